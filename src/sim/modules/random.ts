// The random module: CPython's Random on MT19937 (../vm/lib/mt19937.ts), the module-level
// functions bound to a hidden per-process instance, and random.Random. Without seed(),
// the generator is seeded deterministically from the run's seed (vm.ext.seed, default 0).

import {
  PyObject, PyType, PyValue, PyFloat, PyList, PyTuple, PyRange, PyBytes, PyStrSubclass, objectType, typeOf,
} from '../vm/objects';
import { PyModule } from '../vm/function';
import { PySetBase, PyDict } from '../vm/dict';
import { E, pyErr } from '../vm/exceptions';
import { NativeFrameStart, type CallContext, type NativeFn } from '../vm/frame';
import { makeBuiltin, newBuiltinType, defineMethods, defineStaticMethods, registerClass, registerNativeImpl } from '../vm/types';
import { parseArgs } from '../vm/args';
import { typeName, hashFast, iterFast } from '../vm/protocol';
import { newModule, type VM } from '../vm/vm';
import * as R from '../vm/lib/mt19937';
import { encodeStr } from '../vm/lib/str-unicode';
import { normInt, big, type Int } from '../vm/lib/int-ops';
import { asIndex, asStr, consume, rethrow } from '../vm/builtins/util';
import { newCls } from '../vm/builtins/list';

export const randomType = newBuiltinType('Random', [objectType], 'random', { layout: 'object' });

export class PyRandom extends PyObject {
  st: R.MTState = R.newMTState();
  constructor(cls: PyType = randomType) {
    super(cls);
  }
}
registerClass('PyRandom', PyRandom);

/** The per-process generator behind the module-level functions. */
function hidden(ctx: CallContext): PyRandom {
  const m = ctx.vm.modules.getStr('random');
  const inst = m instanceof PyModule ? m.dict.getStr('_inst') : undefined;
  if (inst instanceof PyRandom) return inst;
  throw pyErr(E.RuntimeError, 'random module is not initialized');
}

let instanceCounter = 0;

function defaultSeed(vm: VM, st: R.MTState): void {
  const base = typeof vm.ext.seed === 'number' ? vm.ext.seed : 0;
  R.seedInt(st, BigInt(base) * 1000003n + BigInt(instanceCounter++));
}

