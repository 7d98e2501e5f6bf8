// Methods of list (CPython 3.11 Objects/listobject.c semantics and messages).
// Element equality (index/count/remove) and sorting may call Python code: those run as
// native frames.

import { PyValue, PyList, PyTuple, PyType, NotImplemented, listType, isSubtype, typeOf } from '../objects';
import { E, pyErr } from '../exceptions';
import { NativeFrameStart, type CallContext, type NativeFn } from '../frame';
import { defineMethods, defineStaticMethods, registerNativeImpl } from '../types';
import { parseArgs } from '../args';
import { eqFast, reprOf, typeName, isDeferred, iterFast } from '../protocol';
import { PyListReverseIterator } from '../iterators';
import { compareOp } from '../binop';
import {
  asIndex, indexArg, noArgs, oneArg, argsClinic, consume, rethrow, reprContainer, sliceArg, truthOrDefer, withArity } from './util';
import { startSort } from './sort';

export function selfList(args: PyValue[], name: string): PyList {
  if (args.length === 0) throw pyErr(E.TypeError, `unbound method list.${name}() needs an argument`);
  const s = args[0]!;
  if (!(s instanceof PyList)) {
    throw pyErr(E.TypeError, `descriptor '${name}' for 'list' objects doesn't apply to a '${typeName(s)}' object`);
  }
  return s;
}

/** Adds all items of an iterable to `dst` (list.extend / list.__init__ / +=). */
export function extendList(ctx: CallContext, dst: PyList, iterable: PyValue, ret: PyValue): PyValue | NativeFrameStart {
  if (iterable === dst) {
    dst.items.push(...dst.items.slice());
    return ret;
  }
  const fast = iterFast(iterable);
  if (fast !== undefined) {
    for (const x of fast) dst.items.push(x);
    return ret;
  }
  const r = consume(ctx, iterable);
  if (Array.isArray(r)) {
    for (const x of r) dst.items.push(x);
    return ret;
  }
  return new NativeFrameStart('list.extend', { dst, start: r.state, ret, phase: 0 });
}

registerNativeImpl('list.extend', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeFrameStart('lib.consume', st.start as Record<string, unknown>);
    }
    const dst = st.dst as PyList;
    for (const x of (value as PyList).items) dst.items.push(x);
    return st.ret as PyValue;
  },
});

// ------------------------------------------------------------------ equality search

type SearchMode = 'index' | 'count' | 'remove' | 'contains';

/**
 * Searches items[start:stop] of a live list (or tuple) for x with ==: index/count/
 * remove/contains. Answers now or with a native frame.
 */
export function searchSeq(
  ctx: CallContext,
  seq: PyList | PyTuple,
  x: PyValue,
  mode: SearchMode,
  start = 0,
  stop = Number.MAX_SAFE_INTEGER,
): PyValue | NativeFrameStart {
  const st = { seq, x, mode, i: start, stop, count: 0, waiting: 0 };
  const r = searchRun(ctx, st);
  if (r !== PENDING) return r as PyValue;
  return new NativeFrameStart('lib.search', st);
}

const PENDING = { pending: true };

/** 'list', 'tuple', or the type name of another sequence with `items` (deque). */
function seqKind(seq: PyList | PyTuple): string {
  if (seq instanceof PyTuple) return 'tuple';
  if (seq instanceof PyList) return 'list';
  return typeName(seq as PyValue);
}

function searchRun(ctx: CallContext, st: { seq: PyList | PyTuple; x: PyValue; mode: SearchMode; i: number; stop: number; count: number; waiting: number }, found?: boolean): PyValue | typeof PENDING | NativeFrameStart {
  const items = st.seq.items;
  for (;;) {
    if (found === undefined) {
      if (st.i >= Math.min(st.stop, st.seq.items.length)) break;
      const y = items[st.i]!;
      if (y === st.x) found = true;
      else {
        const e = eqFast(y, st.x);
        if (e === undefined) return PENDING;
        found = e;
      }
    }
    if (found) {
      switch (st.mode) {
        case 'index':
          return st.i;
        case 'contains':
          return true;
        case 'remove':
          st.seq.items.splice(st.i, 1);
          return null;
        case 'count':
          st.count++;
      }
    }
    found = undefined;
    st.i++;
  }
  switch (st.mode) {
    case 'count':
      return st.count;
    case 'contains':
      return false;
    case 'remove':
      throw pyErr(E.ValueError, `${seqKind(st.seq)}.remove(x): x not in ${seqKind(st.seq)}`);
    default: {
      if (st.seq instanceof PyTuple) throw pyErr(E.ValueError, 'tuple.index(x): x not in tuple');
      if (seqKind(st.seq) === 'deque') throw pyErr(E.ValueError, `${reprOf(ctx, st.x) as string} is not in deque`);
      const r = reprOf(ctx, st.x);
      if (typeof r === 'string') throw pyErr(E.ValueError, `${r} is not in list`);
      return new NativeFrameStart('lib.notInList', { x: st.x, phase: 0 });
    }
  }
}

