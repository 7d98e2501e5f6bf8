// CPython's `random` generator exactly: MT19937 (Modules/_randommodule.c) and the
// pure-Python algorithms of Lib/random.py that sit on it (_randbelow, randrange,
// shuffle, sample, choices, uniform, gauss, ...). The state is plain data
// (MTState) so the VM can snapshot, fork and hash it.

import { LibError, valueError } from './errors';
import { big, normInt, type Int } from './int-ops';
import { encodeStr } from './str-unicode';
import { sha512 } from './sha512';
import { exactExp, exactLog } from './exact-math';

/** libm log (glibc's is correctly rounded; V8's Math.log is not always). */
const log = (x: number): number => (x > 0 && Number.isFinite(x) ? exactLog(x) : Math.log(x));

const N = 624;
const M = 397;

export interface MTState {
  mt: number[];
  index: number;
  /** Random.gauss()'s cached second value. */
  gaussNext: number | null;
}

export function newMTState(): MTState {
  return { mt: new Array<number>(N).fill(0), index: N + 1, gaussNext: null };
}

function initGenrand(st: MTState, s: number): void {
  const mt = st.mt;
  mt[0] = s >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
  }
  st.index = N;
}

function initByArray(st: MTState, key: number[]): void {
  initGenrand(st, 19650218);
  const mt = st.mt;
  let i = 1;
  let j = 0;
  const len = key.length;
  for (let k = N > len ? N : len; k > 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000;
}

/** random.seed(n) for an int n (CPython uses |n|, split into 32-bit words). */
export function seedInt(st: MTState, n: Int): void {
  let v = big(n);
  if (v < 0n) v = -v;
  const key: number[] = [];
  if (v === 0n) key.push(0);
  while (v > 0n) {
    key.push(Number(v & 0xffffffffn));
    v >>= 32n;
  }
  initByArray(st, key);
  st.gaussNext = null;
}

/** The int that version-2 seeding derives from str/bytes: bytes + sha512(bytes), big-endian. */
export function seedBytesToInt(bytes: ArrayLike<number>): bigint {
  const digest = sha512(bytes);
  let v = 0n;
  for (let i = 0; i < bytes.length; i++) v = (v << 8n) | BigInt(bytes[i]);
  for (let i = 0; i < digest.length; i++) v = (v << 8n) | BigInt(digest[i]);
  return v;
}

/** random.seed(s) for a str s (version 2). */
export function seedStr(st: MTState, s: string): void {
  seedInt(st, seedBytesToInt(encodeStr(s, 'utf-8')));
}

/** random.seed(x) for another hashable x: CPython seeds with (size_t)hash(x). */
export function seedHash(st: MTState, hash: Int): void {
  let h = big(hash);
  if (h < 0n) h += 1n << 64n;
  seedInt(st, h);
}

export function genrandUint32(st: MTState): number {
  const mt = st.mt;
  if (st.index >= N) {
    let kk = 0;
    let y: number;
    for (; kk < N - M; kk++) {
      y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
      mt[kk] = (mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
      mt[kk] = (mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
    }
    y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
    mt[N - 1] = (mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
    st.index = 0;
  }
  let y = mt[st.index++];
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

/** random.random(): 53-bit float in [0, 1). */
export function random(st: MTState): number {
  const a = genrandUint32(st) >>> 5;
  const b = genrandUint32(st) >>> 6;
  return (a * 67108864 + b) * (1 / 9007199254740992);
}

/** random.getrandbits(k). */
export function getrandbits(st: MTState, k: number): Int {
  if (k < 0) throw valueError('number of bits must be non-negative');
  if (k === 0) return 0;
  if (k <= 32) return genrandUint32(st) >>> (32 - k);
  let v = 0n;
  let shift = 0n;
  let left = k;
  while (left > 0) {
    let r = genrandUint32(st);
    if (left < 32) r >>>= 32 - left;
    v |= BigInt(r) << shift;
    shift += 32n;
    left -= 32;
  }
  return normInt(v);
}

function bitLength(n: Int): number {
  if (typeof n === 'number') return n === 0 ? 0 : n < 2 ** 31 ? 32 - Math.clz32(n) : n.toString(2).length;
  return n.toString(2).length;
}

/** Random._randbelow(n) for n ≥ 0 (rejection sampling on getrandbits). */
export function randbelow(st: MTState, n: Int): Int {
  if (n === 0 || n === 0n) return 0;
  const k = bitLength(n);
  let r = getrandbits(st, k);
  while (r >= n) r = getrandbits(st, k);
  return r;
}

const add = (a: Int, b: Int): Int => normInt(big(a) + big(b));
const mul = (a: Int, b: Int): Int => normInt(big(a) * big(b));

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** randrange(start, stop, step) on ints (stop null: one-argument form). */
export function randrange(st: MTState, start: Int, stop: Int | null, step: Int = 1): Int {
  if (typeof start === 'number' && typeof stop === 'number' && step === 1) {
    const w = stop - start;
    if (w > 0) return start + (randbelow(st, w) as number);
    throw valueError(`empty range for randrange() (${start}, ${stop}, ${w})`);
  }
  if (stop === null) {
    if (start > 0) return randbelow(st, start);
    throw valueError('empty range for randrange()');
  }
  const width = big(stop) - big(start);
  if (step === 1 || step === 1n) {
    if (width > 0n) return add(start, randbelow(st, normInt(width)));
    throw valueError(`empty range for randrange() (${start}, ${stop}, ${width})`);
  }
  const istep = big(step);
  let n: bigint;
  if (istep > 0n) n = floorDiv(width + istep - 1n, istep);
  else if (istep < 0n) n = floorDiv(width + istep + 1n, istep);
  else throw valueError('zero step for randrange()');
  if (n <= 0n) throw valueError('empty range for randrange()');
  return add(start, mul(step, randbelow(st, normInt(n))));
}

/** randint(a, b). */
export function randint(st: MTState, a: Int, b: Int): Int {
  if (typeof b === 'number' && b < Number.MAX_SAFE_INTEGER) return randrange(st, a, b + 1);
  return randrange(st, a, add(b, 1));
}

/** Index chosen by choice(seq) for len(seq) = n. */
export function choiceIndex(st: MTState, n: number): number {
  if (n === 0) throw new LibError('IndexError', 'Cannot choose from an empty sequence');
  return Number(randbelow(st, n));
}

/** shuffle(x) in place on a JS array. */
export function shuffle<T>(st: MTState, x: T[]): void {
  for (let i = x.length - 1; i >= 1; i--) {
    const j = Number(randbelow(st, i + 1));
    const t = x[i];
    x[i] = x[j];
    x[j] = t;
  }
}

/** The indices sample(population, k) picks, for len(population) = n. */
export function sampleIndices(st: MTState, n: number, k: number): number[] {
  if (!(k >= 0 && k <= n)) throw valueError('Sample larger than population or is negative');
  const result: number[] = new Array(k);
  let setsize = 21;
  if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
  if (n <= setsize) {
    const pool: number[] = [];
    for (let i = 0; i < n; i++) pool.push(i);
    for (let i = 0; i < k; i++) {
      const j = Number(randbelow(st, n - i));
      result[i] = pool[j];
      pool[j] = pool[n - i - 1];
    }
  } else {
    const selected = new Set<number>();
    for (let i = 0; i < k; i++) {
      let j = Number(randbelow(st, n));
      while (selected.has(j)) j = Number(randbelow(st, n));
      selected.add(j);
      result[i] = j;
    }
  }
  return result;
}

/**
 * The indices choices(population, weights/cum_weights, k) picks. cumWeights null:
 * uniform. cumWeights are floats already accumulated (as list(accumulate(weights))).
 */
export function choicesIndices(st: MTState, n: number, cumWeights: number[] | null, k: number): number[] {
  const out: number[] = [];
  if (cumWeights === null) {
    for (let i = 0; i < k; i++) out.push(Math.floor(random(st) * n));
    return out;
  }
  if (cumWeights.length !== n) throw valueError('The number of weights does not match the population');
  const total = cumWeights[n - 1] + 0.0;
  if (total <= 0) throw valueError('Total of weights must be greater than zero');
  if (!Number.isFinite(total)) throw valueError('Total of weights must be finite');
  const hi = n - 1;
  for (let i = 0; i < k; i++) {
    const x = random(st) * total;
    // bisect_right(cum_weights, x, 0, hi)
    let lo = 0;
    let h = hi;
    while (lo < h) {
      const mid = (lo + h) >> 1;
      if (x < cumWeights[mid]) h = mid;
      else lo = mid + 1;
    }
    out.push(lo);
  }
  return out;
}

export function uniform(st: MTState, a: number, b: number): number {
  return a + (b - a) * random(st);
}

export function triangular(st: MTState, low = 0, high = 1, mode: number | null = null): number {
  let u = random(st);
  let c: number;
  if (mode === null) c = 0.5;
  else {
    if (high - low === 0) return low;
    c = (mode - low) / (high - low);
  }
  if (u > c) {
    u = 1 - u;
    c = 1 - c;
    [low, high] = [high, low];
  }
  return low + (high - low) * Math.sqrt(u * c);
}

export function gauss(st: MTState, mu = 0, sigma = 1): number {
  let z = st.gaussNext;
  st.gaussNext = null;
  if (z === null) {
    const x2pi = random(st) * 2 * Math.PI;
    const g2rad = Math.sqrt(-2 * log(1 - random(st)));
    z = Math.cos(x2pi) * g2rad;
    st.gaussNext = Math.sin(x2pi) * g2rad;
  }
  return mu + z * sigma;
}

const NV_MAGICCONST = (4 * exactExp(-0.5)) / Math.sqrt(2);

export function normalvariate(st: MTState, mu = 0, sigma = 1): number {
  let z: number;
  for (;;) {
    const u1 = random(st);
    const u2 = 1 - random(st);
    z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
    const zz = (z * z) / 4;
    if (zz <= -log(u2)) break;
  }
  return mu + z * sigma;
}

export function expovariate(st: MTState, lambd: number): number {
  if (lambd === 0) throw new LibError('ZeroDivisionError', 'float division by zero');
  return -log(1 - random(st)) / lambd;
}

/** randbytes(n): getrandbits(n*8) as little-endian bytes. */
export function randbytes(st: MTState, n: number): Uint8Array {
  if (n < 0) throw valueError('number of bits must be non-negative');
  const out = new Uint8Array(n);
  let i = 0;
  let left = n * 8;
  while (left > 0) {
    let r = genrandUint32(st);
    if (left < 32) r >>>= 32 - left;
    for (let b = 0; b < 4 && i < n; b++) out[i++] = (r >>> (8 * b)) & 0xff;
    left -= 32;
  }
  return out;
}

/** getstate(): (3, (mt..., index), gauss_next) as JS data. */
export function getstate(st: MTState): [number, number[], number | null] {
  return [3, [...st.mt, st.index], st.gaussNext];
}

export function setstate(st: MTState, version: number, internal: number[], gaussNext: number | null): void {
  if (version !== 3) throw valueError(`state with version ${version} passed to Random.setstate() of version 3`);
  if (internal.length !== N + 1) throw valueError('state vector is the wrong size');
  for (let i = 0; i < N; i++) st.mt[i] = internal[i] >>> 0;
  const index = internal[N];
  if (index < 0 || index > N) throw valueError('invalid state');
  st.index = index;
  st.gaussNext = gaussNext;
}

