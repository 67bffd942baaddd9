//! The AMX kernel of [`crate::gemm::gemm_i8`]: `tdpbssd` on tile registers (Intel
//! Sapphire Rapids and later), exact.
//!
//! `tdpbssd C, A, B` adds to each i32 of a 16 × 16 tile `C` the sum of 64 products of
//! signed bytes: `C[r][c] += Σ_t A[r][t] · B[t/4][4c + t%4]` for `t < 64`. Signed
//! times signed: no offset trick, and every partial sum is an integer below
//! 4096 · 128² = 2^26, so the result is the portable kernel's, bit for bit, in any
//! order of the sums (tested against it on every edge shape).
//!
//! **Layouts.** `A` (`m × k`, the activations) is copied into a zero-padded buffer of
//! `m' × k'` bytes (`m'` a multiple of 32, `k'` of 64) whose rows load as tiles of 16
//! rows × 64 bytes. `B` (`n × k`, the weights) is **packed**: panels of 16 of its rows,
//! each panel `k'/64` blocks of 1 KiB, block row `q` holding `B[j][4q .. 4q+4]` of the
//! panel's 16 rows `j` in turn (the "VNNI" layout a `B` tile needs), zeros past `n` and
//! `k` (their products vanish). [`pack`] makes that copy; a backend that keeps a model's
//! packed weights ([`crate::gemm::PackedCpuGemm`]) makes it once per model.
//!
//! **Tiles.** Each 32 × 32 block of `C` is four accumulator tiles (`tmm0–3`) over two
//! tiles of `A` rows (`tmm4–5`) and two panels of `B` (`tmm6–7`): four loads feed four
//! `tdpbssd`, 65,536 multiply-adds. The block's `k` loop and its stores are one `asm!`
//! block, so tile state never lives across compiler-generated code.
//!
//! **Probing.** AMX needs the CPU (CPUID leaf 7: AMX-TILE, AMX-INT8), the OS's XSAVE
//! support of tile state (XCR0 bits 17 and 18) and, on Linux, the process's permission
//! to use tile data (`arch_prctl(ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA)`, which an
//! older kernel refuses). [`available`] asks all three once; anything missing means the
//! next kernel runs instead.

use alloc::vec;
use alloc::vec::Vec;
use core::arch::asm;
use core::arch::x86_64::{__cpuid, __cpuid_count, _xgetbv};

/// Tile rows, and rows of `A` or `B` per tile.
const TILE: usize = 16;
/// Bytes of `k` per tile row.
const KC: usize = 64;
/// Bytes per packed block of `B`: 16 rows of 64.
const BLOCK: usize = TILE * KC;

/// Whether this CPU, OS and process run the AMX kernel (probed once).
pub(crate) fn available() -> bool {
	static AVAILABLE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
	*AVAILABLE.get_or_init(probe)
}

fn probe() -> bool {
	// CPUID leaf 1 ECX bit 27: OSXSAVE (XGETBV is usable); leaf 7 EDX bits 24 and 25:
	// AMX-TILE and AMX-INT8.
	let leaf1 = __cpuid(1);
	if leaf1.ecx & (1 << 27) == 0 || __cpuid(0).eax < 7 {
		return false;
	}
	let leaf7 = __cpuid_count(7, 0);
	if leaf7.edx & (0b11 << 24) != 0b11 << 24 {
		return false;
	}
	// SAFETY: OSXSAVE is set, so XGETBV with ECX = 0 is defined.
	let xcr0 = unsafe { _xgetbv(0) };
	if xcr0 & (0b11 << 17) != 0b11 << 17 {
		return false;
	}
	request_tile_data()
}

/// Asks Linux for the process's permission to use AMX tile data (kernel 5.16+).
#[cfg(target_os = "linux")]
fn request_tile_data() -> bool {
	const SYS_ARCH_PRCTL: usize = 158;
	const ARCH_REQ_XCOMP_PERM: usize = 0x1023;
	const XFEATURE_XTILEDATA: usize = 18;
	let ret: isize;
	// SAFETY: arch_prctl with this request only changes which XSAVE features the
	// process may use; it reads no memory. The syscall clobbers rcx and r11.
	unsafe {
		asm!(
			"syscall",
			inlateout("rax") SYS_ARCH_PRCTL as isize => ret,
			in("rdi") ARCH_REQ_XCOMP_PERM,
			in("rsi") XFEATURE_XTILEDATA,
			lateout("rcx") _,
			lateout("r11") _,
			options(nostack),
		);
	}
	ret == 0
}

