// queue: Queue, LifoQueue, PriorityQueue, SimpleQueue, Empty, Full — kernel queues
// (src/sim/kernel/syncops.ts) behind CPython 3.11's Lib/queue.py interface. A blocked
// get()/put() is a thread blocked on the queue in the wait-for graph, so a get() that no
// producer will ever satisfy shows up as a hang naming the queue.

import { parseArgs } from '../vm/args';
import { E, pyErr } from '../vm/exceptions';
import { SyscallRequest, type CallContext, type NativeFn } from '../vm/frame';
import type { PyModule } from '../vm/function';
import { PyObject, PyType, objectType, type PyValue } from '../vm/objects';
import { typeName } from '../vm/protocol';
import { defineMethods, newBuiltinType, registerType } from '../vm/types';
import { newModule, type VM } from '../vm/vm';
import type { QueueObj } from '../kernel/sync';
import { kcall, optTimeout, registerConverter, syncObject, toNumber, truthy } from './_thread';

export const emptyType = registerType(new PyType('Empty', [E.Exception], { builtin: true, module: '_queue', layout: 'exception' }));
export const fullType = registerType(new PyType('Full', [E.Exception], { builtin: true, module: 'queue', layout: 'exception' }));

export const queueType = newBuiltinType('Queue', [objectType], 'queue', { layout: 'object' });
export const lifoQueueType = newBuiltinType('LifoQueue', [queueType], 'queue', { layout: 'object' });
export const priorityQueueType = newBuiltinType('PriorityQueue', [queueType], 'queue', { layout: 'object' });
export const simpleQueueType = newBuiltinType('SimpleQueue', [objectType], '_queue', { layout: 'object' });

registerConverter('queue.setkid', (_ctx, v, st) => {
  (st.self as PyObject).dict!.setStr('_kid', String(v));
  return null;
});

function kid(self: PyValue): string {
  const k = self instanceof PyObject ? self.dict?.getStr('_kid') : undefined;
  if (typeof k !== 'string') throw pyErr(E.AttributeError, `'${typeName(self)}' object has no attribute 'not_empty'`);
  return k;
}

function q(ctx: CallContext, self: PyValue): QueueObj {
  const o = syncObject(ctx.vm, kid(self));
  if (o.kind !== 'queue') throw pyErr(E.TypeError, 'not a queue');
  return o;
}

function init(flavor: 'fifo' | 'lifo' | 'priority'): NativeFn {
  return (_ctx, args, kw) => {
    const a = parseArgs(flavor === 'fifo' ? 'Queue' : flavor === 'lifo' ? 'LifoQueue' : 'PriorityQueue', args.slice(1), kw, { names: ['maxsize'], required: 0 });
    const maxsize = a.values[0] === undefined ? 0 : toNumber(a.values[0], 'maxsize');
    const self = args[0] as PyObject;
    self.dict!.setStr('maxsize', a.values[0] ?? 0);
    return kcall('sync.create', { kind: 'queue', flavor, maxsize }, 'queue.setkid', { self });
  };
}

const put: NativeFn = (_ctx, args, kw) => {
  const a = parseArgs('put', args.slice(1), kw, { names: ['item', 'block', 'timeout'], required: 1 });
  return new SyscallRequest('queue.put', {
    id: kid(args[0]!), item: a.values[0]!, block: truthy(a.values[1], true), timeout: optTimeout(a.values[2]), fullCls: fullType,
  });
};
const get: NativeFn = (_ctx, args, kw) => {
  const a = parseArgs('get', args.slice(1), kw, { names: ['block', 'timeout'], required: 0 });
  return new SyscallRequest('queue.get', {
    id: kid(args[0]!), block: truthy(a.values[0], true), timeout: optTimeout(a.values[1]), emptyCls: emptyType,
  });
};
const putNowait: NativeFn = (_ctx, args, kw) => {
  const a = parseArgs('put_nowait', args.slice(1), kw, { names: ['item'] });
  return new SyscallRequest('queue.put', { id: kid(args[0]!), item: a.values[0]!, block: false, fullCls: fullType });
};
const getNowait: NativeFn = (_ctx, args, kw) => {
  parseArgs('get_nowait', args.slice(1), kw, { names: [] });
  return new SyscallRequest('queue.get', { id: kid(args[0]!), block: false, emptyCls: emptyType });
};

defineMethods(queueType, {
  __init__: init('fifo'),
  qsize: (ctx, args) => q(ctx, args[0]!).items.length,
  empty: (ctx, args) => q(ctx, args[0]!).items.length === 0,
  full: (ctx, args) => {
    const o = q(ctx, args[0]!);
    return o.maxsize > 0 && o.items.length >= o.maxsize;
  },
  put,
  get,
  put_nowait: putNowait,
  get_nowait: getNowait,
  task_done: (_ctx, args) => new SyscallRequest('queue.task_done', { id: kid(args[0]!) }),
  join: (_ctx, args) => new SyscallRequest('queue.join', { id: kid(args[0]!) }),
});
defineMethods(lifoQueueType, { __init__: init('lifo') });
defineMethods(priorityQueueType, { __init__: init('priority') });

defineMethods(simpleQueueType, {
  __init__(_ctx, args, kw) {
    parseArgs('SimpleQueue', args.slice(1), kw, { names: [] });
    return kcall('sync.create', { kind: 'queue', flavor: 'simple', maxsize: 0 }, 'queue.setkid', { self: args[0]! });
  },
  qsize: (ctx, args) => q(ctx, args[0]!).items.length,
  empty: (ctx, args) => q(ctx, args[0]!).items.length === 0,
  put,
  get,
  put_nowait: putNowait,
  get_nowait: getNowait,
});

export function initQueue(vm: VM): PyModule {
  return newModule(vm, 'queue', {
    Queue: queueType,
    LifoQueue: lifoQueueType,
    PriorityQueue: priorityQueueType,
    SimpleQueue: simpleQueueType,
    Empty: emptyType,
    Full: fullType,
  });
}
