// No false syntax errors on real programs (the differential tests and the samples), and
// robustness: mutants of those programs (lines dropped, duplicated, swapped; tokens
// deleted or duplicated) never make parse() throw and always yield a well-formed result.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Loc, ParseResult } from '../../src/sim/syntax/ast';
import { parse } from '../../src/sim/syntax/parser';
import { setupParser } from './syntax-helpers';

const root = join(__dirname, '..', '..');
function pyFiles(dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).filter((f) => f.endsWith('.py')).sort().map((f) => join(abs, f));
}
const corpus = [...pyFiles('test/diff'), ...pyFiles('samples')];

before(setupParser);

describe('no false errors on the corpus', () => {
  test(`parses ${corpus.length} files without syntax errors`, () => {
    const bad: string[] = [];
    for (const f of corpus) {
      const r = parse(readFileSync(f, 'utf8'), f);
      if (r.errors.length > 0 || !r.module) bad.push(`${f}: ${JSON.stringify(r.errors[0])}`);
    }
    assert.deepEqual(bad, []);
  });
});

/** xorshift32: deterministic mutations without Math.random. */
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
    case 3: { // delete a token-ish piece of a line
      const i = pick();
      const toks = lines[i].split(/(\s+|[()[\]{}:,.=+\-*/'"])/);
      toks.splice(Math.floor(r() * toks.length), 1);
      lines[i] = toks.join('');
      break;
    }
    case 4: { // duplicate a character
      const i = pick();
      const k = Math.floor(r() * (lines[i].length + 1));
      lines[i] = lines[i].slice(0, k) + lines[i].slice(k, k + 1) + lines[i].slice(k);
      break;
    }
    default: { // change indentation
      const i = pick();
      lines[i] = r() < 0.5 ? '  ' + lines[i] : lines[i].replace(/^ {1,3}/, '');
    }
  }
  return lines.join('\n');
}

function checkLoc(l: Loc, lineCount: number): void {
  assert.ok(l.line >= 1 && l.line <= lineCount + 1, `line ${l.line}`);
  assert.ok(l.col >= 0 && l.endCol >= 0, 'columns');
  assert.ok(l.endLine > l.line || (l.endLine === l.line && l.endCol >= l.col), `ordered ${JSON.stringify(l)}`);
}

function wellFormed(r: ParseResult, src: string): void {
  const lineCount = src.split('\n').length;
  assert.ok(r.errors.length <= 1, 'at most one error');
  assert.equal(r.module === null, r.errors.length > 0);
  for (const e of r.errors) {
    assert.ok(e.message.length > 0);
    checkLoc(e.loc, lineCount);
  }
  for (const u of r.unsupported) checkLoc(u.loc, lineCount);
}

describe('fuzz: mutants never throw', () => {
  test('300 mutants of corpus files', () => {
    if (corpus.length === 0) return;
    const r = rng(12345);
    for (let n = 0; n < 300; n++) {
      const f = corpus[Math.floor(r() * corpus.length)];
      let src = readFileSync(f, 'utf8');
      const rounds = 1 + Math.floor(r() * 3);
      for (let k = 0; k < rounds; k++) src = mutate(src, r);
      let res: ParseResult | undefined;
      assert.doesNotThrow(() => { res = parse(src, 'mutant.py'); }, `mutant ${n} of ${f}`);
      wellFormed(res!, src);
    }
  });

  test('odd inputs', () => {
    for (const src of ['', '\n', '\\', '(', ')', '"""', "'", 'f"{', 'f"{x!z}"', '\t\tx', '\x00', 'é = 1', '@', 'lambda', 'def', 'class', '0x', '1__0', '\uFEFFx = 1\n', 'x = "\\N{BULLET}"\n', 'if x:\n\tpass\n        pass\n']) {
      let res: ParseResult | undefined;
      assert.doesNotThrow(() => { res = parse(src, 'odd.py'); }, JSON.stringify(src));
      wellFormed(res!, src);
    }
  });
});
