// threading: Thread (and subclasses with run()), current_thread, main_thread, enumerate,
// active_count, get_ident, Timer, plus the synchronization classes of threading-sync.ts.
// Behaviour and messages follow CPython 3.11's Lib/threading.py; the threads themselves
// are kernel threads (src/sim/kernel): start() is the `thread.start` syscall, join() is
// `thread.join`, and each new thread begins in the native frame 'threading.bootstrap'
// which calls self.run() and reports an uncaught exception like threading.excepthook.

import { parseArgs } from '../vm/args';
import { PyDict } from '../vm/dict';
import { E, PyBaseException, PyException, pyErr } from '../vm/exceptions';
import { formatExceptionPlain } from '../vm/traceback';
import { NativeCall, NativeFrameStart, SyscallRequest, type CallContext, type NativeFn, type NativeFrame } from '../vm/frame';
import { PyBoundMethod, PyBuiltinFunction, PyFunction, PyModule } from '../vm/function';
import { PyInstance, PyList, PyObject, PyTuple, PyType, objectType, tupleType, type PyValue } from '../vm/objects';
import { getAttr, isDeferred, iterFast, strOf, typeName } from '../vm/protocol';
import { streamWrite } from '../vm/stream';
import { defineGetters, defineMethods, makeBuiltin, newBuiltinType, registerNativeImpl } from '../vm/types';
import { newModule, newThreadState, type VM } from '../vm/vm';
import { renameThread } from '../kernel/threads';
import {
  allocateLock, currentKThread, deprecatedThen, getIdent, getNativeId, kernelOf, kcall, newRLock, optTimeout,
  registerConverter, syncObject, TIMEOUT_MAX, truthy,
} from './_thread';
import { SYNC_EXPORTS, eventType } from './threading-sync';

export const threadType = newBuiltinType('Thread', [objectType], 'threading', { layout: 'object' });
export const mainThreadType = newBuiltinType('_MainThread', [threadType], 'threading', { layout: 'object' });
export const dummyThreadType = newBuiltinType('_DummyThread', [threadType], 'threading', { layout: 'object' });
export const timerType = newBuiltinType('Timer', [threadType], 'threading', { layout: 'object' });

function dictOf(self: PyValue): PyDict {
  if (!(self instanceof PyObject) || !self.dict) throw pyErr(E.TypeError, `descriptor requires a 'threading.Thread' object but received '${typeName(self)}'`);
  return self.dict;
}

function get(self: PyValue, name: string): PyValue | undefined {
  return dictOf(self).getStr(name);
}

function initialized(self: PyValue): boolean {
  return get(self, '_initialized') === true;
}

function moduleDict(vm: VM): PyDict {
  const m = vm.modules.getStr('threading');
  if (!(m instanceof PyModule)) throw pyErr(E.RuntimeError, 'threading is not imported');
  return m.dict;
}

/** `target.__name__` without calling Python (functions, builtins, methods, classes). */
function targetName(v: PyValue): string | undefined {
  if (v instanceof PyFunction || v instanceof PyBuiltinFunction) return v.name;
  if (v instanceof PyBoundMethod) return targetName(v.func);
  if (v instanceof PyType) return v.name;
  const n = v instanceof PyObject ? v.dict?.getStr('__name__') : undefined;
  return typeof n === 'string' ? n : undefined;
}

/** Thread-N, counting unnamed threads of the process (threading._counter). */
function newName(vm: VM, template = 'Thread-%d'): string {
  const md = moduleDict(vm);
  const n = Number(md.getStr('_counter') ?? 0) + 1;
  md.setStr('_counter', n);
  return template.replace('%d', String(n));
}

function initThread(ctx: CallContext, self: PyValue, o: { target: PyValue; name: PyValue | undefined; args: PyValue; kwargs: PyValue; daemon: PyValue | undefined }): void {
  const d = dictOf(self);
  let name: string;
  if (o.name !== undefined && truthy(o.name, false)) {
    if (typeof o.name === 'string') name = o.name;
    else {
      const s = strOf(ctx, o.name);
      name = typeof s === 'string' ? s : String(o.name);
    }
  } else {
    name = newName(ctx.vm);
    const tn = o.target !== null ? targetName(o.target) : undefined;
    if (tn !== undefined) name += ` (${tn})`;
  }
  d.setStr('_target', o.target);
  d.setStr('_name', name);
  d.setStr('_args', o.args);
  d.setStr('_kwargs', o.kwargs === null ? new PyDict() : o.kwargs);
  d.setStr('_daemonic', o.daemon !== undefined && o.daemon !== null ? o.daemon : currentKThread(ctx).daemon);
  d.setStr('_ident', null);
  d.setStr('_native_id', null);
  d.setStr('_tid', null);
  d.setStr('_started', false);
  d.setStr('_is_stopped', false);
  d.setStr('_initialized', true);
}

