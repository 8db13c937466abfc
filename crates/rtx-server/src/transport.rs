//! JSON-RPC over stdio with `Content-Length` framing.
//!
//! `lsp-server`'s own stdio transport stops reading at the first malformed message; an
//! editor plugin that sends one bad frame would lose the server. This transport reads frames
//! itself and keeps going: a frame that is not JSON becomes [`Incoming::Malformed`] (answered
//! with a parse error), valid JSON that is not a message becomes [`Incoming::Invalid`].
//! Messages themselves are `lsp-server`'s types.

use std::io::{self, BufRead, Write};
use std::sync::mpsc;

use lsp_server::Message;

/// What the reader thread hands the server.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// A frame whose body is not JSON (or not UTF-8): JSON-RPC's "parse error".
    Malformed(String),
    /// JSON that is no request, response or notification: "invalid request", with the
    /// request id when it had one.
    Invalid {
        id: Option<serde_json::Value>,
        reason: String,
    },
}

/// Reads frames until end of input (or a broken header stream), sending each as it comes.
pub fn read_loop(mut input: impl BufRead, sender: mpsc::Sender<Incoming>) {
    loop {
        let incoming = match read_frame(&mut input) {
            Ok(Some(body)) => decode(&body),
            Ok(None) => return,
            Err(e) if e.kind() == io::ErrorKind::InvalidData => Incoming::Malformed(e.to_string()),
            Err(_) => return,
        };
        if sender.send(incoming).is_err() {
            return;
        }
    }
}

fn decode(body: &[u8]) -> Incoming {
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => return Incoming::Malformed(format!("not JSON: {e}")),
    };
    let id = value.get("id").cloned();
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Incoming::Message(message),
        Err(e) => Incoming::Invalid {
            id,
            reason: format!("not a JSON-RPC request, response or notification: {e}"),
        },
    }
}

/// One frame's body; `None` at a clean end of input. A header block without
/// `Content-Length` is an `InvalidData` error after which reading goes on with the next
/// header block.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return if saw_header {
                Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "input ended inside a header",
                ))
            } else {
                Ok(None)
            };
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if !saw_header {
                continue;
            }
            break;
        }
        saw_header = true;
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let Some(length) = length else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "a header block without a valid Content-Length",
        ));
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(body))
}

/// Writes one message, framed, and flushes.
pub fn write_message(out: &mut impl Write, message: &Message) -> io::Result<()> {
    message.write(out)
}

/// Writes a notification, serializing `params` straight into the frame. Going through
/// `lsp_server::Notification` would first build a `serde_json::Value` tree, which for a few
/// thousand diagnostics costs more than linting the document.
pub fn write_notification(
    out: &mut impl Write,
    method: &str,
    params: &impl serde::Serialize,
) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Frame<'a, P> {
        jsonrpc: &'static str,
        method: &'a str,
        params: &'a P,
    }
    let body = serde_json::to_string(&Frame {
        jsonrpc: "2.0",
        method,
        params,
    })?;
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

/// Writes an error response whose id may be `null` (to a message we could not read), which
/// `lsp-server`'s `Response` cannot express.
pub fn write_error(
    out: &mut impl Write,
    id: Option<serde_json::Value>,
    code: i32,
    message: &str,
) -> io::Result<()> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": id.unwrap_or(serde_json::Value::Null),
        "error": { "code": code, "message": message },
    })
    .to_string();
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Incoming> {
        let (sender, receiver) = mpsc::channel();
        read_loop(input.as_bytes(), sender);
        receiver.into_iter().collect()
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn bad_frames_do_not_stop_reading() {
        let input = [
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"params":{}}"#),
            "X-Nothing: 1\r\n\r\n".to_string(),
            frame(r#"{"jsonrpc":"2.0","method":"exit"}"#),
        ]
        .concat();
        let got = frames(&input);
        assert!(matches!(got[0], Incoming::Malformed(_)));
        assert!(
            matches!(&got[1], Incoming::Invalid { id: Some(id), .. } if id == &serde_json::json!(7))
        );
        assert!(matches!(got[2], Incoming::Malformed(_)));
        assert!(
            matches!(&got[3], Incoming::Message(Message::Notification(n)) if n.method == "exit")
        );
    }
}
