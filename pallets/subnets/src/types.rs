//! The subnet's stored types: hyperparameters and their bounds, neurons' published
//! endpoints and GPUs, weight commits, and the epoch's accounting.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

pub use hearth_primitives::{GpuSpec, GpuVendor, MaxModelLen, NetUid, Uid};

/// The most uids any subnet may have (a subnet's own `max_uids` is at most this).
///
/// Derived from the measured epoch (`weights.rs`: the real worst case, every uid
/// credited and bonds carried): one epoch at 1024 uids and 64 validators is about
/// 0.25 s of the 2 s block, which fits beside a full normal class, every other hook at
/// its worst and `MaxEpochsPerBlock` = 1; at 4096 it is 0.9 s and does not
/// (`the_busiest_block_fits_with_normal_transactions_full` in the runtime's tests).
pub const MAX_UIDS: u32 = 1024;

/// The most validators any subnet may have: the epoch's weight was measured with this
/// many validators weighting every uid (subtensor's default is also 64).
pub const MAX_VALIDATORS: u16 = 64;

/// Which Yuma a subnet runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum YumaVariant {
	/// Original Yuma: bonds as an EMA of stake-weighted weights.
	Yuma,
	/// Yuma3: proportional bonds, optional liquid alpha.
	Yuma3,
}

/// A subnet's hyperparameters.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct SubnetParams {
	/// Blocks between epochs.
	pub tempo: u16,
	/// The most neurons the subnet holds (at most [`MAX_UIDS`]).
	pub max_uids: u16,
	/// How many neurons may hold a validator permit.
	pub max_validators: u16,
	/// Share of active stake that must support a weight for consensus, `/ 65535`.
	pub kappa: u16,
	/// Bonds EMA: `alpha = 1 - bonds_moving_average / 1_000_000`.
	pub bonds_moving_average: u32,
	/// How far bonds follow weights above consensus, `/ 65535`.
	pub bonds_penalty: u16,
	/// Blocks after registration during which a neuron cannot be replaced.
	pub immunity_period: u32,
	/// Blocks without a weights update after which a validator is inactive.
	pub activity_cutoff: u32,
	/// Blocks between two weight submissions (or commits) of one validator.
	pub weights_rate_limit: u32,
	/// The fewest uids a weights vector may name (capped by the subnet's size).
	pub min_weights: u16,
	/// Whether weights must be committed, then revealed.
	pub commit_reveal: bool,
	/// Epochs after its commit's epoch in which a reveal is accepted.
	pub reveal_period: u8,
	/// The Yuma variant.
	pub variant: YumaVariant,
	/// Yuma3: per-bond liquid alpha.
	pub liquid_alpha: bool,
	/// Liquid alpha's lower bound, `/ 65535`.
	pub alpha_low: u16,
	/// Liquid alpha's upper bound, `/ 65535`.
	pub alpha_high: u16,
	/// Liquid alpha's sigmoid steepness, `/ 100`.
	pub alpha_steepness: u16,
	/// Weights must carry at least this version key (validators' software version).
	pub weights_version: u64,
}

impl Default for SubnetParams {
	/// The defaults of `design/yuma.md`: what Yuma itself defaults to (tempo 360, 64
	/// validators, Yuma3, ...; see [`hearth_yuma::Hyperparams::default`]), plus what
	/// only the chain knows (256 uids, immunity, rate limits, commit-reveal timing).
	fn default() -> Self {
		let yuma = hearth_yuma::Hyperparams::default();
		Self {
			// The stored parameters are narrower than Yuma's; its defaults fit them.
			tempo: u16::try_from(yuma.tempo).unwrap_or(u16::MAX),
			max_uids: 256,
			max_validators: yuma.max_validators,
			kappa: yuma.kappa,
			bonds_moving_average: u32::try_from(yuma.bonds_moving_average).unwrap_or(u32::MAX),
			bonds_penalty: yuma.bonds_penalty,
			immunity_period: 4_096,
			activity_cutoff: u32::try_from(yuma.activity_cutoff).unwrap_or(u32::MAX),
			weights_rate_limit: 100,
			min_weights: 1,
			commit_reveal: yuma.commit_reveal,
			reveal_period: 1,
			variant: match yuma.variant {
				hearth_yuma::Variant::Yuma => YumaVariant::Yuma,
				hearth_yuma::Variant::Yuma3 => YumaVariant::Yuma3,
			},
			liquid_alpha: yuma.liquid_alpha,
			alpha_low: yuma.alpha_low,
			alpha_high: yuma.alpha_high,
			alpha_steepness: yuma.alpha_steepness,
			weights_version: 0,
		}
	}
}

