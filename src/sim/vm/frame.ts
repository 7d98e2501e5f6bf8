// Execution state (plain data) and the native-code calling conventions.
//
// A thread's execution state is a linked list of frames (`back` pointers) from its top
// frame. Python frames hold code, ip, value stack, locals, cells and the block stack.
// Native frames hold only `{ impl, state }`: `impl` names a registered NativeImpl
// (a state machine written in TS) and `state` is its whole state as plain data.

import type { CodeObject } from '../compiler/code';
import type { PyValue, StackValue, Sentinel } from './objects';
import type { PyDict } from './dict';
import type { PyCell, PyFunction, PyGenerator } from './function';
import type { PyBaseException } from './exceptions';
import type { VM } from './vm';

/** How a generator frame hands values back to whoever resumed it. */
export const enum GenMode {
  /** Resumed by next()/send()/throw() called as a function: a yield is that call's
   *  return value; returning raises StopIteration(value) in the caller. */
  CALL = 0,
  /** Resumed by the caller's FOR_ITER: a yield pushes the value and advances the caller
   *  past FOR_ITER; returning pops the iterator and jumps to the loop's end. */
  FOR_ITER = 1,
  /** Resumed by the caller's YIELD_FROM: a yield makes the caller yield the same value
   *  (its ip stays on YIELD_FROM); returning pops [subiter] and pushes the return value. */
  YIELD_FROM = 2,
}

/** A Python frame. */
export interface Frame {
  kind: 'py';
  code: CodeObject;
  /** Index of the next instruction to execute. */
  ip: number;
  /** Index of the instruction being executed / last executed (for tracebacks). */
  lasti: number;
  stack: StackValue[];
  /** Fast locals by slot (code.varnames); UNBOUND when unset. */
  locals: (PyValue | Sentinel)[];
  /** cellvars ++ freevars. */
  cells: PyCell[];
  /** Block stack, flattened: [handler0, level0, handler1, level1, ...]. */
  blocks: number[];
  globals: PyDict;
  builtins: PyDict;
  /** The locals mapping of module and class bodies (LOAD_NAME / STORE_NAME); else null. */
  ns: PyDict | null;
  back: AnyFrame | null;
  func: PyFunction | null;
  /** Set when this is a generator's frame. */
  gen: PyGenerator | null;
  genMode: GenMode;
  /** Pending KW_NAMES for the next CALL. */
  kwnames: string[] | null;
  /** UNBOUND, or the value this frame returns instead of its own return value (the
   *  instance for an `__init__` frame called by type.__call__ — which must return None —
   *  and the module for a module body run by import). */
  retOverride: PyValue | Sentinel;
}

/** A native frame: a resumable built-in waiting for the result of a call it requested. */
export interface NativeFrame {
  kind: 'native';
  /** Registered NativeImpl id. */
  impl: string;
  /** Its whole state: plain data only (PyValues, numbers, strings, arrays, plain objects). */
  state: Record<string, unknown>;
  back: AnyFrame | null;
  /** The result (or exception) to hand to the next resume. */
  value: PyValue;
  exc: PyBaseException | null;
}

export type AnyFrame = Frame | NativeFrame;

/** What a native function/impl can return besides a value. */
export class NativeFrameStart {
  constructor(
    /** NativeImpl id (registerNativeImpl). */
    readonly impl: string,
    /** Initial state (plain data). The impl's resume is called at once with value null. */
    readonly state: Record<string, unknown>,
  ) {}
}

/** A native frame asks the VM to call `callee(*args)`; the result (or exception) comes
 *  back on the next resume. */
export class NativeCall {
  constructor(readonly callee: PyValue, readonly args: PyValue[], readonly kwnames: string[] | null = null) {}
}

/** A kernel service request (lock acquire, sleep, fork, ...). The instruction ends and the
 *  thread is suspended; the kernel resumes it with resumeWith / resumeWithException, and
 *  the value is delivered exactly as a return value of the call that made the request. */
export class SyscallRequest {
  constructor(
    /** e.g. 'lock.acquire', 'time.sleep', 'os.fork' — defined by the kernel. */
    readonly name: string,
    /** Plain data for the kernel (may include PyValues). */
    readonly payload: Record<string, unknown> = {},
  ) {}
}

export type NativeResult = PyValue | NativeFrameStart | SyscallRequest;

/** Handed to every builtin. */
export interface CallContext {
  vm: VM;
  thread: PyThreadState;
}

/** A builtin function. `kwnames`: the last kwnames.length of `args` are keyword arguments
 *  with these names (null when there are none). Methods get `self` as args[0]. */
export type NativeFn = (ctx: CallContext, args: PyValue[], kwnames: string[] | null) => NativeResult;

/** The state machine behind a native frame. `resume` is called first with value null and
 *  exc null, then after each NativeCall/SyscallRequest with its result, or with exc set
 *  when it raised (value null). It answers with a value (the frame returns it), NO_RESULT
 *  (returns without pushing anything), a NativeCall, a SyscallRequest, or a
 *  NativeFrameStart (a nested native frame whose result comes back like a call's); or it
 *  throws a PyException. The default for `exc` is to rethrow: `if (exc) throw new PyException(exc)`. */
export interface NativeImpl {
  resume(
    ctx: CallContext,
    state: Record<string, unknown>,
    value: PyValue,
    exc: PyBaseException | null,
  ): PyValue | Sentinel | NativeCall | SyscallRequest | NativeFrameStart;
}

export type ThreadStatus = 'runnable' | 'syscall' | 'finished' | 'died';

/** A thread of execution inside one VM (process). Plain data. */
export interface PyThreadState {
  id: number;
  /** Top frame; null when finished. */
  frame: AnyFrame | null;
  /** Number of Python frames on the stack (recursion limit). */
  depth: number;
  /** The exception currently being handled (sys.exc_info()), or null. */
  excInfo: PyBaseException | null;
  status: ThreadStatus;
  /** The pending kernel request while status === 'syscall'. */
  syscall: SyscallRequest | null;
  /** Return value of the bottom frame when finished. */
  result: PyValue;
  /** The uncaught exception when died. */
  uncaught: PyBaseException | null;
  /** Set while the uncaught-exception hook prints the traceback (status becomes 'died'
   *  when it finishes). */
  dying: PyBaseException | null;
  /** 'print': an uncaught exception is printed CPython-style on sys.stderr before the
   *  thread dies; 'none': the thread dies at once (the kernel reports it itself). */
  hook: 'print' | 'none';
  /** Accumulated virtual cost of executed instructions (cost.ts units); the kernel
   *  consumes and resets it. */
  cost: number;
  /** Instructions executed. */
  steps: number;
  /** Objects whose repr is in progress (reprs of self-containing containers print [...]). */
  reprActive: PyValue[];
  /** Kernel-owned bookkeeping (name, daemon, ...). The VM never reads it. */
  ext: Record<string, unknown>;
}
