// Builtin functions owned by the VM: __build_class__, print, repr, isinstance, issubclass,
// type-level helpers, attribute functions, iteration, len, id, hash, globals/locals.

import {
  PyValue, PyType, PyObject, PyTuple, PyList, PyRange, PyBytes, Sentinel, ITER_STOP, newTuple,
  isSubtype, typeOf, strType, PyIntSubclass, PyStrSubclass,
} from '../objects';
import { PyDict, PySetBase, objectHid } from '../dict';
import { PyFunction, PyBuiltinFunction, PyModule } from '../function';
import { E, PyException, pyErr, newException, osError } from '../exceptions';
import { NativeCall, NativeFrameStart, type CallContext } from '../frame';
import { makeBuiltin, registerNativeImpl } from '../types';
import { parseArgs } from '../args';
import {
  typeName, getAttr, setAttr, delAttr, getIter, strOf, reprOf, isDeferred, isCallable, lookupType,
  hashFast, Deferred,
} from '../protocol';
import { PyIterator } from '../iterators';
import { startOf, nextOf, HASH } from '../natives';
import { PyTextIO, streamWrite, streamFlush } from '../stream';
import { SimUnsupported } from '../vm';
import { dirOf } from './object';
import { callerPyFrame } from './funcs';
import { hashStr } from '../hash';
import { newFrame } from '../call';
import { pushPyFrame } from '../runtime';
import { PUSHED } from '../objects';
import { asInt } from '../ops';

function b(name: string, fn: import('../frame').NativeFn): PyBuiltinFunction {
  return makeBuiltin(`builtins.${name}`, name, fn);
}
function reg(id: string, resume: import('../frame').NativeImpl['resume']): void {
  registerNativeImpl(id, { resume });
}
function rethrow(exc: import('../exceptions').PyBaseException | null): void {
  if (exc) throw new PyException(exc);
}
const asStart = (r: PyValue | Deferred): PyValue | NativeFrameStart => (isDeferred(r) ? startOf(r) : r);

export const buildClassFn = b('__build_class__', (_ctx, args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  const pos = args.slice(0, args.length - nkw);
  const func = pos[0];
  const name = pos[1];
  if (!(func instanceof PyFunction)) throw pyErr(E.TypeError, '__build_class__: func must be a function');
  if (typeof name !== 'string') throw pyErr(E.TypeError, '__build_class__: name is not a string');
  let meta: PyValue = null;
  const kw: [string, PyValue][] = [];
  for (let i = 0; i < nkw; i++) {
    if (kwnames![i] === 'metaclass') meta = args[pos.length + i]!;
    else kw.push([kwnames![i]!, args[pos.length + i]!]);
  }
  return new NativeFrameStart('vm.buildClass', { func, name, bases: pos.slice(2), meta, kw, phase: 0 });
});

// ------------------------------------------------------------------ print

function sysStream(ctx: CallContext, name: 'stdout' | 'stderr'): PyValue {
  const sys = ctx.vm.modules.getStr('sys');
  if (sys instanceof PyModule) {
    const s = sys.dict.getStr(name);
    if (s !== undefined) return s;
  }
  return name === 'stdout' ? ctx.vm.stdout : ctx.vm.stderr;
}

export const printFn = b('print', (ctx, args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  const items = args.slice(0, args.length - nkw);
  let sep: PyValue = ' ';
  let end: PyValue = '\n';
  let file: PyValue = null;
  let flush: PyValue = false;
  for (let i = 0; i < nkw; i++) {
    const k = kwnames![i]!;
    const v = args[items.length + i]!;
    if (k === 'sep') sep = v;
    else if (k === 'end') end = v;
    else if (k === 'file') file = v;
    else if (k === 'flush') flush = v;
    else throw pyErr(E.TypeError, `'${k}' is an invalid keyword argument for print()`);
  }
  if (sep === null) sep = ' ';
  else if (typeof sep !== 'string') throw pyErr(E.TypeError, `sep must be None or a string, not ${typeName(sep)}`);
  if (end === null) end = '\n';
  else if (typeof end !== 'string') throw pyErr(E.TypeError, `end must be None or a string, not ${typeName(end)}`);
  if (file === null) file = sysStream(ctx, 'stdout');
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = strOf(ctx, items[i]!);
    if (typeof r !== 'string') {
      return new NativeFrameStart('vm.print', { items, i, parts, sep, end, file, flush, pending: r, phase: 0 });
    }
    parts.push(r);
  }
  return finishPrint(ctx, parts.join(sep) + end, file, flush);
});

