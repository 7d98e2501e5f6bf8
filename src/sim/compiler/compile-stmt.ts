// Statements. The try/except/finally/with shapes follow the patterns in opcodes.ts.

import type { Alias, Expr, Stmt, StmtOf } from '../syntax/ast';
import { assertUnreachable } from '../util/assert';
import type { Compiler } from './compile';
import { compileClassDef, compileFunctionDef } from './compile-defs';
import { compileAssignTarget, compileJumpIf, compileSubscriptKey, constantOf, INPLACE_OPS } from './compile-expr';
import { syntaxError } from './errors';
import { Op } from './opcodes';
import type { FBlock, Label } from './unit';

export function compileBody(c: Compiler, body: Stmt[]): void {
  for (const s of body) compileStmt(c, s);
}

export function compileStmt(c: Compiler, s: Stmt): void {
  const u = c.u;
  const saved = u.loc;
  u.loc = s.loc;
  try {
    stmt(c, s);
  } finally {
    u.loc = saved;
  }
}

function stmt(c: Compiler, s: Stmt): void {
  switch (s.kind) {
    case 'FunctionDef':
      compileFunctionDef(c, s);
      return;
    case 'ClassDef':
      compileClassDef(c, s);
      return;
    case 'Return':
      compileReturn(c, s);
      return;
    case 'Delete':
      for (const t of s.targets) compileDelete(c, t);
      return;
    case 'Assign':
      c.expr(s.value);
      s.targets.forEach((t, i) => {
        if (i < s.targets.length - 1) c.emit(Op.COPY, 1);
        compileAssignTarget(c, t);
      });
      return;
    case 'AugAssign':
      compileAugAssign(c, s);
      return;
    case 'AnnAssign':
      compileAnnAssign(c, s);
      return;
    case 'For':
      compileFor(c, s);
      return;
    case 'While':
      compileWhile(c, s);
      return;
    case 'If': {
      const end = c.newLabel();
      const orelse = s.orelse.length > 0 ? c.newLabel() : end;
      compileJumpIf(c, s.test, orelse, false);
      compileBody(c, s.body);
      if (s.orelse.length > 0) {
        if (!c.u.lastIsTerminator()) c.jump(end);
        c.bind(orelse);
        compileBody(c, s.orelse);
      }
      c.bind(end);
      return;
    }
    case 'With':
      compileWith(c, s, 0);
      return;
    case 'Raise': {
      let n = 0;
      if (s.exc) {
        c.expr(s.exc);
        n = 1;
        if (s.cause) {
          c.expr(s.cause);
          n = 2;
        }
      }
      c.emit(Op.RAISE_VARARGS, n);
      return;
    }
    case 'Try':
      if (s.finalbody.length > 0) compileTryFinally(c, s);
      else compileTryExcept(c, s);
      return;
    case 'Assert': {
      const end = c.newLabel();
      compileJumpIf(c, s.test, end, true);
      if (s.msg) {
        c.emit(Op.PUSH_NULL);
        c.emit(Op.LOAD_ASSERTION_ERROR);
        c.expr(s.msg);
        c.emit(Op.CALL, 1);
      } else {
        c.emit(Op.LOAD_ASSERTION_ERROR);
      }
      c.emit(Op.RAISE_VARARGS, 1);
      c.bind(end);
      return;
    }
    case 'Import':
      for (const a of s.names) compileImport(c, a);
      return;
    case 'ImportFrom':
      compileImportFrom(c, s);
      return;
    case 'Global':
    case 'Nonlocal':
      return;
    case 'Expr':
      if (s.value.kind === 'Constant') {
        constantOf(s.value.value, s.value.loc); // rejects complex literals even here
        c.emit(Op.NOP);
        return;
      }
      c.expr(s.value);
      c.emit(Op.POP_TOP);
      return;
    case 'Pass':
      c.emit(Op.NOP);
      return;
    case 'Break': {
      const loop = c.unwindStack(false, true);
      if (!isLoop(loop)) throw syntaxError("'break' outside loop", s.loc);
      c.unwindBlock(loop, false);
      c.jump(loop.exit);
      return;
    }
    case 'Continue': {
      const loop = c.unwindStack(false, true);
      if (!isLoop(loop)) throw syntaxError("'continue' not properly in loop", s.loc);
      c.jump(loop.start);
      return;
    }
    default:
      assertUnreachable(s);
  }
}

