// The interface between the kernel and the interpreter that executes Python threads.
//
// The kernel never looks inside a thread: it asks the Engine to run a thread for a while
// and learns why it stopped (a budget ran out, an eval-breaker point, a syscall request,
// the thread finished or died). The real implementation wraps the VM (vm-engine.ts); the
// unit tests use a scripted fake. Handles are opaque to the kernel.

import type { Loc } from '../../trace/format';
import type { Continuation } from './proc-state';
import type { Resume } from './types';

export interface RunLimits {
  /** at most this many instructions */
  maxSteps: number;
  /** stop once the accumulated cost (engine units) reaches this; checked after each
   * instruction, so at least one instruction always runs */
  maxCost: number;
  /** stop right after an eval-breaker instruction (a preemption point in `cpython` mode) */
  stopAtBreaker: boolean;
}

export type EngineStop =
  /** a limit was reached; the thread can go on */
  | { kind: 'limit' }
  /** the last instruction was an eval-breaker point (and stopAtBreaker was set) */
  | { kind: 'breaker' }
  /** the last instruction asked the kernel for a service */
  | { kind: 'syscall'; name: string; payload: Record<string, unknown> }
  /** the thread's bottom frame returned */
  | { kind: 'finished' }
  /** an exception escaped the thread; `excType` is its type name ("SystemExit", ...) */
  | { kind: 'died'; excType: string }
  /** the engine cannot go on (e.g. the output limit): the run ends with outcome 'limit' */
  | { kind: 'abort'; message: string };

export interface RunResult {
  stop: EngineStop;
  steps: number;
  /** cost of the executed instructions, engine units (times MachineOptions.nsPerCost) */
  cost: number;
}

/** Where a new object's creating call stores it: `lock_a = Lock()` -> {name: 'lock_a'}. */
export interface StoreTarget {
  name?: string;
  line?: number;
}

export interface Engine {
  /** Runs thread `thread` of process `proc` (the thread holds the GIL). */
  run(proc: unknown, thread: unknown, limits: RunLimits): RunResult;
  /** Delivers the result of the thread's pending syscall (a value or an exception). */
  resume(proc: unknown, thread: unknown, r: Resume): void;
  /** The current source location of the thread (for the trace and reports). */
  loc(proc: unknown, thread: unknown): Loc | undefined;
  /** During a syscall: the variable the calling instruction's result is about to be
   * stored into, and the line of the call (names objects in reports). */
  storeTarget(proc: unknown, thread: unknown): StoreTarget;
  /**
   * An exception escaped a thread. Returns what CPython prints on stderr (main thread: the
   * traceback or the SystemExit message; other threads: threading.excepthook's "Exception
   * in thread NAME:" and traceback; nothing for SystemExit in a thread) and the exit
   * status the process gets if this is its main thread (SystemExit's code, else 1).
   */
  uncaught(proc: unknown, thread: unknown, info: { main: boolean; name: string }): { status: number; stderr: string };
  /** `a < b` for priority queues, without calling Python; undefined when it cannot tell. */
  lessThan?(a: unknown, b: unknown): boolean | undefined;
  /** The kernel created thread `tid` for the engine's `thread` (the main thread at boot,
   * one started by thread.start). */
  bindThread?(proc: unknown, thread: unknown, tid: string): void;
  /** The process exits normally, or the run is stopped (deadlock, hang, limit): flush
   * what CPython flushes at exit (sys.stdout...). */
  processExit?(proc: unknown): void;

  // ── issue 6: processes and signals (process.ts, signals.ts; VM side in vm-process.ts) ──
  /** os.fork: a copy of `proc` whose only thread is a copy of `thread` (suspended in the
   * fork call). `extra` values are copied with the heap (same identity map); kernel
   * object ids held by Python objects are renamed with `rename`. */
  fork?(proc: unknown, thread: unknown, pid: number, extra: unknown[], rename: Record<string, string>): { proc: unknown; thread: unknown; extra: unknown[] };
  /** The unflushed text of the standard streams (`discard`: empty them — os._exit, kill). */
  pendingOutput?(proc: unknown, discard: boolean): { stdout: string; stderr: string };
  /** Runs the Python handlers of `signums` in the main thread `thread` before its next
   * instruction; `cont` when a signal interrupted the blocking call it is suspended in. */
  runSignalHandlers?(proc: unknown, thread: unknown, signums: number[], cont: Continuation | null): void;
  /** The syscall the thread is suspended in (to make it again after a handler: PEP 475). */
  pendingSyscall?(thread: unknown): { name: string; payload: Record<string, unknown> } | null;
}
