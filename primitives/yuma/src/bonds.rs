//! Step 9: bonds and dividends, for each variant, over compressed sparse rows.

use crate::{
	csr::{divisors, merge, Csr},
	fixed::I32F32,
	sparse::normalize,
	types::{Hyperparams, U16Row, Variant},
};
use alloc::{vec, vec::Vec};

/// New bonds (stored form) and the normalised dividends.
pub struct BondsOutcome {
	/// The bonds to store, one row per uid, as `u16` fractions.
	pub stored: Vec<U16Row>,
	/// Each uid's dividend share (before normalisation to emission).
	pub dividends: Vec<I32F32>,
}

/// The EMA factor `alpha = 1 - bonds_moving_average / 1_000_000`, computed as subtensor
/// does: the quotient in I64F64 (truncating), converted to I32F32 (dropping 32 fraction
/// bits), then subtracted from 1 in I32F32. For 900000 that is 429496730 raw
/// (`2^32 - floor(0.9 · 2^32)`), one bit above `floor(0.1 · 2^32)`. A moving average above
/// 1_000_000 (which the subnets pallet refuses) counts as 1_000_000: alpha is never
/// negative.
pub fn ema_alpha(bonds_moving_average: u64) -> I32F32 {
	let average = u128::from(bonds_moving_average.min(1_000_000));
	let quotient_i64f64 = (average << 64) / 1_000_000;
	I32F32::ONE.sub(I32F32::from_bits((quotient_i64f64 >> 32) as i64))
}

/// The original Yuma's stored bonds read as integers (`65535` → 65535.0), dropping
/// zeros and bonds to uids registered since the last epoch. Rows must be sorted by
/// column (the epoch checked them).
fn read_bonds<R: AsRef<[(u16, u16)]>>(stored: &[R], fresh: &[bool]) -> Csr {
	let entries = stored.iter().map(|row| row.as_ref().len()).sum();
	let mut bonds = Csr::with_capacity(stored.len(), entries);
	for row in stored {
		for &(j, v) in row.as_ref() {
			if v != 0 && !fresh.get(j as usize).copied().unwrap_or(true) {
				bonds.push(j, I32F32::from_u16(v));
			}
		}
		bonds.end_row();
	}
	bonds
}

/// The liquid alpha of one bond: a sigmoid of how far the weight is from consensus
/// (above it) or from the bond (below it), mapped into `[low, high]`, with subtensor's
/// order of operations: the exponent is `(steepness / -100) * (d - 1/2)` (the division
/// first, truncating toward zero, then the floor multiplication), and
/// `sigma = 1 / (1 + exp(exponent))`.
pub fn liquid_alpha(params: &Hyperparams, wb: I32F32, b: I32F32, c: I32F32) -> I32F32 {
	let d = if wb >= b { wb.sub(c) } else { b.sub(wb) }.clamp(I32F32::ZERO, I32F32::ONE);
	let slope = I32F32::from_int(i64::from(params.alpha_steepness)).div(I32F32::from_int(-100));
	let sigma = I32F32::ONE.div(I32F32::ONE.add(slope.mul(d.sub(I32F32::HALF)).exp()));
	let (low, high) = (I32F32::from_u16_proportion(params.alpha_low), I32F32::from_u16_proportion(params.alpha_high));
	low.add(sigma.mul(high.sub(low))).clamp(low, high)
}

/// Updates bonds from the bond weights `wb` (one row per uid) and pays dividends by
/// them. `stored` holds the previous bonds, one sorted row per uid.
pub fn update<R: AsRef<[(u16, u16)]>>(
	params: &Hyperparams,
	stored: &[R],
	wb: &Csr,
	a: &[I32F32],
	c: &[I32F32],
	incentive: &[I32F32],
	fresh: &[bool],
) -> BondsOutcome {
	match params.variant {
		Variant::Yuma => update_yuma(params, stored, wb, a, incentive, fresh),
		Variant::Yuma3 => update_yuma3(params, stored, wb, a, c, incentive, fresh),
	}
}

