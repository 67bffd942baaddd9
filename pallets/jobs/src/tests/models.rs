//! Registering, retiring and removing models.

use super::*;

#[test]
fn the_owner_registers_a_model_priced_by_the_cost_model() {
	build_and_execute(|| {
		let model = tiny_bert();
		let before = balance(OWNER);
		let id = register(&model, 40);
		let info = Models::<Test>::get(NETUID, id).expect("registered");
		assert_eq!(info.chunk_hashes.len(), 4);
		// The costliest step is an encoder layer at 40 tokens: 4·n·h² + 2·n²·h + 2·n·h·f.
		assert_eq!(info.step_multiply_adds, 4 * 40 * 48 * 48 + 2 * 40 * 40 * 48 + 2 * 40 * 48 * 96);
		assert_eq!(info.step_values, 40 * 48);
		assert_eq!(info.largest_chunk as u64, *model.architecture().chunk_lens().iter().max().unwrap());
		assert_eq!(info.deposit, DEPOSIT_BASE + DEPOSIT_PER_BYTE * codec::Encode::encoded_size(&info) as u128);
		assert_eq!(balance(OWNER), before - info.deposit);
		assert_eq!(SubnetModels::<Test>::get(NETUID).into_inner(), vec![id]);
		assert!(job_events().contains(&Event::ModelRegistered {
			netuid: NETUID,
			model: id,
			steps: 4,
			max_input: 40,
			step_multiply_adds: info.step_multiply_adds,
			deposit: info.deposit,
		}));
	});
}

#[test]
fn registration_refuses_bad_models_and_changes_nothing() {
	build_and_execute(|| {
		let model = tiny_bert();
		let (header, hashes) = registration(&model);
		let reg = |who, netuid, header: Header, hashes: ChunkHashes, max| {
			Jobs::register_model(RuntimeOrigin::signed(who), netuid, header, hashes, max)
		};
		assert_noop!(reg(OWNER, 9, header.clone(), hashes.clone(), 40), Error::<Test>::UnknownSubnet);
		assert_noop!(reg(STRANGER, NETUID, header.clone(), hashes.clone(), 40), Error::<Test>::NotSubnetOwner);
		assert_noop!(
			reg(OWNER, NETUID, Header::truncate_from(b"HEARTHMLgarbage".to_vec()), hashes.clone(), 40),
			Error::<Test>::InvalidHeader
		);
		let mut trailing = header.to_vec();
		trailing.push(0);
		assert_noop!(
			reg(OWNER, NETUID, Header::truncate_from(trailing), hashes.clone(), 40),
			Error::<Test>::InvalidHeader
		);
		let mut short = hashes.to_vec();
		short.pop();
		assert_noop!(
			reg(OWNER, NETUID, header.clone(), ChunkHashes::truncate_from(short), 40),
			Error::<Test>::WrongChunkCount
		);
		assert_noop!(reg(OWNER, NETUID, header.clone(), hashes.clone(), 0), Error::<Test>::InvalidMaxInput);
		// More tokens than the model's 40 positions.
		assert_noop!(reg(OWNER, NETUID, header.clone(), hashes.clone(), 41), Error::<Test>::InvalidMaxInput);
		// An MLP's longest input is its input width.
		let (mh, mhashes) = registration(&mlp());
		assert_noop!(reg(OWNER, NETUID, mh, mhashes, 15), Error::<Test>::InvalidMaxInput);
		assert_ok!(reg(OWNER, NETUID, header.clone(), hashes.clone(), 40));
		assert_noop!(reg(OWNER, NETUID, header, hashes, 40), Error::<Test>::ModelExists);
	});
}

#[test]
fn a_model_the_chain_cannot_rule_on_is_refused() {
	build_and_execute(|| {
		// A BERT layer at 512 tokens of hidden 64: far over the 2M multiply-adds.
		let big = hearth_engine::model::BertConfig {
			vocab: 50,
			max_positions: 512,
			type_vocab: 2,
			hidden: 64,
			layers: 1,
			heads: 4,
			ffn: 64,
		};
		let model = Model::Bert(quantize::bert(&seeded::bert(big, 2)).unwrap());
		let (header, hashes) = registration(&model);
		assert!(model.architecture().costliest_step(512).multiply_adds > BUDGET_MACS);
		assert_noop!(
			Jobs::register_model(RuntimeOrigin::signed(OWNER), NETUID, header.clone(), hashes.clone(), 512),
			Error::<Test>::StepOverBudget
		);
		// The longest input that fits is accepted.
		let longest = model.architecture().longest_input(BUDGET_MACS, BUDGET_VALUES).unwrap();
		assert!(longest < 512);
		assert_noop!(
			Jobs::register_model(RuntimeOrigin::signed(OWNER), NETUID, header.clone(), hashes.clone(), longest + 1),
			Error::<Test>::StepOverBudget
		);
		assert_ok!(Jobs::register_model(RuntimeOrigin::signed(OWNER), NETUID, header, hashes, longest));
		// A chunk over 64 KiB: an MLP layer 256 → 512 (131 KB).
		let wide = Model::Mlp(quantize::mlp(&seeded::mlp(&[256, 512], Act::Relu, 1)).unwrap());
		let (header, hashes) = registration(&wide);
		assert_noop!(
			Jobs::register_model(RuntimeOrigin::signed(OWNER), NETUID, header, hashes, 256),
			Error::<Test>::ChunkOverBudget
		);
	});
}

