//! Properties that hold for every input:
//! * any byte string parses without panicking and prints back byte for byte;
//! * canonical printing is idempotent and keeps what every line is (command, comment, heredoc
//!   body, unparsed), the context and the typed command of every command line;
//! * a command generated from the catalogue, parsed, printed canonically and parsed again gives
//!   the same typed command (spans aside).

use proptest::prelude::*;
use rtx_syntax::catalogue::{Node, NumberKind, TypeAlt};
use rtx_syntax::{Catalogue, InterfaceKind, LineKind, parse, print};

/// Pieces that make RTX-like lines: keywords, numbers, quotes, escapes, separators, line ends,
/// heredoc openers and terminators, Shift_JIS and invalid UTF-8 bytes.
fn fragment() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "tunnel select 1", "tunnel select none", "pp select anonymous", "no pp select",
            "ipsec ike keepalive use 1 on dpd 10 3", "ipsec tunnel 101", "tunnel enable 1-3",
            "ip lan1 address 192.168.0.1/24", "description tunnel \"a b\"", "no ",
            "embedded file x <<EOF", "macro m <<EOM", "EOF", "EOM", "# RTX830 Rev.15.02.17",
            " ", "  ", "\t", "\u{3000}", "\n", "\r\n", "\r", "\"", "'", "\\", "#", "=", "-", "*",
            "<<", "\u{feff}",
        ]).prop_map(|s| s.as_bytes().to_vec()),
        2 => prop::collection::vec(any::<u8>(), 1..4),
        1 => prop::collection::vec(0x80u8..=0xff, 1..3),
    ]
}

fn rtx_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(fragment(), 0..40).prop_map(|parts| parts.concat())
}

/// Pieces that stress the canonical printer: escaped keywords, glued and empty quotes, quoted
/// and escaped values, heredoc openers with odd terminators and their end lines, selects
/// written with quotes, values that look like heredoc openers, byte order marks.
fn printer_fragment() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        6 => prop::sample::select(vec![
            "t\\unnel select 1", "tunnel en\\capsulation ipip", " tunnel en\\capsulation ipip",
            "snmp\"\" syslocation Tokyo", "snmp syslocation \"\"", "snmp syslocation ''",
            "tunnel select \"1\"", "tunnel select \\1", "pp select '2'", "tunnel select 01",
            "embedded file 1 <<EOF?", "embedded file 1 <<\"EOF\"", "macro m <<E\\OF",
            "macro m <<'E F'", "macro m \"<<x\"", "macro m <<x\\", "embedded file 1 <<",
            "EOF?", "\"EOF\"", "EOF", "E\\OF", "'E F'", "<<x", "x", "save",
            "ipsec ike keepalive use 1 o\\n", "description 1 a\\#b", "description 1 \"a#b\"",
            "description 1 '\"'", "ip route default gateway tunnel 1", "no tunnel select",
            "tunnel select 1", "ipsec tunnel 101", "# comment", "\u{3000}# comment", "\u{feff}",
        ]).prop_map(|s| s.as_bytes().to_vec()),
        5 => prop::sample::select(vec![" ", "\n", "\r\n", "\r", "\t", "\u{3000}"])
            .prop_map(|s| s.as_bytes().to_vec()),
        2 => prop::sample::select(vec!["\\", "\"", "'", "\"\"", "''", "#", "<<", "?"])
            .prop_map(|s| s.as_bytes().to_vec()),
        1 => fragment(),
    ]
}

fn printer_input() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(printer_fragment(), 0..30).prop_map(|parts| parts.concat())
}

/// What canonical printing must keep: each non-blank line's kind in order, each command's
/// context, select and typed form (`None` inside for a recognised line that does not bind),
/// and each heredoc body line's text.
#[derive(Debug, PartialEq)]
enum Reading {
    Command {
        context: rtx_syntax::Context,
        select: bool,
        typed: Option<Option<Box<rtx_syntax::TypedCommand>>>,
    },
    Comment,
    HeredocBody(Vec<u8>),
    HeredocEnd,
    Unparsed,
}

fn reading(doc: &rtx_syntax::Document) -> Vec<Reading> {
    doc.lines()
        .filter_map(|line| {
            Some(match line.kind() {
                LineKind::Blank => return None,
                LineKind::Comment => Reading::Comment,
                LineKind::HeredocBody => Reading::HeredocBody(line.text().to_vec()),
                LineKind::HeredocEnd => Reading::HeredocEnd,
                LineKind::Unparsed => Reading::Unparsed,
                LineKind::Command => Reading::Command {
                    context: line.context(),
                    select: line.is_select(),
                    typed: line
                        .command()
                        .unwrap()
                        .typed()
                        .map(|r| r.ok().map(Box::new)),
                },
            })
        })
        .collect()
}

