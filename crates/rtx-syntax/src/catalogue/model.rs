//! The catalogue's data model: entries, syntax forms, parameters and their types.
//!
//! An [`Entry`] is one section of Yamaha's Command Reference: its syntax forms (the positive
//! ones and the `no` ones), its parameters with types and defaults, the context it is entered
//! in, the models it exists on. Everything here is built from the files in `grammar/` by
//! [`super::format`]; nothing about a particular command is written in Rust.

use std::fmt;

/// Index of an entry in its catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(pub u16);

/// Where a command may be entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContextRule {
    /// Anywhere: global commands are accepted while a tunnel or pp is selected.
    Global,
    /// Only while a tunnel is selected (`tunnel select N`).
    Tunnel,
    /// Only while a pp is selected (`pp select N|anonymous`).
    Pp,
}

impl ContextRule {
    /// Whether a command of this rule may be entered where `context` is selected: global
    /// commands anywhere, tunnel commands under `tunnel select`, pp commands under `pp select`.
    pub fn admits(self, context: crate::Context) -> bool {
        match self {
            ContextRule::Global => true,
            ContextRule::Tunnel => matches!(context, crate::Context::Tunnel(_)),
            ContextRule::Pp => context.is_pp(),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ContextRule::Global => "global",
            ContextRule::Tunnel => "tunnel",
            ContextRule::Pp => "pp",
        }
    }
}

/// One command section of the reference.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: EntryId,
    /// The leading keywords, as written after `command` (`ipsec ike keepalive use`).
    pub name: String,
    /// Section number in the Command Reference 12.01 (`15.20`), empty for entries of older
    /// models that the edition lacks.
    pub section: String,
    /// One line of our own English.
    pub summary: String,
    /// The same line in our own Japanese (`summary-ja`); empty where none is written yet.
    pub summary_ja: String,
    pub context: ContextRule,
    /// Model families the command exists on (`rtx830`, `vrx`, ...), as its own source says.
    pub models: Vec<String>,
    /// Older models whose sources list the command too (`rtx810 rtx1200 nvr500`), written
    /// by `tools/older_models.py`.
    pub older: Vec<String>,
    /// First firmware revisions of the command, or of one of its keywords, on older models.
    pub since: Vec<super::availability::Since>,
    /// Where a command missing from the reference was seen (older models).
    pub seen: Vec<String>,
    /// An operation (`save`, `restart`, `show ...`) rather than a setting.
    pub operational: bool,
    /// Extended licences raise a numeric limit of this command.
    pub license: bool,
    pub forms: Vec<Form>,
    pub no_forms: Vec<Form>,
    pub params: Vec<Param>,
    pub examples: Vec<String>,
    /// Keywords that exist only on some models: `(keyword, models)`.
    pub restrictions: Vec<(String, Vec<String>)>,
}

impl Entry {
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.name == name)
    }

    /// The models a keyword of this command is limited to, if it is.
    pub fn keyword_models(&self, keyword: &str) -> Option<&[String]> {
        self.restrictions
            .iter()
            .find(|(k, _)| k == keyword)
            .map(|(_, m)| m.as_slice())
    }
}

/// One syntax line.
#[derive(Clone, Debug)]
pub struct Form {
    /// The line as written in the grammar file.
    pub text: String,
    pub nodes: Vec<Node>,
    /// Context of this form when it differs from the entry's (`description tunnel ...`).
    pub context: ContextRule,
    /// How many words a line of this form has at least, and at most (`None`: no limit, the
    /// form repeats). Lets the matcher skip forms that cannot fit a line's length.
    pub word_count: (usize, Option<usize>),
    /// How many keywords the form starts with (matched in a plain loop before the rest).
    pub lead: usize,
    /// Keywords after the lead whose word position is fixed (only one-word nodes stand
    /// before them): checked before any parameter is parsed, which turns most forms that do
    /// not fit away cheaply. Indexes into `nodes`, equal to the word positions.
    pub fixed_keywords: Vec<usize>,
    /// The form as a flat list of one-word slots, when it is one: keywords and parameters,
    /// with optional parts only nested at the end (`ip filter <n> <action> <src> [<dst>
    /// [<proto>]]`). Then the n-th word can only match the n-th slot, and the matcher checks
    /// a line slot by slot instead of backtracking. Most forms are of this kind.
    pub slots: Option<Slots>,
    /// The nodes after the lead, compiled for the backtracking matcher.
    pub(crate) program: crate::bind::Program,
}

