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
