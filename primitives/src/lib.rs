//! # Hearth primitives
//!
//! What Hearth's pallets share, so that no pallet imports another: the runtime wires
//! each trait below to the pallet that implements it (as `sp-staking` does for
//! polkadot-sdk's staking pallets).
//!
//! | module | what | implemented by |
//! |---|---|---|
//! | [`ids`] | [`NetUid`], [`Uid`] | — |
//! | [`units`] | [`HTH`](units::HTH) and its fractions, block-time units, [`EMISSION_SCHEDULE`] | — |
//! | [`gpu`] | [`GpuSpec`], [`GpuVendor`] | — |
//! | [`stake`] | [`StakeInspect`], [`StakeReward`], [`StakeSlash`], [`PendingSlash`] | staking; slashing (`PendingSlash`) |
//! | [`offence`] | [`ReportOffence`], [`OffenceKind`], [`Subject`], [`SlashId`] | slashing |
//! | [`emission`] | [`SubnetStakes`], [`SubnetDemand`], [`EmissionPot`] | subnets, leases, emissions |
//! | [`subnet`] | [`SubnetNeurons`], [`OnSubnetDissolved`], [`ServedModels`] | subnets; leases and jobs (`OnSubnetDissolved`), jobs (`ServedModels`) |
//! | [`jobs`] | [`SubnetMiners`], [`LeaseDisputes`] | subnets, leases |
//! | [`receipt`] | [`Receipt`], [`SignedReceipt`], request and job keys | — |
//! | [`queue`] | [`push_first_with_room`](queue::push_first_with_room) | — |
//! | [`escrow`] | [`take_in`](escrow::take_in), [`pay_out`](escrow::pay_out), [`burn`](escrow::burn) | — |
//! | [`genesis`] | [`endow_pallet_account`](genesis::endow_pallet_account) | — |
//!
//! `no_std`; the pure crates beside it (`hearth-yuma`, `hearth-halving`) know nothing of
//! FRAME, this one only its currency traits.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod emission;
pub mod escrow;
pub mod genesis;
pub mod gpu;
pub mod ids;
pub mod jobs;
pub mod offence;
pub mod queue;
pub mod receipt;
pub mod stake;
pub mod subnet;
pub mod units;

pub use emission::{EmissionPot, SubnetDemand, SubnetStakes};
pub use gpu::{GpuSpec, GpuVendor, MaxModelLen};
pub use ids::{NetUid, Uid};
pub use jobs::{LeaseDisputes, LeaseParties, SubnetMiners};
pub use offence::{OffenceKind, ReportOffence, SlashId, Subject};
pub use receipt::{ModelId, Receipt, Served, SignedReceipt, Trace};
pub use stake::{HotkeyInUse, PendingSlash, StakeInspect, StakeLowered, StakeReward, StakeSlash};
pub use subnet::{OnSubnetDissolved, ServedModels, SubnetNeurons};
pub use units::EMISSION_SCHEDULE;
