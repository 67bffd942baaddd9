//! Stake for wallets and explorers: a coldkey's positions, a hotkey's delegators.

use crate::types::Pool;
use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use sp_runtime::Perbill;

/// Stake a coldkey holds on one hotkey.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct StakePosition<AccountId> {
	/// The hotkey staked on.
	pub hotkey: AccountId,
	/// Shares of the hotkey's pool.
	pub shares: u128,
	/// What the shares are worth now, in 10⁻¹² HTH.
	pub value: u128,
}

/// Stake on its way out, with what it is worth now.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct UnbondingPosition<AccountId, BlockNumber> {
	/// The hotkey the stake was on.
	pub hotkey: AccountId,
	/// Shares of that hotkey's unbonding pool (slashes still reach them).
	pub shares: u128,
	/// What the shares are worth now, in 10⁻¹² HTH.
	pub value: u128,
	/// The first block it can be withdrawn.
	pub unlock_at: BlockNumber,
}

/// Everything a coldkey has staked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct StakeInfo<AccountId, BlockNumber> {
	/// Its positions, one per hotkey, largest first.
	pub positions: Vec<StakePosition<AccountId>>,
	/// Its unbonding chunks, in the order they were started.
	pub unbonding: Vec<UnbondingPosition<AccountId, BlockNumber>>,
	/// The sum of the positions' values, in 10⁻¹² HTH.
	pub staked: u128,
	/// The sum of the unbonding chunks' values, in 10⁻¹² HTH.
	pub unbonding_total: u128,
	/// What `withdraw_unbonded` would pay now, in 10⁻¹² HTH.
	pub withdrawable: u128,
	/// The hotkeys it owns.
	pub hotkeys: Vec<AccountId>,
}

/// One coldkey's stake on a hotkey.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct Delegator<AccountId> {
	/// The staking coldkey.
	pub coldkey: AccountId,
	/// Its shares of the hotkey's pool.
	pub shares: u128,
	/// What they are worth now, in 10⁻¹² HTH.
	pub value: u128,
}

/// A hotkey as delegators see it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct HotkeyInfo<AccountId, BlockNumber> {
	/// The coldkey that claimed it.
	pub owner: AccountId,
	/// Its take on rewards before they reach the pool.
	pub take: Perbill,
	/// The block it last raised its take, if ever (raises are rate limited).
	pub last_take_increase: Option<BlockNumber>,
	/// Its stake pool: value (10⁻¹² HTH) and shares outstanding.
	pub pool: Pool<u128>,
	/// Its unbonding pool: stake leaving it, still slashable.
	pub unbonding_pool: Pool<u128>,
	/// Its delegators, the owner included, largest first.
	pub delegators: Vec<Delegator<AccountId>>,
	/// The deposit held from the owner for the claim, in 10⁻¹² HTH.
	pub deposit: u128,
}

sp_api::decl_runtime_apis! {
	/// Stake positions and delegations.
	pub trait StakingApi<AccountId, BlockNumber> where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A coldkey's stake: positions, unbonding chunks, totals, owned hotkeys.
		fn stake_info(coldkey: AccountId) -> StakeInfo<AccountId, BlockNumber>;
		/// A claimed hotkey with its take, pools and delegators; `None` if unclaimed.
		fn hotkey_info(hotkey: AccountId) -> Option<HotkeyInfo<AccountId, BlockNumber>>;
	}
}
