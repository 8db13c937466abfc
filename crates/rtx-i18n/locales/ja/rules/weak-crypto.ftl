## weak-crypto

rule-summary-weak-crypto = IPsec ゲートウェイが弱い暗号（DES/3DES、MD5、小さい DH グループ、完全性のない ESP、アグレッシブモード、短い鍵）をネゴシエーションする

weak-crypto = ゲートウェイ { $gateway } は { $what } { $algorithm } をネゴシエーションします。{ $why }
weak-crypto-label = 弱い { $what }
weak-crypto-kept-label = ネゴシエーションをこの設定に限定する
weak-crypto-help = { $instead } を使い（`{ $line }`）、対向もそれに合わせて変更してください
weak-crypto-setting-encryption = IKE の暗号化アルゴリズム
weak-crypto-setting-hash = IKE のハッシュアルゴリズム
weak-crypto-setting-group = Diffie-Hellman グループ
weak-crypto-setting-group2 = フェーズ 2（PFS）の Diffie-Hellman グループ
weak-crypto-setting-esp-cipher = ESP の暗号アルゴリズム
weak-crypto-setting-integrity = ESP/AH の完全性アルゴリズム
weak-crypto-why-des-cbc = DES の 56 ビット鍵は総当たりで、64 ビットのブロックは Sweet32（CVE-2016-2183）で破られます。RFC 8221 と RFC 8247 は MUST NOT とし、NIST SP 800-131A は使用を認めていません
weak-crypto-why-3des-cbc = 3DES の 64 ビットのブロックは、長時間続くトンネルで平文を漏らします（Sweet32、CVE-2016-2183）。NIST SP 800-131A Rev. 2 は 2023 年より後の暗号化への使用を認めておらず、RFC 8221 は ESP について SHOULD NOT とし、RFC 8247 は古い対向のためにのみ IKE に残しています
weak-crypto-why-md5 = MD5 は破られています（現実的な衝突が見つかっています）。RFC 8247 は IKE の PRF と完全性について MUST NOT としています
weak-crypto-why-md5-hmac = HMAC-MD5 は廃止されています。RFC 8221 は ESP と AH について MUST NOT としています
weak-crypto-why-modp768 = 768 ビットの Diffie-Hellman グループは破られています。RFC 8247 は MUST NOT とし、NIST SP 800-131A は 2048 ビットを要求しています
weak-crypto-why-modp1024 = 1024 ビットの Diffie-Hellman グループは事前計算で破られうる範囲にあります（Logjam、CVE-2015-4000）。RFC 8247 は SHOULD NOT とし、NIST SP 800-131A は 2048 ビットを要求しています
weak-crypto-why-modp1536 = 1536 ビットの Diffie-Hellman グループは NIST SP 800-131A が要求する 2048 ビットに届きません。RFC 8247 は SHOULD NOT としています
weak-crypto-instead-aes = aes-cbc または aes256-cbc
weak-crypto-defaults = ゲートウェイ { $gateway } はルーターの初期値である { $defaults } をネゴシエーションします。{ $reason }ためです。{ $why }
weak-crypto-default-encryption = IKE の暗号化アルゴリズム 3des-cbc
weak-crypto-default-group = Diffie-Hellman グループ modp1024
weak-crypto-default-both = IKE の暗号化アルゴリズム 3des-cbc と Diffie-Hellman グループ modp1024
weak-crypto-reason-initiator = ゲートウェイ { $gateway } が { $line } 行目の対向とのネゴシエーションを自ら開始し、初期値を提案する
weak-crypto-reason-strict = `ipsec ike negotiate-strictly { $gateway } on`（{ $line } 行目）により、ゲートウェイ { $gateway } がこれら以外を受け入れない
weak-crypto-reason-limited = `ipsec ike proposal-limitation { $gateway } on`（{ $line } 行目）により、ゲートウェイ { $gateway } がこれら以外を提案しない
weak-crypto-initiator-label = ここから初期値を提案する
weak-crypto-strict-label = 初期値を含め、自身の設定しか受け入れない
weak-crypto-limited-label = 初期値を含め、自身の設定しか提案しない
weak-crypto-defaults-help = これらを設定する行がありません。ゲートウェイ { $gateway } に { $lines } を追加してください（対向にも同じ設定をしてください）
weak-crypto-aggressive-mode = IKEv1 ゲートウェイ { $gateway } は ID を名前で指定しているため、事前共有鍵によるアグレッシブモードでネゴシエーションします。レスポンダーが送る鍵のハッシュは、誰でもオフラインに持ち出して推測できます（CVE-2002-1623）。NIST SP 800-77 Rev. 1 はアグレッシブモードを推奨しておらず、RFC 9395 は IKEv1 を非推奨としています
weak-crypto-aggressive-mode-label = 名前による ID 指定はアグレッシブモードになる
weak-crypto-aggressive-mode-key-label = これにより露出する事前共有鍵
weak-crypto-aggressive-mode-help = 両端でメインモード（固定アドレス：名前を使わない `ipsec ike remote address { $gateway } <peer>`）か IKEv2（`ipsec ike version { $gateway } 2`）を使ってください。アグレッシブモードを残す必要がある場合は、長いランダムな鍵を使ってください
weak-crypto-short-key = ゲートウェイ { $gateway } の事前共有鍵は { $min } { $unit ->
        [bytes] バイト
       *[characters] 文字
    }未満です。一度の交換を傍受した者は、短い鍵をオフラインで推測できます（RFC 7296 の 2.15 節は、保護する鍵と同等の強度を持つ鍵を求めています）
weak-crypto-short-key-label = { $min } { $unit ->
        [bytes] バイト
       *[characters] 文字
    }未満
weak-crypto-short-key-help = { $min } { $unit ->
        [bytes] バイト
       *[characters] 文字
    }以上のランダムな鍵を使い（`ipsec ike pre-shared-key { $gateway } text ...`）、対向にも同じ鍵を設定してください
weak-crypto-policy = SA ポリシー { $policy }（ゲートウェイ { $gateway }）は { $what } { $algorithm } をネゴシエーションします。{ $why }
weak-crypto-policy-help = `ipsec sa policy { $policy } { $gateway } ...` で { $instead } を使い、対向もそれに合わせて変更してください
weak-crypto-no-integrity = SA ポリシー { $policy }（ゲートウェイ { $gateway }）は { $cipher } で暗号化しますが、HMAC を指定していないため、ESP は完全性を検査しません。攻撃者は気付かれずに通信を改ざんできます。RFC 8221 が完全性アルゴリズムなしの ESP を認めるのは AEAD 暗号を使う場合だけで、{ $cipher } は AEAD 暗号ではありません
weak-crypto-no-integrity-label = HMAC のない ESP
weak-crypto-no-integrity-help = HMAC を追加してください（`ipsec sa policy { $policy } { $gateway } esp { $cipher } sha256-hmac`、対向も同様）
