#!/usr/bin/env bash
# Installs every program the tests and the CI scripts use beyond Java and Maven, from Debian's
# packages, when it is missing: Prometheus + promtool (package prometheus), Alertmanager (package
# prometheus-alertmanager), Node.js + npm (packages nodejs, npm) for the type check of dashboards
# against @grafana/schema, and curl, which scripts/demo-smoke.sh talks to the demo with. A fresh
# Debian 12 with only Java 17 and Maven has none of them (scripts/fresh-machine-check.sh checks that).
# Needs root (or sudo). Nothing is started here: each test starts and stops its own instance.
set -euo pipefail

missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
{ command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; } || missing+=(nodejs npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-peers: prometheus, promtool, alertmanager, node, npm and curl present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-peers: need root to install ${missing[*]} (apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi
echo "install-peers: installing ${missing[*]} from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's packages would start system services where an init system runs; the tests start their own.
for svc in prometheus prometheus-alertmanager prometheus-node-exporter; do
  $SUDO service "$svc" stop >/dev/null 2>&1 || true
done
command -v promtool >/dev/null && command -v prometheus-alertmanager >/dev/null
command -v node >/dev/null && command -v npm >/dev/null
command -v curl >/dev/null
echo "install-peers: done"
