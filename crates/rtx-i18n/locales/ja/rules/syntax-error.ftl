## syntax-error

rule-summary-syntax-error = 行を読み取れない（閉じていない引用符、終わりの行のないヒアドキュメント）

syntax-error-quote = 引用符が閉じていません：文字列が行末まで続いています
syntax-error-quote-help = 引用符を閉じるか、文字としての引用符を \" または \' とエスケープしてください
syntax-error-heredoc = ヒアドキュメントが閉じていません：それを終える `{ $terminator }` の行がないため、ファイルの残りはすべてデータになります
syntax-error-heredoc-help = データの後に、終わりの行を単独の行として追加してください
syntax-error-label = ここ
