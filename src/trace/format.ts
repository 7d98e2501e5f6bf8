/**
 * Threadline trace event format — version 1.
 *
 * THIS FILE IS THE SPEC. The TypeScript types below define every event the simulator
 * emits and every consumer (webview timeline, CLI `--trace`, golden tests, Chrome-trace
 * export) reads. Change it only together with TRACE_VERSION and every consumer.
 *
 * General rules
 * - A trace is a sequence of events, one JSON object each (JSONL on disk: one per line).
 * - `seq` is a global sequence number: integers starting at 0, strictly increasing by 1 in
 *   emission order. Consumers order by `seq`, never by `t`.
 * - `t` is the virtual time in nanoseconds (an integer >= 0). It never decreases along `seq`.
 * - `kind` is the discriminant. Unknown kinds are rejected by the validator (version bump).
 * - `pid` is the simulated process the event belongs to (0 = the kernel / terminal, only
 *   for `signal.send` from a keyboard or the kernel).
 * - `tid` identifies a thread as `"<pid>:<n>"`, n counting from 1 in creation order within
 *   the process ("1:1" is the main thread of pid 1). Thread names travel in `thread.start`
 *   and `thread.rename`; ids never change, names may.
 * - Object ids are stable strings `"<kind>#<n>"` (e.g. "lock#3", "queue#1", "pipe#2"), n
 *   counting from 1 per run in creation order, so the same program and seed give the same ids.
 * - Optional fields are omitted rather than set to null (except where `null` is a value).
 * - The first event is `run.start` (carries `version`), the last is `run.end`.
 *
 * Lifecycle a consumer may rely on:
 *   process:  process.start | process.fork  → process.state* → process.exit
 *             → process.zombie → (process.reparent)* → process.reap
 *   thread:   thread.start → thread.state* → thread.exit
 *   GIL:      gil.request → gil.acquire → (gil.release | gil.drop)   per thread, per process
 *   signal:   signal.send → signal.pend → signal.deliver
 *             → (signal.handler.enter → signal.handler.exit | signal.default)
 *   IPC:      ipc.send(msgId) … ipc.recv(msgId)
 *   output:   io.write → io.flush (now visible) | io.dup (copied into a fork child) | io.lost
 */

export const TRACE_VERSION = 1 as const;

/** Source location of a Python statement (1-based line). */
export interface Loc {
  file: string;
  line: number;
}

/** What a blocked thread waits on. `id` is an object id ("lock#3"), a thread id for
 * `join` ("1:2"), a pid for `wait` ("pid:12") or a free label for `sleep`/`pause`. */
export type BlockKind =
  | 'lock' | 'rlock' | 'condition' | 'semaphore' | 'event' | 'join' | 'queue' | 'sleep'
  | 'pipe' | 'wait' | 'pause' | 'barrier' | 'gil';

export const BLOCK_KINDS: readonly BlockKind[] = [
  'lock', 'rlock', 'condition', 'semaphore', 'event', 'join', 'queue', 'sleep',
  'pipe', 'wait', 'pause', 'barrier', 'gil',
];

export interface BlockOn {
  kind: BlockKind;
  id: string;
  /** Python variable name where known ("lock_a"). */
  name?: string;
  /** Line that created the object. */
  line?: number;
}

/** A synchronization / IPC object as it appears in events. Same shape as BlockOn. */
export type ObjRef = BlockOn;

export type ProcessState = 'R' | 'S' | 'T' | 'Z';
export const PROCESS_STATES: readonly ProcessState[] = ['R', 'S', 'T', 'Z'];

export type ThreadState = 'running' | 'ready' | 'blocked';
export const THREAD_STATES: readonly ThreadState[] = ['running', 'ready', 'blocked'];

export type GilReleaseReason = 'blocking' | 'exit' | 'voluntary';
export const GIL_RELEASE_REASONS: readonly GilReleaseReason[] = ['blocking', 'exit', 'voluntary'];

