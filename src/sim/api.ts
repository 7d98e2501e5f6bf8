// The simulator's front door: source text + options → a finished run (output, exit code,
// outcome, trace). Used by the CLI, the tests and the benchmarks; the language server uses
// `startMachine` for sessions it steps itself. Nothing here touches the file system: the
// host passes source text and a reader for the user's other modules.
import type { TraceEvent, WaitEdge } from '../trace/format';
import { compileSource, formatSyntaxError, formatUnsupported, type FrontendDiagnostic } from './frontend';
import { disassemble } from './compiler/dis';
import { bootMachine, type BootOptions, type BootedMachine } from './boot';
import { SimUnsupported } from './vm/vm';

/** Exit codes of the command-line contract (design.md). */
export const EXIT = {
  syntax: 2,
  usage: 2,
  deadlock: 3,
  unsupported: 4,
  internal: 70,
} as const;

export type Outcome =
  | 'exit'
  | 'signal'
  | 'deadlock'
  | 'hang'
  | 'limit'
  | 'syntax-error'
  | 'unsupported'
  | 'internal-error';

export interface RunOptions extends BootOptions {
  /** Stream output as it becomes visible (after CPython-like buffering). */
  onOutput?: (stream: 'stdout' | 'stderr', text: string, pid: number) => void;
  /** Keep every trace event in the result. */
  collectTrace?: boolean;
  /** Receive every trace event as it is emitted. */
  onTrace?: (e: TraceEvent) => void;
}

export interface DeadlockReport {
  kind: 'deadlock' | 'hang';
  /** One line, e.g. "Thread-1 waits for lock_b held by Thread-2; Thread-2 waits for lock_a held by Thread-1". */
  summary: string;
  edges: WaitEdge[];
}

export interface RunResult {
  outcome: Outcome;
  exitCode: number;
  stdout: string;
  stderr: string;
  deadlock?: DeadlockReport;
  schedule: string;
  steps: number;
  virtualTimeNs: number;
  trace?: TraceEvent[];
}

function diagnosticResult(outcome: Outcome, exitCode: number, stderr: string): RunResult {
  return { outcome, exitCode, stdout: '', stderr, schedule: '', steps: 0, virtualTimeNs: 0 };
}

/** A front-end diagnostic as the CLI reports it: CPython's SyntaxError text (exit 2) or
 *  the unsupported-feature message (exit 4). */
function reportDiagnostic(d: FrontendDiagnostic, source: string, displayPath: string): RunResult {
  return d.kind === 'syntax'
    ? diagnosticResult('syntax-error', EXIT.syntax, formatSyntaxError(d, source, displayPath))
    : diagnosticResult('unsupported', EXIT.unsupported, formatUnsupported(d, displayPath));
}

/** Runs a program to its end. Never throws for anything the program does. */
export function runProgram(o: RunOptions): RunResult {
  const displayPath = o.displayPath ?? o.filename;
  const fe = compileSource(o.source, o.filename);
  if (!fe.ok) {
    const r = reportDiagnostic(fe.diagnostic, o.source, displayPath);
    o.onOutput?.('stderr', r.stderr, 0);
    return r;
  }
  let stdout = '';
  let stderr = '';
  const trace: TraceEvent[] | undefined = o.collectTrace ? [] : undefined;
  let booted: BootedMachine;
  try {
    booted = bootMachine(fe.code, o, {
      output(stream, text, pid) {
        if (stream === 'stdout') stdout += text;
        else stderr += text;
        o.onOutput?.(stream, text, pid);
      },
      event(e) {
        trace?.push(e);
        o.onTrace?.(e);
      },
    });
  } catch (e) {
    return internalError(e, stdout, stderr, o);
  }
  try {
    const r = booted.run();
    const result: RunResult = {
      outcome: r.outcome,
      exitCode: r.exitCode,
      stdout,
      stderr: stderr + r.extraStderr,
      schedule: r.schedule,
      steps: r.steps,
      virtualTimeNs: r.virtualTimeNs,
    };
    if (r.deadlock) result.deadlock = r.deadlock;
    if (trace) result.trace = trace;
    if (r.extraStderr) o.onOutput?.('stderr', r.extraStderr, 0);
    return result;
  } catch (e) {
    if (e instanceof SimUnsupported) {
      // Raised mid-run by a simulated module (e.g. open() for writing): exit 4, like a
      // feature the compiler rejects. The line is where the main thread stood.
      const line = booted.currentLine();
      const msg = `threadline: unsupported feature: ${e.feature}${e.detail ? ` (${e.detail})` : ''} (${displayPath}${line ? `, line ${line}` : ''})\n`;
      o.onOutput?.('stderr', msg, 0);
      return { ...diagnosticResult('unsupported', EXIT.unsupported, stderr + msg), stdout };
    }
    return internalError(e, stdout, stderr, o);
  }
}

function internalError(e: unknown, stdout: string, stderr: string, o: RunOptions): RunResult {
  const detail = e instanceof Error ? e.stack ?? e.message : String(e);
  const msg = `threadline: internal error (a bug in Threadline, please report it): ${detail}\n`;
  o.onOutput?.('stderr', msg, 0);
  return { ...diagnosticResult('internal-error', EXIT.internal, stderr + msg), stdout };
}

/** `threadline dis FILE`. */
export function compileForDis(source: string, filename: string): { ok: boolean; text: string; exitCode: number } {
  const fe = compileSource(source, filename);
  if (fe.ok) return { ok: true, text: disassemble(fe.code), exitCode: 0 };
  const r = reportDiagnostic(fe.diagnostic, source, filename);
  return { ok: false, text: r.stderr, exitCode: r.exitCode };
}

export { bootMachine };
export type { BootOptions, BootedMachine };
