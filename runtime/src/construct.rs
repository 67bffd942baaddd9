//! The runtime's pallets, by index. `#[frame_support::runtime]` generates the outer
//! types here (`Runtime`, `RuntimeCall`, `RuntimeEvent`, the pallet aliases, ...); the
//! crate root re-exports them.

// The generated types carry no docs.
#![allow(missing_docs)]

use crate::*;

// The runtime APIs use the inherent-data helper the macro generates here (private to
// this module), so they live below it.
#[path = "apis.rs"]
pub mod apis;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type HearthParams = pallet_hearth_params;

	#[runtime::pallet_index(3)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(4)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(5)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(6)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(7)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(8)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(9)]
	pub type Proxy = pallet_proxy;

	#[runtime::pallet_index(10)]
	pub type Staking = pallet_hearth_staking;

	#[runtime::pallet_index(11)]
	pub type Slashing = pallet_hearth_slashing;

	// Genesis and hooks run in index order: the genesis of leases and jobs (their
	// accounts' existential deposits) must be part of the issuance emissions records at
	// genesis, and emissions mints before subnets run their epochs in the same block.
	#[runtime::pallet_index(12)]
	pub type Leases = pallet_hearth_leases;

	// Before emissions for the same reason as leases (its account's existential
	// deposit).
	#[runtime::pallet_index(13)]
	pub type Jobs = pallet_hearth_jobs;

	#[runtime::pallet_index(14)]
	pub type Emissions = pallet_hearth_emissions;

	#[runtime::pallet_index(15)]
	pub type Subnets = pallet_hearth_subnets;

	// Off chain only: the validator's scoring worker (no storage, calls or events).
	#[runtime::pallet_index(16)]
	pub type Scoring = pallet_hearth_scoring;
}
