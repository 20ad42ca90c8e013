//! Lexicon files: the words that make a post an outage report, a recovery, a look-alike to ignore,
//! or a mention of a service. The format is documented in `lexicons/README.md`; the shipped files
//! are compiled into the binary, and `--lexicon FILE` adds more. Loading validates every line and
//! reports mistakes as `file:line: message`.

use std::collections::HashMap;
use std::fmt;

use super::normalise::{is_hangul, normalise_into};
use super::words::{List, Words};

/// The lexicons shipped with outcry, as (name, text).
pub const BUILTIN: &[(&str, &str)] = &[
    ("<builtin>/en.lex", include_str!("../../lexicons/en.lex")),
    ("<builtin>/ko.lex", include_str!("../../lexicons/ko.lex")),
    (
        "<builtin>/services.lex",
        include_str!("../../lexicons/services.lex"),
    ),
    (
        "<builtin>/facets.lex",
        include_str!("../../lexicons/facets.lex"),
    ),
];

/// What an entry says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermKind {
    Outage,
    Recovery,
    Exclude,
    /// Says the outage is not there ("isn't down", 장애 아니): cancels an earlier outage phrase.
    Negation,
    /// Says it works for the writer ("works for me", 저는 잘 되는데): counter-evidence, counted
    /// apart, and it cancels an earlier outage phrase too.
    Counter,
    /// A word that lets an ambiguous (`?`) alias next to it name its service: `app`, `server`, 앱.
    Context,
    /// A word that reads a `~` entry near it in a sense that is not about a service (the sense
    /// with this index in `Lexicon::senses`): `stock`, `followers`, `{number}%`, 주가.
    Cue(usize),
    /// A name of the service with this index in `Lexicon::services`.
    Alias(usize),
    /// A name of the facet with this index in `Lexicon::facets` (`[surface web]`, `[function
    /// login]`, `[place busan]`): what fails, on what, where. Read for facets only, never for a
    /// verdict.
    Facet(usize),
    /// Says the surface or function next to it still works (`works fine`, 은 돼요, 멀쩡): facets only.
    Works,
    /// Says the surface or function next to it fails without being an outage phrase of its own
    /// (`can't`, 안 돼): facets only.
    Fails,
}

impl TermKind {
    /// The section name, as written in a lexicon file.
    pub fn name(self) -> &'static str {
        match self {
            TermKind::Outage => "outage",
            TermKind::Recovery => "recovery",
            TermKind::Exclude => "exclude",
            TermKind::Negation => "negation",
            TermKind::Counter => "counter",
            TermKind::Context => "context",
            TermKind::Cue(_) => "sense",
            TermKind::Alias(_) => "service",
            TermKind::Facet(_) => "facet",
            TermKind::Works => "works",
            TermKind::Fails => "fails",
        }
    }

    /// Whether the entry is read for facets only (`[surface]`, `[function]`, `[place]`,
    /// `[works]`, `[fails]`): it never overrides another entry, and changes a verdict only
    /// through the rules that read facet words (an outage said in two pieces, a function word
    /// after an ambiguous name, a facet word that is no other subject; see `classify.rs`).
    pub fn facet_only(self) -> bool {
        matches!(self, TermKind::Facet(_) | TermKind::Works | TermKind::Fails)
    }
}

/// What a facet says about an outage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetClass {
    /// On what it fails: web, app, desktop client, API, IMAP/POP.
    Surface,
    /// What fails: login, sending, loading, search, payment, streaming, calls.
    Function,
    /// Where it fails: a city, a region, a country.
    Place,
}

impl FacetClass {
    pub const ALL: [FacetClass; 3] = [FacetClass::Surface, FacetClass::Function, FacetClass::Place];

    /// The section name, as written in a lexicon file.
    pub fn name(self) -> &'static str {
        match self {
            FacetClass::Surface => "surface",
            FacetClass::Function => "function",
            FacetClass::Place => "place",
        }
    }

    /// The position in [`FacetClass::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A facet from `[surface NAME]`, `[function NAME]` or `[place NAME]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    pub class: FacetClass,
    /// `web`, `app`, `imap`, `login`, `busan`, …
    pub name: String,
}

/// A service from the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// Canonical id, e.g. `gmail`.
    pub id: String,
    /// One word, e.g. `mail`.
    pub category: String,
}

/// A sense of words such as `down` that is not about a service (`[sense NAME WINDOW]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sense {
    /// `market`, `rating`, `physical`, …
    pub name: String,
    /// How many words may stand between a cue and the `~` entry it reads (see README.md).
    pub window: usize,
    /// A sense written `[sense NAME WINDOW every]`: its cues set aside every outage entry, not
    /// only the `~` ones (`past`: "remember the big aws outage", 작년 … 먹통).
    pub every: bool,
    /// A sense written `[sense NAME WINDOW after]`: its cues count after the entry too, in the
    /// same clause and window ("slack's outage *last tuesday*", 장애 *원인*, 먹통 사태 *기사*).
    pub after: bool,
    /// A sense written `[sense NAME WINDOW every after-only]`: its cues count only after the
    /// entry, never before it (`gone`: "the login error *is gone*", 버퍼링 *사라짐*; the same
    /// word before a return, "… 없어짐 이제 잘 보임", says nothing of the return).
    pub only_after: bool,
}

/// The window of a `[sense NAME]` section that gives none.
pub const DEFAULT_WINDOW: usize = 2;

/// Where an entry written with `{number}` wants its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberSlot {
    /// `{number}%`: a number right before the rest (at most a space between).
    Before,
    /// `error {number}`: a number right after the rest.
    After,
}

/// How much an alias needs around it to name its service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ambiguity {
    /// `Gmail`: names its service wherever it matches.
    #[default]
    None,
    /// `?Zoom`: only next to another term, a context word or inside a `{service}` frame.
    Near,
    /// `??Bell`: a common word or name; only right next to a context word (`bell internet`,
    /// `KT 인터넷`), whatever else is near.
    Strict,
}

