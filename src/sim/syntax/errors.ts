// Syntax errors with CPython 3.11's wording and ranges. tree-sitter marks ERROR and
// MISSING nodes without messages and accepts some invalid layouts (indentation), so the
// diagnosis combines: CPython-like tokenizer errors (tokenizer.ts), structural checks on
// logical lines (indentation, blocks), and patterns on tree-sitter's error nodes.
// Only the first error is reported, with CPython's priorities.

import type { Node } from 'web-tree-sitter';
import type { Loc, SyntaxDiagnostic } from './ast';
import { nodeLoc, spanLoc } from './loc';
import { tokenize, type Token, type TokenizeResult } from './tokenizer';

interface Found {
  message: string;
  loc: Loc;
}

const before = (a: Loc, b: Loc): boolean => a.line < b.line || (a.line === b.line && a.col < b.col);
const tokLoc = (t: Token): Loc => ({ line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol });
const zeroAt = (t: Token): Loc => ({ line: t.line, col: t.col, endLine: t.line, endCol: t.col });
const diag = (f: Found): SyntaxDiagnostic => ({ kind: 'syntax', message: f.message, loc: f.loc });

/** The first syntax error of `source` (empty when tree and tokens are fine). */
export function findSyntaxErrors(root: Node, source: string): SyntaxDiagnostic[] {
  // Only a tree with errors needs every token; otherwise line summaries suffice.
  let tk = tokenize(source, root.hasError);
  // 1. Tokenizer errors win anywhere in the file (CPython re-tokenizes the whole source).
  if (tk.error) return [diag(tk.error)];
  if (!root.hasError && structural(tk.tokens) === null) return [];
  if (!root.hasError) tk = tokenize(source, true);
  // 2. Parser-level errors: the earliest of the structural ones and the tree's.
  let found: Found | null = structural(tk.tokens);
  const fromTree = root.hasError ? treeError(root, tk) : null;
  if (fromTree && (!found || before(fromTree.loc, found.loc))) found = fromTree;
  const errTok = tk.tokens.find((t) => t.type === 'ERRORTOKEN');
  if (errTok && (!found || before(tokLoc(errTok), found.loc))) found = { message: 'invalid syntax', loc: tokLoc(errTok) };
  // 3. A bracket still open at EOF explains any error after it.
  if (tk.unclosed) {
    const u = tk.unclosed;
    const at: Loc = { line: u.line, col: u.col, endLine: u.line, endCol: u.col + 1 };
    // CPython: the unclosed bracket is reported when the parser failed on a later line.
    if (!found || found.loc.line > u.line) return [{ kind: 'syntax', message: `'${u.char}' was never closed`, loc: at }];
  }
  if (found) return [diag(found)];
  if (root.hasError) {
    const first = firstBad(root);
    return [{ kind: 'syntax', message: 'invalid syntax', loc: first ? nodeLoc(first) : nodeLoc(root) }];
  }
  return [];
}

// ------------------------------------------------------------ logical lines

interface Logical {
  tokens: Token[]; // without INDENT/DEDENT/NEWLINE
  indent: boolean; // preceded by an INDENT
  newline: Token | null;
}

function logicalLines(tokens: Token[]): Logical[] {
  const out: Logical[] = [];
  let cur: Logical = { tokens: [], indent: false, newline: null };
  for (const t of tokens) {
    if (t.type === 'INDENT') cur.indent = true;
    else if (t.type === 'DEDENT' || t.type === 'ENDMARKER') continue;
    else if (t.type === 'NEWLINE') {
      cur.newline = t;
      if (cur.tokens.length > 0) out.push(cur);
      cur = { tokens: [], indent: false, newline: null };
    } else cur.tokens.push(t);
  }
  if (cur.tokens.length > 0) out.push(cur);
  return out;
}

const HEADERS: Record<string, string> = {
  if: "'if' statement", elif: "'elif' statement", else: "'else' statement", for: "'for' statement",
  while: "'while' statement", with: "'with' statement", try: "'try' statement", except: "'except' statement",
  finally: "'finally' statement", def: 'function definition', class: 'class definition',
  match: "'match' statement", case: "'case' statement",
};

