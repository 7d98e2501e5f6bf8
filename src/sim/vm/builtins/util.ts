// Shared helpers for builtins: argument coercion with CPython's messages, calling
// Python callables without JS recursion, and generic native frames (consume an
// iterable, repr a container, compare with `<`, call a function over items).

import {
  PyObject, PyType, PyValue, PyList, PyTuple, PyFloat, PyIntSubclass, PyStrSubclass, Sentinel,
  ITER_STOP, typeOf, isSubtype,
} from '../objects';
import { PyBuiltinFunction, PyBoundMethod } from '../function';
import { E, PyBaseException, PyException, pyErr } from '../exceptions';
import { NativeCall, NativeFrameStart, SyscallRequest, type CallContext, type NativeFn } from '../frame';
import { registerNativeImpl } from '../types';
import { parseArgs } from '../args';
import { getIter, iterFast, lookupType, reprOf, typeName, truthFast, isDeferred, type Deferred } from '../protocol';
import { compareOp } from '../binop';
import { PyIterator } from '../iterators';
import { BOOL, nextOf } from '../natives';

export type Int = number | bigint;

// ------------------------------------------------------------------ coercions

/** The int value of an int, bool or int subclass instance; undefined otherwise. */
export function asIndex(v: PyValue): Int | undefined {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    default:
      if (v instanceof PyIntSubclass) return v.value;
      return undefined;
  }
}

/** An index-sized int argument: TypeError for non-ints, OverflowError for huge ones. */
export function indexArg(v: PyValue): number {
  const i = asIndex(v);
  if (i === undefined) throw pyErr(E.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  if (typeof i === 'bigint') throw pyErr(E.OverflowError, 'Python int too large to convert to C ssize_t');
  return i;
}

/** An int argument of any size. */
export function intArg(v: PyValue): Int {
  const i = asIndex(v);
  if (i === undefined) throw pyErr(E.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  return i;
}

/** Start/end arguments of str/list methods: None → null; clamps huge ints. `noNone`:
 *  list/tuple.index, whose message does not mention None. */
export function sliceArg(v: PyValue | undefined, noNone = false): number | null {
  if (v === undefined || (v === null && !noNone)) return null;
  const i = asIndex(v);
  if (i === undefined) {
    throw pyErr(E.TypeError, noNone ? 'slice indices must be integers or have an __index__ method' : 'slice indices must be integers or None or have an __index__ method');
  }
  if (typeof i === 'bigint') return i < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  return i;
}

/** The JS string of a str or str subclass instance; undefined otherwise. */
export function asStr(v: PyValue): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof PyStrSubclass) return v.value;
  return undefined;
}

/** A str argument: TypeError "<what> must be str, not int". */
export function strArg(v: PyValue, what: string): string {
  const s = asStr(v);
  if (s === undefined) throw pyErr(E.TypeError, `${what} must be str, not ${typeName(v)}`);
  return s;
}

/** A float value of an int/bool/float (or subclass); undefined otherwise. */
export function asNumber(v: PyValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') {
    const r = Number(v);
    if (!Number.isFinite(r)) throw pyErr(E.OverflowError, 'int too large to convert to float');
    return r;
  }
  if (v instanceof PyFloat) return v.value;
  if (v instanceof PyIntSubclass) return asNumber(v.value);
  return undefined;
}

export function isStopIteration(exc: PyBaseException | null): boolean {
  return exc !== null && isSubtype(exc.cls, E.StopIteration);
}

export function rethrow(exc: PyBaseException): never {
  throw new PyException(exc);
}

/** The args of a CALL split into positional and keyword parts. */
export function splitKw(args: PyValue[], kwnames: string[] | null): [PyValue[], Map<string, PyValue>] {
  const nkw = kwnames ? kwnames.length : 0;
  const pos = nkw ? args.slice(0, args.length - nkw) : args;
  const kw = new Map<string, PyValue>();
  for (let i = 0; i < nkw; i++) kw.set(kwnames![i]!, args[args.length - nkw + i]!);
  return [pos, kw];
}

// ------------------------------------------------------------------ calling

