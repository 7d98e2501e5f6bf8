// Methods of bytes. Most operate on the latin-1 image of the bytes (a bijection between
// byte values and the code points 0..255) and reuse the str helpers.

import { PyValue, PyList, PyTuple, PyBytes, PyType, PyFloat, NotImplemented, bytesType } from '../objects';
import { E, pyErr } from '../exceptions';
import { NativeFrameStart, type CallContext, type NativeFn } from '../frame';
import { defineMethods, defineStaticMethods, defineClassMethods, registerNativeImpl } from '../types';
import { parseArgs } from '../args';
import { typeName, iterFast } from '../protocol';
import * as S from '../lib/str-methods';
import { bytesRepr, decodeBytes, encodeStr } from '../lib/str-unicode';
import { asIndex, asStr, sliceArg, indexArg, noArgs, oneArg, argsOld, argsClinic, consume, rethrow, withArity, kwArgs } from './util';
import { encodingArgs } from './str';
import { newCls } from './list';

const toLatin = (b: ArrayLike<number>): string => {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
};
const fromLatin = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
};

function selfBytes(args: PyValue[], name: string): string {
  const s = args[0];
  if (!(s instanceof PyBytes)) {
    throw pyErr(E.TypeError, `descriptor '${name}' for 'bytes' objects doesn't apply to a '${typeName(s ?? null)}' object`);
  }
  return toLatin(s.bytes);
}

/** A bytes-like argument as latin-1 text. */
function bytesArg(v: PyValue, what?: string): string {
  if (v instanceof PyBytes) return toLatin(v.bytes);
  throw pyErr(E.TypeError, what ?? `a bytes-like object is required, not '${typeName(v)}'`);
}

const mk = (s: string): PyBytes => new PyBytes(fromLatin(s));

const BYTES_WS = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c']);

function splitWs(s: string, max: number, fromRight: boolean): string[] {
  const words: string[] = [];
  let i = 0;
  const n = s.length;
  if (!fromRight) {
    while (i < n && BYTES_WS.has(s[i]!)) i++;
    while (i < n) {
      if (max >= 0 && words.length >= max) {
        words.push(s.slice(i));
        return words;
      }
      let j = i;
      while (j < n && !BYTES_WS.has(s[j]!)) j++;
      words.push(s.slice(i, j));
      i = j;
      while (i < n && BYTES_WS.has(s[i]!)) i++;
    }
    return words;
  }
  let j = n - 1;
  while (j >= 0 && BYTES_WS.has(s[j]!)) j--;
  while (j >= 0) {
    if (max >= 0 && words.length >= max) {
      words.push(s.slice(0, j + 1));
      break;
    }
    let k = j;
    while (k >= 0 && !BYTES_WS.has(s[k]!)) k--;
    words.push(s.slice(k + 1, j + 1));
    j = k;
    while (j >= 0 && BYTES_WS.has(s[j]!)) j--;
  }
  return words.reverse();
}

function subArgs(name: string, args: PyValue[], kw: string[] | null): [string, string, number | null, number | null] {
  const s = selfBytes(args, name);
  const a = argsOld(name, args, kw, 1, 3);
  const st = sliceArg(a[1]);
  const en = sliceArg(a[2]);
  let sub: string;
  const i = asIndex(a[0]!);
  if (i !== undefined) {
    if (i < 0 || i > 255) throw pyErr(E.ValueError, 'byte must be in range(0, 256)');
    sub = String.fromCharCode(Number(i));
  } else sub = bytesArg(a[0]!, `argument should be integer or bytes-like object, not '${typeName(a[0]!)}'`);
  return [s, sub, st, en];
}

function stripChars(v: PyValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  return bytesArg(v);
}

function bytesJoin(sep: string, items: PyValue[]): PyBytes {
  const parts = items.map((x, i) => {
    if (!(x instanceof PyBytes)) throw pyErr(E.TypeError, `sequence item ${i}: expected a bytes-like object, ${typeName(x)} found`);
    return toLatin(x.bytes);
  });
  return mk(parts.join(sep));
}

