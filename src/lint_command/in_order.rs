//! Work on every core, results in input order, each emitted as soon as it and every result
//! before it are done.
//!
//! A directory of 10,000 configs is linted by all cores (rayon's pool: one thread per core the
//! process may run on, so `taskset -c 0` or `RAYON_NUM_THREADS=1` gives one), while the output
//! stays what a one-file-at-a-time run writes, byte for byte: file order is path order, and a
//! file's output never waits for files after it.
//!
//! The worker that finishes the next result in order emits it, and every later one already
//! waiting, under a lock. Results used to go over a channel to the calling thread, which woke
//! for each: 10,000 small configs cost ~14,500 context switches, a third thread competing
//! with the workers for two cores.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

/// Results not yet emitted, and where emission stands.
struct InOrder<R, E> {
    /// The index of the next result to emit.
    next: usize,
    /// Results that are done before some result ahead of them.
    waiting: BTreeMap<usize, R>,
    emit: E,
}

impl<R, E: FnMut(R)> InOrder<R, E> {
    /// Takes result `i`: emits it and every waiting result after it when it is the next one,
    /// keeps it for later otherwise.
    fn done(&mut self, i: usize, result: R) {
        if i != self.next {
            self.waiting.insert(i, result);
            return;
        }
        (self.emit)(result);
        self.next += 1;
        while let Some(result) = self.waiting.remove(&self.next) {
            (self.emit)(result);
            self.next += 1;
        }
    }
}

/// Runs `work` on every item, on all cores, and calls `emit` with the results in item order
/// (on whichever worker finished the next one, one call at a time). One item runs on the
/// calling thread alone (no pool is started: a single config should not pay for threads it
/// does not use).
pub fn for_each_in_order<T, R>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    emit: impl FnMut(R) + Send,
) where
    T: Sync,
    R: Send,
{
    if items.len() <= 1 {
        items.iter().map(&work).for_each(emit);
        return;
    }
    let state = Mutex::new(InOrder {
        next: 0,
        waiting: BTreeMap::new(),
        emit,
    });
    items.par_iter().enumerate().for_each(|(i, item)| {
        let result = work(item);
        // A panic while emitting is carried out of `for_each`; the state stays usable.
        state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .done(i, result);
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
