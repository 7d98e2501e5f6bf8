// object and type.

import {
  PyValue, PyType, PyInstance, PyList, PyTuple, PyFloat, PyIntSubclass, PyStrSubclass,
  PyObject, NotImplemented, objectType, typeType, newTuple, isSubtype, typeOf, PyBytes, typeState,
} from '../objects';
import { PyDict, PySet, PyFrozenSet } from '../dict';
import { PyBaseException } from '../exceptions';
import { E, pyErr } from '../exceptions';
import { defineMethods, defineGetters, defineStaticMethods, defineClassMethods } from '../types';
import {
  lookupType, typeName, fakeAddress, reprOf, genericSetAttr, setTypeAttr, hashFast, isDeferred,
} from '../protocol';
import { NativeFrameStart, type CallContext } from '../frame';
import { makeClass, startOf } from '../natives';

/** object.__new__(cls): an empty instance with the JS layout of cls's builtin base. */
export function newInstance(cls: PyType): PyObject {
  let o: PyObject;
  switch (cls.layout) {
    case 'object':
      return new PyInstance(cls, new PyDict());
    case 'exception':
      o = new PyBaseException(cls);
      break;
    case 'list':
      o = new PyList([], cls);
      break;
    case 'dict':
      o = new PyDict(cls);
      break;
    case 'tuple':
      o = new PyTuple([], cls);
      break;
    case 'set':
      o = new PySet(cls);
      break;
    case 'frozenset':
      o = new PyFrozenSet(cls);
      break;
    case 'float':
      o = new PyFloat(0, cls);
      break;
    case 'int':
    case 'bool':
      o = new PyIntSubclass(0, cls);
      break;
    case 'str':
      o = new PyStrSubclass('', cls);
      break;
    case 'bytes':
      o = new PyBytes([], cls);
      break;
    default:
      throw pyErr(E.TypeError, `object.__new__(${cls.name}) is not safe, use ${cls.name}.__new__()`);
  }
  if (!cls.builtin || cls.layout === 'exception') o.dict = new PyDict();
  return o;
}

defineStaticMethods(objectType, {
  __new__(_ctx, args) {
    const cls = args[0];
    if (!(cls instanceof PyType)) throw pyErr(E.TypeError, `object.__new__(X): X is not a type object (${typeName(cls ?? null)})`);
    return newInstance(cls);
  },
});

defineMethods(objectType, {
  __init__(_ctx, args, kwnames) {
    if (args.length > 1) {
      const t = typeOf(args[0]!);
      if (lookupType(t, '__init__') !== objectType.ns.get('__init__')) {
        throw pyErr(E.TypeError, 'object.__init__() takes exactly one argument (the instance to initialize)');
      }
      if (lookupType(t, '__new__') === objectType.ns.get('__new__')) {
        throw pyErr(E.TypeError, `${t.qualname}.__init__() takes exactly one argument (the instance to initialize)`);
      }
    }
    void kwnames;
    return null;
  },
  __repr__(_ctx, args) {
    const o = args[0]!;
    const t = typeOf(o);
    const mod = t.module === 'builtins' ? '' : `${t.module}.`;
    return `<${mod}${t.qualname} object at ${o instanceof PyObject ? fakeAddress(o) : '0x0'}>`;
  },
  __str__(ctx, args) {
    const r = reprOf(ctx, args[0]!);
    return typeof r === 'string' ? r : startOf(r);
  },
  __eq__(_ctx, args) {
    return args[0] === args[1] ? true : NotImplemented;
  },
  __ne__(_ctx, args) {
    return args[0] === args[1] ? false : NotImplemented;
  },
  __lt__: () => NotImplemented,
  __le__: () => NotImplemented,
  __gt__: () => NotImplemented,
  __ge__: () => NotImplemented,
  __hash__(_ctx, args) {
    return hashFast(args[0]!) ?? 0;
  },
  __setattr__(_ctx, args) {
    const name = args[1];
    if (typeof name !== 'string') throw pyErr(E.TypeError, `attribute name must be string, not '${typeName(name ?? null)}'`);
    const o = args[0]!;
    if (o instanceof PyType) return setTypeAttr(o, name, args[2]!) ?? null;
    genericSetAttr(o, name, args[2]!);
    return null;
  },
  __delattr__(_ctx, args) {
    const o = args[0]!;
    const name = args[1] as string;
    const d = o instanceof PyObject ? o.dict : null;
    if (d === null || !d.delStr(name)) throw pyErr(E.AttributeError, `'${typeName(o)}' object has no attribute '${name}'`);
    return null;
  },
  __format__(ctx, args) {
    const spec = args[1];
    if (typeof spec === 'string' && spec !== '') throw pyErr(E.TypeError, `unsupported format string passed to ${typeName(args[0]!)}.__format__`);
    const r = ctx.vm.builtins.getStr('str');
    void r;
    const s = reprOrStr(ctx, args[0]!);
    return s;
  },
  __dir__(_ctx, args) {
    return new PyList(dirOf(args[0]!).map((s) => s));
  },
  __reduce_ex__() {
    throw pyErr(E.TypeError, 'pickling is not supported');
  },
});

function reprOrStr(ctx: CallContext, v: PyValue): PyValue | NativeFrameStart {
  const m = lookupType(typeOf(v), '__str__');
  if (m === objectType.ns.get('__str__')) {
    const r = reprOf(ctx, v);
    return typeof r === 'string' ? r : startOf(r);
  }
  return new NativeFrameStart('vm.call', { callee: ctx.vm.builtins.getStr('str')!, args: [v], kwnames: null, phase: 0 });
}

