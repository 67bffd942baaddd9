//! `hearth status`: the network at a glance, from the node (blocks, the subnet's
//! metagraph and last epoch, leases), the node's scoring worker
//! (`hearth_validatorStatus`: scores, the last weights sent, challenges) and workers'
//! `/metrics` (requests served). `--watch N` redraws every N seconds.

use super::args::StatusArgs;
use super::hth;
use crate::chain::Chain;
use serde_json::{json, Value};
use sp_core::crypto::Ss58Codec;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

/// Runs `status`.
pub async fn status(chain: &Chain, args: StatusArgs) -> Result<Value, String> {
	let note = match &args.note {
		Some(path) => std::fs::read_to_string(path).map_err(|e| format!("--note {}: {e}", path.display()))?,
		None => String::new(),
	};
	loop {
		let snap = match snapshot(chain, args.netuid, &args.worker).await {
			Ok(s) => s,
			Err(e) if args.watch > 0 => json!({"error": e}),
			Err(e) => return Err(e),
		};
		if args.watch == 0 {
			return Ok(snap);
		}
		let screen = match snap.get("error") {
			Some(e) => format!("the node does not answer: {e}\n"),
			None => render(&snap),
		};
		let mut out = std::io::stdout().lock();
		let _ = std::io::Write::write_all(&mut out, format!("\x1b[2J\x1b[H{screen}\n{note}").as_bytes());
		let _ = std::io::Write::flush(&mut out);
		drop(out);
		tokio::time::sleep(Duration::from_secs(args.watch)).await;
	}
}

fn short(who: &sp_core::crypto::AccountId32) -> String {
	let a = who.to_ss58check();
	format!("{}…{}", &a[..6], &a[a.len() - 4..])
}

/// `inputs_total` and `receipts_signed_total` of a worker's `/metrics`.
async fn served(addr: std::net::SocketAddr) -> Value {
	let Ok((200, text)) = crate::serve::http::request(addr, "GET", "/metrics", &[], b"").await else {
		return json!({"worker": addr.to_string(), "reachable": false});
	};
	let metric = |name: &str| {
		text.lines().find_map(|l| l.strip_prefix(name)?.trim().parse::<f64>().ok()).map(|v| v as u64).unwrap_or(0)
	};
	json!({
		"worker": addr.to_string(),
		"reachable": true,
		"inputs": metric("hearth_worker_inputs_total "),
		"receipts": metric("hearth_worker_receipts_signed_total "),
	})
}

async fn snapshot(chain: &Chain, netuid: u16, workers: &[std::net::SocketAddr]) -> Result<Value, String> {
	let e = |e: crate::chain::ChainError| e.to_string();
	let (best_hash, best) = chain.best().await.map_err(e)?;
	let finalized_hash: sp_core::H256 = chain.call("chain_getFinalizedHead", vec![]).await.map_err(e)?;
	let finalized = chain
		.call::<Value>("chain_getHeader", vec![json!(finalized_hash)])
		.await
		.map_err(e)?
		.get("number")
		.and_then(Value::as_str)
		.and_then(|n| u32::from_str_radix(n.trim_start_matches("0x"), 16).ok());
	let graph = chain.metagraph(netuid, Some(best_hash)).await.map_err(e)?;
	// The scoring worker's view, when this node runs one.
	let scoring: Vec<Value> = chain.call("hearth_validatorStatus", vec![json!(netuid)]).await.unwrap_or_default();
	let mut scores: BTreeMap<u64, u64> = BTreeMap::new();
	let mut weights: BTreeMap<u64, u64> = BTreeMap::new();
	let mut challenges = (0usize, 0usize);
	for v in &scoring {
		for s in v["scores"].as_array().into_iter().flatten() {
			scores.insert(s["uid"].as_u64().unwrap_or(0), s["score"].as_u64().unwrap_or(0));
		}
		let last_vote = v["decisions"].as_array().into_iter().flatten().rev().find(|d| d["kind"] == "weights_set");
		if let Some(vote) = last_vote {
			let uids = vote["vote"]["uids"].as_array().cloned().unwrap_or_default();
			let values = vote["vote"]["values"].as_array().cloned().unwrap_or_default();
			for (u, w) in uids.iter().zip(values) {
				weights.insert(u.as_u64().unwrap_or(0), w.as_u64().unwrap_or(0));
			}
		}
		let sent = v["challenges"].as_array().cloned().unwrap_or_default();
		challenges.0 += sent.len();
		challenges.1 += sent.iter().filter(|c| c["proven"] == json!(true)).count();
	}
	let neurons: Vec<Value> = graph
		.as_ref()
		.map(|g| {
			g.neurons
				.iter()
				.map(|n| {
					let uid = u64::from(n.uid);
					json!({
						"uid": n.uid,
						"hotkey": n.hotkey.to_ss58check(),
						"short": short(&n.hotkey),
						"stake": hth(n.stake),
						"permit": n.stats.validator_permit,
						"serving": n.endpoint.is_some(),
						"score": scores.get(&uid),
						"weight": weights.get(&uid),
						"incentive": n.stats.incentive,
						"dividends": n.stats.dividends,
					})
				})
				.collect()
		})
		.unwrap_or_default();
	let mut leases = Vec::new();
	for (id, _) in chain.leases(Some(best_hash)).await.map_err(e)? {
		if let Some(v) = chain.lease_view(id, Some(best_hash)).await.map_err(e)? {
			leases.push(json!({
				"lease": id,
				"tenant": short(&v.lease.tenant),
				"provider": short(&v.lease.provider),
				"price_per_block": hth(v.lease.price),
				"escrow_remaining": hth(v.escrow_remaining),
				"withdrawable": hth(v.withdrawable),
				"last_heartbeat": v.last_heartbeat,
			}));
		}
	}
	let mut requests = Vec::new();
	for w in workers {
		requests.push(served(*w).await);
	}
	Ok(json!({
		"best": best,
		"finalized": finalized,
		"netuid": netuid,
		"epochs": graph.as_ref().map(|g| g.info.epochs),
		"next_epoch_at": graph.as_ref().map(|g| g.next_epoch_at),
		"last_epoch": graph.as_ref().and_then(|g| g.last_epoch).map(|a| json!({
			"block": a.block, "emission": hth(a.emission), "to_miners": hth(a.to_miners),
			"to_validators": hth(a.to_validators), "to_owner": hth(a.to_owner),
		})),
		"neurons": neurons,
		"leases": leases,
		"requests": requests,
		"challenges": {"sent": challenges.0, "proven_wrong": challenges.1},
		"scoring_keys": scoring.len(),
	}))
}

