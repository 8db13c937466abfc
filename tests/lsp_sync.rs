//! Document sync in `rtxlint lsp`: edits applied in place must leave the server exactly where
//! a fresh open of the final text would (diagnostics, outline, tokens, formatting, hover,
//! definition); a burst of queued edits is linted once, for the newest version; requests are
//! answered against the version they were sent after.

mod lsp_client;

use lsp_client::{Client, scenario};
use serde_json::{Value, json};

const EDITED: &str = "file:///project/edited.txt";
const FRESH: &str = "file:///project/fresh.txt";

/// The byte offset of an LSP position (UTF-16 characters; lines end at `\n`, `\r\n` or `\r`),
/// as the specification defines it.
fn offset(text: &str, line: usize, character: usize) -> usize {
    let mut start = 0;
    for _ in 0..line {
        let rest = &text[start..];
        let Some(end) = rest.find(['\n', '\r']) else {
            return text.len();
        };
        start += end
            + if rest[end..].starts_with("\r\n") {
                2
            } else {
                1
            };
    }
    let content = &text[start..];
    let content = &content[..content.find(['\n', '\r']).unwrap_or(content.len())];
    let mut units = 0;
    for (i, c) in content.char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16();
    }
    start + content.len()
}

/// The LSP position of byte `at`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + before.matches('\r').count()
        - before.matches("\r\n").count();
    (line, before[line_start..].encode_utf16().count())
}

fn range(start: (usize, usize), end: (usize, usize)) -> Value {
    json!({
        "start": {"line": start.0, "character": start.1},
        "end": {"line": end.0, "character": end.1},
    })
}

/// A small deterministic generator (no dependency): the same edits on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Text pieces an edit inserts: line breaks of each kind, commands that define and refer to
/// objects, text outside the BMP.
const PIECES: [&str; 12] = [
    "",
    "\n",
    "\r\n",
    "\r",
    "#",
    "1",
    " ipsec tunnel 9",
    "tunnel select 9\n",
    "ipsec sa policy 9 9 esp aes-cbc sha-hmac\n",
    "description \"東京🗼\"",
    "🗼",
    "  ip filter 100 pass * * tcp * www\n",
];

/// A random edit of `text` at character boundaries: its LSP range, the new text, and the
/// byte range it replaces.
fn random_edit(rng: &mut Lcg, text: &str) -> (Value, String, std::ops::Range<usize>) {
    let boundary = |rng: &mut Lcg| {
        let mut at = rng.below(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        // A position cannot point between the `\r` and `\n` of one line end.
        if at > 0 && text[..at].ends_with('\r') && text[at..].starts_with('\n') {
            at -= 1;
        }
        at
    };
    let start = boundary(rng);
    let mut end = (start + rng.below(40)).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end > 0 && end > start && text[..end].ends_with('\r') && text[end..].starts_with('\n') {
        end -= 1;
    }
    let piece = PIECES[rng.below(PIECES.len())].to_string();
    (
        range(position(text, start), position(text, end)),
        piece,
        start..end,
    )
}

/// A JSON answer with the edited document's URI made the fresh one's.
fn same_uri(value: &Value) -> Value {
    serde_json::from_str(&value.to_string().replace(EDITED, FRESH)).unwrap()
}

/// Every request the features answer, for `uri`, at a few positions of `text`.
fn answers(client: &mut Client, uri: &str, text: &str) -> Vec<Value> {
    let doc = json!({"uri": uri});
    let mut out = vec![
        client.request("textDocument/documentSymbol", json!({"textDocument": doc})),
        client.request(
            "textDocument/semanticTokens/full",
            json!({"textDocument": doc}),
        ),
        client.request(
            "textDocument/formatting",
            json!({"textDocument": doc, "options": {"tabSize": 1, "insertSpaces": true}}),
        ),
    ];
    for needle in [
        " ipsec tunnel ",
        "ipsec sa policy ",
        "ip filter ",
        "tunnel select ",
    ] {
        let Some(at) = text.find(needle) else {
            continue;
        };
        let (line, character) = position(text, at + needle.len());
        let at = json!({"textDocument": doc, "position": {"line": line, "character": character}});
        out.push(client.request("textDocument/hover", at.clone()));
        out.push(client.request("textDocument/definition", at.clone()));
        let mut references = at.clone();
        references["context"] = json!({"includeDeclaration": true});
        out.push(client.request("textDocument/references", references));
        out.push(client.request("textDocument/completion", at));
    }
    out
}

/// The edited document must answer as a fresh open of `text` does.
fn assert_same_as_fresh(client: &mut Client, version: usize, text: &str, what: &str) {
    let edited = client.diagnostics(EDITED);
    assert_eq!(edited["version"], version, "{what}");
    client.open(FRESH, text);
    let fresh = client.diagnostics(FRESH);
    assert_eq!(
        same_uri(&edited["diagnostics"]),
        fresh["diagnostics"],
        "{what}: diagnostics"
    );
    let edited_answers: Vec<Value> = answers(client, EDITED, text).iter().map(same_uri).collect();
    let fresh_answers = answers(client, FRESH, text);
    assert_eq!(edited_answers, fresh_answers, "{what}: answers");
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": FRESH}}),
    );
    assert_eq!(client.diagnostics(FRESH)["diagnostics"], json!([]));
}

