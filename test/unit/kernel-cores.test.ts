// Several processes on N virtual cores: each process has its own GIL, processes run in
// parallel; with more runnable processes than cores they take turns (time slices).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeMachine, fakeThread, type FOp } from './kernel-fake';
import { newProcess, newThread, wantGil } from '../../src/sim/kernel/threads';
import { validateTrace } from '../../src/trace/validate';

const MS = 1_000_000;

/** The main process sleeps 1 s; `n` other processes each run 10 ms of CPU work. */
function run(n: number, cores: number) {
  const r = fakeMachine([{ op: 'call', name: 'time.sleep', payload: { seconds: 1 } }], { cores });
  const k = r.m.k;
  for (let i = 0; i < n; i++) {
    const p = newProcess(k, 2000 + i, 1000, `worker ${i}`, null);
    const t = newThread(k, p, fakeThread([{ op: 'cpu', n: 400_000 } as FOp]), { name: 'MainThread', daemon: false, main: true });
    wantGil(k, t);
  }
  const res = r.m.run();
  // when each worker's code ended (before the interpreter's finalization, process.ts)
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = r.events.find((x) => 'pid' in x && x.pid === 2000 + i && (x.kind === 'thread.exit' || (x.kind === 'thread.state' && x.state === 'blocked')));
    if (e) ends.push(e.t);
  }
  return { res, ends, events: r.events };
}

test('cores: 4 CPU-bound processes on 4 cores run in parallel', () => {
  const { ends, events } = run(4, 4);
  assert.equal(ends.length, 4);
  for (const t of ends) assert.ok(t > 10 * MS && t < 10.1 * MS, String(t));
  assert.deepEqual(validateTrace(events), []);
});

test('cores: 8 processes on 4 cores take turns and finish in about twice the time', () => {
  const { ends, events } = run(8, 4);
  assert.equal(ends.length, 8);
  const last = Math.max(...ends);
  assert.ok(last > 20 * MS && last < 20.5 * MS, String(last));
  // round robin: nobody finishes before the first slices of everybody
  assert.ok(Math.min(...ends) > 10 * MS, String(Math.min(...ends)));
  assert.deepEqual(validateTrace(events), []);
  const readies = events.filter((e) => e.kind === 'thread.state' && e.state === 'ready' && e.pid >= 2000);
  assert.ok(readies.length >= 4, 'processes waiting for a core are shown ready');
});

test('cores: one core runs processes one slice at a time', () => {
  const { ends } = run(3, 1);
  const last = Math.max(...ends);
  assert.ok(last > 30 * MS && last < 30.3 * MS, String(last));
});
