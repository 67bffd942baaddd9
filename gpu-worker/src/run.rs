//! `hearth-worker run` and `hearth-worker status`.
//!
//! `run` loads and checks everything before it touches the network (configuration,
//! hotkey, models, journal, both listen addresses), then serves tenants and follows
//! the chain until SIGTERM or SIGINT, when it stops accepting, lets requests in flight
//! finish, and exits 0.

use crate::args::ConfigArgs;
use crate::chain::Chain;
use crate::config::{Config, Resolved};
use crate::journal::Journal;
use crate::keys::Hotkey;
use crate::miner::Miner;
use crate::serve::{batch::Batcher, http, limit::Limiter, metrics::Metrics, models, ChainView, Server};
use serde_json::{json, Value};
use std::sync::{Arc, RwLock};

/// The configuration from the file, environment and flags, or every problem.
pub fn load_config(args: &ConfigArgs) -> Result<Config, String> {
	Resolved::gather(args.config.as_deref(), &|name| std::env::var(name).ok(), &args.set).config().map_err(|problems| {
		format!("the configuration has problems (see `hearth-worker config check`):\n  {}", problems.join("\n  "))
	})
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
	tokio::runtime::Builder::new_multi_thread()
		.worker_threads(2)
		.enable_all()
		.build()
		.map_err(|e| format!("cannot start the async runtime: {e}"))
}

/// `run`: the miner (module docs).
pub fn run(args: &ConfigArgs) -> Result<Value, String> {
	let _ = tracing_subscriber::fmt()
		.with_env_filter(
			tracing_subscriber::EnvFilter::try_from_default_env()
				.unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
		)
		.with_target(false)
		.try_init();
	let config = load_config(args)?;
	let hotkey = Hotkey::load(&config.hotkey_file)?;
	let models = models::load_dir(&config.models_dir, config.backend, config.threads)?;
	let journal = Arc::new(Journal::open(&config.journal_path).map_err(|e| e.to_string())?);
	let metrics = Arc::new(Metrics::new().map_err(|e| format!("metrics: {e}"))?);
	for m in models.values() {
		let backend = m.backend_name.split(' ').next().unwrap_or("cpu");
		metrics.backend.with_label_values(&[backend]).set(1);
		tracing::info!(model = %m.name, id = %format!("0x{}", hex::encode(m.id)), backend = %m.backend_name, "model loaded");
	}
	let (gpu, described) = crate::miner::gpu::detect();
	tracing::info!(hotkey = %hotkey.address(), gpus = %described, "starting");
	let view = Arc::new(RwLock::new(ChainView::default()));
	// One compute thread per device (every model is on the same devices).
	let devices = models.values().map(|m| m.backends.len()).min().unwrap_or(1);
	let batcher = Batcher::start(config.max_batch, devices);
	let server = Arc::new(Server {
		hotkey: hotkey.clone(),
		netuid: config.netuid,
		models: models.clone(),
		view: view.clone(),
		journal: journal.clone(),
		batcher: batcher.clone(),
		limiter: Limiter::new(config.requests_per_minute),
		max_inputs: config.max_inputs,
		metrics: metrics.clone(),
	});
	let miner = Miner { config: config.clone(), hotkey, journal, view, metrics, models, batcher, gpu };
	runtime()?.block_on(async move {
		let bind = |addr, what: &'static str| async move {
			tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("{what} {addr}: {e}"))
		};
		let api = bind(config.serve_listen, "serve.listen").await?;
		let ops = bind(config.ops_listen, "ops.listen").await?;
		tracing::info!(api = %config.serve_listen, ops = %config.ops_listen, "listening");
		let (stop, stopped) = tokio::sync::watch::channel(false);
		let api = tokio::spawn(http::serve(api, server.clone(), http::Role::Api, stopped.clone()));
		let ops = tokio::spawn(http::serve(ops, server, http::Role::Ops, stopped.clone()));
		let outcome = tokio::select! {
			outcome = miner.run(stopped) => outcome,
			name = terminated() => {
				tracing::info!("{name}: finishing requests in flight, then stopping");
				Ok(())
			},
		};
		let _ = stop.send(true);
		let _ = api.await;
		let _ = ops.await;
		outcome.map(|()| json!({"stopped": true}))
	})
}

