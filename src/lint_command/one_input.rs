//! One input from start to end: read, classify, lint, fix, render. It runs on any thread and
//! prints nothing: what it would print comes back in an [`Outcome`], which the caller prints
//! in input order.

use rtx_i18n::tr;
use rtx_linter::Settings;

use crate::cli::{Cli, Format};
use crate::encoding::{self, Encoding};
use crate::fixes;
use crate::inputs::{self, Input};
use crate::output::warning;
use crate::render::escape::escape;
use crate::render::summary::Tally;
use crate::render::{self, LintedFile};

/// What every input is linted and rendered with.
pub struct Plan<'a> {
    pub cli: &'a Cli,
    /// By input: its settings (its nearest `rtxlint.toml`, the flags, its per-file ignores).
    pub by_input: &'a [Settings],
    /// By input: whether a directory walk found it (then it is skipped unless an RTX config).
    pub walked: &'a [bool],
    /// Text output in colour.
    pub color: bool,
    /// What the project pass found, by input.
    pub survey: &'a super::project_pass::Survey,
    /// Findings accepted by the team, left out (`--baseline`, `baseline = ...`).
    pub baseline: Option<&'a crate::baseline::Baseline>,
    /// The folder fingerprints count paths from (`crate::baseline::fingerprint_root`).
    pub fingerprint_root: std::path::PathBuf,
    /// Keep the file's world allocated at the end instead of freeing it: the process is about
    /// to exit and the system takes everything back at once (freeing a 100k-line config's
    /// document and findings cost a tenth of its run). Only for a run of one input.
    pub leak: bool,
}

/// What linting one input has to say.
#[derive(Default)]
pub struct Outcome {
    /// For standard error, in order: problems with the input, notes on fixes.
    pub stderr: String,
    /// The findings rendered for the output format (text frames, or JSON array elements) and
    /// their tally; `None` when the input was not linted (unreadable, not text).
    pub rendered: Option<(Rendered, Tally)>,
    /// Inputs that could not be read or written.
    pub failed: usize,
    /// Findings at or above the settings' `--severity` threshold: those fail the run.
    pub failing: usize,
    /// With `--fix -`: the text for standard output (fixed, or the input unchanged).
    pub fixed_stdin: Option<Vec<u8>>,
    /// With `--diff`: the unified diff of the input's fixes (empty when none apply).
    pub diff: Option<String>,
    /// With `--write-baseline`: the input's findings as the baseline records them.
    pub recorded: Vec<crate::baseline::Recorded>,
    /// Findings the baseline accepted, not shown.
    pub baselined: usize,
    /// With `--statistics`: the findings counted by rule (and nothing rendered).
    pub statistics: Option<render::statistics::Counts>,
}

/// A file's findings for the output: rendered already, or (JSON of a run of one input) left
/// for the emitting thread to write a piece at a time, so that 200k findings never stand as
/// ~90 MB of text in memory. That file is leaked once written, as [`Plan::leak`] says.
pub enum Rendered {
    Text(String),
    JsonLater(Box<LintedFile>),
}

impl Rendered {
    /// Whether there is anything to write (a JSON array needs to know before the first).
    pub fn is_empty(&self) -> bool {
        match self {
            Rendered::Text(text) => text.is_empty(),
            Rendered::JsonLater(file) => file.diagnostics.is_empty(),
        }
    }
}

/// Lints a parsed document, with what the project pass found for it when it took part.
fn lint_doc(
    doc: &rtx_syntax::Document,
    settings: &Settings,
    facts: Option<&rtx_linter::project::FileFacts>,
) -> Vec<rtx_linter::Diagnostic> {
    match facts {
        Some(facts) => {
            let model = rtx_semantic::Model::build(doc);
            rtx_linter::lint_in_project(doc, &model, settings, facts)
        }
        None => rtx_linter::lint(doc, settings),
    }
}

