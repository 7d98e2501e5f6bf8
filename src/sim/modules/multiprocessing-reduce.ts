// Pickling between processes (multiprocessing queues, pipes, pools): a Python value of
// one process's VM becomes plain JS data ("portable") and is rebuilt in another process's
// VM. It follows pickle's rules: builtin values by value (sharing and cycles kept),
// functions and classes by reference (module + qualified name, looked up in the receiver:
// lambdas and nested functions cannot be pickled), instances as class reference + __dict__,
// exceptions as class + args. Objects that cannot be pickled raise CPython's errors.

import { assertUnreachable } from '../../trace/format';
import { PyDict, PySet, PyFrozenSet, PySetBase } from '../vm/dict';
import { E, PyBaseException, PyException, newException, pyErr } from '../vm/exceptions';
import { PyBuiltinFunction, PyFunction, PyModule } from '../vm/function';
import {
  PyBytes, PyFloat, PyInstance, PyIntSubclass, PyList, PyObject, PyStrSubclass, PyTuple, PyType, type PyValue,
} from '../vm/objects';
import { fakeAddress } from '../vm/protocol';
import { newModule, type VM } from '../vm/vm';
import { parseArgs } from '../vm/args';
import type { NativeFn } from '../vm/frame';
import { makeBuiltin, registerType } from '../vm/types';

export type Portable =
  | null | boolean | number | string
  | { t: 'big'; v: string }
  | { t: 'float'; v: number }
  | { t: 'bytes'; v: number[] }
  | { t: 'tuple'; v: Portable[] }
  | { t: 'list' | 'set' | 'frozenset'; id: number; v: Portable[] }
  | { t: 'dict'; id: number; v: [Portable, Portable][] }
  | { t: 'global'; mod: string; qual: string }
  | { t: 'obj'; id: number; cls: Portable; state: [string, Portable][] }
  | { t: 'exc'; cls: Portable; args: Portable[] }
  | { t: 'ref'; id: number };

/** pickle's exceptions (the pickle module re-exports them). */
export const pickleErrorType = registerType(new PyType('PickleError', [E.Exception], { builtin: true, module: '_pickle', layout: 'exception' }));
export const picklingErrorType = registerType(new PyType('PicklingError', [pickleErrorType], { builtin: true, module: '_pickle', layout: 'exception' }));
export const unpicklingErrorType = registerType(new PyType('UnpicklingError', [pickleErrorType], { builtin: true, module: '_pickle', layout: 'exception' }));

/** Objects that cannot be pickled, with CPython's messages. */
function cannot(msg: string, type: PyType = picklingErrorType): never {
  throw pyErr(type, msg);
}

