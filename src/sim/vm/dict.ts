// dict, set and frozenset: insertion-ordered hash tables keyed with Python equality.
//
// Every key is reduced to a canonical JS "map key" (`keyOf`) so that Python-equal keys map
// to the same JS Map entry: 1, 1.0 and True -> 1; huge ints/floats -> bigint; str -> the
// string itself; tuples, frozensets and bytes -> a structural string encoding (prefixed
// with \u0001, plain strings starting with \u0001 are escaped); objects hashed by identity
// -> the object itself. Objects whose class defines __hash__/__eq__ in Python ("custom")
// cannot be reduced without calling Python: `keyOf` returns CUSTOM_KEY, and the VM's
// resumable slow path (a native frame) computes the hash and compares with __eq__, then
// uses the `*Custom` entry points below with the key '\u0001H' + hash.
//
// Storage: parallel arrays `keys`/`vals` in insertion order with DELETED holes, and
// `index: Map<canonical key, slot | slot[]>` (slot[] only for custom keys sharing a hash).
// All fields are plain data; snapshot.ts copies the Map generically.

import {
  PyObject, PyType, PyValue, PyFloat, PyTuple, PyBytes, PyIntSubclass, PyStrSubclass, Sentinel,
  dictType, setType, frozensetType, typeOf,
} from './objects';
import { hashInt, hashFloat, hashStr, hashTuple } from './hash';

export const DELETED = new Sentinel('DELETED');
/** keyOf's answer for keys that need a Python __hash__ call. */
export const CUSTOM_KEY = new Sentinel('CUSTOM_KEY');

/** Thrown (as a plain JS value) by keyOf for an unhashable key; the VM turns it into
 *  TypeError: unhashable type: 'list'. */
export class UnhashableError {
  constructor(readonly typeName: string) {}
}

let nextHid = 1;
/** A stable per-object number used inside structural keys. Stored on the object so that
 *  snapshots keep it; `bumpHid` is called after deserialization. */
export function objectHid(o: PyObject): number {
  const r = o as PyObject & { _hid?: number };
  if (r._hid === undefined) r._hid = nextHid++;
  return r._hid;
}
export function bumpHid(atLeast: number): void {
  if (nextHid <= atLeast) nextHid = atLeast + 1;
}

/** Canonical map key of a hashable Python value, CUSTOM_KEY, or throws UnhashableError. */
export function keyOf(k: PyValue): unknown {
  switch (typeof k) {
    case 'number':
    case 'bigint':
      return k;
    case 'string':
      return k.length > 0 && k.charCodeAt(0) === 1 ? '\u0001S' + k : k;
    case 'boolean':
      return k ? 1 : 0;
    default:
      break;
  }
  if (k === null) return null;
  if (k instanceof PyFloat) return floatKey(k.value);
  if (k instanceof PyTuple || k instanceof PyFrozenSet || k instanceof PyBytes) return '\u0001' + encodeKey(k);
  const kind = k.cls.hashKind;
  if (kind === 'custom') return CUSTOM_KEY;
  if (kind === 'none') throw new UnhashableError(k.cls.name);
  if (k instanceof PyIntSubclass) return k.value;
  if (k instanceof PyStrSubclass) return keyOf(k.value);
  return k;
}

function floatKey(v: number): unknown {
  if (Number.isInteger(v)) return Number.isSafeInteger(v) ? v : BigInt(v);
  return v; // non-integral: no int equals it; NaN collapses (documented difference)
}

