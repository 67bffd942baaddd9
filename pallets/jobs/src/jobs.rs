//! On-chain jobs: posting, assignment, results, and the queued steps (expiry,
//! payment, pruning).

use crate::weights::WeightInfo;
use crate::{pallet::*, types::*};
use codec::Encode;
use frame_support::{ensure, pallet_prelude::*, traits::Get, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;
use hearth_primitives::{receipt::job_key, LeaseDisputes, ModelId, NetUid, SubnetMiners, Trace};
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_post_job(
		tenant: T::AccountId,
		netuid: NetUid,
		model: ModelId,
		input: JobInput,
		fee: u128,
		deadline: BlockNumberFor<T>,
		lease: Option<u64>,
	) -> DispatchResult {
		let mut info = Models::<T>::get(netuid, model).ok_or(Error::<T>::UnknownModel)?;
		ensure!(info.retired_at.is_none(), Error::<T>::ModelRetired);
		Self::check_input(&info, &input)?;
		ensure!(fee >= T::MinJobFee::get(), Error::<T>::FeeTooLow);
		ensure!(!deadline.is_zero() && deadline <= T::MaxJobDeadline::get(), Error::<T>::InvalidDeadline);
		let miner = match lease {
			Some(l) => {
				let parties = T::Leases::parties(l).ok_or(Error::<T>::NotLeaseTenant)?;
				ensure!(parties.tenant == tenant && parties.netuid == netuid, Error::<T>::NotLeaseTenant);
				Some(parties.provider)
			},
			None => None,
		};
		let id = NextJobId::<T>::get();
		if miner.is_none() {
			Unassigned::<T>::try_mutate(|list| list.try_push(id)).map_err(|_| Error::<T>::TooManyJobs)?;
		}
		let now = frame_system::Pallet::<T>::block_number();
		let deadline = now.saturating_add(deadline);
		let due_at = Self::schedule(deadline.saturating_add(1u32.into()), Due::Job(id))?;
		Self::take_in(&tenant, fee)?;
		NextJobId::<T>::put(id.saturating_add(1));
		info.open_jobs = info.open_jobs.saturating_add(1);
		Models::<T>::insert(netuid, model, info);
		let state = if miner.is_some() { JobState::Assigned } else { JobState::Unassigned };
		JobInfos::<T>::insert(
			id,
			Job {
				netuid,
				model,
				tenant: tenant.clone(),
				miner: miner.clone(),
				lease,
				input,
				fee,
				posted_at: now,
				deadline,
				state,
				due_at,
			},
		);
		Self::deposit_event(Event::JobPosted { id, netuid, model, tenant, fee, deadline });
		if let Some(miner) = miner {
			Self::deposit_event(Event::JobAssigned { id, miner });
		}
		Ok(())
	}

	/// Assigns the open jobs posted in the previous block. The draw is
	/// `blake2_256(parent_hash ‖ job id: u64 LE) mod uids`, then the first of
	/// `AssignmentTries` uids from there that serves an endpoint and is not the tenant.
	/// A job that finds none is refunded.
	pub(crate) fn assign_posted(meter: &mut WeightMeter) {
		let posted = Unassigned::<T>::take();
		// The benchmark's draw finds a serving miner at once; each job may try up to
		// `AssignmentTries` uids, one endpoint read each.
		let n = posted.len() as u64;
		meter.consume(
			T::WeightInfo::assign(posted.len() as u32)
				.saturating_add(T::DbWeight::get().reads(n.saturating_mul(u64::from(T::AssignmentTries::get())))),
		);
		if posted.is_empty() {
			return;
		}
		let seed = frame_system::Pallet::<T>::parent_hash();
		for id in posted {
			let Some(mut job) = JobInfos::<T>::get(id) else { continue };
			if job.state != JobState::Unassigned {
				continue;
			}
			match Self::draw_miner(seed.as_ref(), id, &job) {
				Some(miner) => {
					job.miner = Some(miner.clone());
					job.state = JobState::Assigned;
					JobInfos::<T>::insert(id, job);
					Self::deposit_event(Event::JobAssigned { id, miner });
				},
				None => Self::refund(id, job, false),
			}
		}
	}

	/// The miner drawn for job `id` (see [`Self::assign_posted`]).
	fn draw_miner(seed: &[u8], id: JobId, job: &JobOf<T>) -> Option<T::AccountId> {
		let uids = T::Subnets::neuron_count(job.netuid);
		if uids == 0 {
			return None;
		}
		let draw = sp_crypto_hashing::blake2_256(&(seed, id).encode());
		let start = u32::from_le_bytes([draw[0], draw[1], draw[2], draw[3]]) % uids;
		(0..T::AssignmentTries::get().min(uids))
			.filter_map(|k| T::Subnets::serving_miner(job.netuid, (start + k) % uids))
			.find(|miner| *miner != job.tenant)
	}

	pub(crate) fn do_submit_result(
		miner: T::AccountId,
		id: JobId,
		output: BoundedVec<i32, ConstU32<MAX_OUTPUT_LEN>>,
		trace: Trace,
	) -> DispatchResult {
		let mut job = JobInfos::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
		ensure!(job.miner.as_ref() == Some(&miner), Error::<T>::NotAssignedMiner);
		ensure!(job.state == JobState::Assigned, Error::<T>::NotAwaitingResult);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= job.deadline, Error::<T>::DeadlinePassed);
		let info = Models::<T>::get(job.netuid, job.model).ok_or(Error::<T>::UnknownModel)?;
		ensure!(trace.len() == info.chunk_hashes.len(), Error::<T>::WrongTraceLength);
		let out = hearth_engine::Output {
			shape: alloc::vec![output.len() as u32],
			frac_bits: hearth_engine::fixed::ACT_FRAC as u8,
			values: output.to_vec(),
			trace: trace.to_vec(),
		};
		ensure!(out.values_match_trace(), Error::<T>::OutputDoesNotMatchTrace);
		let output_hash = out.hash(&job_key(id), &job.model, hearth_engine::PROFILE_DET_INT8);
		let release =
			Self::schedule(now.saturating_add(T::ChallengeWindow::get()).saturating_add(1u32.into()), Due::Job(id))?;
		Self::unschedule(job.due_at, Due::Job(id));
		job.due_at = release;
		job.state = JobState::Answered { at: now };
		JobInfos::<T>::insert(id, job);
		Results::<T>::insert(id, JobResult { output, trace, output_hash, at: now });
		Self::deposit_event(Event::ResultPosted { id, miner, output_hash });
		Ok(())
	}

	/// Runs what is due at `now`: each job's expiry, payment or pruning, and the
	/// forgetting of rulings. The weight is measured for the worst kind of entry.
	pub(crate) fn run_due(now: BlockNumberFor<T>, meter: &mut WeightMeter) {
		let due = Self::take_due(now);
		meter.consume(T::WeightInfo::run_due(due.len() as u32));
		for entry in due {
			match entry {
				Due::Forget(subject) => Rulings::<T>::remove(subject),
				Due::Job(id) => Self::job_due(id, now),
			}
		}
	}

	/// One job's queued step.
	fn job_due(id: JobId, now: BlockNumberFor<T>) {
		let Some(job) = JobInfos::<T>::get(id) else { return };
		match job.state {
			JobState::Unassigned | JobState::Assigned if now > job.deadline => Self::refund(id, job, true),
			JobState::Answered { at } if now > at.saturating_add(T::ChallengeWindow::get()) => Self::pay(id, job),
			JobState::Paid | JobState::Refunded | JobState::ProvenWrong => {
				JobInfos::<T>::remove(id);
				Results::<T>::remove(id);
				Self::deposit_event(Event::JobPruned { id });
			},
			// Queued early (never expected): try again when it is due.
			_ => {
				let at = match job.state {
					JobState::Answered { at } => at.saturating_add(T::ChallengeWindow::get()),
					_ => job.deadline,
				};
				Self::requeue(id, job, at.saturating_add(1u32.into()));
			},
		}
	}

	/// Queues job `id`'s next step at `at` (or as soon after as there is room).
	fn requeue(id: JobId, mut job: JobOf<T>, at: BlockNumberFor<T>) {
		match Self::schedule(at, Due::Job(id)) {
			Ok(block) => {
				job.due_at = block;
				JobInfos::<T>::insert(id, job);
			},
			Err(_) => Self::deposit_event(Event::NotScheduled { id }),
		}
	}

	/// The job's fee is settled: one fewer open job on its model, and its pruning is
	/// queued after the retention.
	pub(crate) fn settled(id: JobId, mut job: JobOf<T>, state: JobState<BlockNumberFor<T>>) {
		Models::<T>::mutate(job.netuid, job.model, |m| {
			if let Some(m) = m {
				m.open_jobs = m.open_jobs.saturating_sub(1);
			}
		});
		job.state = state;
		let now = frame_system::Pallet::<T>::block_number();
		Self::requeue(id, job, now.saturating_add(T::Retention::get()));
	}

	/// Refunds the tenant: no result by the deadline (`missed`: the assigned miner's
	/// miss is counted) or no miner to assign.
	fn refund(id: JobId, job: JobOf<T>, missed: bool) {
		if let Err(error) = Self::pay_out(&job.tenant, job.fee) {
			return Self::due_failed(id, job, error);
		}
		if missed {
			if let Some(miner) = &job.miner {
				let now = frame_system::Pallet::<T>::block_number();
				Misses::<T>::mutate(job.netuid, miner, |(n, last)| {
					*n = n.saturating_add(1);
					*last = now;
				});
			}
		}
		Self::deposit_event(Event::JobRefunded { id, miner: job.miner.clone(), refunded: job.fee });
		Self::unschedule(job.due_at, Due::Job(id));
		Self::settled(id, job, JobState::Refunded);
	}

	/// Pays the miner its fee, less the take (burned).
	fn pay(id: JobId, job: JobOf<T>) {
		let Some(miner) = job.miner.clone() else { return };
		let burned = T::TakeRate::get().mul_floor(job.fee);
		let paid = job.fee.saturating_sub(burned);
		let result = frame_support::storage::with_storage_layer(|| {
			hearth_primitives::escrow::burn::<_, T::Currency, T::Burn>(&Self::account_id(), burned)?;
			Self::pay_out(&miner, paid)
		});
		if let Err(error) = result {
			return Self::due_failed(id, job, error);
		}
		Rulings::<T>::remove(job_key(id));
		Self::deposit_event(Event::FeePaid { id, miner, paid, burned });
		Self::settled(id, job, JobState::Paid);
	}

	/// A queued step failed: nothing changed; it is retried in the next block.
	fn due_failed(id: JobId, job: JobOf<T>, error: DispatchError) {
		let now = frame_system::Pallet::<T>::block_number();
		let retry = Self::schedule(now.saturating_add(1u32.into()), Due::Job(id)).ok();
		if let Some(block) = retry {
			let mut job = job;
			job.due_at = block;
			JobInfos::<T>::insert(id, job);
		}
		Self::deposit_event(Event::DueFailed { id, error, retry_at: retry });
	}
}
