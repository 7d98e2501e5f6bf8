// The `threadline` command as a user runs it (dist/cli.js, built by `npm test` first):
// exit codes of the command-line contract, the deadlock report, --json and replay, --ps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the CLI bundle exists (npm test builds it first)', () => {
  assert.ok(fs.existsSync(cli), 'run `node esbuild.js` first');
});

test('dead_lock.py: exit 3 and a report naming both locks and both lines', () => {
  const r = run(['run', 'samples/dead_lock.py']);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /deadlock/);
  assert.match(r.stderr, /lock_a \(created on line 5\)/);
  assert.match(r.stderr, /lock_b \(created on line 6\)/);
  assert.match(r.stderr, /line 12/);
  assert.match(r.stderr, /line 21/);
});

test('a syntax error: exit 2 and CPython\'s message with a caret', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-cli-'));
  const file = path.join(dir, 'bad.py');
  fs.writeFileSync(file, 'if True\n    print(1)\n');
  const r = run(['run', file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /SyntaxError: expected ':'/);
  assert.match(r.stderr, /\^/);
});

test('usage errors exit 2', () => {
  assert.equal(run(['run']).code, 2);
  assert.equal(run(['run', 'samples/alarm.py', '--signal', '1s:NOPE']).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
});

test('--json reports the schedule, and --schedule replays the run exactly', () => {
  const first = run(['run', 'samples/thread_nolock.py', '--switch', 'instruction', '--seed', '7', '--json', '--max-steps', '400000']);
  const report = JSON.parse(first.stdout.trim().split('\n').pop()!);
  assert.equal(typeof report.schedule, 'string');
  assert.ok(report.schedule.length > 0);
  const again = run(['run', 'samples/thread_nolock.py', '--switch', 'instruction', '--schedule', report.schedule, '--json', '--max-steps', '400000']);
  const replay = JSON.parse(again.stdout.trim().split('\n').pop()!);
  assert.equal(replay.steps, report.steps);
  assert.equal(replay.virtualTimeNs, report.virtualTimeNs);
  assert.equal(replay.exitCode, report.exitCode);
});

test('--ps --verbose shows the zombie as ps does (STAT Z)', () => {
  const r = run(['run', 'samples/zombie.py', '--ps', '--verbose']);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /PID\s+PPID\s+STAT\s+CMD/);
  assert.match(r.stderr, /Z\+?\s+\[python3\] <defunct>/);
});
