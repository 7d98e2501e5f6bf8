// Shared memory for multiprocessing: RawValue and RawArray (sharedctypes) over kernel
// shared-memory objects (kernel/ipc.ts). The Python objects hold only the object's id, so
// a fork child's copies see the same memory; every read and write is a kernel call (it
// happens at its exact virtual time, interleaved with the other processes': `v.value += 1`
// is a read and a write, and another process can write in between). The synchronized
// wrappers with their locks (Value, Array) are Python (multiprocessing-py.ts).
//
// Typecodes as in the array module / ctypes: b B h H i I l L q Q (ints of that width,
// wrapping like C), f d (floats; 'f' is single precision), c (one byte), u (one char).

import { assertUnreachable } from '../../trace/format';
import { parseArgs } from '../vm/args';
import { E, pyErr } from '../vm/exceptions';
import { NativeFrameStart, SyscallRequest, type NativeFn } from '../vm/frame';
import { PyListIterator } from '../vm/iterators';
import { PyProperty } from '../vm/function';
import {
  PyBytes, PyFloat, PyIntSubclass, PyList, PyObject, PySlice, PyStrSubclass, PyType, objectType, type PyValue,
} from '../vm/objects';
import { iterFast, typeName } from '../vm/protocol';
import { defineGetters, defineMethods, makeBuiltin, newBuiltinType, registerClass } from '../vm/types';
import { kcall, registerConverter } from './_thread';

interface TypeInfo {
  ctype: string;
  kind: 'int' | 'float' | 'char' | 'wchar';
  bits?: number;
  signed?: boolean;
}

export const TYPECODES: Record<string, TypeInfo> = {
  b: { ctype: 'c_byte', kind: 'int', bits: 8, signed: true },
  B: { ctype: 'c_ubyte', kind: 'int', bits: 8, signed: false },
  h: { ctype: 'c_short', kind: 'int', bits: 16, signed: true },
  H: { ctype: 'c_ushort', kind: 'int', bits: 16, signed: false },
  i: { ctype: 'c_int', kind: 'int', bits: 32, signed: true },
  I: { ctype: 'c_uint', kind: 'int', bits: 32, signed: false },
  l: { ctype: 'c_long', kind: 'int', bits: 64, signed: true },
  L: { ctype: 'c_ulong', kind: 'int', bits: 64, signed: false },
  q: { ctype: 'c_longlong', kind: 'int', bits: 64, signed: true },
  Q: { ctype: 'c_ulonglong', kind: 'int', bits: 64, signed: false },
  f: { ctype: 'c_float', kind: 'float' },
  d: { ctype: 'c_double', kind: 'float' },
  c: { ctype: 'c_char', kind: 'char' },
  u: { ctype: 'c_wchar', kind: 'wchar' },
};

/** The typecode of a typecode string or a ctypes type (its `_type_`). */
export function typecodeOf(v: PyValue | undefined): string {
  if (typeof v === 'string' && TYPECODES[v]) return v;
  if (v instanceof PyType) {
    for (const t of v.mro) {
      const tc = t.ns.get('_type_');
      if (typeof tc === 'string' && TYPECODES[tc]) return tc;
    }
  }
  if (typeof v === 'string') throw pyErr(E.TypeError, `bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)`);
  throw pyErr(E.TypeError, `'${typeName(v ?? null)}' object is not a valid ctypes type`);
}

