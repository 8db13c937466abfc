//! The language server on any input: no panic in the reader thread or in a handler (a
//! handler's panic is caught and answered with `InternalError`, which counts as a failure
//! here), every frame it writes is well formed JSON, and in a well-formed session every
//! request gets its answer and, while the text is unchanged, no string in any message
//! (diagnostics, hover, completion, code action titles) holds a secret of the text
//! (formatting answers and edits' `newText` are text for the document and are not checked).
//!
//! The first byte picks the mode:
//! * even: the rest is the raw byte stream on the server's stdin (the frame reader);
//! * odd: the rest describes a session, framed correctly: `[ops][encoding][3 bytes per op]
//!   [text]`. It initializes (position encoding from the encoding byte), opens `text`, runs
//!   `ops % 32` operations (hover, completion, definition, references, formatting, symbols,
//!   semantic tokens, code actions, incremental and full changes, save, close and reopen) at
//!   positions from the op bytes, then shuts down and exits. Like an editor, it sends each
//!   message only after the server has answered the last one (a response, or the
//!   diagnostics a change publishes), so every step's diagnostics are published and checked;
//!   sent all at once, the server would see `exit` before it ever published.

use std::collections::VecDeque;
use std::io::{BufRead, Cursor, Read, Write};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::show;

const URI: &str = "file:///nonexistent/rtxlint-fuzz/config.txt";
/// JSON-RPC's `InternalError`: what the server answers when a handler panicked.
const INTERNAL_ERROR: i64 = -32603;

pub fn check(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        let output = serve(vec![(rest.to_vec(), 0)]);
        frames(&output, rest);
    } else {
        let session = session(rest);
        let output = serve(session.steps);
        let messages = frames(&output, rest);
        if let Some(text) = session.unchanged_text {
            no_secrets(&messages, &text, &session.formatting);
        }
        let mut answered: Vec<i64> = messages
            .iter()
            .filter(|m| m.get("method").is_none())
            .filter_map(|m| m.get("id").and_then(Value::as_i64))
            .collect();
        answered.sort();
        assert_eq!(
            answered, session.requests,
            "requests without exactly one answer"
        );
    }
}

/// Runs the server over `steps` (bytes to send, and how many frames the server has written
/// in all once it has handled them); returns what it wrote. Panics when the reader thread
/// panicked.
fn serve(steps: Vec<(Vec<u8>, usize)>) -> Vec<u8> {
    let (done, finished) = mpsc::channel();
    let sink = Sink::default();
    let reader = Watched {
        steps: steps.into(),
        current: Cursor::new(Vec::new()),
        awaited: 0,
        sink: sink.clone(),
        done,
    };
    rtx_server::serve(reader, sink.clone());
    // The reader thread drops the reader when it ends, normally or by panic.
    let panicked = finished.recv().unwrap_or(false);
    assert!(!panicked, "the server's reader thread panicked");
    let out = sink.0.0.lock().unwrap_or_else(|e| e.into_inner());
    out.clone()
}

/// How many whole frames `output` holds.
fn complete_frames(mut output: &[u8]) -> usize {
    let mut count = 0;
    while let Some(end) = output.windows(4).position(|w| w == b"\r\n\r\n") {
        let length = std::str::from_utf8(&output[..end])
            .ok()
            .and_then(|h| h.strip_prefix("Content-Length: "))
            .and_then(|n| n.parse::<usize>().ok());
        match length {
            Some(length) if output.len() >= end + 4 + length => {
                count += 1;
                output = &output[end + 4 + length..];
            }
            _ => break,
        }
    }
    count
}

/// Splits the server's output into messages, checking each frame.
fn frames(mut output: &[u8], input: &[u8]) -> Vec<Value> {
    let mut messages = Vec::new();
    while !output.is_empty() {
        let header_end = output
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("a frame without a header end: `{}`", show(output)));
        let header = std::str::from_utf8(&output[..header_end]).expect("an ASCII header");
        let length: usize = header
            .strip_prefix("Content-Length: ")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("a bad frame header `{header}`"));
        let body = &output[header_end + 4..];
        assert!(
            body.len() >= length,
            "a frame shorter than its Content-Length"
        );
        let message: Value = serde_json::from_slice(&body[..length])
            .unwrap_or_else(|e| panic!("a frame that is not JSON ({e}): `{}`", show(body)));
        if let Some(error) = message.get("error") {
            assert!(
                error.get("code").and_then(Value::as_i64) != Some(INTERNAL_ERROR),
                "a handler failed: {error}\ninput: `{}`",
                show(input)
            );
        }
        messages.push(message);
        output = &body[length..];
    }
    messages
}

