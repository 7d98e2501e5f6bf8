import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimelineModel } from '../../src/protocol/timeline/model';
import { layoutLanes, rowAt, DEFAULT_LAYOUT } from '../../webview/layout';
import { visibleSpans, visibleInstants } from '../../webview/lod';
import { IntervalTrack, InstantTrack } from '../../src/protocol/timeline/tracks';
import { fit, zoomAt, panBy, timeToX, ticks, formatDuration } from '../../webview/viewport';
import { hitTest } from '../../webview/hittest';
import { describe as describeEvent } from '../../webview/describe';
import { buildWaitGraph } from '../../webview/waitgraph';
import { Ak, Ik, St } from '../../src/protocol/timeline/styles';
import {
  gilTwoThreads, deadlockTwoLocks, forkZombieReap, alarmSignal, hangEvent, GIL_TWO_THREADS_HANDOFFS, DEADLOCK_HANDOFFS,
} from '../browser/fixtures';

const model = (ev: ReturnType<typeof gilTwoThreads>, batch = 0): TimelineModel => {
  const m = new TimelineModel();
  if (batch > 0) for (let i = 0; i < ev.length; i += batch) m.addEvents(ev.slice(i, i + batch));
  else m.addEvents(ev);
  return m;
};

test('model: two threads with GIL handoffs (forced vs voluntary)', () => {
  const m = model(gilTwoThreads());
  assert.equal(m.processes.size, 1);
  assert.deepEqual([...m.threads.keys()], ['1:1', '1:2', '1:3']);
  assert.equal(m.stats.gilHandoffs, GIL_TWO_THREADS_HANDOFFS.total);
  assert.equal(m.stats.gilForced, GIL_TWO_THREADS_HANDOFFS.forced);
  const kinds = Array.from(m.gilArrows.kind.subarray(0, m.gilArrows.n));
  assert.equal(kinds.filter((k) => k === Ak.gilForced).length, 3);
  assert.equal(kinds.filter((k) => k === Ak.gilVoluntary).length, 3);
  // GIL lane: one interval per acquire, all closed at the end
  const gil = m.lanes[m.processes.get(1)!.gilLane].intervals;
  assert.equal(gil.n, 7);
  assert.ok(!gil.isOpen);
  // main thread is blocked on the join of t1 between 2 ms and the end
  const main = m.laneOfThread('1:1')!.intervals;
  const k = main.find(5_000_000);
  assert.equal(main.style[k], St.blockedIo);
  assert.equal(m.strings.get(main.label[k]), 'join t1');
  assert.ok(m.done);
  assert.deepEqual(m.outcome, { outcome: 'exit', exitCode: 0 });
});

test('model: same result whether events come in one batch or many', () => {
  const a = model(deadlockTwoLocks());
  const b = model(deadlockTwoLocks(), 3);
  assert.deepEqual(a.stats, b.stats);
  assert.equal(a.lanes.length, b.lanes.length);
  for (let i = 0; i < a.lanes.length; i++) {
    assert.deepEqual(a.lanes[i].intervals.start.subarray(0, a.lanes[i].intervals.n), b.lanes[i].intervals.start.subarray(0, b.lanes[i].intervals.n));
  }
});

test('model: deadlock between two locks highlights both lanes; blocked slices named by object', () => {
  const m = model(deadlockTwoLocks());
  assert.ok(m.deadlock);
  assert.equal(m.deadlock!.event.cycle.length, 2);
  assert.ok(m.laneOfThread('1:2')!.highlight);
  assert.ok(m.laneOfThread('1:3')!.highlight);
  assert.ok(!m.laneOfThread('1:1')!.highlight);
  assert.equal(m.stats.gilHandoffs, DEADLOCK_HANDOFFS, 'no handoff arrow when the GIL lay idle');
  const t2 = m.laneOfThread('1:2')!.intervals;
  assert.ok(t2.isOpen, 'still blocked at the end');
  assert.equal(m.strings.get(t2.label[t2.n - 1]), 'lock lock_b');
  const t3 = m.laneOfThread('1:3')!.intervals;
  assert.equal(m.strings.get(t3.label[t3.n - 1]), 'lock lock_a');
});

