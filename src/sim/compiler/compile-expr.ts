// Expressions, assignment targets and conditional jumps.

import type { CmpOpKind, ConstantValue, Expr, ExprOf, Keyword, OperatorKind } from '../syntax/ast';
import { assertUnreachable } from '../util/assert';
import type { CodeConst } from './code';
import type { Compiler } from './compile';
import { compileComprehension, compileLambda } from './compile-defs';
import { syntaxError, unsupported } from './errors';
import { BinaryOpArg, CompareOpArg, FormatFlags, Op } from './opcodes';
import type { Label } from './unit';

export const BINARY_OPS: Record<OperatorKind, BinaryOpArg> = {
  Add: BinaryOpArg.ADD,
  Sub: BinaryOpArg.SUBTRACT,
  Mult: BinaryOpArg.MULTIPLY,
  MatMult: BinaryOpArg.MATRIX_MULTIPLY,
  Div: BinaryOpArg.TRUE_DIVIDE,
  Mod: BinaryOpArg.REMAINDER,
  Pow: BinaryOpArg.POWER,
  LShift: BinaryOpArg.LSHIFT,
  RShift: BinaryOpArg.RSHIFT,
  BitOr: BinaryOpArg.OR,
  BitXor: BinaryOpArg.XOR,
  BitAnd: BinaryOpArg.AND,
  FloorDiv: BinaryOpArg.FLOOR_DIVIDE,
};

export const INPLACE_OPS: Record<OperatorKind, BinaryOpArg> = {
  Add: BinaryOpArg.INPLACE_ADD,
  Sub: BinaryOpArg.INPLACE_SUBTRACT,
  Mult: BinaryOpArg.INPLACE_MULTIPLY,
  MatMult: BinaryOpArg.INPLACE_MATRIX_MULTIPLY,
  Div: BinaryOpArg.INPLACE_TRUE_DIVIDE,
  Mod: BinaryOpArg.INPLACE_REMAINDER,
  Pow: BinaryOpArg.INPLACE_POWER,
  LShift: BinaryOpArg.INPLACE_LSHIFT,
  RShift: BinaryOpArg.INPLACE_RSHIFT,
  BitOr: BinaryOpArg.INPLACE_OR,
  BitXor: BinaryOpArg.INPLACE_XOR,
  BitAnd: BinaryOpArg.INPLACE_AND,
  FloorDiv: BinaryOpArg.INPLACE_FLOOR_DIVIDE,
};

export function compileExpr(c: Compiler, e: Expr): void {
  const u = c.u;
  const saved = u.loc;
  u.loc = e.loc;
  try {
    expr(c, e);
  } finally {
    u.loc = saved;
  }
}

function expr(c: Compiler, e: Expr): void {
  switch (e.kind) {
    case 'BoolOp': {
      const end = c.newLabel();
      const op = e.op === 'And' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
      e.values.forEach((v, i) => {
        compileExpr(c, v);
        if (i < e.values.length - 1) c.emitJump(op, end);
      });
      c.bind(end);
      return;
    }
    case 'NamedExpr':
      compileExpr(c, e.value);
      c.emit(Op.COPY, 1);
      if (e.target.kind !== 'Name') throw syntaxError('cannot use assignment expressions with this target', e.target.loc);
      c.at(e.target.loc, () => c.nameOp((e.target as ExprOf<'Name'>).id, 'Store'));
      return;
    case 'BinOp':
      compileExpr(c, e.left);
      compileExpr(c, e.right);
      c.emit(Op.BINARY_OP, BINARY_OPS[e.op]);
      return;
    case 'UnaryOp':
      compileExpr(c, e.operand);
      c.emit(
        e.op === 'Not' ? Op.UNARY_NOT : e.op === 'USub' ? Op.UNARY_NEGATIVE : e.op === 'UAdd' ? Op.UNARY_POSITIVE : Op.UNARY_INVERT,
      );
      return;
    case 'Lambda':
      compileLambda(c, e);
      return;
    case 'IfExp': {
      const orelse = c.newLabel();
      const end = c.newLabel();
      compileJumpIf(c, e.test, orelse, false);
      compileExpr(c, e.body);
      c.jump(end);
      c.bind(orelse);
      compileExpr(c, e.orelse);
      c.bind(end);
      return;
    }
    case 'Dict':
      compileDict(c, e);
      return;
    case 'Set':
      starUnpack(c, e.elts, 'set');
      return;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      compileComprehension(c, e, e.generators, [e.elt]);
      return;
    case 'DictComp':
      compileComprehension(c, e, e.generators, [e.key, e.value]);
      return;
    case 'Yield':
      if (e.value) compileExpr(c, e.value);
      else c.loadNone();
      c.emit(Op.YIELD_VALUE);
      return;
    case 'YieldFrom':
      compileExpr(c, e.value);
      c.emit(Op.GET_YIELD_FROM_ITER);
      c.loadNone();
      c.emit(Op.YIELD_FROM);
      return;
    case 'Compare':
      compileCompare(c, e);
      return;
    case 'Call':
      compileCall(c, e);
      return;
    case 'FormattedValue':
      compileFormattedValue(c, e);
      return;
    case 'JoinedStr': {
      const n = e.values.length;
      if (n === 0) {
        c.loadConst({ type: 'str', value: '' });
        return;
      }
      for (const v of e.values) compileExpr(c, v);
      if (n > 1) c.emit(Op.BUILD_STRING, n);
      return;
    }
    case 'Constant':
      c.loadConst(constantOf(e.value, e.loc));
      return;
    case 'Attribute':
      compileExpr(c, e.value);
      c.emit(Op.LOAD_ATTR, c.attrName(e.attr));
      return;
    case 'Subscript':
      compileExpr(c, e.value);
      compileSubscriptKey(c, e.slice);
      c.emit(Op.BINARY_SUBSCR);
      return;
    case 'Starred':
      throw syntaxError("can't use starred expression here", e.loc);
    case 'Name':
      c.nameOp(e.id, 'Load');
      return;
    case 'List':
      starUnpack(c, e.elts, 'list');
      return;
    case 'Tuple':
      starUnpack(c, e.elts, 'tuple');
      return;
    case 'Slice':
      if (e.lower) compileExpr(c, e.lower);
      else c.loadNone();
      if (e.upper) compileExpr(c, e.upper);
      else c.loadNone();
      if (e.step) compileExpr(c, e.step);
      c.emit(Op.BUILD_SLICE, e.step ? 3 : 2);
      return;
    default:
      assertUnreachable(e);
  }
}

