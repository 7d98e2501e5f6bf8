// The kernel with the real VM: the seeds' thread programs, deadlock and hang reports,
// determinism and replay, on Python source.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { initSim, runPy } from './kernel-py';
import { toJsonl } from '../../src/trace/jsonl';
import { validateTrace } from '../../src/trace/validate';
import { formatReport } from '../../src/sim/kernel/report';

before(() => initSim());

const sample = (name: string) => fs.readFileSync(`samples/${name}`, 'utf8');

test('thread02.py: join-ordered output as CPython prints it; sleeps overlap', () => {
  const r = runPy(sample('thread02.py'), { file: 'thread02.py' });
  assert.equal(r.res.outcome, 'exit');
  assert.equal(r.out, 'thread got its arguments\n'.repeat(3) + 't0 finished\nt1 finished\nt2 finished\n');
  assert.ok(r.res.virtualTimeNs > 2e9 && r.res.virtualTimeNs < 2.001e9);
  assert.deepEqual(validateTrace(r.events), []);
});

test('thread_attr.py: names, is_alive, daemon, DeprecationWarnings once per line', () => {
  const r = runPy(sample('thread_attr.py'), { file: 'thread_attr.py' });
  assert.equal(r.out, 'Thread name: Tedu\nThread get name: Tedu\njudge status: True\ndaemon: False\n'
    + '*********** main thread ends ***************\nrunning thread Tedu\nthread attribute test\n');
  const warnings = r.err.split('\n').filter((l) => l.includes('DeprecationWarning'));
  assert.deepEqual(warnings.map((l) => l.replace(/^.*DeprecationWarning: /, '')), [
    'setDaemon() is deprecated, set the daemon attribute instead',
    'setName() is deprecated, set the name attribute instead',
    'getName() is deprecated, get the name attribute instead',
    'isDaemon() is deprecated, get the daemon attribute instead',
    'currentThread() is deprecated, use current_thread() instead',
    'getName() is deprecated, get the name attribute instead',
  ]);
  assert.match(r.err, /^thread_attr\.py:12: DeprecationWarning: setDaemon\(\) is deprecated, set the daemon attribute instead\n {2}t\.setDaemon\(True\)/);
  // the rename shows on the timeline
  assert.ok(r.events.some((e) => e.kind === 'thread.rename' && e.name === 'Tedu'));
});

test('thread_event.py and myThread.py (ctime on the deterministic virtual clock)', () => {
  const ev = runPy(sample('thread_event.py'), { file: 'thread_event.py' });
  assert.equal(ev.out, 'Bar arrives at the mountain gate\nsay the password and you are one of us\nconfirmed, you are the right person\n');
  assert.ok(ev.res.virtualTimeNs > 3e9 && ev.res.virtualTimeNs < 3.001e9);
  const my = runPy(sample('myThread.py'), { file: 'myThread.py' });
  assert.equal(my.out, 'Playing Liang Liang:Mon Jan  1 00:00:00 2024\nPlaying Liang Liang:Mon Jan  1 00:00:03 2024\nPlaying Liang Liang:Mon Jan  1 00:00:06 2024\n');
});

test('dead_lock.py: a deadlock naming both locks, where they were made, and both blocking lines', () => {
  const r = runPy(sample('dead_lock.py'), { file: 'dead_lock.py' });
  assert.equal(r.res.outcome, 'deadlock');
  assert.equal(r.res.exitCode, 3);
  assert.equal(r.out, 't1 holds A, wants B\nt2 holds B, wants A\n');
  const c = r.res.deadlock!;
  assert.deepEqual(c.map((e) => [e.threadName, e.waitsFor.name, e.waitsFor.line, e.loc?.line, e.holds?.map((h) => h.name)]), [
    ['Thread-1 (t1)', 'lock_b', 6, 12, ['lock_a']],
    ['Thread-2 (t2)', 'lock_a', 5, 21, ['lock_b']],
  ]);
  // reported once, when the second thread blocked at 0.1 s (the main thread still ran)
  const dl = r.events.filter((e) => e.kind === 'deadlock');
  assert.equal(dl.length, 1);
  assert.equal(formatReport('deadlock', c), [
    'threadline: deadlock: 2 threads wait for each other forever',
    '  Thread-1 (t1) waits for lock_b (Lock, line 6) held by Thread-2 (t2)',
    '      at dead_lock.py:12; it holds lock_a (Lock, line 5)',
    '  Thread-2 (t2) waits for lock_a (Lock, line 5) held by Thread-1 (t1)',
    '      at dead_lock.py:21; it holds lock_b (Lock, line 6)',
    '',
  ].join('\n'));
});

test('a partial deadlock is reported when it forms while the main thread still runs', () => {
  const src = [
    'import threading, time',
    'a = threading.Lock()',
    'b = threading.Lock()',
    'def f(x, y):',
    '    with x:',
    '        time.sleep(0.1)',
    '        with y:',
    '            pass',
    'threading.Thread(target=f, args=(a, b), daemon=True).start()',
    'threading.Thread(target=f, args=(b, a), daemon=True).start()',
    'time.sleep(1)',
    "print('main goes on')",
  ].join('\n');
  const r = runPy(src);
  assert.equal(r.res.outcome, 'exit');
  assert.equal(r.out, 'main goes on\n');
  assert.equal(r.res.deadlocks.length, 1);
  const dl = r.events.find((e) => e.kind === 'deadlock')!;
  assert.ok(dl.t >= 1e8 && dl.t < 1.01e8, String(dl.t));
});

