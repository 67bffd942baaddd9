//! Benchmarks of every call, each in its worst case, and of the epoch at
//! `n` uids with 64 validators weighting every uid.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Subnets;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};

const VALIDATORS: u32 = MAX_VALIDATORS as u32;

fn funded<T: Config>(name: &'static str, i: u32) -> T::AccountId {
	let who: T::AccountId = account(name, i, 0);
	let _ = T::Currency::set_balance(&who, 1u128 << 100);
	who
}

/// A subnet owned by a fresh account, with room for `max_uids` neurons.
fn subnet<T: Config>(max_uids: u16) -> NetUid {
	let owner = funded::<T>("owner", 0);
	Subnets::<T>::create_subnet(RawOrigin::Signed(owner).into(), u128::MAX).expect("create");
	let netuid = SubnetEntries::<T>::get().last().expect("created").netuid;
	SubnetInfos::<T>::mutate(netuid, |info| {
		if let Some(info) = info {
			info.params.max_uids = max_uids;
			info.params.max_validators = (VALIDATORS as u16).min(max_uids);
			info.params.weights_rate_limit = 0;
			info.params.immunity_period = 0;
		}
	});
	netuid
}

/// Registers `n` staked neurons, each under its own coldkey; the first `VALIDATORS`
/// get large stakes and permits.
fn populate<T: Config>(netuid: NetUid, n: u32) -> Vec<T::AccountId> {
	let hotkeys: Vec<T::AccountId> = (0..n)
		.map(|i| {
			let coldkey: T::AccountId = account("coldkey", i, 0);
			let hotkey: T::AccountId = account("hotkey", i, 0);
			// Validators well above every miner, whatever the runtime's minimum stake
			// raises the miners to: permits follow stake, and only validators hold weights.
			let stake = if i < VALIDATORS { 1_000_000_000_000_000 } else { 1_000_000_000 };
			T::BenchmarkHelper::stake(&coldkey, &hotkey, stake);
			Subnets::<T>::register(RawOrigin::Signed(coldkey).into(), netuid, hotkey.clone(), u128::MAX)
				.expect("register");
			hotkey
		})
		.collect();
	Metagraph::<T>::mutate(netuid, |m| {
		for stats in m.iter_mut().take(VALIDATORS as usize) {
			stats.validator_permit = true;
		}
	});
	// Thousands of setup events would otherwise make every measured event append copy
	// megabytes (a benchmarking artefact: a real block starts with no events).
	frame_system::Pallet::<T>::reset_events();
	hotkeys
}

fn all_uids(n: u32) -> (UidVec<Uid>, UidVec<u16>) {
	let uids: Vec<Uid> = (0..n as Uid).collect();
	let values: Vec<u16> = (0..n).map(|i| (i % 1000 + 1) as u16).collect();
	(BoundedVec::truncate_from(uids), BoundedVec::truncate_from(values))
}

