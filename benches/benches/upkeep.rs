//! The per-block upkeep of the leases pallet **in the real runtime**, with 10 and with
//! 100,000 active leases and none expiring: the hook must cost the same (a ratio of
//! about 1). Leases settle lazily, deadlines are queued by block, and the hook reads
//! only the current window's bitmap (one fixed-size value) unless its block is marked;
//! reading the deadline map itself every block would cost more as the map's trie
//! deepens. The padded baseline shows that the size of the rest of the state does not
//! matter either.
//!
//! Run: `cargo bench -p hearth-benches --bench upkeep`.

use frame_support::traits::{Get, Hooks};
use hearth_benches::{measure, Budget};
use hearth_runtime::{AccountId, BlockNumber, Leases, Runtime, System};
use pallet_hearth_leases::{Deadline, Lease, OpenLeases};
use sp_runtime::BuildStorage;

/// Blocks whose upkeep is timed in one run.
const BLOCKS: BlockNumber = 20_000;

/// The state with `leases` running, their deadlines far in the future (as many per
/// block as the runtime's queue takes), padded with `padding` unrelated keys.
fn state(leases: u32, padding: u32) -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Runtime>::default().build_storage().expect("system genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		for i in 0..padding {
			let mut key = sp_io::hashing::twox_128(b"Padding").to_vec();
			key.extend_from_slice(&sp_io::hashing::blake2_128(&i.to_le_bytes()));
			sp_io::storage::set(&key, &[0u8; 64]);
		}
		let per_block: u32 = <Runtime as pallet_hearth_leases::Config>::MaxDeadlinesPerBlock::get();
		let (tenant, provider) = (AccountId::from([1u8; 32]), AccountId::from([2u8; 32]));
		let far: BlockNumber = 1_000_000;
		for id in 0..u64::from(leases) {
			let closes_at = far + (id as u32) / per_block;
			let lease = Lease {
				tenant: tenant.clone(),
				provider: provider.clone(),
				netuid: 1,
				price: 10,
				start: 1,
				end: closes_at,
				escrow: 10 * u128::from(closes_at),
				settled_at: 1,
				earned: 0,
				bond: 0,
				closes_at,
			};
			OpenLeases::<Runtime>::insert(id, lease);
			Leases::schedule(closes_at, Deadline::Close(id)).expect("a block's queue takes MaxDeadlinesPerBlock");
		}
	});
	ext.commit_all().expect("the setup commits");
	ext
}

/// Runs of `BLOCKS` blocks of `on_initialize` with `leases` running; nothing is due in
/// those blocks, so every run leaves the state as it found it.
fn upkeep(leases: u32, padding: u32) -> hearth_benches::Sample {
	let mut ext = state(leases, padding);
	ext.execute_with(|| {
		measure(Budget::new(5, 0), || {
			for b in 2..2 + BLOCKS {
				System::set_block_number(b);
				std::hint::black_box(Leases::on_initialize(b));
			}
		})
	})
}

/// The large case: 100,000 open leases.
const MANY: u32 = 100_000;

/// Keys `leases` leases add to the state: an entry each, and one deadline queue per
/// `MaxDeadlinesPerBlock` of them (the runtime's own bound, not a copy of it).
fn lease_keys(leases: u32) -> u32 {
	let per_block: u32 = <Runtime as pallet_hearth_leases::Config>::MaxDeadlinesPerBlock::get();
	leases + leases.div_ceil(per_block)
}

fn main() {
	let small = upkeep(10, 0);
	let small_padded = upkeep(10, lease_keys(MANY));
	let large = upkeep(MANY, 0);
	let ns_per_block = |s: &hearth_benches::Sample| s.secs() * 1e9 / f64::from(BLOCKS);
	println!("leases upkeep per block, none expiring ({BLOCKS} blocks a run, median of 5 runs, hearth-runtime):");
	println!(
		"  10 active leases:                                {:>8.0} ns  {}",
		ns_per_block(&small),
		small.summary()
	);
	println!(
		"  10 active leases, state padded to the same size: {:>8.0} ns  {}",
		ns_per_block(&small_padded),
		small_padded.summary()
	);
	println!(
		"  100,000 active leases:                           {:>8.0} ns  {}",
		ns_per_block(&large),
		large.summary()
	);
	println!("  ratio 100,000 / 10 at equal state size:          {:>8.2}", large.secs() / small_padded.secs());
	println!("  ratio 100,000 / 10 (includes the deeper trie):   {:>8.2}", large.secs() / small.secs());
}
