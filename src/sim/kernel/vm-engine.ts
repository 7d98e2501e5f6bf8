// The Engine (engine.ts) over the real VM: runs PyThreadStates with runSteps, delivers
// syscall results, reads source locations and assignment targets from frames, and routes
// the VM's flushed output into the trace. Also: `startVmMachine`, which creates the VM
// for the script's process and boots a machine on it (used by the lead's boot/api glue,
// the tests and the benchmarks).

import type { CodeObject } from '../compiler/code';
import { Op } from '../compiler/opcodes';
import type { Loc } from '../../trace/format';
import { assertUnreachable } from '../util/assert';
import { E, PyBaseException, newException, osError } from '../vm/exceptions';
import type { AnyFrame, Frame, PyThreadState } from '../vm/frame';
import { resumeWith, resumeWithException, runSteps } from '../vm/interp';
import { PyFloat, PyTuple, PyType, type PyValue } from '../vm/objects';
import { lineOf } from '../vm/runtime';
import { createVM } from '../vm/setup';
import { streamFlush } from '../vm/stream';
import { exitStatusOf } from '../vm/traceback';
import { loadMain, SimLimit, type VM, type VMHost, type VMOptions } from '../vm/vm';
import type { Engine, EngineStop, RunLimits, RunResult, StoreTarget } from './engine';
import { bootProcess, createMachine, type Machine } from './kernel';
import type { K } from './threads';
import { emit, now } from './threads';
import type { KError, MachineOptions, MachineSinks, Resume } from './types';
import type { Continuation } from './proc-state';
import { forkVm, pendingOutput, pendingSyscall, runSignalHandlers } from './vm-process';

/** Instructions per runSteps call: output written inside a call is stamped with the
 * time at its start, so this bounds that error (~100 us). */
const CHUNK = 4096;
/** Typical instruction cost (ns), to size calls that must stop at a time horizon. */
const TYPICAL_COST = 30;

/** Where the simulated standard library's Python sources live (their frames are not the
 * user's: locations and object names come from the innermost frame of the user's code). */
export const STDLIB_PREFIX = '/usr/lib/python3.11/';

function topPyFrame(t: PyThreadState): Frame | null {
  let first: Frame | null = null;
  for (let f: AnyFrame | null = t.frame; f; f = f.back) {
    if (f.kind !== 'py') continue;
    if (!f.code.filename.startsWith(STDLIB_PREFIX)) return f;
    first ??= f;
  }
  return first;
}

export class VmEngine implements Engine {
  /** the thread inside run() (its output is attributed to it) */
  current: { vm: VM; thread: PyThreadState } | null = null;

  run(proc: unknown, thread: unknown, limits: RunLimits): RunResult {
    const vm = proc as VM;
    const t = thread as PyThreadState;
    const s0 = t.steps;
    const c0 = t.cost;
    let stop: EngineStop | null = null;
    this.current = { vm, thread: t };
    try {
      while (stop === null) {
        const left = limits.maxSteps - (t.steps - s0);
        if (left <= 0) {
          stop = { kind: 'limit' };
          break;
        }
        let budget = Math.min(left, CHUNK);
        if (limits.maxCost !== Infinity) budget = Math.min(budget, Math.max(1, Math.ceil((limits.maxCost - (t.cost - c0)) / TYPICAL_COST)));
        const r = runSteps(vm, t, budget, limits.stopAtBreaker);
        switch (r.kind) {
          case 'continue':
            if (r.breaker && limits.stopAtBreaker) stop = { kind: 'breaker' };
            else if (t.cost - c0 >= limits.maxCost) stop = { kind: 'limit' };
            break;
          case 'syscall':
            stop = { kind: 'syscall', name: r.request.name, payload: r.request.payload };
            break;
          case 'finished':
            stop = { kind: 'finished' };
            break;
          case 'died':
            stop = { kind: 'died', excType: r.exc.cls.name };
            break;
          default:
            assertUnreachable(r);
        }
      }
    } catch (e) {
      if (!(e instanceof SimLimit)) throw e;
      stop = { kind: 'abort', message: e.message };
    } finally {
      this.current = null;
    }
    return { stop, steps: t.steps - s0, cost: t.cost - c0 };
  }

  resume(proc: unknown, thread: unknown, r: Resume): void {
    const vm = proc as VM;
    const t = thread as PyThreadState;
    if (t.status !== 'syscall') return;
    if (r.kind === 'value') {
      // JS numbers from the kernel that are not integers are Python floats
      const v = typeof r.value === 'number' && !Number.isInteger(r.value) ? new PyFloat(r.value) : (r.value as PyValue);
      resumeWith(vm, t, v);
    }
    else resumeWithException(vm, t, toException(r.error));
  }

  loc(proc: unknown, thread: unknown): Loc | undefined {
    const f = topPyFrame(thread as PyThreadState);
    if (!f) return undefined;
    return { file: f.code.filename, line: lineOf(f) };
  }

  storeTarget(_proc: unknown, thread: unknown): StoreTarget {
    const f = topPyFrame(thread as PyThreadState);
    if (!f) return {};
    const out: StoreTarget = { line: lineOf(f) };
    const code = f.code;
    const op = code.ops[f.ip];
    const arg = code.args[f.ip] ?? 0;
    switch (op) {
      case Op.STORE_NAME:
      case Op.STORE_GLOBAL:
      case Op.STORE_ATTR:
        out.name = code.names[arg];
        break;
      case Op.STORE_FAST:
        out.name = code.varnames[arg];
        break;
      case Op.STORE_DEREF:
        out.name = [...code.cellvars, ...code.freevars][arg];
        break;
      default:
        break;
    }
    if (out.name === undefined) delete out.name;
    return out;
  }

