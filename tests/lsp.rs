//! `rtxlint lsp` in a whole editor session: the real binary, JSON-RPC with Content-Length
//! framing, responses snapshotted.

mod lsp_client;

use lsp_client::{Client, line_of, scenario};
use serde_json::{Value, json};

const SEED_2: &str = "file:///project/seed-2-aws-pasted.txt";
const SEED_5: &str = "file:///project/seed-5-typos.txt";

fn at(uri: &str, line: usize, character: usize) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

/// The column just inside the first `needle` on `line`.
fn column(text: &str, line: usize, needle: &str) -> usize {
    text.lines().nth(line).unwrap().find(needle).unwrap() + 1
}

/// `(code, line)` of the seed rules' diagnostics, as expected.json states them (1-based).
fn seed_findings(published: &Value) -> Vec<(String, u64)> {
    const SEED_RULES: [&str; 4] = [
        "tunnel-number-clash",
        "heartbeat-keepalive",
        "missing-tunnel-enable",
        "sa-policy-mismatch",
    ];
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| SEED_RULES.contains(&d["code"].as_str().unwrap()))
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap() + 1,
            )
        })
        .collect()
}

#[test]
fn an_editing_session_from_initialize_to_exit() {
    let (mut client, init) = Client::start(json!({}), json!({}));
    insta::assert_json_snapshot!("initialize", init);

    // Every scenario file gets exactly the findings of expected.json.
    let expected: Value = serde_json::from_str(&scenario("expected.json")).unwrap();
    for (file, wanted) in expected["files"].as_object().unwrap() {
        let uri = format!("file:///project/{file}");
        client.open(&uri, &scenario(file));
        let published = client.diagnostics(&uri);
        assert_eq!(published["version"], 1);
        let found = seed_findings(&published);
        let wanted: Vec<(String, u64)> = wanted
            .as_array()
            .unwrap()
            .iter()
            .map(|w| {
                let (first, last) = (
                    w["lines"][0].as_u64().unwrap(),
                    w["lines"][1].as_u64().unwrap(),
                );
                let rule = w["rule"].as_str().unwrap().to_string();
                let line = found
                    .iter()
                    .find(|(r, l)| *r == rule && (first..=last).contains(l))
                    .map_or(0, |f| f.1);
                (rule, line)
            })
            .collect();
        assert_eq!(found, wanted, "{file}");
        if file.starts_with("seed-2") || file.starts_with("seed-5") {
            insta::assert_json_snapshot!(format!("diagnostics-{file}"), published);
        }
    }

    // An edit that fixes a problem: `ipsec sa policy 220` becomes 202, as `ipsec tunnel 202`
    // says; the mismatch goes away and the rest stays.
    let seed5 = scenario("seed-5-typos.txt");
    let line = line_of(&seed5, "  ipsec sa policy 220");
    client.edit(SEED_5, 2, (line, 18), (line, 21), "202");
    let after = client.diagnostics(SEED_5);
    assert_eq!(after["version"], 2);
    let found = seed_findings(&after);
    assert_eq!(
        found,
        [
            ("missing-tunnel-enable".to_string(), 51),
            ("sa-policy-mismatch".to_string(), 71)
        ]
    );
    insta::assert_json_snapshot!("diagnostics-after-fix", after);

    // Hover on the policy number of `ipsec tunnel 201`: the SA policy, and the command.
    let tunnel_line = line_of(&seed5, " ipsec tunnel 201");
    let hover = client.request("textDocument/hover", at(SEED_5, tunnel_line, 15));
    insta::assert_json_snapshot!("hover-ipsec-tunnel", hover);

    // Hover on a pre-shared key: the parameter is named, its value never shown.
    let psk_line = line_of(&seed5, "  ipsec ike pre-shared-key 1");
    let hover = client.request(
        "textDocument/hover",
        at(
            SEED_5,
            psk_line,
            column(&seed5, psk_line, "aws-tunnel1-psk"),
        ),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("secret"), "{text}");
    assert!(!text.contains("aws-tunnel1-psk"), "{text}");
    // Hover on the gateway id of that line: the gateway, its definitions masked.
    let hover = client.request(
        "textDocument/hover",
        at(SEED_5, psk_line, column(&seed5, psk_line, " 1 ")),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("**IKE gateway 1**"), "{text}");
    assert!(!text.contains("aws-tunnel1-psk"), "{text}");

    // Definition: `ipsec tunnel 201` -> `ipsec sa policy 201`, `pp bind tunnel3` -> `tunnel
    // select 3`.
    let definition = client.request("textDocument/definition", at(SEED_5, tunnel_line, 15));
    assert_eq!(
        definition[0]["range"]["start"]["line"],
        line_of(&seed5, "  ipsec sa policy 201")
    );
    let bind_line = line_of(&seed5, " pp bind tunnel3");
    let definition = client.request("textDocument/definition", at(SEED_5, bind_line, 10));
    assert_eq!(
        definition,
        json!([{"uri": SEED_5, "range": {
            "start": {"line": line_of(&seed5, "tunnel select 3"), "character": 14},
            "end": {"line": line_of(&seed5, "tunnel select 3"), "character": 15},
        }}])
    );

    // References of IKE gateway 1, declaration included.
    let gateway_line = line_of(&seed5, "  ipsec sa policy 201");
    let references = client.request(
        "textDocument/references",
        json!({
            "textDocument": {"uri": SEED_5},
            "position": {"line": gateway_line, "character": 22},
            "context": {"includeDeclaration": true},
        }),
    );
    insta::assert_json_snapshot!("references-gateway-1", references);

    // Completion: the keepalive switch, and the SA policies this file defines.
    let keepalive_line = line_of(&seed5, "  ipsec ike keepalive use 1 on");
    let completion = client.request(
        "textDocument/completion",
        at(
            SEED_5,
            keepalive_line,
            column(&seed5, keepalive_line, " on "),
        ),
    );
    let labels: Vec<&str> = completion
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["on", "off", "auto"]);
    let completion = client.request(
        "textDocument/completion",
        at(SEED_5, tunnel_line, column(&seed5, tunnel_line, " 201")),
    );
    insta::assert_json_snapshot!("completion-ipsec-tunnel", completion);

    // Code actions on the line without `tunnel enable`.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": SEED_5},
            "range": {"start": {"line": 50, "character": 0}, "end": {"line": 50, "character": 0}},
            "context": {"diagnostics": []},
        }),
    );
    insta::assert_json_snapshot!("code-actions-missing-enable", actions);

    // Formatting: a messy block becomes canonical, comments and CRLF kept.
    let messy = "# branch\r\nTUNNEL select 1\r\n\tipsec  tunnel 101\r\n    ipsec sa policy 101 1 esp aes-cbc sha-hmac # main\r\n\r\n tunnel enable 1\r\n";
    client.open("file:///project/messy.txt", messy);
    client.diagnostics("file:///project/messy.txt");
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": "file:///project/messy.txt"}, "options": {"tabSize": 1, "insertSpaces": true}}),
    );
    insta::assert_json_snapshot!("formatting", edits);

    // The outline and the semantic tokens of the AWS file.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": SEED_2}}),
    );
    insta::assert_json_snapshot!("document-symbols", symbols);
    // The AWS file's secrets appear in no answer about it: not in the outline, not in the
    // diagnostics, not when hovering over every word of every line.
    let seed2 = scenario("seed-2-aws-pasted.txt");
    let mut answers = vec![
        symbols.to_string(),
        client_diagnostics_text(&mut client, &seed2),
    ];
    for (line, text) in seed2.lines().enumerate() {
        for (column, _) in text.match_indices(' ') {
            answers.push(
                client
                    .request("textDocument/hover", at(SEED_2, line, column + 1))
                    .to_string(),
            );
        }
    }
    for secret in [
        "hogehoge",
        "aws-tunnel1-psk",
        "aws-tunnel2-psk",
        "isp-password",
        "vpn-password",
    ] {
        assert!(
            answers.iter().all(|a| !a.contains(secret)),
            "{secret} was shown"
        );
    }
    client.open(
        "file:///project/small.txt",
        "# lab\nip lan1 address 192.168.0.1/24\ntunnel select 1\n ipsec ike keepalive use 1 on dpd 10 3\n description tunnel \"拠点\"\n",
    );
    let tokens = client.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": "file:///project/small.txt"}}),
    );
    insta::assert_json_snapshot!("semantic-tokens", tokens);

    // Closing a file clears its diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": SEED_5}}),
    );
    let cleared = client.diagnostics(SEED_5);
    assert_eq!(cleared["diagnostics"], json!([]));

    let status = client.shutdown();
    assert_eq!(status.code(), Some(0));
}

