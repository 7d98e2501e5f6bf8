// Builtin functions: abs round divmod pow sum any all min max sorted reversed enumerate
// zip map filter chr ord hex oct bin ascii input.

import { PyObject, PyValue, PyList, PyFloat, PyBytes, PyStrSubclass, ITER_STOP, NotImplemented, typeOf } from '../objects';
import { PyBuiltinFunction } from '../function';
import { E, pyErr } from '../exceptions';
import { NativeCall, NativeFrameStart, type CallContext, type NativeFn } from '../frame';
import { makeBuiltin, registerNativeImpl } from '../types';
import { parseArgs } from '../args';
import { getIter, lookupType, reprOf, truthFast, typeName, isDeferred, iterFast } from '../protocol';
import { binaryOp, compareOp } from '../binop';
import { BOOL } from '../natives';
import { streamWrite, streamFlush } from '../stream';
import * as I from '../lib/int-ops';
import * as F from '../lib/float-ops';
import { cpLength } from '../lib/str-unicode';
import {
  asIndex, asStr, callOrDefer, consume, deferredResult, indexArg, isStopIteration, rethrow, splitKw,
  stepIter, truthOrDefer, saveDeferred, loadDeferred, kwArgs, type SavedDeferred,
} from './util';
import { asciiEscape } from './repr';
import { startSort } from './sort';
import { PyEnumerate, PyFilter, PyMap, PyZip, reversedOf } from './iters';
import { divmodNumbers } from './numbers';
import { formatFn } from './format';

function b(name: string, fn: NativeFn): PyBuiltinFunction {
  return makeBuiltin(`builtins.${name}`, name, fn);
}

function exactlyOne(name: string, args: PyValue[], kw: string[] | null): PyValue {
  if (kw && kw.length) throw pyErr(E.TypeError, `${name}() takes no keyword arguments`);
  if (args.length !== 1) throw pyErr(E.TypeError, `${name}() takes exactly one argument (${args.length} given)`);
  return args[0]!;
}

function clinic(name: string, args: PyValue[], kw: string[] | null, n: number): PyValue[] {
  if (kw && kw.length) throw pyErr(E.TypeError, `${name}() takes no keyword arguments`);
  if (args.length !== n) throw pyErr(E.TypeError, `${name} expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
  return args;
}

/** Could iter(v) succeed (has the iteration protocol)? */
function isIterable(v: PyValue): boolean {
  if (typeof v === 'string') return true;
  if (!(v instanceof PyObject)) return false;
  const t = typeOf(v);
  return lookupType(t, '__iter__') !== undefined || lookupType(t, '__getitem__') !== undefined || iterFast(v) !== undefined;
}

const toStart = (r: PyValue | NativeCall | NativeFrameStart): PyValue | NativeFrameStart =>
  isDeferred(r) ? deferredResult(r) : r;

// ------------------------------------------------------------------ numeric

export const absFn = b('abs', (ctx, args, kw) => {
  const x = exactlyOne('abs', args, kw);
  if (typeof x === 'number' || typeof x === 'bigint') return I.intAbs(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat && x.cls.builtin) return new PyFloat(Math.abs(x.value));
  const m = x instanceof PyObject ? lookupType(typeOf(x), '__abs__') : undefined;
  if (m === undefined || m === null) throw pyErr(E.TypeError, `bad operand type for abs(): '${typeName(x)}'`);
  return toStart(callOrDefer(ctx, m, [x]));
});

export const roundFn = b('round', (ctx, args, kw) => {
  const v = kwArgs('round', args, kw, ['number', 'ndigits'], 1);
  const x = v[0]!;
  const nd = v[1];
  const hasNd = nd !== undefined && nd !== null;
  const isNum = asIndex(x) !== undefined || (x instanceof PyFloat && x.cls.builtin);
  if (!isNum && (!(x instanceof PyObject) || lookupType(typeOf(x), '__round__') === undefined)) {
    throw pyErr(E.TypeError, `type ${typeName(x)} doesn't define __round__ method`);
  }
  if (hasNd && asIndex(nd) === undefined) throw pyErr(E.TypeError, `'${typeName(nd)}' object cannot be interpreted as an integer`);
  const i = asIndex(x);
  if (i !== undefined && (typeof x !== 'object' || x === null)) {
    if (!hasNd) return i;
    return F.intRound(i, Number(asIndex(nd)!));
  }
  if (x instanceof PyFloat && x.cls.builtin) {
    if (!hasNd) return F.floatRoundToInt(x.value);
    const n = asIndex(nd)!;
    const nn = typeof n === 'bigint' ? (n < 0n ? -100000 : 100000) : n;
    return new PyFloat(F.floatRound(x.value, nn));
  }
  const m = x instanceof PyObject ? lookupType(typeOf(x), '__round__') : undefined;
  if (m === undefined || m === null) throw pyErr(E.TypeError, `type ${typeName(x)} doesn't define __round__ method`);
  return toStart(callOrDefer(ctx, m, hasNd ? [x, nd] : [x]));
});

