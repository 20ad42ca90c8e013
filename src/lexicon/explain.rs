//! The per-post decision made visible: for one text, the normalised form, every match with its
//! position, what was set aside and why, and the verdict (`outcry explain`, and the verdict
//! fields of `outcry classify`).

use serde::Serialize;

use super::classify::{Dropped, Hit, Kind, Matcher, Scratch, TakenBack, Verdict};
use super::facets::FacetHit;
use super::file::TermKind;
use super::normalise::may_fold;
use super::vetter::{Vetter, Vetting, CLASSES};
use super::words::List;

/// The verdict on one text, for scripts.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct PostVerdict {
    pub service: Option<String>,
    pub kind: Option<String>,
    pub terms: Vec<String>,
    pub excluded: Vec<String>,
    pub negated: Vec<String>,
    pub works_for_me: bool,
    pub services: Vec<String>,
    /// The surfaces, functions and places the post names, each read as failing or still working.
    #[serde(default)]
    pub facets: Vec<PostFacet>,
}

/// One facet of a post: `{"class": "surface", "name": "web", "reading": "fails"}`.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PostFacet {
    /// `surface`, `function` or `place`.
    pub class: String,
    pub name: String,
    /// `fails` or `works`.
    pub reading: String,
}

impl PostFacet {
    /// The serialisable form of a facet hit.
    pub fn new(m: &Matcher, f: &FacetHit) -> PostFacet {
        let facet = &m.facets()[f.facet];
        PostFacet {
            class: facet.class.name().to_string(),
            name: facet.name.clone(),
            reading: if f.works { "works" } else { "fails" }.to_string(),
        }
    }

    /// `web (fails)`, `imap (works)`; a place by its name.
    pub fn label(&self) -> String {
        if self.class == "place" {
            return self.name.clone();
        }
        format!("{} ({})", self.name, self.reading)
    }
}

impl PostVerdict {
    /// The serialisable form of a verdict.
    pub fn new(m: &Matcher, v: &Verdict<'_>) -> PostVerdict {
        let id = |i: usize| m.services()[i].id.clone();
        let shown = |ids: &[usize]| ids.iter().map(|&t| m.term_display(t).to_string()).collect();
        let service = v
            .kind
            .map(|(_, s)| s)
            .or(v.works_for_me)
            .or(v.services.first().copied());
        PostVerdict {
            service: service.map(id),
            kind: v.kind.map(|(k, _)| k.name().to_string()),
            terms: shown(v.terms),
            excluded: shown(v.excluded),
            negated: shown(v.negated),
            works_for_me: v.works_for_me.is_some(),
            services: v.services.iter().map(|&i| id(i)).collect(),
            facets: v.facets.iter().map(|f| PostFacet::new(m, f)).collect(),
        }
    }
}

/// One match, for `explain --format json`.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct ExplainedHit {
    /// Character offsets in the normalised text.
    pub start: usize,
    pub end: usize,
    pub matched: String,
    /// outage, recovery, exclude, negation, counter, context, service or frame.
    pub kind: String,
    pub entry: String,
    pub service: Option<String>,
    /// Why the match was set aside, if it was.
    pub dropped: Option<String>,
}

/// `explain --format json`.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct Explanation {
    pub text: String,
    pub normalised: String,
    pub hits: Vec<ExplainedHit>,
    pub verdict: PostVerdict,
    pub reasons: Vec<String>,
    /// What the learned vetter made of the post, when it read it.
    #[serde(default)]
    pub vetter: Option<ExplainedVetting>,
}

/// The vetter's reading of a post (`src/lexicon/vetter.rs`): its probabilities, the rules'
/// verdict it read, and whether it overrode it.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct ExplainedVetting {
    pub p_none: f32,
    pub p_report: f32,
    pub p_recovery: f32,
    /// `none`, `report` or `recovery`: what the rules alone said.
    pub rules: String,
    /// `kept`, `vetoed`, `promoted` or `switched`.
    pub decision: String,
    /// Whether the model of posts without a phrase read it (the rules found no phrase at all).
    #[serde(default)]
    pub bare: bool,
}

