## unused-definition

rule-summary-unused-definition = NAT ディスクリプター、SA ポリシー、IKE ゲートウェイ、またはフィルターが定義されているが使われていない

unused-definition-nat = NAT ディスクリプター { $descriptor } は設定されています（{ $count } 行）が、インタフェースに適用する `ip ... nat descriptor` がないため、何も変換しません
unused-definition-nat-label = ディスクリプター { $descriptor } はどこにも適用されていません
unused-definition-nat-help = `ip IF nat descriptor { $descriptor }` で適用するか、番号を修正するか、その行を削除してください
unused-definition-policy = SA ポリシー { $policy } は定義されていますが、それを使う `ipsec tunnel { $policy }` も `ipsec transport ... { $policy }` もありません
unused-definition-policy-label = ポリシー { $policy } はどこでも使われていません
unused-definition-policy-help = トンネルのブロックで `ipsec tunnel` として使うか、番号を修正するか、行を削除してください
unused-definition-gateway = IKE ゲートウェイ { $gateway } には設定がありますが、それを指定する `ipsec sa policy P { $gateway }` がないため、その設定はどのトンネルにも適用されません
unused-definition-gateway-label = ゲートウェイ { $gateway } はどの SA ポリシーにも使われていません
unused-definition-gateway-help = `ipsec sa policy P { $gateway } ...` で指定するか、番号を修正するか、その行を削除してください
unused-definition-dynamic-filter = 動的フィルター { $filter } は定義されていますが、（`dynamic` の後に）それを指定するフィルターリストがないため、何も検査しません
unused-definition-dynamic-filter-label = 動的フィルター { $filter } はどこでも使われていません
unused-definition-dynamic-filter-help = `secure filter out`（または `in`）のリストの `dynamic` の後に追加するか、番号を修正するか、行を削除してください
unused-definition-filter = `{ $ip } filter { $filter }` は定義されていますが、それを使うフィルターリスト、フィルターセット、動的フィルター、経路がないため、どのパケットにも作用しません
unused-definition-filter-label = フィルター { $filter } はどこでも使われていません
unused-definition-filter-help = 本来の `{ $ip } ... secure filter` のリストに { $filter } を追加するか、番号を修正するか、行を削除してください
