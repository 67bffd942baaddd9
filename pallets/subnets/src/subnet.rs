//! Subnets: creation against a lock whose cost doubles with demand and decays back,
//! dissolution, and hyperparameters within the bounds root sets.

use crate::{pallet::*, types::*, weights::WeightInfo};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::*;
use hearth_primitives::EmissionPot;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// Creates a subnet owned by the caller, holding the current lock cost (which
	/// must not exceed `max_lock`). The subnet gets the lowest free netuid from 1
	/// and the default hyperparameters.
	pub(crate) fn do_create_subnet(owner: T::AccountId, max_lock: BalanceOf<T>) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let mut list = SubnetEntries::<T>::get();
		ensure!((list.len() as u32) < T::MaxSubnets::get(), Error::<T>::TooManySubnets);
		let lock = Self::lock_cost(now);
		ensure!(lock <= max_lock, Error::<T>::LockAboveLimit);
		let netuid = (1..=T::MaxSubnets::get() as NetUid)
			.find(|n| !SubnetInfos::<T>::contains_key(n))
			.ok_or(Error::<T>::TooManySubnets)?;
		T::Currency::hold(&HoldReason::SubnetLock.into(), &owner, lock)?;
		let params = DefaultParams::<T>::get();
		let at = list.partition_point(|e| e.netuid < netuid);
		list.try_insert(at, SubnetEntry { netuid, tempo: params.tempo, stake: Zero::zero() })
			.map_err(|_| Error::<T>::TooManySubnets)?;
		SubnetEntries::<T>::put(list);
		SubnetInfos::<T>::insert(
			netuid,
			SubnetInfo {
				owner: owner.clone(),
				lock,
				created_at: now,
				bonds_variant: params.variant,
				params,
				params_changed_at: None,
				epochs: 0,
				last_epoch: None,
				burn: T::MinBurn::get(),
				burn_updated_at: now,
			},
		);
		LastLock::<T>::put((lock, now));
		Self::deposit_event(Event::SubnetCreated { netuid, owner, lock });
		Ok(())
	}

	/// Dissolves a subnet: its owner when it has no neurons, or the admin origin at
	/// any time (its neurons are removed). The lock goes back to the owner and the
	/// subnet's pending emission is burned.
	pub(crate) fn do_dissolve_subnet(origin: OriginFor<T>, netuid: NetUid) -> DispatchResultWithPostInfo {
		let caller = Self::owner_or_admin(origin)?;
		let info = SubnetInfos::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		let n = Keys::<T>::decode_len(netuid).unwrap_or(0) as u32;
		if let Some(who) = caller {
			ensure!(who == info.owner, Error::<T>::NotSubnetOwner);
			ensure!(n == 0, Error::<T>::SubnetNotEmpty);
		}
		T::Currency::release(&HoldReason::SubnetLock.into(), &info.owner, info.lock, Precision::BestEffort)?;
		Self::remove_subnet(netuid, n);
		<T::OnDissolve as hearth_primitives::OnSubnetDissolved>::on_dissolved(netuid);
		Self::deposit_event(Event::SubnetDissolved { netuid, owner: info.owner, lock: info.lock });
		Ok(Some(T::WeightInfo::dissolve_subnet(n).saturating_add(T::DbWeight::get().reads_writes(n.into(), n.into())))
			.into())
	}

	/// Changes one hyperparameter of `netuid`, within root's bounds. The owner is
	/// rate-limited; nobody may change parameters in the blocks just before an epoch.
	pub(crate) fn do_set_hyperparameter(
		origin: OriginFor<T>,
		netuid: NetUid,
		change: Hyperparameter,
	) -> DispatchResult {
		let caller = Self::owner_or_admin(origin)?;
		let mut info = SubnetInfos::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(who) = &caller {
			ensure!(*who == info.owner, Error::<T>::NotSubnetOwner);
			if let Some(at) = info.params_changed_at {
				ensure!(now.saturating_sub(at) >= T::ParamsRateLimit::get(), Error::<T>::HyperparameterRateLimited);
			}
		}
		ensure!(!Self::in_epoch_freeze(netuid, &info.params, now), Error::<T>::TooCloseToEpoch);
		let neurons = Keys::<T>::decode_len(netuid).unwrap_or(0) as u16;
		let params = Bounds::<T>::get().apply(&info.params, &change, neurons).map_err(|e| match e {
			ParamError::OutOfBounds => Error::<T>::HyperparameterOutOfBounds,
			ParamError::Inconsistent => Error::<T>::HyperparameterInconsistent,
		})?;
		// The new tempo moves the next epoch: it must not land inside the freeze window
		// either (or a tempo change could bring an epoch on at once).
		ensure!(!Self::in_epoch_freeze(netuid, &params, now), Error::<T>::TooCloseToEpoch);
		if params.tempo != info.params.tempo {
			SubnetEntries::<T>::mutate(|list| {
				if let Some(e) = list.iter_mut().find(|e| e.netuid == netuid) {
					e.tempo = params.tempo;
				}
			});
		}
		info.params = params;
		if caller.is_some() {
			info.params_changed_at = Some(now);
		}
		SubnetInfos::<T>::insert(netuid, info);
		Self::deposit_event(Event::HyperparameterSet { netuid, change });
		Ok(())
	}

	/// Sets the ranges owners may choose hyperparameters in (admin origin). The
	/// bounds must be non-empty and admit the default parameters; subnets already
	/// outside keep their values until they next change them.
	pub(crate) fn do_set_bounds(bounds: ParamBounds) -> DispatchResult {
		ensure!(bounds.is_valid() && bounds.admits(&DefaultParams::<T>::get()), Error::<T>::InvalidBounds);
		Bounds::<T>::put(bounds.clone());
		Self::deposit_event(Event::BoundsSet { bounds });
		Ok(())
	}

	/// `None` for the admin origin, else the signer.
	pub(crate) fn owner_or_admin(origin: OriginFor<T>) -> Result<Option<T::AccountId>, DispatchError> {
		match T::AdminOrigin::try_origin(origin) {
			Ok(_) => Ok(None),
			Err(origin) => Ok(Some(ensure_signed(origin)?)),
		}
	}

	/// The lock to create a subnet now: twice the last lock, less the last lock
	/// for every `LockDecayBlocks` since (pro rata), never below `MinLock`.
	pub fn lock_cost(now: BlockNumberFor<T>) -> BalanceOf<T> {
		let Some((last, at)) = LastLock::<T>::get() else { return T::MinLock::get() };
		let elapsed: u128 = sp_runtime::SaturatedConversion::saturated_into(now.saturating_sub(at));
		let interval: u128 = sp_runtime::SaturatedConversion::saturated_into(T::LockDecayBlocks::get());
		let decay = if interval == 0 {
			last.saturating_mul(2)
		} else {
			sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
				last,
				elapsed,
				interval,
				sp_runtime::Rounding::Down,
			)
			.unwrap_or(u128::MAX)
		};
		last.saturating_mul(2).saturating_sub(decay).max(T::MinLock::get())
	}

	/// Whether the subnet's epoch is queued or due within `EpochFreezeBlocks`.
	pub(crate) fn in_epoch_freeze(netuid: NetUid, params: &SubnetParams, now: BlockNumberFor<T>) -> bool {
		PendingEpochs::<T>::get().contains(&netuid)
			|| Self::next_epoch_at(netuid, params.tempo, now).saturating_sub(now) <= T::EpochFreezeBlocks::get()
	}

	/// Removes every trace of a subnet with `n` neurons.
	pub(crate) fn remove_subnet(netuid: NetUid, n: u32) {
		let limit = n.max(1);
		SubnetInfos::<T>::remove(netuid);
		SubnetEntries::<T>::mutate(|list| list.retain(|e| e.netuid != netuid));
		PendingEpochs::<T>::mutate(|q| q.retain(|x| *x != netuid));
		for hotkey in Keys::<T>::take(netuid) {
			Self::remove_registration(&hotkey, netuid);
		}
		RegisteredAt::<T>::remove(netuid);
		LastUpdate::<T>::remove(netuid);
		Metagraph::<T>::remove(netuid);
		EpochAccounts::<T>::remove(netuid);
		let _ = Uids::<T>::clear_prefix(netuid, limit, None);
		let _ = Weights::<T>::clear_prefix(netuid, limit, None);
		let _ = Bonds::<T>::clear_prefix(netuid, limit, None);
		let _ = WeightCommits::<T>::clear_prefix(netuid, limit, None);
		let _ = Endpoints::<T>::clear_prefix(netuid, limit, None);
		let _ = Gpus::<T>::clear_prefix(netuid, limit, None);
		T::Emission::burn_pending(netuid);
	}
}
