//! `outcry eval`: how right a report is, scored against labelled events.
//!
//! Each labelled event (`service,onset,recovery[,recovering]`) is *hit* by the earliest incident
//! of the same service that overlaps it (onset before the event's recovery plus two windows, and
//! not over before the event's onset) and has not hit an earlier event: one incident hits one
//! event, so two events the report merged into one incident leave the later a miss; the errors are that incident's onset and recovery minus
//! the truth, in minutes (positive: late). Any other incident is a *false alarm*, including a
//! second incident over the same event (a split). An event labelled with the start of a partial
//! recovery (`recovering`) is also scored on the report's `recovering` phase: found or not, and
//! its error. The same scoring serves the scenario suite (`tests/scenarios.rs`).

use std::io::Write;

use anyhow::{bail, Context, Result};

use crate::report::JsonReport;
use crate::time::{self, Ts};

/// A labelled event.
#[derive(Debug, Clone, PartialEq)]
pub struct TruthEvent {
    pub service: String,
    pub onset: Ts,
    pub recovery: Ts,
    /// When a partial recovery began (reports fell to a fraction), if there was one.
    pub recovering: Option<Ts>,
}

/// An incident as the scorer sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    pub service: String,
    pub onset: Ts,
    pub recovery: Option<Ts>,
    /// Start of the report's `recovering` phase.
    pub recovering: Option<Ts>,
}

/// The verdict on one labelled event.
#[derive(Debug, Clone, PartialEq)]
pub struct EventScore {
    pub event: TruthEvent,
    /// Minutes, positive when the report is late; `None` when missed.
    pub onset_err: Option<f64>,
    /// `None` when missed or when the report has no recovery.
    pub recovery_err: Option<f64>,
    /// For an event labelled with a partial recovery: the error of the report's `recovering`
    /// phase in minutes; `None` when the report has no such phase (or the event was missed).
    pub recovering_err: Option<f64>,
    pub hit: bool,
}

/// All verdicts of one report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    pub events: Vec<EventScore>,
    pub false_alarms: Vec<Detected>,
}

/// Why a truth time could not be read. The truth has no zone option to settle an ambiguous
/// abbreviation with, so it asks for the offset.
fn unread(e: time::TimeError) -> String {
    match e {
        time::TimeError::AmbiguousZone(a) => format!(
            "{}; write the offset instead (such as {})",
            a.describe(),
            time::zones::offset_text(a.candidates[0].offset)
        ),
        e => e.to_string(),
    }
}

/// Scores `found` against `truth`; `window` in seconds sets the slack of a match.
pub fn score(truth: &[TruthEvent], found: &[Detected], window: i64) -> Score {
    let mut used = vec![false; found.len()];
    let mut events = vec![];
    let mut order: Vec<usize> = (0..truth.len()).collect();
    order.sort_by_key(|&k| (truth[k].onset, truth[k].service.clone()));
    let mut scored: Vec<Option<EventScore>> = vec![None; truth.len()];
    for k in order {
        let e = &truth[k];
        let best = found
            .iter()
            .enumerate()
            .filter(|(i, d)| {
                !used[*i]
                    && d.service == e.service
                    && d.onset < e.recovery + 2 * window
                    && d.recovery.is_none_or(|r| r > e.onset)
            })
            .min_by_key(|(_, d)| d.onset)
            .map(|(i, _)| i);
        let s = match best {
            Some(i) => {
                used[i] = true;
                let d = &found[i];
                EventScore {
                    event: e.clone(),
                    onset_err: Some((d.onset - e.onset) as f64 / 60.0),
                    recovery_err: d.recovery.map(|r| (r - e.recovery) as f64 / 60.0),
                    recovering_err: e
                        .recovering
                        .zip(d.recovering)
                        .map(|(t, r)| (r - t) as f64 / 60.0),
                    hit: true,
                }
            }
            None => EventScore {
                event: e.clone(),
                onset_err: None,
                recovery_err: None,
                recovering_err: None,
                hit: false,
            },
        };
        scored[k] = Some(s);
    }
    events.extend(scored.into_iter().flatten());
    let false_alarms = found
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(d, _)| d.clone())
        .collect();
    Score {
        events,
        false_alarms,
    }
}