/** A Python value as stored in shared memory (checks and wraps like ctypes). */
export function toRaw(tc: string, v: PyValue): number | string | bigint {
  const info = TYPECODES[tc]!;
  let n: number | bigint | undefined;
  if (typeof v === 'number' || typeof v === 'bigint') n = v;
  else if (typeof v === 'boolean') n = v ? 1 : 0;
  else if (v instanceof PyIntSubclass) n = v.value;
  switch (info.kind) {
    case 'int': {
      if (n === undefined) throw pyErr(E.TypeError, `int expected instead of ${typeName(v)}`);
      const b = BigInt.asIntN(info.bits!, BigInt(n));
      const w = info.signed ? b : BigInt.asUintN(info.bits!, BigInt(n));
      return info.bits! <= 32 ? Number(w) : Number.isSafeInteger(Number(w)) ? Number(w) : w;
    }
    case 'float': {
      let x: number;
      if (v instanceof PyFloat) x = v.value;
      else if (n !== undefined) x = Number(n);
      else throw pyErr(E.TypeError, `must be real number, not ${typeName(v)}`);
      return tc === 'f' ? Math.fround(x) : x;
    }
    case 'char':
      if (v instanceof PyBytes && v.bytes.length === 1) return v.bytes[0]!;
      if (typeof n === 'number' && n >= 0 && n < 256) return n;
      throw pyErr(E.TypeError, 'one character bytes, bytearray or integer expected');
    case 'wchar': {
      const s = typeof v === 'string' ? v : v instanceof PyStrSubclass ? v.value : null;
      if (s === null || [...s].length !== 1) throw pyErr(E.TypeError, 'unicode string expected instead of ' + typeName(v) + ' instance');
      return s;
    }
    default:
      return assertUnreachable(info.kind, 'typecode kind');
  }
}

/** A stored value as a Python value. */
export function fromRaw(tc: string, r: unknown): PyValue {
  const info = TYPECODES[tc]!;
  switch (info.kind) {
    case 'int':
      return r as number | bigint;
    case 'float':
      // the VM engine already turns non-integral kernel numbers into floats
      return r instanceof PyFloat ? r : new PyFloat(Number(r));
    case 'char':
      return new PyBytes([Number(r)]);
    case 'wchar':
      return String(r);
    default:
      return assertUnreachable(info.kind, 'typecode kind');
  }
}

function zero(tc: string): number | string {
  return TYPECODES[tc]!.kind === 'wchar' ? '\0' : 0;
}

// ───────────────────────────── RawValue / RawArray ─────────────────────────────

export class PyShared extends PyObject {
  constructor(cls: PyType, public shm: string, public tc: string, public length: number) {
    super(cls);
  }
}
registerClass('PyShared', PyShared);

export const rawValueType = newBuiltinType('RawValue', [objectType], 'multiprocessing.sharedctypes', { baseable: false });
export const rawArrayType = newBuiltinType('RawArray', [objectType], 'multiprocessing.sharedctypes', { baseable: false });

function self(v: PyValue | undefined): PyShared {
  if (!(v instanceof PyShared)) throw pyErr(E.TypeError, `expected a shared ctypes object, got ${typeName(v ?? null)}`);
  return v;
}

registerConverter('shm.new', (_c, v, st) => new PyShared(st.cls as PyType, String(v), String(st.tc), Number(st.length)));
registerConverter('shm.value', (_c, v, st) => fromRaw(String(st.tc), v));
registerConverter('shm.values', (_c, v, st) => {
  const tc = String(st.tc);
  const xs = (v as unknown[]).map((r) => fromRaw(tc, r));
  if (st.asBytes) return new PyBytes(xs.map((b) => (b as PyBytes).bytes[0]!));
  if (st.asStr) return xs.join('');
  return new PyList(xs);
});
registerConverter('shm.cvalue', (_c, v, st) => {
  // Array('c').value: the bytes up to the first NUL
  const bytes = (v as number[]).slice();
  const nul = bytes.indexOf(0);
  if (st.kind === 'u') {
    const s = (v as string[]).join('');
    const z = s.indexOf('\0');
    return z >= 0 ? s.slice(0, z) : s;
  }
  return new PyBytes(nul >= 0 ? bytes.slice(0, nul) : bytes);
});

function newShared(cls: PyType, tc: string, data: unknown[]): NativeFrameStart {
  return kcall('shm.create', { typecode: tc, data }, 'shm.new', { cls, tc, length: data.length });
}

