// Python float semantics on JS numbers (CPython 3.11 Objects/floatobject.c):
// floor division and modulo with Python signs, pow with CPython's special cases and
// correctly rounded integer powers, round() (banker's and decimal), hash, parsing.

import { LibError, valueError } from './errors';
import { fixedDigits } from './float-repr';
import { asciiDigits, big, floatToInt, ldexp, normInt, ratioToFloat, stripPySpace, type Int } from './int-ops';
import { strRepr } from './str-unicode';
import { exactPowPositive } from './exact-math';

function zeroDiv(msg: string): LibError {
  return new LibError('ZeroDivisionError', msg);
}

export function floatTrueDiv(a: number, b: number): number {
  if (b === 0) throw zeroDiv('float division by zero');
  return a / b;
}

/** a % b for floats (float_rem). */
export function floatMod(a: number, b: number): number {
  if (b === 0) throw zeroDiv('float modulo');
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/** divmod for floats (_float_div_mod); message is the ZeroDivisionError text. */
export function floatDivmod(a: number, b: number, message = 'float divmod()'): [number, number] {
  if (b === 0) throw zeroDiv(message);
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

export function floatFloorDiv(a: number, b: number): number {
  return floatDivmod(a, b, 'float floor division by zero')[0];
}

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x) < 2 ** 53 && Math.abs(x % 2) === 1;
}

/** Decomposes a positive finite double as m × 2^e with m an odd-or-zero integer bigint. */
function decompose(x: number): [bigint, number] {
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2 ** 32;
    e -= 32;
  }
  let M = BigInt(m);
  if (M !== 0n) {
    while ((M & 1n) === 0n) {
      M >>= 1n;
      e++;
    }
  }
  return [M, e];
}

/** Correctly rounded x^n for positive finite x and integer n (|n| ≤ 4096). */
function exactPow(x: number, n: number): number {
  const [m, e] = decompose(x);
  const N = BigInt(Math.abs(n));
  const mn = m ** N;
  const en = e * Math.abs(n);
  if (n > 0) {
    // mn × 2^en
    if (en >= 0) return ratioToFloat(mn << BigInt(en), 1n);
    return ratioToFloat(mn, 1n << BigInt(-en));
  }
  // 1 / (mn × 2^en)
  if (en >= 0) return ratioToFloat(1n, mn << BigInt(en));
  return ratioToFloat(1n << BigInt(-en), mn);
}

/**
 * x ** y for floats (float_pow). Returns 'complex' for a negative base with a
 * fractional exponent (CPython returns a complex number there).
 */
export function floatPow(x: number, y: number): number | 'complex' {
  if (y === 0) return 1;
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return x === 1 ? 1 : y;
  if (!Number.isFinite(y)) {
    const ax = Math.abs(x);
    if (ax === 1) return 1;
    if (y > 0 === ax > 1) return Infinity;
    return 0;
  }
  if (!Number.isFinite(x)) {
    const odd = isOddInteger(y);
    if (y > 0) return odd ? x : Math.abs(x);
    return odd ? (x < 0 ? -0 : 0) : 0;
  }
  if (x === 0) {
    if (y < 0) throw zeroDiv('0.0 cannot be raised to a negative power');
    return isOddInteger(y) ? x : 0;
  }
  let negate = false;
  if (x < 0) {
    if (y !== Math.floor(y)) return 'complex';
    x = -x;
    negate = isOddInteger(y);
  }
  if (x === 1) return negate ? -1 : 1;
  let r: number;
  if (Number.isInteger(y) && Math.abs(y) <= 4096) r = exactPow(x, y);
  else r = exactPowPositive(x, y);
  if (r === Infinity) throw new LibError('OverflowError', "(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

/** round(x) with no ndigits: round-half-even to an int. */
export function floatRoundToInt(x: number): Int {
  let r = cRound(x);
  if (Math.abs(x - r) === 0.5) r = 2 * cRound(x / 2);
  return floatToInt(r);
}

/** C's round(): half away from zero, exact. */
function cRound(x: number): number {
  if (!Number.isFinite(x)) return x;
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

/** round(x, ndigits) for a float: the correctly rounded decimal value, as a float. */
export function floatRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x)) return x;
  if (ndigits > 323) return x;
  if (ndigits < -308) return x < 0 || Object.is(x, -0) ? -0 : 0;
  const d = fixedDigits(x, ndigits);
  const neg = x < 0 || Object.is(x, -0);
  const digits = d.digits === '' ? '0' : d.digits;
  const exp = d.digits === '' ? 0 : d.decpt - d.digits.length;
  const r = Number((neg ? '-' : '') + '0' + digits + 'e' + exp);
  if (!Number.isFinite(r)) throw new LibError('OverflowError', 'rounded value too large to represent');
  return r;
}

