// Core protocols: attribute lookup, truth, iteration, equality, hashing, repr/str.
//
// Each protocol either answers synchronously or returns a Deferred: a NativeCall (call it;
// its result IS the answer) or a NativeFrameStart (push it; its result is the answer). The
// interpreter and native frames know how to run a Deferred without JS recursion.

import {
  PyObject, PyType, PyValue, PyFloat, PyList, PyTuple, PyRange, PyBytes, PyInstance,
  PyIntSubclass, PyStrSubclass, Sentinel, typeOf, typeState, isSubtype, objectType, typeType,
  NotImplemented, strType,
} from './objects';
import { PyDict, PySetBase, keyOf, CUSTOM_KEY, UnhashableError, objectHid } from './dict';
import {
  PyFunction, PyBuiltinFunction, PyBoundMethod, PyProperty, PyClassMethod, PyStaticMethod,
  PyModule, PySuper, PyGenerator, PyMemberDescr,
} from './function';
import { E, pyErr, PyBaseException } from './exceptions';
import { NativeCall, NativeFrameStart, type CallContext } from './frame';
import { PyGetSet } from './types';
import {
  PyIterator, PyListIterator, PyTupleIterator, PyRangeIterator, PyStrIterator, PyDictIterator,
  PySetIterator, PyArrayIterator,
} from './iterators';
import { floatRepr } from './lib/float-repr';
import { hashInt, hashFloat, hashStr, hashTuple } from './hash';

export type Deferred = NativeCall | NativeFrameStart;

export function isDeferred(x: unknown): x is Deferred {
  return x instanceof NativeCall || x instanceof NativeFrameStart;
}

// ------------------------------------------------------------------ type lookup

/** Finds `name` along t's MRO (cached per type; undefined when absent). */
export function lookupType(t: PyType, name: string): PyValue | undefined {
  let c = t.cache;
  if (t.cacheEpoch !== typeState.epoch || c === null) {
    c = t.cache = new Map();
    t.cacheEpoch = typeState.epoch;
  } else {
    const v = c.get(name);
    if (v !== undefined) return (v as unknown) === ABSENT ? undefined : (v as PyValue);
  }
  let v: PyValue | undefined;
  const mro = t.mro;
  for (let i = 0; i < mro.length; i++) {
    const x = mro[i]!.ns.get(name);
    if (x !== undefined) {
      v = x;
      break;
    }
  }
  c.set(name, v === undefined ? (ABSENT as unknown as PyValue) : v);
  return v;
}
/** Marks "not found" in type attribute caches (one Map lookup for hits and misses). */
const ABSENT = new Sentinel('ABSENT');

/** Looks `name` up on type(v), for dunder protocols (instance dicts are not consulted). */
export function lookupSpecial(v: PyValue, name: string): PyValue | undefined {
  return lookupType(typeOf(v), name);
}

/** Is `m` the builtin of `t`'s base object (i.e. "not overridden")? */
export function isObjectDefault(m: PyValue | undefined, name: string): boolean {
  return m === undefined || m === objectType.ns.get(name);
}

export function typeName(v: PyValue): string {
  return typeOf(v).name;
}

/** Calls `m(self, ...args)` where m was found on a type: builtins synchronously, Python
 *  functions deferred. */
export function callMethod(ctx: CallContext, m: PyValue, self: PyValue, args: PyValue[]): PyValue | Deferred {
  if (m instanceof PyBuiltinFunction) {
    const r = m.kind === 'function' || m.kind === 'static' ? m.fn(ctx, args, null) : m.fn(ctx, [self, ...args], null);
    if (r instanceof NativeFrameStart) return r;
    if (r !== null && typeof r === 'object' && !(r instanceof PyObject)) {
      // a SyscallRequest from a dunder (e.g. Lock.__enter__): a native frame issues it
      return new NativeFrameStart('vm.await', { req: r, phase: 0 });
    }
    return r as PyValue;
  }
  if (m instanceof PyFunction) return new NativeCall(m, [self, ...args]);
  if (m instanceof PyStaticMethod) return new NativeCall(m.func, args);
  if (m instanceof PyClassMethod) return new NativeCall(m.func, [typeOf(self), ...args]);
  // a callable object stored on the class: bind via descriptor protocol when it has __get__
  return new NativeCall(m, args);
}

