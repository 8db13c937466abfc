## wrapped-line

rule-summary-wrapped-line = a line is the continuation of the line before it, cut by a terminal's width

# $line: the line this one continues.
wrapped-line = this line continues line { $line }, which ends at a terminal's width: the router would read two broken lines
wrapped-line-label = continuation
wrapped-line-cut-label = cut here
wrapped-line-help = join it to line { $line }
wrapped-line-fix = join with line { $line }
