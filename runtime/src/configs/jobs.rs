//! The verification loop: models, on-chain jobs, receipts and challenges.

use crate::{Balance, Balances, BlockNumber, Emissions, Runtime, Signature, Slashing, HTH};
use frame_support::{parameter_types, traits::ConstU32, traits::Get, PalletId};
use sp_runtime::Perbill;

parameter_types! {
	pub const JobsPalletId: PalletId = PalletId(*b"hth/jobs");
	/// A challenge may run a step of 512 million int8 multiply-adds: about 0.45 s of
	/// the block's 2 s at the 0.95 ns per multiply-add measured in the runtime's wasm
	/// (`challenge_layer`), under a third of the normal class. all-MiniLM-L6-v2 fits up
	/// to 260 tokens, above the 256 its sentence-transformers configuration uses.
	pub const MaxDisputeMultiplyAdds: u64 = 512_000_000;
	/// The activation a challenge carries: 2^18 values (1 MiB).
	pub const MaxDisputeValues: u64 = 1 << 18;
	/// A chunk of 2.5 MiB: with the largest activation (1 MiB) and the receipt, a
	/// challenge stays inside the normal class's 3.75 MiB of the 5 MiB block.
	pub const MaxChunkBytes: u32 = 5 << 19;
	/// 10 HTH per model, plus 1 mHTH per stored byte.
	pub const ModelDepositBase: Balance = 10 * HTH;
	pub const ModelDepositPerByte: Balance = crate::MILLI_HTH;
	/// The least job fee: 10 mHTH.
	pub const MinJobFee: Balance = 10 * crate::MILLI_HTH;
	/// A job's deadline is at most an hour of 6 s blocks.
	pub const MaxJobDeadline: BlockNumber = 600;
	/// 5 % of every paid fee is burned, as for leases.
	pub const JobTakeRate: Perbill = Perbill::from_percent(5);
	/// 10 HTH put up by a challenger.
	pub const ChallengeBond: Balance = 10 * HTH;
	/// Settled jobs are kept a day.
	pub const JobRetention: BlockNumber = crate::DAYS;
}

/// Results and receipts can be challenged for half the unbonding period (a genesis
/// parameter): a slash reported in the window finds the stake still bonded or
/// unbonding, where it stays while the slash is pending.
pub struct ChallengeWindow;
impl Get<BlockNumber> for ChallengeWindow {
	fn get() -> BlockNumber {
		pallet_hearth_params::UnbondingPeriod::<Runtime>::get() / 2
	}
}

impl pallet_hearth_jobs::Config for Runtime {
	type Currency = Balances;
	type PalletId = JobsPalletId;
	type Subnets = crate::Subnets;
	type Leases = crate::Leases;
	type Offences = Slashing;
	type Burn = Emissions;
	type Signature = Signature;
	type MaxDisputeMultiplyAdds = MaxDisputeMultiplyAdds;
	type MaxDisputeValues = MaxDisputeValues;
	type MaxChunkBytes = MaxChunkBytes;
	type MaxModelsPerSubnet = ConstU32<8>;
	type ModelDepositBase = ModelDepositBase;
	type ModelDepositPerByte = ModelDepositPerByte;
	type MinJobFee = MinJobFee;
	type MaxJobDeadline = MaxJobDeadline;
	type TakeRate = JobTakeRate;
	type ChallengeWindow = ChallengeWindow;
	type ChallengeBond = ChallengeBond;
	type Retention = JobRetention;
	/// 16 open jobs a block, assigned in the next block's hook.
	type MaxJobsPerBlock = ConstU32<16>;
	/// 32 expiries, payments or prunings a block (see the busiest-block test).
	type MaxDuePerBlock = ConstU32<32>;
	type MaxScheduleLookahead = ConstU32<64>;
	type AssignmentTries = ConstU32<8>;
	type WeightInfo = pallet_hearth_jobs::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::JobsHelper;
}
