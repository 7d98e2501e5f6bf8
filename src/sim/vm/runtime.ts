// Frame-stack mechanics shared by the interpreter loop and native frames: calling any
// callable, pushing frames, delivering results, raising/unwinding, generators.
// No JS recursion across Python calls: callees are pushed as frames and their results are
// delivered to the frame below when they return.

import { CodeFlags } from '../compiler/code';
import {
  PyObject, PyType, PyValue, Sentinel, NULL, UNBOUND, PUSHED, SUSPENDED, NO_RESULT, typeOf,
  typeType, objectType, newTuple, isSubtype,
} from './objects';
import {
  PyFunction, PyBuiltinFunction, PyBoundMethod, PyGenerator, PyStaticMethod, PyClassMethod,
} from './function';
import {
  E, PyBaseException, PyException, PyTraceback, pyErr, newException,
} from './exceptions';
import {
  GenMode, NativeCall, NativeFrameStart, SyscallRequest, type AnyFrame, type CallContext, type Frame,
  type NativeFrame, type PyThreadState,
} from './frame';
import { bindFrame } from './call';
import { UnhashableError } from './dict';
import { lookupType, typeName, isObjectDefault } from './protocol';
import type { VM } from './vm';
import { startExceptHook } from './traceback';

export function lineOf(f: Frame, ip: number = f.lasti): number {
  const p = f.code.positions[ip];
  return p ? p.line : f.code.firstLine;
}

// ------------------------------------------------------------------ pushing frames

export function pushPyFrame(ctx: CallContext, fr: Frame): void {
  const t = ctx.thread;
  if (t.depth >= ctx.vm.recursionLimit) {
    throw pyErr(E.RecursionError, 'maximum recursion depth exceeded');
  }
  fr.back = t.frame;
  t.frame = fr;
  t.depth++;
}

export function pushNativeFrame(ctx: CallContext, start: NativeFrameStart): void {
  const t = ctx.thread;
  const nf: NativeFrame = { kind: 'native', impl: start.impl, state: start.state, back: t.frame, value: null, exc: null };
  t.frame = nf;
}

/** Handles what a builtin returned: a value (returned), a native frame (pushed: PUSHED)
 *  or a syscall (thread suspended: SUSPENDED). */
export function nativeResult(ctx: CallContext, r: PyValue | NativeFrameStart | SyscallRequest): PyValue | Sentinel {
  if (r !== null && typeof r === 'object' && !(r instanceof PyObject)) {
    if (r instanceof NativeFrameStart) {
      pushNativeFrame(ctx, r);
      return PUSHED;
    }
    if (r instanceof SyscallRequest) {
      ctx.thread.status = 'syscall';
      ctx.thread.syscall = r;
      return SUSPENDED;
    }
    throw new Error(`builtin returned a non-Python value: ${String(r)}`);
  }
  return r as PyValue;
}

/** Calls any callable. Returns the result, PUSHED (a frame was pushed; its result will be
 *  delivered to the current top frame) or SUSPENDED (syscall). */
export function callValue(ctx: CallContext, callee: PyValue, args: PyValue[], kwnames: string[] | null): PyValue | Sentinel {
  for (;;) {
    if (callee instanceof PyFunction) {
      const fr = bindFrame(callee, args, kwnames, ctx.vm.builtins, null);
      if (callee.code.flags & CodeFlags.GENERATOR) return new PyGenerator(fr, callee.code);
      pushPyFrame(ctx, fr);
      return PUSHED;
    }
    if (callee instanceof PyBuiltinFunction) return nativeResult(ctx, callee.fn(ctx, args, kwnames));
    if (callee instanceof PyBoundMethod) {
      args = [callee.self, ...args];
      callee = callee.func;
      continue;
    }
    if (callee instanceof PyType) {
      const meta = callee.cls;
      if (meta !== typeType) {
        // a metaclass may define __call__ (Enum's Color(2))
        const mc = lookupType(meta, '__call__');
        if (mc !== undefined && mc !== typeType.ns.get('__call__')) {
          args = [callee, ...args];
          callee = mc;
          continue;
        }
      }
      return typeCall(ctx, callee, args, kwnames);
    }
    if (callee instanceof PyStaticMethod) {
      callee = callee.func;
      continue;
    }
    if (callee instanceof PyClassMethod) {
      throw pyErr(E.TypeError, "'classmethod' object is not callable");
    }
    const call = callee === null || typeof callee !== 'object' ? undefined : lookupType(callee.cls, '__call__');
    if (call === undefined || call === null) throw pyErr(E.TypeError, `'${typeName(callee)}' object is not callable`);
    if (call instanceof PyBuiltinFunction && call.kind === 'function') {
      callee = call;
      continue;
    }
    args = [callee, ...args];
    callee = call;
  }
}

