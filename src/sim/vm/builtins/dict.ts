// Methods of dict and the dict views (dict_keys, dict_values, dict_items).
// Keys whose class defines __hash__/__eq__ in Python go through the VM's resumable
// 'vm.hashLookup' frames.

import {
  PyObject, PyType, PyValue, PyList, PyTuple, NotImplemented, dictType, objectType, typeOf,
} from '../objects';
import { PyDict, PySet, PySetBase, CUSTOM_KEY, DELETED } from '../dict';
import { E, PyException, pyErr, newException } from '../exceptions';
import { NativeCall, NativeFrameStart, type CallContext, type NativeFn } from '../frame';
import { defineMethods, defineClassMethods, defineStaticMethods, defineGetters, newBuiltinType, registerClass, registerNativeImpl } from '../types';
import { keyOrThrow, lookupType, typeName, iterFast, isDeferred, eqFast } from '../protocol';
import { PyDictIterator, PyArrayIterator } from '../iterators';
import { argsClinic, noArgs, consume, rethrow, reprContainer, splitKw, withArity } from './util';
import { newCls } from './list';

export function selfDict(args: PyValue[], name: string): PyDict {
  const s = args[0];
  if (!(s instanceof PyDict)) {
    throw pyErr(E.TypeError, `descriptor '${name}' for 'dict' objects doesn't apply to a '${typeName(s ?? null)}' object`);
  }
  return s;
}

function keyError(k: PyValue): PyException {
  return new PyException(newException(E.KeyError, k));
}

function lookupStart(d: PyDict | PySetBase, key: PyValue, want: string, extra: Record<string, unknown> = {}): NativeFrameStart {
  return new NativeFrameStart('vm.hashLookup', { container: d, key, want, phase: 0, ...extra });
}

/** d[k] = v for any hashable key. */
export function dictSet(d: PyDict, k: PyValue, v: PyValue): void | NativeFrameStart {
  const ck = keyOrThrow(k);
  if (ck === CUSTOM_KEY) return lookupStart(d, k, 'set', { value: v });
  d.setCk(ck, k, v);
}

// ------------------------------------------------------------------ update / init

/** dict.update(other) semantics: a dict, a mapping with keys(), or an iterable of pairs. */
export function dictUpdate(ctx: CallContext, d: PyDict, other: PyValue, what = 'dictionary update sequence'): PyValue | NativeFrameStart {
  if (other instanceof PyDict && lookupType(other.cls, 'keys') === dictType.ns.get('keys')) {
    let custom = false;
    other.forEach((k, v) => {
      const ck = keyOrThrow(k);
      if (ck === CUSTOM_KEY) custom = true;
      else d.setCk(ck, k, v);
    });
    if (custom) return new NativeFrameStart('dict.updatePairs', { d, pairs: other.keyList().map((k) => new PyTuple([k, other.get(k) ?? null])), i: 0, what });
    return null;
  }
  if (other instanceof PyObject && lookupType(typeOf(other), 'keys') !== undefined) {
    return new NativeFrameStart('dict.updateMapping', { d, m: other, keys: null, i: 0, phase: 0 });
  }
  const items = iterFast(other);
  if (items !== undefined) return updatePairs(d, items, 0, what);
  const r = consume(ctx, other);
  if (Array.isArray(r)) return updatePairs(d, r, 0, what);
  return new NativeFrameStart('dict.updateIter', { d, start: r.state, what, phase: 0 });
}

/** Adds (key, value) pairs; returns a frame when a pair or key needs Python. */
function updatePairs(d: PyDict, pairs: PyValue[], from: number, what: string): PyValue | NativeFrameStart {
  for (let i = from; i < pairs.length; i++) {
    const p = pairs[i]!;
    const kv = iterFast(p);
    if (kv === undefined) {
      if (p instanceof PyObject && (lookupType(typeOf(p), '__iter__') !== undefined || lookupType(typeOf(p), '__getitem__') !== undefined)) {
        return new NativeFrameStart('dict.updatePairs', { d, pairs, i, what });
      }
      throw pyErr(E.TypeError, `cannot convert ${what} element #${i} to a sequence`);
    }
    if (kv.length !== 2) throw pyErr(E.ValueError, `${what} element #${i} has length ${kv.length}; 2 is required`);
    const ck = keyOrThrow(kv[0]!);
    if (ck === CUSTOM_KEY) return new NativeFrameStart('dict.updatePairs', { d, pairs, i, what });
    d.setCk(ck, kv[0]!, kv[1]!);
  }
  return null;
}

