import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateTrace } from '../../src/trace/validate';
import { parseSchedule, scheduleLength } from '../../src/sim/kernel/scheduler';
import { create, fakeMachine, join, on, repeat, start, type FOp } from './kernel-fake';

const MS = 1_000_000;
const cpu = (n: number): FOp => ({ op: 'cpu', n });
const sleep = (seconds: number): FOp => ({ op: 'call', name: 'time.sleep', payload: { seconds } });
const print = (text: string): FOp => ({ op: 'print', text });
const line = (n: number): FOp => ({ op: 'line', line: n });

test('machine: one thread prints and exits; the trace is valid', () => {
  const r = fakeMachine([print('hello\n'), cpu(100), print('bye\n')]);
  const res = r.m.run();
  assert.equal(res.outcome, 'exit');
  assert.equal(res.exitCode, 0);
  assert.equal(r.out, 'hello\nbye\n');
  assert.deepEqual(validateTrace(r.events), []);
  assert.deepEqual(r.events.map((e) => e.kind).slice(0, 5), ['run.start', 'process.start', 'thread.start', 'gil.request', 'gil.acquire']);
  assert.equal(r.events.at(-1)!.kind, 'run.end');
  assert.equal(res.virtualTimeNs, 103 * 25);
  assert.equal(res.schedule, '1*103');
});

test('machine: two CPU-bound threads share the GIL, switching every ~5 ms', () => {
  const work = [cpu(1_000_000)]; // 25 ms each
  const r = fakeMachine([start(work, 'Thread-1 (count)', 't1'), start(work, 'Thread-2 (count)', 't2'), join('t1'), join('t2')]);
  const res = r.m.run();
  assert.equal(res.outcome, 'exit');
  assert.deepEqual(validateTrace(r.events), []);
  const drops = r.events.filter((e) => e.kind === 'gil.drop');
  assert.ok(drops.length >= 6 && drops.length <= 11, `drops: ${drops.length}`);
  // every 5 ms, or 10 ms when a switch happened during the waiter's timed wait (the main
  // thread blocking in join) — CPython's take_gil does the same
  for (let i = 1; i < drops.length; i++) {
    const gap = drops[i]!.t - drops[i - 1]!.t;
    assert.ok(Math.abs(gap - 5 * MS) < 50_000 || Math.abs(gap - 10 * MS) < 50_000, `gap ${gap}`);
  }
  // CPU-bound threads take as long as running the work serially (plus handoffs)
  assert.ok(res.virtualTimeNs >= 50 * MS && res.virtualTimeNs < 50.5 * MS, String(res.virtualTimeNs));
  assert.ok(res.decisions >= drops.length && res.decisions < 3 * drops.length);
  assert.equal(scheduleLength(parseSchedule(res.schedule, 1000)), res.steps);
});

test('machine: sleeping threads overlap in virtual time', () => {
  const prog: FOp[] = [];
  for (let i = 0; i < 10; i++) prog.push(start([sleep(1), print(`done ${i}\n`)], `Thread-${i + 1}`, `t${i}`));
  for (let i = 0; i < 10; i++) prog.push(join(`t${i}`));
  const r = fakeMachine(prog);
  const res = r.m.run();
  assert.equal(res.outcome, 'exit');
  assert.ok(res.virtualTimeNs > 1000 * MS && res.virtualTimeNs < 1001 * MS, String(res.virtualTimeNs));
  assert.equal(r.out, Array.from({ length: 10 }, (_, i) => `done ${i}\n`).join(''));
});

test('machine: dead_lock.py — the cycle is reported with both locks and both lines', () => {
  const f1 = [line(8), on('lock.acquire', 'lock_a'), sleep(0.1), line(9), on('lock.acquire', 'lock_b'), on('lock.release', 'lock_b'), on('lock.release', 'lock_a')];
  const f2 = [line(14), on('lock.acquire', 'lock_b'), sleep(0.1), line(15), on('lock.acquire', 'lock_a'), on('lock.release', 'lock_a'), on('lock.release', 'lock_b')];
  const r = fakeMachine([line(3), create('lock', 'lock_a'), line(4), create('lock', 'lock_b'), line(20), start(f1, 'Thread-1 (f1)', 't1'), start(f2, 'Thread-2 (f2)', 't2'), line(22), join('t1'), join('t2')]);
  const res = r.m.run();
  assert.equal(res.outcome, 'deadlock');
  assert.equal(res.exitCode, 3);
  assert.deepEqual(validateTrace(r.events), []);
  const cyc = res.deadlock!;
  assert.deepEqual(cyc.map((e) => [e.thread, e.threadName, e.waitsFor.name, e.waitsFor.line, e.waitsFor.holder, e.loc?.line, e.holds?.[0]?.name]), [
    ['1000:2', 'Thread-1 (f1)', 'lock_b', 4, '1000:3', 9, 'lock_a'],
    ['1000:3', 'Thread-2 (f2)', 'lock_a', 3, '1000:2', 15, 'lock_b'],
  ]);
  // reported once, when the cycle formed (at ~100 ms, before the run ended)
  const dl = r.events.filter((e) => e.kind === 'deadlock');
  assert.equal(dl.length, 1);
  assert.ok(dl[0]!.t >= 100 * MS && dl[0]!.t < 101 * MS);
});