// ------------------------------------------------------------------ attributes

function noAttr(obj: PyValue, name: string): never {
  if (obj instanceof PyModule) throw attrError(obj, name, `module '${obj.name}' has no attribute '${name}'`);
  if (obj instanceof PyType) throw attrError(obj, name, `type object '${obj.name}' has no attribute '${name}'`);
  throw attrError(obj, name, `'${typeName(obj)}' object has no attribute '${name}'`);
}

function attrError(obj: PyValue, name: string, msg: string) {
  const e = pyErr(E.AttributeError, msg);
  // name/obj for "Did you mean" suggestions in tracebacks
  attrInfo.set(e.exc, { obj, name });
  return e;
}
/** Extra info on AttributeErrors for traceback suggestions (not VM state: best effort). */
export const attrInfo = new WeakMap<PyBaseException, { obj: PyValue; name: string }>();

/** Binds a value found on a type to an instance (the descriptor protocol's __get__). */
function bindToInstance(ctx: CallContext, d: PyValue, obj: PyValue, t: PyType): PyValue | Deferred {
  if (d instanceof PyFunction) return new PyBoundMethod(d, obj);
  if (d instanceof PyBuiltinFunction) return d.kind === 'method' ? new PyBoundMethod(d, obj) : d.kind === 'classmethod' ? new PyBoundMethod(d, t) : d;
  if (d instanceof PyClassMethod) return new PyBoundMethod(d.func, t);
  if (d instanceof PyStaticMethod) return d.func;
  if (d instanceof PyInstance) {
    const get = lookupType(d.cls, '__get__');
    if (get !== undefined) return callMethod(ctx, get, d, [obj, t]);
  }
  return d;
}

/** getattr(obj, name): a value, a Deferred (property getter, __getattr__), or throws. */
export function getAttr(ctx: CallContext, obj: PyValue, name: string): PyValue | Deferred {
  if (obj instanceof PyType) return getTypeAttr(ctx, obj, name);
  if (obj instanceof PyModule) {
    const v = obj.dict.getStr(name);
    if (v !== undefined) return v;
    if (name === '__dict__') return obj.dict;
    const ga = obj.dict.getStr('__getattr__');
    if (ga !== undefined) return new NativeCall(ga, [name]);
    return noAttr(obj, name);
  }
  if (obj instanceof PySuper) return getSuperAttr(ctx, obj, name);
  const t = typeOf(obj);
  const d = lookupType(t, name);
  if (d !== undefined && typeof d === 'object' && d !== null) {
    if (d instanceof PyGetSet) {
      if (name === '__dict__' && t.slotted) return noAttr(obj, name);
      return d.getter(ctx, obj);
    }
    if (d instanceof PyMemberDescr) {
      const v = (obj as PyObject).dict?.getStr(name);
      if (v === undefined) return noAttr(obj, name);
      return v;
    }
    if (d instanceof PyProperty) {
      if (d.fget === null) throw pyErr(E.AttributeError, `property '${propName(d, name)}' of '${t.name}' object has no getter`);
      return new NativeCall(d.fget, [obj]);
    }
    if (d instanceof PyInstance && lookupType(d.cls, '__set__') !== undefined) {
      const get = lookupType(d.cls, '__get__');
      if (get !== undefined) return callMethod(ctx, get, d, [obj, t]);
    }
  }
  const dict = obj !== null && typeof obj === 'object' ? obj.dict : null;
  if (dict !== null) {
    const v = dict.getStr(name);
    if (v !== undefined) return v;
  }
  if (d !== undefined) return bindToInstance(ctx, d, obj, t);
  const ga = lookupType(t, '__getattr__');
  if (ga !== undefined) return callMethod(ctx, ga, obj, [name]);
  return noAttr(obj, name);
}

function propName(p: PyProperty, fallback: string): string {
  const f = p.fget ?? p.fset;
  return f instanceof PyFunction ? f.name : fallback;
}

/** Attribute of a class object: the metatype's data descriptors, then the class MRO,
 *  then the metatype. */
