//! The progress bar of long scans, on standard error: bytes, files and records done, speed and
//! time left. It appears only once a scan has run for half a second, only when standard error
//! is a terminal, never in CI (`CI` set) and never with `--quiet`; it is cleared when the scan
//! ends, so that the report alone remains. `PHISCAN_PROGRESS_AFTER_MS` changes the half second
//! (the tests set 0 rather than depend on how fast a scan is).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How long a scan runs before the bar appears.
fn show_after() -> Duration {
    let millis = std::env::var("PHISCAN_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    Duration::from_millis(millis)
}

pub struct Progress {
    bar: ProgressBar,
    /// Whether the bar may be drawn at all; `shown` once it is.
    allowed: bool,
    shown: AtomicBool,
    started: Instant,
    show_after: Duration,
    files_total: u64,
    files_done: AtomicU64,
    records: AtomicU64,
}

impl Progress {
    /// A bar over `total_bytes` in `files` files, drawn only if `allowed`.
    pub fn new(total_bytes: u64, files: u64, allowed: bool) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::hidden());
        let template = "{spinner} {bytes}/{total_bytes} [{wide_bar}] {binary_bytes_per_sec}, {eta} left  {msg}";
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        Progress {
            bar,
            allowed: allowed && total_bytes > 0,
            shown: AtomicBool::new(false),
            started: Instant::now(),
            show_after: show_after(),
            files_total: files,
            files_done: AtomicU64::new(0),
            records: AtomicU64::new(0),
        }
    }

    /// Whether a bar would be welcome: standard error is a terminal and this is not CI.
    pub fn wanted(quiet: bool) -> bool {
        use std::io::IsTerminal;
        !quiet && std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
    }

    /// Starts following one input of `size` bytes; it counts as done when the tracker drops.
    pub fn source(&self, size: u64) -> SourceProgress<'_> {
        SourceProgress {
            progress: self,
            size,
            reported: AtomicU64::new(0),
        }
    }

    /// Counts `n` more records scanned.
    pub fn records(&self, n: u64) {
        self.records.fetch_add(n, Ordering::Relaxed);
        self.refresh();
    }

    fn refresh(&self) {
        if self.allowed
            && self.started.elapsed() >= self.show_after
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.set_message(format!(
            "{}/{} files, {} records",
            self.files_done.load(Ordering::Relaxed),
            self.files_total,
            self.records.load(Ordering::Relaxed)
        ));
    }

    /// Runs `f` (which writes part of the report) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Clears the bar before the report is written.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Progress through one input.
pub struct SourceProgress<'a> {
    progress: &'a Progress,
    size: u64,
    reported: AtomicU64,
}

impl SourceProgress<'_> {
    /// Reports that `done` of `of` units of this input (bytes of its text) are scanned.
    pub fn at(&self, done: u64, of: u64) {
        let target = self
            .size
            .saturating_mul(done.min(of))
            .checked_div(of)
            .unwrap_or(self.size);
        let before = self.reported.fetch_max(target, Ordering::Relaxed);
        if target > before {
            self.progress.bar.inc(target - before);
        }
        self.progress.refresh();
    }
}

impl Drop for SourceProgress<'_> {
    fn drop(&mut self) {
        self.at(1, 1);
        self.progress.files_done.fetch_add(1, Ordering::Relaxed);
        self.progress.refresh();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_add_up_to_the_total_whatever_their_steps() {
        let progress = Progress::new(300, 2, false);
        {
            let a = progress.source(100);
            a.at(10, 40);
            a.at(5, 40); // an earlier position never moves the bar back
            assert_eq!(progress.bar.position(), 25);
        }
        assert_eq!(progress.bar.position(), 100);
        drop(progress.source(200));
        assert_eq!(progress.bar.position(), 300);
        assert_eq!(progress.files_done.load(Ordering::Relaxed), 2);
        progress.records(7);
        assert_eq!(progress.records.load(Ordering::Relaxed), 7);
        assert!(
            !progress.shown.load(Ordering::Relaxed),
            "never drawn when not allowed"
        );
    }
}
