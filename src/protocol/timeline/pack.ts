/**
 * Timeline snapshots: a TimelineModel packed into a few flat typed arrays (plus a string
 * table and small JSON), and rebuilt from them with zero-copy views.
 *
 * This is the fast path for big traces. The extension host builds the model while the run
 * streams in (the model is DOM-free), and when a panel opens it posts one snapshot: ~25 bytes
 * per interval in ~15 ArrayBuffers, which postMessage copies in milliseconds, instead of a
 * million JSON objects the webview would have to parse, validate and model (seconds).
 * Event details are not packed; the webview asks the host for them one at a time
 * (`detail` messages) when the user hovers or clicks.
 *
 * unpackModel validates everything it reads (the webview trusts no message): column types
 * and lengths, offsets, sorted times, indices in range. Pure, no DOM, no Node.
 */
import type { Deadlock, Hang } from '../../trace/format';
import { validateTraceEvent } from '../../trace/validate';
import { TimelineModel, type LaneKind, type ModelState, type ModelStats, type ProcessInfo, type ThreadInfo } from './model';
import { ArrowList, InstantTrack, IntervalTrack } from './tracks';

export const PACK_VERSION = 1 as const;

/** The intervals of every lane, concatenated: track k (lane k >> 1; even: intervals, odd:
 * overlay) is rows off[k] .. off[k+1]. */
export interface PackedIntervals { off: Int32Array; start: Float64Array; end: Float64Array; style: Uint8Array; ev: Int32Array; label: Int32Array }
/** Instants likewise: track k = lane k >> 1, even: instants (markers), odd: ticks. */
export interface PackedInstants { off: Int32Array; t: Float64Array; kind: Uint8Array; ev: Int32Array }
export interface PackedArrows { t0: Float64Array; t1: Float64Array; from: Int32Array; to: Int32Array; kind: Uint8Array; ev: Int32Array; maxSpan: number }
export interface PackedLane { kind: LaneKind; pid: number; tid?: string; name: string; highlight: boolean }

export interface PackedModel {
  v: typeof PACK_VERSION;
  file: string;
  eventCount: number;
  startT: number;
  endT: number;
  done: boolean;
  outcome?: { outcome: string; exitCode: number };
  deadlock?: { ev: number; event: Deadlock };
  hang?: { ev: number; event: Hang };
  stats: ModelStats;
  strings: string[];
  processes: ProcessInfo[];
  threads: ThreadInfo[];
  lanes: PackedLane[];
  intervals: PackedIntervals;
  instants: PackedInstants;
  arrows: PackedArrows;
  gilArrows: PackedArrows;
  state: ModelState;
}

/** The typed arrays of a packed model (to list as transferables, or to count bytes). */
export function packedBuffers(p: PackedModel): ArrayBufferView[] {
  const a = (x: PackedArrows): ArrayBufferView[] => [x.t0, x.t1, x.from, x.to, x.kind, x.ev];
  const iv = p.intervals;
  const it = p.instants;
  return [iv.off, iv.start, iv.end, iv.style, iv.ev, iv.label, it.off, it.t, it.kind, it.ev, ...a(p.arrows), ...a(p.gilArrows)];
}

export function packedBytes(p: PackedModel): number {
  return packedBuffers(p).reduce((n, b) => n + b.byteLength, 0);
}

// ───────────── pack ─────────────

function packIntervals(tracks: IntervalTrack[]): PackedIntervals {
  const off = new Int32Array(tracks.length + 1);
  for (let k = 0; k < tracks.length; k++) off[k + 1] = off[k] + tracks[k].n;
  const n = off[tracks.length];
  const p: PackedIntervals = { off, start: new Float64Array(n), end: new Float64Array(n), style: new Uint8Array(n), ev: new Int32Array(n), label: new Int32Array(n) };
  tracks.forEach((tr, k) => {
    const o = off[k];
    p.start.set(tr.start.subarray(0, tr.n), o);
    p.end.set(tr.end.subarray(0, tr.n), o);
    p.style.set(tr.style.subarray(0, tr.n), o);
    p.ev.set(tr.ev.subarray(0, tr.n), o);
    p.label.set(tr.label.subarray(0, tr.n), o);
  });
  return p;
}

