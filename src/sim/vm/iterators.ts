// Builtin iterator objects. Each implements `next(ctx)` and is driven directly by FOR_ITER
// and by native code; the VM gives the iterator types __iter__/__next__.

import {
  PyObject, PyType, PyValue, PyList, PyTuple, PyRange, Sentinel, ITER_STOP, objectType,
} from './objects';
import { PyDict, PySetBase, DELETED } from './dict';
import { E, pyErr } from './exceptions';
import type { CallContext, NativeFrameStart } from './frame';

export type IterNext = PyValue | Sentinel | NativeFrameStart;

function itType(name: string): PyType {
  return new PyType(name, [objectType], { builtin: true, layout: 'other', baseable: false });
}

/** Base of all builtin iterators. Subclasses implement `next`: a value, ITER_STOP when
 *  exhausted, or a NativeFrameStart (the frame returns the next value or raises
 *  StopIteration). */
export abstract class PyIterator extends PyObject {
  abstract next(ctx: CallContext): IterNext;
}

export const listIteratorType = itType('list_iterator');
export const listReverseIteratorType = itType('list_reverseiterator');
export const tupleIteratorType = itType('tuple_iterator');
export const rangeIteratorType = itType('range_iterator');
export const strIteratorType = itType('str_ascii_iterator');
export const dictKeyIteratorType = itType('dict_keyiterator');
export const dictValueIteratorType = itType('dict_valueiterator');
export const dictItemIteratorType = itType('dict_itemiterator');
export const setIteratorType = itType('set_iterator');
export const seqIteratorType = itType('iterator');

export class PyListIterator extends PyIterator {
  declare i: number;
  declare list: PyList;
  constructor(list: PyList) {
    super(listIteratorType);
    this.list = list;
    this.i = 0;
  }
  next(): IterNext {
    const items = this.list.items;
    if (this.i < items.length) return items[this.i++]!;
    this.i = Infinity; // exhausted iterators stay exhausted
    return ITER_STOP;
  }
}

export class PyListReverseIterator extends PyIterator {
  declare list: PyList;
  i: number;
  constructor(list: PyList) {
    super(listReverseIteratorType);
    this.list = list;
    this.i = list.items.length - 1;
  }
  next(): IterNext {
    const items = this.list.items;
    if (this.i >= 0 && this.i < items.length) return items[this.i--]!;
    this.i = -1;
    return ITER_STOP;
  }
}

export class PyTupleIterator extends PyIterator {
  declare tuple: PyTuple;
  declare i: number;
  constructor(tuple: PyTuple) {
    super(tupleIteratorType);
    this.i = 0;
    this.tuple = tuple;
  }
  next(): IterNext {
    const items = this.tuple.items;
    return this.i < items.length ? items[this.i++]! : ITER_STOP;
  }
}

/** Iterates a JS array snapshot (used for values computed up front). */
export class PyArrayIterator extends PyIterator {
  declare items: PyValue[];
  declare i: number;
  constructor(items: PyValue[], cls: PyType = seqIteratorType) {
    super(cls);
    this.i = 0;
    this.items = items;
  }
  next(): IterNext {
    return this.i < this.items.length ? this.items[this.i++]! : ITER_STOP;
  }
}

export class PyRangeIterator extends PyIterator {
  declare cur: number;
  declare left: number;
  declare step: number;
  constructor(r: PyRange) {
    super(rangeIteratorType);
    this.cur = r.start;
    this.step = r.step;
    this.left = r.length;
  }
  next(): IterNext {
    if (this.left <= 0) return ITER_STOP;
    this.left--;
    const v = this.cur;
    this.cur += this.step;
    return v;
  }
}

export class PyStrIterator extends PyIterator {
  declare s: string;
  declare i: number;
  constructor(s: string) {
    super(strIteratorType);
    this.i = 0;
    this.s = s;
  }
  next(): IterNext {
    const s = this.s;
    if (this.i >= s.length) return ITER_STOP;
    const c = s.codePointAt(this.i)!;
    const ch = c > 0xffff ? s.slice(this.i, this.i + 2) : s[this.i]!;
    this.i += ch.length;
    return ch;
  }
}

export type DictIterKind = 0 | 1 | 2; // keys, values, items

export class PyDictIterator extends PyIterator {
  declare d: PyDict;
  declare what: DictIterKind;
  declare i: number;
  size: number;
  version: number;
  constructor(d: PyDict, what: DictIterKind) {
    super(what === 0 ? dictKeyIteratorType : what === 1 ? dictValueIteratorType : dictItemIteratorType);
    this.i = 0;
    this.d = d;
    this.what = what;
    this.size = d.size;
    this.version = d.version;
  }
  next(): IterNext {
    const d = this.d;
    if (d.size !== this.size) {
      this.i = Infinity;
      throw pyErr(E.RuntimeError, 'dictionary changed size during iteration');
    }
    if (d.version !== this.version) {
      this.i = Infinity;
      throw pyErr(E.RuntimeError, 'dictionary keys changed during iteration');
    }
    const keys = d.keys;
    while (this.i < keys.length) {
      const j = this.i++;
      const k = keys[j]!;
      if (k === DELETED) continue;
      if (this.what === 0) return k as PyValue;
      if (this.what === 1) return d.vals[j]!;
      return new PyTuple([k as PyValue, d.vals[j]!]);
    }
    return ITER_STOP;
  }
}

export class PySetIterator extends PyIterator {
  declare s: PySetBase;
  declare i: number;
  size: number;
  constructor(s: PySetBase) {
    super(setIteratorType);
    this.i = 0;
    this.s = s;
    this.size = s.size;
  }
  next(): IterNext {
    const s = this.s;
    if (s.size !== this.size) {
      this.i = Infinity;
      throw pyErr(E.RuntimeError, 'Set changed size during iteration');
    }
    const keys = s.keys;
    while (this.i < keys.length) {
      const k = keys[this.i++]!;
      if (!(k instanceof Sentinel)) return k as PyValue;
    }
    return ITER_STOP;
  }
}

/** iter(obj) for objects with only __getitem__ (the old sequence protocol) and
 *  iter(callable, sentinel) are native frames (see protocol.ts). */
