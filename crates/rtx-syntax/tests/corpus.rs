//! The project's own corpus (`corpus/`): each config round-trips byte for byte and has a
//! snapshot of its typed tree; the canonical print of each parses to the same typed commands.
//! The published configs of `../shared/corpus` (when present) must round-trip too; the test
//! reports how many of their lines the catalogue does not recognise.

use std::fs;
use std::path::{Path, PathBuf};

use rtx_syntax::{LineKind, parse, print};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn configs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// What each command says, spans aside: its context and typed form (or its word values when
/// the catalogue cannot type it).
#[derive(Debug, PartialEq)]
enum Said {
    Typed(rtx_syntax::Context, Box<rtx_syntax::TypedCommand>),
    Raw(rtx_syntax::Context, Vec<Vec<u8>>),
}

fn typed_commands(src: &[u8]) -> Vec<Said> {
    let doc = parse(src);
    doc.commands()
        .map(|c| match c.typed() {
            Some(Ok(t)) => Said::Typed(c.context(), Box::new(t)),
            Some(Err(_)) | None => Said::Raw(
                c.context(),
                c.words().map(|w| w.value().into_owned()).collect(),
            ),
        })
        .collect()
}

/// Reads and parses a config, checking it prints back byte for byte.
fn read_round_trip(path: &Path) -> (Vec<u8>, rtx_syntax::Document) {
    let src = fs::read(path).unwrap();
    let doc = parse(&src);
    assert_eq!(
        doc.to_bytes(),
        src,
        "{} does not round-trip",
        path.display()
    );
    (src, doc)
}

#[test]
fn project_corpus_round_trips_and_snapshots() {
    let mut files = configs(&repo().join("corpus"));
    files.extend(configs(&repo().join("corpus/scenarios")));
    assert!(files.len() >= 20, "the corpus has {} files", files.len());
    for path in files {
        let (src, doc) = read_round_trip(&path);
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, print::tree(&doc));
        let canonical = print::canonical(&doc);
        assert_eq!(
            typed_commands(&canonical),
            typed_commands(&src),
            "{}: canonical print changes the commands",
            path.display()
        );
    }
}

#[test]
fn shared_corpus_round_trips() {
    let dir = repo().join("../shared/corpus");
    let files = configs(&dir);
    if files.is_empty() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let (mut commands, mut unrecognised) = (0, 0);
    for path in &files {
        let (_, doc) = read_round_trip(path);
        for line in doc.lines().filter(|l| l.kind() == LineKind::Command) {
            let cmd = line.command().unwrap();
            // The cheap check and the typed binding agree on every real line.
            assert_eq!(
                cmd.validate().map(|r| r.is_ok()),
                cmd.typed().map(|r| r.is_ok()),
                "{}: validate and typed disagree on line {}",
                path.display(),
                line.index() + 1
            );
            commands += 1;
            if line.command().unwrap().entry().is_none() {
                unrecognised += 1;
            }
        }
    }
    eprintln!(
        "shared corpus: {} files, {commands} command lines, {unrecognised} unrecognised",
        files.len()
    );
}

/// `rtxlint format` on every config of both corpora: formatting is idempotent, changes no
/// line's kind or number (comments, blank lines and line ends stay), and every command says
/// what it said before, typed.
#[test]
fn formatting_keeps_what_every_line_means() {
    let mut dirs = vec![repo().join("corpus"), repo().join("corpus/scenarios")];
    dirs.push(repo().join("../shared/corpus"));
    let mut checked = 0;
    for path in dirs.iter().flat_map(|d| configs(d)) {
        let src = fs::read(&path).unwrap();
        let doc = parse(&src);
        let once = print::formatted(&doc);
        let again = parse(&once);
        assert_eq!(
            print::formatted(&again),
            once,
            "{}: formatting twice differs",
            path.display()
        );
        let kinds = |d: &rtx_syntax::Document| d.lines().map(|l| l.kind()).collect::<Vec<_>>();
        assert_eq!(kinds(&doc), kinds(&again), "{}", path.display());
        assert_eq!(
            typed_commands(&src),
            typed_commands(&once),
            "{}: a command's meaning changed",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} configs");
}
