## weak-crypto

rule-summary-weak-crypto = an IPsec gateway negotiates weak cryptography: DES/3DES, MD5, a small DH group, ESP without integrity, aggressive mode, a short key
