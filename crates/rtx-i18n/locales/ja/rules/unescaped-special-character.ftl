## unescaped-special-character

rule-summary-unescaped-special-character = `#`、`?`、`|`、`>` がコマンド中で引用されずに書かれている（行末のコメントなど）

unescaped-special-character = `{ $character }` はルーターのコマンドラインで特別な意味を持つ文字です。値の中ではエスケープする（`\{ $character }`）か、引用符で囲む必要があります
unescaped-special-character-label = エスケープされていない
unescaped-special-character-help = `\{ $character }` と書くか、値をダブルクォートで囲んでください
unescaped-special-character-fix = バックスラッシュでエスケープする
unescaped-special-character-comment = コマンドの後の `#` は、ルーターにとってはコメントではありません。コマンドの一部となり、ルーターがそのコマンドを拒否することがあります
unescaped-special-character-comment-label = 行末のコメント
unescaped-special-character-comment-help = コメントはコマンドの上の独立した行に書いてください
unescaped-special-character-comment-fix = コメントをコマンドの上に移す
