//! The pallet's account and the funds in it, and what the runtime API reads.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::Get};
use hearth_primitives::{ModelId, NetUid};
use sp_runtime::traits::AccountIdConversion;

impl<T: Config> Pallet<T> {
	/// The account holding fees and deposits.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Moves `amount` from `who` into the pallet's account.
	pub(crate) fn take_in(who: &T::AccountId, amount: u128) -> DispatchResult {
		hearth_primitives::escrow::take_in::<_, T::Currency>(who, &Self::account_id(), amount)
	}

	/// Pays `amount` out of the pallet's account; dust owed to an account that does not
	/// exist is burned, with an event.
	pub(crate) fn pay_out(who: &T::AccountId, amount: u128) -> DispatchResult {
		if hearth_primitives::escrow::pay_out::<_, T::Currency, T::Burn>(&Self::account_id(), who, amount)? {
			Self::deposit_event(Event::DustBurned { who: who.clone(), amount });
		}
		Ok(())
	}

	/// The chain's genesis hash, as receipts name it.
	pub fn genesis_hash() -> [u8; 32] {
		let genesis: frame_system::pallet_prelude::BlockNumberFor<T> = sp_runtime::traits::Zero::zero();
		let hash = frame_system::Pallet::<T>::block_hash(genesis);
		let mut out = [0u8; 32];
		let bytes = hash.as_ref();
		let n = bytes.len().min(32);
		out[..n].copy_from_slice(&bytes[..n]);
		out
	}

	/// The models of a subnet, in registration order.
	pub fn models_of(netuid: NetUid) -> Vec<(ModelId, ModelOf<T>)> {
		SubnetModels::<T>::get(netuid)
			.into_iter()
			.filter_map(|id| Models::<T>::get(netuid, id).map(|m| (id, m)))
			.collect()
	}

	/// A job and its result.
	pub fn job(id: JobId) -> Option<(JobOf<T>, Option<JobResult<frame_system::pallet_prelude::BlockNumberFor<T>>>)> {
		JobInfos::<T>::get(id).map(|job| (job, Results::<T>::get(id)))
	}
}

impl<T: Config> Pallet<T> {
	/// A miner's jobs not yet pruned, newest first, at most `limit` (a scan of the jobs
	/// kept: off-chain callers only).
	pub fn miner_jobs(miner: &T::AccountId, limit: u32) -> Vec<JobId> {
		let mut ids: Vec<JobId> =
			JobInfos::<T>::iter().filter(|(_, j)| j.miner.as_ref() == Some(miner)).map(|(id, _)| id).collect();
		ids.sort_unstable_by(|a, b| b.cmp(a));
		ids.truncate(limit as usize);
		ids
	}

	/// What challenges established about a subject (the runtime API's answer).
	pub fn ruling(subject: hearth_primitives::receipt::Hash32) -> Option<Ruling> {
		Rulings::<T>::get(subject)
	}
}