function encodeKey(k: PyValue): string {
  switch (typeof k) {
    case 'number':
    case 'bigint':
      return 'i' + String(k);
    case 'boolean':
      return k ? 'i1' : 'i0';
    case 'string':
      return 's' + k.length + ':' + k;
    default:
      break;
  }
  if (k === null) return 'N';
  if (k instanceof PyFloat) {
    const fk = floatKey(k.value);
    return typeof fk === 'number' && !Number.isInteger(fk) ? 'f' + String(fk) : 'i' + String(fk);
  }
  if (k instanceof PyTuple) return 'T' + k.items.length + '(' + k.items.map(encodeKey).join(',') + ')';
  if (k instanceof PyFrozenSet) {
    const parts: string[] = [];
    for (const x of k.keyList()) parts.push(encodeKey(x));
    parts.sort();
    return 'F' + parts.length + '(' + parts.join(',') + ')';
  }
  if (k instanceof PyBytes) return 'B' + Array.from(k.bytes).join('.');
  const kind = k.cls.hashKind;
  if (kind === 'none') throw new UnhashableError(k.cls.name);
  if (k instanceof PyIntSubclass) return 'i' + String(k.value);
  if (k instanceof PyStrSubclass) return encodeKey(k.value);
  // identity (custom-hash objects inside tuples are compared by identity: a documented
  // simplification)
  return 'o' + objectHid(k);
}

export function customKey(hash: number | bigint): string {
  return '\u0001H' + String(hash);
}

// ------------------------------------------------------------------ dict

/** The shared, always-empty index of small dicts (at most SMALL_DICT entries and no
 *  Python-hashed keys): they find keys by a linear scan, which is faster than a Map for
 *  instance dicts and avoids allocating one per object. Snapshots treat it as an atom. */
export const SMALL_INDEX: Map<unknown, number | number[]> = new Map();
const SMALL_DICT = 8;

export class PyDict extends PyObject {
  declare keys: (PyValue | Sentinel)[];
  declare vals: PyValue[];
  /** Canonical key -> slot (slot[] for custom keys); SMALL_INDEX while the dict is small. */
  declare index: Map<unknown, number | number[]>;
  declare size: number;
  /** Bumped on every insertion/deletion (not on value replacement): iterators check it. */
  declare version: number;

  constructor(cls: PyType = dictType) {
    super(cls);
    this.keys = [];
    this.vals = [];
    this.index = SMALL_INDEX;
    this.size = 0;
    this.version = 0;
  }

