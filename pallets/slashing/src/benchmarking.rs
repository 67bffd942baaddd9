//! Benchmarks of every call and of `on_initialize`, each in its worst case. Offenders
//! hold real stake (the runtime's `Staking` is `pallet-hearth-staking`), so applying a
//! slash touches both of their pools and pays a reporter.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Slashing;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get, Hooks};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{traits::Saturating, Perbill};

/// A hotkey `index` with stake in its pool and in its unbonding pool.
fn staked_hotkey<T: Config + pallet_hearth_staking::Config>(index: u32) -> T::AccountId {
	let coldkey: T::AccountId = account("coldkey", index, 0);
	let min = <T as pallet_hearth_staking::Config>::MinStake::get();
	let _ = <T as pallet_hearth_staking::Config>::Currency::set_balance(&coldkey, min.saturating_mul(1_000));
	let hotkey: T::AccountId = account("hotkey", index, 0);
	pallet_hearth_staking::Pallet::<T>::add_stake(
		RawOrigin::Signed(coldkey.clone()).into(),
		hotkey.clone(),
		min.saturating_mul(100),
	)
	.expect("funded");
	pallet_hearth_staking::Pallet::<T>::remove_stake(RawOrigin::Signed(coldkey).into(), hotkey.clone(), min)
		.expect("staked");
	hotkey
}

/// Fills the queues of the blocks before the last one a report may reach, so that a
/// new report searches the whole look-ahead.
fn fill_lookahead<T: Config>() -> BlockNumberFor<T> {
	let mut at = frame_system::Pallet::<T>::block_number().saturating_add(T::DeferWindow::get());
	let mut next: SlashId = 1_000_000;
	for _ in 1..T::MaxScheduleLookahead::get() {
		let mut ids = Scheduled::<T>::get(at);
		while (ids.len() as u32) < T::MaxSlashesPerBlock::get() {
			let _ = ids.try_push(next);
			next += 1;
		}
		Scheduled::<T>::insert(at, ids);
		at = at.saturating_add(1u32.into());
	}
	at
}

#[benchmarks(where T: pallet_hearth_staking::Config)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn report_offence() {
		let offender: T::AccountId = account("offender", 0, 0);
		let last = fill_lookahead::<T>();
		#[extrinsic_call]
		_(RawOrigin::Root, offender.clone(), [1u8; 32], Perbill::from_percent(1));
		assert_eq!(Scheduled::<T>::get(last).len(), 1);
	}

	/// Worst case: the slash sits last in a full queue.
	#[benchmark]
	fn cancel_slash() {
		let max = T::MaxSlashesPerBlock::get();
		let mut last = 0;
		for i in 0..max {
			let offender: T::AccountId = account("offender", i, 0);
			last = Slashing::<T>::report(OffenceKind::WrongResult, offender, [i as u8; 32], None).expect("room");
		}
		#[extrinsic_call]
		_(RawOrigin::Root, last);
		assert!(Pending::<T>::get(last).is_none());
	}

	/// `n` slashes due, each of an offender with stake and unbonding stake, each with a
	/// reporter to pay.
	#[benchmark]
	fn on_initialize(n: Linear<0, { T::MaxSlashesPerBlock::get() }>) {
		let reporter: T::AccountId = account("reporter", 0, 0);
		let _ = <T as pallet_hearth_staking::Config>::Currency::set_balance(
			&reporter,
			<T as pallet_hearth_staking::Config>::MinStake::get(),
		);
		for i in 0..n {
			let offender = staked_hotkey::<T>(i);
			Slashing::<T>::report(OffenceKind::WrongResult, offender, [i as u8; 32], Some(reporter.clone()))
				.expect("room");
		}
		let due = frame_system::Pallet::<T>::block_number().saturating_add(T::DeferWindow::get());
		#[block]
		{
			Slashing::<T>::on_initialize(due);
		}
		assert!(Pending::<T>::iter().next().is_none());
	}

	impl_benchmark_test_suite!(Slashing, crate::mock::new_test_ext(), crate::mock::Test);
}
