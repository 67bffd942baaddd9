//! What other pallets ask of staking: how much stake a hotkey has, crediting rewards,
//! slashing (implemented by the staking pallet), and whether a hotkey has a slash
//! pending so that stake cannot dodge it (implemented by the slashing pallet).

use frame_support::{traits::tokens::fungible, weights::Weight};
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

/// Told when a hotkey's stake goes down (unbonded, moved away or slashed), so that a
/// share of the reward computed from an earlier, larger stake is lowered at once:
/// stake that left a hotkey never keeps counting where it was while it counts where it
/// went (subnets' split of the block reward).
pub trait StakeLowered<AccountId, Balance> {
	/// `hotkey`'s pool went from `before` to `after` (`after < before`).
	fn stake_lowered(hotkey: &AccountId, before: Balance, after: Balance);
	/// The most [`Self::stake_lowered`] costs, charged by the calls that lower stake.
	fn weight() -> Weight;
}

impl<AccountId, Balance> StakeLowered<AccountId, Balance> for () {
	fn stake_lowered(_: &AccountId, _: Balance, _: Balance) {}
	fn weight() -> Weight {
		Weight::zero()
	}
}

/// Whether a pallet still counts on a hotkey (a uid on a subnet; a lease, offer or bid
/// of a provider): staking does not let its owner forget such a hotkey.
pub trait HotkeyInUse<AccountId> {
	/// `true` while the hotkey must keep its owner.
	fn in_use(hotkey: &AccountId) -> bool;
}

impl<AccountId> HotkeyInUse<AccountId> for () {
	fn in_use(_: &AccountId) -> bool {
		false
	}
}

/// Either pallet counts on it.
impl<AccountId, A: HotkeyInUse<AccountId>, B: HotkeyInUse<AccountId>> HotkeyInUse<AccountId> for (A, B) {
	fn in_use(hotkey: &AccountId) -> bool {
		A::in_use(hotkey) || B::in_use(hotkey)
	}
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
