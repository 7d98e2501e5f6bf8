// The VM's own native frames ('vm.*') and the protocol callables native code can use in a
// NativeCall: EQ, LT, REPR, STR, HASH, BOOL, ITER, NEXT, COLLECT (any iterable -> list).

import {
  PyValue, PyList, PyType, PyTuple, Sentinel, NO_RESULT, PUSHED, NotImplemented, typeOf, isSubtype,
  objectType, dictType, typeType, ITER_STOP as ITER_DONE,
} from './objects';
import { PyDict, PySetBase, DELETED, EMPTY, keyOf, CUSTOM_KEY } from './dict';
import { PyBuiltinFunction, PyFunction, PyBoundMethod, PyGenerator, PyCell, PyStaticMethod, PyClassMethod, PyMemberDescr } from './function';
import { E, PyBaseException, PyException, pyErr, newException } from './exceptions';
import {
  NativeCall, NativeFrameStart, GenMode, SyscallRequest, type CallContext, type Frame, type NativeImpl,
} from './frame';
import { registerNativeImpl, makeBuiltin } from './types';
import {
  lookupType, typeName, truthFast, reprOf, strOf, getIter, iterFast, eqFast, hashFast, callMethod,
  isDeferred, getAttr, Deferred, updateHashKind,
} from './protocol';
import { compareOp, failCands, seqContains, type Cand, type FailInfo } from './binop';
import { pushUnpacked, asciiOf, getItem, funcDesc } from './subscr';
import { NULL as NULL_ } from './objects';
import { formatStr } from './lib/format-spec';
import { PyIterator, seqIteratorType as SEQ_ITER_TYPE } from './iterators';
import { resumeGenerator, throwIntoGenerator, pushPyFrame, typeCall, genYield } from './runtime';
import { SUSPENDED as SUSPENDED_ } from './objects';
import { newFrame, initCells } from './call';
import { asInt } from './ops';

type St = Record<string, unknown>;

function reg(id: string, resume: NativeImpl['resume']): void {
  registerNativeImpl(id, { resume });
}

/** A Deferred as something a NativeFn may return. */
export function startOf(d: Deferred): NativeFrameStart {
  return d instanceof NativeFrameStart ? d : new NativeFrameStart('vm.call', { callee: d.callee, args: d.args, kwnames: d.kwnames, phase: 0 });
}

function rethrow(exc: PyBaseException | null): void {
  if (exc) throw new PyException(exc);
}

function callerFrame(ctx: CallContext): Frame {
  return ctx.thread.frame!.back as Frame;
}

reg('vm.call', (_ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    return new NativeCall(st.callee as PyValue, st.args as PyValue[], (st.kwnames as string[] | null) ?? null);
  }
  return value;
});

/** Issues a syscall request and returns its result (for requests made by dunders). */
reg('vm.await', (_ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    return st.req as SyscallRequest;
  }
  return value;
});

reg('vm.discard', (_ctx, st, _value, exc) => {
  rethrow(exc);
  if (st.phase === undefined) {
    st.phase = 1;
    return st.d as Deferred;
  }
  return st.retNone ? null : NO_RESULT;
});

// ------------------------------------------------------------------ truth

/** Shared by vm.truth / vm.truthJump: returns a boolean when done, or a call to make. */
function truthStep(st: St, value: PyValue): boolean | NativeCall {
  const v = st.v as PyValue;
  if (st.phase === 0) {
    const t = typeOf(v);
    const b = lookupType(t, '__bool__');
    if (b !== undefined && b !== null) {
      st.phase = 1;
      return new NativeCall(b, [v]);
    }
    const l = lookupType(t, '__len__');
    if (l !== undefined && l !== null) {
      st.phase = 2;
      return new NativeCall(l, [v]);
    }
    return true;
  }
  if (st.phase === 1) {
    if (typeof value !== 'boolean') throw pyErr(E.TypeError, `__bool__ should return bool, returned ${typeName(value)}`);
    return value;
  }
  const n = asInt(value);
  if (n === undefined) throw pyErr(E.TypeError, `'${typeName(value)}' object cannot be interpreted as an integer`);
  if (n < 0) throw pyErr(E.ValueError, '__len__() should return >= 0');
  return n !== 0 && n !== 0n;
}

reg('vm.truth', (_ctx, st, value, exc) => {
  rethrow(exc);
  const r = truthStep(st, value);
  if (r instanceof NativeCall) return r;
  return st.negate ? !r : r;
});

