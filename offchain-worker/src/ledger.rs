//! The validator's decisions, newest last, kept for the operator: why a miner scored
//! what it did, what was sent, what was challenged. Bounded: the oldest are dropped
//! past [`MAX_DECISIONS`].

use crate::score::{Change, Ppm};
use crate::weights::Vote;
use alloc::collections::VecDeque;
use alloc::vec::Vec;
use codec::{Decode, Encode};
use hearth_primitives::receipt::Hash32;
use hearth_primitives::Uid;
use scale_info::TypeInfo;

/// How many decisions are kept.
pub const MAX_DECISIONS: usize = 256;

/// One decision.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum Decision {
	/// A miner was probed.
	Probed {
		/// Its uid.
		uid: Uid,
		/// Inputs sent.
		inputs: u32,
		/// Correct answers.
		correct: u32,
		/// Wrong answers (re-run differs).
		wrong: u32,
		/// Why inputs were refused or unavailable, UTF-8.
		note: Vec<u8>,
	},
	/// A score changed.
	Scored(Change),
	/// Weights were sent directly.
	WeightsSet(Vote),
	/// Weights were committed (hash).
	WeightsCommitted(Hash32),
	/// Committed weights were revealed.
	WeightsRevealed(Vote),
	/// A wrong receipt was challenged on chain.
	Challenged {
		/// The miner.
		uid: Uid,
		/// The receipt's hash.
		receipt: Hash32,
		/// The step re-run.
		step: u32,
	},
	/// Something was not done, UTF-8 reason.
	Skipped(Vec<u8>),
	/// The score of a miner was zeroed because it was proven wrong on chain.
	ProvenWrong {
		/// The miner.
		uid: Uid,
		/// Its score before.
		score: Ppm,
	},
}

/// Decisions with the block each was taken at.
#[derive(Clone, Default, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Ledger {
	/// `(block, decision)`, oldest first.
	pub entries: VecDeque<(u32, Decision)>,
}

impl Ledger {
	/// Records `decision` at `block`, dropping the oldest past the bound.
	pub fn push(&mut self, block: u32, decision: Decision) {
		if self.entries.len() == MAX_DECISIONS {
			self.entries.pop_front();
		}
		self.entries.push_back((block, decision));
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_ledger_keeps_the_newest_decisions() {
		let mut l = Ledger::default();
		for b in 0..(MAX_DECISIONS as u32 + 10) {
			l.push(b, Decision::Skipped(b"x".to_vec()));
		}
		assert_eq!(l.entries.len(), MAX_DECISIONS);
		assert_eq!(l.entries.front().map(|e| e.0), Some(10));
		let back = Ledger::decode(&mut &l.encode()[..]).unwrap();
		assert_eq!(back, l);
	}
}
