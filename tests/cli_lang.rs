//! The language of the CLI's output: how it is chosen (`--lang`, `lang =` in rtxlint.toml,
//! the locale), what changes with it (words) and what does not (keys, codes, places), and
//! frames that stay aligned when lines and messages hold full-width characters.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{bin, no_panic, text};

/// `rtxlint ARGS` in `dir` with the locale variables given (all others unset).
fn run_with_locale(dir: &Path, locale: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = bin();
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in locale {
        command.env(name, value);
    }
    let out = command
        .args(args)
        .current_dir(dir)
        .output()
        .expect("rtxlint runs");
    no_panic(&out);
    out
}

const UNENABLED: &str = "tunnel select 1\n ipsec tunnel 1\n";

fn is_japanese(out: &Output) -> bool {
    text(&out.stdout).contains("トンネル 1")
}

#[test]
fn the_flag_then_the_settings_file_then_the_locale_choose_the_language() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), UNENABLED).unwrap();
    let args = [
        "--color",
        "never",
        "--select",
        "missing-tunnel-enable",
        "r.txt",
    ];
    let ja = [("LANG", "ja_JP.UTF-8")];
    assert!(!is_japanese(&run_with_locale(dir.path(), &[], &args)));
    assert!(is_japanese(&run_with_locale(dir.path(), &ja, &args)));
    // An empty variable counts as unset; LC_ALL goes before LANG.
    assert!(is_japanese(&run_with_locale(
        dir.path(),
        &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "ja_JP.UTF-8")],
        &args
    )));
    assert!(!is_japanese(&run_with_locale(
        dir.path(),
        &[("LC_ALL", "C.UTF-8"), ("LANG", "ja_JP.UTF-8")],
        &args
    )));
    // The settings file goes over the locale, the flag over both.
    fs::write(dir.path().join("rtxlint.toml"), "lang = \"en\"\n").unwrap();
    assert!(!is_japanese(&run_with_locale(dir.path(), &ja, &args)));
    let mut flagged = vec!["--lang", "ja"];
    flagged.extend(args);
    assert!(is_japanese(&run_with_locale(dir.path(), &[], &flagged)));
    fs::write(dir.path().join("rtxlint.toml"), "lang = \"ja\"\n").unwrap();
    assert!(is_japanese(&run_with_locale(dir.path(), &[], &args)));
    // A language rtxlint does not speak is an error in the file and on the command line.
    fs::write(dir.path().join("rtxlint.toml"), "lang = \"fr\"\n").unwrap();
    let out = run_with_locale(dir.path(), &[], &args);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("lang"), "{}", text(&out.stderr));
    let out = run_with_locale(dir.path(), &[], &["--lang", "fr", "r.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_and_errors_speak_the_language_too() {
    let dir = tempfile::tempdir().unwrap();
    let help = run_with_locale(dir.path(), &[("LANG", "ja_JP.UTF-8")], &["--help"]);
    assert!(
        text(&help.stdout).contains("終了ステータス"),
        "{}",
        text(&help.stdout)
    );
    let help = run_with_locale(dir.path(), &[], &["--help"]);
    assert!(text(&help.stdout).contains("Exit status"));
    let missing = run_with_locale(dir.path(), &[], &["--lang", "ja", "missing.txt"]);
    assert!(
        text(&missing.stderr).contains("そのようなファイル"),
        "{}",
        text(&missing.stderr)
    );
}

/// The display column where `needle` starts on a frame's source line, and where the
/// underline below it starts: equal when wide characters are counted as two columns.
fn underline_alignment(shown: &str, needle: &str) -> (usize, usize) {
    use unicode_width::UnicodeWidthStr;
    let lines: Vec<&str> = shown.lines().collect();
    let source = lines
        .iter()
        .position(|l| l.contains(" │ ") && l.contains(needle))
        .unwrap_or_else(|| panic!("no frame line with {needle:?}: {shown}"));
    let line = lines[source];
    let at = line.find(needle).unwrap();
    let underline = lines[source + 1];
    let start = underline
        .char_indices()
        .find(|(_, c)| *c == '─')
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("no underline below {line:?}: {shown}"));
    (line[..at].width(), underline[..start].width())
}

