//! `rtxlint lsp` under abuse: bad frames, unknown methods, requests out of order, a huge
//! document, a burst of changes. The server answers with errors where due and keeps serving.

mod lsp_client;

#[path = "../benches/support/mod.rs"]
#[allow(dead_code)]
mod support;

use lsp_client::Client;
use serde_json::{Value, json};

const URI: &str = "file:///project/config.txt";

fn error_code(response: &Value) -> i64 {
    response["error"]["code"]
        .as_i64()
        .unwrap_or_else(|| panic!("not an error: {response}"))
}

/// The server still answers a real request.
fn still_serving(client: &mut Client) {
    client.open(URI, "tunnel select 1\n ipsec tunnel 1\n");
    let published = client.diagnostics(URI);
    assert!(!published["diagnostics"].as_array().unwrap().is_empty());
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut client = Client::spawn();
    let response = client.request_message(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(error_code(&response), -32002);
    let init = client.request("initialize", json!({"capabilities": {}}));
    assert!(init["capabilities"].is_object());
    let again = client.request_message("initialize", json!({"capabilities": {}}));
    assert_eq!(error_code(&again), -32600);
    still_serving(&mut client);
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn malformed_frames_get_errors_and_the_server_goes_on() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    // Not JSON at all: a parse error with a null id.
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let response = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(error_code(&response), -32700);
    assert_eq!(response["id"], Value::Null);
    // JSON but not a message: an invalid request, with its id.
    client.send(json!({"jsonrpc": "2.0", "id": 41, "params": {}}));
    let response = client.wait_for(|m| m["id"] == 41);
    assert_eq!(error_code(&response), -32600);
    // A header block without Content-Length.
    client.send_raw(b"Content-Type: application/json\r\n\r\n");
    let response = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(error_code(&response), -32700);
    still_serving(&mut client);
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn an_absurd_content_length_is_refused_without_allocating() {
    for length in ["99999999999", "18446744073709551615"] {
        let (mut client, _) = Client::start(json!({}), json!({}));
        client.send_raw(format!("Content-Length: {length}\r\n\r\n{{}}").as_bytes());
        let response = client.wait_for(|m| m.get("error").is_some());
        assert_eq!(error_code(&response), -32700);
        assert_eq!(response["id"], Value::Null);
        // The server now skips that many bytes; ending the input ends it, without an abort.
        assert_eq!(client.wait().code(), Some(1));
    }
}

#[test]
fn a_frame_over_the_limit_is_skipped_and_the_server_goes_on() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    let length = (64 << 20) + 1;
    client.send_raw(format!("Content-Length: {length}\r\n\r\n").as_bytes());
    let response = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(error_code(&response), -32700);
    assert_eq!(response["id"], Value::Null);
    client.send_raw(&vec![b' '; length]);
    // A header line that never ends within the limit: refused, and the next frame is read.
    let mut junk = b"X-Junk: ".to_vec();
    junk.extend(std::iter::repeat_n(b'a', 1 << 20));
    junk.extend(b"\r\n\r\n");
    client.send_raw(&junk);
    let response = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(error_code(&response), -32700);
    still_serving(&mut client);
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn unknown_methods_unopened_documents_and_bad_params() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    let response = client.request_message("textDocument/prepareTypeHierarchy", json!({}));
    assert_eq!(error_code(&response), -32601);
    client.notify("$/unknownNotification", json!({"x": 1}));
    client.notify("textDocument/didChange", json!({"nonsense": true}));
    let message = client.wait_for(|m| m["method"] == "window/showMessage");
    assert!(
        message["params"]["message"]
            .as_str()
            .unwrap()
            .contains("invalid params")
    );
    let never_opened = json!({
        "textDocument": {"uri": "file:///project/never-opened.txt"},
        "position": {"line": 0, "character": 0},
    });
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/completion",
    ] {
        let response = client.request_message(method, never_opened.clone());
        assert_eq!(error_code(&response), -32602, "{method}");
    }
    let response = client.request_message("textDocument/hover", json!({"position": 3}));
    assert_eq!(error_code(&response), -32602);
    // Positions past the end of the document are clamped, not a crash.
    client.open(URI, "tunnel select 1\n");
    client.diagnostics(URI);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 99, "character": 99}}),
    );
    assert_eq!(hover, Value::Null);
    still_serving(&mut client);
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn a_100k_line_document() {
    let text = String::from_utf8(support::generated_config(100_000)).unwrap();
    let lines = text.lines().count();
    let (mut client, _) = Client::start(json!({}), json!({}));
    client.open(URI, &text);
    let published = client.diagnostics(URI);
    assert_eq!(published["version"], 1);
    // Whatever the rules find, the answer arrives and every range stays inside the document.
    for d in published["diagnostics"].as_array().unwrap() {
        assert!(d["range"]["end"]["line"].as_u64().unwrap() < lines as u64);
    }
    // An edit at the very end, then a hover there.
    client.edit(URI, 2, (lines, 0), (lines, 0), "tunnel select 1\n");
    assert_eq!(client.diagnostics(URI)["version"], 2);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": lines, "character": 1}}),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("tunnel select")
    );
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn a_burst_of_changes_ends_on_the_last_text() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    client.open(URI, "");
    client.diagnostics(URI);
    // Type a line one character at a time, as fast as the pipe takes it.
    let line = "tunnel select 1\n ipsec tunnel 1\n";
    for (i, c) in line.char_indices() {
        let before = &line[..i];
        let (row, col) = (
            before.matches('\n').count(),
            before.len() - before.rfind('\n').map_or(0, |p| p + 1),
        );
        client.edit(URI, i + 2, (row, col), (row, col), &c.to_string());
    }
    let last = line.chars().count() + 1;
    // Publications come in order; the last one is for the final version and text.
    let published = loop {
        let p = client.diagnostics(URI);
        if p["version"] == last {
            break p;
        }
        assert!(p["version"].as_u64().unwrap() < last as u64);
    };
    let codes: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"missing-tunnel-enable"), "{codes:?}");
    assert!(codes.contains(&"sa-policy-mismatch"), "{codes:?}");
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn exit_without_shutdown_exits_with_1() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().code(), Some(1));
}

#[test]
fn requests_after_shutdown_are_refused() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    let response = client.request_message(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(error_code(&response), -32600);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().code(), Some(0));
}
