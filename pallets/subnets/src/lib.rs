//! # Hearth subnets
//!
//! A subnet is a market for one kind of work with its own incentive rules. Its owner
//! locks a cost to create it ([`Pallet::lock_cost`]: doubles with each creation, decays
//! linearly back) and tunes its hyperparameters inside the bounds root sets. Neurons
//! (hotkeys) register by burning a price that decays each block and rises with each
//! registration; a full subnet replaces its non-immune neuron with the lowest emission.
//! Validators holding a permit set weights over uids, directly or by commit-reveal.
//!
//! Every `tempo` blocks (staggered by netuid, at most `MaxEpochsPerBlock` per block; the
//! rest wait a block) a subnet runs its **epoch**: the [`hearth_yuma`] crate turns
//! stakes and weights into consensus, incentive, dividends and bonds, and the subnet's
//! pending emission (minted by the emissions pallet) is paid: `OwnerCut` to the owner,
//! the rest to hotkey stake pools by incentive (miners) and dividends (validators),
//! each validator's take applied by staking. What cannot be paid stays pending. Each
//! epoch stores an [`EpochAccounting`] snapshot for explorers.
//!
//! ## Commit-reveal
//! The commit hash is `blake2_256(SCALE(hotkey, netuid, uids, values, salt,
//! version_key))` with `uids`, `values` and `salt` as SCALE vectors (`Vec<u16>`). A commit
//! made while the subnet's epoch counter is `k` is revealed while it is exactly
//! `k + reveal_period`: earlier is too early, later too late.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod epoch;
mod impls;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod invariants;
mod neurons;
pub mod runtime_api;
mod shares;
mod subnet;
pub mod types;
mod views;
mod voting;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from staking.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Funds `coldkey` and has it stake `stake` on its new hotkey `hotkey`.
	fn stake(coldkey: &AccountId, hotkey: &AccountId, stake: u128);
	/// Makes `amount` of emission pending for `netuid` (minted and counted as emitted),
	/// as blocks of rewards would.
	fn fund_pending(netuid: NetUid, amount: u128);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::weights::WeightMeter;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Balanced, Credit, Inspect, Mutate, MutateHold},
			OnUnbalanced,
		},
	};
	use frame_system::pallet_prelude::*;
	use hearth_primitives::{EmissionPot, StakeInspect, StakeReward};
	use sp_runtime::Perbill;

	/// Balance of the currency.
	pub type BalanceOf<T> = <<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
	/// A per-uid vector of a subnet.
	pub type UidVec<X> = BoundedVec<X, ConstU32<MAX_UIDS>>;
	/// A sparse row of `(uid, u16)` values (weights or bonds).
	pub type Row = BoundedVec<(Uid, u16), ConstU32<MAX_UIDS>>;
	/// A subnet as stored.
	pub type SubnetOf<T> = SubnetInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
	/// The salt of a weights commit.
	pub type Salt = BoundedVec<u16, ConstU32<32>>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// The currency: locks are holds, registrations burn.
		type Currency: Mutate<Self::AccountId, Balance = u128>
			+ Balanced<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// Stake (what consensus weighs, who owns a hotkey) and crediting rewards.
		type Staking: StakeInspect<Self::AccountId, u128> + StakeReward<Self::AccountId, Self::Currency>;
		/// The minted, pending emission of each subnet.
		type Emission: EmissionPot<Self::AccountId, Self::Currency>;
		/// Where registration burns go (the emissions pallet counts them).
		type Burn: OnUnbalanced<Credit<Self::AccountId, Self::Currency>>;
		/// Who sets bounds, dissolves any subnet and changes parameters without rate limit.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// The most subnets.
		#[pallet::constant]
		type MaxSubnets: Get<u32>;
		/// The most epochs run in one block.
		#[pallet::constant]
		type MaxEpochsPerBlock: Get<u32>;
		/// The most unrevealed commits per validator.
		#[pallet::constant]
		type MaxCommits: Get<u32>;
		/// The most GPU kinds a miner publishes.
		#[pallet::constant]
		type MaxGpuKinds: Get<u32>;
		/// The least lock to create a subnet.
		#[pallet::constant]
		type MinLock: Get<BalanceOf<Self>>;
		/// Blocks over which a doubled lock decays by the last lock paid.
		#[pallet::constant]
		type LockDecayBlocks: Get<BlockNumberFor<Self>>;
		/// The least registration price.
		#[pallet::constant]
		type MinBurn: Get<BalanceOf<Self>>;
		/// The most registration price.
		#[pallet::constant]
		type MaxBurn: Get<BalanceOf<Self>>;
		/// The price falls by this fraction each block.
		#[pallet::constant]
		type BurnDecay: Get<Perbill>;
		/// The price rises by this fraction with each registration.
		#[pallet::constant]
		type BurnIncrease: Get<Perbill>;
		/// The subnet owner's cut of each epoch's emission.
		#[pallet::constant]
		type OwnerCut: Get<Perbill>;
		/// Blocks between two hyperparameter changes by the owner.
		#[pallet::constant]
		type ParamsRateLimit: Get<BlockNumberFor<Self>>;
		/// No hyperparameter changes within this many blocks before an epoch.
		#[pallet::constant]
		type EpochFreezeBlocks: Get<BlockNumberFor<Self>>;
		/// Weights of the calls and the hook.
		type WeightInfo: WeightInfo;
		/// Told when a subnet is dissolved (leases forget its demand, jobs retire its
		/// models).
		type OnDissolve: hearth_primitives::OnSubnetDissolved;
		/// The models each subnet's miners serve (the jobs pallet's registry), shown in
		/// the metagraph.
		type Models: hearth_primitives::ServedModels;
		/// Registers and stakes hotkeys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why funds are held.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The lock a subnet's owner paid to create it.
		SubnetLock,
	}

	/// Every subnet.
	#[pallet::storage]
	pub type SubnetInfos<T: Config> = StorageMap<_, Twox64Concat, NetUid, SubnetOf<T>>;

	/// Every subnet's id, tempo and stake, sorted by netuid (read every block).
	#[pallet::storage]
	pub type SubnetEntries<T: Config> =
		StorageValue<_, BoundedVec<SubnetEntry<BalanceOf<T>>, T::MaxSubnets>, ValueQuery>;

	/// The lock paid at the last creation, and its block.
	#[pallet::storage]
	pub type LastLock<T: Config> = StorageValue<_, (BalanceOf<T>, BlockNumberFor<T>), OptionQuery>;

	/// The ranges owners may set hyperparameters in.
	#[pallet::storage]
	pub type Bounds<T: Config> = StorageValue<_, ParamBounds, ValueQuery>;

	/// The hyperparameters of a new subnet.
	#[pallet::storage]
	pub type DefaultParams<T: Config> = StorageValue<_, SubnetParams, ValueQuery>;

	/// Each subnet's hotkeys, by uid.
	#[pallet::storage]
	pub type Keys<T: Config> = StorageMap<_, Twox64Concat, NetUid, UidVec<T::AccountId>, ValueQuery>;

	/// The uid of a hotkey in a subnet.
	#[pallet::storage]
	pub type Uids<T: Config> = StorageDoubleMap<_, Twox64Concat, NetUid, Blake2_128Concat, T::AccountId, Uid>;

	/// The subnets where each hotkey holds a uid, in registration order: on `k` of
	/// them its stake counts `1 / k` in each subnet's share of the reward, so one stake
	/// counts once across subnets.
	#[pallet::storage]
	pub type Registrations<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BoundedVec<NetUid, T::MaxSubnets>, ValueQuery>;

	/// The block each uid's current occupant registered at.
	#[pallet::storage]
	pub type RegisteredAt<T: Config> = StorageMap<_, Twox64Concat, NetUid, UidVec<BlockNumberFor<T>>, ValueQuery>;

	/// The block of each uid's last weights update (its registration before any).
	#[pallet::storage]
	pub type LastUpdate<T: Config> = StorageMap<_, Twox64Concat, NetUid, UidVec<BlockNumberFor<T>>, ValueQuery>;

	/// Each uid's results of the last epoch (and its validator permit).
	#[pallet::storage]
	pub type Metagraph<T: Config> = StorageMap<_, Twox64Concat, NetUid, UidVec<NeuronStats>, ValueQuery>;

	/// Each validator's weights, max-upscaled.
	#[pallet::storage]
	pub type Weights<T: Config> = StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, Row>;

	/// Each validator's bonds, as its subnet's Yuma variant stores them.
	#[pallet::storage]
	pub type Bonds<T: Config> = StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, Row>;

	/// Each validator's unrevealed weight commits.
	#[pallet::storage]
	pub type WeightCommits<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		NetUid,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<WeightCommit<BlockNumberFor<T>>, T::MaxCommits>,
		ValueQuery,
	>;

	/// Where each neuron serves.
	#[pallet::storage]
	pub type Endpoints<T: Config> = StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, Endpoint>;

	/// Each miner's GPUs.
	#[pallet::storage]
	pub type Gpus<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetUid, Twox64Concat, Uid, BoundedVec<GpuSpec, T::MaxGpuKinds>>;

	/// Subnets whose epoch is due but has not run yet (oldest first).
	#[pallet::storage]
	pub type PendingEpochs<T: Config> = StorageValue<_, BoundedVec<NetUid, T::MaxSubnets>, ValueQuery>;

	/// What each subnet's last epoch paid.
	#[pallet::storage]
	pub type EpochAccounts<T: Config> = StorageMap<_, Twox64Concat, NetUid, EpochAccounting<BlockNumberFor<T>>>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The tempo of new subnets (a fast preset shortens it); `0` keeps the default.
		pub default_tempo: u16,
		/// The least tempo owners may set; `0` keeps the default bound.
		pub min_tempo: u16,
		#[serde(skip)]
		/// Ties the config to the runtime; holds nothing.
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut bounds = ParamBounds::default();
			if self.min_tempo != 0 {
				bounds.tempo.min = self.min_tempo;
			}
			let mut params = SubnetParams::default();
			if self.default_tempo != 0 {
				params.tempo = self.default_tempo;
			}
			assert!(bounds.is_valid(), "subnets genesis: `minTempo` makes the tempo bounds empty");
			assert!(bounds.admits(&params), "subnets genesis: `defaultTempo` is outside the tempo bounds");
			Bounds::<T>::put(bounds);
			DefaultParams::<T>::put(params);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `owner` created subnet `netuid`, locking `lock`.
		SubnetCreated {
			/// The subnet.
			netuid: NetUid,
			/// The subnet's owner (a coldkey).
			owner: T::AccountId,
			/// The locked amount.
			lock: BalanceOf<T>,
		},
		/// Subnet `netuid` was dissolved; `lock` went back to `owner`.
		SubnetDissolved {
			/// The subnet.
			netuid: NetUid,
			/// The subnet's owner (a coldkey).
			owner: T::AccountId,
			/// The lock returned to the owner.
			lock: BalanceOf<T>,
		},
		/// A hyperparameter of `netuid` changed.
		HyperparameterSet {
			/// The subnet.
			netuid: NetUid,
			/// The new value.
			change: Hyperparameter,
		},
		/// Root set the hyperparameter bounds.
		BoundsSet {
			/// The new bounds.
			bounds: ParamBounds,
		},
		/// `hotkey` registered as `uid` of `netuid`, burning `burned`.
		NeuronRegistered {
			/// The subnet.
			netuid: NetUid,
			/// The neuron's uid.
			uid: Uid,
			/// The registered hotkey.
			hotkey: T::AccountId,
			/// The registration price burned.
			burned: BalanceOf<T>,
		},
		/// `old` lost `uid` of `netuid` to a new registration.
		NeuronReplaced {
			/// The subnet.
			netuid: NetUid,
			/// The neuron's uid.
			uid: Uid,
			/// The hotkey that lost the uid.
			old: T::AccountId,
		},
		/// A neuron published where it serves.
		EndpointSet {
			/// The subnet.
			netuid: NetUid,
			/// The neuron's uid.
			uid: Uid,
			/// Where it serves.
			endpoint: Endpoint,
		},
		/// A miner published its GPUs (`kinds` entries).
		GpusSet {
			/// The subnet.
			netuid: NetUid,
			/// The neuron's uid.
			uid: Uid,
			/// How many GPU kinds it published.
			kinds: u32,
		},
		/// A validator set its weights.
		WeightsSet {
			/// The subnet.
			netuid: NetUid,
			/// The neuron's uid.
			uid: Uid,
		},
		/// A validator committed to weights.
		WeightsCommitted {
			/// The subnet.
			netuid: NetUid,
			/// The neuron's uid.
			uid: Uid,
			/// The commit hash.
			hash: [u8; 32],
		},
		/// A validator revealed committed weights.
		WeightsRevealed {
			/// The subnet.
			netuid: NetUid,
			/// The neuron's uid.
			uid: Uid,
			/// The commit hash.
			hash: [u8; 32],
		},
		/// `count` expired commits of `uid` were dropped.
		CommitsExpired {
			/// The subnet.
			netuid: NetUid,
			/// The neuron's uid.
			uid: Uid,
			/// How many commits expired.
			count: u32,
		},
		/// An epoch ran and paid what `accounting` says.
		EpochRun {
			/// The subnet.
			netuid: NetUid,
			/// What the epoch minted and paid, and to whom.
			accounting: EpochAccounting<BlockNumberFor<T>>,
		},
		/// An epoch refused its stored input (a bug, never expected); nothing was paid
		/// and the emission stays pending.
		EpochFailed {
			/// The subnet.
			netuid: NetUid,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No subnet has this netuid.
		SubnetNotFound,
		/// The chain already has the most subnets.
		TooManySubnets,
		/// The lock to create a subnet is above the caller's limit.
		LockAboveLimit,
		/// Only the subnet's owner (or root) may do this.
		NotSubnetOwner,
		/// The owner may only dissolve a subnet with no neurons.
		SubnetNotEmpty,
		/// The value is outside the bounds root set.
		HyperparameterOutOfBounds,
		/// The value contradicts the subnet's other parameters or its size.
		HyperparameterInconsistent,
		/// The owner changed a hyperparameter too recently.
		HyperparameterRateLimited,
		/// The subnet's epoch is due within the freeze window.
		TooCloseToEpoch,
		/// The bounds are empty, beyond what the chain runs, or exclude the defaults.
		InvalidBounds,
		/// The caller does not own the hotkey (register it with staking first).
		NotHotkeyOwner,
		/// The hotkey already has a uid in this subnet.
		AlreadyRegistered,
		/// The registration price is above the caller's limit.
		BurnAboveLimit,
		/// The subnet is full and every neuron is still immune.
		AllNeuronsImmune,
		/// The subnet's per-uid storage is full (never expected: `max_uids` bounds it).
		SubnetFull,
		/// The hotkey has no uid in this subnet.
		NotRegistered,
		/// The endpoint has port 0 or the unspecified address.
		InvalidEndpoint,
		/// A GPU entry has no model, a non-printable model, no memory or no GPUs.
		InvalidGpu,
		/// Only validators holding a permit may set weights.
		NoValidatorPermit,
		/// `uids` and `values` differ in length.
		WeightsLengthMismatch,
		/// A weight names a uid the subnet does not have.
		UidOutOfRange,
		/// A weight names the same uid twice.
		DuplicateUid,
		/// Fewer weights than the subnet's minimum.
		TooFewWeights,
		/// Every weight is zero.
		AllWeightsZero,
		/// The version key is older than the subnet requires.
		OutdatedVersionKey,
		/// The validator set weights (or committed) too recently.
		WeightsRateLimited,
		/// The subnet requires commit-reveal: commit, then reveal.
		CommitRevealRequired,
		/// The subnet does not use commit-reveal.
		CommitRevealDisabled,
		/// The validator has the most unrevealed commits already.
		TooManyCommits,
		/// No unrevealed commit matches these weights and salt.
		NoMatchingCommit,
		/// The commit's reveal epoch has not come yet.
		RevealTooEarly,
		/// The commit's reveal epoch has passed.
		RevealTooLate,
		/// The hotkey already holds a uid on `MaxSubnets` subnets (never expected: a
		/// hotkey holds one uid per subnet at most).
		TooManyRegistrations,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Queues the subnets whose epoch falls in this block, then runs at most
		/// `MaxEpochsPerBlock` queued epochs. Returns the weight of what it did.
		/// Runs the epochs due (staggered, at most `MaxEpochsPerBlock` a block).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let mut meter = WeightMeter::new();
			Self::run_due_epochs(now, &mut meter);
			meter.consumed()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates a subnet owned by the caller, holding the current lock cost (which
		/// must not exceed `max_lock`). The subnet gets the lowest free netuid from 1
		/// and the default hyperparameters.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_subnet())]
		pub fn create_subnet(origin: OriginFor<T>, max_lock: BalanceOf<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_create_subnet(owner, max_lock)
		}

		/// Dissolves a subnet: its owner when it has no neurons, or the admin origin at
		/// any time (its neurons are removed). The lock goes back to the owner and the
		/// subnet's pending emission is burned.
		#[pallet::call_index(1)]
		// Each neuron's registration count is written too (not in the measured weight yet).
		#[pallet::weight(T::WeightInfo::dissolve_subnet(MAX_UIDS).saturating_add(T::DbWeight::get().reads_writes(MAX_UIDS.into(), MAX_UIDS.into())))]
		pub fn dissolve_subnet(origin: OriginFor<T>, netuid: NetUid) -> DispatchResultWithPostInfo {
			Self::do_dissolve_subnet(origin, netuid)
		}

		/// Changes one hyperparameter of `netuid`, within root's bounds. The owner is
		/// rate-limited; nobody may change parameters in the blocks just before an epoch.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_hyperparameter())]
		pub fn set_hyperparameter(origin: OriginFor<T>, netuid: NetUid, change: Hyperparameter) -> DispatchResult {
			Self::do_set_hyperparameter(origin, netuid, change)
		}

		/// Sets the ranges owners may choose hyperparameters in (admin origin). The
		/// bounds must be non-empty and admit the default parameters; subnets already
		/// outside keep their values until they next change them.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_bounds())]
		pub fn set_bounds(origin: OriginFor<T>, bounds: ParamBounds) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_bounds(bounds)
		}

		/// Registers `hotkey` on `netuid`, burning the current registration price (at
		/// most `max_burn`) from the caller: the hotkey's owner in staking, or the hotkey
		/// itself once an owner has claimed it (so a miner's box, which holds only the
		/// hotkey, can register with the hotkey's own funds). A full subnet gives the new
		/// neuron the uid of its non-immune neuron with the lowest emission (ties: the
		/// oldest registration, then the lowest uid).
		#[pallet::call_index(4)]
		// The hotkey's registration count (and a replaced one's) is written too.
		#[pallet::weight(T::WeightInfo::register().saturating_add(T::DbWeight::get().reads_writes(2, 2)))]
		pub fn register(
			origin: OriginFor<T>,
			netuid: NetUid,
			hotkey: T::AccountId,
			max_burn: BalanceOf<T>,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			Self::do_register(payer, netuid, hotkey, max_burn)
		}

		/// Publishes where the calling hotkey's neuron serves.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::serve())]
		pub fn serve(origin: OriginFor<T>, netuid: NetUid, endpoint: Endpoint) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_serve(hotkey, netuid, endpoint)
		}

		/// Publishes the calling miner's GPUs (replacing what it published before).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_gpus())]
		pub fn set_gpus(
			origin: OriginFor<T>,
			netuid: NetUid,
			gpus: BoundedVec<GpuSpec, T::MaxGpuKinds>,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_set_gpus(hotkey, netuid, gpus)
		}

		/// Sets the calling validator's weights over `uids` (stored max-upscaled).
		/// Needs a validator permit; rate-limited; refused when the subnet requires
		/// commit-reveal.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_weights(uids.len() as u32))]
		pub fn set_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			uids: UidVec<Uid>,
			values: UidVec<u16>,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_set_weights(hotkey, netuid, uids, values, version_key)
		}

		/// Commits to weights by their hash (see the crate docs for the preimage).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::commit_weights())]
		pub fn commit_weights(origin: OriginFor<T>, netuid: NetUid, hash: [u8; 32]) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_commit(netuid, hotkey, hash)
		}

		/// Reveals committed weights; applied like `set_weights` (without its rate
		/// limit, which the commit already paid).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::reveal_weights(uids.len() as u32))]
		pub fn reveal_weights(
			origin: OriginFor<T>,
			netuid: NetUid,
			uids: UidVec<Uid>,
			values: UidVec<u16>,
			salt: Salt,
			version_key: u64,
		) -> DispatchResult {
			let hotkey = ensure_signed(origin)?;
			Self::do_reveal(netuid, hotkey, uids, values, salt, version_key)
		}
	}
}
