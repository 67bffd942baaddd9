//! `hearth`, the tenant's tool: rent a GPU and check what it gave, without writing code.
//!
//! ```text
//! hearth order --netuid 1 --max-price 0.002 --duration 1000 --deposit 2   # waits for the award
//! hearth embed --lease 7 --model all-minilm-l6-v2 "some text" "more"      # receipts saved
//! hearth check --model all-minilm-l6-v2.hearth receipts/*.json            # re-run with the CPU twin
//! hearth challenge --model all-minilm-l6-v2.hearth receipts/7-1000.json   # prove a wrong one on chain
//! hearth lease status 7 | hearth lease top-up 7 1.5 | hearth lease close 7
//! hearth status --netuid 1 --watch 2                                       # the network, live
//! hearth subnet create | set-rate-limit | register-model | register     # a subnet owner's calls
//! hearth stake claim --hotkey-key FILE | hearth stake add --hotkey SS58 100
//! ```
//!
//! It is a second binary of the worker's package, not a crate of its own: it signs with
//! the worker's chain client, calls miners with the worker's signed-call headers and
//! re-runs receipts with the worker's verifier, so the three can never disagree.
//! Every answer is JSON on stdout; every failure one line on stderr, exit status 1.
//! Amounts are HTH as decimal strings (`"0.002"`), exact to the 10⁻¹² unit.

pub mod args;
pub mod owner;
pub mod status;
pub mod submit;

use crate::chain::Chain;
use crate::keys::Hotkey;
use args::{Cli, Command, LeaseCommand};
use codec::{Decode, Encode};
use hearth_primitives::receipt::{Call, Served};
use hearth_runtime::RuntimeCall;
use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;
use submit::send;

/// How long a transaction may take to be included.
const INCLUSION: Duration = Duration::from_secs(60);

/// Runs `cli`.
pub fn dispatch(cli: Cli) -> Result<Value, String> {
	let command = match cli.command {
		Command::Check(args) => return check(&args.model, &args.receipts),
		other => other,
	};
	// Status reads only; any key (or none) will do.
	let key = match (&command, load_key(cli.key.as_deref())) {
		(_, Ok(key)) => key,
		(Command::Status(_), Err(_)) => Hotkey::from_suri("//Status")?,
		(_, Err(e)) => return Err(e),
	};
	let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| e.to_string())?;
	runtime.block_on(async move {
		let chain = Chain::connect(&cli.node).await.map_err(|e| e.to_string())?;
		match command {
			Command::Order(a) => order(&chain, &key, a).await,
			Command::Embed(a) => embed(&chain, &key, a).await,
			Command::Challenge(a) => challenge(&chain, &key, &a.receipt, &a.model).await,
			Command::Lease(LeaseCommand::Status { id }) => lease_status(&chain, id).await,
			Command::Lease(LeaseCommand::TopUp { id, amount }) => {
				let amount = crate::config::parse_hth(&amount).map_err(|e| format!("amount: {e}"))?;
				let call = RuntimeCall::Leases(pallet_hearth_leases::Call::top_up { id, amount });
				let done = send(&chain, &key, call, INCLUSION).await?;
				Ok(
					json!({"lease": id, "topped_up": hth(amount), "block": done.number, "now": lease_status(&chain, id).await?}),
				)
			},
			Command::Lease(LeaseCommand::Close { id }) => {
				let call = RuntimeCall::Leases(pallet_hearth_leases::Call::close_lease { id });
				let done = send(&chain, &key, call, INCLUSION).await?;
				let refund = done.events.iter().find_map(|e| match e {
					hearth_runtime::RuntimeEvent::Leases(pallet_hearth_leases::Event::LeaseClosed {
						refunded, ..
					}) => Some(*refunded),
					_ => None,
				});
				Ok(json!({"lease": id, "closed_in_block": done.number, "refund": refund.map(hth)}))
			},
			Command::Subnet(c) => owner::subnet(&chain, &key, c).await,
			Command::Stake(c) => owner::stake(&chain, &key, c).await,
			Command::Status(a) => status::status(&chain, a).await,
			Command::Check(_) => Err("check runs without a node".into()),
		}
	})
}

