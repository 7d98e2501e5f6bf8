// Correctly rounded (barring astronomically close ties) exp, log and pow on doubles,
// computed in 160-bit fixed point with BigInt. CPython uses the platform libm (glibc),
// whose exp/log/pow are correctly rounded in practice; V8's Math.pow/exp/log are
// not always (e.g. 0.5 ** -0.5, 10 ** -5), so printed results would differ.

import { ratioToFloat } from './int-ops';

const P = 160n; // fraction bits
const ONE = 1n << P;

function decompose(x: number): [bigint, number] {
  // x > 0 finite: x = m × 2^e with integer m
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2 ** 32;
    e -= 32;
  }
  return [BigInt(m), e];
}

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** ln(z) for fixed-point z in [1, 2): 2·atanh((z-1)/(z+1)). */
function lnFixed12(z: bigint): bigint {
  return atanh2(((z - ONE) << P) / (z + ONE));
}

/** 2·atanh(t) for fixed-point |t| ≤ 1/3. */
function atanh2(t: bigint): bigint {
  const t2 = (t * t) >> P;
  let term = t;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * t2) >> P;
  }
  return 2n * sum;
}

let LN2: bigint | null = null;
function ln2(): bigint {
  if (LN2 === null) LN2 = atanh2(ONE / 3n); // ln 2 = 2·atanh(1/3)
  return LN2;
}

/** ln(x) in fixed point for positive finite x. */
function lnFixed(x: number): bigint {
  const [m, e] = decompose(x);
  // x = m × 2^e; normalize m into [1, 2) as fixed point: z = m / 2^(bl-1)
  const bl = bitLength(m);
  const z = (m << P) >> BigInt(bl - 1);
  const k = e + bl - 1;
  return lnFixed12(z) + BigInt(k) * ln2();
}

/** exp(w) for fixed-point w, as [mantissa fixed point in [1,2)·ONE-ish, binary exponent]. */
function expFixed(w: bigint): [bigint, number] {
  const L = ln2();
  // w = k·ln2 + r, |r| ≤ ln2/2
  let k = w / L;
  let r = w - k * L;
  if (r > L / 2n) {
    r -= L;
    k += 1n;
  } else if (r < -L / 2n) {
    r += L;
    k -= 1n;
  }
  let sum = ONE;
  let term = ONE;
  for (let i = 1n; term !== 0n; i++) {
    term = (term * r) / (i << P);
    sum += term;
  }
  return [sum, Number(k)];
}

/** Correctly rounded double of fixed-point value f × 2^k (f > 0 with P fraction bits). */
function toDouble(f: bigint, k: number): number {
  const shift = k - Number(P);
  if (shift >= 0) return ratioToFloat(f << BigInt(shift), 1n);
  return ratioToFloat(f, 1n << BigInt(-shift));
}

/** exp(x) for finite x. */
export function exactExp(x: number): number {
  if (x === 0) return 1;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const [m, e] = decompose(Math.abs(x));
  let w = e >= 0 ? (m << BigInt(e)) << P : (m << P) >> BigInt(-e);
  if (x < 0) w = -w;
  const [f, k] = expFixed(w);
  return toDouble(f, k);
}

/** ln(x) for positive finite x. */
export function exactLog(x: number): number {
  if (x === 1) return 0;
  const l = lnFixed(x);
  const neg = l < 0n;
  const r = ratioToFloat(neg ? -l : l, ONE);
  return neg ? -r : r;
}

/** log(x)/log(base) style helpers: log2 and log10 for positive finite x. */
export function exactLogBase(x: number, base: 2 | 10): number {
  if (x === 1) return 0;
  const l = lnFixed(x);
  const lb = base === 2 ? ln2() : lnFixed(10);
  const neg = l < 0n;
  const r = ratioToFloat(neg ? -l : l, lb);
  return neg ? -r : r;
}

