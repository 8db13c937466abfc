//! Freeing off the critical path. A superseded version's model and document of a large
//! config are hundreds of thousands of allocations; freeing them takes a sizeable share of
//! a re-lint, and nothing waits for it. They are handed to a thread that drops them while
//! the server lints the new version.

use std::sync::Mutex;
use std::sync::OnceLock;
use std::sync::mpsc::{self, Sender};

type Body = Box<dyn Send>;

static GRAVEYARD: OnceLock<Option<Mutex<Sender<Body>>>> = OnceLock::new();

/// Drops `value` on the graveyard thread (or here, when that thread cannot be started).
pub fn bury(value: impl Send + 'static) {
    let graveyard = GRAVEYARD.get_or_init(|| {
        let (sender, bodies) = mpsc::channel::<Body>();
        std::thread::Builder::new()
            .name("rtxlint-lsp-free".to_string())
            .spawn(move || bodies.into_iter().for_each(drop))
            .ok()
            .map(|_| Mutex::new(sender))
    });
    let body: Body = Box::new(value);
    if let Some(sender) = graveyard {
        let sender = sender.lock().unwrap_or_else(|e| e.into_inner());
        // The thread only ends when the process does.
        let _ = sender.send(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    struct Tells(mpsc::Sender<std::thread::ThreadId>);

    impl Drop for Tells {
        fn drop(&mut self) {
            let _ = self.0.send(std::thread::current().id());
        }
    }

    #[test]
    fn what_is_buried_is_dropped_on_another_thread() {
        let (sender, dropped) = mpsc::channel();
        bury(Tells(sender));
        let on = dropped.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_ne!(on, std::thread::current().id());
    }
}
