// Arithmetic on builtin numbers (int as number|bigint, bool, float) with CPython's
// semantics and error messages. Pure functions; no Python calls.

import { PyFloat, PyValue, normInt } from './objects';
import { E, pyErr, PyException, newException } from './exceptions';

export type Int = number | bigint;

const big = (x: Int): bigint => (typeof x === 'bigint' ? x : BigInt(x));

/** Int value of an int or bool, else undefined. */
export function asInt(v: PyValue): Int | undefined {
  const t = typeof v;
  if (t === 'number' || t === 'bigint') return v as Int;
  if (t === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** Float value of an int, bool or float, else undefined. */
export function asFloat(v: PyValue): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return bigToFloat(v);
  return undefined;
}

export function bigToFloat(v: bigint): number {
  const f = Number(v);
  if (!Number.isFinite(f)) throw pyErr(E.OverflowError, 'int too large to convert to float');
  return f;
}

export function intAdd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    return Number.isSafeInteger(r) ? r : normInt(BigInt(a) + BigInt(b));
  }
  return normInt(big(a) + big(b));
}
export function intSub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    return Number.isSafeInteger(r) ? r : normInt(BigInt(a) - BigInt(b));
  }
  return normInt(big(a) - big(b));
}
export function intMul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r; // no -0
    return normInt(BigInt(a) * BigInt(b));
  }
  return normInt(big(a) * big(b));
}
export function intMod(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw pyErr(E.ZeroDivisionError, 'integer modulo by zero');
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r === 0 ? 0 : r;
  }
  const bb = big(b);
  if (bb === 0n) throw pyErr(E.ZeroDivisionError, 'integer modulo by zero');
  let r = big(a) % bb;
  if (r !== 0n && r < 0n !== bb < 0n) r += bb;
  return normInt(r);
}
export function intFloorDiv(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw pyErr(E.ZeroDivisionError, 'integer division or modulo by zero');
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    const q = (a - r) / b;
    if (Number.isSafeInteger(q)) return q === 0 ? 0 : q;
  }
  const aa = big(a);
  const bb = big(b);
  if (bb === 0n) throw pyErr(E.ZeroDivisionError, 'integer division or modulo by zero');
  let q = aa / bb;
  if (aa % bb !== 0n && aa < 0n !== bb < 0n) q -= 1n;
  return normInt(q);
}
export function intTrueDiv(a: Int, b: Int): PyFloat {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw pyErr(E.ZeroDivisionError, 'division by zero');
    return new PyFloat(a / b);
  }
  const bb = big(b);
  if (bb === 0n) throw pyErr(E.ZeroDivisionError, 'division by zero');
  const aa = big(a);
  // Scale to keep ~64 significant bits, then divide in floating point.
  const fa = Number(aa);
  const fb = Number(bb);
  if (Number.isFinite(fa) && Number.isFinite(fb)) return new PyFloat(fa / fb);
  const shift = BigInt(Math.max(0, bitLength(aa < 0n ? -aa : aa) - 1000));
  const shiftB = BigInt(Math.max(0, bitLength(bb < 0n ? -bb : bb) - 1000));
  const r = Number(aa >> shift) / Number(bb >> shiftB) * 2 ** (Number(shift) - Number(shiftB));
  if (!Number.isFinite(r)) throw pyErr(E.OverflowError, 'integer division result too large for a float');
  return new PyFloat(r);
}
export function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}
export function intPow(a: Int, b: Int): PyValue {
  if (typeof b === 'bigint' ? b < 0n : b < 0) {
    const fa = typeof a === 'bigint' ? bigToFloat(a) : a;
    if (fa === 0) throw pyErr(E.ZeroDivisionError, '0.0 cannot be raised to a negative power');
    return new PyFloat(fa ** Number(b));
  }
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a ** b;
    if (Number.isSafeInteger(r)) return r;
  }
  const bb = big(b);
  const aa = big(a);
  if (bb > 100000000n && aa !== 0n && aa !== 1n && aa !== -1n) throw pyErr(E.MemoryError);
  return normInt(aa ** bb);
}
export function intLshift(a: Int, b: Int): Int {
  if (typeof b === 'bigint' ? b < 0n : b < 0) throw pyErr(E.ValueError, 'negative shift count');
  if (typeof a === 'number' && typeof b === 'number' && b < 31 && Math.abs(a) < 2 ** 21) {
    return a * 2 ** b;
  }
  return normInt(big(a) << big(b));
}
export function intRshift(a: Int, b: Int): Int {
  if (typeof b === 'bigint' ? b < 0n : b < 0) throw pyErr(E.ValueError, 'negative shift count');
  if (typeof a === 'number' && typeof b === 'number') {
    if (b >= 64) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** b);
  }
  return normInt(big(a) >> big(b));
}
const I32 = 2147483647;
export function intAnd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number' && a <= I32 && a >= -I32 && b <= I32 && b >= -I32) return a & b;
  return normInt(big(a) & big(b));
}
export function intOr(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number' && a <= I32 && a >= -I32 && b <= I32 && b >= -I32) return a | b;
  return normInt(big(a) | big(b));
}
export function intXor(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number' && a <= I32 && a >= -I32 && b <= I32 && b >= -I32) return a ^ b;
  return normInt(big(a) ^ big(b));
}
export function intNeg(a: Int): Int {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return normInt(-a);
}
export function intInvert(a: Int): Int {
  if (typeof a === 'number') return -a - 1 === 0 ? 0 : -a - 1; // safe: |a| <= 2^53-1
  return normInt(-a - 1n);
}
export function intCmp(a: Int, b: Int): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ------------------------------------------------------------------ float

