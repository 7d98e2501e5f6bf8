// The math module (CPython 3.11 semantics and messages). exp/log/log2/pow/hypot/fsum are
// correctly rounded (as glibc is in practice); trigonometric functions use JS Math.

import { PyObject, PyValue, PyFloat, PyTuple, PyList, typeOf } from '../vm/objects';
import { PyModule } from '../vm/function';
import { E, pyErr } from '../vm/exceptions';
import { NativeCall, NativeFrameStart, type NativeFn } from '../vm/frame';
import { makeBuiltin, registerNativeImpl } from '../vm/types';
import { parseArgs } from '../vm/args';
import { lookupType, typeName, isDeferred } from '../vm/protocol';
import { binaryOp } from '../vm/binop';
import { newModule, type VM } from '../vm/vm';
import * as I from '../vm/lib/int-ops';
import * as F from '../vm/lib/float-ops';
import { exactExp, exactLog, exactLogBase, exactSin, exactCos, exactTan } from '../vm/lib/exact-math';
import { asIndex, consume, rethrow, splitKw, deferredResult, callOrDefer } from '../vm/builtins/util';

type Int = I.Int;

function fn(name: string, f: NativeFn) {
  return makeBuiltin(`math.${name}`, name, f, 'function', null, 'math');
}

const domain = () => pyErr(E.ValueError, 'math domain error');
const range = () => pyErr(E.OverflowError, 'math range error');

/** A float argument (PyFloat, int, bool); TypeError otherwise. */
function num(v: PyValue): number {
  if (v instanceof PyFloat) return v.value;
  const i = asIndex(v);
  if (i !== undefined) return I.intToFloat(i);
  throw pyErr(E.TypeError, `must be real number, not ${typeName(v)}`);
}

