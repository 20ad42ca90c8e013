//! Work dealt out to threads: the detector's (chunk, service) tasks and the report's pictures
//! both run `f` over `0..n` on `Params::threads` threads, with the results put back in order so
//! that they do not depend on the thread count.

/// `f` of each of `0..n`, in order, worked out on up to `threads` threads: thread t takes t,
/// t + threads, … (neighbours in the list cost alike, so the threads finish together). A
/// panic on a thread is raised again here.
pub fn in_parallel<T: Send>(threads: usize, n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = threads.clamp(1, n.max(1));
    if threads == 1 {
        return (0..n).map(f).collect();
    }
    let mut out: Vec<Option<T>> = (0..n).map(|_| None).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let f = &f;
                s.spawn(move || {
                    (t..n)
                        .step_by(threads)
                        .map(|k| (k, f(k)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            let done = h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            for (k, v) in done {
                out[k] = Some(v);
            }
        }
    });
    out.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_results_come_back_in_order_on_any_thread_count() {
        let want: Vec<usize> = (0..101).map(|k| k * k).collect();
        for threads in [0, 1, 2, 3, 7, 200] {
            assert_eq!(
                in_parallel(threads, 101, |k| k * k),
                want,
                "{threads} threads"
            );
        }
        assert!(in_parallel(4, 0, |k| k).is_empty());
    }
}
