//! A subnet on a dev node (tempo 5): Alice creates it, two validators and three miners
//! register, the validators set weights over JSON-RPC, an epoch runs, and the metagraph
//! (read through the `SubnetsApi` runtime API) shows every hotkey's stake grown by
//! exactly what the epoch emitted to it.

use std::time::Duration;

use codec::Encode;
use hearth_e2e::{
	first_finalized,
	node::{Node, NodeConfig, TempDir},
	rpc::Rpc,
	state, tx, wait_until,
};
use hearth_runtime::{AccountId, BlockNumber, Hash, RuntimeCall, RuntimeEvent, HTH};
use pallet_hearth_emissions::ScheduleInfo;
use pallet_hearth_staking::Call as StakingCall;
use pallet_hearth_subnets::{runtime_api::MetagraphView, Call as SubnetsCall, Event as SubnetsEvent, NetUid};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie, One};

type Metagraph = MetagraphView<AccountId, BlockNumber>;

async fn metagraph(rpc: &Rpc, netuid: NetUid, at: Option<Hash>) -> Metagraph {
	state::runtime_api::<Option<Metagraph>>(rpc, "SubnetsApi_metagraph", &netuid.encode(), at)
		.await
		.expect("the subnet exists")
}

fn subnet_events(events: &[state::EventRecord]) -> Vec<SubnetsEvent<hearth_runtime::Runtime>> {
	state::pallet_events(events, |e| match e {
		RuntimeEvent::Subnets(e) => Some(e.clone()),
		_ => None,
	})
}

async fn send(rpc: &Rpc, ctx: &tx::ChainContext, who: Sr25519Keyring, calls: Vec<RuntimeCall>) -> Hash {
	tx::send(rpc, ctx, who, RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })).await
}