reg('vm.truthJump', (ctx, st, value, exc) => {
  rethrow(exc);
  const r = truthStep(st, value);
  if (r instanceof NativeCall) return r;
  const f = callerFrame(ctx);
  if (r === st.jumpIf) f.ip = st.target as number;
  else if (!st.pop) f.stack.pop();
  return NO_RESULT;
});

reg('vm.negateIf', (_ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    return st.d as Deferred;
  }
  if (st.phase === 1) {
    const b = typeof value === 'boolean' ? value : truthFast(value);
    if (b === undefined) {
      st.phase = 2;
      return new NativeFrameStart('vm.truth', { v: value, phase: 0 });
    }
    return st.negate ? !b : b;
  }
  return st.negate ? !value : value;
});

// ------------------------------------------------------------------ str / repr / format

reg('vm.callStr', (_ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === undefined) {
    st.phase = 1;
    return new NativeCall(st.callee as PyValue, st.args as PyValue[]);
  }
  if (typeof value !== 'string') throw pyErr(E.TypeError, `${st.what as string} returned non-string (type ${typeName(value)})`);
  return value;
});

reg('vm.formatValue', (ctx, st, value, exc) => {
  rethrow(exc);
  const v = st.v as PyValue;
  const spec = st.spec as string;
  switch (st.phase) {
    case 0: {
      st.phase = 2;
      const r = st.conv === 1 ? strOf(ctx, v) : reprOf(ctx, v);
      if (typeof r === 'string') return formatStr(st.conv === 3 ? asciiOf(r) : r, spec);
      return r;
    }
    case 2:
      return formatStr(st.conv === 3 ? asciiOf(value as string) : (value as string), spec);
    case 1: {
      st.phase = 3;
      const m = lookupType(typeOf(v), '__format__');
      if (m === undefined || m === objectType.ns.get('__format__')) {
        if (spec !== '') throw pyErr(E.TypeError, `unsupported format string passed to ${typeName(v)}.__format__`);
        return strOf(ctx, v);
      }
      const r = callMethod(ctx, m, v, [spec]);
      if (isDeferred(r)) return r;
      return checkFormatResult(r);
    }
    default:
      return checkFormatResult(value);
  }
});

function checkFormatResult(value: PyValue): string {
  if (typeof value !== 'string') throw pyErr(E.TypeError, `__format__ must return a str, not ${typeName(value)}`);
  return value;
}

reg('vm.cands', (ctx, st, value, exc) => {
  rethrow(exc);
  const cands = st.cands as Cand[];
  if (st.phase === 1) {
    const c = cands[st.i as number]!;
    if (value !== NotImplemented) {
      if (c.invert) {
        const b = truthFast(value);
        if (b === undefined) return new NativeFrameStart('vm.truth', { v: value, phase: 0, negate: true });
        return !b;
      }
      return value;
    }
    st.i = (st.i as number) + 1;
  } else {
    st.i = 0;
    st.phase = 1;
  }
  const i = st.i as number;
  if (i >= cands.length) return failCands(st.fail as FailInfo);
  const c = cands[i]!;
  const fn = c.fn;
  if (fn instanceof PyStaticMethod) return new NativeCall(fn.func, [c.self, c.other]);
  if (fn instanceof PyClassMethod) return new NativeCall(fn.func, [typeOf(c.self), c.other]);
  return new NativeCall(fn, [c.self, c.other]);
});

reg('vm.seqCompare', (ctx, st, value, exc) => {
  rethrow(exc);
  const x = st.x as PyValue[];
  const y = st.y as PyValue[];
  const op = st.op as number;
  if (st.phase === 2) return value; // final element comparison
  if (st.phase === 1) {
    const b = truthFast(value) ?? true;
    if (!b) {
      if (op === 2) return false;
      if (op === 3) return true;
      st.phase = 2;
      const r = compareOp(ctx, op, x[st.i as number]!, y[st.i as number]!);
      return isDeferred(r) ? r : r;
    }
    st.i = (st.i as number) + 1;
  }
  st.phase = 1;
  const n = Math.min(x.length, y.length);
  for (let i = st.i as number; i < n; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a === b) continue;
    const e = eqFast(a, b);
    if (e === true) continue;
    st.i = i;
    if (e === undefined) return new NativeCall(EQ, [a, b]);
    if (op === 2) return false;
    if (op === 3) return true;
    st.phase = 2;
    return compareOp(ctx, op, a, b);
  }
  const d = x.length - y.length;
  return [d < 0, d <= 0, d === 0, d !== 0, d > 0, d >= 0][op]!;
});