registerNativeImpl('dict.updateIter', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeFrameStart('lib.consume', st.start as Record<string, unknown>);
    }
    return updatePairs(st.d as PyDict, (value as PyList).items, 0, st.what as string);
  },
});

// pairs that need Python: each pair is consumed to a list, then its key set via hashLookup
registerNativeImpl('dict.updatePairs', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    const d = st.d as PyDict;
    const pairs = st.pairs as PyValue[];
    const what = st.what as string;
    if (st.phase === 1) {
      // got the pair's items
      const kv = (value as PyList).items;
      if (kv.length !== 2) throw pyErr(E.ValueError, `${what} element #${st.i as number} has length ${kv.length}; 2 is required`);
      st.phase = 2;
      const r = dictSet(d, kv[0]!, kv[1]!);
      if (r) return r;
    }
    if (st.phase === 2) {
      st.i = (st.i as number) + 1;
      st.phase = 0;
    }
    for (let i = st.i as number; i < pairs.length; i++) {
      st.i = i;
      const p = pairs[i]!;
      const kv = iterFast(p);
      if (kv === undefined) {
        const c = consume(ctx, p);
        if (!Array.isArray(c)) {
          st.phase = 1;
          return c;
        }
        if (c.length !== 2) throw pyErr(E.ValueError, `${what} element #${i} has length ${c.length}; 2 is required`);
        st.phase = 2;
        const r = dictSet(d, c[0]!, c[1]!);
        if (r) return r;
        st.phase = 0;
        continue;
      }
      if (kv.length !== 2) throw pyErr(E.ValueError, `${what} element #${i} has length ${kv.length}; 2 is required`);
      st.phase = 2;
      const r = dictSet(d, kv[0]!, kv[1]!);
      if (r) return r;
      st.phase = 0;
    }
    return null;
  },
});

// a mapping with keys(): for k in m.keys(): d[k] = m[k]
registerNativeImpl('dict.updateMapping', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    const d = st.d as PyDict;
    const m = st.m as PyValue;
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeCall(lookupType(typeOf(m), 'keys')!, [m]);
    }
    if (st.phase === 1) {
      st.phase = 2;
      const c = consume(ctx, value);
      if (!Array.isArray(c)) return c;
      value = new PyList(c);
    }
    if (st.phase === 2) {
      st.keys = (value as PyList).items;
      st.i = 0;
      st.phase = 3;
    } else if (st.phase === 3) {
      // got m[k]
      const k = (st.keys as PyValue[])[st.i as number]!;
      st.phase = 4;
      const r = dictSet(d, k, value);
      if (r) return r;
    }
    if (st.phase === 4) {
      st.i = (st.i as number) + 1;
      st.phase = 3;
    }
    const keys = st.keys as PyValue[];
    if ((st.i as number) >= keys.length) return null;
    const getitem = lookupType(typeOf(m), '__getitem__');
    if (getitem === undefined || getitem === null) throw pyErr(E.TypeError, `'${typeName(m)}' object is not subscriptable`);
    return new NativeCall(getitem, [m, keys[st.i as number]!]);
  },
});

function updateWithKw(ctx: CallContext, d: PyDict, name: string, args: PyValue[], kwnames: string[] | null): PyValue | NativeFrameStart {
  const [pos, kw] = splitKw(args.slice(1), kwnames);
  if (pos.length > 1) throw pyErr(E.TypeError, `${name} expected at most 1 argument, got ${pos.length}`);
  const applyKw = () => {
    for (const [k, v] of kw) d.setStr(k, v);
  };
  if (pos.length === 0) {
    applyKw();
    return null;
  }
  const r = dictUpdate(ctx, d, pos[0]!);
  if (r instanceof NativeFrameStart) {
    if (kw.size === 0) return r;
    return new NativeFrameStart('dict.thenKw', { d, start: { impl: r.impl, state: r.state }, kw: [...kw], phase: 0 });
  }
  applyKw();
  return null;
}