const rawValue: NativeFn = (_ctx, args, kw) => {
  const a = parseArgs('RawValue', args, kw, { names: ['typecode_or_type'], varargs: true, required: 1 });
  const tc = typecodeOf(a.values[0]);
  const init = a.rest.length > 0 ? toRaw(tc, a.rest[0]!) : zero(tc);
  return newShared(rawValueType, tc, [init]);
};

const rawArray: NativeFn = (_ctx, args, kw) => {
  const a = parseArgs('RawArray', args, kw, { names: ['typecode_or_type', 'size_or_initializer'] });
  const tc = typecodeOf(a.values[0]);
  const init = a.values[1]!;
  let data: unknown[];
  if (typeof init === 'number' || typeof init === 'bigint' || init instanceof PyIntSubclass) {
    const n = Number(init instanceof PyIntSubclass ? init.value : init);
    if (n < 0) throw pyErr(E.ValueError, 'Array length must be >= 0, not ' + String(n));
    data = new Array(n).fill(zero(tc));
  } else if (init instanceof PyBytes) {
    data = Array.from(init.bytes).map((b) => toRaw(tc, tc === 'c' ? new PyBytes([b]) : b));
  } else if (typeof init === 'string') {
    data = [...init].map((ch) => toRaw(tc, ch));
  } else {
    const items = iterFast(init);
    if (!items) throw pyErr(E.TypeError, `'${typeName(init)}' object is not iterable`);
    data = items.map((x) => toRaw(tc, x));
  }
  return newShared(rawArrayType, tc, data);
};

function index(s: PyShared, v: PyValue | undefined): number {
  const i0 = Number(v instanceof PyIntSubclass ? v.value : v);
  if (typeof v !== 'number' && typeof v !== 'boolean' && !(v instanceof PyIntSubclass)) throw pyErr(E.TypeError, 'indices must be integers');
  const i = i0 < 0 ? i0 + s.length : i0;
  if (i < 0 || i >= s.length) throw pyErr(E.IndexError, 'invalid index');
  return i;
}

function sliceRange(s: PyShared, sl: PySlice): { start: number; stop: number } {
  const norm = (v: PyValue, d: number): number => {
    if (v === null) return d;
    let n = Number(v);
    if (n < 0) n += s.length;
    return Math.max(0, Math.min(s.length, n));
  };
  if (sl.step !== null && Number(sl.step) !== 1) throw pyErr(E.ValueError, 'slice steps are not supported for shared arrays');
  const start = norm(sl.start, 0);
  return { start, stop: Math.max(start, norm(sl.stop, s.length)) };
}

function valueProp(get: NativeFn, set: NativeFn, name: string): PyProperty {
  return new PyProperty(
    makeBuiltin(`_mpsim.${name}.get`, name, get, 'function', null, '_mpsim'),
    makeBuiltin(`_mpsim.${name}.set`, name, set, 'function', null, '_mpsim'),
    null,
  );
}

rawValueType.ns.set('value', valueProp(
  (_c, a) => { const s = self(a[0]); return kcall('shm.get', { id: s.shm, start: 0 }, 'shm.value', { tc: s.tc }); },
  (_c, a) => { const s = self(a[0]); return new SyscallRequest('shm.set', { id: s.shm, start: 0, values: [toRaw(s.tc, a[1]!)] }); },
  'RawValue.value',
));

