// Python int semantics on JS values: an int is a JS number when it is a safe integer
// and a bigint otherwise (normInt keeps that invariant: every result in the safe
// range is a number). Errors are LibErrors with CPython 3.11's messages.

import { LibError, valueError } from './errors';
import { floatPow } from './float-ops';
import { strRepr } from './str-unicode';

export type Int = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Larger ints than this many bits are refused with MemoryError (JS BigInts top out at 2^30 bits). */
const MAX_BITS = 1 << 26;
const MIN_SAFE = -MAX_SAFE;

/** A bigint result as a Python int value: a number when safe. */
export function normInt(v: bigint): Int {
  return v >= MIN_SAFE && v <= MAX_SAFE ? Number(v) : v;
}

export function big(v: Int): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

function zeroDiv(msg: string): LibError {
  return new LibError('ZeroDivisionError', msg);
}

export function intAdd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) + big(b));
}

export function intSub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(big(a) - big(b));
}

export function intMul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r; // no -0 for ints
  }
  return normInt(big(a) * big(b));
}

export function intNeg(a: Int): Int {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return normInt(-a);
}

export function intAbs(a: Int): Int {
  if (typeof a === 'number') return Math.abs(a);
  return normInt(a < 0n ? -a : a);
}

/** a // b (floor division). */
export function intFloorDiv(a: Int, b: Int): Int {
  if (b === 0 || b === 0n) throw zeroDiv('integer division or modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    const q = Math.floor(a / b);
    // a / b is exact enough for |a| < 2^53 unless the quotient is huge: verify.
    if (Number.isSafeInteger(q) && Math.abs(a) < 2 ** 52) return q === 0 ? 0 : q;
  }
  const A = big(a);
  const B = big(b);
  let q = A / B;
  if (A % B !== 0n && A < 0n !== B < 0n) q -= 1n;
  return normInt(q);
}

/** a % b with the sign of b. */
export function intMod(a: Int, b: Int): Int {
  if (b === 0 || b === 0n) throw zeroDiv('integer modulo by zero');
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    if (r !== 0 && r < 0 !== b < 0) return r + b;
    return r === 0 ? 0 : r;
  }
  const A = big(a);
  const B = big(b);
  let r = A % B;
  if (r !== 0n && r < 0n !== B < 0n) r += B;
  return normInt(r);
}

export function intDivmod(a: Int, b: Int): [Int, Int] {
  if (b === 0 || b === 0n) throw zeroDiv('integer division or modulo by zero');
  return [intFloorDiv(a, b), intMod(a, b)];
}

function bitLength(v: bigint): number {
  if (v < 0n) v = -v;
  return v === 0n ? 0 : v.toString(2).length;
}

export function intBitLength(a: Int): number {
  if (typeof a === 'number') {
    const x = Math.abs(a);
    return x === 0 ? 0 : x < 2 ** 31 ? 32 - Math.clz32(x) : x.toString(2).length;
  }
  return bitLength(a);
}

/** x × 2^e without intermediate overflow/underflow of the scale factor. */
export function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/**
 * The correctly rounded (half-even) double nearest to n / d for bigints (d > 0n, n ≥ 0n),
 * or Infinity when it overflows.
 */
export function ratioToFloat(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  // Quotient with at least 55 significant bits plus a sticky bit.
  const shift = bitLength(n) - bitLength(d) - 56;
  let q: bigint;
  let r: bigint;
  if (shift >= 0) {
    const dd = d << BigInt(shift);
    q = n / dd;
    r = n % dd;
  } else {
    const nn = n << BigInt(-shift);
    q = nn / d;
    r = nn % d;
  }
  // value = (q + r/d') × 2^shift; make it q1 × 2^e with q1's lowest bit a sticky bit.
  const q1 = (q << 1n) | (r !== 0n ? 1n : 0n);
  const e = shift - 1;
  const top = e + bitLength(q1) - 1; // exponent of the leading bit
  if (top > 1023) return Infinity;
  if (top < -1022) {
    // Subnormal result: round q1 at the 2^-1074 position directly.
    const k = -1074 - e;
    if (k > 0) {
      if (k > bitLength(q1) + 1) return 0;
      const K = BigInt(k);
      const kept = q1 >> K;
      const rest = q1 & ((1n << K) - 1n);
      const half = 1n << (K - 1n);
      let out = kept;
      if (rest > half || (rest === half && (kept & 1n) === 1n)) out += 1n;
      return Number(out) * 2 ** -1074;
    }
  }
  // q1 has ≥ 57 bits and an odd-sticky LSB: Number() rounds it correctly to 53 bits.
  return ldexp(Number(q1), e);
}

