// VM benchmark (issue 4): each program timed in the simulator and, when python3 exists,
// in CPython in the same run, printing the ratio and the geometric mean. Not a test.
//   node --import tsx bench/vm/run.mts [--runs N]
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const dir = path.dirname(new URL(import.meta.url).pathname);
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const programs = ['fib.py', 'loop.py', 'listdict.py', 'methods.py'];

function best(times: number[]): number {
  return Math.min(...times);
}

function timeSim(file: string): { ms: number; out: string } {
  const source = fs.readFileSync(path.join(dir, file), 'utf8');
  const times: number[] = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = runProgram({ filename: file, source, stdoutMode: 'pipe', maxSteps: 1e9 });
    times.push(performance.now() - t0);
    out = r.stdout + r.stderr;
  }
  return { ms: best(times), out };
}

function timePython(file: string): { ms: number; out: string } | null {
  const probe = spawnSync('python3', ['--version']);
  if (probe.status !== 0) return null;
  const times: number[] = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    // Time inside python so interpreter start-up is not counted.
    const code = `import time,sys,io\nsrc=open(${JSON.stringify(path.join(dir, file))}).read()\n` +
      `buf=io.StringIO();old=sys.stdout;sys.stdout=buf\nt=time.perf_counter();exec(compile(src,'b','exec'),{'__name__':'__main__'})\n` +
      `d=time.perf_counter()-t;sys.stdout=old;print(d*1000);print(buf.getvalue(),end='')`;
    const r = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
    const [first, ...rest] = r.stdout.split('\n');
    times.push(Number(first));
    out = rest.join('\n');
  }
  return { ms: best(times), out };
}

// Time the bundled simulator (what dist/cli.js runs).
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-bench-')), 'sim.cjs');
await build({
  entryPoints: [path.join(dir, 'entry.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning',
  define: { 'import.meta.url': '__metaUrl' }, banner: { js: "const __metaUrl = require('url').pathToFileURL(__filename).href;" },
});
const sim = createRequire(import.meta.url)(out) as typeof import('./entry');
const runProgram = sim.runProgram;
await sim.initParser(sim.loadParserWasm());
const ratios: number[] = [];
console.log(`program        sim ms   cpython ms   ratio`);
for (const p of programs) {
  const sim = timeSim(p);
  const py = timePython(p);
  const ratio = py ? sim.ms / py.ms : NaN;
  if (py && sim.out !== py.out) console.log(`  ! output differs for ${p}:\n    sim: ${JSON.stringify(sim.out)}\n    py:  ${JSON.stringify(py.out)}`);
  if (py) ratios.push(ratio);
  console.log(`${p.padEnd(13)} ${sim.ms.toFixed(1).padStart(7)}   ${py ? py.ms.toFixed(1).padStart(10) : '       n/a'}   ${py ? ratio.toFixed(2) + 'x' : ''}`);
}
if (ratios.length) {
  const geo = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
  console.log(`geometric mean ratio (simulator / CPython): ${geo.toFixed(2)}x`);
}
