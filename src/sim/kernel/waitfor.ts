// The wait-for graph: who waits for what, who holds what. It detects deadlocks (a cycle
// of waits, reported as soon as it forms, even while other threads still run) and
// describes hangs (nothing can ever run again, without a cycle).
//
// Nodes are threads (by tid "pid:n") and objects (by id "lock#3", or a tid for a join,
// "pid:12" for a process wait). Edges:
//   thread -> object   the thread is blocked waiting for the object
//   object -> thread   the object is held by the thread ("holders": the threads that can
//                      release it — a lock's owner, a semaphore's acquirers, the thread a
//                      join waits for, the threads of the child a wait() waits for)
//
// An object is "owned" when its holders are the only threads that can ever release it
// (locks, RLocks, semaphores with acquirers, joins, process waits). Events, conditions
// and queues are not owned: anyone may set/notify/put, so a wait on them is never part of
// a cycle; when nothing can run any more it is a hang.
//
// A thread is deadlocked when it waits without a timeout for an owned object all of whose
// holders are deadlocked too: the greatest set S with that property (computed by removing
// threads that have a way out until nothing changes). With one holder per object this is
// "on a cycle, or waiting for a thread on a cycle"; with several holders (a semaphore) all
// of them must be stuck. Threads that finished while holding a lock are not in S (their
// waiters are stuck but there is no cycle: a hang).
//
// Plain data plus functions, like the rest of the kernel.

import type { Loc, ObjRef, WaitEdge } from '../../trace/format';

export interface WfThread {
  tid: string;
  pid: number;
  name: string;
  /** creation order, for stable reports */
  order: number;
  finished: boolean;
  /** id of the object it is blocked on, or null */
  waitsFor: string | null;
  /** blocked with a timeout: it will wake by itself */
  timed: boolean;
  /** line of the blocking call */
  loc?: Loc;
}

export interface WfObject {
  ref: ObjRef;
  owned: boolean;
  /** threads that hold it / can release it, in acquisition order (duplicates allowed for
   * semaphores acquired twice by the same thread) */
  holders: string[];
}

export interface WaitForGraph {
  threads: Record<string, WfThread>;
  objects: Record<string, WfObject>;
  nextOrder: number;
}

export function createWaitFor(): WaitForGraph {
  return { threads: {}, objects: {}, nextOrder: 0 };
}

// ───────────────────────────── updates ─────────────────────────────

export function wfAddThread(g: WaitForGraph, tid: string, pid: number, name: string): void {
  g.threads[tid] = { tid, pid, name, order: g.nextOrder++, finished: false, waitsFor: null, timed: false };
}

export function wfRenameThread(g: WaitForGraph, tid: string, name: string): void {
  const t = g.threads[tid];
  if (t) t.name = name;
}

/** The thread ended. What it still holds stays held (a lock held by a dead thread is
 * never released: its waiters hang). */
export function wfFinishThread(g: WaitForGraph, tid: string): void {
  const t = g.threads[tid];
  if (!t) return;
  t.finished = true;
  t.waitsFor = null;
  t.timed = false;
  delete t.loc;
}

/** The thread vanished together with its process (fork child's non-forking threads, a
 * killed process): it holds nothing any more and waits for nothing. */
export function wfRemoveThread(g: WaitForGraph, tid: string): void {
  delete g.threads[tid];
  for (const o of Object.values(g.objects)) o.holders = o.holders.filter((h) => h !== tid);
}

export function wfAddObject(g: WaitForGraph, ref: ObjRef, owned: boolean, holders: string[] = []): void {
  g.objects[ref.id] = { ref, owned, holders: holders.slice() };
}

/** Updates the name/line of an object (the VM learns the variable name after creation). */
export function wfNameObject(g: WaitForGraph, id: string, name?: string, line?: number): void {
  const o = g.objects[id];
  if (!o) return;
  if (name !== undefined) o.ref.name = name;
  if (line !== undefined) o.ref.line = line;
}

export function wfRemoveObject(g: WaitForGraph, id: string): void {
  delete g.objects[id];
}

export function wfAddHolder(g: WaitForGraph, id: string, tid: string): void {
  g.objects[id]?.holders.push(tid);
}

/** Removes one holding by `tid` (or, if `tid` holds none, the oldest holder: a semaphore
 * released by a thread that did not acquire it). */
export function wfRemoveHolder(g: WaitForGraph, id: string, tid: string): void {
  const o = g.objects[id];
  if (!o || o.holders.length === 0) return;
  const i = o.holders.indexOf(tid);
  o.holders.splice(i >= 0 ? i : 0, 1);
}

export function wfSetHolders(g: WaitForGraph, id: string, tids: string[]): void {
  const o = g.objects[id];
  if (o) o.holders = tids.slice();
}

export function wfBlock(g: WaitForGraph, tid: string, objectId: string, opts: { timed?: boolean; loc?: Loc } = {}): void {
  const t = g.threads[tid];
  if (!t) throw new Error(`wait-for graph: unknown thread ${tid}`);
  t.waitsFor = objectId;
  t.timed = opts.timed ?? false;
  if (opts.loc) t.loc = opts.loc;
  else delete t.loc;
}

export function wfUnblock(g: WaitForGraph, tid: string): void {
  const t = g.threads[tid];
  if (!t) return;
  t.waitsFor = null;
  t.timed = false;
  delete t.loc;
}