/** x ** y for positive finite x ≠ 1 and finite y (Infinity/0 on overflow/underflow). */
export function exactPowPositive(x: number, y: number): number {
  if (y === 0.5) return Math.sqrt(x);
  const l = lnFixed(x);
  const [my, ey] = decompose(Math.abs(y));
  let w = l * my;
  w = ey >= 0 ? w << BigInt(ey) : w >> BigInt(-ey);
  if (y < 0) w = -w;
  // Quick range check: |w| in units of ln 2.
  const approx = Number(w >> (P - 20n)) / 2 ** 20;
  if (approx > 710) return Infinity;
  if (approx < -746) return 0;
  const [f, k] = expFixed(w);
  return toDouble(f, k);
}

// π with 448 fraction bits (hex digits of π - 3 after the point).
const PI_HEX =
  '243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89452821e638d01377be5466cf34e90c6cc0ac29b7c97c50dd3f84d5b5b547';
const PI_BITS = BigInt(PI_HEX.length * 4);
/** π as a fixed-point number with PI_BITS fraction bits. */
const PI_FIX = (3n << PI_BITS) | BigInt('0x' + PI_HEX);

/** sin and cos of a fixed-point r (P fraction bits, |r| ≤ π/4) by Taylor series. */
function sinCosFixed(r: bigint): [bigint, bigint] {
  const r2 = (r * r) >> P;
  // sin
  let term = r;
  let s = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    s += term;
    term = -((term * r2) >> P) / ((k + 1n) * (k + 2n));
  }
  term = ONE;
  let c = 0n;
  for (let k = 0n; term !== 0n; k += 2n) {
    c += term;
    term = -((term * r2) >> P) / ((k + 1n) * (k + 2n));
  }
  return [s, c];
}

function fixedToDouble(v: bigint): number {
  if (v === 0n) return 0;
  const neg = v < 0n;
  const r = ratioToFloat(neg ? -v : v, ONE);
  return neg ? -r : r;
}

/** Reduces x modulo π/2: [quadrant 0..3, remainder as fixed point with P bits], or null. */
function reduceHalfPi(x: number): [number, bigint] | null {
  const ax = Math.abs(x);
  if (!Number.isFinite(x) || ax > 2 ** 100) return null;
  const [m, e] = decompose(ax);
  // X = x in fixed point with PI_BITS fraction bits
  const X = e >= 0 ? (m << BigInt(e)) << PI_BITS : (m << PI_BITS) >> BigInt(-e);
  const halfPi = PI_FIX >> 1n;
  let k = X / halfPi;
  let rem = X - k * halfPi;
  if (rem * 2n > halfPi) {
    k += 1n;
    rem -= halfPi;
  }
  let q = Number(k % 4n);
  let r = rem >> (PI_BITS - P);
  if (x < 0) {
    r = -r;
    q = (4 - q) % 4;
  }
  return [q, r];
}

/** sin(x), cos(x), tan(x) correctly rounded (barring extreme ties) for |x| ≤ 2^100. */
export function exactSin(x: number): number {
  if (Math.abs(x) < 2 ** -26) return x;
  const red = reduceHalfPi(x);
  if (red === null) return Math.sin(x);
  const [q, r] = red;
  const [s, c] = sinCosFixed(r);
  return fixedToDouble(q === 0 ? s : q === 1 ? c : q === 2 ? -s : -c);
}

export function exactCos(x: number): number {
  const red = reduceHalfPi(x);
  if (red === null) return Math.cos(x);
  const [q, r] = red;
  const [s, c] = sinCosFixed(r);
  return fixedToDouble(q === 0 ? c : q === 1 ? -s : q === 2 ? -c : s);
}

export function exactTan(x: number): number {
  if (Math.abs(x) < 2 ** -26) return x;
  const red = reduceHalfPi(x);
  if (red === null) return Math.tan(x);
  const [q, r] = red;
  const [s, c] = sinCosFixed(r);
  const num = q % 2 === 0 ? s : c;
  const den = q % 2 === 0 ? c : -s;
  if (den === 0n) return Math.tan(x);
  const neg = num < 0n !== den < 0n;
  const v = ratioToFloat(num < 0n ? -num : num, den < 0n ? -den : den);
  return neg ? -v : v;
}
