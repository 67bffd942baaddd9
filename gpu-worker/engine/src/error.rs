//! Errors: why a model file was refused, and why an input could not be run.

use alloc::string::String;
use core::fmt;

/// Why a model file was refused. Every variant names the part of the file at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
	/// The file does not start with `HEARTHML`.
	BadMagic,
	/// A format version this engine does not read.
	UnsupportedVersion(u16),
	/// A version-1 file (one blob, hashed whole): re-import the model for version 2.
	FormatV1,
	/// A profile other than det-int8.
	UnknownProfile(u8),
	/// An architecture tag other than MLP (1) or BERT (2).
	UnknownArchitecture(u8),
	/// The file ends inside `what`.
	Truncated {
		/// The header field or tensor being read.
		what: String,
		/// Bytes it needs.
		needed: usize,
		/// Bytes left in the file.
		available: usize,
	},
	/// The file goes on after the last tensor.
	TrailingBytes {
		/// The size the header implies.
		expected: usize,
		/// The file's size.
		actual: usize,
	},
	/// The header implies a file larger than the engine accepts.
	TooLarge {
		/// Bytes implied.
		bytes: u64,
		/// The limit.
		max: u64,
	},
	/// A header dimension outside what the profile supports.
	DimensionOutOfRange {
		/// The field.
		field: &'static str,
		/// Its value.
		value: u32,
		/// The least accepted.
		min: u32,
		/// The most accepted.
		max: u32,
	},
	/// Dimensions that do not fit together.
	Inconsistent(String),
	/// An MLP layer's activation tag is unknown.
	UnknownActivation {
		/// Where: the header's layer, or a chunk.
		at: String,
		/// The tag found.
		tag: u8,
	},
	/// A chunk kind other than the four of [`crate::chunk`].
	UnknownChunkKind(u8),
	/// A step's chunk is of another kind than the header's architecture puts there.
	WrongChunk {
		/// The step.
		step: u32,
		/// The kind the header implies.
		expected: u8,
		/// The kind found.
		found: u8,
	},
	/// A row scale outside `m ∈ [2^14, 2^16)`.
	BadScale {
		/// The tensor.
		tensor: String,
		/// The row.
		row: usize,
		/// The mantissa found.
		m: u32,
	},
	/// An int8 weight of −128 (the profile's range is symmetric, `[-127, 127]`).
	ForbiddenWeight {
		/// The tensor.
		tensor: String,
		/// Row.
		row: usize,
		/// Column.
		col: usize,
	},
	/// An i32 parameter (bias, γ, β) outside the activation range.
	ValueOutOfRange {
		/// The tensor.
		tensor: String,
		/// Its index.
		index: usize,
		/// The value found.
		value: i32,
	},
}

