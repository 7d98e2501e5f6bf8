// Minimal constructors and reprs for builtin types, installed only where the library
// (src/sim/vm/builtins) has not defined them. They keep the VM usable on its own (unit
// tests, early integration); the library's versions replace them.

import {
  PyValue, PyType, PyFloat, PyList, PyTuple, PyRange, PySlice, PyIntSubclass, PyStrSubclass,
  intType, boolType, floatType, strType, listType, tupleType, dictType, setType, frozensetType,
  rangeType, sliceType, normInt, isSubtype,
} from '../objects';
import { PyDict, PySet, PyFrozenSet, PySetBase } from '../dict';
import { E, pyErr } from '../exceptions';
import { NativeCall, NativeFrameStart, type NativeFn } from '../frame';
import { defineMethods, defineStaticMethods, registerNativeImpl } from '../types';
import { iterFast, reprOf, strOf, truthFast, isDeferred, typeName } from '../protocol';
import { startOf, COLLECT, REPR } from '../natives';
import { floatRepr } from '../lib/float-repr';
import { PyException } from '../exceptions';
import { newInstance } from './object';

function ensure(t: PyType, kind: 'static' | 'method', name: string, fn: NativeFn): void {
  if (t.ns.has(name)) return;
  if (kind === 'static') defineStaticMethods(t, { [name]: fn });
  else defineMethods(t, { [name]: fn });
}

function items(v: PyValue): PyValue[] | NativeFrameStart {
  const it = iterFast(v);
  if (it !== undefined) return it;
  return new NativeFrameStart('vm.fallbackCollect', { src: v, phase: 0 });
}

registerNativeImpl('vm.fallbackCollect', {
  resume(_ctx, st, value, exc) {
    if (exc) throw new PyException(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeCall(COLLECT, [st.src as PyValue]);
    }
    return value;
  },
});

function parseIntStr(s: string, base: number): number | bigint {
  const t = s.trim().replace(/_/g, '');
  if (!/^[+-]?[0-9a-zA-Z]+$/.test(t)) throw pyErr(E.ValueError, `invalid literal for int() with base ${base}: ${JSON.stringify(s).replace(/"/g, "'")}`);
  let neg = false;
  let d = t;
  if (d[0] === '+' || d[0] === '-') {
    neg = d[0] === '-';
    d = d.slice(1);
  }
  let acc = 0n;
  for (const ch of d.toLowerCase()) {
    const v = parseInt(ch, 36);
    if (!(v < base)) throw pyErr(E.ValueError, `invalid literal for int() with base ${base}: '${s}'`);
    acc = acc * BigInt(base) + BigInt(v);
  }
  return normInt(neg ? -acc : acc);
}

