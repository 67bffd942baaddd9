//! Benchmarks of every call, each in its worst case, and of the deadline hook.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Leases;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use hearth_primitives::{GpuSpec, GpuVendor, NetUid};

const NETUID: NetUid = 1;

fn gpu() -> GpuSpec {
	GpuSpec { vendor: GpuVendor::Nvidia, model: BoundedVec::truncate_from(vec![b'H'; 32]), vram_gib: 80, count: 8 }
}

fn region() -> Region {
	BoundedVec::truncate_from(vec![b'r'; 16])
}

/// Benchmark accounts start high so that mock helpers can recognise them.
fn provider<T: Config>(i: u32) -> T::AccountId {
	let who: T::AccountId = account("provider", 1_000 + i, 0);
	T::BenchmarkHelper::provider(NETUID, &who);
	who
}

fn tenant<T: Config>() -> T::AccountId {
	T::BenchmarkHelper::subnet(NETUID);
	let who: T::AccountId = account("tenant", 1_000, 0);
	let _ = T::Currency::set_balance(&who, 1u128 << 100);
	who
}

/// `at_least`, or the runtime's minimum order deposit if that is more.
fn deposit<T: Config>(at_least: u128) -> u128 {
	at_least.max(T::MinOrderDeposit::get())
}

/// A worst-case order: every model slot used, auto-award.
fn requirements() -> Requirements {
	Requirements {
		min_vram_gib: 40,
		models: BoundedVec::truncate_from(vec![BoundedVec::truncate_from(vec![b'H'; 32]); MAX_MODELS as usize]),
		count: 1,
	}
}

/// An auto-award order with `bids` bids; returns its id.
fn order_with_bids<T: Config>(tenant: &T::AccountId, bids: u32) -> OrderId {
	let id = NextId::<T>::get();
	Leases::<T>::open_order(
		RawOrigin::Signed(tenant.clone()).into(),
		NETUID,
		requirements(),
		1_000_000,
		1_000u32.into(),
		deposit::<T>(1_000_000_000_000),
		true,
	)
	.expect("order");
	for i in 0..bids {
		let p = provider::<T>(i);
		let offer = NextId::<T>::get();
		Leases::<T>::publish_offer(RawOrigin::Signed(p.clone()).into(), NETUID, gpu(), 900_000, region())
			.expect("offer");
		Leases::<T>::bid(RawOrigin::Signed(p).into(), id, offer, 900_000 - i as u128).expect("bid");
	}
	id
}

/// An open lease (the last bidder of a full order won); returns (id, tenant, provider).
fn open_lease<T: Config>() -> (LeaseId, T::AccountId, T::AccountId) {
	let t = tenant::<T>();
	let id = order_with_bids::<T>(&t, 1);
	let p: T::AccountId = account("provider", 1_000, 0);
	Leases::<T>::accept_bid(RawOrigin::Signed(t.clone()).into(), id, p.clone()).expect("accept");
	(id, t, p)
}

