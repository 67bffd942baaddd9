//! A runtime with balances and staking; `build_and_execute` checks the invariants after
//! every test.

use crate as pallet_hearth_staking;
use frame_support::{derive_impl, parameter_types, traits::ConstU32, PalletId};
use sp_runtime::testing::TestSignature;
use sp_runtime::{BuildStorage, Perbill};
use std::cell::RefCell;

pub(crate) type AccountId = u64;
pub(crate) type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

pub(crate) const ED: Balance = 10;
pub(crate) const MIN_STAKE: Balance = 100;
pub(crate) const UNBONDING: u64 = 20;
pub(crate) const TAKE_DELAY: u64 = 5;

/// Coldkeys with 1_000_000 each; hotkeys (no funds).
pub(crate) const ALICE: AccountId = 1;
pub(crate) const BOB: AccountId = 2;
pub(crate) const CHARLIE: AccountId = 3;
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
	static PENDING: RefCell<Vec<AccountId>> = const { RefCell::new(Vec::new()) };
}

/// A test double for the slashing pallet's "slash pending" answer.
pub struct PendingSlashes;
impl PendingSlashes {
	pub fn set(hotkey: AccountId) {
		PENDING.with(|p| p.borrow_mut().push(hotkey));
	}
	pub fn clear() {
		PENDING.with(|p| p.borrow_mut().clear());
	}
}
impl crate::PendingSlash<AccountId> for PendingSlashes {
	fn is_pending(hotkey: &AccountId) -> bool {
		PENDING.with(|p| p.borrow().contains(hotkey))
	}
}

parameter_types! {
	pub const StakingPalletId: PalletId = PalletId(*b"hth/stak");
	pub const MinStake: Balance = MIN_STAKE;
	pub const MaxTake: Perbill = Perbill::from_percent(50);
	pub const DefaultTake: Perbill = Perbill::from_percent(18);
	pub const TakeIncreaseDelay: u64 = TAKE_DELAY;
}

parameter_types! {
	/// The claim deposit: none unless a test sets it.
	pub static HotkeyDeposit: Balance = 0;
	/// Hotkeys another pallet counts on (a test double for subnets and leases).
	pub static HotkeysInUse: Vec<AccountId> = Vec::new();
}

/// Answers from [`HotkeysInUse`].
pub struct InUse;
impl crate::HotkeyInUse<AccountId> for InUse {
	fn in_use(hotkey: &AccountId) -> bool {
		HotkeysInUse::get().contains(hotkey)
	}
}

impl pallet_hearth_staking::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type HotkeyDeposit = HotkeyDeposit;
	type HotkeyInUse = InUse;
	type PalletId = StakingPalletId;
	type MinStake = MinStake;
	type MaxUnbondingChunks = ConstU32<4>;
	type MaxHotkeysPerColdkey = ConstU32<3>;
	type MaxTake = MaxTake;
	type DefaultTake = DefaultTake;
	type TakeIncreaseDelay = TakeIncreaseDelay;
	type UnbondingPeriod = frame_support::traits::ConstU64<UNBONDING>;
	type PendingSlash = PendingSlashes;
	type StakeLowered = ();
	type WeightInfo = ();
	type OwnershipProof = TestSignature;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::testing::TestHotkeys<50_000>;
}

/// The hotkey's proof that `coldkey` may claim it.
pub(crate) fn proof(coldkey: AccountId, hotkey: AccountId) -> TestSignature {
	crate::testing::proof::<Test>(coldkey, hotkey)
}

/// Builds the tests' genesis (funded accounts) and runs tests in it, checking every
/// pallet's invariants afterwards.
pub(crate) struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { balances: vec![(ALICE, 1_000_000), (BOB, 1_000_000), (CHARLIE, 1_000_000)] }
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

/// The staking events emitted so far.
pub(crate) fn staking_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Staking(e) => Some(e),
			_ => None,
		})
		.collect()
}