/// Checks that no string in `messages` (but the answers to `skip`) holds a secret of `text`.
fn no_secrets(messages: &[Value], text: &str, skip: &[i64]) {
    let secrets = super::lint::telling_secrets(&rtx_syntax::parse(text.as_bytes()));
    if secrets.is_empty() {
        return;
    }
    fn strings<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
        match value {
            Value::String(s) => out.push(s),
            Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            // Edits are text for the document, not messages: the fix-all action replaces
            // the whole text (secrets included), and each fix's own edits are the lint
            // target's to check.
            Value::Object(map) => map
                .iter()
                .filter(|(key, _)| *key != "newText")
                .for_each(|(_, v)| strings(v, out)),
            _ => {}
        }
    }
    for message in messages {
        let id = message.get("id").and_then(Value::as_i64);
        if message.get("method").is_none() && id.is_some_and(|id| skip.contains(&id)) {
            continue;
        }
        let mut found = Vec::new();
        strings(message, &mut found);
        for s in found {
            for secret in &secrets {
                assert!(
                    !super::lint::contains_whole(s, secret),
                    "the secret `{secret}` appears in a server message: {}",
                    show(message.to_string().as_bytes())
                );
            }
        }
    }
}

/// A framed session: its steps for [`serve`], the ids of its requests (sorted), the ids of
/// its formatting requests, and the text when no operation changed it.
struct Framed {
    steps: Vec<(Vec<u8>, usize)>,
    requests: Vec<i64>,
    formatting: Vec<i64>,
    unchanged_text: Option<String>,
}

/// The framed session the bytes describe.
fn session(rest: &[u8]) -> Framed {
    let byte = |i: usize| rest.get(i).copied().unwrap_or(0);
    let ops = usize::from(byte(0) % 32);
    let encoding = ["utf-8", "utf-16", "utf-32", "latin-1"][usize::from(byte(1) % 4)];
    let op_bytes = rest.get(2..).unwrap_or_default();
    let op_bytes = &op_bytes[..(ops * 3).min(op_bytes.len())];
    let text_start = (2 + op_bytes.len()).min(rest.len());
    let text = String::from_utf8_lossy(&rest[text_start..]).into_owned();
    let lines = text.lines().count() as u32 + 1;

    let mut s = Session::default();
    let mut formatting = Vec::new();
    let mut changed = false;
    let mut initialize = json!({
        "processId": null,
        "rootUri": null,
        "capabilities": { "general": { "positionEncodings": [encoding] } },
    });
    let ignored = super::ignored_rules();
    if !ignored.is_empty() {
        initialize["initializationOptions"] = json!({ "ignore": ignored });
    }
    s.request("initialize", initialize);
    s.notify("initialized", json!({}));
    s.open(&text);
    for op in op_bytes.chunks_exact(3) {
        let (kind, a, b) = (op[0], u32::from(op[1]), u32::from(op[2]));
        let at = json!({ "line": a % lines, "character": b });
        let doc = json!({ "uri": URI });
        let position = json!({ "textDocument": doc, "position": at });
        match kind % 13 {
            0 => s.request("textDocument/hover", position),
            1 => s.request("textDocument/completion", position),
            2 => s.request("textDocument/definition", position),
            3 => s.request(
                "textDocument/references",
                json!({ "textDocument": doc, "position": at,
                        "context": { "includeDeclaration": b % 2 == 0 } }),
            ),
            4 => {
                s.request(
                    "textDocument/formatting",
                    json!({ "textDocument": doc,
                            "options": { "tabSize": 4, "insertSpaces": true } }),
                );
                formatting.push(s.requests.len() as i64);
            }
            5 => s.request(
                "textDocument/documentSymbol",
                json!({ "textDocument": doc }),
            ),
            6 => s.request(
                "textDocument/semanticTokens/full",
                json!({ "textDocument": doc }),
            ),
            7 => s.request(
                "textDocument/codeAction",
                json!({ "textDocument": doc,
                        "range": { "start": { "line": a % lines, "character": 0 }, "end": at },
                        "context": { "diagnostics": [] } }),
            ),
            8 | 9 => {
                changed = true;
                // Replace from `at` to the start of a later line with a piece of RTX text.
                let pieces = [
                    "",
                    " ",
                    "\n",
                    "\"",
                    "#",
                    "\\",
                    "tunnel select 1\n",
                    "x\r\n",
                    "ア",
                ];
                let piece = pieces[(b as usize) % pieces.len()];
                let end = json!({ "line": (a + b % 3) % lines, "character": 0 });
                s.change(json!([{ "range": { "start": at, "end": end }, "text": piece }]));
            }
            10 => {
                changed = true;
                let mut cut = (b as usize * 16).min(text.len());
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                s.change(json!([{ "text": &text[cut..] }]));
            }
            11 => s.notify("textDocument/didSave", json!({ "textDocument": doc })),
            _ => {
                s.notify("textDocument/didClose", json!({ "textDocument": doc }));
                s.open(&text);
            }
        }
    }
    s.request("shutdown", Value::Null);
    s.notify("exit", Value::Null);
    Framed {
        steps: s.steps,
        requests: s.requests,
        formatting,
        unchanged_text: (!changed).then_some(text),
    }
}

