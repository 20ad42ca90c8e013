//! The vetter's weights file as rows: its settings and one (feature key, three weights) row a
//! feature, in file order; the weight table the program looks features up in, built from the
//! rows; and a compact binary form of a model. The shipped files are read and their tables built
//! once, by `build.rs` (which includes this file by its path, so it uses nothing but `std`), and
//! the binary form is built into the program, which reads its table where it lies instead of
//! parsing 51,000 lines of decimal numbers or building a table of 3 MB at every start; a user's
//! file is read, and its table built, by the same code at run time.

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

/// The bytes of one slot of a weight table ([`table`]): the feature's key (0 when the slot is
/// empty) and its three weights, little-endian, then four bytes of zeros.
pub const SLOT: usize = 24;

/// The weight table of `rows`: an open-addressed table of [`SLOT`]-byte slots, twice as many as
/// the rows (a power of two, at least 16), each row at its key's low bits or the first free slot
/// after (wrapping); two rows of one key (a hash collision) add up, in file order.
pub fn table(rows: &[(u64, [f32; 3])]) -> Vec<u8> {
    let size = (rows.len() * 2).next_power_of_two().max(16);
    let mut t = vec![0u8; size * SLOT];
    for &(key, w) in rows {
        let mut i = key as usize & (size - 1);
        while slot_key(&t, i) != 0 && slot_key(&t, i) != key {
            i = (i + 1) & (size - 1);
        }
        let s = &mut t[i * SLOT..][..SLOT];
        s[..8].copy_from_slice(&key.to_le_bytes());
        for (c, add) in w.iter().enumerate() {
            let at = &mut s[8 + 4 * c..][..4];
            let sum = f32::from_le_bytes([at[0], at[1], at[2], at[3]]) + add;
            at.copy_from_slice(&sum.to_le_bytes());
        }
    }
    t
}

/// The key in slot `i` of a weight table (0: empty).
#[inline(always)]
pub fn slot_key(table: &[u8], i: usize) -> u64 {
    let s = &table[i * SLOT..][..8];
    u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]])
}

/// The weights in slot `i` of a weight table.
#[inline(always)]
pub fn slot_weights(table: &[u8], i: usize) -> [f32; 3] {
    let s = &table[i * SLOT + 8..][..12];
    let w = |k: usize| f32::from_le_bytes([s[k], s[k + 1], s[k + 2], s[k + 3]]);
    [w(0), w(4), w(8)]
}

/// A model as the program reads it: the settings of its file, and its weight table ([`table`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Model<'a> {
    pub bias: [f32; 3],
    pub veto: f32,
    pub promote: f32,
    pub trained: String,
    pub digest: u64,
    pub table: std::borrow::Cow<'a, [u8]>,
}

impl Rows {
    /// The model of these rows (its table built).
    pub fn model(self) -> Model<'static> {
        Model {
            table: std::borrow::Cow::Owned(table(&self.rows)),
            bias: self.bias,
            veto: self.veto,
            promote: self.promote,
            trained: self.trained,
            digest: self.digest,
        }
    }
}

/// The binary form: the digest, the bias, veto and promote, the length and bytes of `trained`,
/// the number of slots, then the weight table ([`table`]); integers and the bits of the floats
/// little-endian. (`build.rs` writes it; the program only decodes, but for its tests.)
#[cfg_attr(not(test), allow(dead_code))]
pub fn encode(r: &Rows) -> Vec<u8> {
    let t = table(&r.rows);
    let mut out = Vec::with_capacity(48 + r.trained.len() + t.len());
    out.extend_from_slice(&r.digest.to_le_bytes());
    for x in r.bias.iter().chain([&r.veto, &r.promote]) {
        out.extend_from_slice(&x.to_bits().to_le_bytes());
    }
    out.extend_from_slice(&(r.trained.len() as u32).to_le_bytes());
    out.extend_from_slice(r.trained.as_bytes());
    out.extend_from_slice(&((t.len() / SLOT) as u32).to_le_bytes());
    out.extend_from_slice(&t);
    out
}

/// Reads what [`encode`] wrote, its table borrowed from `b`; `None` when the bytes are not such a
/// form (or the table's slots are not a power of two).
pub fn decode(mut b: &[u8]) -> Option<Model<'_>> {
    let digest = u64::from_le_bytes(take(&mut b)?);
    let mut f = || Some(f32::from_bits(u32::from_le_bytes(take(&mut b)?)));
    let (bias, veto, promote) = ([f()?, f()?, f()?], f()?, f()?);
    let len = u32::from_le_bytes(take(&mut b)?) as usize;
    let trained = std::str::from_utf8(b.get(..len)?).ok()?.to_string();
    b = &b[len..];
    let n = u32::from_le_bytes(take(&mut b)?) as usize;
    if !n.is_power_of_two() || b.len() != n.checked_mul(SLOT)? {
        return None;
    }
    Some(Model {
        bias,
        veto,
        promote,
        trained,
        digest,
        table: std::borrow::Cow::Borrowed(b),
    })
}

/// The first `N` bytes of `b`, which moves past them.
fn take<const N: usize>(b: &mut &[u8]) -> Option<[u8; N]> {
    let head: [u8; N] = b.get(..N)?.try_into().ok()?;
    *b = &b[N..];
    Some(head)
}
