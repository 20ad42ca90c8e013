//! What a post says, from the lexicons' words: the lexicon files as plain data ([`file`]), text in
//! the one form both sides are matched in ([`normalise`]), a cheap literal pass that rules most
//! posts out ([`prefilter`]), the verdict on the rest ([`classify`], its literals found by [`longest`]), names typed wrong ([`misspell`]), a learned second opinion on
//! its sense ([`vetter`]), the Korean endings that bend a phrase ([`endings`]) and why ([`explain`]). Nothing here knows of
//! windows, detection or output.

pub mod classify;
mod doubt;
pub mod endings;
pub mod explain;
pub mod facets;
pub mod file;
pub mod grammar;
pub mod longest;
pub mod misspell;
mod neighbours;
pub mod normalise;
pub mod prefilter;
pub mod respell;
mod sentence;
pub mod vetter;
pub mod words;

pub use classify::{Kind, Matcher, Scratch, TermId, Verdict};
pub use facets::FacetHit;
pub use file::{
    Ambiguity, Entry, Facet, FacetClass, Lexicon, LexiconError, NumberSlot, OfficialPhrase, Says,
    Sense, Service, Template, TermKind, BUILTIN,
};
pub use normalise::normalise_into;
pub use prefilter::Prefilter;
pub use vetter::{Vetter, Vetting};
