//! The models a worker serves: every `<name>.hearth` file in the model directory, with
//! its vocabulary `<name>.vocab.txt`, loaded once at start (decoded, identified, its
//! weights on the GPU when the backend is CUDA) and kept for the life of the process.

use crate::args::BackendChoice;
use crate::tokenizer::Tokenizer;
use hearth_engine::{decode, model_id, Int8Gemm, Model};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// A model ready to serve.
pub struct Loaded {
	/// Its name in requests (the file's stem).
	pub name: String,
	/// Its identity (what receipts and the chain name).
	pub id: [u8; 32],
	/// The model (lives as long as the process).
	pub model: &'static Model,
	/// Its tokenizer.
	pub tokenizer: Tokenizer,
	/// The longest input, in tokens with [CLS] and [SEP].
	pub max_tokens: usize,
	/// What runs its products: one backend per device (compute thread `i` uses
	/// `backends[i]`).
	pub backends: Vec<Box<dyn Int8Gemm + Send>>,
	/// `cuda ×N`, or `cpu` and why not the GPU.
	pub backend_name: String,
	/// Inputs one device runs at once: one thread each on the CPU, one after another
	/// on a GPU.
	pub batch_threads: usize,
}

/// Loads every model in `dir`; a directory without one is an error, as is a model
/// without its vocabulary or a file that does not decode (named).
pub fn load_dir(dir: &Path, choice: BackendChoice, threads: usize) -> Result<BTreeMap<String, Arc<Loaded>>, String> {
	let mut out = BTreeMap::new();
	for path in model_files(dir).map_err(|e| format!("models.dir {e}"))? {
		let loaded = load(&path, choice, threads)?;
		out.insert(loaded.name.clone(), Arc::new(loaded));
	}
	if out.is_empty() {
		return Err(format!(
			"models.dir {} has no *.hearth model (import one with `hearth-worker model import`)",
			dir.display()
		));
	}
	Ok(out)
}

/// The `*.hearth` files in `dir` (an unreadable directory is an error naming it).
pub fn model_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
	let named = |e: std::io::Error| format!("{}: {e}", dir.display());
	let mut files = Vec::new();
	for entry in std::fs::read_dir(dir).map_err(named)? {
		let path = entry.map_err(named)?.path();
		if path.extension().and_then(|e| e.to_str()) == Some("hearth") {
			files.push(path);
		}
	}
	Ok(files)
}

/// Loads one model file and its vocabulary.
pub fn load(path: &Path, choice: BackendChoice, threads: usize) -> Result<Loaded, String> {
	let named = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
	let name =
		path.file_stem().and_then(|s| s.to_str()).ok_or_else(|| named(&"the file name is not UTF-8"))?.to_string();
	let bytes = std::fs::read(path).map_err(|e| named(&e))?;
	let model: &'static Model = Box::leak(Box::new(decode(&bytes).map_err(|e| named(&e))?));
	let id = model_id(&bytes).map_err(|e| named(&e))?;
	let Model::Bert(bert) = model else {
		return Err(named(&"only BERT models are served over /v1/embeddings"));
	};
	let vocab = path.with_file_name(format!("{name}.vocab.txt"));
	let tokenizer = Tokenizer::from_file(&vocab).map_err(|e| named(&e))?;
	if tokenizer.vocab_size() != bert.config.vocab as usize {
		return Err(named(&format!(
			"{} has {} tokens but the model's vocabulary is {}",
			vocab.display(),
			tokenizer.vocab_size(),
			bert.config.vocab
		)));
	}
	let weights = model.gemm_weights();
	let devices = crate::backend::select_devices(choice, threads, &weights)?;
	let max_tokens = bert.config.max_positions as usize;
	Ok(Loaded {
		name,
		id,
		model,
		tokenizer,
		max_tokens,
		backends: devices.backends,
		backend_name: devices.name,
		batch_threads: devices.batch_threads,
	})
}
