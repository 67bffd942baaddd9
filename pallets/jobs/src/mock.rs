//! A runtime with balances and jobs; subnets, leases, offences and the burn sink are
//! test doubles, and receipts are signed with `TestSignature`.

use crate as pallet_hearth_jobs;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Credit, ConstU32, ConstU64, Imbalance, OnUnbalanced},
	PalletId,
};
use hearth_primitives::{LeaseParties, NetUid, OffenceKind, SlashId, Subject};
use sp_runtime::{testing::TestSignature, BuildStorage, DispatchError, DispatchResult, Perbill};
use std::cell::RefCell;
use std::collections::BTreeMap;

pub(crate) type AccountId = u64;
pub(crate) type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

pub(crate) const ED: Balance = 10;
pub(crate) const BOND: Balance = 5_000;
pub(crate) const MIN_FEE: Balance = 100;
pub(crate) const WINDOW: u64 = 20;
pub(crate) const RETENTION: u64 = 30;
pub(crate) const MAX_DEADLINE: u64 = 50;
pub(crate) const DEPOSIT_BASE: Balance = 1_000;
pub(crate) const DEPOSIT_PER_BYTE: Balance = 2;
/// The dispute budget: 2 million multiply-adds, 4096 values, 64 KiB chunks.
pub(crate) const BUDGET_MACS: u64 = 2_000_000;
pub(crate) const BUDGET_VALUES: u64 = 4096;
pub(crate) const BUDGET_CHUNK: u32 = 64 << 10;

/// The subnet owner; tenants; miners (serving neurons of subnet 1); a challenger.
pub(crate) const OWNER: AccountId = 1;
pub(crate) const TENANT: AccountId = 2;
pub(crate) const TENANT2: AccountId = 3;
pub(crate) const M1: AccountId = 11;
pub(crate) const M2: AccountId = 12;
pub(crate) const M3: AccountId = 13;
pub(crate) const CHALLENGER: AccountId = 21;
pub(crate) const STRANGER: AccountId = 22;
pub(crate) const NETUID: NetUid = 1;
/// A lease TENANT holds with M1 on subnet 1.
pub(crate) const LEASE: u64 = 7;

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
	pub type Jobs = pallet_hearth_jobs;
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

/// What the subnets double knows: each subnet's owner and its uids (hotkey, serving).
type SubnetTable = BTreeMap<NetUid, (AccountId, Vec<(AccountId, bool)>)>;

