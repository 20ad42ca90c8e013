//! `detect --official FILE`: the provider's own timeline beside the chatter.
//!
//! The posts of a status or support account (same input formats as the chatter) are read and
//! each is kept only when it acknowledges a problem ("we are investigating", "장애가 발생") or
//! says it is over ("resolved", "복구되었습니다"): a "resolved" phrase wins, since such notes
//! often name the issue too. The phrases are the `[official-ack]` and `[official-resolved]`
//! sections of the lexicons (shipped in `lexicons/en.lex` and `ko.lex`, more with `--lexicon`),
//! matched anywhere in the normalised text. Each incident then gets the first acknowledgement
//! from an hour before its onset to its recovery (or the end of the input), and the first
//! "resolved" message after that acknowledgement (or after the onset) within six hours of the
//! recovery; the *lead time* is how many minutes the chatter detection came before the
//! acknowledgement. Posts that name a service are matched only to that service's incidents;
//! posts that name none, to any.

use anyhow::Result;

use aho_corasick::AhoCorasick;

use crate::detect::Incident;
use crate::lexicon::{normalise_into, Matcher, Says, Scratch};
use crate::record::Post;
use crate::stream::{sequential, ScanConfig, Sink, Stats};
use crate::time::Ts;

/// Official text kept is cut to this many characters.
const MAX_CHARS: usize = 280;

/// An official post that acknowledges or resolves.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub time: Ts,
    pub says: Says,
    /// Services the post names (empty: any).
    pub services: Vec<usize>,
    pub text: String,
}

/// The official timeline of one incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Official {
    pub acknowledged: Option<(Ts, String)>,
    pub resolved: Option<(Ts, String)>,
}

impl Official {
    /// Minutes from the chatter's onset to the acknowledgement (positive: chatter first).
    pub fn lead_minutes(&self, onset: Ts) -> Option<i64> {
        self.acknowledged
            .as_ref()
            .map(|(t, _)| (t - onset).div_euclid(60))
    }
}

/// The `[official-ack]` and `[official-resolved]` phrases of the lexicons, compiled once.
pub struct Phrases {
    ac: Option<AhoCorasick>,
    says: Vec<Says>,
    buf: String,
}

impl Phrases {
    pub fn new(matcher: &Matcher) -> Phrases {
        let phrases = matcher.official_phrases();
        let ac = (!phrases.is_empty()).then(|| {
            AhoCorasick::new(phrases.iter().map(|p| p.pattern.as_bytes()))
                .expect("official phrases are plain literals")
        });
        Phrases {
            ac,
            says: phrases.iter().map(|p| p.says).collect(),
            buf: String::new(),
        }
    }

    /// What an official text says, if anything: a "resolved" phrase wins.
    pub fn says(&mut self, text: &str) -> Option<Says> {
        let ac = self.ac.as_ref()?;
        self.buf.clear();
        normalise_into(text, &mut self.buf);
        let mut found = None;
        for m in ac.find_overlapping_iter(self.buf.as_str()) {
            match self.says[m.pattern().as_usize()] {
                Says::Resolved => return Some(Says::Resolved),
                Says::Acknowledged => found = Some(Says::Acknowledged),
            }
        }
        found
    }
}

struct Collect<'m> {
    matcher: &'m Matcher,
    phrases: Phrases,
    scratch: Scratch,
    stats: Stats,
    notes: Vec<Note>,
    /// The archive format the file being read was unwrapped from, if any.
    compressed: Option<&'static str>,
}

impl Sink for Collect<'_> {
    fn stats(&mut self) -> &mut Stats {
        &mut self.stats
    }
    fn input(&mut self, src: &crate::input::Source) {
        self.compressed = src.compressed;
    }
    fn post(&mut self, _line: u64, p: &Post<'_>) {
        self.stats.records += 1;
        let Some(s) = self.phrases.says(&p.text) else {
            return;
        };
        let v = self.matcher.classify(&p.text, &mut self.scratch);
        let text: String = p.text.chars().take(MAX_CHARS).collect();
        self.notes.push(Note {
            time: p.time,
            says: s,
            services: v.services.to_vec(),
            text,
        });
    }
}

