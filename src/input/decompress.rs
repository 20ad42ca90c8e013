//! Archives unwrapped by their first bytes, not their names: gzip, zstd, xz and bzip2 (every
//! member or stream of a concatenated file); anything else passes through. A truncated or
//! corrupt archive is a read error at the point where it breaks off, never a quiet end.

use std::io::{self, BufRead, BufReader, Read};

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];
const XZ_MAGIC: &[u8] = &[0xfd, b'7', b'z', b'X', b'Z', 0x00];
const BUF_SIZE: usize = 256 * 1024;

/// `BZh` and a block size digit.
fn is_bzip2(head: &[u8]) -> bool {
    head.len() >= 4 && head.starts_with(b"BZh") && (b'1'..=b'9').contains(&head[3])
}

/// Looks at the first bytes and returns a reader of the decompressed stream.
pub fn decompress(mut raw: Box<dyn Read + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    // A pipe may hand over fewer bytes per read than a magic number has: loop until we have 6.
    let mut head = [0u8; 6];
    let mut n = 0;
    let mut ended = false;
    while n < head.len() {
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
    let head = &head[..n];
    // A terminal's end of input (Ctrl-D) is not lasting: it is never asked for more after it.
    let rest: Box<dyn Read + Send> = if ended { Box::new(io::empty()) } else { raw };
    let buffered = BufReader::with_capacity(BUF_SIZE, io::Cursor::new(head.to_vec()).chain(rest));
    if head.starts_with(GZIP_MAGIC) {
        let gz = flate2::bufread::MultiGzDecoder::new(buffered);
        Ok(Box::new(BufReader::with_capacity(BUF_SIZE, gz)))
    } else if head.starts_with(ZSTD_MAGIC) {
        let z = zstd::stream::read::Decoder::with_buffer(buffered)?;
        Ok(Box::new(BufReader::with_capacity(BUF_SIZE, z)))
    } else if head.starts_with(XZ_MAGIC) {
        let xz = xz2::bufread::XzDecoder::new_multi_decoder(buffered);
        Ok(Box::new(BufReader::with_capacity(BUF_SIZE, xz)))
    } else if is_bzip2(head) {
        let bz = bzip2::bufread::MultiBzDecoder::new(buffered);
        Ok(Box::new(BufReader::with_capacity(BUF_SIZE, bz)))
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

    #[test]
    fn tiny_inputs_shorter_than_a_magic() {
        assert_eq!(lines_of(b"{".to_vec()), ["{"]);
        assert!(lines_of(vec![]).is_empty());
    }
}
