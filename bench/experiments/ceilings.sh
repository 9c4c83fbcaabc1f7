#!/usr/bin/env bash
# Ceiling experiments for the two throughput targets bench/run.sh reports (issues #5 and #6). Not part of the build or
# of bench/run.sh: it applies the two patches beside it to a temporary worktree of HEAD (committed work only), builds
# it, starts the suite from it and measures, interleaved in the same run:
#   #5  therapy-service: ping, match, and POST /match/ceiling (the match request read and validated, a constant answer
#       of the match's size: everything a match costs except matching and writing the answer), each with
#       therapy-service's CPU time per request; then POST /match/ceiling/loop, the same matching and writing run back
#       to back on the event loop, with no HTTP work in between, as CPU time per match and per writing;
#   #6  evidence search direct, through the gateway's /api/v1 (JWT, validation, rate limit, typed client with retries
#       and breaker), and through two unauthenticated relays that exist only in the patch: /bare/typed (a typed REST
#       client without any of those) and /bare/raw (Vert.x's HTTP client, no REST client at all).
# The patches add unauthenticated routes and must never be merged. About 10 minutes on 2 cores; ROUNDS (default 5) and
# SECONDS_EACH (default 10) set the measuring.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
ROUNDS=${ROUNDS:-5}
EACH=${SECONDS_EACH:-10}
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null

WORK=$(mktemp -d)
git worktree add -q --detach "$WORK/tree" HEAD
stop() {
  pkill -f "SuiteLauncher --root $WORK/tree" || true
  pkill -f "$WORK/tree/" || true
  # A service drains its Kafka consumers before it exits; give it time, then stop it for good.
  for _ in $(seq 1 30); do pgrep -f "$WORK/tree/" >/dev/null || break; sleep 1; done
  pkill -9 -f "$WORK/tree/" || true
  git -C "$ROOT" worktree remove --force "$WORK/tree"
  rm -rf "$WORK"
}
trap stop EXIT
cd "$WORK/tree"
git apply "$ROOT/bench/experiments/match-ceiling.patch" "$ROOT/bench/experiments/gateway-relay-floor.patch"
echo "[ceilings] building the patched copy"
./mvnw -q -B package -DskipTests

CP="embedded-infra/target/embedded-infra-0.1.0-SNAPSHOT.jar:embedded-infra/target/lib/*"
# The first port from 18080 that nothing listens on (the other services pick their own).
GATEWAY_PORT=18080
while (exec 3<>"/dev/tcp/localhost/$GATEWAY_PORT") 2>/dev/null; do GATEWAY_PORT=$((GATEWAY_PORT + 1)); done
THYRONCO_GATEWAY_RATE_LIMIT_PER_SECOND=1000000 THYRONCO_GATEWAY_RATE_LIMIT_BURST=1000000 \
  java -cp "$CP" org.thyronco.infra.SuiteLauncher --root "$WORK/tree" --data-dir "$WORK/data" --clean \
  --port "$GATEWAY_PORT" > "$WORK/suite.log" 2>&1 &
for _ in $(seq 1 180); do grep -aq "UP in" "$WORK/suite.log" && break; sleep 1; done
grep -a "UP in" "$WORK/suite.log"
port() { grep -a "starting $1 " "$WORK/suite.log" | awk '{print $NF}'; }
THERAPY=$(port therapy-service)
EVIDENCE=$(port evidence-service)
TOKEN=$(java -cp "$CP" org.thyronco.infra.LocalIssuer "$WORK/data/jwt" bench clinician 2>/dev/null | tail -1)
MATCH='{"context":{"diagnosis":"THAP","priorTherapies":[]},"findings":[{"ref":"F1","type":"VARIANT","gene":"BRAF","proteinChange":"p.V600E","variantClass":"MISSENSE"}]}'
BODY="$WORK/match.lua"
cat > "$BODY" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$MATCH'
LUA

