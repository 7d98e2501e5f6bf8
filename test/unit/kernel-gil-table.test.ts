// The shape of the seeds' GIL timing table in virtual time (bench/gil prints the table):
// ten CPU-bound jobs take as long in ten threads as serially (the GIL lets one run at a
// time), ten sleeping jobs overlap in threads.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { initSim, runPy } from './kernel-py';
import { gilProgram, parseRows, DEFAULT_PARAMS } from '../../bench/gil/program';

before(() => initSim());

test('GIL table: CPU-bound threads ~ serial, IO-bound threads overlap (virtual time)', () => {
  const r = runPy(gilProgram({ ...DEFAULT_PARAMS, count: 4000, processes: false }), { file: 'gil_test.py' });
  assert.equal(r.res.outcome, 'exit', r.err);
  const rows = parseRows(r.out);
  const cpu = rows['thread cpu']! / rows['Line cpu']!;
  const io = rows['thread IO']! / rows['Line IO']!;
  assert.ok(cpu > 0.98 && cpu < 1.1, `thread cpu / Line cpu = ${cpu}`);
  assert.ok(io > 0.09 && io < 0.12, `thread IO / Line IO = ${io}`);
  // 10 x 5 sleeps of 50 ms: 2.5 s serially, one job's 0.25 s in threads
  assert.ok(Math.abs(rows['Line IO']! - 2.5) < 0.01);
});

test('GIL: CPU-bound threads longer than the switch interval take turns every 5 ms', () => {
  const src = gilProgram({ ...DEFAULT_PARAMS, jobs: 3, count: 40000, processes: false });
  const r = runPy(src, { file: 'gil_test.py' });
  const rows = parseRows(r.out);
  const ratio = rows['thread cpu']! / rows['Line cpu']!;
  assert.ok(ratio > 0.99 && ratio < 1.05, String(ratio));
  const drops = r.events.filter((e) => e.kind === 'gil.drop');
  assert.ok(drops.length >= 3, `gil.drop events: ${drops.length}`);
});
