## sa-policy-mismatch

rule-summary-sa-policy-mismatch = IPsec トンネルの SA ポリシーがない、または別の IKE ゲートウェイを指定している

sa-policy-mismatch-missing = トンネル { $tunnel } は SA ポリシー { $policy } を使っています（`ipsec tunnel { $policy }`）が、`ipsec sa policy { $policy }` が存在しないため、このトンネルは鍵交換を行いません
sa-policy-mismatch-missing-label = SA ポリシー { $policy } がない
sa-policy-mismatch-unused-label = SA ポリシー { $policy } はここで定義されているが、どこからも使われていない
sa-policy-mismatch-missing-unused-help = { $policy } のことではありませんか？ `ipsec tunnel` と `ipsec sa policy` で同じ番号を使ってください（{ $line } 行目）
sa-policy-mismatch-missing-help = トンネル { $tunnel } 用に `ipsec sa policy { $policy } <gateway> esp aes-cbc sha-hmac` を定義してください
sa-policy-mismatch-transport = `ipsec transport { $transport }` は SA ポリシー { $policy } を使っていますが、`ipsec sa policy { $policy }` が存在しないため、その通信は保護されません
sa-policy-mismatch-transport-help = `ipsec sa policy { $policy } <gateway> esp ...` を定義するか、既存のポリシー ID を使ってください
sa-policy-mismatch-wrong-gateway = トンネル { $tunnel } が使う SA ポリシー { $policy } は IKE ゲートウェイ { $gateway } を指定しています。このトンネルは誤った対向と鍵でネゴシエーションを行うため、確立しません
sa-policy-mismatch-wrong-gateway-own = トンネル { $tunnel } が使う SA ポリシー { $policy } は IKE ゲートウェイ { $gateway } を指定していますが、トンネル { $tunnel } のブロックにある IKE 設定はゲートウェイ { $own } のものです。このトンネルは誤った対向と鍵でネゴシエーションを行うため、確立しません
sa-policy-mismatch-wrong-gateway-owned = トンネル { $tunnel } が使う SA ポリシー { $policy } は IKE ゲートウェイ { $gateway } を指定していますが、ゲートウェイ { $gateway } は{ $others } のものです。このトンネルは誤った対向と鍵でネゴシエーションを行うため、確立しません
sa-policy-mismatch-wrong-gateway-own-owned = トンネル { $tunnel } が使う SA ポリシー { $policy } は IKE ゲートウェイ { $gateway } を指定していますが、トンネル { $tunnel } のブロックにある IKE 設定はゲートウェイ { $own } のもので、ゲートウェイ { $gateway } は{ $others } のものです。このトンネルは誤った対向と鍵でネゴシエーションを行うため、確立しません
sa-policy-mismatch-tunnel = トンネル { $tunnel }
sa-policy-mismatch-and-others = { $items } ほか { $count } 件
sa-policy-mismatch-gateway-label = ゲートウェイ { $gateway }
sa-policy-mismatch-tunnel-label = トンネル { $tunnel } は SA ポリシー { $policy } を使う
sa-policy-mismatch-own-label = トンネル { $tunnel } の IKE 設定はゲートウェイ { $own } のもの
sa-policy-mismatch-configured-label = ゲートウェイ { $gateway } はここで設定されている
sa-policy-mismatch-wrong-gateway-help = ポリシーがトンネル { $tunnel } のゲートウェイを指すようにしてください（`ipsec sa policy { $policy } { $gateway } ...`）
sa-policy-mismatch-wrong-gateway-fix = ゲートウェイ { $gateway } を使う
sa-policy-mismatch-own-gateway-help = トンネル { $tunnel } に専用のゲートウェイ設定を用意し、そのゲートウェイを `ipsec sa policy { $policy }` で指定してください
sa-policy-mismatch-no-gateway-settings = SA ポリシーが IKE ゲートウェイ { $gateway } を指定していますが、このゲートウェイを設定する `ipsec ike ... { $gateway }` の行がありません。ネゴシエーションに使う対向のアドレスも鍵もありません
sa-policy-mismatch-no-gateway-settings-used = SA ポリシーが IKE ゲートウェイ { $gateway } を指定していますが（トンネル { $tunnel } が使用）、このゲートウェイを設定する `ipsec ike ... { $gateway }` の行がありません。ネゴシエーションに使う対向のアドレスも鍵もありません
sa-policy-mismatch-no-gateway-settings-label = ゲートウェイ { $gateway } には IKE 設定がない
sa-policy-mismatch-policy-label = SA ポリシー
sa-policy-mismatch-no-gateway-settings-help = ゲートウェイ { $gateway } を設定する（`ipsec ike remote address { $gateway } ...`、`ipsec ike pre-shared-key { $gateway } text ...`）か、設定済みのゲートウェイを指定してください
