use crate::{mock::*, pallet::*, types::*};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect, BoundedVec};
use hearth_primitives::OffenceKind;
use pallet_hearth_subnets::{GpuSpec, GpuVendor};

fn gpu(model: &str, vram: u16, count: u8) -> GpuSpec {
	GpuSpec {
		vendor: GpuVendor::Nvidia,
		model: BoundedVec::truncate_from(model.as_bytes().to_vec()),
		vram_gib: vram,
		count,
	}
}

fn region() -> Region {
	BoundedVec::truncate_from(b"eu-west".to_vec())
}

fn needs(min_vram: u16, models: &[&str], count: u8) -> Requirements {
	Requirements {
		min_vram_gib: min_vram,
		models: BoundedVec::truncate_from(
			models.iter().map(|m| BoundedVec::truncate_from(m.as_bytes().to_vec())).collect(),
		),
		count,
	}
}

/// `provider` offers an 80 GiB H100 ×8 at `price`; returns the offer id.
fn offer(provider: AccountId, price: Balance) -> OfferId {
	let id = NextId::<Test>::get();
	assert_ok!(Leases::publish_offer(RuntimeOrigin::signed(provider), NETUID, gpu("H100", 80, 8), price, region()));
	id
}

/// TENANT orders ≥ 40 GiB ×4 at ≤ 100 a block for `duration`, depositing `deposit`.
fn order(duration: u64, deposit: Balance, auto: bool) -> OrderId {
	let id = NextId::<Test>::get();
	assert_ok!(Leases::open_order(
		RuntimeOrigin::signed(TENANT),
		NETUID,
		needs(40, &[], 4),
		100,
		duration,
		deposit,
		auto
	));
	id
}

fn balance(who: AccountId) -> Balance {
	Balances::balance(&who)
}

/// An order with P1's bid at `price` accepted at block 1: returns the lease id.
fn lease(price: Balance, duration: u64, deposit: Balance) -> LeaseId {
	let o = offer(P1, price);
	let id = order(duration, deposit, false);
	assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o, price));
	assert_ok!(Leases::accept_bid(RuntimeOrigin::signed(TENANT), id, P1));
	id
}

#[test]
fn the_whole_lifecycle_pays_to_the_unit() {
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(60, 100, 3_000);
		let l = OpenLeases::<Test>::get(id).unwrap();
		// 3000 / 60 = 50 blocks of escrow, less than the 100-block duration.
		assert_eq!((l.start, l.end, l.closes_at), (1, 101, 51));
		assert!(lease_events().contains(&Event::LeaseStarted {
			id,
			tenant: TENANT,
			provider: P1,
			price: 60,
			closes_at: 51
		}));
		run_to(11);
		// 10 blocks: 600 paid, 60 burned, 540 earned; the view sees it without a write.
		let view = Leases::lease_view(id).unwrap();
		assert_eq!((view.escrow_remaining, view.withdrawable, view.paid_blocks_left), (2_400, 540, 40));
		assert_ok!(Leases::withdraw(RuntimeOrigin::signed(P1), id));
		assert_eq!(balance(P1), p0 - BOND + 540);
		assert_eq!(Burn::total(), 60);
		// The tenant closes at block 21: 10 more blocks.
		run_to(21);
		assert_ok!(Leases::close_lease(RuntimeOrigin::signed(TENANT), id));
		assert_eq!(balance(TENANT), tenant0 - 20 * 60);
		assert_eq!(balance(P1), p0 + 20 * 54);
		assert_eq!(Burn::total(), 20 * 6);
		assert!(OpenLeases::<Test>::get(id).is_none());
		assert_eq!(Deadlines::<Test>::get(51).len(), 0, "the deadline is unscheduled");
		assert!(lease_events().contains(&Event::LeaseClosed {
			id,
			reason: CloseReason::ByTenant,
			refunded: 3_000 - 1_200,
			to_provider: 540 + BOND,
			bond_to_tenant: 0
		}));
		// Demand: 1080 earned fed the subnet's EMA.
		assert!(<Leases as hearth_primitives::SubnetDemand<Balance>>::demand(NETUID) > 0);
	});
}

