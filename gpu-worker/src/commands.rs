//! The subcommands. Each returns the JSON it prints, or an error that names the
//! problem (the file, the argument, the value).

use crate::args::{Cli, Command, InferArgs, ModelCommand, VerifyStepArgs};
use hearth_engine::activation::Activation;
use hearth_engine::import::{minilm, quantize, safetensors::SafeTensors};
use hearth_engine::{
	decode, encode, model_hash, run, run_traced_with, step, Input, Model, StepInput, PROFILE_DET_INT8, PROFILE_NAME,
};
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
		Command::VerifyStep(args) => verify_step(args),
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
	hex_id.map_or(Ok([0u8; 32]), |s| hash_arg("--job-id", s))
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
	let (backend, fallback) = crate::backend::select(args.compute.backend, args.compute.threads, &model)?;
	let (out, trace) = if args.trace {
		if let Some(dir) = &args.activations {
			std::fs::create_dir_all(dir).map_err(|e| format!("--activations {}: {e}", dir.display()))?;
		}
		let mut written: Result<(), String> = Ok(());
		let traced = run_traced_with(&model, input, backend.as_ref(), |i, x| {
			let Some(dir) = &args.activations else { return };
			if written.is_ok() {
				let path = dir.join(format!("step-{i}.act"));
				written = std::fs::write(&path, x.encode()).map_err(|e| format!("{}: {e}", path.display()));
			}
		})
		.map_err(|e| e.to_string())?;
		written?;
		(traced.output, Some(traced.trace.iter().map(hex32).collect::<Vec<_>>()))
	} else {
		(run(&model, input, backend.as_ref()).map_err(|e| e.to_string())?, None)
	};
	let mh = model_hash(&bytes);
	let mut printed = json!({
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
	});
	if let Some(trace) = trace {
		printed["trace"] = json!(trace);
	}
	Ok(printed)
}

/// Parses `0x` + 64 hex digits, naming the flag when it is not.
fn hash_arg(flag: &str, s: &str) -> Result<[u8; 32], String> {
	let digits = s.strip_prefix("0x").unwrap_or(s);
	let bytes = hex::decode(digits).map_err(|e| format!("{flag}: {e}"))?;
	bytes.try_into().map_err(|b: Vec<u8>| format!("{flag}: {} bytes, expected 32 (64 hex digits)", b.len()))
}

fn verify_step(args: VerifyStepArgs) -> Result<Value, String> {
	let expect = args.expect.as_deref().map(|e| hash_arg("--expect", e)).transpose()?;
	let (model, bytes) = load(&args.model)?;
	let steps = model.steps();
	let Some(chosen) = steps.get(args.step as usize) else {
		return Err(format!("--step {}: the model has {} steps, numbered from 0", args.step, steps.len()));
	};
	let tokens: Option<Vec<u32>> = args.tokens.as_deref().map(|t| parse_list("--tokens", t)).transpose()?;
	let activation = match &args.input {
		Some(path) => Some(Activation::decode(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))?),
		None => None,
	};
	let input = match (&tokens, &activation) {
		(Some(t), _) => StepInput::Tokens(t),
		(None, Some(x)) => StepInput::Activation(x),
		(None, None) => return Err("give --input (an activation file) or --tokens (BERT's step 0)".into()),
	};
	let (backend, fallback) = crate::backend::select(args.compute.backend, args.compute.threads, &model)?;
	let x = step(chosen, input, backend.as_ref()).map_err(|e| format!("step {}: {e}", args.step))?;
	let trace = x.trace_hash(args.step);
	if let Some(out) = &args.out {
		std::fs::write(out, x.encode()).map_err(|e| format!("{}: {e}", out.display()))?;
	}
	Ok(json!({
		"model": hex32(&model_hash(&bytes)),
		"step": args.step,
		"steps": steps.len(),
		"backend": backend.name(),
		"fallback": fallback,
		"shape": [x.rows(), x.cols()],
		"trace": hex32(&trace),
		"expect": expect.as_ref().map(hex32),
		"matches": expect.map(|e| e == trace),
	}))
}

fn hex32(b: &[u8; 32]) -> String {
	format!("0x{}", hex::encode(b))
}
