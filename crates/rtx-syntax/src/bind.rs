//! Binding a command line's words to one of its entry's syntax forms.
//!
//! A small backtracking matcher walks the form's nodes (keywords, parameters, `[optional]`
//! parts, `...` repetition, `key=value` options, `(a | b)` choices) over the words, converting
//! each parameter word to a typed [`Value`]. Runs of optional `key=value` options match in any
//! order, as the router accepts them. When no form matches, the error says how far the best
//! attempt got and what it expected there.

mod program;

use program::Inst;
pub use program::Program;

use smallvec::SmallVec;

use crate::Span;
use crate::catalogue::{Entry, Node};
use crate::value::{Value, accepts, convert, keyword_eq};

/// A bound parameter.
#[derive(Clone, Debug, Eq)]
pub struct Arg {
    /// The parameter's name in the catalogue (`gateway_id`), or an option key (`hold-time`).
    pub name: &'static str,
    pub value: Value,
    /// The word the value came from (not part of equality).
    pub span: Span,
    /// A pre-shared key, password or community: never printed.
    pub secret: bool,
}

impl PartialEq for Arg {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.value == other.value && self.secret == other.secret
    }
}

/// The arguments of a [`TypedCommand`]: inline up to a typical line's count, so binding a
/// line allocates nothing (a caller that binds every line of a large file pays no malloc per
/// line). Derefs to a slice like the `Vec` it replaces.
pub type Args = SmallVec<[Arg; 8]>;

/// The keywords of a [`TypedCommand`], inline like [`Args`].
pub type Keywords = SmallVec<[(&'static str, Span); 8]>;

/// A recognised command with its arguments bound to typed values.
#[derive(Debug)]
pub struct TypedCommand {
    pub entry: &'static Entry,
    /// Index of the matched form in `entry.forms` (or `entry.no_forms` when `negated`).
    pub form: usize,
    pub negated: bool,
    /// Parameters and option values, in the order they appear on the line.
    pub args: Args,
    /// Every keyword the line used, the command's own name included (`ipsec`, ..., `dpd`).
    pub keywords: Keywords,
}

impl Clone for TypedCommand {
    fn clone(&self) -> Self {
        TypedCommand {
            entry: self.entry,
            form: self.form,
            negated: self.negated,
            args: self.args.clone(),
            keywords: self.keywords.clone(),
        }
    }

    /// Into the lists `self` has already: a caller copying many bindings into the same
    /// slots (the model's second binding thread) moves no whole ~800-byte value.
    fn clone_from(&mut self, source: &Self) {
        self.entry = source.entry;
        self.form = source.form;
        self.negated = source.negated;
        self.args.clone_from(&source.args);
        self.keywords.clone_from(&source.keywords);
    }
}

impl PartialEq for TypedCommand {
    /// Equal when they say the same thing: same entry, form, keywords and values. Spans are
    /// trivia and do not count.
    fn eq(&self, other: &Self) -> bool {
        self.entry.id == other.entry.id
            && self.form == other.form
            && self.negated == other.negated
            && self.args == other.args
            && self
                .keywords
                .iter()
                .map(|k| k.0)
                .eq(other.keywords.iter().map(|k| k.0))
    }
}

impl TypedCommand {
    /// The first argument bound to parameter `name`.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|a| a.name == name)
    }

    /// Every argument bound to parameter `name` (repeated parameters).
    pub fn args_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Arg> + 'a {
        self.args.iter().filter(move |a| a.name == name)
    }

    pub fn value(&self, name: &str) -> Option<&Value> {
        self.arg(name).map(|a| &a.value)
    }

    /// A numeric argument (ids, numbers) as `u32`.
    pub fn u32(&self, name: &str) -> Option<u32> {
        self.value(name).and_then(Value::as_u32)
    }

    /// A keyword argument, in the catalogue's spelling.
    pub fn keyword(&self, name: &str) -> Option<&'static str> {
        self.value(name).and_then(Value::as_keyword)
    }

    /// Whether the line used keyword `word` (or an option `word=...`).
    pub fn has_keyword(&self, word: &str) -> bool {
        self.keywords.iter().any(|(k, _)| *k == word) || self.args.iter().any(|a| a.name == word)
    }

    /// The syntax form that matched.
    pub fn form_text(&self) -> &'static str {
        let forms = if self.negated {
            &self.entry.no_forms
        } else {
            &self.entry.forms
        };
        &forms[self.form].text
    }
}

