//! Korean endings that change what an outage or recovery phrase says. Korean glues its grammar to
//! the word it bends, so 먹통 ("down") reads as a report, but 먹통이면 ("if it were down"),
//! 다운된 적 없는 ("never went down"), 끊김 없이 ("without a drop") and 먹통이었던 거 ("that it
//! was down, back then") do not. These are endings of the language, not words of a lexicon: the
//! classifier reads what follows a phrase in its own word (the normalised text has no spaces
//! between Hangul syllables) and sets the phrase aside when one of them follows. No allocation.

/// What an ending makes of the phrase before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// A condition or a fear: 먹통이면, 안 되면, 다운된다면, 다운될까 봐.
    Hypothetical,
    /// An experience denied: 다운된 적 없는, 먹통 될 일 없어.
    Never,
    /// Its absence: 끊김 없이, 오류 없는, 장애는 없어요.
    Without,
    /// A past state told as such: 먹통이었던 거, 다운됐던 날 (not 됐던데, which reports it), or a
    /// time when it was or would be so: 먹통일 때, 장애 났을 때.
    Past,
    /// The outage itself denied: 안 되는 건 아니고, 안 되는 게 아니라.
    Denied,
    /// Something someone lowers or breaks on purpose: 화질 다운시켜서, 속도 다운시킨.
    Caused,
    /// A recovery verb said in the negative, 안 or 못 right before it: 로그인이 안 되네요.
    Negated,
    /// A recovery verb asked, ordered or wished (see [`asked`]): 이제 되나요?, 제발 돼라.
    Asked,
}

impl Ending {
    /// How `outcry explain` names it.
    pub fn name(self) -> &'static str {
        match self {
            Ending::Hypothetical => "a condition or a fear (if it were…)",
            Ending::Never => "an experience denied (never…)",
            Ending::Without => "an absence (without…)",
            Ending::Past => "a past state or a time when (that was…, when it was…)",
            Ending::Denied => "a denial (it is not that…)",
            Ending::Caused => "something made so on purpose (…시키다)",
            Ending::Negated => "said in the negative (안 or 못 right before it)",
            Ending::Asked => "asked, ordered or wished (되나요?, 돼라)",
        }
    }
}

/// The verb or copula syllables that may stand between the phrase and its ending (먹통-이-면,
/// 다운-된-적, 먹통-이었-던, 장애-났을-때), longest first so that 이었 is tried before 이. (The
/// grammar of the endings this module reads, in the order it tries them: it stays in code.)
const HELPERS: [&str; 27] = [
    "되었", "됐었", "이었", "이라", "된다", "난다", "한다", "났을", "됐을", "였", "이", "되", "됐",
    "된", "될", "했", "하", "한", "할", "나", "났", "난", "날", "일", "었", "았", "으",
];

/// Particles between a noun and 없다 (장애는 없어요, 오류가 없는): the grammar of 없다's
/// ending, read with it, so it stays in code.
const PARTICLES: [&str; 5] = ["이", "가", "은", "는", "도"];

/// The ending right after a phrase that ends at the start of `rest`, if one changes it. Only a
/// phrase that ends in a Hangul syllable is bent by an ending (`rest` then starts in its word).
pub fn after(phrase: &str, rest: &str) -> Option<Ending> {
    if !phrase
        .chars()
        .last()
        .is_some_and(super::normalise::is_syllable)
    {
        return None;
    }
    if let Some(e) = without(rest) {
        return Some(e);
    }
    if copula_denied(rest) || thought_so(phrase, rest) || echoed(rest) {
        return Some(Ending::Denied);
    }
    if ["시키", "시켜", "시켰", "시킨", "시킬"]
        .iter()
        .any(|p| rest.starts_with(p))
    {
        return Some(Ending::Caused);
    }
    let bare = HELPERS
        .iter()
        .find_map(|h| rest.strip_prefix(h))
        .into_iter()
        .chain([rest]);
    for r in bare {
        if let Some(e) = bent(r, r.len() < rest.len()) {
            return Some(e);
        }
    }
    None
}

/// Whether a recovery phrase that starts right after `before` is said in the negative: 안 or 못
/// right before it (로그인이 안 되네요; the normalised text has no space between them).
pub fn negated_before(before: &str) -> bool {
    before.ends_with('안') || before.ends_with('못')
}

