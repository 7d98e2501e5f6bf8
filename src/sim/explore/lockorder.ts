// Lock-order analysis from ONE run, in the manner of Helgrind's and ThreadSanitizer's
// lock-order-inversion reports: every time a thread acquires lock B while holding lock A,
// the lock-order graph gets the edge A -> B (with where A was taken and where B was
// requested). A cycle whose edges were made by different threads is a POTENTIAL deadlock,
// even if this run did not deadlock: another schedule can interleave the threads so that
// each holds its first lock and waits for the next. A cycle where every edge was made
// while holding a common other lock (a "gate lock") cannot deadlock and is not reported;
// nor is a cycle made by a single thread.
//
// Input: the trace events of a run (sync.op acquire/release on locks and RLocks; thread
// names from thread.start/thread.rename). Pure: no kernel needed, so the language server
// can run it on any recorded trace.

import type { Loc, ObjRef, TraceEvent } from '../../trace/format';

export interface LockOrderEdge {
  /** the lock held... */
  from: ObjRef;
  /** ...while this one was acquired */
  to: ObjRef;
  /** the thread that did it */
  thread: string;
  threadName?: string;
  /** where `from` was acquired */
  heldAt?: Loc;
  /** where `to` was acquired */
  acquiredAt?: Loc;
}

export interface LockOrderCycle {
  /** the locks of the cycle, in order (edges[i] goes from locks[i] to locks[i+1]) */
  locks: ObjRef[];
  edges: LockOrderEdge[];
  /** one line: "potential deadlock: Thread-1 takes lock_a (line 9) then lock_b (line 12); Thread-2 takes lock_b (line 18) then lock_a (line 21)" */
  message: string;
}

interface Held {
  ref: ObjRef;
  loc?: Loc;
  count: number;
}

interface Witness extends LockOrderEdge {
  /** ids of the other locks the thread held at the time (gate locks) */
  gates: string[];
}

const MAX_CYCLE = 6;
const MAX_CYCLES = 50;

function isLock(o: ObjRef): boolean {
  return o.kind === 'lock' || o.kind === 'rlock';
}