/** int / int (true division) → float, correctly rounded. */
export function intTrueDiv(a: Int, b: Int): number {
  if (b === 0 || b === 0n) throw zeroDiv('division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  const A = big(a);
  const B = big(b);
  const neg = A < 0n !== B < 0n;
  const r = ratioToFloat(A < 0n ? -A : A, B < 0n ? -B : B);
  if (r === Infinity) throw new LibError('OverflowError', 'integer division result too large for a float');
  return neg ? -r : r;
}

/** Python int → float (round-half-even), with CPython's overflow error. */
export function intToFloat(v: Int): number {
  if (typeof v === 'number') return v;
  const r = Number(v);
  if (!Number.isFinite(r)) throw new LibError('OverflowError', 'int too large to convert to float');
  return r;
}

/** int(x) for a float x (truncation). */
export function floatToInt(x: number): Int {
  if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new LibError('OverflowError', 'cannot convert float infinity to integer');
  const t = Math.trunc(x);
  if (Number.isSafeInteger(t)) return t === 0 ? 0 : t;
  return normInt(BigInt(t));
}

/** a ** b for ints, b ≥ 0 → int; b < 0 → float (correctly rounded 1 / a^-b). */
export function intPow(a: Int, b: Int): Int | { float: number } {
  if (b < 0) {
    // CPython converts both operands to float and uses float pow.
    const r = floatPow(intToFloat(a), Number(b));
    return { float: r as number };
  }
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === 0) return b === 0 ? 1 : 0;
    if (a === 1) return 1;
    if (a === -1) return b % 2 === 0 ? 1 : -1;
    // Square-and-multiply in doubles is exact while every partial product is safe.
    let result = 1;
    let base = a;
    let e = b;
    let ok = true;
    while (e > 0) {
      if (e & 1) {
        result *= base;
        if (!Number.isSafeInteger(result)) {
          ok = false;
          break;
        }
      }
      e = Math.floor(e / 2);
      if (e > 0) {
        base *= base;
        if (!Number.isSafeInteger(base)) {
          ok = false;
          break;
        }
      }
    }
    if (ok) return result;
  }
  const A = big(a);
  const B = big(b);
  if (A !== 0n && A !== 1n && A !== -1n && (B > 0xffffffffn || bitLength(A) * Number(B) > MAX_BITS)) {
    throw new LibError('MemoryError', '');
  }
  return normInt(A ** B);
}

/** pow(a, b, m) for ints. */
export function intPowMod(a: Int, b: Int, m: Int): Int {
  let M = big(m);
  if (M === 0n) throw valueError('pow() 3rd argument cannot be 0');
  const negM = M < 0n;
  if (negM) M = -M;
  let A = big(a) % M;
  if (A < 0n) A += M;
  let B = big(b);
  if (B < 0n) {
    const inv = modInverse(A, M);
    if (inv === null) throw valueError('base is not invertible for the given modulus');
    A = inv;
    B = -B;
  }
  let result = M === 1n ? 0n : 1n;
  while (B > 0n) {
    if (B & 1n) result = (result * A) % M;
    A = (A * A) % M;
    B >>= 1n;
  }
  if (negM && result !== 0n) result -= M;
  return normInt(result);
}

function modInverse(a: bigint, m: bigint): bigint | null {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) return null;
  return ((oldS % m) + m) % m;
}

function small32(v: Int): boolean {
  return typeof v === 'number' && v >= -0x80000000 && v <= 0x7fffffff;
}

export function intAnd(a: Int, b: Int): Int {
  if (small32(a) && small32(b)) return (a as number) & (b as number);
  return normInt(big(a) & big(b));
}

export function intOr(a: Int, b: Int): Int {
  if (small32(a) && small32(b)) return (a as number) | (b as number);
  return normInt(big(a) | big(b));
}

export function intXor(a: Int, b: Int): Int {
  if (small32(a) && small32(b)) return (a as number) ^ (b as number);
  return normInt(big(a) ^ big(b));
}

export function intInvert(a: Int): Int {
  if (small32(a)) return ~(a as number);
  return normInt(-big(a) - 1n);
}

export function intLshift(a: Int, b: Int): Int {
  if (b < 0) throw valueError('negative shift count');
  if (a === 0 || a === 0n) return 0;
  if (big(b) > 0xffffffffn) throw new LibError('OverflowError', 'too many digits in integer');
  if (intBitLength(a) + Number(b) > MAX_BITS) throw new LibError('MemoryError', '');
  return normInt(big(a) << big(b));
}

export function intRshift(a: Int, b: Int): Int {
  if (b < 0) throw valueError('negative shift count');
  if (typeof a === 'number' && typeof b === 'number' && small32(a)) return b >= 32 ? (a < 0 ? -1 : 0) : a >> b;
  const B = big(b);
  const A = big(a);
  if (B > 0xffffffffn) return A < 0n ? -1 : 0;
  return normInt(A >> B); // BigInt >> floors like Python
}

