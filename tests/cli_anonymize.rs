//! `rtxlint anonymize` through the real binary: salts, outputs, the map and `--reverse`, and
//! what it refuses.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use common::{run_in, run_with_stdin, shift_jis, text};

/// Documentation addresses stay as they are, so the public ones here are made up in ranges
/// that are not special; the key and the account are made up too.
const CONFIG: &str = concat!(
    "# RTX830 Rev.15.02.17 (Fri Jul 10 09:59:21 2020)\r\n",
    "# MAC Address : 00:a0:de:12:34:56\r\n",
    "# main:  RTX830 ver=00 serial=S4H123456 MAC-Address=00:a0:de:12:34:56\r\n",
    "# rtxlint: disable-next-line=plaintext-credential kept on purpose\r\n",
    "login password made-up-password\r\n",
    "ip lan2 address 45.76.10.9/29\r\n",
    "description lan2 東京本社の回線\r\n",
    "pp select 1\r\n",
    " pp auth myname office-account@isp.example made-up-secret\r\n",
    "tunnel select 1\r\n",
    " ipsec tunnel 1\r\n",
    "  ipsec ike pre-shared-key 1 text made-up-key-77\r\n",
    "  ipsec ike remote address 1 45.76.200.1\r\n",
    " tunnel enable 1\r\n",
);

const SECRETS_AND_NAMES: &[&str] = &[
    "made-up-password",
    "made-up-secret",
    "made-up-key-77",
    "office-account",
    "isp.example",
    "45.76.10.9",
    "45.76.200.1",
    "00:a0:de:12:34:56",
    "S4H123456",
    "東京本社",
];

#[test]
fn the_same_salt_gives_the_same_output_and_hides_everything() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), CONFIG).unwrap();
    let one = run_in(dir.path(), &["anonymize", "--salt", "s1", "r.txt"]);
    assert_eq!(one.status.code(), Some(0), "{}", text(&one.stderr));
    let two = run_in(dir.path(), &["anonymize", "--salt", "s1", "r.txt"]);
    assert_eq!(one.stdout, two.stdout);
    let other = run_in(dir.path(), &["anonymize", "--salt", "s2", "r.txt"]);
    assert_ne!(one.stdout, other.stdout);
    let out = text(&one.stdout);
    for hidden in SECRETS_AND_NAMES {
        assert!(!out.contains(hidden), "{hidden} in:\n{out}");
        assert!(!text(&one.stderr).contains(hidden));
    }
    // What stays: the header's model and firmware, the directive, the line ends, the
    // commands and the prefix length.
    assert!(out.starts_with("# RTX830 Rev.15.02.17 (Fri Jul 10 09:59:21 2020)\r\n"));
    assert!(out.contains("# rtxlint: disable-next-line=plaintext-credential kept on purpose\r\n"));
    assert_eq!(out.matches("\r\n").count(), CONFIG.matches("\r\n").count());
    assert!(out.contains("/29\r\n"));
    assert!(
        out.contains("\n  ipsec ike remote address 1 "),
        "indentation kept:\n{out}"
    );
    // The two addresses share their first 16 bits (45.76), and still do, with each other.
    let address = |prefix: &str| -> u32 {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(prefix))
            .unwrap();
        let word = line.split(' ').next_back().unwrap();
        let addr: std::net::Ipv4Addr = word.split('/').next().unwrap().parse().unwrap();
        u32::from(addr)
    };
    let (lan, remote) = (
        address("ip lan2 address"),
        address("ipsec ike remote address"),
    );
    assert_eq!((lan ^ remote).leading_zeros(), 16);
}

#[test]
fn without_a_salt_a_random_one_is_told_on_stderr_and_repeats_the_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), CONFIG).unwrap();
    let first = run_in(dir.path(), &["anonymize", "r.txt"]);
    assert_eq!(first.status.code(), Some(0));
    let stderr = text(&first.stderr);
    let salt = stderr
        .split("`--salt ")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no salt in {stderr}"));
    let again = run_in(dir.path(), &["anonymize", "--salt", salt, "r.txt"]);
    assert_eq!(first.stdout, again.stdout);
    let another = run_in(dir.path(), &["anonymize", "r.txt"]);
    assert_ne!(first.stdout, another.stdout);
}