/// One literal entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: TermKind,
    /// As written in the file (shown in reports).
    pub display: String,
    /// Normalised as text is before matching.
    pub pattern: String,
    /// Whether a `*` lifted the word-boundary rule at the start / end.
    pub open_start: bool,
    pub open_end: bool,
    /// An alias written `?Zoom`: it names the service only next to another term (an outage,
    /// recovery, negation, counter or context word), or inside a `{service}` frame.
    pub needs_context: bool,
    /// An alias written `??Bell`: only right next to a context word.
    pub strict: bool,
    /// An entry written `~down`: it has senses that are not about a service, and a `[sense]`
    /// cue near it sets it aside.
    pub figurative: bool,
    /// An entry written with `{number}` (`error {number}`, `{number}%`): the pattern is the rest,
    /// and it counts only with a number on that side.
    pub number: Option<NumberSlot>,
    /// An entry written `^안 돼`: a predicate with no subject of its own, it counts only when a
    /// service's name comes before it in its clause, a few words away ("카톡까지 안 돼").
    pub needs_subject: bool,
}

impl Entry {
    /// A plain literal entry of `kind`: no `*`, `?`, `~`, `^` or `{number}` mark (the entries
    /// made at load time from lists and grammar forms start so).
    pub fn literal(kind: TermKind, display: String, pattern: String) -> Entry {
        Entry {
            kind,
            display,
            pattern,
            open_start: false,
            open_end: false,
            needs_context: false,
            strict: false,
            figurative: false,
            number: None,
            needs_subject: false,
        }
    }

    /// How much the alias needs around it (`?`, `??`).
    pub fn ambiguity(&self) -> Ambiguity {
        match (self.needs_context, self.strict) {
            (_, true) => Ambiguity::Strict,
            (true, false) => Ambiguity::Near,
            _ => Ambiguity::None,
        }
    }
}

/// An outage entry with a `{service}` slot, e.g. `is {service} down`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub display: String,
    /// Normalised text before and after the slot, without the spaces next to the slot.
    pub prefix: String,
    pub suffix: String,
}

/// A mistake in a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// What an official post says (`[official-ack]`, `[official-resolved]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Says {
    Acknowledged,
    Resolved,
}

/// A phrase of a provider's own status posts (`[official-ack]`, `[official-resolved]`), read
/// only in `detect --official` input, never in the chatter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialPhrase {
    pub says: Says,
    /// Normalised as text is before matching; matched anywhere in the text.
    pub pattern: String,
}

/// All loaded entries, before compilation into a matcher.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub services: Vec<Service>,
    pub senses: Vec<Sense>,
    pub facets: Vec<Facet>,
    pub entries: Vec<Entry>,
    pub templates: Vec<Template>,
    pub official: Vec<OfficialPhrase>,
    /// The `[words NAME]` lists the reading rules consult (`words.rs`).
    pub words: Words,
    /// Whether the shipped lexicons are in it (`Lexicon::builtin`): the shipped vetter was trained
    /// on their verdicts and reads posts only then (`--no-default-lexicon` turns it off).
    pub shipped: bool,
    /// Where each service is found by name, kept while loading so that a lexicon of many services
    /// loads in linear time (a scan of `services` per header made 100 k services take minutes).
    index: ServiceIndex,
}

/// Services by id and by alias. It covers `services[..ids_seen]` and `entries[..aliases_seen]`:
/// services or aliases pushed straight onto the public vectors are looked up by a scan of the
/// part not yet indexed, and indexed at the next load.
#[derive(Debug, Clone, Default)]
struct ServiceIndex {
    /// Exact id → its first service.
    exact: HashMap<String, usize>,
    /// ASCII-lowercased id → its first service.
    folded: HashMap<String, usize>,
    /// Normalised alias → the service of its first entry.
    aliases: HashMap<String, usize>,
    ids_seen: usize,
    aliases_seen: usize,
    /// How many services and entries the index and the lookups' scans of what it has not
    /// indexed yet have visited, so far: each is visited once when loading is linear. A unit
    /// test counts it (a count of work, not a time).
    visits: std::cell::Cell<usize>,
}

impl ServiceIndex {
    fn visit(&self) {
        self.visits.set(self.visits.get() + 1);
    }

    /// Indexes the services and aliases added since the last call.
    fn catch_up(&mut self, services: &[Service], entries: &[Entry]) {
        // (called for every line of a file: most add neither)
        if services.len() == self.ids_seen && entries.len() == self.aliases_seen {
            return;
        }
        for (i, s) in services.iter().enumerate().skip(self.ids_seen) {
            self.visit();
            self.exact.entry(s.id.clone()).or_insert(i);
            self.folded.entry(s.id.to_ascii_lowercase()).or_insert(i);
        }
        self.ids_seen = services.len();
        for e in entries.iter().skip(self.aliases_seen) {
            self.visit();
            if let TermKind::Alias(i) = e.kind {
                self.aliases.entry(e.pattern.clone()).or_insert(i);
            }
        }
        self.aliases_seen = entries.len();
    }
}

/// Where the lines of a lexicon file go.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Section {
    Term(TermKind),
    Official(Says),
    Words(List),
}