function finishPrint(ctx: CallContext, text: string, file: PyValue, flush: PyValue): PyValue | NativeFrameStart {
  if (file instanceof PyTextIO) {
    streamWrite(ctx.vm, file, text);
    if (flush === true) streamFlush(ctx.vm, file);
    return null;
  }
  if (file === null) return null;
  return new NativeFrameStart('vm.printWrite', { file, text, flush, phase: 0 });
}

reg('vm.print', (ctx, st, value, exc) => {
  rethrow(exc);
  const items = st.items as PyValue[];
  const parts = st.parts as string[];
  if (st.phase === 0) {
    st.phase = 1;
    return st.pending as Deferred;
  }
  parts.push(value as string);
  for (let i = (st.i as number) + 1; i < items.length; i++) {
    const r = strOf(ctx, items[i]!);
    if (typeof r !== 'string') {
      st.i = i;
      return r;
    }
    parts.push(r);
  }
  st.i = items.length;
  const r = finishPrint(ctx, parts.join(st.sep as string) + (st.end as string), st.file as PyValue, st.flush as PyValue);
  return r;
});

reg('vm.printWrite', (ctx, st, _value, exc) => {
  rethrow(exc);
  const file = st.file as PyValue;
  if (st.phase === 0) {
    st.phase = 1;
    const w = getAttr(ctx, file, 'write');
    if (isDeferred(w)) throw pyErr(E.TypeError, 'file.write via a property is not supported');
    return new NativeCall(w, [st.text as string]);
  }
  if (st.phase === 1 && st.flush === true) {
    st.phase = 2;
    const f = getAttr(ctx, file, 'flush');
    if (isDeferred(f)) return null;
    return new NativeCall(f, []);
  }
  return null;
});

// ------------------------------------------------------------------ introspection

export const reprFn = b('repr', (ctx, args, kw) => {
  const a = parseArgs('repr', args, kw, { names: ['obj'], posOnly: true });
  return asStart(reprOf(ctx, a.values[0]!));
});

function classInfoCheck(name: string, v: PyValue, t: PyValue): boolean {
  if (t instanceof PyType) return isSubtype(typeOf(v), t) || (name === 'isinstance' && false);
  if (t instanceof PyTuple) {
    for (const x of t.items) if (classInfoCheck(name, v, x)) return true;
    return false;
  }
  throw pyErr(E.TypeError, `${name}() arg 2 must be a type, a tuple of types, or a union`);
}

export const isinstanceFn = b('isinstance', (_ctx, args, kw) => {
  const a = parseArgs('isinstance', args, kw, { names: ['obj', 'class_or_tuple'], posOnly: true });
  return classInfoCheck('isinstance', a.values[0]!, a.values[1]!);
});