/// Waits for SIGTERM or SIGINT; which one came.
pub async fn terminated() -> &'static str {
	use tokio::signal::unix::{signal, SignalKind};
	match (signal(SignalKind::terminate()), signal(SignalKind::interrupt())) {
		(Ok(mut term), Ok(mut int)) => {
			tokio::select! {
				_ = term.recv() => "SIGTERM",
				_ = int.recv() => "SIGINT",
			}
		},
		_ => std::future::pending().await,
	}
}

/// `status`: the hotkey's registration, stake, offers, leases and earnings, and the
/// journal's counts, as a table (or JSON).
pub fn status(args: &ConfigArgs, as_json: bool) -> Result<Value, String> {
	let config = load_config(args)?;
	let hotkey = Hotkey::load(&config.hotkey_file)?;
	let journal = Journal::open(&config.journal_path).map_err(|e| e.to_string())?;
	let me = hotkey.account();
	let report = runtime()?.block_on(async {
		let chain = Chain::connect(&config.chain_url).await.map_err(|e| e.to_string())?;
		let (hash, number) = chain.best().await.map_err(|e| e.to_string())?;
		let at = Some(hash);
		let graph = chain.metagraph(config.netuid, at).await.map_err(|e| e.to_string())?;
		let neuron = graph.as_ref().and_then(|g| g.neurons.iter().find(|n| n.hotkey == me).cloned());
		let mut leases = Vec::new();
		for (id, lease) in chain.leases(at).await.map_err(|e| e.to_string())? {
			if lease.provider != me {
				continue;
			}
			let view = chain.lease_view(id, at).await.map_err(|e| e.to_string())?;
			leases.push(json!({
				"id": id,
				"tenant": sp_core::crypto::Ss58Codec::to_ss58check(&lease.tenant),
				"price": lease.price.to_string(),
				"end": lease.end,
				"withdrawable": view.as_ref().map(|v| v.withdrawable.to_string()),
				"last_heartbeat": view.as_ref().and_then(|v| v.last_heartbeat),
			}));
		}
		let offers = chain.offers(&me, at).await.map_err(|e| e.to_string())?;
		Ok::<_, String>(json!({
			"block": number,
			"hotkey": hotkey.address(),
			"free_balance": chain.account(&me, at).await.map_err(|e| e.to_string())?.data.free.to_string(),
			"subnet": config.netuid,
			"subnet_exists": graph.is_some(),
			"uid": neuron.as_ref().map(|n| n.uid),
			"stake": neuron.as_ref().map(|n| n.stake.to_string()),
			"endpoint_published": neuron.as_ref().map(|n| n.endpoint.is_some()),
			"offers": offers.iter().map(|(id, o)| json!({"id": id, "netuid": o.netuid, "price": o.price.to_string()})).collect::<Vec<_>>(),
			"leases": leases,
			"receipts_journaled": journal.receipt_count().map_err(|e| e.to_string())?,
			"pending_transactions": journal.pending().map_err(|e| e.to_string())?.len(),
		}))
	})?;
	if as_json {
		return Ok(report);
	}
	Ok(Value::String(table(&report)))
}

/// A JSON value as a table cell: `-` for null, strings without quotes.
pub fn show(v: &Value) -> String {
	match v {
		Value::Null => "-".to_string(),
		Value::String(s) => s.clone(),
		other => other.to_string(),
	}
}

/// The status report as two-column text, leases one per line.
fn table(r: &Value) -> String {
	let mut out = String::new();
	for key in [
		"block",
		"hotkey",
		"free_balance",
		"subnet",
		"uid",
		"stake",
		"endpoint_published",
		"receipts_journaled",
		"pending_transactions",
	] {
		out.push_str(&format!("{key:<22}{}\n", show(&r[key])));
	}
	let offers = r["offers"].as_array().map(Vec::len).unwrap_or(0);
	out.push_str(&format!("{:<22}{offers}\n", "offers"));
	out.push_str(&format!(
		"{:<8}{:<50}{:>16}{:>10}{:>22}{:>16}\n",
		"lease", "tenant", "price/block", "end", "withdrawable", "last heartbeat"
	));
	for l in r["leases"].as_array().into_iter().flatten() {
		out.push_str(&format!(
			"{:<8}{:<50}{:>16}{:>10}{:>22}{:>16}\n",
			show(&l["id"]),
			show(&l["tenant"]),
			show(&l["price"]),
			show(&l["end"]),
			show(&l["withdrawable"]),
			show(&l["last_heartbeat"])
		));
	}
	out
}
