//! The pricing policy: which open orders to bid on, and at what price.
//!
//! An order is worth a bid when it is on the worker's subnet, its requirements are met
//! by the published GPUs, the worker has not bid on it yet, and its maximum price
//! reaches the floor. The bid is the offer's price when the order pays that much, else
//! the order's maximum (never below the floor). Bids stop while running leases plus
//! open bids reach `max_leases`; the cheapest-to-serve orders (highest price first,
//! then the oldest) are bid on first.

use hearth_primitives::GpuSpec;
use hearth_runtime::{AccountId, Runtime};
use pallet_hearth_leases::{OrderId, OrderOf};

/// The policy's inputs from the configuration.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
	/// The offer's price per block.
	pub price: u128,
	/// The lowest price per block accepted.
	pub floor: u128,
	/// The most leases plus open bids at once.
	pub max_leases: u32,
}

/// The bids to place now: (order, price).
pub fn bids(
	policy: Policy,
	me: &AccountId,
	netuid: u16,
	gpu: &GpuSpec,
	orders: &[(OrderId, OrderOf<Runtime>)],
	running_leases: u32,
) -> Vec<(OrderId, u128)> {
	let open_bids = orders.iter().filter(|(_, o)| o.bids.iter().any(|b| &b.provider == me)).count() as u32;
	let room = policy.max_leases.saturating_sub(running_leases.saturating_add(open_bids)) as usize;
	let mut wanted: Vec<(OrderId, u128, u32)> = orders
		.iter()
		.filter(|(_, o)| {
			o.netuid == netuid
				&& o.requirements.met_by(gpu)
				&& o.max_price >= policy.floor
				&& !o.bids.iter().any(|b| &b.provider == me)
		})
		.map(|(id, o)| (*id, policy.price.min(o.max_price).max(policy.floor), o.opened_at))
		.collect();
	wanted.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)).then(a.0.cmp(&b.0)));
	wanted.into_iter().take(room).map(|(id, price, _)| (id, price)).collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::BoundedVec;
	use hearth_primitives::GpuVendor;
	use pallet_hearth_leases::{Bid, Order, Requirements};

	fn gpu() -> GpuSpec {
		crate::miner::gpu::spec(GpuVendor::Nvidia, "H100", 80, 2)
	}

	fn order(netuid: u16, min_vram: u16, max_price: u128, opened_at: u32, bidders: &[AccountId]) -> OrderOf<Runtime> {
		Order {
			tenant: AccountId::new([9; 32]),
			netuid,
			requirements: Requirements { min_vram_gib: min_vram, models: BoundedVec::new(), count: 1 },
			max_price,
			duration: 100,
			deposit: 1_000,
			award_at: Some(10),
			opened_at,
			bids: BoundedVec::truncate_from(
				bidders
					.iter()
					.map(|p| Bid { provider: p.clone(), offer: 1, price: 1, bond: 1, at: 1 })
					.collect::<Vec<_>>(),
			),
		}
	}

	#[test]
	fn bids_follow_the_policy_and_leave_room_for_leases() {
		let me = AccountId::new([1; 32]);
		let other = AccountId::new([2; 32]);
		let policy = Policy { price: 100, floor: 60, max_leases: 3 };
		let orders = vec![
			(1, order(2, 40, 150, 5, &[])), // pays more than the offer: bid 100
			(2, order(2, 40, 80, 3, std::slice::from_ref(&other))), // pays less: bid its max, 80
			(3, order(2, 40, 50, 1, &[])),  // below the floor
			(4, order(3, 40, 500, 1, &[])), // another subnet
			(5, order(2, 96, 500, 1, &[])), // needs more VRAM
			(6, order(2, 40, 100, 2, std::slice::from_ref(&me))), // already bid
			(7, order(2, 40, 100, 4, &[])), // same price as order 1, older
		];
		// 3 slots: one taken by the open bid on order 6.
		assert_eq!(bids(policy, &me, 2, &gpu(), &orders, 0), vec![(7, 100), (1, 100)]);
		// A running lease takes one more.
		assert_eq!(bids(policy, &me, 2, &gpu(), &orders, 1), vec![(7, 100)]);
		assert!(bids(policy, &me, 2, &gpu(), &orders, 2).is_empty());
		let wide = Policy { max_leases: 10, ..policy };
		assert_eq!(bids(wide, &me, 2, &gpu(), &orders, 0), vec![(7, 100), (1, 100), (2, 80)]);
	}
}
