/**
 * Layout: which lanes are shown, in which order, at which y. Pure (no DOM).
 * Processes in creation order; in each: the process header row, the GIL row, thread rows.
 */
import type { Lane, TimelineModel } from '../src/protocol/timeline/model';

export interface LayoutOptions {
  /** case-insensitive substring matched against process name/pid and thread name/tid */
  filter: string;
  showGil: boolean;
  /** pids whose thread lanes are folded away */
  collapsed: ReadonlySet<number>;
  headerHeight: number;
  gilHeight: number;
  threadHeight: number;
  gap: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  filter: '', showGil: true, collapsed: new Set(), headerHeight: 30, gilHeight: 16, threadHeight: 24, gap: 6,
};

export interface Row {
  lane: number;
  kind: Lane['kind'];
  pid: number;
  tid?: string;
  y: number;
  h: number;
  label: string;
  sublabel: string;
  indent: number;
  highlight: boolean;
}

export interface Layout {
  rows: Row[];
  /** lane id → row index (-1: hidden) */
  rowOfLane: Int32Array;
  height: number;
}

function matches(filter: string, ...texts: string[]): boolean {
  return texts.some((s) => s.toLowerCase().includes(filter));
}

export function layoutLanes(model: TimelineModel, o: LayoutOptions = DEFAULT_LAYOUT): Layout {
  const rows: Row[] = [];
  const rowOfLane = new Int32Array(model.lanes.length).fill(-1);
  const f = o.filter.trim().toLowerCase();
  let y = 0;
  const procs = [...model.processes.values()].sort((a, b) => a.order - b.order);
  for (const p of procs) {
    const procMatch = !f || matches(f, p.name, `pid ${p.pid}`, String(p.pid));
    const threads = p.threads.map((tid) => model.threads.get(tid)!).filter((th) => procMatch || matches(f, th.name, th.tid));
    if (!procMatch && threads.length === 0) continue;
    const add = (lane: Lane, h: number, label: string, sublabel: string, indent: number): void => {
      rowOfLane[lane.id] = rows.length;
      rows.push({ lane: lane.id, kind: lane.kind, pid: lane.pid, tid: lane.tid, y, h, label, sublabel, indent, highlight: lane.highlight });
      y += h;
    };
    const status = p.exited
      ? p.zombie ? 'zombie' : p.signal ? `killed by ${p.signal}` : `exit ${p.status ?? ''}`.trim()
      : '';
    add(model.lanes[p.lane], o.headerHeight, `pid ${p.pid}  ${p.name}`, [p.ppid ? `ppid ${p.ppid}` : '', status].filter(Boolean).join(' · '), 0);
    if (!o.collapsed.has(p.pid)) {
      if (o.showGil) add(model.lanes[p.gilLane], o.gilHeight, 'GIL', '', 1);
      for (const th of threads) add(model.lanes[th.lane], o.threadHeight, th.name, th.tid, 1);
    }
    y += o.gap;
  }
  return { rows, rowOfLane, height: y };
}

/** Index of the row at y (content coordinates), or -1. */
export function rowAt(layout: Layout, y: number): number {
  const rows = layout.rows;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].y + rows[mid].h <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo < rows.length && rows[lo].y <= y ? lo : -1;
}
