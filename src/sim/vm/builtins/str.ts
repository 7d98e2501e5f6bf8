// Methods of str (CPython 3.11 Objects/unicodeobject.c semantics and messages), on the
// helpers in ../lib/str-methods.ts and ../lib/str-unicode.ts.

import {
  PyValue, PyList, PyTuple, PyBytes, PyStrSubclass, NotImplemented, strType, typeOf, isSubtype,
} from '../objects';
import { PyDict } from '../dict';
import { E, pyErr } from '../exceptions';
import { NativeFrameStart, type CallContext, type NativeFn } from '../frame';
import { defineMethods, defineStaticMethods, registerNativeImpl } from '../types';
import { parseArgs } from '../args';
import { typeName, isDeferred, iterFast } from '../protocol';
import * as S from '../lib/str-methods';
import * as U from '../lib/str-unicode';
import { formatStr } from '../lib/format-spec';
import {
  asStr, strArg, sliceArg, indexArg, noArgs, oneArg, argsOld, argsClinic, consume, rethrow, asIndex, withArity, kwArgs } from './util';
import { percentMod } from './percent';
import { strFormat, strFormatMap } from './format';

/** self of a str method: the JS string, or the CPython descriptor error. */
export function selfStr(args: PyValue[], name: string): string {
  if (args.length === 0) throw pyErr(E.TypeError, `unbound method str.${name}() needs an argument`);
  const s = asStr(args[0]!);
  if (s === undefined) {
    throw pyErr(E.TypeError, `descriptor '${name}' for 'str' objects doesn't apply to a '${typeName(args[0]!)}' object`);
  }
  return s;
}

function noargs(name: string, f: (s: string) => PyValue): NativeFn {
  return (_ctx, args, kw) => {
    const s = selfStr(args, name);
    noArgs(`str.${name}`, args, kw);
    return f(s);
  };
}

/** find/count/startswith style: (sub[, start[, end]]). */
function subArgs(name: string, args: PyValue[], kw: string[] | null): [string, PyValue, number | null, number | null] {
  const s = selfStr(args, name);
  const a = argsOld(name, args, kw, 1, 3);
  return [s, a[0]!, sliceArg(a[1]), sliceArg(a[2])];
}

function subStr(v: PyValue): string {
  const s = asStr(v);
  if (s === undefined) throw pyErr(E.TypeError, `must be str, not ${typeName(v)}`);
  return s;
}

function prefixes(name: string, v: PyValue): string | string[] {
  const s = asStr(v);
  if (s !== undefined) return s;
  if (v instanceof PyTuple) {
    return v.items.map((x) => {
      const t = asStr(x);
      if (t === undefined) throw pyErr(E.TypeError, `tuple for ${name} must only contain str, not ${typeName(x)}`);
      return t;
    });
  }
  throw pyErr(E.TypeError, `${name} first arg must be str or a tuple of str, not ${typeName(v)}`);
}

function fillArg(v: PyValue | undefined): string {
  if (v === undefined) return ' ';
  const s = asStr(v);
  if (s === undefined) throw pyErr(E.TypeError, `The fill character must be a unicode character, not ${typeName(v)}`);
  if (U.cpLength(s) !== 1) throw pyErr(E.TypeError, 'The fill character must be exactly one character long');
  return s;
}

function stripArg(name: string, v: PyValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  const s = asStr(v);
  if (s === undefined) throw pyErr(E.TypeError, `${name} arg must be None or str`);
  return s;
}

function sepArg(v: PyValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  const s = asStr(v);
  if (s === undefined) throw pyErr(E.TypeError, `must be str or None, not ${typeName(v)}`);
  return s;
}

function pad(name: string, f: (s: string, w: number, fill: string) => string): NativeFn {
  return (_ctx, args, kw) => {
    const s = selfStr(args, name);
    const a = argsClinic(name, args, kw, 1, 2);
    return f(s, indexArg(a[0]!), fillArg(a[1]));
  };
}

