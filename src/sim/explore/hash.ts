// A fingerprint of a paused machine, for pruning states the search has already explored
// (stateful search, as in CHESS and SPIN). It walks the whole simulated state — the
// kernel's plain data (threads, blocking objects, GIL, wait-for graph, timers) and,
// through the thread and process handles, the VM's heap and frames — and mixes it into a
// 64-bit hash, giving objects numbers in first-visit order so that isomorphic heaps hash
// alike whatever their JS identities.
//
// Like vm/snapshot.ts's stateHash, but streaming (no JSON text) and ABSTRACTING what does
// not decide the future of the program:
//   - counters and statistics: instructions executed, cost, trace sequence numbers, the
//     schedule recorded so far, GIL switch statistics, the output byte count;
//   - virtual time: absolute times are dropped (two interleavings that reach the same
//     state differ by a few context switches' worth of nanoseconds); pending timers are
//     kept in firing order, without their times;
//   - caches (type attribute caches).
// Two states with the same fingerprint can therefore still differ in timing: a program
// whose behaviour depends on exact virtual durations may have a pruned state behave
// differently. The explorer reports coverage "up to this abstraction".

import type { Machine } from '../kernel/kernel';
import { listTimers } from '../kernel/clock';
import { PyType, Sentinel } from '../vm/objects';
import { PyBuiltinFunction } from '../vm/function';
import { PyGetSet } from '../vm/types';

// local copies of the classes tested in the hot loop
const TypeClass = PyType;
const SentinelClass = Sentinel;
const BuiltinFnClass = PyBuiltinFunction;
const GetSetClass = PyGetSet;

/** Field names never hashed (see the header). */
const SKIP_KEYS: ReadonlySet<string> = new Set([
  // kernel: MachineState, KThread, KProcess, GilState, GilWaiter
  'sched', 'seq', 'lastT', 'steps', 'clock', 'opts', 'timers', 'time', 'heldSince', 'waitStart',
  'switchAtStart', 'requestedAt', 'stats', 'switchNumber', 'forcedAtSwitch', 'lastHolder', 'cpuNs',
  // vm: PyThreadState, VM, PyType
  'cost', 'outputBytes', 'host', 'registry', 'cache', 'cacheEpoch',
  // vm: PyDict's index (derived from its keys)
  'index',
]);

const keyHashes = new Map<string, number>();

class Hasher {
  h1 = 0x811c9dc5;
  h2 = 0x9e3779b9;
  mix(x: number): void {
    this.h1 = Math.imul(this.h1 ^ x, 0x01000193) >>> 0;
    this.h2 = Math.imul((this.h2 ^ x) + (this.h1 >>> 11), 0x5bd1e995) >>> 0;
    this.h2 ^= this.h2 >>> 15;
  }
  str(s: string): void {
    this.mix(s.length);
    for (let i = 0; i < s.length; i++) this.mix(s.charCodeAt(i));
  }
  /** a field name or a short string: hashed once (cached), then mixed as one number */
  key(k: string): void {
    let x = keyHashes.get(k);
    if (x === undefined) {
      if (keyHashes.size > 200_000) keyHashes.clear();
      x = 0x811c9dc5 ^ k.length;
      for (let i = 0; i < k.length; i++) x = Math.imul(x ^ k.charCodeAt(i), 0x01000193) >>> 0;
      keyHashes.set(k, x);
    }
    this.mix(x);
  }
  hex(): string {
    return this.h1.toString(16).padStart(8, '0') + this.h2.toString(16).padStart(8, '0');
  }
}

const T_NULL = 1, T_UNDEF = 2, T_TRUE = 3, T_FALSE = 4, T_INT = 5, T_NUM = 6, T_BIG = 7, T_STR = 8,
  T_REF = 9, T_NEW = 10, T_ATOM = 11, T_FN = 12, T_CODE = 13;

/** Stable numbers for prototypes (class instances are hashed with their class). */
const protoIds = new Map<object | null, number>();
function protoId(p: object | null): number {
  let id = protoIds.get(p);
  if (id === undefined) {
    id = protoIds.size + 1;
    protoIds.set(p, id);
  }
  return id;
}

const codeKeys = new WeakMap<object, string>();

