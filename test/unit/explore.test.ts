// Schedule exploration on real Python programs: deadlocks, a lost update that needs
// instruction-level preemption, a correctly locked program exhausted by bounded dfs,
// replay of the reported schedules through runProgram, determinism, and lock-order
// analysis of a run that happens not to deadlock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runProgram } from '../../src/sim/api';
import { explore, lockOrderCycles, programFactory, type ExploreOptions, type MachineFactory } from '../../src/sim/explore/index';
import { initSim } from '../support/sim';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

const RACE = `import threading

counter = 0

def work():
    global counter
    for _ in range(2):
        counter += 1

t1 = threading.Thread(target=work)
t2 = threading.Thread(target=work)
t1.start()
t2.start()
t1.join()
t2.join()
assert counter == 4, f"lost update: counter = {counter}"
print("counter", counter)
`;

const LOCKED = `import threading

counter = 0
lock = threading.Lock()

def work():
    global counter
    with lock:
        counter += 1

t1 = threading.Thread(target=work)
t2 = threading.Thread(target=work)
t1.start()
t2.start()
t1.join()
t2.join()
assert counter == 2, f"lost update: counter = {counter}"
`;

// a->b in one thread, b->a in the other, but the threads never overlap in this run
const INVERSION = `import threading

a = threading.Lock()
b = threading.Lock()

def one():
    with a:
        with b:
            pass

def two():
    with b:
        with a:
            pass

t1 = threading.Thread(target=one)
t2 = threading.Thread(target=two)
t1.start()
t2.start()
t1.join()
t2.join()
print("done")
`;

function factory(source: string, filename = 'prog.py'): MachineFactory {
  const made = programFactory({ filename, source, stdoutMode: 'pipe' });
  if (!made.ok) throw new Error(`does not compile: ${made.diagnostic.message}`);
  return made.factory;
}

const opts = (o: Partial<ExploreOptions>): ExploreOptions => ({
  strategy: 'dfs', switchMode: 'instruction', maxSchedules: 400, seed: 1, maxSteps: 100_000, ...o,
});

function replay(source: string, schedule: string, switchMode: 'cpython' | 'instruction', filename = 'prog.py') {
  return runProgram({ filename, source, schedule, switchMode, stdoutMode: 'pipe', maxSteps: 100_000 });
}

test('explore: samples/dead_lock.py deadlocks, also under cpython switching; the schedule replays', async () => {
  await initSim();
  const source = fs.readFileSync(path.join(root, 'samples/dead_lock.py'), 'utf8');
  const rep = explore(factory(source, 'dead_lock.py'), opts({}));
  assert.equal(rep.outcome, 'failure');
  const f = rep.failing!;
  assert.equal(f.kind, 'deadlock');
  assert.match(f.message, /lock_b.*lock_a/);
  assert.equal(rep.alsoUnderCpython, true);
  assert.equal(rep.replayVerified, true);
  const r = replay(source, f.schedule, f.switchMode, 'dead_lock.py');
  assert.equal(r.outcome, 'deadlock');
  assert.equal(r.exitCode, 3);
  // the two threads take the locks in opposite orders
  assert.equal(rep.lockOrder.length, 1);
  assert.deepEqual(rep.lockOrder[0]!.locks.map((l) => l.name).sort(), ['lock_a', 'lock_b']);
});

test('explore: a lost update needs instruction-level preemption (not CPython 3.11 switch points)', async () => {
  await initSim();
  const rep = explore(factory(RACE), opts({}));
  assert.equal(rep.faithful.kind, 'exit', 'the default schedule passes');
  assert.equal(rep.outcome, 'failure');
  const f = rep.failing!;
  assert.equal(f.kind, 'assertion');
  assert.match(f.message, /^AssertionError: lost update: counter = [23]$/);
  assert.equal(f.switchMode, 'instruction');
  assert.ok(f.preemptions >= 1);
  assert.equal(rep.replayVerified, true);
  // CPython switches only at eval-breaker points: `counter += 1` cannot be split there
  assert.equal(rep.alsoUnderCpython, false);
  assert.equal(rep.cpython!.failure, null);
  assert.equal(rep.cpython!.exhausted, true);
  // the reported schedule reproduces through the public API
  const r = replay(RACE, f.schedule, 'instruction');
  assert.equal(r.exitCode, 1);
  assert.match(r.stderr, /AssertionError: lost update/);
  // ...and under the default schedule the program passes
  assert.equal(runProgram({ filename: 'prog.py', source: RACE }).stdout, 'counter 4\n');
});