export const divmodFn = b('divmod', (ctx, args, kw) => {
  const [a, c] = clinic('divmod', args, kw, 2) as [PyValue, PyValue];
  const r = divmodNumbers(a, c);
  if (r !== undefined) return r;
  return new NativeFrameStart('builtins.divmod', { a, b: c, phase: 0 });
});

registerNativeImpl('builtins.divmod', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    const a = st.a as PyValue;
    const c = st.b as PyValue;
    if (st.phase === 0) {
      const m = lookupType(typeOf(a), '__divmod__');
      st.phase = 1;
      if (m !== undefined && m !== null) return new NativeCall(m, [a, c]);
      value = null;
      st.skip = true;
    }
    if (st.phase === 1) {
      if (!st.skip && value !== NotImplemented) return value;
      st.phase = 2;
      const rm = typeOf(a) !== typeOf(c) ? lookupType(typeOf(c), '__rdivmod__') : undefined;
      if (rm !== undefined && rm !== null) return new NativeCall(rm, [c, a]);
      st.skip2 = true;
    }
    if (!st.skip2 && value !== NotImplemented) return value;
    throw pyErr(E.TypeError, `unsupported operand type(s) for divmod(): '${typeName(a)}' and '${typeName(c)}'`);
  },
});

export const powFn = b('pow', (ctx, args, kw) => {
  const p = parseArgs('pow', args, kw, { names: ['base', 'exp', 'mod'], required: 2 });
  const x = p.values[0]!;
  const y = p.values[1]!;
  const m = p.values[2];
  if (m === undefined || m === null) return toStart(binaryOp(ctx, 8, x, y));
  const ix = asIndex(x);
  const iy = asIndex(y);
  const im = asIndex(m);
  if (ix !== undefined && iy !== undefined && im !== undefined) return I.intPowMod(ix, iy, im);
  const anyFloat = [x, y, m].some((v) => v instanceof PyFloat);
  if (anyFloat) throw pyErr(E.TypeError, 'pow() 3rd argument not allowed unless all arguments are integers');
  const tp = lookupType(typeOf(x), '__pow__');
  if (x instanceof PyObject && !x.cls.builtin && tp !== undefined && tp !== null) return toStart(callOrDefer(ctx, tp, [x, y, m]));
  throw pyErr(E.TypeError, `unsupported operand type(s) for ** or pow(): '${typeName(x)}', '${typeName(y)}', '${typeName(m)}'`);
});

// ------------------------------------------------------------------ sum / any / all

