//! Property tests of the time readers: an instant written in any supported layout, in any zone,
//! reads back as the same instant; local times around DST changes follow the documented rule.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use outcry::time::{self, Dst};
use proptest::prelude::*;

const ZONES: [Tz; 8] = [
    Tz::UTC,
    chrono_tz::Asia::Seoul,
    chrono_tz::America::Los_Angeles,
    chrono_tz::America::New_York,
    chrono_tz::Europe::London,
    chrono_tz::Europe::Berlin,
    chrono_tz::Australia::Sydney,
    chrono_tz::Asia::Kolkata,
];

/// 1973-03-03 .. 2096-10-02: epoch milliseconds and microseconds are told apart from seconds.
fn instant() -> impl Strategy<Value = i64> {
    100_000_000i64..4_000_000_000
}

fn zone() -> impl Strategy<Value = Tz> {
    (0..ZONES.len()).prop_map(|i| ZONES[i])
}

fn parse(s: &str, tz: Tz) -> i64 {
    time::parse_time(s, tz).unwrap_or_else(|e| panic!("{s:?} in {tz}: {e}"))
}

proptest! {
    #[test]
    fn every_layout_with_an_offset_round_trips(t in instant(), tz in zone(), input in zone()) {
        let d = tz.timestamp_opt(t, 0).unwrap();
        let u = Utc.timestamp_opt(t, 0).unwrap();
        // The input zone must not matter when the text carries its offset.
        for s in [
            d.to_rfc3339(),
            d.format("%Y-%m-%dT%H:%M:%S%.3f%:z").to_string(),
            d.format("%Y-%m-%d %H:%M:%S%z").to_string(),
            d.to_rfc2822(),
            u.format("%a, %d %b %Y %H:%M:%S GMT").to_string(),
            d.format("%a %b %d %H:%M:%S %z %Y").to_string(),
            u.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            u.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            u.format("%B %d, %Y at %I:%M:%S %p GMT").to_string(),
            u.with_timezone(&chrono::FixedOffset::east_opt(9 * 3600).unwrap())
                .format("%Y-%m-%d %H:%M:%S KST").to_string(),
        ] {
            prop_assert_eq!(parse(&s, input), t, "{}", s);
        }
        for n in [t.to_string(), (t * 1000).to_string(), (t * 1_000_000).to_string()] {
            prop_assert_eq!(parse(&n, input), t, "{}", n);
        }
    }

    #[test]
    fn naive_layouts_read_in_the_input_zone(t in instant(), tz in zone()) {
        let d = tz.timestamp_opt(t, 0).unwrap();
        let naive = d.naive_local();
        let want = time::resolve_local(naive, tz);
        let hour12 = d.format("%I").to_string().trim_start_matches('0').to_string();
        let half = if d.format("%p").to_string() == "PM" { "오후" } else { "오전" };
        // Two-digit years are 1970–2069.
        let short_year = if (1970..2070).contains(&chrono::Datelike::year(&d)) {
            d.format("%y/%m/%d %H:%M:%S").to_string()
        } else {
            d.format("%Y/%m/%d %H:%M:%S").to_string()
        };
        for s in [
            d.format("%Y-%m-%d %H:%M:%S").to_string(),
            d.format("%Y/%m/%d %H:%M:%S").to_string(),
            d.format("%Y.%m.%d. %H:%M:%S").to_string(),
            short_year,
            d.format("%Y년 %-m월 %-d일 %H시 %M분 %S초").to_string(),
            format!("{} {half} {hour12}:{}", d.format("%Y-%m-%d"), d.format("%M:%S")),
            format!("{} {half} {hour12}:{}", d.format("%Y년 %-m월 %-d일"), d.format("%M:%S")),
            d.format("%b %-d, %Y %-I:%M:%S %p").to_string(),
            d.format("%B %-d, %Y at %-I:%M:%S %P").to_string(),
        ] {
            prop_assert_eq!(parse(&s, tz), want, "{}", s);
        }
        // Only a time that happened twice can differ from the instant it was written from.
        if want != t {
            prop_assert!(matches!(tz.from_local_datetime(&naive), chrono::LocalResult::Ambiguous(..)));
        }
    }

    #[test]
    fn local_times_near_dst_changes_follow_the_rule(
        base in 0usize..6,
        minutes in -240i64..240,
    ) {
        // (zone, a UTC instant of a clock change)
        let edges: [(Tz, &str); 6] = [
            (chrono_tz::America::New_York, "2021-03-14T07:00:00Z"),
            (chrono_tz::America::New_York, "2021-11-07T06:00:00Z"),
            (chrono_tz::Europe::London, "2021-03-28T01:00:00Z"),
            (chrono_tz::Europe::London, "2021-10-31T01:00:00Z"),
            (chrono_tz::Australia::Sydney, "2021-04-03T16:00:00Z"),
            (chrono_tz::Australia::Sydney, "2021-10-02T16:00:00Z"),
        ];
        let (tz, edge) = edges[base];
        let edge = DateTime::parse_from_rfc3339(edge).unwrap().timestamp();
        // A local wall-clock time near the change (it may be skipped or repeated).
        let local_edge = tz.timestamp_opt(edge, 0).unwrap().naive_local();
        let naive: NaiveDateTime = local_edge + Duration::minutes(minutes);
        let s = naive.format("%Y-%m-%d %H:%M").to_string();
        let p = time::parse_time_ex(&s, tz).unwrap();
        let back = tz.timestamp_opt(p.ts, 0).unwrap();
        match p.dst {
            // Exact or repeated: the instant shows the written wall-clock time again.
            Dst::Exact | Dst::Twice => prop_assert_eq!(back.naive_local(), naive),
            // Skipped: moved forward by the gap (one hour in these zones).
            Dst::Skipped => prop_assert_eq!(back.naive_local(), naive + Duration::hours(1)),
        }
        if p.dst == Dst::Twice {
            // The earlier of the two: an hour later shows the same wall-clock time.
            let later = tz.timestamp_opt(p.ts + 3600, 0).unwrap();
            prop_assert_eq!(later.naive_local(), naive);
            prop_assert!(later.offset().fix() != back.offset().fix());
        }
    }

    #[test]
    fn outcry_time_lines_read_back(t in instant(), tz in zone()) {
        let z = outcry::cmd::time::zone_time(t, tz);
        prop_assert_eq!(parse(&z.time, Tz::UTC), t);
    }
}

