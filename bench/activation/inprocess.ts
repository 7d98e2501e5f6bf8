// In-process phases of the first CodeLens (no process start): read the wasm, initialise
// the parser, parse, compile, walk for lenses. Run by run.mjs: node --import tsx inprocess.ts FILE
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { initParser, parse } from '../../src/sim/syntax/parser';
import { readParserWasm } from '../../src/server/wasm';
import { buildLenses, findSites } from '../../src/server/lenses';
import { compileProblem } from '../../src/server/lsp';

async function main(): Promise<void> {
  const file = process.argv[2]!;
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  const bytes = readParserWasm(__dirname);
  const t1 = performance.now();
  await initParser(bytes);
  const t2 = performance.now();
  const first = parse(text, file);
  const t3 = performance.now();
  const reps = 20;
  for (let i = 0; i < reps; i++) parse(text, file);
  const t4 = performance.now();
  for (let i = 0; i < reps; i++) compileProblem(first.module, file);
  const t5 = performance.now();
  let n = 0;
  for (let i = 0; i < reps; i++) n = buildLenses('file:///x.py', findSites(first.module!)).length;
  const t6 = performance.now();
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  console.log(`in-process: read wasm ${ms(t1 - t0)}, parser init ${ms(t2 - t1)}, first parse ${ms(t3 - t2)}, warm parse ${ms((t4 - t3) / reps)}, compile ${ms((t5 - t4) / reps)}, lenses ${ms((t6 - t5) / reps)} (${n} lenses)`);
}

void main();
