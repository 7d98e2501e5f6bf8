#!/usr/bin/env node
// Regenerates test/diff/*.expected by running each numbered test/diff/*.py under real CPython.
// Not used by CI: CI compares the simulator against the committed .expected files.
//
// Usage: node scripts/gen-expected.mjs [--only PATTERN] [--python python3] [--check]
//   --only PATTERN   only programs whose file name contains PATTERN (or matches it as a regex)
//   --python EXE     interpreter to run (default: python3; must be CPython 3.11)
//   --check          do not write; report programs whose output differs from the committed file
//
// Each NAME.py is run with cwd = test/diff, stdin from NAME.stdin if present (else empty stdin),
// env PYTHONHASHSEED=0, PYTHONIOENCODING=utf-8 (PYTHONUNBUFFERED removed), stdout piped (so block-buffered, like the
// CLI's pipe mode), timeout 20 s. NAME.expected is pretty JSON:
//   { "stdout": "...", "exitCode": N, "stderrLastLine": "..." }

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const diffDir = join(root, 'test', 'diff');

const args = process.argv.slice(2);
let only = null;
let python = 'python3';
let check = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--only') only = args[++i];
  else if (a === '--python') python = args[++i];
  else if (a === '--check') check = true;
  else if (a === '-h' || a === '--help') {
    console.log('usage: node scripts/gen-expected.mjs [--only PATTERN] [--python EXE] [--check]');
    process.exit(0);
  } else {
    console.error(`unknown argument: ${a}`);
    process.exit(2);
  }
}

const version = spawnSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' });
if (version.status !== 0) {
  console.error(`cannot run ${python}: ${version.error ?? version.stderr}`);
  process.exit(2);
}
if (version.stdout.trim() !== '3.11') {
  console.error(`warning: ${python} is Python ${version.stdout.trim()}, expected files are meant to come from 3.11`);
}

let onlyRe = null;
if (only) {
  try { onlyRe = new RegExp(only); } catch { onlyRe = null; }
}
const files = readdirSync(diffDir)
  .filter((f) => /^[0-9].*\.py$/.test(f))
  .filter((f) => !only || f.includes(only) || (onlyRe && onlyRe.test(f)))
  .sort();

function lastNonEmptyLine(text) {
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i].trim() !== '') return lines[i];
  }
  return '';
}

// PYTHONDONTWRITEBYTECODE keeps __pycache__ out of test/diff when a test imports lib_*.py.
const env = { ...process.env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' };
for (const k of ['PYTHONUNBUFFERED', 'PYTHONWARNINGS', 'PYTHONDEVMODE', 'PYTHONSTARTUP', 'PYTHONPATH']) delete env[k];

let written = 0, unchanged = 0, differ = 0, timeouts = 0;
const counts = new Map();
for (const f of files) {
  const base = f.slice(0, -3);
  const stdinPath = join(diffDir, base + '.stdin');
  const input = existsSync(stdinPath) ? readFileSync(stdinPath) : Buffer.alloc(0);
  const r = spawnSync(python, [f], {
    cwd: diffDir,
    env,
    input,
    timeout: 20000,
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (r.error && r.error.code === 'ETIMEDOUT') {
    console.error(`TIMEOUT ${f}`);
    timeouts++;
    continue;
  }
  if (r.error) {
    console.error(`ERROR ${f}: ${r.error.message}`);
    timeouts++;
    continue;
  }
  // A process killed by a signal has status null; report it as a shell would (128 + N).
  let exitCode = r.status;
  if (exitCode === null && r.signal) {
    const sigNums = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGABRT: 6, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15 };
    exitCode = 128 + (sigNums[r.signal] ?? 0);
  }
  const result = {
    stdout: r.stdout.toString('utf8'),
    exitCode,
    stderrLastLine: lastNonEmptyLine(r.stderr.toString('utf8')),
  };
  const text = JSON.stringify(result, null, 2) + '\n';
  const outPath = join(diffDir, base + '.expected');
  const old = existsSync(outPath) ? readFileSync(outPath, 'utf8') : null;
  const key = `exit ${exitCode}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  if (old === text) {
    unchanged++;
  } else if (check) {
    console.log(`DIFFERS ${f}`);
    differ++;
  } else {
    writeFileSync(outPath, text);
    written++;
    if (old !== null) console.log(`updated ${base}.expected`);
  }
}

const byExit = [...counts.entries()].sort().map(([k, v]) => `${k}: ${v}`).join(', ');
console.log(`${files.length} programs; ${check ? `${differ} differ` : `${written} written`}, ${unchanged} unchanged, ${timeouts} failed/timed out (${byExit})`);
process.exit(timeouts > 0 || differ > 0 ? 1 : 0);
