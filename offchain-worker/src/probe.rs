//! Probing one miner: inputs it cannot precompute, one signed call to its
//! `/v1/embeddings`, every receipt in the answer checked, every input re-run.
//!
//! **Inputs**: token sequences drawn from the validator's local randomness (the node's
//! `random_seed`, never on chain) with the tempo, the uid and the input's index:
//!
//! ```text
//! block_j  = blake2_256("hearth-probe-v1" ‖ seed (32) ‖ tempo u32 LE ‖ uid u16 LE ‖ index u32 LE ‖ j u32 LE)
//! stream   = block_0 ‖ block_1 ‖ …, read as u32 LE words w_0, w_1, …
//! len      = min_len + w_0 mod (max_len - min_len + 1)
//! token_i  = w_(1+i) mod vocab        for i in 0..len
//! ```
//!
//! **The call** names the model by its id (`"model": "0x…"`), sends the token arrays,
//! and is signed as a probe ([`hearth_primitives::receipt::Call`] with `Served::Probe`);
//! input `k` is request `first_nonce + k`.
//!
//! **The answer**: each item's receipt must be for this chain, subnet, miner, model,
//! requester, nonce and input, served as a probe, and signed by the miner; an answer
//! that fails any of these is [`Outcome::Refused`] (not provable, but not an answer
//! either). A good receipt is compared with the validator's own re-run: the same
//! output hash and trace is [`Outcome::Correct`]; anything else is
//! [`Outcome::Wrong`], with the first step whose trace differs (what a challenge
//! re-runs).

use crate::score::Outcome;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use codec::{Decode, Encode};
use hearth_primitives::receipt::{request_key, Call, Hash32, ModelId, Receipt, Served, SignedReceipt};
use hearth_primitives::{NetUid, Uid};

/// Domain of the probe input stream.
pub const PROBE_DOMAIN: &[u8; 15] = b"hearth-probe-v1";

/// The token ids of probe input `index` (module docs).
pub fn probe_tokens(seed: &[u8; 32], tempo: u32, uid: Uid, index: u32, vocab: u32, lens: (u32, u32)) -> Vec<u32> {
	let (min_len, max_len) = (lens.0.max(1), lens.1.max(lens.0.max(1)));
	let mut words = Words { seed, tempo, uid, index, block: 0, buf: [0; 32], at: 32 };
	let len = min_len + words.next() % (max_len - min_len + 1);
	(0..len).map(|_| words.next() % vocab.max(1)).collect()
}

struct Words<'a> {
	seed: &'a [u8; 32],
	tempo: u32,
	uid: Uid,
	index: u32,
	block: u32,
	buf: [u8; 32],
	at: usize,
}

impl Words<'_> {
	fn next(&mut self) -> u32 {
		if self.at == 32 {
			let mut p = PROBE_DOMAIN.to_vec();
			p.extend_from_slice(self.seed);
			p.extend_from_slice(&self.tempo.to_le_bytes());
			p.extend_from_slice(&self.uid.to_le_bytes());
			p.extend_from_slice(&self.index.to_le_bytes());
			p.extend_from_slice(&self.block.to_le_bytes());
			self.buf = sp_crypto_hashing::blake2_256(&p);
			self.block = self.block.wrapping_add(1);
			self.at = 0;
		}
		let w = u32::from_le_bytes([
			self.buf[self.at],
			self.buf[self.at + 1],
			self.buf[self.at + 2],
			self.buf[self.at + 3],
		]);
		self.at += 4;
		w
	}
}

/// `0x` + lower-case hex.
pub fn to_hex(bytes: &[u8]) -> String {
	const DIGITS: &[u8; 16] = b"0123456789abcdef";
	let mut s = String::with_capacity(2 + 2 * bytes.len());
	s.push_str("0x");
	for b in bytes {
		s.push(DIGITS[(b >> 4) as usize] as char);
		s.push(DIGITS[(b & 15) as usize] as char);
	}
	s
}

/// Bytes from hex with or without `0x`; `None` if it is not hex.
pub fn from_hex(s: &str) -> Option<Vec<u8>> {
	let s = s.strip_prefix("0x").unwrap_or(s).as_bytes();
	if !s.len().is_multiple_of(2) {
		return None;
	}
	let digit = |c: u8| match c {
		b'0'..=b'9' => Some(c - b'0'),
		b'a'..=b'f' => Some(c - b'a' + 10),
		b'A'..=b'F' => Some(c - b'A' + 10),
		_ => None,
	};
	s.chunks(2).map(|p| Some(digit(p[0])? << 4 | digit(p[1])?)).collect()
}

