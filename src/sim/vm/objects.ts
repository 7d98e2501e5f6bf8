// The Python value model: how every Python value is represented in JS.
//
//   type PyValue = number | bigint | boolean | string | null | PyObject
//
//   int   -> JS number when Number.isSafeInteger, else bigint. ALWAYS normalized: a bigint
//            is never in the safe range (use `normInt`).
//   bool  -> JS boolean (a subclass of int in semantics).
//   None  -> null.
//   str   -> JS string.
//   float -> PyFloat { value }.
//   everything else -> an instance of a class extending PyObject.
//
// This module holds the base classes, the bootstrap of `type`/`object` and the core
// builtin type objects together with their instance classes, so that there is no import
// cycle at module-evaluation time. Other object kinds live in dict.ts, function.ts,
// exceptions.ts, iterators.ts and import this module.
//
// All instances are plain data (fields only, no closures): snapshot.ts copies and
// serializes them generically. Every class whose instances may be part of VM state must be
// registered with `registerClass` (types.ts) under a stable name.

import type { PyDict } from './dict';

export type PyValue = number | bigint | boolean | string | null | PyObject;

/** Distinct markers that are never Python values: NULL on the stack, unbound locals. */
export class Sentinel {
  constructor(readonly name: string) {}
}
/** The NULL pushed by PUSH_NULL / LOAD_METHOD (see opcodes.ts). */
export const NULL = new Sentinel('NULL');
/** An unbound local slot or empty cell. */
export const UNBOUND = new Sentinel('UNBOUND');
/** Returned by iterator `next` methods when exhausted (instead of raising StopIteration). */
export const ITER_STOP = new Sentinel('ITER_STOP');
/** A native frame returning NO_RESULT pushes nothing on its caller's stack. */
export const NO_RESULT = new Sentinel('NO_RESULT');
/** Returned by VM helpers (and native impls) that pushed a frame themselves: the caller
 *  (or native frame) receives that frame's result later. */
export const PUSHED = new Sentinel('PUSHED');
/** Returned when the thread was suspended by a syscall. */
export const SUSPENDED = new Sentinel('SUSPENDED');
export type StackValue = PyValue | Sentinel;

// Hot classes declare their fields with `declare` and assign them in the constructor:
// with ES2022 class-field semantics, initialized field declarations compile to slow
// [[Define]] operations on every allocation.
export abstract class PyObject {
  /** The object's Python type. */
  declare cls: PyType;
  /** Instance attribute dict (user instances, modules, functions); null when absent. */
  declare dict: PyDict | null;
  constructor(cls: PyType) {
    this.cls = cls;
    this.dict = null;
  }
}

/** How the instances of a type are laid out in JS: the nearest builtin base's kind.
 *  object.__new__(cls) uses it to create an instance of the right JS class. */
export type Layout =
  | 'object' | 'type' | 'int' | 'bool' | 'float' | 'str' | 'bytes' | 'list' | 'tuple' | 'dict'
  | 'set' | 'frozenset' | 'exception' | 'none' | 'other';

let TYPE_TYPE: PyType | undefined;

/** Every builtin type by its stable id (snapshots refer to builtin types by id). */
export const BUILTIN_TYPES_BY_ID = new Map<string, PyType>();

/** A type object. Builtin types are global, immutable after startup, and shared by all VMs
 *  (snapshots refer to them by `id`); user classes are ordinary heap objects. */
export class PyType extends PyObject {
  declare name: string;
  declare qualname: string;
  declare module: string;
  declare bases: PyType[];
  declare mro: PyType[];
  /** The class namespace. Builtin types: filled by defineMethods & co. at startup. */
  declare ns: Map<string, PyValue>;
  /** True for builtin (global, immutable) types. */
  declare builtin: boolean;
  /** Stable registry id for builtin types ('builtins.list', 'collections.deque'). */
  declare id: string;
  declare layout: Layout;
  /** Can user classes inherit from it? */
  declare baseable: boolean;
  /** Attribute lookup cache: name -> value found along the MRO (undefined = absent).
   *  Invalidated by bumping `typeState.epoch` on any class-namespace change. */
  declare cache: Map<string, PyValue | undefined> | null;
  declare cacheEpoch: number;
  /** 'identity' | 'custom' (the class or a base defines __hash__/__eq__ in Python) | 'none'. */
  declare hashKind: 'identity' | 'custom' | 'none';
  /** True when the class and all its user bases define __slots__ (no instance __dict__). */
  declare slotted: boolean;
  declare doc: string | null;

