// Binding call arguments to a Python function's parameters (CPython's messages), and
// creating frames.

import type { CodeObject } from '../compiler/code';
import { CodeFlags } from '../compiler/code';
import { PyValue, Sentinel, StackValue, UNBOUND, newTuple } from './objects';
import { PyDict } from './dict';
import { PyCell, PyFunction } from './function';
import { E, pyErr } from './exceptions';
import { GenMode, type AnyFrame, type Frame } from './frame';

const NO_CELLS: PyCell[] = [];
/** Shared empty block stack: SETUP_* replaces it with a frame's own array first. */
export const NO_BLOCKS: number[] = [];

export function newFrame(code: CodeObject, globals: PyDict, builtins: PyDict, ns: PyDict | null, back: AnyFrame | null): Frame {
  const locals: (PyValue | Sentinel)[] = new Array(code.varnames.length);
  for (let i = 0; i < locals.length; i++) locals[i] = UNBOUND;
  return makeFrame(code, locals, globals, builtins, ns, back);
}

/** The one place frames are allocated (one hidden class for all frames). */
function makeFrame(code: CodeObject, locals: (PyValue | Sentinel)[], globals: PyDict, builtins: PyDict, ns: PyDict | null, back: AnyFrame | null): Frame {
  return {
    kind: 'py',
    code,
    ip: 0,
    lasti: 0,
    stack: [],
    locals,
    cells: NO_CELLS,
    blocks: NO_BLOCKS,
    globals,
    builtins,
    ns,
    back,
    func: null,
    gen: null,
    genMode: GenMode.CALL,
    kwnames: null,
    retOverride: UNBOUND,
  };
}

const SIMPLE_MASK = CodeFlags.VARARGS | CodeFlags.VARKEYWORDS | CodeFlags.GENERATOR;

/** Fast path for CALL: `func(*stack[start:start+n])` positionally, exact arity, no
 *  *args/**kwargs/kw-only/generator. Returns null when the slow path is needed. The
 *  arguments stay on the stack (the caller pops them). */
export function fastFrame(func: PyFunction, stack: StackValue[], start: number, n: number, builtins: PyDict): Frame | null {
  const code = func.code;
  if (code.argcount !== n || (code.flags & SIMPLE_MASK) !== 0 || code.kwonlyargcount !== 0) return null;
  const nl = code.varnames.length;
  const pool = (code as unknown as { $pool?: Frame[] }).$pool;
  if (pool !== undefined && pool.length > 0) {
    // reuse a frame of this code object that returned (see releaseFrame)
    const f = pool.pop()!;
    const locals = f.locals;
    let i = 0;
    for (; i < n; i++) locals[i] = stack[start + i] as PyValue;
    for (; i < nl; i++) locals[i] = UNBOUND;
    f.globals = func.globals;
    f.builtins = builtins;
    f.func = func;
    if (code.cellvars.length + code.freevars.length > 0) initCells(f, func);
    return f;
  }
  const locals: (PyValue | Sentinel)[] = new Array(nl);
  let i = 0;
  for (; i < n; i++) locals[i] = stack[start + i] as PyValue;
  for (; i < nl; i++) locals[i] = UNBOUND;
  const f = makeFrame(code, locals, func.globals, builtins, null, null);
  f.func = func;
  if (code.cellvars.length + code.freevars.length > 0) initCells(f, func);
  return f;
}

/** A plain function frame returned normally: nothing refers to it any more (generator
 *  frames never come here; tracebacks copy code/line), so it is reset and kept in a small
 *  per-code pool (a hidden property, never part of snapshots) for the next call. */
export function releaseFrame(f: Frame): void {
  const code = f.code;
  let pool = (code as unknown as { $pool?: Frame[] }).$pool;
  if (pool === undefined) {
    pool = [];
    Object.defineProperty(code, '$pool', { value: pool, enumerable: false, writable: false });
  }
  if (pool.length >= 16) return;
  f.ip = 0;
  f.lasti = 0;
  if (f.stack.length !== 0) f.stack.length = 0;
  f.blocks = NO_BLOCKS;
  f.cells = NO_CELLS;
  f.back = null;
  f.func = null;
  f.kwnames = null;
  f.retOverride = UNBOUND;
  const locals = f.locals;
  for (let i = 0; i < locals.length; i++) locals[i] = UNBOUND;
  pool.push(f);
}

function listNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0]!;
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/** Creates the frame for calling `func(*args)` (the last kwnames.length args are keywords). */
export function bindFrame(
  func: PyFunction,
  args: PyValue[],
  kwnames: string[] | null,
  builtins: PyDict,
  back: AnyFrame | null,
): Frame {
  const code = func.code;
  const f = newFrame(code, func.globals, builtins, null, back);
  f.func = func;
  const locals = f.locals;
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const argcount = code.argcount;
  const total = argcount + code.kwonlyargcount;
  const flags = code.flags;
  const name = func.qualname;

  // fast path: exact positional call
  if (nkw === 0 && npos === argcount && (flags & (CodeFlags.VARARGS | CodeFlags.VARKEYWORDS)) === 0 && code.kwonlyargcount === 0) {
    for (let i = 0; i < npos; i++) locals[i] = args[i]!;
  } else {
    let kwdict: PyDict | null = null;
    if (flags & CodeFlags.VARKEYWORDS) {
      kwdict = new PyDict();
      locals[total + (flags & CodeFlags.VARARGS ? 1 : 0)] = kwdict;
    }
    const n = Math.min(npos, argcount);
    for (let i = 0; i < n; i++) locals[i] = args[i]!;
    if (flags & CodeFlags.VARARGS) {
      locals[total] = newTuple(args.slice(n, npos));
    } else if (npos > argcount) {
      tooManyPositional(func, npos, kwnames, args, npos);
    }
    const varnames = code.varnames;
    for (let j = 0; j < nkw; j++) {
      const kw = kwnames![j]!;
      const v = args[npos + j]!;
      let idx = -1;
      for (let i = code.posonlyargcount; i < total; i++) {
        if (varnames[i] === kw) {
          idx = i;
          break;
        }
      }
      if (idx < 0) {
        if (kwdict !== null) {
          kwdict.setStr(kw, v);
          continue;
        }
        const posonly = varnames.slice(0, code.posonlyargcount);
        if (posonly.includes(kw)) {
          throw pyErr(E.TypeError, `${name}() got some positional-only arguments passed as keyword arguments: '${kw}'`);
        }
        throw pyErr(E.TypeError, `${name}() got an unexpected keyword argument '${kw}'`);
      }
      if (locals[idx] !== UNBOUND) throw pyErr(E.TypeError, `${name}() got multiple values for argument '${kw}'`);
      locals[idx] = v;
    }
    // defaults for missing positionals
    if (npos < argcount) {
      const defs = func.defaults;
      const ndef = defs === null ? 0 : defs.length;
      const firstDef = argcount - ndef;
      const missing: string[] = [];
      for (let i = npos; i < argcount; i++) {
        if (locals[i] !== UNBOUND) continue;
        if (i >= firstDef) locals[i] = defs![i - firstDef]!;
        else missing.push(varnames[i]!);
      }
      if (missing.length > 0) {
        throw pyErr(E.TypeError, `${name}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${listNames(missing)}`);
      }
    }
    if (code.kwonlyargcount > 0) {
      const missing: string[] = [];
      for (let i = argcount; i < total; i++) {
        if (locals[i] !== UNBOUND) continue;
        const d = func.kwdefaults?.getStr(varnames[i]!);
        if (d !== undefined) locals[i] = d;
        else missing.push(varnames[i]!);
      }
      if (missing.length > 0) {
        throw pyErr(E.TypeError, `${name}() missing ${missing.length} required keyword-only argument${missing.length === 1 ? '' : 's'}: ${listNames(missing)}`);
      }
    }
  }
  initCells(f, func);
  return f;
}

export function initCells(f: Frame, func: PyFunction | null): void {
  const code = f.code;
  const ncell = code.cellvars.length;
  const nfree = code.freevars.length;
  if (ncell + nfree === 0) return;
  const cells: PyCell[] = new Array(ncell + nfree);
  for (let i = 0; i < ncell; i++) {
    const a = code.cell2arg[i] ?? -1;
    cells[i] = new PyCell(a >= 0 ? f.locals[a]! : UNBOUND);
  }
  const closure = func?.closure ?? null;
  for (let i = 0; i < nfree; i++) cells[ncell + i] = closure ? closure[i]! : new PyCell(UNBOUND);
  f.cells = cells;
}

function tooManyPositional(func: PyFunction, given: number, kwnames: string[] | null, args: PyValue[], npos: number): never {
  const code = func.code;
  const argcount = code.argcount;
  const ndef = func.defaults ? func.defaults.length : 0;
  const name = func.qualname;
  let takes: string;
  if (ndef > 0) takes = `from ${argcount - ndef} to ${argcount} positional arguments`;
  else takes = `${argcount} positional argument${argcount === 1 ? '' : 's'}`;
  // keyword-only arguments that were given
  let kwonlyGiven = 0;
  if (kwnames) {
    const kwonly = code.varnames.slice(argcount, argcount + code.kwonlyargcount);
    for (const k of kwnames) if (kwonly.includes(k)) kwonlyGiven++;
  }
  void args;
  void npos;
  const was = given === 1 ? 'was' : 'were';
  if (kwonlyGiven > 0) {
    throw pyErr(E.TypeError, `${name}() takes ${takes} but ${given} positional argument${given === 1 ? '' : 's'} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven === 1 ? '' : 's'}) were given`);
  }
  throw pyErr(E.TypeError, `${name}() takes ${takes} but ${given} ${was} given`);
}
