/**
 * Timeline model: trace events → lanes of intervals, instants and arrows. Pure (no DOM), fed
 * incrementally by batches, so it can be unit-tested in Node and used live.
 *
 * Lanes: per process a header lane (process state R/S/T/Z, zombie span, pending signals,
 * exit/reap/reparent/output markers), a GIL lane (who holds it), and one lane per thread
 * (running/ready/blocked with the object, signal handler spans, output and sync ticks).
 */
import { assertUnreachable, objLabel, type BlockOn, type Deadlock, type Hang, type TraceEvent } from '../../trace/format';
import { ArrowList, InstantTrack, IntervalTrack, StringTable } from './tracks';
import { Ak, GIL_COLOURS, Ik, St, processStateStyle, threadStateStyle } from './styles';

export type LaneKind = 'process' | 'gil' | 'thread';

export interface Lane {
  id: number;
  kind: LaneKind;
  pid: number;
  tid?: string;
  name: string;
  intervals: IntervalTrack;
  /** spans drawn over the lane: signal handlers (thread), pending signals (process) */
  overlay: IntervalTrack;
  /** important markers: signals, fork, exit, reap, reparent, exceptions, lost/dup output */
  instants: InstantTrack;
  /** minor ticks, drawn below markers and thinned first: sync ops, output, GIL releases */
  ticks: InstantTrack;
  /** part of a deadlock cycle / hang report */
  highlight: boolean;
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  name: string;
  order: number;
  lane: number;
  gilLane: number;
  threads: string[];
  exited: boolean;
  status?: number | null;
  signal?: string;
  zombie: boolean;
  reaped: boolean;
}

export interface ThreadInfo {
  tid: string;
  pid: number;
  name: string;
  index: number;
  lane: number;
  exited: boolean;
  main: boolean;
}

export interface ModelStats {
  gilHandoffs: number;
  gilForced: number;
  signalsSent: number;
  signalsDelivered: number;
  handlerSpans: number;
  pendingSpans: number;
  forks: number;
  ipcArrows: number;
  outputTicks: number;
  invalidEvents: number;
}

interface GilState {
  holder?: string;
  lastTid?: string;
  lastT: number;
  lastForced: boolean;
  /** threads waiting for the GIL (gil.request) and since when */
  waiting: Map<string, number>;
}

/** The model's bookkeeping between events (small): carried by snapshots so that a model
 * restored from one (pack.ts) continues exactly as the original would with later events. */
export interface ModelState {
  gil: [number, { holder?: string; lastTid?: string; lastT: number; lastForced: boolean; waiting: [string, number][] }][];
  pending: [string, { t: number; ev: number }][];
  handlers: [string, { t: number; ev: number; sig: number }][];
  sends: [string, { t: number; lane: number }][];
  forkFrom: [number, { t: number; lane: number; ev: number }][];
  signalFrom: [string, { t: number; lane: number }][];
}

export class TimelineModel {
  /** The events this model holds, in order: event index `i` is `events[i - eventBase]`.
   * A model restored from a snapshot holds none of the packed part (eventBase = its count);
   * their details are fetched on demand (and kept in `details`). */
  readonly events: TraceEvent[] = [];
  eventBase = 0;
  /** details of events below eventBase that were fetched (tooltips, clicks) */
  readonly details = new Map<number, TraceEvent>();
  readonly lanes: Lane[] = [];
  readonly processes = new Map<number, ProcessInfo>();
  readonly threads = new Map<string, ThreadInfo>();
  /** fork, IPC, queue and signal arrows */
  readonly arrows = new ArrowList();
  /** GIL handoffs (many, short): kept apart so they can be thinned by time */
  readonly gilArrows = new ArrowList();
  readonly strings = new StringTable();
  file = '';
  startT = 0;
  endT = 0;
  done = false;
  outcome?: { outcome: string; exitCode: number };
  deadlock?: { ev: number; event: Deadlock };
  hang?: { ev: number; event: Hang };
  readonly stats: ModelStats = {
    gilHandoffs: 0, gilForced: 0, signalsSent: 0, signalsDelivered: 0, handlerSpans: 0,
    pendingSpans: 0, forks: 0, ipcArrows: 0, outputTicks: 0, invalidEvents: 0,
  };
  /** bumped on every change, so views know when to re-layout */
  version = 0;

