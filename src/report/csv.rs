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
use crate::detect::{chunks, dense_counts, series_in, Season};
use crate::time::rfc3339_in;

/// Unwraps the I/O error inside a CSV error, so a closed pipe is still recognised as one.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The columns, in order.
pub const HEADER: [&str; 11] = [
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
];

pub struct WindowsCsv {
    pub spikes_only: bool,
    /// Write every window of a silence between segments, not only its two ends (`--fill`).
    pub fill: bool,
    /// Spike windows written (for `windows --exit-code`).
    pub spikes: std::cell::Cell<u64>,
}

impl Exporter for WindowsCsv {
    fn write(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(HEADER).map_err(io_error)?;
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
            let season = Season::for_span(r.windows, c.from, c.to, r.params);
            let series: Vec<_> = services
                .iter()
                .map(|&s| {
                    (
                        series_in(r.windows, s, c.from, c.to, r.params, season.as_ref()),
                        dense_counts(r.windows.cells(s), c.from, c.to),
                    )
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
                    w.write_record([
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
                    ])
                    .map_err(io_error)?;
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
                ];
                w.write_record(row).map_err(io_error)?;
            }
        }
        Ok(())
    }
}
