//! Balances, the real staking pallet, and slashing; invariants of both are checked
//! after every test.

use crate as pallet_hearth_slashing;
use crate::{OffenceConfig, OffenceKind, OffenceParams};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	PalletId,
};
use sp_runtime::{BuildStorage, Perbill};

pub(crate) type AccountId = u64;
pub(crate) type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

pub(crate) const ED: Balance = 10;
pub(crate) const WINDOW: u64 = 10;
pub(crate) const UNBONDING: u64 = 20;
pub(crate) const ALICE: AccountId = 1;
pub(crate) const BOB: AccountId = 2;
pub(crate) const REPORTER: AccountId = 3;
pub(crate) const HOT_A: AccountId = 101;
pub(crate) const HOT_B: AccountId = 102;

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
	pub type Slashing = pallet_hearth_slashing;
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
	pub const StakingPalletId: PalletId = PalletId(*b"hth/stak");
	pub const MinStake: Balance = 100;
	pub const MaxTake: Perbill = Perbill::from_percent(50);
	pub const DefaultTake: Perbill = Perbill::from_percent(18);
	pub const MaxSlashFraction: Perbill = Perbill::from_percent(50);
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
}

impl pallet_hearth_staking::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type HotkeyDeposit = frame_support::traits::ConstU128<0>;
	type HotkeyInUse = ();
	type PalletId = StakingPalletId;
	type MinStake = MinStake;
	type MaxUnbondingChunks = ConstU32<8>;
	type MaxHotkeysPerColdkey = ConstU32<4>;
	type MaxTake = MaxTake;
	type DefaultTake = DefaultTake;
	type TakeIncreaseDelay = ConstU64<5>;
	type UnbondingPeriod = ConstU64<UNBONDING>;
	type PendingSlash = Slashing;
	type StakeLowered = ();
	type WeightInfo = ();
	type OwnershipProof = sp_runtime::testing::TestSignature;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_hearth_staking::testing::TestHotkeys<60_000>;
}

/// Fractions per kind in the mock: wrong result 10 % (reporter 20 %), lease default
/// 5 % (reporter 50 %), false attestation 20 % (reporter 10 %).
pub struct Offences;
impl OffenceConfig for Offences {
	fn params(kind: OffenceKind) -> OffenceParams {
		let (f, r) = match kind {
			OffenceKind::WrongResult | OffenceKind::Equivocation => (10, 20),
			OffenceKind::LeaseDefault => (5, 50),
			OffenceKind::FalseAttestation => (20, 10),
			OffenceKind::Governance => (0, 0),
		};
		OffenceParams { fraction: Perbill::from_percent(f), reporter_share: Perbill::from_percent(r) }
	}
}

/// Blocks a report is remembered in the tests.
pub(crate) const REPORT_MEMORY: u64 = 100;

impl pallet_hearth_slashing::Config for Test {
	type Currency = Balances;
	type Staking = Staking;
	type Offences = Offences;
	type MaxSlashFraction = MaxSlashFraction;
	type DeferWindow = ConstU64<WINDOW>;
	type MaxSlashesPerBlock = ConstU32<2>;
	type MaxScheduleLookahead = ConstU32<3>;
	type ReportMemory = ConstU64<REPORT_MEMORY>;
	type Burn = ();
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = StakedOffenders;
}

/// Offenders for the benchmarks: each stakes through the real staking pallet, then
/// unbonds a part, so that a slash touches both pools.
#[cfg(feature = "runtime-benchmarks")]
pub struct StakedOffenders;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for StakedOffenders {
	fn staked_hotkey(index: u32) -> AccountId {
		use frame_support::traits::fungible::Mutate;
		let coldkey = 10_000 + AccountId::from(index);
		let hotkey = 20_000 + AccountId::from(index);
		let min = MinStake::get();
		Balances::set_balance(&coldkey, min * 1_000);
		claim(coldkey, hotkey);
		Staking::add_stake(RuntimeOrigin::signed(coldkey), hotkey, min * 100).expect("funded");
		Staking::remove_stake(RuntimeOrigin::signed(coldkey), hotkey, min).expect("staked");
		hotkey
	}

	fn fund(who: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		Balances::set_balance(who, MinStake::get());
	}
}

/// Builds the tests' genesis (funded accounts) and runs tests in it, checking every
/// pallet's invariants afterwards.
pub(crate) struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { balances: vec![(ALICE, 1_000_000), (BOB, 1_000_000), (REPORTER, 1_000)] }
	}
}

impl ExtBuilder {
	/// The genesis state.
	pub(crate) fn build(self) -> sp_io::TestExternalities {
		RuntimeGenesisConfig {
			system: Default::default(),
			balances: pallet_balances::GenesisConfig { balances: self.balances, ..Default::default() },
			staking: Default::default(),
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
			Slashing::do_try_state().expect("slashing invariants hold");
			Staking::do_try_state().expect("staking invariants hold");
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

pub(crate) fn slashing_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Slashing(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Claims `hotkey` for `coldkey` in the staking pallet.
pub(crate) fn claim(coldkey: AccountId, hotkey: AccountId) {
	pallet_hearth_staking::testing::claim::<Test>(coldkey, hotkey);
}
