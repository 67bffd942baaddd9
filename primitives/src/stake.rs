//! What other pallets ask of staking: how much stake a hotkey has, crediting rewards,
//! slashing (implemented by the staking pallet), and whether a hotkey has a slash
//! pending so that stake cannot dodge it (implemented by the slashing pallet).

use frame_support::traits::tokens::fungible;
use sp_runtime::{DispatchError, Perbill};

/// Read access to stake.
pub trait StakeInspect<AccountId, Balance> {
	/// A hotkey's total stake: the value of its pool (what consensus weighs).
	fn hotkey_stake(hotkey: &AccountId) -> Balance;
	/// The coldkey owning a hotkey, if it is registered.
	fn owner_of(hotkey: &AccountId) -> Option<AccountId>;
}

/// Crediting rewards (funds already minted by the caller) to a hotkey.
pub trait StakeReward<AccountId, Currency: fungible::Balanced<AccountId>> {
	/// Moves `reward` into staking: the owner's take becomes the owner's stake on the
	/// hotkey, the rest raises the pool's value. Returns the amount credited, or the
	/// reward back with the reason when the hotkey cannot take it (so no funds vanish).
	fn credit_reward(
		hotkey: &AccountId,
		reward: fungible::Credit<AccountId, Currency>,
	) -> Result<Currency::Balance, (fungible::Credit<AccountId, Currency>, DispatchError)>;
}

/// Taking a fraction of a hotkey's stake.
pub trait StakeSlash<AccountId, Currency: fungible::Balanced<AccountId>> {
	/// Takes `fraction` of the hotkey's pool and of its unbonding pool, and hands the
	/// funds over as a credit (to pay a reporter and burn the rest).
	fn slash(hotkey: &AccountId, fraction: Perbill) -> Result<fungible::Credit<AccountId, Currency>, DispatchError>;
	/// What a slash of 100 % would take: the hotkey's pool plus its unbonding pool.
	fn slashable(hotkey: &AccountId) -> Currency::Balance;
}

/// Whether a hotkey has an open offence: one committed and not yet settled (a slash
/// pending in slashing, a lease in default whose report has not come yet).
pub trait PendingSlash<AccountId> {
	/// `true` while no stake may leave the hotkey (moved, unbonded or withdrawn).
	fn is_pending(hotkey: &AccountId) -> bool;
}

impl<AccountId> PendingSlash<AccountId> for () {
	fn is_pending(_: &AccountId) -> bool {
		false
	}
}

/// Either source says an offence is open (slashing's pending slashes, and the offences
/// another pallet sees before they are reported).
impl<AccountId, A: PendingSlash<AccountId>, B: PendingSlash<AccountId>> PendingSlash<AccountId> for (A, B) {
	fn is_pending(hotkey: &AccountId) -> bool {
		A::is_pending(hotkey) || B::is_pending(hotkey)
	}
}
