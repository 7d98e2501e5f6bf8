// Processes (issue 6): os.fork, the end of a process (normal exit, os._exit, death by a
// signal), zombies until reaped, orphans re-parented to init (pid 1, which reaps at once),
// os.wait/waitpid with WNOHANG/WUNTRACED/WCONTINUED, the process limit, and the process
// table. Linux semantics throughout (fork(2), _exit(2), wait(2)).
//
// fork copies the process through the Engine (the VM heap with the calling thread only;
// unflushed stdout is copied too: trace io.dup). The child's threading objects (locks,
// events, queues, conditions created by the parent) become the child's own copies, with
// their state: a lock another thread held at fork time stays held in the child by a
// thread that does not exist there (the fork-while-locked hazard). Objects created for
// multiprocessing (`shared`) are the same kernel object in both processes.
//
// Syscalls: os.fork {} -> child pid (0 in the child) | os._exit {status} |
// os.waitpid {pid, options} -> [pid, status] | proc.ps {} -> the `ps` table text.

import { assertUnreachable, type UnnumberedEvent } from '../../trace/format';
import { cancelTimer } from './clock';
import type { Engine } from './engine';
import { flushAll } from './io';
import { newProcExt, px, psRows, formatPs, type ProcExt } from './proc-state';
import { SIGCHLD, SIGINT, exitedStatus, shellStatus, signalName, signaledStatus } from './signal-table';
import { KernelError, raise, ret } from './syncops';
import { newSyncObject, objRef, isOwned, type SyncObject } from './sync';
import { dispatchSyscall, registerSyscall } from './syscalls';
import {
  blockThread, emit, finishThread, newProcess, newThread, now, procOf, refreshProcState, threadLoc, wakeThread,
  wantGil, type K,
} from './threads';
import type { KProcess, KThread, RunOutcome } from './types';
import { wfAddObject, wfRemoveThread, wfSetHolders } from './waitfor';

/** pid of the simulated init that adopts orphans. */
export const INIT_PID = 1;
/** RLIMIT_NPROC of the simulated user. */
export const PROCESS_LIMIT = 64;
/** os.WNOHANG, os.WUNTRACED, os.WCONTINUED (Linux) */
export const WNOHANG = 1;
export const WUNTRACED = 2;
export const WCONTINUED = 8;
/** Virtual cost of fork(2) for the parent, and the delay before the child first runs. */
export const FORK_PARENT_NS = 150_000;
export const FORK_CHILD_NS = 250_000;
/** Interpreter finalization (module teardown, flushing) after the main thread's code ends.
 * It matters only for the order of events between processes (an orphan's child sees its
 * parent still alive for a moment), so it is simulated only while other processes run. */
export const FINALIZE_NS = 5_000_000;

/** The Engine's process services (VmEngine implements them; a fake engine may not). */
export interface ProcessEngine extends Engine {
  fork(proc: unknown, thread: unknown, pid: number, extra: unknown[], rename: Record<string, string>): { proc: unknown; thread: unknown; extra: unknown[] };
  pendingOutput(proc: unknown, discard: boolean): { stdout: string; stderr: string };
}

function procEngine(k: K): ProcessEngine | null {
  const e = k.engine as Partial<ProcessEngine>;
  return typeof e.fork === 'function' && typeof e.pendingOutput === 'function' ? (e as ProcessEngine) : null;
}

/** Raises an OSError subclass with (errno, strerror): it prints "[Errno N] text". */
export function kErr(type: string, errno: number, text: string): never {
  throw new KernelError({ type, args: [errno, text] });
}

/** Processes that count against the limit (not reaped yet), init excluded. */
function liveCount(k: K): number {
  let n = 0;
  for (const p of Object.values(k.s.procs)) if (p.pid !== INIT_PID && !px(k.s, p).reaped) n++;
  return n;
}

// ───────────────────────────── fork ─────────────────────────────

