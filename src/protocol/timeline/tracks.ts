/**
 * Growable columnar storage for the timeline: intervals, instants and arrows in typed arrays
 * (a million events would be far too slow and big as objects). Pure, no DOM.
 */

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as { new (n: number): T })(Math.max(n, a.length * 2, 16));
  b.set(a);
  return b;
}

/** First index i in [lo, hi) with a[i] >= x (a sorted ascending), else hi. */
export function lowerBound(a: Float64Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Non-overlapping intervals in time order. The last one may be open (end = +Infinity). */
export class IntervalTrack {
  start = new Float64Array(16);
  end = new Float64Array(16);
  style = new Uint8Array(16);
  /** index of the event that started the interval */
  ev = new Int32Array(16);
  /** string-table index of the label (-1: none) */
  label = new Int32Array(16);
  n = 0;

  get isOpen(): boolean {
    return this.n > 0 && this.end[this.n - 1] === Infinity;
  }

  /** Close the open interval (if any) at t, then open a new one at t. */
  open(t: number, style: number, ev: number, label = -1): void {
    const n = this.n;
    if (n > 0 && this.end[n - 1] === Infinity) {
      if (this.start[n - 1] >= t) {
        // zero-length: replace it
        this.style[n - 1] = style;
        this.ev[n - 1] = ev;
        this.label[n - 1] = label;
        return;
      }
      this.end[n - 1] = t;
    }
    this.push(t, Infinity, style, ev, label);
  }

  /** Close the open interval (if any) at t. */
  close(t: number): void {
    const n = this.n;
    if (n > 0 && this.end[n - 1] === Infinity) this.end[n - 1] = Math.max(t, this.start[n - 1]);
  }

  /** Append a closed interval (for overlays). Must be appended in start order. */
  push(start: number, end: number, style: number, ev: number, label = -1): number {
    const i = this.n;
    if (i >= this.start.length) {
      this.start = grow(this.start, i + 1);
      this.end = grow(this.end, i + 1);
      this.style = grow(this.style, i + 1);
      this.ev = grow(this.ev, i + 1);
      this.label = grow(this.label, i + 1);
    }
    this.start[i] = start;
    this.end[i] = end;
    this.style[i] = style;
    this.ev[i] = ev;
    this.label[i] = label;
    this.n = i + 1;
    return i;
  }

  /** Index of the interval containing t (start <= t < end), or -1. */
  find(t: number): number {
    const i = lowerBound(this.start, t + 1e-9, 0, this.n) - 1;
    if (i < 0) return -1;
    return t < this.end[i] || (this.end[i] === this.start[i] && t === this.start[i]) ? i : -1;
  }
}

/** Point events in time order. */
export class InstantTrack {
  t = new Float64Array(16);
  kind = new Uint8Array(16);
  ev = new Int32Array(16);
  n = 0;

  push(t: number, kind: number, ev: number): void {
    const i = this.n;
    if (i >= this.t.length) {
      this.t = grow(this.t, i + 1);
      this.kind = grow(this.kind, i + 1);
      this.ev = grow(this.ev, i + 1);
    }
    this.t[i] = t;
    this.kind[i] = kind;
    this.ev[i] = ev;
    this.n = i + 1;
  }
}

/** Arrows between lanes (GIL handoffs, fork, IPC, signals), in order of their end time. */
export class ArrowList {
  t0 = new Float64Array(16);
  t1 = new Float64Array(16);
  from = new Int32Array(16);
  to = new Int32Array(16);
  kind = new Uint8Array(16);
  ev = new Int32Array(16);
  /** running max of (t1 - t0): lets a query by time skip with a binary search */
  maxSpan = 0;
  n = 0;

  push(t0: number, from: number, t1: number, to: number, kind: number, ev: number): void {
    const i = this.n;
    if (i >= this.t0.length) {
      this.t0 = grow(this.t0, i + 1);
      this.t1 = grow(this.t1, i + 1);
      this.from = grow(this.from, i + 1);
      this.to = grow(this.to, i + 1);
      this.kind = grow(this.kind, i + 1);
      this.ev = grow(this.ev, i + 1);
    }
    this.t0[i] = t0;
    this.t1[i] = t1;
    this.from[i] = from;
    this.to[i] = to;
    this.kind[i] = kind;
    this.ev[i] = ev;
    this.maxSpan = Math.max(this.maxSpan, t1 - t0);
    this.n = i + 1;
  }
}

/** Interned strings (labels), referenced by index from typed arrays. */
export class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  get(i: number): string {
    return i >= 0 ? this.list[i] : '';
  }
}
