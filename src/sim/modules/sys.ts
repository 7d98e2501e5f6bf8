// The sys module.

import {
  PyValue, PyList, PyTuple, PyType, tupleType, normInt,
} from '../vm/objects';
import { PyModule } from '../vm/function';
import { E, pyErr, PyException, newException } from '../vm/exceptions';
import { SyscallRequest, type CallContext } from '../vm/frame';
import { makeBuiltin, newBuiltinType, defineGetters, defineMethods } from '../vm/types';
import { parseArgs } from '../vm/args';
import { typeName } from '../vm/protocol';
import { newModule, type VM } from '../vm/vm';
import { PyFloat } from '../vm/objects';

export const VERSION = '3.11.9 (main, Apr  2 2024, 08:25:04) [GCC 12.2.0]';

const versionInfoType = newBuiltinType('version_info', [tupleType], 'sys', { layout: 'tuple', baseable: false });
const VI_FIELDS = ['major', 'minor', 'micro', 'releaselevel', 'serial'];
defineGetters(versionInfoType, Object.fromEntries(
  VI_FIELDS.map((f, i) => [f, (_c: CallContext, s: PyValue) => (s as PyTuple).items[i]!]),
));
defineMethods(versionInfoType, {
  __repr__: (_c, a) => {
    const it = (a[0] as PyTuple).items;
    return `sys.version_info(major=${String(it[0])}, minor=${String(it[1])}, micro=${String(it[2])}, releaselevel='${String(it[3])}', serial=${String(it[4])})`;
  },
});
const VERSION_INFO = new PyTuple([3, 11, 9, 'final', 0], versionInfoType);

function fn(name: string, f: import('../vm/frame').NativeFn) {
  return makeBuiltin(`sys.${name}`, name, f, 'function', null, 'sys');
}

const exitFn = fn('exit', (_c, args, kw) => {
  const a = parseArgs('exit', args, kw, { names: ['status'], required: 0, posOnly: true });
  const v = a.values[0];
  throw new PyException(v === undefined ? newException(E.SystemExit) : newException(E.SystemExit, v));
});

const getrecursionlimit = fn('getrecursionlimit', (ctx) => ctx.vm.recursionLimit);
const setrecursionlimit = fn('setrecursionlimit', (ctx, args, kw) => {
  const a = parseArgs('setrecursionlimit', args, kw, { names: ['limit'], posOnly: true });
  const n = a.values[0];
  if (typeof n !== 'number') {
    if (n instanceof PyFloat) throw pyErr(E.TypeError, "'float' object cannot be interpreted as an integer");
    throw pyErr(E.TypeError, `'${typeName(n ?? null)}' object cannot be interpreted as an integer`);
  }
  if (n < 1) throw pyErr(E.ValueError, 'recursion limit must be greater or equal than 1');
  if (n <= ctx.thread.depth) {
    throw pyErr(E.RecursionError, `cannot set the recursion limit to ${n} at the recursion depth ${ctx.thread.depth}: the limit is too low`);
  }
  ctx.vm.recursionLimit = n;
  return null;
});

const getswitchinterval = fn('getswitchinterval', () => new SyscallRequest('gil.getinterval', {}));
const setswitchinterval = fn('setswitchinterval', (_ctx, args, kw) => {
  const a = parseArgs('setswitchinterval', args, kw, { names: ['interval'], posOnly: true });
  const v = a.values[0]!;
  const x = v instanceof PyFloat ? v.value : typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : undefined;
  if (x === undefined) throw pyErr(E.TypeError, `must be real number, not ${typeName(v)}`);
  if (!(x > 0)) throw pyErr(E.ValueError, 'switch interval must be strictly positive');
  return new SyscallRequest('gil.setinterval', { seconds: x });
});

const excInfo = fn('exc_info', (ctx) => {
  const e = ctx.thread.excInfo;
  if (e === null) return new PyTuple([null, null, null]);
  return new PyTuple([e.cls, e, e.traceback]);
});
const exception = fn('exception', (ctx) => ctx.thread.excInfo);
const intern = fn('intern', (_c, args) => {
  if (typeof args[0] !== 'string') throw pyErr(E.TypeError, `intern() argument must be str, not ${typeName(args[0] ?? null)}`);
  return args[0];
});
const getdefaultencoding = fn('getdefaultencoding', () => 'utf-8');
const getsizeof = fn('getsizeof', () => 64);

/** Builds sys for a VM (registered in src/sim/modules/index.ts). */
export function initSys(vm: VM): PyModule {
  return newModule(vm, 'sys', {
    argv: new PyList(vm.argv.slice()),
    orig_argv: new PyList(['python3', ...vm.argv]),
    exit: exitFn,
    stdout: vm.stdout,
    stderr: vm.stderr,
    stdin: vm.stdin,
    __stdin__: vm.stdin,
    __stdout__: vm.stdout,
    __stderr__: vm.stderr,
    getrecursionlimit,
    setrecursionlimit,
    getswitchinterval,
    setswitchinterval,
    exc_info: excInfo,
    exception,
    intern,
    getdefaultencoding,
    getsizeof,
    version: VERSION,
    version_info: VERSION_INFO,
    hexversion: 0x030b09f0,
    api_version: 1013,
    platform: 'linux',
    byteorder: 'little',
    modules: vm.modules,
    maxsize: normInt(9223372036854775807n),
    path: new PyList(['']),
    executable: '/usr/bin/python3',
    prefix: '/usr',
    builtin_module_names: new PyTuple(Object.keys(vm.registry).sort()),
    float_repr_style: 'short',
  });
}

export { PyType };
