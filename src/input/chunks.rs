//! Where a reader that cuts an input into chunks puts them: the parallel reader's channel to its
//! workers, or a reader that reads them on its own thread; and the steps both chunk cutters share
//! (filling a buffer, carrying an unfinished record over, counting lines).

use std::io::{self, BufRead};

/// Takes chunks of whole records (lines, XML units) cut from one input, lending the buffers.
pub trait ChunkSink {
    /// A buffer to fill (its contents are garbage; its length is its capacity).
    fn fresh(&mut self) -> Vec<u8>;
    /// Takes a chunk: whole records in `buf[..len]`, whose first byte is on line `first_line`;
    /// false to stop reading.
    fn take(&mut self, buf: Vec<u8>, len: usize, first_line: u64) -> bool;
    /// `--strict` met a bad record on line `line` while cutting: chunks after it need not be
    /// read. (Nothing to do for a sink that reads every chunk itself.)
    fn failed_at(&mut self, _line: u64) {}
}

/// Reads into `buf[*filled..]` until it is full (`None`), the input ends (`Some(None)`) or
/// reading fails (`Some(Some(error))`), counting the bytes read in `bytes`. Interrupted reads
/// are retried.
pub fn fill(
    reader: &mut dyn BufRead,
    buf: &mut [u8],
    filled: &mut usize,
    bytes: &mut u64,
) -> Option<Option<io::Error>> {
    while *filled < buf.len() {
        match reader.read(&mut buf[*filled..]) {
            Ok(0) => return Some(None),
            Ok(n) => {
                *filled += n;
                *bytes += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Some(Some(e)),
        }
    }
    None
}

/// The buffer `next` (a fresh one from the sink) made to start with `tail` (the record not yet
/// whole at the end of the last chunk): grown to `tail` plus `room` bytes when it has less than
/// half of `room` free after the tail.
pub fn carry_over(mut next: Vec<u8>, tail: &[u8], room: usize) -> Vec<u8> {
    if next.len() < tail.len() + room / 2 {
        next.resize(tail.len() + room, 0);
    }
    next[..tail.len()].copy_from_slice(tail);
    next
}

/// How many line breaks `buf` holds.
pub fn count_lines(buf: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', buf).count() as u64
}
