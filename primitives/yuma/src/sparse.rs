//! Sparse matrices: one row per uid, each a list of `(column, value)` sorted by column.
//! Every operation here costs O(n + non-zeros); none builds an n×n matrix.

use crate::fixed::{sum, I32F32};
use alloc::{vec, vec::Vec};

/// One row: `(column uid, value)`, columns strictly increasing.
pub type Row = Vec<(u16, I32F32)>;
/// A sparse matrix of `n` rows.
pub type Sparse = Vec<Row>;

/// Divides every element by the sum; a zero sum leaves the vector unchanged.
pub fn normalize(v: &mut [I32F32]) {
	let total = sum(v);
	if total.is_zero() {
		return;
	}
	for x in v.iter_mut() {
		*x = x.div(total);
	}
}

/// Normalises each row to sum to one; rows summing to zero are left as they are.
pub fn row_normalize(m: &mut Sparse) {
	for row in m.iter_mut() {
		let total = row.iter().fold(I32F32::ZERO, |acc, (_, v)| acc.add(*v));
		if total.is_zero() {
			continue;
		}
		for (_, v) in row.iter_mut() {
			*v = v.div(total);
		}
	}
}

/// Column sums, adding rows in order.
pub fn col_sums(m: &Sparse, n: usize) -> Vec<I32F32> {
	let mut sums = vec![I32F32::ZERO; n];
	for row in m {
		for (j, v) in row {
			if let Some(s) = sums.get_mut(*j as usize) {
				*s = s.add(*v);
			}
		}
	}
	sums
}

/// Normalises each column to sum to one; columns summing to zero are left as they are.
pub fn col_normalize(m: &mut Sparse, n: usize) {
	let sums = col_sums(m, n);
	for row in m.iter_mut() {
		for (j, v) in row.iter_mut() {
			let s = sums.get(*j as usize).copied().unwrap_or(I32F32::ZERO);
			if !s.is_zero() {
				*v = v.div(s);
			}
		}
	}
}

/// Drops zero entries.
pub fn prune_zeros(m: &mut Sparse) {
	for row in m.iter_mut() {
		row.retain(|(_, v)| !v.is_zero());
	}
}

/// `round(x * 65535 / max)` for non-negative `x <= max`, half up, exactly.
pub fn upscale_to_u16(x: I32F32, max: I32F32) -> u16 {
	if max.to_bits() <= 0 || x.to_bits() <= 0 {
		return 0;
	}
	let (x, max) = (x.to_bits() as u128, max.to_bits() as u128);
	let rounded = (2 * x * u16::MAX as u128 + max) / (2 * max);
	rounded.min(u16::MAX as u128) as u16
}

/// Each column scaled so that its largest entry becomes 65535, as the original Yuma
/// stores its bonds and exactly as subtensor does it: `v = x / colmax` (I32F32 division,
/// truncating; 0 for a zero column), then `to_u16(v) = floor(v * 65535)`. Unlike the
/// weights' upscaling this truncates twice, so an entry at a quarter of its column's
/// maximum is stored as 16383, not 16384. Entries stored as 0 are dropped.
pub fn col_max_upscale(m: &Sparse, n: usize) -> Vec<Vec<(u16, u16)>> {
	let mut maxima = vec![I32F32::ZERO; n];
	for row in m {
		for (j, v) in row {
			if let Some(slot) = maxima.get_mut(*j as usize) {
				*slot = (*slot).max(*v);
			}
		}
	}
	m.iter()
		.map(|row| {
			row.iter()
				.filter_map(|(j, v)| {
					let max = maxima.get(*j as usize).copied().unwrap_or(I32F32::ZERO);
					let stored = v.div(max).to_u16();
					(stored > 0).then_some((*j, stored))
				})
				.collect()
		})
		.collect()
}

/// A row of weights as `set_weights` stores it: the largest becomes 65535, the others
/// `round(w * 65535 / max)`. An all-zero row stays zero.
pub fn max_upscale_u16(values: &[u16]) -> Vec<u16> {
	let max = values.iter().copied().max().unwrap_or(0);
	values.iter().map(|v| upscale_to_u16(I32F32::from_u16(*v), I32F32::from_u16(max))).collect()
}

/// Entry-wise `alpha * a + (1 - alpha) * b` over the union of both matrices' entries
/// (an entry missing on one side is zero there).
pub fn ema(a: &Sparse, b: &Sparse, alpha: I32F32) -> Sparse {
	let one_minus = I32F32::ONE.sub(alpha);
	merge_rows(a, b, |_, x, y| alpha.mul(x).add(one_minus.mul(y)))
}

