//! BERT checkpoints in Hugging Face's layout (all-MiniLM-L6-v2's `model.safetensors`
//! and `config.json`), read into an f32 [`BertF32`], and written back for fixtures.

use super::float::{BertF32, BertLayerF32, LinearF32, NormF32};
use super::safetensors::{write_f32, SafeTensors};
use super::ImportError;
use crate::model::BertConfig;
use serde_json::Value;

/// Where `scripts/setup.sh` unpacks all-MiniLM-L6-v2 (`model.safetensors`,
/// `config.json`, `vocab.txt`): `$HEARTH_MODEL_DIR`, else
/// `~/.cache/hearth/models/all-minilm-l6-v2`.
pub fn cache_dir() -> std::path::PathBuf {
	match std::env::var_os("HEARTH_MODEL_DIR") {
		Some(d) => d.into(),
		None => std::path::PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
			.join(".cache/hearth/models/all-minilm-l6-v2"),
	}
}

/// Reads a BERT `config.json`: the dimensions and the LayerNorm ε. Only the plain
/// BERT variant the engine implements is accepted (absolute positions, GELU).
pub fn parse_config(json: &[u8]) -> Result<(BertConfig, f32), ImportError> {
	let v: Value = serde_json::from_slice(json).map_err(|e| ImportError::Config(format!("not JSON: {e}")))?;
	let num = |f: &str| -> Result<u32, ImportError> {
		v.get(f)
			.and_then(Value::as_u64)
			.and_then(|x| u32::try_from(x).ok())
			.ok_or_else(|| ImportError::Config(format!("{f} is missing or not a 32-bit integer")))
	};
	let text = |f: &str, default: &str| v.get(f).and_then(Value::as_str).unwrap_or(default).to_string();
	if text("model_type", "bert") != "bert" {
		return Err(ImportError::Config(format!("model_type {} is not bert", text("model_type", ""))));
	}
	if text("hidden_act", "gelu") != "gelu" {
		return Err(ImportError::Config(format!("hidden_act {} is not gelu", text("hidden_act", ""))));
	}
	if text("position_embedding_type", "absolute") != "absolute" {
		return Err(ImportError::Config("only absolute position embeddings are supported".into()));
	}
	let config = BertConfig {
		vocab: num("vocab_size")?,
		max_positions: num("max_position_embeddings")?,
		type_vocab: num("type_vocab_size")?,
		hidden: num("hidden_size")?,
		layers: num("num_hidden_layers")?,
		heads: num("num_attention_heads")?,
		ffn: num("intermediate_size")?,
	};
	let eps = v.get("layer_norm_eps").and_then(Value::as_f64).unwrap_or(1e-12) as f32;
	Ok((config, eps))
}

