## spoofing-unprotected

rule-summary-spoofing-unprotected = インターネット側の受信リストが、ルーター自身の LAN を送信元と偽るパケットを通してしまう

spoofing-unprotected = インターネットに面した { $interface } の `{ $list }` は、送信元がルーター自身の LAN（{ $networks }）を名乗るパケットを通します。フィルター { $filter } が { $address } からのパケットの一部を通します
spoofing-unprotected-label = LAN を詐称した送信元を通す
spoofing-unprotected-filter-label = LAN のアドレスからのパケットを通す
spoofing-unprotected-help = 送信元が { $networks } のパケットを破棄するフィルター（`reject { $network } * * * *`）を `{ $list }` の先頭に置いてください
