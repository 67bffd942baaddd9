//! Serving tenants and validators: an OpenAI-compatible `POST /v1/embeddings` whose
//! every answer comes with its output hash, trace and a receipt signed by the miner's
//! hotkey, so that anyone can check it offline and prove it wrong on chain.
//!
//! ## The request
//!
//! ```json
//! {"model": "all-minilm-l6-v2", "input": "some text" | ["text", …] | [101, 7592, 102] | [[…], …]}
//! ```
//!
//! `model` is the model file's name, or its identity as `0x` + 64 hex (what a
//! validator's probe names, since the chain knows models by identity).
//!
//! Text is tokenized with the model's vocabulary (`[CLS]` and `[SEP]` added); token
//! arrays are run exactly as given (add `[CLS]` and `[SEP]` yourself). The call is
//! signed ([`auth`]); input `k` of a call with nonce `n` is request `(requester, n + k)`,
//! whose request key the output hash binds.
//!
//! ## The answer
//!
//! OpenAI's list of `{"object": "embedding", "index", "embedding"}` plus, per item,
//! `"hearth": {"nonce", "tokens", "input_hash", "output_hash", "trace", "values",
//! "frac_bits", "receipt"}` where `receipt` is the `0x`-hex SCALE encoding of a
//! `SignedReceipt<AccountId32, MultiSignature>` (what `JobsApi::check_receipt` and a
//! challenge take) and `values` the exact integers (`embedding` is `values / 2^frac_bits`).
//! `"encoding_format": "base64"` (what OpenAI's own clients ask for unless told
//! otherwise) sends `embedding` as the base64 of those numbers as little-endian `f32`s;
//! `"float"` (the default) as JSON numbers. `values` is exact either way.
//!
//! Every answer is journaled before it is sent ([`crate::journal`]): a retried call
//! (same body, same nonce) gets the same answer and no second signature; a nonce
//! reused for a different input is refused (409), since two receipts for one request
//! with different outputs would be equivocation.

pub mod auth;
pub mod batch;
#[cfg(debug_assertions)]
pub mod cheat;
pub mod http;
pub mod limit;
pub mod metrics;
pub mod models;
pub mod view;

use crate::journal::{Journal, Recorded, Served as Journaled};
use crate::keys::Hotkey;
pub use auth::Refusal;
use base64::Engine as _;
use codec::Encode;
use hearth_engine::{Input, PROFILE_DET_INT8};
use hearth_primitives::receipt::{request_key, Receipt, Served, SignedReceipt, Trace};
use serde_json::{json, Value};
use sp_core::crypto::AccountId32;
use sp_runtime::MultiSignature;
use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use std::time::Instant;

/// A signed receipt as the runtime decodes it.
pub type WireReceipt = SignedReceipt<AccountId32, MultiSignature>;

/// Everything a request needs.
pub struct Server {
	/// The miner's hotkey.
	pub hotkey: Hotkey,
	/// The subnet.
	pub netuid: u16,
	/// The models, by name.
	pub models: BTreeMap<String, Arc<models::Loaded>>,
	/// The chain as last seen.
	pub view: Arc<RwLock<ChainView>>,
	/// The journal.
	pub journal: Arc<Journal>,
	/// The compute queue.
	pub batcher: batch::Batcher,
	/// Per-requester limits.
	pub limiter: limit::Limiter,
	/// Most inputs per call.
	pub max_inputs: usize,
	/// Metrics.
	pub metrics: Arc<metrics::Metrics>,
}

pub use view::ChainView;

/// One input of a call, tokenized.
struct Item {
	tokens: Vec<u32>,
}

/// How `embedding` is written in the answer (OpenAI's `encoding_format`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Encoding {
	/// JSON numbers.
	Float,
	/// base64 of little-endian `f32`s.
	Base64,
}

fn hex32(h: &[u8; 32]) -> String {
	format!("0x{}", hex::encode(h))
}