/// The diagnostics of SEED_2 as the server publishes them after the text is re-sent.
fn client_diagnostics_text(client: &mut Client, text: &str) -> String {
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": SEED_2, "version": 9}, "contentChanges": [{"text": text}]}),
    );
    client.diagnostics(SEED_2).to_string()
}

#[test]
fn positions_follow_the_negotiated_encoding() {
    // A Shift_JIS file as the editor hands it over: decoded to Unicode, CRLF line ends.
    let text = "console character sjis\r\ntunnel select 1\r\n description tunnel \"東京🗼\" x\r\n ipsec tunnel 1\r\n";
    let word = |d: &Value| {
        let d = d["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "invalid-argument")
            .cloned()
            .unwrap_or_else(|| panic!("no invalid-argument in {d}"));
        (
            d["range"]["start"]["line"].as_u64().unwrap(),
            d["range"]["start"]["character"].as_u64().unwrap(),
        )
    };
    let uri = "file:///project/sjis.txt";
    // UTF-16 by default: the emoji counts two units, each kanji one.
    let (mut client, init) = Client::start(json!({}), json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    client.open(uri, text);
    assert_eq!(word(&client.diagnostics(uri)), (2, 27));
    assert_eq!(client.shutdown().code(), Some(0));
    // UTF-8 when the client offers it: bytes.
    let (mut client, init) = Client::start(
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
        json!({}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    client.open(uri, text);
    assert_eq!(word(&client.diagnostics(uri)), (2, 33));
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn settings_select_rules_like_the_cli() {
    let (mut client, _) = Client::start(
        json!({}),
        json!({"select": ["sa-policy-mismatch"], "ignore": []}),
    );
    client.open(SEED_5, &scenario("seed-5-typos.txt"));
    let published = client.diagnostics(SEED_5);
    let codes: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["sa-policy-mismatch", "sa-policy-mismatch"]);
    // Changing the configuration re-lints open documents.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"rtxlint": {"select": ["missing-tunnel-enable"]}}}),
    );
    let published = client.diagnostics(SEED_5);
    assert_eq!(published["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(published["diagnostics"][0]["code"], "missing-tunnel-enable");
    // An unknown rule name is reported to the user, not silently dropped.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"ignore": ["no-such-rule"]}}),
    );
    let message = client.wait_for(|m| m["method"] == "window/showMessage");
    assert!(
        message["params"]["message"]
            .as_str()
            .unwrap()
            .contains("no-such-rule")
    );
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn the_project_file_applies_and_its_changes_are_watched() {
    let dir = tempfile::tempdir().unwrap();
    let project_file = dir.path().join("rtxlint.toml");
    std::fs::write(&project_file, "select = [\"sa-policy-mismatch\"]\n").unwrap();
    let uri = format!("file://{}/branch.txt", dir.path().display());
    let codes = |published: &Value| -> Vec<String> {
        let mut codes: Vec<String> = published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect();
        codes.dedup();
        codes
    };
    let (mut client, _) = Client::start(
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        json!({}),
    );
    // The server asks to hear about project files; the client agrees.
    let registration = client.wait_for(|m| m["method"] == "client/registerCapability");
    assert_eq!(
        registration["params"]["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"],
        "**/rtxlint.toml"
    );
    client.send(json!({"jsonrpc": "2.0", "id": registration["id"], "result": null}));

    client.open(&uri, &scenario("seed-5-typos.txt"));
    assert_eq!(codes(&client.diagnostics(&uri)), ["sa-policy-mismatch"]);

    // The file changes: the editor reports it, the document is linted again.
    std::fs::write(&project_file, "select = [\"missing-tunnel-enable\"]\n").unwrap();
    let changed =
        json!({"changes": [{"uri": format!("file://{}", project_file.display()), "type": 2}]});
    client.notify("workspace/didChangeWatchedFiles", changed.clone());
    assert_eq!(codes(&client.diagnostics(&uri)), ["missing-tunnel-enable"]);

    // Editor settings override the file key by key.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"select": ["sa-policy-mismatch"]}}),
    );
    assert_eq!(codes(&client.diagnostics(&uri)), ["sa-policy-mismatch"]);
    client.notify("workspace/didChangeConfiguration", json!({"settings": {}}));
    assert_eq!(codes(&client.diagnostics(&uri)), ["missing-tunnel-enable"]);

    // A broken file is reported, and every rule runs meanwhile.
    std::fs::write(&project_file, "select = 1\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", changed);
    let message = client.wait_for(|m| m["method"] == "window/showMessage");
    assert!(
        message["params"]["message"]
            .as_str()
            .unwrap()
            .contains("rtxlint.toml")
    );
    assert!(codes(&client.diagnostics(&uri)).len() > 1);
    assert_eq!(client.shutdown().code(), Some(0));
}

/// Settings are found as the CLI finds them: the `rtxlint.toml` nearest to each document, a
/// subfolder's own file over the root's, with its severities and per-file ignores.
#[test]
fn a_document_takes_the_settings_nearest_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("osaka");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        dir.path().join("rtxlint.toml"),
        "select = [\"sa-policy-mismatch\"]\n[per-file-ignores]\n\"legacy.txt\" = [\"ALL\"]\n",
    )
    .unwrap();
    std::fs::write(
        sub.join("rtxlint.toml"),
        "select = [\"RTX103\"]\n[rule-severity]\nmissing-tunnel-enable = \"info\"\n",
    )
    .unwrap();
    let (mut client, _) = Client::start(json!({}), json!({}));
    let found = |client: &mut Client, uri: &str| -> Vec<(String, u64)> {
        client.open(uri, &scenario("seed-5-typos.txt"));
        let published = client.diagnostics(uri);
        let mut found: Vec<(String, u64)> = published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["severity"].as_u64().unwrap(),
                )
            })
            .collect();
        found.dedup();
        found
    };
    let root_uri = format!("file://{}/tokyo.txt", dir.path().display());
    assert_eq!(
        found(&mut client, &root_uri),
        [("sa-policy-mismatch".to_string(), 1)]
    );
    let sub_uri = format!("file://{}/branch.txt", sub.display());
    assert_eq!(
        found(&mut client, &sub_uri),
        [("missing-tunnel-enable".to_string(), 3)]
    );
    let legacy_uri = format!("file://{}/legacy.txt", dir.path().display());
    assert_eq!(found(&mut client, &legacy_uri), []);
    assert_eq!(client.shutdown().code(), Some(0));
}

