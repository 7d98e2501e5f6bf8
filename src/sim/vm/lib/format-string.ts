// str.format()'s markup parser (CPython 3.11 Objects/stringlib/unicode_format.h),
// compiled into a flat program that the builtin evaluates field by field:
//
//   {t:'lit', s}            literal text
//   {t:'mark'}              start of a nested format spec (its text is built by the ops
//                           that follow, up to the field that consumes it)
//   {t:'field', ...}        a replacement field; spec: string, or null when the spec is
//                           the text produced since the matching 'mark'
//   {t:'error', ...}        the error CPython raises when it reaches this point
//
// Errors are placed where CPython would raise them (fields before them are evaluated
// first, as in CPython).

import { asciiDigits } from './int-ops';

export type Accessor = { attr: string } | { index: number | string };

export type FormatOp =
  | { t: 'lit'; s: string }
  | { t: 'mark' }
  | { t: 'field'; first: number | string; rest: Accessor[]; conv: string; spec: string | null }
  | { t: 'error'; exc: 'ValueError'; msg: string };

interface AutoNumber {
  state: 0 | 1 | 2; // init, auto, manual
  next: number;
}

class Stop {
  constructor(readonly msg: string) {}
}

/** Compiles a format string. `positionalAllowed` false for format_map. */
export function compileFormat(fmt: string): FormatOp[] {
  const ops: FormatOp[] = [];
  const auto: AutoNumber = { state: 0, next: 0 };
  try {
    build(Array.from(fmt), 0, -1, ops, 2, auto);
  } catch (e) {
    if (e instanceof Stop) ops.push({ t: 'error', exc: 'ValueError', msg: e.msg });
    else throw e;
  }
  return ops;
}

/** get_integer: a non-negative decimal number, or -1. */
function getInteger(s: string): number {
  if (s.length === 0) return -1;
  const t = asciiDigits(s);
  if (!/^[0-9]+$/.test(t)) return -1;
  const n = Number(t);
  if (!Number.isSafeInteger(n)) throw new Stop('Too many decimal digits in format string');
  return n;
}

function build(cs: string[], start: number, end: number, ops: FormatOp[], depth: number, auto: AutoNumber): void {
  if (depth <= 0) throw new Stop('Max string recursion exceeded');
  const stop = end < 0 ? cs.length : end;
  let pos = start;
  while (pos < stop) {
    // literal text up to a brace
    const litStart = pos;
    let c = '';
    let markup = false;
    while (pos < stop) {
      c = cs[pos++]!;
      if (c === '{' || c === '}') {
        markup = true;
        break;
      }
    }
    const atEnd = pos >= stop;
    let len = pos - litStart;
    if (markup && c === '}' && (atEnd || cs[pos] !== '}')) throw new Stop("Single '}' encountered in format string");
    if (markup && atEnd && c === '{') throw new Stop("Single '{' encountered in format string");
    if (markup && !atEnd) {
      if (cs[pos] === c) {
        pos++;
        markup = false;
      } else len--;
    }
    if (len > 0) pushLit(ops, cs.slice(litStart, litStart + len).join(''));
    if (!markup) continue;
    pos = parseField(cs, pos, stop, ops, depth, auto);
  }
}

function pushLit(ops: FormatOp[], s: string): void {
  const last = ops[ops.length - 1];
  if (last && last.t === 'lit') last.s += s;
  else ops.push({ t: 'lit', s });
}

