//! The vetter's weights file as rows: its settings and one (feature key, three weights) row a
//! feature, in file order; and a compact binary form of them. The shipped file is read into rows
//! once, by `build.rs` (which includes this file by its path, so it uses nothing but `std`), and
//! the binary form is built into the program, which decodes it at start instead of parsing
//! 21,000 lines of decimal numbers; a user's file is read by the same code at run time.

/// A feature's hash: FNV-1a over a tag byte and its text.
#[derive(Clone, Copy)]
pub struct Fnv(pub u64);

impl Fnv {
    pub fn new(tag: u8) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325).feed(&[tag])
    }
    pub fn feed(mut self, bytes: &[u8]) -> Fnv {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }
    /// The key (never 0, which marks an empty slot).
    pub fn key(self) -> u64 {
        self.0.max(1)
    }
}

/// The key of a feature as the weights file writes it (`w crashes`: tag `w`, text `crashes`).
pub fn key_of(tag: u8, text: &str) -> u64 {
    Fnv::new(tag).feed(text.as_bytes()).key()
}

/// A weights file read.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    pub bias: [f32; 3],
    pub veto: f32,
    pub promote: f32,
    pub trained: String,
    /// A hash of the whole file.
    pub digest: u64,
    /// Each feature's key and weights, in file order.
    pub rows: Vec<(u64, [f32; 3])>,
}

/// Reads a weights file: `#` comments; `= bias W0 W1 W2`, `= veto P`, `= promote P`,
/// `= trained TEXT`; then one feature a line, `TAG TEXT<TAB>W0 W1 W2`.
pub fn read(text: &str) -> Result<Rows, String> {
    let mut r = Rows {
        bias: [0.0; 3],
        veto: 1.1,
        promote: 1.1,
        trained: String::new(),
        digest: Fnv::new(b'v').feed(text.as_bytes()).key(),
        rows: Vec::new(),
    };
    let three = |s: &str, n: usize| -> Result<[f32; 3], String> {
        let w: Vec<f32> = s
            .split_whitespace()
            .map(|x| x.parse::<f32>().map_err(|e| format!("line {n}: {e}")))
            .collect::<Result<_, _>>()?;
        <[f32; 3]>::try_from(w).map_err(|_| format!("line {n}: three weights"))
    };
    for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("= ") {
            let (what, val) = rest.split_once(' ').unwrap_or((rest, ""));
            let num = || {
                val.trim()
                    .parse::<f32>()
                    .map_err(|e| format!("line {n}: {e}"))
            };
            match what {
                "bias" => r.bias = three(val, n)?,
                "veto" => r.veto = num()?,
                "promote" => r.promote = num()?,
                "trained" => r.trained = val.to_string(),
                _ => return Err(format!("line {n}: unknown setting {what:?}")),
            }
            continue;
        }
        let (feature, weights) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {n}: no tab"))?;
        let (tag, ftext) = feature
            .split_once(' ')
            .filter(|(t, _)| t.len() == 1)
            .ok_or_else(|| format!("line {n}: feature is TAG TEXT"))?;
        r.rows
            .push((key_of(tag.as_bytes()[0], ftext), three(weights, n)?));
    }
    Ok(r)
}

/// The binary form: the digest, the bias, veto and promote, the length and bytes of `trained`,
/// the number of rows, then each row's key and weights; integers and the bits of the floats
/// little-endian. (`build.rs` writes it; the program only decodes, but for its tests.)
#[cfg_attr(not(test), allow(dead_code))]
pub fn encode(r: &Rows) -> Vec<u8> {
    let mut out = Vec::with_capacity(48 + r.trained.len() + r.rows.len() * 20);
    out.extend_from_slice(&r.digest.to_le_bytes());
    for x in r.bias.iter().chain([&r.veto, &r.promote]) {
        out.extend_from_slice(&x.to_bits().to_le_bytes());
    }
    out.extend_from_slice(&(r.trained.len() as u32).to_le_bytes());
    out.extend_from_slice(r.trained.as_bytes());
    out.extend_from_slice(&(r.rows.len() as u32).to_le_bytes());
    for (key, w) in &r.rows {
        out.extend_from_slice(&key.to_le_bytes());
        for x in w {
            out.extend_from_slice(&x.to_bits().to_le_bytes());
        }
    }
    out
}

/// Reads what [`encode`] wrote; `None` when the bytes are not such a form.
pub fn decode(mut b: &[u8]) -> Option<Rows> {
    let digest = u64::from_le_bytes(take(&mut b)?);
    let mut f = || Some(f32::from_bits(u32::from_le_bytes(take(&mut b)?)));
    let (bias, veto, promote) = ([f()?, f()?, f()?], f()?, f()?);
    let len = u32::from_le_bytes(take(&mut b)?) as usize;
    let trained = std::str::from_utf8(b.get(..len)?).ok()?.to_string();
    b = &b[len..];
    let n = u32::from_le_bytes(take(&mut b)?) as usize;
    if b.len() != n * 20 {
        return None;
    }
    let rows = b
        .chunks_exact(20)
        .map(|c| {
            let w =
                |k: usize| f32::from_bits(u32::from_le_bytes([c[k], c[k + 1], c[k + 2], c[k + 3]]));
            let key = u64::from_le_bytes(c[..8].try_into().expect("eight bytes"));
            (key, [w(8), w(12), w(16)])
        })
        .collect();
    Some(Rows {
        bias,
        veto,
        promote,
        trained,
        digest,
        rows,
    })
}

/// The first `N` bytes of `b`, which moves past them.
fn take<const N: usize>(b: &mut &[u8]) -> Option<[u8; N]> {
    let head: [u8; N] = b.get(..N)?.try_into().ok()?;
    *b = &b[N..];
    Some(head)
}