// ───────────────────────────── queries ─────────────────────────────

/** Threads in creation order. */
function orderedThreads(g: WaitForGraph): WfThread[] {
  return Object.values(g.threads).sort((a, b) => a.order - b.order);
}

/** The deadlocked set S (see the header), as a set of tids. */
export function deadlockedSet(g: WaitForGraph): Set<string> {
  const s = new Set<string>();
  for (const t of Object.values(g.threads)) {
    if (t.finished || t.waitsFor === null || t.timed) continue;
    const o = g.objects[t.waitsFor];
    if (o && o.owned && o.holders.length > 0) s.add(t.tid);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const tid of [...s]) {
      const o = g.objects[g.threads[tid]!.waitsFor!]!;
      if (!o.holders.every((h) => s.has(h))) {
        s.delete(tid);
        changed = true;
      }
    }
  }
  return s;
}

/** tids on a cycle through `start`, in wait order (start first), or null. Follows only
 * holders in `stuck`. Holders are tried in order, so the result is deterministic. */
function cycleThrough(g: WaitForGraph, start: string, stuck: Set<string>): string[] | null {
  const path: string[] = [];
  const visited = new Set<string>();
  const dfs = (tid: string): boolean => {
    path.push(tid);
    visited.add(tid);
    const o = g.objects[g.threads[tid]!.waitsFor!]!;
    for (const h of o.holders) {
      if (h === start) return true;
      if (stuck.has(h) && !visited.has(h) && dfs(h)) return true;
    }
    path.pop();
    return false;
  };
  return dfs(start) ? path : null;
}

/** A report entry for a thread: what it waits for (and who holds it), the line of its
 * blocking call, and the objects it holds among `relevant` (default: all it holds that
 * some thread waits for). */
export function describeThread(g: WaitForGraph, tid: string, relevant?: Set<string>): WaitEdge {
  const t = g.threads[tid];
  if (!t) throw new Error(`wait-for graph: unknown thread ${tid}`);
  const waited = relevant ?? new Set(Object.values(g.threads).flatMap((x) => (x.waitsFor !== null ? [x.waitsFor] : [])));
  const holds: ObjRef[] = [];
  for (const o of Object.values(g.objects)) {
    if (o.holders.includes(tid) && waited.has(o.ref.id)) holds.push({ ...o.ref });
  }
  holds.sort((a, b) => compareIds(a.id, b.id));
  const o = t.waitsFor !== null ? g.objects[t.waitsFor] : undefined;
  const waitsFor: ObjRef & { holder?: string } = o ? { ...o.ref } : { kind: 'sleep', id: t.waitsFor ?? '?' };
  if (o && o.holders.length > 0) waitsFor.holder = o.holders[0]!;
  const edge: WaitEdge = { pid: t.pid, thread: tid, threadName: t.name, waitsFor };
  if (holds.length > 0) edge.holds = holds;
  if (t.loc) edge.loc = { ...t.loc };
  return edge;
}

/**
 * A deadlock cycle that `start` (a thread that just blocked) is part of, as report
 * entries in wait order beginning with the thread created first; null if `start` is not
 * on a cycle. Without `start`, the cycle through the earliest-created deadlocked thread
 * that is on one.
 */
export function findDeadlock(g: WaitForGraph, start?: string): WaitEdge[] | null {
  const stuck = deadlockedSet(g);
  if (stuck.size === 0) return null;
  let cycle: string[] | null = null;
  if (start !== undefined) {
    if (!stuck.has(start)) return null;
    cycle = cycleThrough(g, start, stuck);
  } else {
    for (const t of orderedThreads(g)) {
      if (stuck.has(t.tid) && (cycle = cycleThrough(g, t.tid, stuck))) break;
    }
  }
  if (!cycle) return null;
  // Rotate so that the earliest-created thread comes first (stable reports).
  let first = 0;
  for (let i = 1; i < cycle.length; i++) if (g.threads[cycle[i]!]!.order < g.threads[cycle[first]!]!.order) first = i;
  cycle = [...cycle.slice(first), ...cycle.slice(0, first)];
  const relevant = new Set(cycle.map((tid) => g.threads[tid]!.waitsFor!));
  return cycle.map((tid) => describeThread(g, tid, relevant));
}

/** A stable key for a cycle (to report each cycle once). */
export function cycleKey(cycle: WaitEdge[]): string {
  return cycle.map((e) => e.thread).sort().join(',');
}

/** Report entries for every blocked, unfinished thread (in creation order): what each
 * waits for. Used when nothing can run any more. `pid` restricts to one process. */
export function hangReport(g: WaitForGraph, pid?: number): WaitEdge[] {
  return orderedThreads(g)
    .filter((t) => !t.finished && t.waitsFor !== null && (pid === undefined || t.pid === pid))
    .map((t) => describeThread(g, t.tid));
}

/** The objects a thread holds (ids, in acquisition order across objects by id). */
export function heldBy(g: WaitForGraph, tid: string): string[] {
  return Object.values(g.objects)
    .filter((o) => o.holders.includes(tid))
    .map((o) => o.ref.id)
    .sort(compareIds);
}

/** Orders ids "lock#2" < "lock#10" < "queue#1", "1:2" < "1:10" (kind, then numbers). */
export function compareIds(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (i % 2 === 1) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
