//! Whether the prefilter pays for itself on a stream's long texts, learned as the posts go by.
//!
//! The prefilter saves a post's full classification only when it keeps the post out, and it
//! costs a walk of the text either way. A long text is seldom kept out: it only takes one name
//! anywhere in it (on the bench's blog, trackback and forum corpora, posts of 1–2 KB were kept
//! out about half the time, of 2–4 KB a quarter, of 4–8 KB an eighth). Timed per post
//! (`bench/lengths.rs`, 100 MB of each corpus: the prefilter's way against the full
//! classification alone), asking the prefilter cost more than it saved from 2 KB on, on all
//! three: 0.081 s a 100 MB on trackback (which takes ~0.9 s on one thread), 0.036 s on blog,
//! 0.061 s on forum; below 1 KB it saved the most (it keeps out 86% of those posts and more).
//! Where it breaks even is a property of the code (the prefilter's walk against the whole
//! classification, both per byte): it paid when it kept out more than 43–48% of the posts of
//! 1–2 KB, 30–37% of 2–4 KB and 23–30% of 4–8 KB. How often it keeps them out is a property of
//! the stream: a blog export where few posts name any service keeps it worth asking at any
//! length.
//!
//! So a [`Gauge`], one per worker, counts for each class of long texts (1–2 KB, 2–4 KB, 4–8 KB,
//! longer) how many of the last [`WINDOW`] posts it asked about the prefilter kept out. Where
//! that is under [`PAYS_FROM`] the class's posts go straight to the full classification, but for
//! one in [`SAMPLE`], which is still asked, so that the count stays current and the prefilter
//! comes back if the stream changes. Shorter texts are always asked.
//!
//! Nothing a run writes depends on it: a post the prefilter would keep out gets no verdict from
//! the full classification either (`prefilter.rs`, "Why the shortcut never changes a verdict";
//! `tests/prefilter.rs`, and `bench/passes.rs` over a corpus), so asking or not changes only
//! the time taken.

/// The shortest text that is gauged; shorter ones always ask the prefilter.
const LONG_FROM: usize = 1024;

/// How many of a class's asked posts each decision counts.
const WINDOW: u32 = 64;

/// The share of a class's posts (in percent) the prefilter must keep out to be asked: between
/// the break-even points measured for the classes (module comment).
const PAYS_FROM: u32 = 35;

/// While a class is not asked, one post in this many still is.
const SAMPLE: u32 = 16;

/// The classes: 1–2 KB, 2–4 KB, 4–8 KB, and 8 KB or more.
const CLASSES: usize = 4;

/// What to do with a post's text ([`Gauge::ask`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// Ask the prefilter; the text is short, nothing to tell back.
    Short,
    /// Ask the prefilter, and tell its answer back for this class ([`Gauge::saw`]).
    Gauged(usize),
    /// Do not ask: classify the text in full.
    Skip,
}

/// One worker's counts (see the module comment).
#[derive(Debug, Clone, Default)]
pub struct Gauge {
    classes: [Class; CLASSES],
}

#[derive(Debug, Clone, Copy, Default)]
struct Class {
    /// Posts asked about, and of those kept out, since the last decision.
    asked: u32,
    kept_out: u32,
    /// Whether the class's posts skip the prefilter (but the sampled ones).
    skipping: bool,
    /// Posts since the last one sampled, while skipping.
    since_sample: u32,
}

/// Which class a text of `len` bytes is in, if it is long.
fn class_of(len: usize) -> Option<usize> {
    if len < LONG_FROM {
        return None;
    }
    let doublings = (len / LONG_FROM).ilog2() as usize;
    Some(doublings.min(CLASSES - 1))
}

impl Gauge {
    /// Whether to ask the prefilter about a text of `len` bytes.
    #[inline]
    pub fn ask(&mut self, len: usize) -> Ask {
        let Some(k) = class_of(len) else {
            return Ask::Short;
        };
        let c = &mut self.classes[k];
        if c.skipping {
            c.since_sample += 1;
            if c.since_sample < SAMPLE {
                return Ask::Skip;
            }
            c.since_sample = 0;
        }
        Ask::Gauged(k)
    }

