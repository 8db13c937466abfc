## `rtxlint --help`: the command line's help, by argument (cli-arg-NAME), subcommand
## (cli-cmd-NAME) and subcommand argument (cli-SUBCOMMAND-arg-NAME).

cli-about = Lint Yamaha RTX router configuration files.
cli-arg-paths = Files or directories to lint (directories are walked, honouring .gitignore and rtxlint.toml's include/exclude, skipping files that are not RTX configs); `-` reads standard input.
# not-glossary: severity
cli-arg-format = Output format: text (code frames with labels, help and fixes, and a summary line), json (one array of findings: file, code, name, severity, message, positions, help, labels, related places, fix), concise (one line per finding, `file:line:col: CODE [name] message`, for Vim's quickfix and Emacs' compilation mode; no summary), sarif (SARIF 2.1.0, for GitHub code scanning and other viewers: rules, results, fixes, fingerprints), github (GitHub Actions workflow commands, `::error file=...::message`, one per finding), gitlab (GitLab Code Quality report, JSON), junit (JUnit XML: a test suite per file, a failed test case per finding).
cli-arg-statistics = Instead of the findings, how many each rule found, most first: `COUNT  CODE  name (fixable N)` lines (N: findings with a safe fix) with `--format text`, an array of {"{"}code, name, count, fixable{"}"} with `--format json`; other formats are refused.
cli-arg-output-file = Write the report to this file instead of standard output (atomically: a temporary file in the same folder, renamed when complete). The exit status is unchanged. With `--fix -`, the findings go there instead of standard error.
cli-arg-model = The router model (e.g. RTX830, vRX; any case), overriding the config's `show config` header. An unknown model is an error.
cli-arg-select = Run only these rules, replacing rtxlint.toml's selection (its ignores too): rule names or codes, code prefixes (`RTX1`), groups (syntax, correctness, security, style) or `ALL`, comma separated. A more specific selector wins; at equal specificity an ignore wins.
cli-arg-ignore = Skip these rules too (selectors as for --select), after rtxlint.toml's selection.
cli-arg-extend-select = Run these rules too, on top of the selection (selectors as for --select).
cli-arg-extend-ignore = The same as --ignore (ruff's name for it).
cli-arg-severity = Findings below this severity are shown but do not make the exit status 1 (default: every finding does, unless rtxlint.toml sets `severity`).
cli-arg-exit-zero = Exit 0 even when findings are reported (2 still means a usage or input error).
cli-arg-verbose = Say more on standard error: each file a directory walk skips, and why.
cli-arg-config = Read settings from this file for every input instead of the `rtxlint.toml` nearest to each (searched from the file's folder upwards). --select replaces its selection, --model its model; --extend-select, --ignore and --extend-ignore apply after its selection.
cli-arg-peer = Check the configs against a cloud provider's configuration of the VPN: AWS's CustomerGatewayConfiguration XML, or `aws ec2 describe-vpn-connections` JSON (repeatable; adds to `[[vpn.peer]]` in rtxlint.toml).
cli-arg-isolated = Ignore every `rtxlint.toml`.
cli-arg-fix = Apply safe fixes. Only files whose content is an RTX config are written (a `show config` header, or mostly catalogue commands), atomically, keeping encoding, line ends and permissions. With `-`, the fixed text goes to stdout and the findings to stderr.
cli-arg-unsafe-fixes = With --fix or --diff, also apply unsafe fixes.
cli-arg-diff = Print the unified diff of the fixes instead of the findings, writing nothing (secrets masked). Exit status 1 when there is a diff.
cli-arg-show-fixes = With --fix: list on standard error, per file, how many findings of each rule the fixes removed.
cli-arg-baseline = Report only findings not recorded in this baseline file (overrides `baseline` in rtxlint.toml).
cli-arg-write-baseline = Record every current finding in this baseline file (replacing it: fixed findings drop out) instead of reporting them, and exit 0.
cli-arg-show-suppressed = Show the findings that `# rtxlint:` directives silence too, each marked with the directive's reason. They never change the exit status and are never fixed.
cli-arg-add-suppressions = Write a `# rtxlint: disable-next-line=RULE,...` comment line above every line that has findings, so that they are silenced (files only; the same files --fix would write). Prints how many directives each file got on stderr.
cli-arg-stdin-filename = Name to show for standard input; its settings are those of a file of that path (the nearest rtxlint.toml, its per-file ignores).
cli-arg-max-file-size = Read at most this much of any input, standard input and pipes included (bytes, or with K, M or G); a larger input is reported and not linted.
cli-arg-color = When to colour text output.
cli-arg-lang = The language of messages: ja or en (default: `lang` in rtxlint.toml, else the locale from LC_ALL, LC_MESSAGES or LANG, else English).
cli-cmd-rule = Print a rule's documentation, or list the rules.
cli-rule-arg-name = Rule name (`heartbeat-keepalive`) or code (`RTX102`).
cli-rule-arg-list = List every rule: code, name, severity, summary.
cli-cmd-doc = Print a command's documentation from the catalogue: summary, syntax, parameters, context, models, reference section.
cli-doc-arg-words = The command's keywords (`ipsec ike keepalive use`) or the start of a line (`ip lan1 address`).
cli-doc-arg-list = One line per catalogue entry: reference section, a tab, the syntax.
cli-cmd-format = Format configs as `show config` prints commands (indentation, spelling, quoting), keeping comments, blank lines, line ends and encoding. Files are rewritten in place; `-` formats standard input to standard output.
cli-format-arg-paths = Files or directories to format (directories are walked, honouring .gitignore).
cli-format-arg-check = Write nothing; exit 1 when a file would change.
cli-format-arg-diff = Write nothing; print the unified diff of what would change, exit 1 when there is one.
cli-format-arg-max-file-size = Read at most this much of any input (bytes, or with K, M or G).
cli-cmd-lsp = Run the language server (LSP over standard input and output) for editors.
cli-lsp-arg-stdio = Accepted for clients that pass it (vscode-languageclient does); stdio is the only transport.
cli-cmd-anonymize = Anonymise configs for posting: secrets become placeholders (the same secret the same placeholder), accounts, names, host names, e-mail addresses, phone numbers, MAC addresses and the serial number become pseudonyms of the same shape, public addresses are mapped keeping their prefixes, and descriptions and comments become neutral words. Everything else stays byte for byte; the result still lints the same.
cli-anonymize-arg-paths = Configs to anonymise (`-` or none: standard input). Several need --in-place or -o DIRECTORY.
cli-anonymize-arg-salt = The salt every mapping is keyed by: the same salt gives the same output (anonymise both ends of a VPN with one salt). Without --salt or --salt-file a random salt is used and printed on standard error.
cli-anonymize-arg-salt-file = Read the salt from the first line of this file.
cli-anonymize-arg-anonymize-private = Map private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) too; by default they stay, as do loopback, link-local, documentation and multicast ranges.
cli-anonymize-arg-keep-comments = Keep comments as written (their addresses, MAC addresses and secrets are still replaced).
cli-anonymize-arg-keep-descriptions = Keep descriptions and interface names as written.
cli-anonymize-arg-output = Write the result to this file (or, with several inputs, into this directory) instead of standard output.
cli-anonymize-arg-in-place = Rewrite the named files themselves (run it on copies).
cli-anonymize-arg-map-out = Write what was replaced by what (secrets excepted) to this JSON file, to translate an answer back with --reverse.
cli-anonymize-arg-reverse = Put the original values back into text someone sends back (the inputs, or standard input), from the map of --map.
cli-anonymize-arg-map = The map --map-out wrote.
cli-anonymize-arg-max-file-size = Read at most this much of any input (bytes, or with K, M or G).

cli-exit-status =
    Exit status:
      0  no findings (or only findings below --severity, or --exit-zero)
      1  findings reported (after --fix: findings left) at or above the --severity threshold
         (default: every finding counts, infos included)
      2  usage error (bad flag, unknown rule, selector or model, broken rtxlint.toml), or an input
         that could not be read (missing, unreadable, a device, larger than --max-file-size) or
         written by --fix; the other inputs are still linted
    Binary files (NUL bytes, or text in neither UTF-8 nor Shift_JIS) are skipped with a note on
    stderr and do not change the exit status; so are the files a directory walk finds that are not
    RTX configs (one line each with --verbose).
cli-format-exit-status =
    Exit status:
      0  formatted, or (--check, --diff) nothing would change
      1  (--check, --diff) some file would change
      2  usage error, or an input that could not be read or written
