// Lazy builtin iterators: enumerate, zip, map, filter, reversed. Each `next` answers
// synchronously when its inputs allow, else a native frame that performs the steps
// needing Python (a user __next__, a generator, the mapped function) without
// advancing anything twice: a pending step is saved as plain data and resumed.

import { PyObject, PyValue, PyList, PyTuple, PyRange, Sentinel, ITER_STOP, objectType, typeOf } from '../objects';
import { E, PyException, pyErr, newException } from '../exceptions';
import { NativeCall, NativeFrameStart, type CallContext } from '../frame';
import { defineMethods, newBuiltinType, registerClass, registerNativeImpl } from '../types';
import { PyIterator, PyListReverseIterator, PyArrayIterator, PyRangeIterator, type IterNext } from '../iterators';
import { getIter, lookupType, truthFast, typeName, isDeferred, type Deferred } from '../protocol';
import { BOOL, nextOf } from '../natives';
import { intAdd } from '../lib/int-ops';
import {
  callOrDefer, deferredResult, isStopIteration, loadDeferred, rethrow, saveDeferred, stepIter, type SavedDeferred,
} from './util';

export const enumerateType = newBuiltinType('enumerate', [objectType], 'builtins', { baseable: false });
export const zipType = newBuiltinType('zip', [objectType], 'builtins', { baseable: false });
export const mapType = newBuiltinType('map', [objectType], 'builtins', { baseable: false });
export const filterType = newBuiltinType('filter', [objectType], 'builtins', { baseable: false });
export const reversedType = newBuiltinType('reversed', [objectType], 'builtins', { baseable: false });

for (const t of [enumerateType, zipType, mapType, filterType, reversedType]) {
  defineMethods(t, {
    __iter__: (_c, args) => args[0]!,
    __next__: (ctx, args) => nextOf(ctx, args[0]!),
  });
}

/** Turns getIter's answer into an iterator now (builtins) or throws for deferred ones. */
export function iterNow(ctx: CallContext, v: PyValue): PyValue | Deferred {
  return getIter(ctx, v);
}

// ------------------------------------------------------------------ enumerate

export class PyEnumerate extends PyIterator {
  constructor(public it: PyValue, public n: number | bigint) {
    super(enumerateType);
  }
  next(ctx: CallContext): IterNext {
    const r = stepIter(ctx, this.it);
    if (r === ITER_STOP) return ITER_STOP;
    if (isDeferred(r)) return new NativeFrameStart('enumerate.next', { self: this, d: saveDeferred(r), phase: 0 });
    const i = this.n;
    this.n = intAdd(i, 1);
    return new PyTuple([i, r as PyValue]);
  }
}
registerClass('PyEnumerate', PyEnumerate);

registerNativeImpl('enumerate.next', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return loadDeferred(st.d as SavedDeferred);
    }
    const self = st.self as PyEnumerate;
    const i = self.n;
    self.n = intAdd(i, 1);
    return new PyTuple([i, value]);
  },
});

// ------------------------------------------------------------------ map

export class PyMap extends PyIterator {
  constructor(public f: PyValue, public its: PyValue[]) {
    super(mapType);
  }
  next(ctx: CallContext): IterNext {
    const args: PyValue[] = [];
    for (let k = 0; k < this.its.length; k++) {
      const r = stepIter(ctx, this.its[k]!);
      if (r === ITER_STOP) return ITER_STOP;
      if (isDeferred(r)) return new NativeFrameStart('map.next', { self: this, args, k, d: saveDeferred(r), phase: 0 });
      args.push(r as PyValue);
    }
    const v = callOrDefer(ctx, this.f, args);
    if (isDeferred(v)) return deferredResult(v);
    return v;
  }
}
registerClass('PyMap', PyMap);

registerNativeImpl('map.next', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    const self = st.self as PyMap;
    const args = st.args as PyValue[];
    if (st.phase === 0) {
      st.phase = 1;
      return loadDeferred(st.d as SavedDeferred);
    }
    if (st.phase === 2) return value;
    args.push(value);
    for (let k = (st.k as number) + 1; k < self.its.length; k++) {
      const r = stepIter(ctx, self.its[k]!);
      if (r === ITER_STOP) throw pyErr(E.StopIteration);
      if (isDeferred(r)) {
        st.k = k;
        return r;
      }
      args.push(r as PyValue);
    }
    const v = callOrDefer(ctx, self.f, args);
    if (isDeferred(v)) {
      st.phase = 2;
      return v;
    }
    return v;
  },
});

