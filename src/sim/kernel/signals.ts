// Signals (issue 6), Linux semantics as CPython 3.11 exposes them.
//
// A signal sent to a process (os.kill, alarm, a child's exit, the keyboard) is handled at
// once when its disposition is SIG_IGN or a default action (terminate, core, stop,
// continue, ignore): a kill ends the process where it is, without flushing its buffers.
// SIGKILL and SIGSTOP always take their default action; SIGCONT always continues a
// stopped process. A signal with a Python handler becomes pending; the main thread runs
// the handler between two instructions, the next time it runs (CPython's eval breaker:
// other threads never run handlers). A main thread blocked in an interruptible call is
// woken for it (EINTR) and, as PEP 475 says, the call is made again after the handler
// with the remaining timeout — unless the handler raised (the exception comes out of the
// call) or the call is signal.pause() (it returns). Standard signals do not queue: a
// signal already pending is not pended twice.
//
// Syscalls: os.kill {pid, sig, source?} | signal.setaction {signum, disp, name} |
// signal.pause | signal.alarm {seconds} -> int | signal.setitimer {which, seconds,
// interval} -> [delay, interval] | signal.getitimer {which} | signal.pending -> number[] |
// signal.handler.enter/exit (from the handler frame, for the trace).

import { assertUnreachable, type SignalSource, type UnnumberedEvent } from '../../trace/format';
import { addTimer, cancelTimer } from './clock';
import type { Engine } from './engine';
import { kErr, procHooks, exitProcess, wakeWaiters, INIT_PID } from './process';
import { px, type Continuation, type ProcExt } from './proc-state';
import {
  SIGALRM, SIGCHLD, SIGCONT, SIGKILL, SIGSTOP, defaultAction, isStopSignal, isValidSignal, signalName, signalNumber,
} from './signal-table';
import { ret } from './syncops';
import { registerSyscall } from './syscalls';
import {
  blockThread, emit, ensureCore, now, procOf, refreshProcState, releaseCore, removeWaiter, threadLoc, wakeThread, type K,
} from './threads';
import type { KProcess, KThread } from './types';
import { wfAddHolder, wfAddObject, wfUnblock } from './waitfor';
import { objRef } from './sync';

/** The Engine's signal services (VmEngine implements them). */
export interface SignalEngine extends Engine {
  runSignalHandlers(proc: unknown, thread: unknown, signums: number[], cont: Continuation | null): void;
  pendingSyscall(thread: unknown): { name: string; payload: Record<string, unknown> } | null;
}

function sigEngine(k: K): SignalEngine | null {
  const e = k.engine as Partial<SignalEngine>;
  return typeof e.runSignalHandlers === 'function' && typeof e.pendingSyscall === 'function' ? (e as SignalEngine) : null;
}

const sigInfo = (signum: number): { signum: number; sig: string } => ({ signum, sig: signalName(signum) });

function mainThread(k: K, p: KProcess): KThread | undefined {
  return p.threads.map((tid) => k.s.threads[tid]!).find((t) => t.main);
}

// ───────────────────────────── sending ─────────────────────────────

/** Sends `signum` to `target` (from thread `from`, or from the kernel/keyboard). */
export function sendSignal(k: K, target: KProcess, signum: number, source: SignalSource, from?: KThread): void {
  const send: UnnumberedEvent = { t: now(k), kind: 'signal.send', pid: from?.pid ?? 0, target: target.pid, ...sigInfo(signum), source };
  if (from) {
    send.tid = from.tid;
    const loc = threadLoc(k, from);
    if (loc) send.loc = loc;
  }
  emit(k, send);
  if (target.exited || signum === 0) return; // a zombie ignores signals
  const x = px(k.s, target);
  const pending = x.sig.pending.includes(signum);
  if (!pending) emit(k, { t: now(k), kind: 'signal.pend', pid: target.pid, ...sigInfo(signum) });
  if (signum === SIGKILL || signum === SIGSTOP) return deliverDefault(k, target, signum);
  if (signum === SIGCONT && x.stopped) continueProcess(k, target);
  const d = x.sig.disp[signum] ?? 'default';
  if (d === 'ignore') {
    emit(k, { t: now(k), kind: 'signal.deliver', pid: target.pid, ...sigInfo(signum), disposition: 'ignore' });
    return;
  }
  if (x.stopped) {
    // a stopped process takes no signal but SIGKILL and SIGCONT: it stays pending
    if (!pending) x.sig.pending.push(signum);
    return;
  }
  if (d === 'default' || !sigEngine(k)) return deliverDefault(k, target, signum);
  if (pending) return;
  x.sig.pending.push(signum);
  kick(k, target);
}

