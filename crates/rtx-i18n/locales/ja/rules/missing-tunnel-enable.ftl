## missing-tunnel-enable

rule-summary-missing-tunnel-enable = トンネルが設定されているのに、それを対象とする `tunnel enable` がない
missing-tunnel-enable = トンネル { $tunnel } はここ（{ $line } 行目）で設定されていますが、対象とする `tunnel enable` がないため、ルーターはこのトンネルを無効のままにします
missing-tunnel-enable-label = トンネル { $tunnel } は一度も有効にされていません
missing-tunnel-enable-help = ブロックの最後の行に `tunnel enable { $tunnel }` を追加してください（無効のままにする意図なら `tunnel disable { $tunnel }`）
missing-tunnel-enable-fix = ブロックの最後でトンネル { $tunnel } を有効にする
