#!/usr/bin/env python3
"""Prints docs/BENCHMARKS.md's tables from the JMH JSON files in a results directory.

Median and min-max are over every measurement iteration of every fork; the ± figure is JMH's
99.9 % confidence half-width. Ratios are agent median / raw median (recording) or contender
values/s relative to the profiler's (profiler).
"""
import glob
import json
import os
import statistics
import sys


def load(path, key=lambda b: b['benchmark'].rsplit('.', 1)[1]):
    out = {}
    for b in json.load(open(path)):
        name = key(b)
        pm = b['primaryMetric']
        raw = [x for fork in pm['rawData'] for x in fork]
        alloc = b['secondaryMetrics'].get('gc.alloc.rate.norm', {}).get('score')
        out[name] = dict(median=statistics.median(raw), lo=min(raw), hi=max(raw), score=pm['score'],
                         err=pm['scoreError'], unit=pm['scoreUnit'], alloc=alloc, threads=b['threads'],
                         forks=b['forks'], n=len(raw),
                         fork_medians=sorted(statistics.median(fork) for fork in pm['rawData']))
    return out


def recording(results):
    for threads in (1, 2):
        files = sorted(glob.glob(os.path.join(results, f'recording-t{threads}-*.json')))
        if not files:
            continue
        print(f'\n### {threads} thread{"s" if threads > 1 else ""}\n')
        print('| call | agent median ns/op (min–max) | raw SDK median ns/op (min–max) | agent ÷ raw | agent B/op | raw B/op |')
        print('|---|---|---|---|---|---|')
        for path in files:
            r = load(path)
            agent = next(v for k, v in r.items() if k.startswith('agent'))
            raw = next(v for k, v in r.items() if k.startswith('raw'))
            pair = next(k for k in r if k.startswith('agent'))[len('agent'):]
            print(f'| {pair} | {agent["median"]:.1f} ({agent["lo"]:.1f}–{agent["hi"]:.1f}) '
                  f'| {raw["median"]:.1f} ({raw["lo"]:.1f}–{raw["hi"]:.1f}) '
                  f'| **{agent["median"] / raw["median"]:.2f}×** | {agent["alloc"]:.3f} | {raw["alloc"]:.3f} |')
        if threads > 1:
            # Each fork's threads land on their stripes once, so the spread across forks is the noise that matters.
            print('\n| call | agent fork medians ns/op, sorted | raw SDK fork medians ns/op, sorted |')
            print('|---|---|---|')
            for path in files:
                r = load(path)
                agent = next(v for k, v in r.items() if k.startswith('agent'))
                raw = next(v for k, v in r.items() if k.startswith('raw'))
                pair = next(k for k in r if k.startswith('agent'))[len('agent'):]
                print(f'| {pair} | {" ".join(f"{m:.0f}" for m in agent["fork_medians"])} '
                      f'| {" ".join(f"{m:.0f}" for m in raw["fork_medians"])} |')


def profiler(results):
    path = os.path.join(results, 'profiler.json')
    if not os.path.exists(path):
        return
    r = load(path)
    base = r['meshwatchProfileDoubles']['median']
    print('\n### Profiler\n')
    print('| contender | median M values/s (min–max) | ± 99.9 % CI | vs profiler | allocated per value | allocated per pass |')
    print('|---|---|---|---|---|---|')
    for name in ('meshwatchProfileDoubles', 'commonsSummaryStatistics', 'commonsDescriptiveStatistics'):
        v = r[name]
        per_pass = v['alloc'] * 10_000_000
        print(f'| {name} | {v["median"] / 1e6:.1f} ({v["lo"] / 1e6:.1f}–{v["hi"] / 1e6:.1f}) '
              f'| ± {v["err"] / 1e6:.1f} | {v["median"] / base:.2f}× | {v["alloc"]:.2f} B | {per_pass / 1e6:,.2f} MB |')


def indirection(results):
    path = os.path.join(results, 'indirection.json')
    if not os.path.exists(path):
        return
    r = load(path)
    two = r['twoHops']['median']
    print('\n### Indirection (diagnostic)\n')
    print('| chain to the histogram | median ns/op (min–max) | vs two hops |')
    print('|---|---|---|')
    for name, chain in (('twoHops', '`holder.volumeRows` (a hand-written caller)'),
                        ('threeHops', '`agent.volume.volumeRows` (the agent today)'),
                        ('fourHops', '`agent.volume.instruments.volumeRows` (the agent before 2144223)')):
        v = r[name]
        print(f'| {chain} | {v["median"]:.1f} ({v["lo"]:.1f}–{v["hi"]:.1f}) '
              f'| {v["median"] - two:+.1f} ns ({v["median"] / two:.2f}×) |')


def heap(path):
    if os.path.exists(path):
        print(f'\n### Heap per SLO ({os.path.basename(path)})\n')
        print('| window | store | SLOs | retained bytes | per SLO |')
        print('|---|---|---|---|---|')
        for line in open(path):
            f = line.rstrip('\n').split('\t')
            if len(f) == 6 and f[0] != 'window':
                print(f'| {f[0]} | {f[1]} | {f[2]} | {f[3]} | {f[4]} B ({f[5]} KiB) |')


def slo(results):
    path = os.path.join(results, 'slo-tick.json')
    if os.path.exists(path):
        r = load(path, key=lambda b: b['params']['store'])
        base = r['tiered']['median']
        print('\n### SLO evaluation tick (10 000 SLOs, 30 days of history)\n')
        print('| store | median ms per tick (min–max) | vs tiered |')
        print('|---|---|---|')
        for name in ('tiered', 'tieredWithoutTrend', 'naive'):
            if name in r:
                v = r[name]
                print(f'| {name} | {v["median"]:.1f} ({v["lo"]:.1f}–{v["hi"]:.1f}) | {v["median"] / base:.2f}× |')
    for name in ('slo-heap.txt', 'slo-heap-30d.txt'):
        heap(os.path.join(results, name))
    path = os.path.join(results, 'slo-ingest.json')
    if os.path.exists(path):
        r = load(path, key=lambda b: (b['benchmark'].rsplit('.', 1)[1], b['params']['sink']))
        print('\n### Ingest into the persisted store (1 thread)\n')
        print('| batch | sink | median signals/s (min–max) | vs memory |')
        print('|---|---|---|---|')
        for batch in ('batchOf10', 'batchOf100'):
            base = r[(batch, 'memory')]['median']
            for sink in ('memory', 'journalNone', 'journalAlways'):
                v = r.get((batch, sink))
                if v:
                    print(f'| {batch[len("batchOf"):]} | {sink} | {v["median"]:,.0f} ({v["lo"]:,.0f}–{v["hi"]:,.0f}) '
                          f'| {v["median"] / base:.3f}× |')
    path = os.path.join(results, 'slo-restart.json')
    if os.path.exists(path):
        r = load(path)
        base = r['fromSnapshot']['median']
        print('\n### Restart with 10 000 SLOs (one cold JVM per measurement)\n')
        print('| route | median ms (min–max) | forks | vs snapshot |')
        print('|---|---|---|---|')
        for name in ('fromSnapshot', 'replayJournal'):
            v = r[name]
            print(f'| {name} | {v["median"]:,.0f} ({v["lo"]:,.0f}–{v["hi"]:,.0f}) | {v["n"]} | {v["median"] / base:.1f}× |')


if __name__ == '__main__':
    results = sys.argv[1] if len(sys.argv) > 1 else 'bench/results'
    recording(results)
    profiler(results)
    indirection(results)
    slo(results)
