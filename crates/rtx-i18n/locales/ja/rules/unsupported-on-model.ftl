## unsupported-on-model

rule-summary-unsupported-on-model = コマンド、キーワード、番号が、設定の機種またはファームウェアに存在しない

unsupported-on-model-command = `{ $command }` は { $model } にはありません（{ $models } にあります）：ルーターはこの行を無視します
unsupported-on-model-keyword = `{ $command }` の `{ $keyword }` は { $model } では使えません（{ $models } のみ）：ルーターはこの行を受け付けません
unsupported-on-model-label = { $model } にはありません
unsupported-on-model-number = { $kind ->
        [tunnel] トンネル番号
        [gateway] IKE ゲートウェイ ID
       *[pp] pp 番号
    } { $number } は { $model } の範囲 1-{ $limit } を超えています{ $licence }：ルーターはこの行を受け付けません
unsupported-on-model-number-label = { $model } では 1-{ $limit }
unsupported-on-model-without-licence = （{ $licence } ライセンスがあれば { $up_to } まで）
unsupported-on-model-even-with-licence = （{ $licence } ライセンスがあっても { $up_to } まで）
unsupported-on-model-firmware = { $what } には { $model } のファームウェア { $since } 以降が必要ですが、この設定は { $firmware } のものです：ルーターはこの行を受け付けません
unsupported-on-model-keyword-in = `{ $command }` の `{ $keyword }`
unsupported-on-model-firmware-label = { $since } 以降が必要
unsupported-on-model-firmware-help = この設定を読み込む前にルーターを { $since } 以降に更新するか、行を削除してください
unsupported-on-model-unlisted = { $count ->
       *[other] { $count } 行
    }が { $source } に記載のないコマンドを使っています（{ $commands }）：{ $model } で使えるか確認できず、このようなコマンドは後のファームウェアで追加されたものが多くあります
unsupported-on-model-unlisted-label = { $count ->
        [1] { $model } で確認できません
       *[other] { $model } で確認できない { $count } 行の最初
    }
unsupported-on-model-unlisted-help = これらのコマンドを { $model } のファームウェアのリリースノートで確認してください。ルーターが保持していれば（`show config` に表示されれば）対処は不要です
unsupported-on-model-not-checked = { $model } のコマンドは検査されません：カタログが従う Command Reference 12.01 は { $model } を扱っておらず、コマンドごとの情報も知られていないため、この機種にないコマンドは報告されません
unsupported-on-model-not-checked-help = 機種自身のコマンドリファレンスでコマンドを確認してください。現行機種を `--model` で指定すると、その機種に対して検査します
