//! `--fix`: which files may be written, what is written, and how.
//!
//! A fix is an edit to the original bytes of the file (a Shift_JIS file stays Shift_JIS, CRLF
//! stays CRLF; a UTF-16 file is fixed as its decoding and encoded back with its byte order
//! mark). A file is written only when
//!
//! - its content is an RTX config ([`is_rtx_config`]): a `config.yaml` or `notes.txt` that a
//!   directory walk picked up is linted, but never rewritten;
//! - it is a regular file that still holds the bytes that were read;
//!
//! and then atomically: a temporary file in the same folder, given the original's permissions
//! (and owner, where allowed), synced, and renamed over the original. A symlink is followed,
//! and its target is what gets replaced. (A hard-linked file gets a new inode: its other
//! names keep the old text.)

use rtx_i18n::tr;
use std::io::Write;
use std::path::Path;

use rtx_linter::{Applicability, Diagnostic};
use rtx_syntax::{Document, LineKind};

use crate::encoding::Encoding;

/// Whether a document is an RTX config, decided from its content: it starts with a
/// `show config` header (`# RTX830 Rev.15.02.17 ...`), or it has at least one command line and
/// more than half of its command lines are settings the catalogue recognises. Operations
/// (`call`, `show`, `ping`: English words too) are not settings; comments and blank lines do
/// not count either way; heredoc bodies are data.
pub fn is_rtx_config(doc: &Document) -> bool {
    if doc.header().is_some() {
        return true;
    }
    let (mut lines, mut known) = (0usize, 0usize);
    for line in doc.lines() {
        match line.kind() {
            LineKind::Command => {
                lines += 1;
                let setting = line
                    .command()
                    .and_then(|c| c.entry())
                    .is_some_and(|e| !e.operational);
                known += usize::from(setting);
            }
            LineKind::Unparsed => lines += 1,
            _ => {}
        }
    }
    known > 0 && known * 2 > lines
}

/// Applies the fixes of `diagnostics` (unsafe ones only when asked) to `lint_bytes`. In a
/// Shift_JIS file, a fix whose text is not ASCII is left out: its text would be UTF-8 bytes
/// in a Shift_JIS file.
pub fn apply(
    lint_bytes: &[u8],
    diagnostics: &[Diagnostic],
    unsafe_fixes: bool,
    encoding: Encoding,
) -> (Vec<u8>, usize) {
    if encoding == Encoding::ShiftJis {
        let ascii: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|f| f.edits.iter().all(|e| e.text.is_ascii()))
            })
            .cloned()
            .collect();
        return rtx_linter::fix::apply(lint_bytes, &ascii, unsafe_fixes);
    }
    rtx_linter::fix::apply(lint_bytes, diagnostics, unsafe_fixes)
}

/// How many findings have a fix that only `--unsafe-fixes` applies (silenced ones are never
/// fixed).
pub fn unsafe_available(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.suppressed.is_none())
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Unsafe)
        })
        .count()
}

/// Replaces the file at `path` with `new`, atomically, if it still holds `original`.
pub fn write_atomically(path: &Path, original: &[u8], new: &[u8]) -> Result<(), String> {
    let name = path.display();
    let lang = crate::language::ui();
    let fail = |e: std::io::Error| {
        tr!(
            lang,
            "error-not-written",
            file = name.to_string(),
            reason = e.to_string()
        )
        .into_owned()
    };
    let changed = || tr!(lang, "error-changed-since-read", file = name.to_string()).into_owned();
    // Write through a symlink to its target rather than replacing the link with a file.
    let target = std::fs::canonicalize(path).map_err(fail)?;
    let meta = std::fs::metadata(&target).map_err(fail)?;
    if !meta.is_file() {
        return Err(tr!(lang, "error-not-regular", file = name.to_string()).into_owned());
    }
    if std::fs::read(&target).map_err(fail)? != original {
        return Err(changed());
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".rtxlint-fix-")
        .tempfile_in(dir)
        .map_err(fail)?;
    temp.write_all(new).map_err(fail)?;
    let file = temp.as_file();
    file.set_permissions(meta.permissions()).map_err(fail)?;
    keep_owner(file, &meta);
    file.sync_all().map_err(fail)?;
    let now = std::fs::metadata(&target).map_err(fail)?;
    if now.len() != meta.len() || now.modified().ok() != meta.modified().ok() {
        return Err(changed());
    }
    temp.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Gives the new file the original's owner and group when the user may (root, or the same
/// owner); otherwise the new file is the user's, as any editor's save would make it.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, meta: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        std::fs::write(&path, "ip lan1 address 192.0.2.1/24\n").unwrap();
        let error = write_atomically(&path, b"what was read\n", b"fixed\n").unwrap_err();
        assert!(error.contains("changed since it was read"), "{error}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"ip lan1 address 192.0.2.1/24\n"
        );
        write_atomically(&path, b"ip lan1 address 192.0.2.1/24\n", b"fixed\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"fixed\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn configs_are_recognised_by_content() {
        let config =
            rtx_syntax::parse(b"ip lan1 address 192.0.2.1/24\ntunnel select 1\n typo here\n");
        assert!(is_rtx_config(&config));
        let header =
            rtx_syntax::parse(b"# RTX830 Rev.15.02.17 (Mon Jan  1 00:00:00 2024)\nfoo\nbar\n");
        assert!(is_rtx_config(&header));
        for other in [
            &b"server:\n  port: 8080\n  host: example\n"[..],
            b"Notes about the router\nCall the ISP on Monday\n",
            b"Call the ISP\nShow the config to Tanaka\nip lan1 address 192.0.2.1/24\n",
            b"",
            b"# just a comment\n",
        ] {
            assert!(
                !is_rtx_config(&rtx_syntax::parse(other)),
                "{}",
                String::from_utf8_lossy(other)
            );
        }
    }
}
