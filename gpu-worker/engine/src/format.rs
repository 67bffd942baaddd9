//! The canonical model file (format version 1). Every integer is little-endian.
//!
//! ```text
//! "HEARTHML"                      8 bytes
//! version: u16 = 1
//! profile: u8  = 1 (det-int8)
//! arch:    u8  (1 = mlp, 2 = bert)
//! mlp:  input_dim u32, layers u32, then per layer: out_dim u32, activation u8
//! bert: vocab u32, max_positions u32, type_vocab u32, hidden u32, layers u32,
//!       heads u32, ffn u32
//! tensors, in the order below, with no names, padding or alignment:
//!   int8 matrix [rows × cols]: rows × (m: u16, k: u8), then rows·cols × i8 (row-major)
//!   i32 vector [len]: len × i32
//! mlp:  per layer: weight [out × in], bias [out]
//! bert: word [vocab × hidden], position [max_positions × hidden],
//!       token_type [type_vocab × hidden], embedding LayerNorm γ [hidden], β [hidden],
//!       per layer: query, key, value (weight [hidden × hidden], bias [hidden]),
//!       attention output (same), LayerNorm γ, β, ffn_in (weight [ffn × hidden],
//!       bias [ffn]), ffn_out (weight [hidden × ffn], bias [hidden]), LayerNorm γ, β
//! ```
//!
//! A model has exactly one encoding: [`decode`] rejects anything else, and
//! `encode(decode(bytes)) == bytes`. Its identity is `blake2_256(bytes)`.

use crate::error::LoadError;
use crate::fixed::ACT_MAX;
use crate::gemm::MAX_DOT;
use crate::model::{Activation, Bert, BertConfig, BertLayer, Linear, Mlp, MlpLayer, Model, Norm};
use crate::quant::{QRows, Scale};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The file's first eight bytes.
pub const MAGIC: &[u8; 8] = b"HEARTHML";
/// The format version this engine reads and writes.
pub const VERSION: u16 = 1;
/// The det-int8 profile's id (also in output hashes).
pub const PROFILE_DET_INT8: u8 = 1;
/// Architecture tag: MLP.
pub const ARCH_MLP: u8 = 1;
/// Architecture tag: BERT.
pub const ARCH_BERT: u8 = 2;
/// The largest model file accepted (1 GiB).
pub const MAX_MODEL_BYTES: u64 = 1 << 30;
/// The most layers of either architecture.
pub const MAX_LAYERS: u32 = 64;
/// The largest vocabulary.
pub const MAX_VOCAB: u32 = 1 << 20;
/// The most token types.
pub const MAX_TYPE_VOCAB: u32 = 16;

/// The blake2-256 hash of a model file: the model's identity on chain.
pub fn model_hash(bytes: &[u8]) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(bytes)
}

/// Encodes a model canonically.
pub fn encode(model: &Model) -> Vec<u8> {
	let mut w = Vec::new();
	w.extend_from_slice(MAGIC);
	w.extend_from_slice(&VERSION.to_le_bytes());
	w.push(PROFILE_DET_INT8);
	w.push(model.arch_tag());
	match model {
		Model::Mlp(m) => {
			put_u32(&mut w, m.input_dim);
			put_u32(&mut w, m.layers.len() as u32);
			for l in &m.layers {
				put_u32(&mut w, l.linear.outputs() as u32);
				w.push(l.activation.tag());
			}
			for l in &m.layers {
				put_linear(&mut w, &l.linear);
			}
		},
		Model::Bert(b) => {
			let c = b.config;
			for v in [c.vocab, c.max_positions, c.type_vocab, c.hidden, c.layers, c.heads, c.ffn] {
				put_u32(&mut w, v);
			}
			put_matrix(&mut w, &b.word);
			put_matrix(&mut w, &b.position);
			put_matrix(&mut w, &b.token_type);
			put_norm(&mut w, &b.embed_norm);
			for l in &b.layers {
				for lin in [&l.query, &l.key, &l.value, &l.attn_out] {
					put_linear(&mut w, lin);
				}
				put_norm(&mut w, &l.attn_norm);
				put_linear(&mut w, &l.ffn_in);
				put_linear(&mut w, &l.ffn_out);
				put_norm(&mut w, &l.ffn_norm);
			}
		},
	}
	w
}

fn put_u32(w: &mut Vec<u8>, v: u32) {
	w.extend_from_slice(&v.to_le_bytes());
}

