//! The int8 matrix product, `C = A · Bᵀ` with exact i32 accumulation, and the
//! backends that compute it.
//!
//! `A` is `m × k` and `B` is `n × k`, both row-major (weights are stored `[out, in]`,
//! so every dot product reads two contiguous rows). `C[i·n + j] = Σ_t A[i,t]·B[j,t]`.
//! Integer addition is exact and associative, so every backend, blocking and thread
//! split gives the same bits; only overflow could break that, and `k ≤ 4096` with
//! values in `[-127, 127]` keeps every sum below 2^26.

/// The most elements any dot product may sum (the model loader enforces it).
pub const MAX_DOT: usize = 4096;

/// B rows per cache block: 128 rows of at most 4096 bytes stay in L2 while every row
/// of A passes over them.
const N_BLOCK: usize = 128;

/// Rows of A computed together, so each B row is loaded once for four dot products.
const M_TILE: usize = 4;

/// Why a backend could not compute a product.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackendError(pub alloc::string::String);

impl core::fmt::Display for BackendError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "backend error: {}", self.0)
	}
}

/// Something that computes int8 products. Implementations must be exact: the same
/// inputs give the same `C` as [`gemm_i8`].
pub trait Int8Gemm: Sync {
	/// `out = A · Bᵀ` for `A` `m × k`, `B` `n × k`; `out` has `m · n` elements.
	fn gemm(&self, a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) -> Result<(), BackendError>;

	/// A short name for logs and JSON (`cpu`, `cuda:0`).
	fn name(&self) -> alloc::string::String;
}

/// The CPU twin: cache-blocked, auto-vectorized, and split over row ranges of `C`
/// across `threads` OS threads in `std` builds (1 in `no_std`).
#[derive(Clone, Copy, Debug)]
pub struct CpuGemm {
	threads: usize,
}

impl CpuGemm {
	/// A CPU backend using up to `threads` threads (at least 1).
	pub fn new(threads: usize) -> Self {
		CpuGemm { threads: threads.max(1) }
	}
}

impl Default for CpuGemm {
	fn default() -> Self {
		CpuGemm::new(1)
	}
}

/// Below this many multiply-adds a product runs on the calling thread: handing rows to
/// another thread costs tens of microseconds, a product of 2^20 on the vector kernels
/// about a millisecond.
#[cfg(feature = "std")]
const PARALLEL_MIN_WORK: usize = 1 << 20;

/// The same for AMX, 5–10 times faster: a single 128-token MiniLM input ran at 0.88× its
/// one-thread speed with its products split on 2 threads above 2^20 multiply-adds, and
/// 0.91× above 2^26 (only the feed-forward products, 2^26.2, split), so only products
/// of 2^28 or more (MiniLM's feed-forward at 512 tokens) are split. Batches split by
/// input instead ([`crate::run_batch`]: 2.0× on 2 threads).
#[cfg(feature = "std")]
const PARALLEL_MIN_WORK_AMX: usize = 1 << 28;

impl Int8Gemm for CpuGemm {
	fn gemm(&self, a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) -> Result<(), BackendError> {
		check_shapes(a, b, m, n, k, out)?;
		split_rows(self.threads, parallel_min_work(Kernel::for_rows(m)), a, (m, n, k), out, &|a_part, rows, c_part| {
			gemm_i8(a_part, b, rows, n, k, c_part)
		});
		Ok(())
	}

	fn name(&self) -> alloc::string::String {
		alloc::format!("cpu×{}", self.threads)
	}
}

/// The smallest product worth splitting over threads with `kernel`.
fn parallel_min_work(kernel: Kernel) -> usize {
	#[cfg(feature = "std")]
	return if kernel == Kernel::Amx { PARALLEL_MIN_WORK_AMX } else { PARALLEL_MIN_WORK };
	#[cfg(not(feature = "std"))]
	{
		let _ = kernel;
		usize::MAX
	}
}

