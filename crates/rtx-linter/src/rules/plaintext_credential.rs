//! `plaintext-credential`: login and administrator passwords written in clear, and SNMP
//! communities anyone can guess (`public`, `private`) on a router that answers SNMP.

use std::collections::HashMap;

use rtx_i18n::{Lang, tr};
use rtx_semantic::CommandRecord;
use rtx_syntax::{Document, Span, TypedCommand, Value};

use super::line_no;
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};

pub struct PlaintextCredential;

static META: RuleMeta = RuleMeta {
    code: "RTX119",
    name: "plaintext-credential",
    severity: Severity::Warning,
    group: RuleGroup::Security,
    docs: r#"## What it does
Reports credentials that the config itself gives away:

- `login password X` and `administrator password X`: the password in clear (the
  `... password encrypted X` forms hold what the router computed from it, and are fine);
- `login user NAME PASSWORD`: a user's password in clear (not `login user NAME encrypted
  ...`);
- an SNMPv1 or SNMPv2c read-only or read-write community named `public` or `private` (in
  any case), set by `snmp community read-only|read-write`, `snmpv2c community ...`, or on the
  `snmp host` / `snmpv2c host` line itself, and the read-only community `public` that the
  router uses when no line sets one. Communities count only where an `snmp host` (or
  `snmpv2c host`) line admits someone: the router answers SNMP from no host until one does
  (`none` is the default). A host line that names its own communities uses them; one that
  does not uses the `snmp community` settings.

A password or community that only stands in for one is not reported (nor `login user NAME
encrypted` cut short before its password): one mask character
repeated (`login user admin *`, as `show config` prints a user's password, or `xxxxxxxx`), a
bracketed placeholder (`<password>`), or a capitalised name (`PASSWORD`). The password and the
community are never shown in the finding.

## Why is this bad?
Anyone who sees this file can log in to the router or read (and with a read-write
community change) its configuration, because the file itself holds the credentials. Config
files travel far more widely than the router does (backups, tickets, chat, repositories), so
a credential written in clear should be treated as already leaked.

`public` and `private` are the first names every SNMP scanner tries. With them, whoever
reaches the router's SNMP reads its interfaces, routes and neighbours, and with a read-write
community rewrites them.

## Example
```
login password made-up-pass
administrator password made-up-admin
login user operator made-up-user-pass
snmp host 192.0.2.10
snmp community read-write private
```
The SNMP host also gets the default read-only community `public`.

## Use instead
```
login password encrypted *
administrator password encrypted *
login user operator encrypted *
snmp host 192.0.2.10
snmp community read-only made-up-ro-community
```
Set passwords on the console with `login password encrypted`, `administrator password
encrypted` and `login user NAME encrypted` (each asks for the password and keeps only what it
computes from it), choose long random community names (or use SNMPv3), and then change every
password the file gave away.

## Fix safety
No automatic fix: the encrypted form holds what the router computes from the password, which
only the router can compute; the password has to be entered on the console again, and, as
everyone who saw the file knows it, it should be a new one.
"#,
};

/// The commands this rule reads.
const READ: &[&str] = &[
    "login password",
    "administrator password",
    "login user",
    "snmp host",
    "snmp community read-only",
    "snmp community read-write",
    "snmpv2c host",
    "snmpv2c community read-only",
    "snmpv2c community read-write",
];

impl Rule for PlaintextCredential {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        let mut snmp = [Snmp::new("snmp"), Snmp::new("snmpv2c")];
        for command in model.commands_named(READ) {
            if !command.is_bound() {
                continue;
            }
            let Some(typed) = command.typed(cx.doc) else {
                continue;
            };
            let name = typed.entry.name.as_str();
            match name {
                "login password" | "administrator password" | "login user" => {
                    check_password(cx.lang(), cx.doc, &command, &typed, out);
                }
                _ => {
                    let family = usize::from(name.starts_with("snmpv2c"));
                    snmp[family].read(cx.doc, &command, &typed);
                }
            }
        }
        for family in &snmp {
            family.check(cx.lang(), out);
        }
    }
}

/// A password in clear on a `login password`, `administrator password` or `login user` line.
fn check_password(
    lang: Lang,
    doc: &Document,
    command: &CommandRecord,
    typed: &TypedCommand,
    out: &mut Vec<crate::Diagnostic>,
) {
    if typed.negated || typed.has_keyword("encrypted") {
        return;
    }
    let Some(password) = typed.arg("password") else {
        return;
    };
    let Value::Text(text) = &password.value else {
        return;
    };
    // `login user NAME encrypted` with nothing after binds `encrypted` as the password: a
    // line cut short, not a password (silence where unsure).
    if super::secret_stand_in(text) || text.eq_ignore_ascii_case(b"encrypted") {
        return;
    }
    let (message, encrypted) = match typed.entry.name.as_str() {
        "login user" => {
            let user = doc
                .line(command.line())
                .and_then(|l| l.command())
                .and_then(|c| {
                    let span = typed.arg("user")?.span;
                    let word = c.words().find(|w| w.span == span)?;
                    Some(crate::quote::word(&c, &word))
                })
                .unwrap_or_else(|| tr!(lang, "plaintext-credential-the-user").into_owned());
            (
                tr!(
                    lang,
                    "plaintext-credential-login-user",
                    user = user.as_str()
                ),
                format!("login user {user} encrypted"),
            )
        }
        "administrator password" => (
            tr!(lang, "plaintext-credential-administrator-password"),
            "administrator password encrypted".to_string(),
        ),
        _ => (
            tr!(lang, "plaintext-credential-login-password"),
            "login password encrypted".to_string(),
        ),
    };
    let mut d = META.diagnostic(
        message,
        Label::new(
            password.span,
            tr!(lang, "plaintext-credential-password-label"),
        ),
    );
    d.help = Some(tr!(
        lang,
        "plaintext-credential-password-help",
        command = encrypted
    ));
    out.push(d);
}

/// Whether a community name is one every scanner tries.
fn well_known(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"public") || name.eq_ignore_ascii_case(b"private")
}

/// A community set on a line: where its name stands, and whether it is well known.
#[derive(Clone, Copy, Debug)]
struct Community {
    span: Span,
    well_known: bool,
}

/// An `snmp host` line that admits someone (keyed by its host, as written, in
/// [`Snmp::index`]).
#[derive(Clone, Debug)]
struct Host {
    line: usize,
    span: Span,
    read_only: Option<Community>,
    read_write: Option<Community>,
}

/// What one SNMP version's lines set, in file order (the last line of each kind wins).
#[derive(Debug)]
struct Snmp {
    /// `snmp` or `snmpv2c`.
    prefix: &'static str,
    /// Host lines in file order; `None` where a later line for the same host replaced it.
    hosts: Vec<Option<Host>>,
    /// Where each host's line is in `hosts`: a config of many host lines stays linear.
    /// SipHash, not the model's FxHash: addresses that differ only in their last octets
    /// (10.0.0.1, 10.0.0.2, ...) share FxHash's low bits, and 50,000 of them took 30 s.
    index: HashMap<Value, usize>,
    read_only: Option<Community>,
    read_write: Option<Community>,
}

impl Snmp {
    fn new(prefix: &'static str) -> Snmp {
        Snmp {
            prefix,
            hosts: Vec::new(),
            index: HashMap::new(),
            read_only: None,
            read_write: None,
        }
    }

    fn read(&mut self, doc: &Document, command: &CommandRecord, typed: &TypedCommand) {
        let line = command.line();
        let community = |name: &str| {
            typed.arg(name).and_then(|a| match &a.value {
                Value::Text(text) => Some(Community {
                    span: a.span,
                    well_known: well_known(text),
                }),
                _ => None,
            })
        };
        let name = typed.entry.name.as_str();
        let kind = name.strip_prefix(self.prefix).unwrap_or(name).trim_start();
        match kind {
            "host" => {
                let host = typed.arg("host").map(|a| a.value.clone());
                let none = host
                    .as_ref()
                    .is_some_and(|h| h.as_keyword() == Some("none"));
                match host {
                    // `no snmp host`, `snmp host none`: nobody is admitted any more.
                    None => self.clear(),
                    Some(_) if none && !typed.negated => self.clear(),
                    Some(host) => {
                        // A later line for the same host replaces (or removes) it.
                        if let Some(at) = self.index.remove(&host) {
                            self.hosts[at] = None;
                        }
                        if !typed.negated && !none {
                            self.index.insert(host, self.hosts.len());
                            self.hosts.push(Some(Host {
                                line,
                                span: super::command_span(doc, line),
                                read_only: community("ro_community"),
                                read_write: community("rw_community"),
                            }));
                        }
                    }
                }
            }
            "community read-only" => {
                self.read_only = community("name").filter(|_| !typed.negated);
            }
            "community read-write" => {
                self.read_write = community("name").filter(|_| !typed.negated);
            }
            _ => {}
        }
    }

    fn clear(&mut self) {
        self.hosts.clear();
        self.index.clear();
    }

    /// The host lines in effect, in file order.
    fn admitted(&self) -> impl Iterator<Item = &Host> + Clone {
        self.hosts.iter().flatten()
    }

    fn check(&self, lang: Lang, out: &mut Vec<crate::Diagnostic>) {
        let Some(first_host) = self.admitted().next() else {
            return;
        };
        let p = self.prefix;
        let host_line = line_no(first_host.line);
        for host in self.admitted() {
            for (community, access) in [
                (host.read_only, "read-only"),
                (host.read_write, "read-write"),
            ] {
                if let Some(c) = community.filter(|c| c.well_known) {
                    out.push(community_finding(
                        lang,
                        c.span,
                        tr!(
                            lang,
                            "plaintext-credential-host-community",
                            prefix = p,
                            access = access
                        ),
                        access,
                        p,
                        None,
                        false,
                    ));
                }
            }
        }
        // The communities of the `snmp community` lines serve the hosts that name none.
        let read_only_served = self.admitted().find(|h| h.read_only.is_none());
        let read_write_served = self.admitted().any(|h| h.read_write.is_none());
        if let Some(host) = read_only_served {
            match self.read_only {
                Some(c) if c.well_known => out.push(community_finding(
                    lang,
                    c.span,
                    tr!(
                        lang,
                        "plaintext-credential-read-only",
                        prefix = p,
                        line = host_line
                    ),
                    "read-only",
                    p,
                    Some(host),
                    false,
                )),
                Some(_) => {}
                None => out.push(community_finding(
                    lang,
                    host.span,
                    tr!(lang, "plaintext-credential-default-community", prefix = p),
                    "read-only",
                    p,
                    None,
                    true,
                )),
            }
        }
        if read_write_served && let Some(c) = self.read_write.filter(|c| c.well_known) {
            out.push(community_finding(
                lang,
                c.span,
                tr!(
                    lang,
                    "plaintext-credential-read-write",
                    prefix = p,
                    line = host_line
                ),
                "read-write",
                p,
                self.admitted().find(|h| h.read_write.is_none()),
                false,
            ));
        }
    }
}

/// `default`: the finding is about the default read-only community no line replaces.
fn community_finding(
    lang: Lang,
    span: Span,
    message: std::borrow::Cow<'static, str>,
    access: &str,
    prefix: &str,
    host: Option<&Host>,
    default: bool,
) -> crate::Diagnostic {
    let label = if host.is_none() && default {
        tr!(lang, "plaintext-credential-default-label")
    } else {
        tr!(
            lang,
            "plaintext-credential-community-label",
            access = access
        )
    };
    let mut d = META.diagnostic(message, Label::new(span, label));
    if let Some(host) = host {
        d.secondary.push(Label::new(
            host.span,
            tr!(lang, "plaintext-credential-host-label"),
        ));
    }
    d.help = Some(tr!(
        lang,
        "plaintext-credential-community-help",
        prefix = prefix,
        access = access
    ));
    d
}

#[cfg(test)]
mod tests {
    use crate::{Diagnostic, Settings, lint};

    fn findings(src: &str) -> Vec<Diagnostic> {
        let settings = Settings {
            select: vec!["plaintext-credential".into()],
            ..Settings::default()
        };
        lint(&rtx_syntax::parse(src.as_bytes()), &settings)
    }

    fn lines(src: &str) -> Vec<usize> {
        let doc = rtx_syntax::parse(src.as_bytes());
        findings(src)
            .iter()
            .map(|d| doc.line_at(d.primary.span.start) + 1)
            .collect()
    }

    #[test]
    fn passwords_in_clear_and_not_their_stand_ins() {
        let src = "login password made-up-pass\nadministrator password made-up-admin\nlogin user operator made-up-user\nlogin user admin *\nlogin user netops encrypted kcrt4CrcOLr.bvmwqRorvDT1gAoIhzA/\nlogin password encrypted made-up-hash\nlogin password\nlogin user guest\nlogin user ops ********\n";
        assert_eq!(lines(src), [1, 2, 3]);
        for d in findings(src) {
            let shown = format!("{} {} {:?}", d.message, d.primary.message, d.help);
            assert!(!shown.contains("made-up"), "{shown}");
        }
    }

    #[test]
    fn many_host_lines_stay_linear_and_the_last_for_a_host_wins() {
        let mut src = String::new();
        for i in 0..50_000u32 {
            src.push_str(&format!(
                "snmp host 10.{}.{}.{} made-up-ro\n",
                i >> 16,
                (i >> 8) & 255,
                i & 255
            ));
        }
        // The first host again, now with no community of its own: the default applies to it.
        src.push_str("snmp host 10.0.0.0\n");
        assert_eq!(lines(&src), [50_001]);
    }

    #[test]
    fn communities_count_only_when_a_host_is_admitted() {
        // No host: the router answers no one.
        assert!(findings("snmp community read-only public\n").is_empty());
        assert!(findings("snmp host none\nsnmp community read-write private\n").is_empty());
        // A host, and no community line: the default `public`.
        let found = findings("snmp host 192.0.2.10\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("default"), "{}", found[0].message);
        // A host with a community of its own does not use the default.
        assert!(findings("snmp host 192.0.2.10 made-up-ro\n").is_empty());
        assert_eq!(lines("snmp host 192.0.2.10 public private\n").len(), 2);
        // The global communities serve the hosts that name none.
        assert_eq!(
            lines(
                "snmp host any\nsnmp community read-only Public\nsnmp community read-write private\n"
            ),
            [2, 3]
        );
        // SNMPv2c is its own family.
        assert_eq!(
            lines("snmpv2c host 192.0.2.10\nsnmp community read-only public\n"),
            [1]
        );
        // A later `no snmp host` removes the admission.
        assert!(findings("snmp host 192.0.2.10\nno snmp host\n").is_empty());
        // The community never appears.
        for d in findings("snmp host any public\nsnmp community read-write private\n") {
            let shown = format!("{} {} {:?}", d.message, d.primary.message, d.help);
            assert!(
                !shown.contains("public") && !shown.contains("private"),
                "{shown}"
            );
        }
    }
}
