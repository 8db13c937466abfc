//! Where a line's words are, stored relative to the line: 2 bytes a word on most lines.
//!
//! A 96k-line config has ~610k words; as absolute `u32` spans they were 4.9 MB, the largest
//! thing a document held after its source. Offsets from the line's start need only as many
//! bits as the line is long: a line shorter than 256 bytes (nearly all of a config) keeps a
//! word's start and end in one 16-bit slot, one shorter than 64 KiB in two, a longer one
//! (hostile input) in four (32-bit offsets in halves). The width follows from the line's own
//! length, so it needs no flag, and relative offsets do not move when an edit shifts the
//! lines after the line.

use crate::Span;
use smallvec::SmallVec;

/// One 16-bit slot of a line's word storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct WordSlot(u16);

/// How many slots a word takes on a line whose content is `len` bytes long.
pub(super) fn slots_per_word(len: u32) -> usize {
    if len < 256 {
        1
    } else if len <= u32::from(u16::MAX) {
        2
    } else {
        4
    }
}

/// Appends the slots for `words` (absolute spans) of the line starting at `line_start`,
/// whose content is `len` bytes long.
pub(super) fn push_words(slots: &mut Vec<WordSlot>, line_start: u32, len: u32, words: &[Span]) {
    let per_word = slots_per_word(len);
    for w in words {
        let (start, end) = (w.start - line_start, w.end - line_start);
        match per_word {
            1 => slots.push(WordSlot((start as u16) << 8 | end as u16)),
            2 => slots.extend([WordSlot(start as u16), WordSlot(end as u16)]),
            _ => slots.extend([
                WordSlot(start as u16),
                WordSlot((start >> 16) as u16),
                WordSlot(end as u16),
                WordSlot((end >> 16) as u16),
            ]),
        }
    }
}

/// The absolute spans of a line's words, decoded as they are read: random access, from
/// either end, nothing built (rules ask for single words many times a line).
#[derive(Clone, Debug)]
pub(crate) struct WordSpans<'d> {
    slots: &'d [WordSlot],
    line_start: u32,
    per_word: usize,
    /// The words not yet yielded: `front..back`.
    front: usize,
    back: usize,
}

impl<'d> WordSpans<'d> {
    /// The words in `slots`, of a line starting at `line_start` whose content is `len`
    /// bytes long.
    #[inline]
    pub(super) fn new(slots: &'d [WordSlot], line_start: u32, len: u32) -> Self {
        let per_word = slots_per_word(len);
        WordSpans {
            slots,
            line_start,
            per_word,
            front: 0,
            back: slots.len() / per_word,
        }
    }

    /// Word `i` of the line (not of what is left to iterate).
    #[inline]
    fn get(&self, i: usize) -> Span {
        let base = self.line_start;
        let slot = |k: usize| u32::from(self.slots[k].0);
        let (start, end) = match self.per_word {
            1 => (slot(i) >> 8, slot(i) & 0xFF),
            2 => (slot(2 * i), slot(2 * i + 1)),
            _ => (
                slot(4 * i) | slot(4 * i + 1) << 16,
                slot(4 * i + 2) | slot(4 * i + 3) << 16,
            ),
        };
        Span::new(base + start, base + end)
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

    #[inline]
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
    #[inline]
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
    fn short_narrow_and_wide_lines_give_back_their_spans() {
        for (line_start, len, words) in [
            (
                100,
                40,
                vec![
                    Span::new(100, 103),
                    Span::new(104, 139),
                    Span::new(140, 140),
                ],
            ),
            (9, 255, vec![Span::new(9, 10), Span::new(263, 264)]),
            (100, 256, vec![Span::new(100, 103), Span::new(104, 356)]),
            (
                100,
                65_535,
                vec![Span::new(100, 103), Span::new(104, 65_635)],
            ),
            (
                7,
                200_000,
                vec![Span::new(7, 9), Span::new(70_000, 200_007)],
            ),
            (
                4_000_000_000,
                70_000,
                vec![Span::new(4_000_065_536, 4_000_065_537)],
            ),
        ] {
            let mut slots = Vec::new();
            push_words(&mut slots, line_start, len, &words);
            assert_eq!(slots.len(), words.len() * slots_per_word(len));
            let spans = WordSpans::new(&slots, line_start, len);
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
        assert_eq!(slots_per_word(255), 1);
        assert_eq!(slots_per_word(256), 2);
        assert_eq!(slots_per_word(65_535), 2);
        assert_eq!(slots_per_word(65_536), 4);
    }
}
