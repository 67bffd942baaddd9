//! Per-block queues: storage that maps a block to a bounded list of what is due in it
//! (the leases pallet's deadlines, the slashing pallet's schedule). One rule for all of
//! them: an item goes into the first block, from the one it asks for, whose list has
//! room, looking a bounded number of blocks ahead.

use codec::FullCodec;
use frame_support::{storage::StorageMap, traits::Get, BoundedVec};
use sp_runtime::traits::{One, Saturating};

/// Pushes `item` into the first of the `blocks` blocks starting at `from` whose queue in
/// `Queue` has room, and returns that block; `Err(item)` when all of them are full.
/// Reads and writes at most `blocks` entries.
pub fn push_first_with_room<Queue, Block, Item, Bound>(from: Block, blocks: u32, item: Item) -> Result<Block, Item>
where
	Queue: StorageMap<Block, BoundedVec<Item, Bound>, Query = BoundedVec<Item, Bound>>,
	Block: FullCodec + Copy + Saturating + One,
	Item: FullCodec,
	Bound: Get<u32>,
{
	let mut at = from;
	let mut item = item;
	for _ in 0..blocks {
		match Queue::try_mutate(at, |queue| queue.try_push(item)) {
			Ok(()) => return Ok(at),
			Err(back) => item = back,
		}
		at = at.saturating_add(Block::one());
	}
	Err(item)
}
