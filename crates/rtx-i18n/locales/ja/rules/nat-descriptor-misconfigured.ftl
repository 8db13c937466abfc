## nat-descriptor-misconfigured

rule-summary-nat-descriptor-misconfigured = 適用された NAT ディスクリプターに動作タイプがない、またはインタフェースが持ち得ない外側アドレスを指定している

nat-descriptor-misconfigured-no-type = NAT ディスクリプター { $descriptor } は { $interface } に適用されています（{ $line } 行目）が、動作タイプを設定する `nat descriptor type { $descriptor }` がありません。動作タイプは `none` のままで、何も変換しません
nat-descriptor-misconfigured-no-type-label = ディスクリプター { $descriptor } には動作タイプがない
nat-descriptor-misconfigured-bound-label = { $interface } に適用
nat-descriptor-misconfigured-no-type-help = `nat descriptor type { $descriptor } masquerade`（または `nat`、`nat-masquerade`）を追加してください
nat-descriptor-misconfigured-map-e-addresses = NAT ディスクリプター { $descriptor }（{ $kind }）は MAP-E の { $interface } に適用されていますが、外側 IP アドレスが具体的に書かれています。プロバイダーが割り当てたポートへの接続を維持できるのは `map-e` だけです
nat-descriptor-misconfigured-outer = NAT ディスクリプター { $descriptor }（{ $kind }）は { $interface } に適用されていますが、{ $set ->
        [yes] 外側 IP アドレスは
       *[no] 外側 IP アドレスを設定する `address outer` の行がないため、外側 IP アドレスは
    } `{ $outer }` です。これは { $outer ->
        [ipcp] pp だけが持つアドレス（PPP の対向が割り当てるアドレス）
        [map-e] MAP-E トンネルだけが持つアドレス
        [hb46pp] hb46pp トンネルだけが持つアドレス
       *[other] LAN インタフェースだけが持つアドレス
    }なので、このディスクリプターには変換先のアドレスがありません
nat-descriptor-misconfigured-addresses-label = 外側 IP アドレスが具体的に書かれている
nat-descriptor-misconfigured-outer-label = 外側 IP アドレス `{ $outer }`
nat-descriptor-misconfigured-map-e-help = `nat descriptor address outer { $descriptor } map-e` を設定してください
nat-descriptor-misconfigured-outer-help = `nat descriptor address outer { $descriptor } { $outer }`（またはプロバイダーが割り当てたアドレス）を設定してください
nat-descriptor-misconfigured-assigned-help = `nat descriptor address outer { $descriptor }` にプロバイダーが割り当てたアドレスを設定してください
nat-descriptor-misconfigured-map-e = MAP-E トンネル { $tunnel } には `ip tunnel nat descriptor` がありません。MAP-E は 1 つの IPv4 アドレスを共有するため、プロバイダーが割り当てたポートへの接続を維持できるのは、外側 IP アドレスが `map-e` の masquerade ディスクリプターだけです
nat-descriptor-misconfigured-map-e-label = NAT のない MAP-E
nat-descriptor-misconfigured-map-e-no-nat-help = トンネルのブロックに ` ip tunnel nat descriptor N` を追加し、`nat descriptor type N masquerade` と `nat descriptor address outer N map-e` も設定してください
