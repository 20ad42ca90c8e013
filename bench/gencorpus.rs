//! Writes the benchmark corpus: a deterministic, tweet-like JSON Lines dump of any size, about half
//! Korean and ~2% outage chatter, so that `bench/run.sh` measures outcry, `rg` and `jq` on data
//! shaped like the archives outcry is meant for. The same seed always gives the same bytes.
//!
//!     cargo run --release --example gencorpus -- [--ascii | --wxr] [--kind KIND] SIZE OUT [PHRASES.txt]
//!
//! `--ascii` writes the same posts with every non-ASCII character as a `\uXXXX` escape, the way
//! archives of Twitter's stream have them. `--wxr` writes them as a WordPress export instead (an
//! item every ten posts, the nine after it its comments, bodies in CDATA), for the XML row.
//! `--kind` writes one of the text-heavy corpora instead of the tweet archive (`blog`,
//! `trackback`, `forum` CSV, `chat`: see `prose.rs`), and prints its shape (mean line, the
//! text's share of the bytes, the Korean lines' share).
//!
//! SIZE is in bytes with an optional K/M/G suffix (binary units). PHRASES.txt, when given, gets the
//! shipped lexicons' outage entries, one per line: the fixed-string list `rg -F -f` is run with.
//!
//! Texts are built from the shipped lexicons (service aliases, outage and recovery phrases) and
//! from everyday sentences written for this generator. Most posts are tweets (Twitter's
//! `created_at` layout, a nested `user`), some Reddit comments (`created_utc` epoch); Korean text
//! is mostly raw UTF-8, sometimes `\uXXXX`-escaped as old API dumps have it. About 1.5% of posts
//! are scattered complaints about random services and 0.5% fall into three outage bursts.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};

use outcry::lexicon::{Lexicon, TermKind};

mod prose;

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    /// True with probability `per_mille`/1000.
    fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }
}

const EN_WORDS: &[&str] = &[
    "coffee", "morning", "meeting", "train", "weekend", "project", "music", "lunch", "weather",
    "game", "movie", "book", "city", "friends", "work", "code", "deploy", "release", "team",
    "photo", "dinner", "rain", "sunny", "finally", "really", "today", "tonight", "new", "great",
    "tired", "happy", "busy", "late", "early", "office", "home", "walk", "run", "bus", "subway",
];
const EN_FRAMES: &[&str] = &[
    "just had the best {w} of my life",
    "anyone else think the {w} is way too {w} today?",
    "{w} {w} and more {w}. that's my {w}",
    "heading to the {w} after {w}, see you there",
    "can't believe how {w} the {w} was",
    "reading about {w} and {w} on the {w}",
    "RT @{u}: the {w} thing is {w} lol",
    "new blog post: why {w} beats {w} every time http://t.co/{u}",
    "ugh, {w} again. need more {w}",
];
const KO_WORDS: &[&str] = &[
    "커피",
    "점심",
    "회의",
    "주말",
    "날씨",
    "영화",
    "음악",
    "친구",
    "회사",
    "지하철",
    "버스",
    "저녁",
    "야근",
    "출근",
    "퇴근",
    "여행",
    "맛집",
    "운동",
    "공부",
    "게임",
    "드라마",
    "카페",
    "비",
    "눈",
    "오늘",
    "내일",
    "어제",
    "진짜",
    "너무",
    "완전",
];
const KO_FRAMES: &[&str] = &[
    "{w} 먹으러 가는 중 ㅎㅎ",
    "{w} 때문에 {w} 못 갔어요 ㅠㅠ",
    "오늘 {w} 진짜 좋네요",
    "{w}에서 {w} 보는 중 ^^",
    "{w} 끝나고 {w} 가야지",
    "아 {w} 너무 피곤하다 {w} 언제 끝나",
    "{w} 추천 좀 해주세요! {w} 말고",
    "RT @{u}: {w} {w} 대박 ㅋㅋㅋ",
];
const EN_COMPLAINT: &[&str] = &[
    "{s} {o} for me, anyone else?",
    "ugh {s} {o} again",
    "is {s} {o}? can't get anything done",
    "{s} {o}. great timing",
    "wow {s} just {o} in the middle of my {w}",
];
const KO_COMPLAINT: &[&str] = &[
    "{s} {o} ㅠㅠ",
    "{s} 또 {o} 진짜",
    "{s} {o} 나만 그런가요?",
    "아 {s} {o} {w} 해야 되는데",
];
const EN_RECOVERY: &[&str] = &["{s} {r} now", "looks like {s} {r}"];
const KO_RECOVERY: &[&str] = &["{s} {r} 다행", "{s} 이제 {r}"];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];

fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let (num, mul) = match s.as_bytes().last()? {
        b'K' | b'k' => (&s[..s.len() - 1], 1u64 << 10),
        b'M' | b'm' => (&s[..s.len() - 1], 1 << 20),
        b'G' | b'g' => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.parse::<u64>().ok().map(|n| n * mul)
}

/// The words of the lexicons, grouped for building texts.
struct Words {
    /// (English-ish aliases, Korean aliases) per service that has both.
    en_alias: Vec<Vec<String>>,
    ko_alias: Vec<Vec<String>>,
    en_outage: Vec<String>,
    ko_outage: Vec<String>,
    en_recovery: Vec<String>,
    ko_recovery: Vec<String>,
}

fn words(lex: &Lexicon) -> Words {
    let n = lex.services.len();
    let mut w = Words {
        en_alias: vec![vec![]; n],
        ko_alias: vec![vec![]; n],
        en_outage: vec![],
        ko_outage: vec![],
        en_recovery: vec![],
        ko_recovery: vec![],
    };
    for e in &lex.entries {
        let d = e.display.trim_matches(['*', '?']).to_string();
        let ascii = d.is_ascii();
        if e.number.is_some() {
            continue; // `error {number}`: not a phrase to paste as written
        }
        match e.kind {
            TermKind::Alias(s) if ascii => w.en_alias[s].push(d),
            TermKind::Alias(s) => w.ko_alias[s].push(d),
            TermKind::Outage if ascii => w.en_outage.push(d),
            TermKind::Outage => w.ko_outage.push(d),
            TermKind::Recovery if ascii => w.en_recovery.push(d),
            TermKind::Recovery => w.ko_recovery.push(d),
            TermKind::Exclude
            | TermKind::Negation
            | TermKind::Counter
            | TermKind::Context
            | TermKind::Cue(_)
            | TermKind::Facet(_)
            | TermKind::Works
            | TermKind::Fails => {}
        }
    }
    w
}

fn fill(rng: &mut Rng, frame: &str, ko: bool, s: &str, o: &str, out: &mut String) {
    let mut rest = frame;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let key = &rest[i..i + 3];
        match key {
            "{w}" => {
                let ws: &[&str] = if ko { KO_WORDS } else { EN_WORDS };
                out.push_str(rng.pick::<&str>(ws))
            }
            "{u}" => {
                let _ = write!(out, "user{}", rng.below(50_000));
            }
            "{s}" => out.push_str(s),
            "{o}" | "{r}" => out.push_str(o),
            _ => out.push_str(key),
        }
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
}

/// Writes `s` as the inside of a JSON string; non-ASCII as `\uXXXX` when `escape_all`.
fn json_str(s: &str, escape_all: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if escape_all && !c.is_ascii() => {
                outcry::record::jsonscan::escape_non_ascii(c.encode_utf8(&mut [0; 4]), out)
            }
            c => out.push(c),
        }
    }
}

/// `Tue Feb 24 09:31:02 +0000 2009`.
fn twitter_time(t: i64, out: &mut String) {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let _ = write!(
        out,
        "{} {} {:02} {:02}:{:02}:{:02} +0000 {}",
        DAYS[days.rem_euclid(7) as usize],
        MONTHS[(m - 1) as usize],
        d,
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        y
    );
}

