//! Hearth's end-to-end tests: one binary, one module per topic, each test starting real
//! `hearth-node` processes from the one node build (`make build`) and talking to them
//! over JSON-RPC (`worker`, `scoring` and `clients` also run `hearth-worker` processes from
//! the same build; `clients` also drives @polkadot/api and py-substrate-interface).
//! `make test-tier2` runs them one at a time so that nodes do not fight
//! over the CPU.

mod bad_input;
mod clients;
mod dev_node;
mod jobs;
mod leases;
mod local_network;
mod scoring;
mod staking;
mod subnets;
mod worker;
