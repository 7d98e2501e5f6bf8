/**
 * The timeline application: owns the model, the view state and the DOM; wires model →
 * layout → render → interaction and the panels. Host messages arrive through main.ts.
 */
import { validateTraceEvent } from '../src/trace/validate';
import { unpackModel } from '../src/protocol/timeline/pack';
import { styleName } from '../src/protocol/timeline/styles';
import type { Loc, TraceEvent } from '../src/trace/format';
import type { DetailReplyMessage, FromWebview, SnapshotMessage, WebviewState } from '../src/protocol/messages';
import type { Description } from './describe';
import { TimelineModel } from '../src/protocol/timeline/model';
import { DEFAULT_LAYOUT, layoutLanes, type Layout, type LayoutOptions } from './layout';
import { AXIS_H, GUTTER, Renderer, type RenderStats } from './render';
import { attachInteraction } from './interaction';
import { clampPan, fit, timeToX, type Viewport } from './viewport';
import { hitTest, type Hit } from './hittest';
import { describe } from './describe';
import { readTheme, type Theme } from './theme';
import { renderBanner, renderLegend, Tooltip, type BannerInfo } from './panels';
import { checkbox, iconButton, textButton, textField } from './controls';
import { Ingest } from './ingest';

export interface DebugSnapshot {
  ready: boolean;
  file: string;
  events: number;
  done: boolean;
  outcome?: { outcome: string; exitCode: number };
  lanes: { kind: string; pid: number; tid?: string; label: string; highlight: boolean; y: number; h: number }[];
  /** canvas y of content y = 0 */
  axisHeight: number;
  stats: TimelineModel['stats'];
  gilHandoffsDrawn: number;
  render?: RenderStats;
  frames: number;
  banner: { kind: string; text: string; nodes: { id: string; kind: string; label: string }[]; edges: { from: string; to: string; label: string }[] };
  view: Viewport;
  scrollY: number;
  playheadSeq: number | null;
  errors: string[];
  /** performance.now() when the last frame was drawn, and how many events it showed */
  lastFrameAt: number;
  lastFrameEvents: number;
  /** performance.now() of the first frame that showed any event of this run */
  firstFrameAt: number;
  pending: number;
  timing: { validateMs: number; modelMs: number; layoutMs: number; unpackMs: number };
  /** fed by a snapshot: its run id and how many events came packed */
  snapshot?: { run: number; packed: number };
  detailRequests: number;
}

export class TimelineApp {
  private model = new TimelineModel();
  private layoutOpts: LayoutOptions = { ...DEFAULT_LAYOUT, collapsed: new Set() };
  private layout: Layout = layoutLanes(this.model, this.layoutOpts);
  private layoutVersion = -1;
  private view: Viewport = { t0: 0, nsPerPx: 1000, width: 800 };
  private scrollY = 0;
  private userMoved = false;
  private playheadSeq: number | null = null;
  private playheadT?: number;
  /** the host's run id when fed by a snapshot (quoted in detail requests) */
  private run?: number;
  /** detail requests in flight (event indices), and what to do when one arrives */
  private readonly requested = new Set<number>();
  private pendingClick?: number;
  private detailRequests = 0;
  private lastPointer = { x: 0, y: 0 };
  private restoreView?: { file: string; viewport: { t0: number; nsPerPx: number } };
  private hover?: Hit;
  private theme: Theme;
  private readonly renderer: Renderer;
  private readonly tooltip: Tooltip;
  private readonly bannerEl: HTMLElement;
  private readonly legendEl: HTMLElement;
  private readonly statusEl: HTMLElement;
  private readonly canvasBox: HTMLElement;
  private banner: BannerInfo = { kind: 'none', text: '' };
  private bannerVersion = -1;
  private rafPending = false;
  private lastStats?: RenderStats;
  private frames = 0;
  private lastFrameAt = 0;
  private lastFrameEvents = 0;
  private firstFrameAt = 0;
  private readonly errors: string[] = [];
  private readonly ingest = new Ingest(
    (events) => this.addEvents(events),
    () => { this.model.done = true; },
    (message) => this.reportError(message),
    () => this.requestRender(),
  );
  /** cumulative ms spent validating and modelling events, and in layout */
  private readonly timing = { validateMs: 0, modelMs: 0, layoutMs: 0, unpackMs: 0 };

