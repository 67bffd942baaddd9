//! A runtime with balances and leases; stake, subnet membership, offences and the burn
//! sink are test doubles.

use crate as pallet_hearth_leases;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Credit, ConstU32, ConstU64, Imbalance, OnUnbalanced},
	PalletId,
};
use hearth_primitives::{NetUid, OffenceKind, SlashId, Subject};
use sp_runtime::{BuildStorage, DispatchError, Perbill};
use std::cell::RefCell;

pub(crate) type AccountId = u64;
pub(crate) type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

pub(crate) const ED: Balance = 10;
pub(crate) const BOND: Balance = 1_000;
pub(crate) const MIN_STAKE: Balance = 500;
pub(crate) const BID_WINDOW: u64 = 5;
/// A bid may be accepted for 100 blocks.
pub(crate) const BID_LIFETIME: u64 = 100;
/// The least deposit of an order.
pub(crate) const MIN_ORDER_DEPOSIT: Balance = 1_000;
/// A manual order may be accepted for 500 blocks.
pub(crate) const ORDER_LIFETIME: u64 = 500;
/// A provider has at most 3 bids open.
pub(crate) const MAX_OPEN_BIDS: u32 = 3;
pub(crate) const HEARTBEAT: u64 = 10;
pub(crate) const MISSED: u32 = 3;
pub(crate) const MIN_DEPOSIT_BLOCKS: u64 = 10;

/// Tenants (funded coldkeys).
pub(crate) const TENANT: AccountId = 1;
pub(crate) const TENANT2: AccountId = 2;
/// Providers (funded hotkeys with stake, neurons of subnet 1).
pub(crate) const P1: AccountId = 11;
pub(crate) const P2: AccountId = 12;
pub(crate) const P3: AccountId = 13;
/// A hotkey with no stake; one that is not a neuron.
pub(crate) const UNSTAKED: AccountId = 14;
pub(crate) const STRANGER: AccountId = 15;
pub(crate) const NETUID: NetUid = 1;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeTask,
		RuntimeHoldReason,
		RuntimeFreezeReason
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Leases = pallet_hearth_leases;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

parameter_types! {
	pub const ExistentialDeposit: Balance = ED;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
}

thread_local! {
	static BURNED: RefCell<Balance> = const { RefCell::new(0) };
	static REPORTS: RefCell<Vec<(OffenceKind, AccountId, Subject, Option<AccountId>)>> = const { RefCell::new(Vec::new()) };
	static STAKED: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
	static REFUSING: RefCell<bool> = const { RefCell::new(false) };
	static LAST_CAP: RefCell<Option<Balance>> = const { RefCell::new(None) };
}

/// Makes `hotkey` a provider: funded, and with `MIN_STAKE` of stake in the mock's
/// staking double (every account but STRANGER is a neuron of subnet 1).
pub(crate) fn make_provider(hotkey: AccountId) {
	use frame_support::traits::fungible::Mutate;
	STAKED.with(|s| s.borrow_mut().push(hotkey));
	Balances::set_balance(&hotkey, 1 << 40);
}

/// Stake: P1..P3 and STRANGER (and whoever [`make_provider`] made a provider) have
/// `MIN_STAKE`, everyone else none.
pub struct Stakes;
impl hearth_primitives::StakeInspect<AccountId, Balance> for Stakes {
	fn hotkey_stake(hotkey: &AccountId) -> Balance {
		if STAKED.with(|s| s.borrow().contains(hotkey)) {
			MIN_STAKE
		} else {
			0
		}
	}
	fn owner_of(_: &AccountId) -> Option<AccountId> {
		None
	}
}

/// Subnet 1's neurons: everyone but STRANGER.
pub struct Neurons;
impl hearth_primitives::SubnetNeurons<AccountId> for Neurons {
	fn is_neuron(netuid: NetUid, hotkey: &AccountId) -> bool {
		netuid == NETUID && *hotkey != STRANGER
	}
	fn subnet_exists(netuid: NetUid) -> bool {
		netuid == NETUID
	}
}

/// Records offence reports.
pub struct Offences;
impl Offences {
	pub fn reports() -> Vec<(OffenceKind, AccountId, Subject, Option<AccountId>)> {
		REPORTS.with(|r| r.borrow().clone())
	}
	/// The cap (`at_most`) of the last report.
	pub fn last_cap() -> Option<Balance> {
		LAST_CAP.with(|c| *c.borrow())
	}
	/// Makes reports fail as a full slashing queue does (or succeed again).
	pub fn refuse(refusing: bool) {
		REFUSING.with(|r| *r.borrow_mut() = refusing);
	}
}
impl hearth_primitives::ReportOffence<AccountId> for Offences {
	fn report(
		kind: OffenceKind,
		offender: AccountId,
		subject: Subject,
		reporter: Option<AccountId>,
		at_most: Option<Balance>,
	) -> Result<SlashId, DispatchError> {
		LAST_CAP.with(|c| *c.borrow_mut() = at_most);
		if REFUSING.with(|r| *r.borrow()) {
			return Err(DispatchError::Other("the slashing queue is full"));
		}
		REPORTS.with(|r| r.borrow_mut().push((kind, offender, subject, reporter)));
		Ok(0)
	}
}

