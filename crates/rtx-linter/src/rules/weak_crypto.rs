//! `weak-crypto`: cryptography an IPsec gateway really negotiates that is weak: DES and 3DES,
//! MD5, Diffie-Hellman groups below 2048 bits, ESP without integrity, IKEv1 aggressive mode
//! with a pre-shared key, and short pre-shared keys.

use std::borrow::Cow;

use rtx_i18n::{Lang, tr};
use rtx_semantic::{Gateway, Model, ObjectKind, Site};
use rtx_syntax::{Document, TypedCommand, Value};

use super::{and_list, line_no};
use crate::diagnostic::{Label, Severity};
use crate::rule::{LintContext, Needs, Rule, RuleGroup, RuleMeta};
use crate::settings::WeakCryptoSettings;

pub struct WeakCrypto;

static META: RuleMeta = RuleMeta {
    code: "RTX118",
    name: "weak-crypto",
    severity: Severity::Warning,
    group: RuleGroup::Security,
    docs: r#"## What it does
Reads the IKE gateways that are in use (an `ipsec sa policy P G` names the gateway, and an
`ipsec tunnel P` or an `ipsec transport T P`, as L2TP/IPsec and L2TPv3/IPsec use, uses the
policy) and reports weak cryptography that the gateway really negotiates:

- IKE encryption `des-cbc` or `3des-cbc` (`ipsec ike encryption`), IKE hash `md5`
  (`ipsec ike hash`), and the Diffie-Hellman groups `modp768`, `modp1024` and `modp1536`
  (`ipsec ike group`; its second group, IKEv1's phase 2 group, only when `ipsec ike pfs G on`
  uses it, and never under IKEv2, which reads the first only);
- in the SA policy, ESP `des-cbc` or `3des-cbc`, `md5-hmac` (ESP or AH), and ESP with no
  HMAC at all (`ipsec sa policy P G esp aes-cbc`): every ESP cipher of the router is a CBC
  cipher, which needs an HMAC for integrity;
- IKEv1 aggressive mode with a pre-shared key: `ipsec ike local name` or `ipsec ike remote
  name` set on an IKEv1 gateway that has a pre-shared key;
- a pre-shared key shorter than 16 characters (the `text` form; bytes for the `0x` form).
  The key's length is compared, never shown; a key that only stands in for one (masked as
  `********` or `xxxxxxxx`, or a placeholder such as `<PSK>` or `YOUR_KEY`) is not measured.

What is negotiated depends on the gateway's role. A gateway that can start the exchange
(its `ipsec ike remote address` is an address or a name, not `any`) proposes its settings,
the router's defaults included: `ipsec ike encryption` is `3des-cbc` and `ipsec ike group`
`modp1024` until a line says otherwise, so such a gateway is reported for them. An IKEv1
responder (`ipsec ike remote address G any`, or no address) accepts whatever the peer
proposes and is judged, defaults and explicit settings alike, only when `ipsec ike
negotiate-strictly G on` makes it refuse anything else: until then its algorithm lines
decide nothing (the peer's config, which initiates, is where a weak proposal is reported).
An IKEv2 gateway proposes every algorithm the router supports unless `ipsec ike
proposal-limitation G on` limits it to its settings, so it is judged only with that line.
Aggressive mode and the key's length are reported whatever the role: a responder in
aggressive mode is the side that hands out a hash of its key.

A weakness a team has to keep (a peer that can do no better) is accepted in `rtxlint.toml`:

```toml
[weak-crypto]
min-pre-shared-key-length = 16   # 0 reports no key
allow = ["modp1024"]             # des-cbc, 3des-cbc, md5, md5-hmac, modp768, modp1024,
                                 # modp1536, esp-without-integrity, aggressive-mode
```

## Why is this bad?
A VPN protected by outdated cryptography can be decrypted or impersonated by an attacker
who records its traffic, so the confidentiality the tunnel promises is not there. The
settings reported here are the ones that standards bodies (IETF RFC 8221 and RFC 8247, NIST
SP 800-131A) have withdrawn for exactly that reason, and an audit will flag them.

DES keys are found by brute force; 3DES and DES use a 64-bit block, and a long-lived tunnel
repeats blocks often enough to leak plaintext (Sweet32, CVE-2016-2183). MD5 collides.
Diffie-Hellman groups below 2048 bits are within reach of precomputation (Logjam,
CVE-2015-4000). ESP that encrypts with CBC and checks no HMAC lets an attacker flip bits of
the traffic unnoticed. In IKEv1 aggressive mode the responder sends a hash of the
pre-shared key to anyone who asks, which can then be guessed offline (CVE-2002-1623), and a
short key is guessed quickly whichever the mode.

## Example
```
tunnel select 1
 ipsec tunnel 101
  ipsec sa policy 101 1 esp 3des-cbc md5-hmac
  ipsec ike pre-shared-key 1 text made-up
  ipsec ike remote address 1 198.51.100.1
 tunnel enable 1
```
The gateway proposes the default `3des-cbc` and `modp1024` for IKE, its SA policy uses 3DES
and MD5, and its key is 7 characters long.

## Use instead
```
tunnel select 1
 ipsec tunnel 101
  ipsec sa policy 101 1 esp aes256-cbc sha256-hmac
  ipsec ike encryption 1 aes256-cbc
  ipsec ike group 1 modp2048
  ipsec ike hash 1 sha256
  ipsec ike pre-shared-key 1 text made-up-but-long-random-key
  ipsec ike remote address 1 198.51.100.1
 tunnel enable 1
```
Use `aes-cbc` or `aes256-cbc`, `sha256` (and `sha256-hmac`), `modp2048`, a long random key,
and main mode (a fixed `ipsec ike remote address` instead of names) or IKEv2. Both ends
must be changed together.

## Fix safety
No automatic fix: the peer must be changed at the same time, or the tunnel stops coming
up.
"#,
};

