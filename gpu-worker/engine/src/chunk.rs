//! A step's weights as bytes: its **chunk**. A chunk is everything [`crate::step()`]
//! needs besides the previous activation, so the runtime can rule on one step holding
//! only that step's chunk (a few MB), never the whole model.
//!
//! Every integer is little-endian; int8 matrices and i32 vectors are written as in the
//! model file ([`crate::format`]):
//!
//! ```text
//! chunk = kind: u8 ‖ body
//! kind 1, BERT embeddings:
//!   vocab u32 ‖ max_positions u32 ‖ type_vocab u32 ‖ hidden u32
//!   ‖ word [vocab × hidden] ‖ position [max_positions × hidden]
//!   ‖ token_type [type_vocab × hidden] ‖ LayerNorm γ [hidden] ‖ β [hidden]
//! kind 2, BERT encoder layer:
//!   hidden u32 ‖ heads u32 ‖ ffn u32 ‖ max_tokens u32
//!   ‖ query, key, value, attention output: weight [hidden × hidden] ‖ bias [hidden]
//!   ‖ attention LayerNorm γ, β [hidden]
//!   ‖ ffn_in: weight [ffn × hidden] ‖ bias [ffn]
//!   ‖ ffn_out: weight [hidden × ffn] ‖ bias [hidden]
//!   ‖ output LayerNorm γ, β [hidden]
//! kind 3, BERT mean pooling: hidden u32
//! kind 4, MLP layer: inputs u32 ‖ outputs u32 ‖ activation u8 (0 identity, 1 relu,
//!   2 gelu) ‖ weight [outputs × inputs] ‖ bias [outputs]
//! ```
//!
//! `max_tokens` is the model's `max_positions`: a layer refuses longer activations, as
//! the model would. A chunk has exactly one encoding; [`decode_chunk`] refuses anything
//! else with a [`LoadError`] naming the fault, and never panics on untrusted bytes.

use crate::bytes::{linear_bytes, matrix_bytes, put_linear, put_matrix, put_norm, put_u32, Reader};
use crate::error::LoadError;
use crate::gemm::MAX_DOT;
use crate::model::{Activation, BertLayer, MlpLayer, Norm};
use crate::quant::QRows;
use crate::step::Step;
use alloc::format;
use alloc::vec::Vec;

/// Kind tag: BERT embeddings.
pub const KIND_BERT_EMBEDDINGS: u8 = 1;
/// Kind tag: one BERT encoder layer.
pub const KIND_BERT_LAYER: u8 = 2;
/// Kind tag: BERT mean pooling.
pub const KIND_BERT_POOLING: u8 = 3;
/// Kind tag: one MLP layer.
pub const KIND_MLP_LAYER: u8 = 4;
/// The largest vocabulary.
pub const MAX_VOCAB: u32 = 1 << 20;
/// The most token types.
pub const MAX_TYPE_VOCAB: u32 = 16;

/// A decoded chunk: one step's weights, owned.
// One chunk is decoded per challenge or per step of a load, and moved once: the
// variants stay inline rather than boxed, as `Model`'s do.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chunk {
	/// BERT `s_0`.
	BertEmbeddings {
		/// Word embeddings, `vocab × hidden`.
		word: QRows,
		/// Position embeddings, `max_positions × hidden`.
		position: QRows,
		/// Token type embeddings, `type_vocab × hidden`.
		token_type: QRows,
		/// Their LayerNorm.
		norm: Norm,
	},
	/// One BERT encoder layer.
	BertLayer {
		/// Attention heads (dividing the hidden width).
		heads: u32,
		/// The longest activation (tokens) the layer accepts.
		max_tokens: u32,
		/// Its weights.
		layer: BertLayer,
	},
	/// BERT's mean pooling.
	BertPooling {
		/// The hidden width.
		hidden: u32,
	},
	/// One MLP layer.
	MlpLayer(MlpLayer),
}

