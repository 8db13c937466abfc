//! `--statistics`: instead of the findings, how many each rule found, most first (then by
//! code), and how many of them have a safe fix (what `--fix` would apply).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rtx_linter::{Applicability, Diagnostic};

/// Findings and safe fixes of one rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Count {
    name: &'static str,
    count: usize,
    fixable: usize,
}

/// Counts by rule code, added up as files are done.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    by_code: BTreeMap<&'static str, Count>,
}

impl Counts {
    pub fn of_file(diagnostics: &[Diagnostic]) -> Counts {
        let mut counts = Counts::default();
        for d in diagnostics {
            let entry = counts.by_code.entry(d.code).or_insert(Count {
                name: d.name,
                ..Count::default()
            });
            entry.count += 1;
            if d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
            {
                entry.fixable += 1;
            }
        }
        counts
    }

    pub fn add(&mut self, other: Counts) {
        for (code, c) in other.by_code {
            let entry = self.by_code.entry(code).or_insert(Count {
                name: c.name,
                ..Count::default()
            });
            entry.count += c.count;
            entry.fixable += c.fixable;
        }
    }

    /// How many findings of each rule `self` has beyond `after` (what fixes removed, for
    /// `--show-fixes`): `(code, name, removed)` by code, rules with none left out.
    pub fn removed<'a>(
        &'a self,
        after: &'a Counts,
    ) -> impl Iterator<Item = (&'static str, &'static str, usize)> + 'a {
        self.by_code.iter().filter_map(move |(code, c)| {
            let left = after.by_code.get(code).map_or(0, |a| a.count);
            let removed = c.count.saturating_sub(left);
            (removed > 0).then_some((*code, c.name, removed))
        })
    }

    /// Most findings first, then by code.
    fn sorted(&self) -> Vec<(&'static str, Count)> {
        let mut rows: Vec<(&'static str, Count)> =
            self.by_code.iter().map(|(code, c)| (*code, *c)).collect();
        rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        rows
    }

    /// `COUNT  CODE  name  (fixable N)`, one line per rule, columns aligned; nothing when
    /// there are no findings.
    pub fn text(&self) -> String {
        let rows = self.sorted();
        let count_width = rows
            .iter()
            .map(|(_, c)| itoa::Buffer::new().format(c.count).len())
            .max()
            .unwrap_or(0);
        let name_width = rows.iter().map(|(_, c)| c.name.len()).max().unwrap_or(0);
        let mut out = String::new();
        for (code, c) in rows {
            let _ = writeln!(
                out,
                "{:>count_width$}  {code}  {:<name_width$}  (fixable {})",
                c.count, c.name, c.fixable
            );
        }
        out
    }

    /// A JSON array of `{code, name, count, fixable}` in the same order.
    pub fn json(&self) -> String {
        let rows: Vec<serde_json::Value> = self
            .sorted()
            .into_iter()
            .map(|(code, c)| {
                serde_json::json!({
                    "code": code,
                    "name": c.name,
                    "count": c.count,
                    "fixable": c.fixable,
                })
            })
            .collect();
        let mut out = serde_json::to_string_pretty(&rows).expect("a JSON value prints");
        out.push('\n');
        out
    }
}
