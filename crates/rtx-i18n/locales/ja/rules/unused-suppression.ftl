## unused-suppression

rule-summary-unused-suppression = `# rtxlint:` ディレクティブが何も抑制していない、または存在しないルールを指定している

unused-suppression-malformed = このコメントは rtxlint のディレクティブのように始まりますがディレクティブではないため、何も抑制しません
unused-suppression-malformed-label = ディレクティブではありません
unused-suppression-malformed-help = `# rtxlint: disable-next-line=RULE[,RULE...] [reason]`（または `disable=`、`enable=`、`disable-file=`）と書いてください
unused-suppression-enable = { $names } の `enable` が終える `disable` がありません
unused-suppression-unused = { $names } の `{ $directive }` が抑制する指摘はありません
unused-suppression-unknown = { $names } はどのルールの名前でもコードでもありません{ $count ->
       *[other] {""}
    }
unused-suppression-separator = { "。" }
unused-suppression-unused-label = 何も抑制していません
unused-suppression-unused-help = 何も抑制していないものを削除してください：対象だった指摘はもうありません
unused-suppression-unknown-label = 不明なルール
unused-suppression-unknown-help = ルールは名前かコード（`rtxlint rule --list`）、または `all` で指定してください
unused-suppression-delete-fix = ディレクティブを削除する
unused-suppression-remove-fix = ディレクティブから { $names } を削除する
