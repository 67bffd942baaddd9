//! Step 9: bonds and dividends, for each variant, over compressed sparse rows.

use crate::{
	clip::BondWeights,
	csr::{merge, Csr},
	divide::{divisors, Divisor},
	fixed::I32F32,
	sparse::normalize,
	types::{Hyperparams, U16Row, Variant},
	weights::{SumDivisor, Weights},
};
use alloc::{vec, vec::Vec};

/// New bonds (stored form) and the normalised dividends.
pub struct BondsOutcome {
	/// The bonds to store, one row per uid, as `u16` fractions.
	pub stored: Vec<U16Row>,
	/// Each uid's dividend share (before normalisation to emission).
	pub dividends: Vec<I32F32>,
}

/// What step 9 reads from the earlier steps.
pub struct Inputs<'e> {
	/// The weights `W`.
	pub weights: &'e Weights<'e>,
	/// How `W` becomes the bond weights `Wb`.
	pub bond_weights: BondWeights<'e>,
	/// The normalised incentive `I`.
	pub incentive: &'e [I32F32],
	/// The column sums of `ΔB = Wb ∘ A` (the original Yuma only).
	pub delta_sums: &'e [I32F32],
	/// `ΔB`'s entries, voters' rows one after the other (the original Yuma only).
	pub delta: &'e [I32F32],
	/// The active stake `A`.
	pub a: &'e [I32F32],
	/// Whether each uid registered since the last epoch (its bonds read as 0).
	pub fresh: &'e [bool],
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

/// A stored bond as the epoch reads it: 0 when it is to a uid registered since the last
/// epoch (`fresh`), otherwise the stored u16 (the original Yuma reads it as an integer,
/// Yuma3 as `v / 65535`).
#[inline(always)]
fn live_bond(stored: u16, fresh: bool) -> u16 {
	if fresh {
		0
	} else {
		stored
	}
}

/// Stored row `i` (empty beyond the last).
#[inline(always)]
fn stored_row<R: AsRef<[(u16, u16)]>>(stored: &[R], i: usize) -> &[(u16, u16)] {
	stored.get(i).map_or(&[], |r| r.as_ref())
}

/// Which uids registered since the last epoch (their bonds read as 0); usually none, and
/// then nothing is looked up per bond.
#[derive(Clone, Copy)]
struct Fresh<'a>(Option<&'a [bool]>);

impl<'a> Fresh<'a> {
	fn new(fresh: &'a [bool]) -> Self {
		Self(fresh.iter().any(|f| *f).then_some(fresh))
	}

