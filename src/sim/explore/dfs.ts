// Bounded depth-first search over scheduling decisions, in the manner of CHESS
// (Musuvathi & Qadeer, "Iterative context bounding", PLDI 2007).
//
// At every decision point the DEFAULT choice is the faithful one (what CPython's GIL
// would do: the running thread goes on unless a drop was requested, else the longest
// waiter), so the first schedule is exactly `threadline run`'s. An alternative choice
// made while a thread is running (it could go on) is a PREEMPTION; the search explores
// every schedule with at most `bound` preemptions, for bound = 0, 1, ..., maxPreemptions
// (iterative context bounding: the first failure found uses as few preemptions as
// possible). Choices among waiters when the GIL is free cost nothing.
//
// Reductions:
//   - preemptions are only tried before instructions visible to other threads
//     (visibility.ts);
//   - with state hashing, a run is abandoned at a state already explored with at least as
//     many preemptions left (hash.ts; stateful search).
// A schedule is re-executed from a fresh machine each time (decision-prefix replay): the
// machine is deterministic given its choices.

import type { Decision } from '../kernel/scheduler';
import { machineHash } from './hash';
import { isPreemption, runOnce } from './runner';
import { depthBound, Tally } from './tally';
import type { MachineFactory, RunRecord, SearchOptions, SearchResult } from './types';
import { nextIsInvisible } from './visibility';

interface Node {
  chosen: string;
  /** alternatives still to try here */
  alts: string[];
  /** preemptions used before this decision */
  usedBefore: number;
  d: Decision;
}

export function searchDfs(factory: MachineFactory, o: SearchOptions): SearchResult {
  const maxBound = o.maxPreemptions ?? 2;
  const hashing = o.stateHashing ?? true;
  const tally = new Tally(o);
  /** state fingerprint -> most preemptions left with which it was explored, and the
   * bound of that exploration */
  const visited = new Map<string, { left: number; bound: number }>();
  let failure: RunRecord | null = null;
  let failureBound = 0;
  /** the largest bound whose space was explored completely */
  let lastDone = -1;
  let complete = false;
  let stopped: SearchResult['stoppedBy'] | null = null;

  for (let bound = 0; bound <= maxBound; bound++) {
    let boundHit = false;
    const stack: Node[] = [];
    let prefix: string[] = [];
    for (;;) {
      if (tally.runs >= o.maxSchedules) {
        stopped = 'max-schedules';
        break;
      }
      if (o.shouldStop?.()) {
        stopped = 'budget';
        break;
      }
      const b = bound;
      const rec = runOnce(factory, { preemption: o.switchMode, strategy: 'manual', maxSteps: o.maxSteps }, (d, j, inst) => {
        if (j < prefix.length) return prefix[j]!;
        const prev = stack[j - 1];
        const used = prev ? prev.usedBefore + (isPreemption(prev.d, prev.chosen) ? 1 : 0) : 0;
        const left = b - used;
        const m = inst.machine;
        const quiet = d.current !== null && nextIsInvisible(m, d.current);
        // states are fingerprinted where the search branches (not before an invisible
        // instruction of the running thread: nothing to choose there)
        // (nor where no preemption is left: the run only goes on as CPython would, apart
        // from free choices when the GIL is free)
        if (hashing && !quiet && (left > 0 || d.current === null)) {
          const key = machineHash(m);
          const had = visited.get(key);
          if (had === undefined) tally.state();
          if (had !== undefined && had.left >= left) {
            // explored under a smaller bound: whether the bound cut it then is not known
            // here, so the space cannot be called complete
            if (had.bound !== b) boundHit = true;
            return null;
          }
          visited.set(key, { left, bound: b });
        }
        const alts: string[] = [];
        for (const c of d.candidates) {
          if (c === d.cpython) continue;
          if (isPreemption(d, c)) {
            if (quiet) continue;
            if (left <= 0) {
              boundHit = true;
              continue;
            }
          }
          alts.push(c);
        }
        stack.push({ chosen: d.cpython, alts, usedBefore: used, d });
        return d.cpython;
      }, { maxDecisions: depthBound(o) });
      tally.add(rec);
      if (tally.isFailure(rec)) {
        failure = rec;
        break;
      }
      // backtrack to the deepest decision with an untried alternative
      while (stack.length > 0 && stack[stack.length - 1]!.alts.length === 0) stack.pop();
      if (stack.length === 0) break;
      const top = stack[stack.length - 1]!;
      top.chosen = top.alts.shift()!;
      prefix = stack.map((n) => n.chosen);
    }
    if (failure) {
      failureBound = bound;
      break;
    }
    if (stopped) break;
    lastDone = bound;
    if (!boundHit) {
      complete = true;
      break;
    }
  }
  return {
    strategy: 'dfs',
    switchMode: o.switchMode,
    failure: failure ? tally.failureOf(failure, o.switchMode) : null,
    schedulesTried: tally.runs,
    exhausted: !failure && (complete || lastDone === maxBound),
    complete: !failure && complete,
    preemptionBound: failure ? failureBound : Math.max(0, lastDone),
    coverage: tally.coverage(),
    stoppedBy: failure ? 'failure' : stopped ?? 'exhausted',
  };
}