/** Potential deadlocks (lock-order cycles) in a run's trace. */
export function lockOrderCycles(events: readonly TraceEvent[]): LockOrderCycle[] {
  const names = new Map<string, string>();
  const held = new Map<string, Held[]>(); // tid -> locks held, in acquisition order
  const refs = new Map<string, ObjRef>();
  /** from id -> to id -> thread -> first witness */
  const edges = new Map<string, Map<string, Map<string, Witness>>>();

  for (const e of events) {
    if (e.kind === 'thread.start' || e.kind === 'thread.rename') {
      names.set(e.tid, e.name);
      continue;
    }
    if (e.kind !== 'sync.op' || !isLock(e.object)) continue;
    const id = e.object.id;
    if (!refs.has(id)) refs.set(id, e.object);
    const list = held.get(e.tid) ?? [];
    held.set(e.tid, list);
    const mine = list.find((h) => h.ref.id === id);
    if (e.op === 'acquire' || e.op === 'wait') {
      // 'wait': the thread blocks requesting the lock (in a deadlock it never gets it,
      // but the order it asked for is what matters)
      if (e.ok === false) continue;
      if (mine) {
        if (e.op === 'wait') continue;
        mine.count++; // RLock re-entry: no new order
        continue;
      }
      for (const h of list) {
        const byTo = edges.get(h.ref.id) ?? new Map<string, Map<string, Witness>>();
        edges.set(h.ref.id, byTo);
        const byThread = byTo.get(id) ?? new Map<string, Witness>();
        byTo.set(id, byThread);
        if (byThread.has(e.tid)) continue;
        const w: Witness = {
          from: h.ref, to: e.object, thread: e.tid,
          gates: list.filter((g) => g !== h).map((g) => g.ref.id),
        };
        if (h.loc) w.heldAt = h.loc;
        if (e.loc) w.acquiredAt = e.loc;
        byThread.set(e.tid, w);
      }
      if (e.op === 'wait') continue; // its 'acquire' follows if it gets the lock
      const entry: Held = { ref: e.object, count: 1 };
      if (e.loc) entry.loc = e.loc;
      list.push(entry);
    } else if (e.op === 'release') {
      if (!mine) {
        // a Lock released by another thread than the one that took it
        for (const [, l] of held) {
          const i = l.findIndex((h) => h.ref.id === id);
          if (i >= 0) {
            l.splice(i, 1);
            break;
          }
        }
        continue;
      }
      if (e.object.kind === 'rlock' && e.value !== undefined && e.value > 0) {
        mine.count = e.value;
        continue;
      }
      list.splice(list.indexOf(mine), 1);
    }
  }

  const ids = [...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])];
  const order = [...new Set(ids)].sort();
  const rank = new Map(order.map((x, i) => [x, i]));
  const out: LockOrderCycle[] = [];
  const seen = new Set<string>();

  // elementary cycles, each found once from its smallest lock
  const path: string[] = [];
  const onPath = new Set<string>();
  const dfs = (start: string, at: string): void => {
    if (out.length >= MAX_CYCLES) return;
    for (const next of [...(edges.get(at)?.keys() ?? [])].sort()) {
      if (next === start && path.length >= 2) {
        report([...path]);
        continue;
      }
      if (onPath.has(next) || rank.get(next)! < rank.get(start)! || path.length >= MAX_CYCLE) continue;
      path.push(next);
      onPath.add(next);
      dfs(start, next);
      path.pop();
      onPath.delete(next);
    }
  };
  const report = (cycle: string[]): void => {
    const key = cycle.join('>');
    if (seen.has(key)) return;
    const chosen = pickWitnesses(cycle, edges);
    if (!chosen) return;
    seen.add(key);
    for (const w of chosen) {
      const n = names.get(w.thread);
      if (n !== undefined) w.threadName = n;
    }
    const edgesOut: LockOrderEdge[] = chosen.map(({ gates: _g, ...rest }) => rest);
    out.push({ locks: cycle.map((x) => refs.get(x)!), edges: edgesOut, message: describeCycle(edgesOut) });
  };
  for (const start of order) {
    path.length = 0;
    onPath.clear();
    path.push(start);
    onPath.add(start);
    dfs(start, start);
  }
  return out;
}

/** One witness per edge of the cycle, from pairwise different threads, without a gate
 * lock common to all of them; null when there is no such choice. */
function pickWitnesses(cycle: string[], edges: Map<string, Map<string, Map<string, Witness>>>): Witness[] | null {
  const options = cycle.map((from, i) => [...(edges.get(from)?.get(cycle[(i + 1) % cycle.length]!)?.values() ?? [])]);
  const chosen: Witness[] = [];
  const used = new Set<string>();
  const go = (i: number): boolean => {
    if (i === options.length) {
      const common = chosen.slice(1).reduce((acc, w) => acc.filter((g) => w.gates.includes(g)), chosen[0]!.gates);
      return common.length === 0;
    }
    for (const w of options[i]!) {
      if (used.has(w.thread)) continue;
      used.add(w.thread);
      chosen.push(w);
      if (go(i + 1)) return true;
      chosen.pop();
      used.delete(w.thread);
    }
    return false;
  };
  return go(0) ? chosen.map((w) => ({ ...w })) : null;
}

function lockName(o: ObjRef): string {
  return o.name ?? o.id;
}

function at(l?: Loc): string {
  return l ? ` (line ${l.line})` : '';
}

export function describeCycle(edges: LockOrderEdge[]): string {
  const parts = edges.map((e) =>
    `${e.threadName ?? e.thread} takes ${lockName(e.from)}${at(e.heldAt)} then ${lockName(e.to)}${at(e.acquiredAt)}`);
  return `potential deadlock (lock-order inversion): ${parts.join('; ')}`;
}
