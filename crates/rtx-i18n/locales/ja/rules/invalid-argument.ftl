## invalid-argument

rule-summary-invalid-argument = コマンドの引数が書式に合わない（個数、型、範囲、キーワード）

invalid-argument = { $problem }。ルーターはこの行を受け付けません
invalid-argument-keyword = `{ $command }` の不明なキーワード `{ $word }`：{ $expected } を期待しています
invalid-argument-mismatch = `{ $word }` はここでは `{ $command }` に合いません：{ $expected } を期待しています
invalid-argument-too-short = `{ $command }` が途中で終わっています：{ $expected } を期待しています
invalid-argument-nothing-more = 行の終わり
invalid-argument-end-of-line = 行の終わり
invalid-argument-or = { " または " }
invalid-argument-label = ここでは受け付けられません
invalid-argument-syntax = 書式：
invalid-argument-more-forms = （全 { $count } 形式、`rtxlint doc { $command }` を参照）
