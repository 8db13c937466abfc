## line-too-long

rule-summary-line-too-long = コマンド行が、ルーターが読み取る 4095 文字を超えている

line-too-long = この行は { $chars } 文字あります。ルーターは最大 { $max } 文字までしか読み取らず、このコマンドを受け付けません
line-too-long-label = 上限を超えた部分
line-too-long-help = コマンド（長いフィルターのリストなど）を複数の短い行に分けてください