test('re-acquiring your own Lock is a deadlock of one thread', () => {
  const r = runPy('import threading\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()\n');
  assert.equal(r.res.outcome, 'deadlock');
  assert.deepEqual(r.res.deadlock!.map((e) => [e.threadName, e.waitsFor.name, e.waitsFor.holder, e.loc?.line]), [['MainThread', 'lock', '1000:1', 4]]);
});

test('a lost wake-up (notify before wait) is a hang naming the condition', () => {
  const src = [
    'import threading, time',
    'cond = threading.Condition()',
    'def consumer():',
    '    time.sleep(0.1)',
    '    with cond:',
    '        cond.wait()',
    "    print('consumed')",
    'def producer():',
    '    with cond:',
    '        cond.notify()',
    'c = threading.Thread(target=consumer)',
    'p = threading.Thread(target=producer)',
    'c.start()',
    'p.start()',
    'c.join()',
    'p.join()',
  ].join('\n');
  const r = runPy(src);
  assert.equal(r.res.outcome, 'hang');
  assert.equal(r.res.exitCode, 3);
  assert.deepEqual(r.res.hang!.map((e) => [e.threadName, e.waitsFor.kind, e.waitsFor.name ?? e.waitsFor.id, e.loc?.line]), [
    ['MainThread', 'join', 'Thread-1 (consumer)', 15],
    ['Thread-1 (consumer)', 'condition', 'cond', 6],
  ]);
  assert.match(formatReport('hang', r.res.hang!), /Thread-1 \(consumer\) waits for cond \(Condition, line 2\)/);
});

test('a get() with no producer and an Event never set are hangs', () => {
  const q = runPy('import queue\nq = queue.Queue()\nq.get()\n');
  assert.equal(q.res.outcome, 'hang');
  assert.deepEqual(q.res.hang!.map((e) => [e.waitsFor.kind, e.waitsFor.name, e.loc?.line]), [['queue', 'q', 3]]);
  const e = runPy('import threading\nready = threading.Event()\nready.wait()\n');
  assert.deepEqual(e.res.hang!.map((x) => [x.waitsFor.kind, x.waitsFor.name]), [['event', 'ready']]);
});

const RACY = [
  'import threading',
  'counter = 0',
  'def work():',
  '    global counter',
  '    for i in range(300):',
  '        v = counter',
  '        abs(v)  # a call: a preemption point between the read and the write',
  '        counter = v + 1',
  'ts = [threading.Thread(target=work) for _ in range(3)]',
  'for t in ts: t.start()',
  'for t in ts: t.join()',
  'print(counter)',
].join('\n');

test('determinism: same seed, byte-identical trace; the schedule replays the run exactly', () => {
  const a = runPy(RACY, { strategy: 'random', seed: 11 });
  const b = runPy(RACY, { strategy: 'random', seed: 11 });
  assert.equal(toJsonl(a.events), toJsonl(b.events));
  assert.notEqual(a.out, '900\n', 'random switches lose updates');
  const rep = runPy(RACY, { strategy: 'replay', seed: 11, schedule: a.res.schedule });
  assert.equal(rep.res.scheduleDiverged, undefined);
  assert.equal(rep.out, a.out);
  assert.equal(toJsonl(rep.events), toJsonl(a.events));
  // CPython's own schedule: no switch inside such short loops, nothing lost
  const cp = runPy(RACY);
  assert.equal(cp.out, '900\n');
  assert.equal(toJsonl(runPy(RACY, { strategy: 'replay', schedule: cp.res.schedule }).events), toJsonl(cp.events));
});

test('instruction-level preemption exposes the race of thread_nolock.py', () => {
  const src = sample('thread_nolock.py').replace(/range\(\d+\)/g, 'range(2000)');
  const cp = runPy(src, { file: 'thread_nolock.py' });
  assert.equal(cp.out, 'inconsistent reads: 0\n');
  const ins = runPy(src, { file: 'thread_nolock.py', strategy: 'random', seed: 3, preemption: 'instruction' });
  assert.match(ins.out, /inconsistent reads: [1-9]\d*\n$/);
});

test('manual strategy: the caller picks the thread at each decision point', async () => {
  const { compileSource } = await import('../../src/sim/frontend');
  const { startVmMachine } = await import('../../src/sim/kernel/vm-engine');
  const { MODULES } = await import('../../src/sim/modules/index');
  const fe = compileSource(RACY, 'main.py');
  assert.ok(fe.ok);
  let out = '';
  const { machine } = startVmMachine(fe.code, {
    file: 'main.py', strategy: 'manual', vm: { argv: ['main.py'], modules: MODULES, mainFile: 'main.py' },
    host: { readSource: () => null, compileSource: () => ({ error: 'x', kind: 'syntax' }), getSourceLine: () => null },
  }, { output: (_s, t) => { out += t; } });
  let st = machine.step();
  let n = 0;
  while (st.kind === 'decision') {
    // alternate between the candidates at every decision: a very fine interleaving
    const c = st.decision.candidates;
    st = machine.step(c[n++ % c.length]);
  }
  assert.ok(st.kind === 'done' && st.result.outcome === 'exit');
  assert.ok(n > 100);
  assert.notEqual(out, '900\n');
});
