//! The `NonTransfer` proxy: an allow-list of calls that move no value. Every
//! value-moving call of every pallet is refused through it, directly, inside
//! `batch`/`batch_all`/`force_batch` and through a nested proxy, and every call of the
//! runtime is either allowed on purpose or refused (a new call fails the completeness
//! test until someone classifies it).

use super::*;
use crate::configs::accounts::moves_no_value;
use frame_support::{
	traits::{GetCallMetadata, InstanceFilter},
	BoundedVec,
};
use hearth_primitives::{GpuSpec, GpuVendor};
use sp_runtime::traits::StaticLookup;

fn charlie() -> AccountId {
	Sr25519Keyring::Charlie.to_account_id()
}

fn lookup(who: AccountId) -> <<Runtime as frame_system::Config>::Lookup as StaticLookup>::Source {
	who.into()
}

fn proxy_results() -> Vec<sp_runtime::DispatchResult> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(result),
			_ => None,
		})
		.collect()
}

/// Whether the events since the last reset show a call refused by the filter (directly
/// or inside a batch).
fn filtered() -> bool {
	let refused: sp_runtime::DispatchError = frame_system::Error::<Runtime>::CallFiltered.into();
	System::events().into_iter().any(|record| match record.event {
		RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result: Err(e) }) => e == refused,
		RuntimeEvent::Utility(pallet_utility::Event::BatchInterrupted { error, .. }) => error == refused,
		RuntimeEvent::Utility(pallet_utility::Event::ItemFailed { error }) => error == refused,
		_ => false,
	})
}

/// One call of each kind that sends value out of the principal's control.
fn value_moving_calls() -> Vec<RuntimeCall> {
	use pallet_hearth_jobs::Call as Jobs;
	use pallet_hearth_leases::{types::Requirements, Call as Leases};
	use pallet_hearth_staking::Call as Staking;
	use pallet_hearth_subnets::Call as Subnets;
	let to = lookup(charlie());
	vec![
		RuntimeCall::Balances(BalancesCall::transfer_allow_death { dest: to.clone(), value: HTH }),
		RuntimeCall::Balances(BalancesCall::transfer_keep_alive { dest: to.clone(), value: HTH }),
		RuntimeCall::Balances(BalancesCall::transfer_all { dest: to.clone(), keep_alive: false }),
		RuntimeCall::Staking(Staking::add_stake { hotkey: charlie(), amount: HTH }),
		RuntimeCall::Subnets(Subnets::create_subnet { max_lock: 1_000 * HTH }),
		RuntimeCall::Subnets(Subnets::dissolve_subnet { netuid: 1 }),
		RuntimeCall::Subnets(Subnets::register { netuid: 1, hotkey: charlie(), max_burn: HTH }),
		RuntimeCall::Leases(Leases::open_order {
			netuid: 1,
			requirements: Requirements { min_vram_gib: 1, models: BoundedVec::new(), count: 1 },
			max_price: HTH,
			duration: 10,
			deposit: 100 * HTH,
			auto_award: false,
		}),
		RuntimeCall::Leases(Leases::bid { id: 0, offer: 0, price: HTH }),
		RuntimeCall::Leases(Leases::accept_bid { id: 0, provider: charlie() }),
		RuntimeCall::Leases(Leases::top_up { id: 0, amount: HTH }),
		RuntimeCall::Leases(Leases::close_lease { id: 0 }),
		RuntimeCall::Jobs(Jobs::register_model {
			netuid: 1,
			header: BoundedVec::new(),
			chunk_hashes: BoundedVec::new(),
			max_input: 1,
		}),
		RuntimeCall::Jobs(Jobs::post_job {
			netuid: 1,
			model: [0; 32],
			input: pallet_hearth_jobs::JobInput::Tokens(BoundedVec::new()),
			fee: HTH,
			deadline: 10,
			lease: None,
		}),
		RuntimeCall::Jobs(Jobs::challenge {
			subject: pallet_hearth_jobs::Subject::Result(0),
			step: 0,
			input: pallet_hearth_jobs::StepInput::Activation(BoundedVec::new()),
			chunk: BoundedVec::new(),
		}),
		RuntimeCall::Sudo(pallet_sudo::Call::sudo {
			call: Box::new(RuntimeCall::Balances(BalancesCall::transfer_keep_alive { dest: to, value: HTH })),
		}),
		RuntimeCall::Proxy(pallet_proxy::Call::create_pure { proxy_type: ProxyType::Any, delay: 0, index: 0 }),
		RuntimeCall::Proxy(pallet_proxy::Call::kill_pure {
			spawner: lookup(alice()),
			proxy_type: ProxyType::Any,
			index: 0,
			height: 0,
			ext_index: 0,
		}),
	]
}