function subclassCheck(c: PyType, t: PyValue): boolean {
  if (t instanceof PyType) return isSubtype(c, t);
  if (t instanceof PyTuple) return t.items.some((x) => subclassCheck(c, x));
  throw pyErr(E.TypeError, 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
}
export const issubclassFn = b('issubclass', (_ctx, args, kw) => {
  const a = parseArgs('issubclass', args, kw, { names: ['cls', 'class_or_tuple'], posOnly: true });
  const c = a.values[0]!;
  if (!(c instanceof PyType)) throw pyErr(E.TypeError, 'issubclass() arg 1 must be a class');
  return subclassCheck(c, a.values[1]!);
});

export const idFn = b('id', (ctx, args, kw) => {
  const a = parseArgs('id', args, kw, { names: ['obj'], posOnly: true });
  const v = a.values[0]!;
  return idOf(v);
});
export function idOf(v: PyValue): number {
  if (v instanceof PyObject) return 140000000000000 + objectHid(v) * 48;
  switch (typeof v) {
    case 'number':
      return Number.isSafeInteger(9788000 + v * 32) ? 9788000 + v * 32 : 9788000;
    case 'boolean':
      return v ? 9476000 : 9475968;
    case 'string':
      return 139000000000000 + Math.abs(Number(hashStr(v)) % 1000000000) * 16;
    case 'bigint':
      return 138000000000000 + Number(v % 1000000n) * 32;
    default:
      return 9462272; // None
  }
}

export const hashFn = b('hash', (ctx, args, kw) => {
  const a = parseArgs('hash', args, kw, { names: ['obj'], posOnly: true });
  return HASH.fn(ctx, [a.values[0]!], null);
});

export const callableFn = b('callable', (_ctx, args, kw) => {
  const a = parseArgs('callable', args, kw, { names: ['obj'], posOnly: true });
  return isCallable(a.values[0]!);
});

export const lenFn = b('len', (ctx, args, kw) => {
  if (kw && kw.length > 0) throw pyErr(E.TypeError, 'len() takes no keyword arguments');
  if (args.length !== 1) throw pyErr(E.TypeError, `len() takes exactly one argument (${args.length} given)`);
  const v = args[0]!;
  if (typeof v === 'string') return strLen(v);
  if (v instanceof PyObject) {
    if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
    if (v instanceof PyDict || v instanceof PySetBase) return v.size;
    if (v instanceof PyRange) return v.length;
    if (v instanceof PyBytes) return v.bytes.length;
    if (v instanceof PyStrSubclass) return strLen(v.value);
    const m = lookupType(v.cls, '__len__');
    if (m !== undefined && m !== null) return new NativeFrameStart('vm.len', { m, v, phase: 0 });
  }
  throw pyErr(E.TypeError, `object of type '${typeName(v)}' has no len()`);
});

export function strLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) n--;
  }
  return n;
}

reg('vm.len', (_ctx, st, value, exc) => {
  rethrow(exc);
  if (st.phase === 0) {
    st.phase = 1;
    return new NativeCall(st.m as PyValue, [st.v as PyValue]);
  }
  const n = asInt(value);
  if (n === undefined) throw pyErr(E.TypeError, `'${typeName(value)}' object cannot be interpreted as an integer`);
  if (n < 0) throw pyErr(E.ValueError, '__len__() should return >= 0');
  return n;
});

// ------------------------------------------------------------------ attributes

function attrName(fname: string, v: PyValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof PyStrSubclass) return v.value;
  throw pyErr(E.TypeError, fname === 'getattr' || fname === 'hasattr' || fname === 'setattr' || fname === 'delattr'
    ? `attribute name must be string, not '${typeName(v)}'`
    : `${fname}(): attribute name must be string`);
}

export const getattrFn = b('getattr', (ctx, args, kw) => {
  if (kw && kw.length > 0) throw pyErr(E.TypeError, 'getattr() takes no keyword arguments');
  if (args.length < 2 || args.length > 3) throw pyErr(E.TypeError, `getattr expected at least 2 arguments, got ${args.length}`);
  const name = attrName('getattr', args[1]!);
  if (args.length === 2) return asStart(getAttr(ctx, args[0]!, name));
  try {
    const r = getAttr(ctx, args[0]!, name);
    if (isDeferred(r)) return new NativeFrameStart('vm.attrDefault', { d: r, dflt: args[2]!, phase: 0 });
    return r;
  } catch (e) {
    if (e instanceof PyException && isSubtype(e.exc.cls, E.AttributeError)) return args[2]!;
    throw e;
  }
});

