//! Funds a pallet holds in its own account (escrows, deposits, bonds): moving them in
//! and out, written once for every pallet that does.

use frame_support::traits::{
	fungible::{Balanced, Credit, Mutate},
	tokens::{Fortitude, Precision, Preservation},
	OnUnbalanced,
};
use sp_runtime::DispatchError;

/// Moves `amount` from `who` into the pallet's `account` (`who` stays alive).
pub fn take_in<AccountId: Eq, Currency: Mutate<AccountId, Balance = u128>>(
	who: &AccountId,
	account: &AccountId,
	amount: u128,
) -> Result<(), DispatchError> {
	Currency::transfer(who, account, amount, Preservation::Preserve).map(|_| ())
}

/// Pays `amount` out of the pallet's `account` (which keeps its existential deposit)
/// to `who`. An amount below the existential deposit owed to an account that does not
/// exist cannot be paid: it is burned through `Burn` instead of failing whatever pays
/// it, and `Ok(true)` says so (the pallet reports it with an event).
pub fn pay_out<AccountId, Currency, Burn>(
	account: &AccountId,
	who: &AccountId,
	amount: u128,
) -> Result<bool, DispatchError>
where
	AccountId: Eq,
	Currency: Mutate<AccountId, Balance = u128> + Balanced<AccountId>,
	Burn: OnUnbalanced<Credit<AccountId, Currency>>,
{
	if amount == 0 {
		return Ok(false);
	}
	if amount < Currency::minimum_balance() && Currency::balance(who) == 0 {
		let dust = Currency::withdraw(account, amount, Precision::Exact, Preservation::Preserve, Fortitude::Polite)?;
		Burn::on_unbalanced(dust);
		return Ok(true);
	}
	Currency::transfer(account, who, amount, Preservation::Preserve).map(|_| false)
}

/// Burns `amount` from the pallet's `account` through `Burn`.
pub fn burn<AccountId, Currency, Burn>(account: &AccountId, amount: u128) -> Result<(), DispatchError>
where
	AccountId: Eq,
	Currency: Balanced<AccountId, Balance = u128>,
	Burn: OnUnbalanced<Credit<AccountId, Currency>>,
{
	if amount == 0 {
		return Ok(());
	}
	let credit = Currency::withdraw(account, amount, Precision::Exact, Preservation::Preserve, Fortitude::Polite)?;
	Burn::on_unbalanced(credit);
	Ok(())
}