#[test]
fn a_subnet_holds_at_most_its_models() {
	build_and_execute(|| {
		for seed in 0..3 {
			let m = Model::Mlp(quantize::mlp(&seeded::mlp(&[4, 4], Act::Relu, seed)).unwrap());
			register(&m, 4);
		}
		let fourth = Model::Mlp(quantize::mlp(&seeded::mlp(&[4, 4], Act::Relu, 9)).unwrap());
		let (header, hashes) = registration(&fourth);
		assert_noop!(
			Jobs::register_model(RuntimeOrigin::signed(OWNER), NETUID, header, hashes, 4),
			Error::<Test>::TooManyModels
		);
	});
}

#[test]
fn a_retired_model_is_removed_after_its_window_and_jobs() {
	build_and_execute(|| {
		let model = mlp();
		let id = register(&model, 16);
		let deposit = Models::<Test>::get(NETUID, id).unwrap().deposit;
		let job = post_leased(id, mlp_input(), 1_000);
		assert_noop!(Jobs::remove_model(RuntimeOrigin::signed(OWNER), NETUID, id), Error::<Test>::ModelNotRetired);
		assert_noop!(Jobs::retire_model(RuntimeOrigin::signed(STRANGER), NETUID, id), Error::<Test>::NotModelOwner);
		assert_ok!(Jobs::retire_model(RuntimeOrigin::signed(OWNER), NETUID, id));
		assert_noop!(Jobs::retire_model(RuntimeOrigin::signed(OWNER), NETUID, id), Error::<Test>::ModelRetired);
		// No new jobs on a retired model.
		assert_noop!(
			Jobs::post_job(RuntimeOrigin::signed(TENANT), NETUID, id, mlp_input(), 1_000, 10, Some(LEASE)),
			Error::<Test>::ModelRetired
		);
		// The open job and the window keep it.
		run_to(1 + WINDOW);
		assert_noop!(Jobs::remove_model(RuntimeOrigin::signed(OWNER), NETUID, id), Error::<Test>::ModelInUse);
		assert_eq!(JobInfos::<Test>::get(job).unwrap().state, JobState::Refunded);
		run_to(2 + WINDOW);
		assert_eq!(Models::<Test>::get(NETUID, id).unwrap().open_jobs, 0);
		// Anyone may remove it now; the deposit goes to its owner.
		let before = balance(OWNER);
		assert_ok!(Jobs::remove_model(RuntimeOrigin::signed(STRANGER), NETUID, id));
		assert_eq!(balance(OWNER), before + deposit);
		assert!(SubnetModels::<Test>::get(NETUID).is_empty());
		assert_noop!(Jobs::remove_model(RuntimeOrigin::signed(OWNER), NETUID, id), Error::<Test>::UnknownModel);
	});
}

#[test]
fn a_dissolved_subnets_models_are_retired_and_anyone_may_remove_them() {
	use hearth_primitives::{OnSubnetDissolved, ServedModels};
	build_and_execute(|| {
		let id = register(&mlp(), 16);
		assert_eq!(<Jobs as ServedModels>::served_models(NETUID), vec![id]);
		<Jobs as OnSubnetDissolved>::on_dissolved(NETUID);
		assert_eq!(Models::<Test>::get(NETUID, id).unwrap().retired_at, Some(1));
		assert!(<Jobs as ServedModels>::served_models(NETUID).is_empty());
		assert!(job_events().contains(&Event::ModelRetired { netuid: NETUID, model: id }));
		run_to(2 + WINDOW);
		let before = balance(OWNER);
		assert_ok!(Jobs::remove_model(RuntimeOrigin::signed(STRANGER), NETUID, id));
		assert!(balance(OWNER) > before);
		assert!(SubnetModels::<Test>::get(NETUID).is_empty());
	});
}
