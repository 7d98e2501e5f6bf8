// _collections: the deque type in TypeScript (its operations are atomic with respect to
// thread switches, as CPython's C deque is under the GIL). The rest of `collections`
// is Python source (py/collections.ts) that imports it.

import { PyObject, PyType, PyValue, PyList, PyTuple, NotImplemented, ITER_STOP, objectType } from '../vm/objects';
import { PyModule } from '../vm/function';
import { E, pyErr } from '../vm/exceptions';
import { NativeFrameStart, type CallContext, type NativeFn } from '../vm/frame';
import { newBuiltinType, defineMethods, defineStaticMethods, defineGetters, registerClass, registerNativeImpl } from '../vm/types';
import { parseArgs } from '../vm/args';
import { typeName, iterFast } from '../vm/protocol';
import { PyIterator, type IterNext } from '../vm/iterators';
import { newModule, type VM } from '../vm/vm';
import { asIndex, consume, rethrow, reprContainer, oneArg, noArgs, argsClinic, withArity } from '../vm/builtins/util';
import { searchSeq, newCls } from '../vm/builtins/list';
import { compareOp } from '../vm/binop';

export const dequeType = newBuiltinType('deque', [objectType], 'collections', { layout: 'object' });
const dequeIterType = newBuiltinType('_deque_iterator', [objectType], 'collections', { baseable: false });

export class PyDeque extends PyObject {
  items: PyValue[] = [];
  maxlen: number | null = null;
  version = 0;
  constructor(cls: PyType = dequeType) {
    super(cls);
  }
}
registerClass('PyDeque', PyDeque);

class PyDequeIter extends PyIterator {
  i = 0;
  version: number;
  constructor(public d: PyDeque, public rev: boolean) {
    super(dequeIterType);
    this.version = d.version;
  }
  next(): IterNext {
    if (this.d.version !== this.version) {
      this.i = Infinity;
      throw pyErr(E.RuntimeError, 'deque mutated during iteration');
    }
    const n = this.d.items.length;
    if (this.i >= n) return ITER_STOP;
    const k = this.i++;
    return this.d.items[this.rev ? n - 1 - k : k]!;
  }
}
registerClass('PyDequeIter', PyDequeIter);
defineMethods(dequeIterType, {
  __iter__: (_c, a) => a[0]!,
});

function self(args: PyValue[], name: string): PyDeque {
  const d = args[0];
  if (!(d instanceof PyDeque)) throw pyErr(E.TypeError, `descriptor '${name}' for 'collections.deque' objects doesn't apply to a '${typeName(d ?? null)}' object`);
  return d;
}

function trimRight(d: PyDeque): void {
  if (d.maxlen !== null) while (d.items.length > d.maxlen) d.items.shift();
}
function trimLeft(d: PyDeque): void {
  if (d.maxlen !== null) while (d.items.length > d.maxlen) d.items.pop();
}

function push(d: PyDeque, x: PyValue, left: boolean): void {
  d.version++;
  if (d.maxlen === 0) return;
  if (left) {
    d.items.unshift(x);
    trimLeft(d);
  } else {
    d.items.push(x);
    trimRight(d);
  }
}

function extendWith(ctx: CallContext, d: PyDeque, it: PyValue, left: boolean): PyValue | NativeFrameStart {
  const items = it === d ? d.items.slice() : consume(ctx, it);
  if (Array.isArray(items)) {
    for (const x of items) push(d, x, left);
    return null;
  }
  return new NativeFrameStart('deque.extend', { d, left, start: items.state, phase: 0 });
}

registerNativeImpl('deque.extend', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeFrameStart('lib.consume', st.start as Record<string, unknown>);
    }
    for (const x of (value as PyList).items) push(st.d as PyDeque, x, st.left as boolean);
    return null;
  },
});