function isLoop(b: FBlock | null): b is Extract<FBlock, { kind: 'while' | 'for' }> {
  return b !== null && (b.kind === 'while' || b.kind === 'for');
}

function compileReturn(c: Compiler, s: StmtOf<'Return'>): void {
  const scope = c.u.scope;
  if (!scope.isFunctionLike) throw syntaxError("'return' outside function", s.loc);
  const v = s.value;
  if (v && v.kind !== 'Constant') {
    c.expr(v);
    c.unwindStack(true, false);
  } else {
    c.unwindStack(false, false);
    if (v) c.expr(v);
    else c.loadNone();
  }
  c.emit(Op.RETURN_VALUE);
}

function compileDelete(c: Compiler, t: Expr): void {
  c.at(t.loc, () => {
    switch (t.kind) {
      case 'Name':
        c.nameOp(t.id, 'Del');
        return;
      case 'Attribute':
        c.expr(t.value);
        c.emit(Op.DELETE_ATTR, c.attrName(t.attr));
        return;
      case 'Subscript':
        c.expr(t.value);
        compileSubscriptKey(c, t.slice);
        c.emit(Op.DELETE_SUBSCR);
        return;
      case 'Tuple':
      case 'List':
        for (const e of t.elts) compileDelete(c, e);
        return;
      default:
        throw syntaxError(`cannot delete ${t.kind.toLowerCase()}`, t.loc);
    }
  });
}

function compileAugAssign(c: Compiler, s: StmtOf<'AugAssign'>): void {
  const t = s.target;
  const op = INPLACE_OPS[s.op];
  switch (t.kind) {
    case 'Name':
      c.at(t.loc, () => c.nameOp(t.id, 'Load'));
      c.expr(s.value);
      c.emit(Op.BINARY_OP, op);
      c.at(t.loc, () => c.nameOp(t.id, 'Store'));
      return;
    case 'Attribute':
      c.at(t.loc, () => {
        c.expr(t.value);
        c.emit(Op.COPY, 1);
        c.emit(Op.LOAD_ATTR, c.attrName(t.attr));
      });
      c.expr(s.value);
      c.emit(Op.BINARY_OP, op);
      c.at(t.loc, () => {
        c.emit(Op.SWAP, 2);
        c.emit(Op.STORE_ATTR, c.attrName(t.attr));
      });
      return;
    case 'Subscript':
      c.at(t.loc, () => {
        c.expr(t.value);
        compileSubscriptKey(c, t.slice);
        c.emit(Op.COPY, 2);
        c.emit(Op.COPY, 2);
        c.emit(Op.BINARY_SUBSCR);
      });
      c.expr(s.value);
      c.emit(Op.BINARY_OP, op);
      c.at(t.loc, () => {
        c.emit(Op.SWAP, 3);
        c.emit(Op.SWAP, 2);
        c.emit(Op.STORE_SUBSCR);
      });
      return;
    default:
      throw syntaxError(`'${t.kind.toLowerCase()}' is an illegal expression for augmented assignment`, t.loc);
  }
}

/**
 * `x: T = v` stores v; in module and class bodies a simple name's annotation is also
 * recorded in `__annotations__` (dataclasses read it), as CPython 3.11 does. Other
 * targets' annotations are evaluated and discarded in module and class bodies only.
 */
function compileAnnAssign(c: Compiler, s: StmtOf<'AnnAssign'>): void {
  const t = s.target;
  const atTop = c.u.scope.kind === 'module' || c.u.scope.kind === 'class';
  if (s.value) {
    c.expr(s.value);
    compileAssignTarget(c, t);
  }
  if (t.kind === 'Name') {
    if (s.simple && atTop) {
      c.expr(s.annotation);
      c.emit(Op.LOAD_NAME, c.u.name_('__annotations__'));
      c.loadConst({ type: 'str', value: c.u.scope.mangle(t.id) });
      c.emit(Op.STORE_SUBSCR);
    }
    return;
  }
  if (!s.value) {
    // `a.b: int` / `a[i]: int` evaluate the target's parts (CPython's check_ann_expr).
    if (t.kind === 'Attribute') {
      c.expr(t.value);
      c.emit(Op.POP_TOP);
    } else if (t.kind === 'Subscript') {
      c.expr(t.value);
      c.emit(Op.POP_TOP);
      compileSubscriptKey(c, t.slice);
      c.emit(Op.POP_TOP);
    }
  }
  if (atTop) {
    c.expr(s.annotation);
    c.emit(Op.POP_TOP);
  }
}

