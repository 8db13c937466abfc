## ipsec-no-initiator

rule-summary-ipsec-no-initiator = このルーターが一度もイニシエーターにならない、または開始も応答もできない拠点間 IPsec ゲートウェイ

ipsec-no-initiator-global-off = IKE ゲートウェイ { $gateways } は対向アドレスが固定されていますが、`ipsec auto refresh` がオフ（{ $line } 行目）です{ $count ->
       *[other] {""}
    }：このルーターは鍵交換を開始しないため、トンネルは対向が開始したときにしか確立しません
ipsec-no-initiator-global-missing = IKE ゲートウェイ { $gateways } は対向アドレスが固定されていますが、鍵交換の開始を有効にする `ipsec auto refresh on` の行がありません（工場出荷時はオフ）{ $count ->
       *[other] {""}
    }：このルーターは鍵交換を開始しないため、トンネルは対向が開始したときにしか確立しません
ipsec-no-initiator-peer-label = このルーターから開始できる対向
ipsec-no-initiator-off-label = 開始がオフ
ipsec-no-initiator-global-help = `ipsec auto refresh on` を追加してください（または対向が開始することを確かめ、抑制ディレクティブでその旨を書いてください）
ipsec-no-initiator-gateway-off = `ipsec auto refresh { $gateway } off` により、このルーターは対向アドレスが固定された（{ $line } 行目）ゲートウェイ { $gateway } を開始しません：トンネルは対向が開始したときにしか確立しません
ipsec-no-initiator-gateway-off-label = このゲートウェイは開始がオフ
ipsec-no-initiator-address-label = 対向のアドレス
ipsec-no-initiator-gateway-off-help = `ipsec auto refresh { $gateway } off` を削除するか、対向が開始することを確かめてください
ipsec-no-initiator-no-remote = IKE ゲートウェイ { $gateway } には `ipsec ike remote address` がありません：鍵交換を開始できず、IKEv1 のレスポンダーとしては対向をアドレス（または `remote address { $gateway } any` と名前）で照合するため、誰にも応答しません
ipsec-no-initiator-no-remote-label = ゲートウェイ { $gateway } に対向がありません
ipsec-no-initiator-no-remote-help = `ipsec ike remote address { $gateway } <peer address>` を追加するか、アドレスが動的な対向には `ipsec ike remote address { $gateway } any` と `ipsec ike remote name { $gateway } ...` を使ってください