/// Lines whose times come in every layout, with the edge cases readers used to disagree on.
const MIXED: &[&str] = &[
    r#"{"created_at":"2009-02-24 09:40:65","text":"a"}"#,
    r#"{"created_at":"2009-02-24 09:40:60","text":"a"}"#,
    r#"{"created_at":"Tue, 24 Feb 2009 09:30:00 GMT","text":"a"}"#,
    r#"{"created_at":"Tue Feb 24 09:40:65 +0000 2009","text":"a"}"#,
    r#"{"created_at":"Tue Feb 24 09:40:60 +0000 2009","text":"a"}"#,
    r#"{"created_at":"Tue Feb 24 09:31:02 +0000 2009","text":"a"}"#,
    r#"{"created_at":"Feb 24, 2009 9:40:65 AM","text":"a"}"#,
    r#"{"created_at":"2009년 2월 24일 오후 6:30","text":"a"}"#,
    r#"{"created_at":"2009-02-30 10:00","text":"a"}"#,
    r#"{"created_at":"1235467800","text":"a"}"#,
    r#"{"created_at":"09/02/24 21:22","text":"a"}"#,
    r#"{"created_at":"3/10/24 10:00","text":"a"}"#,
    r#"{"created_at":"12/31/24 10:00","text":"a"}"#,
    r#"{"created_at":"2009-02-24 17:30 CST","text":"a"}"#,
    r#"{"date":"2009-02-24 09:30 IST","text":"a"}"#,
    r#"{"created_at":"2009.02.24. 21:22","text":"a"}"#,
    r#"{"created_at":"February 24, 2009 at 9:30 pm","text":"a"}"#,
    r#"{"created_at":"soon","text":"a"}"#,
    r#"{"created_utc":1235467800,"text":"a"}"#,
];

/// One line's verdict: its time, or why it was skipped and the details of its time error.
fn verdict(
    ex: &mut outcry::record::JsonExtractor,
    line: &str,
) -> (Result<i64, outcry::record::Skip>, Option<time::TimeError>) {
    let r = ex.extract(line.as_bytes()).map(|p| p.time);
    (r, ex.last_time_error())
}

fn extractor() -> outcry::record::JsonExtractor {
    outcry::record::JsonExtractor::new(
        &outcry::record::FieldChoice::default(),
        time::InputZone::Implied,
    )
}

proptest! {
    // issue 21: each field remembered the reader that last worked and tried it first, so one
    // early line changed how later lines parsed (and the answer depended on --threads).
    #[test]
    fn any_order_and_any_split_gives_each_line_the_same_verdict(
        order in Just((0..MIXED.len()).collect::<Vec<_>>()).prop_shuffle(),
        cuts in proptest::collection::vec(0..MIXED.len(), 0..4),
    ) {
        let alone: Vec<_> = MIXED.iter().map(|l| verdict(&mut extractor(), l)).collect();
        let mut cuts = cuts;
        cuts.sort_unstable();
        let mut ex = extractor();
        for (pos, &k) in order.iter().enumerate() {
            if cuts.contains(&pos) {
                ex = extractor(); // another worker's chunk
            }
            prop_assert_eq!(verdict(&mut ex, MIXED[k]), alone[k], "{}", MIXED[k]);
        }
    }
}
