/**
 * Precomputed level of detail for big interval tracks: per-lane summaries at power-of-two
 * resolutions. Level k cuts time into buckets of w_k = w_0·2^k ns (aligned to multiples of
 * w_k) and keeps, per bucket, the style that covers most of it. Drawing a zoomed-out view
 * then reads one bucket per pixel column instead of searching the intervals, and runs of
 * buckets with the same dominant style become one rectangle (a few per lane at fit-all,
 * instead of one per column with whatever interval happened to cover its middle).
 *
 * Summaries are built lazily per track (O(intervals)), cover only intervals that can no
 * longer change (all but the last), and are rebuilt when the track has grown by a quarter;
 * the time after what a summary covers is drawn exactly by lod.ts. Pure, no DOM.
 */
import type { IntervalTrack } from '../src/protocol/timeline/tracks';

/** tracks with fewer intervals are always walked exactly */
export const SUMMARY_MIN_INTERVALS = 2048;
/** level 0: about this many intervals per bucket on average */
const PER_BUCKET = 4;
/** the coarsest level has at least this many buckets */
const MIN_BUCKETS = 64;

export interface SummaryLevel {
  /** bucket width, ns (a power of two times the base) */
  w: number;
  /** absolute index (start / w) of the first bucket; buckets [first, last) are summarised */
  first: number;
  last: number;
  /** dominant style per bucket (0: nothing in it) */
  dom: Uint8Array;
  /** ns of the bucket the dominant style covers */
  cov: Float64Array;
}

export interface Summary {
  levels: SummaryLevel[];
}

const cache = new WeakMap<IntervalTrack, { n: number; summary?: Summary }>();

/** The summary of `tr` (built or refreshed as needed), or undefined when not worth it. */
export function summaryOf(tr: IntervalTrack): Summary | undefined {
  if (tr.n < SUMMARY_MIN_INTERVALS) return undefined;
  const c = cache.get(tr);
  if (c && tr.n <= 1.25 * c.n) return c.summary;
  const summary = buildSummary(tr);
  cache.set(tr, { n: tr.n, summary });
  return summary;
}

/** Builds the summary of the first n - 1 intervals of a track (the last may still change). */
export function buildSummary(tr: IntervalTrack): Summary | undefined {
  const n = tr.n - 1;
  if (n < 1) return undefined;
  const { start, end, style } = tr;
  const t0 = start[0];
  const tEnd = start[n];
  if (!(tEnd > t0)) return undefined;
  const w0 = 2 ** Math.ceil(Math.log2(Math.max(1, ((tEnd - t0) / n) * PER_BUCKET)));
  const first = Math.floor(t0 / w0);
  const last = Math.floor(tEnd / w0);
  const nb = last - first;
  if (nb < 1) return undefined;
  const dom = new Uint8Array(nb);
  const cov = new Float64Array(nb);
  const acc = new Float64Array(256);
  const touched: number[] = [];
  let i = 0;
  for (let b = 0; b < nb; b++) {
    const bs = (first + b) * w0;
    const be = bs + w0;
    while (i < n && end[i] <= bs) i++;
    for (let j = i; j < n && start[j] < be; j++) {
      const o = Math.min(end[j], be) - Math.max(start[j], bs);
      if (!(o > 0)) continue;
      const st = style[j];
      if (acc[st] === 0) touched.push(st);
      acc[st] += o;
    }
    let best = 0;
    let bestCov = 0;
    for (const st of touched) {
      if (acc[st] > bestCov) { bestCov = acc[st]; best = st; }
      acc[st] = 0;
    }
    touched.length = 0;
    dom[b] = best;
    cov[b] = bestCov;
  }
  const levels: SummaryLevel[] = [{ w: w0, first, last, dom, cov }];
  for (let L = levels[0]; L.last - L.first > MIN_BUCKETS; ) {
    const pf = Math.floor(L.first / 2);
    const pl = Math.floor(L.last / 2); // parents whose two children are both summarised
    const m = Math.max(0, pl - pf);
    const pd = new Uint8Array(m);
    const pc = new Float64Array(m);
    for (let b = 0; b < m; b++) {
      const c0 = 2 * (pf + b) - L.first;
      const d0 = c0 >= 0 ? L.dom[c0] : 0;
      const v0 = c0 >= 0 ? L.cov[c0] : 0;
      const d1 = L.dom[c0 + 1];
      const v1 = L.cov[c0 + 1];
      if (d0 === d1) { pd[b] = d0; pc[b] = v0 + v1; } else if (v0 >= v1) { pd[b] = d0; pc[b] = v0; } else { pd[b] = d1; pc[b] = v1; }
    }
    L = { w: L.w * 2, first: pf, last: pl, dom: pd, cov: pc };
    levels.push(L);
  }
  return { levels };
}

/** The coarsest level with buckets no wider than `colW` (a drawn column then spans one or
 * two buckets), or undefined when even level 0 is wider (zoomed in: draw exactly). */
export function levelFor(s: Summary, colW: number): SummaryLevel | undefined {
  let best: SummaryLevel | undefined;
  for (const L of s.levels) if (L.w <= colW) best = L;
  return best;
}

/**
 * Emits runs of buckets with the same dominant style over [t0, t1) (merged spans), and
 * returns the time up to which it drew (the caller draws the rest exactly).
 */
export function summarySpans(L: SummaryLevel, t0: number, t1: number,
  sink: (start: number, end: number, style: number) => void): number {
  const a0 = Math.max(L.first, Math.floor(t0 / L.w));
  const a1 = Math.min(L.last, Math.ceil(t1 / L.w));
  let runStyle = 0;
  let runStart = 0;
  for (let a = a0; a < a1; a++) {
    const d = L.dom[a - L.first];
    if (d === runStyle) continue;
    if (runStyle !== 0) sink(runStart * L.w, a * L.w, runStyle);
    runStyle = d;
    runStart = a;
  }
  if (runStyle !== 0 && a1 > runStart) sink(runStart * L.w, a1 * L.w, runStyle);
  return Math.max(t0, a1 * L.w);
}
