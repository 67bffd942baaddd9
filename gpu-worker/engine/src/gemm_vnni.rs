//! The VNNI kernels of [`crate::gemm::gemm_i8`]: exact `vpdpbusd` products, on 512-bit
//! registers (AVX-512 VNNI) or 256-bit ones (AVX-VNNI).
//!
//! `vpdpbusd` multiplies unsigned bytes by signed bytes and adds each group of four
//! products into an i32 lane, without saturation: 64 multiply-adds an instruction on
//! 512 bits, 32 on 256, against `vpmaddwd`'s sixteen. Its first operand is unsigned, so
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
//! shape). The last, partial step of a row reads zeros past `k` on both sides (a masked
//! load on AVX-512, a zeroed buffer on AVX-VNNI, which has no byte-masked load): their
//! products vanish whatever the offset made of `A`'s.
//!
//! A register tile of `R` rows of `A` against four rows of `B` keeps `4R` accumulators
//! (6×4 in AVX-512's 32 registers, 2×4 in AVX-VNNI's 16); each loaded row feeds several
//! products, and the four sums of a tile row are folded in one interleave-and-add
//! sequence once per tile, not per step of `k`.

use core::arch::x86_64::*;

/// Rows of `B` per tile (the four sums [`Lanes::sum4`] folds at once).
const COLS: usize = 4;
/// Rows of `B` per cache block (at most 64 rows of 4096 bytes: 256 KiB).
const B_BLOCK: usize = 64;

/// Whether the CPU runs the AVX-512 kernel, probed at run time.
pub(crate) fn available_512() -> bool {
	std::is_x86_feature_detected!("avx512f")
		&& std::is_x86_feature_detected!("avx512bw")
		&& std::is_x86_feature_detected!("avx512vnni")
}

/// Whether the CPU runs the AVX-VNNI (256-bit) kernel, probed at run time.
pub(crate) fn available_256() -> bool {
	std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("avxvnni")
}

/// One register width's operations. Every method needs its width's CPU features
/// (the caller's contract: the kernels call them only from functions that enable them).
trait Lanes: Copy {
	/// Bytes per register: values of `k` per step.
	const STEP: usize;
	/// All lanes zero.
	unsafe fn zero() -> Self;
	/// Every byte `v`.
	unsafe fn splat(v: i8) -> Self;
	/// The `STEP` bytes of `row` from `t` (fewer at the end of the row, zeros past it);
	/// `t < row.len()`.
	unsafe fn load(row: &[i8], t: usize) -> Self;
	/// Bitwise exclusive or.
	unsafe fn xor(self, other: Self) -> Self;
	/// `acc + Σ` of each four `u8(x)·i8(w)` products, per i32 lane (`vpdpbusd`).
	unsafe fn dot(acc: Self, x: Self, w: Self) -> Self;
	/// `[Σa, Σb, Σc, Σd]` of four registers' i32 lanes.
	unsafe fn sum4(v: &[Self; 4]) -> __m128i;
	/// The sum of one register's i32 lanes.
	unsafe fn sum1(v: Self) -> i32;
}

