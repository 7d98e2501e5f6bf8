/**
 * Synthetic trace generator for the timeline benchmark: P processes × T threads, CPU-bound
 * threads handing the GIL around (forced drops and blocking releases on locks), sync ops,
 * output, periodic signals with handlers and IPC messages — `n` events that follow trace
 * format v1. Deterministic (no Math.random). Runs in Node or in the page.
 */
import { TraceBuilder } from '../../src/trace/builder';
import type { TraceEvent } from '../../src/trace/format';

export function generateTrace(n: number, procs = 4, threads = 4): TraceEvent[] {
  const b = new TraceBuilder();
  const F = 'bench.py';
  const SLICE = 40_000; // ns per round; each process gets SLICE / procs of it
  const share = SLICE / procs;
  b.emit({ t: 0, kind: 'run.start', version: 1, file: F, seed: 0 });
  b.emit({ t: 0, kind: 'process.start', pid: 1, ppid: 0, name: 'python bench.py' });
  for (let p = 1; p <= procs; p++) {
    if (p > 1) b.emit({ t: 0, kind: 'process.fork', pid: 1, tid: '1:1', child: p, loc: { file: F, line: 3 } });
    for (let k = 1; k <= threads; k++) {
      const tid = `${p}:${k}`;
      b.emit({ t: 0, kind: 'thread.start', pid: p, tid, name: k === 1 ? 'MainThread' : `worker-${k - 1}`, daemon: false, main: k === 1 });
      b.emit({ t: 0, kind: 'thread.state', pid: p, tid, state: 'ready' });
      b.emit({ t: 0, kind: 'gil.request', pid: p, tid });
    }
    b.emit({ t: 0, kind: 'gil.acquire', pid: p, tid: `${p}:1` });
    b.emit({ t: 0, kind: 'thread.state', pid: p, tid: `${p}:1`, state: 'running', loc: { file: F, line: 10 } });
  }
  const holder = new Array<number>(procs + 1).fill(1);
  let msg = 0;
  for (let round = 0; b.length < n - 20; round++) {
    for (let p = 1; p <= procs && b.length < n - 20; p++) {
      const base = round * SLICE + (p - 1) * share;
      const h = holder[p];
      const tid = `${p}:${h}`;
      const lock = { kind: 'lock' as const, id: `lock#${p}`, name: `lock_${p}`, line: 5 };
      for (let j = 0; j < 6; j++) {
        b.emit({ t: base + 100 + j * 1000, kind: 'sync.op', pid: p, tid, object: lock, op: j % 2 ? 'release' : 'acquire', loc: { file: F, line: 12 + (j % 3) } });
      }
      if (round % 5 === 0) b.emit({ t: base + 7000, kind: 'io.write', pid: p, tid, stream: 'stdout', text: `round ${round} in ${tid}\n` });
      if (round % 500 === 7 && p === 2) {
        b.emit({ t: base + 7100, kind: 'signal.send', pid: 1, tid: '1:1', target: 2, signum: 10, sig: 'SIGUSR1', source: 'kill' });
        b.emit({ t: base + 7100, kind: 'signal.pend', pid: 2, signum: 10, sig: 'SIGUSR1' });
        b.emit({ t: base + 7500, kind: 'signal.deliver', pid: 2, tid: '2:1', signum: 10, sig: 'SIGUSR1', disposition: 'handler' });
        b.emit({ t: base + 7500, kind: 'signal.handler.enter', pid: 2, tid: '2:1', signum: 10, sig: 'SIGUSR1', handler: 'on_usr1' });
        b.emit({ t: base + 8000, kind: 'signal.handler.exit', pid: 2, tid: '2:1', signum: 10, sig: 'SIGUSR1' });
      }
      if (round % 100 === 3) {
        const id = `m${msg++}`;
        b.emit({ t: base + 8100, kind: 'ipc.send', pid: p, tid, channel: { id: `pipe#${p}`, kind: 'pipe' }, msgId: id, bytes: 8 });
        b.emit({ t: base + 8200, kind: 'ipc.recv', pid: p, tid: `${p}:${(h % threads) + 1}`, channel: { id: `pipe#${p}`, kind: 'pipe' }, msgId: id, bytes: 8 });
      }
      const next = (h % threads) + 1;
      const ntid = `${p}:${next}`;
      const t = base + share - 500;
      if (round % 3 === 0) {
        b.emit({ t, kind: 'thread.state', pid: p, tid, state: 'blocked', on: lock, loc: { file: F, line: 12 } });
        b.emit({ t, kind: 'gil.release', pid: p, tid, reason: 'blocking' });
      } else {
        b.emit({ t, kind: 'gil.drop', pid: p, tid, to: ntid });
        b.emit({ t, kind: 'thread.state', pid: p, tid, state: 'ready' });
      }
      b.emit({ t, kind: 'gil.request', pid: p, tid });
      b.emit({ t, kind: 'gil.acquire', pid: p, tid: ntid, from: tid });
      b.emit({ t, kind: 'thread.state', pid: p, tid: ntid, state: 'running', loc: { file: F, line: 11 } });
      holder[p] = next;
    }
  }
  const end = b.events[b.length - 1].t + 1000;
  b.emit({ t: end, kind: 'run.end', outcome: 'exit', exitCode: 0 });
  return b.events;
}