/// Runs `part(a_rows, rows, out_rows)` over row ranges of `A` and `C`: on the calling
/// thread for a small product or one thread, else in up to `threads` parts on the
/// engine's kept worker threads ([`crate::pool`]),
/// whole tiles of rows each (no split changes a bit: each dot product is independent).
fn split_rows(
	threads: usize,
	min_work: usize,
	a: &[i8],
	(m, n, k): (usize, usize, usize),
	out: &mut [i32],
	part: &(dyn Fn(&[i8], usize, &mut [i32]) + Sync),
) {
	#[cfg(feature = "std")]
	if threads > 1 && m >= 2 * M_TILE && m * n * k >= min_work {
		let parts = threads.min(m / M_TILE);
		let rows_per = m.div_ceil(parts).div_ceil(M_TILE) * M_TILE;
		// Each part takes its own rows of C once.
		let chunks: Vec<std::sync::Mutex<&mut [i32]>> =
			out.chunks_mut(rows_per * n).map(std::sync::Mutex::new).collect();
		crate::pool::run(chunks.len(), &|i| {
			let mut chunk = chunks[i].lock().unwrap_or_else(std::sync::PoisonError::into_inner);
			let rows = chunk.len() / n;
			part(&a[i * rows_per * k..(i * rows_per + rows) * k], rows, &mut chunk);
		});
		return;
	}
	#[cfg(not(feature = "std"))]
	let _ = (threads, min_work, n, k);
	part(a, m, out)
}

/// The CPU twin holding a model's weight matrices packed once for the AMX kernel (its
/// `B` layout, [`crate::gemm_amx`]), as the CUDA backend holds them on the device: a
/// product whose `B` is one of them (the same address and length, which the borrow
/// keeps) and has at least [`PACKED_MIN_ROWS`] rows of `A` skips the packing. Every
/// other product, and every product on a CPU without AMX, is [`CpuGemm`]'s. The same
/// bits either way.
pub struct PackedCpuGemm<'m> {
	cpu: CpuGemm,
	/// Packed copies by the weights' address and length, with their `n × k`.
	#[cfg(all(feature = "std", target_arch = "x86_64"))]
	packed: alloc::collections::BTreeMap<(usize, usize), (usize, usize, alloc::vec::Vec<i8>)>,
	_weights: core::marker::PhantomData<&'m crate::quant::QRows>,
}

/// Fewer rows of `A` than this run on the vector kernels: AMX computes 32 rows at a
/// time, so a single row (an MLP's input) would waste most of a tile.
pub const PACKED_MIN_ROWS: usize = 16;

impl<'m> PackedCpuGemm<'m> {
	/// A CPU backend on up to `threads` threads with `weights` (a model's
	/// [`crate::Model::gemm_weights`], or one step's) packed when this CPU runs AMX.
	pub fn new(threads: usize, weights: &[&'m crate::quant::QRows]) -> Self {
		#[cfg(all(feature = "std", target_arch = "x86_64"))]
		let packed = if Kernel::Amx.runs_here() {
			weights
				.iter()
				.map(|w| {
					let key = (w.data.as_ptr() as usize, w.data.len());
					(key, (w.rows, w.cols, crate::gemm_amx::pack(&w.data, w.rows, w.cols)))
				})
				.collect()
		} else {
			alloc::collections::BTreeMap::new()
		};
		#[cfg(not(all(feature = "std", target_arch = "x86_64")))]
		let _ = weights;
		PackedCpuGemm {
			cpu: CpuGemm::new(threads),
			#[cfg(all(feature = "std", target_arch = "x86_64"))]
			packed,
			_weights: core::marker::PhantomData,
		}
	}

	/// Bytes of packed weights held (0 without AMX).
	pub fn packed_bytes(&self) -> usize {
		#[cfg(all(feature = "std", target_arch = "x86_64"))]
		return self.packed.values().map(|(_, _, p)| p.len()).sum();
		#[cfg(not(all(feature = "std", target_arch = "x86_64")))]
		0
	}
}

impl Int8Gemm for PackedCpuGemm<'_> {
	fn gemm(&self, a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) -> Result<(), BackendError> {
		check_shapes(a, b, m, n, k, out)?;
		#[cfg(all(feature = "std", target_arch = "x86_64"))]
		if m >= PACKED_MIN_ROWS {
			if let Some((_, _, packed)) =
				self.packed.get(&(b.as_ptr() as usize, b.len())).filter(|(rows, cols, _)| (*rows, *cols) == (n, k))
			{
				split_rows(self.cpu.threads, PARALLEL_MIN_WORK_AMX, a, (m, n, k), out, &|a_part, rows, c_part| {
					// SAFETY: entries exist only where AMX runs (`new`), `packed` is this
					// `B` packed for `n × k` (address, length and shape matched), and
					// `split_rows` passes `rows·k` values of `A` and `rows·n` of `C`.
					unsafe { crate::gemm_amx::gemm_packed(a_part, packed, rows, n, k, c_part) }
				});
				return Ok(());
			}
		}
		self.cpu.gemm(a, b, m, n, k, out)
	}