reg('vm.seqContains', (_ctx, st, value, exc) => {
  rethrow(exc);
  const items = st.items as PyValue[];
  const item = st.item as PyValue;
  if (st.phase === 1) {
    if (truthFast(value) ?? true) return true;
    st.i = (st.i as number) + 1;
  }
  st.phase = 1;
  for (let i = st.i as number; i < items.length; i++) {
    const x = items[i]!;
    if (x === item) return true;
    const e = eqFast(x, item);
    if (e === true) return true;
    if (e === undefined) {
      st.i = i;
      return new NativeCall(EQ, [x, item]);
    }
  }
  return false;
});

reg('vm.containsCall', (_ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    return new NativeCall(st.fn as PyValue, [st.c as PyValue, st.item as PyValue]);
  }
  if (st.phase === 1) {
    const b = truthFast(value);
    if (b !== undefined) return b;
    st.phase = 2;
    return new NativeFrameStart('vm.truth', { v: value, phase: 0 });
  }
  return value;
});

reg('vm.iterContains', (ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    return new NativeCall(COLLECT, [st.c as PyValue]);
  }
  if (st.phase === 1) {
    st.phase = 2;
    const r = seqContains((value as PyList).items, st.item as PyValue);
    return typeof r === 'boolean' ? r : r;
  }
  return value;
});

// ------------------------------------------------------------------ custom-hash keys

reg('vm.hashLookup', (ctx, st, value, exc) => {
  rethrow(exc);
  const c = st.container as PyDict | PySetBase;
  const key = st.key as PyValue;
  if (st.phase === 0) {
    st.phase = 1;
    return new NativeCall(HASH, [key]);
  }
  if (st.phase === 1) {
    st.h = value;
    st.slots = c.customSlots(value as number).slice();
    st.i = 0;
    st.phase = 2;
  } else if (st.phase === 3) {
    // result of an __eq__ call on slots[i]
    if (truthFast(value) ?? true) return found(ctx, st, c, (st.slots as number[])[st.i as number]!);
    st.i = (st.i as number) + 1;
  }
  const slots = st.slots as number[];
  for (let i = st.i as number; i < slots.length; i++) {
    const k = c.keys[slots[i]!];
    if (k === DELETED || k === EMPTY) continue;
    if (k === key) return found(ctx, st, c, slots[i]!);
    st.i = i;
    st.phase = 3;
    return new NativeCall(EQ, [k as PyValue, key]);
  }
  return found(ctx, st, c, -1);
});

function found(ctx: CallContext, st: St, c: PyDict | PySetBase, slot: number): PyValue | Sentinel | NativeCall {
  const h = st.h as number;
  const key = st.key as PyValue;
  switch (st.want) {
    case 'contains':
      return slot >= 0;
    case 'get':
      if (slot >= 0) return (c as PyDict).vals[slot]!;
      if (c instanceof PyDict && c.cls !== dictType) {
        const miss = lookupType(c.cls, '__missing__');
        if (miss !== undefined) return new NativeCall(miss, [c, key]);
      }
      throw new PyException(newException(E.KeyError, key));
    case 'getdefault':
      return slot >= 0 ? (c as PyDict).vals[slot]! : (st.dflt as PyValue);
    case 'set':
      if (slot >= 0) (c as PyDict).vals[slot] = st.value as PyValue;
      else (c as PyDict).addCustom(h, key, st.value as PyValue);
      return NO_RESULT;
    case 'add':
      if (slot < 0) (c as PySetBase).addCustom(h, key);
      return NO_RESULT;
    case 'del':
    case 'discard':
      if (slot < 0) {
        if (st.want === 'discard') return null;
        throw new PyException(newException(E.KeyError, key));
      }
      if (c instanceof PyDict) c.deleteCustomSlot(h, slot);
      else c.deleteCustomSlot(h, slot);
      return NO_RESULT;
    default:
      void ctx;
      throw new Error(`hashLookup: bad want ${String(st.want)}`);
  }
}

/** Fills a dict (step 2: key, value pairs) or set (step 1) from items, from index i on,
 *  hashing Python-hashed keys through vm.hashLookup. */
reg('vm.fillHashed', (_ctx, st, _value, exc) => {
  rethrow(exc);
  const c = st.c as PyDict | PySetBase;
  const items = st.items as PyValue[];
  const stepN = st.step as number;
  if (st.phase === 1) st.i = (st.i as number) + stepN;
  st.phase = 1;
  for (let i = st.i as number; i < items.length; i += stepN) {
    const k = items[i]!;
    const ck = keyOf(k);
    if (ck === CUSTOM_KEY) {
      st.i = i;
      return new NativeFrameStart('vm.hashLookup', stepN === 2
        ? { container: c, key: k, value: items[i + 1]!, want: 'set', phase: 0 }
        : { container: c, key: k, want: 'add', phase: 0 });
    }
    if (c instanceof PyDict) c.setCk(ck, k, items[i + 1]!);
    else c.addCk(ck, k);
  }
  return c;
});

