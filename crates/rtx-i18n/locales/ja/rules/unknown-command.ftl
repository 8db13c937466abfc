## unknown-command

rule-summary-unknown-command = どの RTX 機種のコマンドでもない行

unknown-command = `{ $command }` はどの RTX 機種のコマンドでもありません：ルーターはこの行を無視します
unknown-command-label = 不明なコマンド
unknown-command-help = `rtxlint doc --list` で綴りを確認するか、行を削除してください
unknown-command-keyword = `{ $after }` の後の不明なキーワード `{ $word }`：{ $expected } を期待しています。ルーターはこの行を無視します
unknown-command-keyword-label = 不明なキーワード
unknown-command-other-model = `{ $command }` は { $owners } のコマンドで、この設定の機種 { $model } のものではありません：ルーターはこの行を無視します
unknown-command-other-model-label = { $model } のコマンドではありません
unknown-command-other-model-help = 行を削除するか、設定の機種（`show config` のヘッダー、`--model`）を確認してください
