## unescaped-special-character

rule-summary-unescaped-special-character = `#`, `?`, `|` or `>` stands unquoted in a command (a trailing comment, say)

# $character: the special character (`#`, `?`, `|` or `>`).
# not-glossary: line (the router's command line)
unescaped-special-character = `{ $character }` is special to the router's command line; in a value it must be escaped (`\{ $character }`) or quoted
unescaped-special-character-label = unescaped
unescaped-special-character-help = write `\{ $character }` or put the value in double quotes
unescaped-special-character-fix = escape it with a backslash
unescaped-special-character-comment = a `#` after a command is not a comment to the router: it becomes part of the command, which the router may reject
unescaped-special-character-comment-label = trailing comment
unescaped-special-character-comment-help = put the comment on its own line above the command
unescaped-special-character-comment-fix = move the comment above the command
