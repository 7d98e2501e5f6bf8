// multiprocessing's Lock and RLock (kernel locks shared by every process) and the
// synchronized shared-memory wrappers Value/Array return (sharedctypes.Synchronized and
// SynchronizedArray), in TypeScript because programs hammer them in loops
// (`with v.get_lock(): v.value += 1`). Each `.value` read or write takes the wrapper's lock
// around the access, as CPython's property does: one kernel call when the lock is free
// (kernel/ipc.ts `shm.locked`), a wait for the lock otherwise.

import { parseArgs } from '../vm/args';
import { E, PyException, pyErr } from '../vm/exceptions';
import { NativeFrameStart, SyscallRequest, type CallContext, type NativeFn } from '../vm/frame';
import { PyModule, PyProperty } from '../vm/function';
import { PyBytes, PyFloat, PyInstance, PyList, PyObject, PySlice, PyType, objectType, type PyValue } from '../vm/objects';
import { PyListIterator } from '../vm/iterators';
import { iterFast, typeName } from '../vm/protocol';
import { defineMethods, makeBuiltin, newBuiltinType, registerClass, registerNativeImpl } from '../vm/types';
import { PyKObject, kcall, kernelOf, lockType, registerConverter, rlockType, syncObject, truthy } from './_thread';
import { TYPECODES, PyShared, fromRaw, toRaw } from './multiprocessing-shm';

// ───────────────────────────── Lock, RLock ─────────────────────────────

export const mpLockType = newBuiltinType('Lock', [objectType], 'multiprocessing.synchronize', { baseable: false });
export const mpRLockType = newBuiltinType('RLock', [objectType], 'multiprocessing.synchronize', { baseable: false });

registerConverter('mp.lock', (_c, v) => new PyKObject(mpLockType, String(v)));
registerConverter('mp.rlock', (_c, v) => new PyKObject(mpRLockType, String(v)));

function kidOfLock(v: PyValue): string {
  if (v instanceof PyKObject) return v.kid;
  throw pyErr(E.TypeError, `expected a lock, got ${typeName(v)}`);
}

function timeoutOf(v: PyValue | undefined): number {
  if (v === undefined || v === null) return -1;
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'number') return v;
  throw pyErr(E.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
}

const acquire: NativeFn = (_c, args, kw) => {
  const a = parseArgs('acquire', args.slice(1), kw, { names: ['block', 'timeout'], required: 0 });
  const block = truthy(a.values[0], true);
  return new SyscallRequest('lock.acquire', { id: kidOfLock(args[0]!), blocking: block, timeout: block ? timeoutOf(a.values[1]) : -1 });
};
const release: NativeFn = (_c, args) => new NativeFrameStart('mp.release', { id: kidOfLock(args[0]!), rlock: (args[0] as PyObject).cls === mpRLockType, phase: 0 });

// the kernel's threading messages become multiprocessing's (SemLock)
registerNativeImpl('mp.release', {
  resume(_ctx, st, _value, exc) {
    if (exc) {
      if (exc.cls === E.RuntimeError) {
        throw pyErr(st.rlock ? E.AssertionError : E.ValueError, st.rlock ? 'attempt to release recursive lock not owned by thread' : 'semaphore or lock released too many times');
      }
      throw new PyException(exc);
    }
    if (st.phase === 0) {
      st.phase = 1;
      return new SyscallRequest('lock.release', { id: st.id });
    }
    return null;
  },
});
const enter: NativeFn = (_c, args) => new SyscallRequest('lock.acquire', { id: kidOfLock(args[0]!), blocking: true, timeout: -1 });

/** The name CPython's repr shows for the owner. */
function ownerName(ctx: CallContext, tid: string): string {
  const k = kernelOf(ctx.vm);
  const t = k.s.threads[tid];
  if (!t || t.pid !== Number(ctx.vm.ext.pid)) return 'SomeOtherProcess';
  const mp = ctx.vm.modules.getStr('multiprocessing');
  const cur = mp instanceof PyModule ? mp.dict.getStr('_current_process') : undefined;
  let name = cur instanceof PyInstance ? String(cur.dict?.getStr('_name') ?? 'MainProcess') : 'MainProcess';
  if (t.name !== 'MainThread') name += `|${t.name}`;
  return name;
}

