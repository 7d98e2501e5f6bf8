// Code objects: the compiler's output and the VM's input. Plain, immutable data.
import type { Op } from './opcodes';

/** A compile-time constant. Nested code objects are constants too (for MAKE_FUNCTION). */
export type CodeConst =
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'str'; value: string }
  | { type: 'bytes'; value: number[] }
  | { type: 'bool'; value: boolean }
  | { type: 'None' }
  | { type: 'Ellipsis' }
  | { type: 'tuple'; items: CodeConst[] }
  /** KW_NAMES operands. */
  | { type: 'kwnames'; names: string[] }
  | { type: 'code'; code: CodeObject };

export enum CodeFlags {
  OPTIMIZED = 1, // function scope: locals live in fixed slots
  NEWLOCALS = 2,
  VARARGS = 4,
  VARKEYWORDS = 8,
  NESTED = 16,
  GENERATOR = 32,
}

/** Source position of one instruction. Lines are 1-based, columns 0-based. */
export interface Position {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export interface CodeObject {
  /** Function name, '<module>', '<lambda>', '<listcomp>', '<genexpr>', class name. */
  name: string;
  qualname: string;
  filename: string;
  firstLine: number;
  flags: number; // CodeFlags bit set

  /** Parallel arrays: ops[i] with its argument args[i] (0 when unused). */
  ops: Op[];
  args: number[];
  /** positions[i] is the source range of instruction i (for tracebacks, stepping, trace). */
  positions: Position[];

  consts: CodeConst[];
  /** Global / attribute / import names used by *_GLOBAL, *_NAME, *_ATTR, LOAD_METHOD, IMPORT_*. */
  names: string[];
  /** Local slots: parameters first (positional, then keyword-only, then *args, then **kwargs). */
  varnames: string[];
  /** Locals captured by inner functions (each gets a cell). Parameters may be cells too. */
  cellvars: string[];
  /** Variables captured from enclosing scopes. Frame cells = cellvars ++ freevars. */
  freevars: string[];
  /** For each cellvar that is also a parameter: its varnames index, else -1 (copied on entry). */
  cell2arg: number[];

  argcount: number; // positional parameters, including positional-only
  posonlyargcount: number;
  kwonlyargcount: number;

  /** Maximum value-stack depth (a hint; the VM may grow beyond it). */
  stacksize: number;
  docstring: string | null;
}