  /** The slot of canonical key `ck`, or -1. */
  slotOf(ck: unknown): number {
    const idx = this.index;
    if (idx !== SMALL_INDEX) {
      const i = idx.get(ck);
      return i === undefined ? -1 : (i as number);
    }
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k === ck) return i;
      const t = typeof k;
      if (t === 'number' || (t === 'string' && (k as string).charCodeAt(0) !== 1) || k === DELETED) continue;
      if (keyOf(k as PyValue) === ck) return i;
    }
    return -1;
  }

  /** Switches a small dict to a Map index. */
  private toMap(): void {
    if (this.index !== SMALL_INDEX) return;
    const m = new Map<unknown, number | number[]>();
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k !== DELETED) m.set(keyOf(k as PyValue), i);
    }
    this.index = m;
  }

  /** Fast path for str keys (attribute dicts, globals). */
  getStr(name: string): PyValue | undefined {
    if (this.index === SMALL_INDEX && (name.length === 0 || name.charCodeAt(0) !== 1)) {
      const keys = this.keys;
      for (let i = 0; i < keys.length; i++) if (keys[i] === name) return this.vals[i];
      return undefined;
    }
    const i = this.slotOf(name.length > 0 && name.charCodeAt(0) === 1 ? '\u0001S' + name : name);
    return i < 0 ? undefined : this.vals[i];
  }
  setStr(name: string, v: PyValue): void {
    this.setCk(name.length > 0 && name.charCodeAt(0) === 1 ? '\u0001S' + name : name, name, v);
  }
  delStr(name: string): boolean {
    return this.deleteCk(name.length > 0 && name.charCodeAt(0) === 1 ? '\u0001S' + name : name);
  }

  /** Lookup by canonical key (from keyOf, never CUSTOM_KEY). */
  getCk(ck: unknown): PyValue | undefined {
    const i = this.slotOf(ck);
    return i < 0 ? undefined : this.vals[i];
  }
  hasCk(ck: unknown): boolean {
    return this.slotOf(ck) >= 0;
  }
  setCk(ck: unknown, key: PyValue, v: PyValue): void {
    const i = this.slotOf(ck);
    if (i >= 0) {
      this.vals[i] = v;
      return;
    }
    if (this.index === SMALL_INDEX) {
      if (this.size >= SMALL_DICT || this.keys.length >= 2 * SMALL_DICT) this.toMap();
    }
    if (this.index !== SMALL_INDEX) this.index.set(ck, this.keys.length);
    this.keys.push(key);
    this.vals.push(v);
    this.size++;
    this.version++;
  }
  deleteCk(ck: unknown): boolean {
    const i = this.slotOf(ck);
    if (i < 0) return false;
    if (this.index !== SMALL_INDEX) this.index.delete(ck);
    this.removeSlot(i);
    return true;
  }

  /** Convenience for keys that keyOf can reduce (throws UnhashableError; must not be custom). */
  get(key: PyValue): PyValue | undefined {
    return this.getCk(keyOf(key));
  }
  set(key: PyValue, v: PyValue): void {
    this.setCk(keyOf(key), key, v);
  }

  // -- custom-hash entry points (used by the VM's resumable slow path)
  customSlots(hash: number | bigint): number[] {
    const e = this.index.get(customKey(hash));
    return e === undefined ? [] : (e as number[]);
  }
  addCustom(hash: number | bigint, key: PyValue, v: PyValue): void {
    this.toMap();
    const ck = customKey(hash);
    const e = this.index.get(ck) as number[] | undefined;
    const slot = this.keys.length;
    if (e) e.push(slot);
    else this.index.set(ck, [slot]);
    this.keys.push(key);
    this.vals.push(v);
    this.size++;
    this.version++;
  }
  deleteCustomSlot(hash: number | bigint, slot: number): void {
    const ck = customKey(hash);
    const e = this.index.get(ck) as number[] | undefined;
    if (e) {
      const j = e.indexOf(slot);
      if (j >= 0) e.splice(j, 1);
      if (e.length === 0) this.index.delete(ck);
    }
    this.removeSlot(slot);
  }

  private removeSlot(i: number): void {
    this.keys[i] = DELETED;
    this.vals[i] = null;
    this.size--;
    this.version++;
    if (this.keys.length > 16 && this.size * 2 < this.keys.length) this.compact();
  }

  /** Removes holes and rebuilds the index. Slot numbers change (iterators use version). */
  compact(): void {
    const keys: (PyValue | Sentinel)[] = [];
    const vals: PyValue[] = [];
    const remap = new Map<number, number>();
    for (let i = 0; i < this.keys.length; i++) {
      if (this.keys[i] === DELETED) continue;
      remap.set(i, keys.length);
      keys.push(this.keys[i]!);
      vals.push(this.vals[i]!);
    }
    if (this.index !== SMALL_INDEX) {
      for (const [ck, e] of this.index) {
        if (typeof e === 'number') this.index.set(ck, remap.get(e)!);
        else this.index.set(ck, e.map((s) => remap.get(s)!));
      }
    }
    this.keys = keys;
    this.vals = vals;
  }

  clear(): void {
    this.keys = [];
    this.vals = [];
    this.index = SMALL_INDEX;
    this.size = 0;
    this.version++;
  }

  /** Live keys in order (a fresh array). */
  keyList(): PyValue[] {
    const out: PyValue[] = [];
    for (const k of this.keys) if (k !== DELETED) out.push(k as PyValue);
    return out;
  }
  valueList(): PyValue[] {
    const out: PyValue[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== DELETED) out.push(this.vals[i]!);
    return out;
  }
  /** Calls f(key, value) for each live entry in order. */
  forEach(f: (k: PyValue, v: PyValue) => void): void {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i]!;
      if (k !== DELETED) f(k as PyValue, this.vals[i]!);
    }
  }

  /** A shallow copy with the same class `cls` (default dict). */
  copy(cls: PyType = dictType): PyDict {
    const d = new PyDict(cls);
    d.keys = this.keys.slice();
    d.vals = this.vals.slice();
    if (this.index !== SMALL_INDEX) {
      d.index = new Map();
      for (const [ck, e] of this.index) d.index.set(ck, typeof e === 'number' ? e : e.slice());
    }
    d.size = this.size;
    return d;
  }
}

