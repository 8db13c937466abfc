//! `--fix` never damages a file: only RTX configs are written, atomically, keeping encoding,
//! line ends and permissions; standard input is fixed to standard output; unsafe fixes left
//! over are announced.

mod common;

use std::fs;

use common::{run_in, run_with_stdin, shift_jis, text};

/// A command with a trailing comment has a safe fix (move the comment above the command).
const FIXABLE: &str = "ip lan1 address 192.0.2.1/24 # lan\n";

#[test]
fn fix_writes_only_rtx_configs() {
    let dir = tempfile::tempdir().unwrap();
    let files: [(&str, Vec<u8>); 4] = [
        (
            "config.yaml",
            format!("server:\n  port: 8080\n  name: branch\n{FIXABLE}").into_bytes(),
        ),
        (
            "notes.txt",
            format!("Call the ISP on Monday\nCheck the VPN with Tanaka\n{FIXABLE}Then reboot\n")
                .into_bytes(),
        ),
        (
            "config.bin",
            [&b"\x7fELF\x02\x01\x01\0\0\0\n"[..], FIXABLE.as_bytes()].concat(),
        ),
        (
            "router.txt",
            format!("{FIXABLE}ip lan2 address 198.51.100.1/24\n").into_bytes(),
        ),
    ];
    for (name, bytes) in &files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let out = run_in(dir.path(), &["--isolated", "--fix", "."]);
    for (name, bytes) in &files[..3] {
        assert_eq!(
            &fs::read(dir.path().join(name)).unwrap(),
            bytes,
            "{name} was written: {}",
            text(&out.stderr)
        );
    }
    let router = fs::read_to_string(dir.path().join("router.txt")).unwrap();
    assert_eq!(
        router,
        "# lan\nip lan1 address 192.0.2.1/24\nip lan2 address 198.51.100.1/24\n"
    );
    // A walk skips the files that are not configs; named, they are linted but not written.
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("notes.txt"), "{stderr}");
    let out = run_in(
        dir.path(),
        &["--isolated", "--fix", "notes.txt", "config.yaml"],
    );
    let stderr = text(&out.stderr);
    assert!(stderr.contains("notes.txt: not fixed"), "{stderr}");
    assert!(stderr.contains("config.yaml: not fixed"), "{stderr}");
    for (name, bytes) in &files[..2] {
        assert_eq!(&fs::read(dir.path().join(name)).unwrap(), bytes, "{name}");
    }
    // Nothing but the fixed file was created or left behind (no temporary files).
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["config.bin", "config.yaml", "notes.txt", "router.txt"]
    );
}

#[cfg(unix)]
#[test]
fn fix_keeps_encoding_line_ends_and_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    let original = shift_jis(
        "# ﾃｽﾄ 本社\r\nip lan1 address 192.0.2.1/24 # lan\r\ndescription 1 \"大阪支社\"\r\n",
    );
    fs::write(&path, &original).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let out = run_in(dir.path(), &["--isolated", "--fix", "r.txt"]);
    assert!(
        text(&out.stderr).contains("applied 1 fix"),
        "{}",
        text(&out.stderr)
    );
    let fixed = fs::read(&path).unwrap();
    assert_eq!(
        fixed,
        shift_jis(
            "# ﾃｽﾄ 本社\r\n# lan\r\nip lan1 address 192.0.2.1/24\r\ndescription 1 \"大阪支社\"\r\n"
        )
    );
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend(unit.to_le_bytes());
    }
    out
}

#[test]
fn fix_keeps_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    fs::write(&path, utf16le(&format!("# 本社\r\n{FIXABLE}"))).unwrap();
    run_in(dir.path(), &["--isolated", "--fix", "r.txt"]);
    assert_eq!(
        fs::read(&path).unwrap(),
        utf16le("# 本社\r\n# lan\nip lan1 address 192.0.2.1/24\n")
    );
}

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.conf");
    fs::write(&target, FIXABLE).unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    run_in(dir.path(), &["--isolated", "--fix", "link.txt"]);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "# lan\nip lan1 address 192.0.2.1/24\n"
    );
}

/// `--fix -` is a filter: the fixed text is all of standard output, findings go to stderr.
#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("{FIXABLE}tunnel select 1\n ipsec tunnel 101\n");
    let out = run_with_stdin(dir.path(), &["--isolated", "--fix", "-"], input.as_bytes());
    assert_eq!(
        text(&out.stdout),
        "# lan\nip lan1 address 192.0.2.1/24\ntunnel select 1\n ipsec tunnel 101\n"
    );
    let stderr = text(&out.stderr);
    assert!(stderr.contains("missing-tunnel-enable"), "{stderr}");
    assert_eq!(out.status.code(), Some(1));
    // JSON findings go to stderr too.
    let out = run_with_stdin(
        dir.path(),
        &["--isolated", "--fix", "--format", "json", "-"],
        input.as_bytes(),
    );
    assert!(text(&out.stdout).starts_with("# lan\n"));
    assert!(text(&out.stderr).contains("\"missing-tunnel-enable\""));
    // What is not a config comes back unchanged.
    let notes = format!("Call the ISP\nAsk about the line\n{FIXABLE}");
    let out = run_with_stdin(dir.path(), &["--isolated", "--fix", "-"], notes.as_bytes());
    assert_eq!(text(&out.stdout), notes);
}

#[test]
fn fix_says_when_only_unsafe_fixes_are_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.txt");
    let config = "tunnel select 1\n ipsec tunnel 101\n";
    fs::write(&path, config).unwrap();
    let out = run_in(dir.path(), &["--isolated", "--fix", "r.txt"]);
    assert_eq!(fs::read_to_string(&path).unwrap(), config);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("1 unsafe fix available; rerun with --unsafe-fixes"),
        "{stderr}"
    );
}
