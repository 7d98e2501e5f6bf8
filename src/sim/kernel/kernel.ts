// The simulated machine: processes with their threads and GILs on N virtual cores, the
// virtual clock and timers, the run loop that interleaves threads by running them through
// the Engine, and the end of a run (exit, deadlock, hang, step limit).
//
// Time. Each process that has a running thread (a GIL holder on a core) has a local time;
// the loop always advances the earliest thing: a due timer, or the process with the
// smallest time, so trace events come out in time order. A thread runs in batches that
// end before anything else could happen (the next timer, the next GIL timed-wait expiry,
// another process's time); within a batch no decision is possible, so batching does not
// change the result. When other threads wait for the GIL, batches stop at every eval-
// breaker point (every instruction in `instruction` preemption mode): each such point is a
// scheduling decision (scheduler.ts).
//
// Usage (see api.ts for the whole pipeline):
//   const m = createMachine({ file: 'x.py' }, engine, { event, output });
//   bootProcess(m, vmHandle, mainThreadHandle);
//   const result = m.run();          // or m.step(choice) under the manual strategy

import type { Loc, WaitEdge } from '../../trace/format';
import { assertUnreachable } from '../util/assert';
import { createClock, createTimerQueue, peekTimer, popDueTimer, DEFAULT_EPOCH_NS } from './clock';
import type { Engine, EngineStop } from './engine';
import { advanceGil, dropRequested, nextGilExpiry, DEFAULT_SWITCH_INTERVAL_NS } from './gil';
import { batchPlan, createScheduler, recordSteps, scheduleString, type Decision } from './scheduler';
import { flushAll, writeStream } from './io';
import { exitProcess, stoppedJob } from './process';
import { deliverSignals, fireExtTimer, sendSignalTo } from './signals';
import { dispatchSyscall } from './syscalls';
import { retryObject, timeoutThread } from './syncops';
import {
  blockThread, checkDeadlock, emit, finishThread, newProcess, newThread, now, preemptionPoint, procOf,
  resolvePending, threadLoc, wantGil, type K,
} from './threads';
import {
  DEFAULT_MAIN_PID, type KProcess, type KThread, type MachineOptions, type MachineSinks, type MachineState,
  type RunOutcome, type TimerPayload,
} from './types';
import { createWaitFor, findDeadlock, hangReport } from './waitfor';
import type { BlockOn } from '../../trace/format';

/** Exit status reported when the step limit stops a run (like `timeout`'s 124). */
export const LIMIT_EXIT_CODE = 124;
/** Exit status for a detected deadlock or hang (design.md, command-line contract). */
export const DEADLOCK_EXIT_CODE = 3;

export function defaultOptions(file: string): MachineOptions {
  return {
    file, strategy: 'cpython', preemption: 'cpython', seed: 0, cores: 4,
    switchIntervalNs: DEFAULT_SWITCH_INTERVAL_NS, maxSteps: 50_000_000, maxTimeNs: 24 * 3600 * 1e9, wakeLatencyNs: 5_000,
    gilHandoffNs: 5_000, nsPerCost: 1, mainPid: DEFAULT_MAIN_PID, ppid: DEFAULT_MAIN_PID - 1,
    epochNs: DEFAULT_EPOCH_NS, stdout: 'tty',
  };
}

export interface ThreadView {
  tid: string;
  pid: number;
  name: string;
  state: KThread['state'];
  daemon: boolean;
  main: boolean;
  on?: BlockOn;
  loc?: Loc;
}

export interface RunResult {
  outcome: RunOutcome;
  exitCode: number;
  /** the deadlock cycle that ended the run, or the first one reported */
  deadlock?: WaitEdge[];
  /** every cycle reported during the run */
  deadlocks: WaitEdge[][];
  /** what each thread waits for when the run ended in a hang */
  hang?: WaitEdge[];
  schedule: string;
  /** set when a replayed schedule did not fit the program */
  scheduleDiverged?: string;
  steps: number;
  virtualTimeNs: number;
  decisions: number;
}

export type StepStatus =
  | { kind: 'decision'; decision: Decision }
  | { kind: 'done'; result: RunResult }
  /** runFor: the step budget ran out between decision points (the editor's pause). */
  | { kind: 'paused' };