#[derive(Default)]
struct Session {
    steps: Vec<(Vec<u8>, usize)>,
    /// Frames the server will have written once it has handled every step so far.
    answers: usize,
    requests: Vec<i64>,
    version: i64,
}

impl Session {
    /// One message, after which the server writes `answers` frames.
    fn frame(&mut self, message: Value, answers: usize) {
        let body = message.to_string();
        let mut bytes = Vec::new();
        write!(bytes, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("a Vec");
        self.answers += answers;
        self.steps.push((bytes, self.answers));
    }

    fn request(&mut self, method: &str, params: Value) {
        let id = self.requests.len() as i64 + 1;
        self.requests.push(id);
        let message = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        self.frame(message, 1);
    }

    /// A notification; a document notification makes the server publish diagnostics.
    fn notify(&mut self, method: &str, params: Value) {
        let answers = usize::from(method.starts_with("textDocument/"));
        self.frame(
            json!({ "jsonrpc": "2.0", "method": method, "params": params }),
            answers,
        );
    }

    fn open(&mut self, text: &str) {
        self.version += 1;
        let document =
            json!({ "uri": URI, "languageId": "rtx", "version": self.version, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": document }));
    }

    fn change(&mut self, changes: Value) {
        self.version += 1;
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": self.version },
                    "contentChanges": changes }),
        );
    }
}

/// The server's stdin. It hands out one step at a time, the next only once the server has
/// written every frame the steps before it call for (or after a generous timeout, so a
/// server that never answers fails the answer check instead of hanging). When the reader
/// thread drops it, it says whether that thread was panicking.
struct Watched {
    steps: VecDeque<(Vec<u8>, usize)>,
    current: Cursor<Vec<u8>>,
    /// Frames the server must have written before the next step is sent.
    awaited: usize,
    sink: Sink,
    done: mpsc::Sender<bool>,
}

impl Read for Watched {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.fill_buf()?.read(buf)?;
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Watched {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.current.position() as usize >= self.current.get_ref().len()
            && let Some((bytes, awaited)) = self.steps.pop_front()
        {
            self.sink.wait_for(self.awaited);
            self.current = Cursor::new(bytes);
            self.awaited = awaited;
        }
        self.current.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.current.consume(amount)
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        let _ = self.done.send(std::thread::panicking());
    }
}

/// The server's stdout, kept in memory; the reader waits on it.
#[derive(Clone, Default)]
struct Sink(Arc<(Mutex<Vec<u8>>, Condvar)>);

impl Sink {
    /// Waits until the server has written `frames` whole frames, or 10 seconds.
    fn wait_for(&self, frames: usize) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let (buffer, written) = &*self.0;
        let mut out = buffer.lock().unwrap_or_else(|e| e.into_inner());
        while complete_frames(&out) < frames {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            out = written
                .wait_timeout(out, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let (buffer, written) = &*self.0;
        buffer
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        written.notify_all();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
