#!/usr/bin/env bash
# `make run`: the whole Hearth network on one machine. A dev chain whose node also
# scores (Charlie's scoring key, a local verifier), a subnet with all-MiniLM-L6-v2
# registered, two miners (`hearth-worker run`, CPU twin), a tenant (Bob) with a lease
# and a request every few seconds, and a live status. Ctrl-C stops everything it started.
set -euo pipefail
bin="${1:?usage: run-network.sh DIR_WITH_hearth-node_hearth-worker_hearth}"
node="$bin/hearth-node" worker="$bin/hearth-worker" hearth="$bin/hearth"
run="${HEARTH_RUN_DIR:-/tmp/hearth-run}"
rpc_port="${HEARTH_RPC_PORT:-9944}"
minilm="${HEARTH_MODEL_DIR:-$HOME/.cache/hearth/models/all-minilm-l6-v2}"
export HEARTH_NODE="ws://127.0.0.1:$rpc_port"

pids=()
stop() {
	trap - INT TERM EXIT
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	echo "stopped; logs and receipts are in $run"
}
trap stop INT TERM EXIT
step() { printf '== %s\n' "$*"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

rm -rf "$run" && mkdir -p "$run/models" "$run/receipts"
step "importing all-MiniLM-L6-v2 from $minilm"
"$worker" model import --safetensors "$minilm/model.safetensors" --config "$minilm/config.json" \
	--out "$run/models/all-minilm-l6-v2.hearth" >"$run/import.json"
cp "$minilm/vocab.txt" "$run/models/all-minilm-l6-v2.vocab.txt"

for who in Charlie Dave Eve; do
	(umask 077 && printf '//%s\n' "$who" >"$run/$who.key")
done
address() { "$worker" keys inspect "$run/$1.key" | field "['address']"; }

step "starting the node (Charlie's scoring key in its keystore) and the verifier"
"$node" key insert --base-path "$run/node" --chain dev --key-type hscr --scheme sr25519 --suri //Charlie
"$node" --dev --base-path "$run/node" --rpc-port "$rpc_port" --no-telemetry >"$run/node.log" 2>&1 &
pids+=($!)
"$worker" verifier --models "$run/models" --listen 127.0.0.1:9617 >"$run/verifier.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
	curl -s -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"chain_getFinalizedHead","params":[]}' \
		"http://127.0.0.1:$rpc_port" 2>/dev/null | grep -q result && break
	sleep 1
done

step "Alice creates subnet 1 and registers the model; stakes Dave's and Eve's hotkeys"
SURI=//Alice "$hearth" subnet create >/dev/null
SURI=//Alice "$hearth" subnet set-rate-limit --netuid 1 5 >/dev/null
SURI=//Alice "$hearth" subnet register-model --netuid 1 --model "$run/models/all-minilm-l6-v2.hearth" >/dev/null
for m in Dave Eve; do
	SURI=//Alice "$hearth" stake claim --hotkey-key "$run/$m.key" >/dev/null
	SURI=//Alice "$hearth" stake add --hotkey "$(address $m)" 100 >/dev/null
done
step "Bob runs the validator: Charlie's hotkey, 10,000 HTH"
SURI=//Bob "$hearth" stake claim --hotkey-key "$run/Charlie.key" >/dev/null
SURI=//Bob "$hearth" stake add --hotkey "$(address Charlie)" 10000 >/dev/null
SURI=//Bob "$hearth" subnet register --netuid 1 --hotkey "$(address Charlie)" >/dev/null

step "starting two miners"
api=8440 ops=9616
workers=()
for m in Dave Eve; do
	cat >"$run/$m.toml" <<TOML
[chain]
url = "$HEARTH_NODE"
[hotkey]
file = "$run/$m.key"
[subnet]
netuid = 1
[serve]
listen = "127.0.0.1:$api"
endpoint = "127.0.0.1:$api"
[ops]
listen = "127.0.0.1:$ops"
[models]
dir = "$run/models"
[journal]
path = "$run/$m.redb"
[compute]
backend = "cpu"
threads = 1
TOML
	"$worker" run --config "$run/$m.toml" >"$run/$m.log" 2>&1 &
	pids+=($!)
	workers+=(--worker "127.0.0.1:$ops")
	api=$((api + 1)) ops=$((ops + 2))
done

step "Bob rents a GPU (waits for a miner to win the order)"
lease=$(SURI=//Bob "$hearth" order --netuid 1 --max-price 0.002 --duration 100000 --deposit 50 --wait 180 | field "['lease']")
(
	while true; do
		SURI=//Bob "$hearth" embed --lease "$lease" --model all-minilm-l6-v2 --receipts "$run/receipts" \
			"a request at $(date +%T)" >/dev/null 2>>"$run/tenant.log" || true
		sleep 5
	done
) &
pids+=($!)

cat >"$run/next.txt" <<MSG
Try next (another terminal):
  SURI=//Bob $hearth embed --lease $lease --model all-minilm-l6-v2 --receipts $run/receipts "your text"
  $hearth check --model $run/models/all-minilm-l6-v2.hearth $run/receipts/*.json
  curl -s -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"hearth_validatorStatus","params":[1]}' http://127.0.0.1:$rpc_port
  Polkadot.js Apps or @polkadot/api against $HEARTH_NODE
Logs: $run/*.log    Ctrl-C stops everything.
MSG
"$hearth" status --netuid 1 "${workers[@]}" --watch 2 --note "$run/next.txt"
