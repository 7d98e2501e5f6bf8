// The SimSession backed by the simulator's kernel machine (src/sim/kernel/kernel.ts,
// created under the `manual` strategy so the editor picks who runs at each decision point).
// The machine is described here structurally (MachineLike) so this adapter does not depend
// on the kernel's internals; `simFactory` receives the builder that parses, compiles, loads
// the VM and boots the machine (the lead's runProgram glue in src/sim/api.ts).
//
// Stepping. The kernel stops at decision points: moments where two or more threads could
// run the next instruction. "Step T (line)" chooses T at decision points until T's line
// changes, T blocks or ends; other threads do not move meanwhile. "Step T (instruction)"
// chooses T once. Between decision points (one runnable thread) the kernel runs freely.
import type { RunOutcome, TraceEvent, WaitEdge, BlockOn, Loc, ProcessState } from '../trace/format';
import type { Granularity, ProcessInfo, SessionOptions, Strategy, ThreadInfo } from '../protocol/session';
import { signalNumber } from '../sim/kernel/signal-table';
import { SessionError, type SimInput, type SimSession, type SimSessionFactory, type SimSnapshot } from './session';

export interface DecisionLike {
  pid: number;
  candidates: string[];
  current: string | null;
  cpython: string;
}

export interface RunResultLike {
  outcome: RunOutcome;
  exitCode: number;
  deadlock?: WaitEdge[];
  hang?: WaitEdge[];
  schedule: string;
  steps: number;
  virtualTimeNs: number;
}

export interface ThreadViewLike {
  tid: string;
  pid: number;
  name: string;
  state: 'ready' | 'running' | 'blocked' | 'finished';
  main: boolean;
  on?: BlockOn;
  loc?: Loc;
}

type StepLike = { kind: 'decision'; decision: DecisionLike } | { kind: 'done'; result: RunResultLike } | { kind: 'paused' };

export interface MachineLike {
  step(choice?: string): StepLike;
  /** Runs about `steps` instructions, stopping early at a decision point or the end. */
  runFor(steps: number): StepLike;
  pendingDecision(): DecisionLike | null;
  threads(): ThreadViewLike[];
  result(): RunResultLike;
  sendSignal(pid: number, signum: number): void;
  readonly state: {
    steps: number;
    clock: { now: number };
    outcome: RunOutcome | null;
    procs: Record<string, { pid: number; ppid: number; name: string; state: ProcessState; exitStatus: number | null; exited: boolean }>;
    /** the wait-for graph: who holds each object */
    wf?: { objects: Record<string, { holders: string[] }> };
  };
}

/** Builds a booted machine for `input` (manual strategy); trace events go to `onEvent`. */
export type MachineBuilder = (input: SimInput, onEvent: (e: TraceEvent) => void) => MachineLike;


