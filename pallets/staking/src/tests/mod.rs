//! The staking pallet's tests, one module per topic; the helpers below serve them all.

use crate::{mock::*, Error, Event, Pools, Shares, Take, UnbondingPools};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, Mutate},
};
use hearth_primitives::{StakeInspect, StakeReward, StakeSlash};
use sp_runtime::{testing::TestSignature, Perbill, TokenError};

/// Mints `amount` and credits it to `hotkey` as a reward (what emissions does).
fn reward(hotkey: &AccountId, amount: Balance) -> Result<Balance, sp_runtime::DispatchError> {
	use frame_support::traits::fungible::Balanced;
	Staking::credit_reward(hotkey, Balances::issue(amount)).map_err(|(_, e)| e)
}

/// `who` stakes `amount` on `hotkey`, claiming it first if nobody has.
fn stake(who: AccountId, hotkey: AccountId, amount: Balance) {
	if crate::Owner::<Test>::get(hotkey).is_none() {
		assert_ok!(Staking::register_hotkey(RuntimeOrigin::signed(who), hotkey, proof(who, hotkey)));
	}
	assert_ok!(Staking::add_stake(RuntimeOrigin::signed(who), hotkey, amount));
}

mod hotkeys;
mod properties;
mod rewards;
mod slashes;
mod stake;
mod views;
