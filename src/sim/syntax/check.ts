// Compile-time errors CPython reports after parsing, found on the AST so the language
// server can show them: first the symbol-table pass (global/nonlocal declarations), then
// the compiler's checks ('return' outside function, 'break' outside loop, starred misuse),
// each in source order. Returns at most the first error.

import type { Arguments, Comprehension, Expr, Loc, Module, Stmt, SyntaxDiagnostic } from './ast';

class Found extends Error {
  constructor(readonly diag: SyntaxDiagnostic) {
    super(diag.message);
  }
}

function fail(message: string, loc: Loc): never {
  throw new Found({ kind: 'syntax', message, loc });
}

export function checkModule(module: Module): SyntaxDiagnostic[] {
  try {
    symtable(module.body, null, 'module');
    compileChecks(module.body, { fn: false, loop: false });
    return [];
  } catch (e) {
    if (e instanceof Found) return [e.diag];
    throw e;
  }
}

// ------------------------------------------------------------ generic traversal

function argExprs(a: Arguments): Expr[] {
  const out: Expr[] = [...a.defaults];
  for (const d of a.kwDefaults) if (d) out.push(d);
  for (const x of [...a.posonlyargs, ...a.args, ...a.kwonlyargs, a.vararg, a.kwarg]) if (x?.annotation) out.push(x.annotation);
  return out;
}

/**
 * Calls `f` on the direct sub-expressions of an expression, in source order (not
 * entering lambda bodies / comprehensions' scope specially). No arrays are built: this
 * runs for every expression of every file the language server parses.
 */
function eachSubExpr(e: Expr, f: (x: Expr) => void): void {
  switch (e.kind) {
    case 'BoolOp': for (const x of e.values) f(x); return;
    case 'NamedExpr': f(e.target); f(e.value); return;
    case 'BinOp': f(e.left); f(e.right); return;
    case 'UnaryOp': f(e.operand); return;
    case 'Lambda': for (const x of argExprs(e.args)) f(x); f(e.body); return;
    case 'IfExp': f(e.test); f(e.body); f(e.orelse); return;
    case 'Dict': for (const k of e.keys) if (k !== null) f(k); for (const v of e.values) f(v); return;
    case 'Set': for (const x of e.elts) f(x); return;
    case 'ListComp': case 'SetComp': case 'GeneratorExp':
      f(e.elt);
      eachGenerator(e.generators, f);
      return;
    case 'DictComp': f(e.key); f(e.value); eachGenerator(e.generators, f); return;
    case 'Yield': if (e.value) f(e.value); return;
    case 'YieldFrom': f(e.value); return;
    case 'Compare': f(e.left); for (const x of e.comparators) f(x); return;
    case 'Call': f(e.func); for (const x of e.args) f(x); for (const k of e.keywords) f(k.value); return;
    case 'FormattedValue': f(e.value); if (e.formatSpec) f(e.formatSpec); return;
    case 'JoinedStr': for (const x of e.values) f(x); return;
    case 'Constant': case 'Name': return;
    case 'Attribute': f(e.value); return;
    case 'Subscript': f(e.value); f(e.slice); return;
    case 'Starred': f(e.value); return;
    case 'List': case 'Tuple': for (const x of e.elts) f(x); return;
    case 'Slice': if (e.lower) f(e.lower); if (e.upper) f(e.upper); if (e.step) f(e.step); return;
  }
}

function eachGenerator(gens: Comprehension[], f: (x: Expr) => void): void {
  for (const g of gens) {
    f(g.target);
    f(g.iter);
    for (const x of g.ifs) f(x);
  }
}

/** Expressions directly in a statement (not in nested statement bodies). */
function stmtExprs(s: Stmt): Expr[] {
  switch (s.kind) {
    case 'FunctionDef': return [...s.decorators, ...argExprs(s.args), ...(s.returns ? [s.returns] : [])];
    case 'ClassDef': return [...s.decorators, ...s.bases, ...s.keywords.map((k) => k.value)];
    case 'Return': return s.value ? [s.value] : [];
    case 'Delete': return s.targets;
    case 'Assign': return [...s.targets, s.value];
    case 'AugAssign': return [s.target, s.value];
    case 'AnnAssign': return [s.target, s.annotation, ...(s.value ? [s.value] : [])];
    case 'For': return [s.target, s.iter];
    case 'While': case 'If': return [s.test];
    case 'With': return s.items.flatMap((i) => (i.optionalVars ? [i.contextExpr, i.optionalVars] : [i.contextExpr]));
    case 'Raise': return [s.exc, s.cause].filter((x): x is Expr => x !== null);
    case 'Try': return s.handlers.flatMap((h) => (h.type ? [h.type] : []));
    case 'Assert': return s.msg ? [s.test, s.msg] : [s.test];
    case 'Expr': return [s.value];
    case 'Import': case 'ImportFrom': case 'Global': case 'Nonlocal': case 'Pass': case 'Break': case 'Continue': return [];
  }
}