  private readonly gil = new Map<number, GilState>();
  private readonly pending = new Map<string, { t: number; ev: number }>();
  private readonly handlers = new Map<string, { t: number; ev: number; sig: number }>();
  private readonly sends = new Map<string, { t: number; lane: number }>();
  private readonly forkFrom = new Map<number, { t: number; lane: number; ev: number }>();
  private readonly signalFrom = new Map<string, { t: number; lane: number }>();

  /** Add a batch of validated events (in seq order). */
  addEvents(batch: readonly TraceEvent[]): void {
    for (const e of batch) this.add(e);
    this.version++;
  }

  /** Number of events (held or packed). */
  get eventCount(): number {
    return this.eventBase + this.events.length;
  }

  /** The event with index i, when known (held, or fetched since). */
  event(i: number): TraceEvent | undefined {
    return i >= this.eventBase ? this.events[i - this.eventBase] : this.details.get(i);
  }

  /** Index of the held event with this seq, or of the last one before it (-1 if none; the
   * packed part of a restored model is not searched). */
  indexOfSeq(seq: number): number {
    const ev = this.events;
    let lo = 0;
    let hi = ev.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ev[mid].seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1 + (lo > 0 ? this.eventBase : 0);
  }

  /** Time of the event with this seq (or the last one before it), if held. */
  timeOfSeq(seq: number): number | undefined {
    const i = this.indexOfSeq(seq);
    return i >= this.eventBase ? this.events[i - this.eventBase].t : undefined;
  }

  /** The bookkeeping between events, as plain data (for snapshots). */
  exportState(): ModelState {
    return {
      gil: [...this.gil].map(([pid, g]) => [pid, { holder: g.holder, lastTid: g.lastTid, lastT: g.lastT, lastForced: g.lastForced, waiting: [...g.waiting] }]),
      pending: [...this.pending].map(([k, v]) => [k, { ...v }]),
      handlers: [...this.handlers].map(([k, v]) => [k, { ...v }]),
      sends: [...this.sends].map(([k, v]) => [k, { ...v }]),
      forkFrom: [...this.forkFrom].map(([k, v]) => [k, { ...v }]),
      signalFrom: [...this.signalFrom].map(([k, v]) => [k, { ...v }]),
    };
  }

  /** Restores exportState()'s data (into a model rebuilt by pack.ts). */
  importState(s: ModelState): void {
    for (const [pid, g] of s.gil) this.gil.set(pid, { holder: g.holder, lastTid: g.lastTid, lastT: g.lastT, lastForced: g.lastForced, waiting: new Map(g.waiting) });
    for (const [k, v] of s.pending) this.pending.set(k, { ...v });
    for (const [k, v] of s.handlers) this.handlers.set(k, { ...v });
    for (const [k, v] of s.sends) this.sends.set(k, { ...v });
    for (const [k, v] of s.forkFrom) this.forkFrom.set(k, { ...v });
    for (const [k, v] of s.signalFrom) this.signalFrom.set(k, { ...v });
  }

  /** Adds a lane (used by pack.ts to rebuild a model). */
  restoreLane(kind: LaneKind, pid: number, name: string, tid: string | undefined, highlight: boolean,
    intervals: IntervalTrack, overlay: IntervalTrack, instants: InstantTrack, ticks: InstantTrack): Lane {
    const lane: Lane = { id: this.lanes.length, kind, pid, tid, name, intervals, overlay, instants, ticks, highlight };
    this.lanes.push(lane);
    return lane;
  }

  laneOfThread(tid: string): Lane | undefined {
    const th = this.threads.get(tid);
    return th ? this.lanes[th.lane] : undefined;
  }

