// Exception objects, the builtin exception hierarchy (CPython 3.11 names and MRO), and the
// JS throwable that carries a Python exception through native code.
//
// Native code raises with `throw pyErr(E.TypeError, "message")`. PyException deliberately
// does not extend Error (no stack capture: raising is common and must be cheap). The
// interpreter catches it at the instruction boundary; JS exceptions never cross a Python
// call.

import type { CodeObject } from '../compiler/code';
import { PyObject, PyType, PyValue, PyTuple, objectType, EMPTY_TUPLE, newTuple } from './objects';

export class PyBaseException extends PyObject {
  declare args: PyTuple;
  declare traceback: PyTraceback | null;
  declare cause: PyBaseException | null;
  declare context: PyBaseException | null;
  declare suppressContext: boolean;
  constructor(cls: PyType, args: PyTuple = EMPTY_TUPLE) {
    super(cls);
    this.args = args;
    this.traceback = null;
    this.cause = null;
    this.context = null;
    this.suppressContext = false;
  }
}

/** One traceback entry (tb_next chain), innermost last. */
export class PyTraceback extends PyObject {
  constructor(
    public code: CodeObject,
    /** Instruction index (for the line number). */
    public lasti: number,
    public lineno: number,
    public next: PyTraceback | null,
  ) {
    super(tracebackType);
  }
}

/** The JS throwable for a Python exception. */
export class PyException {
  constructor(readonly exc: PyBaseException) {}
}

export const tracebackType = new PyType('traceback', [objectType], { builtin: true, layout: 'other', baseable: false });
export const frameType = new PyType('frame', [objectType], { builtin: true, layout: 'other', baseable: false });

function exc(name: string, base: PyType | null): PyType {
  return new PyType(name, base ? [base] : [objectType], { builtin: true, layout: 'exception' });
}

const BaseException = exc('BaseException', null);
const Exception = exc('Exception', BaseException);
const ArithmeticError = exc('ArithmeticError', Exception);
const LookupError = exc('LookupError', Exception);
const OSError = exc('OSError', Exception);
const ConnectionError = exc('ConnectionError', OSError);
const RuntimeError = exc('RuntimeError', Exception);
const NameError = exc('NameError', Exception);
const ImportError = exc('ImportError', Exception);
const ValueError = exc('ValueError', Exception);
const UnicodeError = exc('UnicodeError', ValueError);
const SyntaxError = exc('SyntaxError', Exception);
const IndentationError = exc('IndentationError', SyntaxError);
const Warning = exc('Warning', Exception);