/** Nested statement bodies of a statement. */
function stmtBodies(s: Stmt): Stmt[][] {
  switch (s.kind) {
    case 'FunctionDef': case 'ClassDef': case 'With': return [s.body];
    case 'For': case 'While': case 'If': return [s.body, s.orelse];
    case 'Try': return [s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finalbody];
    default: return [];
  }
}

// ------------------------------------------------------------ symbol table pass

interface Scope {
  kind: 'module' | 'function' | 'class';
  parent: Scope | null;
  params: Set<string>;
  bound: Map<string, Loc>; // first binding
  used: Map<string, Loc>; // first use
  globals: Set<string>;
  nonlocals: Map<string, Loc>;
  children: Scope[];
}

const isBefore = (a: Loc, b: Loc): boolean => a.line < b.line || (a.line === b.line && a.col < b.col);

function newScope(kind: Scope['kind'], parent: Scope | null): Scope {
  const s: Scope = { kind, parent, params: new Set(), bound: new Map(), used: new Map(), globals: new Set(), nonlocals: new Map(), children: [] };
  parent?.children.push(s);
  return s;
}

function symtable(body: Stmt[], parent: Scope | null, kind: Scope['kind'], args?: Arguments): Scope {
  const scope = newScope(kind, parent);
  if (args) {
    for (const a of [...args.posonlyargs, ...args.args, ...args.kwonlyargs, args.vararg, args.kwarg]) {
      if (a) {
        scope.params.add(a.name);
        scope.bound.set(a.name, a.loc);
      }
    }
  }
  const bind = (name: string, loc: Loc): void => {
    if (!scope.bound.has(name)) scope.bound.set(name, loc);
  };
  const visitExpr = (e: Expr): void => {
    if (e.kind === 'Name') {
      if (e.ctx === 'Load') {
        if (!scope.used.has(e.id)) scope.used.set(e.id, e.loc);
      } else bind(e.id, e.loc);
      return;
    }
    if (e.kind === 'NamedExpr' && e.target.kind === 'Name') bind(e.target.id, e.target.loc);
    if (e.kind === 'Lambda') {
      argExprs(e.args).forEach(visitExpr);
      symtable([{ kind: 'Return', loc: e.body.loc, value: e.body }], scope, 'function', e.args);
      return;
    }
    eachSubExpr(e, visitExpr);
  };
  const visit = (s: Stmt): void => {
    switch (s.kind) {
      case 'Global':
      case 'Nonlocal':
        for (const name of s.names) {
          const what = s.kind === 'Global' ? 'global' : 'nonlocal';
          if (s.kind === 'Nonlocal' && scope.kind === 'module') fail('nonlocal declaration not allowed at module level', s.loc);
          if (scope.params.has(name)) fail(`name '${name}' is parameter and ${what}`, s.loc);
          if (s.kind === 'Global' ? scope.nonlocals.has(name) : scope.globals.has(name)) fail(`name '${name}' is nonlocal and global`, s.loc);
          const b = scope.bound.get(name);
          if (b && isBefore(b, s.loc)) fail(`name '${name}' is assigned to before ${what} declaration`, s.loc);
          const u = scope.used.get(name);
          if (u && isBefore(u, s.loc)) fail(`name '${name}' is used prior to ${what} declaration`, s.loc);
          if (s.kind === 'Global') scope.globals.add(name);
          else scope.nonlocals.set(name, s.loc);
        }
        return;
      case 'FunctionDef':
        stmtExprs(s).forEach(visitExpr);
        bind(s.name, s.loc);
        symtable(s.body, scope, 'function', s.args);
        return;
      case 'ClassDef':
        stmtExprs(s).forEach(visitExpr);
        bind(s.name, s.loc);
        symtable(s.body, scope, 'class');
        return;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) if (a.name !== '*') bind(a.asname ?? a.name.split('.')[0], a.loc);
        return;
      case 'Try':
        for (const h of s.handlers) if (h.name) bind(h.name, h.loc);
        break;
      default:
        break;
    }
    stmtExprs(s).forEach(visitExpr);
    for (const b of stmtBodies(s)) b.forEach(visit);
  };
  body.forEach(visit);
  if (kind === 'module') resolveNonlocals(scope);
  return scope;
}

