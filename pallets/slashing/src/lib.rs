//! # Hearth slashing
//!
//! Offences are reported by other pallets (a wrong inference result, a lease default,
//! a false attestation) through [`ReportOffence`], or by governance (root) with
//! [`Pallet::report_offence`]. A report is refused if the same `(kind, offender,
//! subject)` was reported before. **One slash per offender per span**: while a slash of
//! an offender is pending, further reports against it (of any kind, about any subject)
//! merge into it, keeping the **largest** (by what it would take from the offender's
//! stake at the time of the report; with that report's kind, share and reporter),
//! never the sum, so offences arranged in a burst cannot compound. The span ends when
//! the slash is applied or cancelled. A report may cap the slash at the harm done
//! (`at_most`, a lease default's tenant loss): the fraction is lowered so that the
//! slash takes no more.
//!
//! The reporter is paid its share only if it is neither the offender nor the offender's
//! coldkey (otherwise nobody is paid and the whole slash is burned); a pallet that
//! knows the offence's counterparty (a lease's tenant) does not name it as reporter.
//!
//! A slash is **deferred**: it is applied `DeferWindow` blocks after the report, during
//! which governance can cancel it ([`Pallet::cancel_slash`]). Application runs in
//! `on_initialize`, at most `MaxSlashesPerBlock` per block (a report finds the first
//! block from its due block with room), and returns the weight it used. The slash takes
//! the fraction of the offender's pool and unbonding funds (through staking's
//! [`StakeSlash`]); the reporter's share is paid to the reporter and the rest is
//! burned, so total issuance falls by exactly that.
//!
//! While a slash is pending, [`PendingSlash::is_pending`] is true for the offender, and
//! staking refuses to move stake off it except by unbonding (which stays slashable:
//! staking's unbonding period is longer than `DeferWindow`: both come from the genesis
//! preset's chain parameters, whose genesis check refuses anything else).

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

mod apply;
mod impls;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod invariants;
mod offences;
mod prune;
pub mod runtime_api;
pub mod types;
mod views;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::{OffenceParams, PendingSlash as PendingSlashInfo};
pub use weights::WeightInfo;

/// The longest raw storage key of `Reported` (two 16-byte prefixes, then each key
/// part with its hash: 9 + 48 + 48 bytes), with room to spare.
pub const MAX_CURSOR_LEN: u32 = 256;

use hearth_primitives::{OffenceKind, SlashId, StakeInspect, StakeSlash, Subject};

/// What the benchmarks need from staking: offenders with real stake.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A hotkey, distinct for each `index`, with stake in its pool and in its unbonding
	/// pool.
	fn staked_hotkey(index: u32) -> AccountId;
	/// Gives `who` enough to exist, so that a reporter's share can be paid to it.
	fn fund(who: &AccountId);
}

