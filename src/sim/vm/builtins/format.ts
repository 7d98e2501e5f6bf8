// str.format / str.format_map and the format() builtin. Field lookups (attributes,
// items), conversions (!r !s !a) and __format__ may run Python code: the evaluation is a
// native-frame state machine over the program compiled by ../lib/format-string.ts.

import { PyValue, PyList, PyTuple, PyFloat, PyStrSubclass, PyIntSubclass } from '../objects';
import { PyDict } from '../dict';
import { E, PyException, pyErr, newException } from '../exceptions';
import { NativeFrameStart, type CallContext } from '../frame';
import { makeBuiltin, registerNativeImpl } from '../types';
import { getAttr, reprOf, strOf, typeName, isDeferred, type Deferred } from '../protocol';
import { getItem, formatValue } from '../subscr';
import { compileFormat, type FormatOp } from '../lib/format-string';
import { asStr, rethrow, splitKw, deferredResult, saveDeferred, loadDeferred, type SavedDeferred } from './util';
import { asciiEscape } from './repr';

interface FmtState {
  ops: FormatOp[];
  i: number;
  out: string[];
  args: PyValue[] | null;
  kwargs: PyValue | null;
  /** Step within the current field: 0 first, 1 accessors, 2 conversion, 3 format. */
  phase: number;
  k: number;
  obj: PyValue;
  waiting: boolean;
  [key: string]: unknown;
}

/** s.format(*args, **kwargs) */
export function strFormat(ctx: CallContext, s: string, args: PyValue[], kwnames: string[] | null): PyValue | NativeFrameStart {
  const [pos, kw] = splitKw(args, kwnames);
  let kwargs: PyDict | null = null;
  if (kw.size > 0) {
    kwargs = new PyDict();
    for (const [k, v] of kw) kwargs.setStr(k, v);
  }
  return start(ctx, s, pos, kwargs);
}

/** s.format_map(mapping) */
export function strFormatMap(ctx: CallContext, s: string, mapping: PyValue): PyValue | NativeFrameStart {
  return start(ctx, s, null, mapping);
}

function start(ctx: CallContext, s: string, args: PyValue[] | null, kwargs: PyValue | null): PyValue | NativeFrameStart {
  if (!s.includes('{') && !s.includes('}')) return s;
  const st: FmtState = { ops: compileFormat(s), i: 0, out: [''], args, kwargs, phase: 0, k: 0, obj: null, waiting: false };
  const r = run(ctx, st);
  if (!isDeferred(r)) return r;
  st.pending = saveDeferred(r);
  return new NativeFrameStart('str.format', st);
}

registerNativeImpl('str.format', {
  resume(ctx, st0, value, exc) {
    if (exc) rethrow(exc);
    const st = st0 as FmtState;
    if (st.pending) {
      const p = st.pending as SavedDeferred;
      st.pending = null;
      return loadDeferred(p);
    }
    if (st.waiting) {
      st.waiting = false;
      deliver(st, value);
    }
    const r = run(ctx, st);
    return r;
  },
});

/** Hands the result of a deferred step to the state machine. */
function deliver(st: FmtState, value: PyValue): void {
  const op = st.ops[st.i] as Extract<FormatOp, { t: 'field' }>;
  switch (st.phase) {
    case 0:
      st.obj = value;
      st.phase = 1;
      st.k = 0;
      break;
    case 1:
      st.obj = value;
      st.k++;
      break;
    case 2: {
      const s = asStr(value);
      if (s === undefined) throw pyErr(E.TypeError, `__str__ returned non-string (type ${typeName(value)})`);
      st.obj = op.conv === 'a' ? asciiEscape(s) : s;
      st.phase = 3;
      break;
    }
    case 3: {
      const s = asStr(value);
      if (s === undefined) throw pyErr(E.TypeError, `__format__ must return a str, not ${typeName(value)}`);
      st.out[st.out.length - 1] += s;
      st.pendingSpec = undefined;
      st.phase = 0;
      st.i++;
      break;
    }
  }
}

