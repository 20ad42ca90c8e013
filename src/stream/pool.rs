//! The parallel reader's frame: one producer on the calling thread, `--threads` workers (or one
//! fewer, the producer folding too: `reader_folds`), two channels (work out, used buffers back
//! for reuse), and what the producer itself skipped.
//!
//! The producer cuts an input into items (chunks of whole lines, XML units, batches of CSV rows)
//! and counts what it cannot hand on (a line too long for a chunk, a CSV row whose quote never
//! closed) by reason, with the first few line numbers; the workers fold the items. Under
//! `--strict` the smallest bad line number anyone met is shared, so that nothing after it is
//! read.

use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use crossbeam_channel::{bounded, unbounded, Receiver, Sender, TrySendError};

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
    /// When the producer folds too (`reader_folds`): its own worker, which takes an item
    /// whenever the workers' queue is full.
    own: Option<&'a mut dyn FoldChecked<T>>,
    /// The item the producer folded last, to be reused first.
    spare: Option<T>,
}

impl<T> Dispatch<'_, T> {
    /// A used item back from the workers, if one is waiting.
    pub fn reuse(&mut self) -> Option<T> {
        self.spare.take().or_else(|| self.free.try_recv().ok())
    }
    /// Hands an item to the workers, or folds it here when the producer folds too and the
    /// workers' queue is full; false to stop reading (a bad line under `--strict`, or every
    /// worker is gone).
    pub fn send(&mut self, item: T) -> bool {
        if self.fail.load(Ordering::Relaxed) != u64::MAX {
            return false;
        }
        let Some(own) = self.own.as_mut() else {
            return self.work.send(item).is_ok();
        };
        match self.work.try_send(item) {
            Ok(()) => true,
            Err(TrySendError::Full(item)) => {
                own.fold_checked(&item, self.fail);
                self.spare = Some(item);
                self.fail.load(Ordering::Relaxed) == u64::MAX
            }
            Err(TrySendError::Disconnected(_)) => false,
        }
    }
    /// The producer met a bad line under `--strict`.
    pub fn stop_at(&mut self, line: u64) {
        self.fail.fetch_min(line, Ordering::Relaxed);
    }
}

/// A worker of the pool. Each worker is handed its items in line order (a worker may keep its
/// first skips as the earliest it will see; `run_as` keeps it so when the producer folds too).
pub(super) trait Fold<T> {
    /// The line the item starts on.
    fn first_line(item: &T) -> u64;
    /// Folds one item, unless the worker has stopped; returns the line of the bad record it
    /// stopped at under `--strict`, when this item made it stop.
    fn fold(&mut self, item: &T) -> Option<u64>;
    /// After the last item, on the worker's thread (while other workers may still fold theirs).
    fn done(&mut self) {}
}

/// Folding an item unless a bad line before it is known (`--strict`), and sharing the bad line
/// it stopped at.
pub(super) trait FoldChecked<T> {
    fn fold_checked(&mut self, item: &T, fail: &AtomicU64);
}

impl<T, W: Fold<T>> FoldChecked<T> for W {
    fn fold_checked(&mut self, item: &T, fail: &AtomicU64) {
        // An item that starts after a known bad line cannot hold an earlier one.
        if W::first_line(item) < fail.load(Ordering::Relaxed) {
            if let Some(line) = self.fold(item) {
                fail.fetch_min(line, Ordering::Relaxed);
            }
        }
    }
}

/// Whether the producer folds items too with `threads` workers asked for: when it and they
/// would outnumber the cores. Then only `threads - 1` workers are started and the producer is
/// the last; so many threads share the cores as `--threads` says, instead of the reading (for
/// a compressed input, the decompression) taking turns on a core with a worker.
pub(super) fn reader_folds(threads: usize) -> bool {
    static CORES: OnceLock<usize> = OnceLock::new();
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    threads >= 2 && threads >= cores
}

