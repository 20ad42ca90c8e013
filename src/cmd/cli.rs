//! The command line as the user types it. Doc comments here are the `--help` text; turning these
//! raw values into a checked `Config` happens in `config.rs`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Detect service outages from social chatter: what broke, when it started, when it came back.
///
/// outcry reads posts (JSON Lines, CSV, blog backups and feeds in XML, JSON documents; plain, gzip
/// or zstd; files or standard input), finds the
/// ones that report an outage of a known service (in English and Korean), counts them in time
/// windows, and reports the windows where complaints rise far above their usual level.
#[derive(Debug, Parser)]
#[command(name = "outcry", version, about, long_about, max_term_width = 100)]
#[command(after_help = "Examples:\n  \
    zcat tweets.jsonl.gz | outcry detect --tz Asia/Seoul\n  \
    outcry detect --input-tz Asia/Seoul --format json dump1.jsonl dump2.jsonl.zst > report.json\n  \
    outcry windows --window 5m --spikes-only archive.jsonl.gz > spikes.csv")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
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
    /// of the week; on the clock of the first --tz zone; --no-seasonal: not), all re-estimated
    /// without the windows found significant. A window is a spike when it has at least
    /// --min-reports voices and the Poisson tail probability P(X >= voices | expectation) is below
    /// --alpha; windows with P < 0.01 are elevated. Elevated windows chain into one incident across
    /// up to --merge-gap quiet windows; one with a spike and a second busy window (P < 0.1), or a
    /// spike below alpha², is reported; windows just before it with P < 0.1 lead into it. Onset: the first report of the run, to the second. Recovery: the first
    /// recovery post ("it's back", 정상화) once a second one corroborates it near the end of the
    /// run (or up to an hour later when the reports in between stay above normal: a degraded
    /// tail); otherwise the end of the run without its trailing stragglers; none while still
    /// elevated at the end of the input.
    Detect(DetectArgs),
    /// Write per-window counts and spike scores as CSV, one row per service per window.
    Windows(WindowsArgs),
    /// What time was that here? Convert a time as a post wrote it ("10:20 am GMT", "밤 9시 20분",
    /// "0930 GMT", an epoch number) into one or more zones.
    Time(TimeArgs),
    /// Classify every post: one JSON line per record, in input order.
    ///
    /// Each line is {"line", "time", "record_kind", "service", "kind", "terms", "excluded",
    /// "negated", "works_for_me", "services"}: `line` the record's line in its input (for XML
    /// and JSON documents: the line its element starts on), `time` RFC 3339 UTC, `record_kind`
    /// what the record is when the input says (post, comment, trackback, pingback),
    /// `kind` "report", "recovery" or null, `service` the service it is about (null when none is
    /// named), `terms` the outage and recovery entries that matched, `excluded` the exclusions that
    /// fired, `negated` the negations and counter-evidence ("works for me") that fired.
    Classify(ClassifyArgs),
    /// Show how one text is classified, and why: normalised text, every match, the verdict.
    Explain(ExplainArgs),
    /// Score a JSON report (`detect --format json`) against labelled events.
    ///
    /// The truth is CSV: `service,onset,recovery` (header optional, times in any layout outcry
    /// reads, UTC without an offset). An event is hit by the earliest incident of its service that
    /// overlaps it; any other incident is a false alarm (a second incident on the same event, a
    /// split, too). Prints one line per event (onset and recovery error in minutes, positive when
    /// late), the false alarms, and a summary line.
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labelled events: CSV `service,onset,recovery`.
    #[arg(long, value_name = "FILE")]
    pub truth: PathBuf,

    /// A report written by `outcry detect --format json`.
    #[arg(value_name = "REPORT")]
    pub report: PathBuf,
}

#[derive(Debug, Args)]
pub struct ClassifyArgs {
    #[command(flatten)]
    pub common: CommonArgs,
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

    /// Report format: `text` for people, `json` for scripts.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Detect on an aggregated series instead of posts: CSV `timestamp,count[,total][,service]`
    /// (a header row may name the columns in any order), e.g. report counts exported from a
    /// monitoring tool. `total` (posts in all) lets the baseline follow the chatter level; the
    /// service defaults to --about, else `service`. Set --window to the bucket width (or a
    /// multiple). No FILE arguments with it.
    #[arg(long, value_name = "FILE")]
    pub counts: Option<PathBuf>,

