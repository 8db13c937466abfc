## unknown-command

rule-summary-unknown-command = a line is not a command of any RTX model

# $command: the line's first words as written.
unknown-command = `{ $command }` is not a command of any RTX model: the router ignores this line
unknown-command-label = unknown command
unknown-command-help = check the spelling against `rtxlint doc --list`, or remove the line
# $word: the mistyped word; $after: the words before it; $expected: the keywords that fit,
# listed, or keyword-such-as.
unknown-command-keyword = unknown keyword `{ $word }` after `{ $after }`, expected { $expected }: the router ignores this line
unknown-command-keyword-label = unknown keyword
# A command only older models have. $owners: the models that have it, listed; $model: the
# config's model.
unknown-command-other-model = `{ $command }` is a command of { $owners } (not of { $model }, the config's model): the router ignores this line
unknown-command-other-model-label = not a command of { $model }
unknown-command-other-model-help = remove the line, or check the config's model (its `show config` header, `--model`)
