//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// The exit status, as `--help` and the README tell it.
const EXIT_STATUS: &str = "\
Exit status:
  0  no findings
  1  findings reported (after --fix: findings left)
  2  usage error (bad flag, unknown rule or model, broken rtxlint.toml), or an input that could
     not be read (missing, unreadable, a device, larger than --max-file-size) or written by
     --fix; the other inputs are still linted
Binary files (NUL bytes, or text in neither UTF-8 nor Shift_JIS) are skipped with a note on
stderr and do not change the exit status.";

/// Lint Yamaha RTX router configuration files.
#[derive(Debug, Parser)]
#[command(
    name = "rtxlint",
    version,
    args_conflicts_with_subcommands = true,
    after_help = EXIT_STATUS
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files or directories to lint (directories are walked, honouring .gitignore); `-` reads
    /// standard input.
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// The router model (e.g. RTX830, vRX; any case), overriding the config's `show config`
    /// header. An unknown model is an error.
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

    /// Check the configs against a cloud provider's configuration of the VPN: AWS's
    /// CustomerGatewayConfiguration XML, or `aws ec2 describe-vpn-connections` JSON
    /// (repeatable; adds to `[[vpn.peer]]` in rtxlint.toml).
    #[arg(long, value_name = "FILE")]
    pub peer: Vec<PathBuf>,

    /// Ignore every `rtxlint.toml`.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,

    /// Apply safe fixes. Only files whose content is an RTX config are written (a `show config`
    /// header, or mostly catalogue commands), atomically, keeping encoding, line ends and
    /// permissions. With `-`, the fixed text goes to stdout and the findings to stderr.
    #[arg(long)]
    pub fix: bool,

    /// With --fix, also apply unsafe fixes.
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,

    /// Show the findings that `# rtxlint:` directives silence too, each marked with the
    /// directive's reason. They never change the exit status and are never fixed.
    #[arg(long)]
    pub show_suppressed: bool,

    /// Write a `# rtxlint: disable-next-line=RULE,...` comment line above every line that has
    /// findings, so that they are silenced (files only; the same files --fix would write).
    /// Prints how many directives each file got on stderr.
    #[arg(long, conflicts_with = "fix")]
    pub add_suppressions: bool,

    /// Name to show for standard input.
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,

    /// Read at most this much of any input, standard input and pipes included (bytes, or with
    /// K, M or G); a larger input is reported and not linted.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = crate::inputs::parse_size)]
    pub max_file_size: u64,

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
