//! Zone abbreviations as people write them after a time ("10:20 GMT", "9:30 AM PST", "KST").
//!
//! An abbreviation names a fixed offset: `PST` is −08:00 even when written in July. Some
//! abbreviations mean different things in different places (`CST`: US Central, China, Cuba;
//! `IST`: India, Ireland, Israel; `AST`: Atlantic, Arabia). Those are never guessed. They are
//! resolved by context only, in this order:
//!
//! 1. the context zone (`--input-tz`, or `outcry time --from`) itself calls its time by that
//!    abbreviation at that moment (America/Chicago in winter says CST), or else in winter or
//!    summer of that year (Asia/Jerusalem says IST in January, IDT in July): the offset it
//!    has under that name is taken, whatever the season the time was written in;
//! 2. a candidate lies in the same region as the context zone (the part before `/`: `America`,
//!    `Asia`, `Europe`): the first such candidate in the table below is taken;
//! 3. otherwise the time is an error that lists the candidates.

use chrono::{Datelike, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{OffsetName, Tz};

/// One meaning of an ambiguous abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// A representative IANA zone.
    pub zone: &'static str,
    /// Seconds east of UTC.
    pub offset: i32,
    pub meaning: &'static str,
}

/// An abbreviation with several meanings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ambiguous {
    pub abbr: &'static str,
    pub candidates: &'static [Candidate],
}

impl Ambiguous {
    /// `CST could be America/Chicago (−06:00, US Central Standard Time), …`
    pub fn describe(&self) -> String {
        let c: Vec<String> = self
            .candidates
            .iter()
            .map(|c| format!("{} ({}, {})", c.zone, offset_text(c.offset), c.meaning))
            .collect();
        format!(
            "'{}' is ambiguous: it could be {}",
            self.abbr,
            c.join(", or ")
        )
    }
}

/// What an abbreviation means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbrev {
    /// A fixed offset, seconds east of UTC.
    Fixed(i32),
    Ambiguous(&'static Ambiguous),
}

const H: i32 = 3600;

const FIXED: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("UT", 0),
    ("Z", 0),
    ("WET", 0),
    ("WEST", H),
    ("BST", H),
    ("CET", H),
    ("CEST", 2 * H),
    ("EET", 2 * H),
    ("EEST", 3 * H),
    ("MSK", 3 * H),
    ("HKT", 8 * H),
    ("SGT", 8 * H),
    ("AWST", 8 * H),
    ("KST", 9 * H),
    ("JST", 9 * H),
    ("AEST", 10 * H),
    ("AEDT", 11 * H),
    ("NZST", 12 * H),
    ("NZDT", 13 * H),
    ("HST", -10 * H),
    ("AKST", -9 * H),
    ("AKDT", -8 * H),
    ("PST", -8 * H),
    ("PDT", -7 * H),
    ("MST", -7 * H),
    ("MDT", -6 * H),
    ("CDT", -5 * H),
    ("EST", -5 * H),
    ("EDT", -4 * H),
];

/// The ambiguous abbreviations, each with its candidates.
pub static AMBIGUOUS: &[Ambiguous] = &[
    Ambiguous {
        abbr: "CST",
        candidates: &[
            Candidate {
                zone: "America/Chicago",
                offset: -6 * H,
                meaning: "US Central Standard Time",
            },
            Candidate {
                zone: "Asia/Shanghai",
                offset: 8 * H,
                meaning: "China Standard Time",
            },
            Candidate {
                zone: "America/Havana",
                offset: -5 * H,
                meaning: "Cuba Standard Time",
            },
        ],
    },
    Ambiguous {
        abbr: "IST",
        candidates: &[
            Candidate {
                zone: "Asia/Kolkata",
                offset: 5 * H + 1800,
                meaning: "India Standard Time",
            },
            Candidate {
                zone: "Europe/Dublin",
                offset: H,
                meaning: "Irish Standard Time",
            },
            Candidate {
                zone: "Asia/Jerusalem",
                offset: 2 * H,
                meaning: "Israel Standard Time",
            },
        ],
    },
    Ambiguous {
        abbr: "AST",
        candidates: &[
            Candidate {
                zone: "America/Halifax",
                offset: -4 * H,
                meaning: "Atlantic Standard Time",
            },
            Candidate {
                zone: "Asia/Riyadh",
                offset: 3 * H,
                meaning: "Arabia Standard Time",
            },
        ],
    },
];

