//! The queue between the reader thread and the server, which also knows whether the reader
//! holds bytes it has not turned into a message yet.
//!
//! That second fact is what coalescing needs: after a burst of keystrokes the editor's
//! `didChange` frames sit in the pipe or in the reader's buffer before they are decoded, and
//! an empty queue alone would let the server lint (and publish) a version the next frame
//! already replaces. The server waits for more only while the reader is busy with bytes it
//! already has; the reader marks itself idle before every read that could block, so no timer
//! is involved and the wait never outlasts the input that is already there.

use std::collections::VecDeque;
use std::io::{self, Read};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use crate::transport::Incoming;

#[derive(Default)]
struct State {
    queue: VecDeque<Incoming>,
    /// The reader has bytes in hand (read from the input, not yet a queued message).
    busy: bool,
    /// The reader has stopped: nothing more will come.
    closed: bool,
    /// The server has stopped: nothing sent is read.
    abandoned: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere cannot leave the state half-updated: every change is one store.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn update(&self, change: impl FnOnce(&mut State)) {
        change(&mut self.lock());
        self.changed.notify_all();
    }
}

/// The server's end.
pub struct Inbox {
    shared: Arc<Shared>,
}

/// The reader thread's end; dropping it closes the inbox.
pub struct Sender {
    shared: Arc<Shared>,
}

/// What [`Inbox::next_if_pending`] found.
pub enum Pending {
    Message(Incoming),
    /// Nothing queued and the reader is waiting for input.
    Idle,
    /// The reader has stopped and everything it sent was taken.
    Closed,
}

pub fn inbox() -> (Sender, Inbox) {
    let shared = Arc::new(Shared::default());
    (
        Sender {
            shared: shared.clone(),
        },
        Inbox { shared },
    )
}

impl Inbox {
    /// The next message, waiting for one; `None` once the reader has stopped.
    pub fn next(&self) -> Option<Incoming> {
        let mut state = self.shared.lock();
        loop {
            if let Some(incoming) = state.queue.pop_front() {
                return Some(incoming);
            }
            if state.closed {
                return None;
            }
            state = self
                .shared
                .changed
                .wait(state)
                .unwrap_or_else(|e| e.into_inner());
        }
    }

    /// The next message if one is queued or the reader is decoding one from bytes it already
    /// holds; [`Pending::Idle`] when the reader is waiting for input.
    pub fn next_if_pending(&self) -> Pending {
        let mut state = self.shared.lock();
        loop {
            if let Some(incoming) = state.queue.pop_front() {
                return Pending::Message(incoming);
            }
            if state.closed {
                return Pending::Closed;
            }
            if !state.busy {
                return Pending::Idle;
            }
            state = self
                .shared
                .changed
                .wait(state)
                .unwrap_or_else(|e| e.into_inner());
        }
    }
}

impl Drop for Inbox {
    fn drop(&mut self) {
        self.shared.update(|s| {
            s.abandoned = true;
            s.queue.clear();
        });
    }
}

impl Sender {
    /// Queues a message; `false` when the server is gone.
    pub fn send(&self, incoming: Incoming) -> bool {
        let mut state = self.shared.lock();
        if state.abandoned {
            return false;
        }
        state.queue.push_back(incoming);
        drop(state);
        self.shared.changed.notify_all();
        true
    }

    /// Wraps the reader's input so that the inbox knows when the reader is busy.
    pub fn watch<R: Read>(&self, input: R) -> Watched<R> {
        Watched {
            input,
            shared: self.shared.clone(),
        }
    }
}

impl Drop for Sender {
    fn drop(&mut self) {
        self.shared.update(|s| {
            s.closed = true;
            s.busy = false;
        });
    }
}

/// The reader's raw input. Under a `BufReader` it is read only when the buffer is empty, so
/// "about to read" means "nothing in hand": idle until the read returns bytes.
pub struct Watched<R> {
    input: R,
    shared: Arc<Shared>,
}

impl<R: Read> Read for Watched<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.shared.update(|s| s.busy = false);
        let read = self.input.read(buf)?;
        if read > 0 {
            self.shared.update(|s| s.busy = true);
        }
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_only_when_nothing_is_queued_or_in_hand() {
        let (sender, inbox) = inbox();
        assert!(matches!(inbox.next_if_pending(), Pending::Idle));
        let mut input = sender.watch(&b"abc"[..]);
        let mut buf = [0u8; 2];
        assert_eq!(input.read(&mut buf).unwrap(), 2);
        // Bytes in hand: the server would wait; a queued message ends the wait.
        assert!(sender.shared.lock().busy);
        sender.send(Incoming::Malformed("x".into()));
        assert!(matches!(inbox.next_if_pending(), Pending::Message(_)));
        // Reading to the end of the input leaves the reader idle.
        let mut rest = Vec::new();
        input.read_to_end(&mut rest).unwrap();
        assert!(matches!(inbox.next_if_pending(), Pending::Idle));
        drop(sender);
        assert!(matches!(inbox.next_if_pending(), Pending::Closed));
        assert!(inbox.next().is_none());
    }
}
