//! The grammar file format, read with nom. `grammar/README.md` describes it for authors.
//!
//! ```text
//! command ipsec ike keepalive use
//!   section 15.20
//!   summary Turns IKE keepalive on, off or auto for one gateway and picks how it probes.
//!   summary-ja ゲートウェイごとに IKE キープアライブをオン・オフ・自動にし、確認の方式を選ぶ。
//!   context global
//!   models  vrx rtx5000 rtx3510 rtx3500 rtx1300 rtx1220 rtx1210 rtx840 rtx830
//!   form    ipsec ike keepalive use <gateway_id> <switch> dpd [<interval> <count> [<upwait>]]
//!   no      no ipsec ike keepalive use <gateway_id> [<switch> ...]
//!   param   gateway_id gateway-id
//!   param   switch     on | off | auto          default auto
//!   param   interval   int 1..600               default 10
//! ```

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_till1, take_while1},
    character::complete::{char, digit1, space0, space1},
    combinator::{all_consuming, map, map_res, opt, recognize},
    multi::separated_list1,
    sequence::{delimited, preceded, separated_pair},
};

use super::model::{
    ContextRule, Entry, EntryId, Form, Node, NumberKind, Param, ParamType, TypeAlt,
};
use crate::interface::InterfaceKind;

/// A mistake in a grammar file, with its place.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GrammarError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A form line waiting for its entry's parameters: line number, `no` form or not, its own
/// context, text.
type PendingForm = (usize, bool, Option<ContextRule>, String);

/// Reads one grammar file; `first_id` numbers its entries.
pub fn parse_file(file: &str, text: &str, first_id: usize) -> Result<Vec<Entry>, GrammarError> {
    parse_from_line(file, text, first_id, 1)
}

/// Reads part of a grammar file that starts on line `first_line` of `file` (one entry, for a
/// catalogue that parses its entries as they are needed), numbering errors as in the file.
pub fn parse_from_line(
    file: &str,
    text: &str,
    first_id: usize,
    first_line: usize,
) -> Result<Vec<Entry>, GrammarError> {
    let mut entries: Vec<(Entry, Vec<PendingForm>)> = Vec::new();
    let error = |line: usize, message: String| GrammarError {
        file: file.to_string(),
        line,
        message,
    };
    for (index, raw) in text.lines().enumerate() {
        let number = index + first_line;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let (key, value) = match trimmed.split_once(char::is_whitespace) {
            Some((k, v)) => (k, v.trim()),
            None => (trimmed, ""),
        };
        if key == "command" {
            if raw.starts_with(char::is_whitespace) {
                return Err(error(
                    number,
                    "`command` starts an entry and is not indented".into(),
                ));
            }
            if value.is_empty() {
                return Err(error(
                    number,
                    "`command` needs the command's keywords".into(),
                ));
            }
            let id = first_id + entries.len();
            let id = u16::try_from(id).map_err(|_| error(number, "too many entries".into()))?;
            entries.push((new_entry(EntryId(id), value), Vec::new()));
            continue;
        }
        let Some((entry, forms)) = entries.last_mut() else {
            return Err(error(number, format!("`{key}` outside a `command` entry")));
        };
        if !raw.starts_with(char::is_whitespace) {
            return Err(error(
                number,
                format!("`{key}` belongs to an entry and must be indented"),
            ));
        }
        let (base_key, form_context) = match key.split_once('@') {
            Some((k, ctx)) => (
                k,
                Some(
                    parse_context(ctx)
                        .ok_or_else(|| error(number, format!("unknown context `{ctx}`")))?,
                ),
            ),
            None => (key, None),
        };
        match base_key {
            "section" => entry.section = value.to_string(),
            "summary" => entry.summary = value.to_string(),
            "summary-ja" => entry.summary_ja = value.to_string(),
            "context" => {
                entry.context = parse_context(value)
                    .ok_or_else(|| error(number, format!("unknown context `{value}`")))?
            }
            "models" => entry.models = value.split_whitespace().map(str::to_string).collect(),
            "older" => entry.older = value.split_whitespace().map(str::to_string).collect(),
            "since" => entry
                .since
                .push(parse_since(value).map_err(|m| error(number, m))?),
            "seen" => entry.seen.push(value.to_string()),
            "operational" => entry.operational = true,
            "license" => entry.license = true,
            "example" => entry.examples.push(value.to_string()),
            "restrict" => {
                let mut words = value.split_whitespace();
                let keyword = words
                    .next()
                    .ok_or_else(|| error(number, "`restrict` needs a keyword and models".into()))?;
                let models: Vec<String> = words.map(str::to_string).collect();
                if models.is_empty() {
                    return Err(error(
                        number,
                        format!("`restrict {keyword}` names no model"),
                    ));
                }
                entry
                    .restrictions
                    .push((keyword.to_ascii_lowercase(), models));
            }
            "form" | "no" => {
                forms.push((number, base_key == "no", form_context, value.to_string()))
            }
            "param" => {
                let param = parse_param(value).map_err(|m| error(number, m))?;
                if entry.param(&param.name).is_some() {
                    return Err(error(
                        number,
                        format!("parameter `{}` declared twice", param.name),
                    ));
                }
                entry.params.push(param);
            }
            other => return Err(error(number, format!("unknown key `{other}`"))),
        }
    }
    entries
        .into_iter()
        .map(|(mut entry, forms)| {
            for (line, is_no, context, text) in forms {
                let nodes = parse_form(&text, &entry.params).map_err(|m| error(line, m))?;
                if is_no && nodes.first() != Some(&Node::Literal("no".into())) {
                    return Err(error(line, "a `no` form starts with the word `no`".into()));
                }
                let form = Form::new(text, nodes, context.unwrap_or(entry.context));
                if is_no {
                    entry.no_forms.push(form);
                } else {
                    entry.forms.push(form);
                }
            }
            if entry.forms.is_empty() && entry.no_forms.is_empty() {
                return Err(error(0, format!("entry `{}` has no form", entry.name)));
            }
            Ok(entry)
        })
        .collect()
}

