//! `detect --plot FILE.svg`: one chart per incident, drawn with plotters' SVG backend, one under
//! the other. Each shows its service's reports per window (distinct voices, coloured by the
//! detector's verdict), the expected band (from the detector's expectation up to the level a
//! spike needed, both from its own model: [`View`]), and onset, peak, the recovering phase and
//! recovery as lines labelled with their local times; the time axis ticks on the clock of the
//! first `--tz` zone. The HTML report inlines the same charts ([`chart_svg`]).
//!
//! Text is left to the viewer's fonts: [`FONTS`] lists them, Korean ones first, so the terms
//! people used (먹통, 서버 에러) show in any browser with a Korean font.

use std::io::{self, Write};

use chrono::TimeZone;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::ticks::ticks;
use super::view::{nice_ceil, MarkKind, Verdict, View};
use super::{Exporter, Report};
use crate::detect::Incident;
use crate::time::{exact_duration, human_in, Ts};

/// The font-family list of every text in the charts: Korean fonts of the common systems
/// (Noto Sans CJK KR on Linux, Apple SD Gothic Neo on macOS, Malgun Gothic on Windows), then
/// generic sans-serif.
pub const FONTS: &str =
    "Noto Sans CJK KR, Noto Sans KR, Apple SD Gothic Neo, Malgun Gothic, NanumGothic, DejaVu Sans, sans-serif";

/// The size of one chart, in pixels.
pub const CHART_SIZE: (u32, u32) = (960, 400);

const SPIKE: RGBColor = RGBColor(217, 72, 15);
const ELEVATED: RGBColor = RGBColor(245, 159, 0);
const NORMAL: RGBColor = RGBColor(134, 142, 150);
const EXPECTED: RGBColor = RGBColor(28, 126, 214);
const TEXT: RGBColor = RGBColor(33, 37, 41);
const MUTED: RGBColor = RGBColor(95, 102, 110);

/// The colour of a mark's line and label.
fn mark_colour(k: MarkKind) -> RGBColor {
    match k {
        MarkKind::Onset => RGBColor(201, 42, 42),
        MarkKind::Peak => TEXT,
        MarkKind::Recovering => RGBColor(12, 133, 153),
        MarkKind::Recovery => RGBColor(43, 138, 62),
    }
}

fn font(size: f64) -> TextStyle<'static> {
    (FONTS, size).into_font().color(&TEXT)
}

fn bold(size: f64) -> TextStyle<'static> {
    (FONTS, size, FontStyle::Bold).into_font().color(&TEXT)
}

/// Writes every incident's chart, one under the other, as one SVG document.
pub struct SvgExporter;

impl Exporter for SvgExporter {
    fn write(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(svg_of(r)?.as_bytes())
    }
}

fn drawing_error(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(format!("drawing the chart: {e}"))
}

/// The SVG document of every incident's chart (a note when there is none).
pub fn svg_of(r: &Report) -> io::Result<String> {
    let (w, h) = CHART_SIZE;
    let n = r.incidents.len();
    let mut s = String::new();
    {
        let height = if n == 0 { 80 } else { h * n as u32 };
        let root = SVGBackend::with_string(&mut s, (w, height)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing_error)?;
        if n == 0 {
            root.draw_text("No outage found.", &font(16.0), (20, 30))
                .map_err(drawing_error)?;
        }
        let areas = root.split_evenly((n.max(1), 1));
        for ((area, i), v) in areas.iter().zip(r.incidents).zip(r.views()) {
            chart(area, r, i, v).map_err(drawing_error)?;
        }
        root.present().map_err(drawing_error)?;
    }
    Ok(s)
}

