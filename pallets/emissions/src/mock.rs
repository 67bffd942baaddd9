//! A runtime with balances and emissions; subnets and demand are test doubles.
//! `build_and_execute` checks the invariants after every test.

use crate as pallet_hearth_emissions;
use crate::NetUid;
use frame_support::{derive_impl, parameter_types, traits::ConstU32, PalletId};
use frame_system::EnsureRoot;
use sp_runtime::{BuildStorage, Perbill};
use std::cell::RefCell;

pub(crate) type AccountId = u64;
pub(crate) type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

pub(crate) const ED: Balance = 10;
pub(crate) const ALICE: AccountId = 1;
pub(crate) const MAX_SUBNETS: u32 = 8;

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
	pub type Emissions = pallet_hearth_emissions;
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
	type DustRemoval = Emissions;
}

thread_local! {
	static SUBNETS: RefCell<Vec<(NetUid, Balance)>> = const { RefCell::new(Vec::new()) };
	static DEMAND: RefCell<Vec<(NetUid, Balance)>> = const { RefCell::new(Vec::new()) };
}

/// A test double for the subnets pallet: subnets and their stake.
pub struct Subnets;
impl Subnets {
	pub fn set(subnets: Vec<(NetUid, Balance)>) {
		SUBNETS.with(|s| *s.borrow_mut() = subnets);
	}
}
impl crate::SubnetStakes<Balance> for Subnets {
	fn subnet_stakes() -> Vec<(NetUid, Balance)> {
		SUBNETS.with(|s| s.borrow().clone())
	}
}

/// A test double for the leases pallet's demand.
pub struct Demand;
impl Demand {
	pub fn set(demand: Vec<(NetUid, Balance)>) {
		DEMAND.with(|d| *d.borrow_mut() = demand);
	}
}
impl crate::SubnetDemand<Balance> for Demand {
	fn demand(netuid: NetUid) -> Balance {
		DEMAND.with(|d| d.borrow().iter().find(|(n, _)| *n == netuid).map_or(0, |(_, v)| *v))
	}
	/// Burns far above any demand part: the cap does not bind in these tests.
	fn burned(_: NetUid) -> Balance {
		Balance::MAX
	}
}

parameter_types! {
	pub const EmissionsPalletId: PalletId = PalletId(*b"hth/emis");
	pub const DemandBurnCap: Perbill = Perbill::from_percent(50);
}

impl pallet_hearth_emissions::Config for Test {
	type Currency = Balances;
	type PalletId = EmissionsPalletId;
	type Subnets = Subnets;
	type Demand = Demand;
	type DemandBurnCap = DemandBurnCap;
	type MaxSubnets = ConstU32<MAX_SUBNETS>;
	type AdminOrigin = EnsureRoot<AccountId>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper for Subnets {
	fn create_subnets(count: u32) {
		Subnets::set((0..count as u16).map(|n| (n, 1_000 + n as Balance)).collect());
		Demand::set((0..count as u16).map(|n| (n, 10 + n as Balance)).collect());
	}
}

/// Builds the tests' genesis (funded accounts) and runs tests in it, checking every
/// pallet's invariants afterwards.
pub(crate) struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { balances: vec![(ALICE, 1_000_000)] }
	}
}

impl ExtBuilder {
	/// The genesis state.
	pub(crate) fn build(self) -> sp_io::TestExternalities {
		Subnets::set(Vec::new());
		Demand::set(Vec::new());
		RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances: self.balances, ..Default::default() },
			emissions: pallet_hearth_emissions::GenesisConfig {
				demand_blend: Perbill::from_percent(25),
				..Default::default()
			},
		}
		.build_storage()
		.expect("mock genesis is valid")
		.into()
	}

	/// Runs `test` at block 1, then checks every pallet's invariants.
	pub(crate) fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			System::set_block_number(1);
			test();
			Emissions::do_try_state().expect("emissions invariants hold");
		});
	}
}

/// [`ExtBuilder::build_and_execute`] with the default genesis.
pub(crate) fn build_and_execute(test: impl FnOnce()) {
	ExtBuilder::default().build_and_execute(test)
}

/// The default genesis state (the benchmark test suite's).
pub(crate) fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Runs every pallet's hooks block by block up to and including block `n`.
pub(crate) fn run_to(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}

/// The emissions events emitted so far.
pub(crate) fn emissions_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Emissions(e) => Some(e),
			_ => None,
		})
		.collect()
}
