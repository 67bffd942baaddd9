//! # The halving schedule
//!
//! Hearth's supply is capped. The block reward depends only on how much has been
//! emitted so far (cumulative emission, never total issuance: burns do not re-open the
//! schedule):
//!
//! ```text
//! reward(e) = 0                                         if e >= cap
//!           = min(initial >> h, cap - e)                otherwise,
//!   where h = floor(log2(floor(cap / (cap - e))))
//! ```
//!
//! `floor(log2(x))` of a real `x >= 1` equals `floor(log2(floor(x)))`, so the integer
//! quotient is exact: no floats, no rounding rule to agree on. The reward halves each
//! time `e` reaches `cap - floor(cap / 2^k)` for `k = 1, 2, …` — with Hearth's numbers
//! 10.5M, 15.75M, 18.375M, … HTH. The `min` with what is left only matters for tiny
//! caps (with Hearth's numbers the reward reaches zero first); it makes
//! "the sum of every future reward never exceeds the cap" hold for every schedule.
//!
//! `no_std`, no dependencies, no units: Hearth's own schedule (21M HTH, 0.5 HTH a
//! block) is `hearth_primitives::EMISSION_SCHEDULE`. The emissions pallet and its
//! runtime API use it, and so can any explorer.

#![cfg_attr(not(feature = "std"), no_std)]

/// Why a schedule was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleError {
	/// The cap is zero.
	ZeroCap,
	/// The initial reward is zero.
	ZeroReward,
	/// The initial reward is larger than the cap.
	RewardAboveCap,
}

impl core::fmt::Display for ScheduleError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str(match self {
			Self::ZeroCap => "the supply cap is zero",
			Self::ZeroReward => "the initial block reward is zero",
			Self::RewardAboveCap => "the initial block reward exceeds the supply cap",
		})
	}
}

/// A capped, halving emission schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schedule {
	cap: u128,
	initial: u128,
}

/// Where the schedule stands after `emitted` units have been emitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
	/// The reward of the next block.
	pub reward: u128,
	/// How many halvings have happened.
	pub halvings: u32,
	/// The cumulative emission at which the next halving happens; `None` once the
	/// reward is zero.
	pub next_halving_at: Option<u128>,
	/// Blocks until the next halving at the current reward; `None` once it is zero.
	pub blocks_to_next_halving: Option<u128>,
}

impl Schedule {
	/// A schedule with this cap and initial reward.
	pub const fn new(cap: u128, initial: u128) -> Result<Self, ScheduleError> {
		if cap == 0 {
			return Err(ScheduleError::ZeroCap);
		}
		if initial == 0 {
			return Err(ScheduleError::ZeroReward);
		}
		if initial > cap {
			return Err(ScheduleError::RewardAboveCap);
		}
		Ok(Self { cap, initial })
	}

	/// The supply cap.
	pub const fn cap(&self) -> u128 {
		self.cap
	}

	/// The reward before any halving.
	pub const fn initial(&self) -> u128 {
		self.initial
	}

	/// `floor(log2(cap / (cap - emitted)))`; `None` at or past the cap.
	pub const fn halvings(&self, emitted: u128) -> Option<u32> {
		if emitted >= self.cap {
			return None;
		}
		// cap - emitted >= 1, so the quotient is at least 1 and ilog2 is defined.
		Some((self.cap / (self.cap - emitted)).ilog2())
	}

	/// The reward of the next block after `emitted` units were emitted.
	pub const fn reward(&self, emitted: u128) -> u128 {
		let Some(h) = self.halvings(emitted) else { return 0 };
		let halved = if h >= u128::BITS { 0 } else { self.initial >> h };
		let left = self.cap - emitted;
		if halved < left {
			halved
		} else {
			left
		}
	}

	/// The cumulative emission at which the reward next halves: the least `e` with
	/// `cap / (cap - e) >= 2^(h + 1)`, which is `cap - floor(cap / 2^(h + 1))`.
	/// `None` once the reward is zero (nothing more will be emitted).
	pub const fn next_halving_at(&self, emitted: u128) -> Option<u128> {
		let Some(h) = self.halvings(emitted) else { return None };
		if self.reward(emitted) == 0 || h + 1 >= u128::BITS {
			return None;
		}
		Some(self.cap - (self.cap >> (h + 1)))
	}

	/// Everything about the schedule at `emitted`.
	pub const fn position(&self, emitted: u128) -> Position {
		let reward = self.reward(emitted);
		let halvings = match self.halvings(emitted) {
			Some(h) => h,
			None => u128::BITS,
		};
		let next_halving_at = self.next_halving_at(emitted);
		let blocks_to_next_halving = match next_halving_at {
			// reward > 0 whenever next_halving_at is Some.
			Some(at) => Some((at - emitted).div_ceil(reward)),
			None => None,
		};
		Position { reward, halvings, next_halving_at, blocks_to_next_halving }
	}

	/// What would be emitted in total, starting from `emitted`, if every future block
	/// took its reward; computed band by band (the reward is constant between two
	/// halvings), so it costs O(halvings), not O(blocks).
	pub fn total_after_all_blocks(&self, mut emitted: u128) -> u128 {
		loop {
			let reward = self.reward(emitted);
			if reward == 0 {
				return emitted;
			}
			match self.next_halving_at(emitted) {
				// Whole blocks at this reward until the threshold is reached or passed.
				// (when that would pass the cap, the reward is clamped: go one block).
				Some(at) => {
					let blocks = (at - emitted).div_ceil(reward);
					match blocks.checked_mul(reward).and_then(|x| x.checked_add(emitted)) {
						Some(next) if next <= self.cap => emitted = next,
						_ => emitted += reward,
					}
				},
				None => emitted += reward,
			}
		}
	}
}

#[cfg(test)]
mod tests;
