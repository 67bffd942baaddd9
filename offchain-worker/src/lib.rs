//! A subnet validator's scoring, as it runs inside the node's off-chain worker: probe
//! the subnet's miners, check every receipt and re-run every input, keep an EMA score
//! per miner, turn scores into weights, and pick the wrong receipts to challenge.
//!
//! This crate is the logic alone, `no_std`, with what touches the world behind small
//! traits and plain arguments (the HTTP answer, a [`probe::Verifier`] that re-runs
//! inputs, a [`nonce::Cell`] of off-chain storage), so that all of it is tested without
//! a node; the runtime's hook supplies the chain reads, the keystore, HTTP and storage.
//!
//! | module | what |
//! |---|---|
//! | [`plan`] | which miners are probed in which block of a tempo (bounded work per block) |
//! | [`probe`] | probe inputs nobody can precompute, the signed call, judging the answer |
//! | [`score`] | samples per tempo (availability, latency), the EMA, penalties, replaced uids |
//! | [`weights`] | scores to a weights vector; set, or commit then reveal, within the rate limit |
//! | [`nonce`] | transaction nonces that overlapping runs never share |
//! | [`ledger`] | every decision, bounded, for the operator |
//! | [`ss58`] | the SS58 address a probe names its validator by |

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod ledger;
pub mod nonce;
pub mod plan;
pub mod probe;
pub mod score;
pub mod ss58;
pub mod weights;
