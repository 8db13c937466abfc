## unsupported-on-model

rule-summary-unsupported-on-model = a command, keyword or number does not exist on the config's router model or firmware

# $model: the config's model; $models: the models that have the command, listed.
unsupported-on-model-command = `{ $command }` does not exist on { $model } (it exists on { $models }): the router ignores the line
unsupported-on-model-keyword = `{ $keyword }` is not available for `{ $command }` on { $model } (only on { $models }): the router rejects the line
unsupported-on-model-label = not on { $model }
# A number past the model's limit. $kind: tunnel, gateway or pp; $licence: empty, or one
# of the two licence notes below.
unsupported-on-model-number = { $kind ->
        [tunnel] tunnel number
        [gateway] IKE gateway id
       *[pp] pp number
    } { $number } is beyond { $model }'s range 1-{ $limit }{ $licence }: the router rejects the line
unsupported-on-model-number-label = { $model } allows 1-{ $limit }
# $licence: the licence's name; $up_to: the limit it raises the range to.
unsupported-on-model-without-licence = { " " }without the { $licence } licence (which raises it to { $up_to })
unsupported-on-model-even-with-licence = , even with the { $licence } licence (up to { $up_to })
# A feature newer than the firmware the config's header names. $what: the command, or
# unsupported-on-model-keyword-in; $since: the first firmware that has it; $firmware: the
# header's.
unsupported-on-model-firmware = { $what } needs { $model } firmware { $since } or later, and the config is from { $firmware }: the router rejects the line
unsupported-on-model-keyword-in = `{ $keyword }` in `{ $command }`
unsupported-on-model-firmware-label = needs { $since }
unsupported-on-model-firmware-help = update the router to { $since } or later before loading this config, or remove the line
# Lines of an older model that its sources do not list. $source: coverage-source;
# $commands: the first few commands, quoted and listed.
unsupported-on-model-unlisted = { $count ->
        [one] { $count } line uses a command
       *[other] { $count } lines use commands
    } that { $source } does not list ({ $commands }): not verifiable for { $model }, and such commands often came with later firmware
unsupported-on-model-unlisted-label = { $count ->
        [one] not verifiable for { $model }
       *[other] the first of { $count } not verifiable for { $model }
    }
unsupported-on-model-unlisted-help = check these commands against the release notes of the { $model }'s firmware; nothing to do if the router keeps them (`show config` lists them)
# An older model of which nothing per command is known.
unsupported-on-model-not-checked = the { $model }'s commands are not checked: Command Reference 12.01, which the catalogue follows, does not cover the { $model }, and no per-command facts of it are known, so a command it lacks goes unreported
unsupported-on-model-not-checked-help = check the commands against the model's own Command Reference; `--model` with a current model checks them against that one