function headerName(l: Logical): string | null {
  const last = l.tokens[l.tokens.length - 1];
  if (!last || last.type !== 'OP' || last.text !== ':') return null;
  let first = l.tokens[0];
  if (first.type === 'NAME' && first.text === 'async' && l.tokens[1]) first = l.tokens[1];
  if (first.type !== 'NAME') return null;
  if (first.text === 'except' && l.tokens[1]?.text === '*') return "'except*' statement";
  return HEADERS[first.text] ?? null;
}

/** Indentation and block structure, as CPython's parser reports them. */
function structural(tokens: Token[]): Found | null {
  const lines = logicalLines(tokens);
  const eof = tokens[tokens.length - 1];
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    const prev = k > 0 ? lines[k - 1] : null;
    const prevHeader = prev ? headerName(prev) : null;
    if (l.indent && !(prev && prev.tokens[prev.tokens.length - 1].text === ':')) {
      const t = l.tokens[0];
      return { message: 'unexpected indent', loc: { line: t.line, col: Math.max(0, t.col - 1), endLine: t.line, endCol: t.col } };
    }
    if (prev && prevHeader && !l.indent) {
      return { message: `expected an indented block after ${prevHeader} on line ${prev.tokens[0].line}`, loc: tokLoc(l.tokens[0]) };
    }
  }
  const last = lines[lines.length - 1];
  if (last) {
    const h = headerName(last);
    if (h) {
      const at = last.newline ?? eof;
      return { message: `expected an indented block after ${h} on line ${last.tokens[0].line}`, loc: zeroAt(at) };
    }
  }
  return tryWithoutHandler(lines, eof);
}

/** `try:` whose block is followed by neither `except` nor `finally` at the same level. */
function tryWithoutHandler(lines: Logical[], eof: Token): Found | null {
  // Track indentation depth per logical line from INDENT flags and token columns.
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    const first = l.tokens[0];
    if (first.text !== 'try' || first.type !== 'NAME') continue;
    const col = first.col;
    const oneLine = l.tokens[l.tokens.length - 1].text !== ':';
    let m = k + 1;
    if (!oneLine) while (m < lines.length && lines[m].tokens[0].col > col) m++;
    const next = lines[m];
    if (next && next.tokens[0].col === col && (next.tokens[0].text === 'except' || next.tokens[0].text === 'finally')) continue;
    if (next && next.tokens[0].col < col) {
      return { message: "expected 'except' or 'finally' block", loc: tokLoc(next.tokens[0]) };
    }
    if (!next) {
      const lastLine = lines[m - 1];
      return { message: "expected 'except' or 'finally' block", loc: zeroAt(lastLine.newline ?? eof) };
    }
    return { message: "expected 'except' or 'finally' block", loc: tokLoc(next.tokens[0]) };
  }
  return null;
}

// ------------------------------------------------------------ tree patterns

function firstBad(n: Node): Node | null {
  if (n.isError || n.isMissing) return n;
  for (const c of n.children) {
    if (c && (c.hasError || c.isMissing || c.isError)) {
      const f = firstBad(c);
      if (f) return f;
    }
  }
  return null;
}

const COMPOUND = new Set(['if', 'while', 'for', 'with', 'def', 'class', 'elif', 'except', 'async']);

const DESCRIBE: Record<string, string> = {
  call: 'function call', true: 'True', false: 'False', none: 'None', integer: 'literal', float: 'literal',
  string: 'literal', concatenated_string: 'literal', ellipsis: 'ellipsis', binary_operator: 'expression',
  unary_operator: 'expression', not_operator: 'expression', boolean_operator: 'expression',
  comparison_operator: 'comparison', lambda: 'lambda', conditional_expression: 'conditional expression',
  dictionary: 'dict literal', set: 'set display', list_comprehension: 'list comprehension',
  set_comprehension: 'set comprehension', dictionary_comprehension: 'dict comprehension',
  generator_expression: 'generator expression', yield: 'yield expression', await: 'await expression',
  named_expression: 'named expression',
};