    /// What the prefilter said of a post of class `k` it was asked about: whether it kept it out.
    pub fn saw(&mut self, k: usize, kept_out: bool) {
        let c = &mut self.classes[k];
        c.asked += 1;
        c.kept_out += u32::from(kept_out);
        if c.asked == WINDOW {
            c.skipping = c.kept_out * 100 < PAYS_FROM * WINDOW;
            (c.asked, c.kept_out) = (0, 0);
        }
    }

    /// Whether the class of a text of `len` bytes skips the prefilter now (for tests).
    #[cfg(test)]
    pub(crate) fn skipping(&self, len: usize) -> bool {
        class_of(len).is_some_and(|k| self.classes[k].skipping)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_classed_by_their_doublings_from_a_kilobyte() {
        assert_eq!(class_of(0), None);
        assert_eq!(class_of(LONG_FROM - 1), None);
        assert_eq!(class_of(LONG_FROM), Some(0));
        assert_eq!(class_of(2 * LONG_FROM - 1), Some(0));
        assert_eq!(class_of(2 * LONG_FROM), Some(1));
        assert_eq!(class_of(4 * LONG_FROM), Some(2));
        assert_eq!(class_of(8 * LONG_FROM), Some(3));
        assert_eq!(class_of(1 << 30), Some(3));
    }

    /// Feeds `posts` posts of `len` bytes, the prefilter keeping out those `out` says; returns
    /// how many were asked.
    fn feed(g: &mut Gauge, posts: u32, len: usize, out: impl Fn(u32) -> bool) -> u32 {
        let mut asked = 0;
        for i in 0..posts {
            match g.ask(len) {
                Ask::Skip => {}
                Ask::Short => asked += 1,
                Ask::Gauged(k) => {
                    asked += 1;
                    g.saw(k, out(i));
                }
            }
        }
        asked
    }

    #[test]
    fn short_texts_are_always_asked() {
        let mut g = Gauge::default();
        assert_eq!(feed(&mut g, 1000, 500, |_| false), 1000);
        assert!(!g.skipping(500));
    }

    #[test]
    fn a_class_the_prefilter_seldom_keeps_out_skips_it_but_for_samples() {
        let mut g = Gauge::default();
        // The first window is asked whole; one post in ten kept out: under the bar.
        assert_eq!(feed(&mut g, WINDOW, 3000, |i| i % 10 == 0), WINDOW);
        assert!(g.skipping(3000));
        // Then one in `SAMPLE` is asked.
        let asked = feed(&mut g, 16 * SAMPLE, 3000, |_| false);
        assert_eq!(asked, 16);
        // Other classes are not touched.
        assert!(!g.skipping(1500) && !g.skipping(5000));
    }

    #[test]
    fn a_class_where_it_keeps_out_enough_keeps_asking_and_comes_back() {
        let mut g = Gauge::default();
        // Half kept out: over the bar, asked throughout.
        assert_eq!(feed(&mut g, 4 * WINDOW, 1500, |i| i % 2 == 0), 4 * WINDOW);
        assert!(!g.skipping(1500));
        // The stream changes: almost none kept out, so the class skips it ...
        feed(&mut g, WINDOW, 1500, |_| false);
        assert!(g.skipping(1500));
        // ... until the samples find it keeping posts out again (WINDOW samples, all kept out).
        feed(&mut g, WINDOW * SAMPLE, 1500, |_| true);
        assert!(!g.skipping(1500));
    }

    #[test]
    fn the_bar_is_the_share_kept_out() {
        // Exactly at the bar the class is asked; one fewer and it skips.
        let at = PAYS_FROM * WINDOW / 100 + u32::from(PAYS_FROM * WINDOW % 100 != 0);
        let mut g = Gauge::default();
        feed(&mut g, WINDOW, 9000, |i| i < at);
        assert!(!g.skipping(9000));
        let mut g = Gauge::default();
        feed(&mut g, WINDOW, 9000, |i| i + 1 < at);
        assert!(g.skipping(9000));
    }
}
