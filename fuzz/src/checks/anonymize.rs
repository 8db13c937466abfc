//! The anonymiser takes any bytes without panicking, keeps the file's lines (a replaced word
//! never adds or removes a line end), is deterministic under one salt, and leaves no secret of
//! the input standing in the output.

use rtx_anonymize::{Anonymizer, Options};

use super::show;

pub fn check(data: &[u8]) {
    let run = || Anonymizer::new(Options::with_salt(b"fuzz")).anonymize(data);
    let out = run();
    let lines = |bytes: &[u8]| rtx_syntax::parse(bytes).line_count();
    assert_eq!(
        lines(data),
        lines(&out),
        "anonymising changes the number of lines\ninput:  `{}`\noutput: `{}`",
        show(data),
        show(&out)
    );
    assert!(out == run(), "anonymising is not deterministic: `{}`", show(data));
    let doc = rtx_syntax::parse(data);
    for span in doc.secret_spans() {
        let secret = &data[span.range()];
        // Short secrets occur anywhere by chance (a placeholder's letters, a keyword).
        if secret.len() < 12 {
            continue;
        }
        assert!(
            !out.windows(secret.len()).any(|w| w == secret),
            "a secret is left in the output\ninput:  `{}`\noutput: `{}`",
            show(data),
            show(&out)
        );
    }
}
