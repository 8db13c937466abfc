## operational-command

rule-summary-operational-command = an operation such as `save`, `restart` or `show` stands in a config file
