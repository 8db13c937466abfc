//! A fast, non-cryptographic hasher for the small integer keys of the model and its rules.
//!
//! The standard `HashMap` hashes with SipHash, which resists collision attacks at a cost of
//! tens of instructions per key. The keys here are numbers and short ids from the document
//! being linted, looked up once or twice per line; a hostile file can at worst make its own
//! lint slower, and the tables that face hostile sizes are B-trees or sorted vectors anyway.
//! This is the multiply-rotate hash of rustc's `FxHasher` (written out: a dozen lines do not
//! warrant a dependency).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// rustc's Fx hash: per word, rotate, xor, multiply.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` hashed with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, BuildHasherDefault};

    #[test]
    fn equal_keys_hash_equal_and_neighbours_differ() {
        let build = BuildHasherDefault::<FxHasher>::default();
        assert_eq!(build.hash_one((3u8, 7u32)), build.hash_one((3u8, 7u32)));
        assert_ne!(build.hash_one((3u8, 7u32)), build.hash_one((3u8, 8u32)));
        assert_ne!(build.hash_one("abcdefghi"), build.hash_one("abcdefghj"));
        let mut map: FxHashMap<u32, u32> = FxHashMap::default();
        for n in 0..1000 {
            map.insert(n, n * 2);
        }
        assert!((0..1000).all(|n| map[&n] == n * 2));
    }
}
