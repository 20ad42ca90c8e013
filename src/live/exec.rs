//! `--exec CMD`: a command per alert (a notifier: a chat hook, a pager), with the alert's JSON
//! line on its standard input. It never holds up the stream: alerts go into a bounded queue that
//! one worker thread empties, running the commands one at a time, each killed after a timeout;
//! when the queue is full the alert is dropped for the command (it was still printed) and
//! counted. Failures (a command that cannot start, exits non-zero or times out) are reported on
//! stderr and counted. At the end the commands still queued run. After a signal the run ends
//! promptly all the same ([`Interrupt`]), whether it comes during the stream or while the
//! commands queued at its end run: the command running then is given [`SIGNAL_GRACE`] at most,
//! the ones still queued run within [`SIGNAL_BOUND`] of the signal (the final `unresolved`
//! alerts first, then the rest in order), and those not started by then are dropped, counted
//! and named on stderr.

use std::io::{self, Write};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, Sender, TrySendError};

use super::signal;

/// Alerts waiting for the command at most; more are dropped (and counted).
pub const QUEUE: usize = 64;
/// How often a running command is looked at for its end.
const POLL: Duration = Duration::from_millis(10);
/// After a signal, how long the command running then may go on (within its own timeout)
/// before it is killed: a notifier in the middle of a call usually needs only moments more.
pub const SIGNAL_GRACE: Duration = Duration::from_secs(1);
/// After a signal, the time within which the commands still queued run (each within its own
/// timeout too; with a timeout shorter than this, the grace plus one timeout): enough for the
/// final `unresolved` alerts of a notifier that answers, short of a supervisor's patience (a
/// slow notifier made a SIGTERM take the command's whole timeout, and then dropped them).
pub const SIGNAL_BOUND: Duration = Duration::from_secs(5);

/// When the run was interrupted, and what that leaves the commands.
#[derive(Debug, Clone, Copy)]
pub struct Interrupt {
    /// The signal (when [`Notifier::finish`] was told of it).
    pub at: Instant,
    /// The command running at the signal is killed by then.
    pub grace_end: Instant,
    /// Commands are started until then, and killed by then.
    pub end: Instant,
}

impl Interrupt {
    /// An interrupt now, for commands killed after `timeout`.
    pub fn now(timeout: Duration) -> Interrupt {
        let at = Instant::now();
        let grace = SIGNAL_GRACE.min(timeout);
        Interrupt {
            at,
            grace_end: at + grace,
            end: at + SIGNAL_BOUND.min(grace + timeout),
        }
    }

