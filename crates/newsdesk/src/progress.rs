//! Progress on a terminal, and the lines printed beside it: every line
//! goes through the progress display, above the bars, never into them.

use std::time::Duration;

/// The terminal's progress display. The bars are drawn in it, and every
/// line printed meanwhile goes through it: the bars are cleared, the line
/// printed, the bars drawn again below it.
pub fn progress() -> &'static indicatif::MultiProgress {
    static PROGRESS: std::sync::OnceLock<indicatif::MultiProgress> = std::sync::OnceLock::new();
    PROGRESS.get_or_init(indicatif::MultiProgress::new)
}

/// Prints a line on standard error, above any progress bar.
pub fn say(line: &str) {
    progress().suspend(|| eprintln!("{line}"));
}

/// A log line, printed above the progress bar once it is whole.
pub struct AboveBar(pub Vec<u8>);

impl std::io::Write for AboveBar {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for AboveBar {
    fn drop(&mut self) {
        if !self.0.is_empty() {
            let line = std::mem::take(&mut self.0);
            progress().suspend(|| {
                use std::io::Write;
                let _ = std::io::stderr().write_all(&line);
            });
        }
    }
}

/// A spinner with a message, on a terminal only: for work that takes a
/// while and has no count. Cleared when dropped.
pub struct Spinner(Option<indicatif::ProgressBar>);

impl Spinner {
    pub fn start(message: &str) -> Spinner {
        use std::io::IsTerminal;
        if !std::io::stderr().is_terminal() {
            return Spinner(None);
        }
        let bar = progress().add(indicatif::ProgressBar::new_spinner());
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {wide_msg} {elapsed}")
                .expect("a valid template"),
        );
        bar.set_message(message.to_string());
        bar.enable_steady_tick(Duration::from_millis(120));
        Spinner(Some(bar))
    }

    pub fn say(&self, message: &str) {
        if let Some(bar) = &self.0 {
            bar.set_message(message.to_string());
        }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
            progress().remove(&bar);
        }
    }
}
