//! Incremental detection: each time windows close, the batch detector itself
//! ([`crate::detect::detect_until`]) runs on the windows closed so far, and what it finds is set
//! against what was already announced, to make the alerts.
//!
//! * **Onset**: an incident the detector finds whose windows reach into the live stream and that
//!   no alert has announced yet. The detector is sure once its rules hold: a spike (one window
//!   of `min_reports` voices, or in a sparse run the run summed from its start) and a second
//!   busy window (or one beyond doubt; at sparse windows the busy one just after the run, its
//!   spill, counts), and 10 nats of evidence. Counts only grow while a window
//!   is open and the verdicts only harden as they grow, so the detector also looks between
//!   closes, with the open windows' counts so far ([`Monitor::peek`], after a report that could
//!   tip a window): the alert comes with the report that makes it sure, not `--max-lateness`
//!   after the window's end. Where the rules need more windows (a slow outage's first windows
//!   with one or two voices each carry too little evidence until a few of them are in), the
//!   alert waits for them, as `detect` would.
//! * **Update**: the peak grew materially: the busiest window now holds at least
//!   [`UPDATE_GROWTH`] times the reports of the busiest one announced before (and at least
//!   `min_reports` more). So an incident makes at most a handful of updates, each a doubling.
//! * **Recovery**: the detector places a recovery (its `merge_gap` quiet windows have closed
//!   after the last elevated window, so nothing more can join the run; the recovery posts
//!   only place it), once it is settled: while "it's back" posts still to come could make the
//!   outage's tail a degraded one (its reports above normal in sum, no recovery posts yet,
//!   fewer than `tail_windows` windows past the run; or found normal only against the chatter
//!   level the live edge reads for the tail, not against the chatter seen since the run), it is
//!   held back, so that it is announced once, where `detect` places it ([`settled_recovery`]).
//!   Since issue 17's fourteenth pass, one that "it's back" posts place is announced before the
//!   run is settled, once the windows after its last elevated one fell silent beyond doubt
//!   under the outage's own rate ([`Monitor::fell_silent`]); a window of stragglers the
//!   detector joins afterwards while still ending the outage there does not reopen it.
//!   Withdrawn: an announced incident that
//!   the detector, with the windows closed since, no longer finds at all once `merge_gap`
//!   windows have closed after its last elevated window (the refitted baseline explains it);
//!   also after its recovery was announced, up to the close `tail_windows` past its last
//!   elevated window: until then the verdict is not settled (a window's chatter level is read
//!   an hour either side of it), and a marginal one (an office's morning rise about at the
//!   evidence rule's 10 nats) may be no outage once that hour is in. Later runs no longer
//!   withdraw it: by then only a refitted level or profile moves the verdict, no news.
//! * **The onset** in an alert after the first is the detector's as it now places it (issue 17's
//!   eighteenth pass; before, every alert kept the onset its onset alert gave): at narrow
//!   windows the detector moves an onset by several windows once the hour after the first
//!   reports is in (the Gmail fixture at `1m`: 09:28:47 in the onset alert, `detect`'s 09:30:36
//!   from the close of 10:13 on), and an `update` or `recovery` is what a user reads the
//!   outage's span from. The onset alert itself stays as sent. An incident announced from
//!   where its reports came back (a return after a withdrawn or hidden one, whose detector view
//!   reaches back into the earlier one) keeps the onset it was announced with.
//! * **Reopened**: an incident whose reports come back after its recovery was announced, when
//!   the detector joins the new reports to it (the gap was at most `merge_gap` windows, or at
//!   most `tail_windows` with its reports still above normal in sum: what `detect` bridges on
//!   the whole input). The recovery is taken back; the same incident goes on, and its next
//!   recovery ends it. A return the detector does not join is a new incident.
//! * **Found in hindsight**: an incident the detector first finds when it is over and a run at
//!   an earlier close had already seen its windows and `tail_windows` after them (later
//!   windows moved the expectation of its time: a first day's usual level learnt from the
//!   evening, when an office's working hours all look raised) is not announced: counted, and
//!   handed to the caller to mention ([`Monitor::take_hindsight`]); when the detector later
//!   joins more reports to it, it grows (one incident), announced only if it becomes news. So
//!   that such an earlier run exists, the detector also runs for a service at the close that
//!   takes it `tail_windows` past its last report ([`Monitor::settles`]). While the usual level
//!   is not known (the first day without `--history`), an incident first found over whose
//!   recovery an earlier close could already place is found in hindsight too: the quietest
//!   quarter so far only falls as the day goes on.
//! * **Unresolved**, at the end: every incident still under way.
//!
//! The detector runs for a service when a window with its reports closes, or while one of its
//! incidents is under way: an incident's last window is elevated, so it holds reports; once
//! more at the close `tail_windows` past its last report (the verdict on those reports then
//! settled); and between closes, on a report into an open window that could tip it, while
//! none is under way (one whose recovery is held back is not: a next outage the detector keeps
//! apart from it is announced between closes too).
//! Memory stays bounded: windows older than the horizon are forgotten, closed windows keep only a
//! count of their voices, and windows more than a day old drop their sample posts unless an
//! incident under way reaches back to them.

use super::alert::{Alert, Event};
use crate::detect::{detect_until, poisson_sf, Incident, Params};
use crate::lexicon::Kind;
use crate::time::Ts;
use crate::window::Windows;

/// An update is announced when the peak reaches this many times the one announced before.
pub const UPDATE_GROWTH: u32 = 2;
/// Closed windows keep their sample posts (evidence, recovery posts, quoted times) this long.
pub const EVIDENCE_KEEP_S: i64 = 86_400;
/// Between closes, the detector looks again at every new voice in an open window up to this
/// many, then at each quarter more (see [`Monitor::peek`]).
pub const PEEK_EVERY_UP_TO: u32 = 8;
/// Windows after an incident's last elevated one that must have closed quiet before the
/// recovery its "it's back" posts place is announced, while the detector would still join an
/// elevated window within `merge_gap` (see [`Monitor::recovery_to_announce`]).
pub const TOLD_AFTER: i64 = 1;
/// How unlikely the quiet after an outage must be under its own rate for its "it's back" posts
/// to be announced before the detector settles the run (see [`Monitor::fell_silent`]).
pub const TOLD_ALPHA: f64 = 0.01;
/// The outage's last windows whose mean report count is its rate there.
pub const TOLD_RATE_WINDOWS: i64 = 3;

/// An incident already announced.
#[derive(Debug, Clone)]
struct Tracked {
    /// Its number in the alerts; 0 for one found only in hindsight, never announced.
    number: u64,
    /// Its first and last elevated window, as last seen.
    first: i64,
    last: i64,
    /// The peak (reports in the busiest window) last announced, and that window's start.
    peak: u32,
    peak_at: Ts,
    /// The onset its onset alert gave.
    onset: Ts,
    /// Whether that onset was the detector's own (not a return's first report): then its later
    /// alerts carry the detector's onset as it now places it ([`Tracked::onset_now`]).
    follows: bool,
    recovered: bool,
    /// The recovery last announced for it, if any.
    said: Option<Ts>,
    /// Its last elevated window when that recovery was announced: a return is looked for after
    /// it (`last` also grows by windows the detector still ends at the recovery announced).
    said_last: i64,
    /// Withdrawn: the detector no longer found it (under way, or within `tail_windows` of its
    /// last window after its recovery was announced).
    withdrawn: bool,
    /// The detector's last view of it.
    seen: Incident,
}

impl Tracked {
    /// The onset its next alert gives: the detector's latest view of it, unless it was
    /// announced from where its reports came back (see `follows`).
    fn onset_now(&self) -> Ts {
        if self.follows {
            self.seen.onset
        } else {
            self.onset
        }
    }

    /// Marks it withdrawn (and so over) and gives the alert that says so: a recovery at its last
    /// window's end with `withdrawn: true`, carrying `detail`.
    fn withdraw(&mut self, w: &Windows, svc: usize, as_of: Ts, detail: Incident) -> Alert {
        self.recovered = true;
        self.withdrawn = true;
        Alert {
            event: Event::Recovery,
            incident: self.number,
            service: svc,
            time: w.end(self.last),
            onset: self.onset_now(),
            as_of,
            withdrawn: true,
            detail,
        }
    }
}

