"""English one-line summaries for catalogue entries generated from the reference.

The reference's section titles are short Japanese noun phrases ("PADI パケットの再送時間の設定",
"ICMP Echo Reply を送信するか否かの設定"). `summarize` recognises the common title shapes
(setting X, whether to do X, showing / clearing / deleting X), translates the noun phrase with
the glossary below (longest match, words kept in their order: Japanese compounds put the
modifier first, as English does), and gives up when a word is not in the glossary: then the
summary is built from the command words alone ("Configures `ipsec ike hash`.").
"""

import re

# Terms, longest match first. Written for this reference's titles; extend as needed.
TERMS = {
    # networking nouns
    "IP アドレス": "IP address", "IPアドレス": "IP address", "IPv4 アドレス": "IPv4 address",
    "IPv6 アドレス": "IPv6 address", "MAC アドレス": "MAC address", "アドレス": "address",
    "アドレスプール": "address pool", "アドレステーブル": "address table",
    "アドレスマップ": "address map", "ネットマスク": "netmask", "プレフィックス": "prefix",
    "プレフィックス長": "prefix length", "インタフェース": "interface",
    "インターフェース": "interface", "インタフェース名": "interface name",
    "トンネルインタフェース": "tunnel interface", "トンネルインターフェース": "tunnel interface",
    "トンネル": "tunnel", "マルチポイントトンネル": "multipoint tunnel",
    "ブリッジインタフェース": "bridge interface", "ブリッジ": "bridge",
    "LAN インタフェース": "LAN interface", "LAN インターフェース": "LAN interface",
    "パケット": "packet", "受信パケット": "received packet", "フレーム": "frame",
    "フラグメントパケット": "fragmented packet", "経路": "route", "経路情報": "routing information",
    "静的経路情報": "static route", "動的経路情報": "dynamic routes", "経路広告": "route advertisement",
    "外部経路": "external route", "経路導入": "route import", "外部経路導入": "external route import",
    "ルーティングテーブル": "routing table", "フローテーブル": "flow table",
    "ゲートウェイ": "gateway", "セキュリティ・ゲートウェイ": "security gateway",
    "ルーター": "router", "ホスト": "host", "ホスト名": "host name", "ドメイン名": "domain name",
    "サーバー": "server", "サーバ": "server", "クライアント": "client", "ポート": "port",
    "ポート番号": "port number", "始点ポート番号": "source port number", "始点": "source",
    "終点": "destination", "宛先": "destination", "送信元": "sender", "送信先": "destination",
    "相手": "peer", "相手側": "remote", "相手先": "peer", "相手先情報番号": "peer number",
    "自分": "local", "自分側": "local", "外側": "outer", "内側": "inner",
    "セッション": "session", "セッション数": "number of sessions", "コネクション": "connection",
    "接続": "connection", "接続先": "connection destination", "接続設定": "connection settings",
    "常時接続": "always-on connection", "自動接続": "automatic connection",
    "自動切断": "automatic disconnection", "切断": "disconnection", "回線": "line",
    "専用線": "leased line", "回線接続時": "line connection", "回線切断時": "line disconnection",
    "網": "network", "ネットワーク": "network", "フィルタ": "filter", "フィルター": "filter",
    "動的フィルタ": "dynamic filter", "動的フィルター": "dynamic filter",
    "静的フィルター": "static filter", "フィルタセット": "filter set",
    "フィルタ定義": "filter definition", "フィルター定義": "filter definition",
    "パケット転送フィルター": "packet forwarding filter", "フィルタリング": "filtering",
    "セキュリティ": "security", "セキュリティー": "security", "セキュリティクラス": "security class",
    "キープアライブ": "keepalive", "タイマ": "timer", "タイマー": "timer", "タイマ値": "timer value",
    "切断タイマ": "disconnect timer", "入力切断タイマ": "input disconnect timer",
    "出力切断タイマ": "output disconnect timer", "時間": "time", "時間間隔": "interval",
    "間隔": "interval", "再送時間": "retransmission time", "再送回数": "retransmission count",
    "最大再送回数": "maximum retransmissions", "回数": "count", "最大数": "maximum number",
    "最大表示件数": "maximum number of entries shown", "タイムアウト": "timeout",
    "タイムアウト時間": "timeout", "寿命": "lifetime", "復帰待ち時間": "recovery wait time",
    "保持時間": "hold time", "閾値": "threshold", "優先度": "priority", "制限": "limit",
    "上限": "upper limit", "サイズ": "size", "長さ": "length", "キュー長": "queue length",
    "種類": "type", "種別": "type", "タイプ": "type", "動作タイプ": "operation type",
    "動作モード": "operating mode", "動作": "operation", "動作状態": "operating state",
    "状態": "state", "情報": "information", "統計情報": "statistics", "ログ": "log",
    "アカウント": "accounting", "カウンター情報": "counters", "キャッシュ": "cache",
    "近隣キャッシュ": "neighbor cache", "テーブル": "table", "一覧": "list", "履歴": "history",
    "名前": "name", "パスワード": "password", "ログインパスワード": "login password",
    "管理パスワード": "administrator password", "ユーザ": "user", "ユーザー": "user",
    "ユーザ名": "user name", "一般ユーザ名": "user name", "ユーザグループ": "user group",
    "属性": "attributes", "認証": "authentication", "認証方式": "authentication method",
    "認証タイプ": "authentication type", "ユーザ認証": "user authentication",
    "認証キー": "authentication key", "認証サーバー": "authentication server",
    "事前共有鍵": "pre-shared key", "鍵": "key", "公開鍵": "public key", "ホスト鍵": "host key",
    "公開鍵認証": "public key authentication", "公開鍵情報": "public key information",
    "暗号アルゴリズム": "encryption algorithm", "ハッシュアルゴリズム": "hash algorithm",
    "暗号化保存": "encrypted storage", "鍵交換": "key exchange", "証明書": "certificate",
    "ライセンス": "licence", "拡張ライセンス": "extended licence", "ライセンスファイル": "licence file",
    "ライセンス認証": "licence authentication", "ファイル": "file", "設定ファイル": "config file",
    "ファイル名": "file name", "ディレクトリ": "directory", "ディレクトリー": "directory",
    "ディレクトリ名": "directory name", "ファームウェア": "firmware",
    "ファームウェアファイル": "firmware file", "デフォルト設定ファイル": "default config file",
    "デフォルトファームウェアファイル": "default firmware file", "外部メモリ": "external memory",
    "外部ストレージ": "external storage", "内部ストレージ": "internal storage",
    "コンソール": "console", "プロンプト表示": "prompt", "表示文字数": "columns",
    "表示行数": "lines", "言語": "language", "コード": "code", "システムメッセージ": "system messages",
    "システム": "system", "説明": "description", "タイムゾーン": "time zone",
    "日付け": "date", "日付": "date", "時刻": "time", "時計": "clock", "現在": "current",
    "スケジュール": "schedule", "環境変数": "environment variable", "エイリアス": "alias",
    "マクロ": "macro", "コマンド": "command", "コマンド一覧": "command list",
    "メッセージ": "message", "オプション": "option", "パラメータ": "parameter",
    "パラメーター": "parameter", "機能": "function", "サービス": "service",
    "サーバー機能": "server function", "ファストパス機能": "fast path", "スイッチ": "switch",
    "スイッチングハブ": "switching hub", "ポートミラーリング機能": "port mirroring",
    "リンクアグリゲーション": "link aggregation", "スタティックリンクアグリゲーション":
    "static link aggregation", "マスタクロック": "master clock", "CPU 使用率": "CPU usage",
    "メモリ使用率": "memory usage", "温度監視": "temperature monitoring",
    "受信パケットバッファサイズ": "receive packet buffer size", "パケットバッファ": "packet buffer",
    "送信抑制時間": "transmit hold-off time", "リンクアップ": "link-up", "リンクダウン": "link-down",
    "リンクダウン時": "link-down", "アラーム音": "alarm sound", "アラーム": "alarm",
    "起動時": "start-up", "再起動": "restart", "ログインタイマ": "login timer",
    "リビジョンアップ": "revision-up (firmware update)", "リビジョンダウン": "revision-down",
    "プロキシ": "proxy", "Proxy サーバー": "proxy server", "URL": "URL",
    "ISDN 番号": "ISDN number", "終端抵抗": "terminating resistor", "課金額": "charge",
    "発信": "outgoing call", "着信": "incoming call", "発信制限": "call restriction",
    "着信許可": "incoming call permission", "発信許可": "outgoing call permission",
    "発信順序": "call order", "再発信抑制タイマ": "redial hold-off timer",
    "再発信禁止タイマ": "redial prohibition timer", "コールバック": "callback",
    "コールバック要求": "callback request", "コールバック要求タイプ": "callback request type",
    "コールバック受け入れタイプ": "callback accept type", "コールバックタイマ": "callback timer",
    "コールバック待機タイマ": "callback wait timer", "課金単位時間": "charging unit time",
    "監視時間": "monitoring time", "情報チャネル": "information channel",
    "タイムスロット": "time slot", "PRI 回線": "PRI line", "BRI 回線": "BRI line",
    "ステルス機能": "stealth mode", "侵入検知機能": "intrusion detection",
    "侵入検知情報": "intrusion detection reports", "代理 ARP": "proxy ARP",
    "ARP エントリ": "ARP entry", "静的 ARP エントリ": "static ARP entry",
    "ARP テーブル": "ARP table", "DF ビット": "DF bit", "TOS フィールド": "TOS field",
    "DS フィールド": "DS field", "書き換え": "rewriting", "ウィンドウ・スケール・オプション":
    "window scale option", "MSS 制限": "MSS limit", "MTU": "MTU", "リンク MTU": "link MTU",
    "エントリー数": "number of entries", "エントリ": "entry", "フロー": "flow",
    "VRRP": "VRRP", "シャットダウントリガ": "shutdown trigger", "バックアップ": "backup",
    "ネットワーク監視機能": "network monitoring", "統計": "statistics",
    "分類数": "number of classes", "イーサタイプ": "EtherType", "LAN パススルー機能":
    "LAN pass-through", "パススルー機能": "pass-through", "イーサネットフィルタ": "Ethernet filter",
    "URL フィルタ": "URL filter", "URL フィルター": "URL filter", "データベース": "database",
    "カテゴリー": "category", "拡張子": "extension", "シリアル ID": "serial ID",
    "契約状況": "contract status", "HTTP のポート番号": "HTTP port number",
    "HTTP レスポンス": "HTTP response", "HTTPレスポンス": "HTTP response",
    "アクセスコンセントレータ名": "access concentrator name", "サービス名": "service name",
    "PPPoE セッション": "PPPoE session", "圧縮タイプ": "compression type",
    "負荷閾値": "load threshold", "負荷計測間隔": "load measurement interval",
    "最大リンク数": "maximum links", "最小リンク数": "minimum links", "制御方法": "control method",
    "DHCP スコープ": "DHCP scope", "予約アドレス": "reserved address",
    "アドレス割り当て動作": "address assignment", "DHCP オプション": "DHCP option",
    "リース情報": "lease", "リース期間": "lease time", "クライアント ID オプション":
    "client identifier option", "リレーエージェント機能": "relay agent",
    "中継基準": "relay threshold", "選択方法": "selection method",
    "SYSLOG": "syslog", "ファシリティ": "facility", "ヘッダー": "header", "ホスト名の設定": "host name",
    "形式": "format", "始点 IP アドレス": "source IP address", "パケットの形式": "packet format",
    "トラップ": "trap", "コミュニティ名": "community name", "送信先ホスト": "destination host",
    "エリア": "area", "エリア設定": "area", "仮想リンク": "virtual link", "近隣ルーター": "neighbor router",
    "ルーター ID": "router ID", "AS 番号": "AS number", "集約経路": "aggregate route",
    "ルーター広告": "router advertisement", "ルーター要請": "router solicitation",
    "マルチキャスト": "multicast", "メール通知": "mail notification", "メールサーバー": "mail server",
    "メールテンプレート": "mail template", "ネットボランチ DNS": "NetVolante DNS",
    "ネットボランチ DNS サービス": "NetVolante DNS service", "生存通知": "heartbeat",
    "携帯端末": "mobile terminal", "アクセスポイント": "access point",
    "パケット通信量制限": "packet volume limit", "パケット通信時間制限": "packet time limit",
    "通信制限": "communication limit", "累積期間": "accumulation period", "電波": "radio signal",
    "電波強度": "signal strength", "Lua スクリプト": "Lua script", "スクリプト": "script",
    "カスタム GUI": "custom GUI", "シグネチャー": "signature", "アプリケーション": "application",
    "ダッシュボード": "dashboard", "ポートの種別": "port type", "診断": "diagnosis",
    "診断結果": "diagnosis result", "ループバック": "loopback", "ライン": "line",
    "相手先 ID": "peer ID", "連携動作": "cooperation", "帯域": "bandwidth", "帯域幅": "bandwidth",
    "帯域制御": "bandwidth control", "優先制御": "priority control", "クラス": "class",
    "クラス分け": "classification", "キュー": "queue", "デフォルトクラス": "default class",
    "クラスの属性": "class properties", "NAT ディスクリプタ": "NAT descriptor",
    "NAT アドレステーブル": "NAT address table", "IP マスカレード": "IP masquerade",
    "マスカレード": "masquerade", "静的 NAT": "static NAT", "DNS キャッシュ": "DNS cache",
    "DNS サーバー": "DNS server", "ドメイン": "domain", "レコード": "record",
    "UPnP": "UPnP", "USB ホスト機能": "USB host function", "microSD 機能": "microSD function",
    "バッチファイル実行機能": "batch file execution", "リダイレクト機能": "redirection",
    "ブリッジのラーニング情報": "bridge learning table", "ラーニング情報": "learning table",
    "起動情報": "boot information", "ログインタイマ値": "login timer",
    "ログイン": "login", "管理ユーザー": "administrator", "管理ユーザ": "administrator",
    "ユーザーの属性": "user attributes", "モバイル": "mobile", "データコネクト": "data connect",
    "Magic Packet": "Magic Packet", "echo,discard,time サービス": "echo, discard and time services",
    "implicit 経路": "implicit route", "デフォルト経路": "default route",
    "シリアルポート": "serial port", "ボーレート": "baud rate", "電源": "power",
    "遠隔地のルーター": "remote router", "L2MS": "L2MS", "エージェント": "agent",
    "マネージャー": "manager", "端末": "terminal", "端点": "end point", "端点 IP アドレス":
    "end-point IP address", "プロバイダ接続": "provider connection", "PP バックアップ": "pp backup",
    "接続種別": "connection type", "変換種別": "translation type", "MAP-E種別": "MAP-E type",
    "IKE バージョン": "IKE version", "IKE": "IKE", "キー": "key", "ペイロード": "payload",
    "SA": "SA", "ポリシー": "policy", "トランスポートモード": "transport mode",
    "テンプレート": "template", "DPI": "DPI", "アプリケーション識別": "application identification",
}

