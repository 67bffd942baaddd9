//! The `hearth-worker` binary end to end: import a checkpoint, run it, and check the
//! printed output against the engine; every bad argument gets a named error.

use hearth_engine::format::split;
use hearth_engine::import::{minilm, quantize, seeded};
use hearth_engine::{encode, model_id, run, CpuGemm, Input, Model, PROFILE_DET_INT8};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
	let dir = std::env::temp_dir().join(format!("hearth-worker-{}-{name}", std::process::id()));
	std::fs::create_dir_all(&dir).expect("a scratch directory");
	dir
}

/// Runs the worker; `Ok(stdout JSON)` on success, `Err(stderr)` on failure.
fn worker(args: &[&str]) -> Result<Value, String> {
	let out = Command::new(env!("CARGO_BIN_EXE_hearth-worker")).args(args).output().expect("start hearth-worker");
	if out.status.success() {
		Ok(serde_json::from_slice(&out.stdout).expect("JSON on stdout"))
	} else {
		Err(String::from_utf8_lossy(&out.stderr).into_owned())
	}
}

/// Writes a seeded tiny BERT as a Hugging Face checkpoint.
fn tiny_checkpoint(dir: &Path) -> (PathBuf, Model) {
	let f = seeded::bert(seeded::TINY, 3);
	let st = dir.join("model.safetensors");
	std::fs::write(&st, minilm::to_safetensors(&f)).expect("write model.safetensors");
	std::fs::write(dir.join("config.json"), minilm::config_json(seeded::TINY, 1e-12)).expect("write config.json");
	(st, Model::Bert(quantize::bert(&f).expect("a seeded BERT quantizes")))
}

fn s(p: &Path) -> &str {
	p.to_str().expect("a UTF-8 path")
}

#[test]
fn import_then_infer_prints_the_engines_output_and_hash() {
	let dir = scratch("roundtrip");
	let (st, model) = tiny_checkpoint(&dir);
	let out = dir.join("tiny.hmdl");
	let imported = worker(&["model", "import", "--safetensors", s(&st), "--out", s(&out)]).unwrap();
	let bytes = std::fs::read(&out).unwrap();
	assert_eq!(bytes, encode(&model), "the import is the engine's quantization");
	let mh = model_id(&bytes).unwrap();
	assert_eq!(imported["model"], format!("0x{}", hex::encode(mh)));
	assert_eq!(imported["bytes"], bytes.len());

	let job = "ab".repeat(32);
	let printed =
		worker(&["infer", "--model", s(&out), "--tokens", "1, 2,3,96", "--job-id", &job, "--threads", "3"]).unwrap();
	let want = run(&model, Input::Tokens(&[1, 2, 3, 96]), &CpuGemm::new(1)).unwrap();
	let values: Vec<i32> = serde_json::from_value(printed["values"].clone()).unwrap();
	assert_eq!(values, want.values);
	let floats: Vec<f64> = serde_json::from_value(printed["floats"].clone()).unwrap();
	assert_eq!(floats, want.to_f64());
	assert_eq!(printed["shape"], serde_json::json!([48]));
	assert_eq!(printed["frac_bits"], 12);
	assert_eq!(printed["profile"], "det-int8");
	assert_eq!(printed["backend"], "cpu×3");
	let mut job_bytes = [0u8; 32];
	job_bytes.copy_from_slice(&hex::decode(&job).unwrap());
	assert_eq!(printed["output_hash"], format!("0x{}", hex::encode(want.hash(&job_bytes, &mh, PROFILE_DET_INT8))));
	assert_eq!(printed["input_hash"], format!("0x{}", hex::encode(Input::Tokens(&[1, 2, 3, 96]).hash())));
	assert!(printed.get("trace").is_none(), "the trace is printed on request");

	// Inspect lists what a subnet owner registers: the header's and every chunk's hash.
	let inspected = worker(&["model", "inspect", s(&out)]).unwrap();
	assert_eq!(inspected["model"], imported["model"]);
	assert!(inspected["architecture"].as_str().unwrap().starts_with("bert 2×48"));
	let file = split(&bytes).unwrap();
	assert_eq!(inspected["header"], format!("0x{}", hex::encode(file.header_hash())));
	let chunks = inspected["chunks"].as_array().unwrap();
	assert_eq!(chunks.len(), 4, "embeddings, two layers, pooling");
	for (i, (c, hash)) in chunks.iter().zip(file.chunk_hashes()).enumerate() {
		assert_eq!((c["step"].as_u64(), c["bytes"].as_u64()), (Some(i as u64), Some(file.chunks[i].len() as u64)));
		assert_eq!(c["hash"], format!("0x{}", hex::encode(hash)));
	}
	assert_eq!(
		(chunks[0]["kind"].as_str(), chunks[3]["kind"].as_str()),
		(Some("bert embeddings"), Some("bert mean pooling"))
	);
}