/** Is the thread alive in the kernel? */
function alive(ctx: CallContext, self: PyValue): boolean {
  if (get(self, '_started') !== true || get(self, '_is_stopped') === true) return false;
  const tid = get(self, '_tid');
  const t = typeof tid === 'string' ? kernelOf(ctx.vm).s.threads[tid] : undefined;
  return t !== undefined && t.state !== 'finished' && !t.shuttingDown;
}

function setName(ctx: CallContext, self: PyValue, v: PyValue): void {
  if (!initialized(self)) throw pyErr(E.AssertionError, 'Thread.__init__() not called');
  let name: string;
  if (typeof v === 'string') name = v;
  else {
    const s = strOf(ctx, v);
    name = typeof s === 'string' ? s : String(v);
  }
  dictOf(self).setStr('_name', name);
  const tid = get(self, '_tid');
  if (typeof tid === 'string') {
    const k = kernelOf(ctx.vm);
    const t = k.s.threads[tid];
    if (t && t.state !== 'finished') renameThread(k, t, name);
  }
}

function setDaemon(self: PyValue, v: PyValue): void {
  if (!initialized(self)) throw pyErr(E.RuntimeError, 'Thread.__init__() not called');
  if (get(self, '_started') === true) throw pyErr(E.RuntimeError, 'cannot set daemon status of active thread');
  dictOf(self).setStr('_daemonic', v);
}

function threadRepr(self: PyValue, ctx: CallContext): string {
  if (!initialized(self)) throw pyErr(E.AssertionError, 'Thread.__init__() was not called');
  let status = get(self, '_started') === true ? 'started' : 'initial';
  if (get(self, '_started') === true && !alive(ctx, self)) status = 'stopped';
  if (truthy(get(self, '_daemonic'), false)) status += ' daemon';
  const ident = get(self, '_ident');
  if (ident !== null && ident !== undefined) status += ` ${String(ident)}`;
  return `<${(self as PyObject).cls.name}(${String(get(self, '_name'))}, ${status})>`;
}

const THREAD_ARGS = { names: ['group', 'target', 'name', 'args', 'kwargs'], required: 0, kwOnly: ['daemon'] };

defineMethods(threadType, {
  __init__(ctx, args, kw) {
    const a = parseArgs('Thread', args.slice(1), kw, THREAD_ARGS);
    if (a.values[0] !== undefined && a.values[0] !== null) throw pyErr(E.AssertionError, 'group argument must be None for now');
    initThread(ctx, args[0]!, {
      target: a.values[1] ?? null, name: a.values[2], args: a.values[3] ?? new PyTuple([]), kwargs: a.values[4] ?? null,
      daemon: a.values[5],
    });
    return null;
  },
  start(_ctx, args) {
    return new NativeFrameStart('threading.start', { self: args[0]!, phase: 0 });
  },
  run(_ctx, args) {
    return new NativeFrameStart('threading.run', { self: args[0]!, phase: 0 });
  },
  join(ctx, args, kw) {
    const self = args[0]!;
    const a = parseArgs('join', args.slice(1), kw, { names: ['timeout'], required: 0 });
    if (!initialized(self)) throw pyErr(E.RuntimeError, 'Thread.__init__() not called');
    if (get(self, '_started') !== true) throw pyErr(E.RuntimeError, 'cannot join thread before it is started');
    const tid = get(self, '_tid');
    if (tid === String(ctx.thread.ext.tid)) throw pyErr(E.RuntimeError, 'cannot join current thread');
    const timeout = optTimeout(a.values[0]);
    return new SyscallRequest('thread.join', { tid, timeout: timeout === null ? null : Math.max(0, timeout) });
  },
  is_alive: (ctx, args) => {
    if (!initialized(args[0]!)) throw pyErr(E.AssertionError, 'Thread.__init__() not called');
    return alive(ctx, args[0]!);
  },
  getName(_ctx, args) {
    return deprecatedThen('getName() is deprecated, get the name attribute instead', get(args[0]!, '_name') ?? null);
  },
  setName(ctx, args, kw) {
    const a = parseArgs('setName', args.slice(1), kw, { names: ['name'] });
    setName(ctx, args[0]!, a.values[0]!);
    return deprecatedThen('setName() is deprecated, set the name attribute instead', null);
  },
  isDaemon(_ctx, args) {
    return deprecatedThen('isDaemon() is deprecated, get the daemon attribute instead', get(args[0]!, '_daemonic') ?? false);
  },
  setDaemon(_ctx, args, kw) {
    const a = parseArgs('setDaemon', args.slice(1), kw, { names: ['daemonic'] });
    setDaemon(args[0]!, a.values[0]!);
    return deprecatedThen('setDaemon() is deprecated, set the daemon attribute instead', null);
  },
  __repr__: (ctx, args) => threadRepr(args[0]!, ctx),
});

