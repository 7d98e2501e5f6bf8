// Methods of tuple and range.

import { PyValue, PyList, PyTuple, PyRange, NotImplemented, tupleType, rangeType, EMPTY_TUPLE } from '../objects';
import { E, pyErr } from '../exceptions';
import { NativeFrameStart, type CallContext, type NativeFn } from '../frame';
import { defineMethods, defineStaticMethods, defineGetters, registerNativeImpl } from '../types';
import { typeName, iterFast } from '../protocol';
import { asIndex, argsClinic, oneArg, consume, rethrow, reprContainer, sliceArg, indexArg, withArity } from './util';
import { searchSeq, repeatItems, newCls } from './list';

function selfTuple(args: PyValue[], name: string): PyTuple {
  const s = args[0];
  if (!(s instanceof PyTuple)) {
    throw pyErr(E.TypeError, `descriptor '${name}' for 'tuple' objects doesn't apply to a '${typeName(s ?? null)}' object`);
  }
  return s;
}

/** tuple(iterable) for a given tuple class. */
export function makeTuple(ctx: CallContext, cls: PyTuple['cls'], iterable: PyValue | undefined): PyValue | NativeFrameStart {
  if (iterable === undefined) return cls === tupleType ? EMPTY_TUPLE : new PyTuple([], cls);
  if (iterable instanceof PyTuple && cls === tupleType && iterable.cls === tupleType) return iterable;
  const fast = iterFast(iterable);
  if (fast !== undefined) return cls === tupleType && fast.length === 0 ? EMPTY_TUPLE : new PyTuple(fast, cls);
  const r = consume(ctx, iterable);
  if (Array.isArray(r)) return new PyTuple(r, cls);
  return new NativeFrameStart('tuple.new', { cls, start: r.state, phase: 0 });
}

registerNativeImpl('tuple.new', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeFrameStart('lib.consume', st.start as Record<string, unknown>);
    }
    return new PyTuple((value as PyList).items, st.cls as PyTuple['cls']);
  },
});

defineStaticMethods(tupleType, {
  __new__: (ctx, args, kw) => {
    const cls = newCls(args, tupleType);
    if (kw && kw.length) throw pyErr(E.TypeError, 'tuple() takes no keyword arguments');
    if (args.length > 2) throw pyErr(E.TypeError, `tuple expected at most 1 argument, got ${args.length - 1}`);
    return makeTuple(ctx, cls, args[1]);
  },
});

const tupleMethods: Record<string, NativeFn> = {
  index: (ctx, args, kw) => {
    const t = selfTuple(args, 'index');
    const a = argsClinic('index', args, kw, 1, 3);
    const n = t.items.length;
    let start = a[1] === undefined ? 0 : sliceArg(a[1], true)!;
    let stop = a[2] === undefined ? Number.MAX_SAFE_INTEGER : sliceArg(a[2], true)!;
    if (start < 0) start = Math.max(0, start + n);
    if (stop < 0) stop = Math.max(0, stop + n);
    return searchSeq(ctx, t, a[0]!, 'index', start, stop);
  },
  count: (ctx, args, kw) => searchSeq(ctx, selfTuple(args, 'count'), oneArg('tuple.count', args, kw), 'count'),
  __repr__: (ctx, args) => {
    const t = selfTuple(args, '__repr__');
    if (t.items.length === 0) return '()';
    return reprContainer(ctx, t, t.items, '(', ')', 'seq', true, '(...)');
  },
  __len__: (_c, args) => selfTuple(args, '__len__').items.length,
  __contains__: (ctx, args) => searchSeq(ctx, selfTuple(args, '__contains__'), args[1]!, 'contains'),
  __add__: (_c, args) => {
    const t = selfTuple(args, '__add__');
    const b = args[1]!;
    if (!(b instanceof PyTuple)) throw pyErr(E.TypeError, `can only concatenate tuple (not "${typeName(b)}") to tuple`);
    return new PyTuple(t.items.concat(b.items));
  },
  __mul__: (_c, args) => {
    const t = selfTuple(args, '__mul__');
    const n = asIndex(args[1]!);
    if (n === undefined) return NotImplemented;
    return new PyTuple(repeatItems(t.items, n));
  },
  __rmul__: (_c, args) => {
    const t = selfTuple(args, '__rmul__');
    const n = asIndex(args[1]!);
    if (n === undefined) return NotImplemented;
    return new PyTuple(repeatItems(t.items, n));
  },
  __getnewargs__: (_c, args) => new PyTuple([new PyTuple(selfTuple(args, '__getnewargs__').items.slice())]),
};
defineMethods(tupleType, withArity(tupleMethods, { qual: 'tuple', seqRepeat: true }));