impl ExplainedVetting {
    fn new(v: &Vetting, rules: usize) -> ExplainedVetting {
        let decision = match (v.overrode, v.class, rules) {
            (false, _, _) => "kept",
            (true, 0, _) => "vetoed",
            (true, _, 0) => "promoted",
            (true, _, _) => "switched",
        };
        ExplainedVetting {
            p_none: v.p[0],
            p_report: v.p[1],
            p_recovery: v.p[2],
            rules: CLASSES[rules].to_string(),
            decision: decision.to_string(),
            bare: v.bare,
        }
    }

    /// The reason it gives, with the thresholds of the model of `m` that read the post.
    fn reason_of(&self, m: &Matcher) -> Option<String> {
        let model = if self.bare {
            m.bare_vetter()
        } else {
            m.vetter()
        };
        model.map(|v| self.reason(v))
    }

    /// The reason it gives, with the thresholds of `vetter`.
    fn reason(&self, vetter: &Vetter) -> String {
        let p = format!(
            "P(none) {:.2}, P(report) {:.2}, P(recovery) {:.2}",
            self.p_none, self.p_report, self.p_recovery
        );
        if self.bare {
            let verdict = if self.decision == "promoted" {
                format!(
                    "read it as {}: {p}, at least {:.2}",
                    if self.p_recovery > self.p_report {
                        "a recovery"
                    } else {
                        "a report"
                    },
                    vetter.promote
                )
            } else {
                format!("left it as none: {p}, below {:.2}", vetter.promote)
            };
            return format!(
                "the rules found no phrase and nothing against a report; the vetter of such posts (a model learned from labelled posts) {verdict}"
            );
        }
        match self.decision.as_str() {
            "vetoed" => format!(
                "the vetter (a model learned from labelled posts) read it as no outage talk: {p}; P(none) reaches {:.2}, so the rules' {} is set aside",
                vetter.veto, self.rules
            ),
            "promoted" => format!(
                "the vetter (a model learned from labelled posts) read it as {}: {p}, at least {:.2}, where the rules found no phrase",
                if self.p_recovery > self.p_report { "a recovery" } else { "a report" },
                vetter.promote
            ),
            "switched" => format!(
                "the vetter (a model learned from labelled posts) read it as {}: {p}, at least {:.2}, where the rules found a {}",
                if self.p_recovery > self.p_report { "a recovery" } else { "a report" },
                vetter.promote,
                self.rules
            ),
            _ => format!(
                "the vetter (a model learned from labelled posts) left the rules' verdict ({}) as it was: {p}",
                self.rules
            ),
        }
    }
}

