//! A large transition table in memory the kernel may back with huge pages (2 MiB), so that the
//! walks' reads, each at a place the read before it chose, do not also miss the address
//! translation cache.
//!
//! Why: the full matcher's table is 5.7 MB, about 1,400 pages of 4 KiB, and its walk reads one
//! cell a byte at places far apart: most reads need a page's translation the processor's
//! cache of them no longer holds, a walk of the page tables (under a VM, of two sets of them)
//! before the cell can be read. With huge pages the whole table needs three or four
//! translations. Linux gives an anonymous mapping huge pages when asked by `madvise`
//! (`MADV_HUGEPAGE`, with transparent huge pages in `madvise` or `always` mode); elsewhere, or
//! when the kernel says no, the table is an ordinary `Vec` and reads the same.

use std::ops::{Deref, DerefMut};

/// The size of a huge page on x86-64 and most of aarch64's Linux kernels: the mapping is
/// aligned to it.
#[cfg(target_os = "linux")]
const HUGE: usize = 2 << 20;

/// Cells of a table, read only once built: in a mapping of their own with huge pages asked
/// for (Linux, tables of at least a huge page), or in a `Vec`.
pub(crate) struct Cells {
    inner: Inner,
}

enum Inner {
    Plain(Vec<u16>),
    #[cfg(target_os = "linux")]
    Mapped(Mapped),
}

/// An anonymous private mapping, `len` cells from `data` (aligned to [`HUGE`] inside it).
#[cfg(target_os = "linux")]
struct Mapped {
    base: *mut libc::c_void,
    map_len: usize,
    data: *mut u16,
    len: usize,
}

// SAFETY: the mapping is owned by its `Mapped` alone (written only through `&mut`, read through
// `&`, as a `Vec`'s memory) and unmapped once, on drop.
#[cfg(target_os = "linux")]
unsafe impl Send for Mapped {}
// SAFETY: as above: shared, it is only read.
#[cfg(target_os = "linux")]
unsafe impl Sync for Mapped {}

#[cfg(target_os = "linux")]
impl Drop for Mapped {
    fn drop(&mut self) {
        // SAFETY: `base` and `map_len` are the mapping `mmap` returned, unmapped only here.
        unsafe {
            libc::munmap(self.base, self.map_len);
        }
    }
}

impl Cells {
    /// `len` cells of 0, on huge pages when that may pay (see the module comment), else in a
    /// `Vec`.
    pub(crate) fn zeroed(len: usize) -> Cells {
        #[cfg(target_os = "linux")]
        if let Some(m) = Mapped::zeroed(len) {
            return Cells {
                inner: Inner::Mapped(m),
            };
        }
        Cells::plain(vec![0; len])
    }

    /// `cells` in their `Vec` (the portable way; tests compare the two).
    pub(crate) fn plain(cells: Vec<u16>) -> Cells {
        Cells {
            inner: Inner::Plain(cells),
        }
    }

    /// Whether the cells are in a mapping with huge pages asked for.
    #[cfg(test)]
    pub(crate) fn mapped(&self) -> bool {
        !matches!(self.inner, Inner::Plain(_))
    }
}

#[cfg(target_os = "linux")]
impl Mapped {
    /// `len` cells of 0 in a mapping aligned to a huge page, with huge pages asked for before
    /// any is written (the first write of each page decides its size); `None` for a table
    /// smaller than a huge page (it would only take more memory) or when the kernel refuses
    /// the mapping or the advice (then a `Vec` serves).
    fn zeroed(len: usize) -> Option<Mapped> {
        let bytes = len.checked_mul(2)?;
        if bytes < HUGE {
            return None;
        }
        let used = bytes.div_ceil(HUGE) * HUGE;
        let map_len = used + HUGE;
        // SAFETY: a new anonymous private mapping (zero-filled by the kernel); nothing else
        // refers to it.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return None;
        }
        let skip = (HUGE - (base as usize) % HUGE) % HUGE;
        let mapped = Mapped {
            base,
            map_len,
            // SAFETY: `skip < HUGE`, so `skip + used <= map_len`: inside the mapping.
            data: unsafe { base.cast::<u8>().add(skip) }.cast::<u16>(),
            len,
        };
        // SAFETY: the range is inside the mapping (above) and aligned to a page.
        let advised = unsafe { libc::madvise(mapped.data.cast(), used, libc::MADV_HUGEPAGE) };
        (advised == 0).then_some(mapped) // (else dropped: unmapped)
    }
}

impl Deref for Cells {
    type Target = [u16];

    #[inline]
    fn deref(&self) -> &[u16] {
        match &self.inner {
            Inner::Plain(v) => v,
            // SAFETY: `len` cells from `data` lie inside the mapping (zero-filled by the
            // kernel, so initialised), which lives as long as `self`.
            #[cfg(target_os = "linux")]
            Inner::Mapped(m) => unsafe { std::slice::from_raw_parts(m.data, m.len) },
        }
    }
}

impl DerefMut for Cells {
    #[inline]
    fn deref_mut(&mut self) -> &mut [u16] {
        match &mut self.inner {
            Inner::Plain(v) => v,
            // SAFETY: as in `deref`, and `&mut self` is the only way to the mapping.
            #[cfg(target_os = "linux")]
            Inner::Mapped(m) => unsafe { std::slice::from_raw_parts_mut(m.data, m.len) },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// On huge pages or not, the cells start at 0 and read what was written.
        #[test]
        fn mapped_cells_read_as_a_vec(seed in any::<u16>(), extra in 0usize..70_000) {
            // At least a huge page of cells (so they are mapped where the kernel allows), up
            // to 2.1 huge pages: the table's end falls anywhere in a page.
            let n = (1 << 20) + extra * 16;
            let v: Vec<u16> = (0..n).map(|i| (i as u16).wrapping_mul(31) ^ seed).collect();
            let mut c = Cells::zeroed(n);
            prop_assert!(c.iter().all(|&x| x == 0));
            c.copy_from_slice(&v);
            prop_assert_eq!(&c[..], &v[..]);
            prop_assert_eq!(&Cells::plain(v.clone())[..], &v[..]);
        }
    }

    /// The sizes the proptest meets only by chance: one cell under a huge page (a `Vec`), a
    /// huge page exactly, and a table ending exactly on the second huge page's end.
    #[test]
    fn tables_at_the_huge_page_edges_read_as_a_vec() {
        for n in [
            (1 << 20) - 1,
            1 << 20,
            (1 << 20) + 1,
            2 << 20,
            (2 << 20) + 1,
        ] {
            let v: Vec<u16> = (0..n)
                .map(|i| (i as u16).wrapping_mul(7) ^ 0x5a5a)
                .collect();
            let mut c = Cells::zeroed(n);
            assert_eq!(c.len(), n);
            assert!(c.iter().all(|&x| x == 0), "{n} cells start at 0");
            c.copy_from_slice(&v);
            assert_eq!(&c[..], &v[..], "{n} cells read what was written");
            if n < 1 << 20 {
                assert!(!c.mapped(), "{n} cells, under a huge page, stay in a Vec");
            }
        }
    }

    #[test]
    fn a_small_table_stays_in_its_vec() {
        let c = Cells::zeroed(1000);
        assert!(!c.mapped());
        assert_eq!(&c[..], &[0; 1000][..]);
    }
}
