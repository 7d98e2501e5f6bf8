// AST -> code objects. Entry point: compileModule. The compiler keeps a stack of units
// (one per code object being built); statements and expressions are compiled by the
// functions in compile-stmt.ts and compile-expr.ts, functions/classes/comprehensions by
// compile-defs.ts. Positions: every instruction carries the range of the innermost
// expression or statement being compiled (unit.loc).

import type { Expr, ExprContext, Loc, Module, Stmt } from '../syntax/ast';
import type { CodeConst, CodeObject } from './code';
import { syntaxError } from './errors';
import { Op } from './opcodes';
import { compileBody, hasAnnotations } from './compile-stmt';
import { compileExpr } from './compile-expr';
import { Sc, buildSymtable, type Scope, type SymbolTable } from './symtable';
import { type FBlock, type Label, Unit, functionFlags } from './unit';

export { CompileError } from './errors';

export function compileModule(mod: Module, filename: string): CodeObject {
  const st = buildSymtable(mod);
  const c = new Compiler(filename, st);
  const start: Loc = mod.body.length > 0 ? mod.body[0].loc : { line: 1, col: 0, endLine: 1, endCol: 0 };
  const u = c.enter(st.top, '<module>', '<module>', 1, start);
  let body = mod.body;
  if (hasAnnotations(body)) c.emit(Op.SETUP_ANNOTATIONS);
  const doc = docstringOf(body);
  if (doc !== null) {
    u.loc = body[0].loc;
    c.loadConst({ type: 'str', value: doc });
    c.emit(Op.STORE_NAME, u.name_('__doc__'));
    body = body.slice(1);
  }
  compileBody(c, body);
  c.atEnd(mod.body);
  c.returnNone();
  return c.leave(0, 0, 0);
}

/** The docstring of a body: its first statement when that is a string literal. */
export function docstringOf(body: Stmt[]): string | null {
  const first = body[0];
  if (first && first.kind === 'Expr' && first.value.kind === 'Constant' && first.value.value.type === 'str') {
    return first.value.value.value;
  }
  return null;
}

/** The range of a statement's last line-level child (for the implicit return). */
function lastLoc(s: Stmt): Loc {
  switch (s.kind) {
    case 'If':
    case 'For':
    case 'While':
      return s.orelse.length > 0 ? lastLoc(s.orelse[s.orelse.length - 1]) : lastLoc(s.body[s.body.length - 1]);
    case 'With':
      return lastLoc(s.body[s.body.length - 1]);
    case 'Try': {
      const b = s.finalbody.length > 0 ? s.finalbody : s.orelse.length > 0 ? s.orelse : s.handlers.length > 0 ? s.handlers[s.handlers.length - 1].body : s.body;
      return lastLoc(b[b.length - 1]);
    }
    default:
      return s.loc;
  }
}

export class Compiler {
  private readonly units: Unit[] = [];
  u!: Unit;

  constructor(
    readonly filename: string,
    readonly st: SymbolTable,
  ) {}

  enter(scope: Scope, name: string, qualname: string, firstLine: number, loc: Loc): Unit {
    const u = new Unit(scope, name, qualname, this.filename, firstLine, loc);
    u.flags = functionFlags(scope);
    this.units.push(u);
    this.u = u;
    return u;
  }

  leave(argcount: number, posonly: number, kwonly: number): CodeObject {
    const u = this.units.pop()!;
    this.u = this.units[this.units.length - 1];
    return u.finish(argcount, posonly, kwonly);
  }

  /** The unit enclosing the current one (for qualnames). */
  get parentUnit(): Unit | null {
    return this.units.length >= 2 ? this.units[this.units.length - 2] : null;
  }

  // ------------------------------------------------------------ emission helpers

  emit(op: Op, arg = 0): number {
    return this.u.emit(op, arg);
  }

  emitJump(op: Op, label: Label): void {
    this.u.emitJump(op, label);
  }

  jump(label: Label): void {
    this.u.jump(label);
  }

  newLabel(): Label {
    return this.u.newLabel();
  }

  bind(label: Label): void {
    this.u.bind(label);
  }

  loadConst(c: CodeConst): void {
    this.u.emit(Op.LOAD_CONST, this.u.addConst(c));
  }

  loadNone(): void {
    this.loadConst({ type: 'None' });
  }

  /** Positions the implicit `return None` of a body on its last statement (as CPython). */
  atEnd(body: Stmt[]): void {
    if (body.length > 0) this.u.loc = lastLoc(body[body.length - 1]);
  }

  returnNone(): void {
    this.loadNone();
    this.emit(Op.RETURN_VALUE);
  }

  /** Runs `f` with the current position set to `loc`, then restores it. */
  at<T>(loc: Loc, f: () => T): T {
    const saved = this.u.loc;
    this.u.loc = loc;
    try {
      return f();
    } finally {
      this.u.loc = saved;
    }
  }

