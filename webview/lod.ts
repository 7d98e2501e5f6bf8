/**
 * Level of detail: walk the intervals / instants of a track that are visible in a viewport,
 * merging everything narrower than a pixel, so the work per frame is bounded by the number
 * of pixel columns, not the number of events. Pure: emits spans in time units to a callback.
 */
import { IntervalTrack, InstantTrack, lowerBound } from '../src/protocol/timeline/tracks';

/** Called per drawn span. `merged` = more than one interval falls in this pixel column;
 * then `style`/`ev` are those of the interval covering the column's middle. */
export type SpanSink = (start: number, end: number, style: number, ev: number, label: number, merged: boolean) => void;

/**
 * Visible intervals of `tr` in [t0, t1) at `nsPerPx`; open intervals end at `openEnd`;
 * intervals narrower than `minPx` pixels are merged per column of `minPx` pixels.
 * Columns are aligned to multiples of nsPerPx so panning does not make merged columns flicker.
 */
export function visibleSpans(tr: IntervalTrack, t0: number, t1: number, nsPerPx: number, openEnd: number, sink: SpanSink, minPx = 1): void {
  visibleSpansCol(tr, t0, t1, nsPerPx * minPx, openEnd, sink);
}

/** visibleSpans with a column width in ns (intervals narrower than a column are merged). */
function visibleSpansCol(tr: IntervalTrack, t0: number, t1: number, nsPerPx: number, openEnd: number, sink: SpanSink): void {
  const n = tr.n;
  if (n === 0) return;
  const { start, end, style, ev, label } = tr;
  // first interval that ends after t0: intervals are disjoint and sorted, so ends are sorted too
  let i = Math.max(0, lowerBound(start, t0, 0, n) - 1);
  let clip = -Infinity;
  while (i < n) {
    const s = Math.max(start[i], clip);
    if (s >= t1) break;
    const e = end[i] === Infinity ? Math.max(openEnd, start[i]) : end[i];
    if (e <= t0 || e <= s) { i++; continue; }
    if (e - s >= nsPerPx) {
      sink(s, e, style[i], ev[i], label[i], false);
      i++;
      continue;
    }
    // sub-pixel: merge all intervals that start in this column
    const col = Math.floor(s / nsPerPx);
    const colEnd = (col + 1) * nsPerPx;
    const j = lowerBound(start, colEnd, i + 1, n); // first interval starting in a later column
    if (j === i + 1) {
      sink(s, Math.max(e, s + nsPerPx * 0.5), style[i], ev[i], label[i], false);
      i++;
      continue;
    }
    const mid = (col + 0.5) * nsPerPx;
    let k = lowerBound(start, mid, i, j) - 1;
    if (k < i) k = i;
    const lastEnd = end[j - 1] === Infinity ? Math.max(openEnd, start[j - 1]) : end[j - 1];
    sink(col * nsPerPx, Math.min(colEnd, Math.max(lastEnd, s)), style[k], ev[k], label[k], true);
    // the last interval of the column may continue beyond it
    if (lastEnd > colEnd) {
      i = j - 1;
      clip = colEnd;
    } else {
      i = j;
      clip = -Infinity;
    }
  }
}

/** Visible instants, at most one per `minGapPx` pixels (the first in each gap wins) — or,
 * with `distinct`, one per kind among the first few in each gap, numbered by `slot` (0, 1,
 * …) so the caller can set coincident markers side by side: a child's exit, reparent and
 * reap at the same moment all stay visible instead of the first hiding the others. */
export function visibleInstants(tr: InstantTrack, t0: number, t1: number, nsPerPx: number, minGapPx: number,
  sink: (t: number, kind: number, ev: number, slot: number) => void, distinct = false): void {
  const n = tr.n;
  if (n === 0) return;
  const gap = nsPerPx * minGapPx;
  let i = lowerBound(tr.t, t0, 0, n);
  while (i < n) {
    const t = tr.t[i];
    if (t >= t1) break;
    sink(t, tr.kind[i], tr.ev[i], 0);
    const next = t + gap;
    if (distinct) {
      let seen = 1 << (tr.kind[i] & 31);
      let slot = 1;
      for (let j = i + 1; j < n && j <= i + MAX_SCAN && tr.t[j] < next && slot < MAX_SLOTS; j++) {
        const bit = 1 << (tr.kind[j] & 31);
        if (seen & bit) continue;
        seen |= bit;
        sink(t, tr.kind[j], tr.ev[j], slot++);
      }
    }
    i = tr.t[i + 1] !== undefined && tr.t[i + 1] >= next ? i + 1 : lowerBound(tr.t, next, i + 1, n);
  }
}
/** distinct markers: how many instants of a gap are looked at, and drawn at most */
const MAX_SCAN = 16;
const MAX_SLOTS = 4;
