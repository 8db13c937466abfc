//! Which interface a command applies to, from `tunnel select` / `pp select` only (FACTS §2).
//!
//! Indentation never changes the context: `show config` indents block lines, vendor templates
//! do not, and published files indent at random. A select command whose target cannot be read
//! (`tunnel select <id>`) is rejected by the router, so the context stays what it was.

use std::fmt;

/// The selected interface a command line is entered under.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Nothing selected (also after `tunnel select none`, `pp select none`, `no ... select`).
    #[default]
    Global,
    Tunnel(u32),
    Pp(u32),
    PpAnonymous,
}

impl Context {
    pub fn tunnel(self) -> Option<u32> {
        match self {
            Context::Tunnel(n) => Some(n),
            _ => None,
        }
    }

    pub fn is_pp(self) -> bool {
        matches!(self, Context::Pp(_) | Context::PpAnonymous)
    }
}

impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Context::Global => f.write_str("global"),
            Context::Tunnel(n) => write!(f, "tunnel {n}"),
            Context::Pp(n) => write!(f, "pp {n}"),
            Context::PpAnonymous => f.write_str("pp anonymous"),
        }
    }
}

/// The context a select command switches to, or `None` when the line is not a select command
/// (or one the router would reject).
pub(crate) fn selected_by(words: &[&[u8]]) -> Option<Context> {
    let eq = |w: &[u8], k: &str| w.eq_ignore_ascii_case(k.as_bytes());
    let (negated, words) = match words.split_first() {
        Some((first, rest)) if eq(first, "no") => (true, rest),
        _ => (false, words),
    };
    let [kind, select, rest @ ..] = words else {
        return None;
    };
    let is_tunnel = eq(kind, "tunnel");
    if !(is_tunnel || eq(kind, "pp")) || !eq(select, "select") {
        return None;
    }
    if negated {
        return Some(Context::Global);
    }
    let [target] = rest else { return None };
    if eq(target, "none") {
        return Some(Context::Global);
    }
    if !is_tunnel && eq(target, "anonymous") {
        return Some(Context::PpAnonymous);
    }
    if target.is_empty() || target.len() > 9 || !target.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n: u32 = std::str::from_utf8(target).ok()?.parse().ok()?;
    (n >= 1).then_some(if is_tunnel {
        Context::Tunnel(n)
    } else {
        Context::Pp(n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(line: &str) -> Option<Context> {
        let words: Vec<&[u8]> = line.split_whitespace().map(str::as_bytes).collect();
        selected_by(&words)
    }

    #[test]
    fn select_commands() {
        assert_eq!(sel("tunnel select 3"), Some(Context::Tunnel(3)));
        assert_eq!(sel("TUNNEL SELECT none"), Some(Context::Global));
        assert_eq!(sel("pp select anonymous"), Some(Context::PpAnonymous));
        assert_eq!(sel("pp select 1"), Some(Context::Pp(1)));
        assert_eq!(sel("no tunnel select"), Some(Context::Global));
        assert_eq!(sel("no pp select 4"), Some(Context::Global));
    }

    #[test]
    fn rejected_selects_and_other_commands() {
        assert_eq!(sel("tunnel select <id>"), None);
        assert_eq!(sel("tunnel select 0"), None);
        assert_eq!(sel("tunnel select anonymous"), None);
        assert_eq!(sel("tunnel select 1 2"), None);
        assert_eq!(sel("tunnel enable 1"), None);
    }
}
