//! The command line as the user types it. Doc comments here are the `--help` text; turning these
//! raw values into a checked `Config` happens in `config.rs`.

use std::path::PathBuf;

use clap::parser::ValueSource;
use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};

/// The exit status's lines for mistakes and failures, shared by [`exit_status`] and
/// [`exit_status_plain`]; `$kept` says what becomes of what could be read ("reported", "written").
macro_rules! exit_status_errors {
    ($kept:literal) => {
        concat!(
            "
  2  a mistake on the command line (unknown zone, bad --window, bad lexicon file, ...); nothing read
  3  an input or the output failed: an input could not be read or broke off (a truncated or
     corrupt archive), no record at all could be read, --strict met a bad line, or the output
     could not be written. What could be read is still ",
            $kept,
            " (not after --strict, which
     stops at the bad line). (A pipe closed by its reader, as in `outcry ... | head`, is not a
     failure: the run stops quietly.)"
        )
    };
}

/// The exit status, in every command's `--help`.
macro_rules! exit_status {
    () => {
        concat!(
            "\
Exit status (as grep and ripgrep, errors are 2 and up):
  0  the run completed and read its whole input (with --exit-code: and found an outage)
  1  with --exit-code only: the run completed and found no outage (detect) or spike (windows)",
            exit_status_errors!("reported")
        )
    };
}
/// The same, for tests and the README.
pub const EXIT_STATUS: &str = exit_status!();

/// The exit status of the commands without --exit-code (`scan`, `classify`), in their `--help`.
macro_rules! exit_status_plain {
    () => {
        concat!(
            "\
Exit status (as grep and ripgrep, errors are 2 and up):
  0  the run completed and read its whole input",
            exit_status_errors!("written")
        )
    };
}
/// The same, for tests.
pub const EXIT_STATUS_PLAIN: &str = exit_status_plain!();

/// The exit status of `watch`, in its `--help`.
macro_rules! watch_exit_status {
    () => {
        "\
Exit status:
  0  the input ended, or Ctrl-C, SIGTERM or SIGHUP stopped the run: open windows were closed and
     outages still under way, or with their recovery still held back, reported as unresolved
     (--exec failures are counted, not fatal); or the reader of standard output closed it
     (`outcry watch | head -1`): the run stops quietly
  2  a mistake on the command line; nothing read
  3  an input or --history could not be read or broke off, no record at all could be read from
     the input or from a --history archive, --strict met a bad line, or an alert could not be
     written (a full disk)
  130  Ctrl-C, SIGTERM or SIGHUP while the --history was still being read (before the stream):
     nothing was watched, and stderr says so"
    };
}

/// How outcry reads times, in the long `--help` of the commands that read posts.
macro_rules! times_help {
    () => {
        "\
Times: a time written with a zone (Z, +09:00, GMT, KST, PST, ...) is read in it. A time without
one is in --input-tz; without --input-tz, Korean text (오후, 2009년 2월 24일, 9시 20분) is read as
Asia/Seoul time and anything else as UTC (as `outcry time` does), with a warning that counts them
(JSON stats.implied_zone). Numeric dates: a four-digit number is the year; year first (2024-03-10,
2024/3/10, 2024.03.10.) is year-month-day; year last (03/10/2024) is month/day/year, except with
dots (10.03.2024) or a first number over 12 (24/02/2009), which are day first; with no four-digit
year (09/02/24) the year comes first (two-digit years are 1970-2069); when that reading is no
date and one other order gives one (12/31/24), that one is taken. A date that another order
would read as another valid date is counted and warned about (stats.ambiguous_dates);
--date-order says which order the input uses. An impossible date (2024-02-30) or second (:65)
makes the line a skip (unparseable_time). Records far outside the bulk of the stream (a zero
epoch, a year misread by decades) are kept out of the windows, counted by reason
(stats.outliers_by_reason: epoch_zero, before_bulk, after_bulk) and warned about: the bulk is the
middle half of the records by time, grown one day with records at a time while the next one lies
within 30 days, the span kept so far or two windows, whichever is most; --keep-outliers keeps
every record, --since and --until choose the span."
    };
}
/// The same, for tests and the README.
pub const TIMES_HELP: &str = times_help!();

/// Where output goes, in the long `--help` of the commands that write a file.
macro_rules! output_help {
    () => {
        "\
Output: standard output, or -o FILE as the shell's `> FILE` would write it, but never half of it:
a regular file (or a new one) is written to a temporary file beside it and renamed into place once
complete (a new file gets mode 0666 less the umask, a replaced one keeps its mode; a run that
fails to write, is interrupted, or reads no record at all leaves the old file and no temporary
one, while a run whose inputs failed partway writes its report of what it read and exits 3); a
symbolic link is followed and its
target replaced so; a FIFO, a terminal or another device is written directly; `-o -` is standard
output."
    };
}
/// The same, for tests and the README.
pub const OUTPUT_HELP: &str = output_help!();

/// Where `scan` writes, in its long `--help`.
macro_rules! partial_output_help {
    () => {
        "\
Output: --partial FILE, written as the shell's `> FILE` would write it, but never half of it (as
`detect -o` writes: a temporary file beside it renamed into place once complete; a run that fails
to write, is interrupted, or reads no record at all leaves the old file); `--partial -` is
standard output, which must not be a terminal (a partial is binary)."
    };
}

