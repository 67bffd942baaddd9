//! Benchmarks of the call and of the per-block hook.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Emissions;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use sp_runtime::Perbill;

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_demand_blend() {
		#[extrinsic_call]
		_(RawOrigin::Root, Perbill::from_percent(40));

		assert_eq!(DemandBlend::<T>::get(), Perbill::from_percent(40));
	}

	/// The per-block mint over `s` subnets, each with stake and demand (the blend's
	/// worst case).
	#[benchmark]
	fn on_initialize(s: Linear<1, { T::MaxSubnets::get() }>) {
		T::BenchmarkHelper::create_subnets(s);
		let mut meter = frame_support::weights::WeightMeter::new();
		#[block]
		{
			Emissions::<T>::mint_block_reward(&mut meter);
		}
		assert!(Emitted::<T>::get() > 0);
		assert!(PendingEmission::<T>::iter().count() as u32 == s);
	}

	impl_benchmark_test_suite!(Emissions, crate::mock::new_test_ext(), crate::mock::Test);
}
