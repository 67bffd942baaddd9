//! The canonical model file, format version 2: a header, then one chunk per step. Every
//! integer is little-endian.
//!
//! ```text
//! file   = header ‖ chunk_0 ‖ … ‖ chunk_{S−1}
//! header = "HEARTHML" (8 bytes) ‖ version: u16 = 2 ‖ profile: u8 = 1 (det-int8)
//!          ‖ arch: u8 (1 = mlp, 2 = bert) ‖ dims
//!   mlp:  input_dim u32 ‖ layers u32 ‖ layers × (outputs u32 ‖ activation u8)
//!   bert: vocab u32 ‖ max_positions u32 ‖ type_vocab u32 ‖ hidden u32 ‖ layers u32
//!         ‖ heads u32 ‖ ffn u32
//! ```
//!
//! `S` is the number of steps ([`crate::step`]): an MLP's layers, or a BERT's layers
//! plus two (embeddings, the encoder layers, pooling). `chunk_i` is step `i`'s weights
//! in the chunk encoding of [`crate::chunk`]; its length follows from the header
//! ([`Architecture::chunk_lens`]), and its own dimensions must equal the header's.
//! An int8 matrix `[rows × cols]` is `rows × (m: u16, k: u8)` row scales then
//! `rows·cols × i8` row-major; an i32 vector `[len]` is `len × i32`. Nothing else: no
//! names, padding or alignment.
//!
//! A model has exactly one encoding: [`decode`] refuses anything else, naming the
//! fault, and `encode(decode(bytes)) == bytes`.
//!
//! **Identity.** A model is known on chain by
//!
//! ```text
//! id = blake2_256("hearth-model-v2" ‖ S: u32 ‖ blake2_256(header)
//!                 ‖ h(chunk_0) ‖ … ‖ h(chunk_{S−1}))
//! ```
//!
//! where `h` is `blake2_256` of the chunk's bytes, except for BERT's embeddings chunk,
//! whose word table enters as the Merkle root of its rows ([`crate::proof`]: a
//! challenge of step 0 carries only the rows of its tokens). Anyone holding one chunk
//! and the list of chunk hashes can check that chunk alone ([`identity`],
//! [`chunk_hash`], [`ModelFile::id`]).
//!
//! **Version 1** (one blob hashed whole) is refused with [`LoadError::FormatV1`]: re-run
//! `hearth-worker model import` on the safetensors to get the version-2 file. No model was
//! ever registered on chain under a version-1 hash, so nothing needs converting.

use crate::bytes::{put_u32, Reader};
use crate::chunk::{
	bert_embeddings_len, bert_layer_len, decode_labelled, encode_chunk, kind_name, mlp_layer_len, Chunk,
	BERT_POOLING_LEN, KIND_BERT_EMBEDDINGS, KIND_BERT_LAYER, KIND_BERT_POOLING, KIND_MLP_LAYER, MAX_TYPE_VOCAB,
	MAX_VOCAB,
};
use crate::error::LoadError;
use crate::gemm::MAX_DOT;
use crate::model::{Activation, Architecture, Bert, BertConfig, Mlp, Model};
use alloc::format;
use alloc::vec::Vec;

/// The file's first eight bytes.
pub const MAGIC: &[u8; 8] = b"HEARTHML";
/// The format version this engine reads and writes.
pub const VERSION: u16 = 2;
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
/// The domain separator that opens a model identity's preimage.
pub const MODEL_DOMAIN: &[u8; 15] = b"hearth-model-v2";

/// A model's identity from its header's hash and its chunks' hashes (module docs).
pub fn identity(header_hash: &[u8; 32], chunk_hashes: &[[u8; 32]]) -> [u8; 32] {
	let mut preimage = Vec::with_capacity(MODEL_DOMAIN.len() + 4 + 32 * (1 + chunk_hashes.len()));
	preimage.extend_from_slice(MODEL_DOMAIN);
	put_u32(&mut preimage, chunk_hashes.len() as u32);
	preimage.extend_from_slice(header_hash);
	for h in chunk_hashes {
		preimage.extend_from_slice(h);
	}
	sp_crypto_hashing::blake2_256(&preimage)
}

/// A chunk's hash: `blake2_256` of its bytes, except BERT's embeddings chunk, whose
/// word table is hashed as a Merkle tree of its rows ([`crate::proof`]).
pub fn chunk_hash(chunk: &[u8]) -> [u8; 32] {
	crate::proof::chunk_hash(chunk)
}

/// A model file cut into its header and chunks, checked for shape but not decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelFile<'a> {
	/// What the header declares.
	pub architecture: Architecture,
	/// The header's bytes.
	pub header: &'a [u8],
	/// Each step's chunk, in order.
	pub chunks: Vec<&'a [u8]>,
}

impl ModelFile<'_> {
	/// `blake2_256` of the header.
	pub fn header_hash(&self) -> [u8; 32] {
		sp_crypto_hashing::blake2_256(self.header)
	}

	/// [`chunk_hash`] of every chunk, in order.
	pub fn chunk_hashes(&self) -> Vec<[u8; 32]> {
		self.chunks.iter().map(|c| chunk_hash(c)).collect()
	}

	/// The model's identity (module docs).
	pub fn id(&self) -> [u8; 32] {
		identity(&self.header_hash(), &self.chunk_hashes())
	}
}

