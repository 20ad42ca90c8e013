//! The last minute read by [`super::rfc3339_fixed`], remembered: the posts of a dump come in
//! time order, many to a minute, so a time whose first sixteen bytes (`YYYY-MM-DDTHH:MM`) and
//! zone are those of the time before it differs from it only in its seconds. Such a time is
//! read from its three last bytes of the clock (`:SS`) and the remembered instant of its
//! minute, instead of again from every field (~200 instructions a line on the chat slice, most
//! of them the date's checks and its days from the epoch).

use super::{rfc3339_fixed, Ts};

/// The minute of the last time [`MinuteMemo::read`] read in full.
#[derive(Debug, Clone, Default)]
pub(super) struct MinuteMemo {
    /// Bytes 0..16 of that time (`YYYY-MM-DDTHH:MM`), little-endian.
    head: u128,
    /// Its zone (the bytes from 19 on, at most 6) with their count in the top byte; 0: no
    /// minute remembered (no zone is empty).
    zone: u64,
    /// The instant of second 0 of that minute.
    base: Ts,
}

impl MinuteMemo {
    /// What [`rfc3339_fixed`] answers for `b`, the same for every text.
    #[inline]
    pub(super) fn read(&mut self, b: &[u8]) -> Option<Ts> {
        let zone = zone_of(b);
        if zone == 0 {
            return None; // rfc3339_fixed reads a zone of one or six bytes only
        }
        let head = head_of(b);
        if self.zone == zone && self.head == head {
            // The date, the hour and minute and the zone were checked when the minute was
            // remembered; what is left is rfc3339_fixed's test of `:SS` (a colon, two digits,
            // at most 59 seconds).
            if let [b':', s1 @ b'0'..=b'5', s2 @ b'0'..=b'9'] = b[16..19] {
                return Some(self.base + i64::from((s1 - b'0') * 10 + (s2 - b'0')));
            }
            return None;
        }
        let ts = rfc3339_fixed(b)?;
        // A time read has `:SS` at 16..19 (rfc3339_fixed checks it).
        let s = i64::from((b[17] - b'0') * 10 + (b[18] - b'0'));
        *self = MinuteMemo {
            head,
            zone,
            base: ts - s,
        };
        Some(ts)
    }
}

/// Bytes 0..16 of `b`, little-endian (0 for a shorter `b`, which has no zone).
#[inline]
fn head_of(b: &[u8]) -> u128 {
    b.first_chunk::<16>().map_or(0, |h| u128::from_le_bytes(*h))
}

/// The bytes of `b` from 19 on, for one to six of them, with their count in the top byte; 0
/// for any other length (none that [`rfc3339_fixed`] reads).
#[inline]
fn zone_of(b: &[u8]) -> u64 {
    let Some(z) = b.get(19..).filter(|z| (1..=6).contains(&z.len())) else {
        return 0;
    };
    let mut w = [0u8; 8];
    w[..z.len()].copy_from_slice(z);
    w[7] = z.len() as u8;
    u64::from_le_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Times of one or two minutes and zones, seconds and marks drawn over and past their range.
    fn times() -> impl Strategy<Value = String> {
        let minute = prop::sample::select(vec![
            "2024-03-01T09:00",
            "2024-03-01T09:01",
            "2024-02-29T23:59",
            "2023-02-29T10:00",
            "2024-03-01 09:00",
            "2024-13-01T09:00",
        ]);
        let sep = prop::sample::select(vec![":", ":", ":", "-", "x"]);
        let zone = prop::sample::select(vec![
            "Z",
            "z",
            "+09:00",
            "-05:00",
            "+24:00",
            "+09:60",
            "+0900",
            "",
            "+09:00:00",
            "X",
        ]);
        (minute, sep, 0u32..70, any::<bool>(), zone).prop_map(|(m, sep, s, pad, z)| {
            let secs = if pad {
                format!("{s:02}")
            } else {
                format!("{s}")
            };
            format!("{m}{sep}{secs}{z}")
        })
    }

    proptest! {
        #[test]
        fn the_remembered_minute_reads_every_time_as_rfc3339_fixed_does(
            texts in prop::collection::vec(times(), 1..40)
        ) {
            let mut memo = MinuteMemo::default();
            for t in &texts {
                prop_assert_eq!(memo.read(t.as_bytes()), rfc3339_fixed(t.as_bytes()), "{}", t);
            }
        }
    }

    #[test]
    fn a_minute_s_seconds_are_read_from_the_remembered_one() {
        let mut memo = MinuteMemo::default();
        let first = memo.read(b"2024-03-01T09:00:00+09:00").unwrap();
        assert_eq!(memo.read(b"2024-03-01T09:00:37+09:00"), Some(first + 37));
        assert_eq!(memo.read(b"2024-03-01T09:00:60+09:00"), None);
        assert_eq!(
            memo.read(b"2024-03-01T09:00:37Z"),
            Some(first + 37 + 9 * 3600)
        );
    }
}