export function getTypeAttr(ctx: CallContext, cls: PyType, name: string): PyValue | Deferred {
  const meta = cls.cls;
  const md = lookupType(meta, name);
  if (md instanceof PyGetSet) return md.getter(ctx, cls);
  const d = lookupType(cls, name);
  if (d !== undefined) {
    if (d instanceof PyClassMethod) return new PyBoundMethod(d.func, cls);
    if (d instanceof PyStaticMethod) return d.func;
    if (d instanceof PyBuiltinFunction && d.kind === 'classmethod') return new PyBoundMethod(d, cls);
    if (d instanceof PyInstance) {
      const get = lookupType(d.cls, '__get__');
      if (get !== undefined) return callMethod(ctx, get, d, [null, cls]);
    }
    return d;
  }
  if (md !== undefined) return bindToInstance(ctx, md, cls, meta);
  return noAttr(cls, name);
}

function getSuperAttr(ctx: CallContext, s: PySuper, name: string): PyValue | Deferred {
  if (name === '__class__') return s.cls;
  const mro = s.objType.mro;
  let i = mro.indexOf(s.thisType);
  for (i = i + 1; i < mro.length; i++) {
    const d = mro[i]!.ns.get(name);
    if (d === undefined) continue;
    if (d instanceof PyGetSet) return s.obj === s.objType ? d : d.getter(ctx, s.obj);
    if (d instanceof PyProperty) {
      if (s.obj === s.objType) return d;
      if (d.fget === null) throw pyErr(E.AttributeError, `property '${propName(d, name)}' of '${s.objType.name}' object has no getter`);
      return new NativeCall(d.fget, [s.obj]);
    }
    if (s.obj === s.objType) {
      // super() in a classmethod: bind classmethods to the class, leave functions unbound
      if (d instanceof PyClassMethod) return new PyBoundMethod(d.func, s.obj);
      if (d instanceof PyBuiltinFunction && d.kind === 'classmethod') return new PyBoundMethod(d, s.obj);
      if (d instanceof PyStaticMethod) return d.func;
      return d;
    }
    return bindToInstance(ctx, d, s.obj, s.objType);
  }
  throw pyErr(E.AttributeError, `'super' object has no attribute '${name}'`);
}

/** setattr(obj, name, v): undefined when done, or a Deferred whose result is discarded. */
export function setAttr(ctx: CallContext, obj: PyValue, name: string, v: PyValue): undefined | Deferred {
  if (obj instanceof PyType) {
    if (obj.cls !== typeType) {
      const sa = lookupType(obj.cls, '__setattr__');
      if (sa instanceof PyFunction) return asDeferred(callMethod(ctx, sa, obj, [name, v]));
    }
    return setTypeAttr(obj, name, v);
  }
  const t = typeOf(obj);
  const d = lookupType(t, name);
  if (d !== undefined && typeof d === 'object' && d !== null) {
    if (d instanceof PyGetSet) {
      if (!d.setter) throw pyErr(E.AttributeError, `attribute '${name}' of '${t.name}' objects is not writable`);
      d.setter(ctx, obj, v);
      return undefined;
    }
    if (d instanceof PyMemberDescr) {
      (obj as PyObject).dict!.setStr(name, v);
      return undefined;
    }
    if (d instanceof PyProperty) {
      if (d.fset === null) throw pyErr(E.AttributeError, `property '${propName(d, name)}' of '${t.name}' object has no setter`);
      return new NativeCall(d.fset, [obj, v]);
    }
    if (d instanceof PyInstance) {
      const set = lookupType(d.cls, '__set__');
      if (set !== undefined) return asDeferred(callMethod(ctx, set, d, [obj, v]));
    }
  }
  const sa = lookupType(t, '__setattr__');
  if (sa !== undefined && !isObjectDefault(sa, '__setattr__')) {
    return asDeferred(callMethod(ctx, sa, obj, [name, v]));
  }
  return genericSetAttr(obj, name, v);
}

