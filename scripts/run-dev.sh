#!/usr/bin/env bash
# Starts a throwaway development chain (Alice authors and finalizes, 2 s blocks) and
# says how to talk to it. Ctrl-C stops it.
set -euo pipefail
node="${1:?usage: run-dev.sh PATH_TO_HEARTH_NODE}"
rpc_port="${HEARTH_RPC_PORT:-9944}"
log="${HEARTH_LOG:-/tmp/hearth-dev.log}"

"$node" --dev --rpc-port "$rpc_port" --no-telemetry >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; exit 0' INT TERM EXIT

rpc() {
	curl -s -H 'Content-Type: application/json' \
		-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":${2:-[]}}" \
		"http://127.0.0.1:$rpc_port"
}

for _ in $(seq 1 120); do
	if ! kill -0 $pid 2>/dev/null; then
		echo "hearth-node exited; its log ($log) ends with:" >&2
		tail -n 30 "$log" >&2
		exit 1
	fi
	if rpc chain_getFinalizedHead | grep -q result; then break; fi
	sleep 1
done

cat <<MSG

Hearth dev chain running (pid $pid; log: $log)
  JSON-RPC (HTTP and WebSocket): http://127.0.0.1:$rpc_port  ws://127.0.0.1:$rpc_port
  Prometheus metrics:            http://127.0.0.1:9615/metrics

Try:
  curl -s -H 'Content-Type: application/json' \\
    -d '{"jsonrpc":"2.0","id":1,"method":"chain_getHeader","params":[]}' http://127.0.0.1:$rpc_port
  curl -s -H 'Content-Type: application/json' \\
    -d '{"jsonrpc":"2.0","id":1,"method":"system_accountNextIndex","params":["5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"]}' http://127.0.0.1:$rpc_port
  Polkadot.js Apps or @polkadot/api against ws://127.0.0.1:$rpc_port (dev accounts: Alice, Bob, ...)

Ctrl-C stops the chain (its state is thrown away).
MSG
wait $pid