// ------------------------------------------------------------------ range

function selfRange(args: PyValue[], name: string): PyRange {
  const s = args[0];
  if (!(s instanceof PyRange)) {
    throw pyErr(E.TypeError, `descriptor '${name}' for 'range' objects doesn't apply to a '${typeName(s ?? null)}' object`);
  }
  return s;
}

function rangeArg(v: PyValue): number {
  const i = asIndex(v);
  if (i === undefined) throw pyErr(E.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  if (typeof i === 'bigint') throw pyErr(E.OverflowError, 'range() with integers beyond 2**53 is not supported');
  return i;
}

defineStaticMethods(rangeType, {
  __new__: (_c, args, kw) => {
    if (kw && kw.length) throw pyErr(E.TypeError, 'range() takes no keyword arguments');
    const a = args.slice(1);
    if (a.length === 0) throw pyErr(E.TypeError, 'range expected at least 1 argument, got 0');
    if (a.length > 3) throw pyErr(E.TypeError, `range expected at most 3 arguments, got ${a.length}`);
    if (a.length === 1) return new PyRange(0, rangeArg(a[0]!), 1);
    const start = rangeArg(a[0]!);
    const stop = rangeArg(a[1]!);
    const step = a.length === 3 ? rangeArg(a[2]!) : 1;
    if (step === 0) throw pyErr(E.ValueError, 'range() arg 3 must not be zero');
    return new PyRange(start, stop, step);
  },
});

function rangeIndexOf(r: PyRange, v: PyValue): number {
  const i = asIndex(v);
  if (i === undefined || typeof i === 'bigint') return -1;
  const len = r.length;
  if (len === 0) return -1;
  const off = i - r.start;
  if (off % r.step !== 0) return -1;
  const k = off / r.step;
  return k >= 0 && k < len ? k : -1;
}

const rangeMethods: Record<string, NativeFn> = {
  __repr__: (_c, args) => {
    const r = selfRange(args, '__repr__');
    return r.step === 1 ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`;
  },
  __len__: (_c, args) => selfRange(args, '__len__').length,
  __contains__: (_c, args) => rangeIndexOf(selfRange(args, '__contains__'), args[1]!) >= 0,
  index: (_c, args, kw) => {
    const r = selfRange(args, 'index');
    const v = oneArg('range.index', args, kw);
    const k = rangeIndexOf(r, v);
    if (k < 0) {
      if (asIndex(v) === undefined) throw pyErr(E.ValueError, 'sequence.index(x): x not in sequence');
      throw pyErr(E.ValueError, `${String(asIndex(v))} is not in range`);
    }
    return k;
  },
  count: (_c, args, kw) => {
    const r = selfRange(args, 'count');
    return rangeIndexOf(r, oneArg('range.count', args, kw)) >= 0 ? 1 : 0;
  },
};
defineMethods(rangeType, withArity(rangeMethods, { qual: 'range' }));

defineGetters(rangeType, {
  start: (_c, self) => (self as PyRange).start,
  stop: (_c, self) => (self as PyRange).stop,
  step: (_c, self) => (self as PyRange).step,
});

export { indexArg };