// ------------------------------------------------------------------ iteration

reg('vm.checkIter', (_ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    if (st.start) return st.start as NativeFrameStart;
    return new NativeCall(st.callee as PyValue, st.args as PyValue[]);
  }
  const t = typeOf(value);
  if (!(value instanceof PyIterator) && !(value instanceof PyGenerator) && lookupType(t, '__next__') === undefined) {
    throw pyErr(E.TypeError, `iter() returned non-iterator of type '${t.name}'`);
  }
  return value;
});

reg('vm.forIter', (ctx, st, value, exc) => {
  if (st.phase === 0) {
    st.phase = 1;
    if (st.start) return st.start as NativeFrameStart;
    return new NativeCall(st.callee as PyValue, [st.self as PyValue]);
  }
  if (exc) {
    if (isSubtype(exc.cls, E.StopIteration)) {
      const f = callerFrame(ctx);
      f.stack.pop();
      f.ip = st.target as number;
      return NO_RESULT;
    }
    throw new PyException(exc);
  }
  return value;
});

/** Old-style sequence iteration via __getitem__(0), (1), ... until IndexError. */
export class PySeqIterator extends PyIterator {
  i = 0;
  done = false;
  constructor(public obj: PyValue) {
    super(SEQ_ITER_TYPE);
  }
  next(): PyValue | Sentinel | NativeFrameStart {
    if (this.done) return ITER_DONE;
    return new NativeFrameStart('vm.seqIterNext', { it: this, phase: 0 });
  }
}

reg('vm.seqIterNew', (_ctx, st) => new PySeqIterator(st.obj as PyValue));
reg('vm.seqIterNext', (ctx, st, value, exc) => {
  const it = st.it as PySeqIterator;
  if (st.phase === 0) {
    st.phase = 1;
    const m = lookupType(typeOf(it.obj), '__getitem__')!;
    return new NativeCall(m, [it.obj, it.i]);
  }
  if (exc) {
    if (isSubtype(exc.cls, E.IndexError) || isSubtype(exc.cls, E.StopIteration)) {
      it.done = true;
      throw pyErr(E.StopIteration);
    }
    throw new PyException(exc);
  }
  it.i++;
  void ctx;
  return value;
});

/** Collects any iterable into a new list. */
reg('vm.collect', (ctx, st, value, exc) => {
  const items = st.items as PyValue[];
  if (st.phase === 0) {
    rethrow(exc);
    st.phase = 1;
    const r = getIter(ctx, st.src as PyValue);
    if (isDeferred(r)) return r;
    value = r;
  }
  if (st.phase === 1) {
    rethrow(exc);
    st.it = value;
    st.phase = 2;
  } else if (exc) {
    if (isSubtype(exc.cls, E.StopIteration)) return new PyList(items);
    throw new PyException(exc);
  } else {
    items.push(value);
  }
  const it = st.it as PyValue;
  // drain synchronously while possible
  for (;;) {
    if (it instanceof PyIterator) {
      const r = it.next(ctx);
      if (r === ITER_DONE) return new PyList(items);
      if (r instanceof NativeFrameStart) return r;
      items.push(r as PyValue);
      continue;
    }
    if (it instanceof PyGenerator) {
      if (!resumeGenerator(ctx, it, null, GenMode.CALL)) return new PyList(items);
      return PUSHED;
    }
    const nx = lookupType(typeOf(it), '__next__');
    if (nx === undefined) throw pyErr(E.TypeError, `'${typeName(it)}' object is not an iterator`);
    return new NativeCall(nx, [it]);
  }
});

