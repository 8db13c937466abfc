//! What a run replaced, so that the user can translate an answer back (`--map-out`, then
//! `--reverse --map`). Secrets are never recorded: an answer never needs them back, and a map
//! file is one more place a key could leak from.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

/// What kind of value an entry maps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Address,
    Host,
    Name,
    Email,
    Phone,
    Mac,
    Serial,
    Text,
}

/// One replaced value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub kind: Kind,
    /// What the output says.
    pub anonymized: String,
    /// What the input said, when it is UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    /// What the input said, in hexadecimal, when it is not UTF-8 (a Shift_JIS description).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_hex: Option<String>,
}

impl Entry {
    /// The original bytes.
    pub fn original_bytes(&self) -> Vec<u8> {
        match (&self.original, &self.original_hex) {
            (Some(text), _) => text.as_bytes().to_vec(),
            (None, Some(hex)) => (0..hex.len() / 2)
                .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
                .collect(),
            (None, None) => Vec::new(),
        }
    }
}

/// Every value a run replaced, once each, in the order first seen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub entries: Vec<Entry>,
    #[serde(skip)]
    index: HashMap<String, usize>,
}

impl Mapping {
    /// Records that `original` became `anonymized` (nothing when it stayed).
    pub(crate) fn record(&mut self, kind: Kind, original: &[u8], anonymized: &str) {
        if original == anonymized.as_bytes() || self.index.contains_key(anonymized) {
            return;
        }
        let (original, original_hex) = match std::str::from_utf8(original) {
            Ok(text) => (Some(text.to_string()), None),
            Err(_) => (
                None,
                Some(original.iter().map(|b| format!("{b:02x}")).collect()),
            ),
        };
        self.index
            .insert(anonymized.to_string(), self.entries.len());
        self.entries.push(Entry {
            kind,
            anonymized: anonymized.to_string(),
            original,
            original_hex,
        });
    }

    /// The map as JSON, for `--map-out`.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a mapping serialises")
    }

    /// A map written by [`Mapping::to_json`].
    pub fn from_json(text: &str) -> Result<Mapping, serde_json::Error> {
        let mut mapping: Mapping = serde_json::from_str(text)?;
        mapping.index = mapping
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.anonymized.clone(), i))
            .collect();
        Ok(mapping)
    }
}

/// `text` with every anonymised value of `mapping` put back, where it stands as a whole value
/// (`192.0.2.1` is not replaced inside `192.0.2.10`). The longest value wins where several
/// match at one place. Linear in the text.
pub fn reverse(text: &[u8], mapping: &Mapping) -> Vec<u8> {
    if mapping.entries.is_empty() {
        return text.to_vec();
    }
    let patterns: Vec<&str> = mapping
        .entries
        .iter()
        .map(|e| e.anonymized.as_str())
        .collect();
    let Ok(finder) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
    else {
        return text.to_vec();
    };
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    for found in finder.find_iter(text) {
        let whole = found
            .start()
            .checked_sub(1)
            .is_none_or(|i| !continues(text[i]))
            && text.get(found.end()).is_none_or(|&b| !continues(b));
        if !whole {
            continue;
        }
        out.extend_from_slice(&text[at..found.start()]);
        out.extend(mapping.entries[found.pattern().as_usize()].original_bytes());
        at = found.end();
    }
    out.extend_from_slice(&text[at..]);
    out
}

/// Whether a byte next to a match makes it part of a longer value.
fn continues(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b':' | b'-' | b'_' | b'@')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_come_back_only_where_they_stand_whole() {
        let mut map = Mapping::default();
        map.record(Kind::Address, b"198.51.100.7", "203.0.113.9");
        map.record(Kind::Text, &[0x93, 0x8c], "text-abc123");
        let back = reverse(b"ping 203.0.113.9 and 203.0.113.90 (text-abc123)\n", &map);
        let mut expected = b"ping 198.51.100.7 and 203.0.113.90 (".to_vec();
        expected.extend_from_slice(&[0x93, 0x8c]);
        expected.extend_from_slice(b")\n");
        assert_eq!(back, expected);
        let again = Mapping::from_json(&map.to_json()).unwrap();
        assert_eq!(reverse(b"text-abc123", &again), [0x93, 0x8c]);
    }
}
