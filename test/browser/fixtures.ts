/**
 * Hand-built synthetic traces that follow trace format v1 (src/trace/format.ts). They stand
 * in for golden traces from the simulator until those exist. Used by the unit tests, the
 * browser test and the screenshots.
 */
import { TraceBuilder } from '../../src/trace/builder';
import type { BlockOn, TraceEvent } from '../../src/trace/format';

const MS = 1_000_000;
const F = 'demo.py';

/** Two CPU-bound threads sharing the GIL: 3 forced drops, then blocking joins. */
export function gilTwoThreads(): TraceEvent[] {
  const b = new TraceBuilder();
  b.emit({ t: 0, kind: 'run.start', version: 1, file: F, seed: 1, switchMode: 'cpython', cores: 4, stdout: 'tty' });
  b.emit({ t: 0, kind: 'process.start', pid: 1, ppid: 0, name: 'python demo.py' });
  b.emit({ t: 0, kind: 'thread.start', pid: 1, tid: '1:1', name: 'MainThread', daemon: false, main: true });
  b.emit({ t: 0, kind: 'gil.acquire', pid: 1, tid: '1:1' });
  b.emit({ t: 0, kind: 'thread.state', pid: 1, tid: '1:1', state: 'running', loc: { file: F, line: 1 } });
  b.emit({ t: 1 * MS, kind: 'thread.start', pid: 1, tid: '1:2', name: 'Thread-1', daemon: false, main: false, parent: '1:1', loc: { file: F, line: 9 } });
  b.emit({ t: 1 * MS, kind: 'thread.state', pid: 1, tid: '1:2', state: 'ready' });
  b.emit({ t: 1 * MS, kind: 'gil.request', pid: 1, tid: '1:2' });
  b.emit({ t: 1 * MS, kind: 'thread.start', pid: 1, tid: '1:3', name: 'Thread-2', daemon: false, main: false, parent: '1:1', loc: { file: F, line: 10 } });
  b.emit({ t: 1 * MS, kind: 'thread.state', pid: 1, tid: '1:3', state: 'ready' });
  b.emit({ t: 1 * MS, kind: 'gil.request', pid: 1, tid: '1:3' });
  // main joins Thread-1: blocks, releases GIL voluntarily (blocking)
  const join: BlockOn = { kind: 'join', id: '1:2', name: 't1', line: 11 };
  b.emit({ t: 2 * MS, kind: 'thread.state', pid: 1, tid: '1:1', state: 'blocked', on: join, loc: { file: F, line: 11 } });
  b.emit({ t: 2 * MS, kind: 'gil.release', pid: 1, tid: '1:1', reason: 'blocking' });
  b.emit({ t: 2 * MS, kind: 'gil.acquire', pid: 1, tid: '1:2', from: '1:1' });
  b.emit({ t: 2 * MS, kind: 'thread.state', pid: 1, tid: '1:2', state: 'running', loc: { file: F, line: 4 } });
  let holder = '1:2';
  let other = '1:3';
  let t = 2 * MS;
  for (let i = 0; i < 3; i++) {
    t += 5 * MS;
    b.emit({ t, kind: 'gil.drop', pid: 1, tid: holder, to: other });
    b.emit({ t, kind: 'thread.state', pid: 1, tid: holder, state: 'ready', loc: { file: F, line: 5 } });
    b.emit({ t, kind: 'gil.request', pid: 1, tid: holder });
    b.emit({ t, kind: 'gil.acquire', pid: 1, tid: other, from: holder });
    b.emit({ t, kind: 'thread.state', pid: 1, tid: other, state: 'running', loc: { file: F, line: 5 } });
    [holder, other] = [other, holder];
  }
  b.emit({ t: t + 1 * MS, kind: 'io.write', pid: 1, tid: holder, stream: 'stdout', text: `${holder} done\n` });
  b.emit({ t: t + 1 * MS, kind: 'io.flush', pid: 1, tid: holder, stream: 'stdout', text: `${holder} done\n`, reason: 'newline' });
  t += 2 * MS;
  b.emit({ t, kind: 'gil.release', pid: 1, tid: holder, reason: 'exit' });
  b.emit({ t, kind: 'thread.exit', pid: 1, tid: holder });
  b.emit({ t, kind: 'gil.acquire', pid: 1, tid: other, from: holder });
  b.emit({ t, kind: 'thread.state', pid: 1, tid: other, state: 'running' });
  t += 3 * MS;
  b.emit({ t, kind: 'gil.release', pid: 1, tid: other, reason: 'exit' });
  b.emit({ t, kind: 'thread.exit', pid: 1, tid: other });
  b.emit({ t, kind: 'gil.acquire', pid: 1, tid: '1:1', from: other });
  b.emit({ t, kind: 'thread.state', pid: 1, tid: '1:1', state: 'running', loc: { file: F, line: 12 } });
  t += 1 * MS;
  b.emit({ t, kind: 'gil.release', pid: 1, tid: '1:1', reason: 'exit' });
  b.emit({ t, kind: 'thread.exit', pid: 1, tid: '1:1' });
  b.emit({ t, kind: 'process.exit', pid: 1, status: 0 });
  b.emit({ t, kind: 'run.end', outcome: 'exit', exitCode: 0 });
  return b.events;
}
/** GIL handoffs between different threads in gilTwoThreads(): 1 blocking + 3 forced + 2 exit. */
export const GIL_TWO_THREADS_HANDOFFS = { total: 6, forced: 3 };
/** deadlockTwoLocks(): main → Thread-1 (join), Thread-1 → Thread-2 (sleep); later acquires find the GIL idle. */
export const DEADLOCK_HANDOFFS = 2;

