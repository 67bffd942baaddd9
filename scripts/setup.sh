#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test Hearth. Idempotent: a second
# run checks and does nothing.
set -euo pipefail

sudo_if_needed() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing_apt=()
command -v protoc >/dev/null 2>&1 || missing_apt+=(protobuf-compiler)
command -v make >/dev/null 2>&1 || missing_apt+=(make)
command -v cc >/dev/null 2>&1 || missing_apt+=(build-essential)
command -v curl >/dev/null 2>&1 || missing_apt+=(curl)
if [ ${#missing_apt[@]} -gt 0 ]; then
	echo "setup: installing ${missing_apt[*]}"
	sudo_if_needed apt-get update -qq
	sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_apt[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32v1-none; then
	echo "setup: adding the wasm32v1-none target"
	rustup target add wasm32v1-none
fi
if ! rustup component list --installed | grep -q '^rust-src'; then
	echo "setup: adding rust-src"
	rustup component add rust-src
fi
if ! cargo nextest --version >/dev/null 2>&1; then
	echo "setup: installing cargo-nextest"
	cargo install cargo-nextest --locked
fi
