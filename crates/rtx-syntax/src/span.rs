//! Byte ranges into the source text.
//!
//! Every node of the tree points back into the bytes it came from with a [`Span`]. Spans are
//! byte offsets (not characters): the source may be Shift_JIS or not text at all, and the
//! edges (terminal renderer, LSP) convert offsets to lines and columns themselves.

use std::ops::Range;

/// A half-open byte range `start..end` into a document's source.
///
/// Offsets are `u32` to keep the tree small; inputs above 4 GiB are kept byte for byte but
/// their tail is not split into lines (see [`crate::parse`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    pub const fn len(self) -> u32 {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a `usize` range, for slicing the source.
    pub const fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub const fn contains(self, offset: u32) -> bool {
        self.start <= offset && offset < self.end
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Self {
        span.range()
    }
}
