//! Reports: de-duplicated, merged into the offender's pending slash (the largest
//! fraction wins: one slash per offender per span), scheduled after the deferral
//! window, and cancellable by governance.

use crate::{pallet::*, types::*, PendingSlashInfo};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::*;
use hearth_primitives::{OffenceKind, SlashId, StakeInspect, StakeSlash, Subject};
use sp_runtime::{traits::Saturating, PerThing, Perbill};

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
		at_most: Option<u128>,
	) -> Result<SlashId, DispatchError> {
		ensure!(params.fraction <= T::MaxSlashFraction::get(), Error::<T>::FractionTooHigh);
		let key = (kind, offender.clone(), subject);
		ensure!(!Reported::<T>::contains_key(&key), Error::<T>::DuplicateReport);
		let forget_at = frame_system::Pallet::<T>::block_number().saturating_add(T::ReportMemory::get());
		// Nobody is paid for reporting itself or a hotkey it owns.
		let owner = <T::Staking as StakeInspect<AccountIdOf<T>, u128>>::owner_of(&offender);
		let reporter = reporter.filter(|r| *r != offender && owner.as_ref() != Some(r));

		if let Some(id) = PendingOf::<T>::get(&offender) {
			// The offender's span is open: the larger slash wins, compared by what each
			// would take now.
			let stake = <T::Staking as StakeSlash<AccountIdOf<T>, T::Currency>>::slashable(&offender);
			let (fraction, at_most) = Pending::<T>::try_mutate(id, |slash| -> Result<_, DispatchError> {
				let slash = slash.as_mut().ok_or(Error::<T>::UnknownSlash)?;
				if Self::amount(params.fraction, at_most, stake) > Self::amount(slash.fraction, slash.at_most, stake) {
					slash.kind = kind;
					slash.subject = subject;
					slash.fraction = params.fraction;
					slash.reporter_share = params.reporter_share;
					slash.reporter = reporter.clone();
					slash.at_most = at_most;
				}
				Ok((slash.fraction, slash.at_most))
			})?;
			Reported::<T>::insert(&key, forget_at);
			Self::deposit_event(Event::OffenceMerged { id, kind, fraction, at_most });
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
				at_most,
				apply_at,
			},
		);
		PendingOf::<T>::insert(&offender, id);
		Reported::<T>::insert(&key, forget_at);
		Self::deposit_event(Event::OffenceReported {
			id,
			kind,
			offender,
			subject,
			fraction: params.fraction,
			at_most,
			apply_at,
		});
		Ok(id)
	}

	/// What a slash of `fraction`, capped at `at_most`, takes from `stake`.
	pub(crate) fn amount(fraction: Perbill, at_most: Option<u128>, stake: u128) -> u128 {
		let amount = fraction.mul_floor(stake);
		at_most.map_or(amount, |cap| amount.min(cap))
	}

	/// The fraction that takes `fraction` of `stake` but at most `at_most`: lowered
	/// (rounding down) when the cap is below the fraction's amount.
	pub(crate) fn capped_fraction(fraction: Perbill, at_most: Option<u128>, stake: u128) -> Perbill {
		match at_most {
			Some(cap) if cap < fraction.mul_floor(stake) => {
				Perbill::from_rational_with_rounding(cap, stake, sp_runtime::Rounding::Down)
					.unwrap_or(fraction)
					.min(fraction)
			},
			_ => fraction,
		}
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