test('machine: re-acquiring your own Lock deadlocks at once; an RLock does not', () => {
  const r = fakeMachine([create('lock', 'l'), on('lock.acquire', 'l'), line(3), on('lock.acquire', 'l')]);
  const res = r.m.run();
  assert.equal(res.outcome, 'deadlock');
  assert.equal(res.deadlock!.length, 1);
  assert.equal(res.deadlock![0]!.waitsFor.name, 'l');
  const r2 = fakeMachine([create('rlock', 'l'), on('lock.acquire', 'l', {}, 'a'), on('lock.acquire', 'l', {}, 'b'), on('lock.release', 'l'), on('lock.release', 'l'), on('lock.release', 'l', {}, 'err')]);
  assert.equal(r2.m.run().outcome, 'exit');
  assert.deepEqual(r2.m.threads().length, 1);
});

test('machine: an Event nobody sets is a hang naming the event', () => {
  const r = fakeMachine([create('event', 'e'), line(7), on('event.wait', 'e')]);
  const res = r.m.run();
  assert.equal(res.outcome, 'hang');
  assert.equal(res.exitCode, 3);
  assert.deepEqual(res.hang!.map((w) => [w.thread, w.waitsFor.kind, w.waitsFor.name, w.loc?.line]), [['1000:1', 'event', 'e', 7]]);
  assert.equal(r.events.filter((e) => e.kind === 'hang').length, 1);
});

test('machine: a get() with no producer hangs, and the main thread waits in join', () => {
  const r = fakeMachine([create('queue', 'q', { maxsize: 0 }), start([line(5), on('queue.get', 'q')], 'Thread-1 (consumer)', 't1'), line(9), join('t1')]);
  const res = r.m.run();
  assert.equal(res.outcome, 'hang');
  assert.deepEqual(res.hang!.map((w) => [w.thread, w.waitsFor.kind, w.waitsFor.id]), [['1000:1', 'join', '1000:2'], ['1000:2', 'queue', 'queue#1']]);
});

test('machine: producer/consumer through a bounded queue, with task_done/join', () => {
  const producer = [...repeat(5, [{ op: 'call', name: 'queue.put', payload: (env) => ({ id: env.q, item: (env.n = Number(env.n ?? 0) + 1) }) } as FOp])];
  const consumer = repeat(5, [on('queue.get', 'q', {}, 'item'), { op: 'print', text: (env) => `got ${String(env.item)}\n` } as FOp, on('queue.task_done', 'q')]);
  const r = fakeMachine([create('queue', 'q', { maxsize: 2 }), start(consumer, 'c', 'tc'), start(producer, 'p', 'tp'), join('tp'), on('queue.join', 'q'), print('all done\n'), join('tc')]);
  const res = r.m.run();
  assert.equal(res.outcome, 'exit');
  assert.equal(r.out, 'got 1\ngot 2\ngot 3\ngot 4\ngot 5\nall done\n');
  assert.deepEqual(validateTrace(r.events), []);
  const puts = r.events.filter((e) => e.kind === 'sync.op' && e.op === 'put' && e.ok === undefined).length;
  assert.equal(puts, 5);
});

test('machine: timeouts — lock acquire returns False, queue get raises Empty, event wait False', () => {
  const holder = [on('lock.acquire', 'l'), sleep(10)];
  const r = fakeMachine([
    create('lock', 'l'), create('queue', 'q'), create('event', 'e'), start(holder, 'h', 'th', true),
    on('lock.acquire', 'l', { timeout: 0.5 }, 'a'), on('queue.get', 'q', { timeout: 0.25 }, 'g'), on('event.wait', 'e', { timeout: 0.25 }, 'w'),
    on('lock.acquire', 'l', { blocking: false }, 'nb'),
    { op: 'print', text: (env) => `${String(env.a)} ${JSON.stringify(env.g)} ${String(env.w)} ${String(env.nb)}\n` },
  ]);
  const res = r.m.run();
  assert.equal(res.outcome, 'exit');
  assert.equal(r.out, 'false {"error":"Empty"} false false\n');
  assert.ok(res.virtualTimeNs > 1000 * MS && res.virtualTimeNs < 1001 * MS, String(res.virtualTimeNs));
  // the daemon thread was stopped at exit
  assert.ok(r.events.some((e) => e.kind === 'thread.exit' && e.tid === '1000:2'));
});

