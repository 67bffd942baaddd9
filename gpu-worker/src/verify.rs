//! `hearth-worker verify`: is a receipt honest? Checks the miner's signature, that the
//! model file is the one the receipt names and that the tokens hash to its input, then
//! re-runs the input with the CPU twin and compares the output hash and every trace
//! element; a dishonest receipt is reported with the first step it got wrong (the step
//! a challenge names).

use codec::Decode;
use hearth_engine::{decode, model_id, run, CpuGemm, Input, PROFILE_DET_INT8};
use hearth_primitives::receipt::request_key;
use serde_json::{json, Value};
use sp_runtime::traits::Verify;
use std::path::Path;

/// The verdict on the receipt in `receipt_file` against `model_file`.
pub fn verify(receipt_file: &Path, model_file: &Path) -> Result<Value, String> {
	let named = |e: &dyn std::fmt::Display, p: &Path| format!("{}: {e}", p.display());
	let text = std::fs::read_to_string(receipt_file).map_err(|e| named(&e, receipt_file))?;
	let item: Value = serde_json::from_str(&text).map_err(|e| named(&e, receipt_file))?;
	let hex_receipt = item["receipt"].as_str().ok_or_else(|| named(&"no \"receipt\" (0x-hex) field", receipt_file))?;
	let bytes = hex::decode(hex_receipt.trim_start_matches("0x")).map_err(|e| named(&e, receipt_file))?;
	let signed = crate::serve::WireReceipt::decode(&mut &bytes[..])
		.map_err(|e| named(&format!("the receipt does not decode: {e}"), receipt_file))?;
	let tokens: Vec<u32> = item["tokens"]
		.as_array()
		.and_then(|a| a.iter().map(|t| t.as_u64().and_then(|t| u32::try_from(t).ok())).collect())
		.ok_or_else(|| named(&"no \"tokens\" (an array of token ids) field", receipt_file))?;
	let r = &signed.receipt;
	if !signed.signature.verify(&r.signing_payload()[..], &r.miner) {
		return Ok(
			json!({"honest": false, "why": "the signature does not verify: the miner did not sign this receipt"}),
		);
	}
	let model_bytes = std::fs::read(model_file).map_err(|e| named(&e, model_file))?;
	let id = model_id(&model_bytes).map_err(|e| named(&e, model_file))?;
	if id != r.model {
		return Err(format!(
			"{} is model 0x{}, the receipt names 0x{}",
			model_file.display(),
			hex::encode(id),
			hex::encode(r.model)
		));
	}
	if Input::Tokens(&tokens).hash() != r.input_hash {
		return Err("the tokens do not hash to the receipt's input hash: they are not the input it was given".into());
	}
	let model = decode(&model_bytes).map_err(|e| named(&e, model_file))?;
	let honest = run(&model, Input::Tokens(&tokens), &CpuGemm::new(2)).map_err(|e| e.to_string())?;
	let first_wrong = honest.trace.iter().zip(r.trace.iter()).position(|(a, b)| a != b);
	let output_hash = honest.hash(&request_key(&r.requester, r.nonce), &id, PROFILE_DET_INT8);
	let verdict = match (first_wrong, honest.trace.len() == r.trace.len(), output_hash == r.output_hash) {
		(None, true, true) => json!({"honest": true}),
		(Some(step), _, _) => {
			json!({"honest": false, "first_wrong_step": step, "why": format!("step {step}'s trace element differs from the re-run")})
		},
		(None, false, _) => {
			json!({"honest": false, "why": format!("the trace has {} steps; the model has {}", r.trace.len(), honest.trace.len())})
		},
		(None, true, false) => {
			json!({"honest": false, "why": "the trace matches but the output hash does not bind it to this request"})
		},
	};
	let mut verdict = verdict;
	verdict["miner"] = json!(sp_core::crypto::Ss58Codec::to_ss58check(&r.miner));
	verdict["nonce"] = json!(r.nonce);
	verdict["block"] = json!(r.block);
	Ok(verdict)
}