export type SyncOp =
  | 'create' | 'acquire' | 'release' | 'wait' | 'wake' | 'notify' | 'notify_all' | 'set'
  | 'clear' | 'put' | 'get' | 'task_done' | 'join' | 'abort' | 'reset' | 'timeout';
export const SYNC_OPS: readonly SyncOp[] = [
  'create', 'acquire', 'release', 'wait', 'wake', 'notify', 'notify_all', 'set',
  'clear', 'put', 'get', 'task_done', 'join', 'abort', 'reset', 'timeout',
];

export type SignalSource = 'kill' | 'alarm' | 'keyboard' | 'kernel' | 'raise' | 'user';
export const SIGNAL_SOURCES: readonly SignalSource[] = ['kill', 'alarm', 'keyboard', 'kernel', 'raise', 'user'];

export type SignalDefaultAction = 'terminate' | 'core' | 'stop' | 'continue' | 'ignore';
export const SIGNAL_DEFAULT_ACTIONS: readonly SignalDefaultAction[] = ['terminate', 'core', 'stop', 'continue', 'ignore'];

export type Stream = 'stdout' | 'stderr';
export const STREAMS: readonly Stream[] = ['stdout', 'stderr'];

export type FlushReason = 'newline' | 'full' | 'explicit' | 'exit' | 'unbuffered';
export const FLUSH_REASONS: readonly FlushReason[] = ['newline', 'full', 'explicit', 'exit', 'unbuffered'];

export type IpcChannelKind = 'pipe' | 'queue' | 'connection' | 'shm';
export const IPC_CHANNEL_KINDS: readonly IpcChannelKind[] = ['pipe', 'queue', 'connection', 'shm'];

export type RunOutcome = 'exit' | 'signal' | 'deadlock' | 'hang' | 'limit' | 'error';
export const RUN_OUTCOMES: readonly RunOutcome[] = ['exit', 'signal', 'deadlock', 'hang', 'limit', 'error'];

/** Fields every event has. */
export interface EventBase {
  seq: number;
  /** virtual time, ns */
  t: number;
}

interface InProcess extends EventBase {
  pid: number;
}

interface InThread extends InProcess {
  tid: string;
}

// ───────────────────────────── run ─────────────────────────────

export interface RunStart extends EventBase {
  kind: 'run.start';
  version: typeof TRACE_VERSION;
  /** the script, as given to the simulator */
  file: string;
  seed?: number;
  switchMode?: 'cpython' | 'instruction';
  cores?: number;
  stdout?: 'tty' | 'pipe';
}

export interface RunEnd extends EventBase {
  kind: 'run.end';
  outcome: RunOutcome;
  /** what the CLI exits with (see design.md "Command-line contract") */
  exitCode: number;
}

// ─────────────────────────── processes ──────────────────────────

/** A process that did not come from os.fork (the main one, or a spawn-like start). */
export interface ProcessStart extends InProcess {
  kind: 'process.start';
  ppid: number;
  name: string;
  argv?: string[];
}

/** `pid` forked `child`. The child is in state R; its only thread is started with
 * `thread.start { forkedFrom: tid }` right after. */
export interface ProcessFork extends InThread {
  kind: 'process.fork';
  child: number;
  /** name of the child (inherited; multiprocessing may rename it) */
  name?: string;
  loc?: Loc;
}

/** `ps` STAT of a process: R running/runnable, S sleeping, T stopped, Z zombie. */
export interface ProcessStateEvent extends InProcess {
  kind: 'process.state';
  state: ProcessState;
}

/** The process ended. `status` is the exit status (null when killed by a signal). */
export interface ProcessExit extends InProcess {
  kind: 'process.exit';
  status: number | null;
  signal?: { signum: number; sig: string };
  /** true when the exit went through os._exit (no flush, no atexit) */
  immediate?: boolean;
}

