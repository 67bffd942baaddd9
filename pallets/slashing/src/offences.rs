//! Reports: de-duplicated, merged into the offender's pending slash (the largest
//! fraction wins: one slash per offender per span), scheduled after the deferral
//! window, and cancellable by governance.

use crate::{pallet::*, types::*, PendingSlashInfo};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::*;
use hearth_primitives::{OffenceKind, SlashId, StakeInspect, Subject};
use sp_runtime::{traits::Saturating, Perbill};

impl<T: Config> Pallet<T> {
	/// Governance cancels a pending slash.
	pub(crate) fn do_cancel_slash(id: SlashId) -> DispatchResult {
		let slash = Pending::<T>::get(id).ok_or(Error::<T>::UnknownSlash)?;
		Scheduled::<T>::mutate(slash.apply_at, |ids| ids.retain(|x| *x != id));
		Self::forget(id, &slash);
		Self::deposit_event(Event::SlashCancelled { id, offender: slash.offender });
		Ok(())
	}

	pub(crate) fn do_report(
		kind: OffenceKind,
		offender: AccountIdOf<T>,
		subject: Subject,
		reporter: Option<AccountIdOf<T>>,
		params: OffenceParams,
	) -> Result<SlashId, DispatchError> {
		ensure!(params.fraction <= T::MaxSlashFraction::get(), Error::<T>::FractionTooHigh);
		let key = (kind, offender.clone(), subject);
		ensure!(!Reported::<T>::contains_key(&key), Error::<T>::DuplicateReport);
		// Nobody is paid for reporting itself or a hotkey it owns.
		let owner = <T::Staking as StakeInspect<AccountIdOf<T>, u128>>::owner_of(&offender);
		let reporter = reporter.filter(|r| *r != offender && owner.as_ref() != Some(r));

		if let Some(id) = PendingOf::<T>::get(&offender) {
			// The offender's span is open: the largest fraction wins.
			let fraction = Pending::<T>::try_mutate(id, |slash| -> Result<Perbill, DispatchError> {
				let slash = slash.as_mut().ok_or(Error::<T>::UnknownSlash)?;
				if params.fraction > slash.fraction {
					slash.kind = kind;
					slash.subject = subject;
					slash.fraction = params.fraction;
					slash.reporter_share = params.reporter_share;
					slash.reporter = reporter.clone();
				}
				Ok(slash.fraction)
			})?;
			Reported::<T>::insert(&key, ());
			Self::deposit_event(Event::OffenceMerged { id, kind, fraction });
			return Ok(id);
		}

		let id = NextSlashId::<T>::get();
		let apply_at = Self::schedule(id)?;
		NextSlashId::<T>::put(id.saturating_add(1));
		Pending::<T>::insert(
			id,
			PendingSlashInfo {
				kind,
				offender: offender.clone(),
				subject,
				fraction: params.fraction,
				reporter_share: params.reporter_share,
				reporter,
				apply_at,
			},
		);
		PendingOf::<T>::insert(&offender, id);
		Reported::<T>::insert(&key, ());
		Self::deposit_event(Event::OffenceReported {
			id,
			kind,
			offender,
			subject,
			fraction: params.fraction,
			apply_at,
		});
		Ok(id)
	}

	/// Queues slash `id` in the first block from `now + DeferWindow` whose queue has
	/// room, within `MaxScheduleLookahead` blocks; returns that block.
	pub(crate) fn schedule(id: SlashId) -> Result<BlockNumberFor<T>, DispatchError> {
		let from = frame_system::Pallet::<T>::block_number().saturating_add(T::DeferWindow::get());
		hearth_primitives::queue::push_first_with_room::<Scheduled<T>, _, _, _>(
			from,
			T::MaxScheduleLookahead::get(),
			id,
		)
		.map_err(|_| Error::<T>::ScheduleFull.into())
	}

	pub(crate) fn forget(id: SlashId, slash: &PendingSlashInfo<AccountIdOf<T>, BlockNumberFor<T>>) {
		Pending::<T>::remove(id);
		PendingOf::<T>::remove(&slash.offender);
	}
}
