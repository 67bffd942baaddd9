//! Benchmarks of every call and of `on_initialize`, each in its worst case. Offenders
//! hold real stake ([`BenchmarkHelper::staked_hotkey`] stakes through the runtime's
//! staking pallet), so applying a slash touches both of their pools and pays a reporter.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Slashing;
use frame_benchmarking::v2::*;
use frame_support::traits::{Get, Hooks};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use hearth_primitives::{OffenceKind, ReportOffence, SlashId};
use sp_runtime::{traits::Saturating, Perbill};

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

#[benchmarks]
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
			last = Slashing::<T>::report(OffenceKind::WrongResult, offender, [i as u8; 32], None, None).expect("room");
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
		T::BenchmarkHelper::fund(&reporter);
		for i in 0..n {
			let offender = T::BenchmarkHelper::staked_hotkey(i);
			Slashing::<T>::report(OffenceKind::WrongResult, offender, [i as u8; 32], Some(reporter.clone()), None)
				.expect("room");
		}
		let due = frame_system::Pallet::<T>::block_number().saturating_add(T::DeferWindow::get());
		#[block]
		{
			Slashing::<T>::on_initialize(due);
		}
		assert!(Pending::<T>::iter().next().is_none());
	}

	/// `n` expired reports, each read and removed by one walk.
	#[benchmark]
	fn prune_reports(n: Linear<0, 100>) {
		for i in 0..n {
			let offender: T::AccountId = account("offender", i, 0);
			Reported::<T>::insert((OffenceKind::WrongResult, offender, [i as u8; 32]), BlockNumberFor::<T>::from(0u32));
		}
		let now = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Slashing::<T>::prune_reports(now, &mut frame_support::weights::WeightMeter::new());
		}
		assert!(Reported::<T>::iter().next().is_none());
	}

	impl_benchmark_test_suite!(Slashing, crate::mock::new_test_ext(), crate::mock::Test);
}