impl Lexicon {
    /// The shipped lexicons.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon {
            shipped: true,
            ..Lexicon::default()
        };
        for (name, text) in BUILTIN {
            lex.add_text(name, text)
                .expect("the shipped lexicons are valid (checked by a test)");
        }
        lex
    }

    /// The index of a service by id, or by any of its aliases (case-insensitive).
    pub fn find_service(&self, name: &str) -> Option<usize> {
        let ix = &self.index;
        let folded = name.to_ascii_lowercase();
        let by_id = ix.folded.get(&folded).copied().or_else(|| {
            let mut tail = self.services.iter().enumerate().skip(ix.ids_seen);
            tail.find(|(_, s)| {
                ix.visit();
                s.id.eq_ignore_ascii_case(name)
            })
            .map(|(i, _)| i)
        });
        if by_id.is_some() {
            return by_id;
        }
        let mut norm = String::new();
        normalise_into(name, &mut norm);
        let alias = |e: &Entry| {
            ix.visit();
            match e.kind {
                TermKind::Alias(i) if e.pattern == norm => Some(i),
                _ => None,
            }
        };
        // The first alias entry wins, as a scan from the start would find it.
        let indexed = ix.aliases.get(&norm).copied();
        indexed.or_else(|| self.entries.iter().skip(ix.aliases_seen).find_map(alias))
    }

    /// The index of a service whose id is exactly `id`: the index is brought up to date first,
    /// so this never scans the services.
    fn service_by_exact_id(&mut self, id: &str) -> Option<usize> {
        self.index.catch_up(&self.services, &self.entries);
        self.index.exact.get(id).copied()
    }

    /// The index of a service, adding it (category `other`) when it is unknown.
    pub fn ensure_service(&mut self, name: &str) -> usize {
        self.index.catch_up(&self.services, &self.entries);
        self.find_service(name).unwrap_or_else(|| {
            self.services.push(Service {
                id: name.to_string(),
                category: "other".to_string(),
            });
            self.services.len() - 1
        })
    }

    /// Adds the entries of one file's text.
    pub fn add_text(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let mut section: Option<Section> = None;
        // (a byte-order mark, as Notepad writes one, is no part of the first line)
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (i, raw) in lines(text).enumerate() {
            self.index.catch_up(&self.services, &self.entries);
            let err = |message: String| LexiconError {
                file: file.to_string(),
                line: i + 1,
                message,
            };
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(c) = line.chars().find(|&c| c.is_control() && c != '\t') {
                // No post holds one after normalising; a service name with one broke the SVG.
                return Err(err(format!(
                    "a control character (U+{:04X}) in the line: write it without",
                    u32::from(c)
                )));
            }
            if let Some(inner) = line.strip_prefix('[') {
                let inner = inner
                    .strip_suffix(']')
                    .ok_or_else(|| err("a section header must end with ']'".into()))?;
                section = Some(self.section(inner).map_err(err)?);
                continue;
            }
            let kind = match section {
                None => return Err(err("an entry before any section: start with [outage], [recovery], [exclude], [negation], [counter], [context], [sense NAME], [words NAME], [official-ack], [official-resolved] or [service NAME CATEGORY]".into())),
                Some(Section::Official(says)) => {
                    let mut pattern = String::new();
                    normalise_into(line, &mut pattern);
                    if pattern.is_empty() {
                        return Err(err("an empty entry".into()));
                    }
                    self.official.push(OfficialPhrase { says, pattern });
                    continue;
                }
                Some(Section::Words(list)) => {
                    self.add_word(list, line).map_err(err)?;
                    continue;
                }
                Some(Section::Term(kind)) => kind,
            };
            if has_mark(line, "{service}") {
                if kind != TermKind::Outage {
                    return Err(err(
                        "{service} patterns are only allowed in [outage] sections".into(),
                    ));
                }
                self.templates.push(template(line).map_err(err)?);
            } else {
                let e = entry(kind, line).map_err(err)?;
                if let TermKind::Alias(mine) = e.kind {
                    self.alias_is_new(&e.pattern, mine).map_err(err)?;
                }
                self.entries.push(e);
            }
        }
        Ok(())
    }

    /// An alias names one service: the same words under another were taken by posts as the
    /// later service, by `--about` as the first.
    fn alias_is_new(&self, pattern: &str, mine: usize) -> Result<(), String> {
        match self.index.aliases.get(pattern).copied() {
            Some(other) if other != mine => Err(format!(
                "'{pattern}' is already an alias of the service '{}': an alias names one service",
                self.services[other].id
            )),
            _ => Ok(()),
        }
    }

    /// An entry of a `[words NAME]` list (`line`, trimmed).
    fn add_word(&mut self, list: List, line: &str) -> Result<(), String> {
        // A list holds plain words: a lexicon's marks (`{service}`, `^`, `~`) would
        // be stored as literal text, and a line of marks alone ("???") as a word
        // that no post's word equals.
        if line.contains(['{', '}', '^', '~']) {
            return Err(format!(
                "'{line}': a [words] list holds plain words, without '{{', '}}', '^' or '~'"
            ));
        }
        if !line.chars().any(char::is_alphanumeric) {
            return Err(format!(
                "'{line}': a [words] entry needs a letter or a digit"
            ));
        }
        let mut word = String::new();
        if list.as_typed() {
            // (matched as typed: quotes keep the spaces at its ends, "keeps ")
            let quoted = line.strip_prefix('"').and_then(|l| l.strip_suffix('"'));
            word.push_str(quoted.unwrap_or(line));
        } else {
            normalise_into(line, &mut word);
        }
        if word.is_empty() {
            return Err("an empty entry".into());
        }
        if list.hangul() && !word.chars().next().is_some_and(is_hangul) {
            return Err(format!(
                "'{line}': a word of [words {}] must start with a Hangul letter",
                list.name()
            ));
        }
        self.words.push(list, word);
        Ok(())
    }

    fn section(&mut self, inner: &str) -> Result<Section, String> {
        let mut words = inner.split_whitespace();
        let head = words.next().unwrap_or("");
        let kind = match head {
            "outage" => Section::Term(TermKind::Outage),
            "recovery" => Section::Term(TermKind::Recovery),
            "exclude" => Section::Term(TermKind::Exclude),
            "negation" => Section::Term(TermKind::Negation),
            "counter" => Section::Term(TermKind::Counter),
            "context" => Section::Term(TermKind::Context),
            "works" => Section::Term(TermKind::Works),
            "fails" => Section::Term(TermKind::Fails),
            "surface" | "function" | "place" => {
                return self.facet_section(head, inner, words);
            }
            "sense" => return self.sense_section(words),
            "words" => return words_section(words),
            "official-ack" => Section::Official(Says::Acknowledged),
            "official-resolved" => Section::Official(Says::Resolved),
            "service" => {
                let id = words.next().ok_or("[service NAME CATEGORY] needs a NAME")?;
                let given = words.next();
                let category = given.unwrap_or("other");
                if let Some(extra) = words.next() {
                    return Err(format!(
                        "unexpected '{extra}' in a service header: [service NAME CATEGORY]"
                    ));
                }
                let idx = match self.service_by_exact_id(id) {
                    Some(i) => {
                        let had = &self.services[i].category;
                        if given.is_some_and(|c| c != had) {
                            return Err(format!(
                                "the service '{id}' is in the category '{had}' already: leave the category out, or give '{had}'"
                            ));
                        }
                        i
                    }
                    // (a second service whose id differs by case alone: one outage reported
                    // twice, as `gmail` and `Gmail`)
                    None if self.index.folded.contains_key(&id.to_ascii_lowercase()) => {
                        let had = self.index.folded[&id.to_ascii_lowercase()];
                        let had = &self.services[had].id;
                        return Err(format!(
                            "'{id}' differs from the service '{had}' only by case: write [service {had}]"
                        ));
                    }
                    None => {
                        self.services.push(Service {
                            id: id.to_string(),
                            category: category.to_string(),
                        });
                        self.services.len() - 1
                    }
                };
                return Ok(Section::Term(TermKind::Alias(idx)));
            }
            other => {
                return Err(format!(
                    "unknown section '[{other}]': expected outage, recovery, exclude, negation, counter, context, sense, surface, function, place, works, fails, official-ack, official-resolved, service or words"
                ));
            }
        };
        // [outage en], [recovery ko]: the language tag is for readers only.
        if words.nth(1).is_some() {
            return Err(format!(
                "too many words in '[{inner}]': a section is [KIND] or [KIND LANGUAGE]"
            ));
        }
        Ok(kind)
    }

    /// A `[sense NAME WINDOW every]` header: the sense (made on first use), its window and
    /// whether its cues read every outage entry (README.md).
    fn sense_section<'a>(
        &mut self,
        mut words: impl Iterator<Item = &'a str>,
    ) -> Result<Section, String> {
        let name = words.next().ok_or("[sense NAME WINDOW] needs a NAME")?;
        let mut window = None;
        let mut every = false;
        let mut after = false;
        let mut only_after = false;
        for w in words {
            if w == "every" && !every && !after {
                every = true;
            } else if (w == "after" || w == "after-only") && !after {
                after = true;
                only_after = w == "after-only";
            } else if window.is_none() && !every && !after {
                window = Some(w.parse::<usize>().map_err(|_| {
                    format!("the window of [sense {name} {w}] must be a whole number of words")
                })?);
            } else {
                return Err(format!(
                    "unexpected '{w}' in a sense header: [sense NAME WINDOW every after|after-only]"
                ));
            }
        }
        let idx = match self.senses.iter().position(|s| s.name == name) {
            Some(i) => i,
            None => {
                self.senses.push(Sense {
                    name: name.to_string(),
                    window: DEFAULT_WINDOW,
                    every: false,
                    after: false,
                    only_after: false,
                });
                self.senses.len() - 1
            }
        };
        // A header that says more than the name declares the sense's window and flags; they are
        // the sense's, every section of it shares them, so a second declaration must say the
        // same (a later `after-only` would silently change every earlier cue). A bare
        // `[sense NAME]` adds cues to it as it stands.
        let declared = window.is_some() || every || after;
        let s = &mut self.senses[idx];
        let was_declared = s.window != DEFAULT_WINDOW || s.every || s.after;
        let new = (window.unwrap_or(DEFAULT_WINDOW), every, after, only_after);
        let old = (s.window, s.every, s.after, s.only_after);
        if declared && was_declared && new != old {
            return Err(format!(
                "[sense {name}] is declared again with another window or flags \
                 ({new_w} every={} after={} after-only={}; before: {} every={} after={} \
                 after-only={}): every section of a sense shares them",
                new.1,
                new.2,
                new.3,
                old.0,
                old.1,
                old.2,
                old.3,
                new_w = new.0
            ));
        }
        if declared {
            (s.window, s.every, s.after, s.only_after) = new;
        }
        Ok(Section::Term(TermKind::Cue(idx)))
    }

    /// `[surface NAME]`, `[function NAME]`, `[place NAME]` (an optional language tag after).
    fn facet_section<'a>(
        &mut self,
        head: &str,
        inner: &str,
        mut words: impl Iterator<Item = &'a str>,
    ) -> Result<Section, String> {
        let class = match head {
            "surface" => FacetClass::Surface,
            "function" => FacetClass::Function,
            _ => FacetClass::Place,
        };
        let name = words
            .next()
            .ok_or_else(|| format!("[{head} NAME] needs a NAME"))?;
        // `[surface web en]`: the language tag is for readers only.
        if words.nth(1).is_some() {
            return Err(format!(
                        "too many words in '[{inner}]': a facet section is [{head} NAME] or [{head} NAME LANGUAGE]"
                    ));
        }
        let idx = match self
            .facets
            .iter()
            .position(|f| f.class == class && f.name == name)
        {
            Some(i) => i,
            None => {
                self.facets.push(Facet {
                    class,
                    name: name.to_string(),
                });
                self.facets.len() - 1
            }
        };
        Ok(Section::Term(TermKind::Facet(idx)))
    }
}

