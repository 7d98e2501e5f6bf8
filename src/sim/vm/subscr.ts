// Subscription, slicing, unary operators, f-string formatting, unpacking and ** merging.

import {
  PyObject, PyValue, PyList, PyTuple, PyFloat, PyRange, PyBytes, PySlice, PyType, StackValue,
  typeOf, dictType, normInt,
} from './objects';
import { PyDict, CUSTOM_KEY } from './dict';
import { PyFunction, PyBuiltinFunction, PyBoundMethod } from './function';
import { E, pyErr, PyException, newException } from './exceptions';
import { NativeFrameStart, type CallContext } from './frame';
import { asInt, intNeg, intInvert } from './ops';
import {
  lookupType, typeName, callMethod, iterFast, keyOrThrow, strOf, reprOf, isDeferred, Deferred,
} from './protocol';
import { formatStr, formatInt, formatFloatSpec } from './lib/format-spec';

// ------------------------------------------------------------------ indices and slices

/** An index operand as a JS number (ints, bools, __index__ of builtins). */
export function indexOf(k: PyValue, what: string): number | undefined {
  if (typeof k === 'number') return k;
  if (typeof k === 'boolean') return k ? 1 : 0;
  if (typeof k === 'bigint') {
    throw pyErr(E.IndexError, `cannot fit 'int' into an index-sized integer`);
  }
  void what;
  return undefined;
}

function sliceIndex(v: PyValue): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  throw pyErr(E.TypeError, 'slice indices must be integers or None or have an __index__ method');
}

/** slice.indices(len): [start, stop, step] clamped like CPython. */
export function sliceIndices(s: PySlice, len: number): [number, number, number] {
  let step = sliceIndex(s.step);
  if (step === null) step = 1;
  if (step === 0) throw pyErr(E.ValueError, 'slice step cannot be zero');
  const lower = step < 0 ? -1 : 0;
  const upper = step < 0 ? len - 1 : len;
  const clamp = (v: number | null, dflt: number) => {
    if (v === null) return dflt;
    if (v < 0) {
      v += len;
      if (v < lower) v = lower;
    } else if (v > upper) v = upper;
    return v;
  };
  const start = clamp(sliceIndex(s.start), step < 0 ? upper : lower);
  const stop = clamp(sliceIndex(s.stop), step < 0 ? lower : upper);
  return [start, stop, step];
}

export function sliceLength(start: number, stop: number, step: number): number {
  if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
  return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
}

function sliceArray<T>(items: T[], s: PySlice): T[] {
  const [start, stop, step] = sliceIndices(s, items.length);
  if (step === 1) return items.slice(start, Math.max(start, stop));
  const out: T[] = [];
  const n = sliceLength(start, stop, step);
  for (let i = 0, j = start; i < n; i++, j += step) out.push(items[j]!);
  return out;
}

function seqIndex(len: number, k: PyValue, kind: string, assign = false): number {
  const i = indexOf(k, kind);
  if (i === undefined) {
    if (kind === 'str') throw pyErr(E.TypeError, `string indices must be integers, not '${typeName(k)}'`);
    throw pyErr(E.TypeError, `${kind} indices must be integers or slices, not ${typeName(k)}`);
  }
  const j = i < 0 ? i + len : i;
  if (j < 0 || j >= len) {
    throw pyErr(E.IndexError, `${kind === 'str' ? 'string' : kind}${assign ? ' assignment' : ''} index out of range`);
  }
  return j;
}

// ------------------------------------------------------------------ get / set / del

/** Does `c` (an instance of a subclass of a builtin container) use the builtin `name`? */
function inherits(c: PyObject, name: string): boolean {
  if (c.cls.builtin) return true;
  const m = lookupType(c.cls, name);
  return m === undefined || (m instanceof PyBuiltinFunction && m.owner !== null && m.owner.builtin);
}

