// function, method, builtin function, property, classmethod, staticmethod, super,
// generator, module, cell, code, NoneType/NotImplemented/Ellipsis.

import {
  PyValue, PyType, PyObject, PyTuple, PyList, NotImplemented, Ellipsis, newTuple, typeOf, isSubtype,
  noneType, notImplementedType, ellipsisType, objectType, UNBOUND,
} from '../objects';
import { PyDict } from '../dict';
import {
  PyFunction, PyBuiltinFunction, PyBoundMethod, PyProperty, PyClassMethod, PyStaticMethod,
  PySuper, PyGenerator, PyModule, PyCell, PyCode, functionType, builtinFunctionType, methodType,
  propertyType, classmethodType, staticmethodType, superType, generatorType, moduleType, cellType,
  codeType,
} from '../function';
import { E, PyBaseException, pyErr, newException } from '../exceptions';
import { defineMethods, defineGetters, defineStaticMethods } from '../types';
import { parseArgs } from '../args';
import { fakeAddress, typeName, reprOf, lookupType } from '../protocol';
import { NativeFrameStart, type CallContext, type Frame } from '../frame';
import { newInstance } from './object';
import { startOf } from '../natives';

// ------------------------------------------------------------------ function

defineMethods(functionType, {
  __repr__: (_ctx, a) => `<function ${(a[0] as PyFunction).qualname} at ${fakeAddress(a[0] as PyObject)}>`,
  __get__(_ctx, a) {
    const f = a[0] as PyFunction;
    const obj = a[1] ?? null;
    return obj === null ? f : new PyBoundMethod(f, obj);
  },
});
defineGetters(functionType, {
  __name__: { get: (_c, s) => (s as PyFunction).name, set: (_c, s, v) => { (s as PyFunction).name = String(v); } },
  __qualname__: { get: (_c, s) => (s as PyFunction).qualname, set: (_c, s, v) => { (s as PyFunction).qualname = String(v); } },
  __doc__: { get: (_c, s) => (s as PyFunction).doc, set: (_c, s, v) => { (s as PyFunction).doc = v; } },
  __module__: { get: (_c, s) => (s as PyFunction).module, set: (_c, s, v) => { (s as PyFunction).module = v; } },
  __defaults__: {
    get: (_c, s) => ((s as PyFunction).defaults ? newTuple((s as PyFunction).defaults!.slice()) : null),
    set: (_c, s, v) => { (s as PyFunction).defaults = v instanceof PyTuple ? v.items.slice() : null; },
  },
  __kwdefaults__: (_c, s) => (s as PyFunction).kwdefaults,
  __code__: (_c, s) => new PyCode((s as PyFunction).code),
  __globals__: (_c, s) => (s as PyFunction).globals,
  __closure__: (_c, s) => ((s as PyFunction).closure ? newTuple((s as PyFunction).closure!.slice()) : null),
  __dict__: (_c, s) => {
    const f = s as PyFunction;
    if (!f.dict) f.dict = new PyDict();
    return f.dict;
  },
  __annotations__: (_c, s) => {
    const f = s as PyFunction;
    if (!f.dict) f.dict = new PyDict();
    let a = f.dict.getStr('__annotations__');
    if (a === undefined) {
      a = new PyDict();
      f.dict.setStr('__annotations__', a);
    }
    return a;
  },
  __wrapped__: {
    get: (_c, s) => {
      const v = (s as PyFunction).dict?.getStr('__wrapped__');
      if (v === undefined) throw pyErr(E.AttributeError, `'function' object has no attribute '__wrapped__'`);
      return v;
    },
    set: (_c, s, v) => {
      const f = s as PyFunction;
      if (!f.dict) f.dict = new PyDict();
      f.dict.setStr('__wrapped__', v);
    },
  },
});

// ------------------------------------------------------------------ bound method

function funcName(f: PyValue): string {
  if (f instanceof PyFunction) return f.qualname;
  if (f instanceof PyBuiltinFunction) return f.qualname;
  return '?';
}