/// A `[words NAME]` header: one of the named word lists ([`List`]); a name not among them is a
/// mistake.
fn words_section<'a>(mut words: impl Iterator<Item = &'a str>) -> Result<Section, String> {
    let name = words.next().ok_or("[words NAME] needs a NAME")?;
    let list = List::by_name(name).ok_or_else(|| {
        let names: Vec<&str> = List::ALL.iter().map(|l| l.name()).collect();
        format!(
            "unknown word list '{name}': expected one of {}",
            names.join(", ")
        )
    })?;
    // `[words complaint ko]`: the language tag is for readers only, and one of the two
    // languages the lexicons are written in.
    if let Some(tag) = words.next() {
        if !matches!(tag, "en" | "ko") {
            return Err(format!(
                "unknown language '{tag}' in '[words {name} {tag}]': a word list's language is en or ko"
            ));
        }
    }
    if words.next().is_some() {
        return Err(format!(
            "too many words in '[words {name} …]': a word list is [words NAME] or [words NAME LANGUAGE]"
        ));
    }
    Ok(Section::Words(list))
}

/// Whether an entry of `kind` may carry `^` (needs a service before it): outage and recovery
/// predicates, and a denial of the service named right before it.
fn takes_subject_mark(kind: TermKind) -> bool {
    matches!(
        kind,
        TermKind::Outage | TermKind::Recovery | TermKind::Negation
    )
}

