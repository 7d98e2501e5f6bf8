// Explicit dunder methods of the core builtin types (list.__getitem__, int.__add__, ...),
// used by subclasses (`super().__setitem__(k, v)`), explicit calls and the operator
// protocol on subclass instances. Installed at VM creation only where the library has not
// defined the method. They act on the builtin part of `self` without re-dispatching to
// subclass overrides.

import {
  PyValue, PyType, PyObject, PyList, PyTuple, PyFloat, PyIntSubclass, PyStrSubclass, PyRange,
  PySlice, NotImplemented, intType, boolType, floatType, strType, listType, tupleType, dictType,
  setType, frozensetType, typeOf, isSubtype,
} from '../objects';
import { PyDict, PySetBase, CUSTOM_KEY } from '../dict';
import { E, PyException, pyErr, newException } from '../exceptions';
import { NativeFrameStart, type CallContext, type NativeFn } from '../frame';
import { defineMethods } from '../types';
import { numericBinop, numericCompare, asInt, intNeg, intInvert } from '../ops';
import { binaryOp, compareOp, seqCompare, seqContains } from '../binop';
import { keyOrThrow, eqFast, hashFast, truthFast, isDeferred, typeName, Deferred } from '../protocol';
import { getItem, setItem, delItem } from '../subscr';
import {
  PyListIterator, PyTupleIterator, PyStrIterator, PyDictIterator, PySetIterator,
} from '../iterators';
import { startOf } from '../natives';
import { strLen } from './builtins';

function ensure(t: PyType, methods: Record<string, NativeFn>): void {
  const missing: Record<string, NativeFn> = {};
  for (const [k, f] of Object.entries(methods)) if (!t.ns.has(k)) missing[k] = f;
  if (Object.keys(missing).length > 0) defineMethods(t, missing);
}

/** The builtin value inside a subclass instance (int/str boxes); containers stay. */
function unwrap(v: PyValue): PyValue {
  if (v instanceof PyIntSubclass || v instanceof PyStrSubclass) return v.value;
  return v;
}

/** A plain builtin view of a container subclass instance (same items, builtin class). */
function plain(v: PyValue): PyValue {
  if (v instanceof PyObject && !v.cls.builtin) {
    if (v instanceof PyList) return new PyList(v.items);
    if (v instanceof PyTuple) return new PyTuple(v.items);
    if (v instanceof PyDict) {
      const d = v.copy();
      return d;
    }
  }
  return unwrap(v);
}

const res = (r: PyValue | Deferred): PyValue | NativeFrameStart => (isDeferred(r) ? startOf(r) : r);

const BIN = ['add', 'and', 'floordiv', 'lshift', 'matmul', 'mul', 'mod', 'or', 'pow', 'rshift', 'sub', 'truediv', 'xor'];

function numericDunders(ops: number[]): Record<string, NativeFn> {
  const m: Record<string, NativeFn> = {};
  for (const op of ops) {
    const name = BIN[op]!;
    m[`__${name}__`] = (_c, a) => numericBinop(op, unwrap(a[0]!), unwrap(a[1]!)) ?? NotImplemented;
    m[`__r${name}__`] = (_c, a) => numericBinop(op, unwrap(a[1]!), unwrap(a[0]!)) ?? NotImplemented;
  }
  return m;
}

const CMP: [string, number][] = [['__lt__', 0], ['__le__', 1], ['__eq__', 2], ['__ne__', 3], ['__gt__', 4], ['__ge__', 5]];

function numericCmp(): Record<string, NativeFn> {
  const m: Record<string, NativeFn> = {};
  for (const [name, op] of CMP) {
    m[name] = (_c, a) => {
      const c = numericCompare(unwrap(a[0]!), unwrap(a[1]!));
      if (c === null) return NotImplemented;
      if (c === undefined) return op === 3;
      return [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]!;
    };
  }
  return m;
}

/** Rich comparison of two builtin values of the same kind (no subclass re-dispatch). */
function sameKindCmp(isKind: (v: PyValue) => boolean): Record<string, NativeFn> {
  const m: Record<string, NativeFn> = {};
  for (const [name, op] of CMP) {
    m[name] = (ctx, a) => {
      if (!isKind(a[1]!)) return NotImplemented;
      return res(compareOp(ctx, op, plain(a[0]!), plain(a[1]!)));
    };
  }
  return m;
}

