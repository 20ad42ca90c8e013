//! One `outcry watch` run, wired: a reader thread reads the inputs in order (standard input as it
//! comes) and hands each post to the live state, which counts it into windows by its own time,
//! closes the windows the stream's clock has passed and makes the alerts; the calling thread
//! wakes a few times a second to close windows after a silence (`--idle-flush`), and to finish on
//! the end of input or a signal: the open windows are closed, incidents still under way are
//! reported as unresolved (at the end of input, one whose recovery waited only for the hour
//! after is recovered, as `detect` places it).

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use anyhow::Result;

use super::alert::{Alert, Event};
use super::clock::{Clock, Verdict, CONFIRM, HOLD_CAP, PROVISIONAL_BYTES, PROVISIONAL_CAP, START};
use super::held::{skewed_run, FarAhead, Held, HeldPosts, Inputs, Origin, Unmoved};
use super::monitor::{Monitor, MonitorStats};
use super::signal;
use crate::detect::{Params, SEGMENT_GAP_S};
use crate::lexicon::{Kind, Matcher};
use crate::record::Post;
use crate::stream::outliers::{Days, Outlier};
use crate::stream::{sequential, Collector, ScanConfig, Sink, Stats};
use crate::time::{human_duration, rfc3339_utc, Ts};
use crate::window::Windows;

/// What a run needs beyond the scan's settings.
#[derive(Debug, Clone)]
pub struct WatchConfig {
    /// The live inputs (read in order; `-` is standard input) and how to read them.
    pub scan: ScanConfig,
    pub params: Params,
    /// Seconds past a window's end its stragglers are waited for (`--max-lateness`).
    pub lateness: i64,
    /// Wall time without input after which windows close anyway (`--idle-flush`).
    pub idle_flush: Duration,
    /// Seconds of the past the detector keeps (`--horizon`).
    pub horizon_s: i64,
}

/// Where alerts go (standard output, the `--exec` queue): called once per alert, in order.
pub type Emit = Box<dyn FnMut(&Alert) -> io::Result<()> + Send>;

/// Posts kept out of the windows by the live clock, by reason.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LiveCounts {
    /// In a window already closed (more than the lateness behind the stream, or closed by a
    /// silence): counted here, not added.
    pub late: u64,
    /// In a window the `--history` already covers.
    pub in_history: u64,
    /// Far ahead of the stream's time and never corroborated by other posts.
    pub far_ahead: u64,
}

/// What a run read and said.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub stats: Stats,
    pub live: LiveCounts,
    pub monitor: MonitorStats,
    /// Alerts made, by event (onset, update, recovery, unresolved, reopened).
    pub alerts: [u64; 5],
    /// The run ended on a signal, not at the end of its input (`outcry watch` also sets it for
    /// a signal after the end, while the `--exec` commands still queued ran).
    pub interrupted: bool,
    /// The stream's time at the end.
    pub stream_end: Option<Ts>,
}

/// The times of the last posts of the held run, oldest first (see `State::run_times`).
struct RunTimes {
    times: [Ts; CONFIRM],
    n: usize,
}

impl RunTimes {
    fn get(&self) -> &[Ts] {
        &self.times[..self.n]
    }
}

