//! Challenges of on-chain results: a wrong step anywhere is proven, an honest result
//! never is, and evidence that is not what the miner committed to is refused.

use super::*;
use hearth_primitives::OffenceKind;

/// Registers `model`, posts `input` under LEASE, and M1 answers, lying at `lie_at`.
fn answered(model: &Model, max_input: u32, input: &JobInput, lie_at: Option<usize>) -> (ModelId, JobId) {
	let id = register(model, max_input);
	let job = post_leased(id, input.clone(), 1_000);
	answer(job, &Run::of(model, input, lie_at));
	(id, job)
}

/// The tiny BERT with other weights.
fn bert_with_seed(seed: u64) -> Model {
	Model::Bert(quantize::bert(&seeded::bert(seeded::TINY, seed)).unwrap())
}

/// The models and inputs every dispute test runs on.
fn cases() -> Vec<(Model, u32, JobInput)> {
	vec![(tiny_bert(), 40, tokens(&[2, 7, 7, 40, 96, 0, 13])), (mlp(), 16, mlp_input())]
}

#[test]
fn a_wrong_step_is_proven_at_every_step_of_both_models() {
	for (model, max_input, input) in cases() {
		let steps = model.steps().len();
		for lie in 0..steps {
			build_and_execute(|| {
				let (_, job) = answered(&model, max_input, &input, Some(lie));
				let honest = Run::of(&model, &input, None);
				let (tenant, challenger) = (balance(TENANT), balance(CHALLENGER));
				// The challenger re-runs honestly and names the first step that differs.
				let result = Results::<Test>::get(job).unwrap();
				let first = (0..steps).find(|i| result.trace[*i] != honest.trace[*i]).unwrap();
				assert_eq!(first, lie);
				assert_ok!(challenge(Subject::Result(job), &model, &honest, &input, first));
				assert_eq!(balance(TENANT), tenant + 1_000, "the fee goes back");
				assert_eq!(balance(CHALLENGER), challenger, "the bond comes back");
				assert_eq!(Offences::reports(), vec![(OffenceKind::WrongResult, M1, job_key(job), Some(CHALLENGER))]);
				assert_eq!(JobInfos::<Test>::get(job).unwrap().state, JobState::ProvenWrong);
				assert!(job_events().contains(&Event::ProvenWrong {
					subject: job_key(job),
					miner: M1,
					challenger: CHALLENGER,
					step: lie as u32,
					fault: Fault::WrongStep,
				}));
				// Ruled once: no second ruling, and the fee is never paid to the miner.
				assert_noop!(
					challenge(Subject::Result(job), &model, &honest, &input, first),
					Error::<Test>::NotChallengeable
				);
				let miner = balance(M1);
				run_to(3 + WINDOW);
				assert_eq!(balance(M1), miner);
			});
		}
	}
}

#[test]
fn an_honest_result_is_never_proven_wrong_whatever_the_step() {
	for (model, max_input, input) in cases() {
		build_and_execute(|| {
			let (_, job) = answered(&model, max_input, &input, None);
			let honest = Run::of(&model, &input, None);
			for step in 0..model.steps().len() {
				let (miner, challenger) = (balance(M1), balance(CHALLENGER));
				assert_ok!(challenge(Subject::Result(job), &model, &honest, &input, step));
				assert_eq!(balance(M1), miner + BOND, "the bond goes to the miner");
				assert_eq!(balance(CHALLENGER), challenger - BOND);
				assert_noop!(
					challenge(Subject::Result(job), &model, &honest, &input, step),
					Error::<Test>::StepAlreadyUpheld
				);
			}
			assert!(Offences::reports().is_empty());
			// Still paid when the window passes.
			run_to(2 + WINDOW);
			assert_eq!(JobInfos::<Test>::get(job).unwrap().state, JobState::Paid);
		});
	}
}

