//! The tenant API over real HTTP on loopback: a seeded tiny BERT served by a worker
//! whose hotkey is //Bob, a lease held by //Alice and a validator //Charlie.

use codec::Decode;
use hearth_engine::import::{quantize, seeded};
use hearth_engine::{encode, run, CpuGemm, Input, Model, PROFILE_DET_INT8};
use hearth_primitives::receipt::{request_key, Call, Served};
use hearth_worker::journal::Journal;
use hearth_worker::keys::Hotkey;
use hearth_worker::serve::{
	batch::Batcher, http, limit::Limiter, metrics::Metrics, models, ChainView, Server, WireReceipt,
};
use serde_json::{json, Value};
use sp_runtime::traits::Verify;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};
use tokio::sync::watch;

const GENESIS: [u8; 32] = [7; 32];
const NETUID: u16 = 2;
const LEASE: u64 = 5;

fn key(suri: &str) -> Hotkey {
	Hotkey::from_suri(suri).expect("test setup")
}

/// The tiny model's vocabulary: the four specials, then "w4" … "w96".
fn vocab() -> String {
	let mut v = vec!["[PAD]".to_string(), "[UNK]".into(), "[CLS]".into(), "[SEP]".into()];
	v.extend((4..seeded::TINY.vocab).map(|i| format!("w{i}")));
	v.join("\n")
}

struct Worker {
	api: std::net::SocketAddr,
	ops: std::net::SocketAddr,
	server: Arc<Server>,
	model: &'static Model,
	model_id: [u8; 32],
	_dir: tempfile::TempDir,
	stop: watch::Sender<bool>,
}

async fn start(per_minute: u32) -> Worker {
	let dir = tempfile::tempdir().expect("test setup");
	let model = Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 11)).expect("test setup"));
	std::fs::write(dir.path().join("tiny.hearth"), encode(&model)).expect("test setup");
	std::fs::write(dir.path().join("tiny.vocab.txt"), vocab()).expect("test setup");
	let loaded = models::load_dir(dir.path(), hearth_worker::args::BackendChoice::Cpu, 2).expect("test setup");
	let tiny = loaded["tiny"].clone();
	let view = ChainView {
		genesis: Some(GENESIS),
		connected: true,
		best: 40,
		registered: true,
		leases: HashMap::from([(LEASE, key("//Alice").account())]),
		validators: HashSet::from([key("//Charlie").account()]),
		models: HashSet::from([tiny.id]),
	};
	let server = Arc::new(Server {
		hotkey: key("//Bob"),
		netuid: NETUID,
		models: loaded,
		view: Arc::new(RwLock::new(view)),
		journal: Arc::new(Journal::open(&dir.path().join("journal.redb")).expect("test setup")),
		batcher: Batcher::start(8, 1),
		limiter: Limiter::new(per_minute),
		max_inputs: 4,
		metrics: Arc::new(Metrics::new().expect("test setup")),
	});
	let (stop, rx) = watch::channel(false);
	let api = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("test setup");
	let ops = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("test setup");
	let (api_addr, ops_addr) = (api.local_addr().expect("test setup"), ops.local_addr().expect("test setup"));
	tokio::spawn(http::serve(api, server.clone(), http::Role::Api, rx.clone()));
	tokio::spawn(http::serve(ops, server.clone(), http::Role::Ops, rx));
	Worker { api: api_addr, ops: ops_addr, server, model: tiny.model, model_id: tiny.id, _dir: dir, stop }
}

/// One HTTP/1.1 exchange: the status and the body.
async fn exchange(
	addr: std::net::SocketAddr,
	method: &str,
	path: &str,
	headers: &[(String, String)],
	body: &[u8],
) -> (u16, String) {
	http::request(addr, method, path, headers, body).await.expect("an HTTP reply")
}

/// The four signed-call headers for `body`, signed by `signer`.
fn signed(signer: &Hotkey, nonce: u64, served: Served, body: &[u8]) -> Vec<(String, String)> {
	let call = Call {
		genesis: GENESIS,
		netuid: NETUID,
		miner: key("//Bob").account(),
		requester: signer.account(),
		nonce,
		served,
		body_hash: sp_crypto_hashing::blake2_256(body),
	};
	hearth_worker::serve::auth::call_headers(signer, &call)
}