  constructor(
    private readonly root: HTMLElement,
    private readonly post: (m: FromWebview) => void,
    private readonly persist: (s: WebviewState) => void,
    saved?: WebviewState,
  ) {
    this.theme = readTheme();
    root.classList.add('timeline-app');
    const toolbar = el('div', 'toolbar');
    this.bannerEl = el('div', 'banner');
    this.bannerEl.hidden = true;
    this.canvasBox = el('div', 'canvas-box');
    const canvas = document.createElement('canvas');
    canvas.className = 'timeline-canvas';
    canvas.setAttribute('aria-label', 'timeline: threads, GIL, processes and signals over virtual time');
    this.canvasBox.appendChild(canvas);
    this.legendEl = el('div', 'legend');
    const tip = el('div', 'tooltip');
    this.statusEl = el('span', 'status');
    root.append(toolbar, this.bannerEl, this.canvasBox, this.legendEl, tip);
    this.renderer = new Renderer(canvas);
    this.tooltip = new Tooltip(tip);

    if (saved?.filter) this.layoutOpts.filter = saved.filter;
    toolbar.append(
      iconButton('screen-full', 'Fit all (F)', () => this.fitAll()),
      iconButton('zoom-in', 'Zoom in (W)', () => this.zoom(1 / 1.5)),
      iconButton('zoom-out', 'Zoom out (S)', () => this.zoom(1.5)),
      textField('Filter lanes (pid, thread name)', this.layoutOpts.filter, 'filter', (v) => {
        this.layoutOpts.filter = v;
        this.layoutVersion = -1;
        this.save();
        this.requestRender();
      }),
      checkbox('GIL lanes', true, (v) => {
        this.layoutOpts.showGil = v;
        this.layoutVersion = -1;
        this.requestRender();
      }),
      textButton('Export Chrome trace', 'export', () => this.post({ type: 'export', format: 'chrome' })),
      textButton('Export image', 'device-camera', () => this.exportImage()),
      this.statusEl,
    );
    if (saved?.viewport) {
      this.view = { ...this.view, ...saved.viewport };
      this.userMoved = true;
      // restored after a window reload: keep this view when the same file's run comes back
      if (saved.file) this.restoreView = { file: saved.file, viewport: saved.viewport };
    }

    attachInteraction(canvas, {
      view: () => this.view,
      scrollY: () => this.scrollY,
      setView: (v, y) => this.setView(v, y),
      fitAll: () => this.fitAll(),
      heights: () => ({ content: this.layout.height, plot: this.renderer.cssH - AXIS_H }),
      plotOrigin: () => ({ x: GUTTER, y: AXIS_H }),
      hover: (px, cy, cx, cyClient) => this.onHover(px, cy, cx, cyClient),
      leave: () => this.onLeave(),
      click: (px, cy) => this.onClick(px, cy),
    });
    new ResizeObserver(() => this.resize()).observe(this.canvasBox);
    // VS Code changes body classes and --vscode-* variables when the theme changes
    const mo = new MutationObserver(() => {
      this.theme = readTheme();
      renderLegend(this.legendEl, this.theme);
      this.requestRender();
    });
    mo.observe(document.body, { attributes: true, attributeFilter: ['class'] });
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
    renderLegend(this.legendEl, this.theme);
    this.resize();
  }

  // ───────────── host messages ─────────────

  reset(file: string): void {
    this.ingest.clear();
    this.model = new TimelineModel();
    this.model.file = file;
    this.startOver();
  }

