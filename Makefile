# Hearth: `make run` runs the whole network on this machine; `make test` runs every test.
#
# Two target directories, one per tier, so that no step ever toggles SKIP_WASM_BUILD or
# a feature set inside a shared one (each toggle would rebuild the runtime and relink
# the node):
#   tier1: pallets and the runtime, natively, SKIP_WASM_BUILD=1;
#   tier2: the node (with the runtime's wasm) and the end-to-end tests.
# CI points CARGO_TARGET_DIR outside the clone so that later runs reuse the build.

SHELL := /bin/bash
TARGET_ROOT := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
TIER1_TARGET := $(TARGET_ROOT)/tier1
TIER2_TARGET := $(TARGET_ROOT)/tier2
BENCH_TARGET := $(TARGET_ROOT)/bench
WEIGHTS_TARGET := $(TARGET_ROOT)/weights
BENCH_PKGS := -p pallet-hearth-staking -p pallet-hearth-slashing -p pallet-hearth-emissions -p pallet-hearth-subnets -p pallet-hearth-leases -p pallet-hearth-jobs
TIER1_PKGS := -p pallet-hearth-params -p pallet-hearth-staking -p pallet-hearth-slashing -p pallet-hearth-emissions -p pallet-hearth-subnets -p pallet-hearth-leases -p pallet-hearth-jobs -p pallet-hearth-scoring -p hearth-runtime -p hearth-yuma -p hearth-halving -p hearth-engine -p hearth-worker -p hearth-offchain-worker -p hearth-primitives -p hearth-benches
# The engine's CUDA backend is always built (cudarc loads CUDA at run time, so no
# toolkit is needed) and its GPU test runs, skipping visibly without a GPU.
TIER1_FEATURES := --features hearth-yuma/sim,hearth-engine/cuda,hearth-worker/cuda
TIER2_PKGS := -p hearth-node -p hearth-chain-spec -p hearth-e2e -p hearth-worker
NODE := $(TIER2_TARGET)/debug/hearth-node
CARGO := cargo
# The pinned Python clients (scripts/python-requirements.txt) the end-to-end tests drive.
PYTHON_ENV := $(or $(HEARTH_PYTHON_ENV),$(HOME)/.cache/hearth/python)
# The pinned JavaScript client (clients/js/package-lock.json) the end-to-end tests drive.
JS_ENV := $(or $(HEARTH_JS_ENV),$(HOME)/.cache/hearth/js)
NEXTEST_FLAGS := --locked --no-fail-fast --failure-output final
# Clippy as the compiler of the workspace's own crates (dependencies are untouched), with
# every warning an error: the builds `make test` needs anyway are its clippy run, on
# every crate and feature set the tests build, with no second (check-mode) build of the
# dependencies. `make lint` runs the same lints standalone with `cargo clippy`.
LINTED := RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__

.PHONY: help setup build run run-chain test lint lint-static fmt test-tier1 test-tier2 check-deps check-wasm bench bench-anchor worker test-benchmarks weights yuma-sim chain-spec clean

help:
	@echo "make run    the whole network on this machine: chain, validator scoring, two miners, a tenant, live status"
	@echo "make run-chain   a bare local dev chain (RPC on 127.0.0.1:9944)"
	@echo "make test   setup, tier-1 tests, build the node once, end-to-end tests"
	@echo "make lint   format check, clippy -D warnings, feature propagation (zepter)"
	@echo "make bench  every bench in benches/ (ratios against baselines in the same run)"
	@echo "make bench-anchor   MiniLM det-int8 against ONNX Runtime f32 and int8 (PyPI packages)"
	@echo "make yuma-sim < scenario.json   run a Yuma scenario offline"

setup:
	@HEARTH_PYTHON_ENV=$(PYTHON_ENV) HEARTH_JS_ENV=$(JS_ENV) scripts/setup.sh

# The node, the chain-spec tests and the end-to-end tests, in one cargo invocation so
# that features unify the same way here and in `test-tier2` (nothing rebuilds there).
build: setup
	$(LINTED) CARGO_TARGET_DIR=$(TIER2_TARGET) $(CARGO) build --locked $(TIER2_PKGS) --bins --tests

run: build
	@scripts/run-network.sh $(TIER2_TARGET)/debug

# A bare dev chain, nothing else.
run-chain: build
	@scripts/run-dev.sh $(NODE)

test: setup lint-static check-deps test-tier1 check-wasm bench test-benchmarks build test-tier2

# HEARTH_REQUIRE_MODELS: the engine's accuracy tests and the worker's import test use
# the real all-MiniLM-L6-v2 that `setup` downloads; without it they fail here.
test-tier1:
	$(LINTED) HEARTH_REQUIRE_MODELS=1 SKIP_WASM_BUILD=1 CARGO_TARGET_DIR=$(TIER1_TARGET) $(CARGO) nextest run $(NEXTEST_FLAGS) $(TIER1_PKGS) $(TIER1_FEATURES)

