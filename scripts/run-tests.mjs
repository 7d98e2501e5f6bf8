#!/usr/bin/env node
// Runs the test suite with node's built-in test runner (TypeScript through tsx).
//
//   node scripts/run-tests.mjs [DIR|FILE]...   (default: test/; test/e2e is left out,
//                                              its tests run inside VS Code: .vscode-test.mjs)
//
// Node 20's `--test` does not expand globs itself, so the files are listed here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function* testFiles(p) {
  const stat = fs.statSync(p);
  if (stat.isFile()) {
    yield p;
    return;
  }
  for (const entry of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(p, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && full !== path.join('test', 'e2e')) yield* testFiles(full);
    } else if (/\.test\.[cm]?ts$/.test(entry.name)) yield full;
  }
}

const roots = process.argv.length > 2 ? process.argv.slice(2) : ['test'];
const files = roots.flatMap((r) => [...testFiles(r)]);
if (files.length === 0) {
  console.error(`run-tests: no *.test.ts files under ${roots.join(', ')}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