/// The two ends of a VPN in one workspace: a pre-shared key edited on one end shows as a
/// mismatch in both open documents, each pointing at the other; an end that is only on disk
/// counts too.
#[test]
fn editing_one_end_of_a_vpn_updates_both_ends() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/rtx-linter/fixtures/vpn-peer-mismatch/valid/pre-shared-keys-differ");
    let tokyo_text = std::fs::read_to_string(fixtures.join("tokyo.txt")).unwrap();
    let osaka_text = std::fs::read_to_string(fixtures.join("osaka.txt")).unwrap();
    std::fs::write(dir.path().join("tokyo.txt"), &tokyo_text).unwrap();
    std::fs::write(dir.path().join("osaka.txt"), &osaka_text).unwrap();
    let folder = format!("file://{}", dir.path().display());
    let tokyo = format!("{folder}/tokyo.txt");
    let osaka = format!("{folder}/osaka.txt");
    let mismatches = |published: &Value| -> Vec<Value> {
        published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "vpn-peer-mismatch")
            .cloned()
            .collect()
    };
    let (mut client, _) = Client::start_in(&folder, json!({}), json!({}));

    // Tokyo alone is open; its other end is on disk. They agree.
    client.open(&tokyo, &tokyo_text);
    assert_eq!(mismatches(&client.diagnostics(&tokyo)), Vec::<Value>::new());
    client.open(&osaka, &osaka_text);
    assert_eq!(mismatches(&client.diagnostics(&osaka)), Vec::<Value>::new());

    // Osaka's key changes in the editor: both documents show the mismatch.
    let line = line_of(&osaka_text, "  ipsec ike pre-shared-key");
    let old = osaka_text.lines().nth(line).unwrap().len();
    client.edit(
        &osaka,
        2,
        (line, 0),
        (line, old),
        "  ipsec ike pre-shared-key 1 text made-up-other-key",
    );
    let in_osaka = mismatches(&client.diagnostics(&osaka));
    let in_tokyo = mismatches(&client.diagnostics(&tokyo));
    for (found, other) in [(&in_osaka, &tokyo), (&in_tokyo, &osaka)] {
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]["message"]
                .as_str()
                .unwrap()
                .contains("pre-shared keys")
        );
        let related = &found[0]["relatedInformation"][0]["location"];
        assert_eq!(related["uri"], *other, "{found:?}");
        assert_eq!(related["range"]["start"]["line"], line);
        // The key itself is in no message.
        assert!(!found[0].to_string().contains("made-up-other-key"));
    }

    // Osaka is closed unsaved: tokyo is checked against the file on disk again, which
    // agrees with it.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": osaka}}),
    );
    assert_eq!(mismatches(&client.diagnostics(&tokyo)), Vec::<Value>::new());

    // The file on disk changes (another tool, a pull): the editor reports it, and tokyo is
    // checked against it, the related place in the file on disk.
    std::fs::write(
        dir.path().join("osaka.txt"),
        osaka_text.replace("made-up-key-7f3a9c2e", "made-up-key-pulled"),
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": osaka, "type": 2}]}),
    );
    let found = mismatches(&client.diagnostics(&tokyo));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["relatedInformation"][0]["location"]["uri"], *osaka);
    assert_eq!(client.shutdown().code(), Some(0));
}