pub fn lint(plan: &Plan<'_>, index: usize, input: &Input) -> Outcome {
    let facts = plan.survey.facts.get(index).and_then(Option::as_ref);
    let cli = plan.cli;
    let mut outcome = Outcome::default();
    let mut read = match inputs::read(input, &cli.stdin_filename, cli.max_file_size) {
        Ok(read) => read,
        Err(e) => {
            outcome.stderr.push_str(&warning(&e));
            outcome.failed += 1;
            return outcome;
        }
    };
    let stdin_fix = cli.fix && matches!(input, Input::Stdin);
    let classified = match encoding::classify(&read.bytes) {
        Ok(c) => c,
        Err(encoding::NotText(why)) => {
            outcome.stderr.push_str(&warning(&tr!(
                crate::language::ui(),
                "skipped",
                file = read.name.to_string(),
                reason = why
            )));
            if stdin_fix {
                outcome.fixed_stdin = Some(read.bytes.clone());
            }
            return outcome;
        }
    };
    let encoding = classified.encoding;
    // The parser takes the bytes it keeps: the file's own buffer when they are the file (no
    // second copy of a large config), unless --fix still needs the original to compare with.
    let lint_bytes = match classified.lint_bytes {
        std::borrow::Cow::Owned(decoded) => decoded,
        std::borrow::Cow::Borrowed(_) if cli.fix || cli.add_suppressions => read.bytes.clone(),
        std::borrow::Cow::Borrowed(_) => std::mem::take(&mut read.bytes),
    };
    let mut doc = rtx_syntax::parse_owned(lint_bytes);
    if plan.walked[index] && !fixes::is_rtx_config(&doc) {
        if cli.verbose {
            outcome.stderr.push_str(&tr!(
                crate::language::ui(),
                "walk-skipped-not-rtx",
                file = escape(&read.name, false)
            ));
            outcome.stderr.push('\n');
        }
        return outcome;
    }
    let settings = &plan.by_input[index];
    let mut diagnostics = lint_doc(&doc, settings, facts);
    // Accepted findings are neither shown nor fixed.
    let accept = |doc: &rtx_syntax::Document, diagnostics: &mut Vec<_>| match (plan.baseline, input)
    {
        (Some(baseline), Input::File(path)) => baseline.filter(path, doc, diagnostics),
        _ => 0,
    };
    outcome.baselined = accept(&doc, &mut diagnostics);
    if cli.diff {
        outcome.diff = Some(fix_diff(cli, &read.name, encoding, &doc, &diagnostics));
        return outcome;
    }
    if cli.fix {
        let before = cli
            .show_fixes
            .then(|| render::statistics::Counts::of_file(&diagnostics));
        let fixed = fix(
            cli,
            input,
            &read,
            encoding,
            &doc,
            &diagnostics,
            &mut outcome,
        );
        if stdin_fix {
            outcome.fixed_stdin = Some(match &fixed {
                Some(lint_bytes) => encoding::encode_back(encoding, lint_bytes.clone()),
                None => read.bytes.clone(),
            });
        }
        if let Some(lint_bytes) = fixed {
            doc = rtx_syntax::parse(&lint_bytes);
            diagnostics = lint_doc(&doc, settings, facts);
            outcome.baselined = accept(&doc, &mut diagnostics);
        }
        if let Some(before) = before {
            outcome.stderr.push_str(&shown_fixes(
                &read.name,
                &before,
                &render::statistics::Counts::of_file(&diagnostics),
            ));
        }
        let left = fixes::unsafe_available(&diagnostics);
        if left > 0 && !cli.unsafe_fixes {
            outcome.stderr.push_str(&tr!(
                crate::language::ui(),
                "unsafe-fixes-left",
                file = escape(&read.name, false),
                count = left
            ));
            outcome.stderr.push('\n');
        }
    }
    if cli.add_suppressions {
        add_suppressions(input, &read, encoding, &doc, &mut diagnostics, &mut outcome);
    }
    if let Some(path) = &cli.write_baseline {
        match input {
            Input::File(input) => {
                outcome.recorded = crate::baseline::record(path, input, &doc, &diagnostics)
            }
            Input::Stdin => outcome.stderr.push_str(&warning(&tr!(
                crate::language::ui(),
                "baseline-stdin",
                file = read.name.to_string()
            ))),
        }
        return outcome;
    }
    let tally = Tally::of_file(&diagnostics);
    outcome.failing = diagnostics
        .iter()
        .filter(|d| d.suppressed.is_none() && settings.fails(d.severity))
        .count();
    if cli.statistics {
        outcome.statistics = Some(render::statistics::Counts::of_file(&diagnostics));
        outcome.rendered = Some((Rendered::Text(String::new()), tally));
        if plan.leak {
            std::mem::forget(diagnostics);
            std::mem::forget(doc);
            std::mem::forget(read.bytes);
        }
        return outcome;
    }
    let mut file = LintedFile::new(read.name, &doc, diagnostics, cli.format == Format::Text);
    if cli.format.needs_fingerprints() {
        let path =
            crate::baseline::fingerprint_path(input, &cli.stdin_filename, &plan.fingerprint_root);
        file = file.fingerprinted(&doc, &path);
    }
    file.others = plan.survey.others.clone();
    let rendered = match cli.format {
        Format::Json if plan.leak => Rendered::JsonLater(Box::new(file)),
        format => {
            let text = match format {
                Format::Json => render::json::file_elements(&file),
                Format::Text => render::text::render(&file, plan.color),
                Format::Concise => render::concise::render(&file),
                Format::Sarif => render::sarif::file_results(&file),
                Format::Github => render::github::render(&file),
                Format::Gitlab => render::gitlab::file_elements(&file),
                Format::Junit => render::junit::render(&file),
            };
            if plan.leak {
                std::mem::forget(file);
            }
            Rendered::Text(text)
        }
    };
    outcome.rendered = Some((rendered, tally));
    if plan.leak {
        std::mem::forget(doc);
        std::mem::forget(read.bytes);
    }
    outcome
}