impl SubnetParams {
	/// The Yuma crate's view of these parameters.
	pub fn to_yuma(&self) -> hearth_yuma::Hyperparams {
		hearth_yuma::Hyperparams {
			kappa: self.kappa,
			bonds_moving_average: self.bonds_moving_average.into(),
			bonds_penalty: self.bonds_penalty,
			max_validators: self.max_validators,
			activity_cutoff: self.activity_cutoff.into(),
			tempo: self.tempo.into(),
			commit_reveal: self.commit_reveal,
			variant: match self.variant {
				YumaVariant::Yuma => hearth_yuma::Variant::Yuma,
				YumaVariant::Yuma3 => hearth_yuma::Variant::Yuma3,
			},
			liquid_alpha: self.liquid_alpha,
			alpha_low: self.alpha_low,
			alpha_high: self.alpha_high,
			alpha_steepness: self.alpha_steepness,
		}
	}
}

/// One hyperparameter change, as the subnet owner submits it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub enum Hyperparameter {
	/// Blocks between epochs.
	Tempo(u16),
	/// The most neurons.
	MaxUids(u16),
	/// The most validators (permits go to the top by stake).
	MaxValidators(u16),
	/// Consensus threshold, a `u16` fraction of 65535 of the stake that must agree.
	Kappa(u16),
	/// The bonds EMA, in millionths (`alpha = 1 - value / 1e6`).
	BondsMovingAverage(u32),
	/// How far bonds follow weights above consensus, `/ 65535`.
	BondsPenalty(u16),
	/// Blocks after registration during which a neuron cannot be replaced.
	ImmunityPeriod(u32),
	/// Blocks after a validator's last weights before it counts as inactive.
	ActivityCutoff(u32),
	/// Blocks between two weight submissions of one validator.
	WeightsRateLimit(u32),
	/// The fewest non-zero weights a validator must set.
	MinWeights(u16),
	/// Whether weights go through commit-reveal.
	CommitReveal(bool),
	/// Epochs between a commit and its reveal.
	RevealPeriod(u8),
	/// Which Yuma runs the epoch.
	Variant(YumaVariant),
	/// Whether Yuma3's liquid alpha replaces the fixed bonds EMA factor.
	LiquidAlpha(bool),
	/// `(low, high)`, set together so that `low < high` always holds.
	AlphaValues(u16, u16),
	/// The steepness of liquid alpha's sigmoid.
	AlphaSteepness(u16),
	/// The version key validators must send with their weights.
	WeightsVersion(u64),
}

/// An inclusive range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Interval<T> {
	/// The least allowed value.
	pub min: T,
	/// The largest allowed value.
	pub max: T,
}

impl<T: PartialOrd + Copy> Interval<T> {
	/// A range from `min` to `max`.
	pub const fn new(min: T, max: T) -> Self {
		Self { min, max }
	}
	/// Whether `x` lies in the range.
	pub fn contains(&self, x: T) -> bool {
		self.min <= x && x <= self.max
	}
	/// Whether the range is not empty.
	pub fn is_valid(&self) -> bool {
		self.min <= self.max
	}
}

/// The ranges root allows subnet owners to set hyperparameters in.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct ParamBounds {
	/// Allowed tempos.
	pub tempo: Interval<u16>,
	/// Allowed `max_uids`.
	pub max_uids: Interval<u16>,
	/// Allowed `max_validators`.
	pub max_validators: Interval<u16>,
	/// Allowed kappas.
	pub kappa: Interval<u16>,
	/// Allowed bonds moving averages.
	pub bonds_moving_average: Interval<u32>,
	/// Allowed bonds penalties.
	pub bonds_penalty: Interval<u16>,
	/// Allowed immunity periods.
	pub immunity_period: Interval<u32>,
	/// Allowed activity cutoffs.
	pub activity_cutoff: Interval<u32>,
	/// Allowed weights rate limits.
	pub weights_rate_limit: Interval<u32>,
	/// Allowed `min_weights`.
	pub min_weights: Interval<u16>,
	/// Allowed reveal periods.
	pub reveal_period: Interval<u8>,
	/// Allowed liquid-alpha bounds (both `low` and `high`).
	pub alpha: Interval<u16>,
	/// Allowed liquid-alpha steepnesses.
	pub alpha_steepness: Interval<u16>,
}

impl Default for ParamBounds {
	fn default() -> Self {
		Self {
			tempo: Interval::new(5, 7_200),
			max_uids: Interval::new(8, MAX_UIDS as u16),
			max_validators: Interval::new(1, MAX_VALIDATORS),
			kappa: Interval::new(16_384, 49_151),
			bonds_moving_average: Interval::new(0, 1_000_000),
			bonds_penalty: Interval::new(0, u16::MAX),
			immunity_period: Interval::new(0, 100_000),
			activity_cutoff: Interval::new(10, 100_000),
			weights_rate_limit: Interval::new(0, 7_200),
			min_weights: Interval::new(1, 1_024),
			reveal_period: Interval::new(1, 10),
			alpha: Interval::new(1, u16::MAX),
			alpha_steepness: Interval::new(1, 10_000),
		}
	}
}

