//! Commands of Yamaha models the catalogue does not cover (NVR500/510/700W voice and ISDN
//! commands, RTX810/RTX1200 firmware of the 2016 manual): such a line is not "no command of any
//! model", it is a command rtxlint cannot check. The list is facts (command words) from the
//! older references, kept in `older_models.tsv`.

use std::sync::OnceLock;

use rtx_syntax::Command;

/// The family of models a command path belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OlderFamily {
    /// NVR500 and its successors (NVR510, NVR700W): `analog ...`, `pstn ...`, `isdn ...`.
    Nvr,
    /// RTX810/RTX1200 firmware as the 2016 common manual describes it.
    Rtx2016,
}

impl OlderFamily {
    /// The models, for messages.
    pub fn models(self) -> &'static str {
        match self {
            OlderFamily::Nvr => "NVR500/NVR510/NVR700W",
            OlderFamily::Rtx2016 => "older RTX firmware (RTX810, RTX1200)",
        }
    }
}

fn heads() -> &'static [(OlderFamily, Vec<String>)] {
    static HEADS: OnceLock<Vec<(OlderFamily, Vec<String>)>> = OnceLock::new();
    HEADS.get_or_init(|| {
        include_str!("older_models.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (family, path) = l.split_once('\t')?;
                let family = match family {
                    "nvr" => OlderFamily::Nvr,
                    _ => OlderFamily::Rtx2016,
                };
                Some((family, path.split(' ').map(str::to_string).collect()))
            })
            .collect()
    })
}

/// The older family whose command `cmd` is, and how many of its words name that command.
pub fn older_command(cmd: &Command<'_>) -> Option<(OlderFamily, usize)> {
    let words: Vec<_> = cmd.words().take(8).collect();
    heads()
        .iter()
        .filter(|(_, path)| {
            path.len() <= words.len() && path.iter().zip(&words).all(|(k, w)| w.eq_keyword(k))
        })
        .max_by_key(|(_, path)| path.len())
        .map(|(family, path)| (*family, path.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nvr_voice_commands_are_known_to_be_nvr() {
        let doc = rtx_syntax::parse(b"analog arrive number display 1 on\nfoo bar\n");
        let found: Vec<_> = doc.commands().map(|c| older_command(&c)).collect();
        assert_eq!(found, [Some((OlderFamily::Nvr, 4)), None]);
    }
}
