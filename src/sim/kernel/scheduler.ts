// Scheduling strategies and the schedule string.
//
// A DECISION POINT is a moment where the kernel must pick which thread of a process runs
// next and more than one thread could:
//   - after an instruction of the running thread at a preemption point (an eval-breaker
//     instruction in `cpython` preemption mode, any instruction in `instruction` mode)
//     while other threads of the process wait for the GIL: candidates = the running thread
//     and the eligible GIL waiters;
//   - when the GIL is free (its holder blocked, exited or yielded) and two or more threads
//     wait for it: candidates = the eligible waiters.
// Candidates are listed in tid order. `cpython` is what the faithful model picks: the
// running thread unless a drop was requested (switch interval elapsed), else the first
// eligible waiter (FIFO).
//
// Strategies:
//   cpython  always the faithful choice (the default; deterministic)
//   random   a uniformly random candidate at every decision point, from the seeded RNG
//   replay   follows a schedule string; when it runs out, `cpython` takes over
//   manual   an external caller picks (the editor's "Step thread"); without a pick the
//            kernel pauses at the decision point
//
// THE SCHEDULE STRING records which thread held each process's GIL and for how many
// instructions, in order: "1*120,2*3,1*7" = thread 1 ran 120 instructions, then thread 2
// ran 3, then thread 1 ran 7. That is exactly enough to replay any run: at a decision
// point the running thread goes on while its current run has instructions left, then the
// thread of the next run takes over. A thread of the main process (pid `mainPid`) is
// written by its number; other processes' threads as "pid:n" ("1003:1*5"); each
// process's runs are consumed in order, independently of the others (processes run in
// parallel, ordered by virtual time). A run of one instruction is written without "*1";
// "*0" is a run that got the GIL and gave it up without executing anything.

import { assertUnreachable } from '../util/assert';
import { createRng, nextInt, type Rng } from './rng';
import { compareIds } from './waitfor';

export type StrategyName = 'cpython' | 'random' | 'replay' | 'manual';
export const STRATEGIES: readonly StrategyName[] = ['cpython', 'random', 'replay', 'manual'];

export type PreemptionMode = 'cpython' | 'instruction';
export const PREEMPTION_MODES: readonly PreemptionMode[] = ['cpython', 'instruction'];

export interface Decision {
  pid: number;
  /** threads that could run next, in tid order (at least two) */
  candidates: string[];
  /** the thread that ran the last instruction and could go on, or null */
  current: string | null;
  /** the faithful CPython choice */
  cpython: string;
}

/** One run of the schedule: `tid` held the GIL for `count` instructions. */
export type ScheduleRun = [tid: string, count: number];

interface ReplayCursor {
  runs: ScheduleRun[];
  /** index of the current run */
  i: number;
  /** instructions of it already executed */
  used: number;
  /** the current run, used up, was given one empty batch */
  zeroDone?: boolean;
}

export interface SchedulerState {
  strategy: StrategyName;
  rng: Rng;
  /** replay: per process, the runs to follow and where we are in them */
  replay: Record<number, ReplayCursor> | null;
  /** the runs so far, in order of their start */
  record: ScheduleRun[];
  /** per pid: index in `record` of its current run */
  lastRun: Record<number, number>;
  /** decisions taken (by any strategy) */
  decisions: number;
  /** set when a replayed schedule does not fit (another program or other options) */
  diverged: string | null;
  /** the pid whose threads the schedule string writes by number alone */
  mainPid: number;
}

export function createScheduler(
  strategy: StrategyName,
  opts: { seed?: number; schedule?: string; mainPid?: number } = {},
): SchedulerState {
  const mainPid = opts.mainPid ?? 1;
  let replay: SchedulerState['replay'] = null;
  if (strategy === 'replay') {
    replay = {};
    for (const run of parseSchedule(opts.schedule ?? '', mainPid)) {
      const pid = pidOf(run[0]);
      (replay[pid] ??= { runs: [], i: 0, used: 0 }).runs.push(run);
    }
  }
  return { strategy, rng: createRng(opts.seed ?? 0), replay, record: [], lastRun: {}, decisions: 0, diverged: null, mainPid };
}

export function pidOf(tid: string): number {
  return Number(tid.slice(0, tid.indexOf(':')));
}

/** Normalizes the candidate list: sorted by tid, no duplicates. */
export function sortCandidates(tids: Iterable<string>): string[] {
  return [...new Set(tids)].sort(compareIds);
}