#[test]
fn the_escrow_running_dry_closes_the_lease_on_chain() {
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(60, 100, 1_000);
		// 1000 / 60 = 16 whole blocks; it closes at block 17 with 40 left over.
		assert_eq!(OpenLeases::<Test>::get(id).unwrap().closes_at, 17);
		for b in 2..=16 {
			run_to(b);
			assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		}
		run_to(17);
		assert!(OpenLeases::<Test>::get(id).is_none());
		assert!(lease_events()
			.iter()
			.any(|e| matches!(e, Event::LeaseClosed { reason: CloseReason::EscrowDrained, refunded: 40, .. })));
		assert_eq!(balance(TENANT), tenant0 - 16 * 60);
		assert_eq!(balance(P1), p0 + 16 * 54);
	});
}

#[test]
fn a_settlement_caps_at_the_escrow_and_a_top_up_reschedules() {
	build_and_execute(|| {
		let id = lease(60, 100, 1_000);
		// Top up at block 5: settled 4 blocks (240), escrow 760 + 600 = 1360 → 22 blocks more.
		run_to(5);
		assert_ok!(Leases::top_up(RuntimeOrigin::signed(TENANT), id, 600));
		let l = OpenLeases::<Test>::get(id).unwrap();
		assert_eq!((l.escrow, l.settled_at, l.closes_at), (1_360, 5, 27));
		assert!(Deadlines::<Test>::get(17).is_empty());
		assert!(lease_events().contains(&Event::ToppedUp { id, amount: 600, closes_at: 27 }));
		// A settlement never takes more than the escrow.
		let s = Leases::settlement(&l, 1_000);
		assert_eq!(s.paid, 1_360);
		assert_noop!(Leases::top_up(RuntimeOrigin::signed(TENANT), id, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Leases::top_up(RuntimeOrigin::signed(TENANT2), id, 5), Error::<Test>::NotLeaseTenant);
	});
}

#[test]
fn a_top_up_after_expiry_and_a_heartbeat_after_close_are_refused() {
	build_and_execute(|| {
		let id = lease(100, 10, 1_000);
		run_to(11);
		assert!(OpenLeases::<Test>::get(id).is_none());
		assert!(lease_events().iter().any(|e| matches!(e, Event::LeaseClosed { reason: CloseReason::Ended, .. })));
		assert_noop!(Leases::top_up(RuntimeOrigin::signed(TENANT), id, 100), Error::<Test>::LeaseNotFound);
		assert_noop!(Leases::heartbeat(RuntimeOrigin::signed(P1)), Error::<Test>::NoActiveLeases);
		assert_noop!(Leases::withdraw(RuntimeOrigin::signed(P1), id), Error::<Test>::LeaseNotFound);
	});
}

#[test]
fn a_refund_below_the_existential_deposit_to_a_reaped_tenant_is_burned_not_stuck() {
	build_and_execute(|| {
		use frame_support::traits::{fungible::Mutate, tokens::Preservation};
		let o = offer(P1, 100);
		let id = NextId::<Test>::get();
		// 1005 deposit at 100 a block: 10 blocks, 5 left over.
		assert_ok!(Leases::open_order(
			RuntimeOrigin::signed(TENANT2),
			NETUID,
			needs(40, &[], 1),
			100,
			50,
			1_005,
			false
		));
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o, 100));
		assert_ok!(Leases::accept_bid(RuntimeOrigin::signed(TENANT2), id, P1));
		// The tenant empties its account.
		let all = balance(TENANT2);
		assert_ok!(<Balances as Mutate<_>>::transfer(&TENANT2, &TENANT, all, Preservation::Expendable));
		for b in 2..=10 {
			run_to(b);
			assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		}
		run_to(11);
		assert!(OpenLeases::<Test>::get(id).is_none(), "the lease closed at its deadline");
		assert!(lease_events().contains(&Event::DustBurned { who: TENANT2, amount: 5 }));
		assert_eq!(Burn::total(), 10 * 10 + 5);
	});
}

#[test]
fn closing_in_the_block_of_creation_refunds_everything() {
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(60, 100, 3_000);
		assert_ok!(Leases::close_lease(RuntimeOrigin::signed(TENANT), id));
		assert_eq!(balance(TENANT), tenant0);
		assert_eq!(balance(P1), p0);
		assert_eq!(Burn::total(), 0);
	});
}

