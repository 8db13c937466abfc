//! Which `tunnel enable` / `tunnel disable` / `pp enable` item decides an interface's state.
//!
//! The last item covering a number wins. Items are painted over each other in file order
//! ([`Paint`]), so a config with thousands of tunnels and thousands of enable lines stays
//! O(n log n), and `tunnel enable 1-4294967295` costs what `tunnel enable 1` does.

use rtx_syntax::IdRange;

use crate::objects::{EnableState, PpId};
use crate::paint::Paint;

/// `tunnel enable` / `tunnel disable` / `no tunnel enable` items in file order.
#[derive(Debug, Default)]
pub(crate) struct EnableTable {
    paint: Paint<EnableState>,
}

impl EnableTable {
    pub fn push(&mut self, range: IdRange, state: EnableState) {
        self.paint.paint_range(range, state);
    }

    /// Paints the items of a table read from later lines over these: its segments hold, for
    /// each number it covers, its last covering item, which is then the last of both.
    pub fn overlay(&mut self, later: EnableTable) {
        self.paint.overlay(later.paint);
    }

    /// [`EnableTable::state`] for numbers asked in ascending order (in one walk).
    pub fn state_ascending(&self) -> impl FnMut(u32) -> EnableState + '_ {
        let mut get = self.paint.get_ascending();
        move |n| get(n).copied().unwrap_or(EnableState::Unmentioned)
    }

    /// The state the last covering item gives `n`.
    pub fn state(&self, n: u32) -> EnableState {
        self.paint
            .get(n)
            .copied()
            .unwrap_or(EnableState::Unmentioned)
    }
}

/// What `pp enable` names: numbers or `anonymous`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum PpTarget {
    Numbers(IdRange),
    Anonymous,
}

/// `pp enable` / `pp disable` / `no pp enable` items in file order; `all` covers
/// `anonymous` too.
#[derive(Debug, Default)]
pub(crate) struct PpEnableTable {
    numbers: EnableTable,
    anonymous: Option<EnableState>,
}

impl PpEnableTable {
    pub fn push(&mut self, target: PpTarget, state: EnableState) {
        match target {
            PpTarget::Anonymous => self.anonymous = Some(state),
            PpTarget::Numbers(range) => {
                if range == IdRange::All {
                    self.anonymous = Some(state);
                }
                self.numbers.push(range, state);
            }
        }
    }

    /// [`EnableTable::overlay`]: a later `anonymous` item replaces an earlier one.
    pub fn overlay(&mut self, later: PpEnableTable) {
        if later.anonymous.is_some() {
            self.anonymous = later.anonymous;
        }
        self.numbers.overlay(later.numbers);
    }

    pub fn state(&self, id: PpId) -> EnableState {
        match id {
            PpId::Number(n) => self.numbers.state(n),
            PpId::Anonymous => self.anonymous.unwrap_or(EnableState::Unmentioned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Site;

    fn states() -> (EnableState, EnableState) {
        let site = |line| Site {
            line,
            span: Default::default(),
        };
        (
            EnableState::Enabled(site(0)),
            EnableState::Disabled(site(1)),
        )
    }

    #[test]
    fn last_covering_item_wins() {
        let (on, off) = states();
        let mut t = EnableTable::default();
        t.push(IdRange::Single(2), off);
        t.push(IdRange::All, on);
        t.push(IdRange::From(5), off);
        assert_eq!(t.state(2), on);
        assert_eq!(t.state(6), off);
        assert_eq!(t.state(4), on);
        let mut t = EnableTable::default();
        t.push(IdRange::Range(1, 3), on);
        t.push(IdRange::Single(2), off);
        assert_eq!(
            (t.state(1), t.state(2), t.state(9)),
            (on, off, EnableState::Unmentioned)
        );
    }

    #[test]
    fn all_covers_anonymous_and_a_later_item_overrides_it() {
        let (on, off) = states();
        let mut t = PpEnableTable::default();
        t.push(PpTarget::Numbers(IdRange::All), on);
        assert_eq!(
            (t.state(PpId::Anonymous), t.state(PpId::Number(7))),
            (on, on)
        );
        t.push(PpTarget::Anonymous, off);
        t.push(PpTarget::Numbers(IdRange::From(5)), off);
        assert_eq!(
            (
                t.state(PpId::Anonymous),
                t.state(PpId::Number(4)),
                t.state(PpId::Number(7))
            ),
            (off, on, off)
        );
    }
}
