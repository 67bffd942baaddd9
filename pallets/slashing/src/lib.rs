//! # Hearth slashing
//!
//! Offences are reported by other pallets (a wrong inference result, a lease default,
//! a false attestation) through [`ReportOffence`], or by governance (root) with
//! [`Pallet::report_offence`]. A report is refused if the same `(kind, offender,
//! subject)` was reported before. Reports about the same offender and subject while a
//! slash is pending merge into it, keeping the **largest** fraction, not the sum.
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

pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::{OffenceParams, PendingSlash as PendingSlashInfo};
pub use weights::WeightInfo;

use hearth_primitives::{OffenceKind, PendingSlash, ReportOffence, SlashId, StakeSlash, Subject};

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
	fn params(kind: OffenceKind) -> OffenceParams;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Balanced, Credit, Inspect},
			Imbalance,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::Saturating, Perbill};

	type AccountIdOf<T> = <T as frame_system::Config>::AccountId;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The staked currency (slashes hand over credits of it).
		type Currency: Balanced<Self::AccountId> + Inspect<Self::AccountId, Balance = u128>;
		/// Takes the slashed funds.
		type Staking: StakeSlash<Self::AccountId, Self::Currency>;
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

	/// The pending slash of an `(offender, subject)`, into which new reports merge.
	#[pallet::storage]
	pub type BySubject<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, AccountIdOf<T>, Blake2_128Concat, Subject, SlashId>;

	/// How many slashes are pending per offender.
	#[pallet::storage]
	pub type PendingCount<T: Config> = StorageMap<_, Blake2_128Concat, AccountIdOf<T>, u32, ValueQuery>;

	/// The slashes to apply in each block.
	#[pallet::storage]
	pub type Scheduled<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, BoundedVec<SlashId, T::MaxSlashesPerBlock>, ValueQuery>;

	/// Every `(kind, offender, subject)` ever reported (reports are de-duplicated).
	#[pallet::storage]
	pub type Reported<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, OffenceKind>,
			NMapKey<Blake2_128Concat, AccountIdOf<T>>,
			NMapKey<Blake2_128Concat, Subject>,
		),
		(),
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An offence was reported; slash `id` takes `fraction` at block `apply_at`.
		OffenceReported {
			id: SlashId,
			kind: OffenceKind,
			offender: AccountIdOf<T>,
			subject: Subject,
			fraction: Perbill,
			apply_at: BlockNumberFor<T>,
		},
		/// A report merged into pending slash `id`, whose fraction is now `fraction`.
		OffenceMerged { id: SlashId, kind: OffenceKind, fraction: Perbill },
		/// Governance cancelled slash `id`.
		SlashCancelled { id: SlashId, offender: AccountIdOf<T> },
		/// Slash `id` took `amount` from `offender`: `to_reporter` paid, `burned` burned.
		SlashApplied { id: SlashId, offender: AccountIdOf<T>, amount: u128, to_reporter: u128, burned: u128 },
		/// Slash `id` could not be applied (the error is in `error`); nothing was taken.
		SlashFailed { id: SlashId, offender: AccountIdOf<T>, error: DispatchError },
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
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let due = Scheduled::<T>::take(now);
			let count = due.len() as u32;
			for id in due {
				Self::apply(id);
			}
			T::WeightInfo::on_initialize(count)
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
			Self::do_report(OffenceKind::Governance, offender, subject, None, params).map(|_| ())
		}

		/// Governance cancels a pending slash.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel_slash())]
		pub fn cancel_slash(origin: OriginFor<T>, id: SlashId) -> DispatchResult {
			ensure_root(origin)?;
			let slash = Pending::<T>::get(id).ok_or(Error::<T>::UnknownSlash)?;
			Scheduled::<T>::mutate(slash.apply_at, |ids| ids.retain(|x| *x != id));
			Self::forget(id, &slash);
			Self::deposit_event(Event::SlashCancelled { id, offender: slash.offender });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		fn do_report(
			kind: OffenceKind,
			offender: AccountIdOf<T>,
			subject: Subject,
			reporter: Option<AccountIdOf<T>>,
			params: OffenceParams,
		) -> Result<SlashId, DispatchError> {
			ensure!(params.fraction <= T::MaxSlashFraction::get(), Error::<T>::FractionTooHigh);
			let key = (kind, offender.clone(), subject);
			ensure!(!Reported::<T>::contains_key(&key), Error::<T>::DuplicateReport);

			if let Some(id) = BySubject::<T>::get(&offender, subject) {
				// Same offender and subject while pending: the largest fraction wins.
				let fraction = Pending::<T>::try_mutate(id, |slash| -> Result<Perbill, DispatchError> {
					let slash = slash.as_mut().ok_or(Error::<T>::UnknownSlash)?;
					if params.fraction > slash.fraction {
						slash.fraction = params.fraction;
						slash.reporter_share = params.reporter_share;
						slash.reporter = reporter.clone();
					}
					Ok(slash.fraction)
				})?;
				Reported::<T>::insert(&key, ());
				Self::deposit_event(Event::OffenceMerged { id, kind, fraction });
				return Ok(id);
			}

			let apply_at = Self::schedule_slot()?;
			let id = NextSlashId::<T>::mutate(|next| {
				let id = *next;
				*next = next.saturating_add(1);
				id
			});
			Scheduled::<T>::try_mutate(apply_at, |ids| ids.try_push(id)).map_err(|_| Error::<T>::ScheduleFull)?;
			Pending::<T>::insert(
				id,
				PendingSlashInfo {
					kind,
					offender: offender.clone(),
					subject,
					fraction: params.fraction,
					reporter_share: params.reporter_share,
					reporter,
					apply_at,
				},
			);
			BySubject::<T>::insert(&offender, subject, id);
			PendingCount::<T>::mutate(&offender, |c| *c = c.saturating_add(1));
			Reported::<T>::insert(&key, ());
			Self::deposit_event(Event::OffenceReported {
				id,
				kind,
				offender,
				subject,
				fraction: params.fraction,
				apply_at,
			});
			Ok(id)
		}

		/// The first block from `now + DeferWindow` whose queue has room.
		fn schedule_slot() -> Result<BlockNumberFor<T>, DispatchError> {
			let mut at = frame_system::Pallet::<T>::block_number().saturating_add(T::DeferWindow::get());
			for _ in 0..T::MaxScheduleLookahead::get() {
				if (Scheduled::<T>::decode_len(at).unwrap_or(0) as u32) < T::MaxSlashesPerBlock::get() {
					return Ok(at);
				}
				at = at.saturating_add(1u32.into());
			}
			Err(Error::<T>::ScheduleFull.into())
		}

		fn forget(id: SlashId, slash: &PendingSlashInfo<AccountIdOf<T>, BlockNumberFor<T>>) {
			Pending::<T>::remove(id);
			BySubject::<T>::remove(&slash.offender, slash.subject);
			PendingCount::<T>::mutate_exists(&slash.offender, |c| {
				*c = c.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
			});
		}

		/// Applies one pending slash: take, pay the reporter, burn the rest.
		fn apply(id: SlashId) {
			let Some(slash) = Pending::<T>::get(id) else { return };
			Self::forget(id, &slash);
			let credit: Credit<AccountIdOf<T>, T::Currency> = match T::Staking::slash(&slash.offender, slash.fraction) {
				Ok(credit) => credit,
				Err(error) => {
					Self::deposit_event(Event::SlashFailed { id, offender: slash.offender, error });
					return;
				},
			};
			let amount = credit.peek();
			let (to_reporter, burn) = match &slash.reporter {
				Some(reporter) => {
					let (share, rest) = credit.split(slash.reporter_share.mul_floor(amount));
					let paid = share.peek();
					match T::Currency::resolve(reporter, share) {
						Ok(()) => (paid, rest),
						// A reporter who cannot receive it (below the existential deposit)
						// leaves it to be burned.
						Err(unpaid) => (0, rest.merge(unpaid)),
					}
				},
				None => (0, credit),
			};
			let burned = burn.peek();
			// The sink burns it: total issuance falls by `burned`.
			<T::Burn as frame_support::traits::OnUnbalanced<_>>::on_unbalanced(burn);
			Self::deposit_event(Event::SlashApplied { id, offender: slash.offender, amount, to_reporter, burned });
		}

		/// Invariants: every pending slash is scheduled once and indexed by subject;
		/// per-offender counts match.
		#[cfg(any(feature = "try-runtime", feature = "std"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let mut counts: alloc::collections::BTreeMap<AccountIdOf<T>, u32> = Default::default();
			for (id, slash) in Pending::<T>::iter() {
				ensure!(Scheduled::<T>::get(slash.apply_at).contains(&id), "a pending slash is not scheduled");
				ensure!(
					BySubject::<T>::get(&slash.offender, slash.subject) == Some(id),
					"a pending slash is not indexed"
				);
				*counts.entry(slash.offender).or_default() += 1;
			}
			for (offender, count) in PendingCount::<T>::iter() {
				ensure!(counts.remove(&offender) == Some(count), "a pending count is wrong");
			}
			ensure!(counts.is_empty(), "an offender with pending slashes has no count");
			for (_, ids) in Scheduled::<T>::iter() {
				ensure!(ids.iter().all(|id| Pending::<T>::contains_key(id)), "a scheduled slash is not pending");
			}
			Ok(())
		}
	}

	impl<T: Config> ReportOffence<AccountIdOf<T>> for Pallet<T> {
		fn report(
			kind: OffenceKind,
			offender: AccountIdOf<T>,
			subject: Subject,
			reporter: Option<AccountIdOf<T>>,
		) -> Result<SlashId, DispatchError> {
			Self::do_report(kind, offender, subject, reporter, T::Offences::params(kind))
		}
	}

	impl<T: Config> PendingSlash<AccountIdOf<T>> for Pallet<T> {
		fn is_pending(offender: &AccountIdOf<T>) -> bool {
			PendingCount::<T>::get(offender) > 0
		}
	}
}

extern crate alloc;
