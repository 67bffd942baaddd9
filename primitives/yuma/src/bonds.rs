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

/// `alpha = 1 - bonds_moving_average / 1_000_000`, in I64F64 then truncated to I32F32.
pub fn ema_alpha(bonds_moving_average: u64) -> I32F32 {
	let one = 1u128 << 64;
	let fraction = ((bonds_moving_average as u128) << 64) / 1_000_000;
	I32F32::from_bits((one.saturating_sub(fraction) >> 32) as i64)
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
/// (above it) or from the bond (below it), mapped into `[low, high]`.
fn liquid_alpha(params: &Hyperparams, wb: I32F32, b: I32F32, c: I32F32) -> I32F32 {
	let d = if wb >= b { wb.sub(c) } else { b.sub(wb) }.clamp(I32F32::ZERO, I32F32::ONE);
	let steepness = I32F32::ratio(params.alpha_steepness as u128, 100);
	let sigma = steepness.mul(d.sub(I32F32::HALF)).sigmoid();
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
	fn alpha_from_the_moving_average() {
		// 900_000 -> 1 - 0.9 = 0.1 (I64F64 then truncated).
		let alpha = ema_alpha(900_000);
		let expected = ((1u128 << 64) - (900_000u128 << 64) / 1_000_000) >> 32;
		assert_eq!(alpha.to_bits(), expected as i64);
		assert!((alpha.to_bits() - I32F32::ratio(1, 10).to_bits()).abs() <= 1);
		assert_eq!(ema_alpha(0), I32F32::ONE);
		assert_eq!(ema_alpha(1_000_000), I32F32::ZERO);
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
