//! The JSON report: the contract scripts rely on. Times are RFC 3339 in UTC (`…Z`), with the
//! first `--tz` zone beside them as `*_local`; `recovery` is null while an outage is under way.

use std::collections::BTreeMap;
use std::io::{self, Write};

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{Exporter, Report};
use crate::detect::{FacetShare, Incident, IncidentFacets};
use crate::official::Official;
use crate::time::{rfc3339_in, rfc3339_utc, DateOrder, Implied, Ts};

/// The version of the report's layout, `schema_version` in every report; the JSON Schema in
/// `schema/report.schema.json` (`outcry schema`) describes this version. It grows when a field
/// changes meaning or goes away, not when one is added.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole document.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonReport {
    /// [`SCHEMA_VERSION`] (0 in reports from before it existed).
    #[serde(default)]
    pub schema_version: u32,
    pub incidents: Vec<JsonIncident>,
    pub stats: JsonStats,
    pub settings: JsonSettings,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonIncident {
    pub service: String,
    pub category: String,
    pub onset: String,
    pub onset_local: String,
    pub peak: String,
    pub peak_local: String,
    pub peak_reports: u32,
    pub recovery: Option<String>,
    pub recovery_local: Option<String>,
    /// Recovery minus onset; null while under way.
    pub duration_s: Option<i64>,
    pub ongoing: bool,
    pub reports: u64,
    pub recoveries: u64,
    pub posts: u64,
    /// Usual reports per window for this service.
    pub baseline: f64,
    /// Highest −log10 p of the incident's windows.
    pub score: f64,
    pub top_terms: Vec<JsonTerm>,
    pub evidence: Vec<JsonEvidence>,
    /// Times the report posts quote ("since 10:20 GMT"), most quoted first.
    #[serde(default)]
    pub quoted_times: Vec<JsonQuote>,
    /// `reports` counted once per voice per window: an author's repeats, retweets (`RT @name`,
    /// the voice of `name`) and copies of one long text count once. Exact up to 64 voices in a
    /// window; above that, each window's voices are estimated from a sketch of 64 hashed voices
    /// (typically within about 12%).
    #[serde(default)]
    pub distinct_reports: u64,
    /// The incident's phases in order: `degraded` from the onset, `recovering` when reports fell
    /// from spike level but stayed above normal, `recovered` at the recovery.
    #[serde(default)]
    pub phases: Vec<JsonPhase>,
    /// The provider's timeline (`--official`); null when not given or silent on this incident.
    #[serde(default)]
    pub official: Option<JsonOfficial>,
    /// Severity: the peak window's distinct voices over what was expected there (how many times
    /// the usual level).
    #[serde(default)]
    pub peak_ratio: f64,
    /// Severity: the evidence of the whole incident, in nats: the log-likelihood ratio of its
    /// windows' reports under one raised level against their expectation (grows with height and
    /// length; rank incidents by it, or cut below a value of your own).
    #[serde(default)]
    pub llr: f64,
    /// False when the input was too short (under 24 hours) to know the service's usual level:
    /// it was then taken from the input's quietest quarter (hour blocks; an outage is assumed to
    /// fill at most half of the input).
    #[serde(default = "yes")]
    pub usual_level_known: bool,
    /// How far the service's counts wander beyond a Poisson process: a window's variance is
    /// μ + overdispersion·μ² (0: Poisson).
    #[serde(default)]
    pub overdispersion: f64,
    /// What broke and where: the surfaces and functions the reports name as failing, those that
    /// still work, and the places named most (added in schema_version 1; absent in older
    /// reports).
    #[serde(default)]
    pub facets: JsonFacets,
}

/// An incident's facets (`detect::facets` has the thresholds).
#[derive(Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct JsonFacets {
    /// Reports that name a failing facet of each class: the denominators of the shares.
    pub naming: JsonNaming,
    pub failing: Vec<JsonFacet>,
    pub working: Vec<JsonFacet>,
    pub places: Vec<JsonFacet>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct JsonNaming {
    pub surface: u32,
    pub function: u32,
    pub place: u32,
}

/// One facet of an incident.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonFacet {
    /// `surface`, `function` or `place`.
    pub class: String,
    pub name: String,
    /// Reports naming it failing; for `working`, posts saying it still works.
    pub count: u32,
    /// `count` over the reports that name a failing facet of its class; null for `working`.
    pub share: Option<f64>,
    pub evidence: JsonFacetEvidence,
}

