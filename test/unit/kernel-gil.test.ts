import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  advanceGil, cancelGilRequest, createGil, dropRequested, eligibleWaiters, forceSwitch, getSwitchIntervalSeconds,
  handoffGil, nextGilExpiry, releaseGil, requestGil, setSwitchIntervalSeconds, type GilState,
} from '../../src/sim/kernel/gil';

const MS = 1_000_000;

/**
 * A tiny machine: CPU-bound threads, each instruction costs `cost` ns and every
 * `breakerEvery`-th one is an eval-breaker point. Returns the holder segments
 * [tid, from, to] until `until` ns.
 */
function runCpuBound(g: GilState, tids: string[], until: number, cost = 100, breakerEvery = 4, startAt: number[] = []): [string, number, number][] {
  let now = 0;
  const segments: [string, number, number][] = [];
  const pending = tids.map((tid, i) => ({ tid, at: startAt[i] ?? 0 }));
  let instr = 0;
  let segStart = 0;
  const join = () => {
    for (const p of pending.filter((p) => p.at <= now)) {
      if (requestGil(g, p.tid, p.at) === 'acquired') segStart = p.at;
      pending.splice(pending.indexOf(p), 1);
    }
  };
  join();
  while (now < until) {
    const h = g.holder!;
    now += cost;
    instr++;
    for (let e = nextGilExpiry(g); e !== null && e <= now; e = nextGilExpiry(g)) advanceGil(g, e);
    join();
    if (instr % breakerEvery === 0 && dropRequested(g)) {
      const to = forceSwitch(g, now);
      assert.ok(to !== null && to !== h);
      segments.push([h, segStart, now]);
      segStart = now;
    }
  }
  if (now > segStart) segments.push([g.holder!, segStart, now]);
  return segments;
}

test('GIL: a lone thread takes it at once and keeps it', () => {
  const g = createGil();
  assert.equal(requestGil(g, '1:1', 0), 'acquired');
  assert.equal(requestGil(g, '1:1', 0), 'holding');
  assert.equal(nextGilExpiry(g), null);
  const segs = runCpuBound(g, ['1:1'], 50 * MS);
  assert.equal(segs.length, 1);
  assert.equal(g.stats.switches, 0);
});

test('GIL: two CPU-bound threads alternate every switch interval (5 ms)', () => {
  const g = createGil();
  const segs = runCpuBound(g, ["1:1", "1:2"], 50 * MS);
  assert.equal(segs.length, 10);
  segs.forEach(([tid, from, to], i) => {
    assert.equal(tid, i % 2 === 0 ? '1:1' : '1:2');
    assert.ok(Math.abs(to - from - 5 * MS) <= 400, `${tid} ${from}-${to}`);
  });
  assert.equal(g.stats.forced, 10); // the 10th drop at exactly 50 ms
});

test('GIL: three threads take turns round-robin (a waiter that saw a switch waits again)', () => {
  const g = createGil();
  const segs = runCpuBound(g, ['1:1', '1:2', '1:3'], 60 * MS, 100, 4, [0, 0, 1 * MS]);
  assert.deepEqual(segs.slice(0, 9).map((s) => s[0]), ['1:1', '1:2', '1:3', '1:1', '1:2', '1:3', '1:1', '1:2', '1:3']);
  for (const [, from, to] of segs.slice(0, -1)) assert.ok(Math.abs(to - from - 5 * MS) <= 400);
});

test('GIL: the drop happens only at an eval-breaker point', () => {
  const g = createGil();
  // breaker every 1000 instructions of 100 ns = every 100 us
  const segs = runCpuBound(g, ['1:1', '1:2'], 12 * MS, 100, 1000);
  assert.equal(segs[0]![2] % (100 * 1000), 0);
  assert.ok(segs[0]![2] >= 5 * MS);
});