	fn name(&self) -> alloc::string::String {
		self.cpu.name()
	}
}

/// Checks that the slices match the shapes and the dot length is supported.
pub fn check_shapes(a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &[i32]) -> Result<(), BackendError> {
	if k > MAX_DOT {
		return Err(BackendError(alloc::format!("dot length {k} exceeds {MAX_DOT}")));
	}
	if a.len() != m * k || b.len() != n * k || out.len() != m * n {
		return Err(BackendError(alloc::format!(
			"shape mismatch: a {} (m {m} × k {k}), b {} (n {n} × k {k}), out {}",
			a.len(),
			b.len(),
			out.len()
		)));
	}
	Ok(())
}

/// Which kernel [`gemm_i8`] runs on this CPU.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
	/// AMX `tdpbssd` on tile registers, 16,384 multiply-adds an instruction
	/// (`gemm_amx`; Sapphire Rapids and later, where the OS allows tile data).
	Amx,
	/// AVX-512 VNNI `vpdpbusd`, 64 multiply-adds an instruction (`gemm_vnni`).
	Avx512Vnni,
	/// AVX-VNNI `vpdpbusd` on 256-bit registers, 32 an instruction (`gemm_vnni`): for
	/// CPUs with AVX-VNNI and no AVX-512.
	AvxVnni,
	/// AVX2 `vpmaddwd`, 16 an instruction (`gemm_avx2`).
	Avx2,
	/// The portable blocked loops (`no_std`, wasm, other architectures).
	Portable,
}

impl Kernel {
	/// The fastest kernel this CPU runs.
	pub fn detect() -> Kernel {
		[Kernel::Amx, Kernel::Avx512Vnni, Kernel::AvxVnni, Kernel::Avx2]
			.into_iter()
			.find(|kernel| kernel.runs_here())
			.unwrap_or(Kernel::Portable)
	}

	/// The fastest kernel for a product with `m` rows of `A`: AMX computes 32 rows at a
	/// time and packs `B` first, so below [`PACKED_MIN_ROWS`] rows (an MLP's single
	/// input) the vector kernels are faster.
	pub fn for_rows(m: usize) -> Kernel {
		match Kernel::detect() {
			Kernel::Amx if m < PACKED_MIN_ROWS => [Kernel::Avx512Vnni, Kernel::AvxVnni, Kernel::Avx2]
				.into_iter()
				.find(|kernel| kernel.runs_here())
				.unwrap_or(Kernel::Portable),
			fastest => fastest,
		}
	}

	/// Every kernel this CPU runs, fastest first (the benches compare them).
	pub fn available() -> alloc::vec::Vec<Kernel> {
		[Kernel::Amx, Kernel::Avx512Vnni, Kernel::AvxVnni, Kernel::Avx2, Kernel::Portable]
			.into_iter()
			.filter(|kernel| kernel.runs_here())
			.collect()
	}

