//! # Yuma consensus
//!
//! The incentive mechanism of a Hearth subnet, as a pure function: given stakes,
//! validator permits, weights and bonds, one epoch computes consensus, incentive,
//! dividends, validator trust, new permits and bonds, and splits an emission amount
//! between miners and validators. Both variants: the original Yuma (bond EMA) and
//! Yuma3 (proportional bonds, optional liquid alpha).
//!
//! The arithmetic is exactly that of `shared/design/yuma.md` ([`fixed`]), so results
//! match subtensor's for the same inputs. Everything is sparse: an epoch costs
//! O(n + non-zero weights + non-zero bonds + validators × weighted columns), never n².
//!
//! `no_std` with `alloc`, no FRAME: the subnets pallet calls [`run_epoch`], and the
//! `yuma-sim` binary (feature `sim`) runs scenarios offline.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod bonds;
pub mod clip;
pub mod csr;
pub mod divide;
pub mod epoch;
pub mod fixed;
pub mod median;
pub mod sparse;
pub mod types;
pub mod weights;

#[cfg(feature = "sim")]
pub mod sim;

#[cfg(any(test, feature = "std"))]
pub mod reference;

pub use epoch::{run_epoch, stake_shares, top_k_permits};
pub use fixed::I32F32;
pub use sparse::max_upscale_u16;
pub use types::{EpochError, EpochInput, EpochOutput, Hyperparams, Neuron, U16Row, Variant};
