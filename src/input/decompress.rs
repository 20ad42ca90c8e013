//! Archives unwrapped by their first bytes, not their names: gzip, zstd (its skippable frames
//! too, as pzstd writes one first), xz and bzip2, every member (or stream, or frame) of a
//! concatenated file; anything else passes through. A truncated or corrupt archive is a read
//! error at the point where it breaks off, never a quiet end.
//!
//! Members are taken one at a time ([`Members`]), so that what follows the last one is judged
//! here, after every byte of the members has been handed on: zero bytes to the end are padding
//! (tape blocks, some archivers; a note says so), anything else is an error at its byte offset
//! ("junk or another file appended"). A decoder that read on into such bytes lost the lines it
//! had decoded in the same read (xz with 12 or more bytes of junk lost about 1,000 lines, and the
//! break was reported that many lines early), and zero padding after gzip broke the input off.

use std::io::{self, BufRead, BufReader, Read};

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];
const XZ_MAGIC: &[u8] = &[0xfd, b'7', b'z', b'X', b'Z', 0x00];
const BUF_SIZE: usize = 256 * 1024;
/// The longest magic number looked for.
const MAGIC_LEN: usize = 6;

/// `BZh` and a block size digit.
fn is_bzip2(head: &[u8]) -> bool {
    head.len() >= 4 && head.starts_with(b"BZh") && (b'1'..=b'9').contains(&head[3])
}

/// A zstd skippable frame's magic number: 0x184D2A50 to 0x184D2A5F, little-endian.
fn is_zstd_skippable(head: &[u8]) -> bool {
    head.len() >= 4 && head[0] & 0xf0 == 0x50 && head[1..4] == [0x2a, 0x4d, 0x18]
}

/// Whether `head` starts a zstd stream: a frame, or a skippable frame before one (as pzstd
/// writes).
pub fn is_zstd(head: &[u8]) -> bool {
    head.starts_with(ZSTD_MAGIC) || is_zstd_skippable(head)
}

/// The compressed formats told by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Gzip,
    Zstd,
    Xz,
    Bzip2,
}

impl Format {
    fn of(head: &[u8]) -> Option<Format> {
        if head.starts_with(GZIP_MAGIC) {
            Some(Format::Gzip)
        } else if is_zstd(head) {
            Some(Format::Zstd)
        } else if head.starts_with(XZ_MAGIC) {
            Some(Format::Xz)
        } else if is_bzip2(head) {
            Some(Format::Bzip2)
        } else {
            None
        }
    }

    fn name(self) -> &'static str {
        match self {
            Format::Gzip => "gzip",
            Format::Zstd => "zstd",
            Format::Xz => "xz",
            Format::Bzip2 => "bzip2",
        }
    }

    /// A decoder of one member (stream, frame) read from `r`, which it consumes no further.
    /// `zstd`: a decoder context left by the member before, used again (making one per frame
    /// doubled the time of a file of many small frames).
    fn member(self, r: Counted, zstd: Option<ZstdDecoder>) -> io::Result<Member> {
        Ok(match self {
            Format::Gzip => Member::Gzip(flate2::bufread::GzDecoder::new(r)),
            Format::Zstd => Member::Zstd(ZstdFrame::new(r, zstd_context(zstd)?)),
            Format::Xz => Member::Xz(XzStream::new(
                r,
                xz2::stream::Stream::new_stream_decoder(u64::MAX, 0)?,
            )),
            Format::Bzip2 => Member::Bzip2(bzip2::bufread::BzDecoder::new(r)),
        })
    }
}

/// The most a zstd frame's reader decodes per call.
const ZSTD_OUT: usize = 16 * 1024;

/// A zstd decoder (a `zstd::stream::raw::Operation`, as the zstd crate's own) whose errors
/// keep zstd's error code ([`ZstdError`]), so that what went wrong is told by the code, which
/// zstd keeps stable, not by the words of its message.
pub struct ZstdDecoder(zstd::zstd_safe::DCtx<'static>);

impl ZstdDecoder {
    pub fn new() -> io::Result<ZstdDecoder> {
        zstd::zstd_safe::DCtx::try_create()
            .map(ZstdDecoder)
            .ok_or_else(|| io::Error::other("zstd: cannot make a decoder (out of memory)"))
    }
}

/// An error of zstd's, by its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZstdError(usize);

impl ZstdError {
    /// The frame's content does not match the checksum written at its end.
    pub fn checksum_wrong(self) -> bool {
        // zstd's ERROR(name): the negated value of the stable ZSTD_ErrorCode.
        self.0
            == (zstd::zstd_safe::zstd_sys::ZSTD_ErrorCode::ZSTD_error_checksum_wrong as usize)
                .wrapping_neg()
    }

    /// Whether `e` is zstd's "checksum wrong", as a [`ZstdDecoder`] reports it.
    pub fn is_checksum_wrong(e: &io::Error) -> bool {
        e.get_ref()
            .and_then(|i| i.downcast_ref::<ZstdError>())
            .is_some_and(|z| z.checksum_wrong())
    }

    fn into_io(code: usize) -> io::Error {
        io::Error::other(ZstdError(code))
    }
}

impl std::fmt::Display for ZstdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(zstd::zstd_safe::get_error_name(self.0))
    }
}