export const sumFn = b('sum', (ctx, args, kw) => {
  const [pos, kwm] = splitKw(args, kw);
  for (const k of kwm.keys()) if (k !== 'start') throw pyErr(E.TypeError, `sum() got an unexpected keyword argument '${k}'`);
  if (pos.length === 0) throw pyErr(E.TypeError, 'sum() takes at least 1 positional argument (0 given)');
  if (pos.length > 2) throw pyErr(E.TypeError, `sum() takes at most 2 arguments (${pos.length} given)`);
  const start = pos.length > 1 ? pos[1]! : (kwm.get('start') ?? 0);
  if (!isIterable(pos[0]!)) getIter(ctx, pos[0]!); // raises "'int' object is not iterable"
  const items = consume(ctx, pos[0]!);
  if (typeof start === 'string' || start instanceof PyStrSubclass) throw pyErr(E.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (start instanceof PyBytes) throw pyErr(E.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (!Array.isArray(items)) return new NativeFrameStart('builtins.sum', { start: items.state, acc: start, items: null, i: 0, phase: 0 });
  const st: Record<string, unknown> = { acc: start, items, i: 0, phase: 1 };
  const r = sumRun(ctx, st);
  if (!isDeferred(r)) return r;
  return new NativeFrameStart('builtins.sum', { ...st, phase: 3, pending: saveDeferred(r) });
});

function sumRun(ctx: CallContext, st: Record<string, unknown>): PyValue | NativeFrameStart | NativeCall {
  const items = st.items as PyValue[];
  let acc = st.acc as PyValue;
  for (let i = st.i as number; i < items.length; i++) {
    const r = binaryOp(ctx, 0, acc, items[i]!);
    if (isDeferred(r)) {
      st.i = i + 1;
      st.phase = 2;
      return r;
    }
    acc = r;
  }
  return acc;
}

registerNativeImpl('builtins.sum', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeFrameStart('lib.consume', st.start as Record<string, unknown>);
    }
    if (st.phase === 3) {
      st.phase = 2;
      return loadDeferred(st.pending as SavedDeferred);
    }
    if (st.phase === 1 && st.items === null) st.items = (value as PyList).items;
    else if (st.phase === 2) st.acc = value;
    return sumRun(ctx, st);
  },
});

/** any()/all(): lazy over the iterator, short-circuiting. */
function anyAll(name: 'any' | 'all'): NativeFn {
  const want = name === 'any';
  return (ctx, args, kw) => {
    const x = exactlyOne(name, args, kw);
    const it = getIter(ctx, x);
    const st = { it: isDeferred(it) ? null : it, want, phase: 0, first: isDeferred(it) ? { impl: 'lib.call', state: {} } : null };
    if (isDeferred(it)) return new NativeFrameStart('builtins.anyall', { ...st, getIter: x });
    const r = anyAllRun(ctx, st);
    return r;
  };
}

function anyAllRun(ctx: CallContext, st: Record<string, unknown>): PyValue | NativeFrameStart {
  for (;;) {
    const r = stepIter(ctx, st.it as PyValue);
    if (r === ITER_STOP) return !st.want;
    if (isDeferred(r)) return new NativeFrameStart('builtins.anyall', { it: st.it, want: st.want, phase: 1, d: r instanceof NativeCall ? { call: r.callee, args: r.args, kwnames: r.kwnames } : { impl: r.impl, state: r.state } });
    const t = truthFast(r as PyValue);
    if (t === undefined) return new NativeFrameStart('builtins.anyall', { it: st.it, want: st.want, phase: 3, x: r });
    if (t === st.want) return st.want as boolean;
  }
}

registerNativeImpl('builtins.anyall', {
  resume(ctx, st, value, exc) {
    if (exc) {
      if (st.phase === 2 && isStopIteration(exc)) return !st.want;
      rethrow(exc);
    }
    for (;;) {
      switch (st.phase) {
        case 0: // get the iterator
          if (st.it === null) {
            st.phase = 5;
            return new NativeCall(ITER_FN, [st.getIter as PyValue]);
          }
          break;
        case 5:
          st.it = value;
          break;
        case 1: {
          const d = st.d as { call?: PyValue; args?: PyValue[]; kwnames?: string[] | null; impl?: string; state?: Record<string, unknown> };
          st.phase = 2;
          if (d.impl !== undefined) return new NativeFrameStart(d.impl, d.state!);
          return new NativeCall(d.call!, d.args!, d.kwnames ?? null);
        }
        case 2: {
          // got an item
          const t = truthFast(value);
          if (t === undefined) {
            st.phase = 4;
            return new NativeCall(BOOL, [value]);
          }
          if (t === st.want) return st.want as boolean;
          break;
        }
        case 3:
          st.phase = 4;
          return new NativeCall(BOOL, [st.x as PyValue]);
        case 4:
          if (value === st.want) return st.want as boolean;
          break;
      }
      const r = stepIter(ctx, st.it as PyValue);
      if (r === ITER_STOP) return !st.want;
      if (isDeferred(r)) {
        st.phase = 2;
        return r;
      }
      value = r as PyValue;
      st.phase = 2;
      const t = truthFast(value);
      if (t === undefined) {
        st.phase = 4;
        return new NativeCall(BOOL, [value]);
      }
      if (t === st.want) return st.want as boolean;
    }
  },
});