/// The key from `--key FILE` (owner-only) or `$SURI`.
pub fn load_key(file: Option<&Path>) -> Result<Hotkey, String> {
	match (file, std::env::var("SURI")) {
		(Some(path), _) => Hotkey::load(path),
		(None, Ok(suri)) => Hotkey::from_suri(&suri).map_err(|e| format!("SURI: {e}")),
		(None, Err(_)) => {
			Err("no key: pass --key FILE (an owner-only file holding a secret URI) or set SURI; never a flag".into())
		},
	}
}

/// HTH as an exact decimal string.
pub use crate::config::format_hth as hth;

async fn order(chain: &Chain, key: &Hotkey, a: args::OrderArgs) -> Result<Value, String> {
	let max_price = crate::config::parse_hth(&a.max_price).map_err(|e| format!("--max-price: {e}"))?;
	let deposit = crate::config::parse_hth(&a.deposit).map_err(|e| format!("--deposit: {e}"))?;
	let requirements =
		pallet_hearth_leases::Requirements { min_vram_gib: a.min_vram, models: Default::default(), count: a.count };
	let call = RuntimeCall::Leases(pallet_hearth_leases::Call::open_order {
		netuid: a.netuid,
		requirements,
		max_price,
		duration: a.duration,
		deposit,
		auto_award: true,
	});
	let done = send(chain, key, call, INCLUSION).await?;
	let id = done
		.events
		.iter()
		.find_map(|e| match e {
			hearth_runtime::RuntimeEvent::Leases(pallet_hearth_leases::Event::OrderOpened { id, .. }) => Some(*id),
			_ => None,
		})
		.ok_or("the order's block has no OrderOpened event")?;
	let deadline = std::time::Instant::now() + Duration::from_secs(a.wait);
	while std::time::Instant::now() < deadline {
		if let Some(view) = chain.lease_view(id, None).await.map_err(|e| e.to_string())? {
			let endpoint = endpoint_of(chain, view.lease.netuid, &view.lease.provider).await?;
			return Ok(json!({
				"order": id,
				"lease": id,
				"provider": sp_core::crypto::Ss58Codec::to_ss58check(&view.lease.provider),
				"endpoint": endpoint.map(|e| e.to_string()),
				"price_per_block": hth(view.lease.price),
				"start": view.lease.start,
				"end": view.lease.end,
				"escrow": hth(view.escrow_remaining),
			}));
		}
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
	Err(format!("order {id} is open but no provider won it within {} s (it stays open: close it or wait)", a.wait))
}

/// The provider's published endpoint on `netuid`.
async fn endpoint_of(
	chain: &Chain,
	netuid: u16,
	provider: &sp_core::crypto::AccountId32,
) -> Result<Option<std::net::SocketAddr>, String> {
	let graph = chain.metagraph(netuid, None).await.map_err(|e| e.to_string())?;
	let neuron = graph.and_then(|g| g.neurons.into_iter().find(|n| n.hotkey == *provider));
	Ok(neuron.and_then(|n| n.endpoint).map(|e| {
		let ip = std::net::Ipv6Addr::from(e.ip);
		match ip.to_ipv4_mapped() {
			Some(v4) => std::net::SocketAddr::from((v4, e.port)),
			None => std::net::SocketAddr::from((ip, e.port)),
		}
	}))
}

/// The next nonce to use from `dir` (a `nonce` file), reserving `n` of them.
fn reserve_nonces(dir: &Path, n: u64) -> Result<u64, String> {
	std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
	let file = dir.join("nonce");
	let next = match std::fs::read_to_string(&file) {
		Ok(text) => text.trim().parse::<u64>().map_err(|_| format!("{}: not a nonce", file.display()))?,
		// A fresh directory starts at the time in milliseconds, far from any other's.
		Err(_) => std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map(|d| d.as_millis() as u64)
			.unwrap_or(1),
	};
	let after = next.checked_add(n).ok_or("the nonce range overflows u64")?;
	std::fs::write(&file, after.to_string()).map_err(|e| format!("{}: {e}", file.display()))?;
	Ok(next)
}

async fn embed(chain: &Chain, key: &Hotkey, a: args::EmbedArgs) -> Result<Value, String> {
	let view = chain.lease_view(a.lease, None).await.map_err(|e| e.to_string())?.ok_or_else(|| {
		format!("lease {} is not running (`hearth order` opens one; `hearth lease status` shows it)", a.lease)
	})?;
	if view.lease.tenant != key.account() {
		return Err(format!("lease {} belongs to another tenant", a.lease));
	}
	let miner = view.lease.provider.clone();
	let addr = endpoint_of(chain, view.lease.netuid, &miner)
		.await?
		.ok_or("the lease's provider publishes no endpoint on its subnet")?;
	let body = json!({"model": a.model, "input": a.texts}).to_string().into_bytes();
	let nonce = reserve_nonces(&a.receipts, a.texts.len() as u64)?;
	let call = Call {
		genesis: chain.genesis.0,
		netuid: view.lease.netuid,
		miner: miner.clone(),
		requester: key.account(),
		nonce,
		served: Served::Lease(a.lease),
		body_hash: sp_crypto_hashing::blake2_256(&body),
	};
	let headers = crate::serve::auth::call_headers(key, &call);
	let (status, text) = crate::serve::http::request(addr, "POST", "/v1/embeddings", &headers, &body)
		.await
		.map_err(|e| format!("the miner at {addr} does not answer: {e}"))?;
	let answer: Value = serde_json::from_str(&text).map_err(|_| format!("the miner answered {status}: {text}"))?;
	if status != 200 {
		let why = answer.pointer("/error/message").and_then(Value::as_str).unwrap_or(&text);
		return Err(format!("the miner refused the call ({status}): {why}"));
	}
	let mut data = Vec::new();
	for item in answer["data"].as_array().ok_or("the miner's answer has no data")? {
		let n = item["hearth"]["nonce"].as_u64().ok_or("an item without a nonce")?;
		let path = a.receipts.join(format!("{}-{n}.json", a.lease));
		std::fs::write(&path, item["hearth"].to_string()).map_err(|e| format!("{}: {e}", path.display()))?;
		data.push(json!({"index": item["index"], "nonce": n, "embedding": item["embedding"], "receipt": path}));
	}
	Ok(
		json!({"lease": a.lease, "miner": sp_core::crypto::Ss58Codec::to_ss58check(&miner), "model": answer["model"], "data": data, "usage": answer["usage"]}),
	)
}

/// `check`: every receipt re-run; the wrong ones named.
fn check(model: &Path, receipts: &[std::path::PathBuf]) -> Result<Value, String> {
	let mut wrong = Vec::new();
	for file in receipts {
		let verdict = crate::verify::verify(file, model)?;
		if verdict["honest"] != json!(true) {
			wrong
				.push(json!({"receipt": file, "first_wrong_step": verdict["first_wrong_step"], "why": verdict["why"]}));
		}
	}
	Ok(json!({"checked": receipts.len(), "honest": receipts.len() - wrong.len(), "wrong": wrong}))
}

async fn challenge(chain: &Chain, key: &Hotkey, receipt: &Path, model_file: &Path) -> Result<Value, String> {
	let verdict = crate::verify::verify(receipt, model_file)?;
	if verdict["honest"] == json!(true) {
		return Err("the receipt is honest (the re-run matches every step): a challenge would lose the bond".into());
	}
	let step = verdict["first_wrong_step"].as_u64().ok_or_else(|| {
		format!("the receipt is wrong but no step can be challenged: {}", verdict["why"].as_str().unwrap_or("?"))
	})? as u32;
	let item: Value = serde_json::from_str(&std::fs::read_to_string(receipt).map_err(|e| e.to_string())?)
		.map_err(|e| format!("{}: {e}", receipt.display()))?;
	let signed: crate::serve::WireReceipt = submit::decode_hex(item["receipt"].as_str().unwrap_or(""), "receipt")?;
	let tokens: Vec<u32> = serde_json::from_value(item["tokens"].clone()).map_err(|e| format!("tokens: {e}"))?;
	let bytes = std::fs::read(model_file).map_err(|e| format!("{}: {e}", model_file.display()))?;
	let model = hearth_engine::decode(&bytes).map_err(|e| format!("{}: {e}", model_file.display()))?;
	let (input, chunk) = crate::verifier::challenge_material(&model, &tokens, step, 2)?;
	let subject = pallet_hearth_jobs::Subject::Receipt(
		pallet_hearth_jobs::SignedReceiptOf::<hearth_runtime::Runtime>::decode(&mut &signed.encode()[..])
			.map_err(|e| format!("receipt: {e}"))?,
	);
	let chunk = chunk.try_into().map_err(|_| "the chunk is over the chain's bound".to_string())?;
	let call = RuntimeCall::Jobs(pallet_hearth_jobs::Call::challenge { subject, step, input, chunk });
	let done = send(chain, key, call, INCLUSION).await?;
	for e in &done.events {
		match e {
			hearth_runtime::RuntimeEvent::Jobs(pallet_hearth_jobs::Event::ProvenWrong { miner, step, .. }) => {
				return Ok(
					json!({"proven_wrong": true, "miner": sp_core::crypto::Ss58Codec::to_ss58check(miner), "step": step, "block": done.number}),
				);
			},
			hearth_runtime::RuntimeEvent::Jobs(pallet_hearth_jobs::Event::ChallengeFailed { bond, .. }) => {
				return Ok(json!({"proven_wrong": false, "bond_lost": hth(*bond), "block": done.number}));
			},
			_ => {},
		}
	}
	Err(format!("the challenge's block {} has no ruling event", done.number))
}

async fn lease_status(chain: &Chain, id: u64) -> Result<Value, String> {
	let view = chain
		.lease_view(id, None)
		.await
		.map_err(|e| e.to_string())?
		.ok_or_else(|| format!("lease {id} is not running"))?;
	let l = &view.lease;
	Ok(json!({
		"lease": id,
		"tenant": sp_core::crypto::Ss58Codec::to_ss58check(&l.tenant),
		"provider": sp_core::crypto::Ss58Codec::to_ss58check(&l.provider),
		"netuid": l.netuid,
		"price_per_block": hth(l.price),
		"start": l.start,
		"end": l.end,
		"escrow_remaining": hth(view.escrow_remaining),
		"withdrawable": hth(view.withdrawable),
		"paid_blocks_left": view.paid_blocks_left,
		"last_heartbeat": view.last_heartbeat,
	}))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn amounts_print_exactly_and_nonces_never_repeat_in_a_directory() {
		assert_eq!(hth(1_000_000_000_000), "1");
		assert_eq!(hth(1_500_000_000_000), "1.5");
		assert_eq!(hth(1), "0.000000000001");
		assert_eq!(hth(0), "0");
		let dir = tempfile::tempdir().unwrap();
		let a = reserve_nonces(dir.path(), 3).unwrap();
		let b = reserve_nonces(dir.path(), 1).unwrap();
		assert_eq!(b, a + 3);
		std::fs::write(dir.path().join("nonce"), "x").unwrap();
		assert!(reserve_nonces(dir.path(), 1).unwrap_err().contains("not a nonce"));
		std::fs::write(dir.path().join("nonce"), u64::MAX.to_string()).unwrap();
		assert_eq!(reserve_nonces(dir.path(), 1).unwrap_err(), "the nonce range overflows u64");
	}

	#[test]
	fn keys_come_from_a_file_or_suri_never_a_flag() {
		// nextest runs each test in its own process.
		std::env::remove_var("SURI");
		assert!(load_key(None).err().unwrap().contains("set SURI"));
		std::env::set_var("SURI", "//Bob");
		assert_eq!(load_key(None).unwrap().account(), Hotkey::from_suri("//Bob").unwrap().account());
		let dir = tempfile::tempdir().unwrap();
		let open = dir.path().join("key");
		std::fs::write(&open, "//Eve\n").unwrap();
		use std::os::unix::fs::PermissionsExt;
		std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).unwrap();
		assert!(load_key(Some(&open)).err().unwrap().contains("chmod 600"));
	}
}
