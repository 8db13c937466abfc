//! JSON-RPC over stdio with `Content-Length` framing.
//!
//! `lsp-server`'s own stdio transport stops reading at the first malformed message; an
//! editor plugin that sends one bad frame would lose the server. This transport reads frames
//! itself and keeps going: a frame that is not JSON becomes [`Incoming::Malformed`] (answered
//! with a parse error), valid JSON that is not a message becomes [`Incoming::Invalid`].
//! Messages themselves are `lsp-server`'s types.

use std::io::{self, BufRead, Read, Write};

use lsp_server::Message;

use crate::inbox::Sender;

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
pub fn read_loop(mut input: impl BufRead, sender: Sender) {
    loop {
        let incoming = match read_frame(&mut input) {
            Ok(Some(Frame::Body(body))) => decode(&body),
            Ok(Some(Frame::TooLarge(length))) => {
                // Answered at once, so the client learns why before the body is skipped.
                let reason = format!(
                    "a frame of {length} bytes is over the {} MiB limit: skipped",
                    MAX_FRAME >> 20
                );
                if !sender.send(Incoming::Malformed(reason)) {
                    return;
                }
                match io::copy(&mut (&mut input).take(length), &mut io::sink()) {
                    Ok(skipped) if skipped == length => continue,
                    _ => return,
                }
            }
            Ok(None) => return,
            Err(e) if e.kind() == io::ErrorKind::InvalidData => Incoming::Malformed(e.to_string()),
            Err(_) => return,
        };
        if !sender.send(incoming) {
            return;
        }
    }
}

/// What a header block announces.
enum Frame {
    Body(Vec<u8>),
    /// A body over [`MAX_FRAME`], not read yet: the caller skips it.
    TooLarge(u64),
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

/// The largest body a frame may announce. An LSP message is a document or an edit to one; the
/// linter reads configs up to a few MiB, so 64 MiB is far above any real message and still far
/// below what a machine can hold. A larger frame is skipped, not read.
const MAX_FRAME: u64 = 64 << 20;

/// The longest header line kept (`Content-Length: 67108864` is 24 bytes, a `Content-Type`
/// under 60): the rest of a longer line is skipped, so a stream with no newline cannot grow
/// memory.
const MAX_HEADER_LINE: usize = 1024;

/// One frame; `None` at a clean end of input. A header block without a valid
/// `Content-Length`, or with a header line over [`MAX_HEADER_LINE`], is an `InvalidData` error
/// after which reading goes on with the next header block. A body over [`MAX_FRAME`] is left
/// unread for the caller to skip.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<u64> = None;
    let mut saw_header = false;
    let mut line_too_long = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        let Some(overflow) = read_header_line(input, &mut line)? else {
            return if saw_header {
                Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "input ended inside a header",
                ))
            } else {
                Ok(None)
            };
        };
        line_too_long |= overflow;
        let header = line.trim_ascii_end();
        if header.is_empty() && !overflow {
            if !saw_header {
                continue;
            }
            break;
        }
        saw_header = true;
        if let Some((name, value)) = std::str::from_utf8(header)
            .ok()
            .and_then(|h| h.split_once(':'))
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    if line_too_long {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("a header line longer than {MAX_HEADER_LINE} bytes"),
        ));
    }
    let Some(length) = length else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "a header block without a valid Content-Length",
        ));
    };
    if length > MAX_FRAME {
        return Ok(Some(Frame::TooLarge(length)));
    }
    // Grown as bytes arrive, so a frame cut short by the end of input costs what it holds.
    let mut body = Vec::new();
    input.take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "input ended inside a frame",
        ));
    }
    Ok(Some(Frame::Body(body)))
}

/// Reads one line (through its `\n`) into `line`, keeping at most [`MAX_HEADER_LINE`] bytes
/// and skipping the rest. `None` at the end of input; otherwise whether the line was cut.
fn read_header_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<Option<bool>> {
    let mut read_any = false;
    let mut overflow = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(read_any.then_some(overflow));
        }
        read_any = true;
        let newline = buf.iter().position(|&b| b == b'\n');
        let take = newline.map_or(buf.len(), |i| i + 1);
        if line.len() + take <= MAX_HEADER_LINE {
            line.extend_from_slice(&buf[..take]);
        } else {
            overflow = true;
        }
        input.consume(take);
        if newline.is_some() {
            return Ok(Some(overflow));
        }
    }
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