/** dead_lock.py: two threads take lock_a/lock_b in opposite order. */
export function deadlockTwoLocks(): TraceEvent[] {
  const b = new TraceBuilder();
  const D = 'dead_lock.py';
  const A: BlockOn = { kind: 'lock', id: 'lock#1', name: 'lock_a', line: 3 };
  const B: BlockOn = { kind: 'lock', id: 'lock#2', name: 'lock_b', line: 4 };
  b.emit({ t: 0, kind: 'run.start', version: 1, file: D });
  b.emit({ t: 0, kind: 'process.start', pid: 1, ppid: 0, name: 'python dead_lock.py' });
  b.emit({ t: 0, kind: 'thread.start', pid: 1, tid: '1:1', name: 'MainThread', daemon: false, main: true });
  b.emit({ t: 0, kind: 'gil.acquire', pid: 1, tid: '1:1' });
  b.emit({ t: 0, kind: 'thread.state', pid: 1, tid: '1:1', state: 'running' });
  b.emit({ t: 10_000, kind: 'sync.op', pid: 1, tid: '1:1', object: A, op: 'create', loc: { file: D, line: 3 } });
  b.emit({ t: 20_000, kind: 'sync.op', pid: 1, tid: '1:1', object: B, op: 'create', loc: { file: D, line: 4 } });
  for (const n of [2, 3]) {
    b.emit({ t: 100_000 * n, kind: 'thread.start', pid: 1, tid: `1:${n}`, name: `Thread-${n - 1}`, daemon: false, main: false, parent: '1:1' });
    b.emit({ t: 100_000 * n, kind: 'thread.state', pid: 1, tid: `1:${n}`, state: 'ready' });
    b.emit({ t: 100_000 * n, kind: 'gil.request', pid: 1, tid: `1:${n}` });
  }
  const join: BlockOn = { kind: 'join', id: '1:2', name: 't1', line: 22 };
  b.emit({ t: 400_000, kind: 'thread.state', pid: 1, tid: '1:1', state: 'blocked', on: join, loc: { file: D, line: 22 } });
  b.emit({ t: 400_000, kind: 'gil.release', pid: 1, tid: '1:1', reason: 'blocking' });
  b.emit({ t: 400_000, kind: 'gil.acquire', pid: 1, tid: '1:2', from: '1:1' });
  b.emit({ t: 400_000, kind: 'thread.state', pid: 1, tid: '1:2', state: 'running', loc: { file: D, line: 8 } });
  b.emit({ t: 450_000, kind: 'sync.op', pid: 1, tid: '1:2', object: A, op: 'acquire', loc: { file: D, line: 8 } });
  b.emit({ t: 500_000, kind: 'thread.state', pid: 1, tid: '1:2', state: 'blocked', on: { kind: 'sleep', id: 'sleep' }, loc: { file: D, line: 9 } });
  b.emit({ t: 500_000, kind: 'gil.release', pid: 1, tid: '1:2', reason: 'blocking' });
  b.emit({ t: 500_000, kind: 'gil.acquire', pid: 1, tid: '1:3', from: '1:2' });
  b.emit({ t: 500_000, kind: 'thread.state', pid: 1, tid: '1:3', state: 'running', loc: { file: D, line: 15 } });
  b.emit({ t: 550_000, kind: 'sync.op', pid: 1, tid: '1:3', object: B, op: 'acquire', loc: { file: D, line: 15 } });
  b.emit({ t: 600_000, kind: 'thread.state', pid: 1, tid: '1:3', state: 'blocked', on: { kind: 'sleep', id: 'sleep' }, loc: { file: D, line: 16 } });
  b.emit({ t: 600_000, kind: 'gil.release', pid: 1, tid: '1:3', reason: 'blocking' });
  b.emit({ t: 100_500_000, kind: 'thread.state', pid: 1, tid: '1:2', state: 'ready' });
  b.emit({ t: 100_500_000, kind: 'gil.request', pid: 1, tid: '1:2' });
  b.emit({ t: 100_500_000, kind: 'gil.acquire', pid: 1, tid: '1:2' });
  b.emit({ t: 100_500_000, kind: 'thread.state', pid: 1, tid: '1:2', state: 'running', loc: { file: D, line: 10 } });
  b.emit({ t: 100_550_000, kind: 'thread.state', pid: 1, tid: '1:2', state: 'blocked', on: B, loc: { file: D, line: 10 } });
  b.emit({ t: 100_550_000, kind: 'gil.release', pid: 1, tid: '1:2', reason: 'blocking' });
  b.emit({ t: 100_600_000, kind: 'thread.state', pid: 1, tid: '1:3', state: 'ready' });
  b.emit({ t: 100_600_000, kind: 'gil.request', pid: 1, tid: '1:3' });
  b.emit({ t: 100_600_000, kind: 'gil.acquire', pid: 1, tid: '1:3', from: '1:2' });
  b.emit({ t: 100_600_000, kind: 'thread.state', pid: 1, tid: '1:3', state: 'running', loc: { file: D, line: 17 } });
  b.emit({ t: 100_650_000, kind: 'thread.state', pid: 1, tid: '1:3', state: 'blocked', on: A, loc: { file: D, line: 17 } });
  b.emit({ t: 100_650_000, kind: 'gil.release', pid: 1, tid: '1:3', reason: 'blocking' });
  b.emit({
    t: 100_650_000, kind: 'deadlock', cycle: [
      { pid: 1, thread: '1:2', threadName: 'Thread-1', holds: [A], waitsFor: { ...B, holder: '1:3' }, loc: { file: D, line: 10 } },
      { pid: 1, thread: '1:3', threadName: 'Thread-2', holds: [B], waitsFor: { ...A, holder: '1:2' }, loc: { file: D, line: 17 } },
    ],
  });
  b.emit({ t: 100_650_000, kind: 'run.end', outcome: 'deadlock', exitCode: 3 });
  return b.events;
}

