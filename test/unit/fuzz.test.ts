// Robustness: mutants of the differential programs (test/diff/*.py with lines and tokens
// dropped, duplicated and swapped; bench/fuzz/mutate.ts) go through parse, compile and
// run with a small step limit. Whatever the mutant does, the simulator must answer with a
// Python-level outcome: never an internal error (exit 70), never a JS exception escaping
// runProgram, never a run that does not return (checked by a wall-clock watchdog in the
// worker pool). The campaign is seeded: the same mutants every run (FUZZ_SEED and
// FUZZ_COUNT change it). The larger run is bench/fuzz/run.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isProblem, signature, type MutantResult } from '../../bench/fuzz/campaign';
import { itemSeed, makeMutant, Prng, tokenize } from '../../bench/fuzz/mutate';
import { ddmin } from '../../bench/fuzz/minimize';
import { runCampaign } from '../../bench/fuzz/pool';

const COUNT = Number(process.env.FUZZ_COUNT ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20240101);

test('fuzz: the mutator is deterministic and mutates', () => {
  const seeds = ['x = 1\ny = x + 2\nprint(x, y)\n', 'def f(a):\n    return a * 2\nprint(f(3))\n'];
  for (let i = 0; i < 50; i++) {
    assert.deepEqual(makeMutant(seeds, 7, i), makeMutant(seeds, 7, i));
  }
  const changed = Array.from({ length: 50 }, (_, i) => makeMutant(seeds, 7, i)).filter((m) => !seeds.includes(m.source));
  assert.ok(changed.length > 40, `${changed.length} of 50 mutants differ from their seed`);
  assert.notEqual(itemSeed(1, 0), itemSeed(1, 1));
  const r = new Prng(3);
  const xs = Array.from({ length: 1000 }, () => r.int(10));
  assert.ok(xs.every((x) => x >= 0 && x < 10) && new Set(xs).size === 10);
  assert.deepEqual(tokenize("s = f'{a}' + \"b\"  # c\n").map((t) => t.text), ['s', ' ', '=', ' ', "f'{a}'", ' ', '+', ' ', '"b"', '  ', '# c', '\n']);
  assert.deepEqual(ddmin([1, 2, 3, 4, 5, 6, 7, 8], (xs) => xs.includes(3) && xs.includes(6), { left: 100 }), [3, 6]);
});

test(`fuzz: ${COUNT} mutants of test/diff never hit an internal error, an escaped exception or a hang`, { timeout: 600_000 }, async () => {
  const results: MutantResult[] = await runCampaign({ count: COUNT, seed: SEED, maxSteps: 20_000, workers: 2, hangMs: 20_000 });
  assert.equal(results.length, COUNT);
  const outcomes = new Map<string, number>();
  for (const r of results) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
  // the mutants reach the compiler and the VM, not just the parser
  assert.ok((outcomes.get('exit') ?? 0) > COUNT / 3, JSON.stringify([...outcomes]));
  const problems = results.filter((r) => isProblem(r.outcome));
  const report = problems.map((p) =>
    `mutant ${p.i} of ${p.seedProgram} (${p.mutations.join(' + ')}): ${p.outcome}: ${signature(p.detail)}\n${p.detail}\n--- program:\n${p.source}`);
  assert.deepEqual(report, [], `\n${report.join('\n\n')}\n(minimize with: node --import tsx bench/fuzz/run.ts --seed ${SEED} --count ${COUNT})`);
});