impl fmt::Display for LoadError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			LoadError::BadMagic => write!(f, "not a Hearth model: the file does not start with \"HEARTHML\""),
			LoadError::UnsupportedVersion(v) => {
				write!(f, "unsupported model format version {v} (this engine reads version 2)")
			},
			LoadError::FormatV1 => write!(
				f,
				"model format version 1 is no longer read: re-run `hearth-worker model import` on the safetensors \
				 to get a version-2 file (a header and one chunk per step)"
			),
			LoadError::UnknownChunkKind(k) => write!(
				f,
				"unknown chunk kind {k} (1 bert embeddings, 2 bert encoder layer, 3 bert mean pooling, 4 mlp layer)"
			),
			LoadError::WrongChunk { step, expected, found } => write!(
				f,
				"step {step}: a {} chunk where the header puts a {} chunk",
				crate::chunk::kind_name(*found).unwrap_or("unknown"),
				crate::chunk::kind_name(*expected).unwrap_or("unknown")
			),
			LoadError::UnknownProfile(p) => write!(f, "unknown profile {p} (only det-int8 = 1 is defined)"),
			LoadError::UnknownArchitecture(a) => write!(f, "unknown architecture {a} (1 = mlp, 2 = bert)"),
			LoadError::Truncated { what, needed, available } => {
				write!(f, "truncated model: {what} needs {needed} bytes but only {available} remain")
			},
			LoadError::TrailingBytes { expected, actual } => {
				write!(f, "oversized: the header implies {expected} bytes but there are {actual}")
			},
			LoadError::TooLarge { bytes, max } => {
				write!(f, "model too large: {bytes} bytes implied, at most {max} accepted")
			},
			LoadError::DimensionOutOfRange { field, value, min, max } => {
				write!(f, "{field} = {value} is outside {min}..={max}")
			},
			LoadError::Inconsistent(why) => write!(f, "inconsistent model: {why}"),
			LoadError::UnknownActivation { at, tag } => {
				write!(f, "{at}: unknown activation tag {tag} (0 identity, 1 relu, 2 gelu)")
			},
			LoadError::BadScale { tensor, row, m } => {
				write!(f, "{tensor}, row {row}: scale mantissa {m} is outside [16384, 65536)")
			},
			LoadError::ForbiddenWeight { tensor, row, col } => {
				write!(f, "{tensor}, row {row}, column {col}: weight -128 is outside the symmetric range [-127, 127]")
			},
			LoadError::ValueOutOfRange { tensor, index, value } => {
				write!(f, "{tensor}[{index}] = {value} is outside the activation range ±8388607")
			},
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for LoadError {}

/// Why an input could not be run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InferError {
	/// No tokens or features.
	EmptyInput,
	/// More tokens than the model has positions.
	TooLong {
		/// Tokens given.
		len: usize,
		/// The model's limit.
		max: usize,
	},
	/// A token id outside the vocabulary.
	TokenOutOfRange {
		/// Its position in the input.
		index: usize,
		/// The id.
		token: u32,
		/// The vocabulary size.
		vocab: u32,
	},
	/// A token whose word row an embeddings proof does not carry.
	TokenNotProven {
		/// Its position in the input.
		index: usize,
		/// The id.
		token: u32,
	},
	/// An MLP input of the wrong width.
	WrongInputWidth {
		/// The model's input width.
		expected: usize,
		/// Features given.
		got: usize,
	},
	/// An MLP feature outside the activation range.
	FeatureOutOfRange {
		/// Its index.
		index: usize,
		/// Its value.
		value: i32,
	},
	/// The model takes the other kind of input (tokens for BERT, features for MLP).
	WrongInputKind(&'static str),
	/// A step was given an activation of the wrong shape.
	WrongActivationShape {
		/// Rows given.
		rows: u32,
		/// Columns given.
		cols: u32,
		/// The columns the step reads (and, for an MLP layer, one row).
		expected_cols: u32,
	},
	/// The backend failed.
	Backend(String),
}

impl fmt::Display for InferError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			InferError::EmptyInput => write!(f, "empty input: at least one token or feature is needed"),
			InferError::TooLong { len, max } => write!(f, "{len} tokens, but the model has {max} positions"),
			InferError::TokenOutOfRange { index, token, vocab } => {
				write!(f, "token {token} at position {index} is outside the vocabulary (size {vocab})")
			},
			InferError::TokenNotProven { index, token } => {
				write!(f, "token {token} at position {index} has no row in the embeddings proof")
			},
			InferError::WrongInputWidth { expected, got } => {
				write!(f, "the model takes {expected} features, got {got}")
			},
			InferError::FeatureOutOfRange { index, value } => {
				write!(f, "feature {index} = {value} is outside the Q12 activation range ±8388607")
			},
			InferError::WrongInputKind(want) => write!(f, "this model takes {want}"),
			InferError::WrongActivationShape { rows, cols, expected_cols } => {
				write!(f, "the step reads {expected_cols} columns, got a {rows} × {cols} activation")
			},
			InferError::Backend(why) => write!(f, "backend failed: {why}"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for InferError {}

impl From<crate::gemm::BackendError> for InferError {
	fn from(e: crate::gemm::BackendError) -> Self {
		InferError::Backend(e.0)
	}
}
