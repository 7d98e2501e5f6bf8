// Whole-program compiler tests from source text:
//  - dis snapshots of the programs in compiler-golden/ (UPDATE_GOLDEN=1 re-records them);
//  - every test/diff/*.py compiles (or is refused as unsupported) and passes the verifier;
//  - code-object structure (qualnames, varnames, cell/free variables, argument counts,
//    flags) equals what CPython 3.11 produced, recorded in compiler-golden/cpython-codes.json
//    by gen-cpython-codes.py, for every file whose source is unchanged since recording.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { CodeObject } from '../../src/sim/compiler/code';
import { CompileError, compileModule } from '../../src/sim/compiler/compile';
import { disassemble } from '../../src/sim/compiler/dis';
import { verifyCode } from '../../src/sim/compiler/verify';
import { parse } from '../../src/sim/syntax/parser';
import { parserReady } from './compiler-parse';

const GOLDEN = path.join('test', 'unit', 'compiler-golden');
const DIFF = path.join('test', 'diff');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

before(() => parserReady());

function pyFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => (dir === GOLDEN ? /^\d+_\w+\.py$/ : /\.py$/).test(f)).sort();
}

function allCodes(code: CodeObject): CodeObject[] {
  const out: CodeObject[] = [code];
  for (const k of code.consts) if (k.type === 'code') out.push(...allCodes(k.code));
  return out;
}

test('dis snapshots of the golden programs', () => {
  const files = pyFiles(GOLDEN);
  assert.ok(files.length >= 12);
  const stale: string[] = [];
  for (const f of files) {
    const src = fs.readFileSync(path.join(GOLDEN, f), 'utf8');
    const r = parse(src, f);
    assert.ok(r.module, `${f}: ${JSON.stringify(r.errors)}`);
    const code = compileModule(r.module, f);
    assert.deepEqual(verifyCode(code), [], f);
    const text = disassemble(code);
    const golden = path.join(GOLDEN, f.replace(/\.py$/, '.dis'));
    if (UPDATE || !fs.existsSync(golden)) {
      fs.writeFileSync(golden, text);
      continue;
    }
    if (fs.readFileSync(golden, 'utf8') !== text) stale.push(f);
  }
  assert.deepEqual(stale, [], 'dis output changed (UPDATE_GOLDEN=1 to re-record)');
});

test('every test/diff program compiles and verifies', () => {
  const files = pyFiles(DIFF);
  let compiled = 0;
  const problems: string[] = [];
  for (const f of files) {
    const r = parse(fs.readFileSync(path.join(DIFF, f), 'utf8'), f);
    if (!r.module) continue; // a syntax error (some programs test them) or a parser gap
    try {
      const code = compileModule(r.module, f);
      const errors = verifyCode(code);
      if (errors.length > 0) problems.push(`${f}: ${errors.slice(0, 3).join('; ')}`);
      compiled++;
    } catch (e) {
      if (e instanceof CompileError && (e.kind === 'unsupported' || e.kind === 'syntax')) continue;
      problems.push(`${f}: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }
  assert.deepEqual(problems, []);
  if (files.length > 0) assert.ok(compiled >= files.length * 0.9, `only ${compiled} of ${files.length} compiled`);
});

interface PyCode {
  qualname: string;
  firstline: number;
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  argcount: number;
  posonly: number;
  kwonly: number;
  flags: number;
}

test('code objects match CPython 3.11 (qualnames, variables, flags)', () => {
  const recorded: Record<string, { sha1: string; codes: PyCode[] }> = JSON.parse(
    fs.readFileSync(path.join(GOLDEN, 'cpython-codes.json'), 'utf8'),
  );
  let checked = 0;
  const problems: string[] = [];
  for (const [rel, { sha1, codes }] of Object.entries(recorded)) {
    if (!fs.existsSync(rel)) continue;
    const src = fs.readFileSync(rel, 'utf8');
    if (crypto.createHash('sha1').update(src).digest('hex') !== sha1) continue;
    const f = path.basename(rel);
    const r = parse(src, f);
    if (!r.module) continue;
    let code: CodeObject;
    try {
      code = compileModule(r.module, f);
    } catch (e) {
      if (e instanceof CompileError) continue;
      throw e;
    }
    const mine = allCodes(code);
    if (mine.length !== codes.length) {
      problems.push(`${rel}: ${mine.length} code objects, CPython ${codes.length}`);
      continue;
    }
    // CPython's flags include NOFREE (64) etc.; we compare the low six bits only.
    const pending = [...codes];
    for (const c of mine) {
      const i = pending.findIndex((p) => p.qualname === c.qualname && p.firstline === c.firstLine);
      if (i < 0) {
        problems.push(`${rel}: ${c.qualname} (line ${c.firstLine}) has no CPython counterpart`);
        continue;
      }
      const p = pending.splice(i, 1)[0];
      const mineFacts = [c.varnames, c.cellvars, c.freevars, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags & 63];
      const theirs = [p.varnames, p.cellvars, p.freevars, p.argcount, p.posonly, p.kwonly, p.flags];
      try {
        assert.deepEqual(mineFacts, theirs);
      } catch {
        problems.push(`${rel}: ${c.qualname}: ${JSON.stringify(mineFacts)} != ${JSON.stringify(theirs)}`);
      }
    }
    checked++;
  }
  assert.deepEqual(problems, []);
  assert.ok(checked >= 12, `only ${checked} files checked`);
});
