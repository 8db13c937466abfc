## operational-command

rule-summary-operational-command = an operation such as `save`, `restart` or `show` stands in a config file

# $command: the command's name (`clear arp`).
operational-command = `{ $command }` is an operation, not a setting: a config file does not keep it, and loading the file may run it
operational-command-label = operation
operational-command-help = remove it from the config file (run it on the console instead)
operational-command-fix = delete the line
