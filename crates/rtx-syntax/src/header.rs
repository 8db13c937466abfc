//! The `show config` header: `# RTX830 Rev.15.02.17 (Fri Jul 10 09:59:21 2020)` names the model
//! and firmware the file came from (FACTS §1.9, §5).

use crate::Span;
use crate::document::{Document, LineKind};

/// Model and firmware revision from a header comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// As printed: `RTX830`, `RT57i`, `NVR510`.
    pub model: String,
    /// `15.02.17`.
    pub revision: String,
    pub span: Span,
}

impl Header {
    /// The firmware revision, for comparing with the revision a feature first came in
    /// (`Rev.11.01.23` for L2TPv3 on RTX810); `None` when the text is not one.
    ///
    /// ```
    /// let doc = rtx_syntax::parse(b"# RTX810 Rev.11.01.19 (Mon Jul 22 18:40:18 2013)\n");
    /// let firmware = doc.header().unwrap().firmware().unwrap();
    /// assert!(firmware < "11.01.23".parse().unwrap());
    /// assert_eq!(firmware.to_string(), "Rev.11.01.19");
    /// ```
    pub fn firmware(&self) -> Option<Revision> {
        self.revision.parse().ok()
    }
}

/// A firmware revision: `Rev.11.01.34` is major 11, minor 1, build 34. Revisions compare
/// part by part (`Rev.11.01.9` is before `Rev.11.01.10`); a revision with fewer parts comes
/// before one that extends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Revision {
    /// The parts, padded with nothing: compared up to `len`.
    parts: [u16; Revision::MOST_PARTS],
    len: u8,
}

impl Revision {
    /// Yamaha's revisions have three parts; four are accepted.
    const MOST_PARTS: usize = 4;

    /// The numbers, in order.
    pub fn parts(&self) -> &[u16] {
        &self.parts[..usize::from(self.len)]
    }

    /// Whether two revisions are of one firmware line (`11.01.19` and `11.01.23`, not
    /// `10.01.32`): Yamaha numbers each model's firmware in its own line, so only revisions
    /// of one line say which is older.
    ///
    /// ```
    /// use rtx_syntax::Revision;
    /// let r = |s: &str| s.parse::<Revision>().unwrap();
    /// assert!(r("Rev.11.01.19").same_line(&r("11.01.23")));
    /// assert!(!r("Rev.10.01.32").same_line(&r("11.01.23")));
    /// ```
    pub fn same_line(&self, other: &Revision) -> bool {
        self.parts().get(..2) == other.parts().get(..2)
    }
}

/// Why text is not a [`Revision`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotARevision;

impl std::str::FromStr for Revision {
    type Err = NotARevision;

    /// `11.01.34` or `Rev.11.01.34`: two to four dot-separated numbers.
    fn from_str(text: &str) -> Result<Revision, NotARevision> {
        let text = text.strip_prefix("Rev.").unwrap_or(text);
        let mut parts = [0u16; Revision::MOST_PARTS];
        let mut len = 0;
        for part in text.split('.') {
            if len == Revision::MOST_PARTS
                || part.is_empty()
                || !part.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(NotARevision);
            }
            parts[len] = part.parse().map_err(|_| NotARevision)?;
            len += 1;
        }
        if len < 2 {
            return Err(NotARevision);
        }
        Ok(Revision {
            parts,
            len: len as u8,
        })
    }
}

/// As the router prints it: `Rev.11.01.34` (the minor and build parts in two digits).
impl std::fmt::Display for Revision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Rev.")?;
        for (i, part) in self.parts().iter().enumerate() {
            if i == 0 {
                write!(f, "{part}")?;
            } else {
                write!(f, ".{part:02}")?;
            }
        }
        Ok(())
    }
}

impl Document {
    /// The model header among the comment lines before the first command, if there is one.
    pub fn header(&self) -> Option<Header> {
        self.lines()
            .take_while(|l| l.kind() != LineKind::Command)
            .filter(|l| l.kind() == LineKind::Comment)
            .find_map(|line| {
                let text = std::str::from_utf8(line.text()).ok()?;
                let body = text.trim_start().strip_prefix('#')?;
                let mut words = body.split_whitespace();
                let model = words.next()?;
                let revision = words.next()?.strip_prefix("Rev.")?;
                let plausible = model.bytes().any(|b| b.is_ascii_digit())
                    && model
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && revision.bytes().all(|b| b.is_ascii_digit() || b == b'.');
                plausible.then(|| Header {
                    model: model.to_string(),
                    revision: revision.to_string(),
                    span: line.span(),
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::Revision;

    #[test]
    fn revisions_compare_part_by_part() {
        let rev = |t: &str| t.parse::<Revision>().unwrap();
        assert!(rev("11.01.19") < rev("11.01.23"));
        assert!(rev("Rev.11.01.9") < rev("11.01.10"));
        assert!(rev("10.01.59") < rev("11.00.01"));
        assert!(rev("11.01") < rev("11.01.00"));
        assert_eq!(rev("Rev.8.00.95").to_string(), "Rev.8.00.95");
        assert_eq!(rev("15.2.3").to_string(), "Rev.15.02.03");
        for bad in ["", "11", "11..1", "11.01.x", "1.2.3.4.5", "99999.1", "Rev."] {
            assert!(bad.parse::<Revision>().is_err(), "{bad}");
        }
    }

    #[test]
    fn finds_the_model_line() {
        let doc = crate::parse(b"# show config\n# RTX830 Rev.15.02.17 (Fri Jul 10 2020)\nip route default gateway pp 1\n");
        let h = doc.header().unwrap();
        assert_eq!(
            (h.model.as_str(), h.revision.as_str()),
            ("RTX830", "15.02.17")
        );
        let doc = crate::parse(b"#\tRT57i Rev.8.00.95 (Fri)\n");
        assert_eq!(doc.header().unwrap().model, "RT57i");
        assert!(
            crate::parse(b"ip route default gateway pp 1\n# RTX830 Rev.1\n")
                .header()
                .is_none()
        );
    }
}
