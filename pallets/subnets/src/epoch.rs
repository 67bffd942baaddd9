//! The epoch: scheduling, Yuma, and paying the subnet's pending emission.

use crate::{pallet::*, types::*, weights::WeightInfo};
use alloc::{vec, vec::Vec};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Balanced, Credit},
		Imbalance,
	},
	weights::WeightMeter,
};
use frame_system::pallet_prelude::BlockNumberFor;
use hearth_primitives::{EmissionPot, StakeInspect, StakeReward};
use hearth_yuma::{EpochInput, Neuron, U16Row};
use sp_runtime::{traits::Saturating, SaturatedConversion};

/// Stakes as u64 for Yuma, which only uses their ratios: every stake shifted right by
/// the same number of bits, the least that makes the largest fit.
pub(crate) fn scale_stakes(stakes: &[u128]) -> Vec<u64> {
	let max = stakes.iter().copied().max().unwrap_or(0);
	let shift = (u128::BITS - max.leading_zeros()).saturating_sub(u64::BITS);
	stakes.iter().map(|s| (s >> shift) as u64).collect()
}

/// Where block `block` falls in subnet `netuid`'s epoch cycle: `(block + netuid + 1)
/// mod (tempo + 1)`. The epoch runs where this is zero, so subnets with the same tempo
/// run in different blocks (the stagger).
pub(crate) fn stagger_phase(netuid: NetUid, tempo: u16, block: u64) -> u64 {
	block.saturating_add(u64::from(netuid)).saturating_add(1) % (u64::from(tempo) + 1)
}

/// What an epoch reads from storage, in uid order.
struct EpochState<AccountId> {
	keys: Vec<AccountId>,
	/// Each hotkey's stake, unscaled (their sum is the subnet's stake).
	stakes: Vec<u128>,
	neurons: Vec<Neuron>,
	weights: Vec<U16Row>,
	bonds: Vec<U16Row>,
}

/// What an epoch paid, by destination.
struct EpochPaid {
	to_owner: u128,
	to_miners: u128,
	to_validators: u128,
	/// Not paid: pending again for the next epoch.
	carried: u128,
}

impl<T: Config> Pallet<T> {
	/// The hook's work: queue due subnets, run at most `MaxEpochsPerBlock` of the
	/// queue; `meter` records the scan, the queue write and each epoch measured for
	/// its size.
	pub(crate) fn run_due_epochs(now: BlockNumberFor<T>, meter: &mut WeightMeter) {
		let list = SubnetEntries::<T>::get();
		let mut queue = PendingEpochs::<T>::get();
		let queued_before = queue.len();
		let now64: u64 = now.saturated_into();
		for entry in list.iter() {
			let due = stagger_phase(entry.netuid, entry.tempo, now64) == 0;
			if due && !queue.contains(&entry.netuid) {
				// The queue holds at most one entry per subnet, so it never overflows.
				if queue.try_push(entry.netuid).is_err() {
					frame_support::defensive!("the epoch queue holds one entry per subnet and MaxSubnets of them");
				}
			}
		}
		meter.consume(T::WeightInfo::on_initialize_scan(list.len() as u32));
		if queue.is_empty() {
			return;
		}
		let run = queue.len().min(T::MaxEpochsPerBlock::get() as usize);
		let to_run: Vec<NetUid> = queue.iter().take(run).copied().collect();
		queue = BoundedVec::truncate_from(queue.into_iter().skip(run).collect());
		PendingEpochs::<T>::put(&queue);
		if queued_before != queue.len() || run > 0 {
			meter.consume(T::DbWeight::get().writes(1));
		}
		for netuid in to_run {
			let n = Self::run_epoch(netuid, now);
			// Plus each neuron's registration count, read for the subnet's stake.
			meter.consume(T::WeightInfo::epoch(n).saturating_add(T::DbWeight::get().reads(n.into())));
		}
	}