fn check_canonical(src: &[u8]) -> Result<(), TestCaseError> {
    let doc = parse(src);
    let once = print::canonical(&doc);
    let again = parse(&once);
    let show = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    prop_assert_eq!(
        reading(&again),
        reading(&doc),
        "{:?} -> {:?}",
        show(src),
        show(&once)
    );
    let twice = print::canonical(&again);
    prop_assert_eq!(
        show(&twice),
        show(&once),
        "not idempotent on {:?}",
        show(src)
    );
    // Line by line (the language server's formatting) keeps the reading too.
    // Like the language server, it keeps a leading byte order mark and edits what follows.
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let bom = src.starts_with(BOM);
    let mut by_line = if bom { BOM.to_vec() } else { Vec::new() };
    for line in doc.lines() {
        match line.command() {
            Some(cmd) => by_line.extend(print::canonical_line(&cmd)),
            None if line.index() == 0 && bom => by_line.extend_from_slice(&line.text()[3..]),
            None => by_line.extend_from_slice(line.text()),
        }
        by_line.push(b'\n');
    }
    prop_assert_eq!(
        reading(&parse(&by_line)),
        reading(&doc),
        "line by line: {:?}",
        show(&by_line)
    );
    Ok(())
}

#[test]
fn canonical_printing_keeps_escaped_and_heredoc_lines_as_they_read() {
    for src in [
        "t\\unnel select 1\n ipsec tunnel 1\n",
        " tunnel en\\capsulation ipip\n",
        "snmp\"\" syslocation Tokyo\n",
        "embedded file 1 <<EOF?\nsave\nEOF?\nsave\n",
        "embedded file 1 <<\"EOF\"\nsave\n\"EOF\"\nip route default gateway pp 1\n",
        "macro m \"<<x\"\nsave\n",
        "tunnel select \"1\"\n ipsec tunnel 1\n",
        "\n\u{feff}tunnel select 1\n",
        " \u{feff}t\\unnel select 1",
    ] {
        check_canonical(src.as_bytes()).unwrap();
    }
    // An unknown line stays unknown, byte for byte (it is not unescaped into a command).
    let doc = parse(b" tunnel en\\capsulation ipip\n");
    let cmd = doc.commands().next().unwrap();
    assert_eq!(print::canonical_line(&cmd), b"tunnel en\\capsulation ipip");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bytes_round_trip(src in rtx_like_bytes()) {
        let doc = parse(&src);
        prop_assert_eq!(doc.to_bytes(), src);
        // Nothing downstream of parsing panics either.
        let _ = print::canonical(&doc);
        let _ = print::tree(&doc);
        // The cheap validation agrees with the typed binding.
        for cmd in doc.commands() {
            prop_assert_eq!(cmd.validate().map(|r| r.is_ok()), cmd.typed().map(|r| r.is_ok()));
        }
    }

    #[test]
    fn canonical_is_idempotent_and_keeps_every_reading(src in printer_input()) {
        check_canonical(&src)?;
    }

    #[test]
    fn canonical_keeps_readings_of_rtx_like_bytes(src in rtx_like_bytes()) {
        check_canonical(&src)?;
    }

    #[test]
    fn arbitrary_bytes_round_trip(src in prop::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(parse(&src).to_bytes(), src);
    }
}

/// Builds a line from a form, drawing choices from `rng`.
struct Generator<'a> {
    rng: &'a mut dyn FnMut(u64) -> u64,
    out: Vec<String>,
}

