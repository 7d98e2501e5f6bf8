// Thread and process life cycle and the GIL transitions, with their trace events.
//
// A thread is `running` while it holds its process's GIL (and the process has a core),
// `ready` while it waits for the GIL, `blocked` while it waits for something else, and
// `finished`. Every transition goes through the functions here so that the trace, the
// wait-for graph and the GIL state stay consistent.

import type { BlockOn, Loc, ProcessState, TraceEvent, UnnumberedEvent, WaitEdge } from '../../trace/format';
import { addTimer, cancelTimer } from './clock';
import type { Engine } from './engine';
import {
  createGil, dropRequested, eligibleWaiters, handoffGil, releaseGil, requestGil, cancelGilRequest,
} from './gil';
import { choose, recordChoice, sortCandidates, type Decision } from './scheduler';
import type { KBlock, KProcess, KThread, MachineSinks, MachineState, Resume } from './types';
import {
  cycleKey, findDeadlock, wfAddObject, wfAddThread, wfBlock, wfFinishThread, wfSetHolders, wfUnblock,
} from './waitfor';

/** The kernel at run time: its state plus the engine and the sinks (not part of state). */
export interface K {
  s: MachineState;
  engine: Engine;
  sinks: MachineSinks;
  /** deadlock cycles reported during the run, in order */
  deadlocks: WaitEdge[][];
  /** every process of s.procs, in creation order (a cache for the run loop) */
  procList: KProcess[];
}

// ───────────────────────────── trace ─────────────────────────────

export function now(k: K): number {
  return k.s.clock.now;
}

export function emit(k: K, e: UnnumberedEvent): void {
  if (e.t < k.s.lastT) throw new Error(`kernel: trace time went backwards (${e.kind} at ${e.t} < ${k.s.lastT})`);
  k.s.lastT = e.t;
  const full = { seq: k.s.seq++, ...e } as TraceEvent;
  k.sinks.event?.(full);
}

export function procOf(k: K, t: KThread): KProcess {
  return k.s.procs[t.pid]!;
}

export function threadLoc(k: K, t: KThread): Loc | undefined {
  if (t.state === 'finished') return undefined;
  return k.engine.loc(procOf(k, t).handle, t.handle);
}

function stateEvent(k: K, t: KThread, state: 'running' | 'ready' | 'blocked', on?: BlockOn, loc?: Loc): void {
  const e: UnnumberedEvent = { t: now(k), kind: 'thread.state', pid: t.pid, tid: t.tid, state };
  if (on) e.on = on;
  const l = loc ?? threadLoc(k, t);
  if (l) e.loc = l;
  emit(k, e);
  refreshProcState(k, procOf(k, t));
}

/** issue 6: a process's `ps` state follows its threads (R: one runs or is runnable, S: all
 * wait), T while stopped, Z once exited until reaped; trace process.state on a change. */
export function refreshProcState(k: K, p: KProcess): void {
  let st: ProcessState;
  if (p.exited) {
    if (!p.x?.zombie) return;
    st = 'Z';
  } else if (p.x?.stopped) st = 'T';
  else {
    const live = p.threads.map((tid) => k.s.threads[tid]!.state).filter((x) => x !== 'finished');
    if (live.length === 0) return; // exiting: the next state is Z (or gone)
    st = live.some((x) => x === 'running' || x === 'ready') ? 'R' : 'S';
  }
  if (st === p.state) return;
  p.state = st;
  emit(k, { t: now(k), kind: 'process.state', pid: p.pid, state: st });
}

// ───────────────────────────── processes ─────────────────────────────

export function newProcess(k: K, pid: number, ppid: number, name: string, handle: unknown): KProcess {
  const p: KProcess = {
    pid, ppid, name, state: 'R', gil: createGil(k.s.opts.switchIntervalNs), threads: [], nextThreadN: 1,
    handle, core: null, time: now(k), exitStatus: null, exited: false, deferred: null,
    out: { stdout: '', stderr: '' },
  };
  k.s.procs[pid] = p;
  k.procList.push(p);
  return p;
}

