//! The compute market on a dev node: a miner (Eve's hotkey, staked and registered on a
//! subnet) offers GPUs, Bob orders with auto-award, the auction awards Eve's bid when
//! the window closes, blocks pass, Eve withdraws, Bob closes; every balance matches
//! the rate to the unit (5 % take burned), fees included.

use std::time::Duration;

use codec::Encode;
use hearth_e2e::{
	first_finalized,
	node::{Node, NodeConfig, TempDir},
	rpc::Rpc,
	state, tx, wait_until,
};
use hearth_runtime::{AccountId, BlockNumber, Hash, RuntimeCall, RuntimeEvent, HTH};
use pallet_hearth_leases::{Call as LeasesCall, CloseReason, Event as LeasesEvent, LeaseView, Requirements};
use pallet_hearth_subnets::{GpuSpec, GpuVendor};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Eve};

type Lease = LeaseView<AccountId, BlockNumber>;

fn lease_events(events: &[state::EventRecord]) -> Vec<LeasesEvent<hearth_runtime::Runtime>> {
	state::pallet_events(events, |e| match e {
		RuntimeEvent::Leases(e) => Some(e.clone()),
		_ => None,
	})
}

async fn free(rpc: &Rpc, who: &AccountId, at: Hash) -> u128 {
	state::account(rpc, who, Some(at)).await.data.free
}