/// The start of a WordPress export (`--wxr`), up to its first item.
const WXR_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>
<!-- A WordPress eXtended RSS export written by outcry's benchmark generator. -->
<rss version=\"2.0\"
\txmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\"
\txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"
\txmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"
\txmlns:dc=\"http://purl.org/dc/elements/1.1/\"
\txmlns:wp=\"http://wordpress.org/export/1.2/\"
>
<channel>
\t<title>Benchmark blog</title>
\t<link>http://bench.example.net</link>
\t<language>en</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
";

/// Post `i` of the corpus as WordPress writes it (`--wxr`): every tenth post opens an item, the
/// nine after it are its comments; the same texts and times as the JSON Lines corpus.
fn wxr_record(i: i64, t: i64, user: usize, text: &str, out: &mut String) {
    let when = chrono::DateTime::from_timestamp(t, 0)
        .unwrap_or_default()
        .format("%Y-%m-%d %H:%M:%S");
    let body = text.replace("]]>", "]]]]><![CDATA[>");
    if i % 10 == 0 {
        if i > 0 {
            out.push_str("\t</item>\n");
        }
        let _ = write!(
            out,
            "\t<item>\n\t\t<title>Post {i}</title>\n\t\t<link>http://bench.example.net/?p={i}</link>\n\t\t<pubDate>{}</pubDate>\n\t\t<dc:creator><![CDATA[user{user}]]></dc:creator>\n\t\t<guid isPermaLink=\"false\">http://bench.example.net/?p={i}</guid>\n\t\t<description></description>\n\t\t<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded>\n\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n\t\t<wp:post_id>{i}</wp:post_id>\n\t\t<wp:post_date><![CDATA[{when}]]></wp:post_date>\n\t\t<wp:post_date_gmt><![CDATA[{when}]]></wp:post_date_gmt>\n\t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>\n\t\t<wp:status><![CDATA[publish]]></wp:status>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n\t\t<category domain=\"category\" nicename=\"news\"><![CDATA[News]]></category>\n\t\t<wp:postmeta>\n\t\t\t<wp:meta_key><![CDATA[_edit_last]]></wp:meta_key>\n\t\t\t<wp:meta_value><![CDATA[1]]></wp:meta_value>\n\t\t</wp:postmeta>\n",
            chrono::DateTime::from_timestamp(t, 0)
                .unwrap_or_default()
                .format("%a, %d %b %Y %H:%M:%S +0000"),
        );
    } else {
        let _ = write!(
            out,
            "\t\t<wp:comment>\n\t\t\t<wp:comment_id>{i}</wp:comment_id>\n\t\t\t<wp:comment_author><![CDATA[user{user}]]></wp:comment_author>\n\t\t\t<wp:comment_author_email><![CDATA[user{user}@example.com]]></wp:comment_author_email>\n\t\t\t<wp:comment_author_url>http://example.com/user{user}</wp:comment_author_url>\n\t\t\t<wp:comment_author_IP><![CDATA[10.{}.{}.{}]]></wp:comment_author_IP>\n\t\t\t<wp:comment_date><![CDATA[{when}]]></wp:comment_date>\n\t\t\t<wp:comment_date_gmt><![CDATA[{when}]]></wp:comment_date_gmt>\n\t\t\t<wp:comment_content><![CDATA[{body}]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[1]]></wp:comment_approved>\n\t\t\t<wp:comment_type><![CDATA[]]></wp:comment_type>\n\t\t\t<wp:comment_parent>0</wp:comment_parent>\n\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n\t\t</wp:comment>\n",
            user % 250,
            (user / 250) % 250,
            i % 250,
        );
    }
}

