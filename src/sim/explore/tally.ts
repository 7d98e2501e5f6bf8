// Bookkeeping common to the explorers: runs tried, coverage figures, and which run
// outcomes count as failures.

import type { PreemptionMode } from '../kernel/scheduler';
import { FAILURE_KINDS, type Coverage, type Failure, type RunRecord, type SearchOptions } from './types';

export class Tally {
  runs = 0;
  private completed = 0;
  private pruned = 0;
  private limits = 0;
  private states = 0;
  private maxDecisions = 0;
  private depthBounded = 0;
  private schedules = new Set<string>();
  private outcomes = new Set<string>();

  constructor(private readonly o: Pick<SearchOptions, 'limitIsFailure'>) {}

  add(r: RunRecord): void {
    this.runs++;
    this.maxDecisions = Math.max(this.maxDecisions, r.decisions);
    if (r.depthHit) this.depthBounded++;
    if (r.kind === 'pruned') {
      this.pruned++;
      return;
    }
    this.completed++;
    if (r.kind === 'limit') this.limits++;
    this.schedules.add(r.schedule);
    this.outcomes.add(`${r.kind}\u0000${r.message}`);
  }

  /** a new distinct state was seen */
  state(): void {
    this.states++;
  }

  isFailure(r: RunRecord): boolean {
    return FAILURE_KINDS.has(r.kind) || (r.kind === 'limit' && this.o.limitIsFailure === true);
  }

  failureOf(r: RunRecord, switchMode: PreemptionMode): Failure {
    return {
      kind: r.kind, message: r.message, schedule: r.schedule, switchMode, choices: r.choices,
      preemptions: r.preemptions, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr,
    };
  }

  coverage(): Coverage {
    return {
      completedRuns: this.completed,
      prunedRuns: this.pruned,
      limitRuns: this.limits,
      distinctSchedules: this.schedules.size,
      distinctStates: this.states,
      distinctOutcomes: this.outcomes.size,
      maxDecisions: this.maxDecisions,
      depthBoundedRuns: this.depthBounded,
    };
  }
}

/** The depth bound of a search. */
export function depthBound(o: { maxDecisions?: number }): number {
  return o.maxDecisions ?? 2000;
}

/** A seed for run `i` of a search seeded with `seed` (splitmix-like, 32 bits). */
export function runSeed(seed: number, i: number): number {
  let z = (Math.trunc(seed) ^ Math.imul(i + 1, 0x9e3779b9)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
