## vpn-peer-mismatch

rule-summary-vpn-peer-mismatch = VPN の両端で、鍵、ID、提案、またはアドレスが一致しない

vpn-peer-mismatch-side = { $file } のトンネル { $tunnel }
vpn-peer-mismatch-related = { $side }：{ $label }
vpn-peer-mismatch-why = この 2 つを 1 つの VPN とみなした理由: { $why }
vpn-peer-mismatch-evidence = { $evidence ->
        [addresses] それぞれが、相手が自身のものとするアドレスに接続する
        [address-and-any] 一方は相手が自身のものとするアドレスに接続し、もう一方は任意の対向に応答する
        [names] 互いの IKE の名前が対応している
        [name] 一方の IKE の名前が、もう一方の期待する名前である
        [endpoints] 互いのトンネルのエンドポイントアドレスが対応している
        [router-ids] 互いの L2TPv3 ルーター ID が対応している
       *[declared] rtxlint.toml でペアとして宣言されている
    }
vpn-peer-mismatch-encapsulation = { $a } の種別は { $x }、{ $b } の種別は { $y } であるため、一方が送るパケットをもう一方は復元できません
vpn-peer-mismatch-encapsulation-label = 種別 { $encapsulation }
vpn-peer-mismatch-encapsulation-help = 両端で同じ `tunnel encapsulation` を設定してください
vpn-peer-mismatch-pre-shared-key = { $a } と { $b } の事前共有鍵が異なるため、IKE フェーズ 1 の認証に失敗し、トンネルは確立しません
vpn-peer-mismatch-pre-shared-key-label = この事前共有鍵
vpn-peer-mismatch-differs-label = これと異なる
vpn-peer-mismatch-pre-shared-key-help = 両端で同じ事前共有鍵を設定してください
vpn-peer-mismatch-ike-version = { $a } と { $b } は異なる IKE バージョン（IKEv{ $x } と IKEv{ $y }）を使用しているため、どちらも相手の最初のメッセージに応答しません
vpn-peer-mismatch-ike-version-label = IKEv{ $version }
vpn-peer-mismatch-ike-version-help = 両端で同じ `ipsec ike version` を設定してください
vpn-peer-mismatch-nat-traversal = NAT トラバーサルが有効なのは { $on } だけです。両端の間に NAT があると、{ $off } は ESP をそのまま送り続けますが、NAT はそれを通さないため、トンネルは何も運びません
vpn-peer-mismatch-nat-traversal-on-label = NAT トラバーサル有効
vpn-peer-mismatch-nat-traversal-off-label = NAT トラバーサル無効
vpn-peer-mismatch-nat-traversal-help = 両端で NAT トラバーサルを有効にしてください: `ipsec ike nat-traversal G on`
vpn-peer-mismatch-auto-refresh = { $a } と { $b } のどちらもトンネルを維持しません（両方で `ipsec auto refresh` が off）。トンネルはトラフィックがルーティングされたときにだけ確立するため、トンネル上の BGP セッションやキープアライブでは確立しません
vpn-peer-mismatch-auto-refresh-label = auto refresh なし
vpn-peer-mismatch-auto-refresh-help = トンネルを開始する側で `ipsec auto refresh on` にしてください
vpn-peer-mismatch-name-differs = { $a } は対向が `ipsec ike remote name` の行の名前で自身を識別することを期待していますが、{ $b } は別の名前を送るため、対向を認識できず、フェーズ 1 に失敗します
vpn-peer-mismatch-name-missing = { $a } は対向が `ipsec ike remote name` の行の名前で自身を識別することを期待していますが、{ $b } は名前（`ipsec ike local name`）を送らず、代わりに自身のアドレスを送るため、対向を認識できず、フェーズ 1 に失敗します
vpn-peer-mismatch-name-expected-label = 期待する名前
vpn-peer-mismatch-name-sent-label = 送られる名前
vpn-peer-mismatch-name-help = 一方の `ipsec ike local name` をもう一方の `ipsec ike remote name` と同じにしてください
vpn-peer-mismatch-id = { $a } は対向の ID として { $expected } を期待していますが、{ $b } は { $sent } を送るため、フェーズ 2 で一致するポリシーが見つかりません
vpn-peer-mismatch-id-expected-label = 期待する ID
vpn-peer-mismatch-id-sent-label = 送られる ID
vpn-peer-mismatch-id-help = 一方の `ipsec ike local id` をもう一方の `ipsec ike remote id` と同じにしてください
vpn-peer-mismatch-heartbeat = { $with } はハートビートのキープアライブを送信しますが、{ $without } は送信も応答（`auto`）もしません。ハートビートは両端が送信する必要があるため、送信する側には何も返ってこず、トンネルがダウンしたと繰り返し判断します
vpn-peer-mismatch-keepalive-label = { $method } キープアライブ
vpn-peer-mismatch-heartbeat-help = 両端で同じキープアライブを使用してください。DPD（`ipsec ike keepalive use G on dpd 10 3`）はどの対向とも動作します
vpn-peer-mismatch-dpd = { $a } は応答がないまま { $x } 秒で対向をダウンと判断し、{ $b } は { $y } 秒で判断します。経路がしばらく途切れると、一方が SA を破棄して作り直す間、もう一方は古い SA を保持し続け、その側も諦めるまでトラフィックが失われます
vpn-peer-mismatch-dpd-label = { $count } x { $interval } 秒でダウンと判断
vpn-peer-mismatch-dpd-help = 両端で同じ DPD の間隔と回数を使用してください
vpn-peer-mismatch-router-id = { $here } は L2TPv3 のルーター ID として { $expected } を期待していますが、{ $there } は { $used } を使用しているため、制御コネクションが拒否されます
vpn-peer-mismatch-router-id-expected-label = ルーター ID { $id } を期待
vpn-peer-mismatch-router-id-label = ルーター ID { $id }
vpn-peer-mismatch-router-id-help = 一方の `l2tp local router-id` をもう一方の `l2tp remote router-id` と同じにしてください
vpn-peer-mismatch-end-id = { $a } と { $b } の `l2tp remote end-id` が異なるため、セッションが拒否されます
vpn-peer-mismatch-end-id-one-sided = { $a } は `l2tp remote end-id` を設定していますが、{ $b } は設定していないため、セッションが拒否されます
vpn-peer-mismatch-end-id-label = このエンド ID
vpn-peer-mismatch-end-id-set-label = ここでエンド ID を設定
vpn-peer-mismatch-end-id-unset-label = `l2tp remote end-id` なし
vpn-peer-mismatch-end-id-help = 両端で同じ `l2tp remote end-id` を設定してください
vpn-peer-mismatch-l2tp-auth = { $a } と { $b } の L2TPv3 トンネル認証のパスワードが異なるため、制御コネクションが拒否されます
vpn-peer-mismatch-l2tp-auth-one-sided = { $a } は L2TPv3 トンネルを認証しますが、{ $b } は認証しないため、制御コネクションが拒否されます
vpn-peer-mismatch-l2tp-auth-label = このパスワード
vpn-peer-mismatch-l2tp-auth-set-label = 認証が有効
vpn-peer-mismatch-l2tp-auth-unset-label = `l2tp tunnel auth on` なし
vpn-peer-mismatch-l2tp-auth-help = 両端でトンネル認証を有効にし、同じパスワードを設定してください
vpn-peer-mismatch-inside = { $x } は相手側の内側アドレスを { $expected } と想定していますが、{ $y } のアドレスは { $actual } であるため、トンネル上の経路と BGP は誰も持たないアドレスを指します
vpn-peer-mismatch-inside-expected-label = 対向を { $address } と想定
vpn-peer-mismatch-inside-label = 対向は { $address }
vpn-peer-mismatch-inside-help = 一方の `ip tunnel remote address` をもう一方の `ip tunnel address` と同じにしてください
vpn-peer-mismatch-bgp-neighbor = { $x } は { $neighbor } と BGP を実行していますが、{ $y } の内側アドレスは { $address } であるため、セッションは確立しません
vpn-peer-mismatch-bgp-neighbor-label = BGP ネイバー
vpn-peer-mismatch-bgp-inside-label = 相手側の内側アドレス
vpn-peer-mismatch-bgp-neighbor-help = ネイバーのアドレスを相手側の `ip tunnel address` にしてください
vpn-peer-mismatch-bgp-as = { $x } は BGP ネイバーに AS { $expected } を期待していますが、{ $file } は AS { $actual } に属しているため、セッションが拒否されます
vpn-peer-mismatch-bgp-as-expected-label = 期待する AS
vpn-peer-mismatch-bgp-as-label = このルーターの AS
vpn-peer-mismatch-bgp-as-help = ネイバーの AS を相手ルーターの `bgp autonomous-system` にしてください
vpn-peer-mismatch-initiator-decides = { $a } と { $b } は異なる{ $phase ->
        [1] フェーズ 1 のアルゴリズム（暗号、ハッシュ、DH グループ）
       *[2] フェーズ 2 のアルゴリズム（SA ポリシーのアルゴリズム、PFS）
    }で設定されています。どれを使うかは交換を開始する側が決めます
