//! What the runtime API reports about the schedule.

use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// The emission schedule at a block, for wallets and explorers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct ScheduleInfo {
	/// The supply cap, in the smallest unit.
	pub cap: u128,
	/// The reward the next block mints (before the split across subnets).
	pub reward: u128,
	/// Everything emitted since genesis.
	pub emitted: u128,
	/// Everything burned since genesis (fees, registrations, slashes, dust).
	pub burned: u128,
	/// Halvings so far.
	pub halvings: u32,
	/// The cumulative emission at which the next halving happens; `None` once the
	/// reward is zero.
	pub next_halving_at: Option<u128>,
	/// Blocks until then at the current reward.
	pub blocks_to_next_halving: Option<u128>,
	/// Minted and waiting for subnets' epochs.
	pub pending: u128,
}
