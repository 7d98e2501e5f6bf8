// Schedule exploration on the scripted kernel engine (no Python): the search machinery,
// preemption bounds, replay and lock-order analysis, independent of the VM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootProcess, createMachine } from '../../src/sim/kernel/kernel';
import { explore, lockOrderCycles, runOnce, search, type MachineFactory } from '../../src/sim/explore/index';
import type { TraceEvent } from '../../src/trace/format';
import { create, FakeEngine, fakeThread, join, on, start, type FOp } from './kernel-fake';

const cpu = (n: number): FOp => ({ op: 'cpu', n, every: 1 });
const line = (n: number): FOp => ({ op: 'line', line: n });

function fakeFactory(build: () => FOp[]): MachineFactory {
  return (spec, onEvent) => {
    let out = '';
    let err = '';
    const m = createMachine({
      file: 'fake.py', strategy: spec.strategy, preemption: spec.preemption, maxSteps: spec.maxSteps, wakeLatencyNs: 5_000,
      ...(spec.schedule !== undefined ? { schedule: spec.schedule } : {}),
    }, new FakeEngine(), {
      event: onEvent,
      output: (s, t) => {
        if (s === 'stdout') out += t;
        else err += t;
      },
    });
    bootProcess(m, null, fakeThread(build()));
    return { machine: m, stdout: () => out, stderr: () => err };
  };
}

/** Two threads take two locks in opposite order, without sleeping: the faithful schedule
 * runs them one after the other and does not deadlock. */
function inversion(): FOp[] {
  const t1 = [line(8), on('lock.acquire', 'a'), cpu(3), line(9), on('lock.acquire', 'b'), on('lock.release', 'b'), on('lock.release', 'a')];
  const t2 = [line(14), on('lock.acquire', 'b'), cpu(3), line(15), on('lock.acquire', 'a'), on('lock.release', 'a'), on('lock.release', 'b')];
  return [line(3), create('lock', 'a'), line(4), create('lock', 'b'), start(t1, 'Thread-1', 't1'), start(t2, 'Thread-2', 't2'), join('t1'), join('t2')];
}

/** Both threads take the locks in the same order. */
function ordered(): FOp[] {
  const w = (): FOp[] => [on('lock.acquire', 'a'), cpu(2), on('lock.acquire', 'b'), cpu(1), on('lock.release', 'b'), on('lock.release', 'a')];
  return [create('lock', 'a'), create('lock', 'b'), start(w(), 'Thread-1', 't1'), start(w(), 'Thread-2', 't2'), join('t1'), join('t2')];
}

const base = { maxSchedules: 2000, seed: 1, maxSteps: 10_000 };

test('explore (fake): the faithful run of the inversion exits; lock-order analysis flags it', () => {
  const f = fakeFactory(inversion);
  const events: TraceEvent[] = [];
  const r = runOnce((s) => f(s, (e) => events.push(e)), { preemption: 'instruction', strategy: 'manual', maxSteps: 10_000 }, (d) => d.cpython);
  assert.equal(r.kind, 'exit');
  const cycles = lockOrderCycles(events);
  assert.equal(cycles.length, 1);
  assert.deepEqual(cycles[0]!.locks.map((l) => l.name), ['a', 'b']);
  assert.deepEqual(cycles[0]!.edges.map((e) => [e.threadName, e.from.name, e.to.name, e.heldAt?.line, e.acquiredAt?.line]), [
    ['Thread-1', 'a', 'b', 8, 9],
    ['Thread-2', 'b', 'a', 14, 15],
  ]);
  assert.match(cycles[0]!.message, /potential deadlock/);
  assert.deepEqual(lockOrderCycles([]), []);
});

for (const strategy of ['dfs', 'pct', 'random'] as const) {
  test(`explore (fake): ${strategy} finds the deadlock; its schedule replays`, () => {
    const rep = explore(fakeFactory(inversion), { ...base, strategy, switchMode: 'instruction' });
    assert.equal(rep.outcome, 'failure');
    assert.equal(rep.failing!.kind, 'deadlock');
    assert.match(rep.failing!.message, /Thread-1 waits for b .*Thread-2 waits for a/);
    assert.equal(rep.replayVerified, true);
    assert.equal(rep.alsoUnderCpython, true, 'the calls are switch points under cpython too');
    assert.equal(rep.lockOrder.length, 1);
    if (strategy === 'dfs') assert.equal(rep.failing!.preemptions, 1);
    if (strategy === 'pct') assert.ok(rep.search.pct!.perRun > 0);
  });
}

test('explore (fake): dfs exhausts a correctly ordered program with no failure', () => {
  const rep = explore(fakeFactory(ordered), { ...base, strategy: 'dfs', switchMode: 'instruction', maxPreemptions: 2 });
  assert.equal(rep.outcome, 'none');
  assert.equal(rep.search.exhausted, true);
  assert.equal(rep.alsoUnderCpython, null);
  assert.deepEqual(rep.lockOrder, []);
  assert.ok(rep.search.schedulesTried > 1);
  assert.ok(rep.search.coverage.distinctSchedules > 1);
  assert.ok(rep.search.coverage.distinctStates > 10);
  // without state hashing the same space takes more runs
  const plain = search(fakeFactory(ordered), { ...base, strategy: 'dfs', switchMode: 'instruction', maxPreemptions: 2, stateHashing: false });
  assert.equal(plain.failure, null);
  assert.equal(plain.exhausted, true);
  assert.ok(plain.schedulesTried >= rep.search.schedulesTried, `${plain.schedulesTried} vs ${rep.search.schedulesTried}`);
});

test('explore (fake): the same seed gives the same report', () => {
  for (const strategy of ['dfs', 'pct', 'random'] as const) {
    const a = explore(fakeFactory(inversion), { ...base, seed: 7, strategy, switchMode: 'instruction' });
    const b = explore(fakeFactory(inversion), { ...base, seed: 7, strategy, switchMode: 'instruction' });
    assert.deepEqual(a, b);
  }
});
