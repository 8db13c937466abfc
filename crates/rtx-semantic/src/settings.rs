//! What a command sets, so that two lines setting the same thing can be compared.
//!
//! Re-entering a setting replaces it on the router. Two lines set "the same thing" when they
//! have the same owner (a tunnel, an IKE gateway, an SA policy), the same command and the same
//! discriminating arguments (`ipsec ike duration ipsec-sa` and `... isakmp-sa` are two
//! settings). The value is the canonical text of the remaining arguments.

use std::io::Write;

use rtx_syntax::catalogue::ContextRule;
use rtx_syntax::{Context, TypedCommand, Value};

/// The object a setting belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SettingOwner {
    Tunnel(u32),
    IkeGateway(u32),
    SaPolicy(u32),
}

/// What a line sets and to which value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SettingKey {
    pub owner: SettingOwner,
    /// The command name and discriminating arguments (`ipsec ike duration ipsec-sa`).
    pub what: String,
    /// Canonical text of the other arguments; secrets included, so never print it.
    pub value: Vec<u8>,
}

/// Parameters that pick one of several settings of a command rather than give its value.
const DISCRIMINATORS: &[&str] = &["sa", "direction"];

/// The setting a command line makes, if it is a tunnel, gateway or SA policy setting.
pub fn setting_key(typed: &TypedCommand, context: Context) -> Option<SettingKey> {
    if typed.negated {
        return None;
    }
    let name = typed.entry.name.as_str();
    let owner = if name == "ipsec sa policy" {
        SettingOwner::SaPolicy(typed.u32("policy_id")?)
    } else if name.starts_with("ipsec ike ") {
        SettingOwner::IkeGateway(typed.u32("gateway_id")?)
    } else {
        let form_context = typed.entry.forms.get(typed.form).map(|f| f.context)?;
        match (form_context, context) {
            (ContextRule::Tunnel, Context::Tunnel(n)) => SettingOwner::Tunnel(n),
            _ => return None,
        }
    };
    let owner_arg = match owner {
        SettingOwner::SaPolicy(_) => typed.arg("policy_id"),
        SettingOwner::IkeGateway(_) => typed.arg("gateway_id"),
        SettingOwner::Tunnel(_) => None,
    };
    let mut what = name.to_string();
    let mut value = Vec::new();
    for arg in &typed.args {
        if owner_arg.is_some_and(|o| std::ptr::eq(o, arg)) {
            continue;
        }
        if DISCRIMINATORS.contains(&arg.name) {
            use std::fmt::Write;
            let _ = write!(what, " {}", arg.value);
            continue;
        }
        value.extend_from_slice(arg.name.as_bytes());
        value.push(b'=');
        // The canonical text, written in place (`canonical_bytes` would allocate it first).
        match &arg.value {
            Value::Text(_) => value.extend_from_slice(&arg.value.canonical_bytes()),
            other => {
                let _ = write!(value, "{other}");
            }
        }
        value.push(b' ');
    }
    for (keyword, _) in &typed.keywords {
        value.extend_from_slice(keyword.as_bytes());
        value.push(b' ');
    }
    Some(SettingKey { owner, what, value })
}
