// threading's synchronization classes: Condition, Semaphore, BoundedSemaphore, Event,
// Barrier (BrokenBarrierError) and local. Each instance holds the id of a kernel object in
// its `_kid` attribute; waiting and waking are kernel syscalls (src/sim/kernel/syncops.ts).
// Reprs and messages as CPython 3.11's Lib/threading.py.

import { parseArgs } from '../vm/args';
import { PyDict } from '../vm/dict';
import { E, PyBaseException, PyException, pyErr } from '../vm/exceptions';
import { NativeCall, NativeFrameStart, SyscallRequest, type CallContext, type NativeFn } from '../vm/frame';
import { PyObject, PyType, objectType, type PyValue } from '../vm/objects';
import { fakeAddress, isDeferred, truth, typeName } from '../vm/protocol';
import { defineGetters, defineMethods, newBuiltinType, registerNativeImpl, registerType } from '../vm/types';
import {
  PyKObject, deprecatedThen, deprecatedThenCall, kcall, kidOf, lockRepr, lockType, optTimeout, registerConverter, rlockType, syncObject,
  toNumber, truthy,
} from './_thread';

export const conditionType = newBuiltinType('Condition', [objectType], 'threading', { layout: 'object' });
export const semaphoreType = newBuiltinType('Semaphore', [objectType], 'threading', { layout: 'object' });
export const boundedSemaphoreType = newBuiltinType('BoundedSemaphore', [semaphoreType], 'threading', { layout: 'object' });
export const eventType = newBuiltinType('Event', [objectType], 'threading', { layout: 'object' });
export const barrierType = newBuiltinType('Barrier', [objectType], 'threading', { layout: 'object' });
export const brokenBarrierError = registerType(
  new PyType('BrokenBarrierError', [E.RuntimeError], { builtin: true, module: 'threading', layout: 'exception' }),
);

function kid(self: PyValue): string {
  const k = self instanceof PyObject ? self.dict?.getStr('_kid') : undefined;
  if (typeof k !== 'string') throw pyErr(E.AttributeError, `'${typeName(self)}' object is not initialized (missing __init__ call?)`);
  return k;
}

function attr(self: PyValue, name: string): PyValue | undefined {
  return self instanceof PyObject ? self.dict?.getStr(name) : undefined;
}

/** The converter that stores a created kernel object's id into self._kid. */
registerConverter('setkid', (_ctx, v, st) => {
  (st.self as PyObject).dict!.setStr('_kid', String(v));
  return null;
});

// ───────────────────────────── Condition ─────────────────────────────

registerConverter('condition', (ctx, v, st) => {
  const self = st.self as PyObject;
  const c = syncObject(ctx.vm, String(v));
  self.dict!.setStr('_kid', String(v));
  if (st.lock === undefined || st.lock === null) {
    self.dict!.setStr('_lock', new PyKObject(rlockType, c.kind === 'condition' ? c.lock : ''));
  } else self.dict!.setStr('_lock', st.lock as PyValue);
  return null;
});

function condLock(self: PyValue): string {
  return kidOf(attr(self, '_lock') ?? null);
}

const condAcquire: NativeFn = (_ctx, args, kw) => {
  const a = parseArgs('acquire', args.slice(1), kw, { names: ['blocking', 'timeout'], required: 0 });
  const timeout = a.values[1] === undefined ? -1 : toNumber(a.values[1], 'timeout');
  return new SyscallRequest('lock.acquire', { id: condLock(args[0]!), blocking: truthy(a.values[0], true), timeout });
};
const condRelease: NativeFn = (_ctx, args) => new SyscallRequest('lock.release', { id: condLock(args[0]!) });

function notify(ctx: CallContext, self: PyValue, n: number | null): SyscallRequest {
  void ctx;
  return new SyscallRequest('cond.notify', n === null ? { id: kid(self), all: true } : { id: kid(self), n });
}

