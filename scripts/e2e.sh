#!/usr/bin/env bash
# Runs the end-to-end tests of the generated dashboards and rules (issue 5, acceptance 2 and 4): the
# collector running the demo mesh in-process, a real Prometheus (Debian's package) scraping it and
# evaluating the generated rules. Installs Prometheus first when it is missing. About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-peers.sh
mvn -B -ntp -q -pl collector -am test -Dtest='*E2ETest,PanelQueriesTest' -Dsurefire.failIfNoSpecifiedTests=false "$@"
