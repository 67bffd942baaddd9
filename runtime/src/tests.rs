//! Native tests of the runtime as configured: presets, consensus parameters, fees and
//! proxy filters, each run on the genesis state a preset builds.

use crate::{
	genesis_config_presets::{self, DEV_ENDOWMENT},
	AccountId, Aura, Balances, BalancesCall, Emissions, Proxy, ProxyType, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeGenesisConfig, RuntimeOrigin, System, TransactionPayment, EXISTENTIAL_DEPOSIT, HTH, MILLI_HTH,
};
use frame_support::{
	assert_noop, assert_ok,
	genesis_builder_helper::{build_state, get_preset},
	traits::{fungible::Inspect, Get},
};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

/// Recursively applies a JSON patch onto a base value, as chain-spec building does.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (k, v) in patch {
				merge(base.entry(k).or_insert(serde_json::Value::Null), v);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The genesis state of a named preset, built the way the node builds it.
fn preset_ext(name: &str) -> sp_io::TestExternalities {
	let default = get_preset::<RuntimeGenesisConfig>(&None, |_| None).expect("default config");
	let patch = get_preset::<RuntimeGenesisConfig>(&Some(PresetId::from(name)), genesis_config_presets::get_preset)
		.unwrap_or_else(|| panic!("preset {name} exists"));
	let mut config: serde_json::Value = serde_json::from_slice(&default).expect("json");
	merge(&mut config, serde_json::from_slice(&patch).expect("json"));
	let bytes = serde_json::to_vec(&config).expect("json");
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		build_state::<RuntimeGenesisConfig>(bytes).expect("preset builds a genesis state");
		System::set_block_number(1);
	});
	ext
}

fn alice() -> AccountId {
	Sr25519Keyring::Alice.to_account_id()
}

fn bob() -> AccountId {
	Sr25519Keyring::Bob.to_account_id()
}

mod jobs;
mod metadata;
mod proxy;

#[test]
fn runtime_lists_exactly_the_two_presets() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(names, vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]);
	assert!(genesis_config_presets::get_preset(&PresetId::from("mainnet")).is_none());
}

#[test]
fn development_has_alice_alone_and_short_slots() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		assert_eq!(aura.len(), 1);
		assert_eq!(aura[0], Sr25519Keyring::Alice.public().into());
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 1);
		assert_eq!(Aura::slot_duration(), 2_000);
		assert_eq!(<Runtime as pallet_timestamp::Config>::MinimumPeriod::get(), 1_000);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(alice()));
	});
}

#[test]
fn local_testnet_has_four_authorities_and_six_second_slots() {
	preset_ext(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let aura = pallet_aura::Authorities::<Runtime>::get();
		let expected: Vec<sp_consensus_aura::sr25519::AuthorityId> =
			[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
				.into_iter()
				.map(|k| k.public().into())
				.collect();
		assert_eq!(aura.into_inner(), expected);
		let grandpa = pallet_grandpa::Pallet::<Runtime>::grandpa_authorities();
		assert_eq!(grandpa.len(), 4);
		assert!(grandpa.iter().all(|(_, weight)| *weight == 1));
		assert_eq!(Aura::slot_duration(), 6_000);
		assert_eq!(<Runtime as pallet_timestamp::Config>::MinimumPeriod::get(), 3_000);
	});
}

#[test]
fn presets_endow_every_dev_account_and_nothing_else() {
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		preset_ext(preset).execute_with(|| {
			let accounts: Vec<_> = Sr25519Keyring::well_known().collect();
			for key in &accounts {
				assert_eq!(Balances::balance(&key.to_account_id()), DEV_ENDOWMENT);
			}
			// Plus the existential deposits that keep the staking account, the
			// emissions pot, the leases account and the jobs account alive.
			assert_eq!(
				Balances::total_issuance(),
				DEV_ENDOWMENT * accounts.len() as u128 + 4 * EXISTENTIAL_DEPOSIT,
				"{preset}: issuance is exactly the endowments"
			);
			assert_eq!(pallet_hearth_emissions::GenesisIssuance::<Runtime>::get(), Balances::total_issuance());
		});
	}
}

#[test]
fn a_transfer_costs_a_fraction_of_a_milli_hth_and_the_fee_is_burned() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive { dest: bob().into(), value: HTH });
		// A signed transfer is about 150 bytes on the wire.
		let info = TransactionPayment::query_call_fee_details(call, 150);
		let fee = info.final_fee();
		assert!(fee > 0, "transfers are not free");
		assert!(fee < MILLI_HTH, "a transfer costs less than the existential deposit: {fee}");

		// Fees are burned: charging one, as the transaction pipeline does (withdraw
		// before dispatch, settle after), lowers Alice's balance and total issuance by
		// exactly the fee.
		type Charge = <Runtime as pallet_transaction_payment::Config>::OnChargeTransaction;
		use pallet_transaction_payment::OnChargeTransaction;
		let issuance = Balances::total_issuance();
		let alice_before = Balances::balance(&alice());
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let liquidity =
			<Charge as OnChargeTransaction<Runtime>>::withdraw_fee(&alice(), &remark, &Default::default(), fee, 0)
				.expect("alice can pay");
		<Charge as OnChargeTransaction<Runtime>>::correct_and_deposit_fee(
			&alice(),
			&Default::default(),
			&Default::default(),
			fee,
			0,
			liquidity,
		)
		.expect("the fee settles");
		assert_eq!(Balances::balance(&alice()), alice_before - fee);
		assert_eq!(Balances::total_issuance(), issuance - fee);
		// The burn is counted: the supply identity still holds.
		assert_eq!(pallet_hearth_emissions::Burned::<Runtime>::get(), fee);
		Emissions::do_try_state().expect("total issuance + burned = genesis + emitted");
	});
}