/// The state the reader thread and the waking thread share.
struct State {
    collector: Collector<'static>,
    clock: Clock,
    monitor: Monitor,
    live: LiveCounts,
    /// Posts far ahead of the clock, in arrival order, until corroborated, with where they
    /// were read (at most [`HOLD_CAP`], or [`PROVISIONAL_CAP`] while a jump is provisional).
    /// The last [`HeldPosts::run`] of them came one after another, with no post in an open
    /// window since (only such a run corroborates a jump: [`Clock::corroborated`]).
    held: HeldPosts,
    /// The held run makes a jump provisional ([`State::jump_to`] took it, [`State::persisted`]
    /// not yet): only then may it hold up to [`PROVISIONAL_CAP`] posts.
    pending: bool,
    /// Posts in the stream's own windows since the jump became provisional: [`CONFIRM`] of
    /// them take the run out; one or two stragglers (an archive's posts a little out of order)
    /// do not.
    went_back: usize,
    /// The stream's first posts, waiting for [`START`] of them to start the clock
    /// ([`State::hold_start`]).
    start: Vec<Held>,
    /// The inputs' names as the reader opened them, and the one it reads now.
    inputs: Inputs,
    input: usize,
    /// Names the posts finally kept out as far ahead (input and line) on stderr.
    far_ahead: FarAhead,
    /// The run is over (an interrupt or the end): a post the reader still hands on is dropped.
    finished: bool,
    emit: Emit,
    /// The first error writing an alert (a closed pipe): the run stops.
    failed: Option<io::Error>,
    stop: Arc<AtomicBool>,
    last_input: Instant,
    /// The last window of the history, if any.
    history_end: Option<i64>,
    first_post: bool,
    warned_late: bool,
    /// A run of posts ahead that agreed among themselves has been said not to move the clock.
    warned_skew: bool,
    quiet: bool,
    /// `--keep-outliers`: posts dated on 1970-01-01 are counted as any other.
    keep_outliers: bool,
    /// The services' names, for the notes on stderr.
    matcher: &'static Matcher,
    alerts: [u64; 5],
    /// The reader's counts of lines and skips, as of its last post (for an interrupted run).
    reader_lines: u64,
    reader_skipped: [u64; crate::record::Skip::ALL.len()],
}

impl State {
    /// The state at the start of a run: the inputs of `cfg` go into `windows` (empty, or
    /// filled with the history up to `history_end`), alerts to `emit`.
    fn new(
        cfg: &WatchConfig,
        matcher: &'static Matcher,
        (windows, history_end): (Windows, Option<i64>),
        emit: Emit,
        stop: Arc<AtomicBool>,
    ) -> State {
        let width = windows.width;
        let mut monitor = Monitor::new(
            cfg.params.at_width(width),
            windows.services(),
            (cfg.horizon_s / width).max(1),
        );
        let mut clock = Clock::new(width, cfg.lateness);
        if let Some(h) = history_end {
            monitor.live_from(h + 1);
            clock.close_through(h);
        }
        let mut collector = Collector::with_windows(matcher, windows);
        collector.input_tz = cfg.scan.times.zone.or_utc();
        collector.range = crate::stream::outliers::TimeRange {
            since: cfg.scan.since,
            until: cfg.scan.until,
        };
        let quiet = cfg.scan.quiet;
        State {
            collector,
            clock,
            monitor,
            live: LiveCounts::default(),
            held: HeldPosts::default(),
            pending: false,
            went_back: 0,
            start: Vec::with_capacity(START),
            inputs: Inputs::default(),
            input: 0,
            far_ahead: FarAhead::new(cfg.scan.max_warnings, quiet),
            finished: false,
            emit,
            failed: None,
            stop,
            last_input: Instant::now(),
            history_end,
            first_post: true,
            warned_late: false,
            warned_skew: false,
            quiet,
            keep_outliers: cfg.scan.keep_outliers,
            matcher,
            alerts: [0; 5],
            reader_lines: 0,
            reader_skipped: Default::default(),
        }
    }

    /// Takes one post from the reader, read at line `line` of the current input, which came
    /// after `silent` of wall time without input.
    fn admit(&mut self, p: &Post<'_>, line: u64, silent: Duration) {
        let at = Origin {
            input: self.input,
            line,
        };
        self.admit_from(p, at, silent);
    }

