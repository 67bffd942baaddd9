//! The pallets whose calls are benchmarked in this runtime (`runtime-benchmarks` only).
//! Run with `frame-omni-bencher v1 benchmark pallet --runtime <wasm> ...` (see README).

use crate::*;
use alloc::{string::String, vec::Vec};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList, Benchmarking};
use frame_support::traits::Get;
use frame_system_benchmarking::Pallet as SystemBench;

impl frame_system_benchmarking::Config for Runtime {}

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_hearth_staking, Staking]
	[pallet_hearth_slashing, Slashing]
	[pallet_hearth_emissions, Emissions]
	[pallet_hearth_subnets, Subnets]
	[pallet_hearth_leases, Leases]
	[pallet_hearth_jobs, Jobs]
);

/// Hotkeys with real sr25519 keys (generated in the benchmark's keystore) and their
/// signatures of a claim, so that `register_hotkey` is measured verifying one.
pub struct StakingHelper;
impl pallet_hearth_staking::BenchmarkHelper<AccountId, Signature> for StakingHelper {
	fn hotkey_with_proof(_index: u32, message: &[u8]) -> (AccountId, Signature) {
		use sp_runtime::{app_crypto::RuntimePublic, traits::IdentifyAccount};
		const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"hthb");
		let public = sp_core::sr25519::Public::generate_pair(KEY_TYPE, None);
		let signature = public.sign(KEY_TYPE, &message).expect("the keystore signs");
		(sp_runtime::MultiSigner::from(public).into_account(), signature.into())
	}
}

/// Offenders with stake in their pool and their unbonding pool, staked through the
/// runtime's staking pallet.
pub struct SlashingHelper;
impl pallet_hearth_slashing::BenchmarkHelper<AccountId> for SlashingHelper {
	fn staked_hotkey(index: u32) -> AccountId {
		use frame_benchmarking::account;
		use frame_support::traits::fungible::Mutate;
		let coldkey: AccountId = account("coldkey", index, 0);
		let hotkey: AccountId = account("hotkey", index, 0);
		let min = <Runtime as pallet_hearth_staking::Config>::MinStake::get();
		let _ = Balances::set_balance(&coldkey, min.saturating_mul(1_000));
		let _ = Staking::benchmark_claim(&coldkey, &hotkey);
		let _ = Staking::add_stake(RuntimeOrigin::signed(coldkey.clone()), hotkey.clone(), min.saturating_mul(100));
		let _ = Staking::remove_stake(RuntimeOrigin::signed(coldkey), hotkey.clone(), min);
		hotkey
	}

	fn fund(who: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::set_balance(who, <Runtime as pallet_hearth_staking::Config>::MinStake::get());
	}
}

/// A provider: staked hotkey, registered on subnet `netuid` (created if missing).
pub struct LeasesHelper;
impl pallet_hearth_leases::BenchmarkHelper<AccountId> for LeasesHelper {
	fn provider(netuid: hearth_primitives::NetUid, hotkey: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		// One coldkey per hotkey: a coldkey owns a bounded number of hotkeys.
		use sp_runtime::traits::Hash;
		let coldkey: AccountId = sp_runtime::traits::BlakeTwo256::hash(hotkey.as_ref()).0.into();
		let _ = Balances::mint_into(&coldkey, 1_000_000 * HTH);
		let _ = Balances::mint_into(hotkey, 1_000 * HTH);
		Self::subnet(netuid);
		let _ = Staking::benchmark_claim(&coldkey, hotkey);
		let _ = Staking::add_stake(RuntimeOrigin::signed(coldkey.clone()), hotkey.clone(), 100 * HTH);
		let _ = Subnets::register(RuntimeOrigin::signed(coldkey), netuid, hotkey.clone(), u128::MAX);
	}

	fn subnet(netuid: hearth_primitives::NetUid) {
		use frame_support::traits::fungible::Mutate;
		use sp_runtime::traits::Hash;
		// Subnets are numbered from 1 in creation order.
		while !pallet_hearth_subnets::SubnetInfos::<Runtime>::contains_key(netuid) {
			let owner: AccountId = sp_runtime::traits::BlakeTwo256::hash(&netuid.to_le_bytes()).0.into();
			let _ = Balances::mint_into(&owner, 2_000_000 * HTH);
			if Subnets::create_subnet(RuntimeOrigin::signed(owner), u128::MAX).is_err() {
				return;
			}
		}
	}
}

