//! Judging miners' answers to probes with real sr25519 receipts: an honest miner, a
//! miner whose trace is wrong from a step, forged or misaddressed receipts, refusals
//! and garbage — each with the outcome and reason the validator records.

use codec::Encode;
use hearth_offchain_worker::probe::{
	from_hex, judge, probe_tokens, request_body, to_hex, Expected, Report, Rerun, Verifier,
};
use hearth_offchain_worker::score::Outcome;
use hearth_primitives::receipt::{request_key, Hash32, Receipt, Served, SignedReceipt, Trace};
use sp_core::{sr25519, Pair};
use sp_runtime::traits::{IdentifyAccount, Verify};
use sp_runtime::{AccountId32, MultiSignature, MultiSigner};

const GENESIS: Hash32 = [7; 32];
const MODEL: Hash32 = [9; 32];

fn pair(seed: &str) -> sr25519::Pair {
	sr25519::Pair::from_string(seed, None).expect("a dev seed")
}

fn account(p: &sr25519::Pair) -> AccountId32 {
	MultiSigner::from(p.public()).into_account()
}

/// The validator's twin: a toy model whose trace is a hash chain over the tokens.
struct Twin {
	broken: bool,
}

fn twin_run(tokens: &[u32], key: &Hash32) -> Rerun {
	let mut trace = Vec::new();
	let mut x = sp_crypto_hashing::blake2_256(&tokens.encode());
	for step in 0..4u32 {
		x = sp_crypto_hashing::blake2_256(&(step, x).encode());
		trace.push(x);
	}
	Rerun { output_hash: sp_crypto_hashing::blake2_256(&(x, key).encode()), trace }
}

impl Verifier for Twin {
	fn input_hash(&self, tokens: &[u32]) -> Hash32 {
		sp_crypto_hashing::blake2_256(&("input", tokens).encode())
	}
	fn rerun(&mut self, _model: &Hash32, tokens: &[u32], key: &Hash32) -> Result<Rerun, String> {
		if self.broken {
			return Err("the model is not loaded".into());
		}
		Ok(twin_run(tokens, key))
	}
}

struct Setup {
	miner: sr25519::Pair,
	validator: sr25519::Pair,
	inputs: Vec<Vec<u32>>,
}

impl Setup {
	fn new() -> Self {
		let inputs = (0..3).map(|k| probe_tokens(&[1; 32], 4, 2, k, 97, (3, 8))).collect();
		Self { miner: pair("//Ferdie"), validator: pair("//Alice"), inputs }
	}

	fn expected(&self) -> (AccountId32, AccountId32) {
		(account(&self.miner), account(&self.validator))
	}

	/// What a miner answers: `tamper` edits each receipt before it is signed.
	fn answer(&self, tamper: &dyn Fn(usize, &mut Receipt<AccountId32>)) -> Vec<u8> {
		let (miner, validator) = self.expected();
		let data: Vec<serde_json::Value> = self
			.inputs
			.iter()
			.enumerate()
			.map(|(k, tokens)| {
				let nonce = 100 + k as u64;
				let honest = twin_run(tokens, &request_key(&validator, nonce));
				let mut receipt = Receipt {
					genesis: GENESIS,
					netuid: 1,
					miner: miner.clone(),
					model: MODEL,
					requester: validator.clone(),
					nonce,
					input_hash: Twin { broken: false }.input_hash(tokens),
					output_hash: honest.output_hash,
					trace: Trace::try_from(honest.trace).expect("4 steps"),
					served: Served::Probe,
					block: 5,
				};
				tamper(k, &mut receipt);
				let signature = MultiSignature::Sr25519(self.miner.sign(&receipt.signing_payload()));
				let signed = SignedReceipt { receipt, signature };
				serde_json::json!({"object": "embedding", "index": k, "embedding": [0.5],
					"hearth": {"receipt": to_hex(&signed.encode())}})
			})
			.collect();
		serde_json::json!({"object": "list", "data": data}).to_string().into_bytes()
	}

	fn judge(&self, status: u16, body: &[u8], twin: &mut Twin) -> Report<AccountId32, MultiSignature> {
		let (miner, validator) = self.expected();
		let expected = Expected {
			genesis: GENESIS,
			netuid: 1,
			miner: &miner,
			requester: &validator,
			model: MODEL,
			first_nonce: 100,
			inputs: &self.inputs,
		};
		let verify = |r: &Receipt<AccountId32>, s: &MultiSignature| s.verify(&r.signing_payload()[..], &r.miner);
		judge(&expected, status, body, 120, twin, &verify)
	}
}

#[test]
fn an_honest_answer_is_correct_with_its_latency() {
	let s = Setup::new();
	let report = s.judge(200, &s.answer(&|_, _| {}), &mut Twin { broken: false });
	assert_eq!(report.outcomes, vec![Outcome::Correct { latency_ms: 120 }; 3]);
	assert!(report.wrong.is_empty() && report.note.is_none());
}

