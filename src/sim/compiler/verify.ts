// Structural verifier for code objects: every jump target in range, the value-stack depth
// and the block stack consistent along all paths (same state wherever paths join), depth
// never negative and never above stacksize, blocks balanced (POP_BLOCK only with a block,
// none left at RETURN_VALUE), KW_NAMES directly before CALL, only JUMP_BACKWARD jumps
// backwards, and table indices in range. Nested code objects are verified too.

import type { CodeObject } from './code';
import { JUMP_OPS, OP_NAMES, Op } from './opcodes';
import { blockLevel, isSetup, isTerminator, stackEffect } from './stack';

interface State {
  depth: number;
  /** Levels of the open blocks, innermost last (with their handler for error messages). */
  blocks: string;
}

/** Returns the problems found (empty when the code is well formed). */
export function verifyCode(code: CodeObject): string[] {
  const errors: string[] = [];
  verifyOne(code, errors);
  for (const c of code.consts) if (c.type === 'code') errors.push(...verifyCode(c.code));
  return errors;
}

function verifyOne(code: CodeObject, errors: string[]): void {
  const where = (i: number) => `${code.qualname}@${i} ${OP_NAMES[code.ops[i]] ?? '?'}`;
  const n = code.ops.length;
  const err = (i: number, msg: string) => errors.push(`${where(i)}: ${msg}`);
  if (n === 0) {
    errors.push(`${code.qualname}: empty code`);
    return;
  }
  if (code.args.length !== n || code.positions.length !== n) errors.push(`${code.qualname}: parallel arrays differ`);
  const ncells = code.cellvars.length + code.freevars.length;

  // Static checks per instruction.
  for (let i = 0; i < n; i++) {
    const op = code.ops[i];
    const arg = code.args[i];
    if (OP_NAMES[op] === undefined) err(i, `unknown opcode ${op}`);
    if (JUMP_OPS.has(op)) {
      if (arg < 0 || arg >= n) err(i, `jump target ${arg} out of range`);
      if (op === Op.JUMP_BACKWARD ? arg > i : arg <= i) err(i, `jump direction wrong (to ${arg})`);
    }
    switch (op) {
      case Op.LOAD_CONST:
      case Op.KW_NAMES:
        if (arg < 0 || arg >= code.consts.length) err(i, 'const index out of range');
        else if ((op === Op.KW_NAMES) !== (code.consts[arg].type === 'kwnames')) err(i, 'kwnames constant misuse');
        break;
      case Op.LOAD_FAST:
      case Op.STORE_FAST:
      case Op.DELETE_FAST:
        if (arg < 0 || arg >= code.varnames.length) err(i, 'varname index out of range');
        break;
      case Op.LOAD_DEREF:
      case Op.STORE_DEREF:
      case Op.DELETE_DEREF:
      case Op.LOAD_CLOSURE:
      case Op.LOAD_CLASSDEREF:
        if (arg < 0 || arg >= ncells) err(i, 'cell index out of range');
        break;
      case Op.LOAD_GLOBAL:
      case Op.STORE_GLOBAL:
      case Op.DELETE_GLOBAL:
      case Op.LOAD_NAME:
      case Op.STORE_NAME:
      case Op.DELETE_NAME:
      case Op.LOAD_ATTR:
      case Op.STORE_ATTR:
      case Op.DELETE_ATTR:
      case Op.LOAD_METHOD:
      case Op.IMPORT_NAME:
      case Op.IMPORT_FROM:
        if (arg < 0 || arg >= code.names.length) err(i, 'name index out of range');
        break;
      default:
        break;
    }
    if (op === Op.KW_NAMES && code.ops[i + 1] !== Op.CALL) err(i, 'KW_NAMES not followed by CALL');
  }

  // Flow analysis.
  const states: (State | undefined)[] = new Array(n);
  const work: number[] = [];
  const reach = (from: number, to: number, s: State) => {
    if (to < 0 || to >= n) {
      err(from, `control reaches ${to}, outside the code`);
      return;
    }
    if (s.depth < 0) {
      err(from, 'stack depth negative');
      return;
    }
    if (s.depth > code.stacksize) err(from, `stack depth ${s.depth} above stacksize ${code.stacksize}`);
    const old = states[to];
    if (!old) {
      states[to] = s;
      work.push(to);
    } else if (old.depth !== s.depth || old.blocks !== s.blocks) {
      err(to, `inconsistent state: depth ${old.depth} blocks [${old.blocks}] vs depth ${s.depth} blocks [${s.blocks}] from ${from}`);
    }
  };
  states[0] = { depth: 0, blocks: '' };
  work.push(0);
  while (work.length > 0) {
    const i = work.pop()!;
    const s = states[i]!;
    const op = code.ops[i];
    const arg = code.args[i];
    const blocks = s.blocks === '' ? [] : s.blocks.split(',');
    if (op === Op.POP_BLOCK) {
      if (blocks.length === 0) {
        err(i, 'POP_BLOCK with no block');
        continue;
      }
      blocks.pop();
    }
    if (op === Op.RETURN_VALUE) {
      if (blocks.length > 0) err(i, `return with open blocks [${s.blocks}]`);
      if (s.depth !== 1) err(i, `return with stack depth ${s.depth}`);
    }
    if (isSetup(op)) {
      const level = blockLevel(op, s.depth);
      if (level < 0) err(i, 'block level negative');
      // The handler starts with the blocks below this one and the exception pushed.
      reach(i, arg, { depth: level + 1, blocks: s.blocks });
      blocks.push(String(level));
    } else if (JUMP_OPS.has(op)) {
      reach(i, arg, { depth: s.depth + stackEffect(op, arg, true), blocks: s.blocks });
    }
    if ((op === Op.COPY || op === Op.SWAP) && (arg < 1 || arg > s.depth)) err(i, `${arg} exceeds stack depth ${s.depth}`);
    const positional = op === Op.LIST_APPEND || op === Op.SET_ADD || op === Op.LIST_EXTEND || op === Op.SET_UPDATE ||
      op === Op.DICT_UPDATE || op === Op.DICT_MERGE ? 1 : op === Op.MAP_ADD ? 2 : 0;
    if (positional > 0 && arg + positional > s.depth) err(i, `container position ${arg} exceeds stack depth ${s.depth}`);
    const after = s.depth + stackEffect(op, arg, false);
    if (after < 0) err(i, 'stack underflow');
    if (!isTerminator(op)) {
      reach(i, i + 1, { depth: after, blocks: blocks.join(',') });
      // A block protects stack entries that must stay in place while it is open.
      for (const b of blocks) if (Number(b) > after) err(i, `block level ${b} above depth ${after}`);
    }
  }
}

/** Throws with all problems when `code` is not well formed. */
export function assertValidCode(code: CodeObject): void {
  const errors = verifyCode(code);
  if (errors.length > 0) throw new Error(`invalid code object:\n  ${errors.join('\n  ')}`);
}
