/**
 * The horizontal viewport (time ↔ pixels) and the time axis ticks. Pure.
 * `t0` is the time at the left edge of the plot area, `nsPerPx` the zoom.
 */
export interface Viewport {
  t0: number;
  nsPerPx: number;
  /** plot width in CSS pixels */
  width: number;
}

export const MIN_NS_PER_PX = 0.01;
export const MAX_NS_PER_PX = 1e12;

export const timeToX = (v: Viewport, t: number): number => (t - v.t0) / v.nsPerPx;
export const xToTime = (v: Viewport, x: number): number => v.t0 + x * v.nsPerPx;
export const viewEnd = (v: Viewport): number => v.t0 + v.width * v.nsPerPx;

/** Show [start, end] with a small margin. */
export function fit(start: number, end: number, width: number): Viewport {
  const span = Math.max(end - start, 1);
  const w = Math.max(width, 1);
  const nsPerPx = clampZoom((span * 1.04) / w);
  return { t0: start - span * 0.02, nsPerPx, width: w };
}

export function clampZoom(nsPerPx: number): number {
  return Math.min(MAX_NS_PER_PX, Math.max(MIN_NS_PER_PX, nsPerPx));
}

/** Zoom by `factor` (>1 zooms out) keeping the time under x fixed. */
export function zoomAt(v: Viewport, x: number, factor: number): Viewport {
  const t = xToTime(v, x);
  const nsPerPx = clampZoom(v.nsPerPx * factor);
  return { ...v, nsPerPx, t0: t - x * nsPerPx };
}

/** Pan by dx pixels (positive moves the content right, i.e. earlier times come into view). */
export function panBy(v: Viewport, dx: number): Viewport {
  return { ...v, t0: v.t0 - dx * v.nsPerPx };
}

/** Keep at least part of [start, end] on screen. */
export function clampPan(v: Viewport, start: number, end: number): Viewport {
  const span = v.width * v.nsPerPx;
  const lo = start - span * 0.9;
  const hi = end - span * 0.1;
  return { ...v, t0: Math.min(Math.max(v.t0, lo), Math.max(lo, hi)) };
}

export interface Tick { t: number; label: string; major: boolean }

const UNITS: [number, string][] = [[1e9, 's'], [1e6, 'ms'], [1e3, 'µs'], [1, 'ns']];

/** "1.5 ms", "20 µs", "3 s". */
export function formatDuration(ns: number): string {
  const a = Math.abs(ns);
  for (const [scale, unit] of UNITS) {
    if (a >= scale || scale === 1) {
      const v = ns / scale;
      const s = Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
      return `${s.includes('.') ? s.replace(/\.?0+$/, '') : s} ${unit}`;
    }
  }
  return `${ns} ns`;
}

/** Tick marks every 1/2/5 × 10^k ns so that labels are ~`minPx` apart. */
export function ticks(v: Viewport, minPx = 90): Tick[] {
  const rough = v.nsPerPx * minPx;
  const pow = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-3))));
  let step = pow;
  for (const m of [1, 2, 5, 10]) {
    if (pow * m >= rough) { step = pow * m; break; }
  }
  const out: Tick[] = [];
  const first = Math.ceil(v.t0 / step) * step;
  const end = viewEnd(v);
  for (let t = first, k = 0; t <= end && k < 1000; t += step, k++) {
    out.push({ t, label: formatTick(t, step), major: Math.round(t / step) % 5 === 0 });
  }
  return out;
}

/** A tick label precise enough to tell neighbouring ticks apart: "1.00001 s", "250 µs". */
export function formatTick(t: number, step: number): string {
  const a = Math.abs(t);
  if (a === 0) return '0';
  for (const [scale, unit] of UNITS) {
    if (a >= scale || scale === 1) {
      const decimals = Math.max(0, Math.min(9, Math.ceil(-Math.log10(step / scale) - 1e-9)));
      return `${(t / scale).toFixed(decimals)} ${unit}`;
    }
  }
  return `${t} ns`;
}
