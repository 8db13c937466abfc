//! Work on every core, results in input order, each emitted as soon as it and every result
//! before it are done.
//!
//! A directory of 10,000 configs is linted by all cores (rayon's pool: one thread per core the
//! process may run on, so `taskset -c 0` or `RAYON_NUM_THREADS=1` gives one), while the output
//! stays what a one-file-at-a-time run writes, byte for byte: file order is path order, and a
//! file's output never waits for files after it.

use std::collections::BTreeMap;
use std::sync::mpsc;

use rayon::prelude::*;

/// Runs `work` on every item, on all cores, and calls `emit` with the results in item order,
/// on the calling thread. One item runs on the calling thread alone (no pool is started: a
/// single config should not pay for threads it does not use).
pub fn for_each_in_order<T, R>(items: &[T], work: impl Fn(&T) -> R + Sync, mut emit: impl FnMut(R))
where
    T: Sync,
    R: Send,
{
    if items.len() <= 1 {
        items.iter().map(&work).for_each(emit);
        return;
    }
    let (sender, receiver) = mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            items
                .par_iter()
                .enumerate()
                .for_each_with(sender, |sender, (i, item)| {
                    // The receiver lives until every result is in: a send cannot fail.
                    let _ = sender.send((i, work(item)));
                });
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (i, result) in receiver {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                emit(result);
                next += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_item_order_whatever_order_they_finish_in() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        // Early items take longest, so they finish last.
        for_each_in_order(
            &items,
            |&i| {
                std::thread::sleep(std::time::Duration::from_micros(200 - i));
                i * 2
            },
            |r| seen.push(r),
        );
        assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn one_item_and_no_items() {
        let mut seen = Vec::new();
        for_each_in_order(&[7], |&i| i + 1, |r| seen.push(r));
        for_each_in_order(&[] as &[i32], |&i| i + 1, |r| seen.push(r));
        assert_eq!(seen, [8]);
    }

    #[test]
    fn a_result_is_emitted_before_later_items_are_done() {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::time::{Duration, Instant};
        let first_emitted = AtomicBool::new(false);
        let items: Vec<usize> = (0..4).collect();
        let mut saw = Vec::new();
        for_each_in_order(
            &items,
            |&i| {
                // The last item waits (up to a bound) for the first result to be emitted.
                let start = Instant::now();
                while i == 3
                    && !first_emitted.load(Ordering::SeqCst)
                    && start.elapsed() < Duration::from_secs(10)
                {
                    std::thread::yield_now();
                }
                (i, first_emitted.load(Ordering::SeqCst))
            },
            |(i, emitted)| {
                if i == 0 {
                    first_emitted.store(true, Ordering::SeqCst);
                }
                saw.push((i, emitted));
            },
        );
        assert_eq!(saw.last(), Some(&(3, true)), "{saw:?}");
    }
}