impl std::error::Error for ZstdError {}

impl zstd::stream::raw::Operation for ZstdDecoder {
    fn run<C: zstd::stream::raw::WriteBuf + ?Sized>(
        &mut self,
        input: &mut zstd::stream::raw::InBuffer<'_>,
        output: &mut zstd::stream::raw::OutBuffer<'_, C>,
    ) -> io::Result<usize> {
        (self.0)
            .decompress_stream(output, input)
            .map_err(ZstdError::into_io)
    }

    fn reinit(&mut self) -> io::Result<()> {
        (self.0)
            .reset(zstd::zstd_safe::ResetDirective::SessionOnly)
            .map(drop)
            .map_err(ZstdError::into_io)
    }

    fn finish<C: zstd::stream::raw::WriteBuf + ?Sized>(
        &mut self,
        _output: &mut zstd::stream::raw::OutBuffer<'_, C>,
        finished_frame: bool,
    ) -> io::Result<usize> {
        if finished_frame {
            Ok(0)
        } else {
            Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "incomplete frame",
            ))
        }
    }
}

/// One zstd frame (or skippable frame), ended at its end.
type ZstdFrame = Stepwise<ZstdDecoder>;

/// One xz stream, ended at its end. (xz2's reader of one stream, asked for more after its end
/// while more input follows, says "corrupt xz stream" and loses the stream's end.)
type XzStream = Stepwise<xz2::stream::Stream>;

/// What one step of a decoder did: compressed bytes used, bytes written, and whether the member
/// ended (or the error it met, after the bytes it used and wrote).
struct Stepped {
    used: usize,
    written: usize,
    ended: io::Result<bool>,
}

/// A decoder of one member that [`Stepwise`] drives a step at a time: each format supplies only
/// its step.
trait Step {
    /// What a member is called in "corrupt …".
    const MEMBER: &'static str;
    /// Decodes what it can of `input` into `out`; `input` is empty at the end of the file.
    fn step(&mut self, input: &[u8], out: &mut [u8]) -> Stepped;
}

impl Step for ZstdDecoder {
    const MEMBER: &'static str = "zstd frame";
    fn step(&mut self, input: &[u8], out: &mut [u8]) -> Stepped {
        use zstd::stream::raw::{InBuffer, Operation, OutBuffer};
        if input.is_empty() {
            return Stepped {
                used: 0,
                written: 0,
                ended: Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "incomplete frame",
                )),
            };
        }
        let mut inb = InBuffer::around(input);
        // Less than a block at a time, so zstd decodes through its own buffer and a frame whose
        // checksum fails loses only the last piece: the output of a failed call is dropped
        // (zstd-safe), and a block decoded straight into `out` would go with it.
        let room = out.len().min(ZSTD_OUT);
        let mut outb = OutBuffer::around(&mut out[..room]);
        // 0 when the frame is decoded and flushed whole.
        let hint = self.run(&mut inb, &mut outb);
        Stepped {
            used: inb.pos(),
            written: outb.pos(),
            ended: hint.map(|h| h == 0),
        }
    }
}

impl Step for xz2::stream::Stream {
    const MEMBER: &'static str = "xz stream";
    fn step(&mut self, input: &[u8], out: &mut [u8]) -> Stepped {
        use xz2::stream::{Action, Status};
        let (out_before, in_before) = (self.total_out(), self.total_in());
        let action = if input.is_empty() {
            Action::Finish
        } else {
            Action::Run
        };
        let status = self.process(input, out, action);
        Stepped {
            used: (self.total_in() - in_before) as usize,
            written: (self.total_out() - out_before) as usize,
            ended: status
                .map(|s| s == Status::StreamEnd)
                .map_err(io::Error::from),
        }
    }
}

