// Methods of the builtin exception types.

import { PyValue, PyType, PyTuple, PyList, newTuple, isSubtype, typeOf } from '../objects';
import { PyDict } from '../dict';
import { E, ERRNO_SUBCLASS, PyBaseException, PyTraceback, pyErr } from '../exceptions';
import { defineMethods, defineGetters, defineStaticMethods } from '../types';
import { strOf, reprOf, typeName } from '../protocol';
import { NativeFrameStart } from '../frame';
import { startOf } from '../natives';
import { newInstance } from './object';

function self(a: PyValue[]): PyBaseException {
  return a[0] as PyBaseException;
}

function attr(e: PyBaseException, name: string): PyValue | undefined {
  return e.dict?.getStr(name);
}
function setAttr(e: PyBaseException, name: string, v: PyValue): void {
  if (!e.dict) e.dict = new PyDict();
  e.dict.setStr(name, v);
}

defineStaticMethods(E.BaseException, {
  __new__(_ctx, a, kwnames) {
    let cls = a[0] as PyType;
    const nkw = kwnames ? kwnames.length : 0;
    const args = a.slice(1, a.length - nkw);
    if (cls === E.OSError && args.length >= 2 && typeof args[0] === 'number') {
      cls = ERRNO_SUBCLASS[args[0]] ?? cls;
    }
    const e = newInstance(cls) as PyBaseException;
    e.args = newTuple(args);
    if (isSubtype(cls, E.OSError)) initOSError(e, args);
    return e;
  },
});

function initOSError(e: PyBaseException, args: PyValue[]): void {
  if (args.length >= 2 && args.length <= 5) {
    setAttr(e, 'errno', args[0]!);
    setAttr(e, 'strerror', args[1]!);
    setAttr(e, 'filename', args[2] ?? null);
    setAttr(e, 'filename2', args[4] ?? null);
    if (args.length > 2) e.args = newTuple(args.slice(0, 2));
  }
}

defineMethods(E.BaseException, {
  __init__(_ctx, a, kwnames) {
    if (kwnames && kwnames.length > 0) throw pyErr(E.TypeError, `${typeName(a[0]!)}() takes no keyword arguments`);
    const e = self(a);
    e.args = newTuple(a.slice(1));
    if (isSubtype(e.cls, E.OSError)) initOSError(e, a.slice(1));
    return null;
  },
  __str__(ctx, a) {
    const items = self(a).args.items;
    if (items.length === 0) return '';
    if (items.length === 1) {
      const r = strOf(ctx, items[0]!);
      return typeof r === 'string' ? r : startOf(r);
    }
    const r = reprOf(ctx, self(a).args);
    return typeof r === 'string' ? r : startOf(r);
  },
  __repr__(ctx, a) {
    const e = self(a);
    const items = e.args.items;
    const name = e.cls.name;
    if (items.length === 1) {
      const r = reprOf(ctx, items[0]!);
      if (typeof r === 'string') return `${name}(${r})`;
      return new NativeFrameStart('vm.excRepr', { name, v: items[0]!, phase: 0 });
    }
    const r = reprOf(ctx, e.args);
    if (typeof r === 'string') return `${name}${r}`;
    return new NativeFrameStart('vm.excRepr', { name, v: e.args, phase: 0, tuple: true });
  },
  with_traceback(_ctx, a) {
    const e = self(a);
    const tb = a[1] ?? null;
    e.traceback = tb instanceof PyTraceback ? tb : null;
    return e;
  },
  add_note(_ctx, a) {
    const e = self(a);
    let notes = attr(e, '__notes__');
    if (notes === undefined) {
      notes = new PyList([]);
      setAttr(e, '__notes__', notes);
    }
    (notes as PyList).items.push(a[1]!);
    return null;
  },
});

import { registerNativeImpl } from '../types';
import { NativeCall } from '../frame';
import { PyException } from '../exceptions';
import { REPR } from '../natives';
registerNativeImpl('vm.excRepr', {
  resume(_ctx, st, value, exc) {
    if (exc) throw new PyException(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeCall(REPR, [st.v as PyValue]);
    }
    return st.tuple ? `${st.name as string}${value as string}` : `${st.name as string}(${value as string})`;
  },
});