/// The original Yuma: `B` and `ΔB = Wb ∘ A` column-normalised, `EB` their EMA,
/// column-normalised; dividends `EB · I`; stored column-max-upscaled by truncation.
fn update_yuma<R: AsRef<[(u16, u16)]>>(
	params: &Hyperparams,
	stored: &[R],
	wb: &Csr,
	a: &[I32F32],
	incentive: &[I32F32],
	fresh: &[bool],
) -> BondsOutcome {
	let n = a.len();
	let alpha = ema_alpha(params.bonds_moving_average);
	let keep = I32F32::ONE.sub(alpha);
	let bonds = read_bonds(stored, fresh);
	// ΔB = Wb ∘ A is read from Wb where it is needed; only its column sums are kept.
	let mut delta_sums = vec![I32F32::ZERO; n];
	for (i, ai) in a.iter().enumerate() {
		let (cols, vals) = wb.row(i);
		for (j, v) in cols.iter().zip(vals) {
			if let Some(sum) = delta_sums.get_mut(*j as usize) {
				*sum = sum.add(v.mul(*ai));
			}
		}
	}
	let (bond_sums, delta_sums) = (divisors(&bonds.col_sums(n)), divisors(&delta_sums));
	let mut eb = Csr::with_capacity(n, wb.nnz().max(bonds.nnz()));
	for (i, ai) in a.iter().enumerate() {
		merge(wb.row(i), bonds.row(i), |j, w, y| {
			let col = j as usize;
			let x = w.mul(*ai);
			let (x, y) = (delta_sums[col].scale(x), bond_sums[col].scale(y));
			let value = alpha.mul(x).add(keep.mul(y));
			if !value.is_zero() {
				eb.push(j, value);
			}
		});
		eb.end_row();
	}
	eb.scale_cols(&divisors(&eb.col_sums(n)));
	let mut dividends = row_dot(&eb, incentive, n);
	normalize(&mut dividends);
	let maxima = divisors(&eb.col_maxima(n));
	let stored = (0..n)
		.map(|i| {
			let (cols, vals) = eb.row(i);
			cols.iter()
				.zip(vals)
				.map(|(j, v)| (*j, maxima[*j as usize].divide(*v).to_u16()))
				.filter(|(_, v)| *v != 0)
				.collect()
		})
		.collect();
	BondsOutcome { stored, dividends }
}

/// Yuma3: bonds move toward `Wb` by alpha (or each by its liquid alpha); dividends are
/// `A ∘ (col_normalize(EB) · I)`; stored as `floor(EB · 65535)`. Two passes over the
/// bonds: one merges `Wb` with the stored rows (reading them on the fly) into `EB`, its
/// stored form and its column sums; one pays dividends through the column reciprocals.
fn update_yuma3<R: AsRef<[(u16, u16)]>>(
	params: &Hyperparams,
	stored: &[R],
	wb: &Csr,
	a: &[I32F32],
	c: &[I32F32],
	incentive: &[I32F32],
	fresh: &[bool],
) -> BondsOutcome {
	let n = a.len();
	let alpha = ema_alpha(params.bonds_moving_average);
	let keep = I32F32::ONE.sub(alpha);
	let liquid = params.liquid_alpha && c.iter().any(|x| !x.is_zero());
	let mut eb = Csr::with_capacity(n, wb.nnz().max(stored.iter().map(|r| r.as_ref().len()).sum()));
	let mut sums = vec![I32F32::ZERO; n];
	let mut rows: Vec<U16Row> = Vec::with_capacity(n);
	let mut step = Yuma3Step { params, alpha, keep, liquid, c, fresh, eb: &mut eb, sums: &mut sums };
	for i in 0..n {
		let old_row = stored.get(i).map(|r| r.as_ref()).unwrap_or(&[]);
		let (wc, wv) = wb.row(i);
		let mut out = Vec::with_capacity(wc.len().max(old_row.len()));
		let (mut p, mut q) = (0, 0);
		while p < wc.len() && q < old_row.len() {
			let (j, (k, old)) = (wc[p], old_row[q]);
			if j == k {
				step.apply(j, wv[p], old, &mut out);
				p += 1;
				q += 1;
			} else if j < k {
				step.apply(j, wv[p], 0, &mut out);
				p += 1;
			} else {
				step.apply(k, I32F32::ZERO, old, &mut out);
				q += 1;
			}
		}
		for k in p..wc.len() {
			step.apply(wc[k], wv[k], 0, &mut out);
		}
		for &(k, old) in &old_row[q..] {
			step.apply(k, I32F32::ZERO, old, &mut out);
		}
		step.eb.end_row();
		rows.push(out);
	}
	let sums = divisors(&sums);
	let mut dividends = vec![I32F32::ZERO; n];
	for (i, d) in dividends.iter_mut().enumerate() {
		let (cols, vals) = eb.row(i);
		let share = cols
			.iter()
			.zip(vals)
			.fold(I32F32::ZERO, |acc, (j, v)| acc.add(sums[*j as usize].scale(*v).mul(incentive[*j as usize])));
		*d = a[i].mul(share);
	}
	normalize(&mut dividends);
	BondsOutcome { stored: rows, dividends }
}