/** os.fork() in thread `t`. */
function forkSyscall(k: K, t: KThread): void {
  const eng = procEngine(k);
  if (!eng) raise('OSError', 'fork is not available in this engine');
  if (liveCount(k) >= PROCESS_LIMIT) kErr('BlockingIOError', 11, 'Resource temporarily unavailable');
  const parent = procOf(k, t);
  const pxp = px(k.s, parent);
  const childPid = k.s.nextPid++;
  const loc = threadLoc(k, t);
  // The parent's own threading objects become the child's copies (new ids).
  const local = Object.values(k.s.objects).filter((o) => o.pid === parent.pid && !o.shared);
  const rename: Record<string, string> = {};
  for (const o of local) {
    const n = (k.s.counters[o.kind] ?? 0) + 1;
    k.s.counters[o.kind] = n;
    rename[o.id] = `${o.kind}#${n}`;
  }
  rename[t.tid] = `${childPid}:1`;
  rename['#ident'] = String(k.s.threads[parent.threads[0]!]?.ident ?? t.ident);
  const extra: unknown[] = [t.pyThread ?? null, ...local.map((o) => (o.kind === 'queue' ? o.items : null))];
  const c = eng.fork(parent.handle, t.handle, childPid, extra, rename);
  const child = newProcess(k, childPid, parent.pid, parent.name, c.proc);
  child.x = forkExt(pxp);
  const ev: UnnumberedEvent = { t: now(k), kind: 'process.fork', pid: parent.pid, tid: t.tid, child: childPid, name: parent.name };
  if (loc) ev.loc = loc;
  emit(k, ev);
  const ct = newThread(k, child, c.thread, {
    name: t.name, daemon: false, main: true, forkedFrom: t.tid, ...(loc ? { loc } : {}),
    ...(c.extra[0] !== null && c.extra[0] !== undefined ? { pyThread: c.extra[0] } : {}),
  });
  cloneObjects(k, local, rename, c.extra.slice(1), t.tid, ct.tid, childPid);
  wfAddObject(k.s.wf, { kind: 'wait', id: `pid:${childPid}`, name: `process ${childPid}` }, true, [ct.tid]);
  // Unflushed output is copied with the heap: it will appear twice.
  const out = eng.pendingOutput(c.proc, false);
  for (const stream of ['stdout', 'stderr'] as const) {
    const text = out[stream] + parent.out[stream];
    if (text !== '') emit(k, { t: now(k), kind: 'io.dup', pid: childPid, parent: parent.pid, stream, text });
  }
  child.out = { ...parent.out };
  ct.resume = { kind: 'value', value: 0 };
  child.time = now(k) + FORK_CHILD_NS;
  wantGil(k, ct);
  child.time = Math.max(child.time, now(k) + FORK_CHILD_NS);
  parent.time += FORK_PARENT_NS;
  ret(t, childPid);
}

/** The child's copy of the parent's process state (fork(2): no pending signals, no
 * alarm; dispositions, process group and file descriptors are inherited). */
function forkExt(x: ProcExt): ProcExt {
  const c = newProcExt(x.pgid, x.cmd);
  c.sig.disp = { ...x.sig.disp };
  c.sig.handlerNames = { ...x.sig.handlerNames };
  c.fds = Object.fromEntries(Object.entries(x.fds).map(([fd, e]) => [fd, { ...e }]));
  return c;
}

/** Copies the parent's process-local kernel objects for the child under their new ids. */
function cloneObjects(
  k: K, local: SyncObject[], rename: Record<string, string>, items: unknown[], forker: string, childMain: string, childPid: number,
): void {
  local.forEach((o, i) => {
    const id = rename[o.id]!;
    const c = JSON.parse(JSON.stringify({ ...o, waiters: [], items: [] })) as SyncObject;
    c.id = id;
    c.pid = childPid;
    c.waiters = [];
    c.waking = false;
    let holders: string[] = [];
    switch (c.kind) {
      case 'lock':
      case 'rlock':
        // held by the forking thread: the child's main thread holds it; held by another
        // thread: held forever by a thread that vanished
        if (c.owner !== null) {
          if (c.owner === forker) {
            c.owner = childMain;
            holders = [childMain];
          } else c.owner = `${childPid}:vanished`;
        }
        break;
      case 'condition':
        c.lock = rename[c.lock] ?? c.lock;
        break;
      case 'queue':
        c.items = (items[i] as unknown[]) ?? [];
        c.msgIds = (o as typeof c).msgIds.map((m) => `${id}.${m}`);
        c.putters = [];
        c.joiners = [];
        break;
      case 'semaphore':
        holders = (k.s.wf.objects[o.id]?.holders ?? []).filter((h) => h === forker).map(() => childMain);
        break;
      case 'event':
      case 'barrier':
        break;
      default:
        assertUnreachable(c, 'kernel object');
    }
    k.s.objects[id] = c;
    wfAddObject(k.s.wf, objRef(c), isOwned(c), holders);
  });
}