export function constantOf(v: ConstantValue, loc: ExprOf<'Constant'>['loc']): CodeConst {
  if (v.type === 'complex') throw unsupported('complex numbers', loc);
  return v;
}

export function compileSubscriptKey(c: Compiler, slice: Expr): void {
  compileExpr(c, slice);
}

/** List/tuple/set displays, with `*x` items (CPython's starunpack_helper). */
function starUnpack(c: Compiler, elts: Expr[], kind: 'list' | 'tuple' | 'set'): void {
  const firstStar = elts.findIndex((x) => x.kind === 'Starred');
  if (firstStar < 0) {
    for (const x of elts) compileExpr(c, x);
    c.emit(kind === 'list' ? Op.BUILD_LIST : kind === 'tuple' ? Op.BUILD_TUPLE : Op.BUILD_SET, elts.length);
    return;
  }
  for (let i = 0; i < firstStar; i++) compileExpr(c, elts[i]);
  c.emit(kind === 'set' ? Op.BUILD_SET : Op.BUILD_LIST, firstStar);
  for (let i = firstStar; i < elts.length; i++) {
    const x = elts[i];
    if (x.kind === 'Starred') {
      compileExpr(c, x.value);
      c.emit(kind === 'set' ? Op.SET_UPDATE : Op.LIST_EXTEND, 1);
    } else {
      compileExpr(c, x);
      c.emit(kind === 'set' ? Op.SET_ADD : Op.LIST_APPEND, 1);
    }
  }
  if (kind === 'tuple') c.emit(Op.LIST_TO_TUPLE);
}

function compileDict(c: Compiler, e: ExprOf<'Dict'>): void {
  let pending = 0;
  let have = false;
  const flush = () => {
    if (pending === 0) return;
    c.emit(Op.BUILD_MAP, pending);
    pending = 0;
    if (have) c.emit(Op.DICT_UPDATE, 1);
    have = true;
  };
  e.keys.forEach((k, i) => {
    if (k === null) {
      flush();
      if (!have) {
        c.emit(Op.BUILD_MAP, 0);
        have = true;
      }
      compileExpr(c, e.values[i]);
      c.emit(Op.DICT_UPDATE, 1);
    } else {
      compileExpr(c, k);
      compileExpr(c, e.values[i]);
      pending++;
    }
  });
  flush();
  if (!have) c.emit(Op.BUILD_MAP, 0);
}

