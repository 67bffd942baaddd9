//! The slashing pallet's invariants, checked by `try_state` after every test and by
//! try-runtime:
//!
//! 1. Every pending slash is scheduled in the block it is due, exactly once.
//! 2. Every pending slash is indexed by its `(offender, subject)`.
//! 3. Each offender's pending count equals its pending slashes, and no offender
//!    without pending slashes has a count.
//! 4. Every scheduled id names a pending slash.

use crate::pallet::*;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Invariants: every pending slash is scheduled once and indexed by subject;
	/// per-offender counts match.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut counts: alloc::collections::BTreeMap<AccountIdOf<T>, u32> = Default::default();
		for (id, slash) in Pending::<T>::iter() {
			ensure!(Scheduled::<T>::get(slash.apply_at).contains(&id), "a pending slash is not scheduled");
			ensure!(BySubject::<T>::get(&slash.offender, slash.subject) == Some(id), "a pending slash is not indexed");
			*counts.entry(slash.offender).or_default() += 1;
		}
		for (offender, count) in PendingCount::<T>::iter() {
			ensure!(counts.remove(&offender) == Some(count), "a pending count is wrong");
		}
		ensure!(counts.is_empty(), "an offender with pending slashes has no count");
		for (_, ids) in Scheduled::<T>::iter() {
			ensure!(ids.iter().all(Pending::<T>::contains_key), "a scheduled slash is not pending");
		}
		Ok(())
	}
}