/// Explains how `text` is classified.
pub fn explanation(m: &Matcher, text: &str) -> Explanation {
    let mut s = Scratch::default();
    let v = m.classify(text, &mut s);
    let verdict = PostVerdict::new(m, &v);
    let (taken_back, works_for_me, kind) = (v.taken_back, v.works_for_me, v.kind);
    let cancelled = taken_back.is_some();
    let vetting = v.vetting;
    let composed = v.composed;
    let backstory = v.backstory;
    let ceased = v.ceased;
    let frames: Vec<usize> = v
        .terms
        .iter()
        .copied()
        .filter(|&t| m.term_display(t).contains("{service}"))
        .collect();
    let norm = s.normalised().to_string();
    let mut hits: Vec<ExplainedHit> = s
        .hits()
        .iter()
        .map(|h| explained_hit(m, &norm, h))
        .collect();
    hits.extend(frames.iter().map(|&f| frame_hit(m, f)));

    let mut reasons = set_aside(&verdict, &hits);
    reasons.extend(rule_notes(m, text, &hits));
    reasons.extend(misspelt_note(m, &s, &norm));
    for (was, read) in s.respelled() {
        reasons.push(format!(
            "a playful spelling is read back into a word of the lexicon: \"{was}\" as \"{read}\" (stretched, spelled out or typed with a zero)"
        ));
    }
    if let (Some((works, function)), Some((Kind::Recovery, _))) = (composed, kind) {
        reasons.push(format!(
            "a return said in two pieces: the function word \"{}\" and right after it the works word \"{}\", stated now, after the service's name",
            m.term_display(function),
            m.term_display(works),
        ));
    } else if let Some((fails, function)) = composed {
        reasons.push(format!(
            "an outage said in two pieces: the fails word \"{}\" and the function word \"{}\" stand in one clause, at most {} words apart, after the service's name",
            m.term_display(fails),
            m.term_display(function),
            super::classify::COMPOSE_GAP
        ));
    }
    if ceased {
        reasons.push(
            "an outage phrase is told as a failure that stopped (stopped …, no longer …, … anymore, 이제 안 남, 없어졌), and read as a recovery".to_string(),
        );
    }
    if backstory {
        reasons.push(
            "an outage phrase after the recovery phrase is told as what was (was, earlier, 아까, 안 열리더니 …) or named as the outage just past (\"the outage\", `[words ended-outage]`), so the recovery stands".to_string(),
        );
    }
    reasons.extend(doubts(&verdict, taken_back, works_for_me.is_some()));
    let vetter = vetting.map(|v| ExplainedVetting::new(&v, s.vetter_input().2));
    if !vetting.is_some_and(|v| v.overrode) {
        reasons.extend(conclusion(
            m,
            &verdict,
            kind.map(|(k, _)| k),
            &frames,
            cancelled,
        ));
    }
    reasons.extend(vetter.as_ref().and_then(|e| e.reason_of(m)));
    Explanation {
        text: text.to_string(),
        normalised: norm.clone(),
        hits,
        verdict,
        reasons,
        vetter,
    }
}

/// What `explain` says of a name read as a misspelling (`misspell.rs`), if the post has one.
fn misspelt_note(m: &Matcher, s: &Scratch, norm: &str) -> Option<String> {
    let (start, end) = s.misspelt()?;
    let alias = s
        .hits()
        .iter()
        .find(|h| h.start == start && h.end == end)
        .map_or("", |h| m.term_display(h.term));
    Some(format!(
        "\"{}\" is read as a misspelling of the name \"{alias}\" (one typing slip: a letter dropped, a touching key, two letters swapped, a Hangul final changed), since the post names no service and has an outage or recovery phrase",
        &norm[start..end]
    ))
}

/// One literal match, with character offsets in the normalised text `norm`.
fn explained_hit(m: &Matcher, norm: &str, h: &Hit) -> ExplainedHit {
    let chars = |b: usize| norm[..b].chars().count();
    let kind = m.term_kind(h.term);
    let service = match kind {
        TermKind::Alias(i) => Some(m.services()[i].id.clone()),
        _ => None,
    };
    let kind = match kind {
        TermKind::Facet(f) => m.facets()[f].class.name(),
        k => k.name(),
    };
    ExplainedHit {
        start: chars(h.start),
        end: chars(h.end),
        matched: norm[h.start..h.end].to_string(),
        kind: kind.to_string(),
        entry: m.term_display(h.term).to_string(),
        service,
        dropped: h.dropped.map(|d| dropped_why(m, d)),
    }
}

