//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Lint Yamaha RTX router configuration files.
///
/// Exit status: 0 when nothing is reported, 1 when something is, 2 on a usage or I/O error.
#[derive(Debug, Parser)]
#[command(name = "rtxlint", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files or directories to lint (directories are walked, honouring .gitignore); `-` reads
    /// standard input.
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// The router model (e.g. RTX830), overriding the config's `show config` header.
    #[arg(long)]
    pub model: Option<String>,

    /// Run only these rules (names or codes, comma separated).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,

    /// Skip these rules (names or codes, comma separated).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// Read settings from this file instead of the nearest `rtxlint.toml` (searched from the
    /// current directory upwards). --select, --ignore and --model override its keys.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Ignore every `rtxlint.toml`.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,

    /// Apply safe fixes to the files.
    #[arg(long)]
    pub fix: bool,

    /// With --fix, also apply unsafe fixes.
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,

    /// Name to show for standard input.
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,

    /// When to colour text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a rule's documentation, or list the rules.
    Rule {
        /// Rule name (`heartbeat-keepalive`) or code (`RTX102`).
        name: Option<String>,
        /// List every rule: code, name, severity, summary.
        #[arg(long, conflicts_with = "name")]
        list: bool,
    },
    /// Print a command's documentation from the catalogue: summary, syntax, parameters, context,
    /// models, reference section.
    Doc {
        /// The command's keywords (`ipsec ike keepalive use`) or the start of a line (`ip lan1 address`).
        words: Vec<String>,
        /// One line per catalogue entry: reference section, a tab, the syntax.
        #[arg(long, conflicts_with = "words")]
        list: bool,
    },
    /// Run the language server (LSP over standard input and output) for editors.
    Lsp {
        /// Accepted for clients that pass it (vscode-languageclient does); stdio is the only
        /// transport.
        #[arg(long)]
        stdio: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