/** The exited process is a zombie until its parent `ppid` reaps it. */
export interface ProcessZombie extends InProcess {
  kind: 'process.zombie';
  ppid: number;
}

/** `pid` (the parent) reaped `child` (wait/waitpid, or auto-reap with SIGCHLD=SIG_IGN). */
export interface ProcessReap extends InProcess {
  kind: 'process.reap';
  tid?: string;
  child: number;
  status: number | null;
  auto?: boolean;
}

/** `pid` lost its parent `from` and now has parent `to` (1). */
export interface ProcessReparent extends InProcess {
  kind: 'process.reparent';
  from: number;
  to: number;
}

// ──────────────────────────── threads ───────────────────────────

export interface ThreadStart extends InThread {
  kind: 'thread.start';
  name: string;
  daemon: boolean;
  main: boolean;
  /** thread that called start() */
  parent?: string;
  /** for the sole thread of a fork child: the forking thread in the parent */
  forkedFrom?: string;
  loc?: Loc;
}

export interface ThreadExit extends InThread {
  kind: 'thread.exit';
  /** uncaught exception type name, if the thread died of one */
  exception?: string;
}

export interface ThreadRename extends InThread {
  kind: 'thread.rename';
  name: string;
}

/** running = executing bytecode (holds the GIL), ready = runnable but waiting for the GIL
 * or a core, blocked = waiting on `on` (required when blocked). `loc` = current line. */
export interface ThreadStateEvent extends InThread {
  kind: 'thread.state';
  state: ThreadState;
  on?: BlockOn;
  loc?: Loc;
}

// ────────────────────────────── GIL ─────────────────────────────

export interface GilRequest extends InThread {
  kind: 'gil.request';
}

export interface GilAcquire extends InThread {
  kind: 'gil.acquire';
  /** previous holder, when it was another thread */
  from?: string;
}

/** The holder gave the GIL up by itself: a blocking call, thread exit, or a voluntary
 * yield (e.g. time.sleep(0)). */
export interface GilRelease extends InThread {
  kind: 'gil.release';
  reason: GilReleaseReason;
}

/** The holder was forced to drop the GIL at an eval-breaker point because `to` had been
 * waiting longer than the switch interval. Replaces gil.release in that case. */
export interface GilDrop extends InThread {
  kind: 'gil.drop';
  to?: string;
}

// ───────────────────────── synchronization ──────────────────────

export interface SyncOpEvent extends InThread {
  kind: 'sync.op';
  object: ObjRef;
  op: SyncOp;
  /** false when a non-blocking/timed operation failed (acquire(False), get_nowait, timeout) */
  ok?: boolean;
  /** counter after the op (semaphore value, queue size) */
  value?: number;
  /** pairs queue.put with the queue.get that received the item */
  msgId?: string;
  loc?: Loc;
}

// ──────────────────────────── signals ───────────────────────────

interface SignalBase extends InProcess {
  signum: number;
  /** "SIGINT" */
  sig: string;
}

/** `pid` (0 for keyboard/kernel) sends `sig` to `target`. One event per target process. */
export interface SignalSend extends SignalBase {
  kind: 'signal.send';
  tid?: string;
  target: number;
  source: SignalSource;
  loc?: Loc;
}

/** `sig` became pending in `pid`. */
export interface SignalPend extends SignalBase {
  kind: 'signal.pend';
}

/** The pending signal is taken: runs a handler (main thread), a default action, or is ignored. */
export interface SignalDeliver extends SignalBase {
  kind: 'signal.deliver';
  tid?: string;
  disposition: 'handler' | 'default' | 'ignore';
}

export interface SignalHandlerEnter extends SignalBase {
  kind: 'signal.handler.enter';
  tid: string;
  /** Python name of the handler ("handler", "<lambda>") */
  handler: string;
  loc?: Loc;
}

export interface SignalHandlerExit extends SignalBase {
  kind: 'signal.handler.exit';
  tid: string;
  /** exception type raised out of the handler (e.g. "KeyboardInterrupt") */
  raised?: string;
}

