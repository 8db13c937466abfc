## unescaped-special-character

rule-summary-unescaped-special-character = `#`, `?`, `|` or `>` stands unquoted in a command (a trailing comment, say)
