//! A finding's identity across edits: what baselines record, SARIF's `partialFingerprints` and
//! GitLab's `fingerprint` carry.
//!
//! A line number alone would change whenever a line is inserted above the finding, so the
//! identity is the rule's code, the file, the text of the line(s) the finding points at
//! (whitespace collapsed, every secret masked), and which occurrence of that triple it is. The
//! result is a hash: a baseline file never holds config text, and since secrets are masked
//! before hashing, not even a digest of a pre-shared key.

use rtx_syntax::{Document, SECRET_MASK};

use crate::Diagnostic;

/// 128 bits, printed as 32 lower-case hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub u128);

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

impl std::str::FromStr for Fingerprint {
    type Err = std::num::ParseIntError;

    fn from_str(text: &str) -> Result<Fingerprint, Self::Err> {
        u128::from_str_radix(text, 16).map(Fingerprint)
    }
}

/// The fingerprints of one file's findings, in the order given. `file` is the path as the
/// run names it, with `/` separators (the caller makes it relative where it should be).
pub fn fingerprints<'a>(
    file: &str,
    doc: &Document,
    findings: impl IntoIterator<Item = &'a Diagnostic>,
) -> Vec<Fingerprint> {
    let mut seen: std::collections::HashMap<u128, u32> = std::collections::HashMap::new();
    findings
        .into_iter()
        .map(|d| {
            let key = identity(file, doc, d);
            let occurrence = seen.entry(key).or_insert(0);
            let print = finish(key, *occurrence);
            *occurrence += 1;
            Fingerprint(print)
        })
        .collect()
}

/// Rule, file and the normalized text of the lines the primary span covers.
fn identity(file: &str, doc: &Document, d: &Diagnostic) -> u128 {
    let mut hash = Hash128::new();
    hash.write(d.code.as_bytes());
    hash.write(&[0xff]);
    hash.write(file.replace('\\', "/").as_bytes());
    hash.write(&[0xff]);
    let src = doc.source();
    let len = src.len() as u32;
    let start = d.primary.span.start.min(len);
    let end = d.primary.span.end.min(len).max(start);
    let first = doc.line_at(start);
    let last = if end > start {
        doc.line_at(end - 1)
    } else {
        first
    };
    for index in first..=last {
        let Some(line) = doc.line(index) else {
            break;
        };
        let mut text = line.full_text().to_vec();
        // Secrets masked from the end so earlier offsets stay right.
        let base = line.full_span().start;
        for secret in line.secret_spans().iter().rev() {
            let (s, e) = (
                (secret.start.saturating_sub(base)) as usize,
                (secret.end.saturating_sub(base)) as usize,
            );
            if s <= e && e <= text.len() {
                text.splice(s..e, SECRET_MASK.bytes());
            }
        }
        for word in text
            .split(|b| b.is_ascii_whitespace())
            .filter(|w| !w.is_empty())
        {
            hash.write(word);
            hash.write(b" ");
        }
        hash.write(b"\n");
    }
    hash.finish()
}

fn finish(key: u128, occurrence: u32) -> u128 {
    let mut hash = Hash128::new();
    hash.write(&key.to_le_bytes());
    hash.write(&occurrence.to_le_bytes());
    hash.finish()
}

/// FNV-1a over 128 bits: stable across runs, platforms and versions (unlike std's hashers),
/// which a baseline committed to a repository needs. Not a cryptographic hash, and it need
/// not be: what it hashes holds no secret.
struct Hash128(u128);

impl Hash128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;

    fn new() -> Hash128 {
        Hash128(Self::OFFSET)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    fn finish(&self) -> u128 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Settings, lint};

    fn prints(src: &str) -> Vec<(usize, String)> {
        let doc = rtx_syntax::parse(src.as_bytes());
        let found = lint(&doc, &Settings::default());
        let prints = fingerprints("site/a.txt", &doc, &found);
        found
            .iter()
            .zip(prints)
            .map(|(d, p)| (doc.line_at(d.primary.span.start), format!("{}{p}", d.code)))
            .collect()
    }

    #[test]
    fn lines_inserted_above_keep_the_identity() {
        let src = "tunnel select 1\n ipsec tunnel 101\n";
        let before = prints(src);
        let after = prints(&format!("# a comment\n\n{src}"));
        assert!(!before.is_empty());
        let ids = |v: &[(usize, String)]| v.iter().map(|(_, p)| p.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&before), ids(&after));
        assert_ne!(before[0].0, after[0].0);
    }

    #[test]
    fn the_same_mistake_twice_is_two_findings_and_whitespace_does_not_count() {
        let one = prints("foo bar\nfoo bar\n");
        assert_eq!(one.len(), 2);
        assert_ne!(one[0].1, one[1].1);
        assert_eq!(prints("foo   bar\nfoo bar\n"), one);
    }

    #[test]
    fn secrets_do_not_reach_the_hash() {
        let a = prints("ipsec ike pre-shared-key 1 text made-up-key-one\n");
        let b = prints("ipsec ike pre-shared-key 1 text another-made-up-key\n");
        assert_eq!(a, b);
    }

    #[test]
    fn prints_read_back() {
        let p = Fingerprint(0x1234_5678_9abc_def0_0fed_cba9_8765_4321);
        assert_eq!(p.to_string().parse::<Fingerprint>().unwrap(), p);
        assert_eq!(p.to_string().len(), 32);
    }
}
