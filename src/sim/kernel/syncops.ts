// The operations on blocking objects (sync.ts), as syscall handlers: acquire/release of
// locks, RLocks and semaphores, Condition wait/notify, Event, Barrier, and queues.
// Messages and edge cases follow CPython 3.11 (Modules/_threadmodule.c, Lib/threading.py,
// Lib/queue.py).

import type { Loc, SyncOp, UnnumberedEvent } from '../../trace/format';
import { assertUnreachable } from '../util/assert';
import { addTimer, secondsToNs } from './clock';
import {
  blockThread, emit, now, removeWaiter, threadLoc, wakeThread, type K,
} from './threads';
import {
  isOwned, newSyncObject, objRef, queueFull, queueInsert, queueTake,
  type BarrierObj, type ConditionObj, type QueueObj, type SyncInit, type SyncObject,
} from './sync';
import type { KError, KThread } from './types';
import { wfAddHolder, wfAddObject, wfRemoveHolder } from './waitfor';

// ───────────────────────────── helpers ─────────────────────────────

export class KernelError {
  constructor(readonly error: KError) {}
}

/** Throws a Python exception into the calling thread (caught by the dispatcher). */
export function raise(type: string, message?: string, cls?: unknown): never {
  const e: KError = { type };
  if (message !== undefined) e.message = message;
  if (cls !== undefined) e.cls = cls;
  throw new KernelError(e);
}

export function ret(t: KThread, value: unknown): void {
  t.resume = { kind: 'value', value };
}

function obj<T extends SyncObject['kind']>(k: K, id: unknown, ...kinds: T[]): Extract<SyncObject, { kind: T }> {
  const o = k.s.objects[String(id)];
  if (!o || !(kinds as string[]).includes(o.kind)) throw new Error(`kernel: no ${kinds.join('/')} object ${String(id)}`);
  return o as Extract<SyncObject, { kind: T }>;
}

function op(k: K, t: KThread, o: SyncObject, what: SyncOp, extra: { ok?: boolean; value?: number; msgId?: string; loc?: Loc } = {}): void {
  const e: UnnumberedEvent = { t: now(k), kind: 'sync.op', pid: t.pid, tid: t.tid, object: objRef(o), op: what };
  if (extra.ok !== undefined) e.ok = extra.ok;
  if (extra.value !== undefined) e.value = extra.value;
  if (extra.msgId !== undefined) e.msgId = extra.msgId;
  const loc = extra.loc ?? threadLoc(k, t);
  if (loc) e.loc = loc;
  emit(k, e);
}

/** A timeout argument: null/undefined/-1 = none (for `acquire`, -1 means forever). */
function timeoutNs(timeout: unknown): number | null {
  if (timeout === null || timeout === undefined) return null;
  const s = Number(timeout);
  if (s === -1) return null;
  return secondsToNs(s);
}

/** Arms a retry: the first waiter tries again after the wake-up latency. */
function scheduleRetry(k: K, o: SyncObject): void {
  const waiting = o.waiters.length > 0 || (o.kind === 'queue' && o.putters.length > 0);
  if (!waiting || o.waking) return;
  o.waking = true;
  addTimer(k.s.timers, now(k) + k.s.opts.wakeLatencyNs, { kind: 'retry', key: o.id });
}

// ───────────────────────────── create ─────────────────────────────

/** Creates a kernel object with the next id of its kind ("lock#3"). */
export function createObject(k: K, t: KThread, init: SyncInit, name?: string, line?: number): SyncObject {
  const prefix = init.kind;
  const n = (k.s.counters[prefix] ?? 0) + 1;
  k.s.counters[prefix] = n;
  const o = newSyncObject(`${prefix}#${n}`, t.pid, init);
  if (name !== undefined) o.name = name;
  if (line !== undefined) o.line = line;
  k.s.objects[o.id] = o;
  wfAddObject(k.s.wf, objRef(o), isOwned(o));
  op(k, t, o, 'create', o.kind === 'semaphore' ? { value: o.value } : {});
  return o;
}