test('machine: Condition wait/notify hands the lock back; notify without the lock is an error', () => {
  const waiter = [on('lock.acquire', 'lk'), on('cond.wait', 'c', {}, 'woke'), { op: 'print', text: (env) => `woke ${String(env.woke)}\n` } as FOp, on('lock.release', 'lk')];
  const r = fakeMachine([
    create('lock', 'lk'), { op: 'call', name: 'sync.create', save: 'c', payload: (env) => ({ kind: 'condition', lock: env.lk }) },
    on('cond.notify', 'c', {}, 'bad'),
    start(waiter, 'w', 'tw'), sleep(0.01),
    on('lock.acquire', 'lk'), print('notify\n'), on('cond.notify', 'c'), on('lock.release', 'lk'), join('tw'),
    { op: 'print', text: (env) => `${JSON.stringify(env.bad)}\n` },
  ]);
  const res = r.m.run();
  assert.equal(res.outcome, 'exit');
  assert.equal(r.out, 'notify\nwoke true\n{"error":"RuntimeError","message":"cannot notify on un-acquired lock"}\n');
});

test('machine: semaphores limit concurrency; BoundedSemaphore rejects over-release', () => {
  const worker = (i: number): FOp[] => [on('sem.acquire', 's'), print(`in ${i}\n`), sleep(1), print(`out ${i}\n`), on('sem.release', 's')];
  const prog: FOp[] = [create('semaphore', 's', { value: 2, bounded: true })];
  for (let i = 0; i < 4; i++) prog.push(start(worker(i), `w${i}`, `t${i}`));
  for (let i = 0; i < 4; i++) prog.push(join(`t${i}`));
  prog.push(on('sem.release', 's', {}, 'err'), { op: 'print', text: (env) => `${(env.err as { message: string }).message}\n` });
  const r = fakeMachine(prog);
  const res = r.m.run();
  assert.equal(res.outcome, 'exit');
  const lines = r.out.trim().split('\n');
  assert.equal(lines.pop(), 'Semaphore released too many times');
  let inside = 0;
  let most = 0;
  for (const l of lines) {
    inside += l.startsWith('in') ? 1 : -1;
    most = Math.max(most, inside);
  }
  assert.equal(most, 2);
  assert.equal(lines.length, 8);
  assert.ok(res.virtualTimeNs > 2000 * MS && res.virtualTimeNs < 2001 * MS);
});

test('machine: a barrier releases all parties together; the last arrival is told so', () => {
  const party = (i: number): FOp[] => [sleep(i * 0.1), on('barrier.wait', 'b', {}, `r${i}`), { op: 'do', fn: (env) => {
    if ((env[`r${i}`] as { last: boolean }).last) env.lastIs = i;
  } }];
  const prog: FOp[] = [create('barrier', 'b', { parties: 3 })];
  for (let i = 0; i < 3; i++) prog.push(start(party(i), `p${i}`, `t${i}`));
  prog.push({ op: 'call', name: 'barrier.release', payload: () => ({}) });
  const r = fakeMachine([create('barrier', 'b', { parties: 3 }), ...prog.slice(1, 4), sleep(0.5), join('t0'), join('t1'), join('t2'),
    { op: 'print', text: (env) => `${[0, 1, 2].map((i) => (env[`r${i}`] as { index: number }).index).join(',')} last=${String(env.lastIs)}\n` }]);
  // the last arrival must call barrier.release: emulate the module
  const res = r.m.run();
  assert.equal(res.outcome, 'hang', 'without barrier.release the others never pass');
});

test('machine: an exception in a thread prints the excepthook text; the run goes on', () => {
  const r = fakeMachine([start([{ op: 'raise', type: 'ZeroDivisionError' }], 'Thread-1 (f)', 't1'), join('t1'), print('main done\n')]);
  const res = r.m.run();
  assert.equal(res.outcome, 'exit');
  assert.equal(res.exitCode, 0);
  assert.match(r.err, /^Exception in thread Thread-1 \(f\):\n/);
  assert.equal(r.out, 'main done\n');
  const ex = r.events.find((e) => e.kind === 'thread.exit' && e.tid === '1000:2');
  assert.equal(ex && ex.kind === 'thread.exit' ? ex.exception : undefined, 'ZeroDivisionError');
});

