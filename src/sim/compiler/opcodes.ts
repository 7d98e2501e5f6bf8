// The instruction set shared by the compiler and the VM.
//
// Names are CPython's (mostly 3.11, a few 3.10 block opcodes where a block stack is
// simpler than an exception table). Semantics are ours and are specified here: this file
// is the contract between src/sim/compiler and src/sim/vm. "TOS" is the top of the value
// stack, "TOS1" the one below. Jump arguments are ABSOLUTE instruction indices.
//
// Calls follow 3.11: the callable sits under its arguments with a NULL slot below it
//   [NULL, callable, arg1..argN]            (PUSH_NULL; load f; args; CALL n)
//   [function, self, arg1..argN]            (LOAD_METHOD m; args; CALL n)
// CALL n consumes n+2 items. If KW_NAMES k ran just before, the last len(consts[k])
// arguments are keyword arguments named by the tuple consts[k] (a string[] constant).
//
// Exceptions use a per-frame block stack (like CPython 3.10): SETUP_FINALLY and
// SETUP_CLEANUP push {handler, level = current stack depth}; SETUP_WITH pushes
// {handler, level = current depth - 1} (the __enter__ result on TOS is not protected).
// POP_BLOCK pops. When an exception propagates into a frame, the VM pops blocks until it
// finds one, truncates the value stack to block.level, pushes the exception object and
// jumps to block.handler. With no block left, the frame is popped and the exception
// continues in the caller. "exc_info" is the thread's currently-handled exception
// (sys.exc_info(), implicit __context__ chaining, bare `raise`).
//
// Compilation patterns (the compiler emits exactly these shapes; d = depth before `try`):
// (Fixed by the compiler: the except-clause test had a `COPY 1` before `<load E>`; since
//  CHECK_EXC_MATCH keeps the exception, that left [prev, exc, exc] after the jump and broke
//  the [prev] / [prev, exc] depths below. As in CPython 3.11 there is no COPY.)
//
//   try: B  except E as e: H  else: L          try: B  finally: F
//     SETUP_FINALLY h                            SETUP_FINALLY f
//     B                                          B
//     POP_BLOCK                                  POP_BLOCK
//     L                                          F            (normal-path copy)
//     JUMP_FORWARD end                           JUMP_FORWARD end
//   h: SETUP_CLEANUP c   (level d+1)           f: SETUP_CLEANUP c    (level d+1)
//     PUSH_EXC_INFO            [prev, exc]       PUSH_EXC_INFO       [prev, exc]
//     <load E>; CHECK_EXC_MATCH  [prev,exc,b]  F            (exception-path copy)
//     POP_JUMP_IF_FALSE next                     RERAISE 0    (still inside c: c restores
//     STORE_FAST e  (or POP_TOP)  [prev]                        exc_info and re-raises)
//     SETUP_CLEANUP c2   (only with `as e`)    c: SWAP 2; POP_EXCEPT; RERAISE 0
//     H                                        end:
//     POP_BLOCK (c2); POP_BLOCK (c)
//     POP_EXCEPT  []; <e = None; del e>        A cleanup handler c always runs with
//     JUMP_FORWARD end                         [prev, exc'] (stack truncated to d+1, the new
//   c2: <e = None; del e>; RERAISE 0           exception pushed): SWAP 2; POP_EXCEPT restores
//   next: [prev, exc] ... more handlers ...    exc_info = prev, RERAISE 0 re-raises exc'.
//     RERAISE 0       (no handler matched; caught by c)
//   c: SWAP 2; POP_EXCEPT; RERAISE 0
//   end:
//
//   with M as x: B
//     <M>; BEFORE_WITH           [exit, enter_result]
//     SETUP_WITH h               level = d+1 (protects [exit])
//     STORE x (or POP_TOP)
//     B
//     POP_BLOCK
//     PUSH_NULL; SWAP 2; LOAD_CONST None x3; CALL 3; POP_TOP
//     JUMP_FORWARD end
//   h: SETUP_CLEANUP c            [exit, exc]  level d+2
//     PUSH_EXC_INFO               [exit, prev, exc]
//     WITH_EXCEPT_START           [exit, prev, exc, res]   (calls exit(type(exc), exc, tb))
//     POP_JUMP_IF_TRUE s
//     RERAISE 0                   raises exc, caught by c
//   s: POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP      [exc popped, exc_info restored, exit popped]
//     JUMP_FORWARD end
//   c: SWAP 2; POP_EXCEPT; RERAISE 0   ([exit, prev, exc'] -> restore prev, re-raise exc')
//   end:
//
//   return/break/continue inside try-finally / with / except: the compiler unwinds its
//   static block stack: for each enclosing block it emits POP_BLOCK, and for an except
//   handler also POP_EXCEPT (after a SWAP/POP as needed), for `with` the exit call
//   (PUSH_NULL; SWAP 2; LOAD_CONST None x3; CALL 3; POP_TOP), for finally an inline copy
//   of F — exactly as CPython's compiler does. A `for` loop's iterator is popped on
//   break/return (POP_TOP). `return` keeps its value on top (SWAP around as needed).
//
//   for x in it: B else: E            comprehensions compile to nested functions
//     <it>; GET_ITER                   called with the first iterator as `.0`, as in CPython.
//   top: FOR_ITER end                Generators: a code object with the GENERATOR flag; calling
//     STORE x; B                       it creates a generator object (RETURN_GENERATOR is not
//     JUMP_BACKWARD top                used: the call itself builds the generator).
//   end: E

