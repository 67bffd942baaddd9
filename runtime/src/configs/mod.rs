//! The configuration of every pallet in the runtime, grouped by concern.

pub(crate) mod accounts;
mod consensus;
mod jobs;
mod market;
mod scoring;
mod stake;
mod subnets;
mod system;

pub use accounts::ProxyType;
pub use system::{RuntimeBlockLength, RuntimeBlockWeights, MAXIMUM_BLOCK_WEIGHT};
