// The larger fuzz run (not a test): N mutants of the test/diff programs through parse,
// compile and run, in worker threads with a hang watchdog. Prints counts by outcome and
// every internal error / escaped JS exception / timeout (a hang past the step limit), minimized.
//   node --import tsx bench/fuzz/run.ts [--count 5000] [--seed 1] [--workers 2]
//                                       [--max-steps 20000] [--hang-ms 20000] [--no-minimize]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { initSim } from '../../test/support/sim';
import { isProblem, loadCorpus, runSource, signature, type MutantResult } from './campaign';
import { minimizeProgram } from './minimize';
import { runCampaign } from './pool';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const count = arg('count', 5000);
const seed = arg('seed', 1);
const workers = arg('workers', Math.max(1, Math.min(4, os.availableParallelism?.() ?? 2)));
const maxSteps = arg('max-steps', 20_000);
const hangMs = arg('hang-ms', 20_000);
const minimize = !process.argv.includes('--no-minimize');

async function main(): Promise<void> {
  const t0 = performance.now();
  let done = 0;
  const results = await runCampaign({
    count, seed, maxSteps, workers, hangMs,
    onResult: (r) => {
      done++;
      if (done % 500 === 0) process.stderr.write(`  ${done}/${count} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
      if (isProblem(r.outcome)) process.stderr.write(`  ! mutant ${r.i} (${r.seedProgram}): ${r.outcome}: ${signature(r.detail)}\n`);
    },
  });
  const secs = (performance.now() - t0) / 1000;
  const byOutcome = new Map<string, number>();
  for (const r of results) byOutcome.set(r.outcome, (byOutcome.get(r.outcome) ?? 0) + 1);
  const corpus = loadCorpus();
  console.log(`fuzz: ${results.length} mutants of ${corpus.length} test/diff programs, seed ${seed}, max ${maxSteps} steps, ${workers} workers, ${secs.toFixed(1)} s`);
  for (const [k, v] of [...byOutcome].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(16)} ${v}`);
  const slow = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(`  slowest: ${slow.map((r) => `#${r.i} ${r.seedProgram} ${r.ms} ms (${r.outcome})`).join('; ')}`);

  const problems = results.filter((r) => isProblem(r.outcome));
  if (problems.length === 0) {
    console.log('no internal errors, escaped exceptions or timeouts');
    return;
  }
  // one report per distinct signature
  const bySig = new Map<string, MutantResult[]>();
  for (const p of problems) {
    const key = `${p.outcome}: ${signature(p.detail)}`;
    bySig.set(key, [...(bySig.get(key) ?? []), p]);
  }
  console.log(`\n${problems.length} problems, ${bySig.size} distinct:`);
  if (minimize) await initSim();
  for (const [key, ps] of bySig) {
    const p = ps[0]!;
    console.log(`\n=== ${key}  (${ps.length}x; first: mutant ${p.i} of ${p.seedProgram}, ${p.mutations.join(' + ')})`);
    console.log(p.detail);
    let src = p.source ?? '';
    if (minimize && p.outcome !== 'timeout') {
      const stdin = corpus.find((c) => c.name === p.seedProgram)?.stdin ?? null;
      const sig = signature(p.detail);
      src = minimizeProgram(src, (s) => {
        const r = runSource(s, stdin, { maxSteps });
        return r.outcome === p.outcome && signature(r.detail) === sig;
      });
      console.log('--- minimized program:');
    } else {
      console.log('--- program:');
    }
    console.log(src);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
