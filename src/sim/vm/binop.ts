// Generic binary operators, rich comparison and `in`, for everything the interpreter's
// inline fast paths do not handle: builtin sequences/containers, then the dunder protocol
// with reflected operands and NotImplemented (Python-level dunders run in native frames).

import {
  PyObject, PyValue, PyList, PyTuple, PyFloat, PyRange, PyBytes, NotImplemented, typeOf, isSubtype,
  strType, listType, tupleType, objectType,
} from './objects';
import { PyDict, PySetBase, PySet, PyFrozenSet, CUSTOM_KEY } from './dict';
import { PyBuiltinFunction } from './function';
import { E, pyErr } from './exceptions';
import { NativeFrameStart, type CallContext } from './frame';
import { numericBinop, numericCompare, asInt } from './ops';
import { lookupType, typeName, eqFast, iterFast, keyOrThrow, Deferred, isDeferred } from './protocol';
import { BINARY_OP_SYMBOLS, COMPARE_OP_SYMBOLS } from '../compiler/opcodes';

const NAMES = ['add', 'and', 'floordiv', 'lshift', 'matmul', 'mul', 'mod', 'or', 'pow', 'rshift', 'sub', 'truediv', 'xor'];

export interface Cand {
  fn: PyValue;
  self: PyValue;
  other: PyValue;
  /** For != derived from __eq__, and for a reflected call that must be inverted. */
  invert?: boolean;
}

function repeatCount(n: PyValue): number | undefined {
  const i = asInt(n);
  if (i === undefined) return undefined;
  if (typeof i === 'bigint') {
    if (i < 0n) return 0;
    throw pyErr(E.OverflowError, "cannot fit 'int' into an index-sized integer");
  }
  return i < 0 ? 0 : i;
}

function checkSize(n: number): void {
  if (n > 1e8) throw pyErr(E.MemoryError);
}

/** Builtin sequence/container operators; undefined when not applicable. */
function builtinBinop(op: number, inplace: boolean, a: PyValue, b: PyValue): PyValue | undefined {
  if (typeof a === 'string') {
    if (op === 0 && typeof b === 'string') return a + b;
    if (op === 5) {
      const n = repeatCount(b);
      if (n !== undefined) {
        checkSize(a.length * n);
        return a.repeat(n);
      }
    }
    return undefined;
  }
  if (typeof b === 'string' && op === 5) {
    const n = repeatCount(a);
    if (n !== undefined) {
      checkSize(b.length * n);
      return b.repeat(n);
    }
    return undefined;
  }
  if (!(a instanceof PyObject)) {
    if (op === 5 && (b instanceof PyList || b instanceof PyTuple) && b.cls.builtin) {
      const n = repeatCount(a);
      if (n !== undefined) return repeatSeq(b, n);
    }
    return undefined;
  }
  if (a instanceof PyList) {
    if (op === 0 && b instanceof PyList) {
      if (inplace) {
        a.items.push(...b.items);
        return a;
      }
      return new PyList(a.items.concat(b.items));
    }
    if (op === 0 && inplace) {
      const items = iterFast(b);
      if (items !== undefined) {
        a.items.push(...items);
        return a;
      }
      return undefined;
    }
    if (op === 5) {
      const n = repeatCount(b);
      if (n === undefined) return undefined;
      if (inplace) {
        const src = a.items.slice();
        checkSize(src.length * n);
        a.items.length = 0;
        for (let i = 0; i < n; i++) a.items.push(...src);
        return a;
      }
      return repeatSeq(a, n);
    }
    return undefined;
  }
  if (a instanceof PyTuple) {
    if (op === 0 && b instanceof PyTuple) return new PyTuple(a.items.concat(b.items));
    if (op === 5) {
      const n = repeatCount(b);
      if (n !== undefined) return repeatSeq(a, n);
    }
    return undefined;
  }
  if (a instanceof PyDict && op === 7) {
    if (inplace) {
      if (b instanceof PyDict) {
        b.forEach((k, v) => a.set(k, v));
        return a;
      }
      return undefined;
    }
    if (b instanceof PyDict) {
      const d = a.copy();
      b.forEach((k, v) => d.set(k, v));
      return d;
    }
    return undefined;
  }
  if (a instanceof PySetBase && b instanceof PySetBase && (op === 1 || op === 7 || op === 10 || op === 12)) {
    return setOp(op, inplace, a, b);
  }
  if (a instanceof PyBytes && b instanceof PyBytes && op === 0) {
    return new PyBytes([...a.bytes, ...b.bytes]);
  }
  if (a instanceof PyBytes && op === 5) {
    const n = repeatCount(b);
    if (n === undefined) return undefined;
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(...a.bytes);
    return new PyBytes(out);
  }
  return undefined;
}

