/**
 * Canvas rendering of the timeline: axis, gutter labels, lane intervals (batched by colour,
 * merged below a pixel by lod.ts), overlays, markers, ticks, arrows, playhead, hover.
 * The only input is the model, the layout and the view; the only output is pixels + stats.
 */
import type { TimelineModel } from '../src/protocol/timeline/model';
import { rowAt, type Layout, type Row } from './layout';
import { visibleInstants, visibleSpans } from './lod';
import { levelFor, summaryOf, summarySpans } from './summary';
import { lowerBound, type ArrowList } from '../src/protocol/timeline/tracks';
import { Ak, Ik, St } from '../src/protocol/timeline/styles';
import { styleColour, type Theme } from './theme';
import { ticks, viewEnd, type Viewport } from './viewport';
import type { Hit } from './hittest';

export const GUTTER = 190;
export const AXIS_H = 24;
/** intervals narrower than this many pixels are merged (level of detail) */
const LOD_PX = 2;
/** coincident markers of different kinds are set side by side, this far apart */
const MARKER_SLOT_PX = 9;

export interface RenderInput {
  model: TimelineModel;
  layout: Layout;
  view: Viewport;
  scrollY: number;
  theme: Theme;
  playheadT?: number;
  hover?: Hit;
  /** draw still-open intervals to the right edge (the run ended stuck: deadlock / hang) */
  openForever?: boolean;
}

export interface RenderStats {
  frameMs: number;
  rects: number;
  markers: number;
  arrows: number;
  rows: number;
  /** lanes drawn from precomputed summaries (zoomed out on big tracks) */
  summarised: number;
  /** markers drawn per instant kind name (for tests) */
  markerKinds: Record<string, number>;
  /** ms per phase: intervals (LOD walk + fill), overlays+markers, arrows */
  phases: { spans: number; fill: number; marks: number; arrows: number };
}

const IK_NAMES = Object.fromEntries(Object.entries(Ik).map(([k, v]) => [v, k])) as Record<number, string>;

/** shape()'s answer: [dy, height] (one shared array: this runs per drawn span) */
const SHAPE: [number, number] = [0, 0];
/** Vertical placement of an interval style inside a row of height h, into SHAPE. */
function shape(style: number, h: number, kind: Row['kind']): void {
  if (kind === 'process') { SHAPE[0] = h - 9; SHAPE[1] = 6; return; }
  if (kind === 'gil') { SHAPE[0] = 2; SHAPE[1] = h - 4; return; }
  switch (style) {
    case St.running: SHAPE[0] = 4; SHAPE[1] = h - 8; return;
    case St.ready: SHAPE[0] = h / 2 - 2; SHAPE[1] = 4; return;
    case St.blockedSleep: SHAPE[0] = 6; SHAPE[1] = h - 12; return;
    default: SHAPE[0] = 5; SHAPE[1] = h - 10;
  }
}

class RectBatch {
  readonly byStyle = new Map<number, number[]>();
  count = 0;
  add(style: number, x: number, y: number, w: number, h: number): void {
    let a = this.byStyle.get(style);
    if (!a) { a = []; this.byStyle.set(style, a); }
    // extend the previous rect of this style when contiguous on the same row
    const n = a.length;
    if (n >= 4 && a[n - 3] === y && a[n - 1] === h && x <= a[n - 4] + a[n - 2] + 0.5 && x >= a[n - 4]) {
      a[n - 2] = Math.max(a[n - 2], x + w - a[n - 4]);
      return;
    }
    a.push(x, y, w, h);
    this.count++;
  }
}

export class Renderer {
  private readonly ctx: CanvasRenderingContext2D;
  cssW = 0;
  cssH = 0;

  constructor(readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('canvas 2d context unavailable');
    this.ctx = ctx;
  }

  resize(w: number, h: number): void {
    const dpr = globalThis.devicePixelRatio || 1;
    this.cssW = w;
    this.cssH = h;
    this.canvas.width = Math.max(1, Math.round(w * dpr));
    this.canvas.height = Math.max(1, Math.round(h * dpr));
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
  }

  /** Rasterise the recorded commands now (benchmarks: frame time including raster). */
  flush(): void {
    this.ctx.getImageData(0, 0, 1, 1);
  }

  plotWidth(): number {
    return Math.max(1, this.cssW - GUTTER);
  }