/// A config whose `rtxlint.toml` names AWS's configuration of its VPN (`[[vpn.peer]]`) is
/// checked against it as it is edited, the related place in AWS's file.
#[test]
fn a_config_is_checked_against_its_aws_peer() {
    let dir = tempfile::tempdir().unwrap();
    let case = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/rtx-linter/fixtures/vpn-peer-mismatch/invalid/aws-heartbeat-keepalive");
    let text = std::fs::read_to_string(case.join("router.txt")).unwrap();
    std::fs::copy(case.join("aws-vpn.xml"), dir.path().join("aws-vpn.xml")).unwrap();
    std::fs::write(
        dir.path().join("rtxlint.toml"),
        "[[vpn.peer]]\nfile = \"aws-vpn.xml\"\n",
    )
    .unwrap();
    let folder = format!("file://{}", dir.path().display());
    let uri = format!("{folder}/router.txt");
    let (mut client, _) = Client::start_in(&folder, json!({}), json!({}));
    client.open(&uri, &text);
    let published = client.diagnostics(&uri);
    let against_aws: Vec<&Value> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "vpn-peer-mismatch")
        .collect();
    assert_eq!(against_aws.len(), 2, "{published}");
    for d in against_aws {
        assert!(d["message"].as_str().unwrap().contains("heartbeat"));
        assert_eq!(
            d["relatedInformation"][0]["location"]["uri"],
            format!("{folder}/aws-vpn.xml")
        );
    }
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn the_locale_of_initialize_chooses_japanese_and_the_settings_override_it() {
    let mut client = Client::spawn();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}, "locale": "ja-JP"}),
    );
    client.notify("initialized", json!({}));
    let uri = "file:///project/ja.txt";
    let text = "tunnel select 1\n ipsec tunnel 1\n";
    client.open(uri, text);
    let published = client.diagnostics(uri);
    insta::assert_json_snapshot!("ja-diagnostics", published);
    let hover = client.request("textDocument/hover", at(uri, 0, 2));
    insta::assert_snapshot!("ja-hover", hover["contents"]["value"].as_str().unwrap());
    // The `lang` setting goes over the locale.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"rtxlint": {"lang": "en"}}}),
    );
    let published = client.diagnostics(uri);
    let message = published["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("tunnel 1 is configured"), "{message}");
    assert_eq!(client.shutdown().code(), Some(0));
}