/// Incident `k`'s chart as an SVG document of [`CHART_SIZE`].
pub fn chart_svg(r: &Report, k: usize) -> io::Result<String> {
    let mut s = String::new();
    {
        let root = SVGBackend::with_string(&mut s, CHART_SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(drawing_error)?;
        let (Some(i), Some(v)) = (r.incidents.get(k), r.views().get(k)) else {
            return Err(io::Error::other(format!("no incident {k} to draw")));
        };
        chart(&root, r, i, v).map_err(drawing_error)?;
        root.present().map_err(drawing_error)?;
    }
    Ok(s)
}

/// `18:28 KST`, or `02-25 03:10 KST` when `t` is not on the day of `day_of`.
fn clock(t: Ts, day_of: Ts, v: &View) -> String {
    let (Some(d), Some(first)) = (
        v.zone.timestamp_opt(t, 0).single(),
        v.zone.timestamp_opt(day_of, 0).single(),
    ) else {
        return t.to_string();
    };
    let fmt = if d.date_naive() == first.date_naive() {
        "%H:%M %Z"
    } else {
        "%m-%d %H:%M %Z"
    };
    d.format(fmt).to_string()
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The header: the service and onset, the counts and terms, the legend.
fn header<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: &Report,
    i: &Incident,
    v: &View,
) -> DrawResult<DB> {
    let svc = &r.matcher.services()[i.service];
    let title = format!(
        "{} ({}): outage from {}",
        svc.id,
        svc.category,
        human_in(i.onset, v.zone)
    );
    area.draw_text(&title, &bold(21.0), (14, 8))?;
    let terms: Vec<String> = i
        .top_terms
        .iter()
        .map(|&(t, c)| format!("{} ×{c}", r.matcher.term_display(t)))
        .collect();
    let mut sub = format!(
        "{} reports ({} voices), peak {} the expected",
        i.reports,
        i.distinct_reports,
        super::text::ratio(i.peak_ratio)
    );
    if !terms.is_empty() {
        sub.push_str(&format!("; said: {}", terms.join(", ")));
    }
    area.draw_text(&sub, &font(16.0).color(&MUTED), (14, 32))?;
    // The legend: swatches and words, left to right.
    let mut x = 14;
    let y = 54;
    let items: [(&str, ShapeStyle, bool); 5] = [
        ("spike", SPIKE.filled(), true),
        ("elevated", ELEVATED.filled(), true),
        ("other windows", NORMAL.filled(), true),
        ("expected", EXPECTED.stroke_width(2), false),
        (
            "expected band, up to the spike level",
            EXPECTED.mix(0.18).filled(),
            true,
        ),
    ];
    for (label, style, block) in items {
        if block {
            area.draw(&Rectangle::new([(x, y + 2), (x + 12, y + 12)], style))?;
        } else {
            area.draw(&PathElement::new(vec![(x, y + 7), (x + 12, y + 7)], style))?;
        }
        area.draw_text(label, &font(15.0).color(&MUTED), (x + 17, y + 1))?;
        x += 17 + 7 * label.chars().count() as i32 + 20;
    }
    Ok(())
}

/// Points of a step line through `values` over the windows `edges`.
fn steps(edges: &[Ts], values: impl Iterator<Item = f64>) -> Vec<(Ts, f64)> {
    values
        .enumerate()
        .flat_map(|(k, y)| [(edges[k], y), (edges[k + 1], y)])
        .collect()
}

/// Draws incident `i`'s chart on `area`; see the module documentation.
fn chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: &Report,
    i: &Incident,
    v: &View,
) -> DrawResult<DB> {
    header(area, r, i, v)?;
    // Room under the header for one row of labels per mark.
    let label_rows = v.marks.len() as i32;
    let body = area.margin(76 + 16 * label_rows, 4, 4, 14);
    let (a, b) = v.span();
    let top = nice_ceil(v.top() * 1.05);
    let tick = ticks(a, b, v.zone, 10);
    let keys: Vec<Ts> = tick.iter().map(|t| t.at).collect();
    let label_of = |x: &Ts| {
        tick.iter()
            .find(|t| t.at == *x)
            .map_or(String::new(), |t| t.label.clone())
    };
    let offset = v
        .zone
        .timestamp_opt(i.onset, 0)
        .single()
        .map_or(String::new(), |d| d.format("%Z, UTC%:z").to_string());
    let mut c = ChartBuilder::on(&body)
        .x_label_area_size(48)
        .y_label_area_size(58)
        .build_cartesian_2d((a..b).with_key_points(keys), 0f64..top)?;
    c.configure_mesh()
        .x_label_formatter(&label_of)
        .y_label_formatter(&|y: &f64| {
            if y.fract() == 0.0 {
                format!("{y:.0}")
            } else {
                format!("{y}")
            }
        })
        .x_desc(format!("{} ({offset})", v.zone.name()))
        .y_desc(format!("reports per {} (voices)", exact_duration(v.width)))
        .label_style(font(15.0))
        .axis_desc_style(font(16.0))
        .bold_line_style(RGBColor(233, 236, 239))
        .light_line_style(TRANSPARENT)
        .draw()?;
    // The expected band, its lower edge (the expectation) and its upper one (the spike level).
    let lower = steps(&v.edges, v.expected.iter().copied());
    let upper = steps(
        &v.edges,
        v.spike_level.iter().map(|&s| f64::from(s).min(top)),
    );
    let band: Vec<(Ts, f64)> = upper.iter().chain(lower.iter().rev()).copied().collect();
    c.draw_series(std::iter::once(Polygon::new(
        band,
        EXPECTED.mix(0.18).filled(),
    )))?;
    bars(&mut c, v)?;
    c.draw_series(LineSeries::new(lower, EXPECTED.stroke_width(2)))?;
    c.draw_series(DashedLineSeries::new(
        upper,
        5,
        4,
        EXPECTED.mix(0.8).stroke_width(1),
    ))?;
    marks(area, &mut c, i, v, top)
}

