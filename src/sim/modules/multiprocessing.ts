// multiprocessing (issue 6), fork start method. The module itself is Python source
// (multiprocessing-py.ts: Process, Pool, Queue, Pipe/Connection, Value/Array wrappers,
// Lock/RLock/Semaphore/Event/Condition/Barrier, current_process...) run by the simulator
// on the primitives of `_mpsim` below:
//   - kernel objects shared between processes (share: fork keeps them, mp.create),
//   - queue put/get and connection send/recv that pickle values between processes'
//     heaps (multiprocessing-reduce.ts),
//   - shared memory Value/Array (multiprocessing-shm.ts),
//   - helpers for Process._bootstrap (flush, print_exc, registering children).
// A Python-source module is loaded by running its body to the end in a thread of its own
// (`execSourceModule`): module bodies only define things, they make no kernel calls.

import { parseArgs } from '../vm/args';
import { newFrame } from '../vm/call';
import { E, PyException, pyErr } from '../vm/exceptions';
import { GenMode, SyscallRequest, type CallContext, type NativeFn } from '../vm/frame';
import type { PyModule } from '../vm/function';
import { runSteps } from '../vm/interp';
import { PyBytes, PyFloat, PyTuple, type PyValue } from '../vm/objects';
import { streamFlush, streamWrite } from '../vm/stream';
import { formatExceptionPlain } from '../vm/traceback';
import { makeBuiltin } from '../vm/types';
import { newModule, newThreadState, type VM } from '../vm/vm';
import { kcall, kernelOf, kidOf, registerConverter, syncObject } from './_thread';
import { intArg } from './os';
import { fromPortable, portableSize, toPortable, type Portable } from './multiprocessing-reduce';
import { SHM_EXPORTS } from './multiprocessing-shm';
import { SYNC_EXPORTS } from './multiprocessing-sync';
import { MP_SOURCE } from './multiprocessing-py';
import '../kernel/ipc';
import { STDLIB_PREFIX } from '../kernel/vm-engine';

// ───────────────────────────── Python-source modules ─────────────────────────────

/** Runs `source` as module `name` now (its body must not block in the kernel). */
export function execSourceModule(vm: VM, name: string, source: string, filename: string): PyModule {
  const code = vm.host.compileSource(source, filename);
  if ('error' in code) throw new Error(`${filename}: ${code.error} (line ${String(code.line)})`);
  const m = newModule(vm, name);
  m.dict.setStr('__file__', filename);
  m.dict.setStr('__builtins__', vm.builtinsModule);
  vm.modules.setStr(name, m);
  const f = newFrame(code, m.dict, vm.builtins, m.dict, null);
  f.genMode = GenMode.CALL;
  const t = newThreadState(vm, f);
  t.hook = 'none';
  for (;;) {
    const r = runSteps(vm, t, 100_000);
    if (r.kind === 'finished') break;
    if (r.kind === 'died') {
      vm.modules.delStr(name);
      throw new PyException(r.exc);
    }
    if (r.kind === 'syscall') throw new Error(`${filename}: module body made the kernel call ${r.request.name}`);
  }
  return m;
}

// ───────────────────────────── _mpsim ─────────────────────────────

function fn(name: string, f: NativeFn) {
  return makeBuiltin(`_mpsim.${name}`, name, f, 'function', null, '_mpsim');
}

function timeoutArg(v: PyValue | undefined): number | null {
  if (v === undefined || v === null) return null;
  if (v instanceof PyFloat) return v.value;
  return intArg(v);
}

/** A short repr for the trace (no Python calls). */
function preview(p: Portable): string {
  const s = JSON.stringify(p);
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}

registerConverter('mp.unpickle', (ctx, v) => fromPortable(ctx.vm, v as Portable));
registerConverter('mp.recv', (ctx, v) => {
  const r = v as { eof?: boolean; obj?: Portable; bytes?: number[] };
  if (r.eof) throw pyErr(E.EOFError);
  if (r.bytes) return new PyBytes(r.bytes);
  return fromPortable(ctx.vm, r.obj ?? null);
});
registerConverter('mp.recv_bytes', (_ctx, v) => {
  const r = v as { eof?: boolean; obj?: Portable; bytes?: number[] };
  if (r.eof) throw pyErr(E.EOFError);
  if (r.bytes) return new PyBytes(r.bytes);
  throw pyErr(E.OSError, 'bad message length');
});
registerConverter('mp.tuple', (_c, v) => new PyTuple((v as number[]).slice()));