#[test]
fn settings_problems_are_reported_in_the_clients_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rtxlint.toml"), "severity = \"fatal\"\n").unwrap();
    let mut client = Client::spawn();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}, "locale": "ja-JP",
               "initializationOptions": {"ignore": ["securty"]}}),
    );
    let shown = |message: Value| message["params"]["message"].as_str().unwrap().to_string();
    let message = shown(client.wait_for(|m| m["method"] == "window/showMessage"));
    assert_eq!(
        message,
        "rtxlint: 設定: `securty` というルールまたは指定はありません。`security` のことではありませんか？（`rtxlint rule --list` を参照）"
    );
    client.notify("initialized", json!({}));
    // A broken project file, in the same language.
    let uri = format!("file://{}/r.txt", dir.path().display());
    client.open(&uri, "tunnel select 1\n ipsec tunnel 1\n");
    let message = shown(client.wait_for(|m| m["method"] == "window/showMessage"));
    assert!(
        message.ends_with(
            "rtxlint.toml: severity: `fatal` という重大度はありません（error、warning、info、hint のいずれか）"
        ),
        "{message}"
    );
    // The `lang` setting goes over the locale.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"rtxlint": {"lang": "en", "select": ["securty"]}}}),
    );
    let message = shown(client.wait_for(|m| m["method"] == "window/showMessage"));
    assert_eq!(
        message,
        "rtxlint: settings: unknown rule or selector `securty`: did you mean `security`? (see `rtxlint rule --list`)"
    );
    assert_eq!(client.shutdown().code(), Some(0));
}
