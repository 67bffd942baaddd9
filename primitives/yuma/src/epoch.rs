//! One epoch: steps 0–11 of the specification, over sparse weights and bonds.

use crate::{
	bonds,
	clip::{BondWeights, Clip, Clipped, Penalty},
	csr::SortedRow,
	fixed::{sum, I32F32},
	median::consensus,
	sparse::normalize,
	types::{EpochError, EpochInput, EpochOutput, U16Row, Variant},
	weights::Weights,
};
use alloc::{borrow::Cow, vec, vec::Vec};

/// Checks that `rows` has one row per uid, with existing, distinct uids, and returns
/// each row sorted by uid (borrowed when it already is, as stored rows are).
fn checked_rows<'a>(
	field: &'static str,
	rows: &'a [U16Row],
	n: usize,
) -> Result<Vec<Cow<'a, [(u16, u16)]>>, EpochError> {
	if rows.len() != n {
		return Err(EpochError::LengthMismatch { field, expected: n, got: rows.len() });
	}
	rows.iter()
		.enumerate()
		.map(|(row, entries)| {
			let sorted = entries.windows(2).all(|pair| pair[0].0 < pair[1].0);
			if sorted && entries.last().is_none_or(|(uid, _)| (*uid as usize) < n) {
				return Ok(Cow::Borrowed(entries.as_slice()));
			}
			let mut sorted = entries.clone();
			sorted.sort_by_key(|(uid, _)| *uid);
			for pair in sorted.windows(2) {
				if pair[0].0 == pair[1].0 {
					return Err(EpochError::DuplicateUid { field, row, uid: pair[0].0 });
				}
			}
			if let Some(&(uid, _)) = sorted.iter().find(|(uid, _)| *uid as usize >= n) {
				return Err(EpochError::UidOutOfRange { field, row, uid });
			}
			Ok(Cow::Owned(sorted))
		})
		.collect()
}

/// `S = stake / Σ stake`, computed exactly (the I64F64 normalisation truncated to I32F32).
pub fn stake_shares(stakes: &[u64]) -> Vec<I32F32> {
	let total: u128 = stakes.iter().map(|s| *s as u128).sum();
	stakes.iter().map(|s| I32F32::ratio(*s as u128, total)).collect()
}

/// New validator permits: the top `k` uids by stake share, among non-zero shares; ties
/// go to the higher uid (a stable ascending sort clears the first `n - k`).
pub fn top_k_permits(s: &[I32F32], k: usize) -> Vec<bool> {
	let n = s.len();
	let mut permit: Vec<bool> = s.iter().map(|x| !x.is_zero()).collect();
	if n > k {
		let mut order: Vec<usize> = (0..n).collect();
		order.sort_by_key(|&i| s[i]);
		for &i in &order[..n - k] {
			permit[i] = false;
		}
	}
	permit
}

/// `floor(amount * part / whole)` without overflow for non-negative fixed-point values.
pub(crate) fn pro_rata(amount: u128, part: I32F32, whole: I32F32) -> u128 {
	let (p, w) = (part.to_bits().max(0) as u128, whole.to_bits().max(0) as u128);
	if w == 0 {
		return 0;
	}
	(amount / w).saturating_mul(p).saturating_add((amount % w).saturating_mul(p) / w)
}

