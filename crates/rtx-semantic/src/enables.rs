//! Which `tunnel enable` / `tunnel disable` item decides a tunnel's state.
//!
//! The last item covering a number wins. Single numbers are indexed; ranges (`3-5`, `7-`,
//! `all`) are few and scanned. A config with thousands of tunnels stays linear.

use std::collections::HashMap;

use rtx_syntax::IdRange;

use crate::objects::EnableState;

#[derive(Debug, Default)]
pub(crate) struct EnableTable {
    singles: HashMap<u32, (usize, EnableState)>,
    ranges: Vec<(usize, IdRange, EnableState)>,
    next: usize,
}

impl EnableTable {
    pub fn push(&mut self, range: IdRange, state: EnableState) {
        let order = self.next;
        self.next += 1;
        match range {
            IdRange::Single(n) => {
                self.singles.insert(n, (order, state));
            }
            other => self.ranges.push((order, other, state)),
        }
    }

    /// The state the last covering item gives `n`.
    pub fn state(&self, n: u32) -> EnableState {
        let single = self.singles.get(&n).copied();
        let range = self
            .ranges
            .iter()
            .rev()
            .find(|(_, r, _)| r.covers(n))
            .map(|(o, _, s)| (*o, *s));
        match (single, range) {
            (Some(a), Some(b)) => {
                if a.0 > b.0 {
                    a.1
                } else {
                    b.1
                }
            }
            (Some((_, s)), None) | (None, Some((_, s))) => s,
            (None, None) => EnableState::Unmentioned,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Site;

    #[test]
    fn last_covering_item_wins() {
        let on = EnableState::Enabled(Site {
            line: 0,
            span: Default::default(),
        });
        let off = EnableState::Disabled(Site {
            line: 1,
            span: Default::default(),
        });
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
}
