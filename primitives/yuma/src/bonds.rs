//! Step 9: bonds and dividends, for each variant.

use crate::{
	fixed::I32F32,
	sparse::{col_max_upscale, col_normalize, ema, merge_rows, normalize, Sparse},
	types::{Hyperparams, U16Row, Variant},
};
use alloc::vec::Vec;

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

/// Stored bonds read as the variant stores them, dropping bonds to uids registered
/// since the last epoch.
fn read_bonds(stored: &[U16Row], fresh: &[bool], proportion: bool) -> Sparse {
	stored
		.iter()
		.map(|row| {
			row.iter()
				.filter(|(j, v)| *v != 0 && !fresh[*j as usize])
				.map(|(j, v)| {
					let value = if proportion { I32F32::from_u16_proportion(*v) } else { I32F32::from_u16(*v) };
					(*j, value)
				})
				.collect()
		})
		.collect()
}

/// `Σ_j m[i][j] * x[j]` for each row.
fn row_dot(m: &Sparse, x: &[I32F32]) -> Vec<I32F32> {
	m.iter().map(|row| row.iter().fold(I32F32::ZERO, |acc, (j, v)| acc.add(v.mul(x[*j as usize])))).collect()
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

/// Updates bonds from the bond weights `wb` and pays dividends by them.
pub fn update(
	params: &Hyperparams,
	stored: &[U16Row],
	wb: &Sparse,
	a: &[I32F32],
	c: &[I32F32],
	incentive: &[I32F32],
	fresh: &[bool],
) -> BondsOutcome {
	let n = a.len();
	let alpha = ema_alpha(params.bonds_moving_average);
	match params.variant {
		Variant::Yuma => {
			let mut b = read_bonds(stored, fresh, false);
			col_normalize(&mut b, n);
			let mut delta: Sparse = wb
				.iter()
				.enumerate()
				.map(|(i, row)| row.iter().map(|(j, v)| (*j, v.mul(a[i]))).filter(|(_, v)| !v.is_zero()).collect())
				.collect();
			col_normalize(&mut delta, n);
			let mut eb = ema(&delta, &b, alpha);
			col_normalize(&mut eb, n);
			let mut dividends = row_dot(&eb, incentive);
			normalize(&mut dividends);
			BondsOutcome { stored: col_max_upscale(&eb, n), dividends }
		},
		Variant::Yuma3 => {
			let b = read_bonds(stored, fresh, true);
			let liquid = params.liquid_alpha && c.iter().any(|x| !x.is_zero());
			let eb = if liquid {
				merge_rows(wb, &b, |j, w, old| {
					let alpha = liquid_alpha(params, w, old, c[j as usize]);
					let kept = I32F32::ONE.sub(alpha).mul(old);
					kept.add(alpha.mul(w).max(I32F32::ZERO)).min(I32F32::ONE)
				})
			} else {
				ema(wb, &b, alpha)
			};
			let mut eb_normalized = eb.clone();
			col_normalize(&mut eb_normalized, n);
			let mut dividends: Vec<I32F32> =
				row_dot(&eb_normalized, incentive).iter().zip(a).map(|(d, ai)| ai.mul(*d)).collect();
			normalize(&mut dividends);
			let stored = eb
				.iter()
				.map(|row| row.iter().map(|(j, v)| (*j, v.to_u16())).filter(|(_, v)| *v != 0).collect())
				.collect();
			BondsOutcome { stored, dividends }
		},
	}
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
