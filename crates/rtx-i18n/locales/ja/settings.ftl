## 設定: rtxlint.toml、ルール選択のフラグ、エディターの設定

selector-unknown = `{ $text }` というルールまたは指定はありません（`rtxlint rule --list` を参照）
selector-unknown-did-you-mean = `{ $text }` というルールまたは指定はありません。`{ $name }` のことではありませんか？（`rtxlint rule --list` を参照）
settings-unknown-rule = `{ $name }` というルールはありません（`rtxlint rule --list` を参照）
settings-unknown-model = `{ $name }` は rtxlint の知らない機種です（既知の機種: { $known }）
settings-unknown-severity = `{ $text }` という重大度はありません（error、warning、info、hint のいずれか）
settings-unknown-lang = `{ $text }` という言語はありません（en または ja）
settings-vpn-pair = [[vpn.pair]]: `{ $text }` が `FILE:tunnel N` の形ではありません
settings-weak-crypto-allow = [weak-crypto] allow: `{ $name }` は既知の弱点ではありません（既知の弱点: { $known }）
settings-docs-url-not-absolute = docs-url `{ $url }` が絶対 URL（https://...）ではありません
settings-docs-url-no-rule = docs-url `{ $url }` がルールを指していません: `{"{"}name{"}"}` または `{"{"}code{"}"}` を入れてください
settings-per-file-ignores-not-list = [per-file-ignores] `{ $glob }`: ルールのリストを指定してください

## 言語サーバー: エディターの設定について

settings-editor-ignored = rtxlint の設定を無視しました: { $reason }
settings-editor-problem = rtxlint: 設定: { $problem }
