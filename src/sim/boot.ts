// Builds a simulated machine for a compiled program: the VM for the main process, its
// main thread, and the loop that runs it. Hosts (CLI, tests, language server) give text
// and callbacks; nothing here touches the file system.
import type { CodeObject } from './compiler/code';
import type { TraceEvent } from '../trace/format';
import type { DeadlockReport, Outcome } from './api';
import type { VMHost } from './vm/vm';
import { startVmMachine, type VmMachine, type VmMachineOptions } from './kernel/vm-engine';
import { scheduleSignals } from './kernel/signals';
import { processTable } from './kernel/process';
import type { WaitEdge } from '../trace/format';
import { MODULES } from './modules/index';
import { stdlibSource } from './modules/py/index';
import { compileSource } from './frontend';

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
  /** `ps` table on stderr: never, at the end, or also at each fork and exit. */
  processTable?: 'none' | 'end' | 'verbose';
  /** sys.getswitchinterval() in virtual ns (default 5 ms). */
  switchIntervalNs?: number;
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
  /** The main thread's current line (for messages about a run that stopped early). */
  currentLine(): number | undefined;
}

/** The host services a process's VM needs (output goes through the kernel instead). */
export function makeHost(o: BootOptions): Omit<VMHost, 'write'> {
  const sourceLines = new Map<string, string[]>();
  sourceLines.set(o.filename, o.source.split(/\r?\n/));
  let stdin = o.stdin ?? null;
  return {
    // The script's folder comes first (like sys.path[0]), then the simulated standard
    // library modules written in Python (src/sim/modules/py).
    readSource: (name) => o.readSource?.(name) ?? stdlibSource(name),
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

/** Starts the machine for the script's process (also used by the language server's
 *  sessions, which step it themselves under the `manual` strategy). */
export function startMachine(code: CodeObject, o: BootOptions, sinks: BootSinks): VmMachine {
  const host = makeHost(o);
  const opts: VmMachineOptions = {
    file: o.filename,
    strategy: o.strategy ?? (o.schedule ? 'replay' : 'cpython'),
    preemption: o.switchMode ?? 'cpython',
    seed: o.seed ?? 0,
    cores: o.cores ?? 4,
    maxSteps: o.maxSteps ?? 50_000_000,
    stdout: o.stdoutMode ?? 'tty',
    vm: { argv: o.argv ?? [o.displayPath ?? o.filename], modules: MODULES, mainFile: o.filename },
    host,
  };
  if (o.schedule) opts.schedule = o.schedule;
  if (o.switchIntervalNs !== undefined) opts.switchIntervalNs = o.switchIntervalNs;
  const vmm = startVmMachine(code, opts, { output: sinks.output, event: sinks.event });
  // `random` without random.seed(): seeded from the run's seed (deterministic per --seed).
  vmm.vm.ext.seed = o.seed ?? 0;
  // External signals (`--signal T:SIG[:PID]`), as a terminal or `kill` would send them.
  if (o.signals && o.signals.length > 0) scheduleSignals(vmm.machine.k, o.signals);
  return vmm;
}

export function bootMachine(code: CodeObject, o: BootOptions, sinks: BootSinks): BootedMachine {
  let k: VmMachine['machine']['k'] | null = null;
  const verbose = o.processTable === 'verbose';
  const vmm = startMachine(code, o, {
    output: sinks.output,
    event(e) {
      sinks.event(e);
      // --ps --verbose: the table after each fork and exit, as `ps` would show it then.
      if (verbose && k && (e.kind === 'process.fork' || e.kind === 'process.zombie' || e.kind === 'process.reap')) {
        const what = e.kind === 'process.fork' ? `fork of ${e.child}` : e.kind === 'process.zombie' ? `${e.pid} became a zombie` : `${e.child} was reaped`;
        const t = `ps after ${what} (t=${(e.t / 1e6).toFixed(3)} ms):\n${processTable(k)}`;
        sinks.output('stderr', t, 0);
      }
    },
  });
  k = vmm.machine.k;
  return {
    currentLine() {
      return vmm.machine.threads().find((t) => t.main)?.loc?.line;
    },
    run(): MachineRunResult {
      const r = vmm.machine.run();
      const out: MachineRunResult = {
        outcome: r.outcome === 'error' ? 'exit' : r.outcome,
        exitCode: r.exitCode,
        schedule: r.schedule,
        steps: r.steps,
        virtualTimeNs: r.virtualTimeNs,
        extraStderr: '',
      };
      if (r.outcome === 'deadlock' && r.deadlock) out.deadlock = waitReport('deadlock', r.deadlock);
      else if (r.outcome === 'hang' && r.hang) out.deadlock = waitReport('hang', r.hang);
      if (out.deadlock) out.extraStderr = formatWaitReport(out.deadlock);
      if (r.outcome === 'limit') out.extraStderr += `threadline: stopped after ${r.steps} instructions (limit reached: --max-steps)\n`;
      if (o.processTable === 'end' || verbose) out.extraStderr += `ps at exit:\n${processTable(vmm.machine.k)}`;
      if (r.scheduleDiverged) out.extraStderr += `threadline: the replayed schedule does not fit this program: ${r.scheduleDiverged}\n`;
      return out;
    },
  };
}

function objectName(o: WaitEdge['waitsFor']): string {
  const base = o.name ?? o.id;
  return o.line !== undefined ? `${base} (created on line ${o.line})` : base;
}

function edgeText(e: WaitEdge, names: Map<string, string>): string {
  const who = e.threadName ?? e.thread;
  const holder = e.waitsFor.holder;
  const held = holder ? ` held by ${names.get(holder) ?? holder}` : '';
  const at = e.loc ? ` at line ${e.loc.line}` : '';
  return `${who} waits for ${e.waitsFor.kind} ${objectName(e.waitsFor)}${held}${at}`;
}

/** Thread id -> name, from the edges themselves (holders are named by id). */
function threadNames(edges: WaitEdge[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of edges) if (e.threadName) m.set(e.thread, e.threadName);
  return m;
}

export function waitReport(kind: 'deadlock' | 'hang', edges: WaitEdge[]): DeadlockReport {
  const names = threadNames(edges);
  return { kind, summary: edges.map((e) => edgeText(e, names)).join('; '), edges };
}

/** The report the CLI prints on stderr when a run ends in a deadlock or a hang. */
export function formatWaitReport(r: DeadlockReport): string {
  const title = r.kind === 'deadlock'
    ? `threadline: deadlock: a cycle of ${r.edges.length} waiting thread${r.edges.length === 1 ? '' : 's'}`
    : 'threadline: hang: no thread can ever run again';
  const names = threadNames(r.edges);
  const lines = r.edges.map((e) => {
    const holds = e.holds && e.holds.length ? ` (holds ${e.holds.map((h) => `${h.kind} ${h.name ?? h.id}`).join(', ')})` : '';
    return `  ${edgeText(e, names)}${holds}`;
  });
  return [title, ...lines].join('\n') + '\n';
}