registerNativeImpl('dict.thenKw', {
  resume(_ctx, st, _value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      const s = st.start as { impl: string; state: Record<string, unknown> };
      return new NativeFrameStart(s.impl, s.state);
    }
    const d = st.d as PyDict;
    for (const [k, v] of st.kw as [string, PyValue][]) d.setStr(k, v);
    return null;
  },
});

// ------------------------------------------------------------------ views

export const dictKeysType = newBuiltinType('dict_keys', [objectType], 'builtins', { baseable: false });
export const dictValuesType = newBuiltinType('dict_values', [objectType], 'builtins', { baseable: false });
export const dictItemsType = newBuiltinType('dict_items', [objectType], 'builtins', { baseable: false });

export class PyDictView extends PyObject {
  constructor(
    public d: PyDict,
    public kind: 0 | 1 | 2,
  ) {
    super(kind === 0 ? dictKeysType : kind === 1 ? dictValuesType : dictItemsType);
  }
}
registerClass('PyDictView', PyDictView);

function viewItems(v: PyDictView): PyValue[] {
  if (v.kind === 0) return v.d.keyList();
  if (v.kind === 1) return v.d.valueList();
  const out: PyValue[] = [];
  v.d.forEach((k, x) => out.push(new PyTuple([k, x])));
  return out;
}

function selfView(args: PyValue[]): PyDictView {
  const s = args[0];
  if (!(s instanceof PyDictView)) throw pyErr(E.TypeError, `expected a dict view, not ${typeName(s ?? null)}`);
  return s;
}

/** The items of a set-like operand (view, set, or any builtin iterable). */
function setLike(v: PyValue): PyValue[] | undefined {
  if (v instanceof PyDictView) return viewItems(v);
  return iterFast(v);
}

function toSet(items: PyValue[]): PySet {
  const s = new PySet();
  for (const x of items) s.addCk(keyOrThrow(x), x);
  return s;
}

function viewSetOp(op: (a: PySet, b: PySet) => PySet, reflected = false): NativeFn {
  return (_ctx, args) => {
    const a = setLike(args[0]!);
    const b = setLike(args[1]!);
    if (a === undefined || b === undefined) return NotImplemented;
    return reflected ? op(toSet(b), toSet(a)) : op(toSet(a), toSet(b));
  };
}

const union = (a: PySet, b: PySet) => {
  for (const k of b.keyList()) a.addCk(keyOrThrow(k), k);
  return a;
};
const inter = (a: PySet, b: PySet) => {
  const out = new PySet();
  for (const k of a.keyList()) {
    const ck = keyOrThrow(k);
    if (b.hasCk(ck)) out.addCk(ck, k);
  }
  return out;
};
const diff = (a: PySet, b: PySet) => {
  const out = new PySet();
  for (const k of a.keyList()) {
    const ck = keyOrThrow(k);
    if (!b.hasCk(ck)) out.addCk(ck, k);
  }
  return out;
};
const xor = (a: PySet, b: PySet) => {
  const out = diff(a, b);
  for (const k of b.keyList()) {
    const ck = keyOrThrow(k);
    if (!a.hasCk(ck)) out.addCk(ck, k);
  }
  return out;
};

const viewMethods: Record<string, NativeFn> = {
  __len__: (_c, args) => selfView(args).d.size,
  __iter__: (_c, args) => {
    const v = selfView(args);
    return new PyDictIterator(v.d, v.kind);
  },
  __reversed__: (_c, args) => reversedView(selfView(args)),
  __repr__: (ctx, args) => {
    const v = selfView(args);
    const name = v.cls.name;
    return reprContainer(ctx, v, [new PyList(viewItems(v))], name + '(', ')', 'seq', false);
  },
};

function reversedView(v: PyDictView): PyValue {
  return new PyArrayIterator(viewItems(v).reverse());
}

function containsKey(d: PyDict, k: PyValue): PyValue | NativeFrameStart {
  const ck = keyOrThrow(k);
  if (ck === CUSTOM_KEY) return lookupStart(d, k, 'contains');
  return d.hasCk(ck);
}