test('machine: interpreter exit waits for non-daemon threads, stops daemon ones', () => {
  const r = fakeMachine([start([sleep(2), print('worker\n')], 'w', 'tw'), start([sleep(5), print('daemon\n')], 'd', 'td', true), print('main\n')]);
  const res = r.m.run();
  assert.equal(res.outcome, 'exit');
  assert.equal(r.out, 'main\nworker\n');
  assert.ok(res.virtualTimeNs > 2000 * MS && res.virtualTimeNs < 2001 * MS);
  const blocked = r.events.find((e) => e.kind === 'thread.state' && e.tid === '1000:1' && e.state === 'blocked');
  assert.equal(blocked && blocked.kind === 'thread.state' ? blocked.on?.kind : undefined, 'join');
});

test('machine: the main thread dying still waits for threads, exit status 1', () => {
  const r = fakeMachine([start([sleep(1), print('worker\n')], 'w', 'tw'), { op: 'raise', type: 'ValueError' }]);
  const res = r.m.run();
  assert.equal(res.exitCode, 1);
  assert.equal(r.out, 'worker\n');
  assert.match(r.err, /^Traceback/);
});

test('machine: the step limit ends a run with outcome limit', () => {
  const r = fakeMachine([cpu(10_000)], { maxSteps: 1000 });
  const res = r.m.run();
  assert.equal(res.outcome, 'limit');
  assert.ok(res.steps >= 1000 && res.steps < 1010);
});

/** Two threads doing a non-atomic increment 200 times: the result depends on the schedule. */
function racy(): FOp[] {
  const inc = (who: string): FOp[] => repeat(200, [
    { op: 'do', fn: (env) => { env[`tmp${who}`] = Number(env.counter ?? 0); } },
    { op: 'cpu', n: 5, every: 5 },
    { op: 'do', fn: (env) => { env.counter = Number(env[`tmp${who}`]) + 1; } },
  ]);
  return [start(inc('a'), 'A', 'ta'), start(inc('b'), 'B', 'tb'), join('ta'), join('tb'), { op: 'print', text: (env) => `${String(env.counter)}\n` }];
}

test('determinism: same seed, same trace bytes; replaying the schedule reproduces the run', () => {
  const run = (opts: object) => {
    const r = fakeMachine(racy(), opts);
    const res = r.m.run();
    return { res, out: r.out, trace: r.events.map((e) => JSON.stringify(e)).join('\n') };
  };
  const a = run({ strategy: 'random', seed: 7 });
  const b = run({ strategy: 'random', seed: 7 });
  assert.equal(a.trace, b.trace);
  assert.equal(a.res.schedule, b.res.schedule);
  assert.notEqual(a.out, '400\n', 'random interleaving loses updates');
  const c = run({ strategy: 'random', seed: 8 });
  assert.notEqual(c.res.schedule, a.res.schedule);
  const rep = run({ strategy: 'replay', seed: 7, schedule: a.res.schedule });
  assert.equal(rep.res.scheduleDiverged, undefined);
  assert.equal(rep.out, a.out);
  assert.equal(rep.trace, a.trace);
  assert.equal(rep.res.schedule, a.res.schedule);
  // cpython: no switch inside the short loop bodies
  const cp = run({});
  assert.equal(cp.out, '400\n');
  const cprep = run({ strategy: 'replay', schedule: cp.res.schedule });
  assert.equal(cprep.trace, cp.trace);
  // instruction-level preemption replays too
  const ins = run({ strategy: 'random', seed: 3, preemption: 'instruction' });
  const insrep = run({ strategy: 'replay', seed: 3, preemption: 'instruction', schedule: ins.res.schedule });
  assert.equal(insrep.trace, ins.trace);
});

test('manual strategy: step(choice) picks who runs at each decision point', () => {
  const r = fakeMachine(racy(), { strategy: 'manual' });
  let st = r.m.step();
  let n = 0;
  const seen = new Set<string>();
  while (st.kind === 'decision' && n < 100_000) {
    const d = st.decision;
    seen.add(d.candidates.join(','));
    if (n === 3) assert.throws(() => r.m.step('1000:9'), /cannot run now/);
    // always prefer B when it can run
    st = r.m.step(d.candidates.includes('1000:3') ? '1000:3' : d.candidates[0]);
    n++;
  }
  assert.equal(st.kind, 'done');
  assert.ok(seen.has('1000:1,1000:2,1000:3') || seen.has('1000:2,1000:3'));
  assert.equal(r.out, '400\n');
});

test('machine: virtual time is limited too (a thread sleeping in a loop for ever)', () => {
  const r = fakeMachine(repeat(100_000, [sleep(60)]), { maxTimeNs: 3600 * 1e9 });
  const res = r.m.run();
  assert.equal(res.outcome, 'limit');
  assert.equal(res.virtualTimeNs, 3600 * 1e9);
  assert.ok(res.steps < 100);
});
