//! A runtime with balances, staking, emissions and subnets, all real pallets.
//! `build_and_execute` checks every pallet's invariants after each test.

use crate as pallet_hearth_subnets;
use frame_support::{derive_impl, parameter_types, traits::ConstU32, PalletId};
use frame_system::EnsureRoot;
use sp_runtime::{BuildStorage, Perbill};

pub(crate) type AccountId = u64;
pub(crate) type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

pub(crate) const ED: Balance = 10;
pub(crate) const MIN_LOCK: Balance = 1_000;
pub(crate) const MIN_BURN: Balance = 100;
pub(crate) const MAX_BURN: Balance = 10_000;
pub(crate) const TEMPO: u16 = 10;

/// Coldkeys, funded.
pub(crate) const ALICE: AccountId = 1;
pub(crate) const BOB: AccountId = 2;
pub(crate) const CHARLIE: AccountId = 3;
/// Alice's hotkeys 11..=19, Bob's 21..=29 (registered with staking by `hotkey`).
pub(crate) const OWNER: AccountId = 9;

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
	pub type Staking = pallet_hearth_staking;
	#[runtime::pallet_index(3)]
	pub type Emissions = pallet_hearth_emissions;
	#[runtime::pallet_index(4)]
	pub type Subnets = pallet_hearth_subnets;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

parameter_types! {
	/// Demand brings a subnet at most half of what its leases burn.
	pub const DemandBurnCap: Perbill = Perbill::from_percent(50);
	pub const ExistentialDeposit: Balance = ED;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type DustRemoval = Emissions;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const StakingPalletId: PalletId = PalletId(*b"hth/stak");
	pub const MinStake: Balance = 100;
	pub const MaxTake: Perbill = Perbill::from_percent(50);
	pub const DefaultTake: Perbill = Perbill::from_percent(18);
}

impl pallet_hearth_staking::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type HotkeyDeposit = frame_support::traits::ConstU128<0>;
	type HotkeyInUse = Subnets;
	type PalletId = StakingPalletId;
	type MinStake = MinStake;
	type MaxUnbondingChunks = ConstU32<4>;
	type MaxHotkeysPerColdkey = ConstU32<16>;
	type MaxTake = MaxTake;
	type DefaultTake = DefaultTake;
	type TakeIncreaseDelay = frame_support::traits::ConstU64<5>;
	type UnbondingPeriod = frame_support::traits::ConstU64<20>;
	type PendingSlash = ();
	type StakeLowered = Subnets;
	type WeightInfo = ();
	type OwnershipProof = sp_runtime::testing::TestSignature;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_hearth_staking::testing::TestHotkeys<60_000>;
}

parameter_types! {
	// u64 accounts keep only 4 bytes of the id: they must differ from staking's.
	pub const EmissionsPalletId: PalletId = PalletId(*b"emis/hth");
}

impl pallet_hearth_emissions::Config for Test {
	type Currency = Balances;
	type PalletId = EmissionsPalletId;
	type Subnets = Subnets;
	/// Demand brings a subnet at most half of what its leases burn.
	type DemandBurnCap = DemandBurnCap;
	type Demand = ();
	type MaxSubnets = ConstU32<4>;
	type AdminOrigin = EnsureRoot<AccountId>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

parameter_types! {
	pub const MinLock: Balance = MIN_LOCK;
	pub const MinBurn: Balance = MIN_BURN;
	pub const MaxBurn: Balance = MAX_BURN;
	pub const BurnDecay: Perbill = Perbill::from_percent(10);
	pub const BurnIncrease: Perbill = Perbill::from_percent(50);
	pub const OwnerCut: Perbill = Perbill::from_percent(18);
}

impl pallet_hearth_subnets::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Staking = Staking;
	type OnDissolve = ();
	type Models = ();
	type Emission = Emissions;
	type Burn = Emissions;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxSubnets = ConstU32<4>;
	type MaxEpochsPerBlock = ConstU32<1>;
	type MaxCommits = ConstU32<2>;
	type MaxGpuKinds = ConstU32<4>;
	type MinLock = MinLock;
	type LockDecayBlocks = frame_support::traits::ConstU64<100>;
	type MinBurn = MinBurn;
	type MaxBurn = MaxBurn;
	type BurnDecay = BurnDecay;
	type BurnIncrease = BurnIncrease;
	type OwnerCut = OwnerCut;
	type ParamsRateLimit = frame_support::traits::ConstU64<5>;
	type EpochFreezeBlocks = frame_support::traits::ConstU64<1>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = StakeHelper;
}

/// Stakes through the real staking pallet.
#[cfg(feature = "runtime-benchmarks")]
pub struct StakeHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for StakeHelper {
	fn stake(coldkey: &AccountId, hotkey: &AccountId, stake: u128) {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(coldkey, stake * 2 + (1 << 60));
		if pallet_hearth_staking::Owner::<Test>::get(*hotkey).is_none() {
			claim(*coldkey, *hotkey);
		}
		Staking::add_stake(RuntimeOrigin::signed(*coldkey), *hotkey, stake).expect("benchmark stake");
	}

	fn fund_pending(netuid: crate::types::NetUid, amount: u128) {
		use frame_support::traits::fungible::Mutate;
		let pot = pallet_hearth_emissions::Pallet::<Test>::account_id();
		let _ = Balances::mint_into(&pot, amount);
		pallet_hearth_emissions::PendingEmission::<Test>::mutate(netuid, |p| *p = p.saturating_add(amount));
		pallet_hearth_emissions::Emitted::<Test>::mutate(|e| *e = e.saturating_add(amount));
	}
}

/// Builds the tests' genesis (funded accounts) and runs tests in it, checking every
/// pallet's invariants afterwards.
pub(crate) struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { balances: vec![(ALICE, 10_000_000), (BOB, 10_000_000), (CHARLIE, 10_000_000), (OWNER, 10_000_000)] }
	}
}

impl ExtBuilder {
	/// The genesis state.
	pub(crate) fn build(self) -> sp_io::TestExternalities {
		RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances: self.balances, ..Default::default() },
			staking: Default::default(),
			emissions: Default::default(),
			subnets: pallet_hearth_subnets::GenesisConfig { default_tempo: TEMPO, min_tempo: 0, ..Default::default() },
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
			Subnets::do_try_state().expect("subnets invariants hold");
			Staking::do_try_state().expect("staking invariants hold");
			Emissions::do_try_state().expect("emissions invariants hold");
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

/// The subnets events emitted so far.
pub(crate) fn subnet_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Subnets(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Claims `hotkey` for `coldkey` in the staking pallet.
pub(crate) fn claim(coldkey: AccountId, hotkey: AccountId) {
	pallet_hearth_staking::testing::claim::<Test>(coldkey, hotkey);
}
