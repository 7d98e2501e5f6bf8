// Snapshots of VM state: deep copy with an identity map (fork, branching) and
// serialization to JSON-able data (save/restore, hashing).
//
// State is plain data: arrays, plain objects, Maps/Sets, and instances of classes
// registered with registerClass (types.ts). Shared, immutable things are "atoms", never
// copied and serialized by id: builtin types, builtin functions, getset descriptors,
// sentinels, NotImplemented/Ellipsis/(), and (for deepCopy only) code objects. The VM's
// host and module registry are transient: kept by reference in copies, omitted from
// serialized data and re-attached by `deserialize`.

import {
  PyType, PyTuple, Sentinel, NotImplemented, Ellipsis, EMPTY_TUPLE, BUILTIN_TYPES_BY_ID,
  NULL, UNBOUND, ITER_STOP, NO_RESULT, PUSHED, SUSPENDED,
} from './objects';
import { DELETED, EMPTY, CUSTOM_KEY, SMALL_INDEX, bumpHid } from './dict';
import { PyBuiltinFunction } from './function';
import {
  PyGetSet, getBuiltinById, getGetSetById, classNameOfProto, protoByClassName,
} from './types';
import { VM, type VMHost, type ModuleRegistry } from './vm';

const SENTINELS = new Map<string, Sentinel>(
  [NULL, UNBOUND, ITER_STOP, NO_RESULT, PUSHED, SUSPENDED, DELETED, EMPTY, CUSTOM_KEY].map((s) => [s.name, s]),
);
const SINGLETONS = new Map<string, object>([
  ['NotImplemented', NotImplemented],
  ['Ellipsis', Ellipsis],
  ['()', EMPTY_TUPLE],
  ['smallIndex', SMALL_INDEX],
]);
const SINGLETON_NAMES = new Map<object, string>([...SINGLETONS].map(([k, v]) => [v, k]));

function isCodeObject(o: object): boolean {
  return Object.getPrototypeOf(o) === Object.prototype && 'ops' in o && 'positions' in o && 'varnames' in o && 'consts' in o;
}

function isAtom(o: object): boolean {
  if (o instanceof PyType) return o.builtin;
  return o instanceof PyBuiltinFunction || o instanceof PyGetSet || o instanceof Sentinel || SINGLETON_NAMES.has(o);
}

/** Fields never copied: kept by reference (deepCopy) or dropped (serialize). */
const TRANSIENT: Map<object, Set<string>> = new Map([[VM.prototype, new Set(['host', 'registry'])]]);
/** Fields reset in copies (caches). */
const RESET_FIELDS: Map<object, Record<string, unknown>> = new Map([
  [PyType.prototype, { cache: null, cacheEpoch: -1 }],
]);

// ------------------------------------------------------------------ deep copy

/** Copies the object graph reachable from `root`, preserving sharing and cycles. Atoms
 *  and code objects are shared with the original. `memo` may be passed to copy several
 *  roots consistently (e.g. a process and the thread that forks it). */
export function deepCopy<T>(root: T, memo: Map<object, object> = new Map()): T {
  const work: [object, object][] = [];
  const copyOf = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function') throw new Error('deepCopy: a JS function is part of VM state');
      return v;
    }
    const o = v as object;
    const m = memo.get(o);
    if (m !== undefined) return m;
    if (isAtom(o) || isCodeObject(o)) return o;
    let c: object;
    if (Array.isArray(o)) c = new Array(o.length);
    else if (o instanceof Map) c = new Map();
    else if (o instanceof Set) c = new Set();
    else if (o instanceof Uint8Array) c = o.slice();
    else c = Object.create(Object.getPrototypeOf(o)) as object;
    memo.set(o, c);
    work.push([o, c]);
    return c;
  };
  const result = copyOf(root) as T;
  while (work.length > 0) {
    const [o, c] = work.pop()!;
    if (Array.isArray(o)) {
      const a = c as unknown[];
      for (let i = 0; i < o.length; i++) a[i] = copyOf(o[i]);
    } else if (o instanceof Map) {
      for (const [k, v] of o) (c as Map<unknown, unknown>).set(copyOf(k), copyOf(v));
    } else if (o instanceof Set) {
      for (const k of o) (c as Set<unknown>).add(copyOf(k));
    } else if (o instanceof Uint8Array) {
      // already copied
    } else {
      const proto = Object.getPrototypeOf(o) as object;
      const transient = transientFor(proto);
      const reset = resetFor(proto);
      for (const key of Object.keys(o)) {
        const v = (o as Record<string, unknown>)[key];
        if (transient?.has(key)) (c as Record<string, unknown>)[key] = v;
        else if (reset && key in reset) (c as Record<string, unknown>)[key] = reset[key];
        else (c as Record<string, unknown>)[key] = copyOf(v);
      }
    }
  }
  return result;
}

