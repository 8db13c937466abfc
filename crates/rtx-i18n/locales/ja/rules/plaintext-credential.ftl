## plaintext-credential

rule-summary-plaintext-credential = 平文で書かれたログインパスワードや管理者パスワード、またはよく知られた SNMP コミュニティ

plaintext-credential-login-user = `login user { $user }` はユーザーのパスワードを平文で保持しています。このファイルを読んだ人は誰でも { $user } としてルーターにログインできます
plaintext-credential-the-user = そのユーザー
plaintext-credential-administrator-password = `administrator password` は管理者パスワードを平文で保持しています。このファイルを読んだ人は誰でもルーターを完全に制御できます
plaintext-credential-login-password = `login password` はログインパスワードを平文で保持しています。このファイルを読んだ人は誰でもルーターにログインできます
plaintext-credential-password-label = 平文のパスワード
plaintext-credential-password-help = ファイルからパスワードを削除し、コンソールで `{ $command }` を使って設定し直し（パスワードの入力を求められ、暗号化して保持されます）、新しいパスワードを選んでください。今のパスワードはファイルを見た全員に知られています
plaintext-credential-host-community = `{ $prefix } host` は、よく知られた{ $access ->
        [read-write] 読み書き可能な
       *[other] 読み出し専用の
    }コミュニティ名を設定しています。どの SNMP スキャナーも最初に試す名前です
plaintext-credential-read-only = `{ $prefix } community read-only` はよく知られたコミュニティ名で、どの SNMP スキャナーも最初に試す名前です。しかも { $line } 行目の `{ $prefix } host` がマネージャーを受け入れています
plaintext-credential-read-write = `{ $prefix } community read-write` はよく知られたコミュニティ名で、どの SNMP スキャナーも最初に試す名前です。しかも { $line } 行目の `{ $prefix } host` がマネージャーを受け入れています。この名前を推測した者はルーターの設定を変更できます
plaintext-credential-default-community = `{ $prefix } host` は初期値の読み出し専用コミュニティでマネージャーを受け入れています。これはどの SNMP スキャナーも試すよく知られた名前ですが、これを置き換える `{ $prefix } community read-only` の行がありません
plaintext-credential-default-label = 初期値の読み出し専用コミュニティを使う
plaintext-credential-community-label = よく知られた{ $access ->
        [read-write] 読み書き可能な
       *[other] 読み出し専用の
    }コミュニティ
plaintext-credential-host-label = これでマネージャーを受け入れる
plaintext-credential-community-help = ルーターとマネージャーに長いランダムなコミュニティ名（`{ $prefix } community { $access } ...`）を設定するか、SNMPv3 を使ってください。`{ $prefix } host` はマネージャーのアドレスに限定してください
