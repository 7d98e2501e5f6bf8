// Parse benchmark: time to parse + convert a generated 10,000-line Python file, warm.
//   node --import tsx bench/parse/parse.bench.ts [--old]
// Prints the median of several runs, split into tree-sitter's parse and the rest
// (error scan, CST mirror, CST → AST conversion, compile-time checks). With --old, also
// times the conversion run directly on web-tree-sitter's Nodes (the path before the CST
// mirror) in the same process, and checks both give the same AST. Never fails.
import { Language, Parser } from 'web-tree-sitter';
import { loadParserWasm } from '../../src/cli/wasm';
import { checkModule } from '../../src/sim/syntax/check';
import { convertModule } from '../../src/sim/syntax/convert';
import { mirrorTree } from '../../src/sim/syntax/cst';
import { initParser, parse, parserRawCursor } from '../../src/sim/syntax/parser';
import { tokenize } from '../../src/sim/syntax/tokenizer';
import { generate } from './generate';

const big = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? `${v}n` : v);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const wasm = loadParserWasm();
  await initParser(wasm);
  const src = generate(10_000);
  const raw = new Parser();
  raw.setLanguage(await Language.load(wasm.python));
  // Warm up.
  for (let k = 0; k < 3; k++) {
    parse(src, 'bench.py');
    raw.parse(src)?.delete();
  }
  const full: number[] = [];
  const fullCpu: number[] = [];
  const tsOnly: number[] = [];
  const tok: number[] = [];
  const conv: number[] = [];
  const mir: number[] = [];
  const chk: number[] = [];
  const old: number[] = [];
  const withOld = process.argv.includes('--old');
  const runs = 9;
  for (let k = 0; k < runs; k++) {
    const cpu0 = process.cpuUsage();
    let t = performance.now();
    const r = parse(src, 'bench.py');
    full.push(performance.now() - t);
    const cpu = process.cpuUsage(cpu0);
    fullCpu.push((cpu.user + cpu.system) / 1000);
    if (r.errors.length > 0) throw new Error(`benchmark source has errors: ${r.errors[0].message}`);
    t = performance.now();
    const tree = raw.parse(src)!;
    tsOnly.push(performance.now() - t);
    t = performance.now();
    tokenize(src, false);
    tok.push(performance.now() - t);
    t = performance.now();
    const cst = mirrorTree(tree, src, parserRawCursor());
    mir.push(performance.now() - t);
    t = performance.now();
    const { module } = convertModule(cst.root, src);
    conv.push(performance.now() - t);
    if (withOld) {
      t = performance.now();
      const before = convertModule(tree.rootNode, src);
      old.push(performance.now() - t);
      if (k === 0 && JSON.stringify(before, big) !== JSON.stringify({ module, errors: [], unsupported: [] }, big)) {
        throw new Error('the old and new conversions differ');
      }
    }
    t = performance.now();
    checkModule(module);
    chk.push(performance.now() - t);
    tree.delete();
  }
  const f = median(full);
  const ts = median(tsOnly);
  console.log(`parse+convert 10,000 lines (${(src.length / 1024).toFixed(0)} KiB), warm, median of ${runs}:`);
  console.log(`  total           ${f.toFixed(1)} ms  (CPU time ${median(fullCpu).toFixed(1)} ms)`);
  console.log(`  tree-sitter     ${ts.toFixed(1)} ms`);
  console.log(`  ours            ${(f - ts).toFixed(1)} ms, of which:`);
  console.log(`    tokenizer (line summaries)  ${median(tok).toFixed(1)} ms`);
  console.log(`    CST mirror (TreeCursor walk) ${median(mir).toFixed(1)} ms`);
  console.log(`    CST → AST conversion         ${median(conv).toFixed(1)} ms`);
  console.log(`    compile-time checks          ${median(chk).toFixed(1)} ms`);
  if (withOld) {
    // The whole parse() before the mirror: the same steps with the old conversion.
    const oldTotal = median(full) - median(mir) - median(conv) + median(old);
    console.log(`old path (conversion on web-tree-sitter Nodes), same run:`);
    console.log(`    CST → AST conversion         ${median(old).toFixed(1)} ms`);
    console.log(`    estimated parse() total      ${oldTotal.toFixed(1)} ms`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 0;
});