export const hasattrFn = b('hasattr', (ctx, args, kw) => {
  const a = parseArgs('hasattr', args, kw, { names: ['obj', 'name'], posOnly: true });
  const name = attrName('hasattr', a.values[1]!);
  try {
    const r = getAttr(ctx, a.values[0]!, name);
    if (isDeferred(r)) return new NativeFrameStart('vm.attrDefault', { d: r, dflt: false, has: true, phase: 0 });
    return true;
  } catch (e) {
    if (e instanceof PyException && isSubtype(e.exc.cls, E.AttributeError)) return false;
    throw e;
  }
});

reg('vm.attrDefault', (_ctx, st, value, exc) => {
  if (st.phase === 0) {
    st.phase = 1;
    return st.d as Deferred;
  }
  if (exc) {
    if (isSubtype(exc.cls, E.AttributeError)) return st.dflt as PyValue;
    throw new PyException(exc);
  }
  return st.has ? true : value;
});

export const setattrFn = b('setattr', (ctx, args, kw) => {
  const a = parseArgs('setattr', args, kw, { names: ['obj', 'name', 'value'], posOnly: true });
  const r = setAttr(ctx, a.values[0]!, attrName('setattr', a.values[1]!), a.values[2]!);
  return r === undefined ? null : new NativeFrameStart('vm.discard', { d: r, retNone: true });
});

export const delattrFn = b('delattr', (ctx, args, kw) => {
  const a = parseArgs('delattr', args, kw, { names: ['obj', 'name'], posOnly: true });
  const r = delAttr(ctx, a.values[0]!, attrName('delattr', a.values[1]!));
  return r === undefined ? null : new NativeFrameStart('vm.discard', { d: r, retNone: true });
});

export const varsFn = b('vars', (ctx, args, kw) => {
  const a = parseArgs('vars', args, kw, { names: ['object'], required: 0, posOnly: true });
  if (a.values[0] === undefined) return localsOf(ctx);
  const o = a.values[0];
  if (o instanceof PyObject && o.dict) return o.dict;
  if (o instanceof PyType) return asStart(getAttr(ctx, o, '__dict__'));
  throw pyErr(E.TypeError, 'vars() argument must have __dict__ attribute');
});

export const dirFn = b('dir', (ctx, args, kw) => {
  const a = parseArgs('dir', args, kw, { names: ['object'], required: 0, posOnly: true });
  if (a.values[0] === undefined) {
    const d = localsOf(ctx);
    return new PyList(d.keyList().filter((k) => typeof k === 'string').sort() as PyValue[]);
  }
  const o = a.values[0];
  if (o instanceof PyModule) return new PyList(o.dict.keyList().filter((k) => typeof k === 'string').sort() as PyValue[]);
  return new PyList(dirOf(o));
});

export const globalsFn = b('globals', (ctx) => {
  const f = callerPyFrame(ctx);
  return f ? f.globals : new PyDict();
});

function localsOf(ctx: CallContext): PyDict {
  const f = callerPyFrame(ctx);
  if (!f) return new PyDict();
  if (f.ns) return f.ns;
  const d = new PyDict();
  const names = f.code.varnames;
  for (let i = 0; i < names.length; i++) {
    const v = f.locals[i];
    if (v !== undefined && !(v instanceof Sentinel)) d.setStr(names[i]!, v);
  }
  const cellNames = f.code.cellvars.concat(f.code.freevars);
  for (let i = 0; i < cellNames.length; i++) {
    const v = f.cells[i]?.value;
    if (v !== undefined && !(v instanceof Sentinel)) d.setStr(cellNames[i]!, v);
  }
  return d;
}
export const localsFn = b('locals', (ctx) => localsOf(ctx));

// ------------------------------------------------------------------ iteration

export const iterFn = b('iter', (ctx, args, kw) => {
  if (kw && kw.length > 0) throw pyErr(E.TypeError, 'iter() takes no keyword arguments');
  if (args.length === 1) return asStart(getIter(ctx, args[0]!));
  if (args.length === 2) {
    if (!isCallable(args[0]!)) throw pyErr(E.TypeError, 'iter(v, w): v must be callable');
    return new PyCallIterator(args[0]!, args[1]!);
  }
  throw pyErr(E.TypeError, `iter expected at most 2 arguments, got ${args.length}`);
});