/** object.__setattr__ without descriptors. */
export function genericSetAttr(obj: PyValue, name: string, v: PyValue): undefined {
  const dict = obj !== null && typeof obj === 'object' ? obj.dict : null;
  if (dict !== null && (obj as PyObject).cls.slotted) {
    throw pyErr(E.AttributeError, `'${typeName(obj)}' object has no attribute '${name}'`);
  }
  if (dict === null) {
    if (obj instanceof PyFunction || obj instanceof PyBaseException) {
      obj.dict = new PyDict();
      obj.dict.setStr(name, v);
      return undefined;
    }
    if (typeOf(obj).builtin || obj === null || typeof obj !== 'object') {
      throw pyErr(E.AttributeError, `'${typeName(obj)}' object has no attribute '${name}'`);
    }
    (obj as PyObject).dict = new PyDict();
    (obj as PyObject).dict!.setStr(name, v);
    return undefined;
  }
  dict.setStr(name, v);
  return undefined;
}

function asDeferred(r: PyValue | Deferred): undefined | Deferred {
  return isDeferred(r) ? r : undefined;
}

export function setTypeAttr(cls: PyType, name: string, v: PyValue): undefined {
  if (cls.builtin) {
    throw pyErr(E.TypeError, `cannot set '${name}' attribute of immutable type '${cls.name}'`);
  }
  const md = lookupType(cls.cls, name);
  if (md instanceof PyGetSet && md.setter) {
    md.setter(null as unknown as CallContext, cls, v);
    return undefined;
  }
  cls.ns.set(name, v);
  typeState.epoch++;
  if (name === '__hash__' || name === '__eq__') updateHashKind(cls);
  return undefined;
}

/** Recomputes a user class's hashKind (call after changing __hash__/__eq__). */
export function updateHashKind(cls: PyType): void {
  const h = lookupType(cls, '__hash__');
  const eq = lookupType(cls, '__eq__');
  if (h === null) cls.hashKind = 'none';
  else if (isObjectDefault(h, '__hash__') && isObjectDefault(eq, '__eq__')) cls.hashKind = 'identity';
  else if (h instanceof PyBuiltinFunction && isObjectDefault(eq, '__eq__')) cls.hashKind = h === objectType.ns.get('__hash__') ? 'identity' : 'custom';
  else cls.hashKind = 'custom';
}

export function delAttr(ctx: CallContext, obj: PyValue, name: string): undefined | Deferred {
  if (obj instanceof PyType) {
    if (obj.builtin) throw pyErr(E.TypeError, `cannot delete '${name}' attribute of immutable type '${obj.name}'`);
    if (!obj.ns.has(name)) throw pyErr(E.AttributeError, name);
    obj.ns.delete(name);
    typeState.epoch++;
    return undefined;
  }
  const t = typeOf(obj);
  const d = lookupType(t, name);
  if (d instanceof PyProperty) {
    if (d.fdel === null) throw pyErr(E.AttributeError, `property '${propName(d, name)}' of '${t.name}' object has no deleter`);
    return new NativeCall(d.fdel, [obj]);
  }
  const da = lookupType(t, '__delattr__');
  if (da !== undefined && !isObjectDefault(da, '__delattr__')) return asDeferred(callMethod(ctx, da, obj, [name]));
  const dict = obj !== null && typeof obj === 'object' ? obj.dict : null;
  if (dict === null || !dict.delStr(name)) noAttr(obj, name);
  return undefined;
}

// ------------------------------------------------------------------ truth

/** bool(v) without calling Python, or undefined. */
export function truthFast(v: PyValue): boolean | undefined {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
    case 'string':
      return v.length !== 0;
    case 'bigint':
      return true;
    default:
      break;
  }
  if (v === null) return false;
  if (v instanceof PyFloat) return v.value !== 0;
  const t = v.cls;
  if (t.builtin) {
    if (v instanceof PyList || v instanceof PyTuple) return v.items.length !== 0;
    if (v instanceof PyDict || v instanceof PySetBase) return v.size !== 0;
    if (v instanceof PyRange) return v.length !== 0;
    if (v instanceof PyBytes) return v.bytes.length !== 0;
  }
  const b = lookupType(t, '__bool__');
  if (b === undefined) {
    const l = lookupType(t, '__len__');
    if (l === undefined) {
      if (v instanceof PyList || v instanceof PyTuple) return v.items.length !== 0;
      if (v instanceof PyDict || v instanceof PySetBase) return v.size !== 0;
      if (v instanceof PyIntSubclass) return v.value !== 0 && v.value !== 0n;
      if (v instanceof PyStrSubclass) return v.value.length !== 0;
      return true;
    }
  }
  return undefined;
}