/** All builtin exception types by name. */
export const E = {
  BaseException,
  GeneratorExit: exc('GeneratorExit', BaseException),
  KeyboardInterrupt: exc('KeyboardInterrupt', BaseException),
  SystemExit: exc('SystemExit', BaseException),
  Exception,
  ArithmeticError,
  FloatingPointError: exc('FloatingPointError', ArithmeticError),
  OverflowError: exc('OverflowError', ArithmeticError),
  ZeroDivisionError: exc('ZeroDivisionError', ArithmeticError),
  AssertionError: exc('AssertionError', Exception),
  AttributeError: exc('AttributeError', Exception),
  BufferError: exc('BufferError', Exception),
  EOFError: exc('EOFError', Exception),
  ImportError,
  ModuleNotFoundError: exc('ModuleNotFoundError', ImportError),
  LookupError,
  IndexError: exc('IndexError', LookupError),
  KeyError: exc('KeyError', LookupError),
  MemoryError: exc('MemoryError', Exception),
  NameError,
  UnboundLocalError: exc('UnboundLocalError', NameError),
  OSError,
  BlockingIOError: exc('BlockingIOError', OSError),
  ChildProcessError: exc('ChildProcessError', OSError),
  ConnectionError,
  BrokenPipeError: exc('BrokenPipeError', ConnectionError),
  ConnectionAbortedError: exc('ConnectionAbortedError', ConnectionError),
  ConnectionRefusedError: exc('ConnectionRefusedError', ConnectionError),
  ConnectionResetError: exc('ConnectionResetError', ConnectionError),
  FileExistsError: exc('FileExistsError', OSError),
  FileNotFoundError: exc('FileNotFoundError', OSError),
  InterruptedError: exc('InterruptedError', OSError),
  IsADirectoryError: exc('IsADirectoryError', OSError),
  NotADirectoryError: exc('NotADirectoryError', OSError),
  PermissionError: exc('PermissionError', OSError),
  ProcessLookupError: exc('ProcessLookupError', OSError),
  TimeoutError: exc('TimeoutError', OSError),
  ReferenceError: exc('ReferenceError', Exception),
  RuntimeError,
  NotImplementedError: exc('NotImplementedError', RuntimeError),
  RecursionError: exc('RecursionError', RuntimeError),
  StopAsyncIteration: exc('StopAsyncIteration', Exception),
  StopIteration: exc('StopIteration', Exception),
  SyntaxError,
  IndentationError,
  TabError: exc('TabError', IndentationError),
  SystemError: exc('SystemError', Exception),
  TypeError: exc('TypeError', Exception),
  ValueError,
  UnicodeError,
  UnicodeDecodeError: exc('UnicodeDecodeError', UnicodeError),
  UnicodeEncodeError: exc('UnicodeEncodeError', UnicodeError),
  Warning,
  BytesWarning: exc('BytesWarning', Warning),
  DeprecationWarning: exc('DeprecationWarning', Warning),
  FutureWarning: exc('FutureWarning', Warning),
  ImportWarning: exc('ImportWarning', Warning),
  PendingDeprecationWarning: exc('PendingDeprecationWarning', Warning),
  ResourceWarning: exc('ResourceWarning', Warning),
  RuntimeWarning: exc('RuntimeWarning', Warning),
  SyntaxWarning: exc('SyntaxWarning', Warning),
  UnicodeWarning: exc('UnicodeWarning', Warning),
  UserWarning: exc('UserWarning', Warning),
  EncodingWarning: exc('EncodingWarning', Warning),
} as const;

/** Aliases CPython keeps in builtins. */
export const EXCEPTION_ALIASES: Record<string, PyType> = { EnvironmentError: OSError, IOError: OSError };

/** Linux errno -> OSError subclass (what OSError(errno, msg) constructs). */
export const ERRNO_SUBCLASS: Record<number, PyType> = {
  11: E.BlockingIOError, 114: E.BlockingIOError, 115: E.BlockingIOError,
  10: E.ChildProcessError,
  32: E.BrokenPipeError, 108: E.BrokenPipeError,
  103: E.ConnectionAbortedError, 111: E.ConnectionRefusedError, 104: E.ConnectionResetError,
  17: E.FileExistsError, 2: E.FileNotFoundError, 4: E.InterruptedError,
  21: E.IsADirectoryError, 20: E.NotADirectoryError, 1: E.PermissionError, 13: E.PermissionError,
  3: E.ProcessLookupError, 110: E.TimeoutError,
};

/** Creates an exception instance of builtin type `t` with the given args. */
export function newException(t: PyType, ...args: PyValue[]): PyBaseException {
  return new PyBaseException(t, newTuple(args));
}

/** `throw pyErr(E.TypeError, 'message')` */
export function pyErr(t: PyType, msg?: string): PyException {
  return new PyException(msg === undefined ? newException(t) : newException(t, msg));
}

/** OSError(errno, strerror) with the errno-specific subclass, errno/strerror attributes
 *  are set by the exception __init__ (see excinit in the VM). */
export function osError(errno: number, strerror: string, t?: PyType, filename?: PyValue): PyException {
  const cls = t ?? ERRNO_SUBCLASS[errno] ?? E.OSError;
  const exc = newException(cls, errno, strerror);
  exc.dict = new PyDictCtor();
  exc.dict.setStr('errno', errno);
  exc.dict.setStr('strerror', strerror);
  exc.dict.setStr('filename', filename ?? null);
  exc.dict.setStr('filename2', null);
  return new PyException(exc);
}
import { PyDict as PyDictCtor } from './dict';
