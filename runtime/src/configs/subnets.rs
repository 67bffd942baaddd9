//! Rewards: the halving emission and the subnets whose epochs pay it out.

use crate::{
	Balance, Balances, BlockNumber, Emissions, Runtime, RuntimeHoldReason, Staking, Subnets, DAYS, HTH, MILLI_HTH,
};
use frame_support::{parameter_types, traits::ConstU32, PalletId};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

parameter_types! {
	/// Demand brings a subnet at most half of what its leases burn.
	pub const DemandBurnCap: Perbill = Perbill::from_percent(50);
	pub const EmissionsPalletId: PalletId = PalletId(*b"hth/emis");
	/// 100 HTH to create the first subnet; each creation doubles it, a week decays it back.
	pub const MinLock: Balance = 100 * HTH;
	/// A week of 6 s blocks.
	pub const LockDecayBlocks: BlockNumber = 7 * DAYS;
	/// Registration costs between 0.1 and 100 HTH.
	pub const MinBurn: Balance = 100 * MILLI_HTH;
	pub const MaxBurn: Balance = 100 * HTH;
	/// -0.01 % a block: the price halves in about 11.5 hours without registrations.
	pub const BurnDecay: Perbill = Perbill::from_parts(100_000);
	/// +20 % with each registration.
	pub const BurnIncrease: Perbill = Perbill::from_percent(20);
	/// The owner's cut of each epoch, as on Bittensor.
	pub const OwnerCut: Perbill = Perbill::from_percent(18);
}

impl pallet_hearth_emissions::Config for Runtime {
	type Currency = Balances;
	type PalletId = EmissionsPalletId;
	type Subnets = Subnets;
	/// Paid lease demand per subnet (an EMA of what providers earned).
	/// Demand brings a subnet at most half of what its leases burn.
	type DemandBurnCap = DemandBurnCap;
	type Demand = crate::Leases;
	type MaxSubnets = ConstU32<64>;
	type AdminOrigin = EnsureRoot<crate::AccountId>;
	type WeightInfo = pallet_hearth_emissions::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::EmissionsHelper;
}

impl pallet_hearth_subnets::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Staking = Staking;
	type OnDissolve = (crate::Leases, crate::Jobs);
	type Models = crate::Jobs;
	type Emission = Emissions;
	type Burn = Emissions;
	type AdminOrigin = EnsureRoot<crate::AccountId>;
	type MaxSubnets = ConstU32<64>;
	// One: a measured epoch at `MAX_UIDS` is a quarter of the block (the runtime test
	// `the_busiest_block_fits_with_normal_transactions_full`).
	type MaxEpochsPerBlock = ConstU32<1>;
	type MaxCommits = ConstU32<4>;
	type MaxGpuKinds = ConstU32<8>;
	type MinLock = MinLock;
	type LockDecayBlocks = LockDecayBlocks;
	type MinBurn = MinBurn;
	type MaxBurn = MaxBurn;
	type BurnDecay = BurnDecay;
	type BurnIncrease = BurnIncrease;
	type OwnerCut = OwnerCut;
	type ParamsRateLimit = ConstU32<100>;
	type EpochFreezeBlocks = ConstU32<2>;
	type WeightInfo = pallet_hearth_subnets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::SubnetsHelper;
}