function packInstants(tracks: InstantTrack[]): PackedInstants {
  const off = new Int32Array(tracks.length + 1);
  for (let k = 0; k < tracks.length; k++) off[k + 1] = off[k] + tracks[k].n;
  const n = off[tracks.length];
  const p: PackedInstants = { off, t: new Float64Array(n), kind: new Uint8Array(n), ev: new Int32Array(n) };
  tracks.forEach((tr, k) => {
    p.t.set(tr.t.subarray(0, tr.n), off[k]);
    p.kind.set(tr.kind.subarray(0, tr.n), off[k]);
    p.ev.set(tr.ev.subarray(0, tr.n), off[k]);
  });
  return p;
}

function packArrows(a: ArrowList): PackedArrows {
  return {
    t0: a.t0.slice(0, a.n), t1: a.t1.slice(0, a.n), from: a.from.slice(0, a.n), to: a.to.slice(0, a.n),
    kind: a.kind.slice(0, a.n), ev: a.ev.slice(0, a.n), maxSpan: a.maxSpan,
  };
}

/** Packs the model (copies: the model may go on growing afterwards). */
export function packModel(m: TimelineModel): PackedModel {
  const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  return {
    v: PACK_VERSION,
    file: m.file,
    eventCount: m.eventCount,
    startT: m.startT,
    endT: m.endT,
    done: m.done,
    ...(m.outcome ? { outcome: { ...m.outcome } } : {}),
    ...(m.deadlock ? { deadlock: clone(m.deadlock) } : {}),
    ...(m.hang ? { hang: clone(m.hang) } : {}),
    stats: { ...m.stats },
    strings: [...m.strings.list],
    processes: [...m.processes.values()].map((p) => ({ ...p, threads: [...p.threads] })),
    threads: [...m.threads.values()].map((t) => ({ ...t })),
    lanes: m.lanes.map((l) => ({ kind: l.kind, pid: l.pid, ...(l.tid !== undefined ? { tid: l.tid } : {}), name: l.name, highlight: l.highlight })),
    intervals: packIntervals(m.lanes.flatMap((l) => [l.intervals, l.overlay])),
    instants: packInstants(m.lanes.flatMap((l) => [l.instants, l.ticks])),
    arrows: packArrows(m.arrows),
    gilArrows: packArrows(m.gilArrows),
    state: m.exportState(),
  };
}

// ───────────── unpack (validating) ─────────────

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const isNat = (x: unknown): x is number => isInt(x) && x >= 0;

class Bad extends Error {}
function need(ok: boolean, what: string): asserts ok {
  if (!ok) throw new Bad(what);
}

function column<T extends Float64Array | Int32Array | Uint8Array>(x: unknown, type: { new (n: number): T; name: string }, n: number | undefined, what: string): T {
  need(x instanceof type, `${what}: expected ${type.name}`);
  need(n === undefined || (x as T).length === n, `${what}: expected ${n} entries`);
  return x as T;
}

function offsets(x: unknown, tracks: number, rows: number, what: string): Int32Array {
  const off = column(x, Int32Array, tracks + 1, `${what}.off`);
  need(off[0] === 0 && off[tracks] === rows, `${what}.off: bad bounds`);
  for (let k = 0; k < tracks; k++) need(off[k] <= off[k + 1], `${what}.off: not increasing`);
  return off;
}

/** finite times. (Sorted order is what the model produces, but unsorted data would only be
 * drawn wrong, never loop or read out of bounds, so it is not worth rejecting.) */
function checkTimes(t: Float64Array, what: string): void {
  for (let i = 0; i < t.length; i++) need(Number.isFinite(t[i]), `${what}: bad time`);
}

function checkRange(a: Int32Array, lo: number, hi: number, what: string): void {
  for (let i = 0; i < a.length; i++) need(a[i] >= lo && a[i] < hi, `${what}: index out of range`);
}

