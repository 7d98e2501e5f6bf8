// Simulation sessions in the language server. A SimSession is one simulated run of a file
// (the kernel's machine behind a small interface, so the LSP plumbing does not depend on
// the kernel's internals); the SessionManager owns the live sessions, runs them in slices
// so requests (pause, signal, state) are served while a run continues, and batches their
// trace events into at most one notification per frame.
import type { TraceEvent, RunOutcome, WaitEdge } from '../trace/format';
import type {
  ExploreResult, Granularity, ProcessInfo, SessionOptions, SessionState, SessionStatus, Strategy, ThreadInfo,
} from '../protocol/session';

export interface SimSnapshot {
  steps: number;
  virtualTimeNs: number;
  processes: ProcessInfo[];
  threads: ThreadInfo[];
  /** set once the run is over */
  ended?: { outcome: RunOutcome; exitCode: number; waits?: WaitEdge[]; message?: string };
}

/** One simulated run. All methods are synchronous and deterministic. */
export interface SimSession {
  /** Runs `tid` (or the scheduler's choice) until its line changes, it blocks or exits
   * (`line`), or for one instruction (`instruction`). Other threads do not move, except
   * where the kernel must (signal delivery, a fork child's first step). */
  step(tid: string | undefined, granularity: Granularity): void;
  /** Runs up to `budget` instructions with `strategy`; returns true when the run is over. */
  run(budget: number, strategy: Strategy): boolean;
  /** Sends `signal` to `pid`, or to the foreground process group when omitted. */
  sendSignal(signal: string, pid?: number): void;
  snapshot(): SimSnapshot;
  /** The trace events emitted since the last call. */
  takeEvents(): TraceEvent[];
  /** The replay string of the choices made so far. */
  schedule?(): string;
}

export interface SimInput {
  source: string;
  /** file path (or URI) as the program and the trace see it */
  file: string;
  options: SessionOptions;
}

/** Creates sessions; throws a SessionError for programs that cannot run. */
export type SimSessionFactory = (input: SimInput) => SimSession;

export class SessionError extends Error {
  constructor(message: string, readonly code: 'syntax' | 'unsupported' | 'internal' | 'unknownSession' | 'badRequest' = 'internal') {
    super(message);
    this.name = 'SessionError';
  }
}

export interface SessionListener {
  trace(sessionId: string, uri: string, events: TraceEvent[], done: boolean): void;
  state(state: SessionState): void;
}