  /** A whole model built by the host (big traces): replaces the current run. */
  snapshot(msg: SnapshotMessage): void {
    this.ingest.clear();
    const t0 = performance.now();
    const m = unpackModel(msg.model);
    if (typeof m === 'string') {
      this.reset(msg.file);
      this.reportError(m);
      return;
    }
    m.file = msg.file;
    this.model = m;
    this.startOver();
    this.run = msg.run;
    this.timing.unpackMs = performance.now() - t0;
  }

  /** A detail the webview asked for (tooltips and clicks on snapshot events). */
  detail(msg: DetailReplyMessage): void {
    if (msg.run !== this.run || msg.ev >= this.model.eventBase) return;
    this.requested.delete(msg.ev);
    const e = validateTraceEvent(msg.event);
    if (typeof e === 'string') {
      this.reportError(`detail: ${e}`);
      return;
    }
    this.model.details.set(msg.ev, e);
    if (this.hover?.ev === msg.ev) this.tooltip.show(describe(e, this.model.file), this.lastPointer.x, this.lastPointer.y);
    if (this.pendingClick === msg.ev) {
      this.pendingClick = undefined;
      this.activate(e);
    }
  }

  private requestDetail(ev: number): void {
    if (this.run === undefined || this.requested.has(ev)) return;
    this.requested.add(ev);
    this.detailRequests++;
    this.post({ type: 'detail', run: this.run, ev });
  }

  private startOver(): void {
    this.run = undefined;
    this.requested.clear();
    this.pendingClick = undefined;
    this.playheadT = undefined;
    this.layoutVersion = -1;
    this.bannerVersion = -1;
    this.playheadSeq = null;
    this.hover = undefined;
    this.scrollY = 0;
    this.userMoved = false;
    if (this.restoreView?.file === this.model.file) {
      this.view = { ...this.view, ...this.restoreView.viewport };
      this.userMoved = true;
    }
    this.errors.length = 0;
    this.firstFrameAt = 0;
    this.timing.validateMs = this.timing.modelMs = this.timing.layoutMs = this.timing.unpackMs = 0;
    this.tooltip.hide();
    this.save();
    this.requestRender();
  }

  /** Queue a batch (event objects or JSONL text). Batches are ingested progressively in
   * slices between frames, so big traces show up at once and fill in. */
  addBatch(batch: readonly unknown[] | string, done: boolean | undefined): void {
    this.ingest.push(batch, done === true);
    this.requestRender();
  }

  /** Validates every event; invalid ones are dropped and reported once per chunk. */
  private addEvents(raw: readonly unknown[]): void {
    const t0 = performance.now();
    const ok: TraceEvent[] = [];
    let firstError: string | undefined;
    let bad = 0;
    for (const x of raw) {
      const r = validateTraceEvent(x);
      if (typeof r === 'string') {
        bad++;
        firstError ??= r;
      } else ok.push(r);
    }
    if (bad) {
      this.model.stats.invalidEvents += bad;
      this.reportError(`${bad} invalid trace event(s) dropped; first: ${firstError}`);
    }
    const t1 = performance.now();
    this.model.addEvents(ok);
    this.timing.validateMs += t1 - t0;
    this.timing.modelMs += performance.now() - t1;
  }

  setPlayhead(seq: number | null, t?: number): void {
    this.playheadSeq = seq;
    this.playheadT = seq === null ? undefined : t;
    this.requestRender();
  }

  reportError(message: string): void {
    if (this.errors.length < 50) this.errors.push(message);
    this.post({ type: 'error', message });
  }

  // ───────────── view ─────────────

  private setView(v: Viewport, scrollY: number): void {
    this.userMoved = true;
    this.restoreView = undefined;
    this.view = clampPan(v, this.model.startT, Math.max(this.model.endT, this.model.startT + 1));
    this.scrollY = scrollY;
    this.save();
    this.requestRender();
  }