// ------------------------------------------------------------------ set / frozenset

/** An unused slot of a set's hash table. */
export const EMPTY = new Sentinel('EMPTY');

const LINEAR_PROBES = 9;
const SET_MINSIZE = 8;

/** The hash CPython gives a key (deterministic for numbers and tuples; a stand-in for
 *  str, whose CPython hash is randomized per process anyway). */
export function keyHash(k: PyValue): number | bigint {
  switch (typeof k) {
    case 'number':
    case 'bigint':
      return hashInt(k);
    case 'boolean':
      return k ? 1 : 0;
    case 'string':
      return hashStr(k);
    default:
      break;
  }
  if (k === null) return 0xfcb2e0;
  if (k instanceof PyFloat) return hashFloat(k.value);
  if (k instanceof PyTuple) return hashTuple(k.items.map(keyHash));
  if (k instanceof PyIntSubclass) return hashInt(k.value);
  if (k instanceof PyStrSubclass) return hashStr(k.value);
  if (k instanceof PySetBase) {
    let acc = 0n;
    for (const x of k.keyList()) acc ^= BigInt(keyHash(x)) * 3644798167n;
    return Number(BigInt.asIntN(52, acc));
  }
  return objectHid(k) * 16 + 0x7f0000000;
}

/** set and frozenset share this representation: an emulation of CPython's set hash
 *  table (open addressing, linear probes then perturbation, the same resize policy), so
 *  that iteration order — what print({3, 1, 2}) shows — is CPython's. `keys` is the
 *  table (EMPTY / DELETED slots), `index` maps canonical keys to slots for lookups. */
export class PySetBase extends PyObject {
  declare keys: (PyValue | Sentinel)[];
  declare hashes: (number | bigint)[];
  declare index: Map<unknown, number | number[]>;
  declare size: number;
  declare fill: number;
  declare version: number;
  constructor(cls: PyType) {
    super(cls);
    this.keys = new Array(SET_MINSIZE).fill(EMPTY);
    this.hashes = new Array(SET_MINSIZE).fill(0);
    this.index = new Map();
    this.size = 0;
    this.fill = 0;
    this.version = 0;
  }

  hasCk(ck: unknown): boolean {
    return this.index.has(ck);
  }
  addCk(ck: unknown, key: PyValue): void {
    if (this.index.has(ck)) return;
    this.index.set(ck, this.insert(key, keyHash(key)));
  }
  deleteCk(ck: unknown): boolean {
    const i = this.index.get(ck);
    if (i === undefined) return false;
    this.index.delete(ck);
    this.removeSlot(i as number);
    return true;
  }
  has(key: PyValue): boolean {
    return this.index.has(keyOf(key));
  }
  add(key: PyValue): void {
    this.addCk(keyOf(key), key);
  }
  customSlots(hash: number | bigint): number[] {
    const e = this.index.get(customKey(hash));
    return e === undefined ? [] : (e as number[]);
  }
  addCustom(hash: number | bigint, key: PyValue): void {
    const ck = customKey(hash);
    const slot = this.insert(key, hash);
    const e = this.index.get(ck) as number[] | undefined;
    if (e) e.push(slot);
    else this.index.set(ck, [slot]);
  }
  deleteCustomSlot(hash: number | bigint, slot: number): void {
    const ck = customKey(hash);
    const e = this.index.get(ck) as number[] | undefined;
    if (e) {
      const j = e.indexOf(slot);
      if (j >= 0) e.splice(j, 1);
      if (e.length === 0) this.index.delete(ck);
    }
    this.removeSlot(slot);
  }

  private removeSlot(i: number): void {
    this.keys[i] = DELETED;
    this.hashes[i] = -1;
    this.size--;
    this.version++;
  }

