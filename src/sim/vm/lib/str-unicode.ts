// Character classes, case mapping, repr/ascii and UTF-8/ASCII/Latin-1 codecs with
// CPython 3.11 semantics, on JS strings (UTF-16; Python indexes by code point).

import { LibError } from './errors';

/** Python's whitespace (Py_UNICODE_ISSPACE): bidi WS/B/S or category Zs. */
export const PY_WS_CLASS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WS_RE = new RegExp(`^[${PY_WS_CLASS}]$`);

export function isSpaceChar(c: string): boolean {
  return WS_RE.test(c);
}

/** True if the string has UTF-16 surrogates (then code point indexing differs). */
export function hasSurrogates(s: string): boolean {
  return /[\ud800-\udfff]/.test(s);
}

/** len() of a Python str. */
export function cpLength(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Code points of a string (lone surrogates kept as single units). */
export function codePoints(s: string): string[] {
  return hasSurrogates(s) ? Array.from(s) : s.split('');
}

const RE_ALPHA = /^\p{L}+$/u;
const RE_DECIMAL = /^\p{Nd}+$/u;
// Characters with Numeric_Type=Digit that are not decimal (superscripts, circled digits...).
const DIGIT_EXTRA =
  '\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{1f100}-\u{1f10a}';
const RE_DIGIT = new RegExp(`^[\\p{Nd}${DIGIT_EXTRA}]+$`, 'u');
// Numeric: categories Nd Nl No, plus CJK ideographs with a numeric value.
const NUMERIC_HAN = '\u3007\u4e00\u4e03\u4e07\u4e09\u4e5d\u4e8c\u4e94\u516b\u516d\u5341\u5343\u5344\u5345\u56db\u58f1\u58f9\u5e7a\u5efe\u5eff\u5f0c\u5f0d\u5f0e\u5f10\u62fe\u634c\u67d2\u6f06\u7396\u767e\u8086\u842c\u8cae\u8cb3\u8d30\u96f6\u9621\u9646\u964c\u9678\u4edf\u4f0d\u5104\u5146\u4eac\u5793';
const RE_NUMERIC = new RegExp(`^[\\p{N}${NUMERIC_HAN}]+$`, 'u');
const RE_CASED = /\p{Cased}/u;
const RE_UPPER = /\p{Uppercase}/u;
const RE_LOWER = /\p{Lowercase}/u;
const RE_TITLE = /\p{Lt}/u;
const RE_NONPRINT = /[\p{C}\p{Z}]/u;
const RE_XID_START = /^[\p{XID_Start}_]$/u;
const RE_XID_CONT = /^\p{XID_Continue}$/u;

export const isAlpha = (s: string) => s.length > 0 && RE_ALPHA.test(s);
export const isDecimal = (s: string) => s.length > 0 && RE_DECIMAL.test(s);
export const isDigit = (s: string) => s.length > 0 && RE_DIGIT.test(s);
export const isNumeric = (s: string) => s.length > 0 && RE_NUMERIC.test(s);

export function isAlnum(s: string): boolean {
  if (s.length === 0) return false;
  for (const c of s) if (!RE_ALPHA.test(c) && !RE_NUMERIC.test(c) && !RE_DIGIT.test(c)) return false;
  return true;
}

export function isSpace(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!WS_RE.test(s[i])) return false;
  return true;
}

export function isAscii(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s);
}

export function isUpper(s: string): boolean {
  let cased = false;
  for (const c of s) {
    if (RE_LOWER.test(c) || RE_TITLE.test(c)) return false;
    if (!cased && RE_UPPER.test(c)) cased = true;
  }
  return cased;
}

export function isLower(s: string): boolean {
  let cased = false;
  for (const c of s) {
    if (RE_UPPER.test(c) || RE_TITLE.test(c)) return false;
    if (!cased && RE_LOWER.test(c)) cased = true;
  }
  return cased;
}

export function isTitle(s: string): boolean {
  let cased = false;
  let prevCased = false;
  for (const c of s) {
    if (RE_UPPER.test(c) || RE_TITLE.test(c)) {
      if (prevCased) return false;
      prevCased = cased = true;
    } else if (RE_LOWER.test(c)) {
      if (!prevCased) return false;
      prevCased = cased = true;
    } else prevCased = false;
  }
  return cased;
}

