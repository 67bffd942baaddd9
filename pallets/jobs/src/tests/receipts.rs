//! Challenges of signed receipts, and equivocation.

use super::*;
use hearth_primitives::OffenceKind;

/// The tiny BERT registered, an input, and the honest run.
fn setup() -> (Model, ModelId, JobInput, Run) {
	let model = tiny_bert();
	let id = register(&model, 40);
	let input = tokens(&[11, 12, 13, 14, 15]);
	let honest = Run::of(&model, &input, None);
	(model, id, input, honest)
}

#[test]
fn a_wrong_receipt_is_proven_and_its_lease_closed() {
	build_and_execute(|| {
		let (model, id, input, honest) = setup();
		for lie in 0..4 {
			let signed = receipt(id, &input, &Run::of(&model, &input, Some(lie)), lie as u64);
			let key = signed.receipt.hash();
			assert_eq!(Jobs::check_receipt(&signed), Ok(()));
			let challenger = balance(CHALLENGER);
			assert_ok!(challenge(Subject::Receipt(signed.clone()), &model, &honest, &input, lie));
			assert_eq!(balance(CHALLENGER), challenger);
			assert!(Offences::reports().contains(&(OffenceKind::WrongResult, M1, key, Some(CHALLENGER))));
			assert_noop!(
				challenge(Subject::Receipt(signed), &model, &honest, &input, lie),
				Error::<Test>::AlreadyProvenWrong
			);
		}
		// The first proof closed TENANT's lease with M1.
		assert_eq!(Leases::closed(), vec![LEASE]);
	});
}

#[test]
fn an_honest_receipt_costs_the_challenger_its_bond() {
	build_and_execute(|| {
		let (model, id, input, honest) = setup();
		let signed = receipt(id, &input, &honest, 1);
		let miner = balance(M1);
		for step in 0..4 {
			assert_ok!(challenge(Subject::Receipt(signed.clone()), &model, &honest, &input, step));
		}
		assert_eq!(balance(M1), miner + 4 * BOND);
		assert!(Offences::reports().is_empty() && Leases::closed().is_empty());
		// The ruling is kept while the receipt can be challenged, then forgotten.
		let key = signed.receipt.hash();
		assert_eq!(Rulings::<Test>::get(key).unwrap().upheld, 0b1111);
		run_to(2 + WINDOW);
		assert!(Rulings::<Test>::get(key).is_none());
	});
}

#[test]
fn receipts_the_chain_does_not_rule_on_are_refused() {
	build_and_execute(|| {
		let (model, id, input, honest) = setup();
		let good = receipt(id, &input, &honest, 1).receipt;
		let go = |r: SignedReceiptOf<Test>| challenge(Subject::Receipt(r), &model, &honest, &input, 1);
		let foreign = Receipt { genesis: [1; 32], ..good.clone() };
		assert_eq!(Jobs::check_receipt(&sign(foreign.clone())), Err(ReceiptProblem::ForeignChain));
		assert_noop!(go(sign(foreign)), Error::<Test>::ForeignChain);
		// Signed by someone else, or over other bytes.
		let mut forged = sign(good.clone());
		forged.signature = TestSignature(M2, good.signing_payload());
		assert_noop!(go(forged), Error::<Test>::BadSignature);
		let mut forged = sign(good.clone());
		forged.signature = TestSignature(M1, codec::Encode::encode(&good));
		assert_noop!(go(forged), Error::<Test>::BadSignature);
		assert_noop!(go(sign(Receipt { model: [7; 32], ..good.clone() })), Error::<Test>::UnknownModel);
		assert_noop!(go(sign(Receipt { block: 2, ..good.clone() })), Error::<Test>::ReceiptFromTheFuture);
		System::set_block_number(2 + WINDOW);
		assert_eq!(Jobs::check_receipt(&sign(good.clone())), Err(ReceiptProblem::Expired));
		assert_noop!(go(sign(good.clone())), Error::<Test>::ChallengeWindowClosed);
		// Signed after the model retired.
		System::set_block_number(5);
		assert_ok!(Jobs::retire_model(RuntimeOrigin::signed(OWNER), NETUID, id));
		System::set_block_number(6);
		assert_noop!(go(sign(Receipt { block: 6, ..good.clone() })), Error::<Test>::ModelRetired);
		assert_ok!(go(sign(Receipt { block: 5, ..good })));
	});
}