defineMethods(methodType, {
  __repr__(ctx, a) {
    const m = a[0] as PyBoundMethod;
    const r = reprOf(ctx, m.self);
    if (typeof r !== 'string') {
      return new NativeFrameStart('vm.methodRepr', { m, phase: 0 });
    }
    return `<bound method ${funcName(m.func)} of ${r}>`;
  },
  __eq__(_ctx, a) {
    const x = a[0] as PyBoundMethod;
    const y = a[1];
    if (!(y instanceof PyBoundMethod)) return NotImplemented;
    return x.func === y.func && x.self === y.self;
  },
  __hash__: (_ctx, a) => (a[0] as PyBoundMethod).func === null ? 0 : 1,
});
defineGetters(methodType, {
  __self__: (_c, s) => (s as PyBoundMethod).self,
  __func__: (_c, s) => (s as PyBoundMethod).func,
  __name__: (_c, s) => {
    const f = (s as PyBoundMethod).func;
    return f instanceof PyFunction ? f.name : f instanceof PyBuiltinFunction ? f.name : '?';
  },
  __qualname__: (_c, s) => funcName((s as PyBoundMethod).func),
  __doc__: (_c, s) => {
    const f = (s as PyBoundMethod).func;
    return f instanceof PyFunction ? f.doc : null;
  },
  __module__: (_c, s) => {
    const f = (s as PyBoundMethod).func;
    return f instanceof PyFunction ? f.module : null;
  },
});
import { registerNativeImpl } from '../types';
import { NativeCall } from '../frame';
import { PyException } from '../exceptions';
import { REPR } from '../natives';
registerNativeImpl('vm.methodRepr', {
  resume(_ctx, st, value, exc) {
    if (exc) throw new PyException(exc);
    const m = st.m as PyBoundMethod;
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeCall(REPR, [m.self]);
    }
    return `<bound method ${funcName(m.func)} of ${value as string}>`;
  },
});

// ------------------------------------------------------------------ builtin function

defineMethods(builtinFunctionType, {
  __repr__(_ctx, a) {
    const f = a[0] as PyBuiltinFunction;
    if (f.owner && f.kind === 'method') return `<method '${f.name}' of '${f.owner.name}' objects>`;
    return `<built-in function ${f.name}>`;
  },
});
defineGetters(builtinFunctionType, {
  __name__: (_c, s) => (s as PyBuiltinFunction).name,
  __qualname__: (_c, s) => (s as PyBuiltinFunction).qualname,
  __module__: (_c, s) => (s as PyBuiltinFunction).module,
  __doc__: () => null,
  __self__: () => null,
});

// ------------------------------------------------------------------ property

defineStaticMethods(propertyType, {
  __new__(_ctx, a) {
    const cls = a[0] as PyType;
    return new PyProperty(null, null, null, cls);
  },
});
defineMethods(propertyType, {
  __init__(_ctx, a, kwnames) {
    const p = a[0] as PyProperty;
    const r = parseArgs('property', a.slice(1), kwnames, { names: ['fget', 'fset', 'fdel', 'doc'], required: 0 });
    p.fget = r.values[0] ?? null;
    p.fset = r.values[1] ?? null;
    p.fdel = r.values[2] ?? null;
    p.doc = r.values[3] ?? (p.fget instanceof PyFunction ? p.fget.doc : null);
    return null;
  },
  getter: (_ctx, a) => copyProp(a[0] as PyProperty, a[1]!, 0),
  setter: (_ctx, a) => copyProp(a[0] as PyProperty, a[1]!, 1),
  deleter: (_ctx, a) => copyProp(a[0] as PyProperty, a[1]!, 2),
  __get__(_ctx, a) {
    const p = a[0] as PyProperty;
    const obj = a[1] ?? null;
    if (obj === null) return p;
    if (p.fget === null) throw pyErr(E.AttributeError, 'unreadable attribute');
    return new NativeFrameStart('vm.call', { callee: p.fget, args: [obj], kwnames: null, phase: 0 });
  },
  __set__(_ctx, a) {
    const p = a[0] as PyProperty;
    if (p.fset === null) throw pyErr(E.AttributeError, "can't set attribute");
    return new NativeFrameStart('vm.call', { callee: p.fset, args: [a[1]!, a[2]!], kwnames: null, phase: 0 });
  },
});
function copyProp(p: PyProperty, f: PyValue, which: number): PyProperty {
  const q = new PyProperty(which === 0 ? f : p.fget, which === 1 ? f : p.fset, which === 2 ? f : p.fdel, p.cls);
  q.doc = p.doc;
  if (p.dict) q.dict = p.dict.copy();
  return q;
}
defineGetters(propertyType, {
  fget: (_c, s) => (s as PyProperty).fget,
  fset: (_c, s) => (s as PyProperty).fset,
  fdel: (_c, s) => (s as PyProperty).fdel,
  __doc__: (_c, s) => (s as PyProperty).doc,
  __isabstractmethod__: () => false,
});

// ------------------------------------------------------------------ classmethod / staticmethod