#[tokio::test(flavor = "multi_thread")]
async fn validators_weights_turn_into_stake_at_the_epoch() {
	let dir = TempDir::new("subnets");
	let node = Node::start(NodeConfig::new("subnets", dir.path(), &["--dev"]));
	let rpc = node.rpc();
	first_finalized(&rpc).await;
	let ctx = tx::ChainContext::fetch(&rpc).await;
	let lock: u128 = state::runtime_api(&rpc, "SubnetsApi_lock_cost", &[], None).await;
	assert_eq!(lock, 100 * HTH, "the first subnet costs the minimum lock");

	// Alice creates the subnet and registers three miner hotkeys she stakes 100 HTH on.
	let miners = [Eve, Ferdie, One];
	let mut calls = vec![RuntimeCall::Subnets(SubnetsCall::create_subnet { max_lock: lock })];
	for m in miners {
		let hotkey = m.to_account_id();
		calls.push(RuntimeCall::Staking(tx::claim_hotkey(&ctx, Alice, m)));
		calls.push(RuntimeCall::Staking(StakingCall::add_stake { hotkey: hotkey.clone(), amount: 100 * HTH }));
		calls.push(RuntimeCall::Subnets(SubnetsCall::register { netuid: 1, hotkey, max_burn: HTH }));
	}
	let created = send(&rpc, &ctx, Alice, calls).await;
	let events = subnet_events(&state::events(&rpc, created).await);
	assert!(events.contains(&SubnetsEvent::SubnetCreated { netuid: 1, owner: Alice.to_account_id(), lock }));
	let netuid: NetUid = 1;

	// Bob runs two validators, Charlie (10,000 HTH) and Dave (5,000 HTH).
	let validators = [(Charlie, 10_000 * HTH), (Dave, 5_000 * HTH)];
	let mut calls = Vec::new();
	for (v, stake) in validators {
		let hotkey = v.to_account_id();
		calls.push(RuntimeCall::Staking(tx::claim_hotkey(&ctx, Bob, v)));
		calls.push(RuntimeCall::Staking(StakingCall::add_stake { hotkey: hotkey.clone(), amount: stake }));
		calls.push(RuntimeCall::Subnets(SubnetsCall::register { netuid, hotkey, max_burn: HTH }));
	}
	send(&rpc, &ctx, Bob, calls).await;

	// The first epoch hands out validator permits by stake.
	let graph = wait_until("permits from the first epoch", Duration::from_secs(60), || async {
		let g = metagraph(&rpc, netuid, None).await;
		(g.info.epochs >= 1 && g.neurons.len() == 5 && g.neurons[3].stats.validator_permit).then_some(g)
	})
	.await;
	let uid_of =
		|who: Sr25519Keyring| graph.neurons.iter().find(|n| n.hotkey == who.to_account_id()).expect("registered").uid;
	let miner_uids: Vec<u16> = miners.iter().map(|m| uid_of(*m)).collect();

	// Each validator sets weights over the miners, signed by its hotkey.
	for ((v, _), values) in validators.iter().zip([[50u16, 30, 20], [40, 40, 20]]) {
		let call = RuntimeCall::Subnets(SubnetsCall::set_weights {
			netuid,
			uids: miner_uids.clone().try_into().unwrap(),
			values: values.to_vec().try_into().unwrap(),
			version_key: 0,
		});
		let block = tx::send(&rpc, &ctx, *v, call).await;
		assert!(subnet_events(&state::events(&rpc, block).await)
			.iter()
			.any(|e| matches!(e, SubnetsEvent::WeightsSet { netuid: 1, .. })));
	}
	let weights_epoch = metagraph(&rpc, netuid, None).await.info.epochs;

	// Wait for the epoch that reads those weights, and find its block.
	let after = wait_until("an epoch over the weights", Duration::from_secs(60), || async {
		let g = metagraph(&rpc, netuid, None).await;
		(g.info.epochs > weights_epoch).then_some(g)
	})
	.await;
	let accounting = after.last_epoch.expect("the epoch's accounting");
	let epoch_block = rpc.block_hash(accounting.block).await.expect("the epoch's block");
	let before_block = state::parent_of(&rpc, epoch_block).await;
	let before = metagraph(&rpc, netuid, Some(before_block)).await;
	let at_epoch = metagraph(&rpc, netuid, Some(epoch_block)).await;
	assert_eq!(at_epoch.last_epoch, Some(accounting));
	assert!(
		subnet_events(&state::events(&rpc, epoch_block).await).contains(&SubnetsEvent::EpochRun { netuid, accounting })
	);

	// Every hotkey's stake grew by exactly what the epoch credited it.
	let mut credited = 0u128;
	for (b, a) in before.neurons.iter().zip(&at_epoch.neurons) {
		assert_eq!(a.stake, b.stake + a.stats.emission, "uid {} stake grows by its emission", a.uid);
		credited += a.stats.emission;
	}
	assert_eq!(credited, accounting.to_miners + accounting.to_validators);
	assert_eq!(accounting.to_owner + credited + accounting.carried, accounting.emission);
	assert!(accounting.to_miners > 0 && accounting.to_validators > 0);
	// Miners earn by incentive in the order the validators ranked them.
	let incentive: Vec<u16> = miner_uids.iter().map(|u| at_epoch.neurons[*u as usize].stats.incentive).collect();
	assert!(incentive[0] > incentive[1] && incentive[1] > incentive[2], "{incentive:?}");
	// The owner received the cut.
	let owner_before = state::account(&rpc, &Alice.to_account_id(), Some(before_block)).await.data.free;
	let owner_after = state::account(&rpc, &Alice.to_account_id(), Some(epoch_block)).await.data.free;
	assert_eq!(owner_after, owner_before + accounting.to_owner);

	// The schedule: every block since the subnet had stake minted half an HTH (blocks
	// with no stake and no demand anywhere mint nothing).
	let schedule: ScheduleInfo = state::runtime_api(&rpc, "EmissionsApi_schedule", &[], Some(epoch_block)).await;
	assert_eq!(schedule.reward, HTH / 2);
	assert_eq!(schedule.emitted % (HTH / 2), 0);
	assert!(schedule.emitted >= accounting.emission);
	assert_eq!(schedule.next_halving_at, Some(10_500_000 * HTH));
}