registerNativeImpl('lib.search', {
  resume(ctx, st0, value, exc) {
    if (exc) rethrow(exc);
    const st = st0 as { seq: PyList | PyTuple; x: PyValue; mode: SearchMode; i: number; stop: number; count: number; waiting: number };
    let found: boolean | undefined;
    if (st.waiting === 1) {
      const t = truthOrDefer(value);
      if (isDeferred(t)) {
        st.waiting = 2;
        return t;
      }
      found = t;
    } else if (st.waiting === 2) found = value === true;
    st.waiting = 0;
    for (;;) {
      const r = searchRun(ctx, st, found);
      if (r !== PENDING) return r as PyValue;
      found = undefined;
      const c = compareOp(ctx, 2, st.seq.items[st.i]!, st.x);
      if (isDeferred(c)) {
        st.waiting = 1;
        return c;
      }
      const t = truthOrDefer(c);
      if (isDeferred(t)) {
        st.waiting = 2;
        return t;
      }
      found = t;
    }
  },
});

registerNativeImpl('lib.notInList', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      const r = reprOf(ctx, st.x as PyValue);
      if (typeof r === 'string') throw pyErr(E.ValueError, `${r} is not in list`);
      return r;
    }
    throw pyErr(E.ValueError, `${String(value as string)} is not in list`);
  },
});

// ------------------------------------------------------------------ methods

function listRepr(ctx: CallContext, l: PyList): PyValue | NativeFrameStart {
  if (l.items.length === 0) return '[]';
  return reprContainer(ctx, l, l.items, '[', ']', 'seq', true, '[...]');
}

function concatError(b: PyValue): never {
  throw pyErr(E.TypeError, `can only concatenate list (not "${typeName(b)}") to list`);
}