/// What the monitor did, for the run's summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MonitorStats {
    /// Times the detector ran (for one or more services).
    pub detections: u64,
    /// Windows closed.
    pub windows_closed: u64,
    /// Times the detector looked at a service between closes, with open windows
    /// ([`Monitor::peek`]).
    pub peeks: u64,
    /// Incidents found only in hindsight, not announced (see [`Monitor::close`]).
    pub hindsight: u64,
}

/// The live detector's state: what was announced, which windows are closed.
#[derive(Debug, Clone)]
pub struct Monitor {
    params: Params,
    /// Windows kept, counting back from the last closed one.
    horizon: i64,
    /// The first window of the live stream: incidents that end before it (in the history) are
    /// never announced.
    live_from: Option<i64>,
    closed: Option<i64>,
    /// Windows before this one have dropped their sample posts.
    stripped: Option<i64>,
    tracked: Vec<Vec<Tracked>>,
    /// Per service: the open window the detector last looked at between closes, and its
    /// voices then.
    peeked: Vec<Option<(i64, u32)>>,
    /// Per service: the last window closed when the detector last ran at a close.
    last_run: Vec<Option<i64>>,
    /// Per service: the last closed window that held reports.
    last_report: Vec<Option<i64>>,
    /// The last window closed before the close under way.
    closed_before: Option<i64>,
    /// Incidents found in hindsight since [`Monitor::take_hindsight`] was last called:
    /// (service, onset, recovery).
    hindsight: Vec<(usize, Ts, Ts)>,
    next_number: u64,
    pub stats: MonitorStats,
}

impl Monitor {
    /// A monitor for `services` services, keeping `horizon` windows.
    pub fn new(params: Params, services: usize, horizon: i64) -> Monitor {
        Monitor {
            params,
            horizon: horizon.max(1),
            live_from: None,
            closed: None,
            stripped: None,
            tracked: vec![vec![]; services],
            peeked: vec![None; services],
            last_run: vec![None; services],
            last_report: vec![None; services],
            closed_before: None,
            hindsight: vec![],
            next_number: 1,
            stats: MonitorStats::default(),
        }
    }

    /// The windows before `idx` are history: they teach the baseline, their incidents are not
    /// announced.
    pub fn live_from(&mut self, idx: i64) {
        self.live_from = Some(idx);
        self.closed = Some(self.closed.map_or(idx - 1, |c| c.max(idx - 1)));
    }

    /// The incidents found only in hindsight (not announced) since the last call: (service,
    /// onset, recovery), for the caller to mention.
    pub fn take_hindsight(&mut self) -> Vec<(usize, Ts, Ts)> {
        std::mem::take(&mut self.hindsight)
    }

    /// The last window closed.
    pub fn closed(&self) -> Option<i64> {
        self.closed
    }

    /// Whether an announced incident of `svc` is under way.
    fn open(&self, svc: usize) -> bool {
        self.tracked[svc].iter().any(|t| !t.recovered)
    }

    /// Whether an announced incident of `svc` is under way with no recovery placed yet: one
    /// whose recovery the detector places but holds back (see [`settled_recovery`]) is over as
    /// far as a new outage goes. Its reports have ended, and the service's next incident, which
    /// the detector keeps apart, cuts its tail (issue 17's twelfth pass: [`Monitor::peek`]
    /// looked only at services with nothing announced open, so such an onset waited for the
    /// close).
    fn under_way(&self, svc: usize) -> bool {
        self.tracked[svc]
            .iter()
            .any(|t| !t.recovered && t.seen.recovery.is_none())
    }

    /// Incidents under way.
    pub fn open_incidents(&self) -> usize {
        self.tracked
            .iter()
            .flatten()
            .filter(|t| !t.recovered)
            .count()
    }

    /// Closes the windows of `w` up to `through` (the stream's time is `as_of`), runs the
    /// detector where it can have news, and returns the alerts.
    pub fn close(&mut self, w: &mut Windows, through: i64, as_of: Ts) -> Vec<Alert> {
        let from = match self.closed {
            Some(c) if through <= c => return vec![],
            Some(c) => c + 1,
            None => w.span_windows().map_or(through, |(a, _)| a.min(through)),
        };
        if self.live_from.is_none() {
            self.live_from = Some(from);
        }
        let mut wanted = vec![false; w.services()];
        for (svc, want) in wanted.iter_mut().enumerate() {
            let reported = w
                .cells(svc)
                .range(from..=through)
                .rev()
                .find(|(_, c)| c.reports > 0)
                .map(|(&k, _)| k);
            *want = self.open(svc) || reported.is_some() || self.settles(svc, from..=through);
            if reported.is_some() {
                self.last_report[svc] = reported;
            }
        }
        self.stats.windows_closed += (through - from + 1).max(0) as u64;
        w.settle(from..=through, true);
        self.closed_before = self.closed;
        self.closed = Some(through);
        self.forget(w, through);
        if !wanted.iter().any(|&x| x) {
            return vec![];
        }
        self.stats.detections += 1;
        let found = detect_until(w, &self.params, through, |s| wanted[s]);
        let mut alerts = vec![];
        for (svc, _) in wanted.iter().enumerate().filter(|(_, &x)| x) {
            // The recovery told by the posts is announced only after a quiet beyond doubt;
            // as told, it still says whether a grown run moved it (see `reconcile`).
            let mine: Vec<(Incident, Option<Ts>)> = found
                .iter()
                .filter(|i| i.service == svc)
                .map(|i| {
                    let mut vetted = i.clone();
                    if !self.fell_silent(w, svc, i) {
                        vetted.recovery_told = None;
                    }
                    (vetted, i.recovery_told)
                })
                .collect();
            self.reconcile(w, svc, &mine, (through, as_of), &mut alerts);
            self.last_run[svc] = Some(through);
        }
        for a in alerts.iter_mut() {
            with_recovery_posts(w, a, (self.params.merge_gap, through));
        }
        alerts
    }

    /// Whether the windows `closing` take the service `svc` to `tail_windows` past its last
    /// window with reports (the detector last ran for it at an earlier close, so not since): a
    /// run then gives the last verdict on those reports that nothing new can change but the
    /// expectation (the chatter level of a window is read an hour either side of it). An
    /// incident it finds there is announced then (late, but as soon as it is settled: on the
    /// fourth held-out draw an office's evening false alarm, `detect`'s too, waited two hours
    /// for the service's next report); one found only later is found in hindsight (see
    /// [`Monitor::begin`]), as it is when the detector ran for the service's reports since.
    fn settles(&self, svc: usize, closing: std::ops::RangeInclusive<i64>) -> bool {
        let Some(r) = self.last_report[svc] else {
            return false;
        };
        let due = r + self.params.tail_windows + 1;
        closing.contains(&due)
    }