    /// [`State::admit`] for a post read at `at`.
    fn admit_from(&mut self, p: &Post<'_>, at: Origin, silent: Duration) {
        if self.finished {
            return;
        }
        if self.collector.range.outside(p.time).is_some() {
            // Counted by reason (before_since, after_until) and kept out.
            self.collector.post(p);
            return;
        }
        if self.epoch_zero(p.time) {
            return;
        }
        if self.clock.now().is_none() && self.hold_start(p, at) {
            return;
        }
        let silent_s = i64::try_from(silent.as_secs()).unwrap_or(i64::MAX);
        match self.clock.judge(&self.collector.windows, p.time, silent_s) {
            Verdict::Late => self.late(p.time),
            Verdict::Ahead => {
                (self.held).push_run(Held::new(p, at), self.clock.lateness);
                match self.jump_to() {
                    // A jump commits once its run has gone on long enough; until then it is
                    // provisional: the run is held, and the windows it would close stay open.
                    Some((t, _)) if self.persisted() => {
                        self.pending = false;
                        self.went_back = 0;
                        self.clock.advance(t);
                        self.release_held();
                        self.close_due();
                    }
                    Some(_) => {
                        self.pending = true;
                        self.trim_held();
                    }
                    None => self.trim_held(),
                }
            }
            Verdict::Open if self.pending && self.went_back + 1 < CONFIRM => {
                // A straggler inside a provisional jump's run: counted where it falls; the run
                // stays provisional (only the old time resuming takes it out).
                self.went_back += 1;
                self.count(p);
            }
            Verdict::Open => {
                // The stream is still where the clock is: the posts held so far stay held
                // until the clock reaches them, and corroborate nothing; a run that made a
                // jump provisional is taken out (the old time resumed: the run was skewed).
                if self.pending {
                    self.take_back_run();
                } else if self.clock.corroborated(self.run_times().get()).is_some() {
                    self.note_skew(Unmoved::WentOn);
                }
                self.held.end_run();
                self.count(p);
            }
        }
    }

    /// Where the clock jumps to on the run of held posts that came one after another, if they
    /// may move it: they agree among themselves ([`Clock::corroborated`]), they are as many as
    /// the stream's own posts in its last hour ([`Clock::needed`]: the bulk of the stream moves
    /// the clock, a few skewed posts in a row do not; they wait, and the stream going on where
    /// it was shows them skewed), and they are not in the future of a stream that is not
    /// ([`Clock::beyond_wall`]).
    /// Also gives the latest of the run's posts ([`Clock::corroborated`]).
    fn jump_to(&mut self) -> Option<(Ts, Ts)> {
        let (t, last) = self.clock.corroborated(self.run_times().get())?;
        if self.held.run() < Clock::needed(self.recent()) {
            return None;
        }
        if self.clock.beyond_wall(t, wall_clock()) {
            self.note_skew(Unmoved::Wall);
            return None;
        }
        Some((t, last))
    }

    /// Whether the held run has gone on long enough to commit its jump ([`Clock::persisted`]:
    /// the in-order tail of its own time spans the jump, or the held posts fill
    /// [`PROVISIONAL_CAP`] or [`PROVISIONAL_BYTES`]).
    ///
    /// Only the run's in-order tail counts ([`crate::live::clock::in_order_span`]): one post
    /// far ahead just before a skewed run (an outlier of the run) must not make the run look an
    /// hour long at once. The tail and the bytes are kept as posts come ([`HeldPosts`]), so that
    /// this costs the same at the run's 4096th post as at its first (it walked the whole run,
    /// and summed every held post's bytes, at each post).
    ///
    /// A tail as many as needed whose newest post is dated now ([`Clock::at_wall`]) commits at
    /// once: the live stream after a backlog, not a skewed clock.
    fn persisted(&self) -> bool {
        let tail = self.held.tail(self.clock.lateness);
        let (span, now) = if tail.n >= Clock::needed(self.recent()) {
            (tail.span(), self.clock.at_wall(tail.hi, wall_clock()))
        } else {
            (0, false)
        };
        now || self.clock.persisted(self.held.len(), span) || self.held.bytes() >= PROVISIONAL_BYTES
    }

    /// The stream went back to its own time after a run that made a jump provisional: the
    /// run's posts are taken out (counted far ahead, named), and stderr says once why. The
    /// windows the jump would have closed never closed, so the stream's posts after it count.
    fn take_back_run(&mut self) {
        self.note_skew(Unmoved::WentBack);
        let run = self.held.take_run();
        self.pending = false;
        self.went_back = 0;
        for h in &run {
            self.keep_out(h);
        }
    }

