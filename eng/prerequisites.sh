#!/usr/bin/env bash
# Installs the servers the platform runs as local processes when no container engine answers.
# Debian's packages start nothing by themselves; the AppHost runs them.
set -euo pipefail

container_runtime_answers() {
  local runtime="${ASPIRE_CONTAINER_RUNTIME:-docker}"
  command -v "$runtime" >/dev/null 2>&1 && timeout 5 "$runtime" info --format '{{.ServerVersion}}' >/dev/null 2>&1
}

servers_installed() {
  command -v redis-server >/dev/null 2>&1 \
    && compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null \
    && [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]
}

if [ "${INFRASTRUCTURE__MODE:-}" = "Containers" ] || { [ -z "${INFRASTRUCTURE__MODE:-}" ] && container_runtime_answers; }; then
  exit 0
fi

if servers_installed; then
  exit 0
fi

echo "Installing redis-server, postgresql and rabbitmq-server (no container engine answered)..."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server postgresql rabbitmq-server >/dev/null