#[test]
fn a_provider_closing_early_forfeits_half_its_bond() {
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(50, 100, 5_000);
		run_to(3);
		assert_noop!(Leases::close_lease(RuntimeOrigin::signed(P2), id), Error::<Test>::NotLeaseParty);
		assert_ok!(Leases::close_lease(RuntimeOrigin::signed(P1), id));
		assert_eq!(balance(TENANT), tenant0 - 100 + BOND / 2);
		assert_eq!(balance(P1), p0 + 90 - BOND / 2);
	});
}

#[test]
fn missed_heartbeats_default_the_lease_refund_unserved_blocks_and_report() {
	build_and_execute(|| {
		let (tenant0, p0) = (balance(TENANT), balance(P1));
		let id = lease(10, 1_000, 5_000);
		run_to(6);
		assert_ok!(Leases::heartbeat(RuntimeOrigin::signed(P1)));
		// Grace: 3 intervals of 10 blocks after block 6.
		run_to(36);
		assert_noop!(Leases::report_default(RuntimeOrigin::signed(TENANT2), id), Error::<Test>::NotDefaulted);
		run_to(37);
		assert_ok!(Leases::report_default(RuntimeOrigin::signed(TENANT2), id));
		// Served blocks 1..6 only: 50 paid (5 burned); the bond goes to the tenant.
		assert_eq!(balance(TENANT), tenant0 - 50 + BOND);
		assert_eq!(balance(P1), p0 - BOND + 45);
		assert_eq!(Offences::reports().len(), 1);
		let (kind, offender, _, reporter) = Offences::reports()[0];
		assert_eq!((kind, offender, reporter), (OffenceKind::LeaseDefault, P1, Some(TENANT2)));
	});
}

#[test]
fn a_silent_provider_defaults_at_the_deadline_too() {
	build_and_execute(|| {
		let tenant0 = balance(TENANT);
		let id = lease(100, 50, 5_000);
		run_to(51);
		assert!(OpenLeases::<Test>::get(id).is_none());
		assert!(lease_events().iter().any(|e| matches!(e, Event::LeaseClosed { reason: CloseReason::Defaulted, .. })));
		// Never heartbeat: nothing served, everything and the bond back.
		assert_eq!(balance(TENANT), tenant0 + BOND);
		assert_eq!(Offences::reports()[0].3, None);
	});
}

#[test]
fn auto_award_picks_the_lowest_then_earliest_bid_and_returns_the_rest() {
	build_and_execute(|| {
		let (o1, o2, o3) = (offer(P1, 90), offer(P2, 70), offer(P3, 70));
		let id = order(20, 2_000, true);
		let p1 = balance(P1);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o1, 90));
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P2), id, o2, 70));
		run_to(2);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P3), id, o3, 70));
		run_to(1 + BID_WINDOW - 1);
		assert!(Orders::<Test>::contains_key(id));
		run_to(1 + BID_WINDOW);
		let l = OpenLeases::<Test>::get(id).expect("awarded");
		assert_eq!((l.provider, l.price), (P2, 70));
		assert_eq!(balance(P1), p1, "the losing bond is back");
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, o1, 60), Error::<Test>::OrderNotFound);
	});
}

#[test]
fn an_auto_award_order_without_bids_expires_and_refunds() {
	build_and_execute(|| {
		let t = balance(TENANT);
		let id = order(20, 2_000, true);
		run_to(1 + BID_WINDOW);
		assert!(!Orders::<Test>::contains_key(id));
		assert_eq!(balance(TENANT), t);
		assert!(lease_events().contains(&Event::OrderExpired { id }));
	});
}

#[test]
fn a_failed_auto_award_leaves_the_order_open_and_says_why() {
	build_and_execute(|| {
		let o = offer(P2, 70);
		let id = order(20, 2_000, true);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P2), id, o, 70));
		// The lease would close at 1 + BID_WINDOW + 20: fill every queue a deadline
		// there could use, so that the award cannot schedule it.
		let closes_at = 1 + BID_WINDOW + 20;
		let mut filler = 1_000;
		for at in closes_at..closes_at + 20 {
			while Leases::schedule(at, Deadline::Close(filler)).is_ok_and(|b| b == at) {
				filler += 1;
			}
		}
		let (tenant, provider) = (balance(TENANT), balance(P2));
		run_to(1 + BID_WINDOW);
		assert!(lease_events().contains(&Event::AwardFailed { id, error: Error::<Test>::ScheduleFull.into() }));
		assert!(Orders::<Test>::contains_key(id), "the order is still open");
		assert!(!OpenLeases::<Test>::contains_key(id));
		assert_eq!((balance(TENANT), balance(P2)), (tenant, provider), "nothing moved");
		assert_ok!(Leases::cancel_order(RuntimeOrigin::signed(TENANT), id));
	});
}

