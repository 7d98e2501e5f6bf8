// Types shared by the schedule explorers (dfs.ts, pct.ts, random.ts), the run driver
// (runner.ts) and the report (explore.ts).
//
// An explorer never builds a machine itself: a MachineFactory does (source.ts makes one
// from Python source; tests may use a scripted engine). Every run starts from a fresh
// machine under the kernel's `manual` strategy; the explorer picks a thread at each
// pending decision (Machine.step(choice)). A run is identified by its choices; the
// kernel's schedule string of a finished run replays it with `--schedule`.

import type { Machine } from '../kernel/kernel';
import type { PreemptionMode } from '../kernel/scheduler';
import type { TraceEvent } from '../../trace/format';

export type ExploreStrategy = 'dfs' | 'pct' | 'random';
export const EXPLORE_STRATEGIES: readonly ExploreStrategy[] = ['dfs', 'pct', 'random'];

/** How one run is to be set up. */
export interface RunSpec {
  preemption: PreemptionMode;
  /** `manual` while exploring; `replay` (with `schedule`) to re-run a found schedule */
  strategy: 'manual' | 'replay';
  schedule?: string;
  maxSteps: number;
}

/** A fresh machine for one run, booted and ready to `step()`. */
export interface MachineInstance {
  machine: Machine;
  /** program output so far (as CPython would show it) */
  stdout(): string;
  stderr(): string;
}

/** Builds a fresh machine; `onEvent` receives every trace event of the run. */
export type MachineFactory = (spec: RunSpec, onEvent: (e: TraceEvent) => void) => MachineInstance;

/** How a run ended, from the explorer's point of view. */
export type RunKind =
  | 'exit' // normal end, status 0, no uncaught exception anywhere
  | 'deadlock' // a wait-for cycle formed (even if the program went on)
  | 'hang' // nothing could run again, no cycle
  | 'assertion' // an AssertionError escaped a thread
  | 'exception' // another exception escaped a thread
  | 'exit-status' // the program exited with a non-zero status by itself (sys.exit(n))
  | 'signal' // killed by a signal
  | 'limit' // the step limit (or the output cap) stopped it: inconclusive
  | 'internal-error' // the simulator failed (a bug in Threadline)
  | 'pruned'; // abandoned by the explorer (a state already explored)

export const FAILURE_KINDS: ReadonlySet<RunKind> = new Set([
  'deadlock', 'hang', 'assertion', 'exception', 'exit-status', 'signal', 'internal-error',
]);

export interface Failure {
  kind: RunKind;
  /** one line: the exception ("AssertionError: lost update"), or the wait cycle */
  message: string;
  /** replay with `threadline run FILE --schedule S --switch MODE` */
  schedule: string;
  switchMode: PreemptionMode;
  /** the explorer's choices at the decision points (tids), for tests and tools */
  choices: string[];
  /** preemptions in the schedule (switches away from a thread that could go on, other
   * than the ones CPython itself would make) */
  preemptions: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The outcome of one run. */
export interface RunRecord {
  kind: RunKind;
  message: string;
  exitCode: number;
  schedule: string;
  choices: string[];
  preemptions: number;
  decisions: number;
  steps: number;
  stdout: string;
  stderr: string;
  /** the run was longer than the depth bound: its tail took the faithful choices */
  depthHit: boolean;
  /** the lock acquire/release events of the run (for lock-order analysis), when asked */
  syncEvents?: TraceEvent[];
}

export interface Coverage {
  /** runs that went to their end (not pruned) */
  completedRuns: number;
  /** runs abandoned at an already explored state (dfs with state hashing) */
  prunedRuns: number;
  /** runs stopped by the step limit (inconclusive) */
  limitRuns: number;
  /** distinct schedule strings among completed runs */
  distinctSchedules: number;
  /** distinct program states seen at decision points (dfs with state hashing) */
  distinctStates: number;
  /** distinct outcomes (kind + message) */
  distinctOutcomes: number;
  /** most decision points in one run */
  maxDecisions: number;
  /** runs longer than the depth bound (decisions past it took the faithful choice) */
  depthBoundedRuns: number;
}

/** PCT's probabilistic guarantee (Burckhardt et al., ASPLOS 2010). */
export interface PctGuarantee {
  /** bug depth the change points target */
  depth: number;
  /** threads seen (n) and decision points per run (k, the largest seen) */
  threads: number;
  steps: number;
  /** lower bound of the chance that one run finds a given bug of depth `depth`:
   * 1 / (n * k^(d-1)) */
  perRun: number;
  /** 1 - (1 - perRun)^runs: the chance that such a bug would have been found */
  confidence: number;
}

export interface SearchResult {
  strategy: ExploreStrategy;
  switchMode: PreemptionMode;
  failure: Failure | null;
  schedulesTried: number;
  /** dfs: the bounded space (preemption bound `preemptionBound`, and the depth bound when
   * a run reached it: coverage.depthBoundedRuns > 0) was explored completely */
  exhausted: boolean;
  /** dfs: exhausted, and no choice was cut by the preemption bound: every schedule of the
   * program (up to the state abstraction) was covered */
  complete: boolean;
  preemptionBound?: number;
  coverage: Coverage;
  pct?: PctGuarantee;
  /** why the search stopped: 'failure' | 'exhausted' | 'max-schedules' | 'budget' */
  stoppedBy: 'failure' | 'exhausted' | 'max-schedules' | 'budget';
}

export interface SearchOptions {
  strategy: ExploreStrategy;
  switchMode: PreemptionMode;
  /** most runs (schedules) to try */
  maxSchedules: number;
  seed: number;
  /** instruction limit of each run */
  maxSteps: number;
  /** depth bound: decisions per run where the explorer chooses; later ones take the
   * faithful choice (default 2000) */
  maxDecisions?: number;
  /** dfs: largest preemption bound (iterative deepening 0..maxPreemptions) */
  maxPreemptions?: number;
  /** dfs: prune states already explored (default true) */
  stateHashing?: boolean;
  /** pct: the bug depth d (d-1 priority change points); default 3 */
  pctDepth?: number;
  /** treat runs stopped by the step limit as failures (default false: inconclusive) */
  limitIsFailure?: boolean;
  /** polled between runs: true stops the search (a host-side time budget) */
  shouldStop?: () => boolean;
}
