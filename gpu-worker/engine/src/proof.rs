//! BERT's embeddings chunk is mostly its word table (all-MiniLM-L6-v2: 30,522 rows,
//! 11.8 MB of its 12 MB), far more than one transaction carries, while a step only
//! reads the rows of its input's tokens. So the chunk's hash commits to the word
//! table as a Merkle tree of its rows, and a challenge of step 0 sends an **embeddings
//! proof**: the chunk without its word table, and only the rows it needs, each with its
//! path to the root.
//!
//! **Hash of an embeddings chunk** (kind 1; every other kind hashes its bytes whole,
//! [`chunk_hash`]):
//!
//! ```text
//! chunk = head ‖ word ‖ tail        (head: kind, vocab, max_positions, type_vocab,
//!                                    hidden: 17 bytes; word: the word matrix; tail:
//!                                    position, token type and LayerNorm)
//! leaf_i = blake2_256(0x00 ‖ i: u32 LE ‖ m_i: u16 LE ‖ k_i: u8 ‖ row_i: hidden × i8)
//! node   = blake2_256(0x01 ‖ left ‖ right)
//! root   = the last level's single node, each level built from the one below by
//!          pairing nodes in order; a level of odd length carries its last node up as
//!          it is
//! hash   = blake2_256("hearth-embeddings-v1" ‖ blake2_256(head ‖ tail) ‖ root)
//! ```
//!
//! **Embeddings proof** ([`prove`], [`EmbeddingsProof::decode`]):
//!
//! ```text
//! proof = head ‖ tail ‖ rows: u32 LE ‖ rows × (token: u32 LE ‖ m: u16 LE ‖ k: u8
//!         ‖ row: hidden × i8 ‖ path)
//! path  = the sibling at every level where the token's node has one, from the
//!         leaves up (32 bytes each; a node carried up unchanged has none)
//! ```
//!
//! Tokens are strictly increasing and below the vocabulary; nothing follows the last
//! path. A proof has one encoding, decoding refuses anything else with a
//! [`LoadError`] naming the fault, and [`EmbeddingsProof::chunk_hash`] recomputes the
//! chunk's hash from the proof alone, which the runtime compares with the registered
//! one before running [`EmbeddingsProof::run`].

use crate::activation::Activation;
use crate::bert::{check_tokens, embeddings};
use crate::bytes::{matrix_bytes, put_u32, Reader};
use crate::chunk::{KIND_BERT_EMBEDDINGS, MAX_TYPE_VOCAB, MAX_VOCAB};
use crate::error::{InferError, LoadError};
use crate::gemm::MAX_DOT;
use crate::model::Norm;
use crate::quant::{QRows, Scale};
use alloc::format;
use alloc::vec::Vec;

/// The domain separator of an embeddings chunk's hash.
pub const EMBEDDINGS_DOMAIN: &[u8; 20] = b"hearth-embeddings-v1";

/// The bytes before the word matrix: kind and four dimensions.
const HEAD: usize = 17;

/// A chunk's hash: the embeddings chunk's as the module docs say, every other
/// chunk's `blake2_256` of its bytes. Bytes that are not an embeddings chunk are hashed
/// whole (their hash then matches no embeddings step).
pub fn chunk_hash(chunk: &[u8]) -> [u8; 32] {
	match split_embeddings(chunk) {
		Some((head, word, tail, vocab, hidden)) => {
			let leaves = word_leaves(word, vocab, hidden);
			embeddings_hash(head, tail, &root(leaves))
		},
		None => sp_crypto_hashing::blake2_256(chunk),
	}
}

/// An embeddings chunk cut into head, word matrix and tail, with its vocabulary and
/// width; `None` when the bytes are not one (wrong kind, or too short for the word
/// matrix the head declares).
fn split_embeddings(chunk: &[u8]) -> Option<(&[u8], &[u8], &[u8], u32, u32)> {
	if chunk.first() != Some(&KIND_BERT_EMBEDDINGS) || chunk.len() < HEAD {
		return None;
	}
	let dim = |at: usize| u32::from_le_bytes([chunk[at], chunk[at + 1], chunk[at + 2], chunk[at + 3]]);
	let (vocab, hidden) = (dim(1), dim(13));
	let word_len = usize::try_from(matrix_bytes(vocab, hidden)).ok()?;
	let end = HEAD.checked_add(word_len)?;
	if chunk.len() < end || vocab == 0 {
		return None;
	}
	Some((&chunk[..HEAD], &chunk[HEAD..end], &chunk[end..], vocab, hidden))
}