fn next_block<T: Config>() {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now + 1u32.into());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_subnet() {
		let owner = funded::<T>("owner", 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), u128::MAX);
		assert_eq!(SubnetEntries::<T>::get().len(), 1);
	}

	/// Root dissolves a subnet with `n` neurons, each with weights and an endpoint.
	#[benchmark]
	fn dissolve_subnet(n: Linear<0, 256>) {
		let netuid = subnet::<T>(256);
		let hotkeys = populate::<T>(netuid, n);
		for (i, _) in hotkeys.iter().enumerate() {
			Endpoints::<T>::insert(netuid, i as Uid, Endpoint { ip: [1; 16], port: 1 });
			Weights::<T>::insert(netuid, i as Uid, Row::truncate_from(vec![(0, 1)]));
		}
		let origin = T::AdminOrigin::try_successful_origin().expect("the admin origin can be made");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, netuid);
		assert!(SubnetEntries::<T>::get().is_empty());
	}

	#[benchmark]
	fn set_hyperparameter() {
		let netuid = subnet::<T>(256);
		let owner: T::AccountId = account("owner", 0, 0);
		// Far from the next epoch.
		let now = frame_system::Pallet::<T>::block_number();
		let tempo = SubnetInfos::<T>::get(netuid).expect("the subnet exists").params.tempo;
		let at = Subnets::<T>::next_epoch_at(netuid, tempo, now);
		frame_system::Pallet::<T>::set_block_number(at);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid, Hyperparameter::AlphaValues(40_000, 50_000));
		assert_eq!(SubnetInfos::<T>::get(netuid).expect("the subnet exists").params.alpha_low, 40_000);
	}

	#[benchmark]
	fn set_bounds() {
		let origin = T::AdminOrigin::try_successful_origin().expect("the admin origin can be made");
		let bounds = ParamBounds::default();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bounds.clone());
		assert_eq!(Bounds::<T>::get(), bounds);
	}

	/// Registration into a full subnet of `MAX_UIDS`: scans every uid for the replacement.
	#[benchmark]
	fn register() {
		let netuid = subnet::<T>(MAX_UIDS as u16);
		populate::<T>(netuid, MAX_UIDS);
		next_block::<T>();
		let coldkey = funded::<T>("newcomer", 0);
		let hotkey: T::AccountId = account("newhot", 0, 0);
		T::BenchmarkHelper::stake(&coldkey, &hotkey, 1_000_000);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey), netuid, hotkey.clone(), u128::MAX);
		assert!(Uids::<T>::get(netuid, &hotkey).is_some());
	}

	#[benchmark]
	fn serve() {
		let netuid = subnet::<T>(256);
		let hotkeys = populate::<T>(netuid, 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkeys[0].clone()), netuid, Endpoint { ip: [1; 16], port: 8091 });
		assert!(Endpoints::<T>::contains_key(netuid, 0));
	}

	#[benchmark]
	fn set_gpus() {
		let netuid = subnet::<T>(256);
		let hotkeys = populate::<T>(netuid, 1);
		let gpu = GpuSpec {
			vendor: GpuVendor::Nvidia,
			model: BoundedVec::truncate_from(vec![b'X'; 32]),
			vram_gib: 80,
			count: 8,
		};
		let gpus = BoundedVec::truncate_from(vec![gpu; T::MaxGpuKinds::get() as usize]);
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkeys[0].clone()), netuid, gpus);
		assert!(Gpus::<T>::contains_key(netuid, 0));
	}

	/// A validator weights `w` uids of a subnet of `w` neurons.
	#[benchmark]
	fn set_weights(w: Linear<1, MAX_UIDS>) {
		let netuid = subnet::<T>(MAX_UIDS as u16);
		let hotkeys = populate::<T>(netuid, w.max(1));
		next_block::<T>();
		let (uids, values) = all_uids(w);
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkeys[0].clone()), netuid, uids, values, 0);
		assert!(Weights::<T>::contains_key(netuid, 0));
	}

	#[benchmark]
	fn commit_weights() {
		let netuid = subnet::<T>(256);
		SubnetInfos::<T>::mutate(netuid, |i| i.as_mut().expect("the subnet exists").params.commit_reveal = true);
		let hotkeys = populate::<T>(netuid, 1);
		// A commit already there (worst case: the list is read, pruned and extended).
		let max = T::MaxCommits::get();
		for k in 0..max.saturating_sub(1) {
			WeightCommits::<T>::mutate(netuid, &hotkeys[0], |c| {
				let _ = c.try_push(WeightCommit { hash: [k as u8; 32], block: 0u32.into(), epoch: 0 });
			});
		}
		next_block::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkeys[0].clone()), netuid, [0xff; 32]);
		assert_eq!(WeightCommits::<T>::get(netuid, &hotkeys[0]).len() as u32, max);
	}

	#[benchmark]
	fn reveal_weights(w: Linear<1, MAX_UIDS>) {
		let netuid = subnet::<T>(MAX_UIDS as u16);
		SubnetInfos::<T>::mutate(netuid, |i| i.as_mut().expect("the subnet exists").params.commit_reveal = true);
		let hotkeys = populate::<T>(netuid, w.max(1));
		let (uids, values) = all_uids(w);
		let salt: Salt = BoundedVec::truncate_from(vec![1; 32]);
		let hash = Subnets::<T>::commit_hash(&hotkeys[0], netuid, &uids, &values, &salt, 0);
		WeightCommits::<T>::insert(
			netuid,
			&hotkeys[0],
			BoundedVec::truncate_from(vec![WeightCommit { hash, block: 0u32.into(), epoch: 0 }]),
		);
		SubnetInfos::<T>::mutate(netuid, |i| i.as_mut().expect("the subnet exists").epochs = 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(hotkeys[0].clone()), netuid, uids, values, salt, 0);
		assert!(Weights::<T>::contains_key(netuid, 0));
	}

	/// The per-block scan over `s` subnets when none is due.
	#[benchmark]
	fn on_initialize_scan(s: Linear<0, { T::MaxSubnets::get() }>) {
		let mut list = BoundedVec::new();
		for netuid in 0..s as NetUid {
			let _ = list.try_push(SubnetEntry { netuid, tempo: u16::MAX, stake: 0 });
		}
		SubnetEntries::<T>::put(list);
		let now: BlockNumberFor<T> = 1u32.into();
		let mut meter = frame_support::weights::WeightMeter::new();
		#[block]
		{
			Subnets::<T>::run_due_epochs(now, &mut meter);
		}
	}

	/// One epoch at `n` uids, the real worst case: 64 validators (permits, stake)
	/// weighting every uid with weights set after every registration (older weights
	/// are masked and the epoch falls back to the trivial case), bonds from a previous
	/// epoch, and an emission to pay, so that every uid is credited.
	#[benchmark]
	fn epoch(n: Linear<256, MAX_UIDS>) {
		let netuid = subnet::<T>(MAX_UIDS as u16);
		populate::<T>(netuid, n);
		next_block::<T>();
		let set_at = frame_system::Pallet::<T>::block_number();
		LastUpdate::<T>::mutate(netuid, |blocks| {
			for block in blocks.iter_mut().take(VALIDATORS as usize) {
				*block = set_at;
			}
		});
		let (uids, values) = all_uids(n);
		let row = Subnets::<T>::validated_row(
			netuid,
			0,
			&SubnetInfos::<T>::get(netuid).expect("the subnet exists").params,
			&uids,
			&values,
			0,
		)
		.expect("valid row");
		for v in 0..VALIDATORS.min(n) {
			Weights::<T>::insert(netuid, v as Uid, row.clone());
		}
		// A first epoch builds bonds; the measured one carries them.
		T::BenchmarkHelper::fund_pending(netuid, 1_000_000_000_000_000);
		let now = frame_system::Pallet::<T>::block_number();
		Subnets::<T>::run_epoch(netuid, now);
		let later = now + 10u32.into();
		frame_system::Pallet::<T>::set_block_number(later);
		T::BenchmarkHelper::fund_pending(netuid, 1_000_000_000_000_000);
		#[block]
		{
			Subnets::<T>::run_epoch(netuid, later);
		}
		assert_eq!(SubnetInfos::<T>::get(netuid).expect("the subnet exists").epochs, 2);
		// Not the fallback: consensus ran, miners and validators were paid, bonds carry.
		let paid = EpochAccounts::<T>::get(netuid).expect("accounted");
		assert!(paid.to_miners > 0 && paid.to_validators > 0, "the measured epoch pays");
		assert!(Metagraph::<T>::get(netuid).iter().filter(|s| s.emission > 0).count() as u32 >= n - VALIDATORS.min(n));
		assert!(Bonds::<T>::get(netuid, 0).is_some_and(|row| !row.is_empty()));
	}

	impl_benchmark_test_suite!(Subnets, crate::mock::new_test_ext(), crate::mock::Test);
}
