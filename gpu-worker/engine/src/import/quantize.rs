//! The deterministic quantizer: f32 weights to det-int8, with IEEE f64 arithmetic
//! only (every operation correctly rounded, so every machine gets the same bytes).
//!
//! Per output row: `amax = max|w|`; a zero row gets `q = 0`, `(m, k) = (2^14, 0)`.
//! Otherwise `s = amax / 127`, `e = floor(log2 s)` (read from the exponent bits),
//! `k = 14 − e`, `m = round(s · 2^k)` (in `[2^14, 2^15]`), and
//! `q = clamp(round(w · 2^k / m), −127, 127)`; `round` is half away from zero. Biases,
//! γ and β become `round(x · 4096)` (Q12).

use super::float::{BertF32, LinearF32, MlpF32, NormF32};
use super::ImportError;
use crate::fixed::ACT_MAX;
use crate::model::{Bert, BertLayer, Linear, Mlp, MlpLayer, Norm};
use crate::quant::{QRows, Scale};

/// `2^k` exactly, for `|k| ≤ 1000`.
fn pow2(k: i32) -> f64 {
	f64::from_bits(((1023 + k) as u64) << 52)
}

/// `floor(log2 x)` for a normal positive `x`, from its exponent bits.
fn floor_log2(x: f64) -> i32 {
	((x.to_bits() >> 52) & 0x7ff) as i32 - 1023
}

/// Quantizes a `rows × cols` f32 matrix with one scale per row.
pub fn matrix(name: &str, rows: usize, cols: usize, w: &[f32]) -> Result<QRows, ImportError> {
	if w.len() != rows * cols {
		return Err(ImportError::WrongShape { name: name.into(), expected: vec![rows, cols], got: vec![w.len()] });
	}
	let mut data = Vec::with_capacity(rows * cols);
	let mut scales = Vec::with_capacity(rows);
	for (r, row) in w.chunks_exact(cols.max(1)).take(rows).enumerate() {
		if let Some(c) = row.iter().position(|v| !v.is_finite()) {
			return Err(ImportError::Unrepresentable(format!("{name}[{r}][{c}] is not finite")));
		}
		let amax = row.iter().fold(0f64, |a, v| a.max((*v as f64).abs()));
		let s = amax / 127.0;
		let k = if amax == 0.0 { None } else { Some(14 - floor_log2(s)) }.filter(|k| *k <= 255);
		match k {
			// Zero, or below 2^-241 · 127: indistinguishable from zero at any activation.
			None => {
				data.extend(std::iter::repeat_n(0i8, cols));
				scales.push(Scale::ZERO_ROW);
			},
			Some(k) if k < 0 => {
				return Err(ImportError::Unrepresentable(format!("{name} row {r}: |w| up to {amax} is too large")));
			},
			Some(k) => {
				let m = (s * pow2(k)).round();
				let step = m / pow2(k);
				data.extend(row.iter().map(|v| ((*v as f64) / step).round().clamp(-127.0, 127.0) as i8));
				scales.push(Scale { m: m as u32, k });
			},
		}
	}
	Ok(QRows { rows, cols, data, scales })
}

/// Converts to Q12, refusing values outside the activation range.
pub fn q12(name: &str, v: &[f32]) -> Result<Vec<i32>, ImportError> {
	v.iter()
		.enumerate()
		.map(|(i, x)| {
			let q = (*x as f64 * 4096.0).round();
			if !q.is_finite() || q.abs() > ACT_MAX as f64 {
				return Err(ImportError::Unrepresentable(format!("{name}[{i}] = {x} is outside ±2048")));
			}
			Ok(q as i32)
		})
		.collect()
}

fn linear(name: &str, l: &LinearF32) -> Result<Linear, ImportError> {
	Ok(Linear {
		weight: matrix(&format!("{name}.weight"), l.out, l.inp, &l.weight)?,
		bias: q12(&format!("{name}.bias"), &l.bias)?,
	})
}

fn norm(name: &str, n: &NormF32) -> Result<Norm, ImportError> {
	Ok(Norm { gamma: q12(&format!("{name}.weight"), &n.gamma)?, beta: q12(&format!("{name}.bias"), &n.beta)? })
}

/// Quantizes an f32 BERT.
pub fn bert(f: &BertF32) -> Result<Bert, ImportError> {
	let c = f.config;
	let h = c.hidden as usize;
	let mut layers = Vec::with_capacity(f.layers.len());
	for (i, l) in f.layers.iter().enumerate() {
		let n = |part: &str| format!("layer {i} {part}");
		layers.push(BertLayer {
			query: linear(&n("attention.query"), &l.query)?,
			key: linear(&n("attention.key"), &l.key)?,
			value: linear(&n("attention.value"), &l.value)?,
			attn_out: linear(&n("attention.output"), &l.attn_out)?,
			attn_norm: norm(&n("attention.LayerNorm"), &l.attn_norm)?,
			ffn_in: linear(&n("intermediate"), &l.ffn_in)?,
			ffn_out: linear(&n("output"), &l.ffn_out)?,
			ffn_norm: norm(&n("output.LayerNorm"), &l.ffn_norm)?,
		});
	}
	Ok(Bert {
		config: c,
		word: matrix("embeddings.word_embeddings", c.vocab as usize, h, &f.word)?,
		position: matrix("embeddings.position_embeddings", c.max_positions as usize, h, &f.position)?,
		token_type: matrix("embeddings.token_type_embeddings", c.type_vocab as usize, h, &f.token_type)?,
		embed_norm: norm("embeddings.LayerNorm", &f.embed_norm)?,
		layers,
	})
}

/// Quantizes an f32 MLP.
pub fn mlp(f: &MlpF32) -> Result<Mlp, ImportError> {
	let layers = f
		.layers
		.iter()
		.enumerate()
		.map(|(i, (l, activation))| {
			Ok(MlpLayer { linear: linear(&format!("mlp layer {i}"), l)?, activation: *activation })
		})
		.collect::<Result<_, ImportError>>()?;
	Ok(Mlp { input_dim: f.input_dim as u32, layers })
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn rows_get_normalized_scales() {
		let q = matrix("w", 3, 3, &[0.5, -0.25, 0.0, 0.0, 0.0, 0.0, 1e-3, 2e-3, -3e-3]).unwrap();
		// 0.5/127 = 0.003937 = 2^-8 · 1.0079: k = 22, m = round(16513.0) = 16513.
		assert_eq!(q.scales[0], Scale { m: 16513, k: 22 });
		assert_eq!(&q.data[..3], &[127, -64, 0]);
		assert_eq!(q.scales[1], Scale::ZERO_ROW);
		assert_eq!(&q.data[6..], &[42, 85, -127]);
		assert!(q.scales.iter().all(|s| s.m >= 1 << 14 && s.m <= 1 << 15));
	}

	#[test]
	fn unrepresentable_values_are_named() {
		let err = matrix("layer 0 w", 1, 2, &[1.0, f32::NAN]).unwrap_err();
		assert_eq!(err.to_string(), "cannot quantize: layer 0 w[0][1] is not finite");
		let err = matrix("big", 1, 1, &[1e9]).unwrap_err();
		assert!(err.to_string().contains("big row 0"), "{err}");
		let err = q12("gamma", &[1.0, 4096.0]).unwrap_err();
		assert_eq!(err.to_string(), "cannot quantize: gamma[1] = 4096 is outside ±2048");
	}
}