export interface Machine {
  readonly state: MachineState;
  readonly engine: Engine;
  /** Runs to the end (under `manual`, pending decisions take the faithful choice). */
  run(): RunResult;
  /** Runs until the next decision point that needs a choice (manual strategy) or the end.
   * `choice` resolves the pending decision first (default: the faithful choice). */
  step(choice?: string): StepStatus;
  /** Runs at most about `steps` more instructions (at least one batch), stopping earlier at
   * a decision point or the end: lets an editor pause a run that has no decision points
   * (a single thread), e.g. to send a signal "now". */
  runFor(steps: number): StepStatus;
  /** The pending decision, if the machine waits for a choice. */
  pendingDecision(): Decision | null;
  threads(): ThreadView[];
  result(): RunResult;
  /** Sends signal `signum` to process `pid` now, as `kill` from outside would (issue 6,
   * signals.ts). Throws if there is no such process. */
  sendSignal(pid: number, signum: number): void;
  /** The kernel-side runtime, for modules and tests. */
  readonly k: K;
}

export function createMachine(opts: Partial<MachineOptions> & { file: string }, engine: Engine, sinks: MachineSinks = {}): Machine {
  const o: MachineOptions = { ...defaultOptions(opts.file), ...opts };
  if (opts.wakeLatencyNs === undefined && o.strategy === 'manual') o.wakeLatencyNs = 0;
  const s: MachineState = {
    opts: o,
    clock: createClock(o.epochNs),
    timers: createTimerQueue(),
    procs: {},
    threads: {},
    objects: {},
    counters: {},
    wf: createWaitFor(),
    sched: createScheduler(o.strategy, { seed: o.seed, mainPid: o.mainPid, ...(o.schedule !== undefined ? { schedule: o.schedule } : {}) }),
    cores: new Array<number | null>(Math.max(1, o.cores)).fill(null),
    nextPid: o.mainPid + 1,
    steps: 0,
    reported: {},
    outcome: null,
    exitCode: 0,
    pending: null,
    seq: 0,
    lastT: 0,
  };
  const k: K = { s, engine, sinks, deadlocks: [], procList: [] };
  let final: { deadlock?: WaitEdge[]; hang?: WaitEdge[] } = {};

  const result = (): RunResult => {
    const r: RunResult = {
      outcome: s.outcome ?? 'limit',
      exitCode: s.exitCode,
      deadlocks: k.deadlocks,
      schedule: scheduleString(s.sched),
      steps: s.steps,
      virtualTimeNs: s.clock.now,
      decisions: s.sched.decisions,
    };
    const dl = final.deadlock ?? k.deadlocks[0];
    if (dl) r.deadlock = dl;
    if (final.hang) r.hang = final.hang;
    if (s.sched.diverged) r.scheduleDiverged = s.sched.diverged;
    return r;
  };

  const loop = (pauseAt = Infinity): void => {
    const f = runLoop(k, pauseAt);
    if (f) final = f;
  };

  return {
    state: s,
    engine,
    k,
    run() {
      for (;;) {
        loop();
        if (s.outcome) return result();
        if (s.pending) resolvePending(k, s.pending.cpython);
      }
    },
    step(choice?: string) {
      if (s.pending && !s.outcome) resolvePending(k, choice ?? s.pending.cpython);
      loop();
      if (s.outcome) return { kind: 'done', result: result() };
      return { kind: 'decision', decision: s.pending! };
    },
    runFor(steps: number) {
      if (!s.outcome && !s.pending) loop(s.steps + Math.max(1, steps));
      if (s.outcome) return { kind: 'done', result: result() };
      if (s.pending) return { kind: 'decision', decision: s.pending };
      return { kind: 'paused' };
    },
    pendingDecision: () => s.pending,
    threads: () =>
      Object.values(s.threads).map((t) => {
        const v: ThreadView = { tid: t.tid, pid: t.pid, name: t.name, state: t.state, daemon: t.daemon, main: t.main };
        if (t.block) v.on = t.block.on;
        const loc = t.block?.loc ?? threadLoc(k, t);
        if (loc) v.loc = loc;
        return v;
      }),
    result,
    sendSignal(pid: number, signum: number) {
      if (!sendSignalTo(k, pid, signum, 'user')) throw new Error(`no process ${pid}`);
    },
  };
}

