//! Which models have a command, and since which firmware: what each source of the catalogue
//! can say for each model.
//!
//! The catalogue's sources do not cover every model alike. Command Reference 12.01 is complete
//! for the current models: a command it does not list for one of them is absent. For older
//! models only partial sources exist (see `grammar/README.md`): Yamaha's 2016 common manual,
//! which lists RTX810 and RTX1200 commands but lost every syntax line without a parameter, and
//! the NVR500 Rev.11.00.28 reference, complete for that model at that firmware. So for an older
//! model a command is present (the source lists it), *unlisted* (a source that covers the
//! model does not list it: likely newer than the model's firmware, but not proof), or unknown.

use super::model::Entry;
use crate::Revision;

/// The models Command Reference 12.01 describes, as the catalogue names them. It lists every
/// command of these, so a command not listed for one of them does not exist on it.
pub const REFERENCE_MODELS: &[&str] = &[
    "vrx", "rtx5000", "rtx3510", "rtx3500", "rtx1300", "rtx1220", "rtx1210", "rtx840", "rtx830",
];

/// Older Yamaha models still common in the field, which a config may name (`--model
/// RTX1200`, a `show config` header) and of which the catalogue knows what its sources say.
///
/// Those with per-command facts come first (the order `rtxlint doc` lists them in).
pub const OLDER_MODELS: &[&str] = &[
    "rtx810", "rtx1200", "nvr500", "nvr510", "nvr700w", "rtx3000", "rtx1500", "rtx1100", "rtx820",
    "rtx800", "fwx120", "srt100", "rt107e", "rt58i", "rt57i",
];

/// What is known of one model's commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// Command Reference 12.01: every command of the model is listed.
    Reference,
    /// Yamaha's 2016 common manual (RTX810, RTX1200): every command that takes a parameter
    /// is listed; commands without one were lost from the source.
    ParameterLines,
    /// A full reference of one firmware revision (NVR500 Rev.11.00.28): a later firmware may
    /// have added commands.
    OneRevision(&'static str),
    /// Only some commands are known to be present (NVR510, NVR700W), or none (RTX1100, ...).
    Partial,
}

impl Coverage {
    /// What is known of `model`'s commands.
    pub fn of(model: &str) -> Coverage {
        match model {
            m if REFERENCE_MODELS.contains(&m) => Coverage::Reference,
            "rtx810" | "rtx1200" => Coverage::ParameterLines,
            "nvr500" => Coverage::OneRevision("Rev.11.00.28"),
            _ => Coverage::Partial,
        }
    }

    /// The source, for messages and `rtxlint doc`.
    /// A stable name of [`Coverage::source`], for views that say it in another language:
    /// `reference`, `manual-2016`, `nvr500` or `partial`.
    pub fn source_key(self) -> &'static str {
        match self {
            Coverage::Reference => "reference",
            Coverage::ParameterLines => "manual-2016",
            Coverage::OneRevision(_) => "nvr500",
            Coverage::Partial => "partial",
        }
    }

    pub fn source(self) -> &'static str {
        match self {
            Coverage::Reference => "Command Reference 12.01",
            Coverage::ParameterLines => "Yamaha's 2016 common manual",
            Coverage::OneRevision(_) => "the NVR500 Rev.11.00.28 reference",
            Coverage::Partial => "commands seen in real configs and feature tables",
        }
    }

    /// Whether some source lists commands of `model` one by one (so that its lines can be
    /// checked at all).
    pub fn has_facts(model: &str) -> bool {
        !matches!(Coverage::of(model), Coverage::Partial) || matches!(model, "nvr510" | "nvr700w")
    }
}

/// Whether a model has a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    /// The model has it; from this firmware revision on, when that is known.
    Present { since: Option<Revision> },
    /// The model's complete reference does not list it.
    Absent,
    /// A source that covers the model does not list it: it is likely newer than the
    /// model's firmware, but the source is not complete enough to say it is absent.
    Unlisted,
    /// Nothing is known.
    Unknown,
}

/// The first firmware revision of a model that has a command, or one of its keywords
/// (`since rtx810 Rev.11.01.23 l2tpv3` on `tunnel encapsulation`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Since {
    pub model: String,
    pub revision: Revision,
    /// The keyword this revision is for; `None`: the command itself.
    pub keyword: Option<String>,
}