  constructor(
    name: string,
    bases: PyType[],
    opts: { module?: string; builtin?: boolean; id?: string; layout?: Layout; baseable?: boolean; metatype?: PyType } = {},
  ) {
    super(opts.metatype ?? (TYPE_TYPE as PyType));
    this.cache = null;
    this.cacheEpoch = -1;
    this.hashKind = 'identity';
    this.slotted = false;
    this.doc = null;
    this.name = name;
    this.qualname = name;
    this.module = opts.module ?? 'builtins';
    this.bases = bases;
    this.ns = new Map();
    this.builtin = opts.builtin ?? false;
    this.id = opts.id ?? (this.builtin ? `${this.module}.${name}` : '');
    this.layout = opts.layout ?? (bases.length > 0 ? bases[0]!.layout : 'object');
    this.baseable = opts.baseable ?? true;
    this.mro = [this];
    if (bases.length === 1) this.mro.push(...bases[0]!.mro);
    else if (bases.length > 1) this.mro = c3Linearize(this, bases);
    if (this.builtin) {
      // ids must be unique: a second type with the same module and name gets a suffix
      let id = this.id;
      for (let n = 2; BUILTIN_TYPES_BY_ID.has(id); n++) id = `${this.id}#${n}`;
      this.id = id;
      BUILTIN_TYPES_BY_ID.set(id, this);
    }
  }
}

/** `epoch` is bumped whenever any class namespace changes: attribute caches compare
 *  against it. */
export const typeState = { epoch: 0 };
export function bumpTypeEpoch(): void {
  typeState.epoch++;
}

/** CPython's C3 linearization. Throws a plain Error with CPython's message on failure
 *  (the caller converts it to TypeError). */
export function c3Linearize(cls: PyType, bases: PyType[]): PyType[] {
  const seqs: PyType[][] = bases.map((b) => b.mro.slice());
  seqs.push(bases.slice());
  const out: PyType[] = [cls];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return out;
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const head = s[0]!;
      if (!nonEmpty.some((t) => t.indexOf(head) > 0)) {
        cand = head;
        break;
      }
    }
    if (!cand) {
      const names = bases.map((b) => b.name).join(', ');
      throw new MroError(`Cannot create a consistent method resolution\norder (MRO) for bases ${names}`);
    }
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}
export class MroError {
  constructor(readonly message: string) {}
}

// ------------------------------------------------------------------ bootstrap

function builtinType(name: string, base: PyType | null, layout: Layout, baseable = true, module = 'builtins'): PyType {
  return new PyType(name, base ? [base] : [], { builtin: true, layout, baseable, module });
}

// `type` is an instance of itself and `object` is its base: patch after construction.
export const typeType: PyType = new PyType('type', [], { builtin: true, layout: 'type', metatype: undefined });
typeType.cls = typeType;
TYPE_TYPE = typeType;
export const objectType: PyType = new PyType('object', [], { builtin: true, layout: 'object' });
typeType.bases = [objectType];
typeType.mro = [typeType, objectType];

export const intType = builtinType('int', objectType, 'int');
export const boolType = builtinType('bool', intType, 'bool', false);
export const floatType = builtinType('float', objectType, 'float');
export const strType = builtinType('str', objectType, 'str');
export const bytesType = builtinType('bytes', objectType, 'bytes');
export const noneType = builtinType('NoneType', objectType, 'none', false);
export const notImplementedType = builtinType('NotImplementedType', objectType, 'other', false);
export const ellipsisType = builtinType('ellipsis', objectType, 'other', false);
export const listType = builtinType('list', objectType, 'list');
export const tupleType = builtinType('tuple', objectType, 'tuple');
export const dictType = builtinType('dict', objectType, 'dict');
export const setType = builtinType('set', objectType, 'set');
export const frozensetType = builtinType('frozenset', objectType, 'frozenset');
export const rangeType = builtinType('range', objectType, 'other', false);
export const sliceType = builtinType('slice', objectType, 'other', false);
listType.hashKind = 'none';
dictType.hashKind = 'none';
setType.hashKind = 'none';

