//! What `outcry watch` says as an outage goes: an alert per event (onset, update, recovery, and
//! unresolved at the end), as one JSON line (`--format jsonl`, described field by field in
//! `schema/alert.schema.json`) or one readable line.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::detect::Incident;
use crate::lexicon::Kind;
use crate::time::{exact_duration, hm_in, human_duration, human_in, rfc3339_in, rfc3339_utc, Ts};

/// The version of the alert line's layout (`schema_version` in each line); the JSON Schema in
/// `schema/alert.schema.json` describes it. It grows when a field changes meaning or goes away:
/// 2 since a recovery still held back when the stream ends is `unresolved` with its provisional
/// `recovery` (in 1, `recovery` was non-null in recovery alerts only, and such a line was a
/// `recovery`), so a consumer that reads a non-null `recovery` as "closed" must look at `event`;
/// 3 since `withdrawn` also marks an incident the detector joined to an earlier one (a
/// `reopened` alert of that one carries it on), so a consumer that counts withdrawn incidents as
/// false alarms must look for that reopening; 4 since an alert after the `onset` one gives the
/// onset as the detector now places it (in 3 and before, every alert of an incident gave the
/// onset its `onset` alert gave).
pub const ALERT_SCHEMA_VERSION: u32 = 4;

/// What an alert announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The detector is sure an outage is under way.
    Onset,
    /// The outage's peak grew materially (see [`crate::live::monitor`]).
    Update,
    /// The outage is over (or, `withdrawn`, the detector no longer sees one).
    Recovery,
    /// The reports came back after the recovery was announced, and the detector joins them to
    /// the same outage (the gap was short and still above normal in sum, as `detect` bridges
    /// it): the recovery is taken back, the incident is under way again.
    Reopened,
    /// The stream ended (or was interrupted) with the outage still under way, or with its
    /// recovery held back, not settled (the reports ended but stayed above normal in sum with
    /// no "it's back" post; the JSON line's `recovery` gives where the detector placed it).
    Unresolved,
}

impl Event {
    /// The name in the JSON line.
    pub fn name(self) -> &'static str {
        match self {
            Event::Onset => "onset",
            Event::Update => "update",
            Event::Recovery => "recovery",
            Event::Reopened => "reopened",
            Event::Unresolved => "unresolved",
        }
    }
}

/// One alert: the event, and the detector's view of the incident when it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    pub event: Event,
    /// The incident's number in this run (1, 2, …, in the order of their onset alerts): every
    /// alert about one incident carries the same.
    pub incident: u64,
    pub service: usize,
    /// The event's own instant: the onset, the new peak window's start, the recovery, the first
    /// report of the return (reopened), or (for
    /// `unresolved` and a withdrawn recovery) the stream's time.
    pub time: Ts,
    /// The onset as the detector now places it.
    pub onset: Ts,
    /// The stream's time when the alert was made: the latest post time read (run on at wall
    /// speed through a silence).
    pub as_of: Ts,
    /// A recovery because the detector, with the windows closed since, no longer finds the
    /// incident at all (it was not one), rather than because reports fell.
    pub withdrawn: bool,
    /// The incident as the detector sees it on the windows closed so far.
    pub detail: Incident,
}