/// Other systems: not probed, so not used.
#[cfg(not(target_os = "linux"))]
fn request_tile_data() -> bool {
	false
}

/// `B` (`n × k`, row-major) packed for [`gemm_packed`] (layout in the module docs).
pub(crate) fn pack(b: &[i8], n: usize, k: usize) -> Vec<i8> {
	let (panels, chunks) = (n.div_ceil(2 * TILE) * 2, k.div_ceil(KC));
	let mut packed = vec![0i8; panels * chunks * BLOCK];
	for (j, row) in b.chunks_exact(k.max(1)).take(n).enumerate() {
		let (panel, lane) = (j / TILE, j % TILE);
		let at = |t: usize| (panel * chunks + t / KC) * BLOCK + (t % KC) / 4 * KC + lane * 4;
		let quads = row.chunks_exact(4);
		let tail = quads.remainder();
		for (q, quad) in quads.enumerate() {
			let to = at(4 * q);
			packed[to..to + 4].copy_from_slice(quad);
		}
		if !tail.is_empty() {
			let to = at(k - tail.len());
			packed[to..to + tail.len()].copy_from_slice(tail);
		}
	}
	packed
}

/// The 64-byte tile configuration: palette 1, all eight tiles 16 rows × 64 bytes.
#[repr(C, align(64))]
struct TileConfig([u8; 64]);

impl TileConfig {
	fn all_full() -> Self {
		let mut c = [0u8; 64];
		c[0] = 1;
		for t in 0..8 {
			c[16 + 2 * t..18 + 2 * t].copy_from_slice(&(KC as u16).to_le_bytes());
			c[48 + t] = TILE as u8;
		}
		TileConfig(c)
	}
}

/// `out = A · Bᵀ` (shapes as [`crate::gemm::gemm_i8`]), packing `B` for this call.
///
/// # Safety
/// [`available`] must have returned true, and `a`, `b`, `out` hold `m·k`, `n·k`, `m·n`
/// values.
pub(crate) unsafe fn gemm(a: &[i8], b: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) {
	let packed = pack(b, n, k);
	// SAFETY: the caller's contract; `packed` is `B` packed for these shapes.
	unsafe { gemm_packed(a, &packed, m, n, k, out) }
}

/// `out = A · Bᵀ` with `B` already [`pack`]ed for `n × k`.
///
/// # Safety
/// [`available`] must have returned true, `a` and `out` hold `m·k` and `m·n` values, and
/// `packed` is `pack(b, n, k)`'s result.
pub(crate) unsafe fn gemm_packed(a: &[i8], packed: &[i8], m: usize, n: usize, k: usize, out: &mut [i32]) {
	if k == 0 || m == 0 || n == 0 {
		out[..m * n].iter_mut().for_each(|c| *c = 0);
		return;
	}
	let chunks = k.div_ceil(KC);
	let kp = chunks * KC;
	let mp = m.div_ceil(2 * TILE) * 2 * TILE;
	// Rows load as tiles straight from `A` when whole blocks cover it; otherwise from a
	// zero-padded copy.
	let padded;
	let ap: &[i8] = if mp == m && kp == k {
		&a[..m * k]
	} else {
		let mut copy = vec![0i8; mp * kp];
		for (dst, src) in copy.chunks_exact_mut(kp).zip(a.chunks_exact(k)).take(m) {
			dst[..k].copy_from_slice(src);
		}
		padded = copy;
		&padded
	};
	let config = TileConfig::all_full();
	let mut edge = [0i32; 4 * TILE * TILE];
	// SAFETY: AMX is available (the caller's contract); the configuration is a valid
	// palette-1 layout. Every tile load below reads 16 rows of 64 bytes inside `ap`
	// (rows i0..i0+32 < mp, bytes < kp) or inside `packed` (blocks of panels < the
	// padded panel count); every store writes 16 rows of 16 i32 inside `out` (a block
	// wholly inside m × n) or inside `edge`.
	unsafe {
		asm!("ldtilecfg [{}]", in(reg) config.0.as_ptr(), options(nostack, readonly));
		for i0 in (0..m).step_by(2 * TILE) {
			let a0 = ap.as_ptr().add(i0 * kp);
			let a1 = a0.add(TILE * kp);
			for j0 in (0..n).step_by(2 * TILE) {
				let b0 = packed.as_ptr().add(j0 / TILE * chunks * BLOCK);
				let b1 = b0.add(chunks * BLOCK);
				let inside = i0 + 2 * TILE <= m && j0 + 2 * TILE <= n;
				let (c, stride) =
					if inside { (out.as_mut_ptr().add(i0 * n + j0), n * 4) } else { (edge.as_mut_ptr(), 2 * TILE * 4) };
				block(a0, a1, kp, b0, b1, chunks, c, stride);
				if !inside {
					for r in 0..(m - i0).min(2 * TILE) {
						let cols = (n - j0).min(2 * TILE);
						out[(i0 + r) * n + j0..][..cols].copy_from_slice(&edge[r * 2 * TILE..][..cols]);
					}
				}
			}
		}
		asm!("tilerelease", options(nostack, nomem));
	}
}

