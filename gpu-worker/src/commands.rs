//! The subcommands. Each returns the JSON it prints, or an error that names the
//! problem (the file, the argument, the value).

use crate::args::{Cli, Command, InferArgs, ModelCommand};
use hearth_engine::import::{minilm, quantize, safetensors::SafeTensors};
use hearth_engine::{decode, encode, model_hash, run, Input, Model, PROFILE_DET_INT8, PROFILE_NAME};
use serde_json::{json, Value};
use std::path::Path;

pub(crate) fn dispatch(cli: Cli) -> Result<Value, String> {
	match cli.command {
		Command::Model(ModelCommand::Import { safetensors, config, out }) => {
			let config = config.unwrap_or_else(|| safetensors.with_file_name("config.json"));
			import(&safetensors, &config, &out)
		},
		Command::Model(ModelCommand::Inspect { file }) => {
			let (model, bytes) = load(&file)?;
			Ok(
				json!({"model": hex32(&model_hash(&bytes)), "bytes": bytes.len(), "architecture": model.describe(), "profile": PROFILE_NAME}),
			)
		},
		Command::Infer(args) => infer(args),
		Command::Probe => Ok(crate::backend::probe()),
	}
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
	std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn import(weights: &Path, config: &Path, out: &Path) -> Result<Value, String> {
	let named = |e: &dyn std::fmt::Display, p: &Path| format!("{}: {e}", p.display());
	let (cfg, eps) = minilm::parse_config(&read(config)?).map_err(|e| named(&e, config))?;
	let bytes = read(weights)?;
	let st = SafeTensors::parse(&bytes).map_err(|e| named(&e, weights))?;
	let float = minilm::load_bert(&st, cfg, eps).map_err(|e| named(&e, weights))?;
	let model = Model::Bert(quantize::bert(&float).map_err(|e| named(&e, weights))?);
	let encoded = encode(&model);
	// Refuse to write what could not be read back (dimensions beyond the profile).
	decode(&encoded).map_err(|e| named(&e, weights))?;
	let tmp = out.with_extension("partial");
	std::fs::write(&tmp, &encoded).map_err(|e| named(&e, &tmp))?;
	std::fs::rename(&tmp, out).map_err(|e| named(&e, out))?;
	Ok(json!({
		"model": hex32(&model_hash(&encoded)),
		"bytes": encoded.len(),
		"architecture": model.describe(),
		"profile": PROFILE_NAME,
		"out": out.display().to_string(),
	}))
}

fn load(path: &Path) -> Result<(Model, Vec<u8>), String> {
	let bytes = read(path)?;
	let model = decode(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
	Ok((model, bytes))
}

/// Parses a comma-separated list, naming the first bad item.
fn parse_list<T: std::str::FromStr>(flag: &str, list: &str) -> Result<Vec<T>, String> {
	list.split(',')
		.enumerate()
		.map(|(i, item)| {
			item.trim().parse().map_err(|_| format!("{flag}: item {i} ({:?}) is not a valid integer", item.trim()))
		})
		.collect()
}

fn job_id(hex_id: Option<&str>) -> Result<[u8; 32], String> {
	let Some(s) = hex_id else { return Ok([0u8; 32]) };
	let digits = s.strip_prefix("0x").unwrap_or(s);
	let bytes = hex::decode(digits).map_err(|e| format!("--job-id: {e}"))?;
	bytes.try_into().map_err(|b: Vec<u8>| format!("--job-id: {} bytes, expected 32 (64 hex digits)", b.len()))
}

fn infer(args: InferArgs) -> Result<Value, String> {
	let job = job_id(args.job_id.as_deref())?;
	let (model, bytes) = load(&args.model)?;
	let tokens: Option<Vec<u32>> = args.tokens.as_deref().map(|t| parse_list("--tokens", t)).transpose()?;
	let features: Option<Vec<i32>> = args.features.as_deref().map(|f| parse_list("--features", f)).transpose()?;
	let input = match (&tokens, &features) {
		(Some(t), _) => Input::Tokens(t),
		(None, Some(f)) => Input::Features(f),
		(None, None) => return Err("give --tokens (BERT) or --features (MLP)".into()),
	};
	let (backend, fallback) = crate::backend::select(args.backend, args.threads, &model)?;
	let out = run(&model, input, backend.as_ref()).map_err(|e| e.to_string())?;
	let mh = model_hash(&bytes);
	Ok(json!({
		"model": hex32(&mh),
		"architecture": model.describe(),
		"profile": PROFILE_NAME,
		"job_id": hex32(&job),
		"backend": backend.name(),
		"fallback": fallback,
		"shape": out.shape,
		"frac_bits": out.frac_bits,
		"values": out.values,
		"floats": out.to_f64(),
		"output_hash": hex32(&out.hash(&job, &mh, PROFILE_DET_INT8)),
	}))
}

fn hex32(b: &[u8; 32]) -> String {
	format!("0x{}", hex::encode(b))
}