export function getItem(ctx: CallContext, c: PyValue, k: PyValue): PyValue | Deferred {
  if (c instanceof PyObject && inherits(c, '__getitem__')) {
    if (c instanceof PyList) {
      if (k instanceof PySlice) return new PyList(sliceArray(c.items, k));
      return c.items[seqIndex(c.items.length, k, 'list')]!;
    }
    if (c instanceof PyTuple) {
      if (k instanceof PySlice) return new PyTuple(sliceArray(c.items, k));
      return c.items[seqIndex(c.items.length, k, 'tuple')]!;
    }
    if (c instanceof PyDict) return dictGet(ctx, c, k);
    if (c instanceof PyRange) {
      if (k instanceof PySlice) {
        const [start, stop, step] = sliceIndices(k, c.length);
        const len = sliceLength(start, stop, step);
        const r = new PyRange(c.start + start * c.step, 0, c.step * step);
        r.stop = r.start + len * r.step;
        return r;
      }
      const i = seqIndex(c.length, k, 'range');
      return c.start + i * c.step;
    }
    if (c instanceof PyBytes) {
      const arr = Array.from(c.bytes);
      if (k instanceof PySlice) return new PyBytes(sliceArray(arr, k));
      return arr[seqIndex(arr.length, k, 'index')]!;
    }
  }
  if (typeof c === 'string') {
    if (k instanceof PySlice) {
      const [start, stop, step] = sliceIndices(k, c.length);
      if (step === 1) return c.slice(start, Math.max(start, stop));
      let out = '';
      const n = sliceLength(start, stop, step);
      for (let i = 0, j = start; i < n; i++, j += step) out += c[j];
      return out;
    }
    return c[seqIndex(c.length, k, 'str')]!;
  }
  if (c instanceof PyDict) {
    // dict subclass without its own __getitem__
    const m = lookupType(c.cls, '__getitem__');
    if (m === dictType.ns.get('__getitem__') || m === undefined) return dictGet(ctx, c, k);
  }
  if (c instanceof PyType) {
    const cg = lookupType(c, '__class_getitem__');
    if (cg !== undefined) return callMethod(ctx, cg, c, [k]);
    if (c.builtin) return c; // list[int] etc.: a generic alias stand-in
  }
  const m = c === null || typeof c !== 'object' ? undefined : lookupType(c.cls, '__getitem__');
  if (m === undefined || m === null) {
    if (c instanceof PyType) throw pyErr(E.TypeError, `type '${c.name}' is not subscriptable`);
    throw pyErr(E.TypeError, `'${typeName(c)}' object is not subscriptable`);
  }
  return callMethod(ctx, m, c, [k]);
}

function dictGet(ctx: CallContext, d: PyDict, k: PyValue): PyValue | Deferred {
  const ck = keyOrThrow(k);
  if (ck === CUSTOM_KEY) return new NativeFrameStart('vm.hashLookup', { container: d, key: k, want: 'get', phase: 0 });
  const v = d.getCk(ck);
  if (v !== undefined) return v;
  if (d.cls !== dictType) {
    const miss = lookupType(d.cls, '__missing__');
    if (miss !== undefined) return callMethod(ctx, miss, d, [k]);
  }
  throw new PyException(newException(E.KeyError, k));
}

export function setItem(ctx: CallContext, c: PyValue, k: PyValue, v: PyValue): undefined | Deferred {
  if (c instanceof PyList && inherits(c, '__setitem__')) {
    if (k instanceof PySlice) {
      const items = iterFast(v);
      if (items === undefined) {
        throw pyErr(E.TypeError, 'must assign iterable to extended slice');
      }
      const [start, stop, step] = sliceIndices(k, c.items.length);
      if (step === 1) {
        c.items.splice(start, Math.max(0, stop - start), ...items);
        return undefined;
      }
      const n = sliceLength(start, stop, step);
      if (items.length !== n) {
        throw pyErr(E.ValueError, `attempt to assign sequence of size ${items.length} to extended slice of size ${n}`);
      }
      for (let i = 0, j = start; i < n; i++, j += step) c.items[j] = items[i]!;
      return undefined;
    }
    c.items[seqIndex(c.items.length, k, 'list', true)] = v;
    return undefined;
  }
  if (c instanceof PyDict && (c.cls === dictType || lookupType(c.cls, '__setitem__') === dictType.ns.get('__setitem__'))) {
    const ck = keyOrThrow(k);
    if (ck === CUSTOM_KEY) return new NativeFrameStart('vm.hashLookup', { container: c, key: k, value: v, want: 'set', phase: 0 });
    c.setCk(ck, k, v);
    return undefined;
  }
  const m = c === null || typeof c !== 'object' ? undefined : lookupType(c.cls, '__setitem__');
  if (m === undefined || m === null) throw pyErr(E.TypeError, `'${typeName(c)}' object does not support item assignment`);
  const r = callMethod(ctx, m, c, [k, v]);
  return isDeferred(r) ? r : undefined;
}

