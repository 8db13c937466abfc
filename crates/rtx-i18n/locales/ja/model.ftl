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
