## tunnel-number-clash

rule-summary-tunnel-number-clash = ブロックが、設定済みのトンネル、IKE ゲートウェイ、SA ポリシーの番号を使い回している

tunnel-number-clash = このブロックは、{ $count ->
       *[other] { $lines } 行目
    }のブロックで設定済みの{ $owners } を設定し直しているため、{ $settings } が警告なしに置き換えられます
tunnel-number-clash-owner = { $kind ->
        [tunnel] トンネル { $number }
        [ike-gateway] IKE ゲートウェイ { $number }
       *[sa-policy] SA ポリシー { $number }
    }
tunnel-number-clash-reselected-label = ここでトンネル { $tunnel } を再び選択している
tunnel-number-clash-label = { $kind ->
        [tunnel] トンネル { $number }
        [ike-gateway] IKE ゲートウェイ { $number }
       *[sa-policy] SA ポリシー { $number }
    } を設定し直している
tunnel-number-clash-replaces-label = { $line } 行目を置き換える
tunnel-number-clash-first-label = { $kind ->
        [tunnel] トンネル { $number }
        [ike-gateway] IKE ゲートウェイ { $number }
       *[sa-policy] SA ポリシー { $number }
    } を最初に設定した箇所
tunnel-number-clash-reselected-help = このブロックが新しいトンネルなら、トンネル { $tunnel } を使い回さず、ほかで使われていない番号（トンネル { $free }、IKE ゲートウェイ { $free }、新しい SA ポリシー ID）を付けてください。トンネル { $tunnel } を変更する意図なら、最初のブロックに統合してください
tunnel-number-clash-help = 新しいトンネルのゲートウェイとポリシーには、ほかで使われていない ID（例えば { $free }）を使うか、設定を最初のブロックに統合してください
tunnel-number-clash-bound = { $pp } は L2TP/PPTP のリモートアクセス用に tunnel{ $tunnel } をバインドしています（{ $line } 行目）が、トンネル { $tunnel } の種別は { $encapsulation }（{ $how ->
        [set] 設定値
       *[default] 初期値
    }）であるため、このトンネルはほかの用途に使われ、リモートのクライアントは接続できません
tunnel-number-clash-bound-label = トンネル { $tunnel } の種別は { $encapsulation }
tunnel-number-clash-bound-pp-label = ここで { $pp } にバインドされている
tunnel-number-clash-bound-help = トンネル { $tunnel } はリモートアクセス用（`tunnel encapsulation l2tp`）のままにして、ほかの設定は空いているトンネル番号に移してください