impl Rule for WeakCrypto {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> Needs {
        Needs::Model
    }

    fn check(&self, cx: &LintContext<'_>, out: &mut Vec<crate::Diagnostic>) {
        let model = cx.model();
        let used = used_policies(model);
        if used.is_empty() {
            return;
        }
        let settings = &cx.settings.weak_crypto;
        let mut gateways: Vec<u32> = used
            .iter()
            .filter_map(|&p| model.policy(p))
            .map(|p| p.gateway)
            .collect();
        gateways.sort_unstable();
        gateways.dedup();
        let mut judged: Vec<(u32, bool)> = Vec::with_capacity(gateways.len());
        for g in gateways {
            let Some(gateway) = model.gateway(g) else {
                // No `ipsec ike ... G` line: no key, no peer address; nothing is negotiated
                // (`ipsec-no-initiator` and the policy rules say why).
                judged.push((g, false));
                continue;
            };
            let crypto = GatewayCrypto::read(cx.doc, model, gateway);
            let role = Role::of(gateway, &crypto);
            check_gateway(cx.lang(), gateway, &crypto, role, settings, out);
            judged.push((g, role.is_some()));
        }
        for p in used {
            let Some(policy) = model.policy(p) else {
                continue;
            };
            let role_judged = judged
                .binary_search_by_key(&policy.gateway, |j| j.0)
                .is_ok_and(|i| judged[i].1);
            if !role_judged {
                continue;
            }
            let Some(typed) = model
                .command_at(policy.site.line())
                .and_then(|c| c.typed(cx.doc))
            else {
                continue;
            };
            check_policy(
                cx.lang(),
                p,
                policy.gateway,
                policy.site,
                &typed,
                settings,
                out,
            );
        }
    }
}

/// The SA policies an `ipsec tunnel` or an `ipsec transport` uses, ascending.
fn used_policies(model: &Model) -> Vec<u32> {
    let mut used: Vec<u32> = model
        .tunnels()
        .filter_map(|t| t.policy.as_ref().map(|p| p.value))
        .chain(model.transports().iter().map(|t| t.policy))
        .collect();
    used.sort_unstable();
    used.dedup();
    used
}

/// An algorithm keyword where a line set it.
#[derive(Clone, Copy, Debug)]
struct Algorithm {
    name: &'static str,
    site: Site,
}

/// How long a pre-shared key is, as the config writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyLength {
    /// `text` form: its characters.
    Characters(usize),
    /// `0x` form: its bytes.
    Bytes(usize),
    /// Not the key: masked (`********`, `xxxxxxxx`) by `show config` or by whoever shared
    /// the file, or a template's placeholder (`<PSK>`, `(key)`, `YOUR_KEY`).
    NotShown,
}

/// What a gateway's lines say about its cryptography (the last line of each kind wins; a
/// `no` line restores the default).
#[derive(Debug, Default)]
struct GatewayCrypto {
    encryption: Option<Algorithm>,
    hash: Option<Algorithm>,
    group: Option<Algorithm>,
    group2: Option<Algorithm>,
    pfs: bool,
    /// `ipsec ike negotiate-strictly G on`.
    strictly: Option<Site>,
    /// `ipsec ike proposal-limitation G on`.
    limitation: Option<Site>,
    local_name: Option<Site>,
    remote_name: Option<Site>,
    key: Option<(Site, KeyLength)>,
}

