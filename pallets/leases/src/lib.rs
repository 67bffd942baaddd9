//! # Hearth leases
//!
//! The market in which tenants rent GPUs from miners:
//!
//! 1. A **provider** (a miner's hotkey with at least `MinProviderStake`, registered on a
//!    subnet) publishes **offers**: GPU vendor, model, VRAM (GiB), count, price per block,
//!    region.
//! 2. A **tenant** opens an **order** on a subnet: requirements (least VRAM, acceptable
//!    models or any, least count), a maximum price per block, a duration and a deposit
//!    escrowed at once (at least `MinDepositBlocks` blocks at the maximum price).
//! 3. Providers **bid** at or below the maximum with an offer that meets the
//!    requirements, posting `BidBond`. The tenant accepts a bid, or with auto-award the
//!    lowest bid (ties: the earliest) wins when the bid window closes. Losers get their
//!    bonds back.
//! 4. The **lease** pays the provider its price per block from the escrow, settled
//!    lazily on every touch (O(1)). `TakeRate` of each payment is burned; the rest is
//!    the provider's and feeds the subnet's **demand** (an EMA that emissions reads).
//!    The block where the escrow runs dry or the duration ends is **scheduled**: a
//!    bounded per-block queue closes those leases in `on_initialize`. A top-up
//!    reschedules.
//! 5. The provider's hotkey sends one **heartbeat** for all its leases. A lease whose
//!    provider missed `MaxMissedHeartbeats` intervals **defaults** (when its deadline
//!    comes, or on anyone's `report_default`): the tenant is refunded every block after
//!    the last heartbeat, gets the bond, and a lease-default offence is reported.
//!
//! ## Funds
//! Deposits, bonds, escrow and earnings sit in the pallet's account (kept alive by an
//! existential deposit minted at genesis). Invariant (`try_state`): its balance is that
//! deposit plus every open order's deposit and bids' bonds plus every lease's escrow,
//! earnings and bond.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod deadlines;
mod impls;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod invariants;
mod market;
pub mod runtime_api;
mod settle;
pub mod types;
mod views;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from staking and subnets.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `hotkey` a funded provider with enough stake on subnet `netuid`.
	fn provider(netuid: hearth_primitives::NetUid, hotkey: &AccountId);
	/// Makes subnet `netuid` exist (orders name an existing subnet).
	fn subnet(netuid: hearth_primitives::NetUid);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::weights::WeightMeter;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Balanced, Credit, Mutate},
			OnUnbalanced,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use hearth_primitives::{GpuSpec, NetUid, SubnetNeurons};
	use sp_runtime::Perbill;

	/// An order as stored.
	pub type OrderOf<T> = Order<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A bid as stored in an order.
	pub type BidOf<T> = Bid<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
	/// A lease as stored.
	pub type LeaseOf<T> = Lease<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency of deposits, bonds and payments.
		type Currency: Mutate<Self::AccountId, Balance = u128> + Balanced<Self::AccountId>;
		/// The pallet's account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// Stake of a provider's hotkey.
		type Staking: hearth_primitives::StakeInspect<Self::AccountId, u128>;
		/// Whether a hotkey is registered on a subnet.
		type Neurons: SubnetNeurons<Self::AccountId>;
		/// Where lease defaults are reported.
		type Offences: hearth_primitives::ReportOffence<Self::AccountId>;
		/// Where the take is burned (emissions counts burns).
		type Burn: OnUnbalanced<Credit<Self::AccountId, Self::Currency>>;
		/// The least stake on a provider's hotkey.
		#[pallet::constant]
		type MinProviderStake: Get<u128>;
		/// The most offers per provider.
		#[pallet::constant]
		type MaxOffersPerProvider: Get<u32>;
		/// A deposit covers at least this many blocks at the maximum price.
		#[pallet::constant]
		type MinDepositBlocks: Get<BlockNumberFor<Self>>;
		/// The least deposit of any order, whatever its price: each order takes a slot
		/// in the deadline queue (its award, then its lease's close), so filling the
		/// queue's look-ahead costs `MaxDeadlinesPerBlock × MaxScheduleLookahead` of these,
		/// locked for as long as the slots are held.
		#[pallet::constant]
		type MinOrderDeposit: Get<u128>;
		/// Blocks an auto-award order takes bids.
		#[pallet::constant]
		type BidWindow: Get<BlockNumberFor<Self>>;
		/// The bond a bid posts.
		#[pallet::constant]
		type BidBond: Get<u128>;
		/// Blocks a bid may be accepted after it is placed (it can be withdrawn any
		/// time): a tenant cannot accept a bid its provider has long forgotten.
		#[pallet::constant]
		type BidLifetime: Get<BlockNumberFor<Self>>;
		/// Blocks a manual order may be accepted after it opens; then anyone may cancel
		/// it (the deposit and every bond go back).
		#[pallet::constant]
		type OrderLifetime: Get<BlockNumberFor<Self>>;
		/// The most bids a provider has open at once: its bond exposure is at most this
		/// many bonds.
		#[pallet::constant]
		type MaxOpenBids: Get<u32>;
		/// Share of its bond a provider forfeits to the tenant by closing early.
		#[pallet::constant]
		type EarlyCloseForfeit: Get<Perbill>;
		/// Blocks between heartbeats.
		#[pallet::constant]
		type HeartbeatInterval: Get<BlockNumberFor<Self>>;
		/// Missed intervals after which a lease defaults.
		#[pallet::constant]
		type MaxMissedHeartbeats: Get<u32>;
		/// Share of every payment burned.
		#[pallet::constant]
		type TakeRate: Get<Perbill>;
		/// The demand EMA keeps `1 - DemandDecay` of itself each block.
		#[pallet::constant]
		type DemandDecay: Get<Perbill>;
		/// The most deadlines handled in one block.
		#[pallet::constant]
		type MaxDeadlinesPerBlock: Get<u32>;
		/// How many blocks past its due block a deadline looks for room in the queue.
		#[pallet::constant]
		type MaxScheduleLookahead: Get<u32>;
		/// Weights of the calls and the hook.
		type WeightInfo: WeightInfo;
		/// Makes qualified providers for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The next id of an offer or order.
	#[pallet::storage]
	pub type NextId<T> = StorageValue<_, u64, ValueQuery>;

	/// Every offer.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageMap<_, Twox64Concat, OfferId, Offer<T::AccountId>>;

	/// Each provider's offers.
	#[pallet::storage]
	pub type ProviderOffers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BoundedVec<OfferId, T::MaxOffersPerProvider>, ValueQuery>;

	/// Open orders (not yet awarded).
	#[pallet::storage]
	pub type Orders<T: Config> = StorageMap<_, Twox64Concat, OrderId, OrderOf<T>>;

	/// Every lease not yet closed, by its id (the id of the order it came from).
	#[pallet::storage]
	pub type OpenLeases<T: Config> = StorageMap<_, Twox64Concat, LeaseId, LeaseOf<T>>;

	/// How many leases each provider runs.
	#[pallet::storage]
	pub type ProviderLeaseCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// How many bids each provider has open (each holds a bond).
	#[pallet::storage]
	pub type OpenBids<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Each running provider's heartbeats (removed when its last lease closes).
	#[pallet::storage]
	pub type ProviderHeartbeats<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Heartbeats<BlockNumberFor<T>>>;

	/// The window of blocks the hook is in, and which of its blocks have deadlines:
	/// the hook reads this one value each block and touches `Deadlines` only on a
	/// marked block, so its cost does not grow with the number of leases.
	#[pallet::storage]
	pub type CurrentWindow<T> = StorageValue<_, (u64, Marks), ValueQuery>;

	/// The marks of later windows (loaded once per `WINDOW` blocks).
	#[pallet::storage]
	pub type FutureMarks<T> = StorageMap<_, Twox64Concat, u64, Marks>;

	/// Deadlines due in each block.
	#[pallet::storage]
	pub type Deadlines<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, BoundedVec<Deadline, T::MaxDeadlinesPerBlock>, ValueQuery>;

	/// Each subnet's demand: the EMA and the block it was last updated.
	#[pallet::storage]
	pub type Demand<T: Config> = StorageMap<_, Twox64Concat, NetUid, (u128, BlockNumberFor<T>), ValueQuery>;

	/// Each subnet's burned take, an EMA of the same decay as [`Demand`], and when it
	/// was last updated.
	#[pallet::storage]
	pub type BurnRate<T: Config> = StorageMap<_, Twox64Concat, NetUid, (u128, BlockNumberFor<T>), ValueQuery>;

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
			// The account keeps an existential deposit so that it never dies.
			hearth_primitives::genesis::endow_pallet_account::<_, T::Currency>("leases", &Pallet::<T>::account_id());
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A provider published (or updated) an offer.
		OfferPublished {
			/// The offer.
			id: OfferId,
			/// The provider's hotkey.
			provider: T::AccountId,
			/// The subnet.
			netuid: NetUid,
			/// The price per block.
			price: u128,
		},
		/// A provider withdrew an offer.
		OfferRemoved {
			/// The offer.
			id: OfferId,
		},
		/// A tenant opened an order, escrowing `deposit`.
		OrderOpened {
			/// The order.
			id: OrderId,
			/// The tenant.
			tenant: T::AccountId,
			/// The subnet.
			netuid: NetUid,
			/// The most the tenant pays per block.
			max_price: u128,
			/// The escrowed deposit.
			deposit: u128,
		},
		/// A tenant cancelled an order; the deposit and every bond went back.
		OrderCancelled {
			/// The order.
			id: OrderId,
		},
		/// An auto-award order closed its window without bids; the deposit went back.
		OrderExpired {
			/// The order.
			id: OrderId,
		},
		/// A provider bid on an order.
		BidPlaced {
			/// The order.
			order: OrderId,
			/// The provider's hotkey.
			provider: T::AccountId,
			/// The bid price per block.
			price: u128,
		},
		/// A provider withdrew its bid; its bond went back.
		BidWithdrawn {
			/// The order.
			order: OrderId,
			/// The provider's hotkey.
			provider: T::AccountId,
		},
		/// An order became a lease.
		LeaseStarted {
			/// The lease (it keeps its order's id).
			id: LeaseId,
			/// The tenant.
			tenant: T::AccountId,
			/// The provider's hotkey.
			provider: T::AccountId,
			/// The price per block (the winning bid).
			price: u128,
			/// The block its deadline is scheduled at (the end, or when the escrow runs dry).
			closes_at: BlockNumberFor<T>,
		},
		/// A lease paid `paid` for blocks up to `until`: `burned` is the take.
		Settled {
			/// The lease.
			id: LeaseId,
			/// What the escrow paid (the take included).
			paid: u128,
			/// The take, burned.
			burned: u128,
			/// The block it is paid up to.
			until: BlockNumberFor<T>,
		},
		/// The tenant added escrow; the lease now closes at `closes_at`.
		ToppedUp {
			/// The lease.
			id: LeaseId,
			/// What the tenant added.
			amount: u128,
			/// The block its deadline is scheduled at (the end, or when the escrow runs dry).
			closes_at: BlockNumberFor<T>,
		},
		/// The provider withdrew its earnings.
		Withdrawn {
			/// The lease.
			id: LeaseId,
			/// What the provider took.
			amount: u128,
		},
		/// A provider's heartbeat.
		Heartbeat {
			/// The provider's hotkey.
			provider: T::AccountId,
		},
		/// A lease ended: escrow refunded to the tenant, earnings and bond paid.
		LeaseClosed {
			/// The lease.
			id: LeaseId,
			/// Why it ended.
			reason: CloseReason,
			/// Escrow returned to the tenant.
			refunded: u128,
			/// Earnings and bond paid to the provider.
			to_provider: u128,
			/// The part of the provider's bond paid to the tenant.
			bond_to_tenant: u128,
		},
		/// A deadline found no room in the queue up to the lookahead (never expected).
		DeadlineNotScheduled {
			/// The deadline that could not be queued.
			deadline: Deadline,
		},
		/// An auto-award failed (a transfer or the deadline queue refused); nothing
		/// changed and the order stays open for its tenant to cancel.
		AwardFailed {
			/// The order.
			id: OrderId,
			/// Why it failed.
			error: DispatchError,
		},
		/// A due lease could not be closed (a transfer refused, or slashing could not take
		/// the default's offence yet); nothing changed, the lease stays open (either party
		/// may close it, anyone may report it in default) and the hook tries again at
		/// `retry_at` (none if the deadline queue had no room either).
		CloseFailed {
			/// The lease.
			id: LeaseId,
			/// Why it failed.
			error: DispatchError,
			/// The block the hook tries again.
			retry_at: Option<BlockNumberFor<T>>,
		},
		/// `amount`, owed to `who` whose account no longer exists, was below the
		/// existential deposit and was burned.
		DustBurned {
			/// The account that no longer exists.
			who: T::AccountId,
			/// The amount burned.
			amount: u128,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The provider's hotkey has less stake than `MinProviderStake`.
		InsufficientProviderStake,
		/// The hotkey is not a neuron of that subnet.
		NotANeuron,
		/// The GPU entry has no model, a non-printable model, no memory or no GPUs.
		InvalidGpu,
		/// A price of zero.
		ZeroPrice,
		/// The provider has the most offers already.
		TooManyOffers,
		/// No such offer.
		OfferNotFound,
		/// Only the offer's provider may do this.
		NotOfferOwner,
		/// No such order (or it was already awarded).
		OrderNotFound,
		/// Only the order's tenant may do this.
		NotOrderTenant,
		/// A duration of zero blocks, or a count of zero GPUs.
		InvalidRequirements,
		/// The deposit covers fewer than `MinDepositBlocks` at the maximum price, or is
		/// below `MinOrderDeposit`.
		DepositTooSmall,
		/// The bid is above the order's maximum price.
		BidAboveMaxPrice,
		/// The offer does not meet the order's requirements (or is for another subnet).
		OfferDoesNotMeetRequirements,
		/// The order's bid window has closed.
		BidWindowClosed,
		/// The order has the most bids already (`MAX_BIDS`).
		TooManyBids,
		/// The provider already bid on this order.
		AlreadyBid,
		/// No bid by that provider on this order.
		BidNotFound,
		/// No such lease (or it has closed).
		LeaseNotFound,
		/// Only the lease's tenant or provider may do this.
		NotLeaseParty,
		/// Only the lease's provider may do this.
		NotLeaseProvider,
		/// The provider runs no lease to heartbeat for.
		NoActiveLeases,
		/// The provider has not missed enough heartbeats for a default.
		NotDefaulted,
		/// A top-up of zero.
		ZeroAmount,
		/// No room for the deadline in the queue within the lookahead.
		ScheduleFull,
		/// Only the lease's tenant may do this.
		NotLeaseTenant,
		/// The provider missed its heartbeats: the lease is in default, and can only be
		/// defaulted (`report_default` by anyone, or `close_lease` by either party).
		LeaseInDefault,
		/// No subnet has that netuid.
		UnknownSubnet,
		/// The bid is older than `BidLifetime`: it can only be withdrawn.
		BidExpired,
		/// The manual order is older than `OrderLifetime`: it can only be cancelled.
		OrderExpired,
		/// The bidder no longer qualifies: its offer is gone or no longer meets the
		/// order, or it is no longer a staked neuron of the subnet.
		ProviderIneligible,
		/// The provider has `MaxOpenBids` bids open already.
		TooManyOpenBids,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Awards orders whose bid window closed and closes leases that ended or ran
		/// dry in this block (at most `MaxDeadlinesPerBlock`).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let mut meter = WeightMeter::new();
			Self::run_deadlines(now, &mut meter);
			meter.consumed()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Publishes an offer of the calling provider hotkey on `netuid`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::publish_offer())]
		pub fn publish_offer(
			origin: OriginFor<T>,
			netuid: NetUid,
			gpu: GpuSpec,
			price: u128,
			region: Region,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_publish(provider, None, netuid, gpu, price, region)
		}

		/// Replaces offer `id`'s terms (running leases keep theirs).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::publish_offer())]
		pub fn update_offer(
			origin: OriginFor<T>,
			id: OfferId,
			gpu: GpuSpec,
			price: u128,
			region: Region,
		) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_update_offer(provider, id, gpu, price, region)
		}

		/// Withdraws offer `id`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove_offer())]
		pub fn remove_offer(origin: OriginFor<T>, id: OfferId) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_remove_offer(provider, id)
		}

		/// Opens an order, escrowing `deposit` (at least `MinDepositBlocks` blocks at
		/// `max_price`). With `auto_award`, the lowest bid wins when the window closes.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::open_order())]
		pub fn open_order(
			origin: OriginFor<T>,
			netuid: NetUid,
			requirements: Requirements,
			max_price: u128,
			duration: BlockNumberFor<T>,
			deposit: u128,
			auto_award: bool,
		) -> DispatchResult {
			let tenant = ensure_signed(origin)?;
			Self::do_open_order(tenant, netuid, requirements, max_price, duration, deposit, auto_award)
		}

		/// Cancels an order before it is awarded: the deposit and every bond go back. Its
		/// tenant may at any time; anyone may once a manual order has expired.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_order())]
		pub fn cancel_order(origin: OriginFor<T>, id: OrderId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_order(who, id)
		}

		/// Bids `price` per block on order `id` with the caller's offer `offer`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::bid())]
		pub fn bid(origin: OriginFor<T>, id: OrderId, offer: OfferId, price: u128) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_bid(provider, id, offer, price)
		}

		/// The tenant accepts `provider`'s bid: the order becomes a lease.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::accept_bid())]
		pub fn accept_bid(origin: OriginFor<T>, id: OrderId, provider: T::AccountId) -> DispatchResult {
			let tenant = ensure_signed(origin)?;
			Self::do_accept_bid(tenant, id, provider)
		}

		/// Adds `amount` to a lease's escrow; its deadline moves accordingly.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::top_up())]
		pub fn top_up(origin: OriginFor<T>, id: LeaseId, amount: u128) -> DispatchResult {
			let tenant = ensure_signed(origin)?;
			Self::do_top_up(tenant, id, amount)
		}

		/// Closes a lease now: the tenant at any time; the provider too, forfeiting
		/// `EarlyCloseForfeit` of its bond to the tenant.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::close_lease())]
		pub fn close_lease(origin: OriginFor<T>, id: LeaseId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_close_lease(who, id)
		}

		/// The provider takes what its lease has earned so far.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, id: LeaseId) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_withdraw(provider, id)
		}

		/// The provider's hotkey is alive: one call covers all its leases.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::heartbeat())]
		pub fn heartbeat(origin: OriginFor<T>) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_heartbeat(provider)
		}

		/// Defaults a lease whose provider missed `MaxMissedHeartbeats` intervals
		/// (anyone may call; the caller is the offence's reporter).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::report_default())]
		pub fn report_default(origin: OriginFor<T>, id: LeaseId) -> DispatchResult {
			let reporter = ensure_signed(origin)?;
			Self::do_report_default(reporter, id)
		}

		/// Withdraws the caller's bid from order `id`: its bond goes back.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::withdraw_bid())]
		pub fn withdraw_bid(origin: OriginFor<T>, id: OrderId) -> DispatchResult {
			let provider = ensure_signed(origin)?;
			Self::do_withdraw_bid(provider, id)
		}
	}
}