function describe(n: Node): string | null {
  if (n.type === 'string' && /^[a-zA-Z]*[fF]/.test(n.text)) return 'f-string expression';
  return DESCRIBE[n.type] ?? null;
}

/** CPython's message for `target = value` with an invalid target node. */
function assignTargetMessage(target: Node): Found | null {
  const what = describe(target);
  if (!what) return null;
  const plain = what === 'True' || what === 'False' || what === 'None' || target.type === 'lambda' ||
    target.type === 'comparison_operator' || target.type === 'boolean_operator' || target.type === 'not_operator' ||
    target.type === 'conditional_expression' || target.type === 'yield' || target.type === 'named_expression';
  const message = plain ? `cannot assign to ${what}` : `cannot assign to ${what} here. Maybe you meant '==' instead of '='?`;
  return { message, loc: nodeLoc(target) };
}

function prevNamedSibling(n: Node): Node | null {
  let p = n.previousSibling;
  while (p && p.type === 'comment') p = p.previousSibling;
  return p;
}

function firstTokenAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const STARTS_OPERAND = new Set(['(', '[', '{', '-', '+', '~', '...']);
const BINARY = new Set(['+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^', '<', '>', '<=', '>=', '==', '!=', '=', ',', ':=', '+=', '-=', '*=', '/=', '//=', '%=', '**=', '@=', '<<=', '>>=', '&=', '|=', '^=', '->', '.']);
const KEYWORD_OPS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'import', 'from', 'as', 'return', 'lambda', 'del', 'assert', 'raise', 'yield', 'await', 'while', 'for', 'with', 'global', 'nonlocal']);

/** Scans tokens from `from` for the first one that cannot follow its predecessor. */
function badTokenFrom(tokens: Token[], from: number, to: number): Token | null {
  for (let k = Math.max(1, from); k <= to && k < tokens.length; k++) {
    const p = tokens[k - 1];
    const t = tokens[k];
    const pOp = (p.type === 'OP' && BINARY.has(p.text)) || (p.type === 'NAME' && KEYWORD_OPS.has(p.text));
    if (!pOp) continue;
    if (t.type === 'NEWLINE' || t.type === 'ENDMARKER') {
      if (p.text === 'return' || p.text === 'yield' || p.text === 'raise' || p.text === ',') continue;
      return t;
    }
    const star = (t.text === '*' || t.text === '**') && (p.text === '=' || p.text === 'in' || p.text === 'return' || p.text === 'yield');
    if (t.type === 'OP' && !STARTS_OPERAND.has(t.text) && p.text !== ',' && !star) {
      if (t.text === ')' || t.text === ']' || t.text === '}') continue;
      return t;
    }
  }
  return null;
}