/// The seed config with CRLF and lone-CR line ends and text outside ASCII, so positions in
/// UTF-16 and every kind of line end are exercised.
fn starting_text() -> String {
    let seed = scenario("seed-5-typos.txt");
    let mut text = String::new();
    for (i, line) in seed.lines().enumerate() {
        text.push_str(line);
        text.push_str(match i % 7 {
            3 => "\r\n",
            5 => "\r",
            _ => "\n",
        });
        if i == 10 {
            text.push_str("# 拠点 🗼 東京\n");
        }
    }
    text
}

#[test]
fn incremental_edits_end_where_a_fresh_open_starts() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    let mut text = starting_text();
    client.open(EDITED, &text);
    client.diagnostics(EDITED);
    let mut rng = Lcg(10);
    let mut version = 1;
    for round in 0..12 {
        version += 1;
        // One to four changes per notification, each relative to the text the previous left.
        let mut changes = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let (range, piece, bytes) = random_edit(&mut rng, &text);
            text.replace_range(bytes, &piece);
            changes.push(json!({"range": range, "text": piece}));
        }
        if round == 6 {
            // A whole-document change among ranged ones, as some clients send.
            text = format!("# replaced\n{text}");
            changes.push(json!({"text": text}));
        }
        client.change(EDITED, version, Value::Array(changes));
        assert_same_as_fresh(&mut client, version, &text, &format!("round {round}"));
    }
    client.shutdown();
}

#[test]
fn whole_document_changes_replace_the_text() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    client.open(EDITED, "tunnel select 1\n ipsec tunnel 101\n");
    client.diagnostics(EDITED);
    let text = starting_text();
    client.change(EDITED, 2, json!([{"text": text}]));
    assert_same_as_fresh(&mut client, 2, &text, "whole document");
    // Then a ranged edit on the new text.
    let line = text
        .lines()
        .position(|l| l.starts_with(" ipsec tunnel"))
        .unwrap();
    client.change(
        EDITED,
        3,
        json!([{"range": range((line, 0), (line + 1, 0)), "text": ""}]),
    );
    let start = offset(&text, line, 0);
    let end = offset(&text, line + 1, 0);
    let mut after = text.clone();
    after.replace_range(start..end, "");
    assert_same_as_fresh(&mut client, 3, &after, "ranged after whole");
    client.shutdown();
}

const CONFIG: &str = "tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n  ipsec ike remote address 1 192.0.2.1\n tunnel enable 1\n";