  fitAll(): void {
    this.userMoved = false;
    this.restoreView = undefined;
    this.scrollY = 0;
    this.save();
    this.requestRender();
  }

  private zoom(factor: number): void {
    const v = this.view;
    const mid = v.width / 2;
    const t = v.t0 + mid * v.nsPerPx;
    const nsPerPx = v.nsPerPx * factor;
    this.setView({ ...v, nsPerPx, t0: t - mid * nsPerPx }, this.scrollY);
  }

  private resize(): void {
    const r = this.canvasBox.getBoundingClientRect();
    this.renderer.resize(Math.max(200, Math.floor(r.width)), Math.max(120, Math.floor(r.height)));
    this.view = { ...this.view, width: this.renderer.plotWidth() };
    this.requestRender();
  }

  private save(): void {
    this.persist({
      file: this.model.file,
      viewport: this.userMoved ? { t0: this.view.t0, nsPerPx: this.view.nsPerPx } : undefined,
      filter: this.layoutOpts.filter || undefined,
    });
  }

  // ───────────── pointer ─────────────

  private onHover(px: number, cy: number, clientX: number, clientY: number): void {
    const hit = px >= 0 ? hitTest(this.model, this.layout, this.view, px, cy) : undefined;
    const changed = hit?.ev !== this.hover?.ev || hit?.lane !== this.hover?.lane;
    this.hover = hit;
    this.lastPointer = { x: clientX, y: clientY };
    if (hit) this.tooltip.show(this.describeHit(hit), clientX, clientY);
    else this.tooltip.hide();
    if (changed) this.requestRender();
  }

  private onLeave(): void {
    this.tooltip.hide();
    if (this.hover) {
      this.hover = undefined;
      this.requestRender();
    }
  }

  private onClick(px: number, cy: number): void {
    const hit = hitTest(this.model, this.layout, this.view, px, cy);
    if (!hit) return;
    const e = this.model.event(hit.ev);
    if (e) this.activate(e);
    else {
      this.pendingClick = hit.ev;
      this.requestDetail(hit.ev);
    }
  }

  private activate(e: TraceEvent): void {
    const d = describe(e, this.model.file);
    if (d.loc) this.reveal(d.loc);
    this.post({ type: 'seek', seq: e.seq });
  }

  /** The tooltip of a hit: the event's description, or (for a snapshot event whose details
   * are on their way) what the model knows, then the details when they arrive. */
  private describeHit(hit: Hit): Description {
    const e = this.model.event(hit.ev);
    if (e) return describe(e, this.model.file);
    this.requestDetail(hit.ev);
    const lane = this.model.lanes[hit.lane];
    const tr = hit.what === 'overlay' ? lane.overlay : lane.intervals;
    const k = hit.span ? tr.find(hit.span[0]) : -1;
    const title = k >= 0 ? [styleName(tr.style[k]), this.model.strings.get(tr.label[k])].filter(Boolean).join(': ') : hit.what;
    return { title: title || lane.name, lines: [lane.name, `event #${hit.ev} · loading details…`] };
  }

  private reveal(loc: Loc): void {
    this.post({ type: 'revealSource', file: loc.file, line: loc.line });
  }

  private exportImage(): void {
    this.post({ type: 'exportImage', format: 'png', data: this.renderer.canvas.toDataURL('image/png') });
  }

  // ───────────── frame ─────────────

  requestRender(): void {
    if (this.rafPending) return;
    this.rafPending = true;
    requestAnimationFrame(() => {
      this.rafPending = false;
      this.frame();
    });
  }

