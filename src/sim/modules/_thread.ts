// _thread: the low-level thread primitives (lock, RLock, get_ident, ...) and the helpers
// that threading, queue and time share to talk to the kernel.
//
// Kernel objects (locks, events, queues...) live in the kernel; a Python object holds
// only the kernel id. Everything that changes kernel state is a syscall (the instruction
// ends, the kernel decides, the thread resumes with the result). Read-only peeks (repr,
// locked(), qsize()) read the kernel state directly through the host (kernelOf).

import type { K } from '../kernel/threads';
import type { SyncObject } from '../kernel/sync';
import type { KThread } from '../kernel/types';
import { parseArgs } from '../vm/args';
import { E, PyException, pyErr } from '../vm/exceptions';
import { NativeCall, NativeFrameStart, SyscallRequest, type CallContext, type NativeFn, type NativeFrame } from '../vm/frame';
import { PyDict } from '../vm/dict';
import { PyFunction } from '../vm/function';
import { streamWrite } from '../vm/stream';
import { PyModule } from '../vm/function';
import { PyFloat, PyObject, PyTuple, objectType, type PyValue } from '../vm/objects';
import { fakeAddress, typeName } from '../vm/protocol';
import {
  defineMethods, getBuiltinById, makeBuiltin, newBuiltinType, registerClass, registerNativeImpl,
} from '../vm/types';
import { newModule, newThreadState, type VM } from '../vm/vm';

// ───────────────────────────── kernel access ─────────────────────────────

/** The host of a VM run by the kernel carries the kernel (transient, like the host). */
export interface KernelHost {
  kernel?: K;
}

export function kernelOf(vm: VM): K {
  const k = (vm.host as unknown as KernelHost).kernel;
  if (!k) throw pyErr(E.RuntimeError, 'threads need the simulator kernel');
  return k;
}

/** The kernel's record of the calling thread. */
export function currentKThread(ctx: CallContext): KThread {
  const k = kernelOf(ctx.vm);
  const t = k.s.threads[String(ctx.thread.ext.tid)];
  if (!t) throw pyErr(E.RuntimeError, 'unknown thread');
  return t;
}

export function syncObject(vm: VM, id: string): SyncObject {
  const o = kernelOf(vm).s.objects[id];
  if (!o) throw pyErr(E.RuntimeError, `unknown kernel object ${id}`);
  return o;
}

// ───────────────────────────── syscalls from native code ─────────────────────────────

/** Converts a syscall's JS result into the Python value a call returns. */
type Converter = (ctx: CallContext, value: unknown, st: Record<string, unknown>) => PyValue;
const converters = new Map<string, Converter>();

export function registerConverter(name: string, c: Converter): void {
  if (converters.has(name)) throw new Error(`duplicate converter ${name}`);
  converters.set(name, c);
}

/** A call that makes the syscall `name` and returns converters[conv](result). `extra` is
 * kept in the frame state for the converter. */
export function kcall(name: string, payload: Record<string, unknown>, conv: string, extra: Record<string, unknown> = {}): NativeFrameStart {
  return new NativeFrameStart('kernel.call', { ...extra, name, payload, conv, phase: 0 });
}

registerNativeImpl('kernel.call', {
  resume(ctx, st, value, exc) {
    if (exc) throw new PyException(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new SyscallRequest(st.name as string, st.payload as Record<string, unknown>);
    }
    const c = converters.get(st.conv as string);
    if (!c) throw new Error(`unknown converter ${String(st.conv)}`);
    return c(ctx, value, st);
  },
});

registerConverter('none', () => null);
registerConverter('value', (_c, v) => v as PyValue);
registerConverter('float', (_c, v) => new PyFloat(Number(v)));

// ───────────────────────────── argument helpers ─────────────────────────────

export function toNumber(v: PyValue | undefined, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.value;
  throw pyErr(E.TypeError, `${what} must be real number, not ${typeName(v ?? null)}`);
}

/** Timeout arguments: None -> null; numbers -> seconds. */
export function optTimeout(v: PyValue | undefined): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat) return toNumber(v, 'timeout');
  throw pyErr(E.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
}

export function truthy(v: PyValue | undefined, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return v.length > 0;
  if (v instanceof PyFloat) return v.value !== 0;
  return true;
}

// ───────────────────────────── warnings ─────────────────────────────

/**
 * Returns `result` after a DeprecationWarning attributed to the calling Python code, through
 * the warnings module (filters, once per location; the default filters show it only for
 * code in __main__), like threading.py's `warnings.warn(msg, DeprecationWarning,
 * stacklevel=2)`:
 *   x.py:3: DeprecationWarning: getName() is deprecated, get the name attribute instead
 *     print(t.getName())
 */
export function deprecatedThen(message: string, result: PyValue): NativeFrameStart {
  return new NativeFrameStart('threading.deprecated', { message, result, phase: 0 });
}