function containerBasics(): Record<string, NativeFn> {
  return {
    __getitem__: (ctx, a) => res(getItem(ctx, plain(a[0]!), a[1]!)),
    __contains__: (ctx, a) => {
      const c = a[0]!;
      const item = a[1]!;
      if (c instanceof PyList || c instanceof PyTuple) {
        const r = seqContains(c.items, item);
        return typeof r === 'boolean' ? r : startOf(r);
      }
      if (c instanceof PyDict || c instanceof PySetBase) {
        const ck = keyOrThrow(item);
        if (ck === CUSTOM_KEY) return new NativeFrameStart('vm.hashLookup', { container: c, key: item, want: 'contains', phase: 0 });
        return c.hasCk(ck);
      }
      const s = unwrap(c);
      const it = unwrap(item);
      if (typeof s === 'string') {
        if (typeof it !== 'string') throw pyErr(E.TypeError, `'in <string>' requires string as left operand, not ${typeName(item)}`);
        return s.includes(it);
      }
      return NotImplemented;
    },
    __len__: (_c, a) => {
      const c = a[0]!;
      if (c instanceof PyList || c instanceof PyTuple) return c.items.length;
      if (c instanceof PyDict || c instanceof PySetBase) return c.size;
      const s = unwrap(c);
      if (typeof s === 'string') return strLen(s);
      throw pyErr(E.TypeError, `object of type '${typeName(c)}' has no len()`);
    },
    __iter__: (_c, a) => {
      const c = a[0]!;
      if (c instanceof PyList) return new PyListIterator(c);
      if (c instanceof PyTuple) return new PyTupleIterator(c);
      if (c instanceof PyDict) return new PyDictIterator(c, 0);
      if (c instanceof PySetBase) return new PySetIterator(c);
      return new PyStrIterator(unwrap(c) as string);
    },
  };
}