#[tokio::test(flavor = "multi_thread")]
async fn offer_order_award_withdraw_close_to_the_unit() {
	let dir = TempDir::new("leases");
	let node = Node::start(NodeConfig::new("leases", dir.path(), &["--dev"]));
	let rpc = node.rpc();
	first_finalized(&rpc).await;
	let ctx = tx::ChainContext::fetch(&rpc).await;
	let (bob, eve) = (Bob.to_account_id(), Eve.to_account_id());

	// Alice runs subnet 1 and makes Eve's key a staked miner on it.
	let setup = RuntimeCall::Utility(pallet_utility::Call::batch_all {
		calls: vec![
			RuntimeCall::Subnets(pallet_hearth_subnets::Call::create_subnet { max_lock: 100 * HTH }),
			RuntimeCall::Staking(tx::claim_hotkey(&ctx, Alice, Eve)),
			RuntimeCall::Staking(pallet_hearth_staking::Call::add_stake { hotkey: eve.clone(), amount: 100 * HTH }),
			RuntimeCall::Subnets(pallet_hearth_subnets::Call::register {
				netuid: 1,
				hotkey: eve.clone(),
				max_burn: HTH,
			}),
		],
	});
	tx::send(&rpc, &ctx, Alice, setup).await;

	// Eve offers 8 × H100 80 GiB at 1 milli-HTH a block.
	let price = HTH / 1_000;
	let gpu =
		GpuSpec { vendor: GpuVendor::Nvidia, model: b"H100".to_vec().try_into().unwrap(), vram_gib: 80, count: 8 };
	let offered = tx::send(
		&rpc,
		&ctx,
		Eve,
		RuntimeCall::Leases(LeasesCall::publish_offer {
			netuid: 1,
			gpu,
			price,
			region: b"eu".to_vec().try_into().unwrap(),
		}),
	)
	.await;
	let offer_id = lease_events(&state::events(&rpc, offered).await)
		.into_iter()
		.find_map(|e| match e {
			LeasesEvent::OfferPublished { id, .. } => Some(id),
			_ => None,
		})
		.expect("OfferPublished");

	// Bob orders ≥ 40 GiB × 4 for 1000 blocks at ≤ 2 milli-HTH, auto-award.
	let max_price = 2 * price;
	// At least the chain's least order deposit (1 HTH): 1000 blocks at the maximum.
	let deposit = 1_000 * max_price;
	let requirements = Requirements { min_vram_gib: 40, models: Default::default(), count: 4 };
	let ordered = tx::send(
		&rpc,
		&ctx,
		Bob,
		RuntimeCall::Leases(LeasesCall::open_order {
			netuid: 1,
			requirements,
			max_price,
			duration: 1_000,
			deposit,
			auto_award: true,
		}),
	)
	.await;
	let bob_start = free(&rpc, &bob, state::parent_of(&rpc, ordered).await).await;
	let mut bob_fees = state::fee_paid(&rpc, &bob, ordered).await;
	let order_id = lease_events(&state::events(&rpc, ordered).await)
		.into_iter()
		.find_map(|e| match e {
			LeasesEvent::OrderOpened { id, deposit: d, .. } if d == deposit => Some(id),
			_ => None,
		})
		.expect("OrderOpened");
	let bid =
		tx::send(&rpc, &ctx, Eve, RuntimeCall::Leases(LeasesCall::bid { id: order_id, offer: offer_id, price })).await;
	let mut eve_fees = state::fee_paid(&rpc, &eve, bid).await;
	// Eve's balance right before her bid (after her offer) is the reference.
	let eve_start = free(&rpc, &eve, state::parent_of(&rpc, bid).await).await;

	// The window closes and the auction awards Eve's bid on chain.
	let lease: Lease = wait_until("the auction's award", Duration::from_secs(60), || async {
		state::runtime_api::<Option<Lease>>(&rpc, "LeasesApi_lease", &order_id.encode(), None).await
	})
	.await;
	assert_eq!((lease.lease.provider.clone(), lease.lease.price), (eve.clone(), price));
	let start = lease.lease.start;

	// A few blocks later Eve heartbeats and withdraws what she earned.
	wait_until("five leased blocks", Duration::from_secs(60), || async {
		rpc.best_number().await.filter(|n| *n >= start + 5)
	})
	.await;
	let beat = tx::send(&rpc, &ctx, Eve, RuntimeCall::Leases(LeasesCall::heartbeat {})).await;
	eve_fees += state::fee_paid(&rpc, &eve, beat).await;
	let withdrew = tx::send(&rpc, &ctx, Eve, RuntimeCall::Leases(LeasesCall::withdraw { id: order_id })).await;
	eve_fees += state::fee_paid(&rpc, &eve, withdrew).await;
	let withdrew_at = rpc.block_number(Some(withdrew)).await.unwrap();
	let events = lease_events(&state::events(&rpc, withdrew).await);
	let paid_blocks = u128::from(withdrew_at - start);
	assert!(events.contains(&LeasesEvent::Settled {
		id: order_id,
		paid: paid_blocks * price,
		burned: paid_blocks * price / 20,
		until: withdrew_at
	}));
	assert!(events.contains(&LeasesEvent::Withdrawn { id: order_id, amount: paid_blocks * price * 19 / 20 }));

	// Bob closes: the rest of his escrow comes back.
	let closed = tx::send(&rpc, &ctx, Bob, RuntimeCall::Leases(LeasesCall::close_lease { id: order_id })).await;
	bob_fees += state::fee_paid(&rpc, &bob, closed).await;
	let closed_at = rpc.block_number(Some(closed)).await.unwrap();
	let served = u128::from(closed_at - start);
	let events = lease_events(&state::events(&rpc, closed).await);
	assert!(events.iter().any(|e| matches!(e,
		LeasesEvent::LeaseClosed { id, reason: CloseReason::ByTenant, refunded, bond_to_tenant: 0, .. }
			if *id == order_id && *refunded == deposit - served * price)));
	assert_eq!(
		state::runtime_api::<Option<Lease>>(&rpc, "LeasesApi_lease", &order_id.encode(), Some(closed)).await,
		None
	);

	// To the unit: Bob paid the served blocks and his fees; Eve got 95 % of them and
	// her bond back, less her fees.
	assert_eq!(free(&rpc, &bob, closed).await, bob_start - served * price - bob_fees);
	assert_eq!(free(&rpc, &eve, closed).await, eve_start + served * price * 19 / 20 - eve_fees);
}
