## wrong-context

rule-summary-wrong-context = a command for the selected tunnel or pp stands where none (or the other kind) is selected
