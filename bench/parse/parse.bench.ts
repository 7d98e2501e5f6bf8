// Parse benchmark: time to parse + convert a generated 10,000-line Python file, warm.
//   node --import tsx bench/parse/parse.bench.ts
// Prints the median of several runs, split into tree-sitter's parse and the rest
// (error scan, CST → AST conversion, compile-time checks). Never fails.
import { Language, Parser } from 'web-tree-sitter';
import { loadParserWasm } from '../../src/cli/wasm';
import { checkModule } from '../../src/sim/syntax/check';
import { convertModule } from '../../src/sim/syntax/convert';
import { initParser, parse } from '../../src/sim/syntax/parser';
import { tokenize } from '../../src/sim/syntax/tokenizer';

function generate(lines: number): string {
  const out: string[] = ['import threading', 'from collections import deque', ''];
  let i = 0;
  while (out.length < lines) {
    out.push(
      `class Worker${i}(threading.Thread):`,
      `    """Worker number ${i}."""`,
      `    def __init__(self, q, n=${i}, *args, **kw):`,
      `        super().__init__(*args, **kw)`,
      `        self.q, self.n = q, n`,
      `        self.items = [x * 2 for x in range(n) if x % 3 == 0]`,
      `    def run(self):`,
      `        total = 0`,
      `        for k, v in enumerate(self.items):`,
      `            if v > 10 and k % 2 or not v:`,
      `                total += v ** 2 - (k << 1)`,
      `            elif v == 0:`,
      `                continue`,
      `            else:`,
      `                total -= 1`,
      `        try:`,
      `            self.q.put({"n": self.n, "total": total, **self.__dict__})`,
      `        except (ValueError, KeyError) as e:`,
      `            print(f"worker {self.n}: {e!r:>20}", file=None)`,
      `        finally:`,
      `            pass`,
      `        return lambda a, b=1: a[1:2, ::3] if a else b`,
      '',
    );
    i++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}

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
  const tsOnly: number[] = [];
  const tok: number[] = [];
  const conv: number[] = [];
  const chk: number[] = [];
  for (let k = 0; k < 7; k++) {
    let t = performance.now();
    const r = parse(src, 'bench.py');
    full.push(performance.now() - t);
    if (r.errors.length > 0) throw new Error(`benchmark source has errors: ${r.errors[0].message}`);
    t = performance.now();
    const tree = raw.parse(src)!;
    tsOnly.push(performance.now() - t);
    t = performance.now();
    tokenize(src, false);
    tok.push(performance.now() - t);
    t = performance.now();
    const { module } = convertModule(tree.rootNode, src);
    conv.push(performance.now() - t);
    t = performance.now();
    checkModule(module);
    chk.push(performance.now() - t);
    tree.delete();
  }
  const f = median(full);
  const ts = median(tsOnly);
  console.log(`parse+convert 10,000 lines (${(src.length / 1024).toFixed(0)} KiB), warm, median of 7:`);
  console.log(`  total           ${f.toFixed(1)} ms`);
  console.log(`  tree-sitter     ${ts.toFixed(1)} ms`);
  console.log(`  ours            ${(f - ts).toFixed(1)} ms, of which:`);
  console.log(`    tokenizer (line summaries)  ${median(tok).toFixed(1)} ms`);
  console.log(`    CST → AST conversion         ${median(conv).toFixed(1)} ms`);
  console.log(`    compile-time checks          ${median(chk).toFixed(1)} ms`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 0;
});
