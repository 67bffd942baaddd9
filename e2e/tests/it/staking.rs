//! Staking on a dev node over JSON-RPC: a delegator stakes to another coldkey's hotkey,
//! sees the pool and the events, unstakes, and withdraws after the preset's short
//! unbonding period; balances match to the unit, fees included.

use std::time::Duration;

use hearth_e2e::{
	first_finalized,
	node::{Node, NodeConfig, TempDir},
	state,
	tx::{self, Until},
	wait_until,
};
use hearth_runtime::{genesis_config_presets::DEV_UNBONDING_BLOCKS, RuntimeCall, RuntimeEvent, HTH};
use pallet_hearth_staking::{Call as StakingCall, Event as StakingEvent};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Eve};

fn staking_events(events: &[state::EventRecord]) -> Vec<StakingEvent<hearth_runtime::Runtime>> {
	state::pallet_events(events, |e| match e {
		RuntimeEvent::Staking(e) => Some(e.clone()),
		_ => None,
	})
}

#[tokio::test(flavor = "multi_thread")]
async fn delegate_stake_unbond_and_withdraw_on_a_dev_node() {
	let dir = TempDir::new("staking");
	let node = Node::start(NodeConfig::new("staking", dir.path(), &["--dev"]));
	let rpc = node.rpc();
	first_finalized(&rpc).await;
	let ctx = tx::ChainContext::fetch(&rpc).await;
	let (alice, bob, hotkey) = (Alice.to_account_id(), Bob.to_account_id(), Eve.to_account_id());
	let send = |call: pallet_hearth_staking::Call<hearth_runtime::Runtime>, who| {
		let rpc = rpc.clone();
		async move {
			let nonce = tx::next_nonce(&rpc, who).await;
			let xt = tx::sign(&ctx, RuntimeCall::Staking(call), who, nonce);
			tx::submit_and_watch(&rpc, &xt, Until::InBlock, Duration::from_secs(60)).await
		}
	};

	// Alice runs a delegate: she registers Eve's key as her hotkey.
	let block = send(tx::claim_hotkey(&ctx, Alice, Eve), Alice).await;
	assert!(staking_events(&state::events(&rpc, block).await)
		.contains(&StakingEvent::HotkeyRegistered { coldkey: alice.clone(), hotkey: hotkey.clone() }));

	// Bob delegates 1000 HTH to it.
	let start = state::account(&rpc, &bob, None).await.data.free;
	let amount = 1_000 * HTH;
	let staked_in = send(StakingCall::add_stake { hotkey: hotkey.clone(), amount }, Bob).await;
	let events = state::events(&rpc, staked_in).await;
	assert!(staking_events(&events).contains(&StakingEvent::StakeAdded {
		coldkey: bob.clone(),
		hotkey: hotkey.clone(),
		amount,
		shares: amount,
	}));
	let pool = state::stake_pool(&rpc, &hotkey, Some(staked_in)).await;
	assert_eq!((pool.value, pool.shares), (amount, amount));
	let mut fees = state::fee_paid(&rpc, &bob, staked_in).await;

	// He unstakes everything: it unbonds for the preset's period.
	let unbonded_in = send(StakingCall::remove_stake { hotkey: hotkey.clone(), amount }, Bob).await;
	let unlock_at = staking_events(&state::events(&rpc, unbonded_in).await)
		.into_iter()
		.find_map(|e| match e {
			StakingEvent::Unbonded { coldkey, amount: a, unlock_at, .. } if coldkey == bob && a == amount => {
				Some(unlock_at)
			},
			_ => None,
		})
		.expect("an Unbonded event");
	let unbonded_at = rpc.block_number(Some(unbonded_in)).await.expect("number");
	assert_eq!(unlock_at, unbonded_at + DEV_UNBONDING_BLOCKS);
	assert_eq!(state::stake_pool(&rpc, &hotkey, Some(unbonded_in)).await.value, 0);
	fees += state::fee_paid(&rpc, &bob, unbonded_in).await;

	// Once the unlock block is built, the withdrawal pays it all back.
	wait_until("the unlock block", Duration::from_secs(90), || async {
		rpc.best_number().await.filter(|n| *n >= unlock_at)
	})
	.await;
	let withdrawn_in = send(StakingCall::withdraw_unbonded {}, Bob).await;
	assert!(staking_events(&state::events(&rpc, withdrawn_in).await)
		.contains(&StakingEvent::Withdrawn { coldkey: bob.clone(), amount }));
	fees += state::fee_paid(&rpc, &bob, withdrawn_in).await;
	let end = state::account(&rpc, &bob, Some(withdrawn_in)).await.data.free;
	assert_eq!(start - end, fees, "Bob lost exactly the three fees");
}