thread_local! {
	static BURNED: RefCell<Balance> = const { RefCell::new(0) };
	static REFUSING: RefCell<bool> = const { RefCell::new(false) };
	static SUBNETS: RefCell<SubnetTable> = const { RefCell::new(BTreeMap::new()) };
	static LEASES: RefCell<BTreeMap<u64, LeaseParties<AccountId>>> = const { RefCell::new(BTreeMap::new()) };
	static CLOSED: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Subnets: subnet 1 owned by OWNER with uids M1, M2, M3 (serving) and TENANT (not
/// serving); subnet 2 owned by OWNER with no uids.
pub struct Subnets;
impl Subnets {
	/// Replaces subnet `netuid`'s uids.
	pub fn set_uids(netuid: NetUid, uids: Vec<(AccountId, bool)>) {
		SUBNETS.with(|s| s.borrow_mut().entry(netuid).or_insert((OWNER, Vec::new())).1 = uids);
	}
}
impl hearth_primitives::SubnetMiners<AccountId> for Subnets {
	fn owner(netuid: NetUid) -> Option<AccountId> {
		SUBNETS.with(|s| s.borrow().get(&netuid).map(|(o, _)| *o))
	}
	fn neuron_count(netuid: NetUid) -> u32 {
		SUBNETS.with(|s| s.borrow().get(&netuid).map_or(0, |(_, u)| u.len() as u32))
	}
	fn serving_miner(netuid: NetUid, uid: u32) -> Option<AccountId> {
		SUBNETS.with(|s| {
			s.borrow()
				.get(&netuid)
				.and_then(|(_, u)| u.get(uid as usize).filter(|(_, serving)| *serving).map(|(h, _)| *h))
		})
	}
}

/// Leases: LEASE is TENANT's with M1 on subnet 1; records closes.
pub struct Leases;
impl Leases {
	pub fn closed() -> Vec<u64> {
		CLOSED.with(|c| c.borrow().clone())
	}
}
impl hearth_primitives::LeaseDisputes<AccountId> for Leases {
	fn parties(lease: u64) -> Option<LeaseParties<AccountId>> {
		LEASES.with(|l| l.borrow().get(&lease).cloned())
	}
	fn close_proven_wrong(lease: u64) -> DispatchResult {
		LEASES.with(|l| l.borrow_mut().remove(&lease));
		CLOSED.with(|c| c.borrow_mut().push(lease));
		Ok(())
	}
}

/// An offence as the slashing double records it.
type Report = (OffenceKind, AccountId, Subject, Option<AccountId>);

/// Where the double keeps its reports: in storage, so that they go with the state
/// (the benchmarks revert it between runs), and a repeated report is refused as
/// slashing refuses it.
const REPORTS: &[u8] = b":mock:offence-reports";

/// Records offence reports; refuses them on demand (a full slashing queue).
pub struct Offences;
impl Offences {
	pub fn reports() -> Vec<Report> {
		frame_support::storage::unhashed::get_or_default(REPORTS)
	}
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
		_at_most: Option<Balance>,
	) -> Result<SlashId, DispatchError> {
		if REFUSING.with(|r| *r.borrow()) {
			return Err(DispatchError::Other("the slashing queue is full"));
		}
		let mut reports = Self::reports();
		if reports.iter().any(|(k, o, s, _)| (*k, *o, *s) == (kind, offender, subject)) {
			return Err(DispatchError::Other("already reported"));
		}
		reports.push((kind, offender, subject, reporter));
		frame_support::storage::unhashed::put(REPORTS, &reports);
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
	pub const JobsPalletId: PalletId = PalletId(*b"hth/jobs");
	pub const TakeRate: Perbill = Perbill::from_percent(10);
}

/// `ConstU128` with a name that reads well below.
pub(crate) type ConstU128Of<const N: u128> = frame_support::traits::ConstU128<N>;

impl pallet_hearth_jobs::Config for Test {
	type Currency = Balances;
	type PalletId = JobsPalletId;
	type Subnets = Subnets;
	type Leases = Leases;
	type Offences = Offences;
	type Burn = Burn;
	type Signature = TestSignature;
	type MaxDisputeMultiplyAdds = ConstU64<BUDGET_MACS>;
	type MaxDisputeValues = ConstU64<BUDGET_VALUES>;
	type MaxChunkBytes = ConstU32<BUDGET_CHUNK>;
	type MaxModelsPerSubnet = ConstU32<3>;
	type ModelDepositBase = ConstU128Of<DEPOSIT_BASE>;
	type ModelDepositPerByte = ConstU128Of<DEPOSIT_PER_BYTE>;
	type MinJobFee = ConstU128Of<MIN_FEE>;
	type MaxJobDeadline = ConstU64<MAX_DEADLINE>;
	type TakeRate = TakeRate;
	type ChallengeWindow = ConstU64<WINDOW>;
	type ChallengeBond = ConstU128Of<BOND>;
	type Retention = ConstU64<RETENTION>;
	type MaxJobsPerBlock = ConstU32<4>;
	type MaxDuePerBlock = ConstU32<4>;
	type MaxScheduleLookahead = ConstU32<8>;
	type AssignmentTries = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Subnets;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, TestSignature> for Subnets {
	fn subnet(netuid: NetUid, owner: &AccountId, miners: u32) {
		use frame_support::traits::fungible::Mutate;
		SUBNETS.with(|s| {
			s.borrow_mut().insert(netuid, (*owner, (0..miners).map(|i| (1000 + u64::from(i), true)).collect()))
		});
		Balances::set_balance(owner, 1 << 60);
	}
	fn miner(_: NetUid, index: u32) -> AccountId {
		use frame_support::traits::fungible::Mutate;
		let who = 1000 + u64::from(index);
		Balances::set_balance(&who, 1 << 40);
		who
	}
	fn sign(miner: &AccountId, payload: &[u8]) -> TestSignature {
		TestSignature(*miner, payload.to_vec())
	}
	fn fund(who: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		Balances::set_balance(who, 1 << 60);
	}
}

/// Every account the tests fund, with its balance.
pub(crate) const FUNDED: [(AccountId, Balance); 8] = [
	(OWNER, 100_000_000),
	(TENANT, 10_000_000),
	(TENANT2, 10_000_000),
	(M1, 100_000),
	(M2, 100_000),
	(M3, 100_000),
	(CHALLENGER, 1_000_000),
	(STRANGER, 1_000_000),
];

/// The genesis state: `FUNDED` balances, the subnets and the lease of the doubles, and
/// a genesis hash of `[0x42; 32]`.
pub(crate) fn new_test_ext() -> sp_io::TestExternalities {
	BURNED.with(|b| *b.borrow_mut() = 0);
	REFUSING.with(|r| *r.borrow_mut() = false);
	CLOSED.with(|c| c.borrow_mut().clear());
	SUBNETS.with(|s| {
		let mut s = s.borrow_mut();
		s.clear();
		s.insert(NETUID, (OWNER, vec![(M1, true), (M2, true), (M3, true), (TENANT, false)]));
		s.insert(2, (OWNER, Vec::new()));
	});
	LEASES.with(|l| {
		let mut l = l.borrow_mut();
		l.clear();
		l.insert(LEASE, LeaseParties { tenant: TENANT, provider: M1, netuid: NETUID });
	});
	let mut ext: sp_io::TestExternalities = RuntimeGenesisConfig {
		system: Default::default(),
		balances: pallet_balances::GenesisConfig { balances: FUNDED.to_vec(), ..Default::default() },
		jobs: Default::default(),
	}
	.build_storage()
	.expect("mock genesis is valid")
	.into();
	ext.execute_with(|| frame_system::BlockHash::<Test>::insert(0, sp_core::H256([0x42; 32])));
	ext
}

/// Runs `test` at block 1, then checks the pallet's invariants.
pub(crate) fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		System::set_block_number(1);
		test();
		Jobs::do_try_state().expect("jobs invariants hold");
	});
}

/// Runs every pallet's hooks block by block up to and including block `n`.
pub(crate) fn run_to(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}

/// The jobs events emitted so far.
pub(crate) fn job_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Jobs(e) => Some(e),
			_ => None,
		})
		.collect()
}