/// The algorithm keywords of `ipsec ike encryption|hash|group` that a line's words are read
/// as; any other word leaves the line to the binder.
const KNOWN_ALGORITHMS: &[&str] = &[
    "des-cbc",
    "3des-cbc",
    "aes-cbc",
    "aes256-cbc",
    "md5",
    "sha",
    "sha256",
    "sha384",
    "sha512",
    "modp768",
    "modp1024",
    "modp1536",
    "modp2048",
];

/// The `ipsec ike ...` commands this rule reads.
const READ: &[&str] = &[
    "ipsec ike encryption",
    "ipsec ike hash",
    "ipsec ike group",
    "ipsec ike pfs",
    "ipsec ike negotiate-strictly",
    "ipsec ike proposal-limitation",
    "ipsec ike local name",
    "ipsec ike remote name",
    "ipsec ike pre-shared-key",
];

impl GatewayCrypto {
    /// Reads the gateway's own lines (its occurrences, `no` lines included, in file order).
    fn read(doc: &Document, model: &Model, gateway: &Gateway) -> GatewayCrypto {
        let mut crypto = GatewayCrypto::default();
        let mut lines: Vec<usize> = model
            .occurrences_of(ObjectKind::IkeGateway, gateway.id)
            .filter(|o| READ.contains(&o.command))
            .map(|o| o.site.line())
            .collect();
        lines.dedup();
        for line in lines {
            let Some(record) = model.command_at(line).filter(|c| c.is_bound()) else {
                continue;
            };
            let whole = Site::new(line, super::command_span(doc, line));
            // Most lines read from their words; binding a line again costs more than the
            // rest of the rule on a hub with thousands of gateways.
            if crypto.apply_words(doc, &record, whole) {
                continue;
            }
            let Some(typed) = record.typed(doc) else {
                continue;
            };
            crypto.apply(whole, &typed);
        }
        crypto
    }

    /// Applies a bound line from its words, when they are the plain ones this reader knows
    /// (an algorithm keyword it lists, `on`/`off`, a `text` key); `false` leaves the line to
    /// [`GatewayCrypto::apply`].
    fn apply_words(
        &mut self,
        doc: &Document,
        record: &rtx_semantic::CommandRecord,
        whole: Site,
    ) -> bool {
        let Some(entry) = record.entry() else {
            return false;
        };
        let Some(command) = doc.line(whole.line()).and_then(|l| l.command()) else {
            return false;
        };
        let negated = record.is_negated();
        let name = entry.name.as_str();
        // The words after the command's name and the gateway number.
        let skip = name.split(' ').count() + usize::from(negated) + 1;
        let args: Vec<rtx_syntax::Word<'_>> = command.words().skip(skip).collect();
        let algorithm = |at: usize| -> Option<Option<Algorithm>> {
            let Some(word) = args.get(at) else {
                return Some(None);
            };
            let known = KNOWN_ALGORITHMS.iter().find(|k| word.eq_keyword(k))?;
            Some(Some(Algorithm {
                name: known,
                site: Site::new(whole.line(), word.span),
            }))
        };
        let on = args.iter().any(|w| w.eq_keyword("on"));
        match name {
            "ipsec ike encryption" | "ipsec ike hash" if !negated => {
                let Some(found) = algorithm(0) else {
                    return false;
                };
                if name == "ipsec ike encryption" {
                    self.encryption = found;
                } else {
                    self.hash = found;
                }
            }
            "ipsec ike group" if !negated => {
                let (Some(first), Some(second)) = (algorithm(0), algorithm(1)) else {
                    return false;
                };
                self.group = first;
                self.group2 = second;
            }
            "ipsec ike pfs" => self.pfs = !negated && on,
            "ipsec ike negotiate-strictly" => self.strictly = (!negated && on).then_some(whole),
            "ipsec ike proposal-limitation" => {
                self.limitation = (!negated && on).then_some(whole);
            }
            "ipsec ike local name" => self.local_name = (!negated).then_some(whole),
            "ipsec ike remote name" => self.remote_name = (!negated).then_some(whole),
            "ipsec ike pre-shared-key" if !negated => {
                // `text KEY`: its characters. (The hex form is left to the binder.)
                let (Some(form), Some(key), None) = (args.first(), args.get(1), args.get(2)) else {
                    return false;
                };
                if !form.eq_keyword("text") {
                    return false;
                }
                let text = key.value();
                let length = if super::secret_stand_in(&text) {
                    KeyLength::NotShown
                } else {
                    KeyLength::Characters(
                        std::str::from_utf8(&text).map_or(text.len(), |t| t.chars().count()),
                    )
                };
                self.key = Some((whole, length));
            }
            _ => return false,
        }
        true
    }