/** Does a module or class body contain an annotated assignment (CPython's find_ann)? */
export function hasAnnotations(body: Stmt[]): boolean {
  for (const s of body) {
    switch (s.kind) {
      case 'AnnAssign':
        return true;
      case 'For':
      case 'While':
      case 'If':
        if (hasAnnotations(s.body) || hasAnnotations(s.orelse)) return true;
        break;
      case 'With':
        if (hasAnnotations(s.body)) return true;
        break;
      case 'Try':
        if (hasAnnotations(s.body) || hasAnnotations(s.orelse) || hasAnnotations(s.finalbody)) return true;
        if (s.handlers.some((h) => hasAnnotations(h.body))) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

function isConstTrue(e: Expr): boolean {
  if (e.kind !== 'Constant') return false;
  const v = e.value;
  return (v.type === 'bool' && v.value) || (v.type === 'int' && v.value !== 0n);
}

function compileWhile(c: Compiler, s: StmtOf<'While'>): void {
  const start = c.newLabel();
  const exit = c.newLabel();
  const anchor = c.newLabel();
  c.bind(start);
  if (!isConstTrue(s.test)) compileJumpIf(c, s.test, anchor, false);
  c.pushBlock({ kind: 'while', start, exit });
  compileBody(c, s.body);
  c.popBlock();
  c.emitJump(Op.JUMP_BACKWARD, start);
  c.bind(anchor);
  compileBody(c, s.orelse);
  c.bind(exit);
}

function compileFor(c: Compiler, s: StmtOf<'For'>): void {
  const start = c.newLabel();
  const cleanup = c.newLabel();
  const exit = c.newLabel();
  c.expr(s.iter);
  c.at(s.iter.loc, () => c.emit(Op.GET_ITER));
  c.bind(start);
  c.at(s.iter.loc, () => c.emitJump(Op.FOR_ITER, cleanup));
  c.pushBlock({ kind: 'for', start, exit });
  compileAssignTarget(c, s.target);
  compileBody(c, s.body);
  c.popBlock();
  c.emitJump(Op.JUMP_BACKWARD, start);
  c.bind(cleanup);
  compileBody(c, s.orelse);
  c.bind(exit);
}

/** `with a as x, b as y: B` is `with a as x: with b as y: B`. */
function compileWith(c: Compiler, s: StmtOf<'With'>, i: number): void {
  const item = s.items[i];
  const handler = c.newLabel();
  const cleanup = c.newLabel();
  const suppress = c.newLabel();
  const end = c.newLabel();
  c.expr(item.contextExpr);
  c.at(item.contextExpr.loc, () => c.emit(Op.BEFORE_WITH));
  c.emitJump(Op.SETUP_WITH, handler);
  c.pushBlock({ kind: 'with' });
  if (item.optionalVars) compileAssignTarget(c, item.optionalVars);
  else c.emit(Op.POP_TOP);
  if (i + 1 < s.items.length) compileWith(c, s, i + 1);
  else compileBody(c, s.body);
  c.popBlock();
  c.emit(Op.POP_BLOCK);
  c.callExit();
  c.jump(end);
  // exceptional exit
  c.bind(handler);
  c.emitJump(Op.SETUP_CLEANUP, cleanup);
  c.emit(Op.PUSH_EXC_INFO);
  c.emit(Op.WITH_EXCEPT_START);
  c.emitJump(Op.POP_JUMP_IF_TRUE, suppress);
  c.emit(Op.RERAISE, 0);
  c.bind(suppress);
  c.emit(Op.POP_TOP);
  c.emit(Op.POP_BLOCK);
  c.emit(Op.POP_EXCEPT);
  c.emit(Op.POP_TOP);
  c.jump(end);
  emitCleanup(c, cleanup);
  c.bind(end);
}

/** `c: SWAP 2; POP_EXCEPT; RERAISE 0` — restores exc_info and re-raises. */
function emitCleanup(c: Compiler, label: Label): void {
  c.bind(label);
  c.emit(Op.SWAP, 2);
  c.emit(Op.POP_EXCEPT);
  c.emit(Op.RERAISE, 0);
}

function compileTryFinally(c: Compiler, s: StmtOf<'Try'>): void {
  const fin = c.newLabel();
  const cleanup = c.newLabel();
  const end = c.newLabel();
  c.emitJump(Op.SETUP_FINALLY, fin);
  c.pushBlock({ kind: 'finally_try', body: s.finalbody });
  if (s.handlers.length > 0) compileTryExcept(c, s);
  else compileBody(c, s.body);
  c.popBlock();
  c.emit(Op.POP_BLOCK);
  compileBody(c, s.finalbody);
  c.jump(end);
  // exceptional path
  c.bind(fin);
  c.emitJump(Op.SETUP_CLEANUP, cleanup);
  c.emit(Op.PUSH_EXC_INFO);
  c.pushBlock({ kind: 'finally_end' });
  compileBody(c, s.finalbody);
  c.popBlock();
  c.emit(Op.RERAISE, 0);
  emitCleanup(c, cleanup);
  c.bind(end);
}

function compileTryExcept(c: Compiler, s: StmtOf<'Try'>): void {
  const handler = c.newLabel();
  const cleanup = c.newLabel();
  const end = c.newLabel();
  c.emitJump(Op.SETUP_FINALLY, handler);
  c.pushBlock({ kind: 'try_except' });
  compileBody(c, s.body);
  c.popBlock();
  c.emit(Op.POP_BLOCK);
  compileBody(c, s.orelse);
  c.jump(end);
  c.bind(handler);
  c.emitJump(Op.SETUP_CLEANUP, cleanup);
  c.emit(Op.PUSH_EXC_INFO);
  c.pushBlock({ kind: 'exception_handler' });
  s.handlers.forEach((h, i) => {
    c.at(h.loc, () => {
      if (!h.type && i < s.handlers.length - 1) throw syntaxError("default 'except:' must be last", h.loc);
      const next = c.newLabel();
      if (h.type) {
        c.expr(h.type);
        c.emit(Op.CHECK_EXC_MATCH);
        c.emitJump(Op.POP_JUMP_IF_FALSE, next);
      }
      if (h.name !== null) {
        const c2 = c.newLabel();
        c.nameOp(h.name, 'Store');
        c.emitJump(Op.SETUP_CLEANUP, c2);
        c.pushBlock({ kind: 'handler_cleanup', name: h.name });
        compileBody(c, h.body);
        c.popBlock();
        c.emit(Op.POP_BLOCK);
        c.emit(Op.POP_BLOCK);
        c.emit(Op.POP_EXCEPT);
        c.clearName(h.name);
        c.jump(end);
        c.bind(c2);
        c.clearName(h.name);
        c.emit(Op.RERAISE, 0);
      } else {
        c.emit(Op.POP_TOP);
        c.pushBlock({ kind: 'handler_cleanup', name: null });
        compileBody(c, h.body);
        c.popBlock();
        c.emit(Op.POP_BLOCK);
        c.emit(Op.POP_EXCEPT);
        c.jump(end);
      }
      c.bind(next);
    });
  });
  c.popBlock();
  c.emit(Op.RERAISE, 0);
  emitCleanup(c, cleanup);
  c.bind(end);
}

function compileImport(c: Compiler, a: Alias): void {
  c.at(a.loc, () => {
    c.loadConst({ type: 'int', value: 0n });
    c.loadNone();
    c.emit(Op.IMPORT_NAME, c.u.name_(a.name));
    if (a.asname === null) {
      c.nameOp(a.name.split('.')[0], 'Store');
      return;
    }
    const parts = a.name.split('.');
    if (parts.length > 1) {
      // `import a.b.c as d`: walk from the top package down to c.
      for (let i = 1; i < parts.length; i++) {
        c.emit(Op.IMPORT_FROM, c.u.name_(parts[i]));
        if (i < parts.length - 1) {
          c.emit(Op.SWAP, 2);
          c.emit(Op.POP_TOP);
        }
      }
      c.nameOp(a.asname, 'Store');
      c.emit(Op.POP_TOP);
      return;
    }
    c.nameOp(a.asname, 'Store');
  });
}

function compileImportFrom(c: Compiler, s: StmtOf<'ImportFrom'>): void {
  c.loadConst({ type: 'int', value: BigInt(s.level) });
  c.loadConst({ type: 'tuple', items: s.names.map((a) => ({ type: 'str', value: a.name })) });
  c.emit(Op.IMPORT_NAME, c.u.name_(s.module ?? ''));
  if (s.names.length === 1 && s.names[0].name === '*') {
    c.emit(Op.IMPORT_STAR);
    return;
  }
  for (const a of s.names) {
    c.at(a.loc, () => {
      c.emit(Op.IMPORT_FROM, c.u.name_(a.name));
      c.nameOp(a.asname ?? a.name, 'Store');
    });
  }
  c.emit(Op.POP_TOP);
}

