//! Posting jobs, assignment, results, expiry, payment and pruning.

use super::*;

#[test]
fn a_leased_job_is_answered_then_paid_after_the_window_then_pruned() {
	build_and_execute(|| {
		let model = tiny_bert();
		let id = register(&model, 40);
		let input = tokens(&[1, 5, 9, 96]);
		let before = balance(TENANT);
		let job = post_leased(id, input.clone(), 1_000);
		assert_eq!(balance(TENANT), before - 1_000);
		let j = JobInfos::<Test>::get(job).unwrap();
		assert_eq!((j.miner, j.state, j.deadline), (Some(M1), JobState::Assigned, 11));
		let run = Run::of(&model, &input, None);
		answer(job, &run);
		let result = Results::<Test>::get(job).unwrap();
		assert_eq!(result.output_hash, run.output_hash(&job_key(job), &id));
		// The engine's own run gives the same output and trace.
		let JobInput::Tokens(t) = &input else { unreachable!() };
		let out = hearth_engine::run(&model, hearth_engine::Input::Tokens(t), &CpuGemm::default()).unwrap();
		assert_eq!((out.values, out.trace), (result.output.to_vec(), result.trace.to_vec()));
		// Paid when the window after the result (block 1) has passed.
		let miner_before = balance(M1);
		run_to(1 + WINDOW);
		assert_eq!(balance(M1), miner_before);
		run_to(2 + WINDOW);
		assert_eq!(balance(M1), miner_before + 900);
		assert_eq!(Burn::total(), 100);
		assert_eq!(JobInfos::<Test>::get(job).unwrap().state, JobState::Paid);
		assert!(job_events().contains(&Event::FeePaid { id: job, miner: M1, paid: 900, burned: 100 }));
		// Kept for the retention, then pruned.
		run_to(2 + WINDOW + RETENTION);
		assert!(JobInfos::<Test>::get(job).is_none() && Results::<Test>::get(job).is_none());
		assert!(job_events().contains(&Event::JobPruned { id: job }));
	});
}

#[test]
fn an_open_job_goes_to_a_serving_miner_drawn_in_the_next_block() {
	build_and_execute(|| {
		let id = register(&mlp(), 16);
		let mut miners = Vec::new();
		for _ in 0..4 {
			let job = NextJobId::<Test>::get();
			assert_ok!(Jobs::post_job(RuntimeOrigin::signed(TENANT), NETUID, id, mlp_input(), 500, 10, None));
			assert_eq!(JobInfos::<Test>::get(job).unwrap().state, JobState::Unassigned);
			miners.push(job);
		}
		// A fifth in the same block: the per-block bound.
		assert_noop!(
			Jobs::post_job(RuntimeOrigin::signed(TENANT), NETUID, id, mlp_input(), 500, 10, None),
			Error::<Test>::TooManyJobs
		);
		run_to(2);
		for job in miners {
			let j = JobInfos::<Test>::get(job).unwrap();
			assert_eq!(j.state, JobState::Assigned);
			// TENANT holds a uid but serves no endpoint (and is the tenant).
			assert!(matches!(j.miner, Some(M1 | M2 | M3)), "{:?}", j.miner);
		}
		assert!(Unassigned::<Test>::get().is_empty());
	});
}

#[test]
fn an_open_job_without_a_serving_miner_is_refunded() {
	build_and_execute(|| {
		let id = register(&mlp(), 16);
		Subnets::set_uids(NETUID, vec![(TENANT, true), (STRANGER, false)]);
		let before = balance(TENANT);
		let job = NextJobId::<Test>::get();
		assert_ok!(Jobs::post_job(RuntimeOrigin::signed(TENANT), NETUID, id, mlp_input(), 500, 10, None));
		run_to(2);
		assert_eq!(balance(TENANT), before);
		assert_eq!(JobInfos::<Test>::get(job).unwrap().state, JobState::Refunded);
		assert!(job_events().contains(&Event::JobRefunded { id: job, miner: None, refunded: 500 }));
		assert_eq!(Models::<Test>::get(NETUID, id).unwrap().open_jobs, 0);
	});
}