/// One call of each kind a `NonTransfer` proxy may make.
fn value_free_calls() -> Vec<RuntimeCall> {
	use pallet_hearth_leases::Call as Leases;
	use pallet_hearth_staking::Call as Staking;
	use pallet_hearth_subnets::{
		types::{Endpoint, Hyperparameter},
		Call as Subnets,
	};
	let gpu = GpuSpec { vendor: GpuVendor::Nvidia, model: BoundedVec::new(), vram_gib: 80, count: 1 };
	let receipt = hearth_primitives::SignedReceipt {
		receipt: hearth_primitives::Receipt {
			genesis: [0; 32],
			netuid: 1,
			miner: charlie(),
			model: [0; 32],
			requester: alice(),
			nonce: 0,
			input_hash: [0; 32],
			output_hash: [0; 32],
			trace: BoundedVec::new(),
			served: hearth_primitives::Served::Probe,
			block: 0,
		},
		signature: crate::Signature::from(Sr25519Keyring::Charlie.sign(b"receipt")),
	};
	vec![
		RuntimeCall::System(frame_system::Call::remark { remark: vec![] }),
		RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![] }),
		RuntimeCall::Staking(Staking::register_hotkey {
			hotkey: charlie(),
			proof: crate::Signature::from(Sr25519Keyring::Charlie.sign(b"claim")),
		}),
		RuntimeCall::Staking(Staking::remove_stake { hotkey: charlie(), amount: HTH }),
		RuntimeCall::Staking(Staking::withdraw_unbonded {}),
		RuntimeCall::Staking(Staking::set_take { hotkey: charlie(), take: sp_runtime::Perbill::zero() }),
		RuntimeCall::Staking(Staking::move_stake { from: charlie(), to: bob(), amount: HTH }),
		RuntimeCall::Staking(Staking::forget_hotkey { hotkey: charlie() }),
		RuntimeCall::Subnets(Subnets::set_hyperparameter { netuid: 1, change: Hyperparameter::Tempo(10) }),
		RuntimeCall::Subnets(Subnets::serve { netuid: 1, endpoint: Endpoint { ip: [0; 16], port: 1 } }),
		RuntimeCall::Subnets(Subnets::set_gpus { netuid: 1, gpus: BoundedVec::new() }),
		RuntimeCall::Subnets(Subnets::set_weights {
			netuid: 1,
			uids: Default::default(),
			values: Default::default(),
			version_key: 0,
		}),
		RuntimeCall::Subnets(Subnets::commit_weights { netuid: 1, hash: [0; 32] }),
		RuntimeCall::Subnets(Subnets::reveal_weights {
			netuid: 1,
			uids: Default::default(),
			values: Default::default(),
			salt: Default::default(),
			version_key: 0,
		}),
		RuntimeCall::Leases(Leases::publish_offer {
			netuid: 1,
			gpu: gpu.clone(),
			price: HTH,
			region: BoundedVec::new(),
		}),
		RuntimeCall::Leases(Leases::update_offer { id: 0, gpu, price: HTH, region: BoundedVec::new() }),
		RuntimeCall::Leases(Leases::remove_offer { id: 0 }),
		RuntimeCall::Leases(Leases::cancel_order { id: 0 }),
		RuntimeCall::Leases(Leases::withdraw_bid { id: 0 }),
		RuntimeCall::Leases(Leases::withdraw { id: 0 }),
		RuntimeCall::Leases(Leases::heartbeat {}),
		RuntimeCall::Leases(Leases::report_default { id: 0 }),
		RuntimeCall::Jobs(pallet_hearth_jobs::Call::retire_model { netuid: 1, model: [0; 32] }),
		RuntimeCall::Jobs(pallet_hearth_jobs::Call::remove_model { netuid: 1, model: [0; 32] }),
		RuntimeCall::Jobs(pallet_hearth_jobs::Call::submit_result {
			id: 0,
			output: BoundedVec::new(),
			trace: BoundedVec::new(),
		}),
		RuntimeCall::Jobs(pallet_hearth_jobs::Call::report_equivocation { first: receipt.clone(), second: receipt }),
		RuntimeCall::Proxy(pallet_proxy::Call::proxy {
			real: lookup(alice()),
			force_proxy_type: None,
			call: Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
		}),
		RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
			delegate: lookup(charlie()),
			proxy_type: ProxyType::CancelProxy,
			delay: 0,
		}),
		RuntimeCall::Proxy(pallet_proxy::Call::remove_proxy {
			delegate: lookup(charlie()),
			proxy_type: ProxyType::CancelProxy,
			delay: 0,
		}),
		RuntimeCall::Proxy(pallet_proxy::Call::remove_proxies {}),
		RuntimeCall::Proxy(pallet_proxy::Call::announce { real: lookup(alice()), call_hash: Default::default() }),
		RuntimeCall::Proxy(pallet_proxy::Call::remove_announcement {
			real: lookup(alice()),
			call_hash: Default::default(),
		}),
		RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement {
			delegate: lookup(charlie()),
			call_hash: Default::default(),
		}),
		RuntimeCall::Proxy(pallet_proxy::Call::proxy_announced {
			delegate: lookup(charlie()),
			real: lookup(alice()),
			force_proxy_type: None,
			call: Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
		}),
		RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![] }),
		RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![] }),
		RuntimeCall::Utility(pallet_utility::Call::force_batch { calls: vec![] }),
	]
}

