//! A minimal LSP client for tests: starts the real `rtxlint lsp` binary and speaks JSON-RPC
//! with Content-Length framing over its stdin and stdout.

#![allow(dead_code)] // Each test file uses part of it.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long any single answer may take before the test fails instead of hanging.
const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    /// Frame bodies as read: parsed only when looked at, so a bench that only waits for a
    /// large answer does not time the client's JSON parsing.
    incoming: Receiver<Vec<u8>>,
    /// Notifications (and stray messages) read while waiting for something else.
    pending: VecDeque<Value>,
    next_id: i64,
}

impl Client {
    /// Starts the server without initializing it. `RTXLINT_LSP_BIN` names another binary to
    /// run instead of the one this build made.
    pub fn spawn() -> Client {
        let binary = std::env::var("RTXLINT_LSP_BIN").unwrap_or_else(|_| own_binary().into());
        Client::spawn_binary(&binary)
    }

    /// Starts `binary lsp` without initializing it.
    pub fn spawn_binary(binary: &str) -> Client {
        let mut child = Command::new(binary)
            .arg("lsp")
            // English unless a test's `initialize` asks otherwise, whatever the machine's locale.
            .env("LC_ALL", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start rtxlint lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut reader) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            pending: VecDeque::new(),
            next_id: 1,
        }
    }

    /// Starts the server and initializes it with `capabilities` and `options`.
    pub fn start(capabilities: Value, options: Value) -> (Client, Value) {
        Client::initialize(Client::spawn(), capabilities, options)
    }

    /// [`Client::start`] for the server of `binary` (the benches run a baseline build's
    /// beside this one's).
    pub fn start_binary(binary: &str, capabilities: Value, options: Value) -> (Client, Value) {
        Client::initialize(Client::spawn_binary(binary), capabilities, options)
    }

    /// [`Client::start`] with a workspace folder (`folder` is its `file:` URI).
    pub fn start_in(folder: &str, capabilities: Value, options: Value) -> (Client, Value) {
        let mut client = Client::spawn();
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": folder,
                "workspaceFolders": [{"uri": folder, "name": "routers"}],
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn initialize(mut client: Client, capabilities: Value, options: Value) -> (Client, Value) {
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    /// Sends every message in one write, as an editor does when it flushes a burst of
    /// keystrokes: the server finds them all buffered at once.
    pub fn send_batch(&mut self, messages: &[Value]) {
        let mut bytes = Vec::new();
        for message in messages {
            let body = message.to_string();
            bytes.extend_from_slice(
                format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes(),
            );
        }
        self.send_raw(&bytes);
    }

    /// A request message with a fresh id (for [`Client::send_batch`]); its id.
    pub fn request_to_send(&mut self, method: &str, params: Value) -> (Value, i64) {
        let id = self.next_id;
        self.next_id += 1;
        (
            json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
            id,
        )
    }

    /// The response to request `id`.
    pub fn response(&mut self, id: i64) -> Value {
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// Every `publishDiagnostics` for `uri` the server wrote before answering a request sent
    /// now (one it does not know: an error answer, after everything handled before it).
    pub fn published_so_far(&mut self, uri: &str) -> Vec<Value> {
        let answer = self.request_message("rtxlint/roundTrip", Value::Null);
        assert!(answer.get("error").is_some(), "{answer}");
        let mut published = Vec::new();
        self.pending.retain(|m| {
            let wanted =
                m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
            if wanted {
                published.push(m["params"].clone());
            }
            !wanted
        });
        published
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns the whole response message (`result` or `error`).
    pub fn request_message(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// Sends a request and returns its `result`, failing the test on an error response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_message(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        let mut response = response;
        response["result"].take()
    }

    /// The next message the server wrote, unread, and when it arrived.
    fn next_body(&mut self) -> (Vec<u8>, Instant) {
        let body = self
            .incoming
            .recv_timeout(TIMEOUT)
            .expect("the server answered in time");
        (body, Instant::now())
    }

    /// The next message that satisfies `wanted`, keeping the others for later.
    pub fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(&wanted) {
            return self.pending.remove(i).unwrap();
        }
        loop {
            let (body, _) = self.next_body();
            let message = parse(&body);
            if wanted(&message) {
                return message;
            }
            self.pending.push_back(message);
        }
    }

    /// Sends a request and waits for its answer without parsing it (beyond checking it is
    /// JSON and finding its id); the answer's size in bytes and when it arrived (before that
    /// check, which reads all of a large answer: a bench times the server, not this client).
    /// Messages read on the way are kept as usual.
    pub fn request_unparsed(&mut self, method: &str, params: Value) -> (usize, Instant) {
        #[derive(serde::Deserialize)]
        struct Head {
            id: Option<Value>,
            method: Option<serde::de::IgnoredAny>,
            error: Option<Value>,
        }
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        assert!(!self.pending.iter().any(|m| m["id"] == id));
        loop {
            let (body, arrived) = self.next_body();
            let head: Head = serde_json::from_slice(&body).expect("the server writes JSON");
            if head.id == Some(json!(id)) && head.method.is_none() {
                assert!(head.error.is_none(), "{method} failed: {:?}", head.error);
                return (body.len(), arrived);
            }
            self.pending.push_back(parse(&body));
        }
    }

    /// Waits for the diagnostics of `uri` at `version` without building them as JSON values;
    /// how many there are, and when they arrived (before this client read them: a `Value` of
    /// 4,000 diagnostics costs the client more than the server takes to lint them, and a
    /// bench times the server). Messages read on the way are kept as usual.
    pub fn diagnostics_arrival(&mut self, uri: &str, version: i64) -> (usize, Instant) {
        #[derive(serde::Deserialize)]
        struct Published {
            method: Option<String>,
            params: Option<Params>,
        }
        #[derive(serde::Deserialize)]
        struct Params {
            uri: Option<String>,
            version: Option<i64>,
            diagnostics: Option<Vec<serde::de::IgnoredAny>>,
        }
        let wanted = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        };
        if let Some(i) = self.pending.iter().position(wanted) {
            let found = self.pending.remove(i).unwrap();
            let count = found["params"]["diagnostics"]
                .as_array()
                .map_or(0, Vec::len);
            return (count, Instant::now());
        }
        loop {
            let (body, arrived) = self.next_body();
            let head: Published = serde_json::from_slice(&body).expect("the server writes JSON");
            if head.method.as_deref() == Some("textDocument/publishDiagnostics")
                && let Some(params) = head.params
                && params.uri.as_deref() == Some(uri)
                && params.version == Some(version)
            {
                return (params.diagnostics.map_or(0, |d| d.len()), arrived);
            }
            self.pending.push_back(parse(&body));
        }
    }

    /// The next `publishDiagnostics` for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })["params"]
            .clone()
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "rtx", "version": 1, "text": text}}),
        );
    }

    /// `didChange` with any content changes (ranged or whole-document).
    pub fn change(&mut self, uri: &str, version: usize, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// `didChange` with one ranged edit: `start` and `end` are `(line, character)`.
    pub fn edit(
        &mut self,
        uri: &str,
        version: usize,
        start: (usize, usize),
        end: (usize, usize),
        text: &str,
    ) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{
                    "range": {
                        "start": {"line": start.0, "character": start.1},
                        "end": {"line": end.0, "character": end.1},
                    },
                    "text": text,
                }],
            }),
        );
    }

    /// `shutdown` then `exit`; the server's exit status.
    pub fn shutdown(mut self) -> ExitStatus {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        self.wait()
    }

    pub fn wait(mut self) -> ExitStatus {
        drop(self.stdin);
        for _ in 0..600 {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        self.child.kill().unwrap();
        panic!("the server did not exit");
    }
}

fn read_frame(reader: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    Some(body)
}

fn parse(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("the server writes JSON")
}

/// A scenario file's text from `corpus/scenarios`.
/// The `rtxlint` binary this build made.
pub fn own_binary() -> &'static str {
    env!("CARGO_BIN_EXE_rtxlint")
}

pub fn scenario(name: &str) -> String {
    let path = format!("{}/corpus/scenarios/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

/// The (zero-based) line of the first line of `text` that starts with `prefix`.
pub fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix:?}"))
}