/// One line of the neuron table (the header uses it too, so the columns line up).
fn neuron_row(o: &mut String, c: [&str; 9]) {
	let _ = writeln!(
		o,
		"{:>4}  {:<13} {:>19}  {:>6}  {:>7}  {:>8}  {:>6}  {:>9}  {:>9}",
		c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]
	);
}

/// The snapshot as a screen of text.
pub fn render(s: &Value) -> String {
	let mut o = String::new();
	let text = crate::run::show;
	let _ = writeln!(
		o,
		"Hearth — block #{} (finalized #{}) — subnet {}: epoch {}, next at #{}",
		s["best"],
		text(&s["finalized"]),
		s["netuid"],
		text(&s["epochs"]),
		text(&s["next_epoch_at"])
	);
	match &s["last_epoch"] {
		Value::Null => {
			let _ = writeln!(o, "last epoch: none yet");
		},
		e => {
			let _ = writeln!(
				o,
				"last epoch (#{}): emitted {} HTH → miners {}, validators {}, owner {}",
				e["block"],
				text(&e["emission"]),
				text(&e["to_miners"]),
				text(&e["to_validators"]),
				text(&e["to_owner"])
			);
		},
	}
	o.push('\n');
	neuron_row(
		&mut o,
		["uid", "hotkey", "stake (HTH)", "permit", "serving", "score", "weight", "incentive", "dividends"],
	);
	for n in s["neurons"].as_array().into_iter().flatten() {
		let score = n["score"].as_u64().map(|p| format!("{:.3}", p as f64 / 1e6)).unwrap_or_else(|| "-".into());
		let yes = |v: &Value| if *v == json!(true) { "yes" } else { "no" };
		neuron_row(
			&mut o,
			[
				&text(&n["uid"]),
				&text(&n["short"]),
				&text(&n["stake"]),
				yes(&n["permit"]),
				yes(&n["serving"]),
				&score,
				&text(&n["weight"]),
				&text(&n["incentive"]),
				&text(&n["dividends"]),
			],
		);
	}
	let _ = writeln!(o, "\nleases:");
	for l in s["leases"].as_array().into_iter().flatten() {
		let _ = writeln!(
			o,
			"  #{} {} → {}  {} HTH/block  escrow {}  earned {}  heartbeat #{}",
			l["lease"],
			text(&l["tenant"]),
			text(&l["provider"]),
			text(&l["price_per_block"]),
			text(&l["escrow_remaining"]),
			text(&l["withdrawable"]),
			text(&l["last_heartbeat"])
		);
	}
	let _ = writeln!(o, "\nrequests served:");
	for r in s["requests"].as_array().into_iter().flatten() {
		if r["reachable"] == json!(true) {
			let _ = writeln!(o, "  {}: {} inputs, {} receipts signed", text(&r["worker"]), r["inputs"], r["receipts"]);
		} else {
			let _ = writeln!(o, "  {}: not reachable", text(&r["worker"]));
		}
	}
	let _ = writeln!(
		o,
		"\nchallenges by this node's validator: {} sent, {} proven wrong   (scoring keys: {})",
		s["challenges"]["sent"], s["challenges"]["proven_wrong"], s["scoring_keys"]
	);
	o
}