/// The reports of each window as a bar, coloured by the detector's verdict.
fn bars<DB: DrawingBackend, X: Ranged<ValueType = Ts>>(
    c: &mut ChartContext<'_, DB, Cartesian2d<X, plotters::coord::types::RangedCoordf64>>,
    v: &View,
) -> DrawResult<DB> {
    let (pw, _) = c.plotting_area().dim_in_pixel();
    let gap = if pw as usize / v.windows().max(1) >= 4 {
        1
    } else {
        0
    };
    c.draw_series((0..v.windows()).filter(|&k| v.reports[k] > 0).map(|k| {
        let colour = match v.verdict[k] {
            Verdict::Spike => SPIKE,
            Verdict::Elevated => ELEVATED,
            Verdict::Normal => NORMAL,
        };
        let mut bar = Rectangle::new(
            [(v.edges[k], 0.0), (v.edges[k + 1], f64::from(v.reports[k]))],
            colour.filled(),
        );
        bar.set_margin(0, 0, gap, gap);
        bar
    }))?;
    Ok(())
}

/// Onset, peak, recovering and recovery: a line through the plot each, labelled with its local
/// time in a row of its own above the plot (left of the line when it is near the right edge).
fn marks<DB: DrawingBackend, X: Ranged<ValueType = Ts>>(
    area: &DrawingArea<DB, Shift>,
    c: &mut ChartContext<'_, DB, Cartesian2d<X, plotters::coord::types::RangedCoordf64>>,
    i: &Incident,
    v: &View,
    top: f64,
) -> DrawResult<DB> {
    let base = area.get_base_pixel();
    let (aw, _) = area.dim_in_pixel();
    let rows = v.marks.len() as i32;
    for (j, m) in v.marks.iter().enumerate() {
        let colour = mark_colour(m.kind);
        let at = if m.kind == MarkKind::Peak {
            // The peak is a window: its line runs through the middle of the bar.
            let k = v.window_of(m.at);
            (v.edges[k] + v.edges[k + 1]) / 2
        } else {
            m.at
        };
        c.draw_series(std::iter::once(PathElement::new(
            vec![(at, 0.0), (at, top)],
            colour.stroke_width(if m.kind == MarkKind::Peak { 1 } else { 2 }),
        )))?;
        if m.kind == MarkKind::Peak {
            let k = v.window_of(m.at);
            c.draw_series(std::iter::once(Circle::new(
                (at, f64::from(v.reports[k])),
                4,
                colour.filled(),
            )))?;
        }
        let (x, y_top) = c.backend_coord(&(at, top));
        let (x, y_top) = (x - base.0, y_top - base.1);
        let y = y_top - 16 * (rows - j as i32) - 2;
        area.draw(&PathElement::new(
            vec![(x, y + 15), (x, y_top)],
            colour.stroke_width(1),
        ))?;
        let label = format!("{} {}", m.kind.name(), clock(m.at, i.onset, v));
        let right = x + 9 * label.chars().count() as i32 > aw as i32;
        let (lx, anchor) = if right {
            (x - 4, HPos::Right)
        } else {
            (x + 4, HPos::Left)
        };
        let style = bold(15.5).color(&colour).pos(Pos::new(anchor, VPos::Top));
        area.draw(&Text::new(label, (lx, y), style))?;
    }
    Ok(())
}
