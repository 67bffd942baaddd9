//! # Hearth jobs
//!
//! Inference results anyone can prove wrong on chain in one transaction
//! (`../shared/design/jobs.md`):
//!
//! 1. **Models.** A subnet's owner registers the models its miners serve: the engine's
//!    format-v2 header (architecture, dimensions), every step's chunk hash (the model's
//!    identity is computed from them here), and the longest input. Registration prices
//!    every step with the engine's cost model and refuses a model that could not be
//!    ruled on in one transaction: its costliest step at the longest input must fit
//!    `MaxDisputeMultiplyAdds` and `MaxDisputeValues`, its largest chunk
//!    `MaxChunkBytes`. A deposit (`ModelDepositBase` plus `ModelDepositPerByte` of the
//!    stored record) is held until the owner retires the model and, once the challenge
//!    window after that has passed and no job is open, removes it.
//! 2. **On-chain jobs.** A tenant posts a job (model, inline input, fee escrowed,
//!    deadline). Under its lease the lease's provider must answer; otherwise the job is
//!    assigned in the **next** block's hook to a serving miner of the subnet drawn from
//!    the hash of the block the job was posted in, which neither the tenant nor a miner
//!    knows when the job is sent (a block author could bias it by withholding its
//!    block; Aura has no VRF to do better). The miner posts the output and the trace;
//!    the runtime checks that the output is what the trace's last element hashes. The
//!    fee (less `TakeRate`, burned) is paid when `ChallengeWindow` passes without a
//!    successful challenge, so a proven-wrong result is refunded from the fee itself. A
//!    missed deadline refunds the tenant and counts in the miner's `Misses` (scoring,
//!    not stake). Settled jobs are kept `Retention` blocks, then pruned. Expiry,
//!    payment and pruning run from a bounded per-block queue.
//! 3. **Receipts** (`hearth_primitives::receipt`) are what miners sign off chain.
//! 4. **Challenges.** `challenge(subject, step, input, chunk)` with `ChallengeBond`:
//!    the subject is a result or a signed receipt (signature, chain, model and window
//!    checked); the input is the request's input (step 0, checked against its hash) or
//!    `x_{i-1}` (checked against `t_{i-1}`); the chunk is checked against the model's
//!    chunk hash (for BERT's step 0 it is an embeddings proof: the input's word rows
//!    and their Merkle paths, `hearth_engine::proof`, since the whole table does not
//!    fit a transaction); the runtime runs the step with the engine and compares `H(x_i)` with
//!    `t_i`. Miner wrong: a `WrongResult` offence (the challenger is the reporter), the
//!    bond goes back, the job's fee goes back to the tenant, a lease the receipt was
//!    served under closes with the tenant made whole. Miner right: the bond goes to the
//!    miner, and that step of that subject cannot be challenged again. A subject proven
//!    wrong cannot be ruled on again. Two receipts for one request with different
//!    outputs are an `Equivocation` offence (`report_equivocation`).
//!
//! ## Funds
//! Fees, deposits and (within one call) bonds sit in the pallet's account, kept alive by
//! an existential deposit minted at genesis. Invariant (`try_state`): its balance is that
//! deposit plus every model's deposit plus every open job's fee.
//!
//! ## The dispute budget
//! A challenge runs one step in the block. The runtime sets `MaxDisputeMultiplyAdds`
//! so that the costliest step allowed takes a bounded share of the block, and
//! `MaxChunkBytes` plus the largest activation (`MaxDisputeValues` × 4 bytes) within the
//! block's length for normal transactions. The call is charged the worst case before
//! dispatch and refunded to the model's registered costliest step after.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

/// The engine the runtime rules with (its cost model and formats, for callers that
/// build models to register).
pub use hearth_engine as engine;
pub use pallet::*;

