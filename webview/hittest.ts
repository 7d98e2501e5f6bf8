/**
 * What is under the pointer: a marker, a tick, an overlay span or an interval, in that
 * priority. Pure.
 */
import type { TimelineModel } from '../src/protocol/timeline/model';
import { rowAt, type Layout } from './layout';
import { lowerBound, type InstantTrack } from '../src/protocol/timeline/tracks';
import { xToTime, type Viewport } from './viewport';

export interface Hit {
  ev: number;
  lane: number;
  what: 'marker' | 'tick' | 'overlay' | 'interval';
  /** for intervals: [start, end] */
  span?: [number, number];
}

function nearestInstant(tr: InstantTrack, t: number, tol: number): number {
  const i = lowerBound(tr.t, t - tol, 0, tr.n);
  let best = -1;
  let bestD = Infinity;
  for (let k = i; k < tr.n && tr.t[k] <= t + tol; k++) {
    const dd = Math.abs(tr.t[k] - t);
    if (dd < bestD) { bestD = dd; best = k; }
  }
  return best;
}

/** x: plot coordinates (CSS px from the plot's left edge), y: content coordinates. */
export function hitTest(model: TimelineModel, layout: Layout, v: Viewport, x: number, y: number, tolPx = 4): Hit | undefined {
  const r = rowAt(layout, y);
  if (r < 0) return undefined;
  const lane = model.lanes[layout.rows[r].lane];
  const t = xToTime(v, x);
  const tol = tolPx * v.nsPerPx;
  const m = nearestInstant(lane.instants, t, tol);
  if (m >= 0) return { ev: lane.instants.ev[m], lane: lane.id, what: 'marker' };
  const k = nearestInstant(lane.ticks, t, tol);
  if (k >= 0) return { ev: lane.ticks.ev[k], lane: lane.id, what: 'tick' };
  const o = lane.overlay.find(t);
  if (o >= 0) return { ev: lane.overlay.ev[o], lane: lane.id, what: 'overlay', span: [lane.overlay.start[o], lane.overlay.end[o]] };
  const i = lane.intervals.find(t);
  if (i >= 0) {
    const end = lane.intervals.end[i] === Infinity ? model.endT : lane.intervals.end[i];
    return { ev: lane.intervals.ev[i], lane: lane.id, what: 'interval', span: [lane.intervals.start[i], end] };
  }
  return undefined;
}