const methods: Record<string, NativeFn> = {
  decode: (_c, args, kw) => {
    const s = args[0];
    if (!(s instanceof PyBytes)) throw pyErr(E.TypeError, `descriptor 'decode' for 'bytes' objects doesn't apply to a '${typeName(s ?? null)}' object`);
    const [enc, errors] = encodingArgs('decode', args.slice(1), kw);
    return decodeBytes(s.bytes, enc, errors);
  },
  hex: (_c, args, kw) => {
    const s = selfBytes(args, 'hex');
    const p = parseArgs('hex', args.slice(1), kw, { names: ['sep', 'bytes_per_sep'], required: 0 });
    const hexes = Array.from(s, (c) => c.charCodeAt(0).toString(16).padStart(2, '0'));
    const per = p.values[1] === undefined ? 1 : indexArg(p.values[1]!);
    const sv = p.values[0];
    if (sv === undefined || sv === null) return hexes.join('');
    const sep = asStr(sv) ?? (sv instanceof PyBytes ? toLatin(sv.bytes) : undefined);
    if (sep === undefined) throw pyErr(E.TypeError, 'sep must be str or bytes.');
    if (sep.length !== 1) throw pyErr(E.ValueError, 'sep must be length 1.');
    if (per === 0) return hexes.join('');
    const groups: string[] = [];
    const n = Math.abs(per);
    if (per > 0) {
      for (let end = hexes.length; end > 0; end -= n) groups.unshift(hexes.slice(Math.max(0, end - n), end).join(''));
    } else {
      for (let i = 0; i < hexes.length; i += n) groups.push(hexes.slice(i, i + n).join(''));
    }
    return groups.join(sep);
  },
  join: (ctx, args, kw) => {
    const sep = selfBytes(args, 'join');
    const it = oneArg('bytes.join', args, kw);
    const items = consume(ctx, it);
    if (Array.isArray(items)) return bytesJoin(sep, items);
    return new NativeFrameStart('bytes.join', { sep, start: items.state, phase: 0 });
  },
  find: (_c, args, kw) => {
    const [s, sub, st, en] = subArgs('find', args, kw);
    return S.find(s, sub, st, en);
  },
  rfind: (_c, args, kw) => {
    const [s, sub, st, en] = subArgs('rfind', args, kw);
    return S.rfind(s, sub, st, en);
  },
  index: (_c, args, kw) => {
    const [s, sub, st, en] = subArgs('index', args, kw);
    const i = S.find(s, sub, st, en);
    if (i < 0) throw pyErr(E.ValueError, 'subsection not found');
    return i;
  },
  rindex: (_c, args, kw) => {
    const [s, sub, st, en] = subArgs('rindex', args, kw);
    const i = S.rfind(s, sub, st, en);
    if (i < 0) throw pyErr(E.ValueError, 'subsection not found');
    return i;
  },
  count: (_c, args, kw) => {
    const [s, sub, st, en] = subArgs('count', args, kw);
    return S.count(s, sub, st, en);
  },
  startswith: (_c, args, kw) => {
    const s = selfBytes(args, 'startswith');
    const a = argsOld('startswith', args, kw, 1, 3);
    const p = a[0] instanceof PyTuple ? a[0].items.map((x) => bytesArg(x)) : bytesArg(a[0]!, `startswith first arg must be bytes or a tuple of bytes, not ${typeName(a[0]!)}`);
    return S.startswith(s, p, sliceArg(a[1]), sliceArg(a[2]));
  },
  endswith: (_c, args, kw) => {
    const s = selfBytes(args, 'endswith');
    const a = argsOld('endswith', args, kw, 1, 3);
    const p = a[0] instanceof PyTuple ? a[0].items.map((x) => bytesArg(x)) : bytesArg(a[0]!, `endswith first arg must be bytes or a tuple of bytes, not ${typeName(a[0]!)}`);
    return S.endswith(s, p, sliceArg(a[1]), sliceArg(a[2]));
  },
  split: (_c, args, kw) => {
    const s = selfBytes(args, 'split');
    const p = parseArgs('split', args.slice(1), kw, { names: ['sep', 'maxsplit'], required: 0 });
    const max = p.values[1] === undefined ? -1 : indexArg(p.values[1]!);
    const sep = p.values[0] === undefined || p.values[0] === null ? null : bytesArg(p.values[0]!);
    const parts = sep === null ? splitWs(s, max, false) : S.split(s, sep, max);
    return new PyList(parts.map(mk));
  },
  rsplit: (_c, args, kw) => {
    const s = selfBytes(args, 'rsplit');
    const p = parseArgs('rsplit', args.slice(1), kw, { names: ['sep', 'maxsplit'], required: 0 });
    const max = p.values[1] === undefined ? -1 : indexArg(p.values[1]!);
    const sep = p.values[0] === undefined || p.values[0] === null ? null : bytesArg(p.values[0]!);
    const parts = sep === null ? splitWs(s, max, true) : S.rsplit(s, sep, max);
    return new PyList(parts.map(mk));
  },
  splitlines: (_c, args, kw) => {
    const s = selfBytes(args, 'splitlines');
    const p = parseArgs('splitlines', args.slice(1), kw, { names: ['keepends'], required: 0 });
    const kv = p.values[0];
    if (kv !== undefined && asIndex(kv) === undefined) throw pyErr(E.TypeError, `'${typeName(kv)}' object cannot be interpreted as an integer`);
    const keep = kv !== undefined && kv !== false && kv !== 0;
    const out: string[] = [];
    let i = 0;
    while (i < s.length) {
      let j = i;
      while (j < s.length && s[j] !== '\n' && s[j] !== '\r') j++;
      let e = j;
      if (j < s.length) e = s[j] === '\r' && s[j + 1] === '\n' ? j + 2 : j + 1;
      out.push(s.slice(i, keep ? e : j));
      i = e;
    }
    return new PyList(out.map(mk));
  },
  strip: (_c, args, kw) => mk(stripBytes(selfBytes(args, 'strip'), stripChars(argsClinic('strip', args, kw, 0, 1)[0]), 3)),
  lstrip: (_c, args, kw) => mk(stripBytes(selfBytes(args, 'lstrip'), stripChars(argsClinic('lstrip', args, kw, 0, 1)[0]), 1)),
  rstrip: (_c, args, kw) => mk(stripBytes(selfBytes(args, 'rstrip'), stripChars(argsClinic('rstrip', args, kw, 0, 1)[0]), 2)),
  replace: (_c, args, kw) => {
    const s = selfBytes(args, 'replace');
    const a = argsClinic('replace', args, kw, 2, 3);
    return mk(S.replace(s, bytesArg(a[0]!), bytesArg(a[1]!), a[2] === undefined ? -1 : indexArg(a[2]!)));
  },
  partition: (_c, args, kw) => {
    const s = selfBytes(args, 'partition');
    return new PyTuple(S.partition(s, bytesArg(oneArg('bytes.partition', args, kw))).map(mk));
  },
  rpartition: (_c, args, kw) => {
    const s = selfBytes(args, 'rpartition');
    return new PyTuple(S.rpartition(s, bytesArg(oneArg('bytes.rpartition', args, kw))).map(mk));
  },
  capitalize: noargsB('capitalize', (s) => (s.length ? asciiUpper(s[0]!) + asciiLower(s.slice(1)) : s)),
  title: noargsB('title', (s) => s.replace(/[A-Za-z]+/g, (w) => asciiUpper(w[0]!) + asciiLower(w.slice(1)))),
  swapcase: noargsB('swapcase', (s) => s.replace(/[A-Za-z]/g, (c) => (c >= 'a' ? c.toUpperCase() : c.toLowerCase()))),
  isascii: (_c, args, kw) => {
    const s = selfBytes(args, 'isascii');
    noArgs('bytes.isascii', args, kw);
    return /^[\x00-\x7f]*$/.test(s);
  },
  istitle: (_c, args, kw) => {
    const s = selfBytes(args, 'istitle');
    noArgs('bytes.istitle', args, kw);
    return /[A-Za-z]/.test(s) && s.replace(/[A-Za-z]+/g, (w) => asciiUpper(w[0]!) + asciiLower(w.slice(1))) === s;
  },
  center: (_c, args, kw) => {
    const s = selfBytes(args, 'center');
    const a = argsClinic('center', args, kw, 1, 2);
    return mk(S.center(s, indexArg(a[0]!), a[1] === undefined ? ' ' : fillByte(a[1]!)));
  },
  ljust: (_c, args, kw) => {
    const s = selfBytes(args, 'ljust');
    const a = argsClinic('ljust', args, kw, 1, 2);
    return mk(S.ljust(s, indexArg(a[0]!), a[1] === undefined ? ' ' : fillByte(a[1]!)));
  },
  rjust: (_c, args, kw) => {
    const s = selfBytes(args, 'rjust');
    const a = argsClinic('rjust', args, kw, 1, 2);
    return mk(S.rjust(s, indexArg(a[0]!), a[1] === undefined ? ' ' : fillByte(a[1]!)));
  },
  zfill: (_c, args, kw) => mk(S.zfill(selfBytes(args, 'zfill'), indexArg(oneArg('bytes.zfill', args, kw)))),
  expandtabs: (_c, args, kw) => {
    const s = selfBytes(args, 'expandtabs');
    const t = kwArgs('expandtabs', args.slice(1), kw, ['tabsize'])[0];
    return mk(S.expandtabs(s, t === undefined ? 8 : indexArg(t)));
  },
  removeprefix: (_c, args, kw) => {
    const s = selfBytes(args, 'removeprefix');
    return mk(S.removeprefix(s, bytesArg(oneArg('bytes.removeprefix', args, kw))));
  },
  removesuffix: (_c, args, kw) => {
    const s = selfBytes(args, 'removesuffix');
    return mk(S.removesuffix(s, bytesArg(oneArg('bytes.removesuffix', args, kw))));
  },
  __bytes__: (_c, args, kw) => {
    selfBytes(args, '__bytes__');
    noArgs('bytes.__bytes__', args, kw);
    return new PyBytes(Uint8Array.from((args[0] as PyBytes).bytes));
  },
  upper: (_c, args, kw) => {
    const s = selfBytes(args, 'upper');
    noArgs('bytes.upper', args, kw);
    return mk(s.replace(/[a-z]+/g, (m) => m.toUpperCase()));
  },
  lower: (_c, args, kw) => {
    const s = selfBytes(args, 'lower');
    noArgs('bytes.lower', args, kw);
    return mk(s.replace(/[A-Z]+/g, (m) => m.toLowerCase()));
  },
  isdigit: (_c, args, kw) => {
    const s = selfBytes(args, 'isdigit');
    noArgs('bytes.isdigit', args, kw);
    return /^[0-9]+$/.test(s);
  },
  isalpha: (_c, args, kw) => {
    const s = selfBytes(args, 'isalpha');
    noArgs('bytes.isalpha', args, kw);
    return /^[A-Za-z]+$/.test(s);
  },
  isalnum: (_c, args, kw) => {
    const s = selfBytes(args, 'isalnum');
    noArgs('bytes.isalnum', args, kw);
    return /^[A-Za-z0-9]+$/.test(s);
  },
  isspace: (_c, args, kw) => {
    const s = selfBytes(args, 'isspace');
    noArgs('bytes.isspace', args, kw);
    return /^[ \t\n\r\x0b\x0c]+$/.test(s);
  },
  isupper: (_c, args, kw) => {
    const s = selfBytes(args, 'isupper');
    noArgs('bytes.isupper', args, kw);
    return /[A-Z]/.test(s) && !/[a-z]/.test(s);
  },
  islower: (_c, args, kw) => {
    const s = selfBytes(args, 'islower');
    noArgs('bytes.islower', args, kw);
    return /[a-z]/.test(s) && !/[A-Z]/.test(s);
  },
  __repr__: (_c, args) => {
    const s = args[0] as PyBytes;
    return bytesRepr(s.bytes);
  },
  __len__: (_c, args) => (args[0] as PyBytes).bytes.length,
  __contains__: (_c, args) => {
    const s = selfBytes(args, '__contains__');
    const x = args[1]!;
    const i = asIndex(x);
    if (i !== undefined) {
      if (i < 0 || i > 255) throw pyErr(E.ValueError, 'byte must be in range(0, 256)');
      return s.includes(String.fromCharCode(Number(i)));
    }
    return s.includes(bytesArg(x));
  },
  __add__: (_c, args) => {
    const s = selfBytes(args, '__add__');
    const o = args[1]!;
    if (!(o instanceof PyBytes)) throw pyErr(E.TypeError, `can't concat ${typeName(o)} to bytes`);
    return mk(s + toLatin(o.bytes));
  },
  __mul__: (_c, args) => {
    const s = selfBytes(args, '__mul__');
    const n = asIndex(args[1]!);
    if (n === undefined) return NotImplemented;
    return mk(S.repeat(s, Number(n)));
  },
  __rmul__: (_c, args) => {
    const s = selfBytes(args, '__rmul__');
    const n = asIndex(args[1]!);
    if (n === undefined) return NotImplemented;
    return mk(S.repeat(s, Number(n)));
  },
};

