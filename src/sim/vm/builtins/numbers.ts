// int and float: constructors (int(), float()), methods and dunders, on ../lib/int-ops.ts
// and ../lib/float-ops.ts.

import {
  PyObject, PyType, PyValue, PyFloat, PyIntSubclass, PyStrSubclass, PyBytes, PyTuple, NotImplemented,
  intType, floatType, boolType, typeOf, isSubtype,
} from '../objects';
import { E, pyErr } from '../exceptions';
import { NativeCall, NativeFrameStart, type CallContext, type NativeFn } from '../frame';
import { defineMethods, defineStaticMethods, defineClassMethods, defineGetters, registerNativeImpl } from '../types';
import { parseArgs } from '../args';
import { lookupType, typeName, truthFast } from '../protocol';
import { numericBinop, numericCompare } from '../ops';
import * as I from '../lib/int-ops';
import * as F from '../lib/float-ops';
import { formatInt, formatFloatSpec } from '../lib/format-spec';
import { floatRepr } from '../lib/float-repr';
import { decodeBytes } from '../lib/str-unicode';
import { asIndex, asStr, rethrow, noArgs, oneArg, argsClinic, indexArg, withArity } from './util';
import { newCls } from './list';

type Int = I.Int;

/** The int value of self (int, bool, int subclass). */
function selfInt(args: PyValue[], name: string): Int {
  const v = args.length ? asIndex(args[0]!) : undefined;
  if (v === undefined) {
    throw pyErr(E.TypeError, `descriptor '${name}' for 'int' objects doesn't apply to a '${typeName(args[0] ?? null)}' object`);
  }
  return v;
}

function selfFloat(args: PyValue[], name: string): number {
  const v = args[0];
  if (!(v instanceof PyFloat)) {
    throw pyErr(E.TypeError, `descriptor '${name}' for 'float' objects doesn't apply to a '${typeName(v ?? null)}' object`);
  }
  return v.value;
}

/** Wraps an int result for a class: plain for int, a subclass box otherwise. */
export function intOfClass(v: Int, cls: PyType): PyValue {
  if (cls === intType) return v;
  if (cls === boolType) return v !== 0;
  return new PyIntSubclass(v, cls);
}

function floatOfClass(x: number, cls: PyType): PyValue {
  return cls === floatType ? new PyFloat(x) : new PyFloat(x, cls);
}

// ------------------------------------------------------------------ int()

function parseIntFrom(v: PyValue, base: number): Int | undefined {
  const s = asStr(v);
  if (s !== undefined) return I.parseIntLiteral(s, base);
  if (v instanceof PyBytes) {
    const text = decodeBytes(v.bytes, 'latin-1');
    try {
      return I.parseIntLiteral(text, base);
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('invalid literal')) {
        throw pyErr(E.ValueError, e.message.replace(/: '(.*)'$/, (_m, t: string) => `: b'${t}'`));
      }
      throw e;
    }
  }
  return undefined;
}