impl Server {
	/// Serves one `/v1/embeddings` call: `header` looks up a request header by its
	/// lower-case name, `body` is the body as received. The JSON answer, or a refusal.
	pub async fn embeddings(
		&self,
		header: &(dyn Fn(&str) -> Option<String> + Sync),
		body: &[u8],
	) -> Result<Value, Refusal> {
		let headers = auth::parse_headers(header)?;
		// The view is read under the lock, never copied: it holds every lease and validator.
		let (call, best) = {
			let view = self.view.read().unwrap_or_else(|p| p.into_inner());
			(auth::authorize(&headers, body, &self.hotkey.account(), self.netuid, &view)?, view.best)
		};
		self.limiter
			.take(&call.requester, Instant::now())
			.map_err(|wait| Refusal::new(429, format!("rate limit: retry in {:.1} s", wait.as_secs_f64().max(0.1))))?;
		let request: Value =
			serde_json::from_slice(body).map_err(|e| Refusal::new(400, format!("the body is not JSON: {e}")))?;
		let (model, encoding, items) = self.parse(&request)?;
		if !self.view.read().unwrap_or_else(|p| p.into_inner()).models.contains(&model.id) {
			return Err(Refusal::new(
				503,
				format!(
					"model {:?} is not registered on subnet {}: its receipts could not be challenged",
					model.name, self.netuid
				),
			));
		}
		if call.nonce.checked_add(items.len() as u64).is_none() {
			return Err(Refusal::new(400, "the nonce range overflows u64"));
		}
		// Retries first: every input already answered must be the same input.
		let mut answers: Vec<Option<Journaled>> = Vec::with_capacity(items.len());
		for (k, item) in items.iter().enumerate() {
			let key = request_key(&call.requester, call.nonce + k as u64);
			let body_hash = item_hash(&model.id, &item.tokens, call.served);
			let before = self.journal.receipt(&key).map_err(|e| Refusal::new(500, e.to_string()))?;
			match before {
				Some(old) if old.body_hash == body_hash => answers.push(Some(old)),
				Some(_) => {
					return Err(Refusal::new(
						409,
						format!(
							"nonce {} was already used for a different input; use a fresh nonce",
							call.nonce + k as u64
						),
					))
				},
				None => answers.push(None),
			}
		}
		// Run the new inputs together (the batcher groups them with other calls').
		let runs = items.iter().zip(&answers).map(|(item, old)| {
			let tokens = item.tokens.clone();
			let model = model.clone();
			async move {
				match old {
					Some(_) => None,
					None => Some(self.batcher.run(model, tokens).await),
				}
			}
		});
		let outputs = futures::future::join_all(runs).await;
		self.metrics.inputs.inc_by(outputs.iter().filter(|o| o.is_some()).count() as u64);
		let mut data = Vec::with_capacity(items.len());
		let mut tokens_used = 0usize;
		for (k, ((item, old), output)) in items.iter().zip(answers).zip(outputs).enumerate() {
			let nonce = call.nonce + k as u64;
			tokens_used += item.tokens.len();
			let served = match (old, output) {
				(Some(old), _) => old,
				(None, Some(Ok(output))) => self.sign_and_record(&call, &model, item, nonce, output, best)?,
				(None, Some(Err(e))) => return Err(Refusal::new(500, format!("input {k}: {e}"))),
				(None, None) => return Err(Refusal::new(500, format!("input {k}: not run"))),
			};
			data.push(item_json(k, nonce, item, &served, encoding)?);
		}
		Ok(json!({
			"object": "list",
			"model": model.name,
			"data": data,
			"usage": {"prompt_tokens": tokens_used, "total_tokens": tokens_used},
		}))
	}

	/// The model, the answer's encoding and the tokenized inputs of an OpenAI
	/// embeddings body.
	fn parse(&self, request: &Value) -> Result<(Arc<models::Loaded>, Encoding, Vec<Item>), Refusal> {
		let name = request
			.get("model")
			.and_then(Value::as_str)
			.ok_or_else(|| Refusal::new(400, "\"model\" is required (a string)"))?;
		// By file name, or by identity (`0x` + 64 hex: what validators' probes send).
		let by_id = name.strip_prefix("0x").and_then(|h| hex::decode(h).ok());
		let found = match by_id {
			Some(id) => self.models.values().find(|m| m.id[..] == id[..]).cloned(),
			None => self.models.get(name).cloned(),
		};
		let model = found.ok_or_else(|| {
			let served: Vec<&str> = self.models.keys().map(String::as_str).collect();
			Refusal::new(404, format!("model {name:?} is not served here (served: {})", served.join(", ")))
		})?;
		let encoding = match request.get("encoding_format") {
			None | Some(Value::Null) => Encoding::Float,
			Some(Value::String(f)) if f == "float" => Encoding::Float,
			Some(Value::String(f)) if f == "base64" => Encoding::Base64,
			Some(other) => return Err(Refusal::new(400, format!("encoding_format {other}: \"float\" or \"base64\""))),
		};
		let input = request.get("input").ok_or_else(|| Refusal::new(400, "\"input\" is required"))?;
		let raw: Vec<&Value> = match input {
			Value::String(_) => vec![input],
			Value::Array(a) if a.first().is_some_and(Value::is_number) => vec![input],
			Value::Array(a) => a.iter().collect(),
			_ => return Err(Refusal::new(400, "\"input\" must be a string, an array of strings, or token arrays")),
		};
		if raw.is_empty() {
			return Err(Refusal::new(400, "\"input\" is empty"));
		}
		if raw.len() > self.max_inputs {
			return Err(Refusal::new(413, format!("{} inputs in one call; at most {}", raw.len(), self.max_inputs)));
		}
		let vocab = model.tokenizer.vocab_size() as u64;
		let items = raw
			.into_iter()
			.enumerate()
			.map(|(k, v)| {
				let tokens = match v {
					Value::String(text) => model
						.tokenizer
						.encode(text, model.max_tokens)
						.map_err(|e| Refusal::new(400, format!("input {k}: {e}")))?,
					Value::Array(ids) => {
						let tokens = ids
							.iter()
							.map(|t| t.as_u64().filter(|t| *t < vocab).map(|t| t as u32))
							.collect::<Option<Vec<u32>>>()
							.ok_or_else(|| {
								Refusal::new(400, format!("input {k}: token ids must be integers below {vocab}"))
							})?;
						if tokens.is_empty() || tokens.len() > model.max_tokens {
							return Err(Refusal::new(
								400,
								format!(
									"input {k}: {} tokens; the model takes 1 to {}",
									tokens.len(),
									model.max_tokens
								),
							));
						}
						tokens
					},
					_ => return Err(Refusal::new(400, format!("input {k}: a string or an array of token ids"))),
				};
				Ok(Item { tokens })
			})
			.collect::<Result<Vec<_>, Refusal>>()?;
		Ok((model, encoding, items))
	}

