//! Binding every command line to its catalogue form: most of the cost of building a model,
//! and the one part where each line stands on its own. On a large document the lines are
//! bound in batches, most of them by a second thread while this one binds the rest and reads
//! every line into the model, in file order: the model is exactly the one a
//! single thread builds. A small document is bound in place (a thread costs more than it saves
//! there, and a directory run already has every core busy with other files).

use std::sync::mpsc;

use rtx_syntax::{BindError, Binder, Document, TypedCommand};

/// Lines from which half the binding moves to a second thread.
const PARALLEL_FROM_LINES: usize = 8192;
/// Lines per batch.
const BATCH: usize = 64;
/// Of every `SHARE` batches, the second thread binds all but the last: this thread also
/// reads every line into the model, so an even split left it the busier one (309M against
/// 161M instructions on the 96k-line config, with a third thread running line rules).
const SHARE: usize = 3;
/// Whether the second thread binds batch `k`.
fn ahead(k: usize) -> bool {
    k % SHARE != SHARE - 1
}
/// Batches the second thread binds ahead at most: bounds what is in flight (a bound command
/// is ~800 bytes).
const AHEAD: usize = 2;

/// One command line's binding: `None` when no catalogue entry recognises it.
pub(crate) type Bound<'a> = Option<Result<&'a TypedCommand, BindError>>;

/// Calls `take` with every command line's index and binding, in file order.
pub(crate) fn for_each_bound(doc: &Document, mut take: impl FnMut(usize, Bound<'_>)) {
    let mut binder = Binder::default();
    let mut bind_in_place = |lines: std::ops::Range<usize>,
                             take: &mut dyn FnMut(usize, Bound<'_>)| {
        for line in doc.lines().skip(lines.start).take(lines.len()) {
            if let Some(cmd) = line.command() {
                take(line.index(), cmd.typed_with(&mut binder));
            }
        }
    };
    let count = doc.line_count();
    if count < PARALLEL_FROM_LINES {
        bind_in_place(0..count, &mut take);
        return;
    }
    let batch = |k: usize| k * BATCH..((k + 1) * BATCH).min(count);
    let batches = count.div_ceil(BATCH);
    type Owned = Vec<(usize, Option<Result<TypedCommand, BindError>>)>;
    std::thread::scope(|scope| {
        let (sender, bound_ahead) = mpsc::sync_channel::<Owned>(AHEAD);
        // Read batches come back to be filled again: a handful of buffers for the whole
        // document instead of a fresh one per batch, whose pages each had to be faulted in
        // (1.3 MB of a 96k-line lint's peak).
        let (recycle, recycled) = mpsc::channel::<Owned>();
        scope.spawn(move || {
            let mut binder = Binder::default();
            for k in (0..batches).filter(|&k| ahead(k)) {
                let mut out = recycled
                    .try_recv()
                    .unwrap_or_else(|_| Owned::with_capacity(BATCH));
                // A returned batch's slots are filled again in place (clone_from reuses
                // their lists): pushing fresh copies moved ~800 bytes a line twice, a third
                // of this thread's instructions.
                let mut used = 0;
                for line in doc.lines().skip(batch(k).start).take(batch(k).len()) {
                    let Some(cmd) = line.command() else { continue };
                    let bound = cmd.typed_with(&mut binder);
                    match out.get_mut(used) {
                        Some((index, Some(Ok(slot)))) if matches!(bound, Some(Ok(_))) => {
                            *index = line.index();
                            if let Some(Ok(typed)) = bound {
                                slot.clone_from(typed);
                            }
                        }
                        Some(slot) => *slot = (line.index(), bound.map(|r| r.cloned())),
                        None => out.push((line.index(), bound.map(|r| r.cloned()))),
                    }
                    used += 1;
                }
                out.truncate(used);
                if sender.send(out).is_err() {
                    return;
                }
            }
        });
        for k in 0..batches {
            if !ahead(k) {
                bind_in_place(batch(k), &mut take);
                continue;
            }
            let Ok(lines) = bound_ahead.recv() else { break };
            // By reference: moving each ~800-byte binding out of the batch was 2% of a
            // whole lint's instructions, on this (the busier) thread.
            for (line, bound) in &lines {
                match bound {
                    Some(Ok(typed)) => take(*line, Some(Ok(typed))),
                    Some(Err(error)) => take(*line, Some(Err(error.clone()))),
                    None => take(*line, None),
                }
            }
            // The thread may be done already; then the buffer is simply dropped.
            let _ = recycle.send(lines);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What one thread binding in place gives, line by line.
    fn in_place(doc: &Document) -> Vec<(usize, String)> {
        let mut binder = Binder::default();
        doc.commands()
            .map(|cmd| {
                let shown = format!("{:?}", cmd.typed_with(&mut binder));
                (cmd.line().index(), shown)
            })
            .collect()
    }

    #[test]
    fn a_large_document_is_bound_on_a_second_thread_exactly_as_in_place() {
        let mut src = String::new();
        for n in 0..PARALLEL_FROM_LINES as u32 / 4 + 100 {
            src.push_str(&format!(
                "tunnel select {n}\n ipsec tunnel {n}\nip lan1 mtu {}\nno such command {n}\n",
                n % 20_000
            ));
        }
        let doc = rtx_syntax::parse(src.as_bytes());
        assert!(doc.line_count() >= PARALLEL_FROM_LINES);
        let mut seen = Vec::new();
        for_each_bound(&doc, |line, bound| seen.push((line, format!("{bound:?}"))));
        assert_eq!(seen, in_place(&doc));
        // Bound, failed and unrecognised lines all came through.
        assert!(seen.iter().any(|(_, s)| s.starts_with("Some(Ok")));
        assert!(seen.iter().any(|(_, s)| s.starts_with("Some(Err")));
        assert!(seen.iter().any(|(_, s)| s == "None"));
    }
}
