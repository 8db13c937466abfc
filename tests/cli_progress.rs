//! The progress bar never reaches a pipe or a CI log: a long run whose standard error is a pipe
//! writes only its notes there.

mod common;

use common::{run_in, text};

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..320 {
        std::fs::write(
            dir.path().join(format!("r{i}.txt")),
            "ip lan1 address 192.0.2.1/24\n",
        )
        .unwrap();
    }
    let out = run_in(dir.path(), &["--isolated", "."]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("320 files  "), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}