export function delItem(ctx: CallContext, c: PyValue, k: PyValue): undefined | Deferred {
  if (c instanceof PyList && inherits(c, '__delitem__')) {
    if (k instanceof PySlice) {
      const [start, stop, step] = sliceIndices(k, c.items.length);
      if (step === 1) {
        c.items.splice(start, Math.max(0, stop - start));
        return undefined;
      }
      const n = sliceLength(start, stop, step);
      const drop = new Set<number>();
      for (let i = 0, j = start; i < n; i++, j += step) drop.add(j);
      c.items = c.items.filter((_, i) => !drop.has(i));
      return undefined;
    }
    c.items.splice(seqIndex(c.items.length, k, 'list', true), 1);
    return undefined;
  }
  if (c instanceof PyDict && (c.cls === dictType || lookupType(c.cls, '__delitem__') === dictType.ns.get('__delitem__'))) {
    const ck = keyOrThrow(k);
    if (ck === CUSTOM_KEY) return new NativeFrameStart('vm.hashLookup', { container: c, key: k, want: 'del', phase: 0 });
    if (!c.deleteCk(ck)) throw new PyException(newException(E.KeyError, k));
    return undefined;
  }
  const m = c === null || typeof c !== 'object' ? undefined : lookupType(c.cls, '__delitem__');
  if (m === undefined || m === null) throw pyErr(E.TypeError, `'${typeName(c)}' object doesn't support item deletion`);
  const r = callMethod(ctx, m, c, [k]);
  return isDeferred(r) ? r : undefined;
}

// ------------------------------------------------------------------ unary

const UNARY_DUNDER: Record<string, string> = { '-': '__neg__', '+': '__pos__', '~': '__invert__' };

export function unaryOp(ctx: CallContext, sym: '-' | '+' | '~', a: PyValue): PyValue | Deferred {
  const i = asInt(a);
  if (i !== undefined) {
    if (sym === '-') return intNeg(i);
    if (sym === '+') return i;
    return intInvert(i);
  }
  if (a instanceof PyFloat && a.cls.builtin) {
    if (sym === '-') return new PyFloat(-a.value);
    if (sym === '+') return a;
  }
  const m = a === null || typeof a !== 'object' ? undefined : lookupType(a.cls, UNARY_DUNDER[sym]!);
  if (m === undefined || m === null) throw pyErr(E.TypeError, `bad operand type for unary ${sym}: '${typeName(a)}'`);
  return callMethod(ctx, m, a, []);
}

// ------------------------------------------------------------------ formatting

/** ascii(): repr with non-ASCII characters escaped. */
export function asciiOf(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x100) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out;
}

/** format(v, spec) for builtin values; undefined when a Python __format__ is needed. */
export function formatBuiltin(v: PyValue, spec: string): string | undefined {
  if (typeof v === 'string') return spec === '' ? v : formatStr(v, spec);
  if (typeof v === 'boolean') return spec === '' ? (v ? 'True' : 'False') : formatInt(v ? 1 : 0, spec, 'bool');
  if (typeof v === 'number' || typeof v === 'bigint') return formatInt(v, spec);
  if (v instanceof PyFloat && v.cls.builtin) return formatFloatSpec(v.value, spec);
  return undefined;
}

