//! A progress bar on stderr while files are read: bytes done of the total, MB/s and time left.
//!
//! It counts the bytes of the files as stored (compressed or not), so the total is known from the
//! file sizes up front. It is shown only when stderr is a terminal, some input is a file, and
//! neither `--quiet` nor `--no-progress` is given; otherwise every call here does nothing.

use std::io::{self, IsTerminal, Read};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::config::ScanConfig;

/// The bar of one run (possibly hidden).
#[derive(Clone)]
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `cfg`'s inputs, or a hidden one.
    pub fn new(cfg: &ScanConfig) -> Progress {
        let wanted = cfg.progress && !cfg.quiet && io::stderr().is_terminal();
        let total: u64 = cfg
            .inputs
            .iter()
            .filter(|p| p.as_str() != "-")
            .filter_map(|p| std::fs::metadata(p).ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum();
        if !wanted || total == 0 {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {wide_msg}",
            )
            .expect("the template is valid"),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar: Some(bar) }
    }

    /// A bar that shows nothing.
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    /// Counts the bytes read through `r` (files only: standard input has no known size).
    pub fn wrap(&self, path: &str, r: Box<dyn Read + Send>) -> Box<dyn Read + Send> {
        match &self.bar {
            Some(bar) if path != "-" => {
                bar.set_message(path.to_string());
                Box::new(Counting {
                    inner: r,
                    bar: bar.clone(),
                })
            }
            _ => r,
        }
    }

    /// Runs `f` (which writes to stderr) with the bar out of the way.
    pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

struct Counting {
    inner: Box<dyn Read + Send>,
    bar: ProgressBar,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }
}