/** fork + zombie + reap + duplicated buffer + pipe message; the child is reparented? no: reaped. */
export function forkZombieReap(): TraceEvent[] {
  const b = new TraceBuilder();
  const P = 'fork_zombie.py';
  b.emit({ t: 0, kind: 'run.start', version: 1, file: P, stdout: 'pipe' });
  b.emit({ t: 0, kind: 'process.start', pid: 1, ppid: 0, name: 'python fork_zombie.py' });
  b.emit({ t: 0, kind: 'thread.start', pid: 1, tid: '1:1', name: 'MainThread', daemon: false, main: true });
  b.emit({ t: 0, kind: 'gil.acquire', pid: 1, tid: '1:1' });
  b.emit({ t: 0, kind: 'thread.state', pid: 1, tid: '1:1', state: 'running' });
  b.emit({ t: 50_000, kind: 'io.write', pid: 1, tid: '1:1', stream: 'stdout', text: 'before fork\n' });
  b.emit({ t: 100_000, kind: 'process.fork', pid: 1, tid: '1:1', child: 2, loc: { file: P, line: 4 } });
  b.emit({ t: 100_000, kind: 'io.dup', pid: 2, parent: 1, stream: 'stdout', text: 'before fork\n' });
  b.emit({ t: 100_000, kind: 'thread.start', pid: 2, tid: '2:1', name: 'MainThread', daemon: false, main: true, forkedFrom: '1:1' });
  b.emit({ t: 100_000, kind: 'gil.acquire', pid: 2, tid: '2:1' });
  b.emit({ t: 100_000, kind: 'thread.state', pid: 2, tid: '2:1', state: 'running', loc: { file: P, line: 5 } });
  b.emit({ t: 150_000, kind: 'ipc.send', pid: 2, tid: '2:1', channel: { id: 'pipe#1', kind: 'pipe', name: 'w' }, msgId: 'm1', bytes: 5, preview: "b'hello'", loc: { file: P, line: 6 } });
  b.emit({ t: 200_000, kind: 'thread.state', pid: 1, tid: '1:1', state: 'blocked', on: { kind: 'pipe', id: 'pipe#1', name: 'r' }, loc: { file: P, line: 12 } });
  b.emit({ t: 200_000, kind: 'gil.release', pid: 1, tid: '1:1', reason: 'blocking' });
  b.emit({ t: 200_000, kind: 'process.state', pid: 1, state: 'S' });
  b.emit({ t: 250_000, kind: 'thread.state', pid: 1, tid: '1:1', state: 'ready' });
  b.emit({ t: 250_000, kind: 'gil.request', pid: 1, tid: '1:1' });
  b.emit({ t: 250_000, kind: 'process.state', pid: 1, state: 'R' });
  b.emit({ t: 250_000, kind: 'gil.acquire', pid: 1, tid: '1:1' });
  b.emit({ t: 250_000, kind: 'thread.state', pid: 1, tid: '1:1', state: 'running', loc: { file: P, line: 12 } });
  b.emit({ t: 250_000, kind: 'ipc.recv', pid: 1, tid: '1:1', channel: { id: 'pipe#1', kind: 'pipe', name: 'r' }, msgId: 'm1', bytes: 5, preview: "b'hello'", loc: { file: P, line: 12 } });
  b.emit({ t: 300_000, kind: 'io.write', pid: 2, tid: '2:1', stream: 'stdout', text: 'child exiting\n' });
  b.emit({ t: 400_000, kind: 'gil.release', pid: 2, tid: '2:1', reason: 'exit' });
  b.emit({ t: 400_000, kind: 'thread.exit', pid: 2, tid: '2:1' });
  b.emit({ t: 400_000, kind: 'io.lost', pid: 2, stream: 'stdout', text: 'before fork\nchild exiting\n' });
  b.emit({ t: 400_000, kind: 'process.exit', pid: 2, status: 0, immediate: true });
  b.emit({ t: 400_000, kind: 'process.zombie', pid: 2, ppid: 1 });
  b.emit({ t: 400_000, kind: 'process.state', pid: 2, state: 'Z' });
  b.emit({ t: 500_000, kind: 'thread.state', pid: 1, tid: '1:1', state: 'blocked', on: { kind: 'sleep', id: 'sleep' }, loc: { file: P, line: 14 } });
  b.emit({ t: 500_000, kind: 'gil.release', pid: 1, tid: '1:1', reason: 'blocking' });
  b.emit({ t: 500_000, kind: 'process.state', pid: 1, state: 'S' });
  b.emit({ t: 2_500_000, kind: 'process.state', pid: 1, state: 'R' });
  b.emit({ t: 2_500_000, kind: 'thread.state', pid: 1, tid: '1:1', state: 'running', loc: { file: P, line: 15 } });
  b.emit({ t: 2_500_000, kind: 'gil.acquire', pid: 1, tid: '1:1' });
  b.emit({ t: 2_600_000, kind: 'process.reap', pid: 1, tid: '1:1', child: 2, status: 0 });
  b.emit({ t: 2_700_000, kind: 'gil.release', pid: 1, tid: '1:1', reason: 'exit' });
  b.emit({ t: 2_700_000, kind: 'thread.exit', pid: 1, tid: '1:1' });
  b.emit({ t: 2_700_000, kind: 'io.flush', pid: 1, stream: 'stdout', text: 'before fork\n', reason: 'exit' });
  b.emit({ t: 2_700_000, kind: 'process.exit', pid: 1, status: 0 });
  b.emit({ t: 2_700_000, kind: 'run.end', outcome: 'exit', exitCode: 0 });
  return b.events;
}

