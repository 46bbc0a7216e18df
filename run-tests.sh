#!/usr/bin/env bash
# Runs every test of ims-auth: the library (unit + Jetty integration), the container tests
# (Tomcat and WildFly via Arquillian, downloaded from Maven Central by the build), the example's
# end-to-end tests in headless Chromium (installed from Debian's packages if missing) and the check of
# ./run-example.sh on a taken port. Every module runs even when an earlier one fails; a summary table
# (tests, failures, time per module) comes last, and the exit status is non-zero if any module failed
# or could not run. Every server takes a free port (it/README.md, "Ports").
set -uo pipefail
cd "$(dirname "$0")"

# The modules after the library, in order; each needs the library installed. A directory with a
# pom.xml runs `mvn -B -f DIR/pom.xml verify`; an executable file runs as it is. One line each.
MODULES=(
  it/tomcat
  it/tomcat9                          # the javax jar on Tomcat 9 (docs/tomcat9.md)
  it/wildfly                          # also builds the example's WildFly WAR and deploys it (ExampleWarOnWildFlyIT)
  it/wildfly-ha                       # two WildFly nodes in standalone-ha (JGroups TCP, TCPPING), docs/clustering.md
  it/conformance                      # Keycloak on Tomcat 9 (javax), 10.1, 11 and WildFly in headless Chromium
  webapp-example
  scripts/test-run-example.sh         # ./run-example.sh stops at once, naming the port, when one it needs is taken
)

scripts/install-browser.sh || exit 1

LOGS=$(mktemp -d "${TMPDIR:-/tmp}/ims-auth-run-tests.XXXXXX")
ROWS=()
FAILED=0
SUITE_START=$SECONDS

# run NAME COMMAND...: runs one module, its output shown and kept in $LOGS, and adds its summary row.
run() {
  local name=$1; shift
  local log="$LOGS/${name//\//_}.log" start=$SECONDS status tests failures skipped result=ok
  echo
  echo "== $name: $*"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  # Surefire's and failsafe's closing totals, one line per plugin run:
  # "[INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 1" (the per-class lines go on with ", Time elapsed")
  read -r tests failures skipped < <(sed -E 's/\x1b\[[0-9;]*m//g' "$log" | awk '
    /Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+[[:space:]]*$/ {
      gsub(/[^0-9 ]/, " "); n = split($0, f, " ")
      t += f[n-3]; fe += f[n-2] + f[n-1]; s += f[n]; seen = 1 }
    END { if (seen) print t, fe, s; else print "-", "-", "-" }')
  if [ "$status" -ne 0 ]; then result=FAILED; FAILED=1; fi
  ROWS+=("$name|$result|$tests|$failures|$skipped|$((SECONDS - start))")
  return "$status"
}

not_run() {
  ROWS+=("$1|not run|-|-|-|0")
  FAILED=1
}

run_module() {
  if [ -f "$1/pom.xml" ]; then
    run "$1" mvn -B -f "$1/pom.xml" verify
  elif [ -x "$1" ]; then
    run "$1" "./$1"
  else
    echo "run-tests.sh: $1 is neither a directory with a pom.xml nor an executable file" >&2
    not_run "$1"
  fi
}

# The fuzz tests' counts (jqwik, 10 000 inputs per property): their output goes to target/surefire-reports.
fuzz_counts() {
  echo
  echo "== library: fuzz counts"
  grep -a -h -E "^(fuzz:|provider fuzz|id-token claims fuzz)" target/surefire-reports/*-output.txt 2>/dev/null \
    || echo "(no fuzz counts found)"
}

if run library mvn -B install; then
  fuzz_counts
  for module in "${MODULES[@]}"; do run_module "$module"; done
else
  echo "run-tests.sh: the library did not build or its tests failed; the modules that need it do not run" >&2
  for module in "${MODULES[@]}"; do not_run "$module"; done
fi

echo
echo "== Summary (logs: $LOGS)"
ROWS+=("total|$([ "$FAILED" -eq 0 ] && echo ok || echo FAILED)||||$((SECONDS - SUITE_START))")
printf '%-30s %-8s %6s %16s %8s %9s\n' module result tests failures+errors skipped "time (s)"
for row in "${ROWS[@]}"; do
  IFS='|' read -r name result tests failures skipped seconds <<< "$row"
  printf '%-30s %-8s %6s %16s %8s %9s\n' "$name" "$result" "$tests" "$failures" "$skipped" "$seconds"
done
exit "$FAILED"
