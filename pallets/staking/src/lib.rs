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

mod hotkeys;
mod impls;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod invariants;
pub mod runtime_api;
mod stake;
#[cfg(feature = "std")]
pub mod testing;
pub mod types;
mod views;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

use hearth_primitives::{HotkeyInUse, PendingSlash, StakeLowered};

/// Hotkeys with ownership proofs for the benchmarks (the runtime signs with keys it
/// generates; a mock builds test signatures).
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, Proof> {
	/// A hotkey, distinct for each `index`, and its proof for `coldkey`'s claim
	/// (`message` is [`Pallet::claim_message`] for `coldkey`).
	fn hotkey_with_proof(index: u32, message: &[u8]) -> (AccountId, Proof);
}
pub use hotkeys::claim_payload;
pub use types::{Pool, UnbondingChunk};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Balanced, Inspect, Mutate, MutateHold},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

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
		/// The runtime's hold reasons (the hotkey claim deposit is one).
		type RuntimeHoldReason: From<HoldReason>;
		/// The staked currency.
		type Currency: Mutate<Self::AccountId, Balance = u128>
			+ Balanced<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// Held from the coldkey for each hotkey it claims (the records a hotkey keeps),
		/// released when it forgets the hotkey.
		#[pallet::constant]
		type HotkeyDeposit: Get<BalanceOf<Self>>;
		/// Whether another pallet still counts on a hotkey (a uid on a subnet, a lease,
		/// an offer or a bid): such a hotkey cannot be forgotten.
		type HotkeyInUse: HotkeyInUse<Self::AccountId>;
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
		/// Told whenever a hotkey's stake goes down (subnets lower the share of the
		/// reward that stake earned its subnets); `()` in a runtime without subnets.
		type StakeLowered: StakeLowered<Self::AccountId, BalanceOf<Self>>;
		/// Weights of the calls.
		type WeightInfo: WeightInfo;
		/// A hotkey's signature proving it agrees to be claimed by a coldkey
		/// ([`Pallet::claim_message`]); `sp_runtime::MultiSignature` in the runtime.
		type OwnershipProof: Parameter
			+ Member
			+ sp_runtime::traits::Verify<Signer: sp_runtime::traits::IdentifyAccount<AccountId = Self::AccountId>>;
		/// Hotkeys with their ownership proofs, for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::OwnershipProof>;
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

	/// The deposit held from a hotkey's owner for its claim (released when the owner
	/// forgets it).
	#[pallet::storage]
	pub type HotkeyDeposits<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, OptionQuery>;

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a claimed hotkey's records.
		HotkeyClaim,
	}

	/// Genesis: endows the pallet account with the existential deposit.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		/// Ties the config to the runtime; holds nothing.
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// The pallet account keeps one existential deposit so that it never dies.
			hearth_primitives::genesis::endow_pallet_account::<_, T::Currency>("staking", &Pallet::<T>::account_id());
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `coldkey` now owns `hotkey`.
		HotkeyRegistered {
			/// The coldkey that now owns the hotkey.
			coldkey: T::AccountId,
			/// The hotkey registered.
			hotkey: T::AccountId,
		},
		/// `coldkey` forgot `hotkey` (no stake, no use left) and got `deposit` back.
		HotkeyForgotten {
			/// The coldkey that owned the hotkey.
			coldkey: T::AccountId,
			/// The hotkey forgotten; anyone may claim it again with its signature.
			hotkey: T::AccountId,
			/// The claim deposit released.
			deposit: BalanceOf<T>,
		},
		/// `coldkey` staked `amount` on `hotkey` for `shares` shares.
		StakeAdded {
			/// The coldkey (the account that owns the stake).
			coldkey: T::AccountId,
			/// The hotkey whose pool it is.
			hotkey: T::AccountId,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
			/// The pool shares the stake bought.
			shares: u128,
		},
		/// `coldkey` removed `amount` from `hotkey`; it can be withdrawn from `unlock_at`.
		Unbonded {
			/// The coldkey (the account that owns the stake).
			coldkey: T::AccountId,
			/// The hotkey whose pool it is.
			hotkey: T::AccountId,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
			/// The first block it can be withdrawn.
			unlock_at: BlockNumberFor<T>,
		},
		/// `coldkey` withdrew `amount` of unbonded stake.
		Withdrawn {
			/// The coldkey (the account that owns the stake).
			coldkey: T::AccountId,
			/// What was paid out, in the smallest unit.
			amount: BalanceOf<T>,
		},
		/// `coldkey` moved `amount` of stake from hotkey `from` to hotkey `to`.
		StakeMoved {
			/// The coldkey (the account that owns the stake).
			coldkey: T::AccountId,
			/// The hotkey the stake left.
			from: T::AccountId,
			/// The hotkey the stake joined.
			to: T::AccountId,
			/// The amount, in the smallest unit.
			amount: BalanceOf<T>,
		},
		/// `hotkey`'s take is now `take`.
		TakeSet {
			/// The hotkey whose pool it is.
			hotkey: T::AccountId,
			/// The new take: the owner's share of rewards to nominators.
			take: Perbill,
		},
		/// A reward of `take + to_pool` was credited to `hotkey`: `take` as its owner's
		/// stake, `to_pool` raising the pool's value.
		RewardCredited {
			/// The hotkey whose pool it is.
			hotkey: T::AccountId,
			/// The owner's take, added as the owner's stake.
			take: BalanceOf<T>,
			/// What raised the pool's value (every share holder's).
			to_pool: BalanceOf<T>,
		},
		/// `hotkey` was slashed by `from_pool` (staked) and `from_unbonding` (unbonding).
		Slashed {
			/// The hotkey whose pool it is.
			hotkey: T::AccountId,
			/// Taken from the staked pool.
			from_pool: BalanceOf<T>,
			/// Taken from the unbonding pool.
			from_unbonding: BalanceOf<T>,
		},
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
		/// An offence the hotkey committed is open (a slash pending, or a lease in default
		/// not yet reported): no stake may leave it (moved, unbonded, or withdrawn after
		/// unbonding) until the slash is applied or cancelled.
		SlashPending,
		/// The source and destination hotkeys are the same.
		SameHotkey,
		/// The hotkey's pool was slashed to nothing while shares remain: it takes no new
		/// stake until its holders leave.
		PoolDepleted,
		/// A reward could not be deposited into the pallet account (it is handed back
		/// to the caller, nothing is credited).
		RewardNotDeposited,
		/// The hotkey's ownership proof is not its signature of the claim message for
		/// this coldkey and chain.
		BadOwnershipProof,
		/// The hotkey still has stake or unbonding stake: it cannot be forgotten.
		HotkeyHasStake,
		/// The hotkey still has a uid on a subnet, a lease, an offer or a bid: it cannot
		/// be forgotten.
		HotkeyInUse,
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
		/// Registers `hotkey` as the caller's (the coldkey's). `proof` is the hotkey's
		/// signature of [`Pallet::claim_message`] for the caller: `b"hearth/claim-hotkey"`,
		/// the genesis hash (32 bytes) and the coldkey (32 bytes), signed raw (no
		/// `<Bytes>` wrapping). Nobody can claim a hotkey whose key it does not hold, so a
		/// first stake cannot be front-run into a delegation to someone else's hotkey.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_hotkey())]
		pub fn register_hotkey(origin: OriginFor<T>, hotkey: T::AccountId, proof: T::OwnershipProof) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_register_hotkey(coldkey, hotkey, proof)
		}

		/// Stakes `amount` of the caller's free balance on `hotkey`, which must be
		/// registered (`register_hotkey`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_stake())]
		pub fn add_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_add_stake(coldkey, hotkey, amount)
		}

		/// Removes `amount` of the caller's stake from `hotkey` into unbonding; it can be
		/// withdrawn after the unbonding period and stays slashable until then. Refused
		/// while an offence of `hotkey` is open.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_stake().saturating_add(T::StakeLowered::weight()))]
		pub fn remove_stake(
			origin: OriginFor<T>,
			hotkey: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_remove_stake(coldkey, hotkey, amount)
		}

		/// Pays out every unbonding chunk of the caller whose unlock block has come, except
		/// chunks of a hotkey with an open offence (they wait until it is settled).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded(T::MaxUnbondingChunks::get()))]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let coldkey = ensure_signed(origin)?;
			Self::do_withdraw_unbonded(coldkey)
		}

		/// Sets the take of the caller's `hotkey`. Lowering is always allowed; raising at
		/// most once per `TakeIncreaseDelay` blocks.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_take())]
		pub fn set_take(origin: OriginFor<T>, hotkey: T::AccountId, take: Perbill) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_set_take(coldkey, hotkey, take)
		}

		/// Moves `amount` of the caller's stake from one of its own hotkeys to another,
		/// without unbonding. Refused while an offence of `from` is open.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::move_stake().saturating_add(T::StakeLowered::weight()))]
		pub fn move_stake(
			origin: OriginFor<T>,
			from: T::AccountId,
			to: T::AccountId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_move_stake(coldkey, from, to, amount)
		}

		/// Forgets the caller's `hotkey`: its owner, take and claim records go and the
		/// claim deposit comes back. Refused while the hotkey has stake or unbonding
		/// stake, a uid on a subnet, a lease, an offer or a bid, or an open offence.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::forget_hotkey())]
		pub fn forget_hotkey(origin: OriginFor<T>, hotkey: T::AccountId) -> DispatchResult {
			let coldkey = ensure_signed(origin)?;
			Self::do_forget_hotkey(coldkey, hotkey)
		}
	}
}
