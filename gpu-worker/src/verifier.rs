//! `hearth-worker verifier`: the re-runs a validator's off-chain worker asks for, on
//! loopback. The node's off-chain worker probes miners and must re-run each answer
//! and, for a wrong one, send a challenge with the step's input and weights; this
//! process holds the models (every `*.hearth` file of a directory, by identity) and
//! does both, with the CPU twin:
//!
//! | route | body | answer |
//! |---|---|---|
//! | `POST /v1/rerun` | `{"model": "0x<id>", "tokens": [..], "key": "0x<request key>"}` | `{"output_hash": "0x..", "trace": ["0x..", ..]}` |
//! | `POST /v1/challenge` | `{"model": "0x<id>", "tokens": [..], "step": i}` | `{"step": i, "input": "0x<SCALE StepInput>", "chunk": "0x.."}` |
//! | `GET /healthz` | | `ok` and the models held |
//!
//! The challenge material is what `Jobs.challenge` takes: at step 0 the input itself
//! and a proof of only its rows of the embeddings table; at step `i > 0` the
//! activation `x_{i-1}` (canonical bytes) and step `i`'s chunk. Errors are JSON
//! `{"error": {"message"}}` naming what is wrong (400 bad request, 404 unknown model).

use crate::serve::http::{json_answer, read_body, refusal, serve_with, Answer};
use crate::serve::Refusal;
use codec::Encode;
use hearth_engine::{decode, encode_chunk, model_id, run_with, CpuGemm, Input, Model, PROFILE_DET_INT8};
use hearth_primitives::receipt::Hash32;
use hyper::body::Incoming;
use hyper::{Method, Request};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// The models a verifier holds, by identity.
pub struct Verifier {
	models: BTreeMap<Hash32, Model>,
	threads: usize,
}