defineGetters(E.BaseException, {
  args: {
    get: (_c, s) => (s as PyBaseException).args,
    set: (_c, s, v) => {
      (s as PyBaseException).args = v instanceof PyTuple ? v : newTuple(v instanceof PyList ? v.items.slice() : [v]);
    },
  },
  __traceback__: {
    get: (_c, s) => (s as PyBaseException).traceback,
    set: (_c, s, v) => {
      if (v !== null && !(v instanceof PyTraceback)) throw pyErr(E.TypeError, '__traceback__ must be a traceback or None');
      (s as PyBaseException).traceback = v;
    },
  },
  __cause__: {
    get: (_c, s) => (s as PyBaseException).cause,
    set: (_c, s, v) => {
      if (v !== null && !(v instanceof PyBaseException)) throw pyErr(E.TypeError, 'exception cause must be None or derive from BaseException');
      (s as PyBaseException).cause = v;
      (s as PyBaseException).suppressContext = true;
    },
  },
  __context__: {
    get: (_c, s) => (s as PyBaseException).context,
    set: (_c, s, v) => {
      if (v !== null && !(v instanceof PyBaseException)) throw pyErr(E.TypeError, 'exception context must be None or derive from BaseException');
      (s as PyBaseException).context = v;
    },
  },
  __suppress_context__: {
    get: (_c, s) => (s as PyBaseException).suppressContext,
    set: (_c, s, v) => {
      (s as PyBaseException).suppressContext = v === true;
    },
  },
});

function firstArgOrNone(_c: unknown, s: PyValue): PyValue {
  const e = s as PyBaseException;
  const v = attr(e, '__value__');
  if (v !== undefined) return v;
  return e.args.items.length > 0 ? e.args.items[0]! : null;
}

defineGetters(E.StopIteration, {
  value: { get: firstArgOrNone, set: (_c, s, v) => setAttr(s as PyBaseException, '__value__', v) },
});
defineGetters(E.SystemExit, {
  code: {
    get: (_c, s) => {
      const e = s as PyBaseException;
      const v = attr(e, '__code__');
      if (v !== undefined) return v;
      const it = e.args.items;
      return it.length === 0 ? null : it.length === 1 ? it[0]! : e.args;
    },
    set: (_c, s, v) => setAttr(s as PyBaseException, '__code__', v),
  },
});
defineMethods(E.KeyError, {
  __str__(ctx, a) {
    const items = self(a).args.items;
    if (items.length === 1) {
      const r = reprOf(ctx, items[0]!);
      return typeof r === 'string' ? r : startOf(r);
    }
    const m = E.BaseException.ns.get('__str__') as import('../function').PyBuiltinFunction;
    return m.fn(ctx, a, null);
  },
});

function attrGetter(name: string, dflt: PyValue = null) {
  return {
    get: (_c: unknown, s: PyValue) => attr(s as PyBaseException, name) ?? dflt,
    set: (_c: unknown, s: PyValue, v: PyValue) => setAttr(s as PyBaseException, name, v),
  };
}
defineGetters(E.OSError, {
  errno: attrGetter('errno'),
  strerror: attrGetter('strerror'),
  filename: attrGetter('filename'),
  filename2: attrGetter('filename2'),
});
defineMethods(E.OSError, {
  __str__(ctx, a) {
    const e = self(a);
    const errno = attr(e, 'errno');
    const strerror = attr(e, 'strerror');
    if (errno !== undefined && strerror !== undefined && errno !== null) {
      const fn = attr(e, 'filename');
      if (fn !== undefined && fn !== null) {
        const r = reprOf(ctx, fn);
        return `[Errno ${String(errno)}] ${String(strerror)}: ${typeof r === 'string' ? r : '?'}`;
      }
      return `[Errno ${String(errno)}] ${String(strerror)}`;
    }
    const m = E.BaseException.ns.get('__str__') as import('../function').PyBuiltinFunction;
    return m.fn(ctx, a, null);
  },
});
defineGetters(E.ImportError, { name: attrGetter('name'), path: attrGetter('path'), msg: { get: (_c, s) => (s as PyBaseException).args.items[0] ?? null } });
defineGetters(E.NameError, { name: attrGetter('name') });
defineGetters(E.AttributeError, { name: attrGetter('name'), obj: attrGetter('obj') });
void typeOf;
