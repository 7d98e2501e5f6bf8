// Virtual time: the clock and the timer queue of the simulated machine.
//
// Time is an integer number of nanoseconds held in a JS number (exact up to 2^53 ns,
// about 104 days of virtual time). Nothing here reads a real clock: time advances only
// when the kernel charges an instruction's cost or jumps to the next timer.
//
// Everything is plain data (no closures) so that a machine snapshot can copy it.

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_S = 1_000_000_000;
/** The largest time the clock can represent exactly. */
export const MAX_TIME_NS = Number.MAX_SAFE_INTEGER;

/** Seconds (a Python float or int) to whole nanoseconds, rounded like CPython's
 * _PyTime_FromSecondsObject(ROUND_CEILING) for timeouts: a positive timeout never becomes 0. */
export function secondsToNs(seconds: number): number {
  if (Number.isNaN(seconds)) throw new RangeError('Invalid value NaN (not a number)');
  if (seconds <= 0) return 0;
  const ns = Math.ceil(seconds * NS_PER_S);
  return ns > MAX_TIME_NS ? MAX_TIME_NS : ns;
}

/** Nanoseconds to seconds as a float (time.time(), time.monotonic()). */
export function nsToSeconds(ns: number): number {
  return ns / NS_PER_S;
}

/** "12.345ms"-style label for diagnostics and benchmarks. */
export function formatNs(ns: number): string {
  if (ns >= NS_PER_S) return `${(ns / NS_PER_S).toFixed(3)}s`;
  if (ns >= NS_PER_MS) return `${(ns / NS_PER_MS).toFixed(3)}ms`;
  if (ns >= NS_PER_US) return `${(ns / NS_PER_US).toFixed(3)}us`;
  return `${ns}ns`;
}

export interface Clock {
  /** current virtual time, ns */
  now: number;
  /** virtual time.time() at now = 0, ns since the Unix epoch (deterministic, an option) */
  epochNs: number;
}

/** 2024-01-01T00:00:00Z: the default epoch of time.time(), so output is reproducible. */
export const DEFAULT_EPOCH_NS = 1_704_067_200 * NS_PER_S;

export function createClock(epochNs: number = DEFAULT_EPOCH_NS): Clock {
  return { now: 0, epochNs };
}

/** Moves the clock forward to `t` (never backwards). */
export function advanceTo(clock: Clock, t: number): void {
  if (t > clock.now) clock.now = t;
}

/** Wall-clock time (time.time_ns()) at virtual time `now`. */
export function wallNs(clock: Clock): number {
  return clock.epochNs + clock.now;
}

// ───────────────────────────── timers ─────────────────────────────

/** A pending wake-up. `payload` says what to do; the kernel interprets it. */
export interface Timer<P> {
  /** unique id, in creation order (also the tie-break between equal times) */
  id: number;
  at: number;
  payload: P;
}

/**
 * A min-heap of timers ordered by (at, id): deterministic for equal times (first armed,
 * first fired). Cancellation is lazy (a cancelled id is skipped when it reaches the top),
 * which keeps cancel O(1) — timeouts are cancelled far more often than they fire.
 */
export interface TimerQueue<P> {
  heap: Timer<P>[];
  nextId: number;
  /** ids of the live timers (armed, neither fired nor cancelled) */
  pending: Record<number, true>;
  live: number;
}

export function createTimerQueue<P>(): TimerQueue<P> {
  return { heap: [], nextId: 1, pending: {}, live: 0 };
}

function less<P>(a: Timer<P>, b: Timer<P>): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

function siftUp<P>(h: Timer<P>[], i: number): void {
  const x = h[i]!;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const y = h[p]!;
    if (!less(x, y)) break;
    h[i] = y;
    i = p;
  }
  h[i] = x;
}

function siftDown<P>(h: Timer<P>[], i: number): void {
  const n = h.length;
  const x = h[i]!;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && less(h[r]!, h[l]!) ? r : l;
    if (!less(h[c]!, x)) break;
    h[i] = h[c]!;
    i = c;
  }
  h[i] = x;
}

/** Arms a timer at absolute time `at`; returns its id (for cancelTimer). */
export function addTimer<P>(q: TimerQueue<P>, at: number, payload: P): number {
  const id = q.nextId++;
  q.heap.push({ id, at, payload });
  siftUp(q.heap, q.heap.length - 1);
  q.pending[id] = true;
  q.live++;
  return id;
}

export function cancelTimer<P>(q: TimerQueue<P>, id: number): void {
  if (!q.pending[id]) return;
  delete q.pending[id];
  q.live--;
  dropCancelledTop(q);
}

function popTop<P>(q: TimerQueue<P>): Timer<P> {
  const h = q.heap;
  const top = h[0]!;
  const last = h.pop()!;
  if (h.length > 0) {
    h[0] = last;
    siftDown(h, 0);
  }
  return top;
}

function dropCancelledTop<P>(q: TimerQueue<P>): void {
  while (q.heap.length > 0 && !q.pending[q.heap[0]!.id]) popTop(q);
}

/** The earliest live timer, or undefined. */
export function peekTimer<P>(q: TimerQueue<P>): Timer<P> | undefined {
  dropCancelledTop(q);
  return q.heap[0];
}

/** Removes and returns the earliest live timer due at or before `now`. */
export function popDueTimer<P>(q: TimerQueue<P>, now: number): Timer<P> | undefined {
  const top = peekTimer(q);
  if (!top || top.at > now) return undefined;
  popTop(q);
  delete q.pending[top.id];
  q.live--;
  return top;
}

/** Number of live (not cancelled, not fired) timers. */
export function timerCount<P>(q: TimerQueue<P>): number {
  return q.live;
}

/** Live timers in firing order (for state queries and tests; O(n log n)). */
export function listTimers<P>(q: TimerQueue<P>): Timer<P>[] {
  return q.heap.filter((t) => q.pending[t.id]).sort((a, b) => (less(a, b) ? -1 : 1));
}
