//! Per-window CSV for plots and post-mortems: one row per service per window over the span of
//! the input (quiet windows included, so a plot has no holes), for every service that was named
//! at least once. A stretch of more than a week without any post at all (see
//! [`crate::detect::segments`]; the detector does not visit it either) is written as one row at
//! each of its ends, its first and its last silent window, so that a plot drawn through the rows
//! drops to zero there rather than bridging the silence, and the output stays in proportion to the
//! input, not to its time span (two posts a century apart: five rows, not ten million). Such
//! rows have zero counts and no baseline, score or expected value (empty fields): nothing is
//! judged in a silence. `--fill` writes every window of every silence, in the same form.

use std::io::{self, Write};

use super::{Exporter, Report};
use crate::detect::{chunks, dense_counts, series_in, Span};
use crate::time::rfc3339_in;
use crate::window::Cell;

/// The `--by-facet` rows of one service's window: each (facet, works) of `facets`, with the
/// posts of `cell` that named it so.
fn facet_rows<W: Write>(
    w: &mut csv::Writer<W>,
    r: &Report,
    (ws, we, svc): (&str, &str, usize),
    cell: Option<&Cell>,
    facets: &[(u32, bool)],
) -> io::Result<()> {
    for &(facet, works) in facets {
        let n = cell.map_or(0, |c| {
            c.detail()
                .facets
                .iter()
                .find(|f| f.facet == facet && f.works == works)
                .map_or(0, |f| f.count)
        });
        let name = &r.matcher.facets()[facet as usize].name;
        let reading = if works { "works" } else { "fails" };
        let blank = ["", "", "", "", "", "", "", "", ""];
        w.write_record([ws, we, r.service_id(svc)].into_iter().chain(blank).chain([
            name.as_str(),
            reading,
            &n.to_string(),
        ]))
        .map_err(io_error)?;
    }
    Ok(())
}

/// The (facet, works) pairs some cell of `cells` counted, in order.
fn facets_named<'a>(cells: impl Iterator<Item = &'a Cell>) -> Vec<(u32, bool)> {
    let set: std::collections::BTreeSet<(u32, bool)> = cells
        .flat_map(|c| c.detail().facets.iter().map(|f| (f.facet, f.works)))
        .collect();
    set.into_iter().collect()
}

/// Unwraps the I/O error inside a CSV error, so a closed pipe is still recognised as one.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The columns, in order.
pub const HEADER: [&str; 12] = [
    "window_start",
    "window_end",
    "service",
    "posts",
    "reports",
    "recoveries",
    "baseline",
    "score",
    "spike",
    "distinct_reports",
    "expected",
    "total",
];

/// The columns `--by-facet` adds: the facet (empty on a service's own row), whether the posts
/// say it fails or works, and how many posts did (reports for `fails`).
pub const FACET_COLUMNS: [&str; 3] = ["facet", "reading", "facet_posts"];

pub struct WindowsCsv {
    pub spikes_only: bool,
    /// `--by-facet`: after each service's row, one row per facet the service's posts named
    /// anywhere in the segment (zero where a window has none, so a plot has no holes).
    pub by_facet: bool,
    /// Write every window of a silence between segments, not only its two ends (`--fill`).
    pub fill: bool,
    /// Spike windows written (for `windows --exit-code`).
    pub spikes: std::cell::Cell<u64>,
}

impl Exporter for WindowsCsv {
    fn write(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        let extra: &[&str] = if self.by_facet { &FACET_COLUMNS } else { &[] };
        w.write_record(HEADER.iter().chain(extra))
            .map_err(io_error)?;
        let tz = r.primary_zone();
        let mut services: Vec<usize> = (0..r.windows.services())
            .filter(|&s| !r.windows.cells(s).is_empty())
            .collect();
        services.sort_by(|a, b| r.service_id(*a).cmp(r.service_id(*b)));
        let mut previous: Option<i64> = None;
        for c in chunks(r.windows) {
            if let (Some(end), false) = (previous, self.spikes_only) {
                if end + 1 < c.first {
                    self.silence(r, &services, end + 1, c.first - 1, &mut w)?;
                }
            }
            previous = Some(c.last);
            let (first, last) = (c.first, c.last);
            let span = Span::new(r.windows, c.from, c.to, r.params);
            let series: Vec<_> = services
                .iter()
                .map(|&s| {
                    (
                        series_in(r.windows, s, &span, r.params),
                        dense_counts(r.windows.cells(s), c.from, c.to),
                    )
                })
                .collect();
            let facets: Vec<Vec<(u32, bool)>> = services
                .iter()
                .map(|&s| match self.by_facet {
                    true => facets_named(r.windows.cells(s).range(first..=last).map(|(_, c)| c)),
                    false => vec![],
                })
                .collect();
            for idx in first..=last {
                let (ws, we) = (
                    rfc3339_in(r.windows.start(idx), tz),
                    rfc3339_in(r.windows.end(idx), tz),
                );
                for (k, &svc) in services.iter().enumerate() {
                    let (series, raw) = &series[k];
                    let sc = &series.scores[(idx - c.from) as usize];
                    if self.spikes_only && !sc.spike {
                        continue;
                    }
                    if sc.spike {
                        self.spikes.set(self.spikes.get() + 1);
                    }
                    let cell = r.windows.cells(svc).get(&idx);
                    let (posts, recoveries) = cell.map_or((0, 0), |c| (c.posts, c.recoveries));
                    let total = r.windows.totals().get(&idx).copied().unwrap_or(0);
                    w.write_record(
                        [
                            ws.as_str(),
                            we.as_str(),
                            r.service_id(svc),
                            &posts.to_string(),
                            &raw[(idx - c.from) as usize].to_string(),
                            &recoveries.to_string(),
                            &format!("{:.4}", series.baseline),
                            &format!("{:.2}", sc.score),
                            if sc.spike { "true" } else { "false" },
                            &sc.reports.to_string(),
                            &format!("{:.4}", sc.expected),
                            &total.to_string(),
                        ]
                        .into_iter()
                        .chain(extra.iter().map(|_| "")),
                    )
                    .map_err(io_error)?;
                    facet_rows(&mut w, r, (&ws, &we, svc), cell, &facets[k])?;
                }
            }
        }
        w.flush()
    }
}

impl WindowsCsv {
    /// The rows of the silence `[from, to]` (windows without any post): its two ends, or every
    /// window with `fill`.
    fn silence(
        &self,
        r: &Report,
        services: &[usize],
        from: i64,
        to: i64,
        w: &mut csv::Writer<&mut dyn Write>,
    ) -> io::Result<()> {
        let tz = r.primary_zone();
        let ends = if from == to {
            vec![from]
        } else {
            vec![from, to]
        };
        let windows: Box<dyn Iterator<Item = i64>> = if self.fill {
            Box::new(from..=to)
        } else {
            Box::new(ends.into_iter())
        };
        for idx in windows {
            let (ws, we) = (
                rfc3339_in(r.windows.start(idx), tz),
                rfc3339_in(r.windows.end(idx), tz),
            );
            for &svc in services {
                let row = [
                    ws.as_str(),
                    we.as_str(),
                    r.service_id(svc),
                    "0",
                    "0",
                    "0",
                    "",
                    "",
                    "false",
                    "0",
                    "",
                    "0",
                ];
                let extra: &[&str] = if self.by_facet { &["", "", ""] } else { &[] };
                w.write_record(row.iter().chain(extra)).map_err(io_error)?;
            }
        }
        Ok(())
    }
}
