// A scripted stand-in for the VM, to test the kernel alone. A fake thread runs a list of
// operations: CPU work (n instructions, every `every`-th an eval-breaker point), kernel
// calls (syscalls, results saved in the thread's env), prints, raising. Loops are
// unrolled when the program is built.

import type { Loc } from '../../src/trace/format';
import type { Engine, RunLimits, RunResult, StoreTarget } from '../../src/sim/kernel/engine';
import type { Resume } from '../../src/sim/kernel/types';
import { createMachine, bootProcess, type Machine } from '../../src/sim/kernel/kernel';
import type { MachineOptions } from '../../src/sim/kernel/types';
import type { TraceEvent } from '../../src/trace/format';

export type Env = Record<string, unknown>;

export type FOp =
  | { op: 'cpu'; n: number; cost?: number; every?: number }
  | { op: 'call'; name: string; payload?: Record<string, unknown> | ((env: Env) => Record<string, unknown>); save?: string; as?: string }
  | { op: 'print'; text: string | ((env: Env) => string); stream?: 'stdout' | 'stderr' }
  | { op: 'line'; line: number }
  | { op: 'raise'; type: string }
  | { op: 'do'; fn: (env: Env) => void };

export interface FakeThread {
  prog: FOp[];
  pc: number;
  left: number;
  count: number;
  env: Env;
  line: number;
  save: string | null;
  as: string | null;
  died: string | null;
}

export const DEFAULT_COST = 25;

export function fakeThread(prog: FOp[], env: Env = {}): FakeThread {
  return { prog, pc: 0, left: -1, count: 0, env, line: 1, save: null, as: null, died: null };
}

export function repeat(times: number, body: FOp[]): FOp[] {
  const out: FOp[] = [];
  for (let i = 0; i < times; i++) out.push(...body);
  return out;
}

export class FakeEngine implements Engine {
  run(_proc: unknown, thread: unknown, limits: RunLimits): RunResult {
    const t = thread as FakeThread;
    let steps = 0;
    let cost = 0;
    for (;;) {
      // 'line' and 'do' take no instruction: they happen with the next one
      if (steps >= limits.maxSteps) return { stop: { kind: 'limit' }, steps, cost };
      // the end of the program is a return instruction
      if (t.pc >= t.prog.length) return { stop: { kind: 'finished' }, steps: steps + 1, cost: cost + DEFAULT_COST };
      const o = t.prog[t.pc]!;
      switch (o.op) {
        case 'line':
          t.line = o.line;
          t.pc++;
          continue;
        case 'do':
          o.fn(t.env);
          t.pc++;
          continue;
        case 'raise':
          t.pc = t.prog.length;
          return { stop: { kind: 'died', excType: o.type }, steps: steps + 1, cost: cost + DEFAULT_COST };
        case 'call': {
          t.pc++;
          t.save = o.save ?? null;
          t.as = o.as ?? null;
          const payload = typeof o.payload === 'function' ? o.payload(t.env) : (o.payload ?? {});
          return { stop: { kind: 'syscall', name: o.name, payload }, steps: steps + 1, cost: cost + DEFAULT_COST };
        }
        case 'print': {
          t.pc++;
          t.save = null;
          const text = typeof o.text === 'function' ? o.text(t.env) : o.text;
          return { stop: { kind: 'syscall', name: 'io.write', payload: { stream: o.stream ?? 'stdout', text } }, steps: steps + 1, cost: cost + DEFAULT_COST };
        }
        case 'cpu': {
          if (t.left < 0) t.left = o.n;
          if (t.left === 0) {
            t.left = -1;
            t.pc++;
            continue;
          }
          t.left--;
          t.count++;
          steps++;
          cost += o.cost ?? DEFAULT_COST;
          if (t.left === 0) {
            t.left = -1;
            t.pc++;
          }
          if (t.count % (o.every ?? 5) === 0 && limits.stopAtBreaker) return { stop: { kind: 'breaker' }, steps, cost };
          if (steps >= limits.maxSteps || cost >= limits.maxCost) return { stop: { kind: 'limit' }, steps, cost };
          continue;
        }
      }
    }
  }

  resume(_proc: unknown, thread: unknown, r: Resume): void {
    const t = thread as FakeThread;
    if (t.save === null) return;
    t.env[t.save] = r.kind === 'value' ? r.value : { error: r.error.type, message: r.error.message };
    t.save = null;
  }

  loc(_proc: unknown, thread: unknown): Loc {
    return { file: 'fake.py', line: (thread as FakeThread).line };
  }

  storeTarget(_proc: unknown, thread: unknown): StoreTarget {
    const t = thread as FakeThread;
    return t.as !== null ? { name: t.as, line: t.line } : { line: t.line };
  }

  uncaught(_proc: unknown, _thread: unknown, info: { main: boolean; name: string }): { status: number; stderr: string } {
    if (info.main) return { status: 1, stderr: 'Traceback (most recent call last):\nError\n' };
    return { status: 1, stderr: `Exception in thread ${info.name}:\nTraceback (most recent call last):\nError\n` };
  }

  lessThan(a: unknown, b: unknown): boolean | undefined {
    return typeof a === 'number' && typeof b === 'number' ? a < b : undefined;
  }
}

export interface FakeRun {
  m: Machine;
  events: TraceEvent[];
  out: string;
  err: string;
}

/** A machine running `main` (a fake program) with trace and output collected. */
export function fakeMachine(main: FOp[], opts: Partial<MachineOptions> = {}): FakeRun {
  const events: TraceEvent[] = [];
  const r: FakeRun = { m: undefined as unknown as Machine, events, out: '', err: '' };
  r.m = createMachine({ file: 'fake.py', ...opts }, new FakeEngine(), {
    event: (e) => events.push(e),
    output: (stream, text) => {
      if (stream === 'stdout') r.out += text;
      else r.err += text;
    },
  });
  bootProcess(r.m, null, fakeThread(main));
  return r;
}

/** An op that starts a thread running `prog`; its tid is saved in env[save]. */
export function start(prog: FOp[], name: string, save = 'tid', daemon = false): FOp {
  return {
    op: 'call', name: 'thread.start', save,
    payload: (env) => ({ handle: fakeThread(prog, env), name, daemon }),
  };
}

/** Joins the thread whose start result was saved in env[key]. */
export function join(key = 'tid', timeout?: number): FOp {
  return {
    op: 'call', name: 'thread.join',
    payload: (env) => ({ tid: (env[key] as { tid: string }).tid, ...(timeout !== undefined ? { timeout } : {}) }),
  };
}

/** Creates a kernel object; its id is saved in env[as]. */
export function create(kind: string, as: string, extra: Record<string, unknown> = {}): FOp {
  return { op: 'call', name: 'sync.create', save: as, as, payload: { kind, ...extra } };
}

/** A syscall on the object whose id is in env[key]. */
export function on(name: string, key: string, extra: Record<string, unknown> = {}, save?: string): FOp {
  const o: FOp = { op: 'call', name, payload: (env) => ({ id: env[key], ...extra }) };
  if (save) o.save = save;
  return o;
}
