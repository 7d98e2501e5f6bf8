// Methods of set and frozenset. Elements whose class defines __hash__/__eq__ in Python
// go through the VM's resumable 'vm.hashLookup' frames.

import { PyType, PyValue, PyList, NotImplemented, setType, frozensetType } from '../objects';
import { PySetBase, PySet, PyFrozenSet, CUSTOM_KEY } from '../dict';
import { E, PyException, pyErr, newException } from '../exceptions';
import { NativeFrameStart, type CallContext, type NativeFn } from '../frame';
import { defineMethods, defineStaticMethods, registerNativeImpl } from '../types';
import { keyOrThrow, typeName, iterFast } from '../protocol';
import { noArgs, oneArg, consume, rethrow, reprContainer, withArity } from './util';
import { newCls } from './list';
import { PyDictView } from './dict';

function selfSet(args: PyValue[], name: string, frozenOk = true): PySetBase {
  const s = args[0];
  if (!(s instanceof PySetBase) || (!frozenOk && s instanceof PyFrozenSet)) {
    throw pyErr(E.TypeError, `descriptor '${name}' for 'set' objects doesn't apply to a '${typeName(s ?? null)}' object`);
  }
  return s;
}

function lookup(s: PySetBase, key: PyValue, want: string): NativeFrameStart {
  return new NativeFrameStart('vm.hashLookup', { container: s, key, want, phase: 0 });
}

/** A fresh set/frozenset of the same kind as `like` (results of set algebra are the base type). */
function emptyLike(like: PySetBase): PySetBase {
  return like instanceof PyFrozenSet ? new PyFrozenSet() : new PySet();
}

/**
 * Runs a set operation over the items of `other` (any iterable): op 'add' adds each
 * item to target, 'discard' removes each, 'keep' keeps in `out` the items of target
 * that are in other (intersection), 'toggle' symmetric difference. Returns `ret` now or
 * a native frame.
 */
function applyItems(ctx: CallContext, target: PySetBase, other: PyValue, op: 'add' | 'discard' | 'toggle', ret: PyValue): PyValue | NativeFrameStart {
  const items = other instanceof PyDictView ? null : iterFast(other);
  if (items === undefined || items === null) {
    const c = consume(ctx, other);
    if (!Array.isArray(c)) return new NativeFrameStart('set.apply', { target, items: null, start: c.state, op, ret, i: 0, phase: 0 });
    return applyArray(target, c, 0, op, ret);
  }
  return applyArray(target, items, 0, op, ret);
}

function applyArray(target: PySetBase, items: PyValue[], from: number, op: string, ret: PyValue): PyValue | NativeFrameStart {
  if (op === 'toggle') {
    // symmetric difference: dedupe `items` first (as CPython builds a set from other)
    const seen = new PySet();
    for (let i = from; i < items.length; i++) {
      const x = items[i]!;
      const ck = keyOrThrow(x);
      if (ck === CUSTOM_KEY) return new NativeFrameStart('set.apply', { target, items, op, ret, i, phase: 1 });
      if (seen.hasCk(ck)) continue;
      seen.addCk(ck, x);
      if (target.hasCk(ck)) target.deleteCk(ck);
      else target.addCk(ck, x);
    }
    return ret;
  }
  for (let i = from; i < items.length; i++) {
    const x = items[i]!;
    const ck = keyOrThrow(x);
    if (ck === CUSTOM_KEY) return new NativeFrameStart('set.apply', { target, items, op, ret, i, phase: 1 });
    if (op === 'add') target.addCk(ck, x);
    else target.deleteCk(ck);
  }
  return ret;
}

registerNativeImpl('set.apply', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    const target = st.target as PySetBase;
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeFrameStart('lib.consume', st.start as Record<string, unknown>);
    }
    if (st.items === null) {
      st.items = (value as PyList).items;
      st.i = 0;
    } else if (st.phase === 2) {
      st.i = (st.i as number) + 1;
    }
    const items = st.items as PyValue[];
    for (let i = st.i as number; i < items.length; i++) {
      const x = items[i]!;
      const ck = keyOrThrow(x);
      if (ck === CUSTOM_KEY) {
        st.i = i;
        st.phase = 2;
        // 'toggle' with custom keys degrades to add (rare)
        return lookup(target, x, st.op === 'discard' ? 'discard' : 'add');
      }
      if (st.op === 'add') target.addCk(ck, x);
      else if (st.op === 'discard') target.deleteCk(ck);
      else if (target.hasCk(ck)) target.deleteCk(ck);
      else target.addCk(ck, x);
    }
    return st.ret as PyValue;
  },
});

