// Registries and helpers for defining builtin types, methods, functions and native frames.
//
// Everything registered here is global, immutable after startup, and shared by all VMs;
// snapshots refer to it by its id. See README.md for how to add things.

import {
  PyObject, PyType, PyValue, Sentinel, objectType, bumpTypeEpoch, Layout, BUILTIN_TYPES_BY_ID,
} from './objects';
import { PyBuiltinFunction, BuiltinKind } from './function';
import type { CallContext, NativeFn, NativeImpl } from './frame';

// ------------------------------------------------------------------ builtin functions

const builtinFns = new Map<string, PyBuiltinFunction>();

/** Creates and registers a builtin function with a stable id. */
export function makeBuiltin(
  id: string,
  name: string,
  fn: NativeFn,
  kind: BuiltinKind = 'function',
  owner: PyType | null = null,
  module: string | null = 'builtins',
): PyBuiltinFunction {
  const qual = owner ? `${owner.name}.${name}` : name;
  const f = new PyBuiltinFunction(id, name, fn, kind, owner, qual, module);
  // a later registration of the same id replaces the earlier one (library over fallback)
  builtinFns.set(id, f);
  return f;
}

export function getBuiltinById(id: string): PyBuiltinFunction | undefined {
  return builtinFns.get(id);
}

// ------------------------------------------------------------------ builtin types

const builtinTypes = BUILTIN_TYPES_BY_ID;

/** Registers a builtin type under its id (type.id) so snapshots can refer to it. */
export function registerType(t: PyType): PyType {
  if (!t.builtin) throw new Error(`registerType: ${t.name} is not builtin`);
  builtinTypes.set(t.id, t);
  return t;
}
export function getTypeById(id: string): PyType | undefined {
  return builtinTypes.get(id);
}

/** Creates a new builtin (global) type, e.g. for a module: `newBuiltinType('deque',
 *  [objectType], 'collections')`. Its instances are usually your own PyObject subclass
 *  (register it with registerClass). */
export function newBuiltinType(
  name: string,
  bases: PyType[] = [objectType],
  module = 'builtins',
  opts: { layout?: Layout; baseable?: boolean } = {},
): PyType {
  const t = new PyType(name, bases, { builtin: true, module, layout: opts.layout ?? 'other', baseable: opts.baseable ?? true });
  return registerType(t);
}

/** Methods on a builtin type. Each NativeFn receives self as args[0].
 *  Registered ids are `${type.id-without-'builtins.'}.${name}` ('str.upper', 'collections.deque.append'). */
export function defineMethods(t: PyType, methods: Record<string, NativeFn>, kind: BuiltinKind = 'method'): void {
  const prefix = t.id.startsWith('builtins.') ? t.id.slice(9) : t.id;
  for (const [name, fn] of Object.entries(methods)) {
    t.ns.set(name, makeBuiltin(`${prefix}.${name}`, name, fn, kind, t, t.module));
  }
  bumpTypeEpoch();
}

/** Class methods (args[0] is the class), e.g. dict.fromkeys, int.from_bytes. */
export function defineClassMethods(t: PyType, methods: Record<string, NativeFn>): void {
  defineMethods(t, methods, 'classmethod');
}

/** Static methods (no binding), e.g. str.maketrans. */
export function defineStaticMethods(t: PyType, methods: Record<string, NativeFn>): void {
  defineMethods(t, methods, 'static');
}

/** A computed attribute on a builtin type (a data descriptor): `getter(ctx, self)`;
 *  optional `setter(ctx, self, value)` (AttributeError "readonly attribute" when absent). */
export class PyGetSet extends PyObject {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly getter: (ctx: CallContext, self: PyValue) => PyValue,
    readonly setter: ((ctx: CallContext, self: PyValue, v: PyValue) => void) | null,
    readonly owner: PyType,
  ) {
    super(getsetType);
  }
}
export const getsetType = new PyType('getset_descriptor', [objectType], { builtin: true, layout: 'other', baseable: false });
const getsets = new Map<string, PyGetSet>();
export function getGetSetById(id: string): PyGetSet | undefined {
  return getsets.get(id);
}

export function defineGetters(
  t: PyType,
  props: Record<string, ((ctx: CallContext, self: PyValue) => PyValue) | {
    get: (ctx: CallContext, self: PyValue) => PyValue;
    set?: (ctx: CallContext, self: PyValue, v: PyValue) => void;
  }>,
): void {
  const prefix = t.id.startsWith('builtins.') ? t.id.slice(9) : t.id;
  for (const [name, p] of Object.entries(props)) {
    const get = typeof p === 'function' ? p : p.get;
    const set = typeof p === 'function' ? null : (p.set ?? null);
    const id = `${prefix}.${name}`;
    const gs = new PyGetSet(id, name, get, set, t);
    getsets.set(id, gs);
    t.ns.set(name, gs);
  }
  bumpTypeEpoch();
}

/** Plain class attributes (constants) on a builtin type. Values must be immutable
 *  (numbers, strings, builtin objects). */
export function defineAttrs(t: PyType, attrs: Record<string, PyValue>): void {
  for (const [name, v] of Object.entries(attrs)) t.ns.set(name, v);
  bumpTypeEpoch();
}

// ------------------------------------------------------------------ native frames

const nativeImpls = new Map<string, NativeImpl>();

/** Registers the state machine behind a native frame (see frame.ts NativeImpl). */
export function registerNativeImpl(id: string, impl: NativeImpl): void {
  if (nativeImpls.has(id)) throw new Error(`duplicate native impl ${id}`);
  nativeImpls.set(id, impl);
}
export function getNativeImpl(id: string): NativeImpl {
  const impl = nativeImpls.get(id);
  if (!impl) throw new Error(`unknown native impl ${id}`);
  return impl;
}

// ------------------------------------------------------------------ classes (snapshots)

type Ctor = abstract new (...args: never[]) => object;
const classByName = new Map<string, object>();
const nameByProto = new Map<object, string>();

/** Every JS class whose instances can be part of VM state (PyObject subclasses, etc.)
 *  must be registered under a stable name (not Function.name: bundlers rename classes). */
export function registerClass(name: string, ctor: Ctor): void {
  const proto = ctor.prototype as object;
  const prev = classByName.get(name);
  if (prev && prev !== proto) throw new Error(`duplicate class name ${name}`);
  classByName.set(name, proto);
  nameByProto.set(proto, name);
}
export function protoByClassName(name: string): object | undefined {
  return classByName.get(name);
}
export function classNameOfProto(proto: object): string | undefined {
  return nameByProto.get(proto);
}

// ------------------------------------------------------------------ sentinels

const sentinels = new Map<string, Sentinel>();
export function registerSentinel(s: Sentinel): Sentinel {
  sentinels.set(s.name, s);
  return s;
}
export function getSentinel(name: string): Sentinel | undefined {
  return sentinels.get(name);
}
