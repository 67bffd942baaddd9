//! The subcommands. Each returns the JSON it prints, or an error that names the
//! problem (the file, the argument, the value).

use crate::args::{Cli, Command, ConfigArgs, ConfigCommand, InferArgs, KeysCommand, ModelCommand, VerifyStepArgs};
use hearth_engine::activation::Activation;
use hearth_engine::chunk::kind_name;
use hearth_engine::format::{chunk_hash, identity, model_id, split, ModelFile};
use hearth_engine::import::{minilm, quantize, safetensors::SafeTensors};
use hearth_engine::{
	decode, decode_chunk, encode, run_batch, run_with, step, Input, Model, StepInput, PROFILE_DET_INT8, PROFILE_NAME,
};
use serde_json::{json, Value};
use std::path::Path;

/// Runs the command `cli` names: the JSON to print, or the error.
pub fn dispatch(cli: Cli) -> Result<Value, String> {
	match cli.command {
		Command::Model(ModelCommand::Import { safetensors, config, out }) => {
			let config = config.unwrap_or_else(|| safetensors.with_file_name("config.json"));
			import(&safetensors, &config, &out)
		},
		Command::Model(ModelCommand::Inspect { file, chunks }) => inspect(&file, chunks.as_deref()),
		Command::Infer(args) => infer(args),
		Command::Probe => Ok(crate::backend::probe()),
		Command::VerifyStep(args) => verify_step(args),
		Command::Config(ConfigCommand::Check(args)) => config_check(&args),
		Command::Run(args) => crate::run::run(&args),
		Command::Status { config, json } => crate::run::status(&config, json),
		Command::Verify(args) => crate::verify::verify(&args.receipt, &args.model),
		Command::Bench(args) => bench(&args),
		Command::Verifier(args) => crate::verifier::run(&args.models, args.listen, args.threads),
		Command::Keys(KeysCommand::Generate { file }) => {
			let (key, phrase) = crate::keys::generate(&file)?;
			eprintln!("secret phrase (write it down; it is also in {}): {phrase}", file.display());
			Ok(crate::keys::describe(&key))
		},
		Command::Keys(KeysCommand::Inspect { file }) => Ok(crate::keys::describe(&crate::keys::Hotkey::load(&file)?)),
	}
}

/// `bench`: seq/s of the model at each length on the chosen backend.
fn bench(args: &crate::args::BenchArgs) -> Result<Value, String> {
	let (model, _) = load(&args.model)?;
	let Model::Bert(bert) = &model else { return Err(format!("{}: bench measures BERT models", args.model.display())) };
	let lengths: Vec<usize> = parse_list("--tokens", &args.tokens)?;
	if args.seqs == 0 || lengths.iter().any(|l| *l == 0 || *l > bert.config.max_positions as usize) {
		return Err(format!("--seqs must be at least 1 and --tokens within 1..={}", bert.config.max_positions));
	}
	let weights = model.gemm_weights();
	let (backend, fallback) = crate::backend::select(args.compute.backend, 1, &weights)?;
	let threads = if fallback.is_none() { 1 } else { args.compute.threads.max(1) };
	let mut rng = hearth_engine::import::seeded::SplitMix64::new(1);
	let mut rows = Vec::new();
	for len in lengths {
		let seqs: Vec<Vec<u32>> =
			(0..args.seqs).map(|_| (0..len).map(|_| rng.token(bert.config.vocab)).collect()).collect();
		let inputs: Vec<Input<'_>> = seqs.iter().map(|s| Input::Tokens(s)).collect();
		// One warm-up sequence, then the batch, timed.
		run_batch(&model, &inputs[..1], backend.as_ref(), 1)
			.into_iter()
			.collect::<Result<Vec<_>, _>>()
			.map_err(|e| e.to_string())?;
		let started = std::time::Instant::now();
		run_batch(&model, &inputs, backend.as_ref(), threads)
			.into_iter()
			.collect::<Result<Vec<_>, _>>()
			.map_err(|e| e.to_string())?;
		let secs = started.elapsed().as_secs_f64();
		rows.push(json!({"tokens": len, "seqs": args.seqs, "seq_per_s": args.seqs as f64 / secs, "ms_per_seq": secs * 1e3 / args.seqs as f64}));
	}
	Ok(json!({
		"backend": if fallback.is_none() { "cuda".to_string() } else { format!("cpu×{threads}") },
		"fallback": fallback,
		"results": rows,
	}))
}

