//! The emissions pallet's tests, one module per topic; the helpers below serve them all.

use crate::{mock::*, Burned, DemandBlend, Emitted, Event, PendingEmission, SCHEDULE};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Balanced, Inspect},
		tokens::{Fortitude, Precision, Preservation},
		Imbalance, OnUnbalanced,
	},
};
use hearth_primitives::units::HTH;
use hearth_primitives::EmissionPot;
use sp_runtime::{DispatchError, Perbill};

const REWARD: u128 = HTH / 2;

mod pot;
mod schedule;
mod split;