vpn-peer-mismatch-no-common-proposal = { $a } と { $b } には、受け入れる側が受け付ける共通の{ $phase ->
        [1] フェーズ 1 のアルゴリズム（暗号、ハッシュ、DH グループ）
       *[2] フェーズ 2 のアルゴリズム（SA ポリシーのアルゴリズム、PFS）
    }がないため、どちらが開始しても折衝に失敗します
vpn-peer-mismatch-algorithms-help = 両端で同じアルゴリズムを使用してください
vpn-peer-mismatch-phase1-label = { $encryption } / { $hash } / { $group }{ $defaults ->
        [yes] （初期値を含む）
       *[no] {""}
    }
vpn-peer-mismatch-phase2-label = { $esp } { $integrity ->
        [yes] { $ah }
       *[no] 完全性保護なし
    }{ $pfs ->
        [yes] 、PFS { $group }
       *[no] 、PFS なし
    }
vpn-peer-mismatch-aws-tunnel = { $known ->
        [yes] AWS トンネル #{ $index }（{ $outside }）
       *[no] AWS トンネル #{ $index }
    }
vpn-peer-mismatch-aws-no-id = （ID なし）
vpn-peer-mismatch-aws-no-dialer = この設定には AWS の VPN 接続 { $connection } に接続するトンネルがありません。どの `ipsec ike remote address` もその外側アドレス（{ $addresses }）ではありません
vpn-peer-mismatch-aws-no-dialer-label = AWS に接続するトンネルがない
vpn-peer-mismatch-aws-connection-label = VPN 接続
vpn-peer-mismatch-aws-no-dialer-help = 各 AWS トンネルのゲートウェイの `ipsec ike remote address` をその外側アドレスにしてください
vpn-peer-mismatch-aws-second-tunnel = { $aws } に対応するトンネルがこの設定にありません。AWS はメンテナンスのため VPN 接続の各トンネルを順に停止するので、トンネルが 1 本だけだと VPN も一緒に停止します
vpn-peer-mismatch-aws-second-tunnel-label = この AWS 接続への唯一のトンネル
vpn-peer-mismatch-aws-second-tunnel-help = AWS の設定から 2 本目のトンネルも設定してください
vpn-peer-mismatch-aws-own-as = このルーターは AS { $mine } に属していますが、AWS は { $connection } のカスタマーゲートウェイを AS { $theirs } と想定しているため、BGP セッションが拒否されます
vpn-peer-mismatch-aws-own-as-label = このルーターの AS
vpn-peer-mismatch-aws-customer-as-label = AWS が把握しているカスタマー AS
vpn-peer-mismatch-aws-own-as-help = `bgp autonomous-system` を AWS 上のカスタマーゲートウェイの AS にしてください
vpn-peer-mismatch-aws-customer-address = AWS はカスタマーゲートウェイを { $expected } と想定していますが、このルーターのグローバルアドレスは { $address } です。AWS はほかのアドレスからの IKE を破棄します
vpn-peer-mismatch-aws-customer-address-label = ルーターのグローバルアドレス
vpn-peer-mismatch-aws-customer-address-there-label = AWS が把握しているカスタマーゲートウェイのアドレス
vpn-peer-mismatch-aws-customer-address-help = AWS 上のカスタマーゲートウェイをルーターのグローバルアドレスにしてください
vpn-peer-mismatch-aws-encapsulation = トンネル { $tunnel } は { $aws } に接続しますが、種別が { $encapsulation } です。AWS は通常の IPsec トンネルモードを使うため、このトンネルはトラフィックを運びません（既存のトンネル番号に貼り付けたテンプレートは、そのトンネルの種別を引き継ぎます）
vpn-peer-mismatch-aws-encapsulation-help = AWS のトンネルには専用のトンネル番号を割り当て、初期値の `ipsec` の種別にしてください
vpn-peer-mismatch-aws-pre-shared-key = トンネル { $tunnel } の事前共有鍵が、AWS が { $aws } に指定するものと異なるため、IKE の認証に失敗します
vpn-peer-mismatch-aws-pre-shared-key-label = AWS の事前共有鍵
vpn-peer-mismatch-aws-pre-shared-key-help = AWS の設定からトンネルの事前共有鍵をコピーしてください
vpn-peer-mismatch-aws-tcp-mss-above = トンネル { $tunnel } は TCP MSS を { $size } に制限していますが、AWS が { $aws } に指定する { $limit } を超えています。最大サイズの TCP セグメントはトンネルに収まらず、フラグメント化されるか破棄されます
vpn-peer-mismatch-aws-tcp-mss-missing = トンネル { $tunnel } は TCP MSS を制限していませんが、AWS は { $aws } に { $limit } を指定しています。最大サイズの TCP セグメントはトンネルに収まらず、フラグメント化されるか破棄されます
vpn-peer-mismatch-aws-tcp-mss-label = TCP MSS
vpn-peer-mismatch-aws-tcp-mss-there-label = AWS の TCP MSS
vpn-peer-mismatch-aws-tcp-mss-help = トンネルで `ip tunnel tcp mss limit { $limit }` を設定してください
vpn-peer-mismatch-aws-lifetime = トンネル { $tunnel } は { $sa } の寿命として { $value } 秒{ $default ->
        [yes] （ルーターの初期値）
       *[no] {""}
    }を要求しますが、AWS が { $aws } に受け付ける { $limit } 秒を超えているため、AWS はこの提案を拒否します
