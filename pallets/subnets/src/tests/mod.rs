//! The subnets pallet's tests, one module per topic; the helpers below serve them all.

use crate::{mock::*, pallet::*, types::*};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use hearth_primitives::StakeInspect;
use sp_runtime::DispatchError;
use sp_runtime::Perbill;

/// Alice's hotkeys are 100 + i, Bob's 200 + i.
fn hotkey(owner: AccountId, i: u64) -> AccountId {
	owner * 100 + i
}

/// `owner` registers hotkey `i` with staking, staking `stake` on it.
fn staked_hotkey(owner: AccountId, i: u64, stake: Balance) -> AccountId {
	let h = hotkey(owner, i);
	claim(owner, h);
	assert_ok!(Staking::add_stake(RuntimeOrigin::signed(owner), h, stake));
	h
}

/// OWNER creates a subnet; returns its netuid.
fn new_subnet() -> NetUid {
	assert_ok!(Subnets::create_subnet(RuntimeOrigin::signed(OWNER), Balance::MAX));
	SubnetEntries::<Test>::get().last().unwrap().netuid
}

fn register(netuid: NetUid, owner: AccountId, i: u64, stake: Balance) -> AccountId {
	let h = staked_hotkey(owner, i, stake);
	assert_ok!(Subnets::register(RuntimeOrigin::signed(owner), netuid, h, Balance::MAX));
	h
}

fn uids(v: &[u16]) -> UidVec<u16> {
	BoundedVec::truncate_from(v.to_vec())
}

/// The block of `netuid`'s next epoch.
fn next_epoch(netuid: NetUid) -> u64 {
	Subnets::next_epoch_at(netuid, Subnets::subnets(netuid).params.tempo, System::block_number())
}

impl Subnets {
	fn subnets(netuid: NetUid) -> SubnetOf<Test> {
		SubnetInfos::<Test>::get(netuid).expect("subnet exists")
	}
}

mod epochs;
mod hyperparameters;
mod neurons;
/// A subnet with validators (Alice's hotkeys 0 and 1, large stake) and miners (Bob's
/// hotkeys 0..3, small stake), after one epoch gave everyone a permit.
fn subnet_with_permits() -> (NetUid, Vec<AccountId>, Vec<AccountId>) {
	let netuid = new_subnet();
	let validators = vec![register(netuid, ALICE, 0, 300_000), register(netuid, ALICE, 1, 100_000)];
	let miners = (0..3).map(|i| register(netuid, BOB, i, 1_000)).collect();
	run_to(next_epoch(netuid));
	assert!(Metagraph::<Test>::get(netuid).iter().all(|s| s.validator_permit));
	(netuid, validators, miners)
}

mod shares;
mod subnets;
mod weights;