test('GIL: setswitchinterval changes the slice; stored in whole microseconds', () => {
  const g = createGil();
  setSwitchIntervalSeconds(g, 0.001);
  assert.equal(getSwitchIntervalSeconds(g), 0.001);
  const segs = runCpuBound(g, ['1:1', '1:2'], 10 * MS);
  assert.equal(segs.length, 10);
  setSwitchIntervalSeconds(g, 1e-9);
  assert.equal(getSwitchIntervalSeconds(g), 0);
  assert.equal(g.intervalNs, 1000);
});

test('GIL: blocking release hands it to the first waiter; a request resets nothing', () => {
  const g = createGil();
  requestGil(g, '1:1', 0);
  assert.equal(requestGil(g, '1:2', 100), 'waiting');
  assert.equal(requestGil(g, '1:3', 200), 'waiting');
  assert.equal(requestGil(g, '1:2', 300), 'waiting');
  releaseGil(g, '1:1', 1000, 'blocking');
  assert.equal(g.holder, null);
  assert.equal(handoffGil(g, 1000), '1:2');
  assert.deepEqual(g.waiters.map((w) => w.tid), ['1:3']);
  assert.equal(g.lastHolder, '1:1');
  // 1:3 started waiting at 200 but a switch happened at 1000: its first expiry (5.0002 ms)
  // does not request a drop, the second one does.
  assert.equal(nextGilExpiry(g), 200 + 5 * MS);
  assert.equal(advanceGil(g, 200 + 5 * MS), null);
  assert.equal(dropRequested(g), false);
  assert.equal(advanceGil(g, 200 + 10 * MS), '1:3');
  assert.equal(dropRequested(g), true);
  assert.equal(nextGilExpiry(g), null);
});

test('GIL: FORCE_SWITCHING — the dropper cannot re-take it while others wait', () => {
  const g = createGil();
  requestGil(g, '1:1', 0);
  requestGil(g, '1:2', 0);
  requestGil(g, '1:3', 0);
  advanceGil(g, 5 * MS);
  releaseGil(g, '1:1', 5 * MS, 'forced');
  assert.deepEqual(eligibleWaiters(g), ['1:2', '1:3']);
  assert.throws(() => releaseGil(g, '1:1', 5 * MS, 'blocking'), /held by nobody/);
  assert.equal(handoffGil(g, 5 * MS), '1:2');
  // after the switch the dropper competes again; its wait restarted at the switch
  assert.deepEqual(eligibleWaiters(g), ['1:3', '1:1']);
  assert.equal(g.waiters.find((w) => w.tid === '1:1')!.waitStart, 5 * MS);
});

test('GIL: the forced dropper is eligible when it is the only waiter left', () => {
  const g = createGil();
  requestGil(g, '1:1', 0);
  requestGil(g, '1:2', 0);
  advanceGil(g, 5 * MS);
  releaseGil(g, '1:1', 5 * MS, 'forced');
  cancelGilRequest(g, '1:2');
  assert.deepEqual(eligibleWaiters(g), ['1:1']);
  assert.equal(handoffGil(g, 5 * MS), '1:1');
});

test('GIL: a strategy may pick any waiter; voluntary yield queues at the back', () => {
  const g = createGil();
  requestGil(g, '1:1', 0);
  requestGil(g, '1:2', 0);
  requestGil(g, '1:3', 0);
  assert.equal(forceSwitch(g, 10, '1:3'), '1:3');
  releaseGil(g, '1:3', 20, 'voluntary');
  assert.deepEqual(g.waiters.map((w) => w.tid), ['1:2', '1:1', '1:3']);
  assert.throws(() => handoffGil(g, 20, '1:9'), /not waiting/);
  assert.equal(handoffGil(g, 20), '1:2');
  assert.equal(g.stats.switches, 2);
});

test('GIL: cancelling the only request clears the pending drop request', () => {
  const g = createGil();
  requestGil(g, '1:1', 0);
  requestGil(g, '1:2', 0);
  advanceGil(g, 5 * MS);
  assert.equal(dropRequested(g), true);
  cancelGilRequest(g, '1:2');
  assert.equal(dropRequested(g), false);
  assert.equal(forceSwitch(g, 6 * MS), null);
  assert.equal(g.holder, '1:1');
});
