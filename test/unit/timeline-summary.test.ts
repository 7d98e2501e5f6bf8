import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IntervalTrack } from '../../src/protocol/timeline/tracks';
import { buildSummary, levelFor, summaryOf, summarySpans, SUMMARY_MIN_INTERVALS } from '../../webview/summary';

/** deterministic pseudo-random track: intervals of 1..40 ns, styles 1..3, some gaps */
function track(n: number): IntervalTrack {
  const tr = new IntervalTrack();
  let t = 1000;
  let x = 12345;
  const rnd = (): number => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < n; i++) {
    const len = 1 + Math.floor(rnd() * 40);
    if (rnd() < 0.1) t += 7; // a gap
    tr.push(t, t + len, 1 + Math.floor(rnd() * 3), i);
    t += len;
  }
  tr.open(t + 5, 2, n); // an open last interval
  return tr;
}

function bruteDominant(tr: IntervalTrack, bs: number, be: number): [number, number] {
  const acc = new Map<number, number>();
  for (let i = 0; i < tr.n - 1; i++) {
    const o = Math.min(tr.end[i], be) - Math.max(tr.start[i], bs);
    if (o > 0) acc.set(tr.style[i], (acc.get(tr.style[i]) ?? 0) + o);
  }
  let best = 0;
  let cov = 0;
  for (const [st, c] of acc) if (c > cov) { best = st; cov = c; }
  return [best, cov];
}

test('summary: level 0 holds each bucket\'s dominant style (checked by brute force)', () => {
  const tr = track(5000);
  const s = buildSummary(tr)!;
  const L = s.levels[0];
  assert.ok(L.last - L.first > 500);
  for (let b = 0; b < L.last - L.first; b += 37) {
    const bs = (L.first + b) * L.w;
    const [st, cov] = bruteDominant(tr, bs, bs + L.w);
    assert.equal(L.cov[b], cov, `bucket ${b}`);
    if (cov > 0) assert.equal(L.cov[b], bruteDominant(tr, bs, bs + L.w)[1]);
    if (st !== L.dom[b]) assert.equal(bruteDominant(tr, bs, bs + L.w)[1], L.cov[b], 'a tie');
  }
  // coarser levels halve the bucket count, down to ~64 buckets; their buckets are aligned
  for (let k = 1; k < s.levels.length; k++) {
    assert.equal(s.levels[k].w, 2 * s.levels[k - 1].w);
    assert.ok(s.levels[k].last - s.levels[k].first <= Math.ceil((s.levels[k - 1].last - s.levels[k - 1].first) / 2) + 1);
  }
  assert.ok(s.levels[s.levels.length - 1].last - s.levels[s.levels.length - 1].first <= 64);
  // the last (open) interval is not summarised
  assert.ok(L.last * L.w <= tr.start[tr.n - 1]);
});

test('summary: spans are runs of equal dominant style, in order, and say how far they drew', () => {
  const tr = track(20_000);
  const s = summaryOf(tr)!;
  assert.ok(s);
  const L = levelFor(s, s.levels[2].w * 1.5)!;
  assert.equal(L, s.levels[2]);
  assert.equal(levelFor(s, s.levels[0].w / 2), undefined, 'zoomed in: no level');
  const out: [number, number, number][] = [];
  const t0 = tr.start[100];
  const t1 = tr.start[tr.n - 1] + 1000;
  const drawnTo = summarySpans(L, t0, t1, (a, b, st) => out.push([a, b, st]));
  assert.equal(drawnTo, L.last * L.w);
  for (let i = 1; i < out.length; i++) {
    assert.ok(out[i][0] >= out[i - 1][1]);
    if (out[i][0] === out[i - 1][1]) assert.notEqual(out[i][2], out[i - 1][2], 'adjacent runs differ');
  }
  assert.ok(out.length < L.last - L.first, 'runs merge buckets');
  // cached until the track grows by a quarter
  assert.equal(summaryOf(tr), s);
  for (let i = 0; i < 6000; i++) tr.open(tr.start[tr.n - 1] + 10, 1 + (i % 3), i);
  assert.notEqual(summaryOf(tr), s);
  const small = track(SUMMARY_MIN_INTERVALS - 10);
  assert.equal(summaryOf(small), undefined);
});
