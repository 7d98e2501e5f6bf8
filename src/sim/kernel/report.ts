// Human-readable deadlock and hang reports, for the CLI's stderr, --json summaries and the
// editor's diagnostics. Input: the wait-for graph's report entries (trace format WaitEdge).
//
//   threadline: deadlock: 2 threads wait for each other forever
//     Thread-1 (t1) waits for lock_b (Lock, line 6) held by Thread-2 (t2)
//         at dead_lock.py:12; it holds lock_a (line 5)
//     Thread-2 (t2) waits for lock_a (Lock, line 5) held by Thread-1 (t1)
//         at dead_lock.py:21; it holds lock_b (line 6)

import type { ObjRef, WaitEdge } from '../../trace/format';

const KIND_WORD: Record<string, string> = {
  lock: 'Lock', rlock: 'RLock', condition: 'Condition', semaphore: 'Semaphore', event: 'Event', queue: 'Queue',
  join: 'thread', barrier: 'Barrier', sleep: 'sleep', pipe: 'pipe', wait: 'child process', pause: 'signal', gil: 'GIL',
};

/** "lock_b (Lock, line 6)", "queue#1 (Queue)", "Thread-2 (t2) (thread)". */
export function describeObject(o: ObjRef): string {
  const word = KIND_WORD[o.kind] ?? o.kind;
  const name = o.name ?? o.id;
  if (o.kind === 'join') return `the end of ${name}`;
  const where = o.line !== undefined ? `, line ${o.line}` : '';
  return `${name} (${word}${where})`;
}

function threadName(e: WaitEdge): string {
  return e.threadName ?? e.thread;
}

function nameOf(edges: readonly WaitEdge[], names: Record<string, string>, tid: string): string {
  return names[tid] ?? edges.find((e) => e.thread === tid)?.threadName ?? tid;
}

/** One line per edge: "T waits for X held by U". */
export function edgeSentence(e: WaitEdge, edges: readonly WaitEdge[], names: Record<string, string> = {}): string {
  let s = `${threadName(e)} waits for ${describeObject(e.waitsFor)}`;
  if (e.waitsFor.holder !== undefined && e.waitsFor.kind !== 'join') s += ` held by ${nameOf(edges, names, e.waitsFor.holder)}`;
  return s;
}

/** The one-line summary ("Thread-1 waits for lock_b held by Thread-2; Thread-2 waits ..."). */
export function reportSummary(edges: readonly WaitEdge[], names: Record<string, string> = {}): string {
  return edges.map((e) => edgeSentence(e, edges, names)).join('; ');
}

/** The multi-line report printed on stderr. `names` maps tids to thread names for
 * holders outside `edges`. */
export function formatReport(kind: 'deadlock' | 'hang', edges: readonly WaitEdge[], names: Record<string, string> = {}): string {
  const n = edges.length;
  const head = kind === 'deadlock'
    ? `threadline: deadlock: ${n === 1 ? 'a thread waits for itself' : `${n} threads wait for each other`} forever`
    : `threadline: hang: no thread can ever run again (${n} blocked, no deadlock cycle)`;
  const lines = [head];
  for (const e of edges) {
    lines.push(`  ${edgeSentence(e, edges, names)}`);
    const at = e.loc ? `at ${e.loc.file}:${e.loc.line}` : '';
    const holds = e.holds && e.holds.length > 0 ? `it holds ${e.holds.map(describeObject).join(', ')}` : '';
    const tail = [at, holds].filter((x) => x !== '').join('; ');
    if (tail) lines.push(`      ${tail}`);
  }
  return lines.join('\n') + '\n';
}