/// One alert as a JSON line (`--format jsonl`).
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonAlert {
    pub schema_version: u32,
    pub event: String,
    pub incident: u64,
    pub service: String,
    pub time: String,
    pub time_local: String,
    pub onset: String,
    pub onset_local: String,
    pub as_of: String,
    pub recovery: Option<String>,
    pub withdrawn: bool,
    pub reports: u64,
    pub distinct_reports: u64,
    pub recoveries: u64,
    pub peak: String,
    pub peak_reports: u32,
    pub severity: JsonSeverity,
    pub usual_level_known: bool,
    pub evidence: Vec<JsonAlertEvidence>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonSeverity {
    pub peak_ratio: f64,
    pub llr: f64,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonAlertEvidence {
    pub time: String,
    pub text: String,
    pub author: Option<String>,
    pub kind: String,
}

/// The longest author kept in an alert's evidence, in characters (handles and display names
/// are far shorter; the text is cut at 500 as it is kept).
pub const MAX_AUTHOR_CHARS: usize = 100;

/// An author cut to [`MAX_AUTHOR_CHARS`] with `…` after, as a sample's text is cut: one post
/// with an author of 100 KB made a 100 KB alert line (and a command's input as long).
fn cut_author(a: &str) -> String {
    match a.char_indices().nth(MAX_AUTHOR_CHARS) {
        Some((cut, _)) => format!("{}…", &a[..cut]),
        None => a.to_string(),
    }
}

/// Rounds to two decimals (severity figures are estimates; more digits only add noise).
fn two(x: f64) -> f64 {
    if x.is_finite() {
        (x * 100.0).round() / 100.0
    } else {
        0.0
    }
}

impl Alert {
    /// The JSON line's object; `service` is the service's id, `tz` the zone of `*_local`.
    pub fn to_json(&self, service: &str, tz: Tz) -> JsonAlert {
        let i = &self.detail;
        JsonAlert {
            schema_version: ALERT_SCHEMA_VERSION,
            event: self.event.name().into(),
            incident: self.incident,
            service: service.into(),
            time: rfc3339_utc(self.time),
            time_local: rfc3339_in(self.time, tz),
            onset: rfc3339_utc(self.onset),
            onset_local: rfc3339_in(self.onset, tz),
            as_of: rfc3339_utc(self.as_of),
            recovery: match self.event {
                Event::Recovery => Some(rfc3339_utc(self.time)),
                // Held back, not settled, when the stream ended (see `Monitor::finish`).
                Event::Unresolved => i.recovery.map(rfc3339_utc),
                _ => None,
            },
            withdrawn: self.withdrawn,
            reports: i.reports,
            distinct_reports: i.distinct_reports,
            recoveries: i.recoveries,
            peak: rfc3339_utc(i.peak),
            peak_reports: i.peak_reports,
            severity: JsonSeverity {
                peak_ratio: two(i.peak_ratio),
                llr: two(i.llr),
            },
            usual_level_known: i.usual_level_known,
            evidence: i
                .evidence
                .iter()
                .map(|(s, k)| JsonAlertEvidence {
                    time: rfc3339_utc(s.time),
                    text: s.text.clone(),
                    author: s.author.as_deref().map(cut_author),
                    kind: match k {
                        Kind::Report => "report",
                        Kind::Recovery => "recovery",
                    }
                    .into(),
                })
                .collect(),
        }
    }

    /// One line for people: when it was decided, the event, the service, what happened, and
    /// one post; times in the first of `zones` (the time of the event also in the others).
    pub fn to_text(&self, service: &str, zones: &[Tz], width: i64) -> String {
        let z = zones[0];
        let i = &self.detail;
        let also: Vec<String> = zones[1..].iter().map(|t| hm_in(self.time, *t)).collect();
        let also = if also.is_empty() {
            String::new()
        } else {
            format!(" (= {})", also.join(" = "))
        };
        let window = exact_duration(width);
        let what = match self.event {
            Event::Onset => format!(
                "outage since {}{also}: {} reports, peak {} in {window} ({} the usual)",
                hm_in(self.onset, z),
                i.reports,
                i.peak_reports,
                ratio(i.peak_ratio)
            ),
            Event::Update => format!(
                "growing: peak {} reports in {window} at {}{also} ({} the usual), {} reports since {}",
                i.peak_reports,
                hm_in(self.time, z),
                ratio(i.peak_ratio),
                i.reports,
                hm_in(self.onset, z)
            ),
            Event::Recovery if self.withdrawn => format!(
                "withdrawn: with the windows closed since, the reports from {} are no outage",
                hm_in(self.onset, z)
            ),
            Event::Recovery => format!(
                "recovered at {}{also} after {} ({} reports, peak {} the usual)",
                hm_in(self.time, z),
                human_duration(self.time - self.onset),
                i.reports,
                ratio(i.peak_ratio)
            ),
            Event::Reopened => format!(
                "back since {}{also}: the recovery announced is taken back; outage since {}, {} reports, peak {} the usual",
                hm_in(self.time, z),
                hm_in(self.onset, z),
                i.reports,
                ratio(i.peak_ratio)
            ),
            Event::Unresolved => match i.recovery {
                Some(r) => format!(
                    "not settled when the stream ended: since {}, the reports fell at {} ({} reports) but stay above normal with no \"it's back\" yet",
                    hm_in(self.onset, z),
                    hm_in(r, z),
                    i.reports
                ),
                None => format!(
                    "still under way when the stream ended: since {} ({}), {} reports",
                    hm_in(self.onset, z),
                    human_duration(self.as_of - self.onset),
                    i.reports
                ),
            },
        };
        let post = match self.event {
            Event::Recovery => i.evidence.iter().rev().find(|(_, k)| *k == Kind::Recovery),
            _ => None,
        }
        .or(i.evidence.first())
        .map(|(s, _)| {
            let who = s
                .author
                .as_deref()
                .map(|a| format!(" ({})", one_line(a, 40)))
                .unwrap_or_default();
            format!(" | \"{}\"{who}", one_line(&s.text, 100))
        })
        .unwrap_or_default();
        format!(
            "{}  {:<10} {service}: {what}{post}",
            human_in(self.as_of, z),
            self.event.name().to_uppercase()
        )
    }
}

/// `12×`, `3.4×`, `>1000×`.
fn ratio(x: f64) -> String {
    if x >= 1000.0 {
        ">1000×".to_string()
    } else if x >= 10.0 {
        format!("{x:.0}×")
    } else {
        format!("{x:.1}×")
    }
}

/// A post's text on one line for a terminal: whitespace runs become one space, control
/// characters (escape sequences a post could carry) are shown as `\u{…}`, cut to `max`
/// characters with `…`.
pub fn one_line(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut space = false;
    for c in s.chars() {
        if n >= max {
            out.push('…');
            break;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            n += 1;
            space = false;
        }
        if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
        n += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(
            one_line("gmail\x1b[2J  is\n down", 100),
            "gmail\\u{1b}[2J is down"
        );
        assert_eq!(one_line("abcdef", 3), "abc…");
        assert_eq!(one_line("a\u{202e}b", 10), "a\\u{202e}b");
    }

    #[test]
    fn a_long_author_is_cut_as_a_text_is() {
        assert_eq!(cut_author("bob"), "bob");
        let long = "가".repeat(100_000);
        let cut = cut_author(&long);
        assert_eq!(cut.chars().count(), MAX_AUTHOR_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