// ───────────────────────────── locks ─────────────────────────────

function lockFree(o: SyncObject): boolean {
  return (o.kind === 'lock' || o.kind === 'rlock') && o.owner === null;
}

function takeLock(k: K, o: SyncObject, tid: string, count = 1): void {
  if (o.kind !== 'lock' && o.kind !== 'rlock') return;
  o.owner = tid;
  if (o.kind === 'rlock') o.count = count;
  wfAddHolder(k.s.wf, o.id, tid);
}

/** lock.acquire / rlock.acquire(blocking=True, timeout=-1) -> bool */
export function lockAcquire(k: K, t: KThread, p: Record<string, unknown>): void {
  const o = obj(k, p.id, 'lock', 'rlock');
  const blocking = p.blocking !== false;
  const timeout = p.timeout === undefined || p.timeout === null ? -1 : Number(p.timeout);
  if (!blocking && timeout !== -1) raise('ValueError', "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout !== -1) raise('ValueError', 'timeout value must be positive');
  if (o.kind === 'rlock' && o.owner === t.tid) {
    o.count++;
    op(k, t, o, 'acquire', { ok: true, value: o.count });
    return ret(t, true);
  }
  if (o.owner === null) {
    takeLock(k, o, t.tid);
    op(k, t, o, 'acquire', { ok: true });
    return ret(t, true);
  }
  if (!blocking || timeout === 0) {
    op(k, t, o, 'acquire', { ok: false });
    return ret(t, false);
  }
  o.waiters.push(t.tid);
  op(k, t, o, 'wait');
  blockThread(k, t, { on: objRef(o), op: 'lock.acquire', timeoutNs: timeoutNs(timeout), data: {} });
}

/** Releases a lock held by `t` (checks done by the caller) and wakes a waiter. */
function unlock(k: K, t: KThread, o: SyncObject): void {
  if (o.kind !== 'lock' && o.kind !== 'rlock') return;
  wfRemoveHolder(k.s.wf, o.id, o.owner ?? t.tid);
  o.owner = null;
  if (o.kind === 'rlock') o.count = 0;
  scheduleRetry(k, o);
}

/** lock.release / rlock.release -> None */
export function lockRelease(k: K, t: KThread, p: Record<string, unknown>): void {
  const o = obj(k, p.id, 'lock', 'rlock');
  if (o.kind === 'lock') {
    if (o.owner === null) raise('RuntimeError', 'release unlocked lock');
  } else {
    if (o.owner !== t.tid) raise('RuntimeError', 'cannot release un-acquired lock');
    if (--o.count > 0) {
      op(k, t, o, 'release', { value: o.count });
      return ret(t, null);
    }
  }
  unlock(k, t, o);
  op(k, t, o, 'release');
  ret(t, null);
}

/** lock.locked() / RLock._is_owned() and repr data -> {locked, owner, count} */
export function lockInfo(k: K, t: KThread, p: Record<string, unknown>): void {
  const o = obj(k, p.id, 'lock', 'rlock');
  const owner = o.owner === null ? null : k.s.threads[o.owner]!;
  ret(t, {
    locked: o.owner !== null,
    mine: o.owner === t.tid,
    ownerIdent: owner ? owner.ident : 0,
    count: o.kind === 'rlock' ? o.count : o.owner !== null ? 1 : 0,
  });
}

// ───────────────────────────── conditions ─────────────────────────────

/** Condition.wait(timeout=None) -> bool. Releases the lock completely, waits for notify,
 * re-acquires it (restoring an RLock's count). */
export function condWait(k: K, t: KThread, p: Record<string, unknown>): void {
  const c = obj(k, p.id, 'condition');
  const l = obj(k, c.lock, 'lock', 'rlock');
  const owned = l.kind === 'rlock' ? l.owner === t.tid : l.owner !== null;
  if (!owned) raise('RuntimeError', 'cannot wait on un-acquired lock');
  const count = l.kind === 'rlock' ? l.count : 1;
  unlock(k, t, l);
  op(k, t, l, 'release');
  c.waiters.push(t.tid);
  op(k, t, c, 'wait');
  blockThread(k, t, { on: objRef(c), op: 'cond.wait', timeoutNs: timeoutNs(p.timeout), data: { count } });
}

/** A condition waiter (notified, or timed out) now waits to re-acquire the lock. */
function condReacquire(k: K, w: KThread, c: ConditionObj, result: boolean): void {
  removeWaiter(c.waiters, w.tid);
  const l = obj(k, c.lock, 'lock', 'rlock');
  const count = Number(w.block?.data.count ?? 1);
  l.waiters.push(w.tid);
  blockThread(k, w, { on: objRef(l), op: 'cond.reacquire', timeoutNs: null, data: { count, result } });
  scheduleRetry(k, l);
}

/** Condition.notify(n=1) / notify_all() */
export function condNotify(k: K, t: KThread, p: Record<string, unknown>): void {
  const c = obj(k, p.id, 'condition');
  const l = obj(k, c.lock, 'lock', 'rlock');
  const owned = l.kind === 'rlock' ? l.owner === t.tid : l.owner !== null;
  if (!owned) raise('RuntimeError', 'cannot notify on un-acquired lock');
  const all = p.all === true;
  const n = all ? c.waiters.length : Math.max(0, Math.trunc(Number(p.n ?? 1)));
  op(k, t, c, all ? 'notify_all' : 'notify', { value: Math.min(n, c.waiters.length) });
  for (const tid of c.waiters.slice(0, n)) condReacquire(k, k.s.threads[tid]!, c, true);
  ret(t, null);
}

// ───────────────────────────── semaphores ─────────────────────────────

/** Semaphore.acquire(blocking=True, timeout=None) -> bool */
export function semAcquire(k: K, t: KThread, p: Record<string, unknown>): void {
  const s = obj(k, p.id, 'semaphore');
  const blocking = p.blocking !== false;
  const to = p.timeout === undefined || p.timeout === null ? null : Number(p.timeout);
  if (!blocking && to !== null) raise('ValueError', "can't specify timeout for non-blocking acquire");
  if (s.value > 0) {
    s.value--;
    // No "held by" edge for semaphores: any thread may release one (they are often used
    // as signals, acquired in one thread and released in another), so a cycle through a
    // semaphore is no proof of a deadlock. Semaphore waits still count for hang detection.
    op(k, t, s, 'acquire', { ok: true, value: s.value });
    return ret(t, true);
  }
  if (!blocking || (to !== null && to <= 0)) {
    op(k, t, s, 'acquire', { ok: false, value: s.value });
    return ret(t, false);
  }
  s.waiters.push(t.tid);
  op(k, t, s, 'wait', { value: s.value });
  blockThread(k, t, { on: objRef(s), op: 'sem.acquire', timeoutNs: to === null ? null : secondsToNs(to), data: {} });
}

/** Semaphore.release(n=1) */
export function semRelease(k: K, t: KThread, p: Record<string, unknown>): void {
  const s = obj(k, p.id, 'semaphore');
  const n = Math.trunc(Number(p.n ?? 1));
  if (n < 1) raise('ValueError', 'n must be one or more');
  if (s.bound !== null && s.value + n > s.bound) raise('ValueError', 'Semaphore released too many times');
  s.value += n;
  op(k, t, s, 'release', { value: s.value });
  scheduleRetry(k, s);
  ret(t, null);
}

export function semInfo(k: K, t: KThread, p: Record<string, unknown>): void {
  const s = obj(k, p.id, 'semaphore');
  ret(t, { value: s.value, bound: s.bound });
}

// ───────────────────────────── events ─────────────────────────────

/** Event.wait(timeout=None) -> bool */
export function eventWait(k: K, t: KThread, p: Record<string, unknown>): void {
  const e = obj(k, p.id, 'event');
  if (e.flag) {
    op(k, t, e, 'wait', { ok: true });
    return ret(t, true);
  }
  const to = timeoutNs(p.timeout);
  if (to === 0) {
    op(k, t, e, 'wait', { ok: false });
    return ret(t, false);
  }
  e.waiters.push(t.tid);
  op(k, t, e, 'wait');
  blockThread(k, t, { on: objRef(e), op: 'event.wait', timeoutNs: to, data: {} });
}

export function eventSet(k: K, t: KThread, p: Record<string, unknown>): void {
  const e = obj(k, p.id, 'event');
  e.flag = true;
  op(k, t, e, 'set');
  const ws = e.waiters.splice(0);
  for (const tid of ws) wakeThread(k, k.s.threads[tid]!, { kind: 'value', value: true });
  ret(t, null);
}

export function eventClear(k: K, t: KThread, p: Record<string, unknown>): void {
  const e = obj(k, p.id, 'event');
  e.flag = false;
  op(k, t, e, 'clear');
  ret(t, null);
}

export function eventIsSet(k: K, t: KThread, p: Record<string, unknown>): void {
  ret(t, obj(k, p.id, 'event').flag);
}

// ───────────────────────────── barriers ─────────────────────────────

function brokenBarrier(p: Record<string, unknown>): never {
  return raise('BrokenBarrierError', undefined, p.brokenCls);
}

/** Barrier.wait(timeout=None) -> {index, last}. The last arrival gets `last: true` and
 * must run the action, then call barrier.release (or barrier.abort if it raised). */
export function barrierWait(k: K, t: KThread, p: Record<string, unknown>): void {
  const b = obj(k, p.id, 'barrier');
  if (b.phase === 'broken') brokenBarrier(p);
  const index = b.count++;
  op(k, t, b, 'wait', { value: b.count });
  if (b.count === b.parties) {
    b.phase = 'draining';
    return ret(t, { index, last: true });
  }
  b.waiters.push(t.tid);
  blockThread(k, t, { on: objRef(b), op: 'barrier.wait', timeoutNs: timeoutNs(p.timeout), data: { index, brokenCls: p.brokenCls } });
}

/** After the last arrival ran the action: everybody passes. */
export function barrierRelease(k: K, t: KThread, p: Record<string, unknown>): void {
  const b = obj(k, p.id, 'barrier');
  op(k, t, b, 'release', { value: b.count });
  const ws = b.waiters.splice(0);
  b.count = 0;
  b.phase = 'filling';
  for (const tid of ws) {
    const w = k.s.threads[tid]!;
    wakeThread(k, w, { kind: 'value', value: { index: w.block?.data.index ?? 0, last: false } });
  }
  ret(t, null);
}

function breakBarrier(k: K, t: KThread, b: BarrierObj, what: 'abort' | 'reset' | 'timeout'): void {
  b.phase = what === 'reset' ? 'filling' : 'broken';
  op(k, t, b, what === 'timeout' ? 'abort' : what);
  const ws = b.waiters.splice(0);
  b.count = 0;
  for (const tid of ws) {
    const w = k.s.threads[tid]!;
    wakeThread(k, w, { kind: 'error', error: { type: 'BrokenBarrierError', cls: w.block?.data.brokenCls } });
  }
}

export function barrierAbort(k: K, t: KThread, p: Record<string, unknown>): void {
  breakBarrier(k, t, obj(k, p.id, 'barrier'), p.reset === true ? 'reset' : 'abort');
  ret(t, null);
}

export function barrierInfo(k: K, t: KThread, p: Record<string, unknown>): void {
  const b = obj(k, p.id, 'barrier');
  ret(t, { parties: b.parties, n_waiting: b.phase === 'filling' ? b.count : 0, broken: b.phase === 'broken' });
}

// ───────────────────────────── queues ─────────────────────────────

function less(k: K): (a: unknown, b: unknown) => boolean {
  return (a, b) => {
    const r = k.engine.lessThan?.(a, b);
    if (r === undefined) raise('TypeError', 'PriorityQueue items must be comparable without calling Python code in this simulator');
    return r;
  };
}

function queuePutNow(k: K, t: KThread, q: QueueObj, item: unknown): void {
  const msgId = `${q.id}.${q.nextMsg++}`;
  queueInsert(q, item, msgId, less(k));
  if (q.flavor !== 'simple') q.unfinished++;
  op(k, t, q, 'put', { value: q.items.length, msgId });
  scheduleRetry(k, q);
}

function queueGetNow(k: K, t: KThread, q: QueueObj): unknown {
  const { item, msgId } = queueTake(q);
  op(k, t, q, 'get', { value: q.items.length, msgId });
  scheduleRetry(k, q);
  return item;
}

function timeoutArg(p: Record<string, unknown>): number | null {
  if (p.block === false || p.timeout === null || p.timeout === undefined) return null;
  const s = Number(p.timeout);
  if (s < 0) raise('ValueError', "'timeout' must be a non-negative number");
  return secondsToNs(s);
}

/** Queue.put(item, block=True, timeout=None) */
export function queuePut(k: K, t: KThread, p: Record<string, unknown>): void {
  const q = obj(k, p.id, 'queue');
  const to = timeoutArg(p);
  if (!queueFull(q)) {
    queuePutNow(k, t, q, p.item);
    return ret(t, null);
  }
  if (p.block === false || to === 0) {
    op(k, t, q, 'put', { ok: false, value: q.items.length });
    raise('Full', undefined, p.fullCls);
  }
  q.putters.push(t.tid);
  blockThread(k, t, { on: objRef(q), op: 'queue.put', timeoutNs: to, data: { item: p.item, fullCls: p.fullCls } });
}

/** Queue.get(block=True, timeout=None) */
export function queueGet(k: K, t: KThread, p: Record<string, unknown>): void {
  const q = obj(k, p.id, 'queue');
  const to = timeoutArg(p);
  if (q.items.length > 0) return ret(t, queueGetNow(k, t, q));
  if (p.block === false || to === 0) {
    op(k, t, q, 'get', { ok: false, value: 0 });
    raise('Empty', undefined, p.emptyCls);
  }
  q.waiters.push(t.tid);
  blockThread(k, t, { on: objRef(q), op: 'queue.get', timeoutNs: to, data: { emptyCls: p.emptyCls } });
}

export function queueTaskDone(k: K, t: KThread, p: Record<string, unknown>): void {
  const q = obj(k, p.id, 'queue');
  if (q.unfinished <= 0) raise('ValueError', 'task_done() called too many times');
  q.unfinished--;
  op(k, t, q, 'task_done', { value: q.unfinished });
  if (q.unfinished === 0) {
    for (const tid of q.joiners.splice(0)) wakeThread(k, k.s.threads[tid]!, { kind: 'value', value: null });
  }
  ret(t, null);
}

export function queueJoin(k: K, t: KThread, p: Record<string, unknown>): void {
  const q = obj(k, p.id, 'queue');
  if (q.unfinished === 0) return ret(t, null);
  q.joiners.push(t.tid);
  op(k, t, q, 'join', { value: q.unfinished });
  blockThread(k, t, { on: objRef(q), op: 'queue.join', timeoutNs: null, data: {} });
}

export function queueInfo(k: K, t: KThread, p: Record<string, unknown>): void {
  const q = obj(k, p.id, 'queue');
  ret(t, { size: q.items.length, maxsize: q.maxsize, unfinished: q.unfinished, full: queueFull(q) });
}

// ───────────────────────────── wake-ups ─────────────────────────────

/** A 'retry' timer fired: give the object to waiters while it is available. */
export function retryObject(k: K, id: string): void {
  const o = k.s.objects[id];
  if (!o) return;
  o.waking = false;
  switch (o.kind) {
    case 'lock':
    case 'rlock': {
      const tid = o.waiters[0];
      if (tid === undefined || !lockFree(o)) return;
      o.waiters.shift();
      const w = k.s.threads[tid]!;
      const reacq = w.block?.op === 'cond.reacquire';
      takeLock(k, o, tid, reacq ? Number(w.block!.data.count ?? 1) : 1);
      const result = reacq ? w.block!.data.result !== false : true;
      op(k, w, o, 'acquire', { ok: true, loc: w.block?.loc });
      wakeThread(k, w, { kind: 'value', value: result });
      return;
    }
    case 'semaphore': {
      while (o.value > 0 && o.waiters.length > 0) {
        const w = k.s.threads[o.waiters.shift()!]!;
        o.value--;
        op(k, w, o, 'acquire', { ok: true, value: o.value, loc: w.block?.loc });
        wakeThread(k, w, { kind: 'value', value: true });
      }
      return;
    }
    case 'queue': {
      for (let moved = true; moved; ) {
        moved = false;
        if (o.items.length > 0 && o.waiters.length > 0) {
          const w = k.s.threads[o.waiters.shift()!]!;
          wakeThread(k, w, { kind: 'value', value: queueGetNow(k, w, o) });
          moved = true;
        }
        if (!queueFull(o) && o.putters.length > 0) {
          const w = k.s.threads[o.putters.shift()!]!;
          queuePutNow(k, w, o, w.block?.data.item);
          wakeThread(k, w, { kind: 'value', value: null });
          moved = true;
        }
      }
      return;
    }
    case 'event':
    case 'condition':
    case 'barrier':
      return;
    default:
      assertUnreachable(o);
  }
}

/** A blocked thread's timeout expired. */
export function timeoutThread(k: K, t: KThread): void {
  const b = t.block;
  if (!b) return;
  const o = k.s.objects[b.key];
  const fail = (value: unknown) => {
    if (o) {
      removeWaiter(o.waiters, t.tid);
      if (o.kind === 'queue') removeWaiter(o.putters, t.tid);
      op(k, t, o, 'timeout', { ok: false, loc: b.loc });
    }
    wakeThread(k, t, { kind: 'value', value });
  };
  switch (b.op) {
    case 'time.sleep':
    case 'thread.join':
      return wakeThread(k, t, { kind: 'value', value: null });
    case 'lock.acquire':
    case 'sem.acquire':
    case 'event.wait':
      return fail(false);
    case 'cond.wait':
      if (o) op(k, t, o, 'timeout', { ok: false, loc: b.loc });
      return condReacquire(k, t, o as ConditionObj, false);
    case 'barrier.wait':
      removeWaiter((o as BarrierObj).waiters, t.tid);
      breakBarrier(k, t, o as BarrierObj, 'timeout');
      return wakeThread(k, t, { kind: 'error', error: { type: 'BrokenBarrierError', cls: b.data.brokenCls } });
    case 'queue.get':
      removeWaiter((o as QueueObj).waiters, t.tid);
      op(k, t, o!, 'timeout', { ok: false, loc: b.loc });
      return wakeThread(k, t, { kind: 'error', error: { type: 'Empty', cls: b.data.emptyCls } });
    case 'queue.put':
      removeWaiter((o as QueueObj).putters, t.tid);
      op(k, t, o!, 'timeout', { ok: false, loc: b.loc });
      return wakeThread(k, t, { kind: 'error', error: { type: 'Full', cls: b.data.fullCls } });
    default:
      return wakeThread(k, t, { kind: 'value', value: null });
  }
}