  draw(inp: RenderInput): RenderStats {
    const t0 = performance.now();
    const { model, layout, view, scrollY, theme: th } = inp;
    const ctx = this.ctx;
    const dpr = this.canvas.width / Math.max(1, this.cssW);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = th.bg;
    ctx.fillRect(0, 0, this.cssW, this.cssH);
    const stats: RenderStats = { frameMs: 0, rects: 0, markers: 0, arrows: 0, rows: 0, summarised: 0, markerKinds: {}, phases: { spans: 0, fill: 0, marks: 0, arrows: 0 } };
    let tp = performance.now();
    const phase = (k: keyof RenderStats['phases']): void => { const now = performance.now(); stats.phases[k] += now - tp; tp = now; };
    const vt0 = view.t0;
    const vt1 = viewEnd(view);
    const k = 1 / view.nsPerPx;
    const X = (t: number): number => GUTTER + (t - vt0) * k;
    const plotH = this.cssH - AXIS_H;
    const Y = (y: number): number => AXIS_H + y - scrollY;

    // visible rows
    const first = Math.max(0, rowAt(layout, scrollY) === -1 ? firstRowAfter(layout, scrollY) : rowAt(layout, scrollY));
    const visible: Row[] = [];
    for (let r = first; r < layout.rows.length && layout.rows[r].y < scrollY + plotH; r++) visible.push(layout.rows[r]);
    stats.rows = visible.length;

    ctx.save();
    ctx.beginPath();
    ctx.rect(GUTTER, AXIS_H, this.cssW - GUTTER, plotH);
    ctx.clip();

    // row backgrounds
    for (const row of visible) {
      if (row.highlight) {
        ctx.fillStyle = th.highlightBg;
        ctx.fillRect(GUTTER, Y(row.y), this.cssW - GUTTER, row.h);
      } else if (row.kind === 'process') {
        ctx.fillStyle = th.rowAlt;
        ctx.fillRect(GUTTER, Y(row.y), this.cssW - GUTTER, row.h);
      }
    }
    // grid
    const tk = ticks(view);
    ctx.strokeStyle = th.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const t of tk) {
      const x = Math.round(X(t.t)) + 0.5;
      ctx.moveTo(x, AXIS_H);
      ctx.lineTo(x, this.cssH);
    }
    ctx.stroke();

    // intervals
    const batch = new RectBatch();
    const labels: [number, number, number, string][] = [];
    const openEnd = inp.openForever ? Math.max(vt1, model.endT) : model.endT;
    let row: Row = visible[0];
    let y0 = 0;
    const span = (s: number, e: number, style: number, _ev: number, label: number, merged: boolean): void => {
      shape(style, row.h, row.kind);
      const x = X(s);
      const w = Math.max((e - s) * k, 1);
      batch.add(style, x, y0 + SHAPE[0], w, SHAPE[1]);
      if (!merged && label >= 0 && w > 44) labels.push([Math.max(x, GUTTER) + 3, y0 + SHAPE[0] + SHAPE[1] / 2, Math.min(w, X(vt1) - Math.max(x, GUTTER)) - 6, model.strings.get(label)]);
    };
    const summarised = (s: number, e: number, style: number): void => span(s, e, style, -1, -1, true);
    for (const r of visible) {
      row = r;
      y0 = Y(row.y);
      const tr = model.lanes[row.lane].intervals;
      // zoomed out on a big track: precomputed per-bucket dominant styles (summary.ts), then
      // the part the summary does not cover yet exactly
      const sum = summaryOf(tr);
      const level = sum && levelFor(sum, view.nsPerPx * LOD_PX);
      const from = level ? summarySpans(level, vt0, vt1, summarised) : vt0;
      if (from < vt1) visibleSpans(tr, from, vt1, view.nsPerPx, openEnd, span, LOD_PX);
      if (level) stats.summarised++;
    }
    phase('spans');
    this.flushRects(batch, th, visible, layout);
    stats.rects += batch.count;
    phase('fill');
    ctx.font = th.font;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = th.bg;
    for (const [x, y, w, text] of labels) fitText(ctx, text, x, y, w);