/// The identity of the model in `bytes` (which are cut, not decoded).
pub fn model_id(bytes: &[u8]) -> Result<[u8; 32], LoadError> {
	Ok(split(bytes)?.id())
}

/// Encodes a model canonically.
pub fn encode(model: &Model) -> Vec<u8> {
	let mut w = encode_header(&model.architecture());
	for step in model.steps() {
		w.extend_from_slice(&encode_chunk(&step));
	}
	w
}

/// The header's bytes for an architecture.
pub fn encode_header(arch: &Architecture) -> Vec<u8> {
	let mut w = Vec::new();
	w.extend_from_slice(MAGIC);
	w.extend_from_slice(&VERSION.to_le_bytes());
	w.push(PROFILE_DET_INT8);
	match arch {
		Architecture::Mlp { input_dim, layers } => {
			w.push(ARCH_MLP);
			put_u32(&mut w, *input_dim);
			put_u32(&mut w, layers.len() as u32);
			for (outputs, activation) in layers {
				put_u32(&mut w, *outputs);
				w.push(activation.tag());
			}
		},
		Architecture::Bert(c) => {
			w.push(ARCH_BERT);
			for v in [c.vocab, c.max_positions, c.type_vocab, c.hidden, c.layers, c.heads, c.ffn] {
				put_u32(&mut w, v);
			}
		},
	}
	w
}

/// Reads the header at the start of `bytes`: the architecture and the header's length.
/// Whatever follows is not looked at.
pub fn decode_header(bytes: &[u8]) -> Result<(Architecture, usize), LoadError> {
	let mut r = Reader::new(bytes, "header");
	if r.take(8, "magic").map_err(|_| LoadError::BadMagic)? != MAGIC {
		return Err(LoadError::BadMagic);
	}
	match r.u16("version")? {
		VERSION => {},
		1 => return Err(LoadError::FormatV1),
		other => return Err(LoadError::UnsupportedVersion(other)),
	}
	let profile = r.u8("profile")?;
	if profile != PROFILE_DET_INT8 {
		return Err(LoadError::UnknownProfile(profile));
	}
	let max = MAX_DOT as u32;
	let arch = match r.u8("architecture")? {
		ARCH_MLP => {
			let input_dim = r.dim("mlp input_dim", 1, max)?;
			let n = r.dim("mlp layers", 1, MAX_LAYERS)?;
			let mut layers = Vec::with_capacity(n as usize);
			for layer in 0..n {
				let outputs = r.dim("mlp out_dim", 1, max)?;
				let tag = r.u8("mlp activation")?;
				let activation = Activation::from_tag(tag)
					.ok_or_else(|| LoadError::UnknownActivation { at: format!("header mlp layer {layer}"), tag })?;
				layers.push((outputs, activation));
			}
			Architecture::Mlp { input_dim, layers }
		},
		ARCH_BERT => {
			let config = BertConfig {
				vocab: r.dim("bert vocab", 1, MAX_VOCAB)?,
				max_positions: r.dim("bert max_positions", 1, max)?,
				type_vocab: r.dim("bert type_vocab", 1, MAX_TYPE_VOCAB)?,
				hidden: r.dim("bert hidden", 1, max)?,
				layers: r.dim("bert layers", 1, MAX_LAYERS)?,
				heads: r.dim("bert heads", 1, max)?,
				ffn: r.dim("bert ffn", 1, max)?,
			};
			if !config.hidden.is_multiple_of(config.heads) {
				return Err(LoadError::Inconsistent(format!(
					"hidden {} is not a multiple of heads {}",
					config.hidden, config.heads
				)));
			}
			Architecture::Bert(config)
		},
		other => return Err(LoadError::UnknownArchitecture(other)),
	};
	Ok((arch, r.pos()))
}

impl Architecture {
	/// Each step's chunk length in bytes (the module docs of [`crate::chunk`]).
	pub fn chunk_lens(&self) -> Vec<u64> {
		match self {
			Architecture::Mlp { input_dim, layers } => {
				let mut inputs = *input_dim;
				layers
					.iter()
					.map(|(outputs, _)| {
						let len = mlp_layer_len(inputs, *outputs);
						inputs = *outputs;
						len
					})
					.collect()
			},
			Architecture::Bert(c) => {
				let mut lens = Vec::with_capacity(c.layers as usize + 2);
				lens.push(bert_embeddings_len(c.vocab, c.max_positions, c.type_vocab, c.hidden));
				lens.extend(core::iter::repeat_n(bert_layer_len(c.hidden, c.ffn), c.layers as usize));
				lens.push(BERT_POOLING_LEN);
				lens
			},
		}
	}

	/// The chunk kind each step must have.
	fn chunk_kind(&self, step: usize) -> u8 {
		match self {
			Architecture::Mlp { .. } => KIND_MLP_LAYER,
			Architecture::Bert(_) if step == 0 => KIND_BERT_EMBEDDINGS,
			Architecture::Bert(c) if step <= c.layers as usize => KIND_BERT_LAYER,
			Architecture::Bert(_) => KIND_BERT_POOLING,
		}
	}
}

