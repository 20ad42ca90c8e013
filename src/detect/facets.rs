//! What broke and where, per incident: the surfaces and functions its reports name as failing,
//! those that other posts say still work, and the places named most, summed from the window
//! counts of the incident's run (each cell holds a few small counters per facet, never posts).
//!
//! # What is shown, and the threshold
//!
//! A failing surface (function) is shown when at least [`MIN_NAMING`] reports of the incident
//! name a failing surface (function) at all, at least [`MIN_POSTS`] name this one, and they are
//! at least [`MIN_SHARE`] of the reports that name one: "web 64% of the reports that name a
//! surface". A surface (function) is shown as still working when at least [`MIN_POSTS`] posts
//! naming the service say so ("IMAP works fine", 아이폰은 돼요); it then leaves the failing set
//! when those posts are at least as many as the reports that name it failing. Places are shown
//! when at least [`MIN_POSTS`] reports name them, at most [`PLACES_SHOWN`], most named first.
//! Below these counts a share says nothing, and nothing is shown.

use std::collections::BTreeMap;

use crate::window::{add_facet, Cell, FacetCount, Sample};

/// Reports that must name a failing facet of a class before any facet of it is shown.
pub const MIN_NAMING: u32 = 5;
/// Posts that must name one facet (one way) for it to be shown.
pub const MIN_POSTS: u32 = 3;
/// The share of the reports naming a failing facet of its class that a facet needs.
pub const MIN_SHARE: f64 = 0.2;
/// Places shown per incident.
pub const PLACES_SHOWN: usize = 5;

/// One facet of an incident.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetShare {
    /// The facet's index in the lexicon.
    pub facet: usize,
    /// 0 surface, 1 function, 2 place.
    pub class: u8,
    /// Reports that name it failing, or (for `works`) posts that say it still works.
    pub count: u32,
    /// `count` over the reports that name a failing facet of its class (None for `works`).
    pub share: Option<f64>,
    /// The earliest such post.
    pub evidence: Sample,
}

/// The facets of one incident (see the module's documentation for what is shown).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IncidentFacets {
    /// Reports that name a failing facet of each class (surface, function, place).
    pub naming: [u32; 3],
    /// Failing surfaces and functions, by class, most named first.
    pub failing: Vec<FacetShare>,
    /// Surfaces and functions that still work, by class, most named first.
    pub working: Vec<FacetShare>,
    /// The places named most, most named first.
    pub places: Vec<FacetShare>,
}

impl IncidentFacets {
    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.failing.is_empty() && self.working.is_empty() && self.places.is_empty()
    }
}

/// Sums the facet counts of a run's cells and keeps what clears the thresholds.
pub fn incident_facets<'a>(cells: impl Iterator<Item = &'a Cell>) -> IncidentFacets {
    let mut all: thin_vec::ThinVec<FacetCount> = thin_vec::ThinVec::new();
    let mut naming = [0u32; 3];
    for c in cells {
        let d = c.detail();
        for (n, k) in naming.iter_mut().zip(d.faceted) {
            *n += k;
        }
        for f in &d.facets {
            let s = &f.sample;
            add_facet(
                &mut all,
                (f.facet, f.class, f.works),
                f.count,
                (s.time, &s.text, s.author.as_deref()),
            );
        }
    }
    let working_count: BTreeMap<u32, u32> = all
        .iter()
        .filter(|f| f.works)
        .map(|f| (f.facet, f.count))
        .collect();
    let mut out = IncidentFacets {
        naming,
        ..IncidentFacets::default()
    };
    for f in all {
        let class = usize::from(f.class).min(2);
        let share = f64::from(f.count) / f64::from(naming[class].max(1));
        let shown = FacetShare {
            facet: f.facet as usize,
            class: f.class,
            count: f.count,
            share: None,
            evidence: f.sample,
        };
        if f.count < MIN_POSTS {
            continue;
        }
        if class == 2 {
            if !f.works {
                out.places.push(FacetShare {
                    share: Some(share),
                    ..shown
                });
            }
        } else if f.works {
            out.working.push(shown);
        } else {
            let works = working_count.get(&f.facet).copied().unwrap_or(0);
            let taken_out = works >= MIN_POSTS && works >= f.count;
            if naming[class] >= MIN_NAMING && share >= MIN_SHARE && !taken_out {
                out.failing.push(FacetShare {
                    share: Some(share),
                    ..shown
                });
            }
        }
    }
    let order = |a: &FacetShare, b: &FacetShare| {
        a.class
            .cmp(&b.class)
            .then(b.count.cmp(&a.count))
            .then(a.facet.cmp(&b.facet))
    };
    out.failing.sort_by(order);
    out.working.sort_by(order);
    out.places.sort_by(order);
    out.places.truncate(PLACES_SHOWN);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::window::Windows;

    fn post(w: &mut Windows, report: bool, facets: &[(u32, u8, bool)], t: i64) {
        w.facets(
            0,
            report,
            facets.iter().copied(),
            (t, "a post", Some("someone")),
        );
    }

    #[test]
    fn shares_thresholds_and_what_still_works() {
        let mut w = Windows::new(60, 1);
        // Ten reports name a surface: eight the web (facet 0), two the app (facet 1); four
        // posts say the app works; three reports name Busan (facet 5), one Seoul (facet 6).
        for k in 0..8 {
            post(&mut w, true, &[(0, 0, false)], k);
        }
        for k in 0..2 {
            post(&mut w, true, &[(1, 0, false)], 10 + k);
        }
        for k in 0..4 {
            post(&mut w, false, &[(1, 0, true)], 20 + k);
        }
        // A mention that names a failing surface is not a report: not counted.
        post(&mut w, false, &[(2, 0, false)], 30);
        for k in 0..3 {
            post(&mut w, true, &[(5, 2, false)], 40 + k);
        }
        post(&mut w, true, &[(6, 2, false)], 50);
        let f = incident_facets(w.cells(0).values());
        assert_eq!(f.naming, [10, 0, 4]);
        let failing: Vec<(usize, u32)> = f.failing.iter().map(|x| (x.facet, x.count)).collect();
        assert_eq!(failing, [(0, 8)], "the app falls under the share and works");
        assert_eq!(f.failing[0].share, Some(0.8));
        let working: Vec<(usize, u32)> = f.working.iter().map(|x| (x.facet, x.count)).collect();
        assert_eq!(working, [(1, 4)]);
        let places: Vec<(usize, u32)> = f.places.iter().map(|x| (x.facet, x.count)).collect();
        assert_eq!(places, [(5, 3)], "one mention of Seoul says nothing");
        // Too few reports name a surface: nothing is shown.
        let mut few = Windows::new(60, 1);
        for k in 0..4 {
            post(&mut few, true, &[(0, 0, false)], k);
        }
        assert!(incident_facets(few.cells(0).values()).is_empty());
    }
}