#[test]
fn a_receipt_inconsistent_with_its_model_is_wrong_at_any_step() {
	build_and_execute(|| {
		let (model, id, input, honest) = setup();
		// A trace one element short.
		let mut r = receipt(id, &input, &honest, 1).receipt;
		r.trace = Trace::truncate_from(honest.trace[..3].to_vec());
		assert_ok!(challenge(Subject::Receipt(sign(r.clone())), &model, &honest, &input, 2));
		assert!(job_events().iter().any(|e| matches!(e, Event::ProvenWrong { fault: Fault::MalformedTrace, .. })));
		// An output hash that is not its trace's.
		let mut r = receipt(id, &input, &honest, 2).receipt;
		r.output_hash = [9; 32];
		assert_ok!(challenge(Subject::Receipt(sign(r)), &model, &honest, &input, 0));
		assert!(job_events().iter().any(|e| matches!(e, Event::ProvenWrong { fault: Fault::OutputNotFromTrace, .. })));
	});
}

#[test]
fn a_receipt_for_an_input_the_chain_does_not_accept_is_wrong() {
	build_and_execute(|| {
		let model = tiny_bert();
		let id = register(&model, 4);
		// Five tokens: the model runs them, but the chain accepts at most four.
		let input = tokens(&[1, 2, 3, 4, 5]);
		let run = Run::of(&model, &input, None);
		assert_ok!(challenge(Subject::Receipt(receipt(id, &input, &run, 1)), &model, &run, &input, 0));
		assert!(job_events().iter().any(|e| matches!(e, Event::ProvenWrong { fault: Fault::InputNotAccepted, .. })));
	});
}

#[test]
fn two_answers_to_one_request_are_an_equivocation() {
	build_and_execute(|| {
		let (model, id, input, honest) = setup();
		let first = receipt(id, &input, &honest, 1);
		let second = receipt(id, &input, &Run::of(&model, &input, Some(3)), 1);
		let report = |a: &SignedReceiptOf<Test>, b: &SignedReceiptOf<Test>| {
			Jobs::report_equivocation(RuntimeOrigin::signed(STRANGER), a.clone(), b.clone())
		};
		// The same output twice, two requests, two miners, two inputs: no equivocation.
		assert_noop!(report(&first, &first), Error::<Test>::NotEquivocation);
		assert_noop!(
			report(&first, &receipt(id, &input, &Run::of(&model, &input, Some(3)), 2)),
			Error::<Test>::NotEquivocation
		);
		let other_miner = sign(Receipt { miner: M2, ..second.receipt.clone() });
		assert_noop!(report(&first, &other_miner), Error::<Test>::NotEquivocation);
		let other_input = sign(Receipt { input_hash: [3; 32], ..second.receipt.clone() });
		assert_noop!(report(&first, &other_input), Error::<Test>::NotEquivocation);
		// A forged second signature.
		let mut forged = second.clone();
		forged.signature = TestSignature(M1, b"something else".to_vec());
		assert_noop!(report(&first, &forged), Error::<Test>::BadSignature);
		assert_ok!(report(&first, &second));
		let request = hearth_primitives::receipt::request_key(&TENANT, 1);
		assert!(job_events().contains(&Event::Equivocation { miner: M1, request, reporter: STRANGER }));
		assert_eq!(Offences::reports()[0].0, OffenceKind::Equivocation);
		assert_eq!(Offences::reports()[0].3, Some(STRANGER));
		// Reported once.
		assert!(report(&second, &first).is_err());
	});
}
