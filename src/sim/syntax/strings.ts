// String literals: plain, raw, bytes, implicit concatenation, f-strings (nested format
// specs, conversions, the `=` debug specifier), producing Constant or JoinedStr like CPython.

import type { SyntaxNode as Node } from './cst';
import type { Expr, Loc } from './ast';
import type { Conv } from './conv';
import { bytesOf, decodeBody as rawDecode, parsePrefix, unknownNames, type Decoded, type StringPrefix } from './literals';
import { kids, nodeLoc } from './loc';

type ExprFn = (c: Conv, n: Node) => Expr;

let current: { c: Conv; at: Node } | null = null;

/** decodeBody, reporting \N{...} names it does not know as an unsupported feature. */
function decodeBody(body: string, raw: boolean, bytes: boolean): Decoded<string> {
  unknownNames.length = 0;
  const d = rawDecode(body, raw, bytes);
  if (unknownNames.length > 0 && current) {
    current.c.unsupportedAt(`\\N{${unknownNames[0]}} escape (Unicode character names)`, nodeLoc(current.at));
  }
  unknownNames.length = 0;
  return d;
}

/** A piece of an f-string in the making: literal text or a formatted value. */
type Part = { lit: string } | { fv: Expr };

/** Converts a `string` or `concatenated_string` node. */
export function stringExpr(c: Conv, n: Node, exprFn: ExprFn): Expr {
  const saved = current;
  current = { c, at: n };
  try {
    return stringExprInner(c, n, exprFn);
  } finally {
    current = saved;
  }
}

function stringExprInner(c: Conv, n: Node, exprFn: ExprFn): Expr {
  const pieces = n.type === 'concatenated_string' ? kids(n).filter((k) => k.type === 'string') : [n];
  const loc = nodeLoc(n);
  let anyBytes = false;
  let anyText = false;
  let anyF = false;
  const prefixes: StringPrefix[] = [];
  for (const p of pieces) {
    const pre = parsePrefix(p.text);
    if (!pre) return c.bad('invalid string prefix', p);
    prefixes.push(pre);
    if (pre.bytes) anyBytes = true;
    else anyText = true;
    if (pre.fstring) anyF = true;
  }
  if (anyBytes && anyText) return c.bad('cannot mix bytes and nonbytes literals', n);

  if (anyBytes) {
    let s = '';
    for (let i = 0; i < pieces.length; i++) {
      const body = literalBody(pieces[i], prefixes[i]);
      const d = decodeBody(body, prefixes[i].raw, true);
      if (!d.ok) return c.bad(d.message, pieces[i]);
      s += d.value;
    }
    return { kind: 'Constant', loc, value: { type: 'bytes', value: bytesOf(s) } };
  }

  if (!anyF) {
    let s = '';
    for (let i = 0; i < pieces.length; i++) {
      const body = literalBody(pieces[i], prefixes[i]);
      const d = decodeBody(body, prefixes[i].raw, false);
      if (!d.ok) return c.bad(d.message, pieces[i]);
      s += d.value;
    }
    return { kind: 'Constant', loc, value: { type: 'str', value: s } };
  }

  const parts: Part[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const pre = prefixes[i];
    if (!pre.fstring) {
      const d = decodeBody(literalBody(pieces[i], pre), pre.raw, false);
      if (!d.ok) return c.bad(d.message, pieces[i]);
      parts.push({ lit: d.value });
      continue;
    }
    if (!fstringParts(c, pieces[i], pre, loc, exprFn, parts)) return { kind: 'Constant', loc, value: { type: 'None' } };
  }
  return { kind: 'JoinedStr', loc, values: joinParts(parts, loc) };
}

/** The text between the quotes of one `string` node. */
function literalBody(n: Node, pre: StringPrefix): string {
  const t = n.text;
  const end = t.endsWith(pre.quote) && t.length >= pre.openLen + pre.quote.length ? t.length - pre.quote.length : t.length;
  return t.slice(pre.openLen, end);
}