    /// Applies one line; `line` is its whole command.
    fn apply(&mut self, line: Site, typed: &TypedCommand) {
        let site = |span| Site::new(line.line(), span);
        let keyword = |name: &str| {
            typed
                .arg(name)
                .and_then(|a| Some((a.value.as_keyword()?, a.span)))
        };
        let algorithm = |name: &str| {
            keyword(name).map(|(name, span)| Algorithm {
                name,
                site: site(span),
            })
        };
        // `ipsec ike pfs G on`, `... negotiate-strictly G on`: the switch's name varies.
        let on = || {
            typed
                .args
                .iter()
                .any(|a| a.value.as_keyword() == Some("on"))
        };
        let whole = || line;
        let negated = typed.negated;
        match typed.entry.name.as_str() {
            "ipsec ike encryption" => {
                self.encryption = algorithm("algorithm").filter(|_| !negated);
            }
            "ipsec ike hash" => self.hash = algorithm("algorithm").filter(|_| !negated),
            "ipsec ike group" => {
                self.group = algorithm("group").filter(|_| !negated);
                self.group2 = algorithm("group2").filter(|_| !negated);
            }
            "ipsec ike pfs" => self.pfs = !negated && on(),
            "ipsec ike negotiate-strictly" => {
                self.strictly = (!negated && on()).then(whole);
            }
            "ipsec ike proposal-limitation" => {
                self.limitation = (!negated && on()).then(whole);
            }
            "ipsec ike local name" => self.local_name = (!negated).then(whole),
            "ipsec ike remote name" => self.remote_name = (!negated).then(whole),
            "ipsec ike pre-shared-key" => {
                self.key = (!negated)
                    .then(|| key_length(typed).map(|length| (whole(), length)))
                    .flatten();
            }
            _ => {}
        }
    }
}

/// The length of the key a `ipsec ike pre-shared-key` line sets. The key itself goes no
/// further than this function.
fn key_length(typed: &TypedCommand) -> Option<KeyLength> {
    match typed.value("text").or_else(|| typed.value("key"))? {
        Value::Text(text) if super::secret_stand_in(text) => Some(KeyLength::NotShown),
        Value::Text(text) => Some(KeyLength::Characters(
            std::str::from_utf8(text).map_or(text.len(), |t| t.chars().count()),
        )),
        Value::Hex(bytes) => Some(KeyLength::Bytes(bytes.len())),
        _ => None,
    }
}

/// Why a gateway's proposal settings decide what it negotiates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// It can start the exchange: its remote address line is not `any`.
    Initiator(Site),
    /// IKEv1 `negotiate-strictly on`: it refuses what differs from its settings.
    Strict(Site),
    /// IKEv2 `proposal-limitation on`: it proposes its settings only.
    Limited(Site),
}

impl Role {
    /// `None` when the gateway's algorithm settings decide nothing: an IKEv1 responder that
    /// takes what the peer proposes, or an IKEv2 gateway that proposes every algorithm.
    fn of(gateway: &Gateway, crypto: &GatewayCrypto) -> Option<Role> {
        if gateway.ike_version() == 2 {
            return crypto.limitation.map(Role::Limited);
        }
        let initiates = gateway
            .remote_address
            .as_ref()
            .filter(|a| a.value.as_keyword() != Some("any"))
            .map(|a| a.site);
        initiates
            .map(Role::Initiator)
            .or(crypto.strictly.map(Role::Strict))
    }

    fn site(self) -> Site {
        match self {
            Role::Initiator(site) | Role::Strict(site) | Role::Limited(site) => site,
        }
    }

    /// How a default reaches the wire, for a message about gateway `g`.
    fn default_reason(self, lang: Lang, g: u32) -> String {
        let line = line_no(self.site().line());
        match self {
            Role::Initiator(_) => tr!(
                lang,
                "weak-crypto-reason-initiator",
                gateway = g,
                line = line
            ),
            Role::Strict(_) => tr!(lang, "weak-crypto-reason-strict", gateway = g, line = line),
            Role::Limited(_) => tr!(lang, "weak-crypto-reason-limited", gateway = g, line = line),
        }
        .into_owned()
    }

    fn label(self, lang: Lang) -> Cow<'static, str> {
        match self {
            Role::Initiator(_) => tr!(lang, "weak-crypto-initiator-label"),
            Role::Strict(_) => tr!(lang, "weak-crypto-strict-label"),
            Role::Limited(_) => tr!(lang, "weak-crypto-limited-label"),
        }
    }
}

