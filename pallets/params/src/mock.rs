//! A minimal runtime: System and the parameters pallet.

use crate as pallet_hearth_params;
use frame_support::derive_impl;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type HearthParams = pallet_hearth_params;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The slashing queue's look-ahead the checks count.
pub(crate) const LOOKAHEAD: u32 = 8;

impl pallet_hearth_params::Config for Test {
	type SlashScheduleLookahead = frame_support::traits::ConstU32<LOOKAHEAD>;
}

/// Externalities built from the given genesis slot duration; checks the pallet's
/// invariants after the test body ran.
pub(crate) fn build_and_execute(slot_duration_ms: u64, test: impl FnOnce()) {
	build_with(pallet_hearth_params::GenesisConfig { slot_duration_ms, ..Default::default() }, test)
}

/// Externalities built from a whole genesis config of the pallet.
pub(crate) fn build_with(config: pallet_hearth_params::GenesisConfig<Test>, test: impl FnOnce()) {
	let mut ext: sp_io::TestExternalities = RuntimeGenesisConfig { system: Default::default(), hearth_params: config }
		.build_storage()
		.expect("the mock genesis is valid")
		.into();
	ext.execute_with(|| {
		test();
		HearthParams::do_try_state().expect("invariants hold after the test");
	});
}