defineGetters(threadType, {
  name: { get: (_c, self) => get(self, '_name') ?? null, set: (ctx, self, v) => setName(ctx, self, v) },
  daemon: { get: (_c, self) => get(self, '_daemonic') ?? false, set: (_c, self, v) => setDaemon(self, v) },
  ident: (_c, self) => get(self, '_ident') ?? null,
  native_id: (_c, self) => get(self, '_native_id') ?? null,
});

// ───────────────────────────── start / bootstrap / run ─────────────────────────────

registerNativeImpl('threading.start', {
  resume(ctx, st, value, exc) {
    if (exc) throw new PyException(exc);
    const self = st.self as PyValue;
    if (st.phase === 0) {
      if (!initialized(self)) throw pyErr(E.RuntimeError, 'thread.__init__() not called');
      if (get(self, '_started') === true) throw pyErr(E.RuntimeError, 'threads can only be started once');
      const t = newThreadState(ctx.vm, null);
      const boot: NativeFrame = { kind: 'native', impl: 'threading.bootstrap', state: { self, phase: 0 }, back: null, value: null, exc: null };
      t.frame = boot;
      st.phase = 1;
      return new SyscallRequest('thread.start', {
        handle: t, name: String(get(self, '_name')), daemon: truthy(get(self, '_daemonic'), false), pyThread: self,
      });
    }
    const info = value as unknown as { tid: string; ident: number; nativeId: number };
    const d = dictOf(self);
    d.setStr('_tid', info.tid);
    d.setStr('_ident', info.ident);
    d.setStr('_native_id', info.nativeId);
    d.setStr('_started', true);
    return null;
  },
});

registerNativeImpl('threading.bootstrap', {
  resume(ctx, st, value, exc) {
    const self = st.self as PyValue;
    const d = dictOf(self);
    if (exc) {
      if (st.phase === 3) throw new PyException(exc); // the user's excepthook raised
      d.setStr('_is_stopped', true);
      if (exc.cls === E.SystemExit || exc.cls.mro.includes(E.SystemExit)) return null;
      const hook = moduleDict(ctx.vm).getStr('excepthook');
      if (hook !== undefined && hook !== defaultExcepthook) {
        st.phase = 3;
        const args = new PyTuple([exc.cls, exc, exc.traceback ?? null, self], exceptHookArgsType);
        return new NativeCall(hook, [args]);
      }
      // the default threading.excepthook: the header, then the traceback (the VM prints
      // it when the exception leaves this bottom frame)
      streamWrite(ctx.vm, ctx.vm.stderr, `Exception in thread ${String(d.getStr('_name'))}:\n`);
      throw new PyException(exc);
    }
    switch (st.phase) {
      case 0: {
        const kt = currentKThread(ctx);
        d.setStr('_tid', kt.tid);
        d.setStr('_ident', kt.ident);
        d.setStr('_native_id', kt.nativeId);
        d.setStr('_started', true);
        const run = getAttr(ctx, self, 'run');
        if (isDeferred(run)) {
          st.phase = 1;
          return run;
        }
        st.phase = 2;
        return new NativeCall(run, []);
      }
      case 1:
        st.phase = 2;
        return new NativeCall(value, []);
      default: // run() returned, or the user's excepthook did
        d.setStr('_is_stopped', true);
        return null;
    }
  },
});

function callArgs(args: PyValue, kwargs: PyValue): { argv: PyValue[]; kwnames: string[] | null } {
  const items = args instanceof PyTuple || args instanceof PyList ? args.items : iterFast(args);
  if (items === undefined) throw pyErr(E.TypeError, `Thread target argument after * must be an iterable, not ${typeName(args)}`);
  const argv = items.slice();
  const kwnames: string[] = [];
  if (kwargs instanceof PyDict) {
    kwargs.forEach((k, v) => {
      if (typeof k !== 'string') throw pyErr(E.TypeError, 'keywords must be strings');
      kwnames.push(k);
      argv.push(v);
    });
  }
  return { argv, kwnames: kwnames.length > 0 ? kwnames : null };
}

