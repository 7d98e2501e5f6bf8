// A Python tokenizer used only to diagnose errors the way CPython's tokenizer does
// (unterminated strings, unmatched brackets, indentation, bad number literals) and to give
// error messages token positions. Parsing itself is tree-sitter's job.

import type { Loc } from './ast';
import { decodeNumber } from './literals';

export type TokType = 'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE' | 'INDENT' | 'DEDENT' | 'ENDMARKER' | 'ERRORTOKEN';

export interface Token {
  type: TokType;
  text: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** Source offset of the token's start. */
  start: number;
  /** Bracket depth before the token. */
  level: number;
}

export interface TokError {
  message: string;
  loc: Loc;
  indentation?: boolean;
}

export interface UnclosedBracket {
  char: string;
  line: number;
  col: number;
}

export interface TokenizeResult {
  tokens: Token[];
  /** The first error CPython's tokenizer would raise, if any. */
  error: TokError | null;
  /** The innermost bracket still open at the end of the file. */
  unclosed: UnclosedBracket | null;
}

const OPS3 = ['**=', '//=', '>>=', '<<=', '...', '!='];
const OPS2 = ['**', '//', '>>', '<<', '<=', '>=', '==', '!=', '->', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=', ':='];
const OPS1 = '+-*/%@&|^~<>()[]{},:;.=';
const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const ID_START = /[\p{L}\p{Nl}_]/u;
const ID_CONT = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u;

const STRING_PREFIX_CHARS = 'rRbBuUfF';
const STRING_START = /([rRbBuUfF]{0,2})(['"])/y;
const NUMBER = /0[xXoObB][0-9a-zA-Z_]*|([0-9][0-9_]*)?(\.[0-9_]*)?([eE][+-]?[0-9_]*)?[jJ]?/y;
const KEYWORD_AFTER_NUMBER = /(and|or|if|else|in|is|not|for)\b/y;

const OPS3_SET = new Set(OPS3);
const OPS2_SET = new Set([...OPS2, ...OPS3.filter((o) => o.length === 2)]);
const OP_START = new Set([...OPS3, ...OPS2].map((o) => o[0]));

/** The operator at `i` (longest match), or null. */
function operatorAt(src: string, i: number, ch: string): string | null {
  if (OP_START.has(ch)) {
    const three = src.slice(i, i + 3);
    if (OPS3_SET.has(three)) return three;
    const two = three.slice(0, 2);
    if (OPS2_SET.has(two)) return two;
  }
  return OPS1.includes(ch) ? ch : null;
}

function isIdChar(src: string, k: number): boolean {
  const c = src.charCodeAt(k);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return ID_CONT.test(String.fromCodePoint(src.codePointAt(k)!));
}

function zero(line: number, col: number): Loc {
  return { line, col, endLine: line, endCol: col };
}

/**
 * Tokenizes `src`. With `full` false (the common case of a file tree-sitter parsed without
 * errors) only the first two and the last token of each logical line are kept: enough
 * for the structural checks, and much cheaper.
 */
export function tokenize(src: string, full = true): TokenizeResult {
  const tokens: Token[] = [];
  let error: TokError | null = null;
  const brackets: { char: string; line: number; col: number }[] = [];
  const indents = [0];
  const altIndents = [0];
  const n = src.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let atLineStart = true;
  let lineHasTokens = false;
  let newlines = 0;
  for (let k = src.indexOf('\n'); k >= 0; k = src.indexOf('\n', k + 1)) newlines++;
  const totalLines = src.endsWith('\n') ? newlines : newlines + 1;

  let lineCount = 0;
  let pend = false;
  let pType: TokType = 'OP';
  let pStart = 0;
  let pEnd = 0;
  let pLine = 0;
  let pCol = 0;
  let pELine = 0;
  let pECol = 0;
  let pLevel = 0;
  const flush = (): void => {
    if (!pend) return;
    pend = false;
    tokens.push({ type: pType, text: src.slice(pStart, pEnd), line: pLine, col: pCol, endLine: pELine, endCol: pECol, start: pStart, level: pLevel });
  };
  const push = (type: TokType, start: number, end: number, sLine: number, sCol: number): void => {
    if (!full && type !== 'INDENT' && type !== 'DEDENT') {
      if (++lineCount > 2) {
        pend = true;
        pType = type;
        pStart = start;
        pEnd = end;
        pLine = sLine;
        pCol = sCol;
        pELine = line;
        pECol = end - lineStart;
        pLevel = brackets.length;
        return;
      }
    }
    tokens.push({
      type, text: src.slice(start, end), line: sLine, col: sCol, endLine: line, endCol: end - lineStart,
      start, level: brackets.length,
    });
  };
  const fail = (message: string, loc: Loc, indentation = false): TokenizeResult => {
    error = { message, loc, indentation };
    return { tokens, error, unclosed: null };
  };
  const lineEnd = (from: number): number => {
    const e = src.indexOf('\n', from);
    return e < 0 ? n : e;
  };
  const newline = (): void => {
    line++;
    lineStart = i;
  };

  while (i <= n) {
    if (atLineStart && brackets.length > 0) atLineStart = false;
    if (atLineStart) {
      // Measure indentation; blank and comment-only lines do not count.
      let col = 0;
      let alt = 0;
      let j = i;
      for (; j < n; j++) {
        const ch = src[j];
        if (ch === ' ') {
          col++;
          alt++;
        } else if (ch === '\t') {
          col = (Math.floor(col / 8) + 1) * 8;
          alt++;
        } else if (ch === '\f') {
          col = 0;
          alt = 0;
        } else break;
      }
      const ch = src[j];
      atLineStart = false;
      if (j >= n || ch === '#' || ch === '\n' || ch === '\r' || (ch === '\\' && src[j + 1] === '\n')) {
        i = j;
      } else {
        const top = indents[indents.length - 1];
        const altTop = altIndents[altIndents.length - 1];
        if (col === top) {
          if (alt !== altTop) return fail('inconsistent use of tabs and spaces in indentation', { line, col: 0, endLine: line, endCol: 1 }, true);
        } else if (col > top) {
          if (alt <= altTop) return fail('inconsistent use of tabs and spaces in indentation', { line, col: 0, endLine: line, endCol: 1 }, true);
          indents.push(col);
          altIndents.push(alt);
          push('INDENT', i, j, line, 0);
        } else {
          while (indents.length > 1 && col < indents[indents.length - 1]) {
            indents.pop();
            altIndents.pop();
            push('DEDENT', j, j, line, j - lineStart);
          }
          if (col !== indents[indents.length - 1]) {
            const len = lineEnd(j) - lineStart;
            return fail('unindent does not match any outer indentation level', { line, col: len, endLine: line, endCol: len + 1 }, true);
          }
          if (alt !== altIndents[altIndents.length - 1]) {
            return fail('inconsistent use of tabs and spaces in indentation', { line, col: 0, endLine: line, endCol: 1 }, true);
          }
        }
        i = j;
      }
    }
    if (i >= n) break;
    const ch = src[i];
    const col = i - lineStart;
    if (ch === '\n' || ch === '\r') {
      const start = i;
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      if (brackets.length === 0 && lineHasTokens) {
        flush();
        lineCount = 0;
        tokens.push({ type: 'NEWLINE', text: '\n', line, col, endLine: line, endCol: col, start, level: 0 });
        lineHasTokens = false;
      }
      newline();
      atLineStart = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\f') {
      i++;
      continue;
    }
    if (ch === '#') {
      i = lineEnd(i);
      continue;
    }
    if (ch === '\\') {
      if (src[i + 1] === '\n' || (src[i + 1] === '\r')) {
        i += src[i + 1] === '\r' && src[i + 2] === '\n' ? 3 : 2;
        newline();
        if (i >= n) return fail('unexpected EOF while parsing', zero(line, 0));
        continue;
      }
      return fail('unexpected character after line continuation character', { line, col: col + 1, endLine: line, endCol: col + 1 });
    }
    lineHasTokens = true;
    // Strings (with any valid prefix).
    let pm: RegExpExecArray | null = null;
    if (ch === '"' || ch === "'" || STRING_PREFIX_CHARS.includes(ch)) {
      STRING_START.lastIndex = i;
      pm = STRING_START.exec(src);
    }
    if (pm && /^(|r|u|b|br|rb|f|fr|rf)$/i.test(pm[1])) {
      const sLine = line;
      const start = i;
      const q = pm[2];
      const triple = src.startsWith(q + q + q, i + pm[1].length);
      let j = i + pm[1].length + (triple ? 3 : 1);
      let closed = false;
      const qc = q.charCodeAt(0);
      while (j < n) {
        const c = src.charCodeAt(j);
        if (c === 92 /* \\ */) {
          if (src.charCodeAt(j + 1) === 10) {
            j += 2;
            line++;
            lineStart = j;
            continue;
          }
          j += 2;
          continue;
        }
        if (c === 10) {
          if (!triple) break;
          j++;
          line++;
          lineStart = j;
          continue;
        }
        if (c === qc && (!triple || (src.charCodeAt(j + 1) === qc && src.charCodeAt(j + 2) === qc))) {
          j += triple ? 3 : 1;
          closed = true;
          break;
        }
        j++;
      }
      if (!closed) {
        if (triple) return fail(`unterminated triple-quoted string literal (detected at line ${totalLines})`, zero(sLine, col));
        return fail(`unterminated string literal (detected at line ${line})`, zero(sLine, col));
      }
      i = j;
      push('STRING', start, j, sLine, col);
      continue;
    }
    // Numbers.
    if ((ch >= '0' && ch <= '9') || (ch === '.' && src[i + 1] >= '0' && src[i + 1] <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src);
      let len = m ? m[0].length : 1;
      let text = src.slice(i, i + len);
      let trailing = false;
      KEYWORD_AFTER_NUMBER.lastIndex = i + len;
      if (i + len < n && isIdChar(src, i + len) && !KEYWORD_AFTER_NUMBER.test(src)) {
        while (i + len < n && isIdChar(src, i + len)) len++;
        trailing = true;
      }
      if (trailing) return fail('invalid decimal literal', zero(line, col + text.length));
      const d = decodeNumber(text);
      if (!d.ok) {
        const bad = /invalid digit '(.)'/.exec(d.message);
        if (bad) return fail(d.message, zero(line, col + text.indexOf(bad[1], 2)));
        if (d.message.startsWith('leading zeros')) return fail(d.message, { line, col, endLine: line, endCol: col + 1 });
        if (/_$/.test(text)) return fail(d.message, zero(line, col + text.length));
        return fail(d.message, zero(line, col));
      }
      text = src.slice(i, i + len);
      i += len;
      push('NUMBER', i - len, i, line, col);
      continue;
    }
    // Names.
    const cp = src.codePointAt(i)!;
    const chr = cp < 0x80 ? ch : String.fromCodePoint(cp);
    if (cp < 0x80 ? (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || cp === 95 : ID_START.test(chr)) {
      let j = i + chr.length;
      while (j < n) {
        const c = src.charCodeAt(j);
        if (c < 0x80) {
          if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) {
            j++;
            continue;
          }
          break;
        }
        const u = String.fromCodePoint(src.codePointAt(j)!);
        if (!ID_CONT.test(u)) break;
        j += u.length;
      }
      push('NAME', i, j, line, col);
      i = j;
      continue;
    }
    // Operators and brackets.
    const op = operatorAt(src, i, ch);
    if (op) {
      if (op === '(' || op === '[' || op === '{') brackets.push({ char: op, line, col });
      else if (op === ')' || op === ']' || op === '}') {
        const open = brackets.pop();
        if (!open) return fail(`unmatched '${op}'`, zero(line, col));
        if (open.char !== CLOSE[op]) {
          const where = open.line !== line ? ` on line ${open.line}` : '';
          return fail(`closing parenthesis '${op}' does not match opening parenthesis '${open.char}'${where}`, zero(line, col));
        }
      }
      push('OP', i, i + op.length, line, col);
      i += op.length;
      continue;
    }
    if (cp > 0x7f) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      return fail(`invalid character '${chr}' (U+${hex})`, zero(line, col));
    }
    // `$`, `?`, a lone `!`, a backtick: CPython's parser reports "invalid syntax" here.
    push('ERRORTOKEN', i, i + 1, line, col);
    i++;
  }
  const endCol = n - lineStart;
  flush();
  if (lineHasTokens && brackets.length === 0) {
    tokens.push({ type: 'NEWLINE', text: '', line, col: endCol, endLine: line, endCol, start: n, level: 0 });
  }
  while (indents.length > 1) {
    indents.pop();
    tokens.push({ type: 'DEDENT', text: '', line, col: endCol, endLine: line, endCol, start: n, level: 0 });
  }
  tokens.push({ type: 'ENDMARKER', text: '', line, col: endCol, endLine: line, endCol, start: n, level: brackets.length });
  const last = brackets[brackets.length - 1];
  return { tokens, error, unclosed: last ? { char: last.char, line: last.line, col: last.col } : null };
}