function lockRepr(ctx: CallContext, self: PyValue): string {
  const o = syncObject(ctx.vm, kidOfLock(self));
  const owner = o.kind === 'lock' || o.kind === 'rlock' ? o.owner : null;
  if ((self as PyObject).cls === mpRLockType) {
    const count = o.kind === 'rlock' ? o.count : 0;
    return `<RLock(${owner === null ? 'None' : ownerName(ctx, owner)}, ${count})>`;
  }
  return `<Lock(owner=${owner === null ? 'None' : ownerName(ctx, owner)})>`;
}

for (const t of [mpLockType, mpRLockType]) {
  defineMethods(t, {
    acquire,
    release,
    __enter__: enter,
    __exit__: release,
    __repr__: (ctx, a) => lockRepr(ctx, a[0]!),
  });
}

/** A threading-typed view of the same kernel lock (for threading.Condition(lock)). */
const asThreadLock: NativeFn = (_c, args) => {
  const l = args[0]!;
  if (l instanceof PyKObject && (l.cls === mpLockType || l.cls === mpRLockType)) {
    return new PyKObject(l.cls === mpLockType ? lockType : rlockType, l.kid);
  }
  return l;
};

// ───────────────────────────── Synchronized, SynchronizedArray ─────────────────────────────

export class PySynchronized extends PyObject {
  constructor(cls: PyType, public obj: PyShared, public lock: PyValue) {
    super(cls);
  }
}
registerClass('PySynchronized', PySynchronized);

export const synchronizedType = newBuiltinType('Synchronized', [objectType], 'multiprocessing.sharedctypes', { baseable: false });
export const synchronizedArrayType = newBuiltinType('SynchronizedArray', [objectType], 'multiprocessing.sharedctypes', { baseable: false });

function sync(v: PyValue | undefined): PySynchronized {
  if (!(v instanceof PySynchronized)) throw pyErr(E.TypeError, `expected a synchronized wrapper, got ${typeName(v ?? null)}`);
  return v;
}

/** The access under the lock, then the conversion: a native frame (the lock may have to be
 * waited for, then released). */
function locked(s: PySynchronized, access: Record<string, unknown>, conv: string, extra: Record<string, unknown> = {}): NativeFrameStart {
  return new NativeFrameStart('mp.locked', { ...extra, lock: kidOfLock(s.lock), id: s.obj.shm, tc: s.obj.tc, access, conv, phase: 0 });
}

registerNativeImpl('mp.locked', {
  resume(ctx, st, value, exc) {
    if (exc) throw new PyException(exc);
    switch (st.phase) {
      case 0:
        st.phase = 1;
        return new SyscallRequest('shm.locked', { id: st.id, lock: st.lock, ...(st.access as object) });
      case 1:
        if (value !== null && typeof value === 'object' && 'v' in (value as object)) return convert(ctx, st, (value as unknown as { v: unknown }).v);
        // we waited for the lock and hold it now: access, then release
        st.phase = 2;
        return new SyscallRequest('shm.locked', { id: st.id, lock: '', ...(st.access as object) });
      case 2:
        st.result = (value as unknown as { v: unknown }).v as PyValue;
        st.phase = 3;
        return new SyscallRequest('lock.release', { id: st.lock });
      default:
        return convert(ctx, st, st.result);
    }
  },
});

