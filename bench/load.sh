#!/usr/bin/env bash
# Sustained mixed load (not part of the test command). Builds the suite, starts it in a temporary data
# directory on loopback and drives a bounded mix through the gateway for LOAD_SECONDS (default 300, of
# which LOAD_WARMUP_SECONDS, default 60, are warm-up). Fails unless: no errors, every service's RSS grew
# < 10 % after warm-up, the therapy-service consumer lag drained to 0, every case got its recommendations.
# Writes docs/load.md. LOAD_WORKERS (default 4) and LOAD_RATE (requests/s, default 40) bound the load.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests
exec java -Xmx1g -Dload.seconds="${LOAD_SECONDS:-300}" -Dload.warmup="${LOAD_WARMUP_SECONDS:-60}" \
  -Dload.workers="${LOAD_WORKERS:-4}" -Dload.rate="${LOAD_RATE:-40}" \
  -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.thyronco.bench.LoadTest .
