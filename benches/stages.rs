//! Micro-benchmarks of each stage of the hot path, on the bundled example tweets and blog posts:
//! JSON record extraction (as written and `\u`-escaped; beside serde_json validating alone and a
//! bare UTF-8 check), timestamp parsing, classification (with and without the literal
//! prefilter), reading the times quoted in posts, windowing, and the detector over a month of
//! window counts. `cargo bench --bench stages`;
//! `bench/run.sh` measures the whole.

use std::hint::black_box;
use std::io::Read;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use outcry::detect::Params;
use outcry::lexicon::classify::{Matcher, Scratch};
use outcry::lexicon::prefilter::Prefilter;
use outcry::lexicon::{Kind, Lexicon};
use outcry::record::{Decoded, FieldChoice, JsonExtractor, Post};
use outcry::window::Windows;

/// The example tweets (English and Korean) and Korean blog posts, one JSON object per line.
fn lines() -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/gmail-2009-02-24");
    let mut gz = flate2::read::MultiGzDecoder::new(
        std::fs::File::open(format!("{dir}/tweets.jsonl.gz")).expect("fixture"),
    );
    let mut text = String::new();
    gz.read_to_string(&mut text).expect("fixture");
    text.push_str(&std::fs::read_to_string(format!("{dir}/blog-ko.jsonl")).expect("fixture"));
    text.lines().map(|l| l.as_bytes().to_vec()).collect()
}

fn bytes(v: &[Vec<u8>]) -> u64 {
    v.iter().map(|l| l.len() as u64 + 1).sum()
}

fn stages(c: &mut Criterion) {
    let lines = lines();
    let mut json = JsonExtractor::new(&FieldChoice::default(), chrono_tz::Tz::UTC);
    let posts: Vec<Post> = lines.iter().filter_map(|l| json.extract(l).ok()).collect();
    let matcher = Matcher::new(Lexicon::builtin(), None);
    let prefilter = Prefilter::new(&matcher);

    let mut g = c.benchmark_group("json");
    g.throughput(Throughput::Bytes(bytes(&lines)));
    let mut bufs = Decoded::default();
    g.bench_function("extract", |b| {
        b.iter(|| {
            for l in &lines {
                let _ = black_box(json.extract_into(black_box(l), &mut bufs));
            }
        })
    });
    // Floors to compare with: serde_json only validating each line (skipping every value), and
    // only the UTF-8 check. Keeping up with a decompressor needs the whole per-line path to run
    // at its speed; these show how far even the parts are from it.
    g.bench_function("serde_json validate only (peer)", |b| {
        b.iter(|| {
            for l in &lines {
                let _ = black_box(serde_json::from_slice::<serde::de::IgnoredAny>(black_box(
                    l,
                )));
            }
        })
    });
    g.bench_function("utf-8 check only", |b| {
        b.iter(|| {
            for l in &lines {
                let _ = black_box(simdutf8::basic::from_utf8(black_box(l)));
            }
        })
    });
    g.finish();

    // The same lines as archives of Twitter's stream write them: every non-ASCII character a
    // `\uXXXX` escape, so nearly every Korean string is decoded.
    let escaped: Vec<Vec<u8>> = (lines.iter())
        .map(|l| {
            let mut e = String::new();
            outcry::record::jsonscan::escape_non_ascii(&String::from_utf8_lossy(l), &mut e);
            e.into_bytes()
        })
        .collect();
    let mut g = c.benchmark_group("json");
    g.throughput(Throughput::Bytes(bytes(&escaped)));
    g.bench_function("extract (\\u-escaped)", |b| {
        b.iter(|| {
            for l in &escaped {
                let _ = black_box(json.extract_into(black_box(l), &mut bufs));
            }
        })
    });
    g.finish();

    let times: Vec<&str> = [
        "Tue Feb 24 09:31:02 +0000 2009",
        "2009-02-24T09:31:02.000Z",
        "2009-02-24T18:31:02+09:00",
        "2009/02/24 18:31",
        "1235467862",
    ]
    .to_vec();
    let mut g = c.benchmark_group("time");
    g.throughput(Throughput::Elements(1));
    for t in times {
        g.bench_function(t, |b| {
            b.iter(|| outcry::time::parse_time(black_box(t), chrono_tz::Tz::UTC))
        });
    }
    g.finish();

    let text_bytes: u64 = posts.iter().map(|p| p.text.len() as u64).sum();
    let mut g = c.benchmark_group("classify");
    g.throughput(Throughput::Bytes(text_bytes));
    g.bench_function("full", |b| {
        let mut s = Scratch::default();
        b.iter(|| {
            for p in &posts {
                black_box(matcher.classify(&p.text, &mut s).kind);
            }
        })
    });
    g.bench_function("prefiltered", |b| {
        let mut s = Scratch::default();
        b.iter(|| {
            for p in &posts {
                if prefilter.could_match(&p.text) {
                    black_box(matcher.classify(&p.text, &mut s).kind);
                }
            }
        })
    });
    g.bench_function("prefilter_only", |b| {
        b.iter(|| {
            for p in &posts {
                black_box(prefilter.could_match(&p.text));
            }
        })
    });
    g.finish();

    // Times quoted in posts, as the stream reads them (the test for a time first, then the
    // search of the pieces that may hold one), on every post: the stream reads only the posts
    // that name a service.
    let mut g = c.benchmark_group("quoted_times");
    g.throughput(Throughput::Bytes(text_bytes));
    g.bench_function("every post", |b| {
        let (mut out, mut buf) = (Vec::new(), outcry::time::quote::TokenBuf::default());
        b.iter(|| {
            for p in &posts {
                out.clear();
                outcry::time::quote::quoted_times_if_worth(
                    &p.text,
                    p.time,
                    chrono_tz::Tz::UTC,
                    &mut out,
                    &mut buf,
                );
                black_box(out.len());
            }
        })
    });
    g.finish();

    // Windowing alone: the verdicts are computed once, up front.
    let verdicts: Vec<_> = posts
        .iter()
        .map(|p| {
            let mut s = Scratch::default();
            let v = matcher.classify(&p.text, &mut s);
            (v.services.to_vec(), v.kind, v.terms.to_vec())
        })
        .collect();
    let mut g = c.benchmark_group("window");
    g.throughput(Throughput::Elements(posts.len() as u64));
    g.bench_function("fold", |b| {
        b.iter(|| {
            let mut w = Windows::new(300, matcher.services().len());
            for (p, (services, kind, terms)) in posts.iter().zip(&verdicts) {
                w.see(p.time);
                for &svc in services {
                    w.mention(svc, p.time);
                }
                if let Some((k, svc)) = *kind {
                    w.classify(svc, k, p.time, &p.text, p.author.as_deref(), terms);
                }
            }
            black_box(w.span())
        })
    });
    g.finish();
    detect(c);
}

