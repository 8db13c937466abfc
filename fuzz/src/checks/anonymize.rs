//! The anonymiser takes any bytes without panicking, keeps the file's lines (a replaced word
//! never adds or removes a line end), is deterministic under one salt, and leaves no secret of
//! the input standing where it stood.

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
    assert!(
        out == run(),
        "anonymising is not deterministic: `{}`",
        show(data)
    );
    // Every occurrence of a secret in a secret slot is gone; a keyword or number spelt like
    // it elsewhere may stay (it tells nobody which word was the secret).
    let doc = rtx_syntax::parse(data);
    let spans = doc.secret_spans();
    for span in &spans {
        let secret = &data[span.range()];
        // Short secrets occur anywhere by chance (a placeholder's letters, a keyword).
        if secret.len() < 12 {
            continue;
        }
        let count = |bytes: &[u8]| bytes.windows(secret.len()).filter(|w| *w == secret).count();
        let in_slots = spans.iter().filter(|s| &data[s.range()] == secret).count();
        assert!(
            count(&out) + in_slots <= count(data),
            "a secret is left in the output\ninput:  `{}`\noutput: `{}`",
            show(data),
            show(&out)
        );
    }
}