impl Verifier {
	/// Loads every `*.hearth` file in `dir` (at least one).
	pub fn load(dir: &Path, threads: usize) -> Result<Self, String> {
		let mut models = BTreeMap::new();
		for path in crate::serve::models::model_files(dir)? {
			let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
			let id = model_id(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
			models.insert(id, decode(&bytes).map_err(|e| format!("{}: {e}", path.display()))?);
		}
		if models.is_empty() {
			return Err(format!("{} has no *.hearth model", dir.display()));
		}
		Ok(Self { models, threads: threads.max(1) })
	}

	/// The models' identities.
	pub fn ids(&self) -> Vec<String> {
		self.models.keys().map(|id| format!("0x{}", hex::encode(id))).collect()
	}

	fn model(&self, request: &Value) -> Result<(&Hash32, &Model), Refusal> {
		let text =
			request.get("model").and_then(Value::as_str).ok_or_else(|| bad("\"model\" (0x + 64 hex) is required"))?;
		let id: Hash32 = hex::decode(text.trim_start_matches("0x"))
			.ok()
			.and_then(|b| b.try_into().ok())
			.ok_or_else(|| bad("\"model\" must be 0x + 64 hex"))?;
		self.models.get_key_value(&id).ok_or_else(|| Refusal::new(404, format!("model {text} is not held here")))
	}

	/// `POST /v1/rerun`.
	pub fn rerun(&self, request: &Value) -> Result<Value, Refusal> {
		let (id, model) = self.model(request)?;
		let tokens = tokens(request)?;
		let key: Hash32 = request
			.get("key")
			.and_then(Value::as_str)
			.and_then(|k| hex::decode(k.trim_start_matches("0x")).ok())
			.and_then(|b| b.try_into().ok())
			.ok_or_else(|| bad("\"key\" (the request key, 0x + 64 hex) is required"))?;
		let out = run_with(model, Input::Tokens(&tokens), &CpuGemm::new(self.threads), |_, _| {})
			.map_err(|e| bad(&e.to_string()))?;
		Ok(json!({
			"output_hash": hex32(&out.hash(&key, id, PROFILE_DET_INT8)),
			"trace": out.trace.iter().map(hex32).collect::<Vec<_>>(),
		}))
	}

	/// `POST /v1/challenge`.
	pub fn challenge(&self, request: &Value) -> Result<Value, Refusal> {
		let (_, model) = self.model(request)?;
		let tokens = tokens(request)?;
		let step = request.get("step").and_then(Value::as_u64).ok_or_else(|| bad("\"step\" is required"))?;
		let step = u32::try_from(step).map_err(|_| bad("\"step\" is out of range"))?;
		let (input, chunk) = challenge_material(model, &tokens, step, self.threads).map_err(|e| bad(&e))?;
		Ok(json!({
			"step": step,
			"input": format!("0x{}", hex::encode(input.encode())),
			"chunk": format!("0x{}", hex::encode(chunk)),
		}))
	}
}

/// What `Jobs.challenge` takes to re-run `step` of `model` on `tokens`: at step 0 the
/// input and a proof of only its rows of the embeddings table, after it the activation
/// `x_{step-1}` (canonical bytes) and the step's chunk.
pub fn challenge_material(
	model: &Model,
	tokens: &[u32],
	step: u32,
	threads: usize,
) -> Result<(pallet_hearth_jobs::StepInput, Vec<u8>), String> {
	let steps = model.steps();
	let chosen = steps.get(step as usize).ok_or_else(|| format!("step {step}: the model has {} steps", steps.len()))?;
	let chunk = encode_chunk(chosen);
	if step == 0 {
		let proof = hearth_engine::proof::prove(&chunk, tokens).map_err(|e| e.to_string())?;
		let bounded = tokens.to_vec().try_into().map_err(|_| "too many tokens for a challenge".to_string())?;
		return Ok((pallet_hearth_jobs::StepInput::Input(pallet_hearth_jobs::JobInput::Tokens(bounded)), proof));
	}
	let mut previous = None;
	run_with(model, Input::Tokens(tokens), &CpuGemm::new(threads.max(1)), |i, x| {
		if i + 1 == step {
			previous = Some(x.encode());
		}
	})
	.map_err(|e| e.to_string())?;
	let bytes = previous.ok_or("the run did not reach the step")?;
	let bounded = bytes.try_into().map_err(|_| "the activation is over the challenge bound".to_string())?;
	Ok((pallet_hearth_jobs::StepInput::Activation(bounded), chunk))
}

fn bad(why: &str) -> Refusal {
	Refusal::new(400, why)
}

fn hex32(h: &Hash32) -> String {
	format!("0x{}", hex::encode(h))
}

fn tokens(request: &Value) -> Result<Vec<u32>, Refusal> {
	request
		.get("tokens")
		.and_then(Value::as_array)
		.and_then(|a| a.iter().map(|t| t.as_u64().and_then(|t| u32::try_from(t).ok())).collect::<Option<Vec<u32>>>())
		.filter(|t| !t.is_empty())
		.ok_or_else(|| bad("\"tokens\" must be a non-empty array of token ids"))
}

async fn handle(verifier: Arc<Verifier>, req: Request<Incoming>) -> Answer {
	let route = (req.method().clone(), req.uri().path().to_string());
	if route == (Method::GET, "/healthz".to_string()) {
		return json_answer(200, &json!({"ok": true, "models": verifier.ids()}));
	}
	let body = match read_body(req).await {
		Ok(b) => b,
		Err(answer) => return answer,
	};
	let request: Value = match serde_json::from_slice(&body) {
		Ok(v) => v,
		Err(e) => return refusal(&bad(&format!("the body is not JSON: {e}"))),
	};
	// Re-runs take CPU time: off the async threads.
	let verifier2 = verifier.clone();
	let answer = tokio::task::spawn_blocking(move || match (route.0, route.1.as_str()) {
		(Method::POST, "/v1/rerun") => verifier2.rerun(&request),
		(Method::POST, "/v1/challenge") => verifier2.challenge(&request),
		(_, path) => {
			Err(Refusal::new(404, format!("no route {path}: POST /v1/rerun, POST /v1/challenge, GET /healthz")))
		},
	})
	.await
	.unwrap_or_else(|e| Err(Refusal::new(500, format!("the re-run stopped: {e}"))));
	match answer {
		Ok(v) => json_answer(200, &v),
		Err(r) => refusal(&r),
	}
}

/// Serves `verifier` on `listener` until `shutdown`.
pub async fn serve(
	listener: tokio::net::TcpListener,
	verifier: Arc<Verifier>,
	shutdown: tokio::sync::watch::Receiver<bool>,
) {
	let handler = move |req| handle(verifier.clone(), req);
	serve_with(listener, handler, "verifier", shutdown).await
}

/// `hearth-worker verifier`: serves until SIGTERM or SIGINT.
pub fn run(models: &Path, listen: std::net::SocketAddr, threads: usize) -> Result<Value, String> {
	let verifier = Arc::new(Verifier::load(models, threads)?);
	let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| e.to_string())?;
	runtime.block_on(async move {
		let listener = tokio::net::TcpListener::bind(listen).await.map_err(|e| format!("--listen {listen}: {e}"))?;
		eprintln!("verifier: {} model(s) on http://{listen}", verifier.ids().len());
		let (stop, stopped) = tokio::sync::watch::channel(false);
		let server = tokio::spawn(serve(listener, verifier, stopped));
		crate::run::terminated().await;
		let _ = stop.send(true);
		let _ = server.await;
		Ok(json!({"stopped": true}))
	})
}