function repeatSeq(s: PyList | PyTuple, n: number): PyValue {
  checkSize(s.items.length * n);
  const out: PyValue[] = [];
  for (let i = 0; i < n; i++) for (const x of s.items) out.push(x);
  return s instanceof PyList ? new PyList(out) : new PyTuple(out);
}

function setOp(op: number, inplace: boolean, a: PySetBase, b: PySetBase): PyValue {
  const frozen = a instanceof PyFrozenSet;
  const keysA = a.keyList();
  const keysB = b.keyList();
  for (const k of keysB) if (keyOrThrow(k) === CUSTOM_KEY) throw pyErr(E.TypeError, 'set operations on objects with a Python __hash__ are not supported');
  let out: PyValue[];
  switch (op) {
    case 1: out = keysA.filter((k) => b.has(k)); break;
    case 7: out = keysA.concat(keysB.filter((k) => !a.has(k))); break;
    case 10: out = keysA.filter((k) => !b.has(k)); break;
    default: out = keysA.filter((k) => !b.has(k)).concat(keysB.filter((k) => !a.has(k))); break;
  }
  if (inplace && !frozen) {
    a.clear();
    for (const k of out) a.add(k);
    return a;
  }
  const r = frozen ? new PyFrozenSet() : new PySet();
  for (const k of out) r.add(k);
  return r;
}