function bytesCmp(op: (c: number) => boolean): NativeFn {
  return (_c, args) => {
    const a = args[0];
    const b = args[1];
    if (!(a instanceof PyBytes) || !(b instanceof PyBytes)) return NotImplemented;
    const x = a.bytes;
    const y = b.bytes;
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) if (x[i] !== y[i]) return op(x[i]! < y[i]! ? -1 : 1);
    return op(x.length < y.length ? -1 : x.length > y.length ? 1 : 0);
  };
}
methods.__lt__ = bytesCmp((c) => c < 0);
methods.__le__ = bytesCmp((c) => c <= 0);
methods.__gt__ = bytesCmp((c) => c > 0);
methods.__ge__ = bytesCmp((c) => c >= 0);

function noargsB(name: string, f: (s: string) => string): NativeFn {
  return (_c, args, kw) => {
    const s = selfBytes(args, name);
    noArgs(`bytes.${name}`, args, kw);
    return mk(f(s));
  };
}
const asciiUpper = (s: string) => s.replace(/[a-z]+/g, (m) => m.toUpperCase());
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
function fillByte(v: PyValue): string {
  if (!(v instanceof PyBytes) || v.bytes.length !== 1) {
    throw pyErr(E.TypeError, `${v instanceof PyBytes ? 'argument 2 must be a byte string of length 1, not bytes' : `argument 2 must be a byte string of length 1, not ${typeName(v)}`}`);
  }
  return String.fromCharCode(v.bytes[0]!);
}