function convert(_ctx: CallContext, st: Record<string, unknown>, v: unknown): PyValue {
  const tc = String(st.tc);
  switch (st.conv) {
    case 'none':
      return null;
    case 'value':
      return fromRaw(tc, v);
    case 'list': {
      const xs = (v as unknown[]).map((r) => fromRaw(tc, r));
      if (tc === 'c') return new PyBytes(xs.map((b) => (b as PyBytes).bytes[0]!));
      if (tc === 'u') return xs.join('');
      return new PyList(xs);
    }
    case 'iter':
      return new PyListIterator(new PyList((v as unknown[]).map((r) => fromRaw(tc, r))));
    case 'cvalue': {
      if (tc === 'u') {
        const s = (v as string[]).join('');
        const z = s.indexOf('\0');
        return z >= 0 ? s.slice(0, z) : s;
      }
      const bytes = (v as unknown[]).map((x) => Number(x instanceof PyFloat ? x.value : x));
      const nul = bytes.indexOf(0);
      return new PyBytes(nul >= 0 ? bytes.slice(0, nul) : bytes);
    }
    default:
      throw new Error(`mp.locked: bad conversion ${String(st.conv)}`);
  }
}

function property(name: string, get: NativeFn, set: NativeFn): PyProperty {
  return new PyProperty(
    makeBuiltin(`_mpsim.${name}.get`, name, get, 'function', null, '_mpsim'),
    makeBuiltin(`_mpsim.${name}.set`, name, set, 'function', null, '_mpsim'),
    null,
  );
}

function index(s: PyShared, v: PyValue | undefined): number {
  if (typeof v !== 'number' && typeof v !== 'boolean') throw pyErr(E.TypeError, 'indices must be integers');
  const i = Number(v) < 0 ? Number(v) + s.length : Number(v);
  if (i < 0 || i >= s.length) throw pyErr(E.IndexError, 'invalid index');
  return i;
}

function range(s: PyShared, sl: PySlice): { start: number; stop: number } {
  const norm = (v: PyValue, d: number): number => {
    if (v === null) return d;
    let n = Number(v);
    if (n < 0) n += s.length;
    return Math.max(0, Math.min(s.length, n));
  };
  if (sl.step !== null && Number(sl.step) !== 1) throw pyErr(E.ValueError, 'slice steps are not supported for shared arrays');
  const start = norm(sl.start, 0);
  return { start, stop: Math.max(start, norm(sl.stop, s.length)) };
}

function charValues(s: PyShared, v: PyValue): unknown[] {
  let data: unknown[];
  if (s.tc === 'c' && v instanceof PyBytes) data = Array.from(v.bytes);
  else if (s.tc === 'u' && typeof v === 'string') data = [...v];
  else throw pyErr(E.TypeError, s.tc === 'c' ? `bytes expected instead of ${typeName(v)} instance` : 'unicode string expected');
  if (data.length > s.length) throw pyErr(E.ValueError, `${s.tc === 'c' ? 'byte ' : ''}string too long`);
  if (data.length < s.length) data.push(s.tc === 'c' ? 0 : '\0');
  return data;
}

for (const t of [synchronizedType, synchronizedArrayType]) {
  defineMethods(t, {
    get_lock: (_c, a) => sync(a[0]).lock,
    get_obj: (_c, a) => sync(a[0]).obj,
    acquire: (c, a, kw) => acquire(c, [sync(a[0]).lock, ...a.slice(1)], kw),
    release: (c, a, kw) => release(c, [sync(a[0]).lock], kw),
    __enter__: (c, a, kw) => enter(c, [sync(a[0]).lock], kw),
    __exit__: (c, a, kw) => release(c, [sync(a[0]).lock], kw),
  });
}

synchronizedType.ns.set('value', property('Synchronized.value',
  (_c, a) => locked(sync(a[0]), { start: 0 }, 'value'),
  (_c, a) => {
    const s = sync(a[0]);
    return locked(s, { start: 0, values: [toRaw(s.obj.tc, a[1]!)] }, 'none');
  },
));
defineMethods(synchronizedType, {
  __repr__: (_c, a) => kcall('shm.get', { id: sync(a[0]).obj.shm, start: 0 }, 'mp.syncrepr', { tc: sync(a[0]).obj.tc }),
});
registerConverter('mp.syncrepr', (ctx, v, st) => {
  const tc = String(st.tc);
  const x = fromRaw(tc, v);
  const r = x instanceof PyFloat ? (Number.isInteger(x.value) ? `${x.value}.0` : String(x.value)) : x instanceof PyBytes ? `b'${String.fromCharCode(x.bytes[0]!)}'` : typeof x === 'string' ? `'${x}'` : String(x);
  void ctx;
  return `<Synchronized wrapper for ${TYPECODES[tc]!.ctype}(${r})>`;
});

