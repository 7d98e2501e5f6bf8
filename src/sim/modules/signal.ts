// signal (issue 6): CPython 3.11's module on the simulated kernel — the Signals, Handlers
// and Sigmasks enums (IntEnum members: repr <Signals.SIGINT: 2>, str "2"), signal() /
// getsignal() with the previous handler, SIG_DFL/SIG_IGN, default_int_handler, alarm,
// pause, setitimer/getitimer (ITIMER_REAL), raise_signal, strsignal, valid_signals,
// sigpending, and no-op pthread_sigmask/siginterrupt/set_wakeup_fd.
//
// Python handlers are kept in the process's VM (vm.ext.signalHandlers, see
// kernel/vm-process.ts) and run by the kernel in the main thread between instructions;
// the kernel knows only the disposition (default, ignore, handler).

import { parseArgs } from '../vm/args';
import { PyDict, PySet } from '../vm/dict';
import { E, PyException, newException, osError, pyErr } from '../vm/exceptions';
import { SyscallRequest, type NativeFn } from '../vm/frame';
import { PyBuiltinFunction, type PyModule } from '../vm/function';
import {
  PyFloat, PyIntSubclass, PyList, PyTuple, PyType, intType, typeType, type PyValue,
} from '../vm/objects';
import { PyListIterator } from '../vm/iterators';
import { isCallable } from '../vm/protocol';
import { defineGetters, defineMethods, defineStaticMethods, makeBuiltin, newBuiltinType } from '../vm/types';
import { newModule, type VM } from '../vm/vm';
import { currentKThread, kcall, registerConverter } from './_thread';
import { handlerName, signalHandlers } from '../kernel/vm-process';
import {
  NSIG, SIGINT, SIGKILL, SIGNAL_MEMBERS, SIGPIPE, SIGSTOP, SIGXFSZ, isValidSignal, strsignal, validSignals,
} from '../kernel/signal-table';
import { intArg } from './os';
import '../kernel/signals';

// ───────────────────────────── the enums ─────────────────────────────

/** The metaclass of the enums: iteration, len, `in`, [name], repr <enum 'Signals'>. */
const enumType = newBuiltinType('EnumType', [typeType], 'enum', { layout: 'type', baseable: false });

/** The enum's members live in its class namespace (plain VM data, so that fork copies
 * them consistently): _member_list_ (canonical members in order), _member_map_ (name ->
 * member, aliases included), _value2member_map_ (value -> member). A member's name is in
 * its own __dict__. */
interface EnumInfo {
  members: PyIntSubclass[];
  byName: PyDict;
  byValue: PyDict;
}

function makeEnum(name: string, entries: readonly [string, number][]): PyType {
  // not `builtin`: the VM's fast equality treats builtin types as unrelated to int
  const t = new PyType(name, [intType], { builtin: false, id: `signal.${name}`, module: 'signal', layout: 'int', baseable: false, metatype: enumType });
  const list = new PyList([]);
  const byName = new PyDict();
  const byValue = new PyDict();
  for (const [n, v] of entries) {
    let m = byValue.get(v) as PyIntSubclass | undefined;
    if (!m) {
      m = new PyIntSubclass(v, t);
      m.dict = new PyDict();
      m.dict.setStr('_name_', n);
      byValue.set(v, m);
      list.items.push(m);
    }
    byName.setStr(n, m);
    t.ns.set(n, m);
  }
  t.ns.set('_member_list_', list);
  t.ns.set('_member_map_', byName);
  t.ns.set('_value2member_map_', byValue);
  return t;
}

function enumOf(v: PyValue): EnumInfo {
  const list = v instanceof PyType ? v.ns.get('_member_list_') : undefined;
  if (!(list instanceof PyList)) throw pyErr(E.TypeError, 'not an enum');
  const t = v as PyType;
  return { members: list.items as PyIntSubclass[], byName: t.ns.get('_member_map_') as PyDict, byValue: t.ns.get('_value2member_map_') as PyDict };
}

function memberName(v: PyValue): string {
  const n = v instanceof PyIntSubclass ? v.dict?.getStr('_name_') : undefined;
  return typeof n === 'string' ? n : String(v instanceof PyIntSubclass ? v.value : v);
}

export const signalsType = makeEnum('Signals', SIGNAL_MEMBERS);
export const handlersType = makeEnum('Handlers', [['SIG_DFL', 0], ['SIG_IGN', 1]]);
export const sigmasksType = makeEnum('Sigmasks', [['SIG_BLOCK', 0], ['SIG_UNBLOCK', 1], ['SIG_SETMASK', 2]]);
const SIG_DFL = handlersType.ns.get('SIG_DFL')!;
const SIG_IGN = handlersType.ns.get('SIG_IGN')!;

