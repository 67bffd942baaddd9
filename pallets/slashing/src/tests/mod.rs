//! The slashing pallet's tests, one module per topic; the helpers below serve them all.

use crate::{mock::*, Error, Event, OffenceKind, Pending, PendingOf, Scheduled};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};
use hearth_primitives::{PendingSlash, ReportOffence, StakeInspect};
use sp_runtime::{DispatchError, Perbill};

const JOB: [u8; 32] = [7; 32];
const LEASE: [u8; 32] = [9; 32];

fn staked() {
	claim(ALICE, HOT_A);
	assert_ok!(Staking::add_stake(RuntimeOrigin::signed(ALICE), HOT_A, 10_000));
	assert_ok!(Staking::add_stake(RuntimeOrigin::signed(BOB), HOT_A, 10_000));
}

mod application;
mod attacks;
mod reports;
mod views;