/** os.kill-like delivery to a pid (the session's "send signal"): false if no such process. */
export function sendSignalTo(k: K, pid: number, signum: number, source: SignalSource = 'user'): boolean {
  const p = k.s.procs[pid];
  if (!p || px(k.s, p).reaped) return false;
  sendSignal(k, p, signum, source);
  return true;
}

/** What a terminal does for Ctrl-C/Ctrl-\/Ctrl-Z: the signal goes to every process of
 * the foreground process group (the script's). */
export function sendToForeground(k: K, signum: number): void {
  const main = k.s.procs[k.s.opts.mainPid];
  const pg = main ? px(k.s, main).pgid : k.s.opts.mainPid;
  for (const p of Object.values(k.s.procs).sort((a, b) => a.pid - b.pid)) {
    if (p.pid !== INIT_PID && !p.exited && px(k.s, p).pgid === pg) sendSignal(k, p, signum, 'keyboard');
  }
}

/** The default action of `signum` on `p`. */
function deliverDefault(k: K, p: KProcess, signum: number): void {
  const action = defaultAction(signum);
  emit(k, { t: now(k), kind: 'signal.deliver', pid: p.pid, ...sigInfo(signum), disposition: 'default' });
  emit(k, { t: now(k), kind: 'signal.default', pid: p.pid, ...sigInfo(signum), action });
  switch (action) {
    case 'terminate':
    case 'core':
      exitProcess(k, p, 0, null, { kind: 'signal', signum });
      return;
    case 'stop':
      stopProcess(k, p, signum);
      return;
    case 'continue':
    case 'ignore':
      return;
    default:
      assertUnreachable(action, 'default action');
  }
}

function notifyParent(k: K, p: KProcess): void {
  const parent = k.s.procs[p.ppid];
  if (!parent || parent.exited || parent.pid === INIT_PID) return;
  sendSignal(k, parent, SIGCHLD, 'kernel');
  wakeWaiters(k, parent);
}

/** SIGSTOP/SIGTSTP: the process stops where it is (state T) until SIGCONT. */
function stopProcess(k: K, p: KProcess, signum: number): void {
  const x = px(k.s, p);
  if (x.stopped) return;
  x.stopped = true;
  x.stopSig = signum;
  x.unreportedStop = signum;
  x.unreportedCont = false;
  releaseCore(k, p);
  refreshProcState(k, p);
  notifyParent(k, p);
}

function continueProcess(k: K, p: KProcess): void {
  const x = px(k.s, p);
  x.stopped = false;
  x.unreportedStop = null;
  x.unreportedCont = true;
  if (p.gil.holder !== null) ensureCore(k, p);
  refreshProcState(k, p);
  notifyParent(k, p);
  // signals that waited while it was stopped: pending stops are dropped, default actions
  // happen now, handlers run when the main thread runs
  x.sig.pending = x.sig.pending.filter((s) => !isStopSignal(s));
  for (const s of x.sig.pending.slice()) {
    const d = x.sig.disp[s] ?? 'default';
    if (d === 'handler' && sigEngine(k)) continue;
    x.sig.pending = x.sig.pending.filter((q) => q !== s);
    if (d === 'ignore') emit(k, { t: now(k), kind: 'signal.deliver', pid: p.pid, ...sigInfo(s), disposition: 'ignore' });
    else deliverDefault(k, p, s);
    if (p.exited) return;
  }
  if (x.sig.pending.length > 0) kick(k, p);
}

