// printf-style string formatting: `fmt % args` (CPython 3.11 Objects/unicodeobject.c,
// PyUnicode_Format and helpers), on opaque Python values.
//
// The formatter does not know the object model. It walks the format string and asks
// the caller, through PercentHooks, to convert an argument as needed: str()/repr()/
// ascii() to a JS string, int()/__index__ to number|bigint, float() to a number, a
// %c argument to a code point or 1-char string. Conversions that need Python code
// (a user __str__) can be done ahead of time by the caller: `percentNeeds` lists, per
// argument, which conversions the format string will ask for, without converting.

import { LibError, typeError, valueError, rep } from './errors';
import { formatFloat } from './float-repr';

/** What the formatter needs from an argument. */
export type PercentNeed =
  | 's' // str(v)
  | 'r' // repr(v)
  | 'a' // ascii(v)
  | 'int' // %d %i %u: int(v) (PyNumber_Long), TypeError → "a real number is required"
  | 'index' // %o %x %X: operator.index(v)
  | 'float' // %e %f %g: float(v)
  | 'char'; // %c: an int (code point) or a str of length 1

export interface PercentHooks<T> {
  /**
   * Converts `v` as `need` says. Returns: a string for s/r/a; number|bigint for
   * int/index (null when v is not a number of the right kind); a number for float
   * (null when v is not a real number); for char a number (an int), a string (a
   * str), or null. Exceptions other than these wrong-type cases may be thrown.
   */
  convert(v: T, need: PercentNeed): string | number | bigint | null;
  /** The value of `v` if it is an int (for '*'), else null. */
  asInt(v: T): number | bigint | null;
  /** Python type name of v (for messages). */
  typeName(v: T): string;
  /** mapping[key] (only called when the args are a mapping). */
  getItem(mapping: T, key: string): T;
}

/**
 * The right operand of `%`: a tuple's items, or a single value (which is also the
 * mapping for %(key)s when `isMapping`: anything with __getitem__ that is not a tuple
 * or str, as PyMapping_Check says).
 */
export type PercentArgs<T> = { tuple: T[] } | { single: T; isMapping: boolean };

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

class Ctx<T> {
  argidx: number;
  arglen: number;
  args: T | T[];
  dict: T | null;
  constructor(a: PercentArgs<T>) {
    if ('tuple' in a) {
      this.args = a.tuple;
      this.arglen = a.tuple.length;
      this.argidx = 0;
      this.dict = null;
    } else {
      this.args = a.single;
      this.arglen = -1;
      this.argidx = -2;
      this.dict = a.isMapping ? a.single : null;
    }
  }
  next(): T {
    const i = this.argidx;
    if (i < this.arglen) {
      this.argidx++;
      return this.arglen < 0 ? (this.args as T) : (this.args as T[])[i];
    }
    throw typeError('not enough arguments for format string');
  }
}

interface Arg {
  ch: string;
  flags: number;
  width: number;
  prec: number;
  sign: boolean;
}

/** `fmt % args`. */
export function percentFormat<T>(fmt: string, args: PercentArgs<T>, hooks: PercentHooks<T>): string {
  return run(fmt, args, hooks, null);
}

/**
 * The conversions `fmt % args` would request, in order, without calling `convert`
 * (getItem and asInt are called). Format errors are thrown as percentFormat would.
 */
export function percentNeeds<T>(fmt: string, args: PercentArgs<T>, hooks: PercentHooks<T>): { value: T; need: PercentNeed }[] {
  const needs: { value: T; need: PercentNeed }[] = [];
  run(fmt, args, hooks, needs);
  return needs;
}

