## operational-command

rule-summary-operational-command = `save`、`restart`、`show` などの操作コマンドが設定ファイルに書かれている
