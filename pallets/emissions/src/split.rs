//! Splitting one block's reward across subnets.

use alloc::vec::Vec;
use sp_runtime::{helpers_128bit::multiply_by_rational_with_rounding, PerThing, Perbill, Rounding};

/// `floor(amount · part / total)`; zero when `total` is zero.
fn share(amount: u128, part: u128, total: u128) -> u128 {
	if total == 0 {
		return 0;
	}
	multiply_by_rational_with_rounding(amount, part, total, Rounding::Down).unwrap_or(0)
}

/// Each subnet's part of `reward`, from `(stake, demand)` pairs:
/// `floor((1 - λ) · floor(reward · stake / Σstake)) + floor(λ · floor(reward · demand / Σdemand))`.
///
/// With no demand anywhere, stake alone decides (λ is ignored); with no stake anywhere,
/// demand alone; with neither, nobody gets anything (an empty subnet accrues nothing,
/// and nothing is minted for nobody). Every part is rounded down, so the parts never
/// sum to more than `reward`; the caller mints their sum.
pub fn split_reward(reward: u128, entries: &[(u128, u128)], blend: Perbill) -> Vec<u128> {
	let stake_total = entries.iter().fold(0u128, |acc, (s, _)| acc.saturating_add(*s));
	let demand_total = entries.iter().fold(0u128, |acc, (_, d)| acc.saturating_add(*d));
	entries
		.iter()
		.map(|(stake, demand)| match (stake_total, demand_total) {
			(0, 0) => 0,
			(_, 0) => share(reward, *stake, stake_total),
			(0, _) => share(reward, *demand, demand_total),
			_ => {
				let by_stake = blend.left_from_one().mul_floor(share(reward, *stake, stake_total));
				let by_demand = blend.mul_floor(share(reward, *demand, demand_total));
				by_stake.saturating_add(by_demand)
			},
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	#[test]
	fn stake_alone_without_demand() {
		let parts = split_reward(1_000, &[(1, 0), (3, 0)], Perbill::from_percent(50));
		assert_eq!(parts, vec![250, 750]);
	}

	#[test]
	fn demand_alone_without_stake() {
		let parts = split_reward(1_000, &[(0, 9), (0, 1)], Perbill::from_percent(10));
		assert_eq!(parts, vec![900, 100]);
	}

	/// At launch every subnet had zero stake, and each got an equal part: an empty
	/// subnet's owner collected its cut of a share nobody earned. With neither stake nor
	/// demand anywhere, nothing is split (nor minted).
	#[test]
	fn nothing_for_nobody_with_neither() {
		assert_eq!(split_reward(1_000, &[(0, 0), (0, 0), (0, 0)], Perbill::zero()), vec![0, 0, 0]);
		assert_eq!(split_reward(1_000, &[], Perbill::zero()), Vec::<u128>::new());
	}

	#[test]
	fn blend_weighs_stake_and_demand() {
		// Subnet 0: all the stake; subnet 1: all the demand. λ = 30 %.
		let parts = split_reward(1_000, &[(5, 0), (0, 7)], Perbill::from_percent(30));
		assert_eq!(parts, vec![700, 300]);
		// λ = 0: demand is ignored even when present.
		assert_eq!(split_reward(1_000, &[(5, 0), (0, 7)], Perbill::zero()), vec![1_000, 0]);
	}

	proptest! {
		#[test]
		fn parts_never_exceed_the_reward(
			reward in 0u128..=u64::MAX as u128,
			entries in proptest::collection::vec((0u128..1u128 << 90, 0u128..1u128 << 90), 0..64),
			blend in 0u32..=1_000_000_000,
		) {
			let parts = split_reward(reward, &entries, Perbill::from_parts(blend));
			prop_assert_eq!(parts.len(), entries.len());
			let sum = parts.iter().sum::<u128>();
			prop_assert!(sum <= reward);
			// Rounding loses less than one unit per subnet and per term.
			prop_assert!(entries.is_empty() || reward - sum <= 4 * entries.len() as u128);
		}
	}
}
