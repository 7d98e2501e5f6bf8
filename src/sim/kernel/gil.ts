// The Global Interpreter Lock of one simulated process, with CPython >= 3.2 semantics
// (Python/ceval_gil.h, "new GIL" by Antoine Pitrou):
//
// - A thread that wants the GIL while another holds it waits in a timed wait of
//   `interval` (sys.getswitchinterval(), 5 ms). When such a wait times out and no switch
//   happened during it (switch_number unchanged), the waiter sets gil_drop_request.
//   A waiter whose wait saw a switch simply waits another full interval.
// - The holder looks at the request only at eval-breaker points (the VM tells the kernel
//   which instructions are such points) and then drops the GIL: a FORCED drop.
// - FORCE_SWITCHING: the thread that dropped on request waits until another thread has
//   taken the GIL (switch_number changed) before it may compete again, so a CPU-bound
//   thread cannot immediately re-take the GIL it was asked to give up. When it then
//   requests again, its timed wait starts at that switch.
// - Blocking calls (sleep, a lock acquire that must wait, join...) release the GIL
//   voluntarily; a thread that exits releases it too. Waking threads request it again.
// - The GIL goes to the waiter that the OS wakes. The `cpython` strategy models the
//   condition variable as FIFO (the longest waiter first); other strategies may pick.
//
// All functions work on plain data (GilState) and return what happened; the kernel turns
// that into trace events and virtual-time accounting.

export const DEFAULT_SWITCH_INTERVAL_NS = 5_000_000;

export interface GilWaiter {
  tid: string;
  /** when the current timed wait began */
  waitStart: number;
  /** switchNumber when that wait began */
  switchAtStart: number;
  /** when the thread first asked for the GIL (for statistics and the UI) */
  requestedAt: number;
  /** it gave the GIL up itself (forced drop or yield) and really starts waiting only once
   * another thread has taken it: its timed wait restarts at that switch */
  restart?: boolean;
}

export interface GilState {
  holder: string | null;
  /** since when the holder holds it */
  heldSince: number;
  /** request order (FIFO) */
  waiters: GilWaiter[];
  dropRequest: boolean;
  /** the waiter whose timed-out wait set the request */
  dropRequestBy: string | null;
  /** increments each time the GIL changes hands (CPython's gil->switch_number) */
  switchNumber: number;
  /** the switch interval as sys.setswitchinterval stored it: whole microseconds */
  intervalUs: number;
  /** the interval in effect, ns (at least 1 us, like take_gil) */
  intervalNs: number;
  /** FORCE_SWITCHING: the last thread that dropped on request... */
  forcedDropper: string | null;
  /** ...and the switchNumber at its drop: it may not re-take the GIL before it changes */
  forcedAtSwitch: number;
  /** the last holder (CPython's gil->last_holder), for `from` in gil.acquire */
  lastHolder: string | null;
  /** counters for statistics */
  stats: { switches: number; forced: number };
}

export function createGil(intervalNs: number = DEFAULT_SWITCH_INTERVAL_NS): GilState {
  return {
    holder: null,
    heldSince: 0,
    waiters: [],
    dropRequest: false,
    dropRequestBy: null,
    switchNumber: 0,
    intervalUs: Math.trunc(intervalNs / 1000),
    intervalNs: Math.max(1, Math.trunc(intervalNs / 1000)) * 1000,
    forcedDropper: null,
    forcedAtSwitch: -1,
    lastHolder: null,
    stats: { switches: 0, forced: 0 },
  };
}

/** sys.setswitchinterval(seconds): CPython stores whole microseconds (truncated) and uses
 * at least 1 us. The caller raises ValueError for seconds <= 0 ("switch interval must be
 * strictly positive"). Returns the stored value in microseconds. */
export function setSwitchIntervalSeconds(g: GilState, seconds: number): void {
  const us = Math.min(Math.trunc(1e6 * seconds), 4294967295);
  g.intervalUs = us;
  g.intervalNs = Math.max(1, us) * 1000;
}

/** sys.getswitchinterval(): the stored microseconds as seconds (may be 0.0 after a tiny
 * setswitchinterval, although 1 us is used, as in CPython). */
export function getSwitchIntervalSeconds(g: GilState): number {
  return g.intervalUs / 1e6;
}

export function isWaiting(g: GilState, tid: string): boolean {
  return g.waiters.some((w) => w.tid === tid);
}

/** May `tid` take the GIL now? (false for the forced dropper until a switch happened,
 * unless nobody else wants the GIL) */
function eligible(g: GilState, tid: string): boolean {
  return !(g.forcedDropper === tid && g.switchNumber === g.forcedAtSwitch);
}

/** Waiters that may take the GIL at the next handoff, in FIFO order. If only the forced
 * dropper waits (the thread that asked for the drop went away), it is eligible. */
export function eligibleWaiters(g: GilState): string[] {
  const all = g.waiters.map((w) => w.tid);
  const ok = all.filter((t) => eligible(g, t));
  return ok.length > 0 ? ok : all;
}

function grant(g: GilState, tid: string, now: number): void {
  const i = g.waiters.findIndex((w) => w.tid === tid);
  if (i >= 0) g.waiters.splice(i, 1);
  if (g.lastHolder !== null && g.lastHolder !== tid) g.stats.switches++;
  g.holder = tid;
  g.heldSince = now;
  g.switchNumber++;
  g.dropRequest = false;
  g.dropRequestBy = null;
  // The forced dropper was waiting on switch_cond (a yielding thread, e.g. in start(),
  // was woken by the new holder): now that the switch happened it enters take_gil and
  // starts a fresh timed wait.
  for (const w of g.waiters) {
    if (!w.restart) continue;
    w.waitStart = now;
    w.switchAtStart = g.switchNumber;
    delete w.restart;
  }
  g.forcedDropper = null;
}

