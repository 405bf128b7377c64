//! The one progress bar of the CLI: on stderr, only on a terminal, in one layout for every
//! command (the phase right-aligned in a fixed column, whole numbers, an integer rate), within
//! 80 columns. A phase with nothing to do draws no bar.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// Width of the phase column ("reading", "writing", "generate", ...).
const PHASE: &str = "{prefix:>9}";

/// A progress bar for [`git_crm::progress::Progress`] reports; hidden when stderr is not a
/// terminal, so pipes, CI logs and tests see nothing.
pub struct Bar {
    bar: ProgressBar,
}

impl Bar {
    pub fn new() -> Bar {
        let bar = if std::io::stderr().is_terminal() {
            ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        Bar { bar }
    }

    /// Removes the bar from the terminal (the command's summary follows).
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

/// `1234/s`, `56k/s`, `7M/s` (short whole numbers), or nothing before a rate
/// can be told.
fn rate(state: &ProgressState, w: &mut dyn std::fmt::Write) {
    let per_sec = state.per_sec();
    if per_sec.is_finite() && per_sec >= 1.0 {
        let _ = w.write_str(&whole_rate(per_sec.round() as u64));
    }
}

fn whole_rate(per_sec: u64) -> String {
    match per_sec {
        0..10_000 => format!("{per_sec}/s"),
        10_000..10_000_000 => format!("{}k/s", per_sec / 1000),
        _ => format!("{}M/s", per_sec / 1_000_000),
    }
}

/// The layout for a phase of `total` steps (`None`: not known in advance).
fn style(total: Option<u64>) -> ProgressStyle {
    let template = match total {
        Some(0) => PHASE.to_string(),
        Some(_) => format!("{PHASE} [{{bar:25}}] {{pos:>7}}/{{len:<7}} {{msg}} {{rate}}"),
        None => format!("{PHASE} {{spinner}} {{pos:>7}} {{msg}} {{rate}}"),
    };
    ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
        .with_key("rate", rate)
}

impl git_crm::progress::Progress for Bar {
    fn phase(&self, name: &str, unit: &str, total: Option<u64>) {
        self.bar.set_style(style(total));
        self.bar.set_prefix(name.to_string());
        self.bar.set_message(unit.to_string());
        self.bar.set_length(total.unwrap_or(0));
        self.bar.set_position(0);
        self.bar.reset_eta();
    }

    fn advance(&self, steps: u64) {
        self.bar.inc(steps);
    }

    fn reached(&self, done: u64) {
        self.bar.set_position(done);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use git_crm::progress::Progress;
    use indicatif::TermLike;

    use super::*;

    /// A terminal 200 columns wide that keeps what is drawn on it.
    #[derive(Debug, Clone, Default)]
    struct Screen(Arc<Mutex<Vec<String>>>);

    impl TermLike for Screen {
        fn width(&self) -> u16 {
            200
        }
        fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push(s.to_string());
            Ok(())
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.write_line(s)
        }
        fn clear_line(&self) -> std::io::Result<()> {
            Ok(())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn drawn(total: Option<u64>, done: u64) -> String {
        let screen = Screen::default();
        let bar = Bar {
            bar: ProgressBar::with_draw_target(
                Some(0),
                ProgressDrawTarget::term_like(Box::new(screen.clone())),
            ),
        };
        bar.phase("reading", "messages", total);
        bar.reached(done);
        bar.bar.abandon();
        let lines = screen.0.lock().unwrap();
        let line = lines.iter().rev().find(|l| !l.trim().is_empty()).cloned();
        line.unwrap_or_default()
    }

    /// With the largest counts a store gives, a line fits 80 columns; the phase sits in a fixed
    /// column; the rate is a whole number.
    #[test]
    fn a_bar_fits_80_columns_with_whole_numbers() {
        let line = drawn(Some(9_999_999), 9_999_998);
        assert!(line.starts_with("  reading ["), "{line:?}");
        assert!(line.contains("9999998/9999999 messages"), "{line:?}");
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line:?}",
            line.len()
        );
        assert!(!line.contains('.'), "{line:?}");
        let line = drawn(None, 12);
        assert!(line.starts_with("  reading "), "{line:?}");
        assert!(line.contains("12 messages"), "{line:?}");
    }

    #[test]
    fn rates_are_short_whole_numbers() {
        assert_eq!(whole_rate(9_999), "9999/s");
        assert_eq!(whole_rate(123_456), "123k/s");
        assert_eq!(whole_rate(69_624_293_313), "69624M/s");
    }

    /// A phase with nothing to do draws no bar and no `0/0`.
    #[test]
    fn nothing_to_do_draws_no_bar() {
        let line = drawn(Some(0), 0);
        assert_eq!(line.trim(), "reading");
    }
}