	/// Signs the receipt of one answer and journals it before it is sent.
	fn sign_and_record(
		&self,
		call: &hearth_primitives::receipt::Call<AccountId32>,
		model: &models::Loaded,
		item: &Item,
		nonce: u64,
		output: hearth_engine::Output,
		block: u32,
	) -> Result<Journaled, Refusal> {
		let key = request_key(&call.requester, nonce);
		#[cfg(debug_assertions)]
		let output = cheat::maybe_lie(output, &key);
		let trace = Trace::try_from(output.trace.clone())
			.map_err(|_| Refusal::new(500, "the trace is longer than a receipt holds"))?;
		let receipt = Receipt {
			genesis: call.genesis,
			netuid: call.netuid,
			miner: self.hotkey.account(),
			model: model.id,
			requester: call.requester.clone(),
			nonce,
			input_hash: Input::Tokens(&item.tokens).hash(),
			output_hash: output.hash(&key, &model.id, PROFILE_DET_INT8),
			trace,
			served: call.served,
			block,
		};
		let signature = MultiSignature::Sr25519(self.hotkey.sign(&receipt.signing_payload()));
		let signed: WireReceipt = SignedReceipt { receipt, signature };
		let record = Journaled {
			body_hash: item_hash(&model.id, &item.tokens, call.served),
			signed_receipt: signed.encode(),
			values: output.values,
			frac_bits: output.frac_bits,
			block,
		};
		match self.journal.record_receipt(&key, &record).map_err(|e| Refusal::new(500, e.to_string()))? {
			Recorded::New => {
				self.metrics.receipts.inc();
				Ok(record)
			},
			// A concurrent retry of the same call won the race: send its answer.
			Recorded::Same(old) => Ok(*old),
			Recorded::Conflict => Err(Refusal::new(409, format!("nonce {nonce} was just used for a different input"))),
		}
	}
}

/// What identifies one input of a call for retries: the model, the tokens, what it is
/// served under.
fn item_hash(model: &[u8; 32], tokens: &[u32], served: Served) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(&(model, Input::Tokens(tokens).hash(), served).encode())
}

fn item_json(index: usize, nonce: u64, item: &Item, served: &Journaled, encoding: Encoding) -> Result<Value, Refusal> {
	let signed = <WireReceipt as codec::Decode>::decode(&mut &served.signed_receipt[..])
		.map_err(|e| Refusal::new(500, format!("a journaled receipt does not decode: {e}")))?;
	let scale = (1u64 << served.frac_bits) as f64;
	let floats = served.values.iter().map(|v| *v as f64 / scale);
	let embedding = match encoding {
		Encoding::Float => json!(floats.collect::<Vec<f64>>()),
		Encoding::Base64 => {
			let bytes: Vec<u8> = floats.flat_map(|f| (f as f32).to_le_bytes()).collect();
			json!(base64::engine::general_purpose::STANDARD.encode(bytes))
		},
	};
	Ok(json!({
		"object": "embedding",
		"index": index,
		"embedding": embedding,
		"hearth": {
			"nonce": nonce,
			"tokens": item.tokens,
			"input_hash": hex32(&signed.receipt.input_hash),
			"output_hash": hex32(&signed.receipt.output_hash),
			"trace": signed.receipt.trace.iter().map(hex32).collect::<Vec<_>>(),
			"values": served.values,
			"frac_bits": served.frac_bits,
			"block": signed.receipt.block,
			"receipt": format!("0x{}", hex::encode(&served.signed_receipt)),
		},
	}))
}