/// Why a recognised command's arguments do not fit any of its forms.
#[derive(Clone, Debug)]
pub struct BindError {
    pub entry: &'static Entry,
    /// Index of the first word that no form accepts (== word count: the line ends too early).
    pub word: usize,
    /// What the forms accept at that place (`<gateway_id> (gateway id)`, `end of line`).
    pub expected: Vec<String>,
}

impl PartialEq for BindError {
    fn eq(&self, other: &Self) -> bool {
        self.entry.id == other.entry.id
            && self.word == other.word
            && self.expected == other.expected
    }
}

/// A word for the matcher: its span and its unescaped value.
pub(crate) struct BindWord<'a> {
    pub span: Span,
    pub value: &'a [u8],
}

struct Matcher<'w, 's> {
    entry: &'static Entry,
    words: &'w [BindWord<'w>],
    /// What the current attempt bound (when collecting), straight into the storage of the
    /// [`TypedCommand`] the caller keeps (a [`Binder`]'s): nothing is copied afterwards.
    args: &'s mut Args,
    keywords: &'s mut Keywords,
    furthest: usize,
    expected: Vec<Expectation>,
    /// Build the typed arguments (`false`: only check that the line fits, without allocating).
    collect: bool,
    /// Record what each failed attempt expected. Most lines fit, so matching runs untracked
    /// first and again, tracked, only to explain a line that fits no form.
    track: bool,
    /// The backtracking state, kept by the caller so binding many lines reuses it.
    work: &'s mut Work,
    /// Program steps run (tests bound the work on hostile lines with it).
    steps: usize,
}

/// The matcher's work lists: reused from line to line by a [`Binder`].
#[derive(Default)]
struct Work {
    /// A bit per (join point, word) state entered while running a program (inline for
    /// typical lines: 512 states).
    memo: SmallVec<[u64; 8]>,
    retries: SmallVec<[Retry; 8]>,
}

/// Storage for binding many lines one after another: the bound command and the matcher's
/// work lists live here and are overwritten by each bind, so a caller that binds every line
/// of a large file neither allocates nor copies the (large, inline) [`TypedCommand`] per line.
///
/// ```
/// let doc = rtx_syntax::parse(b"tunnel select 1\n ipsec tunnel 101\n");
/// let mut binder = rtx_syntax::Binder::default();
/// let ids: Vec<u32> = doc
///     .commands()
///     .filter_map(|c| c.typed_with(&mut binder)?.ok()?.u32("tunnel_num").or(Some(0)))
///     .collect();
/// assert_eq!(ids, [1, 0]);
/// ```
#[derive(Default)]
pub struct Binder {
    typed: Option<TypedCommand>,
    work: Work,
}

impl Binder {
    /// The command the last successful bind produced.
    pub(crate) fn bound(&self) -> &TypedCommand {
        self.typed.as_ref().expect("a bind succeeded")
    }
}

/// What a form wanted where matching stopped; turned into text only for the final error.
#[derive(Clone, Copy, PartialEq)]
enum Expectation {
    Literal(&'static str),
    Param(usize),
    Option(&'static str, &'static Node),
    End,
}

/// Where to go on when the current attempt fails: the state at a `Split`, or the next option
/// of an `Options` run to try.
struct Retry {
    pc: usize,
    at: usize,
    used: u64,
    from: usize,
    /// How many bindings there were; later ones belong to the failed attempt.
    mark: Mark,
}

/// How many arguments and keywords were bound at a retry point.
#[derive(Clone, Copy)]
struct Mark {
    args: u32,
    keywords: u32,
}

impl<'w, 's> Matcher<'w, 's> {
    fn fail(&mut self, at: usize, what: Expectation) {
        if !self.track {
            return;
        }
        if at > self.furthest {
            self.furthest = at;
            self.expected.clear();
        }
        if at == self.furthest && !self.expected.contains(&what) {
            self.expected.push(what);
        }
    }