/** int(x) conversion: a value now, or a NativeFrameStart answering the int. */
export function toInt(ctx: CallContext, x: PyValue): Int | NativeFrameStart {
  const i = asIndex(x);
  if (i !== undefined) return i;
  if (x instanceof PyFloat) return I.floatToInt(x.value);
  const p = parseIntFrom(x, 10);
  if (p !== undefined) return p;
  if (x instanceof PyObject) {
    for (const name of ['__int__', '__index__', '__trunc__']) {
      const m = lookupType(typeOf(x), name);
      if (m !== undefined && m !== null) return new NativeFrameStart('int.convert', { m, x, name, phase: 0 });
    }
  }
  throw pyErr(E.TypeError, `int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
}

registerNativeImpl('int.convert', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeCall(st.m as PyValue, [st.x as PyValue]);
    }
    const i = asIndex(value);
    if (i === undefined) {
      throw pyErr(E.TypeError, `${st.name as string} returned non-int (type ${typeName(value)})`);
    }
    const cls = st.cls as PyType | undefined;
    return cls ? intOfClass(i, cls) : i;
  },
});

defineStaticMethods(intType, {
  __new__: (ctx, args, kw) => {
    const cls = newCls(args, intType);
    const npos = args.length - 1 - (kw ? kw.length : 0);
    if (npos > 2) throw pyErr(E.TypeError, `int() takes at most 2 arguments (${npos} given)`);
    const p = parseArgs('int', args.slice(1), kw, { names: ['x', 'base'], required: 0, posOnly: 1 });
    const x = p.values[0];
    const baseV = p.values[1];
    if (x === undefined) {
      if (baseV !== undefined) throw pyErr(E.TypeError, 'int() missing string argument');
      return intOfClass(0, cls);
    }
    if (baseV !== undefined) {
      const base = asIndex(baseV);
      if (base === undefined) throw pyErr(E.TypeError, `'${typeName(baseV)}' object cannot be interpreted as an integer`);
      const b = Number(base);
      if ((b !== 0 && b < 2) || b > 36) throw pyErr(E.ValueError, 'int() base must be >= 2 and <= 36, or 0');
      const r = parseIntFrom(x, b);
      if (r === undefined) throw pyErr(E.TypeError, "int() can't convert non-string with explicit base");
      return intOfClass(r, cls);
    }
    const r = toInt(ctx, x);
    if (r instanceof NativeFrameStart) {
      if (cls !== intType) r.state.cls = cls;
      return r;
    }
    return intOfClass(r, cls);
  },
});

// ------------------------------------------------------------------ float()

/** float(x) conversion: a number now, or a NativeFrameStart answering the float. */
export function toFloat(ctx: CallContext, x: PyValue): number | NativeFrameStart {
  void ctx;
  if (x instanceof PyFloat) return x.value;
  const i = asIndex(x);
  if (i !== undefined) return I.intToFloat(i);
  const s = asStr(x);
  if (s !== undefined) return F.parseFloatLiteral(s);
  if (x instanceof PyBytes) return F.parseFloatLiteral(decodeBytes(x.bytes, 'latin-1'));
  if (x instanceof PyObject) {
    for (const name of ['__float__', '__index__']) {
      const m = lookupType(typeOf(x), name);
      if (m !== undefined && m !== null) return new NativeFrameStart('float.convert', { m, x, name, phase: 0 });
    }
  }
  throw pyErr(E.TypeError, `float() argument must be a string or a real number, not '${typeName(x)}'`);
}

registerNativeImpl('float.convert', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeCall(st.m as PyValue, [st.x as PyValue]);
    }
    let x: number;
    if (st.name === '__index__') {
      const i = asIndex(value);
      if (i === undefined) throw pyErr(E.TypeError, `__index__ returned non-int (type ${typeName(value)})`);
      x = I.intToFloat(i);
    } else {
      if (!(value instanceof PyFloat)) throw pyErr(E.TypeError, `${typeName(st.x as PyValue)}.__float__ returned non-float (type ${typeName(value)})`);
      x = value.value;
    }
    const cls = st.cls as PyType | undefined;
    return floatOfClass(x, cls ?? floatType);
  },
});

defineStaticMethods(floatType, {
  __new__: (ctx, args, kw) => {
    const cls = newCls(args, floatType);
    if (kw && kw.length) throw pyErr(E.TypeError, 'float() takes no keyword arguments');
    if (args.length > 2) throw pyErr(E.TypeError, `float expected at most 1 argument, got ${args.length - 1}`);
    if (args.length === 1) return floatOfClass(0, cls);
    const r = toFloat(ctx, args[1]!);
    if (r instanceof NativeFrameStart) {
      r.state.cls = cls;
      return r;
    }
    return floatOfClass(r, cls);
  },
});

// ------------------------------------------------------------------ arithmetic dunders

const OPS: [string, number][] = [
  ['add', 0], ['and', 1], ['floordiv', 2], ['lshift', 3], ['mul', 5], ['mod', 6], ['or', 7],
  ['pow', 8], ['rshift', 9], ['sub', 10], ['truediv', 11], ['xor', 12],
];

function unwrapNum(v: PyValue): PyValue {
  if (v instanceof PyIntSubclass) return v.value;
  if (v instanceof PyFloat && !v.cls.builtin) return new PyFloat(v.value);
  return v;
}

function arithDunders(isFloat: boolean): Record<string, NativeFn> {
  const out: Record<string, NativeFn> = {};
  for (const [name, op] of OPS) {
    if (isFloat && (op === 1 || op === 3 || op === 7 || op === 9 || op === 12)) continue;
    const fwd: NativeFn = (_c, args) => {
      const a = unwrapNum(args[0]!);
      const b = unwrapNum(args[1]!);
      if (isFloat && !(a instanceof PyFloat)) return NotImplemented;
      if (!isFloat && asIndex(a) === undefined) return NotImplemented;
      if (!isFloat && b instanceof PyFloat) return NotImplemented;
      return numericBinop(op, a, b) ?? NotImplemented;
    };
    const rev: NativeFn = (_c, args) => {
      const a = unwrapNum(args[0]!);
      const b = unwrapNum(args[1]!);
      if (!isFloat && b instanceof PyFloat) return NotImplemented;
      return numericBinop(op, b, a) ?? NotImplemented;
    };
    out[`__${name}__`] = fwd;
    out[`__r${name}__`] = rev;
  }
  const cmp = (f: (c: number) => boolean): NativeFn => (_c, args) => {
    const c = numericCompare(unwrapNum(args[0]!), unwrapNum(args[1]!));
    if (c === null) return NotImplemented;
    if (c === undefined) return false;
    return f(c);
  };
  out.__eq__ = cmp((c) => c === 0);
  out.__ne__ = (_c, args) => {
    const c = numericCompare(unwrapNum(args[0]!), unwrapNum(args[1]!));
    if (c === null) return NotImplemented;
    return c !== 0;
  };
  out.__lt__ = cmp((c) => c < 0);
  out.__le__ = cmp((c) => c <= 0);
  out.__gt__ = cmp((c) => c > 0);
  out.__ge__ = cmp((c) => c >= 0);
  out.__divmod__ = (_c, args) => divmodNumbers(unwrapNum(args[0]!), unwrapNum(args[1]!)) ?? NotImplemented;
  out.__rdivmod__ = (_c, args) => divmodNumbers(unwrapNum(args[1]!), unwrapNum(args[0]!)) ?? NotImplemented;
  return out;
}

/** divmod(a, b) for builtin numbers; undefined when not numbers. */
export function divmodNumbers(a: PyValue, b: PyValue): PyValue | undefined {
  const ia = asIndex(a);
  const ib = asIndex(b);
  if (ia !== undefined && ib !== undefined) {
    const [q, r] = I.intDivmod(ia, ib);
    return new PyTuple([q, r]);
  }
  const fa = a instanceof PyFloat ? a.value : ia !== undefined ? I.intToFloat(ia) : undefined;
  const fb = b instanceof PyFloat ? b.value : ib !== undefined ? I.intToFloat(ib) : undefined;
  if (fa === undefined || fb === undefined) return undefined;
  const [q, r] = F.floatDivmod(fa, fb);
  return new PyTuple([new PyFloat(q), new PyFloat(r)]);
}

// ------------------------------------------------------------------ int methods

function byteorderArg(v: PyValue | undefined, fname: string): 'big' | 'little' {
  if (v === undefined) return 'big';
  const s = asStr(v);
  if (s === undefined) throw pyErr(E.TypeError, `${fname}() argument 'byteorder' must be str, not ${typeName(v)}`);
  if (s !== 'big' && s !== 'little') throw pyErr(E.ValueError, "byteorder must be either 'little' or 'big'");
  return s;
}

function truthy(v: PyValue | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  return true;
}

defineMethods(intType, withArity({
  ...arithDunders(false),
  bit_length: (_c, args, kw) => {
    const v = selfInt(args, 'bit_length');
    noArgs('int.bit_length', args, kw);
    return I.intBitLength(v);
  },
  bit_count: (_c, args, kw) => {
    const v = selfInt(args, 'bit_count');
    noArgs('int.bit_count', args, kw);
    const s = I.big(v < 0 ? I.intNeg(v) : v).toString(2);
    let n = 0;
    for (const c of s) if (c === '1') n++;
    return n;
  },
  to_bytes: (_c, args, kw) => {
    const v = I.big(selfInt(args, 'to_bytes'));
    const p = parseArgs('to_bytes', args.slice(1), kw, { names: ['length', 'byteorder'], required: 0, kwOnly: ['signed'] });
    const length = p.values[0] === undefined ? 1 : indexArg(p.values[0]!);
    if (length < 0) throw pyErr(E.ValueError, 'length argument must be non-negative');
    const order = byteorderArg(p.values[1], 'to_bytes');
    const signed = truthy(p.values[2]);
    if (!signed && v < 0n) throw pyErr(E.OverflowError, "can't convert negative int to unsigned");
    let x = v;
    const bits = BigInt(length * 8);
    if (signed) {
      if (length === 0 ? v !== 0n : v >= 1n << (bits - 1n) || v < -(1n << (bits - 1n))) throw pyErr(E.OverflowError, 'int too big to convert');
      if (x < 0n) x += 1n << bits;
    } else if (x >= 1n << bits) throw pyErr(E.OverflowError, 'int too big to convert');
    const out: number[] = [];
    for (let i = 0; i < length; i++) {
      out.push(Number(x & 0xffn));
      x >>= 8n;
    }
    if (order === 'big') out.reverse();
    return new PyBytes(Uint8Array.from(out));
  },
  as_integer_ratio: (_c, args, kw) => {
    const v = selfInt(args, 'as_integer_ratio');
    noArgs('int.as_integer_ratio', args, kw);
    return new PyTuple([v, 1]);
  },
  conjugate: (_c, args, kw) => {
    const v = selfInt(args, 'conjugate');
    noArgs('int.conjugate', args, kw);
    return v;
  },
  __index__: (_c, args) => selfInt(args, '__index__'),
  __int__: (_c, args) => selfInt(args, '__int__'),
  __float__: (_c, args) => new PyFloat(I.intToFloat(selfInt(args, '__float__'))),
  __trunc__: (_c, args) => selfInt(args, '__trunc__'),
  __floor__: (_c, args) => selfInt(args, '__floor__'),
  __ceil__: (_c, args) => selfInt(args, '__ceil__'),
  __round__: (_c, args, kw) => {
    const v = selfInt(args, '__round__');
    const a = argsClinic('__round__', args, kw, 0, 1);
    if (a[0] === undefined || a[0] === null) return v;
    const n = asIndex(a[0]!);
    if (n === undefined) throw pyErr(E.TypeError, `'${typeName(a[0]!)}' object cannot be interpreted as an integer`);
    return F.intRound(v, Number(n));
  },
  __abs__: (_c, args) => I.intAbs(selfInt(args, '__abs__')),
  __neg__: (_c, args) => I.intNeg(selfInt(args, '__neg__')),
  __pos__: (_c, args) => selfInt(args, '__pos__'),
  __invert__: (_c, args) => I.intInvert(selfInt(args, '__invert__')),
  __bool__: (_c, args) => selfInt(args, '__bool__') !== 0,
  __hash__: (_c, args) => I.hashInt(selfInt(args, '__hash__')),
  __repr__: (_c, args) => {
    const s = args[0];
    if (typeof s === 'boolean') return s ? 'True' : 'False';
    return I.intToDecimal(selfInt(args, '__repr__'));
  },
  __format__: (_c, args, kw) => {
    const s = args[0]!;
    const spec = oneArg('int.__format__', args, kw);
    const sp = asStr(spec);
    if (sp === undefined) throw pyErr(E.TypeError, `__format__() argument must be str, not ${typeName(spec)}`);
    if (typeof s === 'boolean' && sp === '') return s ? 'True' : 'False';
    return formatInt(selfInt(args, '__format__'), sp, typeName(s));
  },
  __getnewargs__: (_c, args) => new PyTuple([selfInt(args, '__getnewargs__')]),
}, { qual: 'int' }));

defineClassMethods(intType, {
  from_bytes: (_c, args, kw) => {
    const cls = args[0] as PyType;
    const p = parseArgs('from_bytes', args.slice(1), kw, { names: ['bytes', 'byteorder'], required: 1, kwOnly: ['signed'] });
    const src = p.values[0]!;
    let bytes: number[];
    if (src instanceof PyBytes) bytes = Array.from(src.bytes);
    else {
      const items = src instanceof PyObject && 'items' in src ? (src as unknown as { items: PyValue[] }).items : undefined;
      if (items === undefined) throw pyErr(E.TypeError, `cannot convert '${typeName(src)}' object to bytes`);
      bytes = items.map((x) => {
        const i = asIndex(x);
        if (i === undefined) throw pyErr(E.TypeError, `'${typeName(x)}' object cannot be interpreted as an integer`);
        if (i < 0 || i > 255) throw pyErr(E.ValueError, 'bytes must be in range(0, 256)');
        return Number(i);
      });
    }
    const order = byteorderArg(p.values[1], 'from_bytes');
    if (order === 'little') bytes.reverse();
    let v = 0n;
    for (const b of bytes) v = (v << 8n) | BigInt(b);
    if (truthy(p.values[2]) && bytes.length > 0 && bytes[0]! >= 0x80) v -= 1n << BigInt(bytes.length * 8);
    return intOfClass(I.normInt(v), isSubtype(cls, intType) ? cls : intType);
  },
});

defineGetters(intType, {
  real: (_c, self) => asIndex(self)!,
  imag: () => 0,
  numerator: (_c, self) => asIndex(self)!,
  denominator: () => 1,
});

// ------------------------------------------------------------------ float methods

function roundArg(v: PyValue | undefined): number | null {
  if (v === undefined || v === null) return null;
  const n = asIndex(v);
  if (n === undefined) throw pyErr(E.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  if (typeof n === 'bigint') return n < 0n ? -100000 : 100000;
  return n;
}

defineMethods(floatType, withArity({
  ...arithDunders(true),
  is_integer: (_c, args, kw) => {
    const x = selfFloat(args, 'is_integer');
    noArgs('float.is_integer', args, kw);
    return F.floatIsInteger(x);
  },
  as_integer_ratio: (_c, args, kw) => {
    const x = selfFloat(args, 'as_integer_ratio');
    noArgs('float.as_integer_ratio', args, kw);
    return new PyTuple(F.asIntegerRatio(x));
  },
  hex: (_c, args, kw) => {
    const x = selfFloat(args, 'hex');
    noArgs('float.hex', args, kw);
    return F.floatHex(x);
  },
  conjugate: (_c, args, kw) => {
    const x = selfFloat(args, 'conjugate');
    noArgs('float.conjugate', args, kw);
    return new PyFloat(x);
  },
  __int__: (_c, args) => I.floatToInt(selfFloat(args, '__int__')),
  __trunc__: (_c, args) => I.floatToInt(selfFloat(args, '__trunc__')),
  __floor__: (_c, args) => I.floatToInt(Math.floor(selfFloat(args, '__floor__'))),
  __ceil__: (_c, args) => I.floatToInt(Math.ceil(selfFloat(args, '__ceil__'))),
  __float__: (_c, args) => new PyFloat(selfFloat(args, '__float__')),
  __round__: (_c, args, kw) => {
    const x = selfFloat(args, '__round__');
    const a = argsClinic('__round__', args, kw, 0, 1);
    const n = roundArg(a[0]);
    if (n === null) return F.floatRoundToInt(x);
    return new PyFloat(F.floatRound(x, n));
  },
  __abs__: (_c, args) => new PyFloat(Math.abs(selfFloat(args, '__abs__'))),
  __neg__: (_c, args) => new PyFloat(-selfFloat(args, '__neg__')),
  __pos__: (_c, args) => new PyFloat(selfFloat(args, '__pos__')),
  __bool__: (_c, args) => selfFloat(args, '__bool__') !== 0,
  __hash__: (_c, args) => F.hashFloat(selfFloat(args, '__hash__')),
  __repr__: (_c, args) => floatRepr(selfFloat(args, '__repr__')),
  __format__: (_c, args, kw) => {
    const x = selfFloat(args, '__format__');
    const spec = oneArg('float.__format__', args, kw);
    const sp = asStr(spec);
    if (sp === undefined) throw pyErr(E.TypeError, `__format__() argument must be str, not ${typeName(spec)}`);
    return formatFloatSpec(x, sp, typeName(args[0]!));
  },
  __getnewargs__: (_c, args) => new PyTuple([new PyFloat(selfFloat(args, '__getnewargs__'))]),
}, { qual: 'float' }));

defineClassMethods(floatType, {
  fromhex: (_c, args, kw) => {
    const s = asStr(oneArg('float.fromhex', args, kw));
    if (s === undefined) throw pyErr(E.TypeError, 'fromhex() argument must be str');
    const m = /^\s*([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?\s*$/i.exec(s);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
      const low = s.trim().toLowerCase();
      if (/^[+-]?(inf|infinity)$/.test(low)) return new PyFloat(low.startsWith('-') ? -Infinity : Infinity);
      if (/^[+-]?nan$/.test(low)) return new PyFloat(NaN);
      throw pyErr(E.ValueError, 'invalid hexadecimal floating-point string');
    }
    const digits = (m[2] ?? '') + (m[3] ?? '');
    const exp = Number(m[4] ?? '0') - 4 * (m[3] ?? '').length;
    const mant = digits === '' ? 0n : BigInt('0x' + digits);
    let x = exp >= 0 ? I.ratioToFloat(mant << BigInt(exp), 1n) : I.ratioToFloat(mant, 1n << BigInt(-exp));
    if (x === Infinity) throw pyErr(E.OverflowError, 'hexadecimal value too large to represent as a float');
    if (m[1] === '-') x = -x;
    return new PyFloat(x);
  },
});

defineGetters(floatType, {
  real: (_c, self) => new PyFloat((self as PyFloat).value),
  imag: () => new PyFloat(0),
});

export { PyStrSubclass };

// ------------------------------------------------------------------ bool()

defineStaticMethods(boolType, {
  __new__: (_ctx, args, kw) => {
    if (kw && kw.length) throw pyErr(E.TypeError, 'bool() takes no keyword arguments');
    if (args.length > 2) throw pyErr(E.TypeError, `bool expected at most 1 argument, got ${args.length - 1}`);
    if (args.length < 2) return false;
    const t = truthFast(args[1]!);
    if (t !== undefined) return t;
    return new NativeFrameStart('vm.truth', { v: args[1]!, phase: 0 });
  },
});
defineMethods(boolType, {
  __repr__: (_c, args) => (args[0] === true ? 'True' : 'False'),
  __and__: (_c, args) => (typeof args[1] === 'boolean' ? (args[0] as boolean) && args[1] : numericBinop(1, args[0]!, unwrapNum(args[1]!)) ?? NotImplemented),
  __or__: (_c, args) => (typeof args[1] === 'boolean' ? (args[0] as boolean) || args[1] : numericBinop(7, args[0]!, unwrapNum(args[1]!)) ?? NotImplemented),
  __xor__: (_c, args) => (typeof args[1] === 'boolean' ? args[0] !== args[1] : numericBinop(12, args[0]!, unwrapNum(args[1]!)) ?? NotImplemented),
});
