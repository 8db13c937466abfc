//! Rule selection as ruff does it: selectors (`ALL`, a group, a code prefix, a rule's name or
//! code) in `select`, `extend-select`, `ignore` and `extend-ignore`, resolved into the set of
//! rules that run.
//!
//! Layers (the file, then the command line or the editor) are applied in turn, as ruff does:
//! a layer with a `select` starts from no rule (so `--select X` drops the file's whole
//! selection, its ignores included), one without starts from the rules the layer below
//! enabled. Within a layer, a more specific selector wins over a less specific one (`RTX102`
//! over `RTX1` over `security` over `ALL`), whichever list it is in, and at equal specificity
//! `ignore` wins; `ignore` and `extend-ignore` are the same list, and a rule no selector of the
//! layer names keeps the state the layer below gave it.

use rtx_i18n::{Lang, tr};

use crate::registry::RULES;
use crate::rule::RuleGroup;

/// Every group, for parsing and for the "did you mean" of a mistyped selector.
const GROUPS: [RuleGroup; 4] = [
    RuleGroup::Syntax,
    RuleGroup::Correctness,
    RuleGroup::Security,
    RuleGroup::Style,
];

/// One item of a selection list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selector {
    All,
    Group(RuleGroup),
    /// An upper-case code prefix (`RTX1`, `RTX10`) that is not a whole code.
    Prefix(String),
    /// A rule's name.
    Rule(&'static str),
}

impl Selector {
    /// Parses `ALL`, a group name, a rule name or code, or a code prefix (any case). An unknown
    /// selector is an error naming the nearest known one, in `lang`.
    pub fn parse(text: &str, lang: Lang) -> Result<Selector, String> {
        let trimmed = text.trim();
        if trimmed.eq_ignore_ascii_case("all") {
            return Ok(Selector::All);
        }
        if let Some(group) = GROUPS
            .iter()
            .find(|g| g.as_str().eq_ignore_ascii_case(trimmed))
        {
            return Ok(Selector::Group(*group));
        }
        if let Some(rule) = crate::rule_by_name(trimmed) {
            return Ok(Selector::Rule(rule.meta().name));
        }
        let upper = trimmed.to_ascii_uppercase();
        if !upper.is_empty() && RULES.iter().any(|r| r.meta().code.starts_with(&upper)) {
            return Ok(Selector::Prefix(upper));
        }
        Err(unknown(trimmed, lang))
    }

    /// How specific the selector is: a more specific one wins.
    fn specificity(&self) -> usize {
        match self {
            Selector::All => 0,
            Selector::Group(_) => 1,
            // `RTX` is as wide as a group, each digit narrows it.
            Selector::Prefix(p) => 1 + p.len().saturating_sub(3),
            Selector::Rule(_) => 10,
        }
    }

    pub(crate) fn matches(&self, rule: &crate::RuleMeta) -> bool {
        match self {
            Selector::All => true,
            Selector::Group(g) => rule.group == *g,
            Selector::Prefix(p) => rule.code.starts_with(p.as_str()),
            Selector::Rule(name) => rule.name == *name,
        }
    }
}

/// The message for a selector that names nothing, in `lang`: the nearest rule name, code or
/// group.
pub(crate) fn unknown(text: &str, lang: Lang) -> String {
    let lower = text.to_ascii_lowercase();
    let candidates = RULES
        .iter()
        .flat_map(|r| [r.meta().name, r.meta().code])
        .chain(GROUPS.iter().map(|g| g.as_str()))
        .chain(["ALL"]);
    let nearest = candidates
        .map(|c| (strsim::osa_distance(&c.to_ascii_lowercase(), &lower), c))
        .min();
    match nearest {
        Some((distance, name)) if distance <= text.len().max(3) / 2 + 1 => {
            tr!(
                lang,
                "selector-unknown-did-you-mean",
                text = text,
                name = name
            )
        }
        _ => tr!(lang, "selector-unknown", text = text),
    }
    .into_owned()
}

/// Parses a list of selectors; the first unknown one is an error, in `lang`.
pub fn parse_list(texts: &[String], lang: Lang) -> Result<Vec<Selector>, String> {
    texts.iter().map(|t| Selector::parse(t, lang)).collect()
}

/// Parses a `select` list. An empty one means every rule, as `select = []` always has in
/// rtxlint.toml and the editor settings (ruff would run none).
pub fn parse_select(texts: &[String], lang: Lang) -> Result<Vec<Selector>, String> {
    if texts.is_empty() {
        return Ok(vec![Selector::All]);
    }
    parse_list(texts, lang)
}

/// One layer's selection keys, over the layers below it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// `None`: start from what the layer below enabled (every rule, at the bottom).
    pub select: Option<Vec<Selector>>,
    pub extend_select: Vec<Selector>,
    pub ignore: Option<Vec<Selector>>,
    pub extend_ignore: Vec<Selector>,
    /// The layers below (the file's, under the command line's).
    pub below: Option<Box<Selection>>,
}

impl Selection {
    /// Whether the layer itself says anything.
    pub fn is_empty(&self) -> bool {
        self.select.is_none()
            && self.extend_select.is_empty()
            && self.ignore.is_none()
            && self.extend_ignore.is_empty()
    }

    /// `self` (a higher layer: the command line) over `base` (the file).
    pub fn over(&self, base: &Selection) -> Selection {
        Selection {
            below: Some(Box::new(base.clone())),
            ..self.clone()
        }
    }

