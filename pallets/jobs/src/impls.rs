//! What the jobs pallet offers other pallets through `hearth-primitives`.

use crate::pallet::*;
use alloc::vec::Vec;
use hearth_primitives::NetUid;

/// The metagraph lists the models a subnet's miners serve.
impl<T: Config> hearth_primitives::ServedModels for Pallet<T> {
	fn served_models(netuid: NetUid) -> Vec<[u8; 32]> {
		Self::models_of(netuid).into_iter().filter(|(_, m)| m.retired_at.is_none()).map(|(id, _)| id).collect()
	}
}

/// A dissolved subnet's models are retired: no new jobs or receipts, and once the
/// challenge window has passed and their jobs are settled anyone may remove them (the
/// deposits go back to their owners), so that the next subnet on that netuid inherits
/// none. At most `MaxModelsPerSubnet` models.
impl<T: Config> hearth_primitives::OnSubnetDissolved for Pallet<T> {
	fn on_dissolved(netuid: NetUid) {
		let now = frame_system::Pallet::<T>::block_number();
		for id in SubnetModels::<T>::get(netuid) {
			Models::<T>::mutate(netuid, id, |m| {
				if let Some(m) = m.as_mut().filter(|m| m.retired_at.is_none()) {
					m.retired_at = Some(now);
					Self::deposit_event(Event::ModelRetired { netuid, model: id });
				}
			});
		}
	}
}
