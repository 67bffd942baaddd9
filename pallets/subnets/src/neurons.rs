//! Neurons: the registration price, registration and replacement.

use crate::{pallet::*, types::*};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::Balanced,
		tokens::{Fortitude, Precision, Preservation},
		OnUnbalanced,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use hearth_primitives::StakeInspect;
use sp_runtime::{traits::Saturating, PerThing, SaturatedConversion};

impl<T: Config> Pallet<T> {
	/// The registration price of a subnet at `now`: the stored price less `BurnDecay`
	/// for each block since it was set (compounded), within `[MinBurn, MaxBurn]`.
	pub fn registration_price(info: &SubnetOf<T>, now: BlockNumberFor<T>) -> BalanceOf<T> {
		let elapsed: usize = now.saturating_sub(info.burn_updated_at).saturated_into();
		let kept = T::BurnDecay::get().left_from_one().saturating_pow(elapsed);
		kept.mul_floor(info.burn).clamp(T::MinBurn::get(), T::MaxBurn::get())
	}

	/// The non-immune uid with the lowest emission (ties: oldest, then lowest uid).
	pub(crate) fn replacement_candidate(netuid: NetUid, immunity: u32, now: BlockNumberFor<T>) -> Option<Uid> {
		let registered = RegisteredAt::<T>::get(netuid);
		let stats = Metagraph::<T>::get(netuid);
		registered
			.iter()
			.zip(stats.iter())
			.enumerate()
			.filter(|(_, (at, _))| now.saturating_sub(**at) >= immunity.into())
			.min_by_key(|(uid, (at, s))| (s.emission, **at, *uid))
			.map(|(uid, _)| uid as Uid)
	}

	/// Appends a neuron (the caller checked `n < max_uids <= MAX_UIDS`).
	fn push_neuron(netuid: NetUid, hotkey: T::AccountId, now: BlockNumberFor<T>) -> DispatchResult {
		Keys::<T>::try_mutate(netuid, |v| v.try_push(hotkey)).map_err(|_| Error::<T>::SubnetFull)?;
		RegisteredAt::<T>::try_mutate(netuid, |v| v.try_push(now)).map_err(|_| Error::<T>::SubnetFull)?;
		LastUpdate::<T>::try_mutate(netuid, |v| v.try_push(now)).map_err(|_| Error::<T>::SubnetFull)?;
		Metagraph::<T>::try_mutate(netuid, |v| v.try_push(NeuronStats::default()))
			.map_err(|_| Error::<T>::SubnetFull)?;
		Ok(())
	}

	/// Gives `uid` to `hotkey`, clearing what belonged to its previous occupant, whom
	/// it returns.
	fn replace_neuron(
		netuid: NetUid,
		uid: Uid,
		hotkey: T::AccountId,
		now: BlockNumberFor<T>,
	) -> Result<T::AccountId, DispatchError> {
		let i = uid as usize;
		let old = Keys::<T>::try_mutate(netuid, |keys| {
			keys.get_mut(i).map(|slot| core::mem::replace(slot, hotkey)).ok_or(Error::<T>::NotRegistered)
		})?;
		let reset = |at: &mut BlockNumberFor<T>| *at = now;
		RegisteredAt::<T>::mutate(netuid, |v| v.get_mut(i).map(reset));
		LastUpdate::<T>::mutate(netuid, |v| v.get_mut(i).map(reset));
		Metagraph::<T>::mutate(netuid, |v| v.get_mut(i).map(|s| *s = NeuronStats::default()));
		Uids::<T>::remove(netuid, &old);
		Self::remove_registration(&old, netuid);
		WeightCommits::<T>::remove(netuid, &old);
		Weights::<T>::remove(netuid, uid);
		Bonds::<T>::remove(netuid, uid);
		Endpoints::<T>::remove(netuid, uid);
		Gpus::<T>::remove(netuid, uid);
		Ok(old)
	}

