// Editor sessions on the real simulator (parser + compiler + VM + kernel), without VS Code:
// stepping one thread leaves the others on their lines, a deadlock ends the session with the
// cycle, and a signal sent by request runs the program's handler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { KernelSession } from '../../src/server/kernel-session';
import { buildMachine } from '../../src/server/build-machine';
import { initSim } from '../support/sim';

const samples = path.resolve(import.meta.dirname, '../../samples');

function session(file: string, source?: string): KernelSession {
  const full = path.join(samples, file);
  return new KernelSession(buildMachine, { file: full, source: source ?? fs.readFileSync(full, 'utf8'), options: { seed: 0 } });
}

test('stepping Thread-1 leaves Thread-2 where it is, then the deadlock is reported', async () => {
  await initSim();
  const s = session('dead_lock.py');
  // Run with the scheduler's choices until both worker threads exist.
  for (let i = 0; i < 200 && s.snapshot().threads.filter((t) => !t.main).length < 2; i++) s.step(undefined, 'instruction');
  const before = s.snapshot();
  const t1 = before.threads.find((t) => t.name.startsWith('Thread-1'));
  const t2 = before.threads.find((t) => t.name.startsWith('Thread-2'));
  assert.ok(t1 && t2, JSON.stringify(before.threads));
  const t2Line = t2.line;
  for (let i = 0; i < 3; i++) {
    const snap = s.snapshot();
    const cur = snap.threads.find((t) => t.tid === t1.tid)!;
    if (cur.state === 'blocked' || cur.state === 'exited') break;
    try {
      s.step(t1.tid, 'line');
    } catch {
      break; // not runnable at this decision point
    }
    assert.equal(s.snapshot().threads.find((t) => t.tid === t2.tid)!.line, t2Line, 'Thread-2 must not move');
  }
  for (let i = 0; i < 100 && !s.run(1_000_000, 'cpython'); i++);
  const end = s.snapshot().ended;
  assert.equal(end?.outcome, 'deadlock');
  const names = (end?.waits ?? []).map((w) => w.waitsFor.name).sort();
  assert.deepEqual(names, ['lock_a', 'lock_b']);
});

test('a signal sent by request runs the handler', async () => {
  await initSim();
  const source = [
    'import signal, time',
    'def handler(sig, frame):',
    '    print("handled", sig)',
    'signal.signal(signal.SIGUSR1, handler)',
    'time.sleep(1)',
    'print("after sleep")',
    '',
  ].join('\n');
  const s = session('inline_signal.py', source);
  // Let the program install its handler and start sleeping.
  for (let i = 0; i < 100 && !s.snapshot().threads.some((t) => t.state === 'blocked'); i++) s.run(5, 'cpython');
  assert.equal(s.snapshot().threads[0]!.state, 'blocked', 'paused while the main thread sleeps');
  s.sendSignal('SIGUSR1');
  // run() returns at idle moments too (a chance to act); go on to the end.
  for (let i = 0; i < 100 && !s.run(1_000_000, 'cpython'); i++);
  const text = s.takeEvents()
    .filter((e) => e.kind === 'io.flush')
    .map((e) => (e as { text: string }).text)
    .join('');
  assert.equal(text, 'handled 10\nafter sleep\n');
  assert.equal(s.snapshot().ended?.exitCode, 0);
});
