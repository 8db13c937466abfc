## `rtxlint --help`: the command line's help, by argument (cli-arg-NAME), subcommand
## (cli-cmd-NAME) and subcommand argument (cli-SUBCOMMAND-arg-NAME).

cli-about = ヤマハ RTX ルーターの設定ファイルを検査する。
cli-arg-paths = 検査するファイルまたはディレクトリ（ディレクトリは .gitignore と rtxlint.toml の include/exclude に従って走査し、RTX の設定でないファイルは飛ばす）。`-` は標準入力を読む。
cli-arg-format = 出力形式: text（ラベル・ヘルプ・修正付きのコード枠と集計行）、json（指摘の配列: file、code、name、severity、message、位置、help、ラベル、関連箇所、fix）、concise（1 件 1 行の `file:line:col: CODE [name] message`。Vim の quickfix や Emacs の compilation mode 向け、集計行なし）、sarif（SARIF 2.1.0。GitHub code scanning などのビューアー向け: ルール、結果、修正、フィンガープリント）、github（GitHub Actions のワークフローコマンド `::error file=...::message` を 1 件ずつ）、gitlab（GitLab Code Quality レポート、JSON）、junit（JUnit XML: ファイルごとにテストスイート、指摘ごとに失敗したテストケース）。
cli-arg-statistics = 指摘の代わりに、ルールごとの件数を多い順に出す。`--format text` では `COUNT  CODE  name (fixable N)` の行（N: 安全な修正がある指摘の数）、`--format json` では {"{"}code, name, count, fixable{"}"} の配列。ほかの形式では使えない。
cli-arg-output-file = レポートを標準出力ではなくこのファイルに書く（同じフォルダーの一時ファイルに書き終えてから名前を変えるので、途中の状態は残らない）。終了ステータスは変わらない。`--fix -` では、指摘は標準エラーではなくここに出る。
cli-arg-model = ルーターの機種（例: RTX830、vRX。大文字小文字は問わない）。設定の `show config` ヘッダーより優先する。知らない機種はエラー。
cli-arg-select = これらのルールだけを実行する（rtxlint.toml の選択と ignore を置き換える）: ルール名またはコード、コードの接頭辞（`RTX1`）、グループ（syntax、correctness、security、style）または `ALL` をカンマ区切りで。より具体的な指定が優先し、同じ具体性なら ignore が優先する。
cli-arg-ignore = rtxlint.toml の選択の後で、これらのルールも外す（指定の書き方は --select と同じ）。
cli-arg-extend-select = 選択に加えて、これらのルールも実行する（指定の書き方は --select と同じ）。
cli-arg-extend-ignore = --ignore と同じ（ruff での名前）。
cli-arg-severity = この重大度より下の指摘は表示するが、終了ステータスを 1 にしない（既定: rtxlint.toml の `severity` がなければ、すべての指摘が 1 にする）。
cli-arg-exit-zero = 指摘があっても 0 で終了する（2 は引き続き使い方または入力のエラーを表す）。
cli-arg-verbose = 標準エラーに詳しく出す: ディレクトリ走査で飛ばした各ファイルとその理由。
cli-arg-config = 各入力に最も近い `rtxlint.toml`（ファイルのフォルダーから上へ探す）の代わりに、このファイルの設定をすべての入力に使う。--select はその選択を、--model はその機種を置き換え、--extend-select、--ignore、--extend-ignore はその選択の後に適用する。
cli-arg-peer = クラウド側の VPN 設定と照合する: AWS の CustomerGatewayConfiguration XML、または `aws ec2 describe-vpn-connections` の JSON（繰り返し指定可。rtxlint.toml の `[[vpn.peer]]` に加わる）。
cli-arg-isolated = `rtxlint.toml` をすべて無視する。
cli-arg-fix = 安全な修正を適用する。内容が RTX の設定であるファイル（`show config` ヘッダーがあるか、ほとんどがカタログのコマンド）だけを、エンコーディング、改行、パーミッションを保って一括で書き換える。`-` では修正後のテキストを標準出力に、指摘を標準エラーに出す。
cli-arg-unsafe-fixes = --fix または --diff で、要確認の修正も適用する。
cli-arg-diff = 指摘の代わりに修正の unified diff を出し、何も書き換えない（秘密情報はマスク）。差分があれば終了ステータス 1。
cli-arg-show-fixes = --fix で、ファイルごとに、修正で消えた指摘の数をルール別に標準エラーへ出す。
cli-arg-baseline = このベースラインファイルに記録されていない指摘だけを出す（rtxlint.toml の `baseline` より優先）。
cli-arg-write-baseline = 現在の指摘をすべてこのベースラインファイルに記録し（置き換える: 直った指摘は消える）、指摘は出さずに 0 で終了する。
cli-arg-show-suppressed = `# rtxlint:` ディレクティブで抑制した指摘も、ディレクティブの理由を付けて表示する。終了ステータスには影響せず、修正もされない。
cli-arg-add-suppressions = 指摘のある各行の上に `# rtxlint: disable-next-line=RULE,...` のコメント行を書き込み、指摘を抑制する（ファイルのみ。--fix が書くのと同じファイル）。各ファイルに追加したディレクティブの数を標準エラーに出す。
cli-arg-stdin-filename = 標準入力に表示する名前。設定はそのパスのファイルと同じ（最も近い rtxlint.toml、ファイルごとの ignore）。
cli-arg-max-file-size = どの入力も（標準入力とパイプを含む）この大きさまでしか読まない（バイト数、または K、M、G 付き）。これより大きい入力は報告し、検査しない。
cli-arg-color = テキスト出力に色を付けるか。
cli-arg-lang = メッセージの言語: ja または en（既定: rtxlint.toml の `lang`、なければ LC_ALL、LC_MESSAGES、LANG のロケール、なければ英語）。
cli-cmd-rule = ルールのドキュメントを表示する。または、ルールの一覧を出す。
cli-rule-arg-name = ルール名（`heartbeat-keepalive`）またはコード（`RTX102`）。
cli-rule-arg-list = すべてのルールを一覧にする: コード、名前、重大度、概要。
cli-cmd-doc = カタログからコマンドのドキュメントを表示する: 概要、書式、パラメーター、コンテキスト、機種、リファレンスの節。
cli-doc-arg-words = コマンドのキーワード（`ipsec ike keepalive use`）または行の先頭（`ip lan1 address`）。
cli-doc-arg-list = カタログのエントリーごとに 1 行: リファレンスの節、タブ、書式。
cli-cmd-format = `show config` が表示するとおりにコマンドを整形する（インデント、表記、クォート）。コメント、空行、改行、エンコーディングは保つ。ファイルはその場で書き換え、`-` は標準入力を整形して標準出力に出す。
cli-format-arg-paths = 整形するファイルまたはディレクトリ（ディレクトリは .gitignore に従って走査する）。
cli-format-arg-check = 何も書き換えない。変わるファイルがあれば 1 で終了する。
cli-format-arg-diff = 何も書き換えない。変更内容の unified diff を出し、差分があれば 1 で終了する。
cli-format-arg-max-file-size = どの入力もこの大きさまでしか読まない（バイト数、または K、M、G 付き）。
cli-cmd-lsp = エディター向けに言語サーバー（標準入出力上の LSP）を実行する。
cli-lsp-arg-stdio = これを渡すクライアント（vscode-languageclient など）のために受け付ける。通信は標準入出力のみ。
cli-cmd-anonymize = 公開用に設定を匿名化する：秘密情報はプレースホルダー（同じ秘密は同じプレースホルダー）に、アカウント、名前、ホスト名、メールアドレス、電話番号、MAC アドレス、シリアル番号は同じ形の仮名に、グローバルアドレスはプレフィックスを保って別のアドレスに、説明とコメントは中立な語に置き換える。それ以外はバイト単位でそのまま残り、結果は同じように検査できる。
cli-anonymize-arg-paths = 匿名化する設定（`-` または省略で標準入力）。複数の場合は --in-place か -o ディレクトリが必要。
cli-anonymize-arg-salt = すべての置き換えの鍵となるソルト。同じソルトなら同じ出力になる（VPN の両端は同じソルトで匿名化する）。--salt も --salt-file もなければ、ランダムなソルトを使って標準エラー出力に表示する。
cli-anonymize-arg-salt-file = このファイルの 1 行目からソルトを読む。
cli-anonymize-arg-anonymize-private = プライベートアドレス（10/8、172.16/12、192.168/16、100.64/10、fc00::/7）も置き換える。初期設定ではこれらと、ループバック、リンクローカル、ドキュメント用、マルチキャストの範囲はそのまま残す。
cli-anonymize-arg-keep-comments = コメントを書かれたとおりに残す（その中のアドレス、MAC アドレス、秘密情報は置き換える）。
cli-anonymize-arg-keep-descriptions = 説明とインタフェースの名前を書かれたとおりに残す。
cli-anonymize-arg-output = 結果を標準出力ではなくこのファイル（入力が複数ならこのディレクトリ）に書く。
cli-anonymize-arg-in-place = 指定したファイル自体を書き換える（コピーに対して使う）。
cli-anonymize-arg-map-out = 何を何に置き換えたか（秘密情報を除く）をこの JSON ファイルに書く。返ってきた回答を --reverse で元に戻すのに使う。
cli-anonymize-arg-reverse = 返ってきたテキスト（入力、または標準入力）に、--map の対応表から元の値を戻す。
cli-anonymize-arg-map = --map-out が書いた対応表。
cli-anonymize-arg-max-file-size = どの入力もこの大きさまでしか読まない（バイト数、または K、M、G 付き）。

cli-exit-status =
    終了ステータス:
      0  指摘なし（または --severity 未満の指摘だけ、または --exit-zero）
      1  --severity のしきい値以上の指摘あり（--fix の後は、残った指摘あり）
         （既定: info を含むすべての指摘が対象）
      2  使い方のエラー（不正なフラグ、知らないルール・指定・機種、壊れた rtxlint.toml）、または
         読めなかった入力（存在しない、読めない、デバイス、--max-file-size より大きい）や
         --fix で書けなかった入力。ほかの入力は検査を続ける
    バイナリファイル（NUL バイトを含む、または UTF-8 でも Shift_JIS でもないテキスト）は標準エラーに
    一言出して飛ばし、終了ステータスを変えない。ディレクトリ走査で見つかった RTX の設定でない
    ファイルも同様（--verbose で 1 行ずつ表示）。
cli-format-exit-status =
    終了ステータス:
      0  整形した、または（--check、--diff）変更なし
      1  （--check、--diff）変わるファイルがある
      2  使い方のエラー、または読めなかった・書けなかった入力