#[test]
fn existential_deposit_is_one_milli_hth_and_enforced() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(EXISTENTIAL_DEPOSIT, MILLI_HTH);
		let fresh: AccountId = [7u8; 32].into();
		assert_noop!(
			Balances::transfer_allow_death(
				RuntimeOrigin::signed(alice()),
				fresh.clone().into(),
				EXISTENTIAL_DEPOSIT - 1
			),
			sp_runtime::TokenError::BelowMinimum
		);
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(alice()),
			fresh.clone().into(),
			EXISTENTIAL_DEPOSIT
		));
		assert_eq!(Balances::balance(&fresh), EXISTENTIAL_DEPOSIT);
	});
}

#[test]
fn presets_fix_unbonding_and_slash_windows() {
	use genesis_config_presets::*;
	// Stake unbonded just before a report must still be there when the slash lands, up
	// to the deferral window plus the queue's look-ahead later (the dev preset once
	// had 15 blocks of unbonding against 5 + 64).
	let lookahead = u64::from(<<Runtime as pallet_hearth_slashing::Config>::MaxScheduleLookahead as Get<u32>>::get());
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(<Runtime as pallet_hearth_staking::Config>::UnbondingPeriod::get(), DEV_UNBONDING_BLOCKS);
		assert_eq!(<Runtime as pallet_hearth_slashing::Config>::DeferWindow::get(), DEV_SLASH_WINDOW_BLOCKS);
		assert!(u64::from(DEV_UNBONDING_BLOCKS) > u64::from(DEV_SLASH_WINDOW_BLOCKS) + lookahead);
	});
	preset_ext(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(<Runtime as pallet_hearth_staking::Config>::UnbondingPeriod::get(), LOCAL_UNBONDING_BLOCKS);
		assert_eq!(<Runtime as pallet_hearth_slashing::Config>::DeferWindow::get(), LOCAL_SLASH_WINDOW_BLOCKS);
		assert!(u64::from(LOCAL_UNBONDING_BLOCKS) > u64::from(LOCAL_SLASH_WINDOW_BLOCKS) + lookahead);
	});
}

#[test]
fn staking_in_the_runtime_pools_delegations_and_unbonds() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		// Alice claims Dave's key as her hotkey: Dave's key signs the claim.
		let hotkey = Sr25519Keyring::Dave.to_account_id();
		let message = crate::Staking::claim_message(&alice());
		let proof = crate::Signature::from(Sr25519Keyring::Dave.sign(&message));
		assert_ok!(crate::Staking::register_hotkey(RuntimeOrigin::signed(alice()), hotkey.clone(), proof));
		assert_ok!(crate::Staking::add_stake(RuntimeOrigin::signed(alice()), hotkey.clone(), 100 * HTH));
		assert_ok!(crate::Staking::add_stake(RuntimeOrigin::signed(bob()), hotkey.clone(), 50 * HTH));
		assert_eq!(crate::Staking::stake_of(&hotkey, &bob()), 50 * HTH);
		assert_ok!(crate::Staking::remove_stake(RuntimeOrigin::signed(bob()), hotkey.clone(), 50 * HTH));
		let unlock = System::block_number() + genesis_config_presets::DEV_UNBONDING_BLOCKS;
		System::set_block_number(unlock);
		let before = Balances::balance(&bob());
		assert_ok!(crate::Staking::withdraw_unbonded(RuntimeOrigin::signed(bob())));
		assert_eq!(Balances::balance(&bob()), before + 50 * HTH);
		crate::Staking::do_try_state().expect("staking invariants hold");
	});
}

/// A claim signed by another key, or for another coldkey, is refused in the runtime.
#[test]
fn a_hotkey_claim_needs_the_hotkeys_own_signature() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let hotkey = Sr25519Keyring::Dave.to_account_id();
		let forged = crate::Signature::from(Sr25519Keyring::Bob.sign(&crate::Staking::claim_message(&bob())));
		assert_noop!(
			crate::Staking::register_hotkey(RuntimeOrigin::signed(bob()), hotkey.clone(), forged),
			pallet_hearth_staking::Error::<Runtime>::BadOwnershipProof
		);
		let for_alice = crate::Signature::from(Sr25519Keyring::Dave.sign(&crate::Staking::claim_message(&alice())));
		assert_noop!(
			crate::Staking::register_hotkey(RuntimeOrigin::signed(bob()), hotkey, for_alice),
			pallet_hearth_staking::Error::<Runtime>::BadOwnershipProof
		);
	});
}