#[test]
fn bad_arguments_and_files_are_named() {
	let dir = scratch("errors");
	let (st, _) = tiny_checkpoint(&dir);
	let out = dir.join("m.hmdl");
	worker(&["model", "import", "--safetensors", s(&st), "--out", s(&out)]).unwrap();
	let m = s(&out);

	let err = worker(&["infer", "--model", m, "--tokens", "1,abc"]).unwrap_err();
	assert!(err.contains("--tokens: item 1 (\"abc\") is not a valid integer"), "{err}");
	let err = worker(&["infer", "--model", m, "--tokens", "1,97"]).unwrap_err();
	assert!(err.contains("token 97 at position 1 is outside the vocabulary (size 97)"), "{err}");
	let err = worker(&["infer", "--model", m, "--tokens", "1", "--job-id", "abcd"]).unwrap_err();
	assert!(err.contains("--job-id: 2 bytes, expected 32"), "{err}");
	let err = worker(&["infer", "--model", m, "--features", "1,2"]).unwrap_err();
	assert!(err.contains("this model takes token ids"), "{err}");
	let err = worker(&["infer", "--model", m, "--tokens", "1", "--threads", "0"]).unwrap_err();
	assert!(err.contains("--threads must be at least 1"), "{err}");
	let missing = dir.join("nope.hmdl");
	let err = worker(&["infer", "--model", s(&missing), "--tokens", "1"]).unwrap_err();
	assert!(err.contains("nope.hmdl") && err.contains("No such file"), "{err}");

	let bytes = std::fs::read(&out).unwrap();
	let cut = dir.join("cut.hmdl");
	std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
	let err = worker(&["infer", "--model", s(&cut), "--tokens", "1"]).unwrap_err();
	assert!(err.contains("cut.hmdl: truncated model:"), "{err}");

	let err = worker(&["model", "inspect", s(&st)]).unwrap_err();
	assert!(err.contains("model.safetensors: not a Hearth model"), "{err}");
	// Without a usable GPU the CUDA backend is refused, never faked, and auto says why.
	if let Err(reason) = cuda_usable() {
		let err = worker(&["infer", "--model", m, "--tokens", "1", "--backend", "cuda"]).unwrap_err();
		assert!(err.contains(&format!("--backend cuda: {reason}")), "{err}");
		let auto = worker(&["infer", "--model", m, "--tokens", "1"]).unwrap();
		assert_eq!(auto["fallback"], reason.as_str());
		let probed = worker(&["probe"]).unwrap();
		assert_eq!(probed["backend"], "cpu");
		assert_eq!(probed["fallback"], reason.as_str());
	}

	std::fs::write(dir.join("config.json"), "{\"hidden_size\": 48}").unwrap();
	let err = worker(&["model", "import", "--safetensors", s(&st), "--out", s(&dir.join("x.hmdl"))]).unwrap_err();
	assert!(err.contains("config.json: model config: vocab_size is missing"), "{err}");
	assert!(!dir.join("x.hmdl").exists(), "nothing written on error");
}

/// Whether the worker binary can use CUDA here: the probe it runs itself.
fn cuda_usable() -> Result<(), String> {
	#[cfg(feature = "cuda")]
	return hearth_engine::cuda::probe().map(|_| ());
	#[cfg(not(feature = "cuda"))]
	Err("this build has no CUDA backend (build with --features cuda)".into())
}