fn definition_lines(client: &mut Client, line: usize, character: usize) -> Vec<u64> {
    let found = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": EDITED}, "position": {"line": line, "character": character}}),
    );
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["range"]["start"]["line"].as_u64().unwrap())
        .collect()
}

#[test]
fn hover_and_definition_read_the_version_after_the_edit() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    client.open(EDITED, CONFIG);
    client.diagnostics(EDITED);
    // The cursor on `101` of ` ipsec tunnel 101`: its SA policy is on line 2.
    assert_eq!(definition_lines(&mut client, 1, 15), [2]);
    // Two lines inserted above: the same answer moves with them.
    client.edit(EDITED, 2, (0, 0), (0, 0), "# a\n# b\n");
    assert_eq!(definition_lines(&mut client, 3, 15), [4]);
    // The policy renumbered: 101 is defined nowhere, and hover says so.
    client.edit(EDITED, 3, (4, 18), (4, 21), "102");
    assert_eq!(definition_lines(&mut client, 3, 15), Vec::<u64>::new());
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": EDITED}, "position": {"line": 3, "character": 15}}),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("Not defined in this file"), "{text}");
    client.shutdown();
}

#[test]
fn a_burst_of_edits_is_linted_once_for_the_newest_version() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    client.open(EDITED, CONFIG);
    assert_eq!(client.diagnostics(EDITED)["version"], 1);
    // A keystroke, a paste of 40 KB (whose frame takes the server's reader a while to decode,
    // long after the keystroke is handled), three more keystrokes, flushed together: in all
    // well under the 64 KiB a pipe holds, so the server finds them buffered at once.
    let pasted = "# pasted\n".repeat(4000);
    let change = |version: usize, at: (usize, usize), text: &str| {
        json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": EDITED, "version": version},
            "contentChanges": [{"range": range(at, at), "text": text}],
        }})
    };
    let burst = [
        change(2, (5, 0), "#"),
        change(3, (5, 1), &pasted),
        change(4, (4005, 0), "#"),
        change(5, (4005, 1), "#"),
        change(6, (4005, 2), "#"),
    ];
    client.send_batch(&burst);
    let published = client.diagnostics(EDITED);
    assert_eq!(published["version"], 6, "{published}");
    assert_eq!(client.published_so_far(EDITED), Vec::<Value>::new());
    // And the text has every edit: the last token is the comment on line 4005, three
    // characters long.
    let tokens = client.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": EDITED}}),
    );
    let data = tokens["data"].as_array().unwrap();
    let lines: u64 = data.chunks(5).map(|t| t[0].as_u64().unwrap()).sum();
    assert_eq!((lines, &data[data.len() - 3]), (4005, &json!(3)));
    client.shutdown();
}

#[test]
fn a_request_inside_a_burst_sees_its_own_version() {
    let (mut client, _) = Client::start(json!({}), json!({}));
    client.open(EDITED, CONFIG);
    client.diagnostics(EDITED);
    let change = |version: usize, range: Value, text: &str| {
        json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": EDITED, "version": version},
            "contentChanges": [{"range": range, "text": text}],
        }})
    };
    // Version 2 renumbers the policy, the request asks about version 2, version 3 undoes it.
    let (ask, id) = client.request_to_send(
        "textDocument/definition",
        json!({"textDocument": {"uri": EDITED}, "position": {"line": 1, "character": 15}}),
    );
    client.send_batch(&[
        change(2, range((2, 18), (2, 21)), "102"),
        ask,
        change(3, range((2, 18), (2, 21)), "101"),
    ]);
    let answer = client.response(id);
    assert_eq!(answer["result"], json!([]), "{answer}");
    assert_eq!(client.diagnostics(EDITED)["version"], 3);
    assert_eq!(client.published_so_far(EDITED), Vec::<Value>::new());
    assert_eq!(definition_lines(&mut client, 1, 15), [2]);
    client.shutdown();
}
