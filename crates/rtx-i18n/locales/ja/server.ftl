## The language server: hovers, code actions, messages to the user

hover-header = **{ $model }**、{ $firmware }（`show config` のヘッダー）
hover-firmware = ファームウェア { $revision }
hover-firmware-unreadable = rtxlint が読み取れないファームウェアのリビジョン
hover-model-checked = この機種のコマンドは、Command Reference 12.01 が { $model } について定める内容と照合します。
hover-model-older = 旧機種です。カタログが準拠する Command Reference 12.01 は { $model } を扱っていないため、コマンドはそれとは照合しません。
hover-model-unknown = rtxlint の知らない機種です。コマンドはカタログのすべての機種と照合します。

hover-not-defined = このファイルでは定義されていません。
hover-definition = { $line } 行目: `{ $text }`
hover-more-definitions = ほかに { $count } 件の定義
hover-references = 参照 { $count } 件（「参照を検索」で一覧できます）。
hover-list-separator = {"、"}
hover-enabled = 有効
hover-disabled = 意図的に無効
hover-never-enabled = 一度も有効にされていない
hover-encapsulation = { $encapsulation } カプセル化
hover-sa-policy = SA ポリシー { $policy }
hover-peer = 対向 { $address }
hover-keepalive = キープアライブ { $switch } { $method }
hover-keepalive-default = キープアライブ { $switch }（既定の方式）
hover-in-tunnel = トンネル { $tunnels } で使用
hover-uses-gateway = IKE ゲートウェイ { $gateway } を使用
hover-not-a-filter = フィールドがフィルターとして読み取れません。
hover-filter-unused = どのインタフェースの `secure filter` のリストにも含まれていません。
hover-filter-users = { $users } の `secure filter` のリストに含まれています。
hover-nat = タイプ { $nat_type }、外側アドレス { $outer }、静的 IP マスカレード { $statics } 件{ $mappings ->
        [0] {""}
       *[other] 、静的 NAT { $mappings } 件
    }。{ $bound ->
        [0] どのインタフェースにも適用されていません。
       *[other] 適用先: { $bindings }。
    }
hover-nat-binding = { $interface }（{ $line } 行目）

hover-default = （初期値 `{ $value }`）
hover-secret = 秘密情報: 値は表示しません
hover-keyword-models = `{ $keyword }` は { $models } にのみあります
hover-where = { $context ->
        [tunnel] `tunnel select N` の後で入力します
        [pp] `pp select N` の後で入力します
       *[other] どこでも入力できます
    }{ $has_models ->
        [yes] 。対応機種: { $models }
       *[other] {""}
    }。
hover-operational = 設定ではなく操作コマンドです。設定ファイルに書くものではありません。
hover-section = Command Reference §{ $section }。
hover-full-docs = ドキュメント全文: `rtxlint rule { $rule }`

action-fix = { $title }（{ $rule }）
action-fix-unsafe = { $title }（{ $rule }、要確認: 変更内容を確認してください）
action-fix-all = rtxlint の安全な修正 { $count } 件を適用
server-failed = rtxlint で { $method } の処理に失敗しました。報告をお願いします
server-not-aws = AWS の VPN 設定ではありません: { $reason }

lsp-help = ヒント: { $help }

filter-sentence = { $source } から { $destination } への { $protocols } を{ $action ->
        [pass] 通過させる
        [reject] 破棄する
       *[restrict] 回線が接続中のときだけ通過させる（restrict）
    }{ $ports }。
filter-ports = 、{ $kind ->
        [source] 送信元ポート
        [icmp-type] ICMP タイプ
        [icmp-code] ICMP コード
       *[destination] 宛先ポート
    } { $list }
filter-every-protocol = すべてのプロトコル
filter-protocol-number = プロトコル { $number }
filter-tcp-flags = フラグ { $flags } の TCP
filter-icmp-types = タイプ { $types } の { $icmp }
filter-or = {" または "}
filter-any-address = 任意のアドレス
filter-dynamic-address = ルーターだけが解決する名前

interface-faces-internet = インターネットに面している（{ $families }）
interface-dhcp = DHCP でアドレスを取得
interface-pppoe = { $port } 上の PPPoE
interface-nat-descriptors = NAT ディスクリプター { $numbers }（{ $count } 個）
interface-dhcpv6-client = DHCPv6 クライアント
interface-filter-user = { $interface } { $direction }（{ $line } 行目）
interface-as-interface = インタフェースとして:
interface-wan = インターネットに面している: { $why }。

inbound-heading = インターネットから { $family } でルーター宛て:
inbound-behind-router = 別のルーターの内側にある（プライベートアドレス、{ $line } 行目）
inbound-ds-lite = プロバイダーの NAT がグローバルアドレスを持つ（DS-Lite）
inbound-nothing-arrives = 要求していない通信は届かない: { $why }。
inbound-no-service = ルーターのサービスは動いていない。
inbound-admits = `{ $command }` が許可するのは{ $hosts ->
        [lan] LAN
        [listed] 指定したホスト
       *[nobody] なし
    }
inbound-nat-traversal = NAT トラバーサル（UDP 4500）
inbound-reaches-filter = **届く**（フィルター { $filter } が通過させる）
inbound-reaches-no-list = **届く**（受信側のリストなし）
inbound-some-hosts = 一部のホストからのみ（フィルター { $filters }）
inbound-dropped-by-nat = IP マスカレードで破棄（NAT ディスクリプター { $descriptor } に静的エントリーなし）
inbound-forwarded = NAT ディスクリプター { $descriptor } で { $host } へ転送
inbound-rejected = フィルター { $filter } で破棄
inbound-dropped-by-list = 破棄（リストのどのフィルターも通過させない）
inbound-undecided = 設定に書かれていないことによる
