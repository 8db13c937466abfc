//! `documentSymbol`'s answer written by hand: the bytes `serde_json::to_string` writes for
//! the same symbols (the test below compares them), without its generic machinery. A large
//! config's outline is ~10 MB of JSON, and serde spent as long on it as the outline took to
//! build.

use lsp_types::{Range, SymbolKind};
use rtx_syntax::Context;

use super::symbols::{Detail, Name, Symbol};
use crate::documents::OpenDocument;
use crate::redactions::Redactions;

/// Appends `symbols` (of `document`) as a JSON array; object texts come from `redactions`.
/// Bytes, not a `String`: every piece is UTF-8 already (names, numbers, the editor's text),
/// and a `String` would check each again or cost a copy. (The server streams its outline:
/// this writes a block's children and the oracle's tree.)
pub fn write(
    out: &mut Vec<u8>,
    symbols: &[Symbol],
    document: &OpenDocument,
    redactions: &mut Redactions,
) {
    out.push(b'[');
    for (i, symbol) in symbols.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_symbol(out, symbol, document, redactions);
    }
    out.push(b']');
}

/// Appends one symbol (its children included) as a JSON object.
pub fn write_symbol(
    out: &mut Vec<u8>,
    symbol: &Symbol,
    document: &OpenDocument,
    redactions: &mut Redactions,
) {
    write_head(out, symbol, document, redactions);
    if !symbol.children.is_empty() {
        out.extend_from_slice(b",\"children\":");
        write(out, &symbol.children, document, redactions);
    }
    out.push(b'}');
}

/// Appends a symbol's object up to its children (which the caller writes, or not, and then
/// closes the object with `}`).
pub fn write_head(
    out: &mut Vec<u8>,
    symbol: &Symbol,
    document: &OpenDocument,
    redactions: &mut Redactions,
) {
    out.extend_from_slice(b"{\"name\":\"");
    // Names are fixed words and numbers: nothing in them needs an escape.
    let name = out.len();
    push_name(out, &symbol.name);
    debug_assert!(!needs_escape(&out[name..]));
    out.push(b'"');
    match &symbol.detail {
        Detail::None => {}
        Detail::Tunnel(n, interface) => {
            if let Some(tunnel) = document.model().tunnel(*n) {
                out.extend_from_slice(b",\"detail\":\"");
                push_escaped(out, tunnel.encapsulation().as_bytes());
                if let Some(name) = tunnel.name_text(&document.doc) {
                    push_escaped(out, b" \"");
                    push_escaped(out, String::from_utf8_lossy(&name).as_bytes());
                    push_escaped(out, b"\"");
                }
                if !interface.is_empty() {
                    push_escaped(out, b", ");
                    push_escaped(out, interface.as_bytes());
                }
                out.push(b'"');
            }
        }
        Detail::Line(line) => {
            if let Some(cmd) = document.doc.line(*line).and_then(|l| l.command()) {
                out.extend_from_slice(b",\"detail\":");
                push_quoted(out, redactions.text(&cmd).as_bytes());
            }
        }
        Detail::Plain(line, span) => {
            out.extend_from_slice(b",\"detail\":");
            let text = &document.source()[span.range()];
            if text.is_ascii() || std::str::from_utf8(text).is_ok() {
                push_quoted(out, text);
            } else if let Some(cmd) = document.doc.line(*line).and_then(|l| l.command()) {
                // Not from an editor's string: decoded as `Redactions` decodes.
                push_quoted(out, redactions.text(&cmd).as_bytes());
            }
        }
        Detail::Text(text) => {
            out.extend_from_slice(b",\"detail\":");
            push_quoted(out, text.as_bytes());
        }
    }
    // The rest is numbers between fixed words: assembled on the stack, copied out at once.
    let mut tail = Piece::new();
    tail.text(b",\"kind\":");
    match kind_number(symbol.kind) {
        Some(number) => tail.number(number),
        None => {
            out.extend_from_slice(tail.bytes());
            tail = Piece::new();
            out.extend_from_slice(&serde_json::to_vec(&symbol.kind).expect("a kind serializes"));
        }
    }
    tail.text(b",\"range\":");
    tail.range(symbol.range);
    tail.text(b",\"selectionRange\":");
    tail.range(symbol.selection);
    out.extend_from_slice(tail.bytes());
}