function readArrows(x: unknown, lanes: number, events: number, what: string): ArrowList {
  need(isObj(x), what);
  const t0 = column(x.t0, Float64Array, undefined, `${what}.t0`);
  const n = t0.length;
  const t1 = column(x.t1, Float64Array, n, `${what}.t1`);
  const from = column(x.from, Int32Array, n, `${what}.from`);
  const to = column(x.to, Int32Array, n, `${what}.to`);
  const kind = column(x.kind, Uint8Array, n, `${what}.kind`);
  const ev = column(x.ev, Int32Array, n, `${what}.ev`);
  need(isNum(x.maxSpan) && x.maxSpan >= 0, `${what}.maxSpan`);
  for (let i = 0; i < n; i++) need(Number.isFinite(t0[i]) && Number.isFinite(t1[i]) && t1[i] - t0[i] <= (x.maxSpan as number), `${what}: times`);
  checkRange(from, 0, lanes, `${what}.from`);
  checkRange(to, 0, lanes, `${what}.to`);
  checkRange(ev, 0, events, `${what}.ev`);
  const a = new ArrowList();
  Object.assign(a, { t0, t1, from, to, kind, ev, n, maxSpan: x.maxSpan });
  return a;
}

function validInfo(p: Obj, lanes: number): boolean {
  return isNat(p.pid) && isStr(p.name) && isNat(p.lane) && (p.lane as number) < lanes;
}

function readState(x: unknown): ModelState {
  need(isObj(x), 'state');
  const pairs = (v: unknown, key: (k: unknown) => boolean, val: (o: Obj) => boolean, what: string): void => {
    need(Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && key(e[0]) && isObj(e[1]) && val(e[1] as Obj)), `state.${what}`);
  };
  const tOk = (o: Obj): boolean => isNum(o.t);
  pairs(x.gil, isNat, (g) => isNum(g.lastT) && typeof g.lastForced === 'boolean' && (g.holder === undefined || isStr(g.holder)) &&
    (g.lastTid === undefined || isStr(g.lastTid)) && Array.isArray(g.waiting) && g.waiting.every((w) => Array.isArray(w) && isStr(w[0]) && isNum(w[1])), 'gil');
  pairs(x.pending, isStr, (o) => tOk(o) && isNat(o.ev), 'pending');
  pairs(x.handlers, isStr, (o) => tOk(o) && isNat(o.ev) && isInt(o.sig), 'handlers');
  pairs(x.sends, isStr, (o) => tOk(o) && isNat(o.lane), 'sends');
  pairs(x.forkFrom, isNat, (o) => tOk(o) && isNat(o.lane) && isNat(o.ev), 'forkFrom');
  pairs(x.signalFrom, isStr, (o) => tOk(o) && isNat(o.lane), 'signalFrom');
  return x as unknown as ModelState;
}

/**
 * Rebuilds a model from a packed one (typed arrays are used in place, not copied), or
 * returns why the data is invalid. The model can go on with live events afterwards; the
 * packed events themselves are not held (model.event(i) is undefined below eventBase).
 */
export function unpackModel(x: unknown): TimelineModel | string {
  try {
    return unpack(x);
  } catch (e) {
    if (e instanceof Bad) return `snapshot: ${e.message}`;
    throw e;
  }
}

