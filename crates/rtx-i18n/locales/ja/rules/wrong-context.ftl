## wrong-context

rule-summary-wrong-context = 選択中のトンネルまたは pp 向けのコマンドが、選択のない場所（または別の種類の選択中）に書かれている

wrong-context = `{ $command }` は{ $wanted ->
        [tunnel] 選択中のトンネル（`tunnel select N`）
       *[pp] 選択中の pp（`pp select N` または `pp select anonymous`）
    }を設定するコマンドですが、ここでは{ $here ->
        [global] 何も選択されていません
        [tunnel] トンネル { $number } が選択されています
        [pp] { " " }pp { $number } が選択されています
       *[pp-anonymous] { " " }pp anonymous が選択されています
    }：ルーターはこの行を受け付けません
wrong-context-label = { $wanted ->
        [tunnel] トンネルのコンテキストが必要
        [pp] pp のコンテキストが必要
       *[global] グローバルコンテキストが必要
    }
wrong-context-select-label = ここでコンテキストを設定（{ $line } 行目）
wrong-context-help = { $wanted ->
        [tunnel] `tunnel select N` の後、このコマンドが属するトンネルのブロックに移動してください
       *[pp] `pp select N` の後、このコマンドが属する pp のブロックに移動してください
    }
wrong-context-cascade = ルーターはこの `{ $kind } select` を受け付けないため、後に続く { $lines } 行目{ $count ->
       *[other] {""}
    }で設定する{ $kind ->
        [tunnel] トンネル
       *[pp] { " " }pp{ " " }
    }は選択されません：ルーターはそれらの行も受け付けません
wrong-context-cascade-label = { $kind } select を受け付けません
wrong-context-cascade-help = この `{ $kind } select` を修正してください（引数の問題はこの行で報告されています）。そうすれば後に続く行は意図したブロックに入ります