#[test]
fn forged_evidence_is_refused_and_changes_nothing() {
	build_and_execute(|| {
		let model = tiny_bert();
		let input = tokens(&[5, 6, 7, 8]);
		let (_, job) = answered(&model, 40, &input, Some(2));
		let honest = Run::of(&model, &input, None);
		let lying = Run::of(&model, &input, Some(2));
		let go = |step: u32, evidence, chunk| {
			Jobs::challenge(RuntimeOrigin::signed(CHALLENGER), Subject::Result(job), step, evidence, chunk)
		};
		// x_1 that is not the miner's t_1.
		let mut forged = honest.activations[1].values().to_vec();
		forged[5] += 1;
		let forged = Activation::new(4, 48, forged).unwrap();
		assert_noop!(
			go(2, StepInput::Activation(ActivationBytes::truncate_from(forged.encode())), chunk(&model, 2)),
			Error::<Test>::ActivationMismatch
		);
		// Another step's chunk, and a chunk with one byte changed.
		assert_noop!(go(2, honest.step_input(&input, 2), chunk(&model, 1)), Error::<Test>::ChunkMismatch);
		let mut bad = chunk(&model, 2).to_vec();
		bad[100] ^= 1;
		assert_noop!(go(2, honest.step_input(&input, 2), ChunkBytes::truncate_from(bad)), Error::<Test>::ChunkMismatch);
		// Bytes that are not an activation: too short, a value out of range.
		let mut bytes = honest.activations[1].encode();
		bytes.pop();
		assert_noop!(
			go(2, StepInput::Activation(ActivationBytes::truncate_from(bytes)), chunk(&model, 2)),
			Error::<Test>::ActivationNotCanonical
		);
		let mut bytes = honest.activations[1].encode();
		bytes[8..12].copy_from_slice(&(1i32 << 23).to_le_bytes());
		assert_noop!(
			go(2, StepInput::Activation(ActivationBytes::truncate_from(bytes)), chunk(&model, 2)),
			Error::<Test>::ActivationNotCanonical
		);
		// Step 0 with an input that is not the job's; an activation for step 0; the input
		// for a later step; a step the model does not have.
		assert_noop!(go(0, StepInput::Input(tokens(&[5, 6, 7, 9])), chunk(&model, 0)), Error::<Test>::InputMismatch);
		assert_noop!(go(0, honest.step_input(&input, 1), chunk(&model, 0)), Error::<Test>::WrongStepInput);
		assert_noop!(go(2, StepInput::Input(input.clone()), chunk(&model, 2)), Error::<Test>::WrongStepInput);
		assert_noop!(go(4, honest.step_input(&input, 3), chunk(&model, 3)), Error::<Test>::InvalidStep);
		// Step 0's weights: the whole 12 MB-class chunk is not a proof; a proof that lacks
		// a token of the input; a proof of another chunk.
		let embeddings = encode_chunk(&model.steps()[0]);
		assert_noop!(
			go(0, StepInput::Input(input.clone()), ChunkBytes::truncate_from(embeddings.clone())),
			Error::<Test>::ProofNotCanonical
		);
		assert_noop!(
			go(0, StepInput::Input(input.clone()), proof(&embeddings, &[5, 6, 7])),
			Error::<Test>::ProofMissingToken
		);
		let other = bert_with_seed(9);
		assert_noop!(
			go(0, StepInput::Input(input.clone()), proof(&encode_chunk(&other.steps()[0]), &[5, 6, 7, 8])),
			Error::<Test>::ChunkMismatch
		);
		// A proof of exactly the input's tokens is enough.
		assert_ok!(go(0, StepInput::Input(input.clone()), proof(&embeddings, &[8, 7, 6, 5])));
		// The liar's own x_2 at step 3 is what its trace commits to, and step 3 of it is
		// right: the miner is upheld at step 3 (the lie is at step 2).
		assert_ok!(go(3, lying.step_input(&input, 3), chunk(&model, 3)));
		assert!(Offences::reports().is_empty());
		// Without the bond.
		let poor = 99;
		assert!(Jobs::challenge(
			RuntimeOrigin::signed(poor),
			Subject::Result(job),
			2,
			honest.step_input(&input, 2),
			chunk(&model, 2)
		)
		.is_err());
	});
}

#[test]
fn a_result_cannot_be_challenged_after_its_window_or_before_it_exists() {
	build_and_execute(|| {
		let model = mlp();
		let input = mlp_input();
		let id = register(&model, 16);
		let job = post_leased(id, input.clone(), 1_000);
		let honest = Run::of(&model, &input, None);
		assert_noop!(challenge(Subject::Result(job), &model, &honest, &input, 0), Error::<Test>::NotChallengeable);
		assert_noop!(challenge(Subject::Result(77), &model, &honest, &input, 0), Error::<Test>::UnknownJob);
		answer(job, &Run::of(&model, &input, Some(1)));
		run_to(1 + WINDOW);
		// The block after the window, before its hook pays the miner.
		System::set_block_number(2 + WINDOW);
		assert_noop!(challenge(Subject::Result(job), &model, &honest, &input, 1), Error::<Test>::ChallengeWindowClosed);
		System::set_block_number(1 + WINDOW);
		run_to(2 + WINDOW);
		assert_noop!(challenge(Subject::Result(job), &model, &honest, &input, 1), Error::<Test>::NotChallengeable);
	});
}

#[test]
fn a_wrong_result_served_under_a_lease_closes_the_lease() {
	build_and_execute(|| {
		let model = mlp();
		let input = mlp_input();
		let (_, job) = answered(&model, 16, &input, Some(0));
		assert_ok!(challenge(Subject::Result(job), &model, &Run::of(&model, &input, None), &input, 0));
		assert_eq!(Leases::closed(), vec![LEASE]);
	});
}

#[test]
fn a_challenge_fails_whole_when_slashing_cannot_take_the_offence() {
	build_and_execute(|| {
		let model = mlp();
		let input = mlp_input();
		let (_, job) = answered(&model, 16, &input, Some(1));
		Offences::refuse(true);
		assert_noop!(
			challenge(Subject::Result(job), &model, &Run::of(&model, &input, None), &input, 1),
			sp_runtime::DispatchError::Other("the slashing queue is full")
		);
	});
}

#[test]
fn the_weight_charged_is_refunded_to_the_models_costliest_step() {
	build_and_execute(|| {
		let model = tiny_bert();
		let input = tokens(&[1, 2]);
		let (id, job) = answered(&model, 40, &input, None);
		let info = Models::<Test>::get(NETUID, id).unwrap();
		let post = challenge(Subject::Result(job), &model, &Run::of(&model, &input, None), &input, 1).unwrap();
		let actual = post.actual_weight.unwrap();
		// Step 1 is a layer, the costliest step: charged the model's costliest.
		assert_eq!(actual, Jobs::challenge_weight(Jobs::dispute_tokens(info.step_multiply_adds), info.largest_chunk));
		assert!(actual.ref_time() < Jobs::challenge_worst_case().ref_time());
		// Pooling runs no product: charged its own cost (the fixed part dominates at the
		// tiny model's size; the runtime's test compares MiniLM's steps).
		let post = challenge(Subject::Result(job), &model, &Run::of(&model, &input, None), &input, 3).unwrap();
		assert!(post.actual_weight.unwrap().ref_time() <= actual.ref_time());
		assert_eq!(post.actual_weight.unwrap(), Jobs::step_weight(&info, 3));
	});
}
