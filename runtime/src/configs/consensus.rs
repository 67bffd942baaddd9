//! Block authoring (Aura), time (Timestamp) and finality (GRANDPA).
//!
//! The slot duration is not a constant of this file: it is the genesis preset's
//! `hearthParams.slotDurationMs`, read through `pallet_hearth_params`.

use crate::{Aura, Moment, Runtime, RuntimeEvent};
use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

/// The most authorities Aura and GRANDPA accept.
pub(super) type MaxAuthorities = ConstU32<32>;

impl pallet_timestamp::Config for Runtime {
	type Moment = Moment;
	type OnTimestampSet = Aura;
	type MinimumPeriod = pallet_hearth_params::MinimumPeriod<Runtime>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_hearth_params::SlotDuration<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No session pallet yet, so equivocations cannot be proven against a key owner.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}
