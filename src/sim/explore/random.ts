// Seeded random walks: at every decision point where it matters (visibility.ts), a thread
// chosen uniformly among the candidates. Run i uses its own generator derived from the
// seed, so a search is reproducible and any run can be re-created alone.

import { createRng, nextInt } from '../kernel/rng';
import { runOnce } from './runner';
import { depthBound, runSeed, Tally } from './tally';
import type { MachineFactory, RunRecord, SearchOptions, SearchResult } from './types';
import { nextIsInvisible } from './visibility';

export function searchRandom(factory: MachineFactory, o: SearchOptions): SearchResult {
  const tally = new Tally(o);
  let failure: RunRecord | null = null;
  let stopped: SearchResult['stoppedBy'] = 'max-schedules';
  for (let i = 0; i < o.maxSchedules; i++) {
    if (o.shouldStop?.()) {
      stopped = 'budget';
      break;
    }
    const rng = createRng(runSeed(o.seed, i));
    const rec = runOnce(factory, { preemption: o.switchMode, strategy: 'manual', maxSteps: o.maxSteps }, (d, _j, inst) => {
      if (d.current !== null && nextIsInvisible(inst.machine, d.current)) return d.cpython;
      return d.candidates[nextInt(rng, d.candidates.length)]!;
    }, { maxDecisions: depthBound(o) });
    tally.add(rec);
    if (tally.isFailure(rec)) {
      failure = rec;
      break;
    }
  }
  return {
    strategy: 'random',
    switchMode: o.switchMode,
    failure: failure ? tally.failureOf(failure, o.switchMode) : null,
    schedulesTried: tally.runs,
    exhausted: false,
    complete: false,
    coverage: tally.coverage(),
    stoppedBy: failure ? 'failure' : stopped,
  };
}
