// Golden traces: the kernel's trace for three programs, byte for byte (JSONL, format v1).
// Object and thread ids are stable (creation order), time is virtual, so any change here
// is a change of behaviour or of the format. Re-record with UPDATE_GOLDEN=1.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { initSim, runPy } from '../unit/kernel-py';
import { toJsonl } from '../../src/trace/jsonl';
import { validateTrace } from '../../src/trace/validate';

before(() => initSim());

const HERE = path.join('test', 'golden');
const CASES: { name: string; source: string; file: string }[] = [
  { name: 'thread_event', source: 'samples/thread_event.py', file: 'thread_event.py' },
  { name: 'dead_lock', source: 'samples/dead_lock.py', file: 'dead_lock.py' },
  { name: 'gil_two_threads', source: path.join(HERE, 'gil_two_threads.py'), file: 'gil_two_threads.py' },
];

for (const c of CASES) {
  test(`golden trace: ${c.name}`, () => {
    const r = runPy(fs.readFileSync(c.source, 'utf8'), { file: c.file, stdout: 'tty' });
    assert.deepEqual(validateTrace(r.events), []);
    const text = toJsonl(r.events);
    const golden = path.join(HERE, `${c.name}.jsonl`);
    if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(golden)) {
      fs.writeFileSync(golden, text);
      return;
    }
    const want = fs.readFileSync(golden, 'utf8');
    if (text !== want) {
      const a = text.split('\n');
      const b = want.split('\n');
      const i = a.findIndex((l, k) => l !== b[k]);
      assert.fail(`${c.name}: trace differs from ${golden} at line ${i + 1}:\n  got  ${a[i]}\n  want ${b[i]}\n(UPDATE_GOLDEN=1 re-records)`);
    }
  });
}