export type GilRequestResult = 'acquired' | 'waiting' | 'holding';

/**
 * `tid` wants the GIL (a new thread, or one woken from a blocking call). Takes it at once
 * if nobody holds it and nobody else waits; otherwise starts waiting.
 */
export function requestGil(g: GilState, tid: string, now: number): GilRequestResult {
  if (g.holder === tid) return 'holding';
  if (isWaiting(g, tid)) return 'waiting';
  if (g.holder === null && g.waiters.length === 0) {
    grant(g, tid, now);
    return 'acquired';
  }
  g.waiters.push({ tid, waitStart: now, switchAtStart: g.switchNumber, requestedAt: now });
  return 'waiting';
}

/** A waiter stops waiting without getting the GIL (its process was killed, it was
 * stopped...). Clears a drop request it made if nobody else would have made it. */
export function cancelGilRequest(g: GilState, tid: string): void {
  const i = g.waiters.findIndex((w) => w.tid === tid);
  if (i < 0) return;
  g.waiters.splice(i, 1);
  if (g.dropRequest && g.waiters.length === 0) {
    g.dropRequest = false;
    g.dropRequestBy = null;
  }
}

/** The next time a waiter's timed wait expires, or null when no expiry can matter
 * (nobody holds the GIL, or a drop is already requested, or nobody waits). */
export function nextGilExpiry(g: GilState): number | null {
  if (g.holder === null || g.dropRequest || g.waiters.length === 0) return null;
  let best = Infinity;
  for (const w of g.waiters) best = Math.min(best, w.waitStart + g.intervalNs);
  return best;
}

/**
 * Processes the timed waits that expired at or before `now` (the kernel calls this at each
 * expiry returned by nextGilExpiry, before running the instruction that starts later).
 * Returns the tid that set the drop request, if one did now.
 */
export function advanceGil(g: GilState, now: number): string | null {
  let requester: string | null = null;
  for (const w of g.waiters) {
    const due = w.waitStart + g.intervalNs;
    if (due > now) continue;
    if (g.holder !== null && !g.dropRequest && g.switchNumber === w.switchAtStart) {
      g.dropRequest = true;
      g.dropRequestBy = w.tid;
      requester = w.tid;
    }
    // The wait loops: a new interval from the expiry (skip whole intervals if late).
    const k = Math.floor((now - w.waitStart) / g.intervalNs);
    w.waitStart += k * g.intervalNs;
    w.switchAtStart = g.switchNumber;
  }
  return requester;
}

/** Should the holder drop at this eval-breaker point? */
export function dropRequested(g: GilState): boolean {
  return g.holder !== null && g.dropRequest;
}

export type GilReleaseKind = 'forced' | 'blocking' | 'exit' | 'voluntary';

/**
 * The holder gives the GIL up. `forced`: it honours a drop request (or a strategy's
 * choice) and, under FORCE_SWITCHING, starts waiting for it again behind the others;
 * `voluntary` (time.sleep(0)-like yield): it waits for it again at the back of the queue;
 * `blocking`/`exit`: it does not want it back now.
 */
export function releaseGil(g: GilState, tid: string, now: number, kind: GilReleaseKind): void {
  if (g.holder !== tid) throw new Error(`GIL release by ${tid}, held by ${g.holder ?? 'nobody'}`);
  g.holder = null;
  g.lastHolder = tid;
  if (kind === 'forced') {
    g.stats.forced++;
    g.forcedDropper = tid;
    g.forcedAtSwitch = g.switchNumber;
    g.waiters.push({ tid, waitStart: now, switchAtStart: g.switchNumber, requestedAt: now, restart: true });
  } else if (kind === 'voluntary') {
    g.waiters.push({ tid, waitStart: now, switchAtStart: g.switchNumber, requestedAt: now, restart: true });
  }
  g.dropRequest = false;
  g.dropRequestBy = null;
}

/**
 * Hands the free GIL to a waiter: `pick` if given (a strategy's choice; must be waiting),
 * else the first eligible waiter (FIFO). Returns the new holder or null if nobody waits.
 */
export function handoffGil(g: GilState, now: number, pick?: string): string | null {
  if (g.holder !== null) throw new Error(`GIL handoff while held by ${g.holder}`);
  if (g.waiters.length === 0) return null;
  let tid: string;
  if (pick !== undefined) {
    if (!isWaiting(g, pick)) throw new Error(`GIL handoff to ${pick}, which is not waiting`);
    tid = pick;
  } else {
    tid = eligibleWaiters(g)[0]!;
  }
  grant(g, tid, now);
  return tid;
}

/** Forced switch in one call: the holder drops (as on request) and `to` (default: the
 * first eligible waiter) takes the GIL. Returns the new holder, or null if nobody waits
 * (then the holder keeps it). */
export function forceSwitch(g: GilState, now: number, to?: string): string | null {
  const holder = g.holder;
  if (holder === null) throw new Error('forceSwitch without a holder');
  if (g.waiters.length === 0) return null;
  releaseGil(g, holder, now, 'forced');
  return handoffGil(g, now, to);
}
