//! The pallet's stored and passed types.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use hearth_primitives::{receipt::Hash32, ModelId, NetUid, SignedReceipt, Trace};
use scale_info::TypeInfo;

pub use hearth_primitives::receipt::MAX_STEPS;

/// An on-chain job's id.
pub type JobId = u64;

/// The longest model header (an MLP of 64 layers: 12 + 8 + 64 × 5 bytes).
pub const MAX_HEADER_LEN: u32 = 352;

/// A model file's header bytes (the engine's format v2 header).
pub type Header = BoundedVec<u8, ConstU32<MAX_HEADER_LEN>>;

/// The hash of every chunk of a model, in step order.
pub type ChunkHashes = BoundedVec<Hash32, ConstU32<MAX_STEPS>>;

/// A model registered on a subnet.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct ModelInfo<AccountId, BlockNumber> {
	/// Who registered it (the subnet's owner) and gets the deposit back.
	pub owner: AccountId,
	/// The header: architecture and dimensions.
	pub header: Header,
	/// Each step's chunk hash.
	pub chunk_hashes: ChunkHashes,
	/// The longest input accepted (tokens for BERT, the input width for an MLP).
	pub max_input: u32,
	/// The costliest step at `max_input`: its int8 multiply-adds...
	pub step_multiply_adds: u64,
	/// ...and the values it writes.
	pub step_values: u64,
	/// The largest chunk, in bytes.
	pub largest_chunk: u32,
	/// The deposit held for the stored bytes.
	pub deposit: u128,
	/// Jobs posted and not yet settled (paid, refunded or proven wrong).
	pub open_jobs: u32,
	/// When the owner retired it: no job or receipt after this block; removable once
	/// the challenge window after it has passed and no job is open.
	pub retired_at: Option<BlockNumber>,
}

/// The longest job input (token ids or features).
pub const MAX_INPUT_LEN: u32 = 4096;

/// A job's input, what the engine runs on.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug)]
pub enum JobInput {
	/// Token ids, for BERT.
	Tokens(BoundedVec<u32, ConstU32<MAX_INPUT_LEN>>),
	/// Q12 features, for an MLP.
	Features(BoundedVec<i32, ConstU32<MAX_INPUT_LEN>>),
}

impl JobInput {
	/// The engine's view of it.
	pub fn as_engine(&self) -> hearth_engine::Input<'_> {
		match self {
			JobInput::Tokens(t) => hearth_engine::Input::Tokens(t),
			JobInput::Features(f) => hearth_engine::Input::Features(f),
		}
	}

	/// The engine's input hash (what receipts and traces commit to).
	pub fn hash(&self) -> Hash32 {
		self.as_engine().hash()
	}

	/// How many tokens or features.
	pub fn len(&self) -> usize {
		match self {
			JobInput::Tokens(t) => t.len(),
			JobInput::Features(f) => f.len(),
		}
	}

	/// Whether it holds nothing.
	pub fn is_empty(&self) -> bool {
		self.len() == 0
	}
}

/// Where a job is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug)]
pub enum JobState<BlockNumber> {
	/// Posted, waiting for a miner (assigned in the next block's hook).
	Unassigned,
	/// A miner is assigned; no result yet.
	Assigned,
	/// The miner posted its result at `at`; the fee is paid when the challenge window
	/// after it passes.
	Answered {
		/// The block of the result.
		at: BlockNumber,
	},
	/// The fee went to the miner (less the take).
	Paid,
	/// No result by the deadline (or no miner to assign): the fee went back.
	Refunded,
	/// The result was proven wrong: the fee went back.
	ProvenWrong,
}

impl<B> JobState<B> {
	/// Whether the fee is still escrowed.
	pub fn is_open(&self) -> bool {
		matches!(self, JobState::Unassigned | JobState::Assigned | JobState::Answered { .. })
	}
}

/// A job posted on chain.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Job<AccountId, BlockNumber> {
	/// The subnet.
	pub netuid: NetUid,
	/// The model.
	pub model: ModelId,
	/// Who posted it and paid the fee.
	pub tenant: AccountId,
	/// The miner that must answer (`None` until assigned).
	pub miner: Option<AccountId>,
	/// The lease it was posted under, if any.
	pub lease: Option<u64>,
	/// The input.
	pub input: JobInput,
	/// The escrowed fee.
	pub fee: u128,
	/// The block it was posted.
	pub posted_at: BlockNumber,
	/// The last block a result is accepted.
	pub deadline: BlockNumber,
	/// Where it is in its life.
	pub state: JobState<BlockNumber>,
	/// The block its next step (expiry, payment, pruning) is queued at.
	pub due_at: BlockNumber,
}