/// One member read by its decoder's steps, ended at its end: what was decoded before an error is
/// handed on first, the error comes at the next read.
struct Stepwise<D> {
    r: Counted,
    d: D,
    done: bool,
    failed: Option<io::Error>,
}

impl<D: Step> Stepwise<D> {
    fn new(r: Counted, d: D) -> Stepwise<D> {
        Stepwise {
            r,
            d,
            done: false,
            failed: None,
        }
    }
}

impl<D: Step> Read for Stepwise<D> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(e) = self.failed.take() {
            self.done = true;
            return Err(e);
        }
        while !self.done && !buf.is_empty() {
            let input = self.r.fill_buf()?;
            let eof = input.is_empty();
            let Stepped {
                used,
                written,
                ended,
            } = self.d.step(input, buf);
            self.r.consume(used);
            match ended {
                Err(e) if written > 0 => {
                    self.failed = Some(e);
                    return Ok(written);
                }
                Err(e) => return Err(e),
                Ok(ended) => self.done = ended,
            }
            if written > 0 {
                return Ok(written);
            }
            if self.done {
                break;
            }
            if eof {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "premature eof",
                ));
            }
            if used == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("corrupt {}", D::MEMBER),
                ));
            }
        }
        Ok(0)
    }
}

/// A zstd decoder context: `d`, the one left by the member before, made ready again, or a new
/// one.
fn zstd_context(d: Option<ZstdDecoder>) -> io::Result<ZstdDecoder> {
    match d {
        Some(mut d) => {
            zstd::stream::raw::Operation::reinit(&mut d)?;
            Ok(d)
        }
        None => ZstdDecoder::new(),
    }
}

/// The compressed bytes, counting those consumed (the offset of what follows the last member).
struct Counted {
    inner: Box<dyn BufRead + Send>,
    pos: u64,
    /// Bytes taken from `inner` to read a magic number across the end of its buffer, served
    /// before `inner`'s (from `front_at` on); at most `MAGIC_LEN`.
    front: Vec<u8>,
    front_at: usize,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = if self.front_at < self.front.len() {
            let n = buf.len().min(self.front.len() - self.front_at);
            buf[..n].copy_from_slice(&self.front[self.front_at..self.front_at + n]);
            self.front_at += n;
            n
        } else {
            self.inner.read(buf)?
        };
        self.pos += n as u64;
        Ok(n)
    }
}

impl BufRead for Counted {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.front_at < self.front.len() {
            return Ok(&self.front[self.front_at..]);
        }
        self.inner.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        self.pos += n as u64;
        if self.front_at < self.front.len() {
            self.front_at = (self.front_at + n).min(self.front.len());
        } else {
            self.inner.consume(n);
        }
    }
}

impl Counted {
    fn new(inner: Box<dyn BufRead + Send>) -> Counted {
        Counted {
            inner,
            pos: 0,
            front: Vec::with_capacity(MAGIC_LEN),
            front_at: 0,
        }
    }

    /// The next `MAGIC_LEN` bytes (fewer at the end), not consumed. When the buffer holds fewer,
    /// they are moved to `front` and topped up from the next read, so that a file of many members
    /// never stacks one buffer on another however its members fall.
    /// (Returned in a fixed array with its length: a file of many small members asks this once
    /// a member.)
    fn peek(&mut self) -> io::Result<([u8; MAGIC_LEN], usize)> {
        let copy = |b: &[u8]| {
            let mut head = [0; MAGIC_LEN];
            let n = b.len().min(MAGIC_LEN);
            head[..n].copy_from_slice(&b[..n]);
            (head, n)
        };
        if self.front_at >= self.front.len() {
            self.front.clear();
            self.front_at = 0;
            let have = self.inner.fill_buf()?;
            if have.len() >= MAGIC_LEN || have.is_empty() {
                return Ok(copy(have));
            }
        } else {
            self.front.drain(..self.front_at);
            self.front_at = 0;
        }
        while self.front.len() < MAGIC_LEN {
            let b = self.inner.fill_buf()?;
            if b.is_empty() {
                break;
            }
            let k = b.len().min(MAGIC_LEN - self.front.len());
            self.front.extend_from_slice(&b[..k]);
            self.inner.consume(k);
        }
        Ok(copy(&self.front))
    }

    /// Consumes the zero bytes that come next; how many.
    fn skip_zeros(&mut self) -> io::Result<u64> {
        let mut n = 0;
        loop {
            let b = self.fill_buf()?;
            let z = b.iter().take_while(|&&x| x == 0).count();
            if z == 0 {
                return Ok(n);
            }
            self.consume(z);
            n += z as u64;
        }
    }
}

