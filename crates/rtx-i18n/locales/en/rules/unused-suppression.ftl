## unused-suppression

rule-summary-unused-suppression = a `# rtxlint:` directive silences nothing, or names a rule that does not exist

# A comment that starts with `# rtxlint:` but is no directive.
unused-suppression-malformed = this comment starts like an rtxlint directive but is none, so it silences nothing
unused-suppression-malformed-label = not a directive
unused-suppression-malformed-help = write `# rtxlint: disable-next-line=RULE[,RULE...] [reason]` (or `disable=`, `enable=`, `disable-file=`)
# $names: the rule names as written, quoted and listed (`a`, `b` and `c`).
unused-suppression-enable = `enable` of { $names } ends no `disable`
# $directive: the directive's kind as written (`disable-next-line`, `disable`, `disable-file`).
unused-suppression-unused = `{ $directive }` of { $names } silences no finding
# $count: how many names.
unused-suppression-unknown = { $names } { $count ->
        [one] is
       *[other] are
    } no rule's name or code
# Between the parts above when a directive has both kinds of name.
unused-suppression-separator = { "; " }
unused-suppression-unused-label = silences nothing
unused-suppression-unused-help = remove what silences nothing: the finding it was written for is gone
unused-suppression-unknown-label = unknown rule
unused-suppression-unknown-help = name rules by their names or codes (`rtxlint rule --list`), or `all`
unused-suppression-delete-fix = delete the directive
unused-suppression-remove-fix = remove { $names } from the directive