function stripBytes(s: string, chars: string | null, which: number): string {
  const set = chars === null ? BYTES_WS : new Set(chars);
  let i = 0;
  let j = s.length;
  if (which & 1) while (i < j && set.has(s[i]!)) i++;
  if (which & 2) while (j > i && set.has(s[j - 1]!)) j--;
  return s.slice(i, j);
}

registerNativeImpl('bytes.join', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeFrameStart('lib.consume', st.start as Record<string, unknown>);
    }
    return bytesJoin(st.sep as string, (value as PyList).items);
  },
});

defineMethods(bytesType, withArity(methods, { qual: 'bytes', seqRepeat: true }));

/** bytes(source, encoding, errors). */
function makeBytes(ctx: CallContext, cls: PyType, args: PyValue[], kw: string[] | null): PyValue | NativeFrameStart {
  const p = parseArgs('bytes', args, kw, { names: ['source', 'encoding', 'errors'], required: 0 });
  const src = p.values[0];
  const wrap = (b: Uint8Array | number[]) => new PyBytes(b, cls);
  if (src === undefined) return wrap(new Uint8Array(0));
  const s = asStr(src);
  if (s !== undefined) {
    if (p.values[1] === undefined) throw pyErr(E.TypeError, 'string argument without an encoding');
    const [enc, errors] = encodingArgs('bytes', [p.values[1]!, ...(p.values[2] !== undefined ? [p.values[2]!] : [])], null);
    return wrap(encodeStr(s, enc, errors));
  }
  if (p.values[1] !== undefined) {
    if (asStr(p.values[1]!) === undefined) throw pyErr(E.TypeError, `bytes() argument 'encoding' must be str, not ${typeName(p.values[1]!)}`);
    throw pyErr(E.TypeError, 'encoding without a string argument');
  }
  if (src instanceof PyFloat) throw pyErr(E.TypeError, "cannot convert 'float' object to bytes");
  const n = asIndex(src);
  if (n !== undefined) {
    if (n < 0) throw pyErr(E.ValueError, 'negative count');
    if (n > 100_000_000) throw pyErr(E.MemoryError);
    return wrap(new Uint8Array(Number(n)));
  }
  if (src instanceof PyBytes) return cls === bytesType && src.cls === bytesType ? src : wrap(Uint8Array.from(src.bytes));
  const toBytes = (items: PyValue[]) =>
    wrap(
      Uint8Array.from(items, (x) => {
        const i = asIndex(x);
        if (i === undefined) throw pyErr(E.TypeError, `'${typeName(x)}' object cannot be interpreted as an integer`);
        if (i < 0 || i > 255) throw pyErr(E.ValueError, 'bytes must be in range(0, 256)');
        return Number(i);
      }),
    );
  const fast = iterFast(src);
  if (fast !== undefined) return toBytes(fast);
  const c = consume(ctx, src);
  if (Array.isArray(c)) return toBytes(c);
  return new NativeFrameStart('bytes.new', { cls, start: c.state, phase: 0 });
}