reg('vm.extend', (ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    const items = iterFast(st.it as PyValue);
    if (items === undefined) {
      const it = st.it as PyValue;
      if (it instanceof PyGenerator || it instanceof PyIterator || (it !== null && typeof it === 'object' && (lookupType(it.cls, '__iter__') !== undefined || lookupType(it.cls, '__getitem__') !== undefined))) {
        return new NativeCall(COLLECT, [it]);
      }
      // in a call f(*x) the list being built sits above [NULL, f]
      const caller = callerFrame(ctx);
      const s = caller.stack;
      const fn = s.length >= 3 && s[s.length - 1] === st.target && s[s.length - 3] === NULL_ ? s[s.length - 2] : undefined;
      if (fn !== undefined) throw pyErr(E.TypeError, `${funcDesc(fn as PyValue)} argument after * must be an iterable, not ${typeName(it)}`);
      throw pyErr(E.TypeError, `Value after * must be an iterable, not ${typeName(it)}`);
    }
    value = new PyList(items);
  }
  const target = st.target as PyList | PySetBase;
  const items = (value as PyList).items;
  if (target instanceof PyList) target.items.push(...items);
  else {
    for (const x of items) {
      const ck = keyOf(x);
      if (ck === CUSTOM_KEY) throw pyErr(E.TypeError, 'set items with a Python __hash__ are not supported here');
      target.addCk(ck, x);
    }
  }
  return NO_RESULT;
});

reg('vm.unpack', (ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    return new NativeCall(COLLECT, [st.it as PyValue]);
  }
  pushUnpacked(callerFrame(ctx).stack, (value as PyList).items, st.before as number, st.after as number);
  return NO_RESULT;
});

reg('vm.mergeMapping', (ctx, st, value, exc) => {
  rethrow(exc);
  const d = st.d as PyDict;
  const m = st.m as PyValue;
  switch (st.phase) {
    case 0: {
      st.phase = 1;
      const keys = getAttr(ctx, m, 'keys');
      if (isDeferred(keys)) throw pyErr(E.TypeError, 'keys() via a property is not supported');
      return new NativeCall(keys, []);
    }
    case 1:
      st.phase = 2;
      return new NativeCall(COLLECT, [value]);
    case 2:
      st.keys = (value as PyList).items;
      st.i = 0;
      break;
    case 3: {
      const k = (st.keys as PyValue[])[st.i as number]!;
      if (st.merge && d.getStr(k as string) !== undefined) throw pyErr(E.TypeError, `got multiple values for keyword argument '${k as string}'`);
      d.set(k, value);
      st.i = (st.i as number) + 1;
      break;
    }
    default:
      break;
  }
  const keys = st.keys as PyValue[];
  while ((st.i as number) < keys.length) {
    const k = keys[st.i as number]!;
    if (st.merge && typeof k !== 'string') throw pyErr(E.TypeError, 'keywords must be strings');
    const r = getItem(ctx, m, k);
    st.phase = 3;
    if (isDeferred(r)) return r;
    if (st.merge && d.getStr(k as string) !== undefined) throw pyErr(E.TypeError, `got multiple values for keyword argument '${k as string}'`);
    d.set(k, r);
    st.i = (st.i as number) + 1;
  }
  return NO_RESULT;
});

// ------------------------------------------------------------------ calls and classes

reg('vm.typeCall', (ctx, st, value, exc) => {
  rethrow(exc);
  const cls = st.cls as PyType;
  const args = st.args as PyValue[];
  const kwnames = (st.kwnames as string[] | null) ?? null;
  if (st.phase === 0) {
    st.phase = 1;
    if (st.newStart) return st.newStart as NativeFrameStart;
    let nw = lookupType(cls, "__new__") as PyValue;
    if (nw instanceof PyStaticMethod) nw = nw.func;
    return new NativeCall(nw, [cls, ...args], kwnames);
  }
  if (st.phase === 1) {
    const obj = value;
    st.obj = obj;
    const init = lookupType(cls, '__init__');
    if (init === undefined || init === objectType.ns.get('__init__') || !isSubtype(typeOf(obj), cls)) return obj;
    st.phase = 2;
    return new NativeCall(init, [obj, ...args], kwnames);
  }
  if (value !== null) throw pyErr(E.TypeError, `__init__() should return None, not '${typeName(value)}'`);
  return st.obj as PyValue;
});

reg('vm.typeCallDirect', (ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    const r = typeCall(ctx, st.cls as PyType, st.args as PyValue[], (st.kwnames as string[] | null) ?? null);
    if (r === SUSPENDED_) {
      const req = ctx.thread.syscall!;
      ctx.thread.status = 'runnable';
      ctx.thread.syscall = null;
      return req;
    }
    return r as PyValue | typeof PUSHED;
  }
  return value;
});

reg('vm.initResult', (_ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    if (st.start) return st.start as NativeFrameStart | SyscallRequest;
    return new NativeCall(st.callee as PyValue, st.args as PyValue[], (st.kwnames as string[] | null) ?? null);
  }
  if (value !== null) throw pyErr(E.TypeError, `__init__() should return None, not '${typeName(value)}'`);
  return st.obj as PyValue;
});