fn new_entry(id: EntryId, name: &str) -> Entry {
    Entry {
        id,
        name: name.split_whitespace().collect::<Vec<_>>().join(" "),
        section: String::new(),
        summary: String::new(),
        summary_ja: String::new(),
        context: ContextRule::Global,
        models: Vec::new(),
        older: Vec::new(),
        since: Vec::new(),
        seen: Vec::new(),
        operational: false,
        license: false,
        forms: Vec::new(),
        no_forms: Vec::new(),
        params: Vec::new(),
        examples: Vec::new(),
        restrictions: Vec::new(),
    }
}

/// `since MODEL REVISION [KEYWORD]`: `since rtx810 Rev.11.01.23 l2tpv3`.
fn parse_since(text: &str) -> Result<super::availability::Since, String> {
    let mut words = text.split_whitespace();
    let (Some(model), Some(revision)) = (words.next(), words.next()) else {
        return Err("`since` needs a model and a revision: `since rtx810 Rev.11.01.23`".into());
    };
    let revision = revision
        .parse()
        .map_err(|_| format!("`{revision}` is not a firmware revision (`Rev.11.01.23`)"))?;
    let keyword = words.next().map(str::to_ascii_lowercase);
    if words.next().is_some() {
        return Err("`since` takes one keyword at most".into());
    }
    Ok(super::availability::Since {
        model: model.to_string(),
        revision,
        keyword,
    })
}

fn parse_context(text: &str) -> Option<ContextRule> {
    match text {
        "global" => Some(ContextRule::Global),
        "tunnel" => Some(ContextRule::Tunnel),
        "pp" => Some(ContextRule::Pp),
        _ => None,
    }
}

// ---- parameters -------------------------------------------------------------------------

fn number(i: &str) -> IResult<&str, u64> {
    map_res(digit1, str::parse).parse(i)
}

fn range(i: &str) -> IResult<&str, (u64, u64)> {
    separated_pair(number, tag(".."), number).parse(i)
}

fn name_token(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                '-' | '_'
                    | '.'
                    | ':'
                    | '/'
                    | '%'
                    | '*'
                    | '+'
                    | '!'
                    | '@'
                    | '='
                    | ','
                    | '$'
                    | '&'
                    | '~'
                    | '^'
            )
    })
    .parse(i)
}

fn interface_kind(i: &str) -> IResult<&str, InterfaceKind> {
    map_res(name_token, |n| InterfaceKind::from_name(n).ok_or(())).parse(i)
}