export enum Op {
  // -- stack
  NOP,
  POP_TOP,
  /** Push a copy of the i-th item (1 = TOS). */
  COPY,
  /** Swap TOS with the i-th item (i >= 2). */
  SWAP,
  /** Push the NULL marker used by CALL. */
  PUSH_NULL,

  // -- constants and names
  LOAD_CONST,
  /** arg = local slot (code.varnames index). UnboundLocalError if unset. */
  LOAD_FAST,
  STORE_FAST,
  DELETE_FAST,
  /** arg = index into code.cellvars ++ code.freevars (the frame's cells array). */
  LOAD_DEREF,
  STORE_DEREF,
  DELETE_DEREF,
  /** Push the cell object itself (to build a closure tuple). */
  LOAD_CLOSURE,
  /** Class bodies: look in the class namespace first, then the cell. arg as LOAD_DEREF. */
  LOAD_CLASSDEREF,
  /** arg = code.names index: globals, then builtins. NameError if missing. */
  LOAD_GLOBAL,
  STORE_GLOBAL,
  DELETE_GLOBAL,
  /** Module and class bodies: locals mapping, then globals, then builtins. */
  LOAD_NAME,
  STORE_NAME,
  DELETE_NAME,

  // -- attributes and items
  /** arg = names index. TOS = obj -> getattr(obj, name). */
  LOAD_ATTR,
  /** TOS = obj, TOS1 = value: obj.name = value. */
  STORE_ATTR,
  DELETE_ATTR,
  /** TOS = obj -> [func, obj] when name resolves to a plain function on the type,
   *  else [NULL, getattr(obj, name)]. */
  LOAD_METHOD,
  /** TOS = key, TOS1 = container -> container[key]. */
  BINARY_SUBSCR,
  /** TOS = key, TOS1 = container, TOS2 = value: container[key] = value. */
  STORE_SUBSCR,
  DELETE_SUBSCR,
  /** arg 2 or 3: pops (start, stop[, step]) -> slice object. */
  BUILD_SLICE,

  // -- operators
  /** arg = BinaryOpArg (inplace variants for augmented assignment). TOS1 op TOS. */
  BINARY_OP,
  UNARY_POSITIVE,
  UNARY_NEGATIVE,
  UNARY_NOT,
  UNARY_INVERT,
  /** arg = CompareOpArg (Lt..GtE). TOS1 op TOS. Chained comparisons use COPY/SWAP and jumps. */
  COMPARE_OP,
  /** arg 0: `is`, 1: `is not`. */
  IS_OP,
  /** arg 0: `in`, 1: `not in`. TOS = container, TOS1 = item. */
  CONTAINS_OP,

