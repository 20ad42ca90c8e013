//! Where a report goes: standard output, or `-o FILE` as the shell's `> FILE` would write it, but
//! never half of it.
//!
//! * `-o -` (or no `-o`) is standard output.
//! * A symbolic link is followed (to its final target, created if the link dangles), as `>` does.
//! * A regular file, or a path where nothing exists yet, is written to a temporary file in the
//!   same folder and renamed over the target once everything is written (and synced): readers
//!   see the old file or the new one, never a part. A new file gets mode 0666 less the umask (as
//!   `>` creates it); a replaced one keeps its permission bits, and its owner and group where
//!   the user may give them (root; `>` keeps them by writing into the file). A file the user may
//!   not write is refused, as `>` refuses it, though a rename over it would go through. Hard
//!   links are not kept: a rename makes a new file, so another name of the old one keeps the old
//!   contents.
//! * Anything else that can be opened for writing (a FIFO, a terminal, `/dev/null`, another
//!   device) is written directly, as `>` does: there is nothing to replace.
//! * A failed run, or one interrupted by SIGINT, SIGTERM or SIGHUP, leaves the target as it was
//!   and no temporary file behind: the temporary file's name is registered while it exists, and
//!   the binary's signal handler removes it ([`remove_pending`]) before exiting.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{anyhow, Context, Result};

/// Temporary files being written, for the signal handler.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes every temporary output file still being written: for a signal handler, just before
/// the process exits.
pub fn remove_pending() {
    let pending = match PENDING.lock() {
        Ok(p) => p,
        Err(poisoned) => poisoned.into_inner(),
    };
    for p in pending.iter() {
        let _ = fs::remove_file(p);
    }
}

fn register(p: &Path, add: bool) {
    let mut pending = match PENDING.lock() {
        Ok(p) => p,
        Err(poisoned) => poisoned.into_inner(),
    };
    if add {
        pending.push(p.to_path_buf());
    } else {
        pending.retain(|q| q != p);
    }
}

/// Follows symbolic links from `p` to the path a write would land on (which may not exist yet).
fn follow_links(p: &Path) -> io::Result<PathBuf> {
    let mut cur = p.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&cur) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&cur)?;
                cur = match cur.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(cur),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Checks, before a run that may take long, that `path` can be written as [`write_output`]
/// would write it: `-` always; otherwise (links followed) not a folder, and an existing file or
/// a new name in an existing folder. Whether the file system then lets the write through is
/// still only known when it is done.
pub fn check_output(path: &Path) -> Result<()> {
    // Where it would go, resolved as the write resolves it ([`Target::of`]); a new file needs
    // its folder.
    let Target::File { shown, target, .. } = Target::of(Some(path))? else {
        return Ok(());
    };
    let dir = folder_of(&target);
    if !dir.is_dir() {
        return Err(anyhow!(
            "{}: cannot write: there is no folder {}",
            shown.display(),
            dir.display()
        ));
    }
    // The write makes a file in the folder and renames it over the target: a folder that takes
    // no new file (read-only, another user's) fails now, not after a long run.
    tempfile::Builder::new()
        .prefix(".outcry-check.")
        .tempfile_in(dir)
        .map(drop)
        .map_err(|e| cannot_create(shown, dir, &e))
}