async fn embed(w: &Worker, signer: &str, nonce: u64, served: Served, body: &Value) -> (u16, Value) {
	let bytes = body.to_string().into_bytes();
	let headers = signed(&key(signer), nonce, served, &bytes);
	let (status, text) = exchange(w.api, "POST", "/v1/embeddings", &headers, &bytes).await;
	(status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

fn tokens(item: &Value) -> Vec<u32> {
	item["hearth"]["tokens"]
		.as_array()
		.expect("test setup")
		.iter()
		.map(|t| t.as_u64().expect("test setup") as u32)
		.collect()
}

#[tokio::test]
async fn a_tenant_gets_embeddings_with_receipts_that_verify_and_match_the_engine() {
	let w = start(600).await;
	let body = json!({"model": "tiny", "input": ["w5 w6 w7", [2, 9, 10, 3]]});
	let (status, answer) = embed(&w, "//Alice", 100, Served::Lease(LEASE), &body).await;
	assert_eq!(status, 200, "{answer}");
	assert_eq!(answer["object"], "list");
	let data = answer["data"].as_array().unwrap();
	assert_eq!(data.len(), 2);
	assert_eq!(tokens(&data[0]), [2, 5, 6, 7, 3], "text is tokenized with [CLS] and [SEP]");
	assert_eq!(tokens(&data[1]), [2, 9, 10, 3], "token arrays are run as given");
	let alice = key("//Alice").account();
	for (k, item) in data.iter().enumerate() {
		let toks = tokens(item);
		let direct = run(w.model, Input::Tokens(&toks), &CpuGemm::new(1)).unwrap();
		let values: Vec<i64> =
			item["hearth"]["values"].as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect();
		assert_eq!(values, direct.values.iter().map(|v| *v as i64).collect::<Vec<_>>());
		let bytes = hex::decode(item["hearth"]["receipt"].as_str().unwrap().trim_start_matches("0x")).unwrap();
		let signed = WireReceipt::decode(&mut &bytes[..]).unwrap();
		let r = &signed.receipt;
		// The same verification the runtime's check_receipt runs.
		assert!(signed.signature.verify(&r.signing_payload()[..], &key("//Bob").account()));
		let nonce = 100 + k as u64;
		assert_eq!(
			(r.genesis, r.netuid, r.nonce, r.block, r.served),
			(GENESIS, NETUID, nonce, 40, Served::Lease(LEASE))
		);
		assert_eq!((r.requester.clone(), r.model), (alice.clone(), w.model_id));
		assert_eq!(r.input_hash, Input::Tokens(&toks).hash());
		assert_eq!(r.output_hash, direct.hash(&request_key(&alice, nonce), &w.model_id, PROFILE_DET_INT8));
		assert_eq!(r.trace.to_vec(), direct.trace);
		assert_eq!(w.server.journal.receipt(&request_key(&alice, nonce)).unwrap().unwrap().signed_receipt, bytes);
	}
	assert_eq!(w.server.metrics.receipts.get(), 2);

	// `verify` finds the first receipt honest, and a receipt Bob's key signed over a
	// forged trace wrong from its step 1.
	let dir = tempfile::tempdir().unwrap();
	let model_file = dir.path().join("tiny.hearth");
	std::fs::write(&model_file, encode(w.model)).unwrap();
	let receipt_file = dir.path().join("receipt.json");
	std::fs::write(&receipt_file, data[0]["hearth"].to_string()).unwrap();
	let verdict = hearth_worker::verify::verify(&receipt_file, &model_file).unwrap();
	assert_eq!(verdict["honest"], true, "{verdict}");
	let bytes = hex::decode(data[0]["hearth"]["receipt"].as_str().unwrap().trim_start_matches("0x")).unwrap();
	let mut forged = WireReceipt::decode(&mut &bytes[..]).unwrap();
	forged.receipt.trace[1][0] ^= 1;
	forged.signature = sp_runtime::MultiSignature::Sr25519(key("//Bob").sign(&forged.receipt.signing_payload()));
	let mut item = data[0]["hearth"].clone();
	item["receipt"] = json!(format!("0x{}", hex::encode(codec::Encode::encode(&forged))));
	std::fs::write(&receipt_file, item.to_string()).unwrap();
	let verdict = hearth_worker::verify::verify(&receipt_file, &model_file).unwrap();
	assert_eq!((verdict["honest"].clone(), verdict["first_wrong_step"].clone()), (json!(false), json!(1)), "{verdict}");
	let _ = w.stop.send(true);
}

#[tokio::test]
async fn a_retry_gets_the_same_answer_and_a_reused_nonce_is_refused() {
	let w = start(600).await;
	let body = json!({"model": "tiny", "input": "w8 w9"});
	let (s1, first) = embed(&w, "//Alice", 1, Served::Lease(LEASE), &body).await;
	let (s2, again) = embed(&w, "//Alice", 1, Served::Lease(LEASE), &body).await;
	assert_eq!((s1, s2), (200, 200));
	assert_eq!(first, again, "a retry is answered from the journal, byte for byte");
	assert_eq!(w.server.metrics.receipts.get(), 1, "and signs nothing new");
	// The operator can ask what was signed for the request.
	let alice = key("//Alice").address();
	let (s, text) = exchange(w.ops, "GET", &format!("/receipts/{alice}/1"), &[], b"").await;
	assert_eq!(s, 200, "{text}");
	let signed: Value = serde_json::from_str(&text).unwrap();
	assert_eq!(signed["receipt"], first["data"][0]["hearth"]["receipt"]);
	let (s, text) = exchange(w.ops, "GET", &format!("/receipts/{alice}/2"), &[], b"").await;
	assert_eq!(s, 404, "{text}");
	assert_eq!(exchange(w.ops, "GET", "/receipts/nobody/x", &[], b"").await.0, 400);
	let (s3, refused) = embed(&w, "//Alice", 1, Served::Lease(LEASE), &json!({"model": "tiny", "input": "w10"})).await;
	assert_eq!(s3, 409, "{refused}");
	assert!(refused["error"]["message"].as_str().unwrap().contains("nonce 1 was already used"));
	assert_eq!(w.server.journal.receipt_count().unwrap(), 1);
	let _ = w.stop.send(true);
}

#[tokio::test]
async fn base64_answers_carry_the_same_numbers_as_f32_and_the_same_receipt() {
	use base64::Engine as _;
	let w = start(600).await;
	let float = json!({"model": "tiny", "input": ["w8 w9", "w10"]});
	let mut base64 = float.clone();
	base64["encoding_format"] = json!("base64");
	let (s1, first) = embed(&w, "//Alice", 1, Served::Lease(LEASE), &float).await;
	let (s2, packed) = embed(&w, "//Alice", 1, Served::Lease(LEASE), &base64).await;
	assert_eq!((s1, s2), (200, 200), "{packed}");
	for (f, b) in first["data"].as_array().unwrap().iter().zip(packed["data"].as_array().unwrap()) {
		assert_eq!(f["hearth"], b["hearth"], "one request, one receipt, whatever the encoding");
		let bytes = base64::engine::general_purpose::STANDARD.decode(b["embedding"].as_str().unwrap()).unwrap();
		let got: Vec<f32> = bytes.chunks(4).map(|c| f32::from_le_bytes(c.try_into().unwrap())).collect();
		let want: Vec<f32> = f["embedding"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap() as f32).collect();
		assert_eq!(got, want);
		assert_eq!(got.len(), seeded::TINY.hidden as usize);
	}
	let _ = w.stop.send(true);
}

#[tokio::test]
async fn only_the_lease_tenant_and_validators_are_served_and_each_refusal_says_why() {
	let w = start(600).await;
	let body = json!({"model": "tiny", "input": "w4"});
	let cases: [(&str, Served, u16, &str); 5] = [
		("//Dave", Served::Lease(LEASE), 403, "belongs to another tenant"),
		("//Alice", Served::Lease(9), 403, "lease 9 is not active on this provider"),
		("//Alice", Served::Probe, 403, "has no validator permit on subnet 2"),
		("//Charlie", Served::Probe, 200, ""),
		("//Alice", Served::Lease(LEASE), 200, ""),
	];
	for (signer, served, status, why) in cases {
		let (s, answer) = embed(&w, signer, 50, served, &body).await;
		assert_eq!(s, status, "{signer} {served:?}: {answer}");
		assert!(s == 200 || answer["error"]["message"].as_str().unwrap().contains(why), "{answer}");
	}
	// A body changed after signing, a missing header, a foreign signer.
	let bytes = body.to_string().into_bytes();
	let headers = signed(&key("//Alice"), 60, Served::Lease(LEASE), &bytes);
	let (s, text) = exchange(w.api, "POST", "/v1/embeddings", &headers, br#"{"model":"tiny","input":"w5"}"#).await;
	assert_eq!(s, 401, "{text}");
	assert!(text.contains("does not verify"));
	let (s, text) = exchange(w.api, "POST", "/v1/embeddings", &headers[1..], &bytes).await;
	assert_eq!(s, 401);
	assert!(text.contains("missing header x-hearth-requester"));
	let mut forged = headers.clone();
	forged[0].1 = key("//Eve").address();
	assert_eq!(exchange(w.api, "POST", "/v1/embeddings", &forged, &bytes).await.0, 401);
	assert_eq!(w.server.metrics.receipts.get(), 2, "only the two served calls signed receipts");
	let _ = w.stop.send(true);
}

#[tokio::test]
async fn bad_bodies_get_clear_errors_and_sign_nothing() {
	let w = start(600).await;
	let long: Vec<String> = (0..60).map(|i| format!("w{}", 4 + i % 90)).collect();
	let cases = [
		(json!({"model": "big", "input": "w4"}), 404, "model \"big\" is not served here (served: tiny)"),
		(json!({"input": "w4"}), 400, "\"model\" is required"),
		(json!({"model": "tiny"}), 400, "\"input\" is required"),
		(json!({"model": "tiny", "input": []}), 400, "\"input\" is empty"),
		(json!({"model": "tiny", "input": ["a", "b", "c", "d", "e"]}), 413, "5 inputs in one call; at most 4"),
		(json!({"model": "tiny", "input": [2, 97, 3]}), 400, "token ids must be integers below 97"),
		(json!({"model": "tiny", "input": long.join(" ")}), 400, "the model takes at most 40"),
		(json!({"model": "tiny", "input": "w4", "encoding_format": "int8"}), 400, "\"int8\": \"float\" or \"base64\""),
		(json!({"model": "tiny", "input": {"x": 1}}), 400, "must be a string"),
	];
	for (i, (body, status, why)) in cases.into_iter().enumerate() {
		let (s, answer) = embed(&w, "//Alice", 1000 + i as u64, Served::Lease(LEASE), &body).await;
		assert_eq!(s, status, "{body}: {answer}");
		assert!(answer["error"]["message"].as_str().unwrap().contains(why), "{body}: {answer}");
	}
	// Two inputs from the last nonce would need a nonce past u64::MAX.
	let (s, answer) =
		embed(&w, "//Alice", u64::MAX, Served::Lease(LEASE), &json!({"model": "tiny", "input": ["w4", "w5"]})).await;
	assert_eq!(s, 400, "{answer}");
	assert!(answer["error"]["message"].as_str().unwrap().contains("the nonce range overflows u64"), "{answer}");
	let headers = signed(&key("//Alice"), 5, Served::Lease(LEASE), b"not json");
	let (s, text) = exchange(w.api, "POST", "/v1/embeddings", &headers, b"not json").await;
	assert_eq!(s, 400);
	assert!(text.contains("not JSON"));
	assert_eq!(exchange(w.api, "GET", "/v1/embeddings", &[], b"").await.0, 405);
	assert_eq!(exchange(w.api, "GET", "/v1/models/x", &[], b"").await.0, 404);
	// A model the subnet has not registered (or retired) is not served: its receipts
	// could not be challenged.
	w.server.view.write().unwrap().models.clear();
	let (s, answer) = embed(&w, "//Alice", 2000, Served::Lease(LEASE), &json!({"model": "tiny", "input": "w4"})).await;
	assert_eq!(s, 503);
	assert!(answer["error"]["message"].as_str().unwrap().contains("is not registered on subnet 2"), "{answer}");
	assert_eq!(w.server.metrics.receipts.get(), 0);
	let _ = w.stop.send(true);
}

#[tokio::test]
async fn concurrent_calls_are_batched_without_changing_a_bit() {
	let w = Arc::new(start(600).await);
	let calls = (0..6u64).map(|i| {
		let w = w.clone();
		tokio::spawn(async move {
			let body = json!({"model": "tiny", "input": [format!("w{} w{}", 4 + i, 20 + i), format!("w{}", 50 + i)]});
			embed(&w, "//Alice", 10 * i, Served::Lease(LEASE), &body).await
		})
	});
	for call in futures::future::join_all(calls).await {
		let (status, answer) = call.unwrap();
		assert_eq!(status, 200, "{answer}");
		for item in answer["data"].as_array().unwrap() {
			let direct = run(w.model, Input::Tokens(&tokens(item)), &CpuGemm::new(1)).unwrap();
			let got: Vec<i32> =
				item["hearth"]["values"].as_array().unwrap().iter().map(|v| v.as_i64().unwrap() as i32).collect();
			assert_eq!(got, direct.values);
		}
	}
	assert_eq!(w.server.metrics.receipts.get(), 12);
}

/// A device that takes its time (a CPU twin that sleeps before each product).
struct Slow;

impl hearth_engine::Int8Gemm for Slow {
	fn gemm(
		&self,
		a: &[i8],
		b: &[i8],
		m: usize,
		n: usize,
		k: usize,
		out: &mut [i32],
	) -> Result<(), hearth_engine::gemm::BackendError> {
		std::thread::sleep(std::time::Duration::from_millis(1));
		CpuGemm::new(1).gemm(a, b, m, n, k, out)
	}

	fn name(&self) -> String {
		"slow".into()
	}
}

#[tokio::test]
async fn every_device_gets_its_own_thread_and_the_same_bits() {
	let dir = tempfile::tempdir().unwrap();
	let model = Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 11)).unwrap());
	std::fs::write(dir.path().join("tiny.hearth"), encode(&model)).unwrap();
	std::fs::write(dir.path().join("tiny.vocab.txt"), vocab()).unwrap();
	let mut loaded = models::load(&dir.path().join("tiny.hearth"), hearth_worker::args::BackendChoice::Cpu, 1).unwrap();
	loaded.backends = vec![Box::new(Slow), Box::new(Slow)];
	let loaded = Arc::new(loaded);
	// One input a round: while one device computes, the other takes the next.
	let batcher = Batcher::start(1, 2);
	let inputs: Vec<Vec<u32>> = (0..8u32).map(|i| vec![2, 4 + i, 30 + i, 3]).collect();
	let outputs = futures::future::join_all(inputs.iter().map(|t| batcher.run(loaded.clone(), t.clone()))).await;
	for (tokens, output) in inputs.iter().zip(outputs) {
		assert_eq!(output.unwrap(), run(loaded.model, Input::Tokens(tokens), &CpuGemm::new(1)).unwrap());
	}
	let by_device = batcher.inputs_by_device();
	assert_eq!(by_device.iter().sum::<u64>(), 8);
	assert!(by_device.iter().all(|n| *n > 0), "both devices ran inputs: {by_device:?}");
	let metrics = Metrics::new().unwrap().render(&by_device);
	assert!(metrics.contains(&format!("hearth_worker_device_inputs{{device=\"1\"}} {}", by_device[1])), "{metrics}");
}

