#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs the real peers the tests need, builds every
# module and runs every test, then checks README's demo command end to end with the built jar.
# Benchmarks (bench/) are compiled but not run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-peers.sh
mvn -B -ntp verify "$@"
bash scripts/demo-smoke.sh