registerNativeImpl('threading.run', {
  resume(_ctx, st, _value, exc) {
    const d = dictOf(st.self as PyValue);
    if (st.phase === 0) {
      const target = d.getStr('_target');
      st.phase = 1;
      if (target !== undefined && target !== null) {
        const { argv, kwnames } = callArgs(d.getStr('_args') ?? new PyTuple([]), d.getStr('_kwargs') ?? null);
        return new NativeCall(target, argv, kwnames);
      }
    }
    // finally: del self._target, self._args, self._kwargs
    d.delStr('_target');
    d.delStr('_args');
    d.delStr('_kwargs');
    if (exc) throw new PyException(exc);
    return null;
  },
});

// ───────────────────────────── excepthook ─────────────────────────────

/** threading.ExceptHookArgs: (exc_type, exc_value, exc_traceback, thread). */
export const exceptHookArgsType = newBuiltinType('ExceptHookArgs', [tupleType], '_thread', { layout: 'tuple', baseable: false });
defineGetters(exceptHookArgsType, {
  exc_type: (_c, s) => (s as PyTuple).items[0]!,
  exc_value: (_c, s) => (s as PyTuple).items[1]!,
  exc_traceback: (_c, s) => (s as PyTuple).items[2]!,
  thread: (_c, s) => (s as PyTuple).items[3]!,
});

/** The default threading.excepthook, when called explicitly. */
const defaultExcepthook = makeBuiltin('threading.excepthook', 'excepthook', (ctx, args, kw) => {
  const a = parseArgs('excepthook', args, kw, { names: ['args'], posOnly: true });
  const h = a.values[0];
  if (!(h instanceof PyTuple) || h.items.length !== 4) throw pyErr(E.TypeError, '_thread._excepthook argument type must be ExceptHookArgs');
  const [type, value, , thread] = h.items;
  if (type === E.SystemExit) return null;
  const name = thread instanceof PyObject ? String(thread.dict?.getStr('_name') ?? get_ident_name(ctx)) : get_ident_name(ctx);
  let text = `Exception in thread ${name}:\n`;
  if (value instanceof PyBaseException) text += formatExceptionPlain(ctx.vm, value);
  streamWrite(ctx.vm, ctx.vm.stderr, text);
  return null;
}, 'function', null, 'threading');

function get_ident_name(ctx: CallContext): string {
  return String(currentKThread(ctx).ident);
}

// ───────────────────────────── Timer ─────────────────────────────

defineMethods(timerType, {
  __init__(ctx, args, kw) {
    const a = parseArgs('Timer', args.slice(1), kw, { names: ['interval', 'function', 'args', 'kwargs'], required: 2 });
    const self = args[0]!;
    initThread(ctx, self, { target: null, name: undefined, args: new PyTuple([]), kwargs: null, daemon: undefined });
    const d = dictOf(self);
    d.setStr('interval', a.values[0]!);
    d.setStr('function', a.values[1]!);
    d.setStr('args', a.values[2] ?? new PyList([]));
    d.setStr('kwargs', a.values[3] ?? new PyDict());
    return kcall('sync.create', { kind: 'event', nameSuffix: '.finished' }, 'timer.finished', { self });
  },
  cancel(_ctx, args) {
    return new SyscallRequest('event.set', { id: finishedKid(args[0]!) });
  },
  run(_ctx, args) {
    return new NativeFrameStart('threading.timer.run', { self: args[0]!, phase: 0 });
  },
});

function finishedKid(self: PyValue): string {
  const f = get(self, 'finished');
  const kid = f instanceof PyObject ? f.dict?.getStr('_kid') : undefined;
  if (typeof kid !== 'string') throw pyErr(E.AttributeError, "'Timer' object has no attribute 'finished'");
  return kid;
}

registerConverter('timer.finished', (_ctx, v, st) => {
  const ev = new PyInstance(eventType, new PyDict());
  ev.dict!.setStr('_kid', String(v));
  dictOf(st.self as PyValue).setStr('finished', ev);
  return null;
});

registerNativeImpl('threading.timer.run', {
  resume(ctx, st, _value, exc) {
    if (exc) throw new PyException(exc);
    const self = st.self as PyValue;
    const kid = finishedKid(self);
    switch (st.phase) {
      case 0: {
        st.phase = 1;
        const iv = get(self, 'interval') ?? 0;
        return new SyscallRequest('event.wait', { id: kid, timeout: optTimeout(iv) });
      }
      case 1: {
        st.phase = 2;
        const ev = syncObject(ctx.vm, kid);
        if (ev.kind === 'event' && !ev.flag) {
          const { argv, kwnames } = callArgs(get(self, 'args') ?? new PyList([]), get(self, 'kwargs') ?? null);
          return new NativeCall(get(self, 'function') ?? null, argv, kwnames);
        }
        return new SyscallRequest('event.set', { id: kid });
      }
      case 2:
        st.phase = 3;
        return new SyscallRequest('event.set', { id: kid });
      default:
        return null;
    }
  },
});