/** Code objects are hashed by what identifies them in the program (the same code compiled
 * again in another run gets the same key): file, name, place and size. */
function codeKey(o: object): string | null {
  const known = codeKeys.get(o);
  if (known !== undefined) return known;
  if (Object.getPrototypeOf(o) !== Object.prototype) return null;
  const c = o as Record<string, unknown>;
  if (!('ops' in c && 'positions' in c && 'varnames' in c && 'consts' in c)) return null;
  const pos = c.positions as { line: number; col: number }[];
  const first = pos[0];
  const last = pos[pos.length - 1];
  const key = `${String(c.filename)}:${String(c.qualname)}:${String(c.firstLine)}:${(c.ops as unknown[]).length}`
    + `:${first ? `${first.line}.${first.col}` : ''}:${last ? `${last.line}.${last.col}` : ''}`;
  codeKeys.set(o, key);
  return key;
}

/** The fingerprint of any object graph (with the abstractions above). */
export function hashGraph(root: unknown): string {
  const h = new Hasher();
  const ids = new Map<object, number>();
  const queue: object[] = [];
  const val = (v: unknown): void => {
    switch (typeof v) {
      case 'number':
        if (Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff) {
          h.mix(T_INT);
          h.mix(v | 0);
        } else {
          h.mix(T_NUM);
          h.str(String(v));
        }
        return;
      case 'string':
        h.mix(T_STR);
        if (v.length <= 40) h.key(v);
        else h.str(v);
        return;
      case 'boolean':
        h.mix(v ? T_TRUE : T_FALSE);
        return;
      case 'bigint':
        h.mix(T_BIG);
        h.str(v.toString(16));
        return;
      case 'undefined':
        h.mix(T_UNDEF);
        return;
      case 'function':
        h.mix(T_FN);
        return;
      case 'symbol':
        h.mix(T_ATOM);
        h.str(String(v));
        return;
      default:
        break;
    }
    if (v === null) {
      h.mix(T_NULL);
      return;
    }
    const o = v as object;
    const seen = ids.get(o);
    if (seen !== undefined) {
      h.mix(T_REF);
      h.mix(seen);
      return;
    }
    if ((o instanceof TypeClass && o.builtin) || o instanceof BuiltinFnClass || o instanceof GetSetClass) {
      h.mix(T_ATOM);
      h.str((o as { id: string }).id);
      return;
    }
    if (o instanceof SentinelClass) {
      h.mix(T_ATOM);
      h.str(o.name);
      return;
    }
    const ck = codeKey(o);
    if (ck !== null) {
      h.mix(T_CODE);
      h.str(ck);
      return;
    }
    const id = ids.size + 1;
    ids.set(o, id);
    queue.push(o);
    h.mix(T_NEW);
    h.mix(protoId(Object.getPrototypeOf(o) as object | null));
  };
  val(root);
  for (let qi = 0; qi < queue.length; qi++) {
    const o = queue[qi]!;
    h.mix(0x7fff0000 + (qi & 0xffff));
    if (Array.isArray(o)) {
      h.mix(o.length);
      for (let i = 0; i < o.length; i++) val(o[i]);
    } else if (o instanceof Map) {
      h.mix(o.size);
      for (const [k, x] of o) {
        val(k);
        val(x);
      }
    } else if (o instanceof Set) {
      h.mix(o.size);
      for (const k of o) val(k);
    } else if (o instanceof Uint8Array) {
      h.mix(o.length);
      for (let i = 0; i < o.length; i++) h.mix(o[i]!);
    } else {
      const rec = o as Record<string, unknown>;
      for (const key in rec) {
        if (!Object.prototype.hasOwnProperty.call(rec, key) || SKIP_KEYS.has(key)) continue;
        h.key(key);
        val(rec[key]);
      }
    }
  }
  return h.hex();
}

/** The fingerprint of a machine paused at a decision point. */
export function machineHash(m: Machine): string {
  const s = m.state;
  return hashGraph({
    procs: s.procs,
    threads: s.threads,
    objects: s.objects,
    counters: s.counters,
    wf: s.wf,
    cores: s.cores,
    nextPid: s.nextPid,
    reported: s.reported,
    pending: s.pending,
    timers: listTimers(s.timers).map((t) => t.payload),
  });
}