#[tokio::test]
async fn a_requester_over_its_rate_is_told_when_to_retry() {
	let w = start(2).await;
	let body = json!({"model": "tiny", "input": "w4"});
	assert_eq!(embed(&w, "//Alice", 1, Served::Lease(LEASE), &body).await.0, 200);
	assert_eq!(embed(&w, "//Alice", 2, Served::Lease(LEASE), &body).await.0, 200);
	let (s, answer) = embed(&w, "//Alice", 3, Served::Lease(LEASE), &body).await;
	assert_eq!(s, 429);
	assert!(answer["error"]["message"].as_str().unwrap().contains("retry in"), "{answer}");
	// Another requester is not affected.
	assert_eq!(embed(&w, "//Charlie", 1, Served::Probe, &body).await.0, 200);
	let _ = w.stop.send(true);
}

#[tokio::test]
async fn operations_endpoints_say_what_is_missing() {
	let w = start(600).await;
	assert_eq!(exchange(w.ops, "GET", "/healthz", &[], b"").await.0, 200);
	assert_eq!(exchange(w.ops, "GET", "/readyz", &[], b"").await, (200, "ready\n".into()));
	{
		let mut view = w.server.view.write().unwrap();
		view.connected = false;
		view.registered = false;
	}
	let (s, text) = exchange(w.ops, "GET", "/readyz", &[], b"").await;
	assert_eq!(s, 503);
	assert_eq!(text, "not ready: the chain is not connected; the hotkey is not registered on the subnet\n");
	let (s, _) = embed(&w, "//Alice", 1, Served::Lease(LEASE), &json!({"model": "tiny", "input": "w4"})).await;
	assert_eq!(s, 200, "a call is still served from the last view while the node is away");
	let (s, metrics) = exchange(w.ops, "GET", "/metrics", &[], b"").await;
	assert_eq!(s, 200);
	for line in [
		"hearth_worker_requests_total{route=\"embeddings\",status=\"200\"} 1",
		"hearth_worker_receipts_signed_total 1",
		"hearth_worker_request_seconds_count{route=\"embeddings\"} 1",
	] {
		assert!(metrics.contains(line), "{line} in\n{metrics}");
	}
	let _ = w.stop.send(true);
}

