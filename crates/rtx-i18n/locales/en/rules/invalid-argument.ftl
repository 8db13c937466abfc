## invalid-argument

rule-summary-invalid-argument = a command's arguments do not fit its syntax: count, type, range or keyword

# $problem: one of the three messages below.
invalid-argument = { $problem }; the router rejects the line
# $word: the word as written; $command: the command's name; $expected: what fits there,
# listed (`on` or `off`, or keyword-such-as).
invalid-argument-keyword = unknown keyword `{ $word }` in `{ $command }`, expected { $expected }
invalid-argument-mismatch = `{ $word }` does not fit `{ $command }` here: expected { $expected }
invalid-argument-too-short = `{ $command }` ends too early: expected { $expected }
# What is expected when the line should end where it goes wrong.
invalid-argument-nothing-more = nothing more
# Worded by the catalogue's binder in English; used by the other languages.
invalid-argument-end-of-line = end of line
# Between the things a place accepts.
invalid-argument-or = { " or " }
invalid-argument-label = not accepted here
# The heading of the help's list of the command's forms.
invalid-argument-syntax = syntax:
# After the first forms of a command with more. $count: how many forms.
invalid-argument-more-forms = ({ $count } forms, see `rtxlint doc { $command }`)
