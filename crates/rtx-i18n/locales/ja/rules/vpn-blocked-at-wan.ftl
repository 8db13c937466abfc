## vpn-blocked-at-wan

rule-summary-vpn-blocked-at-wan = インターネットに面したインタフェースが IKE、ESP、NAT トラバーサル、または L2TP を破棄してしまう IPsec のエンドポイント

vpn-blocked-at-wan-need = { $need ->
        [ike] IKE（UDP 500）
        [esp] ESP
        [nat-traversal] NAT トラバーサル（UDP 4500）
       *[l2tp] L2TP（UDP 1701）
    }
vpn-blocked-at-wan-masquerade = IKE ゲートウェイ { $count ->
       *[other] { $gateways }
    } の { $what } はルーターに届きません。{ $interface } の NAT ディスクリプター { $descriptor } は IP マスカレードを行い、{ $what } の `masquerade static` エントリーがないため、これを破棄します
vpn-blocked-at-wan-masquerade-label = { $what } の静的エントリーがない
vpn-blocked-at-wan-masquerade-help = `nat descriptor masquerade static { $descriptor } <id> { $known ->
        [yes] { $address }
       *[no] <ルーターの LAN 側アドレス>
    } { $words }` を追加してください
vpn-blocked-at-wan-forwarded = IKE ゲートウェイ { $count ->
       *[other] { $gateways }
    } の { $what } はルーターに届きません。{ $interface } の NAT ディスクリプター { $descriptor } が { $what } をルーターではなく { $host } に転送します
vpn-blocked-at-wan-forwarded-label = { $what } を { $host } に転送する
vpn-blocked-at-wan-forwarded-help = エントリーの転送先をルーター自身のアドレス（{ $known ->
        [yes] { $address }
       *[no] LAN 側のアドレス
    }）にしてください
vpn-blocked-at-wan-rejected = IKE ゲートウェイ { $count ->
       *[other] { $gateways }
    } の { $what } はルーターに届きません。`{ $list }` のフィルター { $filter } がこれを破棄します
vpn-blocked-at-wan-rejected-label = { $what } を破棄する
vpn-blocked-at-wan-rejected-help = `{ $list }` のフィルター { $filter } より前で、ルーター宛ての { $what } を通過させてください
vpn-blocked-at-wan-not-passed = IKE ゲートウェイ { $count ->
       *[other] { $gateways }
    } の { $what } はルーターに届きません。`{ $list }` にはこれを通過させるフィルターがないため、リストの末尾で破棄されます
vpn-blocked-at-wan-not-passed-label = { $what } を通過させない
vpn-blocked-at-wan-not-passed-help = ルーター宛ての { $what } を通過させるフィルターを `{ $list }` に追加してください
vpn-blocked-at-wan-peer-label = ゲートウェイ { $gateway } の対向
