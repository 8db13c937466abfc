## The CLI's text output (`--format text`)

text-fix = 修正（{ $applicability ->
        [safe] 安全
       *[other] 要確認
    }）: { $title }
text-edit-insert = { $line }:{ $column } に挿入: `{ $text }`
text-edit-replace = { $line }:{ $column } を置換: `{ $text }`
text-docs = 詳細: rtxlint rule { $rule }
text-suppressed = { $line } 行目のディレクティブで抑制
text-suppressed-because = { $line } 行目のディレクティブで抑制: { $reason }
text-in-file = { $file } 内

summary-clean = { $files } ファイルを検査、問題なし
summary-findings = { $files } ファイルを検査: エラー { $errors } 件、警告 { $warnings } 件、その他の指摘 { $others } 件

## `rtxlint doc`: a command's page from the catalogue

doc-no-words = コマンドを指定してください（`rtxlint doc ipsec ike keepalive use`）。一覧は --list で表示します
doc-unknown = カタログにコマンド `{ $name }` はありません（`rtxlint doc --list` を参照）
doc-prefix = `{ $name }` 単独ではコマンドではありません。これで始まるコマンド:
doc-not-in-reference = Command Reference 12.01 に記載なし
doc-section = Command Reference §{ $section }
doc-operational = 設定ではなく操作コマンド: 設定ファイルに書くものではない。
doc-syntax = 書式:
doc-form-context = { $context } コンテキスト
doc-parameters = パラメーター:
doc-default = 初期値 { $value }
doc-secret = 秘密情報: すべての出力でマスクされる
doc-context = コンテキスト: { $context ->
        [tunnel] tunnel（`tunnel select N` の後）
        [pp] pp（`pp select N` または `pp select anonymous` の後）
       *[other] global（どこでも受け付ける）
    }
doc-models = 機種:  { $models }
doc-seen = 出典: { $source }
doc-license = 一部の機種では、拡張ライセンスでこのコマンドの数値上限が増える。
doc-keyword-models = `{ $keyword }` は次の機種のみ: { $models }
doc-examples = 設定例:
doc-older-heading = 旧機種（記載がなければ不明）:
doc-older-from = { $revision } から
doc-older-yes = あり
doc-older-yes-in = あり（{ coverage-source }）
doc-older-unlisted = { coverage-source } に記載なし（確認できない）
doc-older-keyword-from = `{ $keyword }` は { $revision } から

coverage-source = { $source ->
        [reference] Command Reference 12.01
        [manual-2016] ヤマハ 2016 年版共通マニュアル
        [nvr500] NVR500 Rev.11.00.28 のリファレンス
       *[other] 実際の設定と機能表で確認されたコマンド
    }

## Errors and notes on standard error

error-no-files = ファイルが指定されていません（`rtxlint config.txt`、または標準入力なら `-` を指定してください）
error-add-suppressions-stdin = --add-suppressions はファイルに書き込むため、標準入力には使えません
error-unsafe-fixes-alone = --unsafe-fixes には --fix または --diff が必要です
error-show-fixes-alone = --show-fixes には --fix が必要です
error-statistics-format = --statistics は --format text または json でのみ使えます
error-report-not-written = { $file }: レポートを書き込めません: { $reason }
error-no-such-file = { $file }: そのようなファイルやディレクトリはありません
error-is-directory = { $file }: ディレクトリです
error-too-large = { $file }: 大きすぎるため読みません: { $limit } バイトを超えています（--max-file-size を参照）
error-not-a-size = `{ $text }` は大きさではありません（64M、512K またはバイト数を指定してください）
error-not-written = { $file }: 書き込みませんでした: { $reason }
error-not-regular = { $file }: 書き込みませんでした: 通常のファイルではありません
error-changed-since-read = { $file }: 書き込みませんでした: 読み込んだ後にファイルが変更されています
error-not-a-baseline = { $file }: rtxlint のベースラインではありません: { $reason }
error-baseline-version = { $file }: ベースラインのバージョン { $version }（この rtxlint が読めるのはバージョン { $supported }）
error-not-aws = { $file }: AWS の VPN 設定ではありません: { $reason }
skipped = { $file }: スキップしました: { $reason }
skip-malformed-utf16 = 不正な UTF-16
skip-nul-characters = バイナリファイル（NUL 文字を含む）
skip-nul-bytes = バイナリファイル（NUL バイトを含む）
skip-not-text = バイナリファイル（UTF-8 でも Shift_JIS でもないテキスト）
baseline-recorded = { $file }: 指摘 { $count } 件を記録しました
baseline-hidden = ベースラインで受け入れ済みの指摘 { $count } 件は表示していません
diff-files = 修正で { $count } ファイルが変更されます
format-not-rtx = { $file }: 整形しませんでした: RTX の設定に見えません（`show config` ヘッダーがなく、ほとんどの行が RTX のコマンドではありません）
format-summary = { $changed } ファイルを整形、{ $unchanged } ファイルは変更なし
format-summary-check = { $changed } ファイルが整形対象、{ $unchanged } ファイルは変更なし
error-not-a-file = { $file }: 通常のファイルではない（デバイスまたはソケット）ため読みません
error-no-rule = `{ $name }` という名前のルールはありません（`rtxlint rule --list` を参照）
error-stdout = 標準出力への書き込み: { $reason }
error-not-a-fingerprint = { $file }: `{ $text }` はフィンガープリントではありません
walk-skipped-not-rtx = { $file }: スキップしました: RTX の設定ではありません（`show config` ヘッダーがなく、ほとんどの行が RTX の設定ではありません）。検査するにはコマンドラインでファイルを指定してください
unsafe-fixes-left = { $file }: 要確認の修正が { $count } 件あります。適用するには --unsafe-fixes を付けて再実行してください
baseline-stdin = { $file }: ベースラインに記録しませんでした: 標準入力にはパスがありません
suppressions-not-rtx = { $file }: 抑制を追加しませんでした: RTX の設定に見えません（`show config` ヘッダーがなく、ほとんどの行が RTX のコマンドではありません）
suppressions-added = { $file }: 抑制を { $count } 件追加しました
fix-not-rtx = { $file }: 修正しませんでした: RTX の設定に見えません（`show config` ヘッダーがなく、ほとんどの行が RTX のコマンドではありません）
fixes-applied = { $file }: 修正を { $count } 件適用しました
fixes-by-rule = { $file }: { $code } { $rule } の指摘 { $count } 件を修正
format-would-reformat = 整形対象: { $file }
junit-no-findings = 指摘なし
sarif-documentation = ドキュメント: rtxlint リポジトリの `{ $page }`、または `rtxlint rule { $rule }`。

## rtxlint anonymize

anonymize-random-salt = anonymize: --salt の指定がないため、この実行ではランダムなソルト { $salt } を使いました（同じ結果を得るには `--salt { $salt }` を指定してください）
anonymize-salt-file = { $file }: ソルトを読めません: { $reason }
anonymize-several-inputs = 入力が複数あります：--in-place で書き換えるか、-o ディレクトリで出力先を指定してください
anonymize-not-text = { $file }: 匿名化しませんでした: { $reason }
anonymize-not-rtx = { $file }: 匿名化しませんでした：RTX の設定に見えません（`show config` のヘッダーがなく、ほとんどの行が RTX のコマンドではありません）
anonymize-map-unreadable = { $file }: --map-out が書いた対応表ではありません: { $reason }
