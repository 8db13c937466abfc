//! The language server on any input: no panic in the reader thread or in a handler (a
//! handler's panic is caught and answered with `InternalError`, which counts as a failure
//! here), every frame it writes is well formed JSON, and in a well-formed session every
//! request gets its answer.
//!
//! The first byte picks the mode:
//! * even: the rest is the raw byte stream on the server's stdin (the frame reader);
//! * odd: the rest describes a session, framed correctly: `[ops][encoding][3 bytes per op]
//!   [text]`. It initializes (position encoding from the encoding byte), opens `text`, runs
//!   `ops % 32` operations (hover, completion, definition, references, formatting, symbols,
//!   semantic tokens, code actions, incremental and full changes, save, close and reopen) at
//!   positions from the op bytes, then shuts down and exits.

use std::io::{BufRead, Cursor, Read, Write};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

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
        let output = serve(rest.to_vec());
        frames(&output, rest);
    } else {
        let (stream, requests) = session(rest);
        let output = serve(stream);
        let mut answered: Vec<i64> = frames(&output, rest)
            .iter()
            .filter(|m| m.get("method").is_none())
            .filter_map(|m| m.get("id").and_then(Value::as_i64))
            .collect();
        answered.sort();
        assert_eq!(answered, requests, "requests without exactly one answer");
    }
}

/// Runs the server over `input`; returns what it wrote. Panics when the reader thread
/// panicked.
fn serve(input: Vec<u8>) -> Vec<u8> {
    let (done, finished) = mpsc::channel();
    let reader = Watched {
        inner: Cursor::new(input),
        done,
    };
    let sink = Sink::default();
    rtx_server::serve(reader, sink.clone());
    // The reader thread drops the reader when it ends, normally or by panic.
    let panicked = finished.recv().unwrap_or(false);
    assert!(!panicked, "the server's reader thread panicked");
    let out = sink.0.lock().unwrap_or_else(|e| e.into_inner());
    out.clone()
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

/// The framed session the bytes describe, and the ids of its requests (sorted).
fn session(rest: &[u8]) -> (Vec<u8>, Vec<i64>) {
    let byte = |i: usize| rest.get(i).copied().unwrap_or(0);
    let ops = usize::from(byte(0) % 32);
    let encoding = ["utf-8", "utf-16", "utf-32", "latin-1"][usize::from(byte(1) % 4)];
    let op_bytes = rest.get(2..).unwrap_or_default();
    let op_bytes = &op_bytes[..(ops * 3).min(op_bytes.len())];
    let text_start = (2 + op_bytes.len()).min(rest.len());
    let text = String::from_utf8_lossy(&rest[text_start..]).into_owned();
    let lines = text.lines().count() as u32 + 1;

    let mut s = Session::default();
    s.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "capabilities": { "general": { "positionEncodings": [encoding] } },
        }),
    );
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
            4 => s.request(
                "textDocument/formatting",
                json!({ "textDocument": doc,
                        "options": { "tabSize": 4, "insertSpaces": true } }),
            ),
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
    (s.bytes, s.requests)
}

#[derive(Default)]
struct Session {
    bytes: Vec<u8>,
    requests: Vec<i64>,
    version: i64,
}

impl Session {
    fn frame(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.bytes, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("a Vec");
    }

    fn request(&mut self, method: &str, params: Value) {
        let id = self.requests.len() as i64 + 1;
        self.requests.push(id);
        self.frame(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.frame(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
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

/// The server's stdin: says, when the reader thread drops it, whether that thread was
/// panicking.
struct Watched {
    inner: Cursor<Vec<u8>>,
    done: mpsc::Sender<bool>,
}

impl Read for Watched {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf)
    }
}

impl BufRead for Watched {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.inner.consume(amount)
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        let _ = self.done.send(std::thread::panicking());
    }
}

/// The server's stdout, kept in memory.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
