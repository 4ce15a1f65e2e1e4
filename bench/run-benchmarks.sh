#!/usr/bin/env bash
# Reproduces every figure in docs/BENCHMARKS.md. Run from the repository root; takes about 14 minutes of machine time,
# plus about 12 for the SLO engine set (`slo`), about 3.5 for alerting vs Alertmanager (`alerting`) and about 5 for
# the webhook POST clients (`webhook_post`).
# Each agent/raw pair runs in its own JMH invocation, one right after the other, so that load from
# anything else on the machine hits both sides of a ratio alike.
#   [THREADS=2] bench/run-benchmarks.sh [recording|profiler|retained|indirection|slo|alerting|webhook_post]...   (default: all seven)
#   bench/run-benchmarks.sh slo        only the SLO engine set: slo_tick slo_tick_hours slo_heap slo_ingest slo_restart
#                                      (each also alone; slo_heap_30d is slo_heap's 30-day figures only)
#   bench/run-benchmarks.sh alerting   meshwatch's alerting vs Prometheus Alertmanager 0.25 (Debian's prometheus-alertmanager),
#                                      each its own process; writes section 4 of docs/BENCHMARKS.md. ALERTING_ARGS adds
#                                      options, e.g. ALERTING_ARGS="--alerts 2000 --rounds 1" for a smoke run.
#   bench/run-benchmarks.sh webhook_post   one webhook POST over loopback with KeepAliveHttpClient, java.net.http (default
#                                      and HTTP/1.1) and Apache HttpClient 5, one JMH run (see WebhookPostBenchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/results
JAR=bench/target/benchmarks.jar
mkdir -p "$OUT"
mvn -q -B -o package -pl bench -am -DskipTests

log() { echo "$(date -u +%FT%TZ) $* | load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/run-log.txt"; }

# With 2 threads the cost depends on how the threads' updates collide in the SDK's shared aggregation state,
# which settles early in each fork: forks of the same code differ by up to 3x while iterations within one
# agree. So 2 threads get many short forks (6 were still too few on a quiet machine; see docs/BENCHMARKS.md).
recording_options() {
  if [ "$1" = 1 ]; then echo "-f 2 -wi 3 -w 2 -i 5 -r 2"; else echo "-f 10 -wi 2 -w 1 -i 4 -r 1"; fi
}

recording() {
  for threads in ${THREADS:-1 2}; do
    for pair in QualityCheck Volume UsageRead; do
      log "recording $pair -t $threads"
      # shellcheck disable=SC2046
      java -jar "$JAR" "AgentRecordingBenchmark\.(agent|raw)$pair(SkippingZero)?\$" \
        $(recording_options "$threads") -t "$threads" -prof gc \
        -rf json -rff "$OUT/recording-t$threads-$pair.json" > /dev/null
    done
  done
}

indirection() {
  log "indirection"
  java -jar "$JAR" 'IndirectionBenchmark' -rf json -rff "$OUT/indirection.json" > /dev/null
}

profiler() {
  log "profiler"
  java -jar "$JAR" 'ProfilerBenchmark' -f 1 -wi 2 -w 5 -i 5 -r 5 -prof gc \
    -rf json -rff "$OUT/profiler.json" > /dev/null
}

retained() {
  log "retained heap"
  java -XX:+UseSerialGC -Xmx2g -cp "$JAR" io.meshwatch.bench.RetainedHeap > "$OUT/retained-heap.txt"
}

# The SLO engine: each benchmark compares the engine with its peer in the same invocation (see docs/BENCHMARKS.md).
# JMH's console output is kept: setup prints what each side measured (states, compliance, journal sizes, restored counts).
slo() {
  slo_tick
  slo_tick_hours
  slo_heap
  slo_ingest
  slo_restart
}

slo_tick() {
  log "slo: evaluation tick"
  java -jar "$JAR" 'SloEvaluationBenchmark' -f 1 -wi 3 -w 2 -i 5 -r 2 \
    -rf json -rff "$OUT/slo-tick.json" > "$OUT/slo-tick-console.txt"
}

