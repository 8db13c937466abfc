//! Secrets compared without being kept: a keyed hash that lives only in this process.
//!
//! Both ends of a VPN must hold the same pre-shared key, and an L2TPv3 tunnel's two ends the
//! same password. Checking that means comparing secrets from two files (or a file and a cloud
//! provider's configuration) without ever holding either where it could be printed, logged or
//! serialised. A [`SecretDigest`] is SipHash of the secret under a key drawn at random once
//! per process: equal secrets give equal digests within a run, the digest says nothing about
//! the secret's value or length, and it cannot be compared with a digest from another run
//! (which is why it is never written anywhere).

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::OnceLock;

/// A secret as a keyed hash, for comparing with another secret of the same run. Its `Debug`
/// shows nothing of it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SecretDigest(u64);

impl SecretDigest {
    /// The digest of a secret's bytes (as the router reads them: unquoted, unescaped).
    pub fn of(secret: &[u8]) -> SecretDigest {
        static KEY: OnceLock<RandomState> = OnceLock::new();
        SecretDigest(KEY.get_or_init(RandomState::new).hash_one(secret))
    }
}

impl std::fmt::Debug for SecretDigest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretDigest(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_secrets_match_and_different_ones_do_not() {
        assert_eq!(
            SecretDigest::of(b"made-up-key"),
            SecretDigest::of(b"made-up-key")
        );
        assert_ne!(
            SecretDigest::of(b"made-up-key"),
            SecretDigest::of(b"made-up-kez")
        );
    }

    #[test]
    fn debug_shows_nothing_of_the_secret() {
        let shown = format!("{:?}", SecretDigest::of(b"made-up-key"));
        assert_eq!(shown, "SecretDigest(..)");
    }
}