#[test]
fn a_wrong_trace_is_found_at_its_first_wrong_step_and_kept_for_a_challenge() {
	let s = Setup::new();
	let body = s.answer(&|k, r| {
		if k == 1 {
			r.trace[2][0] ^= 1;
			r.trace[3][0] ^= 1;
		}
	});
	let report = s.judge(200, &body, &mut Twin { broken: false });
	assert_eq!(report.outcomes[1], Outcome::Wrong);
	assert_eq!(report.outcomes[0], Outcome::Correct { latency_ms: 120 });
	assert_eq!(report.wrong.len(), 1);
	assert_eq!((report.wrong[0].first_wrong_step, &report.wrong[0].tokens), (Some(2), &s.inputs[1]));
	// Only the output hash wrong: still wrong, no step to challenge.
	let body = s.answer(&|k, r| {
		if k == 0 {
			r.output_hash = [0; 32];
		}
	});
	let report = s.judge(200, &body, &mut Twin { broken: false });
	assert_eq!((report.outcomes[0].clone(), report.wrong[0].first_wrong_step), (Outcome::Wrong, None));
}

#[test]
fn misaddressed_or_forged_receipts_are_refused_with_the_reason() {
	let s = Setup::new();
	let cases: Vec<(Box<dyn Fn(usize, &mut Receipt<AccountId32>)>, &str)> = vec![
		(Box::new(|_, r| r.genesis = [0; 32]), "another chain"),
		(Box::new(|_, r| r.netuid = 2), "another subnet"),
		(Box::new(|_, r| r.model = [0; 32]), "another model"),
		(Box::new(|_, r| r.nonce += 1), "another nonce"),
		(Box::new(|_, r| r.served = Served::Lease(1)), "not for a probe"),
		(Box::new(|_, r| r.input_hash = [0; 32]), "another input"),
		(Box::new(|_, r| r.requester = account(&pair("//Eve"))), "another requester"),
		(Box::new(|_, r| r.miner = account(&pair("//Eve"))), "another miner"),
	];
	for (tamper, why) in cases {
		let report = s.judge(200, &s.answer(&*tamper), &mut Twin { broken: false });
		assert_eq!(report.outcomes, vec![Outcome::Refused; 3], "{why}");
		assert!(report.note.as_deref().unwrap().contains(why), "{why}: {:?}", report.note);
		assert!(report.wrong.is_empty(), "an unsigned claim is never challenged");
	}
	// Signed by someone else than the miner it names.
	let mut forged = Setup::new();
	forged.miner = pair("//Eve");
	let (ferdie, _) = s.expected();
	let body = forged.answer(&|_, r| r.miner = ferdie.clone());
	let report = s.judge(200, &body, &mut Twin { broken: false });
	assert_eq!(report.outcomes, vec![Outcome::Refused; 3]);
	assert!(report.note.unwrap().contains("signature does not verify"));
}

#[test]
fn refusals_and_garbage_are_refused_and_a_broken_twin_is_not_the_miners_fault() {
	let s = Setup::new();
	let twin = &mut Twin { broken: false };
	let cases: [(u16, &[u8], &str); 5] = [
		(403, b"probes are for validators", "HTTP 403: probes are for validators"),
		(200, b"{not json", "not JSON"),
		(200, br#"{"data": [{"index": 0}]}"#, "1 items for 3 inputs"),
		(200, br#"{"object": "list"}"#, "no \"data\" list"),
		(
			200,
			br#"{"data": [{"index": 0, "hearth": {"receipt": "0xzz"}}, {"index": 1}, {"index": 2}]}"#,
			"item 0: the receipt is not hex",
		),
	];
	for (status, body, why) in cases {
		let report = s.judge(status, body, twin);
		assert_eq!(report.outcomes, vec![Outcome::Refused; 3], "{why}");
		assert!(report.note.as_deref().unwrap().contains(why), "{why}: {:?}", report.note);
	}
	let report = s.judge(200, &s.answer(&|_, _| {}), &mut Twin { broken: true });
	assert_eq!(report.outcomes, vec![Outcome::Unverified; 3]);
	assert!(report.note.unwrap().contains("the validator's re-run failed: the model is not loaded"));
}

#[test]
fn probe_inputs_follow_the_documented_stream_and_the_body_names_the_model_by_id() {
	let t = probe_tokens(&[1; 32], 4, 2, 0, 97, (3, 8));
	assert!((3..=8).contains(&t.len()) && t.iter().all(|x| *x < 97));
	// The documented stream, written out.
	let mut p = b"hearth-probe-v1".to_vec();
	p.extend_from_slice(&[1; 32]);
	p.extend_from_slice(&4u32.to_le_bytes());
	p.extend_from_slice(&2u16.to_le_bytes());
	p.extend_from_slice(&0u32.to_le_bytes());
	p.extend_from_slice(&0u32.to_le_bytes());
	let block = sp_crypto_hashing::blake2_256(&p);
	let w = |i: usize| u32::from_le_bytes(block[4 * i..4 * i + 4].try_into().unwrap());
	assert_eq!(t.len() as u32, 3 + w(0) % 6);
	assert_eq!(t[0], w(1) % 97);
	assert_ne!(t, probe_tokens(&[2; 32], 4, 2, 0, 97, (3, 8)), "another seed, other inputs");
	let body = request_body(&[0xab; 32], &[vec![1, 2], vec![3]]);
	let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
	assert_eq!(json["model"], to_hex(&[0xab; 32]));
	assert_eq!(json["input"], serde_json::json!([[1, 2], [3]]));
	assert_eq!(from_hex("0xAB01"), Some(vec![0xab, 1]));
	assert_eq!(from_hex("abc"), None);
}