/// Detect service outages from social chatter: what broke, when it started, when it came back.
///
/// outcry reads posts (JSON Lines, CSV, XML blog backups and feeds, JSON documents; plain, gzip,
/// zstd, xz or bzip2; files or standard input), finds the ones that report an outage of a known
/// service (in English and Korean), counts them in time windows, and reports the windows where
/// complaints rise far above their usual level.
#[derive(Debug, Parser)]
#[command(name = "outcry", version = super::VERSION, about, long_about, max_term_width = 100)]
#[command(after_help = concat!("Examples:\n  \
    zcat tweets.jsonl.gz | outcry detect --tz Asia/Seoul\n  \
    outcry detect --input-tz Asia/Seoul --format json dump1.jsonl dump2.jsonl.zst > report.json\n  \
    outcry windows --window 5m --spikes-only archive.jsonl.gz > spikes.csv\n  \
    outcry time \"10:20 am GMT\" --date 2009-02-24 --to Asia/Seoul\n\n\
    Shell completions: outcry completions bash|zsh|fish|elvish|powershell; manual page: outcry man.\n\n",
    "Exit status: 0 done (with --exit-code: an outage found), 1 with --exit-code: none found,\n\
    2 a mistake in the arguments, 3 an input or the output failed (see a command's --help)."))]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The definition `--help`, the completions and the manual page show: the derived one.
    pub fn definition() -> clap::Command {
        <Cli as clap::CommandFactory>::command()
            .mut_subcommand("watch", |c| c.mut_arg("files", |a| a.help(WATCH_FILES)))
    }

    /// The process's arguments, parsed against [`Cli::definition`]; a mistake, `--help` or
    /// `--version` ends the process as clap does (exit 2 or 0), with a tip where one helps.
    pub fn from_env() -> Cli {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let matches = Self::definition()
            .try_get_matches_from(&args)
            .unwrap_or_else(|e| exit_with_tip(e, &args));
        let mut cli =
            <Cli as clap::FromArgMatches>::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
        let given = |sub: &clap::ArgMatches| -> Vec<String> {
            (sub.ids())
                .filter(|id| sub.value_source(id.as_str()) == Some(ValueSource::CommandLine))
                .map(|id| id.to_string())
                .collect()
        };
        match (&mut cli.command, matches.subcommand()) {
            (Command::Scan(a), Some((_, sub))) => a.given = given(sub),
            (Command::Classify(a), Some((_, sub))) => a.given = given(sub),
            _ => {}
        }
        cli
    }
}

/// `watch`'s inputs, in its help: read as they come, not sorted as `detect`'s (the text the other
/// commands share with it, on [`CommonArgs`], says "in any time order").
const WATCH_FILES: &str = "Input files, read one after another as one stream, in arrival order \
    (standard input when none is given or for `-`), in the layouts and compressions detect reads. \
    Posts should come roughly in time order: one for a window already closed (see \
    --max-lateness) is counted as late and left out. For archives in any time order, use \
    `outcry detect`, or sort them by time first.";

