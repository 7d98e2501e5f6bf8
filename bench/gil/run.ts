// The seeds' GIL timing table, reproduced in virtual time by the simulator and, when
// python3 exists, measured in CPython side by side. Prints each row relative to its
// serial baseline ("Line cpu" / "Line IO"). Not a test (see test/unit/kernel-gil-table).
//   node --import tsx bench/gil/run.ts [--count N] [--jobs N] [--cores N] [--runs N]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { runProgram } from '../../src/sim/api';
import { initSim } from '../../test/support/sim';
import { DEFAULT_PARAMS, ROWS, SEEDS, gilProgram, parseRows, type Row } from './program';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

const base = (r: Row): Row => (r.endsWith('cpu') ? 'Line cpu' : 'Line IO');

function ratio(rows: Partial<Record<Row, number>>, r: Row): string {
  const v = rows[r];
  const b = rows[base(r)];
  return v === undefined || b === undefined || b === 0 ? '   n/a' : (v / b).toFixed(2).padStart(6);
}

function secs(v: number | undefined): string {
  return v === undefined ? '      n/a' : v.toFixed(4).padStart(9);
}

async function main(): Promise<void> {
  await initSim();
  const params = { ...DEFAULT_PARAMS, count: arg('--count', DEFAULT_PARAMS.count), jobs: arg('--jobs', DEFAULT_PARAMS.jobs) };
  const cores = arg('--cores', 4);
  let source = gilProgram(params);
  const t0 = performance.now();
  let r = runProgram({ filename: 'gil_test.py', source, stdoutMode: 'pipe', maxSteps: 1e9, cores });
  if (/No module named 'multiprocessing'/.test(r.stderr)) {
    source = gilProgram({ ...params, processes: false });
    r = runProgram({ filename: 'gil_test.py', source, stdoutMode: 'pipe', maxSteps: 1e9, cores });
  }
  const wall = performance.now() - t0;
  const sim = parseRows(r.stdout);
  let py: Partial<Record<Row, number>> | null = null;
  const probe = spawnSync('python3', ['--version']);
  if (probe.status === 0) {
    // best of --runs: the jobs are short and a busy machine adds noise
    for (let i = 0; i < arg('--runs', 3); i++) {
      const p = spawnSync('python3', ['-c', gilProgram(params)], { encoding: 'utf8', timeout: 600_000 });
      if (p.status !== 0) break;
      const rows = parseRows(p.stdout);
      py ??= {};
      for (const row of ROWS) {
        const v = rows[row];
        if (v !== undefined) py[row] = Math.min(py[row] ?? Infinity, v);
      }
    }
  }
  console.log(`GIL experiment: ${params.jobs} jobs; CPU job = count to ${params.count}; IO job = ${params.sleeps} x sleep(${params.sleep}); ${cores} virtual cores`);
  console.log(`simulator: ${r.steps} instructions in ${(wall / 1000).toFixed(1)} s real time (${r.outcome})`);
  console.log('');
  console.log('row           seeds (s)  ratio | simulator (virtual s)  ratio |' + (py ? ' CPython here (s)  ratio' : ''));
  for (const row of ROWS) {
    let line = `${row.padEnd(12)} ${secs(SEEDS[row])} ${ratio(SEEDS, row)} | ${secs(sim[row]).padStart(21)} ${ratio(sim, row)} |`;
    if (py) line += ` ${secs(py[row]).padStart(16)} ${ratio(py, row)}`;
    console.log(line);
  }
  console.log('');
  console.log('ratio = row / its serial baseline (Line cpu or Line IO). The seeds measured IO with file');
  console.log('reads and writes (CPU-heavy, hence ~1.0 in threads); this program sleeps, which releases');
  console.log('the GIL, so threads overlap. Expected shape: thread cpu ~ 1.0, thread IO << 1, Process cpu ~ 1/cores.');
}

void main();