#[tokio::test]
async fn the_verifier_re_runs_and_hands_out_challenge_material_the_pallet_decodes() {
	use codec::Decode;
	use hearth_engine::activation::Activation;
	use hearth_engine::{encode_chunk, run_with};
	let dir = tempfile::tempdir().unwrap();
	let model = Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 11)).unwrap());
	let bytes = encode(&model);
	std::fs::write(dir.path().join("tiny.hearth"), &bytes).unwrap();
	let id = hearth_engine::model_id(&bytes).unwrap();
	let verifier = Arc::new(hearth_worker::verifier::Verifier::load(dir.path(), 1).unwrap());
	let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
	let addr = listener.local_addr().unwrap();
	let (stop, stopped) = watch::channel(false);
	tokio::spawn(hearth_worker::verifier::serve(listener, verifier, stopped));
	let post = |path: &'static str, body: Value| async move {
		let (s, text) = exchange(addr, "POST", path, &[], body.to_string().as_bytes()).await;
		(s, serde_json::from_str::<Value>(&text).unwrap())
	};
	let tokens = vec![2u32, 9, 17, 40, 3];
	let model_hex = format!("0x{}", hex::encode(id));
	let key = [5u8; 32];

	let mut xs = Vec::new();
	let want = run_with(&model, Input::Tokens(&tokens), &CpuGemm::new(1), |_, x| xs.push(x.clone())).unwrap();
	let (s, rerun) =
		post("/v1/rerun", json!({"model": model_hex, "tokens": tokens, "key": format!("0x{}", hex::encode(key))}))
			.await;
	assert_eq!(s, 200, "{rerun}");
	assert_eq!(rerun["output_hash"], format!("0x{}", hex::encode(want.hash(&key, &id, PROFILE_DET_INT8))));
	let trace: Vec<String> = want.trace.iter().map(|t| format!("0x{}", hex::encode(t))).collect();
	assert_eq!(rerun["trace"], json!(trace));

	// Step 2: x_1 and step 2's chunk; step 0: the input and a proof of its rows.
	let (s, c) = post("/v1/challenge", json!({"model": model_hex, "tokens": tokens, "step": 2})).await;
	assert_eq!(s, 200, "{c}");
	let input = hex::decode(c["input"].as_str().unwrap().trim_start_matches("0x")).unwrap();
	match pallet_hearth_jobs::StepInput::decode(&mut &input[..]).unwrap() {
		pallet_hearth_jobs::StepInput::Activation(a) => assert_eq!(Activation::decode(&a).unwrap(), xs[1]),
		other => panic!("{other:?}"),
	}
	assert_eq!(c["chunk"], format!("0x{}", hex::encode(encode_chunk(&model.steps()[2]))));
	let (s, c0) = post("/v1/challenge", json!({"model": model_hex, "tokens": tokens, "step": 0})).await;
	assert_eq!(s, 200, "{c0}");
	let input = hex::decode(c0["input"].as_str().unwrap().trim_start_matches("0x")).unwrap();
	assert!(matches!(
		pallet_hearth_jobs::StepInput::decode(&mut &input[..]).unwrap(),
		pallet_hearth_jobs::StepInput::Input(pallet_hearth_jobs::JobInput::Tokens(t)) if t.to_vec() == tokens
	));
	let proof = hearth_engine::proof::prove(&encode_chunk(&model.steps()[0]), &tokens).unwrap();
	assert_eq!(c0["chunk"], format!("0x{}", hex::encode(proof)));

	for (path, body, status, why) in [
		(
			"/v1/rerun",
			json!({"model": format!("0x{}", hex::encode([1u8; 32])), "tokens": [1], "key": "0x00"}),
			404,
			"is not held here",
		),
		("/v1/rerun", json!({"model": model_hex, "tokens": [1]}), 400, "\"key\""),
		("/v1/rerun", json!({"model": "tiny", "tokens": [1], "key": "0x00"}), 400, "0x + 64 hex"),
		("/v1/challenge", json!({"model": model_hex, "tokens": [], "step": 1}), 400, "non-empty array"),
		("/v1/challenge", json!({"model": model_hex, "tokens": [1], "step": 99}), 400, "the model has 4 steps"),
		("/v1/nothing", json!({}), 404, "no route"),
	] {
		let (s, answer) = post(path, body.clone()).await;
		assert_eq!(s, status, "{body}: {answer}");
		assert!(answer["error"]["message"].as_str().unwrap().contains(why), "{body}: {answer}");
	}
	let _ = stop.send(true);
}

