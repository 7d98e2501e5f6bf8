// Stack effects of instructions, shared by the compiler (stacksize) and the verifier.
import { assertUnreachable } from '../util/assert';
import { Op } from './opcodes';

/**
 * Net change of the value-stack depth when `op arg` executes. `jump` selects the effect
 * when the jump is taken (for SETUP_*: the depth at which the handler starts, relative to
 * the depth at the SETUP instruction).
 */
export function stackEffect(op: Op, arg: number, jump: boolean): number {
  switch (op) {
    case Op.NOP:
    case Op.SWAP:
    case Op.DELETE_FAST:
    case Op.DELETE_DEREF:
    case Op.DELETE_GLOBAL:
    case Op.DELETE_NAME:
    case Op.LOAD_ATTR:
    case Op.UNARY_POSITIVE:
    case Op.UNARY_NEGATIVE:
    case Op.UNARY_NOT:
    case Op.UNARY_INVERT:
    case Op.LIST_TO_TUPLE:
    case Op.JUMP_FORWARD:
    case Op.JUMP_BACKWARD:
    case Op.GET_ITER:
    case Op.KW_NAMES:
    case Op.YIELD_VALUE:
    case Op.GET_YIELD_FROM_ITER:
    case Op.POP_BLOCK:
    case Op.CHECK_EXC_MATCH:
    case Op.SETUP_ANNOTATIONS:
      return 0;
    case Op.POP_TOP:
    case Op.STORE_FAST:
    case Op.STORE_DEREF:
    case Op.STORE_GLOBAL:
    case Op.STORE_NAME:
    case Op.DELETE_ATTR:
    case Op.BINARY_SUBSCR:
    case Op.BINARY_OP:
    case Op.COMPARE_OP:
    case Op.IS_OP:
    case Op.CONTAINS_OP:
    case Op.LIST_APPEND:
    case Op.SET_ADD:
    case Op.LIST_EXTEND:
    case Op.SET_UPDATE:
    case Op.DICT_UPDATE:
    case Op.DICT_MERGE:
    case Op.POP_JUMP_IF_FALSE:
    case Op.POP_JUMP_IF_TRUE:
    case Op.POP_JUMP_IF_NONE:
    case Op.POP_JUMP_IF_NOT_NONE:
    case Op.RETURN_VALUE:
    case Op.YIELD_FROM:
    case Op.IMPORT_NAME:
    case Op.IMPORT_STAR:
    case Op.POP_EXCEPT:
    case Op.RERAISE:
      return -1;
    case Op.COPY:
    case Op.PUSH_NULL:
    case Op.LOAD_CONST:
    case Op.LOAD_FAST:
    case Op.LOAD_DEREF:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_CLASSDEREF:
    case Op.LOAD_GLOBAL:
    case Op.LOAD_NAME:
    case Op.LOAD_METHOD:
    case Op.LOAD_BUILD_CLASS:
    case Op.IMPORT_FROM:
    case Op.PUSH_EXC_INFO:
    case Op.WITH_EXCEPT_START:
    case Op.BEFORE_WITH:
    case Op.LOAD_ASSERTION_ERROR:
      return 1;
    case Op.STORE_ATTR:
    case Op.DELETE_SUBSCR:
    case Op.MAP_ADD:
      return -2;
    case Op.STORE_SUBSCR:
      return -3;
    case Op.BUILD_SLICE:
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST:
    case Op.BUILD_SET:
    case Op.BUILD_STRING:
      return 1 - arg;
    case Op.BUILD_MAP:
      return 1 - 2 * arg;
    case Op.FORMAT_VALUE:
      return arg & 4 ? -1 : 0;
    case Op.UNPACK_SEQUENCE:
      return arg - 1;
    case Op.UNPACK_EX:
      return (arg & 0xff) + (arg >> 8);
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
      return jump ? 0 : -1;
    case Op.FOR_ITER:
      return jump ? -1 : 1;
    case Op.CALL:
      return -arg - 1;
    case Op.CALL_FUNCTION_EX:
      return -2 - (arg & 1);
    case Op.MAKE_FUNCTION:
      return -((arg & 1 ? 1 : 0) + (arg & 2 ? 1 : 0) + (arg & 4 ? 1 : 0) + (arg & 8 ? 1 : 0));
    case Op.RAISE_VARARGS:
      return -arg;
    case Op.SETUP_FINALLY:
    case Op.SETUP_CLEANUP:
      return jump ? 1 : 0;
    case Op.SETUP_WITH:
      return 0;
    default:
      return assertUnreachable(op);
  }
}

/** Instructions after which control never falls through to the next one. */
export function isTerminator(op: Op): boolean {
  return (
    op === Op.JUMP_FORWARD ||
    op === Op.JUMP_BACKWARD ||
    op === Op.RETURN_VALUE ||
    op === Op.RAISE_VARARGS ||
    op === Op.RERAISE
  );
}

/** Block-pushing instructions and the value-stack level their block records. */
export function blockLevel(op: Op, depth: number): number {
  return op === Op.SETUP_WITH ? depth - 1 : depth;
}

export function isSetup(op: Op): boolean {
  return op === Op.SETUP_FINALLY || op === Op.SETUP_CLEANUP || op === Op.SETUP_WITH;
}