/** Compares two ints: -1, 0, 1. */
export function intCompare(a: Int, b: Int): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares an int with a float exactly (JS compares bigint and number exactly); NaN → NaN. */
export function intFloatCompare(a: Int, x: number): number {
  if (Number.isNaN(x)) return NaN;
  return a < x ? -1 : a > x ? 1 : 0;
}

export const INT_MAX_STR_DIGITS = 4300;

/** str(int) in base 10, with CPython 3.11's digit limit. */
export function intToDecimal(v: Int, maxDigits = INT_MAX_STR_DIGITS): string {
  if (typeof v === 'number') return String(v);
  const s = v.toString();
  if (maxDigits > 0 && s.length - (v < 0n ? 1 : 0) > maxDigits) {
    throw valueError(
      `Exceeds the limit (${maxDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  return s;
}

/** bin()/oct()/hex(): '-0x1f'. */
export function intToBase(v: Int, base: 2 | 8 | 16): string {
  const neg = v < 0;
  const abs = neg ? -(v as number) : v;
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : '0x';
  return (neg ? '-' : '') + prefix + abs.toString(base);
}

/** Python's str.isspace set for strip() in int()/float() parsing. */
const PY_SPACE = /^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/g;

export function stripPySpace(s: string): string {
  return s.replace(PY_SPACE, '');
}

/** Maps Unicode decimal digits (category Nd) to ASCII '0'-'9'; others unchanged. */
export function asciiDigits(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp > 127 && /\p{Nd}/u.test(ch)) {
      let start = cp;
      while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
      out += String.fromCharCode(48 + ((cp - start) % 10));
    } else out += ch;
  }
  return out;
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

/** int(s, base) for a str s (base 0 or 2..36), with CPython's rules and messages. */
export function parseIntLiteral(s: string, base: number, maxDigits = INT_MAX_STR_DIGITS): Int {
  if ((base !== 0 && base < 2) || base > 36) throw valueError('int() base must be >= 2 and <= 36, or 0');
  const fail = () => {
    const r = strRepr(s);
    return valueError(`invalid literal for int() with base ${base}: ${r.length > 200 ? r.slice(0, 200) : r}`);
  };
  let t = asciiDigits(stripPySpace(s));
  let neg = false;
  if (t[0] === '+' || t[0] === '-') {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  let b = base;
  let afterPrefix = false;
  const p = t.slice(0, 2).toLowerCase();
  if (b === 0) {
    if (p === '0x') b = 16;
    else if (p === '0o') b = 8;
    else if (p === '0b') b = 2;
    if (b !== 0) {
      t = t.slice(2);
      afterPrefix = true;
    } else {
      b = 10;
      if (t[0] === '0') {
        // Only zeros (with underscores) may start with 0 in base 0.
        if (!/^0(_?0)*$/.test(t)) throw fail();
        return 0;
      }
    }
  } else if ((b === 16 && p === '0x') || (b === 8 && p === '0o') || (b === 2 && p === '0b')) {
    t = t.slice(2);
    afterPrefix = true;
  }
  if (t.length === 0) throw fail();
  let digits = '';
  let prevUnderscore = !afterPrefix; // a leading '_' is allowed only right after a prefix
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 95) {
      if (prevUnderscore) throw fail();
      prevUnderscore = true;
      continue;
    }
    if (digitValue(c) >= b) throw fail();
    digits += t[i];
    prevUnderscore = false;
  }
  if (prevUnderscore || digits.length === 0) throw fail();
  if (b === 10 && maxDigits > 0 && digits.length > maxDigits) {
    throw valueError(
      `Exceeds the limit (${maxDigits} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  let v: Int;
  if (b === 10 && digits.length <= 15) v = Number(digits);
  else if (b === 16 || b === 8 || b === 2) v = normInt(BigInt((b === 16 ? '0x' : b === 8 ? '0o' : '0b') + digits));
  else if (b === 10) v = normInt(BigInt(digits));
  else {
    let acc = 0n;
    const B = BigInt(b);
    for (let i = 0; i < digits.length; i++) acc = acc * B + BigInt(digitValue(digits.charCodeAt(i)));
    v = normInt(acc);
  }
  return neg ? intNeg(v) : v;
}

const HASH_MODULUS = (1n << 61n) - 1n;

/** hash(int). */
export function hashInt(v: Int): Int {
  if (typeof v === 'number' && Math.abs(v) < 2 ** 52) {
    if (v === -1) return -2;
    return v; // |v| < 2^61 - 1: hash is v itself
  }
  const V = big(v);
  const a = V < 0n ? -V : V;
  let h = a % HASH_MODULUS;
  if (V < 0n) h = -h;
  if (h === -1n) h = -2n;
  return normInt(h);
}
