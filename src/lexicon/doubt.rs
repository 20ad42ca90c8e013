//! Whether the writer's own thing named as the cause of an outage (an own-cause counter: "must
//! be my router", 폰 문제인 거) is said as the cause or only raised to be ruled out: denied right
//! after it (폰 문제인 거 *아님*, "must be my phone? *no*"), suspected first ("i *thought* it must
//! be my modem", 와이파이 탓인 듯 *했는데*) or followed by a contrast ("… *but* it's down for
//! everyone", 껐다 켰*는데도* 안 됨). Reads the normalised text around the counter only (Hangul
//! joined, Latin spaced); `classify.rs` decides what a ruled-out cause does.

/// How many bytes after the counter a Korean contrast is looked for: about fifteen syllables,
/// the rest of the clause and the next verb (공유기 문제인 거 같아서 껐다 켰*는데도*).
const KO_CONTRAST_REACH: usize = 48;

/// How many bytes before the counter its clause is read for a word of suspecting ("thought it
/// must be my modem").
const SUSPECT_REACH: usize = 32;

/// Korean words that deny what stands right before them (아님, 아니고, 아니었음, 아닌 듯) and the
/// rest of a denied 같다 (문제 같*진 않*음).
const KO_DENIALS: &[&str] = &[
    "아님",
    "아니",
    "아닌",
    "아냐",
    "아녜",
    "진않",
    "지않",
    "지는않",
];

/// Korean words of a contrast or a suspicion after the cause (했는데, 같았는데, 켰는데도, 인 줄
/// 알았는데, 근데, 알고 보니). "문제였는데" (it was the cause, and …) is none of them.
const KO_CONTRASTS: &[&str] = &["는데도", "했는데", "았는데", "줄알았", "근데", "알고보니"];

/// English answers of no right after the cause ("must be my phone? no, …").
const EN_NOS: &[&str] = &["no", "nope", "nah"];

/// English words of a suspicion before the cause in its clause.
const EN_SUSPECTED: &[&str] = &["thought", "figured", "assumed", "assuming"];

/// English words of a contrast after the cause in its sentence ("… but the whole street is
/// out").
const EN_CONTRASTS: &[&str] = &["but", "except", "however"];

/// Whether the own-cause counter at `hay[start..end]` is ruled out by what stands around it.
pub fn cause_ruled_out(hay: &str, start: usize, end: usize) -> bool {
    let Some(rest) = hay.get(end..) else {
        return false;
    };
    let hangul = !hay[start..end].is_ascii();
    if hangul {
        return ko_ruled_out(rest);
    }
    en_denied(rest) || en_suspected(hay.get(..start).unwrap_or("")) || en_contrast(rest)
}

/// 폰 문제인 거 아님, 공유기 문제 같진 않음, 폰 문제임? 아님; 탓인 듯 했는데, 켰는데도 안 됨.
fn ko_ruled_out(rest: &str) -> bool {
    let answer = rest.trim_start_matches([' ', '?', '!', ',', '.', '~']);
    if KO_DENIALS.iter().any(|d| answer.starts_with(d)) {
        return true;
    }
    let mut reach = KO_CONTRAST_REACH.min(rest.len());
    while !rest.is_char_boundary(reach) {
        reach -= 1;
    }
    let near = &rest[..reach];
    let near = &near[..near.find(['.', '!', '\n']).unwrap_or(near.len())];
    KO_CONTRASTS.iter().any(|c| near.contains(c))
}

/// "must be my phone? no, …", "must be my wifi. nope".
fn en_denied(rest: &str) -> bool {
    let answer = rest.trim_start_matches([' ', '?', '!', ',', '.']);
    let first = answer
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    rest.trim_start().starts_with('?') && EN_NOS.contains(&first)
}

/// "i thought it must be my phone", "figured it was just my wifi".
fn en_suspected(before: &str) -> bool {
    let from = before.len().saturating_sub(SUSPECT_REACH);
    let Some(near) = (from..=before.len()).find_map(|i| before.get(i..)) else {
        return false;
    };
    let clause = &near[near
        .rfind(['.', '!', '?', ',', ';', '\n'])
        .map_or(0, |i| i + 1)..];
    clause.split(' ').any(|w| EN_SUSPECTED.contains(&w))
}

/// "… must be my modem but the whole street is out".
fn en_contrast(rest: &str) -> bool {
    let sentence = &rest[..rest.find(['.', '!', '?', '\n']).unwrap_or(rest.len())];
    sentence
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| EN_CONTRASTS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: the normalised text, the counter's text in it, whether it is ruled out.
    #[test]
    fn a_cause_denied_suspected_or_contrasted_is_ruled_out() {
        let cases = [
            (
                "유튜브안됨폰문제인거아님다른기기도다안됨",
                "폰문제인거",
                true,
            ),
            ("카톡안됨폰문제임?아님다들안된대", "폰문제임", true),
            (
                "카톡안됨와이파이탓인듯했는데lte로도안됨",
                "와이파이탓인듯",
                true,
            ),
            (
                "카톡접속안됨공유기문제인거같았는데다른사람들도그렇대",
                "공유기문제인거",
                true,
            ),
            ("카톡안됨폰문제였는데재부팅하니됨", "폰문제였", false),
            ("유튜브재생안됨ㅠ걍내폰문제인듯", "폰문제인듯", false),
            (
                "티빙안되길래봤더니리모컨배터리문제였음",
                "배터리문제였",
                false,
            ),
            (
                "spotify keeps crashing, i thought it must be my phone but it's down",
                "must be my phone",
                true,
            ),
            (
                "verizon no service, must be my phone? no, whole city is out",
                "must be my phone",
                true,
            ),
            (
                "discord keeps disconnecting tonight, must be my router",
                "must be my router",
                false,
            ),
            (
                "i thought discord was down. must be my router",
                "must be my router",
                false,
            ),
        ];
        for (hay, counter, out) in cases {
            let start = hay.find(counter).unwrap();
            assert_eq!(
                cause_ruled_out(hay, start, start + counter.len()),
                out,
                "{hay}"
            );
        }
    }
}