/// Calls no signed account can make (root, inherents, unsigned): refused by the filter
/// like every call off the allow-list, and by their origin checks anyway.
const PRIVILEGED: &[(&str, &str)] = &[
	("System", "set_heap_pages"),
	("System", "set_code"),
	("System", "set_code_without_checks"),
	("System", "set_storage"),
	("System", "kill_storage"),
	("System", "kill_prefix"),
	("System", "authorize_upgrade"),
	("System", "authorize_upgrade_without_checks"),
	("System", "apply_authorized_upgrade"),
	("Timestamp", "set"),
	("Grandpa", "report_equivocation"),
	("Grandpa", "report_equivocation_unsigned"),
	("Grandpa", "note_stalled"),
	("Balances", "force_transfer"),
	("Balances", "force_unreserve"),
	("Balances", "upgrade_accounts"),
	("Balances", "force_set_balance"),
	("Balances", "force_adjust_total_issuance"),
	("Balances", "burn"),
	("Sudo", "sudo_unchecked_weight"),
	("Sudo", "set_key"),
	("Sudo", "sudo_as"),
	("Sudo", "remove_key"),
	("Utility", "as_derivative"),
	("Utility", "dispatch_as"),
	("Utility", "with_weight"),
	("Utility", "if_else"),
	("Utility", "dispatch_as_fallible"),
	("Proxy", "poke_deposit"),
	("Slashing", "report_offence"),
	("Slashing", "cancel_slash"),
	("Emissions", "set_demand_blend"),
	("Subnets", "set_bounds"),
];

fn names(calls: &[RuntimeCall]) -> Vec<(&'static str, &'static str)> {
	calls
		.iter()
		.map(|c| {
			let m = c.get_call_metadata();
			(m.pallet_name, m.function_name)
		})
		.collect()
}

