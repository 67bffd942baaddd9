//! The leases pallet's tests, one module per topic; the helpers below serve them all.

use crate::{mock::*, pallet::*, types::*};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect, BoundedVec};
use hearth_primitives::OffenceKind;
use hearth_primitives::{GpuSpec, GpuVendor};
use sp_runtime::DispatchError;

fn gpu(model: &str, vram: u16, count: u8) -> GpuSpec {
	GpuSpec {
		vendor: GpuVendor::Nvidia,
		model: BoundedVec::truncate_from(model.as_bytes().to_vec()),
		vram_gib: vram,
		count,
	}
}

fn region() -> Region {
	BoundedVec::truncate_from(b"eu-west".to_vec())
}

fn needs(min_vram: u16, models: &[&str], count: u8) -> Requirements {
	Requirements {
		min_vram_gib: min_vram,
		models: BoundedVec::truncate_from(
			models.iter().map(|m| BoundedVec::truncate_from(m.as_bytes().to_vec())).collect(),
		),
		count,
	}
}

/// `provider` offers an 80 GiB H100 ×8 at `price`; returns the offer id.
fn offer(provider: AccountId, price: Balance) -> OfferId {
	let id = NextId::<Test>::get();
	assert_ok!(Leases::publish_offer(RuntimeOrigin::signed(provider), NETUID, gpu("H100", 80, 8), price, region()));
	id
}

/// TENANT orders ≥ 40 GiB ×4 at ≤ 100 a block for `duration`, depositing `deposit`.
fn order(duration: u64, deposit: Balance, auto: bool) -> OrderId {
	let id = NextId::<Test>::get();
	assert_ok!(Leases::open_order(
		RuntimeOrigin::signed(TENANT),
		NETUID,
		needs(40, &[], 4),
		100,
		duration,
		deposit,
		auto
	));
	id
}

fn balance(who: AccountId) -> Balance {
	Balances::balance(&who)
}

/// An order with P1's bid at `price` accepted at block 1: returns the lease id.
fn lease(price: Balance, duration: u64, deposit: Balance) -> LeaseId {
	let o = offer(P1, price);
	let id = order(duration, deposit, false);
	assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o, price));
	assert_ok!(Leases::accept_bid(RuntimeOrigin::signed(TENANT), id, P1));
	id
}

mod attacks;
mod conservation;
mod deadlines;
mod defaults;
mod market;
mod settlement;
mod views;