	pub(crate) fn do_register(
		payer: T::AccountId,
		netuid: NetUid,
		hotkey: T::AccountId,
		max_burn: BalanceOf<T>,
	) -> DispatchResult {
		let mut info = SubnetInfos::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		// The hotkey's owner, or the hotkey itself once an owner has claimed it (a
		// miner's box holds only the hotkey). Either way the signer pays the burn.
		let owner = T::Staking::owner_of(&hotkey);
		ensure!(owner.is_some() && (owner.as_ref() == Some(&payer) || payer == hotkey), Error::<T>::NotHotkeyOwner);
		ensure!(!Uids::<T>::contains_key(netuid, &hotkey), Error::<T>::AlreadyRegistered);
		let now = frame_system::Pallet::<T>::block_number();
		let price = Self::registration_price(&info, now);
		ensure!(price <= max_burn, Error::<T>::BurnAboveLimit);
		let n = Keys::<T>::decode_len(netuid).unwrap_or(0);
		let replaced = if n < info.params.max_uids as usize {
			None
		} else {
			Some(
				Self::replacement_candidate(netuid, info.params.immunity_period, now)
					.ok_or(Error::<T>::AllNeuronsImmune)?,
			)
		};
		let burned = T::Currency::withdraw(&payer, price, Precision::Exact, Preservation::Preserve, Fortitude::Polite)?;
		T::Burn::on_unbalanced(burned);

		let uid = match replaced {
			None => {
				Self::push_neuron(netuid, hotkey.clone(), now)?;
				n as Uid
			},
			Some(uid) => {
				let old = Self::replace_neuron(netuid, uid, hotkey.clone(), now)?;
				Self::deposit_event(Event::NeuronReplaced { netuid, uid, old });
				uid
			},
		};
		Self::add_registration(&hotkey, netuid)?;
		Uids::<T>::insert(netuid, &hotkey, uid);
		info.burn = price.saturating_add(T::BurnIncrease::get().mul_floor(price)).min(T::MaxBurn::get());
		info.burn_updated_at = now;
		SubnetInfos::<T>::insert(netuid, info);
		Self::deposit_event(Event::NeuronRegistered { netuid, uid, hotkey, burned: price });
		Ok(())
	}

	/// Publishes where the calling hotkey's neuron serves.
	pub(crate) fn do_serve(hotkey: T::AccountId, netuid: NetUid, endpoint: Endpoint) -> DispatchResult {
		let uid = Self::uid_of(netuid, &hotkey)?;
		ensure!(endpoint.is_valid(), Error::<T>::InvalidEndpoint);
		Endpoints::<T>::insert(netuid, uid, endpoint);
		Self::deposit_event(Event::EndpointSet { netuid, uid, endpoint });
		Ok(())
	}

	/// Publishes the calling miner's GPUs (replacing what it published before).
	pub(crate) fn do_set_gpus(
		hotkey: T::AccountId,
		netuid: NetUid,
		gpus: BoundedVec<GpuSpec, T::MaxGpuKinds>,
	) -> DispatchResult {
		let uid = Self::uid_of(netuid, &hotkey)?;
		ensure!(gpus.iter().all(GpuSpec::is_valid), Error::<T>::InvalidGpu);
		let kinds = gpus.len() as u32;
		Gpus::<T>::insert(netuid, uid, gpus);
		Self::deposit_event(Event::GpusSet { netuid, uid, kinds });
		Ok(())
	}

	/// The uid of `hotkey` in `netuid`.
	pub(crate) fn uid_of(netuid: NetUid, hotkey: &T::AccountId) -> Result<Uid, DispatchError> {
		ensure!(SubnetInfos::<T>::contains_key(netuid), Error::<T>::SubnetNotFound);
		Uids::<T>::get(netuid, hotkey).ok_or_else(|| Error::<T>::NotRegistered.into())
	}
}