/// Subnets for the emissions hook's benchmark: entries in the subnet list (emissions
/// reads nothing else of them).
pub struct EmissionsHelper;
impl pallet_hearth_emissions::BenchmarkHelper for EmissionsHelper {
	fn create_subnets(count: u32) {
		let entries: Vec<_> = (1..=count as u16)
			.map(|netuid| pallet_hearth_subnets::SubnetEntry { netuid, tempo: 360, stake: HTH * netuid as u128 })
			.collect();
		pallet_hearth_subnets::SubnetEntries::<Runtime>::put(frame_support::BoundedVec::truncate_from(entries));
	}
}

/// Stakes through the runtime's staking pallet.
pub struct SubnetsHelper;
impl pallet_hearth_subnets::BenchmarkHelper<AccountId> for SubnetsHelper {
	fn stake(coldkey: &AccountId, hotkey: &AccountId, stake: u128) {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(coldkey, stake.saturating_mul(2).saturating_add(1_000 * HTH));
		let _ = Staking::benchmark_claim(coldkey, hotkey);
		let _ = Staking::add_stake(RuntimeOrigin::signed(coldkey.clone()), hotkey.clone(), stake.max(HTH));
	}

	fn fund_pending(netuid: hearth_primitives::NetUid, amount: u128) {
		use frame_support::traits::fungible::Mutate;
		let pot = pallet_hearth_emissions::Pallet::<Runtime>::account_id();
		let _ = Balances::mint_into(&pot, amount);
		pallet_hearth_emissions::PendingEmission::<Runtime>::mutate(netuid, |p| *p = p.saturating_add(amount));
		pallet_hearth_emissions::Emitted::<Runtime>::mutate(|e| *e = e.saturating_add(amount));
	}
}

/// Lists the benchmarks of every pallet above.
pub fn list(list: &mut Vec<BenchmarkList>, extra: bool) {
	list_benchmarks!(list, extra);
}

/// Runs the benchmarks `config` asks for.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	use frame_support::traits::WhitelistedStorageKeys;
	let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}

/// Subnets owned by the benchmark's account, miners with real sr25519 keys (staked,
/// registered and serving), and their signatures.
pub struct JobsHelper;

const JOBS_KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"hthj");

impl JobsHelper {
	/// A staked hotkey registered and serving on `netuid`.
	fn serving(netuid: hearth_primitives::NetUid, hotkey: &AccountId) {
		use pallet_hearth_leases::BenchmarkHelper as _;
		LeasesHelper::provider(netuid, hotkey);
		let endpoint = pallet_hearth_subnets::types::Endpoint { ip: [0x20; 16], port: 443 };
		let _ = Subnets::serve(RuntimeOrigin::signed(hotkey.clone()), netuid, endpoint);
	}
}

impl pallet_hearth_jobs::BenchmarkHelper<AccountId, Signature> for JobsHelper {
	fn subnet(netuid: hearth_primitives::NetUid, owner: &AccountId, miners: u32) {
		use frame_support::traits::fungible::Mutate;
		if pallet_hearth_subnets::SubnetInfos::<Runtime>::contains_key(netuid) {
			return;
		}
		// Subnets are numbered from 1 in creation order: `owner` creates the last.
		while !pallet_hearth_subnets::SubnetInfos::<Runtime>::contains_key(netuid) {
			let _ = Balances::mint_into(owner, 2_000_000 * HTH);
			if Subnets::create_subnet(RuntimeOrigin::signed(owner.clone()), u128::MAX).is_err() {
				return;
			}
		}
		for i in 0..miners {
			let hotkey: AccountId = frame_benchmarking::account("jobs-miner", i, 0);
			Self::serving(netuid, &hotkey);
		}
	}

	fn miner(netuid: hearth_primitives::NetUid, _index: u32) -> AccountId {
		use sp_runtime::{app_crypto::RuntimePublic, traits::IdentifyAccount};
		let public = sp_core::sr25519::Public::generate_pair(JOBS_KEY_TYPE, None);
		let hotkey = sp_runtime::MultiSigner::from(public).into_account();
		Self::serving(netuid, &hotkey);
		hotkey
	}

	fn sign(miner: &AccountId, payload: &[u8]) -> Signature {
		use sp_runtime::app_crypto::RuntimePublic;
		let public = sp_core::sr25519::Public::from_raw(*miner.as_ref());
		public.sign(JOBS_KEY_TYPE, &payload).expect("the keystore signs").into()
	}

	fn fund(who: &AccountId) {
		use frame_support::traits::fungible::Mutate;
		let _ = Balances::set_balance(who, 1_000_000 * HTH);
	}
}