  expr(e: Expr): void {
    compileExpr(this, e);
  }

  // ------------------------------------------------------------ names

  /** Loads, stores or deletes a variable, choosing the opcode from its scope. */
  nameOp(rawName: string, ctx: ExprContext): void {
    const u = this.u;
    const scope = u.scope;
    const name = scope.mangle(rawName);
    if (name === '__debug__' && ctx !== 'Load') throw syntaxError('cannot assign to __debug__', u.loc);
    const sc = scope.resolve(name);
    type Kind = 'fast' | 'deref' | 'global' | 'name';
    let kind: Kind;
    switch (sc) {
      case Sc.FREE:
      case Sc.CELL:
        kind = 'deref';
        break;
      case Sc.LOCAL:
        kind = scope.isFunctionLike ? 'fast' : 'name';
        break;
      case Sc.GLOBAL_IMPLICIT:
        kind = scope.isFunctionLike ? 'global' : 'name';
        break;
      case Sc.GLOBAL_EXPLICIT:
        kind = 'global';
        break;
    }
    switch (kind) {
      case 'fast': {
        const i = u.varname(name);
        this.emit(ctx === 'Load' ? Op.LOAD_FAST : ctx === 'Store' ? Op.STORE_FAST : Op.DELETE_FAST, i);
        return;
      }
      case 'deref': {
        const i = u.cell(name);
        if (ctx === 'Load') this.emit(scope.kind === 'class' ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF, i);
        else this.emit(ctx === 'Store' ? Op.STORE_DEREF : Op.DELETE_DEREF, i);
        return;
      }
      case 'global': {
        const i = u.name_(name);
        this.emit(ctx === 'Load' ? Op.LOAD_GLOBAL : ctx === 'Store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, i);
        return;
      }
      case 'name': {
        const i = u.name_(name);
        this.emit(ctx === 'Load' ? Op.LOAD_NAME : ctx === 'Store' ? Op.STORE_NAME : Op.DELETE_NAME, i);
        return;
      }
    }
  }

  /** Attribute names are mangled inside classes too. */
  attrName(attr: string): number {
    return this.u.name_(this.u.scope.mangle(attr));
  }

  // ------------------------------------------------------------ static blocks

  pushBlock(b: FBlock): void {
    this.u.fblocks.push(b);
  }

  popBlock(): void {
    this.u.fblocks.pop();
  }

  /** Emits the cleanup of one static block (CPython's compiler_unwind_fblock). */
  unwindBlock(b: FBlock, preserveTos: boolean): void {
    switch (b.kind) {
      case 'while':
      case 'exception_handler':
        return;
      case 'for':
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        return;
      case 'try_except':
        this.emit(Op.POP_BLOCK);
        return;
      case 'finally_try':
        this.emit(Op.POP_BLOCK);
        if (preserveTos) this.pushBlock({ kind: 'pop_value' });
        compileBody(this, b.body);
        if (preserveTos) this.popBlock();
        return;
      case 'finally_end':
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        return;
      case 'with':
        this.emit(Op.POP_BLOCK);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.callExit();
        return;
      case 'handler_cleanup':
        if (b.name !== null) this.emit(Op.POP_BLOCK);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        if (b.name !== null) this.clearName(b.name);
        return;
      case 'pop_value':
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        return;
    }
  }

  /**
   * Unwinds the static block stack down to the innermost loop (when `toLoop`) or
   * completely; returns that loop's block. Blocks are popped while their cleanup is
   * compiled (a `finally` body runs outside its own try), then restored.
   */
  unwindStack(preserveTos: boolean, toLoop: boolean): FBlock | null {
    const stack = this.u.fblocks;
    if (stack.length === 0) return null;
    const top = stack[stack.length - 1];
    if (toLoop && (top.kind === 'while' || top.kind === 'for')) return top;
    stack.pop();
    this.unwindBlock(top, preserveTos);
    const loop = this.unwindStack(preserveTos, toLoop);
    stack.push(top);
    return loop;
  }

  /** `__exit__(None, None, None)` for the [exit] on top of the stack; pops it. */
  callExit(): void {
    this.emit(Op.PUSH_NULL);
    this.emit(Op.SWAP, 2);
    this.loadNone();
    this.loadNone();
    this.loadNone();
    this.emit(Op.CALL, 3);
    this.emit(Op.POP_TOP);
  }

  /** `name = None; del name` (the end of `except E as name`). */
  clearName(name: string): void {
    this.loadNone();
    this.nameOp(name, 'Store');
    this.nameOp(name, 'Del');
  }

  inLoop(): boolean {
    return this.u.fblocks.some((b) => b.kind === 'while' || b.kind === 'for');
  }
}