/// The folder a file `target` is written in.
fn folder_of(target: &Path) -> &Path {
    target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Why no file could be made in `dir` for `shown`, without the temporary file's name (the
/// tempfile crate puts it in its message).
fn cannot_create(shown: &Path, dir: &Path, e: &io::Error) -> anyhow::Error {
    anyhow!(
        "{}: cannot write: no file can be made in the folder {}: {}",
        shown.display(),
        dir.display(),
        io::Error::from(e.kind())
    )
}

/// What writes one output.
pub type Writer<'a> = Box<dyn FnOnce(&mut dyn Write) -> io::Result<()> + 'a>;

/// Writes several outputs of one run (`-o`, `--plot`, `--html`) as [`write_output`] writes each,
/// but all or none of the files: every file is written to its temporary file first, then standard
/// output and devices directly, and only when all of them succeeded are the files renamed into
/// place. One that fails to be written leaves every file as it was (a device already written
/// stays written); a rename that fails (rare: a rename needs no space) leaves the files renamed
/// before it in their new state, and the error names them.
pub fn write_outputs(outputs: Vec<(Option<&Path>, Writer<'_>)>) -> Result<()> {
    // Every target is resolved before anything is written: a folder named is refused first.
    let targets = (outputs.into_iter())
        .map(|(path, f)| Ok((Target::of(path)?, f)))
        .collect::<Result<Vec<_>>>()?;
    let mut staged = vec![];
    let mut direct = vec![];
    for (target, f) in targets {
        match target {
            Target::File {
                shown,
                target,
                keep,
            } => staged.push(Staged::write(shown, &target, keep, f)?),
            other => direct.push((other, f)),
        }
    }
    // A reader that stopped early (`| head`) is no failure to write the files: they are
    // still put in place, and the closed pipe is told after (the run's exit status stands).
    let mut closed = None;
    for (target, f) in direct {
        match target.write(f) {
            Err(e) if closed_pipe(&e) => closed = Some(e),
            other => other?,
        }
    }
    // The renames come last and seldom fail (no space is needed); one that does leaves the
    // files renamed before it in place, and the error names them.
    let mut placed: Vec<String> = vec![];
    for s in staged {
        let shown = s.shown.display().to_string();
        if let Err(e) = s.persist() {
            if placed.is_empty() {
                return Err(e);
            }
            return Err(e.context(format!(
                "{} already written in full before this one failed",
                placed.join(", ")
            )));
        }
        placed.push(shown);
    }
    closed.map_or(Ok(()), Err)
}

/// Whether `e` is a write to a pipe whose reader has gone.
fn closed_pipe(e: &anyhow::Error) -> bool {
    (e.chain()).any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Writes to stdout (`path` `None` or `-`), or to a file as the module documentation says.
pub fn write_output(
    path: Option<&Path>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    Target::of(path)?.write(f)
}

/// Where an output goes, as the module documentation says: links followed, a folder refused.
enum Target<'p> {
    Stdout,
    /// A regular file (`keep`: what it keeps of the file it replaces) or a new name: written
    /// beside, then renamed.
    File {
        shown: &'p Path,
        target: PathBuf,
        keep: Option<Keep>,
    },
    /// A FIFO or a device: written directly, as `>` would.
    Device {
        shown: &'p Path,
        target: PathBuf,
    },
}

impl Target<'_> {
    /// The target of `path` (`None` or `-`: standard output).
    fn of(path: Option<&Path>) -> Result<Target<'_>> {
        let Some(p) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Target::Stdout);
        };
        let target = follow_links(p).map_err(|e| anyhow!("{}: cannot write: {e}", p.display()))?;
        match fs::metadata(&target) {
            Ok(m) if m.is_dir() => Err(anyhow!(
                "{}: cannot write: is a folder: name the file to write",
                p.display()
            )),
            Ok(m) if m.is_file() => {
                // A file `>` could not open for writing (read-only to this user) is refused as
                // `>` refuses it, though a rename over it would go through.
                OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .map_err(|e| anyhow!("{}: cannot write: {e}", p.display()))?;
                Ok(Target::File {
                    shown: p,
                    target,
                    keep: Some(Keep::of(&m)),
                })
            }
            Ok(_) => Ok(Target::Device { shown: p, target }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Target::File {
                shown: p,
                target,
                keep: None,
            }),
            Err(e) => Err(anyhow!("{}: cannot write: {e}", p.display())),
        }
    }

    /// Writes standard output or a device directly, a file staged and renamed ([`Staged`]).
    fn write(self, f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
        match self {
            Target::Stdout => {
                let stdout = io::stdout();
                let mut out = io::BufWriter::new(stdout.lock());
                // (the io::Error stays in the chain: a closed pipe is told apart in main.rs)
                f(&mut out)
                    .and_then(|()| out.flush())
                    .context("standard output: cannot write")
            }
            Target::Device { shown, target } => {
                let file = OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .map_err(|e| anyhow!("{}: cannot write: {e}", shown.display()))?;
                let mut out = io::BufWriter::new(file);
                f(&mut out)
                    .and_then(|()| out.flush())
                    .with_context(|| format!("{}: cannot write", shown.display()))
            }
            Target::File {
                shown,
                target,
                keep,
            } => Staged::write(shown, &target, keep, f)?.persist(),
        }
    }
}

/// What a replaced file passes on to the file written over it: its permission bits and, where
/// the user may give them (root), its owner and group, as `> FILE` keeps them.
struct Keep {
    perm: fs::Permissions,
    #[cfg(unix)]
    owner: (u32, u32),
}

impl Keep {
    fn of(m: &fs::Metadata) -> Keep {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Keep {
            perm: m.permissions(),
            #[cfg(unix)]
            owner: (m.uid(), m.gid()),
        }
    }

    /// Gives `file` the kept permission bits, and the owner when it differs (only root may
    /// give a file away; for anyone else it stays theirs, as a new file is).
    fn apply(self, file: &fs::File) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = file.metadata()?;
            if (m.uid(), m.gid()) != self.owner {
                let (uid, gid) = self.owner;
                let _ = std::os::unix::fs::fchown(file, Some(uid), Some(gid));
            }
        }
        file.set_permissions(self.perm)
    }
}

/// An output written whole to a temporary file beside its target, not yet renamed over it; its
/// name is registered for the signal handler while it exists.
struct Staged {
    /// `None` once persisted.
    tmp: Option<tempfile::NamedTempFile>,
    target: PathBuf,
    shown: PathBuf,
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Dropped unpersisted: the file is removed with `tmp`.
        if let Some(t) = &self.tmp {
            register(t.path(), false);
        }
    }
}

