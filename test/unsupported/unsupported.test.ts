// Valid Python the simulator does not run must stop with exit code 4 and a message naming
// the feature and its line (never a crash). Each file's first line says which feature.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runProgram, EXIT } from '../../src/sim/api';
import { initSim } from '../support/sim';

const dir = import.meta.dirname;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) {
  test(`unsupported ${file}`, async () => {
    await initSim();
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const feature = /^# unsupported: (.+)$/m.exec(source)?.[1];
    assert.ok(feature, 'the file names its feature on its first line');
    const r = runProgram({ filename: file, source });
    assert.equal(r.outcome, 'unsupported');
    assert.equal(r.exitCode, EXIT.unsupported);
    const escaped = feature.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(r.stderr, new RegExp(`unsupported feature: ${escaped}.*line \\d+`));
  });
}
