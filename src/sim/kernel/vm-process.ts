// The VM side of processes and signals (issue 6), used by VmEngine (vm-engine.ts):
//   forkVm            os.fork: a deep copy of a process's VM with only the calling thread
//   pendingOutput     the unflushed text of sys.stdout/sys.stderr (copied by fork, lost by
//                     os._exit and by a death by signal)
//   runSignalHandlers runs Python signal handlers in the main thread before its next
//                     instruction, or in place of a blocking call a signal interrupted
//
// Python handlers live in the VM (`vm.ext.signalHandlers[signum]`, set by the signal
// module), so fork copies them with the heap; the kernel keeps only the dispositions.

import { E, PyBaseException, PyException, frameType, newException } from '../vm/exceptions';
import type { AnyFrame, NativeFrame, PyThreadState } from '../vm/frame';
import { NativeCall, SyscallRequest } from '../vm/frame';
import { PyBoundMethod, PyBuiltinFunction, PyFunction } from '../vm/function';
import { NO_RESULT, PyObject, type PyValue } from '../vm/objects';
import { deepCopy } from '../vm/snapshot';
import { registerClass, registerNativeImpl } from '../vm/types';
import type { VM } from '../vm/vm';
import type { Continuation } from './proc-state';
import { SIGINT } from './signal-table';

/** Syscalls the handler frame makes so that the trace shows when each handler runs. */
export const SIG_ENTER = 'signal.handler.enter';
export const SIG_EXIT = 'signal.handler.exit';

// ───────────────────────────── fork ─────────────────────────────

export interface ForkedVm {
  vm: VM;
  thread: PyThreadState;
  /** copies of `extra`, made with the same identity map as the heap */
  extra: unknown[];
}

/**
 * Copies `vm` with its heap and the thread `thread` only (suspended in the fork call).
 * `extra` values (the caller's Python Thread object, items of kernel queues...) are copied
 * consistently with the heap. Kernel object ids held by Python objects (`kid` fields and
 * `_kid` attributes, see modules/_thread.ts) are renamed with `rename`: the child's
 * threading locks, events and queues are its own copies. `rename[tid]` of the forking
 * thread is its tid in the child (`#ident`: its ident there; like CPython's _after_fork, the
 * native id is left as it was).
 */
export function forkVm(vm: VM, thread: PyThreadState, extra: unknown[], rename: Record<string, string>): ForkedVm {
  const memo = new Map<object, object>();
  const [cvm, ct, ...cextra] = deepCopy([vm, thread, ...extra] as unknown[], memo) as [VM, PyThreadState, ...unknown[]];
  ct.ext = {};
  for (const c of memo.values()) {
    if (!(c instanceof PyObject)) continue;
    const o = c as PyObject & { kid?: unknown };
    if (typeof o.kid === 'string' && rename[o.kid] !== undefined) o.kid = rename[o.kid];
    const d = o.dict;
    if (!d) continue;
    const kid = d.getStr('_kid');
    if (typeof kid === 'string' && rename[kid] !== undefined) d.setStr('_kid', rename[kid]!);
    // threading.Thread objects (modules/threading.ts): the forking thread is the child's
    // main thread; the others did not survive the fork (threading._after_fork)
    const tid = d.getStr('_tid');
    if (typeof tid === 'string' && d.getStr('_started') !== undefined) {
      if (rename[tid] !== undefined) {
        d.setStr('_tid', rename[tid]!);
        if (rename['#ident'] !== undefined) d.setStr('_ident', Number(rename['#ident']));
      } else d.setStr('_is_stopped', true);
    }
  }
  return { vm: cvm, thread: ct, extra: cextra };
}

/** The unflushed text of the standard streams; `discard` empties the buffers. */
export function pendingOutput(vm: VM, discard: boolean): { stdout: string; stderr: string } {
  const r = { stdout: vm.stdout.buffer, stderr: vm.stderr.buffer };
  if (discard) {
    for (const s of [vm.stdout, vm.stderr]) {
      s.buffer = '';
      s.bufferBytes = 0;
    }
  }
  return r;
}

/** The syscall a thread is suspended in. */
export function pendingSyscall(t: PyThreadState): { name: string; payload: Record<string, unknown> } | null {
  return t.status === 'syscall' && t.syscall ? { name: t.syscall.name, payload: t.syscall.payload } : null;
}

// ───────────────────────────── signal handlers ─────────────────────────────

/** The Python-level handlers of a process (signal module state). */
export function signalHandlers(vm: VM): Record<number, PyValue> {
  let h = vm.ext.signalHandlers as Record<number, PyValue> | undefined;
  if (!h) {
    h = {};
    vm.ext.signalHandlers = h;
  }
  return h;
}

/** A handler's name for the trace ("handler", "<lambda>", "default_int_handler"). */
export function handlerName(v: PyValue | undefined): string {
  if (v === undefined) return 'default_int_handler';
  if (v instanceof PyFunction || v instanceof PyBuiltinFunction) return v.name;
  if (v instanceof PyBoundMethod) return handlerName(v.func);
  if (v instanceof PyObject) return v.cls.name;
  return String(v);
}