    /// Keeps the held posts within their cap ([`PROVISIONAL_CAP`] while the run makes a jump
    /// provisional, else [`HOLD_CAP`]): the oldest beyond it are kept out for good
    /// (`far_ahead`, named).
    fn trim_held(&mut self) {
        let cap = if self.pending {
            PROVISIONAL_CAP
        } else {
            HOLD_CAP
        };
        while self.held.len() > cap {
            if let Some(oldest) = self.held.pop_oldest() {
                self.keep_out(&oldest);
            }
        }
    }

    /// The posts the stream counted in its last [`Clock::jump`] of time (its windows' totals).
    fn recent(&self) -> u64 {
        let Some(now) = self.clock.now() else {
            return 0;
        };
        let w = &self.collector.windows;
        let from = w.index(now.saturating_sub(self.clock.jump));
        w.totals()
            .range(from..=w.index(now))
            .map(|(_, &n)| u64::from(n))
            .sum()
    }

    /// Says once on stderr that a run of posts ahead that agreed among themselves did not move
    /// the clock, and why (the rest are counted in the summary: `far_ahead` for those the
    /// stream never reaches).
    fn note_skew(&mut self, why: Unmoved) {
        if self.warned_skew || self.quiet || self.held.run() == 0 {
            return;
        }
        self.warned_skew = true;
        let Some(first) = self.held.run_posts().next() else {
            return;
        };
        let need = Clock::needed(self.recent());
        let m = skewed_run(
            &self.inputs,
            first,
            self.held.run(),
            self.clock.now(),
            (why, need),
        );
        crate::eline!("{m}");
    }

    /// Keeps a post dated on 1970-01-01 (a zero or missing time read as one) out of the windows
    /// and counts it (`epoch_zero`), as `detect` does, unless `--keep-outliers`: the clock never
    /// sees it. (Before, a few such posts first started the clock in 1970, and the stream after
    /// them closed every window of the 39 years between, millions of them.)
    fn epoch_zero(&mut self, t: Ts) -> bool {
        if self.keep_outliers || !(0..EPOCH_DAY).contains(&t) {
            return false;
        }
        let st = &mut self.collector.stats;
        st.records += 1;
        st.outlier(Outlier::EpochZero);
        st.outlier_span = Some(
            st.outlier_span
                .map_or((t, t), |(a, b)| (a.min(t), b.max(t))),
        );
        true
    }

    /// Counts a post in an open window, moves the clock to it, counts the held posts it has
    /// reached, closes the windows it has passed, and looks for an onset its report makes.
    fn count(&mut self, p: &Post<'_>) {
        self.first_post(p.time);
        self.collector.post(p);
        let report = match self.collector.last_kind {
            Some((Kind::Report, svc)) => Some(svc),
            _ => None,
        };
        self.clock.advance(p.time);
        if !self.held.is_empty() {
            self.release_held();
        }
        self.close_due();
        if let Some(svc) = report {
            self.peek(svc, p.time);
        }
    }

    /// The clock's start, as robust as its middle: the first posts wait until there are
    /// [`START`] of them, then the clock starts at their median ([`State::begin`]). Returns
    /// whether `p` was kept here. (A first post skewed ahead started the clock on its own,
    /// closed every window before it and turned the whole stream into late posts; until issue
    /// 17's seventeenth pass the first waited only for the next, so two skewed alike still
    /// did.)
    fn hold_start(&mut self, p: &Post<'_>, at: Origin) -> bool {
        self.start.push(Held::new(p, at));
        if self.start.len() >= START {
            self.begin();
        }
        true
    }

    /// Starts the clock at the median of the first posts waiting ([`Clock::start_at`]): those
    /// more than the jump ahead of it are held as posts far ahead (counted once the stream
    /// reaches them, else `far_ahead`), the rest are counted in time order.
    fn begin(&mut self) {
        let mut first = std::mem::take(&mut self.start);
        first.sort_by_key(|h| h.post.time);
        let mut times: Vec<Ts> = first.iter().map(|h| h.post.time).collect();
        let Some(median) = Clock::start_at(&mut times) else {
            return;
        };
        for h in first {
            if self.clock.ahead_of_start(median, h.post.time) {
                self.hold(h);
            } else {
                self.count(&h.post);
            }
        }
    }