/// Median and largest of absolute values (None when empty).
pub fn median_max(v: &[f64]) -> Option<(f64, f64)> {
    let mut a: Vec<f64> = v.iter().map(|x| x.abs()).collect();
    if a.is_empty() {
        return None;
    }
    a.sort_by(f64::total_cmp);
    let n = a.len();
    let med = if n % 2 == 1 {
        a[n / 2]
    } else {
        (a[n / 2 - 1] + a[n / 2]) / 2.0
    };
    Some((med, a[n - 1]))
}

impl Score {
    pub fn hits(&self) -> usize {
        self.events.iter().filter(|e| e.hit).count()
    }
    pub fn onset_errors(&self) -> Vec<f64> {
        self.events.iter().filter_map(|e| e.onset_err).collect()
    }
    pub fn recovery_errors(&self) -> Vec<f64> {
        self.events.iter().filter_map(|e| e.recovery_err).collect()
    }
    /// Events labelled with a partial recovery, and the errors of the `recovering` phases found
    /// for them.
    pub fn partials(&self) -> (usize, Vec<f64>) {
        let labelled = self.events.iter().filter(|e| e.event.recovering.is_some());
        (
            labelled.clone().count(),
            labelled.filter_map(|e| e.recovering_err).collect(),
        )
    }
    /// Joins another report's verdicts (for a suite).
    pub fn extend(&mut self, o: Score) {
        self.events.extend(o.events);
        self.false_alarms.extend(o.false_alarms);
    }
    /// One line: events hit, onset and recovery errors, false alarms.
    pub fn summary(&self) -> String {
        let mm = |v: &[f64]| match median_max(v) {
            Some((m, w)) => format!("median {m:.1} min, worst {w:.1} min"),
            None => "none".to_string(),
        };
        let alarms = self.false_alarms.len();
        let mut line = format!(
            "{} of {} events hit, {} missed, {alarms} false alarm{}; onset error {}; recovery error {}",
            self.hits(),
            self.events.len(),
            self.events.len() - self.hits(),
            if alarms == 1 { "" } else { "s" },
            mm(&self.onset_errors()),
            mm(&self.recovery_errors()),
        );
        let (partial, found) = self.partials();
        if partial > 0 {
            line.push_str(&format!(
                "; recovering phase found for {} of {partial} partial recoveries, error {}",
                found.len(),
                mm(&found)
            ));
        }
        line
    }
}

/// Reads `service,onset,recovery[,recovering]` rows (a header row is optional; times in any
/// layout outcry reads, UTC when no offset is written; `recovering` may be empty). Beside the
/// events, warnings to show: a numeric date another order of year, month and day would read
/// differently (`3/10/09`), and a row that repeats an earlier one (counted once: twice, it would
/// be a miss however good the report).
pub fn read_truth(text: &str) -> Result<(Vec<TruthEvent>, Vec<String>)> {
    let mut out: Vec<TruthEvent> = vec![];
    let mut notes = vec![];
    let mut lines: Vec<usize> = vec![];
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for (k, row) in rdr.records().enumerate() {
        let row = row.with_context(|| format!("truth line {}", k + 1))?;
        if row.len() < 3 {
            bail!("truth line {}: want service,onset,recovery", k + 1);
        }
        if k == 0 && row[0].trim() == "service" {
            continue;
        }
        let mut t = |s: &str| {
            let p = time::parse_time_ex(s.trim(), chrono_tz::Tz::UTC)
                .map_err(|e| anyhow::anyhow!("truth line {}: {s:?}: {}", k + 1, unread(e)))?;
            if p.ambiguous_date {
                notes.push(format!(
                    "truth line {}: {:?} is a numeric date that another order of year, month and day reads differently; read as {} (write it as YYYY-MM-DD to be sure)",
                    k + 1,
                    s.trim(),
                    time::rfc3339_utc(p.ts)
                ));
            }
            Ok::<_, anyhow::Error>(p.ts)
        };
        let recovering = match row.get(3).map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(t(s)?),
        };
        let (onset, recovery) = (t(&row[1])?, t(&row[2])?);
        if recovery < onset {
            bail!(
                "truth line {}: the recovery {} is before the onset {}",
                k + 1,
                row[2].trim(),
                row[1].trim()
            );
        }
        if recovering.is_some_and(|r| r < onset || r > recovery) {
            bail!(
                "truth line {}: the partial recovery {} is not between the onset and the recovery",
                k + 1,
                row[3].trim()
            );
        }
        let service = row[0].trim().to_string();
        if service.is_empty() {
            bail!("truth line {}: no service", k + 1);
        }
        let e = TruthEvent {
            service,
            onset,
            recovery,
            recovering,
        };
        if let Some(i) = out.iter().position(|o| *o == e) {
            notes.push(format!(
                "truth line {} repeats line {}: counted once",
                k + 1,
                lines[i]
            ));
            continue;
        }
        out.push(e);
        lines.push(k + 1);
    }
    if out.is_empty() {
        bail!("no labelled event: want rows of service,onset,recovery");
    }
    Ok((out, notes))
}