	/// Whether this CPU (and build) runs the kernel.
	pub fn runs_here(self) -> bool {
		match self {
			Kernel::Portable => true,
			#[cfg(all(feature = "std", target_arch = "x86_64"))]
			Kernel::Amx => crate::gemm_amx::available(),
			#[cfg(all(feature = "std", target_arch = "x86_64"))]
			Kernel::Avx512Vnni => crate::gemm_vnni::available_512(),
			#[cfg(all(feature = "std", target_arch = "x86_64"))]
			Kernel::AvxVnni => crate::gemm_vnni::available_256(),
			#[cfg(all(feature = "std", target_arch = "x86_64"))]
			Kernel::Avx2 => std::is_x86_feature_detected!("avx2"),
			#[cfg(not(all(feature = "std", target_arch = "x86_64")))]
			_ => false,
		}
	}

	/// `out = A · Bᵀ` with this kernel. Every kernel gives the same bits; one the CPU
	/// lacks (not in [`Kernel::available`]) runs the portable loops instead.
	pub fn gemm(self, a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) {
		#[cfg(all(feature = "std", target_arch = "x86_64"))]
		if self.runs_here() && a.len() >= m * k && b.len() >= n * k && out.len() >= m * n {
			// SAFETY (each arm): the CPU has the kernel's features (`runs_here`) and the
			// slices hold the shapes, both checked just above.
			match self {
				Kernel::Amx => return unsafe { crate::gemm_amx::gemm(a, b, m, n, k, out) },
				Kernel::Avx512Vnni => return unsafe { crate::gemm_vnni::gemm_512(a, b, m, n, k, out) },
				Kernel::AvxVnni => return unsafe { crate::gemm_vnni::gemm_256(a, b, m, n, k, out) },
				Kernel::Avx2 => return unsafe { crate::gemm_avx2::gemm(a, b, m, n, k, out) },
				Kernel::Portable => {},
			}
		}
		gemm_blocked(a, b, m, n, k, out)
	}
}

/// The tile loops of a SIMD kernel whose `tile::<V, R, C>(ops, (i0, j0), shape, out)`
/// computes an `R × C` block of the output: `ROWS × COLS` tiles in blocks of `B_BLOCK`
/// rows of `B` (a block stays in cache while every row of `A` passes), then the single
/// rows and columns at the edges; every output exactly once. A macro, not a function
/// taking a closure, so the tiles stay inlined in the kernel's `target_feature`
/// function (a closure cost the AVX-512 kernel 9 %).
#[cfg(all(feature = "std", target_arch = "x86_64"))]
macro_rules! tile_loops {
	($tile:ident<$v:ty>, ($rows:expr, $cols:expr, $block:expr), ($m:expr, $n:expr), $ops:expr, $shape:expr, $out:expr) => {{
		let (m_tiles, n_tiles) = ($m / $rows * $rows, $n / $cols * $cols);
		for jb in (0..n_tiles).step_by($block) {
			let j_end = (jb + $block).min(n_tiles);
			for i0 in (0..m_tiles).step_by($rows) {
				for j0 in (jb..j_end).step_by($cols) {
					$tile::<$v, $rows, $cols>($ops, (i0, j0), $shape, $out);
				}
			}
			for i0 in m_tiles..$m {
				for j0 in (jb..j_end).step_by($cols) {
					$tile::<$v, 1, $cols>($ops, (i0, j0), $shape, $out);
				}
			}
		}
		for j0 in n_tiles..$n {
			for i0 in (0..m_tiles).step_by($rows) {
				$tile::<$v, $rows, 1>($ops, (i0, j0), $shape, $out);
			}
			for i0 in m_tiles..$m {
				$tile::<$v, 1, 1>($ops, (i0, j0), $shape, $out);
			}
		}
	}};
}
#[cfg(all(feature = "std", target_arch = "x86_64"))]
pub(crate) use tile_loops;

/// The single-threaded kernel: the fastest this CPU runs for `m` rows of `A`
/// ([`Kernel::for_rows`]): AMX, else AVX-512 VNNI, AVX-VNNI, AVX2 (every x86-64 CPU of
/// the last decade), else the portable blocked kernel below (`no_std`, wasm, other
/// architectures). Integer sums are exact in any order, so all give the same bits
/// (tested against each other and the naive product).
pub fn gemm_i8(a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) {
	Kernel::for_rows(m).gemm(a, b, m, n, k, out)
}

