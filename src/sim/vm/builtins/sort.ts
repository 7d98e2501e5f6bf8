// Stable sorting with Python semantics (only `<` is used, key functions, reverse) as a
// resumable state machine: key calls and user __lt__ run as Python calls between
// resumes. A synchronous fast path handles keys that compare without Python code.

import { PyValue, PyList, PyFloat, PyTuple } from '../objects';
import { E, pyErr } from '../exceptions';
import { NativeFrameStart, type CallContext } from '../frame';
import { registerNativeImpl } from '../types';
import { isDeferred, type Deferred } from '../protocol';
import { callOrDefer, lessThan, ltFast, rethrow, truthOrDefer } from './util';

class NotFast {}
const NOT_FAST = new NotFast();

function fastKind(v: PyValue): number {
  switch (typeof v) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return 1;
    case 'string':
      return 2;
    default:
      if (v instanceof PyFloat && v.cls.builtin) return 1;
      if (v instanceof PyTuple && v.cls.builtin) return 3;
      return 0;
  }
}

/** Sorts `order` (indices into keys) synchronously when every comparison is fast. */
function fastSort(keys: PyValue[], order: number[]): boolean {
  if (keys.length < 2) return true;
  const k0 = fastKind(keys[0]!);
  if (k0 === 0) return false;
  for (const k of keys) if (fastKind(k) !== k0) return false;
  try {
    order.sort((a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      const lt = ltFast(x, y);
      if (lt === undefined) throw NOT_FAST;
      if (lt) return -1;
      const gt = ltFast(y, x);
      if (gt === undefined) throw NOT_FAST;
      return gt ? 1 : 0;
    });
    return true;
  } catch (e) {
    if (e === NOT_FAST) return false;
    throw e;
  }
}

export interface SortState {
  /** List sorted in place (list.sort), or null (sorted() returns a new list). */
  target: PyList | null;
  items: PyValue[];
  key: PyValue;
  reverse: boolean;
  keys: PyValue[];
  phase: number;
  /** Merge sort: current order and scratch buffer of indices. */
  perm: number[];
  buf: number[];
  width: number;
  lo: number;
  i: number;
  j: number;
  k: number;
  /** 0: not waiting; 1: waiting for a key; 2: for a `<` result; 3: for its truth. */
  waiting: number;
  [k: string]: unknown;
}

/**
 * Sorts `items` (stable; `key` may be null). Returns the sorted array, or a
 * NativeFrameStart whose result is the sorted PyList (or None for list.sort when
 * `target` is given: then the target's items are replaced).
 */
export function startSort(ctx: CallContext, items: PyValue[], key: PyValue, reverse: boolean, target: PyList | null): PyValue[] | NativeFrameStart {
  const n = items.length;
  const order: number[] = new Array(n);
  for (let i = 0; i < n; i++) order[i] = reverse ? n - 1 - i : i;
  if (key === null) {
    if (fastSort(items, order)) return finishOrder(items, order, reverse);
  }
  const st: SortState = {
    target, items, key, reverse, keys: key === null ? items : [], phase: key === null ? 1 : 0,
    perm: order, buf: new Array(n).fill(0), width: 1, lo: 0, i: -1, j: 0, k: 0, waiting: 0,
  };
  if (key !== null) {
    // Try computing the keys synchronously (builtin key functions like len, str.lower).
    for (let i = st.keys.length; i < n; i++) {
      const r = callOrDefer(ctx, key, [items[i]!]);
      if (isDeferred(r)) return new NativeFrameStart('lib.sort', st);
      st.keys.push(r);
    }
    st.phase = 1;
    const keyOrder = order.slice();
    if (fastSort(st.keys, keyOrder)) return finishOrder(items, keyOrder, reverse);
  }
  return new NativeFrameStart('lib.sort', st);
}

function finishOrder(items: PyValue[], order: number[], reverse: boolean): PyValue[] {
  const out = order.map((i) => items[i]!);
  if (reverse) out.reverse();
  return out;
}

function done(st: SortState, order: number[]): PyValue {
  const out = finishOrder(st.items, order, st.reverse);
  if (st.target !== null) {
    if (st.target.items.length !== 0) throw pyErr(E.ValueError, 'list modified during sort');
    st.target.items = out;
    return null;
  }
  return new PyList(out);
}

registerNativeImpl('lib.sort', {
  resume(ctx, st0, value, exc) {
    const st = st0 as SortState;
    if (exc) {
      if (st.target !== null && st.target.items.length === 0) st.target.items = st.items;
      rethrow(exc);
    }
    if (st.target !== null && st.waiting === 0 && st.phase !== 2) {
      // CPython empties the list while sorting
      st.target.items = [];
    }
    // keys
    if (st.phase === 0) {
      if (st.waiting === 1) {
        st.keys.push(value);
        st.waiting = 0;
      }
      const n = st.items.length;
      while (st.keys.length < n) {
        const r = callOrDefer(ctx, st.key, [st.items[st.keys.length]!]);
        if (isDeferred(r)) {
          st.waiting = 1;
          return r;
        }
        st.keys.push(r);
      }
      st.phase = 1;
      const o = st.perm.slice();
      if (fastSort(st.keys, o)) return done(st, o);
    }
    st.phase = 2;
    // merge sort: take from the right run only when right < left
    const n = st.items.length;
    const keys = st.keys;
    let c: boolean | Deferred | null = null;
    if (st.waiting === 2 || st.waiting === 3) {
      if (st.waiting === 2) {
        const t = truthOrDefer(value);
        if (isDeferred(t)) {
          st.waiting = 3;
          return t;
        }
        c = t;
      } else c = value === true;
      st.waiting = 0;
    }
    for (;;) {
      if (st.width >= n) return done(st, st.perm);
      if (st.lo >= n) {
        const tmp = st.perm;
        st.perm = st.buf;
        st.buf = tmp;
        st.width *= 2;
        st.lo = 0;
        continue;
      }
      const lo = st.lo;
      const mid = Math.min(lo + st.width, n);
      const hi = Math.min(lo + 2 * st.width, n);
      if (st.i < 0) {
        st.i = lo;
        st.j = mid;
        st.k = lo;
      }
      while (st.i < mid && st.j < hi) {
        if (c === null) {
          c = lessThan(ctx, keys[st.perm[st.j]!]!, keys[st.perm[st.i]!]!);
          if (isDeferred(c)) {
            st.waiting = 2;
            return c;
          }
        }
        if (c) st.buf[st.k++] = st.perm[st.j++]!;
        else st.buf[st.k++] = st.perm[st.i++]!;
        c = null;
      }
      while (st.i < mid) st.buf[st.k++] = st.perm[st.i++]!;
      while (st.j < hi) st.buf[st.k++] = st.perm[st.j++]!;
      st.lo = hi;
      st.i = -1;
    }
  },
});