function intArg(v: PyValue): Int {
  const i = asIndex(v);
  if (i === undefined) throw pyErr(E.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  return i;
}

function args1(name: string, args: PyValue[], kw: string[] | null): PyValue {
  if (kw && kw.length) throw pyErr(E.TypeError, `math.${name}() takes no keyword arguments`);
  if (args.length !== 1) throw pyErr(E.TypeError, `math.${name}() takes exactly one argument (${args.length} given)`);
  return args[0]!;
}

function args2(name: string, args: PyValue[], kw: string[] | null): [PyValue, PyValue] {
  if (kw && kw.length) throw pyErr(E.TypeError, `${name}() takes no keyword arguments`);
  if (args.length !== 2) throw pyErr(E.TypeError, `${name} expected 2 arguments, got ${args.length}`);
  return [args[0]!, args[1]!];
}

const f = (x: number) => new PyFloat(x);

/** A one-argument float function with CPython's error rules: NaN in → NaN out; a
 *  finite input giving NaN is a domain error, giving ±inf a range error (unless `infOk`). */
function unary(name: string, g: (x: number) => number, opts: { domain?: (x: number) => boolean; infOk?: boolean } = {}): PyValue {
  return fn(name, (_c, args, kw) => {
    const x = num(args1(name, args, kw));
    if (Number.isNaN(x)) return f(x);
    if (opts.domain && !opts.domain(x)) throw domain();
    const r = g(x);
    if (Number.isNaN(r)) throw domain();
    if (!Number.isFinite(r) && Number.isFinite(x) && !opts.infOk) throw range();
    return f(r);
  });
}

function rounding(name: 'floor' | 'ceil' | 'trunc', g: (x: number) => number): PyValue {
  return fn(name, (ctx, args, kw) => {
    const v = args1(name, args, kw);
    const i = asIndex(v);
    if (i !== undefined && typeof v !== 'object') return i;
    if (v instanceof PyFloat && v.cls.builtin) return I.floatToInt(g(v.value));
    const m = v instanceof PyObject ? lookupType(typeOf(v), `__${name}__`) : undefined;
    if (m !== undefined && m !== null) {
      const r = callOrDefer(ctx, m, [v]);
      return isDeferred(r) ? deferredResult(r) : r;
    }
    if (name === 'trunc') throw pyErr(E.TypeError, `type ${typeName(v)} doesn't define __trunc__ method`);
    return I.floatToInt(g(num(v)));
  });
}

function gcd2(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function isqrtBig(n: bigint): bigint {
  if (n < 2n) return n;
  const bits = n.toString(2).length;
  let x = bits < 100 ? BigInt(Math.floor(Math.sqrt(Number(n)))) : 1n << BigInt(Math.ceil(bits / 2));
  if (x === 0n) x = 1n;
  // Newton refinement
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/** An exact dyadic rational m / 2^1100 for a finite double. */
const SCALE = 1100n;
function toFixed(x: number): bigint {
  const [p, q] = F.asIntegerRatio(x);
  // q is a power of two ≤ 2^1074
  const qb = I.big(q);
  const shift = SCALE - BigInt(qb.toString(2).length - 1);
  return I.big(p) << shift;
}

/** Correctly rounded sqrt of a non-negative rational n / 2^(2k) given as (n, 2k). */
function sqrtRational(n: bigint, twoK: bigint): number {
  if (n === 0n) return 0;
  // scale so that the integer sqrt has ≥ 60 bits
  const bits = BigInt(n.toString(2).length);
  let extra = 0n;
  if (bits < 130n) extra = 130n - bits;
  if ((extra + twoK) % 2n !== 0n) extra += 1n;
  const N = n << extra;
  const r = isqrtBig(N);
  const sticky = r * r !== N ? 1n : 0n;
  const half = (extra + twoK) / 2n;
  return I.ratioToFloat((r << 1n) | sticky, 1n << (half + 1n));
}

function fsumOf(values: number[]): number {
  let inf = 0;
  let nan = false;
  let acc = 0n;
  for (const x of values) {
    if (Number.isNaN(x)) nan = true;
    else if (x === Infinity) inf |= 1;
    else if (x === -Infinity) inf |= 2;
    else acc += toFixed(x);
  }
  if (nan || inf === 3) {
    if (inf === 3) throw pyErr(E.ValueError, '-inf + inf in fsum');
    return NaN;
  }
  if (inf === 1) return Infinity;
  if (inf === 2) return -Infinity;
  const neg = acc < 0n;
  const r = I.ratioToFloat(neg ? -acc : acc, 1n << SCALE);
  if (r === Infinity) throw pyErr(E.OverflowError, 'intermediate overflow in fsum');
  return neg ? -r : r;
}

function logOf(v: PyValue): number {
  const i = asIndex(v);
  if (i !== undefined && typeof i === 'bigint') {
    if (i <= 0n) throw domain();
    // log of a huge int: scale down by a power of two
    const bl = i.toString(2).length;
    const shift = Math.max(0, bl - 60);
    const m = Number(i >> BigInt(shift));
    return exactLog(m) + shift * Math.LN2;
  }
  const x = num(v);
  if (Number.isNaN(x)) return x;
  if (x <= 0) throw domain();
  if (x === Infinity) return x;
  return exactLog(x);
}

function hypotOf(xs: number[]): number {
  let inf = false;
  let nan = false;
  let acc = 0n;
  for (const x of xs) {
    if (x === Infinity || x === -Infinity) inf = true;
    else if (Number.isNaN(x)) nan = true;
    else {
      const t = toFixed(x);
      acc += t * t;
    }
  }
  if (inf) return Infinity;
  if (nan) return NaN;
  return sqrtRational(acc, 2n * SCALE);
}

// erf/erfc/gamma/lgamma: CPython's own algorithms (series, continued fraction, Lanczos).
function erfSeries(x: number): number {
  const x2 = x * x;
  let acc = 0;
  let fk = 25 + 0.5;
  for (let i = 0; i < 25; i++) {
    acc = 2.0 + (x2 * acc) / fk;
    fk -= 1.0;
  }
  return (acc * x * Math.exp(-x2)) / Math.sqrt(Math.PI);
}
function erfcContfrac(x: number): number {
  if (x >= 30) return 0;
  const x2 = x * x;
  let a = 0;
  let da = 0.5;
  let p = 1;
  let pLast = 0;
  let q = da + x2;
  let qLast = 1;
  for (let i = 0; i < 50; i++) {
    a += da;
    da += 2.0;
    const b = da + x2;
    let t = p;
    p = b * p - a * pLast;
    pLast = t;
    t = q;
    q = b * q - a * qLast;
    qLast = t;
  }
  return ((p / q) * x * Math.exp(-x2)) / Math.sqrt(Math.PI);
}
function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax < 1.5) return erfSeries(x);
  const cf = erfcContfrac(ax);
  return x > 0 ? 1 - cf : cf - 1;
}
function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  if (ax < 1.5) return 1 - erfSeries(x);
  const cf = erfcContfrac(ax);
  return x > 0 ? cf : 2 - cf;
}

