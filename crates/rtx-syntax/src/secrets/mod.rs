//! Where the secrets are: pre-shared keys, passwords, `pp auth` secrets, SNMP communities,
//! RADIUS and BGP keys (DESIGN invariant 7). Every output masks these spans.
//!
//! A parameter is secret when the catalogue says so. When a command that has secret
//! parameters does not bind (a typo elsewhere on the line), every word after its keywords is
//! treated as secret: better to hide too much than to print a key.

use crate::Span;
use crate::document::{Command, Document};

/// What every output shows in place of a secret. One fixed width, so that the mask tells
/// nothing about the secret's length.
pub const SECRET_MASK: &str = "********";

impl Command<'_> {
    /// The spans of this line's secret values.
    pub fn secret_spans(&self) -> Vec<Span> {
        let Some(entry) = self.entry() else {
            return Vec::new();
        };
        if !entry.params.iter().any(|p| p.secret) {
            return Vec::new();
        }
        match self.typed() {
            Some(Ok(typed)) => typed
                .args
                .iter()
                .filter(|a| a.secret)
                .map(|a| a.span)
                .collect(),
            _ => {
                let keywords = entry.name.split(' ').count() + usize::from(self.is_no());
                self.all_words().skip(keywords).map(|w| w.span).collect()
            }
        }
    }

    /// The line's text (indentation and trailing comment excluded) with secrets masked.
    pub fn redacted_text(&self) -> Vec<u8> {
        let span = self.span();
        let mut out = self.line().document().source()[span.range()].to_vec();
        for secret in self.secret_spans() {
            let start = (secret.start - span.start) as usize;
            out[start..start + secret.len() as usize].fill(b'*');
        }
        out
    }
}

impl Document {
    /// The spans of secret values, in order.
    ///
    /// ```
    /// let doc = rtx_syntax::parse(b"ipsec ike pre-shared-key 1 text hogehoge\n");
    /// let masked = doc.redacted();
    /// assert_eq!(masked, b"ipsec ike pre-shared-key 1 text ********\n");
    /// ```
    pub fn secret_spans(&self) -> Vec<Span> {
        self.commands().flat_map(|cmd| cmd.secret_spans()).collect()
    }

    /// The source with every secret replaced by `*`s of the same length, so that offsets,
    /// lines and columns stay valid for code frames.
    pub fn redacted(&self) -> Vec<u8> {
        let mut out = self.source().to_vec();
        for span in self.secret_spans() {
            out[span.range()].fill(b'*');
        }
        out
    }
}
