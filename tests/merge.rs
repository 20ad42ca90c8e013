//! Results do not depend on how many workers read the input: the scenario posts are dealt to 1,
//! 2, 3 or 7 `Collector`s (as the parallel reader will), their windows merged in two orders, and
//! every merged state and every incident must equal the single-worker one.

use clap::Parser;

use outcry::cmd::cli::{Cli, Command};
use outcry::cmd::config;
use outcry::lexicon::classify::Matcher;
use outcry::record::Post;
use outcry::stream::{Collector, Sink, Stats};
use outcry_sim::{generate, suite};

/// Deals records to collectors round-robin by line.
struct Dealer<'m> {
    workers: Vec<Collector<'m>>,
    stats: Stats,
}

impl Sink for Dealer<'_> {
    fn stats(&mut self) -> &mut Stats {
        &mut self.stats
    }
    fn post(&mut self, line: u64, p: &Post<'_>) {
        let n = self.workers.len() as u64;
        self.workers[(line % n) as usize].post(p);
    }
}

#[test]
fn any_number_of_workers_gives_the_same_windows_and_incidents() {
    let (lex, about): (outcry::lexicon::Lexicon, Option<usize>) =
        (outcry::lexicon::Lexicon::builtin(), None);
    let matcher = Matcher::new(lex, about);
    let dir = tempfile::tempdir().unwrap();
    let specs = suite();
    for name in ["decoy-2", "partial-0", "multi-2"] {
        let spec = specs.iter().find(|s| s.name == name).unwrap();
        let sc = generate(spec);
        let mut files = vec![];
        for (f, bytes) in &sc.files {
            let p = dir.path().join(format!("{name}-{f}"));
            std::fs::write(&p, bytes).unwrap();
            files.push(p.to_string_lossy().into_owned());
        }
        let args = ["outcry", "detect", "--quiet"]
            .into_iter()
            .chain(files.iter().map(String::as_str));
        let Command::Detect(a) = Cli::parse_from(args).command else {
            unreachable!()
        };
        let cfg = config::Config::from_args(&a.common).unwrap();
        let mut results = vec![];
        for n in [1usize, 2, 3, 7] {
            for reverse in [false, true] {
                let mut d = Dealer {
                    workers: (0..n).map(|_| Collector::new(&matcher, 300)).collect(),
                    stats: Stats::default(),
                };
                outcry::stream::sequential::read(&cfg.scan, &mut d).unwrap();
                let mut ws: Vec<_> = d.workers.into_iter().map(|c| c.windows).collect();
                if reverse {
                    ws.reverse();
                }
                let mut all = ws.remove(0);
                for w in ws {
                    all.merge(w);
                }
                let cells: Vec<_> = (0..all.services()).map(|s| all.cells(s).clone()).collect();
                let incidents = outcry::detect::detect(&all, &cfg.params);
                assert!(!incidents.is_empty(), "{name}");
                results.push((n, reverse, cells, all.totals().clone(), incidents));
            }
        }
        let (_, _, cells0, totals0, inc0) = &results[0];
        for (n, reverse, cells, totals, inc) in &results[1..] {
            for (a, b) in cells.iter().zip(cells0) {
                assert_eq!(a.len(), b.len(), "{name}: {n} workers: windows differ");
                for ((i, x), (_, y)) in a.iter().zip(b) {
                    assert_eq!(x, y, "{name}: {n} workers (reversed {reverse}), window {i}");
                }
            }
            assert_eq!(totals, totals0, "{name}: {n} workers: totals differ");
            assert_eq!(inc, inc0, "{name}: {n} workers (reversed {reverse})");
        }
    }
}