export function isIdentifier(s: string): boolean {
  const cs = Array.from(s);
  if (cs.length === 0 || !RE_XID_START.test(cs[0])) return false;
  for (let i = 1; i < cs.length; i++) if (!RE_XID_CONT.test(cs[i])) return false;
  return true;
}

export function isPrintableChar(c: string): boolean {
  return c === ' ' || !RE_NONPRINT.test(c);
}

export function isPrintable(s: string): boolean {
  for (const c of s) if (!isPrintableChar(c)) return false;
  return true;
}

export function isCasedChar(c: string): boolean {
  return RE_CASED.test(c);
}

// Title case where it differs from the first letter of the upper case.
const TITLE_MAP: Record<string, string> = {
  '\u01c4': '\u01c5',
  '\u01c5': '\u01c5',
  '\u01c6': '\u01c5',
  '\u01c7': '\u01c8',
  '\u01c8': '\u01c8',
  '\u01c9': '\u01c8',
  '\u01ca': '\u01cb',
  '\u01cb': '\u01cb',
  '\u01cc': '\u01cb',
  '\u01f1': '\u01f2',
  '\u01f2': '\u01f2',
  '\u01f3': '\u01f2',
};

/** Full title-case mapping of one code point. */
export function titleChar(c: string): string {
  const t = TITLE_MAP[c];
  if (t !== undefined) return t;
  const u = c.toUpperCase();
  if (u.length <= 1 || (u.length === 2 && Array.from(u).length === 1)) return u;
  const cs = Array.from(u);
  return cs[0] + cs.slice(1).join('').toLowerCase();
}

const RE_CASE_IGNORABLE = /\p{Case_Ignorable}/u;

/** Lower case of cs[i], with the final-sigma rule of CPython's handle_capital_sigma. */
function lowerAt(cs: string[], i: number): string {
  const c = cs[i];
  if (c !== '\u03a3') return c.toLowerCase();
  let j = i - 1;
  while (j >= 0 && RE_CASE_IGNORABLE.test(cs[j])) j--;
  const before = j >= 0 && RE_CASED.test(cs[j]);
  j = i + 1;
  while (j < cs.length && RE_CASE_IGNORABLE.test(cs[j])) j++;
  const after = j < cs.length && RE_CASED.test(cs[j]);
  return before && !after ? '\u03c2' : '\u03c3';
}

export function capitalize(s: string): string {
  if (s.length === 0) return s;
  const cs = Array.from(s);
  let out = titleChar(cs[0]);
  for (let i = 1; i < cs.length; i++) out += lowerAt(cs, i);
  return out;
}

export function title(s: string): string {
  const cs = Array.from(s);
  let out = '';
  let prevCased = false;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    out += prevCased ? lowerAt(cs, i) : titleChar(c);
    prevCased = RE_CASED.test(c);
  }
  return out;
}

export function swapcase(s: string): string {
  const cs = Array.from(s);
  let out = '';
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    if (RE_UPPER.test(c)) out += lowerAt(cs, i);
    else if (RE_LOWER.test(c)) out += c.toUpperCase();
    else out += c;
  }
  return out;
}

export function casefold(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const c of s) {
    if (c === '\u0131') out += c;
    else out += c.toUpperCase().toLowerCase();
  }
  return out;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** repr(str): CPython's quote choice and escapes. asciiOnly: ascii(). */
export function strRepr(s: string, asciiOnly = false): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  // Fast path: printable ASCII without quote or backslash.
  let simple = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === 0x5c || s[i] === quote) {
      simple = false;
      break;
    }
  }
  if (simple) return quote + s + quote;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    let ch = s[i];
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (d - 0xdc00);
        ch = s.slice(i, i + 2);
        i++;
      }
    }
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (!asciiOnly && isPrintableChar(ch)) out += ch;
    else if (cp <= 0xff) out += '\\x' + hex(cp, 2);
    else if (cp <= 0xffff) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + quote;
}

