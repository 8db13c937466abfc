## invalid-argument

rule-summary-invalid-argument = コマンドの引数が書式に合わない（個数、型、範囲、キーワード）
