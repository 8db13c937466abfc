## syntax-error

rule-summary-syntax-error = a line cannot be read: an unterminated quote, or a heredoc without its end line