function index(d: PyDeque, k: PyValue): number {
  const i = asIndex(k);
  if (i === undefined) throw pyErr(E.TypeError, `sequence index must be integer, not '${typeName(k)}'`);
  const n = d.items.length;
  const j = Number(i) < 0 ? Number(i) + n : Number(i);
  if (j < 0 || j >= n) throw pyErr(E.IndexError, 'deque index out of range');
  return j;
}

function cmp(op: number): NativeFn {
  return (ctx, args) => {
    const a = args[0];
    const b = args[1];
    if (!(a instanceof PyDeque) || !(b instanceof PyDeque)) return NotImplemented;
    const r = compareOp(ctx, op, new PyList(a.items.slice()), new PyList(b.items.slice()));
    return r instanceof NativeFrameStart ? r : (r as PyValue);
  };
}

const methods: Record<string, NativeFn> = {
  __init__: (ctx, args, kw) => {
    const d = self(args, '__init__');
    const p = parseArgs('deque', args.slice(1), kw, { names: ['iterable', 'maxlen'], required: 0 });
    const ml = p.values[1];
    if (ml !== undefined && ml !== null) {
      const m = asIndex(ml);
      if (m === undefined) throw pyErr(E.TypeError, 'an integer is required');
      if (m < 0) throw pyErr(E.ValueError, 'maxlen must be non-negative');
      d.maxlen = Number(m);
    } else d.maxlen = null;
    d.items = [];
    d.version++;
    if (p.values[0] !== undefined) return extendWith(ctx, d, p.values[0]!, false);
    return null;
  },
  append: (_c, args, kw) => {
    push(self(args, 'append'), oneArg('deque.append', args, kw), false);
    return null;
  },
  appendleft: (_c, args, kw) => {
    push(self(args, 'appendleft'), oneArg('deque.appendleft', args, kw), true);
    return null;
  },
  pop: (_c, args, kw) => {
    const d = self(args, 'pop');
    noArgs('deque.pop', args, kw);
    if (d.items.length === 0) throw pyErr(E.IndexError, 'pop from an empty deque');
    d.version++;
    return d.items.pop()!;
  },
  popleft: (_c, args, kw) => {
    const d = self(args, 'popleft');
    noArgs('deque.popleft', args, kw);
    if (d.items.length === 0) throw pyErr(E.IndexError, 'pop from an empty deque');
    d.version++;
    return d.items.shift()!;
  },
  extend: (ctx, args, kw) => extendWith(ctx, self(args, 'extend'), oneArg('deque.extend', args, kw), false),
  extendleft: (ctx, args, kw) => extendWith(ctx, self(args, 'extendleft'), oneArg('deque.extendleft', args, kw), true),
  rotate: (_c, args, kw) => {
    const d = self(args, 'rotate');
    const a = argsClinic('rotate', args, kw, 0, 1);
    const n = d.items.length;
    let k = a[0] === undefined ? 1 : Number(asIndex(a[0]!) ?? 0);
    if (n > 1 && k !== 0) {
      k = ((k % n) + n) % n;
      d.items = d.items.slice(n - k).concat(d.items.slice(0, n - k));
      d.version++;
    }
    return null;
  },
  clear: (_c, args) => {
    const d = self(args, 'clear');
    d.items = [];
    d.version++;
    return null;
  },
  copy: (_c, args) => {
    const d = self(args, 'copy');
    const c = new PyDeque(d.cls);
    c.items = d.items.slice();
    c.maxlen = d.maxlen;
    return c;
  },
  __copy__: (_c, args) => {
    const d = self(args, '__copy__');
    const c = new PyDeque(d.cls);
    c.items = d.items.slice();
    c.maxlen = d.maxlen;
    return c;
  },
  count: (ctx, args, kw) => searchSeq(ctx, self(args, 'count') as unknown as PyList, oneArg('deque.count', args, kw), 'count'),
  index: (ctx, args, kw) => {
    const d = self(args, 'index');
    const a = argsClinic('index', args, kw, 1, 3);
    return searchSeq(ctx, d as unknown as PyList, a[0]!, 'index', Number(asIndex(a[1] ?? 0) ?? 0), a[2] === undefined ? Number.MAX_SAFE_INTEGER : Number(asIndex(a[2]!) ?? 0));
  },
  remove: (ctx, args, kw) => {
    const d = self(args, 'remove');
    d.version++;
    return searchSeq(ctx, d as unknown as PyList, oneArg('deque.remove', args, kw), 'remove');
  },
  insert: (_c, args, kw) => {
    const d = self(args, 'insert');
    const a = argsClinic('insert', args, kw, 2, 2);
    if (d.maxlen !== null && d.items.length >= d.maxlen) throw pyErr(E.IndexError, 'deque already at its maximum size');
    const n = d.items.length;
    let i = Number(asIndex(a[0]!) ?? 0);
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    d.items.splice(i, 0, a[1]!);
    d.version++;
    return null;
  },
  reverse: (_c, args) => {
    const d = self(args, 'reverse');
    d.items.reverse();
    d.version++;
    return null;
  },
  __len__: (_c, args) => self(args, '__len__').items.length,
  __bool__: (_c, args) => self(args, '__bool__').items.length > 0,
  __iter__: (_c, args) => new PyDequeIter(self(args, '__iter__'), false),
  __reversed__: (_c, args) => new PyDequeIter(self(args, '__reversed__'), true),
  __getitem__: (_c, args) => {
    const d = self(args, '__getitem__');
    return d.items[index(d, args[1]!)]!;
  },
  __setitem__: (_c, args) => {
    const d = self(args, '__setitem__');
    d.items[index(d, args[1]!)] = args[2]!;
    return null;
  },
  __delitem__: (_c, args) => {
    const d = self(args, '__delitem__');
    d.items.splice(index(d, args[1]!), 1);
    d.version++;
    return null;
  },
  __contains__: (ctx, args) => searchSeq(ctx, self(args, '__contains__') as unknown as PyList, args[1]!, 'contains'),
  __repr__: (ctx, args) => {
    const d = self(args, '__repr__');
    const name = d.cls.name;
    const close = d.maxlen === null ? '])' : `], maxlen=${d.maxlen})`;
    if (ctx.thread.reprActive.includes(d)) return '[...]';
    return reprContainer(ctx, d, d.items, `${name}([`, close, 'seq', true, '[...]');
  },
  __add__: (_c, args) => {
    const d = self(args, '__add__');
    const o = args[1];
    if (!(o instanceof PyDeque)) throw pyErr(E.TypeError, `can only concatenate deque (not "${typeName(o ?? null)}") to deque`);
    const c = new PyDeque(d.cls);
    c.maxlen = d.maxlen;
    for (const x of d.items.concat(o.items)) push(c, x, false);
    return c;
  },
  __iadd__: (ctx, args) => {
    const d = self(args, '__iadd__');
    const r = extendWith(ctx, d, args[1]!, false);
    return r instanceof NativeFrameStart ? new NativeFrameStart('lib.thenValue', { start: { impl: r.impl, state: r.state }, value: d, phase: 0 }) : d;
  },
  __mul__: (_c, args) => {
    const d = self(args, '__mul__');
    const n = asIndex(args[1]!);
    if (n === undefined) return NotImplemented;
    const c = new PyDeque(d.cls);
    c.maxlen = d.maxlen;
    for (let i = 0; i < n; i++) for (const x of d.items) push(c, x, false);
    return c;
  },
  __eq__: cmp(2),
  __ne__: cmp(3),
  __lt__: cmp(0),
  __le__: cmp(1),
  __gt__: cmp(4),
  __ge__: cmp(5),
};

defineMethods(dequeType, withArity(methods));
defineStaticMethods(dequeType, {
  __new__: (_c, args) => new PyDeque(newCls(args, dequeType)),
});
defineGetters(dequeType, {
  maxlen: (_c, s) => (s as PyDeque).maxlen,
});
dequeType.hashKind = 'none';

export function initCollectionsC(vm: VM): PyModule {
  return newModule(vm, '_collections', { deque: dequeType });
}

void PyTuple;
void iterFast;