    fn fail_param(&mut self, at: usize, index: usize) {
        self.fail(at, Expectation::Param(index));
    }

    fn expectation_text(&self, what: Expectation) -> String {
        match what {
            Expectation::Literal(l) => l.to_string(),
            Expectation::Param(i) => self.describe(i),
            Expectation::Option(key, Node::Param(i)) => format!("{key}={}", self.describe(*i)),
            Expectation::Option(key, Node::Literal(l)) => format!("{key}={l}"),
            Expectation::Option(key, _) => format!("{key}=..."),
            Expectation::End => "end of line".to_string(),
        }
    }

    /// Runs `program` from word `start`: whether the rest of the line fits it.
    fn run(&mut self, program: &'static Program, start: usize) -> bool {
        let words = self.words;
        let total = words.len();
        let memo_bits = program.memo_slots as usize * (total + 1);
        self.work.memo.clear();
        // Copied from zeros: `resize` pushes its words one at a time, ~50 instructions for
        // the one or two words of a typical line, every line that takes this path.
        const ZEROS: [u64; 8] = [0; 8];
        match memo_bits.div_ceil(64) {
            words @ 0..=8 => self.work.memo.extend_from_slice(&ZEROS[..words]),
            words => self.work.memo.resize(words, 0),
        }
        self.work.retries.clear();
        let (mut pc, mut at, mut used, mut from) = (0usize, start, 0u64, 0usize);
        loop {
            self.steps += 1;
            let ok = match &program.insts[pc] {
                Inst::Literal(lit) => {
                    if words.get(at).is_some_and(|w| self.take_keyword(lit, w)) {
                        at += 1;
                        pc += 1;
                        true
                    } else {
                        self.fail(at, Expectation::Literal(lit));
                        false
                    }
                }
                Inst::Param(index) => {
                    if words.get(at).is_some_and(|w| self.take_param(*index, w)) {
                        at += 1;
                        pc += 1;
                        true
                    } else {
                        self.fail_param(at, *index);
                        false
                    }
                }
                Inst::Option { key, value } => {
                    let ok = self.option(key, value, at);
                    if ok {
                        at += 1;
                        pc += 1;
                    }
                    ok
                }
                Inst::Options(options) => {
                    // Past the last word no option can match: go straight on.
                    let mut taken = false;
                    if at < total {
                        for (i, (key, value)) in options.iter().enumerate().skip(from) {
                            if used & (1 << i) != 0 {
                                continue;
                            }
                            let mark = self.mark();
                            if self.option(key, value, at) {
                                self.work.retries.push(Retry {
                                    pc,
                                    at,
                                    used,
                                    from: i + 1,
                                    mark,
                                });
                                used |= 1 << i;
                                at += 1;
                                taken = true;
                                break;
                            }
                        }
                    }
                    from = 0;
                    if !taken {
                        used = 0;
                        pc += 1;
                    }
                    true
                }
                Inst::Split { next, alt, memo } => {
                    let fresh = self.enter(*memo, at, total);
                    if fresh {
                        self.work.retries.push(Retry {
                            pc: *alt as usize,
                            at,
                            used: 0,
                            from: 0,
                            mark: self.mark(),
                        });
                        pc = *next as usize;
                    }
                    fresh
                }
                Inst::Join { memo } => {
                    let fresh = self.enter(*memo, at, total);
                    pc += 1;
                    fresh
                }
                Inst::Jump(to) => {
                    pc = *to as usize;
                    true
                }
                Inst::Fail => false,
                Inst::End => {
                    if at == total {
                        return true;
                    }
                    self.fail(at, Expectation::End);
                    false
                }
            };
            if !ok {
                let Some(retry) = self.work.retries.pop() else {
                    return false;
                };
                self.rewind(retry.mark);
                (pc, at, used, from) = (retry.pc, retry.at, retry.used, retry.from);
            }
        }
    }

    fn mark(&self) -> Mark {
        Mark {
            args: self.args.len() as u32,
            keywords: self.keywords.len() as u32,
        }
    }

