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
//! Running every step in order is [`crate::run()`] bit for bit; the **trace** of a run is
//! `t_i = x_i.trace_hash(i)` for every step ([`crate::activation`]), and the output is
//! the last activation.

use crate::activation::Activation;
use crate::bert::{check_tokens, embeddings, encoder_layer, mean_pool};
use crate::error::InferError;
use crate::fixed::ACT_FRAC;
use crate::gemm::Int8Gemm;
use crate::model::{BertConfig, BertLayer, MlpLayer, Model, Norm};
use crate::output::Output;
use crate::quant::QRows;
use crate::run::Input;
use alloc::vec;
use alloc::vec::Vec;

/// One step and the weights it needs (its chunk), borrowed from a model.
#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
	/// BERT `s_0`: token ids to the first activation.
	BertEmbeddings {
		/// The encoder's dimensions.
		config: &'a BertConfig,
		/// Word embeddings, one row per token id.
		word: &'a QRows,
		/// Position embeddings, one row per position.
		position: &'a QRows,
		/// Token type embeddings (type 0 is used).
		token_type: &'a QRows,
		/// The embeddings' LayerNorm.
		norm: &'a Norm,
	},
	/// One BERT encoder layer.
	BertLayer {
		/// The encoder's dimensions.
		config: &'a BertConfig,
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

/// The activation's shape must be `rows × cols` as the step expects.
fn expect_cols(x: &Activation, cols: u32) -> Result<(), InferError> {
	if x.cols() == cols {
		Ok(())
	} else {
		Err(InferError::WrongActivationShape { rows: x.rows(), cols: x.cols(), expected_cols: cols })
	}
}

/// An activation the engine computed: always in range and of its shape.
fn computed(rows: usize, cols: usize, values: Vec<i32>) -> Result<Activation, InferError> {
	Activation::new(rows as u32, cols as u32, values)
		.map_err(|e| InferError::Backend(alloc::format!("a step produced an invalid activation: {e}")))
}

/// Runs one step on its input: `x_i = step(i, chunk_i, x_{i-1})`.
pub fn step(step: &Step<'_>, input: StepInput<'_>, backend: &dyn Int8Gemm) -> Result<Activation, InferError> {
	match (step, input) {
		(Step::BertEmbeddings { config, word, position, token_type, norm }, StepInput::Tokens(tokens)) => {
			check_tokens(config, tokens)?;
			let x = embeddings(config, word, position, token_type, norm, tokens);
			computed(tokens.len(), config.hidden as usize, x)
		},
		(Step::BertLayer { config, layer }, StepInput::Activation(x)) => {
			expect_cols(x, config.hidden)?;
			if x.rows() > config.max_positions {
				return Err(InferError::TooLong { len: x.rows() as usize, max: config.max_positions as usize });
			}
			let mut values = x.values().to_vec();
			encoder_layer(config, layer, &mut values, x.rows() as usize, backend)?;
			computed(x.rows() as usize, config.hidden as usize, values)
		},
		(Step::BertPooling { hidden }, StepInput::Activation(x)) => {
			expect_cols(x, *hidden)?;
			computed(1, *hidden as usize, mean_pool(x.values(), x.rows() as usize, *hidden as usize))
		},
		(Step::MlpLayer(layer), StepInput::Activation(x)) => {
			expect_cols(x, layer.linear.inputs() as u32)?;
			if x.rows() != 1 {
				return Err(InferError::WrongActivationShape {
					rows: x.rows(),
					cols: x.cols(),
					expected_cols: layer.linear.inputs() as u32,
				});
			}
			let y = crate::mlp::layer(layer, x.values(), backend)?;
			computed(1, y.len(), y)
		},
		(Step::BertEmbeddings { .. }, StepInput::Activation(_)) => Err(InferError::WrongInputKind("token ids")),
		(_, StepInput::Tokens(_)) => Err(InferError::WrongInputKind("the previous step's activation")),
	}
}

impl Model {
	/// The model's steps, in order (module docs).
	pub fn steps(&self) -> Vec<Step<'_>> {
		match self {
			Model::Bert(b) => {
				let mut steps = Vec::with_capacity(b.layers.len() + 2);
				steps.push(Step::BertEmbeddings {
					config: &b.config,
					word: &b.word,
					position: &b.position,
					token_type: &b.token_type,
					norm: &b.embed_norm,
				});
				steps.extend(b.layers.iter().map(|layer| Step::BertLayer { config: &b.config, layer }));
				steps.push(Step::BertPooling { hidden: b.config.hidden });
				steps
			},
			Model::Mlp(m) => m.layers.iter().map(Step::MlpLayer).collect(),
		}
	}
}

/// A run step by step: the output and the trace (`t_i` for every step).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Traced {
	/// The last activation, as [`crate::run()`] returns it.
	pub output: Output,
	/// `t_i = x_i.trace_hash(i)` for every step `i`, in order.
	pub trace: Vec<[u8; 32]>,
}

/// Runs `model` one step at a time, hashing every step's activation.
pub fn run_traced(model: &Model, input: Input<'_>, backend: &dyn Int8Gemm) -> Result<Traced, InferError> {
	run_traced_with(model, input, backend, |_, _| {})
}

/// [`run_traced`], handing each step's index and activation to `visit` as it is made
/// (a challenger keeps them to re-run any one step later).
pub fn run_traced_with(
	model: &Model,
	input: Input<'_>,
	backend: &dyn Int8Gemm,
	mut visit: impl FnMut(u32, &Activation),
) -> Result<Traced, InferError> {
	let steps = model.steps();
	let mut trace = Vec::with_capacity(steps.len());
	let mut x: Option<Activation> = match (model, input) {
		(Model::Mlp(m), Input::Features(f)) => {
			crate::mlp::check_features(m, f)?;
			Some(computed(1, f.len(), f.to_vec())?)
		},
		(Model::Bert(_), Input::Tokens(_)) => None,
		(Model::Bert(_), Input::Features(_)) => return Err(InferError::WrongInputKind("token ids")),
		(Model::Mlp(_), Input::Tokens(_)) => return Err(InferError::WrongInputKind("Q12 features")),
	};
	for (i, s) in steps.iter().enumerate() {
		let next = match (&x, input) {
			(Some(prev), _) => step(s, StepInput::Activation(prev), backend)?,
			(None, Input::Tokens(tokens)) => step(s, StepInput::Tokens(tokens), backend)?,
			(None, Input::Features(_)) => return Err(InferError::WrongInputKind("token ids")),
		};
		trace.push(next.trace_hash(i as u32));
		visit(i as u32, &next);
		x = Some(next);
	}
	let values = x.map(Activation::into_values).unwrap_or_default();
	Ok(Traced { output: Output { shape: vec![values.len() as u32], frac_bits: ACT_FRAC as u8, values }, trace })
}