fn main() -> io::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gencorpus [--ascii | --wxr] [--kind blog|trackback|forum|chat] SIZE OUT \
         [PHRASES.txt]";
    let before = args.len();
    args.retain(|a| a != "--ascii");
    let ascii = args.len() < before;
    let before = args.len();
    args.retain(|a| a != "--wxr");
    let wxr = args.len() < before;
    let kind = match args.iter().position(|a| a == "--kind") {
        Some(i) if i + 1 < args.len() => {
            let k = prose::Kind::parse(&args[i + 1]).unwrap_or_else(|| panic!("{usage}"));
            args.drain(i..i + 2);
            Some(k)
        }
        Some(_) => panic!("{usage}"),
        None => None,
    };
    let size = args
        .first()
        .and_then(|s| parse_size(s))
        .unwrap_or_else(|| panic!("{usage}"));
    let out_path = args.get(1).unwrap_or_else(|| panic!("{usage}"));
    let lex = Lexicon::builtin();
    let w = words(&lex);
    if let Some(p) = args.get(2) {
        let mut f = BufWriter::new(std::fs::File::create(p)?);
        for e in &lex.entries {
            if e.kind == TermKind::Outage {
                writeln!(f, "{}", e.display.trim_matches('*'))?;
            }
        }
        f.flush()?;
    }
    // Services with aliases in both languages are the ones complained about.
    let svcs: Vec<usize> = (0..lex.services.len())
        .filter(|&s| !w.en_alias[s].is_empty() && !w.ko_alias[s].is_empty())
        .collect();
    if let Some(kind) = kind {
        let mut f = BufWriter::with_capacity(1 << 20, std::fs::File::create(out_path)?);
        let s = prose::write(kind, size, &w, svcs, &mut f)?;
        f.flush()?;
        eprintln!(
            "gencorpus: {} bytes, {} lines ({} bytes a line, text {:.0}% of the bytes, {:.0}% of the lines Korean) -> {out_path}",
            s.bytes,
            s.lines,
            s.bytes / s.lines.max(1),
            100.0 * s.text as f64 / s.bytes.max(1) as f64,
            100.0 * s.ko_lines as f64 / s.lines.max(1) as f64,
        );
        return Ok(());
    }
    let bursts: Vec<usize> = svcs.iter().copied().step_by(7).take(3).collect();

    let mut rng = Rng(0x6F75_7463_7279);
    let mut f = BufWriter::with_capacity(1 << 20, std::fs::File::create(out_path)?);
    let start: i64 = 1_235_433_600; // 2009-02-24 00:00 UTC
                                    // About 700 bytes a line: spread the posts over 30 days whatever the size.
    let lines_est = (size / 700).max(1) as i64;
    let step = (30 * 86_400 * 1000 / lines_est).max(1); // milliseconds between posts
    let mut written: u64 = 0;
    let mut i: i64 = 0;
    let mut line = String::with_capacity(2048);
    let mut text = String::with_capacity(512);
    let mut escaped = String::with_capacity(4096);
    if wxr {
        f.write_all(WXR_HEAD.as_bytes())?;
    }
    while written < size {
        let t = start + i * step / 1000;
        let ko = rng.chance(500);
        text.clear();
        // Which third of the month are we in: each burst lasts ~2 hours around its day.
        let phase = i * 3 / lines_est.max(1);
        let in_burst = (i * step / 1000) % (10 * 86_400) < 7200 && phase < 3;
        let roll = rng.below(1000);
        let (frame_set, s_o): (&[&str], Option<(String, String)>) =
            if roll < 15 || (in_burst && roll < 40) {
                let svc = if in_burst {
                    bursts[phase as usize % bursts.len()]
                } else {
                    *rng.pick(&svcs)
                };
                let alias = rng.pick(if ko {
                    &w.ko_alias[svc]
                } else {
                    &w.en_alias[svc]
                });
                let o = rng.pick(if ko { &w.ko_outage } else { &w.en_outage });
                (
                    if ko { KO_COMPLAINT } else { EN_COMPLAINT },
                    Some((alias.clone(), o.clone())),
                )
            } else if roll < 18 {
                let svc = *rng.pick(&svcs);
                let alias = rng.pick(if ko {
                    &w.ko_alias[svc]
                } else {
                    &w.en_alias[svc]
                });
                let r = rng.pick(if ko { &w.ko_recovery } else { &w.en_recovery });
                (
                    if ko { KO_RECOVERY } else { EN_RECOVERY },
                    Some((alias.clone(), r.clone())),
                )
            } else {
                (if ko { KO_FRAMES } else { EN_FRAMES }, None)
            };
        let frame = rng.pick(frame_set);
        match &s_o {
            Some((s, o)) => fill(&mut rng, frame, ko, s, o, &mut text),
            None => fill(&mut rng, frame, ko, "", "", &mut text),
        }
        // An ordinary mention of a service now and then (volume, not a report).
        if s_o.is_none() && rng.chance(40) {
            let svc = *rng.pick(&svcs);
            let alias = rng.pick(if ko {
                &w.ko_alias[svc]
            } else {
                &w.en_alias[svc]
            });
            text.push(' ');
            text.push_str(alias);
        }
        let escape = ko && rng.chance(100);
        let user = rng.below(200_000);
        line.clear();
        if wxr {
            wxr_record(i, t, user, &text, &mut line);
            f.write_all(line.as_bytes())?;
            written += line.len() as u64;
            i += 1;
            continue;
        }
        if rng.chance(150) {
            // A Reddit comment.
            let _ = write!(
                line,
                "{{\"id\":\"c{:x}\",\"created_utc\":{},\"author\":\"user{}\",\"subreddit\":\"{}\",\"score\":{},\"body\":\"",
                rng.next() >> 28,
                t,
                user,
                if ko { "korea" } else { "technology" },
                rng.below(500)
            );
            json_str(&text, escape, &mut line);
            line.push_str("\",\"gilded\":0,\"distinguished\":null}\n");
        } else {
            let id = 1_230_000_000 + i;
            let _ = write!(line, "{{\"created_at\":\"");
            twitter_time(t, &mut line);
            let _ = write!(line, "\",\"id\":{id},\"id_str\":\"{id}\",\"text\":\"");
            json_str(&text, escape, &mut line);
            let _ = write!(
                line,
                "\",\"source\":\"<a href=\\\"http://twitter.com\\\" rel=\\\"nofollow\\\">{}</a>\",\"truncated\":false,\"in_reply_to_status_id\":null,\"in_reply_to_user_id\":null,\"in_reply_to_screen_name\":null,\"user\":{{\"id\":{},\"id_str\":\"{}\",\"name\":\"{}\",\"screen_name\":\"user{}\",\"location\":\"{}\",\"description\":\"{}\",\"protected\":false,\"followers_count\":{},\"friends_count\":{},\"statuses_count\":{},\"created_at\":\"Mon Mar 03 11:0{}:00 +0000 2008\",\"lang\":\"{}\",\"verified\":false}},\"geo\":null,\"coordinates\":null,\"place\":null,\"retweet_count\":{},\"favorite_count\":{},\"entities\":{{\"hashtags\":[],\"urls\":[],\"user_mentions\":[]}},\"favorited\":false,\"retweeted\":false,\"lang\":\"{}\"}}",
                if ko { "twtkr" } else { "web" },
                user,
                user,
                if ko { "사용자" } else { "someone" },
                user,
                if ko { "서울" } else { "San Francisco" },
                if ko { "그냥 평범한 사람" } else { "just a person" },
                rng.below(5000),
                rng.below(1000),
                rng.below(50_000),
                rng.below(10),
                if ko { "ko" } else { "en" },
                rng.below(20),
                rng.below(20),
                if ko { "ko" } else { "en" },
            );
            line.push('\n');
        }
        if ascii {
            escaped.clear();
            outcry::record::jsonscan::escape_non_ascii(&line, &mut escaped);
            f.write_all(escaped.as_bytes())?;
        } else {
            f.write_all(line.as_bytes())?;
        }
        // Counted unescaped, so that `--ascii` writes the same posts as without.
        written += line.len() as u64;
        i += 1;
    }
    if wxr {
        f.write_all(b"\t</item>\n</channel>\n</rss>\n")?;
    }
    f.flush()?;
    eprintln!("gencorpus: {written} bytes, {i} posts -> {out_path}");
    Ok(())
}
