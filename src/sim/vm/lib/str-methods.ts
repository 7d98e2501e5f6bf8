// Python str methods as JS functions on JS strings, with CPython 3.11 semantics.
// Python indexes strings by code point; these functions take and return code point
// indices (identical to UTF-16 indices when the string has no surrogates).
// Optional start/end arguments are null for None, already converted to numbers.

import { valueError, rep } from './errors';
import { PY_WS_CLASS, codePoints, cpLength, hasSurrogates, isSpaceChar } from './str-unicode';

export { strRepr } from './str-unicode';

const LEADING_WS = new RegExp(`^[${PY_WS_CLASS}]+`);
const TRAILING_WS = new RegExp(`[${PY_WS_CLASS}]+$`);

/** CPython's ADJUST_INDICES for str slices: [start, end] clamped into [0, len]. */
export function adjustIndices(start: number | null, end: number | null, len: number): [number, number] {
  let s = start ?? 0;
  let e = end ?? len;
  if (e > len) e = len;
  else if (e < 0) {
    e += len;
    if (e < 0) e = 0;
  }
  if (s < 0) {
    s += len;
    if (s < 0) s = 0;
  }
  return [s, e];
}

/** UTF-16 offset of code point index i (i ≤ length). */
export function cpToUnit(s: string, i: number): number {
  if (!hasSurrogates(s)) return i;
  let u = 0;
  for (let k = 0; k < i && u < s.length; k++) {
    const c = s.charCodeAt(u);
    u += c >= 0xd800 && c <= 0xdbff && u + 1 < s.length && (s.charCodeAt(u + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return u;
}

/** Code point index of UTF-16 offset u. */
export function unitToCp(s: string, u: number): number {
  if (!hasSurrogates(s)) return u;
  return cpLength(s.slice(0, u));
}

/** s[start:end] in code points (0 ≤ start ≤ end ≤ len). */
function cpSlice(s: string, start: number, end: number): string {
  if (!hasSurrogates(s)) return s.slice(start, end);
  return s.slice(cpToUnit(s, start), cpToUnit(s, end));
}

export function find(s: string, sub: string, start: number | null = null, end: number | null = null): number {
  const len = cpLength(s);
  const [st, en] = adjustIndices(start, end, len);
  const subLen = cpLength(sub);
  if (en - st < subLen) return -1;
  if (!hasSurrogates(s)) {
    const i = s.indexOf(sub, st);
    return i >= 0 && i + sub.length <= en ? i : -1;
  }
  const us = cpToUnit(s, st);
  const ue = cpToUnit(s, en);
  const i = s.indexOf(sub, us);
  return i >= 0 && i + sub.length <= ue ? unitToCp(s, i) : -1;
}

export function rfind(s: string, sub: string, start: number | null = null, end: number | null = null): number {
  const len = cpLength(s);
  const [st, en] = adjustIndices(start, end, len);
  const subLen = cpLength(sub);
  if (en - st < subLen) return -1;
  const us = cpToUnit(s, st);
  const ue = cpToUnit(s, en);
  const i = s.lastIndexOf(sub, ue - sub.length);
  return i >= us ? unitToCp(s, i) : -1;
}

export function index(s: string, sub: string, start: number | null = null, end: number | null = null): number {
  const i = find(s, sub, start, end);
  if (i < 0) throw valueError('substring not found');
  return i;
}

export function rindex(s: string, sub: string, start: number | null = null, end: number | null = null): number {
  const i = rfind(s, sub, start, end);
  if (i < 0) throw valueError('substring not found');
  return i;
}

export function count(s: string, sub: string, start: number | null = null, end: number | null = null): number {
  const len = cpLength(s);
  const [st, en] = adjustIndices(start, end, len);
  if (en < st) return 0;
  if (sub.length === 0) return en - st + 1;
  const body = cpSlice(s, st, en);
  let n = 0;
  let i = body.indexOf(sub);
  while (i >= 0) {
    n++;
    i = body.indexOf(sub, i + sub.length);
  }
  return n;
}

function tailmatch(s: string, sub: string, start: number | null, end: number | null, atEnd: boolean): boolean {
  const len = cpLength(s);
  let [st, en] = adjustIndices(start, end, len);
  const subLen = cpLength(sub);
  en -= subLen;
  if (en < st) return false;
  if (subLen === 0) return true;
  const body = cpSlice(s, st, en + subLen);
  return atEnd ? body.endsWith(sub) : body.startsWith(sub);
}

export function startswith(s: string, prefix: string | string[], start: number | null = null, end: number | null = null): boolean {
  if (typeof prefix === 'string') return tailmatch(s, prefix, start, end, false);
  return prefix.some((p) => tailmatch(s, p, start, end, false));
}

export function endswith(s: string, suffix: string | string[], start: number | null = null, end: number | null = null): boolean {
  if (typeof suffix === 'string') return tailmatch(s, suffix, start, end, true);
  return suffix.some((p) => tailmatch(s, p, start, end, true));
}

/** str.split(sep, maxsplit). */
export function split(s: string, sep: string | null = null, maxsplit = -1): string[] {
  if (maxsplit < 0) maxsplit = Number.MAX_SAFE_INTEGER;
  if (sep === null) return splitWhitespace(s, maxsplit);
  if (sep.length === 0) throw valueError('empty separator');
  const out: string[] = [];
  let i = 0;
  while (out.length < maxsplit) {
    const j = s.indexOf(sep, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n && isSpaceChar(s[i])) i++;
  while (i < n) {
    if (out.length >= maxsplit) {
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < n && !isSpaceChar(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
    while (i < n && isSpaceChar(s[i])) i++;
  }
  return out;
}

/** str.rsplit(sep, maxsplit). */
export function rsplit(s: string, sep: string | null = null, maxsplit = -1): string[] {
  if (maxsplit < 0) return split(s, sep, -1);
  const out: string[] = [];
  if (sep === null) {
    let i = s.length - 1;
    while (i >= 0 && isSpaceChar(s[i])) i--;
    while (i >= 0) {
      if (out.length >= maxsplit) {
        out.push(s.slice(0, i + 1));
        break;
      }
      let j = i;
      while (j >= 0 && !isSpaceChar(s[j])) j--;
      out.push(s.slice(j + 1, i + 1));
      i = j;
      while (i >= 0 && isSpaceChar(s[i])) i--;
    }
    return out.reverse();
  }
  if (sep.length === 0) throw valueError('empty separator');
  let end = s.length;
  while (out.length < maxsplit) {
    const j = end - sep.length < 0 ? -1 : s.lastIndexOf(sep, end - sep.length);
    if (j < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

const LINE_BREAKS = new Set(['\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029']);

export function splitlines(s: string, keepends = false): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && !LINE_BREAKS.has(s[j])) j++;
    let eol = j;
    if (j < n) {
      eol = s[j] === '\r' && s[j + 1] === '\n' ? j + 2 : j + 1;
    }
    out.push(s.slice(i, keepends ? eol : j));
    i = eol;
  }
  return out;
}

function charSet(chars: string): Set<string> {
  return new Set(codePoints(chars));
}

export function strip(s: string, chars: string | null = null): string {
  return rstrip(lstrip(s, chars), chars);
}

export function lstrip(s: string, chars: string | null = null): string {
  if (chars === null) return s.replace(LEADING_WS, '');
  const set = charSet(chars);
  const cs = codePoints(s);
  let i = 0;
  while (i < cs.length && set.has(cs[i])) i++;
  return i === 0 ? s : cs.slice(i).join('');
}

export function rstrip(s: string, chars: string | null = null): string {
  if (chars === null) return s.replace(TRAILING_WS, '');
  const set = charSet(chars);
  const cs = codePoints(s);
  let j = cs.length;
  while (j > 0 && set.has(cs[j - 1])) j--;
  return j === cs.length ? s : cs.slice(0, j).join('');
}

export function replace(s: string, old: string, repl: string, maxcount = -1): string {
  if (maxcount < 0) maxcount = Number.MAX_SAFE_INTEGER;
  if (maxcount === 0) return s;
  if (old.length === 0) {
    const cs = codePoints(s);
    let out = '';
    let n = 0;
    for (let i = 0; i <= cs.length; i++) {
      if (n < maxcount) {
        out += repl;
        n++;
      }
      if (i < cs.length) out += cs[i];
    }
    return out;
  }
  if (maxcount === Number.MAX_SAFE_INTEGER) return s.split(old).join(repl);
  let out = '';
  let i = 0;
  let n = 0;
  while (n < maxcount) {
    const j = s.indexOf(old, i);
    if (j < 0) break;
    out += s.slice(i, j) + repl;
    i = j + old.length;
    n++;
  }
  return out + s.slice(i);
}

export function partition(s: string, sep: string): [string, string, string] {
  if (sep.length === 0) throw valueError('empty separator');
  const i = s.indexOf(sep);
  if (i < 0) return [s, '', ''];
  return [s.slice(0, i), sep, s.slice(i + sep.length)];
}

export function rpartition(s: string, sep: string): [string, string, string] {
  if (sep.length === 0) throw valueError('empty separator');
  const i = s.lastIndexOf(sep);
  if (i < 0) return ['', '', s];
  return [s.slice(0, i), sep, s.slice(i + sep.length)];
}

export function center(s: string, width: number, fill = ' '): string {
  const len = cpLength(s);
  if (width <= len) return s;
  const marg = width - len;
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return rep(fill, left) + s + rep(fill, marg - left);
}

export function ljust(s: string, width: number, fill = ' '): string {
  const len = cpLength(s);
  return width <= len ? s : s + rep(fill, width - len);
}

export function rjust(s: string, width: number, fill = ' '): string {
  const len = cpLength(s);
  return width <= len ? s : rep(fill, width - len) + s;
}

export function zfill(s: string, width: number): string {
  const len = cpLength(s);
  if (width <= len) return s;
  const fill = width - len;
  const padded = rep('0', fill) + s;
  if (s[0] === '+' || s[0] === '-') return s[0] + rep('0', fill) + s.slice(1);
  return padded;
}

export function expandtabs(s: string, tabsize = 8): string {
  let out = '';
  let col = 0;
  for (const c of s) {
    if (c === '\t') {
      if (tabsize > 0) {
        const n = tabsize - (col % tabsize);
        out += rep(' ', n);
        col += n;
      }
    } else {
      out += c;
      col++;
      if (c === '\n' || c === '\r') col = 0;
    }
  }
  return out;
}

export function removeprefix(s: string, prefix: string): string {
  return prefix.length > 0 && s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

export function removesuffix(s: string, suffix: string): string {
  return suffix.length > 0 && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}

/** s * n. */
export function repeat(s: string, n: number): string {
  return rep(s, n);
}

/** Python's str ordering (by code point, not UTF-16 unit): -1, 0, 1. */
export function compareStr(a: string, b: string): number {
  if (a === b) return 0;
  if (!hasSurrogates(a) && !hasSurrogates(b)) return a < b ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
