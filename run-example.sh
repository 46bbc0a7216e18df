#!/usr/bin/env bash
# Runs the example web app on http://localhost:8080/ with an embedded development identity provider
# (a login page where you type any user name: no account needed). With IMS_CLIENT_ID set (and
# optionally IMS_CLIENT_SECRET, IMS_REDIRECT_URI) it signs in with the real https://ims.bentley.com.
#
#   ./run-example.sh [--port N] [-Dexample.idp.port=N] [-Dexample.api.port=N] [other mvn arguments]
#
# --port N serves the app on http://localhost:N/ instead of 8080 (the same as -Dexample.port=N). When a
# port it needs is taken it stops at once and says which one and how to choose another.
set -euo pipefail
cd "$(dirname "$0")"

port=8080
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --port) [ $# -ge 2 ] || { echo "run-example.sh: --port needs a number, e.g. --port 8081" >&2; exit 2; }
            port=$2; shift 2 ;;
    --port=*) port=${1#--port=}; shift ;;
    -Dexample.port=*) port=${1#-Dexample.port=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
case "$port" in
  ''|*[!0-9]*) echo "run-example.sh: --port needs a number, e.g. --port 8081; got '$port'" >&2; exit 2 ;;
esac

# Stop before the build when something already answers on the app's port (the example checks all of its
# ports again, with the same message, before it starts anything).
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo >&2
  echo "*** The example did not start: Port $port on 127.0.0.1, wanted by the example app, is in use by another" \
       "program. Stop that program, or choose another port: ./run-example.sh --port N." >&2
  exit 1
fi

mvn -B -q install -DskipTests
exec mvn -B -f webapp-example/pom.xml -Prun package "-Dexample.port=$port" ${args[@]+"${args[@]}"}