    /// Posts of the provider's status or support account (same input formats; repeatable). Per
    /// incident, the report shows the first official acknowledgement ("investigating", "장애")
    /// and "resolved" message ("resolved", "복구") found in them, and the lead time: how many
    /// minutes the chatter detection came before the acknowledgement.
    #[arg(long, value_name = "FILE")]
    pub official: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct WindowsArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Keep only the rows of spike windows.
    #[arg(long)]
    pub spikes_only: bool,
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
    /// By file name and content: .csv and .tsv (also .csv.gz, …) are CSV; otherwise the first
    /// bytes decide: `<` XML, `[` or `{` spanning lines a JSON document, `{…}` lines JSON Lines.
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

#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Input files (JSON Lines, CSV, XML blog backups and feeds, JSON documents; plain, gzip or
    /// zstd). Standard input when none is given or for `-`. Several files are read as one stream,
    /// in any time order.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Write the output to this file instead of standard output (atomically: all or nothing).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Zone(s) for displaying times: IANA names, comma-separated (Asia/Seoul,UTC). The first one
    /// is used in JSON (`*_local`) and CSV.
    #[arg(long, value_name = "ZONES", default_value = "UTC")]
    pub tz: String,

    /// Zone of input times written without an offset (e.g. `2009/02/24 21:22` from a Korean blog).
    #[arg(long, value_name = "ZONE", default_value = "UTC")]
    pub input_tz: String,

    /// Window width: 30s, 1m, 5m, 1h, 1d … Windows up to 1h are aligned on UTC multiples of the
    /// width; longer ones on local midnight of the first --tz zone (a 1d window on a DST day is 23
    /// or 25 hours).
    #[arg(short, long, value_name = "DURATION", default_value = "5m")]
    pub window: String,

    #[command(flatten)]
    pub lexicons: LexiconArgs,

    /// How to read the inputs.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,

    /// CSV without a header: the role of each column, e.g. `time,author,text` (`_` ignores one).
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

    /// Spike test: a window is a spike when P(X >= reports | baseline) is below this (Poisson tail).
    /// Default: from --sensitivity (normal: 0.001).
    #[arg(long, value_name = "P")]
    pub alpha: Option<f64>,

    /// Spike test: fewest reports (distinct voices) in a window for it to be a spike. Default: from
    /// --sensitivity (normal: 3).
    #[arg(long, value_name = "N")]
    pub min_reports: Option<u32>,

    /// Parameter set of the detector: `low` (alpha 0.0001, 5 voices, elevated below P 0.002: only
    /// loud outages), `normal` (alpha 0.001, 3 voices, elevated below 0.01, two busy windows or
    /// P below alpha²), `high` (alpha 0.003, 3 voices, elevated below 0.02, one busy window is
    /// enough: quieter services, earlier warning, more false alarms). --alpha and --min-reports
    /// override their part.
    #[arg(long, value_enum, default_value_t = Sensitivity::Normal)]
    pub sensitivity: Sensitivity,

    /// Judge reports against the chatter level only: do not learn each service's usual level by
    /// hour of day (from 3 days of input) and day of week (from 14 days), on the clock of the
    /// first --tz zone.
    #[arg(long)]
    pub no_seasonal: bool,

    /// Quiet windows an outage may dip for without being split in two.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub merge_gap: i64,

    /// Stop with an error at the first bad line instead of skipping it.
    #[arg(long)]
    pub strict: bool,

    /// Show at most this many skipped lines on stderr (all are counted).
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub max_warnings: usize,

    /// No warnings on stderr (errors are still shown).
    #[arg(short, long)]
    pub quiet: bool,

    /// Threads that parse and match lines (default: the number of cores); with more than one, one
    /// more thread reads and decompresses. The results are the same for any number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// No progress bar on stderr (it is shown only for files, when stderr is a terminal).
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Debug, Args)]
pub struct TimeArgs {
    /// The time as written: "10:20 am GMT", "밤 9시 20분", "0930 GMT", 1235467800,
    /// "Tue, 24 Feb 2009 09:30:00 GMT", … (several words are joined with spaces).
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

    /// `text`: one line per zone; `json` for scripts.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}
