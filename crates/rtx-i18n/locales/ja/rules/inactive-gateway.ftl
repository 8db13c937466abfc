## inactive-gateway

rule-summary-inactive-gateway = 経路または `pp bind` が、一度も有効にされないトンネルまたは pp を経由している

inactive-gateway-route-disabled = { $route }はトンネル { $tunnel } を経由しますが、このトンネルは { $line } 行目で無効にされています。この経路は有効にならず、そのパケットは次に一致する経路を通ります
inactive-gateway-route-not-covered = { $route }はトンネル { $tunnel } を経由しますが、このトンネルを対象とする `tunnel enable { $tunnel }` がありません。この経路は有効にならず、そのパケットは次に一致する経路を通ります
inactive-gateway-route-not-enabled = { $route }はトンネル { $tunnels } を経由しますが、これらのトンネルは有効になっていません。この経路は有効にならず、そのパケットは次に一致する経路を通ります
inactive-gateway-bind-disabled = `{ $command }` はトンネル { $tunnel } をバインドしますが、このトンネルは { $line } 行目で無効にされています。バインドされたトンネルがダウンしていると、接続を受け付けません
inactive-gateway-bind-not-covered = `{ $command }` はトンネル { $tunnel } をバインドしますが、このトンネルを対象とする `tunnel enable { $tunnel }` がありません。バインドされたトンネルがダウンしていると、接続を受け付けません
inactive-gateway-bind-not-enabled = `{ $command }` はトンネル { $tunnels } をバインドしますが、これらのトンネルは有効になっていません。バインドされたトンネルがダウンしていると、接続を受け付けません
inactive-gateway-tunnel-label = { $count ->
       *[other] トンネル
    } { $tunnels } は有効になっていない
inactive-gateway-disabled-label = ここで無効にされている
inactive-gateway-configured-label = トンネル { $tunnel } はここで設定されている
inactive-gateway-route-help = トンネルのブロックの最後に `tunnel enable N` を置くか、トンネルを無効のままにする意図なら経路を削除してください
inactive-gateway-bind-help = トンネルのブロックの最後に `tunnel enable N` を置くか、有効なトンネルだけをバインドしてください
inactive-gateway-pp-route-disabled = { $route }は pp { $pp } を経由しますが、この pp は { $line } 行目で無効にされています。この経路は有効にならず、そのパケットは次に一致する経路を通ります
inactive-gateway-pp-route-not-covered = { $route }は pp { $pp } を経由しますが、この pp を対象とする `{ $enable }` がありません。この経路は有効にならず、そのパケットは次に一致する経路を通ります
inactive-gateway-pp-label = pp { $pp } は有効になっていない
inactive-gateway-pp-route-help = pp のブロックの最後に `{ $enable }` を置くか、pp を無効のままにする意図なら経路を削除してください
inactive-gateway-pp-pppoe = { $pp } は PPPoE を使っています（{ $line } 行目）が、対象とする `{ $enable }` がないため、立ち上がりません
inactive-gateway-pp-binds = { $pp } はトンネルをバインドしています（{ $line } 行目）が、対象とする `{ $enable }` がないため、立ち上がりません
inactive-gateway-pp-never-label = { $pp } は一度も有効にされていない
inactive-gateway-pp-pppoe-label = PPPoE を使う
inactive-gateway-pp-binds-label = トンネルをバインドする
inactive-gateway-pp-help = pp のブロックの最後に `{ $enable }` を置いてください（無効のままにする意図なら `pp disable` してください）
