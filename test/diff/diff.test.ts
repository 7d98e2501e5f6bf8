// Differential tests: each test/diff/NNN_*.py runs in the simulator and must match what
// CPython 3.11 printed (NNN_*.expected, made by scripts/gen-expected.mjs): stdout exactly,
// the exit code, and the last line of stderr. Each program runs twice and the two runs
// must be byte-identical (determinism). Set DIFF_ONLY=substring to run a subset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runProgram } from '../../src/sim/api';
import { initSim, folderReader } from '../support/sim';

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.env.DIFF_ONLY ?? '';
const programs = fs
  .readdirSync(dir)
  .filter((f) => /^\d+_.*\.py$/.test(f) && f.includes(only))
  .sort();

interface Expected {
  stdout: string;
  exitCode: number;
  stderrLastLine: string;
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length ? lines[lines.length - 1] : '';
}

test('there are differential programs', () => {
  assert.ok(programs.length >= (only ? 1 : 150), `found ${programs.length}`);
});

for (const file of programs) {
  test(`diff ${file}`, async () => {
    await initSim();
    const expectedPath = path.join(dir, file.replace(/\.py$/, '.expected'));
    const expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8')) as Expected;
    const stdinPath = path.join(dir, file.replace(/\.py$/, '.stdin'));
    const run = () =>
      runProgram({
        filename: file,
        source: fs.readFileSync(path.join(dir, file), 'utf8'),
        stdin: fs.existsSync(stdinPath) ? fs.readFileSync(stdinPath, 'utf8') : null,
        stdoutMode: 'pipe',
        readSource: folderReader(dir),
        maxSteps: 5_000_000,
      });
    const first = run();
    assert.notEqual(first.outcome, 'internal-error', first.stderr);
    assert.equal(first.stdout, expected.stdout, `stdout of ${file}\n--- stderr:\n${first.stderr}`);
    assert.equal(first.exitCode, expected.exitCode, `exit code of ${file}\n--- stderr:\n${first.stderr}`);
    assert.equal(lastLine(first.stderr), expected.stderrLastLine, `last stderr line of ${file}`);
    const second = run();
    assert.equal(second.stdout, first.stdout, 'second run differs (stdout)');
    assert.equal(second.stderr, first.stderr, 'second run differs (stderr)');
  });
}
