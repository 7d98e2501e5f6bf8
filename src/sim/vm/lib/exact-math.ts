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
