// The kernel-backed SimSession against a scripted machine with the kernel's Machine shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KernelSession, machineOptions, type MachineLike, type ThreadViewLike } from '../../src/server/kernel-session';
import type { TraceEvent } from '../../src/trace/format';

/** Each thread runs `lines` (two instructions per line); thread 1:3 blocks on lock#1 (held by 1:2) after its first line. */
function machine(onEvent: (e: TraceEvent) => void): MachineLike & { signals: [number, number][] } {
  const scripts: Record<string, number[]> = { '1:1': [10, 11, 12], '1:2': [3, 4, 5], '1:3': [7, 8] };
  const pc: Record<string, number> = { '1:1': 0, '1:2': 0, '1:3': 0 };
  let steps = 0;
  let outcome: 'exit' | null = null;
  const signals: [number, number][] = [];
  const lineOf = (tid: string) => scripts[tid]![Math.min(Math.floor(pc[tid]! / 2), scripts[tid]!.length - 1)]!;
  const done = (tid: string) => pc[tid]! >= scripts[tid]!.length * 2;
  const blocked = (tid: string) => tid === '1:3' && pc[tid]! >= 2 && !done('1:2');
  const candidates = () => Object.keys(scripts).filter((t) => !done(t) && !blocked(t));
  const decision = () => {
    const c = candidates();
    return c.length ? { pid: 1, candidates: c, current: null, cpython: c[0]! } : null;
  };
  let started = false;
  const m: MachineLike & { signals: [number, number][] } = {
    signals,
    state: { steps: 0, clock: { now: 0 }, outcome: null, procs: { 1: { pid: 1, ppid: 0, name: 'python', state: 'R', exitStatus: null, exited: false } }, wf: { objects: { 'lock#1': { holders: ['1:2'] } } } },
    step(choice) {
      if (!started) started = true;
      else {
        const tid = choice ?? decision()!.cpython;
        pc[tid]!++;
        steps++;
        m.state.steps = steps;
        m.state.clock.now = steps * 100;
        onEvent({ seq: steps - 1, t: steps * 100, kind: 'thread.state', pid: 1, tid, state: 'running', loc: { file: 'x.py', line: lineOf(tid) } });
      }
      const d = decision();
      if (!d) {
        outcome = 'exit';
        m.state.outcome = 'exit';
        return { kind: 'done', result: m.result() };
      }
      return { kind: 'decision', decision: d };
    },
    // The scripted machine has decision points everywhere, so a budget never pauses it.
    runFor: () => m.step(),
    pendingDecision: () => (started && !outcome ? decision() : null),
    threads: () => Object.keys(scripts).map((tid): ThreadViewLike => ({
      tid, pid: 1, name: tid === '1:1' ? 'MainThread' : `Thread-${tid.slice(2) === '2' ? 1 : 2} (w)`, main: tid === '1:1',
      state: done(tid) ? 'finished' : blocked(tid) ? 'blocked' : 'ready',
      loc: { file: 'x.py', line: lineOf(tid) },
      ...(blocked(tid) ? { on: { kind: 'lock' as const, id: 'lock#1', name: 'lock_a' } } : {}),
    })),
    result: () => ({ outcome: outcome ?? 'limit', exitCode: 0, schedule: `steps=${steps}`, steps, virtualTimeNs: steps * 100 }),
    sendSignal: (pid, signum) => void signals.push([pid, signum]),
  };
  return m;
}

test('stepping a thread by line moves only that thread; blocked threads refuse to step', () => {
  let m!: ReturnType<typeof machine>;
  const s = new KernelSession((_input, onEvent) => (m = machine(onEvent)), { source: '', file: 'x.py', options: {} });
  s.step(undefined, 'line'); // reach the first decision point
  const lines = () => Object.fromEntries(s.snapshot().threads.map((t) => [t.tid, t.line]));
  assert.deepEqual(lines(), { '1:1': 10, '1:2': 3, '1:3': 7 });
  s.step('1:2', 'line');
  assert.deepEqual(lines(), { '1:1': 10, '1:2': 4, '1:3': 7 });
  assert.equal(s.snapshot().steps, 2);
  s.step('1:2', 'instruction');
  assert.deepEqual(lines(), { '1:1': 10, '1:2': 4, '1:3': 7 });
  assert.equal(s.snapshot().steps, 3);
  s.step('1:3', 'line'); // runs until it blocks
  const t3 = s.snapshot().threads.find((t) => t.tid === '1:3')!;
  assert.equal(t3.state, 'blocked');
  assert.deepEqual(t3.waitsFor, { kind: 'lock', id: 'lock#1', name: 'lock_a', holder: '1:2', holderName: 'Thread-1 (w)' });
  assert.equal(t3.target, 'w');
  assert.throws(() => s.step('1:3', 'line'), /Thread-2 \(w\) cannot run: blocked on lock_a/);
  assert.ok(s.takeEvents().length >= 5);

  s.sendSignal('SIGINT');
  s.sendSignal('SIGUSR1', 1);
  assert.deepEqual(m.signals, [[1, 2], [1, 10]]);
  assert.throws(() => s.sendSignal('SIGNOPE'), /unknown signal/);

  assert.equal(s.run(1000, 'cpython'), true);
  const end = s.snapshot();
  assert.equal(end.ended?.outcome, 'exit');
  assert.ok(end.threads.every((t) => t.state === 'exited'));
});

test('random continue is deterministic for a seed', () => {
  const run = (seed: number) => {
    const events: TraceEvent[] = [];
    const s = new KernelSession((_i, onEvent) => machine((e) => { events.push(e); onEvent(e); }), { source: '', file: 'x.py', options: { seed } });
    s.run(1000, 'random');
    return events.map((e) => (e.kind === 'thread.state' ? e.tid : '')).join(',');
  };
  assert.equal(run(1), run(1));
  assert.notEqual(run(1) + run(2) + run(3), run(1) + run(1) + run(1));
});

test('session options map to machine options', () => {
  assert.deepEqual(machineOptions({ seed: 3, cores: 2, switchMode: 'instruction', switchIntervalMs: 5, maxSteps: 10 }, 'a.py'), {
    file: 'a.py', strategy: 'manual', stdout: 'tty', seed: 3, cores: 2, preemption: 'instruction', switchIntervalNs: 5_000_000, maxSteps: 10,
  });
});
