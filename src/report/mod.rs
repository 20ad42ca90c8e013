//! Presenting the results: one exporter per format behind one trait, all reading the same
//! `Report`, written to stdout or atomically to a file ([`write_output`]). Times are UTC inside; the display zones are applied only here.

mod csv;
mod html;
mod json;
mod output;
mod plot;
mod text;
mod ticks;
mod timeline;
mod view;

use std::io::{self, Write};
use std::sync::OnceLock;

use chrono_tz::Tz;

pub use self::csv::{WindowsCsv, HEADER as CSV_HEADER};
pub use self::html::HtmlExporter;
pub use self::json::{JsonExporter, JsonReport, SCHEMA_VERSION};
pub use self::output::{check_output, remove_pending, write_output, write_outputs, Writer};
pub use self::plot::{SvgExporter, FONTS};
pub use self::text::TextExporter;
pub use self::timeline::{TimelineStyle, DEFAULT_WIDTH as TIMELINE_DEFAULT_WIDTH};

use crate::detect::{Incident, Params, Sensitivity};
use crate::lexicon::classify::Matcher;
use crate::official::Official;
use crate::stream::{ScanConfig, Stats};
use crate::window::Windows;

use self::view::View;

/// Everything a report shows.
pub struct Report<'a> {
    pub incidents: &'a [Incident],
    /// The provider's own timeline (`--official`) of each incident, in the same order; empty
    /// when no official posts were given.
    pub official: &'a [Option<Official>],
    pub windows: &'a Windows,
    pub matcher: &'a Matcher,
    pub stats: &'a Stats,
    pub zones: &'a [Tz],
    /// How the inputs were read (`--input-tz`, `--date-order`, `--since`, `--until`, …).
    pub scan: &'a ScanConfig,
    pub params: &'a Params,
    /// The incidents' pictures ([`Report::views`]), worked out for the first exporter that
    /// draws them and kept for the others: build the report with `OnceLock::new()`.
    pub views: OnceLock<Vec<View>>,
}

impl Report<'_> {
    /// The display zone used where only one fits (JSON `*_local`, CSV).
    pub fn primary_zone(&self) -> Tz {
        self.zones[0]
    }
    /// The `--sensitivity` preset, as on the command line.
    pub fn sensitivity_name(&self) -> String {
        match self.params.sensitivity {
            Sensitivity::Low => "low",
            Sensitivity::Normal => "normal",
            Sensitivity::High => "high",
        }
        .to_string()
    }
    /// The official timeline of incident `k`, when the provider said anything about it.
    pub fn official_of(&self, k: usize) -> Option<&Official> {
        self.official.get(k).and_then(Option::as_ref)
    }
    pub fn service_id(&self, svc: usize) -> &str {
        &self.matcher.services()[svc].id
    }
    /// The picture of each incident, in order ([`View::all`]): the text report's timelines,
    /// `--html`'s and `--plot`'s charts draw the same ones, worked out once a run.
    pub fn views(&self) -> &[View] {
        self.views.get_or_init(|| View::all(self))
    }
}

/// Writes a report in one format.
pub trait Exporter {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}