/** Items of `other` as a set for membership tests (only when all keys are simple). */
function asKeySet(other: PyValue): PySetBase | undefined {
  if (other instanceof PySetBase) return other;
  const items = iterFast(other);
  if (items === undefined) return undefined;
  const s = new PySet();
  for (const x of items) {
    const ck = keyOrThrow(x);
    if (ck === CUSTOM_KEY) return undefined;
    s.addCk(ck, x);
  }
  return s;
}

function needSet(other: PyValue): PySetBase {
  const s = asKeySet(other);
  if (s === undefined) {
    if (iterFast(other) === undefined) {
      throw pyErr(E.TypeError, `'${typeName(other)}' object is not iterable`);
    }
    throw pyErr(E.TypeError, 'set operations with elements defining __hash__ in Python are not supported here');
  }
  return s;
}

function intersect(a: PySetBase, b: PySetBase): PySetBase {
  const out = emptyLike(a);
  // CPython iterates the smaller set
  const [small, big] = b.size < a.size ? [b, a] : [a, b];
  for (const k of small.keyList()) {
    const ck = keyOrThrow(k);
    if (big.hasCk(ck)) out.addCk(ck, k);
  }
  return out;
}

function difference(a: PySetBase, b: PySetBase): PySetBase {
  const out = emptyLike(a);
  for (const k of a.keyList()) {
    const ck = keyOrThrow(k);
    if (!b.hasCk(ck)) out.addCk(ck, k);
  }
  return out;
}

function copyOf(s: PySetBase, kind: PySetBase = s): PySetBase {
  const out = emptyLike(kind);
  for (const k of s.keyList()) out.addCk(keyOrThrow(k), k);
  return out;
}

function isSubset(a: PySetBase, b: PySetBase): boolean {
  if (a.size > b.size) return false;
  return a.keyList().every((k) => b.hasCk(keyOrThrow(k)));
}

function setRepr(ctx: CallContext, s: PySetBase): PyValue | NativeFrameStart {
  const name = s.cls.name;
  const exact = s.cls === setType;
  if (s.size === 0) return `${name}()`;
  const open = exact ? '{' : `${name}({`;
  const close = exact ? '}' : '})';
  return reprContainer(ctx, s, s.keyList(), open, close, 'seq', true, `${name}(...)`);
}

const common: Record<string, NativeFn> = {
  copy: (_c, args, kw) => {
    const s = selfSet(args, 'copy');
    noArgs(`${s.cls.name}.copy`, args, kw);
    if (s instanceof PyFrozenSet && s.cls === frozensetType) return s;
    return copyOf(s);
  },
  union: (ctx, args, kw) => {
    const s = selfSet(args, 'union');
    if (kw && kw.length) throw pyErr(E.TypeError, 'union() takes no keyword arguments');
    const out = copyOf(s);
    return chain(ctx, out, args.slice(1), 'add', out);
  },
  intersection: (_c, args, kw) => {
    const s = selfSet(args, 'intersection');
    if (kw && kw.length) throw pyErr(E.TypeError, 'intersection() takes no keyword arguments');
    let out = copyOf(s);
    for (const o of args.slice(1)) out = intersect(out, needSet(o));
    return out;
  },
  difference: (_c, args, kw) => {
    const s = selfSet(args, 'difference');
    if (kw && kw.length) throw pyErr(E.TypeError, 'difference() takes no keyword arguments');
    let out = copyOf(s);
    for (const o of args.slice(1)) out = difference(out, needSet(o));
    return out;
  },
  symmetric_difference: (ctx, args, kw) => {
    const s = selfSet(args, 'symmetric_difference');
    const other = oneArg(`${s.cls.name}.symmetric_difference`, args, kw);
    const out = copyOf(s);
    return applyItems(ctx, out, other, 'toggle', out);
  },
  issubset: (_c, args, kw) => {
    const s = selfSet(args, 'issubset');
    return isSubset(s, needSet(oneArg(`${s.cls.name}.issubset`, args, kw)));
  },
  issuperset: (_c, args, kw) => {
    const s = selfSet(args, 'issuperset');
    return isSubset(needSet(oneArg(`${s.cls.name}.issuperset`, args, kw)), s);
  },
  isdisjoint: (_c, args, kw) => {
    const s = selfSet(args, 'isdisjoint');
    const o = needSet(oneArg(`${s.cls.name}.isdisjoint`, args, kw));
    return !s.keyList().some((k) => o.hasCk(keyOrThrow(k)));
  },
  __repr__: (ctx, args) => setRepr(ctx, selfSet(args, '__repr__')),
  __len__: (_c, args) => selfSet(args, '__len__').size,
  __contains__: (_c, args) => {
    const s = selfSet(args, '__contains__');
    let x = args[1]!;
    if (x instanceof PySet) x = copyOf(x, new PyFrozenSet());
    const ck = keyOrThrow(x);
    if (ck === CUSTOM_KEY) return lookup(s, x, 'contains');
    return s.hasCk(ck);
  },
};

