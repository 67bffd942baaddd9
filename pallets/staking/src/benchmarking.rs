//! Benchmarks of every call, each in its worst case.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Staking;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Balanced, Mutate},
	Get,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use hearth_primitives::StakeReward;
use sp_runtime::{traits::Saturating, Perbill};

/// A coldkey with plenty of funds.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let _ = T::Currency::set_balance(&who, T::MinStake::get().saturating_mul(1_000_000));
	who
}

/// `coldkey` claims a fresh hotkey `index`, with the hotkey's proof.
fn claimed<T: Config>(coldkey: &T::AccountId, index: u32) -> T::AccountId {
	let (hotkey, proof) = T::BenchmarkHelper::hotkey_with_proof(index, &Staking::<T>::claim_message(coldkey));
	Staking::<T>::register_hotkey(RawOrigin::Signed(coldkey.clone()).into(), hotkey.clone(), proof)
		.expect("a valid proof");
	hotkey
}

/// `coldkey` stakes `MinStake · 10` on a fresh hotkey `index` it owns.
fn staked<T: Config>(coldkey: &T::AccountId, index: u32) -> T::AccountId {
	let hotkey = claimed::<T>(coldkey, index);
	let amount = T::MinStake::get().saturating_mul(10);
	Staking::<T>::add_stake(RawOrigin::Signed(coldkey.clone()).into(), hotkey.clone(), amount)
		.expect("funded coldkey can stake");
	hotkey
}

fn advance<T: Config>(blocks: u32) {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(blocks.into()));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The claim's signature is checked: the worst case is a valid one.
	#[benchmark]
	fn register_hotkey() {
		let coldkey = funded::<T>("coldkey", 0);
		let (hotkey, proof) = T::BenchmarkHelper::hotkey_with_proof(0, &Staking::<T>::claim_message(&coldkey));
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone(), proof);
		assert_eq!(Owner::<T>::get(&hotkey), Some(coldkey));
	}

	/// Worst case: the coldkey owns the most hotkeys (its list is rewritten) and the
	/// claim deposit is released.
	#[benchmark]
	fn forget_hotkey() {
		let coldkey = funded::<T>("coldkey", 0);
		for i in 1..T::MaxHotkeysPerColdkey::get() {
			claimed::<T>(&coldkey, i);
		}
		let hotkey = claimed::<T>(&coldkey, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey.clone());
		assert!(Owner::<T>::get(&hotkey).is_none());
	}

	/// Worst case: a delegator joins a pool that already has holders and rewards.
	#[benchmark]
	fn add_stake() {
		let owner = funded::<T>("owner", 0);
		let hotkey = staked::<T>(&owner, 0);
		let _ = Staking::<T>::credit_reward(&hotkey, T::Currency::issue(T::MinStake::get()));
		let delegator = funded::<T>("delegator", 0);
		let amount = T::MinStake::get().saturating_mul(5);
		#[extrinsic_call]
		_(RawOrigin::Signed(delegator.clone()), hotkey.clone(), amount);
		assert!(Shares::<T>::get(&hotkey, &delegator) > 0);
	}

	/// Worst case: the coldkey's chunk list is one short of full, none mergeable.
	#[benchmark]
	fn remove_stake() {
		let coldkey = funded::<T>("coldkey", 0);
		let hotkey = staked::<T>(&coldkey, 0);
		let unit = T::MinStake::get() / 10;
		for _ in 1..T::MaxUnbondingChunks::get() {
			advance::<T>(1);
			Staking::<T>::remove_stake(RawOrigin::Signed(coldkey.clone()).into(), hotkey.clone(), unit)
				.expect("stake is there");
		}
		advance::<T>(1);
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), hotkey, unit);
		assert_eq!(Unbonding::<T>::get(&coldkey).len() as u32, T::MaxUnbondingChunks::get());
	}

	/// `c` matured chunks, each on its own delegate's hotkey (a pool read and write per
	/// chunk).
	#[benchmark]
	fn withdraw_unbonded(c: Linear<1, { T::MaxUnbondingChunks::get() }>) {
		let coldkey = funded::<T>("coldkey", 0);
		let min = T::MinStake::get();
		for i in 0..c {
			let owner = funded::<T>("owner", i);
			let hotkey = staked::<T>(&owner, i);
			Staking::<T>::add_stake(RawOrigin::Signed(coldkey.clone()).into(), hotkey.clone(), min.saturating_mul(2))
				.expect("funded");
			Staking::<T>::remove_stake(RawOrigin::Signed(coldkey.clone()).into(), hotkey, min).expect("stake is there");
		}
		let period: BlockNumberFor<T> = T::UnbondingPeriod::get();
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(period));
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()));
		assert!(Unbonding::<T>::get(&coldkey).is_empty());
	}

	/// Worst case: raising the take (reads and writes the rate limit).
	#[benchmark]
	fn set_take() {
		let coldkey = funded::<T>("coldkey", 0);
		let hotkey = staked::<T>(&coldkey, 0);
		Take::<T>::insert(&hotkey, Perbill::zero());
		let take = T::MaxTake::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey), hotkey.clone(), take);
		assert_eq!(Take::<T>::get(&hotkey), take);
	}

	#[benchmark]
	fn move_stake() {
		let coldkey = funded::<T>("coldkey", 0);
		let from = staked::<T>(&coldkey, 0);
		let to = staked::<T>(&coldkey, 1);
		let amount = T::MinStake::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(coldkey.clone()), from, to.clone(), amount);
		assert!(Staking::<T>::stake_of(&to, &coldkey) > amount);
	}

	impl_benchmark_test_suite!(Staking, crate::mock::new_test_ext(), crate::mock::Test);
}
