//! Applying due slashes: take the fraction from the offender's pools, pay the
//! reporter its share, burn the rest.

use crate::{pallet::*, weights::WeightInfo};
use frame_support::traits::{
	fungible::{Balanced, Credit},
	Imbalance,
};
use frame_support::weights::WeightMeter;
use frame_system::pallet_prelude::*;
use hearth_primitives::{SlashId, StakeSlash};

impl<T: Config> Pallet<T> {
	/// The hook's work: applies every slash scheduled for `now` (a bounded queue) and
	/// records the weight of the whole batch, measured for its size, in `meter`.
	pub(crate) fn apply_due(now: BlockNumberFor<T>, meter: &mut WeightMeter) {
		let due = Scheduled::<T>::take(now);
		meter.consume(T::WeightInfo::on_initialize(due.len() as u32));
		for id in due {
			Self::apply(id);
		}
	}

	/// Applies one pending slash: take, pay the reporter, burn the rest.
	pub(crate) fn apply(id: SlashId) {
		let Some(slash) = Pending::<T>::get(id) else { return };
		Self::forget(id, &slash);
		let stake = T::Staking::slashable(&slash.offender);
		let fraction = Self::capped_fraction(slash.fraction, slash.at_most, stake);
		let credit: Credit<AccountIdOf<T>, T::Currency> = match T::Staking::slash(&slash.offender, fraction) {
			Ok(credit) => credit,
			Err(error) => {
				Self::deposit_event(Event::SlashFailed { id, offender: slash.offender, error });
				return;
			},
		};
		let amount = credit.peek();
		let (to_reporter, burn) = match &slash.reporter {
			Some(reporter) => {
				let (share, rest) = credit.split(slash.reporter_share.mul_floor(amount));
				let paid = share.peek();
				match T::Currency::resolve(reporter, share) {
					Ok(()) => (paid, rest),
					// A reporter who cannot receive it (below the existential deposit)
					// leaves it to be burned.
					Err(unpaid) => (0, rest.merge(unpaid)),
				}
			},
			None => (0, credit),
		};
		let burned = burn.peek();
		// The sink burns it: total issuance falls by `burned`.
		<T::Burn as frame_support::traits::OnUnbalanced<_>>::on_unbalanced(burn);
		Self::deposit_event(Event::SlashApplied { id, offender: slash.offender, amount, to_reporter, burned });
	}
}
