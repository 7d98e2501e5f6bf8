// CPython's float → string conversions (Python/pystrtod.c format_float_short),
// reproduced on JS numbers.
//
//  - floatRepr(x): repr(x) == str(x) in Python 3: shortest round-trip digits,
//    exponent form when the decimal exponent is < -4 or >= 16, '.0' added to integers.
//  - formatFloat(x, code, precision, flags): PyOS_double_to_string for the codes
//    'e' 'f' 'g' 'r' (and upper-case 'E' 'F' 'G'), with exact, round-half-even
//    rounding of the binary value (as David Gay's dtoa does).
//
// Digits come from two sources: Number#toExponential() gives the shortest round-trip
// digits (ECMAScript requires the same shortest digits as dtoa mode 0), and an exact
// decimal expansion through BigInt gives correctly rounded fixed-precision digits.

import { rep } from './errors';

/** A finite non-negative value as 0.DIGITS × 10^decpt; digits has no trailing zeros. */
export interface DecimalDigits {
  digits: string;
  decpt: number;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Exact decimal expansion of |x| (x finite). Zero gives digits "0", decpt 1 (as dtoa). */
export function exactDigits(x: number): DecimalDigits {
  if (x === 0) return { digits: '0', decpt: 1 };
  f64[0] = Math.abs(x);
  const hi = u32[LITTLE ? 1 : 0];
  const lo = u32[LITTLE ? 0 : 1];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) {
    e = -1074;
  } else {
    mant |= 1n << 52n;
    e = bexp - 1075;
  }
  let s: string;
  let decpt: number;
  if (e >= 0) {
    s = (mant << BigInt(e)).toString();
    decpt = s.length;
  } else {
    s = (mant * 5n ** BigInt(-e)).toString();
    decpt = s.length + e;
  }
  let end = s.length;
  while (end > 1 && s.charCodeAt(end - 1) === 48) end--;
  return { digits: s.slice(0, end), decpt };
}

/** Shortest round-trip digits of |x| (x finite), as dtoa mode 0. */
export function shortestDigits(x: number): DecimalDigits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const t = Math.abs(x).toExponential();
  const ei = t.indexOf('e');
  const mant = t.slice(0, ei).replace('.', '');
  const exp = parseInt(t.slice(ei + 1), 10);
  let end = mant.length;
  while (end > 1 && mant.charCodeAt(end - 1) === 48) end--;
  return { digits: mant.slice(0, end), decpt: exp + 1 };
}

/** Increments a string of decimal digits; returns null on overflow ("99" → null). */
function incDigits(s: string): string | null {
  const a = s.split('');
  let i = a.length - 1;
  while (i >= 0) {
    if (a[i] === '9') {
      a[i] = '0';
      i--;
    } else {
      a[i] = String.fromCharCode(a[i].charCodeAt(0) + 1);
      return a.join('');
    }
  }
  return null;
}

function stripZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return s.slice(0, end);
}

/**
 * Rounds exact digits so that `keep` digits remain (keep may be ≤ 0), half-even.
 * Returns stripped digits (possibly "") and the new decpt.
 */
function roundAt(d: DecimalDigits, keep: number): DecimalDigits {
  const { digits, decpt } = d;
  if (keep >= digits.length) return { digits, decpt };
  if (keep < 0) return { digits: '', decpt };
  const next = digits.charCodeAt(keep) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (digits.length > keep + 1) up = true; // digits has no trailing zeros: rest is nonzero
  else up = keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1;
  let prefix = digits.slice(0, keep);
  if (!up) return { digits: stripZeros(prefix), decpt };
  const inc = prefix.length === 0 ? null : incDigits(prefix);
  if (inc === null) return { digits: '1', decpt: decpt + 1 };
  prefix = stripZeros(inc);
  return { digits: prefix, decpt };
}

/** dtoa mode 2: at most `ndigits` (≥ 1) significant digits. */
export function sigDigits(x: number, ndigits: number): DecimalDigits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const r = roundAt(exactDigits(x), ndigits);
  return r;
}

