//! # Hearth's deterministic inference engine
//!
//! The same model on the same input gives the same bits on any CPU and any GPU: that
//! is what lets a validator re-execute a miner's job and slash a wrong result. This
//! crate defines the **det-int8** profile exactly, runs it on a `no_std` CPU twin
//! (validators, and the runtime for small models), and on CUDA behind the `cuda`
//! feature. Every result is defined by integer arithmetic; floating point computes
//! nothing a result depends on: it imports float weights (`std`, once, then hashed)
//! and, in `std` builds, estimates quotients that an exact integer step then corrects
//! ([`fixed::RecipDiv`]).
//!
//! ## The det-int8 profile, exactly
//!
//! Everything below is integer arithmetic on `i64` unless a width is named. Another
//! implementation that follows it gets the same bits.
//!
//! **Rounding.** One rule everywhere: round to nearest, ties toward +∞.
//! `shift_round(v, s) = (v + 2^(s-1)) >> s` (arithmetic shift; `s = 0` is `v`,
//! `s > 62` is 0, `s < 0` is a saturating `v · 2^-s`), and
//! `div_round(n, d) = floor((2n + d) / 2d)` for `d > 0`. See [`fixed`].
//!
//! **Activations** are `i32` with 12 fractional bits (Q12: `v` means `v / 4096`),
//! clamped after every step to `±(2^23 − 1)`. Attention probabilities are Q15.
//!
//! **Scales.** Each int8 row (values in `[-127, 127]`; −128 never occurs) has a scale
//! `(m, k)`: `q` stands for the integer `q · m · 2^-k` of its domain (Q12 for
//! activations, Q15 for probabilities, real numbers for weights). Weights have one
//! scale per output channel, `m ∈ [2^14, 2^16)`, `k ∈ 0..=255`.
//!
//! **Quantizing an activation row** ([`quant::quantize_row`]): `amax = max|x|`; if 0,
//! all `q = 0` and `(m, k) = (2^14, 0)`. Else `L` = bit length of `amax`, `k = 22 − L`,
//! `m = ceil(amax · 2^k / 127)`, `q = div_round(x · 2^k, m)` (for `k < 0`:
//! `m = ceil(amax / (127 · 2^-k))`, `q = div_round(x, m · 2^-k)`).
//!
//! **Products** ([`gemm`]): `acc = Σ a·b` over at most 4096 terms in `i32` (below
//! 2^26: no overflow). A product of rows with scales `a`, `b` and domain fractions
//! `f_a`, `f_b` becomes a Q`f_o` value `shift_round(acc · m_a · m_b, k_a + k_b + f_a +
//! f_b − f_o)` ([`quant::requant`]); the product is below 2^59.
//!
//! **Linear layer** ([`ops::linear`]): `y = clamp(requant(acc, s_x, s_w, 0) + b)`,
//! `b` in Q12.
//!
//! **GELU** ([`nonlinear::gelu`]), I-BERT's erf: `t = min(shift_round(|x| · 46341,
//! 16), 7246)`, `e = shift_round(−18927 · (t − 7246)², 28) + 4096`,
//! `gelu = clamp(shift_round(x · (4096 + sgn(x) · e), 13))`.
//!
//! **Softmax** ([`nonlinear::softmax_row`]): for `x = s − max(s) ≤ 0` (Q12),
//! `z = floor(−x / 2839)`, `p = x + 2839 z ∈ (−ln 2, 0]`, exp(p) in Q16 by Horner on
//! the cubic `[65532, 65362, 31482, 7770]` (`t = c3`, then `t = shift_round(t·p, 12) +
//! c` for c2, c1, c0), `exp = shift_round(t, z)` (0 for `z > 62`);
//! `prob = div_round(exp · 2^15, Σ exp)`.
//!
//! **LayerNorm** ([`nonlinear::layer_norm`]): `μ = div_round(Σx, n)`, `d = x − μ`,
//! `σ² = div_round(Σd², n)`, `σ = max(1, isqrt(σ² · 2^8))` (exact floor square root,
//! Q16), `y = clamp(div_round(d · γ · 16, σ) + β)`.
//!
//! **Attention** ([`ops::attention`]): per head of width `d`, `Q_h` and `K_h` rows are
//! quantized per token; `score = clamp(shift_round(clamp(requant(acc, s_q, s_k, 12)) ·
//! c, 16))` with `c = div_round(2^32, isqrt(d · 2^32))` (1/√d in Q16); probabilities
//! are quantized per row, `V_hᵀ` per feature row, and
//! `ctx = clamp(requant(acc, s_p, s_v, 15))`.
//!
//! **BERT** ([`bert`]): `x_i = LN(dq(word[t_i]) + dq(position[i]) +
//! dq(token_type[0]))` with `dq(q) = shift_round(q · m, k − 12)`; each layer
//! `x = LN(x + O(attn(x)))`, `x = LN(x + W2(gelu(W1 x)))`, every linear input
//! quantized per token; the output is `div_round(Σ_i x_i, n)` per feature (mean
//! pooling over the attended tokens), Q12.
//!
//! **MLP** ([`mlp`]): per layer, quantize the row, linear, then identity,
//! `max(x, 0)` or GELU.
//!
//! **Model file and identity** ([`format`], [`chunk`]): a header (architecture and
//! dimensions) and one chunk per step, each chunk all its step needs; the identity is
//! `blake2_256("hearth-model-v2" ‖ steps: u32 LE ‖ blake2_256(header) ‖
//! h(chunk_0) ‖ …)` with `h` the chunk's `blake2_256`, so one chunk can be checked
//! alone; BERT's embeddings chunk hashes its word table as a Merkle tree of rows, so
//! that a challenge of step 0 carries only its tokens' rows ([`proof`]).
//!
//! **Activations as bytes** ([`activation`]): `rows: u32 LE ‖ cols: u32 LE ‖ values:
//! i32 LE` row-major, every value within ±(2^23 − 1), nothing before or after; a
//! step's trace element is `blake2_256("hearth-trace-v1" ‖ step: u32 LE ‖ those
//! bytes)`.
//!
//! **Steps** ([`mod@step`]): BERT is `s_0` embeddings, `s_1 … s_L` the encoder layers,
//! `s_{L+1}` mean pooling; an MLP is one step per layer. [`step()`] runs one step from
//! the previous activation and that step's weights (its chunk) alone; [`run()`] runs
//! them in order and its [`Output`] carries the trace, one element per step.
//!
//! **Output hash** ([`output::Output::hash`]): blake2-256 of `"hearth-output-v2" ‖
//! job_id ‖ model_id ‖ profile ‖ steps: u32 LE ‖ t_0 ‖ … ‖ t_{steps−1}`. The values
//! enter through the last trace element, which hashes the last activation
//! ([`Output::values_match_trace`]).
//!
//! **Input hash** ([`Input::hash`]): blake2-256 of `"hearth-input-v1" ‖ kind: u8 (1
//! token ids, 2 features) ‖ len: u32 LE ‖ values (u32/i32 LE)`.
//!
//! **Cost** ([`cost`]): each step's int8 multiply-adds and activation values at an
//! input length (a BERT encoder layer: `4·n·h² + 2·n²·h + 2·n·h·f`), and the longest
//! input whose every step fits a budget.
//!
//! ## Fast, and the same bits
//!
//! Integer sums are exact in any order, so the products run on whatever the CPU has
//! ([`gemm::Kernel`], chosen at run time): **AMX** `tdpbssd` tiles (Sapphire Rapids and
//! later, 16,384 multiply-adds an instruction), AVX-512 VNNI, AVX-VNNI, AVX2, or the
//! portable loops (`no_std`, wasm); each is tested against the portable kernel. The
//! worker's CPU backend ([`gemm::PackedCpuGemm`]) packs a model's weights into AMX's
//! tile layout once, at load. On CPUs with AVX-512 each encoder layer runs as a copy
//! compiled for it, its element-wise loops inlined and vectorized: per-lane shifts for
//! requantization, softmax's exponential in 32-bit lanes, and the row divisions of
//! softmax and LayerNorm by [`fixed::RecipDiv`] (the same integers as `div_round`,
//! property-tested). Each layer's output rows are requantized, passed through GELU or
//! the residual and LayerNorm, and quantized for the next product one row at a time
//! ([`ops::LinearRows`]).
#![cfg_attr(not(feature = "std"), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub mod activation;
pub mod bert;
mod bytes;
pub mod chunk;
pub mod cost;
pub mod error;
pub mod fixed;
pub mod format;
pub mod gemm;
#[cfg(all(feature = "std", target_arch = "x86_64"))]
mod gemm_amx;
#[cfg(all(feature = "std", target_arch = "x86_64"))]
mod gemm_avx2;
#[cfg(all(feature = "std", target_arch = "x86_64"))]
mod gemm_vnni;
pub mod mlp;
pub mod model;
pub mod nonlinear;
pub mod ops;
pub mod output;
#[cfg(feature = "std")]
mod pool;
pub mod proof;
pub mod quant;
pub mod run;
pub mod step;

#[cfg(feature = "std")]
pub mod import;

#[cfg(feature = "cuda")]
pub mod cuda;

pub use chunk::{decode_chunk, encode_chunk, Chunk};
pub use error::{InferError, LoadError};
pub use format::{decode, encode, model_id, PROFILE_DET_INT8};
pub use gemm::{CpuGemm, Int8Gemm, PackedCpuGemm};
pub use model::{Architecture, Model};
pub use output::Output;
pub use run::{run, Input};
pub use step::{run_with, step, Step, StepInput};

#[cfg(feature = "std")]
pub use run::run_batch;

/// The profile's name, as the worker prints it.
pub const PROFILE_NAME: &str = "det-int8";
