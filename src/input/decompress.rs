//! Archives unwrapped by their first bytes, not their names: gzip (every member of a
//! multi-member file) and zstd; anything else passes through.

use std::io::{self, BufRead, BufReader, Read};

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];
const BUF_SIZE: usize = 256 * 1024;

/// Looks at the first bytes and returns a reader of the decompressed stream.
pub fn decompress(mut raw: Box<dyn Read + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    // A pipe may hand over fewer bytes per read than a magic number has: loop until we have 4.
    let mut head = [0u8; 4];
    let mut n = 0;
    while n < head.len() {
        match raw.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    let head = &head[..n];
    let buffered = BufReader::with_capacity(BUF_SIZE, io::Cursor::new(head.to_vec()).chain(raw));
    if head.starts_with(GZIP_MAGIC) {
        let gz = flate2::bufread::MultiGzDecoder::new(buffered);
        Ok(Box::new(BufReader::with_capacity(BUF_SIZE, gz)))
    } else if head.starts_with(ZSTD_MAGIC) {
        let z = zstd::stream::read::Decoder::with_buffer(buffered)?;
        Ok(Box::new(BufReader::with_capacity(BUF_SIZE, z)))
    } else {
        Ok(Box::new(buffered))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Line, LineReader};
    use std::io::Write;

    fn lines_of(data: Vec<u8>) -> Vec<String> {
        let r = decompress(Box::new(io::Cursor::new(data))).unwrap();
        let mut lr = LineReader::new(r);
        let mut out = vec![];
        while let Some((_, l)) = lr.next_line() {
            match l {
                Line::Full(b) => out.push(String::from_utf8_lossy(b).into_owned()),
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

    #[test]
    fn tiny_inputs_shorter_than_a_magic() {
        assert_eq!(lines_of(b"{".to_vec()), ["{"]);
        assert!(lines_of(vec![]).is_empty());
    }
}
