//! Offers, orders, bids and the award.

use crate::{pallet::*, types::*};
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::BlockNumberFor;
use hearth_primitives::SubnetNeurons;
use hearth_primitives::{GpuSpec, NetUid, StakeInspect};
use sp_runtime::{
	traits::{Saturating, Zero},
	SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// Moves `amount` from `who` into the pallet's account.
	pub(crate) fn take_in(who: &T::AccountId, amount: u128) -> DispatchResult {
		hearth_primitives::escrow::take_in::<_, T::Currency>(who, &Self::account_id(), amount)
	}

	/// Pays `amount` out of the pallet's account (which keeps its existential deposit).
	/// An amount below the existential deposit owed to an account that no longer exists
	/// cannot be paid: it is burned as dust (with an event) rather than block a close.
	pub(crate) fn pay_out(who: &T::AccountId, amount: u128) -> DispatchResult {
		if hearth_primitives::escrow::pay_out::<_, T::Currency, T::Burn>(&Self::account_id(), who, amount)? {
			Self::deposit_event(Event::DustBurned { who: who.clone(), amount });
		}
		Ok(())
	}

	fn next_id() -> u64 {
		NextId::<T>::mutate(|id| {
			let current = *id;
			*id = id.saturating_add(1);
			current
		})
	}

	pub(crate) fn do_publish(
		provider: T::AccountId,
		existing: Option<OfferId>,
		netuid: NetUid,
		gpu: GpuSpec,
		price: u128,
		region: Region,
	) -> DispatchResult {
		ensure!(
			T::Staking::hotkey_stake(&provider) >= T::MinProviderStake::get(),
			Error::<T>::InsufficientProviderStake
		);
		ensure!(T::Neurons::is_neuron(netuid, &provider), Error::<T>::NotANeuron);
		ensure!(gpu.is_valid(), Error::<T>::InvalidGpu);
		ensure!(price > 0, Error::<T>::ZeroPrice);
		let id = match existing {
			Some(id) => id,
			None => {
				// A failed push reverts the whole call, the id counter included.
				let id = Self::next_id();
				ProviderOffers::<T>::try_mutate(&provider, |ids| ids.try_push(id))
					.map_err(|_| Error::<T>::TooManyOffers)?;
				id
			},
		};
		Offers::<T>::insert(id, Offer { provider: provider.clone(), netuid, gpu, price, region });
		Self::deposit_event(Event::OfferPublished { id, provider, netuid, price });
		Ok(())
	}

	pub(crate) fn do_open_order(
		tenant: T::AccountId,
		netuid: NetUid,
		requirements: Requirements,
		max_price: u128,
		duration: BlockNumberFor<T>,
		deposit: u128,
		auto_award: bool,
	) -> DispatchResult {
		ensure!(T::Neurons::subnet_exists(netuid), Error::<T>::UnknownSubnet);
		ensure!(!duration.is_zero() && requirements.count > 0, Error::<T>::InvalidRequirements);
		ensure!(max_price > 0, Error::<T>::ZeroPrice);
		let min_blocks: u128 = T::MinDepositBlocks::get().saturated_into();
		ensure!(
			deposit >= max_price.saturating_mul(min_blocks) && deposit >= T::MinOrderDeposit::get(),
			Error::<T>::DepositTooSmall
		);
		let now = frame_system::Pallet::<T>::block_number();
		let id = Self::next_id();
		let award_at = if auto_award {
			Some(Self::schedule(now.saturating_add(T::BidWindow::get()), Deadline::Award(id))?)
		} else {
			None
		};
		Self::take_in(&tenant, deposit)?;
		Orders::<T>::insert(
			id,
			Order {
				tenant: tenant.clone(),
				netuid,
				requirements,
				max_price,
				duration,
				deposit,
				award_at,
				opened_at: now,
				bids: BoundedVec::new(),
			},
		);
		Self::deposit_event(Event::OrderOpened { id, tenant, netuid, max_price, deposit });
		Ok(())
	}

	pub(crate) fn do_bid(provider: T::AccountId, id: OrderId, offer_id: OfferId, price: u128) -> DispatchResult {
		let mut order = Orders::<T>::get(id).ok_or(Error::<T>::OrderNotFound)?;
		let offer = Offers::<T>::get(offer_id).ok_or(Error::<T>::OfferNotFound)?;
		ensure!(offer.provider == provider, Error::<T>::NotOfferOwner);
		ensure!(price > 0, Error::<T>::ZeroPrice);
		ensure!(price <= order.max_price, Error::<T>::BidAboveMaxPrice);
		ensure!(
			offer.netuid == order.netuid && order.requirements.met_by(&offer.gpu),
			Error::<T>::OfferDoesNotMeetRequirements
		);
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(at) = order.award_at {
			ensure!(now < at, Error::<T>::BidWindowClosed);
		}
		ensure!(!Self::order_expired(&order, now), Error::<T>::OrderExpired);
		ensure!(order.bids.iter().all(|b| b.provider != provider), Error::<T>::AlreadyBid);
		ensure!(OpenBids::<T>::get(&provider) < T::MaxOpenBids::get(), Error::<T>::TooManyOpenBids);
		ensure!(
			T::Staking::hotkey_stake(&provider) >= T::MinProviderStake::get(),
			Error::<T>::InsufficientProviderStake
		);
		ensure!(T::Neurons::is_neuron(order.netuid, &provider), Error::<T>::NotANeuron);
		let bond = T::BidBond::get();
		order
			.bids
			.try_push(Bid { provider: provider.clone(), offer: offer_id, price, bond, at: now })
			.map_err(|_| Error::<T>::TooManyBids)?;
		Self::take_in(&provider, bond)?;
		OpenBids::<T>::mutate(&provider, |n| *n = n.saturating_add(1));
		Orders::<T>::insert(id, order);
		Self::deposit_event(Event::BidPlaced { order: id, provider, price });
		Ok(())
	}

	/// Refunds an order's deposit and every bond, and forgets it.
	pub(crate) fn refund_order(id: OrderId, order: OrderOf<T>) -> DispatchResult {
		Self::pay_out(&order.tenant, order.deposit)?;
		for bid in order.bids.iter() {
			Self::release_bid(bid)?;
		}
		if let Some(at) = order.award_at {
			Self::unschedule(at, Deadline::Award(id));
		}
		Orders::<T>::remove(id);
		Ok(())
	}

	/// The bid window of an auto-award order closed: the lowest bid (ties: the
	/// earliest, which is first in the list) wins; without bids the order expires.
	pub(crate) fn auto_award(id: OrderId) {
		let Some(mut order) = Orders::<T>::get(id) else { return };
		// The queue entry is consumed; the award no longer needs unscheduling.
		order.award_at = None;
		let now = frame_system::Pallet::<T>::block_number();
		// The lowest bid among those still standing (unexpired, from a provider that
		// still qualifies).
		let best = order
			.bids
			.iter()
			.enumerate()
			.filter(|(_, b)| Self::bid_standing(&order, b, now).is_ok())
			.min_by_key(|(i, b)| (b.price, *i))
			.map(|(i, _)| i);
		// All or nothing: should a transfer or the schedule fail, the order stays
		// open for its tenant to cancel, and the failure is on record.
		let result = frame_support::storage::with_storage_layer(|| match best {
			Some(index) => Self::start_lease(id, order, index),
			None => Self::refund_order(id, order).map(|_| Self::deposit_event(Event::OrderExpired { id })),
		});
		if let Err(error) = result {
			Self::deposit_event(Event::AwardFailed { id, error });
		}
	}

	/// Turns order `id` into a lease with its bid `index`; every other bond goes back.
	pub(crate) fn start_lease(id: OrderId, order: OrderOf<T>, index: usize) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let winner = order.bids.get(index).cloned().ok_or(Error::<T>::BidNotFound)?;
		let end = now.saturating_add(order.duration);
		// Never at or before this block (its hook has run).
		let closes_at = Self::deadline(now, end, order.deposit, winner.price).max(now.saturating_add(1u32.into()));
		let closes_at = Self::schedule(closes_at, Deadline::Close(id))?;
		for (i, bid) in order.bids.iter().enumerate() {
			if i != index {
				Self::release_bid(bid)?;
			}
		}
		// The winner's bond becomes the lease's: its bid is no longer open.
		Self::forget_open_bid(&winner.provider);
		if let Some(at) = order.award_at {
			Self::unschedule(at, Deadline::Award(id));
		}
		Orders::<T>::remove(id);
		let lease = Lease {
			tenant: order.tenant.clone(),
			provider: winner.provider.clone(),
			netuid: order.netuid,
			price: winner.price,
			start: now,
			end,
			escrow: order.deposit,
			settled_at: now,
			earned: 0,
			bond: winner.bond,
			closes_at,
		};
		OpenLeases::<T>::insert(id, lease);
		ProviderLeaseCount::<T>::mutate(&winner.provider, |n| *n = n.saturating_add(1));
		Self::deposit_event(Event::LeaseStarted {
			id,
			tenant: order.tenant,
			provider: winner.provider,
			price: winner.price,
			closes_at,
		});
		Ok(())
	}

	/// Replaces offer `id`'s terms (running leases keep theirs).
	pub(crate) fn do_update_offer(
		provider: T::AccountId,
		id: OfferId,
		gpu: GpuSpec,
		price: u128,
		region: Region,
	) -> DispatchResult {
		let offer = Offers::<T>::get(id).ok_or(Error::<T>::OfferNotFound)?;
		ensure!(offer.provider == provider, Error::<T>::NotOfferOwner);
		Self::do_publish(provider, Some(id), offer.netuid, gpu, price, region)
	}

	/// Withdraws offer `id`.
	pub(crate) fn do_remove_offer(provider: T::AccountId, id: OfferId) -> DispatchResult {
		let offer = Offers::<T>::get(id).ok_or(Error::<T>::OfferNotFound)?;
		ensure!(offer.provider == provider, Error::<T>::NotOfferOwner);
		Offers::<T>::remove(id);
		ProviderOffers::<T>::mutate(&provider, |ids| ids.retain(|x| *x != id));
		Self::deposit_event(Event::OfferRemoved { id });
		Ok(())
	}

	/// Cancels an order before it is awarded: the deposit and every bond go back.
	pub(crate) fn do_cancel_order(who: T::AccountId, id: OrderId) -> DispatchResult {
		let order = Orders::<T>::get(id).ok_or(Error::<T>::OrderNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(order.tenant == who || Self::order_expired(&order, now), Error::<T>::NotOrderTenant);
		Self::refund_order(id, order)?;
		Self::deposit_event(Event::OrderCancelled { id });
		Ok(())
	}

	/// The tenant accepts `provider`'s bid: the order becomes a lease.
	pub(crate) fn do_accept_bid(tenant: T::AccountId, id: OrderId, provider: T::AccountId) -> DispatchResult {
		let order = Orders::<T>::get(id).ok_or(Error::<T>::OrderNotFound)?;
		ensure!(order.tenant == tenant, Error::<T>::NotOrderTenant);
		let index = order.bids.iter().position(|b| b.provider == provider).ok_or(Error::<T>::BidNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(!Self::order_expired(&order, now), Error::<T>::OrderExpired);
		if let Some(bid) = order.bids.get(index) {
			Self::bid_standing(&order, bid, now)?;
		}
		Self::start_lease(id, order, index)
	}

	/// Whether a manual order is past its `OrderLifetime` (auto-award orders end at
	/// their award).
	pub(crate) fn order_expired(order: &OrderOf<T>, now: BlockNumberFor<T>) -> bool {
		order.award_at.is_none() && now >= order.opened_at.saturating_add(T::OrderLifetime::get())
	}

	/// Whether `bid` may still win `order`: not older than `BidLifetime`, and its
	/// provider still qualifies (its offer exists, is its own and meets the order; it
	/// is a neuron of the subnet with the least stake).
	pub(crate) fn bid_standing(order: &OrderOf<T>, bid: &BidOf<T>, now: BlockNumberFor<T>) -> DispatchResult {
		ensure!(now <= bid.at.saturating_add(T::BidLifetime::get()), Error::<T>::BidExpired);
		let offer_ok = Offers::<T>::get(bid.offer).is_some_and(|offer| {
			offer.provider == bid.provider && offer.netuid == order.netuid && order.requirements.met_by(&offer.gpu)
		});
		let provider_ok = T::Neurons::is_neuron(order.netuid, &bid.provider)
			&& T::Staking::hotkey_stake(&bid.provider) >= T::MinProviderStake::get();
		ensure!(offer_ok && provider_ok, Error::<T>::ProviderIneligible);
		Ok(())
	}

	/// Pays a bid's bond back and closes it in its provider's count.
	fn release_bid(bid: &BidOf<T>) -> DispatchResult {
		Self::pay_out(&bid.provider, bid.bond)?;
		Self::forget_open_bid(&bid.provider);
		Ok(())
	}

	fn forget_open_bid(provider: &T::AccountId) {
		OpenBids::<T>::mutate_exists(provider, |n| *n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0));
	}

	/// A provider takes its bid back from an open order: the bond goes back.
	pub(crate) fn do_withdraw_bid(provider: T::AccountId, id: OrderId) -> DispatchResult {
		let mut order = Orders::<T>::get(id).ok_or(Error::<T>::OrderNotFound)?;
		let index = order.bids.iter().position(|b| b.provider == provider).ok_or(Error::<T>::BidNotFound)?;
		let bid = order.bids.remove(index);
		Self::release_bid(&bid)?;
		Orders::<T>::insert(id, order);
		Self::deposit_event(Event::BidWithdrawn { order: id, provider });
		Ok(())
	}
}