fn entry(kind: TermKind, line: &str) -> Result<Entry, String> {
    // `\` at the start keeps the next character literal: `\#fail` is the hashtag, not a comment.
    let (line, escaped) = match line.strip_prefix('\\') {
        Some(rest) => (rest, true),
        None => (line, false),
    };
    let strict = !escaped && line.starts_with("??");
    let needs_context = !escaped && line.starts_with('?');
    if needs_context && !matches!(kind, TermKind::Alias(_)) {
        return Err(
            "'?' (needs context) is only allowed before an alias in a [service] section".into(),
        );
    }
    let line = &line[usize::from(needs_context) + usize::from(strict)..];
    let needs_subject = !escaped && line.starts_with('^');
    if needs_subject && !takes_subject_mark(kind) {
        return Err(
            "'^' (needs a service before it) is only allowed before an [outage], [recovery] or [negation] entry"
                .into(),
        );
    }
    let line = if needs_subject { &line[1..] } else { line };
    let figurative = !escaped && line.starts_with('~');
    if figurative && !matches!(kind, TermKind::Outage | TermKind::Recovery) {
        return Err(
            "'~' (has other senses) is only allowed before an [outage] or [recovery] entry".into(),
        );
    }
    let line = if figurative { &line[1..] } else { line };
    let number = if let Some(rest) = line.strip_prefix("{number}") {
        Some((NumberSlot::Before, rest))
    } else {
        line.strip_suffix("{number}")
            .map(|rest| (NumberSlot::After, rest))
    };
    if number.is_some() && matches!(kind, TermKind::Alias(_) | TermKind::Context) {
        return Err("{number} is not allowed in a [service] or [context] section".into());
    }
    if number.is_some() && kind.facet_only() {
        return Err("{number} is not allowed in a facet, [works] or [fails] section".into());
    }
    let (number, line) = match number {
        Some((slot, rest)) if !has_mark(rest, "{number}") => (Some(slot), rest.trim()),
        Some(_) => return Err("an entry may hold {number} only once, at its start or end".into()),
        None if has_mark(line, "{number}") => {
            return Err("{number} may only start or end an entry".into())
        }
        None => (None, line),
    };
    let open_start = !escaped && line.starts_with('*');
    let open_end = line.ends_with('*') && line.len() > 1;
    let core = if open_start { &line[1..] } else { line };
    let core = core.strip_suffix('*').unwrap_or(core).trim();
    if !escaped {
        misplaced_marks(core)?;
    }
    let mut pattern = String::new();
    normalise_into(core, &mut pattern);
    if pattern.is_empty() {
        return Err("an empty entry".into());
    }
    let display = match number {
        Some(NumberSlot::Before) => format!("{{number}}{}", core),
        Some(NumberSlot::After) => format!("{} {{number}}", core),
        None => core.to_string(),
    };
    Ok(Entry {
        kind,
        display,
        pattern,
        open_start,
        open_end,
        needs_context,
        strict,
        figurative,
        number,
        needs_subject,
    })
}

/// The lines of `text`, as [`str::lines`] gives them (split at `\n`, a `\r` before it dropped,
/// no line after a last `\n`), each end found by a plain loop: `lines()`' searcher, set up for
/// each of the shipped lexicons' ~9,000 short lines, cost ~0.6 M instructions more at every
/// start (cachegrind).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.bytes().position(|b| b == b'\n') {
            Some(end) => {
                let line = &rest[..end];
                rest = &rest[end + 1..];
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None => Some(std::mem::take(&mut rest)),
        }
    })
}

/// Whether `line` holds `mark` (`{service}`, `{number}`): most lines have no `{`, which is
/// looked for first (a substring search set up for each of the ~10,000 lines loaded was ~2 M
/// instructions at every start, cachegrind).
fn has_mark(line: &str, mark: &str) -> bool {
    // (a plain loop: lines are short, and `memchr` was ~100 instructions a call on them)
    line.bytes().any(|b| b == b'{') && line.contains(mark)
}