/**
 * f(*args): the result now when f is a builtin that answers synchronously, else a
 * Deferred (run it from a native frame: its result comes back on the next resume).
 */
export function callOrDefer(ctx: CallContext, f: PyValue, args: PyValue[]): PyValue | Deferred {
  let fn: PyBuiltinFunction | null = null;
  let full = args;
  if (f instanceof PyBuiltinFunction) {
    fn = f;
  } else if (f instanceof PyBoundMethod && f.func instanceof PyBuiltinFunction) {
    fn = f.func;
    full = [f.self, ...args];
  }
  if (fn !== null && fn.kind !== 'classmethod') {
    const r = fn.fn(ctx, full, null);
    if (r instanceof NativeFrameStart) return r;
    if (r instanceof SyscallRequest) return new NativeCall(f, args);
    return r;
  }
  return new NativeCall(f, args);
}

// ------------------------------------------------------------------ iteration

/**
 * One step of an arbitrary iterator: a value, ITER_STOP, or a Deferred whose result is
 * the next value (StopIteration raised by it means exhausted).
 */
export function stepIter(ctx: CallContext, it: PyValue): PyValue | Sentinel | Deferred {
  if (it instanceof PyIterator) {
    const r = it.next(ctx);
    if (r instanceof NativeFrameStart) return r;
    return r as PyValue | Sentinel;
  }
  return nextOf(ctx, it);
}

/**
 * All items of an iterable: a JS array when no Python code is needed, else a
 * NativeFrameStart whose result is a PyList of the items.
 */
export function consume(ctx: CallContext, obj: PyValue): PyValue[] | NativeFrameStart {
  const items = iterFast(obj);
  if (items !== undefined) return items;
  return new NativeFrameStart('lib.consume', { obj, it: null, items: [], phase: 0 });
}

registerNativeImpl('lib.consume', {
  resume(ctx, st, value, exc) {
    const items = st.items as PyValue[];
    if (st.phase === 0) {
      if (exc) rethrow(exc);
      const it = getIter(ctx, st.obj as PyValue);
      st.phase = 1;
      if (isDeferred(it)) return it;
      value = it;
    }
    if (st.phase === 1) {
      if (exc) rethrow(exc);
      st.it = value;
      st.phase = 2;
    } else if (st.phase === 3) {
      // waiting for a deferred next()
      if (exc) {
        if (isStopIteration(exc)) return new PyList(items);
        rethrow(exc);
      }
      items.push(value);
      st.phase = 2;
    }
    for (;;) {
      const r = stepIter(ctx, st.it as PyValue);
      if (r === ITER_STOP) return new PyList(items);
      if (r instanceof Sentinel) throw new Error('unexpected sentinel');
      if (isDeferred(r)) {
        st.phase = 3;
        return r;
      }
      items.push(r as PyValue);
      if (items.length > 50_000_000) throw pyErr(E.MemoryError);
    }
  },
});

// ------------------------------------------------------------------ repr of containers

export type ReprMode = 'seq' | 'dict';

/**
 * repr of a container: open + items joined by ', ' + close ('dict': pairs "k: v";
 * items alternate key, value). `guard`: the container for the recursion check
 * (null: none, as for tuples); a container already being repr'd prints `recursive`.
 */
export function reprContainer(
  ctx: CallContext,
  self: PyValue,
  items: PyValue[],
  open: string,
  close: string,
  mode: ReprMode = 'seq',
  guard = true,
  recursive = '...',
): string | NativeFrameStart {
  const active = ctx.thread.reprActive;
  if (guard && active.includes(self)) return recursive;
  if (guard) active.push(self);
  const parts: string[] = [];
  let i = 0;
  try {
    for (; i < items.length; i++) {
      const r = reprOf(ctx, items[i]!);
      if (typeof r !== 'string') break;
      parts.push(r);
    }
  } finally {
    if (guard) active.pop();
  }
  if (i === items.length) return joinRepr(parts, open, close, mode);
  return new NativeFrameStart('lib.repr', { self, items, parts, i, open, close, mode, guard, waiting: false, pushed: false });
}