defineMethods(dictKeysType, {
  ...viewMethods,
  __contains__: (_c, args) => containsKey(selfView(args).d, args[1]!),
  __and__: viewSetOp(inter),
  __rand__: viewSetOp(inter, true),
  __or__: viewSetOp(union),
  __ror__: viewSetOp(union, true),
  __sub__: viewSetOp(diff),
  __rsub__: viewSetOp(diff, true),
  __xor__: viewSetOp(xor),
  __rxor__: viewSetOp(xor, true),
  isdisjoint: (_c, args) => {
    const a = viewItems(selfView(args));
    const b = setLike(args[1]!);
    if (b === undefined) throw pyErr(E.TypeError, `'${typeName(args[1]!)}' object is not iterable`);
    const sb = toSet(b);
    return !a.some((k) => sb.hasCk(keyOrThrow(k)));
  },
  __eq__: (_c, args) => {
    const a = setLike(args[0]!);
    const b = args[1]!;
    if (a === undefined || !(b instanceof PyDictView || b instanceof PySetBase)) return NotImplemented;
    if (b instanceof PyDictView && b.kind === 1) return NotImplemented;
    const bi = setLike(b)!;
    if (a.length !== bi.length) return false;
    const sb = toSet(bi);
    return a.every((k) => sb.hasCk(keyOrThrow(k)));
  },
});

defineMethods(dictItemsType, {
  ...viewMethods,
  __contains__: (_c, args) => {
    const v = selfView(args);
    const p = args[1]!;
    if (!(p instanceof PyTuple) || p.items.length !== 2) return false;
    const ck = keyOrThrow(p.items[0]!);
    if (ck === CUSTOM_KEY) return false;
    const x = v.d.getCk(ck);
    return x !== undefined && (x === p.items[1] || iterEq(x, p.items[1]!));
  },
  __and__: viewSetOp(inter),
  __or__: viewSetOp(union),
  __sub__: viewSetOp(diff),
  __xor__: viewSetOp(xor),
});

function iterEq(a: PyValue, b: PyValue): boolean {
  return eqFast(a, b) === true;
}

defineMethods(dictValuesType, viewMethods);

for (const t of [dictKeysType, dictValuesType, dictItemsType]) {
  defineGetters(t, { mapping: (_c, self) => new MappingProxyLike((self as PyDictView).d) });
}

/** view.mapping: a read-only stand-in (repr as mappingproxy). */
export const mappingProxyLikeType = newBuiltinType('mappingproxy', [objectType], 'builtins', { baseable: false });
export class MappingProxyLike extends PyObject {
  constructor(public d: PyDict) {
    super(mappingProxyLikeType);
  }
}
registerClass('MappingProxyLike', MappingProxyLike);
defineMethods(mappingProxyLikeType, {
  __repr__: (ctx, args) => {
    const m = args[0] as MappingProxyLike;
    const items: PyValue[] = [];
    m.d.forEach((k, v) => items.push(k, v));
    return reprContainer(ctx, m, items, 'mappingproxy({', '})', 'dict', false);
  },
  __len__: (_c, args) => (args[0] as MappingProxyLike).d.size,
});

// ------------------------------------------------------------------ dict methods

export function dictRepr(ctx: CallContext, d: PyDict, open = '{', close = '}'): PyValue | NativeFrameStart {
  if (d.size === 0) return open + close;
  const items: PyValue[] = [];
  d.forEach((k, v) => items.push(k, v));
  return reprContainer(ctx, d, items, open, close, 'dict', true, '{...}');
}

