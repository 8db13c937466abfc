//! The language server honours `# rtxlint:` directives as the CLI does (it lints through the
//! same library entry points), and offers the fix of an unused directive as a code action.

mod lsp_client;

use lsp_client::Client;
use serde_json::json;

#[test]
fn directives_silence_findings_in_the_editor_and_unused_ones_can_be_deleted() {
    let uri = "file:///project/site.txt";
    let text = "# rtxlint: disable-next-line=operational-command the runbook saves\n\
                save\n\
                # rtxlint: disable-next-line=weak-crypto\n\
                ip lan1 address 192.0.2.1/24\n";
    let (mut client, _) = Client::start(json!({}), json!({}));
    client.open(uri, text);
    let published = client.diagnostics(uri);
    let found: Vec<(&str, u64)> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, [("unused-suppression", 2)], "{published}");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 40}},
            "context": {"diagnostics": []},
        }),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert!(
        titles.iter().any(|t| t.contains("delete the directive")),
        "{actions}"
    );
    // "Apply every safe fix" deletes it too, and keeps the directive in use.
    let all = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "source.fixAll.rtxlint")
        .unwrap();
    assert_eq!(
        all["edit"]["changes"][uri][0]["newText"],
        "# rtxlint: disable-next-line=operational-command the runbook saves\nsave\n\
         ip lan1 address 192.0.2.1/24\n"
    );
    assert_eq!(client.shutdown().code(), Some(0));
}