impl Chunk {
	/// The step this chunk runs.
	pub fn step(&self) -> Step<'_> {
		match self {
			Chunk::BertEmbeddings { word, position, token_type, norm } => {
				Step::BertEmbeddings { word, position, token_type, norm }
			},
			Chunk::BertLayer { heads, max_tokens, layer } => {
				Step::BertLayer { heads: *heads, max_tokens: *max_tokens, layer }
			},
			Chunk::BertPooling { hidden } => Step::BertPooling { hidden: *hidden },
			Chunk::MlpLayer(layer) => Step::MlpLayer(layer),
		}
	}
}

/// A step's kind tag.
pub fn kind(step: &Step<'_>) -> u8 {
	match step {
		Step::BertEmbeddings { .. } => KIND_BERT_EMBEDDINGS,
		Step::BertLayer { .. } => KIND_BERT_LAYER,
		Step::BertPooling { .. } => KIND_BERT_POOLING,
		Step::MlpLayer(_) => KIND_MLP_LAYER,
	}
}

/// A kind's name, or `None` for a tag that is not one of the four kinds.
pub fn kind_name(kind: u8) -> Option<&'static str> {
	match kind {
		KIND_BERT_EMBEDDINGS => Some("bert embeddings"),
		KIND_BERT_LAYER => Some("bert encoder layer"),
		KIND_BERT_POOLING => Some("bert mean pooling"),
		KIND_MLP_LAYER => Some("mlp layer"),
		_ => None,
	}
}

/// The size of a BERT embeddings chunk.
pub(crate) fn bert_embeddings_len(vocab: u32, max_positions: u32, type_vocab: u32, hidden: u32) -> u64 {
	17 + matrix_bytes(vocab, hidden)
		+ matrix_bytes(max_positions, hidden)
		+ matrix_bytes(type_vocab, hidden)
		+ 8 * u64::from(hidden)
}

/// The size of a BERT encoder layer chunk.
pub(crate) fn bert_layer_len(hidden: u32, ffn: u32) -> u64 {
	17 + 4 * linear_bytes(hidden, hidden)
		+ linear_bytes(ffn, hidden)
		+ linear_bytes(hidden, ffn)
		+ 16 * u64::from(hidden)
}

/// The size of the BERT pooling chunk.
pub(crate) const BERT_POOLING_LEN: u64 = 5;

/// The size of an MLP layer chunk.
pub(crate) fn mlp_layer_len(inputs: u32, outputs: u32) -> u64 {
	10 + linear_bytes(outputs, inputs)
}

/// The canonical bytes of a step's chunk (module docs).
pub fn encode_chunk(step: &Step<'_>) -> Vec<u8> {
	let mut w = Vec::new();
	w.push(kind(step));
	match step {
		Step::BertEmbeddings { word, position, token_type, norm } => {
			for d in [word.rows, position.rows, token_type.rows, word.cols] {
				put_u32(&mut w, d as u32);
			}
			put_matrix(&mut w, word);
			put_matrix(&mut w, position);
			put_matrix(&mut w, token_type);
			put_norm(&mut w, norm);
		},
		Step::BertLayer { heads, max_tokens, layer } => {
			for d in [layer.query.inputs() as u32, *heads, layer.ffn_in.outputs() as u32, *max_tokens] {
				put_u32(&mut w, d);
			}
			for lin in [&layer.query, &layer.key, &layer.value, &layer.attn_out] {
				put_linear(&mut w, lin);
			}
			put_norm(&mut w, &layer.attn_norm);
			put_linear(&mut w, &layer.ffn_in);
			put_linear(&mut w, &layer.ffn_out);
			put_norm(&mut w, &layer.ffn_norm);
		},
		Step::BertPooling { hidden } => put_u32(&mut w, *hidden),
		Step::MlpLayer(l) => {
			put_u32(&mut w, l.linear.inputs() as u32);
			put_u32(&mut w, l.linear.outputs() as u32);
			w.push(l.activation.tag());
			put_linear(&mut w, &l.linear);
		},
	}
	w
}

