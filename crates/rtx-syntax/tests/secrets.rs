//! Secrets never leave (DESIGN invariant 7): which bytes `secret_spans` covers, by binding and
//! by evidence, and what it leaves alone.

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use rtx_syntax::{Catalogue, Document, LineKind, SECRET_MASK, Span, parse};

/// The words of `src` that are (at least partly) masked, as text.
fn masked(src: &str) -> Vec<String> {
    let doc = parse(src.as_bytes());
    let spans = doc.secret_spans();
    check_shape(&doc, &spans);
    spans
        .iter()
        .map(|s| String::from_utf8_lossy(&doc.source()[s.range()]).into_owned())
        .collect()
}

/// Spans are sorted, do not overlap, and each lies inside one line; the document's spans are
/// its lines' spans.
fn check_shape(doc: &Document, spans: &[Span]) {
    let by_line: Vec<Span> = doc.lines().flat_map(|l| l.secret_spans()).collect();
    assert_eq!(by_line, spans);
    for pair in spans.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{spans:?} overlap or are unsorted"
        );
    }
    for span in spans {
        let line = doc.line(doc.line_at(span.start)).unwrap();
        let inside = line.span();
        assert!(
            inside.start <= span.start && span.end <= inside.end && span.start < span.end,
            "{span:?} is not inside line {:?}",
            line
        );
    }
}

/// Every `secret` appears inside a masked span, and no `clear` word is masked.
fn assert_masks(src: &str, secrets: &[&str], clear: &[&str]) {
    let masked = masked(src);
    for secret in secrets {
        assert!(
            masked.iter().any(|m| m.contains(secret)),
            "`{secret}` is not masked in {src:?}: masked {masked:?}"
        );
    }
    for word in clear {
        assert!(
            !masked.iter().any(|m| m.contains(word)),
            "`{word}` is masked in {src:?}: masked {masked:?}"
        );
    }
}

// 1. Catalogue markers.

#[test]
fn vrrp_text_authentication_is_secret() {
    assert_masks(
        "ip lan1 vrrp 1 192.0.2.1 priority=200 auth=vrrpPW1 advertise-interval=2\n",
        &["vrrpPW1"],
        &["auth=", "priority=200", "192.0.2.1", "advertise-interval"],
    );
    assert_masks(
        "ipv6 lan1 vrrp 1 2001:db8::1 auth=vrrp6PW\n",
        &["vrrp6PW"],
        &["auth=", "2001:db8::1"],
    );
}

#[test]
fn ospf_keys_are_secret() {
    assert_masks(
        "ip lan1 ospf area backbone type=broadcast authkey=ospfPW1 cost=10\n",
        &["ospfPW1"],
        &["authkey=", "type=broadcast", "cost=10", "backbone"],
    );
    assert_masks(
        "ip pp ospf area 0.0.0.1 md5key=1,md5PW2\n",
        &["1,md5PW2"],
        &["md5key=", "0.0.0.1"],
    );
    assert_masks(
        "ospf virtual-link 192.0.2.9 1 authkey=vlinkPW hello-interval=10\n",
        &["vlinkPW"],
        &["192.0.2.9", "hello-interval=10"],
    );
}

#[test]
fn router_key_and_operation_passwords_are_secret() {
    assert_masks(
        "ipsec ike license-key 1 routerKEY-10-abc\n",
        &["routerKEY-10-abc"],
        &["license-key"],
    );
    // A password where the encryption keyword could stand is a password, not a cipher.
    assert_masks(
        "copy config 0 usb1:config.txt copyPW123\n",
        &["copyPW123"],
        &["usb1:config.txt"],
    );
    assert_masks(
        "copy config 0 usb1:config.txt aes256 copyPW456\n",
        &["copyPW456"],
        &["aes256", "usb1:config.txt"],
    );
    assert_masks(
        "mount smb://192.0.2.5/share username=admin password=mountPW\n",
        &["mountPW"],
        &["username=admin", "password="],
    );
    assert_masks(
        "no pp auth username user1 userPW myname me myPW\n",
        &["userPW", "myPW"],
        &["user1", "myname"],
    );
}

// 2a. Evidence: the word after a keyword that introduces a secret somewhere.

