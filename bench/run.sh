#!/usr/bin/env bash
# Benchmarks (not part of the test command). Installs bcftools from Debian if it is missing, builds the
# suite, starts it in a temporary data directory, prints every figure beside its anchor and writes
# docs/benchmarks.md. About 5 minutes on 2 cores. BENCH_SECONDS sets each load phase (default 15).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v bcftools >/dev/null; then
  echo "[bench] installing bcftools (Debian package)"
  apt-get install -y -q bcftools >/dev/null || (apt-get update -q >/dev/null && apt-get install -y -q bcftools >/dev/null)
fi
./mvnw -q -B package -DskipTests
exec java -Xmx1g -Dbench.seconds="${BENCH_SECONDS:-15}" \
  -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.thyronco.bench.Main .
