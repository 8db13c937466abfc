## wrapped-line

rule-summary-wrapped-line = ターミナルの幅で折り返された、前の行の続きの行