/// Runs `produce` on this thread and `threads` workers made by `new_worker` beside it (or
/// `threads - 1`, and the producer folds too: `reader_folds`); returns the workers (in no
/// particular order) and how reading ended.
pub(super) fn run<T: Send, W: Fold<T> + Send>(
    threads: usize,
    new_worker: impl Fn() -> W,
    produce: impl FnOnce(&mut Dispatch<'_, T>) -> ReaderEnd,
) -> (Vec<W>, ReaderEnd) {
    run_as(threads, reader_folds(threads), new_worker, produce)
}

/// [`run`], the producer folding too or not as `folds` says.
pub(super) fn run_as<T: Send, W: Fold<T> + Send>(
    threads: usize,
    folds: bool,
    new_worker: impl Fn() -> W,
    produce: impl FnOnce(&mut Dispatch<'_, T>) -> ReaderEnd,
) -> (Vec<W>, ReaderEnd) {
    let folds = folds && threads >= 2;
    let spawned = threads - usize::from(folds);
    let (work_tx, work_rx) = bounded::<T>(2 * threads);
    let (free_tx, free_rx) = unbounded::<T>();
    let fail = AtomicU64::new(u64::MAX);
    let mut own = folds.then(&new_worker);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..spawned)
            .map(|_| {
                let work = work_rx.clone();
                let free = free_tx.clone();
                let fail = &fail;
                let mut w = new_worker();
                s.spawn(move || {
                    for item in work.iter() {
                        w.fold_checked(&item, fail);
                        let _ = free.send(item);
                    }
                    w.done();
                    w
                })
            })
            .collect();
        drop(free_tx);
        // Only a producer that folds keeps a receiving end (to drain the queue at the end);
        // otherwise sending fails once every worker is gone.
        let drain = folds.then(|| work_rx.clone());
        drop(work_rx);
        let mut sink = Dispatch {
            work: work_tx,
            free: free_rx,
            fail: &fail,
            own: own.as_mut().map(|w| w as &mut dyn FoldChecked<T>),
            spare: None,
        };
        let end = produce(&mut sink);
        drop(sink);
        if let Some(w) = own.as_mut() {
            w.done();
        }
        // The producer that folds takes its share of what is still queued, with a worker of its
        // own (made only if anything is left): every worker must fold its items in line order
        // (it keeps its first skips and its first example as the input's earliest, and stops
        // at its first bad line under `--strict`), and these are older than the last item the
        // producer folded in its hand.
        let mut last = None;
        if let Some(queue) = drain {
            while let Ok(item) = queue.recv() {
                let w = last.get_or_insert_with(&new_worker);
                w.fold_checked(&item, &fail);
            }
        }
        if let Some(w) = last.as_mut() {
            w.done();
        }
        let mut workers: Vec<W> = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect();
        workers.extend(own);
        workers.extend(last);
        (workers, end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::thread::ThreadId;
    use std::time::{Duration, Instant};

    /// Items are line numbers; a worker notes what it folded and on which thread, and stops at
    /// `bad` as a worker under `--strict` does.
    struct Note<'a> {
        folded: Vec<u64>,
        threads: Vec<ThreadId>,
        bad: u64,
        /// Workers on other threads than the producer's wait (at most 20 s) before folding
        /// until the producer's thread has folded this many items, counted here.
        gate: Option<Gate<'a>>,
    }

    #[derive(Clone, Copy)]
    struct Gate<'a> {
        producer: ThreadId,
        folded: &'a AtomicUsize,
        opens_at: usize,
    }

    impl Gate<'_> {
        /// A gate whose producer is this thread.
        fn here(folded: &AtomicUsize, opens_at: usize) -> Gate<'_> {
            Gate {
                producer: std::thread::current().id(),
                folded,
                opens_at,
            }
        }
    }

    impl Fold<u64> for Note<'_> {
        fn first_line(item: &u64) -> u64 {
            *item
        }
        fn fold(&mut self, &item: &u64) -> Option<u64> {
            let me = std::thread::current().id();
            if let Some(g) = self.gate {
                if me == g.producer {
                    g.folded.fetch_add(1, Ordering::SeqCst);
                } else {
                    let start = Instant::now();
                    while g.folded.load(Ordering::SeqCst) < g.opens_at
                        && start.elapsed() < Duration::from_secs(20)
                    {
                        std::thread::sleep(Duration::from_millis(1));
                    }
                }
            }
            self.folded.push(item);
            self.threads.push(me);
            (item == self.bad).then_some(item)
        }
    }

    /// Runs the pool over items 1..=n (stopping when told), the producer folding or not.
    fn pool<'a>(
        threads: usize,
        folds: bool,
        n: u64,
        bad: u64,
        gate: Option<Gate<'a>>,
    ) -> Vec<Note<'a>> {
        let new = || Note {
            folded: vec![],
            threads: vec![],
            bad,
            gate,
        };
        let (workers, _) = run_as(threads, folds, new, |sink| {
            for i in 1..=n {
                let _ = sink.reuse(); // (an item folded by the producer comes back first)
                if !sink.send(i) {
                    break;
                }
            }
            ReaderEnd::new()
        });
        workers
    }

    #[test]
    fn every_item_is_folded_once_whoever_folds() {
        for threads in 1..=4 {
            for folds in [false, true] {
                let workers = pool(threads, folds, 500, 0, None);
                // (a producer that folds may make one more worker for the queue's last items)
                let most = threads + usize::from(folds);
                assert!(
                    (threads..=most).contains(&workers.len()),
                    "{threads} threads, folds {folds}: {} workers",
                    workers.len()
                );
                assert!(in_order(&workers), "{threads}, {folds}");
                let mut all: Vec<u64> = workers.iter().flat_map(|w| w.folded.clone()).collect();
                all.sort_unstable();
                assert_eq!(all, (1..=500).collect::<Vec<_>>(), "{threads}, {folds}");
            }
        }
    }

    #[test]
    fn the_producer_folds_when_the_queue_is_full_and_only_then() {
        let me = std::thread::current().id();
        let folded = AtomicUsize::new(0);
        // The one spawned worker waits until the producer has folded an item itself, which it
        // does only once the queue (4 items) is full.
        let workers = pool(2, true, 50, 0, Some(Gate::here(&folded, 1)));
        assert!(folded.load(Ordering::SeqCst) >= 1);
        let own: usize = workers
            .iter()
            .map(|w| w.threads.iter().filter(|&&t| t == me).count())
            .sum();
        assert!(own >= 1, "the producer folded nothing");
        assert_eq!(workers.iter().map(|w| w.folded.len()).sum::<usize>(), 50);
        // Not folding, it never does.
        let workers = pool(2, false, 50, 0, None);
        assert!(workers.iter().all(|w| w.threads.iter().all(|&t| t != me)));
    }

    /// Every worker folds its items in line order.
    fn in_order(workers: &[Note]) -> bool {
        workers
            .iter()
            .all(|w| w.folded.windows(2).all(|p| p[0] < p[1]))
    }

    #[test]
    fn every_worker_folds_in_line_order_the_drain_too() {
        // The one spawned worker takes item 1 and waits there until the producer has folded
        // two items: one in its hand once the queue (4) is full, then what is left in the
        // queue after the last item, all older than the one it folded in its hand.
        let folded = AtomicUsize::new(0);
        let notes = pool(2, true, 6, 0, Some(Gate::here(&folded, 2)));
        assert!(
            in_order(&notes),
            "{:?}",
            notes.iter().map(|w| &w.folded).collect::<Vec<_>>()
        );
        let mut all: Vec<u64> = notes.iter().flat_map(|w| w.folded.clone()).collect();
        all.sort_unstable();
        assert_eq!(all, (1..=6).collect::<Vec<_>>());
    }

    #[test]
    fn a_bad_item_stops_the_reading_whoever_folds_it() {
        for threads in 1..=3 {
            for folds in [false, true] {
                let workers = pool(threads, folds, 100_000, 40, None);
                assert!(in_order(&workers), "{threads}, {folds}");
                let all: Vec<u64> = workers.iter().flat_map(|w| w.folded.clone()).collect();
                assert!(all.contains(&40), "{threads}, {folds}");
                for i in 1..40 {
                    assert!(all.contains(&i), "{threads}, {folds}: {i} not folded");
                }
                // Reading stopped soon after: far from all 100,000 items were read.
                assert!(
                    all.len() < 50_000,
                    "{threads}, {folds}: {} folded",
                    all.len()
                );
            }
        }
    }
}