impl Lanes for __m512i {
	const STEP: usize = 64;
	#[inline(always)]
	unsafe fn zero() -> Self {
		// SAFETY: AVX-512 F (the trait's contract).
		unsafe { _mm512_setzero_si512() }
	}
	#[inline(always)]
	unsafe fn splat(v: i8) -> Self {
		// SAFETY: as above.
		unsafe { _mm512_set1_epi8(v) }
	}
	#[inline(always)]
	unsafe fn load(row: &[i8], t: usize) -> Self {
		let left = row.len() - t;
		// SAFETY: AVX-512 F and BW; the mask selects only the `min(left, 64)` bytes inside
		// the row, masked-off bytes are neither read nor faulted on.
		unsafe {
			if left >= Self::STEP {
				_mm512_loadu_si512(row.as_ptr().add(t) as *const __m512i)
			} else {
				_mm512_maskz_loadu_epi8((1u64 << left) - 1, row.as_ptr().add(t))
			}
		}
	}
	#[inline(always)]
	unsafe fn xor(self, other: Self) -> Self {
		// SAFETY: AVX-512 F.
		unsafe { _mm512_xor_si512(self, other) }
	}
	#[inline(always)]
	unsafe fn dot(acc: Self, x: Self, w: Self) -> Self {
		// SAFETY: AVX-512 VNNI.
		unsafe { _mm512_dpbusd_epi32(acc, x, w) }
	}
	#[inline(always)]
	unsafe fn sum4(v: &[Self; 4]) -> __m128i {
		// SAFETY: AVX-512 F; register operations only. Interleave and add twice within
		// each 128-bit lane, then fold the four lanes.
		unsafe {
			let ab = _mm512_add_epi32(_mm512_unpacklo_epi32(v[0], v[1]), _mm512_unpackhi_epi32(v[0], v[1]));
			let cd = _mm512_add_epi32(_mm512_unpacklo_epi32(v[2], v[3]), _mm512_unpackhi_epi32(v[2], v[3]));
			let abcd = _mm512_add_epi32(_mm512_unpacklo_epi64(ab, cd), _mm512_unpackhi_epi64(ab, cd));
			let half = _mm256_add_epi32(_mm512_castsi512_si256(abcd), _mm512_extracti64x4_epi64::<1>(abcd));
			_mm_add_epi32(_mm256_castsi256_si128(half), _mm256_extracti128_si256::<1>(half))
		}
	}
	#[inline(always)]
	unsafe fn sum1(v: Self) -> i32 {
		// SAFETY: AVX-512 F.
		unsafe { _mm512_reduce_add_epi32(v) }
	}
}

impl Lanes for __m256i {
	const STEP: usize = 32;
	#[inline(always)]
	unsafe fn zero() -> Self {
		// SAFETY: AVX2 (the trait's contract).
		unsafe { _mm256_setzero_si256() }
	}
	#[inline(always)]
	unsafe fn splat(v: i8) -> Self {
		// SAFETY: as above.
		unsafe { _mm256_set1_epi8(v) }
	}
	#[inline(always)]
	unsafe fn load(row: &[i8], t: usize) -> Self {
		let rest = &row[t..];
		// SAFETY: AVX2; a full load reads 32 bytes inside `rest`, a short one a local buffer.
		unsafe {
			if rest.len() >= Self::STEP {
				_mm256_loadu_si256(rest.as_ptr() as *const __m256i)
			} else {
				let mut buf = [0i8; 32];
				buf[..rest.len()].copy_from_slice(rest);
				_mm256_loadu_si256(buf.as_ptr() as *const __m256i)
			}
		}
	}
	#[inline(always)]
	unsafe fn xor(self, other: Self) -> Self {
		// SAFETY: AVX2.
		unsafe { _mm256_xor_si256(self, other) }
	}
	#[inline(always)]
	unsafe fn dot(acc: Self, x: Self, w: Self) -> Self {
		// SAFETY: AVX-VNNI.
		unsafe { _mm256_dpbusd_avx_epi32(acc, x, w) }
	}
	#[inline(always)]
	unsafe fn sum4(v: &[Self; 4]) -> __m128i {
		// SAFETY: AVX2; register operations only.
		unsafe {
			let ab = _mm256_add_epi32(_mm256_unpacklo_epi32(v[0], v[1]), _mm256_unpackhi_epi32(v[0], v[1]));
			let cd = _mm256_add_epi32(_mm256_unpacklo_epi32(v[2], v[3]), _mm256_unpackhi_epi32(v[2], v[3]));
			let abcd = _mm256_add_epi32(_mm256_unpacklo_epi64(ab, cd), _mm256_unpackhi_epi64(ab, cd));
			_mm_add_epi32(_mm256_castsi256_si128(abcd), _mm256_extracti128_si256::<1>(abcd))
		}
	}
	#[inline(always)]
	unsafe fn sum1(v: Self) -> i32 {
		// SAFETY: AVX2.
		unsafe { crate::gemm_avx2::hsum(v) }
	}
}

/// `Σ_t b[j·k + t]` for every row `j` of `B`, exactly.
///
/// # Safety
/// `V`'s CPU features; `b` holds `n·k` values.
#[inline(always)]
unsafe fn row_sums<V: Lanes>(b: &[i8], n: usize, k: usize) -> std::vec::Vec<i32> {
	// SAFETY (every call): the features are the caller's contract; `load` stays inside
	// each row.
	unsafe {
		let ones = V::splat(1);
		(0..n)
			.map(|j| {
				let row = &b[j * k..(j + 1) * k];
				let mut acc = V::zero();
				let mut t = 0;
				while t < k {
					acc = V::dot(acc, ones, V::load(row, t));
					t += V::STEP;
				}
				V::sum1(acc)
			})
			.collect()
	}
}