/// The busiest block: every hook at its worst (the emissions split over every subnet,
/// the epoch scan and `MaxEpochsPerBlock` epochs at `MAX_UIDS`, a full deadline queue
/// of awards, a full slash queue, a block's jobs to assign and a full jobs queue) on top of the base block and a full normal class
/// must fit in the block's weight. Printed: each part, from the runtime's weights.
#[test]
fn the_busiest_block_fits_with_normal_transactions_full() {
	use frame_support::{dispatch::DispatchClass, traits::Get, weights::Weight};
	use pallet_hearth_emissions::WeightInfo as _;
	use pallet_hearth_jobs::WeightInfo as _;
	use pallet_hearth_leases::WeightInfo as _;
	use pallet_hearth_slashing::WeightInfo as _;
	use pallet_hearth_subnets::WeightInfo as _;
	type SubnetWeights = <Runtime as pallet_hearth_subnets::Config>::WeightInfo;
	type EmissionWeights = <Runtime as pallet_hearth_emissions::Config>::WeightInfo;
	type LeaseWeights = <Runtime as pallet_hearth_leases::Config>::WeightInfo;
	type SlashWeights = <Runtime as pallet_hearth_slashing::Config>::WeightInfo;
	type JobWeights = <Runtime as pallet_hearth_jobs::Config>::WeightInfo;
	let limits = crate::configs::RuntimeBlockWeights::get();
	let normal = limits.get(DispatchClass::Normal).max_total.expect("the normal class is limited");
	let ms = |w: Weight| w.ref_time() as f64 / 1e9;
	for n in [256u32, 1024, 2048, 4096] {
		println!("epoch at n = {n}, 64 validators: {:.1} ms", ms(SubnetWeights::epoch(n)));
	}
	let subnets: u32 = <Runtime as pallet_hearth_subnets::Config>::MaxSubnets::get();
	let uids = pallet_hearth_subnets::types::MAX_UIDS;
	let epochs: u32 = <Runtime as pallet_hearth_subnets::Config>::MaxEpochsPerBlock::get();
	let db = <Runtime as frame_system::Config>::DbWeight::get();
	let epoch = SubnetWeights::epoch(uids).saturating_add(db.reads(uids.into()));
	let deadlines: u32 = <Runtime as pallet_hearth_leases::Config>::MaxDeadlinesPerBlock::get();
	let slashes: u32 = <Runtime as pallet_hearth_slashing::Config>::MaxSlashesPerBlock::get();
	let assignments: u32 = <Runtime as pallet_hearth_jobs::Config>::MaxJobsPerBlock::get();
	let due: u32 = <Runtime as pallet_hearth_jobs::Config>::MaxDuePerBlock::get();
	let parts = [
		("base block", limits.base_block),
		("normal class, full", normal),
		("emissions split", EmissionWeights::on_initialize(subnets)),
		("epoch scan", SubnetWeights::on_initialize_scan(subnets).saturating_add(db.writes(1))),
		("epochs", epoch.saturating_mul(epochs.into())),
		(
			"deadlines",
			LeaseWeights::on_initialize(deadlines)
				.max(LeaseWeights::accept_bid().saturating_mul(deadlines.into()))
				.saturating_add(db.reads_writes(1, 2)),
		),
		("slashes", SlashWeights::on_initialize(slashes)),
		(
			"job assignments and queue",
			JobWeights::assign(assignments)
				.saturating_add(db.reads(u64::from(assignments) * 8))
				.saturating_add(JobWeights::run_due(due)),
		),
	];
	let mut total = Weight::zero();
	for (name, w) in parts {
		println!("{name}: {:.1} ms", ms(w));
		total = total.saturating_add(w);
	}
	println!("busiest block: {:.1} ms of {:.1} ms", ms(total), ms(limits.max_block));
	assert!(total.ref_time() <= limits.max_block.ref_time(), "the busiest block exceeds the block's weight");
}

/// The leases pallet kept a dissolved subnet's paid demand, and the next subnet on that
/// netuid inherited it. Dissolving tells leases (wired in the runtime).
#[test]
fn a_dissolved_subnet_leaves_no_demand_behind() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(crate::Subnets::create_subnet(RuntimeOrigin::signed(alice()), 1_000_000 * HTH));
		let netuid = System::events()
			.into_iter()
			.find_map(|r| match r.event {
				RuntimeEvent::Subnets(pallet_hearth_subnets::Event::SubnetCreated { netuid, .. }) => Some(netuid),
				_ => None,
			})
			.expect("created");
		pallet_hearth_leases::Demand::<Runtime>::insert(netuid, (1_000 * HTH, 1));
		assert_ok!(crate::Subnets::dissolve_subnet(RuntimeOrigin::signed(alice()), netuid));
		assert!(!pallet_hearth_leases::Demand::<Runtime>::contains_key(netuid));
	});
}