vpn-peer-mismatch-aws-lifetime-label = { $sa } の寿命 { $value } 秒
vpn-peer-mismatch-aws-lifetime-there-label = AWS の { $sa } の寿命
vpn-peer-mismatch-aws-lifetime-help = `ipsec ike duration { $kind } { $gateway } { $limit }` を設定してください
vpn-peer-mismatch-aws-pfs = トンネル { $tunnel } は PFS（Perfect Forward Secrecy）を使用していませんが、AWS は { $aws } のフェーズ 2 でこれを必須としています
vpn-peer-mismatch-aws-pfs-label = PFS なし
vpn-peer-mismatch-aws-pfs-there-label = AWS の PFS グループ
vpn-peer-mismatch-aws-pfs-help = `ipsec ike pfs { $gateway } on` を設定してください
vpn-peer-mismatch-aws-phase1 = トンネル { $tunnel } はフェーズ 1 で { $algorithms } を提案しますが、AWS は { $aws } でこれを受け付けません{ $default ->
        [yes] （`ipsec ike encryption` がない場合、3des-cbc がルーターの初期値です）
       *[no] {""}
    }
vpn-peer-mismatch-aws-refused-label = AWS が拒否する
vpn-peer-mismatch-aws-phase1-there-label = AWS のフェーズ 1 の提案
vpn-peer-mismatch-aws-phase1-help = `ipsec ike encryption { $gateway } aes-cbc`、`ipsec ike hash { $gateway } sha256`、`ipsec ike group { $gateway } modp2048` を設定してください
vpn-peer-mismatch-aws-phase2 = トンネル { $tunnel } の SA ポリシー { $policy } は { $algorithms } を使用していますが、AWS は { $aws } のフェーズ 2 でこれを受け付けません
vpn-peer-mismatch-aws-phase2-there-label = AWS のフェーズ 2 の提案
vpn-peer-mismatch-aws-phase2-help = `ipsec sa policy { $policy } { $gateway } esp aes-cbc sha-hmac` を設定してください
vpn-peer-mismatch-aws-inside = トンネル { $tunnel } の内側アドレスは { $address } ですが、AWS は { $aws } のカスタマー側に { $expected } を割り当てているため、トンネル上の BGP と経路が機能しません
vpn-peer-mismatch-aws-inside-label = 内側アドレス
vpn-peer-mismatch-aws-inside-there-label = カスタマー側の内側アドレス
vpn-peer-mismatch-aws-inside-help = `ip tunnel address { $address }` を設定してください
vpn-peer-mismatch-aws-inside-remote = トンネル { $tunnel } は AWS の内側アドレスを { $address } と想定していますが、{ $aws } の AWS 側は { $expected } であるため、トンネル上の BGP と経路が機能しません
vpn-peer-mismatch-aws-inside-remote-label = この設定での AWS の内側アドレス
vpn-peer-mismatch-aws-inside-remote-there-label = AWS の内側アドレス
vpn-peer-mismatch-aws-inside-remote-help = `ip tunnel remote address { $address }` を設定してください
vpn-peer-mismatch-aws-heartbeat = トンネル { $tunnel } はハートビートで { $aws } を維持しようとしますが、AWS はハートビートに応答しないため、ルーターは AWS がダウンしたと判断してトンネルを切断することを繰り返します
vpn-peer-mismatch-aws-heartbeat-label = ハートビートのキープアライブ
vpn-peer-mismatch-aws-dpd-there-label = AWS は DPD（対向の死活検出）を使用する
vpn-peer-mismatch-aws-dpd-help = `ipsec ike keepalive use { $gateway } on dpd 10 3` を設定してください
vpn-peer-mismatch-aws-no-dpd = トンネル { $tunnel } は { $aws } との間で DPD（対向の死活検出）を行いません。AWS はこれを前提としており、DPD がないとルーターはダウンしたトンネルの SA を保持し続け、もう一方のトンネルに切り替わりません
vpn-peer-mismatch-aws-no-dpd-label = DPD なし
vpn-peer-mismatch-aws-no-bgp = { $aws } は BGP で経路を交換しますが、トンネル { $tunnel } を通る `bgp neighbor` がないため、AWS はこのルーターに経路を広告せず、VPN は何も運びません
vpn-peer-mismatch-aws-no-bgp-label = このトンネルを通る BGP ネイバーがない
vpn-peer-mismatch-aws-bgp-as-there-label = AWS の BGP AS
vpn-peer-mismatch-aws-no-bgp-help = `bgp neighbor N { $asn } { $address } hold-time=30 local-address=...` を設定してください
vpn-peer-mismatch-aws-bgp-neighbor = トンネル { $tunnel } の BGP ネイバーは { $neighbor } ですが、{ $aws } の AWS 側は { $address } であるため、セッションは確立しません
vpn-peer-mismatch-aws-bgp-neighbor-help = ネイバーのアドレスを AWS の内側アドレスにしてください
vpn-peer-mismatch-aws-bgp-as = トンネル { $tunnel } の BGP ネイバーは AS { $expected } と想定されていますが、{ $aws } の AWS 側は AS { $asn } であるため、セッションが拒否されます
vpn-peer-mismatch-aws-as-there-label = AWS の AS
vpn-peer-mismatch-aws-bgp-as-help = ネイバーの AS を AWS の AS にしてください
