#!/usr/bin/env bash
# Every benchmark of ims-auth in one command (issue #8): builds the library and this module, runs the
# JMH microbenchmarks and the HTTP load harness (wrk against bare Jetty, ImsAuthFilter and pac4j, all on
# 127.0.0.1), and rewrites docs/benchmarks.md and docs/benchmarks.png from that one run.
# Not part of the test command. Needs Java 17+, Maven 3.8+, and wrk (installed from Debian when missing).
#
#   bench/run.sh           the full run, about 9 minutes on 2 cores
#   bench/run.sh --smoke   a quick check that the harness works; writes bench/target/smoke/ only
#
# BENCH_JFR=1 also records a JFR profile of the load harness to bench/target/results/load.jfr.
# To profile sign-ins alone after a build: java -XX:StartFlightRecording=filename=login.jfr,settings=profile \
#   -cp 'bench/target/classes:bench/target/lib/*' dev.imsauth.bench.load.LoadHarness only=login login-rounds=4 login-seconds=4
# BENCH_QUIET_WAIT=N waits up to N minutes after the build for a 1-minute load average below 1.5 (other
# work on the machine makes the numbers noisy); the page states the load either way.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=full
if [ "${1:-}" = "--smoke" ]; then
  mode=smoke
fi
t0=$(date +%s)
started=$(date -u '+%Y-%m-%d %H:%M UTC')

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing wrk (Debian package)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is missing: run 'apt-get install wrk' as root, then this script again" >&2
    exit 1
  fi
fi

# One reactor builds this checkout's library (with its test-jar: the test OpenID provider) and the
# benchmarks, so they never pick up a 0.1.0-SNAPSHOT that another checkout installed into ~/.m2.
echo "== building the library and the benchmarks"
rm -rf bench/target
mvn -B -q -f bench/reactor/pom.xml package -DskipTests
cp="bench/target/classes:bench/target/lib/*"

if [ -n "${BENCH_QUIET_WAIT:-}" ]; then
  deadline=$(( $(date +%s) + BENCH_QUIET_WAIT * 60 ))
  while awk '{exit !($1 >= 1.5)}' /proc/loadavg && [ "$(date +%s)" -lt "$deadline" ]; do
    echo "   waiting for a quiet machine (load $(cut -d' ' -f1 /proc/loadavg))"
    sleep 20
  done
fi
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

if [ "$mode" = smoke ]; then
  out=bench/target/smoke
  jmh_args="-f 1 -wi 1 -w 200ms -i 1 -r 200ms"
  cpu_args="warmup=1 measure=0.5"
  load_args="seconds=2 rounds=1 warmup=1 login-seconds=1 login-rounds=1"
  doc=$out/benchmarks.md
  png=$out/benchmarks.png
else
  out=bench/target/results
  jmh_args="-f 1 -wi 4 -w 2s -i 5 -r 2s"
  cpu_args="warmup=10 measure=3"
  load_args="seconds=3 rounds=16 warmup=6 login-seconds=4 login-rounds=4"
  doc=docs/benchmarks.md
  png=docs/benchmarks.png
fi
rm -rf "$out"
mkdir -p "$out"

echo "== JMH microbenchmarks ($jmh_args)"
# shellcheck disable=SC2086
java -cp "$cp" org.openjdk.jmh.Main $jmh_args -foe true -rf json -rff "$out/jmh.json" > "$out/jmh.txt" 2>&1 \
  || { tail -40 "$out/jmh.txt" >&2; echo "JMH failed; see $out/jmh.txt" >&2; exit 1; }
grep -E '^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)' "$out/jmh.txt" || true

echo "== the same operations in thread CPU time ($cpu_args)"
# shellcheck disable=SC2086
java -cp "$cp" dev.imsauth.bench.micro.CpuTimeProbe out="$out/cpu.json" $cpu_args

echo "== HTTP load: bare Jetty, ImsAuthFilter, pac4j (wrk on 127.0.0.1)"
jfr=()
if [ "${BENCH_JFR:-}" = 1 ]; then
  jfr=("-XX:StartFlightRecording=filename=$out/load.jfr,settings=profile")
fi
# shellcheck disable=SC2086
java -Xms1g -Xmx2g "${jfr[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
  dev.imsauth.bench.load.LoadHarness out="$out/load.json" $load_args | tee "$out/load.txt"

elapsed=$(( $(date +%s) - t0 ))
{
  echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)$(lscpu | sed -n 's/^Hypervisor vendor: *\(.*\)/ (\1 guest)/p')"
  echo "cores=$(nproc)"
  echo "memory=$(free -h | awk '/^Mem:/{print $2}' | sed 's/Gi/ GiB/')"
  echo "os=$(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "kernel=$(uname -r)"
  echo "java=$(java -version 2>&1 | head -1 | tr -d '"') ($(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vm.name = //p'))"
  echo "maven=$(mvn -B -v 2>/dev/null | head -1 | sed -e 's/\x1b\[[0-9;]*m//g' -e 's/ (.*//')"
  echo "wrk=$(wrk -v 2>&1 | head -1 | awk '{print "wrk", $2}')"
  echo "loadStart=$load_start"
  echo "loadEnd=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "started=$started"
  echo "finished=$(date -u '+%H:%M UTC')"
  echo "elapsed=$((elapsed / 60)) min $((elapsed % 60)) s, build included"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src bench 2>/dev/null || echo ' + uncommitted changes')"
  echo "jmhArgs=$jmh_args"
  echo "cpuArgs=$cpu_args"
} > "$out/machine.properties"

echo "== report"
mkdir -p "$(dirname "$doc")"
java -cp "$cp" dev.imsauth.bench.report.ReportWriter results="$out" findings=bench/findings.md doc="$doc" png="$png"
echo "done in $((elapsed / 60)) min $((elapsed % 60)) s: $root/$doc"
