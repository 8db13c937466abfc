## unsupported-on-model

rule-summary-unsupported-on-model = a command, keyword or number does not exist on the config's router model or firmware