// ───────────────────────────── interrupting a blocked main thread ─────────────────────────────

/** Blocking calls a signal interrupts, and how they go on after the handler. */
const INTERRUPTIBLE: Record<string, 'retry' | 'return'> = {
  'time.sleep': 'retry',
  'lock.acquire': 'retry',
  'sem.acquire': 'retry',
  'event.wait': 'retry',
  'queue.get': 'retry',
  'queue.put': 'retry',
  'queue.join': 'retry',
  'thread.join': 'retry',
  'os.waitpid': 'retry',
  'signal.pause': 'return',
  'cond.wait': 'retry',
};

/** More interruptible calls (IPC). */
export function registerInterruptible(op: string, how: 'retry' | 'return'): void {
  INTERRUPTIBLE[op] = how;
}

function timerAt(k: K, id: number): number | null {
  return k.s.timers.heap.find((t) => t.id === id && k.s.timers.pending[id])?.at ?? null;
}

/** The retried call's arguments: the remaining timeout (PEP 475). */
function retryPayload(op: string, payload: Record<string, unknown>, remainingNs: number | null): Record<string, unknown> {
  const p = { ...payload };
  if (remainingNs === null) return p;
  const s = Math.max(0, remainingNs) / 1e9;
  if (op === 'time.sleep') p.seconds = s;
  else if ('timeout' in p || op !== 'os.waitpid') p.timeout = s;
  return p;
}

/** Removes a blocked thread from the waiter lists of what it waits on (no wake-up). */
export function cancelBlock(k: K, t: KThread): void {
  const b = t.block;
  if (!b) return;
  const o = k.s.objects[b.key];
  if (o) {
    removeWaiter(o.waiters, t.tid);
    if (o.kind === 'queue') {
      removeWaiter(o.putters, t.tid);
      removeWaiter(o.joiners, t.tid);
    }
  }
  for (const h of cancelHooks) h(k, t);
  if (b.timer !== null) cancelTimer(k.s.timers, b.timer);
  t.block = null;
  wfUnblock(k.s.wf, t.tid);
}

const cancelHooks: ((k: K, t: KThread) => void)[] = [];
/** IPC objects keep their own waiter lists: they register how to drop a waiter. */
export function registerCancelHook(h: (k: K, t: KThread) => void): void {
  cancelHooks.push(h);
}

/** A handled signal became pending: wake the main thread if a blocking call holds it. */
function kick(k: K, p: KProcess): void {
  const main = mainThread(k, p);
  const eng = sigEngine(k);
  if (!main || main.state !== 'blocked' || !main.block || !eng) return;
  const x = px(k.s, p);
  const b = main.block;
  if (main.shuttingDown) {
    // threading._shutdown waits in lock.acquire(): the handler runs there
    cancelBlock(k, main);
    main.shuttingDown = false;
    x.sig.intr = null;
    wakeThread(k, main, { kind: 'value', value: null });
    main.resume = null;
    return;
  }
  const how = INTERRUPTIBLE[b.op];
  if (!how) return; // handled when the wait ends
  let cont: Continuation;
  if (how === 'return') cont = { kind: 'value', value: null };
  else if (b.op === 'cond.wait') {
    // Condition.wait: the handler runs without the lock; the wait goes on, or the lock is
    // taken back before the handler's exception comes out (threading.py's finally)
    const remaining = b.timer !== null ? (timerAt(k, b.timer) ?? now(k)) - now(k) : null;
    const count = Number(b.data.count ?? 1);
    cont = {
      kind: 'retry', name: 'cond.rewait', payload: { id: b.key, count, timeout: remaining === null ? null : Math.max(0, remaining) / 1e9 },
      onError: { name: 'cond.restore', payload: { id: b.key, count } },
    };
  } else {
    const sc = eng.pendingSyscall(main.handle);
    if (!sc) return;
    const remaining = b.timer !== null ? (timerAt(k, b.timer) ?? now(k)) - now(k) : null;
    cont = { kind: 'retry', name: sc.name, payload: retryPayload(b.op, sc.payload, remaining) };
  }
  cancelBlock(k, main);
  x.sig.intr = { tid: main.tid, cont };
  main.state = 'blocked';
  wakeThread(k, main, { kind: 'value', value: null });
  main.resume = null;
}