function splitFn(name: 'split' | 'rsplit'): NativeFn {
  return (_ctx, args, kw) => {
    const s = selfStr(args, name);
    const v = kwArgs(name, args.slice(1), kw, ['sep', 'maxsplit']);
    const max = v[1] === undefined ? -1 : indexArg(v[1]!);
    const sep = sepArg(v[0]);
    const parts = name === 'split' ? S.split(s, sep, max) : S.rsplit(s, sep, max);
    return new PyList(parts);
  };
}

export function encodingArgs(fname: string, args: PyValue[], kw: string[] | null): [string, string] {
  const p = { values: kwArgs(fname, args, kw, ['encoding', 'errors']) };
  let enc = 'utf-8';
  let errors = 'strict';
  if (p.values[0] !== undefined) {
    const e = asStr(p.values[0]!);
    if (e === undefined) throw pyErr(E.TypeError, `${fname}() argument 'encoding' must be str, not ${typeName(p.values[0]!)}`);
    enc = e;
  }
  if (p.values[1] !== undefined) {
    const e = asStr(p.values[1]!);
    if (e === undefined) throw pyErr(E.TypeError, `${fname}() argument 'errors' must be str, not ${typeName(p.values[1]!)}`);
    errors = e;
  }
  const norm = U.normalizeEncoding(enc);
  if (norm === null) throw pyErr(E.LookupError, `unknown encoding: ${enc}`);
  if (!['strict', 'ignore', 'replace', 'backslashreplace'].includes(errors)) {
    throw pyErr(E.LookupError, `unknown error handler name '${errors}'`);
  }
  return [norm, errors];
}

function joinItems(sep: string, items: PyValue[]): string {
  const parts: string[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const s = asStr(items[i]!);
    if (s === undefined) throw pyErr(E.TypeError, `sequence item ${i}: expected str instance, ${typeName(items[i]!)} found`);
    parts[i] = s;
  }
  return parts.join(sep);
}

/** ''.join(iterable): sync for builtin iterables, else a native frame. */
export function strJoin(ctx: CallContext, sep: string, iterable: PyValue): PyValue | NativeFrameStart {
  const fast = iterFast(iterable);
  if (fast !== undefined) return joinItems(sep, fast);
  const t = typeOf(iterable);
  if (iterable === null || typeof iterable !== 'object' || !hasIterProtocol(iterable)) {
    void t;
    throw pyErr(E.TypeError, 'can only join an iterable');
  }
  const r = consume(ctx, iterable);
  if (Array.isArray(r)) return joinItems(sep, r);
  return new NativeFrameStart('str.join', { sep, start: r.state, phase: 0 });
}

function hasIterProtocol(v: PyValue): boolean {
  if (v === null || typeof v !== 'object') return false;
  const t = typeOf(v);
  return t.mro.some((c) => c.ns.has('__iter__') || c.ns.has('__getitem__'));
}

registerNativeImpl('str.join', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeFrameStart('lib.consume', st.start as Record<string, unknown>);
    }
    return joinItems(st.sep as string, (value as PyList).items);
  },
});

function translate(ctx: CallContext, s: string, table: PyValue): PyValue {
  void ctx;
  if (table instanceof PyDict) {
    let out = '';
    for (const ch of s) {
      const v = table.get(ch.codePointAt(0)!);
      if (v === undefined) out += ch;
      else if (v === null) continue;
      else {
        const t = asStr(v);
        if (t !== undefined) out += t;
        else {
          const i = asIndex(v);
          if (i === undefined) throw pyErr(E.TypeError, 'character mapping must return integer, None or str');
          if (i < 0 || i > 0x10ffff) throw pyErr(E.ValueError, 'character mapping must be in range(0x110000)');
          out += String.fromCodePoint(Number(i));
        }
      }
    }
    return out;
  }
  if (table === null || typeof table !== 'object') throw pyErr(E.TypeError, `'${typeName(table)}' object is not subscriptable`);
  throw pyErr(E.TypeError, 'str.translate() with a non-dict table is not supported');
}