    /// Forgets what a failed attempt bound.
    fn rewind(&mut self, mark: Mark) {
        self.args.truncate(mark.args as usize);
        self.keywords.truncate(mark.keywords as usize);
    }

    /// Records that the matcher reached join point `memo` at word `at`; `false` when it had
    /// already (that state failed, or is the start of an empty repetition).
    fn enter(&mut self, memo: u32, at: usize, total: usize) -> bool {
        let bit = memo as usize * (total + 1) + at;
        let (word, mask) = (bit / 64, 1u64 << (bit % 64));
        let fresh = self.work.memo[word] & mask == 0;
        self.work.memo[word] |= mask;
        fresh
    }

    /// Whether word `at` is option `key=value`; bound when collecting.
    fn option(&mut self, key: &'static str, value: &'static Node, at: usize) -> bool {
        let words = self.words;
        let Some(word) = words.get(at) else {
            self.fail(at, Expectation::Option(key, value));
            return false;
        };
        let Some(raw) = word.value.split_first_chunk_eq(key.as_bytes()) else {
            self.fail(at, Expectation::Option(key, value));
            return false;
        };
        if !self.collect {
            let fits = match value {
                Node::Literal(l) => keyword_eq(raw, l),
                Node::Param(i) => self.accepts(*i, raw),
                _ => false,
            };
            if !fits {
                self.fail(at, Expectation::Option(key, value));
            }
            return fits;
        }
        let bound = match value {
            Node::Literal(l) if keyword_eq(raw, l) => Some(Value::Keyword(l)),
            Node::Param(i) => self.convert(*i, raw),
            _ => None,
        };
        match bound {
            Some(v) => {
                let secret = matches!(value, Node::Param(i) if self.entry.params[*i].secret);
                self.args.push(Arg {
                    name: key,
                    value: v,
                    span: word.span,
                    secret,
                });
                true
            }
            None => {
                self.fail(at, Expectation::Option(key, value));
                false
            }
        }
    }

    fn accepts(&self, index: usize, word: &[u8]) -> bool {
        self.entry.params[index]
            .ty
            .alternatives
            .iter()
            .any(|alt| accepts(alt, word))
    }

    /// Whether `word` is keyword `lit`; recorded when collecting.
    // Both run for every word of every line; inlined, they cost no more than the matches
    // they replace (callgrind on the generated 100k-line config).
    #[inline(always)]
    fn take_keyword(&mut self, lit: &'static str, word: &BindWord<'_>) -> bool {
        if !keyword_eq(word.value, lit) {
            return false;
        }
        if self.collect {
            self.keywords.push((lit, word.span));
        }
        true
    }

    /// Whether `word` is a value of parameter `index`; bound to its typed value when
    /// collecting, only checked otherwise.
    #[inline(always)]
    fn take_param(&mut self, index: usize, word: &BindWord<'_>) -> bool {
        if !self.collect {
            return self.accepts(index, word.value);
        }
        let Some(value) = self.convert(index, word.value) else {
            return false;
        };
        let param = &self.entry.params[index];
        self.args.push(Arg {
            name: &param.name,
            value,
            span: word.span,
            secret: param.secret,
        });
        true
    }

    fn convert(&self, index: usize, word: &[u8]) -> Option<Value> {
        self.entry.params[index]
            .ty
            .alternatives
            .iter()
            .find_map(|alt| convert(alt, word))
    }