/// `config check`: the report, and an error (non-zero exit) when there is a problem.
fn config_check(args: &ConfigArgs) -> Result<Value, String> {
	let env = |name: &str| std::env::var(name).ok();
	let resolved = crate::config::Resolved::gather(args.config.as_deref(), &env, &args.set);
	let problems = match resolved.clone().config() {
		// The hotkey is checked too: a key others can read is a problem now, not at the
		// first signature.
		Ok(config) => crate::keys::Hotkey::load(&config.hotkey_file).err().into_iter().collect(),
		Err(all) => all,
	};
	let report = crate::config::report(&resolved, &problems);
	if problems.is_empty() {
		Ok(report)
	} else {
		let keys: Vec<String> = report["keys"]
			.as_array()
			.into_iter()
			.flatten()
			.map(|k| {
				let value = k["value"].as_str().unwrap_or("(missing)");
				format!("  {:<28}{value}  [{}]", k["key"].as_str().unwrap_or(""), k["source"].as_str().unwrap_or(""))
			})
			.collect();
		Err(format!(
			"{} problem(s) in the configuration:\n  - {}\n\neffective configuration:\n{}",
			problems.len(),
			problems.join("\n  - "),
			keys.join("\n")
		))
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
		"model": hex32(&model_id(&encoded).map_err(|e| named(&e, out))?),
		"bytes": encoded.len(),
		"architecture": model.describe(),
		"profile": PROFILE_NAME,
		"out": out.display().to_string(),
	}))
}

/// Reads and decodes a model file: the model and its identity.
fn load(path: &Path) -> Result<(Model, [u8; 32]), String> {
	let bytes = read(path)?;
	let named = |e: hearth_engine::LoadError| format!("{}: {e}", path.display());
	let model = decode(&bytes).map_err(named)?;
	Ok((model, model_id(&bytes).map_err(named)?))
}

/// The chunks' table: what a subnet owner registers on chain.
fn chunk_table(file: &ModelFile<'_>, hashes: &[[u8; 32]]) -> Value {
	let kinds = file.chunks.iter().map(|c| c.first().copied().and_then(kind_name).unwrap_or("unknown"));
	let rows: Vec<Value> = hashes
		.iter()
		.zip(&file.chunks)
		.zip(kinds)
		.enumerate()
		.map(|(i, ((hash, bytes), kind))| json!({"step": i, "kind": kind, "bytes": bytes.len(), "hash": hex32(hash)}))
		.collect();
	json!(rows)
}

fn inspect(path: &Path, chunks_dir: Option<&Path>) -> Result<Value, String> {
	let bytes = read(path)?;
	let named = |e: hearth_engine::LoadError| format!("{}: {e}", path.display());
	let model = decode(&bytes).map_err(named)?;
	let file = split(&bytes).map_err(named)?;
	// Every chunk hashed once: the table lists them, the identity is over them.
	let (header, hashes) = (file.header_hash(), file.chunk_hashes());
	if let Some(dir) = chunks_dir {
		std::fs::create_dir_all(dir).map_err(|e| format!("--chunks {}: {e}", dir.display()))?;
		for (i, chunk) in file.chunks.iter().enumerate() {
			let out = dir.join(format!("step-{i}.chunk"));
			std::fs::write(&out, chunk).map_err(|e| format!("{}: {e}", out.display()))?;
		}
	}
	Ok(json!({
		"model": hex32(&identity(&header, &hashes)),
		"bytes": bytes.len(),
		"architecture": model.describe(),
		"profile": PROFILE_NAME,
		"header": hex32(&header),
		"chunks": chunk_table(&file, &hashes),
	}))
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
	let (model, id) = load(&args.model)?;
	if let Some(path) = &args.tokens_file {
		return infer_batch(&args, path, &model, &id, &job);
	}
	let tokens: Option<Vec<u32>> = args.tokens.as_deref().map(|t| parse_list("--tokens", t)).transpose()?;
	let features: Option<Vec<i32>> = args.features.as_deref().map(|f| parse_list("--features", f)).transpose()?;
	let input = match (&tokens, &features) {
		(Some(t), _) => Input::Tokens(t),
		(None, Some(f)) => Input::Features(f),
		(None, None) => return Err("give --tokens (BERT) or --features (MLP)".into()),
	};
	let weights = model.gemm_weights();
	let (backend, fallback) = crate::backend::select(args.compute.backend, args.compute.threads, &weights)?;
	if let Some(dir) = &args.activations {
		std::fs::create_dir_all(dir).map_err(|e| format!("--activations {}: {e}", dir.display()))?;
	}
	let mut written: Result<(), String> = Ok(());
	let out = run_with(&model, input, backend.as_ref(), |i, x| {
		let Some(dir) = &args.activations else { return };
		if written.is_ok() {
			let path = dir.join(format!("step-{i}.act"));
			written = std::fs::write(&path, x.encode()).map_err(|e| format!("{}: {e}", path.display()));
		}
	})
	.map_err(|e| e.to_string())?;
	written?;
	let mut printed = json!({
		"model": hex32(&id),
		"architecture": model.describe(),
		"profile": PROFILE_NAME,
		"job_id": hex32(&job),
		"input_hash": hex32(&input.hash()),
		"backend": backend.name(),
		"fallback": fallback,
		"shape": out.shape,
		"frac_bits": out.frac_bits,
		"values": out.values,
		"floats": out.to_f64(),
		"output_hash": hex32(&out.hash(&job, &id, PROFILE_DET_INT8)),
	});
	if args.trace {
		printed["trace"] = json!(out.trace.iter().map(hex32).collect::<Vec<_>>());
	}
	Ok(printed)
}
/// The sequences of a tokens file (or standard input for `-`), each with its line number.
fn token_lines(path: &Path) -> Result<Vec<(usize, Vec<u32>)>, String> {
	let text = if path == Path::new("-") {
		std::io::read_to_string(std::io::stdin()).map_err(|e| format!("--tokens-file -: {e}"))?
	} else {
		std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?
	};
	let mut seqs = Vec::new();
	for (i, line) in text.lines().enumerate() {
		let line = line.trim();
		if line.is_empty() || line.starts_with('#') {
			continue;
		}
		seqs.push((i + 1, parse_list(&format!("{} line {}", path.display(), i + 1), line)?));
	}
	if seqs.is_empty() {
		return Err(format!("{}: no token sequences (one comma-separated line each)", path.display()));
	}
	Ok(seqs)
}