    /// Between closes: looks at `svc` with the windows after the last closed one, up to
    /// `open_through`, still open, and returns the onset alerts the detector is already sure
    /// of. An open window's count can only grow (a straggler adds to it, nothing takes away),
    /// and the test's verdicts only harden as a count grows: a window that is a spike with the
    /// reports it has so far is one whatever else comes, a run that passes the run-length and
    /// evidence rules passes them with more. So where the detector, on the windows closed so
    /// far and the open ones' counts so far, finds an incident reaching into the open windows
    /// that nothing announced, its onset is announced now instead of when the window closes
    /// (`--max-lateness` after its end). Only new onsets: a growth, a recovery or a withdrawal
    /// waits for the windows to close, as a quiet open window may still fill. The expectation
    /// itself moves a little as the open windows' chatter comes in; the next close sets the
    /// incident right (`follow`, or withdrawn when the detector no longer finds it).
    ///
    /// `idx` is the window the report came into. The detector runs again only when that
    /// window's voices could tip it (see [`Monitor::worth_a_peek`]), and only for a service
    /// with no announced incident under way ([`Monitor::under_way`]: one whose recovery is held
    /// back does not count; a new incident the detector keeps apart from it is announced).
    pub fn peek(
        &mut self,
        w: &Windows,
        (svc, idx): (usize, i64),
        open_through: i64,
        as_of: Ts,
    ) -> Vec<Alert> {
        let Some(closed) = self.closed else {
            return vec![];
        };
        if open_through <= closed || idx <= closed || self.under_way(svc) {
            return vec![];
        }
        if !self.worth_a_peek(w, svc, idx, closed) {
            return vec![];
        }
        self.stats.peeks += 1;
        let found = detect_until(w, &self.params, open_through, |s| s == svc);
        let live_from = self.live_from.unwrap_or(i64::MIN);
        let mut alerts = vec![];
        for mut inc in found
            .into_iter()
            .filter(|i| i.service == svc && i.last_window > closed && i.last_window >= live_from)
        {
            if inc.recovery.is_some() {
                continue;
            }
            // Open windows are no quiet after it (see `Monitor::fell_silent`).
            inc.recovery_told = None;
            // One that the detector joins to an incident whose recovery was announced waits
            // for the close: whether it is a return or the same outage's tail is the recovery
            // rule's to say, and that needs the closed windows.
            let overlaps = |t: &Tracked| t.first <= inc.last_window && inc.first_window <= t.last;
            if !self.tracked[svc].iter().any(overlaps) {
                self.announce(svc, inc.clone(), inc.onset, as_of, &mut alerts);
            }
        }
        alerts
    }

    /// Whether the open window `idx` of `svc` (the last closed window: `closed`) is worth
    /// running the detector for, to keep its cost near one run per close on a busy service: the
    /// window must hold at least the elevated ratio of the past hour's median window (a window no
    /// busier than usual is not unusual unless the expectation fell below the hour's usual
    /// level; such a window waits for its close), and, after a look at the same window, a
    /// quarter more voices (every one up to [`PEEK_EVERY_UP_TO`]). A look skipped only leaves
    /// the onset to a later look or to the close.
    fn worth_a_peek(&mut self, w: &Windows, svc: usize, idx: i64, closed: i64) -> bool {
        let cells = w.cells(svc);
        let voices = cells.get(&idx).map_or(0, |c| c.distinct_reports());
        let hour = (3600 / w.width.max(1)).max(1);
        let mut past: Vec<u32> = (closed - hour + 1..=closed)
            .map(|k| cells.get(&k).map_or(0, |c| c.distinct_reports()))
            .collect();
        past.sort_unstable();
        let usual = f64::from(past[past.len() / 2]);
        if f64::from(voices) < self.params.elevated_ratio() * usual {
            return false;
        }
        if let Some((_, seen)) = self.peeked[svc].filter(|&(at, _)| at == idx) {
            let next = if seen < PEEK_EVERY_UP_TO {
                seen + 1
            } else {
                seen + seen / 4
            };
            if voices < next {
                return false;
            }
        }
        self.peeked[svc] = Some((idx, voices));
        true
    }

    /// Forgets the windows before the horizon, and the incidents over before it (no incident
    /// the detector finds can overlap them again: it sees only the windows kept); drops the
    /// sample posts of windows older than [`EVIDENCE_KEEP_S`] that no incident under way reaches
    /// back to.
    fn forget(&mut self, w: &mut Windows, through: i64) {
        let first_kept = through - self.horizon + 1;
        w.forget_before(first_kept);
        for tracked in &mut self.tracked {
            tracked.retain(|t| !t.recovered || t.last >= first_kept);
        }
        let keep = (EVIDENCE_KEEP_S / w.width.max(1)).max(2 * self.params.tail_windows + 2);
        let under_way = self
            .tracked
            .iter()
            .flatten()
            .filter(|t| !t.recovered)
            .map(|t| t.first - self.params.tail_windows);
        let strip_to = under_way.fold(through - keep, i64::min);
        let strip_from = self.stripped.unwrap_or(i64::MIN);
        if strip_to > strip_from {
            w.settle(strip_from..=strip_to - 1, false);
            self.stripped = Some(strip_to);
        }
    }

    /// Sets the incidents the detector found for `svc` against those announced, pushing the
    /// alerts to make: each with the recovery its "it's back" posts place while its run could
    /// still grow (`Incident::recovery_told` before [`Monitor::fell_silent`] vetted it).
    /// `(through, as_of)`: the last window closed and the stream's time.
    fn reconcile(
        &mut self,
        w: &Windows,
        svc: usize,
        found: &[(Incident, Option<Ts>)],
        (through, as_of): (i64, Ts),
        alerts: &mut Vec<Alert>,
    ) {
        let live_from = self.live_from.unwrap_or(i64::MIN);
        let mut matched = vec![false; self.tracked[svc].len()];
        for (inc, told) in found.iter().filter(|(i, _)| i.last_window >= live_from) {
            let overlaps = |t: &Tracked| t.first <= inc.last_window && inc.first_window <= t.last;
            let tracked = &self.tracked[svc];
            // The one under way, else the latest recovered one (an outage that came back
            // after its recovery was announced is compared with its latest return, not its
            // first appearance: else each later pass would announce the return again), one
            // not withdrawn first (a return folded into an earlier one: see `fold`).
            let k = tracked
                .iter()
                .position(|t| !t.recovered && overlaps(t))
                .or_else(|| tracked.iter().rposition(|t| overlaps(t) && !t.withdrawn))
                .or_else(|| tracked.iter().rposition(overlaps));
            match k {
                None => self.begin((svc, None), inc, inc.onset, as_of, alerts),
                Some(k) if !self.tracked[svc][k].recovered => {
                    matched[k] = true;
                    if let Some(j) = self.fold(w, svc, k, inc, as_of, alerts) {
                        matched[j] = true;
                    }
                }
                Some(k) => {
                    matched[k] = true;
                    self.returned(w, (svc, k), (inc, *told), as_of, alerts);
                }
            }
        }
        matched.resize(self.tracked[svc].len(), true);
        // Announced and no longer found: still open, once it would have been over anyway; or
        // recovered, while its verdict is not yet settled (see `unsettled`).
        let (gap, tail) = (self.params.merge_gap, self.params.tail_windows);
        for (k, t) in self.tracked[svc].iter_mut().enumerate() {
            let gone = !t.recovered && through > t.last + gap;
            let unsettled = t.recovered && t.number > 0 && through <= t.last + tail + 1;
            if !matched[k] && !t.withdrawn && (gone || unsettled) {
                let detail = t.seen.clone();
                alerts.push(t.withdraw(w, svc, as_of, detail));
            }
        }
    }

    /// The detector's view `inc` (with the recovery its "it's back" posts place, `told`) of
    /// the recovered incident `self.tracked[svc][k]` (see [`Monitor::reconcile`]).
    fn returned(
        &mut self,
        w: &Windows,
        (svc, k): (usize, usize),
        (inc, told): (&Incident, Option<Ts>),
        as_of: Ts,
        alerts: &mut Vec<Alert>,
    ) {
        // Recovered already, and the detector joins reports after the announced
        // recovery to it: the gap was short enough and still above normal in sum
        // to be the same outage (as `detect` bridges it on the whole input), so
        // the recovery is taken back and the incident goes on.
        // When the detector places the joined incident's recovery already, only a
        // return past the quiet stretch that ended it counts (not a window at the
        // old end that a refit found elevated after all).
        // A return after one found in hindsight is a new incident: nothing was
        // announced to reopen. So is a return after a withdrawn one: its readers
        // were told there was no outage there after all.
        // A run grown by windows after the recovery announced, which the
        // detector still ends there (stragglers after the "it's back" posts
        // that placed it early: see `Monitor::fell_silent`), is the same outage,
        // over as said: followed silently.
        let t = &self.tracked[svc][k];
        let (last, said) = (t.last, t.said.filter(|_| !t.withdrawn));
        // The return starts after the run the recovery was announced on: windows
        // followed silently since (the detector still ending the run there) may be
        // the return's first (it was placed a window late).
        let since = if t.said.is_some() { t.said_last } else { last };
        let beyond = inc.recovery.map_or(last, |_| last + self.params.merge_gap);
        let placed = settled_recovery(inc).or(told);
        if said.is_some() && placed == said {
            let t = &mut self.tracked[svc][k];
            t.last = t.last.max(inc.last_window);
            t.seen = inc.clone();
        } else if inc.last_window > beyond {
            let back = relapse_onset(w, svc, since + 1).max(inc.onset);
            if self.tracked[svc][k].withdrawn {
                self.begin((svc, None), inc, back, as_of, alerts);
            } else if self.tracked[svc][k].number == 0 {
                self.begin((svc, Some(k)), inc, back, as_of, alerts);
            } else {
                self.reopen(svc, k, inc, (back, as_of), alerts);
            }
        }
    }