	/// Whether column `j` is fresh (out of range counts as fresh: it has no bonds).
	#[inline(always)]
	fn is(self, j: u16) -> bool {
		self.0.is_some_and(|fresh| fresh.get(j as usize).copied().unwrap_or(true))
	}
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

/// Updates bonds from the bond weights and pays dividends by them. `stored` holds the
/// previous bonds, one sorted row per uid.
pub fn update<R: AsRef<[(u16, u16)]>>(params: &Hyperparams, stored: &[R], inputs: &Inputs<'_>) -> BondsOutcome {
	match params.variant {
		Variant::Yuma => update_yuma(params, stored, inputs),
		Variant::Yuma3 => update_yuma3(params, stored, inputs),
	}
}

/// Room for the union of `W` and the stored bonds.
fn union_capacity<R: AsRef<[(u16, u16)]>>(weights: &Weights<'_>, stored: &[R]) -> usize {
	let w: usize = (0..weights.rows()).map(|i| weights.row(i).len()).sum();
	w.saturating_add(stored.iter().map(|r| r.as_ref().len()).sum::<usize>())
}

/// The original Yuma: `B` and `ΔB = Wb ∘ A` column-normalised, `EB` their EMA,
/// column-normalised; dividends `EB · I`; stored column-max-upscaled by truncation.
/// Neither `B` nor `ΔB` is built as a matrix: `ΔB`'s entries and column sums come from
/// the clipping (which consensus runs), `B`'s column sums from one pass over the stored
/// rows; the merge of `ΔB`'s rows with the stored rows gives `EB`, its column sums and
/// maxima; a last pass normalises `EB` as it reads it, pays dividends and stores it.
fn update_yuma<R: AsRef<[(u16, u16)]>>(params: &Hyperparams, stored: &[R], inputs: &Inputs<'_>) -> BondsOutcome {
	let Inputs { weights, incentive, delta_sums, delta, a, fresh, .. } = *inputs;
	let fresh = Fresh::new(fresh);
	let n = a.len();
	let alpha = ema_alpha(params.bonds_moving_average);
	let keep = I32F32::ONE.sub(alpha);
	// The stored bonds are integers: their column sums are integer sums, and `B[i][j]`
	// is `v / S_j` exactly as a row of W is normalised.
	let mut bond_sums = vec![0u64; n];
	for row in stored {
		for &(j, v) in row.as_ref() {
			if let Some(sum) = bond_sums.get_mut(j as usize) {
				*sum = sum.saturating_add(u64::from(live_bond(v, fresh.is(j))));
			}
		}
	}
	let delta_sums = divisors(delta_sums);
	let bond_sums: Vec<SumDivisor> = bond_sums.iter().map(|s| SumDivisor::new(*s)).collect();
	let mut eb = Csr::with_capacity(n, union_capacity(weights, stored));
	let (mut sums, mut maxima) = (vec![I32F32::ZERO; n], vec![I32F32::ZERO; n]);
	let mut from = 0;
	for (i, ai) in a.iter().enumerate() {
		let row = weights.row(i);
		// A voter's row of ΔB was computed by the clipping; a row without stake is 0.
		let products = if *ai > I32F32::ZERO {
			let to = from + row.len();
			let products = delta.get(from..to).unwrap_or(&[]);
			from = to;
			products
		} else {
			&[]
		};
		for (j, x, old) in merge(row.with_values(products), stored_row(stored, i)) {
			let col = j as usize;
			let x = delta_sums[col].scale(x);
			let y = bond_sums[col].apply(live_bond(old, fresh.is(j)));
			let value = alpha.mul(x).add(keep.mul(y));
			if !value.is_zero() {
				eb.push(j, value);
				sums[col] = sums[col].add(value);
				maxima[col] = maxima[col].max(value);
			}
		}
		eb.end_row();
	}
	// Division by a positive constant is monotone, so a column's normalised maximum is
	// its maximum normalised.
	let sums = divisors(&sums);
	let maxima: Vec<Divisor> = maxima.iter().zip(&sums).map(|(m, s)| Divisor::new(s.scale(*m))).collect();
	let mut dividends = Vec::with_capacity(n);
	let mut rows: Vec<U16Row> = Vec::with_capacity(n);
	for i in 0..n {
		let row = eb.row(i);
		let mut share = I32F32::ZERO;
		let mut out = Vec::with_capacity(row.len());
		for (j, v) in row {
			let col = *j as usize;
			let normalised = sums[col].scale(*v);
			share = share.add(normalised.mul(incentive[col]));
			let kept = maxima[col].divide(normalised).to_u16();
			if kept != 0 {
				out.push((*j, kept));
			}
		}
		dividends.push(share);
		rows.push(out);
	}
	normalize(&mut dividends);
	BondsOutcome { stored: rows, dividends }
}

/// Yuma3: bonds move toward `Wb` by alpha (or each by its liquid alpha); dividends are
/// `A ∘ (col_normalize(EB) · I)`; stored as `floor(EB · 65535)`. Two passes over the
/// bonds: one merges the bond weights with the stored rows into `EB`, its stored form
/// and its column sums; one pays dividends through the column reciprocals.
fn update_yuma3<R: AsRef<[(u16, u16)]>>(params: &Hyperparams, stored: &[R], inputs: &Inputs<'_>) -> BondsOutcome {
	let Inputs { weights, bond_weights, incentive, a, fresh, .. } = *inputs;
	let fresh = Fresh::new(fresh);
	let n = a.len();
	let alpha = ema_alpha(params.bonds_moving_average);
	let keep = I32F32::ONE.sub(alpha);
	let liquid = params.liquid_alpha && (0..n).any(|j| !bond_weights.consensus(j as u16).is_zero());
	let mut eb = Csr::with_capacity(n, union_capacity(weights, stored));
	let mut rows: Vec<U16Row> = Vec::with_capacity(n);
	let mut sums = vec![I32F32::ZERO; n];
	for i in 0..n {
		let old_row = stored_row(stored, i);
		let w_row = weights.row(i);
		let mut out = Vec::with_capacity(w_row.len().max(old_row.len()));
		for (j, w, old) in merge(w_row, old_row) {
			let col = j as usize;
			let wb = bond_weights.of(j, w);
			let old = I32F32::from_u16_proportion(live_bond(old, fresh.is(j)));
			let value = if liquid {
				let alpha = liquid_alpha(params, wb, old, bond_weights.consensus(j));
				I32F32::ONE.sub(alpha).mul(old).add(alpha.mul(wb).max(I32F32::ZERO)).min(I32F32::ONE)
			} else {
				alpha.mul(wb).add(keep.mul(old))
			};
			if !value.is_zero() {
				eb.push(j, value);
				if let Some(sum) = sums.get_mut(col) {
					*sum = sum.add(value);
				}
				let kept = value.to_u16();
				if kept != 0 {
					out.push((j, kept));
				}
			}
		}
		eb.end_row();
		rows.push(out);
	}
	let shares = normalize_cols_and_dot(&eb, &sums, incentive);
	let mut dividends: Vec<I32F32> = shares.iter().zip(a).map(|(d, ai)| ai.mul(*d)).collect();
	normalize(&mut dividends);
	BondsOutcome { stored: rows, dividends }
}

/// `Σ_j (m[i][j] / sums[j]) * x[j]` for each row (`m` column-normalised, then
/// multiplied by `x`), in one pass. Terms are non-negative, so the order
/// of the saturating additions does not matter.
fn normalize_cols_and_dot(m: &Csr, sums: &[I32F32], x: &[I32F32]) -> Vec<I32F32> {
	let sums = divisors(sums);
	(0..m.rows())
		.map(|i| {
			m.row(i).iter().fold(I32F32::ZERO, |acc, (j, v)| {
				let col = *j as usize;
				acc.add(sums[col].scale(*v).mul(x[col]))
			})
		})
		.collect()
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