rawArrayType.ns.set('value', valueProp(
  (_c, a) => {
    const s = self(a[0]);
    if (s.tc !== 'c' && s.tc !== 'u') throw pyErr(E.AttributeError, `'${TYPECODES[s.tc]!.ctype}_Array_${s.length}' object has no attribute 'value'`);
    return kcall('shm.get', { id: s.shm, start: 0, stop: s.length }, 'shm.cvalue', { kind: s.tc });
  },
  (_c, a) => {
    const s = self(a[0]);
    const v = a[1]!;
    let data: unknown[];
    if (s.tc === 'c' && v instanceof PyBytes) data = Array.from(v.bytes);
    else if (s.tc === 'u' && typeof v === 'string') data = [...v];
    else throw pyErr(E.TypeError, s.tc === 'c' ? `bytes expected instead of ${typeName(v)} instance` : 'unicode string expected');
    if (data.length > s.length) throw pyErr(E.ValueError, `${s.tc === 'c' ? 'byte ' : ''}string too long`);
    if (data.length < s.length) data.push(s.tc === 'c' ? 0 : '\0');
    return new SyscallRequest('shm.set', { id: s.shm, start: 0, values: data });
  },
  'RawArray.value',
));

defineGetters(rawArrayType, {
  _type_: (_c, v) => self(v).tc,
  _length_: (_c, v) => self(v).length,
});

defineMethods(rawValueType, {
  __repr__: (_c, a) => {
    const s = self(a[0]);
    return kcall('shm.get', { id: s.shm, start: 0 }, 'shm.repr', { tc: s.tc });
  },
});
registerConverter('shm.repr', (_c, v, st) => {
  const tc = String(st.tc);
  const x = fromRaw(tc, v);
  const r = x instanceof PyFloat ? (Number.isInteger(x.value) ? `${x.value}.0` : String(x.value)) : x instanceof PyBytes ? `b'${String.fromCharCode(x.bytes[0]!)}'` : typeof x === 'string' ? `'${x}'` : String(x);
  return `${TYPECODES[tc]!.ctype}(${r})`;
});

defineMethods(rawArrayType, {
  __len__: (_c, a) => self(a[0]).length,
  __getitem__: (_c, a) => {
    const s = self(a[0]);
    const k = a[1]!;
    if (k instanceof PySlice) {
      const { start, stop } = sliceRange(s, k);
      return kcall('shm.get', { id: s.shm, start, stop }, 'shm.values', { tc: s.tc, asBytes: s.tc === 'c', asStr: s.tc === 'u' });
    }
    return kcall('shm.get', { id: s.shm, start: index(s, k) }, 'shm.value', { tc: s.tc });
  },
  __setitem__: (_c, a) => {
    const s = self(a[0]);
    const k = a[1]!;
    if (k instanceof PySlice) {
      const { start, stop } = sliceRange(s, k);
      const items = a[2] instanceof PyBytes ? Array.from(a[2].bytes).map((b) => (s.tc === 'c' ? new PyBytes([b]) : b)) : iterFast(a[2]!);
      if (!items) throw pyErr(E.TypeError, 'can only assign an iterable');
      if (items.length !== stop - start) throw pyErr(E.ValueError, 'Can only assign sequence of same size');
      return new SyscallRequest('shm.set', { id: s.shm, start, values: items.map((x) => toRaw(s.tc, x)) });
    }
    return new SyscallRequest('shm.set', { id: s.shm, start: index(s, k), values: [toRaw(s.tc, a[2]!)] });
  },
  __iter__: (_c, a) => {
    const s = self(a[0]);
    return kcall('shm.get', { id: s.shm, start: 0, stop: s.length }, 'shm.iter', { tc: s.tc });
  },
  __repr__: (_c, a) => `<multiprocessing.sharedctypes.${TYPECODES[self(a[0]).tc]!.ctype}_Array_${self(a[0]).length} object>`,
});
registerConverter('shm.iter', (_c, v, st) => new PyListIterator(new PyList((v as unknown[]).map((r) => fromRaw(String(st.tc), r)))));

export const SHM_EXPORTS: Record<string, PyValue> = {
  RawValue: makeBuiltin('_mpsim.RawValue', 'RawValue', rawValue, 'function', null, '_mpsim'),
  RawArray: makeBuiltin('_mpsim.RawArray', 'RawArray', rawArray, 'function', null, '_mpsim'),
  RawValueType: rawValueType,
  RawArrayType: rawArrayType,
};