function transientFor(proto: object | null): Set<string> | undefined {
  for (let p = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    const t = TRANSIENT.get(p);
    if (t) return t;
  }
  return undefined;
}
function resetFor(proto: object | null): Record<string, unknown> | undefined {
  for (let p = proto; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    const t = RESET_FIELDS.get(p);
    if (t) return t;
  }
  return undefined;
}

// ------------------------------------------------------------------ serialize

export interface Snapshot {
  version: 1;
  root: unknown;
  objects: unknown[];
}

type Enc = unknown;

/** Serializes the graph from `root` to JSON-able data. */
export function serialize(root: unknown): Snapshot {
  const ids = new Map<object, number>();
  const objects: unknown[] = [];
  const work: object[] = [];
  const enc = (v: unknown): Enc => {
    switch (typeof v) {
      case 'number':
        if (Number.isNaN(v)) return { n: 'NaN' };
        if (v === Infinity) return { n: 'Inf' };
        if (v === -Infinity) return { n: '-Inf' };
        if (Object.is(v, -0)) return { n: '-0' };
        return v;
      case 'string':
      case 'boolean':
        return v;
      case 'bigint':
        return { b: v.toString() };
      case 'undefined':
        return { u: 1 };
      case 'function':
        throw new Error('serialize: a JS function is part of VM state');
      default:
        break;
    }
    if (v === null) return null;
    const o = v as object;
    if (o instanceof PyType && o.builtin) return { t: o.id };
    if (o instanceof PyBuiltinFunction) return { f: o.id };
    if (o instanceof PyGetSet) return { g: o.id };
    if (o instanceof Sentinel) return { s: o.name };
    const single = SINGLETON_NAMES.get(o);
    if (single !== undefined) return { a: single };
    let id = ids.get(o);
    if (id === undefined) {
      id = objects.length;
      ids.set(o, id);
      objects.push(null);
      work.push(o);
    }
    return { r: id };
  };
  const rootEnc = enc(root);
  while (work.length > 0) {
    const o = work.pop()!;
    const id = ids.get(o)!;
    let entry: unknown;
    if (Array.isArray(o)) entry = { c: 'A', v: o.map(enc) };
    else if (o instanceof Map) entry = { c: 'M', v: [...o].map(([k, v]) => [enc(k), enc(v)]) };
    else if (o instanceof Set) entry = { c: 'S', v: [...o].map(enc) };
    else if (o instanceof Uint8Array) entry = { c: 'U8', v: Array.from(o) };
    else {
      const proto = Object.getPrototypeOf(o) as object | null;
      let cname: string;
      if (proto === Object.prototype || proto === null) cname = 'O';
      else {
        const n = classNameOfProto(proto);
        if (n === undefined) throw new Error(`serialize: unregistered class ${(proto as { constructor?: { name?: string } }).constructor?.name ?? '?'}`);
        cname = n;
      }
      const transient = proto ? transientFor(proto) : undefined;
      const reset = proto ? resetFor(proto) : undefined;
      const fields: Record<string, Enc> = {};
      for (const key of Object.keys(o)) {
        if (transient?.has(key)) continue;
        const v = reset && key in reset ? reset[key] : (o as Record<string, unknown>)[key];
        fields[key] = enc(v);
      }
      entry = { c: cname, v: fields };
    }
    objects[id] = entry;
  }
  return { version: 1, root: rootEnc, objects };
}

