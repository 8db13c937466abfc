## vpn-peer-mismatch

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
