## wrong-context

rule-summary-wrong-context = a command for the selected tunnel or pp stands where none (or the other kind) is selected

# $command: the command's name; $wanted: the context it needs (tunnel, pp, global); $here:
# the context at the line (global, tunnel, pp, pp-anonymous), $number: its number.
# not-glossary: tunnel (the names of contexts)
wrong-context = `{ $command }` configures { $wanted ->
        [tunnel] the selected tunnel (`tunnel select N`)
       *[pp] the selected pp (`pp select N` or `pp select anonymous`)
    }, but { $here ->
        [global] nothing is selected here
        [tunnel] tunnel { $number } is selected here
        [pp] pp { $number } is selected here
       *[pp-anonymous] pp anonymous is selected here
    }: the router rejects the line
wrong-context-label = needs a { $wanted } context
# $line: the line of the select command in effect.
wrong-context-select-label = context set here (line { $line })
wrong-context-help = { $wanted ->
        [tunnel] move it into the block of the tunnel it belongs to, after `tunnel select N`
       *[pp] move it into the block of the pp it belongs to, after `pp select N`
    }
# A select the router rejects, and the lines after it that needed its context. $kind: tunnel
# or pp; $lines: their line numbers (`12-14 and 20`).
wrong-context-cascade = the router rejects this `{ $kind } select`, so no { $kind } is selected for the { $count ->
        [one] line { $lines }
       *[other] { $count } lines ({ $lines })
    } after it that configure one: the router rejects { $count ->
        [one] it
       *[other] them
    } too
wrong-context-cascade-label = { $kind } select rejected
wrong-context-cascade-help = correct this `{ $kind } select` (its argument is reported on this line): the lines after it then land where they were written for