/**
 * Starts the script's process with its main thread (already loaded by the engine) and
 * emits run.start / process.start / thread.start.
 */
export function bootProcess(m: Machine, procHandle: unknown, threadHandle: unknown, name?: string): KThread {
  const k = m.k;
  const o = k.s.opts;
  emit(k, {
    t: 0, kind: 'run.start', version: 1, file: o.file, seed: o.seed, switchMode: o.preemption, cores: o.cores, stdout: o.stdout,
  });
  const p = newProcess(k, o.mainPid, o.ppid, name ?? `python ${o.file}`, procHandle);
  emit(k, { t: 0, kind: 'process.start', pid: p.pid, ppid: p.ppid, name: p.name });
  const t = newThread(k, p, threadHandle, { name: 'MainThread', daemon: false, main: true });
  wantGil(k, t);
  return t;
}

// ───────────────────────────── the loop ─────────────────────────────

/** How long a process keeps a core while others wait for one (Linux CFS gives a few ms). */
export const CORE_SLICE_NS = 4_000_000;
/** Processes on different cores run in parallel; to keep the trace in time order the loop
 * advances the earliest one, in batches of at most this much beyond the others' time. */
export const PROCESS_QUANTUM_NS = 50_000;

function wantsCore(p: KProcess): boolean {
  return !p.exited && p.core === null && p.gil.holder !== null && !p.x?.stopped;
}

function holderState(k: K, p: KProcess, state: 'running' | 'ready'): void {
  const h = p.gil.holder !== null ? k.s.threads[p.gil.holder] : undefined;
  if (!h || h.state !== 'running' || h.shuttingDown) return;
  const loc = threadLoc(k, h);
  emit(k, { t: now(k), kind: 'thread.state', pid: p.pid, tid: h.tid, state, ...(loc ? { loc } : {}) });
}

/** Free cores go to the processes waiting for one, longest waiting first. */
function assignFreeCores(k: K): void {
  const s = k.s;
  if (!k.procList.some(wantsCore) || s.cores.indexOf(null) < 0) return;
  const waiting = k.procList.filter(wantsCore);
  if (waiting.length === 0) return;
  waiting.sort((a, b) => (a.coreWaitSince ?? a.time) - (b.coreWaitSince ?? b.time) || a.pid - b.pid);
  for (const q of waiting) {
    const i = s.cores.indexOf(null);
    if (i < 0) break;
    s.cores[i] = q.pid;
    q.core = i;
    q.time = Math.max(q.time, now(k));
    const waited = q.coreWaitSince !== undefined;
    delete q.coreWaitSince;
    if (waited) holderState(k, q, 'running');
  }
}

/** `p` (the earliest process) used up its time slice while others wait for a core: it
 * gives its core up (round robin, as an OS scheduler does with more runnable processes
 * than cores). Returns true if it did. */
function sliceOver(k: K, p: KProcess): boolean {
  const waiting = k.procList.some(wantsCore);
  if (!waiting) {
    delete p.sliceEnd;
    return false;
  }
  if (p.sliceEnd === undefined) {
    p.sliceEnd = p.time + CORE_SLICE_NS;
    return false;
  }
  if (p.time < p.sliceEnd || p.core === null) return false;
  k.s.cores[p.core] = null;
  p.core = null;
  p.coreWaitSince = p.time;
  delete p.sliceEnd;
  holderState(k, p, 'ready');
  assignFreeCores(k);
  return true;
}

/** The running process with the smallest local time (ties: lowest pid). */
function nextProcess(k: K): KProcess | null {
  let best: KProcess | null = null;
  for (const p of k.procList) {
    if (p.exited || p.core === null || p.gil.holder === null) continue;
    if (!best || p.time < best.time || (p.time === best.time && p.pid < best.pid)) best = p;
  }
  return best;
}

/** Runs until the run ends or a decision waits for an external choice. Returns the final
 * report when the run ended stuck. */
