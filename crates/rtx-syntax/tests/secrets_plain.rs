//! `Command::shows_no_secret` (a command line that cannot show a secret) is never wrong where
//! it says "plain": on every command line of every linter fixture, every catalogue example,
//! the corpus when present, tricky lines written by hand and generated documents, a plain
//! line's redacted text is its text, and no secret span touches it. Its cheaper half,
//! `shows_no_secret_if_bound`, says the same of every line that binds.

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use rtx_syntax::{Catalogue, parse};

/// How many command lines were plain, and how many not.
#[derive(Default, Debug)]
struct Tally {
    plain: usize,
    other: usize,
}

/// Checks every command line of `src`; `name` says where a failure came from.
fn check(src: &[u8], name: &str, tally: &mut Tally) {
    let doc = parse(src);
    for cmd in doc.commands() {
        // What a caller that bound the line itself (a model) is told agrees.
        let bound = matches!(cmd.typed(), Some(Ok(_)));
        assert_eq!(
            cmd.shows_no_secret(),
            cmd.shows_no_secret_if_bound() && bound,
            "{name}: {cmd:?}"
        );
        if !cmd.shows_no_secret() {
            tally.other += 1;
            continue;
        }
        tally.plain += 1;
        let span = cmd.span();
        let text = &doc.source()[span.range()];
        let line = cmd.line().index() + 1;
        assert_eq!(
            String::from_utf8_lossy(&cmd.redacted_text()),
            String::from_utf8_lossy(text),
            "{name}:{line} is called plain but its redacted text differs"
        );
        for secret in cmd.secret_spans() {
            assert!(
                secret.end <= span.start || span.end <= secret.start,
                "{name}:{line} is called plain but {secret:?} is secret inside {span:?}"
            );
        }
    }
}

/// The `.txt` files under `dir`, at any depth, in order; none when `dir` is absent.
fn configs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.is_dir() {
            out.extend(configs(&path));
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn check_files(dir: &str, tally: &mut Tally) -> usize {
    let files = configs(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir));
    for file in &files {
        check(&fs::read(file).unwrap(), &file.display().to_string(), tally);
    }
    files.len()
}

#[test]
fn plain_lines_of_the_fixtures_show_their_text() {
    let mut tally = Tally::default();
    let files = check_files("../rtx-linter/fixtures", &mut tally);
    assert!(files >= 50, "{files} fixtures");
    // Not a vacuous check: most lines are plain, and the secrets in the fixtures are not.
    assert!(
        tally.plain > 3 * tally.other && tally.other > 0,
        "{tally:?}"
    );
}

#[test]
fn plain_lines_of_the_corpus_show_their_text() {
    let mut tally = Tally::default();
    let files = check_files("../../../shared/corpus", &mut tally);
    if files == 0 {
        eprintln!("no corpus: skipped");
        return;
    }
    assert!(tally.plain > tally.other, "{tally:?}");
}

#[test]
fn plain_lines_of_the_catalogue_examples_show_their_text() {
    let mut tally = Tally::default();
    for entry in Catalogue::bundled().entries() {
        for example in &entry.examples {
            check(format!("{example}\n").as_bytes(), &entry.name, &mut tally);
        }
    }
    assert!(tally.plain > 300 && tally.other > 20, "{tally:?}");
}

/// Lines whose secrets each rule of the secret code finds: none of them is plain.
#[test]
fn lines_that_hold_a_secret_are_not_plain() {
    for line in [
        // A secret parameter, bound or not.
        "login password hunter2",
        "ipsec ike pre-shared-key 1 text made-up-key",
        "ipsec ike pre-shared-key 1 text made-up-key extra words",
        "pp auth myname me s3cret",
        "snmp community read-only made-up-community",
        // A command carried by another.
        "schedule at 1 +600 * pp auth myname me s3cret",
        "schedule at 1 */* 03:00 * login password hunter2",
        // An entry without secrets whose line does not bind: evidence reads it.
        "ip route default gateway pp 1 password hunter2",
        "ip route default gateway pp 1 authkey=hunter2",
        "description 1 password hunter2 too many words here",
        // Unknown commands, typos and pasted prompts.
        "login pasword hunter2",
        "pp auth mynane me s3cret",
        "RTX1200> login password hunter2",
        "frobnicate password hunter2",
    ] {
        let doc = parse(format!("{line}\n").as_bytes());
        let cmd = doc.commands().next().unwrap_or_else(|| panic!("{line}"));
        assert!(!cmd.shows_no_secret(), "{line:?} is called plain");
        let mut tally = Tally::default();
        check(doc.source(), line, &mut tally);
    }
}

