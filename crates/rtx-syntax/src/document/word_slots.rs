//! Where a line's words are, stored relative to the line: 4 bytes a word instead of 8.
//!
//! A 96k-line config has ~610k words; as absolute `u32` spans they were 4.9 MB, the largest
//! thing a document holds after its source. Offsets from the line's start fit in 16 bits on
//! any real line, and they do not move when an edit shifts the lines after it. A line longer
//! than 65,535 bytes (hostile input) keeps each word in two slots, a 32-bit start and end
//! split in halves, and is flagged [`super::FLAG_WIDE`].

use crate::Span;
use smallvec::SmallVec;

/// One slot of a line's word storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct WordSlot(u16, u16);

/// Whether a line of `len` bytes needs two slots a word.
pub(super) fn is_wide(len: u32) -> bool {
    len > u32::from(u16::MAX)
}

/// Appends the slots for `words` (absolute spans) of the line starting at `line_start`.
pub(super) fn push_words(slots: &mut Vec<WordSlot>, line_start: u32, wide: bool, words: &[Span]) {
    for w in words {
        let (start, end) = (w.start - line_start, w.end - line_start);
        if wide {
            slots.push(WordSlot(start as u16, (start >> 16) as u16));
            slots.push(WordSlot(end as u16, (end >> 16) as u16));
        } else {
            slots.push(WordSlot(start as u16, end as u16));
        }
    }
}

/// The absolute spans of a line's words, decoded as they are read: random access, from
/// either end, nothing built (rules ask for single words many times a line).
#[derive(Clone, Debug)]
pub(crate) struct WordSpans<'d> {
    slots: &'d [WordSlot],
    line_start: u32,
    wide: bool,
    /// The words not yet yielded: `front..back`.
    front: usize,
    back: usize,
}

impl<'d> WordSpans<'d> {
    /// The words in `slots`, of a line starting at `line_start`.
    pub(super) fn new(slots: &'d [WordSlot], line_start: u32, wide: bool) -> Self {
        let back = if wide { slots.len() / 2 } else { slots.len() };
        WordSpans {
            slots,
            line_start,
            wide,
            front: 0,
            back,
        }
    }

    /// Word `i` of the line (not of what is left to iterate).
    fn get(&self, i: usize) -> Span {
        let base = self.line_start;
        if self.wide {
            let half = |s: WordSlot| u32::from(s.0) | u32::from(s.1) << 16;
            Span::new(
                base + half(self.slots[2 * i]),
                base + half(self.slots[2 * i + 1]),
            )
        } else {
            let s = self.slots[i];
            Span::new(base + u32::from(s.0), base + u32::from(s.1))
        }
    }

    /// What is left, in a vector on the stack (for the binder, which wants a slice).
    pub(crate) fn to_small_vec(&self) -> SmallVec<[Span; 16]> {
        // Pushes: `collect` (SmallVec's `extend`) costs several times as much for a few words.
        let mut out = SmallVec::new();
        for i in self.front..self.back {
            out.push(self.get(i));
        }
        out
    }

    /// The first `n` words left (all of them when fewer are left).
    pub(crate) fn take_first(mut self, n: usize) -> Self {
        self.back = self.back.min(self.front.saturating_add(n));
        self
    }

    /// The words left from the `n`th on.
    pub(crate) fn skip_first(mut self, n: usize) -> Self {
        self.front = self.front.saturating_add(n).min(self.back);
        self
    }

    /// From the first word left to the last one; `None` when none is left.
    pub(crate) fn cover(&self) -> Option<Span> {
        (self.front < self.back).then(|| self.get(self.front).cover(self.get(self.back - 1)))
    }
}

impl Iterator for WordSpans<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        (self.front < self.back).then(|| {
            self.front += 1;
            self.get(self.front - 1)
        })
    }

    fn nth(&mut self, n: usize) -> Option<Span> {
        self.front = self.front.saturating_add(n).min(self.back);
        self.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }

    fn last(mut self) -> Option<Span> {
        self.next_back()
    }
}

impl DoubleEndedIterator for WordSpans<'_> {
    fn next_back(&mut self) -> Option<Span> {
        (self.front < self.back).then(|| {
            self.back -= 1;
            self.get(self.back)
        })
    }
}

impl ExactSizeIterator for WordSpans<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_and_wide_lines_give_back_their_spans() {
        for (line_start, wide, words) in [
            (
                100,
                false,
                vec![Span::new(100, 103), Span::new(104, 65_635)],
            ),
            (7, true, vec![Span::new(7, 9), Span::new(70_000, 200_000)]),
            (
                4_000_000_000,
                true,
                vec![Span::new(4_000_065_536, 4_000_065_537)],
            ),
        ] {
            let mut slots = Vec::new();
            push_words(&mut slots, line_start, wide, &words);
            assert_eq!(slots.len(), words.len() * if wide { 2 } else { 1 });
            let spans = WordSpans::new(&slots, line_start, wide);
            assert_eq!(spans.len(), words.len());
            assert_eq!(spans.to_small_vec().as_slice(), words.as_slice());
            assert_eq!(
                spans.clone().rev().collect::<Vec<_>>(),
                words.iter().rev().copied().collect::<Vec<_>>()
            );
            assert_eq!(spans.clone().last(), words.last().copied());
            for (i, w) in words.iter().enumerate() {
                assert_eq!(spans.clone().nth(i), Some(*w));
            }
            assert_eq!(spans.clone().nth(words.len()), None);
            assert_eq!(spans.clone().skip_first(1).collect::<Vec<_>>(), words[1..]);
            assert_eq!(spans.clone().take_first(1).collect::<Vec<_>>(), words[..1]);
            assert_eq!(
                spans.clone().skip_first(1).cover(),
                words.get(1).map(|w| w.cover(*words.last().unwrap()))
            );
            assert_eq!(spans.clone().skip_first(9).cover(), None);
        }
        assert!(!is_wide(65_535));
        assert!(is_wide(65_536));
    }
}