function maketrans(args: PyValue[], kw: string[] | null): PyValue {
  if (kw && kw.length) throw pyErr(E.TypeError, 'maketrans() takes no keyword arguments');
  if (args.length < 1 || args.length > 3) {
    throw pyErr(E.TypeError, args.length < 1 ? `maketrans expected at least 1 argument, got ${args.length}` : `maketrans expected at most 3 arguments, got ${args.length}`);
  }
  const d = new PyDict();
  if (args.length === 1) {
    const m = args[0]!;
    if (!(m instanceof PyDict)) throw pyErr(E.TypeError, 'if you give only one argument to maketrans it must be a dict');
    m.forEach((k, v) => {
      const ks = asStr(k);
      if (ks !== undefined) {
        if (U.cpLength(ks) !== 1) throw pyErr(E.ValueError, 'string keys in translate table must be of length 1');
        d.set(ks.codePointAt(0)!, v);
      } else if (asIndex(k) !== undefined) d.set(asIndex(k)!, v);
      else throw pyErr(E.TypeError, 'keys in translate table must be strings or integers');
    });
    return d;
  }
  const x = strArg(args[0]!, 'maketrans() argument 1');
  const y = strArg(args[1]!, 'maketrans() argument 2');
  const xs = U.codePoints(x);
  const ys = U.codePoints(y);
  if (xs.length !== ys.length) throw pyErr(E.ValueError, 'the first two maketrans arguments must have equal length');
  for (let i = 0; i < xs.length; i++) d.set(xs[i]!.codePointAt(0)!, ys[i]!.codePointAt(0)!);
  if (args.length === 3) {
    const z = strArg(args[2]!, 'maketrans() argument 3');
    for (const c of U.codePoints(z)) d.set(c.codePointAt(0)!, null);
  }
  return d;
}

/** Compares for str rich comparison dunders. */
function cmpDunder(op: (c: number) => boolean): NativeFn {
  return (_ctx, args) => {
    const a = asStr(args[0]!);
    const b = args[1] === undefined ? undefined : asStr(args[1]!);
    if (a === undefined || b === undefined) return NotImplemented;
    return op(S.compareStr(a, b));
  };
}