function emitCompareOp(c: Compiler, op: CmpOpKind): void {
  switch (op) {
    case 'Eq':
      c.emit(Op.COMPARE_OP, CompareOpArg.EQ);
      return;
    case 'NotEq':
      c.emit(Op.COMPARE_OP, CompareOpArg.NE);
      return;
    case 'Lt':
      c.emit(Op.COMPARE_OP, CompareOpArg.LT);
      return;
    case 'LtE':
      c.emit(Op.COMPARE_OP, CompareOpArg.LE);
      return;
    case 'Gt':
      c.emit(Op.COMPARE_OP, CompareOpArg.GT);
      return;
    case 'GtE':
      c.emit(Op.COMPARE_OP, CompareOpArg.GE);
      return;
    case 'Is':
      c.emit(Op.IS_OP, 0);
      return;
    case 'IsNot':
      c.emit(Op.IS_OP, 1);
      return;
    case 'In':
      c.emit(Op.CONTAINS_OP, 0);
      return;
    case 'NotIn':
      c.emit(Op.CONTAINS_OP, 1);
      return;
    default:
      assertUnreachable(op);
  }
}

/** `a < b < c`: each middle operand is evaluated once (COPY/SWAP), short-circuiting. */
function compileCompare(c: Compiler, e: ExprOf<'Compare'>): void {
  compileExpr(c, e.left);
  const n = e.ops.length;
  if (n === 1) {
    compileExpr(c, e.comparators[0]);
    emitCompareOp(c, e.ops[0]);
    return;
  }
  const cleanup = c.newLabel();
  const end = c.newLabel();
  for (let i = 0; i < n - 1; i++) {
    compileExpr(c, e.comparators[i]);
    c.emit(Op.SWAP, 2);
    c.emit(Op.COPY, 2);
    emitCompareOp(c, e.ops[i]);
    c.emitJump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
  }
  compileExpr(c, e.comparators[n - 1]);
  emitCompareOp(c, e.ops[n - 1]);
  c.jump(end);
  c.bind(cleanup);
  c.emit(Op.SWAP, 2);
  c.emit(Op.POP_TOP);
  c.bind(end);
}

/** Jumps to `label` when the truth of `e` equals `cond`; falls through otherwise. */
export function compileJumpIf(c: Compiler, e: Expr, label: Label, cond: boolean): void {
  if (e.kind === 'UnaryOp' && e.op === 'Not') {
    compileJumpIf(c, e.operand, label, !cond);
    return;
  }
  if (e.kind === 'BoolOp') {
    const isOr = e.op === 'Or';
    const last = e.values.length - 1;
    if (isOr === cond) {
      // Any operand deciding the result jumps straight to `label`.
      for (const v of e.values) compileJumpIf(c, v, label, cond);
      return;
    }
    const next = c.newLabel();
    e.values.forEach((v, i) => {
      if (i < last) compileJumpIf(c, v, next, !cond);
      else compileJumpIf(c, v, label, cond);
    });
    c.bind(next);
    return;
  }
  if (
    e.kind === 'Compare' &&
    e.ops.length === 1 &&
    (e.ops[0] === 'Is' || e.ops[0] === 'IsNot') &&
    e.comparators[0].kind === 'Constant' &&
    e.comparators[0].value.type === 'None'
  ) {
    compileExpr(c, e.left);
    const jumpIfNone = (e.ops[0] === 'Is') === cond;
    c.at(e.loc, () => c.emitJump(jumpIfNone ? Op.POP_JUMP_IF_NONE : Op.POP_JUMP_IF_NOT_NONE, label));
    return;
  }
  compileExpr(c, e);
  c.at(e.loc, () => c.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, label));
}

/** Stores TOS into an assignment target (pops it). */
export function compileAssignTarget(c: Compiler, t: Expr): void {
  c.at(t.loc, () => {
    switch (t.kind) {
      case 'Name':
        c.nameOp(t.id, 'Store');
        return;
      case 'Attribute':
        compileExpr(c, t.value);
        c.emit(Op.STORE_ATTR, c.attrName(t.attr));
        return;
      case 'Subscript':
        compileExpr(c, t.value);
        compileSubscriptKey(c, t.slice);
        c.emit(Op.STORE_SUBSCR);
        return;
      case 'Tuple':
      case 'List': {
        const star = t.elts.findIndex((x) => x.kind === 'Starred');
        if (star < 0) {
          c.emit(Op.UNPACK_SEQUENCE, t.elts.length);
        } else {
          if (t.elts.slice(star + 1).some((x) => x.kind === 'Starred')) {
            throw syntaxError('multiple starred expressions in assignment', t.loc);
          }
          const after = t.elts.length - star - 1;
          if (star >= 256 || after >= 1 << 24) throw syntaxError('too many expressions in star-unpacking assignment', t.loc);
          c.emit(Op.UNPACK_EX, star | (after << 8));
        }
        for (const x of t.elts) compileAssignTarget(c, x.kind === 'Starred' ? x.value : x);
        return;
      }
      case 'Starred':
        throw syntaxError('starred assignment target must be in a list or tuple', t.loc);
      default:
        throw syntaxError(`cannot assign to ${describe(t)}`, t.loc);
    }
  });
}