export function dirOf(o: PyValue): string[] {
  const names = new Set<string>();
  if (o instanceof PyObject && o.dict) o.dict.forEach((k) => typeof k === 'string' && names.add(k));
  const types = o instanceof PyType ? o.mro : typeOf(o).mro;
  for (const t of types) for (const k of t.ns.keys()) names.add(k);
  return [...names].sort();
}

defineClassMethods(objectType, {
  __init_subclass__: () => null,
});

defineGetters(objectType, {
  __class__: (_ctx, self) => typeOf(self),
  __dict__: {
    get: (_ctx, self) => {
      if (self instanceof PyObject && self.dict) return self.dict;
      throw pyErr(E.AttributeError, `'${typeName(self)}' object has no attribute '__dict__'`);
    },
    set: (_ctx, self, v) => {
      if (!(v instanceof PyDict)) throw pyErr(E.TypeError, `__dict__ must be set to a dictionary, not a '${typeName(v)}'`);
      (self as PyObject).dict = v;
    },
  },
  __doc__: (_ctx, self) => {
    const t = self instanceof PyType ? self : typeOf(self);
    const d = lookupType(t, '__doc__');
    return d === undefined ? t.doc : (d as PyValue);
  },
});

// ------------------------------------------------------------------ type

function typeRepr(t: PyType): string {
  if (t.module === 'builtins') return `<class '${t.qualname}'>`;
  return `<class '${t.module}.${t.qualname}'>`;
}

defineStaticMethods(typeType, {
  __new__(ctx, args, kwnames) {
    const nkw = kwnames ? kwnames.length : 0;
    const pos = args.slice(1, args.length - nkw);
    const meta = args[0] as PyType;
    if (pos.length === 1 && meta === typeType) return typeOf(pos[0]!);
    if (pos.length !== 3) throw pyErr(E.TypeError, 'type() takes 1 or 3 arguments');
    const [name, bases, ns] = pos;
    if (typeof name !== 'string') throw pyErr(E.TypeError, `type.__new__() argument 1 must be str, not ${typeName(name!)}`);
    if (!(bases instanceof PyTuple)) throw pyErr(E.TypeError, `type.__new__() argument 2 must be tuple, not ${typeName(bases!)}`);
    if (!(ns instanceof PyDict)) throw pyErr(E.TypeError, `type.__new__() argument 3 must be dict, not ${typeName(ns!)}`);
    const d = ns.copy();
    if (d.getStr('__module__') === undefined) {
      const f = ctx.thread.frame;
      const mod = f && f.kind === 'py' ? f.globals.getStr('__name__') : '__main__';
      d.setStr('__module__', mod ?? '__main__');
    }
    if (d.getStr('__qualname__') === undefined) d.setStr('__qualname__', name);
    return makeClass(name, bases.items, d, meta === typeType ? null : meta);
  },
});

defineMethods(typeType, {
  __init__() {
    return null;
  },
  __repr__(_ctx, args) {
    return typeRepr(args[0] as PyType);
  },
  __call__(_ctx, args, kwnames) {
    // type.__call__ itself (e.g. super().__call__ in a metaclass): never the metaclass's
    return new NativeFrameStart('vm.typeCallDirect', { cls: args[0]!, args: args.slice(1), kwnames, phase: 0 });
  },
  mro(_ctx, args) {
    return new PyList((args[0] as PyType).mro.slice());
  },
  __subclasses__() {
    return new PyList([]);
  },
  __instancecheck__(_ctx, args) {
    return isSubtype(typeOf(args[1]!), args[0] as PyType);
  },
  __subclasscheck__(_ctx, args) {
    return args[1] instanceof PyType && isSubtype(args[1], args[0] as PyType);
  },
  __or__(_ctx, args) {
    return newTuple([args[0]!, args[1]!]); // X | Y (a union stand-in usable by isinstance)
  },
});

defineGetters(typeType, {
  __name__: {
    get: (_ctx, self) => (self as PyType).name,
    set: (_ctx, self, v) => {
      if (typeof v !== 'string') throw pyErr(E.TypeError, `can only assign string to ${(self as PyType).name}.__name__, not '${typeName(v)}'`);
      (self as PyType).name = v;
    },
  },
  __qualname__: {
    get: (_ctx, self) => (self as PyType).qualname,
    set: (_ctx, self, v) => {
      (self as PyType).qualname = String(v);
    },
  },
  __module__: {
    get: (_ctx, self) => {
      const t = self as PyType;
      const m = t.ns.get('__module__');
      return m === undefined ? t.module : m;
    },
    set: (_ctx, self, v) => {
      (self as PyType).ns.set('__module__', v);
      typeState.epoch++;
    },
  },
  __mro__: (_ctx, self) => newTuple((self as PyType).mro.slice()),
  __bases__: (_ctx, self) => newTuple((self as PyType).bases.slice()),
  __base__: (_ctx, self) => (self as PyType).bases[0] ?? null,
  __dict__: (_ctx, self) => {
    const d = new PyDict();
    for (const [k, v] of (self as PyType).ns) d.setStr(k, v);
    return d;
  },
  __doc__: (_ctx, self) => {
    const t = self as PyType;
    const d = t.ns.get('__doc__');
    return d === undefined ? t.doc : d;
  },
});

export { isDeferred };
