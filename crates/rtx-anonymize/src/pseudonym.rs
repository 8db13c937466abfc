//! Keyed pseudonyms of the same shape as what they replace: a host name stays a host name, a
//! MAC address a MAC address, a phone number a phone number. Each is a function of the key and
//! the value alone, so the same value gets the same pseudonym wherever it appears, in every
//! file of a run and in every run with the same salt.
//!
//! Every pseudonym is printable ASCII with no blank, quote, `#` or backslash: it stays one word
//! of a config line, and the line splits into the same words as before.

use crate::Key;

/// Lower-case letters and digits, for the random parts.
const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// The keyed bytes for `value` in `domain`; `round` > 0 derives again (a pseudonym that
/// happened to equal its value).
fn derive(key: &Key, domain: &str, value: &[u8], round: u8) -> [u8; 32] {
    if round == 0 {
        return key.prf(domain, value);
    }
    let mut data = value.to_vec();
    data.push(round);
    key.prf(&format!("{domain}#retry"), &data)
}

/// `n` characters of `alphabet` from `bytes` (at most 32).
fn chars_from(bytes: &[u8; 32], n: usize, alphabet: &[u8]) -> String {
    bytes
        .iter()
        .take(n)
        .map(|b| alphabet[usize::from(*b) % alphabet.len()] as char)
        .collect()
}

/// The first of the derived candidates that does not contain `value` (a pseudonym must never
/// show what it replaces).
fn fresh(key: &Key, domain: &str, value: &[u8], make: impl Fn(&[u8; 32]) -> String) -> String {
    let mut last = String::new();
    for round in 0..8 {
        last = make(&derive(key, domain, value, round));
        let shows = !value.is_empty()
            && last
                .as_bytes()
                .windows(value.len())
                .any(|w| w.eq_ignore_ascii_case(value));
        if !shows {
            break;
        }
    }
    last
}

/// A placeholder for a secret: `secret-` and ten keyed characters, whatever the secret's
/// length, cut to `max_len` for a short slot. The same secret gets the same placeholder, so
/// two ends whose keys matched still match.
pub fn secret_text(key: &Key, value: &[u8], max_len: usize) -> String {
    let mut out = fresh(key, "secret", value, |b| {
        format!("secret-{}", chars_from(b, 10, ALNUM))
    });
    out.truncate(max_len.max(1));
    out
}

/// A placeholder for a hexadecimal secret: `0x` and sixteen keyed digits (fewer for a slot of
/// fewer bytes, always a whole number of bytes).
pub fn secret_hex(key: &Key, value: &[u8], max_bytes: usize) -> String {
    let digits = (max_bytes.clamp(1, 8)) * 2;
    fresh(key, "secret-hex", value, |b| {
        format!("0x{}", chars_from(b, digits, b"0123456789abcdef"))
    })
}

/// A name or an account: `kind-` and six keyed characters (`user-k3x9q2`).
pub fn name(key: &Key, kind: &str, value: &[u8]) -> String {
    fresh(key, "name", value, |b| {
        format!("{kind}-{}", chars_from(b, 6, ALNUM))
    })
}

/// A host name with as many labels: each replaced by a keyed label, the last kept when it is
/// alphabetic (the top-level domain says little). A value with no dot is a name.
pub fn fqdn(key: &Key, value: &[u8]) -> String {
    let labels: Vec<&[u8]> = value.split(|&b| b == b'.').collect();
    if labels.len() < 2 {
        return name(key, "host", value);
    }
    let last = labels.len() - 1;
    let tld_kept = !labels[last].is_empty() && labels[last].iter().all(u8::is_ascii_alphabetic);
    let mapped: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            if label.is_empty() {
                String::new()
            } else if i == last && tld_kept {
                String::from_utf8_lossy(label).to_ascii_lowercase()
            } else {
                fresh(key, "label", label, |b| {
                    let first = (b'a' + b[31] % 26) as char;
                    format!("{first}{}", chars_from(b, 5, ALNUM))
                })
            }
        })
        .collect();
    mapped.join(".")
}

/// An e-mail address: its local part a name, its domain a host name.
pub fn email(key: &Key, value: &[u8]) -> String {
    match value.iter().rposition(|&b| b == b'@') {
        Some(at) => format!(
            "{}@{}",
            name(key, "user", &value[..at]),
            fqdn(key, &value[at + 1..])
        ),
        None => name(key, "user", value),
    }
}

/// A phone number: the same length and punctuation, a leading `0` or `+` kept, the other
/// digits (and any letter) keyed.
pub fn phone(key: &Key, value: &[u8]) -> String {
    fresh(key, "phone", value, |b| {
        value
            .iter()
            .enumerate()
            .map(|(i, &c)| match c {
                b'0'..=b'9' if i == 0 && c == b'0' => '0',
                b'0'..=b'9' => (b'0' + b[i % 32].wrapping_add(i as u8 / 32) % 10) as char,
                c if c.is_ascii_alphabetic() => (b'a' + b[i % 32] % 26) as char,
                c if c.is_ascii_graphic() && !matches!(c, b'"' | b'\'' | b'#' | b'\\') => c as char,
                _ => '-',
            })
            .collect()
    })
}