/// Verb stems of a service working: forms of 되다 (되, 돼, 됐, 됨, 됩, 된; also after a noun,
/// 접속 돼, 통과됩니다) and verbs of opening, getting in, coming, showing and running.
/// (Vocabulary, not yet lexicon data: `grammar.rs` reads it through a static index of first
/// syllables, `WORKING_FIRST`, and [`asked_after`] without the matcher, so moving it means
/// threading the matcher's `Words` there; left for a later round.)
pub const WORKING: &[&str] = &[
    "되",
    "돼",
    "됐",
    "됨",
    "됩",
    "된",
    "열리",
    "열려",
    "열림",
    "들어가",
    "들어와",
    "켜지",
    "켜져",
    "나와",
    "나옴",
    "나오",
    "나온",
    "살아",
    "살았",
    "작동",
    "정상",
    "멀쩡",
    "괜찮",
    "보내져",
    "보내지",
    "받아져",
    "받아지",
    "보여",
    "보이",
    "와요",
    "오네",
    "온다",
    "가요",
    "가네",
    "가짐",
    "올라가",
    "올라와",
    "올라감",
    "넘어가",
    "넘어감",
    "성공",
    "전송",
];

/// Whether the recovery phrase `phrase` ends in a verb of [`WORKING`] that what follows it
/// (`rest`) asks, orders or wishes ([`asked`]): 이제 되나요?, 제발 돼라. A phrase that ends in
/// an adverb (다시, 이제 잘) is followed by its verb, not by an ending.
pub fn asked_after(phrase: &str, rest: &str) -> bool {
    WORKING.iter().any(|w| phrase.ends_with(w)) && asked(rest)
}

/// Whether what follows a verb of working (`rest`, from right after its stem) asks, orders or
/// wishes rather than tells that it works: a question (되나요, 되려나, 되냐, 되니, 됩니까), an
/// order or a wish (돼라, 되길, 되었으면), or a short ending and a question mark (돼요?). Not
/// 되나 봐 ("it seems to work"), 되더라, 됩니다.
pub fn asked(rest: &str) -> bool {
    let starts = |p: &str| rest.starts_with(p);
    if !rest.starts_with(super::normalise::is_syllable) && !rest.starts_with('?') {
        return false;
    }
    if starts("나봐") || starts("나보") || starts("나봄") || starts("나벼") {
        return false;
    }
    if [
        "나",
        "냐",
        "려나",
        "려냐",
        "까",
        "라",
        "길",
        "기를",
        "었으면",
        "였으면",
    ]
    .iter()
    .any(|p| starts(p))
        || (starts("니") && !starts("니다") && !starts("니까"))
    {
        return true;
    }
    // A short ending, then "?": 돼요?, 되는 거? (not a guess, 된 듯?, the writer's own word)
    if starts("듯") {
        return false;
    }
    let end = rest
        .char_indices()
        .take_while(|&(_, c)| super::normalise::is_syllable(c))
        .take(3)
        .last()
        .map_or(0, |(k, c)| k + c.len_utf8());
    rest[end..].starts_with('?')
}

/// The copula denied right after a noun phrase, past one particle: 먹통 아님, 장애 아닙니다,
/// 오류는 아니고, 다운이 아니라 ("it is not an outage"), told, not asked: 장애 아니냐, 먹통
/// 아닌가, 아님? and 아니에요? ask whether it is one, and so report it.
fn copula_denied(rest: &str) -> bool {
    let r = PARTICLES
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .filter(|r| r.starts_with('아'))
        .unwrap_or(rest);
    let Some(tail) = [
        "아님",
        "아닙니다",
        "아니에요",
        "아니예요",
        "아녜요",
        "아니라",
        "아니고",
        "아니다",
        "아니었",
        "아니였",
        "아냐",
        "아니야",
    ]
    .iter()
    .find_map(|d| r.strip_prefix(d)) else {
        return false;
    };
    !tail.starts_with('?') && !tail.starts_with("까") && !tail.starts_with("냐")
}

/// Someone's claim asked back ("you say it is down?"): 안 된다고요?, 먹통이라고요?, 장애라고요?
/// (with its question mark; 안 된다고요 alone insists, and reports).
fn echoed(rest: &str) -> bool {
    let r = ["이라고요", "라고요", "다고요", "는다고요", "고요"]
        .iter()
        .find_map(|p| rest.strip_prefix(p));
    r.is_some_and(|r| r.starts_with('?'))
}