/** The same, then the syscall `name` whose result is returned (notifyAll()). */
export function deprecatedThenCall(message: string, name: string, payload: Record<string, unknown>): NativeFrameStart {
  return new NativeFrameStart('threading.deprecated', { message, result: null, call: { name, payload }, phase: 0 });
}

registerNativeImpl('threading.deprecated', {
  resume(ctx, st, value, exc) {
    if (exc) throw new PyException(exc);
    if (st.phase === 0) {
      st.phase = 1;
      // CPython imports warnings at start-up; here on first use
      const vm = ctx.vm;
      const init = vm.registry['warnings'];
      if (vm.modules.getStr('warnings') === undefined && init) vm.modules.setStr('warnings', init(vm));
      const warn = getBuiltinById('warnings.warn');
      if (warn) return new NativeCall(warn, [st.message as string, E.DeprecationWarning, 1]);
    }
    const call = st.call as { name: string; payload: Record<string, unknown> } | undefined;
    if (st.phase === 1 && call) {
      st.phase = 2;
      return new SyscallRequest(call.name, call.payload);
    }
    return st.phase === 2 ? value : (st.result as PyValue);
  },
});

// ───────────────────────────── lock and RLock ─────────────────────────────

/** A Python object standing for a kernel object. */
export class PyKObject extends PyObject {
  constructor(cls: import('../vm/objects').PyType, public kid: string) {
    super(cls);
  }
}
registerClass('PyKObject', PyKObject);

export const lockType = newBuiltinType('lock', [objectType], '_thread', { baseable: false });
export const rlockType = newBuiltinType('RLock', [objectType], '_thread', { baseable: false });

registerConverter('lock', (_c, v) => new PyKObject(lockType, String(v)));
registerConverter('rlock', (_c, v) => new PyKObject(rlockType, String(v)));

export function kidOf(v: PyValue, what = 'lock'): string {
  if (v instanceof PyKObject) return v.kid;
  if (v instanceof PyObject && v.dict) {
    const k = v.dict.getStr('_kid');
    if (typeof k === 'string') return k;
  }
  throw pyErr(E.TypeError, `expected a ${what}, got ${typeName(v)}`);
}

function acquireArgs(name: string, args: PyValue[], kw: string[] | null): { blocking: boolean; timeout: number } {
  const a = parseArgs(name, args.slice(1), kw, { names: ['blocking', 'timeout'], required: 0 });
  const blocking = truthy(a.values[0], true);
  const timeout = a.values[1] === undefined ? -1 : toNumber(a.values[1], 'timeout');
  return { blocking, timeout };
}

const acquire: NativeFn = (_ctx, args, kw) => {
  const { blocking, timeout } = acquireArgs('acquire', args, kw);
  return new SyscallRequest('lock.acquire', { id: kidOf(args[0]!), blocking, timeout });
};
const release: NativeFn = (_ctx, args) => new SyscallRequest('lock.release', { id: kidOf(args[0]!) });
const enter: NativeFn = (_ctx, args) => new SyscallRequest('lock.acquire', { id: kidOf(args[0]!), blocking: true, timeout: -1 });
const exit: NativeFn = (_ctx, args) => new SyscallRequest('lock.release', { id: kidOf(args[0]!) });

function lockState(vm: VM, v: PyValue): { locked: boolean; owner: string | null; count: number } {
  const o = syncObject(vm, kidOf(v));
  if (o.kind !== 'lock' && o.kind !== 'rlock') return { locked: false, owner: null, count: 0 };
  return { locked: o.owner !== null, owner: o.owner, count: o.kind === 'rlock' ? o.count : o.owner !== null ? 1 : 0 };
}

/** repr of a lock or RLock, as CPython shows it. */
export function lockRepr(vm: VM, v: PyValue): string {
  const s = lockState(vm, v);
  const o = v as PyObject;
  if (o.cls === rlockType) {
    const ident = s.owner !== null ? (kernelOf(vm).s.threads[s.owner]?.ident ?? 0) : 0;
    return `<${s.locked ? 'locked' : 'unlocked'} _thread.RLock object owner=${ident} count=${s.count} at ${fakeAddress(o)}>`;
  }
  return `<${s.locked ? 'locked' : 'unlocked'} _thread.lock object at ${fakeAddress(o)}>`;
}

defineMethods(lockType, {
  acquire,
  acquire_lock: acquire,
  release,
  release_lock: release,
  __enter__: enter,
  __exit__: exit,
  locked: (ctx, args) => lockState(ctx.vm, args[0]!).locked,
  locked_lock: (ctx, args) => lockState(ctx.vm, args[0]!).locked,
  _at_fork_reinit: () => null,
  __repr__: (ctx, args) => lockRepr(ctx.vm, args[0]!),
});

