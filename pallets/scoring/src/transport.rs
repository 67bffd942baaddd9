//! HTTP from the off-chain worker, behind a trait so that the scoring flow is tested
//! without a network: [`OffchainHttp`] is the node's HTTP client; tests script the
//! answers.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use hearth_offchain_worker::probe::{from_hex, to_hex, Rerun, Verifier};
use hearth_primitives::receipt::{Hash32, ModelId};

/// An HTTP answer.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Reply {
	/// The status code.
	pub status: u16,
	/// The body.
	pub body: Vec<u8>,
	/// Milliseconds from sending to the full answer.
	pub latency_ms: u32,
}

/// Sends a POST and waits for the answer.
pub trait Transport {
	/// `POST url` with `headers` and `body`, waiting at most `deadline_ms`; the reason
	/// when no answer came (connection refused, deadline passed).
	fn post(&mut self, url: &str, headers: &[(&str, String)], body: &[u8], deadline_ms: u32) -> Result<Reply, String>;
}

/// The node's off-chain HTTP client.
pub struct OffchainHttp;

impl Transport for OffchainHttp {
	fn post(&mut self, url: &str, headers: &[(&str, String)], body: &[u8], deadline_ms: u32) -> Result<Reply, String> {
		use sp_runtime::offchain::{http, Duration};
		let started = sp_io::offchain::timestamp();
		let deadline = started.add(Duration::from_millis(u64::from(deadline_ms)));
		let mut request = http::Request::post(url, alloc::vec![body.to_vec()])
			.add_header("content-type", "application/json")
			.deadline(deadline);
		for (name, value) in headers {
			request = request.add_header(name, value);
		}
		let pending = request.send().map_err(|e| format!("{url}: cannot send ({e:?})"))?;
		let response = pending
			.try_wait(deadline)
			.map_err(|_| format!("{url}: no answer within {deadline_ms} ms"))?
			.map_err(|e| format!("{url}: {e:?}"))?;
		let body = response.body().collect::<Vec<u8>>();
		let latency = sp_io::offchain::timestamp().diff(&started).millis();
		Ok(Reply { status: response.code, body, latency_ms: u32::try_from(latency).unwrap_or(u32::MAX) })
	}
}

/// The local `hearth-worker verifier`, reached through a [`Transport`].
pub struct HttpVerifier<'a, H: Transport> {
	/// The transport.
	pub http: &'a mut H,
	/// The verifier's base URL (`http://127.0.0.1:9617`).
	pub url: &'a str,
}

/// Re-runs take longer than probes: a generous bound.
const VERIFIER_DEADLINE_MS: u32 = 30_000;

impl<H: Transport> HttpVerifier<'_, H> {
	fn call(&mut self, route: &str, body: String) -> Result<serde_json::Value, String> {
		let url = format!("{}{route}", self.url);
		let reply = self.http.post(&url, &[], body.as_bytes(), VERIFIER_DEADLINE_MS)?;
		let value: serde_json::Value =
			serde_json::from_slice(&reply.body).map_err(|e| format!("{url}: the answer is not JSON ({e})"))?;
		if reply.status != 200 {
			let why = value.pointer("/error/message").and_then(|m| m.as_str()).unwrap_or("(no message)");
			return Err(format!("{url}: HTTP {}: {why}", reply.status));
		}
		Ok(value)
	}

	/// The input (SCALE `StepInput`) and chunk (or proof) that challenge `step`.
	pub fn challenge_material(
		&mut self,
		model: &ModelId,
		tokens: &[u32],
		step: u32,
	) -> Result<(Vec<u8>, Vec<u8>), String> {
		let body = format!("{{\"model\":\"{}\",\"tokens\":{},\"step\":{step}}}", to_hex(model), json_list(tokens));
		let v = self.call("/v1/challenge", body)?;
		let field = |name: &str| {
			v.get(name)
				.and_then(|s| s.as_str())
				.and_then(from_hex)
				.ok_or_else(|| format!("the verifier's challenge has no hex \"{name}\""))
		};
		Ok((field("input")?, field("chunk")?))
	}
}

fn json_list(tokens: &[u32]) -> String {
	let items: Vec<String> = tokens.iter().map(|t| format!("{t}")).collect();
	format!("[{}]", items.join(","))
}

fn hash32(v: &serde_json::Value) -> Option<Hash32> {
	from_hex(v.as_str()?)?.try_into().ok()
}

impl<H: Transport> Verifier for HttpVerifier<'_, H> {
	fn input_hash(&self, tokens: &[u32]) -> Hash32 {
		hearth_engine::Input::Tokens(tokens).hash()
	}

	fn rerun(&mut self, model: &ModelId, tokens: &[u32], key: &Hash32) -> Result<Rerun, String> {
		let body =
			format!("{{\"model\":\"{}\",\"tokens\":{},\"key\":\"{}\"}}", to_hex(model), json_list(tokens), to_hex(key));
		let v = self.call("/v1/rerun", body)?;
		let output_hash = v.get("output_hash").and_then(hash32).ok_or("the verifier's rerun has no output_hash")?;
		let trace = v
			.get("trace")
			.and_then(|t| t.as_array())
			.and_then(|t| t.iter().map(hash32).collect::<Option<Vec<_>>>())
			.ok_or("the verifier's rerun has no trace")?;
		Ok(Rerun { output_hash, trace })
	}
}
