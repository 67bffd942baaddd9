//! f32 models: what is imported, and what the accuracy tests' reference runs.

use crate::model::{Activation, BertConfig};

/// An f32 linear layer, weight `[out, in]` row-major.
#[derive(Clone, Debug, PartialEq)]
pub struct LinearF32 {
	/// Outputs.
	pub out: usize,
	/// Inputs.
	pub inp: usize,
	/// `out × in` weights.
	pub weight: Vec<f32>,
	/// `out` biases.
	pub bias: Vec<f32>,
}

/// f32 LayerNorm parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct NormF32 {
	/// γ.
	pub gamma: Vec<f32>,
	/// β.
	pub beta: Vec<f32>,
	/// ε (used by the f32 reference only).
	pub eps: f32,
}

/// One f32 encoder layer.
#[derive(Clone, Debug, PartialEq)]
pub struct BertLayerF32 {
	/// Query projection.
	pub query: LinearF32,
	/// Key projection.
	pub key: LinearF32,
	/// Value projection.
	pub value: LinearF32,
	/// Attention output projection.
	pub attn_out: LinearF32,
	/// LayerNorm after attention.
	pub attn_norm: NormF32,
	/// Feed-forward expansion.
	pub ffn_in: LinearF32,
	/// Feed-forward projection.
	pub ffn_out: LinearF32,
	/// LayerNorm after the feed-forward block.
	pub ffn_norm: NormF32,
}

/// An f32 BERT encoder.
#[derive(Clone, Debug, PartialEq)]
pub struct BertF32 {
	/// Dimensions.
	pub config: BertConfig,
	/// `vocab × hidden`.
	pub word: Vec<f32>,
	/// `max_positions × hidden`.
	pub position: Vec<f32>,
	/// `type_vocab × hidden`.
	pub token_type: Vec<f32>,
	/// Embedding LayerNorm.
	pub embed_norm: NormF32,
	/// Layers.
	pub layers: Vec<BertLayerF32>,
}

/// An f32 MLP.
#[derive(Clone, Debug, PartialEq)]
pub struct MlpF32 {
	/// Input width.
	pub input_dim: usize,
	/// Layers with their activations.
	pub layers: Vec<(LinearF32, Activation)>,
}