/// Applies `f(j, a_ij, b_ij)` over the union of entries of `a` and `b`, row by row, in
/// column order, dropping zero results.
pub fn merge_rows(a: &Sparse, b: &Sparse, mut f: impl FnMut(u16, I32F32, I32F32) -> I32F32) -> Sparse {
	let rows = a.len().max(b.len());
	let empty: Row = Vec::new();
	(0..rows)
		.map(|i| {
			let (ra, rb) = (a.get(i).unwrap_or(&empty), b.get(i).unwrap_or(&empty));
			let mut out = Vec::with_capacity(ra.len().max(rb.len()));
			let (mut p, mut q) = (0, 0);
			while p < ra.len() || q < rb.len() {
				let (col, x, y) = match (ra.get(p), rb.get(q)) {
					(Some(&(ca, va)), Some(&(cb, vb))) if ca == cb => {
						p += 1;
						q += 1;
						(ca, va, vb)
					},
					(Some(&(ca, va)), Some(&(cb, _))) if ca < cb => {
						p += 1;
						(ca, va, I32F32::ZERO)
					},
					(Some(&(ca, va)), None) => {
						p += 1;
						(ca, va, I32F32::ZERO)
					},
					(_, Some(&(cb, vb))) => {
						q += 1;
						(cb, I32F32::ZERO, vb)
					},
					(None, None) => break,
				};
				let value = f(col, x, y);
				if !value.is_zero() {
					out.push((col, value));
				}
			}
			out
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	fn f(x: i64) -> I32F32 {
		I32F32::from_int(x)
	}

	#[test]
	fn normalize_edge_cases() {
		let mut zero = vec![I32F32::ZERO; 3];
		normalize(&mut zero);
		assert_eq!(zero, vec![I32F32::ZERO; 3], "zero sum untouched");
		let mut v = vec![f(1), f(1), f(2)];
		normalize(&mut v);
		assert_eq!(v, vec![I32F32::ratio(1, 4), I32F32::ratio(1, 4), I32F32::HALF]);
		let mut thirds = vec![f(1), f(1), f(1)];
		normalize(&mut thirds);
		assert_eq!(thirds, vec![I32F32::ratio(1, 3); 3], "each truncated: the sum is 1 - 3 bits");
		let mut empty: Vec<I32F32> = vec![];
		normalize(&mut empty);
	}

	#[test]
	fn row_and_column_normalisation() {
		let mut m: Sparse = vec![vec![(0, f(1)), (2, f(3))], vec![], vec![(2, f(1))]];
		row_normalize(&mut m);
		assert_eq!(m[0], vec![(0, I32F32::ratio(1, 4)), (2, I32F32::ratio(3, 4))]);
		assert!(m[1].is_empty());
		assert_eq!(m[2], vec![(2, I32F32::ONE)]);
		col_normalize(&mut m, 3);
		// Column 2 held 3/4 and 1: sums to 7/4.
		assert_eq!(m[0][1].1, I32F32::ratio(3, 4).div(I32F32::ratio(7, 4)));
		assert_eq!(m[0][0].1, I32F32::ONE);
	}

	#[test]
	fn weights_round_half_up_and_bonds_truncate() {
		assert_eq!(max_upscale_u16(&[1, 2, 4]), vec![16384, 32768, 65535]);
		assert_eq!(max_upscale_u16(&[0, 0]), vec![0, 0]);
		assert_eq!(max_upscale_u16(&[1, 3]), vec![21845, 65535]);
		// 1/2 * 65535 = 32767.5 -> 32768.
		assert_eq!(max_upscale_u16(&[1, 2]), vec![32768, 65535]);
		let m: Sparse = vec![vec![(0, f(1)), (1, I32F32::ratio(1, 1_000_000))], vec![(0, f(2))]];
		// Bonds truncate: 1/2 of the column maximum is floor(0.5 * 65535) = 32767.
		assert_eq!(col_max_upscale(&m, 2), vec![vec![(0, 32767), (1, 65535)], vec![(0, 65535)]]);
	}

	#[test]
	fn ema_covers_the_union_of_entries() {
		let new: Sparse = vec![vec![(1, f(1))]];
		let old: Sparse = vec![vec![(0, f(1))]];
		let out = ema(&new, &old, I32F32::ratio(1, 10));
		assert_eq!(out[0], vec![(0, I32F32::ONE.sub(I32F32::ratio(1, 10)).mul(f(1))), (1, I32F32::ratio(1, 10))]);
	}
}