/// Writes the directives that silence the findings of one input, and leaves in `diagnostics`
/// only the findings they do not silence (as they stand in the text that was read: the
/// project rules' findings are not made again for the new text).
fn add_suppressions(
    input: &Input,
    read: &inputs::ReadInput,
    encoding: Encoding,
    doc: &rtx_syntax::Document,
    diagnostics: &mut Vec<rtx_linter::Diagnostic>,
    outcome: &mut Outcome,
) {
    let Input::File(path) = input else {
        return;
    };
    let added = crate::add_suppressions::add(doc, diagnostics);
    if added.directives == 0 {
        return;
    }
    let name = escape(&read.name, false);
    if !fixes::is_rtx_config(doc) {
        outcome.stderr.push_str(&warning(&tr!(
            crate::language::ui(),
            "suppressions-not-rtx",
            file = name.to_string()
        )));
        return;
    }
    let bytes = encoding::encode_back(encoding, added.bytes);
    if let Err(e) = fixes::write_atomically(path, &read.bytes, &bytes) {
        outcome.stderr.push_str(&warning(&e));
        outcome.failed += 1;
        return;
    }
    outcome.stderr.push_str(&tr!(
        crate::language::ui(),
        "suppressions-added",
        file = name.to_string(),
        count = added.directives
    ));
    outcome.stderr.push('\n');
    let mut covered = added.covered.into_iter();
    diagnostics.retain(|_| !covered.next().unwrap_or(false));
}

/// Applies the fixes of one input. Returns the fixed lint bytes when they were applied (the
/// file written, or standard input's text fixed), `None` when nothing changed.
fn fix(
    cli: &Cli,
    input: &Input,
    read: &inputs::ReadInput,
    encoding: Encoding,
    doc: &rtx_syntax::Document,
    diagnostics: &[rtx_linter::Diagnostic],
    outcome: &mut Outcome,
) -> Option<Vec<u8>> {
    let (fixed, applied) = fixes::apply(doc.source(), diagnostics, cli.unsafe_fixes, encoding);
    if applied == 0 {
        return None;
    }
    let name = &read.name;
    if !fixes::is_rtx_config(doc) {
        outcome.stderr.push_str(&warning(&tr!(
            crate::language::ui(),
            "fix-not-rtx",
            file = name.to_string()
        )));
        return None;
    }
    if let Input::File(path) = input {
        let bytes = encoding::encode_back(encoding, fixed.clone());
        if let Err(e) = fixes::write_atomically(path, &read.bytes, &bytes) {
            outcome.stderr.push_str(&warning(&e));
            outcome.failed += 1;
            return None;
        }
    }
    outcome.stderr.push_str(&tr!(
        crate::language::ui(),
        "fixes-applied",
        file = escape(name, false),
        count = applied
    ));
    outcome.stderr.push('\n');
    Some(fixed)
}

/// `--diff`: the fixes `--fix` would apply to this input, as a unified diff.
fn fix_diff(
    cli: &Cli,
    name: &str,
    encoding: Encoding,
    doc: &rtx_syntax::Document,
    diagnostics: &[rtx_linter::Diagnostic],
) -> String {
    let (fixed, applied) = fixes::apply(doc.source(), diagnostics, cli.unsafe_fixes, encoding);
    if applied == 0 || !fixes::is_rtx_config(doc) {
        return String::new();
    }
    render::diff::unified(name, doc, &rtx_syntax::parse(&fixed))
}

/// `--show-fixes`: what the fixes removed, by rule (`r.txt: fixed 2 × RTX104 missing-tunnel-enable`).
fn shown_fixes(
    name: &str,
    before: &render::statistics::Counts,
    after: &render::statistics::Counts,
) -> String {
    let mut out = String::new();
    for (code, rule, fixed) in before.removed(after) {
        out.push_str(&tr!(
            crate::language::ui(),
            "fixes-by-rule",
            file = escape(name, false),
            count = fixed,
            code = code,
            rule = rule
        ));
        out.push('\n');
    }
    out
}
