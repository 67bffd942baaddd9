//! Models as steps: a forward pass is a fixed sequence of steps, each a function of the
//! previous activation and its own weights only, so that anyone (the runtime, in a
//! dispute) can re-run one step alone.
//!
//! The steps ([`Model::steps`]):
//!
//! - **BERT**: `s_0` embeddings (token ids → `n × h`, from the three embedding tables
//!   and their LayerNorm), `s_1 … s_L` the encoder layers (`n × h` → `n × h`, each with
//!   its own weights), `s_{L+1}` mean pooling (`n × h` → `1 × h`, no weights);
//! - **MLP**: one step per layer (`1 × in` → `1 × out`); its input is the feature
//!   vector as a `1 × input_dim` activation.
//!
//! [`crate::run()`] is exactly these steps in order; the **trace** of a run is
//! `t_i = x_i.trace_hash(i)` for every step ([`crate::activation`]), computed as the run
//! goes, and the output is the last activation (one row). [`step()`] runs one step
//! alone from the previous activation and that step's weights: a [`Step`] borrowed
//! from a [`Model`], or one decoded from its chunk bytes ([`crate::chunk`]).

use crate::activation::{trace_hashes, Activation};
use crate::bert::{check_tokens, embeddings, encoder_layer, mean_pool};
use crate::error::InferError;
use crate::fixed::ACT_FRAC;
use crate::gemm::Int8Gemm;
use crate::model::{BertLayer, MlpLayer, Model, Norm};
use crate::output::Output;
use crate::quant::QRows;
use crate::run::Input;
use alloc::vec;
use alloc::vec::Vec;

/// Trace elements hashed together: AVX2 hashes four blake2b inputs side by side.
const TRACE_BATCH: usize = 4;

/// One step and the weights it needs (its chunk), borrowed from a model or a decoded
/// [`crate::chunk::Chunk`].
#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
	/// BERT `s_0`: token ids to the first activation. The vocabulary, the positions and
	/// the hidden width are the tables' shapes.
	BertEmbeddings {
		/// Word embeddings, one row per token id.
		word: &'a QRows,
		/// Position embeddings, one row per position.
		position: &'a QRows,
		/// Token type embeddings (type 0 is used).
		token_type: &'a QRows,
		/// The embeddings' LayerNorm.
		norm: &'a Norm,
	},
	/// One BERT encoder layer (hidden and feed-forward widths are its weights' shapes).
	BertLayer {
		/// Attention heads.
		heads: u32,
		/// The longest activation (tokens) it accepts: the model's positions.
		max_tokens: u32,
		/// The layer's weights.
		layer: &'a BertLayer,
	},
	/// BERT's mean pooling over the tokens: no weights.
	BertPooling {
		/// The hidden width.
		hidden: u32,
	},
	/// One MLP layer.
	MlpLayer(&'a MlpLayer),
}

/// What a step reads: token ids (BERT's embeddings) or the previous activation.
#[derive(Clone, Copy, Debug)]
pub enum StepInput<'a> {
	/// Token ids, for BERT's `s_0`.
	Tokens(&'a [u32]),
	/// The previous step's activation (an MLP's features for its first layer).
	Activation(&'a Activation),
}

/// The activation must have the `cols` columns the step reads (and one row when
/// `one_row`).
fn expect_shape(x: &Activation, cols: usize, one_row: bool) -> Result<(), InferError> {
	if x.cols() as usize == cols && (!one_row || x.rows() == 1) {
		Ok(())
	} else {
		Err(InferError::WrongActivationShape { rows: x.rows(), cols: x.cols(), expected_cols: cols as u32 })
	}
}

/// An activation the engine computed: always in range and of its shape.
fn computed(rows: usize, cols: usize, values: Vec<i32>) -> Result<Activation, InferError> {
	Activation::new(rows as u32, cols as u32, values)
		.map_err(|e| InferError::Backend(alloc::format!("a step produced an invalid activation: {e}")))
}

/// BERT's `s_0` on token ids.
fn embed(step: &Step<'_>, tokens: &[u32]) -> Result<Activation, InferError> {
	let Step::BertEmbeddings { word, position, token_type, norm } = step else {
		return Err(InferError::WrongInputKind("the previous step's activation"));
	};
	check_tokens(word, position, tokens)?;
	computed(tokens.len(), word.cols, embeddings(word, position, token_type, norm, tokens))
}

/// Every step after BERT's `s_0`, consuming the previous activation (a run's path: no
/// copy of it).
fn advance(step: &Step<'_>, x: Activation, backend: &dyn Int8Gemm) -> Result<Activation, InferError> {
	match step {
		Step::BertEmbeddings { .. } => Err(InferError::WrongInputKind("token ids")),
		Step::BertLayer { heads, max_tokens, layer } => {
			let (rows, cols) = (x.rows() as usize, layer.query.inputs());
			expect_shape(&x, cols, false)?;
			if rows > *max_tokens as usize {
				return Err(InferError::TooLong { len: rows, max: *max_tokens as usize });
			}
			let mut values = x.into_values();
			encoder_layer(*heads as usize, layer, &mut values, rows, backend)?;
			computed(rows, cols, values)
		},
		Step::BertPooling { hidden } => {
			let h = *hidden as usize;
			expect_shape(&x, h, false)?;
			computed(1, h, mean_pool(x.values(), x.rows() as usize, h))
		},
		Step::MlpLayer(layer) => {
			expect_shape(&x, layer.linear.inputs(), true)?;
			let y = crate::mlp::layer(layer, x.values(), backend)?;
			computed(1, y.len(), y)
		},
	}
}

/// Runs one step on its input: `x_i = step(i, chunk_i, x_{i-1})`.
pub fn step(step: &Step<'_>, input: StepInput<'_>, backend: &dyn Int8Gemm) -> Result<Activation, InferError> {
	match (step, input) {
		(_, StepInput::Tokens(tokens)) => embed(step, tokens),
		(Step::BertEmbeddings { .. }, StepInput::Activation(_)) => Err(InferError::WrongInputKind("token ids")),
		(_, StepInput::Activation(x)) => advance(step, x.clone(), backend),
	}
}

impl<'a> Step<'a> {
	/// Every matrix its products read as the weight operand (what a GPU keeps resident).
	pub fn gemm_weights(&self) -> Vec<&'a QRows> {
		match self {
			Step::BertLayer { layer, .. } => {
				[&layer.query, &layer.key, &layer.value, &layer.attn_out, &layer.ffn_in, &layer.ffn_out]
					.into_iter()
					.map(|l| &l.weight)
					.collect()
			},
			Step::MlpLayer(l) => vec![&l.linear.weight],
			Step::BertEmbeddings { .. } | Step::BertPooling { .. } => Vec::new(),
		}
	}
}

