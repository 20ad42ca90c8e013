//! Where a reader that cuts an input into chunks puts them: the parallel reader's channel to its
//! workers, or a reader that reads them on its own thread.

/// Takes chunks of whole records (lines, XML units) cut from one input, lending the buffers.
pub trait ChunkSink {
    /// A buffer to fill (its contents are garbage; its length is its capacity).
    fn fresh(&mut self) -> Vec<u8>;
    /// Takes a chunk: whole records in `buf[..len]`, whose first byte is on line `first_line`;
    /// false to stop reading.
    fn take(&mut self, buf: Vec<u8>, len: usize, first_line: u64) -> bool;
}
