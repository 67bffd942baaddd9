//! # Hearth emissions
//!
//! Each block mints the reward of the halving schedule ([`hearth_halving::Schedule`]:
//! 0.5 HTH to start, 21M HTH cap, halving on cumulative emission) into the pallet's
//! account (the pot), split across subnets by a blend of stake and paid demand:
//!
//! ```text
//! part(subnet) = (1 - λ) · reward · stake / Σstake  +  λ · reward · demand / Σdemand
//! ```
//!
//! (see [`split::split_reward`]; λ is [`DemandBlend`], set by root). Each part is added
//! to the subnet's [`PendingEmission`], which the subnets pallet takes at the subnet's
//! epoch through [`EmissionPot`] and pays out (owner cut, then miners and validators by
//! Yuma); what an epoch cannot pay comes back as pending.
//!
//! ## Supply accounting
//! [`Emitted`] counts every unit minted (the schedule reads it, never total issuance);
//! [`Burned`] counts every unit burned through this pallet's [`OnUnbalanced`] sink,
//! which the runtime routes fees, registration burns, slashes and dust through.
//! Invariants (`try_state`): `total issuance + burned = genesis issuance + emitted`,
//! and `pot = existential deposit + Σ pending`.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod impls;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod invariants;
mod mint;
pub mod runtime_api;
pub mod split;
pub mod types;
mod views;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use hearth_halving::Schedule;
use hearth_primitives::{NetUid, SubnetDemand, SubnetStakes};
pub use types::ScheduleInfo;
pub use weights::WeightInfo;

use frame_support::traits::fungible::{Balanced, Inspect, Mutate};

/// Sets up what the benchmarks need from other pallets.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Makes `count` subnets exist, each with stake and demand.
	fn create_subnets(count: u32);
}

#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper for () {
	fn create_subnets(_: u32) {}
}

/// The schedule every Hearth chain runs.
pub const SCHEDULE: Schedule = hearth_primitives::EMISSION_SCHEDULE;

#[frame_support::pallet]
pub mod pallet {
	use super::*;

	use frame_support::weights::WeightMeter;
	use frame_support::{pallet_prelude::*, PalletId};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The minted currency.
		type Currency: Mutate<Self::AccountId, Balance = u128> + Balanced<Self::AccountId>;
		/// The pot's account is derived from this id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// The subnets and their stake.
		type Subnets: SubnetStakes<u128>;
		/// Paid demand per subnet.
		type Demand: SubnetDemand<u128>;
		/// The most of what a subnet's leases burn that demand may bring it (below one:
		/// wash trading then always loses).
		#[pallet::constant]
		type DemandBurnCap: Get<Perbill>;
		/// The most subnets that share a block's reward.
		#[pallet::constant]
		type MaxSubnets: Get<u32>;
		/// Who may set the demand blend.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Weights of the calls and the hook.
		type WeightInfo: WeightInfo;
		/// Creates subnets (with stake and demand) for the hook's benchmark.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// Every unit minted by the schedule since genesis.
	#[pallet::storage]
	pub type Emitted<T> = StorageValue<_, u128, ValueQuery>;

	/// Every unit burned through this pallet's sink since genesis.
	#[pallet::storage]
	pub type Burned<T> = StorageValue<_, u128, ValueQuery>;

	/// Total issuance when genesis was built (after the pot's existential deposit).
	#[pallet::storage]
	pub type GenesisIssuance<T> = StorageValue<_, u128, ValueQuery>;

	/// λ: the weight of paid demand (against stake) in splitting the reward.
	#[pallet::storage]
	pub type DemandBlend<T> = StorageValue<_, Perbill, ValueQuery>;

	/// Minted and waiting for each subnet's next epoch.
	#[pallet::storage]
	pub type PendingEmission<T> = StorageMap<_, Twox64Concat, NetUid, u128, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// λ at genesis.
		pub demand_blend: Perbill,
		#[serde(skip)]
		/// Ties the config to the runtime; holds nothing.
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			DemandBlend::<T>::put(self.demand_blend);
			// The pot keeps an existential deposit so small mints never fail.
			hearth_primitives::genesis::endow_pallet_account::<_, T::Currency>("emissions", &Pallet::<T>::account_id());
			GenesisIssuance::<T>::put(T::Currency::total_issuance());
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A block's reward was minted and split across `subnets` subnets.
		RewardMinted {
			/// What this block minted, in the smallest unit.
			minted: u128,
			/// How many subnets shared it.
			subnets: u32,
		},
		/// Root set λ, the weight of demand in the split.
		DemandBlendSet {
			/// The new λ: demand's weight in the split (the rest is stake's).
			blend: Perbill,
		},
		/// This block's reward could not be minted (never expected); nothing was
		/// recorded as emitted.
		MintFailed {
			/// What the block would have minted.
			amount: u128,
			/// Why minting failed.
			error: DispatchError,
		},
		/// A dissolved subnet's pending emission was burned.
		PendingBurned {
			/// The dissolved subnet.
			netuid: NetUid,
			/// What was burned.
			amount: u128,
		},
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Mints this block's reward into the pot, split across subnets.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let mut meter = WeightMeter::new();
			Self::mint_block_reward(&mut meter);
			meter.consumed()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sets λ, the weight of paid demand against stake when the block reward is
		/// split across subnets (0 = stake alone). Admin origin (root).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_demand_blend())]
		pub fn set_demand_blend(origin: OriginFor<T>, blend: Perbill) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_demand_blend(blend)
		}
	}
}