function run<T>(fmt: string, a: PercentArgs<T>, hooks: PercentHooks<T>, collect: { value: T; need: PercentNeed }[] | null): string {
  const cs = /[\ud800-\udfff]/.test(fmt) ? Array.from(fmt) : fmt.split('');
  const n = cs.length;
  const ctx = new Ctx(a);
  let out = '';
  let pos = 0;
  while (pos < n) {
    const c = cs[pos];
    if (c !== '%') {
      let e = pos + 1;
      while (e < n && cs[e] !== '%') e++;
      out += cs.slice(pos, e).join('');
      pos = e;
      continue;
    }
    pos++;
    if (pos < n && cs[pos] === '%') {
      out += '%';
      pos++;
      continue;
    }
    // unicode_format_arg_parse: fmtcnt counts the characters left.
    let fmtcnt = n - pos;
    const arg: Arg = { ch: '', flags: 0, width: -1, prec: -1, sign: false };
    if (cs[pos] === '(') {
      if (ctx.dict === null) throw typeError('format requires a mapping');
      pos++;
      fmtcnt--;
      const keystart = pos;
      let pcount = 1;
      while (pcount > 0 && --fmtcnt >= 0) {
        arg.ch = cs[pos];
        if (arg.ch === ')') pcount--;
        else if (arg.ch === '(') pcount++;
        pos++;
      }
      if (fmtcnt < 0 || pcount > 0) throw valueError('incomplete format key');
      const key = cs.slice(keystart, pos - 1).join('');
      ctx.args = hooks.getItem(ctx.dict, key);
      ctx.arglen = -1;
      ctx.argidx = -2;
    }
    while (--fmtcnt >= 0) {
      arg.ch = cs[pos++];
      const fl = arg.ch === '-' ? F_LJUST : arg.ch === '+' ? F_SIGN : arg.ch === ' ' ? F_BLANK : arg.ch === '#' ? F_ALT : arg.ch === '0' ? F_ZERO : 0;
      if (fl === 0) break;
      arg.flags |= fl;
    }
    if (arg.ch === '*') {
      const v = ctx.next();
      const w = hooks.asInt(v);
      if (w === null) throw typeError('* wants int');
      let width = Number(w);
      if (width < 0) {
        arg.flags |= F_LJUST;
        width = -width;
      }
      arg.width = width;
      if (--fmtcnt >= 0) arg.ch = cs[pos++];
    } else if (arg.ch >= '0' && arg.ch <= '9') {
      arg.width = arg.ch.charCodeAt(0) - 48;
      while (--fmtcnt >= 0) {
        arg.ch = cs[pos++];
        if (arg.ch < '0' || arg.ch > '9') break;
        arg.width = arg.width * 10 + (arg.ch.charCodeAt(0) - 48);
        if (arg.width > Number.MAX_SAFE_INTEGER) throw valueError('width too big');
      }
    }
    if (arg.ch === '.') {
      arg.prec = 0;
      if (--fmtcnt >= 0) arg.ch = cs[pos++];
      if (arg.ch === '*') {
        const v = ctx.next();
        const p = hooks.asInt(v);
        if (p === null) throw typeError('* wants int');
        if (p > 2147483647 || p < -2147483648) throw new LibError('OverflowError', 'Python int too large to convert to C int');
        arg.prec = Math.max(0, Number(p));
        if (--fmtcnt >= 0) arg.ch = cs[pos++];
      } else if (arg.ch >= '0' && arg.ch <= '9') {
        arg.prec = arg.ch.charCodeAt(0) - 48;
        while (--fmtcnt >= 0) {
          arg.ch = cs[pos++];
          if (arg.ch < '0' || arg.ch > '9') break;
          arg.prec = arg.prec * 10 + (arg.ch.charCodeAt(0) - 48);
          if (arg.prec > 2147483647) throw valueError('precision too big');
        }
      }
    }
    if (fmtcnt >= 0 && (arg.ch === 'h' || arg.ch === 'l' || arg.ch === 'L')) {
      if (--fmtcnt >= 0) arg.ch = cs[pos++];
    }
    if (fmtcnt < 0) throw valueError('incomplete format');

    const v = ctx.next();
    const str = formatArg(arg, v, hooks, collect, pos - 1);
    out += output(arg, str);
    if (ctx.dict !== null && ctx.argidx < ctx.arglen) {
      throw typeError('not all arguments converted during string formatting');
    }
  }
  if (ctx.argidx < ctx.arglen && ctx.dict === null) {
    throw typeError('not all arguments converted during string formatting');
  }
  return out;
}