function joinRepr(parts: string[], open: string, close: string, mode: ReprMode): string {
  if (mode === 'dict') {
    const pairs: string[] = [];
    for (let k = 0; k + 1 < parts.length; k += 2) pairs.push(parts[k] + ': ' + parts[k + 1]);
    return open + pairs.join(', ') + close;
  }
  if (open === '(' && close === ')' && parts.length === 1) return '(' + parts[0] + ',)';
  return open + parts.join(', ') + close;
}

function popGuard(ctx: CallContext, st: Record<string, unknown>): void {
  if (st.pushed) {
    const active = ctx.thread.reprActive;
    const k = active.lastIndexOf(st.self as PyValue);
    if (k >= 0) active.splice(k, 1);
    st.pushed = false;
  }
}

registerNativeImpl('lib.repr', {
  resume(ctx, st, value, exc) {
    if (exc) {
      popGuard(ctx, st);
      rethrow(exc);
    }
    const items = st.items as PyValue[];
    const parts = st.parts as string[];
    if (st.guard && !st.pushed) {
      ctx.thread.reprActive.push(st.self as PyValue);
      st.pushed = true;
    }
    if (st.waiting) {
      const s = asStr(value);
      if (s === undefined) {
        popGuard(ctx, st);
        throw pyErr(E.TypeError, `__repr__ returned non-string (type ${typeName(value)})`);
      }
      parts.push(s);
      st.i = (st.i as number) + 1;
      st.waiting = false;
    }
    for (let i = st.i as number; i < items.length; i++) {
      const r = reprOf(ctx, items[i]!);
      if (typeof r !== 'string') {
        st.i = i;
        st.waiting = true;
        return r;
      }
      parts.push(r);
    }
    popGuard(ctx, st);
    return joinRepr(parts, st.open as string, st.close as string, st.mode as ReprMode);
  },
});

// ------------------------------------------------------------------ ordering

/** a < b without Python code: a boolean, or undefined when Python must decide. */
export function ltFast(a: PyValue, b: PyValue): boolean | undefined {
  const ta = typeof a;
  if (ta === 'number' && typeof b === 'number') return (a as number) < b;
  if (ta === 'string' && typeof b === 'string') return (a as string) < b;
  if (a instanceof PyFloat && b instanceof PyFloat && a.cls.builtin && b.cls.builtin) return a.value < b.value;
  const na = fastNum(a);
  const nb = fastNum(b);
  if (na !== undefined && nb !== undefined) return na < nb;
  if (a instanceof PyTuple && b instanceof PyTuple && a.cls.builtin && b.cls.builtin) {
    const x = a.items;
    const y = b.items;
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) {
      const p = x[i]!;
      const q = y[i]!;
      if (p === q) continue;
      const e = eqPrim(p, q);
      if (e === undefined) return undefined;
      if (!e) return ltFast(p, q);
    }
    return x.length < y.length;
  }
  return undefined;
}

function fastNum(v: PyValue): number | bigint | undefined {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    default:
      return v instanceof PyFloat && v.cls.builtin ? v.value : undefined;
  }
}

/** Equality of primitive values only (numbers, strs, None, bools); undefined otherwise. */
function eqPrim(a: PyValue, b: PyValue): boolean | undefined {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  const na = fastNum(a);
  const nb = fastNum(b);
  // eslint-disable-next-line eqeqeq
  if (na !== undefined && nb !== undefined) return na == nb;
  if (a === null && b === null) return true;
  if ((typeof a === 'string' && (nb !== undefined || b === null)) || (typeof b === 'string' && (na !== undefined || a === null))) return false;
  return undefined;
}

/** `a < b` as a Python truth value: a boolean, or a Deferred answering the (truthy) result. */
export function lessThan(ctx: CallContext, a: PyValue, b: PyValue): boolean | Deferred {
  const f = ltFast(a, b);
  if (f !== undefined) return f;
  const r = compareOp(ctx, 0, a, b);
  if (isDeferred(r)) return r;
  const t = truthFast(r);
  if (t !== undefined) return t;
  return new NativeCall(BOOL_OF, [r]);
}

/** Truth of a compare result that came back from a Deferred (may itself need Python). */
export function truthOrDefer(v: PyValue): boolean | Deferred {
  const t = truthFast(v);
  if (t !== undefined) return t;
  return new NativeCall(BOOL_OF, [v]);
}

