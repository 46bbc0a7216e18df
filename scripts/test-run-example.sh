#!/usr/bin/env bash
# Checks what ./run-example.sh does when a port it needs is taken: it must stop by itself (no server left
# running), exit non-zero, and name the port and the option that picks another. Run by run-tests.sh after
# the library is installed; prints surefire's "Tests run:" line so its summary counts these checks.
set -uo pipefail
cd "$(dirname "$0")/.."

TIMEOUT=${RUN_EXAMPLE_TEST_TIMEOUT:-600}
tests=0
failures=0
holders=()
trap 'for pid in ${holders[@]+"${holders[@]}"}; do kill "$pid" 2>/dev/null; done' EXIT

# hold VAR: listens on a free port of 127.0.0.1 until this script ends; sets VAR to the port.
hold() {
  local fifo
  fifo=$(mktemp -u) && mkfifo "$fifo"
  python3 -c '
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
print(s.getsockname()[1], flush=True)
while True:
    c, _ = s.accept(); c.close()' > "$fifo" &
  holders+=($!)
  read -r "$1" < "$fifo"
  rm -f "$fifo"
}

# expect_stop NAME PORT OPTION ARGS...: ./run-example.sh ARGS... must stop with a message naming PORT and OPTION.
expect_stop() {
  local name=$1 port=$2 option=$3 out status
  shift 3
  tests=$((tests + 1))
  echo "-- $name: ./run-example.sh $*"
  out=$(timeout "$TIMEOUT" ./run-example.sh "$@" 2>&1)
  status=$?
  local problem=
  if [ "$status" -eq 124 ]; then problem="still running after ${TIMEOUT}s (it should stop at once)"
  elif [ "$status" -eq 0 ]; then problem="exit status 0"
  elif ! grep -q "Port $port on 127.0.0.1, wanted by .*, is in use by another program" <<< "$out"; then
    problem="no message naming port $port"
  elif ! grep -qF -- "./run-example.sh $option" <<< "$out"; then problem="no hint to use $option"
  elif grep -q "localhost:-1" <<< "$out"; then problem="it printed a URL with port -1"
  fi
  if [ -n "$problem" ]; then
    failures=$((failures + 1))
    echo "FAILED $name: $problem. Its output (exit status $status):"
    sed 's/^/  | /' <<< "$out"
  else
    echo "ok: exit status $status; $(grep -m1 "Port $port" <<< "$out" | sed 's/^\*\*\* //')"
  fi
}

hold app_port
expect_stop "app port taken" "$app_port" "--port N" --port "$app_port"

hold idp_port
expect_stop "identity provider port taken" "$idp_port" "-Dexample.idp.port=N" \
  --port "$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')" \
  "-Dexample.idp.port=$idp_port"

echo "Tests run: $tests, Failures: $failures, Errors: 0, Skipped: 0"
[ "$failures" -eq 0 ]
