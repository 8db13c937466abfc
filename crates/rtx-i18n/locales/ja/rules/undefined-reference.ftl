## undefined-reference

rule-summary-undefined-reference = どの行も定義していないフィルター、トンネル、pp、NAT ディスクリプター、または IKE ゲートウェイを指定している行

undefined-reference-listed-filter = `{ $list }` はフィルター { $filter } を指定していますが、それを定義する `{ $wanted }` の行がありません：どのパケットにも一致しないため、対象だったパケットは次のフィルターで判定されます
undefined-reference-not-defined-label = `{ $wanted }` は定義されていません
undefined-reference-listed-filter-help = `{ $wanted } ...` を定義するか、リストから { $filter } を削除してください
undefined-reference-other-family-help = { $filter } は `{ $defined }` として定義されています。このリストには `{ $wanted }` が必要です
undefined-reference-other-kind-help = { $filter } は `{ $defined }` として定義されています：{ $kind ->
        [dynamic] 動的フィルターはリストの `dynamic` の後に書きます
       *[static] 静的フィルターはリストの `dynamic` の前に書きます
    }
undefined-reference-route-filter = { $route }はフィルター { $filter } に一致するパケットをこのゲートウェイに送りますが、それを定義する `{ $wanted }` の行がありません：どのパケットにも一致しないため、このゲートウェイは何も運びません
undefined-reference-route-filter-help = `{ $wanted } ...` を定義するか、ゲートウェイのフィルターから { $filter } を削除してください
undefined-reference-filter-set = { $interface } はフィルターセット `{ $name }` を適用していますが、それを定義する `ip filter set { $name }` の行がありません：その通信はセットのどのフィルターにも出会いません
undefined-reference-filter-set-label = フィルターセット `{ $name }` がありません
undefined-reference-filter-set-help = `ip filter set { $name } in|out FILTERS` でセットを定義するか、名前を修正してください
undefined-reference-filter = { $referrer } はフィルター { $filters } を指定していますが、{ $count ->
        [1] それを定義する `{ $wanted }` の行がありません
       *[other] それらを定義する `{ $ip } filter` の行がありません
    }：{ $via ->
        [dynamic] 存在しないフィルターはどのパケットにも一致しないため、動的フィルターは対象の通信を見ることがありません
        [set] 存在しないフィルターはどのパケットにも一致しないため、対象だったパケットはセットの次のフィルターで判定されます
       *[other] 存在しないフィルターはどのパケットにも一致しません
    }
undefined-reference-filter-label = フィルター { $filters } は定義されていません{ $count ->
       *[other] {""}
    }
undefined-reference-filter-other-family-help = { $filters } はもう一方のアドレスファミリーで定義されています（`{ $defined }`）{ $count ->
       *[other] {""}
    }。この行には `{ $ip } filter` の番号が必要です
undefined-reference-filter-help = { $count ->
        [1] `{ $ip } filter ...` で定義するか、行から番号を削除してください
       *[other] それぞれを `{ $ip } filter ...` で定義するか、行から番号を削除してください
    }
undefined-reference-object = { $via ->
        [route] { $referrer }は
       *[names] `{ $referrer }` は
    }{ $kind ->
        [tunnel] トンネル { $ids } を{ $via ->
            [route] 通りますが
           *[names] 指定していますが
        }、それを設定する `tunnel select` ブロックがありません：設定されていないトンネルは確立しないため、何も運ばれません
        [pp] { " " }pp { $ids } を{ $via ->
            [route] 通りますが
           *[names] 指定していますが
        }、それを設定する `pp select` ブロックがありません：設定されていない pp は接続しないため、何も運ばれません
        [nat] { " " }NAT ディスクリプター { $ids } を指定していますが、それを設定する `nat descriptor ...` の行がありません：どの行も設定していない NAT ディスクリプターは種別が `none` で、何も変換しません
       *[gateway] { " " }IKE ゲートウェイ { $ids } を指定していますが、それを設定する `ipsec ike ...` の行がありません：この設定はどのゲートウェイにも適用されません
    }{ $count ->
       *[other] {""}
    }
undefined-reference-object-label = { $kind ->
        [tunnel] トンネル
        [pp] pp
        [nat] NAT ディスクリプター
       *[gateway] IKE ゲートウェイ
    } { $ids } は設定されていません{ $count ->
       *[other] {""}
    }
undefined-reference-object-help = { $kind ->
        [tunnel] `tunnel select` でトンネル { $ids } を設定する（またはコピー元のトンネルのブロックで `tunnel template` を使う）か、番号を修正してください
        [pp] `pp select { $ids }` で pp { $ids } を設定するか、番号を修正してください
        [nat] { $count ->
            [1] `nat descriptor type N ...` の行とそのアドレスを追加するか、番号を修正してください
           *[other] それぞれに `nat descriptor type N ...` の行とそのアドレスを追加するか、番号を修正してください
        }
       *[gateway] { $count ->
            [1] `ipsec ike ...` の行でゲートウェイを設定するか、番号を修正してください
           *[other] それぞれのゲートウェイを `ipsec ike ...` の行で設定するか、番号を修正してください
        }
    }
