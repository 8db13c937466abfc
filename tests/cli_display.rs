//! What text output shows: decoded Shift_JIS, one fixed-width secret mask, control characters
//! escaped, long lines cut around the finding; and JSON columns counted on the original text.

mod common;

use std::fs;

use common::{json, no_panic, run_in, shift_jis, text};

#[test]
fn half_width_katakana_in_shift_jis_show_as_katakana() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("r.txt"),
        shift_jis("ip lan1 address 192.0.2.1/24\nｱｲｳ ﾃｽﾄ 説明\n"),
    )
    .unwrap();
    let out = run_in(dir.path(), &["--isolated", "--color", "never", "r.txt"]);
    let shown = text(&out.stdout);
    // The code frame decodes the file as Shift_JIS throughout (messages are the rules' text).
    assert!(shown.contains("2 │ ｱｲｳ ﾃｽﾄ 説明\n"), "{shown}");
    assert!(
        !shown.lines().any(|l| l.contains(" │ ") && l.contains('ý')),
        "{shown}"
    );
}

/// A non-ASCII secret before a trailing comment: the comment's column is the same in a UTF-8
/// and a Shift_JIS file, and is the column of `#` in the original line.
#[test]
fn columns_are_counted_on_the_original_text() {
    let dir = tempfile::tempdir().unwrap();
    let line = "radius secret 日本語の秘密 # note\n";
    fs::write(dir.path().join("u.txt"), line).unwrap();
    fs::write(dir.path().join("s.txt"), shift_jis(line)).unwrap();
    let hash = line[..line.find('#').unwrap()].chars().count() + 1;
    for file in ["u.txt", "s.txt"] {
        let found = json(&run_in(
            dir.path(),
            &[
                "--isolated",
                "--format",
                "json",
                "--select",
                "unescaped-special-character",
                file,
            ],
        ));
        assert_eq!(found.len(), 1, "{file}: {found:?}");
        assert_eq!(found[0]["column"], hash, "{file}: {found:?}");
        assert_eq!(found[0]["end_column"], line.trim_end().chars().count() + 1);
    }
    // And the frame shows the mask, not the secret: the `#...` after a secret is part of the
    // value for the router, so it is masked with it and the caret points at the mask.
    let out = run_in(dir.path(), &["--isolated", "--color", "never", "s.txt"]);
    let shown = text(&out.stdout);
    assert!(!shown.contains("日本語の秘密"), "{shown}");
    assert!(!shown.contains("# note"), "{shown}");
    let frame_line = shown
        .lines()
        .find(|l| l.contains("radius secret"))
        .unwrap_or_else(|| panic!("{shown}"));
    let caret_line = shown
        .lines()
        .skip_while(|l| !l.contains("radius secret"))
        .nth(1)
        .unwrap();
    let col = |s: &str, pat: &str| s[..s.find(pat).unwrap()].chars().count();
    assert_eq!(
        col(frame_line, rtx_syntax::SECRET_MASK),
        col(caret_line, "─"),
        "{shown}"
    );
}

#[test]
fn every_secret_shows_as_the_same_fixed_mask() {
    let dir = tempfile::tempdir().unwrap();
    let long = "k".repeat(40);
    let config = format!(
        "tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n  ipsec ike keepalive use 1 on heartbeat 10 3\n  ipsec ike pre-shared-key 1 text {long}\n  ipsec ike remote address 1 198.51.100.2\n"
    );
    fs::write(dir.path().join("r.txt"), config).unwrap();
    let out = run_in(dir.path(), &["--isolated", "--color", "never", "r.txt"]);
    let shown = text(&out.stdout);
    assert!(!shown.contains(&long), "{shown}");
    let masked = format!("text {}\n", rtx_syntax::SECRET_MASK);
    assert!(shown.contains(&masked), "{shown}");
    assert!(
        !shown.contains(&"*".repeat(40)),
        "the mask tells the length:\n{shown}"
    );
}

#[test]
fn control_characters_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("r.txt"),
        b"description 1 \x1b]0;owned\x07\x1b[2J\nunknown\x1b[31m command\n",
    )
    .unwrap();
    for format in ["text", "json"] {
        let out = run_in(
            dir.path(),
            &[
                "--isolated",
                "--color",
                "never",
                "--format",
                format,
                "r.txt",
            ],
        );
        assert!(
            !out.stdout.iter().any(|&b| b == 0x1b || b == 0x07),
            "{format}: {}",
            text(&out.stdout)
        );
        if format == "text" {
            assert!(
                text(&out.stdout).contains("unknown\\x1b[31m"),
                "{}",
                text(&out.stdout)
            );
        }
    }
}

/// A file name or a typed word can carry escape sequences too: stderr shows them escaped.
#[test]
fn control_characters_in_names_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--isolated", "missing\x1b[2J.txt"][..],
        &["doc", "ip\x1b]0;owned\x07"],
    ] {
        let out = run_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            !out.stderr.contains(&0x1b) && text(&out.stderr).contains("\\x1b"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

/// A 64 KiB line of full-width text with findings near its end: miette panicked laying out
/// the columns (exit 101).
#[test]
fn a_very_wide_line_renders_as_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("description 1 \"{}\" x#\n", "全".repeat(32 * 1024));
    fs::write(dir.path().join("wide-utf8.txt"), &line).unwrap();
    fs::write(dir.path().join("wide-sjis.txt"), shift_jis(&line)).unwrap();
    for file in ["wide-utf8.txt", "wide-sjis.txt"] {
        let out = run_in(dir.path(), &["--isolated", "--color", "never", file]);
        no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        let shown = text(&out.stdout);
        // The frame shows a window, with `…` where the line was cut.
        let frame_lines: Vec<&str> = shown.lines().filter(|l| l.starts_with(" 1 │ ")).collect();
        assert!(!frame_lines.is_empty(), "{shown}");
        for l in frame_lines {
            assert!(
                l.chars().count() < 300,
                "{file}: a frame line of {} characters",
                l.chars().count()
            );
        }
        assert!(shown.contains(" 1 │ …"), "{shown}");
    }
}
