## syntax-error

rule-summary-syntax-error = a line cannot be read: an unterminated quote, or a heredoc without its end line

syntax-error-quote = unterminated quote: the string runs to the end of the line
syntax-error-quote-help = close the quote, or escape a literal quote as \" or \'
# $terminator: the line that would end the heredoc (`EOF` in `<<EOF`).
syntax-error-heredoc = heredoc not closed: no line `{ $terminator }` ends it, so the rest of the file is data
syntax-error-heredoc-help = add the terminator on a line of its own after the data
syntax-error-label = here
