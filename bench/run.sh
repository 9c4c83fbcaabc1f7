#!/usr/bin/env bash
# Benchmarks (not part of the test command). Installs bcftools and wrk from Debian if they are missing, builds the
# suite, starts it in a temporary data directory, prints every figure beside its anchor and writes
# docs/benchmarks.md. About 12 minutes on 2 cores. BENCH_SECONDS sets each load phase (default 15).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in bcftools wrk; do
  if ! command -v "$tool" >/dev/null; then
    echo "[bench] installing $tool (Debian package)"
    apt-get install -y -q "$tool" >/dev/null || (apt-get update -q >/dev/null && apt-get install -y -q "$tool" >/dev/null)
  fi
done
./mvnw -q -B package -DskipTests
exec java -Xmx1g -Dbench.seconds="${BENCH_SECONDS:-15}" \
  -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.thyronco.bench.Main .