/// The real all-MiniLM-L6-v2 from the setup script's cache.
#[test]
fn real_minilm_imports_and_runs() {
	let dir = minilm::cache_dir();
	let st = dir.join("model.safetensors");
	if !st.exists() {
		assert_ne!(
			std::env::var("HEARTH_REQUIRE_MODELS").as_deref(),
			Ok("1"),
			"{} is missing: run scripts/setup.sh",
			st.display()
		);
		eprintln!("SKIPPED: {} is missing (run scripts/setup.sh)", st.display());
		return;
	}
	let out = scratch("minilm").join("minilm.hmdl");
	let imported = worker(&["model", "import", "--safetensors", s(&st), "--out", s(&out)]).unwrap();
	assert_eq!(imported["architecture"], "bert 6×384, 12 heads, ffn 1536, vocab 30522, 512 positions");
	let a = worker(&["infer", "--model", s(&out), "--tokens", "101,7592,2088,102"]).unwrap();
	let b =
		worker(&["infer", "--model", s(&out), "--tokens", "101,7592,2088,102", "--threads", "1", "--backend", "cpu"])
			.unwrap();
	assert_eq!(a["shape"], serde_json::json!([384]));
	assert_eq!(a["output_hash"], b["output_hash"], "thread count does not change the hash");
	assert_eq!(a["values"], b["values"]);
}

/// `infer --trace` prints one hash per step (and can keep each step's activation);
/// `verify-step` re-runs any one step from its input alone and says whether it matches
/// a claimed trace element: what a challenger runs before it pays a bond.
#[test]
fn infer_prints_the_trace_and_verify_step_re_runs_any_step_alone() {
	let dir = scratch("trace");
	let model = Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 3)).expect("a seeded BERT quantizes"));
	let file = dir.join("tiny.hmdl");
	std::fs::write(&file, encode(&model)).expect("write the model");
	let (m, acts) = (s(&file), dir.join("acts"));
	let printed =
		worker(&["infer", "--model", m, "--tokens", "1,2,3", "--trace", "--activations", s(&acts), "--backend", "cpu"])
			.unwrap();
	let traced = run(&model, Input::Tokens(&[1, 2, 3]), &CpuGemm::new(1)).unwrap();
	let trace: Vec<String> = serde_json::from_value(printed["trace"].clone()).unwrap();
	let want: Vec<String> = traced.trace.iter().map(|t| format!("0x{}", hex::encode(t))).collect();
	assert_eq!(trace, want);
	let values: Vec<i32> = serde_json::from_value(printed["values"].clone()).unwrap();
	assert_eq!(values, traced.values);

	let verify = |step: usize, from: &[&str], expect: &str| {
		let step = step.to_string();
		let mut args = vec!["verify-step", "--model", m, "--step", &step, "--expect", expect, "--backend", "cpu"];
		args.extend_from_slice(from);
		worker(&args)
	};
	let v = verify(0, &["--tokens", "1,2,3"], &trace[0]).unwrap();
	assert_eq!((v["matches"].clone(), v["trace"].clone()), (Value::Bool(true), Value::String(trace[0].clone())));
	for (i, claimed) in trace.iter().enumerate().skip(1) {
		let input = acts.join(format!("step-{}.act", i - 1));
		let v = verify(i, &["--input", s(&input)], claimed).unwrap();
		assert_eq!(v["matches"], true, "step {i} alone gives the run's trace element");
	}
	let step0 = acts.join("step-0.act");
	let wrong = format!("0x{}", "00".repeat(32));
	assert_eq!(verify(1, &["--input", s(&step0)], &wrong).unwrap()["matches"], false, "a wrong claim shows");

	// The chunk alone, as the runtime holds it in a challenge: same element, and the
	// chunk's hash is the one the model's identity lists.
	let bytes = encode(&model);
	let file = split(&bytes).unwrap();
	worker(&["model", "inspect", m, "--chunks", s(&dir.join("chunks"))]).unwrap();
	let chunk = dir.join("chunks").join("step-2.chunk");
	assert_eq!(std::fs::read(&chunk).unwrap(), file.chunks[2], "inspect --chunks writes each chunk as it is");
	let alone = |chunk: &std::path::Path| {
		let (input, claimed) = (acts.join("step-1.act"), trace[2].as_str());
		worker(&["verify-step", "--chunk", s(chunk), "--step", "2", "--input", s(&input), "--expect", claimed])
	};
	let v = alone(&chunk).unwrap();
	assert_eq!((v["matches"].as_bool(), v["kind"].as_str()), (Some(true), Some("bert encoder layer")));
	assert_eq!(v["chunk"], format!("0x{}", hex::encode(file.chunk_hashes()[2])));
	assert!(v["model"].is_null(), "a chunk alone names no model");
	// One weight changed: another chunk hash, another element (a miner cannot pass off
	// other weights as the registered ones, nor a challenger).
	let mut corrupted = file.chunks[2].to_vec();
	let last = corrupted.len() - 100;
	corrupted[last] ^= 1;
	std::fs::write(&chunk, &corrupted).unwrap();
	let v = alone(&chunk).unwrap();
	assert_ne!(v["chunk"], format!("0x{}", hex::encode(file.chunk_hashes()[2])));
	assert_eq!(v["matches"], false, "other weights, another trace element");
	std::fs::write(&chunk, &corrupted[..40]).unwrap();
	let err = alone(&chunk).unwrap_err();
	assert!(err.contains("step 2 chunk: truncated model: chunk attention.query"), "{err}");

	// Bad arguments and bytes are named.
	let err = verify(99, &["--tokens", "1"], &wrong).unwrap_err();
	assert!(err.contains("--step 99: the model has 4 steps"), "{err}");
	let garbage = dir.join("garbage.act");
	std::fs::write(&garbage, [1, 2, 3]).unwrap();
	let err = verify(1, &["--input", s(&garbage)], &wrong).unwrap_err();
	assert!(err.contains("fewer than the 8-byte shape"), "{err}");
	let err = verify(1, &["--input", s(&step0)], "0x12").unwrap_err();
	assert!(err.contains("--expect: 1 bytes, expected 32"), "{err}");
	let err = verify(0, &["--input", s(&step0)], &wrong).unwrap_err();
	assert!(err.contains("step 0: this model takes token ids"), "{err}");
}

