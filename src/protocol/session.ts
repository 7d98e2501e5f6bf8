/**
 * Simulation sessions between the extension (LSP client) and the language server: the
 * custom LSP request and notification names and their parameter/result types. Types and
 * string constants only, so both sides (and tests) can import it without pulling in code.
 * (Owned by the editor engineer; lives here because src/extension may import only
 * src/protocol.)
 *
 * A session simulates one file. The server runs the machine; the client drives it with
 * requests and receives trace batches, state changes and diagnostics as notifications.
 */
import type { BlockOn, ProcessState, RunOutcome, TraceEvent, WaitEdge } from '../trace/format';

// ───────────── names ─────────────

export const SessionRequest = {
  /** StartParams → SessionState */
  start: 'threadline/session/start',
  /** StepParams → SessionState */
  step: 'threadline/session/step',
  /** ContinueParams → SessionState (returns at once; progress comes as notifications) */
  continue: 'threadline/session/continue',
  /** SessionRef → SessionState */
  pause: 'threadline/session/pause',
  /** SendSignalParams → SessionState */
  sendSignal: 'threadline/session/sendSignal',
  /** SessionRef → SessionState */
  state: 'threadline/session/state',
  /** SessionRef → null */
  stop: 'threadline/session/stop',
  /** ExploreParams → ExploreResult */
  explore: 'threadline/explore',
} as const;

export const SessionNotification = {
  /** server → client: TraceBatchParams, at most one per ~16 ms per session */
  trace: 'threadline/session/trace',
  /** server → client: SessionState, whenever status, step or threads change */
  state: 'threadline/session/state',
} as const;

// ───────────── options ─────────────

export type SwitchMode = 'cpython' | 'instruction';
/** How `continue` picks the next thread at a decision point: as CPython would (the
 * faithful, deterministic choice) or at random from the seeded generator. */
export type Strategy = 'cpython' | 'random';
export const STRATEGIES: readonly Strategy[] = ['cpython', 'random'];
export type Granularity = 'line' | 'instruction';

export interface SessionOptions {
  seed?: number;
  cores?: number;
  /** sys.getswitchinterval() of the simulated interpreter, in ms (default 5) */
  switchIntervalMs?: number;
  switchMode?: SwitchMode;
  /** stop the run after this many instructions (outcome "limit") */
  maxSteps?: number;
  strategy?: Strategy;
}

// ───────────── requests ─────────────

export interface SessionRef { sessionId: string }

export interface StartParams {
  /** document URI (the server reads the open document's text, or the file) */
  uri: string;
  options?: SessionOptions;
  /** true: start paused before the first instruction; false: run to the end */
  paused?: boolean;
}

export interface StepParams extends SessionRef {
  /** thread id "pid:n"; omitted: the scheduler's choice */
  tid?: string;
  granularity?: Granularity;
  /** how many steps (default 1) */
  count?: number;
}

export interface ContinueParams extends SessionRef {
  strategy?: Strategy;
}

export interface SendSignalParams extends SessionRef {
  /** "SIGINT" */
  signal: string;
  /** target pid; omitted: every process of the foreground process group (like a keyboard) */
  pid?: number;
}

export interface ExploreParams {
  uri: string;
  options?: SessionOptions;
  maxSchedules?: number;
}

export interface ExploreResult {
  /** a failing schedule was found */
  found: boolean;
  outcome?: RunOutcome;
  /** replay string for `threadline run --schedule` */
  schedule?: string;
  schedulesTried: number;
  /** the deadlock cycle (or hang waiters) of the failing run */
  waits?: WaitEdge[];
  message: string;
  /** the session that replays the failing schedule, paused at its end, when one was opened */
  sessionId?: string;
}

// ───────────── state ─────────────

export type SessionStatus = 'paused' | 'running' | 'deadlocked' | 'hung' | 'exited' | 'error' | 'stopped';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  name: string;
  state: ProcessState;
  exitStatus?: number | null;
}

export interface ThreadInfo {
  tid: string;
  pid: number;
  name: string;
  state: 'running' | 'ready' | 'blocked' | 'exited';
  main: boolean;
  /** current line (1-based) in the session's file, when known */
  line?: number;
  /** name of the function it started in (a Thread/Process target), when known */
  target?: string;
  /** line of the Thread(...)/Process(...)/fork call that created it */
  createdAt?: number;
  waitsFor?: BlockOn & { holder?: string; holderName?: string };
}

export interface SessionState {
  sessionId: string;
  uri: string;
  status: SessionStatus;
  /** instructions executed so far */
  steps: number;
  virtualTimeNs: number;
  /** seq of the last trace event emitted */
  lastSeq: number;
  processes: ProcessInfo[];
  threads: ThreadInfo[];
  /** set when the run ended */
  outcome?: { kind: RunOutcome; exitCode: number };
  /** the wait-for cycle (deadlocked) or the waiters (hung) */
  waits?: WaitEdge[];
  /** a one-line human summary ("deadlock: Thread-1 ↔ Thread-2", "exited with 0") */
  message?: string;
}

// ───────────── notifications ─────────────

export interface TraceBatchParams extends SessionRef {
  uri: string;
  events: TraceEvent[];
  /** the run ended; no more batches */
  done?: boolean;
}

// ───────────── editor commands (CodeLens targets) ─────────────

/** Extension commands the server's CodeLenses invoke, with one CommandArgs argument. */
export const ClientCommand = {
  run: 'threadline.run',
  step: 'threadline.step',
  continue: 'threadline.continue',
  stop: 'threadline.stop',
  findDeadlocks: 'threadline.findDeadlocks',
  sendSignal: 'threadline.sendSignal',
} as const;

export interface CommandArgs {
  uri: string;
  sessionId?: string;
  tid?: string;
  signal?: string;
  pid?: number;
}
