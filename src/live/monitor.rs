//! Incremental detection: each time windows close, the batch detector itself
//! ([`crate::detect::detect_until`]) runs on the windows closed so far, and what it finds is set
//! against what was already announced, to make the alerts.
//!
//! * **Onset**: an incident the detector finds whose windows reach into the live stream and that
//!   no alert has announced yet. The detector is sure once its rules hold on the windows closed
//!   so far: a spike and a second busy window (or one beyond doubt), and 10 nats of evidence, so
//!   the alert comes when the second elevated window closes (or the first, when the window
//!   before it already led in, or it is beyond doubt).
//! * **Update**: the peak grew materially: the busiest window now holds at least
//!   [`UPDATE_GROWTH`] times the reports of the busiest one announced before (and at least
//!   `min_reports` more). So an incident makes at most a handful of updates, each a doubling.
//! * **Recovery**: the detector places a recovery (its `merge_gap` quiet windows have closed
//!   after the last spike, or the recovery posts say so). Withdrawn: an announced incident that
//!   the detector, with the windows closed since, no longer finds at all once `merge_gap`
//!   windows have closed after its last elevated window (the refitted baseline explains it).
//! * An incident that comes back after its recovery was announced (the detector joins the new
//!   reports to it) is a new onset.
//! * **Unresolved**, at the end: every incident still under way.
//!
//! The detector runs for a service when a window with its reports closes, or while one of its
//! incidents is under way: an incident's last window is elevated, so it holds reports. Memory
//! stays bounded: windows older than the horizon are forgotten, closed windows keep only a
//! count of their voices, and windows more than a day old drop their sample posts unless an
//! incident under way reaches back to them.

use super::alert::{Alert, Event};
use crate::detect::{detect_until, Incident, Params};
use crate::time::Ts;
use crate::window::Windows;

/// An update is announced when the peak reaches this many times the one announced before.
pub const UPDATE_GROWTH: u32 = 2;
/// Closed windows keep their sample posts (evidence, recovery posts, quoted times) this long.
pub const EVIDENCE_KEEP_S: i64 = 86_400;

/// An incident already announced.
#[derive(Debug, Clone)]
struct Tracked {
    number: u64,
    /// Its first and last elevated window, as last seen.
    first: i64,
    last: i64,
    /// The peak (reports in the busiest window) last announced.
    peak: u32,
    recovered: bool,
    /// The detector's last view of it.
    seen: Incident,
}

