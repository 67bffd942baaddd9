//! Challenges (one step of the engine re-run in the runtime) and equivocation.

use crate::weights::WeightInfo;
use crate::{pallet::*, types::*};
use frame_support::{dispatch::PostDispatchInfo, ensure, pallet_prelude::*, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use hearth_engine::{
	activation::Activation, decode_chunk, format, model::Architecture, proof::EmbeddingsProof, Chunk, CpuGemm,
	InferError,
};
use hearth_primitives::{
	receipt::{job_key, Hash32},
	LeaseDisputes, ModelId, NetUid, OffenceKind, ReportOffence, Served, Trace,
};
use sp_runtime::traits::{Saturating, Verify};

/// What a challenge rules on, whatever its subject.
struct Claim<AccountId> {
	/// The ruling's key: the job's key, or the receipt's hash.
	key: Hash32,
	miner: AccountId,
	netuid: NetUid,
	model: ModelId,
	input_hash: Hash32,
	trace: Trace,
	/// The output hash the miner committed to, and the job id it binds (receipts
	/// only: a job's is computed by the runtime from its trace).
	committed: Option<(Hash32, Hash32)>,
	/// The on-chain job.
	job: Option<JobId>,
	/// The lease it was served under.
	lease: Option<u64>,
	/// Who asked (a lease closes only when its tenant asked).
	requester: AccountId,
}

/// The weights a challenge brings for its step (one per challenge, moved never).
#[allow(clippy::large_enum_variant)]
enum Weights {
	/// A whole chunk.
	Chunk(Chunk),
	/// BERT's embeddings: the input's word rows, proven.
	Proof(EmbeddingsProof),
}

impl<T: Config> Pallet<T> {
	/// Checks a receipt as a challenge would: chain, signature, model, age. `None`
	/// when the chain would rule on it.
	pub fn check_receipt(signed: &SignedReceiptOf<T>) -> Result<(), ReceiptProblem> {
		let r = &signed.receipt;
		if r.genesis != Self::genesis_hash() {
			return Err(ReceiptProblem::ForeignChain);
		}
		if !signed.signature.verify(&r.signing_payload()[..], &r.miner) {
			return Err(ReceiptProblem::BadSignature);
		}
		let info = Models::<T>::get(r.netuid, r.model).ok_or(ReceiptProblem::UnknownModel)?;
		let block: BlockNumberFor<T> = r.block.into();
		if info.retired_at.is_some_and(|at| block > at) {
			return Err(ReceiptProblem::ModelRetired);
		}
		let now = frame_system::Pallet::<T>::block_number();
		if block > now {
			return Err(ReceiptProblem::FromTheFuture);
		}
		if now > block.saturating_add(T::ChallengeWindow::get()) {
			return Err(ReceiptProblem::Expired);
		}
		Ok(())
	}

	fn receipt_error(problem: ReceiptProblem) -> Error<T> {
		match problem {
			ReceiptProblem::ForeignChain => Error::<T>::ForeignChain,
			ReceiptProblem::BadSignature => Error::<T>::BadSignature,
			ReceiptProblem::UnknownModel => Error::<T>::UnknownModel,
			ReceiptProblem::ModelRetired => Error::<T>::ModelRetired,
			ReceiptProblem::FromTheFuture => Error::<T>::ReceiptFromTheFuture,
			ReceiptProblem::Expired => Error::<T>::ChallengeWindowClosed,
		}
	}

	/// The claim a subject makes, checked to be one the chain rules on.
	fn claim(subject: SubjectOf<T>) -> Result<Claim<T::AccountId>, DispatchError> {
		match subject {
			Subject::Result(id) => {
				let job = JobInfos::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
				let JobState::Answered { at } = job.state else { return Err(Error::<T>::NotChallengeable.into()) };
				let now = frame_system::Pallet::<T>::block_number();
				ensure!(now <= at.saturating_add(T::ChallengeWindow::get()), Error::<T>::ChallengeWindowClosed);
				let result = Results::<T>::get(id).ok_or(Error::<T>::NotChallengeable)?;
				let miner = job.miner.ok_or(Error::<T>::NotChallengeable)?;
				Ok(Claim {
					key: job_key(id),
					miner,
					netuid: job.netuid,
					model: job.model,
					input_hash: job.input.hash(),
					trace: result.trace,
					committed: None,
					job: Some(id),
					lease: job.lease,
					requester: job.tenant,
				})
			},
			Subject::Receipt(signed) => {
				Self::check_receipt(&signed).map_err(Self::receipt_error)?;
				let key = signed.receipt.hash();
				let r = signed.receipt;
				let request = r.request_key();
				Ok(Claim {
					key,
					miner: r.miner,
					netuid: r.netuid,
					model: r.model,
					input_hash: r.input_hash,
					trace: r.trace,
					committed: Some((r.output_hash, request)),
					job: None,
					lease: match r.served {
						Served::Lease(l) => Some(l),
						Served::Probe => None,
					},
					requester: r.requester,
				})
			},
		}
	}

	/// A receipt that contradicts its own model is wrong whatever step is named.
	fn malformed(claim: &Claim<T::AccountId>, info: &ModelOf<T>) -> Option<Fault> {
		if claim.trace.len() != info.chunk_hashes.len() {
			return Some(Fault::MalformedTrace);
		}
		let (output_hash, request) = claim.committed?;
		let from_trace = hearth_engine::Output {
			shape: alloc::vec::Vec::new(),
			frac_bits: hearth_engine::fixed::ACT_FRAC as u8,
			values: alloc::vec::Vec::new(),
			trace: claim.trace.to_vec(),
		}
		.hash(&request, &claim.model, hearth_engine::PROFILE_DET_INT8);
		(from_trace != output_hash).then_some(Fault::OutputNotFromTrace)
	}

	/// Runs step `step` on the challenger's evidence. `Ok(None)`: the miner's trace
	/// element is right. `Err`: the evidence is not what the claim commits to (nothing
	/// is ruled).
	fn rule_step(
		claim: &Claim<T::AccountId>,
		info: &ModelOf<T>,
		step: u32,
		input: &StepInput,
		chunk: &[u8],
	) -> Result<Option<Fault>, DispatchError> {
		let i = step as usize;
		let expected = info.chunk_hashes.get(i).ok_or(Error::<T>::InvalidStep)?;
		// BERT's step 0 comes as a proof of the input's word rows, every other step as
		// its chunk; either must hash to the registered chunk.
		let arch = Self::architecture(&info.header)?;
		let weights = if step == 0 && matches!(arch, Architecture::Bert(_)) {
			let proof = EmbeddingsProof::decode(chunk).map_err(|_| Error::<T>::ProofNotCanonical)?;
			ensure!(proof.chunk_hash() == *expected, Error::<T>::ChunkMismatch);
			Weights::Proof(proof)
		} else {
			ensure!(format::chunk_hash(chunk) == *expected, Error::<T>::ChunkMismatch);
			Weights::Chunk(decode_chunk(chunk).map_err(|_| Error::<T>::ChunkUndecodable)?)
		};
		// The evidence must be what the miner committed to before anything runs.
		let previous = match (step, input) {
			(0, StepInput::Input(request)) => {
				ensure!(request.hash() == claim.input_hash, Error::<T>::InputMismatch);
				// A miner must refuse an input the chain cannot rule on.
				if Self::check_input(info, request).is_err() {
					return Ok(Some(Fault::InputNotAccepted));
				}
				match request {
					JobInput::Tokens(_) => None,
					JobInput::Features(f) => {
						Some(Activation::new(1, f.len() as u32, f.to_vec()).map_err(|_| Error::<T>::InvalidInput)?)
					},
				}
			},
			(1.., StepInput::Activation(bytes)) => {
				let x = Activation::decode(bytes).map_err(|_| Error::<T>::ActivationNotCanonical)?;
				let committed = claim.trace.get(i - 1).ok_or(Error::<T>::InvalidStep)?;
				ensure!(x.trace_hash(step - 1) == *committed, Error::<T>::ActivationMismatch);
				Some(x)
			},
			_ => return Err(Error::<T>::WrongStepInput.into()),
		};
		let backend = CpuGemm::default();
		let computed = match (&weights, previous, input) {
			(Weights::Proof(proof), None, StepInput::Input(JobInput::Tokens(t))) => match proof.run(t) {
				Err(InferError::TokenNotProven { .. }) => return Err(Error::<T>::ProofMissingToken.into()),
				other => other,
			},
			(Weights::Chunk(chunk), None, StepInput::Input(JobInput::Tokens(t))) => {
				hearth_engine::step(&chunk.step(), hearth_engine::StepInput::Tokens(t), &backend)
			},
			(Weights::Chunk(chunk), Some(x), _) => {
				hearth_engine::step(&chunk.step(), hearth_engine::StepInput::Activation(&x), &backend)
			},
			// A proof for a step that takes an activation: not the model's step 0.
			_ => return Err(Error::<T>::WrongStepInput.into()),
		};
		// The step refuses the activation the miner's own trace commits to: no honest
		// run produces that trace.
		let Ok(x) = computed else { return Ok(Some(Fault::StepRefused)) };
		let element = claim.trace.get(i).ok_or(Error::<T>::InvalidStep)?;
		Ok((x.trace_hash(step) != *element).then_some(Fault::WrongStep))
	}

	pub(crate) fn do_challenge(
		challenger: T::AccountId,
		subject: SubjectOf<T>,
		step: u32,
		input: StepInput,
		chunk: ChunkBytes,
	) -> DispatchResultWithPostInfo {
		let claim = Self::claim(subject)?;
		let info = Models::<T>::get(claim.netuid, claim.model).ok_or(Error::<T>::UnknownModel)?;
		ensure!((step as usize) < info.chunk_hashes.len(), Error::<T>::InvalidStep);
		let mut ruling = Rulings::<T>::get(claim.key).unwrap_or_default();
		ensure!(!ruling.proven_wrong, Error::<T>::AlreadyProvenWrong);
		ensure!(ruling.upheld & (1u128 << step) == 0, Error::<T>::StepAlreadyUpheld);
		let bond = T::ChallengeBond::get();
		Self::take_in(&challenger, bond)?;
		let fault = match Self::malformed(&claim, &info) {
			Some(fault) => Some(fault),
			None => Self::rule_step(&claim, &info, step, &input, &chunk)?,
		};
		match fault {
			Some(fault) => {
				T::Offences::report(
					OffenceKind::WrongResult,
					claim.miner.clone(),
					claim.key,
					Some(challenger.clone()),
					None,
				)?;
				Self::pay_out(&challenger, bond)?;
				ruling.proven_wrong = true;
				Self::proven_wrong(&claim)?;
				Self::deposit_event(Event::ProvenWrong {
					subject: claim.key,
					miner: claim.miner.clone(),
					challenger,
					step,
					fault,
				});
			},
			None => {
				Self::pay_out(&claim.miner, bond)?;
				ruling.upheld |= 1u128 << step;
				Self::deposit_event(Event::ChallengeFailed {
					subject: claim.key,
					miner: claim.miner.clone(),
					challenger,
					step,
					bond,
				});
			},
		}
		Self::remember(&claim, ruling)?;
		Ok(PostDispatchInfo { actual_weight: Some(Self::step_weight(&info, step)), pays_fee: Pays::Yes })
	}

	/// What a challenge of `step` of the model costs at its longest input: that step's
	/// multiply-adds and what it carries (at most the model's costliest step and largest
	/// payload, which registration checked against the budget).
	pub fn step_weight(info: &ModelOf<T>, step: u32) -> Weight {
		let Ok(arch) = Self::architecture(&info.header) else {
			return Self::challenge_weight(Self::dispute_tokens(info.step_multiply_adds), info.largest_chunk);
		};
		let i = step as usize;
		let macs = arch.step_costs(info.max_input).get(i).map_or(info.step_multiply_adds, |c| c.multiply_adds);
		let bytes = arch.dispute_lens(info.max_input).get(i).map_or(u64::from(info.largest_chunk), |b| *b);
		Self::challenge_weight(Self::dispute_tokens(macs), u32::try_from(bytes).unwrap_or(u32::MAX))
	}

	/// Keeps the ruling while the subject can be challenged: a job's until it is paid
	/// (or pruned), a receipt's until its window passes.
	fn remember(claim: &Claim<T::AccountId>, ruling: Ruling) -> DispatchResult {
		if claim.job.is_none() && !Rulings::<T>::contains_key(claim.key) {
			let now = frame_system::Pallet::<T>::block_number();
			Self::schedule(
				now.saturating_add(T::ChallengeWindow::get()).saturating_add(1u32.into()),
				Due::Forget(claim.key),
			)?;
		}
		Rulings::<T>::insert(claim.key, ruling);
		Ok(())
	}

	/// The consequences of a wrong result beyond the offence: the job's fee goes back
	/// to its tenant; a lease its requester holds with the miner closes, the tenant made
	/// whole.
	fn proven_wrong(claim: &Claim<T::AccountId>) -> DispatchResult {
		if let Some(id) = claim.job {
			let job = JobInfos::<T>::get(id).ok_or(Error::<T>::UnknownJob)?;
			Self::pay_out(&job.tenant, job.fee)?;
			Self::unschedule(job.due_at, Due::Job(id));
			Self::settled(id, job, JobState::ProvenWrong);
		}
		if let Some(lease) = claim.lease {
			let served = T::Leases::parties(lease)
				.is_some_and(|p| p.provider == claim.miner && p.tenant == claim.requester && p.netuid == claim.netuid);
			if served {
				T::Leases::close_proven_wrong(lease)?;
			}
		}
		Ok(())
	}

	/// The tokens `t` of the benchmark's reference layer (all-MiniLM-L6-v2's shape,
	/// [`crate::budget::REFERENCE_LAYER`]) whose cost is at least `multiply_adds`: the
	/// `challenge_layer` component that prices a step of that cost.
	pub fn dispute_tokens(multiply_adds: u64) -> u32 {
		crate::budget::reference_tokens(multiply_adds)
	}

	/// A challenge's weight: the reference layer at `tokens` plus hashing and decoding
	/// a chunk of `chunk_bytes` (each benchmarked; their sum counts the call's fixed
	/// work twice), and a tenth more: the layer's cost has a `t²` term (attention) that
	/// the benchmark's straight-line fit underestimates at the ends of its range by a
	/// few per cent.
	pub fn challenge_weight(tokens: u32, chunk_bytes: u32) -> Weight {
		let w = T::WeightInfo::challenge_layer(tokens).saturating_add(T::WeightInfo::challenge_chunk(chunk_bytes));
		w.saturating_add(w / 10)
	}

	/// The weight charged before a challenge runs: the dispute budget's worst case.
	pub fn challenge_worst_case() -> Weight {
		Self::challenge_weight(Self::dispute_tokens(T::MaxDisputeMultiplyAdds::get()), T::MaxChunkBytes::get())
	}

	pub(crate) fn do_report_equivocation(
		reporter: T::AccountId,
		first: SignedReceiptOf<T>,
		second: SignedReceiptOf<T>,
	) -> DispatchResult {
		let (a, b) = (&first.receipt, &second.receipt);
		ensure!(
			a.miner == b.miner
				&& a.requester == b.requester
				&& a.nonce == b.nonce
				&& a.netuid == b.netuid
				&& a.model == b.model
				&& a.input_hash == b.input_hash
				&& a.output_hash != b.output_hash,
			Error::<T>::NotEquivocation
		);
		// Both must be receipts the chain rules on (each within its window).
		Self::check_receipt(&first).map_err(Self::receipt_error)?;
		Self::check_receipt(&second).map_err(Self::receipt_error)?;
		let request = a.request_key();
		let subject =
			sp_crypto_hashing::blake2_256(&codec::Encode::encode(&(b"hearth-equivocation", &a.miner, request)));
		T::Offences::report(OffenceKind::Equivocation, a.miner.clone(), subject, Some(reporter.clone()), None)?;
		Self::deposit_event(Event::Equivocation { miner: a.miner.clone(), request, reporter });
		Ok(())
	}
}
