//! The worker's tenant API under load, against the engine alone in the same run:
//! a MiniLM-shaped BERT (seeded weights: the real model's shapes, so its speed) served
//! on loopback by the real `/v1/embeddings` stack — signed calls checked, inputs
//! batched, receipts signed and journaled (a durable redb commit each) — driven by
//! four concurrent clients, one input per call, at 16 and 128 tokens on the CPU twin
//! with 2 threads. Prints requests per second, p50 and p99 latency, and the engine's
//! own sequences per second on the same batches: their ratio is what HTTP, signatures
//! and the journal cost.

use hearth_engine::import::{quantize, seeded};
use hearth_engine::{encode, run_batch, Input, Model, PackedCpuGemm};
use hearth_primitives::receipt::{Call, Served};
use hearth_worker::journal::Journal;
use hearth_worker::keys::Hotkey;
use hearth_worker::serve::{batch::Batcher, http, limit::Limiter, metrics::Metrics, models, ChainView, Server};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

const CLIENTS: usize = 4;
const LEASE: u64 = 1;
const GENESIS: [u8; 32] = [3; 32];

async fn post(addr: std::net::SocketAddr, headers: &[(String, String)], body: &[u8]) -> u16 {
	http::request(addr, "POST", "/v1/embeddings", headers, body).await.expect("an HTTP reply").0
}

fn quantile(sorted: &[Duration], q: f64) -> Duration {
	sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn main() {
	let dir = std::env::temp_dir().join(format!("hearth-serve-bench-{}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("dir");
	let model = Model::Bert(quantize::bert(&seeded::bert(seeded::MINILM, 7)).expect("quantize"));
	std::fs::write(dir.join("minilm.hearth"), encode(&model)).expect("model");
	let mut vocab = vec!["[PAD]".to_string(), "[UNK]".into(), "[CLS]".into(), "[SEP]".into()];
	vocab.extend((4..seeded::MINILM.vocab).map(|i| format!("t{i}")));
	std::fs::write(dir.join("minilm.vocab.txt"), vocab.join("\n")).expect("vocab");
	let tenant = Hotkey::from_suri("//Bob").expect("key");
	let miner = Hotkey::from_suri("//Ferdie").expect("key");
	let loaded = models::load_dir(&dir, hearth_worker::args::BackendChoice::Cpu, 2).expect("load");
	let view = ChainView {
		genesis: Some(GENESIS),
		connected: true,
		best: 1,
		registered: true,
		leases: HashMap::from([(LEASE, tenant.account())]),
		validators: HashSet::new(),
		models: loaded.values().map(|m| m.id).collect(),
	};
	let server = Arc::new(Server {
		hotkey: miner.clone(),
		netuid: 1,
		models: loaded,
		view: Arc::new(RwLock::new(view)),
		journal: Arc::new(Journal::open(&dir.join("journal.redb")).expect("journal")),
		batcher: Batcher::start(8, 1),
		limiter: Limiter::new(1_000_000),
		max_inputs: 64,
		metrics: Arc::new(Metrics::new().expect("metrics")),
	});
	let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
	println!("/v1/embeddings on loopback ({CLIENTS} clients, 1 input a call, CPU twin, 2 threads) vs the engine alone");
	println!(
		"{:>7} {:>8} {:>10} {:>10} {:>10} {:>14} {:>8}",
		"tokens", "calls", "req/s", "p50", "p99", "engine seq/s", "ratio"
	);
	let mut nonce = 0u64;
	for (tokens, calls) in [(16usize, 400usize), (128, 96)] {
		let mut rng = seeded::SplitMix64::new(tokens as u64);
		// The engine alone on the same inputs, in batches of CLIENTS over 2 threads.
		let inputs: Vec<Vec<u32>> =
			(0..calls).map(|_| (0..tokens).map(|_| rng.token(seeded::MINILM.vocab)).collect()).collect();
		// The worker's CPU backend: weights packed once (for AMX, where it runs).
		let weights = model.gemm_weights();
		let backend = PackedCpuGemm::new(1, &weights);
		let started = Instant::now();
		for batch in inputs.chunks(CLIENTS) {
			let b: Vec<Input<'_>> = batch.iter().map(|t| Input::Tokens(t)).collect();
			for r in run_batch(&model, &b, &backend, 2) {
				r.expect("runs");
			}
		}
		let engine = calls as f64 / started.elapsed().as_secs_f64();
		// The same inputs through HTTP, each call signed with a fresh nonce.
		let bodies: Vec<(Vec<(String, String)>, Vec<u8>)> = inputs
			.iter()
			.map(|t| {
				let body = serde_json::json!({"model": "minilm", "input": [t]}).to_string().into_bytes();
				nonce += 1;
				let call = Call {
					genesis: GENESIS,
					netuid: 1,
					miner: miner.account(),
					requester: tenant.account(),
					nonce,
					served: Served::Lease(LEASE),
					body_hash: sp_crypto_hashing::blake2_256(&body),
				};
				(hearth_worker::serve::auth::call_headers(&tenant, &call), body)
			})
			.collect();
		let (rps, mut latencies) = rt.block_on(async {
			let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
			let addr = listener.local_addr().expect("addr");
			let (stop, stopped) = tokio::sync::watch::channel(false);
			let serving = tokio::spawn(http::serve(listener, server.clone(), http::Role::Api, stopped));
			let queue = Arc::new(std::sync::Mutex::new(bodies));
			let started = Instant::now();
			let clients: Vec<_> = (0..CLIENTS)
				.map(|_| {
					let queue = queue.clone();
					tokio::spawn(async move {
						let mut lat = Vec::new();
						loop {
							let Some((headers, body)) = queue.lock().expect("queue").pop() else { break };
							let t = Instant::now();
							assert_eq!(post(addr, &headers, &body).await, 200);
							lat.push(t.elapsed());
						}
						lat
					})
				})
				.collect();
			let mut all = Vec::new();
			for c in clients {
				all.extend(c.await.expect("client"));
			}
			let rps = calls as f64 / started.elapsed().as_secs_f64();
			let _ = stop.send(true);
			let _ = serving.await;
			(rps, all)
		});
		latencies.sort();
		println!(
			"{:>7} {:>8} {:>10.1} {:>9.1}ms {:>9.1}ms {:>14.1} {:>7.2}x",
			tokens,
			calls,
			rps,
			quantile(&latencies, 0.5).as_secs_f64() * 1e3,
			quantile(&latencies, 0.99).as_secs_f64() * 1e3,
			engine,
			rps / engine
		);
	}
	let _ = std::fs::remove_dir_all(&dir);
}
