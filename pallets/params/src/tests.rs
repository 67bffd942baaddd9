use crate::{mock::*, MinimumPeriod, SlashDeferWindow, SlotDuration, SlotDurationMs, UnbondingPeriod};
use frame_support::traits::Get;
use sp_runtime::BuildStorage;

fn build_genesis(slot_duration_ms: u64) {
	build_periods(slot_duration_ms, 100, 10);
}

fn build_periods(slot_duration_ms: u64, unbonding_period_blocks: u32, slash_defer_window_blocks: u32) {
	let _ = RuntimeGenesisConfig {
		system: Default::default(),
		hearth_params: crate::GenesisConfig {
			slot_duration_ms,
			unbonding_period_blocks,
			slash_defer_window_blocks,
			..Default::default()
		},
	}
	.build_storage();
}

#[test]
fn genesis_value_is_what_aura_and_timestamp_read() {
	build_and_execute(2_000, || {
		assert_eq!(SlotDurationMs::<Test>::get(), 2_000);
		assert_eq!(<SlotDuration<Test> as Get<u64>>::get(), 2_000);
		assert_eq!(<MinimumPeriod<Test> as Get<u64>>::get(), 1_000);
	});
}

#[test]
fn bounds_are_inclusive() {
	build_and_execute(crate::MIN_SLOT_DURATION_MS, || {
		assert_eq!(<SlotDuration<Test> as Get<u64>>::get(), 500);
		assert_eq!(<MinimumPeriod<Test> as Get<u64>>::get(), 250);
	});
	build_and_execute(crate::MAX_SLOT_DURATION_MS, || {
		assert_eq!(<SlotDuration<Test> as Get<u64>>::get(), 60_000);
	});
}

#[test]
fn default_genesis_config_is_a_six_second_network() {
	let config = crate::GenesisConfig::<Test>::default();
	assert_eq!(config.slot_duration_ms, 6_000);
}

#[test]
fn omitted_genesis_field_means_six_seconds() {
	let config: crate::GenesisConfig<Test> = serde_json::from_str("{}").expect("empty object parses");
	assert_eq!(config.slot_duration_ms, 6_000);
	build_and_execute(config.slot_duration_ms, || {
		assert_eq!(<MinimumPeriod<Test> as Get<u64>>::get(), 3_000);
	});
}

#[test]
#[should_panic(expected = "genesis `hearthParams.slotDurationMs` = 499: slot duration is below the minimum of 500 ms")]
fn genesis_refuses_a_slot_below_the_minimum() {
	build_genesis(499);
}

#[test]
#[should_panic(expected = "genesis `hearthParams.slotDurationMs` = 0: slot duration is below the minimum")]
fn genesis_refuses_a_zero_slot() {
	build_genesis(0);
}

#[test]
#[should_panic(expected = "= 60002: slot duration is above the maximum of 60000 ms")]
fn genesis_refuses_a_slot_above_the_maximum() {
	build_genesis(60_002);
}

#[test]
#[should_panic(expected = "= 1001: slot duration must be even")]
fn genesis_refuses_an_odd_slot() {
	build_genesis(1_001);
}

#[test]
fn try_state_catches_a_corrupted_value() {
	build_and_execute(6_000, || {
		SlotDurationMs::<Test>::put(7);
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
		// Restore so that the harness's own check passes.
		SlotDurationMs::<Test>::put(6_000);
	});
}

#[test]
fn staking_periods_come_from_genesis() {
	build_with(
		crate::GenesisConfig {
			slot_duration_ms: 2_000,
			unbonding_period_blocks: 30,
			slash_defer_window_blocks: 10,
			..Default::default()
		},
		|| {
			assert_eq!(<UnbondingPeriod<Test> as Get<u64>>::get(), 30);
			assert_eq!(<SlashDeferWindow<Test> as Get<u64>>::get(), 10);
		},
	);
}

#[test]
fn default_staking_periods_are_a_week_and_three_days_of_six_second_blocks() {
	let config = crate::GenesisConfig::<Test>::default();
	assert_eq!(config.unbonding_period_blocks, 100_800);
	assert_eq!(config.slash_defer_window_blocks, 43_200);
	let parsed: crate::GenesisConfig<Test> = serde_json::from_str("{}").expect("parses");
	assert_eq!(parsed.unbonding_period_blocks, 100_800);
}

#[test]
#[should_panic(
	expected = "unbondingPeriodBlocks` = 10, `slashDeferWindowBlocks` = 10 (look-ahead 8): the unbonding period must be longer than the slash deferral window plus the slashing queue's look-ahead"
)]
fn genesis_refuses_an_unbonding_period_not_longer_than_the_window() {
	build_periods(2_000, 10, 10);
}

/// The attack the look-ahead check closes: an offender unbonds just before a report
/// whose slash lands at the end of the queue's look-ahead; with unbonding = window +
/// look-ahead its stake would be free by then. The genesis check refuses such periods.
#[test]
#[should_panic(expected = "(look-ahead 8): the unbonding period must be longer")]
fn genesis_refuses_an_unbonding_period_that_ends_within_the_look_ahead() {
	build_periods(2_000, 10 + crate::mock::LOOKAHEAD, 10);
}

#[test]
fn an_unbonding_period_past_the_window_and_the_look_ahead_is_accepted() {
	build_periods(2_000, 10 + crate::mock::LOOKAHEAD + 1, 10);
}

#[test]
#[should_panic(expected = "the slash deferral window must be at least one block")]
fn genesis_refuses_a_zero_deferral_window() {
	build_periods(2_000, 10, 0);
}