  uncaught(_proc: unknown, thread: unknown): { status: number; stderr: string } {
    // The VM printed the traceback itself (thread.hook 'print'; threading's bootstrap
    // wrote "Exception in thread ...:" first).
    const t = thread as PyThreadState;
    return { status: t.uncaught ? exitStatusOf(t.uncaught) : 1, stderr: '' };
  }

  bindThread(_proc: unknown, thread: unknown, tid: string): void {
    (thread as PyThreadState).ext.tid = tid;
  }

  processExit(proc: unknown): void {
    const vm = proc as VM;
    streamFlush(vm, vm.stdout);
    streamFlush(vm, vm.stderr);
  }

  // ── issue 6: processes and signals (vm-process.ts) ──

  fork(proc: unknown, thread: unknown, pid: number, extra: unknown[], rename: Record<string, string>): { proc: unknown; thread: unknown; extra: unknown[] } {
    const vm = proc as VM;
    const c = forkVm(vm, thread as PyThreadState, extra, rename);
    // the child's output is its own (its pid in the trace)
    const host = vm.host as VMHost & { kernel: K };
    c.vm.host = { ...host, write: (stream: 'stdout' | 'stderr', text: string) => vmWrite(host.kernel, this, pid, stream, text) };
    c.vm.ext.pid = pid;
    return { proc: c.vm, thread: c.thread, extra: c.extra };
  }

  pendingOutput(proc: unknown, discard: boolean): { stdout: string; stderr: string } {
    return pendingOutput(proc as VM, discard);
  }

  runSignalHandlers(proc: unknown, thread: unknown, signums: number[], cont: Continuation | null): void {
    runSignalHandlers(proc as VM, thread as PyThreadState, signums, cont);
  }

  pendingSyscall(thread: unknown): { name: string; payload: Record<string, unknown> } | null {
    return pendingSyscall(thread as PyThreadState);
  }

  lessThan(a: unknown, b: unknown): boolean | undefined {
    return lessFast(a as PyValue, b as PyValue);
  }
}

/** The kernel's error as a Python exception instance. */
export function toException(e: KError): PyBaseException {
  const cls = e.cls instanceof PyType ? e.cls : ((E as Record<string, PyType>)[e.type] ?? E.RuntimeError);
  // issue 6: OSError(errno, strerror) with its errno/strerror attributes ("[Errno 10] ...")
  if (cls.mro.includes(E.OSError) && e.args && typeof e.args[0] === 'number' && typeof e.args[1] === 'string') {
    return osError(e.args[0], e.args[1], cls).exc;
  }
  const args: PyValue[] = [];
  if (e.args) args.push(...(e.args as PyValue[]));
  else if (e.message !== undefined) args.push(e.message);
  return newException(cls, ...args);
}

function num(v: PyValue): number | bigint | undefined {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.value;
  return undefined;
}

/** a < b for numbers, strings and tuples of them, without calling Python. */
export function lessFast(a: PyValue, b: PyValue): boolean | undefined {
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return x < y;
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  if (a instanceof PyTuple && b instanceof PyTuple) {
    const n = Math.min(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) {
      const p = a.items[i]!;
      const q = b.items[i]!;
      const lt = lessFast(p, q);
      if (lt === undefined) return undefined;
      if (lt) return true;
      if (lessFast(q, p)) return false;
    }
    return a.items.length < b.items.length;
  }
  return undefined;
}

// ───────────────────────────── booting ─────────────────────────────

export interface VmMachineOptions extends Partial<MachineOptions> {
  file: string;
  vm?: Omit<VMOptions, 'stdout'>;
  /** the host functions the VM needs besides output (source of user modules, compiler) */
  host: Omit<VMHost, 'write'>;
}

export interface VmMachine {
  machine: Machine;
  vm: VM;
  engine: VmEngine;
}

/** VM output (already buffered by sys.stdout) becomes visible: trace it and pass it on. */
function vmWrite(k: K, engine: VmEngine, pid: number, stream: 'stdout' | 'stderr', text: string): void {
  if (text === '') return;
  const cur = engine.current ? k.s.threads[(engine.current.thread.ext.tid as string) ?? ''] : undefined;
  const tid = cur?.tid;
  if (tid) emit(k, { t: now(k), kind: 'io.write', pid, tid, stream, text });
  const e = { t: now(k), kind: 'io.flush' as const, pid, stream, text, reason: 'newline' as const, ...(tid ? { tid } : {}) };
  emit(k, e);
  k.sinks.output?.(stream, text, pid);
}

/** Creates the VM for `code` (the compiled script) and a machine running it. */
export function startVmMachine(code: CodeObject, opts: VmMachineOptions, sinks: MachineSinks = {}): VmMachine {
  const engine = new VmEngine();
  const { vm: vmOpts, host, ...mopts } = opts;
  const machine = createMachine(mopts, engine, sinks);
  const pid = machine.state.opts.mainPid;
  const fullHost: VMHost & { kernel: K } = {
    ...host,
    write: (stream, text) => vmWrite(machine.k, engine, pid, stream, text),
    // modules (threading, queue, time) read kernel state through the host
    kernel: machine.k,
  };
  const vm = createVM({ ...(vmOpts ?? {}), stdout: machine.state.opts.stdout }, fullHost);
  vm.ext.pid = pid;
  const { thread } = loadMain(vm, code);
  bootProcess(machine, vm, thread);
  return { machine, vm, engine };
}
