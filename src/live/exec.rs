//! `--exec CMD`: a command per alert (a notifier: a chat hook, a pager), with the alert's JSON
//! line on its standard input. It never holds up the stream: alerts go into a bounded queue that
//! one worker thread empties, running the commands one at a time, each killed after a timeout;
//! when the queue is full the alert is dropped for the command (it was still printed) and
//! counted. Failures (a command that cannot start, exits non-zero or times out) are reported on
//! stderr and counted. At the end the commands still queued run; after an interrupt they run
//! for one more timeout in all (the last alerts, `unresolved`, are usually among them) and the
//! rest are dropped and counted, so a signal ends the run promptly.

use std::io::{self, Write};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, Sender, TrySendError};

/// Alerts waiting for the command at most; more are dropped (and counted).
pub const QUEUE: usize = 64;
/// How often a running command is looked at for its end.
const POLL: Duration = Duration::from_millis(10);

/// What the commands did.
#[derive(Debug, Default)]
pub struct ExecCounts {
    /// Commands that ran and exited with status 0.
    pub succeeded: AtomicU64,
    /// Commands that could not start, exited non-zero, or were killed at the timeout.
    pub failed: AtomicU64,
    /// Of those, the ones killed at the timeout.
    pub timed_out: AtomicU64,
    /// Alerts dropped because the queue was full.
    pub dropped: AtomicU64,
}

impl ExecCounts {
    /// (succeeded, failed, timed out, dropped).
    pub fn get(&self) -> (u64, u64, u64, u64) {
        let l = |a: &AtomicU64| a.load(Ordering::Relaxed);
        (
            l(&self.succeeded),
            l(&self.failed),
            l(&self.timed_out),
            l(&self.dropped),
        )
    }
}

/// One alert for the command.
#[derive(Debug, Clone)]
pub struct Job {
    /// The alert's JSON line (without the newline).
    pub json: String,
    /// `onset`, `update`, … and the service and incident number, for the environment
    /// (`OUTCRY_EVENT`, `OUTCRY_SERVICE`, `OUTCRY_INCIDENT`) and for messages.
    pub event: &'static str,
    pub service: String,
    pub incident: u64,
}

/// The queue and its worker. The queue carries `None` once, from [`Notifier::finish`]: the
/// worker ends there, whether or not a [`Queue`] handle is still alive (a reader thread blocked
/// on a live input that never ends holds one).
pub struct Notifier {
    tx: Sender<Option<Job>>,
    worker: Option<JoinHandle<()>>,
    pub counts: Arc<ExecCounts>,
    /// Set on an interrupt: jobs still queued after this instant are dropped, not run.
    deadline: Arc<OnceLock<Instant>>,
    timeout: Duration,
    closed: Arc<AtomicBool>,
    quiet: bool,
}

/// A handle that queues alerts (cheap to clone).
#[derive(Clone)]
pub struct Queue {
    tx: Sender<Option<Job>>,
    /// Set when [`Notifier::finish`] begins: later alerts are dropped and counted.
    closed: Arc<AtomicBool>,
    counts: Arc<ExecCounts>,
    quiet: bool,
}

impl Queue {
    /// Queues a job without waiting: when the queue is full the job is dropped and counted.
    pub fn send(&self, job: Job) {
        if self.closed.load(Ordering::SeqCst) {
            self.counts.dropped.fetch_add(1, Ordering::Relaxed);
            if !self.quiet {
                eprintln!(
                    "outcry: --exec: the {} alert of {} (incident {}) came after the run ended and was not handed to the command",
                    job.event, job.service, job.incident
                );
            }
            return;
        }
        match self.tx.try_send(Some(job)) {
            Ok(()) => {}
            Err(TrySendError::Full(Some(job))) | Err(TrySendError::Disconnected(Some(job))) => {
                let n = self.counts.dropped.fetch_add(1, Ordering::Relaxed) + 1;
                if !self.quiet && (n <= 3 || n.is_power_of_two()) {
                    eprintln!(
                        "outcry: --exec: the command is behind ({QUEUE} alerts waiting): the {} alert of {} (incident {}) was not handed to it ({n} dropped so far)",
                        job.event, job.service, job.incident
                    );
                }
            }
            Err(_) => {}
        }
    }
}

impl Notifier {
    /// Starts the worker that runs `command` (through `sh -c`) per alert, killing it after
    /// `timeout`. Failures are told on stderr (always: they are errors).
    pub fn start(command: String, timeout: Duration, quiet: bool) -> Notifier {
        let (tx, rx) = bounded::<Option<Job>>(QUEUE);
        let counts = Arc::new(ExecCounts::default());
        let deadline = Arc::new(OnceLock::<Instant>::new());
        let (c, d) = (Arc::clone(&counts), Arc::clone(&deadline));
        let worker = std::thread::spawn(move || {
            let mut skipped = 0u64;
            while let Ok(Some(job)) = rx.recv() {
                let left = d
                    .get()
                    .map_or(timeout, |d| d.saturating_duration_since(Instant::now()));
                if left.is_zero() {
                    skipped += 1;
                    continue;
                }
                run_one(&command, &job, timeout.min(left), &c);
            }
            if skipped > 0 {
                c.dropped.fetch_add(skipped, Ordering::Relaxed);
                eprintln!(
                    "outcry: --exec: {skipped} queued alert(s) were not handed to the command: the run was interrupted"
                );
            }
        });
        Notifier {
            tx,
            worker: Some(worker),
            counts,
            deadline,
            timeout,
            closed: Arc::new(AtomicBool::new(false)),
            quiet,
        }
    }