/** bool(v): a boolean, or a Deferred answering a JS boolean. */
export function truth(ctx: CallContext, v: PyValue): boolean | Deferred {
  const r = truthFast(v);
  if (r !== undefined) return r;
  return new NativeFrameStart('vm.truth', { v, phase: 0 });
}

// ------------------------------------------------------------------ iteration

/** iter(v): an iterator, or a Deferred. */
export function getIter(ctx: CallContext, v: PyValue): PyValue | Deferred {
  if (typeof v === 'string') return new PyStrIterator(v);
  if (v instanceof PyObject) {
    if (v.cls.builtin) {
      if (v instanceof PyList) return new PyListIterator(v);
      if (v instanceof PyTuple) return new PyTupleIterator(v);
      if (v instanceof PyRange) return new PyRangeIterator(v);
      if (v instanceof PyDict) return new PyDictIterator(v, 0);
      if (v instanceof PySetBase) return new PySetIterator(v);
      if (v instanceof PyIterator || v instanceof PyGenerator) return v;
      if (v instanceof PyBytes) return new PyArrayIterator(Array.from(v.bytes));
    }
    const it = lookupType(v.cls, '__iter__');
    if (it !== undefined && it !== null) {
      const r = callMethod(ctx, it, v, []);
      if (isDeferred(r)) return new NativeFrameStart('vm.checkIter', { callee: r instanceof NativeCall ? r.callee : null, args: r instanceof NativeCall ? r.args : null, start: r instanceof NativeFrameStart ? r : null, phase: 0 });
      return r;
    }
    if (it === undefined && lookupType(v.cls, '__getitem__') !== undefined) {
      return new NativeFrameStart('vm.seqIterNew', { obj: v });
    }
  }
  throw pyErr(E.TypeError, `'${typeName(v)}' object is not iterable`);
}

/** All items of a builtin iterable without calling Python, or undefined. */
export function iterFast(v: PyValue): PyValue[] | undefined {
  if (typeof v === 'string') return Array.from(v);
  if (!(v instanceof PyObject)) return undefined;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.slice();
  if (v instanceof PyDict) return v.keyList();
  if (v instanceof PySetBase) return v.keyList();
  if (v instanceof PyRange) {
    const out: PyValue[] = [];
    const n = v.length;
    for (let i = 0, x = v.start; i < n; i++, x += v.step) out.push(x);
    return out;
  }
  if (v instanceof PyBytes) return Array.from(v.bytes);
  if (v instanceof PyListIterator || v instanceof PyTupleIterator || v instanceof PyRangeIterator || v instanceof PyStrIterator || v instanceof PyArrayIterator || v instanceof PyDictIterator || v instanceof PySetIterator) {
    const out: PyValue[] = [];
    for (;;) {
      const x = v.next();
      if (x instanceof Sentinel) return out;
      out.push(x as PyValue);
    }
  }
  return undefined;
}

// ------------------------------------------------------------------ equality

