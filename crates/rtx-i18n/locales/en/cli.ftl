## The CLI's text output (`--format text`)

# A fix under a finding's help. $applicability: safe or unsafe (as configuration spells it);
# $title: the fix's title.
text-fix = fix ({ $applicability }): { $title }
# One edit of a fix: where (line:column) and the config text it writes.
text-edit-insert = insert at { $line }:{ $column }: `{ $text }`
text-edit-replace = replace { $line }:{ $column } with `{ $text }`
text-docs = docs: rtxlint rule { $rule }
text-suppressed = suppressed by the directive on line { $line }
text-suppressed-because = suppressed by the directive on line { $line }: { $reason }
# The heading of a frame in another file (the other end of a VPN).
text-in-file = in { $file }

# The last line of text output.
summary-clean = { $files } { $files ->
        [one] file
       *[other] files
    } checked, no problems found
summary-findings = { $files } { $files ->
        [one] file
       *[other] files
    } checked: { $errors } error(s), { $warnings } warning(s), { $others } other finding(s)

## `rtxlint doc`: a command's page from the catalogue

doc-no-words = name a command (`rtxlint doc ipsec ike keepalive use`) or pass --list
doc-unknown = no command `{ $name }` in the catalogue (see `rtxlint doc --list`)
doc-prefix = `{ $name }` is not a command by itself; these commands start with it:
doc-not-in-reference = not in Command Reference 12.01
doc-section = Command Reference §{ $section }
doc-operational = An operation, not a setting: it does not belong in a config file.
doc-syntax = Syntax:
# $context: global, tunnel or pp.
doc-form-context = { $context } context
doc-parameters = Parameters:
doc-default = default { $value }
doc-secret = secret: masked in all output
# not-glossary: tunnel
doc-context = Context: { $context ->
        [tunnel] tunnel (after `tunnel select N`)
        [pp] pp (after `pp select N` or `pp select anonymous`)
       *[other] global (accepted anywhere)
    }
doc-models = Models:  { $models }
doc-seen = Seen in: { $source }
doc-license = Extended licences raise a number limit of this command on some models.
doc-keyword-models = `{ $keyword }` only on: { $models }
doc-examples = Examples:
doc-older-heading = Older models (unknown unless listed):
doc-older-from = from { $revision }
doc-older-yes = yes
# $source: the document that lists the model's commands.
doc-older-yes-in = yes ({ coverage-source })
doc-older-unlisted = not listed in { coverage-source } (not verifiable)
doc-older-keyword-from = `{ $keyword }` from { $revision }

# The document that lists an older model's commands ($source: reference, manual-2016,
# nvr500, partial).
coverage-source = { $source ->
        [reference] Command Reference 12.01
        [manual-2016] Yamaha's 2016 common manual
        [nvr500] the NVR500 Rev.11.00.28 reference
       *[other] commands seen in real configs and feature tables
    }

## Errors and notes on standard error ($file: a path or name as the user gave it; $reason:
## the operating system's or the parser's words)

error-no-files = no files given (try `rtxlint config.txt`, or `-` for standard input)
error-add-suppressions-stdin = --add-suppressions writes files: it cannot take standard input
error-unsafe-fixes-alone = --unsafe-fixes needs --fix or --diff
error-show-fixes-alone = --show-fixes needs --fix
error-statistics-format = --statistics works with --format text or json
error-report-not-written = { $file }: cannot write the report: { $reason }
error-no-such-file = { $file }: no such file or directory
error-is-directory = { $file }: is a directory
error-too-large = { $file }: too large: more than { $limit } bytes (see --max-file-size), not read
error-not-a-size = `{ $text }` is not a size (try 64M, 512K or a number of bytes)
error-not-written = { $file }: not written: { $reason }
error-not-regular = { $file }: not written: not a regular file
error-changed-since-read = { $file }: not written: the file changed since it was read
error-not-a-baseline = { $file }: not an rtxlint baseline: { $reason }
# $version: the file's format version; $supported: the one this rtxlint reads.
error-baseline-version = { $file }: baseline version { $version } (this rtxlint reads version { $supported })
error-not-aws = { $file }: not an AWS VPN configuration: { $reason }
skipped = { $file }: skipped: { $reason }
skip-malformed-utf16 = malformed UTF-16
skip-nul-characters = binary file (NUL characters)
skip-nul-bytes = binary file (NUL bytes)
skip-not-text = binary file (text in neither UTF-8 nor Shift_JIS)
baseline-recorded = { $file }: recorded { $count } { $count ->
        [one] finding
       *[other] findings
    }
baseline-hidden = { $count ->
        [one] { $count } finding accepted in the baseline is not shown
       *[other] { $count } findings accepted in the baseline are not shown
    }
diff-files = { $count } { $count ->
        [one] file
       *[other] files
    } would be changed by fixes
format-not-rtx = { $file }: not formatted: it does not look like an RTX config (no `show config` header, and most of its lines are not RTX commands)
format-summary = { $changed } { $changed ->
        [one] file
       *[other] files
    } reformatted, { $unchanged } { $unchanged ->
        [one] file
       *[other] files
    } left unchanged
format-summary-check = { $changed } { $changed ->
        [one] file
       *[other] files
    } would be reformatted, { $unchanged } { $unchanged ->
        [one] file
       *[other] files
    } left unchanged
error-not-a-file = { $file }: not a regular file (a device or socket), not read
error-no-rule = no rule named `{ $name }` (see `rtxlint rule --list`)
error-stdout = writing standard output: { $reason }
# $text: what the baseline file has where a fingerprint should be.
error-not-a-fingerprint = { $file }: `{ $text }` is not a fingerprint
walk-skipped-not-rtx = { $file }: skipped: not an RTX config (no `show config` header, and most of its lines are not RTX settings); name it on the command line to lint it
unsafe-fixes-left = { $file }: { $count } unsafe { $count ->
        [one] fix
       *[other] fixes
    } available; rerun with --unsafe-fixes to apply
baseline-stdin = { $file }: not recorded in the baseline: standard input has no path
suppressions-not-rtx = { $file }: no suppressions added: it does not look like an RTX config (no `show config` header, and most of its lines are not RTX commands)
suppressions-added = { $file }: added { $count } { $count ->
        [one] suppression
       *[other] suppressions
    }
fix-not-rtx = { $file }: not fixed: it does not look like an RTX config (no `show config` header, and most of its lines are not RTX commands)
fixes-applied = { $file }: applied { $count } { $count ->
        [one] fix
       *[other] fixes
    }
# `--show-fixes`: how many findings of one rule ($code, $rule) the fixes removed.
fixes-by-rule = { $file }: fixed { $count } × { $code } { $rule }
format-would-reformat = would reformat: { $file }
# JUnit: the test case of a file without findings.
junit-no-findings = no findings
sarif-documentation = Documentation: `{ $page }` in the rtxlint repository, or `rtxlint rule { $rule }`.

## rtxlint anonymize

# $salt: the random salt, in hexadecimal.
anonymize-random-salt = anonymize: no --salt given, so this run used the random salt { $salt } (pass `--salt { $salt }` to repeat it)
anonymize-salt-file = { $file }: cannot read the salt: { $reason }
anonymize-several-inputs = several inputs: write them with --in-place, or into a directory with -o DIRECTORY
anonymize-not-text = { $file }: not anonymised: { $reason }
anonymize-not-rtx = { $file }: not anonymised: it does not look like an RTX config (no `show config` header, and most of its lines are not RTX commands)
anonymize-map-unreadable = { $file }: not a map written by --map-out: { $reason }