/**
 * The run loop is about to run thread `h` of `p`: if it is the main thread and handled
 * signals are pending, their handlers run first (signals in increasing order, as CPython
 * checks them); an interrupted blocking call goes on after them.
 */
export function deliverSignals(k: K, p: KProcess, h: KThread): void {
  if (!h.main || !p.x) return;
  const x = p.x;
  const intr = x.sig.intr && x.sig.intr.tid === h.tid ? x.sig.intr : null;
  if (x.sig.pending.length === 0 && !intr) return;
  const eng = sigEngine(k);
  const sigs: number[] = [];
  for (const signum of x.sig.pending.splice(0).sort((a, b) => a - b)) {
    const d = x.sig.disp[signum] ?? 'default';
    if (d === 'handler' && eng) {
      emit(k, { t: now(k), kind: 'signal.deliver', pid: p.pid, tid: h.tid, ...sigInfo(signum), disposition: 'handler' });
      sigs.push(signum);
    } else if (d === 'ignore') {
      emit(k, { t: now(k), kind: 'signal.deliver', pid: p.pid, ...sigInfo(signum), disposition: 'ignore' });
    } else {
      deliverDefault(k, p, signum);
      if (p.exited) return;
    }
  }
  x.sig.intr = null;
  if (eng && (sigs.length > 0 || intr)) eng.runSignalHandlers(p.handle, h.handle, sigs, intr?.cont ?? null);
}

// ───────────────────────────── timers ─────────────────────────────

const NS = 1e9;

function armAlarm(k: K, p: KProcess, x: ProcExt, delayNs: number, intervalNs: number): void {
  if (x.sig.alarm) cancelTimer(k.s.timers, x.sig.alarm.timer);
  x.sig.alarm = null;
  if (delayNs <= 0) return;
  const at = now(k) + delayNs;
  x.sig.alarm = { timer: addTimer(k.s.timers, at, { kind: 'ext', name: 'alarm', data: { pid: p.pid } }), at, intervalNs };
}

function alarmLeftNs(k: K, x: ProcExt): number {
  return x.sig.alarm ? Math.max(0, x.sig.alarm.at - now(k)) : 0;
}

const timerHandlers: Record<string, (k: K, data: Record<string, unknown>) => void> = {};
/** Other parts' 'ext' timers (IPC poll timeouts). */
export function registerTimer(name: string, h: (k: K, data: Record<string, unknown>) => void): void {
  timerHandlers[name] = h;
}

/** A kernel timer of kind 'ext' fired. */
export function fireExtTimer(k: K, name: string, data: Record<string, unknown>): void {
  const h = timerHandlers[name];
  if (h) return h(k, data);
  switch (name) {
    case 'alarm': {
      const p = k.s.procs[Number(data.pid)];
      if (!p || p.exited) return;
      const x = px(k.s, p);
      const iv = x.sig.alarm?.intervalNs ?? 0;
      x.sig.alarm = null;
      if (iv > 0) armAlarm(k, p, x, iv, iv);
      sendSignal(k, p, SIGALRM, 'alarm');
      return;
    }
    case 'extsig': {
      const signum = Number(data.signum);
      if (typeof data.pid === 'number') sendSignalTo(k, data.pid, signum, 'user');
      else sendToForeground(k, signum);
      return;
    }
    default:
      throw new Error(`kernel: unknown timer ${name}`);
  }
}

export interface ScheduledSignal {
  timeNs: number;
  /** "SIGINT", "INT", "2" */
  signal: string | number;
  /** one process; default: the foreground process group (as a terminal sends it) */
  pid?: number;
}