TERMS.update({
    "読み出し専用": "read-only", "読み書き可能な": "read-write", "TELNET サーバー": "TELNET server",
    "SSH サーバー": "SSH server", "SFTP サーバー": "SFTP server", "TFTP": "TFTP",
    "SNMPv1": "SNMPv1", "SNMPv2c": "SNMPv2c", "SNMPv3": "SNMPv3", "NTP": "NTP",
    "切断タイマ": "disconnect timer", "ファイルサーバー": "file server", "SYSLOG ファイル": "syslog file",
    "実行コマンド": "executed commands", "ウィンドウサイズ": "window size",
    "PPTP キープアライブ": "PPTP keepalive", "IPIP キープアライブ": "IPIP keepalive",
    "取得": "acquisition", "指定": "choice", "アクセス": "access", "実行": "execution",
    "適用": "application", "削除": "deletion", "保存": "saving", "記録": "recording",
    "受信": "reception", "送信": "transmission", "出力": "output", "許可": "permission",
    "内容": "contents", "ボタン": "button", "選択": "selection", "値": "value",
    "クラウド": "cloud", "クラウドサービス": "cloud service", "登録": "registration",
    "通知": "notification", "制御": "control", "定義": "definition", "アップロード": "upload",
    "数": "number", "処理": "handling", "管理": "management", "リクエスト": "request",
    "ピーク値": "peak value", "同時": "simultaneous", "エラー": "error", "追加": "addition",
    "更新": "update", "範囲": "range", "静的": "static", "静的な": "static", "カウンタ": "counter",
    "開閉状態": "open/closed state", "有効": "valid", "方式": "method", "変化": "change",
    "プール": "pool", "広告": "advertisement", "要求": "request", "名": "name", "番号": "number",
    "マップ": "map", "トリガ": "trigger", "グループ": "group", "ミラーリング": "mirroring",
    "強制": "forced", "スケジューリング": "scheduling", "ステータス": "status", "リトライ": "retry",
    "入力": "input", "起動": "start-up", "監視": "monitoring", "変換": "translation",
    "自動": "automatic", "外部": "external", "生成": "generation", "ヘッダ": "header",
    "付加": "addition", "エージング": "aging", "給電": "power supply", "ゼロコンフィグ": "zero-config",
    "機器": "device", "カウント": "count", "リモート": "remote", "バージョン": "version",
    "重複": "duplication", "再送": "retransmission", "詳細": "details",
    "電話番号": "telephone number", "アカウンティング": "accounting", "リンク": "link",
    "条件": "condition", "最大": "maximum", "階層": "hierarchy", "負荷監視": "load monitoring",
    "外部プロトコル": "external protocol", "集約": "aggregation", "導入": "import",
    "規則": "rule", "動的": "dynamic", "メール": "mail", "通信": "communication",
    "シリアル番号": "serial number", "マッピング": "mapping", "メモリ": "memory",
    "インターネット": "Internet", "受信レベル": "reception level", "スナップショット": "snapshot",
    "ファン": "fan", "データ": "data", "ループ検出": "loop detection",
    "識別結果": "identification result", "携帯電話": "mobile phone", "ストレージ": "storage",
    "ダンプ": "dump", "レベル": "level", "フォーマット": "format",
    "ガベージコレクト": "garbage collection", "セカンダリ": "secondary",
    "セカンダリ IP アドレス": "secondary IP address",
    "ディレクテッドブロードキャスト": "directed broadcast", "頻度": "frequency", "ルール": "rule",
    "ホップ数": "hop count", "比較方法": "comparison method", "ネゴシエーション": "negotiation",
    "リース": "lease", "割り当て": "assignment", "探索": "discovery",
    "受信トラフィック": "received traffic", "送信トラフィック": "sent traffic",
    "受信した": "received", "指定した": "given", "取得した": "obtained", "保存された": "stored",
    "各": "each", "各ポート": "each port", "電源": "power", "モード": "mode", "ポート毎": "per-port",
    "サーバー毎": "per-server", "インタフェース毎": "per-interface", "相手毎": "per-peer",
    "クラス毎": "per-class", "タイムアウト秒数": "timeout", "トラフィック": "traffic",
    "手動更新": "manual update", "暗号鍵生成": "encryption key generation", "有効化": "activation",
    "動作設定": "operation", "使用設定": "use", "優先度設定": "priority", "有効設定": "enabling",
    "ログ設定": "logging", "エリア設定": "area", "仮想リンク設定": "virtual link",
    "通知設定": "notification", "受信設定": "reception", "接続設定": "connection settings",
    "LED": "LED", "ポート番号の個数": "number of port numbers", "使用率": "usage",
    "ヘッダー": "header", "問い合わせ": "query", "反映": "reflection", "同期": "synchronisation",
    "ライセンスキー": "licence key", "アカウントサーバー": "accounting server",
    "ICMP エラー": "ICMP error", "MP": "MP", "相手先 ISDN 番号": "peer ISDN number",
    "相手 ISDN 番号": "peer ISDN number", "自分の ISDN 番号": "own ISDN number",
    "ログの出力": "log output", "システム情報": "system information",
})

