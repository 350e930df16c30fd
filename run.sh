#!/usr/bin/env bash
# Runs the whole platform: the Aspire AppHost brings up Redis, PostgreSQL, RabbitMQ and the three services.
set -euo pipefail
cd "$(dirname "$0")"
eng/prerequisites.sh
exec dotnet run --project TherapyPlatform.AppHost --launch-profile http "$@"