// ------------------------------------------------------------------ filter

export class PyFilter extends PyIterator {
  constructor(public f: PyValue, public it: PyValue) {
    super(filterType);
  }
  next(ctx: CallContext): IterNext {
    for (;;) {
      const r = stepIter(ctx, this.it);
      if (r === ITER_STOP) return ITER_STOP;
      if (isDeferred(r)) return new NativeFrameStart('filter.next', { self: this, d: saveDeferred(r), await: 'item', x: null, phase: 'start' });
      const x = r as PyValue;
      const t = this.test(ctx, x);
      if (t === true) return x;
      if (t === false) continue;
      return new NativeFrameStart('filter.next', { self: this, d: saveDeferred(t), await: 'test', x, phase: 'start' });
    }
  }
  /** Is x kept? A boolean, or a Deferred answering a (truthy) value. */
  test(ctx: CallContext, x: PyValue): boolean | Deferred {
    if (this.f === null) {
      const t = truthFast(x);
      return t !== undefined ? t : new NativeCall(BOOL, [x]);
    }
    const v = callOrDefer(ctx, this.f, [x]);
    if (isDeferred(v)) return v;
    const t = truthFast(v);
    return t !== undefined ? t : new NativeCall(BOOL, [v]);
  }
}
registerClass('PyFilter', PyFilter);

registerNativeImpl('filter.next', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    const self = st.self as PyFilter;
    if (st.phase === 'start') {
      st.phase = st.await;
      return loadDeferred(st.d as SavedDeferred);
    }
    for (;;) {
      if (st.phase === 'item') {
        st.x = value;
        const t = self.test(ctx, value);
        if (t === true) return value;
        if (t !== false) {
          st.phase = 'test';
          return t;
        }
      } else if (st.phase === 'test') {
        const t = truthFast(value);
        if (t === undefined) {
          st.phase = 'truth';
          return new NativeCall(BOOL, [value]);
        }
        if (t) return st.x as PyValue;
      } else if (st.phase === 'truth') {
        if (value === true) return st.x as PyValue;
      }
      // next item
      const r = stepIter(ctx, self.it);
      if (r === ITER_STOP) throw pyErr(E.StopIteration);
      st.phase = 'item';
      if (isDeferred(r)) return r;
      value = r as PyValue;
    }
  },
});

// ------------------------------------------------------------------ zip

export class PyZip extends PyIterator {
  constructor(public its: PyValue[], public strict: boolean) {
    super(zipType);
  }
  next(ctx: CallContext): IterNext {
    if (this.its.length === 0) return ITER_STOP;
    const items: PyValue[] = [];
    for (let k = 0; k < this.its.length; k++) {
      const r = stepIter(ctx, this.its[k]!);
      if (r === ITER_STOP) return this.stopped(ctx, k, items);
      if (isDeferred(r)) return new NativeFrameStart('zip.next', { self: this, items, k, d: saveDeferred(r), phase: 0 });
      items.push(r as PyValue);
    }
    return new PyTuple(items);
  }
  /** Iterator k is exhausted. Non-strict: stop. Strict: check the others. */
  stopped(ctx: CallContext, k: number, items: PyValue[]): IterNext {
    void items;
    if (!this.strict) return ITER_STOP;
    if (k > 0) {
      throw pyErr(E.ValueError, `zip() argument ${k + 1} is shorter than argument${k === 1 ? '' : 's'} 1${k === 1 ? '' : '-' + k}`);
    }
    for (let j = 1; j < this.its.length; j++) {
      const r = stepIter(ctx, this.its[j]!);
      if (isDeferred(r)) return new NativeFrameStart('zip.strictCheck', { self: this, j, d: saveDeferred(r), phase: 0 });
      if (r !== ITER_STOP) throw longer(j);
    }
    return ITER_STOP;
  }
}
registerClass('PyZip', PyZip);

function longer(j: number): PyException {
  return pyErr(E.ValueError, `zip() argument ${j + 1} is longer than argument${j === 1 ? '' : 's'} 1${j === 1 ? '' : '-' + j}`);
}