registerNativeImpl('bytes.new', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeFrameStart('lib.consume', st.start as Record<string, unknown>);
    }
    const items = (value as PyList).items;
    return new PyBytes(
      Uint8Array.from(items, (x) => {
        const i = asIndex(x);
        if (i === undefined) throw pyErr(E.TypeError, `'${typeName(x)}' object cannot be interpreted as an integer`);
        if (i < 0 || i > 255) throw pyErr(E.ValueError, 'bytes must be in range(0, 256)');
        return Number(i);
      }),
      st.cls as PyType,
    );
  },
});

defineStaticMethods(bytesType, {
  __new__: (ctx, args, kw) => makeBytes(ctx, newCls(args, bytesType), args.slice(1), kw),
});

defineClassMethods(bytesType, {
  fromhex: (_c, args, kw) => {
    const s = asStr(oneArg('bytes.fromhex', args, kw));
    if (s === undefined) throw pyErr(E.TypeError, 'fromhex() argument must be str');
    const out: number[] = [];
    let i = 0;
    while (i < s.length) {
      if (s[i] === ' ') {
        i++;
        continue;
      }
      const pair = s.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(pair)) {
        const pos = /^[0-9a-fA-F]$/.test(s[i]!) ? i + 1 : i;
        throw pyErr(E.ValueError, `non-hexadecimal number found in fromhex() arg at position ${pos}`);
      }
      out.push(parseInt(pair, 16));
      i += 2;
    }
    return new PyBytes(Uint8Array.from(out));
  },
});

