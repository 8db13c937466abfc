## operational-command

rule-summary-operational-command = `save`、`restart`、`show` などの操作コマンドが設定ファイルに書かれている

operational-command = `{ $command }` は設定ではなく操作です：設定ファイルには残らず、ファイルを読み込むと実行されることがあります
operational-command-label = 操作
operational-command-help = 設定ファイルから削除してください（コンソールで実行してください）
operational-command-fix = 行を削除する