function checkFloat(r: number): PyFloat {
  return new PyFloat(r);
}
export function floatPow(a: number, b: number): PyFloat {
  if (a === 0 && b < 0) throw pyErr(E.ZeroDivisionError, '0.0 cannot be raised to a negative power');
  if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) {
    throw pyErr(E.ValueError, 'complex numbers are not supported');
  }
  const r = a ** b;
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) {
    throw new PyException(newException(E.OverflowError, 34, 'Numerical result out of range'));
  }
  if (a === 1 || (a === -1 && !Number.isFinite(b))) return new PyFloat(1);
  return new PyFloat(r);
}
export function floatMod(a: number, b: number): PyFloat {
  if (b === 0) throw pyErr(E.ZeroDivisionError, 'float modulo');
  let m = a % b;
  if (m !== 0) {
    if (b < 0 !== m < 0) m += b;
  } else {
    m = b < 0 ? -0 : 0;
  }
  return new PyFloat(m);
}
export function floatFloorDiv(a: number, b: number): PyFloat {
  if (b === 0) throw pyErr(E.ZeroDivisionError, 'float floor division by zero');
  return new PyFloat(floatDivmod(a, b)[0]);
}
/** CPython's float_divmod. */
export function floatDivmod(vx: number, wx: number): [number, number] {
  if (wx === 0) throw pyErr(E.ZeroDivisionError, 'float divmod()');
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = vx / wx < 0 ? -0 : 0;
  }
  return [floordiv, mod];
}
export function floatTrueDiv(a: number, b: number): PyFloat {
  if (b === 0) throw pyErr(E.ZeroDivisionError, 'float division by zero');
  return checkFloat(a / b);
}

/** Numeric binary op on int/bool/float operands (BinaryOpArg numbering, inplace folded).
 *  Returns undefined when an operand is not a builtin number. */
export function numericBinop(op: number, a: PyValue, b: PyValue): PyValue | undefined {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== undefined && ib !== undefined) {
    switch (op) {
      case 0: return intAdd(ia, ib);
      case 10: return intSub(ia, ib);
      case 5: return intMul(ia, ib);
      case 2: return intFloorDiv(ia, ib);
      case 6: return intMod(ia, ib);
      case 11: return intTrueDiv(ia, ib);
      case 8: return intPow(ia, ib);
      case 3: return intLshift(ia, ib);
      case 9: return intRshift(ia, ib);
      case 1:
        if (typeof a === 'boolean' && typeof b === 'boolean') return a && b;
        return intAnd(ia, ib);
      case 7:
        if (typeof a === 'boolean' && typeof b === 'boolean') return a || b;
        return intOr(ia, ib);
      case 12:
        if (typeof a === 'boolean' && typeof b === 'boolean') return a !== b;
        return intXor(ia, ib);
      default:
        return undefined;
    }
  }
  const fa = ia !== undefined ? (typeof ia === 'bigint' ? bigToFloat(ia) : ia) : a instanceof PyFloat ? a.value : undefined;
  if (fa === undefined) return undefined;
  const fb = ib !== undefined ? (typeof ib === 'bigint' ? bigToFloat(ib) : ib) : b instanceof PyFloat ? b.value : undefined;
  if (fb === undefined) return undefined;
  switch (op) {
    case 0: return new PyFloat(fa + fb);
    case 10: return new PyFloat(fa - fb);
    case 5: return new PyFloat(fa * fb);
    case 11: return floatTrueDiv(fa, fb);
    case 2: return floatFloorDiv(fa, fb);
    case 6: return floatMod(fa, fb);
    case 8: return floatPow(fa, fb);
    default: return undefined;
  }
}

/** Compares two builtin numbers: -1/0/1, NaN-aware (undefined if unordered), or null
 *  when an operand is not a number. */
export function numericCompare(a: PyValue, b: PyValue): number | undefined | null {
  let x: number | bigint;
  let y: number | bigint;
  if (typeof a === 'number' || typeof a === 'bigint') x = a;
  else if (a instanceof PyFloat) x = a.value;
  else if (typeof a === 'boolean') x = a ? 1 : 0;
  else return null;
  if (typeof b === 'number' || typeof b === 'bigint') y = b;
  else if (b instanceof PyFloat) y = b.value;
  else if (typeof b === 'boolean') y = b ? 1 : 0;
  else return null;
  if (x < y) return -1;
  if (x > y) return 1;
  // eslint-disable-next-line eqeqeq
  if (x == y) return 0;
  return undefined;
}