/// A MAC address in the same notation (`:`, `-`, or `xxxx.xxxx.xxxx`) and letter case; the
/// multicast and locally-administered bits of the first octet are kept. Not a MAC: a name.
pub fn mac(key: &Key, value: &[u8]) -> String {
    let digits: Vec<u8> = value
        .iter()
        .copied()
        .filter(u8::is_ascii_hexdigit)
        .collect();
    let notation_ok = value
        .iter()
        .all(|b| b.is_ascii_hexdigit() || matches!(b, b':' | b'-' | b'.'));
    if digits.len() != 12 || !notation_ok {
        return name(key, "mac", value);
    }
    let upper = value.iter().any(u8::is_ascii_uppercase);
    let original = u8::from_str_radix(&String::from_utf8_lossy(&digits[..2]), 16).unwrap_or(0);
    fresh(key, "mac", &digits.to_ascii_lowercase(), |b| {
        let mut octets = [0u8; 6];
        octets.copy_from_slice(&b[..6]);
        octets[0] = (octets[0] & !0b11) | (original & 0b11);
        let hex: Vec<u8> = octets
            .iter()
            .flat_map(|o| {
                let text = if upper {
                    format!("{o:02X}")
                } else {
                    format!("{o:02x}")
                };
                text.into_bytes()
            })
            .collect();
        let mut next = hex.iter();
        value
            .iter()
            .map(|&c| {
                if c.is_ascii_hexdigit() {
                    *next.next().unwrap_or(&b'0') as char
                } else {
                    c as char
                }
            })
            .collect()
    })
}

/// A serial number: the same length, each digit a keyed digit and each letter a keyed letter
/// of the same case, other characters kept.
pub fn serial(key: &Key, value: &[u8]) -> String {
    fresh(key, "serial", value, |b| {
        value
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let r = b[i % 32].wrapping_add((i / 32) as u8);
                match c {
                    b'0'..=b'9' => (b'0' + r % 10) as char,
                    b'A'..=b'Z' => (b'A' + r % 26) as char,
                    b'a'..=b'z' => (b'a' + r % 26) as char,
                    c if c.is_ascii_graphic() && !matches!(c, b'"' | b'\'' | b'#' | b'\\') => {
                        c as char
                    }
                    _ => 'x',
                }
            })
            .collect()
    })
}

/// Neutral words for prose (descriptions, comments; Japanese too): `text-` and six keyed
/// characters.
pub fn free_text(key: &Key, value: &[u8]) -> String {
    fresh(key, "text", value, |b| {
        format!("text-{}", chars_from(b, 6, ALNUM))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key() -> Key {
        Key::from_salt(b"pseudonym tests")
    }

    fn one_word(text: &str) -> bool {
        !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'#' | b'\\'))
    }

    #[test]
    fn shapes_are_kept() {
        let k = key();
        let host = fqdn(&k, b"office.aa0.netvolante.jp");
        assert_eq!(host.split('.').count(), 4);
        assert!(host.ends_with(".jp"));
        let mail = email(&k, b"admin@example.co.jp");
        assert!(mail.contains('@') && mail.ends_with(".jp"), "{mail}");
        let tel = phone(&k, b"03-1234-5678");
        assert_eq!(tel.len(), 12);
        assert!(tel.starts_with('0') && tel.as_bytes()[2] == b'-', "{tel}");
        let m = mac(&k, b"00:A0:DE:12:34:56");
        assert_eq!(m.len(), 17);
        assert_eq!(m.matches(':').count(), 5);
        assert_eq!(m, m.to_ascii_uppercase());
        assert_eq!(u8::from_str_radix(&m[..2], 16).unwrap() & 0b11, 0);
        let dotted = mac(&k, b"ac44.f2b6.8600");
        assert_eq!(dotted.len(), 14);
        let s = serial(&k, b"S4H196102");
        assert_eq!(s.len(), 9);
        assert!(s.as_bytes()[0].is_ascii_uppercase() && s.as_bytes()[1].is_ascii_digit());
    }

    #[test]
    fn secrets_get_one_length_and_one_placeholder_per_value() {
        let k = key();
        let short = secret_text(&k, b"a", usize::MAX);
        let long = secret_text(&k, &[b'x'; 300], usize::MAX);
        assert_eq!(short.len(), long.len());
        assert_eq!(
            secret_text(&k, b"made-up", 64),
            secret_text(&k, b"made-up", 64)
        );
        assert_ne!(
            secret_text(&k, b"made-up", 64),
            secret_text(&k, b"made-up2", 64)
        );
        assert_eq!(secret_text(&k, b"made-up", 8).len(), 8);
        let hex = secret_hex(&k, b"0x1234", 4);
        assert!(hex.starts_with("0x") && hex.len() == 10, "{hex}");
        assert_ne!(
            secret_text(&Key::from_salt(b"other"), b"made-up", 64),
            secret_text(&k, b"made-up", 64)
        );
    }

    proptest! {
        #[test]
        fn pseudonyms_are_one_word_and_never_show_their_value(value in proptest::collection::vec(any::<u8>(), 1..40)) {
            let k = key();
            for out in [
                secret_text(&k, &value, usize::MAX),
                secret_hex(&k, &value, 16),
                name(&k, "user", &value),
                fqdn(&k, &value),
                email(&k, &value),
                phone(&k, &value),
                mac(&k, &value),
                serial(&k, &value),
                free_text(&k, &value),
            ] {
                prop_assert!(one_word(&out), "{:?}", out);
                if value.len() >= 3 && value.iter().all(u8::is_ascii_alphanumeric) {
                    let shown = out.to_ascii_lowercase().contains(&String::from_utf8_lossy(&value).to_ascii_lowercase());
                    prop_assert!(!shown, "{:?} shows {:?}", out, value);
                }
            }
        }
    }
}
