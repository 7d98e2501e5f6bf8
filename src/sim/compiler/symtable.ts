// Scope analysis, in the manner of CPython's Python/symtable.c: a first pass records how
// each name is used in each scope (bound, used, declared global/nonlocal, parameter), a
// second pass resolves every name to LOCAL / GLOBAL_EXPLICIT / GLOBAL_IMPLICIT / FREE /
// CELL, walking the scopes top-down with the set of names bound by enclosing functions.
//
// Class bodies do not make their names visible to nested scopes; a function in a class
// that uses `super` or `__class__` gets a free variable `__class__`, for which the class
// body has a cell (needsClassClosure). Comprehensions are function scopes with one
// parameter `.0` (the first iterator, evaluated in the enclosing scope). An assignment
// expression inside a comprehension binds in the nearest enclosing non-comprehension scope.

import type { Arguments, Comprehension, Expr, Loc, Module, Stmt } from '../syntax/ast';
import { assertUnreachable } from '../util/assert';
import { syntaxError } from './errors';

export type ScopeKind = 'module' | 'class' | 'function' | 'lambda' | 'comprehension';

/** How a name resolves in one scope (CPython's LOCAL, GLOBAL_EXPLICIT, ...). */
export enum Sc {
  LOCAL = 1,
  GLOBAL_EXPLICIT = 2,
  GLOBAL_IMPLICIT = 3,
  FREE = 4,
  CELL = 5,
}

export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE_CLASS = 32;
export const DEF_IMPORT = 64;
export const DEF_COMP_ITER = 128;
const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export type CompKind = 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp';

export class Scope {
  readonly children: Scope[] = [];
  /** Use flags per (mangled) name, in order of first appearance. */
  readonly flags = new Map<string, number>();
  /** Resolution per name, filled by the analysis pass. */
  readonly scopes = new Map<string, Sc>();
  /** Parameter names in slot order (positional, keyword-only, *args, **kwargs). */
  readonly params: string[] = [];
  isGenerator = false;
  hasVarargs = false;
  hasVarkw = false;
  /** A class body whose methods use `__class__` / `super`: it gets a `__class__` cell. */
  needsClassClosure = false;
  /** Inside a function-like scope (flag NESTED). */
  nested = false;
  /** Sorted cell and free variable names of the code object (set by analysis). */
  cellvars: string[] = [];
  freevars: string[] = [];
  /** Where each name was declared nonlocal (for the error message's position). */
  readonly nonlocalLocs = new Map<string, Loc>();
  /** Comprehension kind, for comprehension scopes. */
  comp: CompKind | null = null;

  constructor(
    readonly kind: ScopeKind,
    readonly name: string,
    readonly parent: Scope | null,
    readonly loc: Loc,
    /** Class name used to mangle `__private` names in this scope (CPython st_private). */
    readonly privateName: string | null,
  ) {}

  get isFunctionLike(): boolean {
    return this.kind === 'function' || this.kind === 'lambda' || this.kind === 'comprehension';
  }

  /** Resolution of an already mangled name; names never seen resolve as globals. */
  resolve(name: string): Sc {
    return this.scopes.get(name) ?? Sc.GLOBAL_IMPLICIT;
  }

  /** Mangles `name` for this scope (CPython's _Py_Mangle). */
  mangle(name: string): string {
    return mangle(this.privateName, name);
  }
}

export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
  const stripped = privateName.replace(/^_+/, '');
  if (stripped === '') return name;
  return `_${stripped}${name}`;
}

export interface SymbolTable {
  top: Scope;
  /** The scope of a FunctionDef, ClassDef, Lambda or comprehension node. */
  scopeOf(node: object): Scope;
}

export function buildSymtable(mod: Module): SymbolTable {
  const b = new Builder();
  const top = b.run(mod);
  analyze(top, null, new Set());
  const map = b.map;
  return {
    top,
    scopeOf(node: object): Scope {
      const s = map.get(node);
      if (!s) throw new Error('symtable: no scope for node');
      return s;
    },
  };
}

const COMP_WORDS: Record<CompKind, string> = {
  ListComp: 'list comprehension',
  SetComp: 'set comprehension',
  DictComp: 'dict comprehension',
  GeneratorExp: 'generator expression',
};
const COMP_NAMES: Record<CompKind, string> = {
  ListComp: '<listcomp>',
  SetComp: '<setcomp>',
  DictComp: '<dictcomp>',
  GeneratorExp: '<genexpr>',
};

// ---------------------------------------------------------------- pass 1: collect uses

class Builder {
  readonly map = new Map<object, Scope>();
  private cur!: Scope;