#[test]
fn every_call_of_the_runtime_is_allowed_on_purpose_or_refused() {
	let allowed = names(&value_free_calls());
	let moving = names(&value_moving_calls());
	for call in value_free_calls() {
		assert!(ProxyType::NonTransfer.filter(&call), "{:?} is on the allow-list", call.get_call_metadata());
	}
	for call in value_moving_calls() {
		assert!(!ProxyType::NonTransfer.filter(&call), "{:?} is refused", call.get_call_metadata());
	}
	for module in RuntimeCall::get_module_names() {
		for function in RuntimeCall::get_call_names(module) {
			let name = (*module, *function);
			let classified = allowed.contains(&name) || moving.contains(&name) || PRIVILEGED.contains(&name);
			assert!(classified, "{module}::{function} is not classified: allow it in `moves_no_value` (and in `value_free_calls`) only if it moves no value; otherwise list it in `value_moving_calls` or `PRIVILEGED`");
		}
	}
	for (module, function) in PRIVILEGED {
		assert!(RuntimeCall::get_call_names(module).contains(function), "{module}::{function} is not a call");
	}
	// Privileged calls are refused too (the allow-list is all a proxy gets).
	assert!(!moves_no_value(&RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: 0 })));
}

/// The attack: Alice's `NonTransfer` proxy Bob drains her through calls other than
/// `Balances` (an order an accomplice bids on, stake to an attacker's hotkey, a
/// registration burn, `Sudo`). Every one is refused, however it is wrapped, and Alice's
/// funds do not move.
#[test]
fn a_non_transfer_proxy_refuses_every_value_moving_call_however_wrapped() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_ok!(Proxy::add_proxy(RuntimeOrigin::signed(alice()), bob().into(), ProxyType::NonTransfer, 0));
		// Charlie may act for Bob: the nested route.
		assert_ok!(Proxy::add_proxy(RuntimeOrigin::signed(bob()), charlie().into(), ProxyType::Any, 0));
		let free = Balances::balance(&alice());
		let total = Balances::total_balance(&alice());
		for call in value_moving_calls() {
			let wrapped = [
				call.clone(),
				RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![call.clone()] }),
				RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![call.clone()] }),
				RuntimeCall::Utility(pallet_utility::Call::force_batch { calls: vec![call.clone()] }),
			];
			for inner in wrapped {
				System::reset_events();
				assert_ok!(Proxy::proxy(RuntimeOrigin::signed(bob()), alice().into(), None, Box::new(inner.clone())));
				assert!(filtered(), "{:?} went through", call.get_call_metadata());
				// Nested: Charlie, for Bob, for Alice.
				System::reset_events();
				let nested = RuntimeCall::Proxy(pallet_proxy::Call::proxy {
					real: alice().into(),
					force_proxy_type: None,
					call: Box::new(inner),
				});
				assert_ok!(Proxy::proxy(RuntimeOrigin::signed(charlie()), bob().into(), None, Box::new(nested)));
				assert!(filtered(), "{:?} went through a nested proxy", call.get_call_metadata());
			}
			assert_eq!(Balances::balance(&alice()), free, "{:?} moved funds", call.get_call_metadata());
			assert_eq!(Balances::total_balance(&alice()), total);
		}
		// What moves no value still works through it.
		System::reset_events();
		let remark = RuntimeCall::System(frame_system::Call::remark_with_event { remark: b"hi".to_vec() });
		assert_ok!(Proxy::proxy(RuntimeOrigin::signed(bob()), alice().into(), None, Box::new(remark)));
		assert_eq!(proxy_results(), vec![Ok(())]);
	});
}

#[test]
fn proxy_types_order_by_power() {
	assert!(ProxyType::Any.is_superset(&ProxyType::NonTransfer));
	assert!(ProxyType::Any.is_superset(&ProxyType::CancelProxy));
	assert!(ProxyType::NonTransfer.is_superset(&ProxyType::CancelProxy));
	assert!(!ProxyType::NonTransfer.is_superset(&ProxyType::Any));
	assert!(!ProxyType::CancelProxy.is_superset(&ProxyType::NonTransfer));
}