/** round(n, ndigits) for an int with ndigits < 0: round half to even at 10^-ndigits. */
export function intRound(v: Int, ndigits: number): Int {
  if (ndigits >= 0) return v;
  const V = big(v);
  const p = 10n ** BigInt(-ndigits);
  let q = V / p;
  let r = V % p;
  if (r < 0n) {
    r += p;
    q -= 1n;
  }
  // V = q*p + r with 0 ≤ r < p
  const twice = 2n * r;
  if (twice > p || (twice === p && (q & 1n) === 1n)) q += 1n;
  return normInt(q * p);
}

const P61 = (1n << 61n) - 1n;

/** hash(float) for finite or infinite x (a NaN hashes by identity: caller's job). */
export function hashFloat(x: number): Int {
  if (x === Infinity) return 314159;
  if (x === -Infinity) return -314159;
  if (Number.isInteger(x) && Math.abs(x) < 2 ** 52) return x === -1 ? -2 : x === 0 ? 0 : x;
  const [m, e] = decompose(Math.abs(x));
  const k = ((e % 61) + 61) % 61;
  let h = (m % P61) * (1n << BigInt(k));
  h %= P61;
  if (x < 0) h = -h;
  if (h === -1n) h = -2n;
  return normInt(h);
}

export function floatIsInteger(x: number): boolean {
  return Number.isFinite(x) && Number.isInteger(x);
}

/** float.as_integer_ratio(). */
export function asIntegerRatio(x: number): [Int, Int] {
  if (Number.isNaN(x)) throw valueError('cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) throw new LibError('OverflowError', 'cannot convert Infinity to integer ratio');
  if (x === 0) return [0, 1];
  const [m, e] = decompose(Math.abs(x));
  const s = x < 0 ? -1n : 1n;
  if (e >= 0) return [normInt(s * (m << BigInt(e))), 1];
  return [normInt(s * m), normInt(1n << BigInt(-e))];
}

/** float.hex(). */
export function floatHex(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + '0x0.0p+0';
  let a = Math.abs(x);
  let e = 0;
  if (a < 2 ** -1022) {
    // subnormal: 0x0.xxxxp-1022
    const frac = BigInt(a * 2 ** 1022 * 2 ** 52);
    return sign + '0x0.' + frac.toString(16).padStart(13, '0') + 'p-1022';
  }
  while (a >= 2) {
    a /= 2;
    e++;
  }
  while (a < 1) {
    a *= 2;
    e--;
  }
  const frac = BigInt((a - 1) * 2 ** 52);
  return sign + '0x1.' + frac.toString(16).padStart(13, '0') + 'p' + (e >= 0 ? '+' : '') + e;
}

const FLOAT_RE = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

/** float(s) for a str s. */
export function parseFloatLiteral(s: string): number {
  const t = asciiDigits(stripPySpace(s));
  if (FLOAT_RE.test(t)) return Number(t.replace(/_/g, ''));
  const low = t.toLowerCase();
  const m = /^([+-]?)(inf|infinity|nan)$/.exec(low);
  if (m) {
    if (m[2] === 'nan') return NaN;
    return m[1] === '-' ? -Infinity : Infinity;
  }
  throw valueError(`could not convert string to float: ${strRepr(s)}`);
}

/** int / float mixing: Python converts the int to float (OverflowError if too big). */
export { ldexp };