defineMethods(enumType, {
  __iter__: (_c, a) => new PyListIterator(new PyList(enumOf(a[0]!).members.slice())),
  __len__: (_c, a) => enumOf(a[0]!).members.length,
  __contains__: (_c, a) => enumOf(a[0]!).members.includes(a[1] as PyIntSubclass),
  __getitem__: (_c, a) => {
    const m = typeof a[1] === 'string' ? enumOf(a[0]!).byName.getStr(a[1]) : undefined;
    if (!m) throw new PyException(newException(E.KeyError, a[1] ?? null));
    return m;
  },
  __repr__: (_c, a) => `<enum '${(a[0] as PyType).name}'>`,
});
defineGetters(enumType, {
  __members__: (_c, self) => {
    const d = new PyDict();
    enumOf(self).byName.forEach((n, m) => d.set(n, m));
    return d;
  },
});

for (const t of [signalsType, handlersType, sigmasksType]) {
  defineStaticMethods(t, {
    __new__(_c, a) {
      const cls = a[0] as PyType;
      const v = a[1];
      if (v instanceof PyIntSubclass && v.cls === cls) return v;
      const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v instanceof PyIntSubclass ? Number(v.value) : NaN;
      const m = Number.isNaN(n) ? undefined : enumOf(cls).byValue.get(n);
      if (!m) {
        const r = typeof v === 'string' ? `'${v}'` : String(v);
        throw pyErr(E.ValueError, `${r} is not a valid ${cls.name}`);
      }
      return m;
    },
  });
  defineMethods(t, {
    __repr__: (_c, a) => `<${(a[0] as PyIntSubclass).cls.name}.${memberName(a[0]!)}: ${String((a[0] as PyIntSubclass).value)}>`,
    __str__: (_c, a) => String((a[0] as PyIntSubclass).value),
    __reduce_ex__: (_c, a) => new PyTuple([(a[0] as PyIntSubclass).cls, new PyTuple([(a[0] as PyIntSubclass).value])]),
  });
  defineGetters(t, {
    name: (_c, self) => memberName(self),
    value: (_c, self) => (self as PyIntSubclass).value,
    _name_: (_c, self) => memberName(self),
    _value_: (_c, self) => (self as PyIntSubclass).value,
  });
}

/** A signal number as an enum member when it has one (CPython's _int_to_enum). */
function sigEnum(n: number): PyValue {
  return enumOf(signalsType).byValue.get(n) ?? n;
}

// ───────────────────────────── functions ─────────────────────────────

function fn(name: string, f: NativeFn) {
  return makeBuiltin(`signal.${name}`, name, f, 'function', null, 'signal');
}

function signum(v: PyValue | undefined): number {
  const n = intArg(v);
  if (n < 1 || n >= NSIG) throw pyErr(E.ValueError, 'signal number out of range');
  return n;
}

/** The handler CPython starts with for a signal. */
function initialHandler(n: number): PyValue {
  if (n === SIGINT) return defaultIntHandler;
  if (n === SIGPIPE || n === SIGXFSZ) return SIG_IGN;
  return SIG_DFL;
}

function currentHandler(vm: VM, n: number): PyValue {
  const h = signalHandlers(vm)[n];
  return h === undefined ? initialHandler(n) : h;
}

function handlerInt(h: PyValue): number | null {
  if (h instanceof PyIntSubclass) return Number(h.value);
  if (typeof h === 'number') return h;
  if (typeof h === 'boolean') return Number(h);
  return null;
}

export const defaultIntHandler: PyBuiltinFunction = fn('default_int_handler', () => {
  throw pyErr(E.KeyboardInterrupt);
});

registerConverter('signal.old', (_c, _v, st) => st.old as PyValue);

const signalFn = fn('signal', (ctx, args, kw) => {
  const a = parseArgs('signal', args, kw, { names: ['signalnum', 'handler'], posOnly: true });
  const n = signum(a.values[0]);
  const h = a.values[1]!;
  if (!currentKThread(ctx).main) throw pyErr(E.ValueError, 'signal only works in main thread of the main interpreter');
  const hi = handlerInt(h);
  if (hi !== null ? hi !== 0 && hi !== 1 : !isCallable(h)) {
    throw pyErr(E.TypeError, 'signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object');
  }
  if (n === SIGKILL || n === SIGSTOP || !isValidSignal(n)) throw osError(22, 'Invalid argument');
  const old = currentHandler(ctx.vm, n);
  const stored = hi === null ? h : hi === 0 ? SIG_DFL : SIG_IGN;
  signalHandlers(ctx.vm)[n] = stored;
  const disp = hi === null ? 'handler' : hi === 0 ? 'default' : 'ignore';
  return kcall('signal.setaction', { signum: n, disp, name: handlerName(h) }, 'signal.old', { old: handlerInt(old) !== null ? (handlerInt(old) === 0 ? SIG_DFL : SIG_IGN) : old });
});

