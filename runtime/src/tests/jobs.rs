//! The jobs pallet as configured: the dispute budget against all-MiniLM-L6-v2, the
//! challenge window against the unbonding period, and receipts signed with real
//! sr25519 keys.

use super::*;
use hearth_primitives::{Receipt, Served, SignedReceipt};
use pallet_hearth_jobs::engine::format::encode_header;
use pallet_hearth_jobs::engine::model::{Activation as Act, Architecture, BertConfig};
use pallet_hearth_jobs::{ChunkHashes, Error, Header, ReceiptProblem};

type Jobs = crate::Jobs;

const MINILM: BertConfig =
	BertConfig { vocab: 30522, max_positions: 512, type_vocab: 2, hidden: 384, layers: 6, heads: 12, ffn: 1536 };

/// Alice creates a subnet; returns its netuid.
fn subnet() -> u16 {
	assert_ok!(crate::Subnets::create_subnet(RuntimeOrigin::signed(alice()), 1_000_000 * HTH));
	System::events()
		.into_iter()
		.find_map(|r| match r.event {
			RuntimeEvent::Subnets(pallet_hearth_subnets::Event::SubnetCreated { netuid, .. }) => Some(netuid),
			_ => None,
		})
		.expect("created")
}

fn register(netuid: u16, arch: &Architecture, max_input: u32) -> frame_support::dispatch::DispatchResult {
	let steps = arch.chunk_lens().len();
	let hashes = ChunkHashes::truncate_from((0..steps).map(|i| [i as u8; 32]).collect::<Vec<_>>());
	Jobs::register_model(
		RuntimeOrigin::signed(alice()),
		netuid,
		Header::truncate_from(encode_header(arch)),
		hashes,
		max_input,
	)
}

/// The dispute budget, and what a challenge of MiniLM costs in this runtime (from the
/// measured `challenge_layer` weights): printed for the README and the notes.
#[test]
fn minilm_registers_up_to_its_256_tokens_and_no_further_than_the_budget() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let netuid = subnet();
		let arch = Architecture::Bert(MINILM);
		assert_noop!(register(netuid, &arch, 512), Error::<Runtime>::StepOverBudget);
		assert_noop!(register(netuid, &arch, 261), Error::<Runtime>::StepOverBudget);
		assert_ok!(register(netuid, &arch, 256));
		let (_, info) = Jobs::models_of(netuid).pop().expect("registered");
		println!(
			"MiniLM at 256 tokens: costliest step {} multiply-adds, largest dispute payload {} bytes, deposit {} mHTH",
			info.step_multiply_adds,
			info.largest_chunk,
			info.deposit / MILLI_HTH
		);
		assert_eq!(info.largest_chunk, 1_799_825, "a layer's chunk; the embeddings go as a proof");
		let ms = |w: frame_support::weights::Weight| w.ref_time() as f64 / 1e9;
		for t in [32u32, 128, 256] {
			use pallet_hearth_jobs::WeightInfo as _;
			let w = <Runtime as pallet_hearth_jobs::Config>::WeightInfo::challenge_layer(t);
			let macs = pallet_hearth_jobs::budget::reference_cost(t);
			println!(
				"MiniLM layer step in the runtime at {t} tokens: {:.1} ms, {:.2} ns per multiply-add",
				ms(w),
				w.ref_time() as f64 / 1e3 / macs as f64
			);
		}
		let charged = Jobs::challenge_weight(Jobs::dispute_tokens(info.step_multiply_adds), info.largest_chunk);
		assert_eq!(Jobs::step_weight(&info, 3), charged, "a layer is the costliest step");
		let (embeddings, pooling) = (Jobs::step_weight(&info, 0), Jobs::step_weight(&info, 7));
		println!(
			"a challenge of MiniLM's embeddings is charged {:.1} ms, of its pooling {:.1} ms",
			ms(embeddings),
			ms(pooling)
		);
		assert!(embeddings.ref_time() < charged.ref_time() / 5 && pooling.ref_time() < charged.ref_time() / 5);
		let worst = Jobs::challenge_worst_case();
		println!("a MiniLM challenge is charged {:.1} ms; the worst case {:.1} ms", ms(charged), ms(worst));
		let normal = crate::configs::RuntimeBlockWeights::get()
			.get(frame_support::dispatch::DispatchClass::Normal)
			.max_extrinsic
			.expect("limited");
		assert!(worst.all_lte(normal), "the worst challenge fits one block's normal class");
		// A wide MLP layer whose chunk is over 2.5 MiB is refused whatever its cost.
		let wide = Architecture::Mlp { input_dim: 4096, layers: vec![(700, Act::Relu)] };
		assert_noop!(register(netuid, &wide, 4096), Error::<Runtime>::ChunkOverBudget);
	});
}

/// A slash reported at the end of the window must find the stake that answered for
/// the receipt still bonded or unbonding.
#[test]
fn the_challenge_window_is_inside_the_unbonding_period() {
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		preset_ext(preset).execute_with(|| {
			let window = <Runtime as pallet_hearth_jobs::Config>::ChallengeWindow::get();
			let unbonding = <Runtime as pallet_hearth_staking::Config>::UnbondingPeriod::get();
			assert!(window >= 1 && window < unbonding, "{preset}: window {window}, unbonding {unbonding}");
		});
	}
}

#[test]
fn a_receipt_signed_by_a_real_hotkey_is_checked_on_chain() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let netuid = subnet();
		let arch = Architecture::Mlp { input_dim: 4, layers: vec![(2, Act::Relu)] };
		assert_ok!(register(netuid, &arch, 4));
		let (model, _) = Jobs::models_of(netuid).pop().expect("registered");
		let miner = Sr25519Keyring::Charlie;
		let receipt = Receipt {
			genesis: Jobs::genesis_hash(),
			netuid,
			miner: miner.to_account_id(),
			model,
			requester: bob(),
			nonce: 1,
			input_hash: [1; 32],
			output_hash: [2; 32],
			trace: frame_support::BoundedVec::truncate_from(vec![[3; 32]]),
			served: Served::Probe,
			block: 1,
		};
		let signed = |r: Receipt<AccountId>, by: Sr25519Keyring| SignedReceipt {
			signature: crate::Signature::from(by.sign(&r.signing_payload())),
			receipt: r,
		};
		assert_eq!(Jobs::check_receipt(&signed(receipt.clone(), miner)), Ok(()));
		assert_eq!(
			Jobs::check_receipt(&signed(receipt.clone(), Sr25519Keyring::Dave)),
			Err(ReceiptProblem::BadSignature)
		);
		let foreign = Receipt { genesis: [9; 32], ..receipt.clone() };
		assert_eq!(Jobs::check_receipt(&signed(foreign, miner)), Err(ReceiptProblem::ForeignChain));
		// The signature covers the domain-separated payload, not the bare encoding.
		let bare = SignedReceipt {
			signature: crate::Signature::from(miner.sign(&codec::Encode::encode(&receipt))),
			receipt: receipt.clone(),
		};
		assert_eq!(Jobs::check_receipt(&bare), Err(ReceiptProblem::BadSignature));
	});
}
