//! What the slashing pallet offers other pallets through `hearth-primitives`: offence
//! reports, and whether a hotkey has a slash pending.

use crate::{pallet::*, OffenceConfig};
use frame_support::pallet_prelude::*;
use hearth_primitives::{OffenceKind, PendingSlash, ReportOffence, SlashId, Subject};

impl<T: Config> ReportOffence<AccountIdOf<T>> for Pallet<T> {
	fn report(
		kind: OffenceKind,
		offender: AccountIdOf<T>,
		subject: Subject,
		reporter: Option<AccountIdOf<T>>,
		at_most: Option<u128>,
	) -> Result<SlashId, DispatchError> {
		Self::do_report(kind, offender, subject, reporter, T::Offences::params(kind), at_most)
	}
}

impl<T: Config> PendingSlash<AccountIdOf<T>> for Pallet<T> {
	fn is_pending(offender: &AccountIdOf<T>) -> bool {
		PendingOf::<T>::contains_key(offender)
	}
}
