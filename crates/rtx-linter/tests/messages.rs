//! What a diagnostic says is output too: it never carries a secret, never grows with the
//! input, names what was typed, and says one thing once.

use rtx_linter::{Diagnostic, Settings, lint};

fn diagnostics(src: &str) -> Vec<Diagnostic> {
    lint(&rtx_syntax::parse(src.as_bytes()), &Settings::default())
}

fn assert_hidden(src: &str, secret: &str) {
    let found = diagnostics(src);
    assert!(!found.is_empty(), "{src:?} draws nothing");
    for d in &found {
        for text in d.texts() {
            assert!(
                !text.contains(secret),
                "{} on {src:?} shows the secret: {text}",
                d.name
            );
        }
    }
}

#[test]
fn secrets_that_fail_to_bind_are_not_quoted() {
    let password = "Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8Ii9Jj0KkLlMmNnOo";
    assert_hidden(
        &format!("tunnel select 1\n l2tp tunnel auth on {password}\n tunnel enable 1\n"),
        password,
    );
    assert_hidden("ipsec ike pre-shared-key 1 0xZZZZsecret\n", "ZZZZsecret");
    let community = "CommunityStringWayTooLongForTheRouter";
    assert_hidden(
        &format!("snmp community read-write {community}\n"),
        community,
    );
}

#[test]
fn specials_inside_a_secret_are_escaped_without_copying_it() {
    let found = diagnostics("ipsec ike pre-shared-key 1 text ab#cd\n");
    let d = found
        .iter()
        .find(|d| d.name == "unescaped-special-character")
        .expect("the `#` is reported");
    let fix = d.fix.as_ref().expect("an escape is offered");
    assert!(fix.edits.iter().all(|e| e.text == "\\"));
    assert_eq!(fix.applicability, rtx_linter::Applicability::Unsafe);
    assert_hidden("ipsec ike pre-shared-key 1 text ab#cd\n", "ab#cd");
}

#[test]
fn a_comment_after_a_secret_is_not_copied() {
    let src = "ipsec ike pre-shared-key 1 text s3cr3t #tail\n";
    for d in diagnostics(src) {
        if let Some(fix) = &d.fix {
            assert!(
                fix.edits.iter().all(|e| !e.text.contains("#tail")),
                "{} copies what follows a secret",
                d.name
            );
        }
    }
}

#[test]
fn messages_quote_a_few_dozen_characters_at_most() {
    let huge = "x".repeat(1 << 20);
    for src in [
        format!("{huge}\n"),
        format!("ip route {huge} gateway 192.0.2.1\n"),
        format!("ipsec ike keepalive use 1 {huge}\n"),
        format!("description 1 a#{huge}\n"),
        format!("embedded file x <<{huge}\nbody\n"),
    ] {
        let found = diagnostics(&src);
        assert!(!found.is_empty());
        for d in &found {
            for text in d.texts() {
                assert!(text.len() < 2_000, "{}: {} bytes", d.name, text.len());
            }
        }
    }
}

/// One unknown 1 MB word, six 200 KB words: each costs milliseconds (seconds before the
/// search was bounded). No timing assertion, so the test cannot flake; a regression shows as a
/// test that takes minutes.
#[test]
fn unknown_huge_words_are_cheap() {
    let unknown = |src: String| {
        diagnostics(&src)
            .iter()
            .filter(|d| d.name == "unknown-command")
            .count()
    };
    assert_eq!(unknown(format!("{}\n", "q".repeat(1 << 20))), 1);
    assert_eq!(
        unknown(format!("{}\n", vec!["w".repeat(200 << 10); 6].join(" "))),
        1
    );
}

#[test]
fn names_are_the_words_typed() {
    let found = diagnostics("pp select 1\n ip pp address 192.0.2.1/33\n");
    let d = found.iter().find(|d| d.name == "invalid-argument").unwrap();
    assert!(d.message.contains("`ip pp address`"), "{}", d.message);
    let found = diagnostics("dns static a host.example 192.0.2.300\n");
    let d = found.iter().find(|d| d.name == "invalid-argument").unwrap();
    assert!(d.message.contains("`dns static`"), "{}", d.message);
    let found = diagnostics("ip pp mtu 1454\n");
    let d = found.iter().find(|d| d.name == "wrong-context").unwrap();
    assert!(d.message.contains("`ip pp mtu`"), "{}", d.message);
}

#[test]
fn a_keyword_typo_names_the_keyword_and_its_alternatives() {
    let found = diagnostics("nat descriptor address innter 1 auto\n");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.contains(
            "unknown keyword `innter` after `nat descriptor address`, expected `inner` or `outer`"
        ),
        "{}",
        found[0].message
    );
    let found = diagnostics("ipsec ike keepalive use 1 onn dpd 10 3\n");
    assert!(found[0].message.contains("unknown keyword `onn`"));
    assert_eq!(found[0].fix.as_ref().unwrap().edits[0].text, "on");
    let found = diagnostics("ip rotue default gateway 192.0.2.1\n");
    assert_eq!(found[0].help.as_deref(), Some("did you mean `ip route`?"));
}

#[test]
fn one_finding_per_line_and_mistake() {
    let names =
        |src: &str| -> Vec<&'static str> { diagnostics(src).iter().map(|d| d.name).collect() };
    assert_eq!(names("foo#bar baz\n"), ["unknown-command"]);
    assert_eq!(names("show config foo bar\n"), ["operational-command"]);
    assert_eq!(
        names("ipsec ike keepalive use 1 on dpd 10#3 3\n"),
        ["invalid-argument"]
    );
    assert_eq!(
        names("# RTX830 Rev.15.02.30 (Mon Jan 15 10:00:00 2024)\nisdn terminator bri1 maybe\n"),
        ["unsupported-on-model"]
    );
}

#[test]
fn commands_of_older_models_are_known_and_unknown_only_to_current_models() {
    // A command of the NVR family: known, so nothing to say without a model.
    assert!(diagnostics("analog use 1 off\n").is_empty());
    assert!(
        diagnostics("# NVR510 Rev.15.01.22 (Mon Jan 15 10:00:00 2024)\nanalog use 1 off\n")
            .is_empty()
    );
    let found = diagnostics("# RTX830 Rev.15.02.30 (Mon Jan 15 10:00:00 2024)\nanalog use 1 off\n");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "unknown-command");
    assert_eq!(found[0].severity, rtx_linter::Severity::Error);
    assert!(
        found[0]
            .message
            .starts_with("`analog use` is a command of NVR500, NVR510, NVR700W (not of RTX830"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_replaced_setting_is_named_as_typed() {
    let src = "tunnel select 1\n ip tunnel tcp mss limit 1387\n tunnel enable 1\ntunnel select 1\n ip tunnel tcp mss limit 1300\n";
    let found = diagnostics(src);
    let d = found
        .iter()
        .find(|d| d.name == "tunnel-number-clash")
        .unwrap();
    assert!(
        d.message.contains("`ip tunnel tcp mss limit`"),
        "{}",
        d.message
    );
}

/// A line that binds to nothing still hides what follows a secret keyword, or the secret
/// slots of the command it is nearest to.
#[test]
fn unknown_lines_hide_their_secrets_by_evidence() {
    for line in [
        "login pasword Hunter2",
        "pp auth mynane me Hunter2",
        "RTX1200> login password Hunter2",
        "ipsecc ike pre-shared-key 1 text Hunter2",
        "snmp user 1 admin sha auth-password Hunter2 bogus",
    ] {
        assert_hidden(&format!("{line}\n"), "Hunter2");
    }
}