synchronizedArrayType.ns.set('value', property('SynchronizedArray.value',
  (_c, a) => {
    const s = sync(a[0]);
    if (s.obj.tc !== 'c' && s.obj.tc !== 'u') throw pyErr(E.AttributeError, `'SynchronizedArray' object has no attribute 'value'`);
    return locked(s, { start: 0, stop: s.obj.length }, 'cvalue');
  },
  (_c, a) => {
    const s = sync(a[0]);
    return locked(s, { start: 0, values: charValues(s.obj, a[1]!) }, 'none');
  },
));
synchronizedArrayType.ns.set('raw', property('SynchronizedArray.raw',
  (_c, a) => locked(sync(a[0]), { start: 0, stop: sync(a[0]).obj.length }, 'list'),
  () => {
    throw pyErr(E.AttributeError, "can't set attribute");
  },
));
defineMethods(synchronizedArrayType, {
  __len__: (_c, a) => sync(a[0]).obj.length,
  __getitem__: (_c, a) => {
    const s = sync(a[0]);
    const k = a[1]!;
    if (k instanceof PySlice) return locked(s, range(s.obj, k), 'list');
    return locked(s, { start: index(s.obj, k) }, 'value');
  },
  __setitem__: (_c, a) => {
    const s = sync(a[0]);
    const k = a[1]!;
    if (k instanceof PySlice) {
      const { start, stop } = range(s.obj, k);
      const v = a[2]!;
      const items = v instanceof PyBytes ? Array.from(v.bytes).map((b) => (s.obj.tc === 'c' ? new PyBytes([b]) : b)) : iterFast(v);
      if (!items) throw pyErr(E.TypeError, 'can only assign an iterable');
      if (items.length !== stop - start) throw pyErr(E.ValueError, 'Can only assign sequence of same size');
      return locked(s, { start, values: items.map((x) => toRaw(s.obj.tc, x)) }, 'none');
    }
    return locked(s, { start: index(s.obj, k), values: [toRaw(s.obj.tc, a[2]!)] }, 'none');
  },
  __iter__: (_c, a) => locked(sync(a[0]), { start: 0, stop: sync(a[0]).obj.length }, 'iter'),
  __repr__: (_c, a) => `<SynchronizedArray wrapper for <multiprocessing.sharedctypes.${TYPECODES[sync(a[0]).obj.tc]!.ctype}_Array_${sync(a[0]).obj.length} object>>`,
});

const makeSync: NativeFn = (_c, args) => {
  const obj = args[0];
  if (!(obj instanceof PyShared)) throw pyErr(E.TypeError, 'expected a shared ctypes object');
  const lock = args[1]!;
  kidOfLock(lock);
  return new PySynchronized(obj.cls.name === 'RawArray' ? synchronizedArrayType : synchronizedType, obj, lock);
};

function fn(name: string, f: NativeFn) {
  return makeBuiltin(`_mpsim.${name}`, name, f, 'function', null, '_mpsim');
}

export const SYNC_EXPORTS: Record<string, PyValue> = {
  Lock: fn('Lock', (_c, args, kw) => {
    parseArgs('Lock', args, kw, { names: [], kwOnly: ['ctx'] });
    return kcall('mp.create', { kind: 'lock' }, 'mp.lock');
  }),
  RLock: fn('RLock', (_c, args, kw) => {
    parseArgs('RLock', args, kw, { names: [], kwOnly: ['ctx'] });
    return kcall('mp.create', { kind: 'rlock' }, 'mp.rlock');
  }),
  as_thread_lock: fn('as_thread_lock', asThreadLock),
  synchronized: fn('synchronized', makeSync),
  LockType: mpLockType,
  RLockType: mpRLockType,
  SynchronizedType: synchronizedType,
  SynchronizedArrayType: synchronizedArrayType,
};