/// Ends the process with clap's message for `e`, and after it a tip for the one mistake clap
/// cannot explain: `-o` given to `watch` or `scan`, which write elsewhere.
fn exit_with_tip(e: clap::Error, args: &[std::ffi::OsString]) -> ! {
    if e.kind() == clap::error::ErrorKind::UnknownArgument {
        let o = args.iter().skip(1).any(|a| {
            a.to_str().is_some_and(|a| {
                a.starts_with("-o") || a == "--output" || a.starts_with("--output=")
            })
        });
        let command = args
            .iter()
            .skip(1)
            .find_map(|a| a.to_str().filter(|a| !a.starts_with('-')));
        let tip = match command {
            Some("watch") => "watch writes its alerts as they come: redirect standard output (>> alerts.jsonl) instead of -o",
            Some("scan") => "scan writes its partial result to --partial FILE; -o is for reports",
            _ => "",
        };
        if o && !tip.is_empty() {
            let _ = e.print();
            crate::eline!("\ntip: {tip}");
            std::process::exit(e.exit_code());
        }
    }
    // --help and --version go to standard output: one that cannot be written (a full disk) is a
    // failed run, as any other output is (exit 3), and one closed by its reader (`| head`) ends
    // quietly.
    if !e.use_stderr() {
        match e.print() {
            Err(w) if w.kind() != std::io::ErrorKind::BrokenPipe => {
                crate::eline!("outcry: error: standard output: cannot write: {w}");
                std::process::exit(super::exit_codes::FAILURE);
            }
            _ => std::process::exit(e.exit_code()),
        }
    }
    e.exit()
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find outages and report each one: service, onset, peak, recovery, evidence.
    ///
    /// A post is an outage report for a service when it names the service (any alias, English or
    /// Korean) and uses an outage phrase; a recovery post when a recovery phrase comes last.
    /// Reports are counted per service in windows (--window), once per voice: an author's
    /// repeats, retweets (`RT @name`) and copies of one long text count once. Per service, the
    /// expectation of a window is λ times the chatter level around it (posts not naming the
    /// service, an hour either side, relative to their mean: the time of day) times, from 3 days
    /// of input, the service's usual level at that hour of the day (from 14 days, also that day
    /// of the week; from 28, that hour of the week; on the clock of the first --tz zone;
    /// --no-seasonal: not), all re-estimated without the windows found significant, times its
    /// local level (running medians of the last two days, the last week and the next two days:
    /// a rise that lasts more than a day is a new normal). Inputs under a day cannot know the
    /// usual level: it is taken from their quietest quarter, and the report says so. Counts are
    /// negative binomial, with a spread estimated from the service's own series. A window is a
    /// spike when it has at least --min-reports voices, twice its expectation and a tail
    /// probability below --alpha; windows with P < 0.01 at 1.5 times are elevated (dense series:
    /// also the sums of the last 15 and 60 minutes). Elevated windows chain into one incident
    /// across up to --merge-gap quiet windows (up to an hour while reports stay above normal in
    /// sum); one with a spike, a second busy window (P < 0.1) or a spike below alpha², and 10
    /// nats of evidence (the run's log-likelihood ratio, allowing for the expectation's own
    /// error over hours) is reported, with its severity (peak ratio, evidence). Onset: the first report of the run, to the second. Recovery: where the
    /// reports end, placed by the first recovery post ("it's back", 정상화) from the run's last
    /// window on once a second one corroborates it (or up to an hour later, and before the
    /// service's next incident, when the reports in between stay above normal in sum all along:
    /// a degraded tail); none while still elevated at the end of the
    /// input. Silences of more than a week split the input into segments analysed apart.
    ///
    /// --format json writes one object: `schema_version` (the JSON Schema's version, 1),
    /// `incidents` (per incident: service, category, onset, peak and recovery in UTC and in the
    /// first --tz zone as `*_local`, duration_s, ongoing, reports, distinct_reports, recoveries,
    /// posts, baseline, score, peak_reports, top_terms, evidence, quoted_times, phases, official,
    /// peak_ratio and llr (the severity), usual_level_known, overdispersion),
    /// `stats` (what was read, skipped and kept out, by reason) and `settings`. `outcry schema`
    /// prints the JSON Schema that describes every field.
    ///
    /// The text report draws each incident's timeline under it: distinct reports per window as
    /// bars, the level a window needed to be a spike (╌) and the expectation (·), ticks on the
    /// clock of the first --tz zone, O onset, P peak, r recovering and R recovery on the axis,
    /// and a row tracing the expectation on its own scale. It fits the width of the terminal
    /// (COLUMNS when set; 80 when the output is not a terminal, so a piped report is the same
    /// on every machine); --ascii draws it in plain ASCII, --no-timeline leaves it out. --plot
    /// writes the same picture as an SVG chart per incident, --html a self-contained page.
    #[command(after_help = concat!("Examples:\n  \
        outcry detect --input-tz Asia/Seoul --tz Asia/Seoul fixtures/gmail-2009-02-24/*\n  \
        outcry detect --tz Asia/Seoul --plot outage.svg --html outage.html tweets.jsonl.gz\n  \
        zcat tweets.jsonl.gz | outcry detect --tz Asia/Seoul,UTC\n  \
        outcry detect --format json -o report.json dump.jsonl.zst\n  \
        outcry detect --official status.jsonl --since 2009-02-24 --until 2009-02-25 tweets.jsonl\n  \
        outcry detect --counts reports-per-5m.csv --about kakaotalk --sensitivity high\n  \
        outcry detect --exit-code -q --format json -o report.json dump.jsonl && page-someone\n\n", exit_status!()))]
    #[command(after_long_help = concat!("Examples:\n  \
        outcry detect --input-tz Asia/Seoul --tz Asia/Seoul fixtures/gmail-2009-02-24/*\n  \
        outcry detect --tz Asia/Seoul --plot outage.svg --html outage.html tweets.jsonl.gz\n  \
        zcat tweets.jsonl.gz | outcry detect --tz Asia/Seoul,UTC\n  \
        outcry detect --format json -o report.json dump.jsonl.zst\n  \
        outcry detect --official status.jsonl --since 2009-02-24 --until 2009-02-25 tweets.jsonl\n  \
        outcry detect --counts reports-per-5m.csv --about kakaotalk --sensitivity high\n  \
        outcry detect --exit-code -q --format json -o report.json dump.jsonl && page-someone\n\n",
        times_help!(), "\n\n", output_help!(), "\n\n", exit_status!()))]
    Detect(DetectArgs),
    /// Write per-window counts and spike scores as CSV, one row per service per window.
    ///
    /// Every window from the first post to the last, for every service named at least once
    /// (quiet windows included, so a plot has no holes), ordered by window then service. Columns:
    /// `window_start`, `window_end` (RFC 3339 in the first --tz zone; the window is
    /// [start, end)); `service` (its id in the lexicons); `posts` (records naming the service);
    /// `reports` (outage reports, every one); `recoveries` (recovery posts); `baseline` (λ, the
    /// service's usual distinct reports per window, before the chatter level and the seasonal
    /// factors); `score` (−log10 of the tail probability P(X >= distinct_reports | expected)
    /// under the negative binomial with the service's own spread, or of a 15- or 60-minute
    /// block's that the window ends: how surprising the window is; 3 means P = 0.001, the default
    /// --alpha; capped at 300); `spike` (`true` when P < --alpha with at least --min-reports
    /// voices and twice the expectation); `distinct_reports` (reports counted once per voice:
    /// what the test counts; exact up to 64 voices in a window, estimated above that from a
    /// sketch of 64 hashed voices, typically within about 12%, off by 25% now and then); `expected` (μ, the distinct reports expected in this window: the
    /// baseline times the chatter level, the seasonal factors and the local level); `total`
    /// (every record in the window, naming a service or not: the chatter level, the same on each
    /// service's row; `watch --history` reads it back). A stretch of more than a week without
    /// any post has two rows, its first and its last window (see --fill).
    #[command(after_help = concat!("Examples:\n  \
        outcry windows --window 5m archive.jsonl.gz > windows.csv\n  \
        outcry windows --spikes-only --tz Asia/Seoul -o spikes.csv posts.csv\n  \
        outcry windows --exit-code -q dump.jsonl > /dev/null && echo 'a spike somewhere'\n\n", exit_status!()))]
    #[command(after_long_help = concat!("Examples:\n  \
        outcry windows --window 5m archive.jsonl.gz > windows.csv\n  \
        outcry windows --spikes-only --tz Asia/Seoul -o spikes.csv posts.csv\n  \
        outcry windows --exit-code -q dump.jsonl > /dev/null && echo 'a spike somewhere'\n\n",
        times_help!(), "\n\n", output_help!(), "\n\n", exit_status!()))]
    Windows(WindowsArgs),
    /// Read inputs into a partial result: everything `detect` needs from them, in a file that
    /// merges with other partials (`outcry merge`, `detect --partials`).
    ///
    /// For inputs too many for one machine: read each share of them where it lies (one Spark
    /// task, one host, one month of archives) into a partial, merge the partials, and detect
    /// once. `detect --partials` over the merged partials of any split of the inputs writes the
    /// same report, byte for byte, as `detect` over all of them. A partial holds, per service and
    /// window, the posts, reports, recoveries, earliest evidence, terms, quoted times and a
    /// sketch of the distinct voices; the records per window and per day; and what was read and
    /// skipped (docs/partial-format.md: zstd-compressed JSON Lines, versioned). The settings that
    /// change what is counted go into it (--window, --tz's first zone for windows over an hour,
    /// --input-tz, --date-order, --since, --until, the lexicon) and must agree between partials
    /// that are merged; detection options (--alpha, --sensitivity, --keep-outliers, …) are given
    /// to `detect --partials` instead.
    #[command(after_help = concat!("Examples:\n  \
        outcry scan --partial part-01.partial archive/2022-01-*.jsonl.zst\n  \
        outcry merge -o all.partial part-*.partial\n  \
        outcry detect --partials all.partial --format json -o report.json\n\n", exit_status_plain!()))]
    #[command(after_long_help = concat!("Examples:\n  \
        outcry scan --partial part-01.partial archive/2022-01-*.jsonl.zst\n  \
        outcry merge -o all.partial part-*.partial\n  \
        outcry detect --partials all.partial --format json -o report.json\n\n",
        times_help!(), "\n\n", partial_output_help!(), "\n\n", exit_status_plain!()))]
    Scan(ScanArgs),
    /// Merge partial results (`outcry scan --partial`) into one.
    ///
    /// Merging is exact and order-free: counts add up, the earliest evidence and the smallest
    /// voice hashes are kept by one total order, so any grouping of the partials in any order
    /// merges to the same file, and detecting from it gives the report of one run over all the
    /// inputs. Partials made with different settings or lexicons are refused, with what differs.
    /// A partial named twice, or a byte-for-byte copy of one (a retried task's output), is merged
    /// once, with a warning. Memory: one merged partial (the files are read one after another).
    #[command(after_help = "Examples:\n  \
        outcry merge -o all.partial part-*.partial\n  \
        outcry merge a.partial b.partial | outcry detect --partials -\n\n\
        Exit status: 0 merged, 2 a mistake in the arguments, 3 a partial could not be read or merged, or the output not written.")]
    Merge(MergeArgs),
    /// What time was that here? Convert a time as a post wrote it ("10:20 am GMT", "밤 9시 20분",
    /// "0930 GMT", an epoch number) into one or more zones.
    ///
    /// The zone is the one written in the text; else --from; else Asia/Seoul for Korean text (오후,
    /// 9시 20분, 2009년 2월 24일) and UTC for anything else: the rule the inputs of `detect` follow
    /// without --input-tz. A time of day without a date is on --date (default: today in that
    /// zone). An impossible date (2024-02-30) or time (09:40:65) is an error. --format json
    /// writes {"input", "utc", "epoch", "source_zone", "dst", "times": [{"zone", "time",
    /// "abbreviation", "offset", "text"}]}; `dst` is "exact", "skipped" (moved forward over a DST
    /// gap) or "repeated" (the earlier of two).
    #[command(after_help = concat!("Examples:\n  \
        outcry time \"10:20 am GMT\" --date 2009-02-24 --to Asia/Seoul,America/Los_Angeles\n  \
        outcry time \"밤 9시 20분\" --date 2009-02-24\n  \
        outcry time 1235467800 --to Asia/Seoul --format json\n  \
        outcry time \"Feb 24, 2009 3:30 AM CST\" --from America/Chicago\n\n\
        Exit status: 0 the time was read, 2 it could not be (or an argument is wrong), 3 the \
        answer could not be written."))]
    Time(TimeArgs),
    /// Classify every post: one JSON line per record, in input order.
    ///
    /// Each line is {"input", "line", "time", "record_kind", "service", "kind", "terms",
    /// "excluded", "negated", "works_for_me", "services", "facets"}: `input` the input it was read
    /// from (the path as given, or `<stdin>`), `line` the record's line in that input (the first
    /// line of a CSV row; for XML and JSON documents the line its element starts on), `time` RFC
    /// 3339 UTC, `record_kind` what the record is when the input says (post, comment, trackback,
    /// pingback), `service` the service it is about (null when none is named), `kind` "report", "recovery" or null, `terms` the outage and recovery entries that
    /// matched, `excluded` the exclusions that fired, `negated` the negations and counter-evidence
    /// that fired, `works_for_me` true when the post says the service works for its writer,
    /// `services` every service it names, `facets` the surfaces, functions and places it names,
    /// each {"class", "name", "reading"} with reading "fails" or "works". Every record is written (--since/--until leave out
    /// those outside; records far outside the bulk of the stream are written too).
    #[command(after_help = concat!("Examples:\n  \
        outcry classify posts.jsonl > verdicts.jsonl\n  \
        outcry classify --about kakaotalk replies.csv | jq -c 'select(.kind == \"report\")'\n\n", exit_status_plain!()))]
    #[command(after_long_help = concat!("Examples:\n  \
        outcry classify posts.jsonl > verdicts.jsonl\n  \
        outcry classify --about kakaotalk replies.csv | jq -c 'select(.kind == \"report\")'\n\n",
        times_help!(), "\n\n", output_help!(), "\n\n", exit_status_plain!()))]
    Classify(ClassifyArgs),
    /// Show how one text is classified, and why: normalised text, every match, the verdict.
    ///
    /// --format json writes {"text", "normalised", "hits": [{"start", "end", "kind", "entry",
    /// "matched", "service", "dropped"}], "verdict", "reasons", "vetter"}; "vetter" is null, or
    /// {"p_none", "p_report", "p_recovery", "rules", "decision", "bare"} when the learned vetter read the
    /// post (a candidate report or recovery naming a service): "decision" is "kept", "vetoed",
    /// "promoted" (a near candidate, or a post naming a service with no phrase, read as a report
    /// or recovery) or "switched" (a candidate report read as a recovery, or the other way
    /// round); "bare" is true when the model of posts without a phrase read it.
    #[command(after_help = concat!("Examples:\n  \
        outcry explain \"지메일 웹은 장애인데 아이폰에서는 되네요\"\n  \
        outcry explain --format json \"is gmail down for anyone?\"\n\n\
        Exit status: 0 explained, 2 a mistake in the arguments, 3 the output could not be written."))]
    Explain(ExplainArgs),
    /// Score a JSON report (`detect --format json`) against labelled events.
    ///
    /// The truth is CSV: `service,onset,recovery[,recovering]` (header optional, times in any
    /// layout outcry reads, UTC without an offset; `recovering`, optional, is when a partial
    /// recovery began); a service is a service id or any name or alias outcry knows ("Gmail",
    /// "지메일"). An event is hit by the earliest incident of its service that overlaps it (the
    /// incident's onset is before the event's recovery plus two windows, and the incident is not
    /// over before the event's onset) and has not hit an earlier event: one incident hits one
    /// event, so two events merged into one incident leave the later a miss. Any other incident is a false alarm (a second incident on
    /// the same event, a split, too). Prints a tab-separated table, one row per event: `service`, `onset`, `recovery` (the
    /// labelled times), `verdict` (hit, miss, or `false alarm` for rows of incidents matching no
    /// event), `onset_err_min` and `recovery_err_min` (the report's time minus the label's, in
    /// minutes: positive when late; `-` for a miss), `recovering_err_min` (for an event labelled
    /// with a partial recovery: the error of the report's `recovering` phase, or `none` when the
    /// report has no such phase; `-` otherwise); then a summary line.
    #[command(after_help = concat!("Examples:\n  \
        outcry detect --format json -o report.json tweets.jsonl.gz\n  \
        outcry eval --truth truth.csv report.json\n\n\
        Exit status: 0 scored, 2 a mistake in the arguments, 3 the truth or report could not be read."))]
    Eval(EvalArgs),
    /// Print a shell completion script for outcry to standard output.
    ///
    /// Generated from the same definitions as --help. Install it where your shell looks, e.g.
    /// `outcry completions bash > ~/.local/share/bash-completion/completions/outcry`,
    /// `outcry completions zsh > ~/.zfunc/_outcry` (with ~/.zfunc on $fpath),
    /// `outcry completions fish > ~/.config/fish/completions/outcry.fish`.
    #[command(after_help = "Examples:\n  \
        outcry completions bash > ~/.local/share/bash-completion/completions/outcry\n  \
        source <(outcry completions bash)\n\n\
        Exit status: 0 written, 2 a mistake in the arguments, 3 the output could not be written.")]
    Completions(CompletionsArgs),
    /// Print a manual page (roff) to standard output: outcry(1), or outcry-COMMAND(1).
    ///
    /// Generated from the same definitions as --help.
    #[command(after_help = "Examples:\n  \
        outcry man | man -l -\n  \
        outcry man detect | man -l -\n  \
        for c in '' detect windows watch scan merge time classify explain eval; do outcry man $c > outcry${c:+-$c}.1; done\n\n\
        Exit status: 0 written, 2 a mistake in the arguments (no such command), 3 the output could not be written.")]
    Man(ManArgs),
    /// Print the JSON Schema of `detect --format json` reports (or, with --alert, of the alert
    /// lines of `watch --format jsonl`) to standard output.
    ///
    /// Every field is described there; `schema_version` in a report (or alert line) names the
    /// version of its schema. The same files are schema/report.schema.json and
    /// schema/alert.schema.json in the source.
    #[command(after_help = "Examples:\n  \
        outcry schema > report.schema.json\n  \
        outcry schema --alert > alert.schema.json\n\n\
        Exit status: 0 written, 2 a mistake in the arguments, 3 the output could not be written.")]
    Schema(SchemaArgs),
    /// Watch a live stream: alert on an outage's onset, growth and recovery as they happen.
    ///
    /// Reads posts as `detect` does, standard input as it comes (`tail -F chatter.jsonl | outcry
    /// watch`; FILE arguments are read one after another, as one stream, so give them in time
    /// order), and counts them into windows by their own time, not the wall clock. A window
    /// closes when the stream's time (the latest post time read) is --max-lateness past its end,
    /// or after --idle-flush of wall time without input (the stream's time then runs on at wall
    /// speed), so a quiet stream still closes its windows. A post for a window already closed is
    /// counted as late, not added; one more than an hour ahead of the stream (beyond the wall
    /// time the input was silent) moves it only when the posts after it follow it in order, as
    /// many in a row as the stream had in its last hour (3 to 64), and not into the future of a
    /// stream that is not there; the clock starts at the median of the first five posts. Each
    /// time windows close, the detector of `detect` runs on the windows closed
    /// so far (the same expectation, test and rules; see `outcry detect --help`) and its
    /// incidents are set against what was announced: `onset` as soon as it is sure (the report
    /// that makes its rules hold, even in a window still open: counts only grow), `update` when
    /// the peak doubles, `recovery` when the reports end (or, `withdrawn`, when with the windows
    /// closed since it finds no outage there after all; a recovery is held back while "it's
    /// back" posts still to come could move it: with the reports since the outage still above
    /// normal in sum and no recovery posts yet; at most until the twelfth window after its
    /// last elevated one has closed, an hour at 5m windows; so it is announced once, where
    /// `detect` places it), and, at the end of the input or on
    /// Ctrl-C (SIGINT),
    /// SIGTERM or SIGHUP, `unresolved` for outages still under way and for a recovery still
    /// held back (its `recovery` field gives where the detector placed it, not settled); then
    /// it exits 0 (a second
    /// signal exits at once). SIGHUP ends the run like SIGTERM: watch has no settings to reload
    /// (restart it to change them, with --history to keep the baseline), and a hangup means the
    /// terminal or the supervisor that started it is gone. Standard output is flushed after
    /// every alert.
    ///
    /// --format jsonl writes one JSON object per alert: `schema_version`, `event` (onset, update,
    /// recovery, unresolved), `incident` (its number in this run), `service`, `time` (the event's
    /// instant) and `time_local`, `onset` and `onset_local`, `as_of` (the stream's time when it was
    /// decided), `recovery`, `withdrawn`, `reports`, `distinct_reports`, `recoveries`, `peak`,
    /// `peak_reports`, `severity` {`peak_ratio`, `llr`}, `usual_level_known` and `evidence`
    /// [{`time`, `text`, `author`, `kind`}]; `outcry schema --alert` prints the JSON Schema that
    /// describes every field. Times are UTC, `*_local` in the first --tz zone; text lines show
    /// them in --tz.
    ///
    /// The baseline starts from --history (archived dumps, or the CSV of `outcry windows`, or
    /// `timestamp,count[,total][,service]`): without it, the first 24 hours of the stream judge
    /// each service against its quietest quarter so far, as `detect` does on a short input, and
    /// stderr says so. The detector keeps --horizon of the past (windows and voices beyond it are
    /// dropped, so memory stays bounded on an endless stream). At the end, stderr has a summary:
    /// records read, alerts, posts kept out (late, in_history, far_ahead) and --exec's counts.
    #[command(after_help = concat!("Examples:\n  \
        some-stream-client | outcry watch --tz Asia/Seoul\n  \
        tail -F chatter.jsonl | outcry watch --format jsonl --window 1m >> alerts.jsonl\n  \
        tail -F chatter.jsonl | outcry watch --history archive.jsonl.zst --exec 'notify-team'\n\n",
        watch_exit_status!()))]
    #[command(after_long_help = concat!("Examples:\n  \
        some-stream-client | outcry watch --tz Asia/Seoul\n  \
        tail -F chatter.jsonl | outcry watch --format jsonl --window 1m >> alerts.jsonl\n  \
        tail -F chatter.jsonl | outcry watch --history archive.jsonl.zst --exec 'notify-team'\n\n",
        times_help!(), "\n\n", watch_exit_status!()))]
    Watch(WatchArgs),
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of `watch --format jsonl` alert lines instead of the report's.
    #[arg(long)]
    pub alert: bool,
}

/// `watch --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WatchFormat {
    /// One readable line per alert.
    Text,
    /// One JSON object per line per alert (schema: `outcry schema --alert`).
    #[value(alias = "json")]
    Jsonl,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// `text`: one readable line per alert (times in --tz); `jsonl`: one JSON object per alert.
    #[arg(long, value_enum, default_value_t = WatchFormat::Text)]
    pub format: WatchFormat,

    /// How long past a window's end its late posts are still counted (30s, 5m, ...; 0 closes a
    /// window as soon as a post after it comes). Default: one window.
    #[arg(long, value_name = "DURATION")]
    pub max_lateness: Option<String>,

    /// Close the windows the stream has passed after this much wall time without input, the
    /// stream's time running on at wall speed from the last post. Default: one window.
    #[arg(long, value_name = "DURATION")]
    pub idle_flush: Option<String>,

    /// Warm the baseline up with this before the stream: an archived dump (any input format), or
    /// a series of counts (the CSV `outcry windows` writes, or `timestamp,count[,total][,service]`).
    /// Repeat for several files. Its incidents are not announced.
    #[arg(long, value_name = "FILE")]
    pub history: Vec<PathBuf>,

    /// How much of the past the detector keeps and fits its baseline on (the seasonal profile
    /// needs 3 days for the hour of day (a provisional one from 1 day), 14 for the day of the
    /// week (weekdays and weekend, provisionally, from 7), 28 for the hour of the week).
    #[arg(long, value_name = "DURATION", default_value = "28d")]
    pub horizon: String,

    /// Run CMD (through `sh -c`) for every alert, with its JSON line on standard input and
    /// OUTCRY_EVENT, OUTCRY_SERVICE, OUTCRY_INCIDENT set; its output goes to stderr. Commands run
    /// one at a time from a queue, never holding up the stream: when 64 alerts wait, further ones
    /// are dropped for the command (and counted). Failures are shown on stderr and counted.
    #[arg(long, value_name = "CMD")]
    pub exec: Option<String>,

    /// Kill an --exec command that runs longer than this.
    #[arg(long, value_name = "DURATION", default_value = "10s")]
    pub exec_timeout: String,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Write the partial result to FILE (`-`: standard output), atomically as -o would.
    #[arg(long, value_name = "FILE", required = true)]
    pub partial: PathBuf,

    #[command(flatten)]
    pub common: CommonArgs,

    /// The ids of the options given on the command line (clap's `value_source`), filled by
    /// [`Cli::from_env`]: scan names the detection options it does not use, however they were
    /// spelt, even at their default values.
    #[arg(skip)]
    pub given: Vec<String>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Partial results written by `outcry scan --partial` or `outcry merge` (`-`: standard
    /// input).
    #[arg(value_name = "PARTIAL", required = true)]
    pub partials: Vec<PathBuf>,

    /// Write the merged partial to FILE instead of standard output, never half-written.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labelled events: CSV `service,onset,recovery` (`-`: standard input; compressed files are
    /// read as any input).
    #[arg(long, value_name = "FILE")]
    pub truth: PathBuf,

    /// A report written by `outcry detect --format json` (`-`: standard input; compressed
    /// files are read as any input).
    #[arg(value_name = "REPORT")]
    pub report: PathBuf,
}

#[derive(Debug, Args)]
pub struct ClassifyArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub out: OutputArg,

    /// The ids of the options given on the command line, as [`ScanArgs::given`]: classify
    /// names the options it does not use.
    #[arg(skip)]
    pub given: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The text of one post, e.g. "지메일 웹은 장애인데 아이폰에서는 되네요".
    #[arg(value_name = "TEXT")]
    pub text: String,

    /// `text` for people, `json` for scripts.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

/// Which lexicons to match with, shared by every command that classifies.
#[derive(Debug, Args)]
pub struct LexiconArgs {
    /// The stream is about this one service (e.g. replies to its support account): a post with an
    /// outage phrase and no service named is a report for it. Any name; known ids and aliases map
    /// to their service.
    #[arg(long, value_name = "NAME")]
    pub about: Option<String>,

    /// Add the entries of a lexicon file (format: lexicons/README.md). Repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,

    /// Use only the --lexicon files, not the shipped lexicons.
    #[arg(long)]
    pub no_default_lexicon: bool,
}

#[derive(Debug, Args)]
pub struct DetectArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub out: OutputArg,

    /// Report format: `text` for people, `json` for scripts.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Detect on an aggregated series instead of posts: CSV `timestamp,count[,total][,service]`
    /// (a header row may name the columns in any order), e.g. report counts exported from a
    /// monitoring tool. `total` (posts in all, once per time) lets the baseline follow the
    /// chatter level; a `distinct_reports` column gives the reports' distinct voices (else each
    /// report is one), so `outcry windows` output reads back; the service defaults to --about,
    /// else `service`. The window is the series' step (the most
    /// common gap between its times); a --window that is a multiple of it adds buckets up, any
    /// other is ignored with a warning. Counts may be written `94.0`. No FILE arguments with it.
    /// `-` is standard input; a compressed series is read as any input.
    #[arg(long, value_name = "FILE")]
    pub counts: Option<PathBuf>,

    /// Detect from partial results (`outcry scan --partial`, `outcry merge`) instead of posts:
    /// they are merged, and the report is the one a run over all their inputs would write. The
    /// counting settings are the partials' (--window, --input-tz, --date-order, --since,
    /// --until, the lexicon: when given, they must agree); windows over an hour need the same
    /// first --tz zone. No FILE arguments with it.
    #[arg(long, value_name = "PARTIAL", num_args = 1.., conflicts_with = "counts")]
    pub partials: Vec<PathBuf>,

    /// Posts of the provider's status or support account (same input formats; repeatable). Per
    /// incident, the report shows the first official acknowledgement ("investigating", "장애")
    /// and "resolved" message ("resolved", "복구") found in them, and the lead time: how many
    /// minutes the chatter detection came before the acknowledgement.
    #[arg(long, value_name = "FILE")]
    pub official: Vec<PathBuf>,

    /// Exit with 1 when no outage is found (0 when one is), as grep does with matches; errors
    /// are still 2 and 3. The report is written either way.
    #[arg(long)]
    pub exit_code: bool,

    /// Also write a chart of each incident to FILE (SVG, one under the other): its service's
    /// reports per window (distinct voices, coloured spike / elevated / other), the expected band
    /// from the detector's expectation up to the level a spike needs, onset, peak and recovery
    /// marked with their times, the axis on the clock of the first --tz zone. Written as -o
    /// writes (never half a file); `-` is standard output when -o names a file.
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,

    /// Also write the report as one self-contained HTML page to FILE (no network, no external
    /// scripts or fonts): the summary, the charts of --plot, the incidents table, the evidence
    /// posts and the windows CSV (`outcry windows`) embedded for download. Written as -o writes.
    #[arg(long, value_name = "FILE.html")]
    pub html: Option<PathBuf>,

    /// Draw the text report's timelines in plain ASCII instead of block and box-drawing
    /// characters.
    #[arg(long)]
    pub ascii: bool,

    /// No timeline under each incident of the text report.
    #[arg(long)]
    pub no_timeline: bool,

    /// Colour the text report's timelines: `auto` only when writing to a terminal and NO_COLOR
    /// is not set (CLICOLOR_FORCE other than 0 forces it), `always`, or `never`.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, unless NO_COLOR is set or TERM is dumb.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct WindowsArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub out: OutputArg,

    /// Keep only the rows of spike windows.
    #[arg(long)]
    pub spikes_only: bool,

    /// Add rows per service and facet: after each service's row, one row for every surface,
    /// function or place (and reading: fails or works) its posts named in the input, with the
    /// posts that named it in that window in `facet_posts` (reports, for `fails`), so that each
    /// can be plotted. Adds the columns facet, reading and facet_posts (empty on service rows).
    /// Such a file does not read back with `detect --counts`.
    #[arg(long)]
    pub by_facet: bool,

    /// Write every window of a silence (a stretch of more than a week without any post): by
    /// default only its first and last window are written, with zero counts and empty
    /// baseline, score and expected, so that the output follows the input, not its time span.
    #[arg(long, conflicts_with = "spikes_only")]
    pub fill: bool,

    /// Score windows from partial results (`outcry scan --partial`, `outcry merge`) instead of posts:
    /// they are merged, and the rows are the ones a run over all their inputs would write. The
    /// counting settings are the partials' (--window, --input-tz, --date-order, --since,
    /// --until, the lexicon: when given, they must agree); windows over an hour need the same
    /// first --tz zone. No FILE arguments with it.
    #[arg(long, value_name = "PARTIAL", num_args = 1..)]
    pub partials: Vec<PathBuf>,

    /// Exit with 1 when no window is a spike (0 when one is); errors are still 2 and 3.
    #[arg(long)]
    pub exit_code: bool,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print (default: outcry's own page).
    #[arg(value_name = "COMMAND", value_parser = ["detect", "windows", "watch", "scan", "merge", "time", "classify", "explain", "eval", "completions", "man", "schema"])]
    pub command: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `--date-order`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DateOrder {
    /// The documented rule (see Times below); dates it cannot settle are counted and warned about.
    Auto,
    /// Year, month, day: 09/02/24 is 2009-02-24.
    Ymd,
    /// Month, day, year (as in the US): 3/10/24 is 2024-03-10.
    Mdy,
    /// Day, month, year: 3/10/24 is 2024-10-03.
    Dmy,
}

impl From<DateOrder> for crate::time::DateOrder {
    fn from(d: DateOrder) -> Self {
        match d {
            DateOrder::Auto => Self::Auto,
            DateOrder::Ymd => Self::Ymd,
            DateOrder::Mdy => Self::Mdy,
            DateOrder::Dmy => Self::Dmy,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Sensitivity {
    Low,
    Normal,
    High,
}

impl From<Sensitivity> for crate::detect::Sensitivity {
    fn from(s: Sensitivity) -> Self {
        match s {
            Sensitivity::Low => Self::Low,
            Sensitivity::Normal => Self::Normal,
            Sensitivity::High => Self::High,
        }
    }
}

/// Back to the command line's value, for its name in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By name and content: .csv and .tsv (also .csv.gz, …) are CSV; otherwise the first bytes
    /// decide (`<` XML, `[` or a `{` spanning lines a JSON document, `{…}` lines JSON Lines),
    /// then the name (.jsonl, .json, .xml, .rss, .atom, .js), then the first line (a header with
    /// commas or tabs is CSV/TSV).
    Auto,
    /// One JSON object per line.
    Jsonl,
    /// One JSON document holding many posts: an array, an object with `orderedItems`/`items`, a
    /// Twitter archive's tweets.js.
    Json,
    /// An XML blog backup or feed: WordPress WXR, Tistory/Textcube TTXML, Atom, RSS.
    Xml,
    /// Comma-separated values.
    Csv,
    /// Tab-separated values.
    Tsv,
}

/// `-o FILE`, for the commands that write one output when the run is done (`detect`, `windows`,
/// `classify`): `watch` writes its alerts as they come and `scan` writes `--partial`, so neither
/// has it, and no completion script offers it there.
#[derive(Debug, Args)]
pub struct OutputArg {
    /// Write the output to FILE instead of standard output, as the shell's `> FILE` would but
    /// never half-written: a regular file is replaced atomically (a symbolic link is followed), a
    /// FIFO or device is written directly, `-` is standard output. See Output below.
    #[arg(short, long, value_name = "FILE", display_order = 0)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Input files: JSON Lines, CSV, XML blog backups and feeds (WordPress, Tistory/Textcube,
    /// Atom, RSS), JSON documents (an array, outbox.json, tweets.js); plain, gzip, zstd, xz or
    /// bzip2, told by their first bytes. Standard input when none is given or for `-`. Several
    /// files are read as one stream, in any time order; a file named twice (or through a link) is
    /// read once. The layout is told by the first bytes and the name together (see
    /// --input-format).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Zone(s) for displaying times: IANA names, comma-separated (Asia/Seoul,UTC). The first one
    /// is used in JSON (`*_local`) and CSV. Default: UTC (`detect --partials`: the zone the
    /// partials' day windows are aligned on).
    #[arg(long, value_name = "ZONES", value_hint = ValueHint::Other)]
    pub tz: Option<String>,

    /// Zone of input times written without an offset (e.g. `2009/02/24 21:22` from a Korean blog),
    /// an IANA name. Without it: Asia/Seoul for Korean text (오후, 9시 20분), UTC for anything
    /// else, and a warning that counts them.
    #[arg(long, value_name = "ZONE", value_hint = ValueHint::Other)]
    pub input_tz: Option<String>,

    /// How to read numeric dates whose year is not written first in four digits (`3/10/24`,
    /// `03/10/2024`): `auto` follows the documented rule (see Times below) and warns when a date
    /// could be read another way.
    #[arg(long, value_enum, value_name = "ORDER", default_value_t = DateOrder::Auto)]
    pub date_order: DateOrder,

    /// Keep out of the windows every record before this time (any layout outcry reads, e.g.
    /// 2009-02-24 or 2009-02-24T09:00:00Z; without a zone, in --input-tz or UTC).
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,

    /// Keep out of the windows every record at or after this time (as --since).
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,

    /// Keep records far outside the bulk of the stream (a zero epoch, a year misread by decades)
    /// in the windows instead of counting them apart (see Times below).
    #[arg(long)]
    pub keep_outliers: bool,

    /// Window width: 30s, 1m, 5m, 1h, 1d … up to 366d (default 5m; with `detect --counts`, the
    /// series' own step; a bare number is seconds).
    /// Windows up to 1h are aligned on UTC multiples of the width; longer ones on local midnight
    /// of the first --tz zone (a 1d window on a DST day is 23 or 25 hours).
    #[arg(short, long, value_name = "DURATION", value_hint = ValueHint::Other)]
    pub window: Option<String>,

    #[command(flatten)]
    pub lexicons: LexiconArgs,

    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,

    /// CSV without a header: the role of each column (time, text, title, author, kind; `_`
    /// ignores one), e.g. `time,author,text`.
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub columns: Option<Vec<String>>,

    /// Field holding the post's time: a dotted path (`meta.created`) or a JSON pointer (`/meta/created`).
    /// Default: the first of created_at, created_utc, timestamp, time, date, published, createdAt.
    #[arg(long, value_name = "PATH")]
    pub time_field: Option<String>,

    /// Field holding the post's text. Default: the first of full_text, text, body, content (HTML
    /// stripped), message, excerpt, or title + selftext.
    #[arg(long, value_name = "PATH")]
    pub text_field: Option<String>,

    /// Field holding the author. Default: the first of user.screen_name, author, username,
    /// account.acct, user, attributedTo.
    #[arg(long, value_name = "PATH")]
    pub author_field: Option<String>,

    /// Spike test: a window is a spike when P(X >= reports | expectation) is below this (negative
    /// binomial tail with the service's own spread).
    /// Default: from --sensitivity (normal: 0.001).
    #[arg(long, value_name = "P")]
    pub alpha: Option<f64>,

    /// Spike test: fewest reports (distinct voices) in a window for it to be a spike. Default: from
    /// --sensitivity (normal: 3).
    #[arg(long, value_name = "N")]
    pub min_reports: Option<u32>,

    /// Parameter set of the detector: `low` (alpha 0.0001, 5 voices, elevated below P 0.002, 14
    /// nats of evidence: only loud outages), `normal` (alpha 0.001, 3 voices, elevated below
    /// 0.01, two busy windows or P below alpha², 10 nats), `high` (alpha 0.003, 3 voices, elevated
    /// below 0.02, one busy window is enough, 6 nats: quieter services, earlier warning, more
    /// false alarms). --alpha and --min-reports override their part.
    #[arg(long, value_enum, default_value_t = Sensitivity::Normal)]
    pub sensitivity: Sensitivity,

    /// Judge reports against the chatter level only: do not learn each service's usual level by
    /// hour of day (from 3 days of input; provisionally from 1) and day of week (from 14 days;
    /// weekdays and weekend, provisionally, from 7), on
    /// the clock of the
    /// first --tz zone.
    #[arg(long)]
    pub no_seasonal: bool,

    /// Quiet windows an outage may dip for without being split in two. Below 5-minute windows
    /// it counts as many windows as cover the same time at 5 minutes (3 is 15 minutes: 15
    /// windows of 1m, 30 of 30s), so that a short lull does not split an outage.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub merge_gap: i64,

    /// Stop with an error at the first bad line instead of skipping it.
    #[arg(long)]
    pub strict: bool,

    /// The longest line (or CSV row) read: longer ones are skipped as `line_too_long` without
    /// being kept in memory, so memory stays bounded whatever the input. The same limit holds
    /// for one record of a document (an XML item or entry, an element of a JSON document, and
    /// the text between two): longer ones are skipped as `record_too_long`. Bytes, or with a K,
    /// M or G suffix (KiB, MiB, GiB). A quoted CSV field still open after 1,000 lines, after this
    /// size or at the end of the input is skipped as `unterminated_quote`, and the lines after
    /// its first are read again as rows of their own.
    #[arg(long, value_name = "SIZE", default_value = "4M")]
    pub max_line_bytes: String,

    /// Show at most this many skipped lines on stderr (all are counted).
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub max_warnings: usize,

    /// No warnings on stderr (errors are still shown).
    #[arg(short, long)]
    pub quiet: bool,

    /// Threads that parse and match lines, then score the services, 1 to 256 (default: the
    /// number of cores). One more thread reads and decompresses; with as many threads as cores
    /// or more, that thread is one of them. The results are the same for any number.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// No progress bar on stderr (it is shown only for files, when stderr is a terminal).
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Debug, Args)]
pub struct TimeArgs {
    /// The time as written: "10:20 am GMT", "밤 9시 20분", "0930 GMT", 1235467800 (epoch),
    /// 20090224093000 (a date as one number), "Tue, 24 Feb 2009 09:30:00 GMT", … (several words
    /// are joined with spaces).
    #[arg(value_name = "WHEN", required = true, num_args = 1..)]
    pub when: Vec<String>,

    /// The date of a time of day written without one (YYYY-MM-DD). Default: today in the source
    /// zone.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// Zone of a time written without one (an IANA name). Default: Asia/Seoul for Korean text,
    /// else UTC. Also settles ambiguous abbreviations such as CST.
    #[arg(long, value_name = "ZONE")]
    pub from: Option<String>,

    /// Zone(s) to show the time in: IANA names, comma-separated.
    #[arg(long, value_name = "ZONES", default_value = "UTC")]
    pub to: String,

    /// How to read a numeric date whose year is not written first in four digits (`3/10/24`):
    /// as `detect --date-order`; `auto` notes when another order would read it differently.
    #[arg(long, value_enum, value_name = "ORDER", default_value_t = DateOrder::Auto)]
    pub date_order: DateOrder,

    /// `text`: one line per zone; `json` for scripts.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}
