// Functions, lambdas, classes and comprehensions: each body becomes a nested code object
// (a constant), turned into a function at run time by MAKE_FUNCTION.

import type { Arguments, Comprehension, Expr, ExprOf, Loc, StmtOf } from '../syntax/ast';
import type { CodeObject } from './code';
import type { Compiler } from './compile';
import { docstringOf } from './compile';
import { callHelper, compileAssignTarget, compileExpr, compileJumpIf } from './compile-expr';
import { compileBody, hasAnnotations } from './compile-stmt';
import { MakeFunctionFlags, Op } from './opcodes';
import { type Scope, Sc } from './symtable';

/** CPython's compiler_set_qualname. */
function qualnameFor(c: Compiler, child: Scope, name: string): string {
  const parent = c.u;
  const ps = parent.scope;
  if (ps.kind === 'module') return name;
  if ((child.kind === 'function' || child.kind === 'class') && ps.resolve(ps.mangle(name)) === Sc.GLOBAL_EXPLICIT) {
    return name;
  }
  // Functions and lambdas add `.<locals>`; classes and comprehensions do not (CPython).
  const base = ps.kind === 'function' || ps.kind === 'lambda' ? `${parent.qualname}.<locals>` : parent.qualname;
  return `${base}.${name}`;
}

/**
 * Pushes the function made from `code` (defaults, kwdefaults and closure first).
 * `emitDefaults` emits the defaults/kwdefaults and returns the flags it used.
 */
function makeFunction(c: Compiler, code: CodeObject, flags: number): void {
  if (code.freevars.length > 0) {
    for (const name of code.freevars) c.emit(Op.LOAD_CLOSURE, c.u.cell(name));
    c.emit(Op.BUILD_TUPLE, code.freevars.length);
    flags |= MakeFunctionFlags.CLOSURE;
  }
  c.loadConst({ type: 'code', code });
  c.emit(Op.MAKE_FUNCTION, flags);
}

function compileDefaults(c: Compiler, args: Arguments, scope: Scope): number {
  let flags = 0;
  if (args.defaults.length > 0) {
    for (const d of args.defaults) compileExpr(c, d);
    c.emit(Op.BUILD_TUPLE, args.defaults.length);
    flags |= MakeFunctionFlags.DEFAULTS;
  }
  let n = 0;
  args.kwonlyargs.forEach((a, i) => {
    const d = args.kwDefaults[i];
    if (!d) return;
    c.loadConst({ type: 'str', value: scope.mangle(a.name) });
    compileExpr(c, d);
    n++;
  });
  if (n > 0) {
    c.emit(Op.BUILD_MAP, n);
    flags |= MakeFunctionFlags.KWDEFAULTS;
  }
  return flags;
}

/** f.__annotations__ as CPython 3.11 evaluates it at def time: parameters in order, then
 *  'return'. Returns the MAKE_FUNCTION flag it used (0 when there is none). */
function compileAnnotations(c: Compiler, args: Arguments, returns: Expr | null, scope: Scope): number {
  const params = [
    ...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []),
    ...args.kwonlyargs, ...(args.kwarg ? [args.kwarg] : []),
  ];
  let n = 0;
  for (const a of params) {
    if (!a.annotation) continue;
    c.loadConst({ type: 'str', value: scope.mangle(a.name) });
    compileExpr(c, a.annotation);
    n++;
  }
  if (returns) {
    c.loadConst({ type: 'str', value: 'return' });
    compileExpr(c, returns);
    n++;
  }
  if (n === 0) return 0;
  c.emit(Op.BUILD_MAP, n);
  return MakeFunctionFlags.ANNOTATIONS;
}

function argCounts(args: Arguments): [number, number, number] {
  return [args.posonlyargs.length + args.args.length, args.posonlyargs.length, args.kwonlyargs.length];
}

export function compileFunctionDef(c: Compiler, s: StmtOf<'FunctionDef'>): void {
  for (const d of s.decorators) {
    c.at(d.loc, () => {
      c.emit(Op.PUSH_NULL);
      compileExpr(c, d);
    });
  }
  const scope = c.st.scopeOf(s);
  const flags = compileDefaults(c, s.args, scope) | compileAnnotations(c, s.args, s.returns, scope);
  const qualname = qualnameFor(c, scope, s.name);
  const firstLine = s.decorators.length > 0 ? s.decorators[0].loc.line : s.loc.line;
  const u = c.enter(scope, s.name, qualname, firstLine, s.loc);
  let body = s.body;
  const bodyDoc = docstringOf(body);
  u.docstring = s.docstring ?? bodyDoc;
  if (bodyDoc !== null) body = body.slice(1);
  compileBody(c, body);
  c.atEnd(s.body);
  c.returnNone();
  const code = c.leave(...argCounts(s.args));
  makeFunction(c, code, flags);
  for (let i = s.decorators.length - 1; i >= 0; i--) c.at(s.decorators[i].loc, () => c.emit(Op.CALL, 1));
  c.nameOp(s.name, 'Store');
}

export function compileLambda(c: Compiler, e: ExprOf<'Lambda'>): void {
  const scope = c.st.scopeOf(e);
  const flags = compileDefaults(c, e.args, scope);
  c.enter(scope, '<lambda>', qualnameFor(c, scope, '<lambda>'), e.loc.line, e.loc);
  compileExpr(c, e.body);
  c.emit(Op.RETURN_VALUE);
  const code = c.leave(...argCounts(e.args));
  makeFunction(c, code, flags);
}