/** bool(v), callable through NativeCall (answers a JS boolean). */
const BOOL_OF: PyValue = BOOL;

export function isType(v: PyValue): v is PyType {
  return v instanceof PyType;
}

export function isObj(v: PyValue): v is PyObject {
  return v instanceof PyObject;
}

// ------------------------------------------------------------------ argument counts

function plural(n: number, w: string): string {
  return `${n} ${w}${n === 1 ? '' : 's'}`;
}

/** METH_NOARGS: "str.upper() takes no arguments (1 given)". `args` includes self. */
export function noArgs(qual: string, args: PyValue[], kwnames: string[] | null): void {
  if (kwnames && kwnames.length) throw pyErr(E.TypeError, `${qual}() takes no keyword arguments`);
  if (args.length !== 1) throw pyErr(E.TypeError, `${qual}() takes no arguments (${args.length - 1} given)`);
}

/** METH_O: "str.join() takes exactly one argument (0 given)". Returns the argument. */
export function oneArg(qual: string, args: PyValue[], kwnames: string[] | null): PyValue {
  if (kwnames && kwnames.length) throw pyErr(E.TypeError, `${qual}() takes no keyword arguments`);
  if (args.length !== 2) throw pyErr(E.TypeError, `${qual}() takes exactly one argument (${args.length - 1} given)`);
  return args[1]!;
}

/** PyArg_ParseTuple style: "find() takes at least 1 argument (0 given)". `args` includes self. */
export function argsOld(name: string, args: PyValue[], kwnames: string[] | null, min: number, max: number): PyValue[] {
  if (kwnames && kwnames.length) throw pyErr(E.TypeError, `${name}() takes no keyword arguments`);
  const n = args.length - 1;
  if (n < min) {
    throw pyErr(E.TypeError, `${name}() takes ${min === max ? 'exactly' : 'at least'} ${plural(min, 'argument')} (${n} given)`);
  }
  if (n > max) {
    throw pyErr(E.TypeError, `${name}() takes ${min === max ? 'exactly' : 'at most'} ${plural(max, 'argument')} (${n} given)`);
  }
  return args.slice(1);
}

/** Argument Clinic positional style: "center expected at least 1 argument, got 0". */
export function argsClinic(name: string, args: PyValue[], kwnames: string[] | null, min: number, max: number): PyValue[] {
  if (kwnames && kwnames.length) throw pyErr(E.TypeError, `${name}() takes no keyword arguments`);
  const n = args.length - 1;
  if (n < min || n > max) {
    if (min === max) throw pyErr(E.TypeError, `${name} expected ${plural(min, 'argument')}, got ${n}`);
    if (n < min) throw pyErr(E.TypeError, `${name} expected at least ${plural(min, 'argument')}, got ${n}`);
    throw pyErr(E.TypeError, `${name} expected at most ${plural(max, 'argument')}, got ${n}`);
  }
  return args.slice(1);
}

/** Argument Clinic with keywords: "split() takes at most 2 arguments (3 given)" for too
 *  many positionals, else parseArgs. `args` excludes self. */
export function kwArgs(name: string, args: PyValue[], kw: string[] | null, names: string[], required = 0): (PyValue | undefined)[] {
  const npos = args.length - (kw ? kw.length : 0);
  if (npos > names.length) {
    throw pyErr(E.TypeError, `${name}() takes at most ${plural(names.length, 'argument')} (${npos} given)`);
  }
  return parseArgs(name, args, kw, { names, required }).values;
}

/** Turns a Deferred into something a NativeFn may return. */
export function deferredResult(d: Deferred): NativeFrameStart {
  if (d instanceof NativeFrameStart) return d;
  return new NativeFrameStart('lib.call', { callee: d.callee, args: d.args, kwnames: d.kwnames, phase: 0 });
}

registerNativeImpl('lib.call', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeCall(st.callee as PyValue, st.args as PyValue[], st.kwnames as string[] | null);
    }
    return value;
  },
});

// ------------------------------------------------------------------ deferreds as data

