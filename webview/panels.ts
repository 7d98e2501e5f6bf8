/**
 * DOM panels around the canvas: the deadlock/hang banner with its wait-for graph (SVG),
 * the legend and the tooltip. Colours come from theme.ts or from CSS (style.css uses
 * --vscode-* variables); no inline style attributes (CSP), only CSSOM properties.
 */
import type { Loc } from '../src/trace/format';
import type { Description } from './describe';
import { waitEdgeText } from './describe';
import type { TimelineModel } from '../src/protocol/timeline/model';
import { styleColour, type Theme } from './theme';
import { St } from '../src/protocol/timeline/styles';
import { buildWaitGraph, type WaitGraph } from './waitgraph';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export interface BannerInfo {
  kind: 'deadlock' | 'hang' | 'none';
  text: string;
  graph?: WaitGraph;
}

/** Fills `root` with the banner for the model's deadlock / hang (or hides it). */
export function renderBanner(root: HTMLElement, model: TimelineModel, reveal: (loc: Loc) => void): BannerInfo {
  root.replaceChildren();
  const report = model.deadlock ? { kind: 'deadlock' as const, edges: model.deadlock.event.cycle }
    : model.hang ? { kind: 'hang' as const, edges: model.hang.event.waiters } : undefined;
  if (!report) {
    root.hidden = true;
    return { kind: 'none', text: '' };
  }
  root.hidden = false;
  root.className = `banner banner-${report.kind}`;
  root.setAttribute('role', 'alert');
  const icon = el('span', `codicon codicon-${report.kind === 'deadlock' ? 'error' : 'warning'} banner-icon`);
  const body = el('div', 'banner-body');
  const names = report.edges.map((w) => w.threadName ?? w.thread);
  const title = report.kind === 'deadlock'
    ? `Deadlock: ${names.join(' → ')} → ${names[0]}`
    : `Hang: no thread can ever run again (${names.join(', ')})`;
  body.appendChild(el('div', 'banner-title', title));
  const list = el('ul', 'banner-list');
  for (const w of report.edges) {
    const li = el('li', 'banner-item');
    const a = el('a', 'banner-link', waitEdgeText(w));
    a.href = '#';
    a.addEventListener('click', (ev) => { ev.preventDefault(); if (w.loc) reveal(w.loc); });
    li.appendChild(a);
    list.appendChild(li);
  }
  body.appendChild(list);
  const graph = buildWaitGraph(report.edges, model.file, 300, 170);
  root.append(icon, body, renderGraph(graph, reveal));
  return { kind: report.kind, text: title, graph };
}

function renderGraph(g: WaitGraph, reveal: (loc: Loc) => void): SVGSVGElement {
  const s = svg('svg', { class: 'waitgraph', width: g.width, height: g.height, viewBox: `0 0 ${g.width} ${g.height}`, role: 'img', 'aria-label': 'wait-for graph' });
  const defs = svg('defs', {});
  for (const kind of ['waits', 'holds']) {
    const m = svg('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    m.appendChild(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrowhead-${kind}` }));
    defs.appendChild(m);
  }
  s.appendChild(defs);
  const pos = new Map(g.nodes.map((n) => [n.id, n]));
  for (const e of g.edges) {
    const a = pos.get(e.from)!;
    const b = pos.get(e.to)!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const pad = 26;
    const kind = e.label === 'holds' ? 'holds' : 'waits';
    s.appendChild(svg('line', {
      x1: a.x + (dx / len) * pad, y1: a.y + (dy / len) * pad * 0.6, x2: b.x - (dx / len) * pad, y2: b.y - (dy / len) * pad * 0.6,
      class: `edge edge-${kind}`, 'marker-end': `url(#arrow-${kind})`,
    }));
    const t = svg('text', { x: (a.x + b.x) / 2 + (dy / len) * 8, y: (a.y + b.y) / 2 - (dx / len) * 8, class: `edge-label edge-label-${kind}`, 'text-anchor': 'middle' });
    t.textContent = e.label;
    s.appendChild(t);
  }
  for (const n of g.nodes) {
    const gnode = svg('g', { class: `node node-${n.kind}`, tabindex: 0, 'data-id': n.id });
    if (n.kind === 'thread') gnode.appendChild(svg('rect', { x: n.x - 42, y: n.y - 14, width: 84, height: 28, rx: 6 }));
    else gnode.appendChild(svg('ellipse', { cx: n.x, cy: n.y, rx: 40, ry: 15 }));
    const t = svg('text', { x: n.x, y: n.y + 4, 'text-anchor': 'middle' });
    t.textContent = n.label.length > 12 ? n.label.slice(0, 11) + '…' : n.label;
    gnode.appendChild(t);
    const title = svg('title', {});
    title.textContent = `${n.label} (${n.sub})${n.loc ? ` — line ${n.loc.line}` : ''}`;
    gnode.appendChild(title);
    const go = (): void => { if (n.loc) reveal(n.loc); };
    gnode.addEventListener('click', go);
    gnode.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') go(); });
    s.appendChild(gnode);
  }
  return s;
}

/** The legend: colour swatches (colours from the theme) and marker meanings. */
export function renderLegend(root: HTMLElement, th: Theme): void {
  root.replaceChildren();
  const item = (colour: string, label: string, cls = 'swatch'): void => {
    const it = el('span', 'legend-item');
    const sw = el('span', cls);
    sw.style.background = colour;
    it.append(sw, document.createTextNode(label));
    root.appendChild(it);
  };
  item(styleColour(th, St.running), 'running');
  item(styleColour(th, St.ready), 'ready (wants GIL)');
  item(styleColour(th, St.blockedSync), 'blocked on lock/event');
  item(styleColour(th, St.blockedIo), 'join/queue/pipe/wait');
  item(styleColour(th, St.blockedSleep), 'sleep/pause');
  item(th.handler, 'signal handler');
  item(th.pending, 'signal pending');
  item(th.procZ, 'zombie');
  item(th.forced, 'GIL forced drop', 'swatch-line');
  item(th.voluntary, 'GIL released (blocking/exit)', 'swatch-line swatch-dashed');
  item(th.ipc, 'IPC / queue message', 'swatch-line swatch-dashed');
  item(th.fork, 'fork', 'swatch-line');
  item(th.signal, '▼ signal sent  ◆ delivered', 'swatch-none');
  item(th.out, 'output', 'swatch-tick');
}

export class Tooltip {
  constructor(private readonly root: HTMLElement) {
    root.hidden = true;
    root.setAttribute('role', 'tooltip');
  }
  show(d: Description, clientX: number, clientY: number): void {
    this.root.replaceChildren(el('div', 'tip-title', d.title), ...d.lines.map((l) => el('div', 'tip-line', l)));
    if (d.loc) this.root.appendChild(el('div', 'tip-hint', `click: go to ${d.loc.file}:${d.loc.line}`));
    this.root.hidden = false;
    const w = this.root.offsetWidth;
    const h = this.root.offsetHeight;
    const x = clientX + 14 + w > window.innerWidth ? clientX - w - 10 : clientX + 14;
    const y = clientY + 16 + h > window.innerHeight ? clientY - h - 10 : clientY + 16;
    this.root.style.left = `${Math.max(0, x)}px`;
    this.root.style.top = `${Math.max(0, y)}px`;
  }
  hide(): void {
    this.root.hidden = true;
  }
}