function runLoop(k: K, pauseAt = Infinity): { deadlock?: WaitEdge[]; hang?: WaitEdge[] } | null {
  const s = k.s;
  // runFor also pauses when every thread waits (before the clock jumps to the next timer),
  // once it has made progress, so an editor can act while a program sleeps.
  let progressed = false;
  while (!s.outcome && !s.pending && s.steps < pauseAt) {
    assignFreeCores(k);
    const p = nextProcess(k);
    const timer = peekTimer(s.timers);
    const next = Math.min(timer ? timer.at : Infinity, p ? p.time : Infinity);
    if (next > s.opts.maxTimeNs && next !== Infinity) {
      // e.g. `while True: sleep(1)`: virtual time would run on for ever
      s.clock.now = Math.max(s.clock.now, s.opts.maxTimeNs);
      finish(k, 'limit', LIMIT_EXIT_CODE);
      break;
    }
    if (timer && (!p || timer.at <= p.time)) {
      if (!p && pauseAt !== Infinity && progressed) return null;
      progressed = true;
      popDueTimer(s.timers, timer.at);
      s.clock.now = Math.max(s.clock.now, timer.at);
      fireTimer(k, timer.payload);
      continue;
    }
    if (!p) return stuck(k);
    s.clock.now = Math.max(s.clock.now, p.time);
    for (let e = nextGilExpiry(p.gil); e !== null && e <= p.time; e = nextGilExpiry(p.gil)) advanceGil(p.gil, e);
    const h = s.threads[p.gil.holder!]!;
    const stop = p.deferred;
    if (stop) {
      p.deferred = null;
      handleStop(k, p, h, stop);
      progressed = true;
      continue;
    }
    if (h.shuttingDown) {
      shutdownStep(k, h);
      continue;
    }
    if (sliceOver(k, p)) continue;
    if (s.steps >= s.opts.maxSteps) {
      finish(k, 'limit', LIMIT_EXIT_CODE);
      break;
    }
    runBatch(k, p, h, pauseAt);
    progressed = true;
  }
  return null;
}

function runBatch(k: K, p: KProcess, h: KThread, pauseAt = Infinity): void {
  const s = k.s;
  if (h.resume) {
    const r = h.resume;
    h.resume = null;
    k.engine.resume(p.handle, h.handle, r);
  }
  // issue 6: pending signals are taken before the main thread's next instruction
  deliverSignals(k, p, h);
  if (p.exited || h.state !== 'running' || p.core === null) return;
  const contended = p.gil.waiters.length > 0;
  let horizon = Infinity;
  const timer = peekTimer(s.timers);
  if (timer) horizon = Math.min(horizon, timer.at);
  const exp = nextGilExpiry(p.gil);
  if (exp !== null) horizon = Math.min(horizon, exp);
  for (const q of k.procList) {
    if (q !== p && !q.exited && q.core !== null && q.gil.holder !== null) horizon = Math.min(horizon, q.time + PROCESS_QUANTUM_NS);
  }
  if (p.sliceEnd !== undefined) horizon = Math.min(horizon, p.sliceEnd);
  const plan = batchPlan(s.sched, h.tid, contended, dropRequested(p.gil), s.opts.preemption === 'instruction');
  const maxSteps = Math.min(s.opts.maxSteps - s.steps, plan.maxSteps, Math.max(1, pauseAt - s.steps));
  const r = k.engine.run(p.handle, h.handle, {
    maxSteps,
    maxCost: horizon === Infinity ? Infinity : Math.max(0, (horizon - p.time) / s.opts.nsPerCost),
    stopAtBreaker: plan.stopAtBreaker,
  });
  s.steps += r.steps;
  h.steps += r.steps;
  const ns = Math.round(r.cost * s.opts.nsPerCost);
  p.time += ns;
  h.cpuNs += ns;
  recordSteps(s.sched, h.tid, r.steps);
  if (r.stop.kind === 'limit' && plan.decideAtLimit && r.steps >= plan.maxSteps) {
    p.deferred = { kind: 'breaker' };
    return;
  }
  if (r.stop.kind === 'limit') return;
  p.deferred = r.stop;
}