  /** set_add_entry for a key known to be absent: returns its slot (after any resize). */
  private insert(key: PyValue, hash: number | bigint): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    let freeslot = -1;
    let slot = -1;
    probeTable(mask, hash, (j) => {
      const k = keys[j];
      if (k === EMPTY) {
        slot = j;
        return true;
      }
      if (k === DELETED && freeslot < 0) freeslot = j;
      return false;
    });
    this.version++;
    this.size++;
    if (freeslot >= 0) {
      keys[freeslot] = key;
      this.hashes[freeslot] = hash;
      return freeslot;
    }
    keys[slot] = key;
    this.hashes[slot] = hash;
    this.fill++;
    if (this.fill * 5 < mask * 3) return slot;
    this.resize(this.size > 50000 ? this.size * 2 : this.size * 4);
    return this.slotOfKey(key);
  }

  private slotOfKey(key: PyValue): number {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] === key) return i;
    return -1;
  }

  /** set_table_resize: a new table of the smallest power of two > minused (at least 8),
   *  live entries re-inserted in old table order. Rebuilds the index. */
  resize(minused: number): void {
    let n = SET_MINSIZE;
    while (n <= minused) n *= 2;
    const oldKeys = this.keys;
    const oldHashes = this.hashes;
    const keys: (PyValue | Sentinel)[] = new Array(n).fill(EMPTY);
    const hashes: (number | bigint)[] = new Array(n).fill(0);
    const mask = n - 1;
    const moved = new Map<number, number>();
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k === EMPTY || k === DELETED) continue;
      const h = oldHashes[i]!;
      let at = -1;
      probeTable(mask, h, (j) => {
        if (keys[j] === EMPTY) {
          at = j;
          return true;
        }
        return false;
      });
      keys[at] = k;
      hashes[at] = h;
      moved.set(i, at);
    }
    this.keys = keys;
    this.hashes = hashes;
    this.fill = this.size;
    for (const [ck, e] of this.index) {
      if (typeof e === 'number') this.index.set(ck, moved.get(e)!);
      else this.index.set(ck, e.map((s) => moved.get(s)!));
    }
  }

  clear(): void {
    this.keys = new Array(SET_MINSIZE).fill(EMPTY);
    this.hashes = new Array(SET_MINSIZE).fill(0);
    this.index = new Map();
    this.size = 0;
    this.fill = 0;
    this.version++;
  }
  keyList(): PyValue[] {
    const out: PyValue[] = [];
    for (const k of this.keys) if (!(k instanceof Sentinel)) out.push(k);
    return out;
  }
}

/** CPython's probe sequence over a table of mask+1 slots; `visit(slot)` returns true to
 *  stop. (i + 9 <= mask: up to 9 linear probes, then i = (5i + 1 + perturb) & mask.) */
function probeTable(mask: number, hash: number | bigint, visit: (slot: number) => boolean): void {
  if (typeof hash === 'number' && hash >= 0) {
    let perturb = hash;
    let i = hash % (mask + 1);
    for (;;) {
      if (visit(i)) return;
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) if (visit(i + j)) return;
      }
      perturb = Math.floor(perturb / 32);
      i = (i * 5 + 1 + perturb) % (mask + 1);
    }
  }
  let perturb = BigInt.asUintN(64, BigInt(hash));
  const bmask = BigInt(mask);
  let i = Number(perturb & bmask);
  for (;;) {
    if (visit(i)) return;
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) if (visit(i + j)) return;
    }
    perturb >>= 5n;
    i = Number((BigInt(i * 5 + 1) + perturb) & bmask);
  }
}

export class PySet extends PySetBase {
  constructor(cls: PyType = setType) {
    super(cls);
  }
}

export class PyFrozenSet extends PySetBase {
  constructor(cls: PyType = frozensetType) {
    super(cls);
  }
}

/** Builds a set/frozenset from values whose keys keyOf can reduce. */
export function setFrom(items: PyValue[], frozen = false): PySetBase {
  const s = frozen ? new PyFrozenSet() : new PySet();
  for (const x of items) s.add(x);
  return s;
}

export function isDict(v: PyValue): v is PyDict {
  return v instanceof PyDict;
}
export { typeOf };