/// The fraction and reporter share of each kind of offence (governance reports bring
/// their own fraction).
pub trait OffenceConfig {
	/// The fraction taken and the reporter's share for `kind`.
	fn params(kind: OffenceKind) -> OffenceParams;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::weights::WeightMeter;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Balanced, Credit, Inspect},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// An account of the runtime.
	pub(crate) type AccountIdOf<T> = <T as frame_system::Config>::AccountId;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The staked currency (slashes hand over credits of it).
		type Currency: Balanced<Self::AccountId> + Inspect<Self::AccountId, Balance = u128>;
		/// Takes the slashed funds, and names the coldkey that owns an offender.
		type Staking: StakeSlash<Self::AccountId, Self::Currency> + StakeInspect<Self::AccountId, u128>;
		/// Fractions and reporter shares per kind.
		type Offences: OffenceConfig;
		/// The largest fraction any slash may take (below 100 %, so that pools survive).
		#[pallet::constant]
		type MaxSlashFraction: Get<Perbill>;
		/// Blocks between a report and its application; governance may cancel meanwhile.
		/// Shorter than staking's unbonding period (the runtime reads both from the
		/// genesis preset's chain parameters, which enforce it).
		type DeferWindow: Get<BlockNumberFor<Self>>;
		/// The most slashes applied in one block.
		#[pallet::constant]
		type MaxSlashesPerBlock: Get<u32>;
		/// How many blocks past its due block a report looks for room in the queue.
		#[pallet::constant]
		type MaxScheduleLookahead: Get<u32>;
		/// How long a report is remembered (and its duplicates refused): longer than any
		/// offence's subject stays reportable.
		#[pallet::constant]
		type ReportMemory: Get<BlockNumberFor<Self>>;
		/// Where the burned part of a slash goes (emissions counts burns).
		type Burn: frame_support::traits::OnUnbalanced<Credit<AccountIdOf<Self>, Self::Currency>>;
		/// Weights of the calls and the hook.
		type WeightInfo: WeightInfo;
		/// Sets up staked offenders for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The id the next slash gets.
	#[pallet::storage]
	pub type NextSlashId<T> = StorageValue<_, SlashId, ValueQuery>;

	/// Slashes waiting to be applied.
	#[pallet::storage]
	pub type Pending<T: Config> =
		StorageMap<_, Twox64Concat, SlashId, PendingSlashInfo<AccountIdOf<T>, BlockNumberFor<T>>>;

	/// The pending slash of an offender, into which new reports merge: one slash per
	/// offender per span.
	#[pallet::storage]
	pub type PendingOf<T: Config> = StorageMap<_, Blake2_128Concat, AccountIdOf<T>, SlashId>;

	/// The slashes to apply in each block.
	#[pallet::storage]
	pub type Scheduled<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, BoundedVec<SlashId, T::MaxSlashesPerBlock>, ValueQuery>;

	/// Every `(kind, offender, subject)` reported in the last `ReportMemory` blocks
	/// (reports are de-duplicated), with the block from which it may be forgotten.
	#[pallet::storage]
	pub type Reported<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, OffenceKind>,
			NMapKey<Blake2_128Concat, AccountIdOf<T>>,
			NMapKey<Blake2_128Concat, Subject>,
		),
		BlockNumberFor<T>,
	>;

	/// Where `on_idle`'s walk over `Reported` resumes: the raw storage key of the last
	/// entry it looked at; none when the next walk starts from the beginning.
	#[pallet::storage]
	pub type PruneCursor<T> = StorageValue<_, BoundedVec<u8, ConstU32<MAX_CURSOR_LEN>>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An offence was reported; slash `id` takes `fraction` at block `apply_at`.
		OffenceReported {
			/// The slash.
			id: SlashId,
			/// What the offender did.
			kind: OffenceKind,
			/// The hotkey slashed.
			offender: AccountIdOf<T>,
			/// What the offence is about (a job id, a lease id...).
			subject: Subject,
			/// The fraction of the offender's stake it takes.
			fraction: Perbill,
			/// The most it takes, when the harm is known.
			at_most: Option<u128>,
			/// The block in whose `on_initialize` it is applied.
			apply_at: BlockNumberFor<T>,
		},
		/// A report merged into the offender's pending slash `id`, which now takes
		/// `fraction` (at most `at_most`): the largest reported in the span.
		OffenceMerged {
			/// The slash.
			id: SlashId,
			/// What the merged report was for.
			kind: OffenceKind,
			/// The pending slash's fraction after the merge.
			fraction: Perbill,
			/// Its cap after the merge.
			at_most: Option<u128>,
		},
		/// Governance cancelled slash `id`.
		SlashCancelled {
			/// The slash.
			id: SlashId,
			/// The hotkey slashed.
			offender: AccountIdOf<T>,
		},
		/// Slash `id` took `amount` from `offender`: `to_reporter` paid, `burned` burned.
		SlashApplied {
			/// The slash.
			id: SlashId,
			/// The hotkey slashed.
			offender: AccountIdOf<T>,
			/// What was taken, in total.
			amount: u128,
			/// The reporter's share, paid to it.
			to_reporter: u128,
			/// The rest, burned.
			burned: u128,
		},
		/// Slash `id` could not be applied (the error is in `error`); nothing was taken.
		SlashFailed {
			/// The slash.
			id: SlashId,
			/// The hotkey slashed.
			offender: AccountIdOf<T>,
			/// Why it failed.
			error: DispatchError,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// This `(kind, offender, subject)` was reported before.
		DuplicateReport,
		/// The fraction is above `MaxSlashFraction`.
		FractionTooHigh,
		/// No slash is pending with that id (applied, cancelled, or never reported).
		UnknownSlash,
		/// Every block in the look-ahead already holds `MaxSlashesPerBlock` slashes.
		ScheduleFull,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Applies the slashes due in this block (at most `MaxSlashesPerBlock`).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let mut meter = WeightMeter::new();
			Self::apply_due(now, &mut meter);
			meter.consumed()
		}

		/// Forgets expired reports with the block's spare weight.
		fn on_idle(now: BlockNumberFor<T>, limit: Weight) -> Weight {
			let mut meter = WeightMeter::with_limit(limit);
			Self::prune_reports(now, &mut meter);
			meter.consumed()
		}

		fn integrity_test() {
			assert!(T::MaxSlashFraction::get() < Perbill::one(), "a slash must leave something in the pool");
			for kind in [OffenceKind::WrongResult, OffenceKind::LeaseDefault, OffenceKind::FalseAttestation] {
				assert!(
					T::Offences::params(kind).fraction <= T::MaxSlashFraction::get(),
					"{kind:?}: fraction above MaxSlashFraction"
				);
			}
			assert!(T::MaxSlashesPerBlock::get() > 0 && T::MaxScheduleLookahead::get() > 0);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Governance reports `offender` about `subject`, taking `fraction` of its stake
		/// after the deferral window; nobody is paid a reporter's share.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::report_offence())]
		pub fn report_offence(
			origin: OriginFor<T>,
			offender: AccountIdOf<T>,
			subject: Subject,
			fraction: Perbill,
		) -> DispatchResult {
			ensure_root(origin)?;
			let params = OffenceParams { fraction, reporter_share: Perbill::zero() };
			Self::do_report(OffenceKind::Governance, offender, subject, None, params, None).map(|_| ())
		}

		/// Governance cancels a pending slash.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel_slash())]
		pub fn cancel_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_cancel_slash(id)
		}
	}
}

extern crate alloc;