import { ITER as ITER_FN } from '../natives';

export const anyFn = b('any', anyAll('any'));
export const allFn = b('all', anyAll('all'));

// ------------------------------------------------------------------ min / max

function minMax(name: 'min' | 'max'): NativeFn {
  const op = name === 'min' ? 0 : 4;
  return (ctx, args, kw) => {
    const [pos, kwm] = splitKw(args, kw);
    for (const k of kwm.keys()) {
      if (k !== 'key' && k !== 'default') throw pyErr(E.TypeError, `'${k}' is an invalid keyword argument for ${name}()`);
    }
    if (pos.length === 0) throw pyErr(E.TypeError, `${name} expected at least 1 argument, got 0`);
    let key = kwm.get('key') ?? null;
    const dflt = kwm.get('default');
    if (pos.length > 1 && dflt !== undefined) {
      throw pyErr(E.TypeError, `Cannot specify a default for ${name}() with multiple positional arguments`);
    }
    if (key === null) key = null;
    const st = { name, op, key, dflt: dflt === undefined ? ITER_STOP_MARK : dflt, items: null as PyValue[] | null, i: 0, best: null as PyValue, bestKey: null as PyValue, has: false, phase: 1, cur: null as PyValue, curKey: null as PyValue };
    if (pos.length > 1) st.items = pos;
    else {
      const c = consume(ctx, pos[0]!);
      if (!Array.isArray(c)) return new NativeFrameStart('builtins.minmax', { ...st, phase: 0, start: c.state });
      st.items = c;
    }
    const r = minMaxRun(ctx, st as unknown as Record<string, unknown>);
    return isDeferred(r) ? new NativeFrameStart('builtins.minmax', { ...(st as unknown as Record<string, unknown>), pending: r instanceof NativeCall ? { call: r.callee, args: r.args } : { impl: r.impl, state: r.state } }) : r;
  };
}

const ITER_STOP_MARK = '\u0000<no default>';

/** Runs the min/max loop; answers the result, or a Deferred (state records what for). */
function minMaxRun(ctx: CallContext, st: Record<string, unknown>, value?: PyValue): PyValue | NativeCall | NativeFrameStart {
  const items = st.items as PyValue[];
  for (;;) {
    // phase 1: need key of items[i]; phase 2: compare curKey with bestKey; phase 3: truth
    if (st.phase === 1) {
      if ((st.i as number) >= items.length) {
        if (st.has) return st.best as PyValue;
        if (st.dflt !== ITER_STOP_MARK) return st.dflt as PyValue;
        throw pyErr(E.ValueError, `${st.name as string}() arg is an empty sequence`);
      }
      const x = items[st.i as number]!;
      st.cur = x;
      let k: PyValue | NativeCall | NativeFrameStart = x;
      if (value !== undefined) {
        k = value;
        value = undefined;
      } else if (st.key !== null) {
        k = callOrDefer(ctx, st.key as PyValue, [x]);
        if (isDeferred(k)) return k;
      }
      st.curKey = k;
      if (!st.has) {
        st.has = true;
        st.best = x;
        st.bestKey = k;
        st.i = (st.i as number) + 1;
        continue;
      }
      st.phase = 2;
    }
    if (st.phase === 2) {
      let c: PyValue | NativeCall | NativeFrameStart;
      if (value !== undefined) {
        c = value;
        value = undefined;
      } else {
        c = compareOp(ctx, st.op as number, st.curKey as PyValue, st.bestKey as PyValue);
        if (isDeferred(c)) return c;
      }
      const t = truthOrDefer(c);
      if (isDeferred(t)) {
        st.phase = 3;
        return t;
      }
      if (t) {
        st.best = st.cur;
        st.bestKey = st.curKey;
      }
      st.i = (st.i as number) + 1;
      st.phase = 1;
      continue;
    }
    // phase 3: truth of the comparison
    if (value === true) {
      st.best = st.cur;
      st.bestKey = st.curKey;
    }
    value = undefined;
    st.i = (st.i as number) + 1;
    st.phase = 1;
  }
}