impl Generator<'_> {
    fn pick(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { (self.rng)(n) % n }
    }

    fn nodes(&mut self, entry: &rtx_syntax::catalogue::Entry, nodes: &[Node]) {
        for node in nodes {
            self.node(entry, node);
        }
    }

    fn node(&mut self, entry: &rtx_syntax::catalogue::Entry, node: &Node) {
        match node {
            Node::Literal(l) => {
                let word = if self.pick(4) == 0 {
                    l.to_uppercase()
                } else {
                    l.clone()
                };
                self.out.push(word);
            }
            Node::Param(i) => {
                let alts = &entry.params[*i].ty.alternatives;
                let alt = &alts[self.pick(alts.len() as u64) as usize];
                let value = self.value(alt);
                self.out.push(value);
            }
            Node::Option { key, value } => {
                let mut inner = Generator {
                    rng: &mut *self.rng,
                    out: Vec::new(),
                };
                inner.node(entry, value);
                let v = inner.out.join(" ");
                self.out.push(format!("{key}={v}"));
            }
            Node::Optional(inner) => {
                if self.pick(2) == 0 {
                    self.nodes(entry, inner);
                }
            }
            Node::Repeat(inner) => {
                for _ in 0..=self.pick(3) {
                    self.node(entry, inner);
                }
            }
            Node::Choice(choices) => {
                let c = self.pick(choices.len() as u64) as usize;
                self.nodes(entry, &choices[c]);
            }
        }
    }

    fn value(&mut self, alt: &TypeAlt) -> String {
        let mut num = |min: u64, max: u64| min + self.pick(max - min + 1);
        match alt {
            TypeAlt::Keyword(k) => k.clone(),
            TypeAlt::Int { min, max } => num(*min, *max).to_string(),
            TypeAlt::Number(NumberKind::Peer) => num(1, 150).to_string(),
            TypeAlt::Number(_) => num(1, 6000).to_string(),
            TypeAlt::Percent { min, max } => format!("{}%", num(*min, *max)),
            TypeAlt::Ipv4 => format!("10.{}.{}.{}", num(0, 255), num(0, 255), num(1, 254)),
            TypeAlt::Ipv6 => format!("2001:db8::{:x}", num(1, 0xffff)),
            TypeAlt::Ipv4Net { .. } => match num(0, 2) {
                0 => format!("192.168.{}.0/24", num(0, 255)),
                1 => format!("172.16.{}.1/255.255.0.0", num(0, 255)),
                _ => "10.0.0.0/0xff000000".to_string(),
            },
            TypeAlt::Ipv6Net { .. } => format!("2001:db8:{:x}::/64", num(0, 0xffff)),
            TypeAlt::Ipv4Range => format!("192.168.{0}.10-192.168.{0}.20/24", num(0, 255)),
            TypeAlt::Host => {
                if num(0, 1) == 0 {
                    "vpn.example.jp".into()
                } else {
                    "198.51.100.7".into()
                }
            }
            TypeAlt::Interface(kinds) => {
                let kind = kinds[num(0, kinds.len() as u64 - 1) as usize];
                match kind {
                    InterfaceKind::Null | InterfaceKind::Pp | InterfaceKind::Tunnel => {
                        kind.as_str().to_string()
                    }
                    InterfaceKind::Lan if num(0, 1) == 0 => {
                        format!("lan{}/{}", num(1, 3), num(1, 8))
                    }
                    _ => format!("{}{}", kind.as_str(), num(1, 9)),
                }
            }
            TypeAlt::TunnelIfs => format!("tunnel{}-tunnel{}", num(1, 5), num(5, 20)),
            TypeAlt::IdRange => ["1", "3-5", "7-", "-9", "all"][num(0, 4) as usize].to_string(),
            TypeAlt::Mac => "00:a0:de:12:34:56".into(),
            TypeAlt::Hex { .. } => "0x0a0b".into(),
            TypeAlt::Text { max } => {
                // (spelling, length once unescaped): only values the type accepts.
                let choices: Vec<&str> = [
                    ("plain", 5),
                    ("\"two words\"", 9),
                    ("'it''s'", 3),
                    ("a\\#b", 3),
                    ("\"x\\\"y\"", 3),
                    ("a", 1),
                ]
                .into_iter()
                .filter(|(_, len)| *len <= *max)
                .map(|(text, _)| text)
                .collect();
                choices[num(0, choices.len() as u64 - 1) as usize].to_string()
            }
            TypeAlt::Word => {
                ["word", "*", "192.168.0.*", "\"quoted word\""][num(0, 3) as usize].to_string()
            }
            TypeAlt::Heredoc => "<<EOF".into(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn typed_canonical_parse_gives_equal_typed_commands(entry_pick: u64, form_pick: u64, seed: u64) {
        let catalogue = Catalogue::bundled();
        let entry = &catalogue.entries()[(entry_pick % catalogue.entries().len() as u64) as usize];
        let forms: Vec<_> = entry.forms.iter().chain(&entry.no_forms).collect();
        let form = forms[(form_pick % forms.len() as u64) as usize];
        let mut state = seed | 1;
        let mut rng = |_: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut generator = Generator { rng: &mut rng, out: Vec::new() };
        generator.nodes(entry, &form.nodes);
        let line = generator.out.join(" ");
        let doc = parse(line.as_bytes());
        let cmd = doc.commands().next().expect("a command");
        let typed = cmd.typed().expect("recognised");
        let typed = typed.unwrap_or_else(|e| panic!("`{line}` does not bind: {e:?}"));
        let canonical = print::canonical_command(&typed);
        let again = parse(&canonical);
        let retyped = again.commands().next().expect("a command").typed().expect("recognised").expect("binds");
        prop_assert_eq!(&retyped, &typed, "`{}` -> `{}`", line, String::from_utf8_lossy(&canonical));
        // Printing the re-parsed command gives the same text: canonical is a fixed point.
        prop_assert_eq!(print::canonical_command(&retyped), canonical);
    }
}