const getsignal = fn('getsignal', (ctx, args, kw) => {
  const a = parseArgs('getsignal', args, kw, { names: ['signalnum'], posOnly: true });
  return currentHandler(ctx.vm, signum(a.values[0]));
});

function seconds(v: PyValue | undefined): number {
  if (v instanceof PyFloat) return v.value;
  return intArg(v);
}

registerConverter('signal.itimer', (_c, v) => new PyTuple((v as number[]).map((x) => new PyFloat(x))));

const functions: Record<string, PyValue> = {
  signal: signalFn,
  getsignal,
  default_int_handler: defaultIntHandler,
  alarm: fn('alarm', (_c, args, kw) => {
    const a = parseArgs('alarm', args, kw, { names: ['seconds'], posOnly: true });
    return new SyscallRequest('signal.alarm', { seconds: intArg(a.values[0]) });
  }),
  pause: fn('pause', (_c, args, kw) => {
    parseArgs('pause', args, kw, { names: [] });
    return new SyscallRequest('signal.pause', {});
  }),
  setitimer: fn('setitimer', (_c, args, kw) => {
    const a = parseArgs('setitimer', args, kw, { names: ['which', 'seconds', 'interval'], required: 2, posOnly: true });
    const which = intArg(a.values[0]);
    if (which < 0 || which > 2) throw osError(22, 'Invalid argument');
    return kcall('signal.setitimer', { which, seconds: seconds(a.values[1]), interval: a.values[2] === undefined ? 0 : seconds(a.values[2]) }, 'signal.itimer');
  }),
  getitimer: fn('getitimer', (_c, args, kw) => {
    const a = parseArgs('getitimer', args, kw, { names: ['which'], posOnly: true });
    return kcall('signal.getitimer', { which: intArg(a.values[0]) }, 'signal.itimer');
  }),
  raise_signal: fn('raise_signal', (ctx, args, kw) => {
    const a = parseArgs('raise_signal', args, kw, { names: ['signalnum'], posOnly: true });
    return new SyscallRequest('os.kill', { pid: Number(ctx.vm.ext.pid), sig: signum(a.values[0]), source: 'raise' });
  }),
  pthread_kill: fn('pthread_kill', (ctx, args, kw) => {
    const a = parseArgs('pthread_kill', args, kw, { names: ['thread_id', 'signalnum'], posOnly: true });
    return new SyscallRequest('os.kill', { pid: Number(ctx.vm.ext.pid), sig: intArg(a.values[1]), source: 'kill' });
  }),
  strsignal: fn('strsignal', (_c, args, kw) => {
    const a = parseArgs('strsignal', args, kw, { names: ['signalnum'], posOnly: true });
    return strsignal(signum(a.values[0]));
  }),
  valid_signals: fn('valid_signals', () => {
    const s = new PySet();
    for (const n of validSignals()) s.add(sigEnum(n));
    return s;
  }),
  pthread_sigmask: fn('pthread_sigmask', (_c, args, kw) => {
    parseArgs('pthread_sigmask', args, kw, { names: ['how', 'mask'], posOnly: true });
    return new PySet();
  }),
  siginterrupt: fn('siginterrupt', (_c, args, kw) => {
    const a = parseArgs('siginterrupt', args, kw, { names: ['signalnum', 'flag'], posOnly: true });
    signum(a.values[0]);
    return null;
  }),
  set_wakeup_fd: fn('set_wakeup_fd', () => -1),
};

registerConverter('signal.set', (_c, v) => {
  const s = new PySet();
  for (const n of v as number[]) s.add(sigEnum(n));
  return s;
});

export function initSignal(vm: VM): PyModule {
  const itimerError = new PyType('ItimerError', [E.OSError], { builtin: false, module: 'signal', layout: 'exception' });
  const attrs: Record<string, PyValue> = {
    ...functions,
    sigpending: fn('sigpending', () => kcall('signal.pending', {}, 'signal.set')),
    Signals: signalsType,
    Handlers: handlersType,
    Sigmasks: sigmasksType,
    SIG_DFL,
    SIG_IGN,
    NSIG,
    ITIMER_REAL: 0,
    ITIMER_VIRTUAL: 1,
    ITIMER_PROF: 2,
    ItimerError: itimerError,
  };
  for (const t of [signalsType, sigmasksType]) enumOf(t).byName.forEach((n, m) => { attrs[n as string] = m; });
  return newModule(vm, 'signal', attrs);
}
