// The format-spec mini-language (format(x, spec), str.format, f-strings) for int,
// float and str, after CPython 3.11's Python/formatter_unicode.c.
//
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//
// Errors are thrown as LibError with CPython's exact messages.

import { LibError, valueError, rep } from './errors';
import { formatFloat, floatRepr } from './float-repr';

export interface FormatSpec {
  fill: string;
  /** '<' '>' '^' '='. */
  align: string;
  /** '' (unspecified), '+', '-', ' '. */
  sign: string;
  noNeg0: boolean;
  alt: boolean;
  /** -1 when not given. */
  width: number;
  /** '' none, ',' or '_' (every 3 digits), '_4' (every 4 digits: b o x X). */
  grouping: '' | ',' | '_' | '_4';
  /** -1 when not given. */
  precision: number;
  /** '' when not given. */
  type: string;
}

function isAlign(c: string | undefined): boolean {
  return c === '<' || c === '>' || c === '=' || c === '^';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function codeName(c: string): string {
  const n = c.codePointAt(0)!;
  return n > 32 && n < 128 ? c : '\\x' + n.toString(16);
}

/**
 * Parses a (non-empty) format spec. `typeName` is the Python type name used in
 * messages; defaultType is 's' for str, 'd' for int, '' for float.
 */
export function parseFormatSpec(spec: string, typeName: string, defaultType: string, defaultAlign: string): FormatSpec {
  const cs = Array.from(spec);
  const end = cs.length;
  let pos = 0;
  const f: FormatSpec = {
    fill: ' ',
    align: defaultAlign,
    sign: '',
    noNeg0: false,
    alt: false,
    width: -1,
    grouping: '',
    precision: -1,
    type: defaultType,
  };
  let fillSpecified = false;
  let alignSpecified = false;
  if (end - pos >= 2 && isAlign(cs[pos + 1])) {
    f.align = cs[pos + 1];
    f.fill = cs[pos];
    fillSpecified = alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(cs[pos])) {
    f.align = cs[pos];
    alignSpecified = true;
    pos++;
  }
  if (cs[pos] === '+' || cs[pos] === '-' || cs[pos] === ' ') f.sign = cs[pos++];
  if (cs[pos] === 'z') {
    f.noNeg0 = true;
    pos++;
  }
  if (cs[pos] === '#') {
    f.alt = true;
    pos++;
  }
  if (!fillSpecified && cs[pos] === '0') {
    f.fill = '0';
    if (!alignSpecified && defaultAlign === '>') f.align = '=';
    pos++;
  }
  let start = pos;
  while (isDigit(cs[pos])) pos++;
  if (pos > start) f.width = parseDigits(cs.slice(start, pos).join(''));
  if (cs[pos] === ',') {
    f.grouping = ',';
    pos++;
  }
  if (cs[pos] === '_') {
    if (f.grouping !== '') throw valueError("Cannot specify both ',' and '_'.");
    f.grouping = '_';
    pos++;
  }
  if (cs[pos] === ',') throw valueError("Cannot specify both ',' and '_'.");
  if (cs[pos] === '.') {
    pos++;
    start = pos;
    while (isDigit(cs[pos])) pos++;
    if (pos === start) throw valueError('Format specifier missing precision');
    f.precision = parseDigits(cs.slice(start, pos).join(''));
  }
  if (end - pos > 1) {
    throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (end - pos === 1) f.type = cs[pos];
  if (f.grouping !== '') {
    switch (f.type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case '':
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (f.grouping === '_') {
          f.grouping = '_4';
          break;
        }
        throw valueError(`Cannot specify '${f.grouping}' with '${codeName(f.type)}'.`);
      default:
        throw valueError(`Cannot specify '${f.grouping}' with '${codeName(f.type)}'.`);
    }
  }
  return f;
}

function parseDigits(s: string): number {
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n > 2 ** 53) throw valueError('Too many decimal digits in format string');
  return n;
}

function unknownCode(type: string, typeName: string): LibError {
  return valueError(`Unknown format code '${codeName(type)}' for object of type '${typeName}'`);
}

/** Pads `len` characters to `width` with `fill` according to `align` (not '='). */
function pad(body: string, len: number, f: FormatSpec): string {
  if (f.width <= len) return body;
  const n = f.width - len;
  if (f.align === '>') return rep(f.fill, n) + body;
  if (f.align === '^') {
    const l = Math.floor(n / 2);
    return rep(f.fill, l) + body + rep(f.fill, n - l);
  }
  return body + rep(f.fill, n);
}

/** _PyUnicode_InsertThousandsGrouping, with the zero padding to minWidth it also does. */
function groupDigits(digits: string, minWidth: number, sep: string, every: number): string {
  let remaining = digits.length;
  if (sep === '') {
    const l = Math.max(remaining, minWidth, 1);
    return rep('0', Math.max(0, l - remaining)) + digits;
  }
  const groups: string[] = [];
  let pos = digits.length;
  for (;;) {
    const l = Math.min(every, Math.max(remaining, minWidth, 1));
    const nZeros = Math.max(0, l - remaining);
    const nChars = Math.max(0, Math.min(remaining, l));
    groups.push(rep('0', nZeros) + digits.slice(pos - nChars, pos));
    pos -= nChars;
    remaining -= nChars;
    minWidth -= l;
    if (remaining <= 0 && minWidth <= 0) break;
    minWidth -= sep.length;
  }
  return groups.reverse().join(sep);
}

/**
 * The number layout of calc_number_widths + fill_number:
 * <lpad><sign><prefix><spad><grouped digits><decimal+remainder><rpad>.
 */
function layoutNumber(
  f: FormatSpec,
  negative: boolean,
  prefix: string,
  digits: string,
  remainder: string,
  useGrouping: boolean,
): string {
  let sign = '';
  if (f.sign === '+') sign = negative ? '-' : '+';
  else if (f.sign === ' ') sign = negative ? '-' : ' ';
  else if (negative) sign = '-';
  const sepChar = !useGrouping || f.grouping === '' ? '' : f.grouping === ',' ? ',' : '_';
  const every = f.grouping === '_4' ? 4 : 3;
  const nonDigit = sign.length + prefix.length + remainder.length;
  const minWidth = f.fill === '0' && f.align === '=' ? f.width - nonDigit : 0;
  const grouped = digits.length === 0 ? '' : groupDigits(digits, minWidth, sepChar, every);
  const total = nonDigit + grouped.length;
  const n = f.width - total;
  if (n <= 0) return sign + prefix + grouped + remainder;
  switch (f.align) {
    case '<':
      return sign + prefix + grouped + remainder + rep(f.fill, n);
    case '^': {
      const l = Math.floor(n / 2);
      return rep(f.fill, l) + sign + prefix + grouped + remainder + rep(f.fill, n - l);
    }
    case '=':
      return sign + prefix + rep(f.fill, n) + grouped + remainder;
    default:
      return rep(f.fill, n) + sign + prefix + grouped + remainder;
  }
}

/** format(s, spec) for a str. */
export function formatStr(s: string, spec: string, typeName = 'str'): string {
  if (spec === '') return s;
  const f = parseFormatSpec(spec, typeName, 's', '<');
  if (f.type !== 's') throw unknownCode(f.type, typeName);
  if (f.sign !== '') throw valueError('Sign not allowed in string format specifier');
  if (f.noNeg0) throw valueError('Negative zero coercion (z) not allowed in string format specifier');
  if (f.alt) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  let chars: string[] | null = null;
  let len = s.length;
  // Python counts code points; JS strings count UTF-16 units.
  if (/[\ud800-\udfff]/.test(s)) {
    chars = Array.from(s);
    len = chars.length;
  }
  let body = s;
  if (f.precision >= 0 && len > f.precision) {
    body = chars ? chars.slice(0, f.precision).join('') : s.slice(0, f.precision);
    len = f.precision;
  }
  return pad(body, len, f);
}

/** The Python int → float conversion, with CPython's overflow error. */
export function intToFloat(v: number | bigint): number {
  if (typeof v === 'number') return v;
  const r = Number(v);
  if (!Number.isFinite(r)) throw new LibError('OverflowError', 'int too large to convert to float');
  return r;
}

/** format(v, spec) for an int (bool formats as its int value except with spec ''). */
export function formatInt(v: number | bigint, spec: string, typeName = 'int'): string {
  if (spec === '') return String(v);
  const f = parseFormatSpec(spec, typeName, 'd', '>');
  switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
      return formatFloatWith(intToFloat(v), f);
    default:
      throw unknownCode(f.type, typeName);
  }
  if (f.precision !== -1) throw valueError('Precision not allowed in integer format specifier');
  if (f.noNeg0) throw valueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (f.type === 'c') {
    if (f.sign !== '') throw valueError("Sign not allowed with integer format specifier 'c'");
    if (f.alt) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (typeof v === 'bigint' && (v > 0x7fffffffffffffffn || v < -0x8000000000000000n)) {
      throw new LibError('OverflowError', 'Python int too large to convert to C long');
    }
    if (v < 0 || v > 0x10ffff) throw new LibError('OverflowError', '%c arg not in range(0x110000)');
    return layoutNumber(f, false, '', '', String.fromCodePoint(Number(v)), false);
  }
  const negative = v < 0;
  const abs = negative ? -(v as number) : v;
  let base = 10;
  let prefix = '';
  switch (f.type) {
    case 'b':
      base = 2;
      prefix = '0b';
      break;
    case 'o':
      base = 8;
      prefix = '0o';
      break;
    case 'x':
      base = 16;
      prefix = '0x';
      break;
    case 'X':
      base = 16;
      prefix = '0X';
      break;
  }
  let digits = abs.toString(base);
  if (f.type === 'X') digits = digits.toUpperCase();
  return layoutNumber(f, negative, f.alt ? prefix : '', digits, '', f.type !== 'n');
}

/** format(x, spec) for a float. */
export function formatFloatSpec(x: number, spec: string, typeName = 'float'): string {
  if (spec === '') return floatRepr(x);
  const f = parseFormatSpec(spec, typeName, '', '>');
  switch (f.type) {
    case '':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      return formatFloatWith(x, f);
    default:
      throw unknownCode(f.type, typeName);
  }
}

/** format_float_internal. */
function formatFloatWith(x: number, f: FormatSpec): string {
  let type = f.type;
  let defaultPrecision = 6;
  let addDot0 = false;
  if (type === '') {
    addDot0 = true;
    type = 'r';
    defaultPrecision = 0;
  }
  if (type === 'n') type = 'g';
  let addPct = false;
  if (type === '%') {
    type = 'f';
    x *= 100;
    addPct = true;
  }
  let precision = f.precision;
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  let s = formatFloat(x, type, precision, { alt: f.alt, addDot0, noNeg0: f.noNeg0 });
  if (addPct) s += '%';
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    s = s.slice(1);
  }
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  return layoutNumber(f, negative, '', s.slice(0, i), s.slice(i), f.type !== 'n');
}
