## wrapped-line

rule-summary-wrapped-line = ターミナルの幅で折り返された、前の行の続きの行

wrapped-line = この行はターミナルの幅で切れた { $line } 行目の続きです：ルーターは壊れた 2 行として読みます
wrapped-line-label = 続き
wrapped-line-cut-label = ここで切れている
wrapped-line-help = { $line } 行目につなげてください
wrapped-line-fix = { $line } 行目とつなげる
