## duplicate-definition

rule-summary-duplicate-definition = フィルター、経路、NAT のエントリー、インタフェースのアドレスが別の内容で設定し直され、最初の設定を置き換えている

duplicate-definition = `{ $subject }` がここで別の内容で再び定義されています。この行が { $line } 行目の定義を置き換えるため、{ $line } 行目は効果がありません
duplicate-definition-label = { $line } 行目を置き換える
duplicate-definition-first-label = 置き換えられる定義
duplicate-definition-help = 2 つの行を 1 行にまとめるか、新しい行に別の番号または宛先を付けてください