export function compileClassDef(c: Compiler, s: StmtOf<'ClassDef'>): void {
  for (const d of s.decorators) {
    c.at(d.loc, () => {
      c.emit(Op.PUSH_NULL);
      compileExpr(c, d);
    });
  }
  const scope = c.st.scopeOf(s);
  const qualname = qualnameFor(c, scope, s.name);
  const firstLine = s.decorators.length > 0 ? s.decorators[0].loc.line : s.loc.line;
  c.emit(Op.PUSH_NULL);
  c.emit(Op.LOAD_BUILD_CLASS);

  const u = c.enter(scope, s.name, qualname, firstLine, s.loc);
  c.emit(Op.LOAD_NAME, u.name_('__name__'));
  c.emit(Op.STORE_NAME, u.name_('__module__'));
  c.loadConst({ type: 'str', value: qualname });
  c.emit(Op.STORE_NAME, u.name_('__qualname__'));
  if (hasAnnotations(s.body)) c.emit(Op.SETUP_ANNOTATIONS);
  let body = s.body;
  const bodyDoc = docstringOf(body);
  const doc = s.docstring ?? bodyDoc;
  u.docstring = doc;
  if (bodyDoc !== null) body = body.slice(1);
  if (doc !== null) {
    c.loadConst({ type: 'str', value: doc });
    c.emit(Op.STORE_NAME, u.name_('__doc__'));
  }
  compileBody(c, body);
  c.atEnd(s.body);
  if (scope.needsClassClosure) {
    // The class body returns its __class__ cell (also stored as __classcell__), which
    // __build_class__ fills with the new class (zero-argument super()).
    c.emit(Op.LOAD_CLOSURE, u.cell('__class__'));
    c.emit(Op.COPY, 1);
    c.emit(Op.STORE_NAME, u.name_('__classcell__'));
  } else {
    c.loadNone();
  }
  c.emit(Op.RETURN_VALUE);
  const code = c.leave(0, 0, 0);

  makeFunction(c, code, 0);
  c.loadConst({ type: 'str', value: s.name });
  callHelper(c, 2, s.bases, s.keywords);
  for (let i = s.decorators.length - 1; i >= 0; i--) c.at(s.decorators[i].loc, () => c.emit(Op.CALL, 1));
  c.nameOp(s.name, 'Store');
}

type CompExpr = ExprOf<'ListComp'> | ExprOf<'SetComp'> | ExprOf<'DictComp'> | ExprOf<'GeneratorExp'>;

/** A comprehension is a nested function called with the iterator of its first `for`. */
export function compileComprehension(c: Compiler, e: CompExpr, gens: Comprehension[], elts: Expr[]): void {
  const scope = c.st.scopeOf(e);
  const name = scope.name;
  c.emit(Op.PUSH_NULL);
  c.enter(scope, name, qualnameFor(c, scope, name), e.loc.line, e.loc);
  if (e.kind === 'ListComp') c.emit(Op.BUILD_LIST, 0);
  else if (e.kind === 'SetComp') c.emit(Op.BUILD_SET, 0);
  else if (e.kind === 'DictComp') c.emit(Op.BUILD_MAP, 0);
  compileGenerators(c, e, gens, 0, elts);
  if (e.kind === 'GeneratorExp') c.loadNone();
  c.emit(Op.RETURN_VALUE);
  const code = c.leave(1, 0, 0);
  makeFunction(c, code, 0);
  compileExpr(c, gens[0].iter);
  c.at(gens[0].iter.loc, () => c.emit(Op.GET_ITER));
  c.emit(Op.CALL, 1);
}

function compileGenerators(c: Compiler, e: CompExpr, gens: Comprehension[], i: number, elts: Expr[]): void {
  const g = gens[i];
  const start = c.newLabel();
  const ifCleanup = c.newLabel();
  const anchor = c.newLabel();
  if (i === 0) {
    c.emit(Op.LOAD_FAST, c.u.varname('.0'));
  } else {
    compileExpr(c, g.iter);
    c.at(g.iter.loc, () => c.emit(Op.GET_ITER));
  }
  c.bind(start);
  c.at(g.iter.loc, () => c.emitJump(Op.FOR_ITER, anchor));
  compileAssignTarget(c, g.target);
  for (const cond of g.ifs) compileJumpIf(c, cond, ifCleanup, false);
  if (i + 1 < gens.length) {
    compileGenerators(c, e, gens, i + 1, elts);
  } else {
    const depth = gens.length + 1;
    for (const x of elts) compileExpr(c, x);
    const at: Loc = elts.length === 1 ? elts[0].loc : e.loc;
    c.at(at, () => {
      switch (e.kind) {
        case 'ListComp':
          c.emit(Op.LIST_APPEND, depth);
          return;
        case 'SetComp':
          c.emit(Op.SET_ADD, depth);
          return;
        case 'DictComp':
          c.emit(Op.MAP_ADD, depth);
          return;
        case 'GeneratorExp':
          c.emit(Op.YIELD_VALUE);
          c.emit(Op.POP_TOP);
          return;
      }
    });
  }
  c.bind(ifCleanup);
  c.emitJump(Op.JUMP_BACKWARD, start);
  c.bind(anchor);
}
