// `fmt % args` (src/sim/vm/lib/percent-format.ts) against results produced by CPython 3.11.
// Each case: [format, encoded right operand, expected result or '!Type:message'].
// Values: {i: int text}, {f: float repr}, {s: str}, {b: bool}, {n: null} (None),
// {d: {key: value}} (dict), {l: [values]} (list), {t: [values]} (tuple operand).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentFormat, percentNeeds, type PercentArgs, type PercentHooks } from '../../src/sim/vm/lib/percent-format';
import { LibError } from '../../src/sim/vm/lib/errors';
import { floatRepr } from '../../src/sim/vm/lib/float-repr';

type V = { i: string } | { f: string } | { s: string } | { b: boolean } | { n: null } | { d: Record<string, V> } | { l: V[] };

function typeName(v: V): string {
  if ('i' in v) return 'int';
  if ('f' in v) return 'float';
  if ('s' in v) return 'str';
  if ('b' in v) return 'bool';
  if ('n' in v) return 'NoneType';
  if ('d' in v) return 'dict';
  return 'list';
}

function intOf(v: V): number | bigint | null {
  if ('i' in v) {
    const b = BigInt(v.i);
    return Number.isSafeInteger(Number(b)) ? Number(b) : b;
  }
  if ('b' in v) return v.b ? 1 : 0;
  return null;
}

function floatOf(s: string): number {
  return Number(s.replace('inf', 'Infinity').replace('nan', 'NaN'));
}

function repr(v: V): string {
  if ('s' in v) return "'" + v.s + "'";
  if ('d' in v) return '{' + Object.entries(v.d).map(([k, x]) => `'${k}': ${repr(x)}`).join(', ') + '}';
  if ('l' in v) return '[' + v.l.map(repr).join(', ') + ']';
  return str(v);
}

function str(v: V): string {
  if ('i' in v) return v.i;
  if ('f' in v) return floatRepr(floatOf(v.f));
  if ('s' in v) return v.s;
  if ('b' in v) return v.b ? 'True' : 'False';
  if ('n' in v) return 'None';
  return repr(v);
}

const hooks: PercentHooks<V> = {
  convert(v, need) {
    switch (need) {
      case 's':
        return str(v);
      case 'r':
      case 'a':
        return repr(v);
      case 'int':
        if ('f' in v) return Math.trunc(floatOf(v.f));
        return intOf(v);
      case 'index':
        return intOf(v);
      case 'float': {
        if ('f' in v) return floatOf(v.f);
        const i = intOf(v);
        if (i === null) return null;
        const x = Number(i);
        if (!Number.isFinite(x)) throw new LibError('OverflowError', 'int too large to convert to float');
        return x;
      }
      case 'char':
        if ('s' in v) return v.s;
        return intOf(v);
    }
  },
  asInt: intOf,
  typeName,
  getItem(m, key) {
    if ('d' in m) {
      if (!(key in m.d)) throw new LibError('KeyError', `'${key}'`);
      return m.d[key];
    }
    throw new LibError('TypeError', `${typeName(m)} indices must be integers or slices, not str`);
  },
};

function argsOf(e: V | { t: V[] }): PercentArgs<V> {
  if ('t' in e) return { tuple: e.t };
  return { single: e, isMapping: 'd' in e || 'l' in e };
}

function run(fmt: string, e: V | { t: V[] }): string {
  try {
    return percentFormat(fmt, argsOf(e), hooks);
  } catch (err) {
    if (err instanceof LibError) return '!' + err.pyType + ':' + err.message;
    throw err;
  }
}

