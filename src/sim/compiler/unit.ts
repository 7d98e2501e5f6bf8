// One code object under construction: instructions with positions, labels for jumps,
// constant/name/variable tables, and the static block stack used to unwind on
// return/break/continue. `finish()` resolves labels and computes the stack size.

import type { Loc, Stmt } from '../syntax/ast';
import type { CodeConst, CodeObject, Position } from './code';
import { CodeFlags } from './code';
import { JUMP_OPS, Op } from './opcodes';
import { isSetup, isTerminator, stackEffect } from './stack';
import type { Scope } from './symtable';

export type Label = number & { readonly __label: unique symbol };

/** A static block for unwinding (CPython's fblockinfo). */
export type FBlock =
  | { kind: 'while'; start: Label; exit: Label }
  | { kind: 'for'; start: Label; exit: Label }
  | { kind: 'try_except' }
  | { kind: 'finally_try'; body: Stmt[] }
  | { kind: 'finally_end' }
  | { kind: 'with' }
  | { kind: 'exception_handler' }
  | { kind: 'handler_cleanup'; name: string | null }
  | { kind: 'pop_value' };

export class Unit {
  readonly ops: Op[] = [];
  readonly args: number[] = [];
  readonly positions: Position[] = [];
  readonly consts: CodeConst[] = [];
  private readonly constKeys = new Map<string, number>();
  readonly names: string[] = [];
  private readonly nameIdx = new Map<string, number>();
  readonly varnames: string[] = [];
  private readonly varIdx = new Map<string, number>();
  /** cellvars ++ freevars -> frame cell index. */
  private readonly cellIdx = new Map<string, number>();
  private readonly labels: number[] = [];
  /** Instruction indices whose arg is a label id, resolved by finish(). */
  private readonly fixups: number[] = [];
  readonly fblocks: FBlock[] = [];
  loc: Position;
  docstring: string | null = null;
  flags = 0;

  constructor(
    readonly scope: Scope,
    readonly name: string,
    readonly qualname: string,
    readonly filename: string,
    readonly firstLine: number,
    loc: Loc,
  ) {
    this.loc = loc;
    // Parameters take the first slots; other locals get theirs on first use while compiling
    // (the order CPython's co_varnames has).
    for (const p of scope.params) this.varname(p);
    scope.cellvars.forEach((n, i) => this.cellIdx.set(n, i));
    scope.freevars.forEach((n, i) => this.cellIdx.set(n, scope.cellvars.length + i));
  }

  // ------------------------------------------------------------ emission

  emit(op: Op, arg = 0): number {
    this.ops.push(op);
    this.args.push(arg);
    this.positions.push(this.loc);
    return this.ops.length - 1;
  }

  newLabel(): Label {
    this.labels.push(-1);
    return (this.labels.length - 1) as Label;
  }

  bind(label: Label): void {
    this.labels[label] = this.ops.length;
  }

  emitJump(op: Op, label: Label): void {
    this.fixups.push(this.emit(op, label));
  }

  /** Unconditional jump; JUMP_FORWARD or JUMP_BACKWARD is chosen when labels resolve. */
  jump(label: Label): void {
    this.emitJump(Op.JUMP_FORWARD, label);
  }

  /** Does the last emitted instruction end its path (return, raise, jump)? */
  lastIsTerminator(): boolean {
    const n = this.ops.length;
    // a label bound here (a loop's exit) makes this point reachable
    return n > 0 && isTerminator(this.ops[n - 1]) && !this.labels.includes(n);
  }

  // ------------------------------------------------------------ tables

  addConst(c: CodeConst): number {
    const key = constKey(c);
    if (key !== null) {
      const found = this.constKeys.get(key);
      if (found !== undefined) return found;
      this.constKeys.set(key, this.consts.length);
    }
    this.consts.push(c);
    return this.consts.length - 1;
  }

