## syntax-error

rule-summary-syntax-error = 行を読み取れない（閉じていない引用符、終わりの行のないヒアドキュメント）
