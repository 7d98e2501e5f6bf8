// Output-equivalence check for parser changes (a tool, not a test): records parse() results
// for a corpus — the Python standard library when present, test/diff and samples, and
// seeded mutants of those — then, after a change, compares against the recording.
//   node --import tsx bench/parse/equiv.ts record /tmp/parse-baseline.json [stdlibDir]
//   node --import tsx bench/parse/equiv.ts compare /tmp/parse-baseline.json [stdlibDir]
// Results are compared as JSON (bigints as strings; -0 and NaN kept distinct).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadParserWasm } from '../../src/cli/wasm';
import { initParser, parse } from '../../src/sim/syntax/parser';

const root = join(__dirname, '..', '..');

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir).sort()) {
    if (e === 'site-packages' || e === '__pycache__') continue;
    const p = join(dir, e);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (e.endsWith('.py')) out.push(p);
  }
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

function mutate(src: string, r: () => number): string {
  const lines = src.split('\n');
  const pick = (): number => Math.floor(r() * lines.length);
  switch (Math.floor(r() * 6)) {
    case 0: lines.splice(pick(), 1); break;
    case 1: { const i = pick(); lines.splice(i, 0, lines[i]); break; }
    case 2: { const i = pick(); const j = pick(); [lines[i], lines[j]] = [lines[j], lines[i]]; break; }
    case 3: {
      const i = pick();
      const toks = lines[i].split(/(\s+|[()[\]{}:,.=+\-*/'"])/);
      toks.splice(Math.floor(r() * toks.length), 1);
      lines[i] = toks.join('');
      break;
    }
    case 4: {
      const i = pick();
      const k = Math.floor(r() * (lines[i].length + 1));
      lines[i] = lines[i].slice(0, k) + lines[i].slice(k, k + 1) + lines[i].slice(k);
      break;
    }
    default: {
      const i = pick();
      lines[i] = r() < 0.5 ? '  ' + lines[i] : lines[i].replace(/^ {1,3}/, '');
    }
  }
  return lines.join('\n');
}

function serialize(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number' && (Object.is(v, -0) || !Number.isFinite(v))) return `num:${Object.is(v, -0) ? '-0' : String(v)}`;
    return v;
  });
}

function corpus(stdlib: string): { name: string; src: string }[] {
  const files: string[] = [];
  walk(stdlib, files);
  const local: string[] = [];
  walk(join(root, 'test', 'diff'), local);
  walk(join(root, 'samples'), local);
  const out = [...files, ...local].map((f) => ({ name: f, src: readFileSync(f, 'utf8') }));
  // Non-ASCII, CRLF and lone-CR variants of the local files, and mutants.
  for (const f of local) {
    const s = readFileSync(f, 'utf8');
    out.push({ name: `${f}#crlf`, src: s.replace(/\n/g, '\r\n') });
    out.push({ name: `${f}#cr`, src: s.replace(/\n/g, '\r') });
    out.push({ name: `${f}#nonascii`, src: s.replace(/"([^"\n]*)"/g, '"é😀$1"').replace(/#(.*)/g, '# ñ😀 $1') });
  }
  const r = rng(4242);
  for (let n = 0; n < 3000; n++) {
    const f = local[Math.floor(r() * local.length)];
    let src = readFileSync(f, 'utf8');
    const rounds = 1 + Math.floor(r() * 3);
    for (let k = 0; k < rounds; k++) src = mutate(src, r);
    out.push({ name: `mutant ${n} of ${f}`, src });
  }
  return out;
}

async function main(): Promise<void> {
  const [mode, file, stdlibArg] = process.argv.slice(2);
  if ((mode !== 'record' && mode !== 'compare') || !file) {
    console.error('usage: equiv.ts record|compare FILE [stdlibDir]');
    process.exitCode = 2;
    return;
  }
  const stdlib = stdlibArg ?? '/usr/lib/python3.11';
  await initParser(loadParserWasm());
  const results: Record<string, string> = {};
  let errors = 0;
  for (const { name, src } of corpus(stdlib)) {
    const r = parse(src, name);
    if (r.errors.length > 0) errors++;
    results[name] = createHash('sha256').update(serialize(r)).digest('hex');
  }
  const n = Object.keys(results).length;
  if (mode === 'record') {
    writeFileSync(file, JSON.stringify(results));
    console.log(`recorded ${n} results (${errors} with syntax errors) to ${file}`);
    return;
  }
  const base = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const diff = Object.keys(base).filter((k) => base[k] !== results[k]);
  console.log(`compared ${n} results (${errors} with syntax errors): ${diff.length} differ`);
  for (const k of diff.slice(0, 20)) console.log(`  differs: ${k}`);
  if (diff.length > 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
