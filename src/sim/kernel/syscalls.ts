// The syscall table: what a Python thread can ask of the kernel. Modules (threading,
// queue, time, ...) return `new SyscallRequest(name, payload)` from a builtin; the VM ends
// the instruction and the kernel runs the handler here. A handler either answers at once
// (`ret`, or `raise` for a Python exception) — the thread goes on without losing the GIL —
// or blocks the thread (it releases the GIL) until a wake-up delivers the answer.
//
// Results are JS values handed back to the module's native code: Python values (bool,
// number, str, None=null) or small plain objects the module converts.
//
// | name                 | payload                                  | result                 |
// |----------------------|------------------------------------------|------------------------|
// | sync.create          | kind + init (see SyncInit), name?        | object id              |
// | lock.acquire         | id, blocking?, timeout?                  | bool (Lock and RLock)  |
// | lock.release         | id                                       | None                   |
// | lock.info            | id                                       | {locked, mine, ownerIdent, count} |
// | cond.wait            | id, timeout?                             | bool                   |
// | cond.notify          | id, n? , all?                            | None                   |
// | sem.acquire          | id, blocking?, timeout?                  | bool                   |
// | sem.release          | id, n?                                   | None                   |
// | sem.info             | id                                       | {value, bound}         |
// | event.wait/set/clear/is_set | id, timeout?                      | bool / None            |
// | barrier.wait         | id, timeout?, brokenCls                  | {index, last}          |
// | barrier.release      | id (after the last arrival ran the action) | None                 |
// | barrier.abort        | id, reset?                               | None                   |
// | barrier.info         | id                                       | {parties, n_waiting, broken} |
// | queue.put / get      | id, item?, block?, timeout?, fullCls/emptyCls | None / item       |
// | queue.task_done/join/info | id                                  | None / {size, maxsize, unfinished, full} |
// | thread.start         | handle, name, daemon, pyThread?          | {tid, ident, nativeId} |
// | thread.join          | tid, timeout?                            | None                   |
// | thread.self          |                                          | ThreadInfo             |
// | thread.info          | tid                                      | ThreadInfo             |
// | thread.list          |                                          | ThreadInfo[] (alive, in start order) |
// | thread.rename        | tid, name                                | None                   |
// | thread.daemon        | tid, daemon                              | None                   |
// | time.sleep           | seconds                                  | None                   |
// | time.now             |                                          | {monotonicNs, epochNs, threadCpuNs, processCpuNs} |
// | gil.getinterval / gil.setinterval | seconds                     | float / None           |
// | io.write             | stream, text, flush?                     | len(text)              |
// | io.flush             | stream                                   | None                   |

import type { Loc } from '../../trace/format';
import { secondsToNs } from './clock';
import { getSwitchIntervalSeconds, setSwitchIntervalSeconds } from './gil';
import { ioFlushSyscall, ioWriteSyscall } from './io';
import type { SyncInit } from './sync';
import {
  barrierAbort, barrierInfo, barrierRelease, barrierWait, condNotify, condWait, createObject, eventClear, eventIsSet,
  eventSet, eventWait, KernelError, lockAcquire, lockInfo, lockRelease, queueGet, queueInfo, queuePut, queueJoin,
  queueTaskDone, raise, ret, semAcquire, semInfo, semRelease,
} from './syncops';
import {
  blockThread, newThread, now, procOf, releaseByHolder, renameThread, threadLoc, wantGil, yieldGil, type K,
} from './threads';
import type { KThread } from './types';

type Handler = (k: K, t: KThread, p: Record<string, unknown>) => void;

/** What the threading module learns about a thread. */
export interface ThreadInfo {
  tid: string;
  name: string;
  ident: number;
  nativeId: number;
  daemon: boolean;
  main: boolean;
  alive: boolean;
  pyThread: unknown;
}

export function threadInfo(t: KThread): ThreadInfo {
  return {
    tid: t.tid, name: t.name, ident: t.ident, nativeId: t.nativeId, daemon: t.daemon, main: t.main,
    alive: t.state !== 'finished' && !t.shuttingDown, pyThread: t.pyThread ?? null,
  };
}

function target(k: K, p: Record<string, unknown>): KThread {
  const t = k.s.threads[String(p.tid)];
  if (!t) throw new Error(`kernel: no thread ${String(p.tid)}`);
  return t;
}

function syncCreate(k: K, t: KThread, p: Record<string, unknown>): void {
  const where = k.engine.storeTarget(procOf(k, t).handle, t.handle);
  let name = typeof p.name === 'string' ? p.name : where.name;
  if (name !== undefined && typeof p.nameSuffix === 'string') name += p.nameSuffix;
  const line = where.line ?? threadLoc(k, t)?.line;
  let init: SyncInit;
  switch (p.kind) {
    case 'lock':
    case 'rlock':
    case 'event':
      init = { kind: p.kind };
      break;
    case 'semaphore': {
      const value = Math.trunc(Number(p.value ?? 1));
      if (value < 0) raise('ValueError', 'semaphore initial value must be >= 0');
      init = { kind: 'semaphore', value, bounded: p.bounded === true };
      break;
    }
    case 'condition': {
      let lock = typeof p.lock === 'string' ? p.lock : null;
      if (lock === null) lock = createObject(k, t, { kind: 'rlock' }, name !== undefined ? `${name}._lock` : undefined, line).id;
      init = { kind: 'condition', lock };
      break;
    }
    case 'barrier':
      init = { kind: 'barrier', parties: Math.trunc(Number(p.parties)) };
      break;
    case 'queue': {
      const flavor = p.flavor === 'lifo' || p.flavor === 'priority' || p.flavor === 'simple' ? p.flavor : 'fifo';
      init = { kind: 'queue', flavor, maxsize: Math.trunc(Number(p.maxsize ?? 0)) };
      break;
    }
    default:
      throw new Error(`kernel: sync.create of unknown kind ${String(p.kind)}`);
  }
  ret(t, createObject(k, t, init, name, line).id);
}