// ───────────────────────────── exit ─────────────────────────────

export type ExitHow =
  /** the main thread's code ended (or raised): flush, like CPython's finalization */
  | { kind: 'normal' }
  /** os._exit: no flush, no cleanup */
  | { kind: 'immediate' }
  /** a signal's default action killed it */
  | { kind: 'signal'; signum: number };

/**
 * Ends process `p`. `main` is its main thread for a normal exit (daemon threads stop where
 * they are), or the thread that called os._exit. Every other thread vanishes. Then the
 * process is a zombie until its parent reaps it (see processGone).
 */
export function exitProcess(k: K, p: KProcess, status: number, main: KThread | null, how: ExitHow = { kind: 'normal' }): void {
  if (p.exited) return;
  const x = px(k.s, p);
  if (how.kind === 'normal' && main && main.state === 'running' && mpAtexit(k, p, main)) return;
  if (how.kind === 'normal' && main && main.state === 'running' && !x.finalized && Object.values(k.s.procs).some((q) => q !== p && !q.exited && q.pid !== INIT_PID)) {
    // Py_FinalizeEx takes a while; the kernel's shutdown step comes back here after it
    x.finalized = true;
    blockThread(k, main, { on: { kind: 'sleep', id: 'finalize', name: 'interpreter shutdown' }, op: 'finalize', timeoutNs: FINALIZE_NS });
    return;
  }
  for (const tid of p.threads) {
    const t = k.s.threads[tid]!;
    if (t !== main && t.state !== 'finished') {
      if (how.kind !== 'normal') cancelBlock(k, t);
      finishThread(k, t);
    }
  }
  if (main) main.shuttingDown = false;
  if (how.kind === 'normal') {
    k.engine.processExit?.(p.handle);
    flushAll(k, p, main?.tid ?? null);
  } else loseOutput(k, p);
  if (main && main.state !== 'finished') {
    if (how.kind !== 'normal') cancelBlock(k, main);
    finishThread(k, main, main.exception);
  }
  for (const tid of p.threads) if (how.kind !== 'normal') wfRemoveThread(k.s.wf, tid);
  p.exited = true;
  let signum: number | null = how.kind === 'signal' ? how.signum : null;
  // CPython re-raises SIGINT after an uncaught KeyboardInterrupt (exit status 130 in a shell)
  if (signum === null && how.kind === 'normal' && main?.main && main.exception === 'KeyboardInterrupt') signum = SIGINT;
  x.waitStatus = signum !== null ? signaledStatus(signum) : exitedStatus(status);
  p.exitStatus = signum !== null ? null : status & 0xff;
  const ev: UnnumberedEvent = { t: now(k), kind: 'process.exit', pid: p.pid, status: p.exitStatus };
  if (signum !== null) ev.signal = { signum, sig: signalName(signum) };
  if (how.kind === 'immediate') ev.immediate = true;
  emit(k, ev);
  cancelAlarm(k, x);
  procHooks.closeFds(k, p);
  if (p.core !== null) {
    k.s.cores[p.core] = null;
    p.core = null;
  }
  processGone(k, p);
}

/**
 * multiprocessing's atexit handler (util._exit_function): daemonic children are
 * terminated, then every child it started is joined (and reaped). True while the main
 * thread waits for one of them.
 */
function mpAtexit(k: K, p: KProcess, main: KThread): boolean {
  const x = px(k.s, p);
  const kids = (x.mpChildren ?? []).map((c) => ({ c, proc: k.s.procs[c.pid] })).filter(({ proc }) => proc && proc.ppid === p.pid && !px(k.s, proc).reaped);
  if (kids.length === 0) return false;
  if (!x.mpAtexit) {
    x.mpAtexit = true;
    for (const { c, proc } of kids) if (c.daemon && !proc!.exited) procHooks.terminate(k, proc!, main);
  }
  for (const { proc } of kids) {
    if (proc!.exited) reap(k, proc!, p.pid, main.tid, false);
  }
  const alive = kids.find(({ proc }) => !proc!.exited);
  if (!alive) return false;
  const pid = alive.proc!.pid;
  blockThread(k, main, { on: { kind: 'wait', id: `pid:${pid}`, name: `process ${pid}` }, op: 'mp.atexit', timeoutNs: null, data: { pid } });
  return true;
}