test('model: fork, zombie span, reap, IPC arrow, output dup/lost', () => {
  const m = model(forkZombieReap());
  assert.equal(m.processes.size, 2);
  const child = m.processes.get(2)!;
  assert.equal(child.ppid, 1);
  assert.ok(child.reaped && child.exited && !child.zombie);
  const pl = m.lanes[child.lane].intervals;
  const z = pl.find(1_000_000);
  assert.equal(pl.style[z], St.procZ);
  assert.equal(pl.start[z], 400_000);
  assert.equal(pl.end[z], 2_600_000);
  const kinds = Array.from(m.arrows.kind.subarray(0, m.arrows.n));
  assert.ok(kinds.includes(Ak.fork));
  assert.ok(kinds.includes(Ak.ipc));
  assert.equal(m.stats.forks, 1);
  assert.equal(m.stats.ipcArrows, 1);
  const marks = Array.from(m.lanes[child.lane].instants.kind.subarray(0, m.lanes[child.lane].instants.n));
  assert.ok(marks.includes(Ik.dup) && marks.includes(Ik.lost) && marks.includes(Ik.exit) && marks.includes(Ik.reap));
  assert.equal(m.laneOfThread('2:1')!.pid, 2);
});

test('model: signal with handler: send marker, pending span, delivery, handler span', () => {
  const m = model(alarmSignal());
  assert.equal(m.stats.signalsSent, 1);
  assert.equal(m.stats.signalsDelivered, 1);
  assert.equal(m.stats.pendingSpans, 1);
  assert.equal(m.stats.handlerSpans, 1);
  const p = m.lanes[m.processes.get(1)!.lane];
  assert.equal(p.overlay.n, 1);
  assert.equal(p.overlay.style[0], St.pending);
  assert.equal(p.overlay.end[0] - p.overlay.start[0], 10_000);
  const main = m.laneOfThread('1:1')!;
  assert.equal(main.overlay.style[0], St.handler);
  assert.equal(m.strings.get(main.overlay.label[0]), 'handler(SIGALRM)');
  const ks = Array.from(main.instants.kind.subarray(0, main.instants.n));
  assert.ok(ks.includes(Ik.sigDeliver));
  assert.ok(Array.from(p.instants.kind.subarray(0, p.instants.n)).includes(Ik.sigSend));
});

test('model: hang report', () => {
  const m = model(hangEvent());
  assert.ok(m.hang && !m.deadlock);
  assert.equal(m.hang!.event.waiters.length, 2);
  assert.ok(m.laneOfThread('1:2')!.highlight);
});

test('layout: rows per process (header, GIL, threads), filter, collapse', () => {
  const m = model(forkZombieReap());
  const l = layoutLanes(m);
  assert.deepEqual(l.rows.map((r) => `${r.kind}:${r.pid}:${r.tid ?? ''}`), [
    'process:1:', 'gil:1:', 'thread:1:1:1', 'process:2:', 'gil:2:', 'thread:2:2:1',
  ]);
  for (let i = 1; i < l.rows.length; i++) assert.ok(l.rows[i].y >= l.rows[i - 1].y + l.rows[i - 1].h);
  assert.equal(rowAt(l, l.rows[2].y + 1), 2);
  assert.equal(rowAt(l, -5), -1);
  assert.equal(l.rowOfLane[m.lanes[m.processes.get(2)!.lane].id], 3);
  const filtered = layoutLanes(m, { ...DEFAULT_LAYOUT, filter: 'pid 2' });
  assert.deepEqual(filtered.rows.map((r) => r.pid), [2, 2, 2]);
  const noGil = layoutLanes(m, { ...DEFAULT_LAYOUT, showGil: false, collapsed: new Set([1]) });
  assert.deepEqual(noGil.rows.map((r) => r.kind), ['process', 'process', 'thread']);
  const thr = layoutLanes(model(gilTwoThreads()), { ...DEFAULT_LAYOUT, filter: 'thread-2' });
  assert.deepEqual(thr.rows.map((r) => r.label), ['pid 1  python demo.py', 'GIL', 'Thread-2']);
});

