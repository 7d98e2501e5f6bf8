// Which decision points matter. A thread's instruction is INVISIBLE to the other threads
// when it only reads and writes the thread's own state: its frame's value stack and fast
// locals, constants, jumps, and arithmetic on immutable primitive values already on the
// stack. Switching threads right before such an instruction gives the same result as
// switching right after it (it commutes with every instruction of another thread), so an
// explorer loses nothing by preempting only before VISIBLE instructions (the classic
// reduction of CHESS and of partial-order methods: preempt at shared accesses only).
// Virtual time is the one thing that differs (by an instruction's cost); programs whose
// outcome hinges on a few nanoseconds of virtual time are out of scope.
//
// Anything unknown counts as visible: a native frame on top, a pending syscall, a
// handle that is not a VM thread (the scripted test engine).

import { Op } from '../compiler/opcodes';
import type { Machine } from '../kernel/kernel';
import type { AnyFrame, PyThreadState } from '../vm/frame';
import { PyFloat, UNBOUND, type StackValue } from '../vm/objects';

/** Opcodes that touch nothing but the frame's own stack, locals and constants. */
const LOCAL_OPS: ReadonlySet<Op> = new Set([
  Op.NOP, Op.POP_TOP, Op.COPY, Op.SWAP, Op.PUSH_NULL, Op.LOAD_CONST, Op.LOAD_FAST, Op.STORE_FAST,
  Op.DELETE_FAST, Op.KW_NAMES, Op.JUMP_FORWARD, Op.JUMP_BACKWARD, Op.POP_JUMP_IF_NONE,
  Op.POP_JUMP_IF_NOT_NONE, Op.IS_OP, Op.SETUP_FINALLY, Op.SETUP_CLEANUP, Op.POP_BLOCK,
  Op.BUILD_TUPLE, Op.BUILD_LIST, Op.BUILD_SLICE, Op.MAKE_FUNCTION, Op.LOAD_ASSERTION_ERROR,
]);

/** Opcodes that are local when their operands (the top `n` stack values) are immutable
 * primitives: no Python-level dunder runs and no shared object is read. */
const PRIMITIVE_OPS: ReadonlyMap<Op, number> = new Map([
  [Op.BINARY_OP, 2], [Op.COMPARE_OP, 2], [Op.UNARY_NEGATIVE, 1], [Op.UNARY_POSITIVE, 1],
  [Op.UNARY_NOT, 1], [Op.UNARY_INVERT, 1], [Op.POP_JUMP_IF_FALSE, 1], [Op.POP_JUMP_IF_TRUE, 1],
  [Op.JUMP_IF_FALSE_OR_POP, 1], [Op.JUMP_IF_TRUE_OR_POP, 1],
]);

function isPrimitive(v: StackValue | undefined): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'string':
      return true;
    default:
      return v instanceof PyFloat;
  }
}

function isThreadState(h: unknown): h is PyThreadState {
  return typeof h === 'object' && h !== null && 'frame' in h && 'status' in h && 'steps' in h;
}

/** True when thread `tid`'s next instruction cannot affect or observe another thread. */
export function nextIsInvisible(m: Machine, tid: string): boolean {
  const t = m.state.threads[tid];
  if (!t || t.state !== 'running') return false;
  const h = t.handle;
  if (!isThreadState(h) || h.dying) return false;
  // a finished syscall whose value is still to be delivered: delivering it only pushes
  // the value on the caller's stack
  let pushed: StackValue[] = [];
  if (t.resume) {
    if (t.resume.kind !== 'value' || h.status !== 'syscall') return false;
    pushed = [t.resume.value as StackValue];
  } else if (h.status !== 'runnable') return false;
  const f: AnyFrame | null = h.frame;
  if (!f || f.kind !== 'py') return false;
  const op = f.code.ops[f.ip];
  if (op === undefined) return false;
  if (LOCAL_OPS.has(op)) return true;
  if (op === Op.RETURN_VALUE) {
    // back to a Python caller: pops this frame (not a generator's, a module's or a class
    // body's, whose returns do more)
    return f.gen === null && f.ns === null && f.back !== null && f.back.kind === 'py' && f.retOverride === UNBOUND;
  }
  const n = PRIMITIVE_OPS.get(op);
  if (n === undefined) return false;
  const st = pushed.length > 0 ? [...f.stack, ...pushed] : f.stack;
  if (st.length < n) return false;
  for (let i = 1; i <= n; i++) if (!isPrimitive(st[st.length - i])) return false;
  // int ** negative, / by zero... raise: still local (the exception is the thread's own)
  return true;
}
