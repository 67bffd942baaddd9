//! The AVX-512 VNNI kernel of [`crate::gemm::gemm_i8`]: exact `vpdpbusd` products.
//!
//! `vpdpbusd` multiplies 64 unsigned bytes by 64 signed bytes and adds each group of
//! four products into one of sixteen i32 lanes, without saturation: 64 multiply-adds an
//! instruction, four times `vpmaddwd`'s sixteen. Its first operand is unsigned, so
//! every value of `A` is moved into `u8` by the offset trick: `a ⊕ 0x80 = a + 128`
//! exactly (two's complement), and
//!
//! ```text
//! Σ_t (a_t + 128)·b_t = Σ_t a_t·b_t + 128·Σ_t b_t
//! ```
//!
//! so the product is the offset sum less `128·Σ_t b_t`, each row of `B` summed once per
//! call (by the same instruction against a vector of ones). Every partial sum is an
//! integer below 4096·255·128 < 2^27 in magnitude, so nothing saturates or wraps and the
//! result is the portable kernel's, bit for bit (tested against it on every edge
//! shape). The last, partial 64-byte step of a row uses masked loads that read zeros
//! past `k` on both sides: their products vanish whatever the offset made of `A`'s.
//!
//! A tile of four rows of `A` against four rows of `B` keeps sixteen accumulators in
//! registers; each loaded row feeds four products, and the horizontal sums happen once
//! per tile, not per step of `k`.

use core::arch::x86_64::*;

/// Rows of `A` per tile (six by four accumulators, four rows of `B` and one of `A`
/// fill thirty of the thirty-two registers).
const ROWS: usize = 6;
/// Rows of `B` per tile.
const COLS: usize = 4;
/// Rows of `B` per cache block (at most 64 rows of 4096 bytes: 256 KiB).
const B_BLOCK: usize = 64;
/// Values of `k` per step (one 512-bit register of bytes).
const STEP: usize = 64;

/// The CPU features this kernel needs, probed at run time.
pub(crate) fn available() -> bool {
	std::is_x86_feature_detected!("avx512f")
		&& std::is_x86_feature_detected!("avx512bw")
		&& std::is_x86_feature_detected!("avx512vnni")
}

/// The 64 bytes of `row` from `t` (fewer at the end of the row, zeros past it).
///
/// # Safety
/// AVX-512 F and BW; `t < row.len()`.
#[inline(always)]
unsafe fn load(row: &[i8], t: usize) -> __m512i {
	let left = row.len() - t;
	// SAFETY: the mask selects only the `min(left, 64)` bytes inside the row; masked-off
	// bytes are neither read nor faulted on.
	unsafe {
		if left >= STEP {
			_mm512_loadu_si512(row.as_ptr().add(t) as *const __m512i)
		} else {
			_mm512_maskz_loadu_epi8((1u64 << left) - 1, row.as_ptr().add(t))
		}
	}
}

/// `Σ_t b[j·k + t]` for every row `j` of `B`, exactly.
///
/// # Safety
/// AVX-512 F, BW and VNNI; `b` holds `n·k` values.
#[inline(always)]
unsafe fn row_sums(b: &[i8], n: usize, k: usize) -> std::vec::Vec<i32> {
	// SAFETY (every intrinsic): the features are the caller's contract, and `load`
	// stays inside each row.
	unsafe {
		let ones = _mm512_set1_epi8(1);
		(0..n)
			.map(|j| {
				let row = &b[j * k..(j + 1) * k];
				let mut acc = _mm512_setzero_si512();
				let mut t = 0;
				while t < k {
					acc = _mm512_dpbusd_epi32(acc, ones, load(row, t));
					t += STEP;
				}
				_mm512_reduce_add_epi32(acc)
			})
			.collect()
	}
}

/// The sums of four vectors' sixteen lanes each, as one vector `[Σa, Σb, Σc, Σd]`:
/// interleave and add twice within each 128-bit lane, then fold the four lanes.
///
/// # Safety
/// AVX-512 F.
#[inline(always)]
unsafe fn sum4(v: &[__m512i; 4]) -> __m128i {
	// SAFETY: AVX-512 F (the caller's contract); register operations only.
	unsafe {
		let ab = _mm512_add_epi32(_mm512_unpacklo_epi32(v[0], v[1]), _mm512_unpackhi_epi32(v[0], v[1]));
		let cd = _mm512_add_epi32(_mm512_unpacklo_epi32(v[2], v[3]), _mm512_unpackhi_epi32(v[2], v[3]));
		let abcd = _mm512_add_epi32(_mm512_unpacklo_epi64(ab, cd), _mm512_unpackhi_epi64(ab, cd));
		let half = _mm256_add_epi32(_mm512_castsi512_si256(abcd), _mm512_extracti64x4_epi64::<1>(abcd));
		_mm_add_epi32(_mm256_castsi256_si128(half), _mm256_extracti128_si256::<1>(half))
	}
}