/// Why a hyperparameter or a set of bounds was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamError {
	/// Outside root's bounds.
	OutOfBounds,
	/// Inconsistent with the subnet's other parameters or state.
	Inconsistent,
}

impl ParamBounds {
	/// Every range is non-empty and within what the chain can run at all.
	pub fn is_valid(&self) -> bool {
		self.tempo.is_valid()
			&& self.tempo.min >= 1
			&& self.max_uids.is_valid()
			&& self.max_uids.min >= 1
			&& self.max_uids.max as u32 <= MAX_UIDS
			&& self.max_validators.is_valid()
			&& self.max_validators.min >= 1
			&& self.max_validators.max <= MAX_VALIDATORS
			&& self.kappa.is_valid()
			&& self.bonds_moving_average.is_valid()
			&& self.bonds_moving_average.max <= 1_000_000
			&& self.bonds_penalty.is_valid()
			&& self.immunity_period.is_valid()
			&& self.activity_cutoff.is_valid()
			&& self.weights_rate_limit.is_valid()
			&& self.min_weights.is_valid()
			&& self.reveal_period.is_valid()
			&& self.reveal_period.min >= 1
			&& self.alpha.is_valid()
			&& self.alpha_steepness.is_valid()
	}

	/// Whether `params` lies entirely within the bounds.
	pub fn admits(&self, p: &SubnetParams) -> bool {
		self.tempo.contains(p.tempo)
			&& self.max_uids.contains(p.max_uids)
			&& self.max_validators.contains(p.max_validators)
			&& p.max_validators <= p.max_uids
			&& self.kappa.contains(p.kappa)
			&& self.bonds_moving_average.contains(p.bonds_moving_average)
			&& self.bonds_penalty.contains(p.bonds_penalty)
			&& self.immunity_period.contains(p.immunity_period)
			&& self.activity_cutoff.contains(p.activity_cutoff)
			&& self.weights_rate_limit.contains(p.weights_rate_limit)
			&& self.min_weights.contains(p.min_weights)
			&& self.reveal_period.contains(p.reveal_period)
			&& self.alpha.contains(p.alpha_low)
			&& self.alpha.contains(p.alpha_high)
			&& p.alpha_low < p.alpha_high
			&& self.alpha_steepness.contains(p.alpha_steepness)
	}

	/// `params` with `change` applied, if the bounds admit it; `neurons` is the
	/// subnet's current size (it may not shrink below it).
	pub fn apply(
		&self,
		params: &SubnetParams,
		change: &Hyperparameter,
		neurons: u16,
	) -> Result<SubnetParams, ParamError> {
		let mut p = params.clone();
		let in_range = match *change {
			Hyperparameter::Tempo(x) => (self.tempo.contains(x), p.tempo = x).0,
			Hyperparameter::MaxUids(x) => {
				if x < neurons {
					return Err(ParamError::Inconsistent);
				}
				(self.max_uids.contains(x), p.max_uids = x).0
			},
			Hyperparameter::MaxValidators(x) => (self.max_validators.contains(x), p.max_validators = x).0,
			Hyperparameter::Kappa(x) => (self.kappa.contains(x), p.kappa = x).0,
			Hyperparameter::BondsMovingAverage(x) => {
				(self.bonds_moving_average.contains(x), p.bonds_moving_average = x).0
			},
			Hyperparameter::BondsPenalty(x) => (self.bonds_penalty.contains(x), p.bonds_penalty = x).0,
			Hyperparameter::ImmunityPeriod(x) => (self.immunity_period.contains(x), p.immunity_period = x).0,
			Hyperparameter::ActivityCutoff(x) => (self.activity_cutoff.contains(x), p.activity_cutoff = x).0,
			Hyperparameter::WeightsRateLimit(x) => (self.weights_rate_limit.contains(x), p.weights_rate_limit = x).0,
			Hyperparameter::MinWeights(x) => (self.min_weights.contains(x), p.min_weights = x).0,
			Hyperparameter::CommitReveal(x) => (true, p.commit_reveal = x).0,
			Hyperparameter::RevealPeriod(x) => (self.reveal_period.contains(x), p.reveal_period = x).0,
			Hyperparameter::Variant(x) => (true, p.variant = x).0,
			Hyperparameter::LiquidAlpha(x) => (true, p.liquid_alpha = x).0,
			Hyperparameter::AlphaValues(low, high) => {
				if low >= high {
					return Err(ParamError::Inconsistent);
				}
				p.alpha_low = low;
				p.alpha_high = high;
				self.alpha.contains(low) && self.alpha.contains(high)
			},
			Hyperparameter::AlphaSteepness(x) => (self.alpha_steepness.contains(x), p.alpha_steepness = x).0,
			Hyperparameter::WeightsVersion(x) => (true, p.weights_version = x).0,
		};
		if !in_range {
			return Err(ParamError::OutOfBounds);
		}
		if p.max_validators > p.max_uids {
			return Err(ParamError::Inconsistent);
		}
		Ok(p)
	}
}