#[tokio::test]
async fn a_probe_may_name_the_model_by_its_identity() {
	let w = start(600).await;
	let by_id = json!({"model": format!("0x{}", hex::encode(w.model_id)), "input": [[2, 9, 3]]});
	let (s, answer) = embed(&w, "//Charlie", 1, Served::Probe, &by_id).await;
	assert_eq!(s, 200, "{answer}");
	assert_eq!(answer["model"], "tiny");
	let unknown = json!({"model": format!("0x{}", hex::encode([0u8; 32])), "input": [[2, 9, 3]]});
	assert_eq!(embed(&w, "//Charlie", 2, Served::Probe, &unknown).await.0, 404);
	let _ = w.stop.send(true);
}

#[cfg(debug_assertions)]
#[tokio::test]
async fn a_test_build_lies_on_the_configured_fraction_and_the_lie_is_at_the_last_step() {
	// nextest runs each test in its own process: the variable reaches no other test.
	std::env::set_var(hearth_worker::serve::cheat::WRONG_FRACTION_VAR, "1");
	let w = start(600).await;
	let (s, answer) =
		embed(&w, "//Alice", 1, Served::Lease(LEASE), &json!({"model": "tiny", "input": [[2, 9, 3]]})).await;
	assert_eq!(s, 200, "{answer}");
	let honest = run(w.model, Input::Tokens(&[2, 9, 3]), &CpuGemm::new(1)).unwrap();
	let item = &answer["data"][0]["hearth"];
	let trace: Vec<String> = honest.trace.iter().map(|t| format!("0x{}", hex::encode(t))).collect();
	let last = trace.len() - 1;
	assert_eq!(item["trace"].as_array().unwrap()[..last], json!(trace[..last]).as_array().unwrap()[..]);
	assert_ne!(item["trace"][last], json!(trace[last]));
	assert_ne!(item["values"][0], json!(honest.values[0]));
	let _ = w.stop.send(true);
}