reg('vm.raise', (ctx, st, value, exc) => {
  rethrow(exc);
  // phase 0: instantiate the exception if a class; phase 1: the cause; phase 2: raise
  if (st.phase === 0) {
    const e = st.e as PyValue;
    st.phase = 1;
    if (e instanceof PyType) {
      if (!isSubtype(e, E.BaseException)) throw pyErr(E.TypeError, 'exceptions must derive from BaseException');
      return new NativeCall(e, []);
    }
    value = e;
  }
  if (st.phase === 1) {
    if (!(value instanceof PyBaseException)) {
      if (value instanceof PyType || value === null || typeof value !== 'object' || true) {
        throw pyErr(E.TypeError, 'exceptions must derive from BaseException');
      }
    }
    st.exc = value;
    st.phase = 2;
    const c = st.cause as PyValue;
    if (st.hasCause && c instanceof PyType) {
      if (!isSubtype(c, E.BaseException)) throw pyErr(E.TypeError, 'exception causes must derive from BaseException');
      return new NativeCall(c, []);
    }
    value = c;
  }
  const ex = st.exc as PyBaseException;
  if (st.hasCause) {
    if (value !== null && !(value instanceof PyBaseException)) throw pyErr(E.TypeError, 'exception causes must derive from BaseException');
    ex.cause = value as PyBaseException | null;
    ex.suppressContext = true;
  }
  throw new PyException(ex);
});

/** __build_class__(func, name, *bases, **kw) */
/** The metaclass of a new class: the explicit one, or the most derived type of its bases
 *  (CPython's _PyType_CalculateMetaclass). */
