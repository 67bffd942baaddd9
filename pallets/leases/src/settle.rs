//! Lazy settlement, deadlines, closing, defaults and demand.

use crate::{pallet::*, types::*};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::Balanced,
		tokens::{Fortitude, Precision, Preservation},
		OnUnbalanced,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use hearth_primitives::{NetUid, OffenceKind, ReportOffence};
use sp_runtime::{traits::Saturating, PerThing, SaturatedConversion};

/// What settling a lease up to a block pays, without writing anything.
pub(crate) struct Settlement<BlockNumber> {
	pub paid: u128,
	pub take: u128,
	pub until: BlockNumber,
}

impl<T: Config> Pallet<T> {
	/// The block a lease must close: its end, or the last block its escrow pays for.
	pub(crate) fn deadline(
		from: BlockNumberFor<T>,
		end: BlockNumberFor<T>,
		escrow: u128,
		price: u128,
	) -> BlockNumberFor<T> {
		let paid_blocks = escrow.checked_div(price).unwrap_or(0);
		let dry: BlockNumberFor<T> = from.saturating_add(paid_blocks.saturated_into());
		dry.min(end)
	}

	/// What the lease owes its provider for the blocks from `settled_at` up to `until`
	/// (capped by its end, its escrow, and the provider's last sign of life plus the
	/// grace: a silent provider is never paid for blocks it did not serve).
	pub(crate) fn settlement(lease: &LeaseOf<T>, until: BlockNumberFor<T>) -> Settlement<BlockNumberFor<T>> {
		let served = Self::last_alive(lease).saturating_add(Self::grace());
		let until = until.min(lease.end).min(served).max(lease.settled_at);
		let blocks: u128 = until.saturating_sub(lease.settled_at).saturated_into();
		let paid = blocks.saturating_mul(lease.price).min(lease.escrow);
		let take = T::TakeRate::get().mul_floor(paid);
		Settlement { paid, take, until }
	}

	/// Pays the provider for blocks up to `until`: the take is burned, the rest is
	/// earned and counts as the subnet's demand.
	pub(crate) fn settle(id: LeaseId, lease: &mut LeaseOf<T>, until: BlockNumberFor<T>) -> DispatchResult {
		let s = Self::settlement(lease, until);
		if s.until == lease.settled_at {
			return Ok(());
		}
		if s.take > 0 {
			let burned = T::Currency::withdraw(
				&Self::account_id(),
				s.take,
				Precision::Exact,
				Preservation::Preserve,
				Fortitude::Polite,
			)?;
			T::Burn::on_unbalanced(burned);
		}
		let earned = s.paid.saturating_sub(s.take);
		lease.escrow = lease.escrow.saturating_sub(s.paid);
		lease.earned = lease.earned.saturating_add(earned);
		lease.settled_at = s.until;
		Self::add_demand(lease.netuid, earned, s.take);
		Self::deposit_event(Event::Settled { id, paid: s.paid, burned: s.take, until: s.until });
		Ok(())
	}

	/// An EMA record `(ema, updated)` at `now`: `ema · (1 - decay)^(now - updated)`.
	fn decayed((ema, at): (u128, BlockNumberFor<T>), now: BlockNumberFor<T>) -> u128 {
		let elapsed: usize = now.saturating_sub(at).saturated_into();
		T::DemandDecay::get().left_from_one().saturating_pow(elapsed).mul_floor(ema)
	}

	/// The subnet's demand EMA at `now`.
	pub(crate) fn decayed_demand(netuid: NetUid, now: BlockNumberFor<T>) -> u128 {
		Self::decayed(Demand::<T>::get(netuid), now)
	}

	/// The subnet's burned-take EMA at `now`.
	pub(crate) fn decayed_burn(netuid: NetUid, now: BlockNumberFor<T>) -> u128 {
		Self::decayed(BurnRate::<T>::get(netuid), now)
	}

	/// Adds `decay · earned` to the subnet's demand EMA and `decay · burned` to its
	/// burn EMA.
	fn add_demand(netuid: NetUid, earned: u128, burned: u128) {
		let now = frame_system::Pallet::<T>::block_number();
		let decay = T::DemandDecay::get();
		let demand = Self::decayed_demand(netuid, now).saturating_add(decay.mul_floor(earned));
		Demand::<T>::insert(netuid, (demand, now));
		let burn = Self::decayed_burn(netuid, now).saturating_add(decay.mul_floor(burned));
		BurnRate::<T>::insert(netuid, (burn, now));
	}

	/// How long a provider may stay silent: `MaxMissedHeartbeats` intervals.
	pub(crate) fn grace() -> BlockNumberFor<T> {
		T::HeartbeatInterval::get().saturating_mul(T::MaxMissedHeartbeats::get().into())
	}

	/// The lease's last sign of life. Its provider's last heartbeat (or the lease's
	/// start when that is later, or there is none) — unless a gap longer than the grace
	/// came after the lease started: then the heartbeat before that gap (a late
	/// heartbeat does not revive a lease in default).
	pub(crate) fn last_alive(lease: &LeaseOf<T>) -> BlockNumberFor<T> {
		match ProviderHeartbeats::<T>::get(&lease.provider) {
			None => lease.start,
			Some(h) if h.since > lease.start.saturating_add(Self::grace()) => {
				h.before.unwrap_or(lease.start).max(lease.start)
			},
			Some(h) => h.last.max(lease.start),
		}
	}