/// The leaves of a word matrix in the format (all scales, then all rows).
fn word_leaves(word: &[u8], vocab: u32, hidden: u32) -> Vec<[u8; 32]> {
	let (scales, rows) = word.split_at(3 * vocab as usize);
	(0..vocab as usize)
		.map(|i| {
			let row = &rows[i * hidden as usize..(i + 1) * hidden as usize];
			leaf(i as u32, &scales[3 * i..3 * i + 3], row)
		})
		.collect()
}

fn leaf(index: u32, scale: &[u8], row: &[u8]) -> [u8; 32] {
	let mut p = Vec::with_capacity(8 + row.len());
	p.push(0);
	put_u32(&mut p, index);
	p.extend_from_slice(scale);
	p.extend_from_slice(row);
	sp_crypto_hashing::blake2_256(&p)
}

fn node(left: &[u8; 32], right: &[u8; 32]) -> [u8; 32] {
	let mut p = [0u8; 65];
	p[0] = 1;
	p[1..33].copy_from_slice(left);
	p[33..].copy_from_slice(right);
	sp_crypto_hashing::blake2_256(&p)
}

/// The next level up.
fn up(level: &[[u8; 32]]) -> Vec<[u8; 32]> {
	level.chunks(2).map(|pair| if pair.len() == 2 { node(&pair[0], &pair[1]) } else { pair[0] }).collect()
}

fn root(mut level: Vec<[u8; 32]>) -> [u8; 32] {
	while level.len() > 1 {
		level = up(&level);
	}
	level.first().copied().unwrap_or([0; 32])
}

fn embeddings_hash(head: &[u8], tail: &[u8], root: &[u8; 32]) -> [u8; 32] {
	let mut rest = Vec::with_capacity(head.len() + tail.len());
	rest.extend_from_slice(head);
	rest.extend_from_slice(tail);
	let mut p = EMBEDDINGS_DOMAIN.to_vec();
	p.extend_from_slice(&sp_crypto_hashing::blake2_256(&rest));
	p.extend_from_slice(root);
	sp_crypto_hashing::blake2_256(&p)
}

/// The size of a proof for `tokens` distinct tokens of an embeddings chunk with these
/// dimensions, when every token's path is the longest (what a challenge may carry).
pub fn proof_len(vocab: u32, max_positions: u32, type_vocab: u32, hidden: u32, tokens: u32) -> u64 {
	let tail = matrix_bytes(max_positions, hidden) + matrix_bytes(type_vocab, hidden) + 8 * u64::from(hidden);
	let depth = u64::from(u32::BITS - vocab.saturating_sub(1).leading_zeros());
	HEAD as u64 + tail + 4 + u64::from(tokens) * (7 + u64::from(hidden) + 32 * depth)
}

/// The proof of `tokens`' rows (any order, repeats allowed) of the embeddings chunk
/// `chunk` (module docs).
pub fn prove(chunk: &[u8], tokens: &[u32]) -> Result<Vec<u8>, LoadError> {
	crate::chunk::decode_chunk(chunk)?;
	let (head, word, tail, vocab, hidden) = split_embeddings(chunk)
		.ok_or_else(|| LoadError::Inconsistent("an embeddings proof needs a BERT embeddings chunk".into()))?;
	let mut wanted: Vec<u32> = tokens.to_vec();
	wanted.sort_unstable();
	wanted.dedup();
	if let Some(t) = wanted.iter().find(|t| **t >= vocab) {
		return Err(LoadError::Inconsistent(format!("token {t} is outside the vocabulary of {vocab}")));
	}
	let mut levels = Vec::new();
	let mut level = word_leaves(word, vocab, hidden);
	while level.len() > 1 {
		let next = up(&level);
		levels.push(level);
		level = next;
	}
	let (scales, rows) = word.split_at(3 * vocab as usize);
	let mut out = Vec::new();
	out.extend_from_slice(head);
	out.extend_from_slice(tail);
	put_u32(&mut out, wanted.len() as u32);
	for t in wanted {
		let i = t as usize;
		put_u32(&mut out, t);
		out.extend_from_slice(&scales[3 * i..3 * i + 3]);
		out.extend_from_slice(&rows[i * hidden as usize..(i + 1) * hidden as usize]);
		let mut index = i;
		for level in &levels {
			if let Some(sibling) = level.get(index ^ 1) {
				out.extend_from_slice(sibling);
			}
			index /= 2;
		}
	}
	Ok(out)
}