/** The alarm example: signal.alarm(1), SIGALRM pending, delivered, handler runs on main. */
export function alarmSignal(): TraceEvent[] {
  const b = new TraceBuilder();
  const A = 'alarm.py';
  b.emit({ t: 0, kind: 'run.start', version: 1, file: A });
  b.emit({ t: 0, kind: 'process.start', pid: 1, ppid: 0, name: 'python alarm.py' });
  b.emit({ t: 0, kind: 'thread.start', pid: 1, tid: '1:1', name: 'MainThread', daemon: false, main: true });
  b.emit({ t: 0, kind: 'gil.acquire', pid: 1, tid: '1:1' });
  b.emit({ t: 0, kind: 'thread.state', pid: 1, tid: '1:1', state: 'running', loc: { file: A, line: 6 } });
  b.emit({ t: 10_000, kind: 'sync.op', pid: 1, tid: '1:1', object: { kind: 'pause', id: 'alarm' }, op: 'set', loc: { file: A, line: 7 } });
  b.emit({ t: 20_000, kind: 'thread.state', pid: 1, tid: '1:1', state: 'blocked', on: { kind: 'pause', id: 'pause' }, loc: { file: A, line: 8 } });
  b.emit({ t: 20_000, kind: 'gil.release', pid: 1, tid: '1:1', reason: 'blocking' });
  b.emit({ t: 20_000, kind: 'process.state', pid: 1, state: 'S' });
  b.emit({ t: 1_000_010_000, kind: 'signal.send', pid: 0, target: 1, signum: 14, sig: 'SIGALRM', source: 'alarm' });
  b.emit({ t: 1_000_010_000, kind: 'signal.pend', pid: 1, signum: 14, sig: 'SIGALRM' });
  b.emit({ t: 1_000_010_000, kind: 'process.state', pid: 1, state: 'R' });
  b.emit({ t: 1_000_010_000, kind: 'thread.state', pid: 1, tid: '1:1', state: 'ready' });
  b.emit({ t: 1_000_010_000, kind: 'gil.request', pid: 1, tid: '1:1' });
  b.emit({ t: 1_000_015_000, kind: 'gil.acquire', pid: 1, tid: '1:1' });
  b.emit({ t: 1_000_015_000, kind: 'thread.state', pid: 1, tid: '1:1', state: 'running', loc: { file: A, line: 8 } });
  b.emit({ t: 1_000_020_000, kind: 'signal.deliver', pid: 1, tid: '1:1', signum: 14, sig: 'SIGALRM', disposition: 'handler' });
  b.emit({ t: 1_000_020_000, kind: 'signal.handler.enter', pid: 1, tid: '1:1', signum: 14, sig: 'SIGALRM', handler: 'handler', loc: { file: A, line: 3 } });
  b.emit({ t: 1_000_030_000, kind: 'io.write', pid: 1, tid: '1:1', stream: 'stdout', text: 'Alarm! signal 14\n' });
  b.emit({ t: 1_000_030_000, kind: 'io.flush', pid: 1, tid: '1:1', stream: 'stdout', text: 'Alarm! signal 14\n', reason: 'newline' });
  b.emit({ t: 1_000_060_000, kind: 'signal.handler.exit', pid: 1, tid: '1:1', signum: 14, sig: 'SIGALRM' });
  b.emit({ t: 1_000_100_000, kind: 'gil.release', pid: 1, tid: '1:1', reason: 'exit' });
  b.emit({ t: 1_000_100_000, kind: 'thread.exit', pid: 1, tid: '1:1' });
  b.emit({ t: 1_000_100_000, kind: 'process.exit', pid: 1, status: 0 });
  b.emit({ t: 1_000_100_000, kind: 'run.end', outcome: 'exit', exitCode: 0 });
  return b.events;
}

