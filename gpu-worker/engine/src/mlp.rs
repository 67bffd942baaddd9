//! The MLP: int8 linear layers over a Q12 feature vector.

use crate::error::InferError;
use crate::fixed::ACT_MAX;
use crate::gemm::Int8Gemm;
use crate::model::{Activation, Mlp, MlpLayer};
use crate::nonlinear::{gelu, relu};
use crate::ops::quantize_linear;
use alloc::vec::Vec;

/// Checks an input row: non-empty, `input_dim` wide, every feature in the Q12 range.
pub fn check_features(mlp: &Mlp, features: &[i32]) -> Result<(), InferError> {
	if features.is_empty() {
		return Err(InferError::EmptyInput);
	}
	if features.len() != mlp.input_dim as usize {
		return Err(InferError::WrongInputWidth { expected: mlp.input_dim as usize, got: features.len() });
	}
	if let Some((index, value)) = features.iter().enumerate().find(|(_, v)| v.unsigned_abs() > ACT_MAX as u32) {
		return Err(InferError::FeatureOutOfRange { index, value: *value });
	}
	Ok(())
}

/// One layer on one row: quantize, linear, then the layer's activation.
pub(crate) fn layer(layer: &MlpLayer, x: &[i32], backend: &dyn Int8Gemm) -> Result<Vec<i32>, InferError> {
	let mut y = quantize_linear(backend, x, 1, &layer.linear)?;
	match layer.activation {
		Activation::Identity => {},
		Activation::Relu => y.iter_mut().for_each(|v| *v = relu(*v)),
		Activation::Gelu => y.iter_mut().for_each(|v| *v = gelu(*v)),
	}
	Ok(y)
}