/// A decoded, checked embeddings proof: the step's weights for its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbeddingsProof {
	/// The proven tokens, strictly increasing.
	tokens: Vec<u32>,
	/// Their word rows, in the same order.
	word: QRows,
	position: QRows,
	token_type: QRows,
	norm: Norm,
	/// The chunk's hash, recomputed from the proof.
	hash: [u8; 32],
}

impl EmbeddingsProof {
	/// Decodes and checks a proof (module docs): never panics on untrusted bytes.
	pub fn decode(bytes: &[u8]) -> Result<Self, LoadError> {
		let mut r = Reader::new(bytes, "embeddings proof");
		if r.u8("chunk kind")? != KIND_BERT_EMBEDDINGS {
			return Err(LoadError::Inconsistent("an embeddings proof starts with the embeddings kind".into()));
		}
		let max = MAX_DOT as u32;
		let vocab = r.dim("bert vocab", 1, MAX_VOCAB)?;
		let max_positions = r.dim("bert max_positions", 1, max)?;
		let type_vocab = r.dim("bert type_vocab", 1, MAX_TYPE_VOCAB)?;
		let hidden = r.dim("bert hidden", 1, max)?;
		let position = r.matrix("embeddings.position_embeddings", max_positions, hidden)?;
		let token_type = r.matrix("embeddings.token_type_embeddings", type_vocab, hidden)?;
		let norm = r.norm("embeddings.LayerNorm", hidden)?;
		let rest_len = r.pos();
		let count = r.dim("proof rows", 1, vocab)?;
		let h = hidden as usize;
		let mut tokens = Vec::with_capacity(count as usize);
		// Each row's climb to the root, from its leaf and its path.
		let mut roots = Vec::with_capacity(count as usize);
		let mut word = QRows { rows: 0, cols: h, data: Vec::with_capacity(count as usize * h), scales: Vec::new() };
		for _ in 0..count {
			let t = r.u32("proof token")?;
			if t >= vocab || tokens.last().is_some_and(|last| *last >= t) {
				return Err(LoadError::Inconsistent(format!(
					"proof token {t}: tokens must be increasing and below the vocabulary of {vocab}"
				)));
			}
			let row = r.matrix("embeddings.word_embeddings row", 1, hidden)?;
			let mut scale = [0u8; 3];
			scale[..2].copy_from_slice(&(row.scales[0].m as u16).to_le_bytes());
			scale[2] = row.scales[0].k as u8;
			let raw: Vec<u8> = row.data.iter().map(|v| *v as u8).collect();
			let mut hash = leaf(t, &scale, &raw);
			let (mut index, mut width) = (t as usize, vocab as usize);
			while width > 1 {
				if index ^ 1 < width {
					let mut sibling = [0u8; 32];
					sibling.copy_from_slice(r.take(32, "proof path")?);
					hash = if index % 2 == 0 { node(&hash, &sibling) } else { node(&sibling, &hash) };
				}
				index /= 2;
				width = width.div_ceil(2);
			}
			roots.push(hash);
			tokens.push(t);
			word.data.extend_from_slice(&row.data);
			word.scales.push(Scale { m: row.scales[0].m, k: row.scales[0].k });
			word.rows += 1;
		}
		r.finish()?;
		let root = roots[0];
		if roots.iter().any(|r| *r != root) {
			return Err(LoadError::Inconsistent("the rows' paths lead to different roots".into()));
		}
		let hash = embeddings_hash(&bytes[..HEAD], &bytes[HEAD..rest_len], &root);
		Ok(EmbeddingsProof { tokens, word, position, token_type, norm, hash })
	}

	/// The embeddings chunk's hash, recomputed from the proof (module docs).
	pub fn chunk_hash(&self) -> [u8; 32] {
		self.hash
	}

	/// The tokens whose rows it proves.
	pub fn tokens(&self) -> &[u32] {
		&self.tokens
	}

	/// BERT's step 0 on `tokens`, every one of which must be proven: the same
	/// activation as the step run with the whole chunk.
	pub fn run(&self, tokens: &[u32]) -> Result<Activation, InferError> {
		let compact: Vec<u32> = tokens
			.iter()
			.enumerate()
			.map(|(index, t)| {
				self.tokens
					.binary_search(t)
					.map(|i| i as u32)
					.map_err(|_| InferError::TokenNotProven { index, token: *t })
			})
			.collect::<Result<_, _>>()?;
		check_tokens(&self.word, &self.position, &compact)?;
		let values = embeddings(&self.word, &self.position, &self.token_type, &self.norm, &compact);
		Activation::new(compact.len() as u32, self.word.cols as u32, values)
			.map_err(|e| InferError::Backend(format!("the embeddings step produced an invalid activation: {e}")))
	}
}
