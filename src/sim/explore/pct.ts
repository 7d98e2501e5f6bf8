// PCT, probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte,
// "A randomized scheduler with probabilistic guarantees of finding bugs", ASPLOS 2010).
//
// Each run gives every thread a random priority (d, d+1, ... in random order, as threads
// appear) and picks d-1 change points uniformly among the k decision steps of a run. The
// highest-priority candidate always runs; at the i-th change point the thread about to
// run drops to priority i (below every initial priority). For a program with n threads
// and k steps, one run finds any given bug of depth d (d ordering constraints between
// instructions) with probability at least 1 / (n * k^(d-1)); N runs miss it with
// probability at most (1 - that)^N. Steps here are the decision points that matter
// (visibility.ts); k and n are learned from the runs (the first run is the faithful
// schedule) and the guarantee is reported with the largest values seen.

import { createRng, nextFloat, nextInt, type Rng } from '../kernel/rng';
import { runOnce } from './runner';
import { depthBound, runSeed, Tally } from './tally';
import type { MachineFactory, PctGuarantee, RunRecord, SearchOptions, SearchResult } from './types';
import { nextIsInvisible } from './visibility';

/** d-1 distinct change points in [1, k], ascending. */
function changePoints(rng: Rng, d: number, k: number): number[] {
  const pts = new Set<number>();
  const want = Math.min(d - 1, k);
  while (pts.size < want) pts.add(1 + nextInt(rng, k));
  return [...pts].sort((a, b) => a - b);
}

export function searchPct(factory: MachineFactory, o: SearchOptions): SearchResult {
  const depth = Math.max(1, o.pctDepth ?? 3);
  const tally = new Tally(o);
  let failure: RunRecord | null = null;
  let stopped: SearchResult['stoppedBy'] = 'max-schedules';
  let k = 0; // most visible steps in a run so far
  let n = 1; // most threads seen in a run so far
  for (let i = 0; i < o.maxSchedules; i++) {
    if (o.shouldStop?.()) {
      stopped = 'budget';
      break;
    }
    const faithful = i === 0;
    const rng = createRng(runSeed(o.seed, i));
    const points = faithful ? [] : changePoints(rng, depth, Math.max(1, k));
    const prio = new Map<string, number>();
    let step = 0;
    let changes = 0;
    const priority = (tid: string): number => {
      let p = prio.get(tid);
      if (p === undefined) {
        p = depth + nextFloat(rng) * 1e6;
        prio.set(tid, p);
      }
      return p;
    };
    const best = (cands: string[]): string => {
      let top = cands[0]!;
      for (const c of cands) if (priority(c) > priority(top)) top = c;
      return top;
    };
    const rec = runOnce(factory, { preemption: o.switchMode, strategy: 'manual', maxSteps: o.maxSteps }, (d, _j, inst) => {
      for (const c of d.candidates) priority(c);
      if (d.current !== null && nextIsInvisible(inst.machine, d.current)) return faithful ? d.cpython : d.current;
      step++;
      if (faithful) return d.cpython;
      let pick = best(d.candidates);
      while (changes < points.length && points[changes]! <= step) {
        changes++;
        prio.set(pick, changes);
        pick = best(d.candidates);
      }
      return pick;
    }, { maxDecisions: depthBound(o) });
    k = Math.max(k, step);
    n = Math.max(n, prio.size);
    tally.add(rec);
    if (tally.isFailure(rec)) {
      failure = rec;
      break;
    }
  }
  const perRun = 1 / (n * Math.pow(Math.max(1, k), depth - 1));
  const pct: PctGuarantee = {
    depth, threads: n, steps: k, perRun,
    confidence: 1 - Math.pow(1 - perRun, tally.runs),
  };
  return {
    strategy: 'pct',
    switchMode: o.switchMode,
    failure: failure ? tally.failureOf(failure, o.switchMode) : null,
    schedulesTried: tally.runs,
    exhausted: false,
    complete: false,
    coverage: tally.coverage(),
    pct,
    stoppedBy: failure ? 'failure' : stopped,
  };
}
