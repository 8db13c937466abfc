//! Where the secrets are: pre-shared keys, passwords, `pp auth` secrets, SNMP communities,
//! RADIUS and BGP keys (DESIGN invariant 7). Every output masks these spans.
//!
//! A parameter is secret when the catalogue says so. When a command that has secret
//! parameters does not bind (a typo elsewhere on the line), every word after its keywords is
//! treated as secret: better to hide too much than to print a key.

use crate::Span;
use crate::document::Document;

impl Document {
    /// The spans of secret values, in order.
    ///
    /// ```
    /// let doc = rtx_syntax::parse(b"ipsec ike pre-shared-key 1 text hogehoge\n");
    /// let masked = doc.redacted();
    /// assert_eq!(masked, b"ipsec ike pre-shared-key 1 text ********\n");
    /// ```
    pub fn secret_spans(&self) -> Vec<Span> {
        let mut spans = Vec::new();
        for cmd in self.commands() {
            let Some(entry) = cmd.entry() else { continue };
            if !entry.params.iter().any(|p| p.secret) {
                continue;
            }
            match cmd.typed() {
                Some(Ok(typed)) => {
                    spans.extend(typed.args.iter().filter(|a| a.secret).map(|a| a.span))
                }
                _ => {
                    let keywords = entry.name.split(' ').count() + usize::from(cmd.is_no());
                    spans.extend(cmd.all_words().skip(keywords).map(|w| w.span));
                }
            }
        }
        spans
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