/// A symbol's name as the outline shows it.
pub fn push_name(out: &mut Vec<u8>, name: &Name) {
    let (word, number) = match *name {
        Name::Block(Context::Tunnel(n)) => ("tunnel", Some(n)),
        Name::Block(Context::Pp(n)) => ("pp", Some(n)),
        Name::Block(Context::PpAnonymous) => ("pp anonymous", None),
        Name::Block(Context::Global) => ("global", None),
        Name::Object(kind, id) => (kind.as_str(), Some(id)),
        Name::Port(interface) => {
            // `lan1/3`: letters, digits, `/` and `.`.
            out.extend_from_slice(interface.to_string().as_bytes());
            return;
        }
    };
    out.extend_from_slice(word.as_bytes());
    if let Some(number) = number {
        out.push(b' ');
        push_number(out, number);
    }
}

/// The kind's number (`SymbolKind` keeps it private), for the kinds the outline uses; any
/// other is written through serde.
fn kind_number(kind: SymbolKind) -> Option<u32> {
    Some(match kind {
        SymbolKind::MODULE => 2,
        SymbolKind::FIELD => 8,
        SymbolKind::INTERFACE => 11,
        SymbolKind::CONSTANT => 14,
        SymbolKind::OBJECT => 19,
        SymbolKind::STRUCT => 23,
        _ => return None,
    })
}

/// A range as serde writes it (`{"start":{"line":..`).
pub fn push_range(out: &mut Vec<u8>, range: Range) {
    let mut piece = Piece::new();
    piece.range(range);
    out.extend_from_slice(piece.bytes());
}

/// `n` in decimal, as serde writes it.
pub fn push_number(out: &mut Vec<u8>, n: u32) {
    let mut piece = Piece::new();
    piece.number(n);
    out.extend_from_slice(piece.bytes());
}

/// A few hundred bytes of JSON assembled on the stack and copied out in one piece: pushing
/// each word and number onto the output checked its capacity and called `memcpy` for every
/// number (the outline writes ~300,000 of them).
struct Piece {
    bytes: [u8; Piece::CAPACITY],
    len: usize,
    /// The last line number written: its value, where it is and its length. An object's
    /// range and selection start and end on one line, whose number is copied, not written
    /// again.
    line: Option<(u32, usize, usize)>,
}

/// The two-digit numbers `00` to `99`, one after another.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
                            2021222324252627282930313233343536373839\
                            4041424344454647484950515253545556575859\
                            6061626364656667686970717273747576777879\
                            8081828384858687888990919293949596979899";

impl Piece {
    /// A symbol's kind and two ranges take 247 bytes at most; a number is copied in ten
    /// bytes at once (only its own count), so ten more stay free.
    const CAPACITY: usize = 247 + 10;

    #[inline]
    fn new() -> Piece {
        Piece {
            bytes: [0; Piece::CAPACITY],
            len: 0,
            line: None,
        }
    }

    #[inline]
    fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    #[inline]
    fn text(&mut self, text: &[u8]) {
        let end = self.len + text.len();
        self.bytes[self.len..end].copy_from_slice(text);
        self.len = end;
    }