/** Merges adjacent literals, drops empty ones, makes Constant nodes (CPython 3.11 shape). */
function joinParts(parts: Part[], loc: Loc): Expr[] {
  const out: Expr[] = [];
  let pending = '';
  for (const p of parts) {
    if ('lit' in p) {
      pending += p.lit;
      continue;
    }
    if (pending) out.push({ kind: 'Constant', loc, value: { type: 'str', value: pending } });
    pending = '';
    out.push(p.fv);
  }
  if (pending) out.push({ kind: 'Constant', loc, value: { type: 'str', value: pending } });
  return out;
}

/** Literal text of an f-string segment: escapes decoded, `{{`/`}}` undoubled. */
function fLiteral(c: Conv, raw: string, pre: StringPrefix, at: Node): string | null {
  const d = decodeBody(raw, pre.raw, false);
  if (!d.ok) {
    c.bad(d.message, at);
    return null;
  }
  return d.value.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
}

/** Appends the parts of one f-string piece; false after reporting an error. */
function fstringParts(c: Conv, n: Node, pre: StringPrefix, loc: Loc, exprFn: ExprFn, parts: Part[]): boolean {
  const src = c.source;
  const start = n.startIndex + pre.openLen;
  const t = n.text;
  const end = t.endsWith(pre.quote) ? n.endIndex - pre.quote.length : n.endIndex;
  let pos = start;
  for (const k of kids(n)) {
    if (k.type !== 'interpolation') continue;
    if (k.startIndex > pos) {
      const lit = fLiteral(c, src.slice(pos, k.startIndex), pre, n);
      if (lit === null) return false;
      parts.push({ lit });
    }
    if (!interpolation(c, k, pre, loc, exprFn, parts)) return false;
    pos = k.endIndex;
  }
  if (end > pos) {
    const lit = fLiteral(c, src.slice(pos, end), pre, n);
    if (lit === null) return false;
    parts.push({ lit });
  }
  return true;
}

const CONVERSIONS: Record<string, number> = { s: 115, r: 114, a: 97 };

/** One `{expr!c:spec}` (an `interpolation` or a nested `format_expression`). */
function interpolation(c: Conv, k: Node, pre: StringPrefix, loc: Loc, exprFn: ExprFn, parts: Part[]): boolean {
  const exprNode = k.childForFieldName('expression');
  if (!exprNode) {
    c.bad("f-string: empty expression not allowed", k);
    return false;
  }
  const value = exprFn(c, exprNode);
  const convNode = k.childForFieldName('type_conversion');
  const specNode = k.childForFieldName('format_specifier');
  let conversion = -1;
  if (convNode) {
    const letter = convNode.text.replace(/^!/, '');
    const code = CONVERSIONS[letter];
    if (code === undefined) {
      c.bad("f-string: invalid conversion character: expected 's', 'r', or 'a'", convNode);
      return false;
    }
    conversion = code;
  }
  // The `=` debug specifier: an anonymous "=" child directly in the interpolation.
  let debug = false;
  for (const ch of k.children) {
    if (ch && !ch.isNamed && ch.type === '=') debug = true;
  }
  if (debug) {
    const stop = convNode ? convNode.startIndex : specNode ? specNode.startIndex : k.endIndex - 1;
    parts.push({ lit: c.source.slice(k.startIndex + 1, stop) });
    if (conversion === -1 && !specNode) conversion = 114;
  }
  let formatSpec: Expr | null = null;
  if (specNode) {
    const specParts: Part[] = [];
    let pos = specNode.startIndex + 1; // skip ':'
    for (const f of kids(specNode)) {
      if (f.type !== 'format_expression') continue;
      if (f.startIndex > pos) {
        const lit = fLiteral(c, c.source.slice(pos, f.startIndex), pre, specNode);
        if (lit === null) return false;
        specParts.push({ lit });
      }
      if (!interpolation(c, f, pre, loc, exprFn, specParts)) return false;
      pos = f.endIndex;
    }
    if (specNode.endIndex > pos) {
      const lit = fLiteral(c, c.source.slice(pos, specNode.endIndex), pre, specNode);
      if (lit === null) return false;
      specParts.push({ lit });
    }
    formatSpec = { kind: 'JoinedStr', loc, values: joinParts(specParts, loc) };
  }
  parts.push({ fv: { kind: 'FormattedValue', loc: nodeLoc(k), value, conversion, formatSpec } });
  return true;
}
