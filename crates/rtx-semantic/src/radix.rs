//! Sorting the occurrence index's keys: a stable radix sort on their high halves.
//!
//! Each key is an object id above an occurrence index, and the keys of one object kind come
//! in file order, their indices ascending. Sorting them stably by id alone therefore sorts
//! them whole, and a radix sort does that in a few linear passes over the bytes the largest
//! id uses. `sort_unstable` compared its way through 14.5M instructions on the 96k-line
//! config (14,400 filter numbers in two interleaved runs, tunnel numbers in two runs), at
//! the end of the model's build, where nothing else runs beside it.

/// Sorts `keys`, whose low halves ascend as given: stably by high half.
pub(crate) fn sort_by_high_half(keys: &mut [u64]) {
    if keys.is_sorted() {
        return;
    }
    let largest = keys.iter().map(|k| k >> 32).max().unwrap_or(0);
    let mut scratch = vec![0u64; keys.len()];
    let mut from: &mut [u64] = keys;
    let mut to: &mut [u64] = &mut scratch;
    let mut in_scratch = false;
    let mut shift = 32;
    while shift < 64 && largest >> (shift - 32) != 0 {
        let digit = |key: u64| (key >> shift) as usize & 0xff;
        let mut starts = [0usize; 256];
        for &key in from.iter() {
            starts[digit(key)] += 1;
        }
        // A byte every key shares orders nothing.
        if !starts.contains(&from.len()) {
            let mut sum = 0;
            for start in starts.iter_mut() {
                let count = *start;
                *start = sum;
                sum += count;
            }
            for &key in from.iter() {
                let slot = &mut starts[digit(key)];
                to[*slot] = key;
                *slot += 1;
            }
            std::mem::swap(&mut from, &mut to);
            in_scratch = !in_scratch;
        }
        shift += 8;
    }
    if in_scratch {
        to.copy_from_slice(from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys as the index builds them: ids in some order, indices ascending.
    fn keys(ids: impl IntoIterator<Item = u32>) -> Vec<u64> {
        ids.into_iter()
            .enumerate()
            .map(|(i, id)| u64::from(id) << 32 | i as u64)
            .collect()
    }

    #[test]
    fn sorts_as_a_comparison_sort_does() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut random = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let cases: Vec<Vec<u64>> = vec![
            keys([]),
            keys([7]),
            keys([3, 1, 2]),
            keys([5, 5, 5, 1, 1]),
            // Two interleaved ascending runs, as filter numbers come.
            keys((0..1000).map(|i| if i % 2 == 0 { 100 + i } else { 20_000 + i })),
            keys((0..1000).map(|_| random() as u32 % 300)),
            keys((0..1000).map(|_| random() as u32)),
            keys((0..1000).map(|_| (random() as u32) | 0xff00_0000)),
            keys([u32::MAX, 0, u32::MAX - 1, 1 << 24, 1 << 16, 1 << 8]),
        ];
        for case in cases {
            let mut expected = case.clone();
            expected.sort_unstable();
            let mut sorted = case.clone();
            sort_by_high_half(&mut sorted);
            assert_eq!(sorted, expected, "{case:?}");
        }
    }
}