    fn describe(&self, index: usize) -> String {
        let p = &self.entry.params[index];
        format!("<{}> ({})", p.name, p.ty)
    }
}

/// `key=value` with `key` compared without regard to case: the value bytes.
trait SplitKey {
    fn split_first_chunk_eq(&self, key: &[u8]) -> Option<&[u8]>;
}

impl SplitKey for [u8] {
    fn split_first_chunk_eq(&self, key: &[u8]) -> Option<&[u8]> {
        let rest = self.get(key.len()..)?;
        (self[..key.len()].eq_ignore_ascii_case(key) && rest.first() == Some(&b'='))
            .then(|| &rest[1..])
    }
}

/// Binds `words` (all of the line's words, `no` included when `negated`) to the first form of
/// `entry` that accepts them all, into `binder`; `None` when none does ([`explain`] says why).
pub(crate) fn bind_into(
    binder: &mut Binder,
    entry: &'static Entry,
    negated: bool,
    words: &[BindWord<'_>],
) -> Option<()> {
    let typed = binder.typed.get_or_insert_with(|| TypedCommand {
        entry,
        form: 0,
        negated,
        args: Args::new(),
        keywords: Keywords::new(),
    });
    typed.entry = entry;
    typed.negated = negated;
    let mut matcher = Matcher::new(
        entry,
        words,
        true,
        false,
        &mut typed.args,
        &mut typed.keywords,
        &mut binder.work,
    );
    for (index, form) in forms_of(entry, negated).iter().enumerate() {
        if !form.fits_length(words.len()) {
            continue;
        }
        matcher.args.clear();
        matcher.keywords.clear();
        if matcher.fits(form) {
            typed.form = index;
            return Some(());
        }
    }
    None
}

/// [`bind_into`] for a single line: the command by value.
pub(crate) fn bind(
    entry: &'static Entry,
    negated: bool,
    words: &[BindWord<'_>],
) -> Option<TypedCommand> {
    let mut binder = Binder::default();
    bind_into(&mut binder, entry, negated, words)?;
    binder.typed
}

/// Whether `words` fit a form of `entry`, without building typed values: the validation an
/// editor can run on every keystroke.
pub(crate) fn check(entry: &'static Entry, negated: bool, words: &[BindWord<'_>]) -> Option<()> {
    with_scratch_matcher(entry, words, false, |matcher| {
        forms_of(entry, negated)
            .iter()
            .any(|form| form.fits_length(words.len()) && matcher.fits(form))
            .then_some(())
    })
}

/// Runs `run` with a matcher that collects no values, over scratch storage of its own; `track`
/// records what each attempt expected (for messages and completion).
fn with_scratch_matcher<R>(
    entry: &'static Entry,
    words: &[BindWord<'_>],
    track: bool,
    run: impl FnOnce(&mut Matcher<'_, '_>) -> R,
) -> R {
    let (mut args, mut keywords, mut work) = Default::default();
    let mut matcher = Matcher::new(
        entry,
        words,
        false,
        track,
        &mut args,
        &mut keywords,
        &mut work,
    );
    run(&mut matcher)
}

/// Matches again, recording what every attempt expected, to say why no form fits.
pub(crate) fn explain(entry: &'static Entry, negated: bool, words: &[BindWord<'_>]) -> BindError {
    with_scratch_matcher(entry, words, true, |matcher| {
        for form in forms_of(entry, negated) {
            matcher.fits(form);
        }
        BindError {
            entry,
            word: matcher.furthest,
            expected: matcher
                .expected
                .iter()
                .map(|e| matcher.expectation_text(*e))
                .collect(),
        }
    })
}

/// What `form` accepts right after `words` when all of them fit its start: the expectations
/// the tracked matcher records at the end of the words. `None` when a word fails earlier.
pub(crate) fn next_after(
    entry: &'static Entry,
    form: &'static crate::catalogue::Form,
    words: &[BindWord<'_>],
) -> Option<Vec<crate::complete::Next>> {
    use crate::complete::Next;
    with_scratch_matcher(entry, words, true, |matcher| {
        matcher.fits(form);
        if matcher.furthest != words.len() {
            return None;
        }
        Some(
            matcher
                .expected
                .iter()
                .filter_map(|e| match *e {
                    Expectation::Literal(l) => Some(Next::Keyword(l)),
                    Expectation::Param(i) => Some(Next::Param(&entry.params[i])),
                    Expectation::Option(key, _) => Some(Next::Option(key)),
                    Expectation::End => None,
                })
                .collect(),
        )
    })
}

fn forms_of(entry: &'static Entry, negated: bool) -> &'static [crate::catalogue::Form] {
    if negated {
        &entry.no_forms
    } else {
        &entry.forms
    }
}

impl<'w, 's> Matcher<'w, 's> {
    fn new(
        entry: &'static Entry,
        words: &'w [BindWord<'w>],
        collect: bool,
        track: bool,
        args: &'s mut Args,
        keywords: &'s mut Keywords,
        work: &'s mut Work,
    ) -> Self {
        Matcher {
            entry,
            words,
            args,
            keywords,
            furthest: 0,
            expected: Vec::new(),
            collect,
            track,
            work,
            steps: 0,
        }
    }

    /// A form of one-word slots (see [`crate::catalogue::Form::slots`]): the n-th word
    /// against the n-th slot, no backtracking.
    fn fits_slots(&mut self, slots: &'static crate::catalogue::Slots) -> bool {
        let words = self.words;
        if !slots.lengths.contains(&words.len()) {
            return false;
        }
        words
            .iter()
            .zip(&slots.nodes)
            .all(|(word, slot)| match slot {
                Node::Literal(lit) => self.take_keyword(lit, word),
                Node::Param(index) => self.take_param(*index, word),
                _ => unreachable!("slots are keywords and parameters"),
            })
    }

    /// Whether the whole line fits `form`.
    fn fits(&mut self, form: &'static crate::catalogue::Form) -> bool {
        if !self.track && fast_path() {
            // Keywords at fixed positions first: a form that does not fit usually fails on
            // one, before any parameter is parsed.
            for &at in &form.fixed_keywords {
                if let (Some(word), Node::Literal(lit)) = (self.words.get(at), &form.nodes[at])
                    && !keyword_eq(word.value, lit)
                {
                    return false;
                }
            }
            if let Some(slots) = &form.slots {
                return self.fits_slots(slots);
            }
        }
        // The leading keywords in a plain loop: recognition walked them already, so they
        // rarely fail, and the backtracking machinery is for what follows.
        let words = self.words;
        for (at, node) in form.nodes[..form.lead].iter().enumerate() {
            let Node::Literal(lit) = node else {
                unreachable!("lead counts keywords")
            };
            if !words.get(at).is_some_and(|w| self.take_keyword(lit, w)) {
                self.fail(at, Expectation::Literal(lit));
                return false;
            }
        }
        self.run(&form.program, form.lead)
    }
}

/// Whether matching may take the slot fast path; tests switch it off to compare it with the
/// general matcher.
fn fast_path() -> bool {
    #[cfg(test)]
    return tests::FAST_PATH.with(std::cell::Cell::get);
    #[cfg(not(test))]
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;

    thread_local! {
        pub(super) static FAST_PATH: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
    }

    /// Word lists around every example of the catalogue: the example, and the example with
    /// its last word dropped, its next-to-last word dropped, and a word appended, to probe
    /// the optional levels' word counts.
    fn probes() -> Vec<(&'static Entry, bool, Vec<Vec<u8>>)> {
        let mut out = Vec::new();
        for entry in Catalogue::bundled().entries() {
            for example in &entry.examples {
                let words: Vec<Vec<u8>> = example
                    .split_whitespace()
                    .map(|w| crate::text::unescape(w.as_bytes()).into_owned())
                    .collect();
                let negated = words.first().is_some_and(|w| w == b"no");
                let mut variants = vec![words.clone()];
                let mut shorter = words.clone();
                shorter.pop();
                variants.push(shorter);
                if words.len() >= 2 {
                    let mut gap = words.clone();
                    gap.remove(words.len() - 2);
                    variants.push(gap);
                }
                let mut longer = words.clone();
                longer.push(b"1".to_vec());
                variants.push(longer);
                for v in variants {
                    out.push((entry, negated, v));
                }
            }
        }
        out
    }

    fn verdicts(fast: bool) -> Vec<(bool, Option<Vec<&'static str>>)> {
        FAST_PATH.with(|f| f.set(fast));
        let result = probes()
            .iter()
            .map(|(entry, negated, words)| {
                let words: Vec<BindWord<'_>> = words
                    .iter()
                    .map(|w| BindWord {
                        span: Span::default(),
                        value: w,
                    })
                    .collect();
                (
                    check(entry, *negated, &words).is_some(),
                    bind(entry, *negated, &words).map(|t| t.args.iter().map(|a| a.name).collect()),
                )
            })
            .collect();
        FAST_PATH.with(|f| f.set(true));
        result
    }

    #[test]
    fn the_slot_fast_path_agrees_with_the_general_matcher() {
        let fast = verdicts(true);
        let general = verdicts(false);
        let probes = probes();
        assert!(probes.len() > 1000);
        for ((probe, fast), general) in probes.iter().zip(&fast).zip(&general) {
            assert_eq!(
                fast,
                general,
                "{} {:?}",
                probe.0.name,
                probe
                    .2
                    .iter()
                    .map(|w| String::from_utf8_lossy(w))
                    .collect::<Vec<_>>()
            );
        }
    }

    /// One binder reused for every probe gives what a fresh bind gives: nothing of a
    /// previous line (arguments, keywords, form, backtracking state) leaks into the next.
    #[test]
    fn a_reused_binder_binds_like_a_fresh_one() {
        let mut binder = Binder::default();
        let mut bound = 0;
        for (entry, negated, words) in probes() {
            let words: Vec<BindWord<'_>> = words
                .iter()
                .map(|w| BindWord {
                    span: Span::default(),
                    value: w,
                })
                .collect();
            let fresh = bind(entry, negated, &words);
            let reused = bind_into(&mut binder, entry, negated, &words).map(|()| binder.bound());
            assert_eq!(fresh.as_ref(), reused, "{}", entry.name);
            if let (Some(f), Some(r)) = (&fresh, reused) {
                assert_eq!(f.keywords, r.keywords, "{}", entry.name);
                bound += 1;
            }
        }
        assert!(bound > 900, "{bound}");
    }

    fn words_of(line: &str) -> Vec<BindWord<'_>> {
        line.split_whitespace()
            .map(|w| BindWord {
                span: Span::default(),
                value: w.as_bytes(),
            })
            .collect()
    }

    /// Runs `f` on a thread with a small stack: matching must not nest per word.
    fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .stack_size(128 * 1024)
            .spawn(f)
            .unwrap()
            .join()
            .unwrap()
    }

    #[test]
    fn a_long_line_of_a_repeating_form_binds_on_a_small_stack() {
        let (bound, fits, error) = on_small_stack(|| {
            let entry = Catalogue::bundled().find("ip route").next().unwrap();
            let good = format!(
                "ip route 203.0.113.0/24{}",
                " gateway tunnel 1".repeat(20_000)
            );
            let bad = format!("{good} gateway");
            let bound =
                bind(entry, false, &words_of(&good)).map(|t| t.args_named("tunnel_num").count());
            let fits = check(entry, false, &words_of(&good)).is_some();
            let error = explain(entry, false, &words_of(&bad)).word;
            (bound, fits, error)
        });
        assert_eq!(bound, Some(20_000));
        assert!(fits);
        assert_eq!(
            error,
            3 + 3 * 20_000 + 1,
            "the line ends after the last `gateway`"
        );
    }

    /// Forms whose words can be split between repeated groups in exponentially many ways
    /// (each group takes one word or two): a line that fails at its end must not try them all.
    #[test]
    fn repeated_optional_groups_cost_polynomial_steps() {
        let catalogue = Catalogue::from_sources(&[(
            "adversarial.rtxg",
            "command adv\n  form    adv [<n> [<n>]] ...\n  form    adv ( <n> | <n> <n> ) ... <n>\n  \
             param   n 1..9\n  example adv 1\n",
        )])
        .unwrap()
        .leak();
        let entry = &catalogue.entries()[0];
        let line = format!("adv{} x", " 1".repeat(60));
        let words = words_of(&line);
        assert_eq!(entry.forms.len(), 2);
        for form in &entry.forms {
            let (mut args, mut keywords, mut work) = Default::default();
            let mut matcher = Matcher::new(
                entry,
                &words,
                false,
                true,
                &mut args,
                &mut keywords,
                &mut work,
            );
            assert!(!matcher.fits(form), "{}", form.text);
            assert_eq!(matcher.furthest, 61, "{}", form.text);
            let states = (form.program.insts.len() + 1) * (words.len() + 1);
            assert!(
                matcher.steps <= 4 * states,
                "{}: {} steps for {states} states",
                form.text,
                matcher.steps
            );
        }
    }
}