  private newLane(kind: LaneKind, pid: number, name: string, tid?: string): Lane {
    const lane: Lane = {
      id: this.lanes.length, kind, pid, tid, name,
      intervals: new IntervalTrack(), overlay: new IntervalTrack(), instants: new InstantTrack(), ticks: new InstantTrack(),
      highlight: false,
    };
    this.lanes.push(lane);
    return lane;
  }

  private proc(pid: number, ppid = 0, name = `pid ${pid}`): ProcessInfo {
    let p = this.processes.get(pid);
    if (!p) {
      const lane = this.newLane('process', pid, name);
      const gilLane = this.newLane('gil', pid, 'GIL');
      p = {
        pid, ppid, name, order: this.processes.size, lane: lane.id, gilLane: gilLane.id, threads: [],
        exited: false, zombie: false, reaped: false,
      };
      this.processes.set(pid, p);
    }
    return p;
  }

  private thread(tid: string, pid: number, name?: string): ThreadInfo {
    let th = this.threads.get(tid);
    if (!th) {
      const p = this.proc(pid);
      const lane = this.newLane('thread', pid, name ?? tid, tid);
      th = { tid, pid, name: name ?? tid, index: p.threads.length, lane: lane.id, exited: false, main: p.threads.length === 0 };
      p.threads.push(tid);
      this.threads.set(tid, th);
    }
    return th;
  }

  private tlane(tid: string, pid: number): Lane {
    return this.lanes[this.thread(tid, pid).lane];
  }

  private plane(pid: number): Lane {
    return this.lanes[this.proc(pid).lane];
  }

  private closeProcessThreads(pid: number, t: number): void {
    const p = this.proc(pid);
    for (const tid of p.threads) this.lanes[this.threads.get(tid)!.lane].intervals.close(t);
    this.lanes[p.gilLane].intervals.close(t);
  }