  name_(n: string): number {
    let i = this.nameIdx.get(n);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(n);
      this.nameIdx.set(n, i);
    }
    return i;
  }

  varname(n: string): number {
    let i = this.varIdx.get(n);
    if (i === undefined) {
      i = this.varnames.length;
      this.varnames.push(n);
      this.varIdx.set(n, i);
    }
    return i;
  }

  cell(n: string): number {
    const i = this.cellIdx.get(n);
    if (i === undefined) throw new Error(`compiler: '${n}' is not a cell or free variable of ${this.qualname}`);
    return i;
  }

  // ------------------------------------------------------------ finishing

  finish(argcount: number, posonly: number, kwonly: number): CodeObject {
    for (const i of this.fixups) {
      const target = this.labels[this.args[i]];
      if (target < 0) throw new Error('compiler: unbound label');
      this.args[i] = target;
      if (this.ops[i] === Op.JUMP_FORWARD || this.ops[i] === Op.JUMP_BACKWARD) {
        this.ops[i] = target <= i ? Op.JUMP_BACKWARD : Op.JUMP_FORWARD;
      }
    }
    const s = this.scope;
    const cell2arg = s.cellvars.map((n) => (s.params.includes(n) ? s.params.indexOf(n) : -1));
    return {
      name: this.name,
      qualname: this.qualname,
      filename: this.filename,
      firstLine: this.firstLine,
      flags: this.flags,
      ops: this.ops,
      args: this.args,
      positions: this.positions,
      consts: this.consts,
      names: this.names,
      varnames: this.varnames,
      cellvars: s.cellvars,
      freevars: s.freevars,
      cell2arg,
      argcount,
      posonlyargcount: posonly,
      kwonlyargcount: kwonly,
      stacksize: computeStacksize(this.ops, this.args),
      docstring: this.docstring,
    };
  }
}

export function functionFlags(s: Scope): number {
  let f = 0;
  if (s.isFunctionLike) f |= CodeFlags.OPTIMIZED | CodeFlags.NEWLOCALS;
  if (s.hasVarargs) f |= CodeFlags.VARARGS;
  if (s.hasVarkw) f |= CodeFlags.VARKEYWORDS;
  if (s.nested && s.isFunctionLike) f |= CodeFlags.NESTED;
  if (s.isGenerator) f |= CodeFlags.GENERATOR;
  return f;
}

/** Dedup key of a constant; null for constants that are never shared (code objects). */
function constKey(c: CodeConst): string | null {
  switch (c.type) {
    case 'int':
      return `i${c.value}`;
    case 'float':
      return Object.is(c.value, -0) ? 'f-0' : `f${c.value}`;
    case 'str':
      return `s${c.value}`;
    case 'bytes':
      return `b${c.value.join(',')}`;
    case 'bool':
      return `B${c.value}`;
    case 'None':
      return 'N';
    case 'Ellipsis':
      return 'E';
    case 'tuple': {
      const parts: string[] = [];
      for (const it of c.items) {
        const k = constKey(it);
        if (k === null) return null;
        parts.push(JSON.stringify(k));
      }
      return `t[${parts.join(',')}]`;
    }
    case 'kwnames':
      return `k${JSON.stringify(c.names)}`;
    case 'code':
      return null;
  }
}

/** Maximum value-stack depth over all reachable paths (handlers included). */
export function computeStacksize(ops: readonly Op[], args: readonly number[]): number {
  const n = ops.length;
  const depth = new Int32Array(n).fill(-1);
  const work: number[] = [];
  let max = 0;
  const visit = (i: number, d: number) => {
    if (i < 0 || i >= n) return;
    if (d > max) max = d;
    if (depth[i] >= d) return;
    depth[i] = d;
    work.push(i);
  };
  visit(0, 0);
  while (work.length > 0) {
    const i = work.pop()!;
    const op = ops[i];
    const d = depth[i];
    if (JUMP_OPS.has(op)) visit(args[i], d + stackEffect(op, args[i], true));
    if (!isTerminator(op)) {
      const nd = d + stackEffect(op, args[i], false);
      if (nd > max) max = nd;
      visit(i + 1, nd);
    }
    if (isSetup(op) && d + 1 > max) max = d + 1;
  }
  return max;
}