  run(mod: Module): Scope {
    const loc: Loc = { line: 1, col: 0, endLine: 1, endCol: 0 };
    this.cur = new Scope('module', '<module>', null, loc, null);
    for (const s of mod.body) this.stmt(s);
    return this.cur;
  }

  private enter(kind: ScopeKind, name: string, node: object, loc: Loc, privateName: string | null): Scope {
    const parent = this.cur;
    const s = new Scope(kind, name, parent, loc, privateName);
    s.nested = parent.isFunctionLike || parent.nested;
    parent.children.push(s);
    this.map.set(node, s);
    this.cur = s;
    return s;
  }

  private leave(s: Scope): void {
    this.cur = s.parent!;
  }

  private addDef(name: string, flag: number, loc: Loc, scope: Scope = this.cur): void {
    const m = scope.mangle(name);
    const old = scope.flags.get(m) ?? 0;
    if (flag & DEF_PARAM && old & DEF_PARAM) {
      throw syntaxError(`duplicate argument '${name}' in function definition`, loc);
    }
    scope.flags.set(m, old | flag);
  }

  private stmts(body: Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.kind) {
      case 'FunctionDef': {
        this.addDef(s.name, DEF_LOCAL, s.loc);
        this.argDefaults(s.args);
        for (const d of s.decorators) this.expr(d);
        const f = this.enter('function', s.name, s, s.loc, this.cur.privateName);
        this.params(f, s.args);
        this.stmts(s.body);
        this.leave(f);
        return;
      }
      case 'ClassDef': {
        this.addDef(s.name, DEF_LOCAL, s.loc);
        for (const e of s.bases) this.expr(e);
        for (const k of s.keywords) this.expr(k.value);
        for (const d of s.decorators) this.expr(d);
        const c = this.enter('class', s.name, s, s.loc, s.name);
        this.stmts(s.body);
        this.leave(c);
        return;
      }
      case 'Return':
        if (s.value) this.expr(s.value);
        return;
      case 'Delete':
        for (const t of s.targets) this.expr(t);
        return;
      case 'Assign':
        this.expr(s.value);
        for (const t of s.targets) this.expr(t);
        return;
      case 'AugAssign':
        this.expr(s.target);
        this.expr(s.value);
        return;
      case 'AnnAssign': {
        const t = s.target;
        if (t.kind === 'Name') {
          const cur = this.cur.flags.get(this.cur.mangle(t.id)) ?? 0;
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur.kind !== 'module' && s.simple) {
            const which = cur & DEF_GLOBAL ? 'global' : 'nonlocal';
            throw syntaxError(`annotated name '${t.id}' can't be ${which}`, s.loc);
          }
          if (s.simple || s.value) this.addDef(t.id, DEF_LOCAL, t.loc);
          this.expr(s.annotation);
        } else {
          this.expr(t);
          this.expr(s.annotation);
        }
        if (s.value) this.expr(s.value);
        return;
      }
      case 'For':
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case 'While':
      case 'If':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case 'With':
        for (const it of s.items) {
          this.expr(it.contextExpr);
          if (it.optionalVars) this.expr(it.optionalVars);
        }
        this.stmts(s.body);
        return;
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        return;
      case 'Try':
        this.stmts(s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.addDef(h.name, DEF_LOCAL, h.loc);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        return;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        return;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') {
            if (this.cur.kind !== 'module') throw syntaxError('import * only allowed at module level', s.loc);
            continue;
          }
          const stored = a.asname ?? a.name.split('.')[0];
          this.addDef(stored, DEF_IMPORT, a.loc);
        }
        return;
      case 'Global':
        for (const n of s.names) this.declare(n, DEF_GLOBAL, 'global', s.loc);
        return;
      case 'Nonlocal':
        if (this.cur.kind === 'module') throw syntaxError('nonlocal declaration not allowed at module level', s.loc);
        for (const n of s.names) this.declare(n, DEF_NONLOCAL, 'nonlocal', s.loc);
        return;
      case 'Expr':
        this.expr(s.value);
        return;
      case 'Pass':
      case 'Break':
      case 'Continue':
        return;
      default:
        assertUnreachable(s);
    }
  }

  private declare(name: string, flag: number, word: string, loc: Loc): void {
    const cur = this.cur.flags.get(this.cur.mangle(name)) ?? 0;
    if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_IMPORT)) {
      let msg: string;
      if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${word}`;
      else if (cur & USE) msg = `name '${name}' is used prior to ${word} declaration`;
      else msg = `name '${name}' is assigned to before ${word} declaration`;
      throw syntaxError(msg, loc);
    }
    if (flag === DEF_GLOBAL && cur & DEF_NONLOCAL) throw syntaxError(`name '${name}' is nonlocal and global`, loc);
    if (flag === DEF_NONLOCAL && cur & DEF_GLOBAL) throw syntaxError(`name '${name}' is nonlocal and global`, loc);
    if (flag === DEF_NONLOCAL) this.cur.nonlocalLocs.set(this.cur.mangle(name), loc);
    this.addDef(name, flag, loc);
  }

  private argDefaults(a: Arguments): void {
    for (const d of a.defaults) this.expr(d);
    for (const d of a.kwDefaults) if (d) this.expr(d);
  }

  private params(f: Scope, a: Arguments): void {
    const add = (name: string, loc: Loc) => {
      this.addDef(name, DEF_PARAM, loc);
      f.params.push(f.mangle(name));
    };
    for (const p of a.posonlyargs) add(p.name, p.loc);
    for (const p of a.args) add(p.name, p.loc);
    for (const p of a.kwonlyargs) add(p.name, p.loc);
    if (a.vararg) {
      add(a.vararg.name, a.vararg.loc);
      f.hasVarargs = true;
    }
    if (a.kwarg) {
      add(a.kwarg.name, a.kwarg.loc);
      f.hasVarkw = true;
    }
  }

  private exprs(es: Expr[]): void {
    for (const e of es) this.expr(e);
  }

  private expr(e: Expr): void {
    switch (e.kind) {
      case 'BoolOp':
        this.exprs(e.values);
        return;
      case 'NamedExpr':
        this.expr(e.value);
        if (this.cur.kind === 'comprehension' && e.target.kind === 'Name') this.namedExprInComp(e.target.id, e.loc);
        else this.expr(e.target);
        return;
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        return;
      case 'UnaryOp':
        this.expr(e.operand);
        return;
      case 'Lambda': {
        this.argDefaults(e.args);
        const f = this.enter('lambda', '<lambda>', e, e.loc, this.cur.privateName);
        this.params(f, e.args);
        this.expr(e.body);
        this.leave(f);
        return;
      }
      case 'IfExp':
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        return;
      case 'Dict':
        for (const k of e.keys) if (k) this.expr(k);
        this.exprs(e.values);
        return;
      case 'Set':
        this.exprs(e.elts);
        return;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.comprehension(e, e.kind, e.generators, [e.elt]);
        return;
      case 'DictComp':
        this.comprehension(e, e.kind, e.generators, [e.key, e.value]);
        return;
      case 'Yield':
      case 'YieldFrom': {
        const s = this.cur;
        if (s.kind === 'module' || s.kind === 'class') throw syntaxError("'yield' outside function", e.loc);
        if (s.kind === 'comprehension' && s.comp) throw syntaxError(`'yield' inside ${COMP_WORDS[s.comp]}`, e.loc);
        s.isGenerator = true;
        if (e.value) this.expr(e.value);
        return;
      }
      case 'Compare':
        this.expr(e.left);
        this.exprs(e.comparators);
        return;
      case 'Call':
        this.expr(e.func);
        this.exprs(e.args);
        for (const k of e.keywords) this.expr(k.value);
        return;
      case 'FormattedValue':
        this.expr(e.value);
        if (e.formatSpec) this.expr(e.formatSpec);
        return;
      case 'JoinedStr':
        this.exprs(e.values);
        return;
      case 'Constant':
        return;
      case 'Attribute':
        this.expr(e.value);
        return;
      case 'Subscript':
        this.expr(e.value);
        this.expr(e.slice);
        return;
      case 'Starred':
        this.expr(e.value);
        return;
      case 'Name':
        if (e.ctx === 'Load') {
          this.addDef(e.id, USE, e.loc);
          if (this.cur.isFunctionLike && e.id === 'super') this.addDef('__class__', USE, e.loc);
        } else {
          this.addDef(e.id, DEF_LOCAL, e.loc);
        }
        return;
      case 'List':
      case 'Tuple':
        this.exprs(e.elts);
        return;
      case 'Slice':
        if (e.lower) this.expr(e.lower);
        if (e.upper) this.expr(e.upper);
        if (e.step) this.expr(e.step);
        return;
      default:
        assertUnreachable(e);
    }
  }

  private comprehension(node: Expr, kind: CompKind, gens: Comprehension[], elts: Expr[]): void {
    // The first iterator is evaluated in the enclosing scope.
    this.expr(gens[0].iter);
    const s = this.enter('comprehension', COMP_NAMES[kind], node, node.loc, this.cur.privateName);
    s.comp = kind;
    if (kind === 'GeneratorExp') s.isGenerator = true;
    this.addDef('.0', DEF_PARAM, node.loc);
    s.params.push('.0');
    gens.forEach((g, i) => {
      if (i > 0) this.expr(g.iter);
      this.compTarget(g.target);
      this.exprs(g.ifs);
    });
    this.exprs(elts);
    this.leave(s);
  }

  private compTarget(t: Expr): void {
    if (t.kind === 'Name') this.addDef(t.id, DEF_LOCAL | DEF_COMP_ITER, t.loc);
    else if (t.kind === 'Tuple' || t.kind === 'List') for (const x of t.elts) this.compTarget(x);
    else if (t.kind === 'Starred') this.compTarget(t.value);
    else this.expr(t);
  }

  /** CPython's symtable_extend_namedexpr_scope. */
  private namedExprInComp(name: string, loc: Loc): void {
    const here = this.cur;
    for (let s: Scope | null = here; s; s = s.parent) {
      if (s.kind === 'comprehension') {
        if ((s.flags.get(s.mangle(name)) ?? 0) & DEF_COMP_ITER) {
          throw syntaxError(`assignment expression cannot rebind comprehension iteration variable '${name}'`, loc);
        }
        continue;
      }
      if (s.kind === 'function' || s.kind === 'lambda') {
        this.addDef(name, DEF_NONLOCAL, loc, here);
        this.addDef(name, DEF_LOCAL, loc, s);
        return;
      }
      if (s.kind === 'module') {
        this.addDef(name, DEF_GLOBAL, loc, here);
        this.addDef(name, DEF_GLOBAL, loc, s);
        return;
      }
      throw syntaxError('assignment expression within a comprehension cannot be used in a class body', loc);
    }
  }
}

// ---------------------------------------------------------------- pass 2: resolve

function analyze(s: Scope, bound: Set<string> | null, global: Set<string>): Set<string> {
  const local = new Set<string>();
  const free = new Set<string>();
  const newBound = new Set<string>();
  const newGlobal = new Set<string>();
  const isClass = s.kind === 'class';
  if (isClass) {
    for (const g of global) newGlobal.add(g);
    if (bound) for (const n of bound) newBound.add(n);
  }
  for (const [name, flags] of s.flags) {
    s.scopes.set(name, analyzeName(s, name, flags, bound, local, free, global));
  }
  if (!isClass) {
    if (s.isFunctionLike) for (const n of local) newBound.add(n);
    if (bound) for (const n of bound) newBound.add(n);
    for (const g of global) newGlobal.add(g);
  } else {
    newBound.add('__class__');
  }
  const allFree = new Set<string>();
  for (const child of s.children) {
    const childFree = analyze(child, new Set(newBound), new Set(newGlobal));
    for (const n of childFree) allFree.add(n);
  }
  if (s.isFunctionLike) {
    for (const [name, sc] of s.scopes) {
      if (sc === Sc.LOCAL && allFree.has(name)) {
        s.scopes.set(name, Sc.CELL);
        allFree.delete(name);
      }
    }
  }
  if (isClass && allFree.has('__class__')) {
    allFree.delete('__class__');
    s.needsClassClosure = true;
  }
  for (const name of allFree) {
    const flags = s.flags.get(name);
    if (flags !== undefined) {
      if (isClass && flags & (DEF_BOUND | DEF_GLOBAL)) s.flags.set(name, flags | DEF_FREE_CLASS);
      continue;
    }
    if (bound && !bound.has(name)) continue;
    s.flags.set(name, USE);
    s.scopes.set(name, Sc.FREE);
  }
  for (const n of allFree) free.add(n);

  const cells: string[] = [];
  const frees: string[] = [];
  for (const [name, sc] of s.scopes) {
    if (sc === Sc.CELL) cells.push(name);
    else if (sc === Sc.FREE) frees.push(name);
    else if (isClass && (s.flags.get(name) ?? 0) & DEF_FREE_CLASS) frees.push(name);
  }
  if (s.needsClassClosure) cells.push('__class__');
  // CPython 3.11's co_cellvars order: cells that are parameters first (in parameter
  // order), then the others sorted.
  const paramCells = s.params.filter((p) => cells.includes(p));
  s.cellvars = [...paramCells, ...cells.filter((c) => !paramCells.includes(c)).sort()];
  s.freevars = frees.sort();
  return free;
}

function analyzeName(
  s: Scope,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
): Sc {
  if (flags & DEF_GLOBAL) {
    global.add(name);
    if (bound) bound.delete(name);
    return Sc.GLOBAL_EXPLICIT;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound || !bound.has(name)) throw syntaxError(`no binding for nonlocal '${name}' found`, s.nonlocalLocs.get(name) ?? s.loc);
    free.add(name);
    return Sc.FREE;
  }
  if (flags & DEF_BOUND) {
    local.add(name);
    global.delete(name);
    return Sc.LOCAL;
  }
  if (bound && bound.has(name)) {
    free.add(name);
    return Sc.FREE;
  }
  return Sc.GLOBAL_IMPLICIT;
}
