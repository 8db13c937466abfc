## l2tp-service-missing

rule-summary-l2tp-service-missing = L2TP または L2TPv3 のトンネルがあるのに、`l2tp service` がオフ、または別のプロトコルでオンになっている

l2tp-service-missing = { $count ->
       *[other] トンネル
    } { $tunnels } は { $protocol } を使っていますが、サービスを有効にする `l2tp service on` の行がありません（このサービスは工場出荷時にはオフです）。ルーターはすべての L2TP セッションを拒否します
l2tp-service-missing-left-out = `l2tp service { $service }` には、{ $count ->
       *[other] トンネル
    } { $tunnels } が使う { $protocol } が含まれていません（{ $line } 行目）。ルーターは該当するトンネルの L2TP セッションを拒否します
l2tp-service-missing-left-out-label = { $protocol } を受け付けない
l2tp-service-missing-off = `l2tp service` はここでオフになっていますが、{ $count ->
       *[other] トンネル
    } { $tunnels } は { $protocol } を使っています（{ $line } 行目）。ルーターはすべての L2TP セッションを拒否します
l2tp-service-missing-off-label = UDP 1701 は閉じたまま
l2tp-service-missing-tunnel-label = トンネル { $tunnel } は { $protocol } を使う
l2tp-service-missing-left-out-help = 両方のバージョンを指定する（`l2tp service on l2tpv3 l2tp`）か、どちらも指定しない（`l2tp service on`）ようにしてください。{ $needed } が抜けています
l2tp-service-missing-help = `l2tp service on`（両方のバージョン）を追加するか、一方だけなら `l2tp service on l2tp` / `l2tp service on l2tpv3` を追加してください
