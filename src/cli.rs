//! Command-line arguments.
//!
//! The help texts are messages, in every language rtxlint speaks: `cli-about`,
//! `cli-arg-NAME` for an argument, `cli-cmd-NAME` for a subcommand and
//! `cli-SUBCOMMAND-arg-NAME` for its arguments, `cli-exit-status` (`rtx-i18n`'s
//! `locales/LANG/cli-help.ftl`). [`command`] puts them on the parser.

use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use rtx_i18n::Lang;

#[derive(Debug, Parser)]
#[command(name = "rtxlint", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    pub paths: Vec<PathBuf>,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    #[arg(long)]
    pub statistics: bool,

    #[arg(long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,

    #[arg(long)]
    pub model: Option<String>,

    #[arg(long, value_delimiter = ',', value_name = "SELECTORS")]
    pub select: Vec<String>,

    #[arg(long, value_delimiter = ',', value_name = "SELECTORS")]
    pub ignore: Vec<String>,

    #[arg(long, value_delimiter = ',', value_name = "SELECTORS")]
    pub extend_select: Vec<String>,

    #[arg(long, value_delimiter = ',', value_name = "SELECTORS")]
    pub extend_ignore: Vec<String>,

    #[arg(long, value_enum, value_name = "LEVEL")]
    pub severity: Option<SeverityLevel>,

    #[arg(long)]
    pub exit_zero: bool,

    #[arg(short, long)]
    pub verbose: bool,

    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    #[arg(long, value_name = "FILE")]
    pub peer: Vec<PathBuf>,

    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,

    #[arg(long)]
    pub fix: bool,

    #[arg(long)]
    pub unsafe_fixes: bool,

    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    #[arg(long)]
    pub show_fixes: bool,

    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff", "baseline"])]
    pub write_baseline: Option<PathBuf>,

    #[arg(long)]
    pub show_suppressed: bool,

    #[arg(long, conflicts_with = "fix")]
    pub add_suppressions: bool,

    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,

    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = crate::inputs::parse_size)]
    pub max_file_size: u64,

    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<rtx_i18n::Lang>,
}

fn parse_lang(text: &str) -> Result<rtx_i18n::Lang, String> {
    Lang::parse(text).ok_or_else(|| {
        rtx_i18n::tr!(crate::language::ui(), "settings-unknown-lang", text = text).into_owned()
    })
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Rule {
        name: Option<String>,
        #[arg(long, conflicts_with = "name")]
        list: bool,
    },
    Doc {
        words: Vec<String>,
        #[arg(long, conflicts_with = "words")]
        list: bool,
    },
    Format {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long)]
        check: bool,
        #[arg(long)]
        diff: bool,
        #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = crate::inputs::parse_size)]
        max_file_size: u64,
    },
    Lsp {
        #[arg(long)]
        stdio: bool,
    },
    Anonymize(crate::anonymize_command::Args),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Concise,
    Sarif,
    Github,
    Gitlab,
    Junit,
}

impl Format {
    /// Whether the format identifies findings by their fingerprint (it then needs the
    /// document's lines after linting, which the others do not keep).
    pub fn needs_fingerprints(self) -> bool {
        matches!(self, Format::Sarif | Format::Gitlab)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SeverityLevel {
    Error,
    Warning,
    Info,
}

impl SeverityLevel {
    pub fn severity(self) -> rtx_linter::Severity {
        match self {
            SeverityLevel::Error => rtx_linter::Severity::Error,
            SeverityLevel::Warning => rtx_linter::Severity::Warning,
            SeverityLevel::Info => rtx_linter::Severity::Info,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The argument parser with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    Cli::command()
        .about(lang.text("cli-about").into_owned())
        .after_help(lang.text("cli-exit-status").into_owned())
        .mut_args(|arg| {
            let id = format!("cli-arg-{}", arg.get_id().as_str().replace('_', "-"));
            help(arg, lang, &id)
        })
        .mut_subcommands(|sub| {
            let name = sub.get_name().to_string();
            let sub = sub
                .about(lang.text(&format!("cli-cmd-{name}")).into_owned())
                .mut_args(|arg| {
                    let id = format!("cli-{name}-arg-{}", arg.get_id().as_str().replace('_', "-"));
                    help(arg, lang, &id)
                });
            if name == "format" {
                sub.after_help(lang.text("cli-format-exit-status").into_owned())
            } else {
                sub
            }
        })
}

/// `arg` with the help message `id`, when there is one (clap's own `--help` and `--version`
/// keep theirs).
fn help(arg: clap::Arg, lang: Lang, id: &str) -> clap::Arg {
    if lang.has(id) || Lang::En.has(id) {
        arg.help(lang.text(id).into_owned())
    } else {
        arg
    }
}
