## Settings: rtxlint.toml, the selection flags, the editor's settings. Each message follows
## where it was found (`severity: `, `[rule-severity] NAME: `, `--model: `, a file's path).

# $text: the selector as the user wrote it; $name: the nearest known rule name, code or group.
selector-unknown = unknown rule or selector `{ $text }` (see `rtxlint rule --list`)
selector-unknown-did-you-mean = unknown rule or selector `{ $text }`: did you mean `{ $name }`? (see `rtxlint rule --list`)
# $name: a rule name or code as the user wrote it.
settings-unknown-rule = unknown rule `{ $name }` (see `rtxlint rule --list`)
# $known: the known models, as they print (`RTX830, vRX, ...`).
settings-unknown-model = unknown model `{ $name }` (known models: { $known })
settings-unknown-severity = unknown severity `{ $text }` (error, warning, info or hint)
settings-unknown-lang = unknown language `{ $text }` (en or ja)
settings-vpn-pair = [[vpn.pair]]: `{ $text }` is not `FILE:tunnel N`
# $known: the names `allow` takes.
settings-weak-crypto-allow = [weak-crypto] allow: unknown weakness `{ $name }` (known: { $known })
settings-docs-url-not-absolute = docs-url `{ $url }` is not an absolute URL (https://...)
settings-docs-url-no-rule = docs-url `{ $url }` names no rule: put `{"{"}name{"}"}` or `{"{"}code{"}"}` in it
settings-per-file-ignores-not-list = [per-file-ignores] `{ $glob }`: expected a list of rules

## The language server's notes about the editor's settings

# $reason: the JSON reader's words.
settings-editor-ignored = rtxlint settings ignored: { $reason }
# $problem: one of the messages above.
settings-editor-problem = rtxlint: settings: { $problem }
