## unknown-command

rule-summary-unknown-command = どの RTX 機種のコマンドでもない行
