## wan-without-secure-filter

rule-summary-wan-without-secure-filter = 受信する通信をどのフィルターリストも制限していない、インターネットに面したインタフェース

wan-without-secure-filter = { $interface } は { $family } でインターネットに面していますが、受信を制限する `{ $list }` がありません。根拠：{ $why }（{ $line } 行目）
wan-without-secure-filter-other-filtered = { $interface } は { $family } でインターネットに面していますが、受信を制限する `{ $list }` がありません。根拠：{ $why }（{ $line } 行目）。一方、このインタフェースの { $other } はフィルターされています（{ $other_line } 行目）
wan-without-secure-filter-label = インターネットに面している（{ $family }）
wan-without-secure-filter-also-label = 他の根拠：{ $why }
wan-without-secure-filter-help = ルーターと LAN に届く必要があるものだけを通すフィルターと、応答のための動的フィルターを指定した `{ $list } ...` を追加してください