/// One member's decoder.
enum Member {
    Gzip(flate2::bufread::GzDecoder<Counted>),
    Zstd(ZstdFrame),
    Xz(XzStream),
    Bzip2(bzip2::bufread::BzDecoder<Counted>),
}

impl Member {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Member::Gzip(d) => d.read(buf),
            Member::Zstd(d) => d.read(buf),
            Member::Xz(d) => d.read(buf),
            Member::Bzip2(d) => d.read(buf),
        }
    }

    /// Whether the member ended before its header did (a gzip member cut within its first
    /// bytes: flate2 then gives no data and no error).
    fn header_cut_short(&self) -> bool {
        matches!(self, Member::Gzip(d) if d.header().is_none())
    }

    /// How many compressed bytes of the input were read.
    fn compressed_pos(&self) -> u64 {
        match self {
            Member::Gzip(d) => d.get_ref().pos,
            Member::Zstd(f) => f.r.pos,
            Member::Xz(d) => d.r.pos,
            Member::Bzip2(d) => d.get_ref().pos,
        }
    }

    /// The compressed bytes after the member, and a zstd context to use again.
    fn into_inner(self) -> (Counted, Option<ZstdDecoder>) {
        match self {
            Member::Gzip(d) => (d.into_inner(), None),
            Member::Zstd(f) => (f.r, Some(f.d)),
            Member::Xz(d) => (d.r, None),
            Member::Bzip2(d) => (d.into_inner(), None),
        }
    }
}

/// The members of a compressed file, one after another, and a judgement of what follows the
/// last (see the module documentation).
struct Members {
    format: Format,
    name: String,
    member: Option<Member>,
    /// Notes (zero padding read past) kept off stderr (`--quiet`).
    quiet: bool,
    /// The error that ended the input, handed out again on every later read.
    failed: Option<(io::ErrorKind, String)>,
}

impl Read for Members {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if let Some((kind, msg)) = &self.failed {
                return Err(io::Error::new(*kind, msg.clone()));
            }
            let Some(m) = self.member.as_mut() else {
                return Ok(0);
            };
            let got = m.read(buf);
            let ended = match &got {
                Ok(n) => *n == 0 && !buf.is_empty(),
                Err(e) => e.kind() != io::ErrorKind::Interrupted,
            };
            if ended && m.header_cut_short() {
                // flate2 ends quietly (or with "unexpected end of file") where the input ends
                // inside a member's header (the first 10 bytes and more): an archive cut there
                // read as an empty input.
                let msg = format!(
                    "a {} member's header ends early, at byte {}",
                    self.format.name(),
                    m.compressed_pos()
                );
                self.failed = Some((io::ErrorKind::UnexpectedEof, msg.clone()));
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, msg));
            }
            match got {
                Ok(0) if ended => {
                    let inner = self
                        .member
                        .take()
                        .expect("a member is being read")
                        .into_inner();
                    self.next_member(inner.0, inner.1)?;
                }
                Err(e) if ended => {
                    // The first error is the one that tells what broke: kept and handed out
                    // again, as a decoder asked once more after it answers something else
                    // (bzip2: "sequence of operations invalid").
                    let e = told(self.format, e, m.compressed_pos());
                    self.failed = Some((e.kind(), e.to_string()));
                    return Err(e);
                }
                other => return other,
            }
        }
    }
}

/// A decoder's error in the words a user can act on: bzip2 calls a block whose CRC does not
/// match, or whose structure is damaged, only "invalid data".
fn told(format: Format, e: io::Error, at: u64) -> io::Error {
    let bz = e.get_ref().and_then(|x| x.downcast_ref::<bzip2::Error>());
    match (format, bz) {
        (Format::Bzip2, Some(bzip2::Error::Data)) => io::Error::new(
            io::ErrorKind::InvalidData,
            format!("bzip2 data damaged near compressed byte {at} (a block's CRC does not match, or its structure is broken)"),
        ),
        (Format::Bzip2, Some(bzip2::Error::DataMagic)) => io::Error::new(
            io::ErrorKind::InvalidData,
            format!("no bzip2 stream where one should begin, at compressed byte {at}"),
        ),
        _ => e,
    }
}

