//! Random market activity conserves every unit.

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