/// A plain line stays plain whatever comes before it or after its words: a secret wrapped
/// from the line before ends on that line, and a trailing comment's secret is masked in the
/// comment, outside the command's text.
#[test]
fn neighbours_and_comments_do_not_reach_a_plain_line() {
    let src = "login password made-up-\nip route default gateway pp 1 # password hunter2\n\
               pp auth myname me made-up-\n ip route default gateway pp 1\n";
    let doc = parse(src.as_bytes());
    let plain: Vec<usize> = doc
        .commands()
        .filter(|c| c.shows_no_secret())
        .map(|c| c.line().index())
        .collect();
    assert_eq!(plain, [1, 3]);
    let mut tally = Tally::default();
    check(src.as_bytes(), "neighbours", &mut tally);
    let redacted = String::from_utf8(doc.redacted()).unwrap();
    assert!(!redacted.contains("hunter2"), "{redacted}");
}

/// Words that bring in every rule: secret keywords, option keys, prompts, `no`, quotes,
/// escapes, comments, commands that carry commands, heredocs, selects.
fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = [
        "password",
        "secret",
        "text",
        "auth",
        "on",
        "off",
        "myname",
        "community",
        "key",
        "authkey=k",
        "md5key=k",
        "auth=k",
        "password=k",
        "pre-shared-key",
        "login",
        "pp",
        "ipsec",
        "ike",
        "1",
        "2",
        "101",
        "*",
        "192.0.2.1",
        "198.51.100.0/24",
        "#",
        "#x",
        "# x",
        "\"a b\"",
        "\"open",
        "'q'",
        "a\\ b",
        "\\",
        "no",
        "RTX1200>",
        "pp1#",
        "schedule at 1 +1 *",
        "embedded file a <<EOF",
        "EOF",
        "=",
        ":",
        "tunnel select 1",
        "pp select 1",
        "\u{3042}",
        "x",
        "enable",
        "use",
        "sha",
        "md5",
        "aes-cbc",
        "sha-hmac",
        "esp",
    ]
    .map(String::from)
    .to_vec();
    for entry in Catalogue::bundled().entries().iter().step_by(7) {
        words.push(entry.name.clone());
    }
    words
}

/// A catalogue example, or a command name: the start of a line that often binds.
fn starts() -> Vec<String> {
    let catalogue = Catalogue::bundled();
    let mut starts: Vec<String> = catalogue
        .entries()
        .iter()
        .flat_map(|e| e.examples.iter().cloned())
        .collect();
    starts.extend(catalogue.entries().iter().map(|e| e.name.clone()));
    starts
}

/// One generated line: a start, some of its words replaced, dropped or added.
fn line() -> impl Strategy<Value = String> {
    (
        prop::sample::select(starts()),
        prop::collection::vec(
            (
                0..3u8,
                any::<prop::sample::Index>(),
                prop::sample::select(vocabulary()),
            ),
            0..4,
        ),
        prop::sample::select(vec!["", " ", "  ", "no ", "# ", "RTX1200> "]),
        prop::sample::select(vec!["", " # note", " #password x", "\t"]),
    )
        .prop_map(|(start, edits, lead, tail)| {
            let mut words: Vec<String> = start.split(' ').map(String::from).collect();
            for (op, at, word) in edits {
                let i = at.index(words.len() + 1);
                match op {
                    0 => words.insert(i, word),
                    1 if i < words.len() => words[i] = word,
                    _ if i < words.len() && words.len() > 1 => {
                        words.remove(i);
                    }
                    _ => words.push(word),
                }
            }
            format!("{lead}{}{tail}", words.join(" "))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Generated documents of a few lines (so that wrapped secrets and blocks occur): every
    /// line called plain shows its text.
    #[test]
    fn generated_plain_lines_show_their_text(
        lines in prop::collection::vec(line(), 1..5),
        crlf in any::<bool>(),
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let src: String = lines.iter().map(|l| format!("{l}{end}")).collect();
        let mut tally = Tally::default();
        check(src.as_bytes(), &format!("{src:?}"), &mut tally);
    }
}

/// The generator is no vacuous source: a fair share of its lines are plain, and of the rest.
#[test]
fn generated_lines_are_both_plain_and_not() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = line();
    let mut tally = Tally::default();
    for _ in 0..2000 {
        let line = strategy.new_tree(&mut runner).unwrap().current();
        check(format!("{line}\n").as_bytes(), &line, &mut tally);
    }
    assert!(tally.plain > 150 && tally.other > 300, "{tally:?}");
}