impl Members {
    /// After a member: the next one, the end (after zero padding, noted), or an error for what
    /// is neither.
    fn next_member(&mut self, mut inner: Counted, zstd: Option<ZstdDecoder>) -> io::Result<()> {
        let at = inner.pos;
        let zeros = inner.skip_zeros()?;
        let (head, n) = inner.peek()?;
        let head = &head[..n];
        if head.is_empty() {
            if zeros > 0 && !self.quiet {
                crate::eline!(
                    "outcry: note: {}: {zeros} zero bytes after the last {} member, read as padding",
                    crate::terminal::escape(&self.name),
                    self.format.name()
                );
            }
            return Ok(());
        }
        if Format::of(head) == Some(self.format) {
            self.member = Some(self.format.member(inner, zstd)?);
            return Ok(());
        }
        let what = if zeros > 0 {
            format!("{zeros} zero bytes and then ")
        } else {
            String::new()
        };
        let msg = format!(
            "{what}bytes that are not {} at byte {} after the last whole {} member (junk, or another file appended); every line before it was read",
            self.format.name(),
            at + zeros,
            self.format.name()
        );
        self.failed = Some((io::ErrorKind::InvalidData, msg.clone()));
        Err(io::Error::new(io::ErrorKind::InvalidData, msg))
    }
}

/// Looks at the first bytes and returns a reader of the decompressed stream; `name` is the
/// input's name in notes, which `quiet` keeps off stderr (`--quiet`).
pub fn decompress(
    raw: Box<dyn Read + Send>,
    name: &str,
    quiet: bool,
) -> io::Result<Box<dyn BufRead + Send>> {
    Ok(unwrap(raw, name, quiet)?.0)
}