/** A Deferred stored in native-frame state (plain data). */
export type SavedDeferred =
  | { call: PyValue; args: PyValue[]; kwnames: string[] | null }
  | { impl: string; state: Record<string, unknown> };

export function saveDeferred(d: Deferred): SavedDeferred {
  if (d instanceof NativeCall) return { call: d.callee, args: d.args, kwnames: d.kwnames };
  return { impl: d.impl, state: d.state };
}

export function loadDeferred(s: SavedDeferred): Deferred {
  if ('impl' in s) return new NativeFrameStart(s.impl, s.state);
  return new NativeCall(s.call, s.args, s.kwnames);
}

// ------------------------------------------------------------------ dunder arity

const UNARY = new Set([
  '__len__', '__repr__', '__str__', '__bool__', '__neg__', '__pos__', '__abs__', '__invert__',
  '__index__', '__int__', '__float__', '__hash__', '__iter__',
]);
const NOARGS = new Set(['__trunc__', '__floor__', '__ceil__', '__getnewargs__', '__copy__', '__reversed__', '__length_hint__']);
const SEQ_REPEAT = new Set(['__mul__', '__rmul__', '__imul__']);
const BINARY = new Set([
  '__add__', '__radd__', '__sub__', '__rsub__', '__mul__', '__rmul__', '__mod__', '__rmod__',
  '__truediv__', '__rtruediv__', '__floordiv__', '__rfloordiv__', '__rpow__', '__and__',
  '__rand__', '__or__', '__ror__', '__xor__', '__rxor__', '__lshift__', '__rlshift__',
  '__rshift__', '__rrshift__', '__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__',
  '__contains__', '__getitem__', '__delitem__', '__iadd__', '__imul__', '__ior__',
  '__divmod__', '__rdivmod__', '__missing__',
]);

export interface ArityOptions {
  /** The type's name for METH_NOARGS / METH_O messages ('int.__ceil__() takes ...'). */
  qual?: string;
  /** Dunders that are METH_O methods (dict.__contains__). */
  methO?: string[];
  /** __mul__/__rmul__/__imul__ are sequence repeats (index conversion, CPython's
   *  " expected 1 argument, got 0" message). */
  seqRepeat?: boolean;
}

/** Wraps the dunders of a method table with CPython's argument-count check for slot
 *  wrappers ("expected 1 argument, got 0"). */
export function withArity(methods: Record<string, NativeFn>, opts: ArityOptions = {}): Record<string, NativeFn> {
  const out: Record<string, NativeFn> = {};
  const qual = opts.qual ?? '';
  for (const [name, fn] of Object.entries(methods)) {
    if (opts.methO?.includes(name)) {
      out[name] = (ctx, args, kw) => {
        oneArg(`${qual}.${name}`, args, kw);
        return fn(ctx, args, kw);
      };
      continue;
    }
    if (NOARGS.has(name) && qual !== '') {
      out[name] = (ctx, args, kw) => {
        noArgs(`${qual}.${name}`, args, kw);
        return fn(ctx, args, kw);
      };
      continue;
    }
    if (opts.seqRepeat && SEQ_REPEAT.has(name)) {
      out[name] = (ctx, args, kw) => {
        if (kw && kw.length) throw pyErr(E.TypeError, `${name}() takes no keyword arguments`);
        const n = args.length - 1;
        if (n !== 1) throw pyErr(E.TypeError, ` expected 1 argument, got ${n}`);
        // (a non-int answers NotImplemented, so that `seq * x` reports CPython's operator error)
        return fn(ctx, args, kw);
      };
      continue;
    }
    const want = UNARY.has(name) ? 0 : BINARY.has(name) ? 1 : name === '__setitem__' ? 2 : -1;
    if (want < 0) {
      out[name] = fn;
      continue;
    }
    out[name] = (ctx, args, kw) => {
      if (kw && kw.length) throw pyErr(E.TypeError, `${name}() takes no keyword arguments`);
      const n = args.length - 1;
      if (n !== want) throw pyErr(E.TypeError, `expected ${want} argument${want === 1 ? '' : 's'}, got ${n}`);
      return fn(ctx, args, kw);
    };
  }
  return out;
}
