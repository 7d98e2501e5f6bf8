// Builds a simulated machine for a compiled program: the VM for the main process, its
// main thread, and the loop that runs it. Hosts (CLI, tests, language server) give text
// and callbacks; nothing here touches the file system.
import type { CodeObject } from './compiler/code';
import type { TraceEvent } from '../trace/format';
import type { DeadlockReport, Outcome } from './api';
import { createVM } from './vm/setup';
import { loadMain, SimLimit, type VM, type VMHost } from './vm/vm';
import { runSteps } from './vm/interp';
import { exitStatusOf } from './vm/traceback';
import { MODULES } from './modules/index';
import { streamFlush } from './vm/stream';
import { compileSource } from './frontend';
import type { PyThreadState } from './vm/frame';

export interface SignalRequest {
  timeNs: number;
  signal: string;
  pid?: number;
}

export interface BootOptions {
  /** Name used in tracebacks and __file__ (the CLI passes the path as typed). */
  filename: string;
  displayPath?: string;
  source: string;
  argv?: string[];
  /** Standard input for input(); null: EOF at once. */
  stdin?: string | null;
  seed?: number;
  schedule?: string | null;
  switchMode?: 'cpython' | 'instruction';
  strategy?: 'cpython' | 'random' | 'replay' | 'manual';
  cores?: number;
  signals?: SignalRequest[];
  stdoutMode?: 'tty' | 'pipe';
  maxSteps?: number;
  /** Source of the user's module `name` from the script's folder, or null. */
  readSource?: (moduleName: string) => string | null;
}

export interface BootSinks {
  output(stream: 'stdout' | 'stderr', text: string, pid: number): void;
  event(e: TraceEvent): void;
}

export interface MachineRunResult {
  outcome: Exclude<Outcome, 'syntax-error' | 'unsupported' | 'internal-error'>;
  exitCode: number;
  deadlock?: DeadlockReport;
  schedule: string;
  steps: number;
  virtualTimeNs: number;
  /** Diagnostics the simulator adds on stderr (limits, deadlock reports). */
  extraStderr: string;
}

export interface BootedMachine {
  run(): MachineRunResult;
}

/** The host services a process's VM needs. */
export function makeHost(o: BootOptions, write: VMHost['write']): VMHost {
  const sourceLines = new Map<string, string[]>();
  sourceLines.set(o.filename, o.source.split(/\r?\n/));
  let stdin = o.stdin ?? null;
  return {
    write,
    readSource: (name) => o.readSource?.(name) ?? null,
    compileSource(source, filename) {
      sourceLines.set(filename, source.split(/\r?\n/));
      const r = compileSource(source, filename);
      if (r.ok) return r.code;
      const d = r.diagnostic;
      return { error: d.message, kind: d.kind, filename, line: d.loc.line, col: d.loc.col };
    },
    getSourceLine: (filename, line) => sourceLines.get(filename)?.[line - 1] ?? null,
    readLine() {
      if (stdin === null || stdin === '') return null;
      const nl = stdin.indexOf('\n');
      const line = nl < 0 ? stdin : stdin.slice(0, nl);
      stdin = nl < 0 ? '' : stdin.slice(nl + 1);
      return line;
    },
  };
}

export function createMainVM(code: CodeObject, o: BootOptions, write: VMHost['write']): { vm: VM; thread: PyThreadState } {
  const vm = createVM(
    { argv: o.argv ?? [o.displayPath ?? o.filename], stdout: o.stdoutMode ?? 'tty', modules: MODULES, mainFile: o.filename },
    makeHost(o, write),
  );
  const { thread } = loadMain(vm, code);
  return { vm, thread };
}

/**
 * Single-process, single-thread runner used until the kernel's VM engine is wired in: it
 * runs the main thread to the end and fails clearly on any kernel service.
 */
export function bootMachine(code: CodeObject, o: BootOptions, sinks: BootSinks): BootedMachine {
  const { vm, thread } = createMainVM(code, o, (stream, text) => sinks.output(stream, text, 1));
  const maxSteps = o.maxSteps ?? 50_000_000;
  return {
    run(): MachineRunResult {
      let steps = 0;
      const base = { schedule: '', virtualTimeNs: 0, extraStderr: '' };
      try {
        for (;;) {
          const before = thread.steps;
          const r = runSteps(vm, thread, Math.min(100_000, maxSteps - steps));
          steps += thread.steps - before;
          switch (r.kind) {
            case 'continue':
              if (steps >= maxSteps) {
                return { ...base, outcome: 'limit', exitCode: 124, steps, extraStderr: `threadline: stopped after ${steps} instructions (--max-steps)\n` };
              }
              continue;
            case 'finished':
              flushAtExit(vm);
              return { ...base, outcome: 'exit', exitCode: 0, steps };
            case 'died':
              flushAtExit(vm);
              return { ...base, outcome: 'exit', exitCode: exitStatusOf(r.exc), steps };
            case 'syscall':
              throw new Error(`kernel service '${r.request.name}' is not available in the single-thread runner`);
          }
        }
      } catch (e) {
        if (e instanceof SimLimit) return { ...base, outcome: 'limit', exitCode: 124, steps, extraStderr: `threadline: ${e.message}\n` };
        throw e;
      }
    },
  };
}

/** Interpreter shutdown flushes the standard streams (CPython's flush_std_files). */
function flushAtExit(vm: VM): void {
  streamFlush(vm, vm.stdout);
  streamFlush(vm, vm.stderr);
}
