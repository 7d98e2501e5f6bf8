// Runs Python source through parse + compile + the VM inside the kernel machine, for the
// kernel's end-to-end tests (threading, queue, time, deadlocks, traces).
import { initSim } from '../support/sim';
import { compileSource } from '../../src/sim/frontend';
import { MODULES } from '../../src/sim/modules/index';
import { startVmMachine } from '../../src/sim/kernel/vm-engine';
import type { RunResult } from '../../src/sim/kernel/kernel';
import type { MachineOptions } from '../../src/sim/kernel/types';
import type { TraceEvent } from '../../src/trace/format';

export { initSim };

export interface PyRun {
  res: RunResult;
  out: string;
  err: string;
  events: TraceEvent[];
}

export function runPy(source: string, opts: Partial<MachineOptions> & { file?: string } = {}): PyRun {
  const file = opts.file ?? 'main.py';
  const fe = compileSource(source, file);
  if (!fe.ok) throw new Error(`${fe.diagnostic.kind}: ${fe.diagnostic.message} at line ${fe.diagnostic.loc.line}`);
  const lines = source.split(/\r?\n/);
  const events: TraceEvent[] = [];
  const r = { out: '', err: '' };
  const { machine } = startVmMachine(fe.code, {
    stdout: 'pipe',
    ...opts,
    file,
    vm: { argv: [file], modules: MODULES, mainFile: file },
    host: {
      readSource: () => null,
      compileSource: (s, f) => {
        const c = compileSource(s, f);
        return c.ok ? c.code : { error: c.diagnostic.message, kind: c.diagnostic.kind };
      },
      getSourceLine: (_f, n) => lines[n - 1] ?? null,
    },
  }, {
    event: (e) => events.push(e),
    output: (stream, text) => {
      if (stream === 'stdout') r.out += text;
      else r.err += text;
    },
  });
  const res = machine.run();
  return { res, out: r.out, err: r.err, events };
}
