//! The slashing pallet's invariants, checked by `try_state` after every test and by
//! try-runtime:
//!
//! 1. Every pending slash is scheduled in the block it is due, exactly once.
//! 2. One open slash per offender and span: every pending slash is its offender's
//!    `PendingOf`, no offender has two, and every `PendingOf` names a pending slash.
//! 3. Every scheduled id names a pending slash.
//! 4. Nothing is scheduled in the past: every queued block is after the current one
//!    (a block's queue is taken by its own hook).

use crate::pallet::*;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Checks the invariants listed in the module docs.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut offenders = alloc::collections::BTreeSet::new();
		for (id, slash) in Pending::<T>::iter() {
			ensure!(Scheduled::<T>::get(slash.apply_at).contains(&id), "a pending slash is not scheduled");
			ensure!(PendingOf::<T>::get(&slash.offender) == Some(id), "a pending slash is not its offender's");
			ensure!(offenders.insert(slash.offender), "an offender has two pending slashes");
		}
		ensure!(
			PendingOf::<T>::iter().all(|(_, id)| Pending::<T>::contains_key(id)),
			"an offender's pending slash does not exist"
		);
		let now = frame_system::Pallet::<T>::block_number();
		for (block, ids) in Scheduled::<T>::iter() {
			ensure!(ids.iter().all(Pending::<T>::contains_key), "a scheduled slash is not pending");
			ensure!(block > now, "a slash waits in a block whose hook already ran");
		}
		Ok(())
	}
}
