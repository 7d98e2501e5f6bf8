// A MachineFactory for a Python program: compiles the source once, then boots a fresh
// VM and machine for every run, with the same options `threadline run` uses (so a
// reported schedule replays exactly with `threadline run --schedule S --switch MODE`).

import type { CodeObject } from '../compiler/code';
import { compileSource, type FrontendDiagnostic } from '../frontend';
import { startMachine, type BootOptions } from '../boot';
import { defaultOptions } from '../kernel/kernel';
import type { MachineFactory, MachineInstance, RunSpec } from './types';
import type { TraceEvent } from '../../trace/format';

const WAKE_LATENCY_NS = defaultOptions('').wakeLatencyNs;

export type ProgramOptions = Pick<BootOptions,
  'filename' | 'displayPath' | 'source' | 'argv' | 'stdin' | 'seed' | 'cores' | 'stdoutMode' | 'readSource'>;

export type FactoryResult =
  | { ok: true; factory: MachineFactory; code: CodeObject }
  | { ok: false; diagnostic: FrontendDiagnostic };

/** Compiles the program; on success, a factory of fresh machines running it. */
export function programFactory(o: ProgramOptions): FactoryResult {
  const fe = compileSource(o.source, o.filename);
  if (!fe.ok) return { ok: false, diagnostic: fe.diagnostic };
  const code = fe.code;
  const factory: MachineFactory = (spec: RunSpec, onEvent: (e: TraceEvent) => void): MachineInstance => {
    let stdout = '';
    let stderr = '';
    const boot: BootOptions = {
      ...o,
      strategy: spec.strategy,
      switchMode: spec.preemption,
      maxSteps: spec.maxSteps,
      schedule: spec.schedule ?? null,
    };
    const { machine } = startMachine(code, boot, {
      event: onEvent,
      output(stream, text) {
        if (stream === 'stdout') stdout += text;
        else stderr += text;
      },
    });
    // as in a normal run: under `manual` the kernel would otherwise hand a released lock
    // straight to its first waiter, and the schedules found would not replay with `run`
    machine.state.opts.wakeLatencyNs = WAKE_LATENCY_NS;
    return { machine, stdout: () => stdout, stderr: () => stderr };
  };
  return { ok: true, factory, code };
}