import { seqIteratorType } from '../iterators';
import { newBuiltinType, registerClass } from '../types';
const callableIteratorType = newBuiltinType('callable_iterator', undefined, 'builtins', { baseable: false });

export class PyCallIterator extends PyIterator {
  done = false;
  constructor(public callable: PyValue, public sentinel: PyValue) {
    super(callableIteratorType);
  }
  next(): PyValue | Sentinel | NativeFrameStart {
    if (this.done) return ITER_STOP;
    return new NativeFrameStart('vm.callIterNext', { it: this, phase: 0 });
  }
}
registerClass('PyCallIterator', PyCallIterator);
void seqIteratorType;

reg('vm.callIterNext', (_ctx, st, value, exc) => {
  rethrow(exc);
  const it = st.it as PyCallIterator;
  if (st.phase === 0) {
    st.phase = 1;
    return new NativeCall(it.callable, []);
  }
  if (st.phase === 1) {
    st.phase = 2;
    st.v = value;
    return new NativeCall(EQ_REF.v!, [value, it.sentinel]);
  }
  if (value === true) {
    it.done = true;
    throw pyErr(E.StopIteration);
  }
  return st.v as PyValue;
});
import { EQ } from '../natives';
const EQ_REF = { v: EQ as PyValue | undefined };

export const nextFn = b('next', (ctx, args, kw) => {
  if (kw && kw.length > 0) throw pyErr(E.TypeError, 'next() takes no keyword arguments');
  if (args.length < 1 || args.length > 2) throw pyErr(E.TypeError, `next expected at least 1 argument, got ${args.length}`);
  const it = args[0]!;
  if (!(it instanceof PyIterator) && lookupType(typeOf(it), '__next__') === undefined) {
    throw pyErr(E.TypeError, `'${typeName(it)}' object is not an iterator`);
  }
  if (args.length === 1) return nextOf(ctx, it);
  try {
    const r = nextOf(ctx, it);
    if (r instanceof NativeFrameStart) return new NativeFrameStart('vm.nextDefault', { start: r, dflt: args[1]!, phase: 0 });
    return r;
  } catch (e) {
    if (e instanceof PyException && isSubtype(e.exc.cls, E.StopIteration)) return args[1]!;
    throw e;
  }
});
reg('vm.nextDefault', (_ctx, st, value, exc) => {
  if (st.phase === 0) {
    st.phase = 1;
    return st.start as NativeFrameStart;
  }
  if (exc) {
    if (isSubtype(exc.cls, E.StopIteration)) return st.dflt as PyValue;
    throw new PyException(exc);
  }
  return value;
});

// ------------------------------------------------------------------ misc

function exitFn(name: string): PyBuiltinFunction {
  return b(name, (_ctx, args) => {
    const code = args.length === 0 ? [] : [args[0]!];
    throw new PyException(newException(E.SystemExit, ...code));
  });
}
export const exitBuiltin = exitFn('exit');
export const quitBuiltin = exitFn('quit');