/// The earliest post that named a facet that way.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonFacetEvidence {
    pub time: String,
    pub time_local: String,
    pub text: String,
    pub author: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonOfficial {
    pub acknowledged: Option<String>,
    pub acknowledged_local: Option<String>,
    pub acknowledged_text: Option<String>,
    /// Minutes from the chatter's onset to the acknowledgement (positive: chatter first).
    pub lead_minutes: Option<i64>,
    pub resolved: Option<String>,
    pub resolved_local: Option<String>,
    pub resolved_text: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonPhase {
    pub phase: String,
    pub start: String,
    pub start_local: String,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonQuote {
    /// The quoted instant, resolved against each post's own date and zone.
    pub time: String,
    pub time_local: String,
    /// Posts that quote it.
    pub count: u32,
    /// The words of the first post that quoted it.
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonTerm {
    pub term: String,
    pub count: u32,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonEvidence {
    pub time: String,
    pub time_local: String,
    pub text: String,
    pub author: Option<String>,
    pub kind: String,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonStats {
    pub inputs: u64,
    pub unreadable_inputs: u64,
    /// Non-empty input lines (CSV: rows; XML and JSON documents: elements read as posts,
    /// comments, trackbacks, pingbacks); always `records + skipped`.
    pub lines: u64,
    pub records: u64,
    /// Records by kind, when the input says: `post`, `comment`, `trackback`, `pingback` (blog
    /// backups and feeds always do; JSON Lines and CSV through a `kind` or `type` field).
    #[serde(default)]
    pub records_by_kind: BTreeMap<String, u64>,
    pub skipped: u64,
    pub skipped_by_reason: BTreeMap<String, u64>,
    pub bytes: u64,
    pub mentions: u64,
    pub reports: u64,
    pub recoveries: u64,
    /// Posts saying a service works for the writer (counter-evidence).
    #[serde(default)]
    pub works_for_me: u64,
    pub first_post: Option<String>,
    pub last_post: Option<String>,
    pub input_errors: Vec<String>,
    /// Local times that a DST change skipped (moved forward by the gap) or repeated (the
    /// earlier taken): kept, and counted here.
    #[serde(default)]
    pub dst_adjusted: u64,
    /// Records kept out of the windows (and out of `mentions`, `reports`, `recoveries`):
    /// far outside the bulk of the stream, or outside `--since`/`--until`.
    #[serde(default)]
    pub outliers: u64,
    /// The same by reason: `epoch_zero`, `before_bulk`, `after_bulk`, `before_since`,
    /// `after_until` (only reasons that occurred).
    #[serde(default)]
    pub outliers_by_reason: BTreeMap<String, u64>,
    /// Times written without a zone and read in one the user did not choose (no `--input-tz`),
    /// by zone: `UTC`, `Asia/Seoul` (Korean text).
    #[serde(default)]
    pub implied_zone: BTreeMap<String, u64>,
    /// Numeric dates that another order of year, month and day would read as another date.
    #[serde(default)]
    pub ambiguous_dates: u64,
    /// Records whose text was longer than 256 KiB and was classified on its first 256 KiB
    /// (`stream::cut::TEXT_LIMIT`); left out when none was.
    #[serde(default, skip_serializing_if = "crate::window::partial::is_zero")]
    pub texts_cut: u64,
    /// Where the first of them are, as `input:line` (the least input names and lines first, at
    /// most five); left out when none was.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub texts_cut_at: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct JsonSettings {
    pub window_s: i64,
    pub tz: Vec<String>,
    /// `--input-tz`; null when not given (Korean text read as Asia/Seoul, other text as UTC).
    pub input_tz: Option<String>,
    /// `--date-order`: `auto`, `ymd`, `mdy` or `dmy`.
    #[serde(default)]
    pub date_order: String,
    /// `--since` and `--until` (RFC 3339 UTC), null when not given.
    #[serde(default)]
    pub since: Option<String>,
    #[serde(default)]
    pub until: Option<String>,
    /// `--keep-outliers`.
    #[serde(default)]
    pub keep_outliers: bool,
    pub alpha: f64,
    pub min_reports: u32,
    pub merge_gap: i64,
    /// The `--sensitivity` preset (`low`, `normal`, `high`) the other settings started from.
    #[serde(default)]
    pub sensitivity: String,
    /// Windows with unusual reports an incident needs (the run-length rule).
    #[serde(default)]
    pub min_run: usize,
    /// What the baseline learnt besides the chatter level: "hour of the week", "hour of day and
    /// day of week", "hour of day and weekday or weekend (provisional)" (from 7 to 14 days),
    /// "hour of day", "hour of day (provisional)" (from fewer than 3 days), "day of week",
    /// "weekday or weekend (provisional)" or "none" (too little history).
    #[serde(default)]
    pub seasonal_profile: String,
    /// The window test's variance model: "negative binomial" (dispersion estimated per
    /// service) or "poisson".
    #[serde(default)]
    pub variance: String,
}

/// Builds the document.
pub fn to_json(r: &Report) -> JsonReport {
    let tz = r.primary_zone();
    let incidents = r
        .incidents
        .iter()
        .enumerate()
        .map(|(k, i)| incident(r, i, r.official_of(k), tz))
        .collect();
    JsonReport {
        schema_version: SCHEMA_VERSION,
        incidents,
        stats: stats(r),
        settings: settings(r),
    }
}

/// One incident, with its official timeline if the provider said anything about it.
fn incident(r: &Report, i: &Incident, official: Option<&Official>, tz: Tz) -> JsonIncident {
    JsonIncident {
        service: r.service_id(i.service).to_string(),
        category: r.matcher.services()[i.service].category.clone(),
        onset: rfc3339_utc(i.onset),
        onset_local: rfc3339_in(i.onset, tz),
        peak: rfc3339_utc(i.peak),
        peak_local: rfc3339_in(i.peak, tz),
        peak_reports: i.peak_reports,
        recovery: i.recovery.map(rfc3339_utc),
        recovery_local: i.recovery.map(|t| rfc3339_in(t, tz)),
        duration_s: i.recovery.map(|t| t - i.onset),
        ongoing: i.recovery.is_none(),
        reports: i.reports,
        recoveries: i.recoveries,
        posts: i.posts,
        baseline: round(i.baseline, 4),
        score: round(i.max_score, 2),
        top_terms: i
            .top_terms
            .iter()
            .map(|&(t, count)| JsonTerm {
                term: r.matcher.term_display(t).to_string(),
                count,
            })
            .collect(),
        evidence: i
            .evidence
            .iter()
            .map(|(s, k)| JsonEvidence {
                time: rfc3339_utc(s.time),
                time_local: rfc3339_in(s.time, tz),
                text: s.text.clone(),
                author: s.author.clone(),
                kind: k.name().to_string(),
            })
            .collect(),
        quoted_times: i
            .quoted
            .iter()
            .map(|q| JsonQuote {
                time: rfc3339_utc(q.at),
                time_local: rfc3339_in(q.at, tz),
                count: q.count,
                text: q.text.clone(),
            })
            .collect(),
        distinct_reports: i.distinct_reports,
        phases: phases(i, tz),
        official: official.map(|o| json_official(o, i.onset, tz)),
        peak_ratio: round(i.peak_ratio, 2),
        llr: round(i.llr, 1),
        usual_level_known: i.usual_level_known,
        overdispersion: round(i.overdispersion, 5),
        facets: json_facets(r, &i.facets, tz),
    }
}

/// An incident's facets for the JSON report.
fn json_facets(r: &Report, f: &IncidentFacets, tz: Tz) -> JsonFacets {
    let one = |x: &FacetShare| {
        let facet = &r.matcher.facets()[x.facet];
        JsonFacet {
            class: facet.class.name().to_string(),
            name: facet.name.clone(),
            count: x.count,
            share: x.share.map(|s| round(s, 3)),
            evidence: JsonFacetEvidence {
                time: rfc3339_utc(x.evidence.time),
                time_local: rfc3339_in(x.evidence.time, tz),
                text: x.evidence.text.clone(),
                author: x.evidence.author.clone(),
            },
        }
    };
    JsonFacets {
        naming: JsonNaming {
            surface: f.naming[0],
            function: f.naming[1],
            place: f.naming[2],
        },
        failing: f.failing.iter().map(one).collect(),
        working: f.working.iter().map(one).collect(),
        places: f.places.iter().map(one).collect(),
    }
}

/// The incident's phases in order: degraded, recovering (if it was), recovered (if it was).
fn phases(i: &Incident, tz: Tz) -> Vec<JsonPhase> {
    [
        Some(("degraded", i.onset)),
        i.recovering.map(|t| ("recovering", t)),
        i.recovery.map(|t| ("recovered", t)),
    ]
    .into_iter()
    .flatten()
    .map(|(phase, t)| JsonPhase {
        phase: phase.to_string(),
        start: rfc3339_utc(t),
        start_local: rfc3339_in(t, tz),
    })
    .collect()
}

/// The provider's timeline of an incident that began at `onset`.
fn json_official(o: &Official, onset: Ts, tz: Tz) -> JsonOfficial {
    JsonOfficial {
        acknowledged: o.acknowledged.as_ref().map(|a| rfc3339_utc(a.0)),
        acknowledged_local: o.acknowledged.as_ref().map(|a| rfc3339_in(a.0, tz)),
        acknowledged_text: o.acknowledged.as_ref().map(|a| a.1.clone()),
        lead_minutes: o.lead_minutes(onset),
        resolved: o.resolved.as_ref().map(|a| rfc3339_utc(a.0)),
        resolved_local: o.resolved.as_ref().map(|a| rfc3339_in(a.0, tz)),
        resolved_text: o.resolved.as_ref().map(|a| a.1.clone()),
    }
}

/// What was read, skipped and counted.
fn stats(r: &Report) -> JsonStats {
    let s = r.stats;
    let span = r.windows.span();
    JsonStats {
        inputs: s.inputs,
        unreadable_inputs: s.unreadable,
        lines: s.lines,
        records: s.records,
        records_by_kind: crate::record::KINDS
            .iter()
            .zip(s.records_by_kind)
            .map(|(k, n)| (k.to_string(), n))
            .collect(),
        skipped: s.skipped(),
        skipped_by_reason: s
            .nonzero_reasons()
            .map(|(k, n)| (k.name().to_string(), n))
            .collect(),
        bytes: s.bytes,
        mentions: s.mentions,
        reports: s.reports,
        recoveries: s.recoveries,
        works_for_me: s.works_for_me,
        first_post: span.map(|(a, _)| rfc3339_utc(a)),
        last_post: span.map(|(_, b)| rfc3339_utc(b)),
        input_errors: s.input_errors.clone(),
        dst_adjusted: s.dst_adjusted,
        outliers: s.outliers(),
        outliers_by_reason: s
            .nonzero_outliers()
            .map(|(k, n)| (k.name().to_string(), n))
            .collect(),
        implied_zone: Implied::ALL
            .iter()
            .zip(s.implied_zone)
            .filter(|(_, n)| *n > 0)
            .map(|(z, n)| (z.zone().name().to_string(), n))
            .collect(),
        ambiguous_dates: s.ambiguous_dates,
        texts_cut: s.texts_cut,
        texts_cut_at: s
            .cut_at
            .iter()
            .map(|a| format!("{}:{}", a.input, a.line))
            .collect(),
    }
}

/// The settings the incidents were found with.
fn settings(r: &Report) -> JsonSettings {
    JsonSettings {
        window_s: r.windows.width,
        tz: r.zones.iter().map(|z| z.name().to_string()).collect(),
        input_tz: r.scan.times.zone.chosen().map(|z| z.name().to_string()),
        date_order: match r.scan.times.dates {
            DateOrder::Auto => "auto",
            DateOrder::Ymd => "ymd",
            DateOrder::Mdy => "mdy",
            DateOrder::Dmy => "dmy",
        }
        .to_string(),
        since: r.scan.since.map(rfc3339_utc),
        until: r.scan.until.map(rfc3339_utc),
        keep_outliers: r.scan.keep_outliers,
        alpha: r.params.alpha,
        min_reports: r.params.min_reports,
        merge_gap: r.params.merge_gap,
        sensitivity: r.sensitivity_name().to_string(),
        min_run: r.params.min_run,
        seasonal_profile: crate::detect::Season::describe(r.windows, r.params).to_string(),
        variance: match r.params.variance {
            crate::detect::Variance::Poisson => "poisson",
            crate::detect::Variance::NegativeBinomial => "negative binomial",
        }
        .to_string(),
    }
}

fn round(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

pub struct JsonExporter;

impl Exporter for JsonExporter {
    fn write(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &to_json(r))?;
        writeln!(out)
    }
}
