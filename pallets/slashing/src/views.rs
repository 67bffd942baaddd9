//! Read-only views of slashes: what the runtime API answers.

use crate::{pallet::*, types::PendingSlash};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use hearth_primitives::SlashId;

impl<T: Config> Pallet<T> {
	/// Pending slashes, all or one offender's, soonest first (then by id).
	pub fn pending_slashes(
		offender: Option<T::AccountId>,
	) -> Vec<(SlashId, PendingSlash<T::AccountId, BlockNumberFor<T>>)> {
		let mut slashes: Vec<_> = match offender {
			Some(who) => PendingOf::<T>::get(&who)
				.and_then(|id| Pending::<T>::get(id).map(|slash| (id, slash)))
				.into_iter()
				.collect(),
			None => Pending::<T>::iter().collect(),
		};
		slashes.sort_by(|(a, x), (b, y)| x.apply_at.cmp(&y.apply_at).then(a.cmp(b)));
		slashes
	}
}