function calculateMeta(meta: PyValue, bases: PyValue[]): PyType {
  let winner: PyType = meta instanceof PyType ? meta : typeType;
  for (const b of bases) {
    const t = typeOf(b);
    if (isSubtype(winner, t)) continue;
    if (isSubtype(t, winner)) {
      winner = t;
      continue;
    }
    throw pyErr(E.TypeError, 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
  }
  return winner;
}

reg('vm.buildClass', (ctx, st, value, exc) => {
  rethrow(exc);
  const kw = (st.kw as [string, PyValue][] | undefined) ?? [];
  if (st.phase === 0) {
    const meta = calculateMeta((st.meta as PyValue) ?? null, st.bases as PyValue[]);
    st.meta = meta === typeType ? null : meta;
    st.phase = 5;
    if (meta !== typeType) {
      const prep = lookupType(meta, '__prepare__');
      if (prep instanceof PyClassMethod || prep instanceof PyFunction) {
        const f = prep instanceof PyClassMethod ? prep.func : prep;
        return new NativeCall(f, [meta, st.name as string, new PyTuple(st.bases as PyValue[]), ...kw.map((p) => p[1])], kw.length ? kw.map((p) => p[0]) : null);
      }
    }
    value = new PyDict();
  }
  if (st.phase === 5) {
    if (!(value instanceof PyDict)) throw pyErr(E.TypeError, '__prepare__() must return a dict here');
    st.phase = 1;
    const func = st.func as PyFunction;
    st.ns = value;
    const fr = newFrame(func.code, func.globals, ctx.vm.builtins, value, null);
    initCells(fr, func);
    pushPyFrame(ctx, fr);
    return PUSHED;
  }
  if (st.phase === 2) return st.cls as PyType;
  if (st.phase === 3) {
    // the metaclass call returned the class
    const cell = st.cell as PyValue;
    if (cell instanceof PyCell && value instanceof PyType) cell.value = value;
    return value;
  }
  if (st.meta !== null && st.meta !== undefined) {
    // a custom metaclass: cls = meta(name, bases, ns, **kw)
    st.phase = 3;
    st.cell = value;
    const ns = st.ns as PyDict;
    return new NativeCall(st.meta as PyValue, [st.name as string, new PyTuple(st.bases as PyValue[]), ns, ...kw.map((p) => p[1])], kw.length ? kw.map((p) => p[0]) : null);
  }
  const cls = makeClass(st.name as string, st.bases as PyValue[], st.ns as PyDict, (st.meta as PyValue) ?? null);
  if (value instanceof PyCell) value.value = cls;
  // __init_subclass__ of the nearest base that defines it (a classmethod bound to cls)
  for (let i = 1; i < cls.mro.length; i++) {
    const m = cls.mro[i]!.ns.get('__init_subclass__');
    if (m === undefined) continue;
    if (m instanceof PyClassMethod) {
      st.phase = 2;
      st.cls = cls;
      return new NativeCall(m.func, [cls, ...kw.map((p) => p[1])], kw.length ? kw.map((p) => p[0]) : null);
    }
    break;
  }
  return cls;
});

/** type(name, bases, ns) for user classes. */
export function makeClass(name: string, basesIn: PyValue[], ns: PyDict, meta: PyValue): PyType {
  const bases: PyType[] = [];
  for (const b of basesIn) {
    if (!(b instanceof PyType)) throw pyErr(E.TypeError, 'bases must be types');
    if (!b.baseable) throw pyErr(E.TypeError, `type '${b.name}' is not an acceptable base type`);
    if (bases.includes(b)) throw pyErr(E.TypeError, `duplicate base class ${b.name}`);
    bases.push(b);
  }
  if (bases.length === 0) bases.push(objectType);
  let layout = bases[0]!.layout;
  for (const b of bases) {
    if (b.layout === 'object' || b.layout === layout) continue;
    if (layout === 'object') layout = b.layout;
    else if (!(layout === 'bool' && b.layout === 'int') && !(layout === 'int' && b.layout === 'bool')) {
      throw pyErr(E.TypeError, 'multiple bases have instance lay-out conflict');
    }
  }
  const module = ns.getStr('__module__');
  let cls: PyType;
  try {
    cls = new PyType(name, bases, {
      module: typeof module === 'string' ? module : '__main__',
      builtin: false,
      layout,
      metatype: meta instanceof PyType ? meta : undefined,
    });
  } catch (e) {
    if (e && typeof e === 'object' && 'message' in e && !(e instanceof Error)) throw pyErr(E.TypeError, (e as { message: string }).message);
    throw e;
  }
  const qn = ns.getStr('__qualname__');
  if (typeof qn === 'string') cls.qualname = qn;
  ns.forEach((k, v) => {
    if (typeof k !== 'string' || k === '__qualname__' || k === '__classcell__') return;
    if ((k === '__new__') && v instanceof PyFunction) v = new PyStaticMethod(v);
    if ((k === '__init_subclass__' || k === '__class_getitem__') && v instanceof PyFunction) v = new PyClassMethod(v);
    cls.ns.set(k, v);
  });
  if (cls.ns.has('__eq__') && !cls.ns.has('__hash__')) cls.ns.set('__hash__', null);
  const slots = cls.ns.get('__slots__');
  if (slots !== undefined && bases.every((b) => b.builtin ? b === objectType : b.slotted)) {
    const names = typeof slots === 'string' ? [slots] : iterFast(slots) ?? [];
    if (!names.includes('__dict__')) {
      cls.slotted = true;
      for (const n of names) if (typeof n === 'string') cls.ns.set(n, new PyMemberDescr(n, cls));
    }
  }
  const doc = cls.ns.get('__doc__');
  cls.doc = typeof doc === 'string' ? doc : null;
  if (!cls.ns.has('__doc__')) cls.ns.set('__doc__', null);
  updateHashKind(cls);
  return cls;
}

// ------------------------------------------------------------------ generators

reg('vm.genSend', (ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    const gen = st.gen as PyGenerator;
    if (!resumeGenerator(ctx, gen, st.value as PyValue, GenMode.CALL)) throw pyErr(E.StopIteration);
    return PUSHED;
  }
  return value;
});

reg('vm.genThrow', (ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    throwIntoGenerator(ctx, st.gen as PyGenerator, st.exc as PyBaseException, GenMode.CALL);
    return PUSHED;
  }
  return value;
});

reg('vm.genClose', (ctx, st, value, exc) => {
  const gen = st.gen as PyGenerator;
  if (st.phase === 0) {
    if (gen.frame === null) return null;
    if (!gen.started) {
      gen.frame = null;
      return null;
    }
    st.phase = 1;
    throwIntoGenerator(ctx, gen, newException(E.GeneratorExit), GenMode.CALL);
    return PUSHED;
  }
  if (exc) {
    if (isSubtype(exc.cls, E.GeneratorExit) || isSubtype(exc.cls, E.StopIteration)) return null;
    throw new PyException(exc);
  }
  void value;
  throw pyErr(E.RuntimeError, 'generator ignored GeneratorExit');
});

/** A signal handler (or other asynchronous call) run between instructions; see
 *  interp.ts callInterrupt. */
reg('vm.interrupt', (_ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    return new NativeCall(st.callee as PyValue, st.args as PyValue[]);
  }
  if (st.phase === 1 && st.retry) {
    st.phase = 2;
    return st.retry as SyscallRequest;
  }
  return st.retry ? value : NO_RESULT;
});