/// Why a match was set aside, in words.
fn dropped_why(m: &Matcher, d: Dropped) -> String {
    match d {
        Dropped::WordBoundary => "starts or ends inside a longer word".to_string(),
        Dropped::NoContext => {
            "an ambiguous alias (`?` in its lexicon) with no outage, recovery or context word next to it".to_string()
        }
        Dropped::NoContextWord => {
            "a very ambiguous alias (`??` in its lexicon: a common word or name) with no context word (internet, wifi, 인터넷 …) right next to it".to_string()
        }
        Dropped::Cashtag => "a cashtag ($ before a name): the company's share, not its service".to_string(),
        Dropped::NoNumber => "written with {number}, and no number stands there".to_string(),
        Dropped::NoSubject => format!(
            "a predicate with no subject (`^` in its lexicon): no service is named before it in its clause, at most {} words away",
            super::classify::SUBJECT_WINDOW
        ),
        Dropped::Ending(e) => format!(
            "bent by the Korean grammar around it: {}, so it says no outage or recovery now",
            e.name()
        ),
        Dropped::Quoted => "quoted with a service's name in a short quotation: words mentioned (a search, a headline, someone's words), not said".to_string(),
        Dropped::NeverHad => "an outage said as never had (\"hasn't had an outage in months\"): denied in its own clause".to_string(),
        Dropped::Hearsay => "what others said (a quoting ending or a word of saying before it), and the writer found it working after: a rumour checked".to_string(),
        Dropped::OtherSubject => "a word with another sense (`~`) whose subject is another word between it and the service's name (a count, a price, a thing), not the service".to_string(),
        Dropped::Sense(cue) => {
            let sense = match m.term_kind(cue) {
                TermKind::Cue(i) => m.senses()[i].name.as_str(),
                _ => "another",
            };
            format!(
                "read in its {sense} sense, not as outage talk: the cue \"{}\" ([sense {sense}]) is near it",
                m.term_display(cue)
            )
        }
    }
}

/// A `{service}` frame that fired (term `f`), shown after the literal matches.
fn frame_hit(m: &Matcher, f: usize) -> ExplainedHit {
    ExplainedHit {
        start: 0,
        end: 0,
        matched: String::new(),
        kind: "frame".into(),
        entry: m.term_display(f).to_string(),
        service: None,
        dropped: None,
    }
}

