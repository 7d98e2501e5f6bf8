/**
 * Trace v1 → Chrome Trace Event Format JSON (opens in Perfetto and chrome://tracing).
 *
 * Mapping
 * - one Chrome process per simulated pid ("pid 12 · name"), sorted by pid;
 * - one track per simulated thread (tid "12:3" → Chrome tid 3), plus a "GIL" track (tid 0)
 *   showing who holds the GIL, slices named by the holder;
 * - thread slices: "running", "ready (GIL)", and blocked slices named by the object waited on;
 * - process state (R/S/T/Z), pending signals and signal handlers as async slices;
 * - instants for signals, output, sync operations, deadlock/hang;
 * - flow arrows for fork (parent → child) and IPC / queue messages (send → recv).
 * Timestamps: Chrome wants µs; we divide virtual ns by 1000 (fractions allowed).
 */
import { assertUnreachable, objLabel, type TraceEvent, type ThreadState, type BlockOn } from './format';

export interface ChromeEvent {
  name: string;
  ph: 'X' | 'i' | 'M' | 'b' | 'e' | 's' | 'f';
  ts?: number;
  dur?: number;
  pid: number;
  tid?: number;
  cat?: string;
  id?: string;
  s?: 'g' | 'p' | 't';
  bp?: 'e';
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: ChromeEvent[];
  displayTimeUnit: 'ns';
  metadata: Record<string, unknown>;
}

const GIL_TID = 0;
const us = (ns: number): number => ns / 1000;
const FLOW_DUR = 0.001; // 1 ns: tiny slice the flow arrow binds to

/** "12:3" → 3 (Chrome tids are numbers, scoped by pid). */
export function chromeTid(tid: string): number {
  const i = tid.lastIndexOf(':');
  const n = Number(i >= 0 ? tid.slice(i + 1) : tid);
  return Number.isFinite(n) ? n : 0;
}

interface OpenSlice { name: string; start: number; args?: Record<string, unknown> }

function stateSlice(state: ThreadState, on: BlockOn | undefined): { name: string; args?: Record<string, unknown> } {
  switch (state) {
    case 'running': return { name: 'running' };
    case 'ready': return { name: 'ready (GIL)' };
    case 'blocked':
      return on
        ? { name: `${on.kind} ${objLabel(on)}`, args: { kind: on.kind, id: on.id, name: on.name, line: on.line } }
        : { name: 'blocked' };
    default: return assertUnreachable(state, 'thread state');
  }
}