/** a == b for builtin values (no Python calls), or undefined when Python is needed. */
export function eqFast(a: PyValue, b: PyValue): boolean | undefined {
  if (a === b) return !(a instanceof PyFloat) || a.value === a.value;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'string' || tb === 'string') {
    if (ta === 'string' && tb === 'string') return false;
    const other = ta === 'string' ? b : a;
    if (other instanceof PyStrSubclass) return other.value === (ta === 'string' ? a : b);
    if (other instanceof PyObject && !other.cls.builtin && lookupType(other.cls, '__eq__') !== objectType.ns.get('__eq__')) return undefined;
    return false;
  }
  if (ta !== 'object' || tb !== 'object') {
    const c = numericCompareEq(a, b);
    if (c !== null) return c;
    const other = ta === 'object' ? a : b;
    if (other instanceof PyObject && !other.cls.builtin) return customEq(other) ? undefined : false;
    return false;
  }
  if (a === null || b === null) {
    const other = a === null ? b : a;
    if (other instanceof PyObject && !other.cls.builtin && customEq(other)) return undefined;
    return false;
  }
  if (a instanceof PyFloat && b instanceof PyFloat) return a.value === b.value;
  if (a instanceof PyFloat || b instanceof PyFloat) {
    const c = numericCompareEq(a, b);
    if (c !== null) return c;
  }
  const ca = (a as PyObject).cls;
  const cb = (b as PyObject).cls;
  if (!ca.builtin || !cb.builtin) {
    if ((!ca.builtin && customEq(a as PyObject)) || (!cb.builtin && customEq(b as PyObject))) return undefined;
  }
  if (a instanceof PyTuple && b instanceof PyTuple) return seqEq(a.items, b.items);
  if (a instanceof PyList && b instanceof PyList) return seqEq(a.items, b.items);
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.size !== b.size) return false;
    let result: boolean | undefined = true;
    a.forEach((k, v) => {
      if (result === false) return;
      let ck: unknown;
      try {
        ck = keyOf(k);
      } catch {
        result = undefined;
        return;
      }
      if (ck === CUSTOM_KEY) {
        result = undefined;
        return;
      }
      const w = b.getCk(ck);
      if (w === undefined) {
        result = false;
        return;
      }
      const e = v === w || eqFast(v, w);
      if (e === undefined) result = undefined;
      else if (!e) result = false;
    });
    return result;
  }
  if (a instanceof PySetBase && b instanceof PySetBase) {
    if (a.size !== b.size) return false;
    for (const k of a.keyList()) {
      const ck = keyOf(k);
      if (ck === CUSTOM_KEY) return undefined;
      if (!b.hasCk(ck)) return false;
    }
    return true;
  }
  if (a instanceof PyRange && b instanceof PyRange) {
    const la = a.length;
    if (la !== b.length) return false;
    if (la === 0) return true;
    if (a.start !== b.start) return false;
    return la === 1 || a.step === b.step;
  }
  if (a instanceof PyBytes && b instanceof PyBytes) {
    if (a.bytes.length !== b.bytes.length) return false;
    for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] !== b.bytes[i]) return false;
    return true;
  }
  if (a instanceof PyIntSubclass || b instanceof PyIntSubclass || a instanceof PyStrSubclass || b instanceof PyStrSubclass) {
    const ua = a instanceof PyIntSubclass || a instanceof PyStrSubclass ? a.value : a;
    const ub = b instanceof PyIntSubclass || b instanceof PyStrSubclass ? b.value : b;
    return eqFast(ua, ub);
  }
  // builtin types registered by modules (deque, ...) may define __eq__
  if ((ca.builtin && lookupType(ca, '__eq__') !== objectType.ns.get('__eq__')) || (cb.builtin && lookupType(cb, '__eq__') !== objectType.ns.get('__eq__'))) {
    return undefined;
  }
  return false;
}

function customEq(o: PyObject): boolean {
  return lookupType(o.cls, '__eq__') !== objectType.ns.get('__eq__');
}

function numericCompareEq(a: PyValue, b: PyValue): boolean | null {
  let x: number | bigint;
  let y: number | bigint;
  if (typeof a === 'number' || typeof a === 'bigint') x = a;
  else if (typeof a === 'boolean') x = a ? 1 : 0;
  else if (a instanceof PyFloat) x = a.value;
  else return null;
  if (typeof b === 'number' || typeof b === 'bigint') y = b;
  else if (typeof b === 'boolean') y = b ? 1 : 0;
  else if (b instanceof PyFloat) y = b.value;
  else return null;
  // eslint-disable-next-line eqeqeq
  return x == y;
}

function seqEq(a: PyValue[], b: PyValue[]): boolean | undefined {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const e = eqFast(x, y);
    if (e !== true) return e;
  }
  return true;
}

// ------------------------------------------------------------------ hashing

/** hash(v) without Python, or undefined when a user __hash__ must run. Throws TypeError
 *  for unhashable values. */
