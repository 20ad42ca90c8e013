//! The parallel reader's frame: one producer on the calling thread, `--threads` workers, two
//! channels (work out, used buffers back for reuse), and what the producer itself skipped.
//!
//! The producer cuts an input into items (chunks of whole lines, XML units, batches of CSV rows)
//! and counts what it cannot hand on (a line too long for a chunk, a CSV row whose quote never
//! closed) by reason, with the first few line numbers; the workers fold the items. Under
//! `--strict` the smallest bad line number anyone met is shared, so that nothing after it is
//! read.

use std::io;
use std::sync::atomic::{AtomicU64, Ordering};

use crossbeam_channel::{bounded, unbounded, Receiver, Sender};

use super::stats::Stats;
use crate::record::Skip;
use crate::time::TimeError;

/// A skipped line: its number, why, and what was wrong with its time (for ambiguous zones).
pub(super) type SkipEvent = (u64, Skip, Option<TimeError>);

/// What the producer must know of the run's settings.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// The longest line read (`--max-line-bytes`).
    pub max_line: usize,
    /// How many skips to note by number.
    pub keep: usize,
    /// `--strict`: stop at the first skip.
    pub strict: bool,
}

/// How reading an input ended.
pub(super) struct ReaderEnd {
    /// Decompressed bytes read.
    pub bytes: u64,
    /// What the producer skipped itself (its lines and skips by reason).
    pub skips: Stats,
    /// The first few of those skips (under `--strict`: the one that stopped it).
    pub events: Vec<SkipEvent>,
    /// The stream broke off: the number of the line it broke in, whether that line had anything
    /// but white space, and the error.
    pub broken: Option<(u64, bool, io::Error)>,
}

impl ReaderEnd {
    pub fn new() -> ReaderEnd {
        ReaderEnd {
            bytes: 0,
            skips: Stats::default(),
            events: vec![],
            broken: None,
        }
    }

    /// Counts line `line`, skipped for `why`; false when reading must stop (`--strict`).
    pub fn skip(&mut self, line: u64, why: Skip, limits: Limits) -> bool {
        self.skips.lines += 1;
        self.skips.skip(why);
        if self.events.len() < limits.keep || limits.strict {
            self.events.push((line, why, None));
        }
        !limits.strict
    }
}

/// The producer's end of the channels.
pub(super) struct Dispatch<'a, T> {
    work: Sender<T>,
    free: Receiver<T>,
    /// The first bad line a worker met under `--strict` (u64::MAX: none yet).
    fail: &'a AtomicU64,
}

impl<T> Dispatch<'_, T> {
    /// A used item back from the workers, if one is waiting.
    pub fn reuse(&mut self) -> Option<T> {
        self.free.try_recv().ok()
    }
    /// Hands an item to the workers; false to stop reading (a worker met a bad line under
    /// `--strict`, or every worker is gone).
    pub fn send(&mut self, item: T) -> bool {
        self.fail.load(Ordering::Relaxed) == u64::MAX && self.work.send(item).is_ok()
    }
    /// The producer met a bad line under `--strict`.
    pub fn stop_at(&mut self, line: u64) {
        self.fail.fetch_min(line, Ordering::Relaxed);
    }
}

/// A worker of the pool.
pub(super) trait Fold<T> {
    /// The line the item starts on.
    fn first_line(item: &T) -> u64;
    /// Folds one item, unless the worker has stopped; returns the line of the bad record it
    /// stopped at under `--strict`, when this item made it stop.
    fn fold(&mut self, item: &T) -> Option<u64>;
    /// After the last item, on the worker's thread (while other workers may still fold theirs).
    fn done(&mut self) {}
}

/// Runs `produce` on this thread and `threads` workers made by `new_worker` beside it; returns
/// the workers (in no particular order) and how reading ended.
pub(super) fn run<T: Send, W: Fold<T> + Send>(
    threads: usize,
    new_worker: impl Fn() -> W,
    produce: impl FnOnce(&mut Dispatch<'_, T>) -> ReaderEnd,
) -> (Vec<W>, ReaderEnd) {
    let (work_tx, work_rx) = bounded::<T>(2 * threads);
    let (free_tx, free_rx) = unbounded::<T>();
    let fail = AtomicU64::new(u64::MAX);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let work = work_rx.clone();
                let free = free_tx.clone();
                let fail = &fail;
                let mut w = new_worker();
                s.spawn(move || {
                    for item in work.iter() {
                        // An item that starts after a known bad line cannot hold an earlier one.
                        if W::first_line(&item) < fail.load(Ordering::Relaxed) {
                            if let Some(line) = w.fold(&item) {
                                fail.fetch_min(line, Ordering::Relaxed);
                            }
                        }
                        let _ = free.send(item);
                    }
                    w.done();
                    w
                })
            })
            .collect();
        drop(work_rx);
        drop(free_tx);
        let mut sink = Dispatch {
            work: work_tx,
            free: free_rx,
            fail: &fail,
        };
        let end = produce(&mut sink);
        drop(sink);
        let workers = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect();
        (workers, end)
    })
}
