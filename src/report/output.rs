//! Where a report goes: standard output, or a file replaced atomically, so a failed run never
//! leaves a half-written output.

use std::io::{self, Write};

use anyhow::Result;

/// Writes to stdout, or atomically to a file: a temporary file beside it, renamed into place only
/// when everything was written, so a failed run never leaves a half-written output.
pub fn write_output(
    path: Option<&std::path::Path>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match path {
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            f(&mut out)?;
            out.flush()?;
        }
        Some(p) => {
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| {
                anyhow::anyhow!(
                    "{}: cannot create a file in {}: {e}",
                    p.display(),
                    dir.display()
                )
            })?;
            {
                let mut out = io::BufWriter::new(tmp.as_file_mut());
                f(&mut out)?;
                out.flush()?;
            }
            tmp.persist(p)
                .map_err(|e| anyhow::anyhow!("{}: cannot write: {}", p.display(), e.error))?;
        }
    }
    Ok(())
}