    /// Holds a post far ahead of the clock; beyond [`HOLD_CAP`] the oldest held is kept out
    /// for good (`far_ahead`, named).
    fn hold(&mut self, h: Held) {
        self.held.hold(h);
        self.trim_held();
    }

    /// Counts a held post the clock never reached as `far_ahead`, and names it on stderr.
    fn keep_out(&mut self, h: &Held) {
        self.live.far_ahead += 1;
        if let Some(m) = self.far_ahead.message(&self.inputs, h, self.clock.now()) {
            crate::eline!("{m}");
        }
    }

    /// Counts a post whose window has closed, and says so the first time.
    fn late(&mut self, t: Ts) {
        let idx = self.collector.windows.index(t);
        if self.history_end.is_some_and(|h| idx <= h) {
            self.live.in_history += 1;
            return;
        }
        self.live.late += 1;
        if !self.warned_late && !self.quiet {
            self.warned_late = true;
            let behind = self.clock.now().map_or(0, |n| n - t);
            crate::eline!(
                "outcry: warning: a post at {} came {} behind the stream, after its window closed (--max-lateness): late posts are counted, not added",
                rfc3339_utc(t),
                human_duration(behind.max(1))
            );
        }
    }

    /// The first live post: says when the history is too far back to help.
    fn first_post(&mut self, t: Ts) {
        if !self.first_post {
            return;
        }
        self.first_post = false;
        let w = &self.collector.windows;
        if let (Some(h), false) = (self.history_end, self.quiet) {
            let gap = t - w.end(h);
            if gap > SEGMENT_GAP_S {
                crate::eline!(
                    "outcry: warning: the --history ends {} before the stream starts: a silence of more than a week, so the detector starts afresh",
                    human_duration(gap)
                );
            }
        }
    }

    /// The times of the run of held posts that came one after another (see [`HeldPosts::run`]).
    /// Only the last [`CONFIRM`] are read ([`Clock::corroborated`]), so only they are copied,
    /// onto the stack: a stream of posts far ahead allocates nothing per post for this.
    fn run_times(&self) -> RunTimes {
        let n = self.held.run().min(CONFIRM);
        let mut times = [0; CONFIRM];
        for (t, h) in times
            .iter_mut()
            .zip(self.held.run_posts().skip(self.held.run() - n))
        {
            *t = h.post.time;
        }
        RunTimes { times, n }
    }

    /// Counts the held posts the clock has now reached (in the window open at the clock, or
    /// in one closed: late), so that every post counted is in a window the run closes.
    fn release_held(&mut self) {
        let Some(now) = self.clock.now() else {
            return;
        };
        let mut ready = self.held.release(now);
        ready.sort_by_key(|p| p.time);
        for p in &ready {
            match self.clock.judge(&self.collector.windows, p.time, 0) {
                Verdict::Late => self.late(p.time),
                // (the clock is past it already: it moves nothing)
                _ => self.collector.post(p),
            }
        }
    }

    /// Closes the windows the clock has passed by the lateness.
    fn close_due(&mut self) {
        if let Some(through) = self.clock.due(&self.collector.windows) {
            let as_of = self.clock.now().unwrap_or_default();
            self.close(through, as_of);
        }
    }

    /// A report for `svc` came into an open window: the onset alerts the detector is already
    /// sure of (see [`Monitor::peek`]).
    fn peek(&mut self, svc: usize, t: Ts) {
        let Some(now) = self.clock.now() else {
            return;
        };
        let w = &self.collector.windows;
        let alerts = self.monitor.peek(w, (svc, w.index(t)), w.index(now), now);
        for a in alerts {
            self.say(&a);
        }
    }

