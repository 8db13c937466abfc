smoke = rtxlint

## Rule documentation (`rtxlint rule NAME`, docs/rules/)

# The line under a rule's title. $severity and $group are the rule's severity and group
# names as configuration spells them (error, warning, info; syntax, correctness, security,
# style); $summary is the rule's one-line summary.
rule-doc-header = Severity: { $severity }. Group: { $group }. { $summary }.

## Words rule messages share

# How a message names a route.
route-default = the default route
# $destination: the route's prefix.
route-to = the route to { $destination }

# A long list of keywords, shown by its first. $keyword: that keyword, quoted.
keyword-such-as = a keyword such as { $keyword }
# $meant: what the user may have meant, listed (`a` or `b`).
did-you-mean = did you mean { $meant }?
# The fix that replaces a mistyped keyword. $word: as written; $keyword: the nearest keyword.
change-word-fix = change `{ $word }` to `{ $keyword }`
# A label on the header line that names the config's model.
config-is-for-model = the config is for { $model }