/** Unflushed output is discarded (os._exit, death by a signal): trace io.lost. */
function loseOutput(k: K, p: KProcess): void {
  const eng = procEngine(k);
  const vmOut = eng ? eng.pendingOutput(p.handle, true) : { stdout: '', stderr: '' };
  for (const stream of ['stdout', 'stderr'] as const) {
    const text = vmOut[stream] + p.out[stream];
    p.out[stream] = '';
    if (text !== '') emit(k, { t: now(k), kind: 'io.lost', pid: p.pid, stream, text });
  }
}

function cancelAlarm(k: K, x: ProcExt): void {
  if (x.sig.alarm) cancelTimer(k.s.timers, x.sig.alarm.timer);
  x.sig.alarm = null;
}

/** Hooks the signal part registers (signals.ts), to avoid an import cycle. */
export const procHooks: {
  /** sends SIGCHLD to `parent` */
  sigchld: (k: K, parent: KProcess) => void;
  /** removes a blocked thread from what it waits on (no wake-up) */
  cancelBlock: (k: K, t: KThread) => void;
  /** closes the file descriptors of an ended process (ipc.ts) */
  closeFds: (k: K, p: KProcess) => void;
  /** sends SIGTERM to `p` from thread `from` (signals.ts) */
  terminate: (k: K, p: KProcess, from: KThread) => void;
} = {
  sigchld: () => {},
  cancelBlock: () => {},
  closeFds: () => {},
  terminate: () => {},
};

function cancelBlock(k: K, t: KThread): void {
  if (t.state === 'blocked') procHooks.cancelBlock(k, t);
}

/** After the exit: children go to init, the process becomes a zombie of its parent (or is
 * reaped at once: init, SIGCHLD ignored), the parent hears SIGCHLD, the run may end. */
function processGone(k: K, p: KProcess): void {
  const x = px(k.s, p);
  refreshProcState(k, p);
  // orphans are adopted by init, which reaps its zombies at once
  for (const c of Object.values(k.s.procs)) {
    if (c.ppid !== p.pid || px(k.s, c).reaped || c.pid === p.pid) continue;
    c.ppid = INIT_PID;
    emit(k, { t: now(k), kind: 'process.reparent', pid: c.pid, from: p.pid, to: INIT_PID });
    if (c.exited) reap(k, c, INIT_PID, null, true);
  }
  wfSetHolders(k.s.wf, `pid:${p.pid}`, []);
  const parent = k.s.procs[p.ppid];
  if (p.ppid === INIT_PID || (parent && parent.exited)) {
    x.zombie = true;
    emit(k, { t: now(k), kind: 'process.zombie', pid: p.pid, ppid: p.ppid });
    reap(k, p, INIT_PID, null, true);
  } else if (p.pid === k.s.opts.mainPid || !parent) {
    // the script's process: the shell that started it collects its status
    x.reaped = true;
  } else if (px(k.s, parent).sig.disp[SIGCHLD] === 'ignore') {
    // SIGCHLD ignored: no zombie (SA_NOCLDWAIT semantics)
    reap(k, p, parent.pid, null, true);
    wakeWaiters(k, parent);
  } else {
    x.zombie = true;
    emit(k, { t: now(k), kind: 'process.zombie', pid: p.pid, ppid: p.ppid });
    refreshProcState(k, p);
    procHooks.sigchld(k, parent);
    wakeWaiters(k, parent);
  }
  maybeEndRun(k);
}

/** `by` reaps the zombie `c` (trace process.reap). */
function reap(k: K, c: KProcess, by: number, tid: string | null, auto: boolean): void {
  const x = px(k.s, c);
  x.zombie = false;
  x.reaped = true;
  const e: UnnumberedEvent = { t: now(k), kind: 'process.reap', pid: by, child: c.pid, status: x.waitStatus };
  if (tid !== null) e.tid = tid;
  if (auto) e.auto = true;
  emit(k, e);
}