/// Many sequences through one loaded model: a batch over the threads (the CPU), or one
/// after another on the GPU; the same bits as one `infer` each.
fn infer_batch(args: &InferArgs, path: &Path, model: &Model, id: &[u8; 32], job: &[u8; 32]) -> Result<Value, String> {
	let seqs = token_lines(path)?;
	let weights = model.gemm_weights();
	// Threads split the batch, not each product: one thread per sequence at a time. The
	// GPU (no fallback reason) takes the sequences one after another.
	let (backend, fallback) = crate::backend::select(args.compute.backend, 1, &weights)?;
	let threads = if fallback.is_some() { args.compute.threads.max(1) } else { 1 };
	let inputs: Vec<Input<'_>> = seqs.iter().map(|(_, t)| Input::Tokens(t)).collect();
	let started = std::time::Instant::now();
	let results = run_batch(model, &inputs, backend.as_ref(), threads);
	let elapsed = started.elapsed().as_secs_f64();
	let mut outputs = Vec::with_capacity(results.len());
	for ((line, _), (input, result)) in seqs.iter().zip(inputs.iter().zip(results)) {
		let out = result.map_err(|e| format!("{} line {line}: {e}", path.display()))?;
		outputs.push(json!({
			"line": line,
			"input_hash": hex32(&input.hash()),
			"output_hash": hex32(&out.hash(job, id, PROFILE_DET_INT8)),
			"values": out.values,
		}));
	}
	Ok(json!({
		"model": hex32(id),
		"architecture": model.describe(),
		"profile": PROFILE_NAME,
		"job_id": hex32(job),
		"backend": backend.name(),
		"fallback": fallback,
		"threads": threads,
		"sequences": outputs.len(),
		"elapsed_ms": elapsed * 1e3,
		"seq_per_s": outputs.len() as f64 / elapsed,
		"frac_bits": hearth_engine::fixed::ACT_FRAC,
		"outputs": outputs,
	}))
}

/// Parses `0x` + 64 hex digits, naming the flag when it is not.
fn hash_arg(flag: &str, s: &str) -> Result<[u8; 32], String> {
	let digits = s.strip_prefix("0x").unwrap_or(s);
	let bytes = hex::decode(digits).map_err(|e| format!("{flag}: {e}"))?;
	bytes.try_into().map_err(|b: Vec<u8>| format!("{flag}: {} bytes, expected 32 (64 hex digits)", b.len()))
}

fn verify_step(args: VerifyStepArgs) -> Result<Value, String> {
	let expect = args.expect.as_deref().map(|e| hash_arg("--expect", e)).transpose()?;
	// The chunk alone, as the runtime holds it: from the model file, or given as is.
	let (chunk_bytes, model, steps) = match (&args.model, &args.chunk) {
		(Some(path), _) => {
			let bytes = read(path)?;
			let file = split(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
			let Some(chunk) = file.chunks.get(args.step as usize) else {
				return Err(format!(
					"--step {}: the model has {} steps, numbered from 0",
					args.step,
					file.chunks.len()
				));
			};
			(chunk.to_vec(), Some(file.id()), Some(file.chunks.len()))
		},
		(None, Some(path)) => (read(path)?, None, None),
		(None, None) => return Err("give --model (a model file) or --chunk (one step's chunk)".into()),
	};
	let chunk = decode_chunk(&chunk_bytes).map_err(|e| format!("step {} chunk: {e}", args.step))?;
	let chosen = chunk.step();
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
	let weights = chosen.gemm_weights();
	let (backend, fallback) = crate::backend::select(args.compute.backend, args.compute.threads, &weights)?;
	let x = step(&chosen, input, backend.as_ref()).map_err(|e| format!("step {}: {e}", args.step))?;
	let trace = x.trace_hash(args.step);
	if let Some(out) = &args.out {
		std::fs::write(out, x.encode()).map_err(|e| format!("{}: {e}", out.display()))?;
	}
	Ok(json!({
		"model": model.as_ref().map(hex32),
		"chunk": hex32(&chunk_hash(&chunk_bytes)),
		"kind": kind_name(chunk_bytes[0]),
		"step": args.step,
		"steps": steps,
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