// ───────────────────────────── replay ─────────────────────────────

/** The replay cursor of `pid`, or null when replay is over for it (cpython takes over). */
function cursor(s: SchedulerState, pid: number): ReplayCursor | null {
  if (s.strategy !== 'replay' || s.diverged) return null;
  const c = s.replay![pid];
  if (!c || c.i >= c.runs.length) return null;
  return c;
}

function diverge(s: SchedulerState, msg: string): void {
  if (!s.diverged) s.diverged = `schedule diverged: ${msg}`;
}

/** Instructions `tid` may still run in its current replayed run (Infinity when replay is
 * over); moves the cursor to `tid`'s run if the holder changed without a decision. */
function replayRemaining(s: SchedulerState, tid: string): number {
  const pid = pidOf(tid);
  let c = cursor(s, pid);
  if (!c) return Infinity;
  if (c.runs[c.i]![0] !== tid) {
    if (c.used < c.runs[c.i]![1]) {
      diverge(s, `thread ${shortTid(c.runs[c.i]![0], s.mainPid)} was to run ${c.runs[c.i]![1] - c.used} more instructions, but ${shortTid(tid, s.mainPid)} holds the GIL`);
      return Infinity;
    }
    c.i++;
    c.used = 0;
    delete c.zeroDone;
    c = cursor(s, pid);
    if (!c) return Infinity;
    if (c.runs[c.i]![0] !== tid) {
      diverge(s, `thread ${shortTid(tid, s.mainPid)} holds the GIL, the schedule says ${shortTid(c.runs[c.i]![0], s.mainPid)}`);
      return Infinity;
    }
  }
  const left = c.runs[c.i]![1] - c.used;
  if (left > 0) return left;
  if (!c.zeroDone) {
    // a "*0" run (the thread got the GIL and gave it up at once), or a thread that ends
    // without executing another instruction: one empty batch
    c.zeroDone = true;
    return 0;
  }
  if (c.i + 1 >= c.runs.length) {
    c.i++; // the schedule is over for this process: cpython from now on
    return Infinity;
  }
  diverge(s, `thread ${shortTid(tid, s.mainPid)} runs on past the end of its run`);
  return Infinity;
}

function replayChoice(s: SchedulerState, d: Decision): string {
  const c = cursor(s, d.pid);
  if (!c) return d.cpython;
  const cur = c.runs[c.i]!;
  if (d.current !== null && cur[0] === d.current && c.used < cur[1]) return d.current;
  // the current run is over (or belongs to a thread that is not running): next run
  let next = c.i;
  if (cur[0] === d.current || c.used >= cur[1] || !d.candidates.includes(cur[0])) next = c.i + 1;
  if (next >= c.runs.length) {
    c.i = next;
    return d.cpython;
  }
  const tid = c.runs[next]![0];
  if (!d.candidates.includes(tid)) {
    diverge(s, `thread ${shortTid(tid, s.mainPid)} cannot run (candidates ${d.candidates.map((x) => shortTid(x, s.mainPid)).join(', ')})`);
    return d.cpython;
  }
  if (next !== c.i) {
    c.i = next;
    c.used = 0;
    delete c.zeroDone;
  }
  return tid;
}

// ───────────────────────────── strategies ─────────────────────────────

/**
 * The strategy's pick at a decision point, or null when the strategy is `manual` (the
 * caller supplies the choice, then recordChoice).
 */
export function choose(s: SchedulerState, d: Decision): string | null {
  switch (s.strategy) {
    case 'cpython':
      return d.cpython;
    case 'random':
      return d.candidates[nextInt(s.rng, d.candidates.length)]!;
    case 'replay':
      return replayChoice(s, d);
    case 'manual':
      return null;
    default:
      return assertUnreachable(s.strategy);
  }
}

/** Notes that a choice was made at a decision point: `tid` holds the GIL now. */
export function recordChoice(s: SchedulerState, tid: string): void {
  s.decisions++;
  startRun(s, tid);
}

/** `tid` got the GIL: its run starts (or goes on, if it held it last). */
export function startRun(s: SchedulerState, tid: string): void {
  const pid = pidOf(tid);
  const i = s.lastRun[pid];
  if (i !== undefined && s.record[i]![0] === tid) return;
  s.record.push([tid, 0]);
  s.lastRun[pid] = s.record.length - 1;
}

