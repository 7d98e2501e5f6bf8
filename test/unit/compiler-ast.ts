// Small builders for hand-made ASTs in compiler tests (before/independent of the parser).
import type { Arguments, CmpOpKind, Expr, ExprContext, Keyword, Loc, Module, OperatorKind, Stmt } from '../../src/sim/syntax/ast';

let line = 1;
/** Each statement built gets the next line number. */
export function L(): Loc {
  return { line, col: 0, endLine: line, endCol: 1 };
}
export function resetLines(): void {
  line = 1;
}
function stmtLoc(): Loc {
  const l = L();
  line++;
  return l;
}

export const mod = (...body: Stmt[]): Module => ({ kind: 'Module', body });
export const n = (id: string, ctx: ExprContext = 'Load'): Expr => ({ kind: 'Name', loc: L(), id, ctx });
export const st = (id: string): Expr => n(id, 'Store');
export const int = (v: number | bigint): Expr => ({ kind: 'Constant', loc: L(), value: { type: 'int', value: BigInt(v) } });
export const str = (v: string): Expr => ({ kind: 'Constant', loc: L(), value: { type: 'str', value: v } });
export const none = (): Expr => ({ kind: 'Constant', loc: L(), value: { type: 'None' } });
export const bin = (left: Expr, op: OperatorKind, right: Expr): Expr => ({ kind: 'BinOp', loc: L(), left, op, right });
export const cmp = (left: Expr, ops: CmpOpKind[], comparators: Expr[]): Expr => ({ kind: 'Compare', loc: L(), left, ops, comparators });
export const call = (func: Expr, args: Expr[] = [], keywords: Keyword[] = []): Expr => ({ kind: 'Call', loc: L(), func, args, keywords });
export const kw = (arg: string | null, value: Expr): Keyword => ({ arg, value, loc: L() });
export const attr = (value: Expr, a: string, ctx: ExprContext = 'Load'): Expr => ({ kind: 'Attribute', loc: L(), value, attr: a, ctx });
export const tuple = (elts: Expr[], ctx: ExprContext = 'Load'): Expr => ({ kind: 'Tuple', loc: L(), elts, ctx });
export const list = (elts: Expr[], ctx: ExprContext = 'Load'): Expr => ({ kind: 'List', loc: L(), elts, ctx });
export const starred = (value: Expr, ctx: ExprContext = 'Load'): Expr => ({ kind: 'Starred', loc: L(), value, ctx });
export const yld = (value: Expr | null = null): Expr => ({ kind: 'Yield', loc: L(), value });
export const listcomp = (elt: Expr, target: Expr, iter: Expr, ifs: Expr[] = []): Expr => ({
  kind: 'ListComp',
  loc: L(),
  elt,
  generators: [{ target, iter, ifs, isAsync: false }],
});
export const lambda = (params: string[], body: Expr): Expr => ({ kind: 'Lambda', loc: L(), args: args(params), body });

export function args(params: string[], defaults: Expr[] = []): Arguments {
  return {
    posonlyargs: [],
    args: params.map((name) => ({ name, annotation: null, loc: L() })),
    vararg: null,
    kwonlyargs: [],
    kwDefaults: [],
    kwarg: null,
    defaults,
  };
}

export const expr = (value: Expr): Stmt => ({ kind: 'Expr', loc: stmtLoc(), value });
export const assign = (target: Expr, value: Expr): Stmt => ({ kind: 'Assign', loc: stmtLoc(), targets: [target], value });
export const ret = (value: Expr | null = null): Stmt => ({ kind: 'Return', loc: stmtLoc(), value });
export const pass = (): Stmt => ({ kind: 'Pass', loc: stmtLoc() });
export const brk = (): Stmt => ({ kind: 'Break', loc: stmtLoc() });
export const cont = (): Stmt => ({ kind: 'Continue', loc: stmtLoc() });
export const global_ = (...names: string[]): Stmt => ({ kind: 'Global', loc: stmtLoc(), names });
export const nonlocal = (...names: string[]): Stmt => ({ kind: 'Nonlocal', loc: stmtLoc(), names });
export const if_ = (test: Expr, body: Stmt[], orelse: Stmt[] = []): Stmt => ({ kind: 'If', loc: stmtLoc(), test, body, orelse });
export const while_ = (test: Expr, body: Stmt[], orelse: Stmt[] = []): Stmt => ({ kind: 'While', loc: stmtLoc(), test, body, orelse });
export const for_ = (target: Expr, iter: Expr, body: Stmt[], orelse: Stmt[] = []): Stmt => ({ kind: 'For', loc: stmtLoc(), target, iter, body, orelse });
export const def = (name: string, params: string[], body: Stmt[], defaults: Expr[] = []): Stmt => ({
  kind: 'FunctionDef',
  loc: stmtLoc(),
  name,
  args: args(params, defaults),
  body,
  decorators: [],
  returns: null,
  docstring: null,
});
export const cls = (name: string, bases: Expr[], body: Stmt[]): Stmt => ({
  kind: 'ClassDef',
  loc: stmtLoc(),
  name,
  bases,
  keywords: [],
  body,
  decorators: [],
  docstring: null,
});
export const try_ = (body: Stmt[], handlers: { type: Expr | null; name: string | null; body: Stmt[] }[], orelse: Stmt[] = [], finalbody: Stmt[] = []): Stmt => ({
  kind: 'Try',
  loc: stmtLoc(),
  body,
  handlers: handlers.map((h) => ({ ...h, loc: L() })),
  orelse,
  finalbody,
});
export const with_ = (ctx: Expr, vars: Expr | null, body: Stmt[]): Stmt => ({
  kind: 'With',
  loc: stmtLoc(),
  items: [{ contextExpr: ctx, optionalVars: vars }],
  body,
});