/// A phrase taken for what it seemed, then found not to be: 장애인가 했더니, 먹통인 줄 알았는데,
/// 안 되는 줄 알았음 ("I thought it was down, but…"): 인가 (in the phrase or after it) and a
/// verb of thinking, or 줄 and a form of 알다.
pub(super) fn thought_so(phrase: &str, rest: &str) -> bool {
    let r = ["인줄", "는줄", "ㄴ줄", "줄", "된줄", "난줄", "한줄"]
        .iter()
        .find_map(|p| rest.strip_prefix(p));
    if let Some(r) = r {
        return r.starts_with("알았") || r.starts_with("알고");
    }
    let r = if phrase.ends_with("인가") || phrase.ends_with("인지") {
        Some(rest)
    } else {
        ["인가", "인지", "된건가", "된가", "인가싶"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
    };
    r.is_some_and(|r| {
        [
            "했더니",
            "했는데",
            "했다가",
            "싶었는데",
            "싶었더니",
            "했으나",
            "했지만",
        ]
        .iter()
        .any(|v| r.starts_with(v))
    })
}

/// 없 right after the phrase, or after one particle: 끊김없이, 장애는없어요.
fn without(rest: &str) -> Option<Ending> {
    let r = PARTICLES
        .iter()
        .find_map(|p| rest.strip_prefix(p).filter(|r| r.starts_with('없')))
        .unwrap_or(rest);
    r.starts_with('없').then_some(Ending::Without)
}

/// The ending at the start of `r` (what follows the phrase and its helper syllable, if it had
/// one: `helped`).
fn bent(r: &str, helped: bool) -> Option<Ending> {
    let starts = |p: &str| r.starts_with(p);
    if starts("면서") || starts("으면서") {
        // "while": 먹통이면서 reports it.
        return None;
    }
    if ["면", "다면", "라면", "으면", "까봐"]
        .iter()
        .any(|p| starts(p))
    {
        return Some(Ending::Hypothetical);
    }
    let never = [
        "적없",
        "적이없",
        "적은없",
        "적도없",
        "일없",
        "일은없",
        "일이없",
    ];
    if helped && never.iter().any(|p| starts(p)) {
        return Some(Ending::Never);
    }
    let denied = [
        "는거아니",
        "는거아님",
        "는거아냐",
        "는게아니",
        "는건아니",
        "는건아님",
    ];
    if denied.iter().any(|p| starts(p)) {
        return Some(Ending::Denied);
    }
    if helped && starts("때") {
        return Some(Ending::Past);
    }
    let evidential = ["던데", "던가", "던지"].iter().any(|p| starts(p));
    (helped && starts("던") && !evidential).then_some(Ending::Past)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_after_an_or_mot_is_negated() {
        assert!(negated_before("g메일로그인이안"));
        assert!(negated_before("못"));
        assert!(!negated_before("카톡다시"));
    }

    #[test]
    fn a_question_an_order_or_a_wish_after_a_verb_of_working_is_no_recovery() {
        let cases = [
            ("나요?", true),
            ("려나", true),
            ("니?", true),
            ("니까", false),
            ("라", true),
            ("길", true),
            ("요?아직안돼요?", true),
            ("요", false),
            ("네", false),
            ("니다", false),
            ("나봐요", false),
            ("나봄아까", false),
            ("더라", false),
            ("듯?", false),
            ("는데", false),
            ("", false),
        ];
        for (rest, want) in cases {
            assert_eq!(asked(rest), want, "{rest}");
        }
    }

    #[test]
    fn endings_bend_the_phrase_before_them() {
        let cases = [
            ("먹통", "이면어떡하지", Some(Ending::Hypothetical)),
            ("안되", "면나진짜할거없음", Some(Ending::Hypothetical)),
            ("다운", "되면어떡하지", Some(Ending::Hypothetical)),
            ("다운", "될까봐걱정", Some(Ending::Hypothetical)),
            ("먹통", "이면서결제도안돼", None),
            ("다운", "된적없는듯", Some(Ending::Never)),
            ("끊김", "없이잘봄", Some(Ending::Without)),
            ("장애", "는없어요", Some(Ending::Without)),
            ("먹통", "이었던거어제일이잖아", Some(Ending::Past)),
            ("다운", "됐던데", None),
            ("먹통", "일때요기요로시킨적", Some(Ending::Past)),
            ("다운", "시켜서듣는게좋아", Some(Ending::Caused)),
            ("안되", "는건아니고그냥", Some(Ending::Denied)),
            ("안되", "는게아니라", Some(Ending::Denied)),
            ("먹통", "아님.그냥니계정", Some(Ending::Denied)),
            ("장애", "아닙니다", Some(Ending::Denied)),
            ("오류", "는아니고정책변경", Some(Ending::Denied)),
            ("장애", "가아니라개인정보", Some(Ending::Denied)),
            ("장애", "아니냐", None),
            ("먹통", "아님?", None),
            ("장애", "아니에요?", None),
            (
                "터지",
                "면코인다날아가는거아님?",
                Some(Ending::Hypothetical),
            ),
            ("장애인가", "했더니나만차단당함", Some(Ending::Denied)),
            ("장애", "인가했는데그냥", Some(Ending::Denied)),
            ("안되", "는줄알았는데내폰", Some(Ending::Denied)),
            ("먹통", "인줄알았음", Some(Ending::Denied)),
            ("장애인가", "요?", None),
            ("먹통", "이라고요?제폰에서는", Some(Ending::Denied)),
            ("안된", "다고요?머스크가", Some(Ending::Denied)),
            ("안된", "다고요진짜", None),
            ("먹통", "이네", None),
            ("다운", "됐어요", None),
            ("down", "면", None),
        ];
        for (phrase, rest, want) in cases {
            assert_eq!(after(phrase, rest), want, "{phrase}{rest}");
        }
    }
}