function globalRef(mod: string, qual: string, what: string): Portable {
  if (qual.includes('<locals>') || qual.includes('<lambda>')) {
    cannot(`Can't pickle ${what}: ${qual.includes('<lambda>') ? `attribute lookup ${qual} on ${mod} failed` : `it's not found as ${mod}.${qual}`}`);
  }
  return { t: 'global', mod, qual };
}

/** A value of `vm` as portable data. */
export function toPortable(v: PyValue): Portable {
  const memo = new Map<object, number>();
  let next = 1;
  const enc = (x: PyValue): Portable => {
    if (x === null || typeof x === 'boolean' || typeof x === 'string') return x;
    if (typeof x === 'number') return x;
    if (typeof x === 'bigint') return { t: 'big', v: x.toString() };
    const seen = memo.get(x);
    if (seen !== undefined) return { t: 'ref', id: seen };
    if (x instanceof PyFloat) return { t: 'float', v: x.value };
    if (x instanceof PyIntSubclass) return typeof x.value === 'bigint' ? { t: 'big', v: x.value.toString() } : x.value;
    if (x instanceof PyStrSubclass) return x.value;
    if (x instanceof PyBytes) return { t: 'bytes', v: Array.from(x.bytes) };
    if (x instanceof PyTuple) return { t: 'tuple', v: x.items.map(enc) };
    if (x instanceof PyList) {
      const id = next++;
      memo.set(x, id);
      return { t: 'list', id, v: x.items.map(enc) };
    }
    if (x instanceof PyDict) {
      const id = next++;
      memo.set(x, id);
      const items: [Portable, Portable][] = [];
      x.forEach((k, val) => items.push([enc(k), enc(val)]));
      return { t: 'dict', id, v: items };
    }
    if (x instanceof PySetBase) {
      const id = next++;
      memo.set(x, id);
      return { t: x instanceof PyFrozenSet ? 'frozenset' : 'set', id, v: x.keyList().map(enc) };
    }
    if (x instanceof PyFunction) {
      return globalRef(typeof x.module === 'string' ? x.module : '__main__', x.qualname, `<function ${x.qualname} at ${fakeAddress(x)}>`);
    }
    if (x instanceof PyBuiltinFunction) return { t: 'global', mod: x.module ?? 'builtins', qual: x.qualname };
    if (x instanceof PyType) return globalRef(x.module, x.qualname, `<class '${x.module}.${x.qualname}'>`);
    if (x instanceof PyBaseException) return { t: 'exc', cls: enc(x.cls), args: x.args.items.map(enc) };
    if (x instanceof PyInstance) {
      const id = next++;
      memo.set(x, id);
      const state: [string, Portable][] = [];
      x.dict?.forEach((k, val) => {
        if (typeof k === 'string') state.push([k, enc(val)]);
      });
      return { t: 'obj', id, cls: enc(x.cls), state };
    }
    if (x instanceof PyModule) cannot(`cannot pickle 'module' object`, E.TypeError);
    if (x instanceof PyBuiltinFunction) return { t: 'global', mod: x.module ?? 'builtins', qual: x.qualname };
    const o = x as PyObject;
    return cannot(`cannot pickle '${o.cls.name}' object`, E.TypeError);
  };
  return enc(v);
}

/** Looks `mod`.`qual` up in the receiving process (pickle's find_class). */
function findGlobal(vm: VM, mod: string, qual: string): PyValue {
  // multiprocessing's classes say multiprocessing.pool, .queues...: one module here
  const m = vm.modules.getStr(mod) ?? (mod.startsWith('multiprocessing.') ? vm.modules.getStr('multiprocessing') : undefined);
  if (!(m instanceof PyModule)) throw pyErr(E.ModuleNotFoundError, `No module named '${mod}'`);
  let cur: PyValue = m;
  for (const part of qual.split('.')) {
    let nxt: PyValue | undefined;
    if (cur instanceof PyModule) nxt = cur.dict.getStr(part);
    else if (cur instanceof PyType) nxt = cur.ns.get(part);
    if (nxt === undefined) throw pyErr(E.AttributeError, `Can't get attribute '${qual}' on <module '${mod}'>`);
    cur = nxt;
  }
  return cur;
}

/** Rebuilds a portable value in `vm`. */
export function fromPortable(vm: VM, p: Portable): PyValue {
  const memo = new Map<number, PyValue>();
  const dec = (x: Portable): PyValue => {
    if (x === null || typeof x !== 'object') return x;
    switch (x.t) {
      case 'big':
        return BigInt(x.v);
      case 'float':
        return new PyFloat(x.v);
      case 'bytes':
        return new PyBytes(x.v.slice());
      case 'tuple':
        return new PyTuple(x.v.map(dec));
      case 'list': {
        const l = new PyList([]);
        memo.set(x.id, l);
        for (const i of x.v) l.items.push(dec(i));
        return l;
      }
      case 'set':
      case 'frozenset': {
        const s = x.t === 'set' ? new PySet() : new PyFrozenSet();
        memo.set(x.id, s);
        for (const i of x.v) s.add(dec(i));
        return s;
      }
      case 'dict': {
        const d = new PyDict();
        memo.set(x.id, d);
        for (const [k, v] of x.v) d.set(dec(k), dec(v));
        return d;
      }
      case 'global':
        return findGlobal(vm, x.mod, x.qual);
      case 'obj': {
        const cls = dec(x.cls);
        if (!(cls instanceof PyType)) throw pyErr(E.TypeError, 'cannot unpickle: not a class');
        const d = new PyDict();
        const o = new PyInstance(cls, d);
        memo.set(x.id, o);
        for (const [k, v] of x.state) d.setStr(k, dec(v));
        return o;
      }
      case 'exc': {
        const cls = dec(x.cls);
        if (!(cls instanceof PyType)) throw pyErr(E.TypeError, 'cannot unpickle: not an exception class');
        const args = x.args.map(dec);
        if (cls.mro.includes(E.OSError) && typeof args[0] === 'number' && typeof args[1] === 'string') {
          return new PyException(newException(cls, ...args)).exc;
        }
        return newException(cls, ...args);
      }
      case 'ref': {
        const r = memo.get(x.id);
        if (r === undefined) throw pyErr(E.RuntimeError, 'bad pickle reference');
        return r;
      }
      default:
        return assertUnreachable(x, 'pickled value');
    }
  };
  return dec(p);
}

/** Roughly how many bytes pickle would produce (for the trace). */
export function portableSize(p: Portable): number {
  return JSON.stringify(p).length;
}

// ───────────────────────────── pickle ─────────────────────────────

/** pickle.dumps/loads on the portable form (the bytes are JSON, not CPython's format). */
export function initPickle(vm: VM): PyModule {
  const fn = (name: string, f: NativeFn) => makeBuiltin(`pickle.${name}`, name, f, 'function', null, 'pickle');
  return newModule(vm, 'pickle', {
    dumps: fn('dumps', (_c, args, kw) => {
      const a = parseArgs('dumps', args, kw, { names: ['obj', 'protocol'], required: 1, kwOnly: ['fix_imports', 'buffer_callback'] });
      return new PyBytes(Array.from(new TextEncoder().encode(JSON.stringify(toPortable(a.values[0]!)))));
    }),
    loads: fn('loads', (ctx, args, kw) => {
      const a = parseArgs('loads', args, kw, { names: ['data'], kwOnly: ['fix_imports', 'encoding', 'errors', 'buffers'] });
      const b = a.values[0];
      if (!(b instanceof PyBytes)) throw pyErr(E.TypeError, `a bytes-like object is required, not '${b === null ? 'NoneType' : (b as PyObject).cls?.name ?? typeof b}'`);
      let p: Portable;
      try {
        p = JSON.parse(new TextDecoder().decode(new Uint8Array(Array.from(b.bytes)))) as Portable;
      } catch {
        throw pyErr(unpicklingErrorType, 'invalid load key');
      }
      return fromPortable(ctx.vm, p);
    }),
    PickleError: pickleErrorType,
    PicklingError: picklingErrorType,
    UnpicklingError: unpicklingErrorType,
    HIGHEST_PROTOCOL: 5,
    DEFAULT_PROTOCOL: 4,
  });
}