export function hashFast(v: PyValue): number | bigint | undefined {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return hashInt(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return hashStr(v);
    default:
      break;
  }
  if (v === null) return 0xfcb2e0; // a fixed stand-in for id(None) >> 4
  if (v instanceof PyFloat) return hashFloat(v.value);
  if (v instanceof PyTuple) {
    const hs: (number | bigint)[] = [];
    for (const x of v.items) {
      const h = hashFast(x);
      if (h === undefined) return undefined;
      hs.push(h);
    }
    return hashTuple(hs);
  }
  const kind = v.cls.hashKind;
  if (kind === 'none') throw pyErr(E.TypeError, `unhashable type: '${v.cls.name}'`);
  if (kind === 'custom') return undefined;
  if (v instanceof PySetBase) {
    // frozenset: order-independent combination
    let acc = 0n;
    for (const k of v.keyList()) {
      const h = hashFast(k);
      if (h === undefined) return undefined;
      acc ^= BigInt(h) * 3644798167n;
    }
    return Number(BigInt.asIntN(52, acc));
  }
  if (v instanceof PyIntSubclass) return hashInt(v.value);
  if (v instanceof PyStrSubclass) return hashStr(v.value);
  return objectHid(v) * 16 + 0x7f0000000;
}

/** Converts keyOf's UnhashableError to the Python TypeError. */
export function keyOrThrow(k: PyValue): unknown {
  try {
    return keyOf(k);
  } catch (e) {
    if (e instanceof UnhashableError) throw pyErr(E.TypeError, `unhashable type: '${e.typeName}'`);
    throw e;
  }
}

// ------------------------------------------------------------------ repr / str

const HEX = '0123456789abcdef';

/** CPython's repr of a str. */
export function reprStr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + HEX[c >> 4] + HEX[c & 15];
    else if (c >= 0x80 && c < 0xa0) out += '\\x' + HEX[c >> 4] + HEX[c & 15];
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      out += ch + s[i + 1];
      i++;
    } else if (c >= 0xd800 && c < 0xe000) out += '\\u' + c.toString(16).padStart(4, '0');
    else if (c === 0xad) out += '\\xad';
    else out += ch;
  }
  return out + q;
}

/** A fake but stable address for default reprs: 0x7f.. derived from the object's hid. */
export function fakeAddress(o: PyObject): string {
  return '0x7f' + (0x3a0000000 + objectHid(o) * 48).toString(16).padStart(10, '0');
}

/** repr(v): a string, or a Deferred answering a str. */
export function reprOf(ctx: CallContext, v: PyValue): string | Deferred {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return String(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'string':
      return reprStr(v);
    default:
      break;
  }
  if (v === null) return 'None';
  if (v instanceof PyFloat && v.cls.builtin) return floatRepr(v.value);
  const m = lookupType(v.cls, '__repr__');
  if (m instanceof PyBuiltinFunction) {
    const r = m.fn(ctx, [v], null);
    if (typeof r === 'string' || r instanceof NativeFrameStart) return r;
    if (r instanceof PyStrSubclass) return r.value;
    throw pyErr(E.TypeError, `__repr__ returned non-string (type ${typeName(r as PyValue)})`);
  }
  if (m === undefined) return `<${v.cls.name} object at ${fakeAddress(v)}>`;
  return new NativeFrameStart('vm.callStr', { callee: m, args: [v], what: '__repr__' });
}

/** str(v): a string, or a Deferred answering a str. */
export function strOf(ctx: CallContext, v: PyValue): string | Deferred {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof PyFloat && v.cls.builtin) return floatRepr(v.value);
  const t = typeOf(v);
  const m = lookupType(t, '__str__');
  if (m === undefined || m === objectType.ns.get('__str__')) return reprOf(ctx, v);
  if (m instanceof PyBuiltinFunction) {
    const r = m.fn(ctx, [v], null);
    if (typeof r === 'string' || r instanceof NativeFrameStart) return r;
    if (r instanceof PyStrSubclass) return r.value;
    throw pyErr(E.TypeError, `__str__ returned non-string (type ${typeName(r as PyValue)})`);
  }
  return new NativeFrameStart('vm.callStr', { callee: m, args: [v], what: '__str__' });
}

/** Is v callable? */
export function isCallable(v: PyValue): boolean {
  if (v instanceof PyFunction || v instanceof PyBuiltinFunction || v instanceof PyBoundMethod || v instanceof PyType) return true;
  if (v instanceof PyObject) return lookupType(v.cls, '__call__') !== undefined;
  return false;
}

export { isSubtype, typeType, strType, NotImplemented };
