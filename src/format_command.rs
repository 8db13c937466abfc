//! `rtxlint format`: every command line in its canonical form (`rtx_syntax::print::formatted`),
//! the rest of the file as it was, written the way `--fix` writes (atomically, same encoding,
//! line ends and permissions, only files that are RTX configs).

use rtx_i18n::tr;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::encoding;
use crate::fixes;
use crate::inputs::{self, Input};
use crate::output::warn;
use crate::render::escape::escape;

/// What happened to the inputs.
#[derive(Default)]
struct Tally {
    changed: usize,
    unchanged: usize,
    failed: usize,
}

pub fn run(
    paths: &[PathBuf],
    check: bool,
    diff: bool,
    max_file_size: u64,
) -> Result<ExitCode, String> {
    // Which files a walk takes (`include`, `exclude` of the nearest rtxlint.toml), as linting.
    let discovery = std::sync::Arc::new(
        rtx_linter::discovery::Discovery::new(rtx_linter::discovery::Source::Nearest)
            .speaking(crate::language::ui()),
    );
    let collected = inputs::collect(paths, &discovery);
    let mut tally = Tally::default();
    for error in &collected.errors {
        warn(error);
        tally.failed += 1;
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (input, &walked) in collected.inputs.iter().zip(&collected.walked) {
        format_one(
            input,
            walked,
            check,
            diff,
            max_file_size,
            &mut out,
            &mut tally,
        );
    }
    let _ = out.flush();
    let (changed, unchanged) = (tally.changed, tally.unchanged);
    let id = if check || diff {
        "format-summary-check"
    } else {
        "format-summary"
    };
    eprintln!(
        "{}",
        tr!(
            crate::language::ui(),
            id,
            changed = changed,
            unchanged = unchanged
        )
    );
    Ok(ExitCode::from(if tally.failed > 0 {
        2
    } else if (check || diff) && changed > 0 {
        1
    } else {
        0
    }))
}

fn format_one(
    input: &Input,
    walked: bool,
    check: bool,
    diff: bool,
    max_file_size: u64,
    out: &mut impl Write,
    tally: &mut Tally,
) {
    let read = match inputs::read(input, "<stdin>", max_file_size) {
        Ok(read) => read,
        Err(e) => {
            warn(&e);
            tally.failed += 1;
            return;
        }
    };
    let name = escape(&read.name, false).into_owned();
    let stdin = matches!(input, Input::Stdin);
    let classified = match encoding::classify(&read.bytes) {
        Ok(c) => c,
        Err(encoding::NotText(why)) => {
            warn(&tr!(
                crate::language::ui(),
                "skipped",
                file = name.to_string(),
                reason = why
            ));
            if stdin && !check && !diff {
                let _ = out.write_all(&read.bytes);
            }
            return;
        }
    };
    let doc = rtx_syntax::parse(&classified.lint_bytes);
    let formatted = rtx_syntax::print::formatted(&doc);
    if formatted == doc.source() {
        tally.unchanged += 1;
        if stdin && !check && !diff {
            let _ = out.write_all(&read.bytes);
        }
        return;
    }
    if !fixes::is_rtx_config(&doc) {
        // A walk's `notes.txt` is passed over in silence; a file named on the command line
        // gets a word on why it was left alone.
        if !walked {
            warn(&tr!(
                crate::language::ui(),
                "format-not-rtx",
                file = name.to_string()
            ));
        }
        tally.unchanged += 1;
        if stdin && !check && !diff {
            let _ = out.write_all(&read.bytes);
        }
        return;
    }
    tally.changed += 1;
    if diff {
        let after = rtx_syntax::parse(&formatted);
        let _ = out.write_all(crate::render::diff::unified(&read.name, &doc, &after).as_bytes());
        return;
    }
    if check {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                crate::language::ui(),
                "format-would-reformat",
                file = name.to_string()
            )
        );
        return;
    }
    let bytes = encoding::encode_back(classified.encoding, formatted);
    match input {
        Input::Stdin => {
            let _ = out.write_all(&bytes);
        }
        Input::File(path) => {
            if let Err(e) = fixes::write_atomically(path, &read.bytes, &bytes) {
                warn(&e);
                tally.failed += 1;
                tally.changed -= 1;
            }
        }
    }
}