impl Staged {
    /// Writes (and syncs) what `f` writes to a new temporary file beside `target`, with `keep`'s
    /// permission bits or those of a file `>` creates.
    fn write(
        shown: &Path,
        target: &Path,
        keep: Option<Keep>,
        f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<Staged> {
        let dir = folder_of(target);
        let name = target
            .file_name()
            .map_or("outcry".into(), |n| n.to_string_lossy().into_owned());
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Handed to open(2), which takes the umask off, as for a file `>` creates.
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let tmp = builder
            .tempfile_in(dir)
            .map_err(|e| cannot_create(shown, dir, &e))?;
        register(tmp.path(), true);
        let mut tmp = tmp;
        let written = (|| -> io::Result<()> {
            if let Some(keep) = keep {
                keep.apply(tmp.as_file())?;
            }
            {
                let mut out = io::BufWriter::new(tmp.as_file_mut());
                f(&mut out)?;
                out.flush()?;
            }
            tmp.as_file().sync_all()
        })();
        let staged = Staged {
            tmp: Some(tmp),
            target: target.to_path_buf(),
            shown: shown.to_path_buf(),
        };
        written.with_context(|| format!("{}: cannot write", shown.display()))?;
        Ok(staged)
    }

    /// Renames the temporary file over the target.
    fn persist(mut self) -> Result<()> {
        let tmp = self.tmp.take().expect("persisted once");
        register(tmp.path(), false);
        tmp.persist(&self.target)
            .map(drop)
            .map_err(|e| anyhow!("{}: cannot write: {}", self.shown.display(), e.error))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{symlink, PermissionsExt};

    #[test]
    fn outputs_are_checked_before_the_run() {
        let d = tempfile::tempdir().unwrap();
        assert!(check_output(Path::new("-")).is_ok());
        assert!(check_output(&d.path().join("new.svg")).is_ok());
        let missing = d.path().join("no/such/x.html");
        let e = check_output(&missing).unwrap_err().to_string();
        assert!(e.contains("there is no folder"), "{e}");
        let e = check_output(d.path()).unwrap_err().to_string();
        assert!(e.contains("is a folder"), "{e}");
        // A dangling link to a file in an existing folder is fine (the write creates it); to a
        // missing folder it is not.
        symlink(d.path().join("target.txt"), d.path().join("ok")).unwrap();
        assert!(check_output(&d.path().join("ok")).is_ok());
        symlink(&missing, d.path().join("bad")).unwrap();
        assert!(check_output(&d.path().join("bad")).is_err());
        assert!(check_output(Path::new("/dev/null")).is_ok());
    }

    fn write(p: &Path, text: &str) -> Result<()> {
        write_output(Some(p), |o| o.write_all(text.as_bytes()))
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn a_symbolic_link_is_followed_and_its_target_replaced() {
        let d = tempfile::tempdir().unwrap();
        let real = d.path().join("real.json");
        fs::write(&real, "old").unwrap();
        let link = d.path().join("link.json");
        symlink("real.json", &link).unwrap();
        write(&link, "new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        // A dangling link: its target is created, as `>` does.
        let dangling = d.path().join("dangling");
        symlink("made.json", &dangling).unwrap();
        write(&dangling, "x").unwrap();
        assert_eq!(fs::read_to_string(d.path().join("made.json")).unwrap(), "x");
        assert!(leftovers(d.path()).is_empty());
    }

    #[test]
    fn modes_follow_the_umask_for_new_files_and_stay_for_old_ones() {
        let d = tempfile::tempdir().unwrap();
        let new = d.path().join("new.csv");
        write(&new, "a").unwrap();
        let mode = fs::metadata(&new).unwrap().permissions().mode() & 0o777;
        // The umask of the test process, read without changing it: a file made by plain
        // `File::create` (0666 less the umask) shows it.
        let probe = d.path().join("probe");
        fs::File::create(&probe).unwrap();
        let want = fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, want, "{mode:o} vs {want:o}");
        let old = d.path().join("old.csv");
        fs::write(&old, "x").unwrap();
        fs::set_permissions(&old, fs::Permissions::from_mode(0o640)).unwrap();
        write(&old, "y").unwrap();
        assert_eq!(
            fs::metadata(&old).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_nothing_else() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("out.json");
        fs::write(&p, "old").unwrap();
        let r = write_output(Some(&p), |o| {
            o.write_all(b"half")?;
            Err(io::Error::other("boom"))
        });
        assert!(r.is_err());
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        assert!(leftovers(d.path()).is_empty());
        assert!(!PENDING
            .lock()
            .unwrap()
            .iter()
            .any(|q| q.starts_with(d.path())));
    }

    #[test]
    fn a_device_is_written_directly() {
        write(Path::new("/dev/null"), "nothing").unwrap();
        assert!(fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device_like());
    }

    trait CharDevice {
        fn is_char_device_like(&self) -> bool;
    }
    impl CharDevice for fs::FileType {
        fn is_char_device_like(&self) -> bool {
            use std::os::unix::fs::FileTypeExt;
            self.is_char_device()
        }
    }
}