/// Runs one epoch.
///
/// Emission amounts are computed exactly from the fixed-point values rather than
/// through a truncated I32F32 share: a uid's total is `floor(E · (I + D) / Σ(I + D))`,
/// its miner part `floor(E · I / Σ)`, so an epoch pays at most `E` and loses less than
/// one smallest unit per uid.
pub fn run_epoch(input: &EpochInput<'_>) -> Result<EpochOutput, EpochError> {
	let neurons = input.neurons;
	let n = neurons.len();
	if n > (u16::MAX as usize) + 1 {
		return Err(EpochError::TooManyUids(n));
	}
	let stored_weights = checked_rows("weights", input.weights, n)?;
	let stored_bonds = checked_rows("bonds", input.bonds, n)?;
	let params = input.params;
	let block = input.block;

	// 0. Activity.
	let active: Vec<bool> =
		neurons.iter().map(|nr| nr.last_update.saturating_add(params.activity_cutoff) >= block).collect();

	// 1. Stake.
	let s = stake_shares(&neurons.iter().map(|nr| nr.stake).collect::<Vec<_>>());

	// 2. Permits: new ones for the next epoch; this epoch uses the stored ones.
	let validator_permit = top_k_permits(&s, params.max_validators as usize);
	let old_permit: Vec<bool> = neurons.iter().map(|nr| nr.validator_permit).collect();

	// 3. Active stake.
	let mut a: Vec<I32F32> = (0..n).map(|i| if active[i] && old_permit[i] { s[i] } else { I32F32::ZERO }).collect();
	normalize(&mut a);

	// 4. Weights: permitted rows, no self-weight, nothing older than the target's
	// registration (nor, with commit-reveal, than the earliest unrevealed commit),
	// normalised as they are read.
	let w = Weights::new(&stored_weights, neurons, &old_permit, params);

	// 5–8. Consensus, and clipping to it (validator trust, incentive and, for the
	// original Yuma, the column sums of ΔB) as each column's consensus is found.
	let kappa = I32F32::from_u16_proportion(params.kappa);
	let penalty = Penalty::new(I32F32::from_u16_proportion(params.bonds_penalty));
	let voter_entries = (0..n).filter(|&i| a[i] > I32F32::ZERO).map(|i| w.row(i).len()).sum();
	let mut clip = Clip::new(n, &a, penalty, (params.variant == Variant::Yuma).then_some(voter_entries));
	let c = consensus(|i| w.row(i), &a, kappa, n, |j, c, votes| clip.credit(j, c, votes));
	// Validators with a permit but no active stake do not vote; their weights still clip.
	for i in (0..n).filter(|&i| a[i] <= I32F32::ZERO) {
		let row = w.row(i);
		for k in 0..row.len() {
			let (j, weight) = row.entry(k);
			clip.credit(j, c.get(j as usize).copied().unwrap_or_default(), core::iter::once((i, weight, usize::MAX)));
		}
	}
	let Clipped { validator_trust, incentive, delta_sums, delta } = clip.finish();

	// 9. Bonds and dividends.
	let bond_cutoff = match input.last_epoch_block {
		Some(last) => last.saturating_add(1),
		None => block.saturating_sub(params.tempo),
	};
	let fresh: Vec<bool> = neurons.iter().map(|nr| bond_cutoff <= nr.registered_at).collect();
	let bond_weights = BondWeights::new(&c, penalty);
	let inputs = bonds::Inputs {
		weights: &w,
		bond_weights,
		incentive: &incentive,
		delta_sums: &delta_sums,
		delta: &delta,
		a: &a,
		fresh: &fresh,
	};
	let outcome = bonds::update(params, &stored_bonds, &inputs);
	let dividends = outcome.dividends;
	// Only uids that hold a new permit keep a bond row: a validator that loses its permit
	// loses its bonds (they paid this epoch's dividends, never a later one's).
	let bonds: Vec<U16Row> = outcome
		.stored
		.into_iter()
		.zip(&validator_permit)
		.map(|(row, permit)| if *permit { row } else { Vec::new() })
		.collect();

	// 10. Emission split.
	let total = sum(&incentive).add(sum(&dividends));
	let (miner_emission, validator_emission) = if total > I32F32::ZERO {
		// Each uid's total is floored once, so the epoch loses less than one unit per uid.
		let miner: Vec<u128> = incentive.iter().map(|x| pro_rata(input.emission, *x, total)).collect();
		let validator = (0..n)
			.map(|i| pro_rata(input.emission, incentive[i].add(dividends[i]), total).saturating_sub(miner[i]))
			.collect();
		(miner, validator)
	} else {
		// No weights at all: validators by active stake, or by stake if none is active.
		let basis = if sum(&a).is_zero() { &s } else { &a };
		let whole = sum(basis);
		(vec![0; n], basis.iter().map(|x| pro_rata(input.emission, *x, whole)).collect())
	};

	// 11. Stored forms.
	let to_u16 = |v: &[I32F32]| v.iter().map(|x| x.to_u16()).collect::<Vec<_>>();
	Ok(EpochOutput {
		active,
		validator_permit,
		consensus: to_u16(&c),
		incentive: to_u16(&incentive),
		dividends: to_u16(&dividends),
		validator_trust: to_u16(&validator_trust),
		bonds,
		miner_emission,
		validator_emission,
	})
}