function formatArg<T>(arg: Arg, v: T, hooks: PercentHooks<T>, collect: { value: T; need: PercentNeed }[] | null, index: number): string {
  const ch = arg.ch;
  switch (ch) {
    case 's':
    case 'r':
    case 'a': {
      if (collect) {
        collect.push({ value: v, need: ch });
        return '';
      }
      return hooks.convert(v, ch) as string;
    }
    case 'i':
    case 'd':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      const need: PercentNeed = ch === 'o' || ch === 'x' || ch === 'X' ? 'index' : 'int';
      arg.sign = true;
      if (collect) {
        collect.push({ value: v, need });
        return '';
      }
      const iv = hooks.convert(v, need);
      if (iv === null || typeof iv === 'string') {
        const what = need === 'index' ? 'an integer' : 'a real number';
        throw typeError(`%${ch} format: ${what} is required, not ${hooks.typeName(v)}`);
      }
      return formatLong(iv, (arg.flags & F_ALT) !== 0, arg.prec, ch);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      arg.sign = true;
      if (collect) {
        collect.push({ value: v, need: 'float' });
        return '';
      }
      const x = hooks.convert(v, 'float');
      if (typeof x !== 'number') throw typeError(`must be real number, not ${hooks.typeName(v)}`);
      return formatFloat(x, ch, arg.prec < 0 ? 6 : arg.prec, { alt: (arg.flags & F_ALT) !== 0 });
    }
    case 'c': {
      if (collect) {
        collect.push({ value: v, need: 'char' });
        return '';
      }
      const c = hooks.convert(v, 'char');
      if (typeof c === 'string') {
        if (Array.from(c).length === 1) return c;
        throw typeError('%c requires int or char');
      }
      if (c === null) throw typeError('%c requires int or char');
      if (typeof c === 'bigint' && (c > 0x7fffffffffffffffn || c < -0x8000000000000000n)) {
        throw new LibError('OverflowError', 'Python int too large to convert to C long');
      }
      if (c < 0 || c > 0x10ffff) throw new LibError('OverflowError', '%c arg not in range(0x110000)');
      return String.fromCodePoint(Number(c));
    }
    default: {
      const code = ch.codePointAt(0)!;
      const shown = code >= 31 && code <= 126 ? ch : '?';
      throw valueError(`unsupported format character '${shown}' (0x${code.toString(16)}) at index ${index}`);
    }
  }
}

/** _PyUnicode_FormatLong: [-][0x][zeros to prec]digits. */
export function formatLong(v: number | bigint, alt: boolean, prec: number, type: string): string {
  const neg = v < 0;
  const abs = neg ? -(v as number) : v;
  const base = type === 'o' ? 8 : type === 'x' || type === 'X' ? 16 : 10;
  let digits = abs.toString(base);
  if (prec > digits.length) digits = rep('0', prec - digits.length) + digits;
  let prefix = '';
  if (alt && base !== 10) prefix = type === 'o' ? '0o' : '0x';
  let s = (neg ? '-' : '') + prefix + digits;
  if (type === 'X') s = s.toUpperCase();
  return s;
}

/** unicode_format_arg_output: padding, sign and prefix placement. */
function output(arg: Arg, str: string): string {
  const chars = /[\ud800-\udfff]/.test(str) ? Array.from(str) : null;
  let len = chars ? chars.length : str.length;
  if ((arg.width === -1 || arg.width <= len) && (arg.prec === -1 || arg.prec >= len) && !(arg.flags & (F_SIGN | F_BLANK))) {
    return str;
  }
  const ch = arg.ch;
  if ((ch === 's' || ch === 'r' || ch === 'a') && arg.prec >= 0 && len > arg.prec) len = arg.prec;
  const body = chars ? chars.slice(0, len) : str.slice(0, len).split('');
  let pindex = 0;
  let signchar = '';
  let sign = arg.sign;
  const fill = sign && arg.flags & F_ZERO ? '0' : ' ';
  if (sign) {
    const c0 = body[0];
    if (c0 === '-' || c0 === '+') {
      signchar = c0;
      len--;
      pindex++;
    } else if (arg.flags & F_SIGN) signchar = '+';
    else if (arg.flags & F_BLANK) signchar = ' ';
    else sign = false;
  }
  let width = arg.width < len ? len : arg.width;
  let out = '';
  if (sign) {
    if (fill !== ' ') out += signchar;
    if (width > len) width--;
  }
  const alt = (arg.flags & F_ALT) !== 0 && (ch === 'x' || ch === 'X' || ch === 'o');
  if (alt) {
    if (fill !== ' ') {
      out += '0' + ch;
      pindex += 2;
    }
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && !(arg.flags & F_LJUST)) {
    out += rep(fill, width - len);
    width = len;
  }
  if (fill === ' ') {
    if (sign) out += signchar;
    if (alt) {
      out += '0' + ch;
      pindex += 2;
    }
  }
  if (len > 0) out += body.slice(pindex, pindex + len).join('');
  if (width > len) out += rep(' ', width - len);
  return out;
}