    /// A new incident of `svc` (its onset `onset`): announced, unless the detector finds it only
    /// in hindsight: over (its recovery placed) and already `tail_windows` past its last window
    /// when the detector last ran for the service at a close, which did not find it then; or,
    /// while the usual level is not known, over and `merge_gap` past its last window at an
    /// earlier close (on the first day the level is the quietest quarter so far, which falls as
    /// the day goes on: `fresh2-office-0`'s gmail on its first morning was found 41 minutes
    /// after its end, when the level fell, and `detect` on the fortnight finds nothing). Such
    /// an incident appears only because later windows moved the expectation of its time (a
    /// first day's usual level learnt from its quiet evening, a profile learnt since); it is
    /// no news to alert on, and is counted instead ([`MonitorStats::hindsight`]), remembered so
    /// that later passes do not count it again.
    /// `hidden`: the entry of one found in hindsight that the detector now joins to `inc`; it
    /// grows with it (one incident, counted once) unless `inc` is news.
    fn begin(
        &mut self,
        (svc, hidden): (usize, Option<usize>),
        inc: &Incident,
        onset: Ts,
        as_of: Ts,
        out: &mut Vec<Alert>,
    ) {
        let seen_past = self.last_run[svc]
            .is_some_and(|r| inc.last_window + self.params.tail_windows < r)
            || (!inc.usual_level_known
                && self
                    .closed_before
                    .is_some_and(|c| inc.last_window + self.params.merge_gap <= c));
        if inc.recovery.is_none() || !seen_past {
            self.announce(svc, inc.clone(), onset, as_of, out);
            return;
        }
        if let Some(k) = hidden {
            let t = &mut self.tracked[svc][k];
            t.first = t.first.min(inc.first_window);
            t.last = t.last.max(inc.last_window);
            t.seen = inc.clone();
            return;
        }
        self.stats.hindsight += 1;
        if let Some(r) = inc.recovery {
            self.hindsight.push((svc, inc.onset, r));
        }
        self.tracked[svc].push(Tracked {
            number: 0,
            first: inc.first_window,
            last: inc.last_window,
            peak: inc.peak_reports,
            peak_at: inc.peak,
            onset: inc.onset,
            follows: true,
            recovered: true,
            said: None,
            said_last: inc.last_window,
            withdrawn: false,
            seen: inc.clone(),
        });
    }

    /// Announces a new incident of `svc` (its onset `onset`), and its recovery at once when the
    /// detector already places one (found late).
    fn announce(&mut self, svc: usize, inc: Incident, onset: Ts, as_of: Ts, out: &mut Vec<Alert>) {
        let number = self.next_number;
        self.next_number += 1;
        let alert = |event, time| Alert {
            event,
            incident: number,
            service: svc,
            time,
            onset,
            as_of,
            withdrawn: false,
            detail: inc.clone(),
        };
        out.push(alert(Event::Onset, onset));
        let recovery = Self::recovery_to_announce(&inc);
        if let Some(r) = recovery {
            out.push(alert(Event::Recovery, r));
        }
        self.tracked[svc].push(Tracked {
            number,
            first: inc.first_window,
            last: inc.last_window,
            peak: inc.peak_reports,
            peak_at: inc.peak,
            onset,
            follows: onset == inc.onset,
            recovered: recovery.is_some(),
            said: recovery,
            said_last: inc.last_window,
            withdrawn: false,
            seen: inc,
        });
    }

    /// Reopens the recovered incident `self.tracked[svc][k]`: its reports came back from `back`
    /// and the detector's view `inc` joins them to it. Then follows it as under way (its
    /// growth, and its recovery at once when the detector already places one).
    fn reopen(
        &mut self,
        svc: usize,
        k: usize,
        inc: &Incident,
        (back, as_of): (Ts, Ts),
        out: &mut Vec<Alert>,
    ) {
        let t = &mut self.tracked[svc][k];
        t.recovered = false;
        out.push(Alert {
            event: Event::Reopened,
            incident: t.number,
            service: svc,
            time: back,
            onset: if t.follows { inc.onset } else { t.onset },
            as_of,
            withdrawn: false,
            detail: inc.clone(),
        });
        self.follow(svc, k, inc, as_of, out);
    }

    /// Follows the incident under way `self.tracked[svc][k]` to the detector's view `inc`,
    /// unless `inc` also covers an earlier announced one `j` (returned, when so), typically
    /// one whose recovery was announced: one outage after all. Since issue 17's
    /// thirteenth pass a pause at a sparse outage's start joins once the return after it is
    /// four times as long (`fresh10-early-4`: two windows of reports, a pause of four, two
    /// hours more; watch announced the burst and its recovery, then the return as a new
    /// incident, and when `detect` joined them it kept following the return with its own
    /// onset, so neither matched). Now the earlier one is reopened from the return's first
    /// report and goes on as the joined outage, and the return's own incident is withdrawn
    /// (`withdrawn: true`: not an outage of its own), so the outage's alerts end as `detect`
    /// places it.
    fn fold(
        &mut self,
        w: &Windows,
        svc: usize,
        k: usize,
        inc: &Incident,
        as_of: Ts,
        out: &mut Vec<Alert>,
    ) -> Option<usize> {
        let overlaps = |t: &Tracked| t.first <= inc.last_window && inc.first_window <= t.last;
        let Some(j) = self.tracked[svc][..k]
            .iter()
            .rposition(|t| overlaps(t) && t.number > 0 && !t.withdrawn)
        else {
            self.follow(svc, k, inc, as_of, out);
            return None;
        };
        out.push(self.tracked[svc][k].withdraw(w, svc, as_of, inc.clone()));
        let back = self.tracked[svc][k].onset;
        // `j` is recovered: `reconcile` took the first incident under way that `inc` overlaps
        // as `k`, so one before it that `inc` overlaps is over (a branch that followed it as
        // under way could not run: the review of the thirteenth pass).
        debug_assert!(self.tracked[svc][j].recovered);
        self.reopen(svc, j, inc, (back, as_of), out);
        Some(j)
    }

    /// Follows an announced incident under way (`self.tracked[svc][k]`) to its new view `inc`.
    /// Its alerts give the onset as `inc` places it ([`Tracked::onset_now`]): a later run's
    /// onset differs when the refitted expectation judges the windows just before the run
    /// otherwise, most at narrow windows once the hour after the first reports is in.
    fn follow(&mut self, svc: usize, k: usize, inc: &Incident, as_of: Ts, out: &mut Vec<Alert>) {
        let min_more = self.params.min_reports;
        let told = Self::recovery_to_announce(inc);
        let t = &mut self.tracked[svc][k];
        t.first = t.first.min(inc.first_window);
        t.last = t.last.max(inc.last_window);
        t.seen = inc.clone();
        let onset = t.onset_now();
        let alert = |event, time| Alert {
            event,
            incident: t.number,
            service: svc,
            time,
            onset,
            as_of,
            withdrawn: false,
            detail: inc.clone(),
        };
        if inc.peak == t.peak_at {
            // The window announced as the peak filled in after an onset announced while it
            // was open (see `Monitor::peek`): the same peak, not a growth.
            t.peak = t.peak.max(inc.peak_reports);
        }
        let grew =
            inc.peak_reports >= UPDATE_GROWTH * t.peak && inc.peak_reports >= t.peak + min_more;
        if grew && inc.recovery.is_none() {
            out.push(alert(Event::Update, inc.peak));
            t.peak = inc.peak_reports;
            t.peak_at = inc.peak;
        }
        if let Some(r) = told {
            out.push(alert(Event::Recovery, r));
            t.recovered = true;
            t.said = Some(r);
            t.said_last = t.last;
        }
    }

