// Scheduling strategies and the schedule string.
//
// A DECISION POINT is a moment where the kernel must pick which thread of a process runs
// the next instruction and more than one thread could. The set of decision points and
// their candidates do not depend on the strategy, so any run can be replayed under the
// `replay` strategy from its recorded schedule:
//   - after an instruction of the running thread at a preemption point (an eval-breaker
//     instruction in `cpython` preemption mode, any instruction in `instruction` mode),
//     when other threads of the process wait for the GIL: candidates = the running thread
//     and the eligible GIL waiters;
//   - when the GIL is free (its holder blocked, exited or yielded) and two or more threads
//     wait for it: candidates = the eligible waiters.
// Candidates are listed in tid order. `cpython` is what the faithful model would pick:
// the running thread unless a drop was requested (switch interval elapsed), else the
// first eligible waiter (FIFO).
//
// Strategies:
//   cpython  always the faithful choice (the default; deterministic)
//   random   a uniformly random candidate, from the seeded generator
//   replay   the choices of a schedule string; when it runs out, `cpython` takes over
//   manual   an external caller picks (the editor's "Step thread"); without a pick the
//            kernel pauses at the decision point
//
// The schedule string is the run-length encoding of the choices: "1*120,2*3,1*7" means
// thread 1 was chosen at 120 consecutive decision points, then thread 2 at 3, ... A thread
// of the main process (the script's, pid `mainPid`) is written by its number; other
// processes' threads as "pid:n" ("1003:1*5"). A run of one is written without "*1".

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

/** One run of the schedule: `tid` chosen `count` times in a row. */
export type ScheduleRun = [tid: string, count: number];

export interface SchedulerState {
  strategy: StrategyName;
  rng: Rng;
  /** replay: the runs to follow, and where we are in them */
  replay: { runs: ScheduleRun[]; run: number; used: number } | null;
  /** the choices made so far (run-length encoded) */
  record: ScheduleRun[];
  decisions: number;
  /** set when a replayed choice was not a candidate (the program or options differ) */
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
  if (strategy === 'replay') replay = { runs: parseSchedule(opts.schedule ?? '', mainPid), run: 0, used: 0 };
  return { strategy, rng: createRng(opts.seed ?? 0), replay, record: [], decisions: 0, diverged: null, mainPid };
}

/** Normalizes the candidate list: sorted by tid, no duplicates. */
export function sortCandidates(tids: Iterable<string>): string[] {
  return [...new Set(tids)].sort(compareIds);
}

function nextReplayed(s: SchedulerState): string | null {
  const r = s.replay;
  if (!r) return null;
  while (r.run < r.runs.length && r.used >= r.runs[r.run]![1]) {
    r.run++;
    r.used = 0;
  }
  if (r.run >= r.runs.length) return null;
  r.used++;
  return r.runs[r.run]![0];
}

/**
 * The strategy's pick at a decision point, or null when the strategy is `manual` (the
 * caller must supply the choice and then call recordChoice). Does not record.
 */
export function choose(s: SchedulerState, d: Decision): string | null {
  switch (s.strategy) {
    case 'cpython':
      return d.cpython;
    case 'random':
      return d.candidates[nextInt(s.rng, d.candidates.length)]!;
    case 'replay': {
      if (s.diverged) return d.cpython;
      const tid = nextReplayed(s);
      if (tid === null) return d.cpython;
      if (!d.candidates.includes(tid)) {
        const short = (x: string) => shortTid(x, s.mainPid);
        s.diverged = `schedule diverged at decision ${s.decisions + 1}: thread ${short(tid)} cannot run (candidates ${d.candidates.map(short).join(', ')})`;
        return d.cpython;
      }
      return tid;
    }
    case 'manual':
      return null;
    default:
      return assertUnreachable(s.strategy);
  }
}

/** Records the choice actually made at a decision point. */
export function recordChoice(s: SchedulerState, tid: string): void {
  s.decisions++;
  const last = s.record[s.record.length - 1];
  if (last && last[0] === tid) last[1]++;
  else s.record.push([tid, 1]);
}

/**
 * How many decisions in a row the strategy will certainly answer with `current` (the
 * running thread) when it is a candidate: the kernel lets the thread pass that many
 * preemption points without stopping and records them in bulk (recordRun). `dropRequested`:
 * the faithful model wants a switch at the next point.
 */
export function continuing(s: SchedulerState, current: string, dropRequested: boolean): number {
  switch (s.strategy) {
    case 'cpython':
      return dropRequested ? 0 : Infinity;
    case 'random':
    case 'manual':
      return 0;
    case 'replay': {
      const r = s.replay!;
      if (s.diverged) return dropRequested ? 0 : Infinity;
      while (r.run < r.runs.length && r.used >= r.runs[r.run]![1]) {
        r.run++;
        r.used = 0;
      }
      if (r.run >= r.runs.length) return dropRequested ? 0 : Infinity;
      const [tid, n] = r.runs[r.run]!;
      return tid === current ? n - r.used : 0;
    }
    default:
      return assertUnreachable(s.strategy);
  }
}

/** Records `n` decisions where `tid` went on (passed preemption points). */
export function recordRun(s: SchedulerState, tid: string, n: number): void {
  if (n <= 0) return;
  s.decisions += n;
  const last = s.record[s.record.length - 1];
  if (last && last[0] === tid) last[1] += n;
  else s.record.push([tid, n]);
  if (s.strategy === 'replay' && !s.diverged) {
    const r = s.replay!;
    let left = n;
    while (left > 0 && r.run < r.runs.length) {
      const room = r.runs[r.run]![1] - r.used;
      const take = Math.min(room, left);
      r.used += take;
      left -= take;
      if (r.used >= r.runs[r.run]![1]) {
        r.run++;
        r.used = 0;
      }
    }
  }
}

/** choose + recordChoice, for strategies that never need an external caller. Manual falls
 * back to the faithful choice. */
export function decide(s: SchedulerState, d: Decision): string {
  const tid = choose(s, d) ?? d.cpython;
  recordChoice(s, tid);
  return tid;
}

/** The schedule string of the choices recorded so far. */
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
    if (!Number.isSafeInteger(n) || n < 1) throw new SyntaxError(`invalid count in schedule item "${part}"`);
    const last = runs[runs.length - 1];
    if (last && last[0] === tid) last[1] += n;
    else runs.push([tid, n]);
  }
  return runs;
}

/** Total number of decisions in a schedule. */
export function scheduleLength(runs: readonly ScheduleRun[]): number {
  return runs.reduce((n, r) => n + r[1], 0);
}
