//! `# rtxlint:` directives through the real binary: every form silences what it covers and
//! nothing else, a directive that silences nothing is reported (and removed by `--fix`),
//! `--show-suppressed` shows what was silenced and why, and `--add-suppressions` silences a
//! whole fleet in one run without touching anything but comment lines.

mod common;

use std::fs;
use std::path::Path;

use common::{json, run_in, shift_jis, text};

/// A tunnel whose keepalive is heartbeat (`heartbeat-keepalive`, line 4) with a short key
/// (`weak-crypto`, line 5) and the router's default IKE proposal (`weak-crypto`, line 6),
/// and two operations (`operational-command`, lines 9 and 10).
const SITE: &str = "tunnel select 4
 ipsec tunnel 104
  ipsec sa policy 104 4 esp aes-cbc sha-hmac
  ipsec ike keepalive use 4 on heartbeat 10 3
  ipsec ike pre-shared-key 4 text psk-4
  ipsec ike remote address 4 198.51.100.4
 tunnel enable 4
ipsec auto refresh on
save
show status boot
";

/// `SITE` with `lines` inserted before each 1-based line of it.
fn with(inserts: &[(usize, &str)]) -> String {
    let mut out = String::new();
    for (i, line) in SITE.lines().enumerate() {
        for (at, text) in inserts {
            if *at == i + 1 {
                out.push_str(text);
                out.push('\n');
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    for (at, text) in inserts {
        if *at > SITE.lines().count() {
            out.push_str(text);
            out.push('\n');
        }
    }
    out
}

/// The findings of linting `src` alone: (1-based line, rule name), in output order.
fn findings(src: &str, args: &[&str]) -> Vec<(u64, String)> {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), src).unwrap();
    let mut all = vec!["--isolated", "--format", "json"];
    all.extend(args);
    all.push("r.txt");
    let out = run_in(dir.path(), &all);
    json(&out)
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["name"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn names(found: &[(u64, String)]) -> Vec<&str> {
    found.iter().map(|(_, n)| n.as_str()).collect()
}

#[test]
fn the_site_has_the_findings_the_directives_are_written_for() {
    let found = findings(SITE, &[]);
    assert_eq!(
        found,
        [
            (4, "heartbeat-keepalive".to_string()),
            (5, "weak-crypto".to_string()),
            (6, "weak-crypto".to_string()),
            (9, "operational-command".to_string()),
            (10, "operational-command".to_string()),
        ]
    );
}

#[test]
fn disable_next_line_silences_the_next_command_line_by_name_or_code() {
    // Indented like its block, with a blank line and a comment between it and the command.
    let src = with(&[(
        4,
        "  # rtxlint: disable-next-line=heartbeat-keepalive the peer is an RTX1210\n\n  # keepalive",
    )]);
    let found = findings(&src, &[]);
    assert!(!names(&found).contains(&"heartbeat-keepalive"), "{found:?}");
    assert_eq!(found.len(), 4, "{found:?}");
    // Names and codes in any case, written loosely; the line after the next one is not
    // covered.
    let src = with(&[(5, "#rtxlint :disable-next-line = rtx118 , Weak-Crypto")]);
    let found = findings(&src, &[]);
    assert_eq!(
        found,
        [
            (4, "heartbeat-keepalive".to_string()),
            (7, "weak-crypto".to_string()),
            (10, "operational-command".to_string()),
            (11, "operational-command".to_string()),
        ]
    );
    // Stacked directives both apply to the command after them.
    let src = with(&[
        (9, "# rtxlint: disable-next-line=RTX118"),
        (9, "# rtxlint: disable-next-line=operational-command"),
    ]);
    let found = findings(&src, &[]);
    assert!(
        found.iter().all(|(line, _)| *line != 11),
        "line 11 (save) is silenced: {found:?}"
    );
    let unused: Vec<_> = found
        .iter()
        .filter(|(_, n)| n == "unused-suppression")
        .collect();
    assert_eq!(unused, [&(9, "unused-suppression".to_string())]);
}

#[test]
fn a_wrapped_line_is_one_line_for_disable_next_line() {
    let wrapped = "ip lan2 secure filter out 200003 200020 200021 200022 200023 200024 200025 20003\n0 201026 201027\n";
    let found = findings(wrapped, &[]);
    assert!(
        found.contains(&(2, "wrapped-line".to_string())),
        "{found:?}"
    );
    let src = format!("# rtxlint: disable-next-line=wrapped-line,undefined-reference\n{wrapped}");
    assert_eq!(findings(&src, &[]), []);
}

#[test]
fn disable_runs_to_its_enable_or_the_end_and_disable_file_covers_everything() {
    let src = with(&[
        (5, "  # rtxlint: disable=weak-crypto,operational-command"),
        (7, "  # rtxlint: enable=weak-crypto"),
    ]);
    let found = findings(&src, &[]);
    assert_eq!(found, [(4, "heartbeat-keepalive".to_string())]);
    // `enable=all` ends every open range.
    let src = with(&[
        (4, "# rtxlint: disable=RTX102"),
        (5, "# rtxlint: enable=all"),
    ]);
    let found = findings(&src, &[]);
    assert_eq!(names(&found).len(), 4, "{found:?}");
    assert!(!names(&found).contains(&"heartbeat-keepalive"));
    // Anywhere in the file, even after what it silences; `all` names every rule.
    let src = with(&[(99, "# rtxlint: disable-file=weak-crypto")]);
    assert!(!names(&findings(&src, &[])).contains(&"weak-crypto"));
    let src = with(&[(99, "# rtxlint: disable-file=all accepted as it is")]);
    assert_eq!(findings(&src, &[]), []);
}

#[test]
fn a_directive_that_silences_nothing_is_reported_and_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.txt");
    let src = with(&[
        (1, "# rtxlint: disable-file=no-such-rule"),
        (
            4,
            "  # rtxlint: disable-next-line=weak-crypto,heartbeat-keepalive,RTX999 peer is ours",
        ),
        (7, " # rtxlint: disable-next-line=operational-command"),
        (9, "# rtxlint: disable=weak-crypto"),
    ]);
    fs::write(&file, &src).unwrap();
    let out = run_in(dir.path(), &["--isolated", "--format", "json", "r.txt"]);
    let found: Vec<(u64, String, String)> = json(&out)
        .iter()
        .filter(|d| d["name"] == "unused-suppression")
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
                d["fix"]["applicability"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(
        found[0].1.contains("`no-such-rule` is no rule"),
        "{found:?}"
    );
    assert!(
        found[1].1.contains("`weak-crypto`") && found[1].1.contains("`RTX999`"),
        "{found:?}"
    );
    assert!(found.iter().all(|f| f.2 == "safe"));
    let out = run_in(dir.path(), &["--isolated", "--fix", "r.txt"]);
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        with(&[(
            4,
            "  # rtxlint: disable-next-line=heartbeat-keepalive peer is ours"
        )]),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn only_directives_for_rules_that_ran_can_be_unused() {
    let src = with(&[
        (
            1,
            "# rtxlint: disable-file=vpn-peer-mismatch the other end is in sites/",
        ),
        (1, "# rtxlint: disable-file=all"),
        (9, "# rtxlint: disable-next-line=heartbeat-keepalive"),
    ]);
    // Not selected: not judged. `vpn-peer-mismatch` never runs on one file; `all` is judged
    // only when every rule ran.
    assert_eq!(findings(&src, &["--select", "operational-command"]), []);
    assert_eq!(findings(&src, &["--ignore", "heartbeat-keepalive"]), []);
    let found = findings(&src, &[]);
    assert_eq!(found, [(11, "unused-suppression".to_string())]);
    // `unused-suppression` itself can be silenced.
    let src = format!("{src}# rtxlint: disable-file=unused-suppression\n");
    assert_eq!(findings(&src, &[]), []);
}

#[test]
fn show_suppressed_prints_what_was_silenced_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let src = with(&[(
        4,
        "  # rtxlint: disable-next-line=heartbeat-keepalive the peer is an RTX1210 of ours",
    )]);
    fs::write(dir.path().join("r.txt"), &src).unwrap();
    let args = [
        "--isolated",
        "--select",
        "heartbeat-keepalive",
        "--color",
        "never",
    ];
    let quiet = run_in(dir.path(), &[&args[..], &["r.txt"]].concat());
    assert_eq!(quiet.status.code(), Some(0), "{}", text(&quiet.stdout));
    assert!(!text(&quiet.stdout).contains("heartbeat"));
    let shown = run_in(
        dir.path(),
        &[&args[..], &["--show-suppressed", "r.txt"]].concat(),
    );
    // Shown, but it does not fail the run.
    assert_eq!(shown.status.code(), Some(0));
    let stdout = text(&shown.stdout);
    assert!(
        stdout.contains("suppressed by the directive on line 4: the peer is an RTX1210 of ours"),
        "{stdout}"
    );
    let out = run_in(
        dir.path(),
        &[
            &args[..],
            &["--show-suppressed", "--format", "json", "r.txt"],
        ]
        .concat(),
    );
    let found = json(&out);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0]["suppressed"]["reason"],
        "the peer is an RTX1210 of ours"
    );
    let plain = run_in(dir.path(), &["--isolated", "--format", "json", "r.txt"]);
    assert!(json(&plain).iter().all(|d| d.get("suppressed").is_none()));
    // `--fix` leaves a silenced finding alone, even when shown.
    let out = run_in(
        dir.path(),
        &[
            &args[..],
            &["--show-suppressed", "--fix", "--unsafe-fixes", "r.txt"],
        ]
        .concat(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(fs::read_to_string(dir.path().join("r.txt")).unwrap(), src);
}

#[test]
fn a_reason_never_shows_a_secret_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let key = "canary-key-2b7f0e";
    let src = format!(
        "tunnel select 4\n ipsec tunnel 104\n  ipsec sa policy 104 4 esp aes-cbc sha-hmac\n  \
         # rtxlint: disable-next-line=heartbeat-keepalive the key {key} is only ours\n  \
         ipsec ike keepalive use 4 on heartbeat 10 3\n  ipsec ike pre-shared-key 4 text {key}\n"
    );
    fs::write(dir.path().join("r.txt"), src).unwrap();
    let args = ["--isolated", "--show-suppressed", "--color", "never"];
    // JSON shows no source lines: the key is nowhere.
    let out = run_in(
        dir.path(),
        &[&args[..], &["--format", "json", "r.txt"]].concat(),
    );
    let found = json(&out);
    let shown = found
        .iter()
        .find(|d| d["name"] == "heartbeat-keepalive")
        .unwrap();
    assert_eq!(
        shown["suppressed"]["reason"],
        "the key ******** is only ours"
    );
    assert!(!text(&out.stdout).contains(key));
    // Text shows the reason masked. (The code frame shows the comment line above the
    // finding as the file has it, as it shows any comment near a finding.)
    let out = run_in(dir.path(), &[&args[..], &["r.txt"]].concat());
    let stdout = text(&out.stdout);
    let note = stdout
        .lines()
        .find(|l| l.contains("suppressed by the directive"))
        .unwrap();
    assert!(
        note.ends_with("line 4: the key ******** is only ours"),
        "{stdout}"
    );
}

#[test]
fn a_shift_jis_reason_reads_as_it_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let src =
        shift_jis("# rtxlint: disable-next-line=operational-command 手順書どおり保存する\nsave\n");
    fs::write(dir.path().join("r.txt"), src).unwrap();
    let args = ["--isolated", "--show-suppressed", "--color", "never"];
    let out = run_in(
        dir.path(),
        &[&args[..], &["--format", "json", "r.txt"]].concat(),
    );
    assert_eq!(
        json(&out)[0]["suppressed"]["reason"],
        "手順書どおり保存する"
    );
    let out = run_in(dir.path(), &[&args[..], &["r.txt"]].concat());
    assert!(
        text(&out.stdout).contains("line 1: 手順書どおり保存する"),
        "{}",
        text(&out.stdout)
    );
}

/// A file `--add-suppressions` must keep as it is, apart from the new comment lines.
fn add_twice(dir: &Path, name: &str) -> (Vec<u8>, String) {
    let out = run_in(dir, &["--isolated", "--add-suppressions", name]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let stderr = text(&out.stderr);
    let first = fs::read(dir.join(name)).unwrap();
    // Linted again, it is clean; added again, nothing changes.
    let again = run_in(dir, &["--isolated", name]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stdout));
    let out = run_in(dir, &["--isolated", "--add-suppressions", name]);
    assert_eq!(text(&out.stderr), "");
    assert_eq!(fs::read(dir.join(name)).unwrap(), first);
    (first, stderr)
}

#[test]
fn add_suppressions_writes_a_directive_above_each_line_with_findings() {
    let dir = tempfile::tempdir().unwrap();
    let wrapped = "ip lan2 secure filter out 200003 200020 200021 200022 200023 200024 200025 20003\n0 201026 201027\n";
    fs::write(dir.path().join("r.txt"), format!("{SITE}{wrapped}")).unwrap();
    let (written, stderr) = add_twice(dir.path(), "r.txt");
    assert_eq!(stderr, "r.txt: added 6 suppressions\n");
    let expected = format!(
        "tunnel select 4
 ipsec tunnel 104
  ipsec sa policy 104 4 esp aes-cbc sha-hmac
  # rtxlint: disable-next-line=heartbeat-keepalive
  ipsec ike keepalive use 4 on heartbeat 10 3
  # rtxlint: disable-next-line=weak-crypto
  ipsec ike pre-shared-key 4 text psk-4
  # rtxlint: disable-next-line=weak-crypto
  ipsec ike remote address 4 198.51.100.4
 tunnel enable 4
ipsec auto refresh on
# rtxlint: disable-next-line=operational-command
save
# rtxlint: disable-next-line=operational-command
show status boot
# rtxlint: disable-next-line=undefined-reference,wrapped-line
{wrapped}"
    );
    assert_eq!(text(&written), expected);
}

#[test]
fn add_suppressions_keeps_line_ends_encoding_and_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = SITE.replace('\n', "\r\n");
    fs::write(dir.path().join("crlf.txt"), &crlf).unwrap();
    let (written, _) = add_twice(dir.path(), "crlf.txt");
    let written = text(&written);
    assert_eq!(
        written.matches("\r\n").count(),
        written.matches('\n').count()
    );
    assert_eq!(written.matches("# rtxlint:").count(), 5);

    // A Shift_JIS file whose header names a model the catalogue does not check: that
    // finding is on a comment line, so it is silenced by a range around the line.
    let sjis =
        shift_jis("# RTX1100 Rev.8.03.92 (Thu Feb 16 20:50:25 2012)\n# 本社 ルーター\nsave\n");
    fs::write(dir.path().join("sjis.txt"), &sjis).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(
            dir.path().join("sjis.txt"),
            fs::Permissions::from_mode(0o640),
        )
        .unwrap();
    }
    let (written, _) = add_twice(dir.path(), "sjis.txt");
    let (decoded, _, malformed) = encoding_rs::SHIFT_JIS.decode(&written);
    assert!(!malformed);
    assert_eq!(
        decoded,
        "# rtxlint: disable=unsupported-on-model\n\
         # RTX1100 Rev.8.03.92 (Thu Feb 16 20:50:25 2012)\n\
         # rtxlint: enable=unsupported-on-model\n\
         # 本社 ルーター\n\
         # rtxlint: disable-next-line=operational-command\n\
         save\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir.path().join("sjis.txt"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}

#[test]
fn add_suppressions_never_writes_a_file_that_is_no_config() {
    let dir = tempfile::tempdir().unwrap();
    let notes = "Call the ISP on Monday\nCheck the VPN with Tanaka\nsave\n";
    fs::write(dir.path().join("notes.txt"), notes).unwrap();
    let out = run_in(
        dir.path(),
        &["--isolated", "--add-suppressions", "notes.txt"],
    );
    assert!(
        text(&out.stderr).contains("no suppressions added"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        notes
    );
    let out = run_in(dir.path(), &["--isolated", "--add-suppressions", "-"]);
    assert_eq!(out.status.code(), Some(2));
}

/// One end of a site-to-site VPN; the two ends below disagree on their pre-shared keys.
fn vpn_end(public: &str, remote: &str, key: &str) -> String {
    format!(
        "ip lan2 address {public}/29\ntunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp \
         aes-cbc sha-hmac\n  ipsec ike pre-shared-key 1 text {key}\n  ipsec ike remote address 1 \
         {remote}\n tunnel enable 1\n"
    )
}

#[test]
fn findings_across_configs_are_silenced_when_the_folder_is_linted_together() {
    let dir = tempfile::tempdir().unwrap();
    let tokyo = vpn_end("203.0.113.1", "198.51.100.1", "made-up-key-tokyo-1");
    let osaka = vpn_end("198.51.100.1", "203.0.113.1", "made-up-key-osaka-2");
    fs::write(dir.path().join("tokyo.txt"), &tokyo).unwrap();
    fs::write(dir.path().join("osaka.txt"), &osaka).unwrap();
    let out = run_in(dir.path(), &["--isolated", "--format", "json", "."]);
    assert!(
        json(&out).iter().any(|d| d["name"] == "vpn-peer-mismatch"),
        "{}",
        text(&out.stdout)
    );
    let out = run_in(dir.path(), &["--isolated", "--add-suppressions", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let written = fs::read_to_string(dir.path().join("tokyo.txt")).unwrap();
    assert!(written.contains("vpn-peer-mismatch"), "{written}");
    let out = run_in(dir.path(), &["--isolated", "--format", "json", "."]);
    assert_eq!(json(&out), Vec::<serde_json::Value>::new());
    // Alone, a config cannot be compared with its peer: its directive for the rule that
    // compares them is not judged, so it is not unused.
    let out = run_in(dir.path(), &["--isolated", "--format", "json", "tokyo.txt"]);
    assert_eq!(json(&out), Vec::<serde_json::Value>::new());
}

/// The shared corpus, copied: after `--add-suppressions` over the whole folder (the rules
/// that compare configs see them all), linting the folder again finds nothing at all, and so
/// no directive is unused. (A file that is not an RTX config by its content, such as a
/// Command Reference excerpt, is skipped by the walk both times.)
#[test]
fn the_shared_corpus_is_silenced_in_one_run() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("skipped: no shared corpus at {}", corpus.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(&corpus).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let out = run_in(dir.path(), &["--isolated", "--add-suppressions", "."]);
    common::no_panic(&out);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("suppressions"), "{stderr}");
    assert!(
        !stderr.contains("no suppressions added"),
        "a corpus config was not written: {stderr}"
    );
    let out = run_in(dir.path(), &["--isolated", "--format", "json", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert_eq!(json(&out), Vec::<serde_json::Value>::new());
}

/// A key written again in a comment (a directive's reason, here) is masked in the code frame
/// that shows that comment, as it is on its own line.
#[test]
fn a_key_repeated_in_a_comment_is_masked_in_frames() {
    let dir = tempfile::tempdir().unwrap();
    let config = "tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n  # rtxlint: disable-next-line=weak-crypto shortkey9 is what the peer has\n  ipsec ike pre-shared-key 1 text shortkey9\n  ipsec ike remote address 1 203.0.113.1\n";
    fs::write(dir.path().join("r.txt"), config).unwrap();
    for flags in [
        &["--show-suppressed"][..],
        &["--select", "unused-suppression,weak-crypto"][..],
    ] {
        let mut args = vec!["--isolated", "--color", "never"];
        args.extend(flags);
        args.push("r.txt");
        let out = run_in(dir.path(), &args);
        let shown = text(&out.stdout);
        assert!(!shown.contains("shortkey9"), "{shown}");
    }
}
