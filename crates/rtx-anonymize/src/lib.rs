//! Anonymises a Yamaha RTX config so that anyone can post it, while it still parses and lints
//! the same.
//!
//! What a word is decides what happens to it, and the command catalogue says what each word of
//! a command is: a secret slot, an address, a host name, an account, free text. Lines that do
//! not bind are scanned for what they may hold instead (addresses, MAC addresses, e-mail
//! addresses, and any word that is no keyword), so nothing of the input leaks through a typo.
//!
//! * Secrets (the spans [`rtx_syntax::Document::secret_spans`] finds: pre-shared keys,
//!   passwords, communities, keys in Lua bodies) become placeholders of one length, the same
//!   secret the same placeholder under one salt: a pair check on two anonymised ends still sees
//!   whether their keys match. The map never records them.
//! * Addresses are mapped prefix-preservingly under the salt ([`address`]): networks stay
//!   networks, hosts stay inside them, private and special ranges stay as they are.
//! * Accounts, names, host names, e-mail addresses, phone numbers, MAC addresses and the
//!   header's serial number become keyed pseudonyms of the same shape ([`pseudonym`]).
//! * Free text (descriptions, comments) becomes neutral words unless kept.
//!
//! Everything else is copied byte for byte: line ends, encoding, indentation, the header's
//! model and firmware, `# rtxlint:` directives.
//!
//! ```
//! use rtx_anonymize::{Anonymizer, Options};
//! let mut anonymizer = Anonymizer::new(Options::with_salt(b"team salt"));
//! let out = anonymizer.anonymize(b"ipsec ike pre-shared-key 1 text made-up-key\n");
//! let out = String::from_utf8(out).unwrap();
//! assert!(out.starts_with("ipsec ike pre-shared-key 1 text secret-"));
//! assert!(!out.contains("made-up-key"));
//! ```

pub mod address;
mod edits;
mod header;
pub mod key;
mod lines;
mod mapping;
pub mod pseudonym;
mod scan;
mod words;

pub use key::Key;
pub use mapping::{Entry as MapEntry, Kind as MapKind, Mapping, reverse};

use address::AddressMap;

/// What to anonymise, and the salt every mapping is keyed by.
#[derive(Clone, Debug)]
pub struct Options {
    /// The salt: the same salt gives the same output, so two configs (the two ends of a VPN)
    /// anonymised with one salt still agree with each other.
    pub salt: Vec<u8>,
    /// Map private ranges (RFC 1918, shared address space, ULA) too; by default they stay.
    pub anonymize_private: bool,
    /// Keep comments as written (their addresses, MACs and secrets are still replaced).
    pub keep_comments: bool,
    /// Keep descriptions and names of interfaces as written (same exceptions).
    pub keep_descriptions: bool,
}

impl Options {
    /// The defaults with `salt`.
    pub fn with_salt(salt: &[u8]) -> Options {
        Options {
            salt: salt.to_vec(),
            anonymize_private: false,
            keep_comments: false,
            keep_descriptions: false,
        }
    }
}

/// A random salt, for a run that names none: 16 bytes of the operating system's randomness,
/// as 32 hexadecimal digits (so that it can be printed and passed back with `--salt`).
pub fn random_salt() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Anonymises configs, one after another, under one key: the same value maps to the same
/// output in every config of the run.
pub struct Anonymizer {
    options: Options,
    key: Key,
    addresses: AddressMap,
    mapping: Mapping,
}

impl Anonymizer {
    pub fn new(options: Options) -> Anonymizer {
        let key = Key::from_salt(&options.salt);
        Anonymizer {
            addresses: AddressMap::new(key.clone(), options.anonymize_private),
            key,
            options,
            mapping: Mapping::default(),
        }
    }

    /// The anonymised config: `src` with every replaced word replaced, and nothing else
    /// changed. Any bytes are accepted.
    pub fn anonymize(&mut self, src: &[u8]) -> Vec<u8> {
        let doc = rtx_syntax::parse(src);
        let (first, rest) = lines::edits(self, &doc);
        let out = edits::apply(doc.source(), first, rest);
        // A tail beyond the parser's u32 offsets is not split into lines; nothing of it is
        // copied unread.
        let parsed = doc.source().len().min(u32::MAX as usize);
        if src.len() > parsed {
            let tail = rtx_syntax::parse(&src[parsed..]);
            let mut out = out;
            let (first, rest) = lines::edits(self, &tail);
            out.extend(edits::apply(tail.source(), first, rest));
            return out;
        }
        out
    }

    /// Whether an IPv4 address stays as it is (a private or special range).
    pub fn keeps_v4(&self, addr: std::net::Ipv4Addr) -> bool {
        self.addresses.keeps_v4(addr)
    }

    /// Whether an IPv6 address stays as it is.
    pub fn keeps_v6(&self, addr: std::net::Ipv6Addr) -> bool {
        self.addresses.keeps_v6(addr)
    }

    /// What was replaced so far, secrets excepted: for `--map-out`, to translate an answer
    /// back with [`reverse`].
    pub fn mapping(&self) -> &Mapping {
        &self.mapping
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Config-like bytes: keywords, addresses, secrets, quotes, comments, heredocs, line ends.
    fn config_bytes() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just(&b"ipsec ike pre-shared-key 1 text "[..]),
            Just(&b"pp auth myname "[..]),
            Just(&b"login password "[..]),
            Just(&b"tunnel select 1\n"[..]),
            Just(&b"embedded file 1 <<EOF\n"[..]),
            Just(&b"EOF\n"[..]),
            Just(&b"# comment "[..]),
            Just(&b"203.0.113.9/24 "[..]),
            Just(&b"45.76.1.2-45.76.9.9 "[..]),
            Just(&b"2001:db8::1 "[..]),
            Just(&b"00:a0:de:12:34:56 "[..]),
            Just(&b"\"quoted "[..]),
            Just(&b"\r\n"[..]),
            Just(&b"\n"[..]),
            Just("東京 ".as_bytes()),
            Just(&b"\xff\x82\xa0 "[..]),
            Just(&b"description 1 "[..]),
        ];
        proptest::collection::vec(
            prop_oneof![
                piece.prop_map(<[u8]>::to_vec),
                proptest::collection::vec(any::<u8>(), 0..8)
            ],
            0..24,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn any_input_keeps_its_lines_and_is_deterministic(src in config_bytes()) {
            let run = || Anonymizer::new(Options::with_salt(b"p")).anonymize(&src);
            let out = run();
            prop_assert_eq!(
                rtx_syntax::parse(&src).line_count(),
                rtx_syntax::parse(&out).line_count()
            );
            prop_assert_eq!(out, run());
        }
    }
}