/** Schedules external signals (`threadline run --signal T:SIG[:PID]`). Throws on an
 * unknown signal name. */
export function scheduleSignals(k: K, reqs: readonly ScheduledSignal[]): void {
  for (const r of reqs) {
    const signum = typeof r.signal === 'number' ? r.signal : signalNumber(r.signal);
    if (signum === null || !isValidSignal(signum)) throw new Error(`unknown signal ${String(r.signal)}`);
    const data: Record<string, unknown> = { signum };
    if (r.pid !== undefined) data.pid = r.pid;
    addTimer(k.s.timers, Math.max(0, Math.round(r.timeNs)), { kind: 'ext', name: 'extsig', data });
  }
}

// ───────────────────────────── syscalls ─────────────────────────────

function killSyscall(k: K, t: KThread, p: Record<string, unknown>): void {
  const pid = Math.trunc(Number(p.pid));
  const signum = Math.trunc(Number(p.sig));
  if (signum !== 0 && !isValidSignal(signum)) kErr('OSError', 22, 'Invalid argument');
  const me = procOf(k, t);
  const pg = (q: KProcess): number => px(k.s, q).pgid;
  const alive = Object.values(k.s.procs).filter((q) => q.pid !== INIT_PID && !px(k.s, q).reaped);
  let targets: KProcess[];
  if (pid > 0) targets = alive.filter((q) => q.pid === pid);
  else if (pid === 0) targets = alive.filter((q) => pg(q) === pg(me));
  else if (pid === -1) targets = alive.filter((q) => q !== me);
  else targets = alive.filter((q) => pg(q) === -pid);
  if (targets.length === 0) kErr('ProcessLookupError', 3, 'No such process');
  ret(t, null);
  const source: SignalSource = p.source === 'raise' ? 'raise' : 'kill';
  for (const q of targets.sort((a, b) => a.pid - b.pid)) sendSignal(k, q, signum, source, t);
}

function setAction(k: K, t: KThread, p: Record<string, unknown>): void {
  const signum = Number(p.signum);
  const x = px(k.s, procOf(k, t));
  const d = p.disp === 'ignore' ? 'ignore' : p.disp === 'handler' ? 'handler' : 'default';
  if (d === 'default') delete x.sig.disp[signum];
  else x.sig.disp[signum] = d;
  if (d === 'handler') x.sig.handlerNames[signum] = String(p.name ?? 'handler');
  else delete x.sig.handlerNames[signum];
  // ignoring a pending signal discards it
  if (d === 'ignore' || (d === 'default' && defaultAction(signum) === 'ignore')) {
    x.sig.pending = x.sig.pending.filter((s) => s !== signum);
  }
  ret(t, null);
}

function pause(k: K, t: KThread): void {
  const p = procOf(k, t);
  const id = `pause:${p.pid}`;
  if (!k.s.wf.objects[id]) wfAddObject(k.s.wf, { kind: 'pause', id, name: 'signal.pause()' }, false);
  blockThread(k, t, { on: { kind: 'pause', id, name: 'signal.pause()' }, op: 'signal.pause', timeoutNs: null });
}

function alarm(k: K, t: KThread, p: Record<string, unknown>): void {
  const proc = procOf(k, t);
  const x = px(k.s, proc);
  const left = alarmLeftNs(k, x);
  // glibc's alarm(): round to the nearest second, but never report 0 for an active alarm
  const sec = Math.floor(left / NS);
  const usec = Math.floor((left % NS) / 1000);
  const old = x.sig.alarm ? sec + ((sec === 0 && usec > 0) || usec >= 500_000 ? 1 : 0) : 0;
  armAlarm(k, proc, x, Math.trunc(Number(p.seconds)) * NS, 0);
  ret(t, old);
}

/** Microsecond precision of struct itimerval. */
function usToNs(seconds: number): number {
  return Math.round(seconds * 1e6) * 1000;
}