function treeError(root: Node, tk: TokenizeResult): Found | null {
  const bad = firstBad(root);
  if (!bad) return null;
  const tokens = tk.tokens;
  if (bad.isMissing) {
    if (bad.type === ':') return { message: "expected ':'", loc: nodeLoc(bad) };
    const k = firstTokenAtOrAfter(tokens, bad.startIndex);
    const t = tokens[k];
    return { message: 'invalid syntax', loc: t ? tokLoc(t) : nodeLoc(bad) };
  }
  const kids = bad.children.filter((c): c is Node => !!c && c.type !== 'comment');
  const first = kids[0];
  const parent = bad.parent;
  // `else:` / `elif x:` / `except:` with no statement to attach to.
  if (first && !first.isNamed && ['else', 'elif', 'except', 'finally', 'as', 'in', 'import'].includes(first.type) && kids.length > 1) {
    return { message: 'invalid syntax', loc: nodeLoc(first) };
  }
  // A compound statement header without its colon: `if x` NEWLINE ...
  if (first && !first.isNamed && COMPOUND.has(first.type) && !kids.some((c) => c.type === ':')) {
    const k = firstTokenAtOrAfter(tokens, first.startIndex);
    let m = k;
    while (m < tokens.length && tokens[m].type !== 'NEWLINE' && tokens[m].type !== 'ENDMARKER') m++;
    const lastTok = tokens[m - 1];
    const badTok = badTokenFrom(tokens, k + 1, m);
    if (badTok && badTok !== tokens[m]) return { message: 'invalid syntax', loc: tokLoc(badTok) };
    if (lastTok && m > k + 1) return { message: "expected ':'", loc: { line: lastTok.endLine, col: lastTok.endCol, endLine: lastTok.endLine, endCol: lastTok.endCol } };
  }
  // `for f() in x:`
  if (first && first.type === 'for' && kids[1]?.isNamed && kids[2]?.type === 'in') {
    const what = describe(kids[1]);
    if (what) return { message: `cannot assign to ${what}`, loc: nodeLoc(kids[1]) };
  }
  // `f() += 1`: tree-sitter sees `f() +` and a stray `=`.
  if (kids.length === 1 && first.type === '=' && parent && parent.type === 'binary_operator' && bad.startIndex === parent.childForFieldName('operator')?.endIndex) {
    const left = parent.childForFieldName('left');
    const what = left ? describe(left) : null;
    if (left && what) return { message: `'${what}' is an illegal expression for augmented assignment`, loc: nodeLoc(left) };
  }
  const eqIdx = kids.findIndex((c) => c.type === '=');
  // `x += 1 = 2`
  if (eqIdx >= 1 && parent && (parent.type === 'augmented_assignment' || parent.type === 'assignment')) {
    return { message: 'invalid syntax', loc: nodeLoc(kids[eqIdx]) };
  }
  // `target = value` with a target that cannot be assigned to.
  if (eqIdx === 1 && kids[0].isNamed) {
    const f = assignTargetMessage(kids[0]);
    if (f) return f;
  }
  if (eqIdx === 0) {
    const prev = prevNamedSibling(bad);
    if (prev && prev.isNamed) {
      if (prev.type === 'identifier' && parent && (parent.type === 'if_statement' || parent.type === 'while_statement' || parent.type === 'elif_clause')) {
        const value = kids[1];
        return { message: "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", loc: spanLoc(nodeLoc(prev), nodeLoc(value ?? bad)) };
      }
      const f = assignTargetMessage(prev);
      if (f) return f;
    }
  }
  // Inside brackets: `{1: 2, 3}` and `f(a b)`.
  if (parent && kids.length === 1 && kids[0].isNamed) {
    const prev = prevNamedSibling(bad);
    if (parent.type === 'dictionary' && prev && (prev.type === ',' || prev.type === '{')) {
      return { message: "':' expected after dictionary key", loc: nodeLoc(bad) };
    }
    if (prev && prev.isNamed && ['argument_list', 'list', 'tuple', 'set', 'dictionary', 'parenthesized_expression', 'subscript'].includes(parent.type)) {
      return { message: 'invalid syntax. Perhaps you forgot a comma?', loc: spanLoc(nodeLoc(prev), nodeLoc(bad)) };
    }
  }
  // Generic: the first token that cannot follow the one before it, else the token after
  // the skipped region, else the region itself.
  const k0 = firstTokenAtOrAfter(tokens, bad.startIndex);
  const kEnd = firstTokenAtOrAfter(tokens, bad.endIndex);
  const badTok = badTokenFrom(tokens, k0 + 1, kEnd);
  if (badTok) return { message: 'invalid syntax', loc: tokLoc(badTok) };
  // Two operands in a row outside brackets: `x = 5 5`.
  for (let k = k0 + 1; k <= kEnd && k < tokens.length; k++) {
    const p = tokens[k - 1];
    const t = tokens[k];
    const pEnd = p.type === 'NUMBER' || p.type === 'STRING' || (p.type === 'NAME' && !KEYWORD_OPS.has(p.text)) || [')', ']', '}'].includes(p.text);
    const tStart = t.type === 'NUMBER' || (t.type === 'NAME' && !KEYWORD_OPS.has(t.text) && !['else', 'for', 'async'].includes(t.text));
    if (pEnd && tStart && t.level === 0) return { message: 'invalid syntax', loc: tokLoc(t) };
  }
  // Else where tree-sitter had to give up: the first token after the skipped region.
  const t = tokens[kEnd] ?? tokens[k0];
  return { message: 'invalid syntax', loc: t ? tokLoc(t) : nodeLoc(bad) };
}
