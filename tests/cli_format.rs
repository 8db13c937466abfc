//! `rtxlint format` and the fix review flags (`--diff`, `--show-fixes`, `--fix -`), through
//! the real binary: what is written, what is only shown, exit statuses, and that neither a
//! diff nor a formatted file leaks or damages anything.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use common::{run_in, run_with_stdin, shift_jis, text};

/// Not canonical: upper-case keyword, two spaces, a tab for the block, and a key.
const MESSY: &str = "TUNNEL  select 1\r\n\tipsec ike pre-shared-key 1 text made-up-key-9\r\n# keep this comment\r\n\r\n ipsec tunnel 101 # and this one\r\n";
const TIDY: &str = "tunnel select 1\r\n  ipsec ike pre-shared-key 1 text made-up-key-9\r\n# keep this comment\r\n\r\n ipsec tunnel 101 # and this one\r\n";

#[test]
fn format_rewrites_command_lines_and_keeps_everything_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    fs::write(&path, MESSY).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let out = run_in(dir.path(), &["format", "r.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(fs::read_to_string(&path).unwrap(), TIDY);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert!(text(&out.stderr).contains("1 file reformatted"));
    // Idempotent: a second run changes nothing and --check passes.
    let again = run_in(dir.path(), &["format", "--check", "r.txt"]);
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stdout));
    assert_eq!(fs::read_to_string(&path).unwrap(), TIDY);
}

#[test]
fn format_check_and_diff_write_nothing_and_exit_1_on_a_change() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), MESSY).unwrap();
    fs::write(dir.path().join("tidy.txt"), TIDY).unwrap();
    let check = run_in(dir.path(), &["format", "--check", "."]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(text(&check.stdout), "would reformat: ./r.txt\n");
    let diff = run_in(dir.path(), &["format", "--diff", "r.txt"]);
    assert_eq!(diff.status.code(), Some(1));
    let shown = text(&diff.stdout);
    assert!(shown.starts_with("--- a/r.txt\n+++ b/r.txt\n"), "{shown}");
    assert!(shown.contains("\n-TUNNEL  select 1\n"), "{shown}");
    assert!(shown.contains("\n+tunnel select 1\n"), "{shown}");
    assert!(
        shown.contains("+  ipsec ike pre-shared-key 1 text ********"),
        "{shown}"
    );
    assert!(
        !shown.contains("made-up-key-9"),
        "a diff shows the key: {shown}"
    );
    assert_eq!(fs::read_to_string(dir.path().join("r.txt")).unwrap(), MESSY);
    let clean = run_in(dir.path(), &["format", "--diff", "tidy.txt"]);
    assert_eq!(clean.status.code(), Some(0));
    assert!(clean.stdout.is_empty());
}

#[test]
fn format_keeps_shift_jis_and_never_writes_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let sjis = shift_jis("# 大阪支店\nIP  lan1 address 192.0.2.1/24\ndescription lan1 \"大阪\"\n");
    fs::write(dir.path().join("osaka.txt"), &sjis).unwrap();
    let notes = "Call the ISP  on Monday\nip  lan1 address 192.0.2.1/24\nthen reboot it\n";
    fs::write(dir.path().join("notes.txt"), notes).unwrap();
    let out = run_in(dir.path(), &["format", "osaka.txt", "notes.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        fs::read(dir.path().join("osaka.txt")).unwrap(),
        // Quotes only where the value needs them, as `show config` prints it.
        shift_jis("# 大阪支店\nip lan1 address 192.0.2.1/24\ndescription lan1 大阪\n")
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        notes
    );
    assert!(text(&out.stderr).contains("notes.txt: not formatted"));
}

#[test]
fn format_of_standard_input_goes_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_with_stdin(dir.path(), &["format", "-"], MESSY.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), TIDY);
}

/// A tunnel without `tunnel enable`: its fix (adding the line) is unsafe.
const UNSAFE_FIX: &str = "tunnel select 1\n tunnel encapsulation ipsec\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc sha-hmac\n  ipsec ike pre-shared-key 1 text made-up-key-7\n  ipsec ike remote address 1 203.0.113.1\n";

#[test]
fn diff_shows_the_fixes_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), UNSAFE_FIX).unwrap();
    let safe_only = run_in(dir.path(), &["--diff", "r.txt"]);
    assert_eq!(
        safe_only.status.code(),
        Some(0),
        "{}",
        text(&safe_only.stdout)
    );
    assert!(safe_only.stdout.is_empty());
    let out = run_in(dir.path(), &["--diff", "--unsafe-fixes", "r.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let shown = text(&out.stdout);
    assert!(shown.contains("+ tunnel enable 1\n"), "{shown}");
    assert!(shown.contains("text ********"), "{shown}");
    assert!(!shown.contains("made-up-key-7"), "{shown}");
    assert_eq!(
        fs::read_to_string(dir.path().join("r.txt")).unwrap(),
        UNSAFE_FIX
    );
    let misuse = run_in(dir.path(), &["--unsafe-fixes", "r.txt"]);
    assert_eq!(misuse.status.code(), Some(2));
}

#[test]
fn show_fixes_says_what_the_fixes_removed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), UNSAFE_FIX).unwrap();
    let out = run_in(
        dir.path(),
        &["--fix", "--unsafe-fixes", "--show-fixes", "r.txt"],
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("r.txt: fixed 1 × RTX103 missing-tunnel-enable"),
        "{stderr}"
    );
    assert!(
        fs::read_to_string(dir.path().join("r.txt"))
            .unwrap()
            .ends_with(" tunnel enable 1\n")
    );
}

#[test]
fn fix_of_standard_input_prints_the_fixed_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_with_stdin(
        dir.path(),
        &["--fix", "--unsafe-fixes", "-"],
        UNSAFE_FIX.as_bytes(),
    );
    assert_eq!(text(&out.stdout), format!("{UNSAFE_FIX} tunnel enable 1\n"));
}