/** Rebuilds a graph serialized by `serialize`. VM objects get `host` and `registry`. */
export function deserialize<T>(snap: Snapshot, host: VMHost, registry: ModuleRegistry): T {
  const objs: object[] = new Array(snap.objects.length);
  // allocate
  snap.objects.forEach((e, i) => {
    const { c } = e as { c: string };
    if (c === 'A') objs[i] = [];
    else if (c === 'M') objs[i] = new Map();
    else if (c === 'S') objs[i] = new Set();
    else if (c === 'U8') objs[i] = new Uint8Array((e as { v: number[] }).v);
    else if (c === 'O') objs[i] = {};
    else {
      const proto = protoByClassName(c);
      if (!proto) throw new Error(`deserialize: unknown class ${c}`);
      objs[i] = Object.create(proto) as object;
    }
  });
  let maxHid = 0;
  const dec = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const r = v as Record<string, unknown>;
    if ('r' in r) return objs[r.r as number];
    if ('n' in r) return r.n === 'NaN' ? NaN : r.n === 'Inf' ? Infinity : r.n === '-Inf' ? -Infinity : -0;
    if ('b' in r) return BigInt(r.b as string);
    if ('u' in r) return undefined;
    if ('t' in r) {
      const t = BUILTIN_TYPES_BY_ID.get(r.t as string);
      if (!t) throw new Error(`deserialize: unknown builtin type ${String(r.t)}`);
      return t;
    }
    if ('f' in r) {
      const f = getBuiltinById(r.f as string);
      if (!f) throw new Error(`deserialize: unknown builtin ${String(r.f)}`);
      return f;
    }
    if ('g' in r) return getGetSetById(r.g as string);
    if ('s' in r) return SENTINELS.get(r.s as string);
    if ('a' in r) return SINGLETONS.get(r.a as string);
    throw new Error('deserialize: bad value');
  };
  snap.objects.forEach((e, i) => {
    const { c, v } = e as { c: string; v: unknown };
    const o = objs[i]!;
    if (c === 'A') for (const x of v as unknown[]) (o as unknown[]).push(dec(x));
    else if (c === 'M') for (const [k, x] of v as [unknown, unknown][]) (o as Map<unknown, unknown>).set(dec(k), dec(x));
    else if (c === 'S') for (const x of v as unknown[]) (o as Set<unknown>).add(dec(x));
    else if (c !== 'U8') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const d = dec(x);
        (o as Record<string, unknown>)[k] = d;
        if (k === '_hid' && typeof d === 'number' && d > maxHid) maxHid = d;
      }
      if (o instanceof VM) {
        o.host = host;
        o.registry = registry;
      }
    }
  });
  bumpHid(maxHid);
  return dec(snap.root) as T;
}

/** A hash of the serialized state (FNV-1a 64 over the JSON text), as 16 hex digits. */
export function stateHash(root: unknown): string {
  const text = JSON.stringify(serialize(root));
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193) >>> 0;
    h2 = (h2 + (h1 >>> 7)) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export { PyTuple };

/** fork(): copies the process (VM heap, streams with their unflushed buffers) and the
 *  calling thread only. The child's VM lists just that thread; other threads' frames are
 *  not copied (their objects still are when reachable from the heap, e.g. held locks). */
export function forkVM(vm: VM, thread: import('./frame').PyThreadState): { vm: VM; thread: import('./frame').PyThreadState } {
  const saved = vm.threads;
  vm.threads = [thread];
  try {
    return deepCopy({ vm, thread });
  } finally {
    vm.threads = saved;
  }
}