  private add(e: TraceEvent): void {
    const i = this.eventCount;
    this.events.push(e);
    if (i === 0) this.startT = e.t;
    if (e.t > this.endT) this.endT = e.t;
    switch (e.kind) {
      case 'run.start':
        this.file = e.file;
        break;
      case 'run.end':
        this.done = true;
        this.outcome = { outcome: e.outcome, exitCode: e.exitCode };
        break;
      case 'process.start': {
        const p = this.proc(e.pid, e.ppid, e.name);
        p.name = e.name;
        p.ppid = e.ppid;
        this.lanes[p.lane].name = e.name;
        this.lanes[p.lane].intervals.open(e.t, St.procR, i);
        break;
      }
      case 'process.fork': {
        const parent = this.proc(e.pid);
        const child = this.proc(e.child, e.pid, e.name ?? parent.name);
        this.lanes[child.lane].intervals.open(e.t, St.procR, i);
        const from = this.tlane(e.tid, e.pid);
        from.instants.push(e.t, Ik.fork, i);
        this.arrows.push(e.t, from.id, e.t, child.lane, Ak.fork, i);
        this.forkFrom.set(e.child, { t: e.t, lane: from.id, ev: i });
        this.stats.forks++;
        break;
      }
      case 'process.state':
        this.plane(e.pid).intervals.open(e.t, processStateStyle(e.state), i);
        break;
      case 'process.exit': {
        const p = this.proc(e.pid);
        p.exited = true;
        p.status = e.status;
        p.signal = e.signal?.sig;
        this.closeProcessThreads(e.pid, e.t);
        const lane = this.lanes[p.lane];
        lane.intervals.close(e.t);
        lane.instants.push(e.t, Ik.exit, i);
        break;
      }
      case 'process.zombie': {
        const p = this.proc(e.pid);
        p.zombie = true;
        this.lanes[p.lane].intervals.open(e.t, St.procZ, i);
        break;
      }
      case 'process.reap': {
        const c = this.proc(e.child);
        c.zombie = false;
        c.reaped = true;
        const lane = this.lanes[c.lane];
        lane.intervals.close(e.t);
        lane.instants.push(e.t, Ik.reap, i);
        if (e.tid) this.tlane(e.tid, e.pid).instants.push(e.t, Ik.reap, i);
        break;
      }
      case 'process.reparent':
        this.proc(e.pid).ppid = e.to;
        this.plane(e.pid).instants.push(e.t, Ik.reparent, i);
        break;
      case 'thread.start': {
        const th = this.thread(e.tid, e.pid, e.name);
        th.name = e.name;
        th.main = e.main;
        this.lanes[th.lane].name = e.name;
        this.lanes[th.lane].instants.push(e.t, Ik.threadStart, i);
        break;
      }
      case 'thread.exit': {
        const th = this.thread(e.tid, e.pid);
        th.exited = true;
        const lane = this.lanes[th.lane];
        lane.intervals.close(e.t);
        lane.instants.push(e.t, e.exception ? Ik.exception : Ik.threadExit, i);
        break;
      }
      case 'thread.rename': {
        const th = this.thread(e.tid, e.pid, e.name);
        th.name = e.name;
        this.lanes[th.lane].name = e.name;
        break;
      }
      case 'thread.state': {
        const lane = this.tlane(e.tid, e.pid);
        const label = e.on ? this.strings.intern(blockLabel(e.on)) : -1;
        lane.intervals.open(e.t, threadStateStyle(e.state, e.on?.kind), i, label);
        break;
      }
      case 'gil.request':
        this.gilState(e.pid).waiting.set(e.tid, e.t);
        break;
      case 'gil.acquire': {
        const p = this.proc(e.pid);
        const th = this.thread(e.tid, e.pid);
        const g = this.gilState(e.pid);
        const lane = this.lanes[p.gilLane];
        lane.intervals.open(e.t, St.gil0 + (th.index % GIL_COLOURS), i, this.strings.intern(th.name));
        // a handoff: the GIL went from one thread to another that was waiting for it (or got
        // it at the very moment it was released); not when it lay idle in between
        const since = g.waiting.get(e.tid);
        g.waiting.delete(e.tid);
        const waited = (since !== undefined && since <= g.lastT) || e.t === g.lastT;
        if (g.lastTid !== undefined && g.lastTid !== e.tid && waited) {
          const from = this.threads.get(g.lastTid);
          if (from) {
            this.gilArrows.push(g.lastT, from.lane, e.t, th.lane, g.lastForced ? Ak.gilForced : Ak.gilVoluntary, i);
            this.stats.gilHandoffs++;
            if (g.lastForced) this.stats.gilForced++;
          }
        }
        g.holder = e.tid;
        g.lastTid = undefined;
        break;
      }
      case 'gil.release':
      case 'gil.drop': {
        const p = this.proc(e.pid);
        const g = this.gilState(e.pid);
        this.lanes[p.gilLane].intervals.close(e.t);
        this.lanes[p.gilLane].ticks.push(e.t, e.kind === 'gil.drop' ? Ik.gilDrop : Ik.gilRelease, i);
        g.holder = undefined;
        g.lastTid = e.tid;
        g.lastT = e.t;
        g.lastForced = e.kind === 'gil.drop';
        break;
      }
      case 'sync.op': {
        const lane = this.tlane(e.tid, e.pid);
        lane.ticks.push(e.t, Ik.sync, i);
        if (e.msgId !== undefined) this.message(e.msgId, e.op === 'get' ? 'recv' : 'send', e.t, lane.id, Ak.queue, i);
        break;
      }
      case 'signal.send': {
        this.stats.signalsSent++;
        const lane = e.tid ? this.tlane(e.tid, e.pid) : this.plane(e.target);
        lane.instants.push(e.t, Ik.sigSend, i);
        this.signalFrom.set(`${e.target}/${e.signum}`, { t: e.t, lane: lane.id });
        break;
      }
      case 'signal.pend':
        this.pending.set(`${e.pid}/${e.signum}`, { t: e.t, ev: i });
        break;
      case 'signal.deliver': {
        this.stats.signalsDelivered++;
        const key = `${e.pid}/${e.signum}`;
        const pend = this.pending.get(key);
        const pl = this.plane(e.pid);
        if (pend) {
          this.pending.delete(key);
          pl.overlay.push(pend.t, e.t, St.pending, pend.ev, this.strings.intern(`${e.sig} pending`));
          this.stats.pendingSpans++;
        }
        const lane = e.tid ? this.tlane(e.tid, e.pid) : pl;
        lane.instants.push(e.t, Ik.sigDeliver, i);
        const from = this.signalFrom.get(key);
        if (from) {
          this.signalFrom.delete(key);
          if (from.lane !== lane.id || from.t !== e.t) this.arrows.push(from.t, from.lane, e.t, lane.id, Ak.signal, i);
        }
        break;
      }
      case 'signal.handler.enter':
        this.handlers.set(`${e.tid}/${e.signum}`, { t: e.t, ev: i, sig: this.strings.intern(`${e.handler}(${e.sig})`) });
        break;
      case 'signal.handler.exit': {
        const key = `${e.tid}/${e.signum}`;
        const h = this.handlers.get(key);
        if (h) {
          this.handlers.delete(key);
          this.tlane(e.tid, e.pid).overlay.push(h.t, e.t, St.handler, h.ev, h.sig);
          this.stats.handlerSpans++;
        }
        break;
      }
      case 'signal.default':
        this.plane(e.pid).instants.push(e.t, Ik.sigDefault, i);
        break;
      case 'ipc.send':
      case 'ipc.recv': {
        const lane = this.tlane(e.tid, e.pid);
        lane.ticks.push(e.t, Ik.sync, i);
        this.message(e.msgId, e.kind === 'ipc.send' ? 'send' : 'recv', e.t, lane.id, Ak.ipc, i);
        if (e.kind === 'ipc.recv' && e.more) for (const m of e.more) this.message(m, 'recv', e.t, lane.id, Ak.ipc, i);
        break;
      }
      case 'io.write':
        this.tlane(e.tid, e.pid).ticks.push(e.t, e.stream === 'stderr' ? Ik.writeErr : Ik.write, i);
        this.stats.outputTicks++;
        break;
      case 'io.flush':
        this.plane(e.pid).ticks.push(e.t, Ik.flush, i);
        break;
      case 'io.dup':
        this.plane(e.pid).instants.push(e.t, Ik.dup, i);
        break;
      case 'io.lost':
        this.plane(e.pid).instants.push(e.t, Ik.lost, i);
        break;
      case 'deadlock':
        this.deadlock = { ev: i, event: e };
        for (const w of e.cycle) this.tlane(w.thread, w.pid).highlight = true;
        break;
      case 'hang':
        this.hang = { ev: i, event: e };
        for (const w of e.waiters) this.tlane(w.thread, w.pid).highlight = true;
        break;
      default:
        assertUnreachable(e, 'event');
    }
  }

  private gilState(pid: number): GilState {
    let g = this.gil.get(pid);
    if (!g) {
      g = { lastT: 0, lastForced: false, waiting: new Map() };
      this.gil.set(pid, g);
    }
    return g;
  }

  private message(msgId: string, end: 'send' | 'recv', t: number, lane: number, kind: number, ev: number): void {
    if (end === 'send') {
      this.sends.set(msgId, { t, lane });
      return;
    }
    const s = this.sends.get(msgId);
    if (!s) return;
    this.sends.delete(msgId);
    this.arrows.push(s.t, s.lane, t, lane, kind, ev);
    this.stats.ipcArrows++;
  }
}

/** "lock lock_a", "join t1", "sleep". */
export function blockLabel(on: BlockOn): string {
  if (on.name) return `${on.kind} ${on.name}`;
  return on.id === on.kind ? on.kind : `${on.kind} ${objLabel(on)}`;
}
