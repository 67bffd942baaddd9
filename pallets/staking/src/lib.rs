//! # Hearth staking
//!
//! A coldkey (which holds funds) stakes to a hotkey (the operational identity of a miner
//! or validator): its own, or a delegate's. The stake on a hotkey is a **share pool**
//! ([`types::Pool`]): rewards raise the pool's value and slashes lower it in O(1),
//! however many coldkeys hold shares. The hotkey's owner takes a commission (take) on
//! rewards, credited as the owner's own stake in the pool.
//!
//! Removing stake does not pay out at once: the amount moves to the hotkey's
//! **unbonding pool**, still slashable, and can be withdrawn once the unbonding period
//! (from the genesis preset, through the runtime) has passed. Stake may move between a coldkey's own hotkeys unless a
//! slash is pending on the source.
//!
//! ## Funds
//! All staked and unbonding funds sit in the pallet's account, which also keeps one
//! existential deposit minted at genesis so that it never dies. Invariant (checked in
//! `try_state`): the account's balance equals that deposit plus the value of every pool
//! plus the value of every unbonding pool. Rounding always favours the pool: it never
//! creates value; the last share holder to leave takes the remaining dust.
//!
//! ## For other pallets
//! The pallet implements [`StakeInspect`], [`StakeReward`] and [`StakeSlash`] of
//! `hearth-primitives`, and asks [`PendingSlash`] (the slashing pallet) before stake
//! leaves a hotkey.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use hearth_primitives::{PendingSlash, StakeInspect, StakeReward, StakeSlash};
pub use types::{Pool, UnbondingChunk};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Balanced, Credit, Inspect, Mutate},
			tokens::{Fortitude, Precision, Preservation},
			Imbalance,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{AccountIdConversion, Saturating, Zero},
		Perbill,
	};

	/// Balance of the staked currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A coldkey's unbonding chunks.
	pub type ChunksOf<T> = BoundedVec<
		UnbondingChunk<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>,
		<T as Config>::MaxUnbondingChunks,
	>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The staked currency.
		type Currency: Mutate<Self::AccountId, Balance = u128> + Balanced<Self::AccountId>;
		/// The pallet's account, derived from this id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// The least stake a coldkey may hold on a hotkey (no dust positions).
		#[pallet::constant]
		type MinStake: Get<BalanceOf<Self>>;
		/// The most unbonding chunks a coldkey may have at once.
		#[pallet::constant]
		type MaxUnbondingChunks: Get<u32>;
		/// The most hotkeys a coldkey may own.
		#[pallet::constant]
		type MaxHotkeysPerColdkey: Get<u32>;
		/// The highest take a hotkey may set.
		#[pallet::constant]
		type MaxTake: Get<Perbill>;
		/// The take of a newly registered hotkey.
		#[pallet::constant]
		type DefaultTake: Get<Perbill>;
		/// Blocks that must pass between two increases of a hotkey's take.
		#[pallet::constant]
		type TakeIncreaseDelay: Get<BlockNumberFor<Self>>;
		/// Blocks between removing stake and being able to withdraw it; longer than the
		/// slash deferral window, so that unbonding stake cannot escape a reported
		/// offence (the runtime reads both from the genesis preset's chain parameters).
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;
		/// Whether a hotkey has a slash pending (stake may not move off it).
		type PendingSlash: PendingSlash<Self::AccountId>;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// The coldkey owning each registered hotkey.
	#[pallet::storage]
	pub type Owner<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId>;

	/// The hotkeys each coldkey owns.
	#[pallet::storage]
	pub type OwnedHotkeys<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BoundedVec<T::AccountId, T::MaxHotkeysPerColdkey>, ValueQuery>;

	/// Each hotkey's take on rewards.
	#[pallet::storage]
	pub type Take<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Perbill, ValueQuery>;

	/// The block of each hotkey's last take increase.
	#[pallet::storage]
	pub type LastTakeIncrease<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BlockNumberFor<T>, OptionQuery>;

	/// Each hotkey's stake pool.
	#[pallet::storage]
	pub type Pools<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Pool<BalanceOf<T>>, ValueQuery>;

	/// Shares of a hotkey's pool held by a coldkey: `(hotkey, coldkey) -> shares`.
	#[pallet::storage]
	pub type Shares<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Blake2_128Concat, T::AccountId, u128, ValueQuery>;

	/// Each hotkey's unbonding pool: stake on its way out, still slashable.
	#[pallet::storage]
	pub type UnbondingPools<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Pool<BalanceOf<T>>, ValueQuery>;

	/// Each coldkey's unbonding chunks.
	#[pallet::storage]
	pub type Unbonding<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, ChunksOf<T>, ValueQuery>;

	/// Genesis: endows the pallet account with the existential deposit.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// The pallet account keeps one existential deposit so that it never dies.
			let ed = T::Currency::minimum_balance();
			if let Err(e) = T::Currency::mint_into(&Pallet::<T>::account_id(), ed) {
				panic!("staking: cannot endow the pallet account with the existential deposit: {e:?}");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `coldkey` now owns `hotkey`.
		HotkeyRegistered { coldkey: T::AccountId, hotkey: T::AccountId },
		/// `coldkey` staked `amount` on `hotkey` for `shares` shares.
		StakeAdded { coldkey: T::AccountId, hotkey: T::AccountId, amount: BalanceOf<T>, shares: u128 },
		/// `coldkey` removed `amount` from `hotkey`; it can be withdrawn from `unlock_at`.
		Unbonded { coldkey: T::AccountId, hotkey: T::AccountId, amount: BalanceOf<T>, unlock_at: BlockNumberFor<T> },
		/// `coldkey` withdrew `amount` of unbonded stake.
		Withdrawn { coldkey: T::AccountId, amount: BalanceOf<T> },
		/// `coldkey` moved `amount` of stake from hotkey `from` to hotkey `to`.
		StakeMoved { coldkey: T::AccountId, from: T::AccountId, to: T::AccountId, amount: BalanceOf<T> },
		/// `hotkey`'s take is now `take`.
		TakeSet { hotkey: T::AccountId, take: Perbill },
		/// A reward of `take + to_pool` was credited to `hotkey`: `take` as its owner's
		/// stake, `to_pool` raising the pool's value.
		RewardCredited { hotkey: T::AccountId, take: BalanceOf<T>, to_pool: BalanceOf<T> },
		/// `hotkey` was slashed by `from_pool` (staked) and `from_unbonding` (unbonding).
		Slashed { hotkey: T::AccountId, from_pool: BalanceOf<T>, from_unbonding: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The hotkey belongs to another coldkey.
		HotkeyOwnedByAnother,
		/// The caller already owns this hotkey.
		HotkeyAlreadyRegistered,
		/// Only the hotkey's owner may do this.
		NotHotkeyOwner,
		/// The hotkey is not registered.
		UnknownHotkey,
		/// The coldkey already owns `MaxHotkeysPerColdkey` hotkeys.
		TooManyHotkeys,
		/// The amount is zero.
		ZeroAmount,
		/// The stake left on the hotkey would be below `MinStake` (remove all of it or
		/// keep at least the minimum).
		BelowMinimumStake,
		/// The coldkey does not have that much stake on the hotkey.
		NotEnoughStake,
		/// The coldkey already has `MaxUnbondingChunks` unbonding chunks: withdraw first.
		TooManyUnbondingChunks,
		/// No unbonding chunk has reached its unlock block.
		NothingToWithdraw,
		/// The take is above `MaxTake`.
		TakeTooHigh,
		/// The take was raised less than `TakeIncreaseDelay` blocks ago.
		TakeIncreaseTooSoon,
		/// A slash is pending on the hotkey: its stake can only leave by unbonding.
		SlashPending,
		/// The source and destination hotkeys are the same.
		SameHotkey,
		/// The hotkey's pool was slashed to nothing while shares remain: it takes no new
		/// stake until its holders leave.
		PoolDepleted,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(
				T::MinStake::get() >= T::Currency::minimum_balance(),
				"MinStake must be at least the existential deposit"
			);
			assert!(T::DefaultTake::get() <= T::MaxTake::get(), "DefaultTake must not exceed MaxTake");
			assert!(T::MaxUnbondingChunks::get() > 0, "MaxUnbondingChunks must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers `hotkey` as the caller's (the coldkey's). A hotkey is also registered
		/// to the first coldkey that stakes to it.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_hotkey())]
		pub fn register_hotkey(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			match Owner::<T>::get(&hotkey) {
				Some(owner) if owner == coldkey => Err(Error::<T>::HotkeyAlreadyRegistered.into()),
				Some(_) => Err(Error::<T>::HotkeyOwnedByAnother.into()),
				None => Self::do_register(&coldkey, &hotkey),
			}
		}

		/// Stakes `amount` of the caller's free balance on `hotkey`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_stake())]
		pub fn add_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			if !Owner::<T>::contains_key(&hotkey) {
				Self::do_register(&coldkey, &hotkey)?;
			}
			T::Currency::transfer(&coldkey, &Self::account_id(), amount, Preservation::Preserve)?;
			let shares = Self::buy_shares(&hotkey, &coldkey, amount)?;
			Self::deposit_event(Event::StakeAdded { coldkey, hotkey, amount, shares });
			Ok(())
		}

		/// Removes `amount` of the caller's stake from `hotkey` into unbonding; it can be
		/// withdrawn after the unbonding period and stays slashable until then.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_stake())]
		pub fn remove_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let amount = Self::sell_shares(&hotkey, &coldkey, amount)?;
			let mut unbonding = UnbondingPools::<T>::get(&hotkey);
			let shares = unbonding.shares_for(amount)?;
			unbonding.deposit(amount, shares)?;
			let unlock_at = frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
			Unbonding::<T>::try_mutate(&coldkey, |chunks| -> DispatchResult {
				match chunks.iter_mut().find(|c| c.hotkey == hotkey && c.unlock_at == unlock_at) {
					Some(chunk) => chunk.shares = chunk.shares.saturating_add(shares),
					None => chunks
						.try_push(UnbondingChunk { hotkey: hotkey.clone(), shares, unlock_at })
						.map_err(|_| Error::<T>::TooManyUnbondingChunks)?,
				}
				Ok(())
			})?;
			UnbondingPools::<T>::insert(&hotkey, unbonding);
			Self::deposit_event(Event::Unbonded { coldkey, hotkey, amount, unlock_at });
			Ok(())
		}

		/// Pays out every unbonding chunk of the caller whose unlock block has come.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded(T::MaxUnbondingChunks::get()))]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			let chunks = Unbonding::<T>::get(&coldkey);
			let before = chunks.len() as u32;
			let (matured, pending): (alloc::vec::Vec<_>, alloc::vec::Vec<_>) =
				chunks.into_inner().into_iter().partition(|chunk| chunk.unlock_at <= now);
			ensure!(!matured.is_empty(), Error::<T>::NothingToWithdraw);
			let mut total: BalanceOf<T> = 0;
			for chunk in matured {
				let mut pool = UnbondingPools::<T>::get(&chunk.hotkey);
				total = total.saturating_add(pool.redeem(chunk.shares)?);
				Self::store_pool(&chunk.hotkey, pool, true);
			}
			if !total.is_zero() {
				T::Currency::transfer(&Self::account_id(), &coldkey, total, Preservation::Preserve)?;
			}
			if pending.is_empty() {
				Unbonding::<T>::remove(&coldkey);
			} else {
				Unbonding::<T>::insert(&coldkey, ChunksOf::<T>::truncate_from(pending));
			}
			Self::deposit_event(Event::Withdrawn { coldkey, amount: total });
			Ok(Some(T::WeightInfo::withdraw_unbonded(before)).into())
		}

		/// Sets the take of the caller's `hotkey`. Lowering is always allowed; raising at
		/// most once per `TakeIncreaseDelay` blocks.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_take())]
		pub fn set_take(origin: OriginFor<T>, hotkey: T::AccountId, take: Perbill) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::ensure_owner(&coldkey, &hotkey)?;
			ensure!(take <= T::MaxTake::get(), Error::<T>::TakeTooHigh);
			if take > Take::<T>::get(&hotkey) {
				let now = frame_system::Pallet::<T>::block_number();
				if let Some(last) = LastTakeIncrease::<T>::get(&hotkey) {
					ensure!(now >= last.saturating_add(T::TakeIncreaseDelay::get()), Error::<T>::TakeIncreaseTooSoon);
				}
				LastTakeIncrease::<T>::insert(&hotkey, now);
			}
			Take::<T>::insert(&hotkey, take);
			Self::deposit_event(Event::TakeSet { hotkey, take });
			Ok(())
		}

		/// Moves `amount` of the caller's stake from one of its own hotkeys to another,
		/// without unbonding. Refused while a slash is pending on `from`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::move_stake())]
		pub fn move_stake(
			origin: OriginFor<T>,
			from: T::AccountId,
			to: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			ensure!(from != to, Error::<T>::SameHotkey);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			Self::ensure_owner(&coldkey, &from)?;
			Self::ensure_owner(&coldkey, &to)?;
			ensure!(!T::PendingSlash::is_pending(&from), Error::<T>::SlashPending);
			let amount = Self::sell_shares(&from, &coldkey, amount)?;
			Self::buy_shares(&to, &coldkey, amount)?;
			Self::deposit_event(Event::StakeMoved { coldkey, from, to, amount });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The account holding all staked and unbonding funds.
		pub fn account_id() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}

		/// The value of `coldkey`'s shares on `hotkey`.
		pub fn stake_of(hotkey: &T::AccountId, coldkey: &T::AccountId) -> BalanceOf<T> {
			Pools::<T>::get(hotkey).value_of(Shares::<T>::get(hotkey, coldkey)).unwrap_or_default()
		}

		/// What `coldkey`'s unbonding chunks are worth now, and how much of it is unlocked.
		pub fn unbonding_of(coldkey: &T::AccountId) -> (BalanceOf<T>, BalanceOf<T>) {
			let now = frame_system::Pallet::<T>::block_number();
			Unbonding::<T>::get(coldkey).iter().fold((0, 0), |(all, free), chunk| {
				let v = UnbondingPools::<T>::get(&chunk.hotkey).value_of(chunk.shares).unwrap_or_default();
				(all.saturating_add(v), if chunk.unlock_at <= now { free.saturating_add(v) } else { free })
			})
		}

		fn ensure_owner(coldkey: &T::AccountId, hotkey: &T::AccountId) -> DispatchResult {
			match Owner::<T>::get(hotkey) {
				Some(owner) if owner == *coldkey => Ok(()),
				Some(_) => Err(Error::<T>::NotHotkeyOwner.into()),
				None => Err(Error::<T>::UnknownHotkey.into()),
			}
		}

		fn do_register(coldkey: &T::AccountId, hotkey: &T::AccountId) -> DispatchResult {
			OwnedHotkeys::<T>::try_mutate(coldkey, |owned| owned.try_push(hotkey.clone()))
				.map_err(|_| Error::<T>::TooManyHotkeys)?;
			Owner::<T>::insert(hotkey, coldkey);
			Take::<T>::insert(hotkey, T::DefaultTake::get());
			Self::deposit_event(Event::HotkeyRegistered { coldkey: coldkey.clone(), hotkey: hotkey.clone() });
			Ok(())
		}

		/// Puts `amount` (already in the pallet account) into `hotkey`'s pool for
		/// `coldkey`; the resulting position must be at least `MinStake`.
		fn buy_shares(
			hotkey: &T::AccountId,
			coldkey: &T::AccountId,
			amount: BalanceOf<T>,
		) -> Result<u128, DispatchError> {
			let mut pool = Pools::<T>::get(hotkey);
			let shares = pool.shares_for(amount).map_err(|_| Error::<T>::PoolDepleted)?;
			pool.deposit(amount, shares)?;
			let held =
				Shares::<T>::get(hotkey, coldkey).checked_add(shares).ok_or(sp_runtime::ArithmeticError::Overflow)?;
			ensure!(pool.value_of(held)? >= T::MinStake::get(), Error::<T>::BelowMinimumStake);
			Shares::<T>::insert(hotkey, coldkey, held);
			Pools::<T>::insert(hotkey, pool);
			Ok(shares)
		}

		/// Takes exactly `amount` of `coldkey`'s stake out of `hotkey`'s pool (the funds
		/// stay in the pallet account). What remains must be zero or at least `MinStake`;
		/// shares left worth nothing are given up to the pool.
		/// Burns the caller's shares worth `amount` (rounded in the pool's favour).
		/// Returns what actually left the pool: `amount`, plus the pool's remaining dust
		/// when these were its last shares (the last holder to leave takes it).
		fn sell_shares(
			hotkey: &T::AccountId,
			coldkey: &T::AccountId,
			amount: BalanceOf<T>,
		) -> Result<BalanceOf<T>, DispatchError> {
			let mut pool = Pools::<T>::get(hotkey);
			let held = Shares::<T>::get(hotkey, coldkey);
			ensure!(pool.value_of(held)? >= amount, Error::<T>::NotEnoughStake);
			let burn = pool.shares_to_take(amount)?.min(held);
			pool.take(amount, burn)?;
			let mut left = held.saturating_sub(burn);
			let left_value = pool.value_of(left)?;
			if left_value.is_zero() {
				// Worthless leftovers go back to the pool's other holders.
				pool.shares = pool.shares.saturating_sub(left);
				left = 0;
			} else {
				ensure!(left_value >= T::MinStake::get(), Error::<T>::BelowMinimumStake);
			}
			let mut sold = amount;
			if pool.shares == 0 && !pool.value.is_zero() {
				sold = sold.saturating_add(pool.value);
				pool.value = Zero::zero();
			}
			if left == 0 {
				Shares::<T>::remove(hotkey, coldkey);
			} else {
				Shares::<T>::insert(hotkey, coldkey, left);
			}
			Self::store_pool(hotkey, pool, false);
			Ok(sold)
		}

		/// Writes a pool, removing it when empty.
		fn store_pool(hotkey: &T::AccountId, pool: Pool<BalanceOf<T>>, unbonding: bool) {
			let empty = pool.shares == 0 && pool.value.is_zero();
			match (unbonding, empty) {
				(false, true) => Pools::<T>::remove(hotkey),
				(false, false) => Pools::<T>::insert(hotkey, pool),
				(true, true) => UnbondingPools::<T>::remove(hotkey),
				(true, false) => UnbondingPools::<T>::insert(hotkey, pool),
			}
		}

		/// Invariants: funds match pools; shares match holdings; ownership is consistent.
		#[cfg(any(feature = "try-runtime", feature = "std"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			let mut in_pools: u128 = 0;
			for (hotkey, pool) in Pools::<T>::iter() {
				in_pools = in_pools.saturating_add(pool.value);
				let held: u128 = Shares::<T>::iter_prefix(&hotkey).map(|(_, s)| s).sum();
				ensure!(held == pool.shares, "a pool's shares differ from its holders' shares");
				ensure!(pool.shares > 0 || pool.value == 0, "a pool holds value without shares");
			}
			let mut unbonding_shares: BTreeMap<T::AccountId, u128> = BTreeMap::new();
			for (_, chunks) in Unbonding::<T>::iter() {
				for chunk in chunks {
					*unbonding_shares.entry(chunk.hotkey).or_default() += chunk.shares;
				}
			}
			let mut in_unbonding: u128 = 0;
			for (hotkey, pool) in UnbondingPools::<T>::iter() {
				in_unbonding = in_unbonding.saturating_add(pool.value);
				ensure!(
					unbonding_shares.remove(&hotkey).unwrap_or_default() == pool.shares,
					"an unbonding pool's shares differ from its chunks"
				);
			}
			ensure!(unbonding_shares.values().all(|s| *s == 0), "chunks point at a missing unbonding pool");
			let held = T::Currency::balance(&Self::account_id());
			let expected = T::Currency::minimum_balance().saturating_add(in_pools).saturating_add(in_unbonding);
			ensure!(held == expected, "the pallet account differs from deposit + pools + unbonding");
			for (hotkey, owner) in Owner::<T>::iter() {
				ensure!(OwnedHotkeys::<T>::get(&owner).contains(&hotkey), "an owner does not list its hotkey");
			}
			Ok(())
		}
	}

	impl<T: Config> StakeInspect<T::AccountId, BalanceOf<T>> for Pallet<T> {
		fn hotkey_stake(hotkey: &T::AccountId) -> BalanceOf<T> {
			Pools::<T>::get(hotkey).value
		}

		fn owner_of(hotkey: &T::AccountId) -> Option<T::AccountId> {
			Owner::<T>::get(hotkey)
		}
	}

	impl<T: Config> StakeReward<T::AccountId, T::Currency> for Pallet<T> {
		fn credit_reward(
			hotkey: &T::AccountId,
			reward: Credit<T::AccountId, T::Currency>,
		) -> Result<BalanceOf<T>, (Credit<T::AccountId, T::Currency>, DispatchError)> {
			let Some(owner) = Owner::<T>::get(hotkey) else {
				return Err((reward, Error::<T>::UnknownHotkey.into()));
			};
			let amount = reward.peek();
			if amount.is_zero() {
				return Ok(0);
			}
			let mut pool = Pools::<T>::get(hotkey);
			// With nobody staked, everything is the owner's; else the take is.
			let take = if pool.shares == 0 { amount } else { Take::<T>::get(hotkey).mul_floor(amount) };
			let to_pool = amount.saturating_sub(take);
			let Some(value) = pool.value.checked_add(to_pool) else {
				return Err((reward, sp_runtime::ArithmeticError::Overflow.into()));
			};
			pool.value = value;
			let shares = match pool.shares_for(take) {
				Ok(shares) => shares,
				Err(_) => return Err((reward, Error::<T>::PoolDepleted.into())),
			};
			if let Err(e) = pool.deposit(take, shares) {
				return Err((reward, e.into()));
			}
			// The account exists (it keeps an existential deposit), so this cannot fail.
			if let Err(reward) = T::Currency::resolve(&Self::account_id(), reward) {
				return Err((reward, Error::<T>::PoolDepleted.into()));
			}
			Shares::<T>::mutate(hotkey, &owner, |held| *held = held.saturating_add(shares));
			Pools::<T>::insert(hotkey, pool);
			Self::deposit_event(Event::RewardCredited { hotkey: hotkey.clone(), take, to_pool });
			Ok(amount)
		}
	}

	impl<T: Config> StakeSlash<T::AccountId, T::Currency> for Pallet<T> {
		fn slash(hotkey: &T::AccountId, fraction: Perbill) -> Result<Credit<T::AccountId, T::Currency>, DispatchError> {
			let mut pool = Pools::<T>::get(hotkey);
			let mut unbonding = UnbondingPools::<T>::get(hotkey);
			let from_pool = fraction.mul_floor(pool.value);
			let from_unbonding = fraction.mul_floor(unbonding.value);
			let total = from_pool.saturating_add(from_unbonding);
			let credit = T::Currency::withdraw(
				&Self::account_id(),
				total,
				Precision::Exact,
				Preservation::Preserve,
				Fortitude::Force,
			)?;
			pool.value = pool.value.saturating_sub(from_pool);
			unbonding.value = unbonding.value.saturating_sub(from_unbonding);
			Self::store_pool(hotkey, pool, false);
			Self::store_pool(hotkey, unbonding, true);
			Self::deposit_event(Event::Slashed { hotkey: hotkey.clone(), from_pool, from_unbonding });
			Ok(credit)
		}
	}
}
