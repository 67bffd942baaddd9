//! Hotkeys: who owns them (a coldkey, proven by its signature) and their take.

use crate::pallet::*;
use frame_support::pallet_prelude::*;
use sp_runtime::{traits::Saturating, Perbill};

impl<T: Config> Pallet<T> {
	/// Registers `hotkey` as the caller's (the coldkey's). A hotkey is also registered
	/// to the first coldkey that stakes to it.
	pub(crate) fn do_register_hotkey(coldkey: T::AccountId, hotkey: T::AccountId) -> DispatchResult {
		match Owner::<T>::get(&hotkey) {
			Some(owner) if owner == coldkey => Err(Error::<T>::HotkeyAlreadyRegistered.into()),
			Some(_) => Err(Error::<T>::HotkeyOwnedByAnother.into()),
			None => Self::do_register(&coldkey, &hotkey),
		}
	}

	/// Sets the take of the caller's `hotkey`. Lowering is always allowed; raising at
	/// most once per `TakeIncreaseDelay` blocks.
	pub(crate) fn do_set_take(coldkey: T::AccountId, hotkey: T::AccountId, take: Perbill) -> DispatchResult {
		Self::ensure_owner(&coldkey, &hotkey)?;
		ensure!(take <= T::MaxTake::get(), Error::<T>::TakeTooHigh);
		if take > Take::<T>::get(&hotkey) {
			let now = frame_system::Pallet::<T>::block_number();
			if let Some(last) = LastTakeIncrease::<T>::get(&hotkey) {
				ensure!(now >= last.saturating_add(T::TakeIncreaseDelay::get()), Error::<T>::TakeIncreaseTooSoon);
			}
			LastTakeIncrease::<T>::insert(&hotkey, now);
		}
		Take::<T>::insert(&hotkey, take);
		Self::deposit_event(Event::TakeSet { hotkey, take });
		Ok(())
	}

	pub(crate) fn ensure_owner(coldkey: &T::AccountId, hotkey: &T::AccountId) -> DispatchResult {
		match Owner::<T>::get(hotkey) {
			Some(owner) if owner == *coldkey => Ok(()),
			Some(_) => Err(Error::<T>::NotHotkeyOwner.into()),
			None => Err(Error::<T>::UnknownHotkey.into()),
		}
	}

	pub(crate) fn do_register(coldkey: &T::AccountId, hotkey: &T::AccountId) -> DispatchResult {
		OwnedHotkeys::<T>::try_mutate(coldkey, |owned| owned.try_push(hotkey.clone()))
			.map_err(|_| Error::<T>::TooManyHotkeys)?;
		Owner::<T>::insert(hotkey, coldkey);
		Take::<T>::insert(hotkey, T::DefaultTake::get());
		Self::deposit_event(Event::HotkeyRegistered { coldkey: coldkey.clone(), hotkey: hotkey.clone() });
		Ok(())
	}
}