  // -- building
  BUILD_TUPLE,
  BUILD_LIST,
  BUILD_SET,
  /** arg = n pairs: [k1, v1, ..., kn, vn] -> dict. */
  BUILD_MAP,
  /** arg = n: n strings -> concatenation (f-strings). */
  BUILD_STRING,
  /** Comprehensions: append TOS to the list at stack position arg (after popping TOS). */
  LIST_APPEND,
  SET_ADD,
  /** TOS = value, TOS1 = key; dict at position arg (after popping both). */
  MAP_ADD,
  /** TOS = iterable: extend the list at position arg (after popping). */
  LIST_EXTEND,
  SET_UPDATE,
  /** TOS = mapping: update the dict at position arg. */
  DICT_UPDATE,
  /** Like DICT_UPDATE but TypeError on duplicate keys (for f(**a, **b)). */
  DICT_MERGE,
  LIST_TO_TUPLE,
  /** arg: FormatFlags. [value, spec?] -> str. */
  FORMAT_VALUE,
  /** arg = n: TOS iterable -> n values, first item on top. */
  UNPACK_SEQUENCE,
  /** arg = before | (after << 8): starred unpacking; first item on top. */
  UNPACK_EX,

  // -- control flow (arg = absolute target index)
  JUMP_FORWARD,
  /** Backward jumps are eval-breaker points (preemption, signals). */
  JUMP_BACKWARD,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
  POP_JUMP_IF_NONE,
  POP_JUMP_IF_NOT_NONE,
  /** If TOS is false jump and keep it, else pop it (for `and`). */
  JUMP_IF_FALSE_OR_POP,
  JUMP_IF_TRUE_OR_POP,
  /** TOS = iterable -> iterator. */
  GET_ITER,
  /** TOS = iterator: push next value, or pop the iterator and jump to arg when exhausted. */
  FOR_ITER,

  // -- functions and classes
  /** Pops [NULL|func, callable|self, args...] (see header). Eval-breaker point. */
  CALL,
  /** arg = consts index of a string[] of keyword names for the next CALL. */
  KW_NAMES,
  /** arg & 1: a kwargs dict is on top. Stack: [NULL, callable, argsTuple, kwargsDict?]. */
  CALL_FUNCTION_EX,
  /** arg = MakeFunctionFlags. Stack (bottom to top): defaults tuple?, kwdefaults dict?,
   *  annotations dict?, closure tuple of cells?, code object -> function. Qualname comes from the code. */
  MAKE_FUNCTION,
  /** Push the builtin __build_class__; called as __build_class__(func, name, *bases, **kw).
   *  (Compiler note:) the class body code stores __module__, __qualname__ (and __doc__)
   *  first; when a method uses super()/__class__ it has a cellvar __class__ and ends with
   *  LOAD_CLOSURE __class__; COPY 1; STORE_NAME __classcell__; RETURN_VALUE (returns the
   *  cell, as CPython 3.11), else returns None. __build_class__ sets the cell to the new class. */
  LOAD_BUILD_CLASS,
  RETURN_VALUE,
  /** Generator: TOS is yielded; the value sent in is pushed on resume. */
  YIELD_VALUE,
  /** yield from / await: TOS = value to send, TOS1 = sub-iterator. If the sub-iterator
   *  yields, that value is yielded and this instruction re-executes on resume; when it
   *  returns, pops both and pushes the return value. (3.10's YIELD_FROM semantics.) */
  YIELD_FROM,
  /** TOS = iterable -> iterator for yield from (generators pass through). */
  GET_YIELD_FROM_ITER,

  // -- imports
  /** arg = names index of the dotted module name; TOS = fromlist (tuple|None), TOS1 = level. */
  IMPORT_NAME,
  /** arg = names index: TOS = module -> push module.name (ImportError if missing). */
  IMPORT_FROM,
  /** TOS = module: `from m import *` into the current namespace; pops it. */
  IMPORT_STAR,