/** parse_field + output_markup's compile part; returns the position after the field. */
function parseField(cs: string[], pos: number, stop: number, ops: FormatOp[], depth: number, auto: AutoNumber): number {
  const nameStart = pos;
  let c = '';
  while (pos < stop) {
    c = cs[pos++]!;
    if (c === '{') throw new Stop("unexpected '{' in field name");
    if (c === '[') {
      while (pos < stop && cs[pos] !== ']') pos++;
      continue;
    }
    if (c === '}' || c === ':' || c === '!') break;
  }
  const nameEnd = pos - 1;
  let conv = '';
  let specStart = -1;
  let specEnd = -1;
  let needsExpanding = false;
  if (c === '!' || c === ':') {
    if (c === '!') {
      if (pos >= stop) throw new Stop('end of string while looking for conversion specifier');
      conv = cs[pos++]!;
      if (pos < stop) {
        const d = cs[pos++]!;
        if (d === '}') {
          emitField(cs, nameStart, nameEnd, conv, null, ops, depth, auto, false);
          return pos;
        }
        if (d !== ':') throw new Stop("expected ':' after conversion specifier");
      }
    }
    specStart = pos;
    let count = 1;
    let closed = false;
    while (pos < stop) {
      const d = cs[pos++]!;
      if (d === '{') {
        needsExpanding = true;
        count++;
      } else if (d === '}') {
        count--;
        if (count === 0) {
          specEnd = pos - 1;
          closed = true;
          break;
        }
      }
    }
    if (!closed) throw new Stop("unmatched '{' in format spec");
  } else if (c !== '}') {
    throw new Stop("expected '}' before end of string");
  }
  emitField(cs, nameStart, nameEnd, conv, specStart >= 0 ? [specStart, specEnd] : null, ops, depth, auto, needsExpanding);
  return pos;
}

function emitField(
  cs: string[],
  nameStart: number,
  nameEnd: number,
  conv: string,
  spec: [number, number] | null,
  ops: FormatOp[],
  depth: number,
  auto: AutoNumber,
  needsExpanding: boolean,
): void {
  const { first, rest } = splitFieldName(cs, nameStart, nameEnd, auto);
  if (conv !== '' && conv !== 'r' && conv !== 's' && conv !== 'a') {
    const code = conv.codePointAt(0)!;
    const shown = code > 32 && code < 127 ? conv : '\\x' + code.toString(16);
    // CPython raises this after the field object is obtained: keep the order.
    ops.push({ t: 'field', first, rest, conv: '\u0000' + shown, spec: '' });
    throw new Stop(`Unknown conversion specifier ${shown}`);
  }
  if (spec === null) {
    ops.push({ t: 'field', first, rest, conv, spec: '' });
    return;
  }
  if (!needsExpanding) {
    ops.push({ t: 'field', first, rest, conv, spec: cs.slice(spec[0], spec[1]).join('') });
    return;
  }
  ops.push({ t: 'mark' });
  const at = ops.length;
  build(cs, spec[0], spec[1], ops, depth - 1, auto);
  void at;
  ops.push({ t: 'field', first, rest, conv, spec: null });
}

function splitFieldName(cs: string[], start: number, end: number, auto: AutoNumber): { first: number | string; rest: Accessor[] } {
  let i = start;
  while (i < end && cs[i] !== '.' && cs[i] !== '[') i++;
  const firstStr = cs.slice(start, i).join('');
  let firstIdx = getInteger(firstStr);
  const empty = firstStr.length === 0;
  const numeric = empty || firstIdx !== -1;
  if (auto.state === 0 && numeric) auto.state = empty ? 1 : 2;
  if (numeric) {
    if (auto.state === 2 && empty) throw new Stop('cannot switch from manual field specification to automatic field numbering');
    if (auto.state === 1 && !empty) throw new Stop('cannot switch from automatic field numbering to manual field specification');
  }
  if (empty) firstIdx = auto.next++;
  const rest: Accessor[] = [];
  while (i < end) {
    const c = cs[i++]!;
    let name: string;
    if (c === '.') {
      const s = i;
      while (i < end && cs[i] !== '.' && cs[i] !== '[') i++;
      name = cs.slice(s, i).join('');
      if (name.length === 0) throw new Stop('Empty attribute in format string');
      rest.push({ attr: name });
    } else if (c === '[') {
      const s = i;
      while (i < end && cs[i] !== ']') i++;
      if (i >= end) throw new Stop("Missing ']' in format string");
      name = cs.slice(s, i).join('');
      i++;
      if (name.length === 0) throw new Stop('Empty attribute in format string');
      const n = getInteger(name);
      rest.push({ index: n === -1 ? name : n });
    } else {
      throw new Stop("Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return { first: firstIdx === -1 ? firstStr : firstIdx, rest };
}