registerNativeImpl('builtins.minmax', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      if (st.items === null && st.start) {
        const s = st.start as Record<string, unknown>;
        st.start = null;
        return new NativeFrameStart('lib.consume', s);
      }
      st.items = (value as PyList).items;
      st.phase = 1;
      return finishMinMax(minMaxRun(ctx, st));
    }
    if (st.pending) {
      const p = st.pending as { call?: PyValue; args?: PyValue[]; impl?: string; state?: Record<string, unknown> };
      st.pending = null;
      if (p.impl !== undefined) return new NativeFrameStart(p.impl, p.state!);
      return new NativeCall(p.call!, p.args!);
    }
    return finishMinMax(minMaxRun(ctx, st, value));
  },
});

function finishMinMax(r: PyValue | NativeCall | NativeFrameStart): PyValue | NativeCall | NativeFrameStart {
  return r;
}

export const minFn = b('min', minMax('min'));
export const maxFn = b('max', minMax('max'));

// ------------------------------------------------------------------ sorted / reversed

export const sortedFn = b('sorted', (ctx, args, kw) => {
  const [pos, kwm] = splitKw(args, kw);
  if (pos.length !== 1) throw pyErr(E.TypeError, `sorted expected 1 argument, got ${pos.length}`);
  if (!isIterable(pos[0]!)) getIter(ctx, pos[0]!);
  for (const k of kwm.keys()) if (k !== 'key' && k !== 'reverse') throw pyErr(E.TypeError, `'${k}' is an invalid keyword argument for sort()`);
  const key = kwm.get('key') ?? null;
  const rv = kwm.get('reverse');
  let reverse = false;
  if (rv !== undefined) {
    const i = asIndex(rv);
    if (i === undefined) throw pyErr(E.TypeError, `'${typeName(rv)}' object cannot be interpreted as an integer`);
    reverse = i !== 0 && i !== 0n;
  }
  const items = consume(ctx, pos[0]!);
  if (!Array.isArray(items)) return new NativeFrameStart('builtins.sorted', { start: items.state, key, reverse, phase: 0 });
  const r = startSort(ctx, items, key, reverse, null);
  return Array.isArray(r) ? new PyList(r) : r;
});

registerNativeImpl('builtins.sorted', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeFrameStart('lib.consume', st.start as Record<string, unknown>);
    }
    if (st.phase === 1) {
      st.phase = 2;
      const r = startSort(ctx, (value as PyList).items, st.key as PyValue, st.reverse as boolean, null);
      return Array.isArray(r) ? new PyList(r) : r;
    }
    return value;
  },
});

export const reversedFn = b('reversed', (ctx, args, kw) => {
  const x = clinic('reversed', args, kw, 1)[0]!;
  return reversedOf(ctx, x);
});

// ------------------------------------------------------------------ lazy iterators

function iterArg(ctx: CallContext, v: PyValue): PyValue | NativeFrameStart {
  const it = getIter(ctx, v);
  if (isDeferred(it)) return deferredResult(it);
  return it;
}