  /** Draw now (also used by benchmarks). */
  frame(): RenderStats {
    const m = this.model;
    if (this.layoutVersion !== m.version) {
      const t0 = performance.now();
      this.layout = layoutLanes(m, this.layoutOpts);
      this.layoutVersion = m.version;
      this.timing.layoutMs += performance.now() - t0;
    }
    if (this.bannerVersion !== m.version) {
      this.banner = renderBanner(this.bannerEl, m, (loc) => this.reveal(loc));
      this.bannerVersion = m.version;
    }
    const stuck = m.done && (m.deadlock !== undefined || m.hang !== undefined);
    const span = Math.max(m.endT - m.startT, 1000);
    // after a deadlock/hang the blocked lanes go on forever: leave room to show it
    // (and leave a little room for the markers of the last moment, e.g. a final signal)
    if (!this.userMoved) this.view = fit(m.startT, m.startT + span * (stuck ? 1.08 : 1.03), this.renderer.plotWidth());
    const playheadT = this.playheadSeq === null ? undefined : this.playheadT ?? m.timeOfSeq(this.playheadSeq);
    const stats = this.renderer.draw({
      model: m, layout: this.layout, view: this.view, scrollY: this.scrollY, theme: this.theme, playheadT, hover: this.hover, openForever: stuck,
    });
    this.lastStats = stats;
    this.frames++;
    this.lastFrameAt = performance.now();
    this.lastFrameEvents = m.eventCount;
    if (this.firstFrameAt === 0 && m.eventCount > 0) this.firstFrameAt = this.lastFrameAt;
    this.statusEl.textContent = this.status();
    return stats;
  }

  private status(): string {
    const m = this.model;
    const parts = [`${m.eventCount.toLocaleString()} events`, `${m.processes.size} proc`, `${m.threads.size} threads`];
    if (m.outcome) parts.push(`${m.outcome.outcome} (exit ${m.outcome.exitCode})`);
    else if (!m.done && m.eventCount) parts.push('running…');
    return parts.join(' · ');
  }

  /** For the browser tests and benchmarks (window.__threadlineDebug). */
  debug(): DebugSnapshot {
    const m = this.model;
    return {
      ready: true,
      file: m.file,
      events: m.eventCount,
      done: m.done,
      outcome: m.outcome,
      lanes: this.layout.rows.map((r) => ({ kind: r.kind, pid: r.pid, tid: r.tid, label: r.label, highlight: r.highlight, y: r.y, h: r.h })),
      axisHeight: AXIS_H,
      stats: { ...m.stats },
      gilHandoffsDrawn: m.gilArrows.n,
      render: this.lastStats,
      frames: this.frames,
      banner: {
        kind: this.banner.kind,
        text: this.banner.text,
        nodes: this.banner.graph?.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label })) ?? [],
        edges: this.banner.graph?.edges.map((e) => ({ ...e })) ?? [],
      },
      view: { ...this.view },
      scrollY: this.scrollY,
      playheadSeq: this.playheadSeq,
      errors: [...this.errors],
      lastFrameAt: this.lastFrameAt,
      lastFrameEvents: this.lastFrameEvents,
      firstFrameAt: this.firstFrameAt,
      pending: this.ingest.pending(),
      timing: { ...this.timing },
      ...(this.run !== undefined ? { snapshot: { run: this.run, packed: m.eventBase } } : {}),
      detailRequests: this.detailRequests,
    };
  }

  /** Benchmark hooks: move the view and draw synchronously; returns the draw time. */
  benchView(t0: number, nsPerPx: number): number {
    this.userMoved = true;
    this.view = { ...this.view, t0, nsPerPx };
    const start = performance.now();
    this.frame();
    // Chrome records canvas commands and rasterises them later (at presentation, or all at
    // once when the recording grows too big): without this, frames drawn back to back
    // would each look cheap and one would pay for a hundred. Reading a pixel rasterises now.
    this.renderer.flush();
    return performance.now() - start;
  }

  /** x of a time in canvas CSS coordinates (tests click on events with it). */
  xOf(t: number): number {
    return GUTTER + timeToX(this.view, t);
  }
}

function el(tag: string, cls: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = cls;
  return e;
}
