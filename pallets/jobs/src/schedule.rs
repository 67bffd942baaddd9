//! The per-block queue: each job's next step (expiry at its deadline, payment when
//! its challenge window passes, pruning after its retention) and the forgetting of a
//! receipt's ruling when its window passes. An entry goes into the first block from the
//! one it asks for with room, up to `MaxScheduleLookahead` blocks later
//! (`hearth_primitives::queue`); the hook takes one block's list, at most
//! `MaxDuePerBlock` entries.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// Queues `due` at the first block from `at` with room and returns that block.
	pub(crate) fn schedule(at: BlockNumberFor<T>, due: Due) -> Result<BlockNumberFor<T>, DispatchError> {
		let blocks = T::MaxScheduleLookahead::get().saturating_add(1);
		hearth_primitives::queue::push_first_with_room::<DueQueue<T>, _, _, _>(at, blocks, due)
			.map_err(|_| Error::<T>::ScheduleFull.into())
	}

	/// Removes `due` from block `at`'s list.
	pub(crate) fn unschedule(at: BlockNumberFor<T>, due: Due) {
		DueQueue::<T>::mutate_exists(at, |q| {
			if let Some(list) = q {
				list.retain(|d| *d != due);
				if list.is_empty() {
					*q = None;
				}
			}
		});
	}

	/// What is due at `now`, taken out of the queue.
	pub(crate) fn take_due(now: BlockNumberFor<T>) -> Vec<Due> {
		DueQueue::<T>::take(now).into_inner()
	}
}