#[test]
fn cancelling_an_order_refunds_the_deposit_and_bonds() {
	build_and_execute(|| {
		let (t, p) = (balance(TENANT), balance(P1));
		let o = offer(P1, 50);
		let id = order(20, 2_000, true);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, o, 50));
		assert_noop!(Leases::cancel_order(RuntimeOrigin::signed(TENANT2), id), Error::<Test>::NotOrderTenant);
		assert_ok!(Leases::cancel_order(RuntimeOrigin::signed(TENANT), id));
		assert_eq!((balance(TENANT), balance(P1)), (t, p));
		assert!(Deadlines::<Test>::get(1 + BID_WINDOW).is_empty());
		assert_noop!(Leases::cancel_order(RuntimeOrigin::signed(TENANT), id), Error::<Test>::OrderNotFound);
	});
}

#[test]
fn offers_need_stake_membership_and_sane_terms() {
	build_and_execute(|| {
		let publish = |who, g, price| Leases::publish_offer(RuntimeOrigin::signed(who), NETUID, g, price, region());
		assert_noop!(publish(UNSTAKED, gpu("H100", 80, 1), 10), Error::<Test>::InsufficientProviderStake);
		assert_noop!(publish(STRANGER, gpu("H100", 80, 1), 10), Error::<Test>::NotANeuron);
		assert_noop!(publish(P1, gpu("", 80, 1), 10), Error::<Test>::InvalidGpu);
		assert_noop!(publish(P1, gpu("H100", 0, 1), 10), Error::<Test>::InvalidGpu);
		assert_noop!(publish(P1, gpu("H100", 80, 1), 0), Error::<Test>::ZeroPrice);
		let a = offer(P1, 10);
		offer(P1, 20);
		assert_noop!(publish(P1, gpu("H100", 80, 1), 30), Error::<Test>::TooManyOffers);
		assert_noop!(
			Leases::update_offer(RuntimeOrigin::signed(P2), a, gpu("A100", 40, 1), 5, region()),
			Error::<Test>::NotOfferOwner
		);
		assert_ok!(Leases::update_offer(RuntimeOrigin::signed(P1), a, gpu("A100", 40, 1), 5, region()));
		assert_eq!(Offers::<Test>::get(a).unwrap().price, 5);
		assert_noop!(Leases::remove_offer(RuntimeOrigin::signed(P2), a), Error::<Test>::NotOfferOwner);
		assert_ok!(Leases::remove_offer(RuntimeOrigin::signed(P1), a));
		assert_noop!(Leases::remove_offer(RuntimeOrigin::signed(P1), a), Error::<Test>::OfferNotFound);
		assert_eq!(Leases::offers_of(&P1).len(), 1);
	});
}