/// Writes a notification whose params are already JSON text (UTF-8 bytes), in one
/// `write_all` after the header, as [`write_result`] writes a result.
pub fn write_notification_json(
    out: &mut impl Write,
    method: &str,
    params: &[u8],
) -> io::Result<()> {
    let head = format!(
        r#"{{"jsonrpc":"2.0","method":{},"params":"#,
        serde_json::to_string(method)?
    );
    let length = head.len() + params.len() + 1;
    write!(out, "Content-Length: {length}\r\n\r\n{head}")?;
    out.write_all(params)?;
    out.write_all(b"}")?;
    out.flush()
}

/// Writes a successful response whose result is already JSON text (UTF-8 bytes). The
/// result goes out in one `write_all`, never through `fmt`, which copied the megabytes of an
/// outline piece by piece.
pub fn write_result(
    out: &mut impl Write,
    id: &lsp_server::RequestId,
    result: &[u8],
) -> io::Result<()> {
    let id = serde_json::to_string(id)?;
    let (head, tail) = (r#"{"jsonrpc":"2.0","id":"#, r#","result":"#);
    let length = head.len() + id.len() + tail.len() + result.len() + 1;
    write!(out, "Content-Length: {length}\r\n\r\n{head}{id}{tail}")?;
    out.write_all(result)?;
    out.write_all(b"}")?;
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
        frames_from(input.as_bytes())
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

    /// Frames read from any reader (a chain of generated parts, so gigabytes cost nothing).
    fn frames_from(input: impl Read) -> Vec<Incoming> {
        let (sender, inbox) = crate::inbox::inbox();
        read_loop(io::BufReader::new(input), sender);
        std::iter::from_fn(|| inbox.next()).collect()
    }

    fn is_exit(incoming: &Incoming) -> bool {
        matches!(incoming, Incoming::Message(Message::Notification(n)) if n.method == "exit")
    }

    #[test]
    fn an_oversized_frame_is_refused_skipped_and_reading_goes_on() {
        let length = MAX_FRAME + 1;
        let input = io::Cursor::new(format!("Content-Length: {length}\r\n\r\n"))
            .chain(io::repeat(b'x').take(length))
            .chain(io::Cursor::new(frame(
                r#"{"jsonrpc":"2.0","method":"exit"}"#,
            )));
        let got = frames_from(input);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(matches!(&got[0], Incoming::Malformed(m) if m.contains("64 MiB")));
        assert!(is_exit(&got[1]));
    }

    #[test]
    fn absurd_lengths_do_not_allocate() {
        for length in ["99999999999", "18446744073709551615"] {
            let got = frames(&format!("Content-Length: {length}\r\n\r\n{{}}"));
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(matches!(&got[0], Incoming::Malformed(m) if m.contains(length)));
        }
        // Past u64: not a length at all, and the next frame is still read.
        let input = format!(
            "Content-Length: 99999999999999999999999\r\n\r\n{}",
            frame(r#"{"jsonrpc":"2.0","method":"exit"}"#)
        );
        let got = frames(&input);
        assert!(matches!(got[0], Incoming::Malformed(_)));
        assert!(is_exit(got.last().unwrap()));
    }

    #[test]
    fn a_body_cut_short_ends_reading_quietly() {
        assert!(frames("Content-Length: 60000000\r\n\r\n{\"jsonrpc\"").is_empty());
        assert!(frames("Content-Length: 5\r\n").is_empty());
    }

    #[test]
    fn header_lines_with_bare_newlines_are_read() {
        let body = r#"{"jsonrpc":"2.0","method":"exit"}"#;
        let got = frames(&format!("Content-Length: {}\n\n{body}", body.len()));
        assert!(is_exit(&got[0]));
    }

    #[test]
    fn a_gigantic_header_line_is_skipped_not_stored() {
        // 200 MB without a newline: with a stored line this test would need 200 MB.
        let huge = io::Cursor::new(b"X-Junk: ".to_vec())
            .chain(io::repeat(b'a').take(200 << 20))
            .chain(io::Cursor::new(b"\r\n\r\n".to_vec()))
            .chain(io::Cursor::new(frame(
                r#"{"jsonrpc":"2.0","method":"exit"}"#,
            )));
        let got = frames_from(huge);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(matches!(&got[0], Incoming::Malformed(m) if m.contains("header line")));
        assert!(is_exit(&got[1]));
        // And one that never ends just ends the input.
        let endless = io::repeat(b'a').take(200 << 20);
        assert!(frames_from(endless).is_empty());
    }
}
