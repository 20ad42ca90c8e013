//! The text report's picture of an incident: its service's reports per window as a bar chart in
//! block characters (or plain ASCII), with the level a spike needed and the expectation marked,
//! the window ticks labelled on the clock of the first `--tz` zone, onset, peak, the recovering
//! phase and recovery lettered on the axis, and a second row tracing the expectation on its own
//! scale. It fits the width it is given; colour is only added when asked for (the command decides
//! from `--color`, the terminal and `NO_COLOR`).
//!
//! ```text
//!               30┤                      ▇█▄
//!                 │                   ▂▅████▇▄
//!                 │╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌▁▃▆█████████▇▅▂╌╌╌╌╌
//!                0└─────┬─────O─────┬──P─────┬────R─┬────
//! ```

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use chrono::TimeZone;

use super::ticks::ticks;
use super::view::{nice_ceil, Mark, MarkKind, Verdict, View};
use crate::time::{exact_duration, Ts};

/// How the timeline is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineStyle {
    /// Columns available, the whole line (the terminal's width).
    pub width: usize,
    /// Plain ASCII instead of block and box-drawing characters.
    pub ascii: bool,
    /// ANSI colours.
    pub color: bool,
}

/// The width when the output is not a terminal and `COLUMNS` does not say.
pub const DEFAULT_WIDTH: usize = 80;
/// Below this width no timeline is drawn.
pub const MIN_WIDTH: usize = 40;
/// Widest timeline drawn, however wide the terminal.
pub const MAX_WIDTH: usize = 240;
/// Rows of the bar chart.
pub const HEIGHT: usize = 6;
/// The column the chart starts at (the value column of the text report).
const INDENT: usize = 12;

/// The characters of one style of drawing.
struct Glyphs {
    /// Bars by eighths of a row filled, 0 to 8.
    bars: [char; 9],
    spike: char,
    expected: char,
    /// The y axis: a plain row, a labelled row, the corner, the x axis, an x tick.
    axis: [char; 5],
    /// The expectation row, lowest to highest.
    trace: &'static [char],
}