impl Model {
	/// Every step's [`Step::gemm_weights`], in order.
	pub fn gemm_weights(&self) -> Vec<&QRows> {
		self.steps().iter().flat_map(Step::gemm_weights).collect()
	}

	/// The model's steps, in order (module docs).
	pub fn steps(&self) -> Vec<Step<'_>> {
		match self {
			Model::Bert(b) => {
				let mut steps = Vec::with_capacity(b.layers.len() + 2);
				steps.push(Step::BertEmbeddings {
					word: &b.word,
					position: &b.position,
					token_type: &b.token_type,
					norm: &b.embed_norm,
				});
				let (heads, max_tokens) = (b.config.heads, b.config.max_positions);
				steps.extend(b.layers.iter().map(|layer| Step::BertLayer { heads, max_tokens, layer }));
				steps.push(Step::BertPooling { hidden: b.config.hidden });
				steps
			},
			Model::Mlp(m) => m.layers.iter().map(Step::MlpLayer).collect(),
		}
	}
}

/// Runs `model` step by step, hashing each step's activation into the trace and
/// handing it (with its index) to `visit` as it is made: a challenger keeps them to
/// re-run any one step later. [`crate::run()`] is this with nothing to visit.
pub fn run_with(
	model: &Model,
	input: Input<'_>,
	backend: &dyn Int8Gemm,
	mut visit: impl FnMut(u32, &Activation),
) -> Result<Output, InferError> {
	let steps = model.steps();
	let mut trace = Vec::with_capacity(steps.len());
	// Trace elements are hashed four at a time, side by side ([`trace_hashes`]).
	let mut pending = Vec::with_capacity(TRACE_BATCH);
	let mut record = |i: usize, x: &Activation| {
		pending.push(x.trace_preimage(i as u32));
		if pending.len() == TRACE_BATCH {
			trace.extend(trace_hashes(&pending));
			pending.clear();
		}
		visit(i as u32, x);
	};
	let (mut x, first) = match (model, input, steps.first()) {
		(Model::Mlp(m), Input::Features(f), _) => {
			crate::mlp::check_features(m, f)?;
			(computed(1, f.len(), f.to_vec())?, 0)
		},
		(Model::Bert(_), Input::Tokens(tokens), Some(s0)) => {
			let x0 = embed(s0, tokens)?;
			record(0, &x0);
			(x0, 1)
		},
		(Model::Mlp(_), Input::Tokens(_), _) => return Err(InferError::WrongInputKind("Q12 features")),
		(Model::Bert(_), _, _) => return Err(InferError::WrongInputKind("token ids")),
	};
	for (i, s) in steps.iter().enumerate().skip(first) {
		x = advance(s, x, backend)?;
		record(i, &x);
	}
	trace.extend(trace_hashes(&pending));
	let values = x.into_values();
	Ok(Output { shape: vec![values.len() as u32], frac_bits: ACT_FRAC as u8, values, trace })
}
