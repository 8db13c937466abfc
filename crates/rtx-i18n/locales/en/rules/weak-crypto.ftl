## weak-crypto

rule-summary-weak-crypto = an IPsec gateway negotiates weak cryptography: DES/3DES, MD5, a small DH group, ESP without integrity, aggressive mode, a short key

# An algorithm a gateway's line sets. $gateway: the IKE gateway; $what: a
# weak-crypto-setting-* message; $algorithm: the algorithm keyword; $why: a weak-crypto-why-*
# message.
weak-crypto = gateway { $gateway } negotiates the { $what } { $algorithm }: { $why }
weak-crypto-label = weak { $what }
weak-crypto-kept-label = keeps the negotiation to this setting
# $instead: what to use (`sha256`, or weak-crypto-instead-aes); $line: the config line to add.
weak-crypto-help = use { $instead } (`{ $line }`), and change the peer to match
# What the settings are called in messages (the $what above).
weak-crypto-setting-encryption = IKE encryption
weak-crypto-setting-hash = IKE hash
weak-crypto-setting-group = Diffie-Hellman group
weak-crypto-setting-group2 = phase 2 (PFS) Diffie-Hellman group
weak-crypto-setting-esp-cipher = ESP cipher
weak-crypto-setting-integrity = ESP/AH integrity algorithm
# Why each algorithm is weak (the $why above and in weak-crypto-defaults).
weak-crypto-why-des-cbc = DES's 56-bit key falls to brute force and its 64-bit block to Sweet32 (CVE-2016-2183); RFC 8221 and RFC 8247 say MUST NOT, NIST SP 800-131A disallows it
weak-crypto-why-3des-cbc = 3DES's 64-bit block leaks plaintext on a long-lived tunnel (Sweet32, CVE-2016-2183); NIST SP 800-131A Rev. 2 disallows it for encryption after 2023, RFC 8221 says SHOULD NOT for ESP and RFC 8247 keeps it in IKE for old peers only
weak-crypto-why-md5 = MD5 is broken (practical collisions); RFC 8247 says MUST NOT for IKE's PRF and integrity
weak-crypto-why-md5-hmac = HMAC-MD5 is withdrawn: RFC 8221 says MUST NOT for ESP and AH
weak-crypto-why-modp768 = a 768-bit Diffie-Hellman group is broken; RFC 8247 says MUST NOT and NIST SP 800-131A requires 2048 bits
weak-crypto-why-modp1024 = a 1024-bit Diffie-Hellman group is within reach of precomputation (Logjam, CVE-2015-4000); RFC 8247 says SHOULD NOT and NIST SP 800-131A requires 2048 bits
weak-crypto-why-modp1536 = a 1536-bit Diffie-Hellman group is below the 2048 bits NIST SP 800-131A requires; RFC 8247 says SHOULD NOT
# What to use instead of DES or 3DES.
weak-crypto-instead-aes = aes-cbc or aes256-cbc
# The router's weak defaults that no line replaces. $defaults: a weak-crypto-default-*
# message; $reason: a weak-crypto-reason-* message; $why: their weak-crypto-why-* messages,
# joined.
weak-crypto-defaults = gateway { $gateway } negotiates the router's defaults, { $defaults }, because { $reason }: { $why }
weak-crypto-default-encryption = the IKE encryption 3des-cbc
weak-crypto-default-group = the Diffie-Hellman group modp1024
weak-crypto-default-both = the IKE encryption 3des-cbc and the Diffie-Hellman group modp1024
# Why the defaults count. $line: the line that makes them count.
weak-crypto-reason-initiator = gateway { $gateway } starts the exchange with the peer on line { $line } and proposes them
weak-crypto-reason-strict = `ipsec ike negotiate-strictly { $gateway } on` (line { $line }) makes gateway { $gateway } accept nothing else
weak-crypto-reason-limited = `ipsec ike proposal-limitation { $gateway } on` (line { $line }) makes gateway { $gateway } propose nothing else
weak-crypto-initiator-label = proposes the defaults from here
weak-crypto-strict-label = accepts only its settings, defaults included
weak-crypto-limited-label = proposes only its settings, defaults included
# $lines: the config lines to add, in backticks, joined.
weak-crypto-defaults-help = no line sets them; add { $lines } for gateway { $gateway } (and the same on the peer)
weak-crypto-aggressive-mode = IKEv1 gateway { $gateway } names an identity, so it negotiates in aggressive mode with a pre-shared key: the responder sends a hash of the key that anyone can take offline and guess (CVE-2002-1623); NIST SP 800-77 Rev. 1 advises against aggressive mode and RFC 9395 deprecates IKEv1
weak-crypto-aggressive-mode-label = an identity name means aggressive mode
weak-crypto-aggressive-mode-key-label = the pre-shared key it exposes
weak-crypto-aggressive-mode-help = use main mode (fixed addresses: `ipsec ike remote address { $gateway } <peer>` without names) or IKEv2 (`ipsec ike version { $gateway } 2`) on both ends; if aggressive mode must stay, use a long random key
# $min: the shortest key the settings accept; $unit: `characters` (text keys) or `bytes`
# (hex keys). The key's own length is never shown.
weak-crypto-short-key = the pre-shared key of gateway { $gateway } is shorter than { $min } { $unit ->
        [bytes] bytes
       *[characters] characters
    }: whoever captures one exchange can guess a short key offline (RFC 7296 section 2.15 asks for a key as strong as the keys it protects)
weak-crypto-short-key-label = shorter than { $min } { $unit ->
        [bytes] bytes
       *[characters] characters
    }
weak-crypto-short-key-help = use a random key of at least { $min } { $unit ->
        [bytes] bytes
       *[characters] characters
    } (`ipsec ike pre-shared-key { $gateway } text ...`), the same on the peer
# An algorithm an SA policy names. $policy: the policy; $gateway: its gateway.
weak-crypto-policy = SA policy { $policy } (gateway { $gateway }) negotiates the { $what } { $algorithm }: { $why }
weak-crypto-policy-help = use { $instead } in `ipsec sa policy { $policy } { $gateway } ...`, and change the peer to match
# $cipher: the ESP cipher keyword.
weak-crypto-no-integrity = SA policy { $policy } (gateway { $gateway }) encrypts with { $cipher } but names no HMAC, so ESP checks no integrity: an attacker can alter the traffic unnoticed; RFC 8221 allows ESP without an integrity algorithm only with an AEAD cipher, and { $cipher } is none
weak-crypto-no-integrity-label = ESP with no HMAC
weak-crypto-no-integrity-help = add an HMAC: `ipsec sa policy { $policy } { $gateway } esp { $cipher } sha256-hmac` (the same on the peer)