# Verbs (stems before する / the dictionary form), for "whether to ..." titles.
VERBS = {
    "送信": "send", "受信": "receive", "出力": "output", "記録": "record", "使用": "use",
    "許可": "allow", "中継": "relay", "追加": "add", "表示": "show", "破棄": "discard",
    "評価": "evaluate", "継続": "continue", "拒否": "refuse", "始動": "start", "禁止": "prohibit",
    "変更": "change", "利用": "use", "検出": "detect", "通知": "notify", "保持": "keep",
    "チェック": "check", "動作": "run", "有効に": "enable", "自動的に追加": "add automatically",
    "返": "return", "受け入れる": "accept", "応じる": "accept", "鳴らす": "sound", "使う": "use",
    "送る": "send", "行う": "perform", "とる": "take", "残す": "keep", "扱う": "handle",
    "動作させる": "run", "フィルタアウト": "filter out", "ログに記録": "log",
    "ログに出力": "log", "蓄積": "store", "解放": "release", "分割": "split", "保存": "save",
    "送出": "send", "強制的に切断": "force-disconnect", "書き換える": "rewrite",
    "取得": "obtain", "付加": "add", "送信する": "send", "反映": "apply", "格納": "store",
    "配布": "distribute", "返す": "return", "付与": "add", "受け取る": "accept",
}

