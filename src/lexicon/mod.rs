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

/// Asks for the cache lines of `x` to be loaded, without waiting for them (x86-64; elsewhere
/// nothing): for a value read soon at a place the cache likely lacks (an entry of a hit, a
/// slot of the vetter's table), so that several such loads overlap.
#[inline(always)]
pub(crate) fn fetch_ahead<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let p = (x as *const T).cast::<i8>();
        // SAFETY: a prefetch reads nothing the program sees and cannot fault; both addresses
        // are inside `x`.
        unsafe {
            _mm_prefetch::<_MM_HINT_T0>(p);
            _mm_prefetch::<_MM_HINT_T0>(p.add(std::mem::size_of::<T>().saturating_sub(1)));
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// A table of sixteen bytes in both halves of a vector, as `vpshufb` looks up within each half
/// (the normaliser's lead-byte tables, the grammar's trigger nibbles).
///
/// # Safety
///
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
pub(crate) unsafe fn both_halves(t: &[u8; 16]) -> std::arch::x86_64::__m256i {
    use std::arch::x86_64::{_mm256_broadcastsi128_si256, _mm_loadu_si128};
    // SAFETY: the load reads the 16 bytes of `t`.
    _mm256_broadcastsi128_si256(unsafe { _mm_loadu_si128(t.as_ptr().cast()) })
}