/// Cuts a model file into its header and chunks. Checks the header and every length;
/// decodes no chunk.
pub fn split(bytes: &[u8]) -> Result<ModelFile<'_>, LoadError> {
	let (architecture, header_len) = decode_header(bytes)?;
	let lens = architecture.chunk_lens();
	let total = lens.iter().fold(header_len as u64, |sum, len| sum.saturating_add(*len));
	if total > MAX_MODEL_BYTES {
		return Err(LoadError::TooLarge { bytes: total, max: MAX_MODEL_BYTES });
	}
	let mut chunks = Vec::with_capacity(lens.len());
	let mut at = header_len;
	for (i, len) in lens.iter().enumerate() {
		// Below 1 GiB: fits a usize on every target.
		let len = *len as usize;
		let available = bytes.len() - at;
		if len > available {
			let what = format!("step {i} chunk ({})", kind_name(architecture.chunk_kind(i)).unwrap_or("unknown"));
			return Err(LoadError::Truncated { what, needed: len, available });
		}
		chunks.push(&bytes[at..at + len]);
		at += len;
	}
	if at != bytes.len() {
		return Err(LoadError::TrailingBytes { expected: at, actual: bytes.len() });
	}
	Ok(ModelFile { architecture, header: &bytes[..header_len], chunks })
}

/// Decodes and checks a model file. See the module docs for the layout.
pub fn decode(bytes: &[u8]) -> Result<Model, LoadError> {
	let file = split(bytes)?;
	let arch = &file.architecture;
	let mut mlp_layers = Vec::new();
	let mut bert_layers = Vec::new();
	let mut embeddings = None;
	let mut width = match arch {
		Architecture::Mlp { input_dim, .. } => *input_dim,
		Architecture::Bert(c) => c.hidden,
	};
	for (i, bytes) in file.chunks.iter().enumerate() {
		// The kind first: a known kind in the wrong place is named as such, not as
		// whatever its body fails on.
		let (expected, found) = (arch.chunk_kind(i), bytes.first().copied().unwrap_or_default());
		let wrong = LoadError::WrongChunk { step: i as u32, expected, found };
		if found != expected && kind_name(found).is_some() {
			return Err(wrong);
		}
		let chunk = decode_labelled(bytes, &format!("step {i}"))?;
		match (arch, chunk) {
			(Architecture::Mlp { layers, .. }, Chunk::MlpLayer(l)) => {
				let (outputs, activation) = layers.get(i).copied().ok_or(wrong)?;
				agree(i, "inputs", l.linear.inputs(), width)?;
				agree(i, "outputs", l.linear.outputs(), outputs)?;
				agree(i, "activation tag", usize::from(l.activation.tag()), u32::from(activation.tag()))?;
				width = outputs;
				mlp_layers.push(l);
			},
			(Architecture::Bert(c), Chunk::BertEmbeddings { word, position, token_type, norm }) if i == 0 => {
				agree(i, "vocab", word.rows, c.vocab)?;
				agree(i, "max_positions", position.rows, c.max_positions)?;
				agree(i, "type_vocab", token_type.rows, c.type_vocab)?;
				agree(i, "hidden", word.cols, c.hidden)?;
				embeddings = Some((word, position, token_type, norm));
			},
			(Architecture::Bert(c), Chunk::BertLayer { heads, max_tokens, layer }) if expected == KIND_BERT_LAYER => {
				agree(i, "hidden", layer.query.inputs(), c.hidden)?;
				agree(i, "heads", heads as usize, c.heads)?;
				agree(i, "ffn", layer.ffn_in.outputs(), c.ffn)?;
				agree(i, "max_positions", max_tokens as usize, c.max_positions)?;
				bert_layers.push(layer);
			},
			(Architecture::Bert(c), Chunk::BertPooling { hidden }) if expected == KIND_BERT_POOLING => {
				agree(i, "hidden", hidden as usize, c.hidden)?;
			},
			_ => return Err(wrong),
		}
	}
	match (arch, embeddings) {
		(Architecture::Mlp { input_dim, .. }, _) => Ok(Model::Mlp(Mlp { input_dim: *input_dim, layers: mlp_layers })),
		(Architecture::Bert(config), Some((word, position, token_type, embed_norm))) => {
			Ok(Model::Bert(Bert { config: *config, word, position, token_type, embed_norm, layers: bert_layers }))
		},
		// A BERT has at least three steps, and step 0 was checked to be its embeddings.
		(Architecture::Bert(_), None) => {
			Err(LoadError::WrongChunk { step: 0, expected: KIND_BERT_EMBEDDINGS, found: KIND_BERT_POOLING })
		},
	}
}

/// `found` in step `step`'s chunk must equal the header's `want`.
fn agree(step: usize, field: &str, found: usize, want: u32) -> Result<(), LoadError> {
	if found == want as usize {
		return Ok(());
	}
	Err(LoadError::Inconsistent(format!("step {step}: the chunk's {field} is {found}, the header's {want}")))
}
