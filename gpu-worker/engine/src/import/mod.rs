//! Importing float weights (`std` only): the safetensors reader, the f32 models, the
//! deterministic quantizer, all-MiniLM-L6-v2's tensor names, and seeded test models.

pub mod float;
pub mod minilm;
pub mod quantize;
pub mod safetensors;
pub mod seeded;

use crate::error::LoadError;
use std::fmt;

/// Why float weights could not be imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
	/// The safetensors file is malformed.
	Safetensors(String),
	/// A tensor the architecture needs is missing.
	MissingTensor(String),
	/// A tensor has another shape than the architecture needs.
	WrongShape {
		/// The tensor.
		name: String,
		/// The shape needed.
		expected: Vec<usize>,
		/// The shape found.
		got: Vec<usize>,
	},
	/// A tensor is not F32.
	WrongDtype {
		/// The tensor.
		name: String,
		/// Its dtype.
		dtype: String,
	},
	/// The model's config is missing a field or has a bad one.
	Config(String),
	/// A value cannot be represented in det-int8 (named).
	Unrepresentable(String),
	/// The quantized model fails the format's checks.
	Format(LoadError),
}

impl fmt::Display for ImportError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			ImportError::Safetensors(e) => write!(f, "malformed safetensors file: {e}"),
			ImportError::MissingTensor(n) => write!(f, "tensor {n} is missing"),
			ImportError::WrongShape { name, expected, got } => {
				write!(f, "tensor {name} has shape {got:?}, expected {expected:?}")
			},
			ImportError::WrongDtype { name, dtype } => write!(f, "tensor {name} is {dtype}, expected F32"),
			ImportError::Config(e) => write!(f, "model config: {e}"),
			ImportError::Unrepresentable(e) => write!(f, "cannot quantize: {e}"),
			ImportError::Format(e) => write!(f, "{e}"),
		}
	}
}

impl std::error::Error for ImportError {}

impl From<LoadError> for ImportError {
	fn from(e: LoadError) -> Self {
		ImportError::Format(e)
	}
}
