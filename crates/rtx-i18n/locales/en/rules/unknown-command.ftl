## unknown-command

rule-summary-unknown-command = a line is not a command of any RTX model