TEMPLATES = [
    (r"^(?P<np>.+?)\s*へ\s*アクセスできるホストの設定$", "Sets the hosts allowed to access the {np}."),
    (r"^(?P<np>.+?)\s*によりアクセスできるホストの設定$", "Sets the hosts allowed to access the router via {np}."),
    (r"^(?P<np>.+?)\s*によるアクセスを許可するホストの設定$", "Sets the hosts allowed to access the router via {np}."),
    (r"^(?P<np>.+?)\s*へ\s*同時に接続できるユーザ数の設定$", "Sets how many users may be connected to the {np} at once."),
    (r"^(?P<np>.+?)\s*を受けるホストの IP アドレスの設定$", "Sets the host that receives {np} messages."),
    (r"^(?P<np>.+?)\s*を送信する時の始点 IP アドレスの設定$", "Sets the source IP address of {np} messages."),
    (r"^(?P<np>.+?)\s*パケットを送信するときの始点 IP アドレスの設定$", "Sets the source IP address of {np} packets."),
    (r"^(?P<np>.+?)\s*に\s*(?P<verb>\S+?)\s*(?:する)?\s*か否かの設定$", "Sets whether to {verb} to {np}."),
    (r"^(?P<np>.+?)\s*の\s*動作設定$", "Sets the {np} operation."),
    (r"^(?P<np>.+?)\s*の\s*ログ設定$", "Sets the {np} logging."),
    (r"^(?P<np>.+?)\s*の\s*保存設定$", "Sets where the {np} is saved."),
    # (title regex, English with {np} / {verb})
    (r"^(?P<np>.+?)\s*を\s*(?P<verb>\S+?)\s*(?:する)?\s*か否かの設定$", "Sets whether to {verb} {np}."),
    (r"^(?P<np>.+?)\s*を\s*(?P<verb>\S+?)\s*(?:する)?\s*か否かを設定$", "Sets whether to {verb} {np}."),
    (r"^(?P<np>.+?)\s*(?:を|の)\s*使用\s*(?:する)?\s*か否かの設定$", "Sets whether to use {np}."),
    (r"^(?P<np>.+?)\s*の\s*ON/OFF の設定$", "Turns the {np} on or off."),
    (r"^(?P<np>.+?)\s*の\s*使用許可の設定$", "Enables the {np}."),
    (r"^(?P<np>.+?)\s*の\s*使用不許可の設定$", "Disables the {np}."),
    (r"^(?P<np>.+?)\s*の\s*(?:設定|指定)$", "Sets the {np}."),
    (r"^(?P<np>.+?)\s*を\s*設定(?:する)?$", "Sets the {np}."),
    (r"^(?P<np>.+?)\s*の\s*(?:表示|一覧)$", "Shows the {np}."),
    (r"^(?P<np>.+?)\s*の\s*(?:クリア)$", "Clears the {np}."),
    (r"^(?P<np>.+?)\s*を\s*クリア$", "Clears the {np}."),
    (r"^(?P<np>.+?)\s*の\s*(?:削除|消去)$", "Deletes the {np}."),
    (r"^(?P<np>.+?)\s*の\s*定義$", "Defines a {np}."),
    (r"^(?P<np>.+?)\s*の\s*適用$", "Applies a {np}."),
    (r"^(?P<np>.+?)\s*の\s*(?:実行|手動実行)$", "Runs {np}."),
    (r"^(?P<np>.+?)\s*の\s*選択$", "Selects the {np}."),
    (r"^(?P<np>.+?)\s*の\s*登録$", "Registers the {np}."),
    (r"^(?P<np>.+?)\s*の\s*インポート$", "Imports the {np}."),
    (r"^(?P<np>.+?)\s*の\s*エクスポート$", "Exports the {np}."),
    (r"^(?P<np>.+?)\s*の\s*保存$", "Saves the {np}."),
    (r"^(?P<np>.+?)\s*の\s*複製$", "Copies a {np}."),
    (r"^(?P<np>.+?)\s*の\s*初期化$", "Resets the {np} to factory defaults."),
    (r"^(?P<np>.+?)\s*の\s*(?:再起動)$", "Restarts the {np}."),
    (r"^(?P<np>.+?)\s*の\s*作成$", "Creates a {np}."),
    (r"^(?P<np>.+?)\s*の\s*変更$", "Changes the {np}."),
]