#[test]
fn pasted_prompts_and_comments_are_scanned() {
    assert_masks("# login password promptPW1\n", &["promptPW1"], &["login"]);
    assert_masks(
        "RTX1200> login password promptPW2\n",
        &["promptPW2"],
        &["RTX1200>", "login"],
    );
    assert_masks(
        "[RTX830] pp1# pp auth myname isp-user promptPW3\n",
        &["promptPW3"],
        &["isp-user", "pp1#"],
    );
    assert_masks(
        "# ipsec ike pre-shared-key 1 text promptPW4\n",
        &["promptPW4"],
        &["text", "ipsec"],
    );
    // Prose: only words that name a secret count, with the punctuation prose puts after them.
    assert_masks(
        "# Password: prosePW1 (ask Tanaka)\n",
        &["prosePW1"],
        &["Tanaka"],
    );
    assert_masks(
        "# admin password = prosePW2\n",
        &["prosePW2"],
        &["admin", "="],
    );
    assert_masks("# password=prosePW3\n", &["prosePW3"], &["password="]);
    assert_masks(
        "# Internet Key Exchange: text and key parameters\n",
        &[],
        &["Exchange", "and", "parameters"],
    );
}

#[test]
fn unknown_commands_and_unknown_options_are_scanned() {
    assert_masks(
        "snmp user admin auth-password authPW1 priv-password privPW1 engine 1\n",
        &["authPW1", "privPW1"],
        &["admin", "engine"],
    );
    assert_masks("frobnicate password frobPW\n", &["frobPW"], &["frobnicate"]);
    assert_masks(
        "ipsecc ike pre-shared-key 1 text typoPSK\n",
        &["typoPSK"],
        &["ipsecc", "text"],
    );
    assert_masks(
        "radius secret rsSECRET1 extra\n",
        &["rsSECRET1"],
        &["radius"],
    );
    assert_masks(
        "l2tp tunnel auth on l2tpPW extra-word\n",
        &["l2tpPW"],
        &["tunnel"],
    );
}

// 2b. The head names an entry with secret slots: those words, whatever follows.

#[test]
fn secret_slots_of_a_head_that_does_not_bind() {
    assert_masks(
        "snmpv3 usm user 1 admin group 1 sha usmAUTH1 aes128-cfb usmPRIV1 bogus=1\n",
        &["usmAUTH1", "usmPRIV1"],
        &["admin", "bogus=1", "aes128-cfb"],
    );
    assert_masks(
        "pp auth myname isp-user ppPW1 192.0.2.1 typo\n",
        &["ppPW1"],
        &["isp-user", "myname", "192.0.2.1"],
    );
    // Bad hex, too long for its type: still the key.
    assert_masks(
        "ipsec ike pre-shared-key 1 0xZZZZsecret\n",
        &["0xZZZZsecret"],
        &["pre-shared-key"],
    );
    let long = "L".repeat(40);
    assert_masks(
        &format!("l2tp tunnel auth on {long}\n"),
        &[&long],
        &["auth on"],
    );
    let community = "C".repeat(30);
    assert_masks(
        &format!("snmp community read-write {community}\n"),
        &[&community],
        &["read-write"],
    );
}

// 2c. Wrapped halves, open quotes, secrets longer than any limit.

#[test]
fn a_secret_wrapped_onto_the_next_line_is_masked_on_both() {
    assert_masks(
        "ipsec ike pre-shared-key 1 text firstHALF\nsecondHALF\nip route default gateway pp 1\n",
        &["firstHALF", "secondHALF"],
        &["default", "gateway"],
    );
    assert_masks(
        "pp auth myname isp-user\nwrappedPW\n",
        &["wrappedPW"],
        &["isp-user"],
    );
    // Cut inside the keyword: `pass` + `word X`.
    assert_masks("login pass\nword gluedPW\n", &["gluedPW"], &["login"]);
    // A password typed at the prompt, twice.
    assert_masks(
        "login password encrypted\nprompted1\nprompted1\nip route default gateway pp 1\n",
        &["prompted1"],
        &["route"],
    );
    let doc = parse(b"login password encrypted\nprompted1\nprompted1\n");
    assert_eq!(doc.secret_spans().len(), 2);
    // Nor is a recognised command that does not bind.
    assert_masks(
        "ipsec ike pre-shared-key 1 text pskX1\nipsec ike remote address 1 (peer address)\n",
        &["pskX1"],
        &["ipsec ike remote", "(peer"],
    );
    // Nor is a prompt line.
    assert_masks(
        "# login password oldPW1\nRTX1210> administrator password adminPW2\n",
        &["oldPW1", "adminPW2"],
        &["RTX1210>"],
    );
    // A valid command after a secret line is not a continuation.
    assert_masks(
        "login password loginPW\nip route default gateway pp 1\n",
        &["loginPW"],
        &["route", "gateway"],
    );
}