/** FORMAT_VALUE: conversion (1 str, 2 repr, 3 ascii) then format(value, spec). */
export function formatValue(ctx: CallContext, v: PyValue, spec: string, conv: number): string | Deferred {
  if (conv !== 0) {
    const s = conv === 1 ? strOf(ctx, v) : reprOf(ctx, v);
    if (typeof s !== 'string') return new NativeFrameStart('vm.formatValue', { v, spec, conv, phase: 0 });
    return formatStr(conv === 3 ? asciiOf(s) : s, spec);
  }
  const r = formatBuiltin(v, spec);
  if (r !== undefined) return r;
  return new NativeFrameStart('vm.formatValue', { v, spec, conv, phase: 1 });
}

// ------------------------------------------------------------------ unpacking

/** Unpacks a builtin iterable onto the stack (first item on top). `after` = -1 for
 *  UNPACK_SEQUENCE(before). Returns false when the iterable needs Python calls. */
export function unpackFast(stack: StackValue[], seq: PyValue, before: number, after: number): boolean {
  let items: PyValue[] | undefined;
  if (seq instanceof PyTuple || seq instanceof PyList) items = seq.items;
  else items = iterFast(seq);
  if (items === undefined) {
    if (seq === null || typeof seq !== 'object' || (lookupType(seq.cls, '__iter__') === undefined && lookupType(seq.cls, '__getitem__') === undefined)) {
      throw pyErr(E.TypeError, `cannot unpack non-iterable ${typeName(seq)} object`);
    }
    return false;
  }
  pushUnpacked(stack, items, before, after);
  return true;
}

export function pushUnpacked(stack: StackValue[], items: PyValue[], before: number, after: number): void {
  if (after < 0) {
    if (items.length < before) throw pyErr(E.ValueError, `not enough values to unpack (expected ${before}, got ${items.length})`);
    if (items.length > before) throw pyErr(E.ValueError, `too many values to unpack (expected ${before})`);
    for (let i = before - 1; i >= 0; i--) stack.push(items[i]!);
    return;
  }
  if (items.length < before + after) {
    throw pyErr(E.ValueError, `not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
  }
  for (let i = items.length - 1; i >= items.length - after; i--) stack.push(items[i]!);
  stack.push(new PyList(items.slice(before, items.length - after)));
  for (let i = before - 1; i >= 0; i--) stack.push(items[i]!);
}

// ------------------------------------------------------------------ ** merging

/** CPython's _PyObject_FunctionStr: "module.qualname()" (no module for builtins). */
export function funcDesc(f: PyValue): string {
  if (f instanceof PyFunction) {
    const m = f.module;
    return typeof m === 'string' && m !== 'builtins' ? `${m}.${f.qualname}()` : `${f.qualname}()`;
  }
  if (f instanceof PyBuiltinFunction) return `${f.qualname}()`;
  if (f instanceof PyBoundMethod) return funcDesc(f.func);
  if (f instanceof PyType) return f.module === 'builtins' ? `${f.qualname}()` : `${f.module}.${f.qualname}()`;
  return `${typeName(f)} object`;
}

/** DICT_UPDATE / DICT_MERGE (merge: duplicate keys are an error, for f(**a, **b)). */
export function dictMerge(ctx: CallContext, d: PyDict, m: PyValue, merge: boolean, callee: PyValue): undefined | Deferred {
  if (m instanceof PyDict) {
    let dup: PyValue | undefined;
    m.forEach((k, v) => {
      if (dup !== undefined) return;
      if (merge) {
        if (typeof k !== 'string') throw pyErr(E.TypeError, 'keywords must be strings');
        if (d.getStr(k) !== undefined) {
          dup = k;
          return;
        }
      }
      d.set(k, v);
    });
    if (dup !== undefined) throw pyErr(E.TypeError, `${funcDesc(callee)} got multiple values for keyword argument '${dup as string}'`);
    return undefined;
  }
  if (m !== null && typeof m === 'object' && lookupType(m.cls, 'keys') !== undefined) {
    return new NativeFrameStart('vm.mergeMapping', { d, m, merge, phase: 0 });
  }
  if (merge) throw pyErr(E.TypeError, `${funcDesc(callee)} argument after ** must be a mapping, not ${typeName(m)}`);
  throw pyErr(E.TypeError, `'${typeName(m)}' object is not a mapping`);
}

export { normInt, typeOf };