/// One alternative of a type: a type name with its arguments, or a keyword.
fn type_alt(i: &str) -> IResult<&str, TypeAlt> {
    alt((
        map(preceded((tag("int"), space1), range), |(min, max)| {
            TypeAlt::Int { min, max }
        }),
        map(preceded((tag("percent"), space1), range), |(min, max)| {
            TypeAlt::Percent { min, max }
        }),
        map(preceded((tag("hex"), space1), number), |n| TypeAlt::Hex {
            max_bytes: n as u32,
        }),
        map(preceded((tag("text"), space1), number), |n| TypeAlt::Text {
            max: n as u32,
        }),
        map(
            preceded(
                (tag("interface"), space1),
                separated_list1(space1, interface_kind),
            ),
            TypeAlt::Interface,
        ),
        map(range, |(min, max)| TypeAlt::Int { min, max }),
        map(
            delimited(char('"'), take_till1(|c| c == '"'), char('"')),
            |k: &str| TypeAlt::Keyword(k.to_string()),
        ),
        map(name_token, |name| match name {
            "int" => TypeAlt::Int {
                min: 0,
                max: u64::from(u32::MAX),
            },
            "tunnel-num" => TypeAlt::Number(NumberKind::Tunnel),
            "gateway-id" => TypeAlt::Number(NumberKind::Gateway),
            "peer-num" => TypeAlt::Number(NumberKind::Peer),
            "ipv4" => TypeAlt::Ipv4,
            "ipv6" => TypeAlt::Ipv6,
            "ipv4-net" => TypeAlt::Ipv4Net {
                mask_required: false,
            },
            "ipv4-prefix" => TypeAlt::Ipv4Net {
                mask_required: true,
            },
            "ipv6-net" => TypeAlt::Ipv6Net {
                mask_required: false,
            },
            "ipv6-prefix" => TypeAlt::Ipv6Net {
                mask_required: true,
            },
            "ipv4-range" => TypeAlt::Ipv4Range,
            "host" => TypeAlt::Host,
            "tunnel-ifs" => TypeAlt::TunnelIfs,
            "id-range" => TypeAlt::IdRange,
            "mac" => TypeAlt::Mac,
            "word" => TypeAlt::Word,
            "heredoc" => TypeAlt::Heredoc,
            keyword => TypeAlt::Keyword(keyword.to_ascii_lowercase()),
        }),
    ))
    .parse(i)
}

fn param_line(i: &str) -> IResult<&str, Param> {
    let (i, name) = name_token(i)?;
    let (i, _) = space1(i)?;
    let (i, alternatives) = separated_list1((space0, char('|'), space0), type_alt).parse(i)?;
    let (i, default) = opt(preceded(
        (space1, tag("default"), space1),
        take_till1(char::is_whitespace),
    ))
    .parse(i)?;
    let (i, secret) = opt((space1, tag("secret"))).parse(i)?;
    let (i, _) = space0(i)?;
    Ok((
        i,
        Param {
            name: name.to_string(),
            ty: ParamType { alternatives },
            default: default.map(str::to_string),
            secret: secret.is_some(),
        },
    ))
}

fn parse_param(text: &str) -> Result<Param, String> {
    all_consuming(param_line)
        .parse(text)
        .map(|(_, p)| p)
        .map_err(|e| format!("cannot read the parameter line `{text}`: {e:?}"))
}

// ---- forms -----------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Token<'a> {
    Open,
    Close,
    OpenGroup,
    CloseGroup,
    Bar,
    Ellipsis,
    Param(&'a str),
    Option(&'a str, Box<Token<'a>>),
    Literal(&'a str),
}

fn param_ref(i: &str) -> IResult<&str, &str> {
    delimited(char('<'), take_till1(|c| c == '>'), char('>')).parse(i)
}

fn literal(i: &str) -> IResult<&str, &str> {
    recognize(take_while1(|c: char| {
        !c.is_whitespace() && !matches!(c, '[' | ']' | '(' | ')' | '|' | '<' | '=')
    }))
    .parse(i)
    .and_then(|(rest, lit)| match lit.find("...") {
        Some(0) => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        ))),
        Some(n) => Ok((&i[n..], &lit[..n])),
        None => Ok((rest, lit)),
    })
}

fn token(i: &str) -> IResult<&str, Token<'_>> {
    alt((
        map(tag("..."), |_| Token::Ellipsis),
        map(char('['), |_| Token::Open),
        map(char(']'), |_| Token::Close),
        map(char('('), |_| Token::OpenGroup),
        map(char(')'), |_| Token::CloseGroup),
        map(char('|'), |_| Token::Bar),
        map(param_ref, Token::Param),
        map(
            separated_pair(
                literal,
                char('='),
                alt((map(param_ref, Token::Param), map(literal, Token::Literal))),
            ),
            |(k, v)| Token::Option(k, Box::new(v)),
        ),
        map(literal, Token::Literal),
    ))
    .parse(i)
}

fn tokens(text: &str) -> Result<Vec<Token<'_>>, String> {
    let mut out = Vec::new();
    let mut i = text.trim_start();
    while !i.is_empty() {
        let (rest, tok) = token(i).map_err(|_| format!("cannot read the form at `{i}`"))?;
        out.push(tok);
        i = rest.trim_start();
    }
    Ok(out)
}

struct FormBuilder<'a, 'p> {
    tokens: Vec<Token<'a>>,
    pos: usize,
    params: &'p [Param],
}