    /// The latest a command started at `started` may run to.
    fn cut(&self, started: Instant) -> Instant {
        if started < self.at {
            self.grace_end
        } else {
            self.end
        }
    }
}

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
    /// Set on an interrupt: the commands' bounds from then on.
    deadline: Arc<OnceLock<Interrupt>>,
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
                crate::eline!(
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
                    crate::eline!(
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
        let deadline = Arc::new(OnceLock::<Interrupt>::new());
        let (c, d) = (Arc::clone(&counts), Arc::clone(&deadline));
        let worker = std::thread::spawn(move || {
            while let Ok(Some(job)) = rx.recv() {
                if d.get().is_some() {
                    // (the queue's end follows at once: `finish` sends it after the interrupt)
                    let mut rest = vec![job];
                    rest.extend(rx.iter().map_while(|j| j));
                    after_interrupt(rest, (&command, timeout, &d), &c);
                    break;
                }
                run_one(&command, &job, (timeout, &d), &c);
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
    /// still queued to run; after an interrupt (`interrupted`), within the bounds of an
    /// [`Interrupt`] now, and the jobs still queued then are dropped, counted and named.
    /// Alerts queued later (by a handle still alive) are never run.
    /// A signal that comes while the commands still queued at the end of the input run is an
    /// interrupt from then on, as one during the stream is (a signal claimed by the run is
    /// otherwise not acted on: before, the run waited for every command queued, each up to its
    /// timeout).
    pub fn finish(mut self, interrupted: bool) -> Arc<ExecCounts> {
        self.closed.store(true, Ordering::SeqCst);
        if interrupted {
            self.interrupt();
        }
        // (waits while the queue is full: the worker empties it)
        loop {
            self.on_signal();
            match self.tx.send_timeout(None, POLL) {
                Err(crossbeam_channel::SendTimeoutError::Timeout(_)) => {}
                _ => break,
            }
        }
        if let Some(w) = self.worker.take() {
            while !w.is_finished() {
                self.on_signal();
                std::thread::sleep(POLL);
            }
            let _ = w.join();
        }
        Arc::clone(&self.counts)
    }

    /// Takes a signal claimed by the run ([`signal::raised`]) as an interrupt, once.
    fn on_signal(&self) {
        if signal::raised() {
            self.interrupt();
        }
    }

    /// Sets the commands' bounds to an interrupt's, from now (the first time only).
    fn interrupt(&self) {
        if self.deadline.get().is_none() {
            let _ = self.deadline.set(Interrupt::now(self.timeout));
        }
    }
}

/// Runs the jobs still queued at an interrupt within its bound: the `unresolved` alerts first
/// (the run's last word on each incident still under way: its onset, peak and reports so far,
/// which the signal asks to be reported), then the others in their order; those not started by
/// the bound's end are dropped, counted and named.
fn after_interrupt(
    mut jobs: Vec<Job>,
    (command, timeout, interrupt): (&str, Duration, &OnceLock<Interrupt>),
    counts: &ExecCounts,
) {
    jobs.sort_by_key(|j| j.event != "unresolved");
    let mut skipped = vec![];
    for job in jobs {
        if interrupt.get().is_some_and(|i| Instant::now() >= i.end) {
            skipped.push(job);
        } else {
            run_one(command, &job, (timeout, interrupt), counts);
        }
    }
    say_skipped(&skipped, counts);
}

/// Counts and names on stderr the alerts not handed to the command after an interrupt.
fn say_skipped(skipped: &[Job], counts: &ExecCounts) {
    if skipped.is_empty() {
        return;
    }
    counts
        .dropped
        .fetch_add(skipped.len() as u64, Ordering::Relaxed);
    let named: Vec<String> = skipped
        .iter()
        .map(|j| format!("{} of {} (incident {})", j.event, j.service, j.incident))
        .collect();
    crate::eline!(
        "outcry: --exec: {} queued alert(s) were not handed to the command: the run was interrupted and its {} for them had passed: {}",
        skipped.len(),
        crate::time::exact_duration(SIGNAL_BOUND.as_secs() as i64),
        named.join(", ")
    );
}

/// Runs the command for one alert and counts how it went: it is killed after `timeout`, or
/// sooner after an interrupt (the [`Interrupt`] in the lock, if set).
fn run_one(
    command: &str,
    job: &Job,
    (timeout, interrupt): (Duration, &OnceLock<Interrupt>),
    counts: &ExecCounts,
) {
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
            crate::eline!("{what}: the command could not start: {e}");
            return;
        }
    };
    if let Some(mut stdin) = child.stdin.take() {
        // Written by a thread of its own, so that the timeout holds while the write waits: an
        // alert longer than the pipe holds, to a command that does not read it, blocked here
        // for good before. The kill at the timeout breaks the pipe and ends the thread. A
        // command that does not read its input (or exits first) is no failure here.
        let line = format!("{}\n", job.json);
        let _ = std::thread::Builder::new()
            .name("outcry-exec-stdin".into())
            .spawn(move || {
                let _ = stdin.write_all(line.as_bytes());
            });
    }
    match wait(&mut child, timeout, interrupt) {
        Ok(Waited::Cut) => {
            counts.failed.fetch_add(1, Ordering::Relaxed);
            counts.timed_out.fetch_add(1, Ordering::Relaxed);
            crate::eline!("{what}: the command was killed: the run was interrupted (at most {} more for the command running then, {} for all)",
                crate::time::exact_duration(SIGNAL_GRACE.as_secs() as i64),
                crate::time::exact_duration(SIGNAL_BOUND.as_secs() as i64));
        }
        Ok(Waited::Exited(status)) if status.success() => {
            counts.succeeded.fetch_add(1, Ordering::Relaxed);
        }
        Ok(Waited::Exited(status)) => {
            counts.failed.fetch_add(1, Ordering::Relaxed);
            crate::eline!("{what}: the command failed ({status})");
        }
        Ok(Waited::TimedOut) => {
            counts.failed.fetch_add(1, Ordering::Relaxed);
            counts.timed_out.fetch_add(1, Ordering::Relaxed);
            crate::eline!(
                "{what}: the command ran longer than {} and was killed",
                crate::time::exact_duration(timeout.as_secs().max(1) as i64)
            );
        }
        Err(e) => {
            counts.failed.fetch_add(1, Ordering::Relaxed);
            crate::eline!("{what}: could not wait for the command: {e}");
        }
    }
}

/// How a command's wait ended.
enum Waited {
    Exited(std::process::ExitStatus),
    /// Killed at its timeout.
    TimedOut,
    /// Killed sooner, after an interrupt.
    Cut,
}

/// Waits up to `timeout` for `child`, or less once `interrupt` is set ([`Interrupt::cut`]);
/// kills it (and reaps it) then.
fn wait(
    child: &mut Child,
    timeout: Duration,
    interrupt: &OnceLock<Interrupt>,
) -> io::Result<Waited> {
    let started = Instant::now();
    let own = started + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Waited::Exited(status));
        }
        let cut = interrupt.get().map(|i| i.cut(started)).filter(|&c| c < own);
        if Instant::now() >= cut.unwrap_or(own) {
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
            return Ok(if cut.is_some() {
                Waited::Cut
            } else {
                Waited::TimedOut
            });
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
        // After an interrupt, the command running is killed at its timeout and one more may
        // run (the grace plus one timeout, here shorter than SIGNAL_BOUND), though a handle is
        // still alive; the queued ones are dropped and counted.
        let t = Instant::now();
        let counts = slow.finish(true);
        assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
        let (succeeded, failed, timed_out, dropped) = counts.get();
        assert_eq!(succeeded, 0);
        assert!(failed <= 4 && timed_out == failed, "{failed} {timed_out}");
        assert_eq!(
            failed + dropped,
            QUEUE as u64 + 6,
            "every alert ran or was dropped"
        );
        // A handle alive after the end drops what it is given.
        q.send(job(99));
        assert_eq!(counts.get().3, dropped + 1);
    }

    /// A command that does not read its input is killed at its timeout and counted as timed
    /// out even when the alert is longer than a pipe holds (the write to its input waited for
    /// good before, past the timeout, as long as the command ran).
    #[test]
    fn the_timeout_holds_while_a_long_alert_waits_to_be_read() {
        let n = Notifier::start("sleep 30".into(), Duration::from_millis(300), true);
        let q = n.queue();
        let mut long = job(1);
        long.json = format!("{{\"text\":\"{}\"}}", "x".repeat(1 << 20));
        q.send(long);
        drop(q);
        let t = Instant::now();
        let counts = n.finish(false);
        assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
        assert_eq!(counts.get(), (0, 1, 1, 0));
    }

    /// A signal while a slow command runs: it is cut short after the grace, not its timeout,
    /// and the unresolved alert queued behind it still reaches the command; past the bound, what
    /// is left is dropped and counted.
    #[test]
    fn a_signal_cuts_a_slow_command_short_and_the_last_alert_still_runs() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("got");
        let cmd = format!(
            "read line; echo \"$OUTCRY_EVENT\" >> '{}'; [ \"$OUTCRY_EVENT\" = unresolved ] || sleep 60",
            out.display()
        );
        let n = Notifier::start(cmd, Duration::from_secs(60), true);
        let q = n.queue();
        q.send(job(1));
        let mut last = job(1);
        last.event = "unresolved";
        q.send(last);
        std::thread::sleep(Duration::from_millis(300));
        let t = Instant::now();
        let counts = n.finish(true);
        let took = t.elapsed();
        assert!(took >= SIGNAL_GRACE, "{took:?}");
        assert!(took < SIGNAL_GRACE + Duration::from_secs(3), "{took:?}");
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "onset\nunresolved\n"
        );
        assert_eq!(counts.get(), (1, 1, 1, 0));

        // Every command slow: the one running is cut at the grace, the next (the unresolved
        // alert, queued last) at the bound, and the two onsets queued never start.
        let cmd = format!(
            "echo \"$OUTCRY_EVENT $OUTCRY_INCIDENT\" >> '{}'; sleep 60",
            out.display()
        );
        std::fs::remove_file(&out).unwrap();
        let n = Notifier::start(cmd, Duration::from_secs(60), true);
        let q = n.queue();
        for k in 1..=3 {
            q.send(job(k));
        }
        // The unresolved alert queued last runs before the queued onsets.
        let mut last = job(4);
        last.event = "unresolved";
        q.send(last);
        std::thread::sleep(Duration::from_millis(300));
        let t = Instant::now();
        let counts = n.finish(true);
        let took = t.elapsed();
        assert!(took >= SIGNAL_BOUND, "{took:?}");
        assert!(took < SIGNAL_BOUND + Duration::from_secs(2), "{took:?}");
        assert_eq!(counts.get(), (0, 2, 2, 2));
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "onset 1\nunresolved 4\n"
        );
    }
}