#[test]
fn posting_refuses_bad_jobs_and_changes_nothing() {
	build_and_execute(|| {
		let bert = register(&tiny_bert(), 8);
		let net = register(&mlp(), 16);
		let post = |who, model, input, fee, deadline, lease| {
			Jobs::post_job(RuntimeOrigin::signed(who), NETUID, model, input, fee, deadline, lease)
		};
		assert_noop!(post(TENANT, [9; 32], tokens(&[1]), 500, 10, None), Error::<Test>::UnknownModel);
		// Features for BERT, tokens for the MLP, nothing, too long, outside the vocabulary,
		// the wrong width, a value out of range.
		assert_noop!(post(TENANT, bert, features(&[1]), 500, 10, None), Error::<Test>::InvalidInput);
		assert_noop!(post(TENANT, net, tokens(&[1]), 500, 10, None), Error::<Test>::InvalidInput);
		assert_noop!(post(TENANT, bert, tokens(&[]), 500, 10, None), Error::<Test>::InvalidInput);
		assert_noop!(post(TENANT, bert, tokens(&[1; 9]), 500, 10, None), Error::<Test>::InvalidInput);
		assert_noop!(post(TENANT, bert, tokens(&[97]), 500, 10, None), Error::<Test>::InvalidInput);
		assert_noop!(post(TENANT, net, features(&[0; 15]), 500, 10, None), Error::<Test>::InvalidInput);
		let mut out_of_range = vec![0; 16];
		out_of_range[3] = 1 << 23;
		assert_noop!(post(TENANT, net, features(&out_of_range), 500, 10, None), Error::<Test>::InvalidInput);
		assert_noop!(post(TENANT, bert, tokens(&[1]), MIN_FEE - 1, 10, None), Error::<Test>::FeeTooLow);
		assert_noop!(post(TENANT, bert, tokens(&[1]), 500, 0, None), Error::<Test>::InvalidDeadline);
		assert_noop!(post(TENANT, bert, tokens(&[1]), 500, MAX_DEADLINE + 1, None), Error::<Test>::InvalidDeadline);
		// Someone else's lease, and a lease that does not exist.
		assert_noop!(post(TENANT2, bert, tokens(&[1]), 500, 10, Some(LEASE)), Error::<Test>::NotLeaseTenant);
		assert_noop!(post(TENANT, bert, tokens(&[1]), 500, 10, Some(99)), Error::<Test>::NotLeaseTenant);
		// More than the tenant has.
		assert!(post(TENANT, bert, tokens(&[1]), 100_000_000, 10, None).is_err());
		assert_eq!(NextJobId::<Test>::get(), 0);
	});
}

#[test]
fn results_are_refused_unless_they_are_the_assigned_miners_and_consistent() {
	build_and_execute(|| {
		let model = tiny_bert();
		let id = register(&model, 40);
		let input = tokens(&[3, 4, 5]);
		let job = post_leased(id, input.clone(), 1_000);
		let run = Run::of(&model, &input, None);
		let submit = |who, job, output, trace| Jobs::submit_result(RuntimeOrigin::signed(who), job, output, trace);
		assert_noop!(submit(M1, 99, run.output(), run.trace()), Error::<Test>::UnknownJob);
		assert_noop!(submit(M2, job, run.output(), run.trace()), Error::<Test>::NotAssignedMiner);
		let mut short = run.trace.clone();
		short.pop();
		assert_noop!(submit(M1, job, run.output(), Trace::truncate_from(short)), Error::<Test>::WrongTraceLength);
		let mut other = run.output().to_vec();
		other[0] += 1;
		assert_noop!(
			submit(M1, job, BoundedVec::truncate_from(other), run.trace()),
			Error::<Test>::OutputDoesNotMatchTrace
		);
		assert_ok!(submit(M1, job, run.output(), run.trace()));
		assert_noop!(submit(M1, job, run.output(), run.trace()), Error::<Test>::NotAwaitingResult);
		// After the deadline: refunded by the hook, or (its expiry queued a block later,
		// block 12 being full) refused by the deadline itself.
		for i in 0..4u8 {
			DueQueue::<Test>::mutate(12, |q| q.try_push(Due::Forget([i; 32])).unwrap());
		}
		let late = post_leased(id, input.clone(), 1_000);
		assert_eq!(JobInfos::<Test>::get(late).unwrap().due_at, 13);
		run_to(12);
		assert_noop!(submit(M1, late, run.output(), run.trace()), Error::<Test>::DeadlinePassed);
		run_to(13);
		assert_noop!(submit(M1, late, run.output(), run.trace()), Error::<Test>::NotAwaitingResult);
	});
}

#[test]
fn a_missed_deadline_refunds_the_tenant_and_counts_against_the_miner() {
	build_and_execute(|| {
		let id = register(&mlp(), 16);
		let before = balance(TENANT);
		let job = post_leased(id, mlp_input(), 1_000);
		run_to(11);
		// The deadline block itself still takes a result...
		assert_eq!(JobInfos::<Test>::get(job).unwrap().state, JobState::Assigned);
		run_to(12);
		assert_eq!(balance(TENANT), before);
		assert_eq!(JobInfos::<Test>::get(job).unwrap().state, JobState::Refunded);
		assert_eq!(Misses::<Test>::get(NETUID, M1), (1, 12));
		assert!(job_events().contains(&Event::JobRefunded { id: job, miner: Some(M1), refunded: 1_000 }));
		// ...and the miner's stake is not touched: no offence.
		assert!(Offences::reports().is_empty());
	});
}

#[test]
fn a_deadline_block_still_takes_the_result() {
	build_and_execute(|| {
		let model = mlp();
		let id = register(&model, 16);
		let job = post_leased(id, mlp_input(), 1_000);
		run_to(11);
		answer(job, &Run::of(&model, &mlp_input(), None));
		run_to(12);
		assert_eq!(JobInfos::<Test>::get(job).unwrap().state, JobState::Answered { at: 11 });
	});
}
