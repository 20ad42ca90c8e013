//! Ctrl-C, SIGTERM and SIGHUP during `outcry watch`: the run is not killed but finishes (the
//! open windows are closed, incidents still under way are reported as unresolved) and exits 0.
//! The binary's one signal handler (`src/main.rs`, which also removes an interrupted `-o`
//! file) asks [`deliver`] first; a second signal exits at once.

use std::sync::atomic::{AtomicBool, Ordering};

static CLAIMED: AtomicBool = AtomicBool::new(false);
static RAISED: AtomicBool = AtomicBool::new(false);
static LOADING: AtomicBool = AtomicBool::new(false);

/// The `--history` is being read (`true`), or no longer is (`false`): a signal meanwhile is told
/// on stderr before the process exits (see [`deliver`]).
pub fn loading(on: bool) {
    LOADING.store(on, Ordering::SeqCst);
}

/// The run handles signals itself from now on (see [`raised`]).
pub fn claim() {
    CLAIMED.store(true, Ordering::SeqCst);
}

/// For the signal handler: true when a run claimed the signal and this is the first one (the
/// run will finish on its own); false when the process should exit now (said on stderr while
/// the `--history` is read).
pub fn deliver() -> bool {
    if !CLAIMED.load(Ordering::SeqCst) {
        if LOADING.swap(false, Ordering::SeqCst) {
            crate::eline!(
                "outcry: watch: interrupted while the --history was read: nothing was watched (exit 130)"
            );
        }
        return false;
    }
    !RAISED.swap(true, Ordering::SeqCst)
}

/// Whether a signal asked the run to finish.
pub fn raised() -> bool {
    RAISED.load(Ordering::SeqCst)
}