/// Why an algorithm is weak, with the standard that says so, and what to use instead.
struct Weakness {
    why: Cow<'static, str>,
    instead: Cow<'static, str>,
}

fn weakness(lang: Lang, name: &str) -> Option<Weakness> {
    let aes = || tr!(lang, "weak-crypto-instead-aes");
    Some(match name {
        "des-cbc" => Weakness {
            why: tr!(lang, "weak-crypto-why-des-cbc"),
            instead: aes(),
        },
        "3des-cbc" => Weakness {
            why: tr!(lang, "weak-crypto-why-3des-cbc"),
            instead: aes(),
        },
        "md5" => Weakness {
            why: tr!(lang, "weak-crypto-why-md5"),
            instead: "sha256".into(),
        },
        "md5-hmac" => Weakness {
            why: tr!(lang, "weak-crypto-why-md5-hmac"),
            instead: "sha256-hmac".into(),
        },
        "modp768" => Weakness {
            why: tr!(lang, "weak-crypto-why-modp768"),
            instead: "modp2048".into(),
        },
        "modp1024" => Weakness {
            why: tr!(lang, "weak-crypto-why-modp1024"),
            instead: "modp2048".into(),
        },
        "modp1536" => Weakness {
            why: tr!(lang, "weak-crypto-why-modp1536"),
            instead: "modp2048".into(),
        },
        _ => return None,
    })
}

/// What an IKE setting is called in messages, and its command.
#[derive(Clone, Copy)]
enum Setting {
    Encryption,
    Hash,
    Group,
    Group2,
}

impl Setting {
    fn what(self, lang: Lang) -> Cow<'static, str> {
        match self {
            Setting::Encryption => tr!(lang, "weak-crypto-setting-encryption"),
            Setting::Hash => tr!(lang, "weak-crypto-setting-hash"),
            Setting::Group => tr!(lang, "weak-crypto-setting-group"),
            Setting::Group2 => tr!(lang, "weak-crypto-setting-group2"),
        }
    }

    /// The line that sets a strong value, for gateway `g`.
    fn strong_line(self, g: u32) -> String {
        match self {
            Setting::Encryption => format!("ipsec ike encryption {g} aes-cbc"),
            Setting::Hash => format!("ipsec ike hash {g} sha256"),
            Setting::Group | Setting::Group2 => format!("ipsec ike group {g} modp2048"),
        }
    }
}

fn check_gateway(
    lang: Lang,
    gateway: &Gateway,
    crypto: &GatewayCrypto,
    role: Option<Role>,
    settings: &WeakCryptoSettings,
    out: &mut Vec<crate::Diagnostic>,
) {
    let g = gateway.id;
    let version = gateway.ike_version();
    if let Some(role) = role {
        // The phase 2 group: IKEv1 with PFS only (IKEv2 reads the first group alone).
        let group2 = if version == 1 && crypto.pfs {
            crypto.group2
        } else {
            None
        };
        let explicit = [
            (Setting::Encryption, crypto.encryption),
            (Setting::Hash, crypto.hash),
            (Setting::Group, crypto.group),
            (Setting::Group2, group2),
        ];
        for (setting, algorithm) in explicit {
            let Some(algorithm) = algorithm else { continue };
            if settings.allows(algorithm.name) {
                continue;
            }
            let Some(weak) = weakness(lang, algorithm.name) else {
                continue;
            };
            let what = setting.what(lang);
            let mut d = META.diagnostic(
                tr!(
                    lang,
                    "weak-crypto",
                    gateway = g,
                    what = &*what,
                    algorithm = algorithm.name,
                    why = weak.why
                ),
                Label::new(
                    algorithm.site.span,
                    tr!(lang, "weak-crypto-label", what = &*what),
                ),
            );
            if let Role::Strict(site) | Role::Limited(site) = role {
                d.secondary
                    .push(Label::new(site.span, tr!(lang, "weak-crypto-kept-label")));
            }
            d.help = Some(tr!(
                lang,
                "weak-crypto-help",
                instead = weak.instead,
                line = setting.strong_line(g)
            ));
            out.push(d);
        }
        check_defaults(lang, g, crypto, role, settings, out);
    }
    check_aggressive_mode(lang, g, version, crypto, settings, out);
    check_key_length(lang, g, crypto, settings, out);
}