function unpack(x: unknown): TimelineModel {
  need(isObj(x) && x.v === PACK_VERSION, 'unknown version');
  need(isStr(x.file) && isNat(x.eventCount) && isNum(x.startT) && isNum(x.endT) && typeof x.done === 'boolean', 'header');
  need(Array.isArray(x.strings) && x.strings.every(isStr), 'strings');
  need(Array.isArray(x.lanes), 'lanes');
  const events = x.eventCount;
  const strings = x.strings as string[];
  const L = x.lanes.length;
  for (const l of x.lanes) {
    need(isObj(l) && (l.kind === 'process' || l.kind === 'gil' || l.kind === 'thread') && isNat(l.pid) && isStr(l.name) &&
      (l.tid === undefined || isStr(l.tid)) && typeof l.highlight === 'boolean', 'lane');
  }
  need(isObj(x.stats) && Object.values(x.stats).every(isNat), 'stats');
  need(Array.isArray(x.processes) && x.processes.every((p) => isObj(p) && validInfo(p, L) && isNat(p.ppid) && isNat(p.order) &&
    isNat(p.gilLane) && (p.gilLane as number) < L && Array.isArray(p.threads) && p.threads.every(isStr) &&
    typeof p.exited === 'boolean' && typeof p.zombie === 'boolean' && typeof p.reaped === 'boolean'), 'processes');
  need(Array.isArray(x.threads) && x.threads.every((t) => isObj(t) && validInfo(t, L) && isStr(t.tid) && isNat(t.index) &&
    typeof t.exited === 'boolean' && typeof t.main === 'boolean'), 'threads');
  const tids = new Set((x.threads as ThreadInfo[]).map((t) => t.tid));
  need((x.processes as ProcessInfo[]).every((p) => p.threads.every((tid) => tids.has(tid))), 'processes: unknown thread');
  need(x.outcome === undefined || (isObj(x.outcome) && isStr(x.outcome.outcome) && isInt(x.outcome.exitCode)), 'outcome');
  for (const k of ['deadlock', 'hang'] as const) {
    const d = x[k];
    if (d === undefined) continue;
    need(isObj(d) && isNat(d.ev) && d.ev < events, k);
    const e = validateTraceEvent(d.event);
    need(typeof e !== 'string' && e.kind === k, `${k}: ${typeof e === 'string' ? e : 'wrong kind'}`);
  }

  // intervals
  need(isObj(x.intervals), 'intervals');
  const iv = x.intervals;
  const start = column(iv.start, Float64Array, undefined, 'intervals.start');
  const n = start.length;
  const end = column(iv.end, Float64Array, n, 'intervals.end');
  const style = column(iv.style, Uint8Array, n, 'intervals.style');
  const ev = column(iv.ev, Int32Array, n, 'intervals.ev');
  const label = column(iv.label, Int32Array, n, 'intervals.label');
  const ioff = offsets(iv.off, 2 * L, n, 'intervals');
  checkTimes(start, 'intervals.start');
  for (let i = 0; i < n; i++) need(end[i] >= start[i], 'intervals: end before start'); // also rejects NaN
  checkRange(ev, 0, events, 'intervals.ev');
  checkRange(label, -1, strings.length, 'intervals.label');
  // instants
  need(isObj(x.instants), 'instants');
  const it = x.instants;
  const t = column(it.t, Float64Array, undefined, 'instants.t');
  const kind = column(it.kind, Uint8Array, t.length, 'instants.kind');
  const iev = column(it.ev, Int32Array, t.length, 'instants.ev');
  const noff = offsets(it.off, 2 * L, t.length, 'instants');
  checkTimes(t, 'instants.t');
  checkRange(iev, 0, events, 'instants.ev');
  const arrows = readArrows(x.arrows, L, events, 'arrows');
  const gilArrows = readArrows(x.gilArrows, L, events, 'gilArrows');
  const state = readState(x.state);

  const m = new TimelineModel();
  const itv = (k: number): IntervalTrack => {
    const tr = new IntervalTrack();
    const a = ioff[k];
    const b = ioff[k + 1];
    Object.assign(tr, { start: start.subarray(a, b), end: end.subarray(a, b), style: style.subarray(a, b), ev: ev.subarray(a, b), label: label.subarray(a, b), n: b - a });
    return tr;
  };
  const ins = (k: number): InstantTrack => {
    const tr = new InstantTrack();
    const a = noff[k];
    const b = noff[k + 1];
    Object.assign(tr, { t: t.subarray(a, b), kind: kind.subarray(a, b), ev: iev.subarray(a, b), n: b - a });
    return tr;
  };
  (x.lanes as PackedLane[]).forEach((l, k) => m.restoreLane(l.kind, l.pid, l.name, l.tid, l.highlight, itv(2 * k), itv(2 * k + 1), ins(2 * k), ins(2 * k + 1)));
  for (const p of x.processes as ProcessInfo[]) m.processes.set(p.pid, { ...p, threads: [...p.threads] });
  for (const th of x.threads as ThreadInfo[]) m.threads.set(th.tid, { ...th });
  for (const s of strings) m.strings.intern(s);
  Object.assign(m.arrows, arrows);
  Object.assign(m.gilArrows, gilArrows);
  Object.assign(m.stats, x.stats);
  m.importState(state);
  m.file = x.file;
  m.eventBase = events;
  m.startT = x.startT;
  m.endT = x.endT;
  m.done = x.done;
  if (x.outcome) m.outcome = x.outcome as PackedModel['outcome'];
  if (x.deadlock) m.deadlock = x.deadlock as PackedModel['deadlock'];
  if (x.hang) m.hang = x.hang as PackedModel['hang'];
  m.version++;
  return m;
}
