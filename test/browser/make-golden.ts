/**
 * Records the golden traces the browser test and the README screenshots use: real runs of
 * the simulator on samples/, as JSONL (trace format v1) in test/browser/golden/.
 *   node --import tsx test/browser/make-golden.ts
 * A sample the simulator cannot run yet (or whose trace lacks what the test looks for) is
 * skipped with a message and the test keeps its synthetic fixture for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { initSim, runPy } from '../unit/kernel-py';
import { toJsonl } from '../../src/trace/jsonl';
import { validateTrace } from '../../src/trace/validate';
import type { TraceEvent } from '../../src/trace/format';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(__dirname, 'golden');

/** sample → what its trace must show to be useful as a golden trace */
export const GOLDEN: Record<string, (ev: TraceEvent[]) => string | undefined> = {
  dead_lock: (ev) => (ev.some((e) => e.kind === 'deadlock') ? undefined : 'no deadlock event'),
  alarm: (ev) => (ev.some((e) => e.kind === 'signal.deliver' && e.sig === 'SIGALRM') ? undefined : 'no SIGALRM delivery'),
  zombie: (ev) => (ev.some((e) => e.kind === 'process.fork') && ev.some((e) => e.kind === 'process.zombie') ? undefined : 'no fork + zombie'),
};

async function main(): Promise<void> {
  await initSim();
  fs.mkdirSync(OUT, { recursive: true });
  for (const [name, check] of Object.entries(GOLDEN)) {
    const file = `${name}.py`;
    let why: string | undefined;
    try {
      const r = runPy(fs.readFileSync(path.join(ROOT, 'samples', file), 'utf8'), { file, stdout: 'tty' });
      const invalid = validateTrace(r.events);
      why = invalid.length ? `invalid trace: ${invalid[0]}` : check(r.events) ?? (r.err.includes('Error') && name !== 'dead_lock' ? `stderr: ${r.err.split('\n').slice(-2).join(' ')}` : undefined);
      if (!why) {
        fs.writeFileSync(path.join(OUT, `${name}.jsonl`), toJsonl(r.events));
        console.log(`${name}: ${r.events.length} events, ${r.res.outcome} (exit ${r.res.exitCode})`);
        continue;
      }
    } catch (e) {
      why = e instanceof Error ? e.message : String(e);
    }
    console.log(`${name}: skipped (${why}); the browser test uses its synthetic fixture`);
  }
}

void main();