/** Convert events (in seq order) to a Chrome trace object. */
export function toChromeTrace(events: readonly TraceEvent[]): ChromeTrace {
  const out: ChromeEvent[] = [];
  const threadSlice = new Map<string, OpenSlice>(); // tid → open state slice
  const gilSlice = new Map<number, OpenSlice & { tid: string }>(); // pid → open GIL slice
  const procState = new Map<number, OpenSlice>(); // pid → open process state
  const pending = new Map<string, number>(); // `${pid}/${signum}` → start
  const handlers = new Map<string, number>(); // `${tid}/${signum}` → start
  const seenPid = new Set<number>();
  let endT = 0;
  let meta: Record<string, unknown> = {};

  const pidOf = (tid: string): number => Number(tid.slice(0, tid.indexOf(':')));
  const nameProcess = (pid: number, name: string): void => {
    out.push({ name: 'process_name', ph: 'M', pid, args: { name: `pid ${pid} · ${name}` } });
    out.push({ name: 'process_sort_index', ph: 'M', pid, args: { sort_index: pid } });
    if (!seenPid.has(pid)) {
      seenPid.add(pid);
      out.push({ name: 'thread_name', ph: 'M', pid, tid: GIL_TID, args: { name: 'GIL' } });
      out.push({ name: 'thread_sort_index', ph: 'M', pid, tid: GIL_TID, args: { sort_index: -1 } });
    }
  };
  const closeThread = (tid: string, t: number): void => {
    const s = threadSlice.get(tid);
    if (!s) return;
    threadSlice.delete(tid);
    out.push({ name: s.name, ph: 'X', ts: us(s.start), dur: us(t - s.start), pid: pidOf(tid), tid: chromeTid(tid), cat: 'state', args: s.args });
  };
  const closeGil = (pid: number, t: number): void => {
    const s = gilSlice.get(pid);
    if (!s) return;
    gilSlice.delete(pid);
    out.push({ name: s.name, ph: 'X', ts: us(s.start), dur: us(t - s.start), pid, tid: GIL_TID, cat: 'gil', args: s.args });
  };
  const setProcState = (pid: number, state: string, t: number): void => {
    const s = procState.get(pid);
    if (s) out.push({ name: s.name, ph: 'e', ts: us(t), pid, cat: 'process', id: `pstate-${pid}` });
    procState.set(pid, { name: `state ${state}`, start: t });
    out.push({ name: `state ${state}`, ph: 'b', ts: us(t), pid, cat: 'process', id: `pstate-${pid}` });
  };
  const endProcState = (pid: number, t: number): void => {
    const s = procState.get(pid);
    if (!s) return;
    procState.delete(pid);
    out.push({ name: s.name, ph: 'e', ts: us(t), pid, cat: 'process', id: `pstate-${pid}` });
  };
  const flowPoint = (name: string, pid: number, tid: number, t: number, id: string, end: boolean, args?: Record<string, unknown>): void => {
    out.push({ name, ph: 'X', ts: us(t), dur: FLOW_DUR, pid, tid, cat: 'flow', args });
    out.push({ name, ph: end ? 'f' : 's', ts: us(t), pid, tid, cat: 'flow', id, ...(end ? { bp: 'e' as const } : {}) });
  };
  const instant = (name: string, t: number, pid: number, tid: string | undefined, cat: string, args?: Record<string, unknown>): void => {
    out.push({ name, ph: 'i', ts: us(t), pid, ...(tid ? { tid: chromeTid(tid), s: 't' as const } : { s: 'p' as const }), cat, args });
  };

  for (const e of events) {
    endT = Math.max(endT, e.t);
    switch (e.kind) {
      case 'run.start':
        meta = { threadlineTraceVersion: e.version, file: e.file, seed: e.seed, switchMode: e.switchMode, cores: e.cores };
        break;
      case 'run.end':
        out.push({ name: `run end: ${e.outcome} (exit ${e.exitCode})`, ph: 'i', ts: us(e.t), pid: 0, s: 'g', cat: 'run' });
        break;
      case 'process.start':
        nameProcess(e.pid, e.name);
        setProcState(e.pid, 'R', e.t);
        break;
      case 'process.fork':
        nameProcess(e.child, e.name ?? `child of ${e.pid}`);
        setProcState(e.child, 'R', e.t);
        flowPoint(`fork → ${e.child}`, e.pid, chromeTid(e.tid), e.t, `fork-${e.child}`, false, { child: e.child, loc: e.loc });
        break;
      case 'process.state': setProcState(e.pid, e.state, e.t); break;
      case 'process.exit':
        instant(`exit ${e.status ?? e.signal?.sig ?? ''}`, e.t, e.pid, undefined, 'process', { status: e.status, signal: e.signal });
        endProcState(e.pid, e.t);
        break;
      case 'process.zombie': setProcState(e.pid, 'Z', e.t); break;
      case 'process.reap':
        endProcState(e.child, e.t);
        instant(`reap ${e.child}`, e.t, e.pid, e.tid, 'process', { child: e.child, status: e.status });
        break;
      case 'process.reparent': instant(`reparent ${e.from} → ${e.to}`, e.t, e.pid, undefined, 'process'); break;
      case 'thread.start':
        out.push({ name: 'thread_name', ph: 'M', pid: e.pid, tid: chromeTid(e.tid), args: { name: `${e.name} (${e.tid})` } });
        out.push({ name: 'thread_sort_index', ph: 'M', pid: e.pid, tid: chromeTid(e.tid), args: { sort_index: chromeTid(e.tid) } });
        if (e.forkedFrom) flowPoint('forked', e.pid, chromeTid(e.tid), e.t, `fork-${e.pid}`, true);
        break;
      case 'thread.exit':
        closeThread(e.tid, e.t);
        if (e.exception) instant(`exception ${e.exception}`, e.t, e.pid, e.tid, 'thread');
        break;
      case 'thread.rename':
        out.push({ name: 'thread_name', ph: 'M', pid: e.pid, tid: chromeTid(e.tid), args: { name: `${e.name} (${e.tid})` } });
        break;
      case 'thread.state': {
        closeThread(e.tid, e.t);
        const s = stateSlice(e.state, e.on);
        threadSlice.set(e.tid, { name: s.name, start: e.t, args: { ...s.args, loc: e.loc } });
        break;
      }
      case 'gil.request': break;
      case 'gil.acquire':
        closeGil(e.pid, e.t);
        gilSlice.set(e.pid, { name: e.tid, tid: e.tid, start: e.t, args: { holder: e.tid, from: e.from } });
        break;
      case 'gil.release': {
        const s = gilSlice.get(e.pid);
        if (s) s.args = { ...s.args, released: e.reason };
        closeGil(e.pid, e.t);
        break;
      }
      case 'gil.drop': {
        const s = gilSlice.get(e.pid);
        if (s) s.args = { ...s.args, released: 'forced drop', to: e.to };
        closeGil(e.pid, e.t);
        instant('forced drop', e.t, e.pid, undefined, 'gil', { from: e.tid, to: e.to });
        break;
      }
      case 'sync.op':
        if (e.msgId && (e.op === 'put' || e.op === 'get')) {
          flowPoint(`${e.op} ${objLabel(e.object)}`, e.pid, chromeTid(e.tid), e.t, `msg-${e.msgId}`, e.op === 'get', { object: e.object.id, loc: e.loc });
        } else {
          instant(`${e.op} ${objLabel(e.object)}`, e.t, e.pid, e.tid, 'sync', { object: e.object.id, ok: e.ok, value: e.value, loc: e.loc });
        }
        break;
      case 'signal.send':
        instant(`send ${e.sig} → ${e.target}`, e.t, e.pid, e.tid, 'signal', { source: e.source, loc: e.loc });
        break;
      case 'signal.pend':
        pending.set(`${e.pid}/${e.signum}`, e.t);
        out.push({ name: `pending ${e.sig}`, ph: 'b', ts: us(e.t), pid: e.pid, cat: 'signal', id: `pend-${e.pid}-${e.signum}` });
        break;
      case 'signal.deliver':
        if (pending.delete(`${e.pid}/${e.signum}`)) {
          out.push({ name: `pending ${e.sig}`, ph: 'e', ts: us(e.t), pid: e.pid, cat: 'signal', id: `pend-${e.pid}-${e.signum}` });
        }
        instant(`deliver ${e.sig} (${e.disposition})`, e.t, e.pid, e.tid, 'signal');
        break;
      case 'signal.handler.enter':
        handlers.set(`${e.tid}/${e.signum}`, e.t);
        out.push({ name: `handler ${e.handler}(${e.sig})`, ph: 'b', ts: us(e.t), pid: e.pid, cat: 'signal', id: `h-${e.tid}-${e.signum}`, args: { loc: e.loc } });
        break;
      case 'signal.handler.exit':
        if (handlers.delete(`${e.tid}/${e.signum}`)) {
          out.push({ name: `handler (${e.sig})`, ph: 'e', ts: us(e.t), pid: e.pid, cat: 'signal', id: `h-${e.tid}-${e.signum}`, args: { raised: e.raised } });
        }
        break;
      case 'signal.default': instant(`${e.sig}: default ${e.action}`, e.t, e.pid, undefined, 'signal'); break;
      case 'ipc.send':
        flowPoint(`send ${e.channel.name ?? e.channel.id}`, e.pid, chromeTid(e.tid), e.t, `msg-${e.msgId}`, false, { preview: e.preview, bytes: e.bytes, loc: e.loc });
        break;
      case 'ipc.recv':
        flowPoint(`recv ${e.channel.name ?? e.channel.id}`, e.pid, chromeTid(e.tid), e.t, `msg-${e.msgId}`, true, { preview: e.preview, bytes: e.bytes, loc: e.loc });
        break;
      case 'io.write': instant(`${e.stream}: ${e.text.slice(0, 40)}`, e.t, e.pid, e.tid, 'io', { text: e.text }); break;
      case 'io.flush': instant(`flush ${e.stream} (${e.reason})`, e.t, e.pid, undefined, 'io', { text: e.text }); break;
      case 'io.dup': instant(`${e.stream} buffer copied from ${e.parent}`, e.t, e.pid, undefined, 'io', { text: e.text }); break;
      case 'io.lost': instant(`${e.stream} buffer lost`, e.t, e.pid, undefined, 'io', { text: e.text }); break;
      case 'deadlock':
        out.push({ name: 'DEADLOCK', ph: 'i', ts: us(e.t), pid: 0, s: 'g', cat: 'deadlock', args: { cycle: e.cycle } });
        break;
      case 'hang':
        out.push({ name: 'HANG', ph: 'i', ts: us(e.t), pid: 0, s: 'g', cat: 'deadlock', args: { waiters: e.waiters } });
        break;
      default:
        assertUnreachable(e, 'event');
    }
  }
  for (const tid of [...threadSlice.keys()]) closeThread(tid, endT);
  for (const pid of [...gilSlice.keys()]) closeGil(pid, endT);
  for (const pid of [...procState.keys()]) endProcState(pid, endT);
  return { traceEvents: out, displayTimeUnit: 'ns', metadata: meta };
}

/** Chrome trace as JSON text. */
export function toChromeJson(events: readonly TraceEvent[]): string {
  return JSON.stringify(toChromeTrace(events));
}