/// One Yuma3 bond update, `(Wb, stored bond) -> EB`, with what it accumulates.
struct Yuma3Step<'a> {
	params: &'a Hyperparams,
	alpha: I32F32,
	keep: I32F32,
	liquid: bool,
	c: &'a [I32F32],
	fresh: &'a [bool],
	eb: &'a mut Csr,
	sums: &'a mut [I32F32],
}

impl Yuma3Step<'_> {
	/// The new bond of column `j` from its bond weight and its stored bond: appended to
	/// `EB`, added to the column's sum, and its stored form (if not 0) to `out`.
	#[inline(always)]
	fn apply(&mut self, j: u16, w: I32F32, stored: u16, out: &mut U16Row) {
		let col = j as usize;
		let old = if stored == 0 || self.fresh.get(col).copied().unwrap_or(true) {
			I32F32::ZERO
		} else {
			I32F32::from_u16_proportion(stored)
		};
		let value = if self.liquid {
			let alpha = liquid_alpha(self.params, w, old, self.c.get(col).copied().unwrap_or_default());
			I32F32::ONE.sub(alpha).mul(old).add(alpha.mul(w).max(I32F32::ZERO)).min(I32F32::ONE)
		} else {
			self.alpha.mul(w).add(self.keep.mul(old))
		};
		if !value.is_zero() {
			self.eb.push(j, value);
			if let Some(sum) = self.sums.get_mut(col) {
				*sum = sum.add(value);
			}
			let kept = value.to_u16();
			if kept != 0 {
				out.push((j, kept));
			}
		}
	}
}

/// `Σ_j m[i][j] * x[j]` for each of `n` rows (non-negative terms: the order of the
/// saturating additions does not matter).
fn row_dot(m: &Csr, x: &[I32F32], n: usize) -> Vec<I32F32> {
	let mut out = vec![I32F32::ZERO; n];
	for (i, slot) in out.iter_mut().enumerate() {
		let (cols, vals) = m.row(i);
		*slot = cols.iter().zip(vals).fold(I32F32::ZERO, |acc, (j, v)| acc.add(v.mul(x[*j as usize])));
	}
	out
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn alpha_from_the_moving_average_is_subtensors() {
		// The worked example of the specification: 1 - 0.9 is 429496730 raw, not
		// floor(0.1 * 2^32) = 429496729.
		assert_eq!(ema_alpha(900_000).to_bits(), 429_496_730);
		assert_eq!(I32F32::ratio(1, 10).to_bits(), 429_496_729);
		// 0.5 is exact either way; 0.7 = 3006477107.2 -> 1 - 0.7 = 2^32 - 3006477107.
		assert_eq!(ema_alpha(500_000), I32F32::HALF);
		assert_eq!(ema_alpha(700_000).to_bits(), (1i64 << 32) - 3_006_477_107);
		assert_eq!(ema_alpha(0), I32F32::ONE);
		assert_eq!(ema_alpha(1_000_000), I32F32::ZERO);
		assert_eq!(ema_alpha(u64::MAX), I32F32::ZERO, "never negative");
	}

	#[test]
	fn liquid_alpha_stays_within_its_bounds() {
		let params = Hyperparams { liquid_alpha: true, ..Default::default() };
		let low = I32F32::from_u16_proportion(params.alpha_low);
		let high = I32F32::from_u16_proportion(params.alpha_high);
		for (wb, b, c) in [(1, 0, 0), (0, 1, 0), (5, 5, 5), (10, 0, 10)] {
			let x = liquid_alpha(&params, I32F32::ratio(wb, 10), I32F32::ratio(b, 10), I32F32::ratio(c, 10));
			assert!(x >= low && x <= high);
		}
		// Far above consensus: alpha near high; at consensus (d = 0): near low.
		let far = liquid_alpha(&params, I32F32::ONE, I32F32::ZERO, I32F32::ZERO);
		let near = liquid_alpha(&params, I32F32::HALF, I32F32::ZERO, I32F32::HALF);
		assert!(far > near);
	}
}