/// One `R × C` tile of `out`: rows `i0..i0+R` of `A` against rows `j0..j0+C` of `B`.
///
/// # Safety
/// AVX-512 F, BW and VNNI, and the tile inside the shapes (`i0 + R ≤ m`, `j0 + C ≤ n`,
/// the slices holding `m·k`, `n·k`, `m·n` values, `sums` holding `n`).
#[inline(always)]
unsafe fn tile<const R: usize, const C: usize>(
	(a, b, sums): (&[i8], &[i8], &[i32]),
	(i0, j0): (usize, usize),
	(n, k): (usize, usize),
	out: &mut [i32],
) {
	// SAFETY (every intrinsic): the features are the caller's contract, and each
	// `load` reads a row of the tile from `t < k`.
	unsafe {
		let offset = _mm512_set1_epi8(i8::MIN);
		let mut acc = [[_mm512_setzero_si512(); C]; R];
		let mut t = 0;
		while t < k {
			let mut w = [_mm512_setzero_si512(); C];
			for (c, v) in w.iter_mut().enumerate() {
				*v = load(&b[(j0 + c) * k..(j0 + c + 1) * k], t);
			}
			for (r, row) in acc.iter_mut().enumerate() {
				let x = _mm512_xor_si512(load(&a[(i0 + r) * k..(i0 + r + 1) * k], t), offset);
				for (sum, v) in row.iter_mut().zip(&w) {
					*sum = _mm512_dpbusd_epi32(*sum, x, *v);
				}
			}
			t += STEP;
		}
		for (r, row) in acc.iter().enumerate() {
			let i = i0 + r;
			if let Ok(four) = <&[__m512i; 4]>::try_from(&row[..]) {
				// Four neighbouring outputs at once: the sums, less 128·Σb of their rows.
				let correction = _mm_slli_epi32::<7>(_mm_loadu_si128(sums.as_ptr().add(j0) as *const __m128i));
				let value = _mm_sub_epi32(sum4(four), correction);
				_mm_storeu_si128(out.as_mut_ptr().add(i * n + j0) as *mut __m128i, value);
			} else {
				for (c, v) in row.iter().enumerate() {
					out[i * n + j0 + c] = _mm512_reduce_add_epi32(*v) - 128 * sums[j0 + c];
				}
			}
		}
	}
}

/// `out = A · Bᵀ` (shapes as [`crate::gemm::gemm_i8`]): four-by-four tiles in blocks of
/// `B` rows, then the edges.
///
/// # Safety
/// The CPU must support AVX-512 F, BW and VNNI ([`available`]), and `a`, `b`, `out`
/// must hold `m·k`, `n·k`, `m·n` values.
#[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
pub(crate) unsafe fn gemm(a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) {
	if k == 0 {
		out[..m * n].iter_mut().for_each(|c| *c = 0);
		return;
	}
	// SAFETY (every call below): the features are enabled here, and each tile lies
	// inside the shapes the caller guarantees.
	unsafe {
		let sums = row_sums(b, n, k);
		let ops = (a, b, sums.as_slice());
		let shape = (n, k);
		let (m_tiles, n_tiles) = (m / ROWS * ROWS, n / COLS * COLS);
		for jb in (0..n_tiles).step_by(B_BLOCK) {
			let j_end = (jb + B_BLOCK).min(n_tiles);
			for i0 in (0..m_tiles).step_by(ROWS) {
				for j0 in (jb..j_end).step_by(COLS) {
					tile::<ROWS, COLS>(ops, (i0, j0), shape, out);
				}
			}
			for i0 in m_tiles..m {
				for j0 in (jb..j_end).step_by(COLS) {
					tile::<1, COLS>(ops, (i0, j0), shape, out);
				}
			}
		}
		for j0 in n_tiles..n {
			for i0 in (0..m_tiles).step_by(ROWS) {
				tile::<ROWS, 1>(ops, (i0, j0), shape, out);
			}
			for i0 in m_tiles..m {
				tile::<1, 1>(ops, (i0, j0), shape, out);
			}
		}
	}
}