#[test]
fn an_unterminated_quote_after_a_password_is_masked_to_the_end() {
    let src = "login password \"open quote runs on\n";
    let doc = parse(src.as_bytes());
    assert_eq!(doc.line(0).unwrap().kind(), LineKind::Unparsed);
    assert_masks(src, &["\"open quote runs on"], &["login"]);
    assert_masks(
        "pp auth myname me 'half open\n",
        &["'half open"],
        &["myname"],
    );
}

#[test]
fn secrets_longer_than_the_line_limit() {
    let long = "K".repeat(5000);
    assert_masks(&format!("login password {long}\n"), &[&long], &["login"]);
    assert_masks(
        &format!("ipsec ike pre-shared-key 1 text {long}\n"),
        &[&long],
        &["text"],
    );
}

// 3. `schedule at`: the command inside.

#[test]
fn the_command_a_schedule_carries_is_bound() {
    assert_masks(
        "schedule at 1 */* 03:00 pp 1 pp auth myname isp-user schedPW1\n",
        &["schedPW1"],
        &["isp-user", "03:00"],
    );
    assert_masks(
        "schedule at 2 +600 * ipsec ike pre-shared-key 1 text schedPSK\n",
        &["schedPSK"],
        &["text", "+600"],
    );
    // The inner command does not bind: evidence still finds the secret.
    assert_masks(
        "schedule at 3 startup * login password schedPW2 extra\n",
        &["schedPW2"],
        &["startup"],
    );
    let doc = parse(b"schedule at 1 +600 * snmp community read-only schedCOMM\n");
    let inner = doc.commands().next().unwrap().embedded().unwrap();
    let typed = inner.typed.unwrap().unwrap();
    assert_eq!(typed.entry.name, "snmp community read-only");
    assert!(typed.arg("name").unwrap().secret);
    // An ordinary schedule has nothing to mask.
    assert!(masked("schedule at 1 */mon-fri 8:00 pp 1 isdn auto connect on\n").is_empty());
}

// 4. A trailing `#...` after a secret belongs to it.

#[test]
fn a_trailing_hash_after_a_secret_is_part_of_it() {
    let src = "ipsec ike pre-shared-key 1 text abcPSK #not-a-comment\n";
    let doc = parse(src.as_bytes());
    let spans = doc.secret_spans();
    assert_eq!(&src[spans[0].range()], "abcPSK #not-a-comment");
    assert_masks("login password #hashPW\n", &["#hashPW"], &["login"]);
    assert_masks(
        "snmp community read-only commRO # rest\n",
        &["commRO # rest"],
        &["read-only"],
    );
    // After an ordinary value the comment stays a comment...
    assert!(masked("ip route default gateway pp 1 # to the ISP\n").is_empty());
    // ...read as prose, as a comment line is.
    assert_masks(
        "ip route default gateway pp 1 # PPPoE password ispPW9\n",
        &["ispPW9"],
        &["PPPoE", "gateway"],
    );
}

// 5. Heredoc bodies.

#[test]
fn heredoc_bodies_are_scanned() {
    let src = "embedded file 1 <<EOF\n\
               local password = \"luaPW1\"\n\
               PASSWORD = \"luaPW3\"\n\
               local cfg = { community = 'luaCOMM', name = \"router\" }\n\
               rt.command(\"pp auth myname isp-user luaPW2\")\n\
               print(\"hello\")\n\
               EOF\n\
               macro m1 <<EOM\n\
               login password macroPW\n\
               EOM\n";
    assert_masks(
        src,
        &["luaPW1", "luaCOMM", "luaPW2", "luaPW3", "macroPW"],
        &["router", "hello", "isp-user", "local", "="],
    );
}

