//! The per-block upkeep of the leases pallet, with 10 and with 100,000 active leases
//! and none expiring: the hook must cost the same (a ratio of about 1). Leases settle
//! lazily, deadlines are queued by block, and the hook reads only the current
//! window's bitmap (one fixed-size value) unless its block is marked; reading the
//! deadline map itself every block would cost more as the map's trie deepens. The
//! padded baseline shows that the size of the rest of the state does not matter
//! either.
//!
//! Run: `cargo bench -p pallet-hearth-leases --features bench --bench upkeep`.

use frame_support::traits::Hooks;
use pallet_hearth_leases::{
	mock::{new_test_ext, Leases, System, NETUID, P1, TENANT},
	Deadline, Lease, Running,
};
use std::time::Instant;

/// Blocks whose upkeep is timed.
const BLOCKS: u64 = 20_000;

/// Mean nanoseconds of `on_initialize` over `BLOCKS` blocks with `leases` running,
/// their deadlines far in the future (four per block, as the queue allows), in a state
/// padded with `padding` unrelated keys.
fn upkeep_ns(leases: u64, padding: u64) -> f64 {
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		for i in 0..padding {
			let mut key = sp_io::hashing::twox_128(b"Padding").to_vec();
			key.extend_from_slice(&sp_io::hashing::blake2_128(&i.to_le_bytes()));
			sp_io::storage::set(&key, &[0u8; 64]);
		}
		let far = 1_000_000u64;
		for id in 0..leases {
			let closes_at = far + id / 4;
			Running::<pallet_hearth_leases::mock::Test>::insert(
				id,
				Lease {
					tenant: TENANT,
					provider: P1,
					netuid: NETUID,
					price: 10,
					start: 1,
					end: closes_at,
					escrow: 10 * closes_at as u128,
					settled_at: 1,
					earned: 0,
					bond: 0,
					closes_at,
				},
			);
			Leases::schedule(closes_at, Deadline::Close(id)).expect("four deadlines fit in a block");
		}
	});
	ext.commit_all().expect("the setup commits");
	// The best of a few passes over the same blocks (nothing is due in them, so a pass
	// leaves the leases as it found them), so that a busy machine disturbs it less.
	ext.execute_with(|| {
		(0..5)
			.map(|_| {
				let start = Instant::now();
				for b in 2..2 + BLOCKS {
					System::set_block_number(b);
					std::hint::black_box(Leases::on_initialize(b));
				}
				start.elapsed().as_nanos() as f64 / BLOCKS as f64
			})
			.fold(f64::INFINITY, f64::min)
	})
}

/// Keys 100,000 leases add to the state: an entry each, and a deadline per four.
const LEASE_KEYS: u64 = 125_000;

fn main() {
	// Warm up the allocator and caches once.
	let _ = upkeep_ns(10, 0);
	let small = upkeep_ns(10, 0);
	let small_padded = upkeep_ns(10, LEASE_KEYS);
	let large = upkeep_ns(100_000, 0);
	println!("leases upkeep per block, none expiring ({BLOCKS} blocks each, mock runtime):");
	println!("  10 active leases:                                {small:>8.0} ns");
	println!("  10 active leases, state padded to the same size: {small_padded:>8.0} ns");
	println!("  100,000 active leases:                           {large:>8.0} ns");
	println!("  ratio 100,000 / 10 at equal state size:          {:>8.2}", large / small_padded);
	println!("  ratio 100,000 / 10 (includes the deeper trie):   {:>8.2}", large / small);
}
