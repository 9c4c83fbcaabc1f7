#!/usr/bin/env bash
# Lints the gateway's OpenAPI document with Spectral (npm). Needs Node.js; not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f gateway/target/openapi/openapi.yaml ] || ./mvnw -q -B package -pl gateway -am -DskipTests
npx --yes @stoplight/spectral-cli@6.16.3 lint gateway/target/openapi/openapi.yaml --ruleset .spectral.yaml --fail-severity error
