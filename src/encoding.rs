//! What a file's bytes are: text in one encoding, decided once per file, or not text at all.
//!
//! RTX configs are ASCII, UTF-8 or Shift_JIS (what the router writes). A file is read as:
//!
//! - UTF-16 when it starts with a byte order mark (`FF FE` or `FE FF`, as Windows editors save
//!   it): decoded, and the decoded text (UTF-8) is what gets linted. `--fix` encodes it back.
//! - UTF-8 when the whole file is valid UTF-8.
//! - Shift_JIS when it is not, and decodes as Shift_JIS without a single malformed sequence.
//! - Binary otherwise, or when it holds a NUL byte: never linted, never written.

use rtx_i18n::tr;
use std::borrow::Cow;

/// A text file's encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    ShiftJis,
    Utf16Le,
    Utf16Be,
}

/// A file's bytes as the linter reads them.
pub struct Classified<'a> {
    pub encoding: Encoding,
    /// What the parser sees: the file itself, or the UTF-8 decoding of a UTF-16 file.
    pub lint_bytes: Cow<'a, [u8]>,
}

/// Why a file is not treated as text.
#[derive(Debug, PartialEq, Eq)]
pub struct NotText(pub String);

/// Decides what `bytes` are.
pub fn classify(bytes: &[u8]) -> Result<Classified<'_>, NotText> {
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some((Encoding::Utf16Le, encoding_rs::UTF_16LE)),
        [0xFE, 0xFF, ..] => Some((Encoding::Utf16Be, encoding_rs::UTF_16BE)),
        _ => None,
    };
    if let Some((encoding, codec)) = utf16 {
        let text = codec
            .decode_without_bom_handling_and_without_replacement(&bytes[2..])
            .ok_or_else(|| {
                NotText(tr!(crate::language::ui(), "skip-malformed-utf16").into_owned())
            })?;
        if text.contains('\0') {
            return Err(NotText(
                tr!(crate::language::ui(), "skip-nul-characters").into_owned(),
            ));
        }
        return Ok(Classified {
            encoding,
            lint_bytes: Cow::Owned(text.into_owned().into_bytes()),
        });
    }
    if memchr::memchr(0, bytes).is_some() {
        return Err(NotText(
            tr!(crate::language::ui(), "skip-nul-bytes").into_owned(),
        ));
    }
    let encoding = if std::str::from_utf8(bytes).is_ok() {
        Encoding::Utf8
    } else if encoding_rs::SHIFT_JIS
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
    {
        Encoding::ShiftJis
    } else {
        return Err(NotText(
            tr!(crate::language::ui(), "skip-not-text").into_owned(),
        ));
    };
    Ok(Classified {
        encoding,
        lint_bytes: Cow::Borrowed(bytes),
    })
}

/// The bytes to write for fixed lint bytes: UTF-16 files get their byte order mark and
/// encoding back; other files were linted as they are.
pub fn encode_back(encoding: Encoding, lint_bytes: Vec<u8>) -> Vec<u8> {
    let units = |text: &str| text.encode_utf16().collect::<Vec<u16>>();
    match encoding {
        Encoding::Utf8 | Encoding::ShiftJis => lint_bytes,
        Encoding::Utf16Le | Encoding::Utf16Be => {
            // Lint bytes of a UTF-16 file are its decoding, and fixes insert strings: valid UTF-8.
            let text = String::from_utf8_lossy(&lint_bytes);
            let le = encoding == Encoding::Utf16Le;
            let mut out = if le {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            for unit in units(&text) {
                out.extend_from_slice(&if le {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                });
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        encode_back(
            if le {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            },
            text.as_bytes().to_vec(),
        )
    }

    #[test]
    fn encodings_are_decided_once_per_file() {
        assert_eq!(
            classify(b"ip route default\n").unwrap().encoding,
            Encoding::Utf8
        );
        // Half-width katakana in Shift_JIS is also valid as two UTF-8 bytes one by one; the
        // file as a whole is not UTF-8, so it is Shift_JIS throughout.
        let sjis = encoding_rs::SHIFT_JIS.encode("description 1 ﾃｽﾄ 説明\n").0;
        assert_eq!(classify(&sjis).unwrap().encoding, Encoding::ShiftJis);
    }

    #[test]
    fn binary_files_are_not_text() {
        assert!(classify(b"ip route\0default\n").is_err());
        assert!(classify(b"\x89PNG\r\n\x1a\n\xff\xfd").is_err());
        assert!(classify(&[0xA0, 0x41]).is_err());
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_and_encoded_back() {
        for le in [true, false] {
            let bytes = utf16("tunnel select 1\r\n description 1 本社\r\n", le);
            let c = classify(&bytes).unwrap();
            assert_eq!(
                c.lint_bytes.as_ref(),
                "tunnel select 1\r\n description 1 本社\r\n".as_bytes()
            );
            assert_eq!(encode_back(c.encoding, c.lint_bytes.into_owned()), bytes);
        }
        // A BOM followed by an odd byte count is not UTF-16 text.
        assert!(classify(&[0xFF, 0xFE, 0x41]).is_err());
    }
}