/** The run ends when the script's process and all the processes it started have ended
 * (like `python3 x.py | cat`, which waits for every writer). Exit code: the script's. */
export function maybeEndRun(k: K): void {
  if (k.s.outcome) return;
  const main = k.s.procs[k.s.opts.mainPid];
  if (!main || !main.exited) return;
  if (Object.values(k.s.procs).some((p) => !p.exited && p.pid !== INIT_PID)) return;
  const ws = px(k.s, main).waitStatus ?? 0;
  endRun(k, ws & 0x7f && (ws & 0x7f) !== 0x7f ? 'signal' : 'exit', shellStatus(ws));
}

/**
 * Nothing can run any more and the script's process is stopped (Ctrl-Z, SIGSTOP): the job
 * is suspended — the run ends as a shell reports it (exit status 128+N, "Stopped" on
 * stderr). False when the script's process is not stopped.
 */
export function stoppedJob(k: K): boolean {
  const main = k.s.procs[k.s.opts.mainPid];
  const x = main ? px(k.s, main) : undefined;
  if (!main || main.exited || !x || !x.stopped || k.s.outcome) return false;
  const sig = x.stopSig ?? 19;
  k.sinks.output?.('stderr', `threadline: the program was stopped by ${signalName(sig)} (a shell would say: [1]+ Stopped)\n`, 0);
  endRun(k, 'signal', 128 + sig);
  return true;
}

function endRun(k: K, outcome: RunOutcome, exitCode: number): void {
  k.s.outcome = outcome;
  k.s.exitCode = exitCode;
  emit(k, { t: now(k), kind: 'run.end', outcome, exitCode });
}

/** os._exit(status) in thread `t`. */
function exitNow(k: K, t: KThread, p: Record<string, unknown>): void {
  const status = Math.trunc(Number(p.status ?? 0));
  exitProcess(k, procOf(k, t), status, t, { kind: 'immediate' });
}

// ───────────────────────────── wait ─────────────────────────────

interface WaitReq {
  pid: number;
  options: number;
}

/** The children of `parent` that a waitpid(pid) may report. */
function matching(k: K, parent: KProcess, pid: number): KProcess[] {
  const pg = px(k.s, parent).pgid;
  return Object.values(k.s.procs)
    .filter((c) => c.ppid === parent.pid && c.pid !== parent.pid && !px(k.s, c).reaped)
    .filter((c) => (pid > 0 ? c.pid === pid : pid === -1 ? true : pid === 0 ? px(k.s, c).pgid === pg : px(k.s, c).pgid === -pid))
    .sort((a, b) => a.pid - b.pid);
}

/** What waitpid would return now: [pid, status], [0, 0] (WNOHANG), 'block', or 'none'. */
function tryWait(k: K, t: KThread, req: WaitReq): [number, number] | 'block' | 'none' {
  const parent = procOf(k, t);
  const cs = matching(k, parent, req.pid);
  if (cs.length === 0) return 'none';
  for (const c of cs) {
    const x = px(k.s, c);
    if (x.zombie) {
      reap(k, c, parent.pid, t.tid, false);
      return [c.pid, x.waitStatus ?? 0];
    }
    if (req.options & WUNTRACED && x.unreportedStop !== null) {
      const sig = x.unreportedStop;
      x.unreportedStop = null;
      return [c.pid, ((sig & 0xff) << 8) | 0x7f];
    }
    if (req.options & WCONTINUED && x.unreportedCont) {
      x.unreportedCont = false;
      return [c.pid, 0xffff];
    }
  }
  if (req.options & WNOHANG) return [0, 0];
  return 'block';
}

function waitKey(req: WaitReq, parent: KProcess): { id: string; name: string } {
  if (req.pid > 0) return { id: `pid:${req.pid}`, name: `process ${req.pid}` };
  return { id: `children:${parent.pid}`, name: 'any child' };
}