/** type.__call__(cls, *args, **kw). */
export function typeCall(ctx: CallContext, cls: PyType, args: PyValue[], kwnames: string[] | null): PyValue | Sentinel {
  if (cls === typeType && args.length === 1 && kwnames === null) return typeOf(args[0]!);
  const newM = lookupType(cls, '__new__');
  const initM = lookupType(cls, '__init__');
  const objNew = objectType.ns.get('__new__');
  const objInit = objectType.ns.get('__init__');
  if (newM === objNew && initM === objInit && args.length > 0) {
    throw pyErr(E.TypeError, `${cls.name}() takes no arguments`);
  }
  if (!(newM instanceof PyBuiltinFunction)) {
    // a Python __new__ (stored as staticmethod): run new then init in a native frame
    return nativeResult(ctx, new NativeFrameStart('vm.typeCall', { cls, args, kwnames, phase: 0 }));
  }
  const r = newM.fn(ctx, [cls, ...args], kwnames);
  if (r instanceof NativeFrameStart) {
    return nativeResult(ctx, new NativeFrameStart('vm.typeCall', { cls, args, kwnames, phase: 0, newStart: r }));
  }
  if (r instanceof SyscallRequest) return nativeResult(ctx, r);
  const obj = r as PyValue;
  if (initM === objInit || initM === undefined || !isSubtype(typeOf(obj), cls)) return obj;
  return callInit(ctx, initM, obj, args, kwnames);
}

/** Calls __init__(obj, *args) and answers obj (PUSHED when a frame was pushed). */
export function callInit(ctx: CallContext, initM: PyValue, obj: PyValue, args: PyValue[], kwnames: string[] | null): PyValue | Sentinel {
  if (initM instanceof PyFunction && !(initM.code.flags & CodeFlags.GENERATOR)) {
    const fr = bindFrame(initM, [obj, ...args], kwnames, ctx.vm.builtins, null);
    fr.retOverride = obj;
    pushPyFrame(ctx, fr);
    return PUSHED;
  }
  if (initM instanceof PyBuiltinFunction) {
    const r = initM.fn(ctx, [obj, ...args], kwnames);
    if (r instanceof NativeFrameStart || r instanceof SyscallRequest) {
      // the builtin __init__ continues in a native frame (or a syscall): finish it there
      return nativeResult(ctx, new NativeFrameStart('vm.initResult', { obj, start: r, phase: 0 }));
    }
    if (r !== null) throw pyErr(E.TypeError, `__init__() should return None, not '${typeName(r as PyValue)}'`);
    return obj;
  }
  return nativeResult(ctx, new NativeFrameStart('vm.initResult', { obj, callee: initM, args: [obj, ...args], kwnames, phase: 0 }));
}

// ------------------------------------------------------------------ delivering results

/** Delivers a returned value to the (new) top frame. */
export function deliver(t: PyThreadState, v: PyValue | Sentinel): void {
  const top = t.frame;
  if (top === null) {
    if (t.dying !== null) {
      t.status = 'died';
      t.uncaught = t.dying;
      t.dying = null;
      return;
    }
    t.status = 'finished';
    t.result = v instanceof Sentinel ? null : v;
    return;
  }
  if (top.kind === 'py') {
    if (v !== NO_RESULT) top.stack.push(v);
  } else {
    top.value = v instanceof Sentinel ? null : v;
    top.exc = null;
  }
}

/** Runs a Deferred's call or native frame for the current top frame: the result will be
 *  delivered to it (immediately when synchronous). */
export function runDeferred(ctx: CallContext, d: NativeCall | NativeFrameStart): void {
  if (d instanceof NativeFrameStart) {
    pushNativeFrame(ctx, d);
    return;
  }
  const r = callValue(ctx, d.callee, d.args, d.kwnames);
  if (r === PUSHED || r === SUSPENDED) return;
  deliver(ctx.thread, r);
}

// ------------------------------------------------------------------ exceptions

/** Sets __context__ to the exception being handled (avoiding cycles), as CPython does
 *  when an exception is raised. */
export function chainContext(t: PyThreadState, exc: PyBaseException): void {
  const cur = t.excInfo;
  if (cur === null || cur === exc) return;
  // break cycles: remove exc from cur's context chain
  let o: PyBaseException = cur;
  for (let guard = 0; guard < 10000; guard++) {
    const c = o.context;
    if (c === null) break;
    if (c === exc) {
      o.context = null;
      break;
    }
    o = c;
  }
  exc.context = cur;
}