const dictMethods: Record<string, NativeFn> = {
  keys: (_c, args, kw) => {
    const d = selfDict(args, 'keys');
    noArgs('dict.keys', args, kw);
    return new PyDictView(d, 0);
  },
  values: (_c, args, kw) => {
    const d = selfDict(args, 'values');
    noArgs('dict.values', args, kw);
    return new PyDictView(d, 1);
  },
  items: (_c, args, kw) => {
    const d = selfDict(args, 'items');
    noArgs('dict.items', args, kw);
    return new PyDictView(d, 2);
  },
  get: (_c, args, kw) => {
    const d = selfDict(args, 'get');
    const a = argsClinic('get', args, kw, 1, 2);
    const dflt = a[1] === undefined ? null : a[1]!;
    const ck = keyOrThrow(a[0]!);
    if (ck === CUSTOM_KEY) return lookupStart(d, a[0]!, 'getdefault', { dflt });
    const v = d.getCk(ck);
    return v === undefined ? dflt : v;
  },
  setdefault: (_c, args, kw) => {
    const d = selfDict(args, 'setdefault');
    const a = argsClinic('setdefault', args, kw, 1, 2);
    const dflt = a[1] === undefined ? null : a[1]!;
    const ck = keyOrThrow(a[0]!);
    if (ck === CUSTOM_KEY) return new NativeFrameStart('dict.customOp', { d, key: a[0]!, op: 'setdefault', dflt, phase: 0 });
    const v = d.getCk(ck);
    if (v !== undefined) return v;
    d.setCk(ck, a[0]!, dflt);
    return dflt;
  },
  pop: (_c, args, kw) => {
    const d = selfDict(args, 'pop');
    const a = argsClinic('pop', args, kw, 1, 2);
    const ck = keyOrThrow(a[0]!);
    if (ck === CUSTOM_KEY) return new NativeFrameStart('dict.customOp', { d, key: a[0]!, op: 'pop', dflt: a[1] ?? DELETED, phase: 0 });
    const v = d.getCk(ck);
    if (v === undefined) {
      if (a[1] !== undefined) return a[1]!;
      throw keyError(a[0]!);
    }
    d.deleteCk(ck);
    return v;
  },
  popitem: (_c, args, kw) => {
    const d = selfDict(args, 'popitem');
    noArgs('dict.popitem', args, kw);
    if (d.size === 0) throw pyErr(E.KeyError, 'popitem(): dictionary is empty');
    for (let i = d.keys.length - 1; i >= 0; i--) {
      const k = d.keys[i]!;
      if (k === DELETED) continue;
      const v = d.vals[i]!;
      const ck = keyOrThrow(k as PyValue);
      if (ck === CUSTOM_KEY) removeSlot(d, i);
      else d.deleteCk(ck);
      return new PyTuple([k as PyValue, v]);
    }
    throw pyErr(E.KeyError, 'popitem(): dictionary is empty');
  },
  update: (ctx, args, kw) => updateWithKw(ctx, selfDict(args, 'update'), 'update', args, kw),
  copy: (_c, args, kw) => {
    const d = selfDict(args, 'copy');
    noArgs('dict.copy', args, kw);
    return d.copy();
  },
  clear: (_c, args, kw) => {
    const d = selfDict(args, 'clear');
    noArgs('dict.clear', args, kw);
    d.clear();
    return null;
  },
  __init__: (ctx, args, kw) => updateWithKw(ctx, selfDict(args, '__init__'), 'dict', args, kw),
  __repr__: (ctx, args) => dictRepr(ctx, selfDict(args, '__repr__')),
  __len__: (_c, args) => selfDict(args, '__len__').size,
  __contains__: (_c, args) => containsKey(selfDict(args, '__contains__'), args[1]!),
  __or__: (ctx, args) => {
    const d = selfDict(args, '__or__');
    const o = args[1]!;
    if (!(o instanceof PyDict)) return NotImplemented;
    const r = d.copy();
    const u = dictUpdate(ctx, r, o);
    return u instanceof NativeFrameStart ? new NativeFrameStart('lib.thenValue', { start: { impl: u.impl, state: u.state }, value: r, phase: 0 }) : r;
  },
  __ror__: (ctx, args) => {
    const d = selfDict(args, '__ror__');
    const o = args[1]!;
    if (!(o instanceof PyDict)) return NotImplemented;
    const r = o.copy();
    const u = dictUpdate(ctx, r, d);
    return u instanceof NativeFrameStart ? new NativeFrameStart('lib.thenValue', { start: { impl: u.impl, state: u.state }, value: r, phase: 0 }) : r;
  },
  __ior__: (ctx, args) => {
    const d = selfDict(args, '__ior__');
    const u = dictUpdate(ctx, d, args[1]!);
    return u instanceof NativeFrameStart ? new NativeFrameStart('lib.thenValue', { start: { impl: u.impl, state: u.state }, value: d, phase: 0 }) : d;
  },
  __reversed__: (_c, args) => new PyArrayIterator(selfDict(args, '__reversed__').keyList().reverse()),
};

