// ctypes: the simple C types (c_int, c_double, c_char, ...) as multiprocessing's Value
// and Array take them (`Value(ctypes.c_int, 0)`): each type has its `_type_` typecode, and
// an instance holds a `.value` converted like C (ints wrap, c_char holds one byte).

import { parseArgs } from '../vm/args';
import type { PyModule } from '../vm/function';
import { PyBytes, PyFloat, PyObject, type PyValue } from '../vm/objects';
import { defineAttrs, defineGetters, defineMethods, newBuiltinType } from '../vm/types';
import { newModule, type VM } from '../vm/vm';
import { TYPECODES, fromRaw, toRaw } from './multiprocessing-shm';
import { objectType } from '../vm/objects';
import { E, pyErr } from '../vm/exceptions';
import { typeName } from '../vm/protocol';

const simpleCData = newBuiltinType('_SimpleCData', [objectType], '_ctypes', { layout: 'object' });

function tcOf(self: PyValue): string {
  const t = (self as PyObject).cls;
  for (const c of t.mro) {
    const tc = c.ns.get('_type_');
    if (typeof tc === 'string') return tc;
  }
  throw pyErr(E.TypeError, 'abstract class');
}

function raw(self: PyValue): unknown {
  const d = (self as PyObject).dict;
  return d ? d.getStr('_raw') : undefined;
}

defineMethods(simpleCData, {
  __init__(_c, args, kw) {
    const a = parseArgs(typeName(args[0]!), args.slice(1), kw, { names: ['value'], required: 0 });
    const tc = tcOf(args[0]!);
    const v = a.values[0];
    (args[0] as PyObject).dict!.setStr('_raw', v === undefined ? (TYPECODES[tc]!.kind === 'wchar' ? '\0' : 0) : (toRaw(tc, v) as PyValue));
    return null;
  },
  __repr__(_c, args) {
    const tc = tcOf(args[0]!);
    const x = fromRaw(tc, raw(args[0]!));
    const r = x instanceof PyFloat ? (Number.isInteger(x.value) ? `${x.value}.0` : String(x.value)) : x instanceof PyBytes ? `b'${String.fromCharCode(x.bytes[0]!)}'` : typeof x === 'string' ? `'${x}'` : String(x);
    return `${(args[0] as PyObject).cls.name}(${r})`;
  },
});
defineGetters(simpleCData, {
  value: {
    get: (_c, self) => fromRaw(tcOf(self), raw(self)),
    set: (_c, self, v) => {
      (self as PyObject).dict!.setStr('_raw', toRaw(tcOf(self), v) as PyValue);
    },
  },
});

const TYPES: Record<string, string> = {
  c_byte: 'b', c_ubyte: 'B', c_short: 'h', c_ushort: 'H', c_int: 'i', c_uint: 'I', c_long: 'l', c_ulong: 'L',
  c_longlong: 'q', c_ulonglong: 'Q', c_float: 'f', c_double: 'd', c_char: 'c', c_wchar: 'u',
};

const CTYPES: Record<string, PyValue> = {};
for (const [name, tc] of Object.entries(TYPES)) {
  const t = newBuiltinType(name, [simpleCData], 'ctypes', { layout: 'object' });
  defineAttrs(t, { _type_: tc });
  CTYPES[name] = t;
}
CTYPES.c_int8 = CTYPES.c_byte!;
CTYPES.c_uint8 = CTYPES.c_ubyte!;
CTYPES.c_int16 = CTYPES.c_short!;
CTYPES.c_uint16 = CTYPES.c_ushort!;
CTYPES.c_int32 = CTYPES.c_int!;
CTYPES.c_uint32 = CTYPES.c_uint!;
CTYPES.c_int64 = CTYPES.c_long!;
CTYPES.c_uint64 = CTYPES.c_ulong!;
CTYPES.c_bool = CTYPES.c_ubyte!;

export function initCtypes(vm: VM): PyModule {
  return newModule(vm, 'ctypes', { ...CTYPES });
}
