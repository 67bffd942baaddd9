//! Identifiers that cross pallets.

/// A subnet's id. The root of every subnet-scoped storage key.
pub type NetUid = u16;

/// A neuron's slot in a subnet (its index in the subnet's neuron list).
pub type Uid = u16;
