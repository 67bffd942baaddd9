//! Hotkeys: who owns them (a coldkey, which signs the claim, with the hotkey's own
//! signature of it) and their take.

use crate::pallet::*;
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use hearth_primitives::{HotkeyInUse, PendingSlash};
use sp_runtime::{
	traits::{Saturating, Verify, Zero},
	Perbill,
};

/// What a hotkey signs to be claimed by `coldkey` on the chain whose genesis hash is
/// `genesis`: `b"hearth/claim-hotkey" ‖ genesis ‖ coldkey` (SCALE: the raw bytes of
/// both). Binding the chain keeps a proof from being replayed on another network.
pub fn claim_payload(genesis: &[u8], coldkey: &impl Encode) -> Vec<u8> {
	let mut message = b"hearth/claim-hotkey".to_vec();
	message.extend_from_slice(genesis);
	coldkey.encode_to(&mut message);
	message
}

impl<T: Config> Pallet<T> {
	/// What `hotkey` signs to be claimed by `coldkey` on this chain
	/// ([`claim_payload`] with the genesis hash).
	pub fn claim_message(coldkey: &T::AccountId) -> Vec<u8> {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		claim_payload(genesis.as_ref(), coldkey)
	}

	/// Registers `hotkey` as the caller's (the coldkey's), on the hotkey's proof.
	pub(crate) fn do_register_hotkey(
		coldkey: T::AccountId,
		hotkey: T::AccountId,
		proof: T::OwnershipProof,
	) -> DispatchResult {
		match Owner::<T>::get(&hotkey) {
			Some(owner) if owner == coldkey => return Err(Error::<T>::HotkeyAlreadyRegistered.into()),
			Some(_) => return Err(Error::<T>::HotkeyOwnedByAnother.into()),
			None => {},
		}
		ensure!(proof.verify(&Self::claim_message(&coldkey)[..], &hotkey), Error::<T>::BadOwnershipProof);
		let deposit = T::HotkeyDeposit::get();
		if !deposit.is_zero() {
			T::Currency::hold(&HoldReason::HotkeyClaim.into(), &coldkey, deposit)?;
			HotkeyDeposits::<T>::insert(&hotkey, deposit);
		}
		Self::do_register(&coldkey, &hotkey)
	}

	/// Forgets the caller's `hotkey` once nothing depends on it, releasing its deposit.
	pub(crate) fn do_forget_hotkey(coldkey: T::AccountId, hotkey: T::AccountId) -> DispatchResult {
		Self::ensure_owner(&coldkey, &hotkey)?;
		ensure!(
			!Pools::<T>::contains_key(&hotkey) && !UnbondingPools::<T>::contains_key(&hotkey),
			Error::<T>::HotkeyHasStake
		);
		ensure!(!T::HotkeyInUse::in_use(&hotkey), Error::<T>::HotkeyInUse);
		ensure!(!T::PendingSlash::is_pending(&hotkey), Error::<T>::SlashPending);
		OwnedHotkeys::<T>::mutate_exists(&coldkey, |owned| {
			if let Some(list) = owned {
				list.retain(|h| *h != hotkey);
				if list.is_empty() {
					*owned = None;
				}
			}
		});
		Owner::<T>::remove(&hotkey);
		Take::<T>::remove(&hotkey);
		LastTakeIncrease::<T>::remove(&hotkey);
		let deposit = HotkeyDeposits::<T>::take(&hotkey).unwrap_or_default();
		if !deposit.is_zero() {
			T::Currency::release(&HoldReason::HotkeyClaim.into(), &coldkey, deposit, Precision::BestEffort)?;
		}
		Self::deposit_event(Event::HotkeyForgotten { coldkey, hotkey, deposit });
		Ok(())
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

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// Benchmarks only (never in a chain's runtime): claims `hotkey` for `coldkey`
	/// without a proof, for the benchmarks of other pallets, whose hotkeys have no keys.
	pub fn benchmark_claim(coldkey: &T::AccountId, hotkey: &T::AccountId) -> DispatchResult {
		if Owner::<T>::contains_key(hotkey) {
			return Ok(());
		}
		Self::do_register(coldkey, hotkey)
	}
}
