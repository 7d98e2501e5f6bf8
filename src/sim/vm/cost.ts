// Virtual cost of each instruction, in nanoseconds of virtual time, indexed by Op.
// The kernel's clock consumes the per-thread accumulated cost. Calibrated roughly on
// CPython 3.11 per-opcode timings (a simple instruction ~ 15-30 ns, calls ~ 60-100 ns);
// the kernel may scale the whole table.

import { Op, OP_NAMES } from '../compiler/opcodes';

const DEFAULT = 20;
const table: Partial<Record<keyof typeof Op, number>> = {
  NOP: 5, POP_TOP: 8, COPY: 8, SWAP: 8, PUSH_NULL: 5,
  LOAD_CONST: 10, LOAD_FAST: 10, STORE_FAST: 10, LOAD_DEREF: 15, STORE_DEREF: 15,
  LOAD_GLOBAL: 25, LOAD_NAME: 30, STORE_NAME: 30,
  LOAD_ATTR: 35, STORE_ATTR: 40, LOAD_METHOD: 35,
  BINARY_SUBSCR: 30, STORE_SUBSCR: 35, BINARY_OP: 30, COMPARE_OP: 25,
  BUILD_LIST: 40, BUILD_TUPLE: 30, BUILD_MAP: 60, BUILD_SET: 60, BUILD_STRING: 40,
  JUMP_FORWARD: 8, JUMP_BACKWARD: 10, POP_JUMP_IF_FALSE: 12, POP_JUMP_IF_TRUE: 12,
  GET_ITER: 30, FOR_ITER: 20,
  CALL: 90, CALL_FUNCTION_EX: 120, MAKE_FUNCTION: 60, RETURN_VALUE: 30,
  IMPORT_NAME: 500, RAISE_VARARGS: 200, RERAISE: 100,
};

/** COST[op] for each opcode. */
export const COST: number[] = OP_NAMES.map((name) => table[name as keyof typeof Op] ?? DEFAULT);

/** Cost of one native-frame resume. */
export const NATIVE_COST = 40;
