## remote-access-incomplete

rule-summary-remote-access-incomplete = L2TP/PPTP のリモートアクセスの `pp select anonymous` に、認証、アドレス、有効化、または IPsec のトランスポートが欠けている

remote-access-incomplete-label = リモートアクセス
remote-access-incomplete-auth-request = anonymous の PP に `pp auth request` がないため、リモートアクセスのクライアントにユーザー名とパスワードが要求されません
remote-access-incomplete-auth-request-help = `pp select anonymous` のブロックに ` pp auth request mschap-v2`（または `chap`）を追加してください
remote-access-incomplete-users = anonymous の PP に `pp auth username` がなく、RADIUS 認証も無効なため、どのユーザーもログインできません
remote-access-incomplete-users-help = ブロックに ` pp auth username NAME PASSWORD` の行を追加するか、`radius server` とともに `radius auth on` を設定してください
remote-access-incomplete-pool = anonymous の PP に `ip pp remote address pool` がなく、自分のアドレスを持つユーザーもいないため、クライアントに IPv4 アドレスが割り当てられません
remote-access-incomplete-pool-help = ` ip pp remote address pool 192.0.2.100-192.0.2.110`（LAN 内で DHCP のスコープ外のアドレス）または `dhcp` を追加してください
remote-access-incomplete-disabled = anonymous の PP はリモートアクセス用のトンネルをバインドしていますが、{ $line } 行目で無効にされているため、クライアントを受け付けません
remote-access-incomplete-not-enabled = anonymous の PP はリモートアクセス用のトンネルをバインドしていますが、対象とする `pp enable anonymous` がないため、クライアントを受け付けません
remote-access-incomplete-enable-help = `pp select anonymous` のブロックの最後に ` pp enable anonymous` を置いてください
remote-access-incomplete-transport = L2TP/IPsec のトンネル { $tunnel } は SA ポリシー { $policy } を使用していますが、その下で L2TP を運ぶ `ipsec transport T { $policy } udp 1701` がないため、クライアントの IPsec は確立しても L2TP は確立しません
remote-access-incomplete-transport-label = ポリシー { $policy } に L2TP のトランスポートがない
remote-access-incomplete-transport-help = `ipsec transport { $policy } { $policy } udp 1701` を追加してください（トランスポート番号は未使用のものなら何でもよい）
