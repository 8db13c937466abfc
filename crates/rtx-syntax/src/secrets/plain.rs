//! Command lines that cannot show a secret, told without finding secrets.
//!
//! Finding a line's secrets binds it again and reads the evidence (a few thousand
//! instructions); a caller that shows many lines (the language server's outline) asks this
//! first and shows a plain line as it is. The answer follows `command_secrets` (in the parent
//! module) step by step, so it is exact where it says "plain":
//!
//! * a line whose keywords name no entry is masked by evidence and by the nearest entry's
//!   slots, and may carry a secret wrapped from the line before: never plain;
//! * an entry with a secret parameter masks its slots (or, when the line does not bind, by
//!   evidence): never plain;
//! * an entry that carries a command (`schedule at ... pp auth myname me X`) masks the
//!   carried command's secrets: never plain (any parameter named `command` counts, a
//!   superset of the carriers [`Command::embedded`] recognises);
//! * any other entry masks only its trailing comment's prose when the line fits one of its
//!   forms, and the whole line by evidence when it does not: plain exactly when it fits.
//!
//! A line the catalogue recognises is never the tail of a wrapped secret (`Own::continues`),
//! and the trailing comment lies after [`Command::span`], so a plain line's
//! [`Command::redacted_text`] is its text.

use crate::catalogue::Entry;
use crate::document::Command;

impl Command<'_> {
    /// Whether [`Command::redacted_text`] is surely the line's text as written: no secret,
    /// by any rule of this module, lies inside [`Command::span`]. `false` says nothing: such a
    /// line may still hold no secret.
    ///
    /// ```
    /// let doc = rtx_syntax::parse(b"ip route default gateway pp 1\nlogin password x\n");
    /// let mut commands = doc.commands();
    /// assert!(commands.next().unwrap().shows_no_secret());
    /// assert!(!commands.next().unwrap().shows_no_secret());
    /// ```
    pub fn shows_no_secret(&self) -> bool {
        self.shows_no_secret_if_bound() && matches!(self.validate(), Some(Ok(())))
    }

    /// [`Command::shows_no_secret`] for a line known to bind (its [`Command::validate`] or
    /// [`Command::typed`] gives `Ok`), such as one a model built from this document bound:
    /// binding again costs ten times what the rest of the answer does. On a line that does
    /// not bind, `true` means nothing.
    ///
    /// ```
    /// let doc = rtx_syntax::parse(b"ip route default gateway pp 1 password x\n");
    /// let cmd = doc.commands().next().unwrap();
    /// // The entry masks nothing on a line that binds, but this one does not bind.
    /// assert!(cmd.shows_no_secret_if_bound());
    /// assert!(!cmd.shows_no_secret());
    /// ```
    pub fn shows_no_secret_if_bound(&self) -> bool {
        self.entry().is_some_and(plain_entry)
    }
}

/// Whether a line of `entry` that fits one of its forms is masked only in its trailing
/// comment: the entry has no secret parameter and carries no command. One pass over the
/// parameters, which are few.
fn plain_entry(entry: &Entry) -> bool {
    !entry.params.iter().any(|p| p.secret || p.name == "command")
}