impl Entry {
    /// Whether `model` (as the catalogue spells it: `rtx810`) has this command.
    pub fn availability(&self, model: &str) -> Availability {
        let listed =
            self.models.iter().any(|m| m == model) || self.older.iter().any(|m| m == model);
        let since = self.first_revision(model, None);
        if listed || since.is_some() {
            return Availability::Present { since };
        }
        match Coverage::of(model) {
            Coverage::Reference => Availability::Absent,
            Coverage::ParameterLines if self.takes_parameters() => Availability::Unlisted,
            Coverage::OneRevision(_) => Availability::Unlisted,
            _ => Availability::Unknown,
        }
    }

    /// The first revision of `model` that has this command's `keyword` (`None`: the command
    /// itself), when known.
    pub fn first_revision(&self, model: &str, keyword: Option<&str>) -> Option<Revision> {
        self.since
            .iter()
            .find(|s| s.model == model && s.keyword.as_deref() == keyword)
            .map(|s| s.revision)
    }

    /// Whether every positive form needs a parameter. A source that lost its parameterless
    /// syntax lines says nothing of a command that has one (`login password`, whose password
    /// is optional, is written `login password` in the reference).
    pub fn takes_parameters(&self) -> bool {
        !self.forms.is_empty() && self.forms.iter().all(|f| needs_parameter(&f.text))
    }

    /// Whether some current model (of Command Reference 12.01) has the command.
    pub fn on_current_models(&self) -> bool {
        self.models
            .iter()
            .any(|m| REFERENCE_MODELS.contains(&m.as_str()))
    }

    /// Every model known to have the command: the current ones first, then the older ones.
    pub fn present_on(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let named = self.models.iter().chain(&self.older).map(String::as_str);
        let dated = self.since.iter().filter(|s| s.keyword.is_none());
        for model in named.chain(dated.map(|s| s.model.as_str())) {
            if !out.contains(&model) {
                out.push(model);
            }
        }
        out
    }
}

/// Whether a form's required part (outside `[...]`) names a parameter.
fn needs_parameter(form: &str) -> bool {
    let mut depth = 0usize;
    let mut in_param = false;
    for c in form.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '<' if depth == 0 => in_param = true,
            _ => {}
        }
    }
    in_param
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;

    fn entry<'c>(catalogue: &'c Catalogue, name: &str) -> &'c Entry {
        catalogue
            .entries()
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("`{name}` is in the catalogue"))
    }

    #[test]
    fn current_models_have_what_the_reference_lists_and_nothing_else() {
        let c = Catalogue::bundled();
        let e = entry(c, "ipsec ike keepalive use");
        assert_eq!(
            e.availability("rtx830"),
            Availability::Present { since: None }
        );
        let map_e = entry(c, "tunnel map-e type");
        assert!(!map_e.models.is_empty());
        for m in REFERENCE_MODELS {
            if !map_e.models.iter().any(|x| x == m) {
                assert_eq!(map_e.availability(m), Availability::Absent, "{m}");
            }
        }
    }

    #[test]
    fn the_2016_manual_says_nothing_of_commands_without_parameters() {
        let c = Catalogue::bundled();
        // Lost from the 2016 manual with every parameterless line: not "unlisted".
        assert_eq!(
            entry(c, "login password").availability("rtx810"),
            Availability::Unknown
        );
        assert_eq!(
            entry(c, "administrator password").availability("rtx1200"),
            Availability::Unknown
        );
        assert_eq!(
            entry(c, "tunnel map-e type").availability("rtx810"),
            Availability::Unlisted
        );
        assert_eq!(
            entry(c, "ipsec ike pre-shared-key").availability("rtx810"),
            Availability::Present { since: None }
        );
    }

    #[test]
    fn older_models_know_when_a_feature_came() {
        let c = Catalogue::bundled();
        let e = entry(c, "tunnel encapsulation");
        let rev = |s: &str| s.parse::<Revision>().unwrap();
        assert_eq!(
            e.first_revision("rtx810", Some("l2tpv3")),
            Some(rev("11.01.23"))
        );
        assert_eq!(
            e.first_revision("rtx810", Some("l2tp")),
            Some(rev("11.01.04"))
        );
        assert_eq!(
            entry(c, "l2tp service").availability("nvr500"),
            Availability::Present {
                since: Some(rev("11.00.36"))
            }
        );
    }

    #[test]
    fn nvr_commands_are_present_on_the_nvr_family_where_the_facts_say_so() {
        let c = Catalogue::bundled();
        let e = entry(c, "analog use");
        assert!(!e.on_current_models());
        assert_eq!(
            e.availability("nvr500"),
            Availability::Present { since: None }
        );
        assert_eq!(e.availability("rtx830"), Availability::Absent);
        assert_eq!(e.availability("rtx1100"), Availability::Unknown);
        assert_eq!(e.availability("rtx810"), Availability::Unlisted);
    }
}
