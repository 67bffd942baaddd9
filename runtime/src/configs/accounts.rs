//! Money and accounts: balances, fees, sudo, batching and proxies.

use crate::{
	deposit, Balance, Balances, Emissions, OriginCaller, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, System, EXISTENTIAL_DEPOSIT, TRANSACTION_BYTE_FEE,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU8, InstanceFilter},
	weights::{ConstantMultiplier, IdentityFee},
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use scale_info::TypeInfo;
use sp_runtime::traits::One;

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	/// Dust below the existential deposit is burned (and counted by emissions).
	type DustRemoval = Emissions;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = ConstU32<8>;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are burned through emissions' sink: total issuance falls by exactly what
	/// is paid, and the burn is counted in the supply identity.
	type OnChargeTransaction = FungibleAdapter<Balances, Emissions>;
	/// One smallest unit per picosecond of compute.
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<TRANSACTION_BYTE_FEE>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

/// What a proxy account may do on behalf of the account that appointed it.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Anything the account itself may do.
	#[default]
	Any,
	/// Only calls that move no value out of the account's control ([`moves_no_value`]),
	/// directly or inside batches and nested proxies.
	NonTransfer,
	/// Only rejecting announcements of other proxies (a safety key).
	CancelProxy,
}

/// The calls a `NonTransfer` proxy may make: an allow-list, so that a call added later
/// is refused until someone decides it moves no value. Each keeps every unit with the
/// principal (its own hotkeys, its own unbonding, its own earnings and refunds); what
/// could send value elsewhere is left out: transfers, staking to a hotkey (`add_stake`),
/// registrations and subnets (burned or locked), orders, bids, acceptances, top-ups and
/// closes (escrow and bonds that an accomplice could collect), model deposits, job fees
/// and challenge bonds (a bond lost goes to the miner), pure proxies (a deposit
/// locked, or an account destroyed) and `Sudo` (its inner call escapes the filter).
/// Batches and proxies are allowed: their inner calls are filtered again.
pub(crate) fn moves_no_value(call: &RuntimeCall) -> bool {
	use pallet_hearth_jobs::Call as Jobs;
	use pallet_hearth_leases::Call as Leases;
	use pallet_hearth_staking::Call as Staking;
	use pallet_hearth_subnets::Call as Subnets;
	matches!(
		call,
		RuntimeCall::System(frame_system::Call::remark { .. } | frame_system::Call::remark_with_event { .. })
			| RuntimeCall::Staking(
				Staking::register_hotkey { .. }
					| Staking::remove_stake { .. }
					| Staking::withdraw_unbonded { .. }
					| Staking::set_take { .. }
					| Staking::move_stake { .. }
					| Staking::forget_hotkey { .. }
			) | RuntimeCall::Subnets(
			Subnets::set_hyperparameter { .. }
				| Subnets::serve { .. }
				| Subnets::set_gpus { .. }
				| Subnets::set_weights { .. }
				| Subnets::commit_weights { .. }
				| Subnets::reveal_weights { .. }
		) | RuntimeCall::Leases(
			Leases::publish_offer { .. }
				| Leases::update_offer { .. }
				| Leases::remove_offer { .. }
				| Leases::cancel_order { .. }
				| Leases::withdraw_bid { .. }
				| Leases::withdraw { .. }
				| Leases::heartbeat { .. }
				| Leases::report_default { .. }
		) | RuntimeCall::Jobs(
			Jobs::retire_model { .. }
				| Jobs::remove_model { .. }
				| Jobs::submit_result { .. }
				| Jobs::report_equivocation { .. }
		) | RuntimeCall::Proxy(
			pallet_proxy::Call::proxy { .. }
				| pallet_proxy::Call::add_proxy { .. }
				| pallet_proxy::Call::remove_proxy { .. }
				| pallet_proxy::Call::remove_proxies { .. }
				| pallet_proxy::Call::announce { .. }
				| pallet_proxy::Call::remove_announcement { .. }
				| pallet_proxy::Call::reject_announcement { .. }
				| pallet_proxy::Call::proxy_announced { .. }
		) | RuntimeCall::Utility(
			pallet_utility::Call::batch { .. }
				| pallet_utility::Call::batch_all { .. }
				| pallet_utility::Call::force_batch { .. }
		)
	)
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => moves_no_value(call),
			ProxyType::CancelProxy => matches!(
				call,
				RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement { .. })
					| RuntimeCall::Utility(pallet_utility::Call::batch { .. })
					| RuntimeCall::Utility(pallet_utility::Call::batch_all { .. })
					| RuntimeCall::Utility(pallet_utility::Call::force_batch { .. })
			),
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(x, y) if x == y => true,
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			(ProxyType::NonTransfer, _) => true,
			_ => false,
		}
	}
}

parameter_types! {
	/// A proxy entry: one storage item plus the account's 8-byte header.
	pub const ProxyDepositBase: Balance = deposit(1, 8);
	/// Each proxy: an account id (32 bytes) and a proxy type (1 byte).
	pub const ProxyDepositFactor: Balance = deposit(0, 33);
	pub const AnnouncementDepositBase: Balance = deposit(1, 8);
	/// Each announcement: an account id, a call hash and a block number.
	pub const AnnouncementDepositFactor: Balance = deposit(0, 68);
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = ConstU32<32>;
	type WeightInfo = pallet_proxy::weights::SubstrateWeight<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = sp_runtime::traits::BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
}