# Every tick of two simulated hours, one by one: the ticks that close a minute or an hour, which the JMH run averages
# in or never reaches (see SloTickHours).
slo_tick_hours() {
  log "slo: tick hours"
  java -Xms6g -Xmx6g -cp "$JAR" io.meshwatch.bench.SloTickHours 2 > "$OUT/slo-tick-hours.txt"
}

slo_heap_30d() {
  log "slo: retained heap, 30d only"
  : > "$OUT/slo-heap-30d.txt"
  for store in tiered naive; do
    java -XX:+UseSerialGC -Xmx6g -cp "$JAR" io.meshwatch.bench.SloRetainedHeap 30d "$store" >> "$OUT/slo-heap-30d.txt"
  done
}

slo_heap() {
  log "slo: retained heap"
  # One JVM per window and store: measurements in one JVM disturb each other (see SloRetainedHeap).
  : > "$OUT/slo-heap.txt"
  for window in 30d 7d quarter; do
    for store in tiered naive; do
      java -XX:+UseSerialGC -Xmx6g -cp "$JAR" io.meshwatch.bench.SloRetainedHeap "$window" "$store" >> "$OUT/slo-heap.txt"
    done
  done
}

slo_ingest() {
  log "slo: ingest"
  java -jar "$JAR" 'SloIngestBenchmark' -f 2 -wi 2 -w 2 -i 4 -r 2 \
    -rf json -rff "$OUT/slo-ingest.json" > "$OUT/slo-ingest-console.txt"
}

slo_restart() {
  # 30 days of journal and a snapshot 5 minutes before its end, under ${MESHWATCH_SLO_DIR:-/tmp/meshwatch-slo-restart}; deterministic, so
  # REUSE=1 keeps files an earlier run built.
  if [ "${REUSE:-0}" = 1 ] && [ -f "${MESHWATCH_SLO_DIR:-/tmp/meshwatch-slo-restart}/info.properties" ]; then
    log "slo: restart files reused"
  else
    log "slo: restart files"
    java -cp "$JAR" io.meshwatch.bench.SloHistoryFiles > "$OUT/slo-restart-files.txt"
  fi
  log "slo: restart"
  java -jar "$JAR" 'SloRestartBenchmark' -f 2 -rf json -rff "$OUT/slo-restart.json" > "$OUT/slo-restart-console.txt"
}

# Both contenders run as processes of their own, their CPU read from /proc (see AlertingVsAlertmanager); the run's
# table goes to alerting.txt and its figures into docs/BENCHMARKS.md between the section's markers.
alerting() {
  if [ ! -x /usr/bin/prometheus-alertmanager ]; then
    echo "alerting: needs Alertmanager: apt-get install -y --no-install-recommends prometheus-alertmanager" >&2
    return 1
  fi
  log "alerting vs Alertmanager"
  # shellcheck disable=SC2086
  java -cp "$JAR" io.meshwatch.bench.alerting.AlertingVsAlertmanager ${ALERTING_ARGS:-} \
    --doc docs/BENCHMARKS.md > "$OUT/alerting.txt"
}

# The notifiers' HTTP client and its peers, same sink, same JMH run; the console keeps the sink's request and
# connection counts (one connection per client means each kept its connection alive). Pinned to one CPU, the time
# per operation is the CPU all threads spend on one exchange; unpinned on a 2-core VM it was mostly cross-core
# wake-up latency, between about 30 and 70 us/op for every client alike as the scheduler placed the threads. The JIT
# shares that CPU, and java.net.http's code takes about 16 s of compiling: hence 24 s of warmup.
webhook_post() {
  log "webhook post"
  taskset -c 0 java -jar "$JAR" 'WebhookPostBenchmark' -f 2 -wi 12 -w 2 -i 5 -r 2 -prof gc \
    -rf json -rff "$OUT/webhook-post.json" > "$OUT/webhook-post-console.txt"
}

for step in "${@:-recording profiler retained indirection slo alerting webhook_post}"; do
  for s in $step; do "$s"; done
done
log "done"
python3 bench/summarize.py "$OUT"