/** Gets iterators for all `srcs` (some may need Python), then builds the result. */
function withIters(ctx: CallContext, srcs: PyValue[], make: string, extra: Record<string, unknown>): PyValue | NativeFrameStart {
  const its: PyValue[] = [];
  for (let i = 0; i < srcs.length; i++) {
    const it = iterArg(ctx, srcs[i]!);
    if (it instanceof NativeFrameStart) return new NativeFrameStart('builtins.iters', { srcs, its, i, make, extra, phase: 0, first: { impl: it.impl, state: it.state } });
    its.push(it);
  }
  return buildIter(make, its, extra);
}

function buildIter(make: string, its: PyValue[], extra: Record<string, unknown>): PyValue {
  switch (make) {
    case 'enumerate':
      return new PyEnumerate(its[0]!, extra.start as number | bigint);
    case 'map':
      return new PyMap(extra.f as PyValue, its);
    case 'filter':
      return new PyFilter(extra.f as PyValue, its[0]!);
    default:
      return new PyZip(its, extra.strict as boolean);
  }
}

registerNativeImpl('builtins.iters', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    const its = st.its as PyValue[];
    const srcs = st.srcs as PyValue[];
    if (st.phase === 0) {
      st.phase = 1;
      const f = st.first as { impl: string; state: Record<string, unknown> };
      return new NativeFrameStart(f.impl, f.state);
    }
    its.push(value);
    for (let i = its.length; i < srcs.length; i++) {
      const it = iterArg(ctx, srcs[i]!);
      if (it instanceof NativeFrameStart) return it;
      its.push(it);
    }
    return buildIter(st.make as string, its, st.extra as Record<string, unknown>);
  },
});

export const enumerateFn = b('enumerate', (ctx, args, kw) => {
  const [pos, kwm] = splitKw(args, kw);
  let src: PyValue | undefined = pos[0];
  let start: PyValue | undefined = pos[1];
  for (const [k, v] of kwm) {
    if (k === 'iterable' && src === undefined) src = v;
    else if (k === 'start' && start === undefined) start = v;
    else throw pyErr(E.TypeError, `'${k}' is an invalid keyword argument for enumerate()`);
  }
  if (pos.length > 2) throw pyErr(E.TypeError, `enumerate() takes at most 2 arguments (${pos.length} given)`);
  if (src === undefined) throw pyErr(E.TypeError, "enumerate() missing required argument 'iterable'");
  let n: number | bigint = 0;
  if (start !== undefined) {
    const i = asIndex(start);
    if (i === undefined) throw pyErr(E.TypeError, `'${typeName(start)}' object cannot be interpreted as an integer`);
    n = i;
  }
  return withIters(ctx, [src], 'enumerate', { start: n });
});

export const zipFn = b('zip', (ctx, args, kw) => {
  const [pos, kwm] = splitKw(args, kw);
  let strict = false;
  for (const [k, v] of kwm) {
    if (k !== 'strict') throw pyErr(E.TypeError, `zip() got an unexpected keyword argument '${k}'`);
    strict = truthFast(v) ?? true;
  }
  return withIters(ctx, pos, 'zip', { strict });
});

export const mapFn = b('map', (ctx, args, kw) => {
  if (kw && kw.length) throw pyErr(E.TypeError, 'map() takes no keyword arguments');
  if (args.length < 2) throw pyErr(E.TypeError, 'map() must have at least two arguments.');
  return withIters(ctx, args.slice(1), 'map', { f: args[0]! });
});

export const filterFn = b('filter', (ctx, args, kw) => {
  if (kw && kw.length) throw pyErr(E.TypeError, 'filter() takes no keyword arguments');
  clinic('filter', args, null, 2);
  return withIters(ctx, [args[1]!], 'filter', { f: args[0]! });
});

// ------------------------------------------------------------------ chr / ord / hex / oct / bin / ascii

export const chrFn = b('chr', (_c, args, kw) => {
  const x = exactlyOne('chr', args, kw);
  const i = asIndex(x);
  if (i === undefined) throw pyErr(E.TypeError, `'${typeName(x)}' object cannot be interpreted as an integer`);
  if (i < 0 || i > 0x10ffff) {
    if (typeof i === 'bigint') throw pyErr(E.OverflowError, 'Python int too large to convert to C int');
    throw pyErr(E.ValueError, 'chr() arg not in range(0x110000)');
  }
  return String.fromCodePoint(Number(i));
});

