//! A progress bar for runs over a fleet of configs: on standard error, only when it is a
//! terminal, never in CI logs or pipes, and only when the run is long enough to want one.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs over fewer inputs finish before a bar would help.
const MIN_INPUTS: usize = 300;

/// A bar for `inputs` inputs, or none. (None rather than indicatif's hidden bar: a run that
/// shows no bar should not pay for one, and creating even a hidden one cost most runs half a
/// MiB of memory.)
pub fn bar(inputs: usize) -> Option<ProgressBar> {
    if !wanted(
        inputs,
        std::io::stderr().is_terminal(),
        std::env::var_os("CI").is_some(),
    ) {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(inputs as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} files  {elapsed_precise}")
            .expect("a valid template"),
    );
    Some(bar)
}

/// Whether a run shows a bar: long enough, standard error a terminal, and not under CI (whose
/// log viewers are not terminals even when a pseudo-terminal is attached).
fn wanted(inputs: usize, stderr_is_terminal: bool, ci: bool) -> bool {
    inputs >= MIN_INPUTS && stderr_is_terminal && !ci
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_runs_on_a_terminal_outside_ci() {
        assert!(wanted(1000, true, false));
        assert!(!wanted(10, true, false));
        assert!(!wanted(1000, false, false));
        assert!(!wanted(1000, true, true));
    }
}