defineStaticMethods(classmethodType, {
  __new__(_ctx, a) {
    if (a.length !== 2) throw pyErr(E.TypeError, `classmethod expected 1 argument, got ${a.length - 1}`);
    return new PyClassMethod(a[1]!, a[0] as PyType);
  },
});
defineMethods(classmethodType, {
  __init__: () => null,
  __get__(_ctx, a) {
    const cm = a[0] as PyClassMethod;
    const owner = a[2] ?? typeOf(a[1]!);
    return new PyBoundMethod(cm.func, owner);
  },
});
defineGetters(classmethodType, {
  __func__: (_c, s) => (s as PyClassMethod).func,
  __wrapped__: (_c, s) => (s as PyClassMethod).func,
});
defineStaticMethods(staticmethodType, {
  __new__(_ctx, a) {
    if (a.length !== 2) throw pyErr(E.TypeError, `staticmethod expected 1 argument, got ${a.length - 1}`);
    return new PyStaticMethod(a[1]!, a[0] as PyType);
  },
});
defineMethods(staticmethodType, {
  __init__: () => null,
  __get__: (_ctx, a) => (a[0] as PyStaticMethod).func,
  __call__: (_ctx, a, kw) => new NativeFrameStart('vm.call', { callee: (a[0] as PyStaticMethod).func, args: a.slice(1), kwnames: kw, phase: 0 }),
});
defineGetters(staticmethodType, {
  __func__: (_c, s) => (s as PyStaticMethod).func,
  __wrapped__: (_c, s) => (s as PyStaticMethod).func,
});

// ------------------------------------------------------------------ super

defineStaticMethods(superType, {
  __new__(ctx, a) {
    if (a.length === 1) return zeroArgSuper(ctx);
    const t = a[1];
    if (!(t instanceof PyType)) throw pyErr(E.TypeError, `super() argument 1 must be a type, not ${typeName(t!)}`);
    if (a.length === 2) throw pyErr(E.TypeError, 'unbound super objects are not supported');
    return makeSuper(t, a[2]!);
  },
});
defineMethods(superType, {
  __init__: () => null,
  __repr__: (_ctx, a) => {
    const s = a[0] as PySuper;
    return `<super: <class '${s.thisType.name}'>, <${s.objType.name} object>>`;
  },
});
defineGetters(superType, {
  __thisclass__: (_c, s) => (s as PySuper).thisType,
  __self__: (_c, s) => (s as PySuper).obj,
  __self_class__: (_c, s) => (s as PySuper).objType,
});

function makeSuper(t: PyType, obj: PyValue): PySuper {
  if (obj instanceof PyType && isSubtype(obj, t)) return new PySuper(t, obj, obj);
  const ot = typeOf(obj);
  if (!isSubtype(ot, t)) throw pyErr(E.TypeError, 'super(type, obj): obj must be an instance or subtype of type');
  return new PySuper(t, obj, ot);
}

function zeroArgSuper(ctx: CallContext): PySuper {
  const f = ctx.thread.frame;
  if (f === null || f.kind !== 'py') throw pyErr(E.RuntimeError, 'super(): no current frame');
  const code = f.code;
  if (code.argcount === 0 && !(code.flags & 4)) throw pyErr(E.RuntimeError, 'super(): no arguments');
  let obj = f.locals[0] as PyValue | typeof UNBOUND;
  const ci = code.cell2arg.indexOf(0);
  if (ci >= 0) obj = f.cells[ci]!.value as PyValue | typeof UNBOUND;
  if (obj === UNBOUND) throw pyErr(E.RuntimeError, 'super(): arg[0] deleted');
  const fi = code.freevars.indexOf('__class__');
  if (fi < 0) throw pyErr(E.RuntimeError, 'super(): __class__ cell not found');
  const cell = f.cells[code.cellvars.length + fi]!;
  if (!(cell.value instanceof PyType)) throw pyErr(E.RuntimeError, 'super(): empty __class__ cell');
  return makeSuper(cell.value, obj as PyValue);
}

// ------------------------------------------------------------------ generator

defineMethods(generatorType, {
  __iter__: (_ctx, a) => a[0]!,
  __next__: (_ctx, a) => new NativeFrameStart('vm.genSend', { gen: a[0]!, value: null, phase: 0 }),
  send: (_ctx, a) => new NativeFrameStart('vm.genSend', { gen: a[0]!, value: a[1] ?? null, phase: 0 }),
  throw(ctx, a) {
    const gen = a[0] as PyGenerator;
    let exc: PyValue = a[1] ?? null;
    if (exc instanceof PyType) {
      if (!isSubtype(exc, E.BaseException)) throw pyErr(E.TypeError, 'exceptions must be classes or instances deriving from BaseException, not type');
      const val = a[2];
      exc = newInstance(exc);
      (exc as PyBaseException).args = val === undefined || val === null ? newTuple([]) : newTuple([val]);
    }
    if (!(exc instanceof PyBaseException)) throw pyErr(E.TypeError, `exceptions must be classes or instances deriving from BaseException, not ${typeName(exc)}`);
    void ctx;
    return new NativeFrameStart('vm.genThrow', { gen, exc, phase: 0 });
  },
  close: (_ctx, a) => new NativeFrameStart('vm.genClose', { gen: a[0]!, phase: 0 }),
  __repr__: (_ctx, a) => `<generator object ${(a[0] as PyGenerator).qualname} at ${fakeAddress(a[0] as PyObject)}>`,
});
defineGetters(generatorType, {
  __name__: (_c, s) => (s as PyGenerator).name,
  __qualname__: (_c, s) => (s as PyGenerator).qualname,
  gi_running: (_c, s) => (s as PyGenerator).running,
  gi_frame: (_c, s) => ((s as PyGenerator).frame ? true : null),
  gi_code: (_c, s) => new PyCode((s as PyGenerator).code),
});