/** Installs whatever the library has not defined yet. Called by createVM. */
export function installFallbacks(): void {
  ensure(intType, 'static', '__new__', (_c, a) => {
    const cls = a[0] as PyType;
    const x = a[1];
    let v: number | bigint = 0;
    if (x === undefined) v = 0;
    else if (typeof x === 'number' || typeof x === 'bigint') v = x;
    else if (typeof x === 'boolean') v = x ? 1 : 0;
    else if (x instanceof PyFloat) {
      if (!Number.isFinite(x.value)) throw pyErr(x.value !== x.value ? E.ValueError : E.OverflowError, x.value !== x.value ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
      const tr = Math.trunc(x.value);
      v = Number.isSafeInteger(tr) ? tr : BigInt(tr);
    } else if (typeof x === 'string') v = parseIntStr(x, typeof a[2] === 'number' ? a[2] : 10);
    else if (x instanceof PyIntSubclass) v = x.value;
    else throw pyErr(E.TypeError, `int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
    return cls === intType ? (v === 0 ? 0 : v) : new PyIntSubclass(v, cls);
  });
  ensure(boolType, 'static', '__new__', (_c, a) => {
    if (a.length < 2) return false;
    const b = truthFast(a[1]!);
    if (b !== undefined) return b;
    return new NativeFrameStart('vm.truth', { v: a[1]!, phase: 0 });
  });
  ensure(floatType, 'static', '__new__', (_c, a) => {
    const cls = a[0] as PyType;
    const x = a[1];
    let v = 0;
    if (x === undefined) v = 0;
    else if (typeof x === 'number') v = x;
    else if (typeof x === 'bigint') v = Number(x);
    else if (typeof x === 'boolean') v = x ? 1 : 0;
    else if (x instanceof PyFloat) v = x.value;
    else if (typeof x === 'string') {
      const t = x.trim().toLowerCase().replace(/_/g, '');
      if (/^[+-]?(inf|infinity)$/.test(t)) v = t.startsWith('-') ? -Infinity : Infinity;
      else if (/^[+-]?nan$/.test(t)) v = NaN;
      else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) v = Number(t);
      else throw pyErr(E.ValueError, `could not convert string to float: '${x}'`);
    } else throw pyErr(E.TypeError, `float() argument must be a string or a real number, not '${typeName(x)}'`);
    return new PyFloat(v, cls);
  });
  ensure(floatType, 'method', '__repr__', (_c, a) => floatRepr((a[0] as PyFloat).value));
  ensure(strType, 'static', '__new__', (ctx, a) => {
    const cls = a[0] as PyType;
    if (a.length < 2) return cls === strType ? '' : new PyStrSubclass('', cls);
    const r = strOf(ctx, a[1]!);
    if (isDeferred(r)) return startOf(r);
    return cls === strType ? r : new PyStrSubclass(r, cls);
  });
  ensure(listType, 'static', '__new__', (_c, a) => new PyList([], a[0] as PyType));
  ensure(listType, 'method', '__init__', (_c, a) => {
    const l = a[0] as PyList;
    if (a.length < 2) return null;
    const it = items(a[1]!);
    if (it instanceof NativeFrameStart) return new NativeFrameStart('vm.fallbackFill', { target: l, start: it, phase: 0 });
    l.items = it.slice();
    return null;
  });
  ensure(tupleType, 'static', '__new__', (_c, a) => {
    if (a.length < 2) return new PyTuple([], a[0] as PyType);
    const it = items(a[1]!);
    if (it instanceof NativeFrameStart) return new NativeFrameStart('vm.fallbackFill', { cls: a[0]!, kind: 'tuple', start: it, phase: 0 });
    return new PyTuple(it.slice(), a[0] as PyType);
  });
  ensure(dictType, 'static', '__new__', (_c, a) => new PyDict(a[0] as PyType));
  ensure(dictType, 'method', '__init__', (_c, a, kw) => {
    const d = a[0] as PyDict;
    const nkw = kw ? kw.length : 0;
    const pos = a.slice(1, a.length - nkw);
    if (pos.length > 0) {
      const src = pos[0]!;
      if (src instanceof PyDict) src.forEach((k, v) => d.set(k, v));
      else {
        const it = iterFast(src);
        if (it === undefined) throw pyErr(E.TypeError, 'dict() from this iterable is not supported yet');
        for (const p of it) {
          const pair = iterFast(p);
          if (pair === undefined || pair.length !== 2) throw pyErr(E.ValueError, 'dictionary update sequence element has wrong length');
          d.set(pair[0]!, pair[1]!);
        }
      }
    }
    for (let i = 0; i < nkw; i++) d.setStr(kw![i]!, a[a.length - nkw + i]!);
    return null;
  });
  for (const [t, frozen] of [[setType, false], [frozensetType, true]] as const) {
    ensure(t, 'static', '__new__', (_c, a) => {
      const s = frozen ? new PyFrozenSet(a[0] as PyType) : new PySet(a[0] as PyType);
      if (frozen && a.length > 1) {
        const it = iterFast(a[1]!);
        if (it === undefined) throw pyErr(E.TypeError, 'frozenset() from this iterable is not supported yet');
        for (const x of it) s.add(x);
      }
      return s;
    });
    if (!frozen) {
      ensure(t, 'method', '__init__', (_c, a) => {
        const s = a[0] as PySetBase;
        if (a.length > 1) {
          const it = iterFast(a[1]!);
          if (it === undefined) throw pyErr(E.TypeError, 'set() from this iterable is not supported yet');
          for (const x of it) s.add(x);
        }
        return null;
      });
    }
  }
  ensure(rangeType, 'static', '__new__', (_c, a) => {
    const n = a.slice(1).map((x) => {
      if (typeof x === 'number') return x;
      if (typeof x === 'boolean') return x ? 1 : 0;
      throw pyErr(E.TypeError, `'${typeName(x)}' object cannot be interpreted as an integer`);
    });
    if (n.length === 1) return new PyRange(0, n[0]!, 1);
    if (n[2] === 0) throw pyErr(E.ValueError, 'range() arg 3 must not be zero');
    return new PyRange(n[0]!, n[1]!, n[2] ?? 1);
  });
  ensure(sliceType, 'static', '__new__', (_c, a) => {
    if (a.length === 2) return new PySlice(null, a[1]!, null);
    return new PySlice(a[1] ?? null, a[2] ?? null, a[3] ?? null);
  });
  // container reprs
  const seqRepr = (open: string, close: string, one = '') => (ctx: import('../frame').CallContext, a: PyValue[]) => {
    const v = a[0]!;
    const xs = v instanceof PyList || v instanceof PyTuple ? v.items : (v as PySetBase).keyList();
    if (xs.length === 0 && v instanceof PySetBase) return v instanceof PyFrozenSet ? 'frozenset()' : 'set()';
    const parts: string[] = [];
    for (const x of xs) {
      const r = reprOf(ctx, x);
      if (typeof r !== 'string') return new NativeFrameStart('vm.fallbackRepr', { xs, open, close, one, i: parts.length, parts, phase: 0 });
      parts.push(r);
    }
    return open + parts.join(', ') + (xs.length === 1 ? one : '') + close;
  };
  ensure(listType, 'method', '__repr__', seqRepr('[', ']'));
  ensure(tupleType, 'method', '__repr__', seqRepr('(', ')', ','));
  ensure(setType, 'method', '__repr__', seqRepr('{', '}'));
  ensure(frozensetType, 'method', '__repr__', seqRepr('frozenset({', '})'));
  ensure(dictType, 'method', '__repr__', (ctx, a) => {
    const d = a[0] as PyDict;
    const parts: string[] = [];
    let ok = true;
    d.forEach((k, v) => {
      if (!ok) return;
      const rk = reprOf(ctx, k);
      const rv = reprOf(ctx, v);
      if (typeof rk !== 'string' || typeof rv !== 'string') ok = false;
      else parts.push(`${rk}: ${rv}`);
    });
    if (!ok) throw pyErr(E.TypeError, 'dict repr with Python __repr__ values is not supported yet');
    return '{' + parts.join(', ') + '}';
  });
  ensure(rangeType, 'method', '__repr__', (_c, a) => {
    const r = a[0] as PyRange;
    return r.step === 1 ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`;
  });
  void isSubtype;
  void newInstance;
}

registerNativeImpl('vm.fallbackRepr', {
  resume(_ctx, st, value, exc) {
    if (exc) throw new PyException(exc);
    const xs = st.xs as PyValue[];
    const parts = st.parts as string[];
    if (st.phase === 1) parts.push(value as string);
    st.phase = 1;
    if (parts.length < xs.length) return new NativeCall(REPR, [xs[parts.length]!]);
    return (st.open as string) + parts.join(', ') + (xs.length === 1 ? (st.one as string) : '') + (st.close as string);
  },
});

registerNativeImpl('vm.fallbackFill', {
  resume(_ctx, st, value, exc) {
    if (exc) throw new PyException(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return st.start as NativeFrameStart;
    }
    const it = value as PyValue[] | PyList;
    const arr = it instanceof PyList ? it.items : it;
    if (st.kind === 'tuple') return new PyTuple(arr.slice(), st.cls as PyType);
    (st.target as PyList).items = arr.slice();
    return null;
  },
});