test('lod: wide intervals pass through, sub-pixel ones merge to at most one span per column', () => {
  const tr = new IntervalTrack();
  for (let i = 0; i < 100_000; i++) tr.open(i * 10, i % 2 ? St.running : St.ready, i);
  tr.close(1_000_000);
  let count = 0;
  let merged = 0;
  let lastEnd = -Infinity;
  visibleSpans(tr, 0, 1_000_000, 1000, 1_000_000, (s, e, _st, _ev, _l, m) => {
    count++;
    if (m) merged++;
    assert.ok(s >= lastEnd - 1e-6, 'spans in order, not overlapping');
    lastEnd = e;
  });
  assert.ok(count <= 1001, `count ${count}`);
  assert.ok(merged > 900);
  // zoomed in: exact intervals
  const got: [number, number][] = [];
  visibleSpans(tr, 100, 140, 0.1, 1_000_000, (s, e) => got.push([s, e]));
  assert.deepEqual(got, [[100, 110], [110, 120], [120, 130], [130, 140]]);
  // long interval after short ones is not lost
  const t2 = new IntervalTrack();
  t2.open(0, 1, 0); t2.open(1, 2, 1); t2.open(2, 3, 2); t2.close(5000);
  const spans: number[][] = [];
  visibleSpans(t2, 0, 5000, 10, 5000, (s, e, st) => spans.push([s, e, st]));
  assert.equal(spans[spans.length - 1][1], 5000);
  assert.equal(spans[spans.length - 1][2], 3);
});

test('lod: instants thinned to one per gap', () => {
  const it = new InstantTrack();
  for (let i = 0; i < 10_000; i++) it.push(i, Ik.sync, i);
  let n = 0;
  visibleInstants(it, 0, 10_000, 10, 2, () => n++);
  assert.ok(n <= 500 && n >= 499, `n ${n}`);
  n = 0;
  visibleInstants(it, 100, 200, 0.1, 2, () => n++);
  assert.equal(n, 100);
});

test('viewport: fit, zoom around a point, pan, ticks', () => {
  const v = fit(0, 1_000_000, 1000);
  assert.ok(timeToX(v, 0) > 0 && timeToX(v, 1_000_000) < 1000);
  const z = zoomAt(v, 300, 0.5);
  assert.ok(Math.abs(timeToX(z, v.t0 + 300 * v.nsPerPx) - 300) < 1e-6);
  const p = panBy(v, 100);
  assert.ok(Math.abs(timeToX(p, 0) - timeToX(v, 0) - 100) < 1e-6);
  const tk = ticks(v);
  assert.ok(tk.length >= 5 && tk.length <= 15);
  assert.equal(formatDuration(1_500_000), '1.5 ms');
  assert.equal(formatDuration(2_000_000_000), '2 s');
  assert.equal(formatDuration(250), '250 ns');
});

test('hit test: interval, marker and the event source line', () => {
  const m = model(deadlockTwoLocks());
  const l = layoutLanes(m);
  const v = fit(m.startT, m.endT, 1000);
  const row = l.rows.find((r) => r.tid === '1:3')!;
  const x = timeToX(v, 100_700_000);
  const h = hitTest(m, l, v, Math.min(x, 999), row.y + 5)!;
  assert.equal(h.what, 'interval');
  const d = describeEvent(m.events[h.ev], m.file);
  assert.equal(d.title, 'blocked on lock lock_a');
  assert.deepEqual(d.loc, { file: 'dead_lock.py', line: 17 });
});

test('wait-for graph: threads and objects, holds / waits for edges', () => {
  const m = model(deadlockTwoLocks());
  const g = buildWaitGraph(m.deadlock!.event.cycle, m.file);
  assert.deepEqual(g.nodes.map((n) => n.label).sort(), ['Thread-1', 'Thread-2', 'lock_a', 'lock_b']);
  assert.equal(g.edges.filter((e) => e.label === 'waits for').length, 2);
  assert.equal(g.edges.filter((e) => e.label === 'holds').length, 2);
  assert.ok(g.edges.some((e) => e.from === 't:1:2' && e.to === 'o:lock#2' && e.label === 'waits for'));
  assert.ok(g.edges.some((e) => e.from === 'o:lock#2' && e.to === 't:1:3' && e.label === 'holds'));
  // cycle order alternates thread / object
  assert.deepEqual(g.nodes.map((n) => n.kind), ['thread', 'object', 'thread', 'object']);
  for (const n of g.nodes) assert.ok(n.x >= 0 && n.x <= g.width && n.y >= 0 && n.y <= g.height);
});