#[test]
fn orders_and_bids_refuse_bad_terms() {
	build_and_execute(|| {
		let open =
			|req, max, dur, dep| Leases::open_order(RuntimeOrigin::signed(TENANT), NETUID, req, max, dur, dep, false);
		assert_noop!(open(needs(40, &[], 1), 100, 0, 10_000), Error::<Test>::InvalidRequirements);
		assert_noop!(open(needs(40, &[], 0), 100, 10, 10_000), Error::<Test>::InvalidRequirements);
		assert_noop!(open(needs(40, &[], 1), 0, 10, 10_000), Error::<Test>::ZeroPrice);
		assert_noop!(open(needs(40, &[], 1), 100, 10, 999), Error::<Test>::DepositTooSmall);
		let big =
			Leases::open_order(RuntimeOrigin::signed(TENANT), NETUID, needs(40, &[], 1), 100, 10, 1_000_000_000, false);
		assert_noop!(big, sp_runtime::ArithmeticError::Underflow);
		// Models: only A100s are acceptable.
		let id = NextId::<Test>::get();
		assert_ok!(open(needs(40, &["A100"], 4), 100, 10, 1_000));
		let h100 = offer(P1, 50);
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, h100, 50), Error::<Test>::OfferDoesNotMeetRequirements);
		assert_ok!(Leases::update_offer(RuntimeOrigin::signed(P1), h100, gpu("A100", 40, 2), 50, region()));
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, h100, 50), Error::<Test>::OfferDoesNotMeetRequirements);
		assert_ok!(Leases::update_offer(RuntimeOrigin::signed(P1), h100, gpu("A100", 40, 4), 50, region()));
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, h100, 101), Error::<Test>::BidAboveMaxPrice);
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P2), id, h100, 50), Error::<Test>::NotOfferOwner);
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id + 9, h100, 50), Error::<Test>::OrderNotFound);
		assert_ok!(Leases::bid(RuntimeOrigin::signed(P1), id, h100, 50));
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, h100, 40), Error::<Test>::AlreadyBid);
		assert_noop!(Leases::accept_bid(RuntimeOrigin::signed(TENANT), id, P2), Error::<Test>::BidNotFound);
		assert_noop!(Leases::accept_bid(RuntimeOrigin::signed(TENANT2), id, P1), Error::<Test>::NotOrderTenant);
	});
}

#[test]
fn bids_close_with_the_window_and_are_bounded() {
	build_and_execute(|| {
		let id = order(20, 2_000, true);
		let mut providers = Vec::new();
		for i in 0..MAX_BIDS as u64 {
			let p = 1_000 + i;
			make_provider(p);
			let o = offer(p, 50);
			assert_ok!(Leases::bid(RuntimeOrigin::signed(p), id, o, 50));
			providers.push(p);
		}
		let o = offer(P1, 50);
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), id, o, 50), Error::<Test>::TooManyBids);
		let other = order(20, 2_000, true);
		run_to(1 + BID_WINDOW);
		assert_noop!(Leases::bid(RuntimeOrigin::signed(P1), other, o, 50), Error::<Test>::OrderNotFound);
		// The first of equal bids won.
		assert_eq!(OpenLeases::<Test>::get(id).unwrap().provider, providers[0]);
	});
}

#[test]
fn heartbeats_and_defaults_need_a_running_lease() {
	build_and_execute(|| {
		assert_noop!(Leases::heartbeat(RuntimeOrigin::signed(P1)), Error::<Test>::NoActiveLeases);
		assert_noop!(Leases::report_default(RuntimeOrigin::signed(TENANT), 7), Error::<Test>::LeaseNotFound);
		assert_noop!(Leases::withdraw(RuntimeOrigin::signed(P1), 7), Error::<Test>::LeaseNotFound);
		let id = lease(10, 100, 1_000);
		assert_noop!(Leases::withdraw(RuntimeOrigin::signed(TENANT), id), Error::<Test>::NotLeaseProvider);
	});
}

mod conservation {
	use super::*;
	use proptest::prelude::*;

	#[derive(Debug, Clone)]
	enum Op {
		Order { deposit: u16, duration: u8, auto: bool },
		Bid { order: u8, provider: u8, price: u8 },
		Accept { order: u8, provider: u8 },
		Cancel { order: u8 },
		TopUp { lease: u8, amount: u16 },
		Close { lease: u8, by_provider: bool },
		Withdraw { lease: u8 },
		Heartbeat { provider: u8 },
		Default { lease: u8 },
		Advance { blocks: u8 },
	}