const FUNCS: Record<string, NativeFn> = {
  /** Makes a kernel object (a threading lock, semaphore, event...) shared by processes. */
  share(_ctx, args) {
    return new SyscallRequest('mp.share', { id: kidOf(args[0]!) });
  },
  /** A new shared kernel queue: its id. */
  queue_new(_ctx, args) {
    return new SyscallRequest('mp.create', { kind: 'queue', flavor: 'fifo', maxsize: intArg(args[0]) });
  },
  queue_put(_ctx, args, kw) {
    const a = parseArgs('queue_put', args, kw, { names: ['kid', 'obj', 'block', 'timeout', 'full'] });
    const item = toPortable(a.values[1]!);
    return new SyscallRequest('queue.put', { id: a.values[0], item, block: a.values[2] !== false, timeout: timeoutArg(a.values[3]), fullCls: a.values[4] });
  },
  queue_get(_ctx, args, kw) {
    const a = parseArgs('queue_get', args, kw, { names: ['kid', 'block', 'timeout', 'empty'] });
    return kcall('queue.get', { id: a.values[0], block: a.values[1] !== false, timeout: timeoutArg(a.values[2]), emptyCls: a.values[3] }, 'mp.unpickle');
  },
  queue_size(ctx, args) {
    const o = syncObject(ctx.vm, String(args[0]));
    return o.kind === 'queue' ? o.items.length : 0;
  },
  queue_task_done(_ctx, args) {
    return new SyscallRequest('queue.task_done', { id: args[0] });
  },
  queue_join(_ctx, args) {
    return new SyscallRequest('queue.join', { id: args[0] });
  },
  sem_value(ctx, args) {
    const o = syncObject(ctx.vm, kidOf(args[0]!));
    return o.kind === 'semaphore' ? o.value : 0;
  },
  /** Two ends of a message pipe: (read fd, write fd). */
  pipe() {
    return kcall('fd.pipe', { kind: 'connection' }, 'mp.tuple');
  },
  conn_send(_ctx, args) {
    const p = toPortable(args[1]!);
    return new SyscallRequest('fd.write', { fd: intArg(args[0]), obj: p, size: portableSize(p), preview: preview(p) });
  },
  conn_send_bytes(_ctx, args) {
    const b = args[1];
    if (!(b instanceof PyBytes)) throw pyErr(E.TypeError, 'a bytes-like object is required');
    return new SyscallRequest('fd.write', { fd: intArg(args[0]), data: Array.from(b.bytes) });
  },
  conn_recv(_ctx, args) {
    return kcall('fd.recv', { fd: intArg(args[0]) }, 'mp.recv');
  },
  conn_recv_bytes(_ctx, args) {
    return kcall('fd.recv', { fd: intArg(args[0]) }, 'mp.recv_bytes');
  },
  conn_poll(_ctx, args) {
    return new SyscallRequest('fd.poll', { fd: intArg(args[0]), timeout: timeoutArg(args[1]) });
  },
  close_fd(_ctx, args) {
    return new SyscallRequest('fd.close', { fd: intArg(args[0]) });
  },
  /** The parent records a started child (its exit handler joins/terminates it). */
  register_child(_ctx, args) {
    return new SyscallRequest('mp.child', { pid: intArg(args[0]), daemon: args[1] === true });
  },
  /** Waits up to `timeout` seconds for child `pid` to end (without reaping it). */
  wait_exit(_ctx, args) {
    return new SyscallRequest('mp.waitexit', { pid: intArg(args[0]), timeout: timeoutArg(args[1]) });
  },
  flush_std(ctx) {
    streamFlush(ctx.vm, ctx.vm.stdout);
    streamFlush(ctx.vm, ctx.vm.stderr);
    return null;
  },
  /** traceback.print_exc() for the exception being handled. */
  print_exc(ctx: CallContext) {
    const exc = ctx.thread.excInfo;
    if (exc) {
      streamWrite(ctx.vm, ctx.vm.stderr, formatExceptionPlain(ctx.vm, exc));
      streamFlush(ctx.vm, ctx.vm.stderr);
    }
    return null;
  },
  cpu_count(ctx) {
    return kernelOf(ctx.vm).s.opts.cores;
  },
};

export function initMpSim(vm: VM): PyModule {
  const attrs: Record<string, PyValue> = {};
  for (const [name, f] of Object.entries(FUNCS)) attrs[name] = fn(name, f);
  Object.assign(attrs, SHM_EXPORTS, SYNC_EXPORTS);
  return newModule(vm, '_mpsim', attrs);
}

export function initMultiprocessing(vm: VM): PyModule {
  return execSourceModule(vm, 'multiprocessing', MP_SOURCE, `${STDLIB_PREFIX}multiprocessing/__init__.py`);
}

/** `multiprocessing.pool`, `.process`, ...: the same names as the package. */
export function initMpSubmodule(sub: string): (vm: VM) => PyModule {
  return (vm) => {
    let pkg = vm.modules.getStr('multiprocessing') as PyModule | undefined;
    if (!pkg) pkg = initMultiprocessing(vm);
    const m = newModule(vm, `multiprocessing.${sub}`);
    pkg.dict.forEach((k, v) => {
      if (typeof k === 'string' && !k.startsWith('__')) m.dict.setStr(k, v);
    });
    return m;
  };
}