	/// Whether the provider went silent for longer than the grace during the lease.
	pub(crate) fn has_defaulted(lease: &LeaseOf<T>, now: BlockNumberFor<T>) -> bool {
		now.min(lease.end) > Self::last_alive(lease).saturating_add(Self::grace())
	}

	/// A lease's deadline came: it defaults if its provider went silent, else closes.
	pub(crate) fn close_due(id: LeaseId, now: BlockNumberFor<T>) {
		let Some(lease) = OpenLeases::<T>::get(id) else { return };
		if lease.closes_at != now {
			return;
		}
		// All or nothing: a failed close leaves the lease open (either party can still
		// close it, anyone can report it in default) and tries again one heartbeat
		// interval later.
		let result = frame_support::storage::with_storage_layer(|| {
			if Self::has_defaulted(&lease, now) {
				Self::default_lease(id, lease.clone(), None)
			} else {
				let reason = if now >= lease.end { CloseReason::Ended } else { CloseReason::EscrowDrained };
				Self::close(id, lease.clone(), reason, now)
			}
		});
		if let Err(error) = result {
			let retry_at = Self::schedule(now.saturating_add(T::HeartbeatInterval::get()), Deadline::Close(id)).ok();
			if let Some(at) = retry_at {
				OpenLeases::<T>::insert(id, Lease { closes_at: at, ..lease });
			}
			Self::deposit_event(Event::CloseFailed { id, error, retry_at });
		}
	}

	/// Settles up to `now`, refunds the escrow, pays earnings and the bond (part of it
	/// to the tenant when the provider closes early), and forgets the lease.
	pub(crate) fn close(
		id: LeaseId,
		mut lease: LeaseOf<T>,
		reason: CloseReason,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::settle(id, &mut lease, now)?;
		let bond_to_tenant = match reason {
			CloseReason::ByProvider if now < lease.end => T::EarlyCloseForfeit::get().mul_floor(lease.bond),
			_ => 0,
		};
		Self::finish(id, lease, reason, bond_to_tenant)
	}

	/// Defaults a lease: the offence is reported, the provider is paid up to its last
	/// sign of life, the tenant gets the rest of the escrow and the whole bond.
	///
	/// The report comes first and its failure fails the whole default (the callers run
	/// it in a storage layer): when slashing cannot take the offence now (its queue is
	/// full), the lease stays open and in default, to be defaulted again later, and the
	/// offence is never lost.
	pub(crate) fn default_lease(id: LeaseId, mut lease: LeaseOf<T>, reporter: Option<T::AccountId>) -> DispatchResult {
		let mut subject = [0u8; 32];
		subject[..8].copy_from_slice(&id.to_le_bytes());
		subject[8..16].copy_from_slice(b"leasedef");
		// The slash is sized to the tenant's loss: the bond, and the blocks the lease
		// went unserved up to now (or its end).
		let alive = Self::last_alive(&lease);
		let now = frame_system::Pallet::<T>::block_number();
		let unserved: u128 = now.min(lease.end).saturating_sub(alive).saturated_into();
		let loss = lease.bond.saturating_add(unserved.saturating_mul(lease.price));
		T::Offences::report(OffenceKind::LeaseDefault, lease.provider.clone(), subject, reporter, Some(loss))?;
		Self::settle(id, &mut lease, alive)?;
		let bond = lease.bond;
		Self::finish(id, lease, CloseReason::Defaulted, bond)
	}

	/// Closes a lease whose provider served a result proven wrong: the provider is paid
	/// up to now (the blocks it served before are not refunded: the offence's slash
	/// answers for the wrong result), the tenant gets the rest of the escrow and the
	/// whole bond, and the lease's deadline is unscheduled. The offence is the
	/// challenger's report, not this pallet's.
	pub(crate) fn close_proven_wrong(id: LeaseId) -> DispatchResult {
		let mut lease = OpenLeases::<T>::get(id).ok_or(Error::<T>::LeaseNotFound)?;
		let (closes_at, bond) = (lease.closes_at, lease.bond);
		let now = frame_system::Pallet::<T>::block_number();
		Self::settle(id, &mut lease, now)?;
		Self::finish(id, lease, CloseReason::ProvenWrong, bond)?;
		Self::unschedule(closes_at, Deadline::Close(id));
		Ok(())
	}