/** Gives the process a core if one is free (its GIL holder can then execute). */
export function ensureCore(k: K, p: KProcess): void {
  if (p.core !== null || p.x?.stopped) return; // issue 6: a stopped process (T) does not run
  const i = k.s.cores.indexOf(null);
  if (i < 0) return; // waits for a core (several processes); see releaseCore
  k.s.cores[i] = p.pid;
  p.core = i;
  p.time = Math.max(p.time, now(k));
}

/** The process has no running thread any more: its core goes to a process waiting for one. */
export function releaseCore(k: K, p: KProcess): void {
  if (p.core === null) return;
  k.s.cores[p.core] = null;
  p.core = null;
  for (const q of k.procList) {
    if (q.core === null && q.gil.holder !== null && !q.exited && !q.x?.stopped) {
      ensureCore(k, q);
      break;
    }
  }
}

// ───────────────────────────── threads ─────────────────────────────

const MAIN_IDENT = 140_245_871_363_904; // a typical x86-64 pthread_t of a main thread

export function newThread(
  k: K, p: KProcess, handle: unknown,
  info: { name: string; daemon: boolean; main: boolean; parent?: string; loc?: Loc; pyThread?: unknown; forkedFrom?: string },
): KThread {
  const n = p.nextThreadN++;
  const tid = `${p.pid}:${n}`;
  const t: KThread = {
    tid, pid: p.pid, n, name: info.name, daemon: info.daemon, main: info.main, state: 'ready', handle,
    block: null, resume: null,
    ident: info.main ? MAIN_IDENT : MAIN_IDENT - 0x1b8e000 - (n - 2) * 0x801000,
    nativeId: info.main ? p.pid : k.s.nextPid++, steps: 0, cpuNs: 0,
  };
  if (info.parent) t.parent = info.parent;
  if (info.pyThread !== undefined) t.pyThread = info.pyThread;
  k.s.threads[tid] = t;
  p.threads.push(tid);
  k.engine.bindThread?.(p.handle, handle, tid);
  wfAddThread(k.s.wf, tid, p.pid, info.name);
  wfAddObject(k.s.wf, { kind: 'join', id: tid, name: info.name }, true, [tid]);
  const e: UnnumberedEvent = { t: now(k), kind: 'thread.start', pid: p.pid, tid, name: info.name, daemon: info.daemon, main: info.main };
  if (info.parent) e.parent = info.parent;
  if (info.loc) e.loc = info.loc;
  if (info.forkedFrom) e.forkedFrom = info.forkedFrom; // issue 6: the only thread of a fork child
  emit(k, e);
  return t;
}

export function renameThread(k: K, t: KThread, name: string): void {
  if (t.name === name) return;
  t.name = name;
  const w = k.s.wf.threads[t.tid];
  if (w) w.name = name;
  const j = k.s.wf.objects[t.tid];
  if (j) j.ref.name = name;
  emit(k, { t: now(k), kind: 'thread.rename', pid: t.pid, tid: t.tid, name });
}

/** `t` becomes runnable: it asks for the GIL and runs at once if nobody else wants it. */
export function wantGil(k: K, t: KThread): void {
  const p = procOf(k, t);
  emit(k, { t: now(k), kind: 'gil.request', pid: p.pid, tid: t.tid });
  const from = p.gil.lastHolder;
  const r = requestGil(p.gil, t.tid, now(k));
  if (r === 'acquired') granted(k, p, t, from);
  else {
    t.state = 'ready';
    stateEvent(k, t, 'ready');
  }
}

function granted(k: K, p: KProcess, t: KThread, from: string | null): void {
  t.state = 'running';
  ensureCore(k, p);
  p.time = Math.max(p.time, now(k));
  const e: UnnumberedEvent = { t: now(k), kind: 'gil.acquire', pid: p.pid, tid: t.tid };
  if (from !== null && from !== t.tid) e.from = from;
  emit(k, e);
  stateEvent(k, t, 'running');
  if (from !== null && from !== t.tid) p.time += k.s.opts.gilHandoffNs;
}

