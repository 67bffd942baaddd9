//! The per-block mint: the halving schedule's reward, split across subnets by stake
//! and paid demand, added to each subnet's pending emission.

use crate::{pallet::*, split, weights::WeightInfo, SCHEDULE};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::fungible::Mutate, weights::WeightMeter};
use hearth_primitives::{SubnetDemand, SubnetStakes};
use sp_runtime::Perbill;

impl<T: Config> Pallet<T> {
	/// Sets λ, the weight of paid demand against stake when the block reward is
	/// split across subnets (0 = stake alone). Admin origin (root).
	pub(crate) fn do_set_demand_blend(blend: Perbill) -> DispatchResult {
		DemandBlend::<T>::put(blend);
		Self::deposit_event(Event::DemandBlendSet { blend });
		Ok(())
	}

	/// Mints this block's reward into the pot and adds each subnet's part to its
	/// pending emission; `meter` records the weight measured for the subnets read.
	pub(crate) fn mint_block_reward(meter: &mut WeightMeter) {
		let mut subnets = T::Subnets::subnet_stakes();
		subnets.truncate(T::MaxSubnets::get() as usize);
		let count = subnets.len() as u32;
		meter.consume(T::WeightInfo::on_initialize(count));
		let reward = SCHEDULE.reward(Emitted::<T>::get());
		if subnets.is_empty() || reward == 0 {
			return;
		}
		let entries: Vec<split::SubnetWeight> = subnets
			.iter()
			.map(|(netuid, stake)| split::SubnetWeight {
				stake: *stake,
				demand: T::Demand::demand(*netuid),
				burned: T::Demand::burned(*netuid),
			})
			.collect();
		let parts = split::split_reward(reward, &entries, DemandBlend::<T>::get(), T::DemandBurnCap::get());
		let minted = parts.iter().fold(0u128, |acc, p| acc.saturating_add(*p));
		if minted == 0 {
			return;
		}
		// The pot exists and `minted` is at most 0.5 HTH: this cannot fail; if it
		// somehow did, nothing is recorded as emitted and the failure is on record.
		if let Err(error) = T::Currency::mint_into(&Self::account_id(), minted) {
			Self::deposit_event(Event::MintFailed { amount: minted, error });
			return;
		}
		for ((netuid, _), part) in subnets.iter().zip(parts) {
			if part > 0 {
				PendingEmission::<T>::mutate(netuid, |p| *p = p.saturating_add(part));
			}
		}
		Emitted::<T>::mutate(|e| *e = e.saturating_add(minted));
		Self::deposit_event(Event::RewardMinted { minted, subnets: count });
	}
}