function doSeed(ctx: CallContext, r: PyRandom, a: PyValue | undefined): void {
  if (a === undefined || a === null) {
    defaultSeed(ctx.vm, r.st);
    return;
  }
  const i = asIndex(a);
  if (i !== undefined) return R.seedInt(r.st, i);
  const s = asStr(a);
  if (s !== undefined) return R.seedInt(r.st, R.seedBytesToInt(encodeStr(s, 'utf-8')));
  if (a instanceof PyBytes) return R.seedInt(r.st, R.seedBytesToInt(a.bytes));
  if (a instanceof PyFloat) {
    const h = hashFast(a);
    return R.seedHash(r.st, h ?? 0);
  }
  throw pyErr(E.TypeError, 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
}

/** An integer argument of randrange (3.11: integral floats accepted, others rejected). */
function rrArg(v: PyValue, what: string): Int {
  const i = asIndex(v);
  if (i !== undefined) return i;
  if (v instanceof PyFloat) {
    if (!Number.isInteger(v.value)) throw pyErr(E.ValueError, `non-integer ${what} for randrange()`);
    return normInt(BigInt(v.value));
  }
  throw pyErr(E.TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
}

function floatArg(v: PyValue): number {
  if (v instanceof PyFloat) return v.value;
  const i = asIndex(v);
  if (i !== undefined) return Number(i);
  throw pyErr(E.TypeError, `must be real number, not ${typeName(v)}`);
}

/** The items of a sequence argument for choice/sample (list, tuple, str, range, bytes). */
function seqItems(v: PyValue, forSample: boolean): PyValue[] {
  if (v instanceof PyList || v instanceof PyTuple) return v.items;
  if (typeof v === 'string' || v instanceof PyStrSubclass) return Array.from(asStr(v)!);
  if (v instanceof PyRange || v instanceof PyBytes) return iterFast(v)!;
  if (forSample) throw pyErr(E.TypeError, 'Population must be a sequence.  For dicts or sets, use sorted(d).');
  if (v instanceof PySetBase) throw pyErr(E.TypeError, `'${typeName(v)}' object is not subscriptable`);
  if (v instanceof PyDict) throw pyErr(E.KeyError, '0');
  throw pyErr(E.TypeError, `object of type '${typeName(v)}' has no len()`);
}

function rangeItem(v: PyValue, i: number): PyValue {
  if (v instanceof PyRange) return v.start + i * v.step;
  return seqItems(v, false)[i]!;
}

function seqLen(v: PyValue): number {
  if (v instanceof PyRange) return v.length;
  return seqItems(v, false).length;
}

const f = (x: number) => new PyFloat(x);

/** The Random methods, written against an instance getter. */
function api(get: (ctx: CallContext, args: PyValue[]) => [PyRandom, PyValue[]]): Record<string, NativeFn> {
  return {
    seed: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('seed', a, kw, { names: ['a', 'version'], required: 0 });
      doSeed(ctx, r, p.values[0]);
      return null;
    },
    random: (ctx, args) => f(R.random(get(ctx, args)[0].st)),
    getrandbits: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('getrandbits', a, kw, { names: ['k'], posOnly: true });
      const k = asIndex(p.values[0]!);
      if (k === undefined) throw pyErr(E.TypeError, `'${typeName(p.values[0]!)}' object cannot be interpreted as an integer`);
      return R.getrandbits(r.st, Number(k));
    },
    randrange: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('randrange', a, kw, { names: ['start', 'stop', 'step'], required: 1 });
      const start = rrArg(p.values[0]!, 'arg 1');
      const stopV = p.values[1];
      const stepV = p.values[2];
      if (stopV === undefined || stopV === null) {
        if (stepV !== undefined && stepV !== 1) throw pyErr(E.TypeError, 'Missing a non-None stop argument');
        return R.randrange(r.st, start, null);
      }
      return R.randrange(r.st, start, rrArg(stopV, 'stop'), stepV === undefined ? 1 : rrArg(stepV, 'step'));
    },
    randint: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('randint', a, kw, { names: ['a', 'b'] });
      return R.randint(r.st, rrArg(p.values[0]!, 'arg 1'), rrArg(p.values[1]!, 'stop'));
    },
    choice: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('choice', a, kw, { names: ['seq'] });
      const seq = p.values[0]!;
      return rangeItem(seq, R.choiceIndex(r.st, seqLen(seq)));
    },
    shuffle: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('shuffle', a, kw, { names: ['x'] });
      const x = p.values[0]!;
      if (!(x instanceof PyList)) {
        if (x instanceof PyTuple || typeof x === 'string') throw pyErr(E.TypeError, `'${typeName(x)}' object does not support item assignment`);
        throw pyErr(E.TypeError, `object of type '${typeName(x)}' has no len()`);
      }
      R.shuffle(r.st, x.items);
      return null;
    },
    sample: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('sample', a, kw, { names: ['population', 'k'], kwOnly: ['counts'] });
      let pop = seqItems(p.values[0]!, true);
      const k = asIndex(p.values[1]!);
      if (k === undefined) throw pyErr(E.TypeError, `'${typeName(p.values[1]!)}' object cannot be interpreted as an integer`);
      if (p.values[2] !== undefined && p.values[2] !== null) {
        const counts = iterFast(p.values[2]!) ?? [];
        const expanded: PyValue[] = [];
        pop.forEach((x, i) => {
          const c = Number(asIndex(counts[i] ?? 0) ?? 0);
          for (let j = 0; j < c; j++) expanded.push(x);
        });
        pop = expanded;
      }
      const idx = R.sampleIndices(r.st, pop.length, Number(k));
      return new PyList(idx.map((i) => pop[i]!));
    },
    choices: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('choices', a, kw, { names: ['population', 'weights'], required: 1, kwOnly: ['cum_weights', 'k'] });
      const pop = seqItems(p.values[0]!, false);
      const k = p.values[3] === undefined ? 1 : Number(asIndex(p.values[3]!) ?? 1);
      const w = p.values[1];
      const cw = p.values[2];
      let cum: number[] | null = null;
      if (cw !== undefined && cw !== null) {
        if (w !== undefined && w !== null) throw pyErr(E.TypeError, 'Cannot specify both weights and cumulative weights');
        cum = (iterFast(cw) ?? []).map(floatArg);
      } else if (w !== undefined && w !== null) {
        const ws = iterFast(w);
        if (ws === undefined) throw pyErr(E.TypeError, `'${typeName(w)}' object is not iterable`);
        let acc = 0;
        cum = ws.map((x) => (acc += floatArg(x)));
      }
      const idx = R.choicesIndices(r.st, pop.length, cum, k);
      return new PyList(idx.map((i) => pop[i]!));
    },
    uniform: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('uniform', a, kw, { names: ['a', 'b'] });
      return f(R.uniform(r.st, floatArg(p.values[0]!), floatArg(p.values[1]!)));
    },
    triangular: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('triangular', a, kw, { names: ['low', 'high', 'mode'], required: 0 });
      const low = p.values[0] === undefined ? 0 : floatArg(p.values[0]!);
      const high = p.values[1] === undefined ? 1 : floatArg(p.values[1]!);
      const mode = p.values[2] === undefined || p.values[2] === null ? null : floatArg(p.values[2]!);
      return f(R.triangular(r.st, low, high, mode));
    },
    gauss: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('gauss', a, kw, { names: ['mu', 'sigma'], required: 0 });
      return f(R.gauss(r.st, p.values[0] === undefined ? 0 : floatArg(p.values[0]!), p.values[1] === undefined ? 1 : floatArg(p.values[1]!)));
    },
    normalvariate: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('normalvariate', a, kw, { names: ['mu', 'sigma'], required: 0 });
      return f(R.normalvariate(r.st, p.values[0] === undefined ? 0 : floatArg(p.values[0]!), p.values[1] === undefined ? 1 : floatArg(p.values[1]!)));
    },
    lognormvariate: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('lognormvariate', a, kw, { names: ['mu', 'sigma'] });
      return f(Math.exp(R.normalvariate(r.st, floatArg(p.values[0]!), floatArg(p.values[1]!))));
    },
    expovariate: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('expovariate', a, kw, { names: ['lambd'], required: 0 });
      return f(R.expovariate(r.st, p.values[0] === undefined ? 1 : floatArg(p.values[0]!)));
    },
    randbytes: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('randbytes', a, kw, { names: ['n'] });
      return new PyBytes(R.randbytes(r.st, Number(asIndex(p.values[0]!) ?? 0)));
    },
    getstate: (ctx, args) => {
      const [v, internal, g] = R.getstate(get(ctx, args)[0].st);
      return new PyTuple([v, new PyTuple(internal), g === null ? null : f(g)]);
    },
    setstate: (ctx, args, kw) => {
      const [r, a] = get(ctx, args);
      const p = parseArgs('setstate', a, kw, { names: ['state'] });
      const s = p.values[0]!;
      if (!(s instanceof PyTuple) || s.items.length !== 3 || !(s.items[1] instanceof PyTuple)) {
        throw pyErr(E.TypeError, 'state vector must be a tuple');
      }
      const internal = s.items[1].items.map((x) => Number(asIndex(x) ?? 0));
      const g = s.items[2];
      R.setstate(r.st, Number(asIndex(s.items[0]!) ?? 0), internal, g instanceof PyFloat ? g.value : null);
      return null;
    },
  };
}