function lookupFirst(ctx: CallContext, st: FmtState, first: number | string): PyValue | Deferred {
  if (typeof first === 'number') {
    if (st.args === null) throw pyErr(E.ValueError, 'Format string contains positional fields');
    if (first >= st.args.length) {
      throw pyErr(E.IndexError, `Replacement index ${first} out of range for positional args tuple`);
    }
    return st.args[first]!;
  }
  if (st.kwargs === null) throw new PyException(newException(E.KeyError, first));
  if (st.kwargs instanceof PyDict && st.kwargs.cls.builtin) {
    const v = st.kwargs.getStr(first);
    if (v === undefined) throw new PyException(newException(E.KeyError, first));
    return v;
  }
  return getItem(ctx, st.kwargs, first);
}

/** Runs until done (the result str) or a step needs Python (a Deferred; state saved). */
function run(ctx: CallContext, st: FmtState): PyValue | Deferred {
  const ops = st.ops;
  while (st.i < ops.length) {
    const op = ops[st.i]!;
    if (op.t === 'lit') {
      st.out[st.out.length - 1] += op.s;
      st.i++;
      continue;
    }
    if (op.t === 'mark') {
      st.out.push('');
      st.i++;
      continue;
    }
    if (op.t === 'error') throw pyErr(E.ValueError, op.msg);
    // a field
    if (st.phase === 0) {
      const r = lookupFirst(ctx, st, op.first);
      if (isDeferred(r)) return wait(st, r);
      st.obj = r;
      st.phase = 1;
      st.k = 0;
    }
    if (st.phase === 1) {
      while (st.k < op.rest.length) {
        const a = op.rest[st.k]!;
        let r: PyValue | Deferred;
        if ('attr' in a) r = getAttr(ctx, st.obj, a.attr);
        else r = getItem(ctx, st.obj, a.index);
        if (isDeferred(r)) return wait(st, r);
        st.obj = r;
        st.k++;
      }
      st.phase = 2;
    }
    if (st.phase === 2) {
      const conv = op.conv;
      if (conv.startsWith('\u0000')) throw pyErr(E.ValueError, `Unknown conversion specifier ${conv.slice(1)}`);
      if (conv !== '') {
        const r = conv === 's' ? strOf(ctx, st.obj) : reprOf(ctx, st.obj);
        if (typeof r !== 'string') return wait(st, r);
        st.obj = conv === 'a' ? asciiEscape(r) : r;
      }
      st.phase = 3;
    }
    // phase 3: format
    let spec: string;
    if (op.spec === null) {
      if (typeof st.pendingSpec !== 'string') st.pendingSpec = st.out.pop()!;
      spec = st.pendingSpec as string;
    } else spec = op.spec;
    const r = formatValue(ctx, st.obj, spec, 0);
    if (typeof r !== 'string') return wait(st, r);
    st.pendingSpec = undefined;
    st.out[st.out.length - 1] += r;
    st.phase = 0;
    st.i++;
  }
  return st.out.join('');
}

function wait(st: FmtState, d: Deferred): Deferred {
  st.waiting = true;
  return d;
}

/** format(value, format_spec='') */
export const formatFn = makeBuiltin('builtins.format', 'format', (ctx, args, kwnames) => {
  const [pos, kw] = splitKw(args, kwnames);
  for (const k of kw.keys()) {
    if (k !== 'format_spec' && k !== 'value') throw pyErr(E.TypeError, `format() got an unexpected keyword argument '${k}'`);
  }
  if (pos.length > 2) throw pyErr(E.TypeError, `format expected at most 2 arguments, got ${pos.length}`);
  const v = pos.length > 0 ? pos[0]! : kw.get('value');
  if (v === undefined) throw pyErr(E.TypeError, "format() missing required argument 'value' (pos 1)");
  const specV = pos.length > 1 ? pos[1]! : (kw.get('format_spec') ?? '');
  const spec = asStr(specV);
  if (spec === undefined) throw pyErr(E.TypeError, `format() argument 2 must be str, not ${typeName(specV)}`);
  const r = formatValue(ctx, v, spec, 0);
  if (typeof r === 'string') return r;
  return deferredResult(r);
});

export { PyList, PyTuple, PyFloat, PyStrSubclass, PyIntSubclass };
