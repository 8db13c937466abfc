//! Sorting the occurrence index: a stable radix sort of occurrence indices by their ids.
//!
//! The indices of one object kind come in file order, ascending. Sorting them stably by id
//! therefore orders them by (id, index), and a radix sort does that in a few linear passes
//! over the bytes the largest id uses. `sort_unstable` compared its way through 14.5M
//! instructions on the 96k-line config (14,400 filter numbers in two interleaved runs,
//! tunnel numbers in two runs). The indices are sorted where they are, with one scratch list
//! of as many `u32`s: this runs at the end of the model's build, the lint's peak of memory
//! (sorting `u64` keys of id and index needed two lists of twice the size, ~580 KB there).

/// Sorts `indices` stably by `id(index)`.
pub(crate) fn sort_by_id(indices: &mut [u32], id: impl Fn(u32) -> u32) {
    if indices.is_sorted_by_key(|&i| id(i)) {
        return;
    }
    let largest = indices.iter().map(|&i| id(i)).max().unwrap_or(0);
    let mut scratch = vec![0u32; indices.len()];
    let mut from: &mut [u32] = indices;
    let mut to: &mut [u32] = &mut scratch;
    let mut in_scratch = false;
    let mut shift = 0;
    while shift < 32 && largest >> shift != 0 {
        let digit = |i: u32| (id(i) >> shift) as usize & 0xff;
        let mut starts = [0usize; 256];
        for &i in from.iter() {
            starts[digit(i)] += 1;
        }
        // A byte every id shares orders nothing.
        if !starts.contains(&from.len()) {
            let mut sum = 0;
            for start in starts.iter_mut() {
                let count = *start;
                *start = sum;
                sum += count;
            }
            for &i in from.iter() {
                let slot = &mut starts[digit(i)];
                to[*slot] = i;
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

    /// Ids in some order, as a kind's occurrences have them.
    fn keys(ids: impl IntoIterator<Item = u32>) -> Vec<u32> {
        ids.into_iter().collect()
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
        let cases: Vec<Vec<u32>> = vec![
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
        for ids in cases {
            let indices: Vec<u32> = (0..ids.len() as u32).collect();
            let mut expected = indices.clone();
            expected.sort_unstable_by_key(|&i| (ids[i as usize], i));
            let mut sorted = indices.clone();
            sort_by_id(&mut sorted, |i| ids[i as usize]);
            assert_eq!(sorted, expected, "{ids:?}");
        }
    }
}