EXACT = {
    "再起動": "Restarts the router.",
    "終了": "Leaves administrator mode or ends the console session.",
    "電源オフ": "Shuts the router down.",
    "発信": "Connects the given peer now.",
    "切断": "Disconnects the given peer now.",
    "ping": "Sends ICMP echo requests to a host.",
    "traceroute": "Traces the route to a host.",
    "nslookup": "Resolves a host name through DNS.",
    "echo": "Prints its arguments.",
    "SSH クライアント": "Opens an SSH session to a remote host.",
    "SCP クライアント": "Copies files to or from a remote host with SCP.",
    "TELNET クライアント": "Opens a TELNET session to a remote host.",
    "設定の一括更新": "Loads a whole configuration at once.",
    "設定の確認": "Confirms the configuration loaded with a rollback timer.",
    "管理ユーザへの移行": "Switches the console session to administrator mode.",
    "設定内容の保存": "Saves the running configuration.",
    "設定の初期化": "Resets the configuration to factory defaults.",
    "すべての設定内容の表示": "Shows the whole running configuration.",
    "ファイルをマクロとして実行する": "Runs a file as a macro.",
}

JP = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")
_TERMS = sorted(TERMS, key=len, reverse=True)

CONNECTIVES = [
    (r"^(?P<a>.+?)\s*を介した\s*(?P<b>.+)$", "{b} through {a}"),
    (r"^(?P<a>.+?)\s*に関する\s*(?P<b>.+)$", "{b} for {a}"),
    (r"^(?P<a>.+?)\s*に関連する\s*(?P<b>.+)$", "{b} related to {a}"),
    (r"^(?P<a>.+?)\s*で利用可能な\s*(?P<b>.+)$", "{b} available in {a}"),
    (r"^(?P<a>.+?)\s*によって管理されている\s*(?P<b>.+)$", "{b} managed by {a}"),
    (r"^(?P<a>.+?)\s*で管理している\s*(?P<b>.+)$", "{b} managed by {a}"),
    (r"^(?P<a>.+?)\s*で使用している\s*(?P<b>.+)$", "{b} in use by {a}"),
    (r"^(?P<a>.+?)\s*に含まれる\s*(?P<b>.+)$", "{b} in {a}"),
    (r"^(?P<a>.+?)\s*を持つ\s*(?P<b>.+)$", "{b} with {a}"),
    (r"^(?P<a>.+?)\s*が用いる\s*(?P<b>.+)$", "{b} used by {a}"),
    # (regex splitting "A <conn> B", English order)
    (r"^(?P<a>.+?)\s*(?:および|及び|と)\s*(?P<b>.+)$", "{a} and {b}"),
    (r"^(?P<a>.+?)\s*または\s*(?P<b>.+)$", "{a} or {b}"),
    (r"^(?P<a>.+?)\s*による\s*(?P<b>.+)$", "{b} via {a}"),
    (r"^(?P<a>.+?)\s*からの\s*(?P<b>.+)$", "{b} from {a}"),
    (r"^(?P<a>.+?)\s*への\s*(?P<b>.+)$", "{b} to {a}"),
    (r"^(?P<a>.+?)\s*での\s*(?P<b>.+)$", "{b} in {a}"),
    (r"^(?P<a>.+?)\s*における\s*(?P<b>.+)$", "{b} on {a}"),
    (r"^(?P<a>.+?)\s*に対する\s*(?P<b>.+)$", "{b} for {a}"),
    (r"^(?P<a>.+?)\s*で使用する\s*(?P<b>.+)$", "{b} used by {a}"),
    (r"^(?P<a>.+?)\s*用の?\s*(?P<b>.+)$", "{b} for {a}"),
    (r"^(?P<a>.+?)\s*毎の\s*(?P<b>.+)$", "per-{a} {b}"),
    (r"^(?P<a>.+?)\s*時の\s*(?P<b>.+)$", "{b} on {a}"),
    (r"^(?P<a>.+?)\s*経由の\s*(?P<b>.+)$", "{b} over {a}"),
    (r"^(?P<a>.+?)\s*側\s*(?P<b>.+)$", "{a}-side {b}"),
]


