//! The f32 reference BERT: the same architecture as the engine's, in plain floating
//! point (exact GELU with erf, exp, sqrt), the way PyTorch computes it.

use hearth_engine::import::float::{BertF32, LinearF32, NormF32};

fn linear(x: &[f32], n: usize, l: &LinearF32) -> Vec<f32> {
	let mut y = vec![0f32; n * l.out];
	for i in 0..n {
		let xi = &x[i * l.inp..(i + 1) * l.inp];
		for o in 0..l.out {
			let w = &l.weight[o * l.inp..(o + 1) * l.inp];
			y[i * l.out + o] = xi.iter().zip(w).map(|(a, b)| a * b).sum::<f32>() + l.bias[o];
		}
	}
	y
}

fn layer_norm(x: &mut [f32], h: usize, norm: &NormF32) {
	for row in x.chunks_mut(h) {
		let mean = row.iter().sum::<f32>() / h as f32;
		let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / h as f32;
		let inv = 1.0 / (var + norm.eps).sqrt();
		for (j, v) in row.iter_mut().enumerate() {
			*v = (*v - mean) * inv * norm.gamma[j] + norm.beta[j];
		}
	}
}

fn gelu(x: f32) -> f32 {
	0.5 * x * (1.0 + libm::erff(x / core::f32::consts::SQRT_2))
}

/// The mean-pooled embedding of `tokens` (token type 0, every token attended).
pub(crate) fn embed(b: &BertF32, tokens: &[u32]) -> Vec<f64> {
	let c = b.config;
	let (h, heads) = (c.hidden as usize, c.heads as usize);
	let d = h / heads;
	let n = tokens.len();
	let mut x = vec![0f32; n * h];
	for (i, t) in tokens.iter().enumerate() {
		for j in 0..h {
			x[i * h + j] = b.word[*t as usize * h + j] + b.position[i * h + j] + b.token_type[j];
		}
	}
	layer_norm(&mut x, h, &b.embed_norm);
	let scale = 1.0 / (d as f32).sqrt();
	for l in &b.layers {
		let (q, k, v) = (linear(&x, n, &l.query), linear(&x, n, &l.key), linear(&x, n, &l.value));
		let mut ctx = vec![0f32; n * h];
		let mut p = vec![0f32; n];
		for hd in 0..heads {
			for i in 0..n {
				for j in 0..n {
					p[j] = (0..d).map(|c| q[i * h + hd * d + c] * k[j * h + hd * d + c]).sum::<f32>() * scale;
				}
				let max = p.iter().cloned().fold(f32::MIN, f32::max);
				let sum: f32 = p
					.iter_mut()
					.map(|s| {
						*s = (*s - max).exp();
						*s
					})
					.sum();
				for c in 0..d {
					ctx[i * h + hd * d + c] = (0..n).map(|j| p[j] * v[j * h + hd * d + c]).sum::<f32>() / sum;
				}
			}
		}
		let a = linear(&ctx, n, &l.attn_out);
		x.iter_mut().zip(&a).for_each(|(x, a)| *x += a);
		layer_norm(&mut x, h, &l.attn_norm);
		let mut inner = linear(&x, n, &l.ffn_in);
		inner.iter_mut().for_each(|v| *v = gelu(*v));
		let o = linear(&inner, n, &l.ffn_out);
		x.iter_mut().zip(&o).for_each(|(x, o)| *x += o);
		layer_norm(&mut x, h, &l.ffn_norm);
	}
	(0..h).map(|j| (0..n).map(|i| x[i * h + j] as f64).sum::<f64>() / n as f64).collect()
}