const moduleApi = api((ctx, args) => [hidden(ctx), args]);
const methodApi = api((_ctx, args) => {
  const self = args[0];
  if (!(self instanceof PyRandom)) throw pyErr(E.TypeError, `descriptor for 'Random' objects doesn't apply to a '${typeName(self ?? null)}' object`);
  return [self, args.slice(1)];
});

defineMethods(randomType, {
  ...methodApi,
  __init__: (ctx, args, kw) => {
    const self = args[0] as PyRandom;
    const p = parseArgs('Random', args.slice(1), kw, { names: ['x'], required: 0 });
    doSeed(ctx, self, p.values[0]);
    return null;
  },
});
defineStaticMethods(randomType, {
  __new__: (_c, args) => new PyRandom(newCls(args, randomType)),
});

const fns: Record<string, PyValue> = {};
for (const [name, impl] of Object.entries(moduleApi)) fns[name] = makeBuiltin(`random.${name}`, name, impl, 'function', null, 'random');

export function initRandom(vm: VM): PyModule {
  const inst = new PyRandom();
  defaultSeed(vm, inst.st);
  return newModule(vm, 'random', { ...fns, Random: randomType, _inst: inst });
}

void typeOf;
void consume;
void rethrow;
void registerNativeImpl;
void NativeFrameStart;
void big;