/**
 * Makes `t` (the main thread) run the handlers of `signums`, in order, before anything
 * else. Between instructions the frame returns nothing (the interrupted code goes on as
 * if nothing happened); for a thread suspended in a blocking call a signal interrupted,
 * `cont` says how that call ends when the handlers return: it is made again (PEP 475) or
 * returns a value (signal.pause). An exception from a handler propagates from the point
 * where the thread was: the next instruction, or the blocking call.
 */
export function runSignalHandlers(vm: VM, t: PyThreadState, signums: number[], cont: Continuation | null): void {
  const top = t.frame;
  const st: Record<string, unknown> = { sigs: signums.slice(), i: 0, phase: 'enter', cont, exc: null };
  if (t.status === 'finished') {
    // the main thread's code is done and it waits for the other threads (threading._shutdown)
    t.status = 'runnable';
  } else if (t.status === 'syscall') {
    // the blocking call is abandoned; the handler frame finishes it
    t.status = 'runnable';
    t.syscall = null;
  } else if (top && top.kind === 'native') {
    // a native frame waits to be resumed with a value: keep it for after the handlers
    st.saved = { value: top.value, exc: top.exc };
  }
  const nf: NativeFrame = { kind: 'native', impl: 'signal.handlers', state: st, back: top, value: null, exc: null };
  t.frame = nf;
}

/** The frame object passed as the handler's second argument (an opaque stand-in). */
export class PyFrameObject extends PyObject {
  constructor() {
    super(frameType);
  }
}
registerClass('PyFrameObject', PyFrameObject);

function frameArg(t: PyThreadState): PyValue {
  for (let f: AnyFrame | null = t.frame; f; f = f.back) if (f.kind === 'py') return new PyFrameObject();
  return null;
}

registerNativeImpl('signal.handlers', {
  resume(ctx, st, value, exc) {
    const sigs = st.sigs as number[];
    for (;;) {
      switch (st.phase) {
        case 'enter': {
          const i = st.i as number;
          if (i >= sigs.length) {
            st.phase = 'done';
            continue;
          }
          const h = signalHandlers(ctx.vm)[sigs[i]!];
          st.phase = 'call';
          return new SyscallRequest(SIG_ENTER, { signum: sigs[i], handler: handlerName(h) });
        }
        case 'call': {
          const sig = sigs[st.i as number]!;
          const h = signalHandlers(ctx.vm)[sig];
          st.phase = 'called';
          // no Python-level handler for SIGINT: signal.default_int_handler
          if (h === undefined && sig === SIGINT) return resumeCalled(st, null, keyboardInterrupt());
          if (h === undefined || typeof h === 'number' || typeof h === 'boolean') {
            // the disposition changed since the signal was taken: nothing to run
            return resumeCalled(st, null, null);
          }
          return new NativeCall(h, [sig, frameArg(ctx.thread)]);
        }
        case 'called':
          return resumeCalled(st, value, exc);
        case 'exited': {
          if (exc) throw new PyException(exc);
          const raised = st.exc as PyBaseException | null;
          const cont = st.cont as Continuation | null;
          if (raised && cont && cont.kind === 'retry' && cont.onError) {
            st.phase = 'restored';
            return new SyscallRequest(cont.onError.name, cont.onError.payload);
          }
          if (raised) throw new PyException(raised);
          st.i = (st.i as number) + 1;
          st.phase = 'enter';
          continue;
        }
        case 'done': {
          const cont = st.cont as Continuation | null;
          if (cont && cont.kind === 'retry') {
            st.phase = 'retried';
            return new SyscallRequest(cont.name, cont.payload);
          }
          if (cont && cont.kind === 'value') return cont.value as PyValue;
          const saved = st.saved as { value: PyValue; exc: PyBaseException | null } | undefined;
          if (saved) {
            if (saved.exc) throw new PyException(saved.exc);
            return saved.value;
          }
          return NO_RESULT;
        }
        case 'retried':
          if (exc) throw new PyException(exc);
          return value;
        case 'restored':
          throw new PyException((exc ?? st.exc) as PyBaseException);
        default:
          throw new Error(`signal.handlers: bad phase ${String(st.phase)}`);
      }
    }
  },
});

/** After a handler returned (or raised): report its exit; an exception ends the frame,
 * handing the signals not handled yet back to the kernel (they stay pending). */
function resumeCalled(st: Record<string, unknown>, _value: PyValue, exc: PyBaseException | null): SyscallRequest {
  const sigs = st.sigs as number[];
  const i = st.i as number;
  st.phase = 'exited';
  st.exc = exc;
  const payload: Record<string, unknown> = { signum: sigs[i] };
  if (exc) {
    payload.raised = exc.cls.name;
    payload.rest = sigs.slice(i + 1);
  }
  return new SyscallRequest(SIG_EXIT, payload);
}

export function keyboardInterrupt(): PyBaseException {
  return newException(E.KeyboardInterrupt);
}