/** `tid` (the GIL holder) executed `n` instructions. */
export function recordSteps(s: SchedulerState, tid: string, n: number): void {
  startRun(s, tid);
  s.record[s.lastRun[pidOf(tid)]!]![1] += n;
  const c = cursor(s, pidOf(tid));
  if (c && c.runs[c.i]![0] === tid) c.used += n;
}

/** choose + recordChoice, for strategies that never need an external caller. Manual falls
 * back to the faithful choice. */
export function decide(s: SchedulerState, d: Decision): string {
  const tid = choose(s, d) ?? d.cpython;
  recordChoice(s, tid);
  return tid;
}

/** How the kernel runs the holder `tid` until the next moment that needs the scheduler. */
export interface BatchPlan {
  /** instruction limit (Infinity: none) */
  maxSteps: number;
  /** stop after the next eval-breaker instruction */
  stopAtBreaker: boolean;
  /** reaching maxSteps is a decision point */
  decideAtLimit: boolean;
}

/**
 * `contended`: other threads wait for this process's GIL. `dropRequested`: the faithful
 * model wants a switch at the next preemption point. `instruction`: preemption mode.
 */
export function batchPlan(s: SchedulerState, tid: string, contended: boolean, dropRequested: boolean, instruction: boolean): BatchPlan {
  let strategy = s.strategy;
  if (strategy === 'replay') {
    const n = replayRemaining(s, tid);
    // the end of a run is a decision point once an empty batch showed that the thread
    // does not end (or block) without executing anything more
    if (n !== Infinity) return { maxSteps: n, stopAtBreaker: false, decideAtLimit: n === 0 };
    strategy = 'cpython';
  }
  if (!contended) return { maxSteps: Infinity, stopAtBreaker: false, decideAtLimit: false };
  const every = strategy !== 'cpython' || dropRequested;
  if (!every) return { maxSteps: Infinity, stopAtBreaker: false, decideAtLimit: false };
  return instruction
    ? { maxSteps: 1, stopAtBreaker: false, decideAtLimit: true }
    : { maxSteps: Infinity, stopAtBreaker: true, decideAtLimit: false };
}

/** The schedule string of the runs recorded so far. */
export function scheduleString(s: SchedulerState): string {
  return encodeSchedule(s.record, s.mainPid);
}

// ───────────────────────────── codec ─────────────────────────────

/** "1:2" -> "2" (when mainPid is 1); "3:1" -> "3:1". */
export function shortTid(tid: string, mainPid = 1): string {
  const p = `${mainPid}:`;
  return tid.startsWith(p) ? tid.slice(p.length) : tid;
}

/** "2" -> "1:2" (when mainPid is 1); "3:1" -> "3:1". */
export function longTid(s: string, mainPid = 1): string {
  return s.includes(':') ? s : `${mainPid}:${s}`;
}

export function encodeSchedule(runs: readonly ScheduleRun[], mainPid = 1): string {
  return runs.map(([tid, n]) => (n === 1 ? shortTid(tid, mainPid) : `${shortTid(tid, mainPid)}*${n}`)).join(',');
}

/** Parses a schedule string; throws a SyntaxError with a readable message when invalid.
 * Adjacent runs of the same thread are merged; whitespace is ignored. */
export function parseSchedule(text: string, mainPid = 1): ScheduleRun[] {
  const runs: ScheduleRun[] = [];
  const body = text.replace(/\s+/g, '');
  if (body === '') return runs;
  for (const part of body.split(',')) {
    const m = /^(?:(\d+):)?(\d+)(?:\*(\d+))?$/.exec(part);
    if (!m) throw new SyntaxError(`invalid schedule item "${part}" (expected THREAD or THREAD*COUNT, e.g. "1*120,2*3")`);
    const tid = `${m[1] ?? mainPid}:${Number(m[2])}`;
    const n = m[3] === undefined ? 1 : Number(m[3]);
    if (!Number.isSafeInteger(n)) throw new SyntaxError(`invalid count in schedule item "${part}"`);
    const last = runs[runs.length - 1];
    if (last && last[0] === tid) last[1] += n;
    else runs.push([tid, n]);
  }
  return runs;
}

/** Total number of instructions in a schedule. */
export function scheduleLength(runs: readonly ScheduleRun[]): number {
  return runs.reduce((n, r) => n + r[1], 0);
}