function hasClassAncestor(s: Scope): boolean {
  for (let p = s.parent; p; p = p.parent) if (p.kind === 'class') return true;
  return false;
}

function resolveNonlocals(s: Scope): void {
  for (const [name, loc] of s.nonlocals) {
    let p = s.parent;
    // Methods may declare `nonlocal __class__` (the implicit cell of the enclosing class).
    let ok = name === '__class__' && hasClassAncestor(s);
    while (p && p.kind !== 'module') {
      if (p.kind === 'function' && !p.globals.has(name) && (p.bound.has(name) || p.nonlocals.has(name))) {
        ok = true;
        break;
      }
      p = p.parent;
    }
    if (!ok) fail(`no binding for nonlocal '${name}' found`, loc);
  }
  s.children.forEach(resolveNonlocals);
}

// ------------------------------------------------------------ compiler checks

interface Ctx {
  fn: boolean;
  loop: boolean;
}

function checkTarget(t: Expr): void {
  if (t.kind === 'Starred') fail('starred assignment target must be in a list or tuple', t.loc);
  if (t.kind === 'Tuple' || t.kind === 'List') {
    const stars = t.elts.filter((e) => e.kind === 'Starred');
    if (stars.length > 1) fail('multiple starred expressions in assignment', stars[1].loc);
    for (const e of t.elts) checkTarget(e.kind === 'Starred' ? e.value : e);
  }
}

function compileExpr(e: Expr, ctx: Ctx, starOk: boolean): void {
  switch (e.kind) {
    case 'Yield':
    case 'YieldFrom':
      if (!ctx.fn) fail("'yield' outside function", e.loc);
      break;
    case 'Starred':
      if (!starOk && e.ctx === 'Load') fail("can't use starred expression here", e.loc);
      compileExpr(e.value, ctx, false);
      return;
    case 'Lambda':
      argExprs(e.args).forEach((x) => compileExpr(x, ctx, false));
      compileExpr(e.body, { fn: true, loop: false }, false);
      return;
    case 'List':
    case 'Tuple':
    case 'Set':
      e.elts.forEach((x) => compileExpr(x, ctx, true));
      return;
    case 'Call':
      compileExpr(e.func, ctx, false);
      e.args.forEach((x) => compileExpr(x, ctx, true));
      e.keywords.forEach((k) => compileExpr(k.value, ctx, false));
      return;
    case 'Subscript':
      compileExpr(e.value, ctx, false);
      compileExpr(e.slice, ctx, false);
      return;
    default:
      break;
  }
  eachSubExpr(e, (x) => compileExpr(x, ctx, false));
}

function compileChecks(body: Stmt[], ctx: Ctx): void {
  for (const s of body) {
    switch (s.kind) {
      case 'Return':
        if (!ctx.fn) fail("'return' outside function", s.loc);
        break;
      case 'Break':
        if (!ctx.loop) fail("'break' outside loop", s.loc);
        break;
      case 'Continue':
        if (!ctx.loop) fail("'continue' not properly in loop", s.loc);
        break;
      case 'Assign':
        s.targets.forEach(checkTarget);
        break;
      case 'For':
        checkTarget(s.target);
        break;
      case 'Try':
        s.handlers.forEach((h, i) => {
          if (h.type === null && i < s.handlers.length - 1) fail("default 'except:' must be last", h.loc);
        });
        break;
      default:
        break;
    }
    const targets = s.kind === 'Assign' ? s.targets : s.kind === 'For' ? [s.target] : s.kind === 'Delete' ? s.targets : [];
    const starOk = s.kind === 'ClassDef' ? s.bases : targets;
    for (const x of stmtExprs(s)) compileExpr(x, ctx, starOk.includes(x));
    switch (s.kind) {
      case 'FunctionDef':
        compileChecks(s.body, { fn: true, loop: false });
        break;
      case 'ClassDef':
        compileChecks(s.body, { fn: false, loop: false });
        break;
      case 'For':
      case 'While':
        compileChecks(s.body, { fn: ctx.fn, loop: true });
        compileChecks(s.orelse, ctx);
        break;
      default:
        for (const b of stmtBodies(s)) compileChecks(b, ctx);
    }
  }
}
