//! `outcry watch`: resolve the arguments, read `--history` into windows, say how long the
//! baseline warms up, then run the live detector ([`crate::live`]) with alerts to standard
//! output (and `--exec`), and sum the run up on stderr.

use std::io::Write;
use std::time::Duration;

use anyhow::{bail, Result};

use super::cli::{WatchArgs, WatchFormat};
use super::config::{self, Config, UsageError};
use super::exit_codes;
use crate::detect::LEVEL_MIN_H;
use crate::lexicon::Matcher;
use crate::live::exec::{Job, Notifier};
use crate::live::{history, signal, watch, Alert, Emit, Summary, WatchConfig};
use crate::stream::outliers::Outlier;
use crate::stream::{sequential, warn_times, ScanConfig};
use crate::time::{self, exact_duration, human_duration, human_in, Ts};
use crate::window::Windows;

/// A `--history` series of counts: its rows, and the service of each.
type CountHistory = (Vec<history::CountRow>, Vec<usize>);

/// A `--history` dump of posts: its path, and, unless it is a regular file, its input as opened
/// to sniff it (read from there: standard input, a pipe or a FIFO cannot be opened again).
type Dump = (String, Option<crate::input::Source>);

/// `outcry watch`.
pub fn run(a: &WatchArgs) -> Result<i32> {
    let cfg = Config::from_args(&a.common)?;
    let width = cfg.scan.window;
    // Each duration flag with its default (when not given) and its longest value.
    let duration = |name: &str, v: Option<&str>, default: i64, max: i64| match v {
        None => Ok(default),
        Some(s) => time::parse_duration(s)
            .and_then(|v| at_most(v, max))
            .map_err(|e| UsageError(format!("{name}: {e}"))),
    };
    let lateness = match a.max_lateness.as_deref() {
        // Only a lateness may be nothing (0, 0s, 0m...): it closes a window at the first post
        // after it.
        Some(v) if is_zero(v) => 0,
        v => duration("--max-lateness", v, width, MAX_SPAN)?,
    };
    let idle = duration("--idle-flush", a.idle_flush.as_deref(), width, MAX_SPAN)?;
    let horizon = duration("--horizon", Some(&a.horizon), 0, MAX_SPAN)?;
    if horizon < 2 * width {
        return Err(UsageError(format!(
            "--horizon: must span at least two windows ({}), got {}",
            exact_duration(2 * width),
            exact_duration(horizon.max(0))
        ))
        .into());
    }
    let exec_timeout = duration("--exec-timeout", Some(&a.exec_timeout), 0, 86_400)?;
    let (mut lex, about) = config::load_lexicon(&a.common.lexicons)?;
    // A signal while the history is read ends the process (exit 130), with a word on stderr.
    signal::loading(!a.history.is_empty());
    let (dumps, counts) = history_inputs(a, &cfg, &mut lex, about)?;
    // The matcher lives as long as the process (see `live::watch`).
    let matcher: &'static Matcher = Box::leak(Box::new(Matcher::new(lex, about)));
    let windows = history_windows(&cfg, matcher, dumps, &counts)?;
    signal::loading(false);
    let history_end = windows.span_windows().map(|(_, b)| b);
    let history_until = history_end.map(|h| windows.end(h));
    // No word on the warm-up before a run that will read nothing (every file named is missing):
    // the error is what the user needs to see.
    let readable = (cfg.scan.inputs.iter()).any(|p| p == "-" || std::fs::metadata(p).is_ok());
    if !cfg.scan.quiet && readable {
        warm_up_note(&windows, &cfg);
    }
    config::note_inputs(&cfg);
    let notifier = a
        .exec
        .clone()
        .map(|c| Notifier::start(c, Duration::from_secs(exec_timeout as u64), cfg.scan.quiet));
    let emit = emitter(a.format, &cfg, matcher, notifier.as_ref());
    let live = WatchConfig {
        scan: cfg.scan.clone(),
        params: cfg.params.clone(),
        lateness,
        idle_flush: Duration::from_secs(idle as u64),
        horizon_s: horizon,
    };
    let mut done = watch(&live, matcher, windows, history_end, emit)?;
    let exec = notifier.map(|n| n.finish(done.interrupted).get());
    // A signal while the commands queued at the end of the input ran cut them short.
    done.interrupted |= signal::raised();
    if !cfg.scan.quiet {
        warn_times(&done.stats, false);
        crate::eline!("outcry: watch: {}", summary_line(&done, exec));
        if let Some(w) = out_of_order(&done) {
            crate::eline!("outcry: warning: {w}");
        }
        if let Some(w) = in_the_history(&done, history_until) {
            crate::eline!("outcry: warning: {w}");
        }
    }
    if done.interrupted {
        return Ok(exit_codes::SUCCESS);
    }
    exit_codes::of_run(&done.stats, None)
}