const UNICODE: Glyphs = Glyphs {
    bars: [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'],
    spike: '╌',
    expected: '·',
    axis: ['│', '┤', '└', '─', '┬'],
    trace: &['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'],
};

const ASCII: Glyphs = Glyphs {
    bars: [' ', '.', '.', '.', ':', ':', ':', '#', '#'],
    spike: '-',
    expected: '_',
    axis: ['|', '+', '+', '-', '+'],
    trace: &['_', '.', '-', '=', '#'],
};

/// One character and its colour.
type Cell = (char, Style);

/// Which windows each column shows: the chart takes every column available, each covering an
/// equal share of the span. A column shows the busiest of the windows whose middle falls in it
/// (so the peak stays when windows outnumber the columns), or, when none does (a window wider
/// than a column), the window under its own middle.
struct Columns {
    cols: usize,
    n: usize,
}

impl Columns {
    fn new(n: usize, avail: usize) -> Columns {
        Columns {
            cols: avail.max(1),
            n: n.max(1),
        }
    }

    /// Windows per column.
    fn ratio(&self) -> f64 {
        self.n as f64 / self.cols as f64
    }

    /// The window column `c` shows.
    fn window(&self, c: usize, v: &View) -> usize {
        let r = self.ratio();
        let (lo, hi) = (c as f64 * r, (c + 1) as f64 * r);
        // Windows k whose middle k + 0.5 lies in [lo, hi).
        let first = (lo - 0.5).ceil().max(0.0) as usize;
        let last = ((hi - 0.5).ceil().max(0.0) as usize).min(self.n);
        if first >= last {
            return (((c as f64 + 0.5) * r) as usize).min(self.n - 1);
        }
        (first..last)
            .max_by_key(|&k| (v.reports[k], std::cmp::Reverse(k)))
            .unwrap_or(first)
    }

    /// The column instant `t` falls in.
    fn of(&self, t: Ts, v: &View) -> usize {
        let k = v.window_of(t);
        let (a, b) = (v.edges[k], v.edges[k + 1]);
        let within = if b > a {
            (t - a).clamp(0, b - a) as f64 / (b - a) as f64
        } else {
            0.0
        };
        (((k as f64 + within) / self.ratio()) as usize).min(self.cols - 1)
    }
}

/// Draws an incident's timeline from its picture `v` (nothing when the width is under
/// [`MIN_WIDTH`]); the text report works the pictures out first ([`View::all`]).
pub fn draw(out: &mut dyn Write, v: &View, style: &TimelineStyle) -> io::Result<()> {
    if style.width < MIN_WIDTH {
        return Ok(());
    }
    let width = style.width.min(MAX_WIDTH);
    let g = if style.ascii { &ASCII } else { &UNICODE };
    let cols = Columns::new(v.windows(), width - INDENT - 1);
    let per = exact_duration(v.width);
    writeln!(
        out,
        "  {:<10}reports per {per} (voices), {} spike level, {} expected; {}",
        "timeline",
        g.spike,
        g.expected,
        v.zone.name()
    )?;
    let top = nice_ceil(v.top());
    for row in chart(v, &cols, g, top) {
        put(out, &row, style.color)?;
    }
    put(out, &axis(v, &cols, g), style.color)?;
    writeln!(out, "{}", tick_labels(v, &cols, width))?;
    put(out, &trace(v, &cols, g), style.color)?;
    legend(out, v, width, style.color)
}

/// Writes one line of cells, colouring runs of one style when `color`.
fn put(out: &mut dyn Write, cells: &[Cell], color: bool) -> io::Result<()> {
    let end = cells
        .iter()
        .rposition(|(c, _)| *c != ' ')
        .map_or(0, |k| k + 1);
    let mut k = 0;
    while k < end {
        let s = cells[k].1;
        let mut text = String::new();
        while k < end && cells[k].1 == s {
            text.push(cells[k].0);
            k += 1;
        }
        if color && s != Style::new() {
            write!(out, "{}{text}{}", s.render(), s.render_reset())?;
        } else {
            out.write_all(text.as_bytes())?;
        }
    }
    writeln!(out)
}

/// Cells for `text` right-aligned in the margin, then `axis`.
fn margin(text: &str, axis: char) -> Vec<Cell> {
    let label = format!("{text:>w$}", w = INDENT - 1);
    let mut v: Vec<Cell> = label.chars().map(|c| (c, Style::new())).collect();
    v.push((axis, Style::new()));
    v
}

/// `30`, `2.5`, `0.05`.
fn number(x: f64) -> String {
    if x >= 10.0 || x.fract() == 0.0 {
        format!("{x:.0}")
    } else if x >= 1.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

/// The bar chart's rows, top first: each row covers `top / HEIGHT` reports; a bar fills its
/// rows by eighths; where no bar reaches, the row holding the spike level shows its mark, else
/// the row holding the expectation shows that one.
fn chart(v: &View, cols: &Columns, g: &Glyphs, top: f64) -> Vec<Vec<Cell>> {
    let unit = top / HEIGHT as f64;
    let colour = |x: Verdict| match x {
        Verdict::Spike => AnsiColor::Red.on_default(),
        Verdict::Elevated => AnsiColor::Yellow.on_default(),
        Verdict::Normal => Style::new(),
    };
    (0..HEIGHT)
        .rev()
        .map(|row| {
            let from_top = HEIGHT - 1 - row;
            let label = match from_top {
                0 => number(top),
                x if x == HEIGHT / 2 => number(top / 2.0),
                _ => String::new(),
            };
            let axis = if label.is_empty() {
                g.axis[0]
            } else {
                g.axis[1]
            };
            let mut line = margin(&label, axis);
            let (lo, hi) = (row as f64 * unit, (row + 1) as f64 * unit);
            // A row holds [lo, hi); the top row holds `top` itself too (a spike level equal
            // to the chart's top fell in no row, and its mark was never drawn).
            let holds = |y: f64| (lo..hi).contains(&y) || (from_top == 0 && y == hi);
            for c in 0..cols.cols {
                let k = cols.window(c, v);
                let x = f64::from(v.reports[k]);
                let fill = ((x - lo) / unit).clamp(0.0, 1.0);
                let eighths = match (fill * 8.0).round() as usize {
                    0 if x > lo => 1,
                    e => e,
                };
                let spike = f64::from(v.spike_level[k]);
                line.push(if eighths > 0 {
                    (g.bars[eighths], colour(v.verdict[k]))
                } else if holds(spike) {
                    (g.spike, AnsiColor::Red.on_default().dimmed())
                } else if holds(v.expected[k]) {
                    (g.expected, AnsiColor::Cyan.on_default())
                } else {
                    (' ', Style::new())
                });
            }
            line
        })
        .collect()
}

/// The x axis, with a tick at every labelled time and the marks' letters where they fall.
fn axis(v: &View, cols: &Columns, g: &Glyphs) -> Vec<Cell> {
    let mut line = margin("0", g.axis[2]);
    let mut row: Vec<Cell> = vec![(g.axis[3], Style::new()); cols.cols];
    for t in axis_ticks(v, cols) {
        row[cols.of(t.at, v)] = (g.axis[4], Style::new());
    }
    for m in &v.marks {
        // The peak is a window: its letter goes under the window's middle, where its bar is.
        let at = match m.kind {
            MarkKind::Peak => {
                let k = v.window_of(m.at);
                (v.edges[k] + v.edges[k + 1]) / 2
            }
            _ => m.at,
        };
        row[cols.of(at, v)] = (m.kind.letter(), Style::new().bold());
    }
    line.extend(row);
    line
}

fn axis_ticks(v: &View, cols: &Columns) -> Vec<super::ticks::Tick> {
    let (a, b) = v.span();
    ticks(a, b, v.zone, (cols.cols / 8).max(1))
}

/// The tick labels, each starting under its tick, skipped where it would run into the last or
/// past `width`.
fn tick_labels(v: &View, cols: &Columns, width: usize) -> String {
    let mut line = " ".repeat(INDENT);
    for t in axis_ticks(v, cols) {
        let at = INDENT + cols.of(t.at, v);
        let len = line.chars().count();
        let fits = at + t.label.chars().count() <= width;
        if fits && (at > len || (at == len && len == INDENT)) {
            line.push_str(&" ".repeat(at - len));
            line.push_str(&t.label);
        }
    }
    line.trim_end().to_string()
}

/// The expectation of each column on its own scale, from its lowest to its highest value (the
/// legend gives them): how the usual level moves with the time of day and the chatter.
fn trace(v: &View, cols: &Columns, g: &Glyphs) -> Vec<Cell> {
    let (lo, hi) = v
        .expected
        .iter()
        .fold((f64::MAX, 0f64), |(l, h), &x| (l.min(x), h.max(x)));
    let mut line = margin("expected", ' ');
    let steps = g.trace.len() - 1;
    for c in 0..cols.cols {
        let x = v.expected[cols.window(c, v)];
        let level = if hi > lo * 1.005 {
            ((x - lo) / (hi - lo) * steps as f64).round() as usize
        } else {
            0
        };
        line.push((g.trace[level.min(steps)], AnsiColor::Cyan.on_default()));
    }
    line
}

/// `O onset 18:28  P peak 19:35  R recovery 20:56  expected 0.04-0.09`, wrapped to `width`.
fn legend(out: &mut dyn Write, v: &View, width: usize, color: bool) -> io::Result<()> {
    let day = |t: Ts| v.zone.timestamp_opt(t, 0).single().map(|d| d.date_naive());
    let first_day = v.marks.first().and_then(|m| day(m.at));
    // Across a change of the clocks, a bare "01:30" may be either of two times (onset and
    // recovery read alike an hour apart): the zone's abbreviation then goes with each.
    let offset = |t: Ts| {
        v.zone
            .timestamp_opt(t, 0)
            .single()
            .map(|d| chrono::Offset::fix(d.offset()))
    };
    let first_offset = v.marks.first().and_then(|m| offset(m.at));
    let zoned = v.marks.iter().any(|m| offset(m.at) != first_offset);
    let items: Vec<(String, String)> = v
        .marks
        .iter()
        .map(|m: &Mark| {
            let fmt = match (day(m.at) == first_day, zoned) {
                (true, false) => "%H:%M",
                (false, false) => "%m-%d %H:%M",
                (true, true) => "%H:%M %Z",
                (false, true) => "%m-%d %H:%M %Z",
            };
            let at = v
                .zone
                .timestamp_opt(m.at, 0)
                .single()
                .map_or(String::new(), |d| d.format(fmt).to_string());
            (
                m.kind.letter().to_string(),
                format!("{} {at}", m.kind.name()),
            )
        })
        .collect();
    let (lo, hi) = v
        .expected
        .iter()
        .fold((f64::MAX, 0f64), |(l, h), &x| (l.min(x), h.max(x)));
    let usual = if hi > lo * 1.005 {
        format!("{}-{}", number(lo), number(hi))
    } else {
        number(hi)
    };
    let mut items = items;
    items.push((String::new(), format!("expected {usual}")));
    let mut line = String::new();
    let mut len = 0;
    for (letter, text) in items {
        let item_len =
            letter.chars().count() + usize::from(!letter.is_empty()) + text.chars().count();
        if len > 0 && INDENT + len + 2 + item_len > width {
            writeln!(out, "{}{line}", " ".repeat(INDENT))?;
            line.clear();
            len = 0;
        }
        if len > 0 {
            line.push_str("  ");
            len += 2;
        }
        let b = Style::new().bold();
        match (letter.is_empty(), color) {
            (true, _) => line.push_str(&text),
            (false, true) => line.push_str(&format!(
                "{}{letter}{} {text}",
                b.render(),
                b.render_reset()
            )),
            (false, false) => line.push_str(&format!("{letter} {text}")),
        }
        len += item_len;
    }
    writeln!(out, "{}{line}", " ".repeat(INDENT))
}