  // -- exceptions and blocks
  /** arg = handler target. */
  SETUP_FINALLY,
  SETUP_CLEANUP,
  SETUP_WITH,
  POP_BLOCK,
  /** [exc] -> [prev_exc_info, exc]; exc_info = exc. */
  PUSH_EXC_INFO,
  /** [prev] -> []; exc_info = prev. */
  POP_EXCEPT,
  /** TOS = exception type or tuple, TOS1 = exception -> bool (TOS1 stays). */
  CHECK_EXC_MATCH,
  /** arg: 0 bare `raise`, 1 `raise exc`, 2 `raise exc from cause`. */
  RAISE_VARARGS,
  /** Pops TOS (an exception) and raises it again, keeping its traceback. */
  RERAISE,
  /** [exit, prev, exc] -> [exit, prev, exc, exit(type(exc), exc, tb)]: exit is the 3rd item. */
  WITH_EXCEPT_START,
  /** TOS = context manager -> [bound __exit__, result of __enter__()]. */
  BEFORE_WITH,
  /** TOS = AssertionError class (pushed by this op, no arg). */
  LOAD_ASSERTION_ERROR,

  // -- class bodies
  /** Module and class bodies: store __annotations__ entries are ignored; this pushes the
   *  class namespace's __name__ etc. Not used otherwise. */
  SETUP_ANNOTATIONS,
}

export const OP_NAMES: readonly string[] = Object.keys(Op).filter((k) => isNaN(Number(k)));

/** BINARY_OP's argument, numbered as CPython 3.11's NB_* constants. */
export enum BinaryOpArg {
  ADD = 0, AND = 1, FLOOR_DIVIDE = 2, LSHIFT = 3, MATRIX_MULTIPLY = 4, MULTIPLY = 5,
  REMAINDER = 6, OR = 7, POWER = 8, RSHIFT = 9, SUBTRACT = 10, TRUE_DIVIDE = 11, XOR = 12,
  INPLACE_ADD = 13, INPLACE_AND = 14, INPLACE_FLOOR_DIVIDE = 15, INPLACE_LSHIFT = 16,
  INPLACE_MATRIX_MULTIPLY = 17, INPLACE_MULTIPLY = 18, INPLACE_REMAINDER = 19,
  INPLACE_OR = 20, INPLACE_POWER = 21, INPLACE_RSHIFT = 22, INPLACE_SUBTRACT = 23,
  INPLACE_TRUE_DIVIDE = 24, INPLACE_XOR = 25,
}

/** The symbol CPython prints for each BINARY_OP argument (for dis and error messages). */
export const BINARY_OP_SYMBOLS: readonly string[] = [
  '+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^',
  '+=', '&=', '//=', '<<=', '@=', '*=', '%=', '|=', '**=', '>>=', '-=', '/=', '^=',
];

/** COMPARE_OP's argument, as CPython's cmp_op. */
export enum CompareOpArg { LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5 }
export const COMPARE_OP_SYMBOLS: readonly string[] = ['<', '<=', '==', '!=', '>', '>='];

/** FORMAT_VALUE's argument: low 2 bits = conversion, bit 2 = a format spec is on the stack. */
export enum FormatFlags { NONE = 0, STR = 1, REPR = 2, ASCII = 3, HAS_SPEC = 4 }

/** ANNOTATIONS: a dict {parameter name: annotation, 'return': ...} (CPython 3.11 uses a tuple of pairs). */
export enum MakeFunctionFlags { DEFAULTS = 1, KWDEFAULTS = 2, ANNOTATIONS = 4, CLOSURE = 8 }

/** Opcodes whose argument is a jump target (for the disassembler and the verifier). */
export const JUMP_OPS: ReadonlySet<Op> = new Set([
  Op.JUMP_FORWARD, Op.JUMP_BACKWARD, Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE,
  Op.POP_JUMP_IF_NONE, Op.POP_JUMP_IF_NOT_NONE, Op.JUMP_IF_FALSE_OR_POP,
  Op.JUMP_IF_TRUE_OR_POP, Op.FOR_ITER, Op.SETUP_FINALLY, Op.SETUP_CLEANUP, Op.SETUP_WITH,
]);