/// The `--history` files, split into dumps (read as posts) and series of counts (read here,
/// their services made known to the lexicon).
fn history_inputs(
    a: &WatchArgs,
    cfg: &Config,
    lex: &mut crate::lexicon::Lexicon,
    about: Option<usize>,
) -> Result<(Vec<Dump>, Vec<CountHistory>)> {
    let (mut dumps, mut counts) = (vec![], vec![]);
    // Standard input is read once: it cannot be the history and then the live stream too.
    let stdin = |p: &std::path::PathBuf| p.as_os_str() == "-";
    if a.history.iter().any(stdin) && cfg.scan.inputs.iter().any(|i| i == "-") {
        let why = if a.common.files.is_empty() {
            "no FILE is given, so the live stream is standard input too"
        } else {
            "`-` is among the FILEs too"
        };
        return Err(UsageError(format!(
            "--history -: {why}, and standard input is read once: give the live stream as FILE, or the history as a file"
        ))
        .into());
    }
    for p in &a.history {
        let path = p.to_string_lossy().into_owned();
        let opened = history::open(&path, cfg.scan.quiet)
            .map_err(|e| anyhow::anyhow!("--history {path}: {e}"))?;
        if opened.counts {
            let rows = history::read_counts(opened.src, &path, cfg.scan.times.zone.or_utc())?;
            let (rows, out) = history::outliers(rows, cfg.scan.keep_outliers);
            warn_count_outliers(&path, &out, cfg.scan.quiet);
            if rows.iter().any(|r| r.total.is_none()) && !cfg.scan.quiet {
                crate::eline!(
                    "outcry: warning: --history {path} has no `total` column (records per window): the chatter level of its windows is taken as their reports"
                );
            }
            let svc = history::services(&rows, lex, about);
            counts.push((rows, svc));
        } else {
            // A regular file is opened again when it is read: thousands of them are not held
            // open meanwhile.
            let regular = path != "-" && std::fs::metadata(&path).is_ok_and(|m| m.is_file());
            dumps.push((path, (!regular).then_some(opened.src)));
        }
    }
    Ok((dumps, counts))
}

