// Blocking objects owned by the kernel: the state behind threading.Lock, RLock, Condition,
// Semaphore/BoundedSemaphore, Event, Barrier and queue.Queue & co. Python objects hold only
// the id ("lock#3"); the kernel keeps the state, the waiters and their order.
//
// Waiter lists are FIFO. A thread woken by a release does not own the object yet: a
// 'retry' timer (MachineOptions.wakeLatencyNs later) gives it to the first waiter if it is
// still available then, so a running thread may take it back first, as with CPython's
// unfair locks. Events, joins and barriers wake their waiters unconditionally.

import type { BlockKind, ObjRef } from '../../trace/format';
import { assertUnreachable } from '../util/assert';

export type SyncKind = 'lock' | 'rlock' | 'semaphore' | 'event' | 'condition' | 'barrier' | 'queue';

interface SyncBase {
  id: string;
  kind: SyncKind;
  name?: string;
  line?: number;
  pid: number;
  /** threads blocked on it, FIFO */
  waiters: string[];
  /** a retry timer is armed */
  waking: boolean;
  /** issue 6: a multiprocessing object, the same in every process (fork does not copy it) */
  shared?: boolean;
}

export interface LockObj extends SyncBase {
  kind: 'lock';
  owner: string | null;
}

export interface RLockObj extends SyncBase {
  kind: 'rlock';
  owner: string | null;
  count: number;
}

export interface SemaphoreObj extends SyncBase {
  kind: 'semaphore';
  value: number;
  /** BoundedSemaphore: the initial value, which release may not exceed; else null */
  bound: number | null;
}

export interface EventObj extends SyncBase {
  kind: 'event';
  flag: boolean;
}

export interface ConditionObj extends SyncBase {
  kind: 'condition';
  /** id of its lock (a LockObj or RLockObj) */
  lock: string;
}

export type BarrierPhase = 'filling' | 'draining' | 'broken';

export interface BarrierObj extends SyncBase {
  kind: 'barrier';
  parties: number;
  /** threads arrived in the current cycle */
  count: number;
  phase: BarrierPhase;
}

export type QueueFlavor = 'fifo' | 'lifo' | 'priority' | 'simple';

export interface QueueObj extends SyncBase {
  kind: 'queue';
  flavor: QueueFlavor;
  maxsize: number;
  items: unknown[];
  /** msgIds pairing each item's put with its get (parallel to items) */
  msgIds: string[];
  unfinished: number;
  /** waiters: getters are in `waiters`; these wait to put (item kept in their block) */
  putters: string[];
  /** threads in join() */
  joiners: string[];
  nextMsg: number;
}

export type SyncObject = LockObj | RLockObj | SemaphoreObj | EventObj | ConditionObj | BarrierObj | QueueObj;

/** The wait-for graph's view: can its holders alone release it? */
export function isOwned(o: SyncObject): boolean {
  return o.kind === 'lock' || o.kind === 'rlock' || o.kind === 'semaphore';
}

/** The trace's block kind for an object. */
export function blockKindOf(o: SyncObject): BlockKind {
  return o.kind;
}

export function objRef(o: SyncObject): ObjRef {
  const r: ObjRef = { kind: blockKindOf(o), id: o.id };
  if (o.name !== undefined) r.name = o.name;
  if (o.line !== undefined) r.line = o.line;
  return r;
}

export type SyncInit =
  | { kind: 'lock' }
  | { kind: 'rlock' }
  | { kind: 'semaphore'; value: number; bounded: boolean }
  | { kind: 'event' }
  | { kind: 'condition'; lock: string }
  | { kind: 'barrier'; parties: number }
  | { kind: 'queue'; flavor: QueueFlavor; maxsize: number };

export function newSyncObject(id: string, pid: number, init: SyncInit): SyncObject {
  const base = { id, pid, waiters: [] as string[], waking: false };
  switch (init.kind) {
    case 'lock':
      return { ...base, kind: 'lock', owner: null };
    case 'rlock':
      return { ...base, kind: 'rlock', owner: null, count: 0 };
    case 'semaphore':
      return { ...base, kind: 'semaphore', value: init.value, bound: init.bounded ? init.value : null };
    case 'event':
      return { ...base, kind: 'event', flag: false };
    case 'condition':
      return { ...base, kind: 'condition', lock: init.lock };
    case 'barrier':
      return { ...base, kind: 'barrier', parties: init.parties, count: 0, phase: 'filling' };
    case 'queue':
      return {
        ...base, kind: 'queue', flavor: init.flavor, maxsize: init.maxsize, items: [], msgIds: [],
        unfinished: 0, putters: [], joiners: [], nextMsg: 1,
      };
    default:
      return assertUnreachable(init);
  }
}

/** Queue: the number of items, and whether a put must wait. */
export function queueFull(q: QueueObj): boolean {
  return q.maxsize > 0 && q.items.length >= q.maxsize;
}

/**
 * Inserts an item in queue order and returns its index. FIFO/simple append; LIFO appends
 * (get takes the last); priority keeps `items` sorted ascending with `less` (a stable
 * insert after equal items, like heapq for distinct priorities).
 */
export function queueInsert(q: QueueObj, item: unknown, msgId: string, less: (a: unknown, b: unknown) => boolean): void {
  if (q.flavor !== 'priority') {
    q.items.push(item);
    q.msgIds.push(msgId);
    return;
  }
  let lo = 0;
  let hi = q.items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (less(item, q.items[mid])) hi = mid;
    else lo = mid + 1;
  }
  q.items.splice(lo, 0, item);
  q.msgIds.splice(lo, 0, msgId);
}

/** Removes the next item in queue order. */
export function queueTake(q: QueueObj): { item: unknown; msgId: string } {
  if (q.flavor === 'lifo') return { item: q.items.pop(), msgId: q.msgIds.pop()! };
  return { item: q.items.shift(), msgId: q.msgIds.shift()! };
}
