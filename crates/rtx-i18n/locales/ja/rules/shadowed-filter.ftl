## shadowed-filter

rule-summary-shadowed-filter = `secure filter` のリストで、前にあるフィルターが常に先に処理を決めてしまうフィルター

shadowed-filter-reason-repeated = 同じフィルターがこのリストの前の位置にもあり、そこで対象のパケットをすべて{ $action ->
        [pass] 通過させています
        [reject] 破棄しています
       *[restrict] 制限しています
    }
shadowed-filter-reason-one = 前にあるフィルター { $filter } が対象のパケットをすべて{ $action ->
        [pass] 通過させています
        [reject] 破棄しています
       *[restrict] 制限しています
    }
shadowed-filter-reason-many = 前にあるフィルター { $filters } が対象のパケットにすべて一致し、同じく `{ $action }` します
shadowed-filter-reason-one-differs = 前にあるフィルター { $filter } が、このフィルターが `{ $action }` するはずのパケットをすべて{ $taker_action ->
        [pass] 通過させています
        [reject] 破棄しています
       *[restrict] 制限しています
    }
shadowed-filter-reason-many-differ = 前にあるフィルター { $filters } が対象のパケットにすべて一致し、そのうちフィルター { $filter } が一部を{ $taker_action ->
        [pass] 通過させています
        [reject] 破棄しています
       *[restrict] 制限しています
    }
shadowed-filter-dead = `{ $list }` のフィルター { $filter } は一致することがありません：{ $reason }。このフィルターは無効です
shadowed-filter-dead-help = この { $filter } をリストから削除してください
shadowed-filter-overridden = `{ $list }` のフィルター { $filter } は一致することがありません：{ $reason }。この `{ $action }` は効きません
shadowed-filter-overridden-help = `{ $action }` で判定させたいなら { $filter } を { $first } の前に移動し、そうでなければ削除してください
shadowed-filter-label = 到達しません
shadowed-filter-taker-label = フィルター { $filter } が先に一致します
