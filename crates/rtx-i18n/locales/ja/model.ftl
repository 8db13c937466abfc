## The semantic model's facts in words (rtx_linter::words), for rules and hovers

wan-pppoe = { $port } 上で PPPoE を使っている
wan-dhcp = IPv4 アドレスを DHCP で取得している
wan-public-address = グローバルアドレス { $address } を持っている
wan-dhcpv6 = IPv6 プレフィックスをプロバイダーから取得している（DHCPv6 クライアント）
wan-map-e = MAP-E のトンネルである
wan-ipv4-over-ipv6 = { $remote } へ IPv4 over IPv6 で通信している
wan-default-route = デフォルト経路がここを指している
wan-reason-at = { $reason }（{ $line } 行目）
wan-reason-separator = {"、"}
wan-interface = { $interface } の { $family }: { $reasons }

## What a parameter takes (rtxlint doc, hovers). Keywords stay as written.

type = { $kind ->
        [tunnel-number] トンネル番号
        [gateway-id] ゲートウェイ ID
        [peer-number] 対向の番号
        [ipv4] IPv4 アドレス
        [ipv6] IPv6 アドレス
        [ipv4-network] IPv4 ネットワーク a.b.c.d/マスク
        [ipv4-address-mask] IPv4 アドレス a.b.c.d[/マスク]
        [ipv6-prefix] IPv6 プレフィックス
        [ipv6-address-length] IPv6 アドレス[/長さ]
        [ipv4-range] IPv4 アドレス範囲 a.b.c.d-e.f.g.h[/長さ]
        [host] アドレスまたはホスト名
        [tunnel-interfaces] tunnelN または tunnelN-tunnelM
        [id-range] N、N-M、N-、-N または all
        [mac] MAC アドレス
        [heredoc] <<終端文字列
       *[word] 単語
    }
type-int = 整数 { $min }..{ $max }
type-percent = 百分率 { $min }%..{ $max }%
type-interface = インタフェース（{ $kinds }）
type-hex = 0x で始まる 16 進数、最大 { $max } バイト
type-text = 文字列、最大 { $max } 文字