function threadStart(k: K, t: KThread, p: Record<string, unknown>): void {
  const proc = procOf(k, t);
  const loc: Loc | undefined = threadLoc(k, t);
  const child = newThread(k, proc, p.handle, {
    name: String(p.name), daemon: p.daemon === true, main: false, parent: t.tid,
    ...(loc ? { loc } : {}), ...(p.pyThread !== undefined ? { pyThread: p.pyThread } : {}),
  });
  ret(t, { tid: child.tid, ident: child.ident, nativeId: child.nativeId });
  wantGil(k, child);
  // CPython's start() waits until the new thread signals it has started: the new thread
  // gets the GIL first.
  releaseByHolder(k, t, 'voluntary');
}

function threadJoin(k: K, t: KThread, p: Record<string, unknown>): void {
  const x = target(k, p);
  if (x.tid === t.tid) raise('RuntimeError', 'cannot join current thread');
  if (x.state === 'finished') return ret(t, null);
  const to = p.timeout === null || p.timeout === undefined ? null : secondsToNs(Math.max(0, Number(p.timeout)));
  if (to === 0) return ret(t, null);
  blockThread(k, t, { on: { kind: 'join', id: x.tid, name: x.name }, key: x.tid, op: 'thread.join', timeoutNs: to });
}

function sleep(k: K, t: KThread, p: Record<string, unknown>): void {
  const s = Number(p.seconds);
  if (Number.isNaN(s)) raise('ValueError', 'Invalid value NaN (not a number)');
  if (s < 0) raise('ValueError', 'sleep length must be non-negative');
  ret(t, null);
  const ns = secondsToNs(s);
  if (ns === 0) return yieldGil(k, t);
  blockThread(k, t, { on: { kind: 'sleep', id: 'sleep' }, key: `sleep:${t.tid}`, op: 'time.sleep', timeoutNs: ns });
}

const HANDLERS: Record<string, Handler> = {
  'sync.create': syncCreate,
  'lock.acquire': lockAcquire,
  'lock.release': lockRelease,
  'lock.info': lockInfo,
  'cond.wait': condWait,
  'cond.notify': condNotify,
  'sem.acquire': semAcquire,
  'sem.release': semRelease,
  'sem.info': semInfo,
  'event.wait': eventWait,
  'event.set': eventSet,
  'event.clear': eventClear,
  'event.is_set': eventIsSet,
  'barrier.wait': barrierWait,
  'barrier.release': barrierRelease,
  'barrier.abort': barrierAbort,
  'barrier.info': barrierInfo,
  'queue.put': queuePut,
  'queue.get': queueGet,
  'queue.task_done': queueTaskDone,
  'queue.join': queueJoin,
  'queue.info': queueInfo,
  'thread.start': threadStart,
  'thread.join': threadJoin,
  'thread.self': (k, t) => ret(t, threadInfo(t)),
  'thread.info': (k, t, p) => ret(t, threadInfo(target(k, p))),
  'thread.list': (k, t) =>
    ret(t, procOf(k, t).threads.map((tid) => k.s.threads[tid]!).filter((x) => x.state !== 'finished').map(threadInfo)),
  'thread.rename': (k, t, p) => {
    renameThread(k, target(k, p), String(p.name));
    ret(t, null);
  },
  'thread.daemon': (k, t, p) => {
    target(k, p).daemon = p.daemon === true;
    ret(t, null);
  },
  'io.write': ioWriteSyscall,
  'io.flush': ioFlushSyscall,
  'time.sleep': sleep,
  'time.now': (k, t) => ret(t, {
    monotonicNs: now(k), epochNs: k.s.clock.epochNs, threadCpuNs: t.cpuNs,
    processCpuNs: procOf(k, t).threads.reduce((n, tid) => n + k.s.threads[tid]!.cpuNs, 0),
  }),
  'gil.getinterval': (k, t) => ret(t, getSwitchIntervalSeconds(procOf(k, t).gil)),
  'gil.setinterval': (k, t, p) => {
    const s = Number(p.seconds);
    if (!(s > 0)) raise('ValueError', 'switch interval must be strictly positive');
    setSwitchIntervalSeconds(procOf(k, t).gil, s);
    ret(t, null);
  },
};

/** Extra handlers registered by other kernel parts (processes, signals, IPC). */
export function registerSyscall(name: string, h: Handler): void {
  if (HANDLERS[name]) throw new Error(`duplicate syscall ${name}`);
  HANDLERS[name] = h;
}

export function isSyscall(name: string): boolean {
  return name in HANDLERS;
}

/** Runs a syscall for `t`. Python exceptions become the thread's pending result. */
export function dispatchSyscall(k: K, t: KThread, name: string, payload: Record<string, unknown>): void {
  const h = HANDLERS[name];
  try {
    if (!h) raise('SystemError', `unknown kernel call ${name}`);
    h(k, t, payload);
  } catch (e) {
    if (e instanceof KernelError) t.resume = { kind: 'error', error: e.error };
    else throw e;
  }
}