    // overlays: handler spans (thread lane, framed), pending signals (process row): a band
    // with a labelled pill at its start
    const pills: [number, number, number, string, string][] = [];
    for (const row of visible) {
      const lane = model.lanes[row.lane];
      if (lane.overlay.n === 0) continue;
      visibleSpans(lane.overlay, vt0, vt1, view.nsPerPx, openEnd, (s, e, style, _ev, label) => {
        const colour = styleColour(th, style);
        const x = X(s);
        const w = Math.max((e - s) * k, 2);
        const y = Y(row.y);
        ctx.fillStyle = colour;
        if (row.kind === 'thread') {
          ctx.strokeStyle = colour;
          ctx.lineWidth = 1.5;
          ctx.strokeRect(x, y + 1.5, w, row.h - 3);
          ctx.fillRect(x, y + 1, w, 3);
        } else {
          ctx.fillRect(x, y + 2, w, 4);
        }
        if (label >= 0) pills.push([x, row.kind === 'thread' ? y + row.h + 1 : y + 7, w, model.strings.get(label), colour]);
      });
    }
    ctx.font = th.font;
    for (const [x, y, , text, colour] of pills) {
      const tw = text.length * 6.2 + 8;
      ctx.fillStyle = colour;
      ctx.fillRect(x, y, tw, 13);
      ctx.fillStyle = th.bg;
      ctx.fillText(text, x + 4, y + 7);
    }

    // ticks (batched by colour: setting fillStyle per tick is slow) and markers
    const tickBatch = new Map<string, number[]>();
    for (const row of visible) {
      const lane = model.lanes[row.lane];
      if (lane.ticks.n === 0) continue;
      const y0 = Y(row.y);
      const ty = row.kind === 'gil' ? y0 : y0 + row.h - 5;
      const th2 = row.kind === 'gil' ? 4 : 5;
      visibleInstants(lane.ticks, vt0, vt1, view.nsPerPx, 3, (t, kind) => {
        const c = tickColour(th, kind);
        let a = tickBatch.get(c);
        if (!a) { a = []; tickBatch.set(c, a); }
        a.push(Math.round(X(t)), ty, th2);
      });
    }
    for (const [c, a] of tickBatch) {
      ctx.fillStyle = c;
      ctx.beginPath();
      for (let i = 0; i < a.length; i += 3) ctx.rect(a[i], a[i + 1], 1, a[i + 2]);
      ctx.fill();
    }
    for (const row of visible) {
      const lane = model.lanes[row.lane];
      const y0 = Y(row.y);
      visibleInstants(lane.instants, vt0, vt1, view.nsPerPx, 5, (t, kind, _ev, slot) => {
        drawMarker(ctx, th, kind, X(t) + slot * MARKER_SLOT_PX, y0, row.h);
        stats.markers++;
        const name = IK_NAMES[kind];
        stats.markerKinds[name] = (stats.markerKinds[name] ?? 0) + 1;
      }, true);
    }

    phase('marks');
    // arrows
    stats.arrows += this.drawArrows(model.gilArrows, inp, X, Y, true);
    stats.arrows += this.drawArrows(model.arrows, inp, X, Y, false);
    phase('arrows');

