#!/usr/bin/env bash
# Starts the whole suite on this machine: embedded PostgreSQL 17 and Kafka (KRaft), then
# evidence-service, genomics-service, therapy-service and the gateway, wired together.
# Prints the gateway and Swagger UI URLs once every service reports health UP; Ctrl-C or SIGTERM
# stops everything.
#
# Options: --clean (wipe the data directory first), --data-dir DIR (default ./.thyronco-data),
#          --port N (gateway port, default 8080), --build (rebuild even if the jars exist).
set -euo pipefail
cd "$(dirname "$0")"

# ./run.sh token <subject> <role[,role]> [lab-id]: mint a local JWT for the running suite.
if [ "${1:-}" = "token" ]; then
  shift
  data_dir=.thyronco-data
  exec java -cp "embedded-infra/target/embedded-infra-0.1.0-SNAPSHOT.jar" org.thyronco.infra.LocalIssuer \
    "$data_dir/jwt" "$@"
fi

build=false
args=()
for a in "$@"; do
  if [ "$a" = "--build" ]; then build=true; else args+=("$a"); fi
done

infra_jar=embedded-infra/target/embedded-infra-0.1.0-SNAPSHOT.jar
for jar in "$infra_jar" evidence-service/target/quarkus-app/quarkus-run.jar \
    genomics-service/target/quarkus-app/quarkus-run.jar therapy-service/target/quarkus-app/quarkus-run.jar \
    gateway/target/quarkus-app/quarkus-run.jar; do
  [ -f "$jar" ] || build=true
done
if [ "$build" = true ]; then
  echo "[suite] building (./mvnw package -DskipTests) ..."
  ./mvnw -q -B package -DskipTests
fi

# exec: the launcher JVM receives SIGTERM/SIGINT itself and stops its children and the infrastructure.
exec java -cp "$infra_jar:embedded-infra/target/lib/*" org.thyronco.infra.SuiteLauncher --root . "${args[@]+"${args[@]}"}"