/// Where a neuron serves: an IPv6 address (IPv4 as `::ffff:a.b.c.d`) and a port.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct Endpoint {
	/// IPv6 address bytes, network order (IPv4 as `::ffff:a.b.c.d`).
	pub ip: [u8; 16],
	/// TCP port.
	pub port: u16,
}

impl Endpoint {
	/// Routable enough to publish: not the unspecified address, not port 0.
	pub fn is_valid(&self) -> bool {
		self.port != 0 && self.ip != [0u8; 16]
	}
}

/// A weights commit: its hash, the block and the subnet epoch it was made in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct WeightCommit<BlockNumber> {
	/// `blake2_256` of the revealed weights (see the crate docs for the preimage).
	pub hash: [u8; 32],
	/// The block the commit was made in.
	pub block: BlockNumber,
	/// The subnet's epoch counter when it was made.
	pub epoch: u64,
}

impl<BlockNumber> WeightCommit<BlockNumber> {
	/// The value of the subnet's epoch counter at which this commit must be revealed:
	/// `reveal_period` epochs after the one it was made in.
	pub fn reveal_epoch(&self, reveal_period: u8) -> u64 {
		self.epoch.saturating_add(reveal_period.into())
	}

	/// Whether the commit can still be revealed while the epoch counter is `epochs`
	/// (the one rule of commit liveness: at or before its reveal epoch).
	pub fn is_live(&self, reveal_period: u8, epochs: u64) -> bool {
		self.reveal_epoch(reveal_period) >= epochs
	}
}

/// Per-uid results of the last epoch.
#[derive(
	Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct NeuronStats {
	/// Whether the uid held a validator permit.
	pub validator_permit: bool,
	/// Whether the uid was active (set weights recently enough).
	pub active: bool,
	/// Consensus weight, a `u16` fraction of 65535.
	pub consensus: u16,
	/// Incentive (miner share), a `u16` fraction of 65535.
	pub incentive: u16,
	/// Dividends (validator share), a `u16` fraction of 65535.
	pub dividends: u16,
	/// Validator trust, a `u16` fraction of 65535.
	pub validator_trust: u16,
	/// What the uid earned at the last epoch (miner plus validator parts).
	pub emission: u128,
}

/// What one epoch paid, for explorers.
#[derive(
	Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct EpochAccounting<BlockNumber> {
	/// The block the epoch ran in.
	pub block: BlockNumber,
	/// The subnet's epoch counter (1 for its first).
	pub epoch: u64,
	/// The pending emission the epoch took.
	pub emission: u128,
	/// The owner's cut.
	pub to_owner: u128,
	/// Credited to miners (incentive).
	pub to_miners: u128,
	/// Credited to validators (dividends; their take applied by staking).
	pub to_validators: u128,
	/// Not paid (rounding, refused credits): pending again for the next epoch.
	pub carried: u128,
}

/// A subnet.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct SubnetInfo<AccountId, Balance, BlockNumber> {
	/// The coldkey that created it.
	pub owner: AccountId,
	/// What the owner locked (held) to create it.
	pub lock: Balance,
	/// When it was created.
	pub created_at: BlockNumber,
	/// Its hyperparameters.
	pub params: SubnetParams,
	/// The owner's last hyperparameter change (`None` before the first).
	pub params_changed_at: Option<BlockNumber>,
	/// Epochs run so far.
	pub epochs: u64,
	/// The block of its last epoch.
	pub last_epoch: Option<BlockNumber>,
	/// The variant whose encoding the stored bonds are in (the variant of the epoch
	/// that wrote them). When the subnet's variant changes, the next epoch starts from
	/// no bonds rather than reading one variant's bonds as the other's.
	pub bonds_variant: YumaVariant,
	/// The registration price as of `burn_updated_at`.
	pub burn: Balance,
	/// When `burn` was last set.
	pub burn_updated_at: BlockNumber,
}

/// What every block reads about each subnet: its id, tempo and stake.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
pub struct SubnetEntry<Balance> {
	/// The subnet.
	pub netuid: NetUid,
	/// Blocks between epochs.
	pub tempo: u16,
	/// The stake of its neurons at its last epoch (its weight in the reward split).
	pub stake: Balance,
}