/// A form as one-word slots (see [`Form::slots`]).
#[derive(Clone, Debug)]
pub struct Slots {
    /// Keywords and parameters, in order.
    pub nodes: Vec<Node>,
    /// The word counts a line may have: the required part, then the end of each optional
    /// level (`a [b c [d]]` takes 1, 3 or 4 words, never 2).
    pub lengths: Vec<usize>,
}

impl Form {
    pub fn new(text: String, nodes: Vec<Node>, context: ContextRule) -> Form {
        let word_count = word_count(&nodes);
        let lead = nodes
            .iter()
            .take_while(|n| matches!(n, Node::Literal(_)))
            .count();
        let slots = flat_slots(&nodes);
        let program = crate::bind::Program::compile(&nodes[lead..]);
        let fixed_keywords = nodes
            .iter()
            .enumerate()
            .skip(lead)
            .take_while(|(_, n)| matches!(n, Node::Literal(_) | Node::Param(_)))
            .filter(|(_, n)| matches!(n, Node::Literal(_)))
            .map(|(i, _)| i)
            .collect();
        Form {
            text,
            nodes,
            context,
            word_count,
            lead,
            fixed_keywords,
            slots,
            program,
        }
    }

    /// Whether a line of `words` words could fit this form.
    pub fn fits_length(&self, words: usize) -> bool {
        words >= self.word_count.0 && self.word_count.1.is_none_or(|max| words <= max)
    }
}

/// The one-word slots of a sequence whose only optional part is nested at its end.
fn flat_slots(nodes: &[Node]) -> Option<Slots> {
    let mut slots = Slots {
        nodes: Vec::new(),
        lengths: Vec::new(),
    };
    flatten_into(nodes, &mut slots)?;
    Some(slots)
}

fn flatten_into(nodes: &[Node], slots: &mut Slots) -> Option<()> {
    for (i, node) in nodes.iter().enumerate() {
        match node {
            Node::Literal(_) | Node::Param(_) => slots.nodes.push(node.clone()),
            Node::Optional(inner) if i + 1 == nodes.len() => {
                slots.lengths.push(slots.nodes.len());
                return flatten_into(inner, slots);
            }
            _ => return None,
        }
    }
    slots.lengths.push(slots.nodes.len());
    Some(())
}

/// Least and most words a sequence of nodes takes.
fn word_count(nodes: &[Node]) -> (usize, Option<usize>) {
    nodes.iter().fold((0, Some(0)), |(min, max), node| {
        let (a, b) = node_word_count(node);
        (min + a, max.zip(b).map(|(x, y)| x + y))
    })
}

fn node_word_count(node: &Node) -> (usize, Option<usize>) {
    match node {
        Node::Literal(_) | Node::Param(_) | Node::Option { .. } => (1, Some(1)),
        Node::Optional(inner) => (0, word_count(inner).1),
        Node::Repeat(inner) => (node_word_count(inner).0, None),
        Node::Choice(choices) => {
            let counts: Vec<_> = choices.iter().map(|c| word_count(c)).collect();
            let min = counts.iter().map(|c| c.0).min().unwrap_or(0);
            let max = counts.iter().try_fold(0, |m, c| c.1.map(|x| m.max(x)));
            (min, max)
        }
    }
}

/// An element of a syntax form.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A keyword, matched without regard to case.
    Literal(String),
    /// A parameter, by index into [`Entry::params`].
    Param(usize),
    /// `key=value` where the value is a keyword or a parameter.
    Option { key: String, value: Box<Node> },
    /// `[ ... ]`
    Optional(Vec<Node>),
    /// `x ...`: the element once or more.
    Repeat(Box<Node>),
    /// `( a | b )`
    Choice(Vec<Vec<Node>>),
}

/// A parameter of an entry.
#[derive(Clone, Debug)]
pub struct Param {
    pub name: String,
    pub ty: ParamType,
    pub default: Option<String>,
    /// Pre-shared keys, passwords, communities: masked in every output.
    pub secret: bool,
}

/// A parameter's type: one or more alternatives (`1..65535 | infinity`).
#[derive(Clone, Debug, PartialEq)]
pub struct ParamType {
    pub alternatives: Vec<TypeAlt>,
}