/** A small deterministic generator for the `random` continue strategy (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class KernelSession implements SimSession {
  private events: TraceEvent[] = [];
  private readonly m: MachineLike;
  private readonly random: () => number;
  private over = false;

  constructor(build: MachineBuilder, input: SimInput) {
    this.m = build(input, (e) => this.events.push(e));
    this.random = rng(input.options.seed ?? 0);
  }

  private thread(tid: string): ThreadViewLike | undefined {
    return this.m.threads().find((t) => t.tid === tid);
  }

  /** Resolves the pending decision with `choice` (or reaches the first one). */
  private advance(choice?: string): void {
    if (this.over) return;
    const r = this.m.step(choice);
    if (r.kind === 'done') this.over = true;
  }

  step(tid: string | undefined, granularity: Granularity): void {
    if (this.over) return;
    const pending = this.m.pendingDecision();
    if (!pending) return this.advance(); // before the first decision point
    if (tid === undefined) return this.advance(pending.cpython);
    if (!this.thread(tid)) throw new SessionError(`no thread ${tid}`, 'badRequest');
    if (!pending.candidates.includes(tid)) {
      const t = this.thread(tid)!;
      const why = t.state === 'blocked' && t.on ? `blocked on ${t.on.name ?? t.on.id}` : t.state === 'finished' ? 'finished' : 'not runnable now';
      throw new SessionError(`${t.name} cannot run: ${why}`, 'badRequest');
    }
    const startLine = this.thread(tid)?.loc?.line;
    for (let guard = 0; guard < 1_000_000; guard++) {
      this.advance(tid);
      if (granularity === 'instruction' || this.over) return;
      const t = this.thread(tid);
      const next = this.m.pendingDecision();
      if (!t || t.state === 'blocked' || t.state === 'finished') return;
      if (t.loc?.line !== startLine) return;
      if (!next || !next.candidates.includes(tid)) return;
    }
  }

  run(budget: number, strategy: Strategy): boolean {
    const limit = this.m.state.steps + budget;
    while (!this.over && this.m.state.steps < limit) {
      const d = this.m.pendingDecision();
      if (!d) {
        // Between decision points (e.g. a single thread): run within the budget, so the
        // user can pause and act (send a signal) at a chosen moment.
        const r = this.m.runFor(limit - this.m.state.steps);
        if (r.kind === 'done') this.over = true;
        if (r.kind === 'paused') break; // budget spent, or every thread waits: a moment to act
        continue;
      }
      const choice = strategy === 'random' ? d.candidates[Math.floor(this.random() * d.candidates.length)] : d.cpython;
      this.advance(choice);
    }
    return this.over;
  }

  sendSignal(signal: string, pid?: number): void {
    const signum = signalNumber(signal);
    if (signum === null) throw new SessionError(`unknown signal ${signal}`, 'badRequest');
    const procs = Object.values(this.m.state.procs).filter((p) => !p.exited);
    // The foreground process group: every live process of the run (they share the terminal).
    const targets = pid === undefined ? procs.map((p) => p.pid) : [pid];
    if (pid !== undefined && !procs.some((p) => p.pid === pid)) throw new SessionError(`no live process ${pid}`, 'badRequest');
    try {
      for (const p of targets) this.m.sendSignal(p, signum);
    } catch (e) {
      throw new SessionError(e instanceof Error ? e.message : String(e), 'badRequest');
    }
  }

  snapshot(): SimSnapshot {
    const s = this.m.state;
    const views = this.m.threads();
    const names = new Map(views.map((t) => [t.tid, t.name] as const));
    const threads: ThreadInfo[] = views.map((t) => {
      const info: ThreadInfo = { tid: t.tid, pid: t.pid, name: t.name, main: t.main, state: t.state === 'finished' ? 'exited' : t.state };
      if (t.loc) info.line = t.loc.line;
      if (t.on) {
        info.waitsFor = { ...t.on };
        const holder = t.on.kind === 'join' ? t.on.id : s.wf?.objects[t.on.id]?.holders[0];
        if (holder) {
          info.waitsFor.holder = holder;
          if (names.has(holder)) info.waitsFor.holderName = names.get(holder)!;
        }
      }
      const target = /^.+ \((.+)\)$/.exec(t.name)?.[1];
      if (target) info.target = target;
      return info;
    });
    const processes: ProcessInfo[] = Object.values(s.procs).map((p) => ({
      pid: p.pid, ppid: p.ppid, name: p.name, state: p.state, ...(p.exited ? { exitStatus: p.exitStatus } : {}),
    }));
    const snap: SimSnapshot = { steps: s.steps, virtualTimeNs: s.clock.now, processes, threads };
    if (this.over || s.outcome) {
      const r = this.m.result();
      const waits = r.deadlock ?? r.hang;
      snap.ended = { outcome: r.outcome, exitCode: r.exitCode, ...(waits ? { waits } : {}) };
    }
    return snap;
  }

  takeEvents(): TraceEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  schedule(): string {
    return this.m.result().schedule;
  }
}

/** The server's session factory, once a machine builder is available. */
export function simFactory(build?: MachineBuilder): SimSessionFactory | undefined {
  if (!build) return undefined;
  return (input) => new KernelSession(build, input);
}

/** Session options → the kernel's machine options (names as in kernel/types.ts). */
export function machineOptions(o: SessionOptions, file: string): Record<string, unknown> {
  const m: Record<string, unknown> = { file, strategy: 'manual', stdout: 'tty' };
  if (o.seed !== undefined) m.seed = o.seed;
  if (o.cores !== undefined) m.cores = o.cores;
  if (o.switchMode !== undefined) m.preemption = o.switchMode;
  if (o.switchIntervalMs !== undefined) m.switchIntervalNs = Math.round(o.switchIntervalMs * 1_000_000);
  if (o.maxSteps !== undefined) m.maxSteps = o.maxSteps;
  return m;
}