    /// A handle to queue alerts with.
    pub fn queue(&self) -> Queue {
        Queue {
            tx: self.tx.clone(),
            closed: Arc::clone(&self.closed),
            counts: Arc::clone(&self.counts),
            quiet: self.quiet,
        }
    }

    /// Ends the queue and waits for the worker: at the end of the input, for the commands
    /// still queued to run; after an interrupt (`interrupted`), for one more timeout in all
    /// (the command running may take its own), and the jobs still queued then are dropped and
    /// counted. Alerts queued later (by a handle still alive) are never run.
    pub fn finish(mut self, interrupted: bool) -> Arc<ExecCounts> {
        self.closed.store(true, Ordering::SeqCst);
        if interrupted {
            let _ = self.deadline.set(Instant::now() + self.timeout);
        }
        // (waits while the queue is full: the worker empties it)
        let _ = self.tx.send(None);
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
        Arc::clone(&self.counts)
    }
}

/// Runs the command for one alert and counts how it went.
fn run_one(command: &str, job: &Job, timeout: Duration, counts: &ExecCounts) {
    let what = format!(
        "outcry: --exec: the {} alert of {} (incident {})",
        job.event, job.service, job.incident
    );
    let mut cmd = Command::new("sh");
    // Its own process group, so that the timeout kills the whole command (`sh -c 'a | b'` and
    // what it started), not only the shell, and a Ctrl-C at the terminal reaches outcry alone
    // (which lets the queued commands finish).
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let child = cmd
        .arg("-c")
        .arg(command)
        .env("OUTCRY_EVENT", job.event)
        .env("OUTCRY_SERVICE", &job.service)
        .env("OUTCRY_INCIDENT", job.incident.to_string())
        .stdin(Stdio::piped())
        // Its output goes to stderr: standard output holds the alerts.
        .stdout(Stdio::from(io::stderr()))
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            counts.failed.fetch_add(1, Ordering::Relaxed);
            eprintln!("{what}: the command could not start: {e}");
            return;
        }
    };
    if let Some(mut stdin) = child.stdin.take() {
        // A command that does not read its input (or exits first) is no failure here.
        let _ = stdin.write_all(job.json.as_bytes());
        let _ = stdin.write_all(b"\n");
    }
    match wait(&mut child, timeout) {
        Ok(Some(status)) if status.success() => {
            counts.succeeded.fetch_add(1, Ordering::Relaxed);
        }
        Ok(Some(status)) => {
            counts.failed.fetch_add(1, Ordering::Relaxed);
            eprintln!("{what}: the command failed ({status})");
        }
        Ok(None) => {
            counts.failed.fetch_add(1, Ordering::Relaxed);
            counts.timed_out.fetch_add(1, Ordering::Relaxed);
            eprintln!(
                "{what}: the command ran longer than {} and was killed",
                crate::time::exact_duration(timeout.as_secs().max(1) as i64)
            );
        }
        Err(e) => {
            counts.failed.fetch_add(1, Ordering::Relaxed);
            eprintln!("{what}: could not wait for the command: {e}");
        }
    }
}

/// Waits up to `timeout` for `child`; kills it (and reaps it) at the timeout: `Ok(None)`.
fn wait(child: &mut Child, timeout: Duration) -> io::Result<Option<std::process::ExitStatus>> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            #[cfg(unix)]
            if let Ok(pgid) = libc::pid_t::try_from(child.id()) {
                // SAFETY: kill(2) with a negative pid signals the process group the child leads
                // (made so at spawn); it touches no memory of ours.
                unsafe {
                    libc::kill(-pgid, libc::SIGKILL);
                }
            }
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(POLL);
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn job(n: u64) -> Job {
        Job {
            json: format!("{{\"incident\":{n}}}"),
            event: "onset",
            service: "gmail".into(),
            incident: n,
        }
    }

    #[test]
    fn commands_get_the_alert_and_failures_and_timeouts_are_counted() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("got");
        let cmd = format!(
            "read line; echo \"$OUTCRY_EVENT $OUTCRY_SERVICE $line\" >> '{}'; test \"$OUTCRY_INCIDENT\" != 2",
            out.display()
        );
        let n = Notifier::start(cmd, Duration::from_secs(20), true);
        let q = n.queue();
        for k in 1..=3 {
            q.send(job(k));
        }
        drop(q);
        let counts = n.finish(false);
        let got = std::fs::read_to_string(&out).unwrap();
        assert_eq!(
            got,
            "onset gmail {\"incident\":1}\nonset gmail {\"incident\":2}\nonset gmail {\"incident\":3}\n"
        );
        assert_eq!(counts.get(), (2, 1, 0, 0));

        let slow = Notifier::start("sleep 30".into(), Duration::from_millis(200), true);
        let q = slow.queue();
        let t = Instant::now();
        q.send(job(1));
        // The queue takes QUEUE more without waiting; beyond, alerts are dropped.
        for k in 0..QUEUE as u64 + 5 {
            q.send(job(k + 2));
        }
        assert!(t.elapsed() < Duration::from_secs(5), "sending never waits");
        let (_, _, _, dropped) = slow.counts.get();
        assert!(dropped >= 4, "{dropped}");
        // After an interrupt, only the command running is waited for (killed at its
        // timeout), though a handle is still alive; the queued ones are dropped and counted.
        let t = Instant::now();
        let counts = slow.finish(true);
        assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
        let (succeeded, failed, timed_out, dropped) = counts.get();
        assert_eq!(succeeded, 0);
        assert!(failed <= 2 && timed_out == failed, "{failed} {timed_out}");
        assert_eq!(
            failed + dropped,
            QUEUE as u64 + 6,
            "every alert ran or was dropped"
        );
        // A handle alive after the end drops what it is given.
        q.send(job(99));
        assert_eq!(counts.get().3, dropped + 1);
    }
}