/** Lost wakeup: a thread waits on an Event nobody sets; main joins it. */
export function hangEvent(): TraceEvent[] {
  const b = new TraceBuilder();
  const H = 'hang.py';
  const ev: BlockOn = { kind: 'event', id: 'event#1', name: 'ready', line: 3 };
  b.emit({ t: 0, kind: 'run.start', version: 1, file: H });
  b.emit({ t: 0, kind: 'process.start', pid: 1, ppid: 0, name: 'python hang.py' });
  b.emit({ t: 0, kind: 'thread.start', pid: 1, tid: '1:1', name: 'MainThread', daemon: false, main: true });
  b.emit({ t: 0, kind: 'gil.acquire', pid: 1, tid: '1:1' });
  b.emit({ t: 0, kind: 'thread.state', pid: 1, tid: '1:1', state: 'running' });
  b.emit({ t: 5_000, kind: 'thread.start', pid: 1, tid: '1:2', name: 'waiter', daemon: false, main: false, parent: '1:1' });
  b.emit({ t: 5_000, kind: 'thread.state', pid: 1, tid: '1:2', state: 'ready' });
  b.emit({ t: 5_000, kind: 'gil.request', pid: 1, tid: '1:2' });
  b.emit({ t: 8_000, kind: 'thread.state', pid: 1, tid: '1:1', state: 'blocked', on: { kind: 'join', id: '1:2', name: 't' }, loc: { file: H, line: 9 } });
  b.emit({ t: 8_000, kind: 'gil.release', pid: 1, tid: '1:1', reason: 'blocking' });
  b.emit({ t: 8_000, kind: 'gil.acquire', pid: 1, tid: '1:2', from: '1:1' });
  b.emit({ t: 8_000, kind: 'thread.state', pid: 1, tid: '1:2', state: 'running' });
  b.emit({ t: 9_000, kind: 'thread.state', pid: 1, tid: '1:2', state: 'blocked', on: ev, loc: { file: H, line: 5 } });
  b.emit({ t: 9_000, kind: 'gil.release', pid: 1, tid: '1:2', reason: 'blocking' });
  b.emit({
    t: 9_000, kind: 'hang', waiters: [
      { pid: 1, thread: '1:1', threadName: 'MainThread', waitsFor: { kind: 'join', id: '1:2', name: 't' }, loc: { file: H, line: 9 } },
      { pid: 1, thread: '1:2', threadName: 'waiter', waitsFor: ev, loc: { file: H, line: 5 } },
    ],
  });
  b.emit({ t: 9_000, kind: 'run.end', outcome: 'hang', exitCode: 3 });
  return b.events;
}

export const FIXTURES: Record<string, () => TraceEvent[]> = {
  gilTwoThreads, deadlockTwoLocks, forkZombieReap, alarmSignal, hangEvent,
};