    // hover outline
    if (inp.hover?.span) {
      const r = layout.rowOfLane[inp.hover.lane];
      if (r >= 0) {
        const row = layout.rows[r];
        ctx.strokeStyle = th.focus;
        ctx.lineWidth = 1.5;
        const x = X(inp.hover.span[0]);
        ctx.strokeRect(x, Y(row.y) + 1.5, Math.max(2, X(inp.hover.span[1]) - x), row.h - 3);
      }
    }
    // playhead
    if (inp.playheadT !== undefined) {
      const x = Math.round(X(inp.playheadT)) + 0.5;
      ctx.strokeStyle = th.playhead;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, AXIS_H);
      ctx.lineTo(x, this.cssH);
      ctx.stroke();
    }
    ctx.restore();

    this.drawAxis(tk, X, th);
    this.drawGutter(visible, Y, th, model);
    stats.frameMs = performance.now() - t0;
    return stats;
  }

  private flushRects(batch: RectBatch, th: Theme, _visible: Row[], _layout: Layout): void {
    const ctx = this.ctx;
    for (const [style, a] of batch.byStyle) {
      ctx.fillStyle = styleColour(th, style);
      ctx.globalAlpha = style === St.blockedSleep ? 0.45 : style === St.procZ ? 0.5 : style >= St.gil0 ? 0.9 : style === St.running ? 1 : 0.75;
      ctx.beginPath();
      for (let i = 0; i < a.length; i += 4) ctx.rect(a[i], a[i + 1], a[i + 2], a[i + 3]);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }

  private drawArrows(list: ArrowList, inp: RenderInput, X: (t: number) => number, Y: (y: number) => number, thin: boolean): number {
    const { layout, view, theme: th } = inp;
    const ctx = this.ctx;
    const vt0 = view.t0;
    const vt1 = viewEnd(view);
    const n = list.n;
    if (n === 0) return 0;
    // arrows are appended in t1 order; t0 <= t1 and t1 - t0 <= maxSpan
    let i = lowerBound(list.t1, vt0, 0, n);
    // dense GIL handoffs: at most one arrow per 8 px (denser ones cannot be told apart, and
    // dashed strokes with heads are the costliest thing to rasterise)
    const gap = view.nsPerPx * 8;
    const byKind = new Map<number, number[]>();
    let drawn = 0;
    while (i < n) {
      const a0 = list.t0[i];
      const a1 = list.t1[i];
      if (a1 > vt1 + list.maxSpan) break;
      if (a0 <= vt1) {
        const rf = layout.rowOfLane[list.from[i]];
        const rt = layout.rowOfLane[list.to[i]];
        if (rf >= 0 && rt >= 0) {
          const f = layout.rows[rf];
          const t = layout.rows[rt];
          let pts = byKind.get(list.kind[i]);
          if (!pts) { pts = []; byKind.set(list.kind[i], pts); }
          pts.push(X(a0), Y(f.y) + f.h / 2, X(a1), Y(t.y) + (t.kind === 'process' ? t.h - 4 : t.h / 2));
          drawn++;
        }
      }
      // thin out dense GIL handoffs: at most one per few pixels
      i = thin && list.t1[i + 1] !== undefined && list.t1[i + 1] < a1 + gap ? lowerBound(list.t1, a1 + gap, i + 1, n) : i + 1;
    }
    for (const [kind, pts] of byKind) {
      const colour = kind === Ak.gilForced ? th.forced : kind === Ak.gilVoluntary ? th.voluntary : kind === Ak.fork ? th.fork
        : kind === Ak.signal ? th.signal : th.ipc;
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = kind === Ak.gilForced ? 1.5 : 1.2;
      ctx.setLineDash(kind === Ak.gilVoluntary || kind === Ak.ipc || kind === Ak.queue ? [3, 3] : []);
      ctx.beginPath();
      for (let j = 0; j < pts.length; j += 4) {
        ctx.moveTo(pts[j], pts[j + 1]);
        ctx.lineTo(pts[j + 2], pts[j + 3]);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath();
      for (let j = 0; j < pts.length; j += 4) arrowHead(ctx, pts[j], pts[j + 1], pts[j + 2], pts[j + 3]);
      ctx.fill();
    }
    return drawn;
  }

  private drawAxis(tk: ReturnType<typeof ticks>, X: (t: number) => number, th: Theme): void {
    const ctx = this.ctx;
    ctx.fillStyle = th.bg;
    ctx.fillRect(0, 0, this.cssW, AXIS_H);
    ctx.strokeStyle = th.border;
    ctx.beginPath();
    ctx.moveTo(0, AXIS_H - 0.5);
    ctx.lineTo(this.cssW, AXIS_H - 0.5);
    ctx.stroke();
    ctx.font = th.font;
    ctx.textBaseline = 'middle';
    ctx.fillStyle = th.muted;
    for (const t of tk) {
      const x = X(t.t);
      if (x < GUTTER) continue;
      ctx.fillRect(Math.round(x), AXIS_H - 6, 1, 6);
      ctx.fillText(t.label, x + 3, AXIS_H / 2 - 2);
    }
  }

  private drawGutter(visible: Row[], Y: (y: number) => number, th: Theme, model: TimelineModel): void {
    const ctx = this.ctx;
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, AXIS_H, GUTTER, this.cssH - AXIS_H);
    ctx.clip();
    ctx.fillStyle = th.gutter;
    ctx.fillRect(0, AXIS_H, GUTTER, this.cssH - AXIS_H);
    ctx.textBaseline = 'middle';
    for (const row of visible) {
      const y = Y(row.y) + row.h / 2;
      const x = 8 + row.indent * 12;
      if (row.highlight) {
        ctx.fillStyle = th.highlightBg;
        ctx.fillRect(0, Y(row.y), GUTTER, row.h);
      }
      ctx.font = row.kind === 'process' ? th.fontBold : th.font;
      ctx.fillStyle = row.highlight ? th.highlightFg : row.kind === 'gil' ? th.muted : th.fg;
      if (row.kind === 'process') {
        const p = model.processes.get(row.pid);
        ctx.fillText(row.label, x, y - (row.sublabel ? 4 : 0), GUTTER - x - 6);
        if (row.sublabel) {
          ctx.font = th.font;
          ctx.fillStyle = p?.zombie ? th.procZ : th.muted;
          ctx.fillText(row.sublabel, x, y + 6, GUTTER - x - 6);
        }
      } else {
        fitText(ctx, row.label, x, y, GUTTER - x - 50);
        if (row.sublabel) {
          ctx.fillStyle = th.muted;
          ctx.fillText(row.sublabel, GUTTER - 44, y, 40);
        }
      }
    }
    ctx.strokeStyle = th.border;
    ctx.beginPath();
    ctx.moveTo(GUTTER - 0.5, AXIS_H);
    ctx.lineTo(GUTTER - 0.5, this.cssH);
    ctx.stroke();
    ctx.restore();
  }
}