/// One `R × C` tile of `out`: rows `i0..i0+R` of `A` against rows `j0..j0+C` of `B`.
///
/// # Safety
/// `V`'s CPU features, and the tile inside the shapes (`i0 + R ≤ m`, `j0 + C ≤ n`, the
/// slices holding `m·k`, `n·k`, `m·n` values, `sums` holding `n`).
#[inline(always)]
unsafe fn tile<V: Lanes, const R: usize, const C: usize>(
	(a, b, sums): (&[i8], &[i8], &[i32]),
	(i0, j0): (usize, usize),
	(n, k): (usize, usize),
	out: &mut [i32],
) {
	// SAFETY (every call): the features are the caller's contract, each `load` reads a
	// row of the tile from `t < k`, and the stores write outputs of the tile.
	unsafe {
		let offset = V::splat(i8::MIN);
		let mut acc = [[V::zero(); C]; R];
		let mut t = 0;
		while t < k {
			let mut w = [V::zero(); C];
			for (c, v) in w.iter_mut().enumerate() {
				*v = V::load(&b[(j0 + c) * k..(j0 + c + 1) * k], t);
			}
			for (r, row) in acc.iter_mut().enumerate() {
				let x = V::load(&a[(i0 + r) * k..(i0 + r + 1) * k], t).xor(offset);
				for (sum, v) in row.iter_mut().zip(&w) {
					*sum = V::dot(*sum, x, *v);
				}
			}
			t += V::STEP;
		}
		for (r, row) in acc.iter().enumerate() {
			let i = i0 + r;
			if let Ok(four) = <&[V; 4]>::try_from(&row[..]) {
				// Four neighbouring outputs at once: the sums, less 128·Σb of their rows.
				let correction = _mm_slli_epi32::<7>(_mm_loadu_si128(sums.as_ptr().add(j0) as *const __m128i));
				let value = _mm_sub_epi32(V::sum4(four), correction);
				_mm_storeu_si128(out.as_mut_ptr().add(i * n + j0) as *mut __m128i, value);
			} else {
				for (c, v) in row.iter().enumerate() {
					out[i * n + j0 + c] = V::sum1(*v) - 128 * sums[j0 + c];
				}
			}
		}
	}
}

/// The whole product with `V` registers and `ROWS`-row tiles.
///
/// # Safety
/// `V`'s CPU features, and `a`, `b`, `out` holding `m·k`, `n·k`, `m·n` values.
#[inline(always)]
unsafe fn product<V: Lanes, const ROWS: usize>(a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) {
	if k == 0 {
		out[..m * n].iter_mut().for_each(|c| *c = 0);
		return;
	}
	// SAFETY (every call below): the features are the caller's contract, and each tile
	// lies inside the shapes it guarantees.
	unsafe {
		let sums = row_sums::<V>(b, n, k);
		let ops = (a, b, sums.as_slice());
		let shape = (n, k);
		crate::gemm::tile_loops!(tile<V>, (ROWS, COLS, B_BLOCK), (m, n), ops, shape, out);
	}
}

/// `out = A · Bᵀ` (shapes as [`crate::gemm::gemm_i8`]) on 512-bit registers, 6×4 tiles
/// (24 accumulators, four rows of `B`, one of `A` and the offset: 30 of 32 registers).
///
/// # Safety
/// The CPU must support AVX-512 F, BW and VNNI ([`available_512`]), and `a`, `b`, `out`
/// must hold `m·k`, `n·k`, `m·n` values.
#[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
pub(crate) unsafe fn gemm_512(a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) {
	// SAFETY: the features are enabled here; the shapes are the caller's contract.
	unsafe { product::<__m512i, 6>(a, b, m, n, k, out) }
}

/// `out = A · Bᵀ` on 256-bit registers, 2×4 tiles (14 of 16 registers).
///
/// # Safety
/// The CPU must support AVX2 and AVX-VNNI ([`available_256`]), and `a`, `b`, `out` must
/// hold `m·k`, `n·k`, `m·n` values.
#[target_feature(enable = "avx2,avxvnni")]
pub(crate) unsafe fn gemm_256(a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) {
	// SAFETY: as above.
	unsafe { product::<__m256i, 2>(a, b, m, n, k, out) }
}