/// The JSON body of a probe call.
pub fn request_body(model: &ModelId, inputs: &[Vec<u32>]) -> Vec<u8> {
	let mut s = format!("{{\"model\":\"{}\",\"encoding_format\":\"float\",\"input\":[", to_hex(model));
	for (k, tokens) in inputs.iter().enumerate() {
		if k > 0 {
			s.push(',');
		}
		s.push('[');
		for (i, t) in tokens.iter().enumerate() {
			if i > 0 {
				s.push(',');
			}
			s.push_str(&format!("{t}"));
		}
		s.push(']');
	}
	s.push_str("]}");
	s.into_bytes()
}

/// What a probe expects back.
pub struct Expected<'a, AccountId> {
	/// The chain.
	pub genesis: Hash32,
	/// The subnet.
	pub netuid: NetUid,
	/// The miner called.
	pub miner: &'a AccountId,
	/// The validator.
	pub requester: &'a AccountId,
	/// The model.
	pub model: ModelId,
	/// The first input's nonce.
	pub first_nonce: u64,
	/// The inputs.
	pub inputs: &'a [Vec<u32>],
}

impl<AccountId: Clone + Encode> Expected<'_, AccountId> {
	/// The call the validator signs for these inputs and `body`.
	pub fn call(&self, body: &[u8]) -> Call<AccountId> {
		Call {
			genesis: self.genesis,
			netuid: self.netuid,
			miner: self.miner.clone(),
			requester: self.requester.clone(),
			nonce: self.first_nonce,
			served: Served::Probe,
			body_hash: sp_crypto_hashing::blake2_256(body),
		}
	}
}

/// The validator's own run of an input.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Rerun {
	/// The output hash bound to the request key.
	pub output_hash: Hash32,
	/// The trace.
	pub trace: Vec<Hash32>,
}

/// Re-runs inputs (the CPU twin in the off-chain worker, or a local `hearth-worker`).
pub trait Verifier {
	/// The hash a receipt gives `tokens` as its input (`hearth_engine::Input::hash`).
	fn input_hash(&self, tokens: &[u32]) -> Hash32;
	/// `model` on `tokens`, its output hash bound to `key`.
	fn rerun(&mut self, model: &ModelId, tokens: &[u32], key: &Hash32) -> Result<Rerun, String>;
}

/// A receipt that the validator's re-run contradicts.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Contradicted<AccountId, Signature> {
	/// The miner's signed receipt.
	pub signed: SignedReceipt<AccountId, Signature>,
	/// The input.
	pub tokens: Vec<u32>,
	/// The first step whose trace element differs (`None`: the traces agree but the
	/// output hash does not).
	pub first_wrong_step: Option<u32>,
}

/// What one probe call gave.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Report<AccountId, Signature> {
	/// One outcome per input.
	pub outcomes: Vec<Outcome>,
	/// The receipts proven wrong by re-running.
	pub wrong: Vec<Contradicted<AccountId, Signature>>,
	/// Why inputs were refused or unavailable, for the log.
	pub note: Option<String>,
}

impl<AccountId, Signature> Report<AccountId, Signature> {
	/// Every input ended as `outcome`, for `why`.
	pub fn all(n: usize, outcome: Outcome, why: String) -> Self {
		Self { outcomes: (0..n).map(|_| outcome.clone()).collect(), wrong: Vec::new(), note: Some(why) }
	}
}

