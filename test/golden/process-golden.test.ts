// Golden traces of the process and signal programs (issue 6): fork/zombie/orphan from the
// lecture notes' samples, alarm + pause, and a pipe between parent and child. Byte for
// byte (JSONL, format v1); re-record with UPDATE_GOLDEN=1.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { initSim, runPy } from '../unit/kernel-py';
import { toJsonl } from '../../src/trace/jsonl';
import { validateTrace } from '../../src/trace/validate';

before(() => initSim());

const HERE = path.join('test', 'golden');
const CASES: { name: string; source: string; file: string; stdout: 'tty' | 'pipe'; out: string }[] = [
  { name: 'process-fork', source: 'samples/fork.py', file: 'fork.py', stdout: 'tty', out: 'event 1 (parent)\nevent 2 (grandchild)\n' },
  { name: 'process-zombie', source: 'samples/zombie.py', file: 'zombie.py', stdout: 'tty', out: 'parent 1000 does not wait; child 1001 is a zombie\nchild 1001 exits now\nparent exits; init reaps the zombie\n' },
  { name: 'process-orphan', source: 'samples/orphan.py', file: 'orphan.py', stdout: 'tty', out: 'parent 1000 exits first\nchild: my parent is 1000\nchild: parent gone, my parent is now 1\n' },
  { name: 'process-alarm', source: 'samples/alarm.py', file: 'alarm.py', stdout: 'tty', out: '0\n3\nalarm set, pausing\n' },
  { name: 'process-pipe', source: path.join(HERE, 'process-pipe.py'), file: 'process-pipe.py', stdout: 'pipe', out: "b'hello '\nb'through '\nb'the pipe'\n" },
];

for (const c of CASES) {
  test(`golden trace: ${c.name}`, () => {
    const r = runPy(fs.readFileSync(c.source, 'utf8'), { file: c.file, stdout: c.stdout });
    assert.equal(r.out, c.out);
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