/// Numbers whose range depends on the model (FACTS §1.11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberKind {
    Tunnel,
    Gateway,
    Peer,
}

/// One alternative of a parameter type.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeAlt {
    /// A literal keyword (`on`, `heartbeat`).
    Keyword(String),
    /// An integer in `min..=max`.
    Int {
        min: u64,
        max: u64,
    },
    /// A tunnel, gateway or peer number: 1 to the largest any model allows.
    Number(NumberKind),
    /// A percentage `N%` in `min..=max`.
    Percent {
        min: u64,
        max: u64,
    },
    Ipv4,
    Ipv6,
    /// IPv4 address with a mask: `/len`, `/a.b.c.d` or `/0xhex`; `mask_required` or not.
    Ipv4Net {
        mask_required: bool,
    },
    /// IPv6 address with `/len`.
    Ipv6Net {
        mask_required: bool,
    },
    /// `a.b.c.d-e.f.g.h`, optionally followed by `/len`.
    Ipv4Range,
    /// An IP address or a host name.
    Host,
    /// An interface name of one of the kinds (`lan1`, `lan1/2`, `pp`, `tunnel`, ...).
    Interface(Vec<crate::InterfaceKind>),
    /// `tunnelN` or `tunnelN-tunnelM`.
    TunnelIfs,
    /// `N`, `N-M`, `N-`, `-N` or `all`.
    IdRange,
    /// A MAC address `xx:xx:xx:xx:xx:xx`.
    Mac,
    /// `0x`-prefixed hexadecimal, at most `max_bytes` bytes.
    Hex {
        max_bytes: u32,
    },
    /// Any word whose unescaped text is at most `max` bytes.
    Text {
        max: u32,
    },
    /// Any single word.
    Word,
    /// The heredoc opener `<<WORD` of `macro` and `embedded file`.
    Heredoc,
}

impl fmt::Display for TypeAlt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeAlt::Keyword(k) => write!(f, "{k}"),
            TypeAlt::Int { min, max } => write!(f, "integer {min}..{max}"),
            TypeAlt::Number(NumberKind::Tunnel) => write!(f, "tunnel number"),
            TypeAlt::Number(NumberKind::Gateway) => write!(f, "gateway id"),
            TypeAlt::Number(NumberKind::Peer) => write!(f, "peer number"),
            TypeAlt::Percent { min, max } => write!(f, "percentage {min}%..{max}%"),
            TypeAlt::Ipv4 => write!(f, "IPv4 address"),
            TypeAlt::Ipv6 => write!(f, "IPv6 address"),
            TypeAlt::Ipv4Net {
                mask_required: true,
            } => write!(f, "IPv4 network a.b.c.d/mask"),
            TypeAlt::Ipv4Net {
                mask_required: false,
            } => write!(f, "IPv4 address a.b.c.d[/mask]"),
            TypeAlt::Ipv6Net {
                mask_required: true,
            } => write!(f, "IPv6 prefix"),
            TypeAlt::Ipv6Net {
                mask_required: false,
            } => write!(f, "IPv6 address[/len]"),
            TypeAlt::Ipv4Range => write!(f, "IPv4 range a.b.c.d-e.f.g.h[/len]"),
            TypeAlt::Host => write!(f, "address or host name"),
            TypeAlt::Interface(kinds) => {
                write!(f, "interface (")?;
                for (i, k) in kinds.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{}", k.as_str())?;
                }
                write!(f, ")")
            }
            TypeAlt::TunnelIfs => write!(f, "tunnelN or tunnelN-tunnelM"),
            TypeAlt::IdRange => write!(f, "N, N-M, N-, -N or all"),
            TypeAlt::Mac => write!(f, "MAC address"),
            TypeAlt::Hex { max_bytes } => write!(f, "0x hex, at most {max_bytes} bytes"),
            TypeAlt::Text { max } => write!(f, "text, at most {max} characters"),
            TypeAlt::Word => write!(f, "word"),
            TypeAlt::Heredoc => write!(f, "<<TERMINATOR"),
        }
    }
}

impl fmt::Display for ParamType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, alt) in self.alternatives.iter().enumerate() {
            if i > 0 {
                write!(f, " | ")?;
            }
            write!(f, "{alt}")?;
        }
        Ok(())
    }
}
