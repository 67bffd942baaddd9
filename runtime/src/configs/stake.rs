//! Stake and its punishment: share-pool staking and deferred slashing.
//!
//! The unbonding period and the slash deferral window come from the genesis preset
//! (`hearthParams`), which refuses a window not shorter than the unbonding period.

use crate::{Balance, Balances, Runtime, Slashing, Staking, HTH};
use frame_support::{parameter_types, traits::ConstU32, PalletId};
use hearth_primitives::OffenceKind;
use pallet_hearth_slashing::{OffenceConfig, OffenceParams};
use sp_runtime::Perbill;

parameter_types! {
	pub const StakingPalletId: PalletId = PalletId(*b"hth/stak");
	/// No position smaller than one HTH.
	pub const MinStake: Balance = HTH;
	pub const MaxTake: Perbill = Perbill::from_percent(50);
	/// What claiming a hotkey holds until the hotkey is forgotten.
	pub const HotkeyDeposit: Balance = HTH;
	/// The take of a new hotkey, as on Bittensor.
	pub const DefaultTake: Perbill = Perbill::from_percent(18);
	/// Below 100 %, so that a slashed pool keeps something.
	pub const MaxSlashFraction: Perbill = Perbill::from_percent(50);
}

impl pallet_hearth_staking::Config for Runtime {
	type RuntimeHoldReason = crate::RuntimeHoldReason;
	type Currency = Balances;
	/// One HTH held per claimed hotkey (its owner, take and claim records), returned
	/// when its owner forgets it.
	type HotkeyDeposit = HotkeyDeposit;
	/// A hotkey with a uid, a lease, an offer or a bid cannot be forgotten.
	type HotkeyInUse = (crate::Subnets, crate::Leases);
	type PalletId = StakingPalletId;
	type MinStake = MinStake;
	type MaxUnbondingChunks = ConstU32<32>;
	type MaxHotkeysPerColdkey = ConstU32<16>;
	type MaxTake = MaxTake;
	type DefaultTake = DefaultTake;
	/// A day of 6 s blocks between two take increases.
	type TakeIncreaseDelay = ConstU32<{ crate::DAYS }>;
	type UnbondingPeriod = pallet_hearth_params::UnbondingPeriod<Runtime>;
	/// Stake stays while a slash is pending or a provider's lease may be defaulting.
	type PendingSlash = (Slashing, crate::Leases);
	/// Stake that leaves a hotkey stops counting in its subnets' share of the reward at
	/// once.
	type StakeLowered = crate::Subnets;
	type WeightInfo = pallet_hearth_staking::weights::SubstrateWeight<Runtime>;
	/// A hotkey proves it agrees to its claim with an ordinary signature.
	type OwnershipProof = crate::Signature;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::StakingHelper;
}

/// How hard each offence is punished, and the reporter's share of the slash.
pub struct HearthOffences;

impl OffenceConfig for HearthOffences {
	fn params(kind: OffenceKind) -> OffenceParams {
		let (fraction, reporter_share) = match kind {
			// A wrong result is provable fraud.
			OffenceKind::WrongResult => (10, 10),
			// Two answers to one request: at least one is wrong, proven by the
			// signatures alone.
			OffenceKind::Equivocation => (10, 10),
			// A default is capped at the tenant's loss (which the lease's bond and escrow
			// refund). No bounty: a provider can stage its own default at will, and a
			// sybil reporter's share would come partly out of its delegators' stake. The
			// deadline hook reports defaults by itself.
			OffenceKind::LeaseDefault => (5, 0),
			// A false attestation attacks the verification itself.
			OffenceKind::FalseAttestation => (20, 10),
			// Governance reports carry their own fraction.
			OffenceKind::Governance => (0, 0),
		};
		OffenceParams {
			fraction: Perbill::from_percent(fraction),
			reporter_share: Perbill::from_percent(reporter_share),
		}
	}
}

/// How many blocks past its deferral window a slash may wait for room in the queue
/// (16 slashes a block). The genesis check of the chain parameters requires the
/// unbonding period to exceed the deferral window plus this.
pub(super) const SLASH_SCHEDULE_LOOKAHEAD: u32 = 8;

impl pallet_hearth_slashing::Config for Runtime {
	type Currency = Balances;
	type Staking = Staking;
	type Offences = HearthOffences;
	type MaxSlashFraction = MaxSlashFraction;
	type DeferWindow = pallet_hearth_params::SlashDeferWindow<Runtime>;
	type MaxSlashesPerBlock = ConstU32<16>;
	type MaxScheduleLookahead = ConstU32<SLASH_SCHEDULE_LOOKAHEAD>;
	/// Reports are remembered 28 days (at 6 s blocks): a lease's default is reported
	/// once, when it happens, and a result's challenge window is far shorter.
	type ReportMemory = ConstU32<{ 28 * 14_400 }>;
	/// The burned part of a slash is counted by emissions.
	type Burn = crate::Emissions;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::SlashingHelper;
	type WeightInfo = pallet_hearth_slashing::weights::SubstrateWeight<Runtime>;
}