    /// The recovery of `inc` to announce now: the detector's once it is settled
    /// ([`settled_recovery`]), or, while its run could still grow (fewer than `merge_gap`
    /// windows closed after its last elevated one), the one its "it's back" posts already
    /// place (`Incident::recovery_told`), which [`Monitor::close`] keeps only once the windows
    /// closed since its last elevated one are quiet beyond doubt ([`Monitor::fell_silent`]).
    fn recovery_to_announce(inc: &Incident) -> Option<Ts> {
        settled_recovery(inc).or(inc.recovery_told)
    }

    /// Whether the reports of `svc` in the windows closed after the last elevated one of `inc`
    /// (at least [`TOLD_AFTER`] of them) are so few that the outage's own rate would rarely
    /// give them: their count at most the Poisson quantile [`TOLD_ALPHA`] of that rate (the
    /// mean report count of its last [`TOLD_RATE_WINDOWS`] windows) over as many windows. A
    /// busy outage (tens of reports a window) falling silent says so in one window; a sparse
    /// one (two voices a window, where a silent window is one chance in eight) needs more, and
    /// by `merge_gap` windows the detector settles it anyway. Issue 17's fourteenth pass: the
    /// recovery alert waited for `merge_gap` windows after the run in every case (26.6 minutes
    /// after `detect`'s recovery, median on the suite); with one quiet window whatever the
    /// rate, "it's back" posts said early in slow outages (`early-3`, `early-4`) announced
    /// recoveries taken back minutes later.
    fn fell_silent(&self, w: &Windows, svc: usize, inc: &Incident) -> bool {
        let Some(closed) = self.closed else {
            return false;
        };
        let after = closed - inc.last_window;
        if after < TOLD_AFTER {
            return false;
        }
        let cells = w.cells(svc);
        let count = |r: std::ops::RangeInclusive<i64>| -> u32 {
            cells.range(r).map(|(_, c)| c.reports).sum()
        };
        let from = (inc.last_window - TOLD_RATE_WINDOWS + 1).max(inc.first_window);
        let rate = f64::from(count(from..=inc.last_window)) / (inc.last_window - from + 1) as f64;
        let seen = count(inc.last_window + 1..=closed);
        1.0 - poisson_sf(seen + 1, rate * after as f64) < TOLD_ALPHA
    }

    /// The end of the stream: alerts for the incidents not announced over (call after closing
    /// the last windows), `unresolved`: those still under way, and those whose recovery is held
    /// back (see [`settled_recovery`]; the alert carries the detector's recovery on the windows
    /// seen, `Incident::recovery_settled` false). Such an outage's reports had ended, but were
    /// still above normal in sum with no "it's back" post: the detector could not yet say it
    /// was over, and a `recovery` would tell a notifier to close its page on a guess (until
    /// issue 17's eleventh pass it was announced as one). A settled recovery not yet announced
    /// (none is expected: `follow` announces it at the close that settles it) is a `recovery`,
    /// and so, since issue 17's thirteenth pass, is one held back only for the hour after the
    /// live edge (`Incident::recovery_over`: its tail is normal as the detector scores it, but
    /// not yet against the chatter seen since the run, which the hour after could change): at
    /// the end no hour after comes, and `detect` on the same input places it there. Watch
    /// said `unresolved` where `detect` gave a recovery. Only when the input `ended`: after a
    /// signal the hour after does come, to a watcher no longer there, so such an outage stays
    /// `unresolved`.
    pub fn finish(&mut self, as_of: Ts, ended: bool) -> Vec<Alert> {
        let mut out = vec![];
        for (svc, tracked) in self.tracked.iter_mut().enumerate() {
            for t in tracked.iter_mut().filter(|t| !t.recovered) {
                t.recovered = true;
                let over = t.seen.recovery.filter(|_| ended && t.seen.recovery_over);
                let (event, time) = match over {
                    Some(r) => (Event::Recovery, r),
                    None => (Event::Unresolved, as_of),
                };
                out.push(Alert {
                    event,
                    incident: t.number,
                    service: svc,
                    time,
                    onset: t.onset_now(),
                    as_of,
                    withdrawn: false,
                    detail: t.seen.clone(),
                });
            }
        }
        out
    }
}

/// The recovery of `inc` to announce: the detector's, once it is settled. While recovery posts
/// still to come could move it (its tail's reports above normal in sum and fewer than
/// `tail_windows` windows after its last elevated one seen: `Incident::recovery_settled`) it is
/// held back, at most until the close `tail_windows` past that window; announced at once, it
/// would be taken back only by a reopening, never moved, and a user's notifier would have said
/// "recovered" while people were still complaining (`fresh6-early-5`: placed at 20:00 where
/// the detector, with the windows after it, places the first "it's back" at 20:22:56).
fn settled_recovery(inc: &Incident) -> Option<Ts> {
    inc.recovery.filter(|_| inc.recovery_settled)
}

/// A recovery alert placed by "it's back" posts (`Incident::recovery_told`) before the
/// detector settles its own recovery: its incident is given the recovery posts the detector
/// counts for a recovery it places (those up to `merge_gap` windows past the recovery's, among
/// the windows closed through `through`), and the first of them as evidence. The detector's
/// view counted them only within its run, which ends before them: the alert said
/// `recoveries: 0` and gave no recovery post, where the schema promises one.
fn with_recovery_posts(w: &Windows, a: &mut Alert, (merge_gap, through): (i64, i64)) {
    if a.event != Event::Recovery || a.withdrawn {
        return;
    }
    let i = &mut a.detail;
    let cells = w.cells(a.service);
    let end = (w.index(a.time) + merge_gap)
        .min(through)
        .max(i.last_window);
    let counted: u64 = (cells.range(i.first_window..=end))
        .map(|(_, c)| u64::from(c.recoveries))
        .sum();
    i.recoveries = i.recoveries.max(counted);
    if i.evidence.iter().any(|(_, k)| *k == Kind::Recovery) {
        return;
    }
    let first = (cells.range(w.index(i.peak)..=end))
        .flat_map(|(_, c)| c.detail().recovery_samples.iter())
        .find(|x| x.time <= a.time);
    let Some(x) = first else {
        return;
    };
    // Three posts at most, as the detector gives: the recovery post takes the place of the
    // last report after the first.
    if i.evidence.len() >= 3 {
        if let Some(k) = (1..i.evidence.len())
            .rev()
            .find(|&k| i.evidence[k].1 == Kind::Report)
        {
            i.evidence.remove(k);
        }
    }
    i.evidence.push((x.clone(), Kind::Recovery));
    i.evidence.sort_by_key(|(x, _)| x.time);
}