export function binopError(op: number, a: PyValue, b: PyValue): never {
  const base = op >= 13 ? op - 13 : op;
  if (!(op >= 13) || true) {
    if (base === 0) {
      for (const [v, t] of [[a, strType], [a, listType], [a, tupleType]] as const) {
        if (typeOf(v) === t && typeOf(b) !== t) {
          throw pyErr(E.TypeError, `can only concatenate ${t.name} (not "${typeName(b)}") to ${t.name}`);
        }
      }
    }
    if (base === 5) {
      const seq = (v: PyValue) => typeof v === 'string' || v instanceof PyList || v instanceof PyTuple || v instanceof PyBytes;
      if (seq(a) && asInt(b) === undefined) throw pyErr(E.TypeError, `can't multiply sequence by non-int of type '${typeName(b)}'`);
      if (seq(b) && asInt(a) === undefined) throw pyErr(E.TypeError, `can't multiply sequence by non-int of type '${typeName(a)}'`);
    }
  }
  const sym = base === 8 && op < 13 ? '** or pow()' : BINARY_OP_SYMBOLS[op]!;
  throw pyErr(E.TypeError, `unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** a <op> b for any operands: a value, a Deferred, or throws TypeError. */
export function binaryOp(ctx: CallContext, op: number, a: PyValue, b: PyValue): PyValue | Deferred {
  const inplace = op >= 13;
  const base = inplace ? op - 13 : op;
  const n = numericBinop(base, a, b);
  if (n !== undefined) return n;
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta.builtin && tb.builtin) {
    const r = builtinBinop(base, inplace, a, b);
    if (r !== undefined) return r;
  }
  const name = NAMES[base]!;
  const cands: Cand[] = [];
  if (inplace) {
    const m = lookupType(ta, `__i${name}__`);
    if (m !== undefined && m !== null) cands.push({ fn: m, self: a, other: b });
  }
  const fa = lookupType(ta, `__${name}__`);
  let fb = ta !== tb ? lookupType(tb, `__r${name}__`) : undefined;
  if (fb !== undefined && isSubtype(tb, ta) && fb !== lookupType(ta, `__r${name}__`)) {
    cands.push({ fn: fb, self: b, other: a });
    fb = undefined;
  }
  if (fa !== undefined && fa !== null) cands.push({ fn: fa, self: a, other: b });
  if (fb !== undefined && fb !== null) cands.push({ fn: fb, self: b, other: a });
  if (!ta.builtin || !tb.builtin) {
    // builtin containers with user operands (list + userobj): builtins first
    if (ta.builtin && tb.builtin === false) {
      const r = builtinBinop(base, inplace, a, b);
      if (r !== undefined) return r;
    }
  }
  return runCands(ctx, cands, 0, { kind: 'binop', op, a, b });
}

/** Tries candidates: builtins synchronously, then a native frame from the first Python
 *  candidate on. */
export function runCands(ctx: CallContext, cands: Cand[], i: number, fail: FailInfo): PyValue | Deferred {
  for (; i < cands.length; i++) {
    const c = cands[i]!;
    if (c.fn instanceof PyBuiltinFunction) {
      const r = c.fn.kind === 'function' || c.fn.kind === 'static' ? c.fn.fn(ctx, [c.self, c.other], null) : c.fn.fn(ctx, [c.self, c.other], null);
      if (r instanceof NativeFrameStart) return r;
      if (r !== NotImplemented) {
        if (r !== null && typeof r === 'object' && !(r instanceof PyObject)) throw new Error('syscall from an operator');
        return c.invert ? !truthOf(r as PyValue) : (r as PyValue);
      }
      continue;
    }
    return new NativeFrameStart('vm.cands', { cands: cands.slice(i), fail, phase: 0 });
  }
  return failCands(fail);
}

function truthOf(v: PyValue): boolean {
  return v === true || (v !== false && v !== null && v !== 0 && v !== '');
}

export type FailInfo =
  | { kind: 'binop'; op: number; a: PyValue; b: PyValue }
  | { kind: 'cmp'; op: number; a: PyValue; b: PyValue }
  | { kind: 'unary'; name: string; a: PyValue };

export function failCands(fail: FailInfo): PyValue {
  switch (fail.kind) {
    case 'binop':
      return binopError(fail.op, fail.a, fail.b);
    case 'cmp':
      if (fail.op === 2) return fail.a === fail.b;
      if (fail.op === 3) return fail.a !== fail.b;
      throw pyErr(E.TypeError, `'${COMPARE_OP_SYMBOLS[fail.op]}' not supported between instances of '${typeName(fail.a)}' and '${typeName(fail.b)}'`);
    case 'unary':
      throw pyErr(E.TypeError, `bad operand type for unary ${fail.name}: '${typeName(fail.a)}'`);
  }
}

// ------------------------------------------------------------------ comparison

const CMP_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
const CMP_SWAP = [4, 5, 2, 3, 0, 1];

function cmpResult(op: number, c: number): boolean {
  switch (op) {
    case 0: return c < 0;
    case 1: return c <= 0;
    case 2: return c === 0;
    case 3: return c !== 0;
    case 4: return c > 0;
    default: return c >= 0;
  }
}

/** a <op> b (COMPARE_OP numbering): a value, a Deferred, or throws. */
export function compareOp(ctx: CallContext, op: number, a: PyValue, b: PyValue): PyValue | Deferred {
  const nc = numericCompare(a, b);
  if (nc !== null) return nc === undefined ? op === 3 : cmpResult(op, nc);
  if (typeof a === 'string' && typeof b === 'string') return cmpResult(op, a < b ? -1 : a > b ? 1 : 0);
  if (op === 2 || op === 3) {
    const e = eqFast(a, b);
    if (e !== undefined) return op === 2 ? e : !e;
  }
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta.builtin && tb.builtin) {
    if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
      return seqCompare(ctx, op, a.items, b.items);
    }
    if (a instanceof PySetBase && b instanceof PySetBase && op !== 2 && op !== 3) {
      const sub = (x: PySetBase, y: PySetBase) => x.keyList().every((k) => y.has(k));
      switch (op) {
        case 0: return a.size < b.size && sub(a, b);
        case 1: return sub(a, b);
        case 4: return a.size > b.size && sub(b, a);
        default: return sub(b, a);
      }
    }
  }
  const cands: Cand[] = [];
  const name = CMP_NAMES[op]!;
  const rname = CMP_NAMES[CMP_SWAP[op]!]!;
  const fa = cmpMethod(ta, name);
  let fb = ta !== tb ? cmpMethod(tb, rname) : undefined;
  if (fb !== undefined && isSubtype(tb, ta) && ta !== tb) {
    cands.push(fb.c(b, a));
    fb = undefined;
  }
  if (fa !== undefined) cands.push(fa.c(a, b));
  if (fb !== undefined) cands.push(fb.c(b, a));
  return runCands(ctx, cands, 0, { kind: 'cmp', op, a, b });
}

/** The comparison method of a type, with object.__ne__ derived from __eq__. */
function cmpMethod(t: import('./objects').PyType, name: string): { c: (s: PyValue, o: PyValue) => Cand } | undefined {
  const m = lookupType(t, name);
  const objDefault = lookupType(objectType, name); // object's
  if (m !== undefined && m !== null && m !== objDefault) return { c: (s, o) => ({ fn: m, self: s, other: o }) };
  if (name === '__ne__') {
    const eq = lookupType(t, '__eq__');
    if (eq !== undefined && eq !== null && eq !== lookupType(objectType, '__eq__')) {
      return { c: (s, o) => ({ fn: eq, self: s, other: o, invert: true }) };
    }
  }
  return undefined;
}

/** Lexicographic comparison of two sequences. */
export function seqCompare(ctx: CallContext, op: number, x: PyValue[], y: PyValue[]): PyValue | Deferred {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a === b) continue;
    const e = eqFast(a, b);
    if (e === undefined) return new NativeFrameStart('vm.seqCompare', { op, x, y, i, phase: 0 });
    if (!e) {
      if (op === 2) return false;
      if (op === 3) return true;
      return compareOp(ctx, op, a, b);
    }
  }
  return cmpResult(op, x.length - y.length);
}

// ------------------------------------------------------------------ containment

/** item in container: a boolean, a Deferred answering a boolean, or throws. */
export function containsOp(ctx: CallContext, item: PyValue, c: PyValue): boolean | Deferred {
  if (typeof c === 'string') {
    if (typeof item !== 'string') throw pyErr(E.TypeError, `'in <string>' requires string as left operand, not ${typeName(item)}`);
    return c.includes(item);
  }
  if (c instanceof PyObject && c.cls.builtin) {
    if (c instanceof PyList || c instanceof PyTuple) return seqContains(c.items, item);
    if (c instanceof PyDict || c instanceof PySetBase) {
      const ck = keyOrThrow(item);
      if (ck === CUSTOM_KEY) return new NativeFrameStart('vm.hashLookup', { container: c, key: item, want: 'contains', phase: 0 });
      return c.hasCk(ck);
    }
    if (c instanceof PyRange) {
      const i = asInt(item);
      if (i === undefined) {
        if (item instanceof PyFloat) {
          if (!Number.isInteger(item.value)) return false;
          return rangeHas(c, item.value);
        }
        return seqContains(iterFast(c)!, item);
      }
      return rangeHas(c, Number(i));
    }
    if (c instanceof PyBytes) {
      const i = asInt(item);
      if (i !== undefined) return Array.from(c.bytes).includes(Number(i));
      if (item instanceof PyBytes) {
        const s = String.fromCharCode(...c.bytes);
        return s.includes(String.fromCharCode(...item.bytes));
      }
      throw pyErr(E.TypeError, `a bytes-like object is required, not '${typeName(item)}'`);
    }
  }
  const m = c === null || typeof c !== 'object' ? undefined : lookupType(c.cls, '__contains__');
  if (m !== undefined && m !== null) {
    return new NativeFrameStart('vm.containsCall', { fn: m, c, item, phase: 0 });
  }
  if (c instanceof PyObject && (lookupType(c.cls, '__iter__') !== undefined || lookupType(c.cls, '__getitem__') !== undefined)) {
    return new NativeFrameStart('vm.iterContains', { c, item, phase: 0 });
  }
  throw pyErr(E.TypeError, `argument of type '${typeName(c)}' is not iterable`);
}

function rangeHas(r: PyRange, v: number): boolean {
  if (r.step > 0 ? v < r.start || v >= r.stop : v > r.start || v <= r.stop) return false;
  return (v - r.start) % r.step === 0;
}

export function seqContains(items: PyValue[], item: PyValue): boolean | Deferred {
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    if (x === item) return true;
    const e = eqFast(x, item);
    if (e === true) return true;
    if (e === undefined) return new NativeFrameStart('vm.seqContains', { items, item, i, phase: 0 });
  }
  return false;
}

export { isDeferred };