const methods: Record<string, NativeFn> = {
  append: (_c, args, kw) => {
    const l = selfList(args, 'append');
    l.items.push(oneArg('list.append', args, kw));
    return null;
  },
  extend: (ctx, args, kw) => {
    const l = selfList(args, 'extend');
    return extendList(ctx, l, oneArg('list.extend', args, kw), null);
  },
  insert: (_c, args, kw) => {
    const l = selfList(args, 'insert');
    const a = argsClinic('insert', args, kw, 2, 2);
    const n = l.items.length;
    let i = indexArg(a[0]!);
    if (i < 0) {
      i += n;
      if (i < 0) i = 0;
    } else if (i > n) i = n;
    l.items.splice(i, 0, a[1]!);
    return null;
  },
  pop: (_c, args, kw) => {
    const l = selfList(args, 'pop');
    const a = argsClinic('pop', args, kw, 0, 1);
    const n = l.items.length;
    if (n === 0) throw pyErr(E.IndexError, 'pop from empty list');
    let i = a[0] === undefined ? -1 : indexArg(a[0]!);
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw pyErr(E.IndexError, 'pop index out of range');
    if (i === n - 1) return l.items.pop()!;
    return l.items.splice(i, 1)[0]!;
  },
  remove: (ctx, args, kw) => {
    const l = selfList(args, 'remove');
    return searchSeq(ctx, l, oneArg('list.remove', args, kw), 'remove');
  },
  index: (ctx, args, kw) => {
    const l = selfList(args, 'index');
    const a = argsClinic('index', args, kw, 1, 3);
    const n = l.items.length;
    let start = a[1] === undefined ? 0 : sliceArg(a[1], true)!;
    let stop = a[2] === undefined ? Number.MAX_SAFE_INTEGER : sliceArg(a[2], true)!;
    if (start < 0) start = Math.max(0, start + n);
    if (stop < 0) stop = Math.max(0, stop + n);
    return searchSeq(ctx, l, a[0]!, 'index', start, stop);
  },
  count: (ctx, args, kw) => {
    const l = selfList(args, 'count');
    return searchSeq(ctx, l, oneArg('list.count', args, kw), 'count');
  },
  sort: (ctx, args, kw) => {
    const l = selfList(args, 'sort');
    if (args.length - (kw ? kw.length : 0) > 1) throw pyErr(E.TypeError, 'sort() takes no positional arguments');
    const p = parseArgs('sort', args.slice(1), kw, { names: [], kwOnly: ['key', 'reverse'] });
    const key = p.values[0] ?? null;
    const reverse = p.values[1] === undefined ? false : truthArg(p.values[1]!);
    const r = startSort(ctx, l.items.slice(), key, reverse, l);
    if (Array.isArray(r)) {
      l.items = r;
      return null;
    }
    return r;
  },
  reverse: (_c, args, kw) => {
    const l = selfList(args, 'reverse');
    noArgs('list.reverse', args, kw);
    l.items.reverse();
    return null;
  },
  copy: (_c, args, kw) => {
    const l = selfList(args, 'copy');
    noArgs('list.copy', args, kw);
    return new PyList(l.items.slice());
  },
  clear: (_c, args, kw) => {
    const l = selfList(args, 'clear');
    noArgs('list.clear', args, kw);
    l.items = [];
    return null;
  },
  __init__: (ctx, args, kw) => {
    const l = selfList(args, '__init__');
    if (kw && kw.length) throw pyErr(E.TypeError, 'list() takes no keyword arguments');
    if (args.length > 2) throw pyErr(E.TypeError, `list expected at most 1 argument, got ${args.length - 1}`);
    l.items = [];
    if (args.length === 2) return extendList(ctx, l, args[1]!, null);
    return null;
  },
  __repr__: (ctx, args) => listRepr(ctx, selfList(args, '__repr__')),
  __len__: (_c, args) => selfList(args, '__len__').items.length,
  __contains__: (ctx, args) => searchSeq(ctx, selfList(args, '__contains__'), args[1]!, 'contains'),
  __add__: (_c, args) => {
    const l = selfList(args, '__add__');
    const b = args[1]!;
    if (!(b instanceof PyList)) concatError(b);
    return new PyList(l.items.concat(b.items));
  },
  __iadd__: (ctx, args) => {
    const l = selfList(args, '__iadd__');
    return extendList(ctx, l, args[1]!, l);
  },
  __mul__: (_c, args) => {
    const l = selfList(args, '__mul__');
    const n = asIndex(args[1]!);
    if (n === undefined) return NotImplemented;
    return new PyList(repeatItems(l.items, n));
  },
  __rmul__: (_c, args) => {
    const l = selfList(args, '__rmul__');
    const n = asIndex(args[1]!);
    if (n === undefined) return NotImplemented;
    return new PyList(repeatItems(l.items, n));
  },
  __imul__: (_c, args) => {
    const l = selfList(args, '__imul__');
    const n = asIndex(args[1]!);
    if (n === undefined) return NotImplemented;
    l.items = repeatItems(l.items, n);
    return l;
  },
  __reversed__: (_c, args) => {
    const l = selfList(args, '__reversed__');
    return reversedList(l);
  },
};

export function repeatItems(items: PyValue[], n: number | bigint): PyValue[] {
  if (n <= 0 || items.length === 0) return [];
  if (typeof n === 'bigint' || items.length * n > 1e8) throw pyErr(E.MemoryError);
  const out: PyValue[] = [];
  for (let i = 0; i < n; i++) for (const x of items) out.push(x);
  return out;
}

function truthArg(v: PyValue): boolean {
  const i = asIndex(v);
  if (i !== undefined) return i !== 0 && i !== 0n;
  throw pyErr(E.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
}

function reversedList(l: PyList): PyValue {
  return new PyListReverseIterator(l);
}

defineMethods(listType, withArity(methods, { qual: 'list', seqRepeat: true }));
defineStaticMethods(listType, {
  __new__: (_c, args) => new PyList([], newCls(args, listType)),
});

/** The cls argument of a builtin __new__, checked like CPython's tp_new wrapper. */
export function newCls(args: PyValue[], base: PyType): PyType {
  if (args.length === 0) throw pyErr(E.TypeError, `${base.name}.__new__(): not enough arguments`);
  const cls = args[0]!;
  if (!(cls instanceof PyType)) throw pyErr(E.TypeError, `${base.name}.__new__(X): X is not a type object (${typeName(cls)})`);
  if (!isSubtype(cls, base)) throw pyErr(E.TypeError, `${base.name}.__new__(${cls.name}): ${cls.name} is not a subtype of ${base.name}`);
  return cls;
}

export function isList(v: PyValue): v is PyList {
  return v instanceof PyList && isSubtype(typeOf(v), listType);
}
