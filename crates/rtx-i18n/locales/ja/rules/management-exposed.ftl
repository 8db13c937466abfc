## management-exposed

rule-summary-management-exposed = インターネットから到達できるルーターの管理サービス（TELNET、SSH、Web GUI、TFTP、SNMP）

management-exposed = ルーターの{ $service ->
        [HTTP] Web GUI（HTTP）
       *[other] {" "}{ $service }{" "}
    }にインターネットから { $interface }（{ $family }）経由で到達できます。{ $running ->
        [default] 初期状態で動作しており
        [set] `{ $command }` で有効にされ（{ $running_line } 行目）
       *[always] 動作しており
    }、`{ $host_command }` がすべてのアドレスを許可し（{ $hosts ->
        [set] { $hosts_line } 行目
       *[default] 初期値
    }）、{ $nat ->
        [yes] { $nat_line } 行目の `masquerade static` エントリーがパケットをルーターに転送した後、
       *[no] {""}
    }{ $filtered ->
        [filter] `{ $list }` のフィルター { $filter } が { $port } をルーター宛てに通過させます
       *[none] それを制限する `{ $list }` がありません
    }
management-exposed-hosts-label = すべてのアドレスを許可している
management-exposed-filter-label = { $port } をルーター宛てに通過させる
management-exposed-wan-label = インターネットに面しており（{ $family }）、フィルターがない
management-exposed-nat-label = { $port } をルーターに転送する
management-exposed-help = { $service ->
        [SNMP] `snmp host`（と `snmpv2c host`）をマネージャーのアドレスに設定するか、
       *[other] `{ $host_command } lan`（または管理するホストのアドレス）を設定するか、
    }{ $off ->
        [yes] `{ $command } off` で停止するか、
       *[no] {""}
    }`{ $list }` でルーター宛ての { $port } を破棄してください
management-exposed-tftp = インターネットに面したルーター（{ $interface }）で `tftp host` がすべてのアドレスを許可しています。到達できる人は誰でも、パスワードなしで、秘密情報を含む設定全体をダウンロードでき、新しい設定を読み込ませることもできます
management-exposed-tftp-help = `tftp host` には設定をバックアップするホスト 1 台だけを指定し、必要とするホストがなければ `tftp host none` にしてください
