// Runs a Python program through the whole pipeline (api.runProgram) for the process and
// signal tests, with the trace, and a few helpers to look at it.
import { runProgram, type RunResult } from '../../src/sim/api';
import type { SignalRequest } from '../../src/sim/boot';
import type { TraceEvent, TraceEventKind, EventOf } from '../../src/trace/format';
import { validateTrace } from '../../src/trace/validate';
import { initSim } from '../support/sim';

export { initSim };

export interface SimRun extends RunResult {
  trace: TraceEvent[];
  /** events of one kind */
  of<K extends TraceEventKind>(kind: K): EventOf<K>[];
  /** trace validation problems (empty when valid) */
  problems: string[];
}

export function sim(source: string, opts: { stdout?: 'tty' | 'pipe'; signals?: SignalRequest[]; argv?: string[]; maxSteps?: number; file?: string } = {}): SimRun {
  const file = opts.file ?? 'main.py';
  const r = runProgram({
    filename: file, source, stdoutMode: opts.stdout ?? 'pipe', collectTrace: true, argv: opts.argv ?? [file],
    maxSteps: opts.maxSteps ?? 5_000_000, ...(opts.signals ? { signals: opts.signals } : {}),
  });
  const trace = r.trace ?? [];
  return {
    ...r,
    trace,
    of: <K extends TraceEventKind>(kind: K) => trace.filter((e) => e.kind === kind) as EventOf<K>[],
    problems: validateTrace(trace),
  };
}

/** Python source from an indented template literal. */
export function py(s: string): string {
  const lines = s.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