/// Counts what is burned.
pub struct Burn;
impl Burn {
	pub fn total() -> Balance {
		BURNED.with(|b| *b.borrow())
	}
}
impl OnUnbalanced<Credit<AccountId, Balances>> for Burn {
	fn on_nonzero_unbalanced(amount: Credit<AccountId, Balances>) {
		BURNED.with(|b| *b.borrow_mut() += amount.peek());
	}
}

parameter_types! {
	pub const LeasesPalletId: PalletId = PalletId(*b"hth/leas");
	pub const TakeRate: Perbill = Perbill::from_percent(10);
	pub const EarlyCloseForfeit: Perbill = Perbill::from_percent(50);
	pub const DemandDecay: Perbill = Perbill::from_percent(1);
}

impl pallet_hearth_leases::Config for Test {
	type Currency = Balances;
	type PalletId = LeasesPalletId;
	type Staking = Stakes;
	type Neurons = Neurons;
	type Offences = Offences;
	type Burn = Burn;
	type MinProviderStake = ConstU128Of<MIN_STAKE>;
	type MaxOffersPerProvider = ConstU32<2>;
	type MinDepositBlocks = ConstU64<MIN_DEPOSIT_BLOCKS>;
	type MinOrderDeposit = ConstU128Of<MIN_ORDER_DEPOSIT>;
	type BidWindow = ConstU64<BID_WINDOW>;
	type BidBond = ConstU128Of<BOND>;
	type BidLifetime = ConstU64<BID_LIFETIME>;
	type OrderLifetime = ConstU64<ORDER_LIFETIME>;
	type MaxOpenBids = ConstU32<MAX_OPEN_BIDS>;
	type EarlyCloseForfeit = EarlyCloseForfeit;
	type HeartbeatInterval = ConstU64<HEARTBEAT>;
	type MaxMissedHeartbeats = ConstU32<MISSED>;
	type TakeRate = TakeRate;
	type DemandDecay = DemandDecay;
	type MaxDeadlinesPerBlock = ConstU32<4>;
	type MaxScheduleLookahead = ConstU32<8>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Neurons;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for Neurons {
	fn provider(_: NetUid, hotkey: &AccountId) {
		make_provider(*hotkey);
	}

	fn subnet(_: NetUid) {}
}

/// `ConstU128` with a name that reads well above.
pub(crate) type ConstU128Of<const N: u128> = frame_support::traits::ConstU128<N>;

/// Every account the tests fund (tenants and providers), with their balance.
pub(crate) const FUNDED: [(AccountId, Balance); 7] = [
	(TENANT, 10_000_000),
	(TENANT2, 10_000_000),
	(P1, 100_000),
	(P2, 100_000),
	(P3, 100_000),
	(UNSTAKED, 100_000),
	(STRANGER, 100_000),
];

/// Builds the tests' genesis: `FUNDED` balances and the staked providers P1..P3 and
/// STRANGER, each overridable.
pub(crate) struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
	providers: Vec<AccountId>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { balances: FUNDED.to_vec(), providers: vec![P1, P2, P3, STRANGER] }
	}
}

impl ExtBuilder {
	/// The genesis state (the test doubles' records start empty).
	pub(crate) fn build(self) -> sp_io::TestExternalities {
		BURNED.with(|b| *b.borrow_mut() = 0);
		REPORTS.with(|r| r.borrow_mut().clear());
		STAKED.with(|s| *s.borrow_mut() = self.providers);
		RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances: self.balances, ..Default::default() },
			leases: Default::default(),
		}
		.build_storage()
		.expect("mock genesis is valid")
		.into()
	}

	/// Runs `test` at block 1, then checks the pallet's invariants.
	pub(crate) fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			System::set_block_number(1);
			test();
			Leases::do_try_state().expect("leases invariants hold");
		});
	}
}

/// [`ExtBuilder::build_and_execute`] with the default genesis.
pub(crate) fn build_and_execute(test: impl FnOnce()) {
	ExtBuilder::default().build_and_execute(test)
}

/// The default genesis state (the benchmark test suite's).
#[cfg(feature = "runtime-benchmarks")]
pub(crate) fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Runs every pallet's hooks block by block up to and including block `n`.
pub(crate) fn run_to(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}

/// The leases events emitted so far.
pub(crate) fn lease_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Leases(e) => Some(e),
			_ => None,
		})
		.collect()
}