export function addTraceback(f: Frame, exc: PyBaseException): void {
  exc.traceback = new PyTraceback(f.code, f.lasti, lineOf(f), exc.traceback);
}

/** Raises `exc` in the current top frame. `fresh`: a new raise (adds a traceback entry
 *  for a Python top frame and sets __context__); false for re-raises. Unwinds to a
 *  handler, a native frame (which gets the exception on its next resume), or out of the
 *  thread (status 'died'). */
export function raiseInThread(ctx: CallContext, exc: PyBaseException, fresh: boolean): void {
  const t = ctx.thread;
  if (fresh) chainContext(t, exc);
  let f: AnyFrame | null = t.frame;
  let addTb = fresh;
  while (f !== null) {
    if (f.kind === 'native') {
      f.value = null;
      f.exc = exc;
      return;
    }
    if (addTb) addTraceback(f, exc);
    const blocks = f.blocks;
    if (blocks.length > 0) {
      const level = blocks.pop()!;
      const handler = blocks.pop()!;
      f.stack.length = level;
      f.stack.push(exc);
      f.ip = handler;
      f.kwnames = null;
      return;
    }
    // pop the frame
    t.frame = f.back;
    t.depth--;
    if (f.gen !== null) {
      exc = finishGeneratorOnException(t, f.gen, exc);
    }
    f = t.frame;
    addTb = true;
  }
  if (t.hook === 'print' && t.dying === null) {
    startExceptHook(t, exc);
    return;
  }
  t.status = 'died';
  t.uncaught = t.dying ?? exc;
  t.dying = null;
}

function finishGeneratorOnException(t: PyThreadState, gen: PyGenerator, exc: PyBaseException): PyBaseException {
  gen.frame = null;
  gen.running = false;
  leaveGenExc(t, gen);
  if (isSubtype(exc.cls, E.StopIteration)) {
    const r = newException(E.RuntimeError, 'generator raised StopIteration');
    r.cause = exc;
    r.context = exc;
    r.suppressContext = true;
    return r;
  }
  return exc;
}

/** Converts any throwable caught at the instruction boundary into a Python exception.
 *  Non-Python JS errors are internal errors and are rethrown. */
export function toPyException(e: unknown): PyBaseException {
  if (e instanceof PyException) return e.exc;
  if (e instanceof UnhashableError) return newException(E.TypeError, `unhashable type: '${e.typeName}'`);
  // Library helpers signal Python errors with LibError (src/sim/vm/lib/errors.ts).
  if (e !== null && typeof e === 'object' && 'pyType' in e && typeof (e as { pyType: unknown }).pyType === 'string') {
    const t = (E as Record<string, PyType>)[(e as { pyType: string }).pyType] ?? E.SystemError;
    return newException(t, (e as unknown as { message: string }).message);
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return newException(E.RecursionError, 'maximum recursion depth exceeded');
  }
  throw e;
}

// ------------------------------------------------------------------ generators

function enterGenExc(t: PyThreadState, gen: PyGenerator): void {
  const caller = t.excInfo;
  const mine = gen.savedExc as PyBaseException | null;
  gen.savedExc = caller;
  t.excInfo = mine ?? caller;
}

function leaveGenExc(t: PyThreadState, gen: PyGenerator): void {
  const caller = gen.savedExc as PyBaseException | null;
  const mine = t.excInfo;
  t.excInfo = caller;
  gen.savedExc = mine === caller ? null : mine;
}

/** Resumes a generator with `value` (pushed onto its stack unless just started).
 *  Returns false when the generator is already exhausted (nothing pushed). */
export function resumeGenerator(ctx: CallContext, gen: PyGenerator, value: PyValue, mode: GenMode): boolean {
  if (gen.running) throw pyErr(E.ValueError, 'generator already executing');
  const fr = gen.frame;
  if (fr === null) return false;
  if (!gen.started) {
    if (value !== null) throw pyErr(E.TypeError, "can't send non-None value to a just-started generator");
    gen.started = true;
  } else {
    fr.stack.push(value);
  }
  fr.genMode = mode;
  pushPyFrame(ctx, fr);
  gen.running = true;
  enterGenExc(ctx.thread, gen);
  return true;
}