/// What the monitor did, for the run's summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MonitorStats {
    /// Times the detector ran (for one or more services).
    pub detections: u64,
    /// Windows closed.
    pub windows_closed: u64,
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

    /// The last window closed.
    pub fn closed(&self) -> Option<i64> {
        self.closed
    }

    /// Whether an announced incident of `svc` is under way.
    fn open(&self, svc: usize) -> bool {
        self.tracked[svc].iter().any(|t| !t.recovered)
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
            *want = self.open(svc)
                || w.cells(svc)
                    .range(from..=through)
                    .any(|(_, c)| c.reports > 0);
        }
        self.stats.windows_closed += (through - from + 1).max(0) as u64;
        w.settle(from..=through, true);
        self.closed = Some(through);
        self.forget(w, through);
        if !wanted.iter().any(|&x| x) {
            return vec![];
        }
        self.stats.detections += 1;
        let found = detect_until(w, &self.params, through, |s| wanted[s]);
        let mut alerts = vec![];
        for (svc, _) in wanted.iter().enumerate().filter(|(_, &x)| x) {
            let mine: Vec<&Incident> = found.iter().filter(|i| i.service == svc).collect();
            self.reconcile(w, svc, &mine, (through, as_of), &mut alerts);
        }
        alerts
    }

    /// Forgets the windows before the horizon and drops the sample posts of windows older than
    /// [`EVIDENCE_KEEP_S`] that no incident under way reaches back to.
    fn forget(&mut self, w: &mut Windows, through: i64) {
        w.forget_before(through - self.horizon + 1);
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
    /// alerts to make. `(through, as_of)`: the last window closed and the stream's time.
    fn reconcile(
        &mut self,
        w: &Windows,
        svc: usize,
        found: &[&Incident],
        (through, as_of): (i64, Ts),
        alerts: &mut Vec<Alert>,
    ) {
        let live_from = self.live_from.unwrap_or(i64::MIN);
        let mut matched = vec![false; self.tracked[svc].len()];
        for &inc in found.iter().filter(|i| i.last_window >= live_from) {
            let overlaps = |t: &Tracked| t.first <= inc.last_window && inc.first_window <= t.last;
            let tracked = &self.tracked[svc];
            // The one under way, else the latest recovered one (an outage that came back
            // after its recovery was announced is compared with its latest return, not its
            // first appearance: else each later pass would announce the return again).
            let k = tracked
                .iter()
                .position(|t| !t.recovered && overlaps(t))
                .or_else(|| tracked.iter().rposition(overlaps));
            match k {
                None => self.announce(svc, inc.clone(), inc.onset, as_of, alerts),
                Some(k) if !self.tracked[svc][k].recovered => {
                    matched[k] = true;
                    self.follow(svc, k, inc, as_of, alerts);
                }
                Some(k) => {
                    matched[k] = true;
                    // Recovered already: reports that came back after the announced recovery
                    // are a new outage.
                    let last = self.tracked[svc][k].last;
                    if inc.recovery.is_none() && inc.last_window > last {
                        let onset = relapse_onset(w, svc, last + 1).max(inc.onset);
                        self.announce(svc, inc.clone(), onset, as_of, alerts);
                    }
                }
            }
        }
        matched.resize(self.tracked[svc].len(), true);
        // Announced, still open, and no longer found once it would have been over anyway.
        for (k, t) in self.tracked[svc].iter_mut().enumerate() {
            if !matched[k] && !t.recovered && through > t.last + self.params.merge_gap {
                t.recovered = true;
                alerts.push(Alert {
                    event: Event::Recovery,
                    incident: t.number,
                    service: svc,
                    time: w.end(t.last),
                    onset: t.seen.onset,
                    as_of,
                    withdrawn: true,
                    detail: t.seen.clone(),
                });
            }
        }
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
        if let Some(r) = inc.recovery {
            out.push(alert(Event::Recovery, r));
        }
        self.tracked[svc].push(Tracked {
            number,
            first: inc.first_window,
            last: inc.last_window,
            peak: inc.peak_reports,
            recovered: inc.recovery.is_some(),
            seen: inc,
        });
    }

    /// Follows an announced incident under way (`self.tracked[svc][k]`) to its new view `inc`.
    fn follow(&mut self, svc: usize, k: usize, inc: &Incident, as_of: Ts, out: &mut Vec<Alert>) {
        let min_more = self.params.min_reports;
        let t = &mut self.tracked[svc][k];
        t.first = t.first.min(inc.first_window);
        t.last = t.last.max(inc.last_window);
        t.seen = inc.clone();
        let alert = |event, time| Alert {
            event,
            incident: t.number,
            service: svc,
            time,
            onset: inc.onset,
            as_of,
            withdrawn: false,
            detail: inc.clone(),
        };
        let grew =
            inc.peak_reports >= UPDATE_GROWTH * t.peak && inc.peak_reports >= t.peak + min_more;
        if grew && inc.recovery.is_none() {
            out.push(alert(Event::Update, inc.peak));
            t.peak = inc.peak_reports;
        }
        if let Some(r) = inc.recovery {
            out.push(alert(Event::Recovery, r));
            t.recovered = true;
        }
    }

    /// The end of the stream: alerts for the incidents still under way (call after closing
    /// the last windows).
    pub fn finish(&mut self, as_of: Ts) -> Vec<Alert> {
        let mut out = vec![];
        for (svc, tracked) in self.tracked.iter_mut().enumerate() {
            for t in tracked.iter_mut().filter(|t| !t.recovered) {
                t.recovered = true;
                out.push(Alert {
                    event: Event::Unresolved,
                    incident: t.number,
                    service: svc,
                    time: as_of,
                    onset: t.seen.onset,
                    as_of,
                    withdrawn: false,
                    detail: t.seen.clone(),
                });
            }
        }
        out
    }
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