function removeSlot(d: PyDict, slot: number): void {
  // custom-hash key: find its bucket
  for (const [ck, e] of d.index) {
    if (Array.isArray(e) && e.includes(slot)) {
      const h = String(ck).slice(2);
      d.deleteCustomSlot(/^-?\d+$/.test(h) ? normHash(h) : 0, slot);
      return;
    }
  }
}

function normHash(h: string): number | bigint {
  const b = BigInt(h);
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

registerNativeImpl('lib.thenValue', {
  resume(_ctx, st, _value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      const s = st.start as { impl: string; state: Record<string, unknown> };
      return new NativeFrameStart(s.impl, s.state);
    }
    return st.value as PyValue;
  },
});

// setdefault / pop for custom-hash keys: contains, then get (+ set or delete)
registerNativeImpl('dict.customOp', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    const d = st.d as PyDict;
    const key = st.key as PyValue;
    switch (st.phase) {
      case 0:
        st.phase = 1;
        return lookupStart(d, key, 'contains');
      case 1:
        if (value !== true) {
          if (st.op === 'setdefault') {
            st.phase = 9;
            st.result = st.dflt;
            return lookupStart(d, key, 'set', { value: st.dflt });
          }
          if (st.dflt !== DELETED) return st.dflt as PyValue;
          throw keyError(key);
        }
        st.phase = 2;
        return lookupStart(d, key, 'get');
      case 2:
        st.result = value;
        if (st.op === 'setdefault') return value;
        st.phase = 9;
        return lookupStart(d, key, 'del');
      default:
        return st.result as PyValue;
    }
  },
});

defineMethods(dictType, withArity(dictMethods, { qual: 'dict', methO: ['__contains__'] }));
defineStaticMethods(dictType, {
  __new__: (_c, args) => new PyDict(newCls(args, dictType)),
});
defineClassMethods(dictType, {
  fromkeys: (ctx, args, kw) => {
    const cls = args[0] as PyType;
    const a = argsClinic('fromkeys', args, kw, 1, 2);
    const value = a[1] === undefined ? null : a[1]!;
    if (cls !== dictType) return new NativeFrameStart('dict.fromkeysCls', { cls, src: a[0]!, value, phase: 0 });
    const d = new PyDict();
    const items = iterFast(a[0]!);
    if (items !== undefined) {
      const pairs = items.map((k) => new PyTuple([k, value]));
      const r = updatePairs(d, pairs, 0, 'dictionary update sequence');
      return r instanceof NativeFrameStart ? new NativeFrameStart('lib.thenValue', { start: { impl: r.impl, state: r.state }, value: d, phase: 0 }) : d;
    }
    return new NativeFrameStart('dict.fromkeysCls', { cls, src: a[0]!, value, phase: 0 });
  },
});

// fromkeys on a subclass or with an arbitrary iterable: d = cls(); for k in it: d[k] = value
registerNativeImpl('dict.fromkeysCls', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeCall(st.cls as PyValue, []);
    }
    if (st.phase === 1) {
      st.d = value;
      st.phase = 2;
      const c = consume(ctx, st.src as PyValue);
      if (!Array.isArray(c)) return c;
      value = new PyList(c);
    }
    if (st.phase === 2) {
      st.keys = (value as PyList).items;
      st.i = 0;
      st.phase = 3;
    } else {
      st.i = (st.i as number) + 1;
    }
    const keys = st.keys as PyValue[];
    const d = st.d as PyValue;
    for (let i = st.i as number; i < keys.length; i++) {
      st.i = i;
      const setitem = lookupType(typeOf(d), '__setitem__');
      if (d instanceof PyDict && (setitem === undefined || setitem === dictType.ns.get('__setitem__'))) {
        const r = dictSet(d, keys[i]!, st.value as PyValue);
        if (r) return r;
        continue;
      }
      if (setitem === undefined || setitem === null) throw pyErr(E.TypeError, `'${typeName(d)}' object does not support item assignment`);
      return new NativeCall(setitem, [d, keys[i]!, st.value as PyValue]);
    }
    return d;
  },
});

export { isDeferred };
