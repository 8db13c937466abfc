//! The run's secret key: every pseudonym and every address mapping is a keyed function of it,
//! so the same salt gives the same output and nothing can be undone without the map.

/// A 256-bit key derived from the user's salt.
#[derive(Clone)]
pub struct Key([u8; 32]);

impl Key {
    /// The key for `salt`: the same salt always gives the same key.
    pub fn from_salt(salt: &[u8]) -> Key {
        let mut hasher = blake3::Hasher::new_derive_key("rtxlint anonymize 2026-12 key");
        hasher.update(salt);
        Key(*hasher.finalize().as_bytes())
    }

    /// A keyed pseudo-random function of `data`, separated by `domain` (each use of the key has
    /// its own domain, so that an address and a name with the same bytes map independently).
    pub fn prf(&self, domain: &str, data: &[u8]) -> [u8; 32] {
        let mut hasher = blake3::Hasher::new_keyed(&self.0);
        hasher.update(&(domain.len() as u64).to_le_bytes());
        hasher.update(domain.as_bytes());
        hasher.update(data);
        *hasher.finalize().as_bytes()
    }
}
