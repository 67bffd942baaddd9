//! Nonces for the validator's transactions when several off-chain worker runs overlap
//! (one starts at every imported block): each transaction takes the next nonce from
//! a cell in the node's persistent off-chain storage by compare-and-set, so two runs
//! never take the same one, whatever their interleaving.
//!
//! ```text
//! next = max(on-chain account nonce, stored next)   (the stored one counts transactions
//!                                                    still in the pool)
//! when the on-chain nonce has not moved for STALE_BLOCKS blocks while nonces above it
//! are out, those transactions left the pool unincluded: next = on-chain nonce
//! ```

use codec::{Decode, Encode};

/// Blocks without progress of the on-chain nonce after which nonces handed out above
/// it are given up (a transaction waits at most its 64-block mortal era; an honest
/// validator's are included within a few blocks).
pub const STALE_BLOCKS: u32 = 32;

/// What the cell holds.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug, Default)]
pub struct Reserved {
	/// The next nonce to hand out.
	pub next: u64,
	/// The on-chain nonce last seen.
	pub chain: u64,
	/// The block since which the on-chain nonce has been `chain`.
	pub since: u32,
}

/// A storage cell with compare-and-set (the off-chain worker's persistent storage).
pub trait Cell {
	/// The current value.
	fn get(&self) -> Option<Reserved>;
	/// Sets `new` if the value is still `old`; whether it did.
	fn compare_and_set(&mut self, old: Option<Reserved>, new: Reserved) -> bool;
}

/// Another run changed the cell between the read and the write: try again next time.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Raced;

/// Takes a nonce for a transaction sent at `block` by an account whose on-chain nonce
/// is `on_chain`.
pub fn reserve(cell: &mut dyn Cell, on_chain: u64, block: u32) -> Result<u64, Raced> {
	let old = cell.get();
	let (next, since) = match old {
		Some(r) if r.chain == on_chain => (r.next, r.since),
		Some(r) => (r.next, block),
		None => (on_chain, block),
	};
	let stuck = next > on_chain && block.saturating_sub(since) >= STALE_BLOCKS;
	let n = if next > on_chain && !stuck { next } else { on_chain };
	let new = Reserved { next: n.saturating_add(1), chain: on_chain, since: if stuck { block } else { since } };
	if cell.compare_and_set(old, new) {
		Ok(n)
	} else {
		Err(Raced)
	}
}

/// Gives `nonce` back after the pool refused its transaction, if no later nonce was
/// handed out since (otherwise the gap closes when the stale rule applies).
pub fn release(cell: &mut dyn Cell, nonce: u64) -> bool {
	match cell.get() {
		Some(r) if r.next == nonce.saturating_add(1) => cell.compare_and_set(Some(r), Reserved { next: nonce, ..r }),
		_ => false,
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use core::cell::RefCell;

	#[derive(Default)]
	struct Shared(RefCell<Option<Reserved>>);

	struct Handle<'a>(&'a Shared);

	impl Cell for Handle<'_> {
		fn get(&self) -> Option<Reserved> {
			*self.0 .0.borrow()
		}
		fn compare_and_set(&mut self, old: Option<Reserved>, new: Reserved) -> bool {
			let mut v = self.0 .0.borrow_mut();
			if *v == old {
				*v = Some(new);
				true
			} else {
				false
			}
		}
	}

	/// A run that read the cell, then lost the race to another run's write.
	struct Interleaved<'a> {
		shared: &'a Shared,
		before_write: Option<Box<dyn FnMut() + 'a>>,
	}

	impl Cell for Interleaved<'_> {
		fn get(&self) -> Option<Reserved> {
			*self.shared.0.borrow()
		}
		fn compare_and_set(&mut self, old: Option<Reserved>, new: Reserved) -> bool {
			if let Some(mut other) = self.before_write.take() {
				other();
			}
			Handle(self.shared).compare_and_set(old, new)
		}
	}

	#[test]
	fn pending_transactions_keep_their_nonces_and_overlapping_runs_never_share_one() {
		let shared = Shared::default();
		assert_eq!(reserve(&mut Handle(&shared), 5, 100), Ok(5));
		assert_eq!(reserve(&mut Handle(&shared), 5, 100), Ok(6), "5 is still in the pool");
		// Run A reads, run B reserves in between, A's write fails: no reuse.
		let mut a = Interleaved {
			shared: &shared,
			before_write: Some(Box::new(|| assert_eq!(reserve(&mut Handle(&shared), 5, 101), Ok(7)))),
		};
		assert_eq!(reserve(&mut a, 5, 101), Err(Raced));
		assert_eq!(reserve(&mut Handle(&shared), 5, 101), Ok(8));
		// The chain moved past what was stored: the chain's nonce wins.
		assert_eq!(reserve(&mut Handle(&shared), 20, 102), Ok(20));
	}

	#[test]
	fn refused_and_stale_nonces_are_given_back() {
		let shared = Shared::default();
		assert_eq!(reserve(&mut Handle(&shared), 0, 10), Ok(0));
		assert!(release(&mut Handle(&shared), 0));
		assert_eq!(reserve(&mut Handle(&shared), 0, 10), Ok(0));
		assert_eq!(reserve(&mut Handle(&shared), 0, 10), Ok(1));
		assert!(!release(&mut Handle(&shared), 0), "1 was handed out after 0");
		// Nonces keep being handed out while the chain's stays at 0 (0 was lost):
		// after STALE_BLOCKS blocks without progress, start again from the chain's.
		for (i, block) in (11..10 + STALE_BLOCKS).enumerate() {
			assert_eq!(reserve(&mut Handle(&shared), 0, block), Ok(2 + i as u64));
		}
		assert_eq!(reserve(&mut Handle(&shared), 0, 10 + STALE_BLOCKS), Ok(0));
		assert_eq!(reserve(&mut Handle(&shared), 0, 10 + STALE_BLOCKS), Ok(1));
		// Progress resets the clock.
		assert_eq!(reserve(&mut Handle(&shared), 1, 10 + 3 * STALE_BLOCKS), Ok(2));
	}
}
