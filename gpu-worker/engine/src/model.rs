//! Quantized models: the architectures the det-int8 profile runs.

use crate::quant::QRows;
use alloc::vec::Vec;

/// The activation after an MLP layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
	/// The identity (usual for the last layer).
	Identity = 0,
	/// `max(x, 0)`.
	Relu = 1,
	/// The integer GELU of [`crate::nonlinear::gelu`].
	Gelu = 2,
}

impl Activation {
	/// The format's tag for this activation.
	pub fn tag(self) -> u8 {
		self as u8
	}

	/// The activation with this tag.
	pub fn from_tag(tag: u8) -> Option<Self> {
		match tag {
			0 => Some(Activation::Identity),
			1 => Some(Activation::Relu),
			2 => Some(Activation::Gelu),
			_ => None,
		}
	}
}

/// An int8 linear layer: `y = x · Wᵀ + b`, `W` stored `[out, in]` with one scale per
/// output channel, `b` in Q12.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linear {
	/// `out × in` weights.
	pub weight: QRows,
	/// `out` biases, Q12.
	pub bias: Vec<i32>,
}

impl Linear {
	/// Input width.
	pub fn inputs(&self) -> usize {
		self.weight.cols
	}
	/// Output width.
	pub fn outputs(&self) -> usize {
		self.weight.rows
	}
}

/// LayerNorm parameters, Q12.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Norm {
	/// Scale γ.
	pub gamma: Vec<i32>,
	/// Shift β.
	pub beta: Vec<i32>,
}

/// One MLP layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MlpLayer {
	/// Its weights.
	pub linear: Linear,
	/// What follows it.
	pub activation: Activation,
}

/// A multilayer perceptron over a Q12 feature vector: small enough to re-execute in a
/// block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mlp {
	/// Width of the input vector.
	pub input_dim: u32,
	/// The layers, first to last.
	pub layers: Vec<MlpLayer>,
}

/// A BERT encoder's dimensions (all-MiniLM-L6-v2: 30522, 512, 2, 384, 6, 12, 1536).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BertConfig {
	/// Token vocabulary size.
	pub vocab: u32,
	/// Longest sequence (position embeddings).
	pub max_positions: u32,
	/// Token type vocabulary (segments).
	pub type_vocab: u32,
	/// Hidden width.
	pub hidden: u32,
	/// Encoder layers.
	pub layers: u32,
	/// Attention heads (dividing `hidden`).
	pub heads: u32,
	/// Feed-forward width.
	pub ffn: u32,
}

impl BertConfig {
	/// The width of one attention head.
	pub fn head_dim(&self) -> usize {
		(self.hidden / self.heads.max(1)) as usize
	}
}

/// One encoder layer (post-LayerNorm, as BERT).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BertLayer {
	/// Query projection.
	pub query: Linear,
	/// Key projection.
	pub key: Linear,
	/// Value projection.
	pub value: Linear,
	/// Attention output projection.
	pub attn_out: Linear,
	/// LayerNorm after attention.
	pub attn_norm: Norm,
	/// Feed-forward expansion (followed by GELU).
	pub ffn_in: Linear,
	/// Feed-forward projection back to `hidden`.
	pub ffn_out: Linear,
	/// LayerNorm after the feed-forward block.
	pub ffn_norm: Norm,
}

/// A BERT encoder with mean pooling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bert {
	/// Dimensions.
	pub config: BertConfig,
	/// `vocab × hidden` token embeddings, one scale per token.
	pub word: QRows,
	/// `max_positions × hidden` position embeddings.
	pub position: QRows,
	/// `type_vocab × hidden` token type embeddings.
	pub token_type: QRows,
	/// LayerNorm over the embeddings' sum.
	pub embed_norm: Norm,
	/// The encoder layers.
	pub layers: Vec<BertLayer>,
}

/// Any model the engine runs.
// A process holds one or two models and never moves them in a hot path, so the
// BERT variant stays inline rather than boxed.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Model {
	/// A multilayer perceptron.
	Mlp(Mlp),
	/// A BERT encoder.
	Bert(Bert),
}

/// A model's shape without its weights: what a model file's header declares, and all
/// the cost model and the chain need to know of a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Architecture {
	/// A multilayer perceptron.
	Mlp {
		/// Width of the input vector.
		input_dim: u32,
		/// Each layer's output width and activation.
		layers: Vec<(u32, Activation)>,
	},
	/// A BERT encoder with mean pooling.
	Bert(BertConfig),
}

impl Architecture {
	/// A short description (`bert 6×384, 12 heads, ffn 1536, vocab 30522, 512 positions`).
	pub fn describe(&self) -> alloc::string::String {
		match self {
			Architecture::Mlp { input_dim, layers } => {
				let mut dims = alloc::format!("{input_dim}");
				for (outputs, _) in layers {
					dims.push_str(&alloc::format!("→{outputs}"));
				}
				alloc::format!("mlp {dims}")
			},
			Architecture::Bert(c) => alloc::format!(
				"bert {}×{}, {} heads, ffn {}, vocab {}, {} positions",
				c.layers,
				c.hidden,
				c.heads,
				c.ffn,
				c.vocab,
				c.max_positions
			),
		}
	}
}

impl Model {
	/// The model's architecture.
	pub fn architecture(&self) -> Architecture {
		match self {
			Model::Mlp(m) => Architecture::Mlp {
				input_dim: m.input_dim,
				layers: m.layers.iter().map(|l| (l.linear.outputs() as u32, l.activation)).collect(),
			},
			Model::Bert(b) => Architecture::Bert(b.config),
		}
	}

	/// A short description (`bert 6×384, 12 heads, ffn 1536, vocab 30522, 512 positions`).
	pub fn describe(&self) -> alloc::string::String {
		self.architecture().describe()
	}
}