/// Reads the official posts of `files` (read like the chatter, by `cfg`'s settings), one file at
/// a time. What went wrong with them comes back as messages (shown on stderr here or by the
/// reader) for the run's `input_errors`, so that the run exits 3: a file that cannot be opened,
/// breaks off, or gives no record at all (a wrong format, a CSV without a time column), since a
/// report that matched no official note to an incident would read as "the provider said
/// nothing". Lines skipped in a file that gave records are counted and told in one line.
pub fn read(
    cfg: &ScanConfig,
    files: &[String],
    matcher: &Matcher,
) -> Result<(Vec<Note>, Vec<String>)> {
    let mut c = Collect {
        matcher,
        phrases: Phrases::new(matcher),
        scratch: Scratch::default(),
        stats: Stats::default(),
        notes: vec![],
        compressed: None,
    };
    let mut problems = vec![];
    for file in files {
        c.stats = Stats::default();
        c.compressed = None;
        let one = ScanConfig {
            inputs: vec![file.clone()],
            ..cfg.clone()
        };
        sequential::read(&one, &mut c)?;
        problems.extend(file_problems(file, &c.stats, c.compressed, cfg.quiet));
    }
    c.notes
        .sort_by(|a, b| (a.time, &a.text).cmp(&(b.time, &b.text)));
    Ok((c.notes, problems))
}

/// The messages for the run's `input_errors` about one `--official` file that `s` counts (the
/// reader has shown its own already), and a line on stderr about lines skipped in it;
/// `compressed`: the archive format it was unwrapped from.
fn file_problems(file: &str, s: &Stats, compressed: Option<&str>, quiet: bool) -> Vec<String> {
    let name = crate::terminal::escape(file);
    let mut out: Vec<String> = (s.input_errors.iter())
        .map(|e| format!("--official {e}"))
        .collect();
    if let Some(why) = no_record(s, compressed) {
        let msg = format!("--official {name}: no record could be read: {why}");
        crate::eline!("outcry: error: {msg}");
        out.push(msg);
    } else if s.skipped() > 0 && s.lost_inputs == 0 && !quiet {
        crate::eline!(
            "outcry: --official {name}: skipped {} lines of {}",
            s.skipped(),
            s.lines
        );
    }
    out
}

/// Why a file that could be opened gave no record, when it gave none and the reader has not said
/// so already (it does for a file whose every line was skipped, counted in `lost_inputs`): what
/// it held. Its bytes are counted once decompressed, and said so when it was `compressed`.
fn no_record(s: &Stats, compressed: Option<&str>) -> Option<String> {
    if s.records > 0 || s.unreadable > 0 || s.lost_inputs > 0 {
        return None;
    }
    let broke = !s.input_errors.is_empty();
    let n = s.bytes;
    Some(match (compressed, n == 0 && !broke, s.lines == 0) {
        (None, true, _) => "the file is empty".to_string(),
        (Some(format), true, _) => format!("the file is empty once decompressed from {format}"),
        (None, false, true) if broke => {
            format!("not one post in the {n} bytes read before the input broke off")
        }
        (Some(format), false, true) if broke => format!(
            "not one post in the {n} bytes decompressed from {format} before the input broke off"
        ),
        (None, false, true) => {
            format!("not one post in its {n} bytes (blank lines, a header or markup only)")
        }
        (Some(format), false, true) => format!(
            "not one post in its {n} bytes once decompressed from {format} (blank lines, a header or markup only)"
        ),
        // Every line is a record or a skip, and a file of skips only is told by the reader:
        // this is for a reader that someday counts otherwise.
        (_, false, false) => format!(
            "none of its {} lines or records became one ({})",
            s.lines,
            s.reasons_text()
        ),
    })
}