/** dtoa mode 3: `ndigits` digits after the decimal point (ndigits ≥ 0). */
export function fixedDigits(x: number, ndigits: number): DecimalDigits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const ex = exactDigits(x);
  const r = roundAt(ex, ex.decpt + ndigits);
  if (r.digits === '') return { digits: '', decpt: -ndigits };
  return r;
}

export interface FloatFormatFlags {
  /** Always add a sign ('+' for non-negative). */
  sign?: boolean;
  /** Add '.0' to integral results ('r', and 'g' with Py_DTSF_ADD_DOT_0). */
  addDot0?: boolean;
  /** Alternate form ('#'): keep the decimal point and trailing zeros for 'g'. */
  alt?: boolean;
  /** 'z' (3.11): a result that rounds to zero loses its '-' sign. */
  noNeg0?: boolean;
}

/**
 * PyOS_double_to_string(x, code, precision, flags). code: 'e' 'f' 'g' 'r' or upper
 * 'E' 'F' 'G'. For 'r', precision is ignored. 'g' with precision 0 means 1.
 */
export function formatFloat(x: number, code: string, precision: number, flags: FloatFormatFlags = {}): string {
  const upper = code === 'E' || code === 'F' || code === 'G';
  const fc = upper ? code.toLowerCase() : code;
  const neg = x < 0 || (x === 0 && 1 / x < 0);
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) return upper ? 'NAN' : 'nan';
    const s = upper ? 'INF' : 'inf';
    return neg ? '-' + s : flags.sign ? '+' + s : s;
  }
  let d: DecimalDigits;
  let prec = precision;
  switch (fc) {
    case 'r':
      d = shortestDigits(x);
      break;
    case 'e':
      prec = precision + 1;
      d = sigDigits(x, prec);
      break;
    case 'f':
      d = fixedDigits(x, prec);
      break;
    case 'g':
      if (prec === 0) prec = 1;
      d = sigDigits(x, prec);
      break;
    default:
      throw new Error(`formatFloat: bad code ${code}`);
  }
  const isZero = d.digits === '' || d.digits === '0';
  return layoutDigits(d, neg && !(flags.noNeg0 && isZero), fc, prec, flags, upper ? 'E' : 'e');
}

/** The layout part of CPython's format_float_short. */
function layoutDigits(
  d: DecimalDigits,
  neg: boolean,
  code: string,
  precision: number,
  flags: FloatFormatFlags,
  expChar: string,
): string {
  const digits = d.digits;
  const digitsLen = digits.length;
  let decpt = d.decpt;
  const addDot0 = !!flags.addDot0;
  const alt = !!flags.alt;
  let useExp = false;
  let exp = 0;
  let vEnd = digitsLen;
  switch (code) {
    case 'e':
      useExp = true;
      vEnd = precision;
      break;
    case 'f':
      vEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vEnd = precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
  else vEnd = vEnd > decpt ? vEnd : decpt;

  let out = neg ? '-' : flags.sign ? '+' : '';
  if (decpt <= 0) {
    out += rep('0', decpt - vStart) + '.' + rep('0', -decpt);
  } else {
    out += rep('0', -vStart);
  }
  if (decpt > 0 && decpt <= digitsLen) {
    out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    out += digits;
  }
  if (digitsLen < decpt) {
    out += rep('0', decpt - digitsLen) + '.' + rep('0', vEnd - decpt);
  } else {
    out += rep('0', Math.max(0, vEnd - digitsLen));
  }
  if (out.endsWith('.') && !alt) out = out.slice(0, -1);
  if (useExp) {
    const a = Math.abs(exp);
    out += expChar + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
  }
  return out;
}

/** repr(x) / str(x) for a Python float. */
export function floatRepr(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  // Fast path: integral values well inside the fixed-notation range.
  if (Number.isInteger(x) && Math.abs(x) < 1e16) {
    if (x === 0) return 1 / x < 0 ? '-0.0' : '0.0';
    return String(x) + '.0';
  }
  return formatFloat(x, 'r', 0, { addDot0: true });
}
