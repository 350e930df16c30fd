#!/usr/bin/env bash
# Runs every test: unit, conformance and the integration tests on the Aspire testing host (which start the
# AppHost with real Redis, PostgreSQL and RabbitMQ as local processes).
set -euo pipefail
cd "$(dirname "$0")"
eng/prerequisites.sh
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test TherapyPlatform.sln "$@" 2>&1 | tee "$log" || status=$?
# One closing line over all test assemblies.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
exit "$status"