export interface SignalDefault extends SignalBase {
  kind: 'signal.default';
  action: SignalDefaultAction;
}

// ────────────────────────────── IPC ─────────────────────────────

export interface IpcChannel {
  id: string;
  kind: IpcChannelKind;
  name?: string;
}

/** One message (or write) into a channel. `msgId` is unique within the run. */
export interface IpcSend extends InThread {
  kind: 'ipc.send';
  channel: IpcChannel;
  msgId: string;
  bytes?: number;
  /** a short repr of the payload (<= 80 chars) */
  preview?: string;
  loc?: Loc;
}

/** The receive that consumed message `msgId` (for byte streams: the first message it read
 * from; `more` lists the others). */
export interface IpcRecv extends InThread {
  kind: 'ipc.recv';
  channel: IpcChannel;
  msgId: string;
  more?: string[];
  bytes?: number;
  preview?: string;
  loc?: Loc;
}

// ───────────────────────────── output ───────────────────────────

/** The program wrote `text` (print, sys.stdout.write). It may still sit in the buffer. */
export interface IoWrite extends InThread {
  kind: 'io.write';
  stream: Stream;
  text: string;
}

/** `text` left the buffer and became visible output. */
export interface IoFlush extends InProcess {
  kind: 'io.flush';
  tid?: string;
  stream: Stream;
  text: string;
  reason: FlushReason;
}

/** Unflushed `text` of `parent` was copied into fork child `pid` (it will appear twice). */
export interface IoDup extends InProcess {
  kind: 'io.dup';
  parent: number;
  stream: Stream;
  text: string;
}

/** Unflushed `text` was discarded (os._exit, killed by a signal). */
export interface IoLost extends InProcess {
  kind: 'io.lost';
  stream: Stream;
  text: string;
}

// ──────────────────────── deadlock / hang ───────────────────────

/** One thread in a wait-for cycle or hang report. */
export interface WaitEdge {
  pid: number;
  thread: string;
  threadName?: string;
  /** objects this thread holds that matter to the report */
  holds?: ObjRef[];
  /** what it waits for; `holder` is the thread holding it, when there is one */
  waitsFor: ObjRef & { holder?: string };
  /** line of the blocking call */
  loc?: Loc;
}

/** A wait-for cycle formed (reported as soon as it forms, other threads may still run). */
export interface Deadlock extends EventBase {
  kind: 'deadlock';
  cycle: WaitEdge[];
}

/** Nothing can ever run again, and there is no cycle. */
export interface Hang extends EventBase {
  kind: 'hang';
  waiters: WaitEdge[];
}

// ───────────────────────────── union ────────────────────────────

export type TraceEvent =
  | RunStart | RunEnd
  | ProcessStart | ProcessFork | ProcessStateEvent | ProcessExit | ProcessZombie | ProcessReap
  | ProcessReparent
  | ThreadStart | ThreadExit | ThreadRename | ThreadStateEvent
  | GilRequest | GilAcquire | GilRelease | GilDrop
  | SyncOpEvent
  | SignalSend | SignalPend | SignalDeliver | SignalHandlerEnter | SignalHandlerExit | SignalDefault
  | IpcSend | IpcRecv
  | IoWrite | IoFlush | IoDup | IoLost
  | Deadlock | Hang;

export type TraceEventKind = TraceEvent['kind'];

/** The event of a given kind. */
export type EventOf<K extends TraceEventKind> = Extract<TraceEvent, { kind: K }>;

/** An event before the emitter numbered it (for builders and tests). */
export type UnnumberedEvent = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 'seq'> : never) : never;

/** Compile-time exhaustiveness check for switches over unions. */
export function assertUnreachable(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}

/** Human-readable label of an object ("lock_a (lock#1)"). */
export function objLabel(o: ObjRef): string {
  return o.name ? `${o.name}` : o.id;
}