function grantTo(k: K, p: KProcess, tid: string): void {
  const from = p.gil.lastHolder;
  handoffGil(p.gil, now(k), tid);
  granted(k, p, k.s.threads[tid]!, from);
}

/**
 * The GIL is free: hand it to a waiter. With two or more eligible waiters this is a
 * decision point (the scheduler picks; `manual` leaves it pending). With none the process
 * goes idle and gives up its core.
 */
export function handoff(k: K, p: KProcess): void {
  if (p.gil.holder !== null) return;
  const w = eligibleWaiters(p.gil);
  if (w.length === 0) {
    releaseCore(k, p);
    return;
  }
  let pick = w[0]!;
  if (w.length >= 2) {
    const d: Decision = { pid: p.pid, candidates: sortCandidates(w), current: null, cpython: w[0]! };
    const c = choose(k.s.sched, d);
    if (c === null) {
      k.s.pending = d;
      return;
    }
    recordChoice(k.s.sched, c);
    pick = c;
  }
  grantTo(k, p, pick);
}

/**
 * After a preemption-point instruction of the holder `h`: if other threads wait for the
 * GIL this is a decision point — the holder goes on, or drops the GIL (forced) for the
 * chosen thread.
 */
export function preemptionPoint(k: K, p: KProcess, h: KThread): void {
  if (p.gil.waiters.length === 0 || p.gil.holder !== h.tid) return;
  const w = eligibleWaiters(p.gil);
  const d: Decision = {
    pid: p.pid,
    candidates: sortCandidates([h.tid, ...w]),
    current: h.tid,
    cpython: dropRequested(p.gil) ? w[0]! : h.tid,
  };
  const c = choose(k.s.sched, d);
  if (c === null) {
    k.s.pending = d;
    return;
  }
  recordChoice(k.s.sched, c);
  if (c !== h.tid) forcedSwitch(k, p, h, c);
}

/** Applies an external choice (manual strategy) to the pending decision. */
export function resolvePending(k: K, choice: string): void {
  const d = k.s.pending;
  if (!d) throw new Error('no decision is pending');
  if (!d.candidates.includes(choice)) throw new Error(`thread ${choice} cannot run now (candidates: ${d.candidates.join(', ')})`);
  k.s.pending = null;
  recordChoice(k.s.sched, choice);
  const p = k.s.procs[d.pid]!;
  if (d.current === null) grantTo(k, p, choice);
  else if (choice !== d.current) forcedSwitch(k, p, k.s.threads[d.current]!, choice);
}

function forcedSwitch(k: K, p: KProcess, h: KThread, to: string): void {
  emit(k, { t: now(k), kind: 'gil.drop', pid: p.pid, tid: h.tid, to });
  const loc = threadLoc(k, h);
  releaseGil(p.gil, h.tid, now(k), 'forced');
  h.state = 'ready';
  stateEvent(k, h, 'ready', undefined, loc);
  emit(k, { t: now(k), kind: 'gil.request', pid: p.pid, tid: h.tid });
  grantTo(k, p, to);
}

/** The holder gives the GIL up by itself; `voluntary` queues it for the GIL again. */
export function releaseByHolder(k: K, t: KThread, reason: 'blocking' | 'exit' | 'voluntary'): void {
  const p = procOf(k, t);
  if (p.gil.holder !== t.tid) return;
  emit(k, { t: now(k), kind: 'gil.release', pid: p.pid, tid: t.tid, reason });
  releaseGil(p.gil, t.tid, now(k), reason);
  if (reason === 'voluntary') {
    t.state = 'ready';
    stateEvent(k, t, 'ready');
    emit(k, { t: now(k), kind: 'gil.request', pid: p.pid, tid: t.tid });
  }
  handoff(k, p);
}

/** time.sleep(0)-like yield: only when somebody else waits for the GIL. */
export function yieldGil(k: K, t: KThread): void {
  if (procOf(k, t).gil.waiters.length > 0) releaseByHolder(k, t, 'voluntary');
}

// ───────────────────────────── blocking ─────────────────────────────