// ------------------------------------------------------------------ core value classes

/** A plain instance of a user class (layout 'object'). Attributes live in `dict`. */
export class PyInstance extends PyObject {
  constructor(cls: PyType, dict: PyDict) {
    super(cls);
    this.dict = dict;
  }
}

export class PyFloat extends PyObject {
  declare value: number;
  constructor(value: number, cls: PyType = floatType) {
    super(cls);
    this.value = value;
  }
}

/** An int or bool subclass instance created by a user class (class MyInt(int)). Plain
 *  ints are JS numbers/bigints; this box exists only for user subclasses. */
export class PyIntSubclass extends PyObject {
  declare value: number | bigint;
  constructor(value: number | bigint, cls: PyType) {
    super(cls);
    this.value = value;
  }
}

/** A str subclass instance (class MyStr(str)). Plain strs are JS strings. */
export class PyStrSubclass extends PyObject {
  declare value: string;
  constructor(value: string, cls: PyType) {
    super(cls);
    this.value = value;
  }
}

export class PyList extends PyObject {
  declare items: PyValue[];
  constructor(items: PyValue[] = [], cls: PyType = listType) {
    super(cls);
    this.items = items;
  }
}

export class PyTuple extends PyObject {
  declare items: PyValue[];
  constructor(items: PyValue[], cls: PyType = tupleType) {
    super(cls);
    this.items = items;
  }
}

/** Immutable byte string; items are 0..255. */
export class PyBytes extends PyObject {
  declare bytes: Uint8Array | number[];
  constructor(bytes: Uint8Array | number[], cls: PyType = bytesType) {
    super(cls);
    this.bytes = bytes;
  }
}

/** range(start, stop, step): ints only (numbers; huge ranges are not supported). */
export class PyRange extends PyObject {
  declare start: number;
  declare stop: number;
  declare step: number;
  constructor(start: number, stop: number, step: number) {
    super(rangeType);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
}

export class PySlice extends PyObject {
  declare start: PyValue;
  declare stop: PyValue;
  declare step: PyValue;
  constructor(start: PyValue, stop: PyValue, step: PyValue) {
    super(sliceType);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}

/** Singletons with their own types. */
export class PySingleton extends PyObject {
  declare name: string;
  constructor(cls: PyType, name: string) {
    super(cls);
    this.name = name;
  }
}
export const NotImplemented = new PySingleton(notImplementedType, 'NotImplemented');
export const Ellipsis = new PySingleton(ellipsisType, 'Ellipsis');

export const EMPTY_TUPLE = new PyTuple([]);

// ------------------------------------------------------------------ small helpers

/** Normalizes an integer: safe-range bigints become numbers. */
export function normInt(x: bigint): number | bigint {
  return x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x;
}

/** Is `v` a Python int (including bool)? (not int subclasses boxed as PyIntSubclass) */
export function isIntLike(v: PyValue): v is number | bigint | boolean {
  const t = typeof v;
  return t === 'number' || t === 'bigint' || t === 'boolean';
}

export function newTuple(items: PyValue[]): PyTuple {
  return items.length === 0 ? EMPTY_TUPLE : new PyTuple(items);
}

/** type(v) */
export function typeOf(v: PyValue): PyType {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return intType;
    case 'boolean':
      return boolType;
    case 'string':
      return strType;
    case 'object':
      return v === null ? noneType : v.cls;
    default:
      throw new Error(`not a Python value: ${String(v)}`);
  }
}

/** isinstance-style subtype check on types (MRO membership). */
export function isSubtype(t: PyType, base: PyType): boolean {
  if (t === base) return true;
  const mro = t.mro;
  for (let i = 1; i < mro.length; i++) if (mro[i] === base) return true;
  return false;
}

export function isInstance(v: PyValue, t: PyType): boolean {
  return isSubtype(typeOf(v), t);
}
