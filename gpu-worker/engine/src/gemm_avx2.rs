//! The AVX2 kernel of [`crate::gemm::gemm_i8`]: exact `vpmaddwd` products.
//!
//! `vpmaddwd` multiplies sixteen i16 pairs and adds adjacent products into eight i32
//! lanes, exactly: each int8 value is sign-extended to i16 (`vpmovsxbw`), a product is
//! at most 127², a lane sums two, and a dot product of at most 4096 terms stays below
//! 2^26 however its terms are grouped. So this kernel gives the portable kernel's bits
//! (tested against it), only faster: a tile of four rows of `A` against two rows of
//! `B` keeps eight accumulators in registers, each loaded row feeds two or four
//! products, and the eight horizontal sums happen once per tile, not per step of `k`.

use core::arch::x86_64::*;

/// Rows of `A` per tile.
const ROWS: usize = 6;
/// Rows of `B` per tile.
const COLS: usize = 2;
/// Rows of `B` per cache block (at most 64 rows of 4096 bytes: 256 KiB).
const B_BLOCK: usize = 64;
/// Values of `k` per step (one 256-bit register of i16).
const STEP: usize = 16;

/// Sixteen int8 values at `p`, sign-extended to i16.
#[inline(always)]
unsafe fn load16(p: *const i8) -> __m256i {
	// SAFETY (caller): `p` points at 16 readable bytes.
	unsafe { _mm256_cvtepi8_epi16(_mm_loadu_si128(p as *const __m128i)) }
}

/// The sum of the eight i32 lanes (exact: the caller's sums are below 2^26).
#[inline(always)]
pub(crate) unsafe fn hsum(v: __m256i) -> i32 {
	let s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256::<1>(v));
	let s = _mm_add_epi32(s, _mm_shuffle_epi32::<0b01_00_11_10>(s));
	let s = _mm_add_epi32(s, _mm_shuffle_epi32::<0b10_11_00_01>(s));
	_mm_cvtsi128_si32(s)
}

/// One `R × C` tile of `out`: rows `i0..i0+R` of `A` against rows `j0..j0+C` of `B`.
///
/// # Safety
/// AVX2, and the tile inside the shapes (`i0 + R ≤ m`, `j0 + C ≤ n`, the slices
/// holding `m·k`, `n·k`, `m·n` values).
#[inline(always)]
unsafe fn tile<const R: usize, const C: usize>(
	a: &[i8],
	b: &[i8],
	(i0, j0): (usize, usize),
	(n, k): (usize, usize),
	out: &mut [i32],
) {
	let body = k - k % STEP;
	let mut acc = [[_mm256_setzero_si256(); C]; R];
	let mut t = 0;
	while t < body {
		// SAFETY: rows i0..i0+R of `a` and j0..j0+C of `b` exist (the caller's tile), and
		// t + 16 ≤ body ≤ k, so every 16-byte load is inside its row.
		unsafe {
			let mut w = [_mm256_setzero_si256(); C];
			for (c, v) in w.iter_mut().enumerate() {
				*v = load16(b.as_ptr().add((j0 + c) * k + t));
			}
			for (r, row) in acc.iter_mut().enumerate() {
				let x = load16(a.as_ptr().add((i0 + r) * k + t));
				for (sum, v) in row.iter_mut().zip(&w) {
					*sum = _mm256_add_epi32(*sum, _mm256_madd_epi16(x, *v));
				}
			}
		}
		t += STEP;
	}
	for (r, row) in acc.iter().enumerate() {
		for (c, v) in row.iter().enumerate() {
			let (i, j) = (i0 + r, j0 + c);
			let tail: i32 = (body..k).map(|t| i32::from(a[i * k + t]) * i32::from(b[j * k + t])).sum();
			// SAFETY: AVX2 (the caller's contract).
			out[i * n + j] = unsafe { hsum(*v) } + tail;
		}
	}
}

/// `out = A · Bᵀ` (shapes as [`crate::gemm::gemm_i8`]): four-by-two tiles, then the
/// edges in four-by-one and one-by-two, one-by-one tiles.
///
/// # Safety
/// The CPU must support AVX2, and `a`, `b`, `out` must hold `m·k`, `n·k`, `m·n` values.
#[target_feature(enable = "avx2")]
pub(crate) unsafe fn gemm(a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) {
	let (m_tiles, n_tiles) = (m / ROWS * ROWS, n / COLS * COLS);
	let shape = (n, k);
	// SAFETY (every call below): AVX2 is enabled here, and each tile lies inside the
	// shapes the caller guarantees.
	unsafe {
		// Blocks of B rows small enough to stay in L2 while every tile of A passes.
		for jb in (0..n_tiles).step_by(B_BLOCK) {
			let j_end = (jb + B_BLOCK).min(n_tiles);
			for i0 in (0..m_tiles).step_by(ROWS) {
				for j0 in (jb..j_end).step_by(COLS) {
					tile::<ROWS, COLS>(a, b, (i0, j0), shape, out);
				}
			}
		}
		for i0 in (0..m_tiles).step_by(ROWS) {
			for j0 in n_tiles..n {
				tile::<ROWS, 1>(a, b, (i0, j0), shape, out);
			}
		}
		for i0 in m_tiles..m {
			for j0 in (0..n_tiles).step_by(COLS) {
				tile::<1, COLS>(a, b, (i0, j0), shape, out);
			}
			for j0 in n_tiles..n {
				tile::<1, 1>(a, b, (i0, j0), shape, out);
			}
		}
	}
}