#[test]
fn the_map_translates_an_answer_back_and_holds_no_secret() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), CONFIG).unwrap();
    fs::write(dir.path().join("salt"), "team salt\n").unwrap();
    let out = run_in(
        dir.path(),
        &[
            "anonymize",
            "--salt-file",
            "salt",
            "--map-out",
            "map.json",
            "-o",
            "posted.txt",
            "r.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let map = fs::read_to_string(dir.path().join("map.json")).unwrap();
    for secret in ["made-up-password", "made-up-secret", "made-up-key-77"] {
        assert!(!map.contains(secret), "{secret} in the map");
    }
    let posted = fs::read_to_string(dir.path().join("posted.txt")).unwrap();
    let remote = posted
        .lines()
        .find(|l| l.contains("remote address"))
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_string();
    let answer = format!("The peer {remote} does not answer.\n");
    let back = run_with_stdin(
        dir.path(),
        &["anonymize", "--reverse", "--map", "map.json"],
        answer.as_bytes(),
    );
    assert_eq!(back.status.code(), Some(0), "{}", text(&back.stderr));
    assert_eq!(
        text(&back.stdout),
        "The peer 45.76.200.1 does not answer.\n"
    );
    // The whole posted config comes back but for its secrets.
    let whole = run_in(
        dir.path(),
        &["anonymize", "--reverse", "--map", "map.json", "posted.txt"],
    );
    let restored = text(&whole.stdout);
    assert!(restored.contains("ipsec ike remote address 1 45.76.200.1\r\n"));
    assert!(restored.contains("description lan2 東京本社の回線\r\n"));
}

#[test]
fn in_place_keeps_encoding_line_ends_and_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.txt");
    fs::write(&path, shift_jis(CONFIG)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    let out = run_in(
        dir.path(),
        &["anonymize", "--salt", "x", "--in-place", "copy.txt"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = fs::read(&path).unwrap();
    assert!(
        std::str::from_utf8(&written).is_ok(),
        "only ASCII is left of the Japanese"
    );
    assert_eq!(
        written.windows(2).filter(|w| w == b"\r\n").count(),
        CONFIG.matches("\r\n").count()
    );
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // The Shift_JIS description is gone, not garbled into the output.
    assert!(!written.windows(2).any(|w| w == &shift_jis("東")[..2]));
}

#[test]
fn keep_flags_keep_descriptions_and_comments_but_not_their_addresses() {
    let src = "# RTX830 Rev.15.02.17 (Fri Jul 10 09:59:21 2020)\n\
# uplink to 45.76.10.1 (head office)\n\
ip lan2 address 45.76.10.9/29\n\
description lan2 head-office-line\n";
    let dir = tempfile::tempdir().unwrap();
    let out = run_with_stdin(
        dir.path(),
        &[
            "anonymize",
            "--salt",
            "x",
            "--keep-comments",
            "--keep-descriptions",
        ],
        src.as_bytes(),
    );
    let shown = text(&out.stdout);
    assert!(shown.contains("(head office)\n"), "{shown}");
    assert!(shown.contains("description lan2 head-office-line\n"));
    assert!(
        !shown.contains("45.76.10.1 ") && !shown.contains("45.76.10.9/"),
        "{shown}"
    );
    let plain = run_with_stdin(dir.path(), &["anonymize", "--salt", "x"], src.as_bytes());
    assert!(!text(&plain.stdout).contains("head office"));
    assert!(!text(&plain.stdout).contains("head-office-line"));
}

#[test]
fn a_file_that_is_no_config_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("notes.txt"),
        "Shopping list\nmilk\neggs and bread\n",
    )
    .unwrap();
    let out = run_in(
        dir.path(),
        &["anonymize", "--salt", "x", "--in-place", "notes.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not anonymised"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "Shopping list\nmilk\neggs and bread\n"
    );
    let several = run_in(dir.path(), &["anonymize", "--salt", "x", "a.txt", "b.txt"]);
    assert_eq!(several.status.code(), Some(2));
}

#[test]
fn messages_speak_japanese() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "Shopping list\nmilk\n").unwrap();
    let out = run_in(
        dir.path(),
        &["anonymize", "--lang", "ja", "--salt", "x", "notes.txt"],
    );
    assert!(
        text(&out.stderr).contains("匿名化しませんでした"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn both_ends_of_a_vpn_go_into_a_directory_and_their_keys_still_match() {
    let dir = tempfile::tempdir().unwrap();
    let end = |address: &str| {
        format!(
            "tunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp aes-cbc sha-hmac\n  \
             ipsec ike pre-shared-key 1 text made-up-shared-key\n  \
             ipsec ike remote address 1 {address}\n tunnel enable 1\n"
        )
    };
    fs::write(dir.path().join("tokyo.txt"), end("45.76.200.1")).unwrap();
    fs::write(dir.path().join("osaka.txt"), end("45.77.10.1")).unwrap();
    let out = run_in(
        dir.path(),
        &[
            "anonymize",
            "--salt",
            "pair",
            "tokyo.txt",
            "osaka.txt",
            "-o",
            "out",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let key = |name: &str| {
        let written = fs::read_to_string(dir.path().join("out").join(name)).unwrap();
        assert!(!written.contains("made-up-shared-key"));
        written
            .lines()
            .find(|l| l.contains("pre-shared-key"))
            .unwrap()
            .to_string()
    };
    assert_eq!(key("tokyo.txt"), key("osaka.txt"));
}
