//! Per-window CSV for plots and post-mortems: one row per service per window over the span of
//! the input (quiet windows included, so a plot has no holes), for every service that was named
//! at least once. Stretches of more than a week without any post at all (see
//! [`crate::detect::segments`]) have no rows: the detector does not visit them either.

use std::io::{self, Write};

use super::{Exporter, Report};
use crate::detect::{dense_counts, segments, series_in, Season};
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
        for (first, last) in segments(r.windows) {
            let season = Season::for_span(r.windows, first, last, r.params);
            let series: Vec<_> = services
                .iter()
                .map(|&s| {
                    (
                        series_in(r.windows, s, first, last, r.params, season.as_ref()),
                        dense_counts(r.windows.cells(s), first, last),
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
                    let sc = &series.scores[(idx - first) as usize];
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
                        &raw[(idx - first) as usize].to_string(),
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
