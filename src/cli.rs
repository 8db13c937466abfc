//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// The exit status, as `--help` and the README tell it.
const EXIT_STATUS: &str = "\
Exit status:
  0  no findings (or only findings below --severity, or --exit-zero)
  1  findings reported (after --fix: findings left) at or above the --severity threshold
     (default: every finding counts, infos included)
  2  usage error (bad flag, unknown rule, selector or model, broken rtxlint.toml), or an input
     that could not be read (missing, unreadable, a device, larger than --max-file-size) or
     written by --fix; the other inputs are still linted
Binary files (NUL bytes, or text in neither UTF-8 nor Shift_JIS) are skipped with a note on
stderr and do not change the exit status; so are the files a directory walk finds that are not
RTX configs (one line each with --verbose).";

/// The exit status of `rtxlint format`.
const FORMAT_EXIT_STATUS: &str = "\
Exit status:
  0  formatted, or (--check, --diff) nothing would change
  1  (--check, --diff) some file would change
  2  usage error, or an input that could not be read or written";

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

    /// Files or directories to lint (directories are walked, honouring .gitignore and
    /// rtxlint.toml's include/exclude, skipping files that are not RTX configs); `-` reads
    /// standard input.
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Instead of the findings, how many each rule found, most first: `COUNT  CODE  name
    /// (fixable N)` lines (N: findings with a safe fix) with `--format text`, an array of
    /// {code, name, count, fixable} with `--format json`; other formats are refused.
    #[arg(long)]
    pub statistics: bool,

    /// Write the report to this file instead of standard output (atomically: a temporary file
    /// in the same folder, renamed when complete). The exit status is unchanged. With
    /// `--fix -`, the findings go there instead of standard error.
    #[arg(long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,

    /// The router model (e.g. RTX830, vRX; any case), overriding the config's `show config`
    /// header. An unknown model is an error.
    #[arg(long)]
    pub model: Option<String>,

    /// Run only these rules, replacing rtxlint.toml's selection (its ignores too): rule names
    /// or codes, code prefixes (`RTX1`), groups (syntax, correctness, security, style) or
    /// `ALL`, comma separated. A more specific selector wins; at equal specificity an ignore
    /// wins.
    #[arg(long, value_delimiter = ',', value_name = "SELECTORS")]
    pub select: Vec<String>,

    /// Skip these rules too (selectors as for --select), after rtxlint.toml's selection.
    #[arg(long, value_delimiter = ',', value_name = "SELECTORS")]
    pub ignore: Vec<String>,

    /// Run these rules too, on top of the selection (selectors as for --select).
    #[arg(long, value_delimiter = ',', value_name = "SELECTORS")]
    pub extend_select: Vec<String>,

    /// The same as --ignore (ruff's name for it).
    #[arg(long, value_delimiter = ',', value_name = "SELECTORS")]
    pub extend_ignore: Vec<String>,

    /// Findings below this severity are shown but do not make the exit status 1 (default:
    /// every finding does, unless rtxlint.toml sets `severity`).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub severity: Option<SeverityLevel>,

    /// Exit 0 even when findings are reported (2 still means a usage or input error).
    #[arg(long)]
    pub exit_zero: bool,

    /// Say more on standard error: each file a directory walk skips, and why.
    #[arg(short, long)]
    pub verbose: bool,

    /// Read settings from this file for every input instead of the `rtxlint.toml` nearest to
    /// each (searched from the file's folder upwards). --select replaces its selection, --model
    /// its model; --extend-select, --ignore and --extend-ignore apply after its selection.
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

    /// With --fix or --diff, also apply unsafe fixes.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the unified diff of the fixes instead of the findings, writing nothing (secrets
    /// masked). Exit status 1 when there is a diff.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    /// With --fix: list on standard error, per file, how many findings of each rule the fixes
    /// removed.
    #[arg(long)]
    pub show_fixes: bool,

    /// Report only findings not recorded in this baseline file (overrides `baseline` in
    /// rtxlint.toml).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record every current finding in this baseline file (replacing it: fixed findings drop
    /// out) instead of reporting them, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff", "baseline"])]
    pub write_baseline: Option<PathBuf>,

    /// Show the findings that `# rtxlint:` directives silence too, each marked with the
    /// directive's reason. They never change the exit status and are never fixed.
    #[arg(long)]
    pub show_suppressed: bool,

    /// Write a `# rtxlint: disable-next-line=RULE,...` comment line above every line that has
    /// findings, so that they are silenced (files only; the same files --fix would write).
    /// Prints how many directives each file got on stderr.
    #[arg(long, conflicts_with = "fix")]
    pub add_suppressions: bool,

    /// Name to show for standard input; its settings are those of a file of that path (the
    /// nearest rtxlint.toml, its per-file ignores).
    #[arg(long, default_value = "<stdin>")]
    pub stdin_filename: String,

    /// Read at most this much of any input, standard input and pipes included (bytes, or with
    /// K, M or G); a larger input is reported and not linted.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = crate::inputs::parse_size)]
    pub max_file_size: u64,

    /// When to colour text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// The language of messages: ja or en (default: `lang` in rtxlint.toml, else the locale
    /// from LC_ALL, LC_MESSAGES or LANG, else English).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<rtx_i18n::Lang>,
}

fn parse_lang(text: &str) -> Result<rtx_i18n::Lang, String> {
    text.parse()
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
    /// Format configs as `show config` prints commands (indentation, spelling, quoting), keeping
    /// comments, blank lines, line ends and encoding. Files are rewritten in place; `-` formats
    /// standard input to standard output.
    #[command(after_help = FORMAT_EXIT_STATUS)]
    Format {
        /// Files or directories to format (directories are walked, honouring .gitignore).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write nothing; exit 1 when a file would change.
        #[arg(long)]
        check: bool,
        /// Write nothing; print the unified diff of what would change, exit 1 when there is one.
        #[arg(long)]
        diff: bool,
        /// Read at most this much of any input (bytes, or with K, M or G).
        #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = crate::inputs::parse_size)]
        max_file_size: u64,
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
    /// Code frames with labels, help and fixes, and a summary line.
    Text,
    /// One array of findings: file, code, name, severity, message, positions, help, labels,
    /// related places, fix.
    Json,
    /// One line per finding, `file:line:col: CODE [name] message` (Vim's quickfix, Emacs'
    /// compilation mode); no summary.
    Concise,
    /// SARIF 2.1.0 (GitHub code scanning and other viewers): rules, results, fixes,
    /// fingerprints.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...::message`), one per finding.
    Github,
    /// GitLab Code Quality report (JSON).
    Gitlab,
    /// JUnit XML: a test suite per file, a failed test case per finding.
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
