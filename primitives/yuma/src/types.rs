//! The inputs and outputs of one epoch.

use alloc::vec::Vec;

/// Which consensus runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
	/// Original Yuma: bonds are an EMA of column-normalised stake-weighted weights,
	/// stored column-max-upscaled.
	Yuma,
	/// Yuma3: bonds are per-validator proportions that move toward the weights, with an
	/// optional per-bond "liquid" alpha; stored as `floor(b * 65535)`.
	Yuma3,
}

/// A subnet's consensus hyperparameters, in their stored integer forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hyperparams {
	/// `kappa = kappa / 65535`: the share of active stake that must support a value.
	pub kappa: u16,
	/// `alpha = 1 - bonds_moving_average / 1_000_000`.
	pub bonds_moving_average: u64,
	/// `bonds_penalty / 65535`: how far bonds follow weights above consensus (1 = not).
	pub bonds_penalty: u16,
	/// How many uids may hold a validator permit.
	pub max_validators: u16,
	/// Blocks without a weights update after which a validator is inactive.
	pub activity_cutoff: u64,
	/// Blocks between epochs (used for the bonds cutoff before the first epoch).
	pub tempo: u64,
	/// Whether weights are committed then revealed (masks weights older than a
	/// registration by the validator's earliest unrevealed commit).
	pub commit_reveal: bool,
	/// Which Yuma.
	pub variant: Variant,
	/// Yuma3 only: per-bond alpha from a sigmoid of the weight's distance to consensus.
	pub liquid_alpha: bool,
	/// Lower bound of the liquid alpha, `/ 65535`.
	pub alpha_low: u16,
	/// Upper bound of the liquid alpha, `/ 65535`.
	pub alpha_high: u16,
	/// Steepness of the liquid alpha sigmoid, `/ 100`.
	pub alpha_steepness: u16,
}

impl Default for Hyperparams {
	/// The defaults of the specification.
	fn default() -> Self {
		Self {
			kappa: 32_767,
			bonds_moving_average: 900_000,
			bonds_penalty: u16::MAX,
			max_validators: 64,
			activity_cutoff: 5_000,
			tempo: 360,
			commit_reveal: false,
			variant: Variant::Yuma3,
			liquid_alpha: false,
			alpha_low: 45_875,
			alpha_high: 58_982,
			alpha_steepness: 1_000,
		}
	}
}

/// One uid as the epoch sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Neuron {
	/// Stake of the uid's hotkey, in any unit that fits u64 (only ratios matter).
	pub stake: u64,
	/// Block at which the uid's current occupant registered.
	pub registered_at: u64,
	/// Block of the uid's last weights update.
	pub last_update: u64,
	/// Whether the previous epoch gave it a validator permit.
	pub validator_permit: bool,
	/// With commit-reveal: the block of its earliest commit not yet revealed.
	pub first_unrevealed_commit: Option<u64>,
}

/// A sparse row of stored u16 values: `(uid, value)`.
pub type U16Row = Vec<(u16, u16)>;

/// Everything one epoch reads.
#[derive(Clone, Copy, Debug)]
pub struct EpochInput<'a> {
	/// The block the epoch runs in.
	pub block: u64,
	/// The block of the subnet's previous epoch; `None` before its first.
	pub last_epoch_block: Option<u64>,
	/// The uids, indexed by uid.
	pub neurons: &'a [Neuron],
	/// Stored weights, one row per uid (max-upscaled u16).
	pub weights: &'a [U16Row],
	/// Stored bonds, one row per uid (as the variant stores them).
	pub bonds: &'a [U16Row],
	/// Hyperparameters.
	pub params: &'a Hyperparams,
	/// Amount to emit, in the smallest unit.
	pub emission: u128,
}

/// Everything one epoch produces, per uid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochOutput {
	/// Whether the uid set weights within the activity cutoff.
	pub active: Vec<bool>,
	/// Validator permits for the next epoch.
	pub validator_permit: Vec<bool>,
	/// Consensus weight of each uid as a miner, `floor(C * 65535)`.
	pub consensus: Vec<u16>,
	/// Incentive (miner share), `floor(I * 65535)`.
	pub incentive: Vec<u16>,
	/// Dividends (validator share), `floor(D * 65535)`.
	pub dividends: Vec<u16>,
	/// Validator trust, `floor(Tv * 65535)`.
	pub validator_trust: Vec<u16>,
	/// Bonds to store for the next epoch.
	pub bonds: Vec<U16Row>,
	/// Amount each uid earns as a miner.
	pub miner_emission: Vec<u128>,
	/// Amount each uid earns as a validator.
	pub validator_emission: Vec<u128>,
}

impl EpochOutput {
	/// Everything the epoch pays out.
	pub fn total_emission(&self) -> u128 {
		self.miner_emission.iter().chain(&self.validator_emission).fold(0u128, |acc, x| acc.saturating_add(*x))
	}
}

/// Why an epoch refused its input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EpochError {
	/// More uids than a u16 can name.
	TooManyUids(usize),
	/// A per-uid list does not have one entry per uid.
	LengthMismatch {
		/// Which input list.
		field: &'static str,
		/// Its expected length (the number of uids).
		expected: usize,
		/// Its length.
		got: usize,
	},
	/// A row names a uid that does not exist.
	UidOutOfRange {
		/// Which input list.
		field: &'static str,
		/// The row (a uid).
		row: usize,
		/// The uid named, not below the number of uids.
		uid: u16,
	},
	/// A row names the same uid twice.
	DuplicateUid {
		/// Which input list.
		field: &'static str,
		/// The row (a uid).
		row: usize,
		/// The uid named twice.
		uid: u16,
	},
}

impl core::fmt::Display for EpochError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::TooManyUids(n) => write!(f, "{n} uids: at most 65536"),
			Self::LengthMismatch { field, expected, got } => {
				write!(f, "`{field}` has {got} rows, expected one per uid ({expected})")
			},
			Self::UidOutOfRange { field, row, uid } => {
				write!(f, "`{field}` row {row} names uid {uid}, which does not exist")
			},
			Self::DuplicateUid { field, row, uid } => write!(f, "`{field}` row {row} names uid {uid} twice"),
		}
	}
}