export const ordFn = b('ord', (_c, args, kw) => {
  const x = exactlyOne('ord', args, kw);
  const s = asStr(x);
  if (s !== undefined) {
    const n = cpLength(s);
    if (n !== 1) throw pyErr(E.TypeError, `ord() expected a character, but string of length ${n} found`);
    return s.codePointAt(0)!;
  }
  if (x instanceof PyBytes) {
    if (x.bytes.length !== 1) throw pyErr(E.TypeError, `ord() expected a character, but string of length ${x.bytes.length} found`);
    return x.bytes[0]!;
  }
  throw pyErr(E.TypeError, `ord() expected string of length 1, but ${typeName(x)} found`);
});

function baseFn(name: 'hex' | 'oct' | 'bin', base: 2 | 8 | 16): PyBuiltinFunction {
  return b(name, (ctx, args, kw) => {
    const x = exactlyOne(name, args, kw);
    const i = asIndex(x);
    if (i !== undefined) return I.intToBase(i, base);
    const m = x instanceof PyObject ? lookupType(typeOf(x), '__index__') : undefined;
    if (m === undefined || m === null) throw pyErr(E.TypeError, `'${typeName(x)}' object cannot be interpreted as an integer`);
    return new NativeFrameStart('builtins.baseIndex', { m, x, base, phase: 0 });
  });
}

registerNativeImpl('builtins.baseIndex', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeCall(st.m as PyValue, [st.x as PyValue]);
    }
    const i = asIndex(value);
    if (i === undefined) throw pyErr(E.TypeError, `__index__ returned non-int (type ${typeName(value)})`);
    return I.intToBase(i, st.base as 2 | 8 | 16);
  },
});

export const hexFn = baseFn('hex', 16);
export const octFn = baseFn('oct', 8);
export const binFn = baseFn('bin', 2);

export const asciiFn = b('ascii', (ctx, args, kw) => {
  const x = exactlyOne('ascii', args, kw);
  const r = reprOf(ctx, x);
  if (typeof r === 'string') return asciiEscape(r);
  return new NativeFrameStart('builtins.ascii', { x, phase: 0 });
});

registerNativeImpl('builtins.ascii', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      const r = reprOf(ctx, st.x as PyValue);
      if (typeof r === 'string') return asciiEscape(r);
      return r;
    }
    return asciiEscape(asStr(value) ?? '');
  },
});

// ------------------------------------------------------------------ input

export const inputFn = b('input', (ctx, args, kw) => {
  if (kw && kw.length) throw pyErr(E.TypeError, 'input() takes no keyword arguments');
  if (args.length > 1) throw pyErr(E.TypeError, `input expected at most 1 argument, got ${args.length}`);
  const vm = ctx.vm;
  if (args.length === 1) {
    const p = asStr(args[0]!);
    if (p === undefined) {
      const r = reprOf(ctx, args[0]!);
      if (typeof r !== 'string') throw pyErr(E.TypeError, 'input() prompt must be a str');
      streamWrite(vm, vm.stdout, r);
    } else streamWrite(vm, vm.stdout, p);
  }
  streamFlush(vm, vm.stdout);
  const line = vm.host.readLine ? vm.host.readLine() : null;
  if (line === null) throw pyErr(E.EOFError, 'EOF when reading a line');
  return line;
});

void indexArg;

/** All builtin functions of the library, installed into `builtins` by the VM. */
export const LIBRARY_FUNCTIONS: PyBuiltinFunction[] = [
  absFn, roundFn, divmodFn, powFn, sumFn, anyFn, allFn, minFn, maxFn, sortedFn, reversedFn,
  enumerateFn, zipFn, mapFn, filterFn, chrFn, ordFn, hexFn, octFn, binFn, asciiFn, inputFn, formatFn,
];