/** Applies op with each of `others` in turn. */
function chain(ctx: CallContext, target: PySetBase, others: PyValue[], op: 'add' | 'discard', ret: PyValue): PyValue | NativeFrameStart {
  for (let i = 0; i < others.length; i++) {
    const r = applyItems(ctx, target, others[i]!, op, ret);
    if (r instanceof NativeFrameStart) {
      if (i === others.length - 1) return r;
      return new NativeFrameStart('set.chain', { target, others: others.slice(i + 1), op, ret, start: { impl: r.impl, state: r.state }, phase: 0 });
    }
  }
  return ret;
}

registerNativeImpl('set.chain', {
  resume(ctx, st, _value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      const s = st.start as { impl: string; state: Record<string, unknown> };
      return new NativeFrameStart(s.impl, s.state);
    }
    return chain(ctx, st.target as PySetBase, st.others as PyValue[], st.op as 'add' | 'discard', st.ret as PyValue);
  },
});

const mutating: Record<string, NativeFn> = {
  add: (_c, args, kw) => {
    const s = selfSet(args, 'add', false);
    const x = oneArg('set.add', args, kw);
    const ck = keyOrThrow(x);
    if (ck === CUSTOM_KEY) return lookup(s, x, 'add');
    s.addCk(ck, x);
    return null;
  },
  remove: (_c, args, kw) => {
    const s = selfSet(args, 'remove', false);
    let x = oneArg('set.remove', args, kw);
    if (x instanceof PySet) x = copyOf(x, new PyFrozenSet());
    const ck = keyOrThrow(x);
    if (ck === CUSTOM_KEY) return lookup(s, x, 'del');
    if (!s.deleteCk(ck)) throw new PyException(newException(E.KeyError, x));
    return null;
  },
  discard: (_c, args, kw) => {
    const s = selfSet(args, 'discard', false);
    let x = oneArg('set.discard', args, kw);
    if (x instanceof PySet) x = copyOf(x, new PyFrozenSet());
    const ck = keyOrThrow(x);
    if (ck === CUSTOM_KEY) return lookup(s, x, 'discard');
    s.deleteCk(ck);
    return null;
  },
  pop: (_c, args, kw) => {
    const s = selfSet(args, 'pop', false);
    noArgs('set.pop', args, kw);
    const keys = s.keyList();
    if (keys.length === 0) throw pyErr(E.KeyError, 'pop from an empty set');
    const k = keys[0]!;
    const ck = keyOrThrow(k);
    if (ck === CUSTOM_KEY) return popCustom(s, k);
    s.deleteCk(ck);
    return k;
  },
  clear: (_c, args, kw) => {
    const s = selfSet(args, 'clear', false);
    noArgs('set.clear', args, kw);
    s.clear();
    return null;
  },
  update: (ctx, args, kw) => {
    const s = selfSet(args, 'update', false);
    if (kw && kw.length) throw pyErr(E.TypeError, 'update() takes no keyword arguments');
    return chain(ctx, s, args.slice(1), 'add', null);
  },
  difference_update: (ctx, args, kw) => {
    const s = selfSet(args, 'difference_update', false);
    if (kw && kw.length) throw pyErr(E.TypeError, 'difference_update() takes no keyword arguments');
    return chain(ctx, s, args.slice(1), 'discard', null);
  },
  intersection_update: (_c, args, kw) => {
    const s = selfSet(args, 'intersection_update', false);
    if (kw && kw.length) throw pyErr(E.TypeError, 'intersection_update() takes no keyword arguments');
    let out: PySetBase = s;
    for (const o of args.slice(1)) out = intersect(out, needSet(o));
    if (out !== s) {
      s.clear();
      for (const k of out.keyList()) s.addCk(keyOrThrow(k), k);
    }
    return null;
  },
  symmetric_difference_update: (ctx, args, kw) => {
    const s = selfSet(args, 'symmetric_difference_update', false);
    return applyItems(ctx, s, oneArg('set.symmetric_difference_update', args, kw), 'toggle', null);
  },
  __init__: (ctx, args, kw) => {
    const s = selfSet(args, '__init__', false);
    if (kw && kw.length) throw pyErr(E.TypeError, 'set() takes no keyword arguments');
    if (args.length > 2) throw pyErr(E.TypeError, `set expected at most 1 argument, got ${args.length - 1}`);
    s.clear();
    if (args.length === 2) return applyItems(ctx, s, args[1]!, 'add', null);
    return null;
  },
};