/** Throws `exc` into a suspended generator (gen.throw). Pushes its frame and raises. */
export function throwIntoGenerator(ctx: CallContext, gen: PyGenerator, exc: PyBaseException, mode: GenMode): void {
  if (gen.running) throw pyErr(E.ValueError, 'generator already executing');
  const fr = gen.frame;
  if (fr === null) throw new PyException(exc);
  gen.started = true;
  fr.genMode = mode;
  pushPyFrame(ctx, fr);
  gen.running = true;
  enterGenExc(ctx.thread, gen);
  // delegate to a sub-generator suspended in YIELD_FROM
  const sub = fr.stack[fr.stack.length - 1];
  if (fr.code.ops[fr.ip] === YIELD_FROM_OP && sub instanceof PyGenerator && sub.frame !== null && !isSubtype(exc.cls, E.GeneratorExit)) {
    throwIntoGenerator(ctx, sub, exc, GenMode.YIELD_FROM);
    return;
  }
  raiseInThread(ctx, exc, true);
}
let YIELD_FROM_OP = -1;
export function setYieldFromOp(op: number): void {
  YIELD_FROM_OP = op;
}

/** A generator frame yields `v`: pops it and hands v to whoever resumed it. */
export function genYield(ctx: CallContext, f: Frame, v: PyValue): void {
  const t = ctx.thread;
  const gen = f.gen!;
  gen.running = false;
  leaveGenExc(t, gen);
  t.frame = f.back;
  t.depth--;
  f.back = null;
  const caller = t.frame!;
  switch (f.genMode) {
    case GenMode.CALL:
      deliver(t, v);
      return;
    case GenMode.FOR_ITER: {
      const c = caller as Frame;
      c.ip = c.lasti + 1;
      c.stack.push(v);
      return;
    }
    case GenMode.YIELD_FROM: {
      // the delegating generator yields v too; its ip stays on YIELD_FROM
      const c = caller as Frame;
      c.ip = c.lasti;
      genYield(ctx, c, v);
      return;
    }
  }
}

/** A generator frame returns `v`. */
export function genReturn(ctx: CallContext, f: Frame, v: PyValue): void {
  const t = ctx.thread;
  const gen = f.gen!;
  gen.running = false;
  gen.frame = null;
  leaveGenExc(t, gen);
  t.frame = f.back;
  t.depth--;
  const caller = t.frame!;
  switch (f.genMode) {
    case GenMode.CALL: {
      const exc = v === null ? newException(E.StopIteration) : newException(E.StopIteration, v);
      raiseInThread(ctx, exc, true);
      return;
    }
    case GenMode.FOR_ITER: {
      const c = caller as Frame;
      c.stack.pop();
      c.ip = c.code.args[c.lasti]!;
      return;
    }
    case GenMode.YIELD_FROM: {
      const c = caller as Frame;
      c.stack.pop();
      c.stack.push(v);
      c.ip = c.lasti + 1;
      return;
    }
  }
}

export { NULL, UNBOUND, newTuple, isObjectDefault };
export type { VM };

// ------------------------------------------------------------------ generator finalization

/** CPython closes a generator when its last reference goes away (refcounting): a
 *  generator abandoned by `break` runs its `finally` at once. We approximate this where
 *  it matters — a suspended generator with pending try/with blocks dropped by POP_TOP or
 *  `del` — by checking reachability from the VM and its threads; when unreachable, its
 *  close() runs now (pushed as a native frame whose result is discarded). Returns true
 *  when a frame was pushed. */
export function finalizeIfUnreachable(ctx: CallContext, gen: PyGenerator): boolean {
  if (gen.frame === null || !gen.started || gen.running || gen.frame.blocks.length === 0) return false;
  if (reachable(ctx.vm, gen)) return false;
  pushNativeFrame(ctx, new NativeFrameStart('vm.discard', { d: new NativeFrameStart('vm.genClose', { gen, phase: 0 }) }));
  return true;
}

function reachable(vm: VM, target: object): boolean {
  const seen = new Set<object>();
  const work: unknown[] = [vm.modules, vm.builtins, vm.stdout, vm.stderr];
  for (const t of vm.threads) work.push(t);
  while (work.length > 0) {
    const v = work.pop();
    if (v === null || typeof v !== 'object') continue;
    const o = v as object;
    if (o === target) return true;
    if (seen.has(o)) continue;
    seen.add(o);
    if (o instanceof PyType && o.builtin) continue;
    if (o instanceof PyBuiltinFunction || o instanceof Sentinel) continue;
    if (Array.isArray(o)) {
      for (const x of o) if (x !== null && typeof x === 'object') work.push(x);
    } else if (o instanceof Map) {
      for (const [k, x] of o) {
        if (k !== null && typeof k === 'object') work.push(k);
        if (x !== null && typeof x === 'object') work.push(x);
      }
    } else if (o instanceof Set) {
      for (const x of o) work.push(x);
    } else if (!('ops' in o && 'positions' in o)) {
      for (const key of Object.keys(o)) {
        if (key === 'host' || key === 'registry' || key === 'cache') continue;
        const x = (o as Record<string, unknown>)[key];
        if (x !== null && typeof x === 'object') work.push(x);
      }
    }
  }
  return false;
}