/// Judges a miner's answer (`status`, `body`, after `latency_ms`) to a probe.
/// `verify` checks a receipt's signature by its miner.
pub fn judge<AccountId, Signature, V>(
	expected: &Expected<'_, AccountId>,
	status: u16,
	body: &[u8],
	latency_ms: u32,
	verifier: &mut V,
	verify: &dyn Fn(&Receipt<AccountId>, &Signature) -> bool,
) -> Report<AccountId, Signature>
where
	AccountId: Clone + Encode + Decode + PartialEq,
	Signature: Decode,
	V: Verifier,
{
	let n = expected.inputs.len();
	if status != 200 {
		let text = core::str::from_utf8(body).unwrap_or("(not UTF-8)");
		let short: String = text.chars().take(200).collect();
		return Report::all(n, Outcome::Refused, format!("HTTP {status}: {short}"));
	}
	let receipts = match parse_receipts::<AccountId, Signature>(body, n) {
		Ok(r) => r,
		Err(why) => return Report::all(n, Outcome::Refused, why),
	};
	let mut report = Report { outcomes: Vec::with_capacity(n), wrong: Vec::new(), note: None };
	for (k, (signed, tokens)) in receipts.into_iter().zip(expected.inputs).enumerate() {
		let nonce = expected.first_nonce.saturating_add(k as u64);
		if let Err(why) = check_fields(expected, &signed.receipt, nonce, verifier.input_hash(tokens)) {
			report.outcomes.push(Outcome::Refused);
			report.note.get_or_insert(format!("input {k}: {why}"));
			continue;
		}
		if !verify(&signed.receipt, &signed.signature) {
			report.outcomes.push(Outcome::Refused);
			report.note.get_or_insert(format!("input {k}: the receipt's signature does not verify"));
			continue;
		}
		let key = request_key(expected.requester, nonce);
		match verifier.rerun(&expected.model, tokens, &key) {
			Err(why) => {
				// The validator could not re-run: not the miner's fault, not its credit.
				report.outcomes.push(Outcome::Unverified);
				report.note.get_or_insert(format!("input {k}: the validator's re-run failed: {why}"));
			},
			Ok(mine)
				if mine.output_hash == signed.receipt.output_hash && mine.trace == signed.receipt.trace.to_vec() =>
			{
				report.outcomes.push(Outcome::Correct { latency_ms })
			},
			Ok(mine) => {
				let first_wrong_step = mine
					.trace
					.iter()
					.zip(signed.receipt.trace.iter())
					.position(|(a, b)| a != b)
					.or_else(|| (mine.trace.len() != signed.receipt.trace.len()).then_some(0))
					.map(|s| s as u32);
				report.outcomes.push(Outcome::Wrong);
				report.wrong.push(Contradicted { signed, tokens: tokens.clone(), first_wrong_step });
			},
		}
	}
	report
}

/// Each item's `hearth.receipt`, decoded, in order; exactly `n` of them.
fn parse_receipts<AccountId: Decode, Signature: Decode>(
	body: &[u8],
	n: usize,
) -> Result<Vec<SignedReceipt<AccountId, Signature>>, String> {
	let answer: serde_json::Value = serde_json::from_slice(body).map_err(|e| format!("the answer is not JSON: {e}"))?;
	let data = answer.get("data").and_then(|d| d.as_array()).ok_or("the answer has no \"data\" list")?;
	if data.len() != n {
		return Err(format!("{} items for {n} inputs", data.len()));
	}
	data.iter()
		.enumerate()
		.map(|(k, item)| {
			if item.get("index").and_then(|i| i.as_u64()) != Some(k as u64) {
				return Err(format!("item {k} has another index"));
			}
			let hex = item
				.get("hearth")
				.and_then(|h| h.get("receipt"))
				.and_then(|r| r.as_str())
				.ok_or_else(|| format!("item {k} has no hearth.receipt"))?;
			let bytes = from_hex(hex).ok_or_else(|| format!("item {k}: the receipt is not hex"))?;
			SignedReceipt::decode(&mut &bytes[..]).map_err(|e| format!("item {k}: the receipt does not decode: {e}"))
		})
		.collect()
}

fn check_fields<AccountId: PartialEq>(
	e: &Expected<'_, AccountId>,
	r: &Receipt<AccountId>,
	nonce: u64,
	input_hash: Hash32,
) -> Result<(), &'static str> {
	let checks = [
		(r.genesis == e.genesis, "the receipt is for another chain"),
		(r.netuid == e.netuid, "the receipt is for another subnet"),
		(r.miner == *e.miner, "the receipt names another miner"),
		(r.requester == *e.requester, "the receipt names another requester"),
		(r.model == e.model, "the receipt is for another model"),
		(r.nonce == nonce, "the receipt has another nonce"),
		(r.served == Served::Probe, "the receipt is not for a probe"),
		(r.input_hash == input_hash, "the receipt is for another input"),
	];
	checks.into_iter().find(|(ok, _)| !ok).map_or(Ok(()), |(_, why)| Err(why))
}
