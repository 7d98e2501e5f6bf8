// The VM: one simulated Python process — builtins, sys.modules, standard streams, limits.
// Everything except `host` and `registry` (transient, re-attached after a restore) is
// plain data reachable from the VM object; threads (PyThreadState) point into it.

import type { CodeObject } from '../compiler/code';
import { PyValue } from './objects';
import { PyDict } from './dict';
import { PyModule } from './function';
import { E, PyBaseException, newException } from './exceptions';
import { GenMode, type Frame, type PyThreadState } from './frame';
import { newFrame } from './call';
import { PyTextIO, PyStdin } from './stream';
import { registerClass } from './types';

export interface VMHost {
  /** Receives flushed output (the kernel attributes it to a process/thread). */
  write(stream: 'stdout' | 'stderr', text: string): void;
  /** Source of the user's module `name` (a .py file next to the main script), or null. */
  readSource(moduleName: string): string | null;
  /** Parses and compiles; the lead wires parser + compiler here. */
  compileSource(source: string, filename: string): CodeObject | CompileFailure;
  /** A source line for tracebacks (1-based), or null. */
  getSourceLine(filename: string, line: number): string | null;
  /** Next line of standard input for input() (without the newline), or null at EOF. */
  readLine?(): string | null;
}

export interface CompileFailure {
  error: string;
  /** 'syntax' raises SyntaxError at import; 'unsupported' too, with the message. */
  kind: 'syntax' | 'unsupported';
  filename?: string;
  line?: number;
  col?: number;
}

/** name -> module initializer. See src/sim/modules/index.ts. */
export type ModuleInit = (vm: VM) => PyModule;
export type ModuleRegistry = Record<string, ModuleInit>;

export interface VMOptions {
  /** sys.argv (argv[0] is the script name). */
  argv?: string[];
  /** 'tty': stdout line-buffered; 'pipe': 8 KiB block-buffered. */
  stdout?: 'tty' | 'pipe';
  recursionLimit?: number;
  /** Simulated modules available to `import`. */
  modules?: ModuleRegistry;
  /** Total output bytes before the run is stopped (SimLimit). */
  outputCap?: number;
  /** Filename used for the main module's code objects. */
  mainFile?: string;
}

/** A feature the simulator does not support was used (not a Python exception): thrown
 *  out of step/runSteps; the CLI exits 4 naming `feature` and the thread's current line. */
export class SimUnsupported {
  constructor(readonly feature: string, readonly detail: string = '') {}
}

/** A run limit was hit (not a Python exception): thrown out of step/runSteps. */
export class SimLimit {
  constructor(readonly kind: 'output' | 'steps', readonly message: string) {}
}

export class VM {
  builtins: PyDict = new PyDict();
  builtinsModule: PyModule;
  /** sys.modules */
  modules: PyDict = new PyDict();
  stdout: PyTextIO;
  stderr: PyTextIO;
  stdin: PyStdin;
  recursionLimit: number;
  switchInterval = 0.005;
  argv: string[];
  outputBytes = 0;
  outputCap: number;
  nextThreadId = 1;
  /** Every thread state created in this VM (roots for the generator finalizer). */
  threads: PyThreadState[] = [];
  /** Kernel bookkeeping for this process (pid, ...). */
  ext: Record<string, unknown> = {};
  /** Filename of the main script (tracebacks, __file__). */
  mainFile: string;
  /** Transient: re-attached after deserialize. */
  host: VMHost;
  registry: ModuleRegistry;

  constructor(options: VMOptions, host: VMHost) {
    this.host = host;
    this.registry = options.modules ?? {};
    this.recursionLimit = options.recursionLimit ?? 1000;
    this.argv = options.argv ?? [options.mainFile ?? 'main.py'];
    this.mainFile = options.mainFile ?? this.argv[0] ?? 'main.py';
    this.outputCap = options.outputCap ?? 16 * 1024 * 1024;
    const tty = (options.stdout ?? 'tty') === 'tty';
    this.stdout = new PyTextIO('stdout', tty, 1, tty);
    this.stderr = new PyTextIO('stderr', true, 2, tty);
    this.stdin = new PyStdin();
    this.builtinsModule = new PyModule('builtins', this.builtins);
  }

  /** Hands flushed text to the host, enforcing the output cap. */
  emit(stream: 'stdout' | 'stderr', text: string): void {
    this.outputBytes += text.length;
    if (this.outputBytes > this.outputCap) {
      throw new SimLimit('output', `output limit exceeded (${this.outputCap} bytes)`);
    }
    this.host.write(stream, text);
  }
}
registerClass('VM', VM);

/** Fields of VM that snapshots do not copy or serialize (re-attached by the caller). */
export const VM_TRANSIENT = ['host', 'registry'] as const;

export function newThreadState(vm: VM, frame: Frame | null): PyThreadState {
  const t: PyThreadState = {
    id: vm.nextThreadId++,
    frame,
    depth: frame ? 1 : 0,
    excInfo: null,
    status: 'runnable',
    syscall: null,
    result: null,
    uncaught: null,
    dying: null,
    hook: 'print',
    cost: 0,
    steps: 0,
    reprActive: [],
    ext: {},
  };
  vm.threads = vm.threads.filter((x) => x.status !== 'finished' && x.status !== 'died');
  vm.threads.push(t);
  return t;
}

/** Creates a module object with a fresh dict holding `attrs`. */
export function newModule(vm: VM, name: string, attrs: Record<string, PyValue> = {}): PyModule {
  const d = new PyDict();
  d.setStr('__name__', name);
  d.setStr('__doc__', null);
  d.setStr('__package__', '');
  for (const [k, v] of Object.entries(attrs)) d.setStr(k, v);
  void vm;
  return new PyModule(name, d);
}

/** Creates `__main__` from a compiled module and a thread ready to run it. */
export function loadMain(vm: VM, code: CodeObject, name = '__main__'): { module: PyModule; thread: PyThreadState } {
  const module = newModule(vm, name);
  module.dict.setStr('__file__', code.filename);
  module.dict.setStr('__builtins__', vm.builtinsModule);
  vm.modules.setStr(name, module);
  const f = newFrame(code, module.dict, vm.builtins, module.dict, null);
  f.genMode = GenMode.CALL;
  return { module, thread: newThreadState(vm, f) };
}

export function systemExitCode(exc: PyBaseException): PyValue {
  const a = exc.args.items;
  return a.length === 0 ? null : a.length === 1 ? a[0]! : exc.args;
}

export { newException, E };