fn put_matrix(w: &mut Vec<u8>, q: &QRows) {
	for s in &q.scales {
		w.extend_from_slice(&(s.m as u16).to_le_bytes());
		w.push(s.k as u8);
	}
	w.extend(q.data.iter().map(|v| *v as u8));
}

fn put_vector(w: &mut Vec<u8>, v: &[i32]) {
	for x in v {
		w.extend_from_slice(&x.to_le_bytes());
	}
}

fn put_linear(w: &mut Vec<u8>, l: &Linear) {
	put_matrix(w, &l.weight);
	put_vector(w, &l.bias);
}

fn put_norm(w: &mut Vec<u8>, n: &Norm) {
	put_vector(w, &n.gamma);
	put_vector(w, &n.beta);
}

/// Decodes and checks a model file. See the module docs for the layout.
pub fn decode(bytes: &[u8]) -> Result<Model, LoadError> {
	let mut r = Reader { bytes, pos: 0 };
	let magic = r.take(8, "magic")?;
	if magic != MAGIC {
		return Err(LoadError::BadMagic);
	}
	let version = u16::from_le_bytes([r.u8("version")?, r.u8("version")?]);
	if version != VERSION {
		return Err(LoadError::UnsupportedVersion(version));
	}
	let profile = r.u8("profile")?;
	if profile != PROFILE_DET_INT8 {
		return Err(LoadError::UnknownProfile(profile));
	}
	let model = match r.u8("architecture")? {
		ARCH_MLP => Model::Mlp(decode_mlp(&mut r)?),
		ARCH_BERT => Model::Bert(decode_bert(&mut r)?),
		other => return Err(LoadError::UnknownArchitecture(other)),
	};
	if r.pos != bytes.len() {
		return Err(LoadError::TrailingBytes { expected: r.pos, actual: bytes.len() });
	}
	Ok(model)
}

fn dim(r: &mut Reader<'_>, field: &'static str, min: u32, max: u32) -> Result<u32, LoadError> {
	let value = r.u32(field)?;
	if value < min || value > max {
		return Err(LoadError::DimensionOutOfRange { field, value, min, max });
	}
	Ok(value)
}

/// The size of a `rows × cols` int8 matrix in the file.
fn matrix_bytes(rows: u32, cols: u32) -> u64 {
	rows as u64 * (3 + cols as u64)
}

fn linear_bytes(out: u32, inp: u32) -> u64 {
	matrix_bytes(out, inp) + 4 * out as u64
}

fn check_size(bytes: u64) -> Result<(), LoadError> {
	if bytes > MAX_MODEL_BYTES {
		return Err(LoadError::TooLarge { bytes, max: MAX_MODEL_BYTES });
	}
	Ok(())
}

fn decode_mlp(r: &mut Reader<'_>) -> Result<Mlp, LoadError> {
	let max = MAX_DOT as u32;
	let input_dim = dim(r, "mlp input_dim", 1, max)?;
	let n = dim(r, "mlp layers", 1, MAX_LAYERS)?;
	let mut shapes = Vec::with_capacity(n as usize);
	let mut total = 0u64;
	let mut inp = input_dim;
	for layer in 0..n {
		let out = dim(r, "mlp out_dim", 1, max)?;
		let tag = r.u8("mlp activation")?;
		let activation = Activation::from_tag(tag).ok_or(LoadError::UnknownActivation { layer, tag })?;
		total += linear_bytes(out, inp);
		shapes.push((out, inp, activation));
		inp = out;
	}
	check_size(total)?;
	let mut layers = Vec::with_capacity(shapes.len());
	for (i, (out, inp, activation)) in shapes.into_iter().enumerate() {
		let linear = r.linear(&format!("mlp layer {i}"), out, inp)?;
		layers.push(MlpLayer { linear, activation });
	}
	Ok(Mlp { input_dim, layers })
}