export function installDunders(): void {
  const numOps = [0, 2, 5, 6, 8, 10, 11];
  const intOps = [1, 3, 7, 9, 12];
  // int and bool
  ensure(intType, {
    ...numericDunders([...numOps, ...intOps]),
    ...numericCmp(),
    __neg__: (_c, a) => intNeg(asInt(unwrap(a[0]!))!),
    __pos__: (_c, a) => asInt(unwrap(a[0]!))!,
    __invert__: (_c, a) => intInvert(asInt(unwrap(a[0]!))!),
    __abs__: (_c, a) => {
      const i = asInt(unwrap(a[0]!))!;
      return i < 0 ? intNeg(i) : i;
    },
    __bool__: (_c, a) => truthFast(unwrap(a[0]!)) ?? true,
    __int__: (_c, a) => asInt(unwrap(a[0]!))!,
    __index__: (_c, a) => asInt(unwrap(a[0]!))!,
    __float__: (_c, a) => new PyFloat(Number(asInt(unwrap(a[0]!))!)),
    __hash__: (_c, a) => hashFast(unwrap(a[0]!))!,
    __repr__: (_c, a) => {
      const v = unwrap(a[0]!);
      return typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);
    },
  });
  ensure(boolType, {
    __repr__: (_c, a) => (unwrap(a[0]!) ? 'True' : 'False'),
  });
  ensure(floatType, {
    ...numericDunders(numOps),
    ...numericCmp(),
    __neg__: (_c, a) => new PyFloat(-(a[0] as PyFloat).value),
    __pos__: (_c, a) => new PyFloat((a[0] as PyFloat).value),
    __abs__: (_c, a) => new PyFloat(Math.abs((a[0] as PyFloat).value)),
    __bool__: (_c, a) => (a[0] as PyFloat).value !== 0,
    __float__: (_c, a) => new PyFloat((a[0] as PyFloat).value),
    __hash__: (_c, a) => hashFast(new PyFloat((a[0] as PyFloat).value))!,
  });
  // str
  ensure(strType, {
    ...containerBasics(),
    ...sameKindCmp((v) => typeof unwrap(v) === 'string'),
    __add__: (_c, a) => {
      const o = unwrap(a[1]!);
      if (typeof o !== 'string') return NotImplemented;
      return (unwrap(a[0]!) as string) + o;
    },
    __mul__: (ctx, a) => res(binaryOp(ctx, 5, unwrap(a[0]!), unwrap(a[1]!))),
    __rmul__: (ctx, a) => res(binaryOp(ctx, 5, unwrap(a[0]!), unwrap(a[1]!))),
    __str__: (_c, a) => unwrap(a[0]!),
    __hash__: (_c, a) => hashFast(unwrap(a[0]!))!,
  });
  // list and tuple
  const seqOps = (t: PyType): Record<string, NativeFn> => ({
    ...containerBasics(),
    ...sameKindCmp((v) => isSubtype(typeOf(v), t)),
    __add__: (ctx, a) => (isSubtype(typeOf(a[1]!), t) ? res(binaryOp(ctx, 0, plain(a[0]!), plain(a[1]!))) : NotImplemented),
    __mul__: (ctx, a) => (asInt(unwrap(a[1]!)) === undefined ? NotImplemented : res(binaryOp(ctx, 5, plain(a[0]!), unwrap(a[1]!)))),
    __rmul__: (ctx, a) => (asInt(unwrap(a[1]!)) === undefined ? NotImplemented : res(binaryOp(ctx, 5, plain(a[0]!), unwrap(a[1]!)))),
  });
  ensure(listType, {
    ...seqOps(listType),
    __setitem__: (ctx, a) => {
      const l = a[0] as PyList;
      const r = setItem(ctx, new PyList(l.items), a[1]!, a[2]!);
      return r === undefined ? null : startOf(r);
    },
    __delitem__: (ctx, a) => {
      const l = a[0] as PyList;
      const tmp = new PyList(l.items);
      const r = delItem(ctx, tmp, a[1]!);
      l.items = tmp.items;
      return r === undefined ? null : startOf(r);
    },
    __iadd__: (ctx, a) => {
      const r = binaryOp(ctx, 13, new PyList((a[0] as PyList).items), a[1]!);
      if (isDeferred(r)) return startOf(r);
      return a[0]!;
    },
    __imul__: (ctx, a) => {
      const l = a[0] as PyList;
      const tmp = new PyList(l.items);
      binaryOp(ctx, 18, tmp, a[1]!);
      l.items = tmp.items;
      return l;
    },
  });
  ensure(tupleType, { ...seqOps(tupleType), __hash__: (_c, a) => hashFast(new PyTuple((a[0] as PyTuple).items))! });
  // dict
  ensure(dictType, {
    ...containerBasics(),
    __getitem__: (ctx, a) => {
      const d = a[0] as PyDict;
      const k = a[1]!;
      const ck = keyOrThrow(k);
      if (ck === CUSTOM_KEY) return new NativeFrameStart('vm.hashLookup', { container: d, key: k, want: 'get', phase: 0 });
      const v = d.getCk(ck);
      if (v !== undefined) return v;
      void ctx;
      throw new PyException(newException(E.KeyError, k));
    },
    __setitem__: (_c, a) => {
      const d = a[0] as PyDict;
      const ck = keyOrThrow(a[1]!);
      if (ck === CUSTOM_KEY) return new NativeFrameStart('vm.hashLookup', { container: d, key: a[1]!, value: a[2]!, want: 'set', phase: 0 });
      d.setCk(ck, a[1]!, a[2]!);
      return null;
    },
    __delitem__: (_c, a) => {
      const d = a[0] as PyDict;
      const ck = keyOrThrow(a[1]!);
      if (ck === CUSTOM_KEY) return new NativeFrameStart('vm.hashLookup', { container: d, key: a[1]!, want: 'del', phase: 0 });
      if (!d.deleteCk(ck)) throw new PyException(newException(E.KeyError, a[1]!));
      return null;
    },
    __eq__: (ctx, a) => (a[1] instanceof PyDict ? res(compareOp(ctx, 2, plain(a[0]!), plain(a[1]!))) : NotImplemented),
    __ne__: (ctx, a) => (a[1] instanceof PyDict ? res(compareOp(ctx, 3, plain(a[0]!), plain(a[1]!))) : NotImplemented),
  });
  for (const t of [setType, frozensetType]) {
    ensure(t, {
      ...containerBasics(),
      __eq__: (_c, a) => (a[1] instanceof PySetBase ? eqFast(a[0]!, a[1]!) ?? false : NotImplemented),
    });
  }
  void PyRange;
  void PySlice;
  void seqCompare;
  void (null as unknown as CallContext);
}
