//! The jobs pallet's invariants, checked by `try_state` after every test and by
//! try-runtime:
//!
//! 1. The pallet account holds exactly its existential deposit plus every model's
//!    deposit plus every open job's fee.
//! 2. Every job's next step is queued in the block its `due_at` names, after the
//!    current block (nothing waits in a block whose hook already ran).
//! 3. Each model's `open_jobs` counts the open jobs on it; `SubnetModels` lists exactly
//!    the registered models.
//! 4. A job has a result exactly when it was answered (and not yet pruned): answered,
//!    paid, or proven wrong.
//! 5. Jobs waiting for assignment are in `Unassigned`, and nothing else is.

use crate::{pallet::*, types::*};
use alloc::collections::BTreeMap;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// The invariants of the module docs.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::Inspect;
		let now = frame_system::Pallet::<T>::block_number();
		let mut held = T::Currency::minimum_balance();
		let mut open: BTreeMap<(hearth_primitives::NetUid, hearth_primitives::ModelId), u32> = BTreeMap::new();
		let unassigned = Unassigned::<T>::get();
		for (id, job) in JobInfos::<T>::iter() {
			if job.state.is_open() {
				held = held.saturating_add(job.fee);
				*open.entry((job.netuid, job.model)).or_default() += 1;
			}
			ensure!(
				DueQueue::<T>::get(job.due_at).contains(&Due::Job(id)),
				"a job's next step must be queued at due_at"
			);
			ensure!(job.due_at > now, "a job's next step must be after the current block");
			let answered = matches!(job.state, JobState::Answered { .. } | JobState::Paid | JobState::ProvenWrong);
			ensure!(!answered || Results::<T>::contains_key(id), "an answered job must have its result");
			ensure!(
				(job.state == JobState::Unassigned) == unassigned.contains(&id),
				"exactly the unassigned jobs wait for assignment"
			);
		}
		ensure!(Results::<T>::iter_keys().all(JobInfos::<T>::contains_key), "a result must belong to a job");
		for (netuid, model, info) in Models::<T>::iter() {
			held = held.saturating_add(info.deposit);
			ensure!(
				open.remove(&(netuid, model)).unwrap_or(0) == info.open_jobs,
				"a model's open_jobs must count them"
			);
			ensure!(SubnetModels::<T>::get(netuid).contains(&model), "a model must be listed on its subnet");
		}
		ensure!(open.is_empty(), "an open job's model must be registered");
		for (netuid, list) in SubnetModels::<T>::iter() {
			ensure!(list.iter().all(|m| Models::<T>::contains_key(netuid, m)), "a listed model must be registered");
		}
		ensure!(T::Currency::balance(&Self::account_id()) == held, "the jobs account must hold exactly what it owes");
		Ok(())
	}
}