// ------------------------------------------------------------------ module, cell, code

defineStaticMethods(moduleType, {
  __new__(_ctx, a) {
    const name = a[1];
    if (typeof name !== 'string') throw pyErr(E.TypeError, 'module name must be a string');
    const d = new PyDict();
    d.setStr('__name__', name);
    d.setStr('__doc__', a[2] ?? null);
    return new PyModule(name, d);
  },
});
defineMethods(moduleType, {
  __init__: () => null,
  __repr__(_ctx, a) {
    const m = a[0] as PyModule;
    const file = m.dict.getStr('__file__');
    if (typeof file === 'string') return `<module '${m.name}' from '${file}'>`;
    return `<module '${m.name}' (built-in)>`;
  },
  __dir__: (_ctx, a) => {
    const m = a[0] as PyModule;
    return new PyList(m.dict.keyList().filter((k): k is string => typeof k === 'string').sort());
  },
});
defineGetters(cellType, {
  cell_contents: {
    get: (_c, s) => {
      const v = (s as PyCell).value;
      if (v === UNBOUND) throw pyErr(E.ValueError, 'Cell is empty');
      return v as PyValue;
    },
    set: (_c, s, v) => { (s as PyCell).value = v; },
  },
});
defineGetters(codeType, {
  co_name: (_c, s) => (s as PyCode).code.name,
  co_qualname: (_c, s) => (s as PyCode).code.qualname,
  co_filename: (_c, s) => (s as PyCode).code.filename,
  co_firstlineno: (_c, s) => (s as PyCode).code.firstLine,
  co_argcount: (_c, s) => (s as PyCode).code.argcount,
  co_varnames: (_c, s) => newTuple((s as PyCode).code.varnames.slice()),
});
defineMethods(codeType, {
  __repr__: (_c, a) => {
    const c = (a[0] as PyCode).code;
    return `<code object ${c.name} at ${fakeAddress(a[0] as PyObject)}, file "${c.filename}", line ${c.firstLine}>`;
  },
});

// ------------------------------------------------------------------ singletons

defineMethods(noneType, {
  __repr__: () => 'None',
  __bool__: () => false,
});
defineStaticMethods(noneType, {
  __new__(_ctx, a) {
    if (a.length > 1) throw pyErr(E.TypeError, 'NoneType takes no arguments');
    return null;
  },
});
defineMethods(notImplementedType, { __repr__: () => 'NotImplemented' });
defineMethods(ellipsisType, { __repr__: () => 'Ellipsis' });
void Ellipsis;
void objectType;
void lookupType;
void startOf;
void newException;

/** The Python frame a builtin was called from (for globals(), locals(), super()). */
export function callerPyFrame(ctx: CallContext): Frame | null {
  let f = ctx.thread.frame;
  while (f !== null && f.kind !== 'py') f = f.back;
  return f;
}

// ------------------------------------------------------------------ slice

import { sliceType, PySlice } from '../objects';
import { sliceIndices } from '../subscr';
defineGetters(sliceType, {
  start: (_c, s) => (s as PySlice).start,
  stop: (_c, s) => (s as PySlice).stop,
  step: (_c, s) => (s as PySlice).step,
});
defineMethods(sliceType, {
  indices(_ctx, a) {
    const n = a[1];
    if (typeof n !== 'number') throw pyErr(E.TypeError, `'${typeName(n ?? null)}' object cannot be interpreted as an integer`);
    if (n < 0) throw pyErr(E.ValueError, 'length should not be negative');
    return newTuple(sliceIndices(a[0] as PySlice, n));
  },
  __repr__(ctx, a) {
    const s = a[0] as PySlice;
    const parts = [s.start, s.stop, s.step].map((v) => reprOf(ctx, v));
    if (parts.some((p) => typeof p !== 'string')) return 'slice(...)';
    return `slice(${parts.join(', ')})`;
  },
  __eq__(_ctx, a) {
    const x = a[0] as PySlice;
    const y = a[1];
    if (!(y instanceof PySlice)) return NotImplemented;
    return x.start === y.start && x.stop === y.stop && x.step === y.step;
  },
});