/// Says on stderr which rows of the counts history `path` were set aside as far outside its
/// bulk (`out`: why, and when), as `detect --counts` says it.
fn warn_count_outliers(path: &str, out: &[(Outlier, Ts)], quiet: bool) {
    let (Some(a), Some(b)) = (out.iter().map(|o| o.1).min(), out.iter().map(|o| o.1).max()) else {
        return;
    };
    if quiet {
        return;
    }
    let by: Vec<String> = Outlier::ALL
        .iter()
        .map(|w| (w, out.iter().filter(|o| o.0 == *w).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(w, n)| format!("{} {n}", w.name()))
        .collect();
    crate::eline!(
        "outcry: warning: --history {path}: {} {} far outside the bulk of the series ({}; {} to {}) kept out of the windows; --keep-outliers keeps them",
        out.len(),
        if out.len() == 1 { "row" } else { "rows" },
        by.join(", "),
        time::rfc3339_utc(a),
        time::rfc3339_utc(b)
    );
}

/// The windows the stream starts from: the history's, or none.
fn history_windows(
    cfg: &Config,
    matcher: &Matcher,
    dumps: Vec<Dump>,
    counts: &[CountHistory],
) -> Result<Windows> {
    let services = matcher.services().len();
    let mut windows = if dumps.is_empty() {
        Windows::aligned(cfg.scan.window, services, cfg.zones[0])
    } else {
        let scan_cfg = ScanConfig {
            inputs: dumps.iter().map(|(path, _)| path.clone()).collect(),
            progress: false,
            ..cfg.scan.clone()
        };
        // The scan opens the inputs in their order: each takes its own source, if it was kept.
        let mut opened = dumps.into_iter();
        let scan = sequential::scan_opened(&scan_cfg, matcher, |path| match opened.next() {
            Some((p, Some(src))) if p == path => Ok(src),
            _ => crate::input::open_quiet(path, cfg.scan.quiet),
        })?;
        if scan.stats.unreadable > 0 || !scan.stats.input_errors.is_empty() {
            bail!("--history: {}", scan.stats.input_errors.join("; "));
        }
        if scan.stats.records == 0 {
            bail!(
                "--history: no record could be read from {} ({} lines, each skipped: see the \
                 warnings above)",
                scan_cfg.inputs.join(", "),
                scan.stats.lines
            );
        }
        warn_times(&scan.stats, cfg.scan.quiet);
        scan.windows
    };
    for (rows, svc) in counts {
        history::fill(rows, svc, &mut windows);
    }
    Ok(windows)
}

/// Says on stderr how long the baseline warms up: without history (or with less than a day of
/// it), the usual level is taken from the quietest quarter of what has been seen.
fn warm_up_note(w: &Windows, cfg: &Config) {
    let day = LEVEL_MIN_H * 3600;
    match w.span() {
        None => crate::eline!(
            "outcry: watch: no --history: the baseline warms up on the stream itself; for its first {} each service is judged against its quietest quarter so far (alerts say usual_level_known: false), there is an hour-of-day profile from its second day on (provisional until 3 days: the hours seen on two days) and, from its eighth, a weekday or weekend one when the weekend plainly differs (provisional until 14 days), and incidents found only in hindsight are counted, not announced. --history FILE (an archive, or `outcry windows` CSV) starts it warm.",
            human_duration(day)
        ),
        Some((a, b)) if b - a < day => crate::eline!(
            "outcry: watch: the --history covers {} ({} to {}): the baseline warms up for another {} of the stream",
            human_duration((b - a).max(1)),
            human_in(a, cfg.zones[0]),
            human_in(b, cfg.zones[0]),
            human_duration(day - (b - a))
        ),
        Some((a, b)) => crate::eline!(
            "outcry: watch: the baseline starts from {} of history ({} to {})",
            human_duration(b - a),
            human_in(a, cfg.zones[0]),
            human_in(b, cfg.zones[0])
        ),
    }
}

/// The longest lateness, idle flush or horizon: a year and a day (as the widest window).
const MAX_SPAN: i64 = 366 * 86_400;

/// Whether `s` is a duration of nothing in any of the units a duration takes (`0`, `0s`, `0.0m`):
/// [`time::parse_duration`] refuses it, as every duration but a lateness must be more.
fn is_zero(s: &str) -> bool {
    let t = s.trim();
    let split = t
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let zero = num.contains('0') && num.chars().all(|c| c == '0' || c == '.');
    zero && !num.ends_with('.')
        && num.matches('.').count() <= 1
        && time::parse_duration(&format!("1{unit}")).is_ok()
}

/// `v` when it is at most `max` seconds (a command hook past a day, a year's lateness, are
/// mistakes, and far larger ones would overflow the clock's arithmetic).
fn at_most(v: i64, max: i64) -> Result<i64, String> {
    if v > max {
        return Err(format!(
            "{} is longer than the longest this takes, {}",
            exact_duration(v),
            exact_duration(max)
        ));
    }
    Ok(v)
}

/// A warning when most of what a run read came too late to count (a fifth of its records, and
/// at least 20): an archive in no time order, given to watch instead of detect. The count is in
/// the summary either way; this says what it means.
fn out_of_order(done: &Summary) -> Option<String> {
    let (late, read) = (done.live.late, done.stats.records);
    (late >= 20 && late * 5 >= read).then(|| {
        format!(
            "{late} of {read} records ({:.0}%) came after their window had closed and were left \
             out: watch reads its input in arrival order, as a live stream; an archive in any \
             time order is for `outcry detect` (or sort it by time first)",
            100.0 * late as f64 / read.max(1) as f64
        )
    })
}

/// A warning when most of what a run read fell in windows the `--history` already covers (half
/// of its records, and at least 20): a history that runs past the stream (a row dated 2099
/// among those of the series, a stream replayed from before its end) leaves nothing to watch.
fn in_the_history(done: &Summary, until: Option<Ts>) -> Option<String> {
    let (kept, read) = (done.live.in_history, done.stats.records);
    let until = until?;
    (kept >= 20 && kept * 2 >= read).then(|| {
        format!(
            "{kept} of {read} records ({:.0}%) fell in windows the --history already covers (it runs to {}) and were left out: a history that ends after the stream leaves nothing to watch (a row dated far ahead in it, or a stream that replays its past)",
            100.0 * kept as f64 / read.max(1) as f64,
            time::rfc3339_utc(until)
        )
    })
}

/// Where each alert goes: a line on standard output, flushed at once, and the `--exec` queue.
fn emitter(
    format: WatchFormat,
    cfg: &Config,
    matcher: &'static Matcher,
    notifier: Option<&Notifier>,
) -> Emit {
    let zones = cfg.zones.clone();
    let width = cfg.scan.window;
    let queue = notifier.map(Notifier::queue);
    Box::new(move |a: &Alert| {
        let service = matcher.services()[a.service].id.clone();
        let json = serde_json::to_string(&a.to_json(&service, zones[0]))?;
        let line = match format {
            WatchFormat::Jsonl => json.clone(),
            WatchFormat::Text => a.to_text(&service, &zones, width),
        };
        let mut out = std::io::stdout().lock();
        writeln!(out, "{line}")?;
        out.flush()?;
        if let Some(q) = &queue {
            q.send(Job {
                json,
                event: a.event.name(),
                service,
                incident: a.incident,
            });
        }
        Ok(())
    })
}

/// The run in one line: what was read, said and kept out, and what the commands did.
fn summary_line(s: &Summary, exec: Option<(u64, u64, u64, u64)>) -> String {
    let st = &s.stats;
    let [on, up, rec, open, back] = s.alerts;
    // The skipped lines by reason, as `detect`'s report gives them (the warnings during the
    // run promise the count by reason at the end).
    let skipped = match st.skipped() {
        0 => "0 lines skipped".to_string(),
        n => format!("{n} lines skipped: {}", st.reasons_text()),
    };
    let mut line = format!(
        "{} records read ({skipped}), {} alerts ({on} onset, {up} update, {rec} recovery, {back} reopened, {open} unresolved); kept out: {} late, {} in the history, {} far ahead",
        st.records,
        on + up + rec + back + open,
        s.live.late,
        s.live.in_history,
        s.live.far_ahead
    );
    let range = st.outliers_by_reason[Outlier::BeforeSince as usize]
        + st.outliers_by_reason[Outlier::AfterUntil as usize];
    if range > 0 {
        line.push_str(&format!(", {range} outside --since/--until"));
    }
    let epoch = st.outliers_by_reason[Outlier::EpochZero as usize];
    if epoch > 0 {
        line.push_str(&format!(", {epoch} epoch_zero (dated 1970-01-01)"));
    }
    line.push_str(&format!(
        "; {} windows closed, the detector ran {} times (and {} times on open windows)",
        s.monitor.windows_closed, s.monitor.detections, s.monitor.peeks
    ));
    if s.monitor.hindsight > 0 {
        line.push_str(&format!(
            "; incidents found only in hindsight (over, their windows seen an hour before without them), not announced: {}",
            s.monitor.hindsight
        ));
    }
    if let Some(end) = s.stream_end {
        line.push_str(&format!(
            "; the stream's time at the end: {}",
            end_time(end)
        ));
    }
    if let Some((ok, failed, timed_out, dropped)) = exec {
        line.push_str(&format!(
            "; --exec: {ok} succeeded, {failed} failed ({timed_out} timed out), {dropped} dropped"
        ));
    }
    if s.interrupted {
        line.push_str(" (interrupted)");
    }
    line
}

fn end_time(t: Ts) -> String {
    time::rfc3339_utc(t)
}
