//! Conservation over random activity: fees, deposits, bonds, refunds and the burned
//! take always add up, and the invariants hold after every block.

use super::*;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
	/// TENANT or TENANT2 posts an open job, or TENANT one under its lease.
	Post { leased: bool, second_tenant: bool, fee: u16 },
	/// The assigned miner of the `n`-th job answers, lying at a step or not.
	Answer { n: u8, lie: Option<u8> },
	/// CHALLENGER challenges the `n`-th job's result at a step.
	Challenge { n: u8, step: u8 },
	/// Blocks pass.
	Wait { blocks: u8 },
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		(any::<bool>(), any::<bool>(), 100u16..5_000).prop_map(|(leased, second_tenant, fee)| Op::Post {
			leased,
			second_tenant,
			fee
		}),
		(any::<u8>(), proptest::option::of(0u8..3)).prop_map(|(n, lie)| Op::Answer { n, lie }),
		(any::<u8>(), 0u8..3).prop_map(|(n, step)| Op::Challenge { n, step }),
		(1u8..15).prop_map(|blocks| Op::Wait { blocks }),
	]
}

fn total() -> Balance {
	let accounts = [OWNER, TENANT, TENANT2, M1, M2, M3, CHALLENGER, STRANGER, Jobs::account_id()];
	accounts.iter().map(|a| balance(*a)).sum::<Balance>() + Burn::total()
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

	#[test]
	fn funds_add_up_whatever_happens(ops in proptest::collection::vec(op(), 1..30)) {
		build_and_execute(|| {
			let model = mlp();
			let input = mlp_input();
			let id = register(&model, 16);
			let start = total();
			let mut posted: Vec<JobId> = Vec::new();
			for op in ops {
				match op {
					Op::Post { leased, second_tenant, fee } => {
						let tenant = if second_tenant && !leased { TENANT2 } else { TENANT };
						let job = NextJobId::<Test>::get();
						let lease = leased.then_some(LEASE);
						if Jobs::post_job(RuntimeOrigin::signed(tenant), NETUID, id, input.clone(), fee.into(), 10, lease).is_ok() {
							posted.push(job);
						}
					},
					Op::Answer { n, lie } if !posted.is_empty() => {
						let job = posted[n as usize % posted.len()];
						if let Some(miner) = JobInfos::<Test>::get(job).and_then(|j| j.miner) {
							let run = Run::of(&model, &input, lie.map(usize::from));
							let _ = Jobs::submit_result(RuntimeOrigin::signed(miner), job, run.output(), run.trace());
						}
					},
					Op::Challenge { n, step } if !posted.is_empty() => {
						let job = posted[n as usize % posted.len()];
						let honest = Run::of(&model, &input, None);
						let _ = challenge(Subject::Result(job), &model, &honest, &input, step.into());
					},
					Op::Wait { blocks } => {
						run_to(System::block_number() + u64::from(blocks));
						Jobs::do_try_state().expect("invariants hold after every block");
					},
					_ => {},
				}
				assert_eq!(total(), start, "nothing is created or lost");
			}
		});
	}
}