/** Collects events and hands them on at most once per `intervalMs`. */
export class Batcher<T> {
  private queue: T[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = -Infinity;

  constructor(private readonly flushTo: (items: T[]) => void, private readonly intervalMs = 16, private readonly now: () => number = () => performance.now()) {}

  push(items: readonly T[]): void {
    if (items.length === 0) return;
    for (const i of items) this.queue.push(i);
    if (this.timer) return;
    const wait = Math.max(0, this.last + this.intervalMs - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Hands on everything queued now (also when the queue is empty and `force`). */
  flush(force = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0 && !force) return;
    const items = this.queue;
    this.queue = [];
    this.last = this.now();
    this.flushTo(items);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
  }
}

interface Live {
  id: string;
  uri: string;
  sim: SimSession;
  status: SessionStatus;
  options: SessionOptions;
  batcher: Batcher<TraceEvent>;
  lastSeq: number;
  /** incremented to cancel a running continue loop */
  generation: number;
  lastStateSent: number;
  doneSent: boolean;
}

/** Instructions run per slice of a continue; between slices the server serves requests. */
const SLICE = 20_000;
const STATE_EVERY_MS = 100;
const DEFAULT_MAX_STEPS = 5_000_000;

export class SessionManager {
  private readonly sessions = new Map<string, Live>();
  private nextId = 1;

  constructor(private readonly factory: SimSessionFactory, private readonly listener: SessionListener, private readonly batchMs = 16) {}

  /** The most recent live session on `uri`, if any. */
  forUri(uri: string): SessionState | undefined {
    let found: Live | undefined;
    for (const s of this.sessions.values()) if (s.uri === uri && s.status !== 'stopped') found = s;
    return found && this.stateOf(found);
  }

  start(uri: string, input: SimInput, paused: boolean): SessionState {
    // One session per file: a new start replaces the old one.
    for (const s of [...this.sessions.values()]) if (s.uri === uri) this.stop(s.id);
    const sim = this.factory(input);
    const id = `s${this.nextId++}`;
    const live: Live = {
      id, uri, sim, status: 'paused', options: input.options, lastSeq: -1, generation: 0, lastStateSent: 0, doneSent: false,
      batcher: new Batcher<TraceEvent>((events) => this.sendTrace(live, events), this.batchMs),
    };
    this.sessions.set(id, live);
    this.collect(live);
    if (!paused) this.continue(id, input.options.strategy ?? 'cpython');
    else this.publishState(live);
    return this.stateOf(live);
  }

  step(id: string, tid: string | undefined, granularity: Granularity, count = 1): SessionState {
    const live = this.get(id);
    this.halt(live);
    if (!this.isOver(live)) {
      for (let i = 0; i < Math.max(1, count) && !this.isOver(live); i++) live.sim.step(tid, granularity);
      live.status = this.statusAfter(live, 'paused');
    }
    this.collect(live);
    this.publishState(live);
    return this.stateOf(live);
  }

  continue(id: string, strategy: Strategy = 'cpython'): SessionState {
    const live = this.get(id);
    if (this.isOver(live)) return this.stateOf(live);
    const generation = ++live.generation;
    live.status = 'running';
    this.publishState(live);
    const maxSteps = live.options.maxSteps ?? DEFAULT_MAX_STEPS;
    const slice = (): void => {
      if (live.generation !== generation || live.status !== 'running') return;
      const budget = Math.min(SLICE, Math.max(1, maxSteps - live.sim.snapshot().steps));
      live.sim.run(budget, strategy);
      live.status = this.statusAfter(live, 'running');
      this.collect(live);
      if (live.status === 'running') {
        if (performance.now() - live.lastStateSent > STATE_EVERY_MS) this.publishState(live);
        setImmediate(slice);
      } else {
        this.publishState(live);
      }
    };
    setImmediate(slice);
    return this.stateOf(live);
  }

  pause(id: string): SessionState {
    const live = this.get(id);
    this.halt(live);
    this.collect(live);
    this.publishState(live);
    return this.stateOf(live);
  }

  sendSignal(id: string, signal: string, pid?: number): SessionState {
    const live = this.get(id);
    if (this.isOver(live)) throw new SessionError(`the run is over (${live.status}); start a new one to send ${signal}`, 'badRequest');
    live.sim.sendSignal(signal, pid);
    this.collect(live);
    this.publishState(live);
    return this.stateOf(live);
  }

  state(id: string): SessionState {
    return this.stateOf(this.get(id));
  }

  stop(id: string): void {
    const live = this.sessions.get(id);
    if (!live) return;
    live.generation++;
    this.collect(live);
    live.batcher.flush();
    live.batcher.dispose();
    live.status = 'stopped';
    this.sessions.delete(id);
    if (!live.doneSent) {
      live.doneSent = true;
      this.listener.trace(live.id, live.uri, [], true);
    }
    this.listener.state(this.stateOf(live));
  }

  stopAll(): void {
    for (const id of [...this.sessions.keys()]) this.stop(id);
  }

  /**
   * Searches schedules for a deadlock or hang by running the program under the random
   * strategy with seeds 0, 1, …; yields to the event loop between runs.
   */
  async explore(input: SimInput, maxSchedules = 50): Promise<ExploreResult & { snapshot?: SimSnapshot; options?: SessionOptions }> {
    const maxSteps = input.options.maxSteps ?? 200_000;
    for (let i = 0; i < maxSchedules; i++) {
      // The first schedule is CPython's own choice, then random ones from successive seeds.
      const options: SessionOptions = { ...input.options, seed: (input.options.seed ?? 0) + i, strategy: i === 0 ? 'cpython' : 'random' };
      const sim = this.factory({ ...input, options });
      let over = false;
      while (!over && sim.snapshot().steps < maxSteps) {
        over = sim.run(Math.min(SLICE, maxSteps - sim.snapshot().steps), options.strategy!);
        sim.takeEvents();
        if (!over) await new Promise((r) => setImmediate(r));
      }
      const snap = sim.snapshot();
      const outcome = snap.ended?.outcome;
      if (outcome === 'deadlock' || outcome === 'hang') {
        return {
          found: true, outcome, schedule: sim.schedule?.(), schedulesTried: i + 1, waits: snap.ended?.waits,
          message: `${outcome === 'deadlock' ? 'deadlock' : 'hang'} found after ${i + 1} schedule${i === 0 ? '' : 's'}${snap.ended?.message ? `: ${snap.ended.message}` : ''}`,
          snapshot: snap, options,
        };
      }
      await new Promise((r) => setImmediate(r));
    }
    return { found: false, schedulesTried: maxSchedules, message: `no deadlock or hang in ${maxSchedules} schedules` };
  }

  // ───────────── internals ─────────────

  private get(id: string): Live {
    const live = this.sessions.get(id);
    if (!live) throw new SessionError(`no session ${id}`, 'unknownSession');
    return live;
  }

  private halt(live: Live): void {
    live.generation++;
    if (live.status === 'running') live.status = this.statusAfter(live, 'paused');
  }

  private isOver(live: Live): boolean {
    return live.sim.snapshot().ended !== undefined;
  }

  private statusAfter(live: Live, otherwise: SessionStatus): SessionStatus {
    const snap = live.sim.snapshot();
    const ended = snap.ended;
    if (!ended) {
      const max = live.options.maxSteps ?? DEFAULT_MAX_STEPS;
      return otherwise === 'running' && snap.steps >= max ? 'paused' : otherwise;
    }
    switch (ended.outcome) {
      case 'deadlock': return 'deadlocked';
      case 'hang': return 'hung';
      case 'error': return 'error';
      default: return 'exited';
    }
  }

  private collect(live: Live): void {
    const events = live.sim.takeEvents();
    if (events.length > 0) {
      live.lastSeq = events[events.length - 1]!.seq;
      live.batcher.push(events);
    }
    if (this.isOver(live) && !live.doneSent) {
      live.batcher.flush();
      live.doneSent = true;
      this.listener.trace(live.id, live.uri, [], true);
    }
  }

  private sendTrace(live: Live, events: TraceEvent[]): void {
    if (events.length > 0) this.listener.trace(live.id, live.uri, events, false);
  }

  private publishState(live: Live): void {
    live.batcher.flush(); // state never overtakes the events that led to it
    live.lastStateSent = performance.now();
    this.listener.state(this.stateOf(live));
  }

  private stateOf(live: Live): SessionState {
    const snap = live.sim.snapshot();
    const state: SessionState = {
      sessionId: live.id,
      uri: live.uri,
      status: live.status,
      steps: snap.steps,
      virtualTimeNs: snap.virtualTimeNs,
      lastSeq: live.lastSeq,
      processes: snap.processes,
      threads: snap.threads,
    };
    if (snap.ended) {
      state.outcome = { kind: snap.ended.outcome, exitCode: snap.ended.exitCode };
      if (snap.ended.waits) state.waits = snap.ended.waits;
      state.message = snap.ended.message ?? describeEnd(snap.ended.outcome, snap.ended.exitCode, snap.ended.waits);
    } else if (live.status === 'paused' && snap.steps >= (live.options.maxSteps ?? DEFAULT_MAX_STEPS)) {
      state.message = `stopped after the step limit (${snap.steps} instructions)`;
    }
    return state;
  }
}

export function describeEnd(outcome: RunOutcome, exitCode: number, waits?: WaitEdge[]): string {
  const who = (waits ?? []).map((w) => w.threadName ?? w.thread);
  switch (outcome) {
    case 'deadlock': return `deadlock: ${who.join(' ↔ ')}`;
    case 'hang': return `hang: nothing can run (${who.join(', ')} waiting)`;
    case 'signal': return `killed by a signal (exit code ${exitCode})`;
    case 'limit': return 'stopped at the step limit';
    case 'error': return `internal error (exit code ${exitCode})`;
    default: return `exited with ${exitCode}`;
  }
}