/// The detector over the window counts of a blog-export-sized input: 154 services (the
/// catalogue's) over 25 days of 5-minute windows, 15 records a window, a post naming a service
/// one in five, one in forty of those a report, and three services with a two-hour outage (four
/// reports a window): the shape of the 100 MB trackback bench corpus (whose detection
/// `bench/run.sh`'s rows include), most services with a few stray reports, some with none.
fn detect(c: &mut Criterion) {
    let (services, windows) = (154usize, 25 * 288i64);
    let mut w = Windows::new(300, services);
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    for k in 0..windows {
        for r in 0..15 {
            let t = k * 300 + r * 20;
            w.see(t);
            if next(5) > 0 {
                continue;
            }
            // Services named unevenly: the first ones far more often.
            let svc = (next(services as u64) * next(services as u64) / services as u64) as usize;
            w.mention(svc, t);
            if next(40) == 0 {
                let who = format!("user{}", next(1_000_000));
                w.classify(svc, Kind::Report, t, "down", Some(&who), &[0]);
            }
        }
    }
    // The outages: services 0, 1 and 2, two hours each, four reports a window.
    for svc in 0..3usize {
        for k in 0..24 * 4 {
            let t = (2000 * (svc as i64 + 1) + k / 4) * 300 + k * 7 % 300;
            w.mention(svc, t);
            let who = format!("voice{svc}-{k}");
            w.classify(svc, Kind::Report, t, "down", Some(&who), &[0]);
        }
    }
    let params = Params {
        threads: 1,
        ..Params::default()
    };
    // What is timed finds the outages.
    let found = outcry::detect::detect(&w, &params);
    assert!(
        (0..3).all(|svc| found.iter().any(|i| i.service == svc)),
        "{found:?}"
    );
    let mut g = c.benchmark_group("detect");
    g.throughput(Throughput::Elements(windows as u64 * services as u64));
    g.bench_function("154 services, 25 days of 5m windows", |b| {
        b.iter(|| black_box(outcry::detect::detect(black_box(&w), &params)))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