/// A mark left in an entry's words once the marks of its start are taken (`~^down`, `^^down`,
/// `*?zorb`, `{Service} down`, `error {Number}`): it was kept as literal text that no post
/// holds, so the entry never matched, without a word. The marks come in the order `?` (or
/// `??`), `^`, `~`, then `*`; braces only in `{service}` and `{number}`; `\` at the start keeps
/// a mark literal.
fn misplaced_marks(core: &str) -> Result<(), String> {
    if let Some(c) = core
        .chars()
        .next()
        .filter(|c| matches!(c, '?' | '^' | '~' | '*'))
    {
        return Err(format!(
            "'{c}' out of place: an entry's marks come in the order ?, ^, ~, * (write \\{c} for the character itself)"
        ));
    }
    if core.contains(['{', '}']) {
        return Err(
            "braces only in {service} (in [outage]) and {number}, lower case; write \\ first for a literal one"
                .into(),
        );
    }
    Ok(())
}

fn template(line: &str) -> Result<Template, String> {
    let (before, after) = line.split_once("{service}").expect("caller checked");
    if after.contains("{service}") {
        return Err("a pattern may contain {service} only once".into());
    }
    let marked = |s: &str| s.trim().starts_with(['?', '^', '~', '*']) || s.contains(['{', '}']);
    if marked(before) || marked(after) {
        return Err(
            "a {service} pattern takes no marks: its words around the slot, as written (no ^, ~, *, {number})"
                .into(),
        );
    }
    let (mut prefix, mut suffix) = (String::new(), String::new());
    normalise_into(before.trim(), &mut prefix);
    normalise_into(after.trim(), &mut suffix);
    if prefix.is_empty() && suffix.is_empty() {
        return Err("a {service} pattern needs words before or after the slot".into());
    }
    Ok(Template {
        display: line.to_string(),
        prefix,
        suffix,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The loader's lines are `str::lines`' (line feeds, carriage returns, text after the
        /// last line feed or none).
        #[test]
        fn lines_are_strs_lines(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a", "bc", "\n", "\r", "\r\n", " ", "장애"]),
                0..12,
            )
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(lines(&text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>());
        }
    }

    #[test]
    fn shipped_lexicons_load_and_are_substantial() {
        let lex = Lexicon::builtin();
        assert!(lex.services.len() >= 100, "{} services", lex.services.len());
        let count = |k: TermKind| lex.entries.iter().filter(|e| e.kind == k).count();
        assert!(count(TermKind::Outage) >= 50);
        assert!(count(TermKind::Recovery) >= 20);
        assert!(count(TermKind::Exclude) >= 20);
        for name in [
            "gmail",
            "Gmail",
            "지메일",
            "G메일",
            "구글메일",
            "쥐메일",
            "twitter",
            "트위터",
            "카톡",
            "네이버",
        ] {
            assert!(lex.find_service(name).is_some(), "{name}");
        }
        assert_eq!(lex.find_service("쥐메일"), lex.find_service("gmail"));
    }

    #[test]
    fn parses_sections_patterns_and_stars() {
        let mut lex = Lexicon::default();
        lex.add_text(
            "t.lex",
            "# c\n[outage en]\nis down\nis {service} down\n[exclude]\n장애인\n[service gmail mail]\ngmail*\n지메일\n",
        )
        .unwrap();
        assert_eq!(
            lex.services,
            [Service {
                id: "gmail".into(),
                category: "mail".into()
            }]
        );
        assert_eq!(lex.entries.len(), 4);
        assert!(lex.entries[2].open_end && !lex.entries[2].open_start);
        assert_eq!(lex.entries[2].pattern, "gmail");
        assert_eq!(lex.templates[0].prefix, "is");
        assert_eq!(lex.templates[0].suffix, "down");
    }

    #[test]
    fn later_files_extend_services() {
        let mut lex = Lexicon::builtin();
        let before = lex.services.len();
        lex.add_text(
            "x.lex",
            "[service gmail mail]\nzmail\n[service newsvc other]\nnewsvc\n",
        )
        .unwrap();
        assert_eq!(lex.services.len(), before + 1);
        assert_eq!(lex.find_service("zmail"), lex.find_service("gmail"));
    }

    #[test]
    fn mistakes_are_reported_with_file_and_line() {
        let cases = [
            ("is down\n", 1, "before any section"),
            ("[outage]\nok\n[weird]\n", 3, "unknown section"),
            ("[outage\n", 1, "must end with"),
            (
                "[recovery]\nis {service} back\n",
                2,
                "only allowed in [outage]",
            ),
            ("[outage]\n{service}\n", 2, "needs words"),
            ("[service]\n", 1, "needs a NAME"),
            ("[outage]\n*\n", 2, "empty entry"),
            ("[outage]\n?maybe\n", 2, "only allowed before an alias"),
            ("[negation en]\nok\n[context en fr]\n", 3, "too many words"),
            (
                "[exclude]\n~down\n",
                2,
                "only allowed before an [outage] or [recovery]",
            ),
            ("[sense market x]\nstock\n", 1, "whole number"),
            ("[sense]\n", 1, "needs a NAME"),
            ("[sense past 6 every 2]\n", 1, "unexpected '2'"),
            ("[sense past after 6]\n", 1, "unexpected '6'"),
            ("[exclude]\n^안 돼\n", 2, "'^' (needs a service before it)"),
            ("[outage]\nerror {number} {number}\n", 2, "only once"),
            ("[outage]\nerror {number} code\n", 2, "start or end"),
            (
                "[context]\n{number}g\n",
                2,
                "not allowed in a [service] or [context]",
            ),
        ];
        for (text, line, msg) in cases {
            let e = Lexicon::default().add_text("my.lex", text).unwrap_err();
            assert_eq!(e.line, line, "{text:?}");
            assert!(
                e.to_string().starts_with(&format!("my.lex:{line}: ")),
                "{e}"
            );
            assert!(e.message.contains(msg), "{text:?}: {e}");
        }
    }

    #[test]
    fn senses_figurative_entries_numbers_and_strict_aliases() {
        let mut lex = Lexicon::default();
        lex.add_text(
            "t.lex",
            "[outage]\n~down\nerror {number}\n[sense market]\nstock\n{number}%\n\
             [sense rating 3]\nfollowers\n[service bell isp]\n??Bell\n?KT\n",
        )
        .unwrap();
        lex.add_text("u.lex", "[sense market 1]\nshares\n").unwrap();
        assert_eq!(
            lex.senses,
            [
                Sense {
                    name: "market".into(),
                    window: 1,
                    every: false,
                    after: false,
                    only_after: false,
                },
                Sense {
                    name: "rating".into(),
                    window: 3,
                    every: false,
                    after: false,
                    only_after: false,
                }
            ]
        );
        let e = &lex.entries;
        assert!(e[0].figurative && e[0].pattern == "down");
        assert_eq!(
            (e[1].pattern.as_str(), e[1].number),
            ("error", Some(NumberSlot::After))
        );
        assert_eq!(e[1].display, "error {number}");
        assert_eq!(e[2].kind, TermKind::Cue(0));
        assert_eq!(
            (e[3].pattern.as_str(), e[3].number),
            ("%", Some(NumberSlot::Before))
        );
        assert_eq!(e[4].kind, TermKind::Cue(1));
        assert_eq!(e[5].ambiguity(), Ambiguity::Strict);
        assert_eq!(e[5].pattern, "bell");
        assert_eq!(e[6].ambiguity(), Ambiguity::Near);
        assert_eq!(e[7].kind, TermKind::Cue(0));
    }

    #[test]
    fn subjectless_predicates_and_senses_of_every_entry() {
        let mut lex = Lexicon::default();
        lex.add_text(
            "t.lex",
            "[outage]\n^안 돼\n^~down\n먹통\n[sense past 6 every]\n작년\n[sense market]\nstock\n\
             [sense news 2 every after]\n기사\n",
        )
        .unwrap();
        let e = &lex.entries;
        assert!(e[0].needs_subject && !e[0].figurative && e[0].pattern == "안돼");
        assert!(e[1].needs_subject && e[1].figurative && e[1].pattern == "down");
        assert!(!e[2].needs_subject);
        assert_eq!(
            lex.senses
                .iter()
                .map(|s| (s.window, s.every, s.after))
                .collect::<Vec<_>>(),
            [
                (6, true, false),
                (DEFAULT_WINDOW, false, false),
                (2, true, true)
            ]
        );
    }

    #[test]
    fn a_sense_declared_again_with_other_flags_is_refused() {
        let ok = "[sense gone 0 every after-only]\nis gone\n[sense gone]\nwent away\n\
                  [sense gone 0 every after-only]\ndisappeared\n";
        let mut lex = Lexicon::default();
        lex.add_text("t.lex", ok).unwrap();
        assert_eq!(lex.senses.len(), 1);
        assert!(lex.senses[0].only_after && lex.senses[0].every && lex.senses[0].window == 0);
        for bad in [
            "[sense over 5 every after]\n몇 년 전\n[sense over 5 every after-only]\n됐\n",
            "[sense belief 3 every]\npeople think\n[sense belief 1 every]\nfolks think\n",
            "[sense over 5 every after]\nago\n[sense over 5 every]\nlast year\n",
        ] {
            let err = Lexicon::default().add_text("t.lex", bad).unwrap_err();
            assert!(err.message.contains("declared again"), "{bad:?}: {err}");
            assert_eq!(err.line, 3, "{bad:?}: the second header's line");
        }
    }

    #[test]
    fn negation_counter_context_and_ambiguous_aliases() {
        let mut lex = Lexicon::default();
        lex.add_text(
            "t.lex",
            "[negation en]\nisn't down\n[counter]\nworks for me\n[context]\napp\n\
             [outage]\n\\#fail\n[service zoom messenger]\n?Zoom\nzoom.us\n",
        )
        .unwrap();
        let kinds: Vec<TermKind> = lex.entries.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                TermKind::Negation,
                TermKind::Counter,
                TermKind::Context,
                TermKind::Outage,
                TermKind::Alias(0),
                TermKind::Alias(0)
            ]
        );
        assert_eq!(lex.entries[3].pattern, "#fail");
        assert!(lex.entries[4].needs_context && lex.entries[4].pattern == "zoom");
        assert!(!lex.entries[5].needs_context);
    }

    #[test]
    fn word_lists_are_read_normalised_and_unknown_names_are_mistakes() {
        let mut lex = Lexicon::default();
        lex.add_text(
            "t.lex",
            "[words infra en]\nRegion\nNodes\n[words oh-answer]\n아 잘 되\n[words infra]\nregion\n",
        )
        .unwrap();
        let infra: Vec<&str> = lex.words.get(List::Infra).collect();
        assert_eq!(infra, ["region", "nodes"]);
        assert_eq!(
            lex.words.get(List::OhAnswer).collect::<Vec<_>>(),
            ["아잘되"]
        );
        assert!(lex.entries.is_empty(), "a listed word is no entry");
        for (text, line, msg) in [
            ("[words infras]\nregion\n", 1, "unknown word list 'infras'"),
            ("[words]\n", 1, "needs a NAME"),
            ("[words infra en x]\n", 1, "too many words"),
            ("[words infra banana]\n", 1, "unknown language 'banana'"),
            ("[words infra]\n{service} is\n", 2, "plain words"),
            ("[words own-cause]\nmust be ^my\n", 2, "plain words"),
            ("[words own-cause]\n???\n", 2, "needs a letter or a digit"),
            ("region\n", 1, "[words NAME]"),
        ] {
            let e = Lexicon::default().add_text("w.lex", text).unwrap_err();
            assert_eq!(e.line, line, "{text:?}");
            assert!(e.message.contains(msg), "{text:?}: {e}");
            assert!(e.to_string().starts_with(&format!("w.lex:{line}: ")), "{e}");
        }
        // The shipped files fill every list.
        let shipped = Lexicon::builtin();
        for l in List::ALL {
            assert!(shipped.words.get(l).next().is_some(), "{}", l.name());
        }
    }

    /// Loads a lexicon of `n` services, each with an alias, then every tenth header again with
    /// one more alias (a header of a service already known looks it up), looks some of them
    /// up, and gives how many services and entries its index and lookups visited.
    fn load_visits(n: usize) -> usize {
        let mut text = String::with_capacity(n * 50);
        for i in 0..n {
            text.push_str(&format!("[service svc{i} web]\nname{i}\n"));
        }
        for i in (0..n).step_by(10) {
            text.push_str(&format!("[service svc{i} web]\nmore{i}\n"));
        }
        let mut lex = Lexicon::default();
        lex.add_text("big.lex", &text).unwrap();
        assert_eq!(lex.services.len(), n);
        assert_eq!(lex.entries.len(), n + n / 10);
        assert_eq!(lex.find_service(&format!("more{}", n - 10)), Some(n - 10));
        for i in (0..n).step_by(97) {
            assert_eq!(lex.find_service(&format!("SVC{i}")), Some(i));
            assert_eq!(lex.find_service(&format!("name{i}")), Some(i));
        }
        assert_eq!(lex.ensure_service("svc5"), 5);
        lex.index.visits.get()
    }

    #[test]
    fn loading_is_linear_in_the_number_of_services() {
        // A count of work, not a time: each service and each alias is indexed once, and the
        // lookups scan nothing the index holds, so the visits are exactly the services plus
        // the entries at any size. Re-indexing from the start at each line (or at each header)
        // would visit about n² / 2 of them (100 k services once took minutes that way). A new
        // scan written outside the index and its lookups would not be counted: the lookups go
        // through `find_service` and `service_by_exact_id` for that reason.
        // (The one more: the file's last alias, added after the index last caught up, is
        // scanned by the first lookup of it and indexed by the next catch-up.)
        for n in [1_000, 64_000] {
            assert_eq!(load_visits(n), n + n + n / 10 + 1, "{n} services");
        }
    }

    #[test]
    fn lookups_find_the_first_of_a_name_even_when_pushed_directly() {
        let mut lex = Lexicon::default();
        lex.add_text(
            "a.lex",
            "[service Acme web]\nacme\nshared\n[service beta web]\nb\n",
        )
        .unwrap();
        assert_eq!(lex.find_service("ACME"), Some(0));
        assert_eq!(lex.find_service("shared"), Some(0));
        // An alias names one service: under another it is refused (posts took it as the
        // later service, `--about` as the first).
        let e = (lex.add_text("c.lex", "[service beta]\nshared\n")).unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(
            e.to_string()
                .contains("already an alias of the service 'Acme'"),
            "{e}"
        );
        // A service pushed onto the public vector is found before the next load indexes it.
        lex.services.push(Service {
            id: "gamma".into(),
            category: "web".into(),
        });
        assert_eq!(lex.find_service("Gamma"), Some(2));
        assert_eq!(lex.ensure_service("gamma"), 2);
        lex.add_text("b.lex", "[service gamma web]\ng\n").unwrap();
        assert_eq!(lex.services.len(), 3, "the same id extends its service");
        assert_eq!(lex.find_service("g"), Some(2));
    }

    /// A lexicon as an editor may save it: a byte-order mark is no part of the first line; a
    /// control character, a service id that differs from another only by case, a category
    /// given against the service's own, and a [words particle] entry that is not Hangul are
    /// refused with their line (they were taken silently, or the mark was "an entry before any
    /// section"); so is a mark out of place (`~^down`: kept as text no post holds, the entry
    /// never matched).
    #[test]
    fn marks_controls_case_and_categories_are_told_with_their_line() {
        let mut lex = Lexicon::builtin();
        lex.add_text("bom.lex", "\u{feff}[outage]\nis kaput\n")
            .unwrap();
        lex.add_text("bom2.lex", "\u{feff}# a comment\n[outage]\nis kaput2\n")
            .unwrap();
        for (text, line, says) in [
            ("[outage]\nis\u{1}down\n", 2, "control character (U+0001)"),
            ("[service foo\u{1}bar web]\nzorb\n", 1, "control character"),
            (
                "[service Gmail mail]\nzmail\n",
                1,
                "differs from the service 'gmail' only by case",
            ),
            (
                "[service gmail video]\nzmail\n",
                1,
                "in the category 'mail' already",
            ),
            (
                "[words particle]\né이\n",
                2,
                "must start with a Hangul letter",
            ),
            (
                "[words particle]\nの\n",
                2,
                "must start with a Hangul letter",
            ),
            ("[outage]\n~^zorbled\n", 2, "'^' out of place"),
            ("[outage]\n^^zorbled\n", 2, "'^' out of place"),
            ("[outage]\n~~zorbled\n", 2, "'~' out of place"),
            ("[outage]\nerror {Number}\n", 2, "braces only in"),
            ("[outage]\n{Service} zorbled\n", 2, "braces only in"),
            ("[outage]\n^{service} zorbled\n", 2, "takes no marks"),
            (
                "[outage]\n{service} zorbled {number}\n",
                2,
                "takes no marks",
            ),
            ("[service foo web]\n???zorbx\n", 2, "'?' out of place"),
            ("[service foo web]\n*?zorbx\n", 2, "'?' out of place"),
        ] {
            let e = lex.add_text("x.lex", text).unwrap_err();
            assert_eq!((e.line, e.to_string().contains(says)), (line, true), "{e}");
        }
        lex.add_text(
            "ok.lex",
            "[service gmail]\nzmail\n[service gmail mail]\nzmail2\n[words particle]\n이\n",
        )
        .unwrap();
    }
}