fn advance<T: Config>(blocks: u32) {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now + blocks.into());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn publish_offer() {
		let p = provider::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(p), NETUID, gpu(), 1_000, region());
		assert!(Offers::<T>::contains_key(0));
	}

	#[benchmark]
	fn remove_offer() {
		let p = provider::<T>(0);
		for _ in 0..T::MaxOffersPerProvider::get() {
			Leases::<T>::publish_offer(RawOrigin::Signed(p.clone()).into(), NETUID, gpu(), 1_000, region())
				.expect("a provider publishes");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(p), 0);
		assert!(!Offers::<T>::contains_key(0));
	}

	#[benchmark]
	fn open_order() {
		let t = tenant::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(t), NETUID, requirements(), 1_000, 100u32.into(), deposit::<T>(1_000_000), true);
		assert!(Orders::<T>::contains_key(0));
	}

	/// Every bond goes back.
	#[benchmark]
	fn cancel_order() {
		let t = tenant::<T>();
		let id = order_with_bids::<T>(&t, MAX_BIDS);
		#[extrinsic_call]
		_(RawOrigin::Signed(t), id);
		assert!(!Orders::<T>::contains_key(id));
	}

	/// The last free slot of an order.
	#[benchmark]
	fn bid() {
		let t = tenant::<T>();
		let id = order_with_bids::<T>(&t, MAX_BIDS - 1);
		let p = provider::<T>(MAX_BIDS);
		let offer = NextId::<T>::get();
		Leases::<T>::publish_offer(RawOrigin::Signed(p.clone()).into(), NETUID, gpu(), 1, region())
			.expect("a provider publishes");
		#[extrinsic_call]
		_(RawOrigin::Signed(p), id, offer, 1);
		assert_eq!(Orders::<T>::get(id).expect("the order is open").bids.len() as u32, MAX_BIDS);
	}

	/// The last bid of a full order goes, with its bond.
	#[benchmark]
	fn withdraw_bid() {
		let t = tenant::<T>();
		let id = order_with_bids::<T>(&t, MAX_BIDS);
		let p = provider::<T>(MAX_BIDS - 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(p), id);
		assert_eq!(Orders::<T>::get(id).expect("the order is open").bids.len() as u32, MAX_BIDS - 1);
	}

	/// Every other bond goes back.
	#[benchmark]
	fn accept_bid() {
		let t = tenant::<T>();
		let id = order_with_bids::<T>(&t, MAX_BIDS);
		let p: T::AccountId = account("provider", 1_000, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(t), id, p);
		assert!(OpenLeases::<T>::contains_key(id));
	}

	/// Settles, then reschedules the deadline.
	#[benchmark]
	fn top_up() {
		let (id, t, _) = open_lease::<T>();
		advance::<T>(10);
		#[extrinsic_call]
		_(RawOrigin::Signed(t), id, 1_000_000_000);
		assert!(OpenLeases::<T>::contains_key(id));
	}

	/// The provider closes early: settlement, forfeit, three payments.
	#[benchmark]
	fn close_lease() {
		let (id, _, p) = open_lease::<T>();
		advance::<T>(10);
		#[extrinsic_call]
		_(RawOrigin::Signed(p), id);
		assert!(!OpenLeases::<T>::contains_key(id));
	}

	#[benchmark]
	fn withdraw() {
		let (id, _, p) = open_lease::<T>();
		advance::<T>(10);
		#[extrinsic_call]
		_(RawOrigin::Signed(p), id);
		assert_eq!(OpenLeases::<T>::get(id).expect("the lease is open").earned, 0);
	}

	#[benchmark]
	fn heartbeat() {
		let (_, _, p) = open_lease::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(p.clone()));
		assert!(ProviderHeartbeats::<T>::contains_key(&p));
	}

	/// A default: settlement, payments and the offence report.
	#[benchmark]
	fn report_default() {
		let (id, t, _) = open_lease::<T>();
		let grace = T::HeartbeatInterval::get() * T::MaxMissedHeartbeats::get().into();
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now + grace + 1u32.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(t), id);
		assert!(!OpenLeases::<T>::contains_key(id));
	}

	/// `d` leases default at their deadline in one block (the costliest close).
	#[benchmark]
	fn on_initialize(d: Linear<0, { T::MaxDeadlinesPerBlock::get() }>) {
		let t = tenant::<T>();
		let start = frame_system::Pallet::<T>::block_number();
		for i in 0..d {
			let id = NextId::<T>::get();
			Leases::<T>::open_order(
				RawOrigin::Signed(t.clone()).into(),
				NETUID,
				requirements(),
				100,
				50u32.into(),
				deposit::<T>(1_000_000),
				false,
			)
			.expect("the tenant can pay the deposit");
			let p = provider::<T>(i);
			let offer = NextId::<T>::get();
			Leases::<T>::publish_offer(RawOrigin::Signed(p.clone()).into(), NETUID, gpu(), 100, region())
				.expect("a provider publishes");
			Leases::<T>::bid(RawOrigin::Signed(p.clone()).into(), id, offer, 100).expect("the bid is valid");
			Leases::<T>::accept_bid(RawOrigin::Signed(t.clone()).into(), id, p).expect("the tenant accepts");
		}
		let due: BlockNumberFor<T> = start + 50u32.into();
		frame_system::Pallet::<T>::set_block_number(due);
		#[block]
		{
			use frame_support::traits::Hooks;
			Leases::<T>::on_initialize(due);
		}
		assert_eq!(OpenLeases::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(Leases, crate::mock::new_test_ext(), crate::mock::Test);
}