defineMethods(conditionType, {
  __init__(_ctx, args, kw) {
    const a = parseArgs('Condition', args.slice(1), kw, { names: ['lock'], required: 0 });
    const lock = a.values[0] ?? null;
    if (lock !== null && !(lock instanceof PyKObject && (lock.cls === lockType || lock.cls === rlockType))) {
      throw pyErr(E.TypeError, `Condition() needs a threading.Lock or RLock in this simulator, not ${typeName(lock)}`);
    }
    const payload: Record<string, unknown> = { kind: 'condition' };
    if (lock !== null) payload.lock = (lock as PyKObject).kid;
    return kcall('sync.create', payload, 'condition', { self: args[0]!, lock });
  },
  acquire: condAcquire,
  release: condRelease,
  __enter__: (_ctx, args) => new SyscallRequest('lock.acquire', { id: condLock(args[0]!), blocking: true, timeout: -1 }),
  __exit__: condRelease,
  wait(_ctx, args, kw) {
    const a = parseArgs('wait', args.slice(1), kw, { names: ['timeout'], required: 0 });
    return new SyscallRequest('cond.wait', { id: kid(args[0]!), timeout: optTimeout(a.values[0]) });
  },
  wait_for(_ctx, args, kw) {
    const a = parseArgs('wait_for', args.slice(1), kw, { names: ['predicate', 'timeout'], required: 1 });
    return new NativeFrameStart('threading.wait_for', {
      self: args[0]!, predicate: a.values[0]!, timeout: optTimeout(a.values[1]), phase: 0, end: null, result: null,
    });
  },
  notify(ctx, args, kw) {
    const a = parseArgs('notify', args.slice(1), kw, { names: ['n'], required: 0 });
    return notify(ctx, args[0]!, a.values[0] === undefined ? 1 : toNumber(a.values[0], 'n'));
  },
  notify_all: (ctx, args) => notify(ctx, args[0]!, null),
  notifyAll(_ctx, args) {
    return deprecatedThenCall('notifyAll() is deprecated, use notify_all() instead', 'cond.notify', { id: kid(args[0]!), all: true });
  },
  _is_owned(ctx, args) {
    const l = syncObject(ctx.vm, condLock(args[0]!));
    return (l.kind === 'lock' || l.kind === 'rlock') && (l.kind === 'lock' ? l.owner !== null : l.owner === String(ctx.thread.ext.tid));
  },
  __repr__(ctx, args) {
    const self = args[0]!;
    const c = syncObject(ctx.vm, kid(self));
    return `<Condition(${lockRepr(ctx.vm, attr(self, '_lock') ?? null)}, ${c.waiters.length})>`;
  },
});

registerNativeImpl('threading.wait_for', {
  resume(ctx, st, value, exc) {
    if (exc) throw new PyException(exc);
    for (;;) {
      switch (st.phase) {
        case 0: // call the predicate
          st.phase = 1;
          return new NativeCall(st.predicate as PyValue, []);
        case 1: {
          st.result = value;
          const b = truth(ctx, value);
          if (isDeferred(b)) {
            st.phase = 2;
            return b;
          }
          value = b as unknown as PyValue;
          st.phase = 2;
          continue;
        }
        case 2: // value: the predicate's truth
          if (value === true) return st.result as PyValue;
          if (st.timeout === null) {
            st.phase = 0;
            return new SyscallRequest('cond.wait', { id: kid(st.self as PyValue), timeout: null });
          }
          st.phase = 3;
          return new SyscallRequest('time.now', {});
        case 3: {
          const nowNs = (value as unknown as { monotonicNs: number }).monotonicNs;
          let wait = st.timeout as number;
          if (st.end === null) st.end = nowNs + Math.round(wait * 1e9);
          else {
            wait = ((st.end as number) - nowNs) / 1e9;
            if (wait <= 0) return st.result as PyValue;
          }
          st.phase = 0;
          return new SyscallRequest('cond.wait', { id: kid(st.self as PyValue), timeout: wait });
        }
        default:
          throw new Error('wait_for: bad phase');
      }
    }
  },
});

// ───────────────────────────── Semaphore ─────────────────────────────

function semInit(bounded: boolean): NativeFn {
  return (_ctx, args, kw) => {
    const a = parseArgs(bounded ? 'BoundedSemaphore' : 'Semaphore', args.slice(1), kw, { names: ['value'], required: 0 });
    const v = a.values[0] === undefined ? 1 : a.values[0];
    if (typeof v !== 'number' && typeof v !== 'bigint' && typeof v !== 'boolean') throw pyErr(E.TypeError, `'<' not supported between instances of '${typeName(v)}' and 'int'`);
    const value = Number(v);
    if (value < 0) throw pyErr(E.ValueError, 'semaphore initial value must be >= 0');
    return kcall('sync.create', { kind: 'semaphore', value, bounded }, 'setkid', { self: args[0]! });
  };
}