	fn op() -> impl Strategy<Value = Op> {
		prop_oneof![
			(0u16..5_000, 1u8..60, any::<bool>()).prop_map(|(deposit, duration, auto)| Op::Order {
				deposit,
				duration,
				auto
			}),
			(0u8..8, 0u8..3, 1u8..120).prop_map(|(order, provider, price)| Op::Bid { order, provider, price }),
			(0u8..8, 0u8..3).prop_map(|(order, provider)| Op::Accept { order, provider }),
			(0u8..8).prop_map(|order| Op::Cancel { order }),
			(0u8..8, 0u16..3_000).prop_map(|(lease, amount)| Op::TopUp { lease, amount }),
			(0u8..8, any::<bool>()).prop_map(|(lease, by_provider)| Op::Close { lease, by_provider }),
			(0u8..8).prop_map(|lease| Op::Withdraw { lease }),
			(0u8..3).prop_map(|provider| Op::Heartbeat { provider }),
			(0u8..8).prop_map(|lease| Op::Default { lease }),
			(1u8..40).prop_map(|blocks| Op::Advance { blocks }),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		/// Deposits = payments to providers + burned take + refunds + what is still held,
		/// and nobody's balance moves except through these.
		#[test]
		fn market_activity_conserves_every_unit(ops in proptest::collection::vec(op(), 1..60)) {
			build_and_execute(|| {
				let providers = [P1, P2, P3];
				let offers: Vec<OfferId> = providers.iter().map(|p| offer(*p, 50)).collect();
				let accounts: Vec<AccountId> = FUNDED.iter().map(|(a, _)| *a).collect();
				let total = |accounts: &[AccountId]| accounts.iter().map(|a| balance(*a)).sum::<Balance>();
				let start = total(&accounts) + balance(Leases::account_id());
				let issuance = Balances::total_issuance();
				for op in ops {
					let o = |i: u8| i as OfferId;
					let _ = match op {
						Op::Order { deposit, duration, auto } => Leases::open_order(
							RuntimeOrigin::signed(TENANT), NETUID, needs(40, &[], 1), 100, duration as u64, deposit as Balance, auto),
						Op::Bid { order, provider, price } => Leases::bid(
							RuntimeOrigin::signed(providers[provider as usize]), o(order), offers[provider as usize], price as Balance),
						Op::Accept { order, provider } =>
							Leases::accept_bid(RuntimeOrigin::signed(TENANT), o(order), providers[provider as usize]),
						Op::Cancel { order } => Leases::cancel_order(RuntimeOrigin::signed(TENANT), o(order)),
						Op::TopUp { lease, amount } => Leases::top_up(RuntimeOrigin::signed(TENANT), o(lease), amount as Balance),
						Op::Close { lease, by_provider } => {
							let who = OpenLeases::<Test>::get(o(lease)).map(|l| if by_provider { l.provider } else { l.tenant });
							Leases::close_lease(RuntimeOrigin::signed(who.unwrap_or(TENANT)), o(lease))
						},
						Op::Withdraw { lease } => {
							let who = OpenLeases::<Test>::get(o(lease)).map(|l| l.provider).unwrap_or(P1);
							Leases::withdraw(RuntimeOrigin::signed(who), o(lease))
						},
						Op::Heartbeat { provider } => Leases::heartbeat(RuntimeOrigin::signed(providers[provider as usize])),
						Op::Default { lease } => Leases::report_default(RuntimeOrigin::signed(TENANT2), o(lease)),
						Op::Advance { blocks } => { run_to(System::block_number() + blocks as u64); Ok(()) },
					};
					// Every unit is in an account, in the pallet, or burned.
					assert_eq!(total(&accounts) + balance(Leases::account_id()) + Burn::total(), start);
					assert_eq!(Balances::total_issuance() + Burn::total(), issuance);
					Leases::do_try_state().expect("the pallet holds exactly what it owes");
				}
			});
		}
	}
}

#[test]
fn deadlines_beyond_the_current_window_fire_on_their_block() {
	build_and_execute(|| {
		// 1500 blocks of escrow: the deadline is in the next window of the index.
		let id = lease(1, 3_000, 1_500);
		let closes_at = OpenLeases::<Test>::get(id).unwrap().closes_at;
		assert_eq!(closes_at, 1_501);
		assert!(closes_at / WINDOW as u64 > 0);
		assert!(FutureMarks::<Test>::contains_key(1));
		assert!(Leases::is_marked(closes_at) && !Leases::is_marked(closes_at - 1));
		run_to(closes_at - 1);
		assert!(OpenLeases::<Test>::contains_key(id));
		assert_eq!(CurrentWindow::<Test>::get().0, 1, "the index moved to the second window");
		assert!(!FutureMarks::<Test>::contains_key(1));
		run_to(closes_at);
		assert!(!OpenLeases::<Test>::contains_key(id));
		assert!(!Leases::is_marked(closes_at));
	});
}