/// Looks an abbreviation up. `UTC`, `GMT` and `Z` in any case; the others only in capitals, so
/// that words of running text ("est", "ist") are never taken for zones.
pub fn lookup(word: &str) -> Option<Abbrev> {
    if word.len() > 4 || word.is_empty() {
        return None;
    }
    let upper = word.bytes().all(|b| b.is_ascii_uppercase());
    let loose = ["utc", "gmt", "z"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word));
    if !upper && !loose {
        return None;
    }
    if let Some((_, off)) = FIXED.iter().find(|(a, _)| a.eq_ignore_ascii_case(word)) {
        return Some(Abbrev::Fixed(*off));
    }
    AMBIGUOUS
        .iter()
        .find(|a| a.abbr == word)
        .map(Abbrev::Ambiguous)
}

/// Resolves an ambiguous abbreviation by the context zone (see the module documentation), for
/// a time written `naive` in it. `None` when the context cannot tell.
pub fn resolve_ambiguous(a: &Ambiguous, ctx: Option<Tz>, naive: NaiveDateTime) -> Option<i32> {
    let ctx = ctx?;
    // The context zone's name for its time then, or in the other season of that year: an
    // abbreviation names a fixed offset, so "IST" written in Israel in July (when it says IDT)
    // is still Israel's standard time, not India's.
    let year = naive.date().year();
    let seasons = [1, 7].map(|m| {
        chrono::NaiveDate::from_ymd_opt(year, m, 15).and_then(|d| d.and_hms_opt(12, 0, 0))
    });
    for at in std::iter::once(Some(naive)).chain(seasons).flatten() {
        if let Some(off) = ctx.offset_from_local_datetime(&at).earliest() {
            if off.abbreviation() == Some(a.abbr) {
                return Some(off.fix().local_minus_utc());
            }
        }
    }
    let region = |z: &str| z.split('/').next().unwrap_or("").to_string();
    let ctx_region = region(ctx.name());
    a.candidates
        .iter()
        .find(|c| region(c.zone) == ctx_region)
        .map(|c| c.offset)
}

/// `+09:00`, `-05:30`.
pub fn offset_text(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    format!("{sign}{:02}:{:02}", a / 3600, a % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_and_ambiguous() {
        assert_eq!(lookup("KST"), Some(Abbrev::Fixed(9 * H)));
        assert_eq!(lookup("gmt"), Some(Abbrev::Fixed(0)));
        assert_eq!(lookup("est"), None, "running text is not a zone");
        assert!(matches!(lookup("CST"), Some(Abbrev::Ambiguous(a)) if a.abbr == "CST"));
        let Some(Abbrev::Ambiguous(ist)) = lookup("IST") else {
            panic!()
        };
        let d = ist.describe();
        assert!(
            d.contains("Asia/Kolkata (+05:30") && d.contains("Europe/Dublin"),
            "{d}"
        );
    }

    #[test]
    fn context_resolves_cst() {
        let Some(Abbrev::Ambiguous(cst)) = lookup("CST") else {
            panic!()
        };
        let winter = chrono::NaiveDate::from_ymd_opt(2009, 2, 24)
            .unwrap()
            .and_hms_opt(3, 0, 0)
            .unwrap();
        let r = |z: Tz| resolve_ambiguous(cst, Some(z), winter);
        assert_eq!(r(chrono_tz::America::Chicago), Some(-6 * H));
        assert_eq!(r(chrono_tz::Asia::Shanghai), Some(8 * H));
        assert_eq!(r(chrono_tz::America::Havana), Some(-5 * H));
        assert_eq!(r(chrono_tz::America::New_York), Some(-6 * H));
        assert_eq!(r(chrono_tz::Europe::London), None);
        assert_eq!(resolve_ambiguous(cst, None, winter), None);
    }

    #[test]
    fn the_context_zones_own_abbreviation_is_taken_in_every_season() {
        let at = |m| {
            chrono::NaiveDate::from_ymd_opt(2009, m, 24)
                .unwrap()
                .and_hms_opt(3, 30, 0)
                .unwrap()
        };
        let amb = |w| match lookup(w) {
            Some(Abbrev::Ambiguous(a)) => a,
            _ => panic!("{w}"),
        };
        // Before, the summer's answer fell through to the region rule: India, US Central.
        for m in [1, 7] {
            let ist = |z| resolve_ambiguous(amb("IST"), Some(z), at(m));
            assert_eq!(ist(chrono_tz::Asia::Jerusalem), Some(2 * H), "month {m}");
            assert_eq!(ist(chrono_tz::Europe::Dublin), Some(H), "month {m}");
            assert_eq!(
                ist(chrono_tz::Asia::Kolkata),
                Some(5 * H + 1800),
                "month {m}"
            );
            let cst = |z| resolve_ambiguous(amb("CST"), Some(z), at(m));
            assert_eq!(cst(chrono_tz::America::Havana), Some(-5 * H), "month {m}");
            assert_eq!(cst(chrono_tz::America::Chicago), Some(-6 * H), "month {m}");
        }
    }
}
