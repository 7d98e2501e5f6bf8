// `threadline explore`: search the schedules of a program for one that fails (deadlock,
// hang, uncaught exception, assertion), then tell whether that failure also exists where
// CPython 3.11 can switch threads (`cpython` preemption: eval-breaker points and blocking
// calls) or needs finer preemption (`instruction`: any instruction, as a free-threaded or
// differently scheduled Python could do). Also: the lock-order analysis of the faithful
// run (potential deadlocks even when no schedule tried deadlocked).

import type { PreemptionMode } from '../kernel/scheduler';
import { searchDfs } from './dfs';
import { lockOrderCycles, type LockOrderCycle } from './lockorder';
import { searchPct } from './pct';
import { searchRandom } from './random';
import { runOnce } from './runner';
import type { Failure, MachineFactory, RunKind, SearchOptions, SearchResult } from './types';

export interface ExploreOptions extends SearchOptions {
  /** when a failure is found at instruction granularity, search again under `cpython`
   * preemption (default true) */
  compareCpython?: boolean;
}

export interface ExploreReport {
  /** 'failure' when a failing schedule was found */
  outcome: 'failure' | 'none';
  failing?: Failure;
  /** the search at the requested granularity */
  search: SearchResult;
  /** the same search restricted to CPython's switch points (when the first one found a
   * failure at instruction granularity) */
  cpython?: SearchResult;
  /** the failure (same kind) also happens under CPython 3.11's switch points; null when
   * nothing failed */
  alsoUnderCpython: boolean | null;
  /** replaying the failing schedule (strategy `replay`) gave the same kind of failure */
  replayVerified?: boolean;
  /** the faithful run (what `threadline run` does) */
  faithful: { kind: RunKind; message: string; schedule: string };
  /** lock-order cycles seen in the faithful run */
  lockOrder: LockOrderCycle[];
}

export function search(factory: MachineFactory, o: SearchOptions): SearchResult {
  switch (o.strategy) {
    case 'dfs':
      return searchDfs(factory, o);
    case 'pct':
      return searchPct(factory, o);
    case 'random':
      return searchRandom(factory, o);
  }
}

export function explore(factory: MachineFactory, o: ExploreOptions): ExploreReport {
  const faithfulRun = runOnce(factory, { preemption: o.switchMode, strategy: 'manual', maxSteps: o.maxSteps },
    (d) => d.cpython, { collectSync: true });
  const lockOrder = lockOrderCycles(faithfulRun.syncEvents ?? []);
  const main = search(factory, o);
  const report: ExploreReport = {
    outcome: main.failure ? 'failure' : 'none',
    search: main,
    alsoUnderCpython: null,
    faithful: { kind: faithfulRun.kind, message: faithfulRun.message, schedule: faithfulRun.schedule },
    lockOrder,
  };
  const f = main.failure;
  if (!f) return report;
  report.failing = f;
  report.replayVerified = replays(factory, f, o.maxSteps);
  if (o.switchMode === 'cpython') {
    report.alsoUnderCpython = true;
  } else if (o.compareCpython !== false) {
    const cp = search(factory, { ...o, switchMode: 'cpython' as PreemptionMode });
    report.cpython = cp;
    report.alsoUnderCpython = cp.failure !== null && cp.failure.kind === f.kind;
  }
  return report;
}

/** Runs `f.schedule` with the replay strategy: does it fail the same way? */
export function replays(factory: MachineFactory, f: Failure, maxSteps: number): boolean {
  if (f.kind === 'internal-error') return false;
  const r = runOnce(factory, { preemption: f.switchMode, strategy: 'replay', schedule: f.schedule, maxSteps },
    (d) => d.cpython);
  return r.kind === f.kind && r.message === f.message;
}
