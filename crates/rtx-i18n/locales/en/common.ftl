smoke = rtxlint

## Rule documentation (`rtxlint rule NAME`, docs/rules/)

# The line under a rule's title. $severity and $group are the rule's severity and group
# names as configuration spells them (error, warning, info; syntax, correctness, security,
# style); $summary is the rule's one-line summary.
rule-doc-header = Severity: { $severity }. Group: { $group }. { $summary }.