# One wrk phase at concurrency 8: "<req/s> <requests>". $2 is the wrk thread count, the rest wrk's own arguments.
rate() {
  local seconds=$1 threads=$2
  shift 2
  wrk -t"$threads" -c8 -d"${seconds}s" "$@" | awk '/requests in/ {n = $1} /Requests\/sec/ {print int($2), n}'
}
# A phase against therapy-service: "<req/s> <µs>", the µs its CPU time per request (all its threads, user and system).
THERAPY_PID=$(pgrep -f "$WORK/tree/therapy-service/target/quarkus-app/quarkus-run.jar")
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$THERAPY_PID/stat"; }
therapy_rate() {
  local seconds=$1 before rps n
  shift
  before=$(cpu_ticks)
  read -r rps n < <(rate "$seconds" 2 "$@")
  awk -v rps="$rps" -v n="$n" -v ticks=$(($(cpu_ticks) - before)) -v tick="$TICK" \
    'BEGIN {printf "%d %.1f\n", rps, ticks * 1e6 / tick / n}'
}
# The seven calls measured, each given its phase length in seconds, and the back-to-back loop.
QUERY="gene=BRAF&variant=V600E"
GATEWAY="http://localhost:$GATEWAY_PORT"
ping() { therapy_rate "$1" "http://localhost:$THERAPY/match/ping"; }
match() { therapy_rate "$1" -s "$BODY" "http://localhost:$THERAPY/match"; }
ceiling() { therapy_rate "$1" -s "$BODY" "http://localhost:$THERAPY/match/ceiling"; }
direct() { rate "$1" 1 "http://localhost:$EVIDENCE/evidence?$QUERY"; }
gateway() { rate "$1" 1 -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/v1/evidence?$QUERY"; }
typed() { rate "$1" 1 "$GATEWAY/bare/typed?$QUERY"; }
raw() { rate "$1" 1 "$GATEWAY/bare/raw?$QUERY"; }
# "<matching µs> <writing µs>", each the mean of 20,000 run back to back.
loop() {
  curl -sf -X POST -H "Content-Type: application/json" --data-binary "$MATCH" \
    "http://localhost:$THERAPY/match/ceiling/loop?n=20000"
}
CALLS="ping match ceiling direct gateway typed raw"

echo "[ceilings] warming up"
for _ in 1 2; do
  for call in $CALLS; do "$call" 10 >/dev/null; done
  loop >/dev/null
done
pct() { echo $(( $1 * 100 / $2 )); }
echo "[ceilings] #5 match vs ping, and the ceiling (a match that neither matches nor writes):" \
  "req/s, therapy-service CPU µs per request"
for round in $(seq 1 "$ROUNDS"); do
  read -r ping ping_cpu < <(ping "$EACH")
  read -r match match_cpu < <(match "$EACH")
  read -r ceiling ceiling_cpu < <(ceiling "$EACH")
  echo "round $round: ping $ping, ${ping_cpu} µs | match $match ($(pct "$match" "$ping")%), ${match_cpu} µs |" \
    "ceiling $ceiling ($(pct "$ceiling" "$ping")%), ${ceiling_cpu} µs"
done
echo "[ceilings] #5 the same matching and writing back to back on the event loop, CPU µs each (20,000 of each)"
for round in $(seq 1 "$ROUNDS"); do
  read -r matching writing < <(loop)
  echo "round $round: matching $matching µs, writing $writing µs"
done
echo "[ceilings] #6 evidence search direct, through the gateway, and through the bare relays, req/s"
for round in $(seq 1 "$ROUNDS"); do
  read -r direct _ < <(direct "$EACH")
  read -r gateway _ < <(gateway "$EACH")
  read -r typed _ < <(typed "$EACH")
  read -r raw _ < <(raw "$EACH")
  echo "round $round: direct $direct | gateway $gateway ($(pct "$gateway" "$direct")%) |" \
    "bare typed client $typed ($(pct "$typed" "$direct")%) | raw Vert.x relay $raw ($(pct "$raw" "$direct")%)"
done
