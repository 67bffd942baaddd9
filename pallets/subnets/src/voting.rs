//! Weights: validation, storage, commit and reveal.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// The hash a validator commits to (the preimage is documented in the crate docs).
	pub fn commit_hash(
		hotkey: &T::AccountId,
		netuid: NetUid,
		uids: &[Uid],
		values: &[u16],
		salt: &[u16],
		version_key: u64,
	) -> [u8; 32] {
		sp_io::hashing::blake2_256(&(hotkey, netuid, uids, values, salt, version_key).encode())
	}

	/// Refuses a submission sooner than `weights_rate_limit` after the last update.
	pub(crate) fn ensure_weights_rate(netuid: NetUid, uid: Uid, params: &SubnetParams) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let last = LastUpdate::<T>::get(netuid).get(uid as usize).copied().unwrap_or_default();
		// A validator that has never set weights (last update = registration) may.
		let registered = RegisteredAt::<T>::get(netuid).get(uid as usize).copied().unwrap_or_default();
		ensure!(
			last == registered || now.saturating_sub(last) >= params.weights_rate_limit.into(),
			Error::<T>::WeightsRateLimited
		);
		Ok(())
	}

	/// Checks a weights vector and returns it as a stored row: sorted by uid,
	/// max-upscaled, zeros dropped.
	pub(crate) fn validated_row(
		netuid: NetUid,
		uid: Uid,
		params: &SubnetParams,
		uids: &[Uid],
		values: &[u16],
		version_key: u64,
	) -> Result<Row, DispatchError> {
		let stats = Metagraph::<T>::get(netuid);
		let n = stats.len();
		ensure!(stats.get(uid as usize).is_some_and(|s| s.validator_permit), Error::<T>::NoValidatorPermit);
		ensure!(version_key >= params.weights_version, Error::<T>::OutdatedVersionKey);
		ensure!(uids.len() == values.len(), Error::<T>::WeightsLengthMismatch);
		ensure!(uids.iter().all(|u| (*u as usize) < n), Error::<T>::UidOutOfRange);
		let mut pairs: Vec<(Uid, u16)> = uids.iter().copied().zip(values.iter().copied()).collect();
		pairs.sort_unstable_by_key(|(u, _)| *u);
		ensure!(pairs.windows(2).all(|w| w[0].0 != w[1].0), Error::<T>::DuplicateUid);
		ensure!(pairs.len() >= (params.min_weights as usize).min(n), Error::<T>::TooFewWeights);
		ensure!(pairs.iter().any(|(_, v)| *v > 0), Error::<T>::AllWeightsZero);
		let raw: Vec<u16> = pairs.iter().map(|(_, v)| *v).collect();
		let scaled = hearth_yuma::max_upscale_u16(&raw);
		let row: Vec<(Uid, u16)> =
			pairs.iter().zip(scaled).filter(|(_, v)| *v > 0).map(|((u, _), v)| (*u, v)).collect();
		// At most one entry per uid of the subnet, which is at most MAX_UIDS.
		Row::try_from(row).map_err(|_| Error::<T>::UidOutOfRange.into())
	}

	/// Stores a validated row and records the update.
	pub(crate) fn store_weights(netuid: NetUid, uid: Uid, row: Row) {
		let now = frame_system::Pallet::<T>::block_number();
		Weights::<T>::insert(netuid, uid, row);
		LastUpdate::<T>::mutate(netuid, |v| {
			if let Some(at) = v.get_mut(uid as usize) {
				*at = now;
			}
		});
	}

	/// Drops a validator's commits whose reveal epoch has passed; returns what is left.
	fn live_commits(
		netuid: NetUid,
		uid: Uid,
		hotkey: &T::AccountId,
		info: &SubnetOf<T>,
	) -> BoundedVec<WeightCommit<BlockNumberFor<T>>, T::MaxCommits> {
		let mut commits = WeightCommits::<T>::get(netuid, hotkey);
		let before = commits.len();
		commits.retain(|c| c.is_live(info.params.reveal_period, info.epochs));
		let expired = (before - commits.len()) as u32;
		if expired > 0 {
			Self::deposit_event(Event::CommitsExpired { netuid, uid, count: expired });
		}
		commits
	}

	pub(crate) fn do_commit(netuid: NetUid, hotkey: T::AccountId, hash: [u8; 32]) -> DispatchResult {
		let info = SubnetInfos::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(info.params.commit_reveal, Error::<T>::CommitRevealDisabled);
		let uid = Self::uid_of(netuid, &hotkey)?;
		let permitted = Metagraph::<T>::get(netuid).get(uid as usize).is_some_and(|s| s.validator_permit);
		ensure!(permitted, Error::<T>::NoValidatorPermit);
		let now = frame_system::Pallet::<T>::block_number();
		let mut commits = Self::live_commits(netuid, uid, &hotkey, &info);
		if let Some(last) = commits.last() {
			ensure!(
				now.saturating_sub(last.block) >= info.params.weights_rate_limit.into(),
				Error::<T>::WeightsRateLimited
			);
		}
		commits
			.try_push(WeightCommit { hash, block: now, epoch: info.epochs })
			.map_err(|_| Error::<T>::TooManyCommits)?;
		WeightCommits::<T>::insert(netuid, &hotkey, commits);
		Self::deposit_event(Event::WeightsCommitted { netuid, uid, hash });
		Ok(())
	}

	pub(crate) fn do_reveal(
		netuid: NetUid,
		hotkey: T::AccountId,
		uids: UidVec<Uid>,
		values: UidVec<u16>,
		salt: Salt,
		version_key: u64,
	) -> DispatchResult {
		let info = SubnetInfos::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(info.params.commit_reveal, Error::<T>::CommitRevealDisabled);
		let uid = Self::uid_of(netuid, &hotkey)?;
		let hash = Self::commit_hash(&hotkey, netuid, &uids, &values, &salt, version_key);
		let mut commits = WeightCommits::<T>::get(netuid, &hotkey);
		let at = commits.iter().position(|c| c.hash == hash).ok_or(Error::<T>::NoMatchingCommit)?;
		let due = commits[at].reveal_epoch(info.params.reveal_period);
		ensure!(info.epochs >= due, Error::<T>::RevealTooEarly);
		ensure!(info.epochs == due, Error::<T>::RevealTooLate);
		let row = Self::validated_row(netuid, uid, &info.params, &uids, &values, version_key)?;
		commits.remove(at);
		if commits.is_empty() {
			WeightCommits::<T>::remove(netuid, &hotkey);
		} else {
			WeightCommits::<T>::insert(netuid, &hotkey, commits);
		}
		Self::store_weights(netuid, uid, row);
		Self::deposit_event(Event::WeightsRevealed { netuid, uid, hash });
		Ok(())
	}

	/// Sets the calling validator's weights over `uids` (stored max-upscaled).
	/// Needs a validator permit; rate-limited; refused when the subnet requires
	/// commit-reveal.
	pub(crate) fn do_set_weights(
		hotkey: T::AccountId,
		netuid: NetUid,
		uids: UidVec<Uid>,
		values: UidVec<u16>,
		version_key: u64,
	) -> DispatchResult {
		let info = SubnetInfos::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		ensure!(!info.params.commit_reveal, Error::<T>::CommitRevealRequired);
		let uid = Self::uid_of(netuid, &hotkey)?;
		Self::ensure_weights_rate(netuid, uid, &info.params)?;
		let row = Self::validated_row(netuid, uid, &info.params, &uids, &values, version_key)?;
		Self::store_weights(netuid, uid, row);
		Self::deposit_event(Event::WeightsSet { netuid, uid });
		Ok(())
	}
}