/// `infer --tokens-file` loads the model once and runs every line as a batch: each
/// output is the single run's, whatever the thread count; bad lines are named.
#[test]
fn a_tokens_file_runs_as_one_batch_with_the_single_runs_bits() {
	let dir = scratch("batch");
	let model = Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, 4)).expect("a seeded BERT quantizes"));
	let file = dir.join("tiny.hmdl");
	std::fs::write(&file, encode(&model)).expect("write the model");
	let seqs: Vec<Vec<u32>> = vec![vec![1, 2, 3], vec![5], (0..40).map(|i| i * 2 % 97).collect(), vec![96, 0]];
	let mut text = String::from("# a comment, then a blank line\n\n");
	for seq in &seqs {
		text.push_str(&seq.iter().map(u32::to_string).collect::<Vec<_>>().join(","));
		text.push('\n');
	}
	let tokens = dir.join("tokens.txt");
	std::fs::write(&tokens, &text).unwrap();
	let (m, t) = (s(&file), s(&tokens));
	let id = model_id(&encode(&model)).unwrap();
	for threads in ["1", "3"] {
		let printed =
			worker(&["infer", "--model", m, "--tokens-file", t, "--threads", threads, "--backend", "cpu"]).unwrap();
		assert_eq!(printed["sequences"], 4);
		assert_eq!(printed["threads"].as_u64().map(|n| n.to_string()), Some(threads.to_string()));
		assert!(printed["seq_per_s"].as_f64().unwrap() > 0.0);
		let outputs = printed["outputs"].as_array().unwrap();
		for (i, (seq, out)) in seqs.iter().zip(outputs).enumerate() {
			let want = run(&model, Input::Tokens(seq), &CpuGemm::new(1)).unwrap();
			let values: Vec<i32> = serde_json::from_value(out["values"].clone()).unwrap();
			assert_eq!(values, want.values, "sequence {i}, {threads} threads");
			assert_eq!(out["line"], i + 3, "line numbers count the comment and the blank line");
			let hash = want.hash(&[0u8; 32], &id, PROFILE_DET_INT8);
			assert_eq!(out["output_hash"], format!("0x{}", hex::encode(hash)));
		}
	}
	std::fs::write(&tokens, "1,2\n3,x\n").unwrap();
	let err = worker(&["infer", "--model", m, "--tokens-file", t]).unwrap_err();
	assert!(err.contains("line 2: item 1 (\"x\") is not a valid integer"), "{err}");
	std::fs::write(&tokens, "1,2\n3,400\n").unwrap();
	let err = worker(&["infer", "--model", m, "--tokens-file", t, "--backend", "cpu"]).unwrap_err();
	assert!(err.contains("line 2: token 400 at position 1 is outside the vocabulary"), "{err}");
	std::fs::write(&tokens, "# nothing\n").unwrap();
	let err = worker(&["infer", "--model", m, "--tokens-file", t]).unwrap_err();
	assert!(err.contains("no token sequences"), "{err}");
	let err = worker(&["infer", "--model", m, "--tokens-file", t, "--tokens", "1"]).unwrap_err();
	assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn keys_config_check_and_bench_through_the_binary() {
	let dir = scratch("miner-cli");
	let hotkey = dir.join("hotkey");
	let _ = std::fs::remove_file(&hotkey);
	let made = worker(&["keys", "generate", s(&hotkey)]).unwrap();
	let inspected = worker(&["keys", "inspect", s(&hotkey)]).unwrap();
	assert_eq!(made["address"], inspected["address"]);
	assert!(worker(&["keys", "generate", s(&hotkey)]).unwrap_err().contains("already exists"));

	// A config with problems: every one is named, and the exit status says so.
	let config = dir.join("worker.toml");
	std::fs::write(&config, "[subnet]\nnetuid = 70000\n[chain]\nurl = \"http://x\"\n").unwrap();
	let err = worker(&["config", "check", "--config", s(&config)]).unwrap_err();
	for expected in [
		"- subnet.netuid = \"70000\"",
		"must start with ws://",
		"hotkey.file is required",
		"models.dir is required",
		"chain.url                   http://x  [",
	] {
		assert!(err.contains(expected), "{expected} in {err}");
	}
	// Fixed, with one key from the environment's way (--set here): clean.
	std::fs::write(
		&config,
		format!(
			"[subnet]\nnetuid = 1\n[hotkey]\nfile = \"{}\"\n[models]\ndir = \"{}\"\n",
			hotkey.display(),
			dir.display()
		),
	)
	.unwrap();
	let report = worker(&["config", "check", "--config", s(&config), "--set", "serve.endpoint=10.1.2.3:8440"]).unwrap();
	assert_eq!(report["ok"], true);
	let endpoint = report["keys"].as_array().unwrap().iter().find(|k| k["key"] == "serve.endpoint").unwrap().clone();
	assert_eq!((endpoint["value"].as_str(), endpoint["source"].as_str()), (Some("10.1.2.3:8440"), Some("--set")));

	// bench on a tiny model: one row per length.
	let (_, model) = tiny_checkpoint(&dir);
	let file = dir.join("tiny.hearth");
	std::fs::write(&file, encode(&model)).unwrap();
	let b = worker(&["bench", "--model", s(&file), "--tokens", "8,16", "--seqs", "4", "--backend", "cpu"]).unwrap();
	let rows = b["results"].as_array().unwrap();
	assert_eq!(rows.iter().map(|r| r["tokens"].as_u64().unwrap()).collect::<Vec<_>>(), vec![8, 16]);
	assert!(rows.iter().all(|r| r["seq_per_s"].as_f64().unwrap() > 0.0));
	assert!(worker(&["bench", "--model", s(&file), "--tokens", "41"]).unwrap_err().contains("within 1..=40"));
}
