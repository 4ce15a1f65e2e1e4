#!/usr/bin/env bash
# Checks README's first command end to end: starts the built jar's demo on a free loopback port and
# waits (at most 150 s) until the REST API lists the simulated products and /metrics shows SLO gauges
# with some products breaching and some not. Run after a build (mvn package or scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=collector/target/meshwatch.jar
[ -f "$jar" ] || { echo "demo-smoke: $jar missing: build first (mvn -B -q -DskipTests package)" >&2; exit 1; }
command -v curl >/dev/null || { echo "demo-smoke: curl missing (scripts/install-peers.sh installs it)" >&2; exit 1; }
work=$(mktemp -d)
# Port 0: the collector picks a free port and the demo's guide names it.
java -jar "$jar" demo --port 0 --data-dir "$work/data" >"$work/demo.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT

base=""
deadline=$((SECONDS + 150))
while [ $SECONDS -lt $deadline ]; do
  if ! kill -0 $pid 2>/dev/null; then
    echo "demo-smoke: the demo exited early:" >&2; cat "$work/demo.log" >&2; exit 1
  fi
  if [ -z "$base" ]; then
    base=$(grep -oE 'report to http://127\.0\.0\.1:[0-9]+' "$work/demo.log" | head -1 | sed 's/^report to //' || true)
    [ -n "$base" ] || { sleep 1; continue; }
  fi
  products=$(curl -sf "$base/api/v1/products" 2>/dev/null | grep -o '"id" *: *"[a-z_]*\.[a-z_]*"' | sort -u | wc -l || true)
  metrics=$(curl -sf "$base/metrics" 2>/dev/null || true)
  breaching=$(printf '%s\n' "$metrics" | grep -c '^meshwatch_slo_breaching{.*} 1\.0$' || true)
  healthy=$(printf '%s\n' "$metrics" | grep -c '^meshwatch_slo_breaching{.*} 0\.0$' || true)
  silent=$(printf '%s\n' "$metrics" | grep -c '^meshwatch_product_agent_silent{.*} 1\.0$' || true)
  if [ "$products" -ge 20 ] && [ "$breaching" -ge 4 ] && [ "$healthy" -ge 20 ] && [ "$silent" -ge 1 ]; then
    if grep -q "Failed to export" "$work/demo.log"; then
      echo "demo-smoke: the collector refused exports of the demo's agents:" >&2
      grep "Failed to export" "$work/demo.log" | head -5 >&2
      exit 1
    fi
    echo "demo-smoke: after ${SECONDS}s: $products products listed, $breaching SLOs breaching, $healthy not, $silent agent silent, every export accepted"
    exit 0
  fi
  sleep 3
done
echo "demo-smoke: timed out: products=$products breaching=$breaching healthy=$healthy silent=$silent" >&2
tail -50 "$work/demo.log" >&2
exit 1