defineMethods(rlockType, {
  acquire,
  release,
  __enter__: enter,
  __exit__: exit,
  _is_owned: (ctx, args) => lockState(ctx.vm, args[0]!).owner === String(ctx.thread.ext.tid),
  _recursion_count: (ctx, args) => {
    const s = lockState(ctx.vm, args[0]!);
    return s.owner === String(ctx.thread.ext.tid) ? s.count : 0;
  },
  __repr__: (ctx, args) => lockRepr(ctx.vm, args[0]!),
});

/** A new kernel lock object: `_thread.allocate_lock()` / `threading.Lock()`. */
export const allocateLock = makeBuiltin('_thread.allocate_lock', 'allocate_lock', (_ctx, args, kw) => {
  parseArgs('allocate_lock', args, kw, { names: [] });
  return kcall('sync.create', { kind: 'lock' }, 'lock');
}, 'function', null, '_thread');

export const newRLock = makeBuiltin('_thread.RLock', 'RLock', (_ctx, args, kw) => {
  parseArgs('RLock', args, kw, { names: [] });
  return kcall('sync.create', { kind: 'rlock' }, 'rlock');
}, 'function', null, '_thread');

// ───────────────────────────── thread identity ─────────────────────────────

export const getIdent = makeBuiltin('_thread.get_ident', 'get_ident', (ctx) => currentKThread(ctx).ident, 'function', null, '_thread');
export const getNativeId = makeBuiltin('_thread.get_native_id', 'get_native_id', (ctx) => currentKThread(ctx).nativeId, 'function', null, '_thread');

export const TIMEOUT_MAX = new PyFloat(9223372036.0);

registerConverter('thread.ident', (_c, v) => (v as { ident: number }).ident);

/** _thread.start_new_thread(function, args, kwargs={}) -> ident */
export const startNewThread = makeBuiltin('_thread.start_new_thread', 'start_new_thread', (ctx, args, kw) => {
  const a = parseArgs('start_new_thread', args, kw, { names: ['function', 'args', 'kwargs'], required: 2, posOnly: true });
  const fn = a.values[0]!;
  const fargs = a.values[1]!;
  if (!(fargs instanceof PyTuple)) throw pyErr(E.TypeError, '2nd arg must be a tuple');
  const fkw = a.values[2] ?? null;
  if (fkw !== null && !(fkw instanceof PyDict)) throw pyErr(E.TypeError, 'optional 3rd arg must be a dictionary');
  const t = newThreadState(ctx.vm, null);
  const boot: NativeFrame = { kind: 'native', impl: '_thread.bootstrap', state: { fn, args: fargs, kwargs: fkw, phase: 0 }, back: null, value: null, exc: null };
  t.frame = boot;
  const name = fn instanceof PyFunction ? fn.name : typeName(fn);
  return kcall('thread.start', { handle: t, name: `_thread (${name})`, daemon: false }, 'thread.ident');
}, 'function', null, '_thread');

registerNativeImpl('_thread.bootstrap', {
  resume(ctx, st, _value, exc) {
    if (exc) {
      if (exc.cls === E.SystemExit || exc.cls.mro.includes(E.SystemExit)) return null;
      const fn = st.fn as PyValue;
      const r = fn instanceof PyFunction ? `<function ${fn.qualname} at ${fakeAddress(fn)}>` : `<${typeName(fn)} object>`;
      streamWrite(ctx.vm, ctx.vm.stderr, `Exception ignored in thread started by: ${r}\n`);
      throw new PyException(exc);
    }
    if (st.phase === 0) {
      st.phase = 1;
      const argv = (st.args as PyTuple).items.slice();
      const kwnames: string[] = [];
      if (st.kwargs instanceof PyDict) {
        st.kwargs.forEach((k, v) => {
          kwnames.push(String(k));
          argv.push(v);
        });
      }
      return new NativeCall(st.fn as PyValue, argv, kwnames.length > 0 ? kwnames : null);
    }
    return null;
  },
});

export function initThreadLow(vm: VM): PyModule {
  return newModule(vm, '_thread', {
    allocate_lock: allocateLock,
    allocate: allocateLock,
    start_new_thread: startNewThread,
    start_new: startNewThread,
    LockType: lockType,
    RLock: newRLock,
    get_ident: getIdent,
    get_native_id: getNativeId,
    error: E.RuntimeError,
    TIMEOUT_MAX,
    _count: makeBuiltin('_thread._count', '_count', (ctx) => {
      const k = kernelOf(ctx.vm);
      const p = k.s.procs[currentKThread(ctx).pid]!;
      return p.threads.filter((tid) => !k.s.threads[tid]!.main && k.s.threads[tid]!.state !== 'finished').length;
    }, 'function', null, '_thread'),
  });
}

export { PyTuple };