function popCustom(s: PySetBase, k: PyValue): NativeFrameStart {
  return new NativeFrameStart('set.popCustom', { s, k, phase: 0 });
}

registerNativeImpl('set.popCustom', {
  resume(_ctx, st, _value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return lookup(st.s as PySetBase, st.k as PyValue, 'discard');
    }
    return st.k as PyValue;
  },
});

/** Operator dunders (explicit calls and subclasses; the VM's operators use fast paths). */
function setOps(frozen: boolean): Record<string, NativeFn> {
  const bin = (f: (a: PySetBase, b: PySetBase) => PySetBase, reflected = false): NativeFn => (_c, args) => {
    const a = args[0];
    const b = args[1];
    if (!(a instanceof PySetBase) || !(b instanceof PySetBase)) return NotImplemented;
    return reflected ? f(b, a) : f(a, b);
  };
  const union = (a: PySetBase, b: PySetBase) => {
    const out = copyOf(a);
    for (const k of b.keyList()) out.addCk(keyOrThrow(k), k);
    return out;
  };
  const xor = (a: PySetBase, b: PySetBase) => {
    const out = difference(a, b);
    for (const k of b.keyList()) {
      const ck = keyOrThrow(k);
      if (!a.hasCk(ck)) out.addCk(ck, k);
    }
    return out;
  };
  const ops: Record<string, NativeFn> = {
    __and__: bin(intersect),
    __rand__: bin(intersect, true),
    __or__: bin(union),
    __ror__: bin(union, true),
    __sub__: bin(difference),
    __rsub__: bin(difference, true),
    __xor__: bin(xor),
    __rxor__: bin(xor, true),
  };
  if (!frozen) {
    const inplace = (f: (a: PySetBase, b: PySetBase) => PySetBase): NativeFn => (_c, args) => {
      const a = args[0];
      const b = args[1];
      if (!(a instanceof PySetBase) || !(b instanceof PySetBase)) return NotImplemented;
      const r = f(a, b);
      a.clear();
      for (const k of r.keyList()) a.addCk(keyOrThrow(k), k);
      return a;
    };
    ops.__iand__ = inplace(intersect);
    ops.__ior__ = inplace(union);
    ops.__isub__ = inplace(difference);
    ops.__ixor__ = inplace(xor);
  }
  return ops;
}

defineMethods(setType, withArity({ ...common, ...mutating, ...setOps(false) }, { qual: 'set', methO: ['__contains__'] }));
defineMethods(frozensetType, withArity({ ...common, ...setOps(true) }, { qual: 'frozenset', methO: ['__contains__'] }));

defineStaticMethods(setType, {
  __new__: (_c, args) => new PySet(newCls(args, setType)),
});

defineStaticMethods(frozensetType, {
  __new__: (ctx, args, kw) => {
    const cls: PyType = newCls(args, frozensetType);
    if (kw && kw.length) throw pyErr(E.TypeError, 'frozenset() takes no keyword arguments');
    if (args.length > 2) throw pyErr(E.TypeError, `frozenset expected at most 1 argument, got ${args.length - 1}`);
    const src = args[1];
    if (src instanceof PyFrozenSet && src.cls === frozensetType && cls === frozensetType) return src;
    const out = new PyFrozenSet(cls);
    if (src === undefined) return out;
    return applyItems(ctx, out, src, 'add', out);
  },
});