export const openFn = b('open', (_ctx, args, kw) => {
  const a = parseArgs('open', args, kw, { names: ['file', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener'], required: 1 });
  const file = a.values[0]!;
  const mode = a.values[1] ?? 'r';
  if (typeof mode === 'string' && /^[rbt]*$/.test(mode)) {
    // the simulated machine has no files: reading any path fails like a missing file
    throw osError(2, 'No such file or directory', E.FileNotFoundError, file);
  }
  throw new SimUnsupported('open() for writing', 'the simulator has no file system');
});

export const importFn = b('__import__', (ctx, args, kw) => {
  const a = parseArgs('__import__', args, kw, { names: ['name', 'globals', 'locals', 'fromlist', 'level'], required: 1 });
  const name = a.values[0];
  if (typeof name !== 'string') throw pyErr(E.TypeError, `__import__() argument 1 must be str, not ${typeName(name ?? null)}`);
  const have = ctx.vm.modules.getStr(name);
  if (have !== undefined) return have;
  const init = ctx.vm.registry[name];
  if (init === undefined) throw pyErr(E.ModuleNotFoundError, `No module named '${name}'`);
  const m = init(ctx.vm);
  ctx.vm.modules.setStr(name, m);
  return m;
});

// ------------------------------------------------------------------ exec / eval

const EVAL_RESULT = '__threadline_eval_result__';

function compileString(ctx: CallContext, fname: string, src: PyValue, wrapEval: boolean): import('../../compiler/code').CodeObject {
  if (typeof src !== 'string') {
    if (src instanceof PyStrSubclass) src = src.value;
    else throw pyErr(E.TypeError, `${fname}() arg 1 must be a string, bytes or code object`);
  }
  const text = wrapEval ? `${EVAL_RESULT} = (${(src as string).trim()})` : (src as string);
  const code = ctx.vm.host.compileSource(text, '<string>');
  if ('error' in code) throw new PyException(newException(E.SyntaxError, code.error));
  return code;
}

function execNamespaces(ctx: CallContext, fname: string, g: PyValue | undefined, l: PyValue | undefined): [PyDict, PyDict] {
  const f = callerPyFrame(ctx);
  let globals: PyDict;
  if (g === undefined || g === null) globals = f ? f.globals : new PyDict();
  else if (g instanceof PyDict) globals = g;
  else throw pyErr(E.TypeError, `${fname}() globals must be a dict, not ${typeName(g)}`);
  if (globals.getStr('__builtins__') === undefined) globals.setStr('__builtins__', ctx.vm.builtinsModule);
  let locals: PyDict;
  if (l !== undefined && l !== null) {
    if (!(l instanceof PyDict)) throw pyErr(E.TypeError, `locals must be a mapping`);
    locals = l;
  } else if (g !== undefined && g !== null) locals = globals;
  else locals = f ? (f.ns ?? localsOf(ctx)) : globals;
  return [globals, locals];
}

export const execFn = b('exec', (ctx, args, kw) => {
  const a = parseArgs('exec', args, kw, { names: ['source', 'globals', 'locals'], required: 1, posOnly: 1 });
  const code = compileString(ctx, 'exec', a.values[0]!, false);
  const [globals, ns] = execNamespaces(ctx, 'exec', a.values[1], a.values[2]);
  return new NativeFrameStart('vm.exec', { code, globals, ns, phase: 0 });
});

export const evalFn = b('eval', (ctx, args, kw) => {
  const a = parseArgs('eval', args, kw, { names: ['source', 'globals', 'locals'], required: 1, posOnly: 1 });
  const code = compileString(ctx, 'eval', a.values[0]!, true);
  const [globals, ns0] = execNamespaces(ctx, 'eval', a.values[1], a.values[2]);
  // evaluate in a scratch copy of the local namespace so the result name never leaks
  const ns = ns0 === globals ? new PyDict() : ns0.copy();
  return new NativeFrameStart('vm.exec', { code, globals, ns, phase: 0, result: EVAL_RESULT });
});

registerNativeImpl('vm.exec', {
  resume(ctx, st, _value, exc) {
    if (exc) throw new PyException(exc);
    const ns = st.ns as PyDict;
    if (st.phase === 0) {
      st.phase = 1;
      const fr = newFrame(st.code as import('../../compiler/code').CodeObject, st.globals as PyDict, ctx.vm.builtins, ns, null);
      pushPyFrame(ctx, fr);
      return PUSHED;
    }
    return st.result ? (ns.getStr(st.result as string) ?? null) : null;
  },
});

/** All VM-owned builtin functions, installed into `builtins` under their names. */
export const CORE_BUILTINS: PyBuiltinFunction[] = [
  buildClassFn, printFn, reprFn, isinstanceFn, issubclassFn, idFn, hashFn, callableFn, lenFn,
  getattrFn, hasattrFn, setattrFn, delattrFn, varsFn, dirFn, globalsFn, localsFn, iterFn,
  nextFn, exitBuiltin, quitBuiltin, openFn, importFn, execFn, evalFn,
];

void hashFast;
void strType;
void newTuple;
void PyIntSubclass;
