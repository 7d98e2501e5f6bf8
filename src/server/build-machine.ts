// Builds the kernel machine behind an editor session: parse + compile the document, then
// boot the simulator under the `manual` strategy so the user picks who runs at each
// decision point. User modules next to the file are read from disk (the server may; the
// simulator itself never touches the file system).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSource } from '../sim/frontend';
import { startMachine } from '../sim/boot';
import { SessionError, type SimInput } from './session';
import type { MachineBuilder, MachineLike } from './kernel-session';

function folderOf(file: string): string | null {
  try {
    const p = file.startsWith('file:') ? fileURLToPath(file) : file;
    return path.isAbsolute(p) ? path.dirname(p) : null;
  } catch {
    return null;
  }
}

export const buildMachine: MachineBuilder = (input: SimInput, onEvent) => {
  const filename = input.file.startsWith('file:') ? path.basename(fileURLToPath(input.file)) : input.file;
  const fe = compileSource(input.source, filename);
  if (!fe.ok) {
    const d = fe.diagnostic;
    const where = `line ${d.loc.line}`;
    throw new SessionError(
      d.kind === 'syntax' ? `SyntaxError: ${d.message} (${where})` : `unsupported feature: ${d.message} (${where})`,
      d.kind,
    );
  }
  const dir = folderOf(input.file);
  const o = input.options;
  const vmm = startMachine(
    fe.code,
    {
      filename,
      source: input.source,
      strategy: 'manual',
      seed: o.seed ?? 0,
      cores: o.cores ?? 4,
      switchMode: o.switchMode ?? 'cpython',
      maxSteps: o.maxSteps ?? 5_000_000,
      stdoutMode: 'tty',
      ...(o.switchIntervalMs !== undefined ? { switchIntervalNs: Math.round(o.switchIntervalMs * 1e6) } : {}),
      readSource: (name) => {
        if (!dir) return null;
        try {
          return fs.readFileSync(path.join(dir, name.replace(/\./g, path.sep) + '.py'), 'utf8');
        } catch {
          return null;
        }
      },
    },
    { output: () => undefined, event: onEvent },
  );
  const machine: MachineLike = vmm.machine;
  return machine;
};
