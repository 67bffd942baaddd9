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

/// One subnet as the split sees it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SubnetWeight {
	/// The stake its neurons held at its last epoch.
	pub stake: u128,
	/// Its paid demand (an EMA of lease earnings per block).
	pub demand: u128,
	/// What its lease payments burned (an EMA of the take per block).
	pub burned: u128,
}

/// Each subnet's part of `reward`: a stake part and a demand part.
///
/// - Stake: `floor((1 - λ) · floor(reward · stake_i / Σstake))`, or the whole
///   `floor(reward · stake_i / Σstake)` when no subnet has demand.
/// - Demand: `floor(λ · floor(reward · demand_i / Σdemand))` (without λ when no subnet
///   has stake), but never more than `floor(cap · burned_i)`: demand brings a subnet at
///   most `cap` (below one) of what its leases burn.
///
/// What the cap holds back is not minted, rather than handed to stake: otherwise a
/// staked attacker could wash-trade on another subnet to dilute honest demand shares
/// and collect the difference through its stake. As it is, adding demand never raises
/// anyone's stake part, so a provider leasing to itself gains at most `cap` of the take
/// it burns: wash trading always loses at least `1 - cap` of it.
///
/// With neither stake nor demand anywhere, nothing. Every part is rounded down, so the
/// parts never sum to more than `reward`; the caller mints their sum.
pub fn split_reward(reward: u128, subnets: &[SubnetWeight], blend: Perbill, cap: Perbill) -> Vec<u128> {
	let stake_total = subnets.iter().fold(0u128, |acc, s| acc.saturating_add(s.stake));
	let demand_total = subnets.iter().fold(0u128, |acc, s| acc.saturating_add(s.demand));
	let stake_blend = if demand_total == 0 { Perbill::one() } else { blend.left_from_one() };
	let demand_blend = if stake_total == 0 { Perbill::one() } else { blend };
	subnets
		.iter()
		.map(|s| {
			let by_stake = stake_blend.mul_floor(share(reward, s.stake, stake_total));
			let by_demand = demand_blend.mul_floor(share(reward, s.demand, demand_total)).min(cap.mul_floor(s.burned));
			by_stake.saturating_add(by_demand)
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	/// Uncapped: burns far above anything demand could bring.
	const BURNED: u128 = 1 << 100;
	const HALF: Perbill = Perbill::from_percent(50);

	fn w(stake: u128, demand: u128) -> SubnetWeight {
		SubnetWeight { stake, demand, burned: BURNED }
	}

	#[test]
	fn stake_alone_without_demand() {
		let parts = split_reward(1_000, &[w(1, 0), w(3, 0)], Perbill::from_percent(50), HALF);
		assert_eq!(parts, vec![250, 750]);
	}

	#[test]
	fn demand_alone_without_stake() {
		let parts = split_reward(1_000, &[w(0, 9), w(0, 1)], Perbill::from_percent(10), HALF);
		assert_eq!(parts, vec![900, 100]);
	}

	/// At launch every subnet had zero stake, and each got an equal part: an empty
	/// subnet's owner collected its cut of a share nobody earned. With neither stake nor
	/// demand anywhere, nothing is split (nor minted).
	#[test]
	fn nothing_for_nobody_with_neither() {
		assert_eq!(split_reward(1_000, &[w(0, 0), w(0, 0), w(0, 0)], Perbill::zero(), HALF), vec![0, 0, 0]);
		assert_eq!(split_reward(1_000, &[], Perbill::zero(), HALF), Vec::<u128>::new());
	}

	#[test]
	fn blend_weighs_stake_and_demand() {
		// Subnet 0: all the stake; subnet 1: all the demand. λ = 30 %.
		let parts = split_reward(1_000, &[w(5, 0), w(0, 7)], Perbill::from_percent(30), HALF);
		assert_eq!(parts, vec![700, 300]);
		// λ = 0: demand is ignored even when present.
		assert_eq!(split_reward(1_000, &[w(5, 0), w(0, 7)], Perbill::zero(), HALF), vec![1_000, 0]);
	}

	/// The attack: a provider leases to itself on a subnet with no other demand and
	/// steers λ of the whole reward (300 of 1_000) for a take of 40 a block. Capped at
	/// half its burn, demand brings it 20; the 280 held back are not minted.
	#[test]
	fn wash_trading_is_capped_at_half_its_burn() {
		let honest = SubnetWeight { stake: 5, demand: 0, burned: 0 };
		let washed = SubnetWeight { stake: 0, demand: 760, burned: 40 };
		let parts = split_reward(1_000, &[honest, washed], Perbill::from_percent(30), HALF);
		assert_eq!(parts, vec![700, 20]);
	}

	proptest! {
		#[test]
		fn parts_never_exceed_the_reward_and_demand_never_exceeds_its_cap(
			reward in 0u128..=u64::MAX as u128,
			entries in proptest::collection::vec((0u128..1u128 << 90, 0u128..1u128 << 90, 0u128..1u128 << 90), 0..64),
			blend in 0u32..=1_000_000_000,
			cap in 0u32..1_000_000_000,
		) {
			let subnets: Vec<SubnetWeight> =
				entries.iter().map(|(stake, demand, burned)| SubnetWeight { stake: *stake, demand: *demand, burned: *burned }).collect();
			let (blend, cap) = (Perbill::from_parts(blend), Perbill::from_parts(cap));
			let parts = split_reward(reward, &subnets, blend, cap);
			prop_assert_eq!(parts.len(), subnets.len());
			prop_assert!(parts.iter().sum::<u128>() <= reward);
			for (s, part) in subnets.iter().zip(&parts) {
				if s.stake == 0 {
					// All of a stakeless subnet's part is demand: within the cap.
					prop_assert!(*part <= cap.mul_floor(s.burned));
				}
			}
		}

		/// Wash trading never pays: an attacker adds `volume` of self-leasing to its
		/// subnet (it burns `take · volume`, the rest comes back to it). Whatever the
		/// other subnets and its own stake, the emission its subnet gains is at most
		/// `cap` of what it burned, so strictly less.
		#[test]
		fn wash_trading_never_earns_back_its_burn(
			reward in 1u128..=u64::MAX as u128,
			others in proptest::collection::vec((0u128..1u128 << 80, 0u128..1u128 << 80, 0u128..1u128 << 80), 0..16),
			attacker_stake in 0u128..1u128 << 80,
			volume in 1u128..1u128 << 80,
			take in 1u32..=1_000_000_000,
			blend in 0u32..=1_000_000_000,
			cap in 0u32..1_000_000_000,
		) {
			let (blend, cap, take) = (Perbill::from_parts(blend), Perbill::from_parts(cap), Perbill::from_parts(take));
			let mut subnets: Vec<SubnetWeight> =
				others.iter().map(|(stake, demand, burned)| SubnetWeight { stake: *stake, demand: *demand, burned: *burned }).collect();
			subnets.push(SubnetWeight { stake: attacker_stake, demand: 0, burned: 0 });
			let before = *split_reward(reward, &subnets, blend, cap).last().unwrap_or(&0);
			let burned = take.mul_floor(volume);
			if let Some(attacker) = subnets.last_mut() {
				*attacker = SubnetWeight { stake: attacker_stake, demand: volume - burned, burned };
			}
			let after = *split_reward(reward, &subnets, blend, cap).last().unwrap_or(&0);
			let gain = after.saturating_sub(before);
			prop_assert!(gain <= cap.mul_floor(burned), "gain {} for a burn of {}", gain, burned);
			prop_assert!(burned == 0 || gain < burned);
		}
	}
}