function handleStop(k: K, p: KProcess, h: KThread, stop: EngineStop): void {
  switch (stop.kind) {
    case 'limit':
      return;
    case 'breaker':
      preemptionPoint(k, p, h);
      return;
    case 'syscall': {
      // A call is a preemption point, unless the call itself already handed the GIL
      // around (start() yields it): one decision per point.
      const decisions = k.s.sched.decisions;
      const switches = p.gil.switchNumber;
      dispatchSyscall(k, h, stop.name, stop.payload);
      if (h.state === 'running' && p.gil.holder === h.tid && decisions === k.s.sched.decisions && switches === p.gil.switchNumber) {
        preemptionPoint(k, p, h);
      }
      return;
    }
    case 'finished':
      if (h.main) startShutdown(k, h, 0);
      else finishThread(k, h);
      return;
    case 'abort':
      writeStream(k, h, 'stderr', `threadline: ${stop.message}\n`);
      finish(k, 'limit', LIMIT_EXIT_CODE);
      return;
    case 'died': {
      const { status, stderr } = k.engine.uncaught(p.handle, h.handle, { main: h.main, name: h.name });
      writeStream(k, h, 'stderr', stderr);
      if (h.main) {
        h.exception = stop.excType;
        startShutdown(k, h, status);
      } else finishThread(k, h, stop.excType);
      return;
    }
    default:
      assertUnreachable(stop);
  }
}

function fireTimer(k: K, payload: TimerPayload): void {
  switch (payload.kind) {
    case 'timeout':
    case 'wake': {
      const t = k.s.threads[payload.tid];
      if (t && t.state === 'blocked') timeoutThread(k, t);
      return;
    }
    case 'retry':
      retryObject(k, payload.key);
      return;
    case 'ext': // issue 6: alarms, external signals
      fireExtTimer(k, payload.name, payload.data);
      return;
    default:
      assertUnreachable(payload);
  }
}

// ───────────────────────────── exit ─────────────────────────────

/** The main thread's code is done: like threading._shutdown, wait for the non-daemon
 * threads, then the process exits. */
function startShutdown(k: K, main: KThread, status: number): void {
  const p = procOf(k, main);
  if (p.exitStatus === null) p.exitStatus = status;
  main.shuttingDown = true;
  shutdownStep(k, main);
}

function shutdownStep(k: K, main: KThread): void {
  const p = procOf(k, main);
  const waitFor = p.threads.map((tid) => k.s.threads[tid]!).find((t) => !t.main && !t.daemon && t.state !== 'finished');
  if (waitFor) {
    blockThread(k, main, { on: { kind: 'join', id: waitFor.tid, name: waitFor.name }, key: waitFor.tid, op: 'shutdown', timeoutNs: null });
    return;
  }
  exitProcess(k, p, p.exitStatus ?? 0, main);
}

// exitProcess (the end of a process: zombie, reaping, orphans, end of the run) is in
// process.ts (issue 6).

function finish(k: K, outcome: RunOutcome, exitCode: number): void {
  if (outcome !== 'exit') {
    // The run is stopped from outside (deadlock, hang, limit): show what the program had
    // written, as an interrupted CPython would flush it at exit.
    for (const p of k.procList) {
      if (p.exited) continue;
      k.engine.processExit?.(p.handle);
      flushAll(k, p, null);
    }
  }
  k.s.outcome = outcome;
  k.s.exitCode = exitCode;
  emit(k, { t: now(k), kind: 'run.end', outcome, exitCode });
}

/** Nothing can run and no timer is pending: a deadlock (a cycle) or a hang. */
function stuck(k: K): { deadlock?: WaitEdge[]; hang?: WaitEdge[] } {
  // issue 6: the script's process was stopped (Ctrl-Z): the job is suspended, as a shell says
  if (stoppedJob(k)) return {};
  const cycle = checkDeadlock(k) ?? findDeadlock(k.s.wf);
  if (cycle) {
    finish(k, 'deadlock', DEADLOCK_EXIT_CODE);
    return { deadlock: cycle };
  }
  const waiters = hangReport(k.s.wf);
  emit(k, { t: now(k), kind: 'hang', waiters });
  finish(k, 'hang', DEADLOCK_EXIT_CODE);
  return { hang: waiters };
}