function firstRowAfter(layout: Layout, y: number): number {
  const i = layout.rows.findIndex((r) => r.y + r.h > y);
  return i < 0 ? layout.rows.length : i;
}

/** Text truncated to about w pixels (estimated: measuring every label is too slow). */
function fitText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, w: number): void {
  const max = Math.floor(w / 6.2);
  if (max < 2) return;
  ctx.fillText(text.length > max ? text.slice(0, max - 1) + '…' : text, x, y);
}

function arrowHead(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  const a = Math.atan2(y1 - y0, x1 - x0);
  const s = 5;
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - s * Math.cos(a - 0.45), y1 - s * Math.sin(a - 0.45));
  ctx.lineTo(x1 - s * Math.cos(a + 0.45), y1 - s * Math.sin(a + 0.45));
  ctx.closePath();
}

function tickColour(th: Theme, kind: number): string {
  switch (kind) {
    case Ik.write: case Ik.flush: return th.out;
    case Ik.writeErr: return th.err;
    case Ik.gilDrop: return th.forced;
    case Ik.gilRelease: return th.voluntary;
    default: return th.muted;
  }
}

function drawMarker(ctx: CanvasRenderingContext2D, th: Theme, kind: number, x: number, y0: number, h: number): void {
  const cy = y0 + h / 2;
  ctx.beginPath();
  switch (kind) {
    case Ik.sigSend:
      ctx.fillStyle = th.signal;
      ctx.moveTo(x - 5, y0 + 1); ctx.lineTo(x + 5, y0 + 1); ctx.lineTo(x, y0 + 9); ctx.closePath(); ctx.fill();
      return;
    case Ik.sigDeliver:
    case Ik.sigDefault:
      ctx.fillStyle = kind === Ik.sigDeliver ? th.signal : th.lost;
      ctx.moveTo(x, cy - 6); ctx.lineTo(x + 5, cy); ctx.lineTo(x, cy + 6); ctx.lineTo(x - 5, cy); ctx.closePath(); ctx.fill();
      ctx.strokeStyle = th.bg; ctx.lineWidth = 1; ctx.stroke();
      return;
    case Ik.fork:
      ctx.fillStyle = th.fork;
      ctx.arc(x, cy, 4, 0, Math.PI * 2); ctx.fill();
      return;
    case Ik.exit:
      ctx.fillStyle = th.fg;
      ctx.rect(x - 3.5, cy - 3.5, 7, 7); ctx.fill();
      return;
    case Ik.reap:
    case Ik.lost:
    case Ik.exception:
      ctx.strokeStyle = kind === Ik.reap ? th.fg : th.lost;
      ctx.lineWidth = 2;
      ctx.moveTo(x - 4, cy - 4); ctx.lineTo(x + 4, cy + 4); ctx.moveTo(x + 4, cy - 4); ctx.lineTo(x - 4, cy + 4); ctx.stroke();
      return;
    case Ik.reparent:
      ctx.fillStyle = th.muted;
      ctx.moveTo(x, cy - 6); ctx.lineTo(x + 5, cy + 3); ctx.lineTo(x - 5, cy + 3); ctx.closePath(); ctx.fill();
      return;
    case Ik.dup:
      ctx.fillStyle = th.out;
      ctx.arc(x - 3, cy, 2.5, 0, Math.PI * 2); ctx.arc(x + 3, cy, 2.5, 0, Math.PI * 2); ctx.fill();
      return;
    case Ik.threadStart:
    case Ik.threadExit:
      ctx.fillStyle = th.muted;
      ctx.fillRect(Math.round(x) - (kind === Ik.threadStart ? 0 : 1), y0 + 2, 2, h - 4);
      return;
    default:
      ctx.fillStyle = th.muted;
      ctx.fillRect(Math.round(x), y0 + 2, 1, h - 4);
  }
}
