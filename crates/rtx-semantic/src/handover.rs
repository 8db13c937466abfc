//! Handing a list over to another, element by element, giving its memory back as it goes.
//!
//! Merging the part of a large document read by the second thread into the first part moved
//! whole lists (records, tunnels, gateways): for a moment each was held twice, the copy
//! growing while the original was still whole, and the merge was the peak of a whole lint's
//! memory. A list handed over here is reversed in place, so that what comes next in order is
//! at its end, and shrinks every few dozen kilobytes as elements leave it.

/// Calls `take` with every element of `list`, in order, freeing the list's memory a chunk
/// at a time as the elements leave.
pub(crate) fn hand_over<T>(mut list: Vec<T>, mut take: impl FnMut(T)) {
    let chunk = (CHUNK_BYTES / std::mem::size_of::<T>().max(1)).max(1);
    list.reverse();
    while !list.is_empty() {
        for _ in 0..chunk {
            let Some(element) = list.pop() else { break };
            take(element);
        }
        list.shrink_to_fit();
    }
}

/// 64 KiB of elements between shrinks: a few dozen shrinks for a large list.
#[cfg(not(test))]
const CHUNK_BYTES: usize = 64 * 1024;
/// A few elements, so that the tests' lists span many chunks.
#[cfg(test)]
const CHUNK_BYTES: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_element_comes_once_in_order() {
        for n in [0usize, 1, 2, 15, 16, 17, 100] {
            let list: Vec<String> = (0..n).map(|i| i.to_string()).collect();
            let mut seen = Vec::new();
            hand_over(list.clone(), |s| seen.push(s));
            assert_eq!(seen, list, "{n}");
        }
    }
}