pub mod budget;
mod dispute;
mod impls;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod invariants;
mod jobs;
mod models;
pub mod runtime_api;
mod schedule;
pub mod types;
mod views;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from subnets and staking.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Signature> {
	/// Creates subnet `netuid` owned by `owner` (funded), with `miners` serving miners.
	fn subnet(netuid: hearth_primitives::NetUid, owner: &AccountId, miners: u32);
	/// A funded miner hotkey of subnet `netuid` that can sign, distinct per `index`.
	fn miner(netuid: hearth_primitives::NetUid, index: u32) -> AccountId;
	/// `miner`'s signature of `payload`.
	fn sign(miner: &AccountId, payload: &[u8]) -> Signature;
	/// Gives `who` funds.
	fn fund(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Balanced, Credit, Mutate},
			OnUnbalanced,
		},
		weights::WeightMeter,
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use hearth_primitives::{receipt::Hash32, LeaseDisputes, ModelId, NetUid, SubnetMiners, Trace};
	use sp_runtime::{
		traits::{IdentifyAccount, Verify},
		Perbill,
	};

	/// A model as stored.
	pub type ModelOf<T> = ModelInfo<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A job as stored.
	pub type JobOf<T> = Job<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A signed receipt of this runtime.
	pub type SignedReceiptOf<T> =
		hearth_primitives::SignedReceipt<<T as frame_system::Config>::AccountId, <T as Config>::Signature>;
	/// A challenge's subject in this runtime.
	pub type SubjectOf<T> = Subject<<T as frame_system::Config>::AccountId, <T as Config>::Signature>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency of fees, deposits and bonds.
		type Currency: Mutate<Self::AccountId, Balance = u128> + Balanced<Self::AccountId>;
		/// The pallet's account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// Subnet owners and serving miners.
		type Subnets: SubnetMiners<Self::AccountId>;
		/// Leases that receipts and jobs are served under.
		type Leases: LeaseDisputes<Self::AccountId>;
		/// Where wrong results and equivocations are reported.
		type Offences: hearth_primitives::ReportOffence<Self::AccountId>;
		/// Where the take is burned (emissions counts burns).
		type Burn: OnUnbalanced<Credit<Self::AccountId, Self::Currency>>;
		/// A miner hotkey's signature of a receipt; `sp_runtime::MultiSignature` in the
		/// runtime.
		type Signature: Parameter + Member + Verify<Signer: IdentifyAccount<AccountId = Self::AccountId>>;
		/// The costliest step a model may have at its longest input, in int8
		/// multiply-adds: what one challenge may run in a block.
		#[pallet::constant]
		type MaxDisputeMultiplyAdds: Get<u64>;
		/// The most values the costliest step may write (at most
		/// [`MAX_ACTIVATION_VALUES`]).
		#[pallet::constant]
		type MaxDisputeValues: Get<u64>;
		/// The largest chunk a model may have (at most [`MAX_CHUNK_BYTES`]).
		#[pallet::constant]
		type MaxChunkBytes: Get<u32>;
		/// The most models a subnet registers.
		#[pallet::constant]
		type MaxModelsPerSubnet: Get<u32>;
		/// The deposit of any model...
		#[pallet::constant]
		type ModelDepositBase: Get<u128>;
		/// ...plus this per byte of its stored record.
		#[pallet::constant]
		type ModelDepositPerByte: Get<u128>;
		/// The least fee of a job.
		#[pallet::constant]
		type MinJobFee: Get<u128>;
		/// The longest deadline of a job, in blocks after it is posted.
		#[pallet::constant]
		type MaxJobDeadline: Get<BlockNumberFor<Self>>;
		/// Share of every paid fee burned.
		#[pallet::constant]
		type TakeRate: Get<Perbill>;
		/// Blocks after a result (or a receipt's block) during which it can be
		/// challenged. Shorter than staking's unbonding period, so that the stake that
		/// answers for it is still there.
		#[pallet::constant]
		type ChallengeWindow: Get<BlockNumberFor<Self>>;
		/// What a challenger puts up: back with the reporter's share when the miner is
		/// wrong, the miner's when it is right.
		#[pallet::constant]
		type ChallengeBond: Get<u128>;
		/// Blocks a settled job is kept before it is pruned.
		#[pallet::constant]
		type Retention: Get<BlockNumberFor<Self>>;
		/// The most open jobs posted in one block (each assigned in the next block's
		/// hook).
		#[pallet::constant]
		type MaxJobsPerBlock: Get<u32>;
		/// The most entries the queue runs in one block.
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;
		/// How many blocks past its due block an entry looks for room in the queue.
		#[pallet::constant]
		type MaxScheduleLookahead: Get<u32>;
		/// How many uids an assignment tries, from the drawn one, for a serving miner.
		#[pallet::constant]
		type AssignmentTries: Get<u32>;
		/// Weights of the calls and the hook.
		type WeightInfo: WeightInfo;
		/// Subnets, miners and signatures for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::Signature>;
	}

	/// Every registered model, by subnet and identity.
	#[pallet::storage]
	pub type Models<T: Config> = StorageDoubleMap<_, Twox64Concat, NetUid, Identity, ModelId, ModelOf<T>>;

	/// The models each subnet's miners serve, in registration order.
	#[pallet::storage]
	pub type SubnetModels<T: Config> =
		StorageMap<_, Twox64Concat, NetUid, BoundedVec<ModelId, T::MaxModelsPerSubnet>, ValueQuery>;

	/// The next job id.
	#[pallet::storage]
	pub type NextJobId<T> = StorageValue<_, JobId, ValueQuery>;

	/// Every job not yet pruned.
	#[pallet::storage]
	pub type JobInfos<T: Config> = StorageMap<_, Twox64Concat, JobId, JobOf<T>>;

	/// Each answered job's result (pruned with the job).
	#[pallet::storage]
	pub type Results<T: Config> = StorageMap<_, Twox64Concat, JobId, JobResult<BlockNumberFor<T>>>;

	/// Open jobs posted in this block, assigned in the next block's hook.
	#[pallet::storage]
	pub type Unassigned<T: Config> = StorageValue<_, BoundedVec<JobId, T::MaxJobsPerBlock>, ValueQuery>;

	/// What is due in each block.
	#[pallet::storage]
	pub type DueQueue<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, BoundedVec<Due, T::MaxDuePerBlock>, ValueQuery>;

	/// Rulings on challenged subjects (a job's key, or a receipt's hash), kept while the
	/// subject can still be challenged.
	#[pallet::storage]
	pub type Rulings<T: Config> = StorageMap<_, Identity, Hash32, Ruling>;

	/// Deadlines each miner missed on each subnet, and the block of the last: what
	/// validators read into its score.
	#[pallet::storage]
	pub type Misses<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Blake2_128Concat, T::AccountId, (u32, BlockNumberFor<T>), ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		/// Ties the config to the runtime; holds nothing.
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			hearth_primitives::genesis::endow_pallet_account::<_, T::Currency>("jobs", &Pallet::<T>::account_id());
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A subnet's owner registered a model.
		ModelRegistered {
			/// The subnet.
			netuid: NetUid,
			/// The model's identity.
			model: ModelId,
			/// Its steps.
			steps: u32,
			/// The longest input it accepts.
			max_input: u32,
			/// Its costliest step's multiply-adds at that input.
			step_multiply_adds: u64,
			/// The deposit held.
			deposit: u128,
		},
		/// The owner retired a model: no new jobs or receipts.
		ModelRetired {
			/// The subnet.
			netuid: NetUid,
			/// The model.
			model: ModelId,
		},
		/// A retired model was removed and its deposit returned.
		ModelRemoved {
			/// The subnet.
			netuid: NetUid,
			/// The model.
			model: ModelId,
			/// The deposit returned.
			deposit: u128,
		},
		/// A tenant posted a job, escrowing `fee`.
		JobPosted {
			/// The job.
			id: JobId,
			/// The subnet.
			netuid: NetUid,
			/// The model.
			model: ModelId,
			/// The tenant.
			tenant: T::AccountId,
			/// The escrowed fee.
			fee: u128,
			/// The last block a result is accepted.
			deadline: BlockNumberFor<T>,
		},
		/// A job was assigned to a miner.
		JobAssigned {
			/// The job.
			id: JobId,
			/// The miner's hotkey.
			miner: T::AccountId,
		},
		/// The assigned miner posted its result.
		ResultPosted {
			/// The job.
			id: JobId,
			/// The miner's hotkey.
			miner: T::AccountId,
			/// The output hash.
			output_hash: Hash32,
		},
		/// A job's challenge window passed: the miner was paid.
		FeePaid {
			/// The job.
			id: JobId,
			/// The miner's hotkey.
			miner: T::AccountId,
			/// What it got.
			paid: u128,
			/// The take, burned.
			burned: u128,
		},
		/// A job got no result by its deadline (or found no miner): the tenant was
		/// refunded.
		JobRefunded {
			/// The job.
			id: JobId,
			/// The miner that missed it (none when none was assigned).
			miner: Option<T::AccountId>,
			/// What went back.
			refunded: u128,
		},
		/// A settled job was pruned after its retention.
		JobPruned {
			/// The job.
			id: JobId,
		},
		/// A challenge proved a miner wrong.
		ProvenWrong {
			/// The job's key, or the receipt's hash.
			subject: Hash32,
			/// The miner's hotkey.
			miner: T::AccountId,
			/// The challenger (the offence's reporter).
			challenger: T::AccountId,
			/// The step named.
			step: u32,
			/// What was wrong.
			fault: Fault,
		},
		/// A challenge found the miner right: the bond went to the miner.
		ChallengeFailed {
			/// The job's key, or the receipt's hash.
			subject: Hash32,
			/// The miner's hotkey.
			miner: T::AccountId,
			/// The challenger.
			challenger: T::AccountId,
			/// The step named.
			step: u32,
			/// The bond the miner got.
			bond: u128,
		},
		/// A miner signed two receipts for one request with different outputs.
		Equivocation {
			/// The miner's hotkey.
			miner: T::AccountId,
			/// The request key.
			request: Hash32,
			/// The reporter.
			reporter: T::AccountId,
		},
		/// The queue had no room for a job's next step within the look-ahead (never
		/// expected): the job stays as it is, its funds where they are.
		NotScheduled {
			/// The job.
			id: JobId,
		},
		/// A job's queued step failed (a transfer refused): nothing changed and it is
		/// retried at `retry_at` (none when the queue had no room either).
		DueFailed {
			/// The job.
			id: JobId,
			/// Why it failed.
			error: DispatchError,
			/// The block it is tried again.
			retry_at: Option<BlockNumberFor<T>>,
		},
		/// `amount`, owed to `who` whose account does not exist, was below the
		/// existential deposit and was burned.
		DustBurned {
			/// The account.
			who: T::AccountId,
			/// The amount burned.
			amount: u128,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet has that netuid.
		UnknownSubnet,
		/// Only the subnet's owner may do this.
		NotSubnetOwner,
		/// The header is not an engine format-v2 header (or has bytes after it).
		InvalidHeader,
		/// The chunk hashes are not one per step of the header's architecture.
		WrongChunkCount,
		/// The longest input is zero, longer than the model accepts (BERT's positions,
		/// `MAX_INPUT_LEN`), or not an MLP's input width.
		InvalidMaxInput,
		/// The costliest step at the longest input exceeds the dispute budget
		/// (`MaxDisputeMultiplyAdds` or `MaxDisputeValues`): it could not be ruled on in
		/// one transaction.
		StepOverBudget,
		/// A chunk is larger than `MaxChunkBytes`: it could not be sent in a challenge.
		ChunkOverBudget,
		/// The model's output is longer than `MAX_OUTPUT_LEN`.
		OutputTooLong,
		/// The model is registered on this subnet already.
		ModelExists,
		/// The subnet has `MaxModelsPerSubnet` models already.
		TooManyModels,
		/// No such model on this subnet.
		UnknownModel,
		/// Only the model's owner may do this.
		NotModelOwner,
		/// The model is retired.
		ModelRetired,
		/// The model is not retired.
		ModelNotRetired,
		/// The model still has open jobs, or receipts signed before it retired can still
		/// be challenged.
		ModelInUse,
		/// The input's kind is not the model's (token ids for BERT, features for an
		/// MLP), it is empty, longer than the model's longest input, not an MLP's input
		/// width, or holds a token id outside the vocabulary or a feature outside the
		/// activation range.
		InvalidInput,
		/// The fee is below `MinJobFee`.
		FeeTooLow,
		/// The deadline is zero or more than `MaxJobDeadline` blocks away.
		InvalidDeadline,
		/// The lease is not open, not the caller's, or on another subnet.
		NotLeaseTenant,
		/// `MaxJobsPerBlock` open jobs were posted in this block already.
		TooManyJobs,
		/// The queue has no room within the look-ahead; try again in a later block.
		ScheduleFull,
		/// No such job (or it was pruned).
		UnknownJob,
		/// Only the job's assigned miner may post its result.
		NotAssignedMiner,
		/// The job is not waiting for a result.
		NotAwaitingResult,
		/// The deadline has passed.
		DeadlinePassed,
		/// The trace does not have one element per step of the model.
		WrongTraceLength,
		/// The output is not what the trace's last element hashes.
		OutputDoesNotMatchTrace,
		/// The job has no result to challenge, or was settled.
		NotChallengeable,
		/// The challenge window has passed.
		ChallengeWindowClosed,
		/// The receipt was signed for another chain.
		ForeignChain,
		/// The receipt's signature is not its miner's.
		BadSignature,
		/// The receipt's block is after the current block.
		ReceiptFromTheFuture,
		/// The subject was proven wrong already.
		AlreadyProvenWrong,
		/// This step of this subject was challenged already and the miner was right.
		StepAlreadyUpheld,
		/// The step index is not a step of the model.
		InvalidStep,
		/// Step 0 takes the request's input; later steps take the previous activation.
		WrongStepInput,
		/// The input does not hash to the input hash the miner committed to.
		InputMismatch,
		/// The activation bytes are not a canonical activation (shape, length or a value
		/// out of range).
		ActivationNotCanonical,
		/// The activation is not the one the miner's trace commits to at the previous
		/// step.
		ActivationMismatch,
		/// The chunk does not hash to the model's chunk of that step.
		ChunkMismatch,
		/// The chunk matches the model but does not decode (the model's owner registered
		/// a hash of bytes that are not a chunk).
		ChunkUndecodable,
		/// BERT's step 0 takes an embeddings proof, and these bytes are not one.
		ProofNotCanonical,
		/// The embeddings proof lacks the word row of a token of the input.
		ProofMissingToken,
		/// The two receipts are not from one miner for one request on this chain, or
		/// their outputs are the same.
		NotEquivocation,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Assigns the open jobs posted in the previous block, then runs what the
		/// queue holds for this block (at most `MaxDuePerBlock`).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let mut meter = WeightMeter::new();
			Self::assign_posted(&mut meter);
			Self::run_due(now, &mut meter);
			meter.consumed()
		}

		fn integrity_test() {
			assert!(T::MaxChunkBytes::get() <= MAX_CHUNK_BYTES, "MaxChunkBytes above MAX_CHUNK_BYTES");
			assert!(
				T::MaxDisputeValues::get() <= u64::from(MAX_ACTIVATION_VALUES),
				"MaxDisputeValues above MAX_ACTIVATION_VALUES"
			);
			assert!(T::AssignmentTries::get() >= 1, "AssignmentTries is zero");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// The subnet's owner registers a model its miners serve: the engine's header,
		/// every step's chunk hash, and the longest input accepted. The deposit is held.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_model())]
		pub fn register_model(
			origin: OriginFor<T>,
			netuid: NetUid,
			header: Header,
			chunk_hashes: ChunkHashes,
			max_input: u32,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_register_model(owner, netuid, header, chunk_hashes, max_input)
		}

		/// The model's owner retires it: no new jobs, no receipts signed after now.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::retire_model())]
		pub fn retire_model(origin: OriginFor<T>, netuid: NetUid, model: ModelId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_retire_model(owner, netuid, model)
		}

		/// Removes a retired model once no job is open and the challenge window after
		/// its retirement has passed (anyone may: the deposit goes back to its owner).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_model())]
		pub fn remove_model(origin: OriginFor<T>, netuid: NetUid, model: ModelId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_remove_model(netuid, model)
		}

		/// Posts a job: `fee` escrowed, a result accepted for `deadline` blocks. Under
		/// `lease` the lease's provider answers; otherwise a serving miner of the subnet
		/// is drawn in the next block.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::post_job())]
		pub fn post_job(
			origin: OriginFor<T>,
			netuid: NetUid,
			model: ModelId,
			input: JobInput,
			fee: u128,
			deadline: BlockNumberFor<T>,
			lease: Option<u64>,
		) -> DispatchResult {
			let tenant = ensure_signed(origin)?;
			Self::do_post_job(tenant, netuid, model, input, fee, deadline, lease)
		}

		/// The assigned miner posts its result: the output and the trace.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::submit_result())]
		pub fn submit_result(
			origin: OriginFor<T>,
			id: JobId,
			output: BoundedVec<i32, ConstU32<MAX_OUTPUT_LEN>>,
			trace: Trace,
		) -> DispatchResult {
			let miner = ensure_signed(origin)?;
			Self::do_submit_result(miner, id, output, trace)
		}

		/// Proves a result or a receipt wrong at `step`: `input` is the request's input
		/// for step 0 and `x_{step-1}` otherwise, `chunk` the step's chunk. Charged the
		/// dispute budget's worst case, refunded to the model's costliest step.
		#[pallet::call_index(5)]
		#[pallet::weight(Pallet::<T>::challenge_worst_case())]
		pub fn challenge(
			origin: OriginFor<T>,
			subject: SubjectOf<T>,
			step: u32,
			input: StepInput,
			chunk: ChunkBytes,
		) -> DispatchResultWithPostInfo {
			let challenger = ensure_signed(origin)?;
			Self::do_challenge(challenger, subject, step, input, chunk)
		}

		/// Proves that a miner signed two receipts for one request with different
		/// outputs (anyone may; the caller is the reporter).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::report_equivocation())]
		pub fn report_equivocation(
			origin: OriginFor<T>,
			first: SignedReceiptOf<T>,
			second: SignedReceiptOf<T>,
		) -> DispatchResult {
			let reporter = ensure_signed(origin)?;
			Self::do_report_equivocation(reporter, first, second)
		}
	}
}