    /// Closes the windows up to `through` and says what the detector found.
    fn close(&mut self, through: i64, as_of: Ts) {
        let alerts = self
            .monitor
            .close(&mut self.collector.windows, through, as_of);
        self.clock.close_through(through);
        // The outlier rule's day tallies are not used live: an endless stream must not grow them.
        self.collector.days = Days::default();
        for a in alerts {
            self.say(&a);
        }
        for (svc, onset, recovery) in self.monitor.take_hindsight() {
            if !self.quiet {
                crate::eline!(
                    "outcry: watch: {}: the reports from {} to {} look like an outage only in hindsight ({} later, with the windows since): not announced",
                    self.matcher.services()[svc].id,
                    rfc3339_utc(onset),
                    rfc3339_utc(recovery),
                    human_duration((as_of - recovery).max(1))
                );
            }
        }
    }

    /// Hands an alert on.
    fn say(&mut self, a: &Alert) {
        let k = match a.event {
            Event::Onset => 0,
            Event::Update => 1,
            Event::Recovery => 2,
            Event::Unresolved => 3,
            Event::Reopened => 4,
        };
        self.alerts[k] += 1;
        if self.failed.is_some() {
            return;
        }
        if let Err(e) = (self.emit)(a) {
            self.failed = Some(e);
            self.stop.store(true, Ordering::SeqCst);
        }
    }

    /// A silence of `silent` wall time: closes the windows the clock, run on, has passed. The
    /// stream's first posts, fewer than [`START`] and waiting ([`State::hold_start`]), start
    /// the clock now, as more posts would have (before, a feed that sent one post and fell
    /// quiet counted nothing and closed no window until its next post), unless their median is
    /// dated more than the jump ahead of the wall clock: they may be the skewed ones the start
    /// rule is for, and still wait for more to say (a stream running wholly ahead, as Korean
    /// times read as UTC, starts with its [`START`]th post).
    fn idle(&mut self, silent: Duration) {
        if self.clock.now().is_none() && !self.start.is_empty() {
            let mut times: Vec<Ts> = self.start.iter().map(|h| h.post.time).collect();
            let median = Clock::start_at(&mut times).unwrap_or_default();
            if median <= wall_clock().saturating_add(self.clock.jump) {
                self.begin();
            }
        }
        let s = silent.as_secs() as i64;
        if let Some(through) = self.clock.due_idle(&self.collector.windows, s) {
            let as_of = self.clock.now().unwrap_or_default() + s;
            self.close(through, as_of);
        }
    }

    /// The end: the posts still held were never corroborated (`far_ahead`), but for a run of
    /// them at the end that may move the clock as during the stream ([`State::jump_to`]: the
    /// clock goes to the latest of its last posts; a skewed last post alone, or a few skewed
    /// ones, move nothing). The open windows close; incidents still under way are unresolved
    /// (see `Monitor::finish` for what `ended`, the input's end rather than a signal, changes).
    /// Posts the reader still hands on after this are dropped.
    fn finish(&mut self, ended: bool) {
        self.begin();
        self.finished = true;
        // Only a jump that has gone on long enough commits now: a provisional one (a skewed
        // run at the end of a replay, or in progress at a signal) must not close the windows
        // of an outage still going on and announce its recovery.
        if let Some((_, last)) = self.jump_to().filter(|_| self.persisted()) {
            self.clock.advance(last);
            self.release_held();
        } else if self.pending {
            self.note_skew(Unmoved::Ended);
        }
        for h in self.held.take_all() {
            self.keep_out(&h);
        }
        let as_of = self.clock.now().unwrap_or_default();
        if let Some(through) = self.clock.due_at_end(&self.collector.windows) {
            self.close(through, as_of);
        }
        for a in self.monitor.finish(as_of, ended) {
            self.say(&a);
        }
    }
}

/// The first day of the epoch, 1970-01-01 (UTC): a post dated on it is `epoch_zero`.
const EPOCH_DAY: Ts = 86_400;