/// The longest output a job's result holds (BERT's hidden width, an MLP's last layer).
pub const MAX_OUTPUT_LEN: u32 = 4096;

/// A miner's result of a job.
#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct JobResult<BlockNumber> {
	/// The output values (Q12), what the trace's last element hashes.
	pub output: BoundedVec<i32, ConstU32<MAX_OUTPUT_LEN>>,
	/// The trace.
	pub trace: Trace,
	/// The engine's output hash, bound to the job's key.
	pub output_hash: Hash32,
	/// The block it was posted.
	pub at: BlockNumber,
}

/// What is due in a block.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug)]
pub enum Due {
	/// A job's next step: expire it, pay its fee, or prune it.
	Job(JobId),
	/// Forget the ruling of a receipt whose challenge window has passed.
	Forget(Hash32),
}

/// What is known of a challenged subject (a result or a receipt).
#[derive(Clone, Copy, Default, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
pub struct Ruling {
	/// It was proven wrong: nothing more can be ruled on it.
	pub proven_wrong: bool,
	/// Bit `i`: step `i` was challenged and the miner was right (it cannot be
	/// challenged again).
	pub upheld: u128,
}

/// What a challenge is about.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum Subject<AccountId, Signature> {
	/// The result of an on-chain job.
	Result(JobId),
	/// A receipt a miner signed off chain.
	Receipt(SignedReceipt<AccountId, Signature>),
}

/// The most activation values a challenge carries: 2^18 (1 MiB of values). The
/// runtime's `MaxDisputeValues` is at most this.
pub const MAX_ACTIVATION_VALUES: u32 = 1 << 18;

/// The most bytes of an encoded activation: its shape and [`MAX_ACTIVATION_VALUES`].
pub const MAX_ACTIVATION_BYTES: u32 = 8 + 4 * MAX_ACTIVATION_VALUES;

/// The most bytes of a chunk a challenge carries: 4 MiB. The runtime's
/// `MaxChunkBytes` is at most this.
pub const MAX_CHUNK_BYTES: u32 = 4 << 20;

/// An encoded activation.
pub type ActivationBytes = BoundedVec<u8, ConstU32<MAX_ACTIVATION_BYTES>>;

/// A chunk's bytes.
pub type ChunkBytes = BoundedVec<u8, ConstU32<MAX_CHUNK_BYTES>>;

/// The input of the challenged step: the job's input for step 0, the previous
/// activation (its canonical bytes, the engine's `Activation::encode`) otherwise.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum StepInput {
	/// The request's input (step 0).
	Input(JobInput),
	/// `x_{i-1}`, encoded.
	Activation(ActivationBytes),
}

impl StepInput {
	/// The bytes it carries.
	pub fn len(&self) -> usize {
		match self {
			StepInput::Input(i) => 4 * i.len(),
			StepInput::Activation(a) => a.len(),
		}
	}

	/// Whether it carries nothing.
	pub fn is_empty(&self) -> bool {
		self.len() == 0
	}
}

/// Why a miner was proven wrong.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug)]
pub enum Fault {
	/// The runtime's run of the step differs from the miner's trace element.
	WrongStep,
	/// The step cannot run on the activation the miner's trace commits to (the wrong
	/// shape, for one): no honest run has this trace.
	StepRefused,
	/// The receipt answers an input the model does not accept on chain (too long, a
	/// token outside the vocabulary): a miner must refuse what the chain cannot rule on.
	InputNotAccepted,
	/// The receipt's trace does not have one element per step of the model.
	MalformedTrace,
	/// The receipt's output hash is not the output hash of its trace.
	OutputNotFromTrace,
}

/// Why a receipt is not one the chain would rule on (the runtime API's answer).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub enum ReceiptProblem {
	/// Signed for another chain.
	ForeignChain,
	/// The signature is not the miner's.
	BadSignature,
	/// The model is not registered on the receipt's subnet.
	UnknownModel,
	/// The model was retired before the receipt's block.
	ModelRetired,
	/// The receipt's block is after the current block.
	FromTheFuture,
	/// The challenge window after the receipt's block has passed.
	Expired,
}