/** YIELD_FROM over an iterator that needs Python calls: gets the next value, then makes
 *  the delegating generator (the frame below) yield it, or finishes the YIELD_FROM on
 *  StopIteration. */
reg('vm.yieldFromStep', (ctx, st, value, exc) => {
  const nf = ctx.thread.frame!;
  const g = nf.back as Frame;
  if (st.phase === 0) {
    st.phase = 1;
    if (st.start) return st.start as NativeFrameStart;
    return new NativeCall(NEXT, [st.sub as PyValue]);
  }
  if (exc) {
    if (!isSubtype(exc.cls, E.StopIteration)) throw new PyException(exc);
    g.stack.pop(); // the sub-iterator
    g.stack.push(exc.args.items.length > 0 ? exc.args.items[0]! : null);
    g.ip = g.lasti + 1;
    return NO_RESULT;
  }
  ctx.thread.frame = g;
  genYield(ctx, g, value);
  return PUSHED;
});

// ------------------------------------------------------------------ protocol callables

function fromDeferred<T extends PyValue>(r: T | Deferred): T | NativeFrameStart {
  return isDeferred(r) ? startOf(r) : r;
}

export const EQ = makeBuiltin('vm.eq', '__eq__', (ctx, a) => fromDeferred(compareOp(ctx, 2, a[0]!, a[1]!)), 'function', null, null);
export const LT = makeBuiltin('vm.lt', '__lt__', (ctx, a) => fromDeferred(compareOp(ctx, 0, a[0]!, a[1]!)), 'function', null, null);
export const REPR = makeBuiltin('vm.repr', 'repr', (ctx, a) => fromDeferred(reprOf(ctx, a[0]!)), 'function', null, null);
export const STR = makeBuiltin('vm.str', 'str', (ctx, a) => fromDeferred(strOf(ctx, a[0]!)), 'function', null, null);
export const BOOL = makeBuiltin('vm.bool', 'bool', (ctx, a) => {
  const b = truthFast(a[0]!);
  return b !== undefined ? b : new NativeFrameStart('vm.truth', { v: a[0]!, phase: 0 });
}, 'function', null, null);
export const ITER = makeBuiltin('vm.iter', 'iter', (ctx, a) => fromDeferred(getIter(ctx, a[0]!)), 'function', null, null);
export const COLLECT = makeBuiltin('vm.collectFn', 'list', (ctx, a) => {
  const items = iterFast(a[0]!);
  if (items !== undefined) return new PyList(items);
  return new NativeFrameStart('vm.collect', { src: a[0]!, items: [], phase: 0 });
}, 'function', null, null);
export const HASH = makeBuiltin('vm.hash', 'hash', (ctx, a) => {
  const v = a[0]!;
  const h = hashFast(v);
  if (h !== undefined) return h;
  const m = lookupType(typeOf(v), '__hash__');
  if (m === null || m === undefined) throw pyErr(E.TypeError, `unhashable type: '${typeName(v)}'`);
  return new NativeFrameStart('vm.hashCall', { m, v, phase: 0 });
}, 'function', null, null);
reg('vm.hashCall', (_ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    return new NativeCall(st.m as PyValue, [st.v as PyValue]);
  }
  const i = asInt(value);
  if (i === undefined) throw pyErr(E.TypeError, '__hash__ method should return an integer');
  return hashFast(i)!;
});
/** next(it): the next value, raising StopIteration when exhausted. */
export const NEXT = makeBuiltin('vm.next', 'next', (ctx, a) => nextOf(ctx, a[0]!), 'function', null, null);

/** next(it) as a NativeFn result. */
export function nextOf(ctx: CallContext, it: PyValue): PyValue | NativeFrameStart {
  if (it instanceof PyIterator) {
    const r = it.next(ctx);
    if (r === ITER_DONE) throw pyErr(E.StopIteration);
    return r as PyValue | NativeFrameStart;
  }
  if (it instanceof PyGenerator) return new NativeFrameStart('vm.genSend', { gen: it, value: null, phase: 0 });
  const nx = lookupType(typeOf(it), '__next__');
  if (nx === undefined) throw pyErr(E.TypeError, `'${typeName(it)}' object is not an iterator`);
  const r = callMethod(ctx, nx, it, []);
  return isDeferred(r) ? startOf(r) : r;
}

export { PyBoundMethod, PyBuiltinFunction, PyTuple, hashFast };
