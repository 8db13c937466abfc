## wrapped-line

rule-summary-wrapped-line = a line is the continuation of the line before it, cut by a terminal's width