registerNativeImpl('zip.next', {
  resume(ctx, st, value, exc) {
    const self = st.self as PyZip;
    const items = st.items as PyValue[];
    if (st.phase === 0) {
      if (exc) rethrow(exc);
      st.phase = 1;
      return loadDeferred(st.d as SavedDeferred);
    }
    if (exc) {
      if (!isStopIteration(exc)) rethrow(exc);
      const r = self.stopped(ctx, st.k as number, items);
      if (r === ITER_STOP) throw pyErr(E.StopIteration);
      return r as NativeFrameStart;
    }
    items.push(value);
    for (let k = (st.k as number) + 1; k < self.its.length; k++) {
      const r = stepIter(ctx, self.its[k]!);
      if (r === ITER_STOP) {
        const s = self.stopped(ctx, k, items);
        if (s === ITER_STOP) throw pyErr(E.StopIteration);
        return s as NativeFrameStart;
      }
      if (isDeferred(r)) {
        st.k = k;
        return r;
      }
      items.push(r as PyValue);
    }
    return new PyTuple(items);
  },
});

registerNativeImpl('zip.strictCheck', {
  resume(ctx, st, _value, exc) {
    const self = st.self as PyZip;
    if (st.phase === 0) {
      if (exc) rethrow(exc);
      st.phase = 1;
      return loadDeferred(st.d as SavedDeferred);
    }
    if (exc) {
      if (!isStopIteration(exc)) rethrow(exc);
    } else throw longer(st.j as number);
    for (let j = (st.j as number) + 1; j < self.its.length; j++) {
      const r = stepIter(ctx, self.its[j]!);
      if (isDeferred(r)) {
        st.j = j;
        return r;
      }
      if (r !== ITER_STOP) throw longer(j);
    }
    throw pyErr(E.StopIteration);
  },
});

// ------------------------------------------------------------------ reversed

/** reversed(seq) via __len__/__getitem__ (the sequence protocol). */
export class PySeqReversed extends PyIterator {
  constructor(public obj: PyValue, public i: number) {
    super(reversedType);
  }
  next(): IterNext {
    if (this.i < 0) return ITER_STOP;
    const i = this.i--;
    const m = lookupType(typeOf(this.obj), '__getitem__')!;
    return new NativeFrameStart('reversed.item', { self: this, m, i, phase: 0 });
  }
}
registerClass('PySeqReversed', PySeqReversed);

registerNativeImpl('reversed.item', {
  resume(_ctx, st, value, exc) {
    const self = st.self as PySeqReversed;
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeCall(st.m as PyValue, [self.obj, st.i as number]);
    }
    if (exc) {
      if (exc.cls === E.IndexError || exc.cls === E.StopIteration) {
        self.i = -1;
        throw pyErr(E.StopIteration);
      }
      rethrow(exc);
    }
    return value;
  },
});

/** reversed(x): an iterator now, or a native frame answering it. */
export function reversedOf(ctx: CallContext, x: PyValue): PyValue | NativeFrameStart {
  if (x instanceof PyList && x.cls.builtin) return new PyListReverseIterator(x);
  if (x instanceof PyObject) {
    const rm = lookupType(typeOf(x), '__reversed__');
    if (rm === null) throw pyErr(E.TypeError, `'${typeName(x)}' object is not reversible`);
    if (rm !== undefined) {
      const r = callOrDefer(ctx, rm, [x]);
      return isDeferred(r) ? deferredResult(r) : r;
    }
  }
  if (x instanceof PyTuple) return new PyArrayIterator(x.items.slice().reverse(), reversedType);
  if (x instanceof PyRange) {
    const n = x.length;
    const last = x.start + (n - 1) * x.step;
    return new PyRangeIterator(new PyRange(n > 0 ? last : 0, n > 0 ? x.start - x.step : 0, -x.step));
  }
  if (typeof x === 'string') return new PyArrayIterator(Array.from(x).reverse(), reversedType);
  if (x instanceof PyObject) {
    const len = lookupType(typeOf(x), '__len__');
    const gi = lookupType(typeOf(x), '__getitem__');
    if (len !== undefined && len !== null && gi !== undefined && gi !== null && true) {
      return new NativeFrameStart('reversed.start', { x, len, phase: 0 });
    }
  }
  throw pyErr(E.TypeError, `'${typeName(x)}' object is not reversible`);
}

registerNativeImpl('reversed.start', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeCall(st.len as PyValue, [st.x as PyValue]);
    }
    const n = typeof value === 'number' ? value : 0;
    return new PySeqReversed(st.x as PyValue, n - 1);
  },
});

export { Sentinel, newException };
