//! The Internet-facing interfaces the last outline showed, kept for the next version when
//! the edit between them cannot have changed them.
//!
//! Finding them ([`Model::wan_interfaces`](rtx_semantic::Model::wan_interfaces)) reads every
//! route line: 2 ms of a 96k-line config's outline after an edit, which otherwise copies
//! most of its JSON. What they are read from is on lines that name a route, an address, PPPoE,
//! a DHCP service, a tunnel's encapsulation or endpoint, or a select (which changes the
//! block every later line is in). When the lines an edit touched, before and after it, hold
//! none of these words, the answer stays; any doubt (another catalogue, a large change)
//! finds it again. The tests compare every outline with one built from scratch.

use super::interfaces::{Facing, facing};
use crate::documents::OpenDocument;

/// Words on a line that can change which interfaces face the Internet (ASCII, any case).
const TRIGGERS: [&[u8]; 7] = [
    b"route",
    b"address",
    b"pppoe",
    b"service",
    b"encapsulation",
    b"endpoint",
    b"select",
];

/// A change larger than this is not searched: it is found again.
const LARGEST_SEARCHED: usize = 64 * 1024;

#[derive(Default)]
pub struct FacingMemory {
    /// The last answer, with the catalogue of its version (its address).
    kept: Option<(Facing, usize)>,
    /// Whether the last answer was kept from the version before (for tests).
    pub reused: bool,
}

impl FacingMemory {
    /// The Internet-facing interfaces of `document`, whose source was `old` when the kept
    /// answer was found.
    pub fn answer(&mut self, old: &[u8], document: &OpenDocument, catalogue: usize) -> Facing {
        self.reused = false;
        if let Some((facing, kept_catalogue)) = self.kept.take()
            && kept_catalogue == catalogue
            && !may_change(old, document.source())
        {
            self.reused = true;
            self.kept = Some((facing.clone(), catalogue));
            return facing;
        }
        let found = facing(document);
        self.kept = Some((found.clone(), catalogue));
        found
    }

    /// Drops the kept answer: the version written did not ask for it, so it may be stale.
    pub fn forget(&mut self) {
        self.kept = None;
        self.reused = false;
    }
}

/// Whether the whole lines that differ between `old` and `new` may name something the
/// Internet-facing interfaces are read from.
fn may_change(old: &[u8], new: &[u8]) -> bool {
    let prefix = common_prefix(old, new);
    let most = old.len().min(new.len()) - prefix;
    let suffix = common_suffix(&old[old.len() - most..], &new[new.len() - most..]);
    let (old, new) = (
        touched(old, prefix, old.len() - suffix),
        touched(new, prefix, new.len() - suffix),
    );
    if old.len() > LARGEST_SEARCHED || new.len() > LARGEST_SEARCHED {
        return true;
    }
    [old, new].iter().any(|lines| {
        TRIGGERS.iter().any(|word| {
            lines
                .windows(word.len())
                .any(|w| w.eq_ignore_ascii_case(word))
        })
    })
}

/// The whole lines of `text` that its bytes `from..to` (the edit's) touch: none when the
/// edit only adds whole lines before `from` in the other text (nothing here changed), else
/// from the start of `from`'s line to the end of the line of the last byte changed (a
/// line whose end the edit removed is joined to the next in the other text, where that
/// line is searched).
fn touched(text: &[u8], from: usize, to: usize) -> &[u8] {
    let at_line_start = from == 0 || text[from - 1] == b'\n';
    if from == to && at_line_start {
        return &[];
    }
    let start = text[..from]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let last = to.saturating_sub(1).max(from);
    let end = text[last.min(text.len())..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |i| last + i);
    &text[start..end]
}

/// How many bytes `a` and `b` share from the start: compared a block at a time (the
/// comparison of whole blocks is a `memcmp`), then byte by byte in the first that differs.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 4096;
    let n = a.len().min(b.len());
    let mut at = 0;
    while at + BLOCK <= n && a[at..at + BLOCK] == b[at..at + BLOCK] {
        at += BLOCK;
    }
    at + a[at..n]
        .iter()
        .zip(&b[at..n])
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many bytes `a` and `b` (of equal length) share at their ends.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 4096;
    let n = a.len();
    debug_assert_eq!(n, b.len());
    let mut at = 0;
    while at + BLOCK <= n && a[n - at - BLOCK..n - at] == b[n - at - BLOCK..n - at] {
        at += BLOCK;
    }
    at + a[..n - at]
        .iter()
        .rev()
        .zip(b[..n - at].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::may_change;

    #[test]
    fn only_edits_on_lines_with_a_trigger_word_may_change_the_answer() {
        let base = "ip lan2 address dhcp\n# a\nip filter 1 pass * *\n# b\nip route default \
                    gateway dhcp lan2\n# end\n"
            .repeat(3000);
        let cases: [(&str, &str, bool); 10] = [
            ("# end", "# the end", false),
            ("ip filter 1 pass * *", "ip filter 1 reject * *", false),
            // One word of a route line changed: the whole line counts.
            ("gateway dhcp lan2", "gateway dhcp lan3", true),
            // A trigger word broken inside its line: the line before the edit counts.
            ("ip route default", "ip rxoute default", true),
            ("ip lan2 address dhcp", "ip lan2 address 192.0.2.1/24", true),
            // A line inserted or removed.
            ("# end\n", "# end\ntunnel select 1\n", true),
            ("# end\n", "# end\n# more\n", false),
            ("ip filter 1 pass * *\n", "", false),
            (
                "ip filter 1 pass * *\n",
                "IP ROUTE default gateway pp 1\n",
                true,
            ),
            (
                "# end\n",
                "# end\n ipsec ike remote ADDRESS 1 192.0.2.1\n",
                true,
            ),
        ];
        for (from, to, expected) in cases {
            // Edited in the middle, at the start and at the end.
            for at in [base.len() / 2, 0, base.len() - 200] {
                let found = base[at..].find(from).unwrap() + at;
                let edited = format!("{}{to}{}", &base[..found], &base[found + from.len()..]);
                assert_eq!(
                    may_change(base.as_bytes(), edited.as_bytes()),
                    expected,
                    "{from:?} -> {to:?} at {at}"
                );
            }
        }
        assert!(!may_change(base.as_bytes(), base.as_bytes()));
        // Everything replaced: too large to search.
        assert!(may_change(base.as_bytes(), "# empty\n".as_bytes()));
        assert!(may_change(b"", base.as_bytes()));
    }
}
