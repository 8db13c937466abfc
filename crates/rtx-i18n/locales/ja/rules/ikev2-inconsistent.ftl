## ikev2-inconsistent

rule-summary-ikev2-inconsistent = IKEv2 のゲートウェイに IKEv1 専用の設定がある（またはその逆）、または L2TP で IKEv2 を使っている

ikev2-inconsistent = `{ $command }` は IKEv{ $reads } の設定ですが、ゲートウェイ { $gateway } は IKEv{ $version } で折衝する（{ $line } 行目）ため、ルーターはこの行を無視します
ikev2-inconsistent-default-version = `{ $command }` は IKEv{ $reads } の設定ですが、ゲートウェイ { $gateway } は IKEv{ $version } で折衝する（`ipsec ike version` の行がなく、初期値）ため、ルーターはこの行を無視します
ikev2-inconsistent-label = IKEv{ $version } のゲートウェイでは無視される
ikev2-inconsistent-version-label = ゲートウェイ { $gateway } は IKEv{ $version }
ikev2-inconsistent-help-ikev1 = この行を削除してください（IKEv2 で設定済みのプロポーザルだけを使うには `ipsec ike proposal-limitation G on` を使います）
ikev2-inconsistent-help-ikev2 = この行を削除してください（IKEv1 でそれ以外のプロポーザルを拒否するには `ipsec ike negotiate-strictly G on` を使います）
ikev2-inconsistent-l2tp = トンネル { $tunnel } は { $protocol } を使用しており、ルーターはこれを IKEv1 でのみ折衝しますが、ゲートウェイ { $gateway } が IKEv2 に設定されているため、このトンネルは確立しません
ikev2-inconsistent-l2tp-label = ゲートウェイ { $gateway } は IKEv2
ikev2-inconsistent-l2tp-help = `ipsec ike version { $gateway } 2` を削除してください（初期値は IKEv1）