#[inline(always)]
fn gemm_blocked(a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) {
	if k == 0 {
		out.iter_mut().for_each(|c| *c = 0);
		return;
	}
	for j0 in (0..n).step_by(N_BLOCK) {
		let j1 = (j0 + N_BLOCK).min(n);
		let mut i = 0;
		while i + M_TILE <= m {
			let a0 = &a[i * k..(i + 1) * k];
			let a1 = &a[(i + 1) * k..(i + 2) * k];
			let a2 = &a[(i + 2) * k..(i + 3) * k];
			let a3 = &a[(i + 3) * k..(i + 4) * k];
			for j in j0..j1 {
				let s = dot4(a0, a1, a2, a3, &b[j * k..(j + 1) * k]);
				out[i * n + j] = s[0];
				out[(i + 1) * n + j] = s[1];
				out[(i + 2) * n + j] = s[2];
				out[(i + 3) * n + j] = s[3];
			}
			i += M_TILE;
		}
		for i in i..m {
			let ai = &a[i * k..(i + 1) * k];
			for j in j0..j1 {
				out[i * n + j] = dot(ai, &b[j * k..(j + 1) * k]);
			}
		}
	}
}

#[inline(always)]
fn dot(a: &[i8], b: &[i8]) -> i32 {
	a.iter().zip(b).map(|(x, y)| *x as i16 as i32 * *y as i16 as i32).sum()
}

