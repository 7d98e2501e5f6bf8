import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimelineModel } from '../../src/protocol/timeline/model';
import { packModel, packedBuffers, unpackModel, type PackedModel } from '../../src/protocol/timeline/pack';
import { layoutLanes } from '../../webview/layout';
import { hitTest } from '../../webview/hittest';
import { fit } from '../../webview/viewport';
import { generateTrace } from '../../bench/timeline/gen';
import { FIXTURES } from '../browser/fixtures';
import type { TraceEvent } from '../../src/trace/format';

const build = (ev: readonly TraceEvent[]): TimelineModel => {
  const m = new TimelineModel();
  m.addEvents(ev);
  return m;
};
const unpack = (p: PackedModel): TimelineModel => {
  const m = unpackModel(p);
  if (typeof m === 'string') throw new Error(m);
  return m;
};
/** a structured clone, as postMessage makes */
const clone = (p: PackedModel): PackedModel => structuredClone(p);

for (const [name, make] of Object.entries(FIXTURES)) {
  test(`pack: ${name} round-trips (lanes, tracks, stats, banner data, layout)`, () => {
    const ev = make();
    const m = build(ev);
    const r = unpack(clone(packModel(m)));
    assert.deepEqual(packModel(r), packModel(m));
    assert.equal(r.eventCount, ev.length);
    assert.equal(r.eventBase, ev.length);
    assert.equal(r.event(0), undefined, 'packed events are not held');
    assert.deepEqual(layoutLanes(r), layoutLanes(m));
    assert.deepEqual(r.deadlock, m.deadlock);
    assert.deepEqual(r.hang, m.hang);
    // hit testing finds the same events
    const v = fit(m.startT, m.endT, 1000);
    const lay = layoutLanes(m);
    for (const row of lay.rows) for (let x = 0; x < 1000; x += 37) {
      assert.deepEqual(hitTest(r, lay, v, x, row.y + row.h / 2), hitTest(m, lay, v, x, row.y + row.h / 2));
    }
  });

  test(`pack: ${name} — a restored model continues like the original with later events`, () => {
    const ev = make();
    for (const cut of [1, Math.floor(ev.length / 3), Math.floor((2 * ev.length) / 3), ev.length - 1]) {
      const r = unpack(clone(packModel(build(ev.slice(0, cut)))));
      r.addEvents(ev.slice(cut));
      assert.deepEqual(packModel(r), packModel(build(ev)), `cut at ${cut}`);
      assert.equal(r.event(cut)?.seq, ev[cut].seq, 'live events are held');
      assert.equal(r.timeOfSeq(ev[ev.length - 1].seq), ev[ev.length - 1].t);
    }
  });
}

test('pack: a big synthetic trace packs to flat typed arrays (≈ 18 bytes per event)', () => {
  const m = build(generateTrace(50_000));
  const p = packModel(m);
  const bytes = packedBuffers(p).reduce((n, b) => n + b.byteLength, 0);
  assert.ok(bytes < 50_000 * 30, `${bytes} bytes`);
  assert.equal(packedBuffers(p).length, 22);
  const r = unpack(clone(p));
  assert.deepEqual(packModel(r), p);
});

test('pack: unpack rejects malformed snapshots with a reason', () => {
  const good = packModel(build(FIXTURES.deadlockTwoLocks()));
  const bad = (f: (p: PackedModel & Record<string, unknown>) => void, re: RegExp): void => {
    const p = clone(good) as PackedModel & Record<string, unknown>;
    f(p);
    const r = unpackModel(p);
    assert.equal(typeof r, 'string', `accepted: ${re}`);
    assert.match(r as string, re);
  };
  bad((p) => { (p as Record<string, unknown>).v = 2; }, /version/);
  bad((p) => { p.intervals.start = new Float32Array(p.intervals.start.length) as unknown as Float64Array; }, /intervals\.start: expected Float64Array/);
  bad((p) => { p.intervals.ev[0] = p.eventCount; }, /intervals\.ev: index out of range/);
  bad((p) => { p.intervals.label[0] = p.strings.length; }, /label/);
  bad((p) => { p.intervals.start[0] = NaN; }, /intervals/);
  bad((p) => { p.intervals.end = p.intervals.end.subarray(1); }, /intervals\.end/);
  bad((p) => { p.intervals.off[1] = -5; }, /off/);
  bad((p) => { p.instants.t[0] = Infinity; }, /instants\.t/);
  bad((p) => { p.gilArrows.to[0] = p.lanes.length; }, /gilArrows\.to/);
  bad((p) => { p.gilArrows.t1[0] = p.gilArrows.t0[0] + p.gilArrows.maxSpan + 1; }, /gilArrows: times/);
  bad((p) => { p.processes[0].threads.push('9:9'); }, /unknown thread/);
  bad((p) => { p.threads[0].lane = 1e6; }, /threads/);
  bad((p) => { p.lanes.push({ kind: 'nope', pid: 1, name: 'x', highlight: false } as never); }, /lane/);
  bad((p) => { p.state.gil = [[1, { lastT: 'x' }]] as never; }, /state\.gil/);
  bad((p) => { p.strings = [1] as never; }, /strings/);
  if (good.deadlock) bad((p) => { (p.deadlock!.event as unknown as Record<string, unknown>).cycle = 'x'; }, /deadlock/);
});