fn decode_bert(r: &mut Reader<'_>) -> Result<Bert, LoadError> {
	let max = MAX_DOT as u32;
	let config = BertConfig {
		vocab: dim(r, "bert vocab", 1, MAX_VOCAB)?,
		max_positions: dim(r, "bert max_positions", 1, max)?,
		type_vocab: dim(r, "bert type_vocab", 1, MAX_TYPE_VOCAB)?,
		hidden: dim(r, "bert hidden", 1, max)?,
		layers: dim(r, "bert layers", 1, MAX_LAYERS)?,
		heads: dim(r, "bert heads", 1, max)?,
		ffn: dim(r, "bert ffn", 1, max)?,
	};
	let (h, f) = (config.hidden, config.ffn);
	if h % config.heads != 0 {
		return Err(LoadError::Inconsistent(format!("hidden {h} is not a multiple of heads {}", config.heads)));
	}
	let per_layer = 4 * linear_bytes(h, h) + linear_bytes(f, h) + linear_bytes(h, f) + 16 * h as u64;
	let embeddings =
		matrix_bytes(config.vocab, h) + matrix_bytes(config.max_positions, h) + matrix_bytes(config.type_vocab, h);
	check_size(embeddings + 8 * h as u64 + config.layers as u64 * per_layer)?;
	let word = r.matrix("embeddings.word_embeddings", config.vocab, h)?;
	let position = r.matrix("embeddings.position_embeddings", config.max_positions, h)?;
	let token_type = r.matrix("embeddings.token_type_embeddings", config.type_vocab, h)?;
	let embed_norm = r.norm("embeddings.LayerNorm", h)?;
	let mut layers = Vec::with_capacity(config.layers as usize);
	for i in 0..config.layers {
		let name = |part: &str| format!("layer {i} {part}");
		layers.push(BertLayer {
			query: r.linear(&name("attention.query"), h, h)?,
			key: r.linear(&name("attention.key"), h, h)?,
			value: r.linear(&name("attention.value"), h, h)?,
			attn_out: r.linear(&name("attention.output"), h, h)?,
			attn_norm: r.norm(&name("attention.LayerNorm"), h)?,
			ffn_in: r.linear(&name("intermediate"), f, h)?,
			ffn_out: r.linear(&name("output"), h, f)?,
			ffn_norm: r.norm(&name("output.LayerNorm"), h)?,
		});
	}
	Ok(Bert { config, word, position, token_type, embed_norm, layers })
}

struct Reader<'a> {
	bytes: &'a [u8],
	pos: usize,
}

impl<'a> Reader<'a> {
	fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], LoadError> {
		let available = self.bytes.len() - self.pos;
		if n > available {
			return Err(LoadError::Truncated { what: what.to_string(), needed: n, available });
		}
		let s = &self.bytes[self.pos..self.pos + n];
		self.pos += n;
		Ok(s)
	}

	fn u8(&mut self, what: &str) -> Result<u8, LoadError> {
		Ok(self.take(1, what)?[0])
	}

	fn u32(&mut self, what: &str) -> Result<u32, LoadError> {
		let b = self.take(4, what)?;
		Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
	}

	fn matrix(&mut self, name: &str, rows: u32, cols: u32) -> Result<QRows, LoadError> {
		let (rows, cols) = (rows as usize, cols as usize);
		let raw = self.take(rows * 3, &format!("{name} scales"))?;
		let mut scales = Vec::with_capacity(rows);
		for (row, s) in raw.chunks_exact(3).enumerate() {
			let m = u16::from_le_bytes([s[0], s[1]]) as u32;
			if m < 1 << 14 {
				return Err(LoadError::BadScale { tensor: String::from(name), row, m });
			}
			scales.push(Scale { m, k: s[2] as i32 });
		}
		let raw = self.take(rows * cols, &format!("{name} weights"))?;
		if let Some(at) = raw.iter().position(|b| *b == 0x80) {
			return Err(LoadError::ForbiddenWeight { tensor: String::from(name), row: at / cols, col: at % cols });
		}
		let data = raw.iter().map(|b| *b as i8).collect();
		Ok(QRows { rows, cols, data, scales })
	}

	fn vector(&mut self, name: &str, len: u32) -> Result<Vec<i32>, LoadError> {
		let raw = self.take(len as usize * 4, name)?;
		let mut out = Vec::with_capacity(len as usize);
		for (index, b) in raw.chunks_exact(4).enumerate() {
			let value = i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
			if value.unsigned_abs() > ACT_MAX as u32 {
				return Err(LoadError::ValueOutOfRange { tensor: String::from(name), index, value });
			}
			out.push(value);
		}
		Ok(out)
	}

	fn linear(&mut self, name: &str, out: u32, inp: u32) -> Result<Linear, LoadError> {
		let weight = self.matrix(&format!("{name}.weight"), out, inp)?;
		let bias = self.vector(&format!("{name}.bias"), out)?;
		Ok(Linear { weight, bias })
	}

	fn norm(&mut self, name: &str, len: u32) -> Result<Norm, LoadError> {
		let gamma = self.vector(&format!("{name}.weight"), len)?;
		let beta = self.vector(&format!("{name}.bias"), len)?;
		Ok(Norm { gamma, beta })
	}
}