/// Four dot products against one B row, in one pass with four i32 sums (the shape
/// LLVM turns into widening multiply-adds).
#[inline(always)]
fn dot4(a0: &[i8], a1: &[i8], a2: &[i8], a3: &[i8], b: &[i8]) -> [i32; 4] {
	let k = b.len();
	let (a0, a1, a2, a3) = (&a0[..k], &a1[..k], &a2[..k], &a3[..k]);
	let (mut s0, mut s1, mut s2, mut s3) = (0i32, 0i32, 0i32, 0i32);
	for t in 0..k {
		let bv = b[t] as i16 as i32;
		s0 += a0[t] as i16 as i32 * bv;
		s1 += a1[t] as i16 as i32 * bv;
		s2 += a2[t] as i16 as i32 * bv;
		s3 += a3[t] as i16 as i32 * bv;
	}
	[s0, s1, s2, s3]
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec;
	use alloc::vec::Vec;
	use proptest::prelude::*;

	fn naive(a: &[i8], b: &[i8], m: usize, n: usize, k: usize) -> Vec<i32> {
		let mut c = vec![0i32; m * n];
		for i in 0..m {
			for j in 0..n {
				c[i * n + j] = (0..k).map(|t| a[i * k + t] as i32 * b[j * k + t] as i32).sum();
			}
		}
		c
	}

	#[test]
	fn the_worst_case_sum_does_not_overflow() {
		let k = MAX_DOT;
		let a = vec![-127i8; 5 * k];
		let b = vec![-127i8; 3 * k];
		let mut c = vec![0; 15];
		CpuGemm::new(1).gemm(&a, &b, 5, 3, k, &mut c).unwrap();
		assert!(c.iter().all(|v| *v == 127 * 127 * 4096));
	}

	#[test]
	fn shape_errors_name_the_problem() {
		let mut c = [0; 4];
		let err = CpuGemm::new(1).gemm(&[0; 6], &[0; 6], 2, 2, 3, &mut c[..3]).unwrap_err();
		assert!(err.0.contains("shape mismatch"), "{err}");
		let big = vec![0i8; MAX_DOT + 1];
		let err = CpuGemm::new(1).gemm(&big, &big, 1, 1, MAX_DOT + 1, &mut c[..1]).unwrap_err();
		assert!(err.0.contains("exceeds 4096"), "{err}");
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(48))]
		#[test]
		fn blocked_and_threaded_equal_naive(m in 1usize..19, n in 1usize..300, k in 0usize..70, seed in any::<u64>(), threads in 1usize..5) {
			let mut s = seed;
			let mut next = || { s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); ((s >> 33) % 255) as i32 - 127 };
			let a: Vec<i8> = (0..m * k).map(|_| next() as i8).collect();
			let b: Vec<i8> = (0..n * k).map(|_| next() as i8).collect();
			let want = naive(&a, &b, m, n, k);
			let mut got = vec![7; m * n];
			CpuGemm::new(threads).gemm(&a, &b, m, n, k, &mut got).unwrap();
			prop_assert_eq!(&got, &want);
			let mut plain = vec![7; m * n];
			gemm_blocked(&a, &b, m, n, k, &mut plain);
			prop_assert_eq!(&plain, &want);
			let mut dispatched = vec![7; m * n];
			gemm_i8(&a, &b, m, n, k, &mut dispatched);
			prop_assert_eq!(&dispatched, &want);
		}
	}

	/// Every kernel this CPU runs against the portable one: MiniLM's shapes, the longest
	/// dot product at the extremes (-128 included), and tails of every length (k mod 64
	/// and mod 16, m mod 4 and mod 6, n odd). A CPU without a kernel says so.
	#[cfg(all(feature = "std", target_arch = "x86_64"))]
	#[test]
	fn every_kernel_gives_the_portable_kernels_bits() {
		let kernels = Kernel::available();
		for missing in [Kernel::Amx, Kernel::Avx512Vnni, Kernel::Avx2].iter().filter(|k| !kernels.contains(k)) {
			println!("SKIPPED: this CPU cannot run the {missing:?} kernel");
		}
		let mut s = 99u64;
		let mut next = || {
			s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
			((s >> 33) % 256) as u8 as i8
		};
		let mut shapes = vec![(128, 384, 384), (128, 1536, 384), (13, 384, 1536), (128, 128, 32), (7, 5, 4096)];
		shapes.extend((0..140).map(|k| (1 + k % 9, 1 + k % 7, k)));
		for kernel in kernels {
			for &(m, n, k) in &shapes {
				let a: Vec<i8> = (0..m * k).map(|_| next()).collect();
				let b: Vec<i8> = (0..n * k).map(|_| next()).collect();
				let (mut fast, mut portable) = (vec![7; m * n], vec![1; m * n]);
				kernel.gemm(&a, &b, m, n, k, &mut fast);
				gemm_blocked(&a, &b, m, n, k, &mut portable);
				assert_eq!(fast, portable, "{kernel:?} {m}×{k}×{n}");
			}
			for (x, w) in [(-127i8, -127i8), (127, -127), (127, 127), (-128, -128), (-128, 127)] {
				let (m, n, k) = (6, 5, MAX_DOT);
				let (a, b) = (vec![x; m * k], vec![w; n * k]);
				let mut fast = vec![0; m * n];
				kernel.gemm(&a, &b, m, n, k, &mut fast);
				let want = i32::from(x) * i32::from(w) * MAX_DOT as i32;
				assert!(fast.iter().all(|v| *v == want), "{kernel:?} {x}·{w}·{MAX_DOT}");
			}
		}
	}

	#[test]
	fn amx_is_chosen_only_for_enough_rows() {
		assert_ne!(Kernel::for_rows(1), Kernel::Amx);
		assert_ne!(Kernel::for_rows(PACKED_MIN_ROWS - 1), Kernel::Amx);
		assert_eq!(Kernel::for_rows(PACKED_MIN_ROWS), Kernel::detect());
		assert!(Kernel::for_rows(1).runs_here());
	}

	/// The backend with packed weights gives `CpuGemm`'s bits: for its own weights (every
	/// row count, on 1 and 3 threads), for an operand it does not hold, for a held
	/// operand with another shape, and below the AMX row minimum.
	#[test]
	fn packed_weights_give_the_same_bits() {
		let mut s = 7u64;
		let mut next = || {
			s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
			((s >> 33) % 256) as u8 as i8
		};
		let weights: Vec<crate::quant::QRows> = [(384usize, 384usize), (70, 100), (33, 4096)]
			.iter()
			.map(|&(rows, cols)| crate::quant::QRows {
				rows,
				cols,
				data: (0..rows * cols).map(|_| next()).collect(),
				scales: vec![crate::quant::Scale::ZERO_ROW; rows],
			})
			.collect();
		let held: Vec<&crate::quant::QRows> = weights.iter().collect();
		for threads in [1, 3] {
			let packed = PackedCpuGemm::new(threads, &held);
			if Kernel::Amx.runs_here() {
				assert!(packed.packed_bytes() >= weights.iter().map(|w| w.data.len()).sum::<usize>());
			} else {
				println!("SKIPPED: no AMX here, the packed backend is the CPU twin");
				assert_eq!(packed.packed_bytes(), 0);
			}
			for w in &weights {
				for m in [1, 15, 16, 31, 32, 57, 128] {
					let a: Vec<i8> = (0..m * w.cols).map(|_| next()).collect();
					let (mut got, mut want) = (vec![7; m * w.rows], vec![1; m * w.rows]);
					packed.gemm(&a, &w.data, m, w.rows, w.cols, &mut got).unwrap();
					CpuGemm::new(1).gemm(&a, &w.data, m, w.rows, w.cols, &mut want).unwrap();
					assert_eq!(got, want, "{m}×{}×{} on {threads} threads", w.cols, w.rows);
				}
			}
			// Not held: a copy of the first weights (another address).
			let copy = weights[0].data.clone();
			let a: Vec<i8> = (0..64 * 384).map(|_| next()).collect();
			let (mut got, mut want) = (vec![0; 64 * 384], vec![0; 64 * 384]);
			packed.gemm(&a, &copy, 64, 384, 384, &mut got).unwrap();
			CpuGemm::new(1).gemm(&a, &copy, 64, 384, 384, &mut want).unwrap();
			assert_eq!(got, want);
			// Held bytes read as another shape (768 × 192): not the packed layout.
			let a: Vec<i8> = (0..32 * 192).map(|_| next()).collect();
			let (mut got, mut want) = (vec![0; 32 * 768], vec![0; 32 * 768]);
			packed.gemm(&a, &weights[0].data, 32, 768, 192, &mut got).unwrap();
			CpuGemm::new(1).gemm(&a, &weights[0].data, 32, 768, 192, &mut want).unwrap();
			assert_eq!(got, want);
			let err = packed.gemm(&a, &weights[0].data, 32, 768, 191, &mut got).unwrap_err();
			assert!(err.0.contains("shape mismatch"), "{err}");
		}
	}

	#[cfg(feature = "std")]
	#[test]
	fn threads_split_large_products_without_changing_a_bit() {
		let (m, n, k) = (67, 384, 384);
		let a: Vec<i8> = (0..m * k).map(|i| ((i * 37 + 11) % 255) as i32 as i8).map(|v| v.max(-127)).collect();
		let b: Vec<i8> = (0..n * k).map(|i| ((i * 91 + 5) % 253) as i32 as i8).map(|v| v.max(-127)).collect();
		let mut one = vec![0; m * n];
		CpuGemm::new(1).gemm(&a, &b, m, n, k, &mut one).unwrap();
		for threads in [2, 3, 8] {
			let mut many = vec![0; m * n];
			CpuGemm::new(threads).gemm(&a, &b, m, n, k, &mut many).unwrap();
			assert_eq!(many, one, "{threads} threads");
		}
		assert_eq!(one, naive(&a, &b, m, n, k));
		// Above AMX's threshold too (67 × 1024 × 4096 ≥ 2^28), against the portable kernel.
		let (m, n, k) = (67, 1024, MAX_DOT);
		let a: Vec<i8> = (0..m * k).map(|i| ((i * 37 + 11) % 255) as i32 as i8).map(|v| v.max(-127)).collect();
		let b: Vec<i8> = (0..n * k).map(|i| ((i * 91 + 5) % 253) as i32 as i8).map(|v| v.max(-127)).collect();
		assert!(m * n * k >= PARALLEL_MIN_WORK_AMX);
		let mut portable = vec![0; m * n];
		gemm_blocked(&a, &b, m, n, k, &mut portable);
		for threads in [2, 3] {
			let mut many = vec![0; m * n];
			CpuGemm::new(threads).gemm(&a, &b, m, n, k, &mut many).unwrap();
			assert_eq!(many, portable, "{threads} threads");
		}
	}
}