const semAcquire: NativeFn = (_ctx, args, kw) => {
  const a = parseArgs('acquire', args.slice(1), kw, { names: ['blocking', 'timeout'], required: 0 });
  const blocking = truthy(a.values[0], true);
  const timeout = optTimeout(a.values[1]);
  if (!blocking && timeout !== null) throw pyErr(E.ValueError, "can't specify timeout for non-blocking acquire");
  return new SyscallRequest('sem.acquire', { id: kid(args[0]!), blocking, timeout });
};
const semRelease: NativeFn = (_ctx, args, kw) => {
  const a = parseArgs('release', args.slice(1), kw, { names: ['n'], required: 0 });
  const n = a.values[0] === undefined ? 1 : toNumber(a.values[0], 'n');
  if (n < 1) throw pyErr(E.ValueError, 'n must be one or more');
  return new SyscallRequest('sem.release', { id: kid(args[0]!), n });
};

defineMethods(semaphoreType, {
  __init__: semInit(false),
  acquire: semAcquire,
  __enter__: semAcquire,
  release: semRelease,
  __exit__: (_ctx, args) => new SyscallRequest('sem.release', { id: kid(args[0]!), n: 1 }),
  __repr__(ctx, args) {
    const self = args[0]!;
    const s = syncObject(ctx.vm, kid(self));
    const v = s.kind === 'semaphore' ? s.value : 0;
    const bound = s.kind === 'semaphore' && s.bound !== null ? `/${s.bound}` : '';
    return `<threading.${(self as PyObject).cls.name} at ${fakeAddress(self as PyObject)}: value=${v}${bound}>`;
  },
});
defineMethods(boundedSemaphoreType, { __init__: semInit(true) });
defineGetters(semaphoreType, {
  _value: (ctx, self) => {
    const s = syncObject(ctx.vm, kid(self));
    return s.kind === 'semaphore' ? s.value : 0;
  },
});

// ───────────────────────────── Event ─────────────────────────────

function isSet(ctx: CallContext, self: PyValue): boolean {
  const e = syncObject(ctx.vm, kid(self));
  return e.kind === 'event' && e.flag;
}

defineMethods(eventType, {
  __init__(_ctx, args, kw) {
    parseArgs('Event', args.slice(1), kw, { names: [] });
    return kcall('sync.create', { kind: 'event' }, 'setkid', { self: args[0]! });
  },
  is_set: (ctx, args) => isSet(ctx, args[0]!),
  isSet(ctx, args) {
    return deprecatedThen('isSet() is deprecated, use is_set() instead', isSet(ctx, args[0]!));
  },
  set: (_ctx, args) => new SyscallRequest('event.set', { id: kid(args[0]!) }),
  clear: (_ctx, args) => new SyscallRequest('event.clear', { id: kid(args[0]!) }),
  wait(_ctx, args, kw) {
    const a = parseArgs('wait', args.slice(1), kw, { names: ['timeout'], required: 0 });
    return new SyscallRequest('event.wait', { id: kid(args[0]!), timeout: optTimeout(a.values[0]) });
  },
  __repr__(ctx, args) {
    const self = args[0] as PyObject;
    return `<threading.${self.cls.name} at ${fakeAddress(self)}: ${isSet(ctx, self) ? 'set' : 'unset'}>`;
  },
});

// ───────────────────────────── Barrier ─────────────────────────────

defineMethods(barrierType, {
  __init__(_ctx, args, kw) {
    const a = parseArgs('Barrier', args.slice(1), kw, { names: ['parties', 'action', 'timeout'], required: 1 });
    const self = args[0] as PyObject;
    const parties = toNumber(a.values[0], 'parties');
    self.dict!.setStr('_action', a.values[1] ?? null);
    self.dict!.setStr('_timeout', a.values[2] ?? null);
    return kcall('sync.create', { kind: 'barrier', parties }, 'setkid', { self });
  },
  wait(_ctx, args, kw) {
    const a = parseArgs('wait', args.slice(1), kw, { names: ['timeout'], required: 0 });
    const self = args[0]!;
    const timeout = optTimeout(a.values[0] === undefined || a.values[0] === null ? (attr(self, '_timeout') ?? null) : a.values[0]);
    return new NativeFrameStart('threading.barrier.wait', { self, timeout, phase: 0, index: 0, err: null });
  },
  reset: (_ctx, args) => new SyscallRequest('barrier.abort', { id: kid(args[0]!), reset: true, brokenCls: brokenBarrierError }),
  abort: (_ctx, args) => new SyscallRequest('barrier.abort', { id: kid(args[0]!), brokenCls: brokenBarrierError }),
  __repr__(ctx, args) {
    const self = args[0] as PyObject;
    const b = syncObject(ctx.vm, kid(self));
    if (b.kind === 'barrier' && b.phase === 'broken') return `<threading.Barrier at ${fakeAddress(self)}: broken>`;
    return `<threading.Barrier at ${fakeAddress(self)}: waiters=${b.kind === 'barrier' ? b.count : 0}/${b.kind === 'barrier' ? b.parties : 0}>`;
  },
});
defineGetters(barrierType, {
  parties: (ctx, self) => {
    const b = syncObject(ctx.vm, kid(self));
    return b.kind === 'barrier' ? b.parties : 0;
  },
  n_waiting: (ctx, self) => {
    const b = syncObject(ctx.vm, kid(self));
    return b.kind === 'barrier' && b.phase === 'filling' ? b.count : 0;
  },
  broken: (ctx, self) => {
    const b = syncObject(ctx.vm, kid(self));
    return b.kind === 'barrier' && b.phase === 'broken';
  },
});