/// Terms in quotes, separated by commas.
fn quoted(v: &[String]) -> String {
    v.iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The reasons for what was not counted: the exclusions that fired, then each match set aside.
fn set_aside(verdict: &PostVerdict, hits: &[ExplainedHit]) -> Vec<String> {
    let mut reasons = Vec::new();
    if !verdict.excluded.is_empty() {
        reasons.push(format!(
            "the exclusions {} match look-alikes of outage words, and hide the shorter words inside them",
            quoted(&verdict.excluded)
        ));
    }
    for h in hits {
        if let Some(d) = &h.dropped {
            reasons.push(format!(
                "\"{}\" ({}) is not counted: {d}",
                h.matched, h.kind
            ));
        }
    }
    reasons
}

/// The reasons that speak against a report: no service named, an outage phrase taken back,
/// counter-evidence.
fn doubts(verdict: &PostVerdict, taken_back: Option<TakenBack>, works_for_me: bool) -> Vec<String> {
    let mut reasons = Vec::new();
    if verdict.services.is_empty() {
        reasons.push("no service is named".into());
    }
    let by = |what: &str| match verdict.negated.as_slice() {
        [] => format!("the outage phrase is taken back by {what} after it"),
        negated => format!(
            "the outage phrase is taken back by {what} after it: {}",
            quoted(negated)
        ),
    };
    match taken_back {
        None => {}
        Some(TakenBack::Negation) => reasons.push(by("a negation")),
        Some(TakenBack::Counter) => reasons.push(by("counter-evidence")),
        Some(TakenBack::AnsweredNo) => reasons.push(
            "the outage phrase is asked, and taken back by the writer's own answer of no right after the question (no, nope, 아니요, 아 제가 …)"
                .into(),
        ),
        Some(TakenBack::Denied) => reasons.push(
            "the outage phrase is taken back: the writer took it for an outage and found it was not one (… 장애인가 했는데 …, said in a denial after it)"
                .into(),
        ),
    }
    if works_for_me {
        reasons.push(format!(
            "{} says it works for the writer: counted as counter-evidence, not as a report",
            quoted(&verdict.negated)
        ));
    }
    reasons
}

/// The reason for the verdict itself (`kind`), if there is one to give.
fn conclusion(
    m: &Matcher,
    verdict: &PostVerdict,
    kind: Option<Kind>,
    frames: &[usize],
    cancelled: bool,
) -> Option<String> {
    let svc = verdict.service.clone().unwrap_or_default();
    match kind {
        Some(Kind::Report) if !frames.is_empty() => Some(format!(
            "an outage report for {svc}: the service name sits in the frame \"{}\"",
            m.term_display(frames[0])
        )),
        Some(Kind::Report) => Some(format!(
            "an outage report for {svc}: it names {svc} and has the outage phrase(s) {}{}",
            quoted(&verdict.terms),
            if verdict.services.len() > 1 {
                format!(" ({svc} is the service named nearest to the first outage phrase)")
            } else {
                String::new()
            }
        )),
        Some(Kind::Recovery) => Some(format!(
            "a recovery post for {svc}: a recovery phrase comes after the last outage phrase ({})",
            quoted(&verdict.terms)
        )),
        None if verdict.terms.is_empty() && !cancelled => {
            Some("no outage or recovery phrase".into())
        }
        None => None,
    }
}

/// What the reading rules did beyond matching: stretched spellings folded, very ambiguous
/// aliases that a context word let name their service, numbers read with `{number}` entries.
fn rule_notes(m: &Matcher, text: &str, hits: &[ExplainedHit]) -> Vec<String> {
    let mut notes = Vec::new();
    let stretched: Vec<String> = text
        .split_whitespace()
        .filter(|w| may_fold(w, m.doubles(), true))
        .map(|w| format!("\"{w}\""))
        .collect();
    if !stretched.is_empty() {
        notes.push(format!(
            "stretched spellings are folded before matching: {} (see the normalised text)",
            stretched.join(", ")
        ));
    }
    for h in hits.iter().filter(|h| h.dropped.is_none()) {
        let strict = m
            .entries()
            .iter()
            .any(|e| e.display == h.entry && e.kind.name() == h.kind && e.strict);
        if strict {
            notes.push(format!(
                "\"{}\" is a very ambiguous alias (`??`): it names {} because a context word (internet, tv, 인터넷 …) is right next to it",
                h.matched,
                h.service.as_deref().unwrap_or("its service")
            ));
        }
        let predicate = m
            .entries()
            .iter()
            .any(|e| e.display == h.entry && e.kind.name() == h.kind && e.needs_subject);
        if predicate {
            notes.push(format!(
                "\"{}\" is a predicate with no subject of its own (`^`): it counts because a service is named before it in its clause (or, in English, after it past a preposition), or a function of the one service the post names is its subject",
                h.matched
            ));
        }
        if let Some(note) = taken_down_note(m, hits, h) {
            notes.push(note);
        }
        if h.entry.contains("{number}") {
            notes.push(format!(
                "\"{}\" matches \"{}\" with the number that stands there",
                h.matched, h.entry
            ));
        }
    }
    notes
}

/// The note for an outage hit `h` that a `handling` cue before it did not set aside because a
/// service is named right before it and the cue is a `take-down` verb ("a power event took a
/// bunch of EC2 down": `Matcher::service_taken_down`).
fn taken_down_note(m: &Matcher, hits: &[ExplainedHit], h: &ExplainedHit) -> Option<String> {
    if h.kind != "outage" {
        return None;
    }
    let cue = hits.iter().find(|c| {
        c.kind == "sense"
            && c.end <= h.start
            && m.words().has(List::TakeDown, &c.matched.to_lowercase())
    })?;
    let name = hits.iter().find(|a| {
        a.kind == "service" && a.dropped.is_none() && a.start >= cue.end && a.end + 1 == h.start
    })?;
    Some(format!(
        "\"{}\" is not read in its handling sense: the cue \"{}\" has for its object the service \"{}\", named right before it (`[words take-down]`): the service was brought down",
        h.matched, cue.matched, name.matched
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn explanation_names_hits_and_reasons() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let e = explanation(&m, "지메일 웹은 장애인데 아이폰에서는 되네요");
        assert_eq!(e.verdict.kind.as_deref(), Some("report"));
        assert_eq!(e.verdict.service.as_deref(), Some("gmail"));
        assert!(e
            .hits
            .iter()
            .any(|h| h.entry == "장애인데" && h.kind == "outage"));
        assert!(e
            .reasons
            .iter()
            .any(|r| r.contains("outage report for gmail")));

        let e = explanation(&m, "sundown over gmail hq");
        assert_eq!(e.verdict.kind, None);
        assert!(e.reasons.iter().any(|r| r.contains("inside a longer word")));

        let e = explanation(&m, "지메일 장애 아니에요");
        assert_eq!(e.verdict.kind, None);
        assert!(e.verdict.negated.iter().any(|t| t == "장애 아니"));

        let e = explanation(&m, "gmail works for me");
        assert!(e.verdict.works_for_me);
        assert!(e.reasons.iter().any(|r| r.contains("counter-evidence")));
    }

    /// `outcry explain` says when a service was named only by a typing slip, and not when the
    /// name was typed right.
    #[test]
    fn explanation_says_a_name_was_misspelt() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let e = explanation(&m, "gmial is down");
        assert_eq!(e.verdict.service.as_deref(), Some("gmail"));
        assert!(
            e.reasons
                .iter()
                .any(|r| r.contains("\"gmial\" is read as a misspelling of the name \"Gmail\"")),
            "{:?}",
            e.reasons
        );
        let e = explanation(&m, "gmail is down");
        assert!(!e.reasons.iter().any(|r| r.contains("misspelling")));
    }

    /// Each way an outage phrase is taken back is told as itself: no "after the question mark"
    /// without one, no empty quotation.
    #[test]
    fn explanation_says_what_took_the_outage_back() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let said = |text: &str| explanation(&m, text).reasons.join("\n");
        let denied =
            said("구글드라이브 업로드 실패 뜨길래 장애인가 했는데 폰 저장공간이 꽉 차 있었음");
        assert!(denied.contains("found it was not one"), "{denied}");
        assert!(
            !denied.contains("question") && !denied.contains("\"\""),
            "{denied}"
        );
        let answered = said("ebay down? no I just got outbid");
        assert!(answered.contains("answer of no"), "{answered}");
        let negated = said("gmail down? it isn't down");
        assert!(
            negated.contains("a negation after it: \"isn’t down\""),
            "{negated}"
        );
    }

    #[test]
    fn explanation_names_the_rule_that_decided() {
        let m = Matcher::new(Lexicon::builtin(), None);
        let e = explanation(&m, "netflix down 8% after hours");
        assert_eq!(e.verdict.kind, None);
        assert!(
            e.reasons.iter().any(|r| r.contains("\"down\"")
                && r.contains("market sense")
                && r.contains("{number}%")),
            "{:?}",
            e.reasons
        );
        let e = explanation(&m, "discord is doooown");
        assert_eq!(e.verdict.kind.as_deref(), Some("report"));
        assert!(e
            .reasons
            .iter()
            .any(|r| r.contains("stretched") && r.contains("doooown")));
        let e = explanation(&m, "bell internet is down");
        assert_eq!(e.verdict.service.as_deref(), Some("bell"));
        assert!(e.reasons.iter().any(|r| r.contains("very ambiguous alias")));
        let e = explanation(&m, "luke shaw is down injured");
        assert!(e.reasons.iter().any(|r| r.contains("no context word")));
        let e = explanation(&m, "discord keeps throwing error 1003");
        assert!(e
            .hits
            .iter()
            .any(|h| h.matched == "error 1003" && h.entry == "error {number}"));
        let e = explanation(&m, "배민 주문 접수가 안 돼요");
        assert_eq!(e.verdict.kind.as_deref(), Some("report"));
        assert!(e
            .reasons
            .iter()
            .any(|r| r.contains("no subject of its own")));
        let e = explanation(&m, "그러면 안 돼");
        assert!(e
            .reasons
            .iter()
            .any(|r| r.contains("no service is named before it")));
        let e = explanation(&m, "remember the big aws outage in 2021?");
        assert_eq!(e.verdict.kind, None);
        assert!(e
            .reasons
            .iter()
            .any(|r| r.contains("past sense") && r.contains("remember")));
    }
}