def translate_words(text):
    """A phrase without particles: terms in order; None if a Japanese word is unknown."""
    out = []
    i = 0
    text = text.strip()
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        for t in _TERMS:
            if text.startswith(t, i):
                out.append(TERMS[t])
                i += len(t)
                break
        else:
            m = re.match(r"[A-Za-z0-9][A-Za-z0-9.,:/_+\-()]*", text[i:])
            if m:
                out.append(m.group(0))
                i += len(m.group(0))
                continue
            return None
    return " ".join(out) if out else None


def translate_np(text):
    text = text.strip().strip("、")
    text = re.sub(r"\s*\(\s*(ノーマル|ファスト|強制)\s*\)", "", text)
    if not text:
        return None
    for rx, fmt in CONNECTIVES:
        m = re.match(rx, text)
        if m:
            a, b = translate_np(m.group("a")), translate_np(m.group("b"))
            if a and b:
                return fmt.format(a=a, b=b)
    # `A の B`: keep the order, drop the particle ("PADI packet retransmission time")
    parts = [p for p in re.split(r"\s*の\s*", text) if p]
    if len(parts) > 1:
        tr = [translate_np(p) for p in parts]
        if all(tr):
            return " ".join(tr)
    return translate_words(text)


def clean_title(title):
    t = title.strip()
    t = re.sub(r"\s+", " ", t)
    t = t.replace("（", "(").replace("）", ")")
    t = re.sub(r"\s*\(\s*(ノーマル|ファスト|強制|YSL-[^)]*)\s*\)\s*$", "", t)
    return t


def from_title(title):
    t = clean_title(title)
    if t in EXACT:
        return EXACT[t]
    for rx, fmt in TEMPLATES:
        m = re.match(rx, t)
        if not m:
            continue
        np = translate_np(m.group("np"))
        if not np:
            continue
        verb = None
        if "verb" in m.groupdict():
            v = m.group("verb")
            verb = VERBS.get(v) or VERBS.get(re.sub(r"する$", "", v))
            if not verb:
                continue
        s = fmt.format(np=np, verb=verb)
        if JP.search(s):
            continue
        s = re.sub(r"\s+", " ", s)
        s = re.sub(r"\b(the|a) (a|an|the) ", r"\2 ", s)
        s = re.sub(r"\ba ([aeiouAEIOU])", r"an \1", s)
        return s[0].upper() + s[1:]
    return None


def summarize(section, name, operational):
    """One line of English for a generated entry."""
    s = from_title(section["title"])
    if s:
        return s
    if operational:
        return f"Runs `{name}`."
    return f"Configures `{name}`."
