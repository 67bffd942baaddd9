//! `hearth-worker`: Hearth's GPU worker, as a library the binary, the tests and the
//! benches share. It imports models into the det-int8 format, runs inference, re-runs
//! single steps for challengers, and holds the miner's parts: configuration
//! ([`config`]), hotkey ([`keys`]), journal ([`journal`]), tokenizer ([`tokenizer`])
//! and the signed answers it serves over HTTP ([`serve`]); for validators, the
//! re-runs their node's off-chain worker asks for ([`verifier`]); for tenants, the
//! `hearth` tool ([`tenant`]).

pub mod args;
pub mod backend;
pub mod chain;
pub mod commands;
pub mod config;
pub mod journal;
pub mod keys;
pub mod miner;
pub mod run;
pub mod serve;
pub mod tenant;
pub mod tokenizer;
pub mod verifier;
pub mod verify;