/** os.waitpid(pid, options) / os.wait() (pid -1, options 0). */
function waitpid(k: K, t: KThread, p: Record<string, unknown>): void {
  const req: WaitReq = { pid: Math.trunc(Number(p.pid ?? -1)), options: Math.trunc(Number(p.options ?? 0)) };
  const r = tryWait(k, t, req);
  if (r === 'none') kErr('ChildProcessError', 10, 'No child processes');
  if (r !== 'block') return ret(t, r);
  const parent = procOf(k, t);
  const { id, name } = waitKey(req, parent);
  if (req.pid <= 0) {
    const holders = matching(k, parent, req.pid).flatMap((c) => c.threads.filter((tid) => k.s.threads[tid]!.state !== 'finished'));
    wfAddObject(k.s.wf, { kind: 'wait', id, name }, true, holders);
  }
  blockThread(k, t, { on: { kind: 'wait', id, name }, op: 'os.waitpid', timeoutNs: null, data: { ...req } });
}

/** A child of `parent` changed state: finish the waits it satisfies. */
export function wakeWaiters(k: K, parent: KProcess): void {
  for (const tid of parent.threads) {
    const t = k.s.threads[tid]!;
    if (t.state === 'blocked' && (t.block?.op === 'mp.atexit' || t.block?.op === 'mp.waitexit')) {
      const c = k.s.procs[Number(t.block.data.pid)];
      if (!c || c.exited) wakeThread(k, t, { kind: 'value', value: true });
      continue;
    }
    if (t.state !== 'blocked' || t.block?.op !== 'os.waitpid') continue;
    const req = t.block.data as unknown as WaitReq;
    const r = tryWait(k, t, req);
    if (r === 'block') continue;
    if (r === 'none') wakeThread(k, t, { kind: 'error', error: { type: 'ChildProcessError', args: [10, 'No child processes'] } });
    else wakeThread(k, t, { kind: 'value', value: r });
  }
}

// ───────────────────────────── table ─────────────────────────────

/** The process table now, as `ps -o pid,ppid,stat,cmd` prints it. */
export function processTable(k: K): string {
  return formatPs(psRows(k.s));
}

registerSyscall('os.fork', (k, t) => forkSyscall(k, t));
registerSyscall('os._exit', exitNow);
registerSyscall('os.waitpid', waitpid);
registerSyscall('proc.ps', (k, t) => ret(t, processTable(k)));
registerSyscall('mp.share', (k, t, p) => {
  // a multiprocessing object: the same kernel object in every process (fork keeps it)
  const o = k.s.objects[String(p.id)];
  if (o) {
    o.shared = true;
    if (o.kind === 'condition' && k.s.objects[o.lock]) k.s.objects[o.lock]!.shared = true;
  }
  ret(t, null);
});
registerSyscall('mp.create', (k, t, p) => {
  // a kernel object for multiprocessing: shared by every process (fork does not copy it)
  dispatchSyscall(k, t, 'sync.create', p);
  const r = t.resume;
  const o = r && r.kind === 'value' ? k.s.objects[String(r.value)] : undefined;
  if (o) o.shared = true;
});
registerSyscall('mp.waitexit', (k, t, p) => {
  // Process.join(timeout): wait until the child ends, without reaping it -> bool
  const c = k.s.procs[Math.trunc(Number(p.pid))];
  if (!c || c.exited) return ret(t, true);
  const s = p.timeout === null || p.timeout === undefined ? null : Math.max(0, Number(p.timeout));
  if (s === 0) return ret(t, false);
  blockThread(k, t, { on: { kind: 'wait', id: `pid:${c.pid}`, name: `process ${c.pid}` }, op: 'mp.waitexit', timeoutNs: s === null ? null : Math.round(s * 1e9), data: { pid: c.pid } });
});
registerSyscall('mp.child', (k, t, p) => {
  const x = px(k.s, procOf(k, t));
  (x.mpChildren ??= []).push({ pid: Math.trunc(Number(p.pid)), daemon: p.daemon === true });
  ret(t, null);
});
registerSyscall('proc.setpgid', (k, t, p) => {
  const me = procOf(k, t);
  const pid = Math.trunc(Number(p.pid)) || me.pid;
  const target = k.s.procs[pid];
  if (!target || px(k.s, target).reaped || (target !== me && target.ppid !== me.pid)) kErr('ProcessLookupError', 3, 'No such process');
  const pgid = Math.trunc(Number(p.pgid)) || target.pid;
  if (pgid < 0) kErr('OSError', 22, 'Invalid argument');
  px(k.s, target).pgid = pgid;
  ret(t, p.session === true ? pgid : null);
});