// ───────────────────────────── module functions ─────────────────────────────

function fn(name: string, f: NativeFn): PyBuiltinFunction {
  return makeBuiltin(`threading.${name}`, name, f, 'function', null, 'threading');
}

/** The Python Thread object of the calling thread (a _DummyThread for foreign threads). */
function currentThread(ctx: CallContext): PyValue {
  const kt = currentKThread(ctx);
  if (kt.pyThread instanceof PyObject) return kt.pyThread;
  const dummy = new PyInstance(dummyThreadType, new PyDict());
  const d = dummy.dict!;
  initThread(ctx, dummy, { target: null, name: newName(ctx.vm, 'Dummy-%d'), args: new PyTuple([]), kwargs: null, daemon: true });
  d.setStr('_tid', kt.tid);
  d.setStr('_ident', kt.ident);
  d.setStr('_native_id', kt.nativeId);
  d.setStr('_started', true);
  kt.pyThread = dummy;
  return dummy;
}

function enumerateThreads(ctx: CallContext): PyValue[] {
  const k = kernelOf(ctx.vm);
  const p = k.s.procs[currentKThread(ctx).pid]!;
  const out: PyValue[] = [];
  for (const tid of p.threads) {
    const t = k.s.threads[tid]!;
    if (t.state === 'finished' || !(t.pyThread instanceof PyObject)) continue;
    out.push(t.pyThread);
  }
  return out;
}

const noop = (name: string) => fn(name, () => null);

/** Builds threading for a VM (registered in src/sim/modules/index.ts). */
export function initThreading(vm: VM): PyModule {
  const m = newModule(vm, 'threading', {
    Thread: threadType,
    Timer: timerType,
    _MainThread: mainThreadType,
    _DummyThread: dummyThreadType,
    Lock: allocateLock,
    _allocate_lock: allocateLock,
    RLock: newRLock,
    _CRLock: newRLock,
    ThreadError: E.RuntimeError,
    TIMEOUT_MAX,
    get_ident: getIdent,
    get_native_id: getNativeId,
    current_thread: fn('current_thread', (ctx) => currentThread(ctx)),
    currentThread: fn('currentThread', (ctx) => deprecatedThen('currentThread() is deprecated, use current_thread() instead', currentThread(ctx))),
    main_thread: fn('main_thread', (ctx) => moduleDict(ctx.vm).getStr('_main_thread') ?? null),
    enumerate: fn('enumerate', (ctx) => new PyList(enumerateThreads(ctx))),
    active_count: fn('active_count', (ctx) => enumerateThreads(ctx).length),
    activeCount: fn('activeCount', (ctx) => deprecatedThen('activeCount() is deprecated, use active_count() instead', enumerateThreads(ctx).length)),
    settrace: noop('settrace'),
    setprofile: noop('setprofile'),
    stack_size: fn('stack_size', () => 0),
    excepthook: defaultExcepthook,
    __excepthook__: defaultExcepthook,
    ExceptHookArgs: exceptHookArgsType,
    _counter: 0,
    ...SYNC_EXPORTS,
  });
  // The main thread's Thread object, as threading creates it on import.
  const k = (vm.host as unknown as { kernel?: import('../kernel/threads').K }).kernel;
  const main = new PyInstance(mainThreadType, new PyDict());
  const d = main.dict!;
  const kt = k ? k.s.threads[k.s.procs[Number(vm.ext.pid)]?.threads[0] ?? ''] : undefined;
  d.setStr('_target', null);
  d.setStr('_name', 'MainThread');
  d.setStr('_args', new PyTuple([]));
  d.setStr('_kwargs', new PyDict());
  d.setStr('_daemonic', false);
  d.setStr('_ident', kt ? kt.ident : null);
  d.setStr('_native_id', kt ? kt.nativeId : null);
  d.setStr('_tid', kt ? kt.tid : null);
  d.setStr('_started', true);
  d.setStr('_is_stopped', false);
  d.setStr('_initialized', true);
  if (kt && kt.pyThread === undefined) kt.pyThread = main;
  m.dict.setStr('_main_thread', main);
  return m;
}