test('explore: pct and random also find the lost update', async () => {
  await initSim();
  for (const strategy of ['pct', 'random'] as const) {
    const rep = explore(factory(RACE), opts({ strategy, maxSchedules: 300, compareCpython: false }));
    assert.equal(rep.failing?.kind, 'assertion', strategy);
    assert.equal(rep.replayVerified, true, strategy);
    if (strategy === 'pct') {
      const g = rep.search.pct!;
      assert.equal(g.depth, 3);
      assert.ok(g.threads >= 2 && g.steps > 0 && g.perRun > 0 && g.confidence > 0);
    }
  }
});

test('explore: a correctly locked program has no failure; bounded dfs exhausts its space', async () => {
  await initSim();
  const rep = explore(factory(LOCKED), opts({ maxPreemptions: 1, maxSchedules: 2000 }));
  assert.equal(rep.outcome, 'none');
  assert.equal(rep.failing, undefined);
  assert.equal(rep.alsoUnderCpython, null);
  assert.equal(rep.search.exhausted, true);
  assert.equal(rep.search.preemptionBound, 1);
  assert.ok(rep.search.schedulesTried > 10);
  assert.ok(rep.search.coverage.distinctStates > 50);
  assert.deepEqual(rep.lockOrder, []);
});

test('explore: the same seed gives the same report', async () => {
  await initSim();
  for (const strategy of ['dfs', 'pct', 'random'] as const) {
    const o = opts({ strategy, seed: 42, maxSchedules: 60, compareCpython: false });
    const a = explore(factory(RACE), o);
    const b = explore(factory(RACE), o);
    assert.deepEqual(a, b, strategy);
  }
});

test('lock order: a->b and b->a in two threads is a potential deadlock even when the run does not deadlock', async () => {
  await initSim();
  const r = runProgram({ filename: 'inv.py', source: INVERSION, collectTrace: true });
  assert.equal(r.outcome, 'exit');
  assert.equal(r.stdout, 'done\n');
  const cycles = lockOrderCycles(r.trace!);
  assert.equal(cycles.length, 1);
  const c = cycles[0]!;
  assert.deepEqual(c.locks.map((l) => l.name), ['a', 'b']);
  assert.deepEqual(c.edges.map((e) => [e.from.name, e.to.name, e.heldAt?.line, e.acquiredAt?.line]), [
    ['a', 'b', 7, 8],
    ['b', 'a', 12, 13],
  ]);
  assert.match(c.message, /^potential deadlock \(lock-order inversion\): Thread-1 \(one\) takes a \(line 7\) then b \(line 8\); Thread-2 \(two\) takes b \(line 12\) then a \(line 13\)$/);
  // a gate lock held around both orders makes it safe
  const gated = INVERSION.replace('a = threading.Lock()', 'g = threading.Lock()\na = threading.Lock()')
    .replace(/    with a:\n        with b:/, '    with g:\n      with a:\n        with b:')
    .replace(/    with b:\n        with a:/, '    with g:\n      with b:\n        with a:');
  const r2 = runProgram({ filename: 'gated.py', source: gated, collectTrace: true });
  assert.equal(r2.stdout, 'done\n', r2.stderr);
  assert.deepEqual(lockOrderCycles(r2.trace!), []);
  // and explore finds the actual deadlock
  const rep = explore(factory(INVERSION), opts({}));
  assert.equal(rep.faithful.kind, 'exit');
  assert.equal(rep.failing?.kind, 'deadlock');
  assert.equal(rep.lockOrder.length, 1);
});

test('explore: semaphores used for signalling are not a deadlock (a cycle whose threads run again is dropped)', async () => {
  await initSim();
  const source = fs.readFileSync(path.join(root, 'test/diff/228_ping_pong.py'), 'utf8');
  for (const strategy of ['dfs', 'random'] as const) {
    const rep = explore(factory(source, 'ping_pong.py'), opts({ strategy, maxSchedules: 25, compareCpython: false }));
    assert.equal(rep.faithful.kind, 'exit', strategy);
    assert.equal(rep.outcome, 'none', `${strategy}: ${rep.failing?.message}`);
  }
});