	/// Runs `netuid`'s epoch at `now` and pays its pending emission. Returns its size.
	pub fn run_epoch(netuid: NetUid, now: BlockNumberFor<T>) -> u32 {
		let Some(info) = SubnetInfos::<T>::get(netuid) else { return 0 };
		let state = Self::epoch_state(netuid, &info);
		let n = state.keys.len();
		let pending = T::Emission::take_pending(netuid);
		let emission = pending.peek();
		// The owner's cut applies to emission that arrived since the last epoch: what
		// that epoch carried over (dust, refused credits, all of it on an empty subnet)
		// had its cut taken then, and is never cut twice.
		let carried_before = EpochAccounts::<T>::get(netuid).map_or(0, |a| a.carried);
		let to_owner = T::OwnerCut::get().mul_floor(emission.saturating_sub(carried_before));
		let params = info.params.to_yuma();
		let input = EpochInput {
			block: now.saturated_into(),
			// The last epoch ran in its block's `on_initialize`, before that block's
			// registrations: as Yuma counts blocks (bonds to uids registered after
			// `last_epoch_block` are dropped), it saw up to the block before.
			last_epoch_block: info.last_epoch.map(|b| b.saturated_into::<u64>().saturating_sub(1)),
			neurons: &state.neurons,
			weights: &state.weights,
			bonds: &state.bonds,
			params: &params,
			emission: emission.saturating_sub(to_owner),
		};
		let out = match hearth_yuma::run_epoch(&input) {
			Ok(out) => out,
			Err(_) => {
				T::Emission::return_pending(netuid, pending);
				Self::deposit_event(Event::EpochFailed { netuid });
				return n as u32;
			},
		};
		let (paid, stats) = Self::pay_epoch(netuid, &info.owner, &state.keys, &out, pending, to_owner);
		// A hotkey on `k` subnets counts `1 / k` of its stake in each (`shares.rs`).
		let stake = state.stakes.iter().zip(&state.keys).fold(0u128, |acc, (s, hotkey)| {
			acc.saturating_add(Self::share_of(*s, Registrations::<T>::decode_len(hotkey).unwrap_or(0)))
		});
		Self::store_epoch(netuid, info, now, out.bonds, stats, stake, emission, paid);
		n as u32
	}

	/// Build the input: the subnet's neurons (stake scaled for Yuma, registration, last
	/// update, permit, first live commit; expired commits are dropped here), weights
	/// and bonds, from storage.
	fn epoch_state(netuid: NetUid, info: &SubnetOf<T>) -> EpochState<T::AccountId> {
		let keys = Keys::<T>::get(netuid).into_inner();
		let n = keys.len();
		let registered = RegisteredAt::<T>::get(netuid);
		let last_update = LastUpdate::<T>::get(netuid);
		let stats = Metagraph::<T>::get(netuid);
		let stakes: Vec<u128> = keys.iter().map(T::Staking::hotkey_stake).collect();
		let scaled = scale_stakes(&stakes);
		let commits = Self::expire_commits_and_find_first_unrevealed(netuid, info, n);
		let neurons: Vec<Neuron> = (0..n)
			.map(|i| Neuron {
				stake: scaled[i],
				registered_at: registered.get(i).copied().unwrap_or_default().saturated_into(),
				last_update: last_update.get(i).copied().unwrap_or_default().saturated_into(),
				validator_permit: stats.get(i).is_some_and(|s| s.validator_permit),
				first_unrevealed_commit: commits[i],
			})
			.collect();
		let mut weights: Vec<U16Row> = vec![Vec::new(); n];
		for (uid, row) in Weights::<T>::iter_prefix(netuid) {
			if let Some(slot) = weights.get_mut(uid as usize) {
				*slot = row.into_inner();
			}
		}
		let mut bonds: Vec<U16Row> = vec![Vec::new(); n];
		// Bonds stored by the other variant are in the other encoding (column-max
		// upscaled integers against proportions): after a switch, none are carried.
		if info.bonds_variant == info.params.variant {
			for (uid, row) in Bonds::<T>::iter_prefix(netuid) {
				if let Some(slot) = bonds.get_mut(uid as usize) {
					*slot = row.into_inner();
				}
			}
		}
		EpochState { keys, stakes, neurons, weights, bonds }
	}

	/// Pay: the owner's cut, then every uid's earnings to its hotkey's pool; what
	/// cannot be paid goes back to the pot, pending for the next epoch. Returns what
	/// was paid and each uid's new stats.
	fn pay_epoch(
		netuid: NetUid,
		owner: &T::AccountId,
		keys: &[T::AccountId],
		out: &hearth_yuma::EpochOutput,
		pending: Credit<T::AccountId, T::Currency>,
		to_owner: u128,
	) -> (EpochPaid, Vec<NeuronStats>) {
		let (owner_part, mut rest) = pending.split(to_owner);
		let paid_owner = match T::Currency::resolve(owner, owner_part) {
			Ok(()) => to_owner,
			Err(back) => {
				rest.subsume(back);
				0
			},
		};
		let (mut to_miners, mut to_validators) = (0u128, 0u128);
		let mut new_stats: Vec<NeuronStats> = Vec::with_capacity(keys.len());
		for (i, hotkey) in keys.iter().enumerate() {
			let miner = out.miner_emission.get(i).copied().unwrap_or(0);
			let validator = out.validator_emission.get(i).copied().unwrap_or(0);
			let earned = miner.saturating_add(validator);
			let mut credited = 0;
			if earned > 0 {
				let (part, left) = rest.split(earned);
				rest = left;
				match T::Staking::credit_reward(hotkey, part) {
					Ok(_) => {
						to_miners = to_miners.saturating_add(miner);
						to_validators = to_validators.saturating_add(validator);
						credited = earned;
					},
					Err((back, _)) => rest.subsume(back),
				}
			}
			new_stats.push(NeuronStats {
				validator_permit: out.validator_permit.get(i).copied().unwrap_or(false),
				active: out.active.get(i).copied().unwrap_or(false),
				consensus: out.consensus.get(i).copied().unwrap_or(0),
				incentive: out.incentive.get(i).copied().unwrap_or(0),
				dividends: out.dividends.get(i).copied().unwrap_or(0),
				validator_trust: out.validator_trust.get(i).copied().unwrap_or(0),
				emission: credited,
			});
		}
		let carried = rest.peek();
		T::Emission::return_pending(netuid, rest);
		(EpochPaid { to_owner: paid_owner, to_miners, to_validators, carried }, new_stats)
	}