impl FormBuilder<'_, '_> {
    fn seq(&mut self, stop: &[Token<'_>]) -> Result<Vec<Node>, String> {
        let mut nodes = Vec::new();
        while let Some(tok) = self.tokens.get(self.pos).cloned() {
            if stop.contains(&tok) {
                break;
            }
            self.pos += 1;
            let node = match tok {
                Token::Open => {
                    let inner = self.seq(&[Token::Close])?;
                    self.expect(Token::Close, "`]`")?;
                    Node::Optional(inner)
                }
                Token::OpenGroup => {
                    let mut choices = vec![self.seq(&[Token::Bar, Token::CloseGroup])?];
                    while self.tokens.get(self.pos) == Some(&Token::Bar) {
                        self.pos += 1;
                        choices.push(self.seq(&[Token::Bar, Token::CloseGroup])?);
                    }
                    self.expect(Token::CloseGroup, "`)`")?;
                    Node::Choice(choices)
                }
                Token::Ellipsis => {
                    let last = nodes.pop().ok_or("`...` must follow an element")?;
                    Node::Repeat(Box::new(last))
                }
                Token::Param(name) => self.param(name)?,
                Token::Option(key, value) => Node::Option {
                    key: key.to_ascii_lowercase(),
                    value: Box::new(match *value {
                        Token::Param(name) => self.param(name)?,
                        Token::Literal(l) => Node::Literal(l.to_ascii_lowercase()),
                        _ => return Err("bad option value".into()),
                    }),
                },
                Token::Literal(l) => Node::Literal(l.to_ascii_lowercase()),
                Token::Close | Token::CloseGroup | Token::Bar => {
                    return Err("unbalanced bracket".into());
                }
            };
            nodes.push(node);
        }
        Ok(nodes)
    }

    fn expect(&mut self, tok: Token<'_>, what: &str) -> Result<(), String> {
        if self.tokens.get(self.pos) == Some(&tok) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("missing {what}"))
        }
    }

    fn param(&self, name: &str) -> Result<Node, String> {
        self.params
            .iter()
            .position(|p| p.name == name)
            .map(Node::Param)
            .ok_or_else(|| format!("the form uses <{name}> but no `param {name}` line declares it"))
    }
}

fn parse_form(text: &str, params: &[Param]) -> Result<Vec<Node>, String> {
    let mut builder = FormBuilder {
        tokens: tokens(text)?,
        pos: 0,
        params,
    };
    let nodes = builder.seq(&[])?;
    if builder.pos != builder.tokens.len() {
        return Err("unbalanced bracket".into());
    }
    match nodes.first() {
        Some(Node::Literal(_)) => Ok(nodes),
        _ => Err("a form starts with a keyword".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEEPALIVE: &str = "
command ipsec ike keepalive use
  section 15.20
  summary Turns IKE keepalive on or off.
  models  rtx830 rtx1210
  form    ipsec ike keepalive use <gateway_id> <switch> [down=disconnect] [send-only-new-sa=<send>]
  form    ipsec ike keepalive use <gateway_id> <switch> dpd [<interval> <count> [<upwait>]]
  no      no ipsec ike keepalive use <gateway_id> [<switch> ...]
  param   gateway_id gateway-id
  param   switch     on | off | auto  default auto
  param   interval   int 1..600       default 10
  param   count      1..50
  param   upwait     0..1000000
  param   send       on|off|auto
";

    #[test]
    fn reads_an_entry() {
        let entries = parse_file("t", KEEPALIVE, 0).unwrap();
        let e = &entries[0];
        assert_eq!(e.name, "ipsec ike keepalive use");
        assert_eq!(e.section, "15.20");
        assert_eq!(e.forms.len(), 2);
        assert_eq!(e.no_forms.len(), 1);
        let switch = e.param("switch").unwrap();
        assert_eq!(switch.default.as_deref(), Some("auto"));
        assert_eq!(switch.ty.alternatives.len(), 3);
        assert_eq!(
            e.param("count").unwrap().ty.alternatives,
            vec![TypeAlt::Int { min: 1, max: 50 }]
        );
        let nodes = &e.forms[1].nodes;
        assert_eq!(nodes[6], Node::Literal("dpd".into()));
        assert!(matches!(&nodes[7], Node::Optional(inner) if inner.len() == 3));
        assert!(
            matches!(&e.forms[0].nodes[6], Node::Optional(inner) if matches!(&inner[0], Node::Option { key, .. } if key == "down"))
        );
    }

    #[test]
    fn glued_brackets_and_ellipsis() {
        let params = vec![parse_param("p word").unwrap()];
        let nodes = parse_form("x [<p>...]", &params).unwrap();
        assert_eq!(
            nodes[1],
            Node::Optional(vec![Node::Repeat(Box::new(Node::Param(0)))])
        );
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse_file("f.rtxg", "command a\n  form a <x>\n", 0).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("<x>"), "{err}");
        let err = parse_file("f.rtxg", "  form a\n", 0).unwrap_err();
        assert_eq!(err.line, 1);
    }
}
