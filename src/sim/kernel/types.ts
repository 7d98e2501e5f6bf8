// The kernel's state: processes, threads, blocking objects, timers. Plain data only (no
// closures, no class instances), so that a machine can be snapshotted, hashed and, for
// os.fork, partly copied. The interpreter's own state (frames, heap) lives behind opaque
// `handle`s owned by the Engine (engine.ts).

import type { BlockKind, BlockOn, Loc, ProcessState, TraceEvent } from '../../trace/format';
import type { Clock, TimerQueue } from './clock';
import type { GilState } from './gil';
import type { SchedulerState, PreemptionMode, StrategyName } from './scheduler';
import type { WaitForGraph } from './waitfor';
import type { EngineStop } from './engine';
import type { SyncObject } from './sync';
import type { ProcExt } from './proc-state';
import type { IpcState } from './ipc';

/** pid of the script's process (pid 1 is the simulated init that adopts orphans). */
export const DEFAULT_MAIN_PID = 1000;

export type KThreadState = 'ready' | 'running' | 'blocked' | 'finished';

/** An error the kernel raises in a Python thread. `cls` (an engine-specific class object,
 * e.g. queue.Empty passed by a module) wins over `type` (a builtin exception name). */
export interface KError {
  type: string;
  message?: string;
  cls?: unknown;
  /** extra constructor arguments (errno...) */
  args?: unknown[];
}

/** What a thread gets when it runs again after a syscall. */
export type Resume = { kind: 'value'; value: unknown } | { kind: 'error'; error: KError };

/** Why a thread is blocked and how to finish its syscall when it wakes. */
export interface KBlock {
  on: BlockOn;
  /** key of the kernel object (sync object id, "join:<tid>", "sleep") */
  key: string;
  /** the syscall that blocked ('lock.acquire', 'time.sleep', ...) */
  op: string;
  /** timeout timer id, or null */
  timer: number | null;
  /** line of the blocking call */
  loc?: Loc;
  /** op-specific data kept while blocked (e.g. an RLock count to restore) */
  data: Record<string, unknown>;
}

export interface KThread {
  tid: string;
  pid: number;
  /** n in "pid:n" */
  n: number;
  name: string;
  daemon: boolean;
  main: boolean;
  state: KThreadState;
  /** the engine's thread (VM thread state) */
  handle: unknown;
  block: KBlock | null;
  /** result to deliver before it next runs */
  resume: Resume | null;
  /** threading.get_ident() */
  ident: number;
  /** threading.get_native_id() (Linux TID; shares the pid number space) */
  nativeId: number;
  /** tid of the thread that started it */
  parent?: string;
  /** the Python Thread object (for current_thread()), if a module registered one */
  pyThread?: unknown;
  /** uncaught exception type name when it died */
  exception?: string;
  /** the main thread finished its code and waits for non-daemon threads (shutdown) */
  shuttingDown?: boolean;
  /** instructions executed */
  steps: number;
  /** virtual CPU time consumed (ns): time.thread_time() */
  cpuNs: number;
}

export interface KProcess {
  pid: number;
  ppid: number;
  name: string;
  state: ProcessState;
  gil: GilState;
  /** tids in creation order */
  threads: string[];
  nextThreadN: number;
  /** the engine's process (VM) */
  handle: unknown;
  /** the core it runs on, or null (no thread of it holds the GIL, or no core free) */
  core: number | null;
  /** the local virtual time of its running thread (>= clock.now while it runs) */
  time: number;
  /** exit status once exited */
  exitStatus: number | null;
  exited: boolean;
  /** text written to the standard streams and not flushed yet (io.ts) */
  out: { stdout: string; stderr: string };
  /** while it has a core and other processes wait for one: when its time slice ends */
  sliceEnd?: number;
  /** since when it waits for a core (round-robin order) */
  coreWaitSince?: number;
  /** how its last batch of instructions ended, handled when its time comes (the loop
   * processes everything in time order) */
  deferred: EngineStop | null;
  /** issue 6: process group, stop state, wait status, signals, fd table (proc-state.ts;
   * created on first use by `px`) */
  x?: ProcExt;
}

/** What a timer does when it fires. */
export type TimerPayload =
  | { kind: 'timeout'; tid: string }
  | { kind: 'wake'; tid: string }
  | { kind: 'retry'; key: string }
  /** issue 6: alarms, itimers and scheduled external signals (a handler registered with
   * registerTimer, signals.ts) */
  | { kind: 'ext'; name: string; data: Record<string, unknown> };

export interface MachineOptions {
  /** script name, as shown in the trace and tracebacks */
  file: string;
  strategy: StrategyName;
  preemption: PreemptionMode;
  seed: number;
  /** replay: the schedule string */
  schedule?: string;
  cores: number;
  switchIntervalNs: number;
  /** stop after this many instructions (outcome 'limit') */
  maxSteps: number;
  /** stop when virtual time passes this (outcome 'limit'; default 24 h) */
  maxTimeNs: number;
  /** wake-up latency of a thread blocked on a lock/semaphore/queue/condition after the
   * release (a futex wake, a few us): a running thread may take the object back first, as
   * in CPython. 0 = direct handoff to the first waiter. */
  wakeLatencyNs: number;
  /** cost of a GIL handoff between threads (a context switch) */
  gilHandoffNs: number;
  /** virtual ns per unit of the engine's instruction cost */
  nsPerCost: number;
  mainPid: number;
  ppid: number;
  epochNs: number;
  stdout: 'tty' | 'pipe';
}

export type RunOutcome = 'exit' | 'signal' | 'deadlock' | 'hang' | 'limit' | 'error';

export interface MachineState {
  opts: MachineOptions;
  /** issue 6: pipes, connections and shared memory (ipc.ts; created on first use) */
  ipc?: IpcState;
  clock: Clock;
  timers: TimerQueue<TimerPayload>;
  procs: Record<number, KProcess>;
  threads: Record<string, KThread>;
  /** blocking objects by id ("lock#3") */
  objects: Record<string, SyncObject>;
  /** per-kind counters for object ids */
  counters: Record<string, number>;
  wf: WaitForGraph;
  sched: SchedulerState;
  /** cores[i] = pid running on core i, or null */
  cores: (number | null)[];
  /** next pid / native thread id (they share one number space, as on Linux) */
  nextPid: number;
  steps: number;
  /** deadlock cycles already reported (cycleKey) */
  reported: Record<string, true>;
  /** set when the run is over */
  outcome: RunOutcome | null;
  exitCode: number;
  /** a decision waiting for an external choice (manual strategy) */
  pending: { pid: number; candidates: string[]; current: string | null; cpython: string } | null;
  /** trace sequence number of the next event */
  seq: number;
  lastT: number;
}

/** Where trace events and program output go. */
export interface MachineSinks {
  /** every trace event, in order */
  event?: (e: TraceEvent) => void;
  /** visible program output (after buffering) */
  output?: (stream: 'stdout' | 'stderr', text: string, pid: number) => void;
}

/** Converts a block kind and id to the BlockOn of a trace event. */
export function blockOn(kind: BlockKind, id: string, name?: string, line?: number): BlockOn {
  const on: BlockOn = { kind, id };
  if (name !== undefined) on.name = name;
  if (line !== undefined) on.line = line;
  return on;
}