function describe(e: Expr): string {
  switch (e.kind) {
    case 'Call':
      return 'function call';
    case 'Constant':
      return 'literal';
    case 'Lambda':
      return 'lambda';
    case 'Compare':
      return 'comparison';
    case 'BinOp':
    case 'UnaryOp':
    case 'BoolOp':
      return 'expression';
    default:
      return e.kind.toLowerCase();
  }
}

// ------------------------------------------------------------------ calls

function hasStars(args: Expr[], keywords: Keyword[]): boolean {
  return args.some((a) => a.kind === 'Starred') || keywords.some((k) => k.arg === null);
}

function compileCall(c: Compiler, e: ExprOf<'Call'>): void {
  const f = e.func;
  if (f.kind === 'Attribute' && !hasStars(e.args, e.keywords)) {
    compileExpr(c, f.value);
    c.at(f.loc, () => c.emit(Op.LOAD_METHOD, c.attrName(f.attr)));
    callHelper(c, 0, e.args, e.keywords);
    return;
  }
  c.emit(Op.PUSH_NULL);
  compileExpr(c, f);
  callHelper(c, 0, e.args, e.keywords);
}

/**
 * Emits the arguments and the call, with `pushed` positional arguments already on the
 * stack above [NULL, callable]: CALL n (+ KW_NAMES) or, with * / ** arguments,
 * CALL_FUNCTION_EX over a tuple and a dict.
 */
export function callHelper(c: Compiler, pushed: number, args: Expr[], keywords: Keyword[]): void {
  const seen = new Set<string>();
  for (const k of keywords) {
    if (k.arg === null) continue;
    if (seen.has(k.arg)) throw syntaxError(`keyword argument repeated: ${k.arg}`, k.loc);
    seen.add(k.arg);
  }
  if (!hasStars(args, keywords)) {
    for (const a of args) compileExpr(c, a);
    for (const k of keywords) compileExpr(c, k.value);
    if (keywords.length > 0) {
      c.emit(Op.KW_NAMES, c.u.addConst({ type: 'kwnames', names: keywords.map((k) => k.arg!) }));
    }
    c.emit(Op.CALL, pushed + args.length + keywords.length);
    return;
  }
  // Positional arguments -> tuple.
  let n = pushed;
  let i = 0;
  while (i < args.length && args[i].kind !== 'Starred') compileExpr(c, args[i++]);
  n += i;
  c.emit(Op.BUILD_LIST, n);
  for (; i < args.length; i++) {
    const a = args[i];
    if (a.kind === 'Starred') {
      compileExpr(c, a.value);
      c.emit(Op.LIST_EXTEND, 1);
    } else {
      compileExpr(c, a);
      c.emit(Op.LIST_APPEND, 1);
    }
  }
  c.emit(Op.LIST_TO_TUPLE);
  if (keywords.length === 0) {
    c.emit(Op.CALL_FUNCTION_EX, 0);
    return;
  }
  // Keyword arguments -> dict.
  let pending = 0;
  let have = false;
  const flush = () => {
    if (pending === 0) return;
    c.emit(Op.BUILD_MAP, pending);
    pending = 0;
    if (have) c.emit(Op.DICT_MERGE, 1);
    have = true;
  };
  for (const k of keywords) {
    if (k.arg === null) {
      flush();
      if (!have) {
        c.emit(Op.BUILD_MAP, 0);
        have = true;
      }
      compileExpr(c, k.value);
      c.emit(Op.DICT_MERGE, 1);
    } else {
      c.at(k.loc, () => c.loadConst({ type: 'str', value: k.arg! }));
      compileExpr(c, k.value);
      pending++;
    }
  }
  flush();
  c.emit(Op.CALL_FUNCTION_EX, 1);
}

// ------------------------------------------------------------------ f-strings

function compileFormattedValue(c: Compiler, e: ExprOf<'FormattedValue'>): void {
  compileExpr(c, e.value);
  let flags: number;
  switch (e.conversion) {
    case 115:
      flags = FormatFlags.STR;
      break;
    case 114:
      flags = FormatFlags.REPR;
      break;
    case 97:
      flags = FormatFlags.ASCII;
      break;
    default:
      flags = FormatFlags.NONE;
  }
  if (e.formatSpec) {
    compileExpr(c, e.formatSpec);
    flags |= FormatFlags.HAS_SPEC;
  }
  c.emit(Op.FORMAT_VALUE, flags);
}