export interface BlockSpec {
  on: BlockOn;
  /** wait-for graph object id (default on.id) */
  key?: string;
  op: string;
  /** ns until a timeout, or null for none */
  timeoutNs: number | null;
  data?: Record<string, unknown>;
  /** the line of the blocking call (default: the thread's current line) */
  loc?: Loc;
}

/**
 * Blocks the running thread `t` (it releases the GIL) or moves an already blocked thread
 * to a new wait (a notified Condition waiter now waits for the lock).
 */
export function blockThread(k: K, t: KThread, spec: BlockSpec): void {
  const wasRunning = t.state === 'running';
  const loc = spec.loc ?? t.block?.loc ?? threadLoc(k, t);
  if (t.block?.timer != null) cancelTimer(k.s.timers, t.block.timer);
  const b: KBlock = { on: spec.on, key: spec.key ?? spec.on.id, op: spec.op, timer: null, data: spec.data ?? {} };
  if (loc) b.loc = loc;
  if (spec.timeoutNs !== null) b.timer = addTimer(k.s.timers, now(k) + spec.timeoutNs, { kind: 'timeout', tid: t.tid });
  t.block = b;
  t.state = 'blocked';
  stateEvent(k, t, 'blocked', spec.on, loc);
  wfBlock(k.s.wf, t.tid, b.key, loc ? { timed: spec.timeoutNs !== null, loc } : { timed: spec.timeoutNs !== null });
  if (wasRunning) releaseByHolder(k, t, 'blocking');
  checkDeadlock(k, t.tid);
}

/** Ends a thread's wait: it will get `r` and asks for the GIL. */
export function wakeThread(k: K, t: KThread, r: Resume): void {
  if (t.state !== 'blocked') return;
  if (t.block?.timer != null) cancelTimer(k.s.timers, t.block.timer);
  t.block = null;
  wfUnblock(k.s.wf, t.tid);
  t.resume = r;
  wantGil(k, t);
}

/** Reports a deadlock cycle through `tid`, once per cycle. */
export function checkDeadlock(k: K, tid?: string): WaitEdge[] | null {
  const c = findDeadlock(k.s.wf, tid);
  if (!c) return null;
  const key = cycleKey(c);
  if (k.s.reported[key]) return c;
  k.s.reported[key] = true;
  k.deadlocks.push(c);
  emit(k, { t: now(k), kind: 'deadlock', cycle: c });
  return c;
}

// ───────────────────────────── exit ─────────────────────────────

/** Threads blocked in join() on `tid` (including the shutdown of the main thread). */
function joinersOf(k: K, tid: string): KThread[] {
  return Object.values(k.s.threads).filter((x) => x.state === 'blocked' && x.block?.key === tid);
}

/** A thread is gone: release the GIL, wake its joiners. */
export function finishThread(k: K, t: KThread, exception?: string): void {
  const p = procOf(k, t);
  const holding = p.gil.holder === t.tid;
  if (holding) {
    emit(k, { t: now(k), kind: 'gil.release', pid: p.pid, tid: t.tid, reason: 'exit' });
    releaseGil(p.gil, t.tid, now(k), 'exit');
  } else {
    cancelGilRequest(p.gil, t.tid);
  }
  if (t.block?.timer != null) cancelTimer(k.s.timers, t.block.timer);
  t.block = null;
  t.state = 'finished';
  if (exception) t.exception = exception;
  const e: UnnumberedEvent = { t: now(k), kind: 'thread.exit', pid: p.pid, tid: t.tid };
  if (exception) e.exception = exception;
  emit(k, e);
  wfFinishThread(k.s.wf, t.tid);
  wfSetHolders(k.s.wf, t.tid, []);
  for (const j of joinersOf(k, t.tid)) wakeThread(k, j, { kind: 'value', value: null });
  if (holding) handoff(k, p);
  refreshProcState(k, p); // after thread.exit
}

/** Removes a waiter from an object's FIFO list. */
export function removeWaiter(list: string[], tid: string): void {
  const i = list.indexOf(tid);
  if (i >= 0) list.splice(i, 1);
}