const cases: [string, V | { t: V[] }, string][] = [
  ["%5%", {"t": [{"i": "1"}]}, "!ValueError:unsupported format character '%' (0x25) at index 2"],
  ["%%", {"t": [{"i": "1"}]}, "!TypeError:not all arguments converted during string formatting"],
  ["%q", {"t": []}, "!TypeError:not enough arguments for format string"],
  ["%5%", {"t": []}, "!TypeError:not enough arguments for format string"],
  ["%-5%|", {"t": [{"i": "1"}]}, "!ValueError:unsupported format character '%' (0x25) at index 3"],
  ["%s", {"t": []}, "!TypeError:not enough arguments for format string"],
  ["%(a)s %(b)s", {"d": {"a": {"i": "1"}}}, "!KeyError:'b'"],
  ["%c", {"b": true}, "\u0001"],
  ["%.1c", {"s": "a"}, "a"],
  ["%s %s", {"s": "ab"}, "!TypeError:not enough arguments for format string"],
  ["%s", {"s": "ab"}, "ab"],
  ["%d", {"s": "5"}, "!TypeError:%d format: a real number is required, not str"],
  ["%ld", {"i": "5"}, "5"],
  ["%hd", {"i": "5"}, "5"],
  ["%Lf", {"f": "1.5"}, "1.500000"],
  ["%05s", {"s": "a"}, "    a"],
  ["%05f", {"f": "inf"}, "00inf"],
  ["%-05d", {"i": "3"}, "3    "],
  ["%+s", {"s": "x"}, "x"],
  ["%#5x", {"i": "255"}, " 0xff"],
  ["%#05x", {"i": "255"}, "0x0ff"],
  ["%-#8o", {"i": "8"}, "0o10    "],
  ["%.3d", {"i": "5"}, "005"],
  ["%+.3d", {"i": "-5"}, "-005"],
  ["%08.3d", {"i": "-5"}, "-0000005"],
  ["% d", {"i": "5"}, " 5"],
  ["%.*f", {"t": [{"i": "2"}, {"f": "3.14159"}]}, "3.14"],
  ["%*d", {"t": [{"i": "-5"}, {"i": "3"}]}, "3    "],
  ["%.*f", {"t": [{"i": "-2"}, {"f": "3.14159"}]}, "3"],
  ["%*d", {"t": [{"f": "5.0"}, {"i": "3"}]}, "!TypeError:* wants int"],
  ["%c", {"i": "65"}, "A"],
  ["%c", {"s": "ab"}, "!TypeError:%c requires int or char"],
  ["%c", {"f": "1.5"}, "!TypeError:%c requires int or char"],
  ["%d", {"s": "x"}, "!TypeError:%d format: a real number is required, not str"],
  ["%x", {"f": "1.5"}, "!TypeError:%x format: an integer is required, not float"],
  ["%f", {"s": "x"}, "!TypeError:must be real number, not str"],
  ["%d", {"f": "1.9"}, "1"],
  ["%d", {"f": "-1.9"}, "-1"],
  ["%x", {"b": true}, "1"],
  ["%s %s", {"t": [{"i": "1"}]}, "!TypeError:not enough arguments for format string"],
  ["%s", {"t": [{"i": "1"}, {"i": "2"}]}, "!TypeError:not all arguments converted during string formatting"],
  ["%(a)s", {"i": "5"}, "!TypeError:format requires a mapping"],
  ["%(a)s %s", {"d": {"a": {"i": "1"}}}, "!TypeError:not enough arguments for format string"],
  ["%(a", {"d": {"a": {"i": "1"}}}, "!ValueError:incomplete format key"],
  ["%", {"t": []}, "!ValueError:incomplete format"],
  ["abc%", {"t": []}, "!ValueError:incomplete format"],
  ["%q", {"i": "1"}, "!ValueError:unsupported format character 'q' (0x71) at index 1"],
  ["%(a)s", {"d": {"a": {"i": "1"}, "b": {"i": "2"}}}, "1"],
  ["%d %%", {"i": "5"}, "5 %"],
  ["%.2s", {"s": "hello"}, "he"],
  ["%5.1s|", {"s": "hello"}, "    h|"],
  ["%r", {"s": "a"}, "'a'"],
  ["%i", {"i": "5"}, "5"],
  ["%u", {"i": "5"}, "5"],
  ["%e", {"f": "12345.678"}, "1.234568e+04"],
  ["%G", {"f": "1e-10"}, "1E-10"],
  ["%#g", {"f": "1.0"}, "1.00000"],
  ["%#.0f", {"f": "2.0"}, "2."],
  ["%10.4E", {"f": "-0.0"}, "-0.0000E+00"],
  ["%x", {"i": "-255"}, "-ff"],
  ["%#X", {"i": "-255"}, "-0XFF"],
  ["%o", {"i": "-8"}, "-10"],
  ["%#o", {"i": "0"}, "0o0"],
  ["%(x)d%(y)s", {"d": {"x": {"i": "1"}, "y": {"s": "z"}}}, "1z"],
  ["%(a)(b)s", {"d": {"a": {"i": "1"}}}, "!ValueError:unsupported format character '(' (0x28) at index 4"],
  ["%((a))s", {"d": {"(a)": {"i": "1"}}}, "1"],
  ["%s", {"s": "é"}, "é"],
  ["%-5d|", {"i": "-3"}, "-3   |"],
  ["%05d", {"i": "-3"}, "-0003"],
  ["%+05d", {"i": "3"}, "+0003"],
  ["% 05d", {"i": "3"}, " 0003"],
  ["%d", {"i": "1000000000000000000000000000000"}, "1000000000000000000000000000000"],
  ["%x", {"i": "1000000000000000000000000000000"}, "c9f2c9cd04674edea40000000"],
  ["%f", {"i": "1000000000000000000000000000000"}, "1000000000000000019884624838656.000000"],
  ["%f", {"i": "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}, "!OverflowError:int too large to convert to float"],
  ["%s", {"n": null}, "None"],
  ["%c", {"i": "1114112"}, "!OverflowError:%c arg not in range(0x110000)"],
  ["%c", {"i": "-1"}, "!OverflowError:%c arg not in range(0x110000)"],
  ["%*s", {"t": [{"s": "a"}, {"s": "b"}]}, "!TypeError:* wants int"],
  ["%.*s", {"t": [{"s": "a"}, {"s": "b"}]}, "!TypeError:* wants int"],
  ["%(a)*d", {"d": {"a": {"i": "1"}}}, "!TypeError:not enough arguments for format string"],
  ["%i", {"b": true}, "1"],
  ["%z", {"i": "1"}, "!ValueError:unsupported format character 'z' (0x7a) at index 1"],
  ["%\u0001", {"i": "1"}, "!ValueError:unsupported format character '?' (0x1) at index 1"],
  ["%é", {"i": "1"}, "!ValueError:unsupported format character '?' (0xe9) at index 1"],
  ["%3", {"i": "1"}, "!ValueError:incomplete format"],
  ["%.", {"i": "1"}, "!ValueError:incomplete format"],
  ["%.0f", {"f": "0.5"}, "0"],
  ["%.0f", {"f": "1.5"}, "2"],
  ["%.1f", {"f": "0.25"}, "0.2"],
  ["%#x", {"i": "0"}, "0x0"],
  ["%#5.3x", {"i": "10"}, "0x00a"],
  ["%-+5d|", {"i": "3"}, "+3   |"],
  ["%0-5d|", {"i": "3"}, "3    |"],
  ["%s", {"s": ""}, ""],
  ["%.3g", {"f": "1234567.0"}, "1.23e+06"],
  ["%5c|", {"i": "65"}, "    A|"],
  ["%-5c|", {"s": "z"}, "z    |"],
  ["%05c|", {"s": "z"}, "    z|"],
  ["%05r", {"s": "a"}, "  'a'"],
  ["%.1r", {"s": "abc"}, "'"],
  ["%-#10X|", {"i": "3054"}, "0XBEE     |"],
  ["%#-010o|", {"i": "8"}, "0o10      |"],
  ["%+#012x", {"i": "-255"}, "-0x0000000ff"],
  ["% #x", {"i": "255"}, " 0xff"],
  ["%#.5o", {"i": "8"}, "0o00010"],
  ["%#08.5x", {"i": "255"}, "0x0000ff"],
  ["%s and %r", {"t": [{"s": "x"}, {"s": "y"}]}, "x and 'y'"],
  ["%(n)05.1f", {"d": {"n": {"f": "3.14159"}}}, "003.1"],
  ["%(n)s %(n)r", {"d": {"n": {"s": "v"}}}, "v 'v'"],
  ["%-*d|", {"t": [{"i": "4"}, {"i": "7"}]}, "7   |"],
  ["%*.*f|", {"t": [{"i": "10"}, {"i": "3"}, {"f": "2.71828"}]}, "     2.718|"],
  ["%d items", {"l": [{"i": "1"}]}, "!TypeError:%d format: a real number is required, not list"],
  ["", {"l": [{"i": "1"}]}, ""],
  ["", {"t": [{"i": "1"}]}, "!TypeError:not all arguments converted during string formatting"],
  ["x", {"t": []}, "x"],
  ["%s", {"l": [{"i": "1"}]}, "[1]"],
  ["%+f", {"f": "nan"}, "+nan"],
  ["%010.2f", {"f": "-1.5"}, "-000001.50"],
  ["%-010.2f|", {"f": "1.5"}, "1.50      |"],
  ["% f", {"f": "1.0"}, " 1.000000"],
  ["%e", {"f": "0.0"}, "0.000000e+00"],
  ["%.0e", {"f": "12345.0"}, "1e+04"],
  ["%#.0e", {"f": "1.0"}, "1.e+00"],
  ["%g", {"f": "100000.0"}, "100000"],
  ["%g", {"f": "1000000.0"}, "1e+06"],
  ["%.2g", {"f": "1.2345e-05"}, "1.2e-05"],
  ["%%%s%%", {"s": "x"}, "%x%"],
  ["%s😀%s", {"t": [{"i": "1"}, {"i": "2"}]}, "1😀2"],
  ["%5s|", {"s": "😀"}, "    😀|"]
];

test('percent formatting matches CPython', () => {
  const failures: string[] = [];
  for (const [fmt, a, expected] of cases) {
    const got = run(fmt, a);
    if (got !== expected) failures.push(`${JSON.stringify(fmt)} % ${JSON.stringify(a)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
  assert.deepEqual(failures, []);
});

test('percentNeeds lists the conversions without converting', () => {
  const needs = percentNeeds('%s %r %5d', { tuple: [{ s: 'a' }, { i: '1' }, { f: '2.5' }] }, hooks);
  assert.deepEqual(
    needs.map((n) => n.need),
    ['s', 'r', 'int'],
  );
});