// ------------------------------------------------------------------ bytearray

import { objectType } from '../objects';
import { newBuiltinType } from '../types';
import type { PyBuiltinFunction } from '../function';
import { installBuiltinFunctions } from '../setup';
import { sliceIndices } from '../subscr';
import { PySlice } from '../objects';

/** bytearray: a PyBytes whose `bytes` is a mutable number[] (shares the bytes methods). */
export const bytearrayType = newBuiltinType('bytearray', [objectType], 'builtins', { layout: 'bytes' });
bytearrayType.hashKind = 'none';

function selfBA(args: PyValue[], name: string): PyBytes {
  const s = args[0];
  if (!(s instanceof PyBytes) || s.cls !== bytearrayType && !isBA(s)) {
    throw pyErr(E.TypeError, `descriptor '${name}' for 'bytearray' objects doesn't apply to a '${typeName(s ?? null)}' object`);
  }
  if (!Array.isArray(s.bytes)) s.bytes = Array.from(s.bytes);
  return s;
}

function isBA(v: PyValue): boolean {
  return v instanceof PyBytes && (v.cls === bytearrayType || v.cls.mro.includes(bytearrayType));
}

function byteVal(v: PyValue): number {
  const i = asIndex(v);
  if (i === undefined) throw pyErr(E.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  if (i < 0 || i > 255) throw pyErr(E.ValueError, 'byte must be in range(0, 256)');
  return Number(i);
}

/** The bytes methods, re-wrapped so that bytes results become bytearrays. */
const wrapped: Record<string, NativeFn> = {};
for (const [name, fn] of Object.entries(methods)) {
  wrapped[name] = (ctx, args, kw) => {
    const r = fn(ctx, args, kw);
    if (r instanceof PyBytes && r.cls === bytesType && name !== 'decode') return new PyBytes(Array.from(r.bytes), bytearrayType);
    if (r instanceof PyList && (name === 'split' || name === 'rsplit' || name === 'splitlines')) {
      return new PyList(r.items.map((x) => (x instanceof PyBytes ? new PyBytes(Array.from(x.bytes), bytearrayType) : x)));
    }
    return r;
  };
}

defineMethods(bytearrayType, {
  ...wrapped,
  __repr__: (_c, args) => {
    const s = selfBA(args, '__repr__');
    return `${s.cls.name}(${bytesRepr(s.bytes)})`;
  },
  __init__: (ctx, args, kw) => {
    const s = selfBA(args, '__init__');
    const r = makeBytes(ctx, bytesType, args.slice(1), kw);
    if (r instanceof NativeFrameStart) throw pyErr(E.TypeError, 'bytearray() from an iterable needing Python code is not supported');
    s.bytes = Array.from((r as PyBytes).bytes);
    return null;
  },
  append: (_c, args, kw) => {
    const s = selfBA(args, 'append');
    (s.bytes as number[]).push(byteVal(oneArg('bytearray.append', args, kw)));
    return null;
  },
  extend: (ctx, args, kw) => {
    const s = selfBA(args, 'extend');
    const src = oneArg('bytearray.extend', args, kw);
    if (src instanceof PyBytes) (s.bytes as number[]).push(...Array.from(src.bytes));
    else {
      const items = iterFast(src);
      if (items === undefined) throw pyErr(E.TypeError, `can't extend bytearray with ${typeName(src)}`);
      for (const x of items) (s.bytes as number[]).push(byteVal(x));
    }
    void ctx;
    return null;
  },
  pop: (_c, args, kw) => {
    const s = selfBA(args, 'pop');
    const a = argsClinic('pop', args, kw, 0, 1);
    const b = s.bytes as number[];
    if (b.length === 0) throw pyErr(E.IndexError, 'pop from empty bytearray');
    let i = a[0] === undefined ? -1 : indexArg(a[0]!);
    if (i < 0) i += b.length;
    if (i < 0 || i >= b.length) throw pyErr(E.IndexError, 'pop index out of range');
    return b.splice(i, 1)[0]!;
  },
  insert: (_c, args, kw) => {
    const s = selfBA(args, 'insert');
    const a = argsClinic('insert', args, kw, 2, 2);
    const b = s.bytes as number[];
    let i = indexArg(a[0]!);
    if (i < 0) i = Math.max(0, i + b.length);
    b.splice(Math.min(i, b.length), 0, byteVal(a[1]!));
    return null;
  },
  remove: (_c, args, kw) => {
    const s = selfBA(args, 'remove');
    const v = byteVal(oneArg('bytearray.remove', args, kw));
    const b = s.bytes as number[];
    const i = b.indexOf(v);
    if (i < 0) throw pyErr(E.ValueError, 'value not found in bytearray');
    b.splice(i, 1);
    return null;
  },
  clear: (_c, args) => {
    selfBA(args, 'clear').bytes = [];
    return null;
  },
  copy: (_c, args) => new PyBytes(Array.from(selfBA(args, 'copy').bytes), bytearrayType),
  reverse: (_c, args) => {
    (selfBA(args, 'reverse').bytes as number[]).reverse();
    return null;
  },
  __setitem__: (_c, args) => {
    const s = selfBA(args, '__setitem__');
    const b = s.bytes as number[];
    const k = args[1]!;
    if (k instanceof PySlice) {
      const [start, stop, step] = sliceIndices(k, b.length);
      const v = args[2]!;
      const vals = v instanceof PyBytes ? Array.from(v.bytes) : (iterFast(v) ?? []).map(byteVal);
      if (step !== 1) throw pyErr(E.ValueError, 'extended slice assignment on bytearray is not supported');
      b.splice(start, Math.max(0, stop - start), ...vals);
      return null;
    }
    let i = indexArg(k);
    if (i < 0) i += b.length;
    if (i < 0 || i >= b.length) throw pyErr(E.IndexError, 'bytearray index out of range');
    b[i] = byteVal(args[2]!);
    return null;
  },
  __delitem__: (_c, args) => {
    const s = selfBA(args, '__delitem__');
    const b = s.bytes as number[];
    let i = indexArg(args[1]!);
    if (i < 0) i += b.length;
    if (i < 0 || i >= b.length) throw pyErr(E.IndexError, 'bytearray index out of range');
    b.splice(i, 1);
    return null;
  },
  __iadd__: (_c, args) => {
    const s = selfBA(args, '__iadd__');
    const o = args[1]!;
    if (!(o instanceof PyBytes)) throw pyErr(E.TypeError, `can't concat ${typeName(o)} to bytearray`);
    (s.bytes as number[]).push(...Array.from(o.bytes));
    return s;
  },
});

defineStaticMethods(bytearrayType, {
  __new__: (_c, args) => new PyBytes([], newCls(args, bytearrayType)),
});

// setup.ts installs builtin *functions*; a type has a `name` too, so it can ride along.
installBuiltinFunctions([bytearrayType as unknown as PyBuiltinFunction]);
