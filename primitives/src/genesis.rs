//! What several pallets do at genesis, written once.

use frame_support::traits::fungible::Mutate;

/// Mints one existential deposit into a pallet's `account` at genesis, so that the
/// account never dies however its balance moves later (payouts use `Preserve`, and a
/// pallet's invariants count this deposit). Genesis cannot go on without it, so a
/// failure panics with a message naming the `pallet`.
pub fn endow_pallet_account<AccountId: Eq, Currency: Mutate<AccountId>>(pallet: &str, account: &AccountId) {
	let ed = Currency::minimum_balance();
	if let Err(e) = Currency::mint_into(account, ed) {
		panic!("{pallet}: cannot endow the pallet account with the existential deposit: {e:?}");
	}
}