	/// Store: the metagraph, the new bonds, the epoch counter, the subnet's stake for
	/// the reward split, and the accounting snapshot (with its event).
	fn store_epoch(
		netuid: NetUid,
		mut info: SubnetOf<T>,
		now: BlockNumberFor<T>,
		bonds: Vec<U16Row>,
		stats: Vec<NeuronStats>,
		stake: u128,
		emission: u128,
		paid: EpochPaid,
	) {
		let n = stats.len();
		Metagraph::<T>::insert(netuid, BoundedVec::truncate_from(stats));
		let _ = Bonds::<T>::clear_prefix(netuid, n.max(1) as u32, None);
		for (uid, row) in bonds.into_iter().enumerate() {
			if !row.is_empty() {
				Bonds::<T>::insert(netuid, uid as Uid, Row::truncate_from(row));
			}
		}
		info.epochs = info.epochs.saturating_add(1);
		info.last_epoch = Some(now);
		info.bonds_variant = info.params.variant;
		let epoch = info.epochs;
		SubnetInfos::<T>::insert(netuid, info);
		SubnetEntries::<T>::mutate(|list| {
			if let Some(e) = list.iter_mut().find(|e| e.netuid == netuid) {
				e.stake = stake;
			}
		});
		let accounting = EpochAccounting {
			block: now,
			epoch,
			emission,
			to_owner: paid.to_owner,
			to_miners: paid.to_miners,
			to_validators: paid.to_validators,
			carried: paid.carried,
		};
		EpochAccounts::<T>::insert(netuid, accounting);
		Self::deposit_event(Event::EpochRun { netuid, accounting });
	}

	/// With commit-reveal, each uid's earliest live commit block (Yuma masks weights
	/// older than a registration by it); expired commits are dropped here.
	fn expire_commits_and_find_first_unrevealed(netuid: NetUid, info: &SubnetOf<T>, n: usize) -> Vec<Option<u64>> {
		let mut firsts = vec![None; n];
		if !info.params.commit_reveal {
			return firsts;
		}
		// After this epoch the counter is `epochs + 1`: commits due before then expire.
		let next = info.epochs.saturating_add(1);
		let all: Vec<_> = WeightCommits::<T>::iter_prefix(netuid).collect();
		for (hotkey, mut commits) in all {
			let before = commits.len();
			commits.retain(|c| c.is_live(info.params.reveal_period, next));
			let uid = Uids::<T>::get(netuid, &hotkey);
			if commits.len() != before {
				if let Some(uid) = uid {
					let count = (before - commits.len()) as u32;
					Self::deposit_event(Event::CommitsExpired { netuid, uid, count });
				}
				if commits.is_empty() {
					WeightCommits::<T>::remove(netuid, &hotkey);
				} else {
					WeightCommits::<T>::insert(netuid, &hotkey, &commits);
				}
			}
			if let (Some(uid), Some(first)) = (uid, commits.iter().map(|c| c.block).min()) {
				if let Some(slot) = firsts.get_mut(uid as usize) {
					*slot = Some(first.saturated_into());
				}
			}
		}
		firsts
	}

	/// The block of `netuid`'s next epoch after `now`: the first `b > now` with
	/// `(b + netuid + 1) % (tempo + 1) == 0` (the stagger).
	pub fn next_epoch_at(netuid: NetUid, tempo: u16, now: BlockNumberFor<T>) -> BlockNumberFor<T> {
		let period = u64::from(tempo) + 1;
		let phase = crate::epoch::stagger_phase(netuid, tempo, sp_runtime::SaturatedConversion::saturated_into(now));
		let ahead = if phase == 0 { period } else { period - phase };
		now.saturating_add(sp_runtime::SaturatedConversion::saturated_into(ahead))
	}
}