    /// The names of the rules that run, in rule order.
    pub fn resolve(&self) -> Vec<&'static str> {
        let base: Vec<&'static str> = match (&self.select, &self.below) {
            (Some(_), _) => Vec::new(),
            (None, Some(below)) => below.resolve(),
            (None, None) => RULES.iter().map(|r| r.meta().name).collect(),
        };
        let selects: Vec<&Selector> = self
            .select
            .iter()
            .flatten()
            .chain(&self.extend_select)
            .collect();
        let ignores: Vec<&Selector> = self
            .ignore
            .iter()
            .flatten()
            .chain(&self.extend_ignore)
            .collect();
        RULES
            .iter()
            .map(|r| r.meta())
            .filter(|meta| {
                let best = |list: &[&Selector]| {
                    list.iter()
                        .filter(|s| s.matches(meta))
                        .map(|s| s.specificity())
                        .max()
                };
                match (best(&selects), best(&ignores)) {
                    (None, None) => base.contains(&meta.name),
                    (None, Some(_)) => false,
                    (Some(_), None) => true,
                    // At equal specificity the ignore wins.
                    (Some(s), Some(i)) => s > i,
                }
            })
            .map(|meta| meta.name)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(texts: &[&str]) -> Vec<Selector> {
        texts
            .iter()
            .map(|t| Selector::parse(t, Lang::En).unwrap())
            .collect()
    }

    #[test]
    fn selectors_parse_in_any_case() {
        assert_eq!(Selector::parse("all", Lang::En).unwrap(), Selector::All);
        assert_eq!(
            Selector::parse("Security", Lang::En).unwrap(),
            Selector::Group(RuleGroup::Security)
        );
        assert_eq!(
            Selector::parse("rtx102", Lang::En).unwrap(),
            Selector::Rule("heartbeat-keepalive")
        );
        assert_eq!(
            Selector::parse("rtx1", Lang::En).unwrap(),
            Selector::Prefix("RTX1".into())
        );
        let message = Selector::parse("heartbeat-keepalve", Lang::En).unwrap_err();
        assert!(message.contains("`heartbeat-keepalive`"), "{message}");
        let message = Selector::parse("securty", Lang::En).unwrap_err();
        assert!(message.contains("`security`"), "{message}");
        assert_eq!(
            Selector::parse("securty", Lang::Ja).unwrap_err(),
            "`securty` というルールまたは指定はありません。`security` のことではありませんか？（`rtxlint rule --list` を参照）"
        );
        assert_eq!(
            Selector::parse("securty", Lang::En).unwrap_err(),
            "unknown rule or selector `securty`: did you mean `security`? (see `rtxlint rule --list`)"
        );
        assert!(Selector::parse("RTX9", Lang::En).is_err());
        assert!(Selector::parse("", Lang::En).is_err());
    }

    #[test]
    fn the_more_specific_selector_wins_and_ignore_wins_ties() {
        let only = |s: Selection| s.resolve();
        let by_prefix = only(Selection {
            select: Some(sel(&["RTX1"])),
            ignore: Some(sel(&["RTX10"])),
            extend_select: sel(&["RTX102"]),
            ..Selection::default()
        });
        assert!(by_prefix.contains(&"heartbeat-keepalive"));
        assert!(!by_prefix.contains(&"tunnel-number-clash"));
        assert!(by_prefix.contains(&"weak-crypto"));
        assert!(!by_prefix.contains(&"syntax-error"));
        let tie = only(Selection {
            select: Some(sel(&["weak-crypto"])),
            ignore: Some(sel(&["RTX118"])),
            ..Selection::default()
        });
        assert!(tie.is_empty());
        // A wide ignore does not undo a narrow select.
        let narrow = only(Selection {
            ignore: Some(sel(&["ALL"])),
            extend_select: sel(&["security"]),
            ..Selection::default()
        });
        assert!(narrow.contains(&"weak-crypto") && !narrow.contains(&"syntax-error"));
        assert_eq!(only(Selection::default()).len(), RULES.len());
    }

    #[test]
    fn a_select_above_replaces_the_selection_below() {
        let file = Selection {
            select: Some(sel(&["security"])),
            ignore: Some(sel(&["weak-crypto"])),
            ..Selection::default()
        };
        let cli = Selection {
            select: Some(sel(&["weak-crypto"])),
            ..Selection::default()
        };
        assert_eq!(cli.over(&file).resolve(), ["weak-crypto"]);
        let extend = Selection {
            extend_select: sel(&["heartbeat-keepalive"]),
            ..Selection::default()
        };
        let merged = extend.over(&file).resolve();
        assert!(merged.contains(&"heartbeat-keepalive") && !merged.contains(&"weak-crypto"));
        // A layer's ignores add to the file's; a wide select above wins over a narrow ignore
        // below.
        let more = Selection {
            ignore: Some(sel(&["management-exposed"])),
            ..Selection::default()
        };
        let merged = more.over(&file).resolve();
        assert!(!merged.contains(&"weak-crypto") && !merged.contains(&"management-exposed"));
        assert!(merged.contains(&"shadowed-filter"));
        let wide = Selection {
            extend_select: sel(&["security"]),
            ..Selection::default()
        };
        assert!(wide.over(&file).resolve().contains(&"weak-crypto"));
    }
}