function itimerValue(k: K, x: ProcExt): [number, number] {
  if (!x.sig.alarm) return [0, 0];
  return [Math.ceil(alarmLeftNs(k, x) / 1000) / 1e6, x.sig.alarm.intervalNs / 1e9];
}

function setitimer(k: K, t: KThread, p: Record<string, unknown>): void {
  const proc = procOf(k, t);
  const x = px(k.s, proc);
  if (Number(p.which) !== 0) return ret(t, [0, 0]); // ITIMER_VIRTUAL/PROF: no CPU-time timers
  const old = itimerValue(k, x);
  armAlarm(k, proc, x, usToNs(Number(p.seconds)), usToNs(Number(p.interval ?? 0)));
  ret(t, old);
}

registerSyscall('os.kill', killSyscall);
registerSyscall('signal.setaction', setAction);
registerSyscall('signal.pause', pause);
registerSyscall('signal.alarm', alarm);
registerSyscall('signal.setitimer', setitimer);
registerSyscall('signal.getitimer', (k, t, p) => ret(t, Number(p.which) === 0 ? itimerValue(k, px(k.s, procOf(k, t))) : [0, 0]));
registerSyscall('signal.pending', (k, t) => ret(t, px(k.s, procOf(k, t)).sig.pending.slice().sort((a, b) => a - b)));
registerSyscall('signal.handler.enter', (k, t, p) => {
  const signum = Number(p.signum);
  const e: UnnumberedEvent = { t: now(k), kind: 'signal.handler.enter', pid: t.pid, tid: t.tid, ...sigInfo(signum), handler: String(p.handler) };
  const loc = threadLoc(k, t);
  if (loc) e.loc = loc;
  emit(k, e);
  ret(t, null);
});
registerSyscall('signal.handler.exit', (k, t, p) => {
  const signum = Number(p.signum);
  const e: UnnumberedEvent = { t: now(k), kind: 'signal.handler.exit', pid: t.pid, tid: t.tid, ...sigInfo(signum) };
  if (typeof p.raised === 'string') e.raised = p.raised;
  emit(k, e);
  // a handler raised: the signals not handled yet stay pending
  const x = px(k.s, procOf(k, t));
  for (const s of (p.rest as number[] | undefined) ?? []) if (!x.sig.pending.includes(s)) x.sig.pending.push(s);
  ret(t, null);
});

/** Condition.wait after a signal handler: waiting again, without the lock (the handler ran
 * between the release and the wake-up). */
registerSyscall('cond.rewait', (k, t, p) => {
  const c = k.s.objects[String(p.id)];
  if (!c || c.kind !== 'condition') throw new Error(`kernel: no condition ${String(p.id)}`);
  c.waiters.push(t.tid);
  const to = p.timeout === null || p.timeout === undefined ? null : Math.round(Number(p.timeout) * 1e9);
  blockThread(k, t, { on: objRef(c), op: 'cond.wait', timeoutNs: to, data: { count: p.count } });
});
/** The handler raised out of Condition.wait: take the lock back (count restored) first. */
registerSyscall('cond.restore', (k, t, p) => {
  const c = k.s.objects[String(p.id)];
  const l = c && c.kind === 'condition' ? k.s.objects[c.lock] : undefined;
  if (!l || (l.kind !== 'lock' && l.kind !== 'rlock')) return ret(t, null);
  const count = Number(p.count ?? 1);
  if (l.owner === null) {
    l.owner = t.tid;
    if (l.kind === 'rlock') l.count = count;
    wfAddHolder(k.s.wf, l.id, t.tid);
    return ret(t, null);
  }
  l.waiters.push(t.tid);
  blockThread(k, t, { on: objRef(l), op: 'cond.reacquire', timeoutNs: null, data: { count, result: false } });
});

procHooks.sigchld = (k, parent) => sendSignal(k, parent, SIGCHLD, 'kernel');
procHooks.terminate = (k, p, from) => sendSignal(k, p, 15, 'kill', from);
procHooks.cancelBlock = cancelBlock;