#[test]
fn frames_stay_aligned_after_full_width_text_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("wide.txt"),
        "description lan1 東京本社の回線 extra-word\nip lan1 address 192.0.2.1/24\n",
    )
    .unwrap();
    for lang in ["en", "ja"] {
        let out = run_with_locale(
            dir.path(),
            &[],
            &["--lang", lang, "--color", "never", "wide.txt"],
        );
        let shown = text(&out.stdout);
        let (word, underline) = underline_alignment(&shown, "extra-word");
        assert_eq!(word, underline, "{lang}:\n{shown}");
        insta::assert_snapshot!(format!("wide-{lang}"), shown);
    }
}

#[test]
fn doc_pages_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_with_locale(
        dir.path(),
        &[],
        &["doc", "ipsec", "ike", "keepalive", "use", "--lang", "ja"],
    );
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("doc-ipsec-ike-keepalive-use-ja", text(&out.stdout));
}

#[test]
fn unknown_selectors_and_broken_settings_are_reported_in_the_runs_language() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("x.txt"), UNENABLED).unwrap();
    let out = run_with_locale(
        dir.path(),
        &[],
        &["--lang", "ja", "--select", "no-such-rule", "x.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim_end(),
        "rtxlint: `no-such-rule` というルールまたは指定はありません（`rtxlint rule --list` を参照）"
    );
    // A near miss names the nearest rule; the locale chooses Japanese too.
    let out = run_with_locale(
        dir.path(),
        &[("LANG", "ja_JP.UTF-8")],
        &["--select", "weak-crypt", "x.txt"],
    );
    assert_eq!(
        text(&out.stderr).trim_end(),
        "rtxlint: `weak-crypt` というルールまたは指定はありません。`weak-crypto` のことではありませんか？（`rtxlint rule --list` を参照）"
    );
    let out = run_with_locale(dir.path(), &[], &["--select", "weak-crypt", "x.txt"]);
    assert_eq!(
        text(&out.stderr).trim_end(),
        "rtxlint: unknown rule or selector `weak-crypt`: did you mean `weak-crypto`? (see `rtxlint rule --list`)"
    );
    // A broken rtxlint.toml: its path and key as written, the problem in the run's language
    // (known before the file is read: the flag or the locale).
    fs::write(dir.path().join("rtxlint.toml"), "severity = \"fatal\"\n").unwrap();
    let out = run_with_locale(dir.path(), &[], &["--lang", "ja", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let shown = text(&out.stderr);
    assert!(
        shown.contains(
            "rtxlint.toml: severity: `fatal` という重大度はありません（error、warning、info、hint のいずれか）"
        ),
        "{shown}"
    );
    let out = run_with_locale(dir.path(), &[], &["x.txt"]);
    let shown = text(&out.stderr);
    assert!(
        shown.contains(
            "rtxlint.toml: severity: unknown severity `fatal` (error, warning, info or hint)"
        ),
        "{shown}"
    );
}

#[test]
fn rule_docs_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_with_locale(dir.path(), &[], &["rule", "weak-crypto", "--lang", "ja"]);
    assert_eq!(out.status.code(), Some(0));
    let shown = text(&out.stdout);
    assert!(
        shown.starts_with("# weak-crypto (RTX118)\n\n重大度: "),
        "{shown}"
    );
    for heading in [
        "## 検出内容",
        "## なぜ問題か",
        "## 例",
        "## 推奨される書き方",
    ] {
        assert!(shown.contains(heading), "{heading}: {shown}");
    }
    let list = run_with_locale(dir.path(), &[], &["rule", "--list", "--lang", "ja"]);
    assert!(
        text(&list.stdout).contains("IPsec ゲートウェイが弱い暗号"),
        "{}",
        text(&list.stdout)
    );
}
