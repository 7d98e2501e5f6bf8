/**
 * The wait-for graph of a deadlock or hang report: threads and objects as nodes, edges
 * "waits for" (thread → object) and "holds" (object → thread). Pure: builds the graph and
 * places nodes on a circle in cycle order (thread, its object, the holder, …).
 */
import { objLabel, type Loc, type WaitEdge } from '../src/trace/format';

export interface GraphNode {
  id: string;
  kind: 'thread' | 'object';
  label: string;
  sub: string;
  x: number;
  y: number;
  loc?: Loc;
  /** object creation line (objects) */
  line?: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  label: 'waits for' | 'holds';
}

export interface WaitGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

export function buildWaitGraph(edges: readonly WaitEdge[], file: string, width = 320, height = 220): WaitGraph {
  const nodes = new Map<string, GraphNode>();
  const out: GraphEdge[] = [];
  const seen = new Set<string>();
  const edge = (from: string, to: string, label: GraphEdge['label']): void => {
    const k = `${from}>${to}>${label}`;
    if (!seen.has(k)) { seen.add(k); out.push({ from, to, label }); }
  };
  const threadNode = (tid: string, name?: string, loc?: Loc): void => {
    const n = nodes.get(`t:${tid}`);
    if (n) {
      if (name) n.label = name;
      if (loc && !n.loc) n.loc = loc;
      return;
    }
    nodes.set(`t:${tid}`, { id: `t:${tid}`, kind: 'thread', label: name ?? tid, sub: tid, x: 0, y: 0, loc });
  };
  const objNode = (o: WaitEdge['waitsFor']): string => {
    const id = `o:${o.id}`;
    if (!nodes.has(id)) {
      nodes.set(id, {
        id, kind: 'object', label: objLabel(o), sub: `${o.kind} ${o.id}`, x: 0, y: 0, line: o.line,
        loc: o.line ? { file, line: o.line } : undefined,
      });
    }
    return id;
  };
  for (const w of edges) {
    threadNode(w.thread, w.threadName, w.loc);
    const o = objNode(w.waitsFor);
    edge(`t:${w.thread}`, o, 'waits for');
    if (w.waitsFor.holder) {
      threadNode(w.waitsFor.holder);
      edge(o, `t:${w.waitsFor.holder}`, 'holds');
    }
    for (const h of w.holds ?? []) {
      const ho = objNode(h);
      edge(ho, `t:${w.thread}`, 'holds');
    }
  }
  // order along the cycle: follow thread → object → holder …
  const order: string[] = [];
  const next = new Map<string, string>();
  for (const e of out) if (!next.has(e.from) && (e.label === 'waits for' || e.from.startsWith('o:'))) next.set(e.from, e.to);
  for (const id of nodes.keys()) {
    let cur: string | undefined = id;
    while (cur && !order.includes(cur)) {
      order.push(cur);
      cur = next.get(cur);
    }
  }
  const cx = width / 2;
  const cy = height / 2;
  const rx = width / 2 - 46;
  const ry = height / 2 - 18;
  const list = order.map((id) => nodes.get(id)!);
  list.forEach((n, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(list.length, 1);
    n.x = Math.round(cx + (list.length > 1 ? rx * Math.cos(a) : 0));
    n.y = Math.round(cy + (list.length > 1 ? ry * Math.sin(a) : 0));
  });
  return { nodes: list, edges: out, width, height };
}