/// The router's weak defaults (`3des-cbc`, `modp1024`) where no line replaces them: one
/// finding per gateway, on the line that makes them count.
fn check_defaults(
    lang: Lang,
    g: u32,
    crypto: &GatewayCrypto,
    role: Role,
    settings: &WeakCryptoSettings,
    out: &mut Vec<crate::Diagnostic>,
) {
    let mut defaults: Vec<(Setting, &'static str)> = Vec::new();
    if crypto.encryption.is_none() {
        defaults.push((Setting::Encryption, "3des-cbc"));
    }
    if crypto.group.is_none() {
        defaults.push((Setting::Group, "modp1024"));
    }
    defaults.retain(|(_, name)| !settings.allows(name));
    if defaults.is_empty() {
        return;
    }
    // Which defaults: the encryption, the group, or both (in that order).
    let named = match defaults.as_slice() {
        [(Setting::Encryption, _)] => tr!(lang, "weak-crypto-default-encryption"),
        [(Setting::Group, _)] => tr!(lang, "weak-crypto-default-group"),
        _ => tr!(lang, "weak-crypto-default-both"),
    };
    let why: Vec<Cow<'static, str>> = defaults
        .iter()
        .filter_map(|(_, name)| weakness(lang, name).map(|w| w.why))
        .collect();
    let lines: Vec<String> = defaults
        .iter()
        .map(|(setting, _)| format!("`{}`", setting.strong_line(g)))
        .collect();
    let (why, lines) = match lang {
        Lang::En => (why.join("; "), and_list(lang, &lines)),
        Lang::Ja => (why.join("。"), and_list(lang, &lines)),
    };
    let mut d = META.diagnostic(
        tr!(
            lang,
            "weak-crypto-defaults",
            gateway = g,
            defaults = named,
            reason = role.default_reason(lang, g),
            why = why
        ),
        Label::new(role.site().span, role.label(lang)),
    );
    d.help = Some(tr!(
        lang,
        "weak-crypto-defaults-help",
        lines = lines,
        gateway = g
    ));
    out.push(d);
}

/// IKEv1 with an identity name: aggressive mode, with the key this gateway has.
fn check_aggressive_mode(
    lang: Lang,
    g: u32,
    version: u32,
    crypto: &GatewayCrypto,
    settings: &WeakCryptoSettings,
    out: &mut Vec<crate::Diagnostic>,
) {
    if version != 1 || settings.allows("aggressive-mode") {
        return;
    }
    let Some((key_site, _)) = crypto.key else {
        return;
    };
    let names: Vec<Site> = [crypto.local_name, crypto.remote_name]
        .into_iter()
        .flatten()
        .collect();
    let Some(&first) = names.first() else {
        return;
    };
    let mut d = META.diagnostic(
        tr!(lang, "weak-crypto-aggressive-mode", gateway = g),
        Label::new(first.span, tr!(lang, "weak-crypto-aggressive-mode-label")),
    );
    for other in &names[1..] {
        d.secondary.push(Label::new(
            other.span,
            tr!(lang, "weak-crypto-aggressive-mode-label"),
        ));
    }
    d.secondary.push(Label::new(
        key_site.span,
        tr!(lang, "weak-crypto-aggressive-mode-key-label"),
    ));
    d.help = Some(tr!(lang, "weak-crypto-aggressive-mode-help", gateway = g));
    out.push(d);
}

fn check_key_length(
    lang: Lang,
    g: u32,
    crypto: &GatewayCrypto,
    settings: &WeakCryptoSettings,
    out: &mut Vec<crate::Diagnostic>,
) {
    let min = settings.min_pre_shared_key_length;
    let Some((site, length)) = crypto.key else {
        return;
    };
    let (short, unit) = match length {
        KeyLength::Characters(n) => (n < min, "characters"),
        KeyLength::Bytes(n) => (n < min, "bytes"),
        KeyLength::NotShown => return,
    };
    if !short {
        return;
    }
    // The length is compared, never shown: a key's length helps whoever guesses it.
    let mut d = META.diagnostic(
        tr!(
            lang,
            "weak-crypto-short-key",
            gateway = g,
            min = min,
            unit = unit
        ),
        Label::new(
            site.span,
            tr!(lang, "weak-crypto-short-key-label", min = min, unit = unit),
        ),
    );
    d.help = Some(tr!(
        lang,
        "weak-crypto-short-key-help",
        min = min,
        unit = unit,
        gateway = g
    ));
    out.push(d);
}

/// One SA policy in use whose gateway's settings decide what is negotiated.
fn check_policy(
    lang: Lang,
    p: u32,
    g: u32,
    site: Site,
    typed: &TypedCommand,
    settings: &WeakCryptoSettings,
    out: &mut Vec<crate::Diagnostic>,
) {
    let esp = typed.has_keyword("esp");
    for name in ["esp_algorithm", "ah_algorithm"] {
        let Some(arg) = typed.arg(name) else { continue };
        let Some(algorithm) = arg.value.as_keyword() else {
            continue;
        };
        if settings.allows(algorithm) {
            continue;
        }
        let Some(weak) = weakness(lang, algorithm) else {
            continue;
        };
        let what = if name == "esp_algorithm" {
            tr!(lang, "weak-crypto-setting-esp-cipher")
        } else {
            tr!(lang, "weak-crypto-setting-integrity")
        };
        let mut d = META.diagnostic(
            tr!(
                lang,
                "weak-crypto-policy",
                policy = p,
                gateway = g,
                what = &*what,
                algorithm = algorithm,
                why = weak.why
            ),
            Label::new(arg.span, tr!(lang, "weak-crypto-label", what = &*what)),
        );
        d.help = Some(tr!(
            lang,
            "weak-crypto-policy-help",
            instead = weak.instead,
            policy = p,
            gateway = g
        ));
        out.push(d);
    }
    if esp && typed.arg("ah_algorithm").is_none() && !settings.allows("esp-without-integrity") {
        let cipher = typed.keyword("esp_algorithm").unwrap_or("aes-cbc");
        // The cipher, or the `esp` keyword when the cipher is the default.
        let span = typed
            .arg("esp_algorithm")
            .map(|a| a.span)
            .or_else(|| typed.keywords.iter().find(|k| k.0 == "esp").map(|k| k.1))
            .unwrap_or(site.span);
        let mut d = META.diagnostic(
            tr!(
                lang,
                "weak-crypto-no-integrity",
                policy = p,
                gateway = g,
                cipher = cipher
            ),
            Label::new(span, tr!(lang, "weak-crypto-no-integrity-label")),
        );
        d.help = Some(tr!(
            lang,
            "weak-crypto-no-integrity-help",
            policy = p,
            gateway = g,
            cipher = cipher
        ));
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::{Diagnostic, Settings, WeakCryptoSettings, lint};

    fn findings(src: &str, settings: &Settings) -> Vec<Diagnostic> {
        let settings = Settings {
            select: vec!["weak-crypto".into()],
            ..settings.clone()
        };
        lint(&rtx_syntax::parse(src.as_bytes()), &settings)
    }

    fn messages(src: &str) -> Vec<String> {
        findings(src, &Settings::default())
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    /// A tunnel using policy 1 of gateway 1 with `lines` added.
    fn tunnel(lines: &str) -> String {
        format!(
            "tunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp aes-cbc sha256-hmac\n  ipsec ike pre-shared-key 1 text made-up-long-key-0001\n{lines} tunnel enable 1\n"
        )
    }

    const STRONG: &str = "  ipsec ike encryption 1 aes-cbc\n  ipsec ike group 1 modp2048\n  ipsec ike hash 1 sha256\n";

    #[test]
    fn an_initiator_is_judged_by_its_defaults() {
        let found = messages(&tunnel("  ipsec ike remote address 1 198.51.100.1\n"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("defaults") && found[0].contains("3des-cbc"),
            "{found:?}"
        );
        assert!(found[0].contains("modp1024"), "{found:?}");
        let strong = format!("{STRONG}  ipsec ike remote address 1 198.51.100.1\n");
        assert!(messages(&tunnel(&strong)).is_empty());
    }

    #[test]
    fn a_responder_that_accepts_anything_is_not_judged_by_its_settings() {
        // Defaults alone: the peer proposes, this side accepts.
        assert!(messages(&tunnel("  ipsec ike remote address 1 any\n")).is_empty());
        // Explicit weak settings decide nothing either until negotiate-strictly is on.
        let weak = "  ipsec ike encryption 1 3des-cbc\n  ipsec ike remote address 1 any\n";
        assert!(messages(&tunnel(weak)).is_empty());
        let strict = format!("{weak}  ipsec ike negotiate-strictly 1 on\n");
        let found = messages(&tunnel(&strict));
        // The explicit 3DES, and the default group the strict responder insists on.
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().any(|m| m.contains("IKE encryption 3des-cbc")));
        assert!(
            found
                .iter()
                .any(|m| m.contains("defaults") && m.contains("modp1024"))
        );
    }

    #[test]
    fn ikev2_is_judged_only_with_proposal_limitation() {
        let v2 = "  ipsec ike version 1 2\n  ipsec ike hash 1 md5\n  ipsec ike remote address 1 198.51.100.1\n";
        assert!(messages(&tunnel(v2)).is_empty());
        let limited = format!("{v2}  ipsec ike proposal-limitation 1 on\n");
        let found = messages(&tunnel(&limited));
        assert!(
            found.iter().any(|m| m.contains("IKE hash md5")),
            "{found:?}"
        );
        assert!(found.iter().any(|m| m.contains("defaults")), "{found:?}");
    }

    #[test]
    fn the_second_group_counts_only_with_pfs() {
        let base = format!(
            "{}  ipsec ike group 1 modp2048 modp1024\n  ipsec ike remote address 1 198.51.100.1\n",
            "  ipsec ike encryption 1 aes-cbc\n"
        );
        assert!(messages(&tunnel(&base)).is_empty());
        let pfs = format!("{base}  ipsec ike pfs 1 on\n");
        let found = messages(&tunnel(&pfs));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("phase 2"), "{found:?}");
    }

    #[test]
    fn key_length_counts_characters_of_text_and_bytes_of_hex() {
        let with_key = |key: &str| {
            format!(
                "tunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp aes-cbc sha256-hmac\n{STRONG}  ipsec ike pre-shared-key 1 {key}\n  ipsec ike remote address 1 198.51.100.1\n tunnel enable 1\n"
            )
        };
        // 15 and 16 characters.
        assert_eq!(messages(&with_key("text abcdefghijklmno")).len(), 1);
        assert!(messages(&with_key("text abcdefghijklmnop")).is_empty());
        // 16 hex digits are 8 bytes; 32 are 16.
        let found = messages(&with_key("0x0123456789abcdef"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("16 bytes"), "{found:?}");
        assert!(messages(&with_key("0x0123456789abcdef0123456789abcdef")).is_empty());
        // A masked key, or a template's placeholder, is no key to measure.
        for stand_in in ["********", "xxxxxxxx", "<PSK>", "(key)", "PSK", "YOUR_KEY"] {
            assert!(
                messages(&with_key(&format!("text {stand_in}"))).is_empty(),
                "{stand_in}"
            );
        }
        // Lower-case and digits are a key, however short.
        assert_eq!(messages(&with_key("text psk")).len(), 1);
        // The length is compared, never shown, and the key never appears.
        let d = &findings(&with_key("text hunter2"), &Settings::default())[0];
        let shown = format!("{} {} {:?}", d.message, d.primary.message, d.help);
        assert!(
            !shown.contains("hunter2") && !shown.contains(" 7 "),
            "{shown}"
        );
    }

    #[test]
    fn aggressive_mode_is_reported_whatever_the_role() {
        let responder = "  ipsec ike remote name 1 branch\n  ipsec ike remote address 1 any\n";
        let found = messages(&tunnel(responder));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("aggressive mode"), "{found:?}");
        // IKEv2 names are identities, not aggressive mode.
        let v2 = format!("{responder}  ipsec ike version 1 2\n");
        assert!(messages(&tunnel(&v2)).is_empty());
    }

    #[test]
    fn esp_without_hmac_and_weak_policy_algorithms() {
        let src = format!(
            "tunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp 3des-cbc\n{STRONG}  ipsec ike pre-shared-key 1 text made-up-long-key-0001\n  ipsec ike remote address 1 198.51.100.1\n tunnel enable 1\n"
        );
        let found = messages(&src);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().any(|m| m.contains("ESP cipher 3des-cbc")));
        assert!(found.iter().any(|m| m.contains("no HMAC")));
    }

    #[test]
    fn unused_gateways_are_not_judged() {
        // Policy 2 is used by nothing.
        let src = "ipsec sa policy 2 2 esp des-cbc md5-hmac\nipsec ike encryption 2 des-cbc\nipsec ike remote address 2 198.51.100.2\n";
        assert!(messages(src).is_empty());
    }

    #[test]
    fn allowed_weaknesses_and_the_key_threshold_are_settings() {
        let src = tunnel("  ipsec ike remote address 1 198.51.100.1\n");
        let allow = Settings {
            weak_crypto: WeakCryptoSettings {
                allow: vec!["3des-cbc".into(), "modp1024".into()],
                ..WeakCryptoSettings::default()
            },
            ..Settings::default()
        };
        assert!(findings(&src, &allow).is_empty());
        let longer = Settings {
            weak_crypto: WeakCryptoSettings {
                min_pre_shared_key_length: 40,
                allow: vec!["3des-cbc".into(), "modp1024".into()],
            },
            ..Settings::default()
        };
        let found = findings(&src, &longer);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("shorter than 40"));
    }
}
