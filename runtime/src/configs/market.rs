//! The compute market: GPU leases between tenants and miners.

use crate::{Balance, Balances, BlockNumber, Emissions, Runtime, Slashing, Staking, HTH};
use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::Perbill;

parameter_types! {
	pub const LeasesPalletId: PalletId = PalletId(*b"hth/leas");
	/// 10 HTH of stake on a provider's hotkey.
	pub const MinProviderStake: Balance = 10 * HTH;
	/// A deposit covers at least 100 blocks at the maximum price.
	pub const MinDepositBlocks: BlockNumber = 100;
	/// The least order deposit: filling the deadline queue's look-ahead (64 × 64 slots)
	/// locks 4096 HTH.
	pub const MinOrderDeposit: Balance = HTH;
	/// Auto-award orders take bids for 10 blocks.
	pub const BidWindow: BlockNumber = 10;
	/// 10 HTH per bid, returned unless the provider abandons or quits the lease.
	pub const BidBond: Balance = 10 * HTH;
	/// A bid may be accepted for an hour of 6 s blocks.
	pub const BidLifetime: BlockNumber = 600;
	/// A manual order may be accepted for a day.
	pub const OrderLifetime: BlockNumber = 14_400;
	/// Closing early costs a provider half its bond, paid to the tenant.
	pub const EarlyCloseForfeit: Perbill = Perbill::from_percent(50);
	/// A heartbeat every 100 blocks (10 minutes at 6 s)...
	pub const HeartbeatInterval: BlockNumber = 100;
	/// 5 % of every lease payment is burned.
	pub const TakeRate: Perbill = Perbill::from_percent(5);
	/// The demand EMA halves in about a day of 6 s blocks without payments.
	pub const DemandDecay: Perbill = Perbill::from_parts(48_000);
}

impl pallet_hearth_leases::Config for Runtime {
	type Currency = Balances;
	type PalletId = LeasesPalletId;
	type Staking = Staking;
	/// A provider must be a neuron of the subnet it offers on.
	type Neurons = crate::Subnets;
	type Offences = Slashing;
	type Burn = Emissions;
	type MinProviderStake = MinProviderStake;
	type MaxOffersPerProvider = ConstU32<16>;
	type MinDepositBlocks = MinDepositBlocks;
	type MinOrderDeposit = MinOrderDeposit;
	type BidWindow = BidWindow;
	type BidBond = BidBond;
	type BidLifetime = BidLifetime;
	type OrderLifetime = OrderLifetime;
	/// A provider's bonds at stake in bids: at most 32 × 10 HTH.
	type MaxOpenBids = ConstU32<32>;
	type EarlyCloseForfeit = EarlyCloseForfeit;
	type HeartbeatInterval = HeartbeatInterval;
	/// ...and the lease defaults after three missed.
	type MaxMissedHeartbeats = ConstU32<3>;
	type TakeRate = TakeRate;
	type DemandDecay = DemandDecay;
	type MaxDeadlinesPerBlock = ConstU32<64>;
	type MaxScheduleLookahead = ConstU32<64>;
	type WeightInfo = pallet_hearth_leases::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::LeasesHelper;
}