/** repr(bytes) body for a byte array: b'...' with CPython's escapes. */
export function bytesRepr(b: ArrayLike<number>, prefix = 'b'): string {
  let hasSingle = false;
  let hasDouble = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) hasSingle = true;
    else if (b[i] === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = prefix + quote;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === quote.charCodeAt(0) || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

function encodeError(encoding: string, s: string, start: number, end: number, reason: string): LibError {
  const cps = codePoints(s);
  const ch = cps[start];
  const cp = ch.codePointAt(0)!;
  const esc = cp <= 0xff ? '\\x' + hex(cp, 2) : cp <= 0xffff ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
  const what = end - start === 1 ? `character '${esc}' in position ${start}` : `characters in position ${start}-${end - 1}`;
  return new LibError('UnicodeEncodeError', `'${encoding}' codec can't encode ${what}: ${reason}`);
}

/** Normalizes an encoding name as Python's codec lookup does, for the codecs we have. */
export function normalizeEncoding(name: string): string | null {
  const n = name.toLowerCase().replace(/[-_ ]/g, '');
  if (n === 'utf8' || n === 'u8' || n === 'utf') return 'utf-8';
  if (n === 'ascii' || n === 'usascii' || n === '646') return 'ascii';
  if (n === 'latin1' || n === 'latin' || n === 'l1' || n === 'iso88591' || n === 'cp819' || n === '8859') return 'latin-1';
  return null;
}

/**
 * str.encode(encoding, errors) for utf-8/ascii/latin-1 with errors strict, ignore,
 * replace, backslashreplace. The encoding must be normalized (normalizeEncoding).
 */
export function encodeStr(s: string, encoding: string, errors = 'strict'): Uint8Array {
  const out: number[] = [];
  const cps = codePoints(s);
  const limit = encoding === 'ascii' ? 0x80 : encoding === 'latin-1' ? 0x100 : 0x110000;
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i].codePointAt(0)!;
    const surrogate = cp >= 0xd800 && cp <= 0xdfff;
    if (cp < limit && !(surrogate && encoding === 'utf-8')) {
      if (encoding !== 'utf-8' || cp < 0x80) out.push(cp);
      else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
      else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      continue;
    }
    if (errors === 'ignore') continue;
    if (errors === 'replace') {
      out.push(0x3f);
      continue;
    }
    if (errors === 'backslashreplace') {
      const esc = cp <= 0xff ? '\\x' + hex(cp, 2) : cp <= 0xffff ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
      for (const c of esc) out.push(c.charCodeAt(0));
      continue;
    }
    // strict: the error covers the run of unencodable characters.
    let j = i + 1;
    while (j < cps.length) {
      const c2 = cps[j].codePointAt(0)!;
      const bad = c2 >= limit || (encoding === 'utf-8' && c2 >= 0xd800 && c2 <= 0xdfff);
      if (!bad) break;
      j++;
    }
    const reason = encoding === 'utf-8' ? 'surrogates not allowed' : `ordinal not in range(${limit})`;
    throw encodeError(encoding, s, i, j, reason);
  }
  return Uint8Array.from(out);
}

function decodeError(encoding: string, b: ArrayLike<number>, start: number, end: number, reason: string): LibError {
  const what =
    end - start === 1 ? `byte 0x${hex(b[start], 2)} in position ${start}` : `bytes in position ${start}-${end - 1}`;
  return new LibError('UnicodeDecodeError', `'${encoding}' codec can't decode ${what}: ${reason}`);
}

/** bytes.decode(encoding, errors) for utf-8/ascii/latin-1. */
export function decodeBytes(b: ArrayLike<number>, encoding: string, errors = 'strict'): string {
  let out = '';
  const n = b.length;
  const bad = (start: number, end: number, reason: string): void => {
    if (errors === 'ignore') return;
    if (errors === 'replace') {
      out += '\ufffd';
      return;
    }
    if (errors === 'backslashreplace') {
      for (let k = start; k < end; k++) out += '\\x' + hex(b[k], 2);
      return;
    }
    throw decodeError(encoding, b, start, end, reason);
  };
  if (encoding !== 'utf-8') {
    for (let i = 0; i < n; i++) {
      if (encoding === 'ascii' && b[i] >= 0x80) bad(i, i + 1, 'ordinal not in range(128)');
      else out += String.fromCharCode(b[i]);
    }
    return out;
  }
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 0x0f;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 0x07;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else {
      bad(i, i + 1, 'invalid start byte');
      i++;
      continue;
    }
    let j = 1;
    let ok = true;
    for (; j <= need; j++) {
      if (i + j >= n) {
        ok = false;
        break;
      }
      const d = b[i + j];
      const l = j === 1 ? lo : 0x80;
      const h = j === 1 ? hi : 0xbf;
      if (d < l || d > h) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (d & 0x3f);
    }
    if (!ok) {
      if (i + j >= n) {
        bad(i, n, 'unexpected end of data');
        i = n;
      } else {
        bad(i, i + j, 'invalid continuation byte');
        i += j;
      }
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}
