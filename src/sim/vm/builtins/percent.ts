// `str % args`: printf-style formatting (../lib/percent-format.ts) over Python values.
// Conversions that need Python code (a user __str__/__repr__/__int__/__float__/__index__)
// are computed first in a native frame, then the format runs synchronously.

import {
  PyObject, PyValue, PyTuple, PyFloat, PyList, PyBytes, PyRange, intType, floatType, typeOf,
} from '../objects';
import { PyDict } from '../dict';
import { E, PyException, pyErr, newException } from '../exceptions';
import { NativeCall, NativeFrameStart, type CallContext } from '../frame';
import { registerNativeImpl } from '../types';
import { lookupType, reprOf, strOf, typeName, isDeferred, type Deferred } from '../protocol';
import { percentFormat, percentNeeds, type PercentArgs, type PercentHooks, type PercentNeed } from '../lib/percent-format';
import { floatToInt } from '../lib/int-ops';
import { asIndex, asStr, rethrow } from './util';
import { asciiEscape } from './repr';

type Conv = string | number | bigint | null;

function hasMethod(v: PyValue, ...names: string[]): boolean {
  if (!(v instanceof PyObject)) return false;
  return names.some((n) => lookupType(typeOf(v), n) !== undefined);
}

/** A conversion now, or a Deferred (whose Python result `finish` turns into a Conv). */
function convertNow(ctx: CallContext, v: PyValue, need: PercentNeed): Conv | Deferred {
  switch (need) {
    case 's':
      return strOf(ctx, v);
    case 'r':
      return reprOf(ctx, v);
    case 'a': {
      const r = reprOf(ctx, v);
      return typeof r === 'string' ? asciiEscape(r) : r;
    }
    case 'int': {
      const i = asIndex(v);
      if (i !== undefined) return i;
      if (v instanceof PyFloat) return floatToInt(v.value);
      if (hasMethod(v, '__int__', '__index__', '__trunc__')) return new NativeCall(intType, [v]);
      return null;
    }
    case 'index': {
      const i = asIndex(v);
      if (i !== undefined) return i;
      const m = v instanceof PyObject ? lookupType(typeOf(v), '__index__') : undefined;
      if (m !== undefined && m !== null) return new NativeCall(m, [v]);
      return null;
    }
    case 'float': {
      if (v instanceof PyFloat) return v.value;
      const i = asIndex(v);
      if (i !== undefined) {
        const x = Number(i);
        if (!Number.isFinite(x)) throw pyErr(E.OverflowError, 'int too large to convert to float');
        return x;
      }
      if (hasMethod(v, '__float__', '__index__')) return new NativeCall(floatType, [v]);
      return null;
    }
    case 'char': {
      const s = asStr(v);
      if (s !== undefined) return s;
      const i = asIndex(v);
      if (i !== undefined) return i;
      const m = v instanceof PyObject ? lookupType(typeOf(v), '__index__') : undefined;
      if (m !== undefined && m !== null) return new NativeCall(m, [v]);
      return null;
    }
  }
}

/** Turns the Python result of a deferred conversion into a Conv. */
function finish(value: PyValue, need: PercentNeed): Conv {
  switch (need) {
    case 's':
    case 'r':
      return asStr(value) ?? '';
    case 'a':
      return asciiEscape(asStr(value) ?? '');
    case 'float':
      return value instanceof PyFloat ? value.value : Number(asIndex(value) ?? NaN);
    default:
      return asIndex(value) ?? null;
  }
}

function isMappingArg(v: PyValue): boolean {
  if (v instanceof PyTuple || typeof v === 'string') return false;
  if (v instanceof PyDict || v instanceof PyList || v instanceof PyBytes || v instanceof PyRange) return true;
  return v instanceof PyObject && lookupType(typeOf(v), '__getitem__') !== undefined;
}

function argsOf(arg: PyValue): PercentArgs<PyValue> {
  if (arg instanceof PyTuple) return { tuple: arg.items };
  return { single: arg, isMapping: isMappingArg(arg) };
}

function hooks(ctx: CallContext, results: Conv[] | null): PercentHooks<PyValue> {
  let k = 0;
  return {
    convert(v, need) {
      if (results !== null) return results[k++]!;
      const r = convertNow(ctx, v, need);
      if (r !== null && typeof r === 'object') throw new NeedsPython();
      return r;
    },
    asInt: (v) => asIndex(v) ?? null,
    typeName: (v) => typeName(v),
    getItem(m, key) {
      if (m instanceof PyDict) {
        const v = m.get(key);
        if (v === undefined) throw new PyException(newException(E.KeyError, key));
        return v;
      }
      if (m instanceof PyList || m instanceof PyBytes || m instanceof PyRange) {
        throw pyErr(E.TypeError, `${typeName(m)} indices must be integers or slices, not str`);
      }
      throw pyErr(E.TypeError, `format with a non-dict mapping (${typeName(m)}) is not supported`);
    },
  };
}

class NeedsPython {}

/** fmt % arg. */
export function percentMod(ctx: CallContext, fmt: string, arg: PyValue): PyValue | NativeFrameStart {
  const a = argsOf(arg);
  try {
    return percentFormat(fmt, a, hooks(ctx, null));
  } catch (e) {
    if (!(e instanceof NeedsPython)) throw e;
  }
  const needs = percentNeeds(fmt, a, hooks(ctx, null));
  return new NativeFrameStart('str.percent', {
    fmt,
    arg,
    values: needs.map((n) => n.value),
    needs: needs.map((n) => n.need),
    results: [],
    waiting: false,
  });
}

registerNativeImpl('str.percent', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    const values = st.values as PyValue[];
    const needs = st.needs as PercentNeed[];
    const results = st.results as Conv[];
    if (st.waiting) {
      results.push(finish(value, needs[results.length]!));
      st.waiting = false;
    }
    while (results.length < needs.length) {
      const i = results.length;
      const r = convertNow(ctx, values[i]!, needs[i]!);
      if (r !== null && typeof r === 'object') {
        st.waiting = true;
        return r as Deferred;
      }
      results.push(r);
    }
    return percentFormat(st.fmt as string, argsOf(st.arg as PyValue), hooks(ctx, results));
  },
});

export { isDeferred };