// 6. The mask has one width.

#[test]
fn redacted_output_shows_one_fixed_mask() {
    let long = "S".repeat(100);
    let src = format!("login password {long}\nradius secret ab\n");
    let doc = parse(src.as_bytes());
    let redacted = String::from_utf8(doc.redacted()).unwrap();
    assert_eq!(
        redacted,
        format!("login password {SECRET_MASK}\nradius secret {SECRET_MASK}\n")
    );
    let cmd = doc.commands().nth(1).unwrap();
    assert_eq!(
        cmd.redacted_text(),
        format!("radius secret {SECRET_MASK}").as_bytes()
    );
}

// 7. No over-masking of ordinary lines.

/// On a line that binds, the masked spans are exactly its secret arguments (an option's
/// value without its key); lines that do not bind are reported for review.
fn over_masking(src: &[u8], name: &str, surprises: &mut Vec<String>) {
    let doc = parse(src);
    let spans = doc.secret_spans();
    check_shape(&doc, &spans);
    for line in doc.lines().filter(|l| l.command().is_none()) {
        let on_line: Vec<String> = spans
            .iter()
            .filter(|s| line.span().start <= s.start && s.end <= line.span().end)
            .map(|s| String::from_utf8_lossy(&src[s.range()]).into_owned())
            .collect();
        if !on_line.is_empty() {
            surprises.push(format!(
                "{name}: {:?} `{}` masks {on_line:?}",
                line.kind(),
                String::from_utf8_lossy(line.text())
            ));
        }
    }
    for cmd in doc.commands() {
        let line = cmd.line().span();
        let on_line: Vec<Span> = spans
            .iter()
            .copied()
            .filter(|s| line.start <= s.start && s.end <= line.end)
            .collect();
        let shown = || {
            on_line
                .iter()
                .map(|s| String::from_utf8_lossy(&src[s.range()]).into_owned())
                .collect::<Vec<_>>()
        };
        match cmd.typed() {
            Some(Ok(typed)) => {
                let inner = cmd.embedded().and_then(|e| e.typed).and_then(Result::ok);
                let expected: Vec<Span> = typed
                    .args
                    .iter()
                    .chain(inner.iter().flat_map(|t| t.args.iter()))
                    .filter(|a| a.secret)
                    .map(|a| a.span)
                    .collect();
                let comment = cmd.line().trailing_comment().map_or(u32::MAX, |c| c.start);
                if on_line.iter().any(|s| s.start >= comment) {
                    surprises.push(format!(
                        "{name}: comment of `{}` masks {:?}",
                        String::from_utf8_lossy(cmd.line().text()),
                        shown()
                    ));
                }
                for s in on_line.iter().filter(|s| s.start < comment) {
                    assert!(
                        expected
                            .iter()
                            .any(|e| e.start <= s.start && s.start < e.end),
                        "{name}: `{}` masks {:?}, which is no secret argument",
                        String::from_utf8_lossy(cmd.line().text()),
                        shown()
                    );
                }
            }
            _ if !on_line.is_empty() => surprises.push(format!(
                "{name}: `{}` masks {:?}",
                String::from_utf8_lossy(cmd.line().text()),
                shown()
            )),
            _ => {}
        }
    }
}

#[test]
fn catalogue_examples_mask_only_their_secret_slots() {
    let mut surprises = Vec::new();
    for entry in Catalogue::bundled().entries() {
        for example in &entry.examples {
            over_masking(
                format!("{example}\n").as_bytes(),
                &entry.name,
                &mut surprises,
            );
        }
    }
    assert!(surprises.is_empty(), "{}", surprises.join("\n"));
}

#[test]
fn corpus_configs_mask_only_secrets() {
    let mut surprises = Vec::new();
    for dir in ["../../corpus", "../../../shared/corpus"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        let configs = files
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "txt"));
        for file in configs {
            let src = fs::read(file).unwrap();
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            over_masking(&src, &name, &mut surprises);
        }
    }
    // Lines that do not bind are masked by evidence; print them for review.
    for s in &surprises {
        eprintln!("evidence: {s}");
    }
}

