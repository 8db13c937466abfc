smoke = rtxlint

## Rule documentation (`rtxlint rule NAME`, docs/rules/)

rule-doc-header = 重大度: { $severity }。グループ: { $group }。{ $summary }。

## Words rule messages share

route-default = デフォルト経路
route-to = { $destination } への経路
keyword-such-as = { $keyword } などのキーワード
did-you-mean = { $meant } のことですか？
change-word-fix = `{ $word }` を `{ $keyword }` に変更する
config-is-for-model = この設定は { $model } 用です