/// The wall clock, in seconds since the epoch.
fn wall_clock() -> Ts {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn lock(m: &Mutex<State>) -> MutexGuard<'_, State> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// The reader thread's end of the state.
struct Feed {
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    stats: Stats,
}

impl Sink for Feed {
    fn stats(&mut self) -> &mut Stats {
        &mut self.stats
    }
    fn post(&mut self, line: u64, p: &Post<'_>) {
        let mut s = lock(&self.state);
        let silent = s.last_input.elapsed();
        s.last_input = Instant::now();
        s.reader_lines = self.stats.lines;
        s.reader_skipped = self.stats.skipped_by_reason;
        s.admit(p, line, silent);
    }
    fn input(&mut self, src: &crate::input::Source) {
        let mut s = lock(&self.state);
        s.input = s.inputs.opened(&src.name);
    }
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// Runs `outcry watch`: the inputs of `cfg` into `windows` (empty, or filled with the history
/// up to `history_end`), alerts to `emit`, until the end of input or a signal. The matcher
/// lives as long as the process: the reader thread may still be blocked on a read of standard
/// input when the run ends on a signal, and is left to the process's exit.
pub fn watch(
    cfg: &WatchConfig,
    matcher: &'static Matcher,
    windows: Windows,
    history_end: Option<i64>,
    emit: Emit,
) -> Result<Summary> {
    let stop = Arc::new(AtomicBool::new(false));
    let state = State::new(
        cfg,
        matcher,
        (windows, history_end),
        emit,
        Arc::clone(&stop),
    );
    let state = Arc::new(Mutex::new(state));
    signal::claim();
    let (done_tx, done_rx) = crossbeam_channel::bounded(1);
    let mut feed = Feed {
        state: Arc::clone(&state),
        stop: Arc::clone(&stop),
        stats: Stats::default(),
    };
    let scan = cfg.scan.clone();
    std::thread::spawn(move || {
        let r = sequential::read(&scan, &mut feed);
        let _ = done_tx.send((r, feed.stats));
    });
    let tick = (cfg.idle_flush / 4).clamp(Duration::from_millis(10), Duration::from_millis(250));
    let mut summary = Summary::default();
    let mut read = None;
    loop {
        match done_rx.recv_timeout(tick) {
            Ok(r) => {
                read = Some(r);
                break;
            }
            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => break,
            Err(crossbeam_channel::RecvTimeoutError::Timeout) => {}
        }
        if signal::raised() {
            summary.interrupted = true;
            stop.store(true, Ordering::SeqCst); // (the reader stops at its next post)
            break;
        }
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let mut s = lock(&state);
        let silent = s.last_input.elapsed();
        if silent >= cfg.idle_flush {
            s.idle(silent);
        }
    }
    let mut s = lock(&state);
    s.finish(!summary.interrupted);
    let mut stats = match read {
        Some((Err(e), _)) => return Err(e),
        Some((Ok(()), stats)) => stats,
        // Interrupted: the reader's counts as of its last post.
        None => Stats {
            inputs: 1,
            lines: s.reader_lines,
            skipped_by_reason: s.reader_skipped,
            ..Stats::default()
        },
    };
    add_collected(&mut stats, &s.collector.stats);
    // Posts kept out by the live clock were read all the same.
    stats.records += s.live.late + s.live.in_history + s.live.far_ahead;
    if let Some(e) = s.failed.take() {
        return Err(e.into());
    }
    summary.stats = stats;
    summary.live = s.live.clone();
    summary.monitor = s.monitor.stats.clone();
    summary.alerts = s.alerts;
    summary.stream_end = s.clock.now();
    Ok(summary)
}

/// Adds what the collector counted (records and their verdicts, those kept out by
/// `--since`/`--until`) to the reader's counts (inputs, lines, skips, bytes).
fn add_collected(stats: &mut Stats, c: &Stats) {
    stats.records += c.records;
    for (a, b) in stats.records_by_kind.iter_mut().zip(c.records_by_kind) {
        *a += b;
    }
    stats.mentions += c.mentions;
    stats.reports += c.reports;
    stats.recoveries += c.recoveries;
    stats.works_for_me += c.works_for_me;
    for (a, b) in stats
        .outliers_by_reason
        .iter_mut()
        .zip(c.outliers_by_reason)
    {
        *a += b;
    }
    // (the span of both: the stats may hold one of their own)
    stats.outlier_span = match (stats.outlier_span, c.outlier_span) {
        (Some((a, b)), Some((x, y))) => Some((a.min(x), b.max(y))),
        (mine, None) => mine,
        (None, theirs) => theirs,
    };
}