const LANCZOS_G = 6.02468004077673;
const LANCZOS_NUM = [23531376880.410759, 42919803642.649099, 35711959237.355668, 17921034426.037209, 6039542586.3520280, 1439720407.3117216, 248874557.86205415, 31426415.585400194, 2876370.6289353725, 186056.26539522349, 8071.6720023658162, 210.82427775157936, 2.5066282746310002];
const LANCZOS_DEN = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0];
function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5.0) {
    for (let i = 12; i >= 0; i--) {
      num = num * x + LANCZOS_NUM[i]!;
      den = den * x + LANCZOS_DEN[i]!;
    }
  } else {
    for (let i = 0; i < 13; i++) {
      num = num / x + LANCZOS_NUM[i]!;
      den = den / x + LANCZOS_DEN[i]!;
    }
  }
  return num / den;
}
function gamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x) || x > 0) return x;
    throw domain();
  }
  if (x === 0) throw domain();
  if (Number.isInteger(x)) {
    if (x < 0) throw domain();
    if (x <= 23) {
      let r = 1;
      for (let i = 2; i < x; i++) r *= i;
      return r;
    }
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return 1.0 / x;
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / Math.sin(Math.PI * x);
    throw range();
  }
  const y = absx + LANCZOS_G - 0.5;
  let q: number;
  let z: number;
  let r: number;
  if (absx > LANCZOS_G - 0.5) {
    q = y - absx;
    z = q - (LANCZOS_G - 0.5);
  } else {
    q = y - (LANCZOS_G - 0.5);
    z = q - absx;
  }
  z = (z * LANCZOS_G) / y;
  if (x < 0.0) {
    r = -Math.PI / Math.sin(Math.PI * absx) / absx * Math.exp(y) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) r /= Math.pow(y, absx - 0.5);
    else {
      const sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / Math.exp(y);
    r += z * r;
    if (absx < 140.0) r *= Math.pow(y, absx - 0.5);
    else {
      const sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (!Number.isFinite(r)) throw range();
  return r;
}
function lgamma(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? x : Infinity;
  if (Number.isInteger(x) && x <= 2) {
    if (x <= 0) throw domain();
    return 0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -Math.log(absx);
  let r = Math.log(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (Math.log(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0.0) r = Math.log(Math.PI) - Math.log(Math.abs(Math.sin(Math.PI * absx))) - Math.log(absx) - r;
  if (!Number.isFinite(r)) throw range();
  return r;
}

function factorialOf(n: Int): Int {
  if (n < 0) throw pyErr(E.ValueError, 'factorial() not defined for negative values');
  const N = Number(n);
  if (N > 100000) throw pyErr(E.OverflowError, 'factorial() argument should not exceed 100000 in the simulator');
  let r = 1n;
  for (let i = 2n; i <= BigInt(N); i++) r *= i;
  return I.normInt(r);
}

function combPerm(n: Int, k: Int, perm: boolean, name: string): Int {
  if (n < 0) throw pyErr(E.ValueError, 'n must be a non-negative integer');
  if (k < 0) throw pyErr(E.ValueError, 'k must be a non-negative integer');
  const N = I.big(n);
  const K = I.big(k);
  if (K > N) return 0;
  let r = 1n;
  const kk = perm ? K : K < N - K ? K : N - K;
  for (let i = 0n; i < kk; i++) {
    r *= N - i;
    if (!perm) r /= i + 1n;
  }
  void name;
  return I.normInt(r);
}

const members: Record<string, PyValue> = {
  pi: f(Math.PI),
  e: f(Math.E),
  tau: f(2 * Math.PI),
  inf: f(Infinity),
  nan: f(NaN),
  sqrt: unary('sqrt', Math.sqrt, { domain: (x) => x >= 0 }),
  cbrt: unary('cbrt', Math.cbrt),
  exp: unary('exp', (x) => (Number.isFinite(x) ? exactExp(x) : Math.exp(x)), { infOk: false }),
  exp2: unary('exp2', (x) => F.floatPow(2, x) as number),
  expm1: unary('expm1', Math.expm1),
  log1p: unary('log1p', Math.log1p, { domain: (x) => x > -1 }),
  log2: fn('log2', (_c, args, kw) => {
    const v = args1('log2', args, kw);
    const i = asIndex(v);
    if (i !== undefined && typeof i === 'bigint') return f(logOf(v) / Math.LN2);
    const x = num(v);
    if (Number.isNaN(x) || x === Infinity) return f(x);
    if (x <= 0) throw domain();
    return f(exactLogBase(x, 2));
  }),
  log10: fn('log10', (_c, args, kw) => {
    const v = args1('log10', args, kw);
    const i = asIndex(v);
    if (i !== undefined && typeof i === 'bigint') return f(logOf(v) / Math.LN10);
    const x = num(v);
    if (Number.isNaN(x) || x === Infinity) return f(x);
    if (x <= 0) throw domain();
    return f(Math.log10(x));
  }),
  log: fn('log', (_c, args, kw) => {
    if (kw && kw.length) throw pyErr(E.TypeError, 'log() takes no keyword arguments');
    if (args.length < 1 || args.length > 2) throw pyErr(E.TypeError, `log expected ${args.length < 1 ? 'at least 1 argument' : 'at most 2 arguments'}, got ${args.length}`);
    const a = logOf(args[0]!);
    if (args.length === 1) return f(a);
    const b = logOf(args[1]!);
    if (b === 0) throw pyErr(E.ZeroDivisionError, 'float division by zero');
    return f(a / b);
  }),
  pow: fn('pow', (_c, args, kw) => {
    const [a, b] = args2('pow', args, kw);
    const x = num(a);
    const y = num(b);
    if (x === 0 && y < 0 && Number.isFinite(y)) throw domain();
    if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) throw domain();
    try {
      const r = F.floatPow(x, y);
      if (r === 'complex') throw domain();
      return f(r);
    } catch (e) {
      if (e instanceof Error && e.message.includes('Numerical result out of range')) throw range();
      throw e;
    }
  }),
  sin: unary('sin', exactSin, { domain: Number.isFinite }),
  cos: unary('cos', exactCos, { domain: Number.isFinite }),
  tan: unary('tan', exactTan, { domain: Number.isFinite }),
  asin: unary('asin', Math.asin, { domain: (x) => x >= -1 && x <= 1 }),
  acos: unary('acos', Math.acos, { domain: (x) => x >= -1 && x <= 1 }),
  atan: unary('atan', Math.atan, { infOk: true }),
  sinh: unary('sinh', Math.sinh),
  cosh: unary('cosh', Math.cosh),
  tanh: unary('tanh', Math.tanh, { infOk: true }),
  asinh: unary('asinh', Math.asinh, { infOk: true }),
  acosh: unary('acosh', Math.acosh, { domain: (x) => x >= 1, infOk: true }),
  atanh: unary('atanh', Math.atanh, { domain: (x) => x > -1 && x < 1 }),
  atan2: fn('atan2', (_c, args, kw) => {
    const [a, b] = args2('atan2', args, kw);
    return f(Math.atan2(num(a), num(b)));
  }),
  erf: unary('erf', erf, { infOk: true }),
  erfc: unary('erfc', erfc, { infOk: true }),
  gamma: fn('gamma', (_c, args, kw) => f(gamma(num(args1('gamma', args, kw))))),
  lgamma: fn('lgamma', (_c, args, kw) => f(lgamma(num(args1('lgamma', args, kw))))),
  fabs: unary('fabs', Math.abs, { infOk: true }),
  floor: rounding('floor', Math.floor),
  ceil: rounding('ceil', Math.ceil),
  trunc: rounding('trunc', Math.trunc),
  degrees: unary('degrees', (x) => x * (180 / Math.PI)),
  radians: unary('radians', (x) => x * (Math.PI / 180)),
  isnan: fn('isnan', (_c, args, kw) => Number.isNaN(num(args1('isnan', args, kw)))),
  isinf: fn('isinf', (_c, args, kw) => {
    const x = num(args1('isinf', args, kw));
    return x === Infinity || x === -Infinity;
  }),
  isfinite: fn('isfinite', (_c, args, kw) => Number.isFinite(num(args1('isfinite', args, kw)))),
  copysign: fn('copysign', (_c, args, kw) => {
    const [a, b] = args2('copysign', args, kw);
    const x = Math.abs(num(a));
    const y = num(b);
    return f(y < 0 || Object.is(y, -0) || (Number.isNaN(y) && false) ? -x : x);
  }),
  fmod: fn('fmod', (_c, args, kw) => {
    const [a, b] = args2('fmod', args, kw);
    const x = num(a);
    const y = num(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return f(NaN);
    if (!Number.isFinite(x) || y === 0) throw domain();
    return f(x % y);
  }),
  remainder: fn('remainder', (_c, args, kw) => {
    const [a, b] = args2('remainder', args, kw);
    const x = num(a);
    const y = num(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return f(NaN);
    if (!Number.isFinite(x) || y === 0) throw domain();
    if (!Number.isFinite(y)) return f(x);
    const n = x / y;
    let q = Math.round(n);
    if (Math.abs(n - Math.trunc(n)) === 0.5) q = 2 * Math.round(n / 2);
    return f(x - q * y);
  }),
  modf: fn('modf', (_c, args, kw) => {
    const x = num(args1('modf', args, kw));
    if (!Number.isFinite(x)) {
      if (Number.isNaN(x)) return new PyTuple([f(x), f(x)]);
      return new PyTuple([f(x > 0 ? 0 : -0), f(x)]);
    }
    const ip = Math.trunc(x);
    const fp = x - ip;
    return new PyTuple([f(fp === 0 && x < 0 ? -0 : fp), f(ip === 0 && (x < 0 || Object.is(x, -0)) ? -0 : ip)]);
  }),
  frexp: fn('frexp', (_c, args, kw) => {
    const x = num(args1('frexp', args, kw));
    if (x === 0 || !Number.isFinite(x)) return new PyTuple([f(x), 0]);
    let e = Math.floor(Math.log2(Math.abs(x))) + 1;
    let m = I.ldexp(x, -e);
    if (Math.abs(m) >= 1) {
      m /= 2;
      e++;
    } else if (Math.abs(m) < 0.5) {
      m *= 2;
      e--;
    }
    return new PyTuple([f(m), e]);
  }),
  ldexp: fn('ldexp', (_c, args, kw) => {
    const [a, b] = args2('ldexp', args, kw);
    const x = num(a);
    const i = asIndex(b);
    if (i === undefined) throw pyErr(E.TypeError, 'Expected an int as second argument to ldexp.');
    if (x === 0 || !Number.isFinite(x)) return f(x);
    const r = I.ldexp(x, Math.max(-5000, Math.min(5000, Number(i))));
    if (!Number.isFinite(r)) throw range();
    return f(r);
  }),
  hypot: fn('hypot', (_c, args, kw) => {
    if (kw && kw.length) throw pyErr(E.TypeError, 'hypot() takes no keyword arguments');
    return f(hypotOf(args.map(num)));
  }),
  dist: fn('dist', (_c, args, kw) => {
    const [p, q] = args2('dist', args, kw);
    const ps = p instanceof PyTuple || p instanceof PyList ? p.items.map(num) : null;
    const qs = q instanceof PyTuple || q instanceof PyList ? q.items.map(num) : null;
    if (!ps || !qs) throw pyErr(E.TypeError, 'dist(): both points must be sequences');
    if (ps.length !== qs.length) throw pyErr(E.ValueError, 'both points must have the same number of dimensions');
    return f(hypotOf(ps.map((x, i) => x - qs[i]!)));
  }),
  isclose: fn('isclose', (_c, args, kw) => {
    const p = parseArgs('isclose', args, kw, { names: ['a', 'b'], required: 2, kwOnly: ['rel_tol', 'abs_tol'] });
    const a = num(p.values[0]!);
    const b = num(p.values[1]!);
    const rel = p.values[2] === undefined ? 1e-9 : num(p.values[2]!);
    const abs = p.values[3] === undefined ? 0 : num(p.values[3]!);
    if (rel < 0 || abs < 0) throw pyErr(E.ValueError, 'tolerances must be non-negative');
    if (a === b) return true;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    const diff = Math.abs(b - a);
    return diff <= Math.abs(rel * b) || diff <= Math.abs(rel * a) || diff <= abs;
  }),
  fsum: fn('fsum', (ctx, args, kw) => {
    const x = args1('fsum', args, kw);
    const items = consume(ctx, x);
    if (Array.isArray(items)) return f(fsumOf(items.map(num)));
    return new NativeFrameStart('math.fsum', { start: items.state, phase: 0 });
  }),
  prod: fn('prod', (ctx, args, kw) => {
    const [pos, kwm] = splitKw(args, kw);
    if (pos.length !== 1) throw pyErr(E.TypeError, `prod() takes exactly 1 positional argument (${pos.length} given)`);
    const start = kwm.get('start') ?? 1;
    return new NativeFrameStart('math.prod', { src: pos[0]!, acc: start, items: null, i: 0, phase: 0 });
  }),
  gcd: fn('gcd', (_c, args, kw) => {
    if (kw && kw.length) throw pyErr(E.TypeError, 'gcd() takes no keyword arguments');
    let g = 0n;
    for (const a of args) g = gcd2(g, I.big(intArg(a)));
    return I.normInt(g);
  }),
  lcm: fn('lcm', (_c, args, kw) => {
    if (kw && kw.length) throw pyErr(E.TypeError, 'lcm() takes no keyword arguments');
    let l = 1n;
    for (const a of args) {
      const x = I.big(intArg(a));
      if (x === 0n) return 0;
      l = (l * (x < 0n ? -x : x)) / gcd2(l, x);
    }
    return I.normInt(l);
  }),
  factorial: fn('factorial', (_c, args, kw) => factorialOf(intArg(args1('factorial', args, kw)))),
  comb: fn('comb', (_c, args, kw) => {
    const [n, k] = args2('comb', args, kw);
    return combPerm(intArg(n), intArg(k), false, 'comb');
  }),
  perm: fn('perm', (_c, args, kw) => {
    if (kw && kw.length) throw pyErr(E.TypeError, 'perm() takes no keyword arguments');
    if (args.length < 1 || args.length > 2) throw pyErr(E.TypeError, `perm expected at most 2 arguments, got ${args.length}`);
    const n = intArg(args[0]!);
    const k = args.length > 1 && args[1] !== null ? intArg(args[1]!) : n;
    return combPerm(n, k, true, 'perm');
  }),
  isqrt: fn('isqrt', (_c, args, kw) => {
    const n = I.big(intArg(args1('isqrt', args, kw)));
    if (n < 0n) throw pyErr(E.ValueError, 'isqrt() argument must be nonnegative');
    return I.normInt(isqrtBig(n));
  }),
  nextafter: fn('nextafter', (_c, args, kw) => {
    const [a, b] = args2('nextafter', args, kw);
    const x = num(a);
    const y = num(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return f(NaN);
    if (x === y) return f(y);
    if (x === 0) return f(y > 0 ? 5e-324 : -5e-324);
    const buf = new Float64Array([x]);
    const u = new BigInt64Array(buf.buffer);
    u[0] = u[0]! + ((y > x) === (x > 0) ? 1n : -1n);
    return f(buf[0]!);
  }),
  ulp: fn('ulp', (_c, args, kw) => {
    const x = Math.abs(num(args1('ulp', args, kw)));
    if (!Number.isFinite(x)) return f(x);
    if (x === 1.7976931348623157e308) return f(2 ** 971);
    const buf = new Float64Array([x]);
    const u = new BigInt64Array(buf.buffer);
    u[0] = u[0]! + 1n;
    return f(buf[0]! - x);
  }),
};

registerNativeImpl('math.fsum', {
  resume(_ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      return new NativeFrameStart('lib.consume', st.start as Record<string, unknown>);
    }
    return f(fsumOf((value as PyList).items.map(num)));
  },
});

registerNativeImpl('math.prod', {
  resume(ctx, st, value, exc) {
    if (exc) rethrow(exc);
    if (st.phase === 0) {
      st.phase = 1;
      const c = consume(ctx, st.src as PyValue);
      if (!Array.isArray(c)) return c;
      value = new PyList(c);
    }
    if (st.phase === 1) {
      st.items = (value as PyList).items;
      st.phase = 2;
    } else if (st.phase === 3) {
      st.acc = value;
      st.phase = 2;
    }
    const items = st.items as PyValue[];
    for (let i = st.i as number; i < items.length; i++) {
      const r = binaryOp(ctx, 5, st.acc as PyValue, items[i]!);
      if (isDeferred(r)) {
        st.i = i + 1;
        st.phase = 3;
        return r;
      }
      st.acc = r;
    }
    return st.acc as PyValue;
  },
});

export function initMath(vm: VM): PyModule {
  return newModule(vm, 'math', members);
}

export { NativeCall };