# The pure crates the runtime will run must build for the runtime's target.
check-wasm:
	$(LINTED) SKIP_WASM_BUILD=1 CARGO_TARGET_DIR=$(TIER1_TARGET) $(CARGO) build --locked -p hearth-yuma -p hearth-halving -p hearth-engine --no-default-features --target wasm32v1-none

# Every bench in `benches/`, optimized, each printing ratios against a baseline measured
# in the same run: one Yuma epoch at 256/1024/4096 uids against the dense reference; the
# leases upkeep in the real runtime with 10 and 100,000 leases; int8 GEMM against f32
# sgemm on MiniLM's shapes, MiniLM seq/s on 1 and 2 threads, the MLP's latency.
bench:
	SKIP_WASM_BUILD=1 CARGO_TARGET_DIR=$(TIER1_TARGET) $(CARGO) bench --locked -p hearth-benches

# Hearth against ONNX Runtime f32 and int8 on MiniLM (seq/s on 1 and 2 threads, cosine to
# a float64 reference, the ratios). Not in `make test`: it installs onnxruntime and onnx
# from PyPI at pinned versions into ~/.cache/hearth/anchor-venv.
bench-anchor: setup worker
	@scripts/bench-anchor.sh $(TIER1_TARGET)/release/hearth-worker

# The worker binary, optimized: $(TIER1_TARGET)/release/hearth-worker.
worker:
	CARGO_TARGET_DIR=$(TIER1_TARGET) $(CARGO) build --locked --release -p hearth-worker

# End-to-end tests start real nodes; one test at a time keeps them off each other's CPU.
test-tier2:
	$(LINTED) HEARTH_REQUIRE_MODELS=1 CARGO_TARGET_DIR=$(TIER2_TARGET) HEARTH_NODE_BIN=$(NODE) HEARTH_PYTHON=$(PYTHON_ENV)/bin/python HEARTH_JS_MODULES=$(JS_ENV)/node_modules $(CARGO) nextest run $(NEXTEST_FLAGS) --test-threads 1 $(TIER2_PKGS) -E 'not package(hearth-worker)'

# The pallets' benchmarks, run as tests in their mocks (own target: other features).
test-benchmarks:
	$(LINTED) SKIP_WASM_BUILD=1 CARGO_TARGET_DIR=$(BENCH_TARGET) $(CARGO) nextest run $(NEXTEST_FLAGS) $(BENCH_PKGS) --features runtime-benchmarks

# Measures the weights of the Hearth pallets on this machine with frame-omni-bencher
# against the runtime built with `runtime-benchmarks` (not part of `make test`).
weights:
	@scripts/weights.sh $(WEIGHTS_TARGET)

check-deps:
	@scripts/check-deps.sh

# Format, features and clippy, on every crate with every feature set the tests build:
# tier 1's, the benchmarks' (runtime-benchmarks) and tier 2's (node, chain spec, e2e).
# Clippy's settings are `[workspace.lints]` in Cargo.toml; `-D warnings` makes each one
# an error. `make test` runs `lint-static` and gets clippy from its own builds (LINTED).
lint: lint-static
	SKIP_WASM_BUILD=1 CARGO_TARGET_DIR=$(TIER1_TARGET) $(CARGO) clippy --locked --all-targets $(TIER1_PKGS) $(TIER1_FEATURES) -- -D warnings
	SKIP_WASM_BUILD=1 CARGO_TARGET_DIR=$(BENCH_TARGET) $(CARGO) clippy --locked --all-targets $(BENCH_PKGS) --features runtime-benchmarks -- -D warnings
	CARGO_TARGET_DIR=$(TIER2_TARGET) $(CARGO) clippy --locked --all-targets $(TIER2_PKGS) -- -D warnings

# The checks that need no build: format and feature propagation.
lint-static:
	$(CARGO) fmt --all -- --check
	zepter lint propagate-feature --workspace --locked --offline --quiet \
		--features std,runtime-benchmarks,try-runtime \
		--left-side-feature-missing ignore --left-side-outside-workspace ignore \
		--feature-enables-dep runtime-benchmarks:frame-benchmarking,try-runtime:frame-try-runtime

# Formats every crate the way `make lint` checks (rustfmt.toml).
fmt:
	$(CARGO) fmt --all

# Regenerates the committed local_testnet spec from the runtime's preset.
chain-spec: build
	$(NODE) export-chain-spec --chain local --output chain-spec/specs/local_testnet.json

clean:
	rm -rf $(TIER1_TARGET) $(TIER2_TARGET)

# The offline Yuma simulator: `make yuma-sim < primitives/yuma/examples/scenario.json`.
yuma-sim:
	@SKIP_WASM_BUILD=1 CARGO_TARGET_DIR=$(TIER1_TARGET) $(CARGO) run -q --locked -p hearth-yuma --features sim --bin yuma-sim
