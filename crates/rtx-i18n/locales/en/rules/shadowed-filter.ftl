## shadowed-filter

rule-summary-shadowed-filter = a filter of a secure filter list that the filters before it always decide first