/// The incidents of a JSON report, and its window width.
pub fn read_report(r: &JsonReport) -> Result<(Vec<Detected>, i64)> {
    let t = |s: &str| {
        time::parse_time(s, chrono_tz::Tz::UTC).map_err(|e| anyhow::anyhow!("report: {s}: {e}"))
    };
    let mut v = vec![];
    for i in &r.incidents {
        let recovering = i.phases.iter().find(|p| p.phase == "recovering");
        v.push(Detected {
            service: i.service.clone(),
            onset: t(&i.onset)?,
            recovery: i.recovery.as_deref().map(t).transpose()?,
            recovering: recovering.map(|p| t(&p.start)).transpose()?,
        });
    }
    Ok((v, r.settings.window_s))
}

/// Writes one line per event, the false alarms and the summary.
pub fn write_text(s: &Score, out: &mut dyn Write) -> std::io::Result<()> {
    let m = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:+.1}"));
    writeln!(
        out,
        "service\tonset\trecovery\tverdict\tonset_err_min\trecovery_err_min\trecovering_err_min"
    )?;
    for e in &s.events {
        // "-" with no partial recovery labelled, "none" when the report has no such phase.
        let recovering = match (e.event.recovering, e.recovering_err) {
            (None, _) => "-".to_string(),
            (Some(_), None) => "none".to_string(),
            (Some(_), err) => m(err),
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{recovering}",
            e.event.service,
            time::rfc3339_utc(e.event.onset),
            time::rfc3339_utc(e.event.recovery),
            if e.hit { "hit" } else { "miss" },
            m(e.onset_err),
            m(e.recovery_err)
        )?;
    }
    for d in &s.false_alarms {
        writeln!(
            out,
            "{}\t{}\t{}\tfalse alarm\t-\t-\t-",
            d.service,
            time::rfc3339_utc(d.onset),
            d.recovery.map_or("-".to_string(), time::rfc3339_utc)
        )?;
    }
    writeln!(out, "{}", s.summary())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(svc: &str, on: Ts, rec: Ts) -> TruthEvent {
        TruthEvent {
            service: svc.into(),
            onset: on,
            recovery: rec,
            recovering: None,
        }
    }
    fn det(svc: &str, on: Ts, rec: Option<Ts>) -> Detected {
        Detected {
            service: svc.into(),
            onset: on,
            recovery: rec,
            recovering: None,
        }
    }

    #[test]
    fn partial_recoveries_are_scored_on_the_recovering_phase() {
        let truth = [
            TruthEvent {
                recovering: Some(8000),
                ..ev("gmail", 6000, 9000)
            },
            TruthEvent {
                recovering: Some(20_000),
                ..ev("gmail", 15_000, 24_000)
            },
        ];
        let found = [
            Detected {
                recovering: Some(8120),
                ..det("gmail", 6060, Some(9000))
            },
            det("gmail", 15_000, Some(24_000)),
        ];
        let s = score(&truth, &found, 300);
        assert_eq!(s.events[0].recovering_err, Some(2.0));
        assert_eq!(s.events[1].recovering_err, None);
        assert_eq!(s.partials(), (2, vec![2.0]));
        assert!(s.summary().ends_with(
            "; recovering phase found for 1 of 2 partial recoveries, error median 2.0 min, worst 2.0 min"
        ));
        let mut out = vec![];
        write_text(&s, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.lines().nth(1).unwrap().ends_with("\t+2.0"), "{out}");
        assert!(out.lines().nth(2).unwrap().ends_with("\tnone"), "{out}");
    }

    #[test]
    fn hits_misses_splits_and_false_alarms() {
        let truth = [ev("gmail", 6000, 9000), ev("naver", 6000, 7000)];
        let found = [
            det("gmail", 6060, Some(7000)),
            det("gmail", 7600, Some(9120)),
            det("gmail", 50_000, None),
        ];
        let s = score(&truth, &found, 300);
        assert_eq!(s.hits(), 1);
        assert_eq!(s.events[0].onset_err, Some(1.0));
        assert_eq!(s.events[0].recovery_err, Some(-2000.0 / 60.0));
        assert!(!s.events[1].hit);
        assert_eq!(s.false_alarms.len(), 2, "a split and an unrelated one");
        assert!(s
            .summary()
            .starts_with("1 of 2 events hit, 1 missed, 2 false alarms"));
        // Two events merged into one incident: it hits the first only.
        let truth = [ev("gmail", 6000, 9000), ev("gmail", 20_000, 24_000)];
        let s = score(&truth, &[det("gmail", 6000, Some(30_000))], 300);
        assert_eq!((s.events[0].hit, s.events[1].hit), (true, false));
        assert!(s.false_alarms.is_empty());
    }

    #[test]
    fn a_truth_file_that_cannot_be_right_is_refused_with_its_line() {
        let bad = [
            ("gmail,2024-05-02T13:00:00Z,2024-05-02T11:00:00Z\n", "line 1: the recovery"),
            (
                "service,onset,recovery\ngmail,2024-05-02T11:00:00Z,2024-05-02T13:00:00Z,2024-05-02T14:00:00Z\n",
                "line 2: the partial recovery",
            ),
            (",2024-05-02T11:00:00Z,2024-05-02T13:00:00Z\n", "line 1: no service"),
            ("service,onset,recovery\n", "no labelled event"),
            ("", "no labelled event"),
            // eval has no zone option: it asks for the offset (it said "give the zone").
            (
                "gmail,2024-05-02 11:00 CST,2024-05-02 13:00 CST\n",
                "ambiguous: it could be America/Chicago (-06:00, US Central Standard Time), or \
                 Asia/Shanghai (+08:00, China Standard Time), or America/Havana (-05:00, Cuba \
                 Standard Time); write the offset instead (such as -06:00)",
            ),
        ];
        for (text, why) in bad {
            let e = read_truth(text).unwrap_err().to_string();
            assert!(e.contains(why), "{text:?}: {e}");
            assert!(!e.contains("give the zone"), "{e}");
        }
    }

    #[test]
    fn an_ambiguous_date_or_a_repeated_row_in_the_truth_is_told() {
        // Before: both were read without a word (a repeated row scored as a miss).
        let (t, notes) = read_truth(
            "service,onset,recovery\ngmail,3/10/2009 09:30,3/10/2009 12:00\ngmail,2009-03-10 09:30,2009-03-10 12:00\n",
        )
        .unwrap();
        assert_eq!(t.len(), 1);
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes[0].contains("truth line 2: \"3/10/2009 09:30\" is a numeric date"));
        assert!(notes[0].contains("2009-03-10T09:30:00Z"), "{notes:?}");
        assert_eq!(notes[2], "truth line 3 repeats line 2: counted once");
        let (_, notes) = read_truth("gmail,3/10/09 09:30,3/10/09 12:00\n").unwrap();
        assert!(
            notes[0].contains("read as 2003-10-09T09:30:00Z"),
            "{notes:?}"
        );
        let (_, notes) = read_truth("gmail,2009-03-10 09:30,2009-03-10 12:00\n").unwrap();
        assert!(notes.is_empty());
    }

    #[test]
    fn truth_reads_with_or_without_header() {
        let t = read_truth("service,onset,recovery\ngmail,2009-02-24T09:30:00Z,2009-02-24 12:00\n")
            .unwrap()
            .0;
        assert_eq!(t, [ev("gmail", 1_235_467_800, 1_235_476_800)]);
        assert_eq!(read_truth("gmail,1235467800,1235476800\n").unwrap().0, t);
        assert_eq!(read_truth("gmail,1235467800,1235476800,\n").unwrap().0, t);
        let p = read_truth("gmail,1235467800,1235476800,2009-02-24T11:00:00Z\n")
            .unwrap()
            .0;
        assert_eq!(p[0].recovering, Some(1_235_473_200));
    }
}
