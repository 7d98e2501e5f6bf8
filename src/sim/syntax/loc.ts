// Source locations: tree-sitter rows/columns (0-based, UTF-16 units in web-tree-sitter)
// to ast.ts Loc (1-based lines, 0-based columns).

import { CNode, type SyntaxNode as Node } from './cst';
import type { Loc } from './ast';

export function nodeLoc(n: Node): Loc {
  if (n instanceof CNode) return n.loc();
  const s = n.startPosition;
  const e = n.endPosition;
  return { line: s.row + 1, col: s.column, endLine: e.row + 1, endCol: e.column };
}

/** From the start of `a` to the end of `b`. */
export function spanLoc(a: Loc, b: Loc): Loc {
  return { line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
}

export function pointLoc(line: number, col: number, endCol = col + 1): Loc {
  return { line, col, endLine: line, endCol };
}

/** The whole first line, for failures that have no better position. */
export function fallbackLoc(source: string): Loc {
  const nl = source.indexOf('\n');
  return { line: 1, col: 0, endLine: 1, endCol: nl < 0 ? source.length : nl };
}

/** Named children minus comments and line continuations (extras tree-sitter puts anywhere). */
export function kids(n: Node): Node[] {
  if (n instanceof CNode) return n.kids();
  const out: Node[] = [];
  for (const c of n.namedChildren) {
    if (c && c.type !== 'comment' && c.type !== 'line_continuation') out.push(c);
  }
  return out;
}

/** All children (named and anonymous) minus comments and line continuations. */
export function allKids(n: Node): Node[] {
  if (n instanceof CNode) return n.allKids();
  const out: Node[] = [];
  for (const c of n.children) {
    if (c && c.type !== 'comment' && c.type !== 'line_continuation') out.push(c);
  }
  return out;
}

export function hasToken(n: Node, text: string): boolean {
  if (n instanceof CNode) return n.hasToken(text);
  for (const c of n.children) if (c && !c.isNamed && c.type === text) return true;
  return false;
}