	/// Pays everything out and removes the lease.
	fn finish(id: LeaseId, lease: LeaseOf<T>, reason: CloseReason, bond_to_tenant: u128) -> DispatchResult {
		let refunded = lease.escrow;
		let bond_to_tenant = bond_to_tenant.min(lease.bond);
		Self::pay_out(&lease.tenant, refunded.saturating_add(bond_to_tenant))?;
		let to_provider = lease.earned.saturating_add(lease.bond - bond_to_tenant);
		Self::pay_out(&lease.provider, to_provider)?;
		OpenLeases::<T>::remove(id);
		ProviderLeaseCount::<T>::mutate_exists(&lease.provider, |n| {
			*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
		});
		if !ProviderLeaseCount::<T>::contains_key(&lease.provider) {
			ProviderHeartbeats::<T>::remove(&lease.provider);
		}
		Self::deposit_event(Event::LeaseClosed { id, reason, refunded, to_provider, bond_to_tenant });
		Ok(())
	}

	pub(crate) fn do_top_up(tenant: T::AccountId, id: LeaseId, amount: u128) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut lease = OpenLeases::<T>::get(id).ok_or(Error::<T>::LeaseNotFound)?;
		ensure!(lease.tenant == tenant, Error::<T>::NotLeaseTenant);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(!Self::has_defaulted(&lease, now), Error::<T>::LeaseInDefault);
		Self::settle(id, &mut lease, now)?;
		Self::take_in(&tenant, amount)?;
		lease.escrow = lease.escrow.saturating_add(amount);
		// Never at or before this block: its hook has run, and a deadline there would
		// never be seen.
		let due =
			Self::deadline(lease.settled_at, lease.end, lease.escrow, lease.price).max(now.saturating_add(1u32.into()));
		if due != lease.closes_at {
			Self::unschedule(lease.closes_at, Deadline::Close(id));
			lease.closes_at = Self::schedule(due, Deadline::Close(id))?;
		}
		let closes_at = lease.closes_at;
		OpenLeases::<T>::insert(id, lease);
		Self::deposit_event(Event::ToppedUp { id, amount, closes_at });
		Ok(())
	}

	pub(crate) fn do_withdraw(provider: T::AccountId, id: LeaseId) -> DispatchResult {
		let mut lease = OpenLeases::<T>::get(id).ok_or(Error::<T>::LeaseNotFound)?;
		ensure!(lease.provider == provider, Error::<T>::NotLeaseProvider);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(!Self::has_defaulted(&lease, now), Error::<T>::LeaseInDefault);
		Self::settle(id, &mut lease, now)?;
		let amount = core::mem::take(&mut lease.earned);
		Self::pay_out(&provider, amount)?;
		OpenLeases::<T>::insert(id, lease);
		Self::deposit_event(Event::Withdrawn { id, amount });
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// Closes a lease now: the tenant at any time; the provider too, forfeiting
	/// `EarlyCloseForfeit` of its bond to the tenant. A lease in default is defaulted
	/// instead (the offence is reported, nobody is paid for reporting it).
	pub(crate) fn do_close_lease(who: T::AccountId, id: LeaseId) -> DispatchResult {
		let lease = OpenLeases::<T>::get(id).ok_or(Error::<T>::LeaseNotFound)?;
		let reason = if who == lease.tenant {
			CloseReason::ByTenant
		} else if who == lease.provider {
			CloseReason::ByProvider
		} else {
			return Err(Error::<T>::NotLeaseParty.into());
		};
		let now = frame_system::Pallet::<T>::block_number();
		let closes_at = lease.closes_at;
		if Self::has_defaulted(&lease, now) {
			Self::default_lease(id, lease, None)?;
		} else {
			Self::close(id, lease, reason, now)?;
		}
		Self::unschedule(closes_at, Deadline::Close(id));
		Ok(())
	}

	/// The provider's hotkey is alive: one call covers all its leases.
	pub(crate) fn do_heartbeat(provider: T::AccountId) -> DispatchResult {
		ensure!(ProviderLeaseCount::<T>::get(&provider) > 0, Error::<T>::NoActiveLeases);
		let now = frame_system::Pallet::<T>::block_number();
		let grace = Self::grace();
		ProviderHeartbeats::<T>::mutate(&provider, |h| {
			*h = Some(match *h {
				Some(run) if now <= run.last.saturating_add(grace) => Heartbeats { last: now, ..run },
				// A gap longer than the grace: a new run starts.
				Some(run) => Heartbeats { since: now, last: now, before: Some(run.last) },
				None => Heartbeats { since: now, last: now, before: None },
			})
		});
		Self::deposit_event(Event::Heartbeat { provider });
		Ok(())
	}

	/// Defaults a lease whose provider missed `MaxMissedHeartbeats` intervals (anyone
	/// may call). The caller is the offence's reporter, paid a share of the slash,
	/// unless it is a party to the lease: the tenant, whose loss the default already
	/// refunds, or the provider (slashing also refuses the provider's coldkey).
	pub(crate) fn do_report_default(reporter: T::AccountId, id: LeaseId) -> DispatchResult {
		let lease = OpenLeases::<T>::get(id).ok_or(Error::<T>::LeaseNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(Self::has_defaulted(&lease, now), Error::<T>::NotDefaulted);
		let reporter = Some(reporter).filter(|r| *r != lease.tenant && *r != lease.provider);
		let closes_at = lease.closes_at;
		Self::default_lease(id, lease, reporter)?;
		Self::unschedule(closes_at, Deadline::Close(id));
		Ok(())
	}
}
