## heartbeat-keepalive

rule-summary-heartbeat-keepalive = IKE キープアライブが、ヤマハの対向しか応答しない heartbeat を使っている

heartbeat-keepalive = IKE ゲートウェイ { $gateway } は heartbeat でトンネルのキープアライブを行っていますが、heartbeat に応答するのはヤマハルーターだけです。それ以外の対向ではキープアライブが失敗し、トンネルの切断と再構築が何度も繰り返されます
heartbeat-keepalive-peer-in-run = IKE ゲートウェイ { $gateway } は heartbeat でトンネルのキープアライブを行っていますが、heartbeat に応答するのはヤマハルーターだけです。それ以外の対向ではキープアライブが失敗し、トンネルの切断と再構築が何度も繰り返されます。ここでの相手側は { $file } のトンネル { $tunnel } で、この実行で一緒に検査しているヤマハルーターなので heartbeat に応答します（DPD ならどの対向でも機能します）
heartbeat-keepalive-l2tpv3 = IKE ゲートウェイ { $gateway } は heartbeat でトンネルのキープアライブを行っていますが、heartbeat に応答するのはヤマハルーターだけです。それ以外の対向ではキープアライブが失敗し、トンネルの切断と再構築が何度も繰り返されます。ここでのゲートウェイは L2TPv3/IPsec を通しており、これを使うのは実際にはヤマハルーターだけなので、対向はおそらく応答します（DPD ならどの対向でも機能します）
heartbeat-keepalive-default = `ipsec ike keepalive use { $gateway } { $switch }` は方式を指定していないため、IKEv1 ゲートウェイ { $gateway } は heartbeat を使います。heartbeat に応答するのはヤマハルーターだけで、それ以外の対向ではトンネルの接続と切断が繰り返されます
heartbeat-keepalive-default-peer-in-run = `ipsec ike keepalive use { $gateway } { $switch }` は方式を指定していないため、IKEv1 ゲートウェイ { $gateway } は heartbeat を使います。heartbeat に応答するのはヤマハルーターだけで、それ以外の対向ではトンネルの接続と切断が繰り返されます。ここでの相手側は { $file } のトンネル { $tunnel } で、この実行で一緒に検査しているヤマハルーターなので heartbeat に応答します（DPD ならどの対向でも機能します）
heartbeat-keepalive-default-l2tpv3 = `ipsec ike keepalive use { $gateway } { $switch }` は方式を指定していないため、IKEv1 ゲートウェイ { $gateway } は heartbeat を使います。heartbeat に応答するのはヤマハルーターだけで、それ以外の対向ではトンネルの接続と切断が繰り返されます。ここでのゲートウェイは L2TPv3/IPsec を通しており、これを使うのは実際にはヤマハルーターだけなので、対向はおそらく応答します（DPD ならどの対向でも機能します）
heartbeat-keepalive-label = heartbeat によるキープアライブ
heartbeat-keepalive-version-label = ゲートウェイ { $gateway } は IKEv{ $version } を使う
heartbeat-keepalive-help = どの IKE 対向も応答する DPD を使ってください（`ipsec ike keepalive use { $gateway } { $switch } dpd 10 3`）
heartbeat-keepalive-fix = DPD を 10 秒間隔で使い、3 回失敗したらダウンと判定する