// The property: after a secret keyword, the next word is always covered.

/// Whether the `len` bytes at `at` lie inside one secret span.
fn covered(src: &str, at: usize, len: usize) -> bool {
    let doc = parse(src.as_bytes());
    let spans = doc.secret_spans();
    check_shape(&doc, &spans);
    let (at, end) = (at as u32, (at + len) as u32);
    spans.iter().any(|s| s.start <= at && end <= s.end)
}

proptest! {
    #[test]
    fn the_word_after_a_secret_keyword_is_covered(
        prefix in prop::collection::vec("[a-z]{1,6}[0-9]", 0..3),
        lead in prop::sample::select(vec!["", "# ", "RTX1200> ", "  "]),
        keyword in prop::sample::select(vec![
            "password", "secret", "community", "text", "myname isp-user",
            "auth on", "pre-shared-key 1 text", "auth-password", "priv-password",
            "authkey=", "login password", "pp auth myname me",
        ]),
        secret in "[A-Za-z0-9!$%&*+,./:;<=>?@^_{}~-]{0,12}[0-9]",
        quoted in any::<bool>(),
        tail in prop::collection::vec("[a-z0-9=]{1,5}", 0..3),
        comment in any::<bool>(),
    ) {
        // In a comment, prose words such as `text` or `auth` are no evidence: only keywords
        // that name a secret, or a whole command.
        let named = ["pass", "secret", "community", "pre-shared"];
        let command = prefix.is_empty() && (keyword.starts_with("login") || keyword.starts_with("pp auth"));
        let lead = if command || named.iter().any(|n| keyword.contains(n)) { lead } else { lead.trim_start_matches("# ") };
        let secret = if quoted { format!("\"{secret} x\"") } else { secret };
        let glue = if keyword.ends_with('=') { "" } else { " " };
        let space = if prefix.is_empty() { "" } else { " " };
        let mut line = format!("{lead}{}{space}{keyword}{glue}", prefix.join(" "));
        let at = line.len();
        line.push_str(&secret);
        for t in &tail {
            line.push(' ');
            line.push_str(t);
        }
        if comment {
            line.push_str(" #note");
        }
        line.push('\n');
        prop_assert!(covered(&line, at, secret.len()), "{line:?}");
    }
}

proptest! {
    /// Any input: no panic, and spans keep their shape (sorted, apart, each inside a line,
    /// the same from the document and from its lines).
    #[test]
    fn any_input_gives_well_formed_spans(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "password", "login", "pre-shared-key", "text", "1", "myname", "auth", "on",
            "authkey=", "schedule at 1 +1 *", "embedded file a <<EOF", "EOF", "#", "# ",
            "\"", "'", "\\", " ", "\t", "\n", "\r\n", "x", "RTX1200>", "pp", "ipsec ike",
            "snmp community read-only", "\u{3000}", "\u{e3}", "=", "\"a b\"", "secret = 'v'",
        ]), 0..40),
    ) {
        let src: String = pieces.concat();
        let doc = parse(src.as_bytes());
        let spans = doc.secret_spans();
        check_shape(&doc, &spans);
        let _ = doc.redacted();
        for cmd in doc.commands() {
            let _ = cmd.redacted_text();
        }
    }
}

/// An unknown command whose nearest catalogue command has secret slots (the command
/// `unknown-command` suggests) has those positions masked: a typo in a keyword does not
/// expose the secret.
#[test]
fn typo_in_a_keyword_masks_the_nearest_commands_secret_slots() {
    for (line, secret) in [
        ("pp auth mynane me s3cretPass\n", "s3cretPass"),
        ("login pasword hunter2x\n", "hunter2x"),
        ("ipsecc ike pre-shared-key 1 text Zk4vQ9pL\n", "Zk4vQ9pL"),
        ("no pp auth mynane me s3cretPass\n", "s3cretPass"),
    ] {
        let doc = rtx_syntax::parse(line.as_bytes());
        let masked = String::from_utf8_lossy(&doc.redacted()).into_owned();
        assert!(
            !masked.contains(secret),
            "{line:?} shows its secret: {masked:?}"
        );
    }
}