    /// `n` in decimal, written from its last digits back, two at a time.
    #[inline]
    fn number(&mut self, n: u32) {
        let digits = match n {
            0..=9 => 1,
            10..=99 => 2,
            100..=999 => 3,
            1_000..=9_999 => 4,
            10_000..=99_999 => 5,
            100_000..=999_999 => 6,
            1_000_000..=9_999_999 => 7,
            10_000_000..=99_999_999 => 8,
            100_000_000..=999_999_999 => 9,
            _ => 10,
        };
        let mut at = self.len + digits;
        self.len = at;
        let mut rest = n;
        while rest >= 100 {
            let pair = (rest % 100) as usize * 2;
            rest /= 100;
            at -= 2;
            self.bytes[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if rest >= 10 {
            let pair = rest as usize * 2;
            self.bytes[at - 2..at].copy_from_slice(&PAIRS[pair..pair + 2]);
        } else {
            self.bytes[at - 1] = b'0' + rest as u8;
        }
    }

    /// A line number: the last one's bytes again when it is the same.
    #[inline]
    fn line(&mut self, n: u32) {
        match self.line {
            Some((last, at, len)) if last == n => {
                let ten: [u8; 10] = self.bytes[at..at + 10].try_into().expect("ten bytes");
                self.bytes[self.len..self.len + 10].copy_from_slice(&ten);
                self.len += len;
            }
            _ => {
                let at = self.len;
                self.number(n);
                self.line = Some((n, at, self.len - at));
            }
        }
    }

    #[inline]
    fn range(&mut self, range: Range) {
        self.text(b"{\"start\":{\"line\":");
        self.line(range.start.line);
        self.text(b",\"character\":");
        self.number(range.start.character);
        self.text(b"},\"end\":{\"line\":");
        self.line(range.end.line);
        self.text(b",\"character\":");
        self.number(range.end.character);
        self.text(b"}}");
    }
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, the short escapes for
/// backspace, tab, newline, form feed and carriage return, `\u00XX` for the other control
/// characters, every other byte as it is (`text` is UTF-8, whose bytes of characters past
/// ASCII never need an escape).
pub fn push_quoted(out: &mut Vec<u8>, text: &[u8]) {
    out.push(b'"');
    push_escaped(out, text);
    out.push(b'"');
}

/// [`push_quoted`] without the quotes.
pub fn push_escaped(out: &mut Vec<u8>, text: &[u8]) {
    if !needs_escape(text) {
        out.extend_from_slice(text);
    } else {
        for &b in text {
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                0x08 => out.extend_from_slice(b"\\b"),
                b'\t' => out.extend_from_slice(b"\\t"),
                b'\n' => out.extend_from_slice(b"\\n"),
                0x0c => out.extend_from_slice(b"\\f"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b if b < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[usize::from(b >> 4)]);
                    out.push(HEX[usize::from(b & 0xf)]);
                }
                b => out.push(b),
            }
        }
    }
}

/// Whether `bytes` hold a control character, `"` or `\\`, found 8 bytes at a time (the
/// outline's texts rarely need an escape).
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // A lane of `x` below `n` (n <= 0x80) sets its high bit; a nonzero result is exact for
    // "some lane", which is all that is asked.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let lanes = |chunk: &[u8]| {
        let x = u64::from_ne_bytes(chunk.try_into().expect("8 bytes"));
        below(x, 0x20)
            | below(x ^ (ONES * u64::from(b'"')), 1)
            | below(x ^ (ONES * u64::from(b'\\')), 1)
    };
    if bytes.len() < 8 {
        return bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut any = 0;
    for chunk in &mut chunks {
        any |= lanes(chunk);
    }
    // The bytes after the last whole chunk: as the last 8 bytes, read again in part.
    if !chunks.remainder().is_empty() {
        any |= lanes(&bytes[bytes.len() - 8..]);
    }
    any != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::DocumentSymbol;

    #[test]
    fn needs_escape_finds_each_byte_that_needs_one_wherever_it_stands() {
        for len in 0..24 {
            let plain = vec![b'a'; len];
            assert!(!needs_escape(&plain));
            for at in 0..len {
                for byte in [0u8, 0x1f, b'"', b'\\'] {
                    let mut bytes = plain.clone();
                    bytes[at] = byte;
                    assert!(needs_escape(&bytes), "{len} {at} {byte}");
                }
                for byte in [0x20u8, 0x7f, 0x80, 0xe6, 0xff, b'!', b'#', b'[', b']'] {
                    let mut bytes = plain.clone();
                    bytes[at] = byte;
                    assert!(!needs_escape(&bytes), "{len} {at} {byte}");
                }
            }
        }
    }

    /// The generic serializer's view of the outline: the oracle for the hand-written JSON.
    #[allow(deprecated)] // `DocumentSymbol::deprecated` must be named to build the struct.
    fn reference(symbols: &[Symbol], document: &OpenDocument) -> Vec<DocumentSymbol> {
        symbols
            .iter()
            .map(|s| {
                let mut name = Vec::new();
                push_name(&mut name, &s.name);
                let name = String::from_utf8(name).unwrap();
                let detail = match &s.detail {
                    Detail::None => None,
                    Detail::Tunnel(n, interface) => document.model().tunnel(*n).map(|t| {
                        let mut detail = t.encapsulation().to_string();
                        if let Some(name) = t.name_text(&document.doc) {
                            detail.push_str(" \"");
                            detail.push_str(&String::from_utf8_lossy(&name));
                            detail.push('"');
                        }
                        if !interface.is_empty() {
                            detail.push_str(", ");
                            detail.push_str(interface);
                        }
                        detail
                    }),
                    // The whole redaction, never the plain shortcut: the oracle for both.
                    Detail::Line(line) | Detail::Plain(line, _) => document
                        .doc
                        .line(*line)
                        .and_then(|l| l.command())
                        .map(|c| String::from_utf8_lossy(&c.redacted_text()).into_owned()),
                    Detail::Text(text) => Some(text.clone()),
                };
                DocumentSymbol {
                    name,
                    detail,
                    kind: s.kind,
                    tags: None,
                    deprecated: None,
                    range: s.range,
                    selection_range: s.selection,
                    children: (!s.children.is_empty()).then(|| reference(&s.children, document)),
                }
            })
            .collect()
    }

    /// `text` as an open document, its outline written by hand and by the oracle (which
    /// redacts every line in full, with no plain shortcut): the two must be the same bytes.
    fn written_and_expected(text: &str) -> (String, String) {
        let document = OpenDocument::new(
            "file:///t.txt".parse().unwrap(),
            1,
            text.to_string(),
            crate::line_index::Encoding::Utf16,
            Default::default(),
        );
        let symbols = crate::features::symbols::outline(&document);
        let mut redactions = Redactions::default();
        let mut out = Vec::new();
        write(&mut out, &symbols, &document, &mut redactions);
        let expected = serde_json::to_string(&reference(&symbols, &document));
        (String::from_utf8(out).unwrap(), expected.unwrap())
    }

    /// Lines written as they are (`Detail::Plain`) are what redacting them gives, on every
    /// fixture of the linter and every corpus config (when present).
    #[test]
    fn plain_lines_are_what_redaction_gives_on_every_fixture_and_corpus_config() {
        fn configs(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for path in entries.filter_map(Result::ok).map(|e| e.path()) {
                if path.is_dir() {
                    configs(&path, out);
                } else if path.extension().is_some_and(|x| x == "txt") {
                    out.push(path);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        configs(&root.join("../rtx-linter/fixtures"), &mut files);
        let fixtures = files.len();
        configs(&root.join("../../../shared/corpus"), &mut files);
        assert!(fixtures >= 50, "{fixtures} fixtures");
        let mut plain = 0;
        for file in files {
            let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
            let (out, expected) = written_and_expected(&text);
            assert_eq!(out, expected, "{}", file.display());
            plain += out.matches("\"detail\"").count();
        }
        assert!(plain > 100, "{plain} details");
    }

    /// A key on an object's line (a gateway's, bound to the entry's secret slot) is masked,
    /// while the plain lines around it are shown as they are.
    #[test]
    fn keys_on_objects_lines_stay_masked() {
        let text = "tunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp aes-cbc sha-hmac\n  \
                    ipsec ike pre-shared-key 1 text made-up-key\n  ipsec ike remote address 1 \
                    192.0.2.1\nip filter 10 pass * * tcp * 80\n";
        let (out, expected) = written_and_expected(text);
        assert_eq!(out, expected);
        assert!(!out.contains("made-up"), "{out}");
        assert!(
            out.contains("\"detail\":\"ip filter 10 pass * * tcp * 80\""),
            "{out}"
        );
    }

    #[test]
    fn the_outline_is_written_as_serde_json_writes_its_symbols() {
        let text = "# vRX Rev.19.00.10\ntunnel select 1\n tunnel name \"a \\\"b\\\" \u{62e0}\u{70b9}\"\n \
                    ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n  ipsec ike \
                    pre-shared-key 1 text made-up-key\n  ipsec ike remote address 1 192.0.2.1\n \
                    tunnel enable 1\npp select 1\n pp bind pp1\npp select anonymous\n pp auth \
                    accept chap\nip filter 10 pass * * tcp * 80\nnat descriptor type 1 masquerade\n\
                    bgp neighbor 1 65001 198.51.100.1\nipsec transport 1 101 udp 1701\n";
        let (out, expected) = written_and_expected(text);
        assert_eq!(out, expected);
        for shown in [
            "tunnel 1",
            "pp anonymous",
            "SA policy 101",
            "children",
            "\\\"b",
        ] {
            assert!(out.contains(shown), "{shown} in {out}");
        }
        assert!(!out.contains("made-up-key"), "{out}");
        let kinds: Vec<SymbolKind> = [
            SymbolKind::MODULE,
            SymbolKind::FIELD,
            SymbolKind::INTERFACE,
            SymbolKind::CONSTANT,
            SymbolKind::OBJECT,
            SymbolKind::STRUCT,
            SymbolKind::FILE,
            SymbolKind::TYPE_PARAMETER,
        ]
        .to_vec();
        for kind in kinds {
            if let Some(number) = kind_number(kind) {
                assert_eq!(number.to_string(), serde_json::to_string(&kind).unwrap());
            }
        }
        for text in [
            "",
            "plain",
            "\"\\\u{1}\u{1f}\t\n\r\u{8}\u{c}\u{7f}\u{e9}\u{3042}",
        ] {
            let mut out = Vec::new();
            push_quoted(&mut out, text.as_bytes());
            assert_eq!(out, serde_json::to_vec(text).unwrap());
        }
        for n in [
            0,
            7,
            9,
            10,
            99,
            100,
            999,
            1000,
            65535,
            999_999,
            1_000_000,
            u32::MAX,
        ] {
            let mut out = Vec::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
        let widest = Range::new(
            lsp_types::Position::new(u32::MAX, u32::MAX),
            lsp_types::Position::new(u32::MAX, u32::MAX),
        );
        let mut piece = Piece::new();
        piece.text(b",\"kind\":");
        piece.number(u32::MAX);
        piece.text(b",\"range\":");
        piece.range(widest);
        piece.text(b",\"selectionRange\":");
        piece.range(widest);
        assert_eq!(piece.bytes().len(), 247);
        // Lines repeated, or not, within and across ranges, at every width.
        let lines = [7, 12, 99_999, 0, 4_000_000_000];
        let mut triples = Vec::new();
        for a in lines {
            for b in lines {
                for c in lines {
                    triples.push((a, b, c));
                }
            }
        }
        for (a, b, c) in triples {
            let mut piece = Piece::new();
            let mut expected = String::new();
            for (start, end) in [(a, b), (b, c)] {
                let range = Range::new(
                    lsp_types::Position::new(start, 3),
                    lsp_types::Position::new(end, 40),
                );
                piece.range(range);
                expected.push_str(&serde_json::to_string(&range).unwrap());
            }
            assert_eq!(String::from_utf8_lossy(piece.bytes()), expected);
        }
    }
}
