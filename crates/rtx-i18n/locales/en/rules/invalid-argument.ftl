## invalid-argument

rule-summary-invalid-argument = a command's arguments do not fit its syntax: count, type, range or keyword