const strMethods: Record<string, NativeFn> = {
  upper: noargs('upper', (s) => s.toUpperCase()),
  lower: noargs('lower', (s) => s.toLowerCase()),
  capitalize: noargs('capitalize', U.capitalize),
  title: noargs('title', U.title),
  swapcase: noargs('swapcase', U.swapcase),
  casefold: noargs('casefold', U.casefold),
  isdigit: noargs('isdigit', U.isDigit),
  isdecimal: noargs('isdecimal', U.isDecimal),
  isnumeric: noargs('isnumeric', U.isNumeric),
  isalpha: noargs('isalpha', U.isAlpha),
  isalnum: noargs('isalnum', U.isAlnum),
  isspace: noargs('isspace', U.isSpace),
  isupper: noargs('isupper', U.isUpper),
  islower: noargs('islower', U.isLower),
  istitle: noargs('istitle', U.isTitle),
  isidentifier: noargs('isidentifier', U.isIdentifier),
  isprintable: noargs('isprintable', U.isPrintable),
  isascii: noargs('isascii', U.isAscii),

  find: (_c, args, kw) => {
    const [s, sub, st, en] = subArgs('find', args, kw);
    return S.find(s, subStr(sub), st, en);
  },
  rfind: (_c, args, kw) => {
    const [s, sub, st, en] = subArgs('rfind', args, kw);
    return S.rfind(s, subStr(sub), st, en);
  },
  index: (_c, args, kw) => {
    const [s, sub, st, en] = subArgs('index', args, kw);
    return S.index(s, subStr(sub), st, en);
  },
  rindex: (_c, args, kw) => {
    const [s, sub, st, en] = subArgs('rindex', args, kw);
    return S.rindex(s, subStr(sub), st, en);
  },
  count: (_c, args, kw) => {
    const [s, sub, st, en] = subArgs('count', args, kw);
    return S.count(s, subStr(sub), st, en);
  },
  startswith: (_c, args, kw) => {
    const [s, p, st, en] = subArgs('startswith', args, kw);
    return S.startswith(s, prefixes('startswith', p), st, en);
  },
  endswith: (_c, args, kw) => {
    const [s, p, st, en] = subArgs('endswith', args, kw);
    return S.endswith(s, prefixes('endswith', p), st, en);
  },

  split: splitFn('split'),
  rsplit: splitFn('rsplit'),
  splitlines: (_c, args, kw) => {
    const s = selfStr(args, 'splitlines');
    const keep = kwArgs('splitlines', args.slice(1), kw, ['keepends'])[0];
    const k = keep === undefined ? false : keep === true || (asIndex(keep) !== undefined && asIndex(keep) !== 0);
    return new PyList(S.splitlines(s, k));
  },
  join: (ctx, args, kw) => {
    const s = selfStr(args, 'join');
    return strJoin(ctx, s, oneArg('str.join', args, kw));
  },
  strip: (_c, args, kw) => {
    const s = selfStr(args, 'strip');
    return S.strip(s, stripArg('strip', argsClinic('strip', args, kw, 0, 1)[0]));
  },
  lstrip: (_c, args, kw) => {
    const s = selfStr(args, 'lstrip');
    return S.lstrip(s, stripArg('lstrip', argsClinic('lstrip', args, kw, 0, 1)[0]));
  },
  rstrip: (_c, args, kw) => {
    const s = selfStr(args, 'rstrip');
    return S.rstrip(s, stripArg('rstrip', argsClinic('rstrip', args, kw, 0, 1)[0]));
  },
  replace: (_c, args, kw) => {
    const s = selfStr(args, 'replace');
    const a = argsClinic('replace', args, kw, 2, 3);
    const old = strArg(a[0]!, 'replace() argument 1');
    const repl = strArg(a[1]!, 'replace() argument 2');
    const count = a[2] === undefined ? -1 : indexArg(a[2]!);
    return S.replace(s, old, repl, count);
  },
  partition: (_c, args, kw) => {
    const s = selfStr(args, 'partition');
    return new PyTuple(S.partition(s, subStr(oneArg('str.partition', args, kw))));
  },
  rpartition: (_c, args, kw) => {
    const s = selfStr(args, 'rpartition');
    return new PyTuple(S.rpartition(s, subStr(oneArg('str.rpartition', args, kw))));
  },
  center: pad('center', S.center),
  ljust: pad('ljust', S.ljust),
  rjust: pad('rjust', S.rjust),
  zfill: (_c, args, kw) => {
    const s = selfStr(args, 'zfill');
    return S.zfill(s, indexArg(oneArg('str.zfill', args, kw)));
  },
  expandtabs: (_c, args, kw) => {
    const s = selfStr(args, 'expandtabs');
    const t = kwArgs('expandtabs', args.slice(1), kw, ['tabsize'])[0];
    return S.expandtabs(s, t === undefined ? 8 : indexArg(t));
  },
  removeprefix: (_c, args, kw) => {
    const s = selfStr(args, 'removeprefix');
    return S.removeprefix(s, strArg(oneArg('str.removeprefix', args, kw), 'removeprefix() argument'));
  },
  removesuffix: (_c, args, kw) => {
    const s = selfStr(args, 'removesuffix');
    return S.removesuffix(s, strArg(oneArg('str.removesuffix', args, kw), 'removesuffix() argument'));
  },
  encode: (_c, args, kw) => {
    const s = selfStr(args, 'encode');
    const [enc, errors] = encodingArgs('encode', args.slice(1), kw);
    return new PyBytes(U.encodeStr(s, enc, errors));
  },
  translate: (ctx, args, kw) => {
    const s = selfStr(args, 'translate');
    return translate(ctx, s, oneArg('str.translate', args, kw));
  },
  format: (ctx, args, kw) => {
    const s = selfStr(args, 'format');
    return strFormat(ctx, s, args.slice(1), kw);
  },
  format_map: (ctx, args, kw) => {
    const s = selfStr(args, 'format_map');
    return strFormatMap(ctx, s, oneArg('str.format_map', args, kw));
  },
  __format__: (_c, args, kw) => {
    const s = selfStr(args, '__format__');
    const spec = oneArg('str.__format__', args, kw);
    const sp = asStr(spec);
    if (sp === undefined) throw pyErr(E.TypeError, `__format__() argument must be str, not ${typeName(spec)}`);
    return formatStr(s, sp);
  },
  __mod__: (ctx, args) => {
    const s = asStr(args[0]!);
    if (s === undefined) return NotImplemented;
    return percentMod(ctx, s, args[1]!);
  },
  __rmod__: (ctx, args) => {
    selfStr(args, '__rmod__');
    const other = asStr(args[1]!);
    if (other === undefined) return NotImplemented;
    return percentMod(ctx, other, args[0]!);
  },
  __repr__: (_c, args) => U.strRepr(selfStr(args, '__repr__')),
  __str__: (_c, args) => selfStr(args, '__str__'),
  __len__: (_c, args) => U.cpLength(selfStr(args, '__len__')),
  __contains__: (_c, args) => {
    const s = selfStr(args, '__contains__');
    const sub = asStr(args[1]!);
    if (sub === undefined) throw pyErr(E.TypeError, `'in <string>' requires string as left operand, not ${typeName(args[1]!)}`);
    return s.includes(sub);
  },
  __add__: (_c, args) => {
    const a = selfStr(args, '__add__');
    const b = asStr(args[1]!);
    if (b === undefined) throw pyErr(E.TypeError, `can only concatenate str (not "${typeName(args[1]!)}") to str`);
    return a + b;
  },
  __mul__: (_c, args) => {
    const a = selfStr(args, '__mul__');
    const n = asIndex(args[1]!);
    if (n === undefined) return NotImplemented;
    return S.repeat(a, Number(n));
  },
  __rmul__: (_c, args) => {
    const a = selfStr(args, '__rmul__');
    const n = asIndex(args[1]!);
    if (n === undefined) return NotImplemented;
    return S.repeat(a, Number(n));
  },
  __eq__: (_c, args) => {
    const a = asStr(args[0]!);
    const b = asStr(args[1]!);
    if (a === undefined || b === undefined) return NotImplemented;
    return a === b;
  },
  __ne__: (_c, args) => {
    const a = asStr(args[0]!);
    const b = asStr(args[1]!);
    if (a === undefined || b === undefined) return NotImplemented;
    return a !== b;
  },
  __lt__: cmpDunder((c) => c < 0),
  __le__: cmpDunder((c) => c <= 0),
  __gt__: cmpDunder((c) => c > 0),
  __ge__: cmpDunder((c) => c >= 0),
  __getnewargs__: (_c, args) => new PyTuple([selfStr(args, '__getnewargs__')]),
};
defineMethods(strType, withArity(strMethods, { qual: 'str', seqRepeat: true }));

defineStaticMethods(strType, {
  maketrans: (_c, args, kw) => maketrans(args, kw),
});

/** Is v a str (or subclass)? */
export function isStr(v: PyValue): boolean {
  return typeof v === 'string' || (v instanceof PyStrSubclass && isSubtype(v.cls, strType));
}

export { isDeferred };