/// Decodes and checks one chunk on its own (what the runtime does with a challenger's
/// bytes). Tensor names in errors start with `chunk`.
pub fn decode_chunk(bytes: &[u8]) -> Result<Chunk, LoadError> {
	decode_labelled(bytes, "chunk")
}

/// [`decode_chunk`], naming tensors after `label` (`"step 3"` inside a model file).
pub(crate) fn decode_labelled(bytes: &[u8], label: &str) -> Result<Chunk, LoadError> {
	let mut r = Reader::new(bytes, label);
	let chunk = match r.u8("chunk kind")? {
		KIND_BERT_EMBEDDINGS => bert_embeddings(&mut r)?,
		KIND_BERT_LAYER => bert_layer(&mut r)?,
		KIND_BERT_POOLING => Chunk::BertPooling { hidden: r.dim("pooling hidden", 1, MAX_DOT as u32)? },
		KIND_MLP_LAYER => mlp_layer(&mut r)?,
		other => return Err(LoadError::UnknownChunkKind(other)),
	};
	r.finish()?;
	Ok(chunk)
}

fn bert_embeddings(r: &mut Reader<'_>) -> Result<Chunk, LoadError> {
	let max = MAX_DOT as u32;
	let vocab = r.dim("bert vocab", 1, MAX_VOCAB)?;
	let max_positions = r.dim("bert max_positions", 1, max)?;
	let type_vocab = r.dim("bert type_vocab", 1, MAX_TYPE_VOCAB)?;
	let hidden = r.dim("bert hidden", 1, max)?;
	Ok(Chunk::BertEmbeddings {
		word: r.matrix("embeddings.word_embeddings", vocab, hidden)?,
		position: r.matrix("embeddings.position_embeddings", max_positions, hidden)?,
		token_type: r.matrix("embeddings.token_type_embeddings", type_vocab, hidden)?,
		norm: r.norm("embeddings.LayerNorm", hidden)?,
	})
}

fn bert_layer(r: &mut Reader<'_>) -> Result<Chunk, LoadError> {
	let max = MAX_DOT as u32;
	let h = r.dim("bert hidden", 1, max)?;
	let heads = r.dim("bert heads", 1, max)?;
	let f = r.dim("bert ffn", 1, max)?;
	let max_tokens = r.dim("bert max_positions", 1, max)?;
	if !h.is_multiple_of(heads) {
		return Err(LoadError::Inconsistent(format!("hidden {h} is not a multiple of heads {heads}")));
	}
	let layer = BertLayer {
		query: r.linear("attention.query", h, h)?,
		key: r.linear("attention.key", h, h)?,
		value: r.linear("attention.value", h, h)?,
		attn_out: r.linear("attention.output", h, h)?,
		attn_norm: r.norm("attention.LayerNorm", h)?,
		ffn_in: r.linear("intermediate", f, h)?,
		ffn_out: r.linear("output", h, f)?,
		ffn_norm: r.norm("output.LayerNorm", h)?,
	};
	Ok(Chunk::BertLayer { heads, max_tokens, layer })
}

fn mlp_layer(r: &mut Reader<'_>) -> Result<Chunk, LoadError> {
	let max = MAX_DOT as u32;
	let inputs = r.dim("mlp inputs", 1, max)?;
	let outputs = r.dim("mlp outputs", 1, max)?;
	let tag = r.u8("mlp activation")?;
	let activation = Activation::from_tag(tag)
		.ok_or_else(|| LoadError::UnknownActivation { at: format!("{} mlp activation", r.label()), tag })?;
	let linear = r.linear("linear", outputs, inputs)?;
	Ok(Chunk::MlpLayer(MlpLayer { linear, activation }))
}