/// As [`decompress`], with the name of the archive format unwrapped (`None`: not compressed).
pub(super) fn unwrap(
    mut raw: Box<dyn Read + Send>,
    name: &str,
    quiet: bool,
) -> io::Result<(Box<dyn BufRead + Send>, Option<&'static str>)> {
    // A pipe may hand over fewer bytes per read than a magic number has: loop until we have 6.
    // The first read asks for as much as the sniffing wants (`super::HEAD`): a head of only 6
    // bytes in front of the rest made the first `fill_buf` hand over 6 bytes, and
    // `Source::head_until` then put a second `BufReader` over the first, which copied every
    // byte of the input once more on its way to the CSV reader (~1 instruction a byte).
    let mut head = vec![0u8; super::HEAD];
    let mut n = 0;
    let mut ended = false;
    while n < MAGIC_LEN {
        match raw.read(&mut head[n..]) {
            Ok(0) => {
                ended = true;
                break;
            }
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    head.truncate(n);
    let format = Format::of(&head);
    // A terminal's end of input (Ctrl-D) is not lasting: it is never asked for more after it.
    let rest: Box<dyn Read + Send> = if ended { Box::new(io::empty()) } else { raw };
    let buffered = BufReader::with_capacity(BUF_SIZE, io::Cursor::new(head).chain(rest));
    let Some(format) = format else {
        return Ok((Box::new(buffered), None));
    };
    let counted = Counted::new(Box::new(buffered));
    let members = Members {
        format,
        name: name.to_string(),
        member: Some(format.member(counted, None)?),
        quiet,
        failed: None,
    };
    // A zstd frame's reader hands over at most `ZSTD_OUT` bytes a read, so a larger buffer
    // here is never filled further; sized so, every read of that much or more bypasses it and
    // goes straight into the caller's buffer. With `BUF_SIZE` the reads that fill the last
    // quarter of a chunk (`stream/parallel.rs`) went through it, each byte copied once more.
    let capacity = match format {
        Format::Zstd => ZSTD_OUT,
        _ => BUF_SIZE,
    };
    let reader = BufReader::with_capacity(capacity, members);
    Ok((Box::new(reader), Some(format.name())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::tests::Trickle;
    use crate::input::{Line, LineReader};
    use std::io::Write;

    fn lines_of(data: Vec<u8>) -> Vec<String> {
        let r = decompress(Box::new(io::Cursor::new(data)), "test", false).unwrap();
        let mut lr = LineReader::new(r);
        let mut out = vec![];
        while let Some((_, l)) = lr.next_line() {
            match l {
                Line::Full(b) => out.push(String::from_utf8_lossy(b).into_owned()),
                Line::TooLong(n) => out.push(format!("TOO LONG {n}")),
                Line::Broken(b, e) => out.push(format!(
                    "BROKEN {} {}",
                    String::from_utf8_lossy(b),
                    e.kind()
                )),
            }
        }
        out
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(vec![], flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn plain_lines_with_crlf_and_no_final_newline() {
        assert_eq!(lines_of(b"a\r\nb\n\nc".to_vec()), ["a", "b", "", "c"]);
    }

    #[test]
    fn multi_member_gzip_reads_every_member() {
        let mut data = gz(b"one\ntwo\n");
        data.extend(gz(b"three\n"));
        assert_eq!(lines_of(data), ["one", "two", "three"]);
    }

    /// Many members, each starting where the buffer holds fewer bytes than a magic number: every
    /// line is read, in order, and the bytes a magic number was read across are served once.
    /// (A peek across a buffer's end used to wrap the reader in a new 256 KiB buffer each time,
    /// never unwrapped: memory grew with the number of members on a slow pipe.)
    #[test]
    fn members_on_a_trickling_pipe_read_whole() {
        let want: Vec<String> = (0..300).map(|k| format!("line {k}")).collect();
        for (name, one) in [
            ("gzip", gz as fn(&[u8]) -> Vec<u8>),
            ("zstd", |d: &[u8]| zstd::encode_all(d, 1).unwrap()),
        ] {
            let data: Vec<u8> = want
                .iter()
                .flat_map(|l| one(format!("{l}\n").as_bytes()))
                .collect();
            let r = decompress(Box::new(Trickle(io::Cursor::new(data))), name, false).unwrap();
            let mut lr = LineReader::new(r);
            let mut got = vec![];
            while let Some((_, l)) = lr.next_line() {
                match l {
                    Line::Full(b) => got.push(String::from_utf8_lossy(b).into_owned()),
                    _ => panic!("{name}: a line not read whole"),
                }
            }
            assert_eq!(got, want, "{name}");
        }
    }

    /// Reads of every size, straddling the zstd reader's largest read (`ZSTD_OUT`) and the
    /// buffer of the other formats (`BUF_SIZE`), as the parallel reader's are when it fills the
    /// rest of a chunk: the decoded bytes come whole and in order, across two members.
    #[test]
    fn reads_of_any_size_give_the_decoded_bytes_whole() {
        let text: Vec<u8> = (0..40_000u32)
            .flat_map(|k| {
                format!("{{\"id\":{k},\"text\":\"line {}\"}}\n", k * 7919 % 1000).into_bytes()
            })
            .collect();
        let (a, b) = text.split_at(text.len() / 3);
        for (name, one) in [
            ("gzip", gz as fn(&[u8]) -> Vec<u8>),
            ("zstd", |d: &[u8]| zstd::encode_all(d, 1).unwrap()),
        ] {
            let mut data = one(a);
            data.extend(one(b));
            for size in [
                1,
                4095,
                ZSTD_OUT - 1,
                ZSTD_OUT,
                ZSTD_OUT + 1,
                BUF_SIZE + 3,
                1 << 20,
            ] {
                let mut r =
                    decompress(Box::new(io::Cursor::new(data.clone())), name, false).unwrap();
                let (mut got, mut buf) = (vec![], vec![0u8; size]);
                loop {
                    let n = r.read(&mut buf).unwrap();
                    if n == 0 {
                        break;
                    }
                    got.extend_from_slice(&buf[..n]);
                }
                assert!(
                    got == text,
                    "{name}, reads of {size} bytes: {} of {} bytes",
                    got.len(),
                    text.len()
                );
            }
        }
    }

    #[test]
    fn zstd_is_recognised_by_magic() {
        let data = zstd::encode_all(&b"x\ny\n"[..], 3).unwrap();
        assert_eq!(lines_of(data), ["x", "y"]);
    }

    #[test]
    fn truncated_gzip_is_reported_not_hidden() {
        let mut data = gz("first\nsecond line that is long enough\n"
            .repeat(50)
            .as_bytes());
        data.truncate(data.len() - 12);
        let out = lines_of(data);
        assert!(out.last().unwrap().starts_with("BROKEN"), "{out:?}");
    }

    /// An archive cut inside a gzip member's header (its first ten bytes and the name after
    /// them), the first member's or a later one's, broke off: flate2 ends there without an
    /// error, and such a file read as empty.
    #[test]
    fn gzip_cut_inside_a_header_is_reported_not_read_as_empty() {
        let mut named = gz(b"a line\n");
        named[3] |= 0x08; // FNAME: a name follows the ten bytes
        named.splice(10..10, b"tweets.jsonl\0".iter().copied());
        assert_eq!(lines_of(named.clone()), ["a line"]);
        for cut in 2..22 {
            let out = lines_of(named[..cut].to_vec());
            assert!(
                out.last().is_some_and(|l| l.starts_with("BROKEN")),
                "cut at {cut}: {out:?}"
            );
            let mut two = gz(b"first\n");
            two.extend_from_slice(&named[..cut]);
            let out = lines_of(two);
            assert_eq!(out[0], "first", "cut at {cut}: {out:?}");
            assert!(out[1].starts_with("BROKEN"), "cut at {cut}: {out:?}");
        }
    }

    #[test]
    fn xz_and_bzip2_are_recognised_by_magic_and_concatenated_streams_read() {
        let xz = |d: &[u8]| {
            let mut e = xz2::write::XzEncoder::new(vec![], 1);
            e.write_all(d).unwrap();
            e.finish().unwrap()
        };
        let bz = |d: &[u8]| {
            let mut e = bzip2::write::BzEncoder::new(vec![], bzip2::Compression::fast());
            e.write_all(d).unwrap();
            e.finish().unwrap()
        };
        let mut data = xz(b"x\ny\n");
        data.extend(xz(b"z\n"));
        assert_eq!(lines_of(data), ["x", "y", "z"]);
        let mut data = bz(b"a\nb\n");
        data.extend(bz(b"c\n"));
        assert_eq!(lines_of(data), ["a", "b", "c"]);
        // Truncated: the last thing read is a broken line, not a quiet end.
        for mut data in [
            xz("first\nsecond line\n".repeat(200).as_bytes()),
            bz("first\nsecond line\n".repeat(200).as_bytes()),
        ] {
            data.truncate(data.len() / 2);
            let out = lines_of(data);
            assert!(out.last().unwrap().starts_with("BROKEN"), "{out:?}");
        }
    }

    /// A bzip2 stream whose block CRC (or whose stream CRC) does not match is told as damaged
    /// data at a byte, the same message however often it is read; it said "invalid data", or
    /// on a second read "sequence of operations invalid".
    #[test]
    fn a_damaged_bzip2_stream_is_told_as_damaged_and_told_alike_when_read_again() {
        let mut e = bzip2::write::BzEncoder::new(vec![], bzip2::Compression::fast());
        e.write_all("a post\n".repeat(300).as_bytes()).unwrap();
        let good = e.finish().unwrap();
        // The block's CRC follows its six-byte magic after the four-byte header; the stream's
        // CRC is in the last bytes.
        for at in [10, good.len() - 3] {
            let mut data = good.clone();
            data[at] ^= 0x01;
            let (_, told) = read_through(data.clone());
            let told = told.expect("a break");
            assert!(
                told.contains("bzip2 data damaged near compressed byte"),
                "{at}: {told}"
            );
            let mut r = decompress(Box::new(io::Cursor::new(data)), "test", true).unwrap();
            let mut buf = vec![0; 1 << 16];
            let first = loop {
                match r.read(&mut buf) {
                    Ok(0) => panic!("no error"),
                    Ok(_) => {}
                    Err(e) => break e.to_string(),
                }
            };
            assert_eq!(r.read(&mut buf).unwrap_err().to_string(), first);
        }
    }

    /// A compressor: the data, compressed.
    type Pack = fn(&[u8]) -> Vec<u8>;

    /// Every compressed format, as a function of the data.
    fn each_format() -> Vec<(&'static str, Pack)> {
        vec![
            ("gzip", gz as Pack),
            ("zstd", |d| zstd::encode_all(d, 3).unwrap()),
            ("xz", |d| {
                let mut e = xz2::write::XzEncoder::new(vec![], 1);
                e.write_all(d).unwrap();
                e.finish().unwrap()
            }),
            ("bzip2", |d| {
                let mut e = bzip2::write::BzEncoder::new(vec![], bzip2::Compression::fast());
                e.write_all(d).unwrap();
                e.finish().unwrap()
            }),
        ]
    }

    /// The text of the lines before a break, and the break's message (if any).
    fn read_through(data: Vec<u8>) -> (usize, Option<String>) {
        let r = decompress(Box::new(io::Cursor::new(data)), "test", true).unwrap();
        let mut lr = LineReader::new(r);
        let mut n = 0;
        while let Some((_, l)) = lr.next_line() {
            match l {
                Line::Full(_) => n += 1,
                Line::TooLong(_) => panic!("too long"),
                Line::Broken(_, e) => return (n, Some(e.to_string())),
            }
        }
        (n, None)
    }

    #[test]
    fn junk_after_the_last_member_keeps_every_line_and_is_told_at_its_offset() {
        // Before: xz with 12 or more bytes of junk lost the lines decoded in the last read
        // (about 1,000 of 2,500) and broke off that many lines early.
        let text =
            "{\"created_at\":\"2009-02-24T10:00:00Z\",\"text\":\"gmail down\"}\n".repeat(5000);
        for (name, pack) in each_format() {
            for junk in [
                &b"trailing garbage here\n"[..],
                b"0123456789ab",
                b"\0\0\0\0x",
            ] {
                let mut data = pack(text.as_bytes());
                let at = data.len() + junk.iter().take_while(|&&b| b == 0).count();
                data.extend_from_slice(junk);
                let (n, e) = read_through(data);
                assert_eq!(n, 5000, "{name} {junk:?}");
                let e = e.unwrap_or_default();
                assert!(
                    e.contains(&format!("not {name} at byte {at}")),
                    "{name}: {e}"
                );
            }
        }
    }

    #[test]
    fn zero_bytes_after_the_last_member_are_padding() {
        // Before: gzip, zstd and bzip2 with zero padding (tape blocks) broke off, exit 3.
        let text = "a line of text\n".repeat(3000);
        for (name, pack) in each_format() {
            for pad in [1, 3, 1000, 300_000] {
                let mut data = pack(text.as_bytes());
                data.resize(data.len() + pad, 0);
                assert_eq!(read_through(data), (3000, None), "{name} {pad}");
            }
            // Members, with padding between them too.
            let mut data = pack(text.as_bytes());
            data.resize(data.len() + 8, 0);
            data.extend(pack(text.as_bytes()));
            assert_eq!(read_through(data), (6000, None), "{name}");
        }
    }

    #[test]
    fn a_zstd_file_may_start_with_a_skippable_frame() {
        // As pzstd writes: a skippable frame (magic 0x184D2A5?) before the data; one at the end
        // and between frames too. Before: refused as a binary file.
        let skippable = |m: u8| {
            let mut f = vec![0x50 | m, 0x2a, 0x4d, 0x18, 4, 0, 0, 0];
            f.extend_from_slice(b"ABCD");
            f
        };
        let frame = zstd::encode_all(&b"x\ny\n"[..], 3).unwrap();
        let data = [
            skippable(0),
            frame.clone(),
            skippable(0xf),
            frame,
            skippable(7),
        ]
        .concat();
        assert_eq!(lines_of(data), ["x", "y", "x", "y"]);
    }

    /// A zstd frame whose content does not match its checksum fails with zstd's code for it,
    /// which a caller tells by the error's structure (`ZstdError`), not by its words; a frame cut
    /// short fails otherwise.
    #[test]
    fn a_wrong_zstd_checksum_is_told_by_its_code() {
        let text = "a line of text\n".repeat(3000);
        let frame = |t: &str| {
            let mut z = zstd::stream::write::Encoder::new(vec![], 3).unwrap();
            z.include_checksum(true).unwrap();
            z.write_all(t.as_bytes()).unwrap();
            z.finish().unwrap()
        };
        let good = frame(&text);
        let mut bad = frame(&text.replacen("a line", "b line", 1));
        let n = bad.len();
        bad[n - 4..].copy_from_slice(&good[good.len() - 4..]);
        let read = |data: Vec<u8>| {
            let mut r = decompress(Box::new(io::Cursor::new(data)), "test", true).unwrap();
            r.read_to_end(&mut vec![]).unwrap_err()
        };
        let e = read(bad);
        assert!(ZstdError::is_checksum_wrong(&e), "{e}");
        let mut cut = good.clone();
        cut.truncate(n / 2);
        let e = read(cut);
        assert!(!ZstdError::is_checksum_wrong(&e), "{e}");
        // As the partial reader reads: zstd's own reader around the same decoder.
        let mut bad = frame(&text.replacen("a line", "b line", 1));
        bad[n - 4..].copy_from_slice(&good[good.len() - 4..]);
        let mut z = zstd::stream::zio::Reader::new(&bad[..], ZstdDecoder::new().unwrap());
        let e = z.read_to_end(&mut vec![]).unwrap_err();
        assert!(ZstdError::is_checksum_wrong(&e), "{e}");
    }

    #[test]
    fn tiny_inputs_shorter_than_a_magic() {
        assert_eq!(lines_of(b"{".to_vec()), ["{"]);
        assert!(lines_of(vec![]).is_empty());
    }
}