/// Where an outage that came back after its recovery starts again: the first report from
/// window `from` on (the window's start when its reports kept no sample).
fn relapse_onset(w: &Windows, svc: usize, from: i64) -> Ts {
    w.cells(svc)
        .range(from..)
        .find(|(_, c)| c.reports > 0)
        .map_or(w.start(from), |(idx, c)| {
            c.detail()
                .report_samples
                .first()
                .map_or(w.start(*idx), |s| s.time)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::test_support::as_given;
    use crate::lexicon::Kind;

    /// One-minute windows: a post naming no service every minute from minute 0 to `to`, and
    /// one report (a new voice each) every 50 minutes, the last of them before minute 290.
    fn background(to: i64) -> Windows {
        let mut w = Windows::new(60, 1);
        for m in 0..=to {
            w.see(m * 60);
        }
        for m in (0..290).step_by(50) {
            report(&mut w, m * 60 + 5, &format!("b{m}"));
        }
        w
    }

    fn report(w: &mut Windows, t: Ts, who: &str) {
        w.see(t);
        w.mention(0, t);
        w.classify(0, Kind::Report, t, "down", Some(who), &[0]);
    }

    #[test]
    fn an_onset_is_announced_while_its_window_is_open_and_the_filled_window_is_no_update() {
        let mut w = background(299);
        let mut m = Monitor::new(as_given(), 1, 10_000);
        assert!(m.close(&mut w, 299, 299 * 60).is_empty());
        // Window 300 fills, one voice at a time; the detector looks after each.
        let mut first = None;
        for k in 0..20 {
            let t = 300 * 60 + 10 + k;
            report(&mut w, t, &format!("v{k}"));
            let alerts = m.peek(&w, (0, 300), 300, t);
            if first.is_none() && !alerts.is_empty() {
                first = Some((k, alerts));
            }
        }
        let (k, alerts) = first.expect("an onset before the window closed");
        assert_eq!(alerts.len(), 1, "{alerts:?}");
        assert_eq!(alerts[0].event, Event::Onset);
        assert_eq!(alerts[0].onset, 300 * 60 + 10);
        // A handful of voices where one in 50 minutes is usual is beyond doubt.
        assert!(k <= 4, "{k}");
        // Only onsets between closes: the incident under way is not looked at again.
        let peeks = m.stats.peeks;
        report(&mut w, 300 * 60 + 40, "late");
        assert!(m.peek(&w, (0, 300), 300, 300 * 60 + 40).is_empty());
        assert_eq!(m.stats.peeks, peeks);
        // The window closes with 21 voices, several times the few it had at the onset: the
        // same peak filled in, not a growth.
        let closed = m.close(&mut w, 300, 301 * 60);
        assert!(closed.is_empty(), "{closed:?}");
        // Quiet windows after it: the recovery comes from closes, once `merge_gap` of them
        // have closed.
        let mut rec = vec![];
        for c in 301..=305 {
            w.see(c * 60 + 30);
            rec.extend(m.close(&mut w, c, (c + 1) * 60));
        }
        assert_eq!(rec.len(), 1, "{rec:?}");
        assert_eq!(rec[0].event, Event::Recovery);
        assert!(!rec[0].withdrawn);
    }

    /// Two recovery posts ("back") at `t` and a second later.
    fn recovered(w: &mut Windows, t: Ts) {
        for v in 0..2 {
            w.see(t + v);
            w.mention(0, t + v);
            w.classify(
                0,
                Kind::Recovery,
                t + v,
                "back",
                Some(&format!("r{t}_{v}")),
                &[1],
            );
        }
    }

    #[test]
    fn a_return_the_detector_later_joins_to_an_announced_burst_is_the_same_incident() {
        // Two minutes of three voices, four quiet ones, then forty minutes of two or three
        // voices each: the burst is announced and recovered, the return is a new incident,
        // and once it is four times the pause long the detector joins the two (a lull at a
        // sparse outage's start). The burst's incident is reopened from the return's first
        // report and ends as the detector places the joined outage; the return's own
        // incident is withdrawn. Before, watch kept following the return under its own onset,
        // and the burst's recovery stood: neither matched `detect`'s one incident.
        let mut w = background(420);
        let mut m = Monitor::new(as_given(), 1, 10_000);
        assert!(m.close(&mut w, 299, 300 * 60).is_empty());
        let mut events = vec![];
        for c in 300..=400 {
            let voices = match c {
                300 | 301 => 3,
                306..=345 => 2 + (c % 2) as u32,
                _ => 0,
            };
            for v in 0..voices {
                report(&mut w, c * 60 + 10 + i64::from(v), &format!("c{c}v{v}"));
            }
            for a in m.close(&mut w, c, (c + 1) * 60) {
                events.push((c, a.event, a.incident, a.withdrawn, a.time));
            }
        }
        let whole = detect_until(&w, &as_given(), 400, |_| true);
        assert_eq!(whole.len(), 1, "{whole:?}");
        // The first incident's last alert is a recovery where the detector places the joined
        // outage's; the second's last is withdrawn.
        let last = |n: u64| events.iter().rev().find(|e| e.2 == n).copied();
        let first = last(1).expect("the burst announced");
        assert_eq!((first.1, first.3), (Event::Recovery, false), "{events:?}");
        assert_eq!(Some(first.4), whole[0].recovery, "{events:?}");
        assert!(
            events.iter().any(|e| e.1 == Event::Reopened && e.2 == 1),
            "{events:?}"
        );
        let second = last(2).expect("the return announced apart first");
        assert!(second.3, "{events:?}");
    }

    #[test]
    fn a_return_the_detector_joins_to_a_recovered_incident_reopens_it() {
        // An outage, then a lull of single complaints (above the usual one in 50 minutes in
        // sum, no window elevated on its own), then the reports come back.
        let run = |posts: bool| {
            let mut w = background(340);
            let mut m = Monitor::new(as_given(), 1, 10_000);
            assert!(m.close(&mut w, 299, 300 * 60).is_empty());
            let mut events = vec![];
            for c in 300..=330 {
                let voices = match c {
                    300..=305 | 312..=316 => 8,
                    306..=311 => 1,
                    _ => 0,
                };
                for v in 0..voices {
                    report(&mut w, c * 60 + 10 + v, &format!("c{c}v{v}"));
                }
                if posts && c == 306 {
                    recovered(&mut w, c * 60 + 30);
                }
                for a in m.close(&mut w, c, (c + 1) * 60) {
                    events.push((c, a.event, a.incident));
                }
            }
            events
        };
        // "It's back" posts just after the outage place its recovery, announced; the return
        // reopens it.
        let events = run(true);
        let kinds: Vec<Event> = events.iter().map(|e| e.1).collect();
        assert_eq!(
            kinds,
            [
                Event::Onset,
                Event::Recovery,
                Event::Reopened,
                Event::Recovery
            ],
            "{events:?}"
        );
        // One incident throughout; the first recovery came before the return, the reopening
        // with it.
        assert!(events.iter().all(|e| e.2 == 1), "{events:?}");
        assert!(
            events[1].0 < 312 && (312..=316).contains(&events[2].0),
            "{events:?}"
        );
        // Without them the lull's complaints, above normal in sum, hold the recovery back
        // (see `settled_recovery`): nothing was announced over, so nothing reopens, and the
        // one recovery comes after the return.
        let events = run(false);
        let kinds: Vec<Event> = events.iter().map(|e| e.1).collect();
        assert_eq!(kinds, [Event::Onset, Event::Recovery], "{events:?}");
        assert!(events[1].0 > 316, "{events:?}");
    }

    /// The closes of windows 300 to 340 (one report in 50 minutes usual) with `voices(c)`
    /// reports in window `c` and two "it's back" posts at `back`: (close, event, time).
    fn closes_with(voices: impl Fn(i64) -> u32, back: Ts) -> Vec<(i64, Event, Ts)> {
        let mut w = background(340);
        let mut m = Monitor::new(as_given(), 1, 10_000);
        assert!(m.close(&mut w, 299, 300 * 60).is_empty());
        let mut events = vec![];
        for c in 300..=340 {
            for v in 0..voices(c) {
                report(&mut w, c * 60 + 5 + i64::from(v), &format!("c{c}v{v}"));
            }
            if back / 60 == c {
                recovered(&mut w, back);
            }
            for a in m.close(&mut w, c, (c + 1) * 60) {
                events.push((c, a.event, a.time));
            }
        }
        events
    }

    #[test]
    fn a_busy_outage_falling_silent_after_its_back_posts_is_announced_over_at_once() {
        // Twenty voices a minute for ten minutes, then none, and two "it's back" posts in the
        // first quiet minute: the detector places the recovery there, and settles it once
        // `merge_gap` quiet minutes have closed (313). Twenty voices falling to none is no
        // chance lull: announced at the close of that first quiet minute (310), where it was
        // held until 313.
        let events = closes_with(
            |c| if (300..310).contains(&c) { 20 } else { 0 },
            310 * 60 + 10,
        );
        let kinds: Vec<Event> = events.iter().map(|e| e.1).collect();
        assert_eq!(kinds, [Event::Onset, Event::Recovery], "{events:?}");
        assert_eq!(
            (events[1].0, events[1].2),
            (310, 310 * 60 + 10),
            "{events:?}"
        );
    }

    #[test]
    fn a_sparse_outage_is_not_announced_over_on_one_quiet_window() {
        // Two voices a minute for half an hour, then none, with the posts in the first quiet
        // minute: at two a minute a silent minute is one chance in eight, so the recovery
        // waits for more of them (at four a minute's rate, P 0.002 after three), here until
        // the detector settles it anyway (333).
        let events = closes_with(
            |c| if (300..330).contains(&c) { 2 } else { 0 },
            330 * 60 + 10,
        );
        let kinds: Vec<Event> = events.iter().map(|e| e.1).collect();
        assert_eq!(kinds, [Event::Onset, Event::Recovery], "{events:?}");
        assert_eq!(events[1].2, 330 * 60 + 10, "{events:?}");
        assert!(events[1].0 >= 332, "{events:?}");
        // Where the outage comes back after such a minute, nothing was said over: no
        // recovery to take back, the one recovery after the return.
        let events = closes_with(
            |c| {
                if (300..336).contains(&c) && c != 330 {
                    2
                } else {
                    0
                }
            },
            330 * 60 + 10,
        );
        let kinds: Vec<Event> = events.iter().map(|e| e.1).collect();
        assert_eq!(kinds, [Event::Onset, Event::Recovery], "{events:?}");
        assert!(events[1].0 > 336, "{events:?}");
    }

    #[test]
    fn stragglers_after_a_recovery_announced_early_do_not_reopen_it() {
        // The busy outage of the test above, announced over at 310; then a minute of three
        // late voices (311), which the detector joins to the run (within `merge_gap`) while it
        // still ends the outage at the posts: the same recovery, nothing taken back (it was
        // reopened, and the same recovery announced again later).
        let events = closes_with(
            |c| {
                if c < 310 {
                    20
                } else if c == 311 {
                    3
                } else {
                    0
                }
            },
            310 * 60 + 10,
        );
        let kinds: Vec<Event> = events.iter().map(|e| e.1).collect();
        assert_eq!(kinds, [Event::Onset, Event::Recovery], "{events:?}");
        assert_eq!(
            (events[1].0, events[1].2),
            (310, 310 * 60 + 10),
            "{events:?}"
        );
    }

    #[test]
    fn later_alerts_carry_the_detectors_onset_and_an_unsettled_recovery_can_be_withdrawn() {
        // An outage in minutes 300 to 302, then quiet: onset, then recovery.
        let mut w = background(400);
        let mut m = Monitor::new(as_given(), 1, 10_000);
        m.close(&mut w, 299, 300 * 60);
        let mut events = vec![];
        for c in 300..=302 {
            for v in 0..8 {
                report(&mut w, c * 60 + 10 + v, &format!("c{c}v{v}"));
            }
            events.extend(m.close(&mut w, c, (c + 1) * 60));
            if c == 301 {
                // A later run that places the onset ten minutes earlier (a lead-in joined by a
                // refitted expectation) and a peak four times higher in the next window: the
                // update carries the onset as that run places it (issue 17's eighteenth pass;
                // before, the onset alert's); the onset alert was sent as it was.
                let mut moved = m.tracked[0][0].seen.clone();
                moved.onset -= 600;
                moved.peak += 60;
                moved.peak_reports *= 4;
                let mut out = vec![];
                m.reconcile(&w, 0, &[(moved.clone(), None)], (301, 302 * 60), &mut out);
                assert_eq!(out.len(), 1, "{out:?}");
                assert_eq!(out[0].event, Event::Update);
                assert_eq!(out[0].onset, events[0].onset - 600);
                assert_eq!(events[0].onset, 300 * 60 + 10);
            }
        }
        for c in 303..=306 {
            w.see(c * 60 + 30);
            events.extend(m.close(&mut w, c, (c + 1) * 60));
        }
        let kinds: Vec<Event> = events.iter().map(|a| a.event).collect();
        assert_eq!(kinds, [Event::Onset, Event::Recovery], "{events:?}");
        assert_eq!(events[0].onset, 300 * 60 + 10);
        // The runs at the closes since place it where the first did again.
        assert!(events.iter().all(|a| a.onset == events[0].onset));
        // A run that no longer finds it: withdrawn while its verdict is not settled (up to the
        // close `tail_windows` + 1 past its last window), once; not after.
        let last = m.tracked[0][0].last;
        let tail = as_given().tail_windows;
        let mut settled = m.clone();
        let mut out = vec![];
        m.reconcile(&w, 0, &[], (last + tail + 1, 400 * 60), &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].event == Event::Recovery && out[0].withdrawn);
        assert_eq!(out[0].onset, events[0].onset);
        m.reconcile(&w, 0, &[], (last + tail + 1, 400 * 60), &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        let mut out = vec![];
        settled.reconcile(&w, 0, &[], (last + tail + 2, 400 * 60), &mut out);
        assert!(out.is_empty(), "{out:?}");
        // Reports that come back and that the detector joins to the withdrawn incident make a
        // new one, announced afresh, not a reopening of what was withdrawn.
        let mut back = m.tracked[0][0].seen.clone();
        back.last_window = last + tail + 5;
        back.recovery = None;
        let mut out = vec![];
        m.reconcile(
            &w,
            0,
            &[(back.clone(), None)],
            (last + tail + 6, 400 * 60),
            &mut out,
        );
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].event, Event::Onset, "{out:?}");
        assert_ne!(out[0].incident, events[0].incident, "{out:?}");
    }

    /// An outage in minutes 300 to 305, then single late voices at minutes 307, 309 and 311
    /// (above normal in sum, no window elevated alone) and two "it's back" posts at minute
    /// `posts_at`, if any, each minute closed in turn up to `last`: the monitor, and its alerts
    /// with the minute whose close gave each.
    fn held_tail(last: i64, posts_at: Option<i64>) -> (Monitor, Vec<(i64, Alert)>) {
        let mut w = background(400);
        let mut m = Monitor::new(as_given(), 1, 10_000);
        m.close(&mut w, 299, 300 * 60);
        let mut events = vec![];
        for c in 300..=last {
            let voices = match c {
                300..=305 => 8,
                307 | 309 | 311 => 1,
                _ => 0,
            };
            for v in 0..voices {
                report(&mut w, c * 60 + 10 + v, &format!("c{c}v{v}"));
            }
            if posts_at == Some(c) {
                recovered(&mut w, c * 60 + 30);
            }
            events.extend(m.close(&mut w, c, (c + 1) * 60).into_iter().map(|a| (c, a)));
        }
        (m, events)
    }

    #[test]
    fn a_recovery_is_held_back_while_late_recovery_posts_could_move_it() {
        // An outage in minutes 300 to 305, then single late voices every other minute (above
        // normal in sum, no window elevated alone), and two "it's back" posts at minute 314,
        // within `tail_windows` of the run: `detect` on the whole input places the recovery at
        // the first of them (a degraded tail). Announced at the reports' end as soon as the run
        // was settled, it would have been 8 minutes early and never moved.
        let run = |posts: bool| held_tail(330, posts.then_some(314)).1;
        let events = run(true);
        let kinds: Vec<Event> = events.iter().map(|e| e.1.event).collect();
        assert_eq!(kinds, [Event::Onset, Event::Recovery], "{events:?}");
        assert_eq!(events[1].1.time, 314 * 60 + 30);
        assert_eq!(events[1].0, 314);
        // No posts come: held until the close `tail_windows` past the run's last elevated
        // window, then announced where the reports ended.
        let events = run(false);
        let kinds: Vec<Event> = events.iter().map(|e| e.1.event).collect();
        assert_eq!(kinds, [Event::Onset, Event::Recovery], "{events:?}");
        assert_eq!(events[1].1.time, 306 * 60);
        assert_eq!(events[1].0, 305 + as_given().tail_windows);
    }

    #[test]
    fn a_recovery_still_held_when_the_stream_ends_is_unresolved() {
        // An outage in minutes 300 to 305, then single late voices every other minute (above
        // normal in sum): its recovery is held (see the test above). The stream ends at minute
        // 312, before `tail_windows` have passed: the detector places the reports' end, but
        // could not yet say the outage was over. Reported `unresolved`, with that recovery as
        // the detector's provisional one (not `recovery`: a notifier closes its page on that).
        let (mut m, events) = held_tail(312, None);
        let kinds: Vec<Event> = events.iter().map(|a| a.1.event).collect();
        assert_eq!(kinds, [Event::Onset], "{events:?}");
        let end = m.finish(313 * 60, true);
        assert_eq!(end.len(), 1, "{end:?}");
        assert_eq!(end[0].event, Event::Unresolved);
        assert_eq!(end[0].time, 313 * 60);
        assert_eq!(end[0].detail.recovery, Some(306 * 60));
        assert!(!end[0].detail.recovery_settled);
        assert_eq!(m.open_incidents(), 0);
        // The JSON line says so, with the provisional recovery.
        let json = end[0].to_json("svc", chrono_tz::UTC);
        assert_eq!(json.event, "unresolved");
        assert_eq!(json.recovery.as_deref(), Some("1970-01-01T05:06:00Z"));
    }

    #[test]
    fn a_recovery_held_only_for_the_hour_after_is_announced_at_the_end_of_input_not_on_a_signal() {
        // The held recovery of the test above, as one held only for the hour after the live
        // edge (`recovery_over`): at the end of input it is the recovery `detect` places; on a
        // signal the hour after still comes, so it stays unresolved.
        for (ended, event) in [(true, Event::Recovery), (false, Event::Unresolved)] {
            let (mut m, _) = held_tail(312, None);
            for t in m.tracked.iter_mut().flatten() {
                t.seen.recovery_over = true;
            }
            let end = m.finish(313 * 60, ended);
            assert_eq!(end.len(), 1, "{end:?}");
            assert_eq!(end[0].event, event, "ended {ended}");
            let at = if ended { 306 * 60 } else { 313 * 60 };
            assert_eq!(end[0].time, at);
        }
    }

    #[test]
    fn a_next_outage_is_announced_between_closes_while_a_recovery_is_held() {
        // A dense service (ten voices a minute from minute 0), an outage of sixty a minute in
        // minutes 300 to 305, then a tail of thirteen a minute: above normal in sum, so the
        // recovery is held back, but under the elevated ratio, so the detector keeps a return
        // after it apart. At minute 312 the next outage starts, sixty voices coming into the
        // open window one by one: its onset is announced before that window closes (it waited
        // for the close while the first one's recovery was held).
        let mut w = Windows::new(60, 1);
        let per_minute = |m: i64| match m {
            300..=305 | 312 => 60,
            306..=311 => 13,
            _ => 10,
        };
        let mut m = Monitor::new(as_given(), 1, 10_000);
        let mut closes = vec![];
        for c in 0..312 {
            w.see(c * 60);
            for v in 0..per_minute(c) {
                report(&mut w, c * 60 + v % 60, &format!("c{c}v{v}"));
            }
            if c >= 299 {
                closes.extend(m.close(&mut w, c, (c + 1) * 60));
            }
        }
        let kinds: Vec<Event> = closes.iter().map(|a| a.event).collect();
        assert_eq!(kinds, [Event::Onset], "held, not recovered: {closes:?}");
        let held = &m.tracked[0][0];
        assert!(!held.recovered && held.seen.recovery.is_some(), "{held:?}");
        assert!(!held.seen.recovery_settled);
        let mut early = vec![];
        for v in 0..per_minute(312) {
            let t = 312 * 60 + v % 60;
            report(&mut w, t, &format!("n{v}"));
            early.extend(m.peek(&w, (0, 312), 312, t));
        }
        assert_eq!(early.len(), 1, "{early:?}");
        assert_eq!(early[0].event, Event::Onset);
        assert_eq!(early[0].incident, 2);
        assert!(early[0].as_of < 313 * 60, "{early:?}");
        // At the close the first outage's tail ends where the second begins: its recovery is
        // settled and announced, and the second goes on as announced.
        let at_close = m.close(&mut w, 312, 313 * 60);
        let kinds: Vec<(Event, u64)> = at_close.iter().map(|a| (a.event, a.incident)).collect();
        assert_eq!(kinds, [(Event::Recovery, 1)], "{at_close:?}");
    }

    #[test]
    fn the_detector_runs_once_more_when_a_services_last_reports_have_settled() {
        // A report at minute 300, then quiet windows closing one by one: the detector runs at
        // the close of 300, and once more at the close `tail_windows` + 1 past it, not at the
        // quiet closes between or after.
        let mut w = background(400);
        let mut m = Monitor::new(as_given(), 1, 10_000);
        m.close(&mut w, 299, 300 * 60);
        report(&mut w, 300 * 60 + 5, "once");
        let tail = as_given().tail_windows;
        let mut ran = vec![];
        for c in 300..=400 {
            let before = m.stats.detections;
            m.close(&mut w, c, (c + 1) * 60);
            if m.stats.detections > before {
                ran.push(c);
            }
        }
        assert_eq!(ran, [300, 300 + tail + 1]);
        // Closed all at once (a slow stream), the windows make one run.
        let mut w = background(400);
        let mut m = Monitor::new(as_given(), 1, 10_000);
        m.close(&mut w, 299, 300 * 60);
        report(&mut w, 300 * 60 + 5, "once");
        let before = m.stats.detections;
        m.close(&mut w, 400, 401 * 60);
        assert_eq!(m.stats.detections, before + 1);
    }

    #[test]
    fn a_window_no_busier_than_the_past_hour_is_not_looked_at() {
        // Ten voices a minute for five hours: an open window with ten is usual.
        let mut w = Windows::new(60, 1);
        for mi in 0..300 {
            w.see(mi * 60);
            for v in 0..10 {
                report(&mut w, mi * 60 + 5 + v, &format!("u{mi}_{v}"));
            }
        }
        let mut m = Monitor::new(as_given(), 1, 10_000);
        m.close(&mut w, 298, 299 * 60);
        for v in 0..10 {
            let t = 299 * 60 + 5 + v;
            assert!(m.peek(&w, (0, 299), 299, t).is_empty());
        }
        assert_eq!(m.stats.peeks, 0);
        // Fifteen and more (the elevated ratio of the usual ten): looked at, each new voice up to
        // eight, then each quarter more.
        for v in 10..40 {
            let t = 299 * 60 + 20 + v;
            report(&mut w, t, &format!("x{v}"));
            m.peek(&w, (0, 299), 299, t);
        }
        assert!(
            m.stats.peeks >= 1 && m.stats.peeks <= 8,
            "{}",
            m.stats.peeks
        );
    }
    #[test]
    fn an_endless_stream_keeps_a_bounded_past_whatever_its_length() {
        // Twelve days of one-minute windows, a post every minute and a report every 50 minutes,
        // and an outage each day at noon (20 minutes of 8 new voices a minute), closed ten
        // minutes at a time with a horizon of two days: every outage is announced and over,
        // yet the monitor keeps no more windows than the horizon and no incident over before
        // it (each one kept its detector's view, evidence and all: 12 a fortnight, 365 a year).
        let horizon = 2 * 1440;
        let mut w = Windows::new(60, 1);
        let mut m = Monitor::new(as_given(), 1, horizon);
        let (mut onsets, mut recoveries, mut most_tracked) = (0, 0, 0);
        for step in 0..12 * 144 {
            for mi in step * 10..(step + 1) * 10 {
                w.see(mi * 60);
                if mi % 50 == 0 {
                    report(&mut w, mi * 60 + 5, &format!("b{mi}"));
                }
                if (720..740).contains(&(mi % 1440)) {
                    for v in 0..8 {
                        report(&mut w, mi * 60 + 10 + v, &format!("o{mi}_{v}"));
                    }
                }
            }
            let through = (step + 1) * 10 - 1;
            for a in m.close(&mut w, through, (through + 1) * 60) {
                onsets += usize::from(a.event == Event::Onset);
                recoveries += usize::from(a.event == Event::Recovery && !a.withdrawn);
            }
            most_tracked = most_tracked.max(m.tracked[0].len());
            assert!(w.cells(0).len() as i64 <= horizon && w.totals().len() as i64 <= horizon);
        }
        assert_eq!((onsets, recoveries), (12, 12));
        assert!(most_tracked <= 3, "{most_tracked} incidents kept");
    }
}