/// One 32 × 32 block of `C`: rows from `a0` and `a1` (16 each, `sa` bytes apart), panels
/// from `b0` and `b1` (`chunks` blocks each), stored at `c` with `sc` bytes per row.
///
/// # Safety
/// The tile configuration is loaded ([`TileConfig::all_full`]) and every address the
/// loads and stores reach is valid ([`gemm_packed`]'s bounds).
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn block(
	a0: *const i8,
	a1: *const i8,
	sa: usize,
	b0: *const i8,
	b1: *const i8,
	chunks: usize,
	c: *mut i32,
	sc: usize,
) {
	// SAFETY: the caller's contract.
	unsafe {
		asm!(
			"tilezero tmm0",
			"tilezero tmm1",
			"tilezero tmm2",
			"tilezero tmm3",
			"2:",
			"tileloadd tmm4, [{a0} + {sa}*1]",
			"tileloadd tmm5, [{a1} + {sa}*1]",
			"tileloadd tmm6, [{b0} + {sb}*1]",
			"tileloadd tmm7, [{b1} + {sb}*1]",
			"tdpbssd tmm0, tmm4, tmm6",
			"tdpbssd tmm1, tmm4, tmm7",
			"tdpbssd tmm2, tmm5, tmm6",
			"tdpbssd tmm3, tmm5, tmm7",
			"add {a0}, 64",
			"add {a1}, 64",
			"add {b0}, 1024",
			"add {b1}, 1024",
			"dec {chunks}",
			"jnz 2b",
			"tilestored [{c} + {sc}*1], tmm0",
			"tilestored [{c} + {sc}*1 + 64], tmm1",
			"tilestored [{c2} + {sc}*1], tmm2",
			"tilestored [{c2} + {sc}*1 + 64], tmm3",
			a0 = inout(reg) a0 => _,
			a1 = inout(reg) a1 => _,
			b0 = inout(reg) b0 => _,
			b1 = inout(reg) b1 => _,
			chunks = inout(reg) chunks => _,
			sa = in(reg) sa,
			sb = in(reg) KC,
			c = in(reg) c,
			c2 = in(reg) c.byte_add(TILE * sc),
			sc = in(reg) sc,
			options(nostack),
		);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn packing_puts_each_weight_where_the_tile_reads_it() {
		let (n, k) = (35, 70);
		let b: Vec<i8> = (0..n * k).map(|i| (i % 251) as u8 as i8).collect();
		let p = pack(&b, n, k);
		let chunks = 2;
		assert_eq!(p.len(), 4 * chunks * BLOCK, "35 rows pad to 4 panels (pairs), 70 bytes to 2 chunks");
		for j in 0..n {
			for t in 0..k {
				let at = (j / 16 * chunks + t / 64) * BLOCK + (t % 64) / 4 * 64 + (j % 16) * 4 + t % 4;
				assert_eq!(p[at], b[j * k + t], "B[{j}][{t}]");
			}
		}
		assert_eq!(p.iter().filter(|v| **v != 0).count(), b.iter().filter(|v| **v != 0).count(), "zeros elsewhere");
	}
}