/// Matches the notes to each incident (see the module documentation); `end` is the last post.
/// One timeline per incident, in their order: `None` where the provider said nothing about it.
pub fn attach(incidents: &[Incident], notes: &[Note], end: Ts) -> Vec<Option<Official>> {
    incidents
        .iter()
        .map(|i| {
            let svc = i.service;
            let fits = |n: &&Note| n.services.is_empty() || n.services.contains(&svc);
            let until = i.recovery.unwrap_or(end);
            let ack = notes.iter().filter(fits).find(|n| {
                n.says == Says::Acknowledged && n.time >= i.onset - 3600 && n.time <= until
            });
            let from = ack.map_or(i.onset, |a| a.time);
            let res = notes
                .iter()
                .filter(fits)
                .find(|n| n.says == Says::Resolved && n.time >= from && n.time <= until + 6 * 3600);
            (ack.is_some() || res.is_some()).then(|| Official {
                acknowledged: ack.map(|n| (n.time, n.text.clone())),
                resolved: res.map(|n| (n.time, n.text.clone())),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the reader told a file lost is read from its count, not from its message's
    /// words: a lost file with another wording is told once, and a message that only starts
    /// like the reader's does not hide a file that held nothing.
    #[test]
    fn a_file_told_lost_is_known_by_its_count() {
        let mut lost = Stats {
            lines: 2,
            bytes: 90,
            lost_inputs: 1,
            input_errors: vec!["feed.xml: every record was skipped".into()],
            ..Stats::default()
        };
        lost.skipped_by_reason[0] = 2;
        assert_eq!(no_record(&lost, None), None);
        let held_nothing = Stats {
            bytes: 18,
            input_errors: vec!["no record could be read, and then it broke off".into()],
            ..Stats::default()
        };
        assert_eq!(
            no_record(&held_nothing, Some("gzip")).as_deref(),
            Some("not one post in the 18 bytes decompressed from gzip before the input broke off")
        );
    }

    #[test]
    fn resolved_wins_over_acknowledged() {
        let m = Matcher::new(crate::lexicon::Lexicon::builtin(), None);
        let mut p = Phrases::new(&m);
        let mut says = |t: &str| p.says(t);
        assert_eq!(
            says("We are investigating reports of errors"),
            Some(Says::Acknowledged)
        );
        assert_eq!(says("The issue has been resolved."), Some(Says::Resolved));
        assert_eq!(
            says("현재 메일 접속 장애가 발생하여 확인 중입니다"),
            Some(Says::Acknowledged)
        );
        assert_eq!(says("메일 서비스가 정상화되었습니다"), Some(Says::Resolved));
        assert_eq!(says("Check out our new feature!"), None);
        assert_eq!(says("WE ARE INVESTIGATING"), Some(Says::Acknowledged));
    }

    #[test]
    fn a_lexicon_file_adds_official_phrases() {
        let mut lex = crate::lexicon::Lexicon::builtin();
        lex.add_text(
            "mine.lex",
            "[official-ack]\nunder maintenance\n[official-resolved]\nall clear\n",
        )
        .unwrap();
        let mut p = Phrases::new(&Matcher::new(lex, None));
        assert_eq!(p.says("Site under maintenance"), Some(Says::Acknowledged));
        assert_eq!(p.says("All clear now"), Some(Says::Resolved));
        // Without any phrases nothing is official.
        let mut none = Phrases::new(&Matcher::new(crate::lexicon::Lexicon::default(), None));
        assert_eq!(none.says("resolved"), None);
        // The chatter's matcher does not see them.
        let m = Matcher::new(crate::lexicon::Lexicon::builtin(), None);
        let mut scratch = Scratch::default();
        let v = m.classify("we are investigating", &mut scratch);
        assert!(v.terms.is_empty());
    }
}