registerNativeImpl('threading.barrier.wait', {
  resume(_ctx, st, value, exc) {
    const self = st.self as PyValue;
    const id = kid(self);
    if (exc) {
      if (st.phase === 2) {
        // the action raised: break the barrier, then re-raise
        st.phase = 4;
        st.err = exc;
        return new SyscallRequest('barrier.abort', { id, brokenCls: brokenBarrierError });
      }
      throw new PyException(exc);
    }
    switch (st.phase) {
      case 0:
        st.phase = 1;
        return new SyscallRequest('barrier.wait', { id, timeout: st.timeout, brokenCls: brokenBarrierError });
      case 1: {
        const r = value as unknown as { index: number; last: boolean };
        st.index = r.index;
        if (!r.last) return r.index;
        const action = attr(self, '_action') ?? null;
        if (action !== null) {
          st.phase = 2;
          return new NativeCall(action, []);
        }
        st.phase = 3;
        return new SyscallRequest('barrier.release', { id });
      }
      case 2:
        st.phase = 3;
        return new SyscallRequest('barrier.release', { id });
      case 3:
        return st.index as number;
      default:
        throw new PyException(st.err as PyBaseException);
    }
  },
});

// ───────────────────────────── local ─────────────────────────────

/** threading.local: attributes per thread. The per-thread dicts are kept in the instance
 * dict under the thread's tid ("__local__" maps tid -> dict). */
export const localType = newBuiltinType('local', [objectType], '_thread', { layout: 'object' });

function localDict(ctx: CallContext, self: PyValue): PyDict {
  const d = (self as PyObject).dict!;
  let all = d.getStr('__local__');
  if (!(all instanceof PyDict)) {
    all = new PyDict();
    d.setStr('__local__', all);
  }
  const tid = String(ctx.thread.ext.tid);
  let mine = (all as PyDict).getStr(tid);
  if (!(mine instanceof PyDict)) {
    mine = new PyDict();
    (all as PyDict).setStr(tid, mine);
  }
  return mine as PyDict;
}

defineMethods(localType, {
  __getattr__(ctx, args) {
    const name = args[1];
    if (typeof name !== 'string') throw pyErr(E.TypeError, 'attribute name must be string');
    const v = localDict(ctx, args[0]!).getStr(name);
    if (v === undefined) throw pyErr(E.AttributeError, `'${typeName(args[0]!)}' object has no attribute '${name}'`);
    return v;
  },
  __setattr__(ctx, args) {
    const name = args[1];
    if (typeof name !== 'string') throw pyErr(E.TypeError, 'attribute name must be string');
    localDict(ctx, args[0]!).setStr(name, args[2]!);
    return null;
  },
  __delattr__(ctx, args) {
    const name = args[1];
    if (typeof name !== 'string' || !localDict(ctx, args[0]!).delStr(name)) {
      throw pyErr(E.AttributeError, `'${typeName(args[0]!)}' object has no attribute '${String(name)}'`);
    }
    return null;
  },
});

export const SYNC_EXPORTS: Record<string, PyValue> = {
  Condition: conditionType,
  Semaphore: semaphoreType,
  BoundedSemaphore: boundedSemaphoreType,
  Event: eventType,
  Barrier: barrierType,
  BrokenBarrierError: brokenBarrierError,
  local: localType,
};