/// The checkpoint's tensor name prefix: none (sentence-transformers) or `bert.`.
fn prefix(st: &SafeTensors<'_>) -> &'static str {
	if st.shape("embeddings.word_embeddings.weight").is_none()
		&& st.shape("bert.embeddings.word_embeddings.weight").is_some()
	{
		"bert."
	} else {
		""
	}
}

/// Reads every tensor the encoder needs, checking names, dtypes and shapes.
pub fn load_bert(st: &SafeTensors<'_>, config: BertConfig, eps: f32) -> Result<BertF32, ImportError> {
	let p = prefix(st);
	let (h, f) = (config.hidden as usize, config.ffn as usize);
	let t = |name: &str, shape: &[usize]| st.f32(&format!("{p}{name}"), shape);
	let linear = |name: &str, out: usize, inp: usize| -> Result<LinearF32, ImportError> {
		Ok(LinearF32 {
			out,
			inp,
			weight: t(&format!("{name}.weight"), &[out, inp])?,
			bias: t(&format!("{name}.bias"), &[out])?,
		})
	};
	let norm = |name: &str| -> Result<NormF32, ImportError> {
		Ok(NormF32 { gamma: t(&format!("{name}.weight"), &[h])?, beta: t(&format!("{name}.bias"), &[h])?, eps })
	};
	let mut layers = Vec::with_capacity(config.layers as usize);
	for i in 0..config.layers {
		let l = format!("encoder.layer.{i}");
		layers.push(BertLayerF32 {
			query: linear(&format!("{l}.attention.self.query"), h, h)?,
			key: linear(&format!("{l}.attention.self.key"), h, h)?,
			value: linear(&format!("{l}.attention.self.value"), h, h)?,
			attn_out: linear(&format!("{l}.attention.output.dense"), h, h)?,
			attn_norm: norm(&format!("{l}.attention.output.LayerNorm"))?,
			ffn_in: linear(&format!("{l}.intermediate.dense"), f, h)?,
			ffn_out: linear(&format!("{l}.output.dense"), h, f)?,
			ffn_norm: norm(&format!("{l}.output.LayerNorm"))?,
		});
	}
	Ok(BertF32 {
		config,
		word: t("embeddings.word_embeddings.weight", &[config.vocab as usize, h])?,
		position: t("embeddings.position_embeddings.weight", &[config.max_positions as usize, h])?,
		token_type: t("embeddings.token_type_embeddings.weight", &[config.type_vocab as usize, h])?,
		embed_norm: norm("embeddings.LayerNorm")?,
		layers,
	})
}

/// Writes an f32 BERT in the same layout (for fixtures: a seeded model the import
/// command reads like the real one).
pub fn to_safetensors(b: &BertF32) -> Vec<u8> {
	let c = b.config;
	let (h, f) = (c.hidden as usize, c.ffn as usize);
	let mut t: Vec<(String, Vec<usize>, &[f32])> = vec![
		("embeddings.word_embeddings.weight".into(), vec![c.vocab as usize, h], &b.word),
		("embeddings.position_embeddings.weight".into(), vec![c.max_positions as usize, h], &b.position),
		("embeddings.token_type_embeddings.weight".into(), vec![c.type_vocab as usize, h], &b.token_type),
		("embeddings.LayerNorm.weight".into(), vec![h], &b.embed_norm.gamma),
		("embeddings.LayerNorm.bias".into(), vec![h], &b.embed_norm.beta),
	];
	for (i, l) in b.layers.iter().enumerate() {
		let n = |s: &str| format!("encoder.layer.{i}.{s}");
		for (name, lin, shape) in [
			("attention.self.query", &l.query, [h, h]),
			("attention.self.key", &l.key, [h, h]),
			("attention.self.value", &l.value, [h, h]),
			("attention.output.dense", &l.attn_out, [h, h]),
			("intermediate.dense", &l.ffn_in, [f, h]),
			("output.dense", &l.ffn_out, [h, f]),
		] {
			t.push((n(&format!("{name}.weight")), shape.to_vec(), &lin.weight));
			t.push((n(&format!("{name}.bias")), vec![shape[0]], &lin.bias));
		}
		for (name, norm) in [("attention.output.LayerNorm", &l.attn_norm), ("output.LayerNorm", &l.ffn_norm)] {
			t.push((n(&format!("{name}.weight")), vec![h], &norm.gamma));
			t.push((n(&format!("{name}.bias")), vec![h], &norm.beta));
		}
	}
	write_f32(&t)
}

/// A `config.json` for `config` (fixtures).
pub fn config_json(config: BertConfig, eps: f32) -> String {
	serde_json::json!({
		"model_type": "bert",
		"hidden_act": "gelu",
		"vocab_size": config.vocab,
		"max_position_embeddings": config.max_positions,
		"type_vocab_size": config.type_vocab,
		"hidden_size": config.hidden,
		"num_hidden_layers": config.layers,
		"num_attention_heads": config.heads,
		"intermediate_size": config.ffn,
		"layer_norm_eps": eps,
	})
	.to_string()
}
